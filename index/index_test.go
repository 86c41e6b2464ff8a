package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// fixtures are the documents the index tests read, from testdata: pandoc
// Markdown, a plan, a text in mixed NFC/NFD, a vbpl.vn attributes page and
// the seed decision; in path order, the order of the ledgers over the index.
var fixtures = []string{
	"../testdata/corpus/md_ke_hoach_excerpt.txt",
	"../testdata/corpus/mixed_nfd_luat_tai_san_cong_excerpt.txt",
	"../testdata/corpus/pandoc_nq_1659_excerpt.txt",
	"../testdata/corpus/vbpl_thuoctinh_bo_luat_to_tung_hinh_su_excerpt.html",
	"../testdata/qd-79-2023-langson.txt",
}

func newIndex(t *testing.T) (*Index, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	return ix, dir
}

func TestAnalyzersKeepOffsets(t *testing.T) {
	text := norm.NFD.String("Giám đốc Sở Tài chính; Uỷ ban AN TOÀN")
	for _, c := range []struct {
		analyzer string
		want     []string
	}{
		{AnalyzerFold, []string{"giam", "doc", "so", "tai", "chinh", "uy", "ban", "an", "toan"}},
		{AnalyzerExact, []string{"giám", "đốc", "sở", "tài", "chính", "ủy", "ban", "an", "toàn"}},
		{AnalyzerFold2, []string{"giam doc", "doc so", "so tai", "tai chinh", "chinh uy", "uy ban", "ban an", "an toan"}},
	} {
		toks := analyzeText(c.analyzer, text)
		if len(toks) != len(c.want) {
			t.Fatalf("%s: %d tokens, want %d", c.analyzer, len(toks), len(c.want))
		}
		for i, tok := range toks {
			got := norm.NFC.String(string(tok.Term))
			if got != c.want[i] {
				t.Errorf("%s token %d = %q, want %q", c.analyzer, i, got, c.want[i])
			}
			// The offsets cover the token's own characters in the source.
			src := strings.ToLower(norm.NFC.String(text[tok.Start:tok.End]))
			if c.analyzer == AnalyzerFold && Terms(AnalyzerFold, src)[0] != got {
				t.Errorf("token %q spans %q", got, src)
			}
		}
	}
}

func indexFixtures(t *testing.T) *Index {
	t.Helper()
	ix, _ := newIndex(t)
	sum, err := ix.Update(fixtures, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed == 0 || sum.Failed != 0 {
		t.Fatalf("summary %+v", sum)
	}
	return ix
}

func TestSearchFoldedFindsTask(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	res, err := ix.Search(Request{Query: "so tai chinh chu tri"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	h := res.Hits[0]
	if h.Document.Number != "79/QĐ-UBND" || h.Path != "2/3" {
		t.Fatalf("top hit %s %s, want 79/QĐ-UBND 2/3", h.Document.Number, h.Path)
	}
	if got := h.Snippet.Render("[", "]"); !strings.Contains(got, "[Sở Tài chính chủ trì]") {
		t.Errorf("snippet %q does not mark the words", got)
	}
	if h.Document.Date != "2023-01-19" || !strings.HasSuffix(h.Document.Source, "qd-79-2023-langson.txt") {
		t.Errorf("document %+v", h.Document)
	}
}

func TestSearchExactRanksAboveFolded(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	for _, q := range []string{"sở", "số"} {
		res, err := ix.Search(Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits", q)
		}
		for _, h := range res.Hits {
			if !strings.Contains(strings.ToLower(h.Snippet.Text), q) {
				t.Errorf("%s: hit %s %s ranks in the top 5 without %q: %q", q, h.Document.Number, h.Path, q, h.Snippet.Text)
			}
		}
	}
}

func TestSearchNoStopWords(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	res, err := ix.Search(Request{Query: `"an toan"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal(`"an toan" finds nothing: "an" must not be a stop word`)
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet.Render("[", "]"), "[an toàn]") && !strings.Contains(strings.ToLower(h.Snippet.Render("[", "]")), "[an toàn]") {
			t.Errorf("hit without the phrase marked: %q", h.Snippet.Render("[", "]"))
		}
	}
}

func TestPhraseOrder(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	ok, _ := ix.Search(Request{Query: `"kế hoạch và đầu tư"`})
	folded, _ := ix.Search(Request{Query: `"ke hoach va dau tu"`})
	reversed, _ := ix.Search(Request{Query: `"tu dau va hoach ke"`})
	words, _ := ix.Search(Request{Query: `tu dau va hoach ke`})
	if ok.Total == 0 || folded.Total != ok.Total {
		t.Errorf("phrase %d hits, folded phrase %d: want the same, > 0", ok.Total, folded.Total)
	}
	if reversed.Total != 0 {
		t.Errorf("reversed phrase finds %d hits", reversed.Total)
	}
	if words.Total < ok.Total {
		t.Errorf("bare words find %d < phrase %d", words.Total, ok.Total)
	}
}

func TestFilters(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	all, _ := ix.Search(Request{Query: "ngan sach", Limit: 100})
	in, err := ix.Search(Request{Query: "ngan sach", From: "2023-01-01", To: "2023-12-31", Issuer: "lang son", Type: "quyet dinh", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if in.Total == 0 || in.Total >= all.Total {
		t.Fatalf("filtered %d of %d", in.Total, all.Total)
	}
	for _, h := range in.Hits {
		if h.Document.Number != "79/QĐ-UBND" {
			t.Errorf("filter let through %+v", h.Document)
		}
	}
	none, _ := ix.Search(Request{Query: "ngan sach", To: "2000-01-01"})
	if none.Total != 0 {
		t.Errorf("--to 2000-01-01 finds %d", none.Total)
	}
}

// copyFiles copies files into the folder to.
func copyFiles(t *testing.T, files []string, to string) {
	t.Helper()
	os.MkdirAll(to, 0o755)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIncremental(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	copyFiles(t, fixtures, docs)
	ix, _ := newIndex(t)
	defer ix.Close()
	first, err := ix.Update([]string{docs}, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d1, t1, _ := ix.Count()
	if int(d1) != first.Indexed || t1 == 0 {
		t.Fatalf("%d docs %d tasks after %+v", d1, t1, first)
	}
	hits1, _ := ix.Search(Request{Query: "so tai chinh chu tri", Limit: 100})

	again, err := ix.Update([]string{docs}, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != first.Indexed || again.Indexed+again.Updated != 0 {
		t.Fatalf("second run %+v", again)
	}
	d2, t2, _ := ix.Count()
	hits2, _ := ix.Search(Request{Query: "so tai chinh chu tri", Limit: 100})
	if d2 != d1 || t2 != t1 || hits2.Total != hits1.Total {
		t.Fatalf("re-index changed the index: %d/%d docs, %d/%d tasks, %d/%d hits", d1, d2, t1, t2, hits1.Total, hits2.Total)
	}

	// Change the seed: drop its task 2/3; the old entries must go.
	seed := filepath.Join(docs, "qd-79-2023-langson.txt")
	data, _ := os.ReadFile(seed)
	changed := strings.Replace(string(data), "3. Sở Tài chính chủ trì hướng dẫn", "Sở Tài chính hướng dẫn", 1)
	if changed == string(data) {
		t.Fatal("fixture text not found")
	}
	os.WriteFile(seed, []byte(changed), 0o644)
	upd, err := ix.Update([]string{docs}, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if upd.Updated != 1 || upd.Unchanged != first.Indexed-1 {
		t.Fatalf("after a change %+v", upd)
	}
	d3, t3, _ := ix.Count()
	if d3 != d1 || t3 != t1-1 {
		t.Fatalf("after a change: %d docs (want %d), %d tasks (want %d)", d3, d1, t3, t1-1)
	}
	if n, _ := ix.bi.DocCount(); n != 2*d3+t3 {
		t.Errorf("after a change: %d Bleve documents for %d decisions and %d rows", n, d3, t3)
	}
	res, _ := ix.Search(Request{Query: `"tai chinh chu tri huong dan"`})
	if res.Total != 0 {
		t.Errorf("old text still found: %d hits", res.Total)
	}

	// Remove a file: only --prune drops it.
	os.Remove(seed)
	keep, _ := ix.Update([]string{docs}, UpdateOptions{})
	if keep.Pruned != 0 {
		t.Fatalf("pruned without --prune: %+v", keep)
	}
	pr, _ := ix.Update([]string{docs}, UpdateOptions{Prune: true})
	if pr.Pruned != 1 {
		t.Fatalf("prune %+v", pr)
	}
	d4, t4, _ := ix.Count()
	if d4 != d1-1 {
		t.Fatalf("%d docs after prune, want %d", d4, d1-1)
	}
	// Nothing else is left of the pruned file: the index holds a decision,
	// its rows and its ledger entry per file.
	if n, _ := ix.bi.DocCount(); n != 2*d4+t4 {
		t.Errorf("%d Bleve documents for %d decisions and %d rows", n, d4, t4)
	}
	if r, _ := ix.Search(Request{Query: "so tai chinh chu tri"}); r.Total != 0 {
		for _, h := range r.Hits {
			if h.Document.Number == "79/QĐ-UBND" {
				t.Errorf("pruned document still found")
			}
		}
	}
}

func TestFailingFileIsReported(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	copyFiles(t, fixtures, docs)
	os.WriteFile(filepath.Join(docs, "broken.txt"), []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3}, 0o644)
	ix, _ := newIndex(t)
	defer ix.Close()
	var reported []string
	sum, err := ix.Update([]string{docs}, UpdateOptions{Report: func(f string, e error) { reported = append(reported, e.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || len(reported) != 1 || !strings.Contains(reported[0], "broken.txt") {
		t.Fatalf("summary %+v, reported %q", sum, reported)
	}
	if sum.Indexed == 0 {
		t.Fatal("the other files were not indexed")
	}
}

func TestSecondWriterGetsInUse(t *testing.T) {
	ix, dir := newIndex(t)
	defer ix.Close()
	_, err := Open(dir, Options{LockTimeout: "200ms"})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second open: %v, want ErrInUse", err)
	}
	_, err = Open(dir, Options{ReadOnly: true, LockTimeout: "200ms"})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("reader while writing: %v, want ErrInUse", err)
	}
}

func TestSchemaVersionChecked(t *testing.T) {
	ix, dir := newIndex(t)
	ix.bi.SetInternal([]byte(schemaKey), []byte("vanban-index-0"))
	ix.Close()
	_, err := Open(dir, Options{ReadOnly: true})
	var se *SchemaError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "vanban index --rebuild") {
		t.Fatalf("open: %v, want a schema error", err)
	}
}
