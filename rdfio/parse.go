package rdfio

import (
	"io"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// parser reads the statements of a Turtle, TriG, N-Triples or N-Quads
// document (recursive descent over the grammars' productions) and queues
// the quads of one statement at a time.
type parser struct {
	lex      *lexer
	format   Format
	tok      token
	base     string
	prefixes map[string]string
	blank    string // Options.BlankPrefix
	count    int    // generated blank nodes
	graph    rdf.Term
	out      []rdf.Quad
}

const (
	rdfFirst = rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#first")
	rdfRest  = rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
	rdfNil   = rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil")
	rdfTypeI = rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	xsdNS    = "http://www.w3.org/2001/XMLSchema#"
)

// nextQuad returns the next quad, reading statements as needed, or io.EOF
// after the last one.
func (p *parser) nextQuad() (rdf.Quad, error) {
	for len(p.out) == 0 {
		if p.tok.kind == tEOF {
			return rdf.Quad{}, io.EOF
		}
		if err := p.statement(); err != nil {
			return rdf.Quad{}, err
		}
	}
	q := p.out[0]
	p.out = p.out[1:]
	return q, nil
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

func (p *parser) errorf(format string, args ...any) error {
	return p.lex.errAt(p.tok.line, p.tok.col, format, args...)
}

func (p *parser) unexpected(what string) error {
	got := p.tok.kind.String()
	switch p.tok.kind {
	case tLang:
		got = "@" + p.tok.text
	case tPName:
		got = "prefixed name " + p.tok.text + ":" + p.tok.local
	case tIRI:
		got = "IRI <" + p.tok.text + ">"
	case tInteger, tDecimal, tDouble, tBoolean:
		got = p.tok.kind.String() + " " + p.tok.text
	}
	return p.errorf("unexpected %s, want %s", got, what)
}

func (p *parser) expect(k tokKind) error {
	if p.tok.kind != k {
		return p.unexpected(k.String())
	}
	return p.advance()
}

func (p *parser) emit(s, pr, o rdf.Term) {
	p.out = append(p.out, rdf.Quad{S: s, P: pr, O: o, G: p.graph})
}

// Blank nodes written [] or ( ) are labelled "genid" and a number. A label
// in the document that starts with "genid" becomes "genidu..." so that the
// two can never meet; every other label is kept.
const genid = "genid"

func (p *parser) fresh() rdf.BlankNode {
	p.count++
	return rdf.BlankNode(p.blank + genid + strconv.Itoa(p.count))
}

func (p *parser) blankLabel(label string) rdf.BlankNode {
	if p.format != NTriples && p.format != NQuads && strings.HasPrefix(label, genid) {
		label = genid + "u" + label[len(genid):]
	}
	return rdf.BlankNode(p.blank + label)
}

// statement reads one statement; at the end of input it queues nothing.
func (p *parser) statement() error {
	switch p.format {
	case NTriples, NQuads:
		return p.lineStatement()
	}
	switch p.tok.kind {
	case tEOF:
		return nil
	case tLang:
		switch p.tok.text {
		case "prefix":
			return p.prefixDirective(true)
		case "base":
			return p.baseDirective(true)
		}
		return p.unexpected("a statement")
	case tPREFIX:
		return p.prefixDirective(false)
	case tBASE:
		return p.baseDirective(false)
	}
	if p.format == TriG {
		switch p.tok.kind {
		case tLBrace:
			return p.wrappedGraph(nil)
		case tGRAPH:
			if err := p.advance(); err != nil {
				return err
			}
			label, err := p.graphLabel()
			if err != nil {
				return err
			}
			return p.wrappedGraph(label)
		}
	}
	if err := p.triples(true); err != nil {
		return err
	}
	return nil
}

func (p *parser) prefixDirective(at bool) error {
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tPName || p.tok.local != "" {
		return p.unexpected("a prefix name ending with ':'")
	}
	name := p.tok.text
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tIRI {
		return p.unexpected("an IRI")
	}
	iri, err := p.resolve(p.tok.text)
	if err != nil {
		return err
	}
	p.prefixes[name] = iri
	if err := p.advance(); err != nil {
		return err
	}
	if at {
		return p.expect(tDot)
	}
	return nil
}

func (p *parser) baseDirective(at bool) error {
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tIRI {
		return p.unexpected("an IRI")
	}
	iri, err := p.resolve(p.tok.text)
	if err != nil {
		return err
	}
	p.base = iri
	if err := p.advance(); err != nil {
		return err
	}
	if at {
		return p.expect(tDot)
	}
	return nil
}

// graphLabel reads a TriG graph name: an IRI, a blank node or [].
func (p *parser) graphLabel() (rdf.Term, error) {
	switch p.tok.kind {
	case tIRI, tPName, tBlank:
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		return t, p.advance()
	case tLBracket:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if err := p.expect(tRBracket); err != nil {
			return nil, err
		}
		return p.fresh(), nil
	}
	return nil, p.unexpected("a graph name")
}

// wrappedGraph reads { triples . ... } into graph label (nil = default).
func (p *parser) wrappedGraph(label rdf.Term) error {
	if err := p.expect(tLBrace); err != nil {
		return err
	}
	p.graph = label
	defer func() { p.graph = nil }()
	for p.tok.kind != tRBrace {
		if err := p.triples(false); err != nil {
			return err
		}
		if p.tok.kind == tDot {
			if err := p.advance(); err != nil {
				return err
			}
			continue
		}
		if p.tok.kind != tRBrace {
			return p.unexpected("'.' or '}'")
		}
	}
	return p.advance()
}

// triples reads subject and predicate-object lists. At the top level
// (top = true) it also reads the final '.' and, in TriG, a graph block
// named by the subject.
func (p *parser) triples(top bool) error {
	var subj rdf.Term
	var err error
	switch p.tok.kind {
	case tLBracket:
		if err := p.advance(); err != nil {
			return err
		}
		if p.tok.kind == tRBracket {
			if err := p.advance(); err != nil {
				return err
			}
			subj = p.fresh()
			if top && p.format == TriG && p.tok.kind == tLBrace {
				return p.wrappedGraph(subj)
			}
			if err := p.predicateObjectList(subj); err != nil {
				return err
			}
			break
		}
		subj = p.fresh()
		if err := p.predicateObjectList(subj); err != nil {
			return err
		}
		if err := p.expect(tRBracket); err != nil {
			return err
		}
		if p.tok.kind != tDot && p.tok.kind != tRBrace {
			if err := p.predicateObjectList(subj); err != nil {
				return err
			}
		}
	case tLParen:
		if subj, err = p.collection(); err != nil {
			return err
		}
		if err := p.predicateObjectList(subj); err != nil {
			return err
		}
	case tIRI, tPName, tBlank:
		if subj, err = p.term(); err != nil {
			return err
		}
		if err := p.advance(); err != nil {
			return err
		}
		if top && p.format == TriG && p.tok.kind == tLBrace {
			return p.wrappedGraph(subj)
		}
		if err := p.predicateObjectList(subj); err != nil {
			return err
		}
	default:
		return p.unexpected("a subject")
	}
	if top {
		return p.expect(tDot)
	}
	return nil
}

func (p *parser) predicateObjectList(subj rdf.Term) error {
	for {
		var pred rdf.Term
		switch p.tok.kind {
		case tA:
			pred = rdfTypeI
		case tIRI, tPName:
			var err error
			if pred, err = p.term(); err != nil {
				return err
			}
		default:
			return p.unexpected("a predicate")
		}
		if err := p.advance(); err != nil {
			return err
		}
		for {
			o, err := p.object()
			if err != nil {
				return err
			}
			p.emit(subj, pred, o)
			if p.tok.kind != tComma {
				break
			}
			if err := p.advance(); err != nil {
				return err
			}
		}
		if p.tok.kind != tSemi {
			return nil
		}
		for p.tok.kind == tSemi {
			if err := p.advance(); err != nil {
				return err
			}
		}
		if k := p.tok.kind; k != tA && k != tIRI && k != tPName {
			return nil
		}
	}
}

// object reads an object and leaves the token after it.
func (p *parser) object() (rdf.Term, error) {
	switch p.tok.kind {
	case tLBracket:
		if err := p.advance(); err != nil {
			return nil, err
		}
		node := p.fresh()
		if p.tok.kind != tRBracket {
			if err := p.predicateObjectList(node); err != nil {
				return nil, err
			}
		}
		return node, p.expect(tRBracket)
	case tLParen:
		return p.collection()
	case tString:
		return p.stringLiteral()
	case tInteger:
		return rdf.NewTyped(p.tok.text, xsdNS+"integer"), p.advance()
	case tDecimal:
		return rdf.NewTyped(p.tok.text, xsdNS+"decimal"), p.advance()
	case tDouble:
		return rdf.NewTyped(p.tok.text, xsdNS+"double"), p.advance()
	case tBoolean:
		return rdf.NewTyped(p.tok.text, xsdNS+"boolean"), p.advance()
	}
	t, err := p.term()
	if err != nil {
		return nil, err
	}
	return t, p.advance()
}

func (p *parser) stringLiteral() (rdf.Term, error) {
	lex := p.tok.text
	if err := p.advance(); err != nil {
		return nil, err
	}
	switch p.tok.kind {
	case tLang:
		l := rdf.NewLangString(lex, p.tok.text)
		return l, p.advance()
	case tHatHat:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tIRI && (p.tok.kind != tPName || p.format == NTriples || p.format == NQuads) {
			return nil, p.unexpected("a datatype IRI")
		}
		dt, err := p.term()
		if err != nil {
			return nil, err
		}
		return rdf.NewTyped(lex, dt.(rdf.IRI)), p.advance()
	}
	return rdf.NewString(lex), nil
}

// collection reads ( objects ) after the '(' and returns its head.
func (p *parser) collection() (rdf.Term, error) {
	if err := p.advance(); err != nil {
		return nil, err
	}
	var head, last rdf.Term = rdfNil, nil
	for p.tok.kind != tRParen {
		if p.tok.kind == tEOF {
			return nil, p.unexpected("')'")
		}
		node := p.fresh()
		if last == nil {
			head = node
		} else {
			p.emit(last, rdfRest, node)
		}
		o, err := p.object()
		if err != nil {
			return nil, err
		}
		p.emit(node, rdfFirst, o)
		last = node
	}
	if last != nil {
		p.emit(last, rdfRest, rdfNil)
	}
	return head, p.advance()
}

// term converts the current IRI, prefixed name or blank node token.
func (p *parser) term() (rdf.Term, error) {
	switch p.tok.kind {
	case tIRI:
		iri, err := p.resolve(p.tok.text)
		if err != nil {
			return nil, err
		}
		return p.checkIRI(iri)
	case tPName:
		ns, ok := p.prefixes[p.tok.text]
		if !ok {
			return nil, p.errorf("prefix %q is not declared", p.tok.text+":")
		}
		return p.checkIRI(ns + p.tok.local)
	case tBlank:
		return p.blankLabel(p.tok.text), nil
	}
	return nil, p.unexpected("an IRI or blank node")
}

func (p *parser) checkIRI(s string) (rdf.Term, error) {
	iri, err := rdf.NewIRI(s)
	if err != nil {
		return nil, p.errorf("bad IRI <%s>", s)
	}
	return iri, nil
}

// resolve makes ref absolute against the base in force.
func (p *parser) resolve(ref string) (string, error) {
	if _, abs := iriScheme(ref); abs {
		return ref, nil
	}
	if p.format == NTriples || p.format == NQuads {
		return "", p.errorf("relative IRI <%s> (N-Triples and N-Quads need absolute IRIs)", ref)
	}
	if p.base == "" {
		return "", p.errorf("relative IRI <%s> and no base IRI", ref)
	}
	return resolveIRI(p.base, ref), nil
}

// lineStatement reads one N-Triples or N-Quads statement.
func (p *parser) lineStatement() error {
	if p.tok.kind == tEOF {
		return nil
	}
	line := p.tok.line
	sameLine := func() error {
		if p.tok.line != line {
			return p.errorf("statement continues on the next line")
		}
		return nil
	}
	var q rdf.Quad
	var err error
	if p.tok.kind != tIRI && p.tok.kind != tBlank {
		return p.unexpected("a subject IRI or blank node")
	}
	if q.S, err = p.term(); err != nil {
		return err
	}
	if err := p.advance(); err != nil {
		return err
	}
	if err := sameLine(); err != nil {
		return err
	}
	if p.tok.kind != tIRI {
		return p.unexpected("a predicate IRI")
	}
	if q.P, err = p.term(); err != nil {
		return err
	}
	if err := p.advance(); err != nil {
		return err
	}
	if err := sameLine(); err != nil {
		return err
	}
	switch p.tok.kind {
	case tIRI, tBlank:
		if q.O, err = p.term(); err != nil {
			return err
		}
		if err := p.advance(); err != nil {
			return err
		}
	case tString:
		if !p.tok.plainStr {
			return p.errorf("N-Triples strings are written in double quotes on one line")
		}
		if q.O, err = p.stringLiteral(); err != nil {
			return err
		}
	default:
		return p.unexpected("an object")
	}
	if err := sameLine(); err != nil {
		return err
	}
	if p.format == NQuads && (p.tok.kind == tIRI || p.tok.kind == tBlank) {
		if q.G, err = p.term(); err != nil {
			return err
		}
		if err := p.advance(); err != nil {
			return err
		}
		if err := sameLine(); err != nil {
			return err
		}
	}
	if p.tok.kind != tDot {
		return p.unexpected("'.'")
	}
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tEOF && p.tok.line == line {
		return p.errorf("a second statement on the same line")
	}
	p.out = append(p.out, q)
	return nil
}
