package index

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerWords is the tokenizer of every analyzer of the index: the
// words of Unicode text segmentation (UAX #29) for the scripts of legal
// text, without its general machinery. A word is a run of letters and
// digits, with the combining marks and format characters that follow
// them; a letter run goes on across one of . : ' ’ · between letters
// ("tp.hcm"), a number across one of . , ; ' between digits ("1.000,5"),
// and "_" joins anything; a Han ideograph or a Hiragana letter is a word
// of its own. What is left (spaces, punctuation, symbols) separates words
// and is not a token. On Latin and
// Vietnamese text (NFC or NFD) this gives the tokens of Bleve's unicode
// tokenizer (tokenizer_test.go), four to five times faster.
const TokenizerWords = "vn_words"

func init() {
	must(registry.RegisterTokenizer(TokenizerWords, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordsTokenizer{}, nil
	}))
}

type wordsTokenizer struct{}

// character classes
const (
	cOther  = iota
	cLetter // letters, letter numbers (Ⅻ)
	cDigit
	cJoin    // _ : joins any word characters
	cMidLet  // between letters only
	cMidNum  // between digits only
	cMidBoth // between letters, or between digits
	cExtend  // combining marks, format characters: part of the word before
	cIdeo    // Han ideographs and Hiragana: a word each
)

var asciiClass [128]uint8

func init() {
	for c := 'a'; c <= 'z'; c++ {
		asciiClass[c] = cLetter
		asciiClass[c-'a'+'A'] = cLetter
	}
	for c := '0'; c <= '9'; c++ {
		asciiClass[c] = cDigit
	}
	asciiClass['_'] = cJoin
	asciiClass[':'] = cMidLet
	asciiClass[','] = cMidNum
	asciiClass[';'] = cMidNum
	asciiClass['.'] = cMidBoth
	asciiClass['\''] = cMidBoth
}

func classOf(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x1E00 && r <= 0x1EFF:
		// Latin letters with diacritics (Latin-1, Extended-A and -B, and
		// Extended Additional: Vietnamese)
		return cLetter
	case r >= 0x300 && r <= 0x36F: // combining diacritics (NFD)
		return cExtend
	case r == '’' || r == '\u2018' || r == '\uFE52' || r == '\uFF0E' || r == '\u2024':
		// MidNumLet of UAX #29: between letters and between digits
		return cMidBoth
	case r == '·' || r == '\u0387' || r == '\u05F4' || r == '\u2027' || r == '\uFE13' || r == '\uFE55' || r == '\uFF1A':
		return cMidLet
	case r == '\u066C' || r == '\uFE50' || r == '\uFE54' || r == '\uFF0C' || r == '\uFF1B' || r == '\u037E' || r == '\u0589' || r == '\u060C' || r == '\u060D' || r == '\u07F8' || r == '\u2044':
		return cMidNum
	case r == '\u203F' || r == '\u2040' || r == '\u2054' || r == '\uFE33' || r == '\uFE34' || r == '\uFE4D' || r == '\uFE4E' || r == '\uFE4F' || r == '\uFF3F' || r == '\u202F':
		return cJoin
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r):
		return cIdeo
	case unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		return cLetter
	case r == '\u200B': // zero width space: a format character that breaks
		return cOther
	case unicode.Is(unicode.M, r) || unicode.Is(unicode.Cf, r):
		return cExtend
	case unicode.Is(unicode.Nd, r):
		return cDigit
	}
	return cOther
}

// next reads the rune at i and its class.
func next(b []byte, i int) (uint8, int) {
	if c := b[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, n := utf8.DecodeRune(b[i:])
	return classOf(r), n
}

func (wordsTokenizer) Tokenize(input []byte) analysis.TokenStream {
	// about one token per 5 bytes of text
	toks := make([]analysis.Token, 0, len(input)/5+1)
	i := 0
	for i < len(input) {
		c, n := next(input, i)
		if c == cIdeo {
			toks = append(toks, analysis.Token{Term: input[i : i+n : i+n], Start: i, End: i + n, Position: len(toks) + 1, Type: analysis.Ideographic})
			i += n
			continue
		}
		if c != cLetter && c != cDigit && c != cJoin {
			i += n
			continue
		}
		start := i
		last := c // class of the last word character
		numeric := c == cDigit
		i += n
		for i < len(input) {
			c, n = next(input, i)
			switch c {
			case cExtend:
				i += n
				continue
			case cLetter, cDigit, cJoin:
				if c == cLetter {
					numeric = false
				}
				last = c
				i += n
				continue
			case cMidLet, cMidNum, cMidBoth:
				// joins only between two letters or two digits
				if i+n < len(input) {
					c2, n2 := next(input, i+n)
					if c2 == last && (last == cLetter && (c == cMidLet || c == cMidBoth) ||
						last == cDigit && (c == cMidNum || c == cMidBoth)) {
						i += n + n2
						continue
					}
				}
			}
			break
		}
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: input[start:i:i], Start: start, End: i, Position: len(toks) + 1, Type: typ})
	}
	out := make(analysis.TokenStream, len(toks))
	for k := range toks {
		out[k] = &toks[k]
	}
	return out
}
