package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// TestReaderMatchesStore compares every pattern shape read through a
// Reader with the store's own Match and MatchTriples, on graphs sharing
// triples and after a replace has deleted quads, a term and re-added it.
func TestReaderMatchesStore(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "store"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	iri := func(s string) rdf.IRI { return rdf.IRI("http://e/" + s) }
	p, q := iri("p"), iri("q")
	var g1, g2 []rdf.Quad
	for i := range 5 {
		x := iri(fmt.Sprint("x", i))
		g1 = append(g1, rdf.Quad{S: x, P: p, O: rdf.NewString(fmt.Sprint("v", i%3))}, rdf.Quad{S: x, P: q, O: iri("y")})
		if i%2 == 0 {
			g2 = append(g2, rdf.Quad{S: x, P: p, O: rdf.NewString(fmt.Sprint("v", i%3))})
		}
	}
	g2 = append(g2, rdf.Quad{S: iri("gone"), P: q, O: rdf.NewLangString("bye", "en")})
	write := func(g rdf.IRI, qs []rdf.Quad) {
		if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
			t.Fatal(err)
		}
	}
	write(iri("g1"), g1)
	write(iri("g2"), g2)
	check := func(stage string) {
		t.Helper()
		r, ok, err := s.NewReader(ctx)
		if err != nil || !ok {
			t.Fatalf("NewReader: %v, %v", ok, err)
		}
		defer r.Close()
		// "gone" first: a scan reading it refreshes the cache.
		terms := []rdf.Term{iri("gone"), nil, iri("x0"), iri("x2"), p, q, rdf.NewString("v0"), iri("y"), iri("missing")}
		graphs := []rdf.Term{nil, iri("g1"), iri("g2")}
		collect := func(seq func(func(rdf.Quad, error) bool)) []string {
			var out []string
			for x, err := range seq {
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(x))
			}
			slices.Sort(out)
			return out
		}
		// Read everything through the reader first: the store's own reads
		// refresh the term cache the reader shares, and would hide a
		// stale id.
		type pattern struct {
			s, p, o, g rdf.Term
			distinct   bool
		}
		var patterns []pattern
		for _, sv := range terms {
			for _, pv := range []rdf.Term{nil, p, q} {
				for _, ov := range terms {
					for _, g := range graphs {
						patterns = append(patterns, pattern{sv, pv, ov, g, false})
					}
					patterns = append(patterns, pattern{sv, pv, ov, nil, true})
				}
			}
		}
		got := make([][]string, len(patterns))
		counts := make([]int, len(patterns))
		for i, pt := range patterns {
			got[i] = collect(r.Match(pt.s, pt.p, pt.o, pt.g, pt.distinct))
			counts[i] = r.CountUpTo(pt.s, pt.p, pt.o, pt.g, 0)
		}
		for i, pt := range patterns {
			var want []string
			if pt.distinct {
				want = collect(s.MatchTriples(ctx, pt.s, pt.p, pt.o))
			} else {
				want = collect(s.Match(ctx, pt.s, pt.p, pt.o, pt.g))
				if counts[i] < len(want) {
					t.Errorf("%s: CountUpTo%v = %d, below %d", stage, pt, counts[i], len(want))
				}
			}
			if !slices.Equal(got[i], want) {
				t.Errorf("%s: Match%v: reader %v, store %v", stage, pt, got[i], want)
			}
		}
		// Subjects: the intersection of the subjects of each pair.
		for _, pairs := range [][][2]rdf.Term{
			{{p, rdf.NewString("v0")}},
			{{p, rdf.NewString("v0")}, {q, iri("y")}},
			{{q, iri("y")}, {p, rdf.NewString("v1")}, {p, rdf.NewString("v1")}},
			{{q, iri("y")}, {p, iri("missing")}},
			{{q, rdf.NewLangString("bye", "en")}},
		} {
			got, ok, err := r.Subjects(pairs)
			if err != nil || !ok {
				t.Fatalf("Subjects: %v, %v", ok, err)
			}
			var want []string
			for sv, err := range s.MatchTriples(ctx, nil, pairs[0][0], pairs[0][1]) {
				if err != nil {
					t.Fatal(err)
				}
				all := true
				for _, pr := range pairs[1:] {
					n := 0
					for range s.MatchTriples(ctx, sv.S, pr[0], pr[1]) {
						n++
					}
					all = all && n > 0
				}
				if all {
					want = append(want, fmt.Sprint(sv.S))
				}
			}
			var gotS []string
			for _, x := range got {
				gotS = append(gotS, fmt.Sprint(x))
			}
			slices.Sort(want)
			slices.Sort(gotS)
			if !slices.Equal(gotS, want) {
				t.Errorf("%s: Subjects(%v) = %v, want %v", stage, pairs, gotS, want)
			}
		}
		gs, err := r.Graphs()
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.Graphs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(gs, want) {
			t.Errorf("%s: Graphs: reader %v, store %v", stage, gs, want)
		}
	}
	check("first load")
	// Delete "gone" (its last quad) and a shared triple's copy in g2.
	write(iri("g2"), g2[:1])
	check("after deleting")
	// Add "gone" back: a new node id for the same term, while the cache
	// still knows the old one.
	write(iri("g3"), []rdf.Quad{{S: iri("gone"), P: q, O: iri("y")}})
	check("after adding back")
	write(iri("g1"), nil)
	check("after emptying a graph")
}
