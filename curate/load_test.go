package curate_test

import (
	"context"
	"testing"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Load keeps what it read with the store, yet every write shows: a
// correction committed, one written into the curation graph by another
// route (as a restored dump would), a twin removed. A Set already loaded
// is not changed by later commits.
func TestLoadSeesEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := examples(t)
	m := s.Minter()
	load := func() *curate.Set {
		t.Helper()
		set, err := curate.Load(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	first := load()
	if !first.Empty() {
		t.Fatalf("a new store has %d corrections", len(first.All))
	}

	c := corr(curate.AddLabel)
	c.Entity, c.Label = stalin, rdf.NewLangString("Koba", "en")
	mustCommit(t, s, c)
	set := load()
	if len(set.All) != 1 || set.Get(c.ID()) == nil || set.Corrected() == 0 {
		t.Fatalf("after a commit: %d corrections, %d corrected graphs", len(set.All), set.Corrected())
	}
	if !first.Empty() {
		t.Errorf("a commit changed a Set loaded before it (%d corrections)", len(first.All))
	}
	if again := load(); len(again.All) != 1 || again.Corrected() != set.Corrected() {
		t.Errorf("loading again: %d corrections, %d corrected graphs", len(again.All), again.Corrected())
	}

	d := corr(curate.Retype)
	d.Entity, d.Class = mao, vocab.ClassOrganization
	d.Mint(m)
	if _, err := s.ReplaceGraphs(ctx, []graph.GraphUpdate{{Graph: m.Curation(), Quads: d.Quads(m, m.Curation()), Add: true}}); err != nil {
		t.Fatal(err)
	}
	if set := load(); len(set.All) != 2 || set.Get(d.ID()) == nil {
		t.Fatalf("a correction written into the curation graph is not loaded (%d corrections)", len(set.All))
	}

	var twin rdf.IRI
	for q, err := range s.Match(ctx, nil, vocab.DGDigest, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		twin = q.G.(rdf.IRI)
	}
	n := load().Corrected()
	if _, err := s.DeleteGraph(ctx, twin); err != nil {
		t.Fatal(err)
	}
	if got := load().Corrected(); got != n-1 {
		t.Errorf("after the twin %s was deleted, %d graphs are corrected, want %d", twin, got, n-1)
	}
}
