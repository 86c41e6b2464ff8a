package parser

import (
	"regexp"
	"strconv"
	"strings"
)

// style is the shape of a numbering label; items of one style at one level
// are siblings.
type style int

const (
	styleNone    style = iota
	styleRoman         // I.  II.
	styleArabic        // 1.
	styleArabicP       // 1)
	styleDotted        // 4.1.  4.1.2.
	styleParen         // (1)
	styleLetter        // a)  a.
	styleLetterD       // a.1)  a.1.1)
)

// label is a numbering label found at the start of a paragraph or inline.
type label struct {
	style style
	text  string // as used in paths: "4.1", "(1)", "a", "II"
	ord   int    // ordinal among its siblings (1-based)
	width int    // bytes the label takes in the text, trailing space included
}

var (
	reRoman   = regexp.MustCompile(`^([IVXL]{1,6})\s*[.:\-–]\s+`)
	reDotted  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,3}){1,4})(\.|\s*\))?\s+`)
	reArabic  = regexp.MustCompile(`^(\d{1,3})(\s*\.|\s*\)| -|/\s)\s*`)
	reParen   = regexp.MustCompile(`^\((\d{1,3})\)\s*`)
	reLetter  = regexp.MustCompile(`^([a-zđ])\s*([).]|/)\s+`)
	reLetterD = regexp.MustCompile(`^([a-zđ](?:\.\d{1,3}){1,4})\)\s*`)
)

// vietnamese alphabet order of point letters (no f, j, w, z).
const pointLetters = "abcdđeghiklmnopqrstuvxy"

func letterOrd(s string) int {
	i := 0
	for _, r := range pointLetters {
		i++
		if string(r) == s {
			return i
		}
	}
	return 0
}

func romanOrd(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v := vals[s[i]]
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total
}

// lastOrd is the ordinal of the last component of a dotted label.
func lastOrd(s string) int {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	n, _ := strconv.Atoi(s)
	return n
}

// parseLabel reads a numbering label at the start of s. It requires the
// label to be followed by text that can start an item (a letter, digit,
// quote or bracket), so "7,5%" or "1.000 học sinh" are not labels.
func parseLabel(s string) (label, bool) {
	if s == "" {
		return label{}, false
	}
	c := s[0]
	var l label
	switch {
	case c == '(':
		m := reParen.FindStringSubmatch(s)
		if m == nil {
			return l, false
		}
		n, _ := strconv.Atoi(m[1])
		l = label{style: styleParen, text: "(" + m[1] + ")", ord: n, width: len(m[0])}
	case c >= '0' && c <= '9':
		if m := reDotted.FindStringSubmatch(s); m != nil {
			// "4.1 Text" without a final dot must be followed by a capital.
			if m[2] == "" && !startsUpper(s[len(m[0]):]) {
				return l, false
			}
			l = label{style: styleDotted, text: m[1], ord: lastOrd(m[1]), width: len(m[0])}
			break
		}
		m := reArabic.FindStringSubmatch(s)
		if m == nil {
			return l, false
		}
		n, _ := strconv.Atoi(m[1])
		rest := s[len(m[0]):]
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return l, false // 1.000, 7.5
		}
		st := styleArabic
		m[2] = strings.TrimSpace(m[2])
		if m[2] == "-" || m[2] == "/" {
			m[2] = "." // "1 - Mức trợ cấp …", "1/ Sở Tài chính …"
		}
		if m[2] == ")" {
			st = styleArabicP
		}
		l = label{style: st, text: m[1], ord: n, width: len(m[0])}
	case c >= 'a' && c <= 'z' || strings.HasPrefix(s, "đ"):
		if m := reLetterD.FindStringSubmatch(s); m != nil {
			l = label{style: styleLetterD, text: m[1], ord: lastOrd(m[1]), width: len(m[0])}
			break
		}
		m := reLetter.FindStringSubmatch(s)
		if m == nil {
			return l, false
		}
		if m[2] == "." && !startsUpper(s[len(m[0]):]) {
			return l, false // "a. b" style only before a capital
		}
		l = label{style: styleLetter, text: m[1], ord: letterOrd(m[1]), width: len(m[0])}
	case c >= 'I' && c <= 'X':
		m := reRoman.FindStringSubmatch(s)
		if m == nil || !startsUpper(s[len(m[0]):]) && !startsDigit(s[len(m[0]):]) {
			return l, false
		}
		l = label{style: styleRoman, text: m[1], ord: romanOrd(m[1]), width: len(m[0])}
	default:
		return l, false
	}
	rest := s[l.width:]
	if rest == "" {
		return l, l.style != styleArabicP // a bare "1." line still opens an item
	}
	if !startsItemText(rest) {
		return label{}, false
	}
	return l, true
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r == 'Đ' || r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r) || r == '“' || r == '"' || r == '('
	}
	return false
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func startsItemText(s string) bool {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u00a0':
			continue
		case r >= '0' && r <= '9', r == '“', r == '"', r == '(', r == '[', r == '-', r == '*':
			return true
		default:
			return isLetterRune(r)
		}
	}
	return false
}

func isLetterRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0x1EF9 && r != 0xD7 && r != 0xF7
}
