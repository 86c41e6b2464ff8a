// Package index keeps a corpus of analyzed decisions in a Bleve index and
// answers searches and corpus-wide ledgers (tasks, deadlines, citations)
// from it.
//
// One Bleve document is stored per decision and one per row of its task
// ledger (analyze.Ledger: every task, and every other unit that names an
// agency or a deadline), so that a hit points at the task. Each entry's
// own text (without the text of the tasks below it) is indexed once, with
// the analyzers of analysis.go: folded words in field t (scored), exact
// words and folded word pairs in field t2 (no frequencies, norms or
// positions: they select and boost; a phrase is looked up as its pairs).
//
// A decision stores its whole text and its citations, and entries store
// the byte ranges of their own text in it (snippets are cut from it). A
// third, stored-only entry per decision holds its ledger, one
// analyze.TaskRow per line, so the ledgers over the index decode only the
// rows a query selects; the rest of the analysis (show) is the parse of
// the stored text, which is what the file commands compute.
package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion changes whenever the mapping or the meaning of a stored
// field changes; an index of another version must be rebuilt.
const SchemaVersion = "vanban-index-12"

const schemaKey = "vanban_schema"

// Kinds of Bleve documents.
const (
	KindDoc    = "doc"
	KindTask   = "task"
	KindLedger = "ledger" // stored only: a decision's ledger (ledgerID)
)

// Field names.
const (
	fKind    = "kind"
	fDoc     = "doc"       // the decision's ID, keyword (on its rows too)
	fNumber  = "number"    // as printed, stored
	fNKey    = "nkey"      // vntext.Key(number), keyword
	fType    = "type"      // stored
	fTKey    = "tkey"      // vntext.Key(type), keyword
	fIssuer  = "issuer"    // folded words, stored on decisions
	fDate    = "date"      // ISO date as the header has it, stored (decisions)
	fDT      = "dt"        // the date as year, month and day terms (dates.go)
	fSource  = "source"    // file path, keyword
	fName    = "name"      // the file's name as given when indexed, stored
	fHash    = "hash"      // content hash of the file, stored
	fTitle   = "title"     // stored
	fHeader  = "header"    // parser.Header JSON, stored (ledger entries)
	fBody    = "body"      // the whole decoded text, stored (decisions)
	fMeta    = "meta"      // "ord;line;spans" of the entry, stored (see meta)
	fLedger  = "ledger"    // the decision's ledger, one TaskRow JSON a line (ledger entries)
	fText    = "text"      // the property holding the own text
	fT       = "t"         // vn_fold: folded words (with frequencies and norms)
	fT2      = "t2"        // vn_marks: ^exact words, folded pairs (neither)
	fLead    = "lead"      // agency keys of the row (folded words)
	fCoop    = "cooperate" // the same
	fReport  = "report_to" // the same
	fDue     = "due"       // deadline dates, as fDT
	fCites   = "cites"     // citation keys (citeKey)
	fCiteDoc = "citations" // the decision's cite.Citation list, JSON, stored
)

// Errors that callers map to messages.
var (
	// ErrInUse: another process holds the index open for writing.
	ErrInUse = errors.New("index is in use by another vanban process")
	// ErrNoIndex: there is no index at the directory.
	ErrNoIndex = errors.New("no index")
)

// SchemaError is returned when the index was built with another schema.
type SchemaError struct {
	Dir        string
	Have, Want string
}

func (e *SchemaError) Error() string {
	have := e.Have
	if have == "" {
		have = "unknown"
	}
	return fmt.Sprintf("index at %s has schema %s, this vanban needs %s; re-index with: vanban index --rebuild PATH...", e.Dir, have, e.Want)
}

// DamagedError is returned when the index cannot be opened for another
// reason than a lock or a schema change (a crash during its creation, a
// truncated file, ...).
type DamagedError struct {
	Dir string
	Err error
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("index at %s is damaged (%v); rebuild it with: vanban index --rebuild PATH...", e.Dir, e.Err)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// DefaultDir is $VANBAN_INDEX, else vanban/index in the user data folder
// ($XDG_DATA_HOME, else ~/.local/share).
func DefaultDir() (string, error) {
	if d := os.Getenv("VANBAN_INDEX"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "vanban", "index"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the default index folder (set VANBAN_INDEX or use --index): %v", err)
	}
	return filepath.Join(home, ".local", "share", "vanban", "index"), nil
}

// Index is an open vanban index.
type Index struct {
	dir      string
	bi       bleve.Index
	readOnly bool
}

// Options say how to open an index.
type Options struct {
	// ReadOnly opens for searching: several readers may share the index,
	// but not with a writer.
	ReadOnly bool
	// Create makes a new index when there is none at the directory.
	Create bool
	// LockTimeout bounds the wait for another process's lock (default 1s).
	LockTimeout string
}

// Dir is the index's folder.
func (ix *Index) Dir() string { return ix.dir }

// Bleve gives the underlying Bleve index (benchmarks, tests).
func (ix *Index) Bleve() bleve.Index { return ix.bi }

// Close closes the index, flushing what was written.
func (ix *Index) Close() error { return ix.bi.Close() }

// Exists reports whether dir holds a Bleve index.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// Open opens the index at dir (creating it when opts.Create and there is
// none). Errors: ErrInUse (wrapped) when another process writes to it,
// *SchemaError, *DamagedError, ErrNoIndex (wrapped).
func Open(dir string, opts Options) (*Index, error) {
	timeout := opts.LockTimeout
	if timeout == "" {
		timeout = "1s"
	}
	if !Exists(dir) {
		if !opts.Create {
			return nil, fmt.Errorf("%w at %s (build one with: vanban index --index %s PATH...)", ErrNoIndex, dir, dir)
		}
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return nil, &DamagedError{Dir: dir, Err: errors.New("the folder is not empty but holds no index_meta.json")}
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
			return nil, err
		}
		bi, err := bleve.NewUsing(dir, NewMapping(), "scorch", "scorch", map[string]interface{}{"bolt_timeout": timeout})
		if err != nil {
			return nil, openError(dir, err)
		}
		if err := bi.SetInternal([]byte(schemaKey), []byte(SchemaVersion)); err != nil {
			bi.Close()
			return nil, err
		}
		return &Index{dir: dir, bi: bi}, nil
	}
	cfg := map[string]interface{}{"bolt_timeout": timeout}
	if opts.ReadOnly {
		cfg["read_only"] = true
	}
	bi, err := bleve.OpenUsing(dir, cfg)
	if err != nil {
		return nil, openError(dir, err)
	}
	v, err := bi.GetInternal([]byte(schemaKey))
	if err != nil {
		bi.Close()
		return nil, &DamagedError{Dir: dir, Err: err}
	}
	if string(v) != SchemaVersion {
		bi.Close()
		if len(v) == 0 {
			// Created but killed before the version was written: nothing
			// of value can be in it.
			return nil, &DamagedError{Dir: dir, Err: errors.New("no schema version")}
		}
		return nil, &SchemaError{Dir: dir, Have: string(v), Want: SchemaVersion}
	}
	return &Index{dir: dir, bi: bi, readOnly: opts.ReadOnly}, nil
}

func openError(dir string, err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) || strings.Contains(err.Error(), "timeout") {
		return fmt.Errorf("%w (%s)", ErrInUse, dir)
	}
	return &DamagedError{Dir: dir, Err: err}
}

// Remove deletes the index at dir (for --rebuild and damaged indexes). It
// refuses a folder that is not empty and does not look like an index.
func Remove(dir string) error {
	if !Exists(dir) {
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			if _, err := os.Stat(filepath.Join(dir, "store")); err != nil {
				return fmt.Errorf("refusing to remove %s: it does not look like a vanban index", dir)
			}
		}
	}
	return os.RemoveAll(dir)
}

// NewMapping builds the index mapping: two document kinds (decision and
// task), no dynamic fields, no _all field.
func NewMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.TypeField = fKind
	m.DefaultType = KindDoc
	m.DefaultAnalyzer = AnalyzerFold
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(KindDoc, docMapping(true))
	m.AddDocumentMapping(KindTask, docMapping(false))
	m.AddDocumentMapping(KindLedger, ledgerMapping())
	return m
}

func field(name, typ, analyzer string, index, store, tv, dv bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{Name: name, Type: typ, Analyzer: analyzer, Index: index, Store: store,
		IncludeTermVectors: tv, DocValues: dv}
}

func keywordField(name string, store, dv bool) *mapping.FieldMapping {
	f := field(name, "text", keyword.Name, true, store, false, dv)
	f.SkipFreqNorm = true
	return f
}

func storedOnly(name string) *mapping.FieldMapping {
	return field(name, "text", keyword.Name, false, true, false, false)
}

func docMapping(decision bool) *mapping.DocumentMapping {
	d := bleve.NewDocumentStaticMapping()
	d.Dynamic = false
	noAll(d)
	add := func(prop string, fms ...*mapping.FieldMapping) { d.AddFieldMappingsAt(prop, fms...) }
	// Both kinds: what search filters on, and the text, indexed without
	// positions or term vectors: folded words in t, scored; exact words and
	// word pairs, which only select or boost, in t2, without frequencies
	// and norms. The text itself is stored once, on the decision, and
	// entries keep their byte ranges.
	// A row's decision and path are in its ID (DocID/path).
	add(fKind, keywordField(fKind, false, false))
	add(fDoc, keywordField(fDoc, false, false))
	add(fTKey, keywordField(fTKey, false, false))
	issuer := field(fIssuer, "text", AnalyzerFold, true, decision, false, false)
	issuer.SkipFreqNorm = true
	add(fIssuer, issuer)
	add(fDT, keywordField(fDT, false, false))
	marks := field(fT2, "text", AnalyzerMarks, true, false, false, false)
	marks.SkipFreqNorm = true
	add(fText, field(fT, "text", AnalyzerFold, true, false, false, false), marks)
	add(fMeta, storedOnly(fMeta))
	add(fCites, keywordField(fCites, false, decision))
	if decision {
		add(fNumber, storedOnly(fNumber))
		add(fNKey, keywordField(fNKey, false, false))
		add(fType, storedOnly(fType))
		add(fDate, storedOnly(fDate))
		add(fSource, keywordField(fSource, true, false))
		add(fName, storedOnly(fName))
		add(fHash, storedOnly(fHash))
		add(fTitle, storedOnly(fTitle))
		add(fBody, storedOnly(fBody))
		add(fCiteDoc, storedOnly(fCiteDoc))
	} else {
		for _, f := range []string{fLead, fCoop, fReport} {
			fm := field(f, "text", AnalyzerFold, true, false, false, false)
			fm.SkipFreqNorm = true
			add(f, fm)
		}
		add(fDue, keywordField(fDue, false, false))
	}
	return d
}

// ledgerMapping is the mapping of a decision's ledger entry: nothing is
// indexed, so no query finds it; it is read by ID, and holds what the
// ledgers over the index need without the decision's text (a stored entry
// is decompressed whole).
// noAll disables the _all field of a kind of document. No field goes into
// it, but Bleve would still add it, empty, to every entry and process it
// with each (a composite field per entry).
func noAll(d *mapping.DocumentMapping) {
	d.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
}

func ledgerMapping() *mapping.DocumentMapping {
	d := bleve.NewDocumentStaticMapping()
	d.Dynamic = false
	noAll(d)
	for _, f := range []string{fSource, fName, fHeader, fLedger} {
		d.AddFieldMappingsAt(f, storedOnly(f))
	}
	return d
}

// Compact merges the index's segments into one: a smaller index (each
// segment has its own dictionaries) and faster searches. Update calls it
// when it wrote something.
func (ix *Index) Compact() error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	// ForceMerge merges the segments persisted when it starts; a batch
	// persisted meanwhile stays apart, so merge again until one is left.
	for try := 0; try < 5; try++ {
		if err := s.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
			return err
		}
		n, err := liveSegments(adv)
		if err != nil {
			return err
		}
		if n <= 1 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Scorch removes the merged-away segment files when its persister next
	// waits for work; closing right away would leave them on disk. Wait
	// (briefly) until only the live segments remain.
	store := filepath.Join(ix.dir, "store")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		live, err := liveSegments(adv)
		if err != nil {
			return err
		}
		files, _ := filepath.Glob(filepath.Join(store, "*.zap"))
		if len(files) <= live {
			break
		}
	}
	return nil
}

// liveSegments is the number of segments of the index's current snapshot.
func liveSegments(adv bleveindex.Index) (int, error) {
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		return len(snap.Segments()), nil
	}
	return 0, nil
}
