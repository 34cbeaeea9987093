// Package rdfio reads RDF files into docgraph's term model: Turtle, TriG,
// N-Triples and N-Quads with its own pull parser (lexer.go, parse.go), and
// RDF/XML through github.com/knakk/rdf.
//
// Literals keep their lexical form exactly as written ("01"^^xsd:integer
// stays "01"), relative IRIs are resolved against a base IRI (RFC 3986), and
// syntax errors name the input and, where the underlying reader reports it,
// the line and column ("data.ttl:4:12: ...").
//
//	Format    | extensions     | read
//	----------|----------------|-----
//	Turtle    | .ttl           | yes
//	N-Triples | .nt            | yes
//	N-Quads   | .nq            | yes
//	RDF/XML   | .rdf, .owl     | yes
//	TriG      | .trig          | yes
//
// Decoder follows the io idioms: Decode returns io.EOF after the last quad.
// It streams: the input is read in chunks and parsed a statement at a time.
// N-Triples and N-Quads are read a line at a time by a direct scan
// (lines.go), which leaves any line it is unsure of to the token parser, so
// both give the same quads and the same errors. Batches decodes away from
// the caller's goroutine, N-Triples and N-Quads on several at once.
// Blank nodes written [] or ( ) are labelled genid1, genid2, ...; a label in
// the document that starts with "genid" is read as "genidu..." so the two
// never meet.
package rdfio

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	knakk "github.com/knakk/rdf"
)

// Format is an RDF syntax.
type Format int

// The formats rdfio knows.
const (
	Turtle Format = iota + 1
	NTriples
	NQuads
	RDFXML
	TriG
)

// String returns the format's usual name.
func (f Format) String() string {
	switch f {
	case Turtle:
		return "Turtle"
	case NTriples:
		return "N-Triples"
	case NQuads:
		return "N-Quads"
	case RDFXML:
		return "RDF/XML"
	case TriG:
		return "TriG"
	}
	return "unknown format"
}

// MediaType returns the format's registered media type.
func (f Format) MediaType() string {
	switch f {
	case Turtle:
		return "text/turtle"
	case NTriples:
		return "application/n-triples"
	case NQuads:
		return "application/n-quads"
	case RDFXML:
		return "application/rdf+xml"
	case TriG:
		return "application/trig"
	}
	return ""
}

// FormatOf picks the format from a file name's extension; ok is false when
// the extension is not one of an RDF syntax.
func FormatOf(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ttl", ".turtle":
		return Turtle, true
	case ".nt":
		return NTriples, true
	case ".nq":
		return NQuads, true
	case ".rdf", ".owl", ".xml":
		return RDFXML, true
	case ".trig":
		return TriG, true
	}
	return 0, false
}

// ErrUnsupported is returned for a format rdfio cannot read.
var ErrUnsupported = errors.New("rdfio: format not supported")

// Options tune a Decoder.
type Options struct {
	// Name is the input's name used in error messages (usually the file path).
	Name string
	// Base is the IRI relative IRIs are resolved against. Without it a
	// relative IRI is an error.
	Base string
	// BlankPrefix is put in front of every blank node label, so that the
	// blank nodes of different inputs stay distinct when merged.
	BlankPrefix string
}

// Error is a syntax error in an RDF input. Line and Col are 0 when the
// reader did not report a position.
type Error struct {
	Name      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	name := e.Name
	if name == "" {
		name = "input"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", name, e.Line, e.Col, e.Msg)
	}
	return name + ": " + e.Msg
}

// Decoder reads quads from one RDF document.
type Decoder struct {
	opt Options
	err error // sticky

	p     *parser             // Turtle, TriG (and N-Triples, N-Quads in tests of the exact path)
	lines *lineDecoder        // N-Triples, N-Quads
	xml   knakk.TripleDecoder // RDF/XML
}

// NewDecoder returns a decoder that reads r in format f.
func NewDecoder(r io.Reader, f Format, opt Options) *Decoder {
	return newDecoder(r, f, opt, false)
}

// newDecoder is NewDecoder; exact = true reads N-Triples and N-Quads with the
// token parser alone, as the line reader's tests need.
func newDecoder(r io.Reader, f Format, opt Options, exact bool) *Decoder {
	d := &Decoder{opt: opt}
	if opt.Base != "" {
		if _, abs := iriScheme(opt.Base); !abs {
			d.err = &Error{Name: opt.Name, Msg: fmt.Sprintf("base %q is not an absolute IRI", opt.Base)}
			return d
		}
	}
	switch f {
	case NTriples, NQuads:
		if !exact {
			d.lines = newLineDecoder(r, f, opt)
			break
		}
		fallthrough
	case Turtle, TriG:
		d.p = &parser{lex: newLexer(r, opt.Name), format: f, base: opt.Base,
			prefixes: map[string]string{}, blank: opt.BlankPrefix}
		if err := d.p.advance(); err != nil {
			d.err = err
		}
	case RDFXML:
		d.xml = knakk.NewTripleDecoder(r, knakk.RDFXML)
		if opt.Base != "" {
			// RDF/XML resolves against its own xml:base, falling back to this one.
			if iri, err := knakk.NewIRI(opt.Base); err == nil {
				_ = d.xml.SetOption(knakk.Base, iri)
			}
		}
	default:
		d.err = fmt.Errorf("%s: %w: %v", nameOr(opt.Name), ErrUnsupported, f)
	}
	return d
}

func nameOr(s string) string {
	if s == "" {
		return "input"
	}
	return s
}

// Decode returns the next quad, or io.EOF after the last one. Quads of
// triple formats are in the default graph (G nil).
func (d *Decoder) Decode() (q rdf.Quad, err error) {
	if d.err != nil {
		return q, d.err
	}
	defer func() {
		if err != nil {
			d.err = err
		}
	}()
	switch {
	case d.lines != nil:
		return d.lines.next()
	case d.p != nil:
		return d.p.nextQuad()
	}
	return d.decodeXML()
}

// decodeXML reads the next triple of an RDF/XML document.
func (d *Decoder) decodeXML() (q rdf.Quad, err error) {
	defer func() {
		// The RDF/XML reader re-raises runtime panics on some bad input; no
		// input may crash the caller.
		if r := recover(); r != nil {
			err = &Error{Name: d.opt.Name, Msg: fmt.Sprintf("malformed RDF/XML (%v)", r)}
		}
	}()
	t, err := d.xml.Decode()
	if err == io.EOF {
		return q, io.EOF
	}
	if err != nil {
		return q, &Error{Name: d.opt.Name, Msg: err.Error()}
	}
	if q.S, err = d.xmlTerm(t.Subj); err != nil {
		return q, err
	}
	if q.P, err = d.xmlTerm(t.Pred); err != nil {
		return q, err
	}
	if q.O, err = d.xmlTerm(t.Obj); err != nil {
		return q, err
	}
	return q, nil
}

// DecodeAll reads the rest of the input.
func (d *Decoder) DecodeAll() ([]rdf.Quad, error) {
	var out []rdf.Quad
	for {
		q, err := d.Decode()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

func (d *Decoder) xmlTerm(t knakk.Term) (rdf.Term, error) {
	switch x := t.(type) {
	case knakk.IRI:
		return d.iri(x.String())
	case knakk.Blank:
		return rdf.BlankNode(d.opt.BlankPrefix + x.String()), nil
	case knakk.Literal:
		dt, err := d.iri(x.DataType.String())
		if err != nil {
			return nil, err
		}
		if x.Lang() != "" {
			return rdf.NewLangString(x.String(), x.Lang()), nil
		}
		return rdf.NewTyped(x.String(), dt.(rdf.IRI)), nil
	}
	return nil, &Error{Name: d.opt.Name, Msg: fmt.Sprintf("unexpected term %v", t)}
}

// iri resolves s against the base when it is relative.
func (d *Decoder) iri(s string) (rdf.Term, error) {
	if _, abs := iriScheme(s); !abs {
		if d.opt.Base == "" {
			return nil, &Error{Name: d.opt.Name, Msg: fmt.Sprintf("relative IRI <%s> and no base IRI", s)}
		}
		s = resolveIRI(d.opt.Base, s)
	}
	iri, err := rdf.NewIRI(s)
	if err != nil {
		return nil, &Error{Name: d.opt.Name, Msg: err.Error()}
	}
	return iri, nil
}

// ResolveIRI resolves the reference ref against the absolute IRI base, per
// RFC 3986 section 5.2, without escaping or normalising anything else.
func ResolveIRI(base, ref string) string { return resolveIRI(base, ref) }

// ReadAll reads every quad of r in format f.
func ReadAll(r io.Reader, f Format, opt Options) ([]rdf.Quad, error) {
	return NewDecoder(r, f, opt).DecodeAll()
}

// ReadFile reads an RDF file, choosing the format from its extension. The
// base IRI is the file's file:// URL.
func ReadFile(path string) ([]rdf.Quad, error) {
	return ReadFileWith(path, Options{})
}

// ReadFileWith is ReadFile with options; an empty opt.Name or opt.Base is
// filled from the path.
func ReadFileWith(path string, opt Options) ([]rdf.Quad, error) {
	f, ok := FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("%s: %w: unknown file extension", path, ErrUnsupported)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if opt.Name == "" {
		opt.Name = path
	}
	if opt.Base == "" {
		opt.Base = FileIRI(path)
	}
	return ReadAll(file, f, opt)
}

// FileIRI returns the file:// IRI of a local path.
func FileIRI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
