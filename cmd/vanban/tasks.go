package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/parser/agency"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/deadline"
)

func init() {
	register(&cli.Command{
		Name:      "tasks",
		Usage:     "list who leads which task and by when (the task ledger)",
		ArgsUsage: "FILE...",
		Description: `Lists every task of each FILE (numbered units and rows of task tables) with
its lead, cooperating and report-receiving agencies and its deadlines.

Agency filters ignore case and diacritics and know the usual abbreviations:
"so tai chinh", "SỞ TÀI CHÍNH" and "Sở TC" all mean Sở Tài chính; "Sở KH&ĐT"
and "Sở KHĐT" mean Sở Kế hoạch và Đầu tư. A department does not match a
group ("các sở, ban, ngành"). --due-before and --due-after keep tasks with a
dated deadline on or before / on or after DATE (2023-06-30 or 30/6/2023).

Examples:
   vanban tasks testdata/qd-79-2023-langson.txt
   vanban tasks --lead "so tai chinh" testdata/qd-79-2023-langson.txt
   vanban tasks --agency "Sở KH&ĐT" --format csv decisions/
   vanban tasks --due-before 30/6/2023 --format json plan.txt | jq '.[].path'`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "lead", Usage: "only tasks this agency leads"},
			&cli.StringFlag{Name: "cooperate", Usage: "only tasks this agency cooperates on"},
			&cli.StringFlag{Name: "agency", Usage: "only tasks this agency leads, cooperates on or receives reports of"},
			&cli.StringFlag{Name: "due-before", Usage: "only tasks with a deadline on or before `DATE`"},
			&cli.StringFlag{Name: "due-after", Usage: "only tasks with a deadline on or after `DATE`"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json, csv or markdown"},
		},
		Action: tasksAction,
	})
}

var reDMY = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// parseDate reads 2023-06-30 or 30/6/2023 into an ISO date.
func parseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), nil
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && int(t.Month()) == mo {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("bad date %q (want 2023-06-30 or 30/6/2023)", s)
}

// taskFilter is the filters of the tasks command.
type taskFilter struct {
	lead, coop, any string
	before, after   string
}

func (f taskFilter) keep(t analyze.TaskRow) bool {
	match := func(q string, lists ...[]string) bool {
		for _, l := range lists {
			for _, n := range l {
				if agency.Match(q, n) {
					return true
				}
			}
		}
		return false
	}
	if f.lead != "" && !match(f.lead, t.Lead) {
		return false
	}
	if f.coop != "" && !match(f.coop, t.Cooperate) {
		return false
	}
	if f.any != "" && !match(f.any, t.Lead, t.Cooperate, t.ReportTo) {
		return false
	}
	if f.before != "" || f.after != "" {
		ok := false
		for _, d := range t.Deadlines {
			if d.Date != nil && (f.before == "" || *d.Date <= f.before) && (f.after == "" || *d.Date >= f.after) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func tasksAction(c *cli.Context) error {
	format := c.String("format")
	if err := checkFormat(format, "table", "json", "csv", "markdown"); err != nil {
		return usageError(c, err.Error())
	}
	if c.NArg() == 0 && c.String("index") == "" {
		return usageError(c, "tasks needs at least one FILE (or - for standard input)")
	}
	f := taskFilter{lead: c.String("lead"), coop: c.String("cooperate"), any: c.String("agency")}
	var err error
	if s := c.String("due-before"); s != "" {
		if f.before, err = parseDate(s); err != nil {
			return usageError(c, "--due-before: "+err.Error())
		}
	}
	if s := c.String("due-after"); s != "" {
		if f.after, err = parseDate(s); err != nil {
			return usageError(c, "--due-after: "+err.Error())
		}
	}
	rows := []analyze.TaskRow{}
	runErr := eachSource(c, func(r *docResult) error {
		for _, t := range analyze.Ledger(r.Result) {
			if f.keep(t) {
				rows = append(rows, t)
			}
		}
		return nil
	})
	if werr := writeTasks(c, rows, format); werr != nil {
		return werr
	}
	return runErr
}

func writeTasks(c *cli.Context, rows []analyze.TaskRow, format string) error {
	w := c.App.Writer
	if format == "json" {
		return writeJSON(w, rows, true)
	}
	g := grid{Header: []string{"Document", "Path", "Heading", "Lead", "Cooperate", "Report to", "Deadlines", "Line"}}
	for _, t := range rows {
		g.Rows = append(g.Rows, []string{t.Document, t.Path, t.Heading, strings.Join(t.Lead, "; "),
			strings.Join(t.Cooperate, "; "), strings.Join(t.ReportTo, "; "), deadlineCell(t.Deadlines), strconv.Itoa(t.Line)})
	}
	return g.render(w, format)
}

// deadlineCell renders deadlines for a table cell: "2023-06-30 (trước ngày 30/6/2023)".
func deadlineCell(ds []deadline.Deadline) string {
	var parts []string
	for _, d := range ds {
		text := strings.Join(strings.Fields(d.Text), " ")
		if d.Date != nil {
			parts = append(parts, *d.Date+" ("+text+")")
		} else {
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, "; ")
}
