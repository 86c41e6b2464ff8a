package index

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/vanban/vanban/parser/analyze"
	"github.com/vanban/vanban/parser/cite"
	"github.com/vanban/vanban/parser/vntext"
)

// Corpus-wide questions: every answer is computed from the stored
// analyze.Result of each document, the same value the file commands
// compute, so a ledger over the index equals the ledger over the files.

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
	err := ix.eachHit(q, []string{fDoc}, func(_ string, f map[string]interface{}) error {
		id := str(f[fDoc])
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

// load reads the stored results of the given decision IDs, in order.
func (ix *Index) load(ids []string, fn func(Stored) error) error {
	const page = 200
	for len(ids) > 0 {
		n := min(page, len(ids))
		chunk := ids[:n]
		ids = ids[n:]
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(chunk), n, 0, false)
		req.Fields = []string{fSource, fResult}
		req.Score = "none"
		res, err := ix.bi.Search(req)
		if err != nil {
			return err
		}
		byID := map[string]Stored{}
		for _, h := range res.Hits {
			var r analyze.Result
			if err := json.Unmarshal([]byte(str(h.Fields[fResult])), &r); err != nil {
				return fmt.Errorf("index entry %s: %v", h.ID, err)
			}
			byID[h.ID] = Stored{ID: h.ID, Source: str(h.Fields[fSource]), Result: &r}
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

// Each calls fn with every indexed decision, in the order of their file
// paths (the order the file commands read a folder in).
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

// Citing is a document that cites an instrument, with its mentions.
type Citing struct {
	Stored
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

// CitedBy lists the indexed documents that cite the instrument key
// ("40/2020/NĐ-CP"; diacritics and case do not matter), in source order.
func (ix *Index) CitedBy(key string) ([]Citing, error) {
	k := vntext.Key(key)
	ids, err := ix.docsMatching(bleve.NewConjunctionQuery(termQ(fKind, KindDoc), termQ(fCites, k)))
	if err != nil {
		return nil, err
	}
	var out []Citing
	err = ix.load(ids, func(s Stored) error {
		for _, c := range s.Result.Citations {
			if vntext.Key(c.Key) == k {
				out = append(out, Citing{Stored: s, Citation: c})
				break
			}
		}
		return nil
	})
	return out, err
}

// Cited is an instrument and the number of indexed documents citing it.
type Cited struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// TopCited returns the n instruments cited by the most indexed documents
// (ties by key), counted from the index's citation keys.
func (ix *Index) TopCited(n int) ([]Cited, error) {
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
	req.Fields = []string{fTextF}
	res, err := ix.bi.Search(req)
	if err != nil {
		return "", false, err
	}
	if len(res.Hits) == 0 {
		return "", false, nil
	}
	return str(res.Hits[0].Fields[fTextF]), true, nil
}
