package agency

import "testing"

// isLabelWord: the words that number an item or a point.
func TestIsLabelWord(t *testing.T) {
	for w, want := range map[string]bool{
		"6": true, "6.3": true, "4.1.2": true, "IV": true, "xi": true, "a": true, "đ": true,
		"b.3": true, "a.1.1": true, "đ.2": true, "n.12": true,
		"f.1": false, "b.": false, "b.x": false, "b.3a": false, "đ.": true, "ab": false,
		"Sở": false, "": false, "123456789": false, "o.1": false,
	} {
		if got := isLabelWord(w); got != want {
			t.Errorf("isLabelWord(%q) = %v, want %v", w, got, want)
		}
	}
}
