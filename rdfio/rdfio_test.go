package rdfio

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

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
		{"directive in a block", "<http://g> {\n  @prefix ex: <http://ex/> .\n}", TriG, "bad.ttl:2:3: unexpected @prefix, want a subject"},
		{"missing dot", "<http://a> <http://p> 1\n<http://b> <http://p> 2 .", Turtle, "bad.ttl:2:1: unexpected IRI <http://b>, want '.'"},
		{"unclosed string", "<http://a> <http://p> \"abc .\n", Turtle, "bad.ttl:1:23: line break in a short string"},
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
	if _, err := ReadAll(strings.NewReader(""), Format(99), Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("unknown format: got %v, want ErrUnsupported", err)
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
	found := false
	for _, q := range qs {
		if l, ok := q.O.(rdf.Literal); ok && l.Lexical == "x;]" {
			found = true
		}
	}
	if !found {
		t.Errorf("string with ';]' changed: %v", qs)
	}
}

func TestTriG(t *testing.T) {
	src := `@prefix ex: <http://ex.org/> .
# a comment with { braces }
ex:a ex:p _:shared .
ex:g1 { ex:a ex:p "in g1" ; ex:q [ ex:r 1 ] , _:shared . }
GRAPH <g2> {
  _:shared ex:p "in g2 {not a brace}" .
  ex:b ex:q [ ex:r 2 ] ; .
}
{ ex:c ex:p ex:d }
_:bg { ex:e ex:p ex:f }
`
	qs, err := ReadAll(strings.NewReader(src), TriG, Options{Name: "t.trig", Base: "http://base.org/"})
	if err != nil {
		t.Fatal(err)
	}
	byGraph := map[string][]rdf.Quad{}
	for _, q := range qs {
		g := "default"
		if q.G != nil {
			g = q.G.String()
		}
		byGraph[g] = append(byGraph[g], q)
	}
	if n := len(byGraph["default"]); n != 2 {
		t.Errorf("default graph has %d triples, want 2: %v", n, byGraph["default"])
	}
	if n := len(byGraph["<http://ex.org/g1>"]); n != 4 {
		t.Errorf("ex:g1 has %d triples, want 4", n)
	}
	if n := len(byGraph["<http://base.org/g2>"]); n != 3 {
		t.Errorf("<g2> has %d triples, want 3 (relative label resolved): %v", n, byGraph)
	}
	if n := len(byGraph["_:bg"]); n != 1 {
		t.Errorf("_:bg has %d triples, want 1", n)
	}
	// _:shared is one node across graphs; the [] nodes of different blocks differ.
	var shared []rdf.Term
	anon := map[rdf.Term]bool{}
	for _, q := range qs {
		if q.O == rdf.BlankNode("shared") || q.S == rdf.BlankNode("shared") {
			shared = append(shared, q.G)
		}
		if q.P == rdf.IRI("http://ex.org/r") {
			anon[q.S] = true
		}
	}
	if len(shared) != 3 {
		t.Errorf("_:shared appears in %d quads, want 3", len(shared))
	}
	if len(anon) != 2 {
		t.Errorf("[] nodes of two blocks: %d distinct, want 2", len(anon))
	}
}

func TestTurtleAnonymousAndLabelledBlankNodesDiffer(t *testing.T) {
	// The reader underneath names [] b1, b2...; a label b1 must stay apart.
	src := "<http://a> <http://p> [ <http://q> 1 ] , _:b1 .\n_:b1 <http://q> 2 ."
	qs, err := ReadAll(strings.NewReader(src), Turtle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[rdf.Term]bool{}
	for _, q := range qs {
		if b, ok := q.S.(rdf.BlankNode); ok {
			nodes[b] = true
		}
	}
	if len(nodes) != 2 || !nodes[rdf.BlankNode("b1")] {
		t.Errorf("blank subjects %v, want _:b1 and a different node", nodes)
	}
}

func TestTurtleBaseDirectives(t *testing.T) {
	src := "@base <http://a/b/c/d;p?q> .\n<../g> <p> <#f> .\nBASE <http://x/y/>\n@prefix r: <rel/> .\nr:z <p> <..> ."
	qs, err := ReadAll(strings.NewReader(src), Turtle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"<http://a/b/g> <http://a/b/c/p> <http://a/b/c/d;p?q#f> .",
		"<http://x/y/rel/z> <http://x/y/p> <http://x/> .",
	}
	for i, q := range qs {
		if q.String() != want[i] {
			t.Errorf("got %s, want %s", q, want[i])
		}
	}
}

func TestTriGErrorLines(t *testing.T) {
	src := "@prefix ex: <http://ex.org/> .\nex:g {\n  ex:a ex:p ex:b .\n  ex:a ex:p \"open .\n}\n"
	_, err := ReadAll(strings.NewReader(src), TriG, Options{Name: "bad.trig"})
	if err == nil || !strings.Contains(err.Error(), "bad.trig:4:") {
		t.Errorf("error %v, want one at bad.trig:4", err)
	}
}

// bigTurtle is a document of n statements with long strings, IRIs and
// numbers, so that tokens straddle the reader's chunks.
func bigTurtle(n int) string {
	var sb strings.Builder
	sb.WriteString("@prefix ex: <http://example.org/> .\n")
	for i := range n {
		fmt.Fprintf(&sb, "ex:s%d ex:p \"%s\"@en , %d.5e1 , [ ex:q <http://example.org/long/%s> ] ; ex:r _:b%d .\n",
			i, strings.Repeat("é", i%300), i, strings.Repeat("x", i%500), i%7)
	}
	return sb.String()
}

func TestStreamingWindow(t *testing.T) {
	src := bigTurtle(3000) // several reads of the chunk size
	if len(src) < 4*readChunk {
		t.Fatalf("test document too small: %d bytes", len(src))
	}
	whole, err := ReadAll(strings.NewReader(src), Turtle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]io.Reader{
		"one byte at a time": iotest.OneByteReader(strings.NewReader(src)),
		"half reads":         iotest.HalfReader(strings.NewReader(src)),
	} {
		got, err := ReadAll(r, Turtle, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(whole) {
			t.Fatalf("%s: %d quads, want %d", name, len(got), len(whole))
		}
		for i := range got {
			if got[i] != whole[i] {
				t.Fatalf("%s: quad %d is %v, want %v", name, i, got[i], whole[i])
			}
		}
	}
	if len(whole) != 3000*5 {
		t.Errorf("%d quads, want %d", len(whole), 3000*5)
	}
	_, err = ReadAll(iotest.TimeoutReader(strings.NewReader(src)), Turtle, Options{Name: "slow.ttl"})
	if err == nil || !strings.Contains(err.Error(), "slow.ttl:") {
		t.Errorf("read error: %v, want one naming the input", err)
	}
}

func TestGeneratedLabelsNeverMeetWrittenOnes(t *testing.T) {
	src := "_:genid1 <http://p> [ <http://q> _:genidx ] ."
	qs, err := ReadAll(strings.NewReader(src), Turtle, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"_:genid1 <http://q> _:genidux .",
		"_:genidu1 <http://p> _:genid1 .",
	}
	for i, q := range qs {
		if q.String() != want[i] {
			t.Errorf("got %s, want %s", q, want[i])
		}
	}
}

func BenchmarkReadTurtle(b *testing.B) {
	src := bigTurtle(2000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ReadAll(strings.NewReader(src), Turtle, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
