package index

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Searches that do not visit every match.
//
// Bleve's collector scores every entry a query matches before it keeps
// the best: a common word, in 200,000 of 350,000 entries, costs 15 ms
// however few hits are asked for. The two commonest searches, one word
// and one quoted phrase, are answered from fewer entries, with the same
// hits, in the same order, as the full query gives:
//
//   - One word. Its impact term (analysis.go) marks the entries where it
//     is at least one word in ImpactRatio; in any other entry its tf-idf
//     score is below idf/√ImpactRatio, plus exactBoost when it was typed
//     with diacritics. Only the impact entries are scored: when the
//     limit-th best of them reaches that bound, no other entry can be
//     among the best. Otherwise (a rare word, a narrow filter) the full
//     query runs.
//   - One phrase. Its pairs score a constant, and its exact word
//     (quietPhrases) a constant more, so its matches have one of two
//     scores, and Bleve ranks equal scores in index order: the best hits
//     are the first matches with the exact word, then the first without.
//     Only those are read.
//
// Totals are exact where the index gives them for free (a word's or a
// pair's postings count, without a filter); otherwise the matches are
// counted up to countCap, and Total is then a lower bound (AtLeast), as
// Elasticsearch does (its track_total_hits is 10,000 by default).

// countCap bounds the matches counted for a total.
const countCap = 10000

// minPrune: a word in fewer entries than this is searched in full (its
// matches cost less than the impact detour).
var minPrune uint64 = 2000

// reader opens a reader of the index's current snapshot.
func (ix *Index) reader() (bleveindex.IndexReader, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// postings is the number of entries holding term in field.
func postings(r bleveindex.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// count counts q's matches, up to limit; capped: it stopped there.
func (ix *Index) count(r bleveindex.IndexReader, q query.Query, limit uint64) (n uint64, capped bool, err error) {
	s, err := q.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return 0, false, err
	}
	defer s.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for {
		dm, err := s.Next(ctx)
		if err != nil {
			return n, false, err
		}
		if dm == nil {
			return n, false, nil
		}
		if n == limit {
			return n, true, nil
		}
		n++
		ctx.DocumentMatchPool.Put(dm)
	}
}

// scored is an entry ID with its score.
type scored struct {
	id    string
	score float64
}

// matches reads a query's matches in index order, with their scores.
type matches struct {
	r   bleveindex.IndexReader
	s   search.Searcher
	ctx *search.SearchContext
	end bool
}

func (ix *Index) matches(r bleveindex.IndexReader, q query.Query) (*matches, error) {
	s, err := q.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	return &matches{r: r, s: s, ctx: &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}}, nil
}

// next reads up to n more matches, leaving out the IDs in skip.
func (m *matches) next(n int, skip map[string]bool) ([]scored, error) {
	var out []scored
	for !m.end && len(out) < n {
		dm, err := m.s.Next(m.ctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			m.end = true
			break
		}
		id, err := m.r.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		if !skip[id] {
			out = append(out, scored{id: id, score: dm.Score})
		}
		m.ctx.DocumentMatchPool.Put(dm)
	}
	return out, nil
}

func (m *matches) close() error { return m.s.Close() }

// withFilter is q restricted to filter's matches (filter may be nil).
func withFilter(q query.Query, filter query.Query) query.Query {
	if filter == nil {
		return q
	}
	return bleve.NewConjunctionQuery(q, &unscored{filter})
}

// searchWord answers one word through its impact entries; nil when it
// cannot (the caller then runs the full query).
func (ix *Index) searchWord(w word, filter query.Query, limit int) (*Results, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	df, err := postings(r, fT, w.fold)
	if err != nil || df < minPrune {
		return nil, err
	}
	// Bleve's own idf of the word: its term searcher's weight is idf².
	ts, err := searcher.NewTermSearcher(context.Background(), r, w.fold, fT, 1.0, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	idf := math.Sqrt(ts.Weight())
	ts.Close()
	bound := idf / math.Sqrt(ImpactRatio) * (1 + 1e-6) // float32 norms
	if w.marked() {
		bound += exactBoost
	}
	cand := bleve.NewConjunctionQuery(wordQuery(w), marksQ(ImpactPrefix+w.fold, 0))
	req := bleve.NewSearchRequestOptions(withFilter(cand, filter), limit, 0, false)
	req.Fields = hitFields
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) < limit || res.Hits[limit-1].Score < bound {
		return nil, nil
	}
	out := &Results{Total: df}
	if filter != nil {
		n, capped, err := ix.count(r, withFilter(termQ(fT, w.fold), filter), countCap)
		if err != nil {
			return nil, err
		}
		out.Total = n
		if capped {
			out.Relation = TotalAtLeast
		}
	}
	var hits []scoredMeta
	for _, h := range res.Hits {
		hits = append(hits, scoredMeta{scored{h.ID, h.Score}, str(h.Fields[fMeta])})
	}
	out.Hits, _, err = ix.makeHits(hits, parsedQuery{words: []word{w}}, false, limit)
	return out, err
}

// searchPhrase answers one phrase by reading its first matches with the
// exact word, then without.
func (ix *Index) searchPhrase(p []word, filter query.Query, limit int) (*Results, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	pq := parsedQuery{phrases: [][]word{p}}
	check := pq.needsCheck()
	var pairs []query.Query
	for i := 0; i+1 < len(p); i++ {
		pairs = append(pairs, pairQuery(p[i], p[i+1]))
	}
	var req query.Query = pairs[0]
	if len(pairs) > 1 {
		req = bleve.NewConjunctionQuery(pairs...)
	}
	req = withFilter(req, filter)
	// The score classes, best first: with the exact word (phraseQuery
	// boosts only one, the others are quiet), then all matches.
	classes := []query.Query{req}
	for _, w := range p {
		if w.marked() && !w.quiet {
			classes = []query.Query{bleve.NewConjunctionQuery(req, exactQ(w)), req}
		}
	}
	round := limit
	if check {
		round = max(2*limit, 20)
	}
	out := &Results{}
	seen := map[string]bool{}
	checked, rejected := 0, 0
	for _, cq := range classes {
		m, err := ix.matches(r, cq)
		if err != nil {
			return nil, err
		}
		for len(out.Hits) < limit && checked < maxChecked && !m.end {
			cands, err := m.next(round, seen)
			if err != nil {
				m.close()
				return nil, err
			}
			var fresh []scoredMeta
			for _, c := range cands {
				seen[c.id] = true
				fresh = append(fresh, scoredMeta{scored: c})
			}
			hits, rej, err := ix.makeHits(fresh, pq, check, limit-len(out.Hits))
			if err != nil {
				m.close()
				return nil, err
			}
			out.Hits = append(out.Hits, hits...)
			rejected += rej
			checked += len(fresh)
		}
		m.close()
	}
	// The total: a pair's postings, or the matches counted.
	capped := false
	if len(pairs) == 1 && filter == nil {
		out.Total, err = postings(r, fT2, Bigram(p[0].fold, p[1].fold))
	} else {
		out.Total, capped, err = ix.count(r, req, countCap)
	}
	if err != nil {
		return nil, err
	}
	if capped {
		out.Relation = TotalAtLeast
	}
	if check {
		// Candidates read and rejected are out; those not read count.
		out.Total -= uint64(rejected)
		if uint64(checked) < out.Total+uint64(rejected) || capped {
			out.Relation = TotalAtMost
			if capped {
				out.Relation = TotalAbout
			}
		}
	}
	return out, nil
}
