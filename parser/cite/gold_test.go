package cite

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
	"golang.org/x/text/unicode/norm"
)

// The seed document and its hand-checked gold.
const (
	seedText = "../../testdata/qd-79-2023-langson.txt"
	seedGold = "../../testdata/qd-79-2023-langson.gold.json"
)

// scoreFold mirrors fold() of /work/shared/tools/score.py: folded, dashes
// unified and glued to their neighbours, spaces squeezed, trimmed of " .;,:".
func scoreFold(s string) string {
	k := vntext.Key(s)
	k = strings.ReplaceAll(k, " -", "-")
	return strings.ReplaceAll(k, "- ", "-")
}

var yearSuffix = regexp.MustCompile(`(nam)?\d{4}$`)

// citeKey mirrors cite_key() of score.py: no spaces; unnumbered keys
// without their year suffix.
func citeKey(s string) string {
	k := strings.Join(strings.Fields(scoreFold(s)), "")
	if !strings.Contains(k, "/") {
		k = yearSuffix.ReplaceAllString(k, "")
	}
	return k
}

type prfResult struct {
	P, R, F        float64
	gold, pred, tp int
	missed, extra  []string
}

// prf is score.py's multiset precision/recall/F1.
func prf(gold, pred []string) prfResult {
	g, p := map[string]int{}, map[string]int{}
	for _, x := range gold {
		g[x]++
	}
	for _, x := range pred {
		p[x]++
	}
	r := prfResult{gold: len(gold), pred: len(pred)}
	for k, n := range g {
		r.tp += min(n, p[k])
		for i := p[k]; i < n; i++ {
			r.missed = append(r.missed, k)
		}
	}
	for k, n := range p {
		for i := g[k]; i < n; i++ {
			r.extra = append(r.extra, k)
		}
	}
	switch {
	case r.pred > 0:
		r.P = float64(r.tp) / float64(r.pred)
	case r.gold == 0:
		r.P = 1
	}
	r.R = 1
	if r.gold > 0 {
		r.R = float64(r.tp) / float64(r.gold)
	}
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

type scoreCitation struct {
	Key      string  `json:"key"`
	Date     *string `json:"date"`
	Mentions []struct {
		Pinpoint *string `json:"pinpoint"`
	} `json:"mentions"`
}

// scoreFields computes the four citation fields of score.py.
func scoreFields(gc, pc []scoreCitation) map[string]prfResult {
	keys := func(cs []scoreCitation) (cit, men, dates, pins []string) {
		for _, c := range cs {
			k := citeKey(c.Key)
			cit = append(cit, k)
			for _, m := range c.Mentions {
				men = append(men, k)
				if m.Pinpoint != nil && *m.Pinpoint != "" {
					pins = append(pins, k+":"+scoreFold(*m.Pinpoint))
				}
			}
			if c.Date != nil && *c.Date != "" {
				dates = append(dates, k+"@"+*c.Date)
			}
		}
		return
	}
	g1, g2, g3, g4 := keys(gc)
	p1, p2, p3, p4 := keys(pc)
	return map[string]prfResult{
		"citations": prf(g1, p1), "mentions": prf(g2, p2), "citation_dates": prf(g3, p3), "pinpoints": prf(g4, p4),
	}
}

func loadSeed(t testing.TB) *parser.Document {
	b, err := os.ReadFile(seedText)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := parser.Parse(seedText, string(b))
	return doc
}

// seedScores scores Extract on doc against the seed's gold the way
// score.py does.
func seedScores(t *testing.T, doc *parser.Document) map[string]prfResult {
	t.Helper()
	var gold struct {
		Citations []scoreCitation `json:"citations"`
	}
	b, err := os.ReadFile(seedGold)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(Extract(doc))
	var pred []scoreCitation
	if err := json.Unmarshal(out, &pred); err != nil {
		t.Fatal(err)
	}
	return scoreFields(gold.Citations, pred)
}

// seedBars are the scores the seed must keep: every instrument, no other,
// every date and pinpoint.
var seedBars = []struct {
	field, metric string
	min           float64
}{
	{"citations", "P", 1}, {"citations", "R", 1},
	{"mentions", "F", 0.99},
	{"citation_dates", "F", 1},
	{"pinpoints", "P", 1}, {"pinpoints", "R", 1},
}

func checkSeedBars(t *testing.T, got map[string]prfResult) {
	t.Helper()
	for _, f := range []string{"citations", "mentions", "citation_dates", "pinpoints"} {
		r := got[f]
		t.Logf("%-15s P=%.3f R=%.3f F1=%.3f gold=%d pred=%d missed=%v extra=%v", f, r.P, r.R, r.F, r.gold, r.pred, r.missed, r.extra)
	}
	for _, b := range seedBars {
		r := got[b.field]
		v := map[string]float64{"P": r.P, "R": r.R, "F": r.F}[b.metric]
		if v < b.min {
			t.Errorf("%s %s = %.3f, want ≥ %.2f (missed %v, extra %v)", b.field, b.metric, v, b.min, r.missed, r.extra)
		}
	}
}

// TestGoldSeed scores Extract on the seed against its gold the way
// score.py does and holds the bars.
func TestGoldSeed(t *testing.T) {
	checkSeedBars(t, seedScores(t, loadSeed(t)))
}

// TestGoldSeedVariants holds the same bars on the seed as other sources
// print it: decomposed (NFD) diacritics, and every paragraph wrapped at 72
// columns the way pandoc and PDF converters cut lines — which cuts
// "Quyết định số 1513/QĐ-" from "TTg ngày 03/12/2022 của Thủ tướng …", an
// issuer from its "của", a pinpoint from its instrument.
func TestGoldSeedVariants(t *testing.T) {
	b, err := os.ReadFile(seedText)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	var wrapped []string
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "|") {
			wrapped = append(wrapped, line)
			continue
		}
		n := 0
		var cur []string
		for _, w := range strings.Fields(line) {
			if n > 0 && n+1+len([]rune(w)) > 72 {
				wrapped = append(wrapped, strings.Join(cur, " "))
				cur, n = nil, 0
			}
			cur = append(cur, w)
			n += len([]rune(w)) + 1
		}
		wrapped = append(wrapped, strings.Join(cur, " "))
	}
	for name, text := range map[string]string{"nfd": norm.NFD.String(src), "wrapped": strings.Join(wrapped, "\n")} {
		t.Run(name, func(t *testing.T) {
			doc, _ := parser.Parse(seedText, text)
			checkSeedBars(t, seedScores(t, doc))
		})
	}
}

// TestScoreMirror checks the key folding against cases score.py decides.
func TestScoreMirror(t *testing.T) {
	cases := map[string]string{
		"247/KH- UBND": "247/kh-ubnd",
		"Luật Ngân sách nhà nước năm 2015":    "luatngansachnhanuoc",
		"Luật Tổ chức chính quyền địa phương": "luattochucchinhquyendiaphuong",
		"Quyết định 1513/QĐ–TTg":              "quyetdinh1513/qd-ttg",
		"Đề án 06":                            "dean06",
	}
	for in, want := range cases {
		if got := citeKey(in); got != want {
			t.Errorf("citeKey(%q) = %q, want %q", in, got, want)
		}
	}
	r := prf([]string{"a", "a", "b"}, []string{"a", "c"})
	if r.tp != 1 || r.P != 0.5 || r.R != 1.0/3 {
		t.Errorf("prf = %+v", r)
	}
}

// BenchmarkCite measures the extractor alone over the seed.
func BenchmarkCite(b *testing.B) {
	doc := loadSeed(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(doc)
	}
}
