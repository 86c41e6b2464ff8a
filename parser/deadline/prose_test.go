package deadline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// proseMatches must find exactly what the pattern's FindAll finds: on
// every paragraph of the project's test documents (and of any folders in
// $VANBAN_PROSE_DIRS, separated by the path list separator), and on
// sentences made to catch the shortcut out.
func TestProseMatchesEqualsFindAll(t *testing.T) {
	paras := []string{
		"Thời  hạn   hoàn thành: 30/6/2024; THỜI HẠN chót là ngày 15 tháng 7 năm 2024.",
		"chậm nhất là trước ngày 31/12/2025, muộn nhất trong tháng 3/2026 và ngay trong quý II/2025",
		"xthời hạn 01/01/2025; abcTrước ngày 02/02/2025; ĐẾN HẾT năm 2030; đến hết niên độ ngân sách năm 2024",
		"thời gian: tháng 6/2024; thời  gian thực hiện: năm 2025 - 2026; Thời\tgian hoàn thành: Quý III/2024",
		"trước trước ngày 5/5/2025 vào vào ngày 6/6/2025 đến đến ngày 7/7/2025",
		"hạn cuối nộp hồ sơ là 10/10/2025, hạn chót gửi báo cáo: ngày 11/11/2025",
		"Hằng năm, báo cáo; hàng năm, xx. HẰNG NĂM tổng hợp, hằng năm rà soát và. hằng  năm ,",
		"Từ ngày 01/7/2023, thực hiện; - kể từ ngày 5/5/2025, abc:\t-Kể  Từ ngày 6 tháng 6 năm 2025 ,",
		"xtừ ngày 1/1/2025, có hiệu lực thi hành kể từ ngày 2/2/2025; CÓ HIỆU LỰC TỪ NGÀY 3 THÁNG 3 NĂM 2025",
		"trong tháng 6 và tháng 12 hằng năm, vào quý I hằng năm; chậm nhất trong quý IV, quý 2 của mỗi năm",
		"Thời gian thực hiện: Thường xuyên; thời gian: hàng quý; trước ngày 20 hằng tháng; ngày 10 của tháng cuối quý",
		"theo định kỳ (hằng tháng, quý); định kỳ 6 tháng và hằng năm; hàng tuần, hằng tháng hoặc đột xuất",
	}
	dirs := []string{"../../testdata"}
	if d := os.Getenv("VANBAN_PROSE_DIRS"); d != "" {
		dirs = append(dirs, filepath.SplitList(d)...)
	}
	for _, dir := range dirs {
		filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			paras = append(paras, strings.Split(string(data), "\n")...)
			return nil
		})
	}
	matched := 0
	for _, para := range paras {
		flat := maskNotes(para)
		lower := strings.ToLower(flat)
		for pi, p := range prose {
			want := p.re.FindAllStringSubmatchIndex(flat, -1)
			got := proseMatches(p.re, proseAnchored()[pi], p.key, flat, lower)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q in %q:\n got %v\nwant %v", p.key, flat, got, want)
			}
			matched += len(want)
		}
		for ri, re := range effective {
			want := re.FindAllStringSubmatchIndex(flat, -1)
			got := keyedMatches(re, effectiveAnchored()[ri], effectiveStarts[ri], flat, lower)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("effective[%d] in %q:\n got %v\nwant %v", ri, flat, got, want)
			}
			matched += len(want)
		}
		for ri, re := range recurring {
			want := re.FindAllStringSubmatchIndex(flat, -1)
			got := keyedMatches(re, recurringAnchored()[ri], recurringStarts[ri], flat, lower)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("recurring[%d] in %q:\n got %v\nwant %v", ri, flat, got, want)
			}
			matched += len(want)
		}
	}
	if len(paras) < 1000 || matched < 100 {
		t.Fatalf("%d paragraphs, %d matches: too few to prove anything", len(paras), matched)
	}
	t.Logf("%d paragraphs, %d matches", len(paras), matched)
}
