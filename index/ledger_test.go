package index

import (
	"encoding/json"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

// fileLedger is the ledger the files give, filtered like Tasks.
func fileLedger(t *testing.T, f TaskFilter) []analyze.TaskRow {
	files, _ := corpus.Expand(fixtures)
	var out []analyze.TaskRow
	for _, file := range files {
		in, err := corpus.ReadFile(file)
		if err != nil {
			continue
		}
		doc, problems := parser.Parse(in.Name, in.Text)
		for _, row := range analyze.Ledger(analyze.Analyze(doc, problems)) {
			if matchAny(f.Lead, row.Lead) && matchAny(f.Cooperate, row.Cooperate) && matchAny(f.ReportTo, row.ReportTo) {
				out = append(out, row)
			}
		}
	}
	return out
}

func TestTasksOverIndexEqualFiles(t *testing.T) {
	ix := indexFixtures(t)
	defer ix.Close()
	for _, f := range []TaskFilter{{}, {Lead: "so tai chinh"}, {Lead: "Sở Kế hoạch và Đầu tư"}, {Cooperate: "so tai chinh"}, {Lead: "Bộ Quốc phòng"}} {
		got, err := ix.Tasks(f)
		if err != nil {
			t.Fatal(err)
		}
		want := fileLedger(t, f)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("%+v: index ledger (%d rows) differs from the files' (%d rows)", f, len(got), len(want))
		}
	}
	rows, _ := ix.Tasks(TaskFilter{Lead: "so tai chinh"})
	found := false
	for _, r := range rows {
		if r.Number == "79/QĐ-UBND" && r.Path == "2/3" {
			found = true
		}
	}
	if !found {
		t.Errorf("tasks --lead 'so tai chinh' misses 79/QĐ-UBND 2/3: %d rows", len(rows))
	}
}
