package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanMarkdown removes the markup of pandoc/DOCX-converter Markdown line
// for line (the number of lines never changes, so line numbers still point
// into the file): **bold**, *emphasis* and _emphasis_ markers, backslash
// escapes (a trailing backslash hard break is dropped), heading markers and
// simple-table rule lines (which become empty). Pipe tables and HTML
// fragments are left as text; "\|" stays escaped because it is how pipe
// table cells write a bar.
func cleanMarkdown(text string) string {
	lines := strings.Split(text, "\n")
	// Line-level markup first; remember which lines stand alone (blank,
	// headings, pipe-table rows, HTML) and so end an emphasis paragraph.
	alone := make([]bool, len(lines))
	for i, line := range lines {
		t := strings.TrimSpace(line)
		alone[i] = t == "" || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "<")
		if !strings.ContainsAny(line, "-#*_\\") {
			continue
		}
		if mdRuleLine.MatchString(line) {
			lines[i], alone[i] = "", true
			continue
		}
		if loc := mdHeadingMark.FindStringIndex(line); loc != nil {
			line = mdClosingHash.ReplaceAllString(line[loc[1]:], "")
			lines[i], alone[i] = line, true
			continue
		}
	}
	// Emphasis may span the lines of a paragraph ("*Căn cứ Nghị quyết số
	// 202/2025/QH15 ...\nhội về ...;*"): pair delimiters per paragraph.
	for i := 0; i < len(lines); {
		j := i + 1
		if !alone[i] {
			for j < len(lines) && !alone[j] {
				j++
			}
		}
		if strings.ContainsAny(strings.Join(lines[i:j], ""), "*_\\") {
			cleanInline(lines[i:j])
		}
		i = j
	}
	return strings.Join(lines, "\n")
}

var (
	mdRuleLine    = regexp.MustCompile(`^[ \t]*(-{3,}([ \t]+-+)*|\+[-:=+]*-[-:=+]*\+|\*([ \t\x{00A0}]+\*)+)[ \t\x{00A0}]*$`)
	mdHeadingMark = regexp.MustCompile(`^ {0,3}#{1,6}([ \t]+|$)`)
	mdClosingHash = regexp.MustCompile(`[ \t]+#+[ \t]*$`)
)

// segment is a piece of a paragraph: literal text or a run of * or _.
type segment struct {
	text     string
	line     int
	delim    byte // '*' or '_' for a delimiter run
	open     bool
	close    bool
	removed  bool
	alwaysRm bool // ** and *** runs: pandoc's strong emphasis, always dropped
}

// mdTokenizer splits the lines of a paragraph into segments.
type mdTokenizer struct {
	segs   []segment
	lit    strings.Builder
	line   int
	strong []int // lengths of the ** / *** runs still open
}

func (t *mdTokenizer) flush() {
	if t.lit.Len() > 0 {
		t.segs = append(t.segs, segment{text: t.lit.String(), line: t.line})
		t.lit.Reset()
	}
}

// cleanInline removes escapes and emphasis from the lines of one
// paragraph, in place.
func cleanInline(lines []string) {
	t := &mdTokenizer{}
	for ln, line := range lines {
		t.line = ln
		t.tokenize(line)
		t.flush()
	}
	pairDelimiters(t.segs)
	out := make([]strings.Builder, len(lines))
	for _, s := range t.segs {
		if !s.removed && !s.alwaysRm {
			out[s.line].WriteString(s.text)
		}
	}
	for i := range lines {
		lines[i] = out[i].String()
	}
}

func runLen(s string, i int, c byte) int {
	j := i
	for j < len(s) && s[j] == c {
		j++
	}
	return j - i
}

func (t *mdTokenizer) tokenize(line string) {
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '\\':
			if i+1 == len(line) { // hard line break
				i++
				continue
			}
			n := line[i+1]
			switch {
			case n == ' ' || n == '\t': // cell hard break or escaped space
				i++
			case n == '|': // keep the pipe-table escape
				t.lit.WriteString(`\|`)
				i += 2
			case n == '*' && t.hardBreakBeforeCloser(line, i+1):
				// "***Nơi nhận:\***": pandoc writes a hard break
				// before the closing run, not an escaped star.
				i++
			case n < utf8.RuneSelf && (unicode.IsPunct(rune(n)) || unicode.IsSymbol(rune(n))):
				t.lit.WriteByte(n)
				i += 2
			default:
				t.lit.WriteByte(c)
				i++
			}
		case c == '*' || c == '_':
			n := runLen(line, i, c)
			j := i + n
			t.flush()
			prev, _ := utf8.DecodeLastRuneInString(line[:i])
			next, _ := utf8.DecodeRuneInString(line[j:])
			if i == 0 {
				prev = ' '
			}
			if j == len(line) {
				next = ' '
			}
			s := segment{text: line[i:j], delim: c, line: t.line}
			switch {
			case c == '*' && (n == 2 || n == 3):
				s.alwaysRm = true
				if k := len(t.strong); k > 0 && t.strong[k-1] == n {
					t.strong = t.strong[:k-1]
				} else {
					t.strong = append(t.strong, n)
				}
			case n == 1:
				s.open, s.close = flanking(c, prev, next)
			}
			t.segs = append(t.segs, s)
			i = j
		default:
			t.lit.WriteByte(c)
			i++
		}
	}
}

// hardBreakBeforeCloser reports whether the run of * at i (after a
// backslash) closes the open strong run of the same length and ends the
// cell or line.
func (t *mdTokenizer) hardBreakBeforeCloser(line string, i int) bool {
	n := runLen(line, i, '*')
	k := len(t.strong)
	if k == 0 || t.strong[k-1] != n {
		return false
	}
	j := i + n
	return j == len(line) || line[j] == ' ' || line[j] == '\t' || line[j] == '|'
}

// pairDelimiters marks the single * and _ runs that pair up as emphasis,
// CommonMark style.
func pairDelimiters(segs []segment) {
	var stack []int
	for k := range segs {
		s := &segs[k]
		if s.delim == 0 || s.alwaysRm {
			continue
		}
		if s.close {
			found := -1
			for t := len(stack) - 1; t >= 0; t-- {
				if segs[stack[t]].delim == s.delim {
					found = t
					break
				}
			}
			if found >= 0 {
				segs[stack[found]].removed = true
				s.removed = true
				stack = stack[:found]
				continue
			}
		}
		if s.open {
			stack = append(stack, k)
		}
	}
}

// flanking returns whether a single delimiter c between prev and next can
// open and close emphasis (CommonMark rules, plus: no opener before a
// closing bracket and no closer after an opening one, so "(*)" stays).
func flanking(c byte, prev, next rune) (open, close bool) {
	left := !unicode.IsSpace(next) && (!isMDPunct(next) || unicode.IsSpace(prev) || isMDPunct(prev))
	right := !unicode.IsSpace(prev) && (!isMDPunct(prev) || unicode.IsSpace(next) || isMDPunct(next))
	if c == '_' {
		open = left && (!right || isMDPunct(prev))
		close = right && (!left || isMDPunct(next))
	} else {
		open, close = left, right
	}
	if strings.ContainsRune(")]}", next) {
		open = false
	}
	if strings.ContainsRune("([{", prev) {
		close = false
	}
	return open, close
}

func isMDPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
