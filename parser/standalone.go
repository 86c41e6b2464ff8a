package parser

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
	"github.com/vanban/vanban/parser/vocab"
)

// An appendix published as a file of its own (legal portals often do this
// for the long tables of a decision or a letter) starts with its heading,
// then the note that names the document it belongs to, then its content:
//
//	PHỤ LỤC I
//	DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ
//	(Ban hành kèm theo Công văn số 1027/CTK-CSCL ngày 25 tháng 6 năm 2025 của Cục Thống kê)
//	| Stt | Mã số | … |
//
// It has no header block, no body and no signature. The document's header
// is read from the note (type, number, date and issuer of the document the
// appendix belongs to) and the content is an appendix node, as an appendix
// after a decision's signature would be.

var (
	// the note "(Ban hành kèm theo", "Kèm theo" anywhere in a line (reAttachNote
	// at its start).
	reNoteStart = regexp.MustCompile(strings.TrimPrefix(reAttachNote.String(), "^"))
	// the document's number after its type, "số" optional: "số 1027/CTK-CSCL", "79/QĐ-UBND".
	reNoteNumber = regexp.MustCompile(`^(?i:số(?:\s+ký\s+hiệu)?\s*:?\s*)?(\d+\s*(?:[/-]\s*[0-9A-Za-zĐđ&]+\s*)+)`)
	reNoteOf     = regexp.MustCompile(`(?i)(?:^|\s)của\s+`)
	// a note in parentheses anywhere in a line, as an appendix of the
	// document carries it: "… ĐẾN NĂM 2025 (Kèm theo Kế hoạch số …)"
	reParenNote = regexp.MustCompile(`\(\s*[_*]*\s*(?i:ban hành kèm theo|kèm theo)\b`)
	// what may follow the issuer in a note: the subject of the document
	// ("… của UBND tỉnh về việc …") or its date when written last.
	reNoteIssuerEnd = regexp.MustCompile(`\s(?i:về|v/v|ban hành|quy định|hướng dẫn|phê duyệt|sửa đổi|bổ sung|ngày|năm)\s|[;(]|,\s+\p{Ll}`)
)

// markdownMarks are the characters of Markdown markup that may stand
// around a line that was not converted to plain text ("## **Phụ lục I**",
// "_(Kèm theo …)_").
const markdownMarks = "#*_ \t"

// unmark returns t without Markdown heading and emphasis marks around it.
func unmark(t string) string {
	return strings.Trim(t, markdownMarks)
}

// maxNoteDistance is how many paragraphs after the appendix heading (its
// title, on one or two lines) the note may stand.
const maxNoteDistance = 4

// standaloneAppendix recognises a document that is an appendix only: its
// first paragraph (after portal noise) is an appendix heading and a note
// "(Ban hành) kèm theo <type> …" follows within a few paragraphs, with
// nothing but the appendix title between them. It returns the index of the
// heading paragraph, the offset in the text where the note starts and the
// header read from the note.
func (b *builder) standaloneAppendix() (first, noteAt int, h Header, ok bool) {
	first = -1
	for i := 0; i < len(b.paras) && i < 4; i++ {
		t := unmark(b.d.Text[b.paras[i].start:b.paras[i].end])
		if appendixHeading(t) != nil {
			first = i
			break
		}
		if t != "" && !isNoise(b.d.Text[b.paras[i].start:b.paras[i].end]) {
			return 0, 0, Header{}, false
		}
	}
	if first < 0 {
		return 0, 0, Header{}, false
	}
	for i := first; i < len(b.paras) && i <= first+maxNoteDistance; i++ {
		p := b.paras[i]
		raw := b.d.Text[p.start:p.end]
		t := unmark(raw)
		at := 0
		if i == first {
			// the note run into the heading: "PHỤ LỤC I (Kèm theo …)"
			m := reNoteStart.FindStringIndex(t)
			if m == nil {
				continue
			}
			at = m[0]
		} else if !reAttachNote.MatchString(t) {
			// between the heading and the note only the title, in capitals
			// or as a short line ("Danh mục và mã số các đơn vị …")
			if len(t) > 400 || reArticle.MatchString(t) || reBasis.MatchString(t) || isPipeRow(t) {
				return 0, 0, Header{}, false
			}
			continue
		}
		hdr, found := noteHeader(t[at:])
		if !found {
			if i == first {
				continue // "… KÈM THEO" inside the title: look further
			}
			return 0, 0, Header{}, false
		}
		off := p.start + len(raw) - len(strings.TrimLeft(raw, markdownMarks)) + at
		hdr.Line = b.d.Position(off).Line
		return first, off, hdr, true
	}
	return 0, 0, Header{}, false
}

// appendixHeading is appendixAt(t) for a line that heads an appendix: in
// capitals ("PHỤ LỤC", "PHỤ BIỂU SỐ 02"), alone on its line ("Phụ lục",
// "Biểu số 01"), or numbered and followed by a title in capitals ("Phụ lục
// I DANH MỤC …") or by the note.
func appendixHeading(t string) []int {
	m := appendixAt(t)
	if m == nil {
		return nil
	}
	rest := strings.TrimSpace(t[m[1]:])
	if isCaps(t[:m[1]]) || rest == "" || m[2] >= 0 && capsWords(rest, 2) || reAttachNote.MatchString(rest) {
		return m
	}
	return nil
}

// noteHeader reads "(Ban hành kèm theo Công văn số 1027/CTK-CSCL ngày 25
// tháng 6 năm 2025 của Cục Thống kê)": the type, number, date and issuer of
// the document an appendix belongs to. It needs the note and a type name
// ("Quyết định", "Kế hoạch", …) or a number.
func noteHeader(note string) (Header, bool) {
	var h Header
	note = clean(unmark(note))
	m := reAttachNote.FindStringIndex(note)
	if m == nil {
		return h, false
	}
	rest := strings.TrimSpace(note[m[1]:])
	if t, n := vocab.TypePrefix(rest); t != nil {
		h.Type = t.Name
		rest = strings.TrimSpace(rest[n:])
	} else if w := firstWords(rest, 2); strings.EqualFold(w, "văn bản") {
		rest = strings.TrimSpace(rest[len(w):]) // "Kèm theo văn bản số 123/UBND-KT": a letter, told by its number
	}
	if nm := reNoteNumber.FindStringSubmatchIndex(rest); nm != nil {
		h.Number = strings.TrimRight(strings.Join(strings.Fields(rest[nm[2]:nm[3]]), ""), "-/")
		rest = rest[nm[1]:]
	}
	if h.Type == "" {
		h.Type = typeOfNumber(h.Number)
	}
	if h.Type == "" {
		return h, false
	}
	of := reNoteOf.FindStringIndex(rest)
	if dm := findDate(rest); dm != nil && (of == nil || dm[1] <= of[0]) {
		h.Date, _ = dateMatch(rest, dm)
		rest = rest[dm[1]:]
		of = reNoteOf.FindStringIndex(rest)
	}
	if of != nil {
		h.Issuer = noteIssuer(rest[of[1]:])
	}
	return h, true
}

// typeOfNumber is the type a number/symbol tells, as the header parser
// reads it when no type name is written: its type code ("79/QĐ-UBND"), or
// an official letter for a symbol of issuer codes only ("1027/CTK-CSCL").
func typeOfNumber(num string) string {
	if num == "" {
		return ""
	}
	if t := vocab.TypeBySymbol(num); t != nil {
		return t.Name
	}
	if i := strings.Index(num, "/"); i >= 0 && !strings.ContainsAny(num[i:], "0123456789") || strings.Count(num, "/") == 1 && strings.Contains(num, "-") {
		return "Công văn"
	}
	return ""
}

// noteIssuer is the issuer named after "của" in a note, as written ("Cục
// Thống kê", "UBND tỉnh Lạng Sơn"), up to the end of the note or the
// subject that follows it; a name in capitals is written the way the
// header writes issuers ("ỦY BAN NHÂN DÂN TỈNH" → "Ủy ban nhân dân tỉnh").
func noteIssuer(s string) string {
	if i := strings.IndexByte(s, ')'); i >= 0 {
		s = s[:i]
	}
	if m := reNoteIssuerEnd.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	}
	s = strings.TrimRight(strings.TrimSpace(s), ".,;:-–/ ")
	if s == "" || !startsUpper(s) {
		return ""
	}
	if isCaps(s) {
		return capsIssuer(s)
	}
	return s
}

// capsIssuer writes an issuer named in capitals with titleCase, keeping
// the abbreviations in it ("UBND TỈNH LẠNG SƠN" → "UBND tỉnh Lạng Sơn").
func capsIssuer(s string) string {
	words := strings.Fields(s)
	out := strings.Fields(titleCase(strings.Join(words, " ")))
	if len(out) != len(words) {
		return titleCase(s)
	}
	for i, w := range words {
		if isAbbreviation(w) {
			out[i] = w
		}
	}
	return strings.Join(out, " ")
}

// isAbbreviation: a word in capitals that is not a Vietnamese syllable
// (no vowel, or more consonants in a row than a syllable starts with):
// "UBND", "HĐND", "TW", "MTTQ".
func isAbbreviation(w string) bool {
	w = strings.Trim(w, ".,;:()")
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	vowels, run, maxRun := 0, 0, 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		if strings.ContainsRune("aeiouy", vntext.FoldRune(r)) {
			vowels++
			run = 0
			continue
		}
		run++
		maxRun = max(maxRun, run)
	}
	return vowels == 0 || maxRun >= 3 && !strings.HasPrefix(w, "NGH")
}

// openStandalone opens the appendix of a standalone appendix at its
// heading paragraph p; a note run into the heading line (from noteAt)
// is the appendix's first paragraph.
func (b *builder) openStandalone(p para, noteAt int) {
	s, e := trimSpan(b.d.Text, p.start, p.end)
	if noteAt > s && noteAt < e {
		e = noteAt
	}
	raw := b.d.Text[s:e]
	t := unmark(raw)
	m := appendixHeading(t)
	num := ""
	if m[2] >= 0 {
		num = t[m[2]:m[3]]
	}
	b.openText(KindAppendix, s, e, "PL"+num, num, clean(unmark(t[m[1]:])))
	if noteAt > s && noteAt < p.end {
		b.para(noteAt, p.end)
	}
}

// headerFromNote fills the header of a document whose header block was
// lost (a PDF converted without it) from the first note in parentheses of
// its appendices, "(Kèm theo Kế hoạch số …/KH-STTTT ngày … của Sở Thông
// tin và Truyền thông tỉnh Đắk Nông)": such a note names the document the
// appendix belongs to, this one. Only what the note gives completely is
// taken (a number or a date left blank for the signature is not).
func (b *builder) headerFromNote() {
	d := b.d
	for _, p := range b.paras {
		t := d.Text[p.start:p.end]
		m := reParenNote.FindStringIndex(t)
		if m == nil {
			continue
		}
		note := t[m[0]:]
		if end := strings.IndexByte(note, ')'); end > 0 {
			note = note[:end+1]
		}
		h, ok := noteHeader(note)
		if !ok {
			continue
		}
		signer := d.Header.Signer
		d.Header = h
		d.Header.Signer = signer
		d.Header.Line = d.Position(p.start + m[0]).Line
		return
	}
}
