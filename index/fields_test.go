package index

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/vanban/vanban/corpus"
	"golang.org/x/text/unicode/norm"
)

// fieldsOf maps and analyzes an entry as Bleve's batch does (Batch.Index,
// then every indexed field's Analyze) and describes each field.
func fieldsOf(t *testing.T, d *document.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range d.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
		var b strings.Builder
		fmt.Fprintf(&b, "options %v, length %d, plain bytes %d, type %c", f.Options(), f.AnalyzedLength(), f.NumPlainTextBytes(), f.EncodedFieldType())
		if f.Options().IsStored() || f.Options().IncludeDocValues() {
			fmt.Fprintf(&b, ", value %q", f.Value())
		}
		var terms []string
		for k, tf := range f.AnalyzedTokenFrequencies() {
			if string(tf.Term) != k {
				t.Errorf("%s: field %s: term %q under key %q", d.ID(), f.Name(), tf.Term, k)
			}
			terms = append(terms, fmt.Sprintf("%q×%d/%d", k, tf.Frequency(), len(tf.Locations)))
		}
		slices.Sort(terms)
		fmt.Fprintf(&b, ", terms %s", strings.Join(terms, " "))
		key := fmt.Sprintf("%s%v", f.Name(), f.ArrayPositions())
		if _, dup := out[key]; dup {
			t.Fatalf("%s: two fields %s", d.ID(), key)
		}
		out[key] = b.String()
	}
	return out
}

// The prepared entries are what Bleve's mapping and analyzers make of
// them, field by field: options, values, lengths and every term with its
// frequency. On the entries of every text of testdata, and on the text
// fields of each as decomposed (NFD) text; VANBAN_FIELDS_DIRS (folders,
// separated by ":") adds the files of other folders.
func TestPreparedEntriesEqualBleveMapping(t *testing.T) {
	m := NewMapping()
	p, err := newPreparer(m)
	if err != nil {
		t.Fatal(err)
	}
	files, entries, terms := 0, 0, 0
	compare := func(name string, e entry) {
		entries++
		want := document.NewDocument(e.id)
		if err := m.MapDocument(want, e.doc); err != nil {
			t.Fatal(err)
		}
		wantF := fieldsOf(t, want)
		d, err := p.prepare(e)
		if err != nil {
			t.Fatal(err)
		}
		got := fieldsOf(t, d)
		for k, w := range wantF {
			if got[k] != w {
				t.Errorf("%s %s: field %s:\n got %.600s\nwant %.600s", name, e.id, k, got[k], w)
			}
		}
		for k := range got {
			if _, ok := wantF[k]; !ok {
				t.Errorf("%s %s: extra field %s", name, e.id, k)
			}
		}
		for _, f := range d.Fields {
			terms += len(f.AnalyzedTokenFrequencies())
		}
	}
	roots := []string{"../testdata"}
	if dirs := os.Getenv("VANBAN_FIELDS_DIRS"); dirs != "" {
		roots = append(roots, strings.Split(dirs, ":")...)
	}
	paths, errs := corpus.Expand(roots)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, path := range paths {
		pf := parseFile(path, nil, nil)
		if pf.err != nil {
			continue // the bad inputs of testdata
		}
		files++
		for _, e := range pf.entries {
			compare(path, e)
			if text, ok := e.doc[fText].(string); ok {
				e.doc[fText] = norm.NFD.String(text)
				compare(path+" (NFD)", e)
				e.doc[fText] = text
			}
		}
	}
	if files < 20 || terms < 100000 {
		t.Fatalf("only %d files, %d terms", files, terms)
	}
	t.Logf("%d files, %d entries, %d terms", files, entries, terms)
}

// textFields on texts too short or empty for pairs and impact terms.
func TestTextFieldsSmall(t *testing.T) {
	for _, text := range []string{"", " . ", "Sở", "sở Sở SỞ so"} {
		m := NewMapping()
		p, err := newPreparer(m)
		if err != nil {
			t.Fatal(err)
		}
		e := entry{id: "x", doc: map[string]interface{}{fKind: KindTask, fText: text}}
		want := document.NewDocument(e.id)
		if err := m.MapDocument(want, e.doc); err != nil {
			t.Fatal(err)
		}
		d, err := p.prepare(e)
		if err != nil {
			t.Fatal(err)
		}
		w, g := fieldsOf(t, want), fieldsOf(t, d)
		if fmt.Sprint(w) != fmt.Sprint(g) {
			t.Errorf("%q:\n got %v\nwant %v", text, g, w)
		}
	}
	_ = index.IndexField
}
