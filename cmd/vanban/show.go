package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/index"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

func init() {
	register(&cli.Command{
		Name:      "show",
		Usage:     "print an indexed document, or one of its tasks",
		ArgsUsage: "NUMBER [PATH]",
		Description: `Prints the indexed document with the number NUMBER (diacritics and case do
not matter: "79/qd-ubnd" finds 79/QĐ-UBND): its header, the number of its
tasks and its text. With PATH (a task path as search and tasks print it,
"2/3"), prints that task: its heading, who leads, cooperates and receives
reports, its deadlines and its text. When several indexed documents have
the number (issued by different bodies), each is printed.

Examples:
   vanban show 79/QĐ-UBND
   vanban show 79/QĐ-UBND 2/3
   vanban show --format json --index /srv/vanban/index 79/qd-ubnd 2/3`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
		},
		Action: showAction,
	})
}

type showDocJSON struct {
	Document index.DocInfo     `json:"document"`
	Title    string            `json:"title"`
	Tasks    int               `json:"tasks"`
	Ledger   []analyze.TaskRow `json:"ledger"`
	Text     string            `json:"text"`
}

type showTaskJSON struct {
	Document index.DocInfo `json:"document"`
	analyze.TaskRow
	Text string `json:"text"`
}

func showAction(c *cli.Context) error {
	args, err := trailingFlags(c)
	if err != nil {
		return usageError(c, err.Error())
	}
	format := c.String("format")
	if err := checkFormat(format, "text", "json"); err != nil {
		return usageError(c, err.Error())
	}
	if len(args) < 1 || len(args) > 2 {
		return usageError(c, "show needs a document NUMBER and, optionally, a task PATH")
	}
	number, path := args[0], ""
	if len(args) == 2 {
		path = args[1]
	}
	ix, err := openIndex(c)
	if err != nil {
		return err
	}
	defer ix.Close()
	docs, err := ix.Find(number)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("no indexed document numbered %q (vanban search finds documents by their words)", number)
	}
	w := c.App.Writer
	var out []any
	for i, d := range docs {
		info := docInfo(d)
		rows := analyze.Ledger(d.Result)
		if path == "" {
			if format == "json" {
				out = append(out, showDocJSON{Document: info, Title: d.Result.Document.Title, Tasks: len(d.Result.Tasks),
					Ledger: rows, Text: d.Result.Doc.Text})
				continue
			}
			if i > 0 {
				fmt.Fprintln(w)
			}
			writeShowDoc(w, info, d.Result)
			continue
		}
		text, ok := nodeText(d.Result.Doc, path)
		var row *analyze.TaskRow
		for k := range rows {
			if rows[k].Path == path {
				row = &rows[k]
			}
		}
		if row == nil && !ok {
			return fmt.Errorf("%s has no task %q; its tasks: %s", info.Number, path, taskPathList(rows))
		}
		if row == nil {
			row = &analyze.TaskRow{Document: d.Result.Source, Number: info.Number, Path: path, Lead: []string{},
				Cooperate: []string{}, ReportTo: []string{}}
		}
		if format == "json" {
			out = append(out, showTaskJSON{Document: info, TaskRow: *row, Text: text})
			continue
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeShowTask(w, info, *row, text)
	}
	if format == "json" {
		if len(out) == 1 {
			return writeJSON(w, out[0], true)
		}
		return writeJSON(w, out, true)
	}
	return nil
}

func docInfo(d index.Stored) index.DocInfo {
	h := d.Result.Document
	return index.DocInfo{Number: h.Number, Type: h.Type, Issuer: h.Issuer, Date: h.Date, Source: d.Source}
}

// nodeText is the text of the unit at path (with the units below it).
func nodeText(doc *parser.Document, path string) (string, bool) {
	if doc == nil || path == "" {
		return "", false
	}
	var found *parser.Node
	parser.Walk(doc.Root, func(n *parser.Node) bool {
		if found != nil {
			return false
		}
		if n.Path == path && n.Kind != parser.KindDocument {
			found = n
			return false
		}
		return true
	})
	if found == nil || found.Span.Start < 0 || found.Span.End > len(doc.Text) || found.Span.Start > found.Span.End {
		return "", false
	}
	return strings.TrimSpace(doc.Text[found.Span.Start:found.Span.End]), true
}

func taskPathList(rows []analyze.TaskRow) string {
	if len(rows) == 0 {
		return "none"
	}
	var ps []string
	for _, r := range rows {
		ps = append(ps, r.Path)
	}
	if len(ps) > 30 {
		ps = append(ps[:30], "…")
	}
	return strings.Join(ps, ", ")
}

func headerLine(info index.DocInfo) string {
	parts := []string{}
	for _, s := range []string{info.Number, info.Type, info.Issuer, info.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

func writeShowDoc(w io.Writer, info index.DocInfo, r *analyze.Result) {
	fmt.Fprintln(w, headerLine(info))
	if t := r.Document.Title; t != "" {
		fmt.Fprintln(w, oneLine(t))
	}
	fmt.Fprintln(w, info.Source)
	led := map[string]bool{}
	for _, t := range analyze.Ledger(r) {
		if len(t.Lead) > 0 {
			led[t.Path] = true
		}
	}
	fmt.Fprintf(w, "%d tasks, %d with a lead agency, %d deadlines, %d instruments cited (vanban show %s PATH prints a task)\n",
		len(r.Tasks), len(led), len(r.Deadlines), len(r.Citations), quoteArg(info.Number))
	fmt.Fprintln(w)
	text := ""
	if r.Doc != nil {
		text = r.Doc.Text
	}
	io.WriteString(w, text)
	if !strings.HasSuffix(text, "\n") {
		fmt.Fprintln(w)
	}
}

func writeShowTask(w io.Writer, info index.DocInfo, t analyze.TaskRow, text string) {
	fmt.Fprintf(w, "%s · %s\n", headerLine(info), t.Path)
	loc := info.Source
	if t.Line > 0 {
		loc += ":" + strconv.Itoa(t.Line)
	}
	fmt.Fprintln(w, loc)
	field := func(name string, v []string) {
		if len(v) > 0 {
			fmt.Fprintf(w, "%-10s %s\n", name+":", strings.Join(v, "; "))
		}
	}
	if t.Heading != "" && text == "" {
		// (with its text below, the heading, its first 80 characters,
		// would only repeat it cut short)
		fmt.Fprintf(w, "%-10s %s\n", "heading:", t.Heading)
	}
	field("lead", t.Lead)
	field("cooperate", t.Cooperate)
	field("report to", t.ReportTo)
	if len(t.Deadlines) > 0 {
		fmt.Fprintf(w, "%-10s %s\n", "deadlines:", deadlineCell(t.Deadlines))
	}
	if text != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, text)
	}
}

// quoteArg quotes s for a shell when it holds spaces.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return strconv.Quote(s)
	}
	return s
}
