package export

import (
	"context"
	"io"
	"iter"
	"slices"

	"github.com/docgraph/docgraph/rdf"
)

// Source is what WriteStore reads: a quad pattern match in which a nil term
// matches anything and a nil graph matches every graph. *graph.Store
// satisfies it.
type Source interface {
	Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error]
}

// WriteStore writes the quads of src in format f in the order the grouping
// encoders like best: the default graph first, then each named graph in
// order of its name, each graph's quads sorted by subject, predicate and
// object. So TriG writes one block per graph and, within a graph, Turtle,
// TriG and JSON-LD write each subject once. (Across graphs a subject is
// written once per graph that describes it; the merged formats stay correct.)
//
// It makes one pass over every quad to find the graph names and the
// default-graph quads, then one Match per named graph, holding one graph's
// quads in memory at a time. With opt.Graph set it reads that graph alone.
func WriteStore(ctx context.Context, w io.Writer, f Format, opt Options, src Source) error {
	var names []rdf.Term
	var quads []rdf.Quad
	if opt.Graph != nil {
		names = []rdf.Term{opt.Graph}
	} else {
		seen := map[rdf.Term]bool{}
		for q, err := range src.Match(ctx, nil, nil, nil, nil) {
			if err != nil {
				return err
			}
			if q.G == nil {
				quads = append(quads, q)
			} else if !seen[q.G] {
				seen[q.G] = true
				names = append(names, q.G)
			}
		}
		slices.SortFunc(names, rdf.Compare)
	}
	enc := NewEncoder(w, f, opt)
	write := func() error {
		slices.SortFunc(quads, rdf.CompareQuads)
		for _, q := range quads {
			if err := enc.Encode(q); err != nil {
				return err
			}
		}
		return ctx.Err()
	}
	if err := write(); err != nil {
		enc.Close()
		return err
	}
	for _, g := range names {
		clear(quads)
		quads = quads[:0]
		for q, err := range src.Match(ctx, nil, nil, nil, g) {
			if err != nil {
				enc.Close()
				return err
			}
			quads = append(quads, q)
		}
		if err := write(); err != nil {
			enc.Close()
			return err
		}
	}
	return enc.Close()
}
