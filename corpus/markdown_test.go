package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanMarkdownLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**NGHỊ QUYẾT**", "NGHỊ QUYẾT"},
		{"**Điều 1. Sắp xếp các đơn vị hành chính**", "Điều 1. Sắp xếp các đơn vị hành chính"},
		{"1\\. Sắp xếp toàn bộ diện tích thành **phường Hải Châu**.", "1. Sắp xếp toàn bộ diện tích thành phường Hải Châu."},
		{"\\- Báo cáo chính trị", "- Báo cáo chính trị"},
		{"**1. **Thông qua nội dung", "1. Thông qua nội dung"},
		{"*Căn cứ* *Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"},
		{"_(Ban hành kèm theo Công văn số 1027/CTK-CSCL)_", "(Ban hành kèm theo Công văn số 1027/CTK-CSCL)"},
		{"## **Phụ lục I DANH MỤC**", "Phụ lục I DANH MỤC"},
		{"# MỤC TIÊU", "MỤC TIÊU"},
		{"  ----------------------- -----------------------------------------------", ""},
		{"+------------------------------+:-------------------------------------:+", ""},
		{"* *", ""},
		{"    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\", "    ỦY BAN THƯỜNG VỤ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"     \\-\\-\\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\--**", "     --------            ------"},
		{"| ***Nơi nhận:\\***             | \\                                     |", "| Nơi nhận:             |                                      |"},
		{"| 1 | Phường Văn Miếu -<br>Quốc Tử Giám | a\\|b |", "| 1 | Phường Văn Miếu -<br>Quốc Tử Giám | a\\|b |"},
		{"| 11  | 00226 | Phường Văn Miếu |", "| 11  | 00226 | Phường Văn Miếu |"},
		{"<td>**I **</td>", "<td>I </td>"},
		{"* Dịch vụ truy nhập Internet 4G", "* Dịch vụ truy nhập Internet 4G"},
		{"sau nạo (*) | sau nạo (*) | 700.200", "sau nạo (*) | sau nạo (*) | 700.200"},
		{"Quyet_dinh_3467-QD-BYT.pdf", "Quyet_dinh_3467-QD-BYT.pdf"},
		{"********", "********"},
		{"Số: ____/QĐ-UBND", "Số: ____/QĐ-UBND"},
		{"2 * 3 = 6", "2 * 3 = 6"},
	}
	for _, tc := range tests {
		if got := cleanMarkdown(tc.in); got != tc.want {
			t.Errorf("cleanMarkdown(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanMarkdownParagraphEmphasis(t *testing.T) {
	in := "*Căn cứ Nghị quyết số* *202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc\nhội về sắp xếp đơn vị hành chính cấp tỉnh;*\n\n  **BAN CHẤP HÀNH TRUNG ƯƠNG\\\n              \\***"
	want := "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc\nhội về sắp xếp đơn vị hành chính cấp tỉnh;\n\n  BAN CHẤP HÀNH TRUNG ƯƠNG\n              *"
	if got := cleanMarkdown(in); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestMarkdownFixtures(t *testing.T) {
	tests := []struct {
		file  string
		lines map[int]string // 1-based line number → expected text
	}{
		{"pandoc_nq_1659_excerpt.txt", map[int]string{
			1:  "",
			2:  "    ỦY BAN THƯỜNG VỤ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			6:  "   Số: 1659/NQ-UBTVQH15         Hà Nội, ngày 16 tháng 6 năm 2025",
			11: "NGHỊ QUYẾT",
			18: "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa",
			19: "đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;",
			33: "QUYẾT NGHỊ:",
			35: "Điều 1. Sắp xếp các đơn vị hành chính cấp xã của thành phố Đà Nẵng",
		}},
		{"pandoc_nq_60_tw_excerpt.txt", map[int]string{
			2:  "    BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM",
			3:  "                *                  ---------------",
			5:  "            Số 60-NQ/TW              Hà Nội, ngày 12 tháng 4 năm 2025",
			21: "1.\u00a0Thông qua nội dung cơ bản các dự thảo văn kiện trình Đại hội XIV", // NBSP kept
			39: "  Nơi nhận:                     T/M BAN CHẤP HÀNH TRUNG ƯƠNG",
		}},
		{"md_ke_hoach_excerpt.txt", map[int]string{
			1: "Public_341",
			5: "MỤC TIÊU",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(fixtures, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			in := readFixture(t, tc.file)
			if in.Format != FormatMarkdown {
				t.Errorf("format %s, want markdown", in.Format)
			}
			ls := lines(in.Text)
			if want := bytes.Count(raw, []byte("\n")) + 1; len(ls) != want {
				t.Fatalf("%d lines, want %d (line numbers must match the file)", len(ls), want)
			}
			for n, want := range tc.lines {
				if ls[n-1] != want {
					t.Errorf("line %d = %q, want %q", n, ls[n-1], want)
				}
			}
			for i, l := range ls {
				if strings.Contains(l, "**") || strings.Contains(l, `\-`) || strings.Contains(l, `\.`) {
					t.Errorf("line %d still has markup: %q", i+1, l)
				}
			}
		})
	}
}
