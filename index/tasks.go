package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/analyze"
)

// TaskFilter selects tasks by the agencies named for them; empty fields
// select everything.
type TaskFilter struct {
	Lead      string
	Cooperate string
	ReportTo  string
}

func (f TaskFilter) query() query.Query {
	var qs []query.Query
	for _, c := range []struct{ field, name string }{{fLead, f.Lead}, {fCoop, f.Cooperate}, {fReport, f.ReportTo}} {
		if c.name == "" {
			continue
		}
		for _, name := range agencyForms(c.name) {
			var words []query.Query
			for _, w := range queryWords(name) {
				words = append(words, termQ(c.field, w.fold))
			}
			if len(words) > 0 {
				qs = append(qs, bleve.NewConjunctionQuery(words...))
			}
		}
	}
	if len(qs) == 0 {
		return termQ(fKind, KindDoc)
	}
	return bleve.NewConjunctionQuery(termQ(fKind, KindTask), bleve.NewDisjunctionQuery(qs...))
}

// Candidates calls fn, in source order, with every indexed decision that
// may hold a task f selects: the index narrows the corpus down to the
// decisions with a task whose agencies contain the words of the filter,
// and the caller applies its exact filter to their ledgers, so the result
// is the ledger the files give.
func (ix *Index) Candidates(f TaskFilter, fn func(Stored) error) error {
	ids, err := ix.docsMatching(f.query())
	if err != nil {
		return err
	}
	return ix.load(ids, fn)
}

// Tasks is the task ledger over the index: analyze.Ledger of every
// candidate decision, rows kept when agency.Match accepts one of their
// agencies for each field of f set.
func (ix *Index) Tasks(f TaskFilter) ([]analyze.TaskRow, error) {
	var out []analyze.TaskRow
	err := ix.Candidates(f, func(s Stored) error {
		for _, row := range analyze.Ledger(s.Result) {
			if matchAny(f.Lead, row.Lead) && matchAny(f.Cooperate, row.Cooperate) && matchAny(f.ReportTo, row.ReportTo) {
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
