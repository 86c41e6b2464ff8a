package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/index"
	"github.com/vanban/vanban/parser/cite"
	"github.com/vanban/vanban/parser/vntext"
)

func init() {
	register(&cli.Command{
		Name:      "cites",
		Usage:     "list the instruments documents cite, with every place they are cited",
		ArgsUsage: "FILE...",
		Description: `Reads each FILE (or every document in a folder) and lists the laws, decrees,
decisions, circulars, resolutions, letters … it cites: one row per instrument
with its key (the number/symbol, or "Luật <Name> năm YYYY" for a law cited by
name), type, date, issuer, subject, how many times it is cited and where
(path@line). With several files the list is consolidated: instruments are
merged by key and the "documents" column says which files cite each one.

--annotate prints the text instead, every recognized citation marked in
place as [text]{key} (with the pinpoint after the key when there is one), and
the document's references to its own articles as [text]{→path}, so a reader
sees at a glance what was and was not recognized. With --format markdown the
marks are links to a list of the instruments at the end.

--internal lists the document's references to its own units ("khoản 2 Điều
5 của Nghị định này", "Điều này", "Như Điều 3") with the paths they point at.

Examples:
   vanban cites testdata/qd-79-2023-langson.txt
   vanban cites --format json decision.txt | jq '.[] | select(.type == "Nghị định")'
   vanban cites --format csv decisions/ > cited.csv
   vanban cites --annotate decision.txt | less
   vanban cites --annotate --format markdown decision.txt > decision.md
   vanban cites --internal decree.txt

Over the index (see vanban index), --cited-by lists every indexed document
that cites an instrument, with the paths citing it, and --top N the N
instruments cited by the most documents (both work on FILEs too):
   vanban cites --index ~/idx --cited-by 40/2020/NĐ-CP
   vanban cites --index ~/idx --top 20
   vanban cites --index ~/idx --format json > all-citations.json`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "cited-by", Usage: "list the documents that cite this instrument (e.g. 40/2020/NĐ-CP), with where"},
			&cli.IntFlag{Name: "top", Usage: "list the `N` instruments cited by the most documents"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, csv, json or markdown"},
			&cli.BoolFlag{Name: "annotate", Aliases: []string{"a"}, Usage: "print the text with every recognized citation marked"},
			&cli.BoolFlag{Name: "internal", Aliases: []string{"i"}, Usage: "list the references to the document's own articles and clauses"},
		},
		Action: citesAction,
	})
}

// citedPlace is one mention of an instrument in one document.
type citedPlace struct {
	Document  string  `json:"document"`
	Path      string  `json:"path"`
	Line      int     `json:"line"`
	Col       int     `json:"col"`
	Text      string  `json:"text"`
	Pinpoint  *string `json:"pinpoint"`
	InTitleOf string  `json:"in_title_of,omitempty"`
	Anaphoric bool    `json:"anaphoric,omitempty"`
}

// citedInstrument is one row of the consolidated list.
type citedInstrument struct {
	Key       string       `json:"key"`
	Type      string       `json:"type"`
	Number    *string      `json:"number"`
	Date      *string      `json:"date"`
	Issuer    *string      `json:"issuer"`
	Title     *string      `json:"title"`
	Count     int          `json:"count"`
	Documents []string     `json:"documents"`
	Mentions  []citedPlace `json:"mentions"`
}

// mergeKey is the key instruments are merged by across documents: folded,
// without white space, so spelling variants of one symbol or law name meet.
func mergeKey(k string) string {
	return strings.Join(strings.Fields(vntext.Key(k)), "")
}

func citesAction(c *cli.Context) error {
	format := c.String("format")
	if err := checkFormat(format, "table", "csv", "json", "markdown"); err != nil {
		return usageError(c, err.Error())
	}
	fromIndex := c.String("index") != ""
	if fromIndex && c.NArg() > 0 {
		return usageError(c, "give either --index or FILEs, not both")
	}
	if c.NArg() == 0 && !fromIndex {
		return usageError(c, "cites needs at least one FILE or folder (or - for standard input), or --index")
	}
	modes := 0
	for _, on := range []bool{c.Bool("annotate"), c.Bool("internal"), c.IsSet("cited-by"), c.IsSet("top")} {
		if on {
			modes++
		}
	}
	if modes > 1 {
		return usageError(c, "--annotate, --internal, --cited-by and --top do not go together")
	}
	if fromIndex && (c.Bool("annotate") || c.Bool("internal")) {
		return usageError(c, "--annotate and --internal read FILEs, not the index")
	}
	if c.IsSet("cited-by") {
		if strings.TrimSpace(c.String("cited-by")) == "" {
			return usageError(c, "--cited-by needs an instrument key (e.g. 40/2020/NĐ-CP)")
		}
		return citedByAction(c, format)
	}
	if c.IsSet("top") {
		if c.Int("top") <= 0 {
			return usageError(c, "--top needs a number above 0")
		}
		return topCitedAction(c, format)
	}
	if c.Bool("annotate") && c.Bool("internal") {
		return usageError(c, "--annotate and --internal do not go together")
	}
	w := c.App.Writer
	switch {
	case c.Bool("annotate"):
		if format != "table" && format != "markdown" {
			return usageError(c, "--annotate prints text: use --format markdown for links, or no --format")
		}
		first := true
		return eachDocument(c, c.Args().Slice(), func(r *docResult) error {
			if c.NArg() > 1 || len(c.Args().Slice()) > 1 {
				if !first {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "==> %s <==\n", r.Input.DisplayName())
			}
			first = false
			return writeAnnotated(w, r, format == "markdown")
		})
	case c.Bool("internal"):
		g := &grid{Header: []string{"document", "where", "reference", "targets", "resolved"}}
		var all []map[string]any
		err := eachDocument(c, c.Args().Slice(), func(r *docResult) error {
			for _, ir := range cite.InternalReferences(r.Result.Doc) {
				g.Rows = append(g.Rows, []string{r.Input.DisplayName(), fmt.Sprintf("%s@%d", ir.Path, ir.Line), ir.Text,
					strings.Join(ir.Targets, ", "), strconv.FormatBool(ir.Resolved)})
				all = append(all, map[string]any{"document": r.Input.DisplayName(), "reference": ir})
			}
			return nil
		})
		if err != nil && len(g.Rows) == 0 {
			return err
		}
		var werr error
		if format == "json" {
			if all == nil {
				all = []map[string]any{}
			}
			werr = writeJSON(w, all, true)
		} else {
			werr = g.render(w, format)
		}
		if werr != nil {
			return werr
		}
		return err
	}

	var order []string
	byKey := map[string]*citedInstrument{}
	docs := 0
	err := eachCiting(c, func(d citingDoc) error {
		docs++
		name := d.name
		for _, ct := range d.citations {
			k := mergeKey(ct.Key)
			in := byKey[k]
			if in == nil {
				in = &citedInstrument{Key: ct.Key, Type: ct.Type, Documents: []string{}, Mentions: []citedPlace{}}
				byKey[k] = in
				order = append(order, k)
			}
			fill(&in.Number, ct.Number)
			fill(&in.Date, ct.Date)
			fill(&in.Issuer, ct.Issuer)
			fill(&in.Title, ct.Title)
			if len(in.Documents) == 0 || in.Documents[len(in.Documents)-1] != name {
				in.Documents = append(in.Documents, name)
			}
			for _, m := range ct.Mentions {
				in.Mentions = append(in.Mentions, citedPlace{Document: name, Path: m.Path, Line: m.Line, Col: m.Col,
					Text: m.Text, Pinpoint: m.Pinpoint, InTitleOf: m.InTitleOf, Anaphoric: m.Anaphoric})
				in.Count++
			}
		}
		return nil
	})
	if docs == 0 {
		if err == nil && fromIndex {
			return writeEmptyCites(w, format)
		}
		return err
	}
	list := make([]*citedInstrument, 0, len(order))
	for _, k := range order {
		list = append(list, byKey[k])
	}
	if docs > 1 {
		// the most widely cited first, then in order of first mention
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].Documents) > len(list[j].Documents) })
	}
	var werr error
	if format == "json" {
		werr = writeJSON(w, list, true)
	} else {
		werr = citesGrid(list, docs > 1).render(w, format)
	}
	if werr != nil {
		return werr
	}
	return err
}

func fill(dst **string, v *string) {
	if *dst == nil && v != nil {
		*dst = v
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func citesGrid(list []*citedInstrument, multi bool) *grid {
	g := &grid{Header: []string{"key", "type", "date", "issuer", "title", "mentions", "where"}}
	if multi {
		g.Header = append(g.Header, "documents")
	}
	for _, in := range list {
		var where []string
		for _, m := range in.Mentions {
			p := fmt.Sprintf("%s@%d", m.Path, m.Line)
			if multi {
				p = m.Document + ":" + p
			}
			where = append(where, p)
		}
		row := []string{in.Key, in.Type, deref(in.Date), deref(in.Issuer), deref(in.Title),
			strconv.Itoa(in.Count), strings.Join(where, ", ")}
		if multi {
			row = append(row, strings.Join(in.Documents, ", "))
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// writeAnnotated prints the document's text with every citation (and every
// reference to its own units) marked where it stands.
func writeAnnotated(w io.Writer, r *docResult, markdown bool) error {
	doc := r.Result.Doc
	type mark struct {
		start, end int
		label      string
		cite       int // 1-based index into the citation list, 0 for internal
	}
	var marks []mark
	cites := r.Result.Citations
	for i, ct := range cites {
		for _, m := range ct.Mentions {
			l := ct.Key
			if m.Pinpoint != nil {
				l += " | " + *m.Pinpoint
			}
			marks = append(marks, mark{m.Offset, m.End, l, i + 1})
		}
	}
	for _, ir := range cite.InternalReferences(doc) {
		l := "→" + strings.Join(ir.Targets, ", ")
		if len(ir.Targets) == 0 {
			l = "→?"
		}
		marks = append(marks, mark{start: ir.Offset, end: ir.End, label: l})
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var b strings.Builder
	pos := 0
	for _, m := range marks {
		if m.start < pos || m.end > len(doc.Text) || m.end <= m.start {
			continue // overlapping or out of range: keep the text as it is
		}
		b.WriteString(doc.Text[pos:m.start])
		text := doc.Text[m.start:m.end]
		switch {
		case markdown && m.cite > 0:
			fmt.Fprintf(&b, "[%s](#cite-%d %q)", text, m.cite, m.label)
		case markdown:
			fmt.Fprintf(&b, "[%s](#internal %q)", text, m.label)
		default:
			fmt.Fprintf(&b, "[%s]{%s}", text, m.label)
		}
		pos = m.end
	}
	b.WriteString(doc.Text[pos:])
	s := b.String()
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	if _, err := io.WriteString(w, s); err != nil {
		return err
	}
	if markdown && len(cites) > 0 {
		fmt.Fprintf(w, "\n## Cited instruments\n\n")
		for i, ct := range cites {
			extra := []string{ct.Type}
			if ct.Date != nil {
				extra = append(extra, *ct.Date)
			}
			if ct.Issuer != nil {
				extra = append(extra, *ct.Issuer)
			}
			fmt.Fprintf(w, "%d. <a id=\"cite-%d\"></a>**%s** (%s), %d mention(s)\n", i+1, i+1, ct.Key, strings.Join(extra, ", "), len(ct.Mentions))
		}
	}
	return nil
}

// citingDoc is one document and its citations, from a file or the index.
type citingDoc struct {
	name, number, date string
	citations          []cite.Citation
}

// eachCiting calls fn with every document named on the command line, or
// with every indexed one (their stored citations) when --index is given.
func eachCiting(c *cli.Context, fn func(citingDoc) error) error {
	if c.String("index") == "" {
		return eachDocument(c, c.Args().Slice(), func(r *docResult) error {
			return fn(citingDoc{name: r.Input.DisplayName(), number: r.Result.Document.Number,
				date: r.Result.Document.Date, citations: r.Result.Citations})
		})
	}
	ix, err := openIndex(c)
	if err != nil {
		return err
	}
	defer ix.Close()
	return ix.EachCitations(func(d index.CitingDoc) error {
		return fn(citingDoc{name: (&corpus.Input{Name: d.Name}).DisplayName(), number: d.Number, date: d.Date, citations: d.Citations})
	})
}

func writeEmptyCites(w io.Writer, format string) error {
	if format == "json" {
		return writeJSON(w, []any{}, true)
	}
	return citesGrid(nil, true).render(w, format)
}

// citingEntry is one document citing the instrument --cited-by names.
type citingEntry struct {
	Document string       `json:"document"`
	Number   string       `json:"number"`
	Date     string       `json:"date"`
	Key      string       `json:"key"` // the instrument as this document writes it
	Paths    []string     `json:"paths"`
	Mentions []citedPlace `json:"mentions"`
}

// citedByAction lists the documents citing --cited-by, in file order.
func citedByAction(c *cli.Context, format string) error {
	want := mergeKey(c.String("cited-by"))
	list := []citingEntry{}
	add := func(name, number, date string, ct cite.Citation) {
		e := citingEntry{Document: name, Number: number, Date: date, Key: ct.Key, Paths: []string{}, Mentions: []citedPlace{}}
		seen := map[string]bool{}
		for _, m := range ct.Mentions {
			if !seen[m.Path] {
				seen[m.Path] = true
				e.Paths = append(e.Paths, m.Path)
			}
			e.Mentions = append(e.Mentions, citedPlace{Document: name, Path: m.Path, Line: m.Line, Col: m.Col,
				Text: m.Text, Pinpoint: m.Pinpoint, InTitleOf: m.InTitleOf, Anaphoric: m.Anaphoric})
		}
		list = append(list, e)
	}
	var err error
	if c.String("index") != "" {
		var ix *index.Index
		if ix, err = openIndex(c); err != nil {
			return err
		}
		defer ix.Close()
		var found []index.Citing
		if found, err = ix.CitedBy(c.String("cited-by")); err != nil {
			return err
		}
		for _, f := range found {
			add((&corpus.Input{Name: f.Name}).DisplayName(), f.Number, f.Date, f.Citation)
		}
	} else {
		err = eachDocument(c, c.Args().Slice(), func(r *docResult) error {
			for _, ct := range r.Result.Citations {
				if mergeKey(ct.Key) == want {
					add(r.Input.DisplayName(), r.Result.Document.Number, r.Result.Document.Date, ct)
					break
				}
			}
			return nil
		})
	}
	w := c.App.Writer
	var werr error
	if format == "json" {
		werr = writeJSON(w, list, true)
	} else {
		g := &grid{Header: []string{"document", "number", "date", "cited as", "mentions", "paths", "where"}}
		for _, e := range list {
			var where []string
			for _, m := range e.Mentions {
				where = append(where, fmt.Sprintf("%s@%d", m.Path, m.Line))
			}
			g.Rows = append(g.Rows, []string{e.Document, e.Number, e.Date, e.Key, strconv.Itoa(len(e.Mentions)),
				strings.Join(e.Paths, ", "), strings.Join(where, ", ")})
		}
		werr = g.render(w, format)
	}
	if werr != nil {
		return werr
	}
	return err
}

// topCitedAction lists the --top N instruments cited by the most
// documents (ties by key).
func topCitedAction(c *cli.Context, format string) error {
	n := c.Int("top")
	var top []index.Cited
	var err error
	if c.String("index") != "" {
		ix, oerr := openIndex(c)
		if oerr != nil {
			return oerr
		}
		defer ix.Close()
		if top, err = ix.TopCited(n); err != nil {
			return err
		}
	} else {
		byKey := map[string]*index.Cited{}
		var order []string
		err = eachDocument(c, c.Args().Slice(), func(r *docResult) error {
			seen := map[string]bool{}
			for _, ct := range r.Result.Citations {
				k := mergeKey(ct.Key)
				if seen[k] {
					continue
				}
				seen[k] = true
				if byKey[k] == nil {
					byKey[k] = &index.Cited{Key: ct.Key, Type: ct.Type}
					order = append(order, k)
				}
				byKey[k].Count++
			}
			return nil
		})
		sort.Strings(order)
		for _, k := range order {
			top = append(top, *byKey[k])
		}
		sort.SliceStable(top, func(i, j int) bool { return top[i].Count > top[j].Count })
		if len(top) > n {
			top = top[:n]
		}
	}
	if top == nil {
		top = []index.Cited{}
	}
	w := c.App.Writer
	var werr error
	if format == "json" {
		werr = writeJSON(w, top, true)
	} else {
		g := &grid{Header: []string{"rank", "key", "type", "documents"}}
		for i, t := range top {
			g.Rows = append(g.Rows, []string{strconv.Itoa(i + 1), t.Key, t.Type, strconv.Itoa(t.Count)})
		}
		werr = g.render(w, format)
	}
	if werr != nil {
		return werr
	}
	return err
}
