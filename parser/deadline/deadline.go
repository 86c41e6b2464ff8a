// Package deadline finds deadlines and effective dates in a document's tasks.
package deadline

import "github.com/vanban/vanban/parser"

// Deadline is one time limit (or recurring duty) of a task.
type Deadline struct {
	Path string  `json:"path"`
	Text string  `json:"text"`
	Date *string `json:"date"`
	Kind string  `json:"kind"`
	What string  `json:"what"`
	Line int     `json:"line"`
	Col  int     `json:"col"`
}

// Result holds the deadlines and the effective dates of a document.
type Result struct {
	Deadlines      []Deadline
	EffectiveDates []Deadline
}

// Extract returns doc's deadlines in document order.
func Extract(doc *parser.Document) Result {
	return Result{Deadlines: []Deadline{}, EffectiveDates: []Deadline{}} // filled by issue 4
}
