package analyze

import (
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
)

// The lists of the JSON contract are arrays, never null, on every text of
// testdata: a script can range over them without checking.
func TestListsAreNeverNull(t *testing.T) {
	lists := map[string]bool{"bases": true, "articles": true, "tasks": true, "citations": true,
		"mentions": true, "internal_references": true, "deadlines": true, "effective_dates": true,
		"responsibilities": true, "lead": true, "cooperate": true, "report_to": true,
		"appendices": true, "columns": true, "rows": true, "recipients": true}
	var walk func(file, at string, v interface{})
	walk = func(file, at string, v interface{}) {
		switch v := v.(type) {
		case map[string]interface{}:
			for k, x := range v {
				if x == nil && lists[k] {
					t.Errorf("%s: %s%s is null", file, at, k)
				}
				walk(file, at+k+".", x)
			}
		case []interface{}:
			for _, x := range v {
				walk(file, at, x)
			}
		}
	}
	files, seen := 0, map[string]int{}
	paths, errs := corpus.Expand([]string{"../../testdata"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, p := range paths {
		in, err := corpus.ReadFile(p)
		if err != nil {
			continue // the bad inputs of testdata
		}
		files++
		b, err := json.Marshal(Analyze(parser.Parse(in.Name, in.Text)))
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]interface{}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		for k := range v {
			seen[k]++
		}
		walk(p, "", v)
	}
	if files < 20 || seen["internal_references"] != files {
		t.Fatalf("%d files, %v", files, seen)
	}
}
