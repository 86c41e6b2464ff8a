package index

import (
	"github.com/RoaringBitmap/roaring/v2"

	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// The filters of a Request (filterQuery) are conjunctions of terms and
// term ranges: they are read as the set of the entries that pass
// (docset.go), built once a search, which each candidate is looked up in
// and a word's entries are counted against.

// compileSet reads q as a conjunction of clauses, each the terms of a
// term query, of a term range, or of a disjunction of those, and gives the
// set of entries that pass; ok is false for any other query (or index).
func compileSet(r bleveindex.IndexReader, q query.Query) (set *docSet, ok bool, err error) {
	type term struct{ field, text string }
	var clauses [][]term
	// alternatives lists the terms of one clause.
	var alternatives func(q query.Query) ([]term, bool, error)
	alternatives = func(q query.Query) ([]term, bool, error) {
		switch q := q.(type) {
		case *query.TermQuery:
			return []term{{q.FieldVal, q.Term}}, true, nil
		case *query.TermRangeQuery:
			// as Bleve's term range searcher reads it: the dictionary's
			// range end is exclusive, so a 0 byte goes after the maximum;
			// the minimum is inclusive and the maximum exclusive unless said
			var end []byte
			if q.Max != "" {
				end = append([]byte(q.Max), 0)
			}
			inclMin := q.InclusiveMin == nil || *q.InclusiveMin
			inclMax := q.InclusiveMax != nil && *q.InclusiveMax
			d, err := r.FieldDictRange(q.FieldVal, []byte(q.Min), end)
			if err != nil {
				return nil, false, err
			}
			defer d.Close()
			var out []term
			for {
				e, err := d.Next()
				if err != nil {
					return nil, false, err
				}
				if e == nil {
					return out, true, nil
				}
				if (!inclMin && e.Term == q.Min) || (!inclMax && e.Term == q.Max) {
					continue
				}
				out = append(out, term{q.FieldVal, e.Term})
			}
		case *query.DisjunctionQuery:
			if q.Min > 1 {
				return nil, false, nil
			}
			var out []term
			for _, d := range q.Disjuncts {
				ts, ok, err := alternatives(d)
				if err != nil || !ok {
					return nil, ok, err
				}
				out = append(out, ts...)
			}
			return out, true, nil
		}
		return nil, false, nil
	}
	var walk func(q query.Query) (bool, error)
	walk = func(q query.Query) (bool, error) {
		if c, isConj := q.(*query.ConjunctionQuery); isConj {
			for _, x := range c.Conjuncts {
				if ok, err := walk(x); err != nil || !ok {
					return ok, err
				}
			}
			return true, nil
		}
		ts, ok, err := alternatives(q)
		if err != nil || !ok {
			return ok, err
		}
		clauses = append(clauses, ts)
		return true, nil
	}
	if ok, err := walk(q); err != nil || !ok {
		return nil, ok, err
	}
	sg, isScorch := segmentsOf(r)
	if !isScorch {
		return nil, false, nil
	}
	for _, clause := range clauses {
		var alts []*docSet
		for _, t := range clause {
			ts, err := sg.term(t.field, t.text)
			if err != nil {
				return nil, false, err
			}
			alts = append(alts, ts)
		}
		c := union(sg, alts)
		if set == nil {
			set = c
		} else {
			set = set.and(c)
		}
	}
	if set == nil { // no clause: every entry
		set = &docSet{sg: sg, bms: make([]*roaring.Bitmap, len(sg.segs))}
		for i, s := range sg.segs {
			set.bms[i] = s.DocNumbersLive()
		}
	}
	return set, true, nil
}
