package rdfio

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
)

// The line reader: N-Triples and N-Quads put one statement on a line, so
// these formats are read a line at a time from large buffered reads, and
// each line is scanned directly (fastLine) instead of through the token
// lexer. The scan accepts only lines it can read exactly as the token parser
// (parse.go) would; for any other line it asks that parser, so results and
// error messages are the parser's own:
//
//   - a line the scan is unsure of (an escape in an IRI, a non-ASCII blank
//     node label, a string in long quotes, anything malformed) is parsed
//     alone by the token parser; when that succeeds, its quad is used.
//   - when that fails too, the document is in error at that line, and the
//     token parser takes over the rest of the input from the start of the
//     line before (see handOver), so that the error, its position and the
//     quads returned before it are exactly the token parser's.
//
// The token parser looks one token past each statement before returning its
// quad (to check that no second statement shares the line), so a quad is
// held back until the next line with a statement has been read (pending).

type lineDecoder struct {
	r      io.Reader
	rerr   error // first read error (io.EOF at the end)
	buf    []byte
	pos    int // start of the first line not yet read, in buf
	end    int // buf[pos:end] is read but not parsed
	line   int // number of the line at pos
	format Format
	name   string
	blank  string

	// The last quad read, returned once the next statement has been read.
	pend     rdf.Quad
	hasPend  bool
	pendPos  int // start of its line in buf
	pendLine int

	exact  *parser // the token parser, once it has taken over
	strict bool    // instead of handing over, fail with errBlockFailed

	terms        termCache
	lastS, lastG lastIRI
	langs        map[string]string // language tag as written -> lower case
	scratch      []byte            // a string's value while its escapes are resolved
}

// lineChunk is how much the line reader asks its reader for at a time.
const lineChunk = 256 << 10

func newLineDecoder(r io.Reader, f Format, opt Options) *lineDecoder {
	return &lineDecoder{r: r, line: 1, format: f, name: opt.Name, blank: opt.BlankPrefix,
		terms: termCache{seed: maphash.MakeSeed(), slots: make([]termSlot, termSlotsSmall)}, langs: map[string]string{}}
}

// next returns the next quad or io.EOF.
func (l *lineDecoder) next() (rdf.Quad, error) {
	for {
		if l.exact != nil {
			return l.exact.nextQuad()
		}
		line := l.line
		start, b, ok := l.nextLine()
		if !ok {
			if l.rerr == io.EOF {
				if l.hasPend {
					l.hasPend = false
					return l.pend, nil
				}
				return rdf.Quad{}, io.EOF
			}
			// A read error: the token parser reports it as it would have.
			if err := l.handOver(); err != nil {
				return rdf.Quad{}, err
			}
			continue
		}
		q, res := l.fastLine(b)
		switch res {
		case lineEmpty:
			continue
		case lineUnsure:
			qs, err := l.parseAlone(b, line)
			if err != nil {
				// Restart the token parser where it would have been: at the
				// line of the quad held back, or at this one.
				if !l.hasPend {
					l.hasPend, l.pendPos, l.pendLine = true, start, line
				}
				if err := l.handOver(); err != nil {
					return rdf.Quad{}, err
				}
				continue
			}
			if len(qs) == 0 {
				continue
			}
			q = qs[0]
		}
		if !l.hasPend {
			l.pend, l.hasPend, l.pendPos, l.pendLine = q, true, start, line
			continue
		}
		out := l.pend
		l.pend, l.pendPos, l.pendLine = q, start, line
		return out, nil
	}
}

// nextLine returns the next whole line without its '\n' (the last line of
// the input may have none) and where it starts in buf; ok is false at the
// end of the input or at a read error.
func (l *lineDecoder) nextLine() (start int, b []byte, ok bool) {
	for {
		start = l.pos
		if i := bytes.IndexByte(l.buf[l.pos:l.end], '\n'); i >= 0 {
			b = l.buf[l.pos : l.pos+i]
			l.pos += i + 1
			l.line++
			return start, b, true
		}
		if l.rerr != nil {
			if l.rerr == io.EOF && l.pos < l.end {
				b = l.buf[l.pos:l.end]
				l.pos = l.end
				return start, b, true
			}
			return 0, nil, false
		}
		l.fill()
	}
}

// fill reads more input, keeping what is still needed: the line of the
// quad held back and everything after it.
func (l *lineDecoder) fill() {
	keep := l.pos
	if l.hasPend {
		keep = l.pendPos
	}
	if keep > 0 {
		n := copy(l.buf, l.buf[keep:l.end])
		l.pos -= keep
		l.pendPos -= keep
		l.end = n
	}
	// The buffer starts small and doubles up to lineChunk, or beyond for
	// a line that does not fit.
	if len(l.buf) < lineChunk || len(l.buf)-l.end < len(l.buf)/2 {
		grown := make([]byte, max(16<<10, 2*len(l.buf)))
		copy(grown, l.buf[:l.end])
		l.buf = grown
		if len(l.buf) >= lineChunk && len(l.terms.slots) < termSlotsLarge {
			l.terms.slots = make([]termSlot, termSlotsLarge)
		}
	}
	n, err := l.r.Read(l.buf[l.end:])
	if n == 0 && err == nil {
		n, err = readSome(l.r, l.buf[l.end:])
	}
	l.end += n
	l.rerr = err
}

// handOver lets the token parser read the rest of the input, from the line
// of the quad held back (which it reads again) or else from the next line.
func (l *lineDecoder) handOver() error {
	if l.strict {
		return errBlockFailed
	}
	from, line := l.pos, l.line
	if l.hasPend {
		from, line = l.pendPos, l.pendLine
		l.hasPend = false
	}
	rest := bytes.Clone(l.buf[from:l.end])
	var r io.Reader = bytes.NewReader(rest)
	switch {
	case l.rerr == nil:
		r = io.MultiReader(r, l.r)
	case l.rerr != io.EOF:
		r = io.MultiReader(r, errReader{l.rerr})
	}
	l.buf = nil
	lex := newLexer(r, l.name)
	lex.line = line
	l.exact = &parser{lex: lex, format: l.format, blank: l.blank}
	return l.exact.advance()
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// parseAlone reads one line with the token parser. When it succeeds, the
// token parser reading the whole input gives the same quads for the line:
// no token of a valid statement reaches past its line.
func (l *lineDecoder) parseAlone(b []byte, line int) ([]rdf.Quad, error) {
	lex := newLexer(bytes.NewReader(b), l.name)
	lex.line = line
	p := &parser{lex: lex, format: l.format, blank: l.blank}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.statement(); err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, errors.New("more than one statement") // not reached: lineStatement refuses it
	}
	return p.out, nil
}

const (
	lineQuad   = iota // the line holds one statement
	lineEmpty         // white space or a comment
	lineUnsure        // leave the line to the token parser
)

// fastLine reads the statement on line b.
func (l *lineDecoder) fastLine(b []byte) (q rdf.Quad, res int) {
	i := skipWS(b, 0)
	if i == len(b) {
		return q, lineEmpty
	}
	if b[i] == '#' {
		// A comment ends at '\r' as well as at '\n': what follows a '\r'
		// is read as a statement.
		if bytes.IndexByte(b[i:], '\r') >= 0 {
			return q, lineUnsure
		}
		return q, lineEmpty
	}
	var ok bool
	if q.S, i, ok = l.node(b, i, &l.lastS); !ok {
		return q, lineUnsure
	}
	i = skipWS(b, i)
	if i == len(b) || b[i] != '<' {
		return q, lineUnsure
	}
	if q.P, i, ok = l.iri(b, i, nil); !ok {
		return q, lineUnsure
	}
	i = skipWS(b, i)
	if i < len(b) && b[i] == '"' {
		q.O, i, ok = l.literal(b, i)
	} else {
		q.O, i, ok = l.node(b, i, nil)
	}
	if !ok {
		return q, lineUnsure
	}
	i = skipWS(b, i)
	if l.format == NQuads && i < len(b) && b[i] != '.' {
		if q.G, i, ok = l.node(b, i, &l.lastG); !ok {
			return q, lineUnsure
		}
		i = skipWS(b, i)
	}
	if i == len(b) || b[i] != '.' {
		return q, lineUnsure
	}
	i = skipWS(b, i+1)
	// Only a comment may follow (a digit would make ".5" a number).
	if i < len(b) && (b[i] != '#' || bytes.IndexByte(b[i:], '\r') >= 0) {
		return q, lineUnsure
	}
	return q, lineQuad
}

// skipWS skips the white space the lexer skips inside a line.
func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// node reads an IRI or a blank node at b[i]; an IRI as in last, when it
// is not nil, is not looked up.
func (l *lineDecoder) node(b []byte, i int, last *lastIRI) (rdf.Term, int, bool) {
	if i < len(b) {
		switch b[i] {
		case '<':
			return l.iri(b, i, last)
		case '_':
			return l.blankNode(b, i)
		}
	}
	return nil, i, false
}

// iriByte marks the bytes an IRIREF may hold as they are (the lexer's
// badIRIByte refuses the others; '>' ends the IRI).
var iriByte = func() (t [256]bool) {
	for c := 0x21; c < 256; c++ {
		t[c] = true
	}
	for _, c := range []byte("<>\"{}|^`\\") {
		t[c] = false
	}
	return t
}()

// lastIRI is the IRI read last in one place of the statement (subjects
// and graph names come in runs of lines).
type lastIRI struct {
	text string
	term rdf.Term
}

// iri reads <...> at b[i]: an absolute IRI without escapes. When last is
// not nil, it remembers the IRI.
func (l *lineDecoder) iri(b []byte, i int, last *lastIRI) (rdf.Term, int, bool) {
	k := bytes.IndexByte(b[i+1:], '>')
	if k < 0 {
		return nil, i, false
	}
	s, end := b[i+1:i+1+k], i+2+k
	// A term from the cache was checked when it was added.
	if last != nil {
		if last.term != nil && last.text == string(s) {
			return last.term, end, true
		}
		if t := l.terms.lookup(s, kindIRI); t != nil {
			last.text, last.term = string(t.(rdf.IRI)), t
			return t, end, true
		}
	} else if t := l.terms.lookup(s, kindIRI); t != nil {
		return t, end, true
	}
	high := false
	for _, c := range s {
		if !iriByte[c] {
			return nil, i, false
		}
		high = high || c >= utf8.RuneSelf
	}
	if _, abs := iriScheme(string(s)); !abs || high && !utf8.Valid(s) {
		return nil, i, false
	}
	iri := rdf.IRI(string(s))
	t := l.terms.add(s, kindIRI, iri)
	if last != nil {
		last.text, last.term = string(iri), t
	}
	return t, end, true
}

// blankNode reads _:label at b[i], when the label is ASCII.
func (l *lineDecoder) blankNode(b []byte, i int) (rdf.Term, int, bool) {
	j := i + 2
	if j >= len(b) || b[i+1] != ':' || !labelStart[b[j]] {
		return nil, i, false
	}
	for j < len(b) && labelByte[b[j]] {
		j++
	}
	if j < len(b) && b[j] >= utf8.RuneSelf {
		return nil, i, false
	}
	for b[j-1] == '.' { // a final '.' ends the statement
		j--
	}
	s := b[i+2 : j]
	if t := l.terms.lookup(s, kindBlank); t != nil {
		return t, j, true
	}
	return l.terms.add(s, kindBlank, rdf.BlankNode(l.blank+string(s))), j, true
}

// The ASCII bytes of a blank node label (PN_CHARS_U and digits to start,
// then also '-' and '.').
var labelStart, labelByte = func() (start, in [256]bool) {
	for c := 0; c < 128; c++ {
		if isAlpha(byte(c)) || isDigitByte(byte(c)) || c == '_' {
			start[c], in[c] = true, true
		}
	}
	in['-'], in['.'] = true, true
	return start, in
}()

// literal reads "..." at b[i] with its language tag or datatype.
func (l *lineDecoder) literal(b []byte, i int) (rdf.Term, int, bool) {
	j := i + 1
	if j+1 < len(b) && b[j] == '"' && b[j+1] == '"' {
		return nil, i, false // """long string"""
	}
	k := bytes.IndexByte(b[j:], '"')
	if k < 0 {
		return nil, i, false
	}
	var lex string
	span := b[j : j+k]
	switch {
	case bytes.IndexByte(span, '\\') >= 0:
		var ok bool
		if lex, j, ok = l.unescape(b, j); !ok {
			return nil, i, false
		}
	case bytes.IndexByte(span, '\r') >= 0:
		return nil, i, false // a line break in a short string
	default:
		lex = string(span)
		j += k + 1
	}
	j = skipWS(b, j)
	if j < len(b) {
		switch b[j] {
		case '@':
			tag, end, ok := langTag(b, j+1)
			if !ok {
				return nil, i, false
			}
			lang, found := l.langs[string(tag)]
			if !found {
				lang = rdf.NewLangString("", string(tag)).Lang
				if len(l.langs) < 1000 {
					l.langs[string(tag)] = lang
				}
			}
			return rdf.Literal{Lexical: lex, Datatype: rdf.RDFLangString, Lang: lang}, end, true
		case '^':
			if j+1 == len(b) || b[j+1] != '^' {
				return nil, i, false
			}
			j = skipWS(b, j+2)
			if j == len(b) || b[j] != '<' {
				return nil, i, false
			}
			dt, end, ok := l.iri(b, j, nil)
			if !ok {
				return nil, i, false
			}
			return rdf.NewTyped(lex, dt.(rdf.IRI)), end, true
		}
	}
	return rdf.NewString(lex), j, true
}

// unescape reads a short string's value from b[j] (after the opening quote)
// to its closing quote, resolving escapes; end is after the quote.
func (l *lineDecoder) unescape(b []byte, j int) (s string, end int, ok bool) {
	out := l.scratch[:0]
	for j < len(b) {
		c := b[j]
		switch c {
		case '"':
			l.scratch = out
			return string(out), j + 1, true
		case '\r':
			return "", 0, false
		case '\\':
			if j+1 == len(b) {
				return "", 0, false
			}
			e := b[j+1]
			if r := echar[e]; r != 0 {
				out = append(out, r)
				j += 2
				continue
			}
			n := 4
			switch e {
			case 'u':
			case 'U':
				n = 8
			default:
				return "", 0, false
			}
			if j+2+n > len(b) {
				return "", 0, false
			}
			v, err := strconv.ParseUint(string(b[j+2:j+2+n]), 16, 32)
			if err != nil || isSurrogate(v) || v > utf8.MaxRune {
				return "", 0, false
			}
			out = utf8.AppendRune(out, rune(v))
			j += 2 + n
		default:
			out = append(out, c)
			j++
		}
	}
	return "", 0, false
}

// langTag reads a language tag at b[j] (after '@'): letters, then groups
// of '-' and letters or digits.
func langTag(b []byte, j int) (tag []byte, end int, ok bool) {
	k := j
	for k < len(b) && isAlpha(b[k]) {
		k++
	}
	if k == j {
		return nil, 0, false
	}
	for k < len(b) && b[k] == '-' {
		m := k + 1
		for m < len(b) && (isAlpha(b[m]) || isDigitByte(b[m])) {
			m++
		}
		if m == k+1 {
			return nil, 0, false
		}
		k = m
	}
	return b[j:k], k, true
}

// termCache remembers recent IRIs and blank nodes, so that a term written
// again (predicates, graph names, subjects of consecutive lines) is neither
// checked nor allocated again. It is direct-mapped: a slot holds the last
// term whose text hashed to it.
type termCache struct {
	seed  maphash.Seed
	slots []termSlot // a power of two long
}

// A cache starts small, for the many short inputs, and grows (empty) to its
// full size once an input has shown it is long.
const (
	termSlotsSmall = 1 << 6
	termSlotsLarge = 1 << 12
)

const (
	kindIRI   = 1
	kindBlank = 2
)

type termSlot struct {
	text string
	kind uint8
	term rdf.Term
}

func (c *termCache) lookup(text []byte, kind uint8) rdf.Term {
	s := &c.slots[maphash.Bytes(c.seed, text)&uint64(len(c.slots)-1)]
	if s.kind == kind && s.text == string(text) {
		return s.term
	}
	return nil
}

func (c *termCache) add(text []byte, kind uint8, t rdf.Term) rdf.Term {
	s := &c.slots[maphash.Bytes(c.seed, text)&uint64(len(c.slots)-1)]
	switch x := t.(type) {
	case rdf.IRI:
		s.text = string(x) // the IRI's own string: no second copy
	default:
		s.text = string(text)
	}
	s.kind, s.term = kind, t
	return t
}
