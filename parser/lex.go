package parser

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// para is one paragraph of the source: a line, or several lines when a
// converter wrapped one sentence over them.
type para struct {
	start, end int // byte span in the text, trimmed
	line       int // 1-based line of start
}

// lineStarts returns the byte offset of the start of every line.
func lineStarts(text string) []int {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u3000'
}

// trimSpan narrows [s, e) of text to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpaceRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpaceRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

var reStructStart = regexp.MustCompile(`^(?:(?i:điều|chương|mục|phần)\s+[0-9IVXLC]|[-+*•–|“"(]|(?i:căn cứ|theo đề nghị|xét|nơi nhận|kính gửi)|(?:TM|KT|TL|TUQ|Q)\.\s)`)

// splitParas cuts text into paragraphs. A line continues the paragraph
// above it when that paragraph does not end a sentence and the line starts
// in lower case (or with a digit) and is not itself a label: this rejoins
// sentences that converters wrapped, and keeps every real paragraph apart.
func splitParas(text string, lines []int) []para {
	var out []para
	prevOpen := false // the last paragraph may be continued
	prevWrapped, prevSymbolCut := false, false
	for i, ls := range lines {
		le := len(text)
		if i+1 < len(lines) {
			le = lines[i+1] - 1
		}
		s, e := trimSpan(text, ls, le)
		if s == e {
			prevOpen = false
			continue
		}
		t := text[s:e]
		// a line continues the paragraph above when it starts in lower case,
		// or when the line above was cut by a converter's wrap width in the
		// middle of a sentence ("… thi hành" / "Điều lệ Đảng …").
		if prevOpen && (continues(t) || prevWrapped && continuesWrapped(t) || prevSymbolCut && !strings.HasPrefix(t, "-")) {
			out[len(out)-1].end = e
		} else {
			out = append(out, para{start: s, end: e, line: i + 1})
		}
		last := out[len(out)-1]
		prevOpen = !endsSentence(text[last.start:last.end]) && !isHeadingLine(text[last.start:last.end])
		lastRune, _ := utf8.DecodeLastRuneInString(t)
		prevWrapped = !isCaps(t) && (runesAtLeast(t, 60) && (unicode.IsLower(lastRune) || lastRune == ',') ||
			runesAtLeast(t, 20) && danglingEnd(t))
		// a symbol cut at its hyphen or slash: "Quyết định số 1513/QĐ-" / "TTg ngày …"
		prevSymbolCut = (lastRune == '-' || lastRune == '/') && runesAtLeast(t, 20) && !strings.HasSuffix(t, " -")
	}
	return out
}

// continuesWrapped: after a wrapped line, a line in running text that is
// not a label, a heading or another structural start.
func continuesWrapped(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) || capsWords(t, 3) {
		return false
	}
	if _, ok := parseLabel(t); ok {
		return false
	}
	if reArticle.MatchString(t) || signLead(t) {
		return false
	}
	// "Điều 4 Nghị định này, …" continues a cross-reference ("tại Điều 3 và").
	if reArticleRef.MatchString(t) {
		return true
	}
	return !reStructStart.MatchString(t) && !reArticleAny.MatchString(firstWords(t, 3))
}

var reArticleRef = regexp.MustCompile(`^Điều\s+\d{1,3}\s+\p{L}`)

// danglingWords cannot end a sentence or a heading: a line that ends with
// one was cut by a converter ("… ngày 16/6/2022 của" / "UBND tỉnh …").
var danglingWords = map[string]bool{"của": true, "và": true, "các": true, "tại": true, "theo": true, "với": true,
	"cho": true, "ngày": true, "số": true, "về": true, "trong": true, "đối": true, "được": true, "là": true}

func danglingEnd(t string) bool {
	i := strings.LastIndexAny(t, " \t")
	return danglingWords[t[i+1:]]
}

func continues(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsLower(r) || unicode.IsDigit(r)) {
		return false
	}
	if _, ok := parseLabel(t); ok {
		return false
	}
	return !reStructStart.MatchString(t)
}

func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', ';', ':', '!', '?', '”', '"', ')':
		return true
	}
	return false
}

// isHeadingLine reports an article or chapter heading line, which never
// continues into the next line.
func isHeadingLine(t string) bool {
	return reArticle.MatchString(t) || reChapter.MatchString(t)
}

// isCaps reports a line written in capitals (a heading), ignoring digits
// and punctuation; it needs at least two letters.
func isCaps(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// runesAtLeast reports utf8.RuneCountInString(t) >= n, counting only when
// the length in bytes cannot tell (a rune is one to four bytes).
func runesAtLeast(t string, n int) bool {
	switch {
	case len(t) < n:
		return false
	case len(t) >= 4*n:
		return true
	}
	return utf8.RuneCountInString(t) >= n
}

// clean squeezes white space (line breaks included) to single spaces.
func clean(s string) string {
	if isClean(s) {
		return s // most headings and lines: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpaceRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether clean(s) is s: valid UTF-8 (clean writes U+FFFD
// for a bad byte), and no white space but single ' ' between other
// characters.
func isClean(s string) bool {
	space := true // a space at the start is dropped
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' && space || c != ' ' && isSpaceRune(rune(c)) {
				return false
			}
			space = c == ' '
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || isSpaceRune(r) {
			return false
		}
		space = false
		i += n
	}
	return !space || s == ""
}

// wordRunes returns the longest run of whole words of s that fits in n
// characters, right-trimmed: a text longer than n is cut at the last white
// space that fits, never inside a word. A first word longer than n is cut
// at n characters, as firstRunes does.
func wordRunes(s string, n int) string {
	i := 0
	for j, r := range s {
		if i == n {
			if isSpaceRune(r) {
				return strings.TrimRightFunc(s[:j], isSpaceRune)
			}
			if k := strings.LastIndexFunc(s[:j], isSpaceRune); k > 0 {
				if w := strings.TrimRightFunc(s[:k], isSpaceRune); w != "" {
					return w
				}
			}
			return strings.TrimRightFunc(s[:j], isSpaceRune)
		}
		i++
	}
	return strings.TrimRightFunc(s, isSpaceRune)
}

// firstRunes returns the first n characters of s, right-trimmed.
func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimRightFunc(s[:j], isSpaceRune)
		}
		i++
	}
	return strings.TrimRightFunc(s, isSpaceRune)
}
