package ingest

import (
	"context"
	"fmt"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// GazetteerNames maps the IRI of each gazetteer entity to its names,
// labels and pseudonyms, for the full-text index.
func GazetteerNames(gz *vocab.Gazetteer, m vocab.Minter) func(rdf.IRI) []string {
	names := make(map[rdf.IRI][]string, len(gz.Entries))
	for _, e := range gz.Entries {
		ns := []string{e.Name}
		for _, ls := range [][]vocab.Label{e.Labels, e.Pseudonyms} {
			for _, l := range ls {
				ns = append(ns, l.Text)
			}
		}
		names[m.Entity(e.Class, e.Name)] = ns
	}
	return func(e rdf.IRI) []string { return names[e] }
}

// Reindex makes the full-text index anew from the store's document graphs
// (after the index was lost, or went stale), and reports how many documents
// it indexed.
func Reindex(ctx context.Context, s *graph.Store, ix *fulltext.Index, gz *vocab.Gazetteer) (int, error) {
	if gz == nil {
		var err error
		if gz, err = vocab.LoadGazetteer(); err != nil {
			return 0, err
		}
	}
	names := GazetteerNames(gz, s.Minter())
	docs, err := catalog.Documents(ctx, s)
	if err != nil {
		return 0, err
	}
	// drop what the store no longer has
	indexed := map[string]bool{}
	iris, err := ix.IRIs()
	if err != nil {
		return 0, err
	}
	for _, i := range iris {
		indexed[i] = true
	}
	var batch []fulltext.Doc
	for _, d := range docs {
		delete(indexed, string(d.IRI))
		var qs []rdf.Quad
		for q, err := range s.Match(ctx, nil, nil, nil, d.IRI) {
			if err != nil {
				return 0, err
			}
			qs = append(qs, q)
		}
		batch = append(batch, fulltext.FromGraph(d.IRI, qs, names))
		if len(batch) == 500 {
			if err := ix.Put(batch); err != nil {
				return 0, fmt.Errorf("the full-text index: %w", err)
			}
			batch = batch[:0]
		}
	}
	if err := ix.Put(batch); err != nil {
		return 0, fmt.Errorf("the full-text index: %w", err)
	}
	var gone []string
	for iri := range indexed {
		gone = append(gone, iri)
	}
	if len(gone) > 0 {
		if err := ix.Delete(gone...); err != nil {
			return 0, err
		}
	}
	return len(docs), nil
}
