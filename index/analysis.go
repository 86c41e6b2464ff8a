package index

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/vanban/vanban/parser/vntext"
)

// The analyzers of the index, registered with Bleve by name so that an
// index's stored mapping finds them again when it is opened. All of them
// split NFC text into the words of UAX #29 (tokenizer.go) and then change
// only the bytes of each term, never its offsets: a highlight computed from
// a token's Start/End lands on the same characters of the stored text.
//
//	vn_exact   vntext.Lower per token: NFC, canonical tone placement, lower
//	           case ("Hoá" and "hòa" → "hòa"; "hoa" stays different)
//	vn_fold    vntext.FoldToken per token: no diacritics, đ → d, lower case
//	           (NFD input handled)
//	vn_fold2   vn_fold, then every two neighbouring tokens as one term
//	           ("so tai", "tai chinh"): phrase queries look up these pairs,
//	           which are rare, instead of intersecting the positions of
//	           common syllables
//	vn_exact2  the same on exact tokens (registered; not in the mapping)
//	vn_marks   for every token, its exact form prefixed with ExactPrefix
//	           when that differs from its folded form, and the folded pair
//	           it starts with the next token: the terms that only select
//	           or boost (the index keeps them without frequencies or norms,
//	           and no positions: a phrase is looked up as its pairs); and
//	           once per folded word that makes up at least 1/ImpactRatio
//	           of the text, its ImpactTerm (see prune.go: the entries
//	           where a word scores highest)
//	vn_text    vn_fold and vn_marks in one stream (registered; not in the
//	           mapping)
//
// There is no stop list and no stemming: "an" (an toàn) is a word.
const (
	AnalyzerExact  = "vn_exact"
	AnalyzerFold   = "vn_fold"
	AnalyzerExact2 = "vn_exact2"
	AnalyzerFold2  = "vn_fold2"
	AnalyzerText   = "vn_text"
	AnalyzerMarks  = "vn_marks"
	FilterText     = "vn_text"
	FilterMarks    = "vn_marks"
	// ExactPrefix marks the exact form of a word (vn_marks, vn_text); the
	// tokenizer never yields it, so it cannot meet a folded term.
	ExactPrefix = "^"
	// ImpactPrefix marks an impact term (ImpactTerm, vn_marks); the
	// tokenizer never yields it either.
	ImpactPrefix    = "!"
	FilterExact     = "vn_exact"
	FilterFold      = "vn_fold"
	FilterBigram    = "vn_bigram"
	bigramSeparator = ' '
)

func init() {
	must(registry.RegisterTokenFilter(FilterExact, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return exactFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FilterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FilterBigram, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return bigramFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FilterText, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return textFilter{fold: true, exact: true, pairs: true}, nil
	}))
	must(registry.RegisterTokenFilter(FilterMarks, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return textFilter{exact: true, pairs: true, impact: true}, nil
	}))
	for name, filters := range map[string][]analysis.TokenFilter{
		AnalyzerText:   {textFilter{fold: true, exact: true, pairs: true}},
		AnalyzerMarks:  {textFilter{exact: true, pairs: true, impact: true}},
		AnalyzerExact:  {exactFilter{}},
		AnalyzerFold:   {foldFilter{}},
		AnalyzerExact2: {exactFilter{}, bigramFilter{}},
		AnalyzerFold2:  {foldFilter{}, bigramFilter{}},
	} {
		filters := filters
		analyzers[name] = &analysis.DefaultAnalyzer{Tokenizer: wordsTokenizer{}, TokenFilters: filters}
		must(registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return &analysis.DefaultAnalyzer{Tokenizer: wordsTokenizer{}, TokenFilters: filters}, nil
		}))
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// exactFilter puts each term in vntext.Lower form.
type exactFilter struct{}

func (exactFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = lowerTerm(t.Term)
	}
	return in
}

// lowerTerm returns vntext.Lower of term, reusing term when it is already
// in that form (the common case: vntext returns its argument unchanged).
func lowerTerm(term []byte) []byte {
	if len(term) == 0 {
		return term
	}
	s := unsafe.String(&term[0], len(term))
	l := vntext.Lower(s)
	if len(l) == len(s) && (len(l) == 0 || unsafe.StringData(l) == unsafe.StringData(s)) {
		return term
	}
	return []byte(l)
}

// foldFilter folds each term with vntext.FoldToken.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = vntext.FoldToken(t.Term)
	}
	return in
}

// bigramFilter replaces a stream of n tokens by its n-1 pairs of
// neighbours. A pair keeps the position of its first token, so the pairs
// of a phrase are at consecutive positions, and spans both tokens' bytes.
type bigramFilter struct{}

func (bigramFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	if len(in) < 2 {
		return in[:0]
	}
	size := 0
	for _, t := range in {
		size += 2 * (len(t.Term) + 1)
	}
	buf := make([]byte, 0, size)
	out := make(analysis.TokenStream, len(in)-1)
	toks := make([]analysis.Token, len(in)-1)
	for i := 0; i+1 < len(in); i++ {
		a, b := in[i], in[i+1]
		s := len(buf)
		buf = append(buf, a.Term...)
		buf = append(buf, bigramSeparator)
		buf = append(buf, b.Term...)
		toks[i] = analysis.Token{Term: buf[s:len(buf):len(buf)], Position: a.Position, Start: a.Start, End: b.End, Type: analysis.Shingle}
		out[i] = &toks[i]
	}
	return out
}

// textFilter turns each token into its folded form (fold), its marked
// exact form when it has diacritics (exact; vntext.Lower differs from the
// fold), and the folded pair it starts with the next token (pairs); with
// impact, it adds the impact term of each folded word that is at least
// 1/ImpactRatio of the stream, once. Offsets are kept on every term.
type textFilter struct{ fold, exact, pairs, impact bool }

func (tf textFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	if len(in) == 0 {
		return in
	}
	size := 0
	for _, t := range in {
		size += 6*len(t.Term) + len(ExactPrefix) + 2*len(ImpactPrefix) + 12
	}
	buf, folds := foldTokens(make([]byte, 0, size), in)
	toks := make([]analysis.Token, 0, 3*len(in))
	for i, t := range in {
		f := folds[i]
		if tf.fold {
			toks = append(toks, analysis.Token{Term: f, Position: 3*i + 1, Start: t.Start, End: t.End, Type: t.Type})
		}
		if x := lowerTerm(t.Term); tf.exact && string(x) != string(f) {
			var term []byte
			buf, term = appendTerm(buf, exactPrefix, x)
			toks = append(toks, analysis.Token{Term: term, Position: 3*i + 2, Start: t.Start, End: t.End, Type: t.Type})
		}
		if tf.pairs && i+1 < len(in) {
			var term []byte
			buf, term = appendTerm(buf, f, pairSeparator, folds[i+1])
			toks = append(toks, analysis.Token{Term: term, Position: 3*i + 3, Start: t.Start, End: in[i+1].End, Type: analysis.Shingle})
		}
	}
	if tf.impact {
		toks = appendImpacts(toks, &buf, in, folds)
	}
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}

// ImpactRatio: a word has an impact term in a text where it is at least
// one word in ImpactRatio (its frequency f and the text's length n in words
// have f·ImpactRatio ≥ n). The term names the word, f and n
// (ImpactTerm): Bleve's tf-idf score of the word there is idf·√f/√n, so
// the texts where the word scores highest are read from its impact terms,
// best first, without reading its postings; every other text scores below
// idf/√ImpactRatio for the word.
const ImpactRatio = 16

// ImpactPrefixOf is the prefix of every impact term of a folded word.
func ImpactPrefixOf(fold string) string { return ImpactPrefix + fold + ImpactPrefix }

// ImpactTerm is the impact term of a folded word that occurs f times in
// a text of n words ("!cac!2.17").
func ImpactTerm(fold string, f, n int) string {
	return ImpactPrefixOf(fold) + strconv.Itoa(f) + "." + strconv.Itoa(n)
}

// parseImpact reads the f and n of the rest of an impact term after its
// word's prefix.
func parseImpact(rest string) (f, n int, ok bool) {
	a, b, found := strings.Cut(rest, ".")
	if !found {
		return 0, 0, false
	}
	f, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return f, n, err1 == nil && err2 == nil && f > 0 && n > 0
}

// appendImpacts adds the impact term of every folded word w of the stream
// with count(w)·ImpactRatio ≥ len(folds), once, with the offsets of w's
// first occurrence.
func appendImpacts(toks []analysis.Token, buf *[]byte, in analysis.TokenStream, folds [][]byte) []analysis.Token {
	n := len(folds)
	count := make(map[string]int, n)
	for _, f := range folds {
		count[string(f)]++
	}
	pos := 3*n + 1
	for i, f := range folds {
		c, ok := count[string(f)]
		if !ok {
			continue // done
		}
		delete(count, string(f))
		if c*ImpactRatio < n {
			continue
		}
		var term []byte
		*buf, term = appendImpactTerm(*buf, f, c, n)
		toks = append(toks, analysis.Token{Term: term, Position: pos, Start: in[i].Start, End: in[i].End, Type: in[i].Type})
		pos++
	}
	return toks
}

// The terms that vn_marks and vn_text make (and textFields, fields.go) are
// written into one buffer, each as a slice of it that no later append
// can change (its capacity ends where it does).
var (
	exactPrefix   = []byte(ExactPrefix)
	pairSeparator = []byte{bigramSeparator}
)

// foldTokens appends each token's folded term (vntext.FoldToken) to buf
// and returns buf and the folds.
func foldTokens(buf []byte, in analysis.TokenStream) ([]byte, [][]byte) {
	folds := make([][]byte, len(in))
	for i, t := range in {
		s := len(buf)
		buf = append(buf, t.Term...)
		f := vntext.FoldToken(buf[s:])
		folds[i] = f[:len(f):len(f)]
		buf = buf[:s+len(f)]
	}
	return buf, folds
}

// appendTerm appends the term made of parts to buf: an exact form
// (exactPrefix, the word) or a pair (a word, pairSeparator, the next).
func appendTerm(buf []byte, parts ...[]byte) (_, term []byte) {
	s := len(buf)
	for _, p := range parts {
		buf = append(buf, p...)
	}
	return buf, buf[s:len(buf):len(buf)]
}

// appendImpactTerm appends ImpactTerm(fold, f, n) to buf.
func appendImpactTerm(buf, fold []byte, f, n int) (_, term []byte) {
	s := len(buf)
	buf = append(buf, ImpactPrefix...)
	buf = append(buf, fold...)
	buf = append(buf, ImpactPrefix...)
	buf = strconv.AppendInt(buf, int64(f), 10)
	buf = append(buf, '.')
	buf = strconv.AppendInt(buf, int64(n), 10)
	return buf, buf[s:len(buf):len(buf)]
}

// Bigram joins two analyzed terms the way vn_exact2 and vn_fold2 do.
func Bigram(a, b string) string { return a + string(bigramSeparator) + b }

// Terms analyzes s with the named analyzer and returns its terms.
func Terms(analyzer, s string) []string {
	toks := analyzeText(analyzer, s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

var analyzers = map[string]analysis.Analyzer{}

func analyzeText(analyzer, s string) analysis.TokenStream {
	return analyzers[analyzer].Analyze([]byte(s))
}
