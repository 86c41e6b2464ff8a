package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/index"
)

// The corpus of these tests: the example decisions of testdata/docs and
// the seed, in the order of their paths (the order the index lists them
// in), so that a ledger over the index compares with the one over the
// files as given.
var indexCorpus = []string{"../../testdata/docs", seed}

// runApp2 runs vanban in-process and returns its standard output, its
// standard error and its exit code.
func runApp2(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runCLI(t, "", args...)
}

// buildIndex indexes the test corpus into a new folder and returns it.
func buildIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	_, stderr, code := runApp2(t, append([]string{"index", "--index", dir}, indexCorpus...)...)
	if code != 0 || !strings.Contains(stderr, "indexed 11, unchanged 0, updated 0, failed 0") {
		t.Fatalf("vanban index: exit %d\n%s", code, stderr)
	}
	return dir
}

type searchJSON struct {
	Total    int    `json:"total"`
	Relation string `json:"total_relation"`
	Hits     []struct {
		Document struct {
			Number, Type, Issuer, Date, Source string
		} `json:"document"`
		Path    string  `json:"path"`
		Score   float64 `json:"score"`
		Snippet string  `json:"snippet"`
	} `json:"hits"`
}

func searchIndex(t *testing.T, args ...string) searchJSON {
	t.Helper()
	out, stderr, code := runApp2(t, append([]string{"search", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("vanban search %v: exit %d\n%s", args, code, stderr)
	}
	var res searchJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search json: %v\n%s", err, out)
	}
	return res
}

// TestIndexDoneWhen runs the checks of the issue over a small index: a
// folded search finds the seed's task, the citing documents and the task
// ledger over the index are those of the files, re-indexing changes
// nothing, and show prints the task.
func TestIndexDoneWhen(t *testing.T) {
	dir := buildIndex(t)
	ixArg := "--index=" + dir

	// search, flags before or after the words
	for _, args := range [][]string{
		{ixArg, "so tai chinh chu tri"},
		{ixArg, "so", "tai", "chinh", "chu", "tri", "--limit", "3"},
	} {
		res := searchIndex(t, args...)
		if len(res.Hits) == 0 || res.Hits[0].Document.Number != "79/QĐ-UBND" || res.Hits[0].Path != "2/3" {
			t.Fatalf("search %v: top hit %+v, want 79/QĐ-UBND 2/3", args, res.Hits)
		}
		if res.Relation != "eq" || res.Total < len(res.Hits) {
			t.Errorf("search %v: total %d %q, want an exact total", args, res.Total, res.Relation)
		}
		if !strings.Contains(res.Hits[0].Snippet, "«Sở Tài chính chủ trì»") {
			t.Errorf("snippet %q", res.Hits[0].Snippet)
		}
		if args[len(args)-1] == "3" && len(res.Hits) != 3 {
			t.Errorf("--limit 3 after the query: %d hits", len(res.Hits))
		}
	}

	// cites --cited-by and --top: the index answers as the files do
	for _, args := range [][]string{{"--cited-by", "40/2020/NĐ-CP"}, {"--cited-by", "40/2020/nd-cp"}, {"--top", "5"}} {
		fromIndex, stderr, code := runApp2(t, append([]string{"cites", ixArg, "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("cites --index %v: exit %d\n%s", args, code, stderr)
		}
		fromFiles, _, _ := runApp2(t, append(append([]string{"cites", "--format", "json"}, args...), indexCorpus...)...)
		if fromIndex != fromFiles {
			t.Errorf("cites %v over the index:\n%s\nover the files:\n%s", args, fromIndex, fromFiles)
		}
	}
	out, _, _ := runApp2(t, "cites", ixArg, "--format", "json", "--cited-by", "40/2020/NĐ-CP")
	var citing []citingEntry
	if err := json.Unmarshal([]byte(out), &citing); err != nil {
		t.Fatal(err)
	}
	if len(citing) != 1 || citing[0].Number != "79/QĐ-UBND" || strings.Join(citing[0].Paths, ",") != "1/6/6.3/(6)" {
		t.Errorf("cited-by 40/2020/NĐ-CP: %+v", citing)
	}
	out, _, _ = runApp2(t, "cites", ixArg, "--top", "3")
	if !strings.Contains(out, "documents") || strings.Count(out, "\n") != 5 {
		t.Errorf("cites --top 3 table:\n%s", out)
	}

	// tasks --lead and deadlines: the ledgers of the files
	for _, args := range [][]string{{"tasks", "--lead", "so tai chinh"}, {"tasks", "--agency", "Sở KH&ĐT"}, {"tasks"}, {"deadlines"}} {
		fromIndex, stderr, code := runApp2(t, append(append([]string{}, args...), ixArg, "--format", "json")...)
		if code != 0 {
			t.Fatalf("%v --index: exit %d\n%s", args, code, stderr)
		}
		fromFiles, _, _ := runApp2(t, append(append(append([]string{}, args...), "--format", "json"), indexCorpus...)...)
		if fromIndex != fromFiles {
			t.Errorf("%v over the index differs from the files:\n%s\n---\n%s", args, fromIndex, fromFiles)
		}
	}
	out, _, _ = runApp2(t, "tasks", ixArg, "--lead", "so tai chinh", "--format", "json")
	var rows []ledgerRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if strings.HasSuffix(r.Document, "qd-79-2023-langson.txt") && r.Path == "2/3" {
			found = true
		}
		if !strings.Contains(strings.ToLower(strings.Join(r.Lead, ";")), "tài chính") {
			t.Errorf("row %s %s led by %v", r.Document, r.Path, r.Lead)
		}
	}
	if !found {
		t.Errorf("tasks --lead 'so tai chinh' misses the seed's 2/3: %d rows", len(rows))
	}

	// re-indexing changes nothing
	_, stderr, code := runApp2(t, append([]string{"index", ixArg}, indexCorpus...)...)
	if code != 0 || !strings.Contains(stderr, "indexed 0, unchanged 11, updated 0, failed 0, pruned 0") {
		t.Errorf("second index run: exit %d: %s", code, stderr)
	}
	again := searchIndex(t, ixArg, "so tai chinh chu tri")
	first := searchIndex(t, ixArg, "so tai chinh chu tri")
	if again.Total != first.Total || again.Total == 0 {
		t.Errorf("totals %d, %d", first.Total, again.Total)
	}

	// show: one task, and the document
	out, stderr, code = runApp2(t, "show", ixArg, "79/qd-ubnd", "2/3", "--format", "json")
	if code != 0 {
		t.Fatalf("show: exit %d\n%s", code, stderr)
	}
	var task struct {
		Document struct{ Number string } `json:"document"`
		Path     string                  `json:"path"`
		Lead     []string                `json:"lead"`
		Text     string                  `json:"text"`
	}
	if err := json.Unmarshal([]byte(out), &task); err != nil {
		t.Fatalf("show json: %v\n%s", err, out)
	}
	if task.Document.Number != "79/QĐ-UBND" || task.Path != "2/3" || strings.Join(task.Lead, ";") != "Sở Tài chính" ||
		!strings.HasPrefix(task.Text, "3. Sở Tài chính chủ trì hướng dẫn") {
		t.Errorf("show 79/qd-ubnd 2/3: %+v", task)
	}
	out, _, code = runApp2(t, "show", ixArg, "79/QĐ-UBND")
	if code != 0 || !strings.HasPrefix(out, "79/QĐ-UBND · Quyết định · Ủy ban nhân dân tỉnh Lạng Sơn · 2023-01-19\n") ||
		!strings.Contains(out, "Sở Tài chính chủ trì hướng dẫn các cấp") {
		t.Errorf("show 79/QĐ-UBND (exit %d):\n%.400s", code, out)
	}
	if _, stderr, code := runApp2(t, "show", ixArg, "79/QĐ-UBND", "9/9"); code == 0 || !strings.Contains(stderr, `no task "9/9"`) {
		t.Errorf("show of a missing task: exit %d, %q", code, stderr)
	}
	if _, _, code := runApp2(t, "show", ixArg, "1/XX-YY"); code == 0 {
		t.Errorf("show of a missing document exits 0")
	}
}

// TestSearchUsage: flag values are checked and an index that is not there
// is named.
func TestSearchUsage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	if _, stderr, code := runApp2(t, "search", "--index", dir, "ngan sach"); code == 0 || !strings.Contains(stderr, "no index at "+dir) {
		t.Errorf("search of a missing index: exit %d %s", code, stderr)
	}
	if _, _, code := runApp2(t, "search", "--index", dir, "ngan", "--limit"); code != 2 {
		t.Errorf("--limit without a value: exit %d, want 2", code)
	}
	if _, _, code := runApp2(t, "cites", "--index", dir, "--top", "0"); code != 2 {
		t.Errorf("--top 0: exit %d, want 2", code)
	}
}

// While another writer holds the index, a command gets one line naming
// the index, within about a second, and exit code 1.
func TestIndexInUseMessage(t *testing.T) {
	dir := buildIndex(t)
	ix, err := index.Open(dir, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	_, stderr, code := runApp2(t, "search", "--index", dir, "so tai chinh")
	took := time.Since(start)
	want := "vanban: index is in use by another vanban process (" + dir + "); try again when it has finished\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr %q\nwant exit 1, %q", code, stderr, want)
	}
	if took > 3*time.Second {
		t.Errorf("took %v", took)
	}
}

// A missing index is a failure (exit 1) with one line telling how to
// build one, not a usage error.
func TestNoIndexMessage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	_, stderr, code := runApp2(t, "search", "--index", dir, "so tai chinh")
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, dir) || !strings.Contains(stderr, "vanban index --index "+dir) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// show of a number the index does not hold, or of a task its document
// does not have: one line, exit 1 (a failure, not wrong usage).
func TestShowNotFound(t *testing.T) {
	dir := buildIndex(t)
	_, stderr, code := runApp2(t, "show", "--index", dir, "999/QĐ-UBND")
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `"999/QĐ-UBND"`) {
		t.Errorf("unknown number: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runApp2(t, "show", "--index", dir, "79/QĐ-UBND", "9/9/9")
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, `no task "9/9/9"`) {
		t.Errorf("unknown task: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := runApp2(t, "show", "--index", dir); code != 2 {
		t.Errorf("no NUMBER: exit %d, want 2", code)
	}
}

// show NUMBER PATH prints the task: where it is, its agencies, and its
// whole text (not a heading cut at 80 characters).
func TestShowTaskText(t *testing.T) {
	dir := buildIndex(t)
	out, stderr, code := runApp2(t, "show", "--index", dir, "79/QĐ-UBND", "2/3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "79/QĐ-UBND · Quyết định") || !strings.HasSuffix(lines[0], " · 2/3") ||
		!strings.HasSuffix(lines[1], "qd-79-2023-langson.txt:273") {
		t.Errorf("first lines %q", lines[:2])
	}
	if !strings.Contains(out, "\nlead:      Sở Tài chính\n") || strings.Contains(out, "heading:") ||
		!strings.Contains(out, "\n3. Sở Tài chính chủ trì hướng dẫn các cấp, ngành, đơn vị liên quan thực hiện đúng các quy định của pháp luật và các quy định nghiệp vụ về quản lý ngân sách nhà nước.\n") {
		t.Errorf("output:\n%s", out)
	}
}
