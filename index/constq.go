package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// constTermQuery matches the documents holding a term of the t2 field and
// gives each the same score. t2 keeps no frequencies or norms, so Bleve's
// term scorer has nothing to compute from (it yields NaN); the term is read
// as a plain document list instead, which is also the cheapest read.
type constTermQuery struct {
	field, term string
	score       float64
}

func (q *constTermQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options search.SearcherOptions) (search.Searcher, error) {
	plain := options
	plain.Score = "none"
	plain.Explain = false
	plain.IncludeTermVectors = false
	ts, err := searcher.NewTermSearcher(ctx, i, q.term, q.field, 1.0, plain)
	if err != nil {
		return nil, err
	}
	return &constSearcher{Searcher: ts, score: q.score, scoring: options.Score != "none"}, nil
}

// constSearcher sets a fixed score on the matches of its searcher. Its
// weight takes no part in the query norm: the score is not normalized, so
// a constant match outweighs the (normalized, below 1) word scores.
type constSearcher struct {
	search.Searcher
	score   float64
	scoring bool
}

func (s *constSearcher) set(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm != nil && s.scoring {
		dm.Score = s.score
	}
	return dm, err
}

func (s *constSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.set(s.Searcher.Next(ctx))
}

func (s *constSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return s.set(s.Searcher.Advance(ctx, id))
}

func (s *constSearcher) Weight() float64 { return 0 }

func (s *constSearcher) SetQueryNorm(float64) {}

// unscored matches what q matches and adds nothing to the score: a filter
// given to a conjunction, which then skips ahead along whichever of the
// text and the filter is rarer (Bleve's boolean filter instead tests every
// text match against the filter).
type unscored struct{ q query.Query }

func (u *unscored) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options search.SearcherOptions) (search.Searcher, error) {
	plain := options
	plain.Score = "none"
	plain.Explain = false
	plain.IncludeTermVectors = false
	s, err := u.q.Searcher(ctx, i, m, plain)
	if err != nil {
		return nil, err
	}
	return &constSearcher{Searcher: s, score: 0, scoring: options.Score != "none"}, nil
}

// boostQuery matches what must matches; a match also found by one of the
// terms of t2 in boosts gains that term's score. It reads like a boolean
// query with optional clauses, without the generic machinery (a heap of
// optional searchers, coordination) that costs more than the lookups.
type boostQuery struct {
	must   query.Query
	boosts []*constTermQuery
}

func (q *boostQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options search.SearcherOptions) (search.Searcher, error) {
	ms, err := q.must.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	bs := &boostSearcher{Searcher: ms, scoring: options.Score != "none"}
	plain := options
	plain.Score = "none"
	plain.Explain = false
	plain.IncludeTermVectors = false
	for _, b := range q.boosts {
		ts, err := searcher.NewTermSearcher(ctx, i, b.term, b.field, 1.0, plain)
		if err != nil {
			bs.Close()
			return nil, err
		}
		bs.opt = append(bs.opt, ts)
		bs.score = append(bs.score, b.score)
		bs.cur = append(bs.cur, nil)
		bs.done = append(bs.done, false)
	}
	return bs, nil
}

type boostSearcher struct {
	search.Searcher // the required one
	opt             []search.Searcher
	score           []float64
	cur             []*search.DocumentMatch
	done            []bool
	scoring         bool
}

func (s *boostSearcher) boost(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm == nil || err != nil || !s.scoring {
		return dm, err
	}
	for i, o := range s.opt {
		if s.done[i] {
			continue
		}
		c := s.cur[i]
		if c == nil || c.IndexInternalID.Compare(dm.IndexInternalID) < 0 {
			if c != nil {
				ctx.DocumentMatchPool.Put(c)
			}
			c, err = o.Advance(ctx, dm.IndexInternalID)
			if err != nil {
				return nil, err
			}
			s.cur[i] = c
			if c == nil {
				s.done[i] = true
				continue
			}
		}
		if c.IndexInternalID.Equals(dm.IndexInternalID) {
			dm.Score += s.score[i]
		}
	}
	return dm, nil
}

func (s *boostSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	return s.boost(ctx, dm, err)
}

func (s *boostSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	return s.boost(ctx, dm, err)
}

func (s *boostSearcher) Close() error {
	err := s.Searcher.Close()
	for _, o := range s.opt {
		if e := o.Close(); err == nil {
			err = e
		}
	}
	return err
}

func (s *boostSearcher) DocumentMatchPoolSize() int {
	n := s.Searcher.DocumentMatchPoolSize()
	for _, o := range s.opt {
		n += o.DocumentMatchPoolSize()
	}
	return n
}
