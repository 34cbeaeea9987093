package queries_test

import (
	"context"
	"testing"

	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TestShortestPathIsStable: when several documents make the same link, the
// path names the same one every time (the first in IRI order), and a letter
// is preferred to a shared mention.
func TestShortestPathIsStable(t *testing.T) {
	a, b := rdf.IRI("http://e/person/a"), rdf.IRI("http://e/person/b")
	ds := rdf.NewDataset()
	for _, d := range []string{"http://e/doc/3", "http://e/doc/1", "http://e/doc/2", "http://e/doc/0"} {
		doc := rdf.IRI(d)
		ds.Add(rdf.Quad{S: doc, P: vocab.SchemaMentions, O: a})
		ds.Add(rdf.Quad{S: doc, P: vocab.SchemaMentions, O: b})
		if d != "http://e/doc/0" { // doc 0 only mentions both
			ds.Add(rdf.Quad{S: doc, P: vocab.DCCreator, O: a})
			ds.Add(rdf.Quad{S: doc, P: vocab.SchemaRecipient, O: b})
		}
	}
	for range 20 {
		steps, err := queries.ShortestPath(context.Background(), ds, a, b, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(steps) != 1 || steps[0].Doc != rdf.Term(rdf.IRI("http://e/doc/1")) || steps[0].Link != rdf.Term(rdf.NewString("wrote to")) {
			t.Fatalf("path a to b: %+v, want a wrote to b in doc/1", steps)
		}
	}
}
