package ingest

import (
	"context"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/extract/identity"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Identities decides which person entities of the whole store are one
// person across documents and languages (extract/identity) and writes the
// answer as the store's identity graph: for each merged entity, owl:sameAs
// the one that survives and dg:linkMethod how it was decided. The graph is
// computed from the whole store each time, so it does not depend on the
// order in which documents were ingested, and a later document that makes
// a short name ambiguous undoes its merge.
func Identities(ctx context.Context, s *graph.Store) (graph.Change, int, error) {
	set, err := curate.Load(ctx, s)
	if err != nil {
		return graph.Change{}, 0, err
	}
	return identities(ctx, s, set)
}

// identities is Identities with the store's corrections already read.
func identities(ctx context.Context, s *graph.Store, set *curate.Set) (graph.Change, int, error) {
	rows, err := catalog.Entities(ctx, s, catalog.EntityFilter{Class: vocab.ClassPerson, Merged: true})
	if err != nil {
		return graph.Change{}, 0, err
	}
	people := make([]identity.Person, 0, len(rows))
	for _, r := range rows {
		names := append([]string{r.Name}, r.Labels...)
		people = append(people, identity.Person{IRI: string(r.IRI), Names: names, Linked: r.Gazetteer,
			First: r.First, Last: r.Last, Docs: r.Documents})
	}
	links := identity.Resolve(people)
	g := s.Minter().Identity()
	qs := make([]rdf.Quad, 0, 2*len(links))
	for _, l := range links {
		from := rdf.IRI(l.From)
		qs = append(qs,
			rdf.Quad{S: from, P: vocab.OWLSameAs, O: rdf.IRI(l.To), G: g},
			rdf.Quad{S: from, P: vocab.DGLinkMethod, O: rdf.NewString(l.Method), G: g})
	}
	// Curators' merges and keep-aparts have the last word (curate).
	chs, err := s.ReplaceGraphs(ctx, set.Updates(g, qs))
	if err != nil {
		return graph.Change{}, 0, err
	}
	return chs[0], len(links), nil
}
