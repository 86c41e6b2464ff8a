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
	"strings"

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
	for _, s := range doc.Segments() {
		if s.Quoted || !taskPath(s.Path) || s.Node.Kind == parser.KindTable {
			continue
		}
		if skip != nil && skip(s.Offset) {
			continue
		}
		var inherited []string
		for n := s.Node; n != nil; n = n.Parent {
			if l, ok := heads[n]; ok {
				inherited = l
				break
			}
		}
		if s.Node.Kind == parser.KindItem || s.Node.Kind == parser.KindArticle {
			if l := headingLead(s.Text); len(l) > 0 {
				heads[s.Node] = l
				pos := doc.Position(s.Offset)
				out = append(out, Responsibility{Path: s.Path, Lead: l, Cooperate: []string{}, ReportTo: []string{},
					Line: pos.Line, Text: firstLine(s.Text), Offset: s.Offset})
				inherited = l
			}
		}
		for _, r := range Scan(s.Text, inherited) {
			pos := doc.Position(s.Offset + r.Start)
			out = append(out, Responsibility{Path: s.Path, Lead: r.Lead, Cooperate: r.Cooperate, ReportTo: r.ReportTo,
				Line: pos.Line, Text: r.Text, Offset: s.Offset + r.Start})
		}
	}
	return out
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
}

// Scan reads the responsibilities of one paragraph. inherited is the lead
// of the unit the paragraph belongs to (from its heading), used for
// clauses that name no actor of their own.
func Scan(text string, inherited []string) []Found {
	toks := tokenize(text)
	var out []Found
	for _, cl := range clauses(toks) {
		out = append(out, scanClause(text, toks, cl[0], cl[1], inherited)...)
	}
	return out
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

// headingLead returns the agencies a unit's heading consists of ("Sở Tài
// chính:", "Đề nghị Ủy ban nhân dân các huyện, thành phố", "Sở Thông tin và
// Truyền thông (Giao Phòng Bưu chính Viễn thông)"), or nil.
func headingLead(text string) []string {
	line := firstLine(text)
	toks := tokenize(line)
	i := skipLabel(toks, 0)
	if i < len(toks) && (seq(toks, i, "đề", "nghị") || toks[i].f == "giao" || seq(toks, i, "yêu", "cầu")) {
		if toks[i].f == "giao" {
			i++
		} else {
			i += 2
		}
	}
	if i >= len(toks) || headAt(toks, i) == 0 {
		return nil
	}
	end := len(toks)
	for end > i && (toks[end-1].w == ":" || toks[end-1].w == "." || toks[end-1].w == ";") {
		end--
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
	for j := i; j < end; j++ {
		if isMarker(toks, j) && !nounCompound(toks, j) {
			return nil // a sentence, not a name
		}
	}
	if end-i > 24 {
		return nil
	}
	return parseList(line, toks, i, end, false)
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
