package server

import (
	"context"
	"io"
	"slices"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// rdfFormat is an RDF syntax the server answers in, one of export's.
type rdfFormat struct {
	mediaType string
	ext       string
	exp       export.Format
}

var (
	fmtTurtle   = rdfFormat{"text/turtle", ".ttl", export.Turtle}
	fmtJSONLD   = rdfFormat{"application/ld+json", ".jsonld", export.JSONLD}
	fmtNTriples = rdfFormat{"application/n-triples", ".nt", export.NTriples}
	fmtRDFXML   = rdfFormat{"application/rdf+xml", ".rdf", export.RDFXML}
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
func (f rdfFormat) keepsGraphs() bool { return f.exp.KeepsGraphs() }

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
	if f.exp == export.RDFXML {
		prefixes = usedPrefixes(quads, prefixes)
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

// usedPrefixes keeps the prefixes whose namespace is a predicate's, in
// order of first use, so that a small RDF/XML description declares only
// the namespaces it needs.
func usedPrefixes(quads []rdf.Quad, prefixes []vocab.Prefix) []vocab.Prefix {
	out := []vocab.Prefix{}
	seen := map[string]bool{} // namespaces
	for _, q := range quads {
		p, ok := q.P.(rdf.IRI)
		if !ok {
			continue
		}
		ns, _, ok := export.SplitQName(string(p))
		if !ok || seen[ns] {
			continue
		}
		seen[ns] = true
		for _, pre := range prefixes {
			if pre.IRI == ns {
				out = append(out, pre)
				break
			}
		}
	}
	return out
}
