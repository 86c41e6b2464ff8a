package index

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/analyze"
)

// TaskFilter selects ledger rows by the agencies named for them; empty
// fields select everything.
type TaskFilter struct {
	Lead      string
	Cooperate string
	ReportTo  string
	Agency    string // leads, cooperates or receives the reports
}

// query selects the ledger rows whose agencies hold the words of the
// filter's names: a superset of what agency.Match accepts (see
// agencyForms), narrowed by the caller.
func (f TaskFilter) query() query.Query {
	qs := []query.Query{termQ(fKind, KindTask)}
	words := func(field, name string) query.Query {
		var alts []query.Query
		for _, form := range agencyForms(name) {
			var ws []query.Query
			for _, w := range queryWords(form) {
				ws = append(ws, termQ(field, w.fold))
			}
			if len(ws) > 0 {
				alts = append(alts, bleve.NewConjunctionQuery(ws...))
			}
		}
		if len(alts) == 0 {
			return nil
		}
		return bleve.NewDisjunctionQuery(alts...)
	}
	for _, c := range []struct{ field, name string }{{fLead, f.Lead}, {fCoop, f.Cooperate}, {fReport, f.ReportTo}} {
		if c.name == "" {
			continue
		}
		if q := words(c.field, c.name); q != nil {
			qs = append(qs, q)
		}
	}
	if f.Agency != "" {
		var any []query.Query
		for _, field := range []string{fLead, fCoop, fReport} {
			if q := words(field, f.Agency); q != nil {
				any = append(any, q)
			}
		}
		if len(any) > 0 {
			qs = append(qs, bleve.NewDisjunctionQuery(any...))
		}
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// keep applies the filter exactly, with agency.Match.
func (f TaskFilter) keep(row analyze.TaskRow) bool {
	return matchAny(f.Lead, row.Lead) && matchAny(f.Cooperate, row.Cooperate) && matchAny(f.ReportTo, row.ReportTo) &&
		(f.Agency == "" || matchAny(f.Agency, row.Lead) || matchAny(f.Agency, row.Cooperate) || matchAny(f.Agency, row.ReportTo))
}

// Ledger is the part of one decision's task ledger a query selected.
type Ledger struct {
	ID     string
	Source string        // absolute path of the file
	Name   string        // the file's name as given when indexed
	Header parser.Header // the decision's header
	Rows   []analyze.TaskRow
}

// Result rebuilds the part of the decision's analysis its ledger rows
// hold: analyze.Ledger of it gives back exactly these rows.
func (l Ledger) Result() *analyze.Result {
	r := &analyze.Result{Source: l.Name, Document: l.Header, Doc: &parser.Document{Name: l.Name, Header: l.Header}}
	for _, row := range l.Rows {
		r.Tasks = append(r.Tasks, analyze.Task{Path: row.Path, Heading: row.Heading, Line: row.Line})
		if len(row.Lead)+len(row.Cooperate)+len(row.ReportTo) > 0 {
			r.Responsibilities = append(r.Responsibilities, agency.Responsibility{Path: row.Path, Lead: row.Lead,
				Cooperate: row.Cooperate, ReportTo: row.ReportTo, Line: row.Line})
		}
		r.Deadlines = append(r.Deadlines, row.Deadlines...)
	}
	return r
}

// Ledgers calls fn, in source order, with the ledger rows of every indexed
// decision that f may select: the index finds the row documents whose
// agencies hold the words of f, and only those rows are decoded, from the
// ledger entry of their decision (one JSON line a row, stored apart from
// the decision's text; nothing is parsed or analyzed again). f.keep (Tasks) or the caller's own filter narrows them.
func (ix *Index) Ledgers(f TaskFilter, fn func(Ledger) error) error {
	type rowHit struct {
		doc string
		ord int
	}
	var hits []rowHit
	err := ix.eachHit(f.query(), []string{fMeta}, func(id string, fs map[string]interface{}) error {
		d, _ := splitID(id)
		hits = append(hits, rowHit{doc: d, ord: parseMeta(str(fs[fMeta])).ord})
		return nil
	})
	if err != nil {
		return err
	}
	byDoc := map[string]*Ledger{}
	lines := map[string][]string{} // the stored ledger of each decision
	var ids []string
	for _, h := range hits {
		if byDoc[h.doc] == nil {
			byDoc[h.doc] = &Ledger{ID: h.doc}
			ids = append(ids, h.doc)
		}
	}
	for rest := ids; len(rest) > 0; {
		n := min(500, len(rest))
		lids := make([]string, n)
		for i, id := range rest[:n] {
			lids[i] = ledgerID(id)
		}
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(lids), n, 0, false)
		req.Fields = []string{fSource, fName, fHeader, fLedger}
		req.Score = "none"
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			id := strings.TrimSuffix(h.ID, "#ledger")
			l := byDoc[id]
			if l == nil {
				continue
			}
			l.Source, l.Name = str(h.Fields[fSource]), str(h.Fields[fName])
			if err := json.Unmarshal([]byte(str(h.Fields[fHeader])), &l.Header); err != nil {
				return fmt.Errorf("index entry %s: %v", h.ID, err)
			}
			lines[id] = strings.Split(str(h.Fields[fLedger]), "\n")
		}
		rest = rest[n:]
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := byDoc[hits[i].doc], byDoc[hits[j].doc]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return hits[i].ord < hits[j].ord
	})
	var cur *Ledger
	for _, h := range hits {
		l := byDoc[h.doc]
		if cur != l {
			if cur != nil {
				if err := fn(*cur); err != nil {
					return err
				}
			}
			cur = l
		}
		ls := lines[h.doc]
		if h.ord < 0 || h.ord >= len(ls) {
			return fmt.Errorf("index entry %s: ledger row %d missing", h.doc, h.ord)
		}
		// Only the selected rows are decoded.
		var row analyze.TaskRow
		if err := json.Unmarshal([]byte(ls[h.ord]), &row); err != nil {
			return fmt.Errorf("index entry %s: %v", h.doc, err)
		}
		cur.Rows = append(cur.Rows, row)
	}
	if cur != nil {
		return fn(*cur)
	}
	return nil
}

// Tasks is the task ledger over the index: the rows f selects, in the
// order the file commands give them (by file path, then ledger order).
func (ix *Index) Tasks(f TaskFilter) ([]analyze.TaskRow, error) {
	var out []analyze.TaskRow
	err := ix.Ledgers(f, func(l Ledger) error {
		for _, row := range l.Rows {
			if f.keep(row) {
				out = append(out, row)
			}
		}
		return nil
	})
	return out, err
}

func matchAny(q string, names []string) bool {
	if q == "" {
		return true
	}
	for _, n := range names {
		if agency.Match(q, n) {
			return true
		}
	}
	return false
}
