package main

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/vanban/vanban/parser"
	"github.com/vanban/vanban/parser/analyze"
	"golang.org/x/text/unicode/norm"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	t := strings.ReplaceAll(norm.NFC.String(string(b)), "\r\n", "\n")
	doc, pr := parser.Parse(os.Args[1], t)
	r := analyze.Analyze(doc, pr)
	e := json.NewEncoder(os.Stdout)
	e.SetIndent("", " ")
	e.SetEscapeHTML(false)
	e.Encode(r)
}
