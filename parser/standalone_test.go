package parser_test

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

// Appendices published as files of their own: the appendix heading, the
// note naming the document they belong to, then tables; no header block,
// no body, no signature.

type wantHeader struct{ typ, number, date, issuer string }

func checkHeader(t *testing.T, h parser.Header, w wantHeader) {
	t.Helper()
	got := wantHeader{h.Type, h.Number, h.Date, h.Issuer}
	if got != w {
		t.Errorf("header = %+v, want %+v", got, w)
	}
}

// appendixNodes returns the document's appendix nodes, and fails the test
// when it has a header node or content outside its appendices.
func appendixNodes(t *testing.T, d *parser.Document) []*parser.Node {
	t.Helper()
	var out []*parser.Node
	for _, c := range d.Root.Children {
		if c.Kind != parser.KindAppendix {
			t.Errorf("top-level %v at line %d: %q, want only appendices", c.Kind, c.Pos.Line, d.Text[c.Span.Start:min(c.Span.End, c.Span.Start+60)])
			continue
		}
		out = append(out, c)
	}
	return out
}

// tablesOf returns the tables directly inside n.
func tablesOf(n *parser.Node) []*parser.Node {
	var out []*parser.Node
	for _, c := range n.Children {
		if c.Kind == parser.KindTable {
			out = append(out, c)
		}
	}
	return out
}

// pipeRows counts the pipe-table rows of a file that are not rule rows.
func pipeRows(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "|") && strings.Trim(line, "|-: ") != "" {
			n++
		}
	}
	return n
}

const cv1027 = "../testdata/corpus/cv_1027_appendix_only_excerpt.txt"

var cv1027Header = wantHeader{"Công văn", "1027/CTK-CSCL", "2025-06-25", "Cục Thống kê"}

// checkCV1027 checks the appendix of Cục Thống kê's letter 1027/CTK-CSCL
// (commune codes) as parsed from path.
func checkCV1027(t *testing.T, d *parser.Document, path, title string, noteLine int) {
	t.Helper()
	checkHeader(t, d.Header, cv1027Header)
	if d.Header.Line != noteLine {
		t.Errorf("header line = %d, want the note's line %d", d.Header.Line, noteLine)
	}
	apps := appendixNodes(t, d)
	if len(apps) != 1 {
		t.Fatalf("%d appendices, want 1", len(apps))
	}
	a := apps[0]
	if a.Path != "PLI" || a.Label != "I" || a.Heading != title {
		t.Errorf("appendix path=%q label=%q heading=%q, want PLI I %q", a.Path, a.Label, a.Heading, title)
	}
	tables := tablesOf(a)
	if len(tables) != 1 {
		t.Fatalf("%d tables in the appendix, want 1", len(tables))
	}
	rows := tables[0].Table.Rows
	if want := pipeRows(t, path); len(rows) != want {
		t.Errorf("%d table rows, want every pipe row of the file (%d)", len(rows), want)
	}
	if got := strings.Join(rows[0].Cells, "|"); got != "Stt|Mã số|Tên đơn vị hành chính|Tỉnh (thành phố)" {
		t.Errorf("first row = %q, want the column headers", got)
	}
	if got := strings.Join(rows[2].Cells, "|"); got != "1|00070|Phường Hoàn Kiếm|Thành phố Hà Nội" {
		t.Errorf("row 2 = %q", got)
	}
	r := analyze.Analyze(d, nil)
	if r.Document.Issuer != "Cục Thống kê" {
		t.Errorf("analyzed issuer = %q", r.Document.Issuer)
	}
	if len(r.Citations) != 0 {
		t.Errorf("the note cites the document itself, got citations %+v", r.Citations)
	}
}

// TestStandaloneAppendixPandoc: the real excerpt (pandoc Markdown, first 36
// communes of 3,321).
func TestStandaloneAppendixPandoc(t *testing.T) {
	d, _ := parseFile(t, cv1027)
	checkCV1027(t, d, cv1027, "DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", 3)
	rows := tablesOf(d.Root.Children[0])[0].Table.Rows
	if got := strings.Join(rows[len(rows)-1].Cells, "|"); got != "36|00622|Phường Xuân Phương|Thành phố Hà Nội" {
		t.Errorf("last row = %q", got)
	}
}

// TestStandaloneAppendixRawMarkdown: the same file given to the parser
// with its Markdown marks (## **…**, _(…)_) still in the text.
func TestStandaloneAppendixRawMarkdown(t *testing.T) {
	b, err := os.ReadFile(cv1027)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "## **Phụ lục I") {
		t.Fatalf("fixture does not start with the Markdown heading")
	}
	d, _ := parser.Parse(cv1027, string(b))
	checkCV1027(t, d, cv1027, "DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", 3)
}

// TestStandaloneAppendixPlainLayout: the heading, the title and the note
// on lines of their own; the title is the appendix's, never the issuer.
func TestStandaloneAppendixPlainLayout(t *testing.T) {
	const path = "../testdata/corpus/cv_1027_appendix_only_plain_layout.txt"
	d, _ := parseFile(t, path)
	checkCV1027(t, d, path, "DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", 3)
}

// TestStandaloneAppendixKemTheoQuyetDinh: the seed decision's appendix
// alone (real text: "PHỤ LỤC:", its title, "(Kèm theo Quyết định số
// 79/QĐ-UBND ngày 19 /01/2023 của UBND tỉnh)", the indicator table
// flattened one cell per line). Its rows are those the whole decision gives.
func TestStandaloneAppendixKemTheoQuyetDinh(t *testing.T) {
	d, problems := parseFile(t, "../testdata/corpus/qd_79_2023_langson_appendix_only_excerpt.txt")
	checkHeader(t, d.Header, wantHeader{"Quyết định", "79/QĐ-UBND", "2023-01-19", "UBND tỉnh"})
	apps := appendixNodes(t, d)
	if len(apps) != 1 || apps[0].Path != "PL" || apps[0].Label != "" {
		t.Fatalf("appendices = %d (first %+v), want one unnumbered PL", len(apps), apps)
	}
	r := analyze.Analyze(d, problems)
	if len(r.Appendices) != 1 {
		t.Fatalf("%d appendix tables, want 1", len(r.Appendices))
	}
	got := r.Appendices[0]
	if !strings.HasPrefix(got.Title, "GIAO THỰC HIỆN CÁC NHÓM CHỈ TIÊU") || len(got.Columns) != 6 {
		t.Errorf("title %q, columns %v", got.Title, got.Columns)
	}

	seed, seedProblems := parseFile(t, seedPath)
	want := analyze.Analyze(seed, seedProblems).Appendices[0].Rows
	if len(got.Rows) != 12 {
		t.Fatalf("%d rows, want the 12 rows of the excerpt", len(got.Rows))
	}
	const lineShift = 306 // the excerpt starts at line 307 of the seed
	for i, row := range got.Rows {
		w := want[i]
		if row.Indicator != w.Indicator || str(row.STT) != str(w.STT) || str(row.Unit) != str(w.Unit) ||
			str(row.Target) != str(w.Target) || str(row.Parent) != str(w.Parent) ||
			strings.Join(row.Lead, "|") != strings.Join(w.Lead, "|") ||
			strings.Join(row.Cooperate, "|") != strings.Join(w.Cooperate, "|") || row.Line+lineShift != w.Line {
			t.Errorf("row %d = %+v, want the seed's %+v", i, row, w)
		}
	}
}

func str(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestStandaloneAppendixTwo: two appendices in one file, the note without
// parentheses and without "số"; a task table in the first, an indicator
// table in the second.
func TestStandaloneAppendixTwo(t *testing.T) {
	d, problems := parseFile(t, "../testdata/corpus/constructed_kh_appendix_only_two_appendices.txt")
	checkHeader(t, d.Header, wantHeader{"Kế hoạch", "247/KH-UBND", "2023-10-12", "Ủy ban nhân dân tỉnh Lạng Sơn"})
	apps := appendixNodes(t, d)
	if len(apps) != 2 {
		t.Fatalf("%d appendices, want 2", len(apps))
	}
	for i, w := range []struct{ path, heading string }{{"PL01", "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH"}, {"PL02", "CHỈ TIÊU THỰC HIỆN NĂM 2024"}} {
		if apps[i].Path != w.path || apps[i].Heading != w.heading || len(tablesOf(apps[i])) != 1 {
			t.Errorf("appendix %d: path=%q heading=%q tables=%d, want %s %q 1", i, apps[i].Path, apps[i].Heading, len(tablesOf(apps[i])), w.path, w.heading)
		}
	}
	r := analyze.Analyze(d, problems)
	var tasks []string
	for _, tk := range r.Tasks {
		tasks = append(tasks, tk.Path)
	}
	if strings.Join(tasks, " ") != "PL01/1 PL01/2" {
		t.Errorf("tasks = %v, want the rows of the first appendix's task table", tasks)
	}
	if len(r.Responsibilities) != 2 || strings.Join(r.Responsibilities[1].Lead, "|") != "Sở Nội vụ" {
		t.Errorf("responsibilities = %+v", r.Responsibilities)
	}
	if len(r.Appendices) != 1 || r.Appendices[0].Title != "CHỈ TIÊU THỰC HIỆN NĂM 2024" || len(r.Appendices[0].Rows) != 2 ||
		r.Appendices[0].Rows[1].Indicator != "Tỷ lệ hồ sơ giải quyết đúng hạn" || str(r.Appendices[0].Rows[1].Target) != "98" {
		t.Errorf("appendices = %+v", r.Appendices)
	}
}

// TestStandaloneAppendixForms: headings and notes as portals write them.
func TestStandaloneAppendixForms(t *testing.T) {
	const rows = "\n| STT | Tên |\n| --- | --- |\n| 1 | Xã A |\n| 2 | Xã B |\n"
	cases := []struct {
		text    string
		path    string
		heading string
		want    wantHeader
	}{
		{"PHỤ LỤC 01\nDANH MỤC CÁC XÃ\n(Kèm theo Quyết định số 79/QĐ-UBND ngày 19/01/2023 của UBND tỉnh Lạng Sơn)" + rows,
			"PL01", "DANH MỤC CÁC XÃ", wantHeader{"Quyết định", "79/QĐ-UBND", "2023-01-19", "UBND tỉnh Lạng Sơn"}},
		{"Phụ lục II\nDanh mục các xã\nBan hành kèm theo Kế hoạch số 247/KH-UBND ngày 12 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh Lạng Sơn" + rows,
			"PLII", "Danh mục các xã", wantHeader{"Kế hoạch", "247/KH-UBND", "2023-10-12", "Ủy ban nhân dân tỉnh Lạng Sơn"}},
		{"Phụ lục\n(Kèm theo Quyết định 79/QĐ-UBND ngày 19/01/2023 của UBND tỉnh Lạng Sơn về nhiệm vụ, giải pháp chủ yếu)" + rows,
			"PL", "", wantHeader{"Quyết định", "79/QĐ-UBND", "2023-01-19", "UBND tỉnh Lạng Sơn"}},
		{"## **PHỤ BIỂU 02**\n\n**TỔNG HỢP KINH PHÍ**\n\n_(Kèm theo Thông tư số 56/2024/TT-BTC ngày 31/7/2024 của Bộ Tài chính)_" + rows,
			"PL02", "TỔNG HỢP KINH PHÍ", wantHeader{"Thông tư", "56/2024/TT-BTC", "2024-07-31", "Bộ Tài chính"}},
		{"Biểu số 01\n(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 05/3/2024 của Bộ Văn hóa, Thể thao và Du lịch)" + rows,
			"PL01", "", wantHeader{"Quyết định", "12/2024/QĐ-UBND", "2024-03-05", "Bộ Văn hóa, Thể thao và Du lịch"}},
		{"PHỤ LỤC III (KÈM THEO QUYẾT ĐỊNH SỐ 12/2024/QĐ-UBND NGÀY 05/3/2024 CỦA UBND TỈNH BẮC GIANG)" + rows,
			"PLIII", "", wantHeader{"Quyết định", "12/2024/QĐ-UBND", "2024-03-05", "UBND tỉnh Bắc Giang"}},
		{"PHỤ LỤC 2\n(Kèm theo Thông tư số 11/2024/TT-BNV ngày 18/10/2024 của Bộ Nội vụ)\nDANH MỤC VỊ TRÍ VIỆC LÀM" + rows,
			"PL2", "DANH MỤC VỊ TRÍ VIỆC LÀM", wantHeader{"Thông tư", "11/2024/TT-BNV", "2024-10-18", "Bộ Nội vụ"}},
		{"PHỤ LỤC\n(Kèm theo văn bản số 100/UBND-KT ngày 02/02/2024 của Ủy ban nhân dân huyện Cao Lộc)" + rows,
			"PL", "", wantHeader{"Công văn", "100/UBND-KT", "2024-02-02", "Ủy ban nhân dân huyện Cao Lộc"}},
	}
	for _, c := range cases {
		name := strings.SplitN(c.text, "\n", 2)[0]
		t.Run(name, func(t *testing.T) {
			d, _ := parser.Parse("t.txt", c.text)
			checkHeader(t, d.Header, c.want)
			apps := appendixNodes(t, d)
			if len(apps) != 1 {
				t.Fatalf("%d appendices, want 1", len(apps))
			}
			if apps[0].Path != c.path || apps[0].Heading != c.heading {
				t.Errorf("appendix path=%q heading=%q, want %q %q", apps[0].Path, apps[0].Heading, c.path, c.heading)
			}
			tables := tablesOf(apps[0])
			if len(tables) != 1 || len(tables[0].Table.Rows) != 3 {
				t.Errorf("tables = %d, want one of 3 rows", len(tables))
			}
		})
	}
}

// TestNotStandaloneAppendix: documents that mention or hold appendices but
// are not one keep their header; an appendix title is never the issuer.
func TestNotStandaloneAppendix(t *testing.T) {
	// a plan whose appendix heading falls among the header lines
	d, _ := parseFile(t, "../testdata/tasks/ke-hoach-html.txt")
	if d.Header.Type != "Kế hoạch" || d.Header.Date != "2024-02-05" || d.Header.Issuer != "" {
		t.Errorf("header = %+v, want Kế hoạch of 2024-02-05 without issuer (not 'Phụ lục')", d.Header)
	}
	// "PHỤ LỤC" first but no note: not an appendix file (a heading alone).
	d, _ = parser.Parse("t.txt", "PHỤ LỤC\nDANH MỤC CÁC XÃ\n| STT | Tên |\n| 1 | Xã A |\n")
	if d.Header.Type != "" || d.Header.Number != "" || d.Header.Issuer != "" {
		t.Errorf("header = %+v, want none", d.Header)
	}
	// a note that names no document: the header block is read as usual,
	// and the appendix title under the heading is not the issuer.
	d, _ = parser.Parse("t.txt", "PHỤ LỤC\nDANH MỤC CÁC XÃ\n(Kèm theo hồ sơ ngày 05 tháng 3 năm 2024)\n| STT | Tên |\n| 1 | Xã A |\n")
	if d.Header.Date != "2024-03-05" || d.Header.Issuer != "" {
		t.Errorf("header = %+v, want the date and no issuer", d.Header)
	}
	// a decision with its appendix after the signature: header from its
	// own header block, the note in the appendix does not replace it.
	seed, _ := parseFile(t, seedPath)
	if seed.Header.Issuer != "Ủy ban nhân dân tỉnh Lạng Sơn" || seed.Header.Line != 13 || !strings.HasPrefix(seed.Header.Title, "VỀ NHIỆM VỤ") {
		t.Errorf("seed header = %+v", seed.Header)
	}
}

// TestStandaloneAppendixRawMarkdownTwo: two appendices whose headings are
// still in Markdown ("## **PHỤ LỤC II**") when the parser gets the text.
func TestStandaloneAppendixRawMarkdownTwo(t *testing.T) {
	const text = "## **PHỤ LỤC I**\n\n**DANH MỤC A**\n\n_(Kèm theo Quyết định số 79/QĐ-UBND ngày 19/01/2023 của UBND tỉnh Lạng Sơn)_\n\n" +
		"| TT | Tên |\n|---|---|\n| 1 | A |\n\n## **PHỤ LỤC II**\n\n**DANH MỤC B**\n\n| TT | Tên |\n|---|---|\n| 1 | B |\n| 2 | C |\n"
	d, _ := parser.Parse("t.md", text)
	checkHeader(t, d.Header, wantHeader{"Quyết định", "79/QĐ-UBND", "2023-01-19", "UBND tỉnh Lạng Sơn"})
	apps := appendixNodes(t, d)
	if len(apps) != 2 {
		t.Fatalf("%d appendices, want 2", len(apps))
	}
	for i, w := range []struct {
		path, heading string
		rows          int
	}{{"PLI", "DANH MỤC A", 2}, {"PLII", "DANH MỤC B", 3}} {
		tables := tablesOf(apps[i])
		if apps[i].Path != w.path || apps[i].Heading != w.heading || len(tables) != 1 || len(tables[0].Table.Rows) != w.rows {
			t.Errorf("appendix %d: path=%q heading=%q tables=%d, want %s %q with %d rows", i, apps[i].Path, apps[i].Heading, len(tables), w.path, w.heading, w.rows)
		}
	}
}

// TestAppendixTitleAfterNote: after a decision's signature, the note
// "(Kèm theo …)" or a table row right under "PHỤ LỤC" is not the
// appendix's title, and the note does not replace the decision's header.
func TestAppendixTitleAfterNote(t *testing.T) {
	const text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 79/QĐ-UBND\nLạng Sơn, ngày 19 tháng 01 năm 2023\n\nQUYẾT ĐỊNH\nVề việc ban hành danh mục\n\n" +
		"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\nQUYẾT ĐỊNH:\n\n" +
		"Điều 1. Ban hành kèm theo Quyết định này danh mục mã số.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n\n" +
		"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Tiến Thiệu\n\n" +
		"PHỤ LỤC I\n(Kèm theo Quyết định số 79/QĐ-UBND ngày 19/01/2023 của UBND tỉnh Lạng Sơn)\nDANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ\n\n" +
		"| Stt | Mã số | Tên |\n| --- | --- | --- |\n| 1 | 00070 | Phường Hoàn Kiếm |\n\n" +
		"PHỤ LỤC II\n| Stt | Mã số | Tên |\n| --- | --- | --- |\n| 1 | 00082 | Phường Cửa Nam |\n"
	d, _ := parser.Parse("t.txt", text)
	checkHeader(t, d.Header, wantHeader{"Quyết định", "79/QĐ-UBND", "2023-01-19", "Ủy ban nhân dân tỉnh Lạng Sơn"})
	var got []string
	for _, a := range d.Find(parser.KindAppendix) {
		got = append(got, a.Path+": "+a.Heading)
	}
	if want := "PLI: DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ|PLII: "; strings.Join(got, "|") != want {
		t.Errorf("appendices = %q, want %q", strings.Join(got, "|"), want)
	}
}

// A plan converted from PDF without its header block (the shared corpus's
// 036, excerpted in testdata) names itself in the note of its appendix,
// "(Kèm theo Kế hoạch số    /KH-STTTT ngày  /  /2024 của Sở Thông tin và
// Truyền thông tỉnh Đắk Nông)": its type and issuer come from there; the
// number and the date, left blank in the note, stay empty.
func TestHeaderFromAppendixNote(t *testing.T) {
	d, _ := parseFile(t, "../testdata/corpus/md_ke_hoach_excerpt.txt")
	checkHeader(t, d.Header, wantHeader{typ: "Kế hoạch", issuer: "Sở Thông tin và Truyền thông tỉnh Đắk Nông"})
	lines := strings.Split(d.Text, "\n")
	if l := d.Header.Line; l < 1 || l > len(lines) || !strings.Contains(lines[l-1], "(Kèm theo Kế hoạch số") {
		t.Errorf("header line %d is not the note's", l)
	}
}

// Only a note in parentheses counts: "ban hành kèm theo Thông tư số …" in
// a sentence names another document, and a document with a header block
// keeps its own even when its appendix's note names another.
func TestHeaderNotFromOtherNotes(t *testing.T) {
	d, _ := parser.Parse("x.txt", "1. Các đơn vị lập báo cáo theo mẫu ban hành kèm theo Thông tư số 15/2018/TT-BTC ngày 07/02/2018 của Bộ Tài chính.\n\n2. Sở Tài chính tổng hợp, báo cáo.\n")
	checkHeader(t, d.Header, wantHeader{})
	d, _ = parseFile(t, "../testdata/qd-79-2023-langson.txt")
	checkHeader(t, d.Header, wantHeader{typ: "Quyết định", number: "79/QĐ-UBND", date: "2023-01-19", issuer: "Ủy ban nhân dân tỉnh Lạng Sơn"})
}
