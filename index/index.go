// Package index keeps a corpus of analyzed decisions in a Bleve index and
// answers searches and corpus-wide ledgers (tasks, deadlines, citations)
// from it.
//
// One Bleve document is stored per decision and one per task, so that a hit
// points at the task. Text is indexed four times, with the Vietnamese
// analyzers of analysis.go: exact words, folded words, and pairs of
// neighbouring exact and folded words (phrase queries look up pairs, which
// are rare, instead of intersecting the positions of common syllables).
// Each decision document stores the analyze.Result JSON of the file, so a
// ledger over the index is the ledger over the files.
package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion changes whenever the mapping or the meaning of a stored
// field changes; an index of another version must be rebuilt.
const SchemaVersion = "vanban-index-5"

const schemaKey = "vanban_schema"

// Kinds of Bleve documents.
const (
	KindDoc  = "doc"
	KindTask = "task"
)

// Field names.
const (
	fKind    = "kind"
	fDoc     = "doc"     // the decision's ID (on its tasks too)
	fNumber  = "number"  // as printed, stored
	fNKey    = "nkey"    // vntext.Key(number), keyword
	fType    = "type"    // stored
	fTKey    = "tkey"    // vntext.Key(type), keyword
	fIssuer  = "issuer"  // folded words, stored
	fDate    = "date"    // datetime
	fSource  = "source"  // file path, keyword
	fHash    = "hash"    // content hash of the file, stored
	fTitle   = "title"   // stored
	fPath    = "path"    // task path, keyword
	fHeading = "heading" // stored
	fLine    = "line"    // stored
	fText    = "text"    // the property holding the text
	fTextX   = "text_x"  // exact words
	fTextF   = "text_f"  // folded words; stores the text
	fTextF2  = "text_f2" // folded word pairs, with positions (phrases)
	fLead    = "lead"
	fCoop    = "cooperate"
	fReport  = "report_to"
	fDue     = "due"    // deadline dates
	fCites   = "cites"  // citation keys (vntext.Key)
	fResult  = "result" // analyze.Result JSON (decision documents)
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

func docMapping(decision bool) *mapping.DocumentMapping {
	d := bleve.NewDocumentStaticMapping()
	d.Dynamic = false
	add := func(prop string, fms ...*mapping.FieldMapping) { d.AddFieldMappingsAt(prop, fms...) }
	// Both kinds: what search filters on, and the text.
	add(fKind, keywordField(fKind, false, false))
	add(fDoc, keywordField(fDoc, true, false))
	add(fTKey, keywordField(fTKey, false, false))
	add(fIssuer, field(fIssuer, "text", AnalyzerFold, true, decision, false, false))
	add(fDate, field(fDate, "datetime", "", true, decision, false, false))
	add(fPath, keywordField(fPath, !decision, false))
	add(fText,
		field(fTextX, "text", AnalyzerExact, true, false, false, false),
		field(fTextF, "text", AnalyzerFold, true, true, false, false),
		field(fTextF2, "text", AnalyzerFold2, true, false, true, false))
	add(fCites, keywordField(fCites, false, decision))
	if decision {
		// The decision stores what a hit shows of it, and its analysis.
		add(fNumber, field(fNumber, "text", keyword.Name, false, true, false, false))
		add(fNKey, keywordField(fNKey, false, false))
		add(fType, field(fType, "text", keyword.Name, false, true, false, false))
		add(fSource, keywordField(fSource, true, false))
		add(fHash, field(fHash, "text", keyword.Name, false, true, false, false))
		add(fTitle, field(fTitle, "text", keyword.Name, false, true, false, false))
		add(fResult, field(fResult, "text", keyword.Name, false, true, false, false))
	} else {
		add(fLine, field(fLine, "number", "", false, true, false, false))
		add(fLead, field(fLead, "text", AnalyzerFold, true, false, false, false))
		add(fCoop, field(fCoop, "text", AnalyzerFold, true, false, false, false))
		add(fReport, field(fReport, "text", AnalyzerFold, true, false, false, false))
		add(fDue, field(fDue, "datetime", "", true, false, false, false))
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
	return s.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions)
}
