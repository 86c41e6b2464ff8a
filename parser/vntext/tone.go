package vntext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Canonical tone placement
//
// A Vietnamese syllable is an onset (consonants), a vowel nucleus of one to
// three vowel letters and an optional final consonant (c ch k m n ng nh p
// t). It carries at most one tone mark (grave, acute, hook above, tilde,
// dot below) on one of its vowels. Where that vowel is not fixed by the
// spelling (oa, oe, uy without a final: hòa/hoà, khỏe/khoẻ, thủy/thuỷ) two
// styles are in use; vanban keeps the one of most legal documents: the
// mark on the first vowel of an open oa, oe, uy (hòa, khỏe, thủy, Ủy) and
// on the second when a final follows (hoàn, khuyến, thuận). The rule:
//
//  1. in a "qu" onset, and in a "gi" onset followed by another vowel, the
//     u or i belongs to the onset (quý, quà, giá, giữa, but gì, gìn);
//  2. if the nucleus has vowels with a quality mark (ă â ê ô ơ ư), the
//     tone goes on the last of them (người, rượu, quốc, nguyễn, hưu, mưa);
//  3. else, with a final consonant, on the last vowel (hoàn, quỳnh);
//  4. else on the first vowel of two (hòa, thủy, mía, của, túi) and the
//     middle one of three (ngoài, xoáy, khuỷu).
//
// Words that are not a well-formed Vietnamese syllable (English words,
// unknown onsets or finals,
// symbols, names like "José"), with no tone mark or with several, are left
// as they are.

// Tone marks, in the order of the tone field of a unit.
var toneMarks = [6]rune{0, 0x300, 0x301, 0x309, 0x303, 0x323}

// Quality marks: breve, circumflex, horn.
var qualMarks = [4]rune{0, 0x306, 0x302, 0x31B}

const vowelBases = "aeiouy" // base index 1..6

// letterTab describes the Vietnamese letters below letterTabSize: bits
// 0-2 the base (1..6 for a e i o u y, 7 for a consonant), bits 3-4 the
// quality, bits 5-7 the tone, bit 8 upper case, bits 9-15 the lower-case
// ASCII letter of a consonant (consonantĐ for đ); 0 for anything else.
const letterTabSize = 0x1F00

var letterTab [letterTabSize]uint16

const (
	ltConsonant = 7
	ltUpper     = 1 << 8
	consonantĐ  = '#' // the letter byte of đ/Đ
)

// compose[base][quality][tone][upper] is the NFC rune of a vowel.
var compose [7][4][6][2]rune

// nucleusTab maps a nucleus, as the key of its vowel codes (base<<2 |
// quality, 5 bits each), to nucleusValid | the index of its tone vowel in
// an open syllable | the index with a final << 4.
var nucleusTab [1 << 15]uint8

const nucleusValid = 0x80

func nucleusKey(code []byte) int {
	k := 0
	for i, c := range code {
		k |= int(c) << (5 * i)
	}
	return k
}

func initVowels() {
	for i := 0; i < len(vowelBases); i++ {
		base := i + 1
		for q := 0; q < 4; q++ {
			for t := 0; t < 6; t++ {
				for up := 0; up < 2; up++ {
					b := rune(vowelBases[i])
					if up == 1 {
						b = unicode.ToUpper(b)
					}
					s := string(b)
					if q > 0 {
						s += string(qualMarks[q])
					}
					if t > 0 {
						s += string(toneMarks[t])
					}
					c := []rune(norm.NFC.String(s))
					if len(c) != 1 || !validQuality(byte(base), q) {
						continue
					}
					compose[base][q][t][up] = c[0]
					if c[0] < letterTabSize {
						letterTab[c[0]] = uint16(base | q<<3 | t<<5 | up<<8)
					}
				}
			}
		}
	}
	for c := 'a'; c <= 'z'; c++ {
		if !isVowelLetter(byte(c)) {
			letterTab[c] = uint16(ltConsonant | int(c)<<9)
			letterTab[c-'a'+'A'] = uint16(ltConsonant | ltUpper | int(c)<<9)
		}
	}
	letterTab['đ'] = uint16(ltConsonant | consonantĐ<<9)
	letterTab['Đ'] = uint16(ltConsonant | ltUpper | consonantĐ<<9)

	for _, n := range nuclei {
		code := nucleusCode(n)
		nucleusTab[nucleusKey(code)] = nucleusValid | tonePos(code, false) | tonePos(code, true)<<4
	}
}

func isVowelLetter(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// validQuality reports whether quality q goes on vowel base: ă, â ê ô,
// ơ ư.
func validQuality(base byte, q int) bool {
	switch q {
	case 0:
		return true
	case 1:
		return base == 1
	case 2:
		return base == 1 || base == 2 || base == 4
	default:
		return base == 4 || base == 5
	}
}

// nuclei are the vowel nuclei of Vietnamese syllables, after a "qu" or
// "gi" onset has taken its u or i.
var nuclei = []string{
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
	"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu",
	"oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua", "uâ", "uê",
	"ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
	"iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya",
	"uyê", "uyu", "uêu", "ươi", "ươu",
}

// nucleusCode returns the vowel codes of an NFC nucleus.
func nucleusCode(n string) []byte {
	var code []byte
	for _, r := range n {
		v := letterTab[r]
		code = append(code, byte(v&7)<<2|byte(v>>3&3))
	}
	return code
}

// tonePos is the placement rule on a nucleus.
func tonePos(code []byte, final bool) uint8 {
	for i := len(code) - 1; i >= 0; i-- {
		if code[i]&3 != 0 {
			return uint8(i)
		}
	}
	switch {
	case final:
		return uint8(len(code) - 1)
	case len(code) == 3:
		return 1
	}
	return 0
}

// unit is one letter of a syllable.
type unit struct {
	start, end int  // its bytes in the source
	letter     byte // lower-case ASCII letter, consonantĐ for đ
	base       byte // 1..6 for a vowel, 0 for a consonant
	qual, tone uint8
	upper      bool
}

const maxUnits = 10

// CanonTone places the tone mark of every Vietnamese syllable of s in the
// canonical position, so that hoá and hóa, Uỷ and Ủy, thuỷ and thủy, khoẻ
// and khỏe, Hoà and Hòa, qúy and quý compare equal. It keeps the case of
// every letter, returns NFC, and leaves any word that is not a Vietnamese
// syllable as it is. CanonTone is idempotent.
func CanonTone(s string) string {
	if isASCII(s) {
		return s
	}
	if out, ok := canonTone(s, true); ok {
		return out
	}
	return must(canonTone(norm.NFC.String(s), false))
}

func must(s string, _ bool) string { return s }

// nfcSafe is a bit set of the runes below foldTabSize that are NFC and
// never combine with what precedes them: a string of such runes is NFC.
var nfcSafe [foldTabSize / 64]uint64

func isNFCSafe(r rune) bool {
	return r < foldTabSize && nfcSafe[r>>6]&(1<<(r&63)) != 0
}

func initNFCSafe() {
	for r := rune(0); r < foldTabSize; r++ {
		s := string(r)
		if norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.IsNormalString(s) {
			nfcSafe[r>>6] |= 1 << (r & 63)
		}
	}
}

// canonTone is CanonTone on s. With check set, it gives up (ok false) at
// the first rune that might make s other than NFC; without, s is NFC.
func canonTone(s string, check bool) (_ string, ok bool) {
	var (
		buf   []byte // nil until the first change
		last  int    // s[:last] is in buf
		units [maxUnits]unit
	)
	for i := 0; i < len(s); {
		// Skip to the next word.
		c := s[i]
		if c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
			if check && !isNFCSafe(r) {
				return "", false
			}
			i += size
			continue
		}
		// Read the word into units.
		start := i
		n, tones, ok, marks := 0, 0, true, false
		for i < len(s) {
			var r rune
			size := 1
			if c := s[i]; c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
					break
				}
				r = rune(c)
			} else {
				r, size = utf8.DecodeRuneInString(s[i:])
				if check && !isNFCSafe(r) {
					return "", false
				}
				if !isWordRune(r) {
					break
				}
			}
			at := i
			i += size
			if !ok {
				continue
			}
			var v uint16
			if r < letterTabSize {
				v = letterTab[r]
			}
			if v != 0 {
				if n == maxUnits {
					ok = false
					continue
				}
				u := unit{start: at, end: i, base: byte(v & 7), qual: uint8(v >> 3 & 3), tone: uint8(v >> 5 & 7), upper: v&ltUpper != 0}
				if u.base == ltConsonant {
					u.base, u.letter = 0, byte(v>>9)
				} else {
					u.letter = vowelBases[u.base-1]
				}
				if u.tone != 0 {
					tones++
				}
				units[n] = u
				n++
				continue
			}
			// A combining mark left over by NFC (a blocked composition).
			if n == 0 || units[n-1].base == 0 {
				ok = false
				continue
			}
			u := &units[n-1]
			if t := markIndex(toneMarks[:], r); t > 0 && u.tone == 0 {
				u.tone = uint8(t)
				tones++
			} else if q := markIndex(qualMarks[:], r); q > 0 && u.qual == 0 && validQuality(u.base, q) {
				u.qual = uint8(q)
			} else {
				ok = false
				continue
			}
			u.end = i
			marks = true
		}
		if !ok || tones != 1 {
			continue
		}
		pos, cur, valid := placeTone(units[:n])
		if !valid || pos == cur && !marks {
			continue
		}
		tone := units[cur].tone
		units[cur].tone = 0
		units[pos].tone = tone
		if buf == nil {
			buf = make([]byte, 0, len(s)+8)
		}
		buf = append(buf, s[last:start]...)
		for _, u := range units[:n] {
			if u.base == 0 {
				buf = append(buf, s[u.start:u.end]...)
				continue
			}
			up := 0
			if u.upper {
				up = 1
			}
			buf = utf8.AppendRune(buf, compose[u.base][u.qual][u.tone][up])
		}
		last = i
	}
	if buf == nil {
		return s, true
	}
	buf = append(buf, s[last:]...)
	return bytesToString(buf), true
}

func isWordRune(r rune) bool {
	if r < letterTabSize && letterTab[r] != 0 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func markIndex(marks []rune, r rune) int {
	for i, m := range marks {
		if i > 0 && m == r {
			return i
		}
	}
	return 0
}

// placeTone parses the units of a word with exactly one tone as a
// syllable and returns the canonical index of the toned vowel and its
// current index; valid is false when the word is not a syllable.
func placeTone(u []unit) (pos, cur int, valid bool) {
	j := 0
	for j < len(u) && u[j].base == 0 {
		j++
	}
	onset := j
	for j < len(u) && u[j].base != 0 {
		j++
	}
	vEnd := j
	if onset == vEnd || !validOnset(u[:onset]) || !validFinal(u[vEnd:]) {
		return 0, 0, false
	}
	cur = -1
	for k := onset; k < vEnd; k++ {
		if u[k].tone != 0 {
			cur = k
		}
	}
	if cur < 0 {
		return 0, 0, false // the tone is on a consonant
	}
	vs := onset
	if onset == 1 && vEnd-vs >= 2 && u[vs].qual == 0 {
		switch {
		case u[0].letter == 'q' && u[vs].letter == 'u',
			u[0].letter == 'g' && u[vs].letter == 'i':
			vs++
		}
	}
	if vEnd-vs > 3 {
		return 0, 0, false
	}
	key := 0
	for k := vs; k < vEnd; k++ {
		key |= int(u[k].base<<2|u[k].qual) << (5 * (k - vs))
	}
	p := nucleusTab[key]
	if p&nucleusValid == 0 {
		return 0, 0, false
	}
	if vEnd < len(u) {
		p >>= 4
	}
	return vs + int(p&7), cur, true
}

// validOnset reports whether u spells a Vietnamese initial consonant (or
// none); loan letters f j w z count as consonants.
func validOnset(u []unit) bool {
	switch len(u) {
	case 0, 1:
		return true
	case 2:
		a, b := u[0].letter, u[1].letter
		switch b {
		case 'h':
			return a == 'c' || a == 'g' || a == 'k' || a == 'n' || a == 'p' || a == 't'
		case 'g':
			return a == 'n'
		case 'r':
			return a == 't'
		}
	case 3:
		return u[0].letter == 'n' && u[1].letter == 'g' && u[2].letter == 'h'
	}
	return false
}

// validFinal reports whether u spells a final consonant (or none).
func validFinal(u []unit) bool {
	switch len(u) {
	case 0:
		return true
	case 1:
		switch u[0].letter {
		case 'c', 'k', 'm', 'n', 'p', 't':
			return true
		}
	case 2:
		if u[1].base != 0 {
			return false
		}
		a, b := u[0].letter, u[1].letter
		return a == 'c' && b == 'h' || a == 'n' && (b == 'g' || b == 'h')
	}
	return false
}
