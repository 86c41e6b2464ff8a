// Package cite finds the instruments a document cites.
package cite

import "github.com/vanban/vanban/parser"

// Mention is one place an instrument is named.
type Mention struct {
	Path     string  `json:"path"`
	Text     string  `json:"text"`
	Pinpoint *string `json:"pinpoint"`
	Line     int     `json:"line"`
	Col      int     `json:"col"`
}

// Citation is one distinct cited instrument with every mention of it.
type Citation struct {
	Key      string    `json:"key"`
	Type     string    `json:"type"`
	Number   *string   `json:"number"`
	Date     *string   `json:"date"`
	Issuer   *string   `json:"issuer"`
	Title    *string   `json:"title"`
	Mentions []Mention `json:"mentions"`
}

// Extract returns the instruments doc cites, in order of first mention.
func Extract(doc *parser.Document) []Citation {
	return []Citation{} // filled by the citation extractor (issue 3)
}
