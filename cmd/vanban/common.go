package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
)

type docResult struct {
	Input  *corpus.Input
	Result *analyze.Result
}

// load reads and analyzes one file ("-" is standard input).
func load(path string) (*docResult, error) { return loadFrom(path, os.Stdin) }

func loadFrom(path string, stdin io.Reader) (*docResult, error) {
	var in *corpus.Input
	var err error
	if path == "-" {
		in, err = corpus.Read("-", stdin)
	} else {
		in, err = corpus.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	name := in.Name
	if name == "-" {
		name = "<stdin>"
	}
	return analyzeInput(name, in)
}

// analyzeInput parses and analyzes one decoded input; a failure inside the
// parser is reported as an error of that file, never a crash of the batch.
func analyzeInput(name string, in *corpus.Input) (r *docResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%s: internal error while parsing (please report it): %v", name, p)
		}
	}()
	doc, problems := parser.Parse(name, in.Text)
	return &docResult{Input: in, Result: analyze.Analyze(doc, problems)}, nil
}

// eachDocument expands paths (folders recursively), loads every file and
// calls fn for it. A file that fails is reported on stderr in one line and
// the others are still processed; the command then exits 1.
func eachDocument(c *cli.Context, paths []string, fn func(*docResult) error) error {
	files, errs := corpus.Expand(paths)
	failed := len(errs)
	for _, e := range errs {
		fmt.Fprintln(c.App.ErrWriter, "vanban: "+e.Error())
	}
	// a progress bar on stderr for long batches, only on a terminal.
	var bar *progressbar.ProgressBar
	if f, ok := c.App.ErrWriter.(*os.File); ok && isatty.IsTerminal(f.Fd()) && len(files) >= 20 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("reading"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	for _, f := range files {
		r, err := loadFrom(f, c.App.Reader)
		if bar != nil {
			bar.Add(1)
		}
		if err != nil {
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(c.App.ErrWriter, "vanban: "+err.Error())
			failed++
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if bar != nil {
		bar.Finish()
	}
	if failed > 0 {
		if len(files)+len(errs) > 1 {
			fmt.Fprintf(c.App.ErrWriter, "vanban: %d of %d inputs failed\n", failed, len(files)+len(errs)-0)
		}
		return exitError{1}
	}
	return nil
}

func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", f, strings.Join(allowed, ", "))
}

func usageError(c *cli.Context, msg string) error {
	fmt.Fprintln(c.App.ErrWriter, "vanban: "+msg)
	fmt.Fprintf(c.App.ErrWriter, "usage: vanban %s [options] %s (see vanban %s --help)\n", c.Command.Name, c.Command.ArgsUsage, c.Command.Name)
	return exitError{2}
}
