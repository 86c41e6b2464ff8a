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

// seek moves the cursor to its first entry at or after id and returns it
// (nil: none left).
func (c *cursor) seek(id bleveindex.IndexInternalID) (bleveindex.IndexInternalID, error) {
	if _, err := c.at(id); err != nil || c.end {
		return nil, err
	}
	return c.cur, nil
}

// next moves the cursor to its next entry and returns it (nil: none left).
func (c *cursor) next() (bleveindex.IndexInternalID, error) {
	if c.end {
		return nil, nil
	}
	d, err := c.tfr.Next(&c.td)
	if err != nil {
		return nil, err
	}
	if d == nil {
		c.end = true
		return nil, nil
	}
	c.cur = append(c.cur[:0], d.ID...)
	return c.cur, nil
}

// seekClause is the first entry at or after id in any list of a clause
// (nil: none left).
func seekClause(clause []*cursor, id bleveindex.IndexInternalID) (bleveindex.IndexInternalID, error) {
	var first bleveindex.IndexInternalID
	for _, c := range clause {
		x, err := c.seek(id)
		if err != nil {
			return nil, err
		}
		if x != nil && (first == nil || x.Compare(first) < 0) {
			first = x
		}
	}
	return first, nil
}

// countWith counts the entries holding term in field that pass f, up to
// limit; capped: it stopped there. It leapfrogs: the word's list and each
// clause in turn jump to the first entry the other could share, so runs of
// entries that fail the filter (a decision of another year) are skipped,
// not read. f is used up.
func countWith(r bleveindex.IndexReader, field, term string, f *termsFilter, limit uint64) (n uint64, capped bool, err error) {
	word, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, false, err
	}
	w := &cursor{tfr: word}
	f.clauses = append(f.clauses, []*cursor{w}) // closed with f
	clauses := f.clauses[:len(f.clauses)-1]
	id, err := w.next()
	for err == nil && id != nil {
		var next bleveindex.IndexInternalID
		for _, c := range clauses {
			if next, err = seekClause(c, id); err != nil || next == nil {
				return n, false, err
			}
			if !next.Equals(id) {
				break
			}
		}
		if next != nil && !next.Equals(id) {
			id, err = w.seek(next) // the word's first entry the clause may have
			continue
		}
		if n == limit {
			return n, true, nil
		}
		n++
		id, err = w.next()
	}
	return n, false, err
}
