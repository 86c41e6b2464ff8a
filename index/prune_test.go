package index

import (
	"math"
	"path/filepath"
	"testing"
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
		switch got.Relation {
		case TotalExact, "":
			if got.Total != want.Total {
				t.Errorf("%s: total %d, full query %d", what, got.Total, want.Total)
			}
		case TotalAtLeast:
			if got.Total > want.Total {
				t.Errorf("%s: total at least %d, full query %d", what, got.Total, want.Total)
			}
		}
	}
	words, marked, phrases := 0, 0, 0
	// The two ways of the exact boost: a set, followed.
	modes := []uint64{exactSetMax, 0}
	byMode := make([]int, len(modes)) // words typed with diacritics
	defer func(m uint64) { exactSetMax = m }(modes[0])
	for mi, mode := range modes {
		exactSetMax = mode
		for _, q := range []string{"các", "cac", "sở", "so", "tài", "chính", "thực", "hiện", "kế", "hoạch", "tỉnh", "ủy", "uỷ", "ban", "nhân", "dân", "triển", "khai", "năm", "đơn", "vị", "và",
			// exact forms rarer than their folds
			"bán", "tại", "sổ", "chữ", "dẫn", "hòa", "số", "tải", "kê", "bổ"} {
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
						byMode[mi]++
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
	if words < 100 || byMode[0] < 25 || byMode[1] < 25 || words-marked < 20 {
		t.Errorf("only %d word searches took the shortcut (typed with diacritics: %v in a set, followed)", words, byMode)
	}
	t.Logf("%d word searches (typed with diacritics: %v in a set, followed) and %d phrase searches compared", words, byMode, phrases)
}

// A total counted to countCap says it is a lower bound; the hits do not
// change.
func TestCountedTotalIsALowerBound(t *testing.T) {
	old, oldMin := countCap, minPrune
	countCap, minPrune = 5, 1
	defer func() { countCap, minPrune = old, oldMin }()
	ix := indexFixtures(t)
	defer ix.Close()
	req := Request{Query: "các", Type: "quyết định", Limit: 3}
	got, err := ix.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	if got.Relation != TotalAtLeast || got.Total != 5 {
		t.Errorf("total %d %s, want at least 5", got.Total, got.Relation)
	}
	pq := parseQuery(req.Query)
	filter, _ := req.filterQuery()
	full, err := ix.searchAll(pq, filter, 3)
	if err != nil {
		t.Fatal(err)
	}
	if full.Total <= 5 || len(full.Hits) != len(got.Hits) {
		t.Fatalf("full query: %d hits of %d; counted: %d", len(full.Hits), full.Total, len(got.Hits))
	}
	for i := range got.Hits {
		if got.Hits[i].ID != full.Hits[i].ID {
			t.Errorf("hit %d: %s, full query %s", i, got.Hits[i].ID, full.Hits[i].ID)
		}
	}
	// Without a filter the total is the word's postings count: exact.
	all, err := ix.Search(Request{Query: "các"})
	if err != nil {
		t.Fatal(err)
	}
	if all.Relation != TotalExact || all.Total <= 5 {
		t.Errorf("unfiltered: total %d %s, want exact", all.Total, all.Relation)
	}
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
