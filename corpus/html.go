package corpus

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/vanban/vanban/parser/vntext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
)

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)`)

// decodeDeclaredCharset decodes an HTML page with the charset its <meta
// charset> or http-equiv Content-Type declares, when that is not UTF-8 and
// the bytes are not valid UTF-8 anyway (pages often declare a charset they
// do not use). ok is false when the normal UTF-8/legacy detection applies.
func decodeDeclaredCharset(data []byte) (string, string, bool) {
	head := data
	if len(head) > 64*1024 {
		head = head[:64*1024]
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return "", "", false
	}
	label := strings.ToLower(string(m[1]))
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", "", false
	}
	name, _ := htmlindex.Name(enc)
	if name == "utf-8" || utf8.Valid(data) {
		return "", "", false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", false
	}
	return string(out), name, true
}

// Content roots tried in order; the first with document text wins.
var contentSelectors = []string{
	"#toanvancontent", ".content1", "#divContentDoc", "div.fulltext", ".fulltext", "article", "main",
}

// Elements whose content is never document text.
var dropAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Head: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true, atom.Option: true,
	atom.Label: true, atom.Img: true, atom.Map: true, atom.Canvas: true,
}

// Block elements: their content starts and ends a line.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Blockquote: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Aside: true,
	atom.Center: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true,
	atom.Caption: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
	atom.Body: true, atom.Html: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// extractHTML returns the document text of an HTML page, one block per
// line, tables as Markdown pipe tables.
func extractHTML(page string) (string, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		return "", err
	}
	var root *html.Node
	for _, sel := range contentSelectors {
		doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			n := s.Get(0)
			if hasDocText(n) {
				root = n
				return false
			}
			return true
		})
		if root != nil {
			break
		}
	}
	if root != nil && root.Parent != nil && root.Parent.DataAtom == atom.Div {
		// vbpl.vn puts the header (issuer, number, date) and the signature
		// in tables next to div#toanvancontent: take the wrapper when it
		// adds little else.
		if extra := textLen(root.Parent) - textLen(root); extra > 0 && extra < 3000 {
			root = root.Parent
		}
	}
	if root == nil {
		root = densestNode(doc.Get(0))
	}
	if root == nil {
		return "", nil
	}
	w := &htmlWriter{}
	w.walk(root)
	w.flush()
	return w.result(), nil
}

// textLen is the number of non-space runes of the text in n, outside
// dropped elements.
func textLen(n *html.Node) int {
	total := 0
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if !unicode.IsSpace(r) {
					total++
				}
			}
			return
		case html.ElementNode:
			if dropAtoms[n.DataAtom] {
				return
			}
		case html.CommentNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return total
}

// hasDocText reports whether n holds text other than placeholders.
func hasDocText(n *html.Node) bool {
	w := &htmlWriter{}
	w.walk(n)
	w.flush()
	for _, l := range w.lines {
		if strings.IndexFunc(l, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// Elements that can hold a document's paragraphs.
var containerAtoms = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Body: true, atom.Td: true, atom.Form: true, atom.Center: true, atom.Font: true,
	atom.Blockquote: true,
}

// densestNode is the container whose own paragraphs (text directly in it
// or in its direct block children) hold the most text: the readability
// heuristic for pages without a known content container. When no
// container holds at least 40% of the page's text, the whole body is used.
func densestNode(doc *html.Node) *html.Node {
	score := map[*html.Node]int{}
	var body *html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if dropAtoms[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Body {
				body = n
			}
		}
		if n.Type == html.TextNode && n.Parent != nil {
			l := len(strings.TrimSpace(n.Data))
			p := n.Parent
			for p != nil && p.Type == html.ElementNode && !blockAtoms[p.DataAtom] {
				p = p.Parent
			}
			// p is the paragraph; its container is p itself when the text
			// sits directly in a container, else p's parent.
			if p != nil && !containerAtoms[p.DataAtom] {
				p = p.Parent
			} else if p != nil && p.DataAtom == atom.Td {
				// Bare text in a cell is table data, not a paragraph.
				p = nil
			}
			if p != nil && containerAtoms[p.DataAtom] {
				score[p] += l
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
	if body == nil {
		body = doc
	}
	var best *html.Node
	for n, s := range score {
		if best == nil || s > score[best] {
			best = n
		}
	}
	if best == nil || textLen(best)*5 < textLen(body)*2 {
		return body
	}
	return best
}

// htmlWriter turns a DOM subtree into lines.
type htmlWriter struct {
	lines []string
	cur   strings.Builder
	pre   int
	flat  bool // inside a table cell: nested tables become plain lines
}

func (w *htmlWriter) text(s string) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.flush()
			}
			w.cur.WriteString(part)
		}
		return
	}
	// Collapse white space (but not NBSP, which is text).
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), " ") {
				w.cur.WriteByte(' ')
			}
			continue
		}
		w.cur.WriteRune(r)
	}
}

func (w *htmlWriter) flush() {
	line := strings.TrimFunc(w.cur.String(), func(r rune) bool { return r == ' ' || r == '\u00A0' })
	w.cur.Reset()
	if line == "" {
		if n := len(w.lines); n > 0 && w.lines[n-1] != "" {
			w.lines = append(w.lines, "")
		}
		return
	}
	if isPortalChrome(line) {
		return
	}
	w.lines = append(w.lines, line)
}

// blank ends the current line and adds an empty one.
func (w *htmlWriter) blank() {
	w.flush()
	if n := len(w.lines); n > 0 && w.lines[n-1] != "" {
		w.lines = append(w.lines, "")
	}
}

// result joins the lines, dropping the empty lines that blocks leave
// between each other (an empty line stays only around tables and where the
// page has an empty paragraph).
func (w *htmlWriter) result() string {
	lines := w.lines
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func isPortalChrome(line string) bool {
	f := vntext.Fold(line)
	return strings.HasPrefix(f, "dang tai noi dung") ||
		f == "he thong phap luat" ||
		strings.HasPrefix(f, "vui long cho giay lat")
}

func (w *htmlWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if dropAtoms[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			w.flushLine()
			return
		case atom.Table:
			w.table(n)
			return
		case atom.Pre:
			w.flushLine()
			w.pre++
			w.children(n)
			w.pre--
			w.flushLine()
			return
		}
		if blockAtoms[n.DataAtom] {
			w.flushLine()
			w.children(n)
			w.flushLine()
			return
		}
	}
	w.children(n)
}

func (w *htmlWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// flushLine ends the current line if it has text (block boundaries do not
// make empty lines; an empty <p> does, through flush on its own).
func (w *htmlWriter) flushLine() {
	if strings.TrimFunc(w.cur.String(), func(r rune) bool { return r == ' ' }) == "" {
		if strings.Contains(w.cur.String(), "\u00A0") {
			w.flush()
			return
		}
		w.cur.Reset()
		return
	}
	w.flush()
}

// tableRows returns the rows of t, not those of nested tables.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rec(c)
			}
		}
	}
	rec(t)
	return rows
}

func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 0 {
				return 1
			}
			return min(v, 1000)
		}
	}
	return 1
}

// cellText renders a cell on one line: inner line breaks become spaces and
// "|" is escaped.
func cellText(c *html.Node) string {
	w := &htmlWriter{flat: true}
	w.children(c)
	w.flush()
	var parts []string
	for _, l := range w.lines {
		if l != "" {
			parts = append(parts, l)
		}
	}
	s := strings.Join(parts, " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// table writes t as a Markdown pipe table, one line per row, with rowspan
// and colspan resolved by repeating the cell in every position it covers.
// A one-column table is a layout box (vbpl.vn puts the issuer, the number
// and the signature in such tables): its cells are written as blocks.
func (w *htmlWriter) table(t *html.Node) {
	rows := tableRows(t)
	var grid [][]string
	var cellNodes [][]*html.Node
	for r, tr := range rows {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		col := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			for col < len(grid[r]) && grid[r][col] != "\x00" {
				col++
			}
			rs, cs := spanAttr(c, "rowspan"), spanAttr(c, "colspan")
			if rs == 0 {
				rs = len(rows) - r
			}
			if cs == 0 {
				cs = 1
			}
			text := cellText(c)
			for i := 0; i < rs && r+i < len(rows); i++ {
				for len(grid) <= r+i {
					grid = append(grid, nil)
				}
				for j := 0; j < cs; j++ {
					for len(grid[r+i]) <= col+j {
						grid[r+i] = append(grid[r+i], "\x00")
					}
					grid[r+i][col+j] = text
				}
			}
			for len(cellNodes) <= r {
				cellNodes = append(cellNodes, nil)
			}
			cellNodes[r] = append(cellNodes[r], c)
			col += cs
		}
	}
	width, perRow := 0, 0
	for _, row := range grid {
		width = max(width, len(row))
	}
	for _, cells := range cellNodes {
		perRow = max(perRow, len(cells))
	}
	if width == 0 {
		return
	}
	if perRow == 1 || w.flat {
		w.flushLine()
		for _, cells := range cellNodes {
			for _, c := range cells {
				w.flushLine()
				w.children(c)
				w.flushLine()
			}
		}
		return
	}
	// Drop rows that are empty in every column.
	var out []string
	for _, row := range grid {
		empty := true
		var b bytes.Buffer
		b.WriteString("|")
		for j := 0; j < width; j++ {
			cell := ""
			if j < len(row) && row[j] != "\x00" {
				cell = row[j]
			}
			if cell != "" {
				empty = false
			}
			b.WriteString(" ")
			b.WriteString(cell)
			b.WriteString(" |")
		}
		if !empty {
			out = append(out, b.String())
		}
	}
	if len(out) == 0 {
		return
	}
	w.blank()
	w.lines = append(w.lines, out...)
	w.lines = append(w.lines, "")
}
