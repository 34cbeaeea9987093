package queries_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/internal/archive"
	"github.com/docgraph/docgraph/rdf"
)

// TestBoltStoreAgreesWithMemory runs the exploration queries, and others
// of the shapes the bolt read path answers in its own ways (one read
// transaction, subjects found by intersecting index ranges, memos and hash
// tables of lookups), on a small synthetic archive in a bolt store and in
// memory: the solutions must agree.
func TestBoltStoreAgreesWithMemory(t *testing.T) {
	ctx := context.Background()
	c := archive.Config{Seed: 7, Documents: 600, Persons: 40, Others: 60}
	s, err := graph.Open(ctx, filepath.Join(t.TempDir(), "store"), graph.Options{Base: archive.Base})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	byGraph := map[rdf.IRI][]rdf.Quad{}
	var order []rdf.IRI
	mem := rdf.NewDataset()
	archive.Generate(c, func(q rdf.Quad) {
		g := q.G.(rdf.IRI)
		if _, ok := byGraph[g]; !ok {
			order = append(order, g)
		}
		byGraph[g] = append(byGraph[g], q)
		q.G = nil // the store's default graph is the union of its graphs
		mem.Add(q)
	})
	var updates []graph.GraphUpdate
	for _, g := range order {
		updates = append(updates, graph.GraphUpdate{Graph: g, Quads: byGraph[g]})
	}
	if _, err := s.ReplaceGraphs(ctx, updates); err != nil {
		t.Fatal(err)
	}
	texts := []string{
		// Two and three pairs on one subject, a filter on it, a LIMIT.
		`SELECT ?d WHERE { ?d schema:mentions p:p2 , p:p9 }`,
		`SELECT ?d ?t WHERE { ?d schema:mentions p:p1 ; dcterms:type dg:letter ; schema:mentions p:p3 . ?d dcterms:title ?t }`,
		`SELECT ?d WHERE { ?d schema:mentions p:p1 , p:p2 FILTER(STR(?d) > "https://archive.example.org/doc/d3") }`,
		`SELECT ?d WHERE { ?d schema:mentions p:p1 , p:p2 } ORDER BY ?d LIMIT 3`,
		`SELECT ?d WHERE { ?d schema:mentions p:p1 , p:nobody }`,
		// The same shape with the subject bound from outside, and inside OPTIONAL.
		`SELECT ?p ?d WHERE { ?d dcterms:creator ?p . { ?d schema:mentions p:p1 , p:p2 } }`,
		`SELECT ?p ?d WHERE { ?p dg:pseudonym ?n OPTIONAL { ?d dcterms:creator ?p ; schema:mentions p:p1 , p:p2 } }`,
		// Repeated lookups.
		`SELECT ?b (COUNT(*) AS ?n) WHERE { ?d1 dcterms:creator p:p3 ; schema:recipient ?b . ?d2 dcterms:creator ?b } GROUP BY ?b`,
	}
	for _, q := range archive.Queries {
		// The small archive has no "shaka" in its labels.
		texts = append(texts, strings.ReplaceAll(q.Text, `"shaka"`, `"kami"`))
	}
	// Explain tells how the first query's subjects were found.
	p, err := queries.Prepare(archive.Prefixes+texts[0], queries.Options{Stats: queries.StoreStats(ctx, s)})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Explain(ctx, queries.StoreDataset(s))
	if err != nil || !strings.Contains(out, "triples 1-2: ") || !strings.Contains(out, "subjects with all of them, from index ranges") {
		t.Errorf("explain of %s: %v\n%s", texts[0], err, out)
	}
	wants := map[string][]string{}
	for _, text := range texts {
		run := func(ds queries.Dataset, opt queries.Options) []string {
			p, err := queries.Prepare(archive.Prefixes+text, opt)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			res, err := p.Run(ctx, ds)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for row, err := range res.Solutions {
				if err != nil {
					t.Fatalf("%s: %v", text, err)
				}
				out = append(out, fmt.Sprint(row))
			}
			slices.Sort(out)
			return out
		}
		want := run(mem, queries.Options{})
		wants[text] = want
		got := run(queries.StoreDataset(s), queries.Options{Stats: queries.StoreStats(ctx, s)})
		if !slices.Equal(got, want) {
			t.Errorf("%s:\nbolt store: %d rows %.300q\nmemory:     %d rows %.300q", text, len(got), got, len(want), want)
		}
		if len(want) == 0 && !strings.Contains(text, "p:nobody") {
			t.Errorf("%s: no solutions, the comparison proves nothing", text)
		}
	}
	// Readers at once, sharing the store's caches, while a writer adds and
	// replaces a graph of its own (which no query reads).
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { runAll(t, s, wants) })
	}
	wg.Go(func() {
		for i := range 20 {
			q := rdf.Quad{S: rdf.IRI(fmt.Sprintf("http://e/w%d", i)), P: rdf.IRI("http://e/p"), O: rdf.NewString(fmt.Sprint(i))}
			if _, err := s.ReplaceGraph(ctx, "http://e/writer", []rdf.Quad{q}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	wg.Wait()
}

// runAll runs every query of wants on the store and compares.
func runAll(t *testing.T, s *graph.Store, wants map[string][]string) {
	ctx := context.Background()
	for text, want := range wants {
		p, err := queries.Prepare(archive.Prefixes+text, queries.Options{Stats: queries.StoreStats(ctx, s)})
		if err != nil {
			t.Error(err)
			return
		}
		res, err := p.Run(ctx, queries.StoreDataset(s))
		if err != nil {
			t.Error(err)
			return
		}
		var got []string
		for row, err := range res.Solutions {
			if err != nil {
				t.Error(err)
				return
			}
			got = append(got, fmt.Sprint(row))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d rows, want %d", text, len(got), len(want))
		}
	}
}
