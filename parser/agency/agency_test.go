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
		"Sở KH&ĐT":                          "Sở Kế hoạch và Đầu tư",
		"SỞ KẾ HOẠCH VÀ ĐẦU TƯ":             "Sở Kế hoạch và Đầu tư",
		"Sở VHTTDL":                         "Sở Văn hóa, Thể thao và Du lịch",
		"UBND tỉnh":                         "Ủy ban nhân dân tỉnh",
		"Sở Tài chính tỉnh Lạng Sơn":        "Sở Tài chính",
		"Sở VH,TT&DL":                       "Sở Văn hóa, Thể thao và Du lịch",
		"BQL các KCN tỉnh":                  "Ban Quản lý các khu công nghiệp tỉnh",
		"Đài PT-TH tỉnh":                    "Đài Phát thanh và Truyền hình tỉnh",
		"Đài Phát thanh - Truyền hình tỉnh": "Đài Phát thanh và Truyền hình tỉnh",
		"Sở Nông nghiệp & PTNT":             "Sở Nông nghiệp và Phát triển nông thôn",
		"Sở GD-ĐT":                          "Sở Giáo dục và Đào tạo",
		"Sở Giáo dục - Đào tạo":             "Sở Giáo dục và Đào tạo",
		"UBMTTQVN tỉnh":                     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
		"Sở Văn hoá - Thể thao và Du lịch":  "Sở Văn hóa, Thể thao và Du lịch",
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
		// corpus 018 line 28, 027 line 84: the bare nouns after "các" of a
		// list are its members ("địa phương" is "các địa phương")
		{"Bộ Nội vụ chủ trì, phối hợp với các Bộ, cơ quan và địa phương liên quan tổ chức xác định đường địa giới đơn vị hành chính.",
			"Bộ Nội vụ", "các Bộ|cơ quan|địa phương liên quan", ""},
		{"Mặt trận Tổ quốc Việt Nam chủ trì, phối hợp với các tổ chức thành viên của Mặt trận và cơ quan, tổ chức có liên quan tổ chức việc giám sát của cộng đồng đối với tài sản công.",
			"Mặt trận Tổ quốc Việt Nam", "các tổ chức thành viên của Mặt trận|cơ quan|tổ chức có liên quan", ""},
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
		// corpus 018 (TT 11/2024/TT-BNV) l.85: "tiến hành" is a verb that ends the subject
		{"2. Đối với hồ sơ địa giới đơn vị hành chính còn lại, Ủy ban nhân dân cấp tỉnh tiến hành bàn giao để quản lý, khai thác và sử dụng theo quy định của pháp luật về lưu trữ như sau:",
			"Ủy ban nhân dân cấp tỉnh", "", ""},
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
			"Chính phủ|Hội đồng nhân dân thành phố Đà Nẵng|Ủy ban nhân dân thành phố Đà Nẵng|chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp|các cơ quan, tổ chức khác có liên quan", "", ""},
		// seed 7.4: a subject after a short adverbial phrase
		{"Đối với số thu tiền sử dụng đất và các nguồn thu khác gắn với nhiệm vụ chi cụ thể, trong điều hành các cơ quan, tổ chức căn cứ dự toán được giao và tiến độ thu thực tế để thực hiện.",
			"các cơ quan, tổ chức", "", ""},
		// corpus 015, 029: "quy định" is the delegated task
		{"Thủ tướng Chính phủ quy định cơ cấu tổ chức của Tổng cục Hải quan.", "Thủ tướng Chính phủ", "", ""},
		{"Chính phủ quy định chi tiết Điều này.", "Chính phủ", "", ""},
		// corpus 015: "Thanh tra, kiểm tra" is a verb, not an agency
		{"Thanh tra, kiểm tra việc thực hiện chính sách, pháp luật về hải quan theo quy định của pháp luật.", "", "", ""},
		// corpus 012 (CV 3397/BKHĐT-QLKTTW): the letter's closing names its addressee, not a receiver of reports
		{"Trên đây là ý kiến của Bộ Kế hoạch và Đầu tư gửi Tổng công ty Khí Việt Nam - CTCP (PV GAS) để tham khảo thực hiện.", "", "", ""},
		// corpus 018 (TT 11/2024/TT-BNV), 021 (TTLT 89/2016): verbs of several words
		{"a) Ủy ban nhân dân cấp tỉnh có văn bản đề nghị Bộ Tài nguyên và Môi trường kiểm tra, rà soát hồ sơ địa giới đơn vị hành chính.", "Ủy ban nhân dân cấp tỉnh", "", ""},
		{"b) Cơ quan hải quan ra quyết định cuối cùng về việc thông quan hàng hóa xuất khẩu, nhập khẩu, quá cảnh.", "Cơ quan hải quan", "", ""},
		// corpus 016 (NĐ 61-CP): a permission is no task; corpus 007: "xuất nhập khẩu" is a noun
		{"Các tổ chức trong nước, cá nhân là công dân Việt Nam định cư ở Việt Nam được phép kinh doanh nhà ở và phải thực hiện đăng ký kinh doanh.", "", "", ""},
		{"Cục trưởng Cục Thuế xuất nhập khẩu, Cục trưởng Cục Hải quan các tỉnh, thành phố, Thủ trưởng các đơn vị thuộc Tổng cục Hải quan chịu trách nhiệm thi hành Quyết định này.",
			"Cục trưởng Cục Thuế xuất nhập khẩu|Cục trưởng Cục Hải quan các tỉnh, thành phố|Thủ trưởng các đơn vị thuộc Tổng cục Hải quan", "", ""},
		// corpus 029 (Luật Đất đai 2024): verbs of the law's delegations
		{"Thủ tướng Chính phủ xem xét, chấp thuận việc thu hồi đất quốc phòng, an ninh.", "Thủ tướng Chính phủ", "", ""},
		{"Bộ trưởng Bộ Công an lấy ý kiến của Bộ Tài nguyên và Môi trường trước khi quyết định.", "Bộ trưởng Bộ Công an", "", ""},
		{"c) Sở hữu công trình do mình xây dựng trên đất thuê trong thời hạn thuê đất;", "", "", ""},
		// a department proposing to UBND tỉnh keeps the task; a ministry asking provinces hands it over
		{"Sở Tài chính đề nghị UBND tỉnh xem xét, quyết định.", "Sở Tài chính", "", "UBND tỉnh"},
		{"Bộ Kế hoạch và Đầu tư đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các cơ quan liên quan thực hiện.",
			"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "", ""},
		// corpus 013 (NĐ 87/2025): "người …" and "các đối tượng …" are members of the list;
		// corpus 027, 029: "… các cấp hoặc thông qua …" ends the actors; "tổ chức đăng ký đất đai" is a name
		{"4. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương, người sử dụng đất và các đối tượng khác có liên quan chịu trách nhiệm thi hành Nghị định này.",
			"Bộ trưởng|Thủ trưởng cơ quan ngang bộ|Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương|người sử dụng đất|các đối tượng khác có liên quan", "", ""},
		{"a) Mặt trận Tổ quốc Việt Nam các cấp hoặc thông qua các thành viên của Mặt trận thực hiện giám sát.", "Mặt trận Tổ quốc Việt Nam các cấp", "", ""},
		{"b) Chi nhánh của tổ chức đăng ký đất đai hoặc tổ chức đăng ký đất đai thực hiện cho người sử dụng đất.", "Chi nhánh của tổ chức đăng ký đất đai|tổ chức đăng ký đất đai", "", ""},
		// plan formulas: a distributive list ends at the verb after it; "X: <duty>"; a closing that asks
		{"Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở: Tài chính, Kế hoạch và Đầu tư nâng cấp hạ tầng, báo cáo UBND tỉnh (qua Công an tỉnh) trước ngày 30/11/2024.",
			"Sở Thông tin và Truyền thông", "Sở Tài chính|Sở Kế hoạch và Đầu tư", "UBND tỉnh|Công an tỉnh"},
		{"2. Sở Tài chính: Tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.", "Sở Tài chính|Sở Tài chính", "", "UBND tỉnh"},
		{"Trên đây là Kế hoạch triển khai Đề án 06 năm 2024 trên địa bàn tỉnh, yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.", "các cơ quan, đơn vị", "", ""},
		// corpus 030 (QĐ 3467/QĐ-BYT): an execution clause whose addressees are separated by ";"
		{"Các Ông (Bà): Chánh Văn phòng Bộ Y tế; Vụ trưởng các Vụ: Kế hoạch- Tài chính, Bảo hiểm y tế, Pháp chế; Cục trưởng các Cục: Quản lý Khám chữa bệnh, Quản lý Y, Dược cổ truyền - Bộ Y tế; Giám đốc Bệnh viện Nhi Trung ương và Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
			"Chánh Văn phòng Bộ Y tế|Vụ trưởng Vụ Kế hoạch- Tài chính|Vụ trưởng Vụ Bảo hiểm y tế|Vụ trưởng Vụ Pháp chế|Cục trưởng Cục Quản lý Khám chữa bệnh|Cục trưởng Cục Quản lý Y, Dược cổ truyền - Bộ Y tế|Giám đốc Bệnh viện Nhi Trung ương|Thủ trưởng các đơn vị liên quan", "", ""},
		// letters route reports "(qua …)" to a unit whose name has a verb in it; "phản ánh về X" reports to X
		{"Đề nghị các đơn vị khẩn trương triển khai, báo cáo kết quả về Tổng cục Hải quan (qua Cục Giám sát quản lý) trước ngày 20/3/2017.",
			"các đơn vị", "", "Tổng cục Hải quan|Cục Giám sát quản lý"},
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh xem xét, giải quyết.",
			"", "", "Sở Tài chính|UBND tỉnh"},
		// the standard closing formulas of HĐND resolutions and party documents
		{"Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
			"Thường trực Hội đồng nhân dân tỉnh|các Ban của Hội đồng nhân dân tỉnh|các Tổ đại biểu|đại biểu Hội đồng nhân dân tỉnh", "", ""},
		{"Đảng đoàn Hội đồng nhân dân tỉnh, Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo thể chế hóa Nghị quyết.",
			"Đảng đoàn Hội đồng nhân dân tỉnh|Ban cán sự đảng Ủy ban nhân dân tỉnh", "", ""},
		{"Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội các cấp tổ chức quán triệt, triển khai thực hiện Nghị quyết.",
			"Các cấp ủy|tổ chức đảng|chính quyền|Mặt trận Tổ quốc|các đoàn thể chính trị - xã hội các cấp", "", ""},
		{"Sở Xây dựng chủ trì, phối hợp với các Sở: Tài nguyên và Môi trường, Giao thông vận tải và UBND các huyện, thành phố rà soát quy hoạch.",
			"Sở Xây dựng", "Sở Tài nguyên và Môi trường|Sở Giao thông vận tải|UBND các huyện, thành phố", ""},
		// "các cơ quan, đơn vị" before a verb that names no role ("gửi", "căn cứ") is the subject
		{"Các cơ quan, đơn vị gửi báo cáo về Sở Tài chính trước ngày 10/01/2025 để tổng hợp, trình UBND tỉnh.",
			"Các cơ quan, đơn vị", "", "Sở Tài chính|UBND tỉnh"},
		{"Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện Kế hoạch này.",
			"Các cơ quan, đơn vị", "", ""},
		// a deadline is not part of the name of the body reported to
		{"Sở Công Thương trình UBND tỉnh chậm nhất ngày 15/3/2024.", "Sở Công Thương", "", "UBND tỉnh"},
		// "X phối hợp thực hiện" with no partner named after it: X cooperates
		{"Sở Y tế chủ trì; Sở Tài chính, Bảo hiểm xã hội tỉnh phối hợp thực hiện.",
			"Sở Y tế", "Sở Tài chính|Bảo hiểm xã hội tỉnh", ""},
		{"Sở Tài chính tham mưu bố trí kinh phí; Kho bạc Nhà nước tỉnh phối hợp thực hiện.",
			"Sở Tài chính", "Kho bạc Nhà nước tỉnh", ""},
		{"Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền, vận động nhân dân thực hiện.",
			"", "Ủy ban MTTQ Việt Nam tỉnh|các tổ chức chính trị - xã hội tỉnh", ""},
		// abbreviated agency names of provincial plans
		{"Sở KH&ĐT chủ trì, phối hợp với Sở TN&MT, Sở LĐ-TB&XH, Sở VH,TT&DL thực hiện.",
			"Sở KH&ĐT", "Sở TN&MT|Sở LĐ-TB&XH|Sở VH,TT&DL", ""},
		{"BQL các KCN tỉnh chủ trì, phối hợp với Đài PT-TH tỉnh tuyên truyền.", "BQL các KCN tỉnh", "Đài PT-TH tỉnh", ""},
		// "UBND các huyện: A, B" is expanded like "các Sở: A, B", also after another partner
		{"Sở Ngoại vụ chủ trì, phối hợp với Sở Công Thương, UBND các huyện: Cao Lộc, Văn Lãng, Tràng Định triển khai.",
			"Sở Ngoại vụ", "Sở Công Thương|UBND huyện Cao Lộc|UBND huyện Văn Lãng|UBND huyện Tràng Định", ""},
		// "làm đầu mối" is the verb; steering-committee units and telecom providers are actors
		{"Giao Sở Thông tin và Truyền thông làm đầu mối, phối hợp với các cơ quan báo chí của tỉnh tuyên truyền.",
			"Sở Thông tin và Truyền thông", "các cơ quan báo chí của tỉnh", ""},
		{"Ban Chỉ đạo tỉnh theo dõi, chỉ đạo; Tổ giúp việc Ban Chỉ đạo tổng hợp, báo cáo Trưởng Ban Chỉ đạo.",
			"Ban Chỉ đạo tỉnh|Tổ giúp việc Ban Chỉ đạo", "", "Trưởng Ban Chỉ đạo"},
		{"Viettel Lạng Sơn, VNPT Lạng Sơn, Bưu điện tỉnh phối hợp với Sở Thông tin và Truyền thông triển khai.",
			"Viettel Lạng Sơn|VNPT Lạng Sơn|Bưu điện tỉnh", "Sở Thông tin và Truyền thông", ""},
		// "báo cáo kết quả … cho / với X" reports to X; "khen thưởng" is what X is advised to do
		{"Báo cáo kết quả thực hiện cho UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12/2024.", "", "", "UBND tỉnh|Sở Nội vụ"},
		{"Thanh tra tỉnh kiểm tra, báo cáo kết quả với UBND tỉnh.", "Thanh tra tỉnh", "", "UBND tỉnh"},
		{"Sở Nội vụ tham mưu Chủ tịch UBND tỉnh khen thưởng.", "Sở Nội vụ", "", "Chủ tịch UBND tỉnh"},
		{"Sở Công Thương báo cáo kết quả cấp giấy phép cho các doanh nghiệp.", "Sở Công Thương", "", ""},
		// a verb the marker list lacks still ends a complete registry name
		{"Sở Tài chính, Sở Kế hoạch và Đầu tư cân đối, bố trí kinh phí thực hiện.", "Sở Tài chính|Sở Kế hoạch và Đầu tư", "", ""},
		{"Sở Tài chính tỉnh Lạng Sơn thẩm định dự toán.", "Sở Tài chính tỉnh Lạng Sơn", "", ""},
		{"Báo Lạng Sơn, Đài PT-TH tỉnh, Cổng Thông tin điện tử tỉnh mở chuyên mục tuyên truyền.",
			"Báo Lạng Sơn|Đài PT-TH tỉnh|Cổng Thông tin điện tử tỉnh", "", ""},
		// names alone before ";" share the subject of the next clause
		{"Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thành phố chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.",
			"Thủ trưởng các sở, ban, ngành tỉnh|Chủ tịch UBND các huyện, thành phố", "", ""},
		// the partner may follow the verb: "phối hợp thực hiện với Y"
		{"Sở Tài chính phối hợp thực hiện với Sở Y tế.", "Sở Tài chính", "Sở Y tế", ""},
		// plans label the agencies of a task
		{"Cơ quan chủ trì: Sở Tư pháp.\nCơ quan phối hợp: Các sở, ban, ngành; UBND các huyện, thành phố.\nThời gian hoàn thành: Tháng 12/2024.",
			"Sở Tư pháp", "Các sở, ban, ngành|UBND các huyện, thành phố", ""},
		{"- Cơ quan thực hiện: Sở Tư pháp, các sở, ngành liên quan.", "Sở Tư pháp|các sở, ngành liên quan", "", ""},
		{"Đơn vị chủ trì: Sở Y tế; đơn vị phối hợp: Sở Tài chính.", "Sở Y tế", "Sở Tài chính", ""},
		{"Sở Y tế chủ trì, phối hợp với: Sở Tài chính, Sở Nội vụ thực hiện.", "Sở Y tế", "Sở Tài chính|Sở Nội vụ", ""},
		// a partner list goes on through abbreviated names
		{"Sở Y tế chủ trì, phối hợp với Sở Nông nghiệp & PTNT, UBMTTQVN tỉnh, LĐLĐ tỉnh, BCH Quân sự tỉnh, NHNN chi nhánh tỉnh, BQLDA tỉnh thực hiện.",
			"Sở Y tế", "Sở Nông nghiệp & PTNT|UBMTTQVN tỉnh|LĐLĐ tỉnh|BCH Quân sự tỉnh|NHNN chi nhánh tỉnh|BQLDA tỉnh", ""},
		{"Thường trực HĐND tỉnh, các Ban HĐND tỉnh, các Tổ đại biểu HĐND tỉnh và đại biểu HĐND tỉnh giám sát việc thực hiện Nghị quyết.",
			"Thường trực HĐND tỉnh|các Ban HĐND tỉnh|các Tổ đại biểu HĐND tỉnh|đại biểu HĐND tỉnh", "", ""},
		{"Cơ quan chủ trì: Sở Y tế; Cơ quan phối hợp: Sở Tài chính; Thời gian hoàn thành: Quý II/2024.", "Sở Y tế", "Sở Tài chính", ""},
		{"Đơn vị thực hiện: UBND các huyện, thành phố; Sở Nội vụ theo dõi, tổng hợp.", "UBND các huyện, thành phố|Sở Nội vụ", "", ""},
		{"Sở Tài chính đề xuất với UBND tỉnh giải pháp tháo gỡ.", "Sở Tài chính", "", "UBND tỉnh"},
		{"UBND các huyện báo cáo kết quả thực hiện lên UBND tỉnh.", "UBND các huyện", "", "UBND tỉnh"},
		// a central unit's name goes on in lower case
		{"Cục Thuế xuất nhập khẩu thực hiện kiểm tra.", "Cục Thuế xuất nhập khẩu", "", ""},
		// one noun shared by a list without a colon
		{"UBND các huyện Cao Lộc, Văn Lãng, Tràng Định triển khai thực hiện.", "UBND huyện Cao Lộc|UBND huyện Văn Lãng|UBND huyện Tràng Định", "", ""},
		{"Sở Y tế chủ trì, phối hợp với các Sở Tài chính, Nội vụ thực hiện.", "Sở Y tế", "Sở Tài chính|Sở Nội vụ", ""},
		{"Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn chủ trì, phối hợp với Cục Hải quan tỉnh triển khai thực hiện.",
			"Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "Cục Hải quan tỉnh", ""},
		{"Đơn vị xây dựng công trình phải bảo đảm an toàn.", "Đơn vị xây dựng công trình", "", ""},
		{"Các đơn vị báo cáo Sở Nội vụ.", "Các đơn vị", "", "Sở Nội vụ"},
		{"Sở Y tế chủ trì, Sở Tài chính phối hợp.", "Sở Y tế", "Sở Tài chính", ""},
		{"Sở Y tế chủ trì cùng Sở Tài chính thực hiện.", "Sở Y tế", "Sở Tài chính", ""},
		{"Sở Y tế là cơ quan chủ trì, Sở Tài chính là cơ quan phối hợp.", "Sở Y tế", "Sở Tài chính", ""},
		// roles in parentheses
		{"Sở Y tế (chủ trì), Sở Tài chính, Sở Nội vụ (phối hợp) tổ chức thực hiện.", "Sở Y tế", "Sở Tài chính|Sở Nội vụ", ""},
		{"Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp) thực hiện.", "Sở Y tế", "Sở Tài chính|Sở Nội vụ", ""},
		{"UBND các huyện: Cao Lộc, Lộc Bình và thành phố Lạng Sơn thực hiện.", "UBND huyện Cao Lộc|UBND huyện Lộc Bình|UBND thành phố Lạng Sơn", "", ""},
		// corpus 033 (NQ 60-NQ/TW, line 127), 029 (Luật Đất đai, Điều 201): the
		// second body after "trình"/"báo cáo"/"tham mưu" X, receives too; it is
		// not the subject of "xem xét"
		{"Đảng uỷ Chính phủ chỉ đạo hoàn thiện hồ sơ Đề án sắp xếp đơn vị hành chính cấp tỉnh, cấp xã trình Quốc hội, Ủy ban Thường vụ Quốc hội xem xét, quyết định theo thẩm quyền.",
			"Đảng uỷ Chính phủ", "", "Quốc hội|Ủy ban Thường vụ Quốc hội"},
		{"Sở Tài chính tổng hợp, báo cáo UBND tỉnh, Chủ tịch UBND tỉnh xem xét, quyết định.", "Sở Tài chính", "", "UBND tỉnh|Chủ tịch UBND tỉnh"},
		{"Sở Xây dựng thẩm định, trình Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh phê duyệt.", "Sở Xây dựng", "", "Hội đồng nhân dân tỉnh|Ủy ban nhân dân tỉnh"},
		// corpus 009 (CV 778/TCHQ-GSQL, line 130): "TP." is part of the name, no sentence end
		{"Trong thời gian chờ nâng cấp Hệ thống, Cục Hải quan TP. Hồ Chí Minh hướng dẫn Chi cục HQCK cảng SGKV 1 triển khai thời gian thực hiện song song 2 quy trình.",
			"Cục Hải quan TP. Hồ Chí Minh", "", ""},
		{"UBND Tp. Cần Thơ chủ trì, phối hợp với UBND TX. Gia Nghĩa thực hiện.", "UBND Tp. Cần Thơ", "UBND TX. Gia Nghĩa", ""},
		// corpus 009 (CV 778, lines 36, 93), 029 (Điều 84): a named body after a
		// whole condition has the duty; the condition's own actors do not
		// (021 Điều 26, 029 Điều 260, seed 6.4)
		{"Nếu không có dấu hiệu vi phạm, Chi cục Hải quan nơi lưu giữ hàng hóa thực hiện như sau:", "Chi cục Hải quan nơi lưu giữ hàng hóa", "", ""},
		{"Nếu Hàng hóa được đưa qua KVGS sau thời điểm nhận được thông tin thông qua fax, thư điện từ và điện thoại, Chi cục trưởng phải chịu hoàn toàn trách nhiệm về việc lô hàng được đưa qua KVGS hải quan.", "Chi cục trưởng", "", ""},
		{"Trường hợp không thống nhất ý kiến, Ủy ban nhân dân cấp tỉnh có trách nhiệm báo cáo Thủ tướng Chính phủ xem xét quyết định.", "Ủy ban nhân dân cấp tỉnh", "", "Thủ tướng Chính phủ"},
		{"Trường hợp Quốc hội, Chính phủ, Ban chỉ đạo quốc gia về Cơ chế một cửa quốc gia, các cơ quan có thẩm quyền hoặc Ban Thư ký ASEAN yêu cầu báo cáo, cung cấp thông tin liên quan tới thủ tục hành chính.", "", "", ""},
		{"Trường hợp dự án có hoạt động lấn biển đã được Quốc hội, Thủ tướng Chính phủ quyết định phê duyệt dự án đầu tư theo quy định của pháp luật về đầu tư công.", "", "", ""},
		{"Trường hợp các cơ quan, đơn vị, chủ đầu tư, UBND các huyện, thành phố không thực hiện theo cơ chế này.", "", "", ""},
		// corpus 003 (QĐ 1056/QĐ-CT, line 36), seed 6.3: "chế độ báo cáo … về X"
		// names its receiver; a first "về" that opens the report's subject
		// does not end the search for it
		{"Ủy ban nhân dân các huyện, thành phố thực hiện chế độ báo cáo định kỳ và đột xuất về tình hình, kết quả thực hiện chính sách trợ giúp các đối tượng bảo trợ xã hội về Sở Lao động-Thương binh và Xã hội theo quy định.",
			"Ủy ban nhân dân các huyện, thành phố", "", "Sở Lao động-Thương binh và Xã hội"},
		{"Các sở, ngành báo cáo về tình hình thực hiện Kế hoạch về Sở Nội vụ trước ngày 15/12.", "Các sở, ngành", "", "Sở Nội vụ"},
		{"Các chủ đầu tư thực hiện chế độ báo cáo về Sở Tài chính.", "Các chủ đầu tư", "", "Sở Tài chính"},
		// corpus 031 (NQ 1659/NQ-UBTVQH15, line 389; case above), 032, 029
		// (Điều 21): a bare people's council before a committee shares its place
		{"Thường trực HĐND, UBND các huyện, thành phố chỉ đạo thực hiện.", "Thường trực HĐND các huyện, thành phố|UBND các huyện, thành phố", "", ""},
		{"Hội đồng nhân dân và Ủy ban nhân dân tỉnh có trách nhiệm tổ chức thực hiện.", "Hội đồng nhân dân tỉnh|Ủy ban nhân dân tỉnh", "", ""},
		// corpus 033 (NQ 60-NQ/TW, line 143): a lower-case "ban thường vụ" is a
		// body, and heads each party committee listed after it
		{"Giao ban thường vụ các tỉnh uỷ, thành uỷ, đảng ủy trực thuộc Trung ương tập trung lãnh đạo, chỉ đạo và khẩn trương xây dựng Đề án theo hướng dẫn của cấp có thẩm quyền.",
			"ban thường vụ các tỉnh uỷ|ban thường vụ thành uỷ|ban thường vụ đảng ủy trực thuộc Trung ương", "", ""},
		// corpus 033 (NQ 60-NQ/TW, line 220): a bare "tổ chức" closing a list is
		// a member, and so is the one singled out by "nhất là"; "chủ trì, tổ
		// chức, …" stays a verb
		{"Ban Chấp hành Trung ương Đảng yêu cầu các cấp ủy, cơ quan, đơn vị, tổ chức, nhất là người đứng đầu tập trung sửa đổi, bổ sung, xây dựng hoàn thiện thể chế.",
			"các cấp ủy|cơ quan|đơn vị|tổ chức|người đứng đầu", "", ""},
		{"Sở Y tế chủ trì, tổ chức, hướng dẫn thực hiện.", "Sở Y tế", "", ""},
		// corpus 029: a portal's bracketed guidance note belongs to another instrument
		{"[Ủy ban nhân dân cấp xã có trách nhiệm báo cáo kết quả thực hiện quy hoạch, kế hoạch sử dụng đất đến Ủy ban nhân dân cấp tỉnh trước ngày 15 tháng 10 hằng năm theo quy định tại Điểm e Khoản 1 Điều 14 Nghị định 151/2025/NĐ-CP có hiệu lực từ ngày 01/07/2025 (VB hết hiệu lực: 01/03/2027)]", "", "", ""},
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

func TestCellRoles(t *testing.T) {
	for in, want := range map[string]string{
		"Sở Y tế chủ trì": "Sở Y tế / ",
		"Sở TT&TT chủ trì, phối hợp với Sở KH&ĐT, Sở Tài chính":          "Sở TT&TT / Sở KH&ĐT|Sở Tài chính",
		"Sở TN&MT chủ trì; UBND các huyện, thành phố phối hợp":           "Sở TN&MT / UBND các huyện, thành phố",
		"Sở TT&TT; UBND các huyện, thành phố và các đơn vị có liên quan": "Sở TT&TT|UBND các huyện, thành phố|các đơn vị có liên quan / ",
		"Sở Y tế (": "Sở Y tế / ",
	} {
		l, c := CellRoles(in)
		if got := strings.Join(l, "|") + " / " + strings.Join(c, "|"); got != want {
			t.Errorf("CellRoles(%q) = %q, want %q", in, got, want)
		}
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

// extract parses text and returns "path|lead1;lead2" for every
// responsibility with a lead.
func extract(t *testing.T, text string) []string {
	t.Helper()
	doc, _ := parser.Parse("t", text)
	var out []string
	for _, r := range Extract(doc) {
		if len(r.Lead) > 0 {
			out = append(out, r.Path+"|"+strings.Join(r.Lead, ";"))
		}
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Headings and paragraphs that name the lead of the duties below them:
// "2 - Sở … có trách nhiệm." (corpus 003), "- Uỷ ban nhân dân các huyện,
// thành phố:" (003), "c) Trách nhiệm của Chi cục Hải quan nơi lưu giữ hàng
// hóa:" (009), "1. Bộ Tư pháp có trách nhiệm:" (017).
func TestHeadingLeads(t *testing.T) {
	got := extract(t, `QUYẾT ĐỊNH
Điều 1. Tổ chức thực hiện
2 - Sở Lao động, Thương binh và Xã hội có trách nhiệm.
- Quản lý chặt chẽ đối tượng bảo trợ xã hội trên địa bàn tỉnh;
3
- Uỷ ban nhân dân các huyện, thành phố:
- Hàng năm lập dự toán kinh phí bảo đảm xã hội trên địa bàn quản lý gửi Sở Lao động-Thương binh và Xã hội, Sở Tài chính để thẩm định;
4. Trách nhiệm của Chi cục Hải quan nơi lưu giữ hàng hóa:
a) Phân công công chức trực điện thoại, thư điện tử và số fax.
5. Bộ Tư pháp có trách nhiệm:
a) Chỉ đạo, hướng dẫn, kiểm tra và tổ chức thực hiện Nghị định này;
`)
	for _, want := range []string{"1/2|Sở Lao động, Thương binh và Xã hội", "1/3|Uỷ ban nhân dân các huyện, thành phố",
		"1/4/a|Chi cục Hải quan nơi lưu giữ hàng hóa", "1/5/a|Bộ Tư pháp"} {
		if !has(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}

// A first line a converter wrapped mid-sentence is not a heading (corpus
// 031, pandoc Markdown); an enumeration of units ending with a period is
// not one either (corpus 015).
// A heading's lead is inherited by the clauses that state a duty, not by
// lines without a verb (corpus 035: the recipients' list under the last
// clause).
func TestInheritOnlyDuties(t *testing.T) {
	if fs := Scan("Văn phòng Chính phủ;", []string{"Bộ Tư pháp"}); len(fs) != 0 {
		t.Errorf("got %+v", fs)
	}
	if fs := Scan("Cử cán bộ chuyên môn tham gia công tác huấn luyện lực lượng đo đạc;", []string{"Cục đo đạc và bản đồ Nhà nước"}); len(fs) != 1 {
		t.Errorf("got %+v", fs)
	}
}

// A decree's regulated persons have obligations, not tasks (corpus 016,
// NĐ 61-CP); its execution clause keeps every addressee.
func TestDecreePersons(t *testing.T) {
	got := extract(t, `CHÍNH PHỦ
Số: 61-CP
NGHỊ ĐỊNH
Điều 14. Các tổ chức cá nhân kinh doanh nhà ở phải trả tiền sử dụng đất ở hoặc trả tiền thuê đất.
Điều 24. Bộ Tài chính chịu trách nhiệm hướng dẫn các khoản thu và thuế phải nộp vào Ngân sách Nhà nước.
Điều 28. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.
`)
	want := []string{"24|Bộ Tài chính", "28|Bộ trưởng;Thủ trưởng cơ quan ngang Bộ;các tổ chức, cá nhân có liên quan"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A structure article lists units, which lead nothing, but may delegate
// (corpus 015, NĐ 36/2015/NĐ-CP Điều 7).
func TestStructureArticle(t *testing.T) {
	got := extract(t, `CHÍNH PHỦ
Số: 36/2015/NĐ-CP
NGHỊ ĐỊNH
Điều 7. Cơ cấu tổ chức
1. Tổng cục Hải quan:
a) Văn phòng, Vụ, Cục và các đơn vị sự nghiệp công lập.
b) Các Cục Hải quan.
Thủ tướng Chính phủ quy định cơ cấu tổ chức của Tổng cục Hải quan.
`)
	if len(got) != 1 || got[0] != "7/1/b|Thủ tướng Chính phủ" {
		t.Errorf("got %q", got)
	}
}

func TestNotHeadings(t *testing.T) {
	if l := headingLead("1\\. Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân thành phố Đà Nẵng,\nchính quyền địa phương các đơn vị hành chính liên quan có trách nhiệm tổ chức thi hành Nghị quyết này."); l != nil {
		t.Errorf("wrapped line read as heading: %q", l)
	}
	if l := headingLead("1. Cơ quan hải quan các cấp."); l != nil {
		t.Errorf("enumeration read as heading: %q", l)
	}
	if l := headingLead("a) Đề nghị Bộ Tài chính việc thành lập Cục Hải quan."); l != nil {
		t.Errorf("a proposal read as heading: %q", l)
	}
	// corpus 033 (NQ 60-NQ/TW, appendices PL/I, PL/II): provinces, not agencies
	for _, h := range []string{"Các đơn vị hành chính cấp tỉnh không thực hiện sáp nhập",
		"Các đơn vị hành chính cấp tỉnh mới sau sáp nhập, hợp nhất"} {
		if fs := Scan(h, nil); len(fs) > 0 {
			t.Errorf("administrative units read as agencies: %+v", fs)
		}
	}
	// … but public service units are agencies
	if fs := Scan("Các đơn vị hành chính sự nghiệp không thực hiện chế độ tự chủ.", nil); len(fs) != 1 || strings.Join(fs[0].Lead, "|") != "Các đơn vị hành chính sự nghiệp" {
		t.Errorf("public service units: got %+v", fs)
	}
}

// The issuer speaking ("Tổng cục Hải quan yêu cầu …", "… trả lời các đơn
// vị được biết") is no lead; "X yêu cầu Y làm" hands the task to Y (corpus
// 009, 033).
func TestSpeech(t *testing.T) {
	doc, _ := parser.Parse("t", `TỔNG CỤC HẢI QUAN
Số: 778/TCHQ-GSQL
Hà Nội, ngày 13 tháng 02 năm 2017
I. Các nội dung
1. Để đảm bảo thông tin được thông báo nhanh chóng, Tổng cục Hải quan yêu cầu tăng cường việc thực hiện như sau:
2. Tổng cục Hải quan trả lời các đơn vị được biết, thực hiện.
3. Tổng cục Hải quan yêu cầu Cục Hải quan các tỉnh, thành phố thiết lập số điện thoại tiếp nhận thông tin.
`)
	var got []string
	for _, r := range Extract(doc) {
		got = append(got, r.Path+"|"+strings.Join(r.Lead, ";"))
	}
	if has(got, "I/1|Tổng cục Hải quan") || has(got, "I/2|Tổng cục Hải quan") || !has(got, "I/3|Cục Hải quan các tỉnh, thành phố") {
		t.Errorf("got %q (issuer %q)", got, doc.Header.Issuer)
	}
}

// Scope articles state no duties (corpus 006, 013, 017); a law's rules for
// "cơ quan", "tổ chức, cá nhân" name no lead, its named organs do (027,
// 029).
func TestScopeAndLaw(t *testing.T) {
	got := extract(t, `QUỐC HỘI
LUẬT
ĐẤT ĐAI
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước thực hiện quyền hạn và trách nhiệm đại diện chủ sở hữu toàn dân về đất đai.
2. Cơ quan, doanh nghiệp, tổ chức, cá nhân có liên quan đến các nội dung quy định tại Điều 1 Luật này.
Điều 3. Trách nhiệm
1. Cơ quan nhà nước có trách nhiệm công khai thông tin.
2. Chính phủ quy định chi tiết Điều này.
3. Đơn vị sự nghiệp công lập được cho thuê tài sản công trong các trường hợp sau đây:
`)
	if len(got) != 1 || got[0] != "3/2|Chính phủ" {
		t.Errorf("got %q", got)
	}
}

// In a code the court's powers in proceedings are not tasks; a duty
// stated as such is (corpus 037, Bộ luật Hình sự).
func TestCodePowers(t *testing.T) {
	got := extract(t, `QUỐC HỘI
Luật số: 100/2015/QH13
BỘ LUẬT
HÌNH SỰ
Điều 4. Trách nhiệm phòng ngừa và đấu tranh chống tội phạm
1. Cơ quan Công an, Viện kiểm sát nhân dân, Tòa án nhân dân và các cơ quan hữu quan khác có trách nhiệm thực hiện đầy đủ chức năng, nhiệm vụ, quyền hạn của mình.
Điều 55. Quyết định hình phạt trong trường hợp phạm nhiều tội
Khi xét xử cùng 01 lần một người phạm nhiều tội, Tòa án quyết định hình phạt đối với từng tội và tổng hợp hình phạt theo quy định sau đây:
`)
	if len(got) != 1 || got[0] != "4/1|Cơ quan Công an;Viện kiểm sát nhân dân;Tòa án nhân dân" {
		t.Errorf("got %q", got)
	}
}

// A unit's heading whose proper name holds capitalised verbs ("Phân tích",
// "Phân loại") or "công nghệ thông tin" leads the points below it (corpus
// 007, Quy trình of Quyết định 2135/QĐ-TCHQ, Điều 23).
func TestHeadingLeadProperName(t *testing.T) {
	got := extract(t, `QUYẾT ĐỊNH
Điều 23. Trách nhiệm của các đơn vị trong việc thực hiện xác định trước đối với hàng hóa xuất khẩu, nhập khẩu
2. Trung tâm Phân tích Phân loại hàng hóa XNK thực hiện:
a) Phân tích và thông báo kết quả phân tích mẫu hàng hóa để phục vụ xác định trước theo đề nghị của Cục Thuế xuất nhập khẩu;
3. Cục Thuế xuất nhập khẩu thực hiện:
a) Phối hợp với Cục Công nghệ thông tin và Thống kê Hải quan xử lý các vướng mắc đối với Cơ sở dữ liệu về phân loại hàng hóa và áp dụng mức thuế khi phát sinh sự cố.
`)
	for _, want := range []string{"23/2/a|Trung tâm Phân tích Phân loại hàng hóa XNK", "23/3/a|Cục Thuế xuất nhập khẩu"} {
		if !has(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	fs := Scan("Phối hợp với Cục Công nghệ thông tin và Thống kê Hải quan xử lý các vướng mắc.", []string{"Cục Thuế xuất nhập khẩu"})
	if len(fs) != 1 || strings.Join(fs[0].Cooperate, "|") != "Cục Công nghệ thông tin và Thống kê Hải quan" {
		t.Errorf("got %+v", fs)
	}
}

// A registry name written partly in lower case after "và" ("Cục Công nghệ
// thông tin và thống kê hải quan thực hiện:", corpus 007 line 166) is one
// name and leads the points below it; "và" before a clause that is no
// known name still ends the name ("Cục Thuế xuất nhập khẩu và các đơn vị
// liên quan thực hiện:" names two bodies).
func TestHeadingLeadLowerCaseKnownName(t *testing.T) {
	got := extract(t, `QUYẾT ĐỊNH
Điều 23. Trách nhiệm của các đơn vị
4. Cục Công nghệ thông tin và thống kê hải quan thực hiện:
a) Xây dựng, hướng dẫn sử dụng chức năng xác định trước mã số trên Cơ sở dữ liệu về phân loại hàng hóa;
`)
	point := false
	for _, g := range got {
		point = point || strings.HasSuffix(g, "/a|Cục Công nghệ thông tin và thống kê hải quan")
	}
	if !point {
		t.Errorf("point a) has no lead: %q", got)
	}
	if l := headingLead("4. Cục Công nghệ thông tin và thống kê hải quan thực hiện:"); strings.Join(l, "|") != "Cục Công nghệ thông tin và thống kê hải quan" {
		t.Errorf("got %q", l)
	}
	fs := Scan("Cục Công nghệ thông tin và thống kê hải quan thực hiện kết nối dữ liệu.", nil)
	if len(fs) != 1 || strings.Join(fs[0].Lead, "|") != "Cục Công nghệ thông tin và thống kê hải quan" {
		t.Errorf("got %+v", fs)
	}
	if l := headingLead("3. Cục Thuế xuất nhập khẩu và các đơn vị liên quan thực hiện:"); strings.Join(l, "|") != "Cục Thuế xuất nhập khẩu|các đơn vị liên quan" {
		t.Errorf("got %q", l)
	}
}

// The actors named inside a condition, an event or a case lead nothing
// (corpus 007, QĐ 2135/QĐ-TCHQ points b.3, b.4; corpus 019, TT 56/2024/TT-BTC
// Điều 4 khoản 2).
func TestConditionActors(t *testing.T) {
	for _, text := range []string{
		// a point labelled "b.3)" opens with its condition, up to the ":"
		"b.3) Trường hợp cần lấy ý kiến của các đơn vị liên quan thuộc Tổng cục Hải quan, các đơn vị thuộc Bộ Tài chính, các Bộ quản lý chuyên ngành: công chức lập phiếu đề xuất (theo mẫu số 01/PĐXXĐTMS và hướng dẫn tại điểm 7, Phụ lục I ban hành kèm theo quy trình này), đồng thời dự thảo văn bản đề nghị các đơn vị liên quan tham gia ý kiến (trong đó nêu rõ nội dung cần xin ý kiến tham gia), báo cáo lãnh đạo Phòng Phân loại, trình lãnh đạo Cục Thuế XNK duyệt ký (đối với trường hợp xin ý kiến của các đơn vị thuộc Tổng cục Hải quan) hoặc trình lãnh đạo Tổng cục duyệt ký (đối với trường hợp xin ý kiến của các đơn vị thuộc Bộ Tài chính, các Bộ quản lý chuyên ngành), chuyển thực hiện quy định tại Điều 5 Mục này.",
		// the actors listed in an event "Sau khi …"
		"Lưu ý: Sau khi nhận được kết quả phân tích, giám định, ý kiến tham gia của các đơn vị liên quan thuộc Tổng cục Hải quan, các đơn vị thuộc Bộ Tài chính, các Bộ quản lý chuyên ngành, Ủy ban HS, công chức thực hiện tiếp theo quy định tại điểm a khoản 3 Điều này trong thời hạn 01 ngày làm việc.",
	} {
		for _, f := range Scan(text, nil) {
			if len(f.Lead) > 0 {
				t.Errorf("%q: lead %q", f.Text, f.Lead)
			}
		}
	}
	// after a whole event, its subject leads (corpus 029, Luật Đất đai Điều 84)
	fs := Scan("thì sau khi Quốc hội quyết định, phê duyệt chủ trương đầu tư, Thủ tướng Chính phủ xem xét, chấp thuận việc thu hồi đất quốc phòng, an ninh.", nil)
	if len(fs) != 1 || strings.Join(fs[0].Lead, ";") != "Thủ tướng Chính phủ" {
		t.Errorf("got %+v", fs)
	}
	// "quản lý chuyên ngành" names a kind of ministry, not its verb (007 PL row 7)
	fs = Scan("các đơn vị liên quan thuộc Tổng cục Hải quan, các đơn vị thuộc Bộ Tài chính, các Bộ quản lý chuyên ngành tham gia ý kiến về mã số hàng hóa đề nghị xác định trước", nil)
	if len(fs) != 1 || strings.Join(fs[0].Lead, ";") != "các đơn vị liên quan thuộc Tổng cục Hải quan;các đơn vị thuộc Bộ Tài chính;các Bộ quản lý chuyên ngành" {
		t.Errorf("got %+v", fs)
	}
	doc, _ := parser.Parse("t", `BỘ TÀI CHÍNH
Số: 56/2024/TT-BTC
THÔNG TƯ
Điều 4. Mức thu, miễn phí
1. Mức thu phí khai thác và sử dụng tài liệu đất đai từ Hệ thống thông tin quốc gia về đất đai quy định tại Phụ lục ban hành kèm theo Thông tư này.
2. Miễn phí đối với các trường hợp sau:
a) Các đối tượng quy định tại khoản 1 Điều 10 Luật Phí và lệ phí khai thác thông tin của mình.
b) Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương có văn bản đề nghị khai thác, sử dụng thông tin, dữ liệu đất đai từ Hệ thống thông tin quốc gia về đất đai để phục vụ:
- Mục đích quốc phòng, an ninh trong tình trạng khẩn cấp theo quy định của Luật Quốc phòng.
`)
	seen := false
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		seen = seen || n.Path == "4/2/b"
		return true
	})
	if !seen {
		t.Fatal("no point 4/2/b")
	}
	for _, r := range Extract(doc) {
		if len(r.Lead) > 0 {
			t.Errorf("%s: lead %q", r.Path, r.Lead)
		}
	}
}

// A point's sub-label ("b.3)", "a.1.1.") is skipped like "b)", so that the
// clause's opening word is seen (corpus 007).
func TestSubLabel(t *testing.T) {
	for _, text := range []string{"b.3) Trường hợp cần lấy ý kiến", "a.1.1. Trường hợp cần lấy ý kiến", "đ.2) Trường hợp cần lấy ý kiến"} {
		toks := tokenize(text)
		if i := skipLabel(toks, 0); i >= len(toks) || toks[i].f != "trường" {
			t.Errorf("%q: clause starts at %d", text, i)
		}
	}
}

// corpus 018 (TT 11/2024/TT-BNV) l.102: under the heading "Trách nhiệm của
// Ủy ban nhân dân cấp huyện, cấp xã", a point whose sentence names its own
// subject gives it to the clauses after its ';'.
func TestScanSubjectAfterSemicolon(t *testing.T) {
	fs := Scan("b) Ủy ban nhân dân cấp xã có trách nhiệm quản lý mốc địa giới đơn vị hành chính trên thực địa tại địa phương; tổ chức tuyên truyền, phổ biến để Nhân dân nêu cao ý thức bảo vệ mốc địa giới đơn vị hành chính.",
		[]string{"Ủy ban nhân dân cấp huyện, cấp xã"})
	if len(fs) != 2 {
		t.Fatalf("got %+v", fs)
	}
	for _, f := range fs {
		if strings.Join(f.Lead, "|") != "Ủy ban nhân dân cấp xã" {
			t.Errorf("%q: lead %q", f.Text, f.Lead)
		}
	}
	// a clause naming no subject after a ';' of a clause that names none keeps the heading's
	fs = Scan("a) Tổ chức lập hồ sơ; bảo đảm điều kiện thực hiện.", []string{"Ủy ban nhân dân cấp tỉnh"})
	for _, f := range fs {
		if strings.Join(f.Lead, "|") != "Ủy ban nhân dân cấp tỉnh" {
			t.Errorf("%q: lead %q", f.Text, f.Lead)
		}
	}
}

// corpus 018 lines 93-94: an article titled "Trách nhiệm của <agency>"
// without numbered clauses leads its body; one with clauses leaves them
// to their own headings, and a body that names its actor keeps it.
func TestArticleDutyLead(t *testing.T) {
	got := extract(t, `THÔNG TƯ
Điều 7. Trách nhiệm của Bộ Nội vụ
Hướng dẫn, chỉ đạo chung về công tác tổ chức lập, quản lý hồ sơ địa giới đơn vị hành chính.
Điều 8. Trách nhiệm của Ủy ban nhân dân các cấp
1. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
a) Tổ chức lập, quản lý hồ sơ địa giới đơn vị hành chính.
Điều 9. Trách nhiệm của Bộ Tài chính
Sở Tài chính các tỉnh tổng hợp dự toán kinh phí.
`)
	for _, want := range []string{"7|Bộ Nội vụ", "8/1/a|Ủy ban nhân dân cấp tỉnh", "9|Sở Tài chính các tỉnh"} {
		if !has(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, bad := range []string{"8|Ủy ban nhân dân các cấp", "8/1/a|Ủy ban nhân dân các cấp", "9|Bộ Tài chính"} {
		if has(got, bad) {
			t.Errorf("unexpected %q in %q", bad, got)
		}
	}
}

// TestScanCitedIssuers: the issuers named after "của" (or "giữa") behind
// a cited instrument's number, and the title after them, belong to the
// citation; they lead nothing in the clause that cites it. A subject that
// repeats the issuer after the citation is the clause's own.
func TestScanCitedIssuers(t *testing.T) {
	for _, c := range []struct {
		text string
		lead []string // the leads expected in all; nil: none
	}{
		// /work/shared/corpus/035.txt, Điều 8 khoản 2 (as scraped, glued)
		{"Việc chi trả tiền lương dạy thêm giờ cho nhà giáo năm học 2024 - 2025 thực hiện theo quy định tại Thông tư liên tịch số07/2013/TTLT-BGDĐT-BNV-BTCngày 08 tháng 03 năm 2013 của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính hướng dẫn thực hiện chế độ trả lương dạy thêmgiờ đối với nhà giáo trong các cơ sở giáo dục công lập.", nil},
		// /work/shared/corpus/021.txt, Điều 30 khoản 4
		{"Thông tư này thay thế Thông tư liên tịch số 84/2013/TTLT-BTC-BCT-BGTVT ngày 25 tháng 6 năm 2013 giữa Bộ Tài chính, Bộ Công Thương và Bộ Giao thông vận tải hướng dẫn thực hiện Quyết định số 48/2011/QĐ-TTg.", nil},
		// /work/shared/corpus/009.txt: the issuer again, as the subject
		{"Ngoài việc thực hiện theo các nội dung hướng dẫn tại Quyết định 1500/QĐ-TCHQ ngày 24/5/2016 của Tổng cục trưởng Tổng cục Hải quan, Tổng cục Hải quan hướng dẫn bổ sung các Chi cục Hải quan thực hiện việc kiểm tra.", []string{"Tổng cục Hải quan"}},
	} {
		var got []string
		for _, f := range Scan(c.text, nil) {
			got = append(got, f.Lead...)
			got = append(got, f.Cooperate...)
		}
		if strings.Join(got, "|") != strings.Join(c.lead, "|") {
			t.Errorf("Scan(%q): leads/cooperate %q, want %q", c.text, got, c.lead)
		}
	}
}

// corpus 016 (lines 113, 125): "Liên Bộ X - Y - Z" (and "Liên bộ") is one
// joint body of ministries, named as written.
func TestJointMinistries(t *testing.T) {
	cases := []struct{ text, lead, coop, report string }{
		{"Trong trường hợp giá thị trường biến động từ 20% trở lên so với khung giá hoặc giá chuẩn tối thiểu ban hành kèm theo Nghị định này thì Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ có trách nhiệm trình Chính phủ điều chỉnh các bảng giá này cho phù hợp.",
			"Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ", "", "Chính phủ"},
		{"Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ phối hợp với các cơ quan chức năng liên quan hướng dẫn và kiểm tra việc thực hiện Nghị định này.",
			"Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ", "các cơ quan chức năng liên quan", ""},
		{"Liên bộ Tài chính - Xây dựng hướng dẫn thực hiện Quyết định này.", "Liên bộ Tài chính - Xây dựng", "", ""},
	}
	for _, c := range cases {
		fs := Scan(c.text, nil)
		if len(fs) != 1 {
			t.Errorf("%q: got %+v", c.text, fs)
			continue
		}
		f := fs[0]
		if got := strings.Join(f.Lead, "|") + " / " + strings.Join(f.Cooperate, "|") + " / " + strings.Join(f.ReportTo, "|"); got != c.lead+" / "+c.coop+" / "+c.report {
			t.Errorf("%q: got %q", c.text, got)
		}
	}
}
