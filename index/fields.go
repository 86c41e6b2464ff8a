package index

import (
	"fmt"
	"slices"
	"unsafe"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/size"
	index "github.com/blevesearch/bleve_index_api"
)

// Entries reach Bleve mapped and analyzed: the parse workers do it
// (preparer.prepare), in parallel, instead of the batch's own analysis. The
// text of an entry (its t and t2 fields) is tokenized once for both
// fields, and its terms counted straight into Bleve's term frequencies,
// with what vn_fold and vn_marks make of it (fields_test.go checks every
// field of every entry against Bleve's own mapping and analysis).

// preparer maps an entry's fields with the index's mapping and analyzes
// them.
type preparer struct {
	m     mapping.IndexMapping
	t, t2 index.FieldIndexingOptions
}

func newPreparer(m mapping.IndexMapping) (*preparer, error) {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return nil, fmt.Errorf("unexpected index mapping %T", m)
	}
	p := &preparer{m: m}
	// Both kinds of entry map the text property to the same two fields.
	var found [2]bool
	for _, kind := range []string{KindDoc, KindTask} {
		dm := im.TypeMapping[kind]
		if dm == nil || dm.Properties[fText] == nil {
			return nil, fmt.Errorf("the mapping has no %s.%s", kind, fText)
		}
		for _, fm := range dm.Properties[fText].Fields {
			switch {
			case fm.Name == fT && fm.Analyzer == AnalyzerFold:
				p.t, found[0] = fm.Options(), true
			case fm.Name == fT2 && fm.Analyzer == AnalyzerMarks:
				p.t2, found[1] = fm.Options(), true
			default:
				return nil, fmt.Errorf("unexpected field %s (%s) of %s.%s", fm.Name, fm.Analyzer, kind, fText)
			}
		}
	}
	if !found[0] || !found[1] || p.t.IncludeTermVectors() || p.t2.IncludeTermVectors() ||
		p.t.IsStored() || p.t.SkipFreqNorm() || p.t2.IsStored() || p.t.IncludeDocValues() || p.t2.IncludeDocValues() {
		return nil, fmt.Errorf("the text fields of the mapping are not the ones prepare computes")
	}
	return p, nil
}

// prepare builds the Bleve document of an entry, every field analyzed.
func (p *preparer) prepare(e entry) (*document.Document, error) {
	text, hasText := e.doc[fText].(string)
	if hasText {
		delete(e.doc, fText)
		defer func() { e.doc[fText] = text }()
	}
	d := document.NewDocument(e.id)
	if err := p.m.MapDocument(d, e.doc); err != nil {
		return nil, err
	}
	for i, f := range d.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
		d.Fields[i] = analyzedField{f}
	}
	if hasText {
		t, t2 := textFields(text, p.t, p.t2)
		d.Fields = append(d.Fields, t, t2)
	}
	return d, nil
}

// analyzedField is a field whose analysis is done: Bleve's batch calls
// Analyze again, which does nothing.
type analyzedField struct{ document.Field }

func (analyzedField) Analyze() {}

// freqField is an indexed, not stored field given as its term
// frequencies.
type freqField struct {
	name   string
	opts   index.FieldIndexingOptions
	bytes  int // of the text it was analyzed from
	length int // tokens
	freqs  index.TokenFrequencies
}

var reflectStaticSizeFreqField = int(unsafe.Sizeof(freqField{}))

func (f *freqField) Name() string                                     { return f.name }
func (f *freqField) ArrayPositions() []uint64                         { return nil }
func (f *freqField) Options() index.FieldIndexingOptions              { return f.opts }
func (f *freqField) Analyze()                                         {}
func (f *freqField) Value() []byte                                    { return nil }
func (f *freqField) NumPlainTextBytes() uint64                        { return uint64(f.bytes) }
func (f *freqField) EncodedFieldType() byte                           { return 't' }
func (f *freqField) AnalyzedLength() int                              { return f.length }
func (f *freqField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }
func (f *freqField) Size() int {
	n := reflectStaticSizeFreqField + size.SizeOfPtr + len(f.name)
	for k, tf := range f.freqs {
		n += size.SizeOfString + len(k) + tf.Size()
	}
	return n
}

// textFields analyzes an entry's text as vn_fold (the t field) and
// vn_marks (t2) do, tokenizing and folding it once. Terms share one buffer
// that is never written again once a term is in it, so the maps' keys
// point into it.
func textFields(text string, tOpts, t2Opts index.FieldIndexingOptions) (t, t2 *freqField) {
	in := wordsTokenizer{}.Tokenize([]byte(text))
	n := len(in)
	t = &freqField{name: fT, opts: tOpts, bytes: len(text), length: n}
	t2 = &freqField{name: fT2, opts: t2Opts, bytes: len(text)}
	if n == 0 {
		t.freqs, t2.freqs = index.TokenFrequencies{}, index.TokenFrequencies{}
		return t, t2
	}
	sz := 0
	for _, tok := range in {
		sz += 6*len(tok.Term) + len(ExactPrefix) + 1
	}
	buf, folds := foldTokens(make([]byte, 0, sz), in)

	// t: folded words, with frequencies (vn_fold)
	tc := newFreqCounter(n, n/2, tOpts)
	for _, f := range folds {
		tc.add(f)
	}
	t.freqs = tc.freqs

	// t2: exact forms, pairs and impact terms (vn_marks)
	t2c := newFreqCounter(2*n+ImpactRatio+1, n, t2Opts)
	add := t2c.add
	for i, tok := range in {
		f := folds[i]
		var term []byte
		if x := lowerTerm(tok.Term); string(x) != string(f) {
			buf, term = appendTerm(buf, exactPrefix, x)
			add(term)
		}
		if i+1 < n {
			buf, term = appendTerm(buf, f, pairSeparator, folds[i+1])
			add(term)
		}
	}
	// impact terms: once per folded word with count·ImpactRatio ≥ n, in
	// the order of first occurrence (at most ImpactRatio words)
	var done []*index.TokenFreq
	for _, f := range folds {
		cur := tc.freqs[unsafe.String(unsafe.SliceData(f), len(f))]
		c := cur.Frequency()
		if c*ImpactRatio < n || slices.Contains(done, cur) {
			continue
		}
		done = append(done, cur)
		var term []byte
		buf, term = appendImpactTerm(buf, f, c, n)
		add(term)
	}
	t2.freqs, t2.length = t2c.freqs, t2c.tokens
	return t, t2
}

// freqCounter counts terms into Bleve's term frequencies as
// analysis.TokenFrequency does for a field without term vectors; the
// terms must not change afterwards (the map's keys are their bytes).
type freqCounter struct {
	freqs  index.TokenFrequencies
	slab   []index.TokenFreq
	count  bool // frequencies (not SkipFreqNorm)
	tokens int
}

// newFreqCounter counts at most max distinct terms, about size of them.
func newFreqCounter(max, size int, opts index.FieldIndexingOptions) *freqCounter {
	return &freqCounter{freqs: make(index.TokenFrequencies, size), slab: make([]index.TokenFreq, 0, max), count: !opts.SkipFreqNorm()}
}

func (c *freqCounter) add(term []byte) {
	c.tokens++
	k := unsafe.String(unsafe.SliceData(term), len(term))
	cur := c.freqs[k]
	if cur == nil {
		c.slab = append(c.slab, index.TokenFreq{Term: term})
		cur = &c.slab[len(c.slab)-1]
		c.freqs[k] = cur
	}
	if c.count {
		cur.SetFrequency(cur.Frequency() + 1)
	}
}
