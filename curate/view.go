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
// <doc/extracted>: the markers and what the extractor said of the subjects
// corrections change). Raw: every corrected graph shows what the extractor
// alone said (its untouched statements and its twin's, under its own
// name) and the curation graph is left out. With no twin in the store the
// curated view is ds itself, at no cost.
func (s *Set) View(ds Dataset, raw bool) Dataset {
	if !raw && (s == nil || len(s.extracted) == 0) {
		return ds
	}
	return s.view(ds, raw)
}

func (s *Set) view(ds Dataset, raw bool) *view {
	v := &view{ds: ds, raw: raw, twins: map[rdf.IRI]bool{}, touched: map[rdf.IRI]map[rdf.Term]bool{}}
	if s != nil {
		v.cur = s.m.Curation()
		for g := range s.extracted {
			v.twins[g] = true
		}
		v.touched = s.touched
	}
	return v
}

type view struct {
	ds      Dataset
	raw     bool
	cur     rdf.IRI
	twins   map[rdf.IRI]bool
	touched map[rdf.IRI]map[rdf.Term]bool
}

// show maps a stored quad to the one the view shows (ok false: hidden).
// Curated: the twins are hidden. Raw: a twin's statements show under its
// graph's name, the graph's statements of the subjects the twin touches
// (all of them, for a whole-graph twin) and the curation graph are hidden.
// A twin's markers are always hidden.
func (v *view) show(q rdf.Quad) (rdf.Quad, bool) {
	iri, _ := q.G.(rdf.IRI)
	if b, twin := vocab.IsExtracted(iri); twin && v.twins[b] {
		if !v.raw || q.S == rdf.Term(iri) {
			return q, false
		}
		q.G = b
		return q, true
	}
	if v.raw {
		if iri == v.cur {
			return q, false
		}
		if v.twins[iri] {
			t := v.touched[iri]
			if len(t) == 0 || t[q.S] {
				return q, false
			}
		}
	}
	return q, true
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
			return func(yield func(rdf.Quad, error) bool) {
				for _, gr := range []rdf.IRI{iri, vocab.Extracted(iri)} {
					for q, err := range v.filter(v.ds.Match(ctx, s, p, o, gr)) {
						if !yield(q, err) || err != nil {
							return
						}
					}
				}
			}
		case iri == v.cur:
			return func(func(rdf.Quad, error) bool) {}
		}
		return v.ds.Match(ctx, s, p, o, g)
	}
	return func(yield func(rdf.Quad, error) bool) {
		full := s != nil && p != nil && o != nil
		seen := map[rdf.Triple]bool{}
		for q, err := range v.filter(v.ds.MatchNamed(ctx, s, p, o)) {
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

// filter applies show to a stream.
func (v *view) filter(seq iter.Seq2[rdf.Quad, error]) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		for q, err := range seq {
			if err != nil {
				yield(q, err)
				return
			}
			if q, ok := v.show(q); ok && !yield(q, nil) {
				return
			}
		}
	}
}

func (v *view) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	if !v.raw {
		return v.ds.MatchNamed(ctx, s, p, o)
	}
	return v.filter(v.ds.MatchNamed(ctx, s, p, o))
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

// Quads filters a stream of the store's quads (catalog.Quads) as View
// does: curated drops the extracted twins; raw shows each corrected graph
// as extracted (its untouched statements and its twin's, under its name)
// and drops the curation graph.
func (s *Set) Quads(seq iter.Seq2[rdf.Quad, error], raw bool) iter.Seq2[rdf.Quad, error] {
	return s.view(nil, raw).filter(seq)
}

// Corrected is the number of graphs whose corrections keep an extracted
// twin (0 for a store without corrections, or a nil set).
func (s *Set) Corrected() int {
	if s == nil {
		return 0
	}
	return len(s.extracted)
}
