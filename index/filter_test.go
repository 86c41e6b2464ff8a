package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// The postings-list reading of a filter passes exactly the entries that
// Bleve's searcher of the same filter matches.
func TestTermsFilterEqualsSearcher(t *testing.T) {
	ix := generatedIndex(t, 40)
	defer ix.Close()
	r, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// every entry, in index order
	all, err := bleve.NewMatchAllQuery().Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(all.DocumentMatchPoolSize(), 0)}
	var ids [][]byte
	for {
		dm, err := all.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if dm == nil {
			break
		}
		ids = append(ids, append([]byte(nil), dm.IndexInternalID...))
		ctx.DocumentMatchPool.Put(dm)
	}
	all.Close()
	passedAny := 0
	for _, req := range []Request{
		{Type: "quyết định"},
		{Type: "ke hoach"},
		{Issuer: "ủy ban nhân dân tỉnh"},
		{From: "2023-01-01"},
		{To: "2022-12-31"},
		{From: "2023-01-19", To: "2023-01-19"},
		{From: "2022-11-15", To: "2024-02-10"},
		{From: "2020-03-01", To: "2023-10-31", Type: "quyet dinh"},
		{Cites: "40/2020/NĐ-CP"},
		{Cites: "40/2020/NĐ-CP", From: "2023-01-01", To: "2023-12-31", Issuer: "lang son"},
		{To: "2000-01-01"},
	} {
		q, err := req.filterQuery()
		if err != nil {
			t.Fatal(err)
		}
		tf, ok, err := compileTerms(r, q)
		if err != nil || !ok {
			t.Fatalf("%+v: not read as terms (%v)", req, err)
		}
		bf := &follower{}
		if bf.s, err = q.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"}); err != nil {
			t.Fatal(err)
		}
		ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(16, 0)}
		n := 0
		for _, id := range ids {
			got, err1 := tf.at(ctx, id)
			want, err2 := bf.at(ctx, id)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if got != want {
				t.Fatalf("%+v: entry %x: terms %v, searcher %v", req, id, got, want)
			}
			if got {
				n++
			}
		}
		tf.close()
		bf.close()
		if n > 0 {
			passedAny++
		}
		t.Logf("%+v: %d of %d entries", req, n, len(ids))
	}
	if passedAny < 8 {
		t.Errorf("only %d filters pass any entry", passedAny)
	}
}
