package cite

import (
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// extractText parses text as the body of a one-article decision and runs
// the extractor.
func extractText(t *testing.T, text string) (*parser.Document, Result) {
	t.Helper()
	src := "Điều 1. Thử nghiệm\n\n" + text + "\n"
	doc, _ := parser.Parse("test.txt", src)
	return doc, ExtractAll(doc)
}

func findCite(r Result, key string) *Citation {
	for i := range r.Citations {
		if vntext.EqualFold(r.Citations[i].Key, key) {
			return &r.Citations[i]
		}
	}
	return nil
}

func keysOf(r Result) []string {
	var ks []string
	for _, c := range r.Citations {
		ks = append(ks, c.Key)
	}
	return ks
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// want describes one expected citation: every field that is set is
// checked; mentions lists the expected mention texts in order.
type want struct {
	key, typ, date, issuer, titlePrefix string
	mentions                            []string
	pinpoints                           []string
}

// Real sentences from the seed and the corpus (file noted), each with the
// citations it must give, and only those.
var citeCases = []struct {
	name  string
	text  string
	wants []want
}{
	{"a counted group of laws is one amending law (002)",
		"Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;",
		[]want{{key: "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch năm 2018", typ: "Luật", date: "2018-11-20"}}},
	{"lead-in list gives type and issuer (seed bases)",
		"Căn cứ các Nghị quyết của Hội đồng nhân dân tỉnh khóa XVII, kỳ họp thứ mười bốn: số 29/NQ-HĐND ngày 10/12/2022 về mục tiêu, nhiệm vụ kế hoạch năm 2023; số 30/NQ-HĐND ngày 10/12/2022 về dự toán thu ngân sách nhà nước trên địa bàn; số 31/NQ-HĐND ngày 10/12/2022 về Kế hoạch đầu tư công năm 2023 tỉnh Lạng Sơn;",
		[]want{
			{key: "29/NQ-HĐND", typ: "Nghị quyết", date: "2022-12-10", issuer: "Hội đồng nhân dân tỉnh", titlePrefix: "về mục tiêu", mentions: []string{"số 29/NQ-HĐND ngày 10/12/2022"}},
			{key: "30/NQ-HĐND", typ: "Nghị quyết", date: "2022-12-10", mentions: []string{"số 30/NQ-HĐND ngày 10/12/2022"}},
			{key: "31/NQ-HĐND", typ: "Nghị quyết", date: "2022-12-10", mentions: []string{"số 31/NQ-HĐND ngày 10/12/2022"}},
		}},
	{"lead-in list separated by commas (seed 6.1)",
		"theo quy định tại: Luật Đầu tư công, các Nghị quyết của Quốc hội: số 69/2022/QH15 ngày 11/11/2022 về dự toán ngân sách nhà nước năm 2023, số 70/2022/QH15 ngày 11/11/2022 về phân bổ ngân sách Trung ương năm 2023; Nghị quyết số 973/2020/UBTVQH14 ngày 08/7/2020 của Ủy ban Thường vụ Quốc hội về các nguyên tắc, tiêu chí",
		[]want{
			{key: "Luật Đầu tư công", typ: "Luật", mentions: []string{"Luật Đầu tư công"}},
			{key: "69/2022/QH15", typ: "Nghị quyết", issuer: "Quốc hội", titlePrefix: "về dự toán ngân sách nhà nước năm 2023"},
			{key: "70/2022/QH15", typ: "Nghị quyết", issuer: "Quốc hội"},
			{key: "973/2020/UBTVQH14", typ: "Nghị quyết", date: "2020-07-08", issuer: "Ủy ban Thường vụ Quốc hội"},
		}},
	{"law with its number after the name (021)",
		"Căn cứ Luật Hải quan số 54/2014/QH13 ngày 23 tháng 6 năm 2014;",
		[]want{{key: "54/2014/QH13", typ: "Luật", date: "2014-06-23", mentions: []string{"Luật Hải quan số 54/2014/QH13 ngày 23 tháng 6 năm 2014"}}}},
	{"law name with 'của … và …' and a number (issue)",
		"theo Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13 ngày 20 tháng 11 năm 2015;",
		[]want{{key: "87/2015/QH13", typ: "Luật", date: "2015-11-20"}}},
	{"scraped glued text (035)",
		"Căn cứ Nghị định số37/2025/NĐ-CPngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn;Căn cứ Nghị định số145/2020/NĐ-CPngày 14 tháng 12 năm 2020 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều củaBộ luật Lao độngvề điều kiện lao động;",
		[]want{
			{key: "37/2025/NĐ-CP", typ: "Nghị định", date: "2025-02-26", issuer: "Chính phủ", titlePrefix: "quy định chức năng"},
			{key: "145/2020/NĐ-CP", date: "2020-12-14"},
			{key: "Bộ luật Lao động", typ: "Bộ luật", mentions: []string{"Bộ luật Lao động"}},
		}},
	{"pinpoint lists and a bare 'Luật' back-reference (seed 7.5)",
		"theo quy định tại điểm a, b và điểm c khoản 9 Điều 9 Luật Ngân sách nhà nước năm 2015, căn cứ dự toán được giao, các đơn vị lập hồ sơ gửi cơ quan tài chính xem xét theo quy định tại khoản 2, Điều 12 của Luật thực hiện lập lệnh chi tiền gửi Kho bạc nhà nước.",
		[]want{{key: "Luật Ngân sách nhà nước năm 2015", mentions: []string{"Luật Ngân sách nhà nước năm 2015", "Luật"},
			pinpoints: []string{"điểm a, b và điểm c khoản 9 Điều 9", "khoản 2, Điều 12"}}}},
	{"chapters list before the instrument (seed 6.9)",
		"giám sát đầu tư của cộng đồng theo quy định tại Chương VI, VII, VIII, Nghị định số 29/2021/NĐ-CP ngày 26/3/2021 của Chính phủ quy định về trình tự, thủ tục thẩm định dự án.",
		[]want{{key: "29/2021/NĐ-CP", pinpoints: []string{"Chương VI, VII, VIII"}, titlePrefix: "quy định về trình tự"}}},
	{"repeated unit words in a pinpoint (issue) and an old-style number (016)",
		"theo quy định tại khoản 1, khoản 2, Khoản 4 Điều 79 Nghị định 21-CP của Chính phủ.",
		[]want{{key: "21-CP", typ: "Nghị định", issuer: "Chính phủ", pinpoints: []string{"khoản 1, khoản 2, Khoản 4 Điều 79"}}}},
	{"a list of laws sharing a prefix (seed 2/2)",
		"thực hiện trình tự, thủ tục theo đúng các quy định của Luật Đầu tư công, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư, hướng dẫn của các Bộ, ngành Trung ương.",
		[]want{{key: "Luật Đầu tư công"}, {key: "Luật Đầu tư"}, {key: "Luật Đầu tư theo phương thức đối tác công tư"}}},
	{"an amending law's name holds the laws it amends (seed bases)",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
		[]want{
			{key: "Luật Tổ chức chính quyền địa phương năm 2015", date: "2015-06-19"},
			{key: "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương năm 2019", date: "2019-11-22"},
		}},
	{"law names with an internal comma and with 'và' (seed 7.5, 018)",
		"tiếp tục triển khai đầy đủ Luật Quản lý, sử dụng tài sản công và các văn bản quy định chi tiết thi hành Luật; Căn cứ Luật Đo đạc và Bản đồ ngày 14 tháng 6 năm 2018;",
		[]want{{key: "Luật Quản lý, sử dụng tài sản công", mentions: []string{"Luật Quản lý, sử dụng tài sản công"}},
			{key: "Luật Đo đạc và Bản đồ năm 2018", date: "2018-06-14"}}},
	{"party documents: comma before the date, line breaks (033)",
		"Cơ bản thống nhất nội dung sửa đổi, bổ sung Chỉ thị số 35-CT/TW,\nngày 14/6/2024 và Kết luận số 118-KL/TW, ngày 18/01/2025 của Bộ Chính\ntrị về đại hội đảng bộ các cấp.",
		[]want{{key: "35-CT/TW", typ: "Chỉ thị", date: "2024-06-14", issuer: "Bộ Chính trị", mentions: []string{"Chỉ thị số 35-CT/TW, ngày 14/6/2024"}},
			{key: "118-KL/TW", typ: "Kết luận", date: "2025-01-18", issuer: "Bộ Chính trị", mentions: []string{"Kết luận số 118-KL/TW, ngày 18/01/2025 của Bộ Chính trị"}}}},
	{"pandoc emphasis around the number (031)",
		"*Căn cứ Nghị quyết số* *202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc\nhội về sắp xếp đơn vị hành chính cấp tỉnh;*",
		[]want{{key: "202/2025/QH15", typ: "Nghị quyết", date: "2025-06-12", issuer: "Quốc hội", titlePrefix: "về sắp xếp"}}},
	{"stray spaces in symbols, lower-case letters (seed 1/9, 1/2)",
		"theo tinh thần Nghị quyết số 49- NQ/TU, ngày 28/9/2021 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 247/KH- UBND, ngày 14/12/2022 của UBND tỉnh về chuyển đổi số tỉnh Lạng Sơn năm 2023; Quyết định số 1513/QĐ-TTg ngày 03/12/2022 của Thủ tướng Chính phủ.",
		[]want{{key: "49-NQ/TU", issuer: "Ban Thường vụ Tỉnh ủy", date: "2021-09-28"},
			{key: "247/KH-UBND", typ: "Kế hoạch", issuer: "UBND tỉnh", titlePrefix: "về chuyển đổi số"},
			{key: "1513/QĐ-TTg", typ: "Quyết định", issuer: "Thủ tướng Chính phủ"}}},
	{"joint circular and consolidated text (021, 028)",
		"quy định tại Thông tư liên tịch số 89/2016/TTLT-BTC-BCT ngày 23 tháng 6 năm 2016 của Bộ Tài chính và Văn bản hợp nhất số 05/VBHN-VPQH ngày 16/9/2024.",
		[]want{{key: "89/2016/TTLT-BTC-BCT", typ: "Thông tư liên tịch", date: "2016-06-23"},
			{key: "05/VBHN-VPQH", typ: "Văn bản hợp nhất", date: "2024-09-16"}}},
	{"a programme known by its number (seed 1/9)",
		"Tiếp tục thực hiện Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu về dân cư.",
		[]want{{key: "Đề án 06", typ: "Đề án", issuer: "Chính phủ"}}},
	{"a number written without the accent of 'số' (002)",
		"Xét đề nghị của Sở Tài nguyên và Môi trường tại Tờ trình so 8468/TTr-STNMT ngày 24 tháng 12 năm 2021.",
		[]want{{key: "8468/TTr-STNMT", typ: "Tờ trình", date: "2021-12-24"}}},
	{"law names printed in lower case (017, 030, 026)",
		"Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Căn cứ Bộ luật dân sự ngày 24 tháng 11 năm 2015; Căn cứ Luật giá ngày 19 tháng 6 năm 2023; việc tổ chức họ phải tuân thủ các nguyên tắc quy định tại Điều 3 của Bộ luật dân sự.",
		[]want{{key: "Luật tổ chức Chính phủ năm 2015", date: "2015-06-19"},
			{key: "Bộ luật dân sự năm 2015", mentions: []string{"Bộ luật dân sự ngày 24 tháng 11 năm 2015", "Bộ luật dân sự"}, pinpoints: []string{"Điều 3"}},
			{key: "Luật giá năm 2023"}}},
	{"lower-case names with a comma; a code's name has none (026, 037)",
		"a) Pháp lệnh thuế nhà, đất năm 1992; vay với lãi suất gấp 05 lần mức lãi suất cao nhất quy định trong Bộ luật dân sự, thu lợi bất chính từ 30.000.000 đồng; theo quy định của Luật các tổ chức tín dụng hoặc cố ý nâng khống giá trị tài sản",
		[]want{{key: "Pháp lệnh thuế nhà, đất năm 1992"}, {key: "Bộ luật dân sự", mentions: []string{"Bộ luật dân sự"}},
			{key: "Luật các tổ chức tín dụng"}}},
	{"lower-case names opening with a word that ends other names (037)",
		"người được hưởng án treo phải thực hiện những nghĩa vụ quy định tại Luật thi hành án hình sự. Xử phạt theo Luật xử lý vi phạm hành chính.",
		[]want{{key: "Luật thi hành án hình sự"}, {key: "Luật xử lý vi phạm hành chính"}}},
	{"a name with 'và' and a body's name (003); 'và' and a verb ends it (016)",
		"Căn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 26 tháng 11 năm 2003; phải trả tiền sử dụng đất ở theo qui định của Luật Đất đai và sử dụng đất ở đúng mục đích.",
		[]want{{key: "Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân năm 2003", date: "2003-11-26"},
			{key: "Luật Đất đai", mentions: []string{"Luật Đất đai"}}}},
	{"a law name ends before a verb (029)",
		"được thanh toán thêm một khoản tiền bằng mức tiền chậm nộp theo quy định của Luật Quản lý thuế tính trên số tiền chậm trả và thời gian chậm trả.",
		[]want{{key: "Luật Quản lý thuế", mentions: []string{"Luật Quản lý thuế"}}}},
	{"'số' ending a law's name, and 'số:' before a number",
		"Căn cứ Luật Chuyển đổi số ngày 14 tháng 6 năm 2025; Luật Dữ liệu số: 60/2024/QH15; Luật Chuyển đổi số",
		[]want{{key: "Luật Chuyển đổi số năm 2025", mentions: []string{"Luật Chuyển đổi số ngày 14 tháng 6 năm 2025", "Luật Chuyển đổi số"}}, {key: "60/2024/QH15"}}},
	{"a lead-in list sharing the date after its last item (provincial practice)",
		"Căn cứ các Nghị quyết của Hội đồng nhân dân tỉnh khóa XVII, kỳ họp thứ mười bốn: số 29/NQ-HĐND, số 30/NQ-HĐND và số 31/NQ-HĐND ngày 10/12/2022; Nghị định số 15/2021/NĐ-CP, Nghị định số 10/2021/NĐ-CP ngày 09/02/2021 của Chính phủ.",
		[]want{{key: "29/NQ-HĐND", date: "2022-12-10", issuer: "Hội đồng nhân dân tỉnh"}, {key: "30/NQ-HĐND", date: "2022-12-10"}, {key: "31/NQ-HĐND", date: "2022-12-10"},
			{key: "15/2021/NĐ-CP"}, {key: "10/2021/NĐ-CP", date: "2021-02-09"}}},
	{"a pinpoint into the regulation a decision issued (provincial practice)",
		"thực hiện theo quy định tại khoản 2 Điều 5 Quy định ban hành kèm theo Quyết định số 31/2022/QĐ-UBND ngày 02/11/2022 của UBND tỉnh.",
		[]want{{key: "31/2022/QĐ-UBND", pinpoints: []string{"khoản 2 Điều 5"}}}},
	{"pinpoints into a procedure and an annex issued with an instrument (009)",
		"ngoài việc thực hiện quy định tại Điều 12 Quy trình ban hành kèm Quyết định 1966/QĐ-TCHQ ngày 10/07/2015 của Tổng cục Hải quan; (theo mẫu số 03/KBS/GSQL Phụ lục V ban hành kèm Thông tư 38/2015/TT- BTC)",
		[]want{{key: "1966/QĐ-TCHQ", pinpoints: []string{"Điều 12"}}, {key: "38/2015/TT-BTC", pinpoints: []string{"Phụ lục V"}}}},
	{"a dotted point label (009)",
		"người khai hải quan đề nghị hủy tờ khai hoặc dừng xuất khẩu theo quy định tại điểm b.3 khoản 7 Điều 52 Thông tư 38/2015/TT-BTC Chi cục Hải quan nơi lưu giữ hàng hóa hướng dẫn",
		[]want{{key: "38/2015/TT-BTC", pinpoints: []string{"điểm b.3 khoản 7 Điều 52"}}}},
	{"a party regulation's mixed-case code; clauses after 'các' (party and provincial practice)",
		"Thực hiện Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương; các khoản 1, 2 và 3 Điều 5 Nghị định số 15/2021/NĐ-CP; nộp các khoản thu theo Thông tư số 02/2022/TT-BTC.",
		[]want{{key: "08-QĐi/TW", typ: "Quy định", date: "2018-10-25"}, {key: "15/2021/NĐ-CP", pinpoints: []string{"khoản 1, 2 và 3 Điều 5"}},
			{key: "02/2022/TT-BTC", pinpoints: []string{}}}},
	{"a date after 'ban hành' or 'ký'",
		"theo Nghị định số 40/2020/NĐ-CP ban hành ngày 06/4/2020 của Chính phủ và Quyết định số 79/QĐ-UBND ký ngày 19/01/2023.",
		[]want{{key: "40/2020/NĐ-CP", date: "2020-04-06", issuer: "Chính phủ"}, {key: "79/QĐ-UBND", date: "2023-01-19"}}},
	{"a portal's bracketed note is not the document's text (029)",
		"phải căn cứ quy định tại Điều 78 [Cụm từ này bị thay thế bởi Điểm a Khoản 5 Điều 49 Luật Công nghiệp công nghệ số 2025 có hiệu lực từ ngày 01/01/2026] theo Nghị định số 43/2014/NĐ-CP [trích dẫn]",
		[]want{{key: "43/2014/NĐ-CP"}}},
	{"a law named by an abbreviation (012, 009)",
		"V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014; Căn cứ vào khoản 1 Điều 162 Luật Doanh nghiệp 2014 thì hợp đồng",
		[]want{{key: "Luật Doanh nghiệp năm 2014", mentions: []string{"Luật DN 2014", "Luật Doanh nghiệp 2014"}}}},
	{"the running text's issuer wins over an upper-case heading's (a plan's title, constructed)",
		"THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ\n\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
		[]want{{key: "57-NQ/TW", date: "2024-12-22", issuer: "Bộ Chính trị"}}},
	{"units joined by 'của' in a pinpoint",
		"được thực hiện theo quy định tại khoản 3 của Điều 46 Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính phủ.",
		[]want{{key: "40/2020/NĐ-CP", pinpoints: []string{"khoản 3 của Điều 46"}}}},
	{"a law name ends before a verb (019)",
		"a) Các đối tượng quy định tại khoản 1 Điều 10 Luật Phí và lệ phí khai thác thông tin của mình và khai thác thông tin người sử dụng đất khác",
		[]want{{key: "Luật Phí và lệ phí", pinpoints: []string{"khoản 1 Điều 10"}}}},
	{"'số' meaning digital inside a law's name; 'đổi mới' (029, outside the portal's brackets)",
		"Cụm từ này bị thay thế bởi Điểm a Khoản 5 Điều 49 Luật Công nghiệp công nghệ số 2025 có hiệu lực từ ngày 01/01/2026; Khoản này được bổ sung bởi Khoản 4 Điều 71 Luật Khoa học, Công nghệ và Đổi mới sáng tạo 2025 có hiệu lực từ ngày 01/10/2025",
		[]want{{key: "Luật Công nghiệp công nghệ số năm 2025", pinpoints: []string{"Điểm a Khoản 5 Điều 49"}},
			{key: "Luật Khoa học, Công nghệ và Đổi mới sáng tạo năm 2025", pinpoints: []string{"Khoản 4 Điều 71"}}}},
	{"issuers with lower-case words: a director general, a corporation (007, 012)",
		"thay thế Quyết định số 3987/QĐ-TCHQ ngày 4/12/2013 của Tổng cục trưởng Tổng cục Hải quan về việc ban hành quy trình; Phúc đáp Công văn số 615/KVN-PC ngày 3 tháng 4 năm 2019 của Tổng công ty Khí Việt Nam- CTCP (PV GAS) về việc hướng dẫn",
		[]want{{key: "3987/QĐ-TCHQ", issuer: "Tổng cục trưởng Tổng cục Hải quan", titlePrefix: "về việc ban hành"},
			{key: "615/KVN-PC", issuer: "Tổng công ty Khí Việt Nam- CTCP"}}},
	{"the issuer named before the mention: 'của X tại' (seed 6.10, 002)",
		"thực hiện theo quy định tại Nghị định số 99/2021/NĐ-CP ngày 11/11/2021 của Chính phủ và văn bản chỉ đạo của UBND tỉnh tại Công văn số 100/UBND-KT ngày 24/01/2022. Theo đề nghị của UBND huyện Châu Thành tại Tờ trình số 308/TTr-UBND ngày 10 tháng 12 năm 2021",
		[]want{{key: "99/2021/NĐ-CP", issuer: "Chính phủ"}, {key: "100/UBND-KT", typ: "Công văn", issuer: "UBND tỉnh", mentions: []string{"Công văn số 100/UBND-KT ngày 24/01/2022"}},
			{key: "308/TTr-UBND", issuer: "UBND huyện Châu Thành"}}},
	{"an issuer shared by a list joined by 'và' (033)",
		"6. Cơ bản thống nhất nội dung sửa đổi, bổ sung Quy định số\n232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương Đảng về thi hành\nĐiều lệ Đảng; Quy định số 22-QĐ/TW, ngày 28/7/2021 và Quy định số\n262-QĐ/TW, ngày 03/02/2025 của Ban Chấp hành Trung ương Đảng về công tác\nkiểm tra, giám sát và kỷ luật của Đảng.",
		[]want{{key: "232-QĐ/TW", issuer: "Ban Chấp hành Trung ương Đảng"},
			{key: "22-QĐ/TW", date: "2021-07-28", issuer: "Ban Chấp hành Trung ương Đảng"},
			{key: "262-QĐ/TW", issuer: "Ban Chấp hành Trung ương Đảng"}}},
	{"an unnumbered instrument named by type, issuer and subject (seed bases, 2/1)",
		"Căn cứ Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội, Dự toán ngân sách nhà nước và cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh quốc gia năm 2023;\n\nTổ chức chỉ đạo triển khai thực hiện quyết liệt, linh hoạt, hiệu quả Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán ngân sách nhà nước năm 2023, các Nghị quyết của Ban Chấp hành Đảng bộ tỉnh, HĐND tỉnh về mục tiêu, nhiệm vụ kế hoạch năm 2023; thực hiện Nghị quyết của Chính phủ về phát triển kinh tế - xã hội vùng trung du và miền núi phía Bắc.",
		[]want{{key: "01/NQ-CP", mentions: []string{"Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ",
			"Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán ngân sách nhà nước năm 2023"}}}},
	{"a sentence wrapped before a capitalised word keeps its issuer; Thông báo kết luận; a typo in the type (003)",
		"Căn cứ Quyết định số 1019/QĐ-UBND ngày 16/6/2022 của\nUBND tỉnh Lạng Sơn về việc ban hành quy trình; Thực hiện Thông báo kết luận số 245-TB/TU ngày 15/3/2024 của Thường trực Tỉnh ủy; được sửa đổi tại khoản 1 Điều 1 Nghị đinh số 13/2010/NĐ-CP; Pháp lệnh Ưu đãi người có công với cách mạng năm 2020",
		[]want{{key: "1019/QĐ-UBND", issuer: "UBND tỉnh Lạng Sơn", titlePrefix: "về việc ban hành"},
			{key: "245-TB/TU", typ: "Thông báo", issuer: "Thường trực Tỉnh ủy", mentions: []string{"Thông báo kết luận số 245-TB/TU ngày 15/3/2024 của Thường trực Tỉnh ủy"}},
			{key: "13/2010/NĐ-CP", typ: "Nghị định", pinpoints: []string{"khoản 1 Điều 1"}},
			{key: "Pháp lệnh Ưu đãi người có công với cách mạng năm 2020"}}},
	{"commas inside law names, and a comma ending one (027, 029)",
		"theo quy định của Luật Thuế xuất khẩu, thuế nhập khẩu và Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp; thời hạn theo quy định của Luật Đất đai, người sử dụng đất phải nộp.",
		[]want{{key: "Luật Thuế xuất khẩu, thuế nhập khẩu"}, {key: "Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp"},
			{key: "Luật Đất đai", mentions: []string{"Luật Đất đai"}}}},
}

func TestCiteCases(t *testing.T) {
	for _, tc := range citeCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, r := extractText(t, tc.text)
			if len(r.Citations) != len(tc.wants) {
				t.Errorf("got %d citations %q, want %d", len(r.Citations), keysOf(r), len(tc.wants))
			}
			for _, w := range tc.wants {
				c := findCite(r, w.key)
				if c == nil {
					t.Errorf("missing %q (got %q)", w.key, keysOf(r))
					continue
				}
				if c.Key != w.key {
					t.Errorf("key %q, want %q", c.Key, w.key)
				}
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("%s: %s = %q, want %q", w.key, field, got, want)
					}
				}
				check("type", c.Type, w.typ)
				check("date", str(c.Date), w.date)
				check("issuer", str(c.Issuer), w.issuer)
				if w.titlePrefix != "" && !strings.HasPrefix(str(c.Title), w.titlePrefix) {
					t.Errorf("%s: title %q, want it to start with %q", w.key, str(c.Title), w.titlePrefix)
				}
				if w.mentions != nil {
					var got []string
					for _, m := range c.Mentions {
						got = append(got, m.Text)
					}
					if strings.Join(got, "|") != strings.Join(w.mentions, "|") {
						t.Errorf("%s: mentions %q, want %q", w.key, got, w.mentions)
					}
				}
				if w.pinpoints != nil {
					var got []string
					for _, m := range c.Mentions {
						if m.Pinpoint != nil {
							got = append(got, *m.Pinpoint)
						}
					}
					if strings.Join(got, "|") != strings.Join(w.pinpoints, "|") {
						t.Errorf("%s: pinpoints %q, want %q", w.key, got, w.pinpoints)
					}
				}
				// every mention points at its own text in the source
				for _, m := range c.Mentions {
					src := strings.Join(strings.Fields(doc.Text[m.Offset:m.End]), " ")
					if src != m.Text {
						t.Errorf("%s: text %q but source at %d:%d is %q", w.key, m.Text, m.Offset, m.End, src)
					}
					if p := doc.Position(m.Offset); p.Line != m.Line || p.Col != m.Col {
						t.Errorf("%s: mention at %d:%d, source says %d:%d", w.key, m.Line, m.Col, p.Line, p.Col)
					}
				}
			}
		})
	}
}

// TestNotInstruments holds the traps: plenums, border markers, road
// chainage, ratios and amounts are not instruments (seed 13.1, 4.2, 4.5,
// 7.7, appendix).
func TestNotInstruments(t *testing.T) {
	for _, text := range []string{
		"Tiếp tục thực hiện Nghị quyết Trung ương 8 khóa XI về Chiến lược bảo vệ tổ quốc trong tình hình mới.",
		"đưa tuyến đường chuyên dụng vận chuyển hàng hóa khu vực mốc 1088/2-1089 vào hoạt động chính thức.",
		"Cải tạo, nâng cấp Quốc lộ 4B (đoạn Km3 700-Km18), nâng cấp Quốc lộ 4B đoạn Km18-Km80.",
		"tỷ lệ 104/111 xã đạt chuẩn; mức lương cơ sở 1,8 triệu đồng/tháng; Số bác sỹ/10.000 dân đạt 12.",
		"Thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII của Đảng và Nghị quyết của HĐND tỉnh về chính sách.",
		"kê khai theo Mẫu số 01/TK-SDDPNN ban hành kèm theo Thông tư; giai đoạn 2021 - 2025; dịch COVID-19.",
		"Nguồn thu từ hoạt động xổ số kiến thiết tiếp tục điều tiết 100% ngân sách tỉnh.",
		"Luật sư có quyền tham gia tố tụng. Luật pháp nghiêm minh; Luật gia Nguyễn Văn A.",
	} {
		_, r := extractText(t, text)
		if len(r.Citations) > 0 {
			t.Errorf("%q: got citations %q, want none", text, keysOf(r))
		}
		for _, ir := range r.Internal {
			t.Errorf("%q: got internal reference %q, want none", text, ir.Text)
		}
	}
}

// TestSelfAndInternal: the seed's references to itself are not citations;
// its pinpoints into itself are internal references with their paths.
func TestSelfAndInternal(t *testing.T) {
	doc := loadSeed(t)
	r := ExtractAll(doc)
	for _, c := range r.Citations {
		if symKey(c.Key) == symKey("79/QĐ-UBND") {
			t.Errorf("the document's own number is cited: %+v", c.Mentions)
		}
	}
	found := false
	for _, ir := range r.Internal {
		if ir.Text == "Điều 3" && ir.Path == "recipients" && len(ir.Targets) == 1 && ir.Targets[0] == "3" && ir.Resolved {
			found = true
		}
	}
	if !found {
		t.Errorf("'Như Điều 3' in the recipients is not an internal reference to 3: %+v", r.Internal)
	}

	src := "Điều 1. Phạm vi\n\n1. Nghị định này quy định về thuế.\n\n2. Trường hợp quy định tại khoản 1 Điều này thì áp dụng khoản 2 Điều 2 của Nghị định này.\n\nĐiều 2. Đối tượng\n\n1. Tổ chức.\n\n2. Cá nhân theo quy định tại Điều 6 Mục này.\n"
	d, _ := parser.Parse("d.txt", src)
	res := ExtractAll(d)
	if len(res.Citations) != 0 {
		t.Errorf("self-references cited: %q", keysOf(res))
	}
	got := map[string]string{}
	for _, ir := range res.Internal {
		got[ir.Text] = strings.Join(ir.Targets, ",")
	}
	want := map[string]string{"khoản 1 Điều này": "1/1", "khoản 2 Điều 2": "2/2", "Điều 6 Mục này": "6"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("internal %q → %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

// TestCorpusDocuments runs the extractor over real documents of the shared
// corpus when it is there and checks what each must and must not give.
func TestCorpusDocuments(t *testing.T) {
	const dir = "/work/shared/corpus/"
	cases := []struct {
		file      string
		must, not []string
	}{
		{"035.txt", []string{"37/2025/NĐ-CP", "145/2020/NĐ-CP", "60/2021/NĐ-CP", "111/2025/NĐ-CP", "07/2013/TTLT-BGDĐT-BNV-BTC"},
			[]string{"21/2025/TT-BGDĐT", "21/2025/TT"}},
		{"028.txt", []string{"48/2010/QH12", "31/2024/QH15", "43/2024/QH15", "35/2018/QH14", "61/2022/QH15"},
			[]string{"05/VBHN-VPQH", "Luật Thuế sử dụng đất phi nông nghiệp"}},
		{"033.txt", []string{"232-QĐ/TW", "22-QĐ/TW", "262-QĐ/TW", "35-CT/TW", "118-KL/TW", "18-NQ/TW"}, []string{"60-NQ/TW"}},
		// the portal's bracketed notes ("[… bị thay thế bởi Điều 22 Nghị
		// định 38/2000/NĐ-CP có hiệu lực từ ngày 07/09/2000 …]") are not
		// the 1994 decree's text
		{"016.txt", []string{"Luật Đất đai năm 1993", "Pháp lệnh nhà ở năm 1991"}, []string{"61-CP", "38/2000/NĐ-CP", "21-CP", "70-TC/TCT"}},
		{"031.txt", []string{"203/2025/QH15", "72/2025/QH15", "402/TTr-CP", "403/ĐA-CP", "417/BC-UBPLTP15"}, []string{"1659/NQ-UBTVQH15"}},
		{"017.txt", []string{"Luật tổ chức Chính phủ năm 2015", "Bộ luật dân sự năm 2015"}, nil},
		{"003.txt", []string{"Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân năm 2003", "13/2010/NĐ-CP"}, []string{"Luật Tổ chức Hội đồng nhân dân"}},
		{"019.txt", []string{"Luật Phí và lệ phí năm 2015"}, []string{"Luật Phí và lệ phí khai thác thông tin"}},
		{"025.txt", []string{"31/2024/QH15", "27/2023/QH15", "132/2020/QH14"},
			[]string{"43/2024/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15"}},
		{"029.txt", []string{"Luật Quản lý thuế"}, []string{"Luật Quản lý thuế tính", "151/2025/NĐ-CP"}},
		{"012.txt", []string{"Luật Doanh nghiệp năm 2014", "615/KVN-PC"}, []string{"Luật DN năm 2014"}},
	}
	for _, tc := range cases {
		b, err := os.ReadFile(dir + tc.file)
		if err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		doc, _ := parser.Parse(tc.file, string(b))
		r := ExtractAll(doc)
		for _, k := range tc.must {
			if findCite(r, k) == nil {
				t.Errorf("%s: %q not found (got %q)", tc.file, k, keysOf(r))
			}
		}
		for _, k := range tc.not {
			if findCite(r, k) != nil {
				t.Errorf("%s: %q found, must not be", tc.file, k)
			}
		}
	}
}

// TestIssuerNotShared: a list item keeps no issuer when the symbols of the
// list disagree (021: a law of the National Assembly before a government
// decree; 031: a government scheme before a committee's report).
func TestIssuerNotShared(t *testing.T) {
	for _, tc := range []struct{ text, key string }{
		{"hướng dẫn thực hiện Cơ chế một cửa quốc gia theo quy định tại Luật Hải quan số 54/2014/QH13 ngày 23 tháng 6 năm 2014 và Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2015 của Chính phủ quy định chi Tiết", "54/2014/QH13"},
		{"Xét đề nghị của Chính phủ tại Tờ trình số 402/TTr-CP và Đề án số\n403/ĐA-CP ngày 09 tháng 5 năm 2025, Báo cáo thẩm tra số 417/BC-UBPLTP15\nngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và Tư pháp,", "403/ĐA-CP"},
	} {
		_, r := extractText(t, tc.text)
		c := findCite(r, tc.key)
		if c == nil {
			t.Errorf("%s not found in %q", tc.key, keysOf(r))
			continue
		}
		if c.Issuer != nil {
			t.Errorf("%s: issuer %q, want none", tc.key, *c.Issuer)
		}
	}
}

// TestOwnNameNotCited: the portal's title line above the header, the
// upper-case name of an amending law in its header and its promulgation
// formula name the document itself, not instruments it cites (025, 011).
func TestOwnNameNotCited(t *testing.T) {
	src := "Luật sửa đổi Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản và Luật Các tổ chức tín dụng 2024\n" +
		"QUỐC HỘI -------\n" +
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Luật số:  43/2024/QH15\n" +
		"Hà Nội, ngày 29 tháng 6 năm 2024 LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI SỐ 31/2024/QH15, LUẬT NHÀ Ở SỐ 27/2023/QH15, LUẬT KINH DOANH BẤT ĐỘNG SẢN SỐ 29/2023/QH15 VÀ LUẬT CÁC TỔ CHỨC TÍN DỤNG SỐ 32/2024/QH15\n" +
		"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n" +
		"Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15.\n" +
		"Điều 1. Sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15\n" +
		"1. Sửa đổi, bổ sung khoản 2 Điều 251 như sau:\n"
	doc, _ := parser.Parse("025.txt", src)
	r := ExtractAll(doc)
	got := map[string]int{}
	for _, c := range r.Citations {
		got[c.Key] = len(c.Mentions)
	}
	want := map[string]int{"Hiến pháp": 1, "31/2024/QH15": 1}
	if len(got) != len(want) {
		t.Errorf("citations %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d mentions, want %d (all %v)", k, got[k], n, got)
		}
	}

	src = "Công văn 3397/BKHĐT-QLKTTW năm 2019 hướng dẫn áp dụng quy định tại Điều 162 Luật Doanh nghiệp 2014 do Bộ Kế hoạch và Đầu tư ban hành\n" +
		"BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n" +
		"Số: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam-CTCP (PV GAS)\n" +
		"Căn cứ vào khoản 1 Điều 162 và khoản 17 Điều 4 Luật Doanh nghiệp thì hợp đồng ký giữa VP GAS với PVN là các hợp đồng thuộc đối tượng quy định.\n"
	doc, _ = parser.Parse("012.txt", src)
	r = ExtractAll(doc)
	for _, c := range r.Citations {
		for _, m := range c.Mentions {
			if m.Line == 1 {
				t.Errorf("%s: mention on the portal's title line: %q", c.Key, m.Text)
			}
		}
	}
	if len(r.Citations) == 0 {
		t.Errorf("no citations in the letter's body")
	}
}

// corpus 009 (CV 778/TCHQ-GSQL, line 117): after a comma, "giao X …",
// "thông qua …", "quyết định …" go on with the sentence; they are no
// subject of the instrument before them. "…, về việc …" still is.
func TestNoTitleFromClauseVerb(t *testing.T) {
	_, r := extractText(t, "2. Dừng đưa hàng qua KVGS\nNgoài thực hiện quy định tại Điều 14 Quy trình ban hành kèm Quyết định 1966/QĐ- TCHQ, giao Chi cục HQCK cảng SGKV 1 phối hợp Tổng Công ty Tân Cảng Sài Gòn xây dựng quy chế phối hợp.\n")
	c := findCite(r, "1966/QĐ-TCHQ")
	if c == nil {
		t.Fatalf("missing 1966/QĐ-TCHQ (got %q)", keysOf(r))
	}
	if c.Title != nil {
		t.Errorf("title %q, want none", *c.Title)
	}
	_, r = extractText(t, "1. Thực hiện theo Quyết định số 570/QĐ-UBND ngày 21/3/2021 của UBND tỉnh, về việc ban hành kế hoạch chuyển đổi số.\n")
	if c := findCite(r, "570/QĐ-UBND"); c == nil || !strings.HasPrefix(str(c.Title), "về việc ban hành") {
		t.Errorf("570/QĐ-UBND: got %+v", c)
	}
}

// The symbol code BB stands for a Biên bản (minutes), which may carry a
// description before its number (corpus 030, Quyết định 3467/QĐ-BYT); a
// form's number after the words of a type is no citation (corpus 007, the
// signature labels of a form: "NGƯỜI GHI BIÊN BẢN Mẫu số 04/HKQXDTMS").
func TestMinutes(t *testing.T) {
	_, r := extractText(t, "Căn cứ Tờ trình số 1410/TTr-KHTC ngày 31/10/2024; Biên bản họp thẩm định giá KBCC số 1400/BB-BYT ngày 28/10/2024 của Hội đồng thẩm định.")
	c := findCite(r, "1400/BB-BYT")
	if c == nil || c.Type != "Biên bản" || !strings.HasPrefix(c.Mentions[0].Text, "Biên bản họp thẩm định giá KBCC số 1400/BB-BYT") {
		t.Errorf("got %+v", c)
	}
	_, r = extractText(t, "ĐẠI DIỆN CỤC THUẾ XNK ĐẠI DIỆN TỔ CHỨC, CÁ NHÂN NGƯỜI GHI BIÊN BẢN Mẫu số 04/HKQXDTMS/2015 BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN")
	if len(r.Citations) != 0 {
		t.Errorf("got %q", keysOf(r))
	}
}

// A law or code named with its number has its name for a subject: the
// "về …" after it is the subject of the instrument that names it (corpus
// 024, NQ 01/2024/NQ-HĐTP), and an amending law's heading after it is no
// subject at all (corpus 025, Luật 43/2024/QH15).
func TestNamedLawTakesNoSubject(t *testing.T) {
	_, r := extractText(t, "1. Địa chỉ nơi cư trú của người bị kiện được xác định theo quy định của Bộ luật Tố tụng dân sự và hướng dẫn tại Điều 5, Điều 6 của Nghị quyết số 04/2017/NQ-HĐTP ngày 05 tháng 5 năm 2017 của Hội đồng Thẩm phán Tòa án nhân dân tối cao hướng dẫn một số quy định tại khoản 1 và khoản 3 Điều 192 Bộ luật Tố tụng dân sự số 92/2015/QH13 về trả lại đơn khởi kiện, quyền nộp đơn khởi kiện lại vụ án.\n\nkhoản 1 Điều 197 của Luật Nhà ở số 27/2023/QH15 Sửa đổi, bổ sung khoản 1 Điều 197 như sau:")
	titles := map[string]string{
		"04/2017/NQ-HĐTP": "hướng dẫn một số quy định tại khoản 1 và khoản 3 Điều 192 Bộ luật Tố tụng dân sự số 92/2015/QH13 về trả lại đơn khởi kiện, quyền nộp đơn khởi kiện lại vụ án",
		"92/2015/QH13":    "",
		"27/2023/QH15":    "",
	}
	for k, want := range titles {
		c := findCite(r, k)
		if c == nil {
			t.Errorf("missing %s (got %q)", k, keysOf(r))
			continue
		}
		if got := str(c.Title); got != want {
			t.Errorf("%s: title %q, want %q", k, got, want)
		}
	}
}

// TestJointIssuers: every issuer of a joint instrument named after "của" or
// "giữa" is its issuer and part of its mention (035, 021); a name after
// "và" or "," that starts a new clause is not a second issuer.
func TestJointIssuers(t *testing.T) {
	for _, tc := range []struct{ text, key, issuer, mentionEnd string }{
		{"thực hiện theo quy định tại Thông tư liên tịch số07/2013/TTLT-BGDĐT-BNV-BTCngày 08 tháng 03 năm\n2013 của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ\nTài chính hướng dẫn thực hiện chế độ trả lương dạy thêmgiờ đối với nhà\ngiáo trong các cơ sở giáo dục công lập.",
			"07/2013/TTLT-BGDĐT-BNV-BTC", "Bộ trưởng Bộ Giáo dục và Đào tạo - Bộ trưởng Bộ Nội vụ - Bộ trưởng Bộ Tài chính", "và Bộ trưởng Bộ Tài chính"},
		{"a Bộ Công Thương quy định tại Thông tư liên tịch số 84/2013/TTLT-BTC-BCT-BGTVT ngày 25 tháng 6 năm 2013 giữa Bộ Tài chính, Bộ Công Thương và Bộ Giao thông vận tải hướng dẫn thực hiện Quyết định số 48/2011/QĐ-TTg ngày 31 tháng 8 năm 2011 của Thủ tướng Chính phủ về thí Điểm Cơ chế hải quan một cửa quốc gia",
			"84/2013/TTLT-BTC-BCT-BGTVT", "Bộ Tài chính - Bộ Công Thương - Bộ Giao thông vận tải", "và Bộ Giao thông vận tải"},
		{"Các biểu mẫu thực hiện theo Thông tư liên tịch số 89/2016/TTLT-BTC-BCT ngày 23 tháng 6 năm 2016 của Bộ Tài chính, Bộ Công thương hướng dẫn thực hiện Cơ chế một cửa quốc gia.",
			"89/2016/TTLT-BTC-BCT", "Bộ Tài chính - Bộ Công thương", "Bộ Tài chính, Bộ Công thương"},
		{"theo Nghị định số 15/2021/NĐ-CP ngày 03 tháng 3 năm 2021 của Chính phủ, Bộ Xây dựng có trách nhiệm hướng dẫn.",
			"15/2021/NĐ-CP", "Chính phủ", "của Chính phủ"},
		{"theo Nghị định số 15/2021/NĐ-CP ngày 03 tháng 3 năm 2021 của Chính phủ và Bộ Xây dựng chủ trì thực hiện.",
			"15/2021/NĐ-CP", "Chính phủ", "của Chính phủ"},
	} {
		_, r := extractText(t, tc.text)
		c := findCite(r, tc.key)
		if c == nil {
			t.Errorf("%s not found in %q", tc.key, keysOf(r))
			continue
		}
		if got := str(c.Issuer); got != tc.issuer {
			t.Errorf("%s: issuer %q, want %q", tc.key, got, tc.issuer)
		}
		if len(c.Mentions) == 0 || !strings.HasSuffix(c.Mentions[0].Text, tc.mentionEnd) {
			t.Errorf("%s: mentions %+v, want the first ending in %q", tc.key, c.Mentions, tc.mentionEnd)
		}
	}
}

// TestSelfUnitTakesNoList: "Điều này" is one unit; a number after its "và"
// counts something else (032, Nghị quyết 1655/NQ-UBTVQH15, khoản 64).
func TestSelfUnitTakesNoList(t *testing.T) {
	src := "Điều 1. Sắp xếp\n\n1. Sắp xếp xã A và xã B thành xã mới.\n\n2. Sau khi sắp xếp, tỉnh Cà Mau có 64 đơn vị hành chính cấp xã, gồm 55 xã và 09 phường; trong đó có 54 xã, 09 phường hình thành sau sắp xếp quy định tại Điều này và 01 xã không thực hiện sắp xếp là xã Hồ Thị Kỷ.\n"
	d, _ := parser.Parse("d.txt", src)
	res := ExtractAll(d)
	var got []string
	for _, ir := range res.Internal {
		got = append(got, ir.Text+" → "+strings.Join(ir.Targets, ","))
	}
	if len(got) != 1 || got[0] != "Điều này → 1" {
		t.Errorf("internal references %q, want [\"Điều này → 1\"]", got)
	}
}
