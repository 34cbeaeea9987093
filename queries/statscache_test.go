package queries_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
)

// TestStatsCacheFollowsWrites: the counts a server keeps between queries
// are those of the store as it is, not as it was before a write.
func TestStatsCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "store"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := rdf.IRI("http://example.org/knows")
	write := func(doc string, n int) {
		t.Helper()
		g := rdf.IRI("http://example.org/doc/" + doc)
		var qs []rdf.Quad
		for i := range n {
			qs = append(qs, rdf.Quad{S: g, P: p, O: rdf.IRI(fmt.Sprintf("http://example.org/p%d", i)), G: g})
		}
		if _, err := s.ReplaceGraphs(ctx, []graph.GraphUpdate{{Graph: g, Quads: qs}}); err != nil {
			t.Fatal(err)
		}
	}
	write("a", 3)
	cache := queries.NewStatsCache(s)
	counter := func() interface {
		Count(s, p, o rdf.Term) float64
		CountUpTo(s, p, o rdf.Term, limit int) int
	} {
		return cache.Stats(ctx).(interface {
			Count(s, p, o rdf.Term) float64
			CountUpTo(s, p, o rdf.Term, limit int) int
		})
	}
	st := counter()
	if n := st.Count(nil, p, nil); n != 3 {
		t.Fatalf("count %v, want 3", n)
	}
	if n := st.CountUpTo(nil, p, nil, 2); n != 2 {
		t.Fatalf("count up to 2: %d", n)
	}
	// Kept: a count made up to 2 says "at least 2", not how many.
	if n := counter().CountUpTo(nil, p, nil, 10); n != 3 {
		t.Fatalf("count up to 10 after one up to 2: %d, want 3", n)
	}
	write("b", 4)
	st = counter()
	if n := st.Count(nil, p, nil); n != 7 {
		t.Errorf("count after a write %v, want 7", n)
	}
	if n := st.CountUpTo(nil, p, nil, 100); n != 7 {
		t.Errorf("count up to 100 after a write %d, want 7", n)
	}
	if v1, ok := s.Version(); !ok {
		t.Error("a bolt store has no version")
	} else if write("c", 1); true {
		if v2, _ := s.Version(); v2 == v1 {
			t.Errorf("version %d unchanged by a write", v1)
		}
	}
}
