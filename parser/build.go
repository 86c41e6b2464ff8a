package parser

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
	"golang.org/x/text/unicode/norm"
)

var (
	// "Điều", also as typed with a wrong tone ("Đỉều"), a look-alike D or no diacritics.
	reArticle    = regexp.MustCompile(`^(?:[ĐD][iìíỉĩị][eêềếểễệ]u|[ĐD][IÌÍỈĨỊ][EÊỀẾỂỄỆ]U)\s+(\d{1,3}[a-zđ]?)\s*(?:[.:]|\s*$)\s*`)
	reChapter    = regexp.MustCompile(`^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,3})\b\.?\s*`)
	reSection    = regexp.MustCompile(`^(?:Mục|MỤC)\s+(\d{1,3}|[IVXLC]+)\b\.?\s*`)
	rePart       = regexp.MustCompile(`^(?:Phần|PHẦN)\s+(thứ\s+\pL+|THỨ\s+\pL+|[IVXLC]+|\d{1,2}|[A-Z])(?:[.:]|\s|$)\s*`)
	reBullet     = regexp.MustCompile(`^[-+*•–—]\s*`)
	reBasis      = regexp.MustCompile(`^(?:Căn\s*cứ|Theo đề nghị|Xét|Thực hiện|Theo)(?:\s|$|[,:])`)
	reEnact      = regexp.MustCompile(`^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|NGHỊ ĐỊNH|CHỈ THỊ|BAN HÀNH|THÔNG TƯ|LỆNH|Quyết định|Quyết nghị)\s*:?\s*$`)
	reRecipients = regexp.MustCompile(`^(?i:nơi nhận)\s*(?::\s*|$)`)
	reSignLead   = regexp.MustCompile(`^(?:(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*\.|T/M|K/T)(?:\s*\p{Lu}|\s*$)`)
	reAppendix   = regexp.MustCompile(`^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu|BIỂU SỐ|Biểu số|BIỂU MẪU SỐ|Biểu mẫu số|MẪU SỐ|Mẫu số)(?:\s+(?:SỐ\s+|số\s+)?([IVXLC]+|\d{1,3}[a-zA-Z]?))?\s*(?:[.:\-–]\s*|\s*$|\s+)`)
	reAttachNote = regexp.MustCompile(`^\(?\s*(?i:ban hành kèm theo|kèm theo)\b`)
)

// positions (chức danh) that open a signature block when they stand alone in
// capitals after the body.
var signPositions = []string{
	"CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG",
	"TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "GIÁM ĐỐC",
	"PHÓ GIÁM ĐỐC", "CHÁNH ÁN", "VIỆN TRƯỞNG", "TỔNG BÍ THƯ", "BÍ THƯ", "PHÓ BÍ THƯ",
	"CHỦ NHIỆM", "TRƯỞNG BAN", "TỔNG THƯ KÝ", "CHÁNH VĂN PHÒNG", "TỔNG KIỂM TOÁN",
	"THỐNG ĐỐC", "CHỦ TỊCH NƯỚC", "TỔNG GIÁM ĐỐC", "THỦ TRƯỞNG", "TRƯỞNG PHÒNG", "TỔNG THỐNG",
}

// Parse builds the tree of one document. It never fails: text it cannot
// place becomes paragraphs, and oddities are returned as problems.
//
// The text should be NFC, as corpus delivers it; decomposed (NFD) text is
// composed first, and Document.Text, spans and positions then refer to the
// composed text.
func Parse(name, text string) (*Document, []Problem) {
	if hasCombining(text) && !norm.NFC.IsNormalString(text) {
		text = vntext.NFC(text)
	}
	d := &Document{Name: name, Text: text, lines: lineStarts(text)}
	b := &builder{d: d}
	b.run()
	return d, b.problems
}

// hasCombining reports combining marks (U+0300–U+036F, UTF-8 lead bytes
// 0xCC/0xCD): text without them is already composed for Vietnamese, and
// the full NFC check is skipped.
func hasCombining(s string) bool {
	return strings.IndexByte(s, 0xCC) >= 0 || strings.IndexByte(s, 0xCD) >= 0
}

type builder struct {
	d        *Document
	paras    []para
	problems []Problem

	root    *Node
	stack   []*Node // open structure, root first
	prefix  string  // path prefix: "" in the body, "PL" or "PL01" in attached texts
	lastArt int     // number of the last article in the current text
	phase   int     // 0 header, 1 bases, 2 body, 3 end matter
	// inForms: an appendix or attached text opened after the document's
	// own recipients; formRecip: the recipients block being read is a
	// form's, met there
	inForms, formRecip bool
	quote              int // open quotation depth
	quoteN             int // paragraphs since the quotation opened
	sawBody            bool
	prevEnd            int // end of the last paragraph placed

	noArtFrom, noArtEnd int // a stretch known to hold no inline article

	skipUntil    int     // text up to here was consumed by a two-column block
	columnSigner *Signer // signature read from the right column of that block
	sign         *Node
	recip        *Node
	inRecip      bool
}

const (
	phaseHeader = iota
	phaseBases
	phaseBody
	phaseEnd
)

func (b *builder) problem(off int, msg string) {
	b.problems = append(b.problems, Problem{Pos: b.d.Position(off), Msg: msg})
}

func (b *builder) run() {
	d := b.d
	b.root = &Node{Kind: KindDocument, Span: Span{0, len(d.Text)}}
	d.Root = b.root
	b.stack = []*Node{b.root}
	b.paras = splitParas(d.Text, d.lines)

	if first, noteAt, h, ok := b.standaloneAppendix(); ok {
		// an appendix published on its own: no header block, no body
		d.Header = h
		b.phase = phaseEnd
		for _, p := range b.paras[:first] {
			b.para(p.start, p.end)
		}
		b.openStandalone(b.paras[first], noteAt)
		for _, p := range b.paras[first+1:] {
			b.para(p.start, p.end)
		}
		b.finish()
		return
	}

	hdrEnd := b.headerEnd()
	if hdrEnd > 0 {
		h := &Node{Kind: KindHeader, Path: "header", Span: Span{b.paras[0].start, b.paras[hdrEnd-1].end}}
		b.addTo(b.root, h)
		for _, p := range b.paras[:hdrEnd] {
			b.addTo(h, b.paraNode(p.start, p.end, KindParagraph))
		}
		d.Header = parseHeader(d, b.paras[:hdrEnd])
	}
	b.phase = phaseBases
	for _, p := range b.paras[hdrEnd:] {
		b.para(p.start, p.end)
	}
	b.finish()
	if h := &d.Header; h.Type == "" && h.Number == "" && h.Issuer == "" {
		b.headerFromNote()
	}
	bodyCase(d)
}

// headerEnd returns the index of the first paragraph of the body: a legal
// basis, an article, an enacting word ("QUYẾT ĐỊNH:"), "Kính gửi" or a
// roman/arabic item after the title.
func (b *builder) headerEnd() int {
	limit := min(len(b.paras), 60)
	sawNumberOrDate := false
	for i := 0; i < limit; i++ {
		p := b.paras[i]
		t := b.d.Text[p.start:p.end]
		if reBasis.MatchString(t) && (strings.HasPrefix(t, "Căn") || i > 0) || reArticle.MatchString(t) ||
			reEnact.MatchString(t) && strings.HasSuffix(t, ":") || strings.HasPrefix(t, "Kính gửi") || reRecipients.MatchString(t) {
			return i
		}
		if _, ok := parseLabel(t); ok && i == 0 {
			// a numbered item first ("1. Các đơn vị …"): an excerpt, no
			// header block; the number and date it cites are not its own.
			return 0
		}
		// (a number line holds ":", a date digits)
		if strings.Contains(t, ":") && reNumberLine.MatchString(t) || strings.ContainsAny(t, "0123456789") && reDateLine.MatchString(t) {
			sawNumberOrDate = true
			// a run-together header: the bases or the letter's addressee
			// ("… năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.") start inside it.
			for _, w := range []string{"Căn cứ", "Kính gửi"} {
				if j := strings.Index(t, w); j > 0 {
					b.paras = splitPara(b.paras, i, p.start+j)
					return i + 1
				}
			}
			continue
		}
		if _, ok := parseLabel(t); ok && (sawNumberOrDate || i > 8) {
			return i
		}
		// a run-together header: the legal bases start inside this line.
		if j := strings.Index(t, "Căn cứ"); j > 0 && sawNumberOrDate {
			b.paras = splitPara(b.paras, i, p.start+j)
			return i + 1
		}
	}
	if sawNumberOrDate {
		// no recognisable body start: keep the lines up to the title.
		for i := 0; i < limit; i++ {
			t := b.d.Text[b.paras[i].start:b.paras[i].end]
			if reDateLine.MatchString(t) {
				return min(i+3, len(b.paras))
			}
		}
	}
	return 0
}

func splitPara(ps []para, i, at int) []para {
	p := ps[i]
	first := para{start: p.start, end: at, line: p.line}
	second := para{start: at, end: p.end, line: p.line}
	first.start, first.end = p.start, at
	out := make([]para, 0, len(ps)+1)
	out = append(out, ps[:i]...)
	out = append(out, first, second)
	return append(out, ps[i+1:]...)
}

func (b *builder) addTo(parent, n *Node) {
	n.Parent = parent
	parent.Children = append(parent.Children, n)
}

func (b *builder) paraNode(s, e int, k Kind) *Node {
	s, e = trimSpan(b.d.Text, s, e)
	return &Node{Kind: k, Span: Span{s, e}, Body: Span{s, e}, Pos: b.d.Position(s)}
}

func (b *builder) top() *Node { return b.stack[len(b.stack)-1] }

// popTo closes every open node above n.
func (b *builder) popTo(n *Node) {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i] == n {
			b.stack = b.stack[:i+1]
			return
		}
	}
}

func (b *builder) push(n *Node) {
	b.addTo(b.top(), n)
	b.stack = append(b.stack, n)
}

// container is the innermost open node that holds articles: an appendix or
// attachment, a part/chapter/section, or the root.
func (b *builder) containerIndex(kinds ...Kind) int {
	for i := len(b.stack) - 1; i > 0; i-- {
		for _, k := range kinds {
			if b.stack[i].Kind == k {
				return i
			}
		}
	}
	return 0
}

// para places one paragraph [s, e).
func (b *builder) para(s, e int) {
	s, e = trimSpan(b.d.Text, s, e)
	if s >= e {
		return
	}
	defer func() { b.prevEnd = e }()
	if s < b.skipUntil {
		return // already read as part of a two-column block
	}
	t := b.d.Text[s:e]

	// quotations: content of the unit that quotes them.
	if b.quote > 0 {
		b.quoteN++
		b.quote += quoteBalance(t)
		if b.quote < 0 || b.quoteN > 300 {
			b.quote = 0
		}
		b.addParagraph(s, e, true)
		return
	}
	if strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "„") {
		bal := quoteBalance(t)
		if strings.HasPrefix(t, "\"") && strings.Count(t, "\"")%2 == 1 {
			bal = 1
		}
		if bal > 0 {
			b.quote, b.quoteN = bal, 0
		}
		b.addParagraph(s, e, true)
		return
	}

	// scraped text runs articles into the previous paragraph: "… công lập.Điều 1. Phạm vi".
	if at := b.inlineArticle(s, e); at > s {
		b.para(s, at)
		b.para(at, e)
		return
	}

	// end matter and texts issued with the document.
	if b.endMatter(s, e, t) {
		return
	}
	// "Điều 1." again after the body: a regulation issued with the document
	// whose title the scraper lost or ran into the signature line.
	if m := reArticle.FindStringSubmatch(t); m != nil && atoiPrefix(m[1]) == 1 && b.lastArt > 0 && b.prefix == "" &&
		(b.phase == phaseEnd || b.sawBody) && acceptsDot(t) {
		b.openText(KindAttachment, s, s, "PL", "", "")
	}
	if b.phase == phaseEnd {
		b.addParagraph(s, e, false)
		return
	}

	if m := reArticle.FindStringSubmatchIndex(t); m != nil && b.acceptArticle(t[m[2]:m[3]], t) {
		b.article(s, e, t[m[2]:m[3]], m[1])
		return
	}
	if m := reChapter.FindStringSubmatchIndex(t); m != nil && (isCaps(t[:m[1]]) || strings.HasPrefix(t, "Chương")) {
		b.division(KindChapter, s, e, t[m[2]:m[3]], m[1])
		return
	}
	if m := reSection.FindStringSubmatchIndex(t); m != nil && b.hasOpen(KindChapter, KindPart) {
		b.division(KindSection, s, e, t[m[2]:m[3]], m[1])
		return
	}
	if m := rePart.FindStringSubmatchIndex(t); m != nil {
		b.division(KindPart, s, e, t[m[2]:m[3]], m[1])
		return
	}
	if b.phase == phaseBases {
		if reBasis.MatchString(t) || reEnact.MatchString(t) || b.isEnactingLine(t) {
			b.basis(s, e, t)
			return
		}
	}
	if l, ok := parseLabel(t); ok {
		if b.item(s, e, l) {
			return
		}
	}
	if l, ok := b.bareNumber(t, e); ok && b.item(s, e, l) {
		return
	}
	if b.phase == phaseBases && !b.sawBody {
		b.basis(s, e, t)
		return
	}
	b.addParagraph(s, e, false)
}

// bareNumber reads a number standing alone on its line as a clause label
// where a portal dropped its punctuation ("1" / "- Thời gian thực hiện …"
// inside Điều 2). Only inside an article of the document's own body, only
// the next number of the open list (or 1 to start one), and only when text
// follows: a table flattened one cell per line stays text.
func (b *builder) bareNumber(t string, e int) (label, bool) {
	if len(t) > 2 || t[0] < '0' || t[0] > '9' || len(t) == 2 && (t[1] < '0' || t[1] > '9') {
		return label{}, false
	}
	if b.prefix != "" || b.phase != phaseBody || b.containerIndex(KindArticle) == 0 {
		return label{}, false
	}
	next := b.nextPara(e)
	if next == "" || next[0] >= '0' && next[0] <= '9' || len([]rune(next)) < 12 {
		return label{}, false
	}
	n := atoiPrefix(t)
	l := label{style: styleArabic, text: t, ord: n, width: len(t)}
	saved := b.stack
	p, ok := b.placeItem(l)
	b.stack = saved
	if !ok || p == nil {
		return label{}, false
	}
	return l, true
}

// nextPara returns the text of the paragraph that starts after offset e.
func (b *builder) nextPara(e int) string {
	i := sort.Search(len(b.paras), func(i int) bool { return b.paras[i].start >= e })
	if i < len(b.paras) {
		p := b.paras[i]
		return b.d.Text[p.start:p.end]
	}
	return ""
}

// isEnactingLine recognises the line that names the enacting body before the
// body starts ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Quốc hội ban hành Luật …").
func (b *builder) isEnactingLine(t string) bool {
	if _, ok := parseLabel(t); ok {
		return false // "I. MỤC ĐÍCH, YÊU CẦU" opens a plan's first part
	}
	return isCaps(t) || strings.Contains(t, " ban hành ")
}

func (b *builder) basis(s, e int, t string) {
	if reEnact.MatchString(t) || isCaps(t) {
		b.addTo(b.root, b.paraNode(s, e, KindParagraph)) // "QUYẾT ĐỊNH:", the enacting body
		return
	}
	var bases *Node
	for _, c := range b.root.Children {
		if c.Kind == KindBases {
			bases = c
		}
	}
	// only "Căn cứ …", "Theo đề nghị …", "Xét …" and what continues one
	// ("Căn cứ các văn bản sau:" + bullets) are bases; other preamble text
	// (a plan's introduction, a letter's opening) is plain text.
	if !reBasis.MatchString(t) && !reBasisInline.MatchString(t) {
		if b.basisGoesOn(bases, s, e, t) {
			return
		}
		cont := false
		if bases != nil && len(bases.Children) > 0 && bases.Span.End == b.prevEnd {
			last := b.d.Text[bases.Children[len(bases.Children)-1].Body.Start:bases.Span.End]
			cont = strings.HasSuffix(last, ":") || strings.HasSuffix(last, ",") || reBullet.MatchString(t) && strings.HasSuffix(last, ";")
		}
		if !cont {
			b.addTo(b.root, b.paraNode(s, e, KindParagraph))
			return
		}
	}
	if bases == nil {
		bases = &Node{Kind: KindBases, Path: "bases", Span: Span{s, e}, Pos: b.d.Position(s)}
		b.addTo(b.root, bases)
	}
	bases.Span.End = e
	// run-together preambles hold several bases on one line.
	for _, part := range splitBases(t) {
		n := b.paraNode(s+part[0], s+part[1], KindParagraph)
		b.addTo(bases, n)
	}
}

// basisGoesOn joins to the last basis a line that opens in lower case
// right after it: no sentence starts so, the line is the rest of that
// basis, cut where an instrument's title holds a ";" ("Căn cứ Nghị định số
// 101/2024/NĐ-CP … quy định về điều tra cơ bản đất đai;" / "đăng ký, cấp
// Giấy chứng nhận … và Hệ thống thông tin đất đai;"). After a ":" the lines
// are the items of a list ("Căn cứ các văn bản sau:"), each a basis.
func (b *builder) basisGoesOn(bases *Node, s, e int, t string) bool {
	if bases == nil || len(bases.Children) == 0 || bases.Span.End != b.prevEnd {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsLower(r) {
		return false
	}
	last := bases.Children[len(bases.Children)-1]
	if strings.HasSuffix(strings.TrimSpace(b.d.Text[last.Body.Start:bases.Span.End]), ":") {
		return false
	}
	_, end := trimSpan(b.d.Text, s, e)
	last.Span.End, last.Body.End = end, end
	bases.Span.End = e
	return true
}

var reBasisInline = regexp.MustCompile(`[;.]\s*(?:Căn cứ|Theo đề nghị|Xét đề nghị)`)

func splitBases(t string) [][2]int {
	var out [][2]int
	start := 0
	for _, m := range reBasisInline.FindAllStringIndex(t, -1) {
		cut := m[0] + 1
		out = append(out, [2]int{start, cut})
		start = cut
	}
	return append(out, [2]int{start, len(t)})
}

func (b *builder) hasOpen(kinds ...Kind) bool { return b.containerIndex(kinds...) > 0 }

func quoteBalance(t string) int {
	return strings.Count(t, "“") + strings.Count(t, "„") - strings.Count(t, "”")
}

var reArticleAny = regexp.MustCompile(`(?:[ĐD][iìíỉĩị][eêềếểễệ]u|[ĐD][IÌÍỈĨỊ][EÊỀẾỂỄỆ]U)\s+(\d{1,3})\s*[.:]`)

// reArticleAtStart is reArticleAny anchored at the start.
var reArticleAtStart = regexp.MustCompile(`^(?:` + reArticleAny.String() + `)`)

// nextArticleAny is the match of reArticleAny that
// FindAllStringSubmatchIndex(t, -1) gives after the one ending at from
// (0: the first), or nil. Every match starts with "Đ" or "D" and the
// pattern looks at nothing before its start, so trying it anchored at each
// of those letters in turn finds the same matches, one at a time.
func nextArticleAny(t string, from int) []int {
	d, dd := -2, -2 // the next "D" and "Đ" at or after from (-1: none, -2: not looked for)
	for from < len(t) {
		if d != -1 && d < from {
			if d = strings.IndexByte(t[from:], 'D'); d >= 0 {
				d += from
			}
		}
		if dd != -1 && dd < from {
			if dd = strings.Index(t[from:], "Đ"); dd >= 0 {
				dd += from
			}
		}
		k := d
		if k < 0 || dd >= 0 && dd < k {
			k = dd
		}
		if k < 0 {
			return nil
		}
		if m := reArticleAtStart.FindStringSubmatchIndex(t[k:]); m != nil {
			for i := range m {
				if m[i] >= 0 {
					m[i] += k
				}
			}
			return m
		}
		_, n := utf8.DecodeRuneInString(t[k:])
		from = k + n
	}
	return nil
}

// inlineArticle finds "Điều N." of the next article inside a paragraph,
// right after the end of a sentence or glued to the previous word.
func (b *builder) inlineArticle(s, e int) int {
	if b.noArtEnd == e && s >= b.noArtFrom {
		return -1 // this stretch was scanned already and holds no article
	}
	t := b.d.Text[s:e]
	if !strings.Contains(t, "iều") && !strings.Contains(t, "IỀU") && !strings.Contains(t, "ỉều") && !strings.Contains(t, "ieu") {
		b.noArtFrom, b.noArtEnd = s, e
		return -1
	}
	for from := 0; ; {
		m := nextArticleAny(t, from)
		if m == nil {
			break
		}
		from = m[1]
		if m[0] == 0 {
			continue
		}
		n := atoiPrefix(t[m[2]:m[3]])
		// after punctuation or glued text, or at the end of a chapter
		// heading written on the same line ("Chương II QUY ĐỊNH … Điều 9.").
		heading := (reChapter.MatchString(t) || reSection.MatchString(t) || rePart.MatchString(t)) && isCaps(lastWord(t[:m[0]]))
		if n != b.lastArt+1 || !heading && !b.inlineBoundary(s, s+m[0]) {
			continue
		}
		return s + m[0]
	}
	b.noArtFrom, b.noArtEnd = s, e
	return -1
}

func lastWord(t string) string {
	f := strings.Fields(t)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func acceptsDot(t string) bool {
	m := reArticle.FindStringIndex(t)
	return m != nil && strings.ContainsAny(strings.TrimSpace(t[:m[1]]), ".:")
}

// acceptArticle decides whether "Điều N" at a paragraph start is an
// article heading rather than a wrapped cross-reference ("Điều 16, Điều 17
// Nghị định …" or "Điều 6 Mục này.").
func (b *builder) acceptArticle(num, t string) bool {
	n := atoiPrefix(num)
	rest := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t[len("Điều")+1:]), "0123456789abcdefghiklmnopqrstuvxyđ"))
	hasDot := strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ":") || rest == ""
	if !hasDot {
		return false
	}
	if n == b.lastArt+1 || b.lastArt == 0 {
		return true
	}
	// numbering gaps happen (repealed articles, typos); going backwards
	// is a new text unless we are inside one already.
	return n > b.lastArt
}

func atoiPrefix(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func (b *builder) article(s, e int, num string, lw int) {
	n := atoiPrefix(num)
	if b.lastArt > 0 && n != b.lastArt+1 && n > b.lastArt {
		b.problem(s, "article numbering jumps from "+strconv.Itoa(b.lastArt)+" to "+num)
	}
	b.lastArt = n
	b.phase = phaseBody
	b.sawBody = true
	ci := b.containerIndex(KindSection, KindChapter, KindPart, KindAttachment, KindAppendix)
	b.stack = b.stack[:ci+1]
	node := b.paraNode(s, e, KindArticle)
	node.Label = num
	node.Path = joinPath(b.prefix, num)
	b.push(node)
	b.splitInline(node, s+lw, e)
	node.Heading = headingText(b.d.Text[s+lw : node.Body.End])
}

var reEditorNote = regexp.MustCompile(`\[[^\]]{0,800}\]`)

// headingText is a heading without the editors' notes of legal portals
// ("[Điều này được hướng dẫn bởi …]") and without a leading dash.
func headingText(s string) string {
	if strings.Contains(s, "[") {
		s = reEditorNote.ReplaceAllString(s, " ")
	}
	return strings.TrimLeft(clean(s), "-–: ")
}

func joinPath(prefix, label string) string {
	if prefix == "" {
		return label
	}
	return prefix + "/" + label
}

func (b *builder) division(k Kind, s, e int, num string, lw int) {
	b.phase = phaseBody
	var ci int
	switch k {
	case KindPart:
		ci = b.containerIndex(KindAttachment, KindAppendix)
	case KindChapter:
		ci = b.containerIndex(KindPart, KindAttachment, KindAppendix)
	default:
		ci = b.containerIndex(KindChapter, KindPart, KindAttachment, KindAppendix)
	}
	b.stack = b.stack[:ci+1]
	node := b.paraNode(s, e, k)
	node.Label = num
	node.Heading = headingText(b.d.Text[s+lw : e])
	b.push(node)
}

// item places a numbered unit; false when the label does not fit the open
// numbering (then the paragraph is plain text).
func (b *builder) item(s, e int, l label) bool {
	parent, ok := b.placeItem(l)
	if !ok {
		return false
	}
	b.popTo(parent)
	node := b.paraNode(s, e, KindItem)
	node.Label = l.text
	parentPath := b.d.OwnerPath(parent)
	if parent.Kind == KindDocument || parentPath == "" {
		node.Path = joinPath(b.prefix, l.text)
	} else {
		node.Path = parentPath + "/" + l.text
	}
	b.push(node)
	b.phase = phaseBody
	b.sawBody = true
	b.splitInline(node, s+l.width, e)
	node.Heading = clean(strings.TrimLeft(b.d.Text[s+l.width:node.Body.End], ".:) "))
	return true
}

// maxItemDepth bounds the nesting of numbered units; deeper labels are text.
const maxItemDepth = 10

// placeItem finds the node a new label belongs under.
func (b *builder) placeItem(l label) (*Node, bool) {
	// the innermost structural floor: items never climb above an article
	// or an attached text.
	floor := b.containerIndex(KindArticle, KindSection, KindChapter, KindPart, KindAttachment, KindAppendix)
	for i := len(b.stack) - 1; i > floor; i-- {
		n := b.stack[i]
		if n.Kind != KindItem {
			continue
		}
		nl, _ := parseLabel(n.Label + labelSuffix(n.Label))
		if l.style == styleDotted || l.style == styleLetterD {
			// 4.1 under 4; 4.2 after 4.1; 4.1.2 under 4.1 (a.1 under a, a.1.1 under a.1).
			pre := l.text[:strings.LastIndexByte(l.text, '.')]
			if n.Label == pre {
				return n, l.ord == 1 || len(n.Children) > 0 || true
			}
			if nl.style == l.style && sameParentDotted(n.Label, l.text) {
				return b.stack[i-1], l.ord > nl.ord
			}
			continue
		}
		if nl.style == l.style || sameStyle(n.Label, l) {
			if l.ord == nl.ord+1 {
				return b.stack[i-1], true
			}
			if l.ord > nl.ord+1 && l.ord <= nl.ord+3 {
				return b.stack[i-1], true // a gap in the numbering
			}
			if l.ord == 1 && len(b.stack)-floor < maxItemDepth && (i < len(b.stack)-1 || b.introducesList(b.top())) {
				return b.top(), true // a new list inside the open item ("… như sau:")
			}
			return nil, false
		}
	}
	// no open sibling: the label opens a new level under the top node.
	if l.style == styleDotted {
		return nil, false // 4.1 without an open 4
	}
	if l.style == styleLetterD && b.top().Label != l.text[:strings.LastIndexByte(l.text, '.')] {
		return nil, false // a.1 without an open a
	}
	if l.ord == 1 || l.ord == 0 {
		return b.top(), true
	}
	top := b.top()
	if top.Kind != KindItem && (l.ord <= 3 || l.style == styleRoman) {
		return top, true // a list that starts late (text lost before it)
	}
	return nil, false
}

// introducesList: the item's text so far ends with a colon ("… gồm:").
func (b *builder) introducesList(n *Node) bool {
	end := n.Body.End
	if k := len(n.Children); k > 0 {
		end = n.Children[k-1].Body.End
	}
	return end > 0 && strings.HasSuffix(strings.TrimSpace(b.d.Text[n.Body.Start:end]), ":")
}

func labelSuffix(lbl string) string {
	switch {
	case strings.HasPrefix(lbl, "("):
		return " x"
	case lbl != "" && lbl[0] >= 'a' && lbl[0] <= 'z' || strings.HasPrefix(lbl, "đ"):
		return ") x"
	default:
		return ". X"
	}
}

// sameStyle compares the style of an open node's label with l.
func sameStyle(nodeLabel string, l label) bool {
	nl, ok := parseLabel(nodeLabel + labelSuffix(nodeLabel))
	if !ok {
		return false
	}
	if nl.style == styleArabic && l.style == styleArabicP || nl.style == styleArabicP && l.style == styleArabic {
		return false
	}
	return nl.style == l.style
}

func sameParentDotted(a, b string) bool {
	ia, ib := strings.LastIndexByte(a, '.'), strings.LastIndexByte(b, '.')
	return ia > 0 && ib > 0 && a[:ia] == b[:ib]
}

// splitInline looks inside a unit's first paragraph for labels that a
// scraper ran into the same line ("Phạm vi điều chỉnh1. Thông tư này …
// công lập.2. Thông tư này …") and starts new units there.
func (b *builder) splitInline(node *Node, from, e int) {
	t := b.d.Text[from:e]
	// only the bytes below can start a unit; ")" stands for the letter
	// before it ("a)"), which no other case looks at
	for p := 0; p < len(t); p++ {
		k := strings.IndexAny(t[p:], ".:;!?0123456789)")
		if k < 0 {
			return
		}
		p += k
		i, c := p, t[p]
		if c == ')' {
			if i--; i < 0 || t[i] < 'a' || t[i] > 'z' {
				continue
			}
			c = t[i]
		}
		at := -1
		switch {
		case c == '.' || c == ':' || c == ';' || c == '!' || c == '?':
			j := i + 1
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			at = j
		case c >= '0' && c <= '9' && i > 0:
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); unicode.IsLower(r) {
				at = i // "điều chỉnh1. Thông tư này"
			}
		case c >= 'a' && c <= 'z' && i > 0 && i+1 < len(t) && t[i+1] == ')':
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); unicode.IsLower(r) {
				at = i // "của mỗi nhà giáoa) Tổng số"
			}
		}
		if at <= 0 || at >= len(t) || !b.inlineBoundary(from, from+at) {
			continue
		}
		if b.inlineUnitStarts(node, b.d.Text[from+at:e]) {
			b.cut(node, from+at)
			b.para(from+at, e)
			return
		}
	}
}

// inlineUnitStarts reports whether cand starts the next article or a unit
// that fits the open numbering.
func (b *builder) inlineUnitStarts(node *Node, cand string) bool {
	if am := reArticle.FindStringSubmatch(cand); am != nil {
		return atoiPrefix(am[1]) == b.lastArt+1 && acceptsDot(cand)
	}
	l, ok := parseLabel(cand)
	if !ok {
		return false
	}
	saved := b.stack
	p, pok := b.placeItem(l)
	b.stack = saved
	return pok && p != nil && (l.ord == 1 && p == node || p != node && l.ord > 1 || l.style == styleDotted)
}

// inlineBoundary: a label inside a line starts a unit only right after the
// end of a sentence or heading (". ", ": ", "; ") or glued to the previous
// word by a scraper ("chỉnh1.").
func (b *builder) inlineBoundary(lineStart, at int) bool {
	if at <= lineStart {
		return false
	}
	before := strings.TrimRight(b.d.Text[lineStart:at], " \u00a0\t")
	if before == "" {
		return false
	}
	// never inside a quotation.
	if quoteBalance(before) > 0 {
		return false
	}
	last := before[len(before)-1]
	glued := len(before) == len(b.d.Text[lineStart:at])
	switch {
	case last == '.' || last == ':' || last == ';' || last == '!' || last == '?':
		return true
	case strings.HasSuffix(before, "”") || strings.HasSuffix(before, "./."):
		return true
	case glued && last >= 0x80: // a Vietnamese letter glued to the label
		return true
	case glued && (last >= 'a' && last <= 'z'):
		return true
	}
	return false
}

// cut ends a unit's first paragraph at off.
func (b *builder) cut(n *Node, off int) {
	s, e := trimSpan(b.d.Text, n.Body.Start, off)
	n.Body = Span{s, e}
	n.Span.End = e
}

func (b *builder) addParagraph(s, e int, quoted bool) {
	n := b.paraNode(s, e, KindParagraph)
	n.Quoted = quoted
	top := b.top()
	if (top.Kind == KindPart || top.Kind == KindChapter || top.Kind == KindSection) && top.Heading == "" && len(top.Children) == 0 && !quoted && isCaps(b.d.Text[s:e]) {
		top.Heading = headingText(b.d.Text[s:e]) // "Chương I" / "ĐIỀU KHOẢN CƠ BẢN"
	}
	if (top.Kind == KindArticle || top.Kind == KindItem) && top.Heading == "" && len(top.Children) == 0 && !quoted {
		// "Điều 1." or a bare "1" with its text on the next line
		top.Heading = strings.TrimSpace(reBullet.ReplaceAllString(clean(b.d.Text[s:e]), ""))
	}
	if (top.Kind == KindAppendix || top.Kind == KindAttachment) && top.Heading == "" && !quoted && onlyNotes(b.d, top) {
		// the title under "PHỤ LỤC", before or after the note "(Kèm theo …)";
		// neither the note nor a table row is the title; a title still in
		// Markdown: "**DANH MỤC …**"
		if t := unmark(strings.TrimSpace(reBullet.ReplaceAllString(clean(b.d.Text[s:e]), ""))); !reAttachNote.MatchString(t) && !isPipeRow(t) {
			top.Heading = t
		}
	}
	if b.phase == phaseBases && !b.sawBody && top == b.root {
		b.basis(s, e, b.d.Text[s:e])
		return
	}
	b.addTo(top, n)
}

// onlyNotes reports whether every paragraph below n says what n is issued
// with ("(Kèm theo Quyết định số …)"): none has been a title yet.
func onlyNotes(d *Document, n *Node) bool {
	for _, c := range n.Children {
		if c.Kind != KindParagraph || !reAttachNote.MatchString(unmark(d.Text[c.Body.Start:c.Body.End])) {
			return false
		}
	}
	return true
}

// endMatter handles recipients, the signature block, and the appendices and
// attached texts that follow them. It returns true when it placed t.
func (b *builder) endMatter(s, e int, t string) bool {
	d := b.d
	if m := recipientsAt(t); m != nil && (b.sawBody || b.phase != phaseHeader) {
		// inside an appendix after the document's own recipients, a "Nơi
		// nhận" is a form's (a template of a notice printed in full): its
		// lines are not the document's recipients
		b.formRecip = b.inForms
		b.endBody()
		b.recip = &Node{Kind: KindRecipients, Path: "recipients", Span: Span{s, e}, Body: Span{s, e}, Pos: d.Position(s)}
		b.addTo(b.root, b.recip)
		if b.columnBlock(s) {
			return true
		}
		b.inRecip = true
		if rest := strings.TrimSpace(t[m[1]:]); rest != "" {
			b.recipientLines(s+m[1], e)
		}
		return true
	}
	if b.inRecip {
		if reBullet.MatchString(t) || strings.HasPrefix(t, "Lưu") {
			if at := signatureAfter(t); at > 0 {
				b.recipientLines(s, s+at)
				b.inRecip = false
				b.para(s+at, e)
				return true
			}
			b.recipientLines(s, e)
			return true
		}
		b.inRecip = false
	}
	afterLead := b.sign != nil && b.sign.Span.End == b.prevEnd // "KT." alone on the line above
	if (signLead(t) || afterLead) && (b.sawBody || b.phase == phaseEnd) {
		// a signature run into what follows it: "KT. TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC
		// TRƯỞNG Nguyễn Dương Thái QUY TRÌNH XÁC ĐỊNH …".
		if n := signatureExtent(t); n > 0 && n < len(t) {
			b.para(s, s+n)
			b.para(s+n, e)
			return true
		}
	}
	if b.isSignature(t) {
		b.endBody()
		if b.sign == nil || b.sign.Parent != b.root || b.prefix != "" {
			b.sign = &Node{Kind: KindSignature, Path: "signature", Span: Span{s, e}, Body: Span{s, e}, Pos: d.Position(s)}
			b.addTo(b.root, b.sign)
		}
		b.sign.Span.End = e
		b.addTo(b.sign, b.paraNode(s, e, KindParagraph))
		return true
	}
	if b.phase == phaseEnd && b.sign != nil && len(b.sign.Children) > 0 && b.sign.Span.End == b.prevEnd && isPersonName(t) {
		// the signer's name right after the position, blank lines between
		b.sign.Span.End = e
		b.addTo(b.sign, b.paraNode(s, e, KindParagraph))
		return true
	}
	// appendices and attached texts start only after the body.
	u := t
	if startsWith(t, "#*_") {
		u = unmark(t) // a heading still in Markdown: "## **PHỤ LỤC II**"
	}
	if m := appendixAt(u); m != nil && (b.phase == phaseEnd || b.prefix != "") &&
		(isCaps(u[:m[1]]) || m[2] >= 0 && (m[1] >= len(u)-1 || capsWords(u[m[1]:], 2)) || reAttachNote.MatchString(strings.TrimSpace(u[m[1]:]))) {
		num := ""
		if m[2] >= 0 {
			num = u[m[2]:m[3]]
		}
		b.openText(KindAppendix, s, e, "PL"+num, num, clean(unmark(u[m[1]:])))
		return true
	}
	if b.phase == phaseEnd && isCaps(t) && b.attachNoteFollows(s) {
		b.openText(KindAttachment, s, e, "PL", "", clean(t))
		return true
	}
	return false
}

func (b *builder) endBody() {
	b.phase = phaseEnd
	b.quote = 0
	b.stack = b.stack[:1]
	b.prefix = ""
}

// openText starts an appendix or an attached programme/regulation: a new
// numbering with its own path prefix.
func (b *builder) openText(k Kind, s, e int, prefix, label, heading string) {
	b.stack = b.stack[:1]
	n := b.paraNode(s, e, k)
	n.Label = label
	n.Path = prefix
	n.Heading = heading
	b.push(n)
	b.prefix = prefix
	b.lastArt = 0
	b.phase = phaseBody
	b.inRecip = false
	b.inForms = b.inForms || len(b.d.Recipients) > 0
}

// attachNoteFollows reports whether one of the next few paragraphs says the
// text is issued with the document ("(Ban hành kèm theo Quyết định …)").
func (b *builder) attachNoteFollows(s int) bool {
	for i, p := range b.paras {
		if p.start < s {
			continue
		}
		for j := i; j < len(b.paras) && j < i+4; j++ {
			t := b.d.Text[b.paras[j].start:b.paras[j].end]
			if reAttachNote.MatchString(t) {
				return true
			}
		}
		return false
	}
	return false
}

func (b *builder) recipientLines(s, e int) {
	for _, line := range strings.Split(b.d.Text[s:e], "\n") {
		r := strings.TrimSpace(line)
		r = strings.TrimSpace(reBullet.ReplaceAllString(r, ""))
		r = strings.TrimRight(clean(r), ";.,")
		if r == "" {
			continue
		}
		if b.formRecip {
			continue
		}
		if strings.HasPrefix(r, "Lưu") {
			b.d.Archive = strings.TrimSpace(r)
			continue
		}
		b.d.Recipients = append(b.d.Recipients, r)
	}
	b.recip.Span.End = e
	b.addTo(b.recip, b.paraNode(s, e, KindParagraph))
}

func (b *builder) isSignature(t string) bool {
	if !b.sawBody && b.phase != phaseEnd {
		return false
	}
	if len(t) < 200 && signLead(t) {
		return true
	}
	if name, ok := signedName(t); ok {
		return isPersonName(name) // "Võ Văn Kiệt (Đã ký)"
	}
	if len(t) > 160 || !capsWords(t, 2) {
		return false
	}
	return signatureLine(t)
}

// signedName returns what stands before the "(Đã ký)" that a published copy
// prints in place of the signature ("Nguyễn Văn An (Đã ký)").
func signedName(t string) (string, bool) {
	t = strings.TrimSpace(t)
	for _, m := range []string{"(Đã ký)", "(đã ký)"} {
		if name, ok := strings.CutSuffix(t, m); ok {
			return strings.TrimSpace(name), true
		}
	}
	return "", false
}

// signatureLine: capitals that hold a known position, then at most a
// person's name ("CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn", "BỘ TRƯỞNG, CHỦ NHIỆM
// Mai Tiến Dũng").
func signatureLine(t string) bool {
	words := strings.Fields(t)
	n := 0
	for n < len(words) && isCaps(words[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	if rest := strings.Join(words[n:], " "); rest != "" && !isPersonName(rest) {
		return false
	}
	caps := " " + strings.Trim(strings.Join(words[:n], " "), ",") + " "
	for _, p := range signPositions {
		if strings.Contains(caps, " "+p+" ") || strings.Contains(caps, " "+p+", ") {
			return true
		}
	}
	return false
}

var reColumnGap = regexp.MustCompile(`\S(\s{3,})\S`)

// columnBlock reads the end matter that a converter laid out in two text
// columns ("Nơi nhận:            T/M BAN CHẤP HÀNH TRUNG ƯƠNG" / "- Các ban
// đảng, …       TỔNG BÍ THƯ" / … / "- Lưu …        Tô Lâm"): recipients on
// the left, the signature on the right, up to the next blank line.
func (b *builder) columnBlock(s int) bool {
	d := b.d
	lineEnd := strings.IndexByte(d.Text[s:], '\n')
	if lineEnd < 0 {
		lineEnd = len(d.Text) - s
	}
	first := d.Text[s : s+lineEnd]
	if !reColumnGap.MatchString(first) {
		return false
	}
	end := s + lineEnd
	for end < len(d.Text) {
		next := strings.IndexByte(d.Text[end+1:], '\n')
		if next < 0 {
			next = len(d.Text) - end - 1
		}
		line := d.Text[end+1 : end+1+next]
		if strings.TrimFunc(line, isSpaceRune) == "" {
			break
		}
		end += 1 + next
	}
	var left, right []string
	for _, line := range strings.Split(d.Text[s:end], "\n") {
		ms := reColumnGap.FindAllStringSubmatchIndex(line, -1)
		if len(ms) == 0 {
			left = append(left, strings.TrimSpace(line))
			continue
		}
		gap := ms[len(ms)-1]
		left = append(left, strings.TrimSpace(line[:gap[2]]))
		right = append(right, strings.TrimSpace(line[gap[3]:]))
	}
	if len(right) == 0 || !(signLead(right[0]) || signatureLine(right[0])) {
		return false
	}
	text := strings.Join(left, "\n")
	if m := reRecipientsAny.FindStringIndex(text); m != nil {
		text = text[m[1]:]
	}
	recips, archive := splitRecipients(text)
	d.Recipients = append(d.Recipients, recips...)
	if archive != "" {
		d.Archive = archive
	}
	b.columnSigner = parseSignerText(strings.Join(right, " "))
	b.recip.Span.End, b.recip.Body.End = end, end
	b.skipUntil = end
	return true
}

// signatureExtent is the length of "LEAD. CAPITALS Name Surname" at the
// start of t, or 0 when no person's name follows the capitals.
func signatureExtent(t string) int {
	i, words := 0, 0
	capsEnd := -1
	for i < len(t) {
		for i < len(t) && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t') {
			i++
		}
		j := i
		for j < len(t) && t[j] != ' ' && t[j] != '\n' && t[j] != '\t' {
			j++
		}
		if j == i {
			break
		}
		w := t[i:j]
		if capsEnd < 0 {
			if !isCaps(w) && !(words == 0 && signLead(w+" X")) {
				capsEnd = i
			} else {
				words++
				i = j
				continue
			}
		}
		// after the capitals: the name, two to five words in running case,
		// up to an appendix that follows on the same line ("… Hà Phụ lục").
		if !isTitleWord(strings.Trim(w, ".,")) || vntext.Fold(w) == "phu" && strings.HasPrefix(vntext.Fold(t[j:]), " luc") {
			break
		}
		words++
		i = j
	}
	if capsEnd < 0 {
		return 0
	}
	name := strings.Fields(t[capsEnd:i])
	if len(name) < 2 || len(name) > 5 {
		return 0
	}
	return i
}

// signatureAfter finds a signature that a scraper ran into the end of the
// archive line ("- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai
// Tiến Dũng"); it returns the offset in t where it starts, or -1.
func signatureAfter(t string) int {
	for _, m := range reSignInline.FindAllStringIndex(t, -1) {
		if m[0] > 0 && (signLead(t[m[0]:]) || signatureLine(t[m[0]:])) {
			return m[0]
		}
	}
	return -1
}

var reSignInline = regexp.MustCompile(`(?:TM|KT|TL|TUQ)\.|\p{Lu}{2,}\s\p{Lu}`)

// capsWords is isCaps(firstWords(t, n)), without building the words.
func capsWords(t string, n int) bool {
	if len(t) > 64*n {
		t = t[:64*n]
	}
	letters, words, in := 0, 0, false
	for _, r := range t {
		if unicode.IsSpace(r) {
			if in {
				if words++; words == n {
					break
				}
			}
			in = false
			continue
		}
		in = true
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// startsWith reports whether t starts with one of the bytes of set: a
// cheap test before an anchored pattern all of whose matches start so.
func startsWith(t, set string) bool { return t != "" && strings.IndexByte(set, t[0]) >= 0 }

// recipientsAt is reRecipients.FindStringIndex(t) ("nơi nhận" in any case
// at the start: "n" or "N" first).
func recipientsAt(t string) []int {
	if !startsWith(t, "nN") {
		return nil
	}
	return reRecipients.FindStringIndex(t)
}

// signLead is reSignLead.MatchString(t) (every match starts with "T", "K"
// or "Q").
func signLead(t string) bool { return startsWith(t, "TKQ") && reSignLead.MatchString(t) }

// appendixAt is reAppendix.FindStringSubmatchIndex(t) (every match starts
// with "P", "B" or "M": PHỤ LỤC, Phụ biểu, BIỂU SỐ, Mẫu số, …).
func appendixAt(t string) []int {
	if !startsWith(t, "PBM") {
		return nil
	}
	return reAppendix.FindStringSubmatchIndex(t)
}

func firstWords(t string, n int) string {
	if len(t) > 64*n {
		t = t[:64*n]
	}
	f := strings.Fields(t)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// isPersonName: two to five capitalised words, not in capitals throughout.
func isPersonName(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 5 || isCaps(t) {
		return false
	}
	for _, w := range f {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

func (b *builder) finish() {
	d := b.d
	// spans: a node covers its children.
	var fix func(n *Node) int
	fix = func(n *Node) int {
		end := n.Span.End
		for _, c := range n.Children {
			if ce := fix(c); ce > end {
				end = ce
			}
		}
		n.Span.End = end
		if n.Pos.Line == 0 {
			n.Pos = d.Position(n.Span.Start)
		}
		return end
	}
	fix(b.root)
	b.root.Span = Span{0, len(d.Text)}
	d.Header.Signer = parseSigner(d, b.sign)
	if d.Header.Signer == nil {
		d.Header.Signer = b.columnSigner
	}
	// tables written as Markdown pipe rows.
	groupTables(d)
	layoutTables(d)
	if d.Header.Number == "" && d.Header.Date == "" {
		headerFromTables(d)
	}
}
