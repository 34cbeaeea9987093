package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// TestReadAfterDelete reads a graph (filling the read path's caches), then
// replaces it: the quads removed must not come back from a cache, through
// either kind of match.
func TestReadAfterDelete(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "store"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := rdf.IRI("http://e/g")
	a := rdf.Quad{S: rdf.IRI("http://e/a"), P: rdf.IRI("http://e/p"), O: rdf.NewString("kept")}
	b := rdf.Quad{S: rdf.IRI("http://e/a"), P: rdf.IRI("http://e/p"), O: rdf.NewString("dropped")}
	count := func() (quads, triples int) {
		for _, err := range s.Match(ctx, a.S, a.P, nil, nil) {
			if err != nil {
				t.Fatal(err)
			}
			quads++
		}
		for _, err := range s.MatchTriples(ctx, nil, a.P, nil) {
			if err != nil {
				t.Fatal(err)
			}
			triples++
		}
		return
	}
	if _, err := s.ReplaceGraph(ctx, g, []rdf.Quad{a, b}); err != nil {
		t.Fatal(err)
	}
	if q, tr := count(); q != 2 || tr != 2 {
		t.Fatalf("before: %d quads, %d triples; want 2 and 2", q, tr)
	}
	if _, err := s.ReplaceGraph(ctx, g, []rdf.Quad{a}); err != nil {
		t.Fatal(err)
	}
	if q, tr := count(); q != 1 || tr != 1 {
		t.Fatalf("after the replace: %d quads, %d triples; want 1 and 1", q, tr)
	}
	// CountUpTo is an estimate that may still count the deleted quad, but
	// never less than what is there.
	if n, err := s.CountUpTo(ctx, a.S, a.P, nil, nil, 0); err != nil || n < 1 {
		t.Fatalf("CountUpTo after the replace: %d, %v; want at least 1", n, err)
	}
}
