package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

// writeJSON writes v as JSON: indented for one document, one line each for
// several (JSON Lines).
func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// writeOutline prints the tree as an outline a person reads in a terminal:
// line number, path, heading.
func writeOutline(w io.Writer, r *analyze.Result) error {
	d := r.Document
	fmt.Fprintf(w, "%s\n", r.Source)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-8s %s\n", k, v)
		}
	}
	field("type", d.Type)
	field("number", d.Number)
	field("issuer", d.Issuer)
	field("place", d.Place)
	field("date", d.Date)
	field("title", d.Title)
	if d.Signer != nil {
		field("signer", strings.TrimSpace(d.Signer.OnBehalf+" "+d.Signer.Position+" "+d.Signer.Name))
	}
	fmt.Fprintf(w, "  %-8s %d\n", "bases", len(r.Bases))
	fmt.Fprintf(w, "  %-8s %d articles, %d tasks, %d instruments cited, %d deadlines, %d responsibilities, %d appendix tables\n",
		"found", len(r.Articles), len(r.Tasks), len(r.Citations), len(r.Deadlines), len(r.Responsibilities), len(r.Appendices))
	fmt.Fprintln(w)
	doc := r.Doc
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		depth := 0
		for p := n.Parent; p != nil && p.Kind != parser.KindDocument; p = p.Parent {
			depth++
		}
		ind := strings.Repeat("  ", depth)
		var line string
		switch n.Kind {
		case parser.KindPart, parser.KindChapter, parser.KindSection:
			line = fmt.Sprintf("%5d  %s%s %s %s", n.Pos.Line, ind, kindWord(n.Kind), n.Label, trunc(n.Heading, 70))
		case parser.KindArticle:
			line = fmt.Sprintf("%5d  %sĐiều %s. %s", n.Pos.Line, ind, n.Label, trunc(n.Heading, 70))
		case parser.KindItem:
			line = fmt.Sprintf("%5d  %s%-10s %s", n.Pos.Line, ind, n.Path, trunc(n.Heading, 70))
		case parser.KindAppendix, parser.KindAttachment:
			line = fmt.Sprintf("%5d  %s[%s] %s", n.Pos.Line, ind, n.Path, trunc(n.Heading, 70))
		case parser.KindTable:
			line = fmt.Sprintf("%5d  %stable: %d rows", n.Pos.Line, ind, len(n.Table.Rows))
		case parser.KindRecipients:
			line = fmt.Sprintf("%5d  %sNơi nhận: %d", n.Pos.Line, ind, len(r.Recipients))
		default:
			return true
		}
		// (no trailing blanks where a heading is empty)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		return true
	})
	fmt.Fprintln(w)
	return nil
}

func kindWord(k parser.Kind) string {
	switch k {
	case parser.KindPart:
		return "Phần"
	case parser.KindChapter:
		return "Chương"
	default:
		return "Mục"
	}
}

func trunc(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// writeMarkdown renders the document as readable Markdown.
func writeMarkdown(w io.Writer, r *analyze.Result) error {
	d := r.Document
	doc := r.Doc
	title := strings.TrimSpace(d.Type + " " + d.Number)
	if title == "" {
		title = r.Source
	}
	fmt.Fprintf(w, "# %s\n\n", title)
	if d.Title != "" {
		fmt.Fprintf(w, "**%s**\n\n", d.Title)
	}
	meta := [][2]string{{"Cơ quan ban hành", d.Issuer}, {"Nơi ban hành", d.Place}, {"Ngày", d.Date}}
	if d.Signer != nil {
		meta = append(meta, [2]string{"Người ký", strings.TrimSpace(d.Signer.Position + " " + d.Signer.Name)})
	}
	for _, m := range meta {
		if m[1] != "" {
			fmt.Fprintf(w, "- %s: %s\n", m[0], m[1])
		}
	}
	fmt.Fprintln(w)
	if len(r.Bases) > 0 {
		fmt.Fprintf(w, "## Căn cứ\n\n")
		for _, b := range r.Bases {
			fmt.Fprintf(w, "- %s\n", mdEscape(b))
		}
		fmt.Fprintln(w)
	}
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		text := parser.Clean(doc.Text[n.Body.Start:n.Body.End])
		switch n.Kind {
		case parser.KindHeader, parser.KindBases, parser.KindRecipients, parser.KindSignature:
			return false
		case parser.KindPart, parser.KindChapter, parser.KindSection, parser.KindAppendix, parser.KindAttachment:
			fmt.Fprintf(w, "## %s\n\n", mdEscape(text))
		case parser.KindArticle:
			fmt.Fprintf(w, "### %s\n\n", mdEscape(text))
		case parser.KindItem:
			depth := strings.Count(n.Path, "/")
			if !strings.Contains(n.Path, "/") || len(r.Articles) == 0 {
				depth++
			}
			fmt.Fprintf(w, "%s- **%s** %s\n", strings.Repeat("  ", max(depth-1, 0)), mdEscape(n.Label), mdEscape(n.Heading))
		case parser.KindParagraph:
			if n.Parent != nil && n.Parent.Kind == parser.KindItem {
				depth := strings.Count(n.Parent.Path, "/")
				fmt.Fprintf(w, "%s  %s\n", strings.Repeat("  ", max(depth-1, 0)), mdEscape(text))
			} else if n.Quoted {
				fmt.Fprintf(w, "> %s\n\n", mdEscape(text))
			} else {
				fmt.Fprintf(w, "%s\n\n", mdEscape(text))
			}
		case parser.KindTable:
			for i, row := range n.Table.Rows {
				cells := make([]string, len(row.Cells))
				for j, c := range row.Cells {
					cells[j] = strings.ReplaceAll(c, "|", `\|`)
				}
				fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
				if i == 0 {
					fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(cells)))
				}
			}
			fmt.Fprintln(w)
		}
		return true
	})
	if len(r.Recipients) > 0 {
		fmt.Fprintf(w, "\n## Nơi nhận\n\n")
		for _, x := range r.Recipients {
			fmt.Fprintf(w, "- %s\n", mdEscape(x))
		}
	}
	fmt.Fprintln(w)
	return nil
}

var mdReplacer = strings.NewReplacer("*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`, "]", `\]`)

func mdEscape(s string) string { return mdReplacer.Replace(s) }
