package index

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

func TestZZDiag(t *testing.T) {
	dir := os.Getenv("VANBAN_BENCH_INDEX")
	if dir == "" {
		t.Skip()
	}
	ix, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	data, _ := os.ReadFile("/tmp/terms.txt")
	r, _ := ix.reader()
	defer r.Close()
	for _, q := range strings.Split(string(data), "\n")[:60] {
		pq := parseQuery(q)
		w := pq.words[0]
		df, _ := postings(r, fT, w.fold)
		ex, _ := postings(r, fT2, ExactPrefix+w.exact)
		var c []string
		for _, ratio := range ImpactRatios {
			n, _ := postings(r, fT2, ImpactTerm(w.fold, ratio))
			cq := bleve.NewConjunctionQuery(wordQuery(w), marksQ(ImpactTerm(w.fold, ratio), 0))
			s := time.Now()
			res, _ := ix.bi.Search(bleve.NewSearchRequestOptions(cq, 10, 0, false))
			c = append(c, fmt.Sprintf("r%d:%d(%s, k-th %.2f)", ratio, n, time.Since(s).Round(10*time.Microsecond), kth(res)))
		}
		s := time.Now()
		out, _ := ix.searchWord(w, nil, 10)
		d1 := time.Since(s)
		s = time.Now()
		ix.Search(Request{Query: q})
		d2 := time.Since(s)
		_ = context.Background()
		fmt.Printf("%-8s df=%6d exact=%6d pruned=%v %v word %s search %s\n", q, df, ex, out != nil, c, d1.Round(10*time.Microsecond), d2.Round(10*time.Microsecond))
	}
}

func kth(res *bleve.SearchResult) float64 {
	if res == nil || len(res.Hits) < 10 {
		return -1
	}
	return res.Hits[9].Score
}

func BenchmarkZZWord(b *testing.B) {
	ix, _ := Open(os.Getenv("VANBAN_BENCH_INDEX"), Options{ReadOnly: true})
	defer ix.Close()
	qs := []string{"Gây", "Có", "Tài", "Dùng", "với", "Chính"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pq := parseQuery(qs[i%len(qs)])
		ix.searchWord(pq.words[0], nil, 10)
	}
}
