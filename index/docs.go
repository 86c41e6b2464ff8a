package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/vntext"
)

// Identity is the stable identity of a document: its number, issuer and
// date when it has a number, else the hash of its text. Two files holding
// the same decision (a .txt and a saved .html page) have one identity.
func Identity(h parser.Header, text string) string {
	if strings.TrimSpace(h.Number) != "" {
		return "n:" + vntext.Key(h.Number) + "|" + vntext.Key(h.Issuer) + "|" + h.Date
	}
	sum := sha256.Sum256([]byte(text))
	return "h:" + hex.EncodeToString(sum[:])
}

// DocID is the Bleve ID of the decision with the given identity; task IDs
// are DocID + "/" + task path. IDs are deterministic, so indexing a
// document again overwrites it.
func DocID(identity string) string {
	sum := sha256.Sum256([]byte(identity))
	return "d" + hex.EncodeToString(sum[:10])
}

func taskID(docID, path string) string { return docID + "/" + path }

// isTask mirrors analyze.Analyze: numbered items, and articles of an
// attached text, are tasks.
func isTask(n *parser.Node) bool {
	return n.Kind == parser.KindItem || (n.Kind == parser.KindArticle && n.Path != n.Label)
}

// ownText is the text of n without the text of the tasks below it, so that
// every byte of a document is indexed once: in the task it belongs to, or
// in the decision itself.
func ownText(text string, n *parser.Node) string {
	var cuts []parser.Span
	var walk func(*parser.Node)
	walk = func(m *parser.Node) {
		for _, c := range m.Children {
			if isTask(c) {
				cuts = append(cuts, c.Span)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	start, end := n.Span.Start, n.Span.End
	if n.Kind == parser.KindDocument {
		start, end = 0, len(text)
	}
	var b strings.Builder
	b.Grow(end - start)
	at := start
	for _, c := range cuts {
		if c.Start < at || c.End > end {
			continue
		}
		piece(&b, text[at:c.Start])
		at = c.End
	}
	piece(&b, text[at:end])
	return b.String()
}

func piece(b *strings.Builder, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(s)
}

// entry is one Bleve document to index.
type entry struct {
	id  string
	doc map[string]interface{}
}

// docEntries builds the Bleve documents of one analyzed file: the decision
// first, then its tasks.
func docEntries(id, source, abs, hash string, r *analyze.Result) ([]entry, int, error) {
	h := r.Document
	resultJSON, err := json.Marshal(r)
	if err != nil {
		return nil, 0, err
	}
	common := func(kind string) map[string]interface{} {
		m := map[string]interface{}{fKind: kind, fDoc: id, fTKey: vntext.Key(h.Type), fIssuer: h.Issuer}
		if t, ok := parseDate(h.Date); ok {
			m[fDate] = t
		}
		return m
	}
	var text string
	var root *parser.Node
	if r.Doc != nil {
		text, root = r.Doc.Text, r.Doc.Root
	}
	d := common(KindDoc)
	d[fNumber], d[fNKey], d[fType], d[fSource] = h.Number, vntext.Key(h.Number), h.Type, abs
	d[fHash] = hash
	d[fTitle] = h.Title
	d[fResult] = string(resultJSON)
	if root != nil {
		d[fText] = ownText(text, root)
	}
	var keys []string
	for _, c := range r.Citations {
		keys = append(keys, vntext.Key(c.Key))
	}
	if len(keys) > 0 {
		d[fCites] = keys
	}
	out := []entry{{id: id, doc: d}}
	size := len(text) + len(resultJSON)

	nodes := map[string]*parser.Node{}
	if root != nil {
		parser.Walk(root, func(n *parser.Node) bool {
			if n.Kind == parser.KindBases {
				return false
			}
			if isTask(n) && n.Path != "" {
				if _, dup := nodes[n.Path]; !dup {
					nodes[n.Path] = n
				}
			}
			return true
		})
	}
	seen := map[string]bool{}
	for _, t := range r.Tasks {
		if seen[t.Path] {
			continue
		}
		seen[t.Path] = true
		m := common(KindTask)
		m[fPath] = t.Path
		m[fLine] = t.Line
		if n := nodes[t.Path]; n != nil {
			m[fText] = ownText(text, n)
		} else {
			m[fText] = t.Heading
		}
		var lead, coop, report []string
		for _, rs := range r.Responsibilities {
			if rs.Path == t.Path {
				lead = append(lead, rs.Lead...)
				coop = append(coop, rs.Cooperate...)
				report = append(report, rs.ReportTo...)
			}
		}
		setList(m, fLead, lead)
		setList(m, fCoop, coop)
		setList(m, fReport, report)
		var due []interface{}
		for _, dl := range r.Deadlines {
			if dl.Path == t.Path && dl.Date != nil {
				if tm, ok := parseDate(*dl.Date); ok {
					due = append(due, tm)
				}
			}
		}
		if len(due) > 0 {
			m[fDue] = due
		}
		var tkeys []string
		for _, c := range r.Citations {
			for _, mn := range c.Mentions {
				if mn.Path == t.Path {
					tkeys = append(tkeys, vntext.Key(c.Key))
					break
				}
			}
		}
		if len(tkeys) > 0 {
			m[fCites] = tkeys
		}
		out = append(out, entry{id: taskID(id, t.Path), doc: m})
	}
	return out, size, nil
}

// setList stores the agency names v, with their other forms.
func setList(m map[string]interface{}, f string, v []string) {
	var all []string
	for _, name := range v {
		all = append(all, agencyForms(name)...)
	}
	if len(all) > 0 {
		m[f] = all
	}
}

// parseDate reads the ISO dates of the JSON contract (2023-01-19), and a
// bare year-month or year.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
