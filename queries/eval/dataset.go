package eval

import (
	"context"
	"iter"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/rdf"
)

// Dataset is what the evaluator needs from storage: pattern matching with
// index lookups on the bound positions, and the list of named graphs.
type Dataset interface {
	// Match yields the quads of the default graph (graph == nil) or of the
	// named graph `graph`; nil s/p/o are wildcards.
	Match(ctx context.Context, s, p, o, graph rdf.Term) iter.Seq2[rdf.Quad, error]
	// MatchNamed yields matching quads from any named graph (for GRAPH ?g patterns).
	MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error]
	// NamedGraphs lists the named graphs.
	NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error]
}

// Snapshotter is a Dataset that can hold one consistent view of its
// storage for the length of a run, which also saves each lookup the cost
// of opening its own. The run reads only through the snapshot, and calls
// release when it ends.
type Snapshotter interface {
	Snapshot(ctx context.Context) (snap Dataset, release func(), err error)
}

// Counter is a Dataset that counts the matches of a triple pattern in its
// default graph (nil terms are variables) up to limit, much more cheaply
// than matching them; it may overcount. A snapshot that is a Counter
// replaces Options.Count for its run.
type Counter interface {
	CountUpTo(s, p, o rdf.Term, limit int) int
}

// SubjectFinder is a Dataset that finds the subjects having, in its
// default graph, a triple with each of a list of predicate-object pairs
// faster than by matching the pairs one by one: from ordered index ranges
// of node ids, say. ok is false when it cannot.
type SubjectFinder interface {
	Subjects(pairs [][2]rdf.Term) (subjects []rdf.Term, ok bool, err error)
}

// view is the dataset a query sees: the store's own, or the one its FROM
// and FROM NAMED clauses describe (section 13.2).
type view struct {
	ds Dataset
	// from lists the graphs merged into the default graph; nil keeps the
	// store's default graph.
	from []rdf.Term
	// named restricts the named graphs; nil keeps the store's.
	named    []rdf.Term
	namedSet map[rdf.Term]bool
	custom   bool
	// graphs caches the store's named graphs for the run.
	graphs    []rdf.Term
	graphSet  map[rdf.Term]bool
	graphsSet bool
}

func newView(ds Dataset, d *algebra.Dataset) *view {
	v := &view{ds: ds}
	if d == nil {
		return v
	}
	v.custom = true
	v.from = []rdf.Term{}
	v.named = []rdf.Term{}
	v.namedSet = map[rdf.Term]bool{}
	seen := map[rdf.Term]bool{}
	for _, g := range d.Default {
		if !seen[g] {
			seen[g] = true
			v.from = append(v.from, g)
		}
	}
	for _, g := range d.Named {
		if !v.namedSet[g] {
			v.namedSet[g] = true
			v.named = append(v.named, g)
		}
	}
	return v
}

// match yields the quads matching s p o in the active graph g (nil = the
// default graph). Quads of a merged default graph come out once each.
func (v *view) match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if g != nil {
		if v.custom && !v.namedSet[g] {
			return func(func(rdf.Quad, error) bool) {}
		}
		return v.ds.Match(ctx, s, p, o, g)
	}
	if !v.custom {
		return v.ds.Match(ctx, s, p, o, nil)
	}
	if len(v.from) == 1 {
		return func(yield func(rdf.Quad, error) bool) {
			for q, err := range v.ds.Match(ctx, s, p, o, v.from[0]) {
				q.G = nil
				if !yield(q, err) || err != nil {
					return
				}
			}
		}
	}
	return func(yield func(rdf.Quad, error) bool) {
		seen := map[rdf.Triple]bool{}
		for _, from := range v.from {
			for q, err := range v.ds.Match(ctx, s, p, o, from) {
				if err != nil {
					yield(q, err)
					return
				}
				t := q.Triple()
				if seen[t] {
					continue
				}
				seen[t] = true
				q.G = nil
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}

// subjects finds the subjects with every pair in the default graph, when
// the dataset can (SubjectFinder) and the default graph is the store's.
func (v *view) subjects(pairs [][2]rdf.Term) ([]rdf.Term, bool, error) {
	f, ok := v.ds.(SubjectFinder)
	if !ok || v.custom {
		return nil, false, nil
	}
	return f.Subjects(pairs)
}

// matchNamed yields matching quads of every named graph.
func (v *view) matchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	if !v.custom {
		return v.ds.MatchNamed(ctx, s, p, o)
	}
	return func(yield func(rdf.Quad, error) bool) {
		for _, g := range v.named {
			for q, err := range v.ds.Match(ctx, s, p, o, g) {
				if !yield(q, err) || err != nil {
					return
				}
			}
		}
	}
}

func (v *view) namedGraphs(ctx context.Context) ([]rdf.Term, error) {
	if v.custom {
		return v.named, nil
	}
	if v.graphsSet {
		return v.graphs, nil
	}
	var out []rdf.Term
	for g, err := range v.ds.NamedGraphs(ctx) {
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	v.graphs, v.graphsSet = out, true
	v.graphSet = map[rdf.Term]bool{}
	for _, g := range out {
		v.graphSet[g] = true
	}
	return out, nil
}

// isNamed reports whether g is a named graph of the view.
func (v *view) isNamed(ctx context.Context, g rdf.Term) (bool, error) {
	if v.custom {
		return v.namedSet[g], nil
	}
	if _, err := v.namedGraphs(ctx); err != nil {
		return false, err
	}
	return v.graphSet[g], nil
}
