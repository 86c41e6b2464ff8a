package analyze

import (
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
)

// BenchmarkParseAnalyze runs parser.Parse and Analyze over a folder of
// documents, decoded as the indexer decodes them (corpus.Decode), and
// reports the throughput per byte of decoded text. The folder is
// $VANBAN_BENCH_DIR when set (e.g. 1,000 generated decisions), else the
// repository's example documents in testdata/docs.
//
//	VANBAN_BENCH_DIR=/tmp/vb10k/docs/000 go test ./parser/analyze -run ^$ -bench ParseAnalyze -count 5
func BenchmarkParseAnalyze(b *testing.B) {
	dir := os.Getenv("VANBAN_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "testdata", "docs")
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(names)
	var inputs []*corpus.Input
	size := 0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // a folder
		}
		in, err := corpus.Decode(name, data)
		if err != nil {
			continue
		}
		inputs = append(inputs, in)
		size += len(in.Text)
	}
	if len(inputs) == 0 {
		b.Skipf("no documents in %s", dir)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			d, p := parser.Parse(in.Name, in.Text)
			Analyze(d, p)
		}
	}
	// CPU time (user and system, garbage collection included) per MB of
	// text: steadier than wall time on a busy machine
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/(float64(b.N)*float64(size)/1e6), "cpu-ms/MB")
}

// cpuTime is the CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
