package agency

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
)

// token is a word or a punctuation mark of the text being read.
type token struct {
	s, e  int    // byte span
	w     string // as written
	f     string // folded
	cap   bool   // starts with an upper-case letter
	punct bool
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' }

// tokenize splits text into words (letters, digits, "&", with inner ".",
// "-", "/" kept: "KH&ĐT", "LĐ-TB&XH", "6.3") and punctuation marks.
func tokenize(text string) []token {
	var toks []token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == '\u00a0' || r == '*' || r == '_' {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{s: i, e: i + n, w: text[i : i+n], f: text[i : i+n], punct: true})
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if (r2 == '.' || r2 == '-' || r2 == '/') && j+n2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+n2:])
				if isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := text[i:j]
		toks = append(toks, token{s: i, e: j, w: w, f: vntext.Fold(w), cap: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

// seq reports whether the folded words of toks from i are words.
func seq(toks []token, i int, words ...string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].f != w {
			return false
		}
	}
	return true
}

// phrase is a folded word sequence ("phoi hop" → [phoi hop]).
type phrase struct {
	words  []string
	cap    bool     // the first word must be capitalized
	strong bool     // (markers) ends a subject even after a relative clause
	not    []string // (heads) next folded words that make it something else
}

func phrases(strong bool, list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		out[i] = phrase{words: strings.Fields(s), strong: strong}
	}
	return out
}

// heads are the words an agency name starts with.
var heads = func() []phrase {
	var hs []phrase
	add := func(cap bool, not string, list ...string) {
		for _, s := range list {
			hs = append(hs, phrase{words: strings.Fields(s), cap: cap, not: strings.Fields(not)})
		}
	}
	add(false, "", "uy ban", "ubnd", "hdnd", "hoi dong nhan dan", "ubmttq", "mttq", "kho bac", "kbnn", "cong an",
		"bao hiem xa hoi", "bhxh", "he thong ngan hang", "ngan hang nha nuoc", "chu tich", "pho chu tich",
		"thu truong", "giam doc", "pho giam doc", "chanh van phong", "chu dau tu", "co quan", "don vi",
		"doanh nghiep", "toa an", "vien kiem sat", "kiem toan nha nuoc", "tinh uy", "huyen uy", "thanh uy",
		"dang uy", "quoc hoi", "thu tuong", "bo truong", "nguoi dung dau", "nha dau tu", "cac nha dau tu",
		"cac so", "cac bo", "cac ban", "cac nganh", "cac co quan", "cac don vi", "cac chu dau tu",
		"cac huyen", "cac dia phuong", "cac doanh nghiep", "cac to chuc", "cac cap", "cac tinh", "cac xa",
		"cac hoi", "cac doan the", "cac ngan hang", "cac truong", "cac benh vien", "cac cuc", "cac vu",
		"cac tap doan", "cac tong cong ty", "cac cong ty", "cac chi cuc", "cac trung tam", "cac luc luong",
		"cac bo, nganh", "cac ty", "lanh dao cac", "can bo, cong chuc")
	add(true, "huu luong lieu", "so")
	add(true, "tieu may phan luat sung quy truong", "bo")
	add(true, "hanh dau", "ban")
	add(true, "bo", "cuc")
	add(true, "", "tong cuc", "chi cuc", "van phong", "thanh tra", "tong cong ty", "cong ty", "tap doan",
		"tinh doan", "lien doan", "trung tam", "chinh phu", "mat tran", "thuong truc", "hoi dong", "ban quan ly",
		"dai phat thanh", "dai truyen hinh", "vien", "chi nhanh", "quy", "hoc vien", "benh vien", "cang vu",
		"hiep hoi", "lien minh", "doan", "hoi")
	add(true, "viec", "vu")
	return hs
}()

// headAt returns the number of words of the agency head that starts at
// toks[i], or 0.
func headAt(toks []token, i int) int {
	if i >= len(toks) || toks[i].punct {
		return 0
	}
	best := 0
	for _, h := range heads {
		if len(h.words) <= best || !seq(toks, i, h.words...) {
			continue
		}
		if h.cap && !toks[i].cap {
			continue
		}
		if n := i + len(h.words); n < len(toks) && contains(h.not, toks[n].f) {
			continue
		}
		if h.words[0] == "vien" && i+1 < len(toks) && toks[i+1].f == "chuc" || h.words[0] == "hoi" && i+1 < len(toks) && (toks[i+1].f == "nghi" || toks[i+1].f == "thao") || h.words[0] == "quy" && i+1 < len(toks) && !toks[i+1].cap || h.words[0] == "doan" && i+1 < len(toks) && !toks[i+1].cap {
			continue
		}
		best = len(h.words)
	}
	if best == 0 && i+1 < len(toks) && toks[i].cap && toks[i+1].cap && (toks[i].f == "phong" || toks[i].f == "bao" || toks[i].f == "dai" || toks[i].f == "truong") {
		return 1 // Phòng Tài chính, Báo Lạng Sơn, Đài …, Trường …
	}
	return best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// markers are the verbs (and modal words) that end the subject of a
// clause. Strong ones end it even inside a relative clause.
var markers = append(phrases(true, "chu dong", "khan truong", "tiep tuc", "tap trung", "phai", "chiu trach nhiem",
	"kip thoi", "kien quyet", "khong", "can", "co trach nhiem", "nghiem tuc", "tang cuong", "day manh",
	"quyet liet", "khan cap", "thuong xuyen", "tich cuc"),
	phrases(false, "chu tri", "phoi hop", "thuc hien", "huong dan", "tham muu", "giao", "phan bo", "bao cao",
		"ban hanh", "don doc", "theo doi", "chi dao", "lap", "ra soat", "hoan thanh", "nhap", "can cu", "trien khai",
		"xay dung", "to chuc", "nop", "tong hop", "kiem tra", "de xuat", "trinh", "cong bo", "quan ly", "dam bao",
		"bao dam", "cung cap", "huy dong", "ho tro", "nghien cuu", "gui", "khi", "xu ly", "uu tien", "tao dieu kien",
		"giam sat", "danh gia", "cap nhat", "thu hoi", "dieu hanh", "phat dong", "tuyen truyen", "chuan bi",
		"phe duyet", "tham dinh", "bo tri", "duy tri", "nang cao", "van hanh", "thong bao", "tiep nhan",
		"thanh lap", "cat giam", "sap xep", "dieu chinh", "mo rong", "thuc day", "kiem soat", "chiu",
		"tiep thu", "hoan thien", "phan cong", "de nghi", "yeu cau", "ky", "soan thao", "thong ke",
		"tang", "giam", "phan dau", "bam sat", "lam", "tra loi", "giai quyet", "cap", "tra", "thanh toan")...)

// isMarker returns the length of the marker at toks[i] (0 if none) and
// whether it is strong.
func markerAt(toks []token, i int) (int, bool) {
	if i >= len(toks) || toks[i].punct {
		return 0, false
	}
	best, strong := 0, false
	for _, m := range markers {
		if len(m.words) > best && seq(toks, i, m.words...) {
			best, strong = len(m.words), m.strong
		}
	}
	return best, strong
}

func isMarker(toks []token, i int) bool { n, _ := markerAt(toks, i); return n > 0 }

// nounCompound reports whether the marker at toks[i] belongs to the noun
// before it ("cơ quan chủ trì", "đơn vị phối hợp", "được giao chủ trì").
func nounCompound(toks []token, i int) bool {
	if i >= 2 && (seq(toks, i-2, "co", "quan") || seq(toks, i-2, "don", "vi")) {
		return true
	}
	return i >= 1 && (toks[i-1].f == "giao" || toks[i-1].f == "duoc" || seq(toks, i-1, "cong") && i >= 2 && toks[i-2].f == "phan")
}

// collectives are group names with commas inside: one actor each.
var collectives = func() [][]string {
	var out [][]string
	for _, s := range []string{
		"cac so , ban , nganh , doan the", "cac so , ban , nganh , co quan", "cac so , ban , nganh , dia phuong",
		"cac so , ban , nganh", "cac so , nganh , co quan", "cac so , nganh , doan the", "cac so , nganh",
		"so , ban , nganh", "so , nganh", "cac bo , nganh", "bo , nganh", "cac bo , co quan ngang bo",
		"cac cap , cac nganh", "cac cap , nganh", "cac ban , nganh", "cac huyen , thi xa , thanh pho",
		"cac huyen , thanh pho", "huyen , thanh pho", "cac xa , phuong , thi tran", "xa , phuong , thi tran",
		"cac co quan , don vi", "cac co quan , to chuc", "can bo , cong chuc , vien chuc", "can bo , cong chuc",
		"cac to chuc , ca nhan", "to chuc , ca nhan", "cac tinh , thanh pho", "cac dia phuong , don vi",
	} {
		out = append(out, strings.Fields(s))
	}
	return out
}()

// collectiveAt returns the number of tokens of the collective group name at
// toks[i], or 0.
func collectiveAt(toks []token, i int) int {
	best := 0
	for _, c := range collectives {
		if len(c) > best && seq(toks, i, c...) {
			n := len(c)
			// "các cơ quan, đơn vị, chủ đầu tư": an enumeration, not the group
			if c[len(c)-1] == "vi" && c[1] == "co" && i+n+1 < len(toks) && toks[i+n].w == "," && toks[i+n+1].f != "cac" && headAt(toks, i+n+1) > 0 {
				continue
			}
			best = n
		}
	}
	return best
}
