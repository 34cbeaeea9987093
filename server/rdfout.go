package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// rdfFormat is an RDF syntax the server answers in: one of export's
// formats, or RDF/XML, which the server writes itself.
type rdfFormat struct {
	mediaType string
	ext       string
	exp       export.Format // 0 for RDF/XML
}

var (
	fmtTurtle   = rdfFormat{"text/turtle", ".ttl", export.Turtle}
	fmtJSONLD   = rdfFormat{"application/ld+json", ".jsonld", export.JSONLD}
	fmtNTriples = rdfFormat{"application/n-triples", ".nt", export.NTriples}
	fmtRDFXML   = rdfFormat{"application/rdf+xml", ".rdf", 0}
	fmtNQuads   = rdfFormat{"application/n-quads", ".nq", export.NQuads}
	fmtTriG     = rdfFormat{"application/trig", ".trig", export.TriG}
)

// describeFormats are the syntaxes of an entity's description, in the
// server's order of preference.
var describeFormats = []rdfFormat{fmtTurtle, fmtJSONLD, fmtNTriples, fmtRDFXML}

// graphFormats add the syntaxes that keep graph names, for documents and downloads.
var graphFormats = []rdfFormat{fmtTurtle, fmtJSONLD, fmtNTriples, fmtRDFXML, fmtNQuads, fmtTriG}

func formatByExt(list []rdfFormat, ext string) (rdfFormat, bool) {
	for _, f := range list {
		if f.ext == ext {
			return f, true
		}
	}
	return rdfFormat{}, false
}

func formatByType(list []rdfFormat, mt string) (rdfFormat, bool) {
	for _, f := range list {
		if f.mediaType == mt {
			return f, true
		}
	}
	return rdfFormat{}, false
}

func mediaTypes(list []rdfFormat) []string {
	out := make([]string, len(list))
	for i, f := range list {
		out[i] = f.mediaType
	}
	return out
}

// contentType returns the Content-Type header value of a format.
func (f rdfFormat) contentType() string {
	switch f.mediaType {
	case "application/ld+json", "application/rdf+xml":
		return f.mediaType
	}
	return f.mediaType + "; charset=utf-8"
}

// keepsGraphs reports whether the format writes graph names.
func (f rdfFormat) keepsGraphs() bool { return f.exp != 0 && f.exp.KeepsGraphs() }

// serverPrefixes extends the shared prefix table with the vocabularies of
// the dataset and service descriptions.
var serverPrefixes = append(slices.Clone(vocab.Prefixes),
	vocab.Prefix{Name: "void", IRI: nsVoID},
	vocab.Prefix{Name: "dcat", IRI: nsDCAT},
	vocab.Prefix{Name: "sd", IRI: nsSD},
	vocab.Prefix{Name: "foaf", IRI: nsFOAF},
)

// prepare orders quads for a grouping writer: for formats without graphs,
// graph names are dropped and repeated triples removed; then quads are
// sorted by graph and subject so each subject is written once.
func prepare(quads []rdf.Quad, f rdfFormat) []rdf.Quad {
	out := slices.Clone(quads)
	if !f.keepsGraphs() {
		for i := range out {
			out[i].G = nil
		}
	}
	slices.SortFunc(out, rdf.CompareQuads)
	return slices.Compact(out)
}

// writeRDF writes quads in format f.
func writeRDF(ctx context.Context, w io.Writer, f rdfFormat, quads []rdf.Quad, prefixes []vocab.Prefix) error {
	quads = prepare(quads, f)
	if f.exp == 0 {
		return writeRDFXML(w, quads, prefixes)
	}
	seq := func(yield func(rdf.Quad, error) bool) {
		for _, q := range quads {
			if !yield(q, nil) {
				return
			}
		}
	}
	return export.WriteAll(ctx, w, f.exp, export.Options{Prefixes: prefixes}, seq)
}

// writeRDFXML writes triples (graph names ignored) as RDF/XML
// (https://www.w3.org/TR/rdf-syntax-grammar/): one rdf:Description per
// subject, predicates as qualified names. A predicate IRI that cannot be
// split into a namespace and an XML name is an error, since RDF/XML cannot
// express it; docgraph's own vocabulary never produces one.
func writeRDFXML(w io.Writer, quads []rdf.Quad, prefixes []vocab.Prefix) error {
	bw := bufio.NewWriter(w)
	ns := map[string]string{} // namespace IRI -> prefix
	var order []string
	declare := func(iri string) (string, error) {
		if p, ok := ns[iri]; ok {
			return p, nil
		}
		name := ""
		for _, p := range prefixes {
			if p.IRI == iri {
				name = p.Name
			}
		}
		if name == "" || name == "xml" {
			name = fmt.Sprintf("ns%d", len(order)+1)
		}
		ns[iri] = name
		order = append(order, iri)
		return name, nil
	}
	ns[vocab.RDF] = "rdf"
	order = append(order, vocab.RDF)
	qnames := map[rdf.IRI]string{}
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if _, ok := qnames[p]; ok {
			continue
		}
		nsIRI, local, ok := splitQName(string(p))
		if !ok {
			return fmt.Errorf("rdf/xml: predicate %s cannot be written as an XML qualified name", p)
		}
		pre, _ := declare(nsIRI)
		qnames[p] = pre + ":" + local
	}
	bw.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF")
	for _, iri := range order {
		fmt.Fprintf(bw, "\n    xmlns:%s=\"%s\"", ns[iri], xmlEscape(iri, true))
	}
	bw.WriteString(">\n")
	var cur rdf.Term
	for _, q := range quads {
		if cur == nil || q.S != cur {
			if cur != nil {
				bw.WriteString("  </rdf:Description>\n")
			}
			cur = q.S
			switch s := q.S.(type) {
			case rdf.IRI:
				fmt.Fprintf(bw, "  <rdf:Description rdf:about=\"%s\">\n", xmlEscape(string(s), true))
			case rdf.BlankNode:
				fmt.Fprintf(bw, "  <rdf:Description rdf:nodeID=\"%s\">\n", nodeID(s))
			}
		}
		qn := qnames[q.P.(rdf.IRI)]
		switch o := q.O.(type) {
		case rdf.IRI:
			fmt.Fprintf(bw, "    <%s rdf:resource=\"%s\"/>\n", qn, xmlEscape(string(o), true))
		case rdf.BlankNode:
			fmt.Fprintf(bw, "    <%s rdf:nodeID=\"%s\"/>\n", qn, nodeID(o))
		case rdf.Literal:
			attr := ""
			switch {
			case o.Lang != "":
				attr = fmt.Sprintf(" xml:lang=\"%s\"", xmlEscape(o.Lang, true))
			case o.Datatype != "" && o.Datatype != vocab.XSDString:
				attr = fmt.Sprintf(" rdf:datatype=\"%s\"", xmlEscape(string(o.Datatype), true))
			}
			fmt.Fprintf(bw, "    <%s%s>%s</%s>\n", qn, attr, xmlEscape(o.Lexical, false), qn)
		}
	}
	if cur != nil {
		bw.WriteString("  </rdf:Description>\n")
	}
	bw.WriteString("</rdf:RDF>\n")
	return bw.Flush()
}

// splitQName splits an IRI into a namespace and a local part that is an XML
// NCName, taking the longest such local part.
func splitQName(iri string) (nsIRI, local string, ok bool) {
	i := len(iri)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(iri[:i])
		if !isNameChar(r) {
			break
		}
		i -= n
	}
	// The local part must start with a name start character.
	for i < len(iri) {
		r, n := utf8.DecodeRuneInString(iri[i:])
		if isNameStart(r) {
			break
		}
		i += n
	}
	if i == 0 || i >= len(iri) {
		return "", "", false
	}
	return iri[:i], iri[i:], true
}

func isNameStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r)
}

func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r == '.' || unicode.IsDigit(r) || r == 0xB7
}

// nodeID makes a blank node label a valid XML name.
func nodeID(b rdf.BlankNode) string {
	var sb strings.Builder
	sb.WriteString("b")
	for _, r := range string(b) {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			sb.WriteRune(r)
		} else {
			fmt.Fprintf(&sb, "_%x", r)
		}
	}
	return sb.String()
}

// xmlEscape escapes text for XML content, or for an attribute value.
// Characters XML 1.0 cannot carry are dropped.
func xmlEscape(s string, attr bool) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '"' && attr:
			sb.WriteString("&quot;")
		case r == '\r':
			sb.WriteString("&#13;")
		case (r == '\n' || r == '\t') && attr:
			fmt.Fprintf(&sb, "&#%d;", r)
		case r == '\n' || r == '\t':
			sb.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
