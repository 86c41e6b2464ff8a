package main

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/deadline"
)

func init() {
	register(&cli.Command{
		Name:      "deadlines",
		Usage:     "list every deadline in date order (table, json, csv or an iCalendar file)",
		ArgsUsage: "FILE...",
		Description: `Lists the deadlines of each FILE, earliest first; recurring duties ("hằng
tháng", "định kỳ 6 tháng", "Thường xuyên") have no date and come last.
--format ics writes an iCalendar file (RFC 5545) with one all-day event per
dated deadline, to import into a calendar.

Examples:
   vanban deadlines testdata/qd-79-2023-langson.txt
   vanban deadlines --format ics decisions/ > deadlines.ics
   vanban deadlines --format json plan.txt | jq '.[] | select(.kind == "before")'`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json, csv or ics"},
		},
		Action: deadlinesAction,
	})
}

// deadlineItem is one deadline with the task and document it belongs to.
type deadlineItem struct {
	Document string  `json:"document"`
	Number   string  `json:"number"`
	Path     string  `json:"path"`
	Heading  string  `json:"heading"`
	Text     string  `json:"text"`
	Date     *string `json:"date"`
	Kind     string  `json:"kind"`
	What     string  `json:"what"`
	Line     int     `json:"line"`
	Col      int     `json:"col"`
	docDate  string
	index    int
}

func deadlinesAction(c *cli.Context) error {
	format := c.String("format")
	if err := checkFormat(format, "table", "json", "csv", "ics"); err != nil {
		return usageError(c, err.Error())
	}
	if c.NArg() == 0 && c.String("index") == "" {
		return usageError(c, "deadlines needs at least one FILE (or - for standard input)")
	}
	items := []deadlineItem{}
	runErr := eachSource(c, func(r *docResult) error {
		items = append(items, deadlineItems(r.Result)...)
		return nil
	})
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if (a.Date == nil) != (b.Date == nil) {
			return a.Date != nil
		}
		if a.Date != nil && *a.Date != *b.Date {
			return *a.Date < *b.Date
		}
		return false
	})
	w := c.App.Writer
	var err error
	switch format {
	case "json":
		err = writeJSON(w, items, true)
	case "ics":
		err = writeICS(w, items)
	default:
		g := grid{Header: []string{"Date", "Kind", "Document", "Path", "Deadline", "Task", "Line"}}
		for _, d := range items {
			date := ""
			if d.Date != nil {
				date = *d.Date
			}
			g.Rows = append(g.Rows, []string{date, d.Kind, d.Document, d.Path, oneLine(d.Text), d.Heading, strconv.Itoa(d.Line)})
		}
		err = g.render(w, format)
	}
	if err != nil {
		return err
	}
	return runErr
}

// deadlineItems lists r's deadlines with the heading of their task.
func deadlineItems(r *analyze.Result) []deadlineItem {
	var out []deadlineItem
	for _, t := range analyze.Ledger(r) {
		for _, d := range t.Deadlines {
			out = append(out, deadlineItem{Document: t.Document, Number: t.Number, Path: d.Path, Heading: t.Heading,
				Text: d.Text, Date: d.Date, Kind: d.Kind, What: d.What, Line: d.Line, Col: d.Col, docDate: r.Document.Date})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	for i := range out {
		out[i].index = i
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeICS writes one all-day VEVENT per dated deadline. The UID is stable
// (document number or file, path, date and the deadline's index in the
// document), so importing a new run updates the same events; DTSTAMP is
// the document's date (the time the information was issued).
func writeICS(w io.Writer, items []deadlineItem) error {
	cal := ics.NewCalendarFor("vanban")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("vanban deadlines")
	for _, d := range items {
		if d.Date == nil {
			continue
		}
		day, err := time.Parse("2006-01-02", *d.Date)
		if err != nil {
			continue
		}
		who := d.Number
		if who == "" {
			who = d.Document
		}
		sum := sha1.Sum([]byte(fmt.Sprintf("%s|%s|%s|%s|%d", who, d.Document, d.Path, *d.Date, d.index)))
		ev := cal.AddEvent(hex.EncodeToString(sum[:10]) + "@vanban")
		stamp, err := time.Parse("2006-01-02", d.docDate)
		if err != nil {
			stamp = time.Now().UTC()
		}
		ev.SetDtStampTime(stamp.UTC())
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		heading := d.Heading
		if heading == "" {
			heading = d.What
		}
		summary := oneLine(d.Text)
		if heading != "" {
			summary = heading + " — " + summary
		}
		ev.SetSummary(summary)
		var desc strings.Builder
		fmt.Fprintf(&desc, "Hạn: %s (%s)\n", oneLine(d.Text), d.Kind)
		if d.What != "" {
			fmt.Fprintf(&desc, "Việc: %s\n", d.What)
		}
		if d.Heading != "" {
			fmt.Fprintf(&desc, "Nhiệm vụ %s: %s\n", d.Path, d.Heading)
		} else {
			fmt.Fprintf(&desc, "Mục %s\n", d.Path)
		}
		if d.Number != "" {
			fmt.Fprintf(&desc, "Văn bản %s, ", d.Number)
		}
		fmt.Fprintf(&desc, "%s:%d", d.Document, d.Line)
		ev.SetDescription(desc.String())
	}
	_, err := io.WriteString(w, cal.Serialize())
	return err
}

var _ = deadline.Recurring
