package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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
	r, err := ix.reader()
	if err != nil {
		return err
	}
	defer r.Close()
	sg, ok := segmentsOf(r)
	if !ok {
		return errors.New("the index is not a scorch index")
	}
	// The selected rows: their decision (in their ID) and their place in
	// its ledger, read from the segments, without a collector.
	var hits []rowHit
	s, err := f.query().Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	rowFields := []string{"_id", fMeta}
	for {
		dm, err := s.Next(ctx)
		if err != nil {
			return err
		}
		if dm == nil {
			break
		}
		seg, num, ok := sg.locate(dm.IndexInternalID)
		if !ok {
			return fmt.Errorf("entry ID %x is not a scorch number", []byte(dm.IndexInternalID))
		}
		fs, err := sg.storedAt(seg, num, rowFields)
		if err != nil {
			return err
		}
		d, _ := splitID(fs["_id"])
		hits = append(hits, rowHit{doc: d, ord: parseMeta(fs[fMeta]).ord})
		ctx.DocumentMatchPool.Put(dm)
	}
	byDoc := map[string]*Ledger{}
	lines := map[string][]string{} // the stored ledger of each decision
	var lids []string
	for _, h := range hits {
		if byDoc[h.doc] == nil {
			byDoc[h.doc] = &Ledger{ID: h.doc}
			lids = append(lids, ledgerID(h.doc))
		}
	}
	ledgers, err := ix.stored(lids, fSource, fName, fHeader, fLedger)
	if err != nil {
		return err
	}
	for lid, fs := range ledgers {
		id := strings.TrimSuffix(lid, "#ledger")
		l := byDoc[id]
		l.Source, l.Name = fs[fSource], fs[fName]
		if err := json.Unmarshal([]byte(fs[fHeader]), &l.Header); err != nil {
			return fmt.Errorf("index entry %s: %v", lid, err)
		}
		lines[id] = strings.Split(fs[fLedger], "\n")
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
