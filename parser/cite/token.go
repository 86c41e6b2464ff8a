package cite

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
)

// A token is a word, a number or one punctuation rune of a segment. The
// grammar compares folded text (vntext.FoldRune: no diacritics, đ→d, lower
// case, so NFD input, tone placement and case do not matter) and goes back
// to the original through os/oe whenever diacritics or case decide.
type token struct {
	f      string // folded text
	os, oe int    // byte span in the segment's original text
	kind   byte   // kWord, kNum or kPunct
	cap    bool   // the first letter is upper case in the original
	upper  bool   // every letter is upper case (and there is one)
	lower  bool   // every letter is lower case
	sp     bool   // white space (or ignorable markup) before it
	fs, fe int    // span of f in the tokenizer's fold buffer
	bits   uint32 // the phrase sets that have a phrase starting with f
	low    string // vntext.Lower of the original, computed on first need
}

const (
	kWord  byte = 'w' // letters, possibly with digits ("QH15", "Km18")
	kNum   byte = 'n' // digits only
	kPunct byte = 'p'
)

// tokenizer turns a segment into tokens; it keeps its buffers between
// segments so that a document costs a few allocations, not one per word.
type tokenizer struct {
	fold []byte
	toks []token
}

// isIgnorable reports markup that is neither text nor a separator: the
// emphasis and escapes of pandoc Markdown ("*Căn cứ Nghị quyết số*
// *203/2025/QH15;*", "\-").
func isIgnorable(r rune) bool { return r == '*' || r == '\\' || r == '_' }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x202F, 0x2007, 0x3000, 0x200B, 0xFEFF, 0xAD:
		return true
	}
	if r < utf8.RuneSelf {
		return false
	}
	if r < classTabSize {
		return classTab[r]&cSpace != 0
	}
	return unicode.IsSpace(r)
}

func isDashRune(r rune) bool {
	return r == '-' || (r >= 0x2010 && r <= 0x2015) || r == 0x2212 || r == 0xFE63 || r == 0xFF0D
}

// run tokenizes s.
func (tz *tokenizer) run(s string) []token {
	tz.fold = tz.fold[:0]
	tz.toks = tz.toks[:0]
	cur := -1 // index of the open alphanumeric token, -1 when none
	space := true
	letters, uppers, lowers, digits := 0, 0, 0, 0
	prevLetterLower := false
	splitNext := false
	lastLetterI, lastLetterFS := 0, 0 // the last letter: original and fold offsets
	var lastLetterF rune
	closeTok := func() {
		splitNext = false
		if cur >= 0 {
			t := &tz.toks[cur]
			t.upper = letters > 0 && uppers == letters
			t.lower = letters > 0 && lowers == letters
			if letters == 0 {
				t.kind = kNum
			}
			if t.lower && digits == 0 && letters >= 4 {
				tz.splitGlued(s, cur)
			}
		}
		cur = -1
	}
	open := func(i int, r rune) {
		closeTok()
		tz.toks = append(tz.toks, token{os: i, oe: i, kind: kWord, sp: space, cap: isUpper(r), fs: len(tz.fold)})
		cur = len(tz.toks) - 1
		space = false
		letters, uppers, lowers, digits = 0, 0, 0, 0
		prevLetterLower = false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r) || isIgnorable(r):
			closeTok()
			space = true
		case isAlnum(r) || isMark(r):
			if isMark(r) {
				if cur >= 0 {
					tz.toks[cur].oe = i + size
				}
				break
			}
			isDigit := r >= '0' && r <= '9'
			if cur >= 0 {
				t := &tz.toks[cur]
				split := false
				switch {
				case splitNext:
					split = true
				case isDigit && letters > 0 && digits == 0 && isGlueWord(s[t.os:t.oe]):
					split = true // "số37"
				case !isDigit && prevLetterLower && letters > 0 && isUpper(r):
					split = true // "cứLuật"
				case !isDigit && letters >= 3 && uppers == letters && digits == 0 && isLower(r) &&
					!isMixedCode(s[t.os:t.oe]+string(r)) && startsSyllable(lastLetterF, vntext.FoldRune(r)):
					// "BGDĐTHà Nội", "CPThủ tướng": the last capital opens
					// the glued word
					nt := token{os: lastLetterI, oe: lastLetterI, kind: kWord, cap: true, fs: lastLetterFS}
					t.oe = lastLetterI
					t.fe = lastLetterFS
					letters--
					uppers--
					closeTok()
					tz.toks = append(tz.toks, nt)
					cur = len(tz.toks) - 1
					letters, uppers, lowers, digits = 1, 1, 0, 0
				case !isDigit && ((letters >= 2 && uppers == letters) || (letters == 0 && digits > 0)) &&
					isLower(r) && lowerRun(s[i:]) >= 2:
					// "CPngày", "2025của": a code or number glued to a word
					if letters > 0 && isMixedCode(s[t.os:t.oe]+string(r)) {
						splitNext = true
						break
					}
					split = true
				}
				if split {
					splitNext = false
					open(i, r)
				}
			} else {
				open(i, r)
			}
			t := &tz.toks[cur]
			t.oe = i + size
			if isDigit {
				digits++
				tz.fold = append(tz.fold, byte(r))
			} else {
				lastLetterI, lastLetterFS, lastLetterF = i, len(tz.fold), vntext.FoldRune(r)
				letters++
				if isUpper(r) {
					uppers++
					prevLetterLower = false
				} else {
					lowers++
					prevLetterLower = true
				}
				f := vntext.FoldRune(r)
				if f < utf8.RuneSelf {
					tz.fold = append(tz.fold, byte(f))
				} else {
					tz.fold = utf8.AppendRune(tz.fold, f)
				}
			}
			t.fe = len(tz.fold)
		default:
			closeTok()
			fs := len(tz.fold)
			if isDashRune(r) {
				tz.fold = append(tz.fold, '-')
			} else {
				tz.fold = utf8.AppendRune(tz.fold, r)
			}
			tz.toks = append(tz.toks, token{os: i, oe: i + size, kind: kPunct, sp: space, fs: fs, fe: len(tz.fold)})
			space = false
			splitNext = false
		}
		i += size
	}
	closeTok()
	fs := string(tz.fold)
	for k := range tz.toks {
		t := &tz.toks[k]
		t.f = fs[t.fs:t.fe]
		if t.kind == kWord && len(t.f) <= maxFirst {
			if pairMaybe(t.f) {
				t.bits = firstBits[t.f]
			}
		}
	}
	return tz.toks
}

// Rune classes of the letters below classTabSize (Latin, Vietnamese,
// combining marks, general punctuation), so that the tokenizer asks the
// unicode tables only for other scripts.
const (
	cLetter uint8 = 1 << iota
	cUpper
	cLower
	cMark
	cDigit
	cSpace
)

const classTabSize = 0x2000

// classTab is built by a variable initializer, not init(): the phrases
// of scan.go are tokenized while the package variables are initialized.
var classTab = buildClassTab()

func buildClassTab() *[classTabSize]uint8 {
	var classTab [classTabSize]uint8
	for r := rune(0); r < classTabSize; r++ {
		var c uint8
		if unicode.IsLetter(r) {
			c |= cLetter
		}
		if unicode.IsDigit(r) {
			c |= cDigit
		}
		if unicode.IsUpper(r) {
			c |= cUpper
		}
		if unicode.IsLower(r) {
			c |= cLower
		}
		if unicode.Is(unicode.Mn, r) {
			c |= cMark
		}
		if unicode.IsSpace(r) {
			c |= cSpace
		}
		classTab[r] = c
	}
	return &classTab
}

// startsSyllable reports whether the letter c followed by the letter n can
// open a Vietnamese syllable: n a vowel, or c+n an initial cluster.
func startsSyllable(c, n rune) bool {
	if strings.ContainsRune("aeiouy", n) {
		return true
	}
	switch string([]rune{c, n}) {
	case "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr":
		return true
	}
	return false
}

// splitGlued splits a lower-case word that scraped text glued to the
// function word after it ("độngvề", "chínhcủa"): a Vietnamese syllable has
// one vowel group, so a word with two is two words.
func (tz *tokenizer) splitGlued(s string, k int) {
	t := &tz.toks[k]
	f := string(tz.fold[t.fs:t.fe])
	if vowelGroups(f) < 2 {
		return
	}
	o := s[t.os:t.oe]
	for _, w := range glueSuffixes {
		if len(w) >= len(o) || !strings.HasSuffix(o, w) {
			continue
		}
		fw := len(vntext.Fold(w))
		if fw >= len(f) || vowelGroups(f[:len(f)-fw]) != 1 {
			continue
		}
		nt := token{os: t.oe - len(w), oe: t.oe, kind: kWord, lower: true, fs: t.fe - fw, fe: t.fe}
		t.oe -= len(w)
		t.fe -= fw
		tz.toks = append(tz.toks, nt)
		return
	}
}

// vowelGroups counts the runs of vowels of a folded word.
func vowelGroups(f string) int {
	n, in := 0, false
	for i := 0; i < len(f); i++ {
		v := strings.IndexByte("aeiouy", f[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// isMark reports a combining mark (NFD text): it belongs to the letter
// before it.
func isMark(r rune) bool {
	if r < classTabSize {
		return classTab[r]&cMark != 0
	}
	return unicode.Is(unicode.Mn, r)
}

func isAlnum(r rune) bool {
	if r < classTabSize {
		return classTab[r]&(cLetter|cDigit) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < classTabSize {
		return classTab[r]&cUpper != 0
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < classTabSize {
		return classTab[r]&cLower != 0
	}
	return unicode.IsLower(r)
}

// lowerRun counts the lower-case letters at the start of s.
func lowerRun(s string) int {
	n := 0
	for _, r := range s {
		if isMark(r) {
			continue
		}
		if !isLower(r) {
			break
		}
		n++
	}
	return n
}

var (
	glueSet  = lowerSet(glueWords)
	mixedSet = nfcSet(mixedCaseCodes)
)

func nfcSet(words []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[vntext.NFC(w)] = true
	}
	return m
}

func lowerSet(words []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[vntext.Lower(w)] = true
	}
	return m
}

func isGlueWord(o string) bool { return glueSet[vntext.Lower(o)] }

// isMixedCode reports a mixed-case symbol code ("TTg"), case as printed.
func isMixedCode(o string) bool { return mixedSet[nfc(o)] }

// nfc is vntext.NFC with a fast path for text without combining marks
// (U+0300–U+036F, UTF-8 lead bytes 0xCC and 0xCD): precomposed Vietnamese
// is already NFC.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xCC || c == 0xCD {
			return vntext.NFC(s)
		}
	}
	return s
}

// phrase is a word sequence: its tokens folded, and their Lower forms
// for the diacritic check.
type phrase struct {
	text   string
	f      []string
	lowers []string
}

func newPhrase(s string) phrase {
	var tz tokenizer
	p := phrase{text: s}
	for _, t := range tz.run(s) {
		p.f = append(p.f, t.f)
		p.lowers = append(p.lowers, vntext.Lower(s[t.os:t.oe]))
	}
	return p
}

// phraseSet matches phrases at a token position, longest first.
type phraseSet struct {
	byFirst map[string][]phrase
	bit     uint32
}

// firstPairs is a bit set of the first two bytes of the keys of
// firstBits: most words of a text open no phrase, and a bit test is
// cheaper than a map look-up.
var firstPairs [1 << 16 / 64]uint64

func pairOf(f string) int {
	if len(f) == 1 {
		return int(f[0]) << 8
	}
	return int(f[0])<<8 | int(f[1])
}

func pairMaybe(f string) bool {
	p := pairOf(f)
	return firstPairs[p/64]&(1<<(p%64)) != 0
}

// firstBits maps the folded first word of every phrase to the sets that
// hold it: one map look-up per token tells every set whether to look.
var (
	firstBits = map[string]uint32{}
	nextBit   uint32
	maxFirst  int
)

func newPhraseSet(words ...[]string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][]phrase{}, bit: 1 << nextBit}
	nextBit++
	for _, list := range words {
		for _, w := range list {
			p := newPhrase(w)
			if len(p.f) == 0 {
				continue
			}
			ps.byFirst[p.f[0]] = append(ps.byFirst[p.f[0]], p)
			firstBits[p.f[0]] |= ps.bit
			firstPairs[pairOf(p.f[0])/64] |= 1 << (pairOf(p.f[0]) % 64)
			maxFirst = max(maxFirst, len(p.f[0]))
		}
	}
	for k, l := range ps.byFirst {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].f) > len(l[j].f) })
		ps.byFirst[k] = l
	}
	return ps
}

// match returns the longest phrase of ps at toks[i] and its length in
// tokens; the words must match with their diacritics (case aside).
func (ps *phraseSet) match(src string, toks []token, i int) (*phrase, int) {
	if i < 0 || i >= len(toks) || toks[i].bits&ps.bit == 0 {
		return nil, 0
	}
	l := ps.byFirst[toks[i].f]
	for k := range l {
		if n := l[k].at(src, toks, i); n > 0 {
			return &l[k], n
		}
	}
	return nil, 0
}

// at reports the length of p at toks[i], 0 when it is not there.
func (p *phrase) at(src string, toks []token, i int) int {
	if i+len(p.f) > len(toks) {
		return 0
	}
	for k, f := range p.f {
		if toks[i+k].f != f {
			return 0
		}
	}
	for k := range p.f {
		t := &toks[i+k]
		o := src[t.os:t.oe]
		if t.kind == kPunct || isASCII(o) && o == p.lowers[k] {
			continue
		}
		if t.low == "" {
			t.low = vntext.Lower(o) // once per token, however many phrases look
		}
		if t.low != p.lowers[k] {
			return 0
		}
	}
	return len(p.f)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
