// Package appendix reads the tables of appendices: indicator tables and task
// tables.
package appendix

import "github.com/vanban/vanban/parser"

// Row is one row of an indicator table.
type Row struct {
	STT       *string  `json:"stt"`
	Indicator string   `json:"indicator"`
	Unit      *string  `json:"unit"`
	Target    *string  `json:"target"`
	Parent    *string  `json:"parent"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
	Line      int      `json:"line"`
}

// Appendix is one appendix table.
type Appendix struct {
	Title   string   `json:"title"`
	Columns []string `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Extract returns the indicator tables of doc.
func Extract(doc *parser.Document) []Appendix {
	return []Appendix{} // filled by issue 4
}
