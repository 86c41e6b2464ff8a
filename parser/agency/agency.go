// Package agency resolves agency names and finds who leads, cooperates with
// and receives reports for each task.
package agency

import "github.com/vanban/vanban/parser"

// Responsibility is who does a task.
type Responsibility struct {
	Path      string   `json:"path"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
	ReportTo  []string `json:"report_to"`
	Line      int      `json:"line"`
}

// Extract returns the responsibilities stated in doc.
func Extract(doc *parser.Document) []Responsibility {
	return []Responsibility{} // filled by issue 4
}
