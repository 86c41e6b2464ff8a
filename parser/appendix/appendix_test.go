package appendix

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
)

func read(t *testing.T, path string) Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := parser.Parse(path, string(data))
	return Read(doc)
}

type want struct{ path, lead, coop, date, kind string }

func check(t *testing.T, got []Task, ws []want) {
	t.Helper()
	if len(got) != len(ws) {
		t.Fatalf("%d tasks, want %d: %+v", len(got), len(ws), got)
	}
	for i, w := range ws {
		g := got[i]
		date, kind := "", ""
		if len(g.Deadlines) > 0 {
			kind = g.Deadlines[0].Kind
			if g.Deadlines[0].Date != nil {
				date = *g.Deadlines[0].Date
			}
		}
		if g.Path != w.path || strings.Join(g.Lead, "|") != w.lead || strings.Join(g.Cooperate, "|") != w.coop || date != w.date || kind != w.kind {
			t.Errorf("task %d = %s lead=%q coop=%q %s %s\nwant %+v", i, g.Path, g.Lead, g.Cooperate, date, kind, w)
		}
	}
}

func TestPipeTaskTable(t *testing.T) {
	r := read(t, "../../testdata/tasks/ke-hoach-pipe.txt")
	check(t, r.Tasks, []want{
		{"PL01/1", "Cục Quản lý công sản", "Vụ Pháp chế|Vụ Ngân sách nhà nước", "2024-09-30", "in_quarter"},
		{"PL01/2", "Vụ Chính sách thuế", "Sở Tài chính|Sở Văn hóa, Thể thao và Du lịch", "2024-12-31", "in_year"},
		// empty agency cells: a merged cell carried down
		{"PL01/3", "Vụ Chính sách thuế", "Sở Tài chính|Sở Văn hóa, Thể thao và Du lịch", "2024-06-30", "before"},
		{"PL01/4", "Thanh tra Bộ", "Các đơn vị thuộc Bộ", "", "recurring"},
	})
	if len(r.Indicators) != 0 {
		t.Errorf("indicator tables: %+v", r.Indicators)
	}
}

// A provincial plan's table with one "Đơn vị thực hiện" column that
// states both roles ("Sở TT&TT chủ trì, phối hợp với Sở KH&ĐT, Sở Tài
// chính"), abbreviations and the deadline cells plans use.
func TestCombinedRoleColumn(t *testing.T) {
	r := read(t, "../../testdata/tasks/ke-hoach-don-vi-thuc-hien.txt")
	check(t, r.Tasks, []want{
		{"PL01/1", "Sở TT&TT", "Sở KH&ĐT|Sở Tài chính", "2024-09-30", "in_quarter"},
		{"PL01/2", "Sở TN&MT", "UBND các huyện, thành phố", "2024-09-30", "in_month"},
		{"PL01/3", "Sở LĐ-TB&XH", "", "2024-12-31", "in_quarter"},
		{"PL01/4", "Văn phòng UBND tỉnh", "", "", "recurring"},
	})
}

// Corpus 002 (QĐ 3745/QĐ-UBND Tây Ninh): a land-use plan's table in the
// body: "Chỉ tiêu sử dụng đất" | "Tổng diện tích", a second header line of
// commune names, a column-numbering line with a formula, dash rows that are
// components of the numbered row above.
func TestLandUseTable(t *testing.T) {
	r := read(t, "../../testdata/tasks/qd-ke-hoach-su-dung-dat-excerpt.txt")
	if len(r.Indicators) != 1 {
		t.Fatalf("indicator tables: %+v", r.Indicators)
	}
	a := r.Indicators[0]
	var got []string
	for _, row := range a.Rows {
		p := ""
		if row.Parent != nil {
			p = " < " + *row.Parent
		}
		got = append(got, row.Indicator+"="+deref(row.Target)+p)
	}
	want := []string{"TỔNG=58.095,49", "Đất nông nghiệp=51.278,15", "Đất lúa nước=17.214,32", "Đất chuyên trồng lúa nước=12.058,66",
		"Đất chuyên trồng lúa nước còn lại=5.155,65", "Đất phát triển hạ tầng=2.910,14",
		"Đất giao thông=1.303,86 < Đất phát triển hạ tầng", "Đất thủy lợi=1.281,65 < Đất phát triển hạ tầng"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a.Title != "Diện tích các loại đất phân bổ trong năm kế hoạch" {
		t.Errorf("title %q", a.Title)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestHTMLTaskTable(t *testing.T) {
	r := read(t, "../../testdata/tasks/ke-hoach-html.txt")
	// the section row "I" is not a task; the rowspan lead covers row 2
	check(t, r.Tasks, []want{
		{"PL/1", "Các doanh nghiệp viễn thông", "Sở TT&TT|UBND các huyện, thành phố", "2025-12-31", "in_year"},
		{"PL/2", "Các doanh nghiệp viễn thông", "Sở Thông tin và Truyền thông", "2024-12-31", "in_year"},
	})
}

func TestFlattenedIndicatorTable(t *testing.T) {
	r := read(t, "../../testdata/qd-79-2023-langson.txt")
	if len(r.Indicators) != 1 {
		t.Fatalf("%d indicator tables", len(r.Indicators))
	}
	a := r.Indicators[0]
	if len(a.Rows) != 35 || len(a.Columns) != 6 || !strings.HasPrefix(a.Title, "GIAO THỰC HIỆN") {
		t.Fatalf("rows=%d columns=%v title=%q", len(a.Rows), a.Columns, a.Title)
	}
	byName := map[string]Row{}
	for _, row := range a.Rows {
		byName[row.Indicator] = row
	}
	edu := byName["Phát triển thêm trường học đạt chuẩn quốc gia"]
	if strings.Join(edu.Lead, "|") != "Sở Giáo dục và Đào tạo" { // a cell broken over two lines
		t.Errorf("row 10 lead = %q", edu.Lead)
	}
	crime := byName["Giảm phạm pháp hình sự hằng năm"]
	if crime.STT != nil || crime.Unit != nil || *crime.Target != "≥ 3" || strings.Join(crime.Lead, "|") != "Công an tỉnh" {
		t.Errorf("crime row = %+v", crime)
	}
	poor := byName["Giảm tỷ lệ hộ nghèo"]
	if poor.LeadSource != "inherited" || strings.Join(poor.Lead, "|") != "Sở Lao động - Thương binh và Xã hội" {
		t.Errorf("poverty row = %+v", poor)
	}
	if r.Tasks != nil {
		t.Errorf("an indicator table read as tasks: %+v", r.Tasks)
	}
}
