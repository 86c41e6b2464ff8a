package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/vanban/vanban/corpus"
	"golang.org/x/text/unicode/norm"
)

// The words tokenizer gives the tokens of Bleve's unicode (UAX #29)
// tokenizer, with the same offsets, on every text of testdata, as read
// (NFC) and decomposed (NFD), and on hard cases. VANBAN_TOKENIZER_DIRS
// (folders, separated by ":") adds the texts of other folders (the shared
// corpus, a generated one).
func TestWordsTokenizerIsUAX29(t *testing.T) {
	texts, tokens := 0, 0
	compare := func(name, text string) {
		texts++
		want := unicode.NewUnicodeTokenizer().Tokenize([]byte(text))
		got := wordsTokenizer{}.Tokenize([]byte(text))
		tokens += len(want)
		if d := firstDiff(got, want); d >= 0 {
			show := func(s analysis.TokenStream) string {
				var b strings.Builder
				for i := max(0, d-2); i < min(len(s), d+3); i++ {
					b.WriteString("[" + string(s[i].Term) + "]")
				}
				return b.String()
			}
			t.Errorf("%s: token %d: %s, unicode tokenizer %s", name, d, show(got), show(want))
		}
	}
	for i, text := range []string{
		"Sở Tài chính, Sở KH&ĐT; 15/2018/NĐ-CP; 11-NQ/TW; 1.000,5 tỷ đồng; 2,5%; TP.HCM; l'eau; a_b; x:y; ngày 01/01/2023.",
		"“Quyết định” (số 79) — khoản 3 Điều 46; a) b) c); 4.1. 4.1.2.; 1..2 a..b ...; ' ' . , 3'5",
		"e\u0301 \u0301a a\u00ADb a\u200Db a\u200Bb a\uFEFFb tiếng Việt Nam ĐỒNG đồng ½ ² Ⅻ ٣ α·β 法律第十 ひらがな",
	} {
		compare(fmt.Sprintf("case %d", i), text)
	}
	roots := []string{"../testdata"}
	if dirs := os.Getenv("VANBAN_TOKENIZER_DIRS"); dirs != "" {
		roots = append(roots, strings.Split(dirs, ":")...)
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if ext := filepath.Ext(p); ext != ".txt" && ext != ".md" && ext != ".html" {
				return nil
			}
			in, err := corpus.ReadFile(p)
			if err != nil {
				return nil // the bad inputs of testdata
			}
			compare(p, in.Text)
			compare(p+" (NFD)", norm.NFD.String(in.Text))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if texts < 20 {
		t.Fatalf("only %d texts", texts)
	}
	t.Logf("%d texts, %d tokens", texts, tokens)
}

func firstDiff(a, b analysis.TokenStream) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if string(x.Term) != string(y.Term) || x.Start != y.Start || x.End != y.End || x.Position != y.Position {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// The tokenizers on the seed decision (go test -bench Tokenizer ./index).
func BenchmarkTokenizerWords(b *testing.B) {
	benchTokenizer(b, wordsTokenizer{})
}

func BenchmarkTokenizerUnicode(b *testing.B) {
	benchTokenizer(b, unicode.NewUnicodeTokenizer())
}

func benchTokenizer(b *testing.B, tk analysis.Tokenizer) {
	data, err := os.ReadFile("../testdata/qd-79-2023-langson.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tk.Tokenize(data)
	}
}
