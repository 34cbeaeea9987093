package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// TestReplaceKeepsSharedValues replaces graphs again and again with random
// contents drawn from a few values, so that one write both drops and adds
// quads using the same value, and checks after each write that the store
// holds exactly what was written. (Cayley's key-value writer once lost the
// added quads of a value whose use fell overall.)
func TestReplaceKeepsSharedValues(t *testing.T) {
	ctx := context.Background()
	for _, spec := range []string{"memory:", filepath.Join(t.TempDir(), "store.db")} {
		s, err := graph.Open(ctx, spec, graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		iri := func(x string) rdf.IRI { return rdf.IRI("http://example.org/" + x) }

		// The smallest case: s loses one use and keeps another.
		g := iri("g")
		s.ReplaceGraph(ctx, g, []rdf.Quad{{S: iri("s"), P: iri("p"), O: iri("x")}, {S: iri("s"), P: iri("q"), O: rdf.NewString("old")}})
		want := []rdf.Quad{{S: iri("s"), P: iri("p"), O: iri("y"), G: g}, {S: iri("t"), P: iri("q"), O: rdf.NewString("new"), G: g}}
		if _, err := s.ReplaceGraph(ctx, g, want); err != nil {
			t.Fatal(err)
		}
		if got := graphOf(t, s, g); !slices.Equal(got, sorted(want)) {
			t.Fatalf("%s: graph holds %v, want %v", spec, got, want)
		}

		rng := rand.New(rand.NewPCG(5, 6))
		terms := []rdf.Term{iri("a"), iri("b"), iri("c"), rdf.NewString("a"), rdf.NewLangString("b", "en"), iri("g0"), iri("g1")}
		for round := range 60 {
			var ups []graph.GraphUpdate
			for gi := range 2 {
				name := iri(fmt.Sprint("g", gi))
				var qs []rdf.Quad
				for range rng.IntN(12) {
					qs = append(qs, rdf.Quad{S: terms[rng.IntN(3)].(rdf.IRI), P: terms[rng.IntN(3)].(rdf.IRI), O: terms[rng.IntN(len(terms))], G: name})
				}
				ups = append(ups, graph.GraphUpdate{Graph: name, Quads: qs})
			}
			if _, err := s.ReplaceGraphs(ctx, ups); err != nil {
				t.Fatal(err)
			}
			for _, u := range ups {
				if got, want := graphOf(t, s, u.Graph), sorted(u.Quads); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: %s holds %v, want %v", spec, round, u.Graph, got, want)
				}
			}
		}
		if n, err := s.Count(ctx, nil, nil, nil, nil); err != nil || n > 2*12 {
			t.Errorf("%s: %d quads in the store (%v); placeholders left behind?", spec, n, err)
		}
	}
}

func graphOf(t *testing.T, s *graph.Store, g rdf.IRI) []rdf.Quad {
	t.Helper()
	var out []rdf.Quad
	for q, err := range s.Match(context.Background(), nil, nil, nil, g) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	return sorted(out)
}

func sorted(qs []rdf.Quad) []rdf.Quad {
	m := map[rdf.Quad]bool{}
	var out []rdf.Quad
	for _, q := range qs {
		if !m[q] {
			m[q] = true
			out = append(out, q)
		}
	}
	slices.SortFunc(out, rdf.CompareQuads)
	return out
}
