package rdf

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

func collect(t *testing.T, seq func(func(Quad, error) bool)) []string {
	t.Helper()
	var out []string
	for q, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String())
	}
	slices.Sort(out)
	return out
}

func TestDatasetMatch(t *testing.T) {
	ctx := context.Background()
	a, b, c := IRI("http://ex/a"), IRI("http://ex/b"), IRI("http://ex/c")
	p, q := IRI("http://ex/p"), IRI("http://ex/q")
	g1, g2 := IRI("http://ex/g1"), BlankNode("g2")
	d := NewDataset(
		Quad{a, p, b, nil},
		Quad{a, p, b, nil}, // duplicate
		Quad{a, q, NewString("x"), nil},
		Quad{b, p, c, nil},
		Quad{a, p, c, g1},
		Quad{c, q, a, g2},
	)
	if d.Len() != 5 {
		t.Fatalf("Len = %d, want 5 (duplicates dropped)", d.Len())
	}
	tests := []struct {
		name    string
		s, p, o Term
		g       Term
		named   bool
		want    []string
	}{
		{"all default", nil, nil, nil, nil, false, []string{
			`<http://ex/a> <http://ex/p> <http://ex/b> .`,
			`<http://ex/a> <http://ex/q> "x" .`,
			`<http://ex/b> <http://ex/p> <http://ex/c> .`}},
		{"by subject", a, nil, nil, nil, false, []string{
			`<http://ex/a> <http://ex/p> <http://ex/b> .`,
			`<http://ex/a> <http://ex/q> "x" .`}},
		{"by predicate and object", nil, p, c, nil, false, []string{
			`<http://ex/b> <http://ex/p> <http://ex/c> .`}},
		{"fully bound hit", a, q, NewString("x"), nil, false, []string{
			`<http://ex/a> <http://ex/q> "x" .`}},
		{"fully bound miss", a, q, NewString("y"), nil, false, nil},
		{"literal object", nil, nil, NewString("x"), nil, false, []string{
			`<http://ex/a> <http://ex/q> "x" .`}},
		{"named graph", nil, nil, nil, g1, false, []string{
			`<http://ex/a> <http://ex/p> <http://ex/c> <http://ex/g1> .`}},
		{"unknown graph", nil, nil, nil, IRI("http://ex/none"), false, nil},
		{"any named", nil, nil, nil, nil, true, []string{
			`<http://ex/a> <http://ex/p> <http://ex/c> <http://ex/g1> .`,
			`<http://ex/c> <http://ex/q> <http://ex/a> _:g2 .`}},
		{"any named by object", nil, nil, a, nil, true, []string{
			`<http://ex/c> <http://ex/q> <http://ex/a> _:g2 .`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			if tt.named {
				got = collect(t, d.MatchNamed(ctx, tt.s, tt.p, tt.o))
			} else {
				got = collect(t, d.Match(ctx, tt.s, tt.p, tt.o, tt.g))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	var names []Term
	for g, err := range d.NamedGraphs(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, g)
	}
	if !slices.Equal(names, []Term{g1, g2}) {
		t.Errorf("NamedGraphs = %v", names)
	}
	if n := len(d.Quads()); n != 5 {
		t.Errorf("Quads() has %d quads, want 5", n)
	}
}

func TestDatasetCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := NewDataset(Quad{IRI("http://ex/a"), IRI("http://ex/p"), IRI("http://ex/b"), nil})
	for _, err := range d.Match(ctx, nil, nil, nil, nil) {
		if err == nil {
			t.Fatal("match on a cancelled context yielded a quad")
		}
		return
	}
	t.Fatal("match on a cancelled context yielded nothing, want the context error")
}

func BenchmarkDatasetMatch(b *testing.B) {
	d := NewDataset()
	p := []IRI{"http://ex/p0", "http://ex/p1", "http://ex/p2", "http://ex/p3"}
	for i := range 100000 {
		d.Add(Quad{IRI("http://ex/s" + strconv.Itoa(i%5000)), p[i%4], NewString(strconv.Itoa(i)), nil})
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		n := 0
		for range d.Match(ctx, IRI("http://ex/s"+strconv.Itoa(i%5000)), p[(i%5000)%4], nil, nil) {
			n++
		}
		if n == 0 {
			b.Fatal("no match")
		}
	}
}
