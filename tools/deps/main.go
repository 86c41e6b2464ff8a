package main
import (
 _ "github.com/urfave/cli/v2"
 _ "github.com/PuerkitoBio/goquery"
 _ "golang.org/x/text/unicode/norm"
 _ "github.com/blevesearch/bleve/v2"
 _ "github.com/mattn/go-isatty"
 _ "github.com/schollz/progressbar/v3"
 _ "github.com/arran4/golang-ical"
)
func main(){}
