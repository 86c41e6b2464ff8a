package main

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/index"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/vntext"
)

func init() {
	register(&cli.Command{
		Name:  "bench",
		Usage: "measure indexing and search on a generated corpus, against rg and raw Bleve",
		Description: `Builds a corpus of N decisions recombined from the paragraphs of real
documents (the seed decision and ../shared/corpus when present, else
testdata), indexes it, and reports indexing speed, index size, peak memory
and the latency of term, phrase, folded-phrase, several words (the
phrases unquoted, without diacritics), filtered and tasks --lead
queries. The same corpus is indexed by raw Bleve (standard analyzer, one
field) and scanned by rg (when installed) as anchors; it is also parsed
without indexing, and indexed by Bleve with only vanban's exact and folded
fields (no parsing, nothing stored): with the parse, the least work that
indexing exact and folded fields takes, whatever else an index holds.

Examples:
  vanban bench --docs 1000                      # a quick run
  vanban bench --docs 10000 --dir /tmp/vb       # keep the corpus and index
  vanban bench --dir /tmp/vb --queries-only     # time the queries again
  vanban bench --docs 1000 --cpuprofile ix.prof # then: go tool pprof ix.prof`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "docs", Value: 10000, Usage: "number of decisions"},
			&cli.StringFlag{Name: "dir", Usage: "work folder (default: a temporary folder, removed at the end)"},
			&cli.StringSliceFlag{Name: "source", Usage: "source documents (default: the seed and ../shared/corpus, else testdata)"},
			&cli.IntFlag{Name: "queries", Value: 200, Usage: "queries per kind"},
			&cli.BoolFlag{Name: "no-raw", Usage: "skip the raw Bleve anchor"},
			&cli.BoolFlag{Name: "queries-only", Usage: "only time the queries, on the index an earlier run left in --dir"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of the indexing (vanban's) to `FILE` (go tool pprof)"},
		},
		Action: benchAction,
	})
}

func benchSources() []string {
	var out []string
	if _, err := os.Stat("testdata/qd-79-2023-langson.txt"); err == nil {
		out = append(out, "testdata/qd-79-2023-langson.txt")
	}
	// the project's shared corpus beside the checkout, wherever it is laid
	for _, p := range []string{"../shared/corpus", "/work/shared/corpus"} {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
			break
		}
	}
	if len(out) < 2 {
		if _, err := os.Stat("testdata"); err == nil {
			out = append(out, "testdata")
		}
	}
	return out
}

func benchAction(c *cli.Context) error {
	setMemoryLimit() // as vanban index does
	w := c.App.Writer
	n := c.Int("docs")
	dir := c.String("dir")
	if dir == "" {
		d, err := os.MkdirTemp("", "vanban-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	sources := c.StringSlice("source")
	if len(sources) == 0 {
		sources = benchSources()
	}
	pool, err := index.LoadPool(sources)
	if err != nil {
		return err
	}
	docsDir := filepath.Join(dir, "docs")
	ixDir := filepath.Join(dir, "vanban-index")
	reuse := c.Bool("queries-only")
	if reuse && (c.String("dir") == "" || !index.Exists(ixDir)) {
		return usageError(c, "--queries-only needs --dir DIR holding the corpus and index of an earlier run")
	}
	var mb, ourMBs float64
	var total, size int64
	if !reuse {
		os.RemoveAll(docsDir)
		fmt.Fprintf(w, "corpus: %d decisions from %d paragraphs of %s\n", n, len(pool.Paras), strings.Join(sources, ", "))
		total, err = pool.Generate(docsDir, n)
		if err != nil {
			return err
		}
		mb = float64(total) / 1e6
		fmt.Fprintf(w, "        %.1f MB of text in %s\n", mb, docsDir)

		// vanban
		os.RemoveAll(ixDir)
		// what generating the corpus took goes back to the system: the
		// peak resident size below is the indexing's
		runtime.GC()
		debug.FreeOSMemory()
		if f := c.String("cpuprofile"); f != "" {
			stop, err := startCPUProfile(f)
			if err != nil {
				return err
			}
			defer stop()
		}
		t0, c0 := time.Now(), cpuTime()
		ixw, err := index.Open(ixDir, index.Options{Create: true})
		if err != nil {
			return err
		}
		sum, err := ixw.Update([]string{docsDir}, index.UpdateOptions{})
		if err != nil {
			return err
		}
		if err := ixw.Close(); err != nil {
			return err
		}
		el, cpu := time.Since(t0), cpuTime()-c0
		pprof.StopCPUProfile()
		hwm := vmHWM()
		size = dirSize(ixDir)
		ourMBs = mb / el.Seconds()
		fmt.Fprintf(w, "\nindexing (vanban: parse + exact, folded and pair fields, tasks)\n")
		fmt.Fprintf(w, "  %d docs in %.1fs: %.2f MB/s, %.0f docs/s (failed %d)\n", sum.Indexed, el.Seconds(), ourMBs, float64(sum.Indexed)/el.Seconds(), sum.Failed)
		fmt.Fprintf(w, "  CPU %.1fs (%.2f cores busy)\n", cpu.Seconds(), cpu.Seconds()/el.Seconds())
		fmt.Fprintf(w, "  index size %.1f MB = %.2f× the text\n", float64(size)/1e6, float64(size)/float64(total))
		fmt.Fprintf(w, "  peak RSS (VmHWM) %.0f MB\n", float64(hwm)/1e6)
	} else {
		fmt.Fprintf(w, "queries only, on the corpus and index in %s\n", dir)
	}

	ix, err := index.Open(ixDir, index.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer ix.Close()
	docs, tasks, _ := ix.Count()
	fmt.Fprintf(w, "  %d decisions, %d tasks indexed\n", docs, tasks)

	qs := benchQueries(pool, c.Int("queries"))
	// The index's files are read once first, as the page cache holds an
	// index in use: a query then times vanban, not the disk.
	if err := readAll(ixDir); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nquery latency over %d queries per kind (limit 10, with snippets; index files in the page cache)\n", c.Int("queries"))
	fmt.Fprintf(w, "  %-14s %9s %9s %9s %s\n", "kind", "p50", "p99", "max", "mean hits")
	lat := map[string][]time.Duration{}
	run := func(kind string, queries []string, fn func(q string) (uint64, error)) error {
		var d []time.Duration
		var hits uint64
		for _, q := range queries {
			s := time.Now()
			h, err := fn(q)
			if err != nil {
				return fmt.Errorf("%s query %q: %v", kind, q, err)
			}
			d = append(d, time.Since(s))
			hits += h
		}
		lat[kind] = d
		fmt.Fprintf(w, "  %-14s %9s %9s %9s %.0f\n", kind, ms(pct(d, 50)), ms(pct(d, 99)), ms(pct(d, 100)), float64(hits)/float64(len(queries)))
		return nil
	}
	search := func(r index.Request) (uint64, error) {
		res, err := ix.Search(r)
		if err != nil {
			return 0, err
		}
		return res.Total, nil
	}
	if err := run("term", qs.terms, func(q string) (uint64, error) { return search(index.Request{Query: q}) }); err != nil {
		return err
	}
	if err := run("phrase", qs.phrases, func(q string) (uint64, error) { return search(index.Request{Query: `"` + q + `"`}) }); err != nil {
		return err
	}
	if err := run("folded-phrase", qs.phrases, func(q string) (uint64, error) {
		return search(index.Request{Query: `"` + vntext.Fold(q) + `"`})
	}); err != nil {
		return err
	}
	if err := run("words, folded", qs.phrases, func(q string) (uint64, error) {
		return search(index.Request{Query: vntext.Fold(q)})
	}); err != nil {
		return err
	}
	if err := run("filtered", qs.terms, func(q string) (uint64, error) {
		return search(index.Request{Query: q, Type: "quyet dinh", From: "2018-01-01", To: "2021-12-31"})
	}); err != nil {
		return err
	}
	leads := index.GenLeads()
	var leadQs []string
	for i := 0; i < c.Int("queries"); i++ {
		leadQs = append(leadQs, vntext.Fold(leads[i%len(leads)]))
	}
	if err := run("tasks --lead", leadQs, func(q string) (uint64, error) {
		rows, err := ix.Tasks(index.TaskFilter{Lead: q})
		return uint64(len(rows)), err
	}); err != nil {
		return err
	}

	if reuse {
		return nil
	}
	// rg
	fmt.Fprintf(w, "\nanchors\n")
	ex := extractOnly(docsDir)
	fmt.Fprintf(w, "  parse + extraction alone, no index (%d workers): %.2f MB/s, CPU %.1fs; vanban indexing is %.0f%% of it\n",
		runtime.GOMAXPROCS(0), mb/ex.elapsed.Seconds(), ex.cpu.Seconds(), 100*ourMBs/(mb/ex.elapsed.Seconds()))
	if rg, err := exec.LookPath("rg"); err == nil {
		var d []time.Duration
		m := min(20, len(qs.phrases))
		for _, q := range qs.phrases[:m] {
			s := time.Now()
			out, _ := exec.Command(rg, "-c", "-F", "--", q, docsDir).Output()
			_ = out
			d = append(d, time.Since(s))
		}
		fmt.Fprintf(w, "  rg -c (phrase, %d queries): p50 %s p99 %s; vanban phrase is %.0f× faster at p50, %.0f× at p99; folded phrase %.0f× / %.0f×\n",
			m, ms(pct(d, 50)), ms(pct(d, 99)),
			ratio(pct(d, 50), pct(lat["phrase"], 50)), ratio(pct(d, 99), pct(lat["phrase"], 99)),
			ratio(pct(d, 50), pct(lat["folded-phrase"], 50)), ratio(pct(d, 99), pct(lat["folded-phrase"], 99)))
	} else {
		fmt.Fprintf(w, "  rg: not installed, skipped\n")
	}
	if c.Bool("no-raw") {
		return nil
	}
	raw, err := rawBleve(filepath.Join(dir, "raw-bleve"), docsDir, qs.phrases)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  raw Bleve (standard analyzer, one text field, no parsing): %.2f MB/s, index %.1f MB = %.2f× the text\n",
		mb/raw.elapsed.Seconds(), float64(raw.size)/1e6, float64(raw.size)/float64(total))
	fmt.Fprintf(w, "    CPU %.1fs (%.2f cores busy)\n", raw.cpu.Seconds(), raw.cpu.Seconds()/raw.elapsed.Seconds())
	fmt.Fprintf(w, "    vanban indexing = %.2f× raw Bleve's MB/s; index size %.2f× raw Bleve's\n", ourMBs/(mb/raw.elapsed.Seconds()), float64(size)/float64(raw.size))
	fmt.Fprintf(w, "    raw phrase query: p50 %s p99 %s; vanban phrase is %.1f× faster at p50, %.1f× at p99\n",
		ms(pct(raw.phrase, 50)), ms(pct(raw.phrase, 99)), ratio(pct(raw.phrase, 50), pct(lat["phrase"], 50)), ratio(pct(raw.phrase, 99), pct(lat["phrase"], 99)))
	fmt.Fprintf(w, "    folded phrases: raw Bleve finds %d hits in total, vanban %d\n", raw.foldedHits, raw.ourFolded(ix, qs.phrases))
	fl, err := bleveFloor(filepath.Join(dir, "floor-bleve"), docsDir)
	if err != nil {
		return err
	}
	os.RemoveAll(filepath.Join(dir, "floor-bleve"))
	cores := float64(runtime.GOMAXPROCS(0))
	best := mb / ((ex.cpu.Seconds() + fl.cpu.Seconds()) / cores)
	fmt.Fprintf(w, "  Bleve with only vanban's exact and folded fields (one entry per file, nothing stored, no parsing): %.2f MB/s, CPU %.1fs\n",
		mb/fl.elapsed.Seconds(), fl.cpu.Seconds())
	fmt.Fprintf(w, "    with parse + extraction (CPU %.1fs), %.1f CPU-s: at best %.2f MB/s on %.0f cores always busy = %.2f× raw Bleve\n",
		ex.cpu.Seconds(), ex.cpu.Seconds()+fl.cpu.Seconds(), best, cores, best/(mb/raw.elapsed.Seconds()))
	fmt.Fprintf(w, "  peak RSS of the whole run, anchors included (VmHWM) %.0f MB\n", float64(vmHWM())/1e6)
	return nil
}

// extractOnly reads, parses and analyzes every file of dir as vanban
// index does, on every core, and indexes nothing: the floor of indexing
// time.
func extractOnly(dir string) (r rawResult) {
	files, _ := corpus.Expand([]string{dir})
	t0, c0 := time.Now(), cpuTime()
	jobs := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if in, err := corpus.ReadFile(f); err == nil {
					analyze.Analyze(parser.Parse(in.Name, in.Text))
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	r.elapsed, r.cpu = time.Since(t0), cpuTime()-c0
	return r
}

type benchQs struct{ terms, phrases []string }

// benchQueries draws words and 2–4 word phrases from the pool's
// paragraphs, deterministically.
func benchQueries(p *index.Pool, n int) benchQs {
	r := rand.New(rand.NewSource(42))
	var qs benchQs
	for len(qs.terms) < n || len(qs.phrases) < n {
		words := strings.Fields(p.Paras[r.Intn(len(p.Paras))])
		var clean []string
		for _, w := range words {
			w = strings.Trim(w, ".,;:()\"“”'")
			if w == "" || strings.ContainsAny(w, "/0123456789=-_*|") || vntext.Fold(w) == strings.ToUpper(vntext.Fold(w)) {
				clean = nil // phrases do not cross numbers and punctuation
				continue
			}
			clean = append(clean, w)
			if len(clean) >= 4 {
				break
			}
		}
		if len(clean) == 0 {
			continue
		}
		if len(qs.terms) < n {
			qs.terms = append(qs.terms, clean[0])
		}
		if k := 2 + r.Intn(3); len(clean) >= k && len(qs.phrases) < n {
			qs.phrases = append(qs.phrases, strings.Join(clean[:k], " "))
		}
	}
	return qs
}

type rawResult struct {
	elapsed    time.Duration
	cpu        time.Duration
	size       int64
	phrase     []time.Duration
	foldedHits uint64
}

func (r rawResult) ourFolded(ix *index.Index, phrases []string) uint64 {
	var n uint64
	for _, q := range phrases {
		if res, err := ix.Search(index.Request{Query: `"` + vntext.Fold(q) + `"`}); err == nil {
			n += res.Total
		}
	}
	return n
}

// rawBleve indexes the files' text in one field with Bleve's standard
// analyzer (default field options: stored, with term vectors), in batches
// of the same size, and times phrase queries on it.
func rawBleve(dir, docsDir string, phrases []string) (rawResult, error) {
	var rr rawResult
	os.RemoveAll(dir)
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = standard.Name
	fm.IncludeInAll = false
	dm.AddFieldMappingsAt("text", fm)
	m.DefaultMapping = dm
	if err := bleveIndexFiles(&rr, dir, docsDir, m, func(text string) interface{} {
		return map[string]interface{}{"text": text}
	}); err != nil {
		return rr, err
	}
	bi, err := bleve.Open(dir)
	if err != nil {
		return rr, err
	}
	defer bi.Close()
	for _, q := range phrases {
		pq := bleve.NewMatchPhraseQuery(q)
		pq.SetField("text")
		req := bleve.NewSearchRequestOptions(pq, 10, 0, false)
		s := time.Now()
		if _, err := bi.Search(req); err != nil {
			return rr, err
		}
		rr.phrase = append(rr.phrase, time.Since(s))
		fq := bleve.NewMatchPhraseQuery(vntext.Fold(q))
		fq.SetField("text")
		if res, err := bi.Search(bleve.NewSearchRequestOptions(fq, 10, 0, false)); err == nil {
			rr.foldedHits += res.Total
		}
	}
	return rr, nil
}

// bleveFloor indexes the files' text with vanban's exact and folded
// analyzers (vn_exact, vn_fold) in two fields, one entry per file, with
// nothing stored, no term vectors, no doc values and no parsing: the least
// Bleve work that "exact and folded fields" take, without the entries of
// tasks, the word pairs of phrases, filters or anything to show.
func bleveFloor(dir, docsDir string) (rawResult, error) {
	var rr rawResult
	os.RemoveAll(dir)
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range [][2]string{{"x", index.AnalyzerExact}, {"f", index.AnalyzerFold}} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = f[1]
		fm.Store, fm.IncludeTermVectors, fm.DocValues, fm.IncludeInAll = false, false, false, false
		dm.AddFieldMappingsAt(f[0], fm)
	}
	m.DefaultMapping = dm
	err := bleveIndexFiles(&rr, dir, docsDir, m, func(text string) interface{} {
		return map[string]interface{}{"x": text, "f": text}
	})
	return rr, err
}

// bleveIndexFiles indexes the files of docsDir into a new Bleve index at
// dir, an entry per file made by doc from its text, in batches of
// index.DefaultBatchBytes of text as vanban does, and times it.
func bleveIndexFiles(rr *rawResult, dir, docsDir string, m mapping.IndexMapping, doc func(string) interface{}) error {
	files, _ := corpus.Expand([]string{docsDir})
	t0, c0 := time.Now(), cpuTime()
	bi, err := bleve.NewUsing(dir, m, "scorch", "scorch", nil)
	if err != nil {
		return err
	}
	b := bi.NewBatch()
	bytes := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			bi.Close()
			return err
		}
		if err := b.Index(f, doc(string(data))); err != nil {
			bi.Close()
			return err
		}
		bytes += len(data)
		if bytes >= index.DefaultBatchBytes {
			if err := bi.Batch(b); err != nil {
				bi.Close()
				return err
			}
			b.Reset()
			bytes = 0
		}
	}
	if err := bi.Batch(b); err != nil {
		bi.Close()
		return err
	}
	if err := bi.Close(); err != nil {
		return err
	}
	rr.elapsed, rr.cpu = time.Since(t0), cpuTime()-c0
	rr.size = dirSize(dir)
	return nil
}

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	if i > 0 {
		i--
	}
	return s[min(i, len(s)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// vmHWM is the process's peak resident set size, from /proc/self/status.
func vmHWM() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	return parseHWM(f)
}

func parseHWM(r io.Reader) int64 {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// readAll reads every file under dir once.
func readAll(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(io.Discard, f)
		return err
	})
}

// startCPUProfile writes a CPU profile to file until pprof.StopCPUProfile
// or the returned stop.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
