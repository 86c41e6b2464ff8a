// Package cite finds the instruments a document cites: every mention of a
// law, decree, decision, circular, resolution, letter … with its number,
// date, issuer, subject and the article/clause it points at, grouped by one
// normalized key per instrument. It also returns the document's references
// to its own articles and clauses (InternalReferences).
//
// The grammar works on tokens (token.go) and reads its vocabulary from
// vocab.go; the rules are in scan.go.
package cite

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// Mention is one place an instrument is named.
type Mention struct {
	Path     string  `json:"path"`
	Text     string  `json:"text"`
	Pinpoint *string `json:"pinpoint"`
	Line     int     `json:"line"`
	Col      int     `json:"col"`
	// Offset and End are the byte span of Text in the document.
	Offset int `json:"offset"`
	End    int `json:"end"`
	// InTitleOf is the key of the instrument in whose subject this one is
	// named ("… sửa đổi, bổ sung một số điều của Thông tư số 58/2016/TT-BTC").
	InTitleOf string `json:"in_title_of,omitempty"`
	// ContextHead is the lead-in that gave type and issuer to a list item
	// ("các Nghị quyết của Quốc hội:").
	ContextHead string `json:"context_head,omitempty"`
	// Anaphoric marks a back-reference by type only ("khoản 2, Điều 12 của
	// Luật"), resolved to the last instrument of that type named before.
	Anaphoric bool `json:"anaphoric,omitempty"`
	// ByDescription marks an unnumbered mention by type, issuer and
	// subject ("Nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu
	// …"), resolved to the instrument cited before with that title.
	ByDescription bool `json:"by_description,omitempty"`
}

// Citation is one distinct cited instrument with every mention of it.
type Citation struct {
	Key      string    `json:"key"`
	Type     string    `json:"type"`
	Number   *string   `json:"number"`
	Date     *string   `json:"date"`
	Issuer   *string   `json:"issuer"`
	Title    *string   `json:"title"`
	Mentions []Mention `json:"mentions"`
}

// InternalRef is a reference of the document to its own units: "khoản 2
// Điều 5 của Nghị định này", "quy định tại Điều 6", "Như Điều 3".
type InternalRef struct {
	Path string `json:"path"`
	Text string `json:"text"`
	// Targets are the paths the reference points at ("5/2"); empty for
	// chapters and sections, which are not path segments.
	Targets []string `json:"targets"`
	// Resolved is true when every target is a unit of the document.
	Resolved bool `json:"resolved"`
	Line     int  `json:"line"`
	Col      int  `json:"col"`
	Offset   int  `json:"offset"`
	End      int  `json:"end"`
}

// Result is everything the extractor finds.
type Result struct {
	Citations []Citation    `json:"citations"`
	Internal  []InternalRef `json:"internal_references"`
}

// Extract returns the instruments doc cites, in order of first mention.
func Extract(doc *parser.Document) []Citation {
	return ExtractAll(doc).Citations
}

// InternalReferences returns doc's references to its own units.
func InternalReferences(doc *parser.Document) []InternalRef {
	return ExtractAll(doc).Internal
}

// ExtractAll returns the citations and the internal references of doc.
func ExtractAll(doc *parser.Document) Result {
	x := &extractor{doc: doc, lastByType: map[string]*raw{}, seen: map[int]bool{}}
	x.selfKey = symKey(doc.Header.Number)
	if t := doc.Header.Title; t != "" {
		x.selfNames = []string{vntext.Key(t), vntext.Key(doc.Header.Type + " " + t)}
	}
	x.portalEnd = portalTitleEnd(doc)
	if skipEditorNotes {
		x.notes = editorNotes(doc.Text)
	}
	x.run()
	return Result{Citations: x.citations(), Internal: x.internal}
}

// portalTitleEnd is the end of the title line a legal portal puts above
// the document ("Công văn 2739/VPCP-ĐMDN năm 2019 quy định về quản trị
// doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi do Văn phòng Chính
// phủ ban hành", "Luật Quản lý, sử dụng tài sản công 2017"), 0 when there
// is none. Like the seed's "Hệ thống pháp luật" it is not the document's
// text: what it names is not cited. It is the first line, above the
// header, opening with the document's own type and holding its own number
// or year.
func portalTitleEnd(doc *parser.Document) int {
	h := doc.Header
	if h.Type == "" || h.Line <= 1 {
		return 0
	}
	end := strings.IndexByte(doc.Text, '\n')
	if end < 0 {
		return 0
	}
	line := vntext.Key(doc.Text[:end])
	if !strings.HasPrefix(line, vntext.Key(h.Type)+" ") && !strings.HasPrefix(line, vntext.Key(genericTypeWord)+" ") {
		return 0
	}
	words := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '/' || r == '-' })
	num, _, _ := strings.Cut(h.Number, "/")
	num, _, _ = strings.Cut(num, "-")
	for _, w := range words {
		if num != "" && w == num || len(h.Date) >= 4 && w == h.Date[:4] {
			return end
		}
	}
	return 0
}

// skipPaths are the parts of a document that cite nothing: the signature.
// The header is read (a consolidated text lists its sources there); its
// own number there is a self-reference like any other.
var skipPaths = map[string]bool{"signature": true}

type extractor struct {
	doc        *parser.Document
	selfKey    string
	selfNames  []string // the document's own name: a law citing itself by name
	paths      map[string]bool
	raws       []*raw
	internal   []InternalRef
	lastByType map[string]*raw
	seen       map[int]bool // mention starts already recorded
	tz         tokenizer
	portalEnd  int      // the portal's title line above the document (portalTitleEnd)
	notes      [][2]int // the portal editors' notes (editorNotes), in order
}

// inNote reports whether byte offset o of the document lies in an
// editors' note.
func (x *extractor) inNote(o int) bool {
	k := sort.Search(len(x.notes), func(i int) bool { return x.notes[i][1] > o })
	return k < len(x.notes) && x.notes[k][0] <= o
}

// editorNotes are the spans of the notes a legal portal adds in brackets
// ("[Điều này được hướng dẫn bởi Điều 2 Nghị định 53/2011/NĐ-CP có hiệu
// lực thi hành từ ngày 01 tháng 01 năm 2012]"): like the portal's title
// line they are not the document's text, and what they name (often
// instruments issued after the document) is not cited by it.
func editorNotes(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		o := strings.IndexByte(text[i:], '[')
		if o < 0 {
			break
		}
		o += i
		c := strings.IndexByte(text[o+1:min(len(text), o+1+maxNoteLen)], ']')
		if c < 0 {
			i = o + 1
			continue
		}
		end := o + 1 + c + 1
		note := text[o:end]
		if strings.IndexByte(note[1:], '[') < 0 && isEditorNote(note) {
			out = append(out, [2]int{o, end})
			i = end
			continue
		}
		i = o + 1
	}
	return out
}

func isEditorNote(note string) bool {
	k := vntext.Key(note)
	for _, m := range editorNoteMarkers {
		if strings.Contains(k, m) {
			return true
		}
	}
	return false
}

func (x *extractor) run() {
	segs := x.doc.Segments()
	// in the order of the text: a line the tree placed elsewhere ("" path)
	// comes right after the paragraph it continues
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].Offset < segs[j].Offset })
	for i := 0; i < len(segs); i++ {
		sg := segs[i]
		if skipPaths[sg.Path] {
			continue
		}
		idx := i
		for i+1 < len(segs) {
			x.orphans(&sg, segs[i+1].Offset)
			if !x.wrapped(sg, segs[i+1]) {
				break
			}
			next := segs[i+1]
			sg.Text = x.doc.Text[sg.Offset : next.Offset+len(next.Text)]
			i++
		}
		s := &seg{x: x, idx: idx, sg: sg, src: sg.Text}
		s.toks = x.tz.run(sg.Text)
		s.scan()
	}
}

// wrapped reports a paragraph b that is the rest of a's sentence, cut by a
// line break before a capitalised word ("… ngày 16/6/2022 của\nUBND tỉnh
// Lạng Sơn …", "Luật Tổ chức\nChính phủ"): same unit, one line break
// between, a ending without a sentence mark, neither a table row nor a
// bullet.
func (x *extractor) wrapped(a, b parser.Segment) bool {
	if a.Path != b.Path && b.Path != "" || a.Quoted != b.Quoted || a.Node == nil || b.Node == nil ||
		a.Node.Kind == parser.KindTable || b.Node.Kind == parser.KindTable {
		return false
	}
	end := a.Offset + len(a.Text)
	if b.Offset <= end || b.Offset-end > 8 || b.Offset+len(b.Text) > len(x.doc.Text) ||
		x.doc.Text[a.Offset:end] != a.Text {
		return false
	}
	if gap := x.doc.Text[end:b.Offset]; strings.Count(gap, "\n") != 1 || strings.TrimSpace(gap) != "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(a.Text, isSpace))
	first, _ := utf8.DecodeRuneInString(b.Text)
	if strings.ContainsRune(wrapEnds, last) || strings.ContainsRune(wrapStarts, first) {
		return false
	}
	return isUpper(first)
}

// orphans extends a paragraph cut mid-sentence over the lines after it
// that no unit holds, up to next ("… Quyết định số 1513/QĐ-" and the
// line "TTg ngày 03/12/2022 của Thủ tướng Chính phủ …" that the tree left
// out): at most maxOrphanLines lines, no blank line, no table row.
func (x *extractor) orphans(a *parser.Segment, next int) {
	end := a.Offset + len(a.Text)
	if next <= end || next > len(x.doc.Text) || x.doc.Text[a.Offset:end] != a.Text {
		return
	}
	gap := strings.TrimRightFunc(x.doc.Text[end:next], isSpace)
	body := strings.TrimSpace(gap)
	if body == "" || strings.Contains(gap, "\n\n") || strings.Count(gap, "\n") > maxOrphanLines || !strings.HasPrefix(gap, "\n") {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(a.Text, isSpace))
	first, _ := utf8.DecodeRuneInString(body)
	if strings.ContainsRune(wrapEnds, last) || strings.ContainsRune(wrapStarts, first) || !isAlnum(first) {
		return
	}
	a.Text = x.doc.Text[a.Offset : end+strings.Index(gap, body)+len(body)]
}

// symKey is the matching form of a number/symbol: no white space, folded.
func symKey(sym string) string {
	if sym == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range vntext.Fold(vntext.Dashes(sym)) {
		if isSpace(r) || isIgnorable(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (x *extractor) isSelf(sym string) bool {
	return x.selfKey != "" && bareKey(symKey(sym)) == bareKey(x.selfKey)
}

// bareKey drops the separators of a symbol key: the document's own number
// is recognised however a converter printed it ("3467-QD-BYT").
func bareKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, k)
}

// isSelfName reports a law named by the document's own title ("Quốc hội
// ban hành Luật Thuế sử dụng đất phi nông nghiệp" in that law).
func (x *extractor) isSelfName(name string) bool {
	k := vntext.Key(name)
	for _, n := range x.selfNames {
		if n == k {
			return true
		}
	}
	return false
}

// citations groups the mentions by instrument and assigns the keys.
func (x *extractor) citations() []Citation {
	group := map[*raw]string{}
	display := map[string]string{}
	alias := map[string]string{}   // folded law name → numbered group
	years := map[string][]string{} // folded law name → years seen
	for _, r := range x.raws {
		switch r.kind {
		case rNumbered:
			g := "n:" + symKey(r.sym)
			group[r] = g
			if _, ok := display[g]; !ok {
				display[g] = r.sym
			}
			if r.alias != "" {
				if _, ok := alias[vntext.Key(r.alias)]; !ok {
					alias[vntext.Key(r.alias)] = g
				}
			}
		case rNamed:
			nk := vntext.Key(r.typ + " " + r.name)
			if r.year != "" && !contains(years[nk], r.year) {
				years[nk] = append(years[nk], r.year)
			}
		}
	}
	latest := map[string]string{} // the alias last given a number, in text order
	for _, r := range x.raws {
		switch r.kind {
		case rNumbered:
			if r.alias != "" {
				latest[vntext.Key(r.alias)] = group[r]
			}
		case rNamed:
			base := r.typ
			if r.name != "" {
				base += " " + r.name
			}
			nk := vntext.Key(base)
			// a law also cited with its number: the same instrument when
			// no year says otherwise ("Bộ luật Tố tụng dân sự năm 2015" is
			// 92/2015/QH13)
			if g, ok := latest[nk]; ok && yearFits(display[g], r.year) {
				group[r] = g
				continue
			}
			if g, ok := alias[nk]; ok && yearFits(display[g], r.year) {
				group[r] = g
				continue
			}
			y := r.year
			if y == "" && len(years[nk]) == 1 {
				y = years[nk][0]
			}
			g := "l:" + nk + "|" + y
			group[r] = g
			if _, ok := display[g]; !ok || r.year != "" && !strings.HasSuffix(display[g], y) {
				d := base
				if y != "" {
					d += " năm " + y
				}
				display[g] = d
			}
		case rNick:
			g := "k:" + vntext.Key(r.typ+" "+r.nick)
			// a short form of a numbered instrument of the same type
			var match string
			for _, o := range x.raws {
				if o.kind == rNumbered && o.typ == r.typ && (strings.HasPrefix(o.sym, r.nick+"/") || strings.HasPrefix(o.sym, r.nick+"-")) {
					if match != "" && match != group[o] {
						match = ""
						break
					}
					match = group[o]
				}
			}
			if match != "" {
				g = match
			}
			group[r] = g
			if _, ok := display[g]; !ok {
				display[g] = r.typ + " " + r.nick
			}
		}
	}
	for _, r := range x.raws {
		if r.kind == rAnaph {
			group[r] = group[r.target]
		}
	}
	var order []string
	byGroup := map[string]*Citation{}
	for _, r := range x.raws {
		g := group[r]
		if g == "" {
			continue
		}
		c := byGroup[g]
		if c == nil {
			c = &Citation{Key: display[g], Mentions: []Mention{}}
			byGroup[g] = c
			order = append(order, g)
		}
		if r.kind != rAnaph {
			if c.Type == "" || c.Type == unknownType || c.Type == letterType && r.typ != unknownType {
				if r.typ != "" {
					c.Type = r.typ
				}
			}
			if r.alias != "" {
				c.Type = r.typ
			}
			if c.Number == nil && (r.sym != "" || r.nick != "") {
				n := r.sym
				if n == "" {
					n = r.nick
				}
				c.Number = &n
			}
			setOnce(&c.Date, r.date)
			setOnce(&c.Issuer, r.issuer)
			setOnce(&c.Title, r.title)
			// the running text's case over a capitalised heading's ("CỦA BỘ
			// CHÍNH TRỊ" in the title of a plan)
			if c.Issuer != nil && r.issuer != "" && isAllUpper(*c.Issuer) && !isAllUpper(r.issuer) {
				c.Issuer = &r.issuer
			}
			if c.Title != nil && r.title != "" && isAllUpper(*c.Title) && !isAllUpper(r.title) {
				c.Title = &r.title
			}
		}
		pos := x.doc.Position(r.os)
		m := Mention{Path: r.path, Text: r.text, Line: pos.Line, Col: pos.Col, Offset: r.os, End: r.oe,
			ContextHead: r.head, Anaphoric: r.anaph, ByDescription: r.desc}
		if r.pinpoint != "" {
			p := r.pinpoint
			m.Pinpoint = &p
		}
		if r.inTitle != nil {
			m.InTitleOf = display[group[r.inTitle]]
		}
		c.Mentions = append(c.Mentions, m)
	}
	out := make([]Citation, 0, len(order))
	for _, g := range order {
		out = append(out, *byGroup[g])
	}
	return out
}

// yearFits reports whether a law cited with year y can be the numbered
// instrument sym (whose symbol holds its year: "92/2015/QH13").
func yearFits(sym, y string) bool {
	return y == "" || strings.Contains(sym, "/"+y+"/")
}

func isAllUpper(s string) bool {
	return s == strings.ToUpper(s) && s != strings.ToLower(s)
}

func setOnce(p **string, v string) {
	if *p == nil && v != "" {
		*p = &v
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Internal references

func (x *extractor) pathSet() map[string]bool {
	if x.paths == nil {
		x.paths = map[string]bool{}
		parser.Walk(x.doc.Root, func(n *parser.Node) bool {
			if n.Path != "" {
				x.paths[n.Path] = true
			}
			return true
		})
	}
	return x.paths
}

// addInternal records the pinpoint c of segment s as a reference to the
// document's own units.
func (x *extractor) addInternal(s *seg, c *chain) {
	paths := x.pathSet()
	var arts, clauses, points, annexes []string
	for _, u := range c.units {
		switch u.kind {
		case "điều":
			arts = append(arts, u.labels...)
		case "khoản":
			clauses = append(clauses, u.labels...)
		case "điểm":
			points = append(points, u.labels...)
		case "phụ lục":
			annexes = append(annexes, u.labels...)
		}
	}
	here := s.sg.Node
	article := ""
	for n := here; n != nil; n = n.Parent {
		if n.Kind == parser.KindArticle {
			article = n.Path
			break
		}
	}
	prefix := ""
	if p := s.sg.Path; strings.HasPrefix(p, "PL") {
		prefix, _, _ = strings.Cut(p, "/")
	}
	var bases []string
	for _, a := range arts {
		if a == selfWord {
			if article != "" {
				bases = append(bases, article)
			}
			continue
		}
		cand := a
		if prefix != "" && paths[prefix+"/"+a] {
			cand = prefix + "/" + a
		}
		bases = append(bases, cand)
	}
	if len(arts) == 0 && (len(clauses) > 0 || len(points) > 0) && article != "" {
		bases = append(bases, article)
	}
	var targets []string
	for _, b := range bases {
		cl := clauses
		if len(cl) == 0 {
			cl = []string{""}
		}
		for _, k := range cl {
			t := b
			if k == selfWord {
				t = s.sg.Path
			} else if k != "" {
				t += "/" + k
			}
			if len(points) == 0 {
				targets = append(targets, t)
				continue
			}
			for _, p := range points {
				if p != selfWord {
					targets = append(targets, t+"/"+p)
				}
			}
		}
	}
	for _, a := range annexes {
		targets = append(targets, "PL"+a)
	}
	resolved := len(targets) > 0
	for _, t := range targets {
		if !paths[t] {
			resolved = false
		}
	}
	os := s.sg.Offset + s.toks[c.s].os
	pos := x.doc.Position(os)
	if targets == nil {
		targets = []string{}
	}
	if os < x.portalEnd || x.inNote(os) {
		return
	}
	x.internal = append(x.internal, InternalRef{Path: s.sg.Path, Text: s.text(c.s, c.e), Targets: targets,
		Resolved: resolved, Line: pos.Line, Col: pos.Col, Offset: os, End: s.sg.Offset + s.toks[c.e-1].oe})
}

// foldAll folds every word of l for a comparison with vntext.Key.
func foldAll(l []string) []string {
	out := make([]string, len(l))
	for i, w := range l {
		out[i] = vntext.Key(w)
	}
	return out
}
