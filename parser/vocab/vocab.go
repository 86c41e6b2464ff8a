// Package vocab holds the vocabulary of Vietnamese legal documents as data:
// document types, the codes that stand for them in a number/symbol, and
// issuer abbreviations. The parser, the citation extractor and the agency
// registry read these tables instead of spelling the words in their logic.
package vocab

import (
	"sort"
	"strings"

	"github.com/vanban/vanban/parser/vntext"
)

// DocType is one kind of legal instrument.
type DocType struct {
	Name  string   // canonical name, sentence case: "Nghị định"
	Codes []string // symbol codes that denote it: "NĐ"
	// Heading is true when the type appears as the caps heading of a
	// document ("QUYẾT ĐỊNH") — the header parser looks for these.
	Heading bool
}

// DocTypes lists the instrument types, longest names first where one is a
// prefix of another ("Thông tư liên tịch" before "Thông tư").
var DocTypes = []DocType{
	{Name: "Hiến pháp", Heading: true},
	{Name: "Bộ luật", Heading: true},
	{Name: "Luật", Heading: true},
	{Name: "Pháp lệnh", Codes: []string{"PL"}, Heading: true},
	{Name: "Nghị quyết liên tịch", Codes: []string{"NQLT"}, Heading: true},
	{Name: "Nghị quyết", Codes: []string{"NQ"}, Heading: true},
	{Name: "Nghị định", Codes: []string{"NĐ"}, Heading: true},
	{Name: "Quyết định", Codes: []string{"QĐ"}, Heading: true},
	{Name: "Thông tư liên tịch", Codes: []string{"TTLT"}, Heading: true},
	{Name: "Thông tư", Codes: []string{"TT"}, Heading: true},
	{Name: "Chỉ thị", Codes: []string{"CT"}, Heading: true},
	{Name: "Công điện", Codes: []string{"CĐ"}, Heading: true},
	{Name: "Công văn", Heading: false},
	{Name: "Kế hoạch", Codes: []string{"KH"}, Heading: true},
	{Name: "Thông báo", Codes: []string{"TB"}, Heading: true},
	{Name: "Kết luận", Codes: []string{"KL"}, Heading: true},
	{Name: "Hướng dẫn", Codes: []string{"HD"}, Heading: true},
	{Name: "Tờ trình", Codes: []string{"TTr"}, Heading: true},
	{Name: "Báo cáo", Codes: []string{"BC"}, Heading: true},
	{Name: "Biên bản", Codes: []string{"BB"}, Heading: true},
	{Name: "Đề án", Codes: []string{"ĐA"}, Heading: true},
	{Name: "Chương trình", Codes: []string{"CTr"}, Heading: true},
	{Name: "Văn bản hợp nhất", Codes: []string{"VBHN"}, Heading: true},
	{Name: "Quy chế", Codes: []string{"QC"}, Heading: true},
	{Name: "Quy định", Codes: []string{"QyĐ"}, Heading: true},
	{Name: "Lệnh", Codes: []string{"L-CTN"}, Heading: true},
}

var (
	byFold     map[string]*DocType
	byCode     map[string]*DocType
	foldedKeys []string
)

func init() {
	byFold = make(map[string]*DocType)
	byCode = make(map[string]*DocType)
	for i := range DocTypes {
		t := &DocTypes[i]
		byFold[vntext.Fold(t.Name)] = t
		for _, c := range t.Codes {
			byCode[vntext.Fold(c)] = t
		}
	}
	for k := range byFold {
		foldedKeys = append(foldedKeys, k)
	}
	sort.Slice(foldedKeys, func(i, j int) bool { return len(foldedKeys[i]) > len(foldedKeys[j]) })
}

// TypeByName finds a type by its name in any case or spelling
// ("QUYẾT ĐỊNH", "quyet dinh"); nil when unknown.
func TypeByName(s string) *DocType {
	return byFold[strings.Join(strings.Fields(vntext.Fold(s)), " ")]
}

// TypePrefix returns the longest type name that s starts with (folded
// comparison, at a word boundary) and the byte length of that prefix in s.
func TypePrefix(s string) (*DocType, int) {
	f := vntext.Fold(s)
	for _, k := range foldedKeys {
		if strings.HasPrefix(f, k) && (len(f) == len(k) || !isLetter(f[len(k)])) {
			// map the folded length back to s: count runes.
			n := runeCount(k)
			return byFold[k], byteLenOfRunes(s, n)
		}
	}
	return nil, 0
}

// TypeBySymbol infers the type from a number/symbol such as "79/QĐ-UBND",
// "40/2020/NĐ-CP" or "11-NQ/TW"; nil when the symbol names no type code
// (an official letter, Công văn, carries only issuer codes).
func TypeBySymbol(sym string) *DocType {
	parts := strings.FieldsFunc(sym, func(r rune) bool { return r == '/' || r == '-' })
	for _, p := range parts[min(1, len(parts)):] {
		if t, ok := byCode[vntext.Fold(p)]; ok {
			return t
		}
	}
	return nil
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

func runeCount(s string) int { return len([]rune(s)) }

func byteLenOfRunes(s string, n int) int {
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}
