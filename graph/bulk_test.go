package graph_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

func sortedQuads(t *testing.T, s *graph.Store, g rdf.Term) []rdf.Quad {
	t.Helper()
	var out []rdf.Quad
	for q, err := range s.Match(context.Background(), nil, nil, nil, g) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	slices.SortFunc(out, rdf.CompareQuads)
	return out
}

// Graphs written by the bulk path (new graphs on a bolt store) read back
// through Cayley exactly as a memory store holds them, after reopening,
// and later replacements and deletions through Cayley's writer keep the
// values shared with other graphs.
func TestBulkWrittenGraphsReadBack(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	bolt, err := graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mem, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	var ups []graph.GraphUpdate
	for i := range 5 {
		g, qs := docQuads(i)
		qs = append(qs, qs[0]) // a duplicate is written once
		ups = append(ups, graph.GraphUpdate{Graph: g, Quads: qs})
	}
	for _, s := range []*graph.Store{bolt, mem} {
		chs, err := s.ReplaceGraphs(ctx, ups)
		if err != nil {
			t.Fatal(err)
		}
		if chs[0].Added != 300 {
			t.Fatalf("%s: first graph added %d quads, want 300", s.Backend(), chs[0].Added)
		}
	}
	bolt.Close()
	if bolt, err = graph.Open(ctx, dir, graph.Options{}); err != nil {
		t.Fatal(err)
	}
	defer bolt.Close()
	if got, want := sortedQuads(t, bolt, nil), sortedQuads(t, mem, nil); !slices.Equal(got, want) {
		t.Fatalf("bolt store holds %d quads, memory store %d, or they differ", len(got), len(want))
	}
	// Lookups through every index.
	e := rdf.IRI("http://example.org/e/3")
	for _, s := range []*graph.Store{bolt, mem} {
		n, err := s.Count(ctx, e, nil, nil, nil)
		if err != nil || n == 0 {
			t.Fatalf("%s: %d quads about %s (%v)", s.Backend(), n, e, err)
		}
	}
	// Replacing one graph goes through Cayley's writer and sees the bulk data.
	g0, qs0 := docQuads(0)
	ch, err := bolt.ReplaceGraph(ctx, g0, qs0[:100])
	if err != nil || ch.Removed != 200 || ch.Added != 0 {
		t.Fatalf("replace: %+v, %v; want 200 removed, none added", ch, err)
	}
	// Deleting graphs that share entities with others leaves the others whole.
	for i := range 4 {
		g, _ := docQuads(i)
		if _, err := bolt.DeleteGraph(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	g4, qs4 := docQuads(4)
	if got := sortedQuads(t, bolt, g4); len(got) != len(qs4) {
		t.Fatalf("graph 4 holds %d quads after the others were deleted, want %d", len(got), len(qs4))
	}
	// A deleted graph is new again: written anew, read back whole.
	g1, qs1 := docQuads(1)
	if ch, err := bolt.ReplaceGraph(ctx, g1, qs1); err != nil || ch.Added != 300 {
		t.Fatalf("re-adding a deleted graph: %+v, %v", ch, err)
	}
	if got := sortedQuads(t, bolt, g1); len(got) != 300 {
		t.Fatalf("re-added graph holds %d quads, want 300", len(got))
	}
	if n, _ := bolt.Count(ctx, nil, nil, nil, nil); n != 600 {
		t.Errorf("store holds %d quads, want 600", n)
	}
}
