package corpus

import (
	"bytes"
	"regexp"
	"strings"
)

// detectFormat decides the format of a decoded text: .html/.htm and .md by
// extension, anything else by sniffing the content.
func detectFormat(ext, text string) Format {
	switch ext {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown":
		return FormatMarkdown
	}
	if looksLikeHTML([]byte(text)) {
		return FormatHTML
	}
	if looksLikeMarkdown(text) {
		return FormatMarkdown
	}
	return FormatText
}

var htmlBlockTag = regexp.MustCompile(`(?i)<(p|div|br|table|tr|td|th|li|ul|ol|h[1-6]|span|body|head)\b[^>]*>`)

// looksLikeHTML reports whether data is an HTML document: it starts (after
// white space, a BOM and comments) with <!DOCTYPE html>, <html>, <head> or
// <body>, or it starts with a tag and most of its lines carry HTML tags.
func looksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 64*1024 {
		head = head[:64*1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		if !bytes.HasPrefix(head, []byte("<!--")) {
			break
		}
		end := bytes.Index(head, []byte("-->"))
		if end < 0 {
			return false
		}
		head = head[end+3:]
	}
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head[:min(len(head), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<?xml" || bytes.Contains(bytes.ToLower(head[:min(len(head), 1024)]), []byte("<html"))
		}
	}
	// A fragment: starts with a tag and is tag-heavy.
	tags := len(htmlBlockTag.FindAllIndex(head, -1))
	lines := bytes.Count(head, []byte{'\n'}) + 1
	return tags >= 5 && tags*2 >= lines
}

var (
	mdBold        = regexp.MustCompile(`\*\*[^*\s][^*]*\*\*`)
	mdEscape      = regexp.MustCompile(`\\[-.*_()#+!\[\]` + "`" + `|\\]`)
	mdHeading     = regexp.MustCompile(`^#{1,6}[ \t]+\S`)
	mdSimpleRule  = regexp.MustCompile(`^[ \t]*-{3,}([ \t]+-{3,})+[ \t]*$`)
	mdPipeDivider = regexp.MustCompile(`^\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$`)
)

// looksLikeMarkdown looks for the signals of pandoc-style Markdown:
// **bold**, backslash escapes, "# " headings and simple-table rules.
// Pipe tables alone do not count: plain-text corpora (thuvienphapluat
// exports) use them for tables too.
func looksLikeMarkdown(text string) bool {
	var bold, esc, head, rule, pipe int
	n := 0
	for line := range strings.Lines(text) {
		if n++; n > 5000 {
			break
		}
		line = strings.TrimRight(line, "\n")
		if strings.Contains(line, "**") && mdBold.MatchString(line) {
			bold++
		}
		if strings.Contains(line, `\`) && mdEscape.MatchString(line) {
			esc++
		}
		if strings.HasPrefix(line, "#") && mdHeading.MatchString(line) {
			head++
		}
		if strings.Contains(line, "---") {
			if mdSimpleRule.MatchString(line) {
				rule++
			} else if mdPipeDivider.MatchString(line) {
				pipe++
			}
		}
	}
	score := 0
	for i, c := range []int{bold, esc, head, rule} {
		if c >= 3 || i == 2 && c >= 2 {
			score += 2
		} else if c > 0 {
			score++
		}
	}
	if pipe > 0 && score > 0 {
		score++
	}
	return score >= 2
}
