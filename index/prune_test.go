package index

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

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
