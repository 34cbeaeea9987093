package queries_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/internal/archive"
	"github.com/docgraph/docgraph/rdf"
)

// TestDistinctDropsPartialSolutions: under SELECT DISTINCT, the pattern
// drops partial solutions that differ only in variables nothing after them
// reads (bgp.go); the answers must be the set of those of the same query
// without DISTINCT.
func TestDistinctDropsPartialSolutions(t *testing.T) {
	ctx := context.Background()
	ds := rdf.NewDataset()
	archive.Generate(archive.Config{Seed: 11, Documents: 800, Persons: 30, Others: 40}, func(q rdf.Quad) {
		q.G = nil
		ds.Add(q)
	})
	rows := func(text string) []string {
		t.Helper()
		p, err := queries.Prepare(archive.Prefixes+text, queries.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(ctx, ds)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for row, err := range res.Solutions {
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, x := range row {
				if x == nil {
					parts = append(parts, "-")
				} else {
					parts = append(parts, x.String())
				}
			}
			out = append(out, strings.Join(parts, " "))
		}
		slices.Sort(out)
		return out
	}
	for _, body := range []string{
		// two hops: only ?b, then only ?d2, matter to what follows
		`?c WHERE { ?d1 dcterms:creator p:p7 ; schema:recipient ?b . ?d2 dcterms:creator ?b ; schema:recipient ?c . FILTER(?c != p:p7) }`,
		// a filter late in the pattern reads a variable bound early
		`?b ?c WHERE { ?d1 dcterms:creator p:p3 ; schema:recipient ?b . ?d2 dcterms:creator ?b ; schema:recipient ?c . FILTER(?d1 != ?d2) }`,
		// the projection keeps a variable no later pattern reads
		`?d1 ?c WHERE { ?d1 dcterms:creator p:p1 ; schema:mentions ?x . ?x rdfs:label ?c }`,
	} {
		all := slices.Compact(rows("SELECT " + body))
		distinct := rows("SELECT DISTINCT " + body)
		if len(distinct) == 0 {
			t.Fatalf("no answers to %s", body)
		}
		if !slices.Equal(all, distinct) {
			t.Errorf("%s:\nDISTINCT gives %d rows, the set of all rows has %d", body, len(distinct), len(all))
		}
	}
}
