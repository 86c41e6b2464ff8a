package agency

import (
	"regexp"
	"strings"
	"sync"

	"github.com/vanban/vanban/parser/vntext"
)

// The registry is data: the canonical names of the agencies that Vietnamese
// documents name most, and the abbreviations they are written with. It is
// used for matching (Canonical, Match), never to rewrite what a document
// says: extracted names stay as written.

// abbreviations maps a folded abbreviation to its folded expansion. An
// abbreviation in shortOnly expands only after "sở"/"bộ"/"ban" ("Sở TC"),
// where it cannot be read otherwise.
var abbreviations = map[string]string{
	"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
	"ub": "uy ban", "ubmttq": "uy ban mat tran to quoc",
	"bhxh": "bao hiem xa hoi", "kbnn": "kho bac nha nuoc", "nhnn": "ngan hang nha nuoc",
	"bchqs": "bo chi huy quan su", "bdbp": "bo doi bien phong", "ldld": "lien doan lao dong",
	"kh&dt": "ke hoach va dau tu", "khdt": "ke hoach va dau tu", "kh-dt": "ke hoach va dau tu",
	"tn&mt": "tai nguyen va moi truong", "tnmt": "tai nguyen va moi truong", "tn-mt": "tai nguyen va moi truong",
	"ld-tb&xh": "lao dong-thuong binh va xa hoi", "ldtb&xh": "lao dong-thuong binh va xa hoi",
	"ldtbxh": "lao dong-thuong binh va xa hoi", "ld,tb&xh": "lao dong-thuong binh va xa hoi",
	"nn&ptnt": "nong nghiep va phat trien nong thon", "nnptnt": "nong nghiep va phat trien nong thon",
	"nn-ptnt": "nong nghiep va phat trien nong thon",
	"gtvt":    "giao thong van tai", "gd&dt": "giao duc va dao tao", "gddt": "giao duc va dao tao",
	"vhttdl": "van hoa, the thao va du lich", "vh,tt&dl": "van hoa, the thao va du lich",
	"vhtt&dl": "van hoa, the thao va du lich", "vh-tt&dl": "van hoa, the thao va du lich",
	"tt&tt": "thong tin va truyen thong", "tttt": "thong tin va truyen thong",
	"kh&cn": "khoa hoc va cong nghe", "khcn": "khoa hoc va cong nghe",
	"dnvt": "doanh nghiep vien thong", "ctxh": "chinh tri-xa hoi", "ct-xh": "chinh tri-xa hoi",
	"kt-xh": "kinh te-xa hoi", "ktck": "kinh te cua khau", "kcn": "khu cong nghiep",
	"bql": "ban quan ly", "qlda": "quan ly du an", "kkt": "khu kinh te", "ptth": "phat thanh va truyen hinh",
	"pt-th": "phat thanh va truyen hinh", "pt&th": "phat thanh va truyen hinh", "bch": "bo chi huy",
	"ptnt": "phat trien nong thon", "gd-dt": "giao duc va dao tao", "ubmttqvn": "uy ban mat tran to quoc viet nam",
	"bqlda": "ban quan ly du an",
}

// spelledAbbr are abbreviations written with "và" ("KH và ĐT").
var spelledAbbr = map[string]string{
	"kh va dt": "ke hoach va dau tu", "tn va mt": "tai nguyen va moi truong", "gd va dt": "giao duc va dao tao",
	"nn va ptnt": "nong nghiep va phat trien nong thon", "tt va tt": "thong tin va truyen thong",
	"kh va cn": "khoa hoc va cong nghe", "ld-tb va xh": "lao dong-thuong binh va xa hoi",
}

var shortOnly = map[string]string{
	"tc": "tai chinh", "ct": "cong thuong", "xd": "xay dung", "yt": "y te", "nv": "noi vu",
	"tp": "tu phap", "ng": "ngoai vu", "dt": "dan toc", "tt": "thong tin",
}

// known lists canonical agency names (as displayed). Their keys resolve
// every spelling and abbreviation of them.
var known = []string{
	"Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh",
	"Ủy ban nhân dân các huyện, thành phố", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
	"Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Tài nguyên và Môi trường",
	"Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn",
	"Sở Giao thông vận tải", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
	"Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Công Thương", "Sở Xây dựng",
	"Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Ngoại vụ", "Sở Du lịch", "Sở Nông nghiệp và Môi trường",
	"Sở Dân tộc và Tôn giáo", "Sở Khoa học và Công nghệ",
	"Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Tài nguyên và Môi trường",
	"Bộ Lao động - Thương binh và Xã hội", "Bộ Nông nghiệp và Phát triển nông thôn",
	"Bộ Giao thông vận tải", "Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch",
	"Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ", "Bộ Công Thương", "Bộ Xây dựng",
	"Bộ Y tế", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Ngoại giao", "Bộ Quốc phòng", "Bộ Công an",
	"Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước tỉnh", "Cục Thuế", "Cục Hải quan", "Công an tỉnh",
	"Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Dân tộc tỉnh",
	"Ngân hàng Nhà nước Việt Nam", "Văn phòng Chính phủ", "Văn phòng Ủy ban nhân dân tỉnh",
	"Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý Khu kinh tế tỉnh",
	"Đài Phát thanh và Truyền hình tỉnh", "Liên đoàn Lao động tỉnh", "Tổng cục Hải quan", "Cục Công nghệ thông tin và Thống kê Hải quan", "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội",
	// central units whose names hold a comma
	"Cục Quản lý Y, Dược cổ truyền", "Cục Quản lý Khám, chữa bệnh", "Vụ Phổ biến, giáo dục pháp luật",
	"Ủy ban Văn hóa, Giáo dục", "Sở Văn hóa, Thể thao", "Sở Văn hóa, Khoa học và Thông tin",
}

// groups are collective actors: they name a class, not one agency, and a
// query for one member does not match them.
var groups = regexp.MustCompile(`^(?:cac|nhung|moi) |\bcac\b|\blien quan$|\btruc thuoc$|^(?:chu dau tu|co quan|don vi|doanh nghiep|dia phuong|nganh)$`)

var (
	reDashSpace = regexp.MustCompile(`\s*-\s*`)
	reProvince  = regexp.MustCompile(`^((?:so|ban|cuc|cong an|bao hiem xa hoi|kho bac nha nuoc|bo chi huy [a-z ]+|thanh tra|van phong [a-z ]+) .*?|cong an|thanh tra) tinh(?: [a-z ]+)?$`)
	knownKeys   map[string]string
)

func init() {
	knownKeys = make(map[string]string, len(known))
	for _, k := range known {
		knownKeys[key(k)] = k
	}
}

// keyMemo remembers recent keys: the scanner asks for the key of every
// window of words that may name an agency, and the same windows come back
// in every clause and every document. Bounded: cleared when full.
var keyMemo struct {
	sync.Mutex
	m map[string]string
}

const keyMemoSize = 1 << 16

// key is the matching form of an agency name: folded, abbreviations
// expanded, "&" read as "và", dashes and spaces squeezed, a leading "các"
// and a trailing "tỉnh …" of provincial departments dropped.
func key(name string) string {
	keyMemo.Lock()
	k, ok := keyMemo.m[name]
	keyMemo.Unlock()
	if ok {
		return k
	}
	k = computeKey(name)
	keyMemo.Lock()
	if keyMemo.m == nil || len(keyMemo.m) >= keyMemoSize {
		keyMemo.m = make(map[string]string, keyMemoSize/4)
	}
	keyMemo.m[strings.Clone(name)] = k
	keyMemo.Unlock()
	return k
}

func computeKey(name string) string {
	k := vntext.Key(name)
	if k == "" {
		return ""
	}
	k = reDashSpace.ReplaceAllString(k, "-")
	toks := strings.Fields(k)
	out := make([]string, 0, len(toks)+4)
	for i, t := range toks {
		t = strings.Trim(t, "()")
		if e, ok := abbreviations[t]; ok {
			out = append(out, e)
			continue
		}
		if e, ok := shortOnly[t]; ok && i > 0 && (toks[i-1] == "so" || toks[i-1] == "bo" || toks[i-1] == "ban") {
			out = append(out, e)
			continue
		}
		out = append(out, t)
	}
	k = strings.Join(out, " ")
	k = strings.ReplaceAll(k, "&", " va ")
	k = strings.Join(strings.Fields(k), " ")
	k = reDashSpace.ReplaceAllString(k, "-")
	for short, long := range spelledAbbr {
		if strings.Contains(" "+k+" ", " "+short+" ") {
			k = strings.TrimSpace(strings.ReplaceAll(" "+k+" ", " "+short+" ", " "+long+" "))
		}
	}
	k = strings.ReplaceAll(k, "lao dong, thuong binh", "lao dong-thuong binh")       // "Sở Lao động, Thương binh và Xã hội"
	k = strings.ReplaceAll(k, "phat thanh-truyen hinh", "phat thanh va truyen hinh") // "Đài Phát thanh - Truyền hình"
	k = strings.ReplaceAll(k, "van hoa-the thao", "van hoa, the thao")               // "Sở Văn hóa - Thể thao và Du lịch"
	k = strings.ReplaceAll(k, "giao duc-dao tao", "giao duc va dao tao")             // "Sở Giáo dục - Đào tạo"
	k = strings.TrimPrefix(k, "cac ")
	k = strings.TrimPrefix(k, "nhung ")
	if m := reProvince.FindStringSubmatch(k); m != nil {
		k = m[1]
	}
	return strings.Trim(k, " .;,:")
}

// Canonical resolves a spelling or abbreviation of an agency to one
// identity: the registry's display name when the agency is known ("Sở
// KH&ĐT", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "so ke hoach va dau tu" → "Sở Kế hoạch
// và Đầu tư"), otherwise the name in its normalized form.
func Canonical(name string) string {
	if c, ok := knownKeys[key(name)]; ok {
		return c
	}
	return vntext.Normalize(strings.Trim(name, " .;,:"))
}

// Key returns the matching key of an agency name (see Canonical): two
// names with the same Key are the same agency.
func Key(name string) string { return key(name) }

// IsGroup reports whether name is a collective actor ("các sở, ban,
// ngành", "UBND các huyện, thành phố", "các chủ đầu tư").
func IsGroup(name string) bool { return groups.MatchString(vntext.Key(name)) }

// Match reports whether query names the agency name: without diacritics,
// in any case, through the registry's abbreviations ("so tai chinh",
// "SỞ TÀI CHÍNH" and "Sở TC" all match "Sở Tài chính"). A query of two
// words or more also matches a name that contains it word for word
// ("Sở Tài chính" matches "Giám đốc Sở Tài chính"), except inside a
// collective group: a query for one department does not match "các sở,
// ban, ngành".
func Match(query, name string) bool {
	q, n := key(query), key(name)
	if q == "" || n == "" {
		return false
	}
	if q == n {
		return true
	}
	if strings.Count(q, " ") == 0 || IsGroup(name) && !IsGroup(query) {
		return false
	}
	i := strings.Index(n, q)
	for i >= 0 {
		end := i + len(q)
		if (i == 0 || n[i-1] == ' ') && (end == len(n) || n[end] == ' ' || n[end] == ',') {
			return true
		}
		j := strings.Index(n[i+1:], q)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
