package agency

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
)

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		q, name string
		want    bool
	}{
		{"so tai chinh", "Sở Tài chính", true},
		{"SỞ TÀI CHÍNH", "Sở Tài chính", true},
		{"Sở TC", "Sở Tài chính", true},
		{"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư", true},
		{"Sở KHĐT", "Sở Kế hoạch và Đầu tư", true},
		{"so ke hoach va dau tu", "Sở KH và ĐT", true},
		{"Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội", true},
		{"Sở TN&MT", "Sở Tài nguyên và Môi trường", true},
		{"BHXH tỉnh", "Bảo hiểm xã hội tỉnh", true},
		{"UBND tỉnh", "Ủy ban nhân dân tỉnh", true},
		{"Uỷ ban nhân dân tỉnh", "UBND tỉnh", true},
		{"Sở Tài chính", "Giám đốc Sở Tài chính", true},
		{"Sở Tài chính", "các sở, ban, ngành", false},
		{"Sở Tài chính", "Sở Tài nguyên và Môi trường", false},
		{"UBND tỉnh", "UBND các huyện, thành phố", false},
		{"Sở Tài chính", "Sở Kế hoạch và Đầu tư", false},
		{"các sở, ban, ngành", "Các sở, ban, ngành", true},
	} {
		if got := Match(c.q, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.q, c.name, got, c.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"Sở KH&ĐT":                   "Sở Kế hoạch và Đầu tư",
		"SỞ KẾ HOẠCH VÀ ĐẦU TƯ":      "Sở Kế hoạch và Đầu tư",
		"Sở VHTTDL":                  "Sở Văn hóa, Thể thao và Du lịch",
		"UBND tỉnh":                  "Ủy ban nhân dân tỉnh",
		"Sở Tài chính tỉnh Lạng Sơn": "Sở Tài chính",
	} {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
	if !IsGroup("UBND các huyện, thành phố") || !IsGroup("các sở, ban, ngành") || IsGroup("Sở Y tế") {
		t.Error("IsGroup")
	}
}

func TestScan(t *testing.T) {
	for _, c := range []struct {
		text                string
		lead, coop, reports string
	}{
		{"Sở Kế hoạch và Đầu tư chủ trì, phối hợp Sở Tài chính và cơ quan liên quan tổ chức kiểm điểm.",
			"Sở Kế hoạch và Đầu tư", "Sở Tài chính|cơ quan liên quan", ""},
		{"Cục Thuế, Cục Hải quan, UBND các huyện, thành phố giao nhiệm vụ thu ngân sách nhà nước năm 2023 cho các đơn vị trực thuộc.",
			"Cục Thuế|Cục Hải quan|UBND các huyện, thành phố", "", ""},
		{"Các sở chuyên ngành (gồm các Sở: Xây dựng, Giao thông vận tải, Nông nghiệp và Phát triển nông thôn) theo chức năng, nhiệm vụ tiếp tục chủ trì rà soát, báo cáo, đề xuất UBND tỉnh ban hành.",
			"Sở Xây dựng|Sở Giao thông vận tải|Sở Nông nghiệp và Phát triển nông thôn", "", "UBND tỉnh"},
		{"Các cơ quan chủ trì (gồm các Sở: Nông nghiệp và Phát triển nông thôn, Lao động - Thương binh và Xã hội, Ban Dân tộc tỉnh) chủ động theo dõi.",
			"Sở Nông nghiệp và Phát triển nông thôn|Sở Lao động - Thương binh và Xã hội|Ban Dân tộc tỉnh", "", ""},
		{"Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các Sở: Tài chính, Nội vụ tổ chức thực hiện.",
			"Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính|Sở Nội vụ", ""},
		{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chủ động bố trí kinh phí.",
			"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "", ""},
		{"Bộ Tư pháp chủ trì, phối hợp với Vụ Phổ biến, giáo dục pháp luật hướng dẫn thực hiện.",
			"Bộ Tư pháp", "Vụ Phổ biến, giáo dục pháp luật", ""},
		{"các đơn vị, UBND các huyện, thành phố căn cứ các thỏa thuận viện trợ báo cáo UBND tỉnh (qua Sở Tài chính đối với vốn chi thường xuyên, Sở Kế hoạch và Đầu tư đối với vốn đầu tư).",
			"các đơn vị|UBND các huyện, thành phố", "", "UBND tỉnh|Sở Tài chính|Sở Kế hoạch và Đầu tư"},
		// a permission, a partner-only sentence, an accountability
		{"Cho phép UBND các huyện chủ động sử dụng nguồn dự phòng.", "", "", ""},
		{"Phối hợp với Tổng cục Thể dục thể thao tổ chức giải vô địch.", "", "", ""},
		{"Ngân sách tỉnh hỗ trợ 50% kinh phí cho đầu tư xây dựng.", "", "", ""},
		// corpus 003 (QĐ 1056/QĐ-CT Tuyên Quang): a distributive list after a title
		{"Các ông (bà): Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Kế hoạch và Đầu tư, Lao động - Thương binh và Xã hội, Giám đốc Kho bạc nhà nước Tuyên Quang, Chủ tịch Uỷ ban nhân dân các huyện, thành phố và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
			"Chánh Văn phòng UBND tỉnh|Giám đốc Sở Tài chính|Giám đốc Sở Kế hoạch và Đầu tư|Giám đốc Sở Lao động - Thương binh và Xã hội|Giám đốc Kho bạc nhà nước Tuyên Quang|Chủ tịch Uỷ ban nhân dân các huyện, thành phố|Thủ trưởng các cơ quan, đơn vị có liên quan", "", ""},
		// corpus 009 (CV 778/TCHQ-GSQL): "nơi …" belongs to the name
		{"Chi cục Hải quan nơi đăng ký tờ khai thực hiện xem xét, phê duyệt khai sửa đổi, bổ sung theo quy định tại Điều 20 Thông tư 38/2015/TT-BTC.",
			"Chi cục Hải quan nơi đăng ký tờ khai", "", ""},
		// corpus 013 (NĐ 87/2025/NĐ-CP): "trực thuộc trung ương" is a name
		{"2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức thực hiện thanh tra, kiểm tra, xử lý kịp thời nghiêm minh các hành vi vi phạm.",
			"Bộ trưởng|Thủ trưởng cơ quan ngang bộ|Thủ trưởng cơ quan thuộc Chính phủ|Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "", ""},
		// corpus 031 (NQ 1659/NQ-UBTVQH15): "các …" opens a new member; "việc thực hiện sắp xếp" is a noun
		{"3. Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội thành phố Đà Nẵng, trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.",
			"Hội đồng Dân tộc|các Ủy ban của Quốc hội|Đoàn đại biểu Quốc hội|đại biểu Quốc hội thành phố Đà Nẵng", "", ""},
		{"1. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân thành phố Đà Nẵng, chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi hành Nghị quyết này.",
			"Chính phủ|Hội đồng nhân dân|Ủy ban nhân dân thành phố Đà Nẵng|chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp|các cơ quan, tổ chức", "", ""},
		// seed 7.4: a subject after a short adverbial phrase
		{"Đối với số thu tiền sử dụng đất và các nguồn thu khác gắn với nhiệm vụ chi cụ thể, trong điều hành các cơ quan, tổ chức căn cứ dự toán được giao và tiến độ thu thực tế để thực hiện.",
			"các cơ quan, tổ chức", "", ""},
		// corpus 015, 029: "quy định" is the delegated task
		{"Thủ tướng Chính phủ quy định cơ cấu tổ chức của Tổng cục Hải quan.", "Thủ tướng Chính phủ", "", ""},
		{"Chính phủ quy định chi tiết Điều này.", "Chính phủ", "", ""},
		// corpus 015: "Thanh tra, kiểm tra" is a verb, not an agency
		{"Thanh tra, kiểm tra việc thực hiện chính sách, pháp luật về hải quan theo quy định của pháp luật.", "", "", ""},
	} {
		var lead, coop, rep []string
		for _, f := range Scan(c.text, nil) {
			lead = append(lead, f.Lead...)
			coop = append(coop, f.Cooperate...)
			rep = append(rep, f.ReportTo...)
		}
		if got := strings.Join(lead, "|"); got != c.lead {
			t.Errorf("%q\nlead = %q, want %q", c.text, got, c.lead)
		}
		if got := strings.Join(coop, "|"); got != c.coop {
			t.Errorf("%q\ncooperate = %q, want %q", c.text, got, c.coop)
		}
		if got := strings.Join(rep, "|"); got != c.reports {
			t.Errorf("%q\nreport_to = %q, want %q", c.text, got, c.reports)
		}
	}
}

// corpus 003: a list after "phối hợp với" goes on over a comma; the
// inherited lead (the item's heading) does the task.
func TestScanInheritedCooperate(t *testing.T) {
	fs := Scan("- Chủ trì phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư có trách nhiệm hướng dẫn kiểm tra, giám sát cấp huyện tổ chức, quản lý, thực hiện chính sách trợ giúp.",
		[]string{"Sở Lao động, Thương binh và Xã hội"})
	if len(fs) != 1 || strings.Join(fs[0].Lead, "|") != "Sở Lao động, Thương binh và Xã hội" ||
		strings.Join(fs[0].Cooperate, "|") != "Sở Tài chính|Sở Kế hoạch và Đầu tư" {
		t.Errorf("got %+v", fs)
	}
}

func TestScanCell(t *testing.T) {
	for in, want := range map[string]string{
		"Các sở: Kế hoạch và Đầu tư, Tài chính, Công Thương, Xây dựng; UBND các huyện, thành phố": "Sở Kế hoạch và Đầu tư|Sở Tài chính|Sở Công Thương|Sở Xây dựng|UBND các huyện, thành phố",
		"Ban Quản lý Khu KTCK Đồng Đăng - Lạng Sơn, UBND các huyện, thành phố":                    "Ban Quản lý Khu KTCK Đồng Đăng - Lạng Sơn|UBND các huyện, thành phố",
		"Sở Công Thương, Cục Hải quan":                                   "Sở Công Thương|Cục Hải quan",
		"Các sở, ban, ngành, UBND các huyện, thành phố":                  "Các sở, ban, ngành|UBND các huyện, thành phố",
		"Sở TT&TT; UBND các huyện, thành phố và các đơn vị có liên quan": "Sở TT&TT|UBND các huyện, thành phố|các đơn vị có liên quan",
	} {
		if got := strings.Join(ScanCell(in), "|"); got != want {
			t.Errorf("ScanCell(%q)\n= %q\nwant %q", in, got, want)
		}
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
