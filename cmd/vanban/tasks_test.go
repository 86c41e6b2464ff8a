package main

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/vanban/vanban/parser/vntext"
)

const seed = "../../testdata/qd-79-2023-langson.txt"

// runApp runs vanban in-process and returns its output and exit code.
func runApp(t *testing.T, args ...string) (string, int) {
	t.Helper()
	out, _, code := runCLI(t, "", args...)
	return out, code
}

type ledgerRow struct {
	Document  string   `json:"document"`
	Path      string   `json:"path"`
	Heading   string   `json:"heading"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
	ReportTo  []string `json:"report_to"`
	Deadlines []struct {
		Date *string `json:"date"`
		Kind string  `json:"kind"`
	} `json:"deadlines"`
}

func taskPaths(t *testing.T, args ...string) []string {
	t.Helper()
	out, code := runApp(t, append([]string{"tasks", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("vanban tasks %v: exit %d", args, code)
	}
	var rows []ledgerRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("tasks json: %v\n%s", err, out)
	}
	var paths []string
	for _, r := range rows {
		paths = append(paths, r.Path)
	}
	return paths
}

// goldLeadPaths returns, for every gold responsibility led by agency (folded
// comparison), its path and its accepted alternative path.
func goldLeadPaths(t *testing.T, agency string) [][]string {
	data, err := os.ReadFile("../../testdata/qd-79-2023-langson.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Responsibilities []struct {
			Path    string   `json:"path"`
			AltPath string   `json:"alt_path"`
			Lead    []string `json:"lead"`
		} `json:"responsibilities"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, r := range gold.Responsibilities {
		for _, l := range r.Lead {
			if vntext.Fold(l) == vntext.Fold(agency) {
				alts := []string{r.Path}
				if r.AltPath != "" {
					alts = append(alts, r.AltPath)
				}
				out = append(out, alts)
			}
		}
	}
	return out
}

func TestTasksLeadSpellings(t *testing.T) {
	for canonical, spellings := range map[string][]string{
		"Sở Tài chính":          {"so tai chinh", "SỞ TÀI CHÍNH", "Sở TC", "sở tài chính"},
		"Sở Kế hoạch và Đầu tư": {"so ke hoach va dau tu", "Sở KH&ĐT", "Sở KHĐT", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"},
	} {
		want := taskPaths(t, "--lead", canonical, seed)
		if len(want) == 0 {
			t.Fatalf("--lead %q: no tasks", canonical)
		}
		for _, s := range spellings {
			if got := taskPaths(t, "--lead", s, seed); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("--lead %q = %v, want %v (as --lead %q)", s, got, want, canonical)
			}
		}
		// every gold task this agency leads is listed (at its path or the
		// gold's accepted alternative), and nothing else
		got := map[string]bool{}
		for _, p := range want {
			got[p] = true
		}
		allowed := map[string]bool{}
		for _, alts := range goldLeadPaths(t, canonical) {
			found := false
			for _, p := range alts {
				allowed[p] = true
				found = found || got[p]
			}
			if !found {
				t.Errorf("--lead %q misses gold path %v (got %v)", canonical, alts, want)
			}
		}
		for _, p := range want {
			if !allowed[p] {
				t.Errorf("--lead %q lists %s, not in the gold", canonical, p)
			}
		}
	}
}

func TestTasksGroupsStayGroups(t *testing.T) {
	// Sở Tài chính does not match "các sở, ban, ngành": a department query
	// returns fewer tasks than the group's own query
	dept := taskPaths(t, "--agency", "Sở Tài chính", seed)
	group := taskPaths(t, "--lead", "các sở, ban, ngành", seed)
	if len(group) == 0 {
		t.Fatal("no task led by các sở, ban, ngành")
	}
	for _, p := range group {
		for _, d := range dept {
			if p == d && p != "1/6/6.3" && p != "1/6/6.3/(6)" {
				t.Errorf("%s led by the group is listed for Sở Tài chính", p)
			}
		}
	}
}

func TestTasksDueFilters(t *testing.T) {
	a := taskPaths(t, "--due-before", "2023-06-30", seed)
	b := taskPaths(t, "--due-before", "30/6/2023", seed)
	if strings.Join(a, ",") != strings.Join(b, ",") || len(a) == 0 {
		t.Errorf("--due-before 2023-06-30 = %v, 30/6/2023 = %v", a, b)
	}
	for _, p := range taskPaths(t, "--due-after", "1/10/2023", seed) {
		if p == "2/1" { // its only deadline is 31/01/2023
			t.Errorf("--due-after 1/10/2023 lists 2/1")
		}
	}
	if _, code := runApp(t, "tasks", "--due-before", "31/02/2023", seed); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
	if _, code := runApp(t, "tasks", "--format", "yaml", seed); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}

func TestTasksFormats(t *testing.T) {
	for _, f := range []string{"table", "csv", "markdown"} {
		out, code := runApp(t, "tasks", "--format", f, "--lead", "Sở Nội vụ", seed)
		if code != 0 || !strings.Contains(out, "2/4") || !strings.Contains(out, "Sở Nội vụ") {
			t.Errorf("--format %s: exit %d\n%s", f, code, out)
		}
	}
}

func TestDeadlinesICS(t *testing.T) {
	out, code := runApp(t, "deadlines", "--format", "ics", seed)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("ParseCalendar: %v", err)
	}
	events := cal.Events()
	if len(events) != 21 { // the seed's 21 dated deadlines
		t.Errorf("%d events, want 21", len(events))
	}
	uids := map[string]bool{}
	var days []string
	for _, ev := range events {
		if uids[ev.Id()] {
			t.Errorf("duplicate UID %s", ev.Id())
		}
		uids[ev.Id()] = true
		start, err := ev.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("event %s: %v", ev.Id(), err)
		}
		days = append(days, start.Format("2006-01-02"))
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtstamp, ics.ComponentPropertySummary, ics.ComponentPropertyDescription} {
			if ev.GetProperty(p) == nil {
				t.Errorf("event %s has no %s", ev.Id(), p)
			}
		}
	}
	if !sort.StringsAreSorted(days) {
		t.Errorf("events not in date order: %v", days)
	}
	if days[0] != "2023-01-31" || days[len(days)-1] != "2023-12-31" {
		t.Errorf("first/last = %s/%s", days[0], days[len(days)-1])
	}
	desc := events[1].GetProperty(ics.ComponentPropertyDescription).Value
	if !strings.Contains(desc, "trước ngày 15/02/2023") || !strings.Contains(desc, "79/QĐ-UBND") || !strings.Contains(desc, ":87") {
		t.Errorf("description of 2023-02-15: %q", desc)
	}
	// stable: a second run gives the same UIDs
	out2, _ := runApp(t, "deadlines", "--format", "ics", seed)
	if out2 != out {
		t.Errorf("ics output differs between runs")
	}
	_ = time.UTC
}

func TestDeadlinesJSONOrder(t *testing.T) {
	out, code := runApp(t, "deadlines", "--format", "json", seed)
	if code != 0 {
		t.Fatal(code)
	}
	var items []struct {
		Date *string `json:"date"`
		Kind string  `json:"kind"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 25 {
		t.Errorf("%d deadlines, want 25 (21 dated, 4 recurring)", len(items))
	}
	seenNull := false
	prev := ""
	for _, it := range items {
		if it.Date == nil {
			seenNull = true
			if it.Kind != "recurring" {
				t.Errorf("undated %s", it.Kind)
			}
			continue
		}
		if seenNull || *it.Date < prev {
			t.Errorf("not in date order at %s", *it.Date)
		}
		prev = *it.Date
	}
}
