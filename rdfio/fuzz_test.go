package rdfio

import (
	"strings"
	"testing"
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
