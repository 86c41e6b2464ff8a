package appendix

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/deadline"
)

var (
	reTable   = regexp.MustCompile(`(?is)<table\b.*?(?:</table>|\z)`)
	reTR      = regexp.MustCompile(`(?is)<tr\b[^>]*>(.*?)(?:</tr>|(?:<tr\b)|\z)`)
	reCellTag = regexp.MustCompile(`(?is)<t[dh]\b([^>]*)>`)
	reSpan    = regexp.MustCompile(`(?i)\b(rowspan|colspan)\s*=\s*["']?(\d+)`)
)

// readHTML reads <table> markup left in a text file (a converter's output
// that was not reduced to pipe rows), repeating merged cells.
func readHTML(doc *parser.Document, res *Result, ctx deadline.Context) {
	if !strings.Contains(doc.Text, "<table") && !strings.Contains(doc.Text, "<TABLE") {
		return
	}
	var prev *layout
	for _, tm := range reTable.FindAllStringIndex(doc.Text, -1) {
		if covered(res, tm[0]) {
			continue
		}
		tbl := doc.Text[tm[0]:tm[1]]
		var rows []cellRow
		pending := map[int]struct {
			text string
			left int
		}{}
		for _, rm := range reTR.FindAllStringSubmatchIndex(tbl, -1) {
			inner := tbl[rm[2]:rm[3]]
			opens := reCellTag.FindAllStringSubmatchIndex(inner, -1)
			var cells []string
			col := 0
			fill := func() {
				for {
					p, ok := pending[col]
					if !ok || p.left <= 0 {
						return
					}
					cells = append(cells, p.text)
					p.left--
					pending[col] = p
					col++
				}
			}
			for k, om := range opens {
				end := len(inner)
				if k+1 < len(opens) {
					end = opens[k+1][0]
				}
				text := cleanCell(inner[om[1]:end])
				rs, cs := 1, 1
				for _, sm := range reSpan.FindAllStringSubmatch(inner[om[2]:om[3]], -1) {
					v, _ := strconv.Atoi(sm[2])
					if strings.EqualFold(sm[1], "rowspan") {
						rs = v
					} else {
						cs = v
					}
				}
				fill()
				for c := 0; c < max(cs, 1); c++ {
					cells = append(cells, text)
					if rs > 1 {
						pending[col] = struct {
							text string
							left int
						}{text, rs - 1}
					}
					col++
				}
			}
			fill()
			if len(cells) == 0 {
				continue
			}
			off := tm[0] + rm[0]
			rows = append(rows, cellRow{cells: cells, line: doc.Position(off).Line, off: off})
		}
		owner := ownerAt(doc, tm[0])
		if owner == "" || owner == "header" || owner == "bases" || owner == "signature" || owner == "recipients" {
			owner = "PL"
		}
		prev = readGrid(doc, res, ctx, owner, "", rows, prev)
		res.Spans = append(res.Spans, parser.Span{Start: tm[0], End: tm[1]})
	}
}

func covered(res *Result, off int) bool { return res.Covers(off) }

// ownerAt is the path of the deepest numbered unit (or appendix) whose
// text contains off.
func ownerAt(doc *parser.Document, off int) string {
	owner := ""
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		if off < n.Span.Start || off >= n.Span.End {
			return false
		}
		if n.Path != "" {
			owner = n.Path
		}
		return true
	})
	return owner
}
