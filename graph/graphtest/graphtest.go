// Package graphtest is the store conformance suite: every backend runs the
// same cases through Run. A case that uses a facility only some backends
// have (a Reader, a Loader) runs its fallback on the others, so that every
// backend answers the same questions the same way.
package graphtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
	t.Run("MatchTriplesIsTheUnion", func(t *testing.T) { matchTriplesIsTheUnion(t, open(t)) })
	t.Run("ReaderAgreesWithMatch", func(t *testing.T) { readerAgreesWithMatch(t, open(t)) })
	t.Run("BulkThenIncremental", func(t *testing.T) { bulkThenIncremental(t, open(t)) })
	t.Run("AddKeepsTheGraph", func(t *testing.T) { addKeepsTheGraph(t, open(t)) })
	t.Run("Loader", func(t *testing.T) { loader(t, open(t)) })
	t.Run("Counts", func(t *testing.T) { counts(t, open(t)) })
	t.Run("InterruptedWriteChangesNothing", func(t *testing.T) { interruptedWriteChangesNothing(t, open(t)) })
	t.Run("InterruptedLoadChangesNothing", func(t *testing.T) { interruptedLoadChangesNothing(t, open(t)) })
	t.Run("Appender", func(t *testing.T) { appender(t, open(t)) })
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

// dump is every quad of the store, sorted, as text.
func dump(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var out []string
	for _, q := range collect(t, s, nil, nil, nil, nil) {
		out = append(out, fmt.Sprint(q))
	}
	slices.Sort(out)
	return out
}

// docs makes n document graphs of m statements each, a third of them about
// entities the documents share.
func docs(from, n, m int) []graph.GraphUpdate {
	var ups []graph.GraphUpdate
	for i := from; i < from+n; i++ {
		g := rdf.IRI(fmt.Sprintf("%sdoc/%d", ex, i))
		var qs []rdf.Quad
		for j := range m {
			e := rdf.IRI(fmt.Sprintf("%se/%d", ex, (i+j)%7))
			switch j % 3 {
			case 0:
				qs = append(qs, rdf.Quad{S: g, P: rdf.IRI(ex + "mentions"), O: e})
			case 1:
				qs = append(qs, rdf.Quad{S: e, P: rdf.IRI(ex + "label"), O: rdf.NewLangString(fmt.Sprintf("entity %d", (i+j)%7), "en")})
			default:
				qs = append(qs, rdf.Quad{S: rdf.IRI(fmt.Sprintf("%s/claim/%d", g, j)), P: rdf.IRI(ex + "text"), O: rdf.NewString(fmt.Sprintf("claim %d of %d", j, i))})
			}
		}
		ups = append(ups, graph.GraphUpdate{Graph: g, Quads: qs})
	}
	return ups
}

func write(t *testing.T, s *graph.Store, ups []graph.GraphUpdate) []graph.Change {
	t.Helper()
	chs, err := s.ReplaceGraphs(context.Background(), ups)
	if err != nil {
		t.Fatal(err)
	}
	return chs
}

func matchTriplesIsTheUnion(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	shared := rdf.Quad{S: rdf.IRI(ex + "stalin"), P: rdf.IRI(ex + "name"), O: rdf.NewString("Stalin")}
	own := rdf.Quad{S: rdf.IRI(ex + "stalin"), P: rdf.IRI(ex + "born"), O: rdf.NewString("1878")}
	write(t, s, []graph.GraphUpdate{{Graph: ex + "a", Quads: []rdf.Quad{shared, own}}, {Graph: ex + "b", Quads: []rdf.Quad{shared}}})
	var got []rdf.Quad
	for q, err := range s.MatchTriples(ctx, shared.S, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, q)
	}
	slices.SortFunc(got, rdf.CompareQuads)
	want := []rdf.Quad{own, shared}
	slices.SortFunc(want, rdf.CompareQuads)
	if !slices.Equal(got, want) {
		t.Fatalf("MatchTriples = %v, want each triple once with no graph: %v", got, want)
	}
}

// readerAgreesWithMatch reads every pattern shape through a Reader, where
// the backend has one, and compares it with Match and MatchTriples.
func readerAgreesWithMatch(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	ups := docs(0, 4, 12)
	write(t, s, ups)
	// A replace deletes quads and values: the Reader must not see them.
	ups[1].Quads = ups[1].Quads[:5]
	write(t, s, ups[1:2])
	r, ok, err := s.NewReader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Skipf("the %s backend has no Reader: queries read it through Match", s.Backend())
	}
	defer r.Close()
	terms := []rdf.Term{nil, ups[0].Graph, rdf.IRI(ex + "e/3"), rdf.IRI(ex + "mentions"), rdf.IRI(ex + "label"), rdf.NewLangString("entity 3", "en"), rdf.IRI(ex + "nobody")}
	str := func(seq func(func(rdf.Quad, error) bool)) []string {
		var out []string
		for q, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(q))
		}
		slices.Sort(out)
		return out
	}
	for _, sub := range terms {
		for _, pred := range terms {
			for _, obj := range terms {
				for _, g := range []rdf.Term{nil, ups[0].Graph, ups[1].Graph} {
					want := str(s.Match(ctx, sub, pred, obj, g))
					if got := str(r.Match(sub, pred, obj, g, false)); !slices.Equal(got, want) {
						t.Errorf("Reader.Match(%v %v %v %v) = %v, want %v", sub, pred, obj, g, got, want)
					}
					if n := r.CountUpTo(sub, pred, obj, g, 0); n < len(want) {
						t.Errorf("Reader.CountUpTo(%v %v %v %v) = %d, below the %d matches", sub, pred, obj, g, n, len(want))
					}
				}
				want := str(s.MatchTriples(ctx, sub, pred, obj))
				if got := str(r.Match(sub, pred, obj, nil, true)); !slices.Equal(got, want) {
					t.Errorf("distinct Reader.Match(%v %v %v) = %v, want %v", sub, pred, obj, got, want)
				}
			}
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
	slices.Sort(gs)
	slices.Sort(want)
	if !slices.Equal(gs, want) || len(gs) != 4 {
		t.Errorf("Reader.Graphs = %v, Store.Graphs = %v", gs, want)
	}
}

// bulkThenIncremental writes new graphs together (the bulk path of
// embedded stores), then replaces some and adds others in one batch (the
// incremental path), and checks the store against what was written.
func bulkThenIncremental(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	first := docs(0, 5, 9)
	chs := write(t, s, first)
	for i, ch := range chs {
		if ch.Added != len(first[i].Quads) || ch.Removed != 0 {
			t.Fatalf("new graph %d: %+v", i, ch)
		}
	}
	second := append(docs(5, 2, 9), first[0], first[3])
	second[2].Quads = second[2].Quads[3:]                                                                                               // three statements fewer
	second[3].Quads = append(slices.Clone(second[3].Quads), rdf.Quad{S: rdf.IRI(ex + "x"), P: rdf.IRI(ex + "p"), O: rdf.IRI(ex + "y")}) // one more
	chs = write(t, s, second)
	wantCh := []graph.Change{{Added: 9}, {Added: 9}, {Removed: 3}, {Added: 1}}
	if !slices.Equal(chs, wantCh) {
		t.Errorf("changes %+v, want %+v", chs, wantCh)
	}
	final := map[rdf.IRI][]rdf.Quad{}
	for _, u := range append(first, second...) {
		final[u.Graph] = u.Quads
	}
	var want []string
	for g, qs := range final {
		for _, q := range qs {
			q.G = g
			want = append(want, fmt.Sprint(q))
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if got := dump(t, s); !slices.Equal(got, want) {
		t.Fatalf("the store holds %d quads, want %d", len(got), len(want))
	}
	gs, err := s.Graphs(ctx)
	if err != nil || len(gs) != 7 {
		t.Errorf("Graphs = %d graphs (%v), want 7", len(gs), err)
	}
	if _, err := s.DeleteGraph(ctx, first[1].Graph); err != nil {
		t.Fatal(err)
	}
	if gs, err := s.Graphs(ctx); err != nil || len(gs) != 6 || slices.Contains(gs, first[1].Graph) {
		t.Errorf("after a delete, Graphs = %v (%v)", gs, err)
	}
}

func addKeepsTheGraph(t *testing.T, s *graph.Store) {
	g := rdf.IRI(ex + "curation")
	a := rdf.Quad{S: rdf.IRI(ex + "x"), P: rdf.IRI(ex + "sameAs"), O: rdf.IRI(ex + "y")}
	b := rdf.Quad{S: rdf.IRI(ex + "x"), P: rdf.IRI(ex + "sameAs"), O: rdf.IRI(ex + "z")}
	write(t, s, []graph.GraphUpdate{{Graph: g, Quads: []rdf.Quad{a}, Add: true}})
	chs := write(t, s, []graph.GraphUpdate{{Graph: g, Quads: []rdf.Quad{a, b}, Add: true}})
	if chs[0] != (graph.Change{Added: 1}) {
		t.Errorf("adding one new statement: %+v", chs[0])
	}
	if n := len(collect(t, s, nil, nil, nil, g)); n != 2 {
		t.Errorf("the graph holds %d statements, want 2", n)
	}
}

// loader fills an empty store through a Loader where the backend has one,
// and through ReplaceGraphs elsewhere, with the same result.
func loader(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	ups := docs(0, 6, 15)
	l, ok, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		for _, u := range ups {
			if _, err := l.Add(u.Graph, u.Quads); err != nil {
				t.Fatal(err)
			}
		}
		// A graph added again replaces what was added; Extend keeps it.
		if _, err := l.Add(ups[2].Graph, ups[2].Quads[:4]); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Extend(ups[2].Graph, ups[2].Quads[4:6]); err != nil {
			t.Fatal(err)
		}
		v0, versioned := s.Version()
		if err := l.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if v1, _ := s.Version(); versioned && v1 <= v0 {
			t.Errorf("after the load the store's version is %d, was %d", v1, v0)
		}
	} else {
		ups2 := slices.Clone(ups)
		ups2[2].Quads = ups[2].Quads[:6]
		write(t, s, ups2)
	}
	var want []string
	for i, u := range ups {
		qs := u.Quads
		if i == 2 {
			qs = qs[:6]
		}
		for _, q := range qs {
			q.G = u.Graph
			want = append(want, fmt.Sprint(q))
		}
	}
	slices.Sort(want)
	if got := dump(t, s); !slices.Equal(got, want) {
		t.Fatalf("loaded %d quads, want %d", len(got), len(want))
	}
	// Once the store holds graphs, no Loader; writes go on as usual.
	if _, ok, err := s.NewLoader(ctx); ok || err != nil {
		t.Errorf("a Loader over a store with graphs: %v, %v", ok, err)
	}
	chs := write(t, s, []graph.GraphUpdate{{Graph: ups[0].Graph, Quads: ups[0].Quads[:1]}})
	if chs[0].Removed != len(ups[0].Quads)-1 {
		t.Errorf("replacing a loaded graph: %+v", chs[0])
	}
}

func counts(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	ups := docs(0, 3, 12)
	write(t, s, ups)
	mentions := rdf.IRI(ex + "mentions")
	n, err := s.Count(ctx, nil, mentions, nil, nil)
	if err != nil || n != 12 {
		t.Errorf("Count(mentions) = %d, %v; want 12", n, err)
	}
	if n, err := s.Count(ctx, nil, nil, nil, ups[1].Graph); err != nil || n != 12 {
		t.Errorf("Count(graph) = %d, %v; want 12", n, err)
	}
	if n, err := s.CountUpTo(ctx, nil, mentions, nil, nil, 5); err != nil || n != 5 {
		t.Errorf("CountUpTo(mentions, 5) = %d, %v; want 5", n, err)
	}
	if n, err := s.CountUpTo(ctx, nil, mentions, nil, nil, 0); err != nil || n < 12 {
		t.Errorf("CountUpTo(mentions) = %d, %v; want at least 12", n, err)
	}
	if n, err := s.CountUpTo(ctx, rdf.IRI(ex+"nobody"), nil, nil, nil, 0); err != nil || n != 0 {
		t.Errorf("CountUpTo(unknown subject) = %d, %v", n, err)
	}
}

// stopAfter is a context that ends at its k-th question: each place
// where a write asks its context whether to go on becomes a point where
// it is interrupted.
type stopAfter struct {
	context.Context
	k, asked atomic.Int64
}

func (c *stopAfter) Err() error {
	if c.asked.Add(1) >= c.k.Load() {
		return context.Canceled
	}
	return nil
}

func (c *stopAfter) Done() <-chan struct{} { return nil }

func (c *stopAfter) Deadline() (time.Time, bool) { return time.Time{}, false }

// interrupt runs do with a context that ends at its 1st, 2nd, … question
// until do succeeds, and checks after every interrupted run that the store
// is as before.
func interrupt(t *testing.T, s *graph.Store, do func(ctx context.Context) error) {
	t.Helper()
	before := dump(t, s)
	for k := int64(1); ; k++ {
		ctx := &stopAfter{Context: context.Background()}
		ctx.k.Store(k)
		err := do(ctx)
		if err == nil {
			return
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("interrupted at point %d: %v", k, err)
		}
		if got := dump(t, s); !slices.Equal(got, before) {
			t.Fatalf("a write interrupted at point %d changed the store: %d quads, were %d", k, len(got), len(before))
		}
		if k > 1000 {
			t.Fatal("the write never completes")
		}
	}
}

func interruptedWriteChangesNothing(t *testing.T, s *graph.Store) {
	first := docs(0, 3, 9)
	// New graphs (the bulk path of embedded stores)...
	interrupt(t, s, func(ctx context.Context) error {
		_, err := s.ReplaceGraphs(ctx, first)
		return err
	})
	// ...then replacing them and adding one (Cayley's writer).
	second := append(docs(3, 1, 9), first[0])
	second[1].Quads = second[1].Quads[2:]
	interrupt(t, s, func(ctx context.Context) error {
		_, err := s.ReplaceGraphs(ctx, second)
		return err
	})
	if n := len(dump(t, s)); n != 4*9-2 {
		t.Errorf("after the completed writes the store holds %d quads, want %d", n, 4*9-2)
	}
}

func interruptedLoadChangesNothing(t *testing.T, s *graph.Store) {
	ups := docs(0, 40, 30)
	if _, ok, err := s.NewLoader(context.Background()); err != nil || !ok {
		t.Skipf("the %s backend has no Loader (InterruptedWriteChangesNothing covers its writes): %v", s.Backend(), err)
	}
	// A Loader gives its graphs up to Commit: each try loads anew.
	interrupt(t, s, func(ctx context.Context) error {
		l, ok, err := s.NewLoader(context.Background())
		if err != nil || !ok {
			return fmt.Errorf("no Loader after an interrupted load: %v, %v", ok, err)
		}
		for _, u := range ups {
			if _, err := l.Add(u.Graph, u.Quads); err != nil {
				return err
			}
		}
		return l.Commit(ctx)
	})
	want := map[rdf.Quad]bool{}
	for _, u := range ups {
		for _, q := range u.Quads {
			q.G = u.Graph
			want[q] = true
		}
	}
	if n := len(dump(t, s)); n != len(want) {
		t.Errorf("after the completed load the store holds %d quads, want %d", n, len(want))
	}
}

// appender adds graphs to a store with data through an appender where the
// backend has one: a few graphs to many (one transaction), then as many
// again (a new file merged with the store), each interrupted at every
// point first, which must leave the store as it was; then a graph the
// store holds, which the appender replaces.
func appender(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	write(t, s, docs(0, 40, 30))
	if _, ok, err := s.NewAppender(ctx); err != nil || !ok {
		t.Skipf("the %s backend has no appender: %v", s.Backend(), err)
	}
	add := func(ups []graph.GraphUpdate) {
		t.Helper()
		interrupt(t, s, func(ctx context.Context) error {
			l, ok, err := s.NewAppender(context.Background())
			if err != nil || !ok {
				return fmt.Errorf("no appender after an interrupted load: %v, %v", ok, err)
			}
			for _, u := range ups {
				if _, err := l.Add(u.Graph, u.Quads); err != nil {
					return err
				}
			}
			return l.Commit(ctx)
		})
	}
	add(docs(40, 2, 30))
	v0, versioned := s.Version()
	add(docs(42, 40, 30))
	// A store's version only grows, whichever way it was written.
	if v1, _ := s.Version(); versioned && v1 <= v0 {
		t.Errorf("after a load the store's version is %d, was %d", v1, v0)
	}
	replaced := docs(3, 1, 30)[0]
	replaced.Quads = replaced.Quads[:5]
	add([]graph.GraphUpdate{replaced, docs(82, 1, 30)[0]})

	want := map[string]bool{}
	for _, u := range append(docs(0, 83, 30), replaced) {
		if u.Graph == replaced.Graph {
			continue
		}
		for _, q := range u.Quads {
			q.G = u.Graph
			want[fmt.Sprint(q)] = true
		}
	}
	for _, q := range replaced.Quads {
		q.G = replaced.Graph
		want[fmt.Sprint(q)] = true
	}
	got := dump(t, s)
	if len(got) != len(want) {
		t.Fatalf("the store holds %d quads, want %d", len(got), len(want))
	}
	for _, q := range got {
		if !want[q] {
			t.Fatalf("the store holds %s, which was not written", q)
		}
	}
	var mentions int64
	for q := range want {
		if strings.Contains(q, ex+"mentions") {
			mentions++
		}
	}
	if n, err := s.Count(ctx, nil, rdf.IRI(ex+"mentions"), nil, nil); err != nil || n != mentions {
		t.Errorf("Count(mentions) = %d, %v; want %d", n, err, mentions)
	}
}
