package catalog

import (
	"context"
	"iter"
	"slices"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// Quads yields the store's quads one named graph at a time, graphs in IRI
// order and each graph's quads sorted by subject, predicate and object, so
// that grouping writers (Turtle, TriG) can nest them and output is stable.
// Memory holds one graph at a time. With graphs given, only those are read.
func Quads(ctx context.Context, s *graph.Store, graphs ...rdf.IRI) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		if graphs == nil {
			var err error
			if graphs, err = s.Graphs(ctx); err != nil {
				yield(rdf.Quad{}, err)
				return
			}
		}
		graphs = slices.Clone(graphs)
		slices.Sort(graphs)
		var buf []rdf.Quad
		for _, g := range graphs {
			buf = buf[:0]
			for q, err := range s.Match(ctx, nil, nil, nil, g) {
				if err != nil {
					yield(rdf.Quad{}, err)
					return
				}
				buf = append(buf, q)
			}
			slices.SortFunc(buf, rdf.CompareQuads)
			for _, q := range buf {
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}
