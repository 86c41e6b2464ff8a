package corpus

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/vanban/vanban/parser/vntext"
)

// Decode turns the raw bytes of the input called name into an Input:
// it rejects empty and binary data, detects the encoding (UTF-8 with or
// without BOM, UTF-16, TCVN3, VNI, Windows-1258, or the charset an HTML page
// declares), normalizes line ends to "\n" and the text to NFC, detects the
// format and, for HTML and Markdown, extracts the document text.
var ethReplacer = strings.NewReplacer("Ð", "Đ", "ð", "đ")

func Decode(name string, data []byte) (*Input, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, newError(name, 0, "empty input")
	}
	if kind := binaryMagic(data); kind != "" {
		return nil, newError(name, 0, "binary file (%s), not a text document", kind)
	}
	ext := strings.ToLower(filepath.Ext(name))

	text, enc, err := decodeBytes(name, ext, data)
	if err != nil {
		return nil, err
	}
	text = normalizeNewlines(text)
	text = vntext.NFC(text)
	// the Icelandic eth (U+00D0/U+00F0) is a look-alike some portals type for Đ/đ ("Ðiều 317").
	if strings.ContainsAny(text, "Ðð") {
		text = ethReplacer.Replace(text)
	}
	if strings.TrimFunc(text, isSpaceOrBOM) == "" {
		return nil, newError(name, 0, "empty input")
	}

	in := &Input{Name: name, Encoding: enc, Format: detectFormat(ext, text)}
	switch in.Format {
	case FormatHTML:
		out, err := extractHTML(text)
		if err != nil {
			return nil, newError(name, 0, "cannot parse HTML: %v", err)
		}
		if strings.TrimFunc(out, isSpaceOrBOM) == "" {
			return nil, newError(name, 0, "HTML page has no document text")
		}
		in.Text = out
	case FormatMarkdown:
		in.Text = cleanMarkdown(text)
	default:
		in.Text = text
	}
	return in, nil
}

func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// decodeBytes returns data as a UTF-8 string (not yet NFC, line ends as in
// the source) and the name of the source encoding.
func decodeBytes(name, ext string, data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if !utf8.Valid(body) {
			return "", "", invalidUTF8(name, body)
		}
		return string(body), "utf-8-bom", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), "utf-16le", nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), "utf-16be", nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if le, ok := sniffUTF16(data); ok {
			if le {
				return decodeUTF16(data, false), "utf-16le", nil
			}
			return decodeUTF16(data, true), "utf-16be", nil
		}
		return "", "", newError(name, 0, "binary file (contains NUL bytes), not a text document")
	}
	if controlShare(data) > 0.05 {
		return "", "", newError(name, 0, "binary file (control characters), not a text document")
	}

	// An HTML page that declares a legacy charset and is not UTF-8.
	if ext == ".html" || ext == ".htm" || looksLikeHTML(data) {
		if s, enc, ok := decodeDeclaredCharset(data); ok {
			if conv, lenc, ok := legacyFromLatin(s); ok {
				return conv, lenc, nil
			}
			return s, enc, nil
		}
	}

	if utf8.Valid(data) {
		s := string(data)
		// VNI or TCVN3 bytes that were once decoded as Windows-1252 and
		// saved as UTF-8 ("Quyeát ñònh").
		if conv, enc, ok := legacyFromLatin(s); ok {
			return conv, enc, nil
		}
		return s, "utf-8", nil
	}

	switch g := guessLegacy(data); g.verdict {
	case verdictConvert:
		return g.text, g.enc.name, nil
	case verdictSuspect:
		return "", "", newError(name, 0, "looks like %s legacy encoding; the automatic conversion is not reliable for this file, convert it to UTF-8 first (%s)", g.enc.title, g.enc.hint)
	}
	return "", "", invalidUTF8(name, data)
}

// invalidUTF8 reports the first byte of data that is not valid UTF-8.
func invalidUTF8(name string, data []byte) *Error {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	b := byte(0)
	if off < len(data) {
		b = data[off]
	}
	return newError(name, line, "not valid UTF-8 (byte 0x%02X); if this is a legacy Vietnamese encoding convert it first (e.g. iconv)", b)
}

// binaryMagic names the kind of a file whose first bytes are a well-known
// binary signature, or returns "".
func binaryMagic(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		switch {
		case bytes.Contains(head, []byte("word/")):
			return "ZIP/DOCX"
		case bytes.Contains(head, []byte("xl/")):
			return "ZIP/XLSX"
		}
		return "ZIP/DOCX"
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "OLE2/DOC"
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "RTF"
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "JPEG"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "GIF"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "TIFF"
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}):
		return "GZIP"
	case bytes.HasPrefix(data, []byte("7z\xBC\xAF\x27\x1C")):
		return "7Z"
	case bytes.HasPrefix(data, []byte("Rar!\x1A\x07")):
		return "RAR"
	case bytes.HasPrefix(data, []byte("\x7FELF")):
		return "ELF"
	}
	return ""
}

// sniffUTF16 recognizes BOM-less UTF-16 by its NUL pattern: mostly-ASCII or
// Vietnamese text has a zero (or 0x1E/0x01) high byte in most code units.
func sniffUTF16(data []byte) (littleEndian, ok bool) {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	n &^= 1
	if n < 4 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	units := n / 2
	switch {
	case zeroOdd*10 >= units*3 && zeroEven*20 <= units:
		littleEndian = true
	case zeroEven*10 >= units*3 && zeroOdd*20 <= units:
		littleEndian = false
	default:
		return false, false
	}
	// Every NUL must be the high byte of a code unit, never a whole unit.
	for i := 0; i+1 < len(data); i += 2 {
		if data[i] == 0 && data[i+1] == 0 {
			return false, false
		}
	}
	return littleEndian, true
}

func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if bigEndian {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return strings.TrimPrefix(string(utf16.Decode(units)), "\uFEFF")
}

// controlShare is the share of C0 control bytes other than tab, line feed,
// vertical tab, form feed, carriage return and SUB (the DOS end-of-file mark)
// among the first 8 KB.
func controlShare(data []byte) float64 {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	ctl := 0
	for _, b := range data[:n] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1A {
			ctl++
		}
	}
	return float64(ctl) / float64(n)
}

// normalizeNewlines turns CRLF and lone CR into LF and drops a leading BOM.
// A run of CRs before an LF ("\r\r\n", what a CRLF file becomes when it is
// written once more in text mode) is one line end, so line numbers agree
// with grep -n and wc -l.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\r' {
			b.WriteByte(c)
			continue
		}
		j := i
		for j < len(s) && s[j] == '\r' {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			b.WriteByte('\n')
			i = j
			continue
		}
		for k := i; k < j; k++ {
			b.WriteByte('\n')
		}
		i = j - 1
	}
	return b.String()
}
