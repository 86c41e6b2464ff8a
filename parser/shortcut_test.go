package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testTexts are the headers (first 40 lines) and every line of the
// project's test documents (and of any folders in $VANBAN_DATE_DIRS,
// separated by the path list separator), for the tests of the shortcuts
// taken around regexps.
func testTexts() []string {
	var texts []string
	dirs := []string{"../testdata"}
	if d := os.Getenv("VANBAN_DATE_DIRS"); d != "" {
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
			lines := strings.Split(string(data), "\n")
			texts = append(texts, strings.Join(lines[:min(40, len(lines))], "\n"))
			texts = append(texts, lines...)
			return nil
		})
	}
	return texts
}

// findDate must find what reDate finds, on the test texts and on headers
// made to catch the shortcut out.
func TestFindDateEqualsRegexp(t *testing.T) {
	texts := append([]string{
		"", "ngày", "Hà Nội, ngày 5 tháng 3 năm 2023", "HÀ NỘI, NGÀY 05/03/2023", "Lạng Sơn,\n  ngày  5-3-2023",
		"Số: 12/QĐ-UBND Hà Nội ngày 1.2.2020", "x ngày y; Tp. Hồ Chí Minh , Ngày 31 THÁNG 12 NĂM 2024",
		"nngày 1/1/2020", "NgÀy 2/2/2021", "Sở 1 ngày, Hà Nội ngày 3/3/2022", "\xffngày 4/4/2024", "ngàyngày 5/5/2025",
	}, testTexts()...)
	matched := 0
	for _, s := range texts {
		want := reDate.FindStringSubmatchIndex(s)
		if got := findDate(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 20 {
		t.Fatalf("%d matches: too few to prove anything", matched)
	}
	t.Logf("%d texts, %d matches", len(texts), matched)
}

// nextArticleAny must find, one at a time, what reArticleAny's FindAll
// finds.
func TestNextArticleAnyEqualsFindAll(t *testing.T) {
	texts := append([]string{
		"", "Điều 1.", "xĐiều 2: aDIỀU 3. Điều 4 Điều 5. DIEU 6. Diều 7.", "ĐĐiều 8.", "Điều\t9 :", "\xffĐiều 10.",
	}, testTexts()...)
	matched := 0
	for _, s := range texts {
		want := reArticleAny.FindAllStringSubmatchIndex(s, -1)
		var got [][]int
		for from := 0; ; {
			m := nextArticleAny(s, from)
			if m == nil {
				break
			}
			got, from = append(got, m), m[1]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
		matched += len(want)
	}
	if matched < 20 {
		t.Fatalf("%d matches: too few to prove anything", matched)
	}
	t.Logf("%d texts, %d matches", len(texts), matched)
}

// The first-byte gates and capsWords must answer as the patterns and
// isCaps(firstWords(…)) they stand for.
func TestGatesEqualPatterns(t *testing.T) {
	texts := append([]string{
		"", "Nơi nhận:", "NƠI NHẬN", "nơi nhận", "KT. CHỦ TỊCH", "TM. ỦY BAN", "Q. GIÁM ĐỐC", "T/M", "PHỤ LỤC I", "Phụ lục 2:",
		"Biểu số 01", "MẪU SỐ 3", "SỞ TÀI CHÍNH abc", "A B", "Ab", "ĐIỀU  KHOẢN\tTHI HÀNH", "\xff\xfe AB",
	}, testTexts()...)
	for _, s := range texts {
		for _, tr := range []string{s, strings.TrimSpace(s)} {
			if got, want := recipientsAt(tr), reRecipients.FindStringIndex(tr); !reflect.DeepEqual(got, want) {
				t.Fatalf("recipientsAt(%q) = %v, want %v", tr, got, want)
			}
			if got, want := signLead(tr), reSignLead.MatchString(tr); got != want {
				t.Fatalf("signLead(%q) = %v, want %v", tr, got, want)
			}
			if got, want := appendixAt(tr), reAppendix.FindStringSubmatchIndex(tr); !reflect.DeepEqual(got, want) {
				t.Fatalf("appendixAt(%q) = %v, want %v", tr, got, want)
			}
			for n := 1; n <= 3; n++ {
				if got, want := capsWords(tr, n), isCaps(firstWords(tr, n)); got != want {
					t.Fatalf("capsWords(%q, %d) = %v, want %v", tr, n, got, want)
				}
			}
		}
	}
}

// splitColumns and subjectAt must answer as the patterns they stand for,
// on every line of the test texts.
func TestHeaderGatesEqualPatterns(t *testing.T) {
	texts := []string{"", "a   b", "a\tb", "a \f b", "a\r\r\rb", "a  b", "V/v: abc", "x v/V. y", "ab/vc", "V/ v"}
	for _, s := range testTexts() {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	for _, s := range texts {
		if got, want := splitColumns(s), reColumns.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitColumns(%q) = %q, want %q", s, got, want)
		}
		if got, want := subjectAt(s), reSubjectAny.FindStringIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("subjectAt(%q) = %v, want %v", s, got, want)
		}
	}
}
