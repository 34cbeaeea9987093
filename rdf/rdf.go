// Package rdf is docgraph's RDF 1.1 term model: IRIs, blank nodes, literals
// that keep their exact lexical form, triples and quads.
//
// Every other package speaks these types; only package graph converts them to
// and from the store's own values. Terms are small comparable values, so they
// can be used as map keys and compared with ==.
//
// See https://www.w3.org/TR/rdf11-concepts/.
package rdf

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind tells which sort of term a Term is.
type Kind uint8

const (
	KindIRI Kind = iota + 1
	KindBlank
	KindLiteral
)

func (k Kind) String() string {
	switch k {
	case KindIRI:
		return "IRI"
	case KindBlank:
		return "blank node"
	case KindLiteral:
		return "literal"
	}
	return "invalid term"
}

// Term is an RDF term: IRI, BlankNode or Literal. The interface is closed.
type Term interface {
	// Kind reports the sort of term.
	Kind() Kind
	// String returns the term in N-Triples syntax.
	String() string
	isTerm()
}

// IRI is an absolute IRI, without the angle brackets.
type IRI string

// BlankNode is a blank node, identified by its label (without "_:").
type BlankNode string

// Literal is an RDF literal. Lexical is kept exactly as written in the input.
// Datatype is always set: xsd:string for simple literals, rdf:langString when
// Lang is not empty.
type Literal struct {
	Lexical  string
	Datatype IRI
	Lang     string
}

// Well-known datatype IRIs the term model itself needs.
const (
	XSDString     IRI = "http://www.w3.org/2001/XMLSchema#string"
	RDFLangString IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

func (IRI) Kind() Kind       { return KindIRI }
func (BlankNode) Kind() Kind { return KindBlank }
func (Literal) Kind() Kind   { return KindLiteral }
func (IRI) isTerm()          {}
func (BlankNode) isTerm()    {}
func (Literal) isTerm()      {}

// NewIRI checks that s is an absolute IRI that N-Triples can carry and returns it.
func NewIRI(s string) (IRI, error) {
	if s == "" {
		return "", fmt.Errorf("rdf: empty IRI")
	}
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("rdf: IRI %q is not valid UTF-8", s)
	}
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || !isScheme(s[:colon]) {
		return "", fmt.Errorf("rdf: IRI %q has no scheme", s)
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			return "", fmt.Errorf("rdf: IRI %q contains %q", s, r)
		}
	}
	return IRI(s), nil
}

func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// NewString returns a simple literal (datatype xsd:string).
func NewString(s string) Literal { return Literal{Lexical: s, Datatype: XSDString} }

// NewLangString returns a language-tagged string. The tag is lower-cased, as
// RDF 1.1 compares tags case-insensitively.
func NewLangString(s, lang string) Literal {
	if lang == "" {
		return NewString(s)
	}
	return Literal{Lexical: s, Datatype: RDFLangString, Lang: strings.ToLower(lang)}
}

// NewTyped returns a literal with the given datatype; the lexical form is kept as given.
func NewTyped(lexical string, datatype IRI) Literal {
	if datatype == "" {
		datatype = XSDString
	}
	return Literal{Lexical: lexical, Datatype: datatype}
}

func (i IRI) String() string { return "<" + escapeIRI(string(i)) + ">" }

func (b BlankNode) String() string { return "_:" + string(b) }

func (l Literal) String() string {
	var sb strings.Builder
	sb.Grow(len(l.Lexical) + 2)
	sb.WriteByte('"')
	EscapeString(&sb, l.Lexical)
	sb.WriteByte('"')
	switch {
	case l.Lang != "":
		sb.WriteByte('@')
		sb.WriteString(l.Lang)
	case l.Datatype != "" && l.Datatype != XSDString:
		sb.WriteString("^^")
		sb.WriteString(l.Datatype.String())
	}
	return sb.String()
}

// IsPlain reports whether the literal is a simple xsd:string literal.
func (l Literal) IsPlain() bool { return l.Lang == "" && (l.Datatype == XSDString || l.Datatype == "") }

// EscapeString writes s with the escapes of canonical N-Triples
// (https://www.w3.org/TR/n-triples/#canonical-ntriples).
func EscapeString(sb *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n':
			sb.WriteString(`\n`)
		case '\r':
			sb.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(sb, `\u%04X`, c)
			} else if c < utf8.RuneSelf {
				sb.WriteByte(c)
			} else {
				r, n := utf8.DecodeRuneInString(s[i:])
				if r == utf8.RuneError && n == 1 {
					sb.WriteString(`\uFFFD`)
				} else {
					sb.WriteString(s[i : i+n])
				}
				i += n
				continue
			}
		}
		i++
	}
}

func escapeIRI(s string) string {
	needs := false
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			if r > 0xffff {
				fmt.Fprintf(&sb, `\U%08X`, r)
			} else {
				fmt.Fprintf(&sb, `\u%04X`, r)
			}
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// Triple is an RDF triple.
type Triple struct {
	S, P, O Term
}

// Quad is a triple in a graph. G is nil for the default graph.
type Quad struct {
	S, P, O Term
	G       Term
}

// Triple drops the graph name.
func (q Quad) Triple() Triple { return Triple{q.S, q.P, q.O} }

// String returns the quad as one N-Quads statement, without the line end.
func (q Quad) String() string {
	s := q.S.String() + " " + q.P.String() + " " + q.O.String()
	if q.G != nil {
		s += " " + q.G.String()
	}
	return s + " ."
}

// String returns the triple as one N-Triples statement, without the line end.
func (t Triple) String() string {
	return t.S.String() + " " + t.P.String() + " " + t.O.String() + " ."
}

// Valid reports whether each term may stand in its position: subject IRI or
// blank node, predicate IRI, object any term, graph nil, IRI or blank node.
func (q Quad) Valid() error {
	switch q.S.(type) {
	case IRI, BlankNode:
	default:
		return fmt.Errorf("rdf: subject %v is not an IRI or blank node", q.S)
	}
	if _, ok := q.P.(IRI); !ok {
		return fmt.Errorf("rdf: predicate %v is not an IRI", q.P)
	}
	if q.O == nil {
		return fmt.Errorf("rdf: missing object")
	}
	switch q.G.(type) {
	case nil, IRI, BlankNode:
	default:
		return fmt.Errorf("rdf: graph name %v is not an IRI or blank node", q.G)
	}
	return nil
}

// Compare orders terms for stable output: blank nodes, then IRIs, then
// literals; within a kind by their N-Triples form. A nil term sorts first.
func Compare(a, b Term) int {
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		default:
			return 1
		}
	}
	ra, rb := rank(a.Kind()), rank(b.Kind())
	if ra != rb {
		return ra - rb
	}
	switch x := a.(type) {
	case IRI:
		return strings.Compare(string(x), string(b.(IRI)))
	case BlankNode:
		return strings.Compare(string(x), string(b.(BlankNode)))
	case Literal:
		y := b.(Literal)
		if c := strings.Compare(x.Lexical, y.Lexical); c != 0 {
			return c
		}
		if c := strings.Compare(string(x.Datatype), string(y.Datatype)); c != 0 {
			return c
		}
		return strings.Compare(x.Lang, y.Lang)
	}
	return 0
}

func rank(k Kind) int {
	switch k {
	case KindBlank:
		return 0
	case KindIRI:
		return 1
	default:
		return 2
	}
}

// CompareQuads orders quads by graph, subject, predicate, object.
func CompareQuads(a, b Quad) int {
	if c := Compare(a.G, b.G); c != 0 {
		return c
	}
	if c := Compare(a.S, b.S); c != 0 {
		return c
	}
	if c := Compare(a.P, b.P); c != 0 {
		return c
	}
	return Compare(a.O, b.O)
}
