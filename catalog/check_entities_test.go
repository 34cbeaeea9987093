package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TestCheckEntityContradictions: an entity typed Person in one document and
// Country in another, or linked to two Wikidata items, is reported; a store
// without them is not.
func TestCheckEntityContradictions(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := s.Minter()
	doc := func(id string, extra ...rdf.Quad) {
		d := m.Document(id)
		qs := []rdf.Quad{
			{S: d, P: vocab.RDFType, O: vocab.SchemaArchiveComponent, G: d},
			{S: d, P: vocab.DCIdentifier, O: rdf.NewString(id), G: d},
		}
		for _, q := range extra {
			q.G = d
			qs = append(qs, q)
		}
		if _, err := s.ReplaceGraph(ctx, d, qs); err != nil {
			t.Fatal(err)
		}
	}
	su := rdf.IRI(m.Base + "entity/soviet-union")
	doc("a", rdf.Quad{S: m.Document("a"), P: vocab.SchemaMentions, O: su},
		rdf.Quad{S: su, P: vocab.RDFType, O: vocab.SchemaCountry},
		rdf.Quad{S: su, P: vocab.OWLSameAs, O: rdf.IRI(vocab.WD + "Q15180")})
	probs, err := Check(ctx, s)
	if err != nil || len(probs) != 0 {
		t.Fatalf("a sound store: %v %v", probs, err)
	}
	doc("b", rdf.Quad{S: m.Document("b"), P: vocab.SchemaMentions, O: su},
		rdf.Quad{S: su, P: vocab.RDFType, O: vocab.SchemaPerson},
		rdf.Quad{S: su, P: vocab.OWLSameAs, O: rdf.IRI(vocab.WD + "Q30")})
	probs, err = Check(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range probs {
		all = append(all, p.String())
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{"has 2 classes: Country, Person", "linked to 2 Wikidata items: Q15180, Q30"} {
		if !strings.Contains(got, want) {
			t.Errorf("check does not say %q; it says:\n%s", want, got)
		}
	}
}
