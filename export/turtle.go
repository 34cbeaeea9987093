package export

import (
	"bufio"
	"io"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// turtleEncoder writes Turtle (https://www.w3.org/TR/turtle/) or, with trig
// set, TriG (https://www.w3.org/TR/trig/). It holds the statements of one
// subject (in TriG, of one graph and subject) at a time.
type turtleEncoder struct {
	w        *bufio.Writer
	trig     bool
	opt      Options
	prefixes []vocab.Prefix
	base     string

	group     []rdf.Quad // statements of the current subject
	inBlock   bool       // a TriG graph block is open
	blockName rdf.Term
	needBlank bool // a blank line goes before the next block
	started   bool
	closed    bool
	err       error

	buf     []byte
	offs    []int // object boundaries in buf
	scratch []byte
}

func newTurtleEncoder(w io.Writer, trig bool, opt Options) *turtleEncoder {
	e := &turtleEncoder{w: bufio.NewWriterSize(w, 64<<10), trig: trig, opt: opt, prefixes: usablePrefixes(opt.prefixes())}
	if usableBase(opt.Base) {
		e.base = opt.Base
	}
	return e
}

// usablePrefixes keeps the prefixes Turtle can declare: a valid PN_PREFIX
// name (or the empty name) and an IRI; of several with one name, the first.
func usablePrefixes(ps []vocab.Prefix) []vocab.Prefix {
	out := make([]vocab.Prefix, 0, len(ps))
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Name] || !validPrefixName(p.Name) {
			continue
		}
		if _, err := rdf.NewIRI(p.IRI); err != nil {
			continue
		}
		seen[p.Name] = true
		out = append(out, p)
	}
	return out
}

// validPrefixName checks PN_PREFIX: PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?
func validPrefixName(s string) bool {
	if s == "" {
		return true
	}
	if s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		if i == 0 && !isPNCharsBase(r) || i > 0 && r != '.' && !isPNChars(r) {
			return false
		}
	}
	return true
}

// usableBase reports whether base is absolute, ends in "/" and has no query
// or fragment, so that relative references under it resolve back simply.
func usableBase(base string) bool {
	if _, err := rdf.NewIRI(base); err != nil {
		return false
	}
	return strings.HasSuffix(base, "/") && !strings.ContainsAny(base, "?#")
}

func (e *turtleEncoder) Encode(q rdf.Quad) error {
	if e.closed {
		return ErrClosed
	}
	if e.err != nil {
		return e.err
	}
	if err := checkQuad(q); err != nil {
		return err
	}
	if !e.opt.keep(q) {
		return nil
	}
	if !e.trig {
		q.G = nil
	}
	if len(e.group) > 0 && (q.S != e.group[0].S || q.G != e.group[0].G) {
		e.flushGroup()
	}
	e.group = append(e.group, q)
	return e.err
}

func (e *turtleEncoder) Close() error {
	if e.closed {
		return e.err
	}
	e.closed = true
	if e.err == nil {
		e.flushGroup()
	}
	if e.err == nil && !e.started {
		e.header()
	}
	if e.err == nil && e.inBlock {
		e.write([]byte("}\n"))
	}
	if err := e.w.Flush(); e.err == nil {
		e.err = err
	}
	e.group = nil
	return e.err
}

func (e *turtleEncoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *turtleEncoder) header() {
	e.started = true
	b := e.buf[:0]
	if e.base != "" {
		b = append(b, "@base "...)
		b = appendIRIRef(b, e.base)
		b = append(b, " .\n"...)
	}
	for _, p := range e.prefixes {
		b = append(b, "@prefix "...)
		b = append(b, p.Name...)
		b = append(b, ": "...)
		b = appendIRIRef(b, p.IRI)
		b = append(b, " .\n"...)
	}
	e.needBlank = len(b) > 0
	e.write(b)
	e.buf = b
}

// comparePredicates puts rdf:type first, then orders by rdf.Compare.
func comparePredicates(a, b rdf.Term) int {
	at, bt := a == rdf.Term(vocab.RDFType), b == rdf.Term(vocab.RDFType)
	switch {
	case at && !bt:
		return -1
	case bt && !at:
		return 1
	}
	return rdf.Compare(a, b)
}

// flushGroup writes the pending subject's statements as one block.
func (e *turtleEncoder) flushGroup() {
	if len(e.group) == 0 || e.err != nil {
		return
	}
	if !e.started {
		e.header()
	}
	g := e.group
	slices.SortFunc(g, func(a, b rdf.Quad) int {
		if c := comparePredicates(a.P, b.P); c != 0 {
			return c
		}
		return rdf.Compare(a.O, b.O)
	})
	g = slices.CompactFunc(g, func(a, b rdf.Quad) bool { return a.P == b.P && a.O == b.O })

	b := e.buf[:0]
	// TriG: open or close the graph block.
	if e.inBlock && g[0].G != e.blockName {
		b = append(b, "}\n"...)
		e.inBlock, e.needBlank = false, true
	}
	if e.needBlank {
		b = append(b, '\n')
	}
	if !e.inBlock && g[0].G != nil {
		b = e.appendTerm(b, g[0].G, false)
		b = append(b, " {\n"...)
		e.inBlock, e.blockName = true, g[0].G
	}
	indent := ""
	if e.inBlock {
		indent = "    "
	}
	b = append(b, indent...)
	b = e.appendTerm(b, g[0].S, false)
	for i := 0; i < len(g); {
		j := i + 1
		for j < len(g) && g[j].P == g[i].P {
			j++
		}
		if i > 0 {
			b = append(b, " ;\n"...)
			b = append(b, indent...)
			b = append(b, "    "...)
		} else {
			b = append(b, ' ')
		}
		b = e.appendTerm(b, g[i].P, true)
		b = append(b, ' ')
		b = e.appendObjects(b, g[i:j], indent)
		i = j
	}
	b = append(b, " .\n"...)
	e.needBlank = true
	e.write(b)
	e.buf = b
	clear(e.group)
	e.group = e.group[:0]
}

// appendObjects writes the objects of one predicate, separated by ", " on
// one line when they are short, else one per line.
func (e *turtleEncoder) appendObjects(b []byte, g []rdf.Quad, indent string) []byte {
	if len(g) == 1 {
		return e.appendTerm(b, g[0].O, false)
	}
	// Render each object once into the scratch area past b, then lay them out.
	start := len(b)
	e.offs = e.offs[:0]
	multiline := false
	for _, q := range g {
		e.offs = append(e.offs, len(b))
		b = e.appendTerm(b, q.O, false)
	}
	e.offs = append(e.offs, len(b))
	width := len(b) - start + 2*(len(g)-1)
	for _, c := range b[start:] {
		if c == '\n' {
			multiline = true
			break
		}
	}
	sep := ", "
	if multiline || width > 72 {
		sep = ",\n" + indent + "        "
	}
	// Move the rendered objects after b and copy them back with separators.
	e.scratch = append(e.scratch[:0], b[start:]...)
	rendered := e.scratch
	b = b[:start]
	for k := 0; k+1 < len(e.offs); k++ {
		if k > 0 {
			b = append(b, sep...)
		}
		b = append(b, rendered[e.offs[k]-start:e.offs[k+1]-start]...)
	}
	return b
}

// appendTerm writes t in Turtle syntax; pred allows "a" for rdf:type.
func (e *turtleEncoder) appendTerm(b []byte, t rdf.Term, pred bool) []byte {
	switch x := t.(type) {
	case rdf.IRI:
		if pred && x == vocab.RDFType {
			return append(b, 'a')
		}
		return e.appendIRI(b, string(x))
	case rdf.BlankNode:
		b = append(b, "_:"...)
		return append(b, blankLabel(x)...)
	case rdf.Literal:
		return e.appendLiteral(b, x)
	}
	return b
}

// appendIRI writes a prefixed name when a prefix covers iri with a plain
// local part, else a reference relative to the base, else <iri>.
func (e *turtleEncoder) appendIRI(b []byte, iri string) []byte {
	best := -1
	for i, p := range e.prefixes {
		if strings.HasPrefix(iri, p.IRI) && validLocal(iri[len(p.IRI):]) &&
			(best < 0 || len(p.IRI) > len(e.prefixes[best].IRI)) {
			best = i
		}
	}
	if best >= 0 {
		p := e.prefixes[best]
		b = append(b, p.Name...)
		b = append(b, ':')
		return append(b, iri[len(p.IRI):]...)
	}
	if e.base != "" && strings.HasPrefix(iri, e.base) && safeRelative(iri[len(e.base):]) {
		return appendIRIRef(b, iri[len(e.base):])
	}
	return appendIRIRef(b, iri)
}

// validLocal reports whether s can follow "prefix:" without escapes. It
// accepts a subset of PN_LOCAL: PN_CHARS_U or a digit first, then PN_CHARS
// or '.', not ending in '.'. Colons, '%' and backslash escapes are left to
// the <IRI> form.
func validLocal(s string) bool {
	if s == "" {
		return true
	}
	if s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		if i == 0 {
			if !isPNCharsU(r) && !(r >= '0' && r <= '9') {
				return false
			}
		} else if r != '.' && !isPNChars(r) {
			return false
		}
	}
	return true
}

// safeRelative reports whether rel, resolved against a base ending in "/",
// gives back base+rel: a path with no scheme-like first segment, no dot
// segments, no leading "/", "?" or "#".
func safeRelative(rel string) bool {
	if rel == "" || strings.ContainsAny(rel[:1], "/?#.") {
		return false
	}
	path, _, _ := strings.Cut(rel, "?")
	path, _, _ = strings.Cut(path, "#")
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ":") {
		return false
	}
	for _, seg := range strings.Split(path, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// appendLiteral writes a literal: bare for canonical integers, decimals and
// booleans, """long""" when it holds a line feed, quoted otherwise.
func (e *turtleEncoder) appendLiteral(b []byte, l rdf.Literal) []byte {
	if l.Lang == "" {
		switch l.Datatype {
		case vocab.XSDInteger:
			if canonicalInteger(l.Lexical) {
				return append(b, l.Lexical...)
			}
		case vocab.XSDDecimal:
			if canonicalDecimal(l.Lexical) {
				return append(b, l.Lexical...)
			}
		case vocab.XSDBoolean:
			if l.Lexical == "true" || l.Lexical == "false" {
				return append(b, l.Lexical...)
			}
		}
	}
	if strings.IndexByte(l.Lexical, '\n') >= 0 {
		b = append(b, `"""`...)
		b = appendEscaped(b, l.Lexical, true)
		b = append(b, `"""`...)
	} else {
		b = append(b, '"')
		b = appendEscaped(b, l.Lexical, false)
		b = append(b, '"')
	}
	switch {
	case l.Lang != "":
		b = append(b, '@')
		b = append(b, l.Lang...)
	case l.Datatype != "" && l.Datatype != rdf.XSDString:
		b = append(b, "^^"...)
		b = e.appendIRI(b, string(l.Datatype))
	}
	return b
}

// canonicalInteger matches xsd:integer's canonical form: "0" or an optional
// "-" and digits without leading zeros.
func canonicalInteger(s string) bool {
	if s == "-0" {
		return false
	}
	return canonicalUnsigned(strings.TrimPrefix(s, "-"))
}

func canonicalUnsigned(s string) bool {
	if s == "" || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// canonicalDecimal matches the canonical xsd:decimal forms Turtle's DECIMAL
// production can carry: an integer part in canonical form, ".", and a
// fraction that is "0" or does not end in "0" ("1.0", "0.25", not "1.50",
// ".5" or "-0.0").
func canonicalDecimal(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	if !ok || whole == "-0" && frac == "0" || !canonicalUnsigned(strings.TrimPrefix(whole, "-")) || frac == "" {
		return false
	}
	if len(frac) > 1 && frac[len(frac)-1] == '0' {
		return false
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return false
		}
	}
	return true
}
