package parser

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanRef is clean without its fast path (isClean).
func cleanRef(s string) string {
	var b strings.Builder
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

// clean must give what it gave before isClean let it return s itself.
func TestCleanFastPath(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "a\xffb", "\xff", "Sở Tài chính", "a \u3000b", "ab\n", "a b c d", "x\u200b", "\ufeffx", "a\x85b", "a\u0085b"} {
		if got, want := clean(s), cleanRef(s); got != want {
			t.Errorf("%q: %q want %q", s, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("a b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), cleanRef(s); got != want {
			t.Errorf("%q: %q want %q", s, got, want)
		}
	})
}

func TestRunesAtLeast(t *testing.T) {
	for _, s := range []string{"", "a", "ạ", "abcdefghijklmnopqrst", "ạbcdefghijklmnopqrs", "ạạạạạạạạạạạạạạạạạạạ", "ạạạạạạạạạạạạạạạạạạạạ", "\xff\xff\xff", strings.Repeat("𝔸", 19), strings.Repeat("𝔸", 20)} {
		for _, n := range []int{0, 1, 3, 19, 20, 60} {
			if got, want := runesAtLeast(s, n), utf8.RuneCountInString(s) >= n; got != want {
				t.Errorf("runesAtLeast(%q, %d) = %v", s, n, got)
			}
		}
	}
}
