package rdfio

import (
	"os"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/fuzzseed"
)

// FuzzTurtle checks that no input makes the Turtle or TriG reader panic, and
// that whatever it accepts is a valid quad.
func FuzzTurtle(f *testing.F) {
	for _, seed := range []string{
		"@prefix ex: <http://ex.org/> .\nex:a ex:b [ ex:c ( 1 2.5 \"x\"@en ) ; ] .",
		"<g> { _:a <p> \"\"\"long\n\"\"\" . }\n{ <s> <p> <o> }",
		"BASE <http://a/b/>\nPREFIX : <c#>\n:x :y <../z> .",
		"_:b1 <p> '\\u00e9' .",
		"GRAPH <g> { <s> <p> <o> ; }",
	} {
		f.Add(seed)
	}
	for _, p := range fuzzseed.Files(f, "w3c/rdf11", ".ttl", ".trig", ".nt", ".nq") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, format := range []Format{Turtle, TriG, NTriples, NQuads} {
			qs, err := ReadAll(strings.NewReader(src), format, Options{Base: "http://base.example/"})
			if err != nil {
				continue
			}
			for _, q := range qs {
				if err := q.Valid(); err != nil {
					t.Fatalf("%v accepted an invalid quad %v: %v", format, q, err)
				}
			}
		}
	})
}

// FuzzRDFXML checks that no input makes the RDF/XML reader panic.
func FuzzRDFXML(f *testing.F) {
	f.Add(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
  <rdf:Description rdf:about="a"><ex:p xml:lang="en">x</ex:p><ex:q rdf:resource="#b"/>
  <ex:r rdf:parseType="Resource"><ex:s>1</ex:s></ex:r></rdf:Description>
</rdf:RDF>`)
	for _, p := range fuzzseed.Files(f, "w3c", ".rdf") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		qs, err := ReadAll(strings.NewReader(src), RDFXML, Options{Base: "http://base.example/"})
		if err != nil {
			return
		}
		for _, q := range qs {
			if err := q.Valid(); err != nil {
				t.Fatalf("accepted an invalid quad %v: %v", q, err)
			}
		}
	})
}
