package analyze

import (
	"strings"
	"testing"
)

// TestSafely: a failing extractor becomes a problem of the document, and
// the other fields are still filled.
func TestSafely(t *testing.T) {
	r := &Result{Source: "x.txt"}
	r.safely("demo", func() {
		var m map[string]int
		m["boom"] = 1
	})
	ran := false
	r.safely("next", func() { ran = true })
	if !ran || len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "x.txt: demo extractor failed") {
		t.Fatalf("problems %v, ran %v", r.Problems, ran)
	}
}
