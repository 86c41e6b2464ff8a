// Package deadline finds deadlines and effective dates in a document's tasks.
//
// A deadline is a time limit stated for a duty ("trước ngày 15/02/2023",
// "chậm nhất trong tháng 6/2023", "đến hết ngày 30/9/2023", "trong quý
// I/2023") or a recurring duty ("hằng tháng", "định kỳ 6 tháng"). Dates are
// ISO: a month means its last day, a quarter the quarter's last day, a year
// its 31 December; a day without a year takes the document's year.
//
// Not deadlines: issue dates of cited instruments (no time trigger precedes
// them), past events and categories (a date before the document's own date,
// "dự án hoàn thành đến ngày 31/12/2022"), "chịu trách nhiệm trước …",
// "ứng trước", "trước ngày Luật … có hiệu lực". Effective dates ("Từ ngày
// 01/7/2023, thực hiện …", "có hiệu lực từ ngày …") are returned apart.
package deadline

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// Deadline is one time limit (or recurring duty) of a task.
type Deadline struct {
	Path string  `json:"path"`
	Text string  `json:"text"`
	Date *string `json:"date"`
	Kind string  `json:"kind"`
	What string  `json:"what"`
	Line int     `json:"line"`
	Col  int     `json:"col"`
	// Offset is the byte offset of Text in the document.
	Offset int `json:"-"`
}

// Kinds of deadline.
const (
	Before      = "before"
	By          = "by"
	NoLaterThan = "no_later_than"
	InMonth     = "in_month"
	InQuarter   = "in_quarter"
	InYear      = "in_year"
	Until       = "until"
	Recurring   = "recurring"
	From        = "from" // effective dates only
)

// Result holds the deadlines and the effective dates of a document.
type Result struct {
	Deadlines      []Deadline
	EffectiveDates []Deadline
}

// Context is what resolving a date needs to know about the document.
type Context struct {
	// Year of the document; a day or month without a year takes it.
	Year int
	// Date of the document (zero when unknown): dated limits before it are
	// past events, not deadlines.
	Date time.Time
	// adopted returns the date the text says the document was adopted
	// ("… thông qua ngày 16 tháng 6 năm 2025"); looked up only when a
	// text takes effect "từ ngày được thông qua" (nil: none known).
	adopted func() (time.Time, bool)
}

// ContextOf returns the resolution context of doc (from its header date).
func ContextOf(doc *parser.Document) Context {
	var c Context
	if t, err := time.Parse("2006-01-02", doc.Header.Date); err == nil {
		c.Date, c.Year = t, t.Year()
	}
	var once sync.Once
	var at time.Time
	var found bool
	c.adopted = func() (time.Time, bool) {
		once.Do(func() { at, found = adoptedOn(doc.Text) })
		return at, found
	}
	return c
}

// reAdopted is the closing line of a resolution: "Nghị quyết này được Ủy
// ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025".
var reAdopted = regexp.MustCompile(`(?i)thông\s+qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)

// adoptedOn returns the last adoption date text states (the closing line
// comes after any cited one).
func adoptedOn(text string) (time.Time, bool) {
	ms := reAdopted.FindAllStringSubmatch(text, -1)
	if len(ms) == 0 {
		return time.Time{}, false
	}
	m := ms[len(ms)-1]
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != mo {
		return time.Time{}, false
	}
	return t, true
}

// Extract returns doc's deadlines in document order.
func Extract(doc *parser.Document) Result { return ExtractExcept(doc, nil) }

// ExtractExcept is Extract skipping the text for which skip(offset) is
// true (the caller reads task tables cell by cell).
func ExtractExcept(doc *parser.Document, skip func(off int) bool) Result {
	res := Result{Deadlines: []Deadline{}, EffectiveDates: []Deadline{}}
	ctx := ContextOf(doc)
	for _, s := range doc.Segments() {
		if s.Quoted || !taskPath(s.Path) || s.Node.Kind == parser.KindTable {
			continue
		}
		if skip != nil && skip(s.Offset) {
			continue
		}
		for _, f := range Scan(s.Text, ctx) {
			pos := doc.Position(s.Offset + f.Start)
			d := Deadline{Path: s.Path, Text: f.Text, Date: f.Date, Kind: f.Kind, What: f.What,
				Line: pos.Line, Col: pos.Col, Offset: s.Offset + f.Start}
			if f.Kind == From {
				res.EffectiveDates = append(res.EffectiveDates, d)
			} else {
				res.Deadlines = append(res.Deadlines, d)
			}
		}
	}
	return res
}

// taskPath reports whether text under path can state duties.
func taskPath(p string) bool {
	switch p {
	case "", "header", "bases", "signature", "recipients":
		return false
	}
	return true
}

// Found is one time expression found in a text.
type Found struct {
	Start, End int // byte span in the scanned text
	Text       string
	Date       *string
	Kind       string
	What       string
}

// Date expressions. Each alternative has its own groups; dateOf reads
// them by name.
const (
	reDay     = `(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?`
	reDayLong = `ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}|ngân\s+sách(?:\s+hiện\s+hành)?|nay|hiện\s+hành))?`
	reMonth   = `tháng\s+(?P<mm>\d{1,2})(?:\s*/\s*|\s+năm\s+)(?P<my>\d{4})`
	reQuarter = `quý\s+(?P<q>(?:IV|I{1,3}|[1-4])(?:\s*(?:,|và|-|–)\s*(?:quý\s+)?(?:IV|I{1,3}|[1-4]))*)(?:\s*/\s*|\s+năm\s+)(?P<qy>\d{4})`
	reYear    = `năm\s+(?P<yy>\d{4})`
	// a month without a year ("trình UBND tỉnh trong tháng 3"): the
	// document's year; tried after reMonth
	reMonthNoYear = `tháng\s+(?P<mn>\d{1,2})\b`
	// "hoàn thành trong quý IV": the document's year too
	reQuarterNoYear = `quý\s+(?P<qn>IV|I{1,3}|[1-4])\b`
	reNoYear        = reMonthNoYear + `|` + reQuarterNoYear
)

var (
	reAnyDate = `(?:` + reDayLong + `|` + reDay + `|` + reMonth + `|` + reQuarter + `|` + reYear + `)`

	// Prose triggers, tried in this order; the first match at a place wins.
	prose = []struct {
		key  string // the trigger word: the pattern runs only where it occurs
		re   *regexp.Regexp
		kind string
	}{
		{"chậm", regexp.MustCompile(`(?i)chậm\s+nhất(?:\s+là)?(?:\s+(?:trong|vào|đến|trước))?\s+(?:` + reAnyDate + `|` + reNoYear + `)`), NoLaterThan},
		{"muộn", regexp.MustCompile(`(?i)muộn\s+nhất(?:\s+là)?(?:\s+(?:trong|vào|đến|trước))?\s+(?:` + reAnyDate + `|` + reNoYear + `)`), NoLaterThan},
		{"hết", regexp.MustCompile(`(?i)đến\s+hết\s+(?:niên\s+độ\s+ngân\s+sách\s+|năm\s+ngân\s+sách\s+)?` + reAnyDate), By},
		{"trước", regexp.MustCompile(`(?i)trước\s+(?:` + reDayLong + `|` + reDay + `|` + reMonth + `|` + reQuarter + `|` + reYear + `|` + reNoYear + `)`), Before},
		{"trong", regexp.MustCompile(`(?i)(?:ngay\s+)?trong\s+(?:` + reMonth + `|` + reQuarter + `|` + reNoYear + `)`), ""},
		{"vào", regexp.MustCompile(`(?i)vào\s+(?:` + reDayLong + `|ngày\s+` + reDay + `|` + reMonth + `|` + reQuarter + `)`), By},
		{"hạn", regexp.MustCompile(`(?i)(?:thời\s+hạn|hạn\s+cuối|hạn\s+chót)(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp|gửi|báo\s+cáo)(?:\s+hồ\s+sơ|\s+báo\s+cáo)?)?(?:\s+là|\s*:)?\s+(?:` + reDayLong + `|` + reDay + `|` + reMonth + `|` + reQuarter + `)`), By},
		{"đến", regexp.MustCompile(`(?i)đến\s+(?:` + reDayLong + `|ngày\s+` + reDay + `)`), Until},
		// "Thời gian hoàn thành: Quý III/2024", "Thời gian thực hiện: năm 2024", "thời gian: tháng 6/2024"
		{"thời gian", regexp.MustCompile(`(?i)thời\s+gian(?:\s+(?:hoàn\s+thành|thực\s+hiện)\s*:?|\s*:)\s*(?:` + reDayLong + `|ngày\s+` + reDay + `|` + reMonth + `|` + reQuarter + `|` + reYear + `)`), ""},
	}

	// Effective dates.
	effective = []*regexp.Regexp{
		regexp.MustCompile(`(?i)(?:^|[.;:]\s+|\n)(?:\-\s*)?((?:kể\s+)?từ\s+(?:` + reDayLong + `|ngày\s+` + reDay + `))\s*,`),
		regexp.MustCompile(`(?i)có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+(?:` + reDayLong + `|ngày\s+` + reDay + `)`),
	}
	effectiveSigning = regexp.MustCompile(`(?i)có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+ký(?:\s+ban\s+hành)?`)
	// "có hiệu lực thi hành từ ngày được thông qua" (resolutions of the
	// National Assembly and its Standing Committee): the adoption date
	effectiveAdoption = regexp.MustCompile(`(?i)có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+(?:được\s+)?thông\s+qua\b`)

	recurringUnit = `(?:(?:hằng|hàng|mỗi)\s+)?(?:tuần|tháng|quý|năm|ngày|\d+\s+tháng|cả\s+năm|đột\s+xuất)`
	recurring     = []*regexp.Regexp{
		// "trong tháng 6 và tháng 12 hằng năm", "vào quý I hằng năm": a month of every year
		regexp.MustCompile(`(?i)(?:trong|vào|trước|chậm\s+nhất(?:\s+trong)?)\s+(?:tháng\s+\d{1,2}|quý\s+(?:IV|I{1,3}|[1-4]))(?:\s*(?:,|và|-|–)\s*(?:tháng\s+\d{1,2}|quý\s+(?:IV|I{1,3}|[1-4])|\d{1,2}))*\s+(?:của\s+)?(?:hằng|hàng|mỗi)\s+năm`),
		// "Thời gian thực hiện: Thường xuyên"
		regexp.MustCompile(`(?i)thời\s+gian(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:\s*(?:thường\s+xuyên|liên\s+tục|(?:hằng|hàng)\s+(?:năm|quý|tháng))`),
		// "trước ngày 20 hằng tháng", "trước ngày 10 của tháng cuối quý", "… tháng cuối kỳ báo cáo": a day of every period
		regexp.MustCompile(`(?i)(?:(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất(?:\s+là)?|vào|trong)\s+)?ngày\s+\d{1,2}\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi)\s+(?:tháng|quý)|tháng\s+(?:cuối|đầu)\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?(?:quý|kỳ(?:\s+báo\s+cáo)?))`),
		regexp.MustCompile(`(?i)(?:theo\s+)?định\s+kỳ(?:\s*\(?\s*` + recurringUnit + `(?:\s*(?:,|và|hoặc)\s*` + recurringUnit + `)*\s*\)?)?`),
		regexp.MustCompile(`(?i)(?:hằng|hàng)\s+(?:tuần|tháng|quý)(?:\s*(?:,|và|hoặc)\s*` + recurringUnit + `)*`),
		// "Hằng năm, …"; "…, hằng năm báo cáo HĐND tỉnh …": the frequency of a duty
		regexp.MustCompile(`(?i)(?:^|[.;:]\s+)((?:hằng|hàng)\s+năm)\s*,`),
		regexp.MustCompile(`(?i)(?:^|[.;:,]\s+)((?:hằng|hàng)\s+năm)(?:\s+(?:báo\s+cáo|tổng\s+hợp|tổ\s+chức|rà\s+soát|đánh\s+giá|gửi|xây\s+dựng|cập\s+nhật|kiểm\s+tra|sơ\s+kết|tổng\s+kết)\s)`),
	}
)

// proseAnchored is each prose pattern anchored at the start, for
// proseMatches; compiled on first use, not when any command starts.
var proseAnchored = sync.OnceValue(func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(prose))
	for i, p := range prose {
		res[i] = p.re
	}
	return anchored(res)
})

// effectiveAnchored and recurringAnchored are the effective and
// recurring patterns anchored at the start, for keyedMatches.
var (
	effectiveAnchored = sync.OnceValue(func() []*regexp.Regexp { return anchored(effective) })
	recurringAnchored = sync.OnceValue(func() []*regexp.Regexp { return anchored(recurring) })
)

func anchored(res []*regexp.Regexp) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(res))
	for i, re := range res {
		out[i] = regexp.MustCompile(`^(?:` + re.String() + `)`)
	}
	return out
}

// Where the matches of effective and recurring can start, pattern by
// pattern (keyedMatches): at their first word, or at the ^ or punctuation
// that opens them a few words before the word they need.
var (
	effectiveStarts = []starts{
		// [.;:] or \n, then spaces, "-", "kể": at most three runs of
		// non-spaces before "từ" (the punctuation's own, "-", "kể")
		{keys: []string{"từ"}, back: 3, punct: ".;:\n"},
		{keys: []string{"hiệu"}, back: 1}, // "có hiệu lực"
	}
	recurringStarts = []starts{
		{keys: []string{"trong", "vào", "trước", "chậm"}},
		{keys: []string{"thời"}},
		{keys: []string{"trước", "chậm", "muộn", "vào", "trong", "ngày"}},
		{keys: []string{"theo", "định"}},
		{keys: []string{"hằng", "hàng"}},
		// [.;:] then spaces then the word: the punctuation ends the run
		// of non-spaces before it
		{keys: []string{"hằng", "hàng"}, back: 1, punct: ".;:"},
		{keys: []string{"hằng", "hàng"}, back: 1, punct: ".;:,"},
	}
)

// proseMatches is re.FindAllStringSubmatchIndex(flat, -1) for a prose
// pattern, found by trying re anchored (at) only where a match can start.
// Every match of a prose pattern holds the first word of its key, with at
// most one word before it ("ngay trong", "thời hạn", "đến hết"), so it
// starts within the two words before an occurrence of that word (see
// keyedMatches).
func proseMatches(re, at *regexp.Regexp, key, flat, lower string) [][]int {
	first, _, _ := strings.Cut(key, " ")
	return keyedMatches(re, at, starts{keys: []string{first}, back: 2}, flat, lower)
}

// starts tells keyedMatches where the matches of a pattern can start.
type starts struct {
	// keys are words (in lower case, without 's', whose case-folded forms
	// ToLower does not all give) one of which every match holds, at most
	// back words after the start of the match (0: the match starts with it)
	keys []string
	back int
	// punct, when set: a match starts at the start of the text or at one of
	// these bytes, never elsewhere (a pattern that opens with
	// (?:^|[.;:]\s+))
	punct string
}

// keyedMatches is re.FindAllStringSubmatchIndex(flat, -1), found by
// trying re anchored at the start (at) only where st says a match can
// start: within back words before each occurrence of a key. Trying those
// places in order, from the end of the last match, finds the same matches
// as scanning every place of the text, which Go's regexp does for a
// pattern under (?i) or with alternatives at its start. A match found at
// a place tried for a key occurrence holds that occurrence (the places
// tried for the earlier ones failed), so it ends past it and no place of
// the occurrence's range is left untried. lower is strings.ToLower(flat);
// when its bytes do not line up with flat's, the scan is done in full.
// The patterns must not look behind their start (^, \b) except as punct
// says: there at is tried only at the start of the text or at a byte of
// punct, where the pattern's ^ alternative cannot go on.
func keyedMatches(re, at *regexp.Regexp, st starts, flat, lower string) [][]int {
	if len(lower) != len(flat) {
		return re.FindAllStringSubmatchIndex(flat, -1)
	}
	var next [8]int // the next occurrence of each key at or after from, -1: none
	if len(st.keys) > len(next) {
		return re.FindAllStringSubmatchIndex(flat, -1)
	}
	for i := range st.keys {
		next[i] = -2 // not looked for yet
	}
	var out [][]int
	pos := 0 // end of the last match
	for from := 0; from < len(lower); {
		k, kl := -1, 0
		for i, key := range st.keys {
			if next[i] == -1 {
				continue
			}
			if next[i] < from {
				j := strings.Index(lower[from:], key)
				if j < 0 {
					next[i] = -1
					continue
				}
				next[i] = from + j
			}
			if k < 0 || next[i] < k {
				k, kl = next[i], len(key)
			}
		}
		if k < 0 {
			break
		}
		if !strings.EqualFold(flat[k:k+kl], lower[k:k+kl]) {
			return re.FindAllStringSubmatchIndex(flat, -1)
		}
		from = k + 1
		for q := max(pos, wordsBack(flat, k, st.back)); q <= k; {
			if st.punct == "" || q == 0 || strings.IndexByte(st.punct, flat[q]) >= 0 {
				if m := at.FindStringSubmatchIndex(flat[q:]); m != nil {
					for i := range m {
						if m[i] >= 0 {
							m[i] += q
						}
					}
					out = append(out, m)
					pos = m[1]
					from = max(from, pos)
					break
				}
			}
			_, n := utf8.DecodeRuneInString(flat[q:])
			q += max(n, 1)
		}
	}
	return out
}

// wordsBack is the start of the n-th run of non-space bytes before k
// (spaces as the regexp's \s: tab, newline, form feed, return, space).
func wordsBack(s string, k, n int) int {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := k
	for ; n > 0; n-- {
		for i > 0 && isSpace(s[i-1]) {
			i--
		}
		for i > 0 && !isSpace(s[i-1]) {
			i--
		}
	}
	return i
}

// Scan finds the deadlines and effective dates of one paragraph of prose.
// Line breaks inside text count as spaces.
func Scan(text string, ctx Context) []Found {
	flat := maskNotes(strings.ReplaceAll(text, "\n", " "))
	var out []Found
	taken := func(s, e int) bool {
		for _, f := range out {
			if s < f.End && f.Start < e {
				return true
			}
		}
		return false
	}
	lower := strings.ToLower(flat)
	// (the gates below hold for the whole paragraph: tested once, not
	// for each pattern; the recurring one asks for "kỳ", which "định kỳ"
	// holds)
	for ri, re := range effective {
		if ri == 0 && !strings.Contains(lower, "từ") {
			break
		}
		for _, m := range keyedMatches(re, effectiveAnchored()[ri], effectiveStarts[ri], flat, lower) {
			s, e := m[0], m[1]
			if re == effective[0] {
				s, e = m[2], m[3]
			}
			date, _, ok := dateOf(re, flat, m, ctx, false)
			if !ok || taken(s, e) {
				continue
			}
			out = append(out, Found{Start: s, End: e, Text: strings.TrimSpace(flat[s:e]), Date: date, Kind: From, What: what(flat, s, e)})
		}
	}
	if ctx.Date.Year() > 1 && strings.Contains(lower, "hiệu") && strings.Contains(lower, "ký") {
		// (every match holds both words)
		for _, m := range effectiveSigning.FindAllStringIndex(flat, -1) {
			d := ctx.Date.Format("2006-01-02")
			out = append(out, Found{Start: m[0], End: m[1], Text: flat[m[0]:m[1]], Date: &d, Kind: From, What: what(flat, m[0], m[1])})
		}
	}
	if strings.Contains(lower, "thông qua") && strings.Contains(lower, "hiệu") {
		// (every match holds both)
		for _, m := range effectiveAdoption.FindAllStringIndex(flat, -1) {
			t := ctx.Date
			if ctx.adopted != nil {
				if at, ok := ctx.adopted(); ok {
					t = at
				}
			}
			if t.Year() <= 1 {
				continue
			}
			d := t.Format("2006-01-02")
			out = append(out, Found{Start: m[0], End: m[1], Text: flat[m[0]:m[1]], Date: &d, Kind: From, What: what(flat, m[0], m[1])})
		}
	}
	hasDigit := strings.ContainsAny(flat, "0123456789") || strings.Contains(lower, "quý ") // "trong quý IV"
	for pi, p := range prose {
		if !hasDigit || !strings.Contains(lower, p.key) {
			continue
		}
		for _, m := range proseMatches(p.re, proseAnchored()[pi], p.key, flat, lower) {
			s, e := m[0], m[1]
			if taken(s, e) || !wordStart(flat, s) {
				continue
			}
			if noYear(p.re, m) && reMonthGoesOn.MatchString(flat[e:]) {
				continue // "trong tháng 6 - 9/2024", "tháng 3 và tháng 4": a range or list read elsewhere
			}
			date, unit, ok := dateOf(p.re, flat, m, ctx, p.kind == Before)
			if !ok {
				if ctx.Year == 0 && !hasYear(p.re, m) {
					// "trước ngày 15/12 hằng năm" in an undated text: every year still
					if m2 := reYearly.FindStringIndex(strings.ToLower(flat[e:min(len(flat), e+40)])); m2 != nil {
						e += m2[1]
						out = append(out, Found{Start: s, End: e, Text: flat[s:e], Kind: Recurring, What: what(flat, s, e)})
					}
				}
				continue
			}
			kind := p.kind
			if kind == "" {
				kind = map[string]string{"month": InMonth, "quarter": InQuarter, "year": InYear, "day": By}[unit]
			}
			if kind == Until && unit != "day" {
				continue
			}
			if kind == InYear {
				// "Thời gian thực hiện: Năm 2024 - 2025": the last year of the span
				if m2 := reYearTo.FindStringSubmatchIndex(flat[e:]); m2 != nil {
					if y, _ := strconv.Atoi(flat[e+m2[2] : e+m2[3]]); y > 1900 && y < 2200 {
						d := iso(y, 12, 31)
						date, e = &d, e+m2[1]
					}
				}
			}
			if past(date, ctx) {
				continue
			}
			if (unit == "day" || noYear(p.re, m)) && !hasYear(p.re, m) {
				// "trước ngày 30 tháng 6 hằng năm": every year; "… của
				// năm cuối thời kỳ quy hoạch", "… năm sau": a year the
				// text does not fix
				from := max(0, s-50)
				for from < s && !utf8.RuneStart(flat[from]) {
					from++
				}
				switch after := strings.ToLower(flat[e:min(len(flat), e+40)]); {
				case reRecurringParen.MatchString(strings.ToLower(flat[from:s])):
					// "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)"
					out = append(out, Found{Start: s, End: e, Text: flat[s:e], Kind: Recurring, What: what(flat, s, e)})
					continue
				case reYearly.MatchString(after):
					if m2 := reYearly.FindStringIndex(after); m2 != nil {
						e += m2[1]
					}
					out = append(out, Found{Start: s, End: e, Text: flat[s:e], Kind: Recurring, What: what(flat, s, e)})
					continue
				case reRelYear.MatchString(after):
					continue
				}
			}
			if (kind == By || kind == Until) && applies(flat, s) {
				continue // "được áp dụng đến hết ngày 31/12/2025": how long a rule applies
			}
			if (kind == Before || kind == Until) && category(flat, s) {
				continue // "Đối với dự án khởi công trước ngày 01/01/2025, …": a class of cases
			}
			out = append(out, Found{Start: s, End: e, Text: flat[s:e], Date: date, Kind: kind, What: what(flat, s, e)})
		}
	}
	if strings.Contains(lower, "tháng đầu năm") {
		// "hoàn thành trong 6 tháng đầu năm 2024": by 30 June
		for _, m := range reHalfYear.FindAllStringSubmatchIndex(flat, -1) {
			if taken(m[0], m[1]) {
				continue
			}
			y, _ := strconv.Atoi(flat[m[2]:m[3]])
			if y < 1900 || y > 2200 {
				continue
			}
			d := iso(y, 6, 30)
			if past(&d, ctx) {
				continue
			}
			out = append(out, Found{Start: m[0], End: m[1], Text: flat[m[0]:m[1]], Date: &d, Kind: InMonth, What: what(flat, m[0], m[1])})
		}
	}
	for ri, re := range recurring {
		if ri == 0 && !strings.Contains(lower, "hằng") && !strings.Contains(lower, "hàng") && !strings.Contains(lower, "quý") && !strings.Contains(lower, "kỳ") && !strings.Contains(lower, "thường xuyên") && !strings.Contains(lower, "liên tục") {
			break
		}
		for _, m := range keyedMatches(re, recurringAnchored()[ri], recurringStarts[ri], flat, lower) {
			s, e := m[0], m[1]
			if len(m) > 2 && m[2] >= 0 {
				s, e = m[2], m[3]
			}
			if taken(s, e) || !wordStart(flat, s) || notRecurring(flat, s, e) {
				continue
			}
			if k := recurringAfter(out, flat, s, e); k >= 0 {
				// "Định kỳ trước ngày 15 tháng 12 hằng năm": a bare "định
				// kỳ" opens the recurring deadline after it, one deadline
				out[k].Start, out[k].Text, out[k].What = s, flat[s:out[k].End], what(flat, s, out[k].End)
				continue
			}
			out = append(out, Found{Start: s, End: e, Text: strings.TrimRight(flat[s:e], " "), Kind: Recurring, What: what(flat, s, e)})
		}
	}
	sortFound(out)
	for i := range out { // report the text as written (line breaks kept)
		out[i].Text = text[out[i].Start : out[i].Start+len(out[i].Text)]
	}
	return out
}

var (
	reHalfYear = regexp.MustCompile(`(?i)trong\s+6\s+tháng\s+đầu\s+năm\s+(\d{4})`)
	// what goes on after a month without a year when it is not a month of its own
	reMonthGoesOn    = regexp.MustCompile(`^\s*(?:[-–/,]|và\s|đến\s|năm\s|\d)`)
	reRecurringParen = regexp.MustCompile(`(?:định\s+kỳ|hằng|hàng|mỗi)\s[^().;]{0,25}\(\s*$`)
	reYearTo         = regexp.MustCompile(`^\s*(?:[-–]|đến(?:\s+năm)?)\s*(\d{4})\b`)
	reYearly         = regexp.MustCompile(`^\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+năm\b`)
	reRelYear        = regexp.MustCompile(`^\s*(?:của\s+năm|năm\s+(?:sau|trước|tiếp\s+theo|kế\s+tiếp|liền\s+kề))`)
	// amounts paid or earned every month are not duties ("trợ cấp hàng
	// tháng", "thu nhập hằng tháng")
	reMoneyBefore = regexp.MustCompile(`(?i)(?:trợ\s+cấp|phụ\s+cấp|lương|lương\s+hưu|thu\s+nhập|tiền|doanh\s+thu|chi\s+phí|mức\s+hưởng|trợ\s+giúp|nuôi\s+dưỡng|khấu\s+trừ)(?:\s+(?:xã\s+hội|bảo\s+trợ|hưu\s+trí|thường\s+xuyên))?\s*$`)
	reApplies     = regexp.MustCompile(`(?i)(?:áp\s+dụng|còn\s+hiệu\s+lực|được\s+sử\s+dụng)\s*(?:\S+\s+){0,2}$`)
	reNote        = regexp.MustCompile(`\[[^\[\]]*?(?:được\s+hướng\s+dẫn\s+bởi|được\s+sửa\s+đổi|được\s+bổ\s+sung|bị\s+bãi\s+bỏ|bị\s+hủy\s+bỏ|hết\s+hiệu\s+lực|có\s+hiệu\s+lực\s+từ)[^\[\]]*\]`)
)

// noYear reports whether match m of re is a month or quarter without a year.
func noYear(re *regexp.Regexp, m []int) bool {
	for _, n := range []string{"mn", "qn"} {
		if i := re.SubexpIndex(n); i >= 0 && m[2*i] >= 0 {
			return true
		}
	}
	return false
}

// hasYear reports whether match m of re gave a year for its day or month.
func hasYear(re *regexp.Regexp, m []int) bool {
	for _, n := range []string{"y", "y2", "my", "qy", "yy"} {
		if i := re.SubexpIndex(n); i >= 0 && m[2*i] >= 0 {
			return true
		}
	}
	return false
}

// applies reports whether the limit at s bounds how long a rule applies
// rather than a duty ("được áp dụng đến hết ngày …", "còn hiệu lực đến …").
func applies(flat string, s int) bool {
	from := max(0, s-40)
	for from < s && !utf8.RuneStart(flat[from]) {
		from++
	}
	return reApplies.MatchString(flat[from:s])
}

// category reports a limit inside an "Đối với …" phrase that opens its
// clause: it delimits a class of cases, not a duty.
func category(flat string, s int) bool {
	cs, _ := clauseBounds(flat, s, s)
	pre := strings.ToLower(strings.TrimLeft(flat[cs:s], " (0123456789)-+.abcdđ"))
	return strings.HasPrefix(pre, "đối với") && !strings.ContainsAny(pre, ",:")
}

// recurringAfter returns the index in out of the recurring deadline that
// directly follows a bare "định kỳ" at flat[s:e] (no unit of its own), or -1.
func recurringAfter(out []Found, flat string, s, e int) int {
	if f := strings.Fields(strings.ToLower(flat[s:e])); len(f) != 2 || f[0] != "định" || f[1] != "kỳ" {
		return -1
	}
	for k := range out {
		if out[k].Kind == Recurring && out[k].Start >= e && strings.TrimSpace(flat[e:out[k].Start]) == "" {
			return k
		}
	}
	return -1
}

// notRecurring reports a "hằng tháng" that qualifies an amount or a
// "định kỳ" that is a verb ("định kỳ hạn trả nợ": set the repayment terms).
func notRecurring(flat string, s, e int) bool {
	if strings.HasPrefix(strings.ToLower(flat[e:]), "hạn") || strings.HasPrefix(strings.ToLower(strings.TrimLeft(flat[e:], " ")), "hạn ") {
		return true
	}
	from := max(0, s-30)
	for from < s && !utf8.RuneStart(flat[from]) {
		from++
	}
	return reMoneyBefore.MatchString(strings.TrimRight(flat[from:s], " "))
}

// maskNotes blanks a legal portal's bracketed editorial notes ("[… được
// hướng dẫn bởi Điều 9 Nghị định 88/2024/NĐ-CP có hiệu lực từ ngày …]"):
// they speak of other instruments. Offsets are kept.
func maskNotes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return reNote.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}

// Cell reads the deadline column of a task table ("Quý II, III/2015",
// "Năm 2024", "Trước 30/6/2023", "Cuối năm", "Thường xuyên", "Hàng năm",
// "2024-2025"). It returns nothing for a cell that states no time.
func Cell(text string, ctx Context) []Found {
	fs := cell(text, ctx)
	for i := range fs { // report the text as written
		if f := fs[i]; f.Start >= 0 && f.Start+len(f.Text) <= len(text) {
			fs[i].Text = text[f.Start : f.Start+len(f.Text)]
		}
	}
	return fs
}

func cell(text string, ctx Context) []Found {
	flat := strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	if flat == "" {
		return nil
	}
	off := strings.Index(text, flat[:1])
	if off < 0 {
		off = 0
	}
	// spelling variants of "quý" (same byte length, offsets kept)
	text = strings.NewReplacer("Qúy", "Quý", "qúy", "quý", "Quí", "Quý", "quí", "quý").Replace(text)
	flat = strings.NewReplacer("Qúy", "Quý", "qúy", "quý", "Quí", "Quý", "quí", "quý").Replace(flat)
	mk := func(date *string, kind string) []Found {
		return []Found{{Start: off, End: off + len(flat), Text: flat, Date: date, Kind: kind}}
	}
	if reCellFrom.MatchString(flat) {
		return nil // "Từ tháng 3/2024": when work starts, not a limit
	}
	// "Tháng 6 - 9/2024", "Tháng 9, 10/2024", "T6/2024", "Tháng 6/2024 - 12/2024": the last month
	if m := reCellMonths.FindStringSubmatch(flat); m != nil {
		mo, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 {
			d := iso(y, mo, daysIn(y, mo))
			return mk(&d, InMonth)
		}
	}
	// "6 tháng đầu năm 2024" → 30/6; "6 tháng cuối năm 2024" → 31/12
	if m := reCellHalf.FindStringSubmatch(flat); m != nil {
		y, _ := strconv.Atoi(m[2])
		mo := 12
		if strings.HasPrefix(vntext.Key(m[1]), "dau") {
			mo = 6
		}
		d := iso(y, mo, daysIn(y, mo))
		if mo == 6 {
			return mk(&d, InMonth)
		}
		return mk(&d, InYear)
	}
	if k := vntext.Key(flat); strings.HasSuffix(k, " hang nam") || strings.HasSuffix(k, " moi nam") {
		return mk(nil, Recurring) // "Quý II hằng năm", "Trước 15/11 hàng năm"
	}
	// "Quý II", "Trong Quý I", "Tháng 6", "Tháng 11, 12": the document's year
	if m := reCellQuarterNoYear.FindStringSubmatch(flat); m != nil && ctx.Year > 0 {
		qs := quarterRe.FindAllString(m[1], -1)
		if q := quarterNum(qs[len(qs)-1]); q > 0 {
			d := iso(ctx.Year, 3*q, daysIn(ctx.Year, 3*q))
			return mk(&d, InQuarter)
		}
	}
	if m := reCellMonthNoYear.FindStringSubmatch(flat); m != nil && ctx.Year > 0 {
		ms := reNum.FindAllString(m[1], -1)
		if mo, _ := strconv.Atoi(ms[len(ms)-1]); mo >= 1 && mo <= 12 {
			d := iso(ctx.Year, mo, daysIn(ctx.Year, mo))
			return mk(&d, InMonth)
		}
	}
	// "Năm 2024, 2025": the last year
	if m := reCellYears.FindStringSubmatch(flat); m != nil {
		if y, _ := strconv.Atoi(m[1]); y >= 1900 && y <= 2200 {
			d := iso(y, 12, 31)
			return mk(&d, InYear)
		}
	}
	if fs := Scan(text, ctx); len(fs) > 0 {
		return fs
	}
	key := vntext.Key(flat)
	switch {
	case cellRecurring.MatchString(key):
		return mk(nil, Recurring)
	case cellYearEnd.MatchString(key) && ctx.Year > 0:
		d := iso(ctx.Year, 12, 31)
		return mk(&d, InYear)
	}
	if m := cellYearRange.FindStringSubmatch(flat); m != nil {
		y, _ := strconv.Atoi(m[len(m)-1])
		if y >= 1900 && y <= 2200 {
			d := iso(y, 12, 31)
			return mk(&d, InYear)
		}
	}
	if m := cellAnyDate.FindStringSubmatchIndex(flat); m != nil {
		date, unit, ok := dateOf(cellAnyDate, flat, m, ctx, false)
		if ok {
			kind := map[string]string{"month": InMonth, "quarter": InQuarter, "year": InYear, "day": By}[unit]
			return []Found{{Start: off + m[0], End: off + m[1], Text: flat[m[0]:m[1]], Date: date, Kind: kind}}
		}
	}
	if m := cellYearRange.FindStringSubmatch(flat); m != nil {
		y, _ := strconv.Atoi(m[len(m)-1])
		if y >= 1900 && y <= 2200 {
			d := iso(y, 12, 31)
			return mk(&d, InYear)
		}
	}
	return nil
}

var (
	cellRecurring       = regexp.MustCompile(`^(?:thuong xuyen|lien tuc|hang nam|hang thang|hang quy|hang tuan|dinh ky|theo dinh ky|thuong xuyen, hang nam|hang nam, thuong xuyen)\b`)
	cellYearEnd         = regexp.MustCompile(`^(?:cuoi nam|quy iv|trong nam)$`)
	cellAnyDate         = regexp.MustCompile(`(?i)` + reAnyDate + `|(?P<yb>\b\d{4}\b)`)
	cellYearRange       = regexp.MustCompile(`^(?:(?:năm|giai đoạn|Năm|Giai đoạn|Năm học|năm học)\s+)?(\d{4})\s*[-–]\s*(\d{4})$`)
	reCellQuarterNoYear = regexp.MustCompile(`(?i)^(?:trong\s+|cuối\s+)?(quý\s+(?:IV|I{1,3}|[1-4])(?:\s*(?:,|và|-|–)\s*(?:quý\s+)?(?:IV|I{1,3}|[1-4]))*)$`)
	reCellMonthNoYear   = regexp.MustCompile(`(?i)^(?:trong\s+)?(tháng\s+\d{1,2}(?:\s*(?:,|và|-|–|đến)\s*(?:tháng\s+)?\d{1,2})*)$`)
	reCellYears         = regexp.MustCompile(`(?i)^(?:năm\s+)?\d{4}(?:\s*(?:,|và)\s*\d{4})*\s*(?:,|và)\s*(\d{4})$`)
	reNum               = regexp.MustCompile(`\d{1,2}`)
	reCellFrom          = regexp.MustCompile(`(?i)^(?:kể\s+)?từ\s`)
	reCellMonths        = regexp.MustCompile(`(?i)^(?:(?:tháng|t)\s*\d{1,2}(?:\s*/\s*\d{4})?\s*(?:[-–,]|và|đến)\s*(?:tháng\s*)?|T)(\d{1,2})\s*/\s*(\d{4})$`)
	reCellHalf          = regexp.MustCompile(`(?i)^(?:trong\s+)?6\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})$`)
)

// dateOf resolves the date groups of match m. unit is "day", "month",
// "quarter" or "year". startOf makes a month/quarter/year mean the day
// before it begins ("trước tháng 6/2023" → 2023-05-31).
func dateOf(re *regexp.Regexp, s string, m []int, ctx Context, startOf bool) (*string, string, bool) {
	g := func(name string) string {
		i := re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	year := func(y string) (int, bool) {
		if y == "" || !isDigits(y) {
			return ctx.Year, ctx.Year > 0
		}
		n, _ := strconv.Atoi(y)
		return n, n >= 1900 && n <= 2200
	}
	var t time.Time
	unit := ""
	switch {
	case g("d") != "" || g("d2") != "":
		d, mo, ys := g("d"), g("m"), g("y")
		if d == "" {
			d, mo, ys = g("d2"), g("m2"), g("y2")
		}
		y, ok := year(ys)
		if !ok {
			return nil, "", false
		}
		dd, _ := strconv.Atoi(d)
		mm, _ := strconv.Atoi(mo)
		if mm < 1 || mm > 12 || dd < 1 || dd > daysIn(y, mm) {
			return nil, "", false
		}
		t = time.Date(y, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
		if ys == "" && !ctx.Date.IsZero() && t.Before(ctx.Date) {
			t = t.AddDate(1, 0, 0) // a day without a year is the next one to come
		}
		unit = "day"
	case g("mm") != "":
		y, ok := year(g("my"))
		mm, _ := strconv.Atoi(g("mm"))
		if !ok || mm < 1 || mm > 12 {
			return nil, "", false
		}
		if startOf {
			t = time.Date(y, time.Month(mm), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		} else {
			t = time.Date(y, time.Month(mm), daysIn(y, mm), 0, 0, 0, 0, time.UTC)
		}
		unit = "month"
	case g("mn") != "":
		mm, _ := strconv.Atoi(g("mn"))
		if ctx.Year == 0 || mm < 1 || mm > 12 {
			return nil, "", false
		}
		// the document's year; a month already over is a past event
		// ("Trong tháng 3, toàn tỉnh đã …"), dropped as such
		y := ctx.Year
		if startOf {
			t = time.Date(y, time.Month(mm), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		} else {
			t = time.Date(y, time.Month(mm), daysIn(y, mm), 0, 0, 0, 0, time.UTC)
		}
		unit = "month"
	case g("qn") != "":
		q := quarterNum(strings.ToUpper(g("qn")))
		if ctx.Year == 0 || q == 0 {
			return nil, "", false
		}
		y := ctx.Year
		if startOf {
			t = time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		} else {
			t = time.Date(y, time.Month(3*q), daysIn(y, 3*q), 0, 0, 0, 0, time.UTC)
		}
		unit = "quarter"
	case g("q") != "":
		y, ok := year(g("qy"))
		qs := quarterRe.FindAllString(g("q"), -1)
		if !ok || len(qs) == 0 {
			return nil, "", false
		}
		q := quarterNum(qs[len(qs)-1])
		if startOf {
			q = quarterNum(qs[0]) - 1
			if q == 0 {
				t = time.Date(y-1, 12, 31, 0, 0, 0, 0, time.UTC)
				break
			}
		}
		if q < 1 || q > 4 {
			return nil, "", false
		}
		t = time.Date(y, time.Month(3*q), daysIn(y, 3*q), 0, 0, 0, 0, time.UTC)
		unit = "quarter"
	case g("yy") != "" || g("yb") != "":
		ys := g("yy")
		if ys == "" {
			ys = g("yb")
		}
		y, ok := year(ys)
		if !ok {
			return nil, "", false
		}
		if startOf {
			y--
		}
		t = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		unit = "year"
	default:
		return nil, "", false
	}
	if unit == "" {
		unit = "quarter"
	}
	d := t.Format("2006-01-02")
	return &d, unit, true
}

var quarterRe = regexp.MustCompile(`IV|I{1,3}|[1-4]`)

func quarterNum(s string) int {
	switch s {
	case "I", "1":
		return 1
	case "II", "2":
		return 2
	case "III", "3":
		return 3
	case "IV", "4":
		return 4
	}
	return 0
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func iso(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// past reports whether date lies before the document's own date: a past
// event or a category, not a duty.
func past(date *string, ctx Context) bool {
	if date == nil || ctx.Date.IsZero() {
		return false
	}
	return *date < ctx.Date.Format("2006-01-02")
}

// wordStart reports whether s[i] begins a word.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0
}

// what is the clause around [s, e) without the time expression: what must
// be done.
func what(text string, s, e int) string {
	cs, ce := clauseBounds(text, s, e)
	if cs == 0 {
		// the paragraph's own label ("2. Chậm nhất là …") is not what is due
		cs = min(parser.LabelWidth(text), s)
	}
	cs = afterBasis(text, cs, s)
	w := strings.TrimSpace(text[cs:s]) + " " + strings.TrimSpace(text[e:ce])
	w = strings.Trim(vntext.CleanSpace(w), " ,;:.-")
	// at most 160 characters, ending at a whole word ("… của c" is no word)
	return strings.TrimRight(parser.WordRunes(w, 160), " ,;:.-")
}

// reGiaoBasis is the opening of an assignment that names its basis before
// the duty: "Giao Chính phủ, căn cứ vào …, tổ chức …", "Giao UBND tỉnh, trên
// cơ sở …, xây dựng …".
var reGiaoBasis = regexp.MustCompile(`^\s*(?i:giao)\s+[^,;.:]{1,120}?,\s*(?i:căn cứ(?:\s+vào)?|trên cơ sở)\s`)

// dutyVerbs begin the duty after such a basis phrase.
var dutyVerbs = []string{"tổ chức", "xây dựng", "triển khai", "thực hiện", "ban hành", "chỉ đạo",
	"hướng dẫn", "rà soát", "xác định", "trình", "lập", "báo cáo", "quy định", "sửa đổi", "bổ sung",
	"hoàn thành", "hoàn thiện", "công bố", "khẩn trương", "chủ trì", "nghiên cứu", "đề xuất", "kiện toàn", "sắp xếp"}

// afterBasis moves the start cs of a "what" past a leading "Giao <agency>,
// căn cứ (vào) <basis>," or "…, trên cơ sở <basis>," to the duty verb that
// follows it, if that verb comes before the time expression at s. Without
// such a verb cs stays.
func afterBasis(text string, cs, s int) int {
	m := reGiaoBasis.FindStringIndex(text[cs:s])
	if m == nil {
		return cs
	}
	for i := cs + m[1]; i < s; i++ {
		if text[i] != ',' {
			continue
		}
		rest := strings.TrimLeft(text[i+1:s], " ")
		for _, v := range dutyVerbs {
			if strings.HasPrefix(rest, v) && (len(rest) == len(v) || !isWordRune(firstRune(rest[len(v):]))) {
				return s - len(rest)
			}
		}
	}
	return cs
}

// clauseBounds widens [s, e) to the clause around it: up to the previous
// and the next ";" or sentence end, passing over a note in parentheses
// before it ("nộp 01 Giấy đề nghị (bằng các phương thức: Gửi trực tiếp, …)
// cho cơ quan thuế … đến hết ngày 31 tháng 7 năm 2025").
//
// The search looks at most maxClause bytes each way, so that a paragraph
// without punctuation (OCR, scraped text) costs linear time, not quadratic.
func clauseBounds(text string, s, e int) (int, int) {
	lo := max(0, s-maxClause)
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	cs := lo
	depth := 0 // of the parentheses closed between i and s: a note's own ":" or ";" ends no clause
	for i := s - 1; i >= lo; i-- {
		switch text[i] {
		case ')':
			depth++
		case '(':
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			continue
		}
		if c := text[i]; c == ';' || (c == '.' || c == ':') && i+1 < len(text) && text[i+1] == ' ' && !(i > 0 && text[i-1] >= '0' && text[i-1] <= '9') && !parser.PlaceDot(text, i) {
			cs = i + 1
			break
		}
	}
	hi := min(len(text), e+maxClause)
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	ce := hi
	for i := e; i < hi; i++ {
		if c := text[i]; c == ';' || c == '.' && (i+1 == len(text) || text[i+1] == ' ') && !parser.PlaceDot(text, i) {
			ce = i
			break
		}
	}
	return cs, ce
}

// maxClause bounds how far a clause is looked for around a match.
const maxClause = 600

func sortFound(fs []Found) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
