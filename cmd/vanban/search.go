package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/index"
)

func init() {
	register(&cli.Command{
		Name:      "search",
		Usage:     "search the indexed documents (with or without diacritics)",
		ArgsUsage: "QUERY",
		Description: `Finds the decisions and tasks that contain every word of QUERY. Words typed
without diacritics match any diacritics ("so tai chinh" finds "Sở Tài chính");
words typed with them rank exact matches first. "Quoted words" must appear
together, in that order.

The count of hits is exact, but for a phrase of three words or more
with over 1,000 candidates, which are not all checked: then it is "at
most" that many; with --format json, "total_relation" says which ("eq" or
"lte").

Examples:
   vanban search so tai chinh chu tri
   vanban search '"kế hoạch đầu tư công"' --from 2023-01-01
   vanban search --type "quyết định" --issuer "lang son" ngan sach
   vanban search --cites 40/2020/NĐ-CP --format json giai ngan`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "type", Usage: "only documents of this type (Quyết định, Nghị định, …)"},
			&cli.StringFlag{Name: "issuer", Usage: "only documents whose issuer has these words"},
			&cli.StringFlag{Name: "from", Usage: "only documents dated on or after YYYY-MM-DD"},
			&cli.StringFlag{Name: "to", Usage: "only documents dated on or before YYYY-MM-DD"},
			&cli.StringFlag{Name: "cites", Usage: "only documents and tasks citing this instrument (e.g. 40/2020/NĐ-CP)"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 10, Usage: "number of hits"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table or json"},
		},
		Action: searchAction,
	})
}

type searchHitJSON struct {
	Document index.DocInfo `json:"document"`
	Path     string        `json:"path"`
	Line     int           `json:"line,omitempty"`
	Score    float64       `json:"score"`
	Snippet  string        `json:"snippet"`
}

func searchAction(c *cli.Context) error {
	args, err := trailingFlags(c)
	if err != nil {
		return usageError(c, err.Error())
	}
	format := c.String("format")
	if err := checkFormat(format, "table", "json"); err != nil {
		return usageError(c, err.Error())
	}
	q := strings.Join(args, " ")
	if q == "" && c.String("type") == "" && c.String("issuer") == "" && c.String("cites") == "" && c.String("from") == "" && c.String("to") == "" {
		return usageError(c, "search needs a QUERY")
	}
	ix, err := openIndex(c)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(index.Request{Query: q, Type: c.String("type"), Issuer: c.String("issuer"),
		From: c.String("from"), To: c.String("to"), Cites: c.String("cites"), Limit: c.Int("limit")})
	if err != nil {
		return err
	}
	w := c.App.Writer
	if format == "json" {
		out := struct {
			Total    uint64          `json:"total"`
			Relation index.Relation  `json:"total_relation"`
			Hits     []searchHitJSON `json:"hits"`
		}{Total: res.Total, Relation: res.Relation, Hits: []searchHitJSON{}}
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, searchHitJSON{Document: h.Document, Path: h.Path, Line: h.Line,
				Score: h.Score, Snippet: h.Snippet.Render("«", "»")})
		}
		return writeJSON(w, out, true)
	}
	open, close := "«", "»"
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) && os.Getenv("NO_COLOR") == "" {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	if len(res.Hits) == 0 {
		fmt.Fprintln(w, "no hits")
		return nil
	}
	for i, h := range res.Hits {
		d := h.Document
		where := d.Number
		if where == "" {
			where = d.Source
		}
		if h.Path != "" {
			where += " · " + h.Path
		}
		loc := d.Source
		if h.Line > 0 {
			loc += ":" + strconv.Itoa(h.Line)
		}
		fmt.Fprintf(w, "%d. %s  %s %s  score %.2f\n   %s\n   %s\n", i+1, where, d.Type, d.Date, h.Score, h.Snippet.Render(open, close), loc)
	}
	bound := map[index.Relation]string{index.TotalAtMost: "at most "}
	fmt.Fprintf(w, "%d of %s%d hits (%.1f ms)\n", len(res.Hits), bound[res.Relation], res.Total, float64(res.Took.Microseconds())/1000)
	return nil
}

// trailingFlags applies the command's flags written after its positional
// arguments ("search so tai chinh --limit 3": urfave/cli stops reading
// flags at the first argument) and returns the positional arguments left.
// Only names of the command's own flags are taken; any other word, even
// one starting with "-", stays an argument.
func trailingFlags(c *cli.Context) ([]string, error) {
	byName := map[string]cli.Flag{}
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			byName[n] = f
		}
	}
	args := c.Args().Slice()
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f, ok := byName[name]
		if !ok {
			rest = append(rest, a)
			continue
		}
		if _, isBool := f.(*cli.BoolFlag); isBool {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("flag %s needs a value", a)
			}
			i++
			value = args[i]
		}
		if err := c.Set(f.Names()[0], value); err != nil {
			return nil, fmt.Errorf("flag %s: %v", a, err)
		}
	}
	return rest, nil
}
