package index

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
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
	type row struct {
		q    string
		d    time.Duration
		info string
	}
	for _, filt := range []Request{{}, {Type: "quyet dinh", From: "2018-01-01", To: "2021-12-31"}} {
		var rows []row
		for _, q := range strings.Split(string(data), "\n") {
			pq := parseQuery(q)
			w := pq.words[0]
			filter, _ := filt.filterQuery()
			s := time.Now()
			out, _ := ix.searchWord(w, filter, 10)
			d1 := time.Since(s)
			req := filt
			req.Query = q
			d2 := time.Hour
			for k := 0; k < 5; k++ {
				s = time.Now()
				ix.Search(req)
				d2 = min(d2, time.Since(s))
			}
			df, _ := postings(r, fT, w.fold)
			g, _ := impactGroups(r, w.fold, 1)
			var n uint64
			for _, x := range g {
				n += x.count
			}
			var dc time.Duration
			if filter != nil {
				s = time.Now()
				ix.count(r, withFilter(termQ(fT, w.fold), filter), countCap)
				dc = time.Since(s)
			}
			rows = append(rows, row{q, d2, fmt.Sprintf("df=%d groups=%d impacts=%d pruned=%v word=%s count=%s", df, len(g), n, out != nil, d1.Round(10*time.Microsecond), dc.Round(10*time.Microsecond))})
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i].d > rows[j].d })
		for _, r := range rows[:12] {
			fmt.Printf("%-10s %8s %s\n", r.q, r.d.Round(10*time.Microsecond), r.info)
		}
		fmt.Println()
	}
}

func BenchmarkZZFiltered(b *testing.B) {
	ix, _ := Open(os.Getenv("VANBAN_BENCH_INDEX"), Options{ReadOnly: true})
	defer ix.Close()
	data, _ := os.ReadFile("/tmp/terms.txt")
	qs := strings.Split(string(data), "\n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(Request{Query: qs[i%len(qs)], Type: "quyet dinh", From: "2018-01-01", To: "2021-12-31"})
	}
}

func BenchmarkZZWord(b *testing.B) {
	ix, _ := Open(os.Getenv("VANBAN_BENCH_INDEX"), Options{ReadOnly: true})
	defer ix.Close()
	data, _ := os.ReadFile("/tmp/terms.txt")
	qs := strings.Split(string(data), "\n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(Request{Query: qs[i%len(qs)]})
	}
}
