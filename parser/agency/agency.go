// Package agency resolves agency names and finds who leads, cooperates with
// and receives reports for each task.
//
// Responsibilities are read clause by clause: the agencies named at the
// head of a clause before its verb lead the task ("Sở Kế hoạch và Đầu tư
// chủ trì", "Cục Thuế, Cục Hải quan, UBND các huyện, thành phố giao nhiệm vụ
// thu …", "Giao Sở Tài chính …"); "phối hợp (với) Y" names the cooperating
// agencies; "báo cáo X", "gửi (về) X", "trình X", "(qua X)" the agencies
// that receive the reports. A unit whose heading is an agency ("1. Sở Tài
// chính:") leads the duties listed under it. Distributive lists are
// expanded ("các Sở: Xây dựng, Giao thông vận tải" → "Sở Xây dựng", "Sở
// Giao thông vận tải"); names that contain "và" or commas are kept whole.
package agency

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// Responsibility is who does a task.
type Responsibility struct {
	Path      string   `json:"path"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
	ReportTo  []string `json:"report_to"`
	Line      int      `json:"line"`
	// Text is the clause the responsibility was read from.
	Text string `json:"text,omitempty"`
	// Offset is the byte offset of the clause in the document.
	Offset int `json:"-"`
}

// Extract returns the responsibilities stated in doc.
func Extract(doc *parser.Document) []Responsibility { return ExtractExcept(doc, nil) }

// ExtractExcept is Extract skipping the text for which skip(offset) is
// true (the caller reads task tables cell by cell).
func ExtractExcept(doc *parser.Document, skip func(off int) bool) []Responsibility {
	out := []Responsibility{}
	heads := map[*parser.Node][]string{} // units whose heading names their lead
	law := isLaw(doc.Header.Type)
	rules := isRules(doc.Header.Type)
	code := vntext.Key(doc.Header.Type) == "bo luat"
	scope := map[*parser.Node]int{} // articles read by articleKind
	// the tokens of each segment, in one buffer: none outlives its
	// segment (what is found holds strings of the text, not tokens)
	buf := make([]token, 0, 256)
	for _, s := range doc.Segments() {
		if s.Quoted || !taskPath(s.Path) || s.Node.Kind == parser.KindTable {
			continue
		}
		if skip != nil && skip(s.Offset) {
			continue
		}
		kind := articleKind(s.Node, scope)
		if kind == scopeArticle {
			continue // "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ"
		}
		text := maskNotes(s.Text) // as Scan reads it
		var toks []token          // its tokens, when headingLead has read them
		var inherited []string
		for n := s.Node; n != nil; n = n.Parent {
			if l, ok := heads[n]; ok {
				inherited = l
				break
			}
		}
		switch s.Node.Kind {
		case parser.KindItem, parser.KindArticle:
			if kind == structureArticle {
				break // "Cơ cấu tổ chức: 1. Tổng cục Hải quan: a) Văn phòng, Vụ, Cục …": units, not leads
			}
			l, line, ltoks := headingLeadTokens(s.Text, buf)
			if ltoks != nil {
				buf = ltoks
			}
			if line == text {
				toks = ltoks // a unit of one line: Scan's tokens are the same
			}
			if len(l) > 0 && (!(law || rules) || len(dropGeneric(l, law)) > 0) {
				if law || rules {
					l = dropGeneric(l, law)
				}
				heads[s.Node] = l
				pos := doc.Position(s.Offset)
				out = append(out, Responsibility{Path: s.Path, Lead: l, Cooperate: []string{}, ReportTo: []string{},
					Line: pos.Line, Text: firstLine(s.Text), Offset: s.Offset})
				inherited = l
			} else if l := articleDutyLead(s.Node, law || rules, law); len(l) > 0 {
				// "Điều 7. Trách nhiệm của Bộ Nội vụ" over a body with no
				// numbered clauses: the body's clauses that name no actor
				// are that agency's
				heads[s.Node] = l
			}
		case parser.KindParagraph:
			// "- Uỷ ban nhân dân các huyện, thành phố:" leads the bullets
			// below it, up to the end of its unit
			if l := paragraphLead(s.Text); len(l) > 0 && s.Node.Parent != nil {
				heads[s.Node.Parent] = l
			}
		}
		if toks == nil {
			toks = tokenizeAppend(buf[:0], text)
			buf = toks
		}
		cases := underCases(doc, s.Node)
		for _, r := range scan(text, toks, inherited) {
			if r.Speech && issuerSpeaks(doc.Header.Issuer, r.Lead) {
				continue // "Tổng cục Hải quan yêu cầu …": the document speaking
			}
			if cases && len(r.Lead) > 0 && !sameNames(r.Lead, inherited) {
				// "2. Miễn phí đối với các trường hợp sau: b) Bộ trưởng, …
				// có văn bản đề nghị khai thác …": who fits a case leads no task
				if r.Lead = []string{}; len(r.Cooperate) == 0 && len(r.ReportTo) == 0 {
					continue
				}
			}
			if kind == structureArticle {
				if t := tokenize(r.Text); !hasVerb(t, 0, len(t)) {
					continue // "1. Tổng cục Hải quan:" listing a unit
				}
			}
			if code && !dutyWords.MatchString(vntext.Key(r.Text)) {
				continue // a code's "Tòa án quyết định hình phạt …": a power in proceedings, not a task
			}
			if (law || rules) && !executes(r.Text) {
				r.Lead = dropGeneric(r.Lead, law)
				if len(r.Lead) == 0 && len(r.ReportTo) == 0 {
					continue
				}
				if len(r.Lead) == 0 {
					r.Cooperate = []string{}
				}
			}
			pos := doc.Position(s.Offset + r.Start)
			out = append(out, Responsibility{Path: s.Path, Lead: r.Lead, Cooperate: r.Cooperate, ReportTo: r.ReportTo,
				Line: pos.Line, Text: r.Text, Offset: s.Offset + r.Start})
		}
	}
	return out
}

// articleDutyLead returns the agencies an article titled "Trách nhiệm
// của <agency>" names when the article has no numbered clauses, or nil.
func articleDutyLead(n *parser.Node, generic, law bool) []string {
	if n.Kind != parser.KindArticle || !strings.HasPrefix(vntext.Key(n.Heading), "trach nhiem cua ") {
		return nil
	}
	for _, c := range n.Children {
		if c.Kind == parser.KindItem {
			return nil
		}
	}
	l := headingLead(n.Heading)
	if generic {
		l = dropGeneric(l, law)
	}
	return l
}

// underCases reports an item of a list whose heading lists cases or an
// exemption ("Miễn phí đối với các trường hợp sau:", "… trong các trường
// hợp sau đây:", "Các đối tượng sau được miễn …:"): the item describes who
// or what a rule covers, and the actors it names are the case's. A
// sentence of its own below the item ("Hội đồng nhân dân cấp tỉnh quy định
// các tiêu chí …") still states a duty.
func underCases(doc *parser.Document, n *parser.Node) bool {
	p := n.Parent
	if n.Kind != parser.KindItem || p == nil || p.Kind != parser.KindItem {
		return false
	}
	l := firstLine(doc.Text[p.Body.Start:p.Body.End])
	if !strings.HasSuffix(l, ":") {
		return false
	}
	h := " " + vntext.Key(l) + " "
	return strings.Contains(h, " truong hop sau ") || strings.HasPrefix(h, " mien ") || strings.Contains(h, " duoc mien ")
}

// isLaw reports a law or code: its general subjects ("cơ quan …", "tổ
// chức, cá nhân", "người …") state rules for everyone, not tasks.
func isLaw(typ string) bool {
	switch vntext.Key(typ) {
	case "luat", "bo luat", "phap lenh":
		return true
	}
	return false
}

// isRules reports a decree or circular: the persons it regulates ("tổ
// chức, cá nhân kinh doanh nhà ở phải …") have obligations, not tasks.
func isRules(typ string) bool {
	switch vntext.Key(typ) {
	case "nghi dinh", "thong tu", "thong tu lien tich":
		return true
	}
	return false
}

// dutyWords mark a clause that states a duty in a code ("có trách
// nhiệm", "phải", "phối hợp", "báo cáo").
var dutyWords = regexp.MustCompile(`\b(?:co trach nhiem|chiu trach nhiem|co nhiem vu|phai|phoi hop|bao cao)\b`)

// executes reports the execution clause ("… chịu trách nhiệm thi hành
// Nghị định này"), whose addressees are all kept.
func executes(text string) bool {
	return strings.Contains(vntext.Key(text), "trach nhiem thi hanh")
}

// Article kinds: scope articles state no duties at all; structure
// articles list units (no heading leads) but may still delegate.
const (
	dutyArticle = iota
	scopeArticle
	structureArticle
)

var (
	scopeTitles     = []string{"pham vi dieu chinh", "doi tuong ap dung", "giai thich tu ngu", "nguyen tac ap dung"}
	structureTitles = []string{"co cau to chuc", "he thong to chuc", "vi tri va chuc nang"}
)

// articleKind classifies the article n lies in by its title.
func articleKind(n *parser.Node, seen map[*parser.Node]int) int {
	for p := n; p != nil; p = p.Parent {
		if p.Kind != parser.KindArticle {
			continue
		}
		if v, ok := seen[p]; ok {
			return v
		}
		h := vntext.Key(p.Heading)
		v := dutyArticle
		for kind, list := range map[int][]string{scopeArticle: scopeTitles, structureArticle: structureTitles} {
			for _, t := range list {
				if strings.HasPrefix(h, t) || strings.Contains(h, ". "+t) {
					v = kind
				}
			}
		}
		seen[p] = v
		return v
	}
	return dutyArticle
}

// generic are the class nouns a law's rules are addressed to; persons
// are the regulated persons of decrees and circulars too.
var (
	generic = regexp.MustCompile(`^(?:cac |moi |nhung )?(?:co quan|to chuc|ca nhan|nguoi|don vi|doanh nghiep|nha dau tu|chu dau tu|ho gia dinh|cong dan|phap nhan|truong hop|chu so huu|ben)\b`)
	persons = regexp.MustCompile(`^(?:cac |moi |nhung )?(?:to chuc|ca nhan|nguoi (?:su dung|nop|khai|dan|lao dong|nuoc ngoai|co)|ho gia dinh|cong dan|phap nhan|doanh nghiep|nha dau tu|chu dau tu|chu so huu)\b`)
)

// namedOrgan are generic-looking names that are real organs ("Cơ quan
// điều tra", "cơ quan có chức năng quản lý đất đai", "cơ quan hải quan").
var namedOrgan = regexp.MustCompile(`^(?:cac )?co quan (?:dieu tra|hai quan|thue|thi hanh an|canh sat|an ninh|co chuc nang|quan ly nha nuoc ve|tai chinh|thong ke|kiem sat|bao hiem|cong an)`)

func dropGeneric(lead []string, law bool) []string {
	out := lead[:0:0]
	for _, l := range lead {
		k := vntext.Key(l)
		if law && generic.MatchString(k) && !namedOrgan.MatchString(k) || !law && persons.MatchString(k) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// issuerSpeaks reports whether lead is the document's issuer (the author
// asking, proposing or answering, not doing).
func issuerSpeaks(issuer string, lead []string) bool {
	if issuer == "" || len(lead) != 1 {
		return false
	}
	a, b := Key(issuer), Key(lead[0])
	return a != "" && (a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" "))
}

func taskPath(p string) bool {
	switch p {
	case "", "header", "bases", "signature", "recipients":
		return false
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return vntext.CleanSpace(s)
}

// Found is one responsibility read from a text.
type Found struct {
	Start, End int
	Text       string
	Lead       []string
	Cooperate  []string
	ReportTo   []string
	// Speech marks a statement of the document's author ("X trả lời …",
	// "X thông báo …"): not a task when X is the issuer.
	Speech bool
}

// Scan reads the responsibilities of one paragraph. inherited is the lead
// of the unit the paragraph belongs to (from its heading), used for
// clauses that name no actor of their own.
func Scan(text string, inherited []string) []Found {
	text = maskNotes(text)
	return scan(text, tokenize(text), inherited)
}

// scan is Scan of a text with its notes masked, and its tokens.
func scan(text string, toks []token, inherited []string) []Found {
	var out []Found
	var colon []string   // the lead named before a colon of this paragraph
	var pending []string // "Chánh Văn phòng Bộ Y tế; Vụ trưởng các Vụ: …; Giám đốc … chịu trách nhiệm thi hành"
	var semi []string    // the lead a clause named, for the clause after its ';'
	labelEnd := 0        // the names of a role label ("Cơ quan chủ trì: …") run to here
	for _, cl := range clauses(toks) {
		if cl[0] < labelEnd {
			continue
		}
		if f, end, ok := roleLabel(text, toks, cl[0]); ok {
			out = append(out, f)
			labelEnd = end
			continue
		}
		in := inherited
		if colon != nil {
			in = colon
		}
		if semi != nil {
			in = semi
		}
		carry := semi
		semi = nil
		if names := namesOnly(text, toks, cl[0], cl[1]); names != nil {
			pending = append(pending, names...)
			continue
		}
		for n, f := range scanClause(text, toks, cl[0], cl[1], in) {
			if colon != nil && sameNames(f.Lead, colon) && len(f.Cooperate) == 0 && len(f.ReportTo) == 0 {
				continue // already stated by the colon's clause
			}
			if n == 0 && len(pending) > 0 && len(f.Lead) > 0 && (executes(f.Text) || f.Start == toks[skipLabel(toks, cl[0])].s) {
				// "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện chịu trách nhiệm …": all of them
				f.Lead = appendNew(append([]string{}, pending...), f.Lead...)
			} else if n == 0 && len(pending) > 0 && len(f.Lead) == 0 && len(f.Cooperate) > 0 && f.Start == toks[skipLabel(toks, cl[0])].s {
				// "Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp) thực hiện": the names before lead
				f.Lead = append([]string{}, pending...)
			}
			out = append(out, f)
			if len(f.Lead) > 0 && f.Start >= toks[cl[0]].s {
				carry = f.Lead
			}
		}
		if len(inherited) > 0 && cl[1] < len(toks) && toks[cl[1]].w == ";" && carry != nil && !sameNames(carry, inherited) && colon == nil {
			// "Ủy ban nhân dân cấp xã có trách nhiệm quản lý mốc …; tổ chức
			// tuyên truyền …": the subject of a sentence leads its clauses
			// after a ';', not the heading's
			semi = carry
		}
		pending = nil
		if n := len(out); n > 0 && toks[cl[1]-1].w == ":" && len(out[n-1].Lead) > 0 && out[n-1].End <= toks[cl[1]-1].s && out[n-1].Start >= toks[cl[0]].s {
			// "Sở Tài chính: Tham mưu UBND tỉnh …": the clauses after
			// the colon are its duties
			colon = out[n-1].Lead
		}
	}
	return out
}

// roleLabels are the labels plans put before the agencies of a task
// ("Cơ quan chủ trì: Sở Tư pháp.", "Đơn vị phối hợp: Các sở, ban, ngành;
// UBND các huyện, thành phố."); true marks a lead.
var roleLabels = func() []struct {
	words []string
	lead  bool
} {
	var out []struct {
		words []string
		lead  bool
	}
	for _, noun := range []string{"cơ quan", "đơn vị", "cơ quan , đơn vị", "cơ quan/đơn vị", ""} {
		for _, role := range []string{"chủ trì", "chủ trì thực hiện", "thực hiện", "chủ trì tham mưu", "chịu trách nhiệm",
			"phối hợp", "phối hợp thực hiện"} {
			if noun == "" && role != "chủ trì" && role != "phối hợp" {
				continue
			}
			out = append(out, struct {
				words []string
				lead  bool
			}{strings.Fields(noun + " " + role), !strings.HasPrefix(role, "phối hợp")})
		}
	}
	return out
}()

// roleLabelsByFirst indexes roleLabels by their first word.
var roleLabelsByFirst = func() map[string][]int {
	out := map[string][]int{}
	for i, l := range roleLabels {
		out[l.words[0]] = append(out[l.words[0]], i)
	}
	return out
}()

// roleLabelAt returns the length of the role label at toks[i] (without
// its ":") and whether it names the lead.
func roleLabelAt(toks []token, i int) (int, bool) {
	n, lead := 0, false
	if i >= len(toks) {
		return 0, false
	}
	for _, k := range roleLabelsByFirst[toks[i].f] { // only these can match at i, in their order
		l := roleLabels[k]
		if len(l.words) > n && seq(toks, i, l.words...) && i+len(l.words) < len(toks) && toks[i+len(l.words)].w == ":" {
			n, lead = len(l.words), l.lead
		}
	}
	return n, lead
}

// roleLabel reads a role label clause at toks[a] ("Cơ quan chủ trì:") and
// the names that follow it up to a period or the end of the line. It
// returns them as a Found and the index after them.
func roleLabel(text string, toks []token, a int) (Found, int, bool) {
	i := skipLabel(toks, a)
	n, lead := roleLabelAt(toks, i)
	if n == 0 || !toks[i].cap && !(i > 0 && toks[i-1].w == ";") {
		return Found{}, 0, false
	}
	k := i + n + 1
	end := k
	for end < len(toks) && toks[end].w != "." && !(end > k && strings.Contains(text[toks[end-1].e:toks[end].s], "\n")) {
		if toks[end].w == ":" {
			// "Sở Y tế, thời gian hoàn thành: …": the next label starts after the last separator
			for end > k && toks[end-1].w != "," && toks[end-1].w != ";" {
				end--
			}
			if end > k {
				end--
			}
			break
		}
		if toks[end].w == ";" {
			// "…; Sở Nội vụ theo dõi, tổng hợp": a clause of its own
			e := end + 1
			for e < len(toks) && toks[e].w != ";" && toks[e].w != "." && toks[e].w != ":" {
				e++
			}
			if e < len(toks) && toks[e].w == ":" || hasVerb(toks, end+1, e) {
				break
			}
		}
		end++
	}
	if end == k {
		return Found{}, 0, false
	}
	names := parseList(text, toks, k, end, true)
	if len(names) == 0 {
		return Found{}, 0, false
	}
	f := Found{Start: toks[i].s, End: toks[end-1].e, Lead: []string{}, Cooperate: []string{}, ReportTo: []string{}}
	if lead {
		f.Lead = names
	} else {
		f.Cooperate = names
	}
	f.Text = clean(text[f.Start:f.End])
	return f, end, true
}

// namesOnly returns the names of a clause that is nothing but a list of
// agencies ending with ";" (one of several before the verb), or nil.
func namesOnly(text string, toks []token, a, b int) []string {
	if b >= len(toks) || toks[b].w != ";" {
		return nil
	}
	i := skipLabel(toks, a)
	if i >= b || headAt(toks, i) == 0 && collectiveAt(toks, i) == 0 {
		if n, _ := distributiveAt(toks, i, b); n == 0 {
			return nil
		}
	}
	depth := 0 // "Sở Y tế (chủ trì);": a role in parentheses is no verb
	for k := i; k < b; k++ {
		switch toks[k].w {
		case "(":
			depth++
		case ")":
			depth--
		}
		if depth == 0 && isMarker(toks, k) && !nounCompound(toks, k) && !toks[k].cap || toks[k].w == "." {
			return nil
		}
	}
	return parseList(text, toks, i, b, false)
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ScanCell reads an agency cell of a table ("Sở Tài chính, Cục Thuế",
// "Các sở: Kế hoạch và Đầu tư, Tài chính; UBND các huyện, thành phố").
func ScanCell(text string) []string {
	toks := tokenize(text)
	i := 0
	for i < len(toks) && toks[i].punct {
		i++
	}
	names := parseList(text, toks, i, len(toks), true)
	return names
}

// CellRoles reads the agency cell of a table that may state both roles
// ("Sở Y tế chủ trì", "Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và
// Đầu tư", "Sở Nội vụ chủ trì; Sở Tài chính, UBND các huyện phối hợp").
// Names without a role word lead.
func CellRoles(text string) (lead, coop []string) {
	toks := tokenize(text)
	blank := []byte(text)
	for k := 0; k+1 < len(toks); k++ { // role words are not part of names
		if seq(toks, k, "chủ", "trì") || seq(toks, k, "thực", "hiện") {
			for b := toks[k].s; b < toks[k+1].e; b++ {
				blank[b] = ' '
			}
		}
	}
	clean := string(blank)
	sub := func(a, b int) string {
		if a >= b {
			return ""
		}
		return clean[a:b]
	}
	lead, coop = []string{}, []string{}
	segStart := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && toks[k].w != ";" {
			continue
		}
		a, b := segStart, len(toks)
		if k < len(toks) {
			b = k
		}
		segStart = k + 1
		if a >= b {
			continue
		}
		segEnd := toks[b-1].e
		p, c := -1, -1
		for m := a; m+1 < b; m++ {
			if seq(toks, m, "phối", "hợp") && p < 0 {
				p = m
			}
			if seq(toks, m, "chủ", "trì") && c < 0 {
				c = m
			}
		}
		if p < 0 {
			lead = appendNew(lead, ScanCell(sub(toks[a].s, segEnd))...)
			continue
		}
		before := ScanCell(sub(toks[a].s, toks[p].s))
		after := p + 2
		if after < b && (toks[after].f == "với" || toks[after].f == "cùng") {
			after++
		}
		var afterNames []string
		if after < b {
			afterNames = ScanCell(sub(toks[after].s, segEnd))
		}
		switch {
		case len(afterNames) > 0: // "X chủ trì, phối hợp với Y"
			lead = appendNew(lead, before...)
			coop = appendNew(coop, afterNames...)
		case c >= 0 && c < p: // "X chủ trì … phối hợp" (nobody after)
			lead = appendNew(lead, before...)
		default: // "Y phối hợp"
			coop = appendNew(coop, before...)
		}
	}
	return lead, coop
}

// headingLead returns the agencies a unit's heading consists of ("Sở Tài
// chính:", "Đề nghị Ủy ban nhân dân các huyện, thành phố", "Sở Thông tin và
// Truyền thông (Giao Phòng Bưu chính Viễn thông)", "Trách nhiệm của Bộ Tài
// chính", "Sở Lao động, Thương binh và Xã hội có trách nhiệm:"), or nil. A
// first line that a converter wrapped mid-sentence is no heading, nor is a
// name ending with a period (an enumeration: "1. Cơ quan hải quan các cấp.").
func headingLead(text string) []string {
	l, _, _ := headingLeadTokens(text, nil)
	return l
}

// headingLeadTokens is headingLead, also returning the first line it read
// and its tokens (nil when it read none; appended to buf[:0]), for Scan to
// use again when that line is the whole text.
func headingLeadTokens(text string, buf []token) (lead []string, line string, toks []token) {
	line = firstLine(text)
	if wrapped(text) {
		return nil, line, nil
	}
	toks = tokenizeAppend(buf[:0], line)
	return headingLeadOf(line, toks), line, toks
}

func headingLeadOf(line string, toks []token) []string {
	i := skipLabel(toks, 0)
	if i+1 < len(toks) && toks[i].f == "điều" && strings.ContainsAny(toks[i+1].w[:1], "0123456789") {
		i = skipLabel(toks, i+2) // "Điều 20. Trách nhiệm của Bộ Tài chính"
	}
	titled := false
	for _, p := range [][]string{{"trách", "nhiệm", "của"}, {"nhiệm", "vụ", "của"}, {"nhiệm", "vụ", ",", "quyền", "hạn", "của"},
		{"trách", "nhiệm", "thực", "hiện", "của"}} {
		if seq(toks, i, p...) {
			i += len(p)
			titled = true
			break
		}
	}
	if !titled && i < len(toks) && (seq(toks, i, "đề", "nghị") || toks[i].f == "giao" || seq(toks, i, "yêu", "cầu")) {
		if toks[i].f == "giao" {
			i++
		} else {
			i += 2
		}
	}
	if i >= len(toks) || headAt(toks, i) == 0 && collectiveAt(toks, i) == 0 {
		return nil
	}
	end := len(toks)
	period := end > i && (toks[end-1].w == "." || toks[end-1].w == ";")
	for end > i && (toks[end-1].w == ":" || toks[end-1].w == "." || toks[end-1].w == ";") {
		end--
	}
	// "X có trách nhiệm:", "X có nhiệm vụ sau:", "X thực hiện các nhiệm vụ sau:"
	if e := dutyTail(toks, i, end); e < end {
		end, period = e, false
	}
	if period && !titled {
		return nil
	}
	// drop a trailing parenthetical ("(Giao Phòng Bưu chính Viễn thông)")
	if end > i && toks[end-1].w == ")" {
		for j := end - 1; j > i; j-- {
			if toks[j].w == "(" {
				if toks[j+1].f != "gồm" {
					end = j
				}
				break
			}
		}
	}
	depth := 0
	for j := i; j < end; j++ {
		switch toks[j].w {
		case "(":
			depth++
		case ")":
			depth--
		}
		if m := knownTail(toks, i, j, end); m > j {
			j = m - 1 // a registry name going on in lower case
			continue
		}
		if isMarker(toks, j) && !nounCompound(toks, j) && !(j > i && toks[j-1].f == "nơi") &&
			!(j > i && toks[j].cap && !toks[j-1].punct) {
			// (a capitalised word inside the name is part of it: "Trung
			// tâm Phân tích Phân loại hàng hóa XNK thực hiện:")
			return nil // a sentence, not a name
		}
		if depth == 0 && !toks[j].cap && (toks[j].f == "việc" || toks[j].f == "để" || toks[j].f == "nhằm") {
			return nil // "Đề nghị Bộ Tài chính việc thành lập …"
		}
	}
	if end-i > 24 {
		return nil
	}
	return parseList(line, toks, i, end, false)
}

// dutyTail returns where a heading's closing "có trách nhiệm", "có nhiệm
// vụ (sau)", "chịu trách nhiệm", "thực hiện các nhiệm vụ sau" starts, or
// end when there is none.
func dutyTail(toks []token, i, end int) int {
	for j := i + 1; j < end; j++ {
		k := j
		switch {
		case seq(toks, k, "có", "trách", "nhiệm"), seq(toks, k, "chịu", "trách", "nhiệm"):
			k += 3
		case seq(toks, k, "có", "nhiệm", "vụ"):
			k += 3
		case seq(toks, k, "thực", "hiện"):
			k += 2
		default:
			continue
		}
		for k < end && (seq(toks, k, "thực", "hiện") || toks[k].f == "các" || toks[k].f == "những" ||
			seq(toks, k, "nhiệm", "vụ") || seq(toks, k, "công", "việc") || seq(toks, k, "nội", "dung") ||
			seq(toks, k, "như", "sau") || toks[k].f == "sau" || toks[k].f == "đây" || seq(toks, k, "chủ", "yếu") ||
			seq(toks, k, "cụ", "thể") || seq(toks, k, "tổ", "chức")) {
			if toks[k].f == "các" || toks[k].f == "những" || toks[k].f == "sau" || toks[k].f == "đây" {
				k++
			} else {
				k += 2
			}
		}
		if k == end {
			return j
		}
		return end
	}
	return end
}

// wrapped reports whether the first line of text was cut mid-sentence by
// a converter (it ends with a comma, or the next line goes on in lower
// case).
func wrapped(text string) bool {
	i := strings.IndexByte(text, '\n')
	if i < 0 {
		return false
	}
	first := strings.TrimRight(text[:i], " \t\r")
	rest := strings.TrimLeft(text[i+1:], " \t\r\n")
	if rest == "" {
		return false
	}
	if strings.HasSuffix(first, ",") || strings.HasSuffix(first, "và") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r) && !strings.HasSuffix(first, ":")
}

// paragraphLead reads an unnumbered paragraph that only names the
// actors of the bullets below it ("- Uỷ ban nhân dân các huyện, thành
// phố:").
func paragraphLead(text string) []string {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ":") || strings.Contains(t, "\n") {
		return nil
	}
	return headingLead(t)
}

// IsAgency reports whether text begins with an agency name ("Sở Y tế",
// "UBND các huyện, thành phố", "Các sở: Tài chính, Xây dựng").
func IsAgency(text string) bool {
	toks := tokenize(text)
	i := 0
	for i < len(toks) && toks[i].punct {
		i++
	}
	if n, _ := distributiveAt(toks, i, len(toks)); n > 0 {
		return true
	}
	return headAt(toks, i) > 0 || collectiveAt(toks, i) > 0
}

// reNote matches a legal portal's bracketed editorial note ("[… được
// hướng dẫn bởi Điều 14 Nghị định 151/2025/NĐ-CP có hiệu lực từ ngày …]"):
// it speaks of another instrument.
var reNote = regexp.MustCompile(`\[[^\[\]]*?(?:được\s+hướng\s+dẫn\s+bởi|được\s+sửa\s+đổi|được\s+bổ\s+sung|bị\s+bãi\s+bỏ|bị\s+hủy\s+bỏ|hết\s+hiệu\s+lực|có\s+hiệu\s+lực\s+từ)[^\[\]]*\]`)

// maskNotes blanks editorial notes, keeping offsets.
func maskNotes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return reNote.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}
