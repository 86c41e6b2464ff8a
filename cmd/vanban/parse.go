package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:      "parse",
		Usage:     "parse documents into their structure (header, bases, articles, tasks, …)",
		ArgsUsage: "FILE...",
		Description: `Reads each FILE (plain text, HTML page or Markdown; "-" reads standard input)
and prints its structure. With several files, json gives one object per line
(JSON Lines). Oddities such as article numbering that jumps are printed on
stderr as warnings with file:line:col; --strict makes them exit 1.

Examples:
   vanban parse testdata/qd-79-2023-langson.txt
   vanban parse --format json testdata/qd-79-2023-langson.txt | jq .document
   vanban parse --format markdown decision.html > decision.md
   cat decision.txt | vanban parse -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, json or markdown"},
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 when a document has warnings (numbering that jumps, …)"},
		},
		Action: parseAction,
	})
}

func parseAction(c *cli.Context) error {
	format := c.String("format")
	if err := checkFormat(format, "text", "json", "markdown"); err != nil {
		return usageError(c, err.Error())
	}
	if c.NArg() == 0 {
		return usageError(c, "parse needs at least one FILE (or - for standard input)")
	}
	w := c.App.Writer
	// several documents (several files, or a folder) give JSON Lines.
	jsonl := c.NArg() > 1
	if st, err := os.Stat(c.Args().First()); err == nil && st.IsDir() {
		jsonl = true
	}
	strict, problems := c.Bool("strict"), 0
	err := eachDocument(c, c.Args().Slice(), func(r *docResult) error {
		// oddities (numbering that jumps, …) as warnings with file:line:col.
		for _, p := range r.Result.Problems {
			fmt.Fprintln(c.App.ErrWriter, "vanban: warning: "+p)
			problems++
		}
		switch format {
		case "json":
			return writeJSON(w, r.Result, !jsonl)
		case "markdown":
			return writeMarkdown(w, r.Result)
		default:
			return writeOutline(w, r.Result)
		}
	})
	if err == nil && strict && problems > 0 {
		return exitError{1}
	}
	return err
}
