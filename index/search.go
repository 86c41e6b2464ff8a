package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/parser/vntext"
)

// exactBoost weighs a match with the query's diacritics above a folded
// match: "sở" ranks documents with "sở" above those with only "số".
const exactBoost = 3.0

// pairBoost is what two query words found side by side add.
const pairBoost = 1.0

// Request is a search.
type Request struct {
	Query  string
	Type   string // document type ("Quyết định"); diacritics optional
	Issuer string // words of the issuer's name; diacritics optional
	From   string // YYYY-MM-DD, inclusive
	To     string // YYYY-MM-DD, inclusive
	Cites  string // a citation key: only documents and tasks citing it
	Limit  int
}

// DocInfo identifies a decision in a hit.
type DocInfo struct {
	Number string `json:"number"`
	Type   string `json:"type"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// Hit is one match: a task (Path set) or a decision's own text.
type Hit struct {
	ID       string  `json:"-"`
	DocID    string  `json:"-"`
	Document DocInfo `json:"document"`
	Path     string  `json:"path"`
	Line     int     `json:"-"`
	Score    float64 `json:"score"`
	Snippet  Snippet `json:"-"`
}

// Results are the hits of a search, best first.
type Results struct {
	Total uint64
	// Relation: Total is exact (TotalExact), or an upper bound: a phrase of
	// three words or more is looked up as its word pairs and checked in
	// the text of each hit; when more than maxChecked candidates match,
	// the ones not checked are counted.
	Relation Relation
	Hits     []Hit
	Took     time.Duration
}

// word is one query word in its exact and folded forms; quiet: its
// diacritics add no boost (see quietPhrases).
type word struct {
	exact, fold string
	quiet       bool
}

func (w word) marked() bool { return w.exact != w.fold }

// parsedQuery is a query split into bare words and quoted phrases.
type parsedQuery struct {
	words   []word   // bare words: all required
	phrases [][]word // quoted phrases of two words or more
}

// parseQuery splits q on double quotes (straight or curly): quoted parts
// are phrases, the rest bare words. Each part is analyzed like the text.
func parseQuery(q string) parsedQuery {
	q = vntext.Normalize(q)
	q = strings.NewReplacer("“", "\"", "”", "\"", "„", "\"").Replace(q)
	var pq parsedQuery
	for i, part := range strings.Split(q, "\"") {
		ws := queryWords(part)
		if i%2 == 1 && len(ws) >= 2 {
			pq.phrases = append(pq.phrases, ws)
		} else {
			pq.words = append(pq.words, ws...)
		}
	}
	return pq
}

func queryWords(s string) []word {
	x := analyzeText(AnalyzerExact, s)
	f := analyzeText(AnalyzerFold, s)
	out := make([]word, 0, len(x))
	for i := range x {
		if i < len(f) {
			out = append(out, word{exact: string(x[i].Term), fold: string(f[i].Term)})
		}
	}
	return out
}

func (pq parsedQuery) empty() bool { return len(pq.words) == 0 && len(pq.phrases) == 0 }

// textQuery builds the Bleve query of pq (fields t and t2):
//   - each bare word is required as its folded term (scored); typed with
//     diacritics, its exact term adds exactBoost where present;
//   - each phrase is required as its folded word pairs (two words: one
//     pair term); typed with diacritics, its rarest marked word's exact
//     term adds exactBoost (quietPhrases); phrases of three words or more
//     are then checked in the text of each hit (pairs can meet without
//     the whole phrase);
//   - neighbouring bare words add their pairs as optional boosts, so that
//     documents with the words together rank first.
func (pq parsedQuery) textQuery() *query.BooleanQuery {
	b := bleve.NewBooleanQuery()
	for _, w := range pq.words {
		b.AddMust(wordQuery(w))
	}
	for _, p := range pq.phrases {
		b.AddMust(phraseQuery(p))
	}
	if len(pq.words) >= 2 {
		for i := 0; i+1 < len(pq.words); i++ {
			b.AddShould(pairQuery(pq.words[i], pq.words[i+1]))
		}
	}
	return b
}

// needsCheck: the query has a phrase its pairs do not prove.
func (pq parsedQuery) needsCheck() bool {
	for _, p := range pq.phrases {
		if len(p) >= 3 {
			return true
		}
	}
	return false
}

// marksQ looks up a term of t2 (an exact word or a word pair); a match
// scores score (see constTermQuery).
func marksQ(term string, score float64) *constTermQuery {
	return &constTermQuery{field: fT2, term: term, score: score}
}

func exactQ(w word) *constTermQuery { return marksQ(ExactPrefix+w.exact, exactBoost) }

func wordQuery(w word) query.Query {
	f := termQ(fT, w.fold)
	if !w.marked() {
		return f
	}
	return &boostQuery{must: f, boosts: []*constTermQuery{exactQ(w)}}
}

func pairQuery(a, b word) query.Query { return marksQ(Bigram(a.fold, b.fold), pairBoost) }

// pairsQuery requires every pair of neighbouring words of a phrase of
// two words or more.
func pairsQuery(p []word) query.Query {
	var pairs []query.Query
	for i := 0; i+1 < len(p); i++ {
		pairs = append(pairs, pairQuery(p[i], p[i+1]))
	}
	if len(pairs) == 1 {
		return pairs[0]
	}
	return bleve.NewConjunctionQuery(pairs...)
}

func phraseQuery(p []word) query.Query {
	req := pairsQuery(p)
	// Typed with diacritics, the phrase ranks texts that have its words
	// with the same diacritics first.
	var exact []*constTermQuery
	for _, w := range p {
		if w.marked() && !w.quiet {
			exact = append(exact, exactQ(w))
		}
	}
	if len(exact) == 0 {
		return req
	}
	return &boostQuery{must: req, boosts: exact}
}

// filterQuery is the conjunction of the request's filters, or nil.
func (r Request) filterQuery() (query.Query, error) {
	var qs []query.Query
	if r.Type != "" {
		qs = append(qs, termQ(fTKey, vntext.Key(r.Type)))
	}
	if r.Issuer != "" {
		for _, w := range queryWords(r.Issuer) {
			qs = append(qs, termQ(fIssuer, w.fold))
		}
	}
	if r.From != "" || r.To != "" {
		var from, to time.Time
		var err error
		if r.From != "" {
			if from, err = time.Parse("2006-01-02", r.From); err != nil {
				return nil, fmt.Errorf("--from %q: want a date as YYYY-MM-DD", r.From)
			}
		}
		if r.To != "" {
			if to, err = time.Parse("2006-01-02", r.To); err != nil {
				return nil, fmt.Errorf("--to %q: want a date as YYYY-MM-DD", r.To)
			}
		}
		qs = append(qs, dateRangeQuery(fDT, from, to))
	}
	if r.Cites != "" {
		qs = append(qs, termQ(fCites, citeKey(r.Cites)))
	}
	switch len(qs) {
	case 0:
		return nil, nil
	case 1:
		return qs[0], nil
	}
	return bleve.NewConjunctionQuery(qs...), nil
}

var hitFields = []string{fMeta}

// maxChecked bounds the candidates of a long phrase checked in their text
// beyond the page asked for.
const maxChecked = 1000

// Relation says how Results.Total relates to the number of matches.
type Relation string

const (
	TotalExact  Relation = "eq"
	TotalAtMost Relation = "lte" // candidates of a long phrase left unchecked
)

// Search runs r and returns its best hits with snippets.
func (ix *Index) Search(r Request) (*Results, error) {
	start := time.Now()
	pq := parseQuery(r.Query)
	filter, err := r.filterQuery()
	if err != nil {
		return nil, err
	}
	if pq.empty() && filter == nil {
		return nil, fmt.Errorf("empty query")
	}
	limit := r.Limit
	if limit <= 0 {
		limit = 10
	}
	ix.quietPhrases(pq)
	var out *Results
	switch {
	case len(pq.words) == 1 && len(pq.phrases) == 0:
		out, err = ix.searchWord(pq.words[0], filter, limit)
	case len(pq.words) == 0 && len(pq.phrases) == 1:
		out, err = ix.searchPhrase(pq.phrases[0], filter, limit)
	case len(pq.words) >= 2 && len(pq.phrases) == 0:
		out, err = ix.searchWords(pq, filter, limit)
	}
	if err != nil {
		return nil, err
	}
	if out == nil {
		if out, err = ix.searchAll(pq, filter, limit); err != nil {
			return nil, err
		}
	}
	if out.Relation == "" {
		out.Relation = TotalExact
	}
	out.Took = time.Since(start)
	return out, nil
}

// fullQuery is the Bleve query of pq and filter, every match scored.
func fullQuery(pq parsedQuery, filter query.Query) query.Query {
	switch {
	case pq.empty():
		return bleve.NewConjunctionQuery(bleve.NewMatchAllQuery(), filter)
	case filter == nil && len(pq.words)+len(pq.phrases) == 1:
		// One word or one phrase: its own query, without the wrappers of
		// a boolean query (a searcher each, on every hit).
		if len(pq.words) == 1 {
			return wordQuery(pq.words[0])
		}
		return phraseQuery(pq.phrases[0])
	}
	bq := pq.textQuery()
	if filter != nil {
		bq.AddMust(&unscored{filter})
	}
	return bq
}

// searchAll runs the full query through Bleve's collector, which scores
// every match (prune.go has the shortcuts).
func (ix *Index) searchAll(pq parsedQuery, filter query.Query, limit int) (*Results, error) {
	q := fullQuery(pq, filter)
	check := pq.needsCheck()
	page := limit
	if check {
		page = max(2*limit, 20)
	}
	out := &Results{}
	rejected := uint64(0)
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = hitFields
		res, err := ix.bi.Search(req)
		if err != nil {
			return nil, err
		}
		out.Total = res.Total
		var cands []scoredMeta
		for _, h := range res.Hits {
			cands = append(cands, scoredMeta{scored{h.ID, h.Score}, str(h.Fields[fMeta])})
		}
		hits, rej, err := ix.makeHits(cands, pq, check, limit-len(out.Hits))
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hits...)
		rejected += uint64(rej)
		checked := from + len(res.Hits)
		if !check || uint64(checked) >= res.Total {
			break
		}
		if len(out.Hits) >= limit || checked >= maxChecked {
			out.Relation = TotalAtMost
			break
		}
	}
	out.Total -= rejected
	return out, nil
}

// scoredMeta is a candidate hit: its ID, score and stored meta (loaded
// by makeHits when empty).
type scoredMeta struct {
	scored
	meta string
}

// makeHits turns candidates, best first, into hits with snippets: at
// most limit of them; with check, only those whose text holds the
// query's phrases (the others are counted in rejected).
func (ix *Index) makeHits(cands []scoredMeta, pq parsedQuery, check bool, limit int) (hits []Hit, rejected int, err error) {
	if len(cands) == 0 || limit <= 0 {
		return nil, 0, nil
	}
	var need []string
	for _, c := range cands {
		if c.meta == "" {
			need = append(need, c.id)
		}
	}
	if len(need) > 0 {
		metas, err := ix.storedField(need, fMeta)
		if err != nil {
			return nil, 0, err
		}
		for i := range cands {
			if cands[i].meta == "" {
				cands[i].meta = metas[cands[i].id]
			}
		}
	}
	var docIDs []string
	for _, c := range cands {
		d, _ := splitID(c.id)
		docIDs = append(docIDs, d)
	}
	infos, err := ix.docInfos(docIDs)
	if err != nil {
		return nil, 0, err
	}
	for _, c := range cands {
		hit := Hit{ID: c.id, Score: c.score}
		hit.DocID, hit.Path = splitID(c.id)
		m := parseMeta(c.meta)
		hit.Line = m.line
		info := infos[hit.DocID]
		hit.Document = info.DocInfo
		text := joinSpans(info.body, m.spans)
		toks := analyzeText(AnalyzerFold, text)
		if check && !hasPhrases(toks, pq.phrases) {
			rejected++
			continue
		}
		if len(hits) < limit {
			hit.Snippet = makeSnippet(text, toks, pq)
			hits = append(hits, hit)
		}
	}
	return hits, rejected, nil
}

// storedField reads one stored field of the entries with the given IDs.
func (ix *Index) storedField(ids []string, field string) (map[string]string, error) {
	docs, err := ix.stored(ids, field)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(docs))
	for id, f := range docs {
		out[id] = f[field]
	}
	return out, nil
}

// stored reads the named stored fields of the entries with the given IDs
// straight from the segments of an index reader, without a search, and
// copies only those (a decision also stores its citations, which hits do
// not show).
func (ix *Index) stored(ids []string, fields ...string) (map[string]map[string]string, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := make(map[string]map[string]string, len(ids))
	sg, ok := segmentsOf(r)
	if !ok {
		return nil, errors.New("the index is not a scorch index")
	}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		iid, err := r.InternalID(id)
		if err != nil {
			return nil, err
		}
		seg, num, ok := sg.locate(iid)
		if !ok {
			continue // not in the index
		}
		m, err := sg.storedAt(seg, num, fields)
		if err != nil {
			return nil, err
		}
		out[id] = m
	}
	return out, nil
}

// storedAt reads the named stored fields of entry num of segment seg
// ("_id" is its external ID).
func (sg *segments) storedAt(seg int, num uint64, fields []string) (map[string]string, error) {
	m := make(map[string]string, len(fields))
	err := sg.segs[seg].VisitDocument(num, func(name string, _ byte, v []byte, _ []uint64) bool {
		if _, have := m[name]; !have && slices.Contains(fields, name) {
			m[name] = string(v)
		}
		return true
	})
	return m, err
}

// hasPhrases reports whether the folded tokens hold every phrase.
func hasPhrases(toks analysis.TokenStream, phrases [][]word) bool {
	for _, p := range phrases {
		if !hasPhrase(toks, p) {
			return false
		}
	}
	return true
}

func hasPhrase(toks analysis.TokenStream, p []word) bool {
next:
	for i := 0; i+len(p) <= len(toks); i++ {
		for j, w := range p {
			if string(toks[i+j].Term) != w.fold {
				continue next
			}
		}
		return true
	}
	return false
}

func str(v interface{}) string {
	switch s := v.(type) {
	case string:
		return s
	case []interface{}:
		if len(s) > 0 {
			return str(s[0])
		}
	}
	return ""
}

func dateStr(v interface{}) string {
	s := str(v)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format("2006-01-02")
	}
	return s
}

var infoFields = []string{fNumber, fType, fIssuer, fDate, fSource, fBody}

type docInfo struct {
	DocInfo
	body string
}

// docInfos looks up the decisions with the given IDs, with their text.
func (ix *Index) docInfos(ids []string) (map[string]docInfo, error) {
	docs, err := ix.stored(ids, infoFields...)
	if err != nil {
		return nil, err
	}
	out := make(map[string]docInfo, len(docs))
	for id, f := range docs {
		out[id] = docInfo{DocInfo: DocInfo{Number: f[fNumber], Type: f[fType], Issuer: f[fIssuer],
			Date: dateStr(f[fDate]), Source: f[fSource]}, body: f[fBody]}
	}
	return out, nil
}

// quietPhrases keeps, in each phrase typed with diacritics, the exact
// boost of its rarest marked word only: that word tells the phrase from
// its look-alikes ("sở tài chính", "số tài chính") as well as all of them
// do, and each boost is a list of documents read alongside the phrase's
// matches.
func (ix *Index) quietPhrases(pq parsedQuery) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return
	}
	r, err := adv.Reader()
	if err != nil {
		return
	}
	defer r.Close()
	for _, p := range pq.phrases {
		best, bestN := -1, uint64(0)
		for i, w := range p {
			if !w.marked() {
				continue
			}
			tfr, err := r.TermFieldReader(context.Background(), []byte(ExactPrefix+w.exact), fT2, false, false, false)
			if err != nil {
				return
			}
			n := tfr.Count()
			tfr.Close()
			if best < 0 || n < bestN {
				best, bestN = i, n
			}
		}
		for i := range p {
			p[i].quiet = i != best
		}
	}
}
