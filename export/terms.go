package export

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
)

const hexDigits = "0123456789ABCDEF"

// blankLabel returns the label a blank node is written with (see the package
// comment): the label itself when it is a valid BLANK_NODE_LABEL that does
// not start with "x_", else "x_" and the label's bytes in hex.
func blankLabel(b rdf.BlankNode) string {
	s := string(b)
	if validBlankLabel(s) && !strings.HasPrefix(s, "x_") {
		return s
	}
	return "x_" + hex.EncodeToString([]byte(s))
}

// validBlankLabel checks BLANK_NODE_LABEL after "_:":
// (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
func validBlankLabel(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		switch {
		case i == 0:
			if !isPNCharsU(r) && !(r >= '0' && r <= '9') {
				return false
			}
		case r == '.' || isPNChars(r):
		default:
			return false
		}
	}
	return utf8.ValidString(s)
}

// isPNCharsBase is PN_CHARS_BASE of Turtle, TriG and N-Triples.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	case r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF,
		r >= 0x200C && r <= 0x200D, r >= 0x2070 && r <= 0x218F,
		r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD,
		r >= 0x10000 && r <= 0xEFFFF:
		return r != utf8.RuneError
	}
	return false
}

// isPNCharsU is PN_CHARS_U: PN_CHARS_BASE or '_'.
func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

// isPNChars is PN_CHARS: PN_CHARS_U, '-', digits, U+00B7, U+0300–U+036F, U+203F–U+2040.
func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// appendNT appends t in canonical N-Triples form, the same text as t.String()
// except for blank node labels that need rewriting (blankLabel).
func appendNT(buf []byte, t rdf.Term) []byte {
	switch x := t.(type) {
	case rdf.IRI:
		return appendIRIRef(buf, string(x))
	case rdf.BlankNode:
		buf = append(buf, "_:"...)
		return append(buf, blankLabel(x)...)
	case rdf.Literal:
		buf = append(buf, '"')
		buf = appendEscaped(buf, x.Lexical, false)
		buf = append(buf, '"')
		switch {
		case x.Lang != "":
			buf = append(buf, '@')
			buf = append(buf, x.Lang...)
		case x.Datatype != "" && x.Datatype != rdf.XSDString:
			buf = append(buf, "^^"...)
			buf = appendIRIRef(buf, string(x.Datatype))
		}
	}
	return buf
}

// iriEscaped marks the ASCII bytes an IRIREF cannot hold as they are.
var iriEscaped = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// appendIRIRef appends <iri>, escaping with \u the characters an IRIREF
// cannot hold, as rdf.IRI.String does.
func appendIRIRef(buf []byte, iri string) []byte {
	buf = append(buf, '<')
	if !utf8.ValidString(iri) {
		// Invalid bytes become U+FFFD, as ranging over the string gives.
		var sb strings.Builder
		for _, r := range iri {
			sb.WriteRune(r)
		}
		iri = sb.String()
	}
	start := 0
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; iriEscaped[c] {
			buf = append(buf, iri[start:i]...)
			buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			start = i + 1
		}
	}
	buf = append(buf, iri[start:]...)
	return append(buf, '>')
}

// appendEscaped appends the body of a string literal with the escapes of
// canonical N-Triples (\" \\ \n \r, \u00XX for other control characters,
// U+FFFD for invalid UTF-8), as rdf.EscapeString does. In a long Turtle
// string (long true) line feeds stay as they are, a quote is escaped only
// where it would otherwise end the string, and a '#' that starts a line is
// written \u0023.
func appendEscaped(buf []byte, s string, long bool) []byte {
	for i := 0; i < len(s); {
		// Copy the run of bytes that need no escape in one go.
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f && s[j] != '"' && s[j] != '\\' {
			j++
		}
		if j > i {
			buf = append(buf, s[i:j]...)
			if i = j; i == len(s) {
				break
			}
		}
		c := s[i]
		switch {
		case c == '"':
			// In a long string a quote needs no escape unless it is
			// followed by another, or ends the text; one that starts the
			// text is escaped too, as some readers take """" for an empty
			// string and a quote.
			if long && i > 0 && i+1 < len(s) && s[i+1] != '"' {
				buf = append(buf, '"')
			} else {
				buf = append(buf, '\\', '"')
			}
		case c == '\\':
			buf = append(buf, '\\', '\\')
		case c == '\n':
			if long {
				buf = append(buf, '\n')
				// knakk/rdf (the reader behind docgraph's --data) drops
				// every input line that starts with '#', even inside a
				// long string, so such a '#' is written as a \u escape.
				if i+1 < len(s) && s[i+1] == '#' {
					buf = append(buf, `\u0023`...)
					i++
				}
			} else {
				buf = append(buf, '\\', 'n')
			}
		case c == '\r':
			buf = append(buf, '\\', 'r')
		case c < 0x20 || c == 0x7f:
			buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		case c < utf8.RuneSelf:
			buf = append(buf, c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				buf = append(buf, `\uFFFD`...)
			} else {
				buf = append(buf, s[i:i+n]...)
			}
			i += n
			continue
		}
		i++
	}
	return buf
}
