package graph_test

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// oldStore unpacks testdata/oldstore/store.bolt.gz, a store written by
// github.com/boltdb/bolt before the move to go.etcd.io/bbolt through every
// write path (see gen.go there), into a new store folder, and returns the
// folder and the sorted N-Quads lines the store held then.
func oldStore(t *testing.T) (dir string, want []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "old.db")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open("testdata/oldstore/store.bolt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	nq, err := os.ReadFile("testdata/oldstore/store.nq")
	if err != nil {
		t.Fatal(err)
	}
	want = strings.SplitAfter(string(nq), "\n")
	if want[len(want)-1] == "" {
		want = want[:len(want)-1]
	}
	return dir, want
}

func lines(t *testing.T, seq func(func(rdf.Quad, error) bool)) []string {
	t.Helper()
	var out []string
	for q, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String()+"\n")
	}
	slices.Sort(out)
	return out
}

// patterns are the quad patterns a store answers from different indexes:
// one position bound, and each pair and triple of positions, taken from
// the quads themselves.
func patterns(qs []rdf.Quad) [][4]rdf.Term {
	var out [][4]rdf.Term
	seen := map[[4]rdf.Term]bool{}
	for _, q := range qs {
		terms := [4]rdf.Term{q.S, q.P, q.O, q.G}
		for mask := 1; mask < 16; mask++ {
			var p [4]rdf.Term
			for i := range 4 {
				if mask&(1<<i) != 0 {
					p[i] = terms[i]
				}
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

func matches(q rdf.Quad, p [4]rdf.Term) bool {
	return (p[0] == nil || p[0] == q.S) && (p[1] == nil || p[1] == q.P) &&
		(p[2] == nil || p[2] == q.O) && (p[3] == nil || p[3] == q.G)
}

// TestOldStore opens a store written before the move to bbolt and reads
// every quad it held, by every pattern, through Match, a Reader and a
// read-only opening; then writes to it and reads the change back.
func TestOldStore(t *testing.T) {
	ctx := context.Background()
	dir, want := oldStore(t)

	ro, err := graph.Open(ctx, dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !ro.ReadOnly() {
		t.Error("the old store did not open read-only")
	}
	if got := lines(t, ro.Match(ctx, nil, nil, nil, nil)); !slices.Equal(got, want) {
		t.Fatalf("read-only Match of the old store:\n%s\nwant:\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	q9 := rdf.Quad{S: rdf.IRI("http://archive.example/doc/9"), P: rdf.IRI("http://archive.example/title"), O: rdf.NewString("x")}
	if _, err := ro.ReplaceGraph(ctx, "http://archive.example/graph/9", []rdf.Quad{q9}); err == nil {
		t.Error("a write to the store opened read-only succeeded")
	}
	ro.Close()

	s, err := graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Base() != "http://archive.example/kg/" {
		t.Errorf("base = %q, want the one the old store was created with", s.Base())
	}
	var all []rdf.Quad
	for q, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, q)
	}
	if got := lines(t, func(yield func(rdf.Quad, error) bool) {
		for _, q := range all {
			yield(q, nil)
		}
	}); !slices.Equal(got, want) {
		t.Fatalf("Match of the old store:\n%s\nwant:\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	r, ok, err := s.NewReader(ctx)
	if err != nil || !ok {
		t.Fatalf("NewReader: %v, %v", ok, err)
	}
	pats := patterns(all)
	for _, p := range pats {
		var exp []string
		for _, q := range all {
			if matches(q, p) {
				exp = append(exp, q.String()+"\n")
			}
		}
		slices.Sort(exp)
		if got := lines(t, s.Match(ctx, p[0], p[1], p[2], p[3])); !slices.Equal(got, exp) {
			t.Errorf("Match%v: %d quads, want %d", p, len(got), len(exp))
		}
		if got := lines(t, r.Match(p[0], p[1], p[2], p[3], false)); !slices.Equal(got, exp) {
			t.Errorf("Reader.Match%v: %d quads, want %d", p, len(got), len(exp))
		}
	}
	gs, err := r.Graphs()
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	var wantGraphs []rdf.IRI
	for _, q := range all {
		if g := q.G.(rdf.IRI); !slices.Contains(wantGraphs, g) {
			wantGraphs = append(wantGraphs, g)
		}
	}
	slices.Sort(gs)
	slices.Sort(wantGraphs)
	if !slices.Equal(gs, wantGraphs) {
		t.Errorf("Graphs = %v, want %v", gs, wantGraphs)
	}

	// Written to by today's code: a graph replaced (Cayley's writer) and a
	// new one (the bulk path), then read back after reopening.
	g1, g8 := rdf.IRI("http://archive.example/graph/1"), rdf.IRI("http://archive.example/graph/8")
	q8 := rdf.Quad{S: rdf.IRI("http://archive.example/doc/8"), P: rdf.IRI("http://archive.example/title"), O: rdf.NewLangString("Запись", "ru"), G: g8}
	if _, err := s.ReplaceGraph(ctx, g1, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceGraph(ctx, g8, []rdf.Quad{q8}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var exp []string
	for _, q := range all {
		if q.G != g1 {
			exp = append(exp, q.String()+"\n")
		}
	}
	exp = append(exp, q8.String()+"\n")
	slices.Sort(exp)
	if got := lines(t, s.Match(ctx, nil, nil, nil, nil)); !slices.Equal(got, exp) {
		t.Errorf("after writing to the old store:\n%s\nwant:\n%s", strings.Join(got, ""), strings.Join(exp, ""))
	}
}
