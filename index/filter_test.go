package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// The set of entries of a filter holds exactly the entries that Bleve's
// searcher of the same filter matches, on an index of several segments
// with deleted entries; the exact counts of a word's entries that pass it
// are Bleve's too.
func TestFilterSetEqualsSearcher(t *testing.T) {
	ix := generatedIndex(t, 40)
	defer ix.Close()
	rewriteFixtures(t, ix)
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
		tf, ok, err := compileSet(r, q)
		if err != nil || !ok {
			t.Fatalf("%+v: not read as a set (%v)", req, err)
		}
		matched, err := bleveMatches(ix, r, q)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, id := range ids {
			got, want := tf.has(id), matched[string(id)]
			if got != want {
				t.Fatalf("%+v: entry %x: terms %v, searcher %v", req, id, got, want)
			}
			if got {
				n++
			}
		}
		if n > 0 {
			passedAny++
		}
		if c := tf.count(); c != uint64(n) {
			t.Errorf("%+v: set counts %d entries, has %d", req, c, n)
		}
		for _, w := range []string{"so", "tai", "chinh", "ngay", "dieu", "xyzzy"} {
			ws, err := tf.sg.term(fT, w)
			if err != nil {
				t.Fatal(err)
			}
			want, err := bleveCount(ix, r, withFilter(termQ(fT, w), q))
			if err != nil {
				t.Fatal(err)
			}
			if got := tf.andCount(ws); got != want {
				t.Errorf("%+v, word %q: set counts %d, Bleve %d", req, w, got, want)
			}
		}
		t.Logf("%+v: %d of %d entries", req, n, len(ids))
	}
	if passedAny < 8 {
		t.Errorf("only %d filters pass any entry", passedAny)
	}
	if sg, _ := segmentsOf(r); len(sg.segs) < 2 {
		t.Errorf("the index has %d segments, the test wants several", len(sg.segs))
	}
}

// bleveCount counts q's matches with Bleve's searcher.
func bleveCount(ix *Index, r bleveindex.IndexReader, q query.Query) (uint64, error) {
	m, err := bleveMatches(ix, r, q)
	return uint64(len(m)), err
}

// bleveMatches is the internal IDs of q's matches, by Bleve's searcher.
func bleveMatches(ix *Index, r bleveindex.IndexReader, q query.Query) (map[string]bool, error) {
	s, err := q.Searcher(context.Background(), r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	out := map[string]bool{}
	for {
		dm, err := s.Next(ctx)
		if err != nil || dm == nil {
			return out, err
		}
		out[string(dm.IndexInternalID)] = true
		ctx.DocumentMatchPool.Put(dm)
	}
}

// rewriteFixtures writes the entries of the fixtures again, without
// compaction: the index then has a second segment, and deleted entries in
// the first.
func rewriteFixtures(t *testing.T, ix *Index) {
	t.Helper()
	b := ix.bi.NewBatch()
	for _, f := range fixtures {
		p := parseFile(f, nil, nil)
		if p.err != nil {
			t.Fatal(p.err)
		}
		for _, e := range p.entries {
			if err := b.Index(e.id, e.doc); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ix.bi.Batch(b); err != nil {
		t.Fatal(err)
	}
}
