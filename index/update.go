package index

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

// DefaultBatchBytes is how much text goes into one Bleve batch: memory
// follows the bytes of a batch, not its number of documents.
const DefaultBatchBytes = 1 << 20

// UpdateOptions tune Update.
type UpdateOptions struct {
	// Prune removes the documents whose files no longer exist.
	Prune bool
	// BatchBytes bounds a batch by the bytes of text it holds.
	BatchBytes int
	// Workers parse files in parallel (default GOMAXPROCS).
	Workers int
	// Progress is called after each file with the files done and total.
	Progress func(done, total int)
	// Report is called for each file that failed (and for duplicates,
	// with a *DuplicateError).
	Report func(file string, err error)
	// AfterBatch is called after each batch is written, with the number of
	// files written so far.
	AfterBatch func(files int)
}

// Summary counts what Update did.
type Summary struct {
	Indexed    int // new documents
	Unchanged  int // same content hash as indexed: skipped
	Updated    int // changed files whose old entries were replaced
	Failed     int
	Duplicates int // same identity as another indexed file
	Pruned     int
	Bytes      int64 // bytes of text parsed and indexed
	Elapsed    time.Duration
}

// DuplicateError reports a file holding a document that another file
// already holds.
type DuplicateError struct{ Of string }

func (e *DuplicateError) Error() string { return "same document as " + e.Of + ", skipped" }

type knownDoc struct{ id, hash string }

// known lists the indexed decisions: by absolute source path, and the
// source of each ID.
func (ix *Index) known() (bySource map[string]knownDoc, owner map[string]string, err error) {
	bySource = map[string]knownDoc{}
	owner = map[string]string{}
	err = ix.eachHit(termQ(fKind, KindDoc), []string{fSource, fHash}, func(id string, f map[string]interface{}) error {
		src, _ := f[fSource].(string)
		h, _ := f[fHash].(string)
		bySource[src] = knownDoc{id: id, hash: h}
		owner[id] = src
		return nil
	})
	return
}

func termQ(field, term string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

// eachHit runs q over the whole index (no scoring) and calls fn with each
// hit's ID and the requested stored fields, in pages.
func (ix *Index) eachHit(q query.Query, fields []string, fn func(id string, f map[string]interface{}) error) error {
	const page = 2000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		req.Score = "none"
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if err := fn(h.ID, h.Fields); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// taskIDs lists the IDs of the task documents of decision id.
func (ix *Index) taskIDs(id string) ([]string, error) {
	var ids []string
	q := bleve.NewConjunctionQuery(termQ(fKind, KindTask), termQ(fDoc, id))
	err := ix.eachHit(q, nil, func(tid string, _ map[string]interface{}) error {
		ids = append(ids, tid)
		return nil
	})
	return ids, err
}

type parsed struct {
	file    string
	abs     string
	hash    string
	entries []entry
	docs    []*document.Document // the entries, mapped and analyzed
	size    int
	id      string
	err     error
	same    bool // unchanged
}

// Update indexes the files under paths (folders recursively): new files
// are added, files whose content hash changed replace their old entries,
// unchanged files are skipped. A file that fails is reported and skipped;
// the others go on. With opts.Prune, documents whose files are gone are
// removed.
func (ix *Index) Update(paths []string, opts UpdateOptions) (Summary, error) {
	start := time.Now()
	var sum Summary
	if ix.readOnly {
		return sum, errors.New("index opened read-only")
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = DefaultBatchBytes
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	report := opts.Report
	if report == nil {
		report = func(string, error) {}
	}
	files, errs := corpus.Expand(paths)
	for _, e := range errs {
		sum.Failed++
		report("", e)
	}
	bySource, owner, err := ix.known()
	if err != nil {
		return sum, err
	}
	hashes := make(map[string]string, len(bySource))
	for s, k := range bySource {
		hashes[s] = k.hash
	}

	prep, err := newPreparer(ix.bi.Mapping())
	if err != nil {
		return sum, err
	}
	// Parse (and map, and analyze) in parallel, hand the results over in
	// file order.
	results := make([]chan parsed, len(files))
	for i := range results {
		results[i] = make(chan parsed, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- parseFile(files[i], hashes, prep)
			}
		}()
	}
	// The parsers stay at most lookahead files ahead of the writer, so that
	// memory holds a batch and a few files, not the corpus.
	lookahead := make(chan struct{}, 8*opts.Workers)
	go func() {
		for i := range files {
			lookahead <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	defer wg.Wait()

	// A full batch is written by a goroutine of its own while the next one
	// fills: Bleve builds a batch's segment on one core, and the parsers
	// go on meanwhile. At most one batch is in flight; reading the index
	// (the tasks of a document to replace) waits for it.
	batch := ix.bi.NewBatch()
	batchBytes := 0
	written := 0
	pending := 0
	type inflight struct {
		done  chan error
		files int
	}
	var fl *inflight
	wait := func() error {
		if fl == nil {
			return nil
		}
		err := <-fl.done
		if err == nil {
			written += fl.files
			if opts.AfterBatch != nil {
				opts.AfterBatch(written)
			}
		}
		fl = nil
		return err
	}
	defer wait() // (an error return leaves no batch running)
	flush := func() error {
		if err := wait(); err != nil || batch.Size() == 0 {
			return err
		}
		fl = &inflight{done: make(chan error, 1), files: pending}
		go func(b *bleve.Batch, done chan<- error) { done <- ix.bi.Batch(b) }(batch, fl.done)
		batch = ix.bi.NewBatch()
		batchBytes = 0
		pending = 0
		return nil
	}
	deleteDoc := func(id string) error {
		if err := wait(); err != nil {
			return err
		}
		tids, err := ix.taskIDs(id)
		if err != nil {
			return err
		}
		for _, t := range tids {
			batch.Delete(t)
		}
		batch.Delete(ledgerID(id))
		batch.Delete(id)
		return nil
	}
	seen := map[string]bool{}
	inBatch := map[string]bool{} // IDs added to the unwritten batch
	var firstErr error
	for i := range files {
		p := <-results[i]
		<-lookahead
		if opts.Progress != nil {
			opts.Progress(i+1, len(files))
		}
		if firstErr != nil {
			continue // drain the workers
		}
		if p.abs != "" {
			if seen[p.abs] {
				continue // named twice on the command line
			}
			seen[p.abs] = true
		}
		switch {
		case p.err != nil:
			sum.Failed++
			report(p.file, p.err)
			continue
		case p.same:
			sum.Unchanged++
			continue
		}
		old, had := bySource[p.abs]
		if src, taken := owner[p.id]; taken && src != p.abs {
			if _, err := os.Stat(src); err == nil {
				sum.Duplicates++
				report(p.file, &DuplicateError{Of: src})
				continue
			}
			// The file that held this document is gone (moved): take over.
			delete(bySource, src)
		}
		// Old entries of this file, and of this ID (a moved file), go.
		if had {
			if !inBatch[old.id] {
				if err := deleteDoc(old.id); err != nil {
					firstErr = err
					continue
				}
			}
			if old.id != p.id {
				delete(owner, old.id)
			}
		}
		if _, taken := owner[p.id]; taken && !inBatch[p.id] && (!had || old.id != p.id) {
			if err := deleteDoc(p.id); err != nil {
				firstErr = err
				continue
			}
		}
		for _, d := range p.docs {
			if err := batch.IndexAdvanced(d); err != nil {
				firstErr = fmt.Errorf("%s: %v", p.file, err)
				break
			}
		}
		if firstErr != nil {
			continue
		}
		owner[p.id] = p.abs
		bySource[p.abs] = knownDoc{id: p.id, hash: p.hash}
		inBatch[p.id] = true
		if had {
			sum.Updated++
		} else {
			sum.Indexed++
		}
		sum.Bytes += int64(p.size)
		batchBytes += p.size
		pending++
		if batchBytes >= opts.BatchBytes {
			if err := flush(); err != nil {
				firstErr = err
				continue
			}
			clear(inBatch)
		}
	}
	if firstErr != nil {
		return sum, firstErr
	}
	if opts.Prune {
		for src, k := range bySource {
			if seen[src] {
				continue
			}
			if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
				if err := deleteDoc(k.id); err != nil {
					return sum, err
				}
				sum.Pruned++
			}
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	if err := wait(); err != nil {
		return sum, err
	}
	if sum.Indexed+sum.Updated+sum.Pruned > 0 {
		if err := ix.Compact(); err != nil {
			return sum, err
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// parseFile reads, hashes and (unless unchanged) analyzes one file; with
// prep, it also prepares the Bleve documents of its entries.
func parseFile(file string, hashes map[string]string, prep *preparer) (p parsed) {
	p.file = file
	defer func() {
		if r := recover(); r != nil {
			p.err = fmt.Errorf("%s: parser failed: %v", file, r)
		}
	}()
	abs, err := filepath.Abs(file)
	if err != nil {
		p.err = err
		return
	}
	p.abs = abs
	data, err := os.ReadFile(file)
	if err != nil {
		_, p.err = corpus.ReadFile(file) // the one-line message of corpus
		if p.err == nil {
			p.err = err
		}
		return
	}
	sum := sha256.Sum256(data)
	p.hash = hex.EncodeToString(sum[:])
	if h, ok := hashes[abs]; ok && h == p.hash {
		p.same = true
		return
	}
	in, err := corpus.Decode(file, data)
	if err != nil {
		p.err = err
		return
	}
	doc, problems := parser.Parse(in.Name, in.Text)
	r := analyze.Analyze(doc, problems)
	p.id = DocID(Identity(r.Document, in.Text))
	p.entries, p.size, p.err = docEntries(p.id, in.Name, abs, p.hash, r)
	if p.err != nil || prep == nil {
		return
	}
	p.docs = make([]*document.Document, len(p.entries))
	for i, e := range p.entries {
		if p.docs[i], p.err = prep.prepare(e); p.err != nil {
			p.err = fmt.Errorf("%s: %v", file, p.err)
			return
		}
	}
	p.entries = nil // (memory: the documents hold what the index needs)
	return
}
