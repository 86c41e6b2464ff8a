// Package corpus reads the inputs of vanban (plain text, HTML pages saved
// from vbpl.vn and similar portals, Markdown produced by pandoc or DOCX/PDF
// converters) and turns them into clean UTF-8 text: NFC, "\n" line ends,
// no BOM, legacy Vietnamese encodings (TCVN3, VNI) converted, HTML reduced
// to the document's lines and Markdown markup removed line for line.
//
// Every failure is reported as an *Error, a one-line message naming the
// file (and the line when it is known) that can be shown to the user as is.
package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Format is the markup of an input.
type Format string

// The formats Decode recognizes.
const (
	FormatText     Format = "text"
	FormatHTML     Format = "html"
	FormatMarkdown Format = "markdown"
)

// Input is one decoded document.
type Input struct {
	Name     string // path as given; "-" for stdin (display name "<stdin>")
	Format   Format
	Encoding string // detected source encoding: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "tcvn3", "vni", "windows-1258", ...
	Text     string // decoded UTF-8, NFC, "\n" line ends, no BOM
}

// DisplayName is the name used in messages: "<stdin>" for "-".
func (in *Input) DisplayName() string { return displayName(in.Name) }

// Error is a one-line, user-facing error naming the file (and the line when known).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func displayName(name string) string {
	if name == "-" || name == "" {
		return "<stdin>"
	}
	return name
}

func newError(name string, line int, format string, args ...any) *Error {
	return &Error{File: displayName(name), Line: line, Msg: fmt.Sprintf(format, args...)}
}

// ReadFile reads and decodes the file at path; "-" reads os.Stdin.
func ReadFile(path string) (*Input, error) {
	if path == "-" {
		return Read(path, os.Stdin)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	if st.IsDir() {
		return nil, newError(path, 0, "is a directory")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	return Decode(path, data)
}

// Read reads everything from r and decodes it; name is used for the format
// (by extension) and in messages.
func Read(name string, r io.Reader) (*Input, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fileError(name, err)
	}
	return Decode(name, data)
}

// fileError turns an os error into a one-line *Error.
func fileError(name string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newError(name, 0, "no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return newError(name, 0, "permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return newError(name, 0, "%v", err)
}

// inputExts are the extensions Expand picks up inside folders.
var inputExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true}

// Expand turns command-line paths (files and folders, recursive) into the
// list of files to read. Folders yield their .txt .text .md .html .htm files
// in sorted order, skipping hidden files and folders and MANIFEST.tsv; a path
// given explicitly is returned as is whatever its extension, so that
// ReadFile can report on it; "-" (stdin) is passed through. A missing path
// yields an *Error in errs.
func Expand(paths []string) (files []string, errs []error) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fileError(p, err))
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileError(path, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || name == "MANIFEST.tsv" {
				return nil
			}
			if inputExts[strings.ToLower(filepath.Ext(name))] {
				found = append(found, path)
			}
			return nil
		})
		if werr != nil {
			errs = append(errs, fileError(p, werr))
		}
		if len(found) == 0 && werr == nil {
			errs = append(errs, &Error{File: p, Msg: "no documents (.txt, .md, .html) in this folder"})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}
