package index

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/vanban/vanban/parser/vntext"
)

// The shortcuts of prune.go must give the hits of the full query, in the
// same order, with the same scores. The test corpus is small, so the
// shortcut is let in from the first posting (minPrune), and the number of
// searches it answered is checked too: a comparison that never ran proves
// nothing.
func TestPrunedSearchEqualsFull(t *testing.T) {
	old := minPrune
	minPrune = 1
	defer func() { minPrune = old }()

	ix := generatedIndex(t, 60)
	defer ix.Close()
	rewriteFixtures(t, ix) // two segments, deleted entries
	filters := []Request{{}, {Type: "quyết định"}, {From: "2018-01-01", To: "2022-12-31"}}
	same := func(what string, got, want *Results) {
		t.Helper()
		if len(got.Hits) != len(want.Hits) {
			t.Errorf("%s: %d hits, full query %d", what, len(got.Hits), len(want.Hits))
			return
		}
		for i := range got.Hits {
			g, w := got.Hits[i], want.Hits[i]
			if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Max(1, w.Score) || g.Snippet.Render("[", "]") != w.Snippet.Render("[", "]") {
				t.Errorf("%s hit %d: %s %.6f, full query %s %.6f", what, i, g.ID, g.Score, w.ID, w.Score)
			}
		}
		if got.Total != want.Total || got.Relation != want.Relation {
			t.Errorf("%s: total %d %s, full query %d %s", what, got.Total, got.Relation, want.Total, want.Relation)
		}
	}
	words, marked, phrases := 0, 0, 0
	rare, err := rareExactForms(ix, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(rare) < 5 {
		t.Fatalf("only %d rare exact forms: %v", len(rare), rare)
	}
	{
		for _, q := range append(rare, "các", "cac", "sở", "so", "tài", "chính", "thực", "hiện", "kế", "hoạch", "tỉnh", "ủy", "uỷ", "ban", "nhân", "dân", "triển", "khai", "năm", "đơn", "vị", "và",
			// exact forms rarer than their folds
			"bán", "tại", "sổ", "chữ", "dẫn", "hòa", "số", "tải", "kê", "bổ") {
			for _, f := range filters {
				for _, limit := range []int{1, 3, 10} {
					pq := parseQuery(q)
					filter, err := f.filterQuery()
					if err != nil {
						t.Fatal(err)
					}
					got, err := ix.searchWord(pq.words[0], filter, limit)
					if err != nil {
						t.Fatal(err)
					}
					if got == nil {
						continue
					}
					words++
					if w := pq.words[0]; w.marked() {
						marked++
					}
					want, err := ix.searchAll(pq, filter, limit)
					if err != nil {
						t.Fatal(err)
					}
					same(q, got, want)
				}
			}
		}
	}
	for _, q := range []string{"tài chính", "tai chinh", "sở tài chính", "so tai chinh", "kế hoạch và đầu tư", "ủy ban nhân dân", "uỷ ban nhân dân tỉnh", "các sở", "tổ chức thực hiện", "ban hành"} {
		for _, f := range filters {
			for _, limit := range []int{1, 3, 10} {
				pq := parseQuery(`"` + q + `"`)
				ix.quietPhrases(pq)
				filter, _ := f.filterQuery()
				got, err := ix.searchPhrase(pq.phrases[0], filter, limit)
				if err != nil {
					t.Fatal(err)
				}
				phrases++
				want, err := ix.searchAll(pq, filter, limit)
				if err != nil {
					t.Fatal(err)
				}
				if want.Total == 0 {
					t.Errorf("%q finds nothing", q)
				}
				same(q, got, want)
			}
		}
	}
	if words < 100 || marked < 40 || words-marked < 20 {
		t.Errorf("only %d word searches took the shortcut (%d typed with diacritics)", words, marked)
	}
	t.Logf("%d word searches (%d typed with diacritics) and %d phrase searches compared", words, marked, phrases)
}

// generatedIndex indexes n decisions generated from the fixtures, and the
// fixtures.
func generatedIndex(t *testing.T, n int) *Index {
	t.Helper()
	pool, err := LoadPool(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(t.TempDir(), "docs")
	if _, err := pool.Generate(docs, n); err != nil {
		t.Fatal(err)
	}
	ix, _ := newIndex(t)
	if _, err := ix.Update(append([]string{docs}, fixtures...), UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	return ix
}

// rareExactForms lists up to n exact forms in at most 3 entries whose
// folded word is in 30 or more: fewer entries with the exact boost than
// the hits asked for.
func rareExactForms(ix *Index, n int) ([]string, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d, err := r.FieldDictPrefix(fT2, []byte(ExactPrefix))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []string
	for len(out) < n {
		e, err := d.Next()
		if err != nil || e == nil {
			return out, err
		}
		exact := strings.TrimPrefix(e.Term, ExactPrefix)
		if e.Count > 3 || strings.ContainsAny(exact, "0123456789") {
			continue
		}
		df, err := postings(r, fT, vntext.Fold(exact))
		if err != nil {
			return nil, err
		}
		if df >= 30 {
			out = append(out, exact)
		}
	}
	return out, nil
}

// An entry added to the best again keeps its better score, once: the
// exact entries scored first come again, without the boost, among the
// impact entries.
func TestTopKKeepsTheBestOfAnEntry(t *testing.T) {
	id := func(n byte) bleveindex.IndexInternalID { return bleveindex.IndexInternalID{0, 0, 0, 0, 0, 0, 0, n} }
	top := &topK{k: 4}
	top.add(id(5), 4.0)
	top.add(id(5), 1.0)
	top.add(id(7), 2.0)
	top.add(id(7), 3.0)
	top.add(id(2), 2.5)
	top.add(id(9), 0.5)
	var got []string
	for _, h := range top.hits {
		got = append(got, fmt.Sprintf("%d:%.1f", h.id[7], h.score))
	}
	if want := "5:4.0 7:3.0 2:2.5 9:0.5"; strings.Join(got, " ") != want {
		t.Errorf("best: %s, want %s", strings.Join(got, " "), want)
	}
}

// Several bare words: the bounded search gives the hits, scores and total
// of the full query, on an index of two segments, with and without
// filters and diacritics, scoring whole intersections or the best bounds
// in rounds of 1 and 8.
func TestWordsSearchEqualsFull(t *testing.T) {
	defer func(a uint64, f int) { wordsAllMax, wordsScoredFirst = a, f }(wordsAllMax, wordsScoredFirst)
	ix := generatedIndex(t, 60)
	defer ix.Close()
	rewriteFixtures(t, ix)
	queries := []string{"so tai chinh chu tri", "sở tài chính chủ trì", "Sở Tài chính", "ke hoach thuc hien", "kế hoạch và đầu tư",
		"ủy ban nhân dân tỉnh", "uỷ ban nhân dân", "các sở ngành", "tổ chức thực hiện", "báo cáo kết quả", "so so tai", "ban hành quyết định",
		"chủ trì phối hợp", "dân số", "số liệu", "tài chính tài chính", "xyzzy tài chính"}
	filters := []Request{{}, {Type: "quyết định"}, {From: "2018-01-01", To: "2022-12-31"}}
	compared, bounded := 0, 0
	for _, mode := range []struct {
		all   uint64
		first int
	}{{1000, 64}, {0, 1}, {0, 8}} {
		wordsAllMax, wordsScoredFirst = mode.all, mode.first
		for _, q := range queries {
			for _, f := range filters {
				for _, limit := range []int{1, 3, 10} {
					pq := parseQuery(q)
					filter, err := f.filterQuery()
					if err != nil {
						t.Fatal(err)
					}
					got, err := ix.searchWords(pq, filter, limit)
					if err != nil {
						t.Fatal(err)
					}
					if got == nil {
						continue
					}
					want, err := ix.searchAll(pq, filter, limit)
					if err != nil {
						t.Fatal(err)
					}
					what := fmt.Sprintf("%q %+v limit %d", q, f, limit)
					if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
						t.Errorf("%s: %d hits of %d, full query %d of %d", what, len(got.Hits), got.Total, len(want.Hits), want.Total)
						continue
					}
					for i := range got.Hits {
						g, w := got.Hits[i], want.Hits[i]
						if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Max(1, w.Score) {
							t.Errorf("%s hit %d: %s %.9f, full query %s %.9f", what, i, g.ID, g.Score, w.ID, w.Score)
						}
					}
					compared++
					if mode.all == 0 && got.Total > 0 {
						bounded++
					}
				}
			}
		}
	}
	if compared < 400 || bounded < 250 {
		t.Errorf("only %d searches compared, %d by bounds", compared, bounded)
	}
	t.Logf("%d searches compared, %d by bounds", compared, bounded)
}

// The bounds of several words are upper bounds of every match's score in
// the full query, and are reached (within 1e-6) by some.
func TestWordBoundsAreUpperBounds(t *testing.T) {
	ix := generatedIndex(t, 60)
	defer ix.Close()
	rewriteFixtures(t, ix)
	r, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sg, _ := segmentsOf(r)
	checked, tight := 0, 0
	for _, q := range []string{"so tai chinh chu tri", "sở tài chính chủ trì", "kế hoạch và đầu tư", "ủy ban nhân dân tỉnh", "tổ chức thực hiện", "báo cáo kết quả", "các sở ngành", "số liệu"} {
		for _, f := range []Request{{}, {Type: "quyết định"}} {
			pq := parseQuery(q)
			filter, _ := f.filterQuery()
			cands, idf, ok, err := wordCands(r, sg, pq, filter)
			if err != nil || !ok {
				t.Fatal(q, err)
			}
			rs, low, err := wordBounds(r, sg, pq, cands, idf)
			if err != nil {
				t.Fatal(err)
			}
			s, err := fullQuery(pq, filter).Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
			for {
				dm, err := s.Next(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if dm == nil {
					break
				}
				ub := rs.ub[dm.IndexInternalID.Value()]
				raised := ub != 0
				if !raised {
					ub = low
				}
				if dm.Score > ub*(1+boundSlack)+boundSlack {
					t.Errorf("%q %+v: entry %x scores %.9f, bound %.9f (raised %v)", q, f, []byte(dm.IndexInternalID), dm.Score, ub, raised)
				}
				if ub-dm.Score < 1e-6 {
					tight++
				}
				checked++
				ctx.DocumentMatchPool.Put(dm)
			}
			s.Close()
			rs.release()
		}
	}
	if checked < 500 || tight < 20 {
		t.Errorf("%d matches checked, %d bounds reached", checked, tight)
	}
	t.Logf("%d matches checked, %d bounds reached", checked, tight)
}
