package analyze

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
)

// BenchmarkLongParagraph runs every extractor over one 140 KB paragraph
// without line breaks holding 6,000 deadlines (scraped or OCR text): the
// cost per byte must stay that of ordinary text, not grow with the square
// of the paragraph (compare ns/op at -benchtime with 3,000 units).
func BenchmarkLongParagraph(b *testing.B) {
	src := "Điều 1. Giao nhiệm vụ\n1. Giao " + strings.Repeat("Sở Tài chính chủ trì, trước ngày 15/02/2023, ", 3000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d, p := parser.Parse("long.txt", src)
		Analyze(d, p)
	}
}
