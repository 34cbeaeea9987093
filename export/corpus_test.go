package export_test

// A black-box test of the JSON-LD export as `docgraph export` runs it: the
// dev corpus is ingested into a store, and the export is read back by a
// JSON-LD processor. It lives in package export_test, so the export package
// itself still imports no store or extractor.

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
)

// TestJSONLDDevCorpus exports the dev corpus and the reference record as
// JSON-LD and has json-gold read the export back (ToRDF): the triples must
// be the store's, merged over its graphs, as a set up to blank node labels.
// The Turtle export of the same store must read back to the same set.
func TestJSONLDDevCorpus(t *testing.T) {
	shared := rdftest.SharedDir(t)
	ctx := context.Background()
	store, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	files, _ := ingest.Files([]string{filepath.Join(shared, "corpus", "reference"), filepath.Join(shared, "corpus", "dev")})
	rep, err := ingest.Run(ctx, store, files, ingest.Options{})
	if err != nil || rep.Failed > 0 || rep.Documents < 15 {
		t.Fatalf("ingest: %d documents, %d failed: %v %v", rep.Documents, rep.Failed, err, rep.Errors)
	}
	var all []rdf.Quad
	for q, err := range store.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, q)
	}
	want := lowerLangs(rdftest.Merge(all))

	var jsonld, turtle bytes.Buffer
	if err := export.WriteAll(ctx, &jsonld, export.JSONLD, export.Options{}, catalog.Quads(ctx, store)); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteAll(ctx, &turtle, export.Turtle, export.Options{}, catalog.Quads(ctx, store)); err != nil {
		t.Fatal(err)
	}
	got, err := rdftest.ReadJSONLD(jsonld.Bytes())
	if err != nil {
		t.Fatalf("json-gold cannot read the JSON-LD export: %v", err)
	}
	if ok, diff := rdftest.Isomorphic(want, got); !ok {
		t.Fatalf("the JSON-LD export reads back differently from the store (- store, + read):\n%s", diff)
	}
	ttl, err := rdftest.ReadTurtle(turtle.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if ok, diff := rdftest.Isomorphic(lowerLangs(ttl), got); !ok {
		t.Fatalf("the JSON-LD and Turtle exports differ (- Turtle, + JSON-LD):\n%s", diff)
	}
	t.Logf("%d documents, %d quads, %d distinct triples, JSON-LD %d bytes", rep.Documents, len(all), len(want), jsonld.Len())
}

// lowerLangs lower-cases language tags, as JSON-LD readers do (RDF compares
// them without case).
func lowerLangs(quads []rdf.Quad) []rdf.Quad {
	for i, q := range quads {
		if l, ok := q.O.(rdf.Literal); ok && l.Lang != "" {
			l.Lang = strings.ToLower(l.Lang)
			quads[i].O = l
		}
	}
	return quads
}
