package parser

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
	"github.com/vanban/vanban/parser/vocab"
)

var (
	reNumberLine  = regexp.MustCompile(`(?i)(?:^|\s|\pL)số(?:\s+ký\s+hiệu)?\s*:`)
	reNumber      = regexp.MustCompile(`(?i)số(?:\s+ký\s+hiệu)?\s*:?\s*(\d+\s*(?:[/-]\s*[0-9A-Za-zĐđ&]+\s*)+)`)
	reSepRun      = regexp.MustCompile(`-{3,}|\*{3,}|_{3,}|={3,}`)
	reDateLine    = regexp.MustCompile(`(?i)ngày\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})`)
	reDate        = regexp.MustCompile(`(?i)(?:([\pL .]{0,40}?)\s*,?\s*)?ngày\s*(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))`)
	reMotto       = regexp.MustCompile(`(?i)(?:cộng\s+)?h[oòó][aàá]\s+xã\s+hội\s+chủ\s+nghĩa|độc\s+lập\s*-\s*tự\s+do|đảng\s+cộng\s+sản\s+việt\s+nam`)
	reBracket     = regexp.MustCompile(`\[[^\]]{0,600}\]`)
	reSeparator   = regexp.MustCompile(`^[-_*=\s.…]+$`)
	reColumns     = regexp.MustCompile(`\s{3,}|\t+`)
	reTypedNumber = regexp.MustCompile(`(?i)(\pL+(?:\s\pL+)?)\s+số\s*:`)
	reSubjectAny  = regexp.MustCompile(`(?:^|\s)[Vv]/[Vv]\b\.?:?\s*`)
)

// noise lines scraped from legal portals.
var portalNoise = []string{"hệ thống pháp luật", "đang tải nội dung", "vui lòng chờ", "thuvienphapluat", "luatvietnam", "văn bản pháp luật"}

func isNoise(t string) bool {
	f := vntext.Fold(t)
	for _, n := range portalNoise {
		if strings.Contains(f, vntext.Fold(n)) {
			return true
		}
	}
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "Page ") || reSeparator.MatchString(t)
}

// splitColumns is reColumns.Split(line, -1): a line without a tab and
// without three white spaces in a row (a line holds no "\n"; \s is also
// "\f" and "\r") has no column break.
func splitColumns(line string) []string {
	if !strings.ContainsAny(line, "\t\f\r") && !strings.Contains(line, "   ") {
		return []string{line}
	}
	return reColumns.Split(line, -1)
}

// subjectAt is reSubjectAny.FindStringIndex(c): every match holds "/V" or
// "/v".
func subjectAt(c string) []int {
	if !strings.Contains(c, "/V") && !strings.Contains(c, "/v") {
		return nil
	}
	return reSubjectAny.FindStringIndex(c)
}

// findDate is reDate.FindStringSubmatchIndex(s), run only from where a
// match can start. Every match holds "ngày" in some case (five bytes, "n"
// or "N" first), and a match that starts before the first of them has
// only letters, spaces, dots, commas and white space up to it (the place,
// "Lạng Sơn, "): no match starts before the run of such characters that
// ends there. reDate looks at nothing before its start, so from the start
// of that run it finds the match it finds from the start of s, without
// trying its lazy place group at every character of the header.
func findDate(s string) []int {
	k := -1
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "nN")
		if j < 0 {
			break
		}
		if i += j; i+5 <= len(s) && strings.EqualFold(s[i:i+5], "ngày") {
			k = i
			break
		}
		i++
	}
	if k < 0 {
		return nil
	}
	q := k
	for q > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:q])
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .,\t\n\f\r", r) {
			break
		}
		q -= n
	}
	m := reDate.FindStringSubmatchIndex(s[q:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += q
		}
	}
	return m
}

// parseHeader reads issuer, number, place and date, type and title from the
// header paragraphs.
func parseHeader(d *Document, ps []para) Header {
	var h Header
	var cells []string // header cells in reading order (columns split)
	var cellLines []int
	for _, p := range ps {
		for _, line := range strings.Split(d.Text[p.start:p.end], "\n") {
			line = reBracket.ReplaceAllString(line, " ") // editors' notes of legal portals
			if isPipeRow(strings.TrimSpace(line)) {
				// a header laid out as a table (HTML pages): its cells are columns.
				line = strings.Join(pipeCells(line), "   ")
			}
			for _, c := range splitColumns(line) {
				c = strings.TrimSpace(c)
				if c != "" {
					cells = append(cells, c)
					cellLines = append(cellLines, p.line)
				}
			}
		}
	}
	all := strings.Join(cells, "\n")

	if m := reNumber.FindStringSubmatchIndex(all); m != nil {
		num := all[m[2]:m[3]]
		// a run-together header glues the place to the symbol: "TT-BGDĐTHà Nội".
		if next, _ := utf8.DecodeRuneInString(all[m[3]:]); unicode.IsLower(next) {
			if r, n := utf8.DecodeLastRuneInString(num); unicode.IsUpper(r) {
				num = num[:len(num)-n]
			}
		}
		h.Number = strings.Join(strings.Fields(num), "")
		h.Number = strings.TrimRight(h.Number, "-/")
		h.Line = cellLines[strings.Count(all[:m[0]], "\n")]
	}
	if m := findDate(all); m != nil {
		var place string
		h.Date, place = dateMatch(all, m)
		h.Place = placeName(place)
	}
	// type and title: a line in capitals naming a document type.

	for i, c := range cells {
		cc := c
		if m := findDate(cc); m != nil {
			cc = cc[m[1]:]
		} else if m := reNumber.FindStringIndex(cc); m != nil {
			cc = cc[m[1]:]
		}
		cc = strings.TrimSpace(cc)
		if t, n := vocab.TypePrefix(cc); t != nil && t.Heading && isCaps(cc[:n]) && !reMotto.MatchString(cc[:n]) {
			// "LUẬT SỬA ĐỔI …" or "QUYẾT ĐỊNH" alone, or "QUYẾT ĐỊNH VỀ …".
			h.Type = t.Name

			title := strings.TrimSpace(cc[n:])
			var parts []string
			if title = capsRun(title); title != "" {
				parts = append(parts, title)
			}
			if t.Name == "Luật" || t.Name == "Bộ luật" || t.Name == "Pháp lệnh" {
				if title != "" {
					parts = []string{capsRun(cc)}
				}
			} else if len(parts) > 0 {
				parts[0] = capsRun(parts[0])
			}
			for k, nx := range cells[i+1:] {
				// a title in running case stands alone after the type line:
				// "QUYẾT ĐỊNH" / "Ban hành Kế hoạch thực hiện …".
				if k == 0 && len(parts) == 0 && !isCaps(nx) && !isEnactingBody(nx) && !reMotto.MatchString(nx) &&
					!reBasis.MatchString(nx) && startsUpper(nx) {
					parts = append(parts, nx)
					// a running-case title wrapped over lines: "… áp dụng tại" / "Bệnh viện …"
					for _, more := range cells[i+2:] {
						last := parts[len(parts)-1]
						r, _ := utf8.DecodeRuneInString(more)
						if isCaps(more) || reBasis.MatchString(more) || !(danglingEnd(last) || unicode.IsLower(r)) {
							break
						}
						parts = append(parts, more)
					}
					break
				}
				if !isCaps(nx) && (hasLetter(nx) || len(parts) == 0) || isEnactingBody(nx) || reMotto.MatchString(nx) || len(parts) > 0 && len(capsRun(cc)) < len(strings.TrimSpace(cc)) {
					break
				}
				parts = append(parts, nx)
			}
			h.Title = strings.Trim(cutEnacting(clean(strings.Join(parts, " "))), "_-*= ")
			// old style: "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 61-CP NGÀY 05 THÁNG 7 NĂM 1994 VỀ …"
			if strings.HasPrefix(h.Title, "CỦA ") {
				if j := strings.Index(h.Title, " VỀ "); j > 0 {
					h.Title = h.Title[j+1:]
				}
			}
			break
		}
	}
	for _, c := range cells {
		if m := subjectAt(c); m != nil {
			if h.Title == "" {
				// "V/v …" up to the place and date a run-together header puts after it
				subj := c[m[1]:]
				if dm := findDate(subj); dm != nil {
					cut := dm[0]
					if dm[2] >= 0 {
						cut = dm[2] + strings.Index(subj[dm[2]:dm[3]], placeName(subj[dm[2]:dm[3]]))
					}
					subj = subj[:cut]
				}
				h.Title = strings.TrimRight(clean(subj), " ,.")
			}
			if h.Type == "" {
				h.Type = "Công văn"
			}
		}
	}
	if t := vocab.TypeBySymbol(h.Number); t != nil && h.Number != "" {
		h.Type = t.Name // the symbol's type code is authoritative ("05/VBHN-VPQH")
	}
	if h.Type == "" {
		// "Luật số: 43/2024/QH15", "Nghị quyết số: 61/2022/QH15".
		if m := reTypedNumber.FindStringSubmatch(all); m != nil {
			if t := vocab.TypeByName(m[1]); t != nil {
				h.Type = t.Name
			}
		}
	}
	if h.Type == "" {
		h.Type = typeOfNumber(h.Number)
	}
	// issuer: the capital cells before the number and the date (the left
	// column of the header), each cut at the motto and at separator rules.
	var parts []string
	for _, c := range cells {
		// an appendix heading ("PHỤ LỤC I") and what follows it (its title
		// in capitals, its table) are never the issuer; a form's number
		// ("Mẫu số 01", "Biểu số 02") may stand above the issuer's lines.
		if m := appendixAt(unmark(c)); m != nil {
			if vntext.Fold(firstWords(unmark(c), 1)) == "phu" {
				break
			}
			continue
		}
		stop := false
		for _, re := range []*regexp.Regexp{reNumber, reDate, reNumberLine} {
			var m []int
			if re == reDate {
				m = findDate(c)
			} else {
				m = re.FindStringIndex(c)
			}
			if m != nil {
				c, stop = c[:m[0]], true
			}
		}
		c = cutAt(c, reMotto)
		c = cutAt(c, reSepRun)
		c = strings.Trim(c, "-_*=. ")
		if c != "" && !isNoise(c) && isCaps(c) && !strings.ContainsAny(c, "0123456789") {
			if t, n := vocab.TypePrefix(c); t == nil || n != len(c) {
				parts = append(parts, strings.Join(strings.Fields(c), " "))
			}
		}
		if stop && len(parts) > 0 {
			break
		}
	}
	h.Issuer, h.Parent = joinIssuer(parts)
	return h
}

// capsRun returns the leading words of s written in capitals.
func capsRun(s string) string {
	f := strings.Fields(s)
	i := 0
	for i < len(f) && (isCapsWord(f[i]) || !hasLetter(f[i])) {
		i++
	}
	// a list number that starts the next (lower-case) sentence: "… 1. Luật".
	for i > 0 && !hasLetter(f[i-1]) && strings.HasSuffix(f[i-1], ".") {
		i--
	}
	return strings.Join(f[:i], " ")
}

// isCapsWord: a word without lower-case letters ("Ở", "QH15").
func isCapsWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return hasLetter(w)
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// cutEnacting ends a run-together title where the enacting body's line
// begins ("… XÃ HỘI CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH").
func cutEnacting(t string) string {
	cut := len(t) // the earliest body: "… TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH" ends before CHỦ TỊCH
	for _, p := range enactingBodies {
		for from := 1; from < cut; {
			i := strings.Index(t[from:], " "+p+" ")
			if i < 0 {
				break
			}
			at := from + i
			before := strings.Fields(t[:at])
			if len(before) > 0 {
				switch before[len(before)-1] {
				case "CỦA", "CHO", "VỚI", "VÀ", "THUỘC", "TRỰC", "CÁC":
					from = at + 1
					continue
				}
			}
			if plenumTail(before) {
				from = at + 1 // "HỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII": the plenum's body
				continue
			}
			cut = min(cut, at)
			break
		}
	}
	return strings.TrimSpace(t[:cut])
}

// plenumTail reports words that end with a meeting ("HỘI NGHỊ", "HỘI
// NGHỊ LẦN THỨ 11", "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XIII"): the body after them
// holds the meeting, it is no enacting line.
func plenumTail(words []string) bool {
	for k := len(words) - 1; k >= 1 && k >= len(words)-4; k-- {
		if w := words[k-1] + " " + words[k]; w == "HỘI NGHỊ" || w == "ĐẠI HỘI" || w == "KỲ HỌP" || w == "PHIÊN HỌP" {
			return true
		}
	}
	return false
}

func cutAt(s string, re *regexp.Regexp) string {
	if m := re.FindStringIndex(s); m != nil {
		return s[:m[0]]
	}
	return s
}

var enactingBodies = []string{"ỦY BAN", "UỶ BAN", "BỘ TRƯỞNG", "THỦ TƯỚNG", "CHÍNH PHỦ", "QUỐC HỘI", "HỘI ĐỒNG",
	"CHỦ TỊCH", "TỔNG CỤC TRƯỞNG", "CỤC TRƯỞNG", "GIÁM ĐỐC", "BAN CHẤP HÀNH", "BỘ CHÍNH TRỊ", "BAN THƯỜNG VỤ", "CHÁNH ÁN", "VIỆN TRƯỞNG"}

func isEnactingBody(t string) bool {
	for _, p := range enactingBodies {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

var placeWords = []string{"TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "QUỐC HỘI", "TRUNG ƯƠNG", "TÒA ÁN", "TOÀ ÁN", "NHÀ NƯỚC"}
var openEnds = []string{"THƯỜNG VỤ", "CHẤP HÀNH", "THẨM PHÁN", "NHÂN DÂN", "ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "BAN"}

// joinIssuer turns the issuer lines into one name: lines that continue a
// name are joined ("ỦY BAN NHÂN DÂN" + "TỈNH LẠNG SƠN"); a second body is
// the issuer and the first its parent ("BỘ TÀI CHÍNH" / "TỔNG CỤC HẢI QUAN").
func joinIssuer(parts []string) (issuer, parent string) {
	var names []string
	var split []string
	for _, p := range parts {
		split = append(split, splitBodies(p)...)
	}
	for _, p := range split {
		if len(names) > 0 {
			prev := names[len(names)-1]
			join := false
			for _, w := range placeWords {
				if strings.HasPrefix(p, w+" ") || p == w {
					join = true
				}
			}
			for _, w := range openEnds {
				if strings.HasSuffix(prev, w) {
					join = true
				}
			}
			if !strings.Contains(prev, " ") {
				join = true // "BỘ" / "GIÁO DỤC VÀ ĐÀO TẠO"
			}
			if join {
				names[len(names)-1] = prev + " " + p
				continue
			}
		}
		names = append(names, p)
	}
	switch len(names) {
	case 0:
		return "", ""
	case 1:
		return titleCase(names[0]), ""
	default:
		return titleCase(names[len(names)-1]), titleCase(names[len(names)-2])
	}
}

// subordinate bodies that a run-together header writes after their parent
// on one line ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN").
var subBodies = []string{"TỔNG CỤC", "CỤC", "SỞ", "VỤ", "VĂN PHÒNG", "KHO BẠC", "THANH TRA", "BAN QUẢN LÝ"}

func splitBodies(p string) []string {
	if !strings.HasPrefix(p, "BỘ ") && !strings.HasPrefix(p, "ỦY BAN NHÂN DÂN ") && !strings.HasPrefix(p, "UỶ BAN NHÂN DÂN ") {
		return []string{p}
	}
	best := -1
	for _, b := range subBodies {
		if i := strings.Index(p, " "+b+" "); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return []string{p}
	}
	return []string{p[:best], strings.TrimSpace(p[best:])}
}

// titleCase writes an issuer name in capitals the way Vietnamese writes it
// in running text: "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" → "Ủy ban nhân dân tỉnh
// Lạng Sơn", "BỘ TÀI CHÍNH" → "Bộ Tài chính".
func titleCase(s string) string {
	if !isCaps(s) {
		return s
	}
	if parts := strings.Split(s, " - "); len(parts) > 1 {
		for i, p := range parts {
			parts[i] = titleCase(p) // joint issuers: "BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG"
		}
		return strings.Join(parts, " - ")
	}
	words := strings.Fields(strings.ToLower(s))
	capNext := true
	properAll := false
	for i, w := range words {
		if capNext || properAll {
			words[i] = upperFirst(w)
		}
		capNext = false
		switch w {
		case "tỉnh", "phố", "huyện", "quận", "xã", "phường", "trấn":
			properAll = true
		case "bộ", "cục", "sở", "vụ", "ban", "viện", "tòa", "toà":
			if i == 0 || words[i-1] == "tổng" || strings.ToLower(words[i-1]) == "tổng" {
				capNext = true
			}
		}
	}
	if w0 := strings.ToLower(words[0]); len(words) > 1 && (w0 == "bộ" || w0 == "sở") {
		for i := 2; i < len(words); i++ {
			if words[i-1] == "và" {
				words[i] = upperFirst(words[i])
			}
		}
	}
	out := strings.Join(words, " ")
	for _, fix := range [][2]string{{"chính phủ", "Chính phủ"}, {"quốc hội", "Quốc hội"}, {"trung ương", "Trung ương"}, {"thủ tướng", "Thủ tướng"}, {"đảng", "Đảng"},
		// a central body whose name keeps a second capital
		{"thường vụ Quốc hội", "Thường vụ Quốc hội"}} {
		out = strings.ReplaceAll(out, fix[0], fix[1])
	}
	return upperFirst(out)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// placeName keeps the capitalised words just before ", ngày" ("Hà Nội",
// "Lạng Sơn", "TP. Hồ Chí Minh"), dropping a symbol glued before them.
func placeName(s string) string {
	f := strings.Fields(s)
	i := len(f)
	for i > 0 && len(f)-i < 5 {
		w := f[i-1]
		if w == "TP." || w == "Tp." || isTitleWord(w) {
			i--
			continue
		}
		if gl := trimGluedCaps(w); gl != w && strings.ContainsAny(vntext.Fold(gl), "aeiouy") {
			f[i-1] = gl
			i--
		}
		break
	}
	return strings.Join(f[i:], " ")
}

// isTitleWord: a capital followed by lower-case letters only ("Hà", "Nội").
func isTitleWord(w string) bool {
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// trimGluedCaps drops capitals glued before a capitalised word: "BGDĐTHà Nội" → "Hà Nội".
func trimGluedCaps(p string) string {
	rs := []rune(p)
	i := 0
	for i+1 < len(rs) && unicode.IsUpper(rs[i]) && unicode.IsUpper(rs[i+1]) {
		i++
	}
	if i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
		return string(rs[i:])
	}
	return p
}

func isoDate(day, mon, year string) string {
	// strconv, not fmt.Sscan: Sscan reads "08" as a (bad) octal number.
	d, _ := strconv.Atoi(strings.TrimSpace(day))
	m, _ := strconv.Atoi(strings.TrimSpace(mon))
	y, _ := strconv.Atoi(strings.TrimSpace(year))
	if d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2200 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// parseSigner reads the signature block, whether its parts stand on their
// own lines ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / "Hồ Tiến Thiệu") or were
// run together by a scraper ("KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà").
func parseSigner(d *Document, sign *Node) *Signer {
	if sign == nil {
		return nil
	}
	var parts []string
	for _, c := range sign.Children {
		parts = append(parts, clean(d.Text[c.Span.Start:c.Span.End]))
	}
	return parseSignerText(strings.Join(parts, " "))
}

// parseSignerText reads a signature block given as text.
func parseSignerText(text string) *Signer {
	if name, ok := signedName(text); ok {
		text = name
	}
	words := strings.Fields(text)
	// the name: the capitalised words at the end, in running case.
	n := len(words)
	for n > 0 && len(words)-n < 5 && isTitleWord(strings.Trim(words[n-1], ".,")) {
		n--
	}
	var s Signer
	if len(words)-n >= 2 {
		s.Name = strings.Join(words[n:], " ")
	} else {
		n = len(words)
	}
	caps := words[:n]
	for len(caps) > 0 && !isCaps(caps[len(caps)-1]) {
		caps = caps[:len(caps)-1] // "(Đã ký)", "(ký tên, đóng dấu)"
	}
	lead := ""
	if len(caps) > 0 && signLead(strings.Join(caps, " ")+" X") {
		lead, caps = caps[0], caps[1:]
		if i := strings.IndexByte(lead, '.'); i > 0 && i < len(lead)-1 {
			caps = append([]string{lead[i+1:]}, caps...) // "KT.CHỦ TỊCH"
			lead = lead[:i+1]
		}
	}
	// the position is the longest known title at the end of the capitals.
	pos := len(caps)
	for _, p := range signPositions {
		pw := strings.Fields(p)
		if len(pw) <= len(caps) && strings.Join(caps[len(caps)-len(pw):], " ") == p && len(caps)-len(pw) < pos {
			if lead != "" || len(caps) == len(pw) {
				pos = len(caps) - len(pw)
			}
		}
	}
	if lead == "" {
		pos = 0 // "CHỦ TỊCH QUỐC HỘI": all of it is the position
	}
	if pos < len(caps) {
		s.Position = positionCase(caps[pos:])
	}
	if lead != "" {
		s.OnBehalf = strings.TrimSpace(lead + " " + positionCase(caps[:pos]))
	}
	if s.Name == "" && s.Position == "" {
		return nil
	}
	return &s
}

// positionCase writes a title in capitals in running case: "PHÓ THỦ
// TƯỚNG" → "Phó Thủ tướng", "ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" → "Ủy ban nhân
// dân KT. Chủ tịch".
func positionCase(words []string) string {
	out := make([]string, len(words))
	first := true
	for i, w := range words {
		if signLead(w + " X") {
			out[i], first = w, true
			continue
		}
		w = strings.ToLower(w)
		if first {
			w = upperFirst(w)
		}
		out[i], first = w, false
	}
	s := strings.Join(out, " ")
	for _, fix := range [][2]string{{"chính phủ", "Chính phủ"}, {"quốc hội", "Quốc hội"}, {"thủ tướng", "Thủ tướng"}, {"trung ương", "Trung ương"}} {
		s = strings.ReplaceAll(s, fix[0], fix[1])
	}
	return s
}

func sentenceCase(s string) string {
	if !isCaps(s) {
		return s
	}
	return titleCase(s)
}

// metaKeys maps the labels of a legal portal's attributes table (vbpl.vn
// "thuộc tính") to header fields.
var metaKeys = map[string]string{
	"so ky hieu": "number", "so hieu": "number", "ngay ban hanh": "date", "loai van ban": "type",
	"co quan ban hanh": "issuer", "co quan ban hanh/ chuc danh / nguoi ky": "issuer", "trich yeu": "title",
}

// headerFromTables fills an empty header from an attributes table whose
// rows pair a label with its value ("Số ký hiệu | 101/2015/QH13").
func headerFromTables(d *Document) {
	h := &d.Header
	Walk(d.Root, func(n *Node) bool {
		if n.Kind != KindTable {
			return true
		}
		for _, r := range n.Table.Rows {
			for i := 0; i+1 < len(r.Cells); i++ {
				key := strings.Join(strings.Fields(vntext.Fold(strings.TrimRight(r.Cells[i], ": "))), " ")
				val := strings.TrimSpace(r.Cells[i+1])
				if val == "" {
					continue
				}
				switch metaKeys[key] {
				case "number":
					if h.Number == "" {
						h.Number = strings.Join(strings.Fields(val), "")
					}
				case "date":
					if m := reShortDate.FindStringSubmatch(val); m != nil && h.Date == "" {
						h.Date = isoDate(m[1], m[2], m[3])
					}
				case "type":
					if t := vocab.TypeByName(val); t != nil && h.Type == "" {
						h.Type = t.Name
					}
				case "issuer":
					if h.Issuer == "" {
						h.Issuer = val
					}
				case "title":
					if h.Title == "" {
						h.Title = val
					}
				}
			}
		}
		return true
	})
}

var reShortDate = regexp.MustCompile(`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`)

// layoutTables reads recipients and signature that a converter put side by
// side in a two-column table (pandoc grid tables: "Nơi nhận" on the left,
// "TM. … CHỦ TỊCH … Name" on the right).
func layoutTables(d *Document) {
	if len(d.Recipients) > 0 && d.Header.Signer != nil {
		return
	}
	Walk(d.Root, func(n *Node) bool {
		if n.Kind != KindTable || len(n.Table.Rows) > 60 {
			return true
		}
		cols := 0
		for _, r := range n.Table.Rows {
			cols = max(cols, len(r.Cells))
		}
		for c := 0; c < cols; c++ {
			var lines []string
			for _, r := range n.Table.Rows {
				if c < len(r.Cells) && strings.TrimSpace(r.Cells[c]) != "" {
					lines = append(lines, strings.TrimSpace(r.Cells[c]))
				}
			}
			text := strings.Join(lines, "\n")
			if m := reRecipientsAny.FindStringIndex(text); m != nil && len(d.Recipients) == 0 {
				d.Recipients, d.Archive = splitRecipients(text[m[1]:])
				continue
			}
			if len(lines) > 0 && d.Header.Signer == nil && (signLead(lines[0]) || signatureLine(lines[0])) {
				d.Header.Signer = parseSignerText(strings.Join(lines, " "))
			}
		}
		return true
	})
}

var reRecipientsAny = regexp.MustCompile(`(?im)^nơi nhận\s*:?`)

// splitRecipients splits "- A;\n- B, C\nD;\n- Lưu: VT" into entries,
// joining the lines a narrow column wrapped.
func splitRecipients(text string) (out []string, archive string) {
	var cur []string
	flush := func() {
		r := strings.TrimRight(clean(strings.Join(cur, " ")), ";., ")
		cur = nil
		if r == "" {
			return
		}
		if strings.HasPrefix(r, "Lưu") {
			archive = r
			return
		}
		out = append(out, r)
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if reBullet.MatchString(line) {
			flush()
			line = strings.TrimSpace(reBullet.ReplaceAllString(line, ""))
		}
		cur = append(cur, line)
	}
	flush()
	return out, archive
}

// dateMatch reads a match m of findDate in s: the ISO date, and the place
// written before it ("Lạng Sơn, ngày …"), if any.
func dateMatch(s string, m []int) (iso, place string) {
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	day, mon, year := sub(2), sub(3), sub(4)
	if mon == "" {
		mon, year = sub(5), sub(6)
	}
	return isoDate(day, mon, year), sub(1)
}

// bodyCase writes the issuer, which the header gives in capitals, the way
// the body spells it ("HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO" → "Hội
// đồng Thẩm phán Tòa án nhân dân tối cao", not "Hội đồng thẩm phán tòa án
// …"), and the body the signer acts for ("TM. HỘI ĐỒNG THẨM PHÁN", "TM. ỦY
// BAN THƯỜNG VỤ QUỐC HỘI") as the issuer spells it. Only the case of
// letters changes.
func bodyCase(d *Document) {
	h := &d.Header
	if h.Issuer == "" || strings.Contains(h.Issuer, " - ") {
		return
	}
	if w := spelledInText(d.Text, h.Issuer); w != "" {
		h.Issuer = w
	}
	s := h.Signer
	if s == nil || s.OnBehalf == "" {
		return
	}
	lead, body, ok := strings.Cut(s.OnBehalf, " ")
	li, lb := strings.ToLower(h.Issuer), strings.ToLower(body)
	if ok && len(li) == len(h.Issuer) && len(lb) == len(body) && strings.HasPrefix(li, lb) && (len(li) == len(lb) || li[len(lb)] == ' ') {
		s.OnBehalf = lead + " " + h.Issuer[:len(body)]
	}
}

// spelledInText returns the most frequent spelling of name in text that
// differs from it only in the case of letters and is not all capitals, or
// "" when text has none.
func spelledInText(text, name string) string {
	ln := strings.ToLower(name)
	if len(ln) != len(name) || len(strings.Fields(name)) < 2 {
		return "" // (a case change that changes byte lengths: offsets would not map)
	}
	// A spelling that counts starts with a capital: its first word is
	// written "Ủy" or "ỦY". Those are found with strings.Index (the text is
	// not lower-cased whole), the rest of the name compared ignoring case.
	first, _, _ := strings.Cut(ln, " ")
	r, n := utf8.DecodeRuneInString(first)
	title := string(unicode.ToUpper(r)) + first[n:]
	count := map[string]int{}
	best := ""
	for _, w1 := range []string{title, strings.ToUpper(first)} {
		if len(w1) != len(first) {
			continue
		}
		for at := 0; ; {
			i := strings.Index(text[at:], w1)
			if i < 0 {
				break
			}
			s, e := at+i, at+i+len(name)
			at = s + len(w1)
			if e > len(text) || !strings.EqualFold(text[s:e], name) {
				continue
			}
			if r, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			w := text[s:e]
			if isCaps(w) || !unicode.IsUpper([]rune(w)[0]) {
				continue
			}
			count[w]++
			if count[w] > count[best] {
				best = w
			}
			at = e
		}
		if title == strings.ToUpper(first) {
			break // a one-letter first word: the same search
		}
	}
	if best == name {
		return ""
	}
	return best
}
