package parser

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tEOF tokKind = iota
	tIRI
	tPName
	tBNode
	tVar
	tString
	tLang
	tInteger
	tDecimal
	tDouble
	tWord  // keyword, upper-cased in val
	tA     // the keyword 'a'
	tPunct // punctuation in val
)

type token struct {
	kind tokKind
	pos  int    // byte offset
	end  int    // byte offset after the token
	val  string // decoded value; keyword upper-cased; punctuation
	raw  string // text as written
	// prefixed names
	prefix, local string
	dollar        bool // variables written with $
	long          bool // strings in triple quotes
}

// lexer is a pull scanner: next returns one token at a time.
type lexer struct {
	src string
	off int
	p   *parser
}

func (l *lexer) fail(off int, format string, args ...any) {
	l.p.fatal = true
	l.p.failAt(off, format, args...)
}

func (l *lexer) skipSpace() {
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			l.off++
		case c == '#':
			for l.off < len(l.src) && l.src[l.off] != '\n' {
				l.off++
			}
		default:
			return
		}
	}
}

func (l *lexer) next() token {
	l.skipSpace()
	start := l.off
	if l.off >= len(l.src) {
		return token{kind: tEOF, pos: start, end: start}
	}
	t := l.scan()
	t.pos = start
	t.end = l.off
	t.raw = l.src[start:l.off]
	return t
}

func (l *lexer) scan() token {
	s := l.src
	c := s[l.off]
	switch {
	case c == '<':
		if t, ok := l.iriRef(); ok {
			return t
		}
		if strings.HasPrefix(s[l.off:], "<=") {
			l.off += 2
			return token{kind: tPunct, val: "<="}
		}
		l.off++
		return token{kind: tPunct, val: "<"}
	case c == '?' || c == '$':
		if l.off+1 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[l.off+1:])
			if isPNCharsU(r) || r >= '0' && r <= '9' {
				l.off++
				name := l.varName()
				return token{kind: tVar, val: name, dollar: c == '$'}
			}
		}
		if c == '$' {
			l.fail(l.off, "'$' must start a variable name")
		}
		l.off++
		return token{kind: tPunct, val: "?"}
	case c == '"' || c == '\'':
		return l.str()
	case c == '@':
		l.off++
		st := l.off
		for l.off < len(s) && isAlpha(s[l.off]) {
			l.off++
		}
		if l.off == st {
			l.fail(st-1, "language tag expected after '@'")
		}
		for l.off < len(s) && s[l.off] == '-' {
			l.off++
			st2 := l.off
			for l.off < len(s) && (isAlpha(s[l.off]) || isDigit(s[l.off])) {
				l.off++
			}
			if l.off == st2 {
				l.fail(st2, "bad language tag")
			}
		}
		return token{kind: tLang, val: s[st:l.off]}
	case isDigit(c) || c == '.' && l.off+1 < len(s) && isDigit(s[l.off+1]):
		return l.number()
	case c == '_' && l.off+1 < len(s) && s[l.off+1] == ':':
		l.off += 2
		return token{kind: tBNode, val: l.bnodeLabel()}
	}
	for _, p := range []string{"^^", "&&", "||", "!=", ">="} {
		if strings.HasPrefix(s[l.off:], p) {
			l.off += 2
			return token{kind: tPunct, val: p}
		}
	}
	if strings.ContainsRune("{}()[].,;*/|^?+-!=<>", rune(c)) {
		l.off++
		return token{kind: tPunct, val: string(c)}
	}
	r, _ := utf8.DecodeRuneInString(s[l.off:])
	if c == ':' || isPNCharsBase(r) {
		return l.word()
	}
	l.fail(l.off, "unexpected character %q", r)
	return token{}
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isPNCharsBase(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return r != utf8.RuneError
	}
	return false
}

func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

func (l *lexer) varName() string {
	st := l.off
	for l.off < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.off:])
		if isPNCharsU(r) || r >= '0' && r <= '9' || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040 {
			l.off += n
			continue
		}
		break
	}
	return l.src[st:l.off]
}

func (l *lexer) bnodeLabel() string {
	st := l.off
	r, n := utf8.DecodeRuneInString(l.src[l.off:])
	if !(isPNCharsU(r) || r >= '0' && r <= '9') {
		l.fail(st-2, "blank node label expected after '_:'")
	}
	l.off += n
	for l.off < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.off:])
		if isPNChars(r) || r == '.' {
			l.off += n
			continue
		}
		break
	}
	for l.src[l.off-1] == '.' {
		l.off--
	}
	return l.src[st:l.off]
}

func (l *lexer) iriRef() (token, bool) {
	s := l.src
	i := l.off + 1
	var sb strings.Builder
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '>':
			l.off = i + 1
			return token{kind: tIRI, val: sb.String()}, true
		case r == '\\':
			if i+1 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U') {
				v, m, ok := hexEscape(s[i:])
				if !ok {
					l.fail(i, "bad escape in IRI")
				}
				if v <= ' ' || strings.ContainsRune("<>\"{}|^`\\", v) {
					l.fail(i, "escaped character %q not allowed in IRI", v)
				}
				sb.WriteRune(v)
				i += m
				continue
			}
			return token{}, false
		case r <= ' ' || strings.ContainsRune("<\"{}|^`", r):
			return token{}, false
		}
		sb.WriteRune(r)
		i += n
	}
	return token{}, false
}

// hexEscape decodes \uXXXX or \UXXXXXXXX at the start of s.
func hexEscape(s string) (rune, int, bool) {
	n := 4
	if s[1] == 'U' {
		n = 8
	}
	if len(s) < 2+n {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[2:2+n], 16, 32)
	if err != nil || v > unicode.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return 0, 0, false
	}
	return rune(v), 2 + n, true
}

func (l *lexer) str() token {
	s := l.src
	q := s[l.off]
	long := strings.HasPrefix(s[l.off:], strings.Repeat(string(q), 3))
	start := l.off
	if long {
		l.off += 3
	} else {
		l.off++
	}
	var sb strings.Builder
	for {
		if l.off >= len(s) {
			l.fail(start, "unterminated string")
		}
		c := s[l.off]
		switch {
		case c == q && !long:
			l.off++
			return token{kind: tString, val: sb.String()}
		case c == q && long && strings.HasPrefix(s[l.off:], strings.Repeat(string(q), 3)):
			// a long string may end with up to two extra quotes
			for l.off+3 < len(s) && s[l.off+3] == q {
				sb.WriteByte(q)
				l.off++
			}
			l.off += 3
			return token{kind: tString, val: sb.String(), long: true}
		case (c == '\n' || c == '\r') && !long:
			l.fail(l.off, "line end inside a string")
		case c == '\\':
			if l.off+1 >= len(s) {
				l.fail(l.off, "unterminated string")
			}
			e := s[l.off+1]
			switch e {
			case 't':
				sb.WriteByte('\t')
			case 'b':
				sb.WriteByte('\b')
			case 'n':
				sb.WriteByte('\n')
			case 'r':
				sb.WriteByte('\r')
			case 'f':
				sb.WriteByte('\f')
			case '"', '\'', '\\':
				sb.WriteByte(e)
			case 'u', 'U':
				v, m, ok := hexEscape(s[l.off:])
				if !ok {
					l.fail(l.off, "bad \\%c escape", e)
				}
				sb.WriteRune(v)
				l.off += m
				continue
			default:
				l.fail(l.off, "unknown escape \\%c in string", e)
			}
			l.off += 2
		default:
			r, n := utf8.DecodeRuneInString(s[l.off:])
			if r == utf8.RuneError && n == 1 {
				l.fail(l.off, "invalid UTF-8 in string")
			}
			sb.WriteString(s[l.off : l.off+n])
			l.off += n
		}
	}
}

func (l *lexer) number() token {
	s := l.src
	st := l.off
	digits := func() int {
		b := l.off
		for l.off < len(s) && isDigit(s[l.off]) {
			l.off++
		}
		return l.off - b
	}
	exponent := func() bool {
		if l.off < len(s) && (s[l.off] == 'e' || s[l.off] == 'E') {
			save := l.off
			l.off++
			if l.off < len(s) && (s[l.off] == '+' || s[l.off] == '-') {
				l.off++
			}
			if digits() == 0 {
				l.off = save
				return false
			}
			return true
		}
		return false
	}
	digits()
	kind := tInteger
	if l.off < len(s) && s[l.off] == '.' {
		save := l.off
		l.off++
		n := digits()
		switch {
		case exponent():
			kind = tDouble
		case n > 0:
			kind = tDecimal
		default:
			l.off = save
		}
	} else if exponent() {
		kind = tDouble
	}
	return token{kind: kind, val: s[st:l.off]}
}

// word scans a keyword or a prefixed name.
func (l *lexer) word() token {
	s := l.src
	st := l.off
	for l.off < len(s) {
		r, n := utf8.DecodeRuneInString(s[l.off:])
		if isPNChars(r) || r == '.' {
			l.off += n
			continue
		}
		break
	}
	for l.off > st && s[l.off-1] == '.' {
		l.off--
	}
	if l.off < len(s) && s[l.off] == ':' {
		prefix := s[st:l.off]
		if prefix != "" {
			if r, _ := utf8.DecodeRuneInString(prefix); !isPNCharsBase(r) {
				l.fail(st, "bad prefix %q", prefix)
			}
		}
		l.off++
		local := l.localName()
		return token{kind: tPName, prefix: prefix, local: local}
	}
	w := s[st:l.off]
	if w == "a" {
		return token{kind: tA, val: "a"}
	}
	for i := 0; i < len(w); i++ {
		if !(isAlpha(w[i]) || isDigit(w[i]) || w[i] == '_') {
			l.fail(st, "unexpected %q", w)
		}
	}
	return token{kind: tWord, val: strings.ToUpper(w)}
}

// localName scans PN_LOCAL, decoding backslash escapes and keeping %hh.
func (l *lexer) localName() string {
	s := l.src
	var sb strings.Builder
	first := true
	lastDot := -1
	for l.off < len(s) {
		r, n := utf8.DecodeRuneInString(s[l.off:])
		switch {
		case isPNCharsU(r) || r == ':' || r >= '0' && r <= '9' || !first && (isPNChars(r) || r == '.'):
			if r == '.' {
				lastDot = sb.Len()
			}
			sb.WriteRune(r)
			l.off += n
		case r == '%':
			if l.off+2 < len(s) && isHexB(s[l.off+1]) && isHexB(s[l.off+2]) {
				sb.WriteString(s[l.off : l.off+3])
				l.off += 3
			} else {
				l.fail(l.off, "bad %% escape in local name")
			}
		case r == '\\':
			if l.off+1 < len(s) && strings.IndexByte("_~.-!$&'()*+,;=/?#@%", s[l.off+1]) >= 0 {
				sb.WriteByte(s[l.off+1])
				l.off += 2
			} else {
				l.fail(l.off, "bad escape in local name")
			}
		default:
			goto done
		}
		first = false
	}
done:
	out := sb.String()
	// a local name does not end with '.'
	for strings.HasSuffix(out, ".") && lastDot == len(out)-1 {
		out = out[:len(out)-1]
		l.off--
		lastDot = strings.LastIndexByte(out, '.')
	}
	return out
}

func isHexB(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
