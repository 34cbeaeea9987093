package rdf

import (
	"context"
	"iter"
)

// Dataset is an in-memory RDF dataset: a default graph and any number of
// named graphs, with indexes on subject, predicate and object per graph.
// Adding a quad that is already present does nothing (a dataset is a set).
//
// A Dataset may be read from several goroutines at once, but Add must not run
// concurrently with anything else.
type Dataset struct {
	graphs map[Term]*memGraph // key nil = default graph
	named  []Term             // named graphs in order of first appearance
	size   int
}

// memGraph holds one graph's triples and their indexes.
type memGraph struct {
	triples []Triple
	seen    map[Triple]struct{}
	byS     map[Term][]int
	byP     map[Term][]int
	byO     map[Term][]int
}

// NewDataset returns a dataset holding quads.
func NewDataset(quads ...Quad) *Dataset {
	d := &Dataset{}
	for _, q := range quads {
		d.Add(q)
	}
	return d
}

// Add puts q into the dataset; q.G nil means the default graph.
func (d *Dataset) Add(q Quad) {
	if d.graphs == nil {
		d.graphs = make(map[Term]*memGraph)
	}
	g := d.graphs[q.G]
	if g == nil {
		g = &memGraph{
			seen: make(map[Triple]struct{}),
			byS:  make(map[Term][]int),
			byP:  make(map[Term][]int),
			byO:  make(map[Term][]int),
		}
		d.graphs[q.G] = g
		if q.G != nil {
			d.named = append(d.named, q.G)
		}
	}
	t := q.Triple()
	if _, dup := g.seen[t]; dup {
		return
	}
	g.seen[t] = struct{}{}
	i := len(g.triples)
	g.triples = append(g.triples, t)
	g.byS[t.S] = append(g.byS[t.S], i)
	g.byP[t.P] = append(g.byP[t.P], i)
	g.byO[t.O] = append(g.byO[t.O], i)
	d.size++
}

// Len returns the number of quads in the dataset.
func (d *Dataset) Len() int { return d.size }

// Quads returns every quad: the default graph first, then the named graphs
// in the order they were first added.
func (d *Dataset) Quads() []Quad {
	out := make([]Quad, 0, d.size)
	for _, g := range append([]Term{nil}, d.named...) {
		if mg := d.graphs[g]; mg != nil {
			for _, t := range mg.triples {
				out = append(out, Quad{t.S, t.P, t.O, g})
			}
		}
	}
	return out
}

// Match yields the quads of one graph that match the pattern s, p, o, where
// a nil term is a wildcard. graph nil selects the default graph only; any
// other term selects that named graph.
func (d *Dataset) Match(ctx context.Context, s, p, o, graph Term) iter.Seq2[Quad, error] {
	return func(yield func(Quad, error) bool) {
		d.graphs[graph].match(ctx, s, p, o, graph, yield)
	}
}

// MatchNamed yields the quads of every named graph that match the pattern
// s, p, o (nil = wildcard). The default graph is not searched.
func (d *Dataset) MatchNamed(ctx context.Context, s, p, o Term) iter.Seq2[Quad, error] {
	return func(yield func(Quad, error) bool) {
		for _, g := range d.named {
			if !d.graphs[g].match(ctx, s, p, o, g, yield) {
				return
			}
		}
	}
}

// NamedGraphs yields the names of the named graphs, in the order they were
// first added.
func (d *Dataset) NamedGraphs(ctx context.Context) iter.Seq2[Term, error] {
	return func(yield func(Term, error) bool) {
		for _, g := range d.named {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(g, nil) {
				return
			}
		}
	}
}

// match yields the matching triples of g as quads in graph name; it reports
// whether the caller should go on.
func (g *memGraph) match(ctx context.Context, s, p, o, name Term, yield func(Quad, error) bool) bool {
	if g == nil {
		return true
	}
	if err := ctx.Err(); err != nil {
		yield(Quad{}, err)
		return false
	}
	if s != nil && p != nil && o != nil {
		if _, ok := g.seen[Triple{s, p, o}]; ok {
			return yield(Quad{s, p, o, name}, nil)
		}
		return true
	}
	// Pick the shortest index list among the bound positions.
	var list []int
	all := true
	for _, c := range []struct {
		t   Term
		idx map[Term][]int
	}{{s, g.byS}, {p, g.byP}, {o, g.byO}} {
		if c.t == nil {
			continue
		}
		l := c.idx[c.t]
		if all || len(l) < len(list) {
			list, all = l, false
		}
	}
	n := len(g.triples)
	if !all {
		n = len(list)
	}
	for k := 0; k < n; k++ {
		i := k
		if !all {
			i = list[k]
		}
		if k&1023 == 1023 {
			if err := ctx.Err(); err != nil {
				yield(Quad{}, err)
				return false
			}
		}
		t := g.triples[i]
		if (s != nil && t.S != s) || (p != nil && t.P != p) || (o != nil && t.O != o) {
			continue
		}
		if !yield(Quad{t.S, t.P, t.O, name}, nil) {
			return false
		}
	}
	return true
}
