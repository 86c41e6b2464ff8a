package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/index"
)

// indexFlag is the --index flag of every command that reads the index.
func indexFlag() cli.Flag {
	return &cli.StringFlag{Name: "index", Usage: "index folder (default $VANBAN_INDEX, else ~/.local/share/vanban/index)"}
}

func indexDir(c *cli.Context) (string, error) {
	if d := c.String("index"); d != "" {
		return d, nil
	}
	return index.DefaultDir()
}

// openIndex opens the index for reading; errors come back as one line.
func openIndex(c *cli.Context) (*index.Index, error) {
	dir, err := indexDir(c)
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		return nil, indexError(err)
	}
	return ix, nil
}

// indexError is the failure (exit code 1) of opening an index.
func indexError(err error) error {
	if errors.Is(err, index.ErrInUse) {
		// "index is in use by another vanban process (DIR)"
		return failure{fmt.Errorf("%v; try again when it has finished", err)}
	}
	return failure{err}
}

func init() {
	register(&cli.Command{
		Name:      "index",
		Usage:     "add documents (files and folders) to the search index, or bring it up to date",
		ArgsUsage: "PATH...",
		Description: `Parses every .txt, .html and .md file under each PATH and stores it in the
index: one entry per decision and one per task. Running it again is cheap:
unchanged files are skipped, changed files replace their old entries, and
--prune drops documents whose files are gone. A file that cannot be read is
reported and skipped; the exit code is then 1.

Examples:
   vanban index ~/vanban/quyet-dinh
   vanban index --prune --index /srv/vanban/index /srv/docs
   vanban index --rebuild ~/vanban/quyet-dinh`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.BoolFlag{Name: "prune", Usage: "remove documents whose files no longer exist"},
			&cli.BoolFlag{Name: "rebuild", Usage: "delete the index and build it anew from PATH..."},
			&cli.IntFlag{Name: "batch-mb", Value: index.DefaultBatchBytes >> 20, Usage: "megabytes of text per batch", Hidden: true},
		},
		Action: indexAction,
	})
}

// defaultMemoryLimit is the Go heap's soft limit while indexing (unless
// GOMEMLIMIT says otherwise): past it the collector runs more often instead
// of letting the heap double, which keeps the peak resident size down.
const defaultMemoryLimit = 350 << 20

func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

func indexAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError(c, "index needs at least one PATH (file or folder)")
	}
	setMemoryLimit()
	dir, err := indexDir(c)
	if err != nil {
		return err
	}
	errw := c.App.ErrWriter
	if c.Bool("rebuild") {
		if err := index.Remove(dir); err != nil {
			return err
		}
	}
	ix, err := index.Open(dir, index.Options{Create: true})
	var damaged *index.DamagedError
	if errors.As(err, &damaged) {
		fmt.Fprintf(errw, "vanban: index at %s is damaged (%v); rebuilding it from the given files\n", dir, damaged.Err)
		if err := index.Remove(dir); err != nil {
			return err
		}
		ix, err = index.Open(dir, index.Options{Create: true})
	}
	if err != nil {
		return indexError(err)
	}
	var bar *progressbar.ProgressBar
	tty := false
	if f, ok := errw.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		tty = true
	}
	opts := index.UpdateOptions{
		Prune:      c.Bool("prune"),
		BatchBytes: c.Int("batch-mb") << 20,
		Report: func(file string, err error) {
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(errw, "vanban: "+err.Error())
		},
		Progress: func(done, total int) {
			if !tty {
				return
			}
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(errw),
					progressbar.OptionSetDescription("indexing"), progressbar.OptionShowCount(),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		},
	}
	if os.Getenv("VANBAN_TRACE_BATCHES") != "" {
		opts.AfterBatch = func(files int) { fmt.Fprintf(errw, "vanban: batch written (%d files)\n", files) }
	}
	sum, err := ix.Update(c.Args().Slice(), opts)
	if bar != nil {
		bar.Finish()
	}
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	line := fmt.Sprintf("indexed %d, unchanged %d, updated %d, failed %d, pruned %d", sum.Indexed, sum.Unchanged, sum.Updated, sum.Failed, sum.Pruned)
	if sum.Duplicates > 0 {
		line += fmt.Sprintf(", duplicates %d", sum.Duplicates)
	}
	line += fmt.Sprintf(" in %.1fs (%.1f MB)", sum.Elapsed.Seconds(), float64(sum.Bytes)/1e6)
	fmt.Fprintln(errw, line)
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}

// eachSource is eachDocument over the index when --index is given, else
// over the files named on the command line. Over the index, each decision
// comes as the part of its analysis its ledger rows hold (analyze.Ledger
// of it gives back those rows), read from the row documents only: for the
// tasks command, the rows whose agencies hold the words of --lead,
// --cooperate and --agency (the command then applies its exact filter);
// for the others, every row.
func eachSource(c *cli.Context, fn func(*docResult) error) error {
	if c.String("index") == "" {
		return eachDocument(c, c.Args().Slice(), fn)
	}
	if c.NArg() > 0 {
		return usageError(c, "give either --index or FILEs, not both")
	}
	ix, err := openIndex(c)
	if err != nil {
		return err
	}
	defer ix.Close()
	var f index.TaskFilter
	if c.Command.Name == "tasks" {
		f = index.TaskFilter{Lead: c.String("lead"), Cooperate: c.String("cooperate"), Agency: c.String("agency")}
	}
	return ix.Ledgers(f, func(l index.Ledger) error {
		return fn(&docResult{Input: &corpus.Input{Name: l.Name}, Result: l.Result()})
	})
}
