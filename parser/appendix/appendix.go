// Package appendix reads the tables of appendices: indicator tables and task
// tables.
//
// Tables come as Markdown pipe rows (KindTable nodes; HTML tables are
// converted to pipe rows by the corpus package, merged cells repeated), as
// raw HTML <table> markup left in a text file, or flattened one cell per
// line (a portal's plain-text copy of a Word table). Columns are recognized
// by their headers: an indicator table has "Chỉ tiêu" and a target column
// ("Mục tiêu", "Kế hoạch"); a task table has a content column ("Nội dung",
// "Nhiệm vụ") and "Cơ quan chủ trì" and/or a time column ("Thời gian hoàn
// thành", "Thời hạn", "Tiến độ"). A row whose agency cells are empty takes
// those of the nearest row above that has them, as a person reads merged
// cells.
package appendix

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/deadline"
	"github.com/vanban/vanban/parser/vntext"
)

// Row is one row of an indicator table.
type Row struct {
	STT       *string  `json:"stt"`
	Indicator string   `json:"indicator"`
	Unit      *string  `json:"unit"`
	Target    *string  `json:"target"`
	Parent    *string  `json:"parent"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
	// LeadSource is "explicit" when the row has its own agency cells,
	// "inherited" when it takes those of a row above.
	LeadSource string `json:"lead_source,omitempty"`
	Line       int    `json:"line"`
}

// Appendix is one appendix table.
type Appendix struct {
	Title   string   `json:"title"`
	Columns []string `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Task is one row of a task table: a task with its responsibilities and
// deadlines.
type Task struct {
	Path      string              `json:"path"`
	Label     string              `json:"label"`
	Heading   string              `json:"heading"`
	Content   string              `json:"content"`
	Lead      []string            `json:"lead"`
	Cooperate []string            `json:"cooperate"`
	Deadlines []deadline.Deadline `json:"deadlines"`
	Line      int                 `json:"line"`
	Offset    int                 `json:"-"`
}

// Result is everything read from a document's tables.
type Result struct {
	Indicators []Appendix
	Tasks      []Task
	// Spans are the parts of the text read as tables: prose extractors
	// skip them.
	Spans []parser.Span
}

// Covers reports whether offset off lies in a table r read.
func (r *Result) Covers(off int) bool {
	for _, s := range r.Spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// Extract returns the indicator tables of doc.
func Extract(doc *parser.Document) []Appendix { return Read(doc).Indicators }

// column roles
const (
	colNone = iota
	colSTT
	colIndicator
	colUnit
	colTarget
	colLead
	colCoop
	colContent
	colDeadline
	colOther
)

// columnRole recognizes a header cell. Converters sometimes glue words
// ("Đơn vịchủ trì"), so headers are compared without spaces.
func columnRole(h string) int {
	k := strings.ReplaceAll(vntext.Key(strings.ReplaceAll(h, "*", "")), " ", "")
	switch {
	case k == "":
		return colNone
	case k == "stt" || k == "tt" || k == "sott" || k == "so":
		return colSTT
	case strings.Contains(k, "chutri"):
		return colLead
	case strings.Contains(k, "phoihop"):
		return colCoop
	case strings.Contains(k, "thoigian") || strings.Contains(k, "thoihan") || strings.Contains(k, "tiendo") ||
		strings.HasPrefix(k, "hoanthanh") || k == "moc" || strings.Contains(k, "thoidiem"):
		return colDeadline
	case (strings.HasPrefix(k, "coquan") || strings.HasPrefix(k, "donvi") || strings.HasPrefix(k, "trachnhiem") ||
		strings.HasPrefix(k, "bophan") || strings.HasPrefix(k, "capthuchien")) &&
		(strings.Contains(k, "thuchien") || strings.Contains(k, "trachnhiem") || strings.Contains(k, "daumoi") || strings.Contains(k, "thammuu")):
		// "Cơ quan thực hiện", "Đơn vị thực hiện", "Trách nhiệm thực hiện",
		// "Cơ quan, đơn vị chịu trách nhiệm": its cells say who leads (and
		// may say who cooperates)
		return colLead
	case k == "chitieu" || strings.HasPrefix(k, "tenchitieu") || strings.HasPrefix(k, "cacchitieu") || k == "noidungchitieu":
		return colIndicator
	case k == "donvi" || k == "donvitinh" || k == "dvt":
		return colUnit
	case strings.HasPrefix(k, "muctieu") || strings.HasPrefix(k, "kehoach") || strings.HasPrefix(k, "chitieunam") ||
		strings.HasPrefix(k, "chitieu20") || strings.HasPrefix(k, "nam20") || strings.HasPrefix(k, "giatri"):
		return colTarget
	case strings.HasPrefix(k, "chitieu"):
		return colIndicator // "Chỉ tiêu sử dụng đất"
	case strings.HasPrefix(k, "tongdientich") || k == "dientich" || strings.HasPrefix(k, "dientich(") ||
		k == "tongso" || k == "tong" || k == "tongcong":
		return colTarget // the plan's figure: "Tổng diện tích" of a land-use plan
	case strings.HasPrefix(k, "noidung") || strings.HasPrefix(k, "nhiemvu") || strings.HasPrefix(k, "tennhiemvu") ||
		strings.HasPrefix(k, "congviec") || strings.HasPrefix(k, "tende") || strings.HasPrefix(k, "hoatdong") ||
		strings.HasPrefix(k, "giaiphap") || strings.HasPrefix(k, "tennoidung"):
		return colContent
	case strings.HasPrefix(k, "sanpham") || strings.HasPrefix(k, "ketqua") || strings.HasPrefix(k, "ghichu") ||
		strings.HasPrefix(k, "quymo") || strings.HasPrefix(k, "kinhphi") || strings.HasPrefix(k, "nguonvon") ||
		strings.HasPrefix(k, "hinhthuc") || strings.HasPrefix(k, "capthamquyen") || strings.HasPrefix(k, "coquantrinh"):
		return colOther
	}
	return colNone
}

// layout is a recognized header.
type layout struct {
	cols    []string
	roles   []int
	indic   bool // an indicator table (else a task table)
	content int  // index of the content / indicator column
}

func (l *layout) col(role int) int {
	for i, r := range l.roles {
		if r == role {
			return i
		}
	}
	return -1
}

// header recognizes a table header from its cells, or returns nil.
func header(cells []string) *layout {
	l := &layout{cols: cells, roles: make([]int, len(cells))}
	seen := map[int]bool{}
	known := 0
	for i, c := range cells {
		r := columnRole(c)
		if r == colUnit && !seen[colIndicator] {
			r = colNone
		}
		if r != colNone && r != colOther && seen[r] {
			r = colOther
		}
		l.roles[i] = r
		seen[r] = true
		if r != colNone {
			known++
		}
	}
	switch {
	case seen[colIndicator] && (seen[colTarget] || seen[colLead]):
		l.indic, l.content = true, l.col(colIndicator)
	case seen[colContent] && (seen[colLead] || seen[colDeadline]):
		l.content = l.col(colContent)
	default:
		return nil
	}
	if known < 3 {
		return nil
	}
	return l
}

// Read reads every table of doc.
func Read(doc *parser.Document) Result {
	var res Result
	ctx := deadline.ContextOf(doc)
	var prev *layout
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		switch n.Kind {
		case parser.KindTable:
			if n.Table == nil {
				return false
			}
			var rows []cellRow
			for _, r := range n.Table.Rows {
				rows = append(rows, cellRow{cells: r.Cells, line: r.Line, off: r.Span.Start})
			}
			prev = readGrid(doc, &res, ctx, doc.OwnerPath(n), titleBefore(doc, n), rows, prev)
			res.Spans = append(res.Spans, n.Span)
			return false
		case parser.KindAppendix:
			readFlat(doc, &res, ctx, n)
		}
		return true
	})
	readHTML(doc, &res, ctx)
	if res.Indicators == nil {
		res.Indicators = []Appendix{}
	}
	return res
}

// cellRow is one table row, however the table was written.
type cellRow struct {
	cells []string
	line  int
	off   int
}

// readGrid reads a table given row by row. A table without a header of its
// own continues the previous one when it has the same number of columns
// (a table split over pages).
func readGrid(doc *parser.Document, res *Result, ctx deadline.Context, owner, title string, rows []cellRow, prev *layout) *layout {
	var l *layout
	start := 0
	for i, r := range rows {
		if i > 3 {
			break
		}
		if h := header(cleanCells(r.cells)); h != nil {
			l, start = h, i+1
			break
		}
	}
	if l == nil {
		if prev == nil || len(rows) == 0 || len(rows[0].cells) != len(prev.cols) {
			return prev
		}
		l = prev
		if isColNumbering(rows[0].cells) || placeholderHeader(rows[0].cells) {
			start = 1
		}
	}
	for n := 0; n < 2 && start < len(rows); n++ {
		switch {
		case isColNumbering(rows[start].cells):
			start++ // "(1) | (2) | (3)" under the header
		case l.indic && subHeader(rows[start].cells, l):
			start++ // "Thị trấn Châu Thành | Xã Trí Bình | …": the second header line
		}
	}
	if l.indic {
		a := indicatorRows(doc, l, title, rows[start:])
		if l == prev && len(res.Indicators) > 0 {
			last := &res.Indicators[len(res.Indicators)-1]
			last.Rows = append(last.Rows, a.Rows...)
		} else {
			res.Indicators = append(res.Indicators, a)
		}
	} else {
		res.Tasks = append(res.Tasks, taskRows(doc, ctx, l, owner, rows[start:])...)
	}
	return l
}

func cleanCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = cleanCell(c)
	}
	return out
}

var (
	reTags       = regexp.MustCompile(`(?i)<br\s*/?>|</?[a-z][^>]*>`)
	reBold       = regexp.MustCompile(`\*\*|__`)
	reRoman      = regexp.MustCompile(`^(?:[IVXLC]+)$`)
	reNumber     = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3})*\.?$`)
	reValue      = regexp.MustCompile(`^[≥≤<>~]?\s*=?\s*\d[\d.,]*\s*(?:[-–]\s*\d[\d.,]*)?\s*%?$`)
	reColNums    = regexp.MustCompile(`^\(?\d{1,2}\)?$|^[A-Z]$`)
	reColFormula = regexp.MustCompile(`^\(\d{1,2}\)\s*=\s*\(\d{1,2}\)[\s()+\-.\d…]*$`)
)

func cleanCell(c string) string {
	c = reTags.ReplaceAllString(c, " ")
	c = reBold.ReplaceAllString(c, "")
	c = strings.ReplaceAll(c, "\u00a0", " ")
	return vntext.CleanSpace(strings.TrimSpace(c))
}

// isColNumbering reports a row that only numbers the columns ("(1) | (2)",
// "(4) = (5)+..." among them).
func isColNumbering(cells []string) bool {
	n, other := 0, 0
	for _, c := range cells {
		c = cleanCell(c)
		if c == "" {
			continue
		}
		if reColNums.MatchString(c) {
			n++
		} else if reColFormula.MatchString(c) {
			n++
		} else {
			other++
		}
	}
	return n >= 2 && other == 0
}

// subHeader reports the second line of a two-line header: no figure and
// no row number anywhere, a name in the target column.
func subHeader(cells []string, l *layout) bool {
	n := 0
	for _, c := range cells {
		c = cleanCell(c)
		if c == "" {
			continue
		}
		if reValue.MatchString(c) || reNumber.MatchString(c) || reRoman.MatchString(c) || c == "-" {
			return false
		}
		n++
	}
	return n >= 3
}

// placeholderHeader reports a converter's made-up header ("Col1 | Col2").
func placeholderHeader(cells []string) bool {
	for _, c := range cells {
		if strings.HasPrefix(strings.ToLower(cleanCell(c)), "col") {
			return true
		}
	}
	return false
}

func sameCells(cells []string) bool {
	first := ""
	for i, c := range cells {
		c = cleanCell(c)
		if i == 0 {
			continue
		}
		if first == "" {
			first = c
		}
		if c != first {
			return false
		}
	}
	return first != ""
}

// taskRows turns the rows of a task table into tasks.
func taskRows(doc *parser.Document, ctx deadline.Context, l *layout, owner string, rows []cellRow) []Task {
	var out []Task
	ci, li, pi, di, si := l.content, l.col(colLead), l.col(colCoop), l.col(colDeadline), l.col(colSTT)
	var lastLead, lastCoop []string
	n := 0
	for _, r := range rows {
		cell := func(i int) string {
			if i < 0 || i >= len(r.cells) {
				return ""
			}
			return cleanCell(r.cells[i])
		}
		content := cell(ci)
		stt := strings.TrimSuffix(cell(si), ".")
		if content == "" || sameCells(r.cells) || reRoman.MatchString(stt) && li >= 0 && (cell(li) == "" || cell(li) == content) {
			continue // a section heading row ("I | Tăng cường …" across the table)
		}
		n++
		label := stt
		if label == "" || !reNumber.MatchString(label) && !reRoman.MatchString(label) {
			label = strconv.Itoa(n)
		}
		path := label
		if owner != "" {
			path = owner + "/" + label
		}
		t := Task{Path: path, Label: label, Heading: parser.FirstRunes(content, 80), Content: content,
			Line: r.line, Offset: r.off, Lead: []string{}, Cooperate: []string{}, Deadlines: []deadline.Deadline{}}
		var cellCoop []string // "Sở X chủ trì, phối hợp với Sở Y" in the lead cell
		if li >= 0 {
			if lc := cell(li); lc != "" {
				t.Lead, cellCoop = agency.CellRoles(lc)
				lastLead = t.Lead
				lastCoop = cellCoop
			} else {
				t.Lead = append(t.Lead, lastLead...)
			}
		}
		switch pc := cell(pi); {
		case pi >= 0 && pc != "":
			t.Cooperate = append(agency.ScanCell(pc), cellCoop...)
			lastCoop = t.Cooperate
		case len(cellCoop) > 0:
			t.Cooperate = append(t.Cooperate, cellCoop...)
		case cell(li) == "":
			t.Cooperate = append(t.Cooperate, lastCoop...)
		}
		if di >= 0 {
			for _, f := range deadline.Cell(cell(di), ctx) {
				t.Deadlines = append(t.Deadlines, deadline.Deadline{Path: path, Text: f.Text, Date: f.Date, Kind: f.Kind,
					What: t.Heading, Line: r.line, Col: 1, Offset: r.off})
			}
		}
		out = append(out, t)
	}
	return out
}

// indicatorRows turns the rows of an indicator table into rows.
func indicatorRows(doc *parser.Document, l *layout, title string, rows []cellRow) Appendix {
	a := Appendix{Title: title, Columns: cleanCells(l.cols), Rows: []Row{}}
	ii, ui, ti, li, pi, si := l.content, l.col(colUnit), l.col(colTarget), l.col(colLead), l.col(colCoop), l.col(colSTT)
	var b rowBuilder
	for _, r := range rows {
		cell := func(i int) string {
			if i < 0 || i >= len(r.cells) {
				return ""
			}
			return cleanCell(r.cells[i])
		}
		if cell(ii) == "" || sameCells(r.cells) && len(r.cells) > 2 {
			continue
		}
		stt := cell(si)
		if stt == "-" || stt == "+" || stt == "–" {
			// "- | Đất giao thông | DGT | 1.303,86": a component of the
			// numbered row above
			b.dash = true
			stt = ""
		}
		b.add(&a, stt, cell(ii), optional(cell(ui), ui >= 0), optional(cell(ti), ti >= 0), cell(li), cell(pi), r.line)
	}
	return a
}

func optional(s string, has bool) *string {
	if !has {
		return nil
	}
	return &s
}

// rowBuilder carries agency cells down and finds parents.
type rowBuilder struct {
	dash       bool // the row's STT cell is a dash
	lead, coop []string
	lastNum    string // indicator of the last numbered row
	header     string // indicator of the last row without a target (a group head)
}

func (b *rowBuilder) add(a *Appendix, stt, indicator string, unit, target *string, lead, coop string, line int) {
	r := Row{Indicator: indicator, Unit: unit, Target: target, Line: line, Lead: []string{}, Cooperate: []string{}}
	if stt != "" {
		s := stt
		r.STT = &s
	}
	if unit != nil && *unit == "" {
		r.Unit = nil
	}
	if target != nil && *target == "" {
		r.Target = nil
	}
	switch {
	case stt != "":
		b.header = ""
	case strings.HasPrefix(indicator, "-") || strings.HasPrefix(indicator, "+") || b.dash:
		if b.lastNum != "" {
			p := b.lastNum
			r.Parent = &p
		}
	case b.header != "":
		p := b.header
		r.Parent = &p
	}
	if lead != "" || coop != "" {
		var cellCoop []string
		r.Lead, cellCoop = agency.CellRoles(lead)
		r.Cooperate = append(agency.ScanCell(coop), cellCoop...)
		b.lead, b.coop = r.Lead, r.Cooperate
		r.LeadSource = "explicit"
	} else if b.lead != nil || b.coop != nil {
		r.Lead = append(r.Lead, b.lead...)
		r.Cooperate = append(r.Cooperate, b.coop...)
		r.LeadSource = "inherited"
	}
	if stt != "" {
		b.lastNum = indicator
		if r.Target == nil {
			b.header = indicator
		}
	}
	a.Rows = append(a.Rows, r)
	b.dash = false
}

// titleBefore is the caption of the table n: the nearest preceding
// paragraph that is not a "(Kèm theo …)" note, within its container.
func titleBefore(doc *parser.Document, n *parser.Node) string {
	p := n.Parent
	if p == nil {
		return ""
	}
	// the last paragraph before the table that is not a parenthesis.
	title := ""
	at := -1
	for i, c := range p.Children {
		if c == n {
			at = i
			break
		}
	}
	for i := at - 1; i >= 0 && title == ""; i-- {
		c := p.Children[i]
		if c.Kind == parser.KindParagraph {
			t := cleanCell(doc.Text[c.Body.Start:c.Body.End])
			if t != "" && !strings.HasPrefix(t, "(") {
				title = t
			}
		}
	}
	if title == "" && (p.Kind == parser.KindAppendix || p.Kind == parser.KindItem || p.Kind == parser.KindArticle) {
		title = p.Heading // "1. Diện tích các loại đất phân bổ trong năm kế hoạch:"
	}
	return strings.TrimRight(strings.TrimLeft(title, "# "), ": ")
}
