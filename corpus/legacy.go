package corpus

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Legacy Vietnamese encodings.
//
// TCVN3 (ABC, TCVN 5712:1993 VN3) is a single-byte encoding: the lower-case
// Vietnamese letters and Ă Â Ê Ô Ơ Ư Đ live in 0xA1–0xFF; upper-case toned
// letters are not encoded (fonts such as .VnTimeH draw the lower-case codes
// as capitals). VNI (VNI-Windows) writes a base ASCII letter followed by a
// byte that carries the marks ("Vie\xe4t" = "Việt"), plus a few stand-alone
// letters (\xf1 = đ, \xf4 = ơ, \xf6 = ư ...). Windows-1258 uses precomposed
// vowels with combining tone marks.

type legacyEncoding struct {
	name   string // Input.Encoding
	title  string // for messages
	hint   string // how to convert by hand
	decode func([]byte) string
}

var (
	encTCVN3 = &legacyEncoding{"tcvn3", "TCVN3 (ABC)", "e.g. iconv -f TCVN5712-1 -t UTF-8, or UniKey's converter", decodeTCVN3}
	encVNI   = &legacyEncoding{"vni", "VNI (VNI-Windows)", "e.g. UniKey's converter, VNI Windows to Unicode", decodeVNI}
	enc1258  = &legacyEncoding{"windows-1258", "Windows-1258", "e.g. iconv -f WINDOWS-1258 -t UTF-8", decode1258}
	legacies = []*legacyEncoding{encTCVN3, encVNI, enc1258}
)

// tcvn3High maps the bytes 0xA0–0xFF of TCVN3 to Unicode. The table is the
// one of TCVN 5712:1993 (identical to glibc's TCVN5712-1 for this range);
// 0xB0–0xB4 are combining tone marks. Bytes 0x80–0x9F are read as
// Windows-1252 punctuation, since ABC fonts put no letters there.
var tcvn3High = [96]rune{
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

func decodeTCVN3(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) * 2)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(charmap.Windows1252.DecodeByte(c))
		default:
			b.WriteRune(tcvn3High[c-0xA0])
		}
	}
	return upcaseTCVN3Words(b.String())
}

// upcaseTCVN3Words fixes words typed for an upper-case TCVN3 font: in
// "QUYÕT §ÞNH" the toned letters are lower-case codes, so a word with at
// least two capitals and no lower-case ASCII letter is put in upper case.
func upcaseTCVN3Words(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	flush := func(end int) {
		w := s[start:end]
		upper, lowerASCII, nonASCII := 0, false, false
		for _, r := range w {
			switch {
			case r >= 'a' && r <= 'z':
				lowerASCII = true
			case unicode.IsUpper(r):
				upper++
			case r >= utf8.RuneSelf:
				nonASCII = true
			}
		}
		if upper >= 2 && !lowerASCII && nonASCII {
			w = strings.ToUpper(w)
		}
		b.WriteString(w)
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
			start = -1
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		flush(len(s))
	}
	return b.String()
}

func decode1258(data []byte) string {
	s, _ := charmap.Windows1258.NewDecoder().Bytes(data)
	return string(s)
}

func decodeVNI(data []byte) string {
	s, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return vniToUnicode(string(s))
}

// VNI mark bytes, read as Latin-1 runes (lower case; the upper-case forms
// are 0x20 lower). Each adds a vowel modifier and/or a tone to the letter
// before it.
type vniMark struct {
	mod  rune // 0, circumflex U+0302 or breve U+0306
	tone rune // 0 or a combining tone mark
}

var vniMarks = map[rune]vniMark{
	'ù': {0, 0x0301}, 'ø': {0, 0x0300}, 'û': {0, 0x0309}, 'õ': {0, 0x0303}, 'ï': {0, 0x0323},
	'â': {0x0302, 0}, 'á': {0x0302, 0x0301}, 'à': {0x0302, 0x0300}, 'å': {0x0302, 0x0309}, 'ã': {0x0302, 0x0303}, 'ä': {0x0302, 0x0323},
	'ê': {0x0306, 0}, 'é': {0x0306, 0x0301}, 'è': {0x0306, 0x0300}, 'ú': {0x0306, 0x0309}, 'ü': {0x0306, 0x0303}, 'ë': {0x0306, 0x0323},
}

// VNI stand-alone letters (lower case).
var vniLetters = map[rune]string{
	'ô': "ơ", 'ö': "ư", 'ñ': "đ",
	'í': "í", 'ì': "ì", 'æ': "ỉ", 'ó': "ĩ", 'ò': "ị", 'î': "ỵ",
}

// vniToUnicode converts VNI text whose bytes have been read as
// Windows-1252 ("Quyeát ñònh") to Unicode ("Quyết định"). Mark runes that
// cannot apply to the letter before them are kept as they are.
func vniToUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	var (
		base    rune // lower-case base vowel of the last letter written, or 0
		hasMod  bool // the last letter already has ^ or ˘ (or is ơ/ư)
		hasTone bool
	)
	for _, r := range s {
		lr := unicode.ToLower(r)
		if m, ok := vniMarks[lr]; ok && base != 0 && !hasTone {
			okMod := m.mod == 0 ||
				(!hasMod && m.mod == 0x0302 && (base == 'a' || base == 'e' || base == 'o')) ||
				(!hasMod && m.mod == 0x0306 && base == 'a')
			if okMod {
				if m.mod != 0 {
					b.WriteRune(m.mod)
					hasMod = true
				}
				if m.tone != 0 {
					b.WriteRune(m.tone)
					hasTone = true
				}
				continue
			}
		}
		if l, ok := vniLetters[lr]; ok {
			if r != lr {
				l = strings.ToUpper(l)
			}
			b.WriteString(l)
			switch lr {
			case 'ô':
				base, hasMod, hasTone = 'o', true, false
			case 'ö':
				base, hasMod, hasTone = 'u', true, false
			case 'í', 'ì', 'æ', 'ó', 'ò':
				base, hasMod, hasTone = 'i', false, true
			case 'î':
				base, hasMod, hasTone = 'y', false, true
			default:
				base = 0
			}
			continue
		}
		b.WriteRune(r)
		switch lr {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			base, hasMod, hasTone = lr, false, false
		default:
			base = 0
		}
	}
	return b.String()
}

// Guessing.

type verdict int

const (
	verdictNone    verdict = iota
	verdictSuspect         // looks like the encoding, but not clearly enough to convert
	verdictConvert
)

type legacyGuess struct {
	verdict verdict
	enc     *legacyEncoding
	text    string
}

// guessLegacy decides whether data (not valid UTF-8) is Vietnamese text in
// one of the legacy encodings, by decoding it with each and measuring the
// share of its non-ASCII words that are well-formed Vietnamese syllables.
func guessLegacy(data []byte) legacyGuess {
	type cand struct {
		enc          *legacyEncoding
		text         string
		valid, total int
	}
	// Guess on the first 64 KB (cut at a line end), decode all of it once
	// the encoding is known.
	sample := data
	if len(sample) > 64*1024 {
		sample = sample[:64*1024]
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i]
		}
	}
	var best, second cand
	for _, e := range legacies {
		t := e.decode(sample)
		v, n := syllableScore(t)
		c := cand{e, t, v, n}
		if n > 0 && (best.enc == nil || ratio(v, n) > ratio(best.valid, best.total)) {
			best, second = c, best
		} else if n > 0 && (second.enc == nil || ratio(v, n) > ratio(second.valid, second.total)) {
			second = c
		}
	}
	if best.enc == nil {
		return legacyGuess{}
	}
	br := ratio(best.valid, best.total)
	sr := 0.0
	if second.enc != nil {
		sr = ratio(second.valid, second.total)
	}
	switch {
	case best.total >= 2 && br >= 0.85 && br-sr >= 0.2:
		if len(sample) < len(data) {
			best.text = best.enc.decode(data)
		}
		return legacyGuess{verdictConvert, best.enc, best.text}
	case best.total >= 2 && br >= 0.5:
		return legacyGuess{verdictSuspect, best.enc, ""}
	}
	return legacyGuess{}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// legacyFromLatin recognizes VNI or TCVN3 text that reached us as valid
// UTF-8 because its bytes were once decoded as Windows-1252 ("Vieät Nam",
// "QuyÕt ®Þnh"). It is conservative: text with any character outside
// Windows-1252 (every real Vietnamese text has ơ, ư, đ or a toned letter of
// U+1Exx) is never touched, nor is text whose own words already read as
// Vietnamese.
func legacyFromLatin(s string) (string, string, bool) {
	hasHigh := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		hasHigh = true
		if r > 0xFF {
			if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
				return "", "", false
			}
		}
	}
	if !hasHigh {
		return "", "", false
	}
	if v, n := syllableScore(s); n == 0 || ratio(v, n) >= 0.5 {
		return "", "", false
	}
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		return "", "", false
	}
	g := guessLegacy(data)
	if g.verdict != verdictConvert {
		return "", "", false
	}
	return g.text, g.enc.name, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// syllableScore counts the words of s that contain a non-ASCII letter and
// how many of them are well-formed Vietnamese syllables (at most the first
// 20000 such words).
func syllableScore(s string) (valid, total int) {
	start := -1
	nonASCII := false
	check := func(w string) {
		total++
		if isVietSyllable(w) {
			valid++
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start, nonASCII = i, false
			}
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			continue
		}
		if start >= 0 {
			if nonASCII {
				check(s[start:i])
				if total >= 20000 {
					return
				}
			}
			start = -1
		}
	}
	if start >= 0 && nonASCII {
		check(s[start:])
	}
	return
}

var vietInitials = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

var vietFinals = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}

var vietNuclei = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê
		iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu`) {
		vietNuclei[n] = true
	}
}

// isVietSyllable reports whether w is a Vietnamese syllable: an initial
// consonant, a vowel nucleus with at most one tone mark, and a final.
func isVietSyllable(w string) bool {
	var sk []rune // letters with vowel modifiers, without tone
	tones := 0
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
			if len(sk) == 0 || !strings.ContainsRune("aăâeêioôơuưy", sk[len(sk)-1]) {
				return false
			}
			tones++
			continue
		case 0x0302, 0x0306, 0x031B:
			if len(sk) == 0 {
				return false
			}
			c := norm.NFC.String(string([]rune{sk[len(sk)-1], r}))
			cr, size := utf8.DecodeRuneInString(c)
			if size != len(c) || !strings.ContainsRune("ăâêôơư", cr) {
				return false
			}
			sk[len(sk)-1] = cr
			continue
		}
		if !strings.ContainsRune("abcdeghiklmnopqrstuvxyđ", r) {
			return false
		}
		sk = append(sk, r)
	}
	if tones > 1 || len(sk) == 0 {
		return false
	}
	word := string(sk)
	for _, ini := range vietInitials {
		if !strings.HasPrefix(word, ini) {
			continue
		}
		rest := word[len(ini):]
		for _, fin := range vietFinals {
			if strings.HasSuffix(rest, fin) && vietNuclei[rest[:len(rest)-len(fin)]] {
				return true
			}
		}
	}
	return false
}
