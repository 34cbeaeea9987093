package rdfio

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The Turtle family lexer (https://www.w3.org/TR/turtle/#sec-grammar-grammar,
// shared by TriG, N-Triples and N-Quads): a pull scanner over the whole
// document that returns one token at a time with its line and column.

type tokKind uint8

const (
	tEOF     tokKind = iota
	tIRI             // <...>, text = the IRI with escapes resolved
	tPName           // prefix:local, text = prefix, local = local part
	tBlank           // _:label, text = label
	tString          // text = the value with escapes resolved
	tLang            // @tag (also @prefix, @base), text = tag
	tInteger         // text = lexical form
	tDecimal
	tDouble
	tBoolean // true, false
	tA       // a
	tPREFIX  // PREFIX (any case)
	tBASE    // BASE (any case)
	tGRAPH   // GRAPH (any case)
	tHatHat  // ^^
	tDot
	tSemi
	tComma
	tLBracket
	tRBracket
	tLParen
	tRParen
	tLBrace
	tRBrace
)

var tokNames = [...]string{"end of input", "IRI", "prefixed name", "blank node", "string", "language tag",
	"integer", "decimal", "double", "boolean", "'a'", "PREFIX", "BASE", "GRAPH", "'^^'", "'.'", "';'", "','",
	"'['", "']'", "'('", "')'", "'{'", "'}'"}

func (k tokKind) String() string { return tokNames[k] }

type token struct {
	kind      tokKind
	text      string
	local     string // local part of a prefixed name
	plainStr  bool   // a string in "double quotes" on one line (N-Triples form)
	line, col int
}

// lexer scans its input through a window: src holds the bytes read so far
// that are still needed, from the start of the current token on. Errors are
// *Error values with the position.
type lexer struct {
	r         io.Reader
	rerr      error // first read error (io.EOF at the end)
	src       []byte
	file      string
	pos       int
	line, col int // of src[pos]
}

func newLexer(r io.Reader, name string) *lexer {
	return &lexer{r: r, file: name, line: 1, col: 1}
}

// readChunk is how much the lexer asks its reader for at a time.
const readChunk = 64 << 10

// have reports whether src[pos+k] exists, reading more input if needed.
func (l *lexer) have(k int) bool {
	for l.pos+k >= len(l.src) && l.rerr == nil {
		if cap(l.src)-len(l.src) < readChunk {
			if l.pos > 0 && l.pos >= len(l.src)/2 {
				// Drop what has been scanned (it is before the current token).
				n := copy(l.src, l.src[l.pos:])
				l.src, l.pos = l.src[:n], 0
			}
			if cap(l.src)-len(l.src) < readChunk {
				grown := make([]byte, len(l.src), 2*cap(l.src)+readChunk)
				copy(grown, l.src)
				l.src = grown
			}
		}
		n, err := l.r.Read(l.src[len(l.src):cap(l.src)])
		l.src = l.src[:len(l.src)+n]
		if err != nil {
			l.rerr = err
		}
	}
	return l.pos+k < len(l.src)
}

func (l *lexer) errAt(line, col int, format string, args ...any) error {
	return &Error{Name: l.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// advance moves n bytes forward, keeping line and column.
func (l *lexer) advance(n int) {
	for _, c := range l.src[l.pos : l.pos+n] {
		if c == '\n' {
			l.line, l.col = l.line+1, 1
		} else if c < 0x80 || c >= 0xC0 { // count runes, not continuation bytes
			l.col++
		}
	}
	l.pos += n
}

func (l *lexer) peekByte(k int) byte {
	if l.have(k) {
		return l.src[l.pos+k]
	}
	return 0
}

// next returns the next token.
func (l *lexer) next() (token, error) {
	// White space and comments.
	for l.have(0) {
		c := l.src[l.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			l.advance(1)
			continue
		}
		if c == '#' {
			n := 0
			for l.have(n) && l.src[l.pos+n] != '\n' && l.src[l.pos+n] != '\r' {
				n++
			}
			l.advance(n)
			continue
		}
		break
	}
	tok := token{line: l.line, col: l.col}
	if !l.have(0) {
		if l.rerr != io.EOF {
			return tok, l.errAt(tok.line, tok.col, "reading: %v", l.rerr)
		}
		return tok, nil
	}
	c := l.src[l.pos]
	switch {
	case c == '<':
		return l.iri(tok)
	case c == '"' || c == '\'':
		return l.str(tok)
	case c == '_' && l.peekByte(1) == ':':
		return l.blank(tok)
	case c == '@':
		l.advance(1)
		n := 0
		for l.have(n) && isAlpha(l.src[l.pos+n]) {
			n++
		}
		if n == 0 {
			return tok, l.errAt(tok.line, tok.col, "'@' without a language tag")
		}
		for l.have(n) && l.src[l.pos+n] == '-' {
			m := 1
			for l.have(n+m) && (isAlpha(l.src[l.pos+n+m]) || isDigitByte(l.src[l.pos+n+m])) {
				m++
			}
			if m == 1 {
				return tok, l.errAt(tok.line, tok.col, "bad language tag")
			}
			n += m
		}
		tok.kind, tok.text = tLang, string(l.src[l.pos:l.pos+n])
		l.advance(n)
		return tok, nil
	case c == '^':
		if l.peekByte(1) != '^' {
			return tok, l.errAt(tok.line, tok.col, "'^' without a second '^'")
		}
		l.advance(2)
		tok.kind = tHatHat
		return tok, nil
	case c == '+' || c == '-' || isDigitByte(c) || c == '.' && isDigitByte(l.peekByte(1)):
		return l.number(tok)
	}
	if k := punctuation[c]; k != tEOF {
		l.advance(1)
		tok.kind = k
		return tok, nil
	}
	return l.name(tok)
}

// punctuation maps the one-byte tokens to their kinds (tEOF = not one).
var punctuation = [256]tokKind{'.': tDot, ';': tSemi, ',': tComma, '[': tLBracket, ']': tRBracket,
	'(': tLParen, ')': tRParen, '{': tLBrace, '}': tRBrace}

// echar maps the letters of the string escapes \t \b \n \r \f \" \' \\ to
// their bytes (0 = not an escape).
var echar = [256]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}

func isAlpha(c byte) bool       { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool   { return c >= '0' && c <= '9' }
func isHexByte(c byte) bool     { return isDigitByte(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func badIRIByte(c byte) bool    { return c <= ' ' || strings.IndexByte("<\"{}|^`\\", c) >= 0 }
func badIRIRune(r rune) bool    { return r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) }
func isSurrogate(r uint64) bool { return r >= 0xD800 && r <= 0xDFFF }

// uchar reads \uXXXX or \UXXXXXXXX at l.pos (the backslash).
func (l *lexer) uchar() (rune, int, error) {
	n := 4
	if l.peekByte(1) == 'U' {
		n = 8
	}
	if !l.have(1 + n) {
		return 0, 0, l.errAt(l.line, l.col, "short \\%c escape", l.peekByte(1))
	}
	hex := string(l.src[l.pos+2 : l.pos+2+n])
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || isSurrogate(v) || v > utf8.MaxRune {
		return 0, 0, l.errAt(l.line, l.col, "bad escape \\%c%s", l.peekByte(1), hex)
	}
	return rune(v), 2 + n, nil
}

func (l *lexer) iri(tok token) (token, error) {
	l.advance(1)
	var sb strings.Builder
	for {
		if !l.have(0) {
			return tok, l.errAt(tok.line, tok.col, "IRI without a closing '>'")
		}
		c := l.src[l.pos]
		switch {
		case c == '>':
			l.advance(1)
			tok.kind, tok.text = tIRI, sb.String()
			return tok, nil
		case c == '\\':
			if b := l.peekByte(1); b != 'u' && b != 'U' {
				return tok, l.errAt(l.line, l.col, "only \\u and \\U escapes are allowed in an IRI")
			}
			r, n, err := l.uchar()
			if err != nil {
				return tok, err
			}
			if badIRIRune(r) {
				return tok, l.errAt(l.line, l.col, "escaped character %q is not allowed in an IRI", r)
			}
			sb.WriteRune(r)
			l.advance(n)
		case badIRIByte(c):
			return tok, l.errAt(l.line, l.col, "character %q is not allowed in an IRI", c)
		default:
			sb.WriteByte(c)
			l.advance(1)
		}
	}
}

func (l *lexer) str(tok token) (token, error) {
	q := l.src[l.pos]
	long := l.peekByte(1) == q && l.peekByte(2) == q
	if long {
		l.advance(3)
	} else {
		l.advance(1)
	}
	tok.plainStr = q == '"' && !long
	var sb strings.Builder
	for {
		if !l.have(0) {
			return tok, l.errAt(tok.line, tok.col, "string without its closing quote")
		}
		c := l.src[l.pos]
		switch {
		case c == q && (!long || l.peekByte(1) == q && l.peekByte(2) == q):
			if long {
				l.advance(3)
			} else {
				l.advance(1)
			}
			tok.kind, tok.text = tString, sb.String()
			return tok, nil
		case c == '\\':
			switch e := l.peekByte(1); e {
			case 't', 'b', 'n', 'r', 'f', '"', '\'', '\\':
				sb.WriteByte(echar[e])
				l.advance(2)
			case 'u', 'U':
				r, n, err := l.uchar()
				if err != nil {
					return tok, err
				}
				sb.WriteRune(r)
				l.advance(n)
			default:
				return tok, l.errAt(l.line, l.col, "unknown escape \\%c", e)
			}
		case !long && (c == '\n' || c == '\r'):
			return tok, l.errAt(tok.line, tok.col, "line break in a short string")
		default:
			sb.WriteByte(c)
			l.advance(1)
		}
	}
}

// Character classes of the grammar's PN_CHARS productions.

func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

func isPNCharsU(r rune) bool { return isPNCharsBase(r) || r == '_' }

func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

func (l *lexer) rune(k int) (rune, int) {
	if !l.have(k) {
		return -1, 0
	}
	l.have(k + utf8.UTFMax - 1) // the whole rune, if the input has it
	return utf8.DecodeRune(l.src[l.pos+k:])
}

func (l *lexer) blank(tok token) (token, error) {
	k := 2
	r, n := l.rune(k)
	if !(isPNCharsU(r) || r >= '0' && r <= '9') {
		return tok, l.errAt(tok.line, tok.col, "bad blank node label")
	}
	k += n
	end := k
	for {
		r, n := l.rune(k)
		if !(isPNChars(r) || r == '.') {
			break
		}
		k += n
		if r != '.' {
			end = k
		}
	}
	tok.kind, tok.text = tBlank, string(l.src[l.pos+2:l.pos+end])
	l.advance(end)
	return tok, nil
}

func (l *lexer) number(tok token) (token, error) {
	k := 0
	if c := l.peekByte(0); c == '+' || c == '-' {
		k++
	}
	intDigits := 0
	for isDigitByte(l.peekByte(k)) {
		k++
		intDigits++
	}
	kind := tInteger
	if l.peekByte(k) == '.' && isDigitByte(l.peekByte(k+1)) {
		kind = tDecimal
		k++
		for isDigitByte(l.peekByte(k)) {
			k++
		}
	} else if intDigits == 0 {
		return tok, l.errAt(tok.line, tok.col, "bad number")
	} else if l.peekByte(k) == '.' && l.exponentAt(k+1) {
		k++ // 1.E3: a double with an empty fraction
	}
	if e := l.peekByte(k); e == 'e' || e == 'E' {
		m := k + 1
		if s := l.peekByte(m); s == '+' || s == '-' {
			m++
		}
		if !isDigitByte(l.peekByte(m)) {
			return tok, l.errAt(tok.line, tok.col, "number with an exponent but no digits")
		}
		for isDigitByte(l.peekByte(m)) {
			m++
		}
		k, kind = m, tDouble
	}
	tok.kind, tok.text = kind, string(l.src[l.pos:l.pos+k])
	l.advance(k)
	return tok, nil
}

// name reads a prefixed name or a keyword.
func (l *lexer) name(tok token) (token, error) {
	k := 0
	colon := -1
	for {
		r, n := l.rune(k)
		switch {
		case r == ':' && colon < 0:
			colon = k
		case r == '\\' && colon >= 0:
			if e := l.peekByte(k + 1); e == 0 || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", rune(e)) {
				return tok, l.errAt(tok.line, tok.col, "bad escape in a local name")
			}
			n = 2
		case r == '%' && colon >= 0:
			if !isHexByte(l.peekByte(k+1)) || !isHexByte(l.peekByte(k+2)) {
				return tok, l.errAt(tok.line, tok.col, "'%%' without two hex digits in a local name")
			}
			n = 3
		case r == ':' || isPNChars(r) || r == '.':
		default:
			n = 0
		}
		if n == 0 {
			break
		}
		k += n
	}
	for k > 0 && l.src[l.pos+k-1] == '.' && (k < 2 || l.src[l.pos+k-2] != '\\') {
		k-- // a final '.' ends the statement
	}
	word := string(l.src[l.pos : l.pos+k])
	if colon < 0 || colon >= k {
		switch {
		case word == "a":
			tok.kind = tA
		case word == "true" || word == "false":
			tok.kind, tok.text = tBoolean, word
		case strings.EqualFold(word, "prefix"):
			tok.kind = tPREFIX
		case strings.EqualFold(word, "base"):
			tok.kind = tBASE
		case strings.EqualFold(word, "graph"):
			tok.kind = tGRAPH
		case word == "":
			r, _ := l.rune(0)
			return tok, l.errAt(tok.line, tok.col, "unexpected character %q", r)
		default:
			return tok, l.errAt(tok.line, tok.col, "unexpected word %q", word)
		}
		l.advance(k)
		return tok, nil
	}
	prefix, local := word[:colon], word[colon+1:]
	if prefix != "" {
		r, _ := utf8.DecodeRuneInString(prefix)
		if !isPNCharsBase(r) || strings.HasSuffix(prefix, ".") {
			return tok, l.errAt(tok.line, tok.col, "bad prefix %q", prefix)
		}
		for _, r := range prefix {
			if !isPNChars(r) && r != '.' {
				return tok, l.errAt(tok.line, tok.col, "bad prefix %q", prefix)
			}
		}
	}
	if local != "" {
		r, _ := utf8.DecodeRuneInString(local)
		if r == '-' || r == '.' || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040 {
			return tok, l.errAt(tok.line, tok.col, "bad local name %q", local)
		}
		if strings.Contains(local, `\`) {
			var sb strings.Builder
			for i := 0; i < len(local); i++ {
				if local[i] == '\\' {
					i++
				}
				sb.WriteByte(local[i])
			}
			local = sb.String()
		}
	}
	tok.kind, tok.text, tok.local = tPName, prefix, local
	l.advance(k)
	return tok, nil
}

// exponentAt reports whether an exponent starts at src[pos+k].
func (l *lexer) exponentAt(k int) bool {
	l.have(k + 2) // an exponent shows in three bytes
	return l.pos+k <= len(l.src) && hasExponent(l.src[l.pos+k:])
}

// hasExponent reports whether b starts with an exponent: [eE][+-]?[0-9].
func hasExponent(b []byte) bool {
	if len(b) < 2 || b[0] != 'e' && b[0] != 'E' {
		return false
	}
	b = b[1:]
	if b[0] == '+' || b[0] == '-' {
		b = b[1:]
	}
	return len(b) > 0 && isDigitByte(b[0])
}
