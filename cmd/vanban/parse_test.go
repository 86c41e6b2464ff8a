package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// runCLI runs vanban in-process and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	app := newApp()
	var out, errb bytes.Buffer
	app.Writer, app.ErrWriter = &out, &errb
	app.Reader = strings.NewReader(stdin)
	code := exitCode(app, append([]string{"vanban"}, args...))
	return out.String(), errb.String(), code
}

const (
	seedFile   = "../../testdata/qd-79-2023-langson.txt"
	decreeFile = "../../testdata/docs/qd-12-2024-ttg-decision-articles.txt"
)

// TestParseGolden compares the three output formats with golden files;
// `go test ./cmd/vanban -run Golden -update` rewrites them.
func TestParseGolden(t *testing.T) {
	for _, c := range []struct{ file, format, golden string }{
		{seedFile, "text", "seed.outline.txt"},
		{seedFile, "markdown", "seed.md"},
		{seedFile, "json", "seed.json"},
		{decreeFile, "text", "qd-12-2024.outline.txt"},
		{decreeFile, "markdown", "qd-12-2024.md"},
		{decreeFile, "json", "qd-12-2024.json"},
	} {
		t.Run(c.golden, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", "parse", "--format", c.format, c.file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			path := filepath.Join("../../testdata/golden", c.golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run with -update after checking the change):\n%s", path, firstDiff(out, string(want)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n got: " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ: " + itoa(len(al)) + " vs " + itoa(len(bl)) + " lines"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestParseJSONContract checks the fields output.md fixes on the seed.
func TestParseJSONContract(t *testing.T) {
	out, _, code := runCLI(t, "", "parse", "--format", "json", seedFile)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "document", "bases", "articles", "tasks", "citations", "deadlines", "responsibilities", "appendices", "recipients"} {
		if _, ok := r[k]; !ok {
			t.Errorf("missing field %q", k)
		}
	}
	doc := r["document"].(map[string]any)
	if doc["number"] != "79/QĐ-UBND" || doc["date"] != "2023-01-19" || doc["type"] != "Quyết định" {
		t.Errorf("document = %v", doc)
	}
	tasks := r["tasks"].([]any)
	first := tasks[0].(map[string]any)
	if first["path"] != "1/1" || first["line"] != float64(41) {
		t.Errorf("first task = %v", first)
	}
}

// TestParseSeveralFilesJSONLines: several files give one JSON object per line.
func TestParseSeveralFilesJSONLines(t *testing.T) {
	out, _, code := runCLI(t, "", "parse", "--format", "json", seedFile, decreeFile)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("not a JSON line: %v", err)
		}
	}
}

func TestParseStdin(t *testing.T) {
	src, err := os.ReadFile(decreeFile)
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, string(src), "parse", "--format", "json", "-")
	if code != 0 || !strings.Contains(out, `"source": "<stdin>"`) || !strings.Contains(out, `"number": "12/2024/QĐ-TTg"`) {
		t.Fatalf("exit %d, output %.300s", code, out)
	}
}

// TestParseBadInput: each bad file gets one line on stderr naming it, the
// good file is still parsed, and the exit code is 1.
func TestParseBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "scan.pdf.txt")
	bad := filepath.Join(dir, "latin1.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("%PDF-1.7\n\x00\x01\x02binary"), 0o644)
	os.WriteFile(bad, []byte("Quy\xeat \xf0\xfe\xfe\xfe \x81\x82 d\xff\n"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	out, stderr, code := runCLI(t, "", "parse", "--format", "json", empty, binary, bad, missing, decreeFile)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, f := range []string{empty, binary, bad, missing} {
		n := 0
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, f) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr names %s %d times, want once:\n%s", f, n, stderr)
		}
	}
	if !strings.Contains(out, "12/2024/QĐ-TTg") {
		t.Errorf("the good file was not parsed: %.200s", out)
	}
}

func TestParseUsage(t *testing.T) {
	if _, stderr, code := runCLI(t, "", "parse"); code != 2 || !strings.Contains(stderr, "usage") {
		t.Errorf("no file: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := runCLI(t, "", "parse", "--format", "yaml", seedFile); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}

// TestParseWarningsAndStrict: numbering that jumps is a warning naming
// file:line on stderr; --strict turns it into exit 1.
func TestParseWarningsAndStrict(t *testing.T) {
	f := "../../testdata/docs/qd-2135-2015-tchq-attached-regulation.txt"
	_, stderr, code := runCLI(t, "", "parse", f)
	if code != 0 || !strings.Contains(stderr, f+":112:1: article numbering jumps from 9 to 11") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, _, code := runCLI(t, "", "parse", "--strict", f); code != 1 {
		t.Errorf("--strict: exit %d, want 1", code)
	}
}

// TestParseFolderJSONLines: a folder gives one JSON object per document.
func TestParseFolderJSONLines(t *testing.T) {
	out, _, code := runCLI(t, "", "parse", "--format", "json", "../../testdata/docs")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	files, _ := filepath.Glob("../../testdata/docs/*")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d JSON lines for %d files", len(lines), len(files))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
	}
}

// The text view ends no line with blanks, whatever the headings: on every
// text of testdata (untitled appendices, items without a heading).
func TestParseTextNoTrailingBlanks(t *testing.T) {
	paths, errs := corpus.Expand([]string{"../../testdata"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	files := 0
	for _, p := range paths {
		if strings.Contains(p, "golden") {
			continue
		}
		out, _, code := runCLI(t, "", "parse", p)
		if code != 0 {
			continue // the bad inputs of testdata
		}
		files++
		for i, line := range strings.Split(out, "\n") {
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s: line %d of the text view ends with blanks: %q", p, i+1, line)
			}
		}
	}
	if files < 20 {
		t.Fatalf("only %d files", files)
	}
}
