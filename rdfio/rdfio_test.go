package rdfio

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

func TestTurtleKeepsLexicalForms(t *testing.T) {
	src := `@prefix ex: <http://ex.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:int 01 ; ex:dec 1.50 ; ex:dbl 1.0E0 ; ex:bool true ;
     ex:typed "0010"^^xsd:integer ; ex:lang "Chat"@FR ; ex:s "a\"b\u00e9" ;
     ex:rel <sub/x#frag> ; ex:bn _:n1 .
_:n1 ex:p [ ex:q ex:b ] .
`
	qs, err := ReadAll(strings.NewReader(src), Turtle, Options{Name: "t.ttl", Base: "http://base.org/dir/doc", BlankPrefix: "f1_"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, q := range qs {
		got[q.String()] = true
	}
	xsd := "http://www.w3.org/2001/XMLSchema#"
	want := []string{
		`<http://ex.org/a> <http://ex.org/int> "01"^^<` + xsd + `integer> .`,
		`<http://ex.org/a> <http://ex.org/dec> "1.50"^^<` + xsd + `decimal> .`,
		`<http://ex.org/a> <http://ex.org/dbl> "1.0E0"^^<` + xsd + `double> .`,
		`<http://ex.org/a> <http://ex.org/bool> "true"^^<` + xsd + `boolean> .`,
		`<http://ex.org/a> <http://ex.org/typed> "0010"^^<` + xsd + `integer> .`,
		`<http://ex.org/a> <http://ex.org/lang> "Chat"@fr .`,
		`<http://ex.org/a> <http://ex.org/s> "a\"bé" .`,
		`<http://ex.org/a> <http://ex.org/rel> <http://base.org/dir/sub/x#frag> .`,
		`<http://ex.org/a> <http://ex.org/bn> _:f1_n1 .`,
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %s\ngot %v", w, qs)
		}
	}
	if len(qs) != 11 {
		t.Errorf("got %d quads, want 11", len(qs))
	}
}

func TestNQuadsGraphs(t *testing.T) {
	src := "<http://a> <http://p> \"x\" <http://g> .\n<http://a> <http://p> _:b .\n"
	qs, err := ReadAll(strings.NewReader(src), NQuads, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].G != rdf.IRI("http://g") || qs[1].G != nil {
		t.Fatalf("got %v", qs)
	}
}

func TestRDFXML(t *testing.T) {
	src := `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
  <rdf:Description rdf:about="http://ex.org/a">
    <ex:p xml:lang="en">hello</ex:p>
    <ex:n rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">007</ex:n>
  </rdf:Description>
</rdf:RDF>`
	qs, err := ReadAll(strings.NewReader(src), RDFXML, Options{Base: "http://ex.org/"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		`<http://ex.org/a> <http://ex.org/p> "hello"@en .`:                                        true,
		`<http://ex.org/a> <http://ex.org/n> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .`: true,
	}
	if len(qs) != 2 {
		t.Fatalf("got %v", qs)
	}
	for _, q := range qs {
		if !want[q.String()] {
			t.Errorf("unexpected %s", q)
		}
	}
}

func TestErrorsNamePosition(t *testing.T) {
	tests := []struct {
		name, src string
		f         Format
		want      string
	}{
		{"bad iri", "<http://a> <http://p>\n  <http://b c> .", Turtle, "bad.ttl:2:"},
		{"missing prefix", "<http://a> <http://p> nope:x .", Turtle, "bad.ttl:"},
		{"nt garbage", "<http://a> <http://p> .\n", NTriples, "bad.ttl:"},
		{"relative without base", "<a> <http://p> <http://b> .", Turtle, "relative IRI <a>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.src), tt.f, Options{Name: "bad.ttl"})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not *rdfio.Error", err)
			}
		})
	}
}

func TestDecoderStreamsAndEOF(t *testing.T) {
	d := NewDecoder(strings.NewReader("<http://a> <http://p> <http://b> .\n"), NTriples, Options{})
	if _, err := d.Decode(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := d.Decode(); err != io.EOF {
			t.Fatalf("got %v, want io.EOF", err)
		}
	}
	if _, err := ReadAll(strings.NewReader(""), TriG, Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("TriG: got %v, want ErrUnsupported", err)
	}
}

func TestTurtleTrailingSemicolonInPropertyList(t *testing.T) {
	src := "<http://a> <http://p> [ <http://q> \"x;]\" ; # c;\n ; ] .\n<http://b> <http://p> <http://c> ;\n."
	qs, err := ReadAll(strings.NewReader(src), Turtle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 {
		t.Fatalf("got %d quads, want 3: %v", len(qs), qs)
	}
	if l, ok := qs[1].O.(rdf.Literal); !ok || l.Lexical != "x;]" {
		t.Errorf("string with ';]' changed: %v", qs[1].O)
	}
}
