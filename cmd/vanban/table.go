package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-isatty"
)

// grid is tabular output that every list command renders through one of
// the renderers below: writeTable (aligned text), writeCSV, writeMarkdownTable.
type grid struct {
	Header []string
	Rows   [][]string
}

// render writes g in format: table, csv or markdown.
func (g *grid) render(w io.Writer, format string) error {
	switch format {
	case "csv":
		return g.writeCSV(w)
	case "markdown", "md":
		return g.writeMarkdown(w)
	default:
		return g.writeTable(w)
	}
}

// writeTable aligns columns for a terminal; cells longer than maxCell are
// cut with "…" when stdout is a terminal, kept whole when piped.
func (g *grid) writeTable(w io.Writer) error {
	maxCell := 0
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		maxCell = 60
	}
	cut := func(s string) string {
		s = strings.ReplaceAll(s, "\n", " ")
		if maxCell > 0 && utf8.RuneCountInString(s) > maxCell {
			return string([]rune(s)[:maxCell-1]) + "…"
		}
		return s
	}
	widths := make([]int, len(g.Header))
	all := append([][]string{g.Header}, g.Rows...)
	for _, r := range all {
		for i := range widths {
			if i < len(r) {
				widths[i] = max(widths[i], utf8.RuneCountInString(cut(r[i])))
			}
		}
	}
	for n, r := range all {
		var b strings.Builder
		for i := range widths {
			c := ""
			if i < len(r) {
				c = cut(r[i])
			}
			b.WriteString(c)
			if i < len(widths)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
		if n == 0 {
			var sep strings.Builder
			for i, wd := range widths {
				sep.WriteString(strings.Repeat("-", wd))
				if i < len(widths)-1 {
					sep.WriteString("  ")
				}
			}
			fmt.Fprintln(w, sep.String())
		}
	}
	return nil
}

func (g *grid) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(g.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(g.Rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (g *grid) writeMarkdown(w io.Writer) error {
	esc := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
	}
	row := func(r []string) {
		cells := make([]string, len(g.Header))
		for i := range cells {
			if i < len(r) {
				cells[i] = esc(r[i])
			}
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	row(g.Header)
	fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(g.Header)))
	for _, r := range g.Rows {
		row(r)
	}
	return nil
}
