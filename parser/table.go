package parser

import "strings"

// groupTables turns runs of Markdown pipe-table paragraphs ("| a | b |")
// into KindTable nodes with rows and cells.
func groupTables(d *Document) {
	Walk(d.Root, func(n *Node) bool {
		var out []*Node
		var cur *Node
		for _, c := range n.Children {
			if c.Kind == KindParagraph && isPipeRow(d.Text[c.Body.Start:c.Body.End]) {
				if cur == nil {
					cur = &Node{Kind: KindTable, Span: c.Span, Pos: c.Pos, Parent: n, Table: &Table{}}
					out = append(out, cur)
				}
				for _, line := range splitLinesSpan(d.Text, c.Body.Start, c.Body.End) {
					cells := pipeCells(d.Text[line[0]:line[1]])
					if cells == nil {
						continue
					}
					cur.Table.Rows = append(cur.Table.Rows, Row{Cells: cells, Span: Span{line[0], line[1]}, Line: d.Position(line[0]).Line})
				}
				cur.Span.End = c.Span.End
				continue
			}
			cur = nil
			out = append(out, c)
		}
		n.Children = out
		return true
	})
}

func isPipeRow(t string) bool {
	return strings.HasPrefix(t, "|") && strings.HasSuffix(strings.TrimSpace(t), "|")
}

func splitLinesSpan(text string, s, e int) [][2]int {
	var out [][2]int
	for s < e {
		i := strings.IndexByte(text[s:e], '\n')
		if i < 0 {
			out = append(out, [2]int{s, e})
			break
		}
		out = append(out, [2]int{s, s + i})
		s += i + 1
	}
	return out
}

// pipeCells splits "| a | b |" into cells; nil for a rule row "|---|---|".
func pipeCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var cells []string
	var cur strings.Builder
	rule := true
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) && line[i+1] == '|' {
			cur.WriteByte('|')
			i++
			continue
		}
		if c == '|' {
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		if c != '-' && c != ':' && c != ' ' {
			rule = false
		}
		cur.WriteByte(c)
	}
	cells = append(cells, strings.TrimSpace(cur.String()))
	if rule {
		return nil
	}
	return cells
}
