// Package analyze runs every extractor over a parsed document and assembles
// the structured result that output.md defines.
package analyze

import (
	"fmt"
	"sort"

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
	Source    string          `json:"source"`
	Document  parser.Header   `json:"document"`
	Bases     []string        `json:"bases"`
	Articles  []Article       `json:"articles"`
	Tasks     []Task          `json:"tasks"`
	Citations []cite.Citation `json:"citations"`
	// InternalReferences are the document's references to its own units
	// ("khoản 2 Điều 5 của Nghị định này"), with the paths they point at.
	InternalReferences []cite.InternalRef      `json:"internal_references"`
	Deadlines          []deadline.Deadline     `json:"deadlines"`
	EffectiveDates     []deadline.Deadline     `json:"effective_dates"`
	Responsibilities   []agency.Responsibility `json:"responsibilities"`
	Appendices         []appendix.Appendix     `json:"appendices"`
	Recipients         []string                `json:"recipients"`
	Archive            string                  `json:"archive,omitempty"`
	Problems           []string                `json:"problems,omitempty"`

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
	// Each extractor runs on its own: one that fails on odd text costs that
	// field of this document, reported as a problem, never the document.
	r.Citations, r.InternalReferences = []cite.Citation{}, []cite.InternalRef{}
	r.Deadlines, r.EffectiveDates = []deadline.Deadline{}, []deadline.Deadline{}
	r.Responsibilities, r.Appendices = []agency.Responsibility{}, []appendix.Appendix{}
	var tables appendix.Result
	r.safely("citations", func() {
		all := cite.ExtractAll(doc)
		r.Citations, r.InternalReferences = all.Citations, all.Internal
	})
	r.safely("appendix tables", func() { tables = appendix.Read(doc) })
	r.safely("deadlines", func() {
		dl := deadline.ExtractExcept(doc, tables.Covers)
		r.Deadlines, r.EffectiveDates = dl.Deadlines, dl.EffectiveDates
	})
	r.safely("responsibilities", func() { r.Responsibilities = agency.ExtractExcept(doc, tables.Covers) })
	if tables.Indicators != nil {
		r.Appendices = tables.Indicators
	}
	// rows of task tables are tasks with their responsibilities and deadlines
	for _, t := range tables.Tasks {
		r.Tasks = append(r.Tasks, Task{Path: t.Path, Label: t.Label, Heading: t.Heading, Line: t.Line})
		if len(t.Lead) > 0 || len(t.Cooperate) > 0 {
			r.Responsibilities = append(r.Responsibilities, agency.Responsibility{Path: t.Path, Lead: t.Lead,
				Cooperate: t.Cooperate, ReportTo: []string{}, Line: t.Line, Text: t.Content, Offset: t.Offset})
		}
		r.Deadlines = append(r.Deadlines, t.Deadlines...)
	}
	sortByOffset(r.Deadlines, func(d deadline.Deadline) int { return d.Offset })
	sortByOffset(r.Responsibilities, func(x agency.Responsibility) int { return x.Offset })
	r.listsNotNull()
	return r
}

// listsNotNull makes every list of the JSON contract an array, empty
// rather than null, whichever extractor made it.
func (r *Result) listsNotNull() {
	r.InternalReferences = nonNil(r.InternalReferences)
	for i := range r.Responsibilities {
		x := &r.Responsibilities[i]
		x.Lead, x.Cooperate, x.ReportTo = nonNil(x.Lead), nonNil(x.Cooperate), nonNil(x.ReportTo)
	}
	for i := range r.Appendices {
		a := &r.Appendices[i]
		a.Columns, a.Rows = nonNil(a.Columns), nonNil(a.Rows)
		for j := range a.Rows {
			row := &a.Rows[j]
			row.Lead, row.Cooperate = nonNil(row.Lead), nonNil(row.Cooperate)
		}
	}
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// safely runs one extractor; a panic becomes a problem of this document.
func (r *Result) safely(what string, fn func()) {
	defer func() {
		if p := recover(); p != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: %s extractor failed: %v", r.Source, what, p))
		}
	}()
	fn()
}

// sortByOffset orders xs by their place in the document, keeping the order
// of equal places.
func sortByOffset[T any](xs []T, off func(T) int) {
	sort.SliceStable(xs, func(i, j int) bool { return off(xs[i]) < off(xs[j]) })
}

// TaskRow is one line of the task ledger: a task with who leads it, who
// cooperates, who receives its reports and its deadlines.
type TaskRow struct {
	Document  string              `json:"document"`
	Number    string              `json:"number"`
	Path      string              `json:"path"`
	Heading   string              `json:"heading"`
	Lead      []string            `json:"lead"`
	Cooperate []string            `json:"cooperate"`
	ReportTo  []string            `json:"report_to"`
	Deadlines []deadline.Deadline `json:"deadlines"`
	Line      int                 `json:"line"`
}

// Ledger joins r's tasks with their responsibilities and deadlines by
// path: one row per task, agencies listed once each in the order found.
// Responsibilities and deadlines stated at a path that is not a task (an
// article without numbered units, an appendix heading) get a row of their
// own, so that nothing found is lost.
func Ledger(r *Result) []TaskRow {
	doc := r.Source
	if r.Doc != nil && r.Doc.Name != "" {
		doc = r.Doc.Name
	}
	rows := []TaskRow{}
	index := map[string]int{}
	row := func(path, heading string, line int) *TaskRow {
		if i, ok := index[path]; ok {
			return &rows[i]
		}
		index[path] = len(rows)
		rows = append(rows, TaskRow{Document: doc, Number: r.Document.Number, Path: path, Heading: heading,
			Lead: []string{}, Cooperate: []string{}, ReportTo: []string{}, Deadlines: []deadline.Deadline{}, Line: line})
		return &rows[len(rows)-1]
	}
	for _, t := range r.Tasks {
		row(t.Path, t.Heading, t.Line)
	}
	articles := map[string]Article{}
	for _, a := range r.Articles {
		articles[a.Label] = a
	}
	heading := func(path string, line int) (string, int) {
		if a, ok := articles[path]; ok {
			return parser.FirstRunes(a.Title, HeadingRunes), a.Line
		}
		return "", line
	}
	for _, x := range r.Responsibilities {
		h, l := heading(x.Path, x.Line)
		tr := row(x.Path, h, l)
		tr.Lead = addUnique(tr.Lead, x.Lead)
		tr.Cooperate = addUnique(tr.Cooperate, x.Cooperate)
		tr.ReportTo = addUnique(tr.ReportTo, x.ReportTo)
	}
	for _, d := range r.Deadlines {
		h, l := heading(d.Path, d.Line)
		tr := row(d.Path, h, l)
		tr.Deadlines = append(tr.Deadlines, d)
	}
	return rows
}

func addUnique(list, names []string) []string {
	for _, n := range names {
		dup := false
		for _, x := range list {
			if agency.Key(x) == agency.Key(n) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
