package rdftest

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

const ex = "http://example.org/"

func TestIsomorphicRelabelled(t *testing.T) {
	p, name := rdf.IRI(ex+"p"), rdf.IRI(ex+"name")
	a := []rdf.Quad{
		{S: rdf.IRI(ex + "s"), P: p, O: rdf.BlankNode("x")},
		{S: rdf.BlankNode("x"), P: name, O: rdf.NewString("one")},
		{S: rdf.BlankNode("y"), P: name, O: rdf.NewString("two"), G: rdf.IRI(ex + "g")},
	}
	b := []rdf.Quad{
		{S: rdf.BlankNode("b2"), P: name, O: rdf.NewString("two"), G: rdf.IRI(ex + "g")},
		{S: rdf.BlankNode("b1"), P: name, O: rdf.NewString("one")},
		{S: rdf.IRI(ex + "s"), P: p, O: rdf.BlankNode("b1")},
		{S: rdf.IRI(ex + "s"), P: p, O: rdf.BlankNode("b1")}, // a duplicate
	}
	if ok, diff := Isomorphic(a, b); !ok {
		t.Fatalf("relabelled graphs reported different:\n%s", diff)
	}
	// Swapping which blank node the IRI points to changes the graph.
	b[2].O = rdf.BlankNode("b2")
	b[3].O = rdf.BlankNode("b2")
	if ok, _ := Isomorphic(a, b); ok {
		t.Fatal("different graphs reported isomorphic")
	}
	// So does a literal's lexical form.
	c := append([]rdf.Quad(nil), a...)
	c[1].O = rdf.NewString("One")
	if ok, diff := Isomorphic(a, c); ok || !strings.Contains(diff, `"One"`) {
		t.Fatalf("lexical change not seen; diff:\n%s", diff)
	}
}

func TestIsomorphicSymmetric(t *testing.T) {
	// A cycle of four blank nodes against two cycles of two: refinement alone
	// cannot tell them apart (every node has one in and one out edge).
	p := rdf.IRI(ex + "next")
	cycle4 := []rdf.Quad{
		{S: rdf.BlankNode("a"), P: p, O: rdf.BlankNode("b")},
		{S: rdf.BlankNode("b"), P: p, O: rdf.BlankNode("c")},
		{S: rdf.BlankNode("c"), P: p, O: rdf.BlankNode("d")},
		{S: rdf.BlankNode("d"), P: p, O: rdf.BlankNode("a")},
	}
	twoCycles := []rdf.Quad{
		{S: rdf.BlankNode("a"), P: p, O: rdf.BlankNode("b")},
		{S: rdf.BlankNode("b"), P: p, O: rdf.BlankNode("a")},
		{S: rdf.BlankNode("c"), P: p, O: rdf.BlankNode("d")},
		{S: rdf.BlankNode("d"), P: p, O: rdf.BlankNode("c")},
	}
	rotated := []rdf.Quad{
		{S: rdf.BlankNode("q"), P: p, O: rdf.BlankNode("r")},
		{S: rdf.BlankNode("s"), P: p, O: rdf.BlankNode("p")},
		{S: rdf.BlankNode("r"), P: p, O: rdf.BlankNode("s")},
		{S: rdf.BlankNode("p"), P: p, O: rdf.BlankNode("q")},
	}
	if ok, _ := Isomorphic(cycle4, twoCycles); ok {
		t.Error("a 4-cycle and two 2-cycles reported isomorphic")
	}
	if ok, diff := Isomorphic(cycle4, rotated); !ok {
		t.Errorf("two labellings of a 4-cycle reported different:\n%s", diff)
	}
}

func TestReadTriG(t *testing.T) {
	doc := `@prefix ex: <http://example.org/> .
ex:s ex:p "default" .

ex:g1 {
    ex:s ex:p """a } brace
and a "quote\"""" ;
        ex:q _:b .
}

<http://example.org/g2> {
    _:b ex:p "{ not a block }" .
}
`
	got, err := ReadTriG([]byte(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []rdf.Quad{
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "p"), O: rdf.NewString("default")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "p"), O: rdf.NewString("a } brace\nand a \"quote\""), G: rdf.IRI(ex + "g1")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "q"), O: rdf.BlankNode("z"), G: rdf.IRI(ex + "g1")},
		{S: rdf.BlankNode("z"), P: rdf.IRI(ex + "p"), O: rdf.NewString("{ not a block }"), G: rdf.IRI(ex + "g2")},
	}
	if ok, diff := Isomorphic(want, got); !ok {
		t.Fatalf("ReadTriG:\n%s", diff)
	}
}

func TestReadJSONLD(t *testing.T) {
	doc := `{"@context": {"ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
	  "@id": "ex:s", "ex:n": {"@value": "01", "@type": "xsd:integer"}, "ex:l": {"@value": "Сталин", "@language": "ru"}}`
	got, err := ReadJSONLD([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []rdf.Quad{
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "n"), O: rdf.NewTyped("01", "http://www.w3.org/2001/XMLSchema#integer")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "l"), O: rdf.NewLangString("Сталин", "ru")},
	}
	if ok, diff := Isomorphic(want, got); !ok {
		t.Fatalf("ReadJSONLD:\n%s", diff)
	}
}
