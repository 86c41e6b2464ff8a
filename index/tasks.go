package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
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
