// Package vntext is the one Vietnamese text normalization of vanban: NFC,
// canonical tone-mark placement, accent folding and white-space cleanup.
// The parser, the citation keys, the agency registry and the index all call
// it; no other package folds or normalizes Vietnamese text on its own.
//
// The forms, from the most faithful to the loosest:
//
//	NFC        Unicode NFC only
//	CanonTone  NFC with one tone-mark placement per syllable (hoá → hóa)
//	Normalize  CleanSpace + Dashes + NFC + CanonTone (display / storage form)
//	Lower      NFC + CanonTone + lower case (exact matching: keeps diacritics)
//	Fold       no diacritics, đ → d, lower case (accent-insensitive matching)
//	Key        Fold + Dashes + squeezed spaces, trimmed of " .;,:" (map keys)
//
// All functions return their argument unchanged, without allocating, when
// it is already in the target form.
package vntext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalization form C.
func NFC(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Normalize returns the canonical display and storage form of s:
// CleanSpace, Dashes, NFC and CanonTone. Normalize is idempotent.
func Normalize(s string) string {
	return CanonTone(cleanSpace(s, true))
}

// Lower returns the exact matching form of s: NFC, CanonTone and lower
// case. It keeps every diacritic, so "Hoá" and "hòa" get the same Lower
// ("hòa") but "hoa" does not.
func Lower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // NFC and CanonTone keep ASCII as it is
	}
	if len(s) > lowerMemoLen {
		return CanonTone(strings.ToLower(NFC(s)))
	}
	lowerMemo.RLock()
	out, ok := lowerMemo.m[s]
	lowerMemo.RUnlock()
	if ok {
		return out
	}
	out = CanonTone(strings.ToLower(NFC(s)))
	lowerMemo.Lock()
	if len(lowerMemo.m) < lowerMemoSize {
		if lowerMemo.m == nil {
			lowerMemo.m = map[string]string{}
		}
		lowerMemo.m[strings.Clone(s)] = out
	}
	lowerMemo.Unlock()
	return out
}

// lowerMemo remembers Lower of short words with diacritics: the
// extractors and the index lower every word they read, and a language of
// a few thousand syllables asks for the same ones again and again. It
// stops growing at lowerMemoSize words.
var lowerMemo struct {
	sync.RWMutex
	m map[string]string
}

const (
	lowerMemoLen  = 24 // bytes: a syllable or a short word
	lowerMemoSize = 1 << 17
)

// ---------------------------------------------------------------------------
// Folding

// foldTabSize bounds the precomputed fold table: it covers Latin, Greek,
// Cyrillic, the combining marks, Latin Extended Additional (the Vietnamese
// letters), general punctuation and CJK punctuation.
const foldTabSize = 0x3100

const (
	foldDrop = 0      // a combining mark: dropped
	foldSlow = 0xFFFF // folds to several runes: decompose at run time
)

// foldTab maps a rune below foldTabSize to its fold: the lower case of the
// single non-mark rune of its canonical decomposition, foldDrop for a
// nonspacing mark, foldSlow when the decomposition keeps several runes.
// ASCII is handled before the table.
var foldTab [foldTabSize]uint16

func init() {
	var buf []byte
	for r := rune(0x80); r < foldTabSize; r++ {
		if unicode.Is(unicode.Mn, r) {
			foldTab[r] = foldDrop
			continue
		}
		buf = norm.NFD.AppendString(buf[:0], string(r))
		out := rune(-1)
		many := false
		for _, d := range string(buf) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			if out >= 0 {
				many = true
			}
			out = unicode.ToLower(d)
		}
		switch {
		case many || out > 0xFFFE:
			foldTab[r] = foldSlow
		case out < 0:
			foldTab[r] = foldDrop
		default:
			foldTab[r] = uint16(out)
		}
	}
	foldTab['đ'] = 'd'
	foldTab['Đ'] = 'd'
	initVowels()
	initNFCSafe()
}

// Fold returns s without diacritics, with đ→d, in lower case: the form
// used for accent-insensitive matching ("Sở Tài chính" → "so tai chinh",
// "ĐẮK NÔNG" → "dak nong"). The input may be in any normalization form.
// Invalid UTF-8 bytes become U+FFFD. Fold is idempotent.
func Fold(s string) string {
	i := foldSpan(s)
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s))
	copy(buf, s[:i])
	buf = appendFold(buf, s[i:])
	return bytesToString(buf)
}

// foldSpan returns the length of the prefix of s that Fold leaves as it is.
func foldSpan(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < foldTabSize {
			if rune(foldTab[r]) != r {
				return i
			}
		} else if r == utf8.RuneError || !foldSelf(s[i:], r) {
			return i
		}
		i += size
	}
	return len(s)
}

// foldSelf reports whether r (at the head of s, r ≥ foldTabSize) folds to
// itself.
func foldSelf(s string, r rune) bool {
	if isHangulSyllable(r) || unicode.Is(unicode.Mn, r) || unicode.ToLower(r) != r {
		return false
	}
	return norm.NFD.PropertiesString(s).Decomposition() == nil
}

func isHangulSyllable(r rune) bool { return 0xAC00 <= r && r <= 0xD7A3 }

// appendFold appends the fold of s to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = appendFoldRune(dst, r)
		i += size
	}
	return dst
}

// appendFoldRune appends the fold of the non-ASCII rune r to dst.
func appendFoldRune(dst []byte, r rune) []byte {
	if r < foldTabSize {
		switch f := foldTab[r]; f {
		case foldDrop:
			return dst
		case foldSlow:
		default:
			if f < utf8.RuneSelf {
				return append(dst, byte(f))
			}
			return utf8.AppendRune(dst, rune(f))
		}
	} else if r == utf8.RuneError {
		return utf8.AppendRune(dst, r)
	}
	// Decompose: Hangul syllables, letters beyond the table, the few
	// table runes whose decomposition keeps several non-mark runes.
	var src, tmp [32]byte
	d := norm.NFD.Append(tmp[:0], utf8.AppendRune(src[:0], r)...)
	for i := 0; i < len(d); {
		x, size := utf8.DecodeRune(d[i:])
		i += size
		if unicode.Is(unicode.Mn, x) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(x))
	}
	return dst
}

// FoldRune returns the fold of one NFC rune: a precomposed letter gives
// its lower-case base letter ('Ấ' → 'a', 'đ' and 'Đ' → 'd'), any other
// rune its lower case, and a combining mark 0, which the caller drops.
// For the rare runes whose decomposition keeps several letters (Hangul
// syllables, some Indic vowel signs) it returns the first; use Fold for
// those.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r < foldTabSize && foldTab[r] != foldSlow {
		return rune(foldTab[r])
	}
	if r > unicode.MaxRune || !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	for _, x := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, x) {
			return unicode.ToLower(x)
		}
	}
	return 0
}

// FoldToken folds the bytes of one token (NFC or NFD, as Fold does) for a
// search-index token filter. It works in place when it can: the returned
// slice usually shares term's memory, and term must not be used after the
// call. The token's offsets into the original text do not change, only
// its term does.
func FoldToken(term []byte) []byte {
	i := 0
	for i < len(term) {
		c := term[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		if r >= foldTabSize || rune(foldTab[r]) != r {
			break
		}
		i += size
	}
	if i == len(term) {
		return term
	}
	// Fold in place: w ≤ i always holds while each rune's fold is no
	// longer than the rune, which is the case for everything but a few
	// exotic case mappings; when it is not, continue in a new buffer.
	w := i
	var tmp [32]byte
	for i < len(term) {
		c := term[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			term[w] = c
			w++
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		f := appendFoldRune(tmp[:0], r)
		if w+len(f) > i+size {
			out := make([]byte, w, w+len(term)-i+8)
			copy(out, term[:w])
			out = append(out, f...)
			return appendFold(out, string(term[i+size:]))
		}
		w += copy(term[w:], f)
		i += size
	}
	return term[:w]
}

// ---------------------------------------------------------------------------
// Spaces and dashes

// CleanSpace cleans the white space of s: tabs, carriage returns and the
// Unicode spaces (NBSP U+00A0, narrow NBSP U+202F, figure space U+2007,
// U+2000–U+200A, U+205F, ideographic space U+3000, ...) become ' ';
// invisible characters (zero-width space, non-joiner and joiner
// U+200B–U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD,
// direction marks U+200E U+200F, U+180E) are removed; runs of spaces are
// squeezed to one; the result is trimmed. Line breaks ('\n'; U+2028 and
// U+2029 become '\n') are kept, with the spaces around them removed, and
// trimmed only at the ends of s ("a \r\n b" → "a\nb").
func CleanSpace(s string) string { return cleanSpace(s, false) }

// Dashes replaces the dash variants of s by '-': hyphen U+2010, non-breaking
// hyphen U+2011, figure dash U+2012, en dash U+2013, em dash U+2014,
// horizontal bar U+2015, minus sign U+2212, and the small, full-width and
// two- and three-em forms U+FE58, U+FE63, U+FF0D, U+2E3A, U+2E3B.
func Dashes(s string) string {
	i := dashSpan(s)
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s))
	copy(buf, s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 && isDash(r) {
			buf = append(buf, '-')
		} else {
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return bytesToString(buf)
}

func dashSpan(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isDash(r) {
			return i
		}
		i += size
	}
	return len(s)
}

func isDash(r rune) bool {
	switch {
	case 0x2010 <= r && r <= 0x2015:
		return true
	}
	switch r {
	case 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B:
		return true
	}
	return false
}

// spaceKind classifies a rune for CleanSpace.
const (
	skOther = iota
	skSpace
	skNewline
	skDrop
)

func spaceKindOf(r rune) int {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\v', '\f', '\r':
			return skSpace
		case '\n':
			return skNewline
		}
		return skOther
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return skSpace
	case 0x2028, 0x2029:
		return skNewline
	case 0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF:
		return skDrop
	}
	if 0x2000 <= r && r <= 0x200A {
		return skSpace
	}
	return skOther
}

// plainLetter returns the length of the rune at s[i] when it is in
// U+00C0..U+07FF or U+1E80..U+1EFF (letters, never a space or a dash:
// the Vietnamese letters), 0 otherwise.
func plainLetter(s string, i int) int {
	c := s[i]
	switch {
	case c >= 0xC3 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c == 0xE1:
		if i+2 < len(s) && (s[i+1] == 0xBA || s[i+1] == 0xBB) && s[i+2]&0xC0 == 0x80 {
			return 3
		}
	}
	return 0
}

// cleanSpace is CleanSpace, and also Dashes when dashes is set.
func cleanSpace(s string, dashes bool) string {
	// Fast path: s is clean when it has no special rune, no space at
	// the start or end of a line, no space run and no leading or
	// trailing line break.
	prev := skNewline // the start of s is the start of a line
	for i := 0; i < len(s); {
		c := s[i]
		k, size := skOther, 1
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				k = skSpace
			case c < ' ':
				k = spaceKindOf(rune(c))
				if k == skSpace {
					goto slow // a tab, CR...
				}
			}
		} else if n := plainLetter(s, i); n > 0 {
			size = n
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			k = spaceKindOf(r)
			if k != skOther || dashes && isDash(r) {
				goto slow
			}
		}
		if k == skSpace && prev != skOther || k == skNewline && (prev == skSpace || i == 0) {
			goto slow
		}
		prev = k
		i += size
	}
	if prev == skOther || len(s) == 0 {
		return s
	}
slow:
	buf := make([]byte, 0, len(s))
	pending := false // a space waits for a following letter on the line
	lineStart := true
	for i := 0; i < len(s); {
		size := 0
		if c := s[i]; c > ' ' && c < utf8.RuneSelf {
			size = 1
		} else {
			size = plainLetter(s, i)
		}
		if size > 0 {
			if pending {
				buf = append(buf, ' ')
				pending = false
			}
			lineStart = false
			buf = append(buf, s[i:i+size]...)
			i += size
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		src := s[i : i+size]
		i += size
		switch spaceKindOf(r) {
		case skDrop:
			continue
		case skSpace:
			if !lineStart {
				pending = true
			}
			continue
		case skNewline:
			if len(buf) > 0 { // leading line breaks are trimmed
				buf = append(buf, '\n')
			}
			pending = false
			lineStart = true
			continue
		}
		if pending {
			buf = append(buf, ' ')
			pending = false
		}
		lineStart = false
		if dashes && isDash(r) {
			buf = append(buf, '-')
		} else {
			buf = append(buf, src...)
		}
	}
	// Trailing line breaks are trimmed.
	for len(buf) > 0 && buf[len(buf)-1] == '\n' {
		buf = buf[:len(buf)-1]
	}
	if string(buf) == s {
		return s
	}
	return bytesToString(buf)
}

// ---------------------------------------------------------------------------
// Matching helpers

// EqualFold reports whether a and b are equal after CleanSpace, Dashes and
// Fold. It does not allocate when the strings are short (up to a few
// hundred bytes).
func EqualFold(a, b string) bool {
	if a == b {
		return true
	}
	var ba, bb [512]byte
	fa := appendEqualForm(ba[:0], a)
	fb := appendEqualForm(bb[:0], b)
	return string(fa) == string(fb)
}

// appendEqualForm appends Fold(Dashes(CleanSpace(s))) to dst.
func appendEqualForm(dst []byte, s string) []byte {
	c := cleanSpace(s, true)
	if len(c) > cap(dst)-len(dst) {
		return append(dst, Fold(c)...)
	}
	return appendFold(dst, c)
}

// Key returns the matching key of s: Fold, Dashes, every run of white
// space (and invisible characters) squeezed to one ' ', and trimmed of
// " .;,:" at both ends, like the scorer's fold ("Uỷ ban nhân dân tỉnh." →
// "uy ban nhan dan tinh"). Key is idempotent.
func Key(s string) string {
	if isKey(s) {
		return s
	}
	buf := appendFold(make([]byte, 0, len(s)), s)
	// Squeeze in place: the output never outgrows the input.
	w := 0
	space := true // drop leading spaces
	for i := 0; i < len(buf); {
		var r rune
		size := 1
		if c := buf[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRune(buf[i:])
		}
		src := i
		i += size
		if isDash(r) {
			buf[w] = '-'
			w++
			space = false
			continue
		}
		switch spaceKindOf(r) {
		case skDrop:
			continue
		case skSpace, skNewline:
			if !space {
				buf[w] = ' '
				w++
				space = true
			}
			continue
		}
		if r < utf8.RuneSelf {
			buf[w] = byte(r)
			w++
		} else if unicode.IsSpace(r) {
			if !space {
				buf[w] = ' '
				w++
				space = true
			}
			continue
		} else {
			w += copy(buf[w:], buf[src:src+size])
		}
		space = false
	}
	out := strings.Trim(bytesToString(buf[:w]), " .;,:")
	return out
}

// isKey reports whether an ASCII s is its own Key.
func isKey(s string) bool {
	if len(s) == 0 {
		return true
	}
	if isTrim(s[0]) || isTrim(s[len(s)-1]) {
		return false
	}
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || c < ' ' || 'A' <= c && c <= 'Z':
			return false
		case c == ' ':
			if space {
				return false
			}
			space = true
		default:
			space = false
		}
	}
	return true
}

func isTrim(c byte) bool {
	return c == ' ' || c == '.' || c == ';' || c == ',' || c == ':'
}

// ---------------------------------------------------------------------------
// Small helpers

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// bytesToString returns b as a string without copying; b must not be
// modified afterwards.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
