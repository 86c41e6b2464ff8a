package index

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
)

// A synthetic corpus for benchmarks: decisions recombined from the
// paragraphs of real documents, deterministically (the same sources and
// n give the same files).

// reLabel is a numbering label at the start of a paragraph.
var reLabel = regexp.MustCompile(`^\s*(?:Điều\s+\d+[a-zđ]?\.?|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\)|[-+*•])\s*`)

// Pool is the paragraphs of the source documents, labels removed.
type Pool struct {
	Paras  []string
	Titles []string
}

// LoadPool reads the source files (folders recursively).
func LoadPool(paths []string) (*Pool, error) {
	files, _ := corpus.Expand(paths)
	p := &Pool{}
	for _, f := range files {
		in, err := corpus.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(in.Text, "\n") {
			line = strings.TrimSpace(reLabel.ReplaceAllString(strings.TrimSpace(line), ""))
			n := utf8.RuneCountInString(line)
			if n < 40 || n > 1500 || strings.Contains(line, "|") {
				continue
			}
			if strings.HasPrefix(line, "Căn cứ") || strings.HasPrefix(line, "Theo đề nghị") {
				continue
			}
			if strings.HasPrefix(line, "Về ") || strings.HasPrefix(line, "VỀ ") {
				p.Titles = append(p.Titles, line)
			}
			p.Paras = append(p.Paras, line)
		}
	}
	if len(p.Paras) < 10 {
		return nil, fmt.Errorf("too few paragraphs in %v to build a corpus", paths)
	}
	if len(p.Titles) == 0 {
		p.Titles = []string{"Về việc triển khai thực hiện nhiệm vụ năm"}
	}
	return p, nil
}

var (
	genProvinces = []string{"Lạng Sơn", "Cao Bằng", "Hà Giang", "Bắc Kạn", "Thái Nguyên", "Quảng Ninh", "Nghệ An", "Đắk Lắk", "Cần Thơ", "Hòa Bình"}
	genTypes     = []struct{ word, code string }{{"QUYẾT ĐỊNH", "QĐ-UBND"}, {"KẾ HOẠCH", "KH-UBND"}, {"CHỈ THỊ", "CT-UBND"}}
	genBases     = []string{
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
		"Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;",
		"Căn cứ Luật Đầu tư công ngày 13/6/2019;",
		"Căn cứ Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đầu tư công;",
		"Căn cứ Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ;",
		"Căn cứ Quyết định số 1506/QĐ-TTg ngày 02/12/2022 của Thủ tướng Chính phủ;",
	}
	genLeads = []string{"Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "Kho bạc Nhà nước tỉnh"}
)

// GenLeads are the agencies that lead the generated tasks.
func GenLeads() []string { return append([]string(nil), genLeads...) }

// Decision writes the text of synthetic decision i (about 6–14 kB).
func (p *Pool) Decision(i int) string {
	r := rand.New(rand.NewSource(int64(i)*7919 + 17))
	prov := genProvinces[r.Intn(len(genProvinces))]
	typ := genTypes[r.Intn(len(genTypes))]
	year := 2015 + r.Intn(10)
	var b strings.Builder
	fmt.Fprintf(&b, "ỦY BAN NHÂN DÂN\nTỈNH %s\n-------\nSố: %d/%s\n", strings.ToUpper(prov), i+1, typ.code)
	fmt.Fprintf(&b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n%s, ngày %d tháng %d năm %d\n\n",
		prov, 1+r.Intn(28), 1+r.Intn(12), year)
	fmt.Fprintf(&b, "%s\n%s\n\nỦY BAN NHÂN DÂN TỈNH %s\n\n", typ.word, p.Titles[r.Intn(len(p.Titles))], strings.ToUpper(prov))
	for k := 0; k < 2+r.Intn(3); k++ {
		b.WriteString(genBases[r.Intn(len(genBases))] + "\n")
	}
	b.WriteString("Theo đề nghị của Giám đốc " + genLeads[r.Intn(len(genLeads))] + ".\n\nQUYẾT ĐỊNH:\n\n")
	budget := 6000 + r.Intn(8000)
	art := 1
	for b.Len() < budget {
		fmt.Fprintf(&b, "Điều %d. %s\n", art, firstRunes(p.Paras[r.Intn(len(p.Paras))], 70))
		for item := 1; item <= 2+r.Intn(5) && b.Len() < budget; item++ {
			para := p.Paras[r.Intn(len(p.Paras))]
			if r.Intn(3) == 0 {
				para = genLeads[r.Intn(len(genLeads))] + " chủ trì, phối hợp với " + genLeads[r.Intn(len(genLeads))] + " " + lowerFirst(para)
			}
			fmt.Fprintf(&b, "%d. %s\n", item, para)
			if r.Intn(3) == 0 {
				for s := 0; s < 2+r.Intn(2); s++ {
					fmt.Fprintf(&b, "%c) %s\n", 'a'+s, p.Paras[r.Intn(len(p.Paras))])
				}
			}
		}
		art++
	}
	fmt.Fprintf(&b, "Điều %d. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều %d;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n", art, art)
	return b.String()
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}

// Generate writes n decisions under dir (1000 per folder) and returns
// their total size in bytes.
func (p *Pool) Generate(dir string, n int) (int64, error) {
	var total int64
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return total, err
			}
		}
		text := p.Decision(i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("qd-%05d.txt", i+1)), []byte(text), 0o644); err != nil {
			return total, err
		}
		total += int64(len(text))
	}
	return total, nil
}
