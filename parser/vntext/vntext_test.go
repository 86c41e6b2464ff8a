package vntext

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func nfd(s string) string { return norm.NFD.String(s) }

// refFold is the first Fold of the package, kept as the reference of its
// semantics.
func refFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'đ', 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func sample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tonePairs maps an input to its CanonTone.
var tonePairs = []struct{ in, want string }{
	// old style → canonical
	{"hoá", "hóa"},
	{"Hoá", "Hóa"},
	{"HOÁ", "HÓA"},
	{"hoà", "hòa"},
	{"Hoà", "Hòa"},
	{"HOÀ", "HÒA"},
	{"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	{"hoả", "hỏa"},
	{"hoạ", "họa"},
	{"hoã", "hõa"},
	{"thoả", "thỏa"},
	{"Thoả thuận", "Thỏa thuận"},
	{"toà án", "tòa án"},
	{"Toà", "Tòa"},
	{"khoá", "khóa"},
	{"xoá", "xóa"},
	{"doạ", "dọa"},
	{"toạ độ", "tọa độ"},
	{"khoẻ", "khỏe"},
	{"Sức khoẻ", "Sức khỏe"},
	{"hoè", "hòe"},
	{"thuỷ", "thủy"},
	{"Thuỷ lợi", "Thủy lợi"},
	{"THUỶ", "THỦY"},
	{"Uỷ ban", "Ủy ban"},
	{"uỷ ban", "ủy ban"},
	{"UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
	{"Uỷ", "Ủy"},
	{"uỷ quyền", "ủy quyền"},
	{"huỷ bỏ", "hủy bỏ"},
	{"tuỳ", "tùy"},
	{"tuỷ", "tủy"},
	{"luỹ kế", "lũy kế"},
	{"thuỵ", "thụy"},
	{"quỹ", "quỹ"},
	// misplaced tones are corrected
	{"qúy", "quý"},
	{"qùa", "quà"},
	{"gía", "giá"},
	{"gìa", "già"},
	{"hòan", "hoàn"},
	{"khóang", "khoáng"},
	{"ngòai", "ngoài"},
	{"ngừơi", "người"},
	{"nguỹên", "nguyễn"},
	{"Qúôc", "Quốc"},
	// already canonical: unchanged
	{"hóa", "hóa"},
	{"Ủy ban", "Ủy ban"},
	{"ỦY BAN", "ỦY BAN"},
	{"thủy", "thủy"},
	{"khỏe", "khỏe"},
	{"hòa", "hòa"},
	{"loại", "loại"},
	{"ngoài", "ngoài"},
	{"xoáy", "xoáy"},
	{"khuỷu", "khuỷu"},
	{"quý", "quý"},
	{"quà", "quà"},
	{"quả", "quả"},
	{"quốc", "quốc"},
	{"Quốc hội", "Quốc hội"},
	{"quyết", "quyết"},
	{"Quyết định", "Quyết định"},
	{"QUYẾT ĐỊNH", "QUYẾT ĐỊNH"},
	{"quỳnh", "quỳnh"},
	{"giá", "giá"},
	{"giữa", "giữa"},
	{"giường", "giường"},
	{"giếng", "giếng"},
	{"giỏi", "giỏi"},
	{"giày", "giày"},
	{"giục", "giục"},
	{"gì", "gì"},
	{"gìn giữ", "gìn giữ"},
	{"người", "người"},
	{"rượu", "rượu"},
	{"hưu", "hưu"},
	{"cứu", "cứu"},
	{"mưa", "mưa"},
	{"gửi", "gửi"},
	{"thuở", "thuở"},
	{"của", "của"},
	{"múa", "múa"},
	{"mía", "mía"},
	{"nghĩa", "nghĩa"},
	{"Nghị định", "Nghị định"},
	{"nghiêm", "nghiêm"},
	{"khuyến", "khuyến"},
	{"tuyển", "tuyển"},
	{"nguyễn", "nguyễn"},
	{"Nguyễn", "Nguyễn"},
	{"NGUYỄN", "NGUYỄN"},
	{"hoàn", "hoàn"},
	{"thuận", "thuận"},
	{"toán", "toán"},
	{"xoắn", "xoắn"},
	{"huỳnh", "huỳnh"},
	{"huých", "huých"},
	{"yếu", "yếu"},
	{"điều", "điều"},
	{"ĐỒNG", "ĐỒNG"},
	{"Đắk Lắk", "Đắk Lắk"},
	{"ĐẮK NÔNG", "ĐẮK NÔNG"},
	{"Sở Tài chính", "Sở Tài chính"},
	{"Hệ thống pháp luật", "Hệ thống pháp luật"},
	// not Vietnamese: unchanged
	{"NĐ-CP", "NĐ-CP"},
	{"79/QĐ-UBND", "79/QĐ-UBND"},
	{"café", "café"},
	{"José", "José"},
	{"Pokémon", "Pokémon"},
	{"où", "où"},
	{"naïve", "naïve"},
	{"résumé", "résumé"},
	{"señor", "señor"},
	{"tquả", "tquả"},
	{"Hello, world 123", "Hello, world 123"},
	{"", ""},
	{"€ 100 – “trích”", "€ 100 – “trích”"},
	// mixed sentence
	{"Uỷ ban nhân dân tỉnh Hoà Bình về việc huỷ bỏ quyết định hoá đơn",
		"Ủy ban nhân dân tỉnh Hòa Bình về việc hủy bỏ quyết định hóa đơn"},
}

func TestCanonTone(t *testing.T) {
	for _, tc := range tonePairs {
		if got := CanonTone(tc.in); got != tc.want {
			t.Errorf("CanonTone(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// NFD input gives the same NFC output.
		if got := CanonTone(nfd(tc.in)); got != tc.want {
			t.Errorf("CanonTone(NFD %q) = %q, want %q", tc.in, got, tc.want)
		}
		got := CanonTone(tc.in)
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("CanonTone(%q) = %q is not NFC", tc.in, got)
		}
		if again := CanonTone(got); again != got {
			t.Errorf("CanonTone not idempotent on %q: %q then %q", tc.in, got, again)
		}
		if Fold(got) != Fold(tc.in) {
			t.Errorf("CanonTone changed the fold of %q: %q", tc.in, got)
		}
	}
}

func TestCanonTonePairsEqual(t *testing.T) {
	pairs := [][2]string{
		{"hoá", "hóa"}, {"Uỷ ban", "Ủy ban"}, {"UỶ BAN", "ỦY BAN"}, {"thuỷ", "thủy"},
		{"khoẻ", "khỏe"}, {"Hoà", "Hòa"}, {"quý", "qúy"}, {"thoả", "thỏa"},
	}
	for _, p := range pairs {
		if CanonTone(p[0]) != CanonTone(p[1]) {
			t.Errorf("CanonTone(%q) = %q != CanonTone(%q) = %q", p[0], CanonTone(p[0]), p[1], CanonTone(p[1]))
		}
		if Lower(p[0]) != Lower(p[1]) {
			t.Errorf("Lower(%q) = %q != Lower(%q) = %q", p[0], Lower(p[0]), p[1], Lower(p[1]))
		}
		if Normalize(p[0]) != Normalize(p[1]) {
			t.Errorf("Normalize(%q) != Normalize(%q)", p[0], p[1])
		}
	}
}

// TestCanonToneSample: a real decision uses both styles; only the
// old-style syllables change.
func TestCanonToneSample(t *testing.T) {
	s := sample(t)
	changed := map[string]string{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if c := CanonTone(w); c != NFC(w) {
			changed[w] = c
		}
	}
	want := map[string]string{"hoá": "hóa"}
	if len(changed) != len(want) {
		t.Errorf("changed words %q, want %q", changed, want)
	}
	for w, c := range want {
		if changed[w] != c {
			t.Errorf("%q → %q, want %q", w, changed[w], c)
		}
	}
	if got := CanonTone(s); got != strings.ReplaceAll(s, "hoá", "hóa") {
		t.Error("CanonTone(sample) changed more than the old-style syllables")
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sở Tài chính", "so tai chinh"},
		{"ĐẮK NÔNG", "dak nong"},
		{"Uỷ", "uy"},
		{"Ủy", "uy"},
		{"đ", "d"},
		{"Đ", "d"},
		{"Quyết định", "quyet dinh"},
		{"QUYẾT ĐỊNH", "quyet dinh"},
		{"Nghị định", "nghi dinh"},
		{"người", "nguoi"},
		{"giữa", "giua"},
		{"NĐ-CP", "nd-cp"},
		{"79/QĐ-UBND", "79/qd-ubnd"},
		{"Hệ thống pháp luật", "he thong phap luat"},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cong hoa xa hoi chu nghia viet nam"},
		{"already folded", "already folded"},
		{"", ""},
		{"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "aaaaaaaaaaaaaaaaa"},
		{"ÈÉẺẼẸÊỀẾỂỄỆ", "eeeeeeeeeee"},
		{"ÌÍỈĨỊ", "iiiii"},
		{"ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "ooooooooooooooooo"},
		{"ÙÚỦŨỤƯỪỨỬỮỰ", "uuuuuuuuuuu"},
		{"ỲÝỶỸỴ", "yyyyy"},
		{"café «crème» – 10 €", "cafe «creme» – 10 €"},
		{"Ωμέγα", "ωμεγα"},
		{"한국", refFold("한국")},
		{"\xff", "\uFFFD"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Fold(nfd(tc.in)); got != tc.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := refFold(tc.in); got != tc.want {
			t.Errorf("refFold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(FoldToken([]byte(tc.in))); got != tc.want {
			t.Errorf("FoldToken(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldMatchesReference(t *testing.T) {
	s := sample(t)
	for _, in := range []string{s, nfd(s), strings.ToUpper(s)} {
		if got, want := Fold(in), refFold(in); got != want {
			t.Errorf("Fold differs from the reference on the sample (%d vs %d bytes)", len(got), len(want))
		}
	}
	// Every rune of the table and around it.
	var b strings.Builder
	for r := rune(0); r < foldTabSize+0x100; r++ {
		if utf8.ValidRune(r) {
			b.WriteRune(r)
		}
		b.WriteByte(' ')
	}
	for _, r := range []rune{0x212A, 0x212B, 0x2126, 0xAC00, 0xD7A3, 0x1D165, 0xFB1D, 0x2F800} {
		b.WriteRune(r)
	}
	all := b.String()
	if got, want := Fold(all), refFold(all); got != want {
		gr, wr := []rune(got), []rune(want)
		for i := range min(len(gr), len(wr)) {
			if gr[i] != wr[i] {
				t.Fatalf("Fold differs from the reference at rune %d: %U vs %U", i, gr[i], wr[i])
			}
		}
		t.Fatalf("Fold differs from the reference: %d vs %d runes", len(gr), len(wr))
	}
}

func TestFoldRune(t *testing.T) {
	tests := []struct{ in, want rune }{
		{'A', 'a'}, {'a', 'a'}, {'1', '1'}, {'-', '-'},
		{'Ấ', 'a'}, {'ậ', 'a'}, {'Ư', 'u'}, {'ữ', 'u'}, {'Ơ', 'o'}, {'ợ', 'o'},
		{'đ', 'd'}, {'Đ', 'd'}, {'Ỹ', 'y'}, {'ê', 'e'}, {'Ĩ', 'i'},
		{0x301, 0}, {0x323, 0}, {0x302, 0}, {0x31B, 0},
		{'Ω', 'ω'}, {'“', '“'}, {0x212A, 'k'}, {0xAC00, 0x1100},
	}
	for _, tc := range tests {
		if got := FoldRune(tc.in); got != tc.want {
			t.Errorf("FoldRune(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// FoldRune agrees with Fold on every single-rune fold.
	for r := rune(0x80); r < 0x2000; r++ {
		f := Fold(string(r))
		switch utf8.RuneCountInString(f) {
		case 0:
			if FoldRune(r) != 0 {
				t.Errorf("FoldRune(%U) = %U, want 0", r, FoldRune(r))
			}
		case 1:
			if want, _ := utf8.DecodeRuneInString(f); FoldRune(r) != want {
				t.Errorf("FoldRune(%U) = %U, want %U", r, FoldRune(r), want)
			}
		}
	}
}

func TestFoldToken(t *testing.T) {
	s := sample(t)
	for _, w := range strings.Fields(s + " " + nfd(s)) {
		in := []byte(w)
		if got := FoldToken(in); string(got) != Fold(w) {
			t.Errorf("FoldToken(%q) = %q, want %q", w, got, Fold(w))
		}
	}
	// In place.
	term := []byte("Quyết")
	got := FoldToken(term)
	if string(got) != "quyet" || &got[0] != &term[0] {
		t.Errorf("FoldToken(Quyết) = %q, in place %v", got, &got[0] == &term[0])
	}
	// A fold longer than its rune (U+023A → U+2C65) still works.
	for _, w := range []string{"Ⱥ", "aȺb", "ĐȺĐ", "ȺȺȺȺȺȺ"} {
		if got := string(FoldToken([]byte(w))); got != Fold(w) {
			t.Errorf("FoldToken(%q) = %q, want %q", w, got, Fold(w))
		}
	}
	if n := testing.AllocsPerRun(100, func() { FoldToken([]byte("nghị")[:]) }); n > 1 {
		t.Errorf("FoldToken allocates %v times", n)
	}
}

func TestCleanSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a b", "a b"},
		{"  a   b  ", "a b"},
		{"a\tb", "a b"},
		{"\ta\t\tb\t", "a b"},
		{"Ủy\u00A0ban", "Ủy ban"},
		{"Ủy\u00A0\u00A0 ban", "Ủy ban"},
		{"Điều\u202F5", "Điều 5"},
		{"100\u2007000", "100 000"},
		{"a\u3000b", "a b"},
		{"a\u2003b\u2009c", "a b c"},
		{"Quy\u200Bết", "Quyết"},
		{"a\u200Cb\u200Dc\u2060d\uFEFFe", "abcde"},
		{"\uFEFFĐiều 1", "Điều 1"},
		{"phân\u00ADloại", "phânloại"},
		{"a \u200B b", "a b"},
		{"a\r\nb", "a\nb"},
		{"a \n b", "a\nb"},
		{"a\n\nb", "a\n\nb"},
		{"\n\na\n\n", "a"},
		{" \n a \n ", "a"},
		{"a\u2028b", "a\nb"},
		{"\u00A0", ""},
		{"x\x00y", "x\x00y"},
	}
	for _, tc := range tests {
		got := CleanSpace(tc.in)
		if got != tc.want {
			t.Errorf("CleanSpace(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if CleanSpace(got) != got {
			t.Errorf("CleanSpace not idempotent on %q", tc.in)
		}
	}
}

func TestDashes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"NĐ-CP", "NĐ-CP"},
		{"Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"},
		{"a—b", "a-b"},
		{"a‐b‑c‒d–e—f―g", "a-b-c-d-e-f-g"},
		{"−5", "-5"},
		{"QĐ－UBND", "QĐ-UBND"},
		{"a﹘b﹣c", "a-b-c"},
		{"x⸺y", "x-y"},
	}
	for _, tc := range tests {
		if got := Dashes(tc.in); got != tc.want {
			t.Errorf("Dashes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Uỷ\u00A0ban  nhân dân ", "Ủy ban nhân dân"},
		{nfd("Quyết định"), "Quyết định"},
		{"Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"},
		{"CỘNG HOÀ\tXÃ HỘI", "CỘNG HÒA XÃ HỘI"},
		{"hoa\u200B\u0301", "hóa"}, // the mark joins its letter once the ZWSP is gone
		{"Số: 79/QĐ‑UBND", "Số: 79/QĐ-UBND"},
		{"e\u0301\u0302", "ế"}, // tone before quality: composition fixed
	}
	for _, tc := range tests {
		got := Normalize(tc.in)
		if got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Normalize(got) != got {
			t.Errorf("Normalize not idempotent on %q", tc.in)
		}
	}
	s := sample(t)
	n := Normalize(s)
	if Normalize(n) != n || Normalize(nfd(s)) != n {
		t.Error("Normalize of the sample: not idempotent or NFD differs")
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"UỶ BAN", "ủy ban"},
		{"Hoá", "hóa"},
		{"QUYẾT ĐỊNH", "quyết định"},
		{nfd("ĐỒNG"), "đồng"},
		{"NĐ-CP", "nđ-cp"},
		{"hoa", "hoa"},
	}
	for _, tc := range tests {
		got := Lower(tc.in)
		if got != tc.want {
			t.Errorf("Lower(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Lower(got) != got {
			t.Errorf("Lower not idempotent on %q", tc.in)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Uỷ ban nhân dân tỉnh.", "uy ban nhan dan tinh"},
		{"  Sở  Tài\u00A0chính; ", "so tai chinh"},
		{"Bộ Tài chính:", "bo tai chinh"},
		{"NĐ–CP", "nd-cp"},
		{"...a, b...", "a, b"},
		{"a\n\tb", "a b"},
		{"Quy\u200Bết   định", "quyet dinh"},
		{"uy ban", "uy ban"},
		{" . ; , : ", ""},
	}
	for _, tc := range tests {
		got := Key(tc.in)
		if got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if Key(got) != got {
			t.Errorf("Key not idempotent on %q", tc.in)
		}
	}
}

func TestEqualFold(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Sở Tài chính", "so tai chinh", true},
		{"Uỷ ban", "ỦY BAN", true},
		{"Ủy\u00A0ban", "uy  ban ", true},
		{"NĐ–CP", "nd-cp", true},
		{nfd("Quyết định"), "QUYET DINH", true},
		{"Quy\u200Bết", "quyet", true},
		{"hoa", "hoà", true},
		{"a b", "ab", false},
		{"a\nb", "a b", false},
		{"Bộ", "Bà", false},
		{"", "", true},
		{"", " ", true},
	}
	for _, tc := range tests {
		if got := EqualFold(tc.a, tc.b); got != tc.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := EqualFold(tc.b, tc.a); got != tc.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

// TestNoAlloc: a string already in the target form costs no allocation.
func TestNoAlloc(t *testing.T) {
	canon := "Ủy ban nhân dân tỉnh Lạng Sơn, Quyết định số 79/QĐ-UBND về hòa giải"
	folded := Fold(canon)
	checks := []struct {
		name string
		f    func()
	}{
		{"Fold", func() { Fold(folded) }},
		{"Fold ASCII", func() { Fold("quyet dinh 79/qd-ubnd") }},
		{"Normalize", func() { Normalize(canon) }},
		{"CanonTone", func() { CanonTone(canon) }},
		{"CleanSpace", func() { CleanSpace(canon) }},
		{"Dashes", func() { Dashes(canon) }},
		{"Lower", func() { Lower(Lower(canon)) }},
		{"Key", func() { Key(folded) }},
		{"NFC", func() { NFC(canon) }},
		{"EqualFold", func() { EqualFold(canon, "UY BAN NHAN DAN TINH LANG SON, quyet dinh so 79/qd-ubnd ve hoa giai") }},
	}
	for _, c := range checks {
		if c.name == "Lower" {
			low := Lower(canon)
			c.f = func() { Lower(low) }
		}
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s allocates %v times on its own output", c.name, n)
		}
	}
}

// vnAlphabet is the alphabet of the generated Vietnamese fuzz input.
var vnAlphabet = func() []rune {
	var rs []rune
	for r := rune(0); r < letterTabSize; r++ {
		if letterTab[r] != 0 {
			rs = append(rs, r)
		}
	}
	rs = append(rs, ' ', ' ', '\t', '-', '.', '/', '0', '9', 0xA0, 0x200B, 0x2013)
	rs = append(rs, toneMarks[1:]...)
	rs = append(rs, qualMarks[1:]...)
	return rs
}()

// vietnamese makes a string of Vietnamese letters, marks and separators
// from arbitrary bytes.
func vietnamese(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(vnAlphabet[int(c)*len(vnAlphabet)/256])
	}
	return sb.String()
}

func checkForms(t *testing.T, s string) {
	t.Helper()
	n := Normalize(s)
	if Normalize(n) != n {
		t.Errorf("Normalize not idempotent: %q → %q → %q", s, n, Normalize(n))
	}
	if !utf8.ValidString(s) {
		return
	}
	if !norm.NFC.IsNormalString(n) {
		t.Errorf("Normalize(%q) = %q is not NFC", s, n)
	}
	c := CanonTone(s)
	if CanonTone(c) != c {
		t.Errorf("CanonTone not idempotent: %q → %q → %q", s, c, CanonTone(c))
	}
	if !norm.NFC.IsNormalString(c) {
		t.Errorf("CanonTone(%q) = %q is not NFC", s, c)
	}
	f := Fold(s)
	if Fold(f) != f {
		t.Errorf("Fold not idempotent: %q → %q → %q", s, f, Fold(f))
	}
	if ref := refFold(s); f != ref {
		t.Errorf("Fold(%q) = %q, reference %q", s, f, ref)
	}
	if Fold(c) != f {
		t.Errorf("CanonTone changed the fold: %q → %q", s, c)
	}
	if got := string(FoldToken([]byte(s))); got != f {
		t.Errorf("FoldToken(%q) = %q, Fold %q", s, got, f)
	}
	if l := Lower(s); Lower(l) != l {
		t.Errorf("Lower not idempotent: %q → %q → %q", s, l, Lower(l))
	}
	if k := Key(s); Key(k) != k {
		t.Errorf("Key not idempotent: %q → %q → %q", s, k, Key(k))
	}
	if cs := CleanSpace(s); CleanSpace(cs) != cs {
		t.Errorf("CleanSpace not idempotent: %q → %q", s, cs)
	}
	if d := Dashes(s); Dashes(d) != d {
		t.Errorf("Dashes not idempotent: %q → %q", s, d)
	}
	if !EqualFold(s, n) {
		t.Errorf("EqualFold(%q, Normalize) = false", s)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range tonePairs {
		f.Add(tc.in)
		f.Add(nfd(tc.in))
	}
	f.Add("  Uỷ\u00A0ban \u200B nhân\tdân – tỉnh\r\n")
	f.Add("e\u0301\u0302 o\u031B\u0301 hoa\u200B\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		checkForms(t, s)
		// The same bytes as Vietnamese letters, marks and spaces.
		v := vietnamese([]byte(s))
		checkForms(t, v)
		for _, r := range Fold(v) {
			if r >= utf8.RuneSelf && r != 0xA0 && r != 0x200B && r != 0x2013 {
				t.Fatalf("Fold(%q) = %q is not ASCII", v, Fold(v))
			}
		}
		if k := Key(v); !isASCII(k) {
			t.Fatalf("Key(%q) = %q is not ASCII", v, k)
		}
	})
}

func FuzzEqualFold(f *testing.F) {
	f.Add("Uỷ ban", "ỦY BAN")
	f.Add("a\u00A0b", "a b ")
	f.Add("x\n y", "x\ny")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := Fold(Dashes(CleanSpace(a))) == Fold(Dashes(CleanSpace(b)))
		if got := EqualFold(a, b); got != want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	s := sample(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkFoldNFD(b *testing.B) {
	s := nfd(sample(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkFoldFolded(b *testing.B) {
	s := Fold(sample(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkFoldLines(b *testing.B) {
	lines := strings.Split(sample(b), "\n")
	b.SetBytes(int64(len(sample(b))))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Fold(l)
		}
	}
}

func BenchmarkFoldReference(b *testing.B) {
	s := sample(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		refFold(s)
	}
}

func BenchmarkFoldToken(b *testing.B) {
	words := strings.Fields(sample(b))
	var n int
	for _, w := range words {
		n += len(w)
	}
	buf := make([]byte, 64)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			FoldToken(append(buf[:0], w...))
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := sample(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(s)
	}
}

func BenchmarkNormalizeNormalized(b *testing.B) {
	s := Normalize(sample(b))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(s)
	}
}

func BenchmarkCanonTone(b *testing.B) {
	s := sample(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		CanonTone(s)
	}
}

func BenchmarkKey(b *testing.B) {
	lines := strings.Split(sample(b), "\n")
	b.SetBytes(int64(len(sample(b))))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Key(l)
		}
	}
}

func BenchmarkEqualFold(b *testing.B) {
	x, y := "Ủy ban nhân dân tỉnh Lạng Sơn", "UỶ BAN NHÂN DÂN TỈNH LẠNG SƠN"
	b.SetBytes(int64(len(x) + len(y)))
	b.ReportAllocs()
	for b.Loop() {
		EqualFold(x, y)
	}
}
