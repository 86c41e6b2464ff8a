package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Benchmarks over a corpus generated from the fixtures (index/gen.go).
// VANBAN_BENCH_INDEX=DIR runs the search benchmarks on an existing index
// instead (one built by vanban bench --dir or vanban index), e.g. to
// profile queries at 10,000 decisions.

const benchDocs = 200

func benchCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	pool, err := LoadPool(fixtures)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "docs")
	total, err := pool.Generate(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	return dir, total
}

// BenchmarkIndex indexes benchDocs generated decisions into a new index
// (parse, analysis, Bleve, compaction); MB/s is of their text.
func BenchmarkIndex(b *testing.B) {
	docs, total := benchCorpus(b, benchDocs)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "ix")
		ix, err := Open(dir, Options{Create: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := ix.Update([]string{docs}, UpdateOptions{})
		if err != nil || sum.Indexed != benchDocs {
			b.Fatalf("%+v %v", sum, err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchIndex(b *testing.B) *Index {
	b.Helper()
	if dir := os.Getenv("VANBAN_BENCH_INDEX"); dir != "" {
		ix, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		return ix
	}
	docs, _ := benchCorpus(b, benchDocs)
	dir := filepath.Join(b.TempDir(), "ix")
	ix, err := Open(dir, Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Update([]string{docs}, UpdateOptions{}); err != nil {
		b.Fatal(err)
	}
	return ix
}

func benchSearch(b *testing.B, reqs []Request) {
	ix := benchIndex(b)
	defer ix.Close()
	for _, r := range reqs {
		res, err := ix.Search(r)
		if err != nil || res.Total == 0 {
			b.Fatalf("%+v: %v, %v hits", r, err, res)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchTerm: one common word, with and without diacritics.
func BenchmarkSearchTerm(b *testing.B) {
	benchSearch(b, []Request{{Query: "ngân"}, {Query: "tai"}, {Query: "Sở"}, {Query: "chinh"}})
}

// BenchmarkSearchPhrase: quoted phrases of two to four words, typed with
// and without diacritics.
func BenchmarkSearchPhrase(b *testing.B) {
	benchSearch(b, []Request{{Query: `"tài chính"`}, {Query: `"ke hoach va dau tu"`}, {Query: `"ngân sách nhà nước"`}, {Query: `"so tai chinh"`}})
}

// BenchmarkSearchFiltered: a word with type and date filters.
func BenchmarkSearchFiltered(b *testing.B) {
	benchSearch(b, []Request{{Query: "ngan sach", Type: "quyết định", From: "2015-01-01", To: "2030-12-31"}})
}

// BenchmarkTasksLead: the task ledger of one agency over the index.
func BenchmarkTasksLead(b *testing.B) {
	ix := benchIndex(b)
	defer ix.Close()
	leads := GenLeads()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := ix.Tasks(TaskFilter{Lead: strings.ToLower(leads[i%len(leads)])})
		if err != nil {
			b.Fatal(err)
		}
		_ = rows
	}
}
