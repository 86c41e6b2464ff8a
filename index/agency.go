package index

// agencyForms are the spellings of an agency name the index keeps and
// looks up.
func agencyForms(name string) []string { return []string{name} }
