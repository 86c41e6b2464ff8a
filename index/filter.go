package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A filter read along increasing entry IDs: at tells whether the entry
// passes. The searches of prune.go test a few hundred or thousand entries
// against a filter, in rounds; Bleve's searcher of a filter first builds
// the union of a date range's postings as one bitmap, which costs more
// than those tests. The filters of a Request (filterQuery) are
// conjunctions of terms and term ranges, so they are read here as lists of
// alternatives, each a postings list advanced to the entry asked for.

type filterFollower interface {
	at(ctx *search.SearchContext, id bleveindex.IndexInternalID) (bool, error)
	close() error
}

// newFilterFollower follows filter: as postings lists when it is made of
// terms and term ranges only, else through its Bleve searcher; without a
// filter, every entry passes.
func (ix *Index) newFilterFollower(r bleveindex.IndexReader, filter query.Query) (filterFollower, error) {
	if filter == nil {
		return &termsFilter{}, nil
	}
	if tf, ok, err := compileTerms(r, filter); err != nil {
		return nil, err
	} else if ok {
		return tf, nil
	}
	s, err := filter.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	return &follower{s: s}, nil
}

// termsFilter passes an entry found in at least one list of every clause.
type termsFilter struct {
	clauses [][]*cursor
}

// cursor is one term's postings list, read forward.
type cursor struct {
	tfr bleveindex.TermFieldReader
	cur bleveindex.IndexInternalID
	td  bleveindex.TermFieldDoc
	end bool
}

func (c *cursor) at(id bleveindex.IndexInternalID) (bool, error) {
	if c.end {
		return false, nil
	}
	if c.cur == nil || c.cur.Compare(id) < 0 {
		d, err := c.tfr.Advance(id, &c.td)
		if err != nil {
			return false, err
		}
		if d == nil {
			c.end = true
			return false, nil
		}
		c.cur = append(c.cur[:0], d.ID...)
	}
	return c.cur.Equals(id), nil
}

func (f *termsFilter) at(_ *search.SearchContext, id bleveindex.IndexInternalID) (bool, error) {
	for _, clause := range f.clauses {
		pass := false
		for _, c := range clause {
			ok, err := c.at(id)
			if err != nil {
				return false, err
			}
			if ok {
				pass = true
				break
			}
		}
		if !pass {
			return false, nil
		}
	}
	return true, nil
}

func (f *termsFilter) close() error {
	var err error
	for _, clause := range f.clauses {
		for _, c := range clause {
			if e := c.tfr.Close(); err == nil {
				err = e
			}
		}
	}
	return err
}

// compileTerms reads q as a conjunction of clauses, each the terms of a
// term query, of a term range, or of a disjunction of those; ok is false
// for any other query.
func compileTerms(r bleveindex.IndexReader, q query.Query) (f *termsFilter, ok bool, err error) {
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
	f = &termsFilter{}
	for _, clause := range clauses {
		var cs []*cursor
		for _, t := range clause {
			tfr, err := r.TermFieldReader(context.Background(), []byte(t.text), t.field, false, false, false)
			if err != nil {
				f.close()
				return nil, false, err
			}
			cs = append(cs, &cursor{tfr: tfr})
		}
		f.clauses = append(f.clauses, cs)
	}
	return f, true, nil
}

// countWith counts the entries holding term in field that pass f, up to
// limit; capped: it stopped there. The rarest list of one term (the word's
// or a filter's) is read, and the others are advanced to each of its
// entries. f is used up.
func countWith(r bleveindex.IndexReader, field, term string, f *termsFilter, limit uint64) (n uint64, capped bool, err error) {
	word, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, false, err
	}
	clauses := append([][]*cursor{{{tfr: word}}}, f.clauses...)
	f.clauses = clauses // closed with f
	drive := 0
	for i, c := range clauses {
		if len(c) == 1 && c[0].tfr.Count() < clauses[drive][0].tfr.Count() {
			drive = i
		}
	}
	rest := &termsFilter{clauses: append(append([][]*cursor{}, clauses[:drive]...), clauses[drive+1:]...)}
	d := clauses[drive][0].tfr
	var td bleveindex.TermFieldDoc
	for {
		doc, err := d.Next(&td)
		if err != nil {
			return n, false, err
		}
		if doc == nil {
			return n, false, nil
		}
		ok, err := rest.at(nil, doc.ID)
		if err != nil {
			return n, false, err
		}
		if !ok {
			continue
		}
		if n == limit {
			return n, true, nil
		}
		n++
	}
}
