// Package export writes docgraph's quads as RDF: Turtle, TriG, N-Triples,
// N-Quads, JSON-LD and RDF/XML. It serves `docgraph export`, the server's downloads
// and the results of SPARQL CONSTRUCT queries.
//
// Every writer is a streaming Encoder: quads go in one at a time through
// Encode, bytes go out through a buffered writer, and Close flushes. Memory
// does not grow with the graph, with two documented exceptions: the sorted
// N-Triples/N-Quads mode (which spills sorted runs to temporary files once
// Options.SortMemory is reached) and the triples of the subject being
// grouped (Turtle, TriG, JSON-LD and RDF/XML hold one subject's statements
// at a time).
// The first error (a failed write) is sticky: later calls return it and
// Close reports it.
//
//	Format    | graphs                  | grouping
//	----------|-------------------------|---------------------------------------
//	Turtle    | merged (names dropped)  | consecutive quads with one subject
//	TriG      | <g> { … } blocks        | consecutive quads with one graph+subject
//	N-Triples | merged (names dropped)  | one statement a line
//	N-Quads   | kept                    | one statement a line
//	JSON-LD   | merged (names dropped)  | one node object per subject run
//	RDF/XML   | merged (names dropped)  | one rdf:Description per subject run
//
// Output is deterministic: the same quads in the same order give the same
// bytes. Within one subject's run the statements are sorted (rdf:type first,
// then by predicate and object) and duplicates dropped. For the prettiest
// Turtle, TriG and JSON-LD, give the encoder its quads grouped by subject
// (for TriG by graph, then subject); a subject that comes back later is
// written again as a second block, which is still correct RDF. WriteStore
// reads a store graph by graph in that order; WriteAll encodes any sequence
// of quads as it comes.
//
// Turtle and TriG: the prefix table (Options.Prefixes, vocab.Prefixes by
// default) is declared first, in table order, whether or not a prefix is
// used, because a streaming writer cannot know in advance which ones will
// be; IRIs become prefixed names only where the local part is a plain
// PN_LOCAL needing no escapes (otherwise <IRI>); `a` stands for rdf:type;
// xsd:integer, xsd:decimal and xsd:boolean literals are written bare only
// when their lexical form is the canonical one (so "01"^^xsd:integer keeps
// its form); strings with line breaks are written as """long strings""".
//
// Blank node labels are written as they are when they are valid
// BLANK_NODE_LABELs that do not start with "x_"; any other label L is
// written as "x_" followed by the hex bytes of L, in every format, so that
// the output parses and distinct labels stay distinct.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Format is one of the RDF syntaxes export writes. The zero value is not a
// format.
type Format int

// The formats.
const (
	Turtle Format = iota + 1
	TriG
	NTriples
	NQuads
	JSONLD
	RDFXML
)

// Formats lists every format, in the order help texts show them.
var Formats = []Format{Turtle, TriG, NTriples, NQuads, JSONLD, RDFXML}

// Name returns the format's short name as ParseFormat accepts it ("turtle").
func (f Format) Name() string {
	switch f {
	case Turtle:
		return "turtle"
	case TriG:
		return "trig"
	case NTriples:
		return "ntriples"
	case NQuads:
		return "nquads"
	case JSONLD:
		return "jsonld"
	case RDFXML:
		return "rdfxml"
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// String returns Name.
func (f Format) String() string { return f.Name() }

// MediaType returns the format's registered media type, without parameters.
func (f Format) MediaType() string {
	switch f {
	case Turtle:
		return "text/turtle"
	case TriG:
		return "application/trig"
	case NTriples:
		return "application/n-triples"
	case NQuads:
		return "application/n-quads"
	case JSONLD:
		return "application/ld+json"
	case RDFXML:
		return "application/rdf+xml"
	}
	return ""
}

// Ext returns the usual file extension, with the dot (".ttl").
func (f Format) Ext() string {
	switch f {
	case Turtle:
		return ".ttl"
	case TriG:
		return ".trig"
	case NTriples:
		return ".nt"
	case NQuads:
		return ".nq"
	case JSONLD:
		return ".jsonld"
	case RDFXML:
		return ".rdf"
	}
	return ""
}

// KeepsGraphs reports whether the format carries graph names (TriG, N-Quads).
// The other formats merge all graphs into one.
func (f Format) KeepsGraphs() bool { return f == TriG || f == NQuads }

// ParseFormat returns the format for a name: "turtle"/"ttl", "trig",
// "ntriples"/"nt", "nquads"/"nq", "jsonld"/"json-ld", "rdfxml"/"rdf/xml"/
// "xml" (any case).
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "turtle", "ttl":
		return Turtle, nil
	case "trig":
		return TriG, nil
	case "ntriples", "nt", "n-triples":
		return NTriples, nil
	case "nquads", "nq", "n-quads":
		return NQuads, nil
	case "jsonld", "json-ld":
		return JSONLD, nil
	case "rdfxml", "rdf/xml", "rdf-xml", "xml":
		return RDFXML, nil
	}
	return 0, fmt.Errorf("export: unknown format %q (want %s)", name, FormatNames())
}

// FormatNames lists the formats' names for messages: "turtle, trig, …, or rdfxml".
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name()
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Extensions lists the file extensions FormatForExt knows, with their
// formats, for messages: ".ttl (turtle), .trig (trig), …".
func Extensions() string {
	var parts []string
	for _, e := range []string{".ttl", ".trig", ".nt", ".nq", ".jsonld", ".json", ".rdf", ".owl", ".xml"} {
		f, _ := FormatForExt(e)
		parts = append(parts, e+" ("+f.Name()+")")
	}
	return strings.Join(parts, ", ")
}

// FormatForExt returns the format of a file extension, with or without the
// dot (".ttl", "nq", ".json"); ok is false for an unknown extension.
func FormatForExt(ext string) (f Format, ok bool) {
	switch strings.ToLower(strings.TrimPrefix(ext, ".")) {
	case "ttl", "turtle":
		return Turtle, true
	case "trig":
		return TriG, true
	case "nt":
		return NTriples, true
	case "nq":
		return NQuads, true
	case "jsonld", "json":
		return JSONLD, true
	case "rdf", "owl", "xml":
		return RDFXML, true
	}
	return 0, false
}

// FormatForMediaType returns the format of a media type; parameters
// ("; charset=utf-8") and case are ignored, and the older Turtle and
// N-Triples types (application/x-turtle, text/plain) are accepted.
func FormatForMediaType(mediaType string) (f Format, ok bool) {
	mt, _, _ := strings.Cut(mediaType, ";")
	switch strings.ToLower(strings.TrimSpace(mt)) {
	case "text/turtle", "application/x-turtle", "application/turtle":
		return Turtle, true
	case "application/trig", "application/x-trig":
		return TriG, true
	case "application/n-triples", "text/plain":
		return NTriples, true
	case "application/n-quads", "text/x-nquads":
		return NQuads, true
	case "application/ld+json", "application/json":
		return JSONLD, true
	case "application/rdf+xml":
		return RDFXML, true
	}
	return 0, false
}

// Options tune an Encoder. The zero value is ready to use.
type Options struct {
	// Prefixes are declared in Turtle and TriG and put in the JSON-LD
	// @context. Nil means vocab.Prefixes; an empty non-nil slice means none.
	// Entries Turtle cannot declare (a name that is not a PN_PREFIX, an
	// IRI that is not absolute, a repeated name) are skipped there.
	// N-Triples and N-Quads ignore them. A prefix for the store's base
	// (say {"doc", base + "doc/"}) shortens minted IRIs.
	Prefixes []vocab.Prefix

	// Base, when set, is declared with @base in Turtle and TriG, and IRIs
	// under it are written relative to it where that is unambiguous. It
	// must be an absolute IRI ending in "/" with no query or fragment;
	// otherwise it is ignored. The other formats write absolute IRIs only
	// (JSON-LD readers disagree on resolving non-ASCII relative IRIs).
	Base string

	// Sorted makes N-Triples and N-Quads output canonical: lines in byte
	// order with duplicates dropped (for N-Triples this also drops a triple
	// that several graphs hold). Sorting holds up to SortMemory bytes of
	// lines in memory and spills sorted runs to temporary files beyond that,
	// merging them in Close. Without Sorted, lines come out in input order
	// and a triple held by several graphs is written once per graph in
	// N-Triples (parsers read the repeats as one triple). Other formats
	// ignore Sorted.
	Sorted bool

	// SortMemory is the number of bytes of lines sorted in memory before a
	// run is spilled to a temporary file (default 64 MiB).
	SortMemory int

	// TempDir is where sorted runs are spilled ("" = os.TempDir()).
	TempDir string

	// Graph, when not nil, keeps only the quads of that named graph; the
	// others are skipped without error. TriG and N-Quads still name the
	// graph; Turtle, N-Triples and JSON-LD write its triples alone.
	Graph rdf.Term
}

func (o Options) prefixes() []vocab.Prefix {
	if o.Prefixes == nil {
		return vocab.Prefixes
	}
	return o.Prefixes
}

// Encoder writes quads in one format.
type Encoder interface {
	// Encode writes one quad (or, for grouping formats, queues it until the
	// subject changes). A quad whose terms cannot stand in their positions
	// is rejected with an error and nothing is written for it; the encoder
	// stays usable. A write error is sticky.
	Encode(q rdf.Quad) error
	// Close writes what is pending and the format's trailer, flushes, and
	// returns the first error met. It does not close the underlying writer.
	Close() error
}

// ErrClosed is returned by Encode after Close.
var ErrClosed = errors.New("export: encoder is closed")

// NewEncoder returns an encoder that writes format f to w.
func NewEncoder(w io.Writer, f Format, opt Options) Encoder {
	switch f {
	case Turtle, TriG:
		return newTurtleEncoder(w, f == TriG, opt)
	case NTriples, NQuads:
		return newLineEncoder(w, f == NQuads, opt)
	case JSONLD:
		return newJSONLDEncoder(w, opt)
	case RDFXML:
		return newRDFXMLEncoder(w, opt)
	}
	return badEncoder{fmt.Errorf("export: unknown format %v", f)}
}

type badEncoder struct{ err error }

func (b badEncoder) Encode(rdf.Quad) error { return b.err }
func (b badEncoder) Close() error          { return b.err }

// WriteAll encodes every quad of quads to w in format f and closes the
// encoder. It stops at the first error from quads, from the encoder, or
// from ctx (checked every 1024 quads).
func WriteAll(ctx context.Context, w io.Writer, f Format, opt Options, quads iter.Seq2[rdf.Quad, error]) error {
	enc := NewEncoder(w, f, opt)
	n := 0
	for q, err := range quads {
		if err != nil {
			enc.Close()
			return err
		}
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				enc.Close()
				return err
			}
		}
		if err := enc.Encode(q); err != nil {
			enc.Close()
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		enc.Close()
		return err
	}
	return enc.Close()
}

// keep reports whether q passes the Graph filter.
func (o Options) keep(q rdf.Quad) bool {
	return o.Graph == nil || q.G == o.Graph
}

// checkQuad validates the quad's positions and its literal.
func checkQuad(q rdf.Quad) error {
	if err := q.Valid(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if l, ok := q.O.(rdf.Literal); ok && l.Lang != "" && !validLangTag(l.Lang) {
		return fmt.Errorf("export: literal %s has an invalid language tag", l.String())
	}
	return nil
}

// validLangTag checks the LANGTAG production: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangTag(s string) bool {
	part, first := 0, true // length of the current subtag; in the first one
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if part == 0 {
				return false
			}
			part, first = 0, false
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', !first && c >= '0' && c <= '9':
			part++
		default:
			return false
		}
	}
	return part > 0
}
