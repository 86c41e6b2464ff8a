package index

import (
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Several bare words ("so tai chinh chu tri"): the entries that hold them
// all (and pass the filter) are the intersection of their sets, whose
// size is the total. Bleve's collector would read the frequencies and
// norms of every one of those entries (24 ms for that query at 10,000
// decisions). Instead each entry gets an upper bound of its score from
// sets alone, and only the entries with the best bounds are scored, by
// the full query restricted to them (setQuery): the same scores as the
// full query, which ranks the same way.
//
// The full query (textQuery) scores an entry
//
//	Σ_w c_w·fw_w + exactBoost for each word typed with diacritics whose
//	exact form the entry has + pairBoost·m²/P
//
// where fw_w is the word's tf-idf field weight (√f·norm·idf), c_w its query
// weight idf_w/√(Σ idf²) (Bleve's query norm; the boosts and the filter
// weigh nothing), m the number of the P pairs of neighbouring query words
// the entry has (their sum times Bleve's coordination m/P). fw_w is its
// impact group's base where the entry has the word's impact term, and
// below idf_w/√ImpactRatio elsewhere (prune.go). The exact forms and the
// pairs are sets too, so the bound is exact but for the words of low
// density.

// wordsScoredFirst is how many entries, by best bound, the first round
// scores; each next round scores twice as many, until wordsScoredMax are
// scored: then the full query runs. An intersection of at most
// wordsAllMax entries is scored whole. (Variables: the tests change them.)
var (
	wordsScoredFirst = 32
	wordsAllMax      = uint64(1000)
	wordsScoredMax   = 1000
)

// boundSlack covers the rounding of the bounds against Bleve's order of
// operations (both in float64; the norm is the same float32).
const boundSlack = 1e-9

// searchWords answers two or more bare words and no phrase; nil when it
// cannot (the caller runs the full query).
func (ix *Index) searchWords(pq parsedQuery, filter query.Query, limit int) (*Results, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	sg, ok := segmentsOf(r)
	if !ok {
		return nil, nil
	}
	cands, idf, ok, err := wordCands(r, sg, pq, filter)
	if err != nil || !ok {
		return nil, err
	}
	out := &Results{Total: cands.count()}
	if out.Total == 0 {
		return out, nil
	}
	top := &topK{k: limit}
	if out.Total <= wordsAllMax {
		if err := ix.scoreSet(r, pq, cands, top); err != nil {
			return nil, err
		}
		return ix.topHits(r, pq, top, out)
	}

	rs, low, err := wordBounds(r, sg, pq, cands, idf)
	if err != nil {
		return nil, err
	}
	defer rs.release()
	// The raised entries are scored in rounds, those with the best bounds
	// first, until the limit-th best beats every bound left; every other
	// candidate is bounded by low.
	slack := func(b float64) float64 { return b*(1+boundSlack) + boundSlack }
	bounds := make([]float64, len(rs.nums))
	for i, n := range rs.nums {
		bounds[i] = slack(rs.ub[n])
	}
	sorted := slices.Clone(bounds)
	slices.Sort(sorted)
	scored := make([]bool, len(rs.nums))
	full := func() bool { return len(top.hits) == limit }
	round := wordsScoredFirst
	for done := 0; ; {
		// the best bound left
		next := slack(low)
		for i, b := range bounds {
			if !scored[i] && b > next {
				next = b
			}
		}
		if full() && top.hits[limit-1].score > next {
			return ix.topHits(r, pq, top, out)
		}
		if done == len(rs.nums) {
			return nil, nil // the candidates not raised may count: run the full query
		}
		// This round: the round best bounds left, and any bound the
		// limit-th best does not beat yet.
		at := max(0, len(sorted)-done-round)
		threshold := sorted[at]
		if full() {
			threshold = min(threshold, top.hits[limit-1].score)
		}
		var take []int
		for i, b := range bounds {
			if !scored[i] && b >= threshold {
				take = append(take, i)
			}
		}
		if done+len(take) > wordsScoredMax {
			// The bounds do not tell the candidates apart (a common
			// phrase, whose pairs every candidate has): reading every
			// candidate once, as the full query does, costs less.
			return nil, nil
		}
		nums := make([]uint64, len(take))
		for k, i := range take {
			scored[i] = true
			nums[k] = rs.nums[i]
		}
		if err := ix.scoreSet(r, pq, fromNums(sg, nums), top); err != nil {
			return nil, err
		}
		done += len(nums)
		round *= 2
	}
}

// scoreSet scores the entries of set by the text query of pq (restricted
// to them) into top.
func (ix *Index) scoreSet(r bleveindex.IndexReader, pq parsedQuery, set *docSet, top *topK) error {
	q := pq.textQuery()
	q.AddMust(&setQuery{set})
	s, err := q.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for {
		dm, err := s.Next(ctx)
		if err != nil || dm == nil {
			return err
		}
		top.add(dm.IndexInternalID, dm.Score)
		ctx.DocumentMatchPool.Put(dm)
	}
}

// topHits makes the hits of the best entries, into out.
func (ix *Index) topHits(r bleveindex.IndexReader, pq parsedQuery, top *topK, out *Results) (*Results, error) {
	var cands []scoredMeta
	for _, h := range top.hits {
		id, err := r.ExternalID(h.id)
		if err != nil {
			return nil, err
		}
		cands = append(cands, scoredMeta{scored: scored{id: id, score: h.score}})
	}
	var err error
	out.Hits, _, err = ix.makeHits(cands, pq, false, len(top.hits))
	return out, err
}

// wordCands is the set of the entries that hold every word of pq and
// pass filter, and the words' idfs (as Bleve's tf-idf scorer has them);
// ok is false when the filter is no set.
func wordCands(r bleveindex.IndexReader, sg *segments, pq parsedQuery, filter query.Query) (cands *docSet, idf []float64, ok bool, err error) {
	if filter != nil {
		if cands, ok, err = compileSet(r, filter); err != nil || !ok {
			return nil, nil, false, err
		}
	}
	docs, err := r.DocCount()
	if err != nil {
		return nil, nil, false, err
	}
	idf = make([]float64, len(pq.words))
	for i, w := range pq.words {
		ws, err := sg.term(fT, w.fold)
		if err != nil {
			return nil, nil, false, err
		}
		if cands == nil {
			cands = ws
		} else {
			cands = cands.and(ws)
		}
		df, err := postings(r, fT, w.fold)
		if err != nil {
			return nil, nil, false, err
		}
		idf[i] = 1.0 + math.Log(float64(docs)/float64(df+1.0))
	}
	return cands, idf, true, nil
}

// wordBounds bounds the scores of the candidates, the entries holding
// every word of pq (whose idfs are idf): every candidate scores at most
// low, but those raised, which score at most their bound there. The
// caller gives rs back (release).
func wordBounds(r bleveindex.IndexReader, sg *segments, pq parsedQuery, cands *docSet, idf []float64) (rs *raisedSet, low float64, err error) {
	words := pq.words
	// Every candidate starts at low (each word below its density bound);
	// the entries of impact groups, exact forms and pairs are raised.
	sumSq := 0.0
	for _, x := range idf {
		sumSq += x * x
	}
	qnorm := 1 / math.Sqrt(sumSq)
	for i := range words {
		low += idf[i] * qnorm * idf[i] / math.Sqrt(ImpactRatio)
	}
	rs = newRaisedSet(sg)
	raise := func(set *docSet, by float64) error {
		return set.and(cands).each(func(id bleveindex.IndexInternalID) error {
			rs.raise(binary.BigEndian.Uint64(id), low, by)
			return nil
		})
	}
	for i, w := range words {
		groups, err := impactGroups(r, w.fold, idf[i])
		if err != nil {
			rs.release()
			return nil, 0, err
		}
		c := idf[i] * qnorm
		for _, g := range groups {
			gs, err := sg.term(fT2, g.term)
			if err == nil {
				err = raise(gs, c*(g.base-idf[i]/math.Sqrt(ImpactRatio)))
			}
			if err != nil {
				rs.release()
				return nil, 0, err
			}
		}
		if w.marked() {
			xs, err := sg.term(fT2, ExactPrefix+w.exact)
			if err == nil {
				err = raise(xs, exactBoost)
			}
			if err != nil {
				rs.release()
				return nil, 0, err
			}
		}
	}
	if pairs := len(words) - 1; pairs > 0 {
		for i := 0; i < pairs; i++ {
			ps, err := sg.term(fT2, Bigram(words[i].fold, words[i+1].fold))
			if err == nil {
				err = ps.and(cands).each(func(id bleveindex.IndexInternalID) error {
					n := binary.BigEndian.Uint64(id)
					rs.raise(n, low, 0)
					rs.pairs[n]++
					return nil
				})
			}
			if err != nil {
				rs.release()
				return nil, 0, err
			}
		}
		for _, n := range rs.nums {
			if k := float64(rs.pairs[n]); k > 0 {
				rs.ub[n] += pairBoost * k * k / float64(pairs)
			}
		}
	}
	return rs, low, nil
}

// raisedSet holds bounds by entry number: a value per number of the
// snapshot, in slices reused through a pool, and the numbers raised (the
// only ones to clear).
type raisedSet struct {
	ub    []float64 // 0: not raised (a raised bound is above low > 0)
	pairs []uint16  // the query's pairs each entry has
	nums  []uint64
}

var raisedPool sync.Pool

func newRaisedSet(sg *segments) *raisedSet {
	size := 0
	if k := len(sg.segs); k > 0 {
		size = int(sg.offsets[k-1] + sg.segs[k-1].Segment().Count())
	}
	rs, _ := raisedPool.Get().(*raisedSet)
	if rs == nil || len(rs.ub) < size {
		rs = &raisedSet{ub: make([]float64, size), pairs: make([]uint16, size)}
	}
	return rs
}

// raise adds by to the bound of n, which starts at low.
func (rs *raisedSet) raise(n uint64, low, by float64) {
	if rs.ub[n] == 0 {
		rs.ub[n] = low
		rs.nums = append(rs.nums, n)
	}
	rs.ub[n] += by
}

// release clears the bounds and gives the slices back to the pool.
func (rs *raisedSet) release() {
	for _, n := range rs.nums {
		rs.ub[n], rs.pairs[n] = 0, 0
	}
	rs.nums = rs.nums[:0]
	raisedPool.Put(rs)
}
