package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// A graph's version changes when a write changes that graph (through the
// bulk path, Cayley's writer, a deletion or a first load), and not when
// other graphs are written or a graph is replaced by what it holds: what
// is computed from a graph can be kept exactly as long as it is right.
func TestGraphVersion(t *testing.T) {
	ctx := context.Background()
	for _, spec := range []string{"memory:", filepath.Join(t.TempDir(), "store")} {
		s, err := graph.Open(ctx, spec, graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		a, qa := docQuads(1)
		b, qb := docQuads(2)
		version := func(g rdf.IRI) uint64 {
			t.Helper()
			v, ok := s.GraphVersion(g)
			if !ok {
				t.Fatalf("%s: no version", spec)
			}
			return v
		}
		step := func(what string, write func() error, changed ...rdf.IRI) {
			t.Helper()
			before := map[rdf.IRI]uint64{a: version(a), b: version(b), "": version("")}
			if err := write(); err != nil {
				t.Fatal(err)
			}
			for g, v := range before {
				want := g == "" && len(changed) > 0
				for _, c := range changed {
					want = want || c == g
				}
				if got := version(g) != v; got != want {
					t.Errorf("%s: %s: version of %q changed: %v, want %v", spec, what, g, got, want)
				}
			}
		}
		if spec != "memory:" {
			step("a first load of a", func() error {
				l, fresh, err := s.NewLoader(ctx)
				if err != nil || !fresh {
					t.Fatalf("no loader for a new store (%v)", err)
				}
				if _, err := l.Add(a, qa[1:]); err != nil {
					return err
				}
				return l.Commit(ctx)
			}, a, b)
		}
		replace := func(ups ...graph.GraphUpdate) func() error {
			return func() error { _, err := s.ReplaceGraphs(ctx, ups); return err }
		}
		step("writing a", replace(graph.GraphUpdate{Graph: a, Quads: qa}), a)
		step("writing a again", replace(graph.GraphUpdate{Graph: a, Quads: qa}))
		step("writing b", replace(graph.GraphUpdate{Graph: b, Quads: qb}), b)
		step("adding to a", replace(graph.GraphUpdate{Graph: a, Quads: qb[:3], Add: true}), a)
		step("changing b", replace(graph.GraphUpdate{Graph: b, Quads: qb[1:]}), b)
		step("deleting a", func() error { _, err := s.DeleteGraph(ctx, a); return err }, a)
	}
}
