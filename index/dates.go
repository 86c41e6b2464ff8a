package index

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Dates are indexed as three keyword terms, the year, the month and the
// day ("y2023", "m2023-01", "d2023-01-19"), instead of Bleve's datetime
// fields (sixteen prefix terms a value): a date range is the union of the
// whole years, whole months and single days it covers, each part a term
// range over few dictionary terms.

func dateTerms(t time.Time) []string {
	return []string{"y" + t.Format("2006"), "m" + t.Format("2006-01"), "d" + t.Format("2006-01-02")}
}

func termRange(field, min, max string) query.Query {
	incl := true
	q := bleve.NewTermRangeInclusiveQuery(min, max, &incl, &incl)
	q.SetField(field)
	return q
}

// dateRangeQuery selects the dates from..to in field, both inclusive; a
// zero time leaves that end open.
func dateRangeQuery(field string, from, to time.Time) query.Query {
	day := func(t time.Time) string { return "d" + t.Format("2006-01-02") }
	month := func(t time.Time) string { return "m" + t.Format("2006-01") }
	year := func(y int) string { return fmt.Sprintf("y%04d", y) }
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return termRange(field, "d9", "d0") // empty
	}
	var parts []query.Query
	// Open ends: whole years up to to's year (or from from's on).
	if from.IsZero() && to.IsZero() {
		return termRange(field, "y", "y9999")
	}
	if from.IsZero() {
		parts = append(parts, termRange(field, "y", year(to.Year()-1)))
		from = time.Date(to.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.IsZero() {
		parts = append(parts, termRange(field, year(from.Year()+1), "y9999"))
		to = time.Date(from.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	// from..to, closed: days to the end of from's month, whole months,
	// whole years, whole months, days from the start of to's month.
	firstOfMonth := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	endOfMonth := func(t time.Time) time.Time { return firstOfMonth(t).AddDate(0, 1, -1) }
	if firstOfMonth(from).Equal(firstOfMonth(to)) {
		return or(append(parts, termRange(field, day(from), day(to))))
	}
	if from.Day() != 1 {
		parts = append(parts, termRange(field, day(from), day(endOfMonth(from))))
		from = firstOfMonth(from).AddDate(0, 1, 0)
	}
	if !to.Equal(endOfMonth(to)) {
		parts = append(parts, termRange(field, day(firstOfMonth(to)), day(to)))
		to = firstOfMonth(to).AddDate(0, 0, -1)
	}
	// Now from is the first of a month and to the last of one, from ≤ to.
	if to.Before(from) {
		return or(parts)
	}
	if from.Year() == to.Year() {
		return or(append(parts, termRange(field, month(from), month(to))))
	}
	if from.Month() != 1 {
		parts = append(parts, termRange(field, month(from), month(time.Date(from.Year(), 12, 1, 0, 0, 0, 0, time.UTC))))
		from = time.Date(from.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if to.Month() != 12 {
		parts = append(parts, termRange(field, month(time.Date(to.Year(), 1, 1, 0, 0, 0, 0, time.UTC)), month(to)))
		to = time.Date(to.Year()-1, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if from.Year() <= to.Year() {
		parts = append(parts, termRange(field, year(from.Year()), year(to.Year())))
	}
	return or(parts)
}

func or(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}
