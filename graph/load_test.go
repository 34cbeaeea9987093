package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// loadQuads are graphs with the kinds of terms a store must keep exactly:
// language tags, datatypes, blank nodes, and literals longer than a page.
func loadQuads(i int) (rdf.IRI, []rdf.Quad) {
	g, qs := docQuads(i)
	long := strings.Repeat(fmt.Sprintf("a long evidence sentence %d ", i), 400) // ~11 KB: an overflow page
	qs = append(qs,
		rdf.Quad{S: g, P: rdf.IRI("http://purl.org/dc/terms/date"), O: rdf.NewTyped(fmt.Sprintf("1952-09-%02d", i%28+1), rdf.IRI("http://www.w3.org/2001/XMLSchema#date"))},
		rdf.Quad{S: g, P: rdf.IRI("http://purl.org/dc/terms/description"), O: rdf.NewString(long)},
		rdf.Quad{S: rdf.BlankNode(fmt.Sprintf("b%d", i)), P: rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: rdf.NewLangString("Филиппов", "ru")},
	)
	return g, qs
}

// checkBoltFile runs bolt's own consistency check over a closed store.
func checkBoltFile(t *testing.T, dir string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("bolt check: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A first load through a Loader gives the store a memory store gets from
// the same graphs, the file passes bolt's consistency check, and the
// store takes ordinary writes afterwards.
func TestLoaderBuildsTheStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := graph.Open(ctx, dir, graph.Options{Base: "http://example.org/archive/"})
	if err != nil {
		t.Fatal(err)
	}
	mem, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	l, ok, err := s.NewLoader(ctx)
	if err != nil || !ok {
		t.Fatalf("an empty bolt store gives no loader: %v", err)
	}
	var progress []int64
	l.Progress = func(done, total int64) { progress = append(progress, done, total) }
	n := 400
	for i := range n {
		g, qs := loadQuads(i)
		qs = append(qs, qs[0]) // a duplicate is kept once
		ch, err := l.Add(g, qs)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Added != len(qs)-1 {
			t.Fatalf("graph %d: %d added, want %d", i, ch.Added, len(qs)-1)
		}
		if _, err := mem.ReplaceGraph(ctx, g, qs); err != nil {
			t.Fatal(err)
		}
	}
	// A graph added again replaces what it had.
	g7, qs7 := loadQuads(7)
	if _, err := l.Add(g7, qs7[:10]); err != nil {
		t.Fatal(err)
	}
	mem.ReplaceGraph(ctx, g7, qs7[:10])
	if err := l.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-2] != progress[len(progress)-1] {
		t.Errorf("progress did not reach its total: %v", progress[max(0, len(progress)-4):])
	}
	if got, want := sortedQuads(t, s, nil), sortedQuads(t, mem, nil); !slices.Equal(got, want) {
		t.Fatalf("loaded store holds %d quads, memory store %d, or they differ", len(got), len(want))
	}
	if s.Base() != "http://example.org/archive/" {
		t.Errorf("base after the load: %s", s.Base())
	}
	// Lookups by every index position.
	e := rdf.IRI("http://example.org/e/3")
	for _, pat := range [][4]rdf.Term{{e, nil, nil, nil}, {nil, nil, e, nil}, {nil, rdf.IRI("http://purl.org/dc/terms/date"), nil, nil}, {nil, nil, nil, g7}} {
		a, err1 := s.Count(ctx, pat[0], pat[1], pat[2], pat[3])
		b, err2 := mem.Count(ctx, pat[0], pat[1], pat[2], pat[3])
		if err1 != nil || err2 != nil || a != b || a == 0 {
			t.Errorf("count %v: loaded %d, memory %d (%v, %v)", pat, a, b, err1, err2)
		}
	}
	// Ordinary writes on top: replace one graph, delete another, add one.
	g3, qs3 := loadQuads(3)
	for _, st := range []*graph.Store{s, mem} {
		if _, err := st.ReplaceGraph(ctx, g3, qs3[50:]); err != nil {
			t.Fatal(err)
		}
		if _, err := st.DeleteGraph(ctx, g7); err != nil {
			t.Fatal(err)
		}
		gn, qn := loadQuads(n + 1)
		if _, err := st.ReplaceGraph(ctx, gn, qn); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := sortedQuads(t, s, nil), sortedQuads(t, mem, nil); !slices.Equal(got, want) {
		t.Fatalf("after later writes: loaded store holds %d quads, memory store %d, or they differ", len(got), len(want))
	}
	s.Close()
	checkBoltFile(t, dir)
	s, err = graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := sortedQuads(t, s, nil), sortedQuads(t, mem, nil); !slices.Equal(got, want) {
		t.Fatalf("after reopening: %d quads, want %d", len(got), len(want))
	}
	if _, ok, _ := s.NewLoader(ctx); ok {
		t.Error("a store holding graphs gives a loader")
	}
}

// An interrupted first load leaves the store as it was: empty, usable, and
// without the unfinished file.
func TestLoaderInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := graph.Open(ctx, dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, ok, err := s.NewLoader(ctx)
	if err != nil || !ok {
		t.Fatal("no loader", err)
	}
	for i := range 600 {
		g, qs := docQuads(i)
		l.Add(g, qs)
	}
	l.Progress = func(done, total int64) {
		if done > total/2 {
			cancel()
		}
	}
	if err := l.Commit(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted commit: %v", err)
	}
	if n, err := s.Count(context.Background(), nil, nil, nil, nil); n != 0 || err != nil {
		t.Fatalf("store holds %d quads after an interrupted load (%v)", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "indexes.bolt.new")); !os.IsNotExist(err) {
		t.Errorf("the unfinished file is left behind: %v", err)
	}
	g, qs := docQuads(1)
	if ch, err := s.ReplaceGraph(context.Background(), g, qs); err != nil || ch.Added != len(qs) {
		t.Fatalf("writing after an interrupted load: %+v %v", ch, err)
	}
}

func TestLoaderOnlyForEmptyEmbeddedStores(t *testing.T) {
	ctx := context.Background()
	mem, _ := graph.Open(ctx, "memory:", graph.Options{})
	defer mem.Close()
	if _, ok, err := mem.NewLoader(ctx); ok || err != nil {
		t.Errorf("memory store: loader %v, %v", ok, err)
	}
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "s"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g, qs := docQuads(0)
	s.ReplaceGraph(ctx, g, qs)
	if _, ok, err := s.NewLoader(ctx); ok || err != nil {
		t.Errorf("store with a graph: loader %v, %v", ok, err)
	}
}
