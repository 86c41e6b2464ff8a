package appendix

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/deadline"
	"github.com/vanban/vanban/parser/vntext"
)

// flatCell is one line of a table flattened one cell per line.
type flatCell struct {
	text  string
	off   int
	line  int
	blank bool // a line holding only non-breaking spaces: an empty cell
}

// readFlat reads the tables of appendix n that a converter flattened into
// one cell per line (blank cells as lines of U+00A0).
func readFlat(doc *parser.Document, res *Result, ctx deadline.Context, n *parser.Node) {
	var cells []flatCell
	text := doc.Text[n.Span.Start:n.Span.End]
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		raw := text[off:end]
		t := strings.Trim(raw, " \t\r")
		switch {
		case t == "":
		case strings.Trim(t, "\u00a0 ") == "":
			cells = append(cells, flatCell{off: n.Span.Start + off, blank: true})
		case strings.HasPrefix(t, "|") || strings.HasPrefix(t, "<"):
			cells = append(cells, flatCell{text: "\x00", off: n.Span.Start + off}) // a table of another kind: a barrier
		default:
			cells = append(cells, flatCell{text: vntext.CleanSpace(strings.ReplaceAll(t, "\u00a0", " ")), off: n.Span.Start + off})
		}
		off = end + 1
	}
	for i := range cells {
		cells[i].line = doc.Position(cells[i].off).Line
	}
	owner := n.Path
	for i := 0; i < len(cells); i++ {
		l, hlen := flatHeader(cells, i)
		if l == nil {
			continue
		}
		title := ""
		for k := i - 1; k >= 0; k-- {
			c := cells[k].text
			if cells[k].blank || strings.HasPrefix(c, "(") || c == "\x00" {
				continue
			}
			if strings.HasPrefix(vntext.Fold(c), "phu luc") {
				break
			}
			title = c
		}
		var end int
		if l.indic {
			var a Appendix
			a, end = flatIndicators(l, title, cells, i+hlen)
			res.Indicators = append(res.Indicators, a)
		} else {
			var ts []Task
			ts, end = flatTasks(ctx, l, owner, cells, i+hlen)
			res.Tasks = append(res.Tasks, ts...)
		}
		last := cells[end-1]
		res.Spans = append(res.Spans, parser.Span{Start: cells[i].off, End: last.off + len(last.text) + 1})
		i = end - 1
	}
}

// flatHeader recognizes a header written one column per line at cells[i].
func flatHeader(cells []flatCell, i int) (*layout, int) {
	var hs []string
	for k := i; k < len(cells) && k < i+12; k++ {
		if cells[k].blank || columnRole(cells[k].text) == colNone {
			break
		}
		hs = append(hs, cells[k].text)
	}
	if len(hs) < 3 {
		return nil, 0
	}
	l := header(hs)
	if l == nil {
		return nil, 0
	}
	return l, len(hs)
}

func isValue(s string) bool {
	return reValue.MatchString(strings.ReplaceAll(s, " ", "")) || reValue.MatchString(s)
}

// flatIndicators reads indicator rows from cells[i:]: STT? indicator unit?
// target lead? cooperate?, with blank cells as lines of U+00A0.
func flatIndicators(l *layout, title string, cells []flatCell, i int) (Appendix, int) {
	a := Appendix{Title: title, Columns: l.cols, Rows: []Row{}}
	hasUnit, hasLead, hasCoop := l.col(colUnit) >= 0, l.col(colLead) >= 0, l.col(colCoop) >= 0
	var b rowBuilder
	k := i
	for k < len(cells) {
		c := cells[k]
		if c.text == "\x00" || strings.HasPrefix(vntext.Fold(c.text), "phu luc") {
			break
		}
		if c.blank {
			k++
			continue
		}
		stt := ""
		line := c.line
		if reNumber.MatchString(c.text) || reRoman.MatchString(c.text) {
			stt = strings.TrimSuffix(c.text, ".")
			k++
			if k >= len(cells) || cells[k].blank || cells[k].text == "\x00" {
				break
			}
		}
		indicator := cells[k].text
		k++
		var unit, target *string
		take := func() (string, bool) {
			if k < len(cells) && cells[k].text != "\x00" {
				c := cells[k]
				k++
				return c.text, true
			}
			return "", false
		}
		if hasUnit && k < len(cells) {
			if cells[k].blank || !isValue(cells[k].text) {
				u, _ := take()
				unit = &u
			}
		}
		if k < len(cells) && (cells[k].blank || isValue(cells[k].text) || unit != nil && !agency.IsAgency(cells[k].text)) {
			t, _ := take()
			target = &t
		}
		lead, coop := "", ""
		if hasLead && k < len(cells) && !cells[k].blank && agency.IsAgency(cells[k].text) {
			lead, _ = take()
			for k < len(cells) && !cells[k].blank && (strings.HasSuffix(lead, " và") || strings.HasSuffix(lead, ",")) {
				more, _ := take() // a cell the converter broke over two lines
				lead += " " + more
			}
			if hasCoop && k < len(cells) && !cells[k].blank && agency.IsAgency(cells[k].text) {
				coop, _ = take()
			}
		}
		if unit == nil && hasUnit {
			unit = new(string)
		}
		b.add(&a, stt, indicator, unit, target, lead, coop, line)
	}
	return a, max(k, i+1)
}

// flatTasks reads task rows from cells[i:]: a number starts a row, the
// next cell is its content, agency cells give the lead then the
// cooperating agencies, a time cell its deadline.
func flatTasks(ctx deadline.Context, l *layout, owner string, cells []flatCell, i int) ([]Task, int) {
	var out []Task
	var cur *Task
	var leadSet, coopSet bool
	var lastLead, lastCoop []string
	flush := func() {
		if cur == nil {
			return
		}
		if !leadSet {
			cur.Lead = append(cur.Lead, lastLead...)
			cur.Cooperate = append(cur.Cooperate, lastCoop...)
		}
		cur.Heading = parser.FirstRunes(cur.Content, 80)
		for j := range cur.Deadlines {
			cur.Deadlines[j].What = cur.Heading
		}
		out = append(out, *cur)
		cur = nil
	}
	k := i
	n := 0
	for ; k < len(cells); k++ {
		c := cells[k]
		if c.text == "\x00" || strings.HasPrefix(vntext.Fold(c.text), "phu luc") {
			break
		}
		if c.blank {
			continue
		}
		if reNumber.MatchString(c.text) || reRoman.MatchString(c.text) && utf8.RuneCountInString(c.text) <= 4 {
			flush()
			if reRoman.MatchString(c.text) {
				continue // a section
			}
			n++
			label := strings.TrimSuffix(c.text, ".")
			path := label
			if owner != "" {
				path = owner + "/" + label
			}
			cur = &Task{Path: path, Label: label, Line: c.line, Offset: c.off, Lead: []string{}, Cooperate: []string{}, Deadlines: []deadline.Deadline{}}
			leadSet, coopSet = false, false
			continue
		}
		if cur == nil {
			n++
			label := strconv.Itoa(n)
			cur = &Task{Path: owner + "/" + label, Label: label, Line: c.line, Offset: c.off, Lead: []string{}, Cooperate: []string{}, Deadlines: []deadline.Deadline{}}
			leadSet, coopSet = false, false
		}
		switch {
		case cur.Content == "":
			cur.Content = c.text
		case agency.IsAgency(c.text) && !leadSet:
			cur.Lead, leadSet = agency.ScanCell(c.text), true
			lastLead, lastCoop = cur.Lead, nil
		case agency.IsAgency(c.text) && !coopSet:
			cur.Cooperate, coopSet = agency.ScanCell(c.text), true
			lastCoop = cur.Cooperate
		case utf8.RuneCountInString(c.text) <= 40 && len(deadline.Cell(c.text, ctx)) > 0:
			for _, f := range deadline.Cell(c.text, ctx) {
				cur.Deadlines = append(cur.Deadlines, deadline.Deadline{Path: cur.Path, Text: f.Text, Date: f.Date, Kind: f.Kind, Line: c.line, Col: 1, Offset: c.off})
			}
		case !leadSet:
			cur.Content += " " + c.text
		}
	}
	flush()
	return out, max(k, i+1)
}
