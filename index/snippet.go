package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Snippet is a piece of a hit's text with the matched words marked.
type Snippet struct {
	Text  string
	Marks [][2]int // byte ranges of Text, in order, not overlapping
}

// Render writes the snippet with open/close around each mark.
func (s Snippet) Render(open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[at:m[0]])
		b.WriteString(open)
		b.WriteString(s.Text[m[0]:m[1]])
		b.WriteString(close)
		at = m[1]
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

const snippetWords = 28

// makeSnippet finds the query's words in text (analyzed like the index,
// so the offsets are those of text's characters), picks the window of
// snippetWords words holding most distinct query words, and marks them.
func makeSnippet(text string, toks analysis.TokenStream, pq parsedQuery) Snippet {
	if text == "" {
		return Snippet{}
	}
	want := map[string]int{}
	exact := map[string]string{} // fold → the diacritics typed, if any
	for _, w := range pq.words {
		if _, ok := want[w.fold]; !ok {
			want[w.fold] = len(want)
		}
		if w.marked() {
			exact[w.fold] = w.exact
		}
	}
	match := make([]int, len(toks)) // query word id + 1, or 0
	exactFound := map[string]bool{}
	for i, t := range toks {
		if id, ok := want[string(t.Term)]; ok {
			match[i] = id + 1
			if x, ok := exact[string(t.Term)]; ok && string(lowerTerm([]byte(text[t.Start:t.End]))) == x {
				exactFound[x] = true
			}
		}
	}
	// A word typed with diacritics marks only its exact occurrences when
	// the text has some.
	for i, t := range toks {
		if match[i] == 0 {
			continue
		}
		if x, ok := exact[string(t.Term)]; ok && exactFound[x] && string(lowerTerm([]byte(text[t.Start:t.End]))) != x {
			match[i] = 0
		}
	}
	// Phrases: mark whole occurrences only.
	for _, p := range pq.phrases {
		id := len(want)
		want[strings.Repeat("\x00", id+1)] = id // a distinct id per phrase
	phrase:
		for i := 0; i+len(p) <= len(toks); i++ {
			for j, w := range p {
				if string(toks[i+j].Term) != w.fold {
					continue phrase
				}
			}
			for j := range p {
				match[i+j] = id + 1
			}
		}
	}
	// Best window: most distinct ids, then earliest.
	best, bestN := 0, -1
	seen := make([]int, len(want)+1)
	distinct := 0
	for i := 0; i < len(toks); i++ {
		if m := match[i]; m > 0 {
			if seen[m] == 0 {
				distinct++
			}
			seen[m]++
		}
		if j := i - snippetWords; j >= 0 {
			if m := match[j]; m > 0 {
				seen[m]--
				if seen[m] == 0 {
					distinct--
				}
			}
		}
		if distinct > bestN {
			bestN = distinct
			best = i - snippetWords + 1
		}
	}
	// Start a few words before the first match of the window.
	first := best
	if first < 0 {
		first = 0
	}
	for k := first; k < len(toks) && k < first+snippetWords; k++ {
		if match[k] > 0 {
			first = k
			break
		}
	}
	from := first - 4
	if from < 0 {
		from = 0
	}
	to := from + snippetWords
	if to > len(toks) {
		to = len(toks)
	}
	if len(toks) == 0 {
		return Snippet{Text: oneLine(firstRunes(text, 160))}
	}
	start, end := toks[from].Start, toks[to-1].End
	var b strings.Builder
	var marks [][2]int
	if from > 0 {
		b.WriteString("…")
	}
	at := start
	for k := from; k < to; k++ {
		if match[k] == 0 {
			continue
		}
		t := toks[k]
		b.WriteString(oneLine(text[at:t.Start]))
		s := b.Len()
		b.WriteString(text[t.Start:t.End])
		if n := len(marks); n > 0 && marks[n-1][1] == s-1 && k > 0 && match[k-1] > 0 {
			marks[n-1][1] = b.Len() // join adjacent marked words
		} else {
			marks = append(marks, [2]int{s, b.Len()})
		}
		at = t.End
	}
	b.WriteString(oneLine(text[at:end]))
	if to < len(toks) {
		b.WriteString("…")
	}
	return Snippet{Text: b.String(), Marks: marks}
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' || r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
