package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Sets of entries as bitmaps. Scorch keeps each term's postings list as a
// roaring bitmap of document numbers per segment; a filter (conjunctions
// of term alternatives, filter.go) and a count of the entries of a word
// that pass it are bitmap unions, intersections and a cardinality: tens
// of microseconds, exact, whatever the numbers of matches. Scorch's
// internal ID of an entry is its 8-byte big-endian number in the
// snapshot: the segment's offset (the sum of the sizes of the segments
// before it) plus its number in the segment.

// segments is the segments of a reader's snapshot, with their offsets.
type segments struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
}

// segmentsOf gives the segments of a scorch reader (ok false for another
// kind of index).
func segmentsOf(r bleveindex.IndexReader) (*segments, bool) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false
	}
	sg := &segments{segs: snap.Segments()}
	var at uint64
	for _, s := range sg.segs {
		sg.offsets = append(sg.offsets, at)
		at += s.Segment().Count() // every number, deleted or not (as scorch counts)
	}
	return sg, true
}

// docSet is a set of live entries: one bitmap of numbers per segment, nil
// where the set has none. The bitmaps may be the index's own (read-only):
// a docSet is never changed in place, only combined into new ones.
type docSet struct {
	sg  *segments
	bms []*roaring.Bitmap
}

// term is the set of live entries holding term in field.
func (sg *segments) term(field, term string) (*docSet, error) {
	out := &docSet{sg: sg, bms: make([]*roaring.Bitmap, len(sg.segs))}
	for i, s := range sg.segs {
		d, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		if d == nil {
			continue
		}
		pl, err := d.PostingsList([]byte(term), s.Deleted(), nil)
		if err != nil {
			return nil, err
		}
		if pl == nil {
			continue
		}
		out.bms[i] = postingsBitmap(pl.Iterator(false, false, false, nil))
	}
	return out, nil
}

// postingsBitmap is the numbers of a postings iterator (its own bitmap
// when it exposes one, which is the case of zap's).
func postingsBitmap(it segment.PostingsIterator) *roaring.Bitmap {
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if n, one := o.DocNum1Hit(); one {
			return roaring.BitmapOf(uint32(n))
		}
		return o.ActualBitmap() // nil when empty
	}
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return bm
		}
		bm.Add(uint32(p.Number()))
	}
}

// union is the entries in any of sets (all of one snapshot).
func union(sg *segments, sets []*docSet) *docSet {
	out := &docSet{sg: sg, bms: make([]*roaring.Bitmap, len(sg.segs))}
	for i := range sg.segs {
		var bms []*roaring.Bitmap
		for _, s := range sets {
			if bm := s.bms[i]; bm != nil && !bm.IsEmpty() {
				bms = append(bms, bm)
			}
		}
		switch len(bms) {
		case 0:
		case 1:
			out.bms[i] = bms[0]
		default:
			out.bms[i] = roaring.FastOr(bms...)
		}
	}
	return out
}

// and is the entries in both s and o.
func (s *docSet) and(o *docSet) *docSet {
	out := &docSet{sg: s.sg, bms: make([]*roaring.Bitmap, len(s.bms))}
	for i, bm := range s.bms {
		if bm != nil && o.bms[i] != nil {
			out.bms[i] = roaring.And(bm, o.bms[i])
		}
	}
	return out
}

// andCount is the number of entries in both s and o.
func (s *docSet) andCount(o *docSet) uint64 {
	var n uint64
	for i, bm := range s.bms {
		if bm != nil && o.bms[i] != nil {
			n += bm.AndCardinality(o.bms[i])
		}
	}
	return n
}

// count is the number of entries of s.
func (s *docSet) count() uint64 {
	var n uint64
	for _, bm := range s.bms {
		if bm != nil {
			n += bm.GetCardinality()
		}
	}
	return n
}

// locate gives the segment of the entry with the internal ID id and its
// number there.
func (sg *segments) locate(id bleveindex.IndexInternalID) (seg int, num uint64, ok bool) {
	if len(id) != 8 || len(sg.offsets) == 0 {
		return 0, 0, false
	}
	n := binary.BigEndian.Uint64(id)
	offs := sg.offsets
	i := len(offs) - 1
	if i > 0 {
		i = sort.Search(len(offs), func(x int) bool { return offs[x] > n }) - 1
	}
	if i < 0 {
		return 0, 0, false
	}
	return i, n - offs[i], true
}

// has tells whether the entry with the internal ID id is in s.
func (s *docSet) has(id bleveindex.IndexInternalID) bool {
	i, num, ok := s.sg.locate(id)
	return ok && s.bms[i] != nil && s.bms[i].Contains(uint32(num))
}

// each calls fn with the internal ID of every entry of s, in index order,
// until fn fails.
func (s *docSet) each(fn func(id bleveindex.IndexInternalID) error) error {
	id := make(bleveindex.IndexInternalID, 8)
	for i, bm := range s.bms {
		if bm == nil {
			continue
		}
		it := bm.Iterator()
		for it.HasNext() {
			binary.BigEndian.PutUint64(id, s.sg.offsets[i]+uint64(it.Next()))
			if err := fn(id); err != nil {
				return err
			}
		}
	}
	return nil
}

// setQuery matches the entries of a set, each with score 0, and takes no
// part in the query norm: given to a conjunction (as a must clause), it
// restricts a query to the set without changing the scores.
type setQuery struct{ set *docSet }

func (q *setQuery) Searcher(context.Context, bleveindex.IndexReader, mapping.IndexMapping, search.SearcherOptions) (search.Searcher, error) {
	return &setSearcher{set: q.set}, nil
}

// setSearcher reads a set's entries in index order.
type setSearcher struct {
	set *docSet
	seg int                 // the segment read
	it  roaring.IntPeekable // its iterator (nil: not started)
}

func (s *setSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for s.seg < len(s.set.bms) {
		bm := s.set.bms[s.seg]
		if bm == nil {
			s.seg++
			continue
		}
		if s.it == nil {
			s.it = bm.Iterator()
		}
		if s.it.HasNext() {
			dm := ctx.DocumentMatchPool.Get()
			dm.IndexInternalID = bleveindex.NewIndexInternalID(dm.IndexInternalID, s.set.sg.offsets[s.seg]+uint64(s.it.Next()))
			return dm, nil
		}
		s.seg, s.it = s.seg+1, nil
	}
	return nil, nil
}

func (s *setSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	seg, num, ok := s.set.sg.locate(id)
	if !ok {
		return nil, fmt.Errorf("entry ID %x is not a scorch number", []byte(id))
	}
	if seg > s.seg {
		s.seg, s.it = seg, nil
	}
	if seg == s.seg && s.set.bms[seg] != nil {
		if s.it == nil {
			s.it = s.set.bms[seg].Iterator()
		}
		s.it.AdvanceIfNeeded(uint32(num))
	}
	return s.Next(ctx)
}

func (s *setSearcher) Close() error               { return nil }
func (s *setSearcher) Weight() float64            { return 0 }
func (s *setSearcher) SetQueryNorm(float64)       {}
func (s *setSearcher) Count() uint64              { return s.set.count() }
func (s *setSearcher) Min() int                   { return 0 }
func (s *setSearcher) Size() int                  { return 64 }
func (s *setSearcher) DocumentMatchPoolSize() int { return 1 }

// fromNums is the set of the entries with the given global numbers.
func fromNums(sg *segments, nums []uint64) *docSet {
	out := &docSet{sg: sg, bms: make([]*roaring.Bitmap, len(sg.segs))}
	for _, n := range nums {
		var id [8]byte
		binary.BigEndian.PutUint64(id[:], n)
		i, local, ok := sg.locate(id[:])
		if !ok {
			continue
		}
		if out.bms[i] == nil {
			out.bms[i] = roaring.New()
		}
		out.bms[i].Add(uint32(local))
	}
	return out
}
