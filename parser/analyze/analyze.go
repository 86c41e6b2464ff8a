// Package analyze runs every extractor over a parsed document and assembles
// the structured result that output.md defines.
package analyze

import (
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/appendix"
	"github.com/vanban/vanban/parser/cite"
	"github.com/vanban/vanban/parser/deadline"
)

// Article is one Điều of the document's own body.
type Article struct {
	Number int    `json:"number"`
	Label  string `json:"label"`
	Title  string `json:"title"`
	Line   int    `json:"line"`
}

// Task is one numbered unit below the articles (or at the top of a
// document without articles), or one row of a task table.
type Task struct {
	Path    string `json:"path"`
	Label   string `json:"label"`
	Heading string `json:"heading"`
	Line    int    `json:"line"`
}

// Result is the whole structured document: the JSON contract.
type Result struct {
	Source           string                  `json:"source"`
	Document         parser.Header           `json:"document"`
	Bases            []string                `json:"bases"`
	Articles         []Article               `json:"articles"`
	Tasks            []Task                  `json:"tasks"`
	Citations        []cite.Citation         `json:"citations"`
	Deadlines        []deadline.Deadline     `json:"deadlines"`
	EffectiveDates   []deadline.Deadline     `json:"effective_dates"`
	Responsibilities []agency.Responsibility `json:"responsibilities"`
	Appendices       []appendix.Appendix     `json:"appendices"`
	Recipients       []string                `json:"recipients"`
	Archive          string                  `json:"archive,omitempty"`
	Problems         []string                `json:"problems,omitempty"`

	Doc *parser.Document `json:"-"`
}

// HeadingRunes is how much of a unit's first line "heading" keeps.
const HeadingRunes = 80

// Analyze runs the extractors over doc.
func Analyze(doc *parser.Document, problems []parser.Problem) *Result {
	r := &Result{Source: doc.Name, Document: doc.Header, Doc: doc,
		Bases: []string{}, Articles: []Article{}, Tasks: []Task{}, Recipients: []string{}}
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		switch n.Kind {
		case parser.KindBases:
			for _, c := range n.Children {
				r.Bases = append(r.Bases, parser.Clean(doc.Text[c.Body.Start:c.Body.End]))
			}
			return false
		case parser.KindArticle:
			if n.Path == n.Label { // the document's own articles, not an attached text's
				r.Articles = append(r.Articles, Article{Number: atoi(n.Label), Label: n.Label, Title: n.Heading, Line: n.Pos.Line})
			} else {
				r.Tasks = append(r.Tasks, Task{Path: n.Path, Label: n.Label, Heading: parser.FirstRunes(n.Heading, HeadingRunes), Line: n.Pos.Line})
			}
		case parser.KindItem:
			r.Tasks = append(r.Tasks, Task{Path: n.Path, Label: n.Label, Heading: parser.FirstRunes(n.Heading, HeadingRunes), Line: n.Pos.Line})
		}
		return true
	})
	if doc.Recipients != nil {
		r.Recipients = doc.Recipients
	}
	r.Archive = doc.Archive
	for _, p := range problems {
		r.Problems = append(r.Problems, p.String())
	}
	r.Citations = cite.Extract(doc)
	dl := deadline.Extract(doc)
	r.Deadlines, r.EffectiveDates = dl.Deadlines, dl.EffectiveDates
	r.Responsibilities = agency.Extract(doc)
	r.Appendices = appendix.Extract(doc)
	return r
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
