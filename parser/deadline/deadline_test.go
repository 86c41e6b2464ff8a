package deadline

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/parser"
)

var ctx2023 = Context{Year: 2023, Date: time.Date(2023, 1, 19, 0, 0, 0, 0, time.UTC)}

func TestScan(t *testing.T) {
	for _, c := range []struct {
		text, want, kind string // want "" = no deadline; "-" = recurring
	}{
		{"gửi Sở Tài chính trước ngày 15/02/2023, với mục tiêu", "2023-02-15", Before},
		{"hoàn thành 100% kế hoạch vốn trước 31/12/2023 (bao gồm", "2023-12-31", Before},
		{"bảo đảm khởi công chậm nhất trong tháng 6/2023 và", "2023-06-30", NoLaterThan},
		{"giải ngân đến hết ngày 30/9/2023 đạt tối thiểu 30%", "2023-09-30", By},
		{"triển khai ngay trong quý I/2023, ban hành", "2023-03-31", InQuarter},
		{"hoàn thành trong tháng 02/2023, trình UBND tỉnh", "2023-02-28", InMonth},
		{"trước ngày 15 tháng 11 năm ngân sách hiện hành", "2023-11-15", Before},
		{"báo cáo trước ngày 15 tháng 11 để tổng hợp", "2023-11-15", Before},
		{"Trước ngày 31/01/2023, xây dựng, ban hành kế hoạch", "2023-01-31", Before},
		{"hoàn thành chậm nhất trong quý I/2023; thực hiện", "2023-03-31", NoLaterThan},
		{"đến hết niên độ ngân sách năm 2023 hoàn thành giải ngân", "2023-12-31", By},
		{"trình trước tháng 6/2023", "2023-05-31", Before},
		{"Tiếp tục tổ chức họp chuyên đề hằng tháng về công tác", "-", Recurring},
		{"báo cáo theo định kỳ (hằng tháng, quý và cả năm) về Sở", "-", Recurring},
		{"Định kỳ hằng tháng, quý, 6 tháng, 9 tháng và cả năm, UBND", "-", Recurring},
		// not deadlines
		{"chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh về kết quả", "", ""},
		{"số tiền nhà đầu tư đã ứng trước được đối trừ", "", ""},
		{"các dự án phê duyệt trước ngày Luật Đầu tư công có hiệu lực", "", ""},
		{"Đối với nhóm dự án hoàn thành đến ngày 31/12/2022: chủ đầu tư", "", ""},
		{"theo Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính phủ", "", ""},
		{"phấn đấu năm 2023 có thêm 10 xã đạt chuẩn", "", ""},
		{"kế hoạch phân luồng đào tạo hằng năm gắn với", "", ""},
		{"đến năm 2025, tầm nhìn đến năm 2050", "", ""},
		{"hoàn thành muộn nhất ngày 30/6/2023", "2023-06-30", NoLaterThan},
		{"Hạn cuối nộp hồ sơ: 30/6/2023", "2023-06-30", By},
		// a class of cases, not a duty
		{"Đối với các dự án được phê duyệt trước ngày 30/6/2023 thì tiếp tục thực hiện theo quyết định đã phê duyệt.", "", ""},
		// plans state the time of a task as "Thời gian hoàn thành: …"
		{"Thời gian hoàn thành: Quý III/2023.", "2023-09-30", InQuarter},
		{"hoàn thành trong 6 tháng đầu năm 2023", "2023-06-30", InMonth},
		// corpus 029 (Luật Đất đai 2024): a day every year; a year the text does not fix
		{"6. Bộ Tài nguyên và Môi trường tổng hợp kết quả thống kê đất đai hằng năm của cả nước và công bố trước ngày 30 tháng 6 hằng năm; tổng hợp báo cáo", "-", Recurring},
		{"báo cáo Bộ Tài nguyên và Môi trường trước ngày 31 tháng 3 của năm kế tiếp, trừ năm kiểm kê đất đai.", "", ""},
		// corpus 029: how long a law still applies is no deadline
		{"Luật Đất đai số 45/2013/QH13 được tiếp tục áp dụng đến hết ngày 31 tháng 12 năm 2025; trường hợp", "", ""},
		// corpus 013 (NĐ 87/2025/NĐ-CP): a window for filing is one
		{"kể từ thời điểm Nghị định này có hiệu lực thi hành đến hết ngày 31 tháng 7 năm 2025. Không áp dụng", "2025-07-31", By},
		// corpus 003, 006: an amount paid monthly, "định kỳ hạn" (set the terms)
		{"1 - Mức trợ cấp hàng tháng cho các đối tượng bảo trợ xã hội sống tại cộng đồng", "", ""},
		{"MỨC TRỢ CẤP XÃ HỘI HÀNG THÁNG CHO CÁC ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI SỐNG TẠI CỘNG ĐỒNG", "", ""},
		{"8. Ngân hàng Chính sách xã hội hướng dẫn về hồ sơ, trình tự, thủ tục vay vốn, định kỳ hạn trả nợ, điều chỉnh kỳ hạn nợ", "", ""},
		// provincial plans: a day of every month or quarter; a month without a year is the document's
		{"Các sở, ngành báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 20 hằng tháng.", "-", Recurring},
		{"Các sở báo cáo UBND tỉnh trước ngày 10 của tháng cuối quý.", "-", Recurring},
		{"Sở Nội vụ trình UBND tỉnh trong tháng 3.", "2023-03-31", InMonth},
		{"Sở Tài chính trình UBND tỉnh chậm nhất trong tháng 10.", "2023-10-31", NoLaterThan},
		{"gửi Sở Kế hoạch và Đầu tư trước ngày 15 của tháng cuối kỳ báo cáo.", "-", Recurring},
		{"Chủ trì thẩm định dự toán; thời gian: tháng 6/2023.", "2023-06-30", InMonth},
		{"báo cáo trong tháng 6 và tháng 12 hằng năm.", "-", Recurring},
		{"báo cáo trong Quý I hằng năm.", "-", Recurring},
		{"Sở Y tế hoàn thành trong quý IV.", "2023-12-31", InQuarter},
		{"Thời gian thực hiện: Năm 2023 - 2025", "2025-12-31", InYear},
		{"Thời gian thực hiện: Thường xuyên.", "-", Recurring},
		{"Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này, hằng năm báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện.", "-", Recurring},
		{"hoàn thành trong tháng 3 năm sau", "", ""},
		{"tổ chức trong tháng 6 - 9/2023", "", ""},
		// corpus 029: a portal's bracketed guidance note belongs to another instrument
		{"[Ủy ban nhân dân cấp xã có trách nhiệm báo cáo kết quả thực hiện quy hoạch, kế hoạch sử dụng đất đến Ủy ban nhân dân cấp tỉnh trước ngày 15 tháng 10 hằng năm theo quy định tại Điểm e Khoản 1 Điều 14 Nghị định 151/2025/NĐ-CP có hiệu lực từ ngày 01/07/2025 (VB hết hiệu lực: 01/03/2027)]", "", ""},
	} {
		fs := Scan(c.text, ctx2023)
		var got []Found
		for _, f := range fs {
			if f.Kind != From {
				got = append(got, f)
			}
		}
		switch {
		case c.want == "":
			if len(got) != 0 {
				t.Errorf("%q: got %+v, want no deadline", c.text, got)
			}
		case len(got) != 1:
			t.Errorf("%q: got %d deadlines %+v, want 1", c.text, len(got), got)
		case c.want == "-":
			if got[0].Kind != Recurring || got[0].Date != nil {
				t.Errorf("%q: got %+v, want recurring", c.text, got[0])
			}
		default:
			if got[0].Date == nil || *got[0].Date != c.want || got[0].Kind != c.kind {
				t.Errorf("%q: got %v %s, want %s %s", c.text, deref(got[0].Date), got[0].Kind, c.want, c.kind)
			}
		}
	}
}

// a text without a date (scraped without its header) still has a day of every year
func TestYearlyUndated(t *testing.T) {
	fs := Scan("Sở Lao động - Thương binh và Xã hội tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.", Context{})
	if len(fs) != 1 || fs[0].Kind != Recurring || fs[0].Text != "trước ngày 15/12 hằng năm" {
		t.Errorf("got %+v", fs)
	}
	if fs := Scan("Sở Y tế hoàn thành trong tháng 3.", Context{}); len(fs) != 0 {
		t.Errorf("a month without any year: %+v", fs)
	}
}

// a month or quarter without a year that is already over is a past event
func TestMonthNoYearPast(t *testing.T) {
	c := Context{Year: 2024, Date: time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC)}
	if fs := Scan("Trong tháng 3, toàn tỉnh đã tổ chức 20 hội nghị.", c); len(fs) != 0 {
		t.Errorf("past month read as a deadline: %+v", fs)
	}
	if fs := Scan("Sở Y tế hoàn thành trong quý III.", c); len(fs) != 1 || deref(fs[0].Date) != "2024-09-30" {
		t.Errorf("got %+v", fs)
	}
}

// a reporting regime gives the day of each period in parentheses
func TestRecurringParen(t *testing.T) {
	fs := Scan("UBND các huyện, thành phố báo cáo định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) về Sở Nội vụ.", ctx2023)
	var texts []string
	for _, f := range fs {
		if f.Kind != Recurring || f.Date != nil {
			t.Errorf("got %+v, want recurring", f)
		}
		texts = append(texts, f.Text)
	}
	if strings.Join(texts, "|") != "định kỳ 6 tháng|trước ngày 15/6|trước ngày 15/12" {
		t.Errorf("got %q", texts)
	}
}

// corpus 006 line 53: a bare "Định kỳ" before a recurring deadline is
// part of it, one deadline.
func TestRecurringBareDinhKy(t *testing.T) {
	fs := Scan("3. Định kỳ trước ngày 15 tháng 12 hằng năm và khi có yêu cầu, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm báo cáo kết quả.", ctx2023)
	if len(fs) != 1 || fs[0].Kind != Recurring || fs[0].Text != "Định kỳ trước ngày 15 tháng 12 hằng năm" ||
		strings.HasPrefix(fs[0].What, "Định kỳ") {
		t.Errorf("got %+v", fs)
	}
}

func TestEffective(t *testing.T) {
	fs := Scan("Từ ngày 01/7/2023, thực hiện tăng lương cơ sở", ctx2023)
	if len(fs) != 1 || fs[0].Kind != From || *fs[0].Date != "2023-07-01" {
		t.Errorf("got %+v", fs)
	}
	fs = Scan("Quyết định này có hiệu lực kể từ ngày ký.", ctx2023)
	if len(fs) != 1 || fs[0].Kind != From || *fs[0].Date != "2023-01-19" {
		t.Errorf("got %+v", fs)
	}
	// corpus 018 l.105, 013 l.30, 030 l.62: "ngày ký ban hành" is one phrase; the "what" is the instrument only
	fs = Scan("Thông tư này có hiệu lực thi hành kể từ ngày ký ban hành.", ctx2023)
	if len(fs) != 1 || fs[0].Text != "có hiệu lực thi hành kể từ ngày ký ban hành" || fs[0].What != "Thông tư này" {
		t.Errorf("got %+v", fs)
	}
}

func TestCell(t *testing.T) {
	for _, c := range []struct{ text, want, kind string }{
		{"Quý II, III/2015", "2015-09-30", InQuarter},
		{"Năm 2024", "2024-12-31", InYear},
		{"2024-2025", "2025-12-31", InYear},
		{"Cuối năm", "2023-12-31", InYear},
		{"Trước 30/6/2023", "2023-06-30", Before},
		{"Tháng 6/2023", "2023-06-30", InMonth},
		{"Thường xuyên", "", Recurring},
		{"Hàng năm", "", Recurring},
		// task-table cells of provincial plans
		{"Quý III năm 2024", "2024-09-30", InQuarter},
		{"Qúy III/2024", "2024-09-30", InQuarter},
		{"Tháng 6 - 9/2024", "2024-09-30", InMonth},
		{"Tháng 9, 10/2024", "2024-10-31", InMonth},
		{"T6/2024", "2024-06-30", InMonth},
		{"6 tháng đầu năm 2024", "2024-06-30", InMonth},
		{"Năm học 2024-2025", "2025-12-31", InYear},
		{"Trước 30/6/2024", "2024-06-30", Before},
		{"Quý II", "2023-06-30", InQuarter},
		{"Tháng 11, 12", "2023-12-31", InMonth},
		{"Năm 2024, 2025", "2025-12-31", InYear},
		{"Quý II hằng năm", "", Recurring},
	} {
		fs := Cell(c.text, ctx2023)
		if len(fs) != 1 || fs[0].Kind != c.kind || deref(fs[0].Date) != c.want {
			t.Errorf("Cell(%q) = %+v, want %s %s", c.text, fs, c.want, c.kind)
		}
	}
	if fs := Cell("Từ tháng 3/2024", ctx2023); len(fs) != 0 {
		t.Errorf("a start read as a deadline: %+v", fs)
	}
	if fs := Cell("Qúy III/2024", ctx2023); len(fs) != 1 || fs[0].Text != "Qúy III/2024" {
		t.Errorf("cell text not as written: %+v", fs)
	}
	if fs := Cell("Sở Tài chính", ctx2023); len(fs) != 0 {
		t.Errorf("agency cell read as a deadline: %+v", fs)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestLineBreakOffsets(t *testing.T) {
	text := "gửi báo cáo trước\nngày 15/02/2023."
	fs := Scan(text, ctx2023)
	if len(fs) != 1 || text[fs[0].Start:fs[0].End] != "trước\nngày 15/02/2023" || fs[0].Text != "trước\nngày 15/02/2023" {
		t.Errorf("got %+v", fs)
	}
}

func BenchmarkExtractSeed(b *testing.B) {
	data, err := os.ReadFile("../../testdata/qd-79-2023-langson.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := parser.Parse("seed", string(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(doc)
	}
}

// corpus 009 (CV 778/TCHQ-GSQL, line 130): "TP." of a place name does not
// end the sentence that says what is due.
func TestWhatOverPlaceAbbreviation(t *testing.T) {
	text := "Trong thời gian chờ nâng cấp Hệ thống, Cục Hải quan TP. Hồ Chí Minh hướng dẫn Chi cục HQCK cảng SGKV 1 triển khai thời gian thực hiện song song 2 quy trình đến hết ngày 26/3/2017."
	fs := Scan(text, Context{Year: 2017})
	if len(fs) != 1 {
		t.Fatalf("got %+v", fs)
	}
	if !strings.Contains(fs[0].What, "Cục Hải quan TP. Hồ Chí Minh hướng dẫn") {
		t.Errorf("what = %q", fs[0].What)
	}
}

// A paragraph's label is not part of what is due: corpus 019 (Thông tư
// 56/2024/TT-BTC, Điều 5 khoản 2), 031 (Nghị quyết 1659/NQ-UBTVQH15) and
// an effective date in 024 (Nghị quyết 01/2020/NQ-HĐTP).
func TestWhatWithoutItemLabel(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"2. Chậm nhất là ngày 05 hàng tháng, tổ chức thu phí phải gửi số tiền phí đã thu của tháng trước vào tài khoản phí chờ nộp ngân sách của tổ chức thu phí mở tại Kho bạc Nhà nước.",
			"tổ chức thu phí phải gửi số tiền phí đã thu"},
		{"2. Giao Chính phủ, căn cứ vào Nghị quyết này và Đề án số 403/ĐA-CP ngày\n09 tháng 5 năm 2025 của Chính phủ, tổ chức việc xác định chính xác diện\ntích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai\ntrước ngày 30 tháng 9 năm 2025; đồng thời, khẩn trương",
			"tổ chức việc xác định"},
		{"1. Nghị quyết này đã được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 21 tháng 02 năm 2020 và có hiệu lực thi hành kể từ ngày 10 tháng 4 năm 2020.",
			"Nghị quyết này đã được"},
		{"a) Trước ngày 31/01/2025, Sở Tài chính tổng hợp, báo cáo.", "Sở Tài chính tổng hợp"},
	} {
		fs := Scan(c.text, Context{Year: 2025, Date: time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)})
		if len(fs) == 0 {
			t.Errorf("%q: nothing found", c.text)
			continue
		}
		if w := fs[len(fs)-1].What; !strings.HasPrefix(w, c.want) {
			t.Errorf("%q: what = %q, want it to start with %q", c.text, w, c.want)
		}
	}
}

// A note in parentheses before the deadline, with its own ":", is part of
// the clause, not its start: corpus 013 (Nghị định giảm tiền thuê đất,
// Điều 5 khoản 1).
func TestWhatOverParenthesis(t *testing.T) {
	text := "1. Người sử dụng đất nộp 01 Giấy đề nghị giảm tiền thuê đất (bằng các phương thức: Gửi trực tiếp, gửi qua dịch vụ bưu chính, gửi qua phương thức điện tử hoặc gửi qua hình thức khác theo quy định của pháp luật về quản lý thuế) cho cơ quan thuế hoặc cơ quan khác theo quy định của pháp luật về đất đai, pháp luật về quản lý thuế kể từ thời điểm Nghị định này có hiệu lực thi hành đến hết ngày 31 tháng 7 năm 2025."
	fs := Scan(text, Context{Year: 2025})
	if len(fs) != 1 {
		t.Fatalf("got %+v", fs)
	}
	if want := "Người sử dụng đất nộp 01 Giấy đề nghị giảm tiền thuê đất"; !strings.HasPrefix(fs[0].What, want) {
		t.Errorf("what = %q, want it to start with %q", fs[0].What, want)
	}
}

// corpus 032 (NQ 1655/NQ-UBTVQH15, line 294): a resolution in force "từ
// ngày được thông qua" takes effect on the adoption date its closing line
// states (line 325), else on the document's date. (The header here is
// dated later than the adoption, to tell the two apart.)
func TestEffectiveFromAdoption(t *testing.T) {
	const sentence = "Nghị quyết này có hiệu lực thi hành từ ngày được thông qua."
	at := func(closing string) []string {
		text := "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nSố: 1655/NQ-UBTVQH15\n\nHà Nội, ngày 20 tháng 6 năm 2025\n\nNGHỊ QUYẾT\n\nVỀ VIỆC SẮP XẾP\n\nĐiều 1. Sắp xếp\n\nSắp xếp các xã.\n\nĐiều 2. Hiệu lực thi hành\n\n1. " + sentence + "\n\n" + closing
		doc, _ := parser.Parse("nq", text)
		var out []string
		for _, d := range Extract(doc).EffectiveDates {
			if d.Date != nil {
				out = append(out, *d.Date)
			}
		}
		return out
	}
	// the closing line's date, not the header's
	if got := at("Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ\nnghĩa Việt Nam khóa XV thông qua ngày 16 tháng 6 năm 2025.\n"); !reflect.DeepEqual(got, []string{"2025-06-16"}) {
		t.Errorf("with closing line: got %q", got)
	}
	// no closing line: the document's date
	if got := at(""); !reflect.DeepEqual(got, []string{"2025-06-20"}) {
		t.Errorf("without closing line: got %q", got)
	}
	// "thông quan" (customs clearance) is not adoption
	if fs := Scan("Quy định này có hiệu lực từ ngày thông quan hàng hóa.", ctx2023); len(fs) != 0 {
		t.Errorf("thông quan: got %+v", fs)
	}
}

// corpus 032 lines 314–317 (without its "Giao …, căn cứ vào …," opening,
// which what now skips): a "what" longer than 160 characters ends at the
// last whole word that fits, not in the middle of one ("… của c")
func TestWhatWordBoundary(t *testing.T) {
	text := "2. Chính phủ, căn cứ vào Nghị quyết này và Đề án số 364/ĐA-CP ngày\n" +
		"09 tháng 5 năm 2025 của Chính phủ, tổ chức việc xác định chính xác diện\n" +
		"tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai\n" +
		"trước ngày 30 tháng 9 năm 2025; đồng thời, khẩn trương triển khai công\n" +
		"tác đo đạc, xác định phạm vi ranh giới của các đơn vị hành chính trên\n" +
		"thực địa để lập hồ sơ về địa giới đơn vị hành chính theo quy định."
	fs := Scan(text, Context{Year: 2025, Date: time.Date(2025, 6, 16, 0, 0, 0, 0, time.UTC)})
	if len(fs) != 1 {
		t.Fatalf("got %+v", fs)
	}
	want := "Chính phủ, căn cứ vào Nghị quyết này và Đề án số 364/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ, tổ chức việc xác định chính xác diện tích tự nhiên của các"
	if fs[0].What != want {
		t.Errorf("what = %q, want %q", fs[0].What, want)
	}
	if n := len([]rune(fs[0].What)); n > 160 {
		t.Errorf("what has %d characters, more than 160", n)
	}
}

// corpus 032 (Nghị quyết, lines 314–317): in "Giao <agency>, căn cứ vào
// <basis>, <duty> …" what is due starts at the duty, not at "Giao".
func TestWhatAfterGiaoBasis(t *testing.T) {
	text := "2. Giao Chính phủ, căn cứ vào Nghị quyết này và Đề án số 364/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ, tổ chức việc xác định chính xác diện tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai trước ngày 30 tháng 9 năm 2025; đồng thời, khẩn trương triển khai công tác đo đạc."
	fs := Scan(text, Context{Year: 2025, Date: time.Date(2025, 6, 16, 0, 0, 0, 0, time.UTC)})
	if len(fs) != 1 || fs[0].Date == nil || *fs[0].Date != "2025-09-30" {
		t.Fatalf("got %+v", fs)
	}
	if want := "tổ chức việc xác định chính xác diện tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai"; fs[0].What != want {
		t.Errorf("what = %q, want %q", fs[0].What, want)
	}
	// without a duty verb after the basis, the clause stays whole
	fs = Scan("Giao Chính phủ, căn cứ vào Nghị quyết này, Bộ Tài chính hoàn thành trước ngày 30 tháng 9 năm 2025.", Context{Year: 2025})
	if len(fs) != 1 || !strings.HasPrefix(fs[0].What, "Giao Chính phủ") {
		t.Errorf("got %+v", fs)
	}
}
