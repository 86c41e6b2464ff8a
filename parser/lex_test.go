package parser

import "testing"

// a text cut to a maximum length ends at a whole word, never inside one
func TestWordRunes(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"diện tích tự nhiên của các đơn vị", 24, "diện tích tự nhiên của"}, // FirstRunes: "… của c"
		{"diện tích tự nhiên của các", 22, "diện tích tự nhiên của"},        // the cut falls on a space
		{"diện tích", 20, "diện tích"},                                      // short enough
		{"diện tích ", 9, "diện tích"},
		{"Quyếtđịnhsố", 6, "Quyếtđ"}, // one word longer than n
	} {
		if got := WordRunes(c.s, c.n); got != c.want {
			t.Errorf("WordRunes(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
