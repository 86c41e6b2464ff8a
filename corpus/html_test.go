package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestVBPLToanVan(t *testing.T) {
	in := readFixture(t, "vbpl_toanvan_bo_luat_hinh_su_excerpt.html")
	if in.Format != FormatHTML || in.Encoding != "utf-8" {
		t.Errorf("format %s, encoding %s", in.Format, in.Encoding)
	}
	for _, want := range []string{
		"QUỐC HỘI", "Số: 100/2015/QH13", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Hà Nội, ngày 27 tháng 11 năm 2015", "BỘ LUẬT", "HÌNH SỰ", "Chương I",
		"Điều 1. Nhiệm vụ của Bộ luật hình sự", "Điều 2. Cơ sở của trách nhiệm hình sự", "Điều 3. Nguyên tắc xử lý",
		"1. Đối với người phạm tội:",
		"d) Nghiêm trị người phạm tội dùng thủ đoạn xảo quyệt, có tổ chức, có tính chất chuyên nghiệp, cố ý gây hậu quả đặc biệt nghiêm trọng.",
		"Chủ tịch Quốc hội", "(Đã ký)", "Nguyễn Sinh Hùng",
	} {
		if !hasLine(in.Text, want) {
			t.Errorf("missing line %q", want)
		}
	}
	for _, l := range lines(in.Text) {
		for _, bad := range []string{"Đang tải", "not text", "Thuộc tính", "Tải file đính kèm", "Văn bản pháp luật", "Hiệu lực:", "  "} {
			if strings.Contains(l, bad) {
				t.Errorf("unwanted %q in line %q", bad, l)
			}
		}
		if l != strings.TrimSpace(l) {
			t.Errorf("untrimmed line %q", l)
		}
	}
	// Document order: header, then Điều 1, then the signature.
	text := in.Text
	if !(strings.Index(text, "Số: 100/2015/QH13") < strings.Index(text, "Điều 1.") &&
		strings.Index(text, "Điều 1.") < strings.Index(text, "Điều 3.") &&
		strings.Index(text, "Điều 3.") < strings.Index(text, "Nguyễn Sinh Hùng")) {
		t.Error("lines out of document order")
	}
}

func TestVBPLThuocTinh(t *testing.T) {
	in := readFixture(t, "vbpl_thuoctinh_bo_luat_to_tung_hinh_su_excerpt.html")
	ls := lines(in.Text)
	for _, want := range []string{
		"| Tố tụng hình sự | Tố tụng hình sự | Tố tụng hình sự | Tố tụng hình sự |",
		"| Số ký hiệu | 101/2015/QH13 | Ngày ban hành | 27/11/2015 |",
		"| Loại văn bản | Bộ luật | Ngày có hiệu lực | 01/01/2018 |",
		"| Cơ quan ban hành/ Chức danh / Người ký | Quốc hội | Chủ tịch Quốc hội | Nguyễn Sinh Hùng |",
		"| Phạm vi | Toàn quốc | Toàn quốc | Toàn quốc |",
	} {
		if !hasLine(in.Text, want) {
			t.Errorf("missing line %q in\n%s", want, in.Text)
		}
	}
	for i, l := range ls {
		if strings.HasPrefix(l, "| Tố tụng hình sự") && (i == 0 || ls[i-1] != "") {
			t.Error("no blank line before the table")
		}
		if strings.Contains(l, "Toàn văn") || strings.Contains(l, "Trang chủ") {
			t.Errorf("portal menu line %q", l)
		}
	}
	if ls[len(ls)-1] != "| Tình trạng hiệu lực: Còn hiệu lực | Tình trạng hiệu lực: Còn hiệu lực | Tình trạng hiệu lực: Còn hiệu lực | Tình trạng hiệu lực: Còn hiệu lực |" {
		t.Errorf("last line %q", ls[len(ls)-1])
	}
}

func TestHTMLTables(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // exact text
	}{
		{"rowspan and colspan", `<html><body><p>Phụ lục</p><table>
<tr><th rowspan="2">STT</th><th rowspan="2">Tên xã</th><th colspan="2">Diện tích</th></tr>
<tr><th>km2</th><th>ha</th></tr>
<tr><td>1</td><td colspan="2" rowspan="2">Xã A<br>(mới)</td><td>10</td></tr>
<tr><td>2</td><td>20</td></tr>
</table><p>Điều 2.</p></body></html>`, []string{
			"Phụ lục",
			"",
			"| STT | Tên xã | Diện tích | Diện tích |",
			"| STT | Tên xã | km2 | ha |",
			"| 1 | Xã A (mới) | Xã A (mới) | 10 |",
			"| 2 | Xã A (mới) | Xã A (mới) | 20 |",
			"",
			"Điều 2.",
		}},
		{"pipe escaped, short rows padded, empty rows dropped", `<html><body><table>
<tr><td>a|b</td><td><p>x</p><p>y</p></td><td>z</td></tr>
<tr><td>1</td></tr><tr><td> </td><td></td></tr></table></body></html>`, []string{
			`| a\|b | x y | z |`,
			"| 1 |  |  |",
		}},
		{"layout table as blocks", `<html><body><table><tr><td><div><b>ỦY BAN NHÂN DÂN</b></div><div>Số: 12/QĐ-UBND</div></td></tr></table><p>QUYẾT ĐỊNH</p></body></html>`, []string{
			"ỦY BAN NHÂN DÂN", "Số: 12/QĐ-UBND", "QUYẾT ĐỊNH",
		}},
		{"nested table flattened inside a cell", `<html><body><table><tr><td>A</td><td><table><tr><td>b1</td><td>b2</td></tr></table></td></tr></table></body></html>`, []string{
			"| A | b1 b2 |",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := Decode("t.html", []byte(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tc.want, "\n"); in.Text != want {
				t.Errorf("got\n%s\nwant\n%s", in.Text, want)
			}
		})
	}
}

func TestHTMLBlocksAndChrome(t *testing.T) {
	page := `<!DOCTYPE html><html><head><style>p{}</style></head><body>
<nav><a>Trang chủ</a></nav><header>Hệ thống pháp luật</header>
<form action="x"><div class="content1">
<div>Hệ thống pháp luật</div>
<p>Đang tải nội dung, vui lòng chờ giây lát...</p>
<p><strong>Điều <a name="d1"></a>1.</strong>   Phạm vi
   điều chỉnh</p>
<ul><li>a) Khoản một;</li><li>b) Khoản hai.</li></ul>
<p>&nbsp;</p>
<h3>Chương II</h3>text after heading<br>next&nbsp;line
<noscript>bật JavaScript</noscript><input value="Tìm kiếm"><button>Gửi</button>
</div></form><footer>Bản quyền</footer></body></html>`
	in, err := Decode("p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Điều 1. Phạm vi điều chỉnh\na) Khoản một;\nb) Khoản hai.\n\nChương II\ntext after heading\nnext\u00a0line"
	if in.Text != want {
		t.Errorf("got\n%q\nwant\n%q", in.Text, want)
	}
}

func TestHTMLWithoutContainer(t *testing.T) {
	page := `<html><body><div class="menu"><a>Trang chủ</a> <a>Văn bản</a></div>
<div class="main-x"><p>Điều 1. Phạm vi điều chỉnh</p><p>Nghị định này quy định chi tiết một số điều của Luật Đất đai về bồi thường, hỗ trợ, tái định cư.</p>
<p>Điều 2. Đối tượng áp dụng</p><p>Cơ quan thực hiện chức năng quản lý nhà nước về đất đai.</p></div></body></html>`
	in, err := Decode("q.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(in.Text, "Điều 1. Phạm vi điều chỉnh\n") || !hasLine(in.Text, "Điều 2. Đối tượng áp dụng") {
		t.Errorf("got %q", in.Text)
	}
}

func TestHTMLDeclaredCharset(t *testing.T) {
	// Windows-1258 writes tones as combining marks after the vowel.
	data := []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body><p>\xd0i\xea\xccu 1. Quy\xea\xect \xf0i\xf2nh cu\xd2a U\xd2y ban nh\xe2n d\xe2n ti\xd2nh</p></body></html>")
	if _, err := charmap.Windows1258.NewDecoder().Bytes(data); err != nil {
		t.Fatal(err)
	}
	in, err := Decode("cp1258.htm", data)
	if err != nil {
		t.Fatal(err)
	}
	if in.Encoding != "windows-1258" || in.Text != "Điều 1. Quyết định của Ủy ban nhân dân tỉnh" {
		t.Errorf("%s %q", in.Encoding, in.Text)
	}

	// An old page declaring windows-1252 but written in VNI fonts.
	vni := []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xd1ie\xe0u 1. Quye\xe1t \xf1\xf2nh cu\xfba U\xdby ban nha\xe2n da\xe2n t\xe6nh</p><p>Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam</p></body></html>")
	in, err = Decode("vni.html", vni)
	if err != nil {
		t.Fatal(err)
	}
	if in.Encoding != "vni" || in.Text != "Điều 1. Quyết định của Ủy ban nhân dân tỉnh\nCộng hòa xã hội chủ nghĩa Việt Nam" {
		t.Errorf("%s %q", in.Encoding, in.Text)
	}
}
