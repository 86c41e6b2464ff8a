package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/vanban/vanban/index"
)

// TestIndexSurvivesKill kills `vanban index` (SIGKILL) after it has written
// a few batches, runs it again, and compares the index with one built
// without interruption: same documents, same number of tasks.
func TestIndexSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "vanban")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	pool, err := index.LoadPool([]string{"../../testdata/qd-79-2023-langson.txt", "../../testdata/corpus"})
	if err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(tmp, "docs")
	if _, err := pool.Generate(docs, 400); err != nil {
		t.Fatal(err)
	}
	run := func(dir string) {
		cmd := exec.Command(bin, "index", "--index", dir, "--batch-mb", "1", docs)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("vanban index: %v\n%s", err, out)
		}
	}
	clean := filepath.Join(tmp, "clean")
	run(clean)

	killed := filepath.Join(tmp, "killed")
	cmd := exec.Command(bin, "index", "--index", killed, "--batch-mb", "1", docs)
	cmd.Env = append(os.Environ(), "VANBAN_TRACE_BATCHES=1")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	batches := 0
	for sc.Scan() {
		if strings.Contains(sc.Text(), "batch written") {
			batches++
			if batches == 2 {
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
	}
	err = cmd.Wait()
	if batches < 2 {
		t.Fatalf("the indexer finished before it could be killed (%d batches): %v", batches, err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the indexer was not killed: %v", err)
	}
	partial := docSet(t, killed)
	if len(partial.ids) == 0 || len(partial.ids) >= 400 {
		t.Logf("after the kill the index holds %d documents", len(partial.ids))
	}
	run(killed)

	a, b := docSet(t, clean), docSet(t, killed)
	if len(a.ids) != 400 {
		t.Fatalf("clean run indexed %d documents, want 400", len(a.ids))
	}
	if strings.Join(a.ids, ",") != strings.Join(b.ids, ",") || a.tasks != b.tasks {
		t.Fatalf("after kill and re-run: %d docs, %d tasks; uninterrupted: %d docs, %d tasks", len(b.ids), b.tasks, len(a.ids), a.tasks)
	}
}

type indexed struct {
	ids   []string
	tasks uint64
}

func docSet(t *testing.T, dir string) indexed {
	t.Helper()
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	defer ix.Close()
	var s indexed
	if err := ix.EachCitations(func(d index.CitingDoc) error {
		s.ids = append(s.ids, d.Number+"@"+filepath.Base(d.Source))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(s.ids)
	_, s.tasks, err = ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
