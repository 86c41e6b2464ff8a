package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The shared corpus is read-only input that lives outside the repository;
// these tests skip when it is not there.
const sharedCorpus = "/work/shared/corpus"

func sharedFiles(t testing.TB) []string {
	t.Helper()
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skip("shared corpus not available")
	}
	files, errs := Expand([]string{sharedCorpus, "/work/shared/seed/000_485caa12b2f8afcd.txt"})
	for _, err := range errs {
		t.Errorf("Expand: %v", err)
	}
	return files
}

func TestSharedCorpusReads(t *testing.T) {
	files := sharedFiles(t)
	if len(files) < 30 {
		t.Fatalf("only %d files", len(files))
	}
	wantFormat := map[string]Format{
		"002.txt": FormatText, "027.txt": FormatText, "035.txt": FormatText,
		"031.txt": FormatMarkdown, "032.txt": FormatMarkdown, "033.txt": FormatMarkdown,
		"034.txt": FormatMarkdown, "036.txt": FormatMarkdown,
		"037.html": FormatHTML, "039.html": FormatHTML,
	}
	for _, f := range files {
		base := filepath.Base(f)
		t.Run(base, func(t *testing.T) {
			in, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if want, ok := wantFormat[base]; ok && in.Format != want {
				t.Errorf("format %s, want %s", in.Format, want)
			}
			if in.Encoding != "utf-8" {
				t.Errorf("encoding %s", in.Encoding)
			}
			if !norm.NFC.IsNormalString(in.Text) || strings.ContainsAny(in.Text, "\r\uFEFF") {
				t.Error("text not NFC / has CR or BOM")
			}
			if in.Format != FormatHTML {
				raw, _ := os.ReadFile(f)
				if got, want := strings.Count(in.Text, "\n"), bytes.Count(raw, []byte("\n")); got != want {
					t.Errorf("%d line ends, file has %d", got, want)
				}
			}
		})
	}
}

func TestSharedVBPLPage(t *testing.T) {
	sharedFiles(t)
	in, err := ReadFile(filepath.Join(sharedCorpus, "037.html"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range lines(in.Text) {
		// The page writes "Ðiều 317" with U+00D0 (Icelandic eth), a
		// look-alike of Đ that corpus keeps as is.
		if (strings.HasPrefix(l, "Điều ") || strings.HasPrefix(l, "\u00d0iều ")) && strings.Contains(l, ". ") {
			n++
		}
		if strings.Contains(l, "Đang tải") {
			t.Errorf("placeholder line %q", l)
		}
	}
	// Bộ luật Hình sự 2015 has 426 articles.
	if n < 426 {
		t.Errorf("%d Điều lines, want >= 426", n)
	}
	for _, want := range []string{"Điều 1. Nhiệm vụ của Bộ luật hình sự", "Điều 426. Hiệu lực thi hành", "Số: 100/2015/QH13", "Nguyễn Sinh Hùng"} {
		if !hasLine(in.Text, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"029.txt", "031.txt", "037.html"} {
		data, err := os.ReadFile(filepath.Join(sharedCorpus, name))
		if err != nil {
			b.Skip("shared corpus not available")
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	vni := bytes.Repeat([]byte("\xd1ie\xe0u 1. Quye\xe1t \xf1\xf2nh cu\xfba U\xdby ban nha\xe2n da\xe2n t\xe6nh ve\xe0 vie\xe4c qua\xfbn ly\xf9 \xf1a\xe1t \xf1ai.\n"), 2000)
	b.Run("vni-bytes", func(b *testing.B) {
		b.SetBytes(int64(len(vni)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Decode("vni.txt", vni); err != nil {
				b.Fatal(err)
			}
		}
	})
}
