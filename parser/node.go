// Package parser turns the text of a Vietnamese legal document into a tree:
// header, legal bases, chapters, articles, numbered items at any depth,
// signature, recipients and appendices. Every node keeps its span in the
// source text and a file:line:col position, so every answer vanban gives
// can point back to the line it came from.
package parser

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind is the closed list of node kinds.
type Kind int

const (
	KindDocument   Kind = iota // the root
	KindHeader                 // issuer, number, place and date, type, title
	KindBases                  // the preamble: legal bases (Căn cứ …, Theo đề nghị …, Xét …)
	KindPart                   // Phần
	KindChapter                // Chương
	KindSection                // Mục
	KindArticle                // Điều
	KindItem                   // a numbered unit: 1., 4.1., (1), a), a.1), I.
	KindParagraph              // unnumbered text, bullets (-, +, *) and quoted passages
	KindTable                  // a table: rows of cells
	KindSignature              // TM./KT./Q./TL. position, name
	KindRecipients             // Nơi nhận
	KindAttachment             // a text issued with the document ("ban hành kèm theo")
	KindAppendix               // PHỤ LỤC
)

var kindNames = [...]string{"document", "header", "bases", "part", "chapter", "section", "article",
	"item", "paragraph", "table", "signature", "recipients", "attachment", "appendix"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct{ Start, End int }

// Position is a place in a source file, as a person finds it in an editor:
// 1-based line, 1-based column counted in characters.
type Position struct {
	File   string `json:"file"`
	Offset int    `json:"offset"`
	Line   int    `json:"line"`
	Col    int    `json:"col"`
}

func (p Position) String() string {
	if p.File == "" {
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Node is one element of the document tree.
type Node struct {
	Kind Kind
	// Label is the number as printed, without punctuation: "1" for
	// "Điều 1." and "1.", "4.1" for "4.1.", "(1)" for "(1)", "a" for "a)",
	// "II" for "II.", "01" for "PHỤ LỤC 01".
	Label string
	// Path is the node's path as output.md defines it ("1/4/4.1",
	// "PL/II/1/a"); empty for nodes that are not path segments.
	Path string
	// Heading is the text of the node's first line after its label.
	Heading string
	// Span covers the node and everything inside it.
	Span Span
	// Body is the span of the node's own first paragraph (label included).
	Body     Span
	Pos      Position
	Parent   *Node
	Children []*Node
	// Quoted marks a paragraph inside a quotation (“…”): it belongs to
	// another instrument and is content, not structure.
	Quoted bool
	// Table holds the rows of a KindTable node.
	Table *Table
}

// Table is a table as rows of cells, merged cells already repeated.
type Table struct {
	Rows []Row
}

// Row is one table row.
type Row struct {
	Cells []string
	Span  Span
	Line  int
}

// Header is what the document says about itself.
type Header struct {
	Type    string  `json:"type"`
	Number  string  `json:"number"`
	Issuer  string  `json:"issuer"`
	Parent  string  `json:"parent_issuer,omitempty"`
	Place   string  `json:"place"`
	Date    string  `json:"date"`
	Title   string  `json:"title"`
	Signer  *Signer `json:"signer,omitempty"`
	Line    int     `json:"line,omitempty"`
	Subject string  `json:"-"`
}

// Signer is the signature block.
type Signer struct {
	Name     string `json:"name"`
	Position string `json:"position"`
	OnBehalf string `json:"on_behalf,omitempty"`
}

// Document is a parsed document: its text, its tree and its header.
type Document struct {
	Name       string
	Text       string
	Root       *Node
	Header     Header
	Recipients []string
	Archive    string
	lines      []int // byte offset of the start of every line

	posMu    sync.Mutex
	posCache cachedPos
}

// Position converts a byte offset in d.Text to file:line:col.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	// columns are counted in characters; on a very long line (scraped or
	// OCR text with no line breaks) count on from the last position asked
	// for on the same line, so that many positions cost linear time.
	d.posMu.Lock()
	defer d.posMu.Unlock()
	from, col := d.lines[i], 1
	if c := d.posCache; c.line == i+1 && c.off <= off && c.off >= from {
		from, col = c.off, c.col
	}
	col += utf8.RuneCountInString(d.Text[from:off])
	d.posCache = cachedPos{line: i + 1, off: off, col: col}
	return Position{File: d.Name, Offset: off, Line: i + 1, Col: col}
}

type cachedPos struct{ line, off, col int }

// Line returns the text of 1-based line n, without its newline.
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.lines) {
		return ""
	}
	start := d.lines[n-1]
	end := len(d.Text)
	if n < len(d.lines) {
		end = d.lines[n] - 1
	}
	return d.Text[start:end]
}

// Walk calls fn for n and every node below it, depth first, in document
// order; fn returning false skips the node's children.
func Walk(n *Node, fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, c := range n.Children {
		Walk(c, fn)
	}
}

// Find returns the nodes of the given kind in document order.
func (d *Document) Find(k Kind) []*Node {
	var out []*Node
	Walk(d.Root, func(n *Node) bool {
		if n.Kind == k {
			out = append(out, n)
		}
		return true
	})
	return out
}

// Segment is a stretch of text owned by one path: the unit of work of the
// extractors (citations, deadlines, responsibilities).
type Segment struct {
	// Path of the numbered unit that owns the text ("1/6/6.3"), or
	// "bases", "header", "appendix", "PL01", "signature", "recipients".
	Path string
	Text string
	// Offset of Text in Document.Text.
	Offset int
	Node   *Node
	Quoted bool
}

// Segments lists the document's own text paragraph by paragraph, each with
// the path that owns it: a numbered unit's first paragraph and the
// unnumbered paragraphs and bullets below it.
func (d *Document) Segments() []Segment {
	var out []Segment
	Walk(d.Root, func(n *Node) bool {
		if n.Body.End > n.Body.Start {
			out = append(out, Segment{Path: d.OwnerPath(n), Text: d.Text[n.Body.Start:n.Body.End],
				Offset: n.Body.Start, Node: n, Quoted: n.Quoted})
		}
		if n.Kind == KindTable && n.Table != nil {
			for _, r := range n.Table.Rows {
				out = append(out, Segment{Path: d.OwnerPath(n), Text: d.Text[r.Span.Start:r.Span.End],
					Offset: r.Span.Start, Node: n})
			}
		}
		return true
	})
	return out
}

// OwnerPath is the path of the nearest node at or above n that has one.
func (d *Document) OwnerPath(n *Node) string {
	for p := n; p != nil; p = p.Parent {
		if p.Path != "" {
			return p.Path
		}
	}
	return ""
}

// Errorf-style parse problems are collected, not fatal: a document with
// broken numbering still yields a tree.

// Problem is something odd the parser met, with its position.
type Problem struct {
	Pos Position
	Msg string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Msg }

// Clean squeezes white space, line breaks included, to single spaces.
func Clean(s string) string { return clean(s) }

// FirstRunes returns the first n characters of s, right-trimmed.
func FirstRunes(s string, n int) string { return firstRunes(s, n) }

// WordRunes returns the whole words of s that fit in n characters,
// right-trimmed: a longer text ends at the last word that fits, never in the
// middle of a word.
func WordRunes(s string, n int) string { return wordRunes(s, n) }

// PlaceDot reports whether the '.' at text[i] closes a place abbreviation
// ("TP. Hồ Chí Minh", "Tp. Cần Thơ", "TX. Gia Nghĩa") that a name in
// capitals follows: part of the name, not the end of a sentence.
func PlaceDot(text string, i int) bool {
	if i < 2 || i+2 >= len(text) || text[i] != '.' || text[i+1] != ' ' {
		return false
	}
	switch text[i-2 : i] {
	case "TP", "Tp", "TX", "Tx":
	default:
		return false
	}
	if i > 2 && isLetterByte(text[i-3]) {
		return false // "ATP.", "HTX.": another word
	}
	r, _ := utf8.DecodeRuneInString(text[i+2:])
	return unicode.IsUpper(r)
}

// isLetterByte reports an ASCII letter or a byte of a multi-byte rune.
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// LabelWidth is the width in bytes of the numbering label that starts s
// ("2. ", "a) ", "4.1. ", "(3) "), white space before it included; 0
// when s does not start with one. A paragraph's text holds its label.
func LabelWidth(s string) int {
	t := strings.TrimLeft(s, " \t\r\n")
	if l, ok := parseLabel(t); ok {
		return len(s) - len(t) + l.width
	}
	return 0
}
