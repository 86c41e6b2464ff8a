package index

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/cite"
	"github.com/vanban/vanban/parser/vntext"
)

// Corpus-wide questions. A decision's analysis is the parse of its stored
// text (parser.Parse and analyze.Analyze are deterministic), so what is
// computed from the index is what the file commands compute.

// Stored is one indexed decision.
type Stored struct {
	ID     string
	Source string // absolute path of the file
	Result *analyze.Result
}

// docsMatching lists the decision IDs that q selects among decision
// documents and tasks (a task selects its decision), in source order.
func (ix *Index) docsMatching(q query.Query) ([]string, error) {
	seen := map[string]bool{}
	var ids []string
	err := ix.eachHit(q, nil, func(hid string, _ map[string]interface{}) error {
		id, _ := splitID(hid)
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	src := map[string]string{}
	for rest := ids; len(rest) > 0; {
		n := min(1000, len(rest))
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(rest[:n]), n, 0, false)
		req.Fields = []string{fSource}
		req.Score = "none"
		res, err := ix.bi.Search(req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			src[h.ID] = str(h.Fields[fSource])
		}
		rest = rest[n:]
	}
	sort.Slice(ids, func(i, j int) bool {
		if src[ids[i]] != src[ids[j]] {
			return src[ids[i]] < src[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids, nil
}

// load parses the stored text of the given decision IDs, in order.
func (ix *Index) load(ids []string, fn func(Stored) error) error {
	const page = 100
	for len(ids) > 0 {
		n := min(page, len(ids))
		chunk := ids[:n]
		ids = ids[n:]
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(chunk), n, 0, false)
		req.Fields = []string{fSource, fName, fBody}
		req.Score = "none"
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		byID := map[string]Stored{}
		for _, h := range res.Hits {
			byID[h.ID] = Stored{ID: h.ID, Source: str(h.Fields[fSource]),
				Result: analyzeText2(str(h.Fields[fName]), str(h.Fields[fBody]))}
		}
		for _, id := range chunk {
			if s, ok := byID[id]; ok {
				if err := fn(s); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// analyzeText2 parses and analyzes a stored text as the indexer did.
func analyzeText2(name, text string) *analyze.Result {
	doc, problems := parser.Parse(name, text)
	return analyze.Analyze(doc, problems)
}

// Each calls fn with every indexed decision, in the order of their file
// paths (the order the file commands read a folder in), its analysis
// computed again from its stored text (slow over a large index: the
// ledgers and citations have faster ways, Ledgers and EachCitations).
func (ix *Index) Each(fn func(Stored) error) error {
	ids, err := ix.docsMatching(termQ(fKind, KindDoc))
	if err != nil {
		return err
	}
	return ix.load(ids, fn)
}

// Count returns the number of indexed decisions and tasks.
func (ix *Index) Count() (docs, tasks uint64, err error) {
	for _, k := range []string{KindDoc, KindTask} {
		req := bleve.NewSearchRequestOptions(termQ(fKind, k), 0, 0, false)
		res, err := ix.bi.Search(req)
		if err != nil {
			return 0, 0, err
		}
		if k == KindDoc {
			docs = res.Total
		} else {
			tasks = res.Total
		}
	}
	return
}

// citeKey is the key citations are indexed and looked up by: vntext.Key
// without white space, so that spelling variants of one symbol or law name
// meet (the same key the cites command merges by).
func citeKey(k string) string { return strings.Join(strings.Fields(vntext.Key(k)), "") }

// CitingDoc is an indexed decision with its citations.
type CitingDoc struct {
	ID        string
	Source    string // absolute path of the file
	Name      string // the file's name as given when indexed
	Number    string // the document's number
	Date      string // and date
	Citations []cite.Citation
}

// Citing is a document that cites an instrument, with its mentions.
type Citing struct {
	CitingDoc
	Citation cite.Citation // the citation as the document has it
}

// Paths are the distinct paths of the mentions, in order.
func (c Citing) Paths() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range c.Citation.Mentions {
		if !seen[m.Path] {
			seen[m.Path] = true
			out = append(out, m.Path)
		}
	}
	return out
}

// citingDocs reads the stored citations of the given decisions, in order.
func (ix *Index) citingDocs(ids []string, fn func(CitingDoc) error) error {
	for len(ids) > 0 {
		n := min(500, len(ids))
		chunk := ids[:n]
		ids = ids[n:]
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(chunk), n, 0, false)
		req.Fields = []string{fSource, fName, fNumber, fDate, fCiteDoc}
		req.Score = "none"
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		byID := map[string]CitingDoc{}
		for _, h := range res.Hits {
			d := CitingDoc{ID: h.ID, Source: str(h.Fields[fSource]), Name: str(h.Fields[fName]),
				Number: str(h.Fields[fNumber]), Date: dateStr(h.Fields[fDate])}
			if err := json.Unmarshal([]byte(str(h.Fields[fCiteDoc])), &d.Citations); err != nil {
				return fmt.Errorf("index entry %s: %v", h.ID, err)
			}
			byID[h.ID] = d
		}
		for _, id := range chunk {
			if d, ok := byID[id]; ok {
				if err := fn(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// EachCitations calls fn with every indexed decision and its citations, in
// the order of their file paths.
func (ix *Index) EachCitations(fn func(CitingDoc) error) error {
	ids, err := ix.docsMatching(termQ(fKind, KindDoc))
	if err != nil {
		return err
	}
	return ix.citingDocs(ids, fn)
}

// CitedBy lists the indexed documents that cite the instrument key
// ("40/2020/NĐ-CP"; diacritics, case and spaces do not matter), in source
// order, from the citations stored with each decision.
func (ix *Index) CitedBy(key string) ([]Citing, error) {
	k := citeKey(key)
	ids, err := ix.docsMatching(bleve.NewConjunctionQuery(termQ(fKind, KindDoc), termQ(fCites, k)))
	if err != nil {
		return nil, err
	}
	var out []Citing
	err = ix.citingDocs(ids, func(d CitingDoc) error {
		for _, c := range d.Citations {
			if citeKey(c.Key) == k {
				out = append(out, Citing{CitingDoc: d, Citation: c})
				break
			}
		}
		return nil
	})
	return out, err
}

// Cited is an instrument and the number of indexed documents citing it.
type Cited struct {
	Key   string `json:"key"`  // as the first citing document writes it
	Type  string `json:"type"` // of instrument
	Count int    `json:"count"`
}

// TopCited returns the n instruments cited by the most indexed documents
// (ties by key), counted from the index's citation keys.
func (ix *Index) TopCited(n int) ([]Cited, error) {
	if n <= 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(termQ(fKind, KindDoc), 0, 0, false)
	// Ask for more terms than n so that ties at the cut are ordered by key.
	req.AddFacet("cites", bleve.NewFacetRequest(fCites, n+50))
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	var out []Cited
	if f := res.Facets["cites"]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out = append(out, Cited{Key: t.Term, Count: t.Count})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if len(out) > n {
		out = out[:n]
	}
	// The facet counts index keys; show each as a citing document wrote it.
	for i := range out {
		k := out[i].Key
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(termQ(fKind, KindDoc), termQ(fCites, k)), 1, 0, false)
		req.SortBy([]string{"_id"})
		res, err := ix.bi.Search(req)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		err = ix.citingDocs(ids, func(d CitingDoc) error {
			for _, c := range d.Citations {
				if citeKey(c.Key) == k {
					out[i].Key, out[i].Type = c.Key, c.Type
					break
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Find returns the indexed decisions with the given number (diacritics
// and case do not matter), in source order.
func (ix *Index) Find(number string) ([]Stored, error) {
	ids, err := ix.docsMatching(bleve.NewConjunctionQuery(termQ(fKind, KindDoc), termQ(fNKey, vntext.Key(number))))
	if err != nil {
		return nil, err
	}
	var out []Stored
	err = ix.load(ids, func(s Stored) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// TaskText returns the indexed text of one task of a decision (its own
// text, without its sub-tasks), and whether it exists.
func (ix *Index) TaskText(docID, path string) (string, bool, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{taskID(docID, path)}), 1, 0, false)
	req.Fields = []string{fMeta}
	res, err := ix.bi.Search(req)
	if err != nil {
		return "", false, err
	}
	if len(res.Hits) == 0 {
		return "", false, nil
	}
	infos, err := ix.docInfos([]string{docID})
	if err != nil {
		return "", false, err
	}
	return joinSpans(infos[docID].body, parseMeta(str(res.Hits[0].Fields[fMeta])).spans), true, nil
}
