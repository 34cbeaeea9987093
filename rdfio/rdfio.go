// Package rdfio reads RDF files into docgraph's term model: Turtle,
// N-Triples, N-Quads and RDF/XML, through github.com/knakk/rdf.
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
//	TriG      | .trig          | yes (graph blocks read as Turtle)
//
// Decoder follows the io idioms: Decode returns io.EOF after the last quad.
// N-Triples and N-Quads stream line by line; Turtle and TriG documents are
// read into memory first (see turtle.go for the rewriting that needs the
// whole text), and their quads are then produced one at a time.
package rdfio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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
	opt    Options
	base   *url.URL
	triple knakk.TripleDecoder
	quad   *knakk.QuadDecoder
	err    error // sticky

	// Turtle and TriG: the prepared document and the part being read.
	doc   *prepared
	part  int
	graph rdf.Term // graph of the current part
}

// NewDecoder returns a decoder that reads r in format f.
func NewDecoder(r io.Reader, f Format, opt Options) *Decoder {
	d := &Decoder{opt: opt}
	if opt.Base != "" {
		u, err := url.Parse(opt.Base)
		if err != nil || !u.IsAbs() {
			d.err = &Error{Name: opt.Name, Msg: fmt.Sprintf("base %q is not an absolute IRI", opt.Base)}
			return d
		}
		d.base = u
	}
	switch f {
	case Turtle, TriG:
		src, err := io.ReadAll(r)
		if err != nil {
			d.err = fmt.Errorf("%s: %w", nameOr(opt.Name), err)
			return d
		}
		if d.doc, err = prepare(src, opt.Base, f == TriG); err != nil {
			d.err = d.named(err)
			return d
		}
		d.part = -1
	case NTriples:
		d.triple = knakk.NewTripleDecoder(r, knakk.NTriples)
	case RDFXML:
		d.triple = knakk.NewTripleDecoder(r, knakk.RDFXML)
		if opt.Base != "" {
			// RDF/XML resolves against its own xml:base, falling back to this one.
			if iri, err := knakk.NewIRI(opt.Base); err == nil {
				_ = d.triple.SetOption(knakk.Base, iri)
			}
		}
	case NQuads:
		d.quad = knakk.NewQuadDecoder(r, knakk.NQuads)
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
		// The underlying readers re-raise some runtime panics on bad input;
		// no input may crash the caller.
		if r := recover(); r != nil {
			err = &Error{Name: d.opt.Name, Msg: fmt.Sprintf("malformed input (%v)", r)}
			d.err = err
		}
		if err != nil && err != io.EOF {
			d.err = err
		}
	}()
	var kq knakk.Quad
	for {
		if d.doc != nil && d.triple == nil {
			if err := d.nextPart(); err != nil {
				return q, err
			}
		}
		if d.quad != nil {
			kq, err = d.quad.Decode()
		} else {
			kq.Triple, err = d.triple.Decode()
		}
		if err == io.EOF && d.doc != nil && d.part+1 < len(d.doc.parts) {
			d.triple = nil
			continue
		}
		break
	}
	if err == io.EOF {
		d.err = io.EOF
		return q, io.EOF
	}
	if err != nil {
		return q, d.wrap(err)
	}
	if q.S, err = d.term(kq.Subj); err != nil {
		return q, err
	}
	if q.P, err = d.term(kq.Pred); err != nil {
		return q, err
	}
	if q.O, err = d.term(kq.Obj); err != nil {
		return q, err
	}
	q.G = d.graph
	if kq.Ctx != nil && d.quad != nil {
		if b, ok := kq.Ctx.(knakk.Blank); ok && b.String() == "defaultGraph" && b == d.quad.DefaultGraph {
			return q, nil
		}
		if q.G, err = d.term(kq.Ctx); err != nil {
			return q, err
		}
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

var posRE = regexp.MustCompile(`^(\d+):(\d+):? ?`)

// wrap turns a knakk error ("12:4: syntax error: ...") into an *Error.
func (d *Decoder) wrap(err error) error {
	msg := err.Error()
	e := &Error{Name: d.opt.Name}
	if m := posRE.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Col, _ = strconv.Atoi(m[2])
		msg = msg[len(m[0]):]
	}
	e.Msg = tokRE.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(tokRE.FindStringSubmatch(m)[1])
		if n >= 0 && n < len(tokenNames) {
			return "unexpected " + tokenNames[n] + " as"
		}
		return m
	})
	return e
}

var tokRE = regexp.MustCompile(`unexpected (\d+) as`)

// tokenNames names the underlying lexer's token types, in its order.
var tokenNames = []string{"end of input", "end of line", "illegal token", "IRI", "relative IRI",
	"blank node", "literal", "literal", "integer", "double", "decimal", "boolean", "'@'",
	"language tag", "'^^'", "'.'", "';'", "','", "'a'", "@prefix", "prefix label", "local name",
	"@base", "PREFIX", "BASE", "'[]'", "'['", "']'", "'('", "')'"}

// nextPart starts reading the next part of a Turtle or TriG document.
func (d *Decoder) nextPart() error {
	d.part++
	p := d.doc.parts[d.part]
	d.graph = nil
	if p.label != "" {
		// Read the label through the Turtle reader, so that prefixed names,
		// IRIs and blank nodes mean what they mean in the document.
		lq := knakk.NewTripleDecoder(strings.NewReader(p.dirs+"\n"+p.label+" <urn:x:p> <urn:x:o> ."), knakk.Turtle)
		t, err := lq.Decode()
		if err != nil {
			return d.named(fmt.Errorf("graph label %s: %v", p.label, posRE.ReplaceAllString(err.Error(), "")))
		}
		if d.graph, err = d.term(t.Subj); err != nil {
			return err
		}
	}
	d.triple = knakk.NewTripleDecoder(bytes.NewReader(p.text), knakk.Turtle)
	return nil
}

// named puts the input's name on an *Error that lacks one.
func (d *Decoder) named(err error) error {
	if e, ok := err.(*Error); ok {
		if e.Name == "" {
			e.Name = d.opt.Name
		}
		return e
	}
	return &Error{Name: d.opt.Name, Msg: err.Error()}
}

func (d *Decoder) term(t knakk.Term) (rdf.Term, error) {
	switch x := t.(type) {
	case knakk.IRI:
		return d.iri(x.String())
	case knakk.Blank:
		label := x.String()
		if d.doc != nil {
			if strings.HasPrefix(label, "u") {
				label = label[1:] // written in the document (see prepare)
			} else {
				label = d.doc.anonPrefix + strconv.Itoa(d.part) + "_" + label
			}
		}
		return rdf.BlankNode(d.opt.BlankPrefix + label), nil
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
	if iri, err := rdf.NewIRI(s); err == nil {
		return iri, nil
	}
	if d.base == nil {
		return nil, &Error{Name: d.opt.Name, Msg: fmt.Sprintf("relative IRI <%s> and no base IRI", s)}
	}
	iri, err := rdf.NewIRI(ResolveIRI(d.opt.Base, s))
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
