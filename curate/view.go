package curate

import (
	"context"
	"iter"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Dataset is what SPARQL runs over (queries.Dataset, restated here so
// that this package does not depend on the query engine).
type Dataset interface {
	Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error]
	MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error]
	NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error]
}

type snapshotter interface {
	Snapshot(ctx context.Context) (Dataset, func(), error)
}

// View presents a store's dataset as SPARQL should see it. Curated (raw
// false): the default graph is the union of the graphs as corrected, the
// extracted twins left out; each twin stays a named graph (GRAPH
// <doc/extracted>). Raw: every corrected graph shows what the extractor
// alone said (its twin's content under its own name) and the curation
// graph is left out. With no twin in the store the curated view is ds
// itself, at no cost.
func (s *Set) View(ds Dataset, raw bool) Dataset {
	if !raw && (s == nil || len(s.extracted) == 0) {
		return ds
	}
	v := &view{ds: ds, raw: raw, cur: s.m.Curation(), twins: map[rdf.IRI]bool{}}
	for g := range s.extracted {
		v.twins[g] = true
	}
	return v
}

type view struct {
	ds    Dataset
	raw   bool
	cur   rdf.IRI
	twins map[rdf.IRI]bool
}

// name maps a stored graph name to the one the view shows, ok false when
// the view hides that graph.
func (v *view) name(g rdf.Term) (rdf.Term, bool) {
	iri, _ := g.(rdf.IRI)
	if b, twin := vocab.IsExtracted(iri); twin && v.twins[b] {
		return b, v.raw
	}
	if v.raw && (iri == v.cur || v.twins[iri]) {
		return nil, false
	}
	return g, true
}

func (v *view) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if g != nil {
		// a graph asked by name: in the curated view every graph, the
		// twins included, is there as stored
		iri, _ := g.(rdf.IRI)
		switch {
		case !v.raw:
			return v.ds.Match(ctx, s, p, o, g)
		case v.twins[iri]:
			return v.rename(v.ds.Match(ctx, s, p, o, vocab.Extracted(iri)), false)
		case iri == v.cur:
			return func(func(rdf.Quad, error) bool) {}
		}
		return v.ds.Match(ctx, s, p, o, g)
	}
	return func(yield func(rdf.Quad, error) bool) {
		full := s != nil && p != nil && o != nil
		seen := map[rdf.Triple]bool{}
		for q, err := range v.rename(v.ds.MatchNamed(ctx, s, p, o), true) {
			if err != nil {
				yield(q, err)
				return
			}
			q.G = nil
			if full {
				yield(q, nil)
				return
			}
			if t := q.Triple(); !seen[t] {
				seen[t] = true
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}

// rename drops the quads of hidden graphs and the twins' markers, and
// names a twin's quads after the graph it shadows (in raw views).
func (v *view) rename(seq iter.Seq2[rdf.Quad, error], filter bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		for q, err := range seq {
			if err != nil {
				yield(q, err)
				return
			}
			if _, marker := vocab.IsExtracted(q.S); marker {
				continue // the twin's own description
			}
			g, ok := q.G, true
			if filter {
				g, ok = v.name(q.G)
			} else if b, twin := vocab.IsExtracted(q.G); twin {
				g = b
			}
			if !ok {
				continue
			}
			q.G = g
			if !yield(q, nil) {
				return
			}
		}
	}
}

func (v *view) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	if !v.raw {
		return v.ds.MatchNamed(ctx, s, p, o)
	}
	return v.rename(v.ds.MatchNamed(ctx, s, p, o), true)
}

func (v *view) NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error] {
	return func(yield func(rdf.Term, error) bool) {
		for g, err := range v.ds.NamedGraphs(ctx) {
			if err != nil {
				yield(nil, err)
				return
			}
			if _, twin := vocab.IsExtracted(g); v.raw && (twin || g == rdf.Term(v.cur)) {
				continue
			}
			if !yield(g, nil) {
				return
			}
		}
	}
}

// Quads filters a stream of the store's quads, graph by graph
// (catalog.Quads), as View does: curated drops the extracted twins, raw
// shows each twin under its graph's name instead of the graph and drops
// the curation graph.
func (s *Set) Quads(seq iter.Seq2[rdf.Quad, error], raw bool) iter.Seq2[rdf.Quad, error] {
	v := &view{raw: raw, twins: map[rdf.IRI]bool{}}
	if s != nil {
		v.cur = s.m.Curation()
		for g := range s.extracted {
			v.twins[g] = true
		}
	}
	return func(yield func(rdf.Quad, error) bool) {
		for q, err := range seq {
			if err != nil {
				yield(q, err)
				return
			}
			if b, twin := vocab.IsExtracted(q.G); twin && v.twins[b] {
				if !raw {
					continue
				}
				if q.S == rdf.Term(vocab.Extracted(b)) {
					continue
				}
				q.G = b
			} else if _, ok := v.name(q.G); !ok {
				continue
			}
			if !yield(q, nil) {
				return
			}
		}
	}
}

// Corrected is the number of graphs whose corrections keep an extracted
// twin (0 for a store without corrections, or a nil set).
func (s *Set) Corrected() int {
	if s == nil {
		return 0
	}
	return len(s.extracted)
}
