package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
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

// ledgerID is the ID of the ledger entry of a decision.
func ledgerID(docID string) string { return docID + "#ledger" }

// splitID is the decision ID and row path of an entry ID.
func splitID(id string) (docID, path string) {
	d, p, _ := strings.Cut(id, "/")
	return d, p
}

// meta is what an entry stores of itself: its place in the decision's
// ledger (-1: the decision), its line and the byte ranges of its own text
// in the decision's text.
type meta struct {
	ord, line int
	spans     [][2]int
}

func (m meta) String() string {
	return strconv.Itoa(m.ord) + ";" + strconv.Itoa(m.line) + ";" + encodeSpans(m.spans)
}

func parseMeta(s string) meta {
	var m meta
	parts := strings.SplitN(s, ";", 3)
	if len(parts) != 3 {
		return meta{ord: -1}
	}
	m.ord, _ = strconv.Atoi(parts[0])
	m.line, _ = strconv.Atoi(parts[1])
	m.spans = decodeSpans(parts[2])
	return m
}

// isTask mirrors analyze.Analyze: numbered items, and articles of an
// attached text, are tasks.
func isTask(n *parser.Node) bool {
	return n.Kind == parser.KindItem || (n.Kind == parser.KindArticle && n.Path != n.Label)
}

// ownSpans are the byte ranges of the text of n without the text of the
// tasks below it, so that every byte of a document is indexed once: in the
// task it belongs to, or in the decision itself. Ranges are trimmed of
// white space; empty ones are left out.
func ownSpans(text string, n *parser.Node) [][2]int {
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
	var out [][2]int
	add := func(a, b int) {
		for a < b && isSpace(text[a]) {
			a++
		}
		for b > a && isSpace(text[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	at := start
	for _, c := range cuts {
		if c.Start < at || c.End > end {
			continue
		}
		add(at, c.Start)
		at = c.End
	}
	add(at, end)
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// joinSpans is the own text of the ranges: the pieces joined by newlines.
func joinSpans(text string, spans [][2]int) string {
	var b strings.Builder
	for i, sp := range spans {
		if sp[0] < 0 || sp[1] > len(text) || sp[0] > sp[1] {
			continue
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(text[sp[0]:sp[1]])
	}
	return b.String()
}

// encodeSpans writes ranges as "s-e,s-e"; decodeSpans reads them.
func encodeSpans(spans [][2]int) string {
	b := make([]byte, 0, 12*len(spans))
	for i, sp := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(sp[0]), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(sp[1]), 10)
	}
	return string(b)
}

func decodeSpans(s string) [][2]int {
	var out [][2]int
	for _, part := range strings.Split(s, ",") {
		a, b, ok := strings.Cut(part, "-")
		if !ok {
			continue
		}
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if err1 == nil && err2 == nil {
			out = append(out, [2]int{x, y})
		}
	}
	return out
}

// entry is one Bleve document to index.
type entry struct {
	id  string
	doc map[string]interface{}
}

// docEntries builds the Bleve documents of one analyzed file: the decision
// first, then the rows of its task ledger, then its ledger entry. name is the file's name as
// given (the Document column of the ledger), abs its absolute path.
func docEntries(id, name, abs, hash string, r *analyze.Result) ([]entry, int, error) {
	h := r.Document
	headerJSON, err := json.Marshal(h)
	if err != nil {
		return nil, 0, err
	}
	citesJSON, err := json.Marshal(r.Citations)
	if err != nil {
		return nil, 0, err
	}
	common := func(kind string) map[string]interface{} {
		m := map[string]interface{}{fKind: kind, fDoc: id, fTKey: vntext.Key(h.Type), fIssuer: h.Issuer}
		if t, ok := parseDate(h.Date); ok {
			m[fDT] = dateTerms(t)
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
	d[fDate] = h.Date
	d[fName] = name
	d[fHash] = hash
	d[fTitle] = h.Title
	d[fBody] = text
	d[fCiteDoc] = string(citesJSON)
	if root != nil {
		sp := ownSpans(text, root)
		d[fText] = joinSpans(text, sp)
		d[fMeta] = meta{ord: -1, spans: sp}.String()
	}
	var keys []string
	for _, c := range r.Citations {
		keys = append(keys, citeKey(c.Key))
	}
	if len(keys) > 0 {
		d[fCites] = keys
	}
	out := []entry{{id: id, doc: d}}
	size := len(text)

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
	isTaskPath := map[string]bool{}
	for _, t := range r.Tasks {
		isTaskPath[t.Path] = true
	}
	var ledger strings.Builder
	for ord, row := range analyze.Ledger(r) {
		m := common(KindTask)
		rowJSON, err := json.Marshal(row)
		if err != nil {
			return nil, 0, err
		}
		ledger.Write(rowJSON)
		ledger.WriteByte('\n')
		mt := meta{ord: ord, line: row.Line}
		// Only tasks have text of their own; the other rows (an article
		// naming an agency) are in their decision's text.
		if isTaskPath[row.Path] {
			if n := nodes[row.Path]; n != nil {
				mt.spans = ownSpans(text, n)
				m[fText] = joinSpans(text, mt.spans)
			}
		}
		m[fMeta] = mt.String()
		setList(m, fLead, row.Lead)
		setList(m, fCoop, row.Cooperate)
		setList(m, fReport, row.ReportTo)
		var due []string
		for _, dl := range row.Deadlines {
			if dl.Date != nil {
				if tm, ok := parseDate(*dl.Date); ok {
					due = append(due, dateTerms(tm)...)
				}
			}
		}
		if len(due) > 0 {
			m[fDue] = due
		}
		var tkeys []string
		for _, c := range r.Citations {
			for _, mn := range c.Mentions {
				if mn.Path == row.Path {
					tkeys = append(tkeys, citeKey(c.Key))
					break
				}
			}
		}
		if len(tkeys) > 0 {
			m[fCites] = tkeys
		}
		out = append(out, entry{id: taskID(id, row.Path), doc: m})
	}
	out = append(out, entry{id: ledgerID(id), doc: map[string]interface{}{fKind: KindLedger,
		fSource: abs, fName: name, fHeader: string(headerJSON), fLedger: ledger.String()}})
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
