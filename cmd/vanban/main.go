// Command vanban turns Vietnamese legal documents into structured,
// searchable data: parse a decision into its parts, list what it cites and
// who must do what by when, index whole folders and search them.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args))
}

// exitError carries an exit code through urfave/cli after the command has
// already reported its errors.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// failure is an error of the work itself, not of its usage (the index is
// in use, missing or damaged; no document has that number). It exits with
// code 1.
type failure struct{ err error }

func (f failure) Error() string { return f.err.Error() }
func (f failure) Unwrap() error { return f.err }

func run(args []string) int { return exitCode(newApp(), args) }

// exitCode runs app with args and returns the exit code: errors not yet
// reported are written to app.ErrWriter, as one line.
func exitCode(app *cli.App, args []string) int {
	err := app.Run(args)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	w := app.ErrWriter
	if w == nil {
		w = os.Stderr
	}
	fmt.Fprintln(w, "vanban: "+err.Error())
	var f failure
	if errors.As(err, &f) {
		return 1
	}
	return 2 // usage and flag errors
}

func newApp() *cli.App {
	return &cli.App{
		Name:    "vanban",
		Usage:   "parse, search and cross-reference Vietnamese legal documents",
		Version: version,
		Description: `vanban reads decisions, decrees, plans, resolutions and letters (plain text,
saved HTML pages from legal portals, pandoc Markdown) and answers what legal
staff ask: the structure of a document, what it cites, who leads which task
and by when. Every answer points back to file:line.

Exit codes: 0 success; 1 a failure (some input failed while the others were
still processed, the index is in use, missing or damaged, no indexed document
has that number); 2 wrong usage.`,
		EnableBashCompletion: true,
		Commands:             commands,
		ExitErrHandler:       func(*cli.Context, error) {},
	}
}

// commands is filled by the init functions of the command files.
var commands []*cli.Command

// register adds a command. An error its action returns is a failure of
// the work (exit code 1): usage errors are reported by usageError (exit
// code 2) before they get here, and flag errors never reach the action.
func register(c *cli.Command) {
	if act := c.Action; act != nil {
		c.Action = func(ctx *cli.Context) error {
			err := act(ctx)
			var ee exitError
			if err == nil || errors.As(err, &ee) {
				return err
			}
			return failure{err}
		}
	}
	commands = append(commands, c)
}
