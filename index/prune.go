package index

import (
	"cmp"
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"

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
//   - One word. Its impact terms (analysis.go) list the entries where it
//     is at least one word in ImpactRatio, grouped by its frequency f and
//     the entry's length n, which fix its tf-idf score there. The groups
//     are read best first, with the exact boost where the word's exact
//     form is there, until the limit-th best hit beats every group left;
//     any other entry scores below idf/√ImpactRatio (plus exactBoost when
//     the word was typed with diacritics). A rare exact form is looked up
//     in a set, and its entries outside the impact terms are scored
//     through the word's postings when the impact entries do not settle
//     the search; a common one is followed along each round. When the
//     limit-th best does not reach the bound either (a rare word, a
//     narrow filter), the full query runs. Filters are read as postings
//     lists (filter.go).
//   - One phrase. Its pairs score a constant, and its exact word
//     (quietPhrases) a constant more, so its matches have one of two
//     scores, and Bleve ranks equal scores in index order: the best hits
//     are the first matches with the exact word, then the first without.
//     Only those are read.
//
// Totals are exact where the index gives them for free (a word's or a
// pair's postings count, without a filter); otherwise the matches are
// counted up to countCap, on another core while the hits are made, and
// Total is then a lower bound (TotalAtLeast), as Lucene does (its
// IndexSearcher counts 1,000 hits exactly by default).

// countCap bounds the matches counted for a total.
var countCap uint64 = 1000

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

// counted is the result of count.
type counted struct {
	n      uint64
	capped bool
	err    error
}

// countAsync counts q's matches (up to countCap) on a reader of its own,
// on another core, while the caller looks for the best hits.
func (ix *Index) countAsync(q query.Query) <-chan counted {
	return ix.async(func(r bleveindex.IndexReader) (uint64, bool, error) {
		return ix.count(r, q, countCap)
	})
}

// countWordAsync counts the entries of a folded word that pass filter, up
// to countCap, as countAsync does, reading the filter's postings lists
// when it is made of terms (filter.go).
func (ix *Index) countWordAsync(fold string, filter query.Query) <-chan counted {
	return ix.async(func(r bleveindex.IndexReader) (uint64, bool, error) {
		f, ok, err := compileTerms(r, filter)
		if err != nil {
			return 0, false, err
		}
		if !ok {
			return ix.count(r, withFilter(termQ(fT, fold), filter), countCap)
		}
		defer f.close()
		return countWith(r, fT, fold, f, countCap)
	})
}

// async runs count on a reader of its own in another goroutine; the
// channel holds its result (unread, it is left to the GC).
func (ix *Index) async(count func(bleveindex.IndexReader) (uint64, bool, error)) <-chan counted {
	ch := make(chan counted, 1)
	go func() {
		r, err := ix.reader()
		if err != nil {
			ch <- counted{err: err}
			return
		}
		defer r.Close()
		n, capped, err := count(r)
		ch <- counted{n, capped, err}
	}()
	return ch
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

// searchWord answers one word from its impact terms; nil when it cannot
// (the caller then runs the full query).
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
	docs, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	idf := 1.0 + math.Log(float64(docs)/float64(df+1.0)) // Bleve's tf-idf idf (scorer_term.go)
	groups, err := impactGroups(r, w.fold, idf)
	if err != nil {
		return nil, err
	}
	var total <-chan counted // with a filter, counted meanwhile
	if filter != nil {
		// (the channel holds the result: unread, it is left to the GC)
		total = ix.countWordAsync(w.fold, filter)
	}
	boost := 0.0
	top := &topK{k: limit}
	var exact *idSet // the entries with the word's exact form, when few
	var seen *idSet  // those of them read among the impact entries
	if w.marked() {
		boost = exactBoost
		xc, err := postings(r, fT2, ExactPrefix+w.exact)
		if err != nil {
			return nil, err
		}
		if xc <= exactSetMax {
			if exact, err = entriesOf(r, ExactPrefix+w.exact); err != nil {
				return nil, err
			}
			seen = newIDSet(0)
		}
	}
	round := uint64(impactRound)
	full := func() bool { return len(top.hits) == limit }
	found := false
	for i := 0; i < len(groups); {
		// Entries not read yet score at most the next group's score plus
		// the boost; ties go to the lower ID, so the last kept must beat it.
		if full() && top.hits[limit-1].score > groups[i].base+boost {
			found = true
			break
		}
		j, n := i, uint64(0)
		for j < len(groups) && (j == i || n+groups[j].count <= round) {
			n += groups[j].count
			j++
		}
		if filter != nil {
			round *= 2 // each round builds the filter anew
		}
		if err := ix.scoreGroups(r, w, filter, groups[i:j], top, exact, seen); err != nil {
			return nil, err
		}
		i = j
	}
	if !found {
		// Every impact entry is read; the others score below this bound.
		// A text without an impact term has 16·f ≤ n−1, so √f·norm is at
		// most √(1/16 − 1/(16n)): below 1/4 by far more than the float32
		// rounding of the norm (relative 6e-8) for any f under 500,000.
		bound := idf/math.Sqrt(ImpactRatio) + boost
		if exact != nil && (!full() || top.hits[limit-1].score < bound) {
			// The exact form is rare among the impact entries ("diệu"
			// among "điều"): score its other entries through the word's
			// postings; then no entry left has the boost.
			if err := ix.scoreExact(r, w, filter, top, seen); err != nil {
				return nil, err
			}
			bound -= boost
		}
		if !full() || top.hits[limit-1].score < bound {
			return nil, nil
		}
	}
	var cands []scoredMeta
	for _, h := range top.hits {
		id, err := r.ExternalID(h.id)
		if err != nil {
			return nil, err
		}
		cands = append(cands, scoredMeta{scored: scored{id: id, score: h.score}})
	}
	out := &Results{Total: df}
	if out.Hits, _, err = ix.makeHits(cands, parsedQuery{words: []word{w}}, false, limit); err != nil {
		return nil, err
	}
	if total != nil {
		c := <-total
		if c.err != nil {
			return nil, c.err
		}
		out.Total = c.n
		if c.capped {
			out.Relation = TotalAtLeast
		}
	}
	return out, nil
}

// impactRound is about how many impact entries the first round reads;
// each next round reads twice as many.
const impactRound = 512

// impactGroup is the entries where a word occurs f times in n words,
// which share its score base (without the exact boost).
type impactGroup struct {
	term  string
	base  float64
	count uint64
}

// impactGroups lists the impact terms of a folded word, best score first.
// The score is Bleve's tf-idf of the word, computed as its term scorer
// does: √f · norm · idf, where the index keeps the norm 1/√n as a float32.
func impactGroups(r bleveindex.IndexReader, fold string, idf float64) ([]impactGroup, error) {
	prefix := ImpactPrefixOf(fold)
	d, err := r.FieldDictPrefix(fT2, []byte(prefix))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []impactGroup
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		f, n, ok := parseImpact(strings.TrimPrefix(e.Term, prefix))
		if !ok || e.Count == 0 {
			continue
		}
		norm := float64(float32(1.0 / math.Sqrt(float64(n))))
		out = append(out, impactGroup{term: e.Term, base: math.Sqrt(float64(f)) * norm * idf, count: e.Count})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].base > out[j].base })
	return out, nil
}

// scoreGroups reads the entries of some impact groups, keeps those that
// pass filter, adds the exact boost where the word's exact form is there,
// and offers them to top.
func (ix *Index) scoreGroups(r bleveindex.IndexReader, w word, filter query.Query, groups []impactGroup, top *topK, exactSet, seen *idSet) error {
	bg := context.Background()
	size := 0
	for _, g := range groups {
		size += int(g.count)
	}
	cands := make([]topHit, 0, size)
	ids := make([]byte, 0, 8*size) // the candidates' IDs, one allocation
	var td bleveindex.TermFieldDoc
	for _, g := range groups {
		tfr, err := r.TermFieldReader(bg, []byte(g.term), fT2, false, false, false)
		if err != nil {
			return err
		}
		for {
			d, err := tfr.Next(&td)
			if err != nil {
				tfr.Close()
				return err
			}
			if d == nil {
				break
			}
			at := len(ids)
			ids = append(ids, d.ID...)
			c := topHit{id: ids[at:len(ids):len(ids)], score: g.base}
			if exactSet.has(d.ID) {
				c.score += exactBoost
				seen.add(d.ID)
			}
			cands = append(cands, c)
		}
		tfr.Close()
	}
	// Followers read along increasing IDs: sort the candidates that can
	// still make the best (the best only gets better).
	follow := w.marked() && exactSet == nil
	if filter != nil || follow {
		kept := cands[:0]
		for _, c := range cands {
			best := c.score
			if follow {
				best += exactBoost
			}
			if top.takes(c.id, best) {
				kept = append(kept, c)
			}
		}
		cands = kept
		sortByID(cands)
	}
	plain := search.SearcherOptions{Score: "none"}
	var exact *follower
	if w.marked() && exactSet == nil {
		xs, err := searcher.NewTermSearcher(bg, r, ExactPrefix+w.exact, fT2, 1.0, plain)
		if err != nil {
			return err
		}
		defer xs.Close()
		exact = &follower{s: xs}
	}
	flt, err := ix.newFilterFollower(r, filter)
	if err != nil {
		return err
	}
	defer flt.close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(16, 0), IndexReader: r}
	for _, c := range cands {
		best := c.score
		if exact != nil {
			best += exactBoost
		}
		if !top.takes(c.id, best) {
			continue // it cannot make the best, filter or not
		}
		if filter != nil {
			ok, err := flt.at(ctx, c.id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
		}
		if exact != nil {
			ok, err := exact.at(ctx, c.id)
			if err != nil {
				return err
			}
			if ok {
				c.score += exactBoost
			}
		}
		top.add(c.id, c.score)
	}
	return nil
}

// A word's exact form in at most exactSetMax entries has them read into
// a set that the impact entries are looked up in (and the others scored
// through the word's postings when the impact entries do not settle the
// search); a commoner one is followed along each round's entries.
var exactSetMax uint64 = 8000

// entriesOf reads the entries holding a term of t2.
func entriesOf(r bleveindex.IndexReader, term string) (*idSet, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), fT2, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	out := newIDSet(int(tfr.Count()))
	var td bleveindex.TermFieldDoc
	for {
		d, err := tfr.Next(&td)
		if err != nil {
			return nil, err
		}
		if d == nil {
			return out, nil
		}
		out.add(d.ID)
	}
}

// scoreExact scores the entries holding w's exact form (and passing
// filter), but those in skip, as wordQuery(w) does, into top.
func (ix *Index) scoreExact(r bleveindex.IndexReader, w word, filter query.Query, top *topK, skip *idSet) error {
	bg := context.Background()
	ts, err := searcher.NewTermSearcher(bg, r, w.fold, fT, 1.0, search.SearcherOptions{})
	if err != nil {
		return err
	}
	defer ts.Close()
	xs, err := r.TermFieldReader(bg, []byte(ExactPrefix+w.exact), fT2, false, false, false)
	if err != nil {
		return err
	}
	defer xs.Close()
	flt, err := ix.newFilterFollower(r, filter)
	if err != nil {
		return err
	}
	defer flt.close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(16, 0), IndexReader: r}
	var td bleveindex.TermFieldDoc
	for {
		d, err := xs.Next(&td)
		if err != nil {
			return err
		}
		if d == nil {
			return nil
		}
		if skip.has(d.ID) {
			continue
		}
		if filter != nil { // first: cheaper than the word's postings
			ok, err := flt.at(ctx, d.ID)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
		}
		dm, err := ts.Advance(ctx, d.ID)
		if err != nil {
			return err
		}
		if dm == nil {
			continue
		}
		if dm.IndexInternalID.Equals(d.ID) {
			top.add(d.ID, dm.Score+exactBoost)
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

// sortByID sorts hits in index order. Scorch's internal IDs are 8-byte
// big-endian numbers: sorted as such, without comparing bytes.
func sortByID(hs []topHit) {
	for _, h := range hs {
		if len(h.id) != 8 {
			sort.Slice(hs, func(i, j int) bool { return hs[i].id.Compare(hs[j].id) < 0 })
			return
		}
	}
	slices.SortFunc(hs, func(a, b topHit) int {
		return cmp.Compare(binary.BigEndian.Uint64(a.id), binary.BigEndian.Uint64(b.id))
	})
}

// idSet is a set of internal IDs. Scorch's IDs are 8-byte numbers, kept
// as such; any other is kept as a string.
type idSet struct {
	n map[uint64]bool
	s map[string]bool
}

func newIDSet(size int) *idSet { return &idSet{n: make(map[uint64]bool, size)} }

func (s *idSet) has(id bleveindex.IndexInternalID) bool {
	if s == nil {
		return false
	}
	if len(id) == 8 {
		return s.n[binary.BigEndian.Uint64(id)]
	}
	return s.s[string(id)]
}

func (s *idSet) add(id bleveindex.IndexInternalID) {
	if len(id) == 8 {
		s.n[binary.BigEndian.Uint64(id)] = true
		return
	}
	if s.s == nil {
		s.s = map[string]bool{}
	}
	s.s[string(id)] = true
}

// follower is a searcher read along increasing IDs: at tells whether it
// matches id.
type follower struct {
	s   search.Searcher
	cur *search.DocumentMatch
	end bool
}

func (f *follower) close() error { return f.s.Close() }

func (f *follower) at(ctx *search.SearchContext, id bleveindex.IndexInternalID) (bool, error) {
	if f.end {
		return false, nil
	}
	if f.cur == nil || f.cur.IndexInternalID.Compare(id) < 0 {
		if f.cur != nil {
			ctx.DocumentMatchPool.Put(f.cur)
		}
		var err error
		if f.cur, err = f.s.Advance(ctx, id); err != nil {
			return false, err
		}
		if f.cur == nil {
			f.end = true
			return false, nil
		}
	}
	return f.cur.IndexInternalID.Equals(id), nil
}

// topK keeps the k best entries, best first; equal scores in index order,
// as Bleve's collector ranks them.
type topK struct {
	k    int
	hits []topHit
}

type topHit struct {
	id    bleveindex.IndexInternalID
	score float64
}

func (t *topK) better(a, b topHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id.Compare(b.id) < 0
}

// takes reports whether an entry with this score would be kept.
func (t *topK) takes(id bleveindex.IndexInternalID, score float64) bool {
	if len(t.hits) < t.k {
		return true
	}
	last := t.hits[t.k-1]
	return score > last.score || (score == last.score && id.Compare(last.id) < 0)
}

func (t *topK) add(id bleveindex.IndexInternalID, score float64) {
	if len(t.hits) == t.k {
		last := t.hits[t.k-1]
		if score < last.score || (score == last.score && id.Compare(last.id) > 0) {
			return
		}
	}
	h := topHit{id: append(bleveindex.IndexInternalID(nil), id...), score: score}
	i := len(t.hits)
	for i > 0 && t.better(h, t.hits[i-1]) {
		i--
	}
	t.hits = append(t.hits, topHit{})
	copy(t.hits[i+1:], t.hits[i:])
	t.hits[i] = h
	if len(t.hits) > t.k {
		t.hits = t.hits[:t.k]
	}
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
	req := withFilter(pairsQuery(p), filter)
	// The score classes, best first: with the exact word (phraseQuery
	// boosts only one, the others are quiet), then all matches.
	classes := []query.Query{req}
	for _, w := range p {
		if w.marked() && !w.quiet {
			classes = []query.Query{bleve.NewConjunctionQuery(req, exactQ(w)), req}
		}
	}
	var total <-chan counted // counted meanwhile unless free
	if len(p) > 2 || filter != nil {
		total = ix.countAsync(req)
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
	if total == nil {
		out.Total, err = postings(r, fT2, Bigram(p[0].fold, p[1].fold))
	} else {
		c := <-total
		out.Total, capped, err = c.n, c.capped, c.err
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
