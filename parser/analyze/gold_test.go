package analyze

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/vntext"
)

// The seed's gold annotation, scored as /work/shared/tools/score.py does:
// multisets of keys, precision, recall and F1, names folded (no
// diacritics, đ→d, lower case, dashes and spaces squeezed).

const (
	seedText = "../../testdata/qd-79-2023-langson.txt"
	seedGold = "../../testdata/qd-79-2023-langson.gold.json"
)

var (
	reDash   = regexp.MustCompile(`\s*-\s*`)
	reSpaces = regexp.MustCompile(`\s+`)
)

// fold mirrors score.py's fold().
func fold(s string) string {
	s = vntext.Dashes(vntext.Fold(s))
	s = reDash.ReplaceAllString(s, "-")
	s = reSpaces.ReplaceAllString(s, " ")
	return strings.Trim(s, " .;,:")
}

func keyFold(s string) string { return reSpaces.ReplaceAllString(fold(s), "") }

func pathKey(s string) string {
	return strings.ToLower(reSpaces.ReplaceAllString(vntext.NFC(s), ""))
}

type prf struct{ P, R, F float64 }

func score(gold, pred map[string]int) prf {
	g, p, tp := 0, 0, 0
	for _, n := range gold {
		g += n
	}
	for k, n := range pred {
		p += n
		tp += min(n, gold[k])
	}
	var r prf
	switch {
	case p > 0:
		r.P = float64(tp) / float64(p)
	case g == 0:
		r.P = 1
	}
	r.R = 1
	if g > 0 {
		r.R = float64(tp) / float64(g)
	}
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

type scored struct {
	Deadlines []struct {
		Path string  `json:"path"`
		Date *string `json:"date"`
	} `json:"deadlines"`
	Responsibilities []struct {
		Path      string   `json:"path"`
		Lead      []string `json:"lead"`
		Cooperate []string `json:"cooperate"`
		ReportTo  []string `json:"report_to"`
	} `json:"responsibilities"`
	Appendix *struct {
		Rows []appRow `json:"rows"`
	} `json:"appendix"`
	Appendices []struct {
		Rows []appRow `json:"rows"`
	} `json:"appendices"`
}

type appRow struct {
	Indicator string   `json:"indicator"`
	Target    *string  `json:"target"`
	Lead      []string `json:"lead"`
}

func metrics(d scored) map[string]map[string]int {
	m := map[string]map[string]int{}
	add := func(field, key string, set bool) {
		if m[field] == nil {
			m[field] = map[string]int{}
		}
		if set {
			m[field][key] = 1
		} else {
			m[field][key]++
		}
	}
	for _, x := range d.Deadlines {
		if x.Date != nil && *x.Date != "" {
			add("deadlines", pathKey(x.Path)+"@"+*x.Date, false)
			add("deadline_dates", *x.Date, false)
		}
	}
	for _, r := range d.Responsibilities {
		for role, list := range map[string][]string{"lead": r.Lead, "cooperate": r.Cooperate, "report_to": r.ReportTo} {
			for _, a := range list {
				if a == "" {
					continue
				}
				add("responsibilities", pathKey(r.Path)+"|"+role+"|"+fold(a), true)
				if role == "lead" {
					add("leads", pathKey(r.Path)+"|"+fold(a), true)
				}
			}
		}
	}
	rows := []appRow{}
	if d.Appendix != nil {
		rows = append(rows, d.Appendix.Rows...)
	}
	for _, a := range d.Appendices {
		rows = append(rows, a.Rows...)
	}
	for _, r := range rows {
		t := ""
		if r.Target != nil {
			t = *r.Target
		}
		add("appendix_rows", fold(r.Indicator)+"|"+keyFold(t), false)
		for _, a := range r.Lead {
			if a != "" {
				add("appendix_leads", fold(r.Indicator)+"|"+fold(a), false)
			}
		}
	}
	return m
}

func analyzeSeed(t testing.TB) (*Result, []byte) {
	t.Helper()
	text, err := os.ReadFile(seedText)
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := parser.Parse("qd-79-2023-langson.txt", string(text))
	r := Analyze(doc, problems)
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return r, out
}

func TestSeedAgainstGold(t *testing.T) {
	_, out := analyzeSeed(t)
	goldData, err := os.ReadFile(seedGold)
	if err != nil {
		t.Fatal(err)
	}
	var gold, pred scored
	if err := json.Unmarshal(goldData, &gold); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &pred); err != nil {
		t.Fatal(err)
	}
	gm, pm := metrics(gold), metrics(pred)
	need := map[string]float64{"deadlines": 0.95, "leads": 0.85, "responsibilities": 0.8,
		"appendix_rows": 0.95, "appendix_leads": 0.85}
	for field, min := range need {
		s := score(gm[field], pm[field])
		t.Logf("%-17s P=%.3f R=%.3f F1=%.3f", field, s.P, s.R, s.F)
		if s.F+1e-9 < min {
			var missed, extra []string
			for k, n := range gm[field] {
				if pm[field][k] < n {
					missed = append(missed, k)
				}
			}
			for k, n := range pm[field] {
				if gm[field][k] < n {
					extra = append(extra, k)
				}
			}
			t.Errorf("%s F1 = %.3f, want ≥ %.2f\nmissed: %s\nextra: %s", field, s.F, min,
				strings.Join(missed, "; "), strings.Join(extra, "; "))
		}
	}
}

func TestScoreMirrorsScorePy(t *testing.T) {
	// fold as score.py: "Sở Lao động – Thương binh và Xã hội " → "so lao dong-thuong binh va xa hoi"
	if got := fold("Sở Lao động – Thương binh  và Xã hội. "); got != "so lao dong-thuong binh va xa hoi" {
		t.Errorf("fold = %q", got)
	}
	if got := keyFold("7 - 7,5"); got != "7-7,5" {
		t.Errorf("keyFold = %q", got)
	}
	s := score(map[string]int{"a": 2, "b": 1}, map[string]int{"a": 1, "c": 1})
	if fmt.Sprintf("%.3f %.3f", s.P, s.R) != "0.500 0.333" {
		t.Errorf("score = %+v", s)
	}
}

func TestLedger(t *testing.T) {
	r, _ := analyzeSeed(t)
	rows := Ledger(r)
	byPath := map[string]TaskRow{}
	for _, row := range rows {
		if _, dup := byPath[row.Path]; dup {
			t.Errorf("path %s twice in the ledger", row.Path)
		}
		byPath[row.Path] = row
	}
	if len(rows) < len(r.Tasks) {
		t.Fatalf("ledger has %d rows for %d tasks", len(rows), len(r.Tasks))
	}
	row, ok := byPath["1/6/6.5"]
	if !ok || len(row.Lead) != 1 || row.Lead[0] != "Sở Kế hoạch và Đầu tư" || row.Number != "79/QĐ-UBND" {
		t.Errorf("1/6/6.5 = %+v", row)
	}
	if len(row.Deadlines) != 1 || row.Deadlines[0].Kind != "recurring" {
		t.Errorf("1/6/6.5 deadlines = %+v", row.Deadlines)
	}
	if got := len(byPath["1/6/6.3/(2)"].Deadlines); got != 3 {
		t.Errorf("1/6/6.3/(2) has %d deadlines, want 3", got)
	}
}
