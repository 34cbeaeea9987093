// Package graphtest is the store conformance suite: every backend runs the
// same cases through Run.
package graphtest

import (
	"context"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// Opener opens a fresh, empty store for one test.
type Opener func(t *testing.T) *graph.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	t.Run("RoundTripTerms", func(t *testing.T) { roundTripTerms(t, open(t)) })
	t.Run("ReplaceIsIdempotent", func(t *testing.T) { replaceIsIdempotent(t, open(t)) })
	t.Run("ReplaceTouchesOneGraph", func(t *testing.T) { replaceTouchesOneGraph(t, open(t)) })
	t.Run("MatchByEveryPosition", func(t *testing.T) { matchByEveryPosition(t, open(t)) })
	t.Run("InvalidQuadChangesNothing", func(t *testing.T) { invalidQuadChangesNothing(t, open(t)) })
}

const ex = "http://example.org/"

func collect(t *testing.T, s *graph.Store, subj, pred, obj, g rdf.Term) []rdf.Quad {
	t.Helper()
	var out []rdf.Quad
	for q, err := range s.Match(context.Background(), subj, pred, obj, g) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	slices.SortFunc(out, rdf.CompareQuads)
	return out
}

func roundTripTerms(t *testing.T, s *graph.Store) {
	g := rdf.IRI(ex + "g")
	in := []rdf.Quad{
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "int"), O: rdf.NewTyped("01", "http://www.w3.org/2001/XMLSchema#integer")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "dec"), O: rdf.NewTyped("1.50", "http://www.w3.org/2001/XMLSchema#decimal")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "bool"), O: rdf.NewTyped("false", "http://www.w3.org/2001/XMLSchema#boolean")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "date"), O: rdf.NewTyped("1952-09-17", "http://www.w3.org/2001/XMLSchema#date")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "ru"), O: rdf.NewLangString("Мао Цзэдун", "ru")},
		{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "plain"), O: rdf.NewString("line\nbreak \"quoted\"")},
		{S: rdf.BlankNode("b1"), P: rdf.IRI(ex + "p"), O: rdf.IRI(ex + "o")},
	}
	if _, err := s.ReplaceGraph(context.Background(), g, in); err != nil {
		t.Fatal(err)
	}
	got := collect(t, s, nil, nil, nil, g)
	want := slices.Clone(in)
	for i := range want {
		want[i].G = g
	}
	slices.SortFunc(want, rdf.CompareQuads)
	if !slices.Equal(got, want) {
		t.Fatalf("terms changed in the store:\n got %v\nwant %v", got, want)
	}
}

func replaceIsIdempotent(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	g := rdf.IRI(ex + "doc/1")
	qs := []rdf.Quad{
		{S: g, P: rdf.IRI(ex + "title"), O: rdf.NewString("a letter")},
		{S: g, P: rdf.IRI(ex + "mentions"), O: rdf.IRI(ex + "korea")},
	}
	ch, err := s.ReplaceGraph(ctx, g, qs)
	if err != nil || ch.Added != 2 {
		t.Fatalf("first write: %+v, %v", ch, err)
	}
	ch, err = s.ReplaceGraph(ctx, g, qs)
	if err != nil || ch.Added != 0 || ch.Removed != 0 {
		t.Fatalf("second write of the same graph changed it: %+v, %v", ch, err)
	}
	qs[0].O = rdf.NewString("a telegram")
	ch, err = s.ReplaceGraph(ctx, g, qs)
	if err != nil || ch.Added != 1 || ch.Removed != 1 {
		t.Fatalf("changed title: %+v, %v", ch, err)
	}
	if n := len(collect(t, s, nil, nil, nil, g)); n != 2 {
		t.Fatalf("graph holds %d quads, want 2", n)
	}
}

func replaceTouchesOneGraph(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	a, b := rdf.IRI(ex+"a"), rdf.IRI(ex+"b")
	shared := rdf.Quad{S: rdf.IRI(ex + "stalin"), P: rdf.IRI(ex + "name"), O: rdf.NewString("Stalin")}
	if _, err := s.ReplaceGraph(ctx, a, []rdf.Quad{shared}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceGraph(ctx, b, []rdf.Quad{shared}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteGraph(ctx, a); err != nil {
		t.Fatal(err)
	}
	got := collect(t, s, shared.S, nil, nil, nil)
	if len(got) != 1 || got[0].G != b {
		t.Fatalf("after deleting graph a: %v", got)
	}
	gs, err := s.Graphs(ctx)
	if err != nil || len(gs) != 1 || gs[0] != b {
		t.Fatalf("Graphs = %v, %v; want [%v]", gs, err, b)
	}
}

func matchByEveryPosition(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	g := rdf.IRI(ex + "g")
	var qs []rdf.Quad
	for i := range 5 {
		for j := range 4 {
			qs = append(qs, rdf.Quad{S: rdf.IRI(ex + "s" + string(rune('0'+i))), P: rdf.IRI(ex + "p" + string(rune('0'+j))), O: rdf.NewString(string(rune('a' + (i+j)%3)))})
		}
	}
	if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
		t.Fatal(err)
	}
	count := func(subj, pred, obj, gr rdf.Term) int { return len(collect(t, s, subj, pred, obj, gr)) }
	checks := []struct {
		name       string
		s, p, o, g rdf.Term
		want       int
	}{
		{"all", nil, nil, nil, nil, 20},
		{"subject", rdf.IRI(ex + "s1"), nil, nil, nil, 4},
		{"predicate", nil, rdf.IRI(ex + "p2"), nil, nil, 5},
		{"object", nil, nil, rdf.NewString("a"), nil, 7},
		{"graph", nil, nil, nil, g, 20},
		{"subject+object", rdf.IRI(ex + "s0"), nil, rdf.NewString("b"), nil, 1},
		{"unknown term", rdf.IRI(ex + "nobody"), nil, nil, nil, 0},
		{"other graph", nil, nil, nil, rdf.IRI(ex + "other"), 0},
	}
	for _, c := range checks {
		if got := count(c.s, c.p, c.o, c.g); got != c.want {
			t.Errorf("%s: %d quads, want %d", c.name, got, c.want)
		}
	}
}

func invalidQuadChangesNothing(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	g := rdf.IRI(ex + "g")
	good := rdf.Quad{S: rdf.IRI(ex + "s"), P: rdf.IRI(ex + "p"), O: rdf.NewString("o")}
	if _, err := s.ReplaceGraph(ctx, g, []rdf.Quad{good}); err != nil {
		t.Fatal(err)
	}
	bad := rdf.Quad{S: rdf.NewString("literal subject"), P: rdf.IRI(ex + "p"), O: rdf.NewString("o")}
	if _, err := s.ReplaceGraph(ctx, g, []rdf.Quad{bad}); err == nil {
		t.Fatal("a literal subject was accepted")
	}
	if got := collect(t, s, nil, nil, nil, g); len(got) != 1 || got[0].O != good.O {
		t.Fatalf("a failed write changed the graph: %v", got)
	}
}
