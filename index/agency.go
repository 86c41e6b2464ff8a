package index

import "github.com/vanban/vanban/parser/agency"

// agencyForms are the forms of an agency name the index keeps and looks
// up: its agency.Key (folded, abbreviations resolved). agency.Match(q, n)
// holds only when Key(q) equals Key(n) or sits in it word for word, so
// the words of Key(q) looked up in the Keys of the names select a superset
// of what Match selects; the caller's Match does the rest.
func agencyForms(name string) []string {
	if k := agency.Key(name); k != "" {
		return []string{k}
	}
	return []string{name}
}
