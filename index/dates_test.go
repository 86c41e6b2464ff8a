package index

import (
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
)

// TestDateRangeQuery compares dateRangeQuery with a plain comparison of
// dates over random dates and ranges (open ends, single days, month and
// year boundaries).
func TestDateRangeQuery(t *testing.T) {
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = keyword.Name
	dm.AddFieldMappingsAt(fDT, fm)
	m.DefaultMapping = dm
	bi, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	r := rand.New(rand.NewSource(1))
	base := time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)
	var dates []time.Time
	b := bi.NewBatch()
	for i := 0; i < 400; i++ {
		d := base.AddDate(0, 0, r.Intn(900))
		dates = append(dates, d)
		b.Index(fmt.Sprint(i), map[string]interface{}{fDT: dateTerms(d)})
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ranges := [][2]string{
		{"2020-01-01", "2020-12-31"}, {"2020-02-29", "2020-02-29"}, {"2019-12-31", "2021-01-01"},
		{"2020-03-15", "2020-03-20"}, {"2020-03-15", "2021-08-02"}, {"2019-11-01", "2022-06-30"},
		{"", "2020-06-15"}, {"2021-02-10", ""}, {"", "2019-12-31"}, {"2020-01-01", ""},
		{"2021-05-01", "2021-04-30"}, {"2019-01-01", "2019-11-19"}, {"2020-11-30", "2020-12-01"},
	}
	for i := 0; i < 30; i++ {
		a := base.AddDate(0, 0, r.Intn(900)-30)
		ranges = append(ranges, [2]string{a.Format("2006-01-02"), a.AddDate(0, 0, r.Intn(400)).Format("2006-01-02")})
	}
	for _, rg := range ranges {
		from, to := day(rg[0]), day(rg[1])
		var want []string
		for i, d := range dates {
			if (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to)) {
				want = append(want, fmt.Sprint(i))
			}
		}
		req := bleve.NewSearchRequestOptions(dateRangeQuery(fDT, from, to), 1000, 0, false)
		res, err := bi.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		sort.Strings(got)
		sort.Strings(want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s..%s: %d documents, want %d", rg[0], rg[1], len(got), len(want))
		}
	}
}
