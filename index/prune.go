package index

import (
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
//     narrow filter), the full query runs. Filters are read as sets of
//     entries (filter.go, docset.go).
//   - One phrase. Its pairs score a constant, and its exact word
//     (quietPhrases) a constant more, so its matches have one of two
//     scores, and Bleve ranks equal scores in index order: the best hits
//     are the first matches with the exact word, then the first without.
//     Only those are read.
//
// Totals are exact: a word's or a pair's postings count, or the size of
// the intersection of the sets of the word (the phrase's pairs) and of the
// filter (docset.go). A filter that cannot be read as a set (none that a
// Request makes) gets the full query.

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
	sg, ok := segmentsOf(r)
	if !ok {
		return nil, nil
	}
	var pass *docSet // the entries that pass the filter (nil: all)
	out := &Results{Total: df}
	if filter != nil {
		if pass, ok, err = compileSet(r, filter); err != nil || !ok {
			return nil, err
		}
		ws, err := sg.term(fT, w.fold)
		if err != nil {
			return nil, err
		}
		out.Total = pass.andCount(ws)
	}
	top := &topK{k: limit}
	full := func() bool { return len(top.hits) == limit }
	// Any entry without an impact term scores below this bound. A text
	// without one has 16·f ≤ n−1, so √f·norm is at most √(1/16 − 1/(16n)):
	// below 1/4 by far more than the float32 rounding of the norm
	// (relative 6e-8) for any f under 500,000. Every group's base is
	// above it.
	bound := idf / math.Sqrt(ImpactRatio)
	if w.marked() {
		// Typed with diacritics: the entries with the word's exact form
		// (that pass) first, with its boost; the rounds below then need
		// no boost.
		xs, err := sg.term(fT2, ExactPrefix+w.exact)
		if err != nil {
			return nil, err
		}
		if pass != nil {
			xs = xs.and(pass)
		}
		if err := scoreExactFirst(r, sg, w, groups, xs, top, bound); err != nil {
			return nil, err
		}
	}
	round := uint64(impactRound)
	found := false
	for i := 0; i < len(groups); {
		// Entries not read yet score at most the next group's score; ties
		// go to the lower ID, so the last kept must beat it.
		if full() && top.hits[limit-1].score > groups[i].base {
			found = true
			break
		}
		j, n := i, uint64(0)
		for j < len(groups) && (j == i || n+groups[j].count <= round) {
			n += groups[j].count
			j++
		}
		if filter != nil {
			round *= 2 // a selective filter passes few of each round
		}
		if err := scoreGroups(r, groups[i:j], top, pass); err != nil {
			return nil, err
		}
		i = j
	}
	if !found && (!full() || top.hits[limit-1].score < bound) {
		return nil, nil // every impact entry is read, and the others may count
	}
	return ix.topHits(r, parsedQuery{words: []word{w}}, top, out)
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

// scoreGroups scores the entries of impact groups into top, those that
// pass (pass nil: all), each at its group's base. (An entry with the
// exact form comes again here without its boost: top keeps its better
// score.)
func scoreGroups(r bleveindex.IndexReader, groups []impactGroup, top *topK, pass *docSet) error {
	var td bleveindex.TermFieldDoc
	for _, g := range groups {
		tfr, err := r.TermFieldReader(context.Background(), []byte(g.term), fT2, false, false, false)
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
			if top.takes(d.ID, g.base) && (pass == nil || pass.has(d.ID)) {
				top.add(d.ID, g.base) // (add copies the ID)
			}
		}
		tfr.Close()
	}
	return nil
}

// scoreExactFirst scores the entries of xs, those with w's exact form,
// into top, with the exact boost. Those among the impact entries score
// their group's base: the groups are intersected with xs, best first,
// until the limit-th best beats the next group. The others score below
// bound (plus the boost): they are scored through the word's postings
// only when the limit-th best does not beat that.
func scoreExactFirst(r bleveindex.IndexReader, sg *segments, w word, groups []impactGroup, xs *docSet, top *topK, bound float64) error {
	full := func() bool { return len(top.hits) == top.k }
	read := newIDSet(0)
	for _, g := range groups {
		if full() && top.hits[top.k-1].score > g.base+exactBoost {
			return nil
		}
		gs, err := sg.term(fT2, g.term)
		if err != nil {
			return err
		}
		err = gs.and(xs).each(func(id bleveindex.IndexInternalID) error {
			read.add(id)
			top.add(id, g.base+exactBoost)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if full() && top.hits[top.k-1].score >= bound+exactBoost {
		return nil
	}
	return scoreExact(r, w, xs, top, read)
}

// scoreExact scores the entries of xs (those of w's exact form), but those
// in skip, as wordQuery(w) does, into top.
func scoreExact(r bleveindex.IndexReader, w word, xs *docSet, top *topK, skip *idSet) error {
	ts, err := searcher.NewTermSearcher(context.Background(), r, w.fold, fT, 1.0, search.SearcherOptions{})
	if err != nil {
		return err
	}
	defer ts.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(16, 0), IndexReader: r}
	return xs.each(func(id bleveindex.IndexInternalID) error {
		if skip.has(id) {
			return nil
		}
		dm, err := ts.Advance(ctx, id)
		if err != nil || dm == nil {
			return err
		}
		if dm.IndexInternalID.Equals(id) {
			top.add(id, dm.Score+exactBoost)
		}
		ctx.DocumentMatchPool.Put(dm)
		return nil
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

// add keeps id with score if it is among the k best; an entry kept
// already keeps the better of its two scores.
func (t *topK) add(id bleveindex.IndexInternalID, score float64) {
	if len(t.hits) == t.k {
		last := t.hits[t.k-1]
		if score < last.score || (score == last.score && id.Compare(last.id) > 0) {
			return
		}
	}
	for i, h := range t.hits {
		if h.id.Equals(id) {
			if h.score >= score {
				return
			}
			t.hits = slices.Delete(t.hits, i, i+1)
			break
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
	// The total: a pair's postings, or the size of the sets' intersection.
	out := &Results{}
	if len(p) > 2 || filter != nil {
		n, known, err := pairsCount(r, p, filter)
		if err != nil || !known {
			return nil, err
		}
		out.Total = n
	} else if out.Total, err = postings(r, fT2, Bigram(p[0].fold, p[1].fold)); err != nil {
		return nil, err
	}
	round := limit
	if check {
		round = max(2*limit, 20)
	}
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
	if check {
		// Candidates read and rejected are out; those not read count.
		out.Total -= uint64(rejected)
		if uint64(checked) < out.Total+uint64(rejected) {
			out.Relation = TotalAtMost
		}
	}
	return out, nil
}

// pairsCount counts the entries that hold every pair of the phrase p and
// pass filter, from their sets; known is false when the index or the
// filter cannot be read as sets.
func pairsCount(r bleveindex.IndexReader, p []word, filter query.Query) (n uint64, known bool, err error) {
	sg, ok := segmentsOf(r)
	if !ok {
		return 0, false, nil
	}
	var set *docSet
	if filter != nil {
		if set, ok, err = compileSet(r, filter); err != nil || !ok {
			return 0, false, err
		}
	}
	for i := 0; i+1 < len(p); i++ {
		ps, err := sg.term(fT2, Bigram(p[i].fold, p[i+1].fold))
		if err != nil {
			return 0, false, err
		}
		switch {
		case set == nil:
			set = ps
		case i+2 == len(p):
			return set.andCount(ps), true, nil
		default:
			set = set.and(ps)
		}
	}
	return set.count(), true, nil
}
