package parser_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/vntext"
	"golang.org/x/text/unicode/norm"
)

const seedPath = "../testdata/qd-79-2023-langson.txt"

func parseFile(t testing.TB, path string) (*parser.Document, []parser.Problem) {
	t.Helper()
	in, err := corpus.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parser.Parse(path, in.Text)
}

type goldDoc struct {
	Document struct {
		Type, Number, Issuer, Place, Date, Title string
	}
	Bases    []string
	Articles []struct {
		Number int
		Title  string
	}
	Tasks []struct {
		Path, Label string
		Line        int
	}
	Recipients []string
	Archive    string
}

func loadGold(t *testing.T) goldDoc {
	b, err := os.ReadFile("../testdata/qd-79-2023-langson.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldDoc
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSeedAgainstGold checks the seed decision's header, articles and task
// paths against the hand-checked gold annotation.
func TestSeedAgainstGold(t *testing.T) {
	g := loadGold(t)
	doc, problems := parseFile(t, seedPath)
	r := analyze.Analyze(doc, problems)

	for _, f := range []struct{ name, got, want string }{
		{"type", r.Document.Type, g.Document.Type},
		{"number", r.Document.Number, g.Document.Number},
		{"date", r.Document.Date, g.Document.Date},
		{"issuer", r.Document.Issuer, g.Document.Issuer},
		{"place", r.Document.Place, g.Document.Place},
		{"title", r.Document.Title, g.Document.Title},
	} {
		if vntext.Key(f.got) != vntext.Key(f.want) {
			t.Errorf("document.%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if s := r.Document.Signer; s == nil || s.Name != "Hồ Tiến Thiệu" || s.Position != "Chủ tịch" || s.OnBehalf != "TM. Ủy ban nhân dân" {
		t.Errorf("signer = %+v", s)
	}
	if len(r.Articles) != len(g.Articles) {
		t.Fatalf("%d articles, want %d", len(r.Articles), len(g.Articles))
	}
	for i, a := range r.Articles {
		if a.Number != g.Articles[i].Number {
			t.Errorf("article %d number %d, want %d", i, a.Number, g.Articles[i].Number)
		}
	}
	if len(r.Bases) != len(g.Bases) {
		t.Errorf("%d bases, want %d", len(r.Bases), len(g.Bases))
	}

	// task paths: F1 against the gold's 63 (articles themselves excluded).
	want := map[string]int{}
	for _, tk := range g.Tasks {
		want[tk.Path]++
	}
	got := map[string]int{}
	lines := map[string]int{}
	for _, tk := range r.Tasks {
		got[tk.Path]++
		lines[tk.Path] = tk.Line
	}
	tp := 0
	for p, n := range got {
		tp += min(n, want[p])
	}
	prec := float64(tp) / float64(len(r.Tasks))
	rec := float64(tp) / float64(len(g.Tasks))
	f1 := 2 * prec * rec / (prec + rec)
	t.Logf("task paths: P=%.3f R=%.3f F1=%.3f (%d predicted, %d gold)", prec, rec, f1, len(r.Tasks), len(g.Tasks))
	if f1 < 0.98 {
		for p := range want {
			if got[p] == 0 {
				t.Errorf("missed task %s", p)
			}
		}
		for p := range got {
			if want[p] == 0 {
				t.Errorf("extra task %s", p)
			}
		}
		t.Fatalf("task path F1 %.3f < 0.98", f1)
	}
	// every task points at its line.
	for _, tk := range g.Tasks {
		if l := lines[tk.Path]; l != tk.Line {
			t.Errorf("task %s at line %d, gold says %d", tk.Path, l, tk.Line)
		}
	}
	// the quotation inside 6.8 is content, not structure.
	for _, tk := range r.Tasks {
		if strings.HasPrefix(tk.Path, "1/6/6.8/") {
			t.Errorf("quoted item became a task: %s", tk.Path)
		}
	}
	if len(r.Recipients) != len(g.Recipients) {
		t.Errorf("%d recipients, want %d: %q", len(r.Recipients), len(g.Recipients), r.Recipients)
	}
	if vntext.Key(r.Archive) != vntext.Key(g.Archive) {
		t.Errorf("archive %q, want %q", r.Archive, g.Archive)
	}
}

// TestDocuments checks the structure of real documents of other kinds.
func TestDocuments(t *testing.T) {
	cases := []struct {
		file                string
		typ, number, date   string
		articles, minTasks  int
		wantPaths, notPaths []string
		signer              string // "on_behalf | position | name"
	}{
		{file: "qd-12-2024-ttg-decision-articles.txt", typ: "Quyết định", number: "12/2024/QĐ-TTg", date: "2024-07-31",
			articles: 10, minTasks: 20, wantPaths: []string{"2/1", "2/1/a", "2/1/b", "5/3"},
			signer: "KT. Thủ tướng | Phó Thủ tướng | Trần Hồng Hà"},
		{file: "cv-778-2017-tchq-letter-roman-items.txt", typ: "Công văn", number: "778/TCHQ-GSQL", date: "2017-02-13",
			minTasks: 30, wantPaths: []string{"I", "I/1", "I/1/a", "II/1/b", "II/12"}},
		{file: "tt-21-2025-bgddt-scraped-glued.txt", typ: "Thông tư", number: "21/2025/TT-BGDĐT", date: "2025-09-23",
			articles: 8, minTasks: 20, wantPaths: []string{"1/1", "1/2", "3/3/a"}},
		{file: "qd-2135-2015-tchq-attached-regulation.txt", typ: "Quyết định", number: "2135/QĐ-TCHQ", date: "2015-07-31",
			articles: 3, minTasks: 40, wantPaths: []string{"PL/2/1", "PL/4/1/a", "PL/4/2/a/a.1/a.1.1", "PL/4/2/a/a.2"},
			signer: "KT. Tổng cục trưởng | Phó tổng cục trưởng | Nguyễn Dương Thái"},
		{file: "nq-1659-2025-ubtvqh15-pandoc.md.txt", typ: "Nghị quyết", number: "1659/NQ-UBTVQH15", date: "2025-06-16",
			articles: 3, minTasks: 20, wantPaths: []string{"1/1", "1/21"}},
		// recipients and signature side by side in two text columns.
		{file: "nq-60-2025-tw-party-resolution.md.txt", typ: "Nghị quyết", number: "60-NQ/TW", date: "2025-04-12",
			minTasks: 10, signer: "T/M Ban Chấp hành Trung ương | Tổng bí thư | Tô Lâm"},
		{file: "qd-1056-2010-tuyenquang-mixed-nfd.txt", typ: "Quyết định", number: "1056/QĐ-CT", date: "2010-08-16",
			articles: 3, minTasks: 8, wantPaths: []string{"1/1", "1/4", "2/1", "2/2", "2/3", "2/4"}},
		// a decision issuing a plan (constructed in the usual provincial layout):
		// the plan's items are PL paths, the appendix is PLI.
		{file: "constructed-qd-ban-hanh-ke-hoach-pl.txt", typ: "Quyết định", number: "1234/QĐ-UBND", date: "2024-03-05",
			articles: 3, minTasks: 12, wantPaths: []string{"PL/I", "PL/I/2/b", "PL/II/1/1.2", "PL/III/2"}, notPaths: []string{"I", "1"},
			signer: "KT. Chủ tịch | Phó chủ tịch | Nguyễn Văn A"},
		// an HTML page (constructed in vbpl.vn's layout): header as a table, a
		// task table with a merged lead cell whose rows become tasks.
		{file: "constructed-kh-html-task-table.html", typ: "Kế hoạch", number: "56/KH-UBND", date: "2024-04-09",
			minTasks: 7, wantPaths: []string{"I/1", "II/2", "PL/1", "PL/2"},
			signer: "KT. Chủ tịch | Phó chủ tịch | Nguyễn Văn B"},
		// quoted clauses of the amended law are content of the amending clause.
		{file: "luat-43-2024-qh15-amending-quotes.txt", typ: "Luật", number: "43/2024/QH15", date: "2024-06-29",
			articles: 5, minTasks: 4, wantPaths: []string{"1/1", "1/4"}, notPaths: []string{"1/3/a", "1/3/b", "2/1"},
			signer: " | Chủ tịch Quốc hội | Trần Thanh Mẫn"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc, problems := parseFile(t, filepath.Join("../testdata/docs", c.file))
			r := analyze.Analyze(doc, problems)
			if r.Document.Type != c.typ || r.Document.Number != c.number || r.Document.Date != c.date {
				t.Errorf("header = %q %q %q, want %q %q %q", r.Document.Type, r.Document.Number, r.Document.Date, c.typ, c.number, c.date)
			}
			if len(r.Articles) != c.articles {
				t.Errorf("%d articles, want %d", len(r.Articles), c.articles)
			}
			if len(r.Tasks) < c.minTasks {
				t.Errorf("%d tasks, want at least %d", len(r.Tasks), c.minTasks)
			}
			paths := map[string]bool{}
			for _, tk := range r.Tasks {
				if paths[tk.Path] {
					t.Errorf("duplicate task path %s", tk.Path)
				}
				paths[tk.Path] = true
			}
			for _, p := range c.wantPaths {
				if !paths[p] {
					t.Errorf("missing task %s", p)
				}
			}
			if c.signer != "" {
				s := r.Document.Signer
				if s == nil || s.OnBehalf+" | "+s.Position+" | "+s.Name != c.signer {
					t.Errorf("signer = %+v, want %s", s, c.signer)
				}
			}
			for _, p := range c.notPaths {
				if paths[p] {
					t.Errorf("unexpected task %s", p)
				}
			}
		})
	}
}

// checkTree asserts the tree invariants: spans inside the text, children
// inside their parents and in order, positions that match the spans.
func checkTree(t testing.TB, d *parser.Document) {
	var walk func(n *parser.Node)
	walk = func(n *parser.Node) {
		if n.Span.Start < 0 || n.Span.End > len(d.Text) || n.Span.Start > n.Span.End {
			t.Fatalf("%v span %v outside text of %d bytes", n.Kind, n.Span, len(d.Text))
		}
		if n.Body.End > 0 && (n.Body.Start < n.Span.Start || n.Body.End > n.Span.End) {
			t.Fatalf("%v body %v outside span %v", n.Kind, n.Body, n.Span)
		}
		prev := n.Span.Start
		for _, c := range n.Children {
			if c.Parent != n {
				t.Fatalf("%v child has wrong parent", c.Kind)
			}
			if c.Span.Start < n.Span.Start || c.Span.End > n.Span.End {
				t.Fatalf("%v child span %v outside parent %v span %v", c.Kind, c.Span, n.Kind, n.Span)
			}
			if c.Span.Start < prev {
				t.Fatalf("%v child at %d before previous sibling end %d", c.Kind, c.Span.Start, prev)
			}
			prev = c.Span.Start
			walk(c)
		}
		if n.Kind != parser.KindDocument && n.Pos.Offset != n.Span.Start {
			t.Fatalf("%v position offset %d, span starts at %d", n.Kind, n.Pos.Offset, n.Span.Start)
		}
	}
	walk(d.Root)
}

func TestTreeInvariants(t *testing.T) {
	files, _ := filepath.Glob("../testdata/docs/*.*")
	files = append(files, seedPath)
	for _, f := range files {
		doc, _ := parseFile(t, f)
		checkTree(t, doc)
		// positions point at the line that holds the label.
		parser.Walk(doc.Root, func(n *parser.Node) bool {
			if n.Kind == parser.KindItem {
				line := doc.Line(n.Pos.Line)
				if !strings.Contains(line, strings.Trim(n.Label, "()")) {
					t.Errorf("%s: item %s at line %d %q", f, n.Path, n.Pos.Line, line)
				}
			}
			return true
		})
	}
}

func TestPosition(t *testing.T) {
	d, _ := parser.Parse("x.txt", "Số: 1/QĐ-UBND\nĐiều 1. Thử\n1. Ủy ban nhân dân tỉnh")
	p := d.Position(strings.Index(d.Text, "Ủy"))
	if p.Line != 3 || p.Col != 4 || p.String() != "x.txt:3:4" {
		t.Errorf("position = %v", p)
	}
}

func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed[:4000]))
	f.Add("Điều 1. A\n1. b\na) c\n“2. d\na) e”.\nĐiều 2.\n(1) x\n4.1. y\nNơi nhận:\n- A;\nTM. ỦY BAN\nPHỤ LỤC 01\n| a | b |\n|---|---|\n| 1 | 2 |")
	f.Add("Căn cứLuật A;Căn cứ B.Điều 1. Tên1. Một.2. Hai.Điều 2. X")
	f.Fuzz(func(t *testing.T, s string) {
		d, _ := parser.Parse("fuzz", s)
		checkTree(t, d)
		for _, seg := range d.Segments() {
			if seg.Offset < 0 || seg.Offset+len(seg.Text) > len(s) || s[seg.Offset:seg.Offset+len(seg.Text)] != seg.Text {
				t.Fatalf("segment %q not at offset %d", seg.Text, seg.Offset)
			}
		}
	})
}

func benchParse(b *testing.B, path string) {
	in, err := corpus.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parser.Parse(path, in.Text)
	}
}

// BenchmarkParse measures the tree builder alone (no extractors) on the
// seed decision and on the largest real document we have (1.8 MB of OCR).
func BenchmarkParse(b *testing.B) {
	b.Run("seed", func(b *testing.B) { benchParse(b, seedPath) })
	b.Run("large-ocr", func(b *testing.B) { benchParse(b, "../testdata/large-qd-3467-2024-byt-ocr.txt") })
}

// TestDepthBounded: numbering that repeats without end ("1. a" twenty
// thousand times, alternating styles) never nests without bound.
func TestDepthBounded(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("1. a\n", 2000),
		strings.Repeat("1. a\na) b\n(1) c\n", 700),
		"Điều 1. X: " + strings.Repeat("a) b; ", 2000),
	} {
		d, _ := parser.Parse("x", src)
		checkTree(t, d)
		maxDepth := 0
		var walk func(n *parser.Node, depth int)
		walk = func(n *parser.Node, depth int) {
			maxDepth = max(maxDepth, depth)
			for _, c := range n.Children {
				walk(c, depth+1)
			}
		}
		walk(d.Root, 0)
		if maxDepth > 14 {
			t.Errorf("tree depth %d for %.30q…", maxDepth, src)
		}
	}
}

// TestPlanRomanParts: a plan without articles opens with roman parts even
// when no legal basis precedes them; its items are paths under them.
func TestPlanRomanParts(t *testing.T) {
	src := "BỘ TÀI CHÍNH\nSố: 120/KH-BTC\nHà Nội, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\n\nTriển khai thực hiện Nghị quyết\n\n" +
		"I. MỤC ĐÍCH, YÊU CẦU\n\n1. Triển khai kịp thời.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Vụ Ngân sách nhà nước chủ trì.\n\n2. Các đơn vị gửi báo cáo.\n"
	d, problems := parser.Parse("plan.txt", src)
	r := analyze.Analyze(d, problems)
	var paths []string
	for _, tk := range r.Tasks {
		paths = append(paths, tk.Path)
	}
	if got := strings.Join(paths, " "); got != "I I/1 II II/1 II/2" {
		t.Errorf("paths = %s", got)
	}
	if r.Document.Type != "Kế hoạch" || r.Document.Title != "Triển khai thực hiện Nghị quyết" {
		t.Errorf("header = %+v", r.Document)
	}
}

// TestHeaderDates: place and date in the forms headers use, zero-padded
// day and month included ("08", "09" are not octal).
func TestHeaderDates(t *testing.T) {
	for _, c := range []struct{ line, place, date string }{
		{"Hà Nội, ngày 08 tháng 09 năm 2022", "Hà Nội", "2022-09-08"},
		{"Lạng Sơn, ngày 19 tháng 01 năm 2023", "Lạng Sơn", "2023-01-19"},
		{"Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025", "Hà Nội", "2025-04-11"},
		{"299/TTg Hà Nội, ngày 10 tháng 11 năm 1980", "Hà Nội", "1980-11-10"},
		{"Số: 21/2025/TT-BGDĐTHà Nội, ngày 23 tháng 9 năm 2025", "Hà Nội", "2025-09-23"},
		{"TP. Hồ Chí Minh, ngày 09/08/2021", "TP. Hồ Chí Minh", "2021-08-09"},
	} {
		d, _ := parser.Parse("h.txt", "BỘ TÀI CHÍNH\nSố: 1/QĐ-BTC\n"+c.line+"\n\nQUYẾT ĐỊNH\n\nĐiều 1. Thử.\n")
		if d.Header.Place != c.place || d.Header.Date != c.date {
			t.Errorf("%q: place %q date %q, want %q %q", c.line, d.Header.Place, d.Header.Date, c.place, c.date)
		}
	}
}

// TestLabelForms: the label forms real documents print.
func TestLabelForms(t *testing.T) {
	src := "Điều 1. Giao nhiệm vụ\n1/ Sở Tài chính chủ trì.\na/ Lập dự toán.\nb/ Thẩm định.\n2/ Sở Nội vụ phối hợp.\n" +
		"Điều 2. Tổ chức thực hiện\n1 - Các sở thực hiện.\n2 - Báo cáo kết quả năm 2023/2024.\n" +
		"Điều 3. Hiệu lực\n1.1 Nội dung dotted without a final dot.\n"
	d, _ := parser.Parse("labels.txt", src)
	var paths []string
	parser.Walk(d.Root, func(n *parser.Node) bool {
		if n.Kind == parser.KindItem {
			paths = append(paths, n.Path)
		}
		return true
	})
	if got := strings.Join(paths, " "); got != "1/1 1/1/a 1/1/b 1/2 2/1 2/2" {
		t.Errorf("paths = %s", got)
	}
}

// TestWrappedLines: sentences a converter cut are read whole, in the
// preamble too; NFD text is composed before parsing.
func TestWrappedLines(t *testing.T) {
	src := "Số: 5/QĐ-UBND\nLạng Sơn, ngày 19 tháng 01 năm 2023\n\nQUYẾT ĐỊNH\n\n" +
		"Căn cứ Quyết định số 1019/QĐ-UBND ngày 16/6/2022 của\nUBND tỉnh Lạng Sơn ban hành quy trình;\n" +
		"Căn cứ Quyết định số 1513/QĐ-\nTTg ngày 03/12/2022 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Thử.\n"
	for _, text := range []string{src, norm.NFD.String(src)} {
		d, _ := parser.Parse("w.txt", text)
		r := analyze.Analyze(d, nil)
		if len(r.Bases) != 2 || !strings.Contains(r.Bases[0], "của UBND tỉnh Lạng Sơn") || !strings.Contains(r.Bases[1], "1513/QĐ- TTg") {
			t.Errorf("bases = %q", r.Bases)
		}
		if r.Document.Number != "5/QĐ-UBND" || r.Document.Date != "2023-01-19" {
			t.Errorf("header = %+v", r.Document)
		}
	}
}

// TestLetterHeader: an official letter whose number, subject, place, date
// and addressee stand on one line; the body is not header.
func TestLetterHeader(t *testing.T) {
	src := "VĂN PHÒNG CHÍNH PHỦ -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n" +
		"Số: 2739/VPCP-ĐMDN V/v quy định về quản trị doanh nghiệp\nHà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.\n" +
		"Báo Đấu thầu ngày 26 tháng 3 năm 2019 đưa tin về công ty gia đình.\nVăn phòng Chính phủ thông báo để Bộ Kế hoạch và Đầu tư biết, thực hiện./.\n"
	d, _ := parser.Parse("cv.txt", src)
	h := d.Header
	if h.Type != "Công văn" || h.Number != "2739/VPCP-ĐMDN" || h.Date != "2019-04-05" || h.Title != "quy định về quản trị doanh nghiệp" || h.Issuer != "Văn phòng Chính phủ" {
		t.Errorf("header = %+v", h)
	}
	for _, c := range d.Root.Children {
		if c.Kind == parser.KindHeader && strings.Contains(d.Text[c.Span.Start:c.Span.End], "Báo Đấu thầu") {
			t.Errorf("the letter's body is in the header")
		}
	}
}

// TestNoiNhanInBody: "Nơi nhận hồ sơ:" in a procedure is body text, not the
// recipients list that ends the document.
func TestNoiNhanInBody(t *testing.T) {
	src := "Điều 1. Thủ tục\n1. Nơi nhận hồ sơ: Bộ phận một cửa.\n2. Thời hạn giải quyết: 05 ngày.\nĐiều 2. Hiệu lực\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
	d, _ := parser.Parse("p.txt", src)
	r := analyze.Analyze(d, nil)
	if len(r.Articles) != 2 || len(r.Tasks) != 2 || len(r.Recipients) != 1 {
		t.Errorf("articles %d tasks %d recipients %q", len(r.Articles), len(r.Tasks), r.Recipients)
	}
}

// corpus 033 (NQ 60-NQ/TW): the title of a plenum's resolution names the
// body that holds the plenum; it is no enacting line to cut at. A glued
// enacting line after a decision's title is still cut (corpus 002).
func TestPlenumTitle(t *testing.T) {
	doc, _ := parser.Parse("nq.txt", "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\n***\nSố 60-NQ/TW\nHà Nội, ngày 12 tháng 4 năm 2025\n\nNGHỊ QUYẾT\n\nHỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII\n\nHội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII họp từ ngày 10/4 đến ngày 12/4/2025 tại Thủ đô Hà Nội,\n\nQUYẾT NGHỊ\n\n1. Thông qua nội dung cơ bản các dự thảo văn kiện trình Đại hội XIV.\n")
	if want := "HỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII"; doc.Header.Title != want {
		t.Errorf("title %q, want %q", doc.Header.Title, want)
	}
	doc, _ = parser.Parse("qd.txt", "ỦY BAN NHÂN DÂN TỈNH TÂY NINH -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\nSố: 3745/QĐ-UBND Tây Ninh, ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nCăn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;\nQUYẾT ĐỊNH\nĐiều 1.\nPhê duyệt Kế hoạch sử dụng đất năm 2022 huyện Châu Thành.\n")
	if want := "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH"; doc.Header.Title != want {
		t.Errorf("title %q, want %q", doc.Header.Title, want)
	}
}

// corpus 031, 032 (NQ 1659/1655/NQ-UBTVQH15): an issuer in capitals keeps
// the second capital of a central body's name.
func TestCapsIssuerCentralBody(t *testing.T) {
	d, _ := parseFile(t, "../testdata/docs/nq-1659-2025-ubtvqh15-pandoc.md.txt")
	if d.Header.Issuer != "Ủy ban Thường vụ Quốc hội" {
		t.Errorf("issuer = %q, want %q", d.Header.Issuer, "Ủy ban Thường vụ Quốc hội")
	}
}

// corpus 024 (Nghị quyết 01/2020/NQ-HĐTP): an issuer in capitals is
// written as the body spells it, and so is the body the signer acts for;
// corpus 031 (1659/NQ-UBTVQH15): the signer's "TM. ỦY BAN THƯỜNG VỤ QUỐC
// HỘI" reads as the issuer does.
func TestCapsIssuerBodySpelling(t *testing.T) {
	for _, c := range []struct{ text, issuer, onBehalf string }{
		{`Nghị quyết 01/2020/NQ-HĐTP
HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 01/2020/NQ-HĐTP
Hà Nội, ngày 05 tháng 3 năm 2020 NGHỊ QUYẾT HƯỚNG DẪN ÁP DỤNG MỘT SỐ QUY ĐỊNH CỦA PHÁP LUẬT TRONG GIẢI QUYẾT TRANH CHẤP VỀ TÀI SẢN CHUNG CỦA DÒNG HỌ HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO
Căn cứ Luật Tổ chức Tòa án nhân dân ngày 24 tháng 11 năm 2014;
Sau khi có ý kiến của Viện trưởng Viện kiểm sát nhân dân tối cao và Bộ trưởng Bộ Tư pháp, QUYẾT NGHỊ:
Điều 8. Hiệu lực thi hành
1. Nghị quyết này đã được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 21 tháng 02 năm 2020 và có hiệu lực thi hành kể từ ngày 10 tháng 4 năm 2020.
Nơi nhận:
- Ủy ban Thường vụ Quốc hội (để giám sát);
- Lưu: VT, Vụ PC&QLKH TANDTC.
TM. HỘI ĐỒNG THẨM PHÁN CHÁNH ÁN Nguyễn Hòa Bình
`, "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "TM. Hội đồng Thẩm phán"},
	} {
		d, _ := parser.Parse("t", c.text)
		if d.Header.Issuer != c.issuer {
			t.Errorf("issuer = %q, want %q", d.Header.Issuer, c.issuer)
		}
		if s := d.Header.Signer; s == nil || s.OnBehalf != c.onBehalf {
			t.Errorf("signer = %+v, want on_behalf %q", s, c.onBehalf)
		}
	}
	d, _ := parseFile(t, "../testdata/docs/nq-1659-2025-ubtvqh15-pandoc.md.txt")
	if s := d.Header.Signer; s == nil || s.OnBehalf != "TM. Ủy ban Thường vụ Quốc hội" {
		t.Errorf("1659 signer = %+v", s)
	}
}

// corpus 003 (Quyết định 1056/QĐ-CT): a title run together with the
// enacting line "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH" ends before all of it, not
// before its "UỶ BAN".
func TestTitleBeforeEnactingPerson(t *testing.T) {
	d, _ := parser.Parse("t", `UỶ BAN NHÂN DÂN TỈNH TUYÊN QUANG -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 1056/QĐ-CT Tuyên Quang, ngày 16 tháng 8 năm 2010 QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP CHO CÁC ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ÁP DỤNG TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 26 tháng 11 năm 2003;
QUYẾT ĐỊNH:
Điều 1. Ban hành mức trợ giúp.
`)
	if want := "BAN HÀNH MỨC TRỢ GIÚP CHO CÁC ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ÁP DỤNG TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG"; d.Header.Title != want {
		t.Errorf("title %q, want %q", d.Header.Title, want)
	}
}

// TestBasisTitleWithSemicolon: an instrument's title may hold a ";" (its
// parts), and a portal may break the line there (Thông tư 56/2024/TT-BTC,
// Quyết định 2135/QĐ-TCHQ). The lower-case rest belongs to its basis and
// to the cited title; a next instrument after ";" does not.
func TestBasisTitleWithSemicolon(t *testing.T) {
	src := "Số: 56/2024/TT-BTC\nHà Nội, ngày 31 tháng 7 năm 2024\n\nTHÔNG TƯ\n\n" +
		"Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\n" +
		"Căn cứ Nghị định số 101/2024/NĐ-CP ngày 29 tháng 7 năm 2024 của Chính phủ quy định về điều tra cơ bản đất đai;\n" +
		"đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai;\n" +
		"Căn cứ Nghị định số 126/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều Luật Quản lý thuế; Nghị định số 91/2022/NĐ-CP ngày 30 tháng 10 năm 2022 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 126/2020/NĐ-CP;\n" +
		"Căn cứ Thông tư số 38/2015/TT-BTC  ngày 25 tháng 03 năm 2015 của Bộ Tài chính hướng dẫn về thủ tục Hải quan; kiểm tra giám sát hải quan/ thuế xuất khẩu, thuế nhập khẩu và quản lý thuế đối với hàng hóa xuất khẩu, nhập khẩu;\n" +
		"Theo đề nghị của Cục trưởng Cục Quản lý, giám sát chính sách thuế, phí và lệ phí;\n\n" +
		"Điều 1. Phạm vi điều chỉnh\n\nThông tư này quy định mức thu phí.\n"
	d, _ := parser.Parse("tt56.txt", src)
	r := analyze.Analyze(d, nil)
	if len(r.Bases) != 5 {
		t.Fatalf("%d bases, want 5: %q", len(r.Bases), r.Bases)
	}
	if want := "Căn cứ Nghị định số 101/2024/NĐ-CP ngày 29 tháng 7 năm 2024 của Chính phủ quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai;"; r.Bases[1] != want {
		t.Errorf("basis = %q, want %q", r.Bases[1], want)
	}
	titles := map[string]string{
		"101/2024/NĐ-CP": "quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai",
		"126/2020/NĐ-CP": "quy định chi tiết một số điều Luật Quản lý thuế",
		"38/2015/TT-BTC": "hướng dẫn về thủ tục Hải quan; kiểm tra giám sát hải quan/ thuế xuất khẩu, thuế nhập khẩu và quản lý thuế đối với hàng hóa xuất khẩu, nhập khẩu",
		"91/2022/NĐ-CP":  "sửa đổi, bổ sung một số điều của Nghị định số 126/2020/NĐ-CP",
	}
	for _, c := range r.Citations {
		if want, ok := titles[c.Key]; ok {
			delete(titles, c.Key)
			if got := ""; c.Title == nil || *c.Title != want {
				if c.Title != nil {
					got = *c.Title
				}
				t.Errorf("%s: title %q, want %q", c.Key, got, want)
			}
		}
	}
	if len(titles) > 0 {
		t.Errorf("citations missing: %v", titles)
	}
}

// TestFormRecipients: an appendix that prints forms in full (notices with
// their own "Nơi nhận" and "Lưu") adds nothing to the document's
// recipients or archive note, which are those of its own signature block
// (QĐ 2135/QĐ-TCHQ: three forms, each with a recipients block).
func TestFormRecipients(t *testing.T) {
	d, _ := parseFile(t, "../testdata/docs/qd-2135-2015-tchq-attached-regulation.txt")
	r := analyze.Analyze(d, nil)
	want := []string{"Như Điều3", "Lãnh đạo Bộ (để báo cáo)", "Lãnh đạo TCHQ", "Vụ CST, Vụ PC (để phối hợp)", "Trang website Hải quan"}
	if strings.Join(r.Recipients, "|") != strings.Join(want, "|") {
		t.Errorf("recipients = %q, want %q", r.Recipients, want)
	}
	if d.Archive != "Lưu: VT, TXNK (30b)" {
		t.Errorf("archive = %q", d.Archive)
	}
}

// corpus 016 (Nghị định 61-CP), 023: a published copy prints "(Đã ký)" after
// the signer's name in place of the signature; the line is the signature,
// not the last article's text, and what follows it is the appendices'.
func TestSignedNameLine(t *testing.T) {
	src := `CHÍNH PHỦ
Số: 61-CP Hà Nội, ngày 05 tháng 7 năm 1994
NGHỊ ĐỊNH VỀ MUA BÁN VÀ KINH DOANH NHÀ Ở
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;
NGHỊ ĐỊNH:
Điều 27.
Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ phối hợp với các cơ quan chức năng liên quan hướng dẫn và kiểm tra việc thực hiện Nghị định này.
Điều 28.
Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Uỷ ban Nhân dân tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành Nghị định này.
Võ Văn Kiệt (Đã ký)
PHỤ LỤC SỐ 2:
BẢNG GIÁ CHUẨN TỐI THIỂU CHO THUÊ NHÀ Ở (Ban hành kèm theo Nghị định số 61-CP ngày 5-7-1994 của Chính phủ)
1. Giá chuẩn:
2. Hệ số điều chỉnh giá chuẩn:
`
	d, _ := parser.Parse("t", src)
	if s := d.Header.Signer; s == nil || s.Name != "Võ Văn Kiệt" {
		t.Errorf("signer = %+v, want name Võ Văn Kiệt", s)
	}
	parser.Walk(d.Root, func(n *parser.Node) bool {
		if strings.HasPrefix(n.Path, "28/") {
			t.Errorf("%s (line %d) is under article 28", n.Path, n.Pos.Line)
		}
		return true
	})
}
