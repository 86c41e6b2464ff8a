package cite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
	"github.com/vanban/vanban/parser/vocab"
)

// typeName is one instrument type the grammar recognises by its words.
type typeName struct {
	words   string // as printed: "Nghị định"
	name    string // canonical type ("" for the generic "văn bản")
	generic bool
}

// The compiled vocabulary.
var (
	typeSet      *phraseSet
	typeByPhrase = map[string]*typeName{}
	unitSet      *phraseSet
	unitByPhrase = map[string]string{}
	gapSet       *phraseSet
	stopSet      *phraseSet
	infixSet     *phraseSet
	termSet      *phraseSet
	sessionSet   *phraseSet
	andSet       *phraseSet
	attachSet    *phraseSet
	notLawSet    *phraseSet
	dateLeadSet  *phraseSet
	commaSet     *phraseSet
	lawFirstSet  *phraseSet
	amendSet     *phraseSet
	issuerSet    *phraseSet
	titleSet     *phraseSet
	commaStopSet *phraseSet
	notInstrSet  *phraseSet
	pluralSet    *phraseSet
	plenumSet    *phraseSet
	compoundSet  *phraseSet
	agencySet    *phraseSet
	listHeadSet  *phraseSet
	jointCodeSet = map[string]bool{}
	tailPhrase   phrase
	codeSet      = map[string]bool{}
	typeCodes    = map[string]bool{}

	pSo    = newPhrase("số")
	pSoBad = newPhrase("so") // "số" typed without its accent, before a number
	pNgay  = newPhrase("ngày")
	pThang = newPhrase("tháng")
	pNam   = newPhrase("năm")
	pCua   = newPhrase("của")
	pGiua  = newPhrase("giữa")
	pTai   = newPhrase("tại")
	pNay   = newPhrase(selfWord)
	pVa    = newPhrase("và")
	pHoac  = newPhrase("hoặc")
	pKhoa  = newPhrase("khóa")
)

func init() {
	var types []typeName
	for _, t := range vocab.DocTypes {
		types = append(types, typeName{words: t.Name, name: t.Name})
		for _, c := range t.Codes {
			codeSet[vntext.Fold(c)] = true
			typeCodes[vntext.Fold(c)] = true
		}
	}
	types = append(types, extraTypes...)
	var words []string
	for i := range types {
		t := &types[i]
		words = append(words, t.words)
		typeByPhrase[t.words] = t
	}
	typeSet = newPhraseSet(words)
	for _, c := range issuerCodes {
		codeSet[vntext.Fold(c)] = true
	}
	unitSet = newPhraseSet(pinpointUnits)
	for _, u := range pinpointUnits {
		unitByPhrase[u] = u
	}
	gapSet = newPhraseSet(pinpointGap)
	stopSet = newPhraseSet(lawNameStops)
	infixSet = newPhraseSet(lawNameInfixes)
	termSet = newPhraseSet(issuerTerm)
	sessionSet = newPhraseSet(issuerSession)
	andSet = newPhraseSet(lawNameAnd)
	attachSet = newPhraseSet(pinpointAttached)
	notLawSet = newPhraseSet(notLawWords)
	dateLeadSet = newPhraseSet(dateLeads)
	commaSet = newPhraseSet(lawNameComma)
	lawFirstSet = newPhraseSet(lawNameFirst)
	amendSet = newPhraseSet(amendingHead)
	issuerSet = newPhraseSet(issuerLower)
	titleSet = newPhraseSet(titleHeads)
	commaStopSet = newPhraseSet(titleCommaStops)
	notInstrSet = newPhraseSet(notInstrumentBefore)
	pluralSet = newPhraseSet(listPlural)
	plenumSet = newPhraseSet(plenumWords)
	compoundSet = newPhraseSet(unitCompounds)
	agencySet = newPhraseSet(agencyHeads)
	listHeadSet = newPhraseSet(issuerListHeads)
	for _, c := range jointCodes {
		jointCodeSet[vntext.Fold(c)] = true
	}
	tailPhrase = newPhrase(constitutionTail)
}

// raw is one mention as the grammar found it, before keys are assigned.
type raw struct {
	seg      int
	path     string
	s, e     int // token span in the segment
	os, oe   int // byte span in the document
	kind     byte
	typ      string // canonical type, "" when unknown
	sym      string // number/symbol as printed, white space removed
	nick     string // the bare number of "Đề án 06"
	name     string // the name of a named instrument ("Đầu tư công")
	year     string
	date     string
	issuer   string
	title    string
	ts, te   int // token span of the title in the segment
	pinpoint string
	head     string // lead-in that gave type and issuer
	lead     *leadIn
	anaph    bool
	desc     bool   // named by type, issuer and subject ("Nghị quyết của Chính phủ về …")
	alias    string // law name given with a number ("Luật Đất đai số 31/2024/QH15")
	inTitle  *raw
	target   *raw // resolved instrument of an anaphoric mention
	key      string
	text     string
}

const (
	rNumbered byte = 'n'
	rNamed    byte = 'l'
	rNick     byte = 'k'
	rAnaph    byte = 'a'
)

// leadIn is "các Nghị quyết của Quốc hội:" opening a list of numbers.
type leadIn struct {
	typ    string
	issuer string
	head   string
	s, e   int // tokens
}

// chain is a pinpoint: "điểm a, b và điểm c khoản 9 Điều 9".
type chain struct {
	s, e  int
	units []unit
	used  bool
}

type unit struct {
	kind   string // one of pinpointUnits
	labels []string
}

// seg is the scan state of one segment.
type seg struct {
	x      *extractor
	idx    int
	sg     parser.Segment
	src    string
	toks   []token
	tyN    []int8 // length in tokens of the type phrase at each token, 0 when none
	tyOf   []*typeName
	chains []chain
	raws   []*raw
	lead   *leadIn
}

func (s *seg) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

// tyLen is the length in tokens of the type phrase at token i, 0 when
// there is none.
func (s *seg) tyLen(i int) int {
	if i < 0 || i >= len(s.tyN) {
		return 0
	}
	return int(s.tyN[i])
}

// tyType is the type of the type phrase at token i.
func (s *seg) tyType(i int) *typeName {
	if i < 0 || i >= len(s.tyOf) {
		return nil
	}
	return s.tyOf[i]
}

func (s *seg) is(i int, p *phrase) bool {
	if p.at(s.src, s.toks, i) > 0 {
		return true
	}
	if p == &pSo && pSoBad.at(s.src, s.toks, i) > 0 {
		return s.symbolAt(i+1) > 0
	}
	return false
}

func (s *seg) punct(i int, c string) bool {
	t := s.tok(i)
	return t != nil && t.kind == kPunct && t.f == c
}

func (s *seg) orig(i, j int) string {
	if i >= j {
		return ""
	}
	return s.src[s.toks[i].os:s.toks[j-1].oe]
}

// text is the display form of tokens [i, j): the original with its line
// breaks as spaces.
func (s *seg) text(i, j int) string {
	return cleanText(s.orig(i, j))
}

func cleanText(o string) string {
	if strings.ContainsAny(o, "\n\r\t") {
		o = strings.Join(strings.Fields(o), " ")
	}
	return nfc(o)
}

// scan runs the grammar over the segment.
func (s *seg) scan() {
	n := len(s.toks)
	s.tyN = make([]int8, n)
	s.tyOf = make([]*typeName, n)
	for i := range s.toks {
		if s.toks[i].kind != kWord {
			continue
		}
		if p, m := typeSet.match(s.src, s.toks, i); m > 0 {
			s.tyN[i] = int8(m)
			s.tyOf[i] = typeByPhrase[p.text]
		}
	}
	s.findChains()
	if s.x.selfKey == "" && (s.sg.Path == "header" || s.sg.Path == "") {
		s.ownNumber()
	}
	for i := 0; i < n; {
		if s.tyLen(i) > 0 {
			if end := s.typed(i); end > i {
				i = end
				continue
			}
		}
		if end := s.numbered(i); end > i {
			i = end
			continue
		}
		i++
	}
	s.shareIssuers()
	s.titles()
	s.internalRefs()
}

// shareIssuers gives the issuer of the last item of a list joined by "và"
// or a comma to the items before it that have none ("Quy định số
// 22-QĐ/TW, ngày 28/7/2021 và Quy định số 262-QĐ/TW, ngày 03/02/2025 của
// Ban Chấp hành Trung ương Đảng").
func (s *seg) shareIssuers() {
	for k := len(s.raws) - 2; k >= 0; k-- {
		a, b := s.raws[k], s.raws[k+1]
		if a.kind != rNumbered || a.issuer != "" || b.issuer == "" || b.kind != rNumbered || a.lead != nil || b.lead != nil {
			continue
		}
		if b.s == a.e+1 && (s.is(a.e, &pVa) || s.punct(a.e, ",")) && s.tyLen(b.s) > 0 &&
			symIssuer(a.sym) != "" && symIssuer(a.sym) == symIssuer(b.sym) {
			a.issuer = b.issuer
		}
	}
	// the items of a lead-in list printed without their own dates share
	// the date after the last ("các Nghị quyết của HĐND tỉnh: số
	// 29/NQ-HĐND, số 30/NQ-HĐND và số 31/NQ-HĐND ngày 10/12/2022")
	for k := len(s.raws) - 2; k >= 0; k-- {
		a, b := s.raws[k], s.raws[k+1]
		if a.lead == nil || a.lead != b.lead || a.date != "" || b.date == "" || b.s != a.e+1 ||
			!(s.is(a.e, &pVa) || s.punct(a.e, ",")) {
			continue
		}
		a.date = b.date
	}
}

// symIssuer is the issuer part of a symbol: its codes without the type
// code and the digits ("22-QĐ/TW" → "TW", "54/2014/QH13" → "QH"), so
// that a list item takes the issuer of the next one only when their
// symbols agree.
func symIssuer(sym string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(sym, func(r rune) bool { return r == '/' || r == '-' }) {
		p = strings.TrimRight(p, "0123456789")
		if p == "" || typeCodes[vntext.Fold(p)] {
			continue
		}
		parts = append(parts, vntext.Fold(p))
	}
	return strings.Join(parts, "-")
}

// ownNumber takes the document's own number from its header ("Số:
// 79/QĐ-UBND") when the header parser gave none.
func (s *seg) ownNumber() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.toks[i].cap && s.is(i, &pSo) && s.punct(i+1, ":") {
			if e := s.symbolAt(i + 2); e > 0 {
				s.x.selfKey = symKey(s.symText(i+2, e))
			}
			return
		}
	}
}

// ---------------------------------------------------------------------------
// Numbers and symbols

// symbolAt parses a number/symbol at token i ("40/2020/NĐ-CP", "11- NQ/TW",
// "973/2020/UBTVQH14") and returns the end of it; 0 when there is none.
func (s *seg) symbolAt(i int) int {
	t := s.tok(i)
	if t == nil || t.kind != kNum || len(t.f) > 6 {
		return 0
	}
	if p := s.tok(i - 1); p != nil && !t.sp {
		if p.kind == kWord && !s.is(i-1, &pSo) {
			return 0
		}
		if p.kind == kPunct && strings.Contains("/-.,", p.f) {
			return 0
		}
	}
	end, letters := i+1, 0
	for parts := 0; parts < 6; parts++ {
		sep := s.tok(end)
		if sep == nil || sep.kind != kPunct || (sep.f != "/" && sep.f != "-") {
			break
		}
		nx := s.tok(end + 1)
		if nx == nil || nx.kind == kPunct || (sep.sp && nx.sp) {
			break
		}
		if nx.kind == kWord {
			if !s.codeLike(end + 1) {
				break
			}
			letters++
		}
		end += 2
	}
	if letters == 0 {
		return 0
	}
	// drop a trailing digits-only part after the last code ("…/NQ-CP-2")
	for end > i+1 && s.toks[end-1].kind == kNum {
		end -= 2
	}
	return end
}

// codeLike reports whether word token i can be a part of a symbol: upper
// case ("NĐ", "QH15"), or a known mixed-case code ("TTg").
func (s *seg) codeLike(i int) bool {
	t := &s.toks[i]
	if t.upper {
		return true
	}
	return isMixedCode(s.src[t.os:t.oe])
}

// knownCode reports whether the symbol of tokens [i, j) carries a type or
// issuer code: the evidence a bare symbol needs.
func (s *seg) knownCode(i, j int) bool {
	for k := i; k < j; k++ {
		t := &s.toks[k]
		if t.kind != kWord {
			continue
		}
		f := strings.TrimRight(t.f, "0123456789")
		if codeSet[f] {
			return true
		}
	}
	return false
}

// symText is the printed symbol of tokens [i, j) without white space and
// markup, dashes unified.
func (s *seg) symText(i, j int) string {
	o := s.orig(i, j)
	var b strings.Builder
	for _, r := range o {
		if isSpace(r) || isIgnorable(r) {
			continue
		}
		if isDashRune(r) {
			r = '-'
		}
		b.WriteRune(r)
	}
	return nfc(b.String())
}

// ---------------------------------------------------------------------------
// Dates and issuers

// dateAt parses "ngày 06/4/2020", "ngày 19 tháng 6 năm 2015", ", ngày
// 10/02/2022", "21-02-2018" at token i: the ISO date and the end.
func (s *seg) dateAt(i int) (string, int) {
	j := i
	if s.punct(j, ",") {
		j++
	}
	if _, n := dateLeadSet.match(s.src, s.toks, j); n > 0 && s.is(j+n, &pNgay) {
		j += n // "ban hành ngày 06/4/2020"
	}
	ngay := false
	if s.is(j, &pNgay) {
		ngay = true
		j++
	}
	d := s.tok(j)
	if d == nil || d.kind != kNum || len(d.f) > 2 {
		return "", i
	}
	j++
	var mo, yr *token
	if s.is(j, &pThang) {
		mo = s.tok(j + 1)
		if mo == nil || mo.kind != kNum || !s.is(j+2, &pNam) {
			return "", i
		}
		yr = s.tok(j + 3)
		j += 4
	} else {
		sep := s.tok(j)
		if sep == nil || sep.kind != kPunct || !strings.Contains("/-.", sep.f) {
			return "", i
		}
		mo = s.tok(j + 1)
		sep2 := s.tok(j + 2)
		if mo == nil || mo.kind != kNum || sep2 == nil || sep2.f != sep.f {
			return "", i
		}
		yr = s.tok(j + 3)
		j += 4
		if !ngay && (sep.sp || mo.sp || sep2.sp || yr == nil || yr.sp) {
			return "", i
		}
	}
	if yr == nil || yr.kind != kNum || len(yr.f) != 4 || mo.kind != kNum || len(mo.f) > 2 {
		return "", i
	}
	iso := isoDate(d.f, mo.f, yr.f)
	if iso == "" {
		return "", i
	}
	return iso, j
}

func isoDate(d, m, y string) string {
	dd, _ := strconv.Atoi(d)
	mm, _ := strconv.Atoi(m)
	yy, _ := strconv.Atoi(y)
	if dd < 1 || dd > 31 || mm < 1 || mm > 12 || yy < 1900 || yy > 2100 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// issuerAt parses "của Chính phủ", "của Bộ trưởng Bộ Tài chính", "của Ban
// Chấp hành Trung ương Đảng khóa XIII" at token i.
func (s *seg) issuerAt(i int) (string, int) {
	return s.issuersAt(i, false)
}

// issuersAt parses the issuer at token i as issuerAt does, and a list of
// issuers ("của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ
// trưởng Bộ Tài chính", "giữa Bộ Tài chính, Bộ Công Thương và Bộ Giao thông
// vận tải"), joined by issuerJoin. A list is taken whole after "giữa" or
// for a joint instrument; otherwise only when it ends in "và <issuer>" and
// no verb follows it (there the last name is the subject of a new clause:
// "… của Chính phủ và Bộ Tài chính có trách nhiệm …").
func (s *seg) issuersAt(i int, joint bool) (string, int) {
	if s.is(i, &pGiua) {
		joint = true
	} else if !s.is(i, &pCua) {
		return "", i
	}
	end := s.nameAt(i + 1)
	if end == i+1 {
		return "", i
	}
	names := []string{s.text(i+1, end)}
	ends := []int{end}
	vas := []bool{false}
	for k := end; len(names) < 8; {
		va := s.is(k, &pVa)
		if !va && !s.punct(k, ",") {
			break
		}
		nx := s.tok(k + 1)
		if nx == nil || nx.kind != kWord || !nx.cap {
			break
		}
		if _, n := listHeadSet.match(s.src, s.toks, k+1); n == 0 {
			break
		}
		e := s.nameAt(k + 1)
		if e == k+1 {
			break
		}
		names = append(names, s.text(k+1, e))
		ends = append(ends, e)
		vas = append(vas, va)
		k = e
	}
	n := len(names)
	if !joint {
		for n > 1 && !(vas[n-1] && !s.clauseAt(ends[n-1])) {
			n--
		}
	}
	return strings.Join(names[:n], issuerJoin), ends[n-1]
}

// clauseAt reports a verb at token i: a lower-case word that neither opens
// the subject of an instrument nor continues a name.
func (s *seg) clauseAt(i int) bool {
	t := s.tok(i)
	if t == nil || t.kind != kWord || t.cap || t.upper || s.is(i, &pNgay) {
		return false
	}
	_, n := titleSet.match(s.src, s.toks, i)
	return n == 0
}

// nameAt returns the end of the issuer's name at token j, or j.
func (s *seg) nameAt(j int) int {
	first := s.tok(j)
	if first == nil || first.kind != kWord || !first.cap {
		return j
	}
	if _, n := titleSet.match(s.src, s.toks, j); n > 0 {
		return j
	}
	if s.tyLen(j) > 0 || s.unitAt(j) > 0 {
		return j
	}
	head := s.text(j, j+1)
	end := j + 1
	// A name is capitalised words, each of which may have one lower-case
	// syllable after it ("Thủ tướng Chính phủ", "Bộ Kế hoạch và Đầu tư"),
	// and the lower-case words of administrative names ("nhân dân tỉnh").
	second := true
	for steps := 0; steps < 16; steps++ {
		t := s.tok(end)
		if t == nil {
			break
		}
		switch {
		case t.kind == kWord:
			if _, n := titleSet.match(s.src, s.toks, end); n > 0 && !(t.cap && s.text(end-1, end) == "Bộ") {
				goto done // not the name of a ministry ("Bộ Giao thông vận tải")
			}
			if s.sessionAt(end) {
				goto done
			}
			if s.is(end, &pVa) {
				if _, n := listHeadSet.match(s.src, s.toks, end+1); n > 0 {
					goto done // a further issuer (issuersAt)
				}
				if nx := s.tok(end + 1); nx != nil && nx.kind == kWord && nx.cap && s.tyLen(end+1) == 0 {
					end += 2
					second = true
					continue
				}
				goto done
			}
			if _, n := stopSet.match(s.src, s.toks, end); n > 0 && !t.cap {
				if _, m := issuerSet.match(s.src, s.toks, end); m == 0 || n > 1 {
					goto done
				}
			}
			if s.tyLen(end) > 0 && t.cap && s.opensMention(end) || s.unitAt(end) > 0 || s.is(end, &pNgay) {
				goto done
			}
			if t.cap || t.upper {
				end++
				second = true
				continue
			}
			if second {
				end++
				second = false
				continue
			}
			if _, n := issuerSet.match(s.src, s.toks, end); n > 0 {
				end += n
				continue
			}
			goto done
		case t.kind == kNum:
			if end > 0 && s.is(end-1, &pKhoa) {
				end++
				continue
			}
			goto done
		case t.f == "-":
			if nx := s.tok(end + 1); nx != nil && nx.kind == kWord && nx.cap {
				end += 2
				continue
			}
			goto done
		case t.f == ",":
			nx := s.tok(end + 1)
			if (head == "Bộ" || strings.HasPrefix(s.text(j, end), "Bộ trưởng Bộ")) && nx != nil && nx.kind == kWord &&
				nx.cap && s.tyLen(end+1) == 0 && nx.f != "bo" && nx.f != "so" {
				end += 2
				continue
			}
			goto done
		default:
			goto done
		}
	}
done:
	return end
}

// sessionAt reports a term followed by a session at token i ("khóa XVII,
// kỳ họp thứ mười bốn").
func (s *seg) sessionAt(i int) bool {
	if _, n := termSet.match(s.src, s.toks, i); n == 0 {
		return false
	}
	k := i + 2
	if s.punct(k, ",") {
		k++
	}
	_, n := sessionSet.match(s.src, s.toks, k)
	return n > 0
}

// opensMention reports whether the type word at token i starts a mention
// rather than being part of a name ("Bộ Kế hoạch và Đầu tư"): a number,
// "này" or, for a law, a capitalised name follows it.
func (s *seg) opensMention(i int) bool {
	j := i + (s.tyLen(i))
	if s.is(j, &pSo) || s.symbolAt(j) > 0 || s.is(j, &pNay) {
		return true
	}
	if namedTypes[s.tyType(i).name] {
		nx := s.tok(j)
		return nx != nil && nx.kind == kWord && nx.cap
	}
	return false
}

// joint reports an instrument issued jointly by several bodies: a "liên
// tịch" type or a joint type code in its symbol.
func (r *raw) joint() bool {
	if strings.Contains(r.typ, "liên tịch") {
		return true
	}
	for _, p := range strings.FieldsFunc(r.sym, func(c rune) bool { return c == '/' || c == '-' }) {
		if jointCodeSet[vntext.Fold(p)] {
			return true
		}
	}
	return false
}

// trailers parses the date and the issuer after a number, in either order.
func (s *seg) trailers(r *raw, i int) int {
	for k := 0; k < 2; k++ {
		if r.date == "" {
			if d, e := s.dateAt(i); d != "" {
				r.date, i = d, e
				continue
			}
		}
		if r.issuer == "" {
			j := i
			if s.punct(j, ",") {
				j++
			}
			if is, e := s.issuersAt(j, r.joint()); is != "" {
				r.issuer, i = is, e
				continue
			}
		}
		break
	}
	return i
}

// ---------------------------------------------------------------------------
// Mentions

// typed handles a mention opened by a type word at token i: "Nghị định số
// 40/2020/NĐ-CP …", "Luật Đầu tư công", "Đề án 06 của Chính phủ",
// "Quyết định này". It returns the end of what it consumed, or i.
func (s *seg) typed(i int) int {
	ty := s.tyType(i)
	j := i + (s.tyLen(i))
	t := &s.toks[i]
	if s.is(j, &pNay) {
		return j + 1 // the document itself
	}
	if !ty.generic && namedTypes[ty.name] && t.cap && !t.upper {
		if e := s.named(i, ty, j); e > i {
			return e
		}
	}
	if t.upper && s.inUpperAmendingName(i) {
		// "LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI SỐ
		// 31/2024/QH15, …": the laws are part of the amending law's name
		if e := s.symbolAt(j + s.upperRun(j)); e > 0 {
			return e
		}
	}
	// words between the type and the number: only after a capitalised type
	k := j
	for steps := 0; ; steps++ {
		if s.is(k, &pSo) || s.symbolAt(k) > 0 {
			break
		}
		w := s.tok(k)
		if w == nil || steps >= 14 || !t.cap && !t.upper || w.kind != kWord || s.tyLen(k) > 0 ||
			s.is(k, &pVa) || s.is(k, &pHoac) || s.is(k, &pNay) || s.unitAt(k) > 0 {
			if k == j {
				if e := s.nick(i, ty, j); e > i {
					return e
				}
			}
			if e := s.maybeDesc(i, ty, j); e > i {
				return e
			}
			s.maybeLead(i, ty, j)
			s.maybeAnaphor(i, ty, j)
			return i
		}
		if _, n := plenumSet.match(s.src, s.toks, k); n > 0 {
			return i
		}
		k++
	}
	if _, n := s.notInstrumentBefore(k); n && k > j {
		return i // "NGƯỜI GHI BIÊN BẢN Mẫu số 04/HKQXDTMS": a form's number, after the words of a type
	}
	num := k
	if s.is(k, &pSo) {
		num = k + 1
		if s.punct(num, ":") {
			num++ // "Luật Dữ liệu số: 60/2024/QH15"
		}
	}
	end := s.symbolAt(num)
	if end == 0 {
		if k == j {
			if e := s.nick(i, ty, j); e > i {
				return e
			}
		}
		return i
	}
	sym := s.symText(num, end)
	if s.x.isSelf(sym) {
		return end
	}
	r := s.newRaw(rNumbered, i)
	r.sym = sym
	r.typ = resolveType(ty, sym)
	r.e = s.trailers(r, end)
	if r.issuer == "" {
		r.issuer = s.issuerBefore(i)
	}
	s.add(r)
	return r.e
}

// issuerBefore returns the issuer named right before a mention at token i
// ("chỉ đạo của UBND tỉnh tại Công văn số 100/UBND-KT", "Theo đề nghị của
// Sở Tài nguyên và Môi trường tại Tờ trình số 8468/TTr-STNMT").
func (s *seg) issuerBefore(i int) string {
	if i < 3 || !s.is(i-1, &pTai) {
		return ""
	}
	for c := i - 2; c >= 0 && c >= i-18; c-- {
		if !s.is(c, &pCua) {
			continue
		}
		if is, e := s.issuerAt(c); is != "" && e == i-1 {
			return is
		}
		break
	}
	return ""
}

// nick handles "Đề án 06 của Chính phủ": a type, a bare number and an
// issuer or a date.
func (s *seg) nick(i int, ty *typeName, j int) int {
	num := j
	if s.is(j, &pSo) {
		num = j + 1
	}
	t := s.tok(num)
	if t == nil || t.kind != kNum || len(t.f) > 5 || ty.generic || namedTypes[ty.name] {
		return i
	}
	if nx := s.tok(num + 1); nx != nil && nx.kind == kPunct && !t.sp && (nx.f == "/" || nx.f == "-") {
		return i
	}
	r := s.newRaw(rNick, i)
	r.nick = t.f
	r.typ = ty.name
	e := s.trailers(r, num+1)
	if r.date == "" && r.issuer == "" {
		return i
	}
	r.e = e
	s.add(r)
	return e
}

// named handles the instruments cited by name: "Luật Đầu tư công", "Luật
// Ngân sách nhà nước năm 2015", "Luật Tổ chức chính quyền địa phương ngày
// 19/6/2015", "Bộ luật Dân sự số 91/2015/QH13", "Hiến pháp năm 2013".
func (s *seg) named(i int, ty *typeName, j int) int {
	r := s.newRaw(rNamed, i)
	r.typ = ty.name
	k := j
	if ty.name == "Hiến pháp" {
		if n := tailPhrase.at(s.src, s.toks, k); n > 0 {
			k += n
		}
		r.name = ""
	} else {
		k = s.lawName(j)
		if k == j {
			if s.is(j, &pSo) || s.symbolAt(j) > 0 {
				return i // "Luật số 43/2024/QH15": a numbered mention
			}
			// a bare "Luật": a back-reference when a pinpoint precedes it
			if nx := s.tok(j); nx == nil || nx.kind != kWord || !nx.lower {
				if nx == nil || nx.kind == kPunct {
					s.maybeAnaphor(i, ty, j)
				}
				return i
			}
			s.maybeAnaphor(i, ty, j)
			return j
		}
		r.name = s.text(j, k)
		if full, ok := lawAbbrevs[r.name]; ok {
			r.name = full // "Luật DN 2014" is "Luật Doanh nghiệp năm 2014"
		}
		if s.promulgated(i, ty) {
			return k // "Quốc hội ban hành Luật …": the document itself
		}
	}
	// a number after the name makes it a numbered instrument
	num := k
	if s.is(k, &pSo) {
		num = k + 1
		if s.punct(num, ":") {
			num++ // "Luật Dữ liệu số: 60/2024/QH15"
		}
	}
	if e := s.symbolAt(num); e > 0 {
		sym := s.symText(num, e)
		if s.x.isSelf(sym) {
			return e
		}
		r.kind = rNumbered
		r.sym = sym
		if r.name != "" {
			r.alias = r.typ + " " + r.name
		}
		r.e = s.trailers(r, e)
		s.add(r)
		return r.e
	}
	if r.name != "" && s.x.isSelfName(r.typ+" "+r.name) {
		return k
	}
	if s.is(k, &pNam) {
		if y := s.tok(k + 1); y != nil && y.kind == kNum && len(y.f) == 4 {
			r.year = y.f
			k += 2
		}
	} else if y := s.tok(k); y != nil && y.kind == kNum && len(y.f) == 4 && y.sp && isYear(y.f) {
		r.year = y.f
		k++
	}
	if r.year == "" {
		if d, e := s.dateAt(k); d != "" {
			r.date = d
			r.year = d[:4]
			k = e
		}
	}
	r.e = k
	s.add(r)
	return k
}

// promulgated reports the promulgation formula at the end of the bases,
// "Quốc hội ban hành Luật …": a law of the document's own type named after
// "ban hành" there is the document itself.
func (s *seg) promulgated(i int, ty *typeName) bool {
	if ty.name != s.x.doc.Header.Type || i < 2 || s.sg.Path != "bases" && s.sg.Path != "header" && s.sg.Path != "" {
		return false
	}
	p, n := titleSet.match(s.src, s.toks, i-2)
	return n == 2 && p.text == "ban hành"
}

// inUpperAmendingName reports an upper-case type word at token i inside
// an upper-case amending law's name: an amending head before it, and only
// upper-case words, numbers and punctuation between.
func (s *seg) inUpperAmendingName(i int) bool {
	for k := i - 1; k >= 0 && k >= i-60; k-- {
		t := &s.toks[k]
		if t.kind == kWord && !t.upper {
			return false
		}
		if _, n := amendSet.match(s.src, s.toks, k); n > 0 && s.toks[k].upper {
			return true
		}
	}
	return false
}

// upperRun is the number of upper-case words from token j, "SỐ" aside.
func (s *seg) upperRun(j int) int {
	n := 0
	for t := s.tok(j + n); t != nil && t.kind == kWord && t.upper && !s.is(j+n, &pSo); t = s.tok(j + n) {
		n++
	}
	if s.is(j+n, &pSo) {
		n++
	}
	return n
}

func isYear(f string) bool { return f >= "1945" && f <= "2100" }

// lawName returns the end of the name of a law that starts at token j.
func (s *seg) lawName(j int) int {
	if n := s.amendAt(j); n > j {
		return n
	}
	first := s.tok(j)
	if first == nil || first.kind != kWord || s.tyLen(j) > 0 || s.unitAt(j) > 0 {
		return j
	}
	k, words := j+1, 1
	if !first.cap {
		// a name printed in lower case ("Bộ luật dân sự", "Luật hải
		// quan", "Pháp lệnh thuế nhà, đất"): its first word must be able to
		// open a name
		if _, n := lawFirstSet.match(s.src, s.toks, j); n > 0 {
			k, words = j+n, n
		} else if !first.lower || s.is(j, &pNay) || s.is(j, &pSo) {
			return j
		} else if _, n := notLawSet.match(s.src, s.toks, j); n > 0 {
			return j // "Luật sư", "Luật pháp"
		} else if _, n := stopSet.match(s.src, s.toks, j); n > 0 {
			return j
		} else if _, n := amendSet.match(s.src, s.toks, j); n > 0 {
			return j
		}
	}
	for words < 16 {
		t := s.tok(k)
		if t == nil {
			break
		}
		if t.kind == kWord {
			if n := s.infixAt(k); n > 0 {
				k += n
				words += n
				continue
			}
			if (t.cap || t.upper) && (s.tyLen(k) > 0 || s.unitAt(k) > 0) {
				break
			}
			if s.is(k, &pSo) && s.digitalSo(k) {
				// "Luật Công nghiệp công nghệ số": "số" is "digital" when no
				// number/symbol follows it
				k++
				words++
				continue
			}
			if s.is(k, &pVa) {
				// "và" joins two words of a name ("Luật Phí và lệ phí", "Luật
				// Đo đạc và Bản đồ"), not a name and another instrument or
				// an agency
				nx := s.tok(k + 1)
				if nx == nil || nx.kind != kWord || s.tyLen(k+1) > 0 || s.unitAt(k+1) > 0 {
					break
				}
				if !nx.cap && !nx.upper {
					if _, n := andSet.match(s.src, s.toks, k); n > 0 {
						k += n
						words += n
						continue
					}
					break
				}
				if _, n := stopSet.match(s.src, s.toks, k+1); n > 0 {
					break
				}
				if _, n := agencySet.match(s.src, s.toks, k+1); n > 0 && nx.cap {
					break
				}
				k += 2
				words += 2
				continue
			}
			if _, n := stopSet.match(s.src, s.toks, k); n > 0 {
				break
			}
			k++
			words++
			continue
		}
		if t.kind == kPunct && t.f == "," && !s.codeName(j) {
			// an internal comma: "Luật Quản lý, sử dụng tài sản công",
			// "Luật Thuế xuất khẩu, thuế nhập khẩu", "Luật Khoa học, Công
			// nghệ và Đổi mới sáng tạo" — not "Luật Đất đai, người sử
			// dụng đất phải …"
			nx := s.tok(k + 1)
			if _, n := commaSet.match(s.src, s.toks, k+1); n > 0 {
				k += 1 + n
				words += n
				continue
			}
			if words <= 2 && nx != nil && nx.kind == kWord && nx.cap && !nx.upper && s.tyLen(k+1) == 0 && s.unitAt(k+1) == 0 {
				_, agency := agencySet.match(s.src, s.toks, k+1)
				if agency == 0 {
					k++
					continue
				}
			}
		}
		break
	}
	return k
}

// codeName reports a name that starts at token j after "Bộ luật": the
// names of codes hold no comma ("Bộ luật dân sự, thu lợi bất chính").
func (s *seg) codeName(j int) bool {
	for back := 2; back >= 1; back-- {
		if s.tyLen(j-back) == back {
			return s.tyType(j-back).name == codeType
		}
	}
	return false
}

// digitalSo reports a "số" at token k that is a word of a name ("Luật
// Chuyển đổi số", "Luật Công nghiệp công nghệ số 2025"), not the number
// marker: neither a number/symbol nor a bare number other than a year
// follows it.
func (s *seg) digitalSo(k int) bool {
	nx := s.tok(k + 1)
	if nx == nil {
		return true // "… Luật Chuyển đổi số" ending the text
	}
	if s.symbolAt(k+1) > 0 {
		return false
	}
	if nx.kind == kNum {
		return len(nx.f) == 4 && isYear(nx.f) && nx.sp
	}
	if nx.kind == kWord {
		// "Luật Chuyển đổi số và …", "… số ngày …": the name ends after
		// "số"; other words make "số" the marker of what follows
		_, n := stopSet.match(s.src, s.toks, k+1)
		return n > 0 || s.is(k+1, &pVa) || s.is(k+1, &pHoac)
	}
	return !strings.Contains(":/-", nx.f) // "Luật … số: 31/2024/QH15"
}

func (s *seg) infixAt(k int) int {
	_, n := infixSet.match(s.src, s.toks, k)
	return n
}

// amendAt parses the name of an amending law after "Luật": "sửa đổi, bổ
// sung một số điều của Luật X và Luật Y" and returns its end, or j.
func (s *seg) amendAt(j int) int {
	_, n := amendSet.match(s.src, s.toks, j)
	if n == 0 {
		return j
	}
	k := j + n
	items := 0
	// "… một số điều của 37 luật có liên quan đến quy hoạch": a counted
	// group of laws named by their common subject.
	if t, nx := s.tok(k), s.tok(k+1); t != nil && nx != nil && t.kind == kNum && nx.kind == kWord && !nx.cap &&
		(nx.f == "luat" || nx.f == "phap") {
		e := k + 2
		for words := 0; words < 12; words++ {
			w := s.tok(e)
			if w == nil || w.kind != kWord || w.cap && w.upper {
				break
			}
			if words > 0 && groupNameStops[w.f] {
				break
			}
			e++
		}
		return e
	}
	for {
		t := s.tok(k)
		if t == nil || s.tyLen(k) == 0 || !t.cap || !namedTypes[s.tyType(k).name] {
			break
		}
		e := s.lawName(k + (s.tyLen(k)))
		if e == k+(s.tyLen(k)) {
			break
		}
		num := e
		if s.is(e, &pSo) {
			num = e + 1
		}
		if se := s.symbolAt(num); se > 0 {
			e = se
		}
		k = e
		items++
		if (s.punct(k, ",") || s.is(k, &pVa)) && s.tyLen(k+1) > 0 && s.tok(k+1).cap && namedTypes[s.tyType(k+1).name] {
			k++
			continue
		}
		break
	}
	if items == 0 {
		return j
	}
	return k
}

// numbered handles a number without a type word before it: "số 29/NQ-HĐND"
// in a list opened by a lead-in, "số 70/2022/QH15" continuing a list, or a
// bare symbol with a known code ("theo 40/2020/NĐ-CP").
func (s *seg) numbered(i int) int {
	num := i
	hasSo := s.is(i, &pSo)
	if hasSo {
		num = i + 1
	}
	end := s.symbolAt(num)
	if end == 0 {
		return i
	}
	if _, n := s.notInstrumentBefore(i); n {
		return end
	}
	sym := s.symText(num, end)
	if s.x.isSelf(sym) {
		return end
	}
	r := s.newRaw(rNumbered, i)
	r.sym = sym
	// a list separator before the number: the list's type and issuer
	if sep := i - 1; sep >= 0 && (s.punct(sep, ":") || s.punct(sep, ";") || s.punct(sep, ",") || s.is(sep, &pVa)) {
		var prev *raw
		if len(s.raws) > 0 {
			prev = s.raws[len(s.raws)-1]
		}
		lead := s.lead
		if lead != nil && (prev == nil || prev.e <= lead.s) && !s.sentenceEnd(lead.e, i) {
			r.typ, r.issuer, r.head, r.lead = lead.typ, lead.issuer, lead.head, lead
		} else if prev != nil && hasSo && !s.sentenceEnd(prev.e, i) && prev.typ != "" {
			r.typ, r.lead = prev.typ, prev.lead
			if prev.lead != nil {
				r.issuer, r.head = prev.lead.issuer, prev.lead.head
			}
		}
	}
	if r.typ == "" {
		if !hasSo && !s.knownCode(num, end) {
			return end
		}
		r.typ = resolveType(nil, sym)
	}
	r.e = s.trailers(r, end)
	s.add(r)
	return r.e
}

// notInstrumentBefore reports a word that makes "số N/…" a form, a marker
// or an account rather than an instrument ("Mẫu số 01/ĐK").
func (s *seg) notInstrumentBefore(i int) (int, bool) {
	for back := 1; back <= 3 && i-back >= 0; back++ {
		if p, n := notInstrSet.match(s.src, s.toks, i-back); n == back && p != nil {
			return back, true
		}
	}
	return 0, false
}

// maybeLead records "các Nghị quyết của Quốc hội:" as the head of a list.
func (s *seg) maybeLead(i int, ty *typeName, j int) {
	if i == 0 || ty.generic {
		return
	}
	if _, n := pluralSet.match(s.src, s.toks, i-1); n != 1 {
		return
	}
	l := &leadIn{typ: ty.name, s: i - 1}
	k := j
	if is, e := s.issuerAt(j); is != "" {
		l.issuer, k = is, e
	}
	l.e = k
	// the head runs to the colon that opens the list, when there is one
	for c := k; c < len(s.toks) && c < k+16; c++ {
		if s.punct(c, ":") {
			l.e = c + 1
			break
		}
		if s.punct(c, ";") || s.punct(c, ".") || s.is(c, &pSo) {
			break
		}
	}
	l.head = s.text(i-1, l.e)
	s.lead = l
}

// maybeAnaphor records "khoản 2, Điều 12 của Luật" (a pinpoint into an
// instrument named only by its type) as a mention of the last instrument
// of that type.
func (s *seg) maybeAnaphor(i int, ty *typeName, j int) {
	if ty.generic || s.is(j, &pNay) {
		return
	}
	c := s.chainBefore(i)
	if c == nil {
		return
	}
	prev := s.x.lastByType[ty.name]
	if prev == nil {
		return
	}
	r := s.newRaw(rAnaph, i)
	r.typ = ty.name
	r.anaph = true
	r.target = prev
	r.e = j
	s.add(r)
}

// maybeDesc records "Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ
// yếu …" (an instrument named by its type, issuer and subject, without a
// number) as a mention of the instrument of that type and issuer cited
// before whose title opens with the same words. It returns the end of the
// mention, or i.
func (s *seg) maybeDesc(i int, ty *typeName, j int) int {
	if ty.generic || !s.toks[i].cap || s.toks[i].upper {
		return i
	}
	if _, n := pluralSet.match(s.src, s.toks, i-1); n == 1 {
		return i // "các Nghị quyết của …": a class, not one instrument
	}
	is, k := s.issuerAt(j)
	if is == "" {
		return i
	}
	if _, n := titleSet.match(s.src, s.toks, k); n == 0 {
		return i
	}
	end := s.clauseEnd(k)
	desc := titleWords(s.text(k, end))
	if len(desc) < descMinWords {
		return i
	}
	var target *raw
	for _, o := range s.x.raws {
		if o.kind != rNumbered || o.typ != ty.name || o.title == "" || vntext.Key(o.issuer) != vntext.Key(is) {
			continue
		}
		if sharedPrefix(desc, titleWords(o.title)) < descMinWords {
			continue
		}
		if target != nil && symKey(target.sym) != symKey(o.sym) {
			return i // two instruments fit: no link
		}
		target = o
	}
	if target == nil {
		return i
	}
	r := s.newRaw(rAnaph, i)
	r.typ = ty.name
	r.desc = true
	r.target = target
	r.e = end
	s.add(r)
	return end
}

// clauseEnd is the end of the subject that starts at token k: the end of
// its clause, or the next instrument of a list.
func (s *seg) clauseEnd(k int) int {
	return s.subjectEnd(k, 80, func(e int, t *token) bool {
		return (t.f == "," || s.is(e, &pVa)) && s.listAt(e+1)
	})
}

// subjectEnd scans at most limit tokens from k to the end of a clause —
// ";", ":", a bracket, a sentence end, or a comma before a word that opens a
// new clause — or to where stop says the subject ends, and returns the end
// without trailing punctuation.
func (s *seg) subjectEnd(k, limit int, stop func(e int, t *token) bool) int {
	e := k
	for ; e < len(s.toks) && e-k < limit; e++ {
		t := &s.toks[e]
		if t.kind == kPunct {
			if strings.Contains(";:()", t.f) {
				break
			}
			if t.f == "." {
				if nx := s.tok(e + 1); nx == nil || nx.sp {
					break
				}
			}
			if t.f == "," {
				if _, n := commaStopSet.match(s.src, s.toks, e+1); n > 0 {
					break
				}
			}
		}
		if stop(e, t) {
			break
		}
	}
	for e > k && s.toks[e-1].kind == kPunct && s.toks[e-1].f != ")" {
		e--
	}
	return e
}

// titleWords are the folded words of a subject, punctuation left out.
func titleWords(t string) []string {
	return strings.FieldsFunc(vntext.Key(t), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
}

func sharedPrefix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func (s *seg) newRaw(kind byte, i int) *raw {
	return &raw{seg: s.idx, path: s.sg.Path, s: i, kind: kind}
}

// add finishes a mention: its spans, text and pinpoint.
func (s *seg) add(r *raw) {
	r.os = s.sg.Offset + s.toks[r.s].os
	r.oe = s.sg.Offset + s.toks[r.e-1].oe
	if r.os < s.x.portalEnd || s.x.inNote(r.os) {
		return // the portal's title line, its editors' notes
	}
	if s.x.seen[r.os] {
		return // text shared by two segments (a table row and its paragraph)
	}
	s.x.seen[r.os] = true
	r.text = s.text(r.s, r.e)
	if c := s.chainBefore(r.s); c != nil {
		c.used = true
		r.pinpoint = s.text(c.s, c.e)
	}
	s.raws = append(s.raws, r)
	s.x.raws = append(s.x.raws, r)
	if r.typ != "" {
		t := r
		if r.target != nil {
			t = r.target
		}
		s.x.lastByType[r.typ] = t
	}
}

// sentenceEnd reports a full stop between tokens i and j.
func (s *seg) sentenceEnd(i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		if s.punct(k, ".") {
			if nx := s.tok(k + 1); nx == nil || nx.sp {
				return true
			}
		}
	}
	return false
}

// resolveType gives a mention its type: the type word when there is one,
// else the code in its symbol; a symbol of issuer codes only
// ("100/UBND-KT") is an official letter, one with a year but no type code
// ("69/2022/QH15" outside a list) a document of unknown type.
func resolveType(ty *typeName, sym string) string {
	if ty != nil && !ty.generic {
		return ty.name
	}
	if t := vocab.TypeBySymbol(sym); t != nil {
		return t.Name
	}
	parts := strings.FieldsFunc(sym, func(r rune) bool { return r == '/' || r == '-' })
	for _, p := range parts[min(1, len(parts)):] {
		if len(p) == 4 && strings.Trim(p, "0123456789") == "" {
			return unknownType
		}
	}
	return letterType
}

// ---------------------------------------------------------------------------
// Titles

// titles gives every mention the subject that follows it ("về …", "quy
// định …") up to the end of its clause, and marks the mentions named inside
// another's subject.
func (s *seg) titles() {
	for idx, r := range s.raws {
		if r.kind != rNumbered && r.kind != rNick || r.alias != "" {
			// a law or code named with its number ("Bộ luật Tố tụng dân
			// sự số 92/2015/QH13") has its name for a subject: a "về …"
			// after it is the subject of the sentence or of the
			// instrument that names it
			continue
		}
		k := r.e
		if s.punct(k, ",") {
			if _, n := titleSet.match(s.src, s.toks, k+1); n > 0 && !s.clauseVerbAt(k+1) {
				k++
			}
		}
		if _, n := titleSet.match(s.src, s.toks, k); n == 0 {
			continue
		}
		next := map[int]bool{}
		for _, o := range s.raws[idx+1:] {
			next[o.s] = true
		}
		// the subject ends where the next mention of a list begins.
		e := s.subjectEnd(k, 160, func(e int, t *token) bool {
			if t.kind == kPunct && t.f == "," && (next[e+1] || s.lead != nil && next[e+2]) {
				return true
			}
			return (t.f == "," || s.is(e, &pVa)) && (next[e+1] || s.listAt(e+1))
		})
		for s.titleGoesOn(e, next) {
			f := s.subjectEnd(e+1, 160, func(int, *token) bool { return false })
			if f <= e+1 {
				break
			}
			e = f
		}
		if e > k {
			r.title = s.text(k, e)
			r.ts, r.te = k, e
		}
	}
	for _, r := range s.raws {
		if r.te == 0 {
			continue
		}
		for _, o := range s.raws {
			if o != r && o.s >= r.ts && o.s < r.te && o.inTitle == nil {
				o.inTitle = r
			}
		}
	}
}

// titleGoesOn reports a ";" at token e that, in a legal basis, goes on
// with the instrument's title: a basis names its instruments, each with
// its title, and closes with ";", so what follows a ";" in lower case and
// names no instrument is more of the title ("… quy định về thủ tục hải
// quan; kiểm tra, giám sát hải quan; thuế xuất khẩu …", "quy định về điều
// tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận …"). A next basis
// ("; căn cứ …", "; theo đề nghị …") or instrument ("; số 30/NQ-HĐND …",
// "; Nghị định số …") is no part of it. In other text a ";" after a title
// may as well open the sentence's next clause.
func (s *seg) titleGoesOn(e int, next map[int]bool) bool {
	if s.sg.Path != "bases" || !s.punct(e, ";") || next[e+1] {
		return false
	}
	t := s.tok(e + 1)
	if t == nil || t.kind != kWord || !t.lower {
		return false
	}
	switch t.f {
	case "can", "theo", "xet", "thuc", "so":
		return false // căn cứ, theo đề nghị, xét, thực hiện, số
	}
	return true
}

// clauseVerbAt reports a verb at token i that, after a comma, goes on
// with the sentence rather than open the subject of the instrument before
// it: "… Quyết định 1966/QĐ-TCHQ, giao Chi cục … phối hợp", "…, thông qua
// …", "…, quyết định: …".
func (s *seg) clauseVerbAt(i int) bool {
	_, n := titleSet.match(s.src, s.toks, i)
	if n == 0 {
		return false
	}
	switch vntext.Key(s.text(i, i+n)) {
	case "giao", "thong qua", "quyet dinh":
		return true
	}
	return false
}

// listAt reports another instrument (or a list of them) opening at token
// i: "các Nghị quyết …", "Thông tư hướng dẫn …" after a comma or "và".
func (s *seg) listAt(i int) bool {
	if _, n := pluralSet.match(s.src, s.toks, i); n > 0 {
		i += n
	}
	t := s.tok(i)
	return t != nil && s.tyLen(i) > 0 && t.cap
}

// ---------------------------------------------------------------------------
// Pinpoints and internal references

// unitAt returns the length of a pinpoint unit word at token i, 0 when
// there is none or it ends a compound ("điều tiết").
func (s *seg) unitAt(i int) int {
	_, n := unitSet.match(s.src, s.toks, i)
	if n > 0 && i > 0 {
		if _, m := compoundSet.match(s.src, s.toks, i-1); m == n+1 {
			// "các khoản thu" are amounts, "các khoản 1, 2 và 3 Điều 5"
			// clauses
			if _, pl := pluralSet.match(s.src, s.toks, i-1); pl == 0 || !s.numLabelAt(i+n) {
				return 0
			}
		}
	}
	return n
}

// numLabelAt reports a number label at token i ("khoản 1"), not an amount
// or a ratio.
func (s *seg) numLabelAt(i int) bool {
	t := s.tok(i)
	return t != nil && t.kind == kNum && s.labelAt(i)
}

// labelAt reports whether token i is a pinpoint label: 46, 12a, VI, c, này.
func (s *seg) labelAt(i int) bool {
	t := s.tok(i)
	if t == nil {
		return false
	}
	if nx := s.tok(i + 1); nx != nil && !nx.sp && nx.kind == kPunct && (nx.f == "%" || nx.f == "/") {
		return false // "100%", a date or a ratio
	}
	switch t.kind {
	case kNum:
		return len(t.f) <= 4
	case kWord:
		o := s.src[t.os:t.oe]
		if t.upper && strings.Trim(o, "IVXLC") == "" {
			return true
		}
		if t.lower && len(t.f) == 1 && (o == t.f || o == "đ") {
			return true
		}
		if s.is(i, &pNay) {
			return true
		}
		if t.f[0] >= '0' && t.f[0] <= '9' && len(t.f) <= 5 && t.lower {
			return true // 12a
		}
	}
	return false
}

// findChains finds every pinpoint of the segment.
func (s *seg) findChains() {
	for i := 0; i < len(s.toks); {
		n := s.unitAt(i)
		if n == 0 || !s.labelAt(i+n) {
			i++
			continue
		}
		c := chain{s: i}
		k := i
		for {
			n := s.unitAt(k)
			if n == 0 || !s.labelAt(k+n) {
				break
			}
			u := unit{kind: s.unitName(k, n)}
			k += n
			u.labels = append(u.labels, s.labelText(k))
			k += s.labelLen(k)
			// "Điều này" names one unit: a number after its "và" is a
			// count ("… tại Điều này và 01 xã không thực hiện …").
			for u.labels[0] != selfWord {
				if (s.punct(k, ",") || s.is(k, &pVa) || s.is(k, &pHoac)) && s.labelAt(k+1) && s.unitAt(k+1) == 0 && !s.is(k+1, &pNay) {
					u.labels = append(u.labels, s.labelText(k+1))
					k += 1 + s.labelLen(k+1)
					continue
				}
				break
			}
			c.units = append(c.units, u)
			c.e = k
			if (s.punct(k, ",") || s.is(k, &pVa) || s.is(k, &pHoac) || s.is(k, &pCua)) && s.unitAt(k+1) > 0 && s.labelAt(k+1+s.unitAt(k+1)) {
				k++ // "khoản 3, Điều 46", "điểm a và điểm c", "khoản 3 của Điều 46"
			}
		}
		// "Điều 1." opening a segment is the article itself
		if s.onlyPunctBefore(c.s) && (s.punct(c.e, ".") || s.punct(c.e, ":")) {
			i = c.e
			continue
		}
		s.chains = append(s.chains, c)
		i = c.e
	}
}

func (s *seg) onlyPunctBefore(i int) bool {
	for k := 0; k < i; k++ {
		if s.toks[k].kind != kPunct {
			return false
		}
	}
	return true
}

func (s *seg) unitName(k, n int) string {
	p, _ := unitSet.match(s.src, s.toks, k)
	if p == nil {
		return ""
	}
	return p.text
}

func (s *seg) labelText(i int) string {
	if s.is(i, &pNay) {
		return selfWord
	}
	return nfc(s.src[s.toks[i].os:s.toks[i+s.labelLen(i)-1].oe])
}

// labelLen is the length in tokens of the label at token i: 1, or more
// for a dotted sub-label printed without spaces ("điểm b.3", "a.1.1").
func (s *seg) labelLen(i int) int {
	n := 1
	for n < 7 {
		dot, nx := s.tok(i+n), s.tok(i+n+1)
		if dot == nil || nx == nil || dot.sp || nx.sp || dot.kind != kPunct || dot.f != "." {
			break
		}
		if !(nx.kind == kNum && len(nx.f) <= 3 || nx.kind == kWord && nx.lower && len(nx.f) == 1) {
			break
		}
		n += 2
	}
	return n
}

// chainBefore returns the pinpoint that ends right before token i, with
// only "," and "của" between.
func (s *seg) chainBefore(i int) *chain {
	for c := len(s.chains) - 1; c >= 0; c-- {
		ch := &s.chains[c]
		if ch.e > i {
			continue
		}
		k := ch.e
		for k < i {
			if s.punct(k, ",") {
				k++
				continue
			}
			if _, n := gapSet.match(s.src, s.toks, k); n > 0 {
				k += n
				continue
			}
			if _, n := attachSet.match(s.src, s.toks, k); n > 0 {
				k += n // "Điều 5 Quy định ban hành kèm theo Quyết định số …"
				continue
			}
			break
		}
		if k == i {
			return ch
		}
		return nil
	}
	return nil
}

// internalRefs turns the pinpoints that point into the document itself
// ("khoản 2 Điều 5 của Nghị định này", "Điều này", "Như Điều 3") into
// links to the paths they name.
func (s *seg) internalRefs() {
	for ci := range s.chains {
		c := &s.chains[ci]
		if c.used {
			continue
		}
		k := c.e
		for k < len(s.toks) && (s.punct(k, ",") || gapSet.byFirst[s.toks[k].f] != nil && s.gapAt(k) > 0) {
			k += max(1, s.gapAt(k))
		}
		if n := (s.tyLen(k)); n > 0 {
			j := k + n
			switch {
			case s.is(j, &pNay):
			case s.selfNumberAt(j):
			default:
				continue // an instrument named by its type only
			}
		} else if s.symbolAt(k) > 0 || s.is(k, &pSo) {
			if !s.selfNumberAt(k) {
				continue
			}
		}
		s.x.addInternal(s, c)
	}
}

// selfNumberAt reports the document's own number at token k ("số
// 79/QĐ-UBND").
func (s *seg) selfNumberAt(k int) bool {
	if s.is(k, &pSo) {
		k++
	}
	e := s.symbolAt(k)
	return e > 0 && s.x.isSelf(s.symText(k, e))
}

func (s *seg) gapAt(k int) int {
	_, n := gapSet.match(s.src, s.toks, k)
	return n
}
