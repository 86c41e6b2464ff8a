package agency

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// token is a word or a punctuation mark of the text being read.
type token struct {
	s, e  int    // byte span
	w     string // as written
	f     string // lower case (vntext.Lower), diacritics kept
	cap   bool   // starts with an upper-case letter
	punct bool
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the letters and digits of ASCII, without the tables
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '&'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenize splits text into words (letters, digits, "&", with inner ".",
// "-", "/" kept: "KH&ĐT", "LĐ-TB&XH", "6.3") and punctuation marks.
func tokenize(text string) []token {
	// a token for every 4.6 bytes of Vietnamese text on average, rarely
	// more than one for every 3: seldom grown, instead of doubling from
	// nothing
	return tokenizeAppend(make([]token, 0, len(text)/3+4), text)
}

// tokenizeAppend appends the tokens of text to toks (a buffer to reuse).
func tokenizeAppend(toks []token, text string) []token {
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
			if r2 == ',' && abbrComma(text, i, j) {
				j += n2 // "Sở VH,TT&DL": a comma inside an abbreviation
				continue
			}
			if r2 == '.' && parser.PlaceDot(text, j) {
				j += n2 // "TP. Hồ Chí Minh": the dot is the word's
				break
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
		toks = append(toks, token{s: i, e: j, w: w, f: vntext.Lower(w), cap: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

// abbrComma reports whether the comma at text[j] joins the parts of one
// upper-case abbreviation ("VH,TT&DL", "LĐ,TB&XH"): the word before it is
// upper case and the one after it is too, up to an "&".
func abbrComma(text string, i, j int) bool {
	w := text[i:j]
	if w == "" || strings.ToUpper(w) != w || strings.IndexFunc(w, unicode.IsLetter) < 0 {
		return false
	}
	k := j + 1
	amp := false
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if r == '&' {
			amp = true
		} else if !(unicode.IsUpper(r) || r == '-' || r == ',') {
			break
		}
		k += n
	}
	r, _ := utf8.DecodeRuneInString(text[j+1:])
	return amp && unicode.IsUpper(r)
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

// byFirst indexes phrases by their first word: the places in the list of
// those that can start at a token, in the list's order.
func byFirst(list []phrase) map[string][]int {
	out := map[string][]int{}
	for i, p := range list {
		if len(p.words) > 0 {
			out[p.words[0]] = append(out[p.words[0]], i)
		}
	}
	return out
}

var (
	headsByFirst   = byFirst(heads)
	markersByFirst = byFirst(markers)
)

func phrases(strong bool, list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		out[i] = phrase{words: strings.Fields(s), strong: strong}
	}
	return out
}

// heads are the words an agency name starts with (lower case, with
// diacritics: "sở" is not "số", "bộ" is not "bố").
var heads = func() []phrase {
	var hs []phrase
	add := func(cap bool, not string, list ...string) {
		for _, s := range list {
			hs = append(hs, phrase{words: strings.Fields(s), cap: cap, not: strings.Fields(not)})
		}
	}
	add(false, "", "ủy ban", "ubnd", "hđnd", "hội đồng nhân dân", "ubmttq", "mttq", "kho bạc", "kbnn", "công an",
		"bảo hiểm xã hội", "bhxh", "hệ thống ngân hàng", "ngân hàng nhà nước", "chủ tịch", "phó chủ tịch",
		"thủ trưởng", "giám đốc", "phó giám đốc", "chánh văn phòng", "chủ đầu tư", "cơ quan", "đơn vị",
		"doanh nghiệp", "tòa án", "viện kiểm sát", "kiểm toán nhà nước", "tỉnh ủy", "huyện ủy", "thành ủy",
		"đảng ủy", "quốc hội", "thủ tướng", "bộ trưởng", "người đứng đầu", "nhà đầu tư", "đội ngũ",
		"các sở", "các bộ", "các ban", "các ngành", "các cơ quan", "các đơn vị", "các chủ đầu tư",
		"các huyện", "các địa phương", "các doanh nghiệp", "các tổ chức", "các cấp", "các tỉnh", "các xã",
		"các hội", "các đoàn thể", "các ngân hàng", "các bệnh viện", "các cục", "các vụ",
		"các tập đoàn", "các tổng công ty", "các công ty", "các chi cục", "các trung tâm", "các lực lượng",
		"các nhà đầu tư", "các chủ tịch", "lãnh đạo các", "cán bộ , công chức", "các ban quản lý",
		"chính quyền", "đại biểu quốc hội", "đoàn đại biểu quốc hội", "đảng đoàn", "ban cán sự", "các cấp ủy",
		"cấp ủy", "tổ chức đảng", "các tổ chức đảng", "đảng bộ", "chi bộ", "tổ đại biểu", "các tổ đại biểu",
		"đại biểu hội đồng nhân dân", "các ban của hội đồng nhân dân", "bql", "bch", "ubmttqvn", "lđlđ", "nhnn", "bqlda",
		"đại biểu hđnd", "các đại biểu hđnd", "các đại biểu hội đồng nhân dân", "các ban hđnd",
		"tổ giúp việc", "tổ công tác", "trưởng ban chỉ đạo", "phó trưởng ban chỉ đạo", "thành viên ban chỉ đạo",
		"các thành viên ban chỉ đạo", "ban thường vụ", "các ban thường vụ", "ban chấp hành", "các ban chấp hành")
	add(false, "hợp", "các trường") // "các trường hợp": cases, not schools
	add(true, "hữu", "sở")          // "Sở hữu": ownership
	add(true, "tiêu máy phận luật", "bộ")
	add(true, "hành", "ban")
	add(true, ", kiểm giám việc và các đối", "thanh tra") // "Thanh tra, kiểm tra …": the verb
	add(true, "", "cục", "vụ", "tổng cục", "chi cục", "văn phòng", "tổng công ty", "công ty", "tập đoàn",
		"tỉnh đoàn", "liên đoàn", "trung tâm", "chính phủ", "mặt trận", "thường trực", "hội đồng", "ban quản lý",
		"đài phát thanh", "đài truyền hình", "viện", "chi nhánh", "quỹ", "học viện", "bệnh viện", "cảng vụ",
		"hiệp hội", "liên minh", "đoàn", "hội", "báo", "đài", "trường", "phòng", "ngân hàng", "kho bạc",
		"bưu điện", "điện lực", "viettel", "vnpt", "mobifone", "cổng thông tin", "liên bộ")
	return hs
}()

// headAt returns the number of words of the agency head that starts at
// toks[i], or 0.
func headAt(toks []token, i int) int {
	if i >= len(toks) || toks[i].punct {
		return 0
	}
	best := 0
	for _, k := range headsByFirst[toks[i].f] {
		h := &heads[k]
		if len(h.words) <= best || !seq(toks, i, h.words...) {
			continue
		}
		if h.cap && !toks[i].cap {
			continue
		}
		if n := i + len(h.words); n < len(toks) && contains(h.not, toks[n].f) {
			continue
		}
		if n := i + len(h.words); h.words[len(h.words)-1] == "vị" && seq(toks, n, "hành", "chính") && !seq(toks, n+2, "sự", "nghiệp") {
			continue // "các đơn vị hành chính cấp tỉnh": provinces, not agencies ("đơn vị hành chính sự nghiệp" is one)
		}
		if len(h.words) == 1 && h.cap && (i+1 >= len(toks) || !toks[i+1].cap) && !contains(lowerOK, h.words[0]) {
			continue // "Hội nghị", "Phòng, chống", "Trường hợp": not a name
		}
		best = len(h.words)
	}
	if best == 0 && listedOrg(toks, i) {
		return 2
	}
	return best
}

// listedOrg reports a bare "tổ chức" that is a member of a list of actors
// rather than a verb: after a comma that follows a noun, and before a
// comma, a full stop or the end ("các cấp ủy, cơ quan, đơn vị, tổ chức,
// nhất là người đứng đầu").
func listedOrg(toks []token, i int) bool {
	if !seq(toks, i, "tổ", "chức") || toks[i].cap || i < 2 || toks[i-1].w != "," || toks[i-2].punct || markerEnds[toks[i-2].f] {
		return false
	}
	return i+2 >= len(toks) || toks[i+2].w == "," && !(i+3 < len(toks) && isMarker(toks, i+3)) || toks[i+2].w == ";" || toks[i+2].w == "."
}

// lowerOK are one-word heads whose name may go on in lower case ("Sở Tài
// chính" is written "Sở Tài chính", but "Sở giao thông" also occurs).
var lowerOK = []string{"sở", "bộ", "cục", "vụ", "ban", "thanh tra", "văn phòng"}

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
var markers = append(phrases(true, "chủ động", "khẩn trương", "tiếp tục", "tập trung", "phải", "chịu trách nhiệm",
	"kịp thời", "kiên quyết", "không", "cần", "có trách nhiệm", "nghiêm túc", "tăng cường", "đẩy mạnh",
	"quyết liệt", "thường xuyên", "tích cực", "khẩn cấp", "định kỳ", "hằng tháng", "hằng quý", "hằng năm", "phát huy",
	"hoàn toàn", "có thể", "chỉ", "là", "có nhiệm vụ"),
	phrases(false, "chủ trì", "phối hợp", "thực hiện", "hướng dẫn", "tham mưu", "giao", "phân bổ", "báo cáo",
		"ban hành", "đôn đốc", "theo dõi", "chỉ đạo", "lập", "rà soát", "hoàn thành", "nhập", "căn cứ", "triển khai",
		"xây dựng", "tổ chức", "nộp", "tổng hợp", "kiểm tra", "đề xuất", "trình", "công bố", "quản lý", "đảm bảo",
		"bảo đảm", "cung cấp", "huy động", "hỗ trợ", "nghiên cứu", "gửi", "khi", "xử lý", "ưu tiên", "tạo điều kiện",
		"giám sát", "đánh giá", "cập nhật", "thu hồi", "điều hành", "phát động", "tuyên truyền", "chuẩn bị",
		"phê duyệt", "thẩm định", "bố trí", "duy trì", "nâng cao", "vận hành", "thông báo", "tiếp nhận",
		"thành lập", "cắt giảm", "sắp xếp", "điều chỉnh", "mở rộng", "tiến hành", "thúc đẩy", "kiểm soát", "tiếp thu",
		"hoàn thiện", "phân công", "đề nghị", "yêu cầu", "ký", "soạn thảo", "thống kê", "phấn đấu", "bám sát",
		"trả lời", "giải quyết", "thanh toán", "quyết định", "chấp hành", "thi hành", "áp dụng", "phân loại",
		"đăng ký", "công khai", "hướng", "lựa chọn", "khắc phục", "tháo gỡ", "quy định", "kêu gọi",
		"thống nhất quản lý", "buộc", "giúp", "tham gia", "thiết lập", "xác lập", "lãnh đạo", "quán triệt",
		"ra quyết định", "kết nối", "có văn bản", "cử", "xác minh", "phản ánh",
		"sửa đổi", "lấy ý kiến", "xem xét", "chấp thuận", "cấp giấy chứng nhận", "cấp giấy phép", "cấp phép",
		"làm thủ tục", "làm rõ", "nâng cấp", "làm đầu mối", "khen thưởng", "công nhận", "bổ nhiệm", "cho ý kiến", "mở")...)

// orgNext are the words after "tổ chức" that make it a noun.
var orgNext = []string{"đảng", "chính", "xã", "đoàn", "hội", "kinh", "tín", "quốc", "phi", "khác", "liên", ",", "cá", "và", "thành"}

// notMarker are words that, before a marker's first word, make a noun of
// it ("chương trình", "ngoại giao", "các tổ chức").
var notMarker = map[string][]string{
	"trình": {"chương", "công", "quá", "lộ", "tiến", "giáo", "quy", "tờ", "hành", "phương"},
	"giao":  {"ngoại", "bàn", "chuyển", "trao"},
	"tổ":    {"các", "những", "và", "một", "của", "hoặc", "với", "cho"},
	"xây":   {"tư", "công"},
	"quản":  {"ban", "Ban"},
	"lập":   {"thành", "độc", "công"},
	"khi":   {"trước", "sau"},
	"hướng": {"định", "phương", "xu"},
	"công":  {"dịch"},
	"ký":    {"đăng"},
	"kiểm":  {"đoàn"},
	"hỗ":    {"hỗ"},
	"quy":   {"theo", "các", "những", "tại", "đúng", "có", "của", "với", "và", "mọi", "một", "số", "ban", "này", "bản"},
	"chỉ":   {"không", "địa", "ngón"},
	"là":    {"nhất", "biệt", "tức", "hoặc", "đó", "như", "kể"},
	"cử":    {"bầu", "ứng", "tuyển", "đề", "cắt"},
	"đăng":  {"phòng", "chức", "quan"}, // "Văn phòng đăng ký đất đai", "tổ chức đăng ký đất đai"
	"nhập":  {"xuất", "thu"},
}

// isMarker returns the length of the marker at toks[i] (0 if none) and
// whether it is strong.
func markerAt(toks []token, i int) (int, bool) {
	if i >= len(toks) || toks[i].punct {
		return 0, false
	}
	if i > 0 && (contains(notMarker[toks[i].f], toks[i-1].f) || nominal(toks, i)) {
		return 0, false
	}
	best, strong := 0, false
	for _, k := range markersByFirst[toks[i].f] {
		m := &markers[k]
		if len(m.words) > best && seq(toks, i, m.words...) {
			best, strong = len(m.words), m.strong
		}
	}
	if best == 2 && seq(toks, i, "lãnh", "đạo") && i+2 < len(toks) && (toks[i+2].f == "các" || toks[i+2].cap) {
		return 0, false // "lãnh đạo các sở", "lãnh đạo Sở": a title
	}
	if best == 2 && seq(toks, i, "tổ", "chức") && i+2 < len(toks) && contains(orgNext, toks[i+2].f) {
		return 0, false // "tổ chức đảng", "tổ chức chính trị - xã hội", "tổ chức, cá nhân": nouns
	}
	return best, strong
}

// nominal reports whether the verb at toks[i] belongs to a noun phrase
// opened by "việc"/"sự", directly or through a chain of verbs ("việc thực
// hiện sắp xếp").
func nominal(toks []token, i int) bool {
	for depth := 0; depth < 4 && i > 0; depth++ {
		p := toks[i-1].f
		if p == "việc" || p == "sự" || depth == 0 && (p == "trước" || p == "sau") {
			return true // "cấp xã trước sắp xếp": before the rearrangement
		}
		// is toks[i-1] the end of a marker? step back over it
		if !markerEnds[p] {
			return false
		}
		stepped := false
		for _, k := range markersByLast[p] { // the markers that end with p, in their order
			m := markers[k]
			n := len(m.words)
			if n <= i && seq(toks, i-n, m.words...) {
				i -= n
				stepped = true
				break
			}
		}
		if !stepped {
			return false
		}
	}
	return false
}

// markersByLast indexes markers by their last word.
var markersByLast = func() map[string][]int {
	out := map[string][]int{}
	for i, p := range markers {
		last := p.words[len(p.words)-1]
		out[last] = append(out[last], i)
	}
	return out
}()

// markerEnds are the last words of the markers.
var markerEnds = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range markers {
		m[p.words[len(p.words)-1]] = true
	}
	return m
}()

func isMarker(toks []token, i int) bool { n, _ := markerAt(toks, i); return n > 0 }

// nounCompound reports whether the marker at toks[i] belongs to the noun
// before it ("cơ quan chủ trì", "đơn vị phối hợp", "được giao chủ trì").
func nounCompound(toks []token, i int) bool {
	if i >= 2 && (seq(toks, i-2, "cơ", "quan") || seq(toks, i-2, "đơn", "vị")) {
		// "cơ quan chủ trì", "đơn vị thực hiện" name a role, and so does a
		// single "đơn vị xây dựng công trình"; after "các cơ quan, đơn
		// vị" / "các đơn vị" a verb is the predicate ("gửi báo cáo")
		if !(i >= 3 && (toks[i-3].f == "các" || toks[i-3].w == ",")) {
			return true
		}
		for _, r := range roleNouns {
			if seq(toks, i, r.words...) {
				return true
			}
		}
		return false
	}
	if i >= 2 && seq(toks, i-2, "hội", "đồng") {
		return true // "Hội đồng thẩm định bảng giá đất"
	}
	if i >= 1 && seq(toks, i, "quản", "lý", "chuyên", "ngành") {
		return true // "các Bộ quản lý chuyên ngành", "cơ quan quản lý chuyên ngành": a body's kind
	}
	return i >= 1 && (toks[i-1].f == "giao" || toks[i-1].f == "được" || toks[i-1].f == "công" && i >= 2 && toks[i-2].f == "phân")
}

// roleNouns are the verbs that make a role noun after "cơ quan" / "đơn
// vị" ("cơ quan chủ trì", "đơn vị phối hợp", "cơ quan quản lý").
var roleNouns = phrases(false, "chủ trì", "phối hợp", "thực hiện", "quản lý", "thẩm định", "tiếp nhận",
	"giải quyết", "ban hành", "tham mưu", "tổ chức", "kiểm tra", "lập", "trình", "đề nghị", "xử lý", "thi hành",
	"hướng dẫn", "tổng hợp", "chỉ đạo", "giám sát", "quyết định", "cung cấp", "đăng ký", "thanh toán", "phê duyệt",
	"cấp giấy chứng nhận", "cấp giấy phép", "cấp phép", "điều hành", "theo dõi", "vận hành", "thống kê")

// collectives are group names with commas inside: one actor each.
var collectives = func() [][]string {
	var out [][]string
	for _, s := range []string{
		"các sở , ban , ngành , đoàn thể", "các sở , ban , ngành , cơ quan", "các sở , ban , ngành , địa phương",
		"các sở , ban , ngành", "các sở , ngành , cơ quan", "các sở , ngành , đoàn thể", "các sở , ngành",
		"sở , ban , ngành", "sở , ngành", "các bộ , ngành", "bộ , ngành", "các bộ , cơ quan ngang bộ",
		"các cấp , các ngành", "các cấp , ngành", "các ban , ngành", "các huyện , thị xã , thành phố",
		"các huyện , thành phố", "huyện , thành phố", "các xã , phường , thị trấn", "xã , phường , thị trấn",
		"các cơ quan , đơn vị", "các cơ quan , tổ chức", "cán bộ , công chức , viên chức", "cán bộ , công chức",
		"các tổ chức , cá nhân", "tổ chức , cá nhân", "các tỉnh , thành phố", "các địa phương , đơn vị",
		"các cơ quan , ban , ngành", "các ngành , các cấp", "các ngành , địa phương", "các sở , ngành , địa phương",
		"các cấp , các ngành , đoàn thể", "cá nhân , tổ chức", "các cơ quan , tổ chức , cá nhân",
		"cơ quan , tổ chức , cá nhân",
	} {
		out = append(out, strings.Fields(s))
	}
	return out
}()

// collectivesByFirst indexes collectives by their first word.
var collectivesByFirst = func() map[string][]int {
	out := map[string][]int{}
	for i, c := range collectives {
		out[c[0]] = append(out[c[0]], i)
	}
	return out
}()

// collectiveAt returns the number of tokens of the collective group name at
// toks[i], or 0.
func collectiveAt(toks []token, i int) int {
	best := 0
	if i >= len(toks) {
		return 0
	}
	// only the names that start with the word at i can match, tried in
	// their order
	for _, k := range collectivesByFirst[toks[i].f] {
		c := collectives[k]
		if len(c) > best && seq(toks, i, c...) {
			n := len(c)
			// "các cơ quan, đơn vị, chủ đầu tư": an enumeration, not the group
			if c[len(c)-1] == "vị" && c[1] == "cơ" && i+n+1 < len(toks) && toks[i+n].w == "," && toks[i+n+1].f != "các" && headAt(toks, i+n+1) > 0 {
				continue
			}
			best = n
		}
	}
	return best
}
