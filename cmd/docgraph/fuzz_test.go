package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// FuzzExportRoundTrip: any graph the extractor can produce, written as
// Turtle, N-Quads or JSON-LD and read back, is the same graph.
func FuzzExportRoundTrip(f *testing.F) {
	for _, dir := range []string{filepath.Join(rdftest.RepoRoot(f), "examples"), filepath.Join(rdftest.RepoRoot(f), "..", "shared", "corpus", "reference")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("Comrade Mao Zedong,\n\nWe agree with \"you\" \\ that the proposal of the Mexicans is unacceptable.\n\nFilippov\n"))
	gz, err := vocab.LoadGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	m := vocab.NewMinter(vocab.DefaultBase)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := extract.Extract("fuzz.txt", data, extract.Options{Gazetteer: gz})
		if err != nil {
			return // refused input: extraction's own fuzz targets check the refusal
		}
		doc := m.Document(res.ID)
		quads := res.Quads(m)
		for i := range quads {
			quads[i].G = doc
		}
		for _, q := range quads {
			if l, ok := q.O.(rdf.Literal); ok && !utf8.ValidString(l.Lexical) {
				t.Fatalf("extraction produced invalid UTF-8 in %v", q)
			}
		}
		ctx := context.Background()
		for _, c := range []struct {
			f    export.Format
			read func([]byte) ([]rdf.Quad, error)
		}{
			{export.Turtle, func(b []byte) ([]rdf.Quad, error) { return rdftest.ReadTurtle(b, "") }},
			{export.NQuads, rdftest.ReadNQuads},
			{export.JSONLD, rdftest.ReadJSONLD},
		} {
			var buf bytes.Buffer
			seq := func(yield func(rdf.Quad, error) bool) {
				for _, q := range quads {
					if !yield(q, nil) {
						return
					}
				}
			}
			if err := export.WriteAll(ctx, &buf, c.f, export.Options{}, seq); err != nil {
				t.Fatalf("%v: %v", c.f, err)
			}
			back, err := c.read(buf.Bytes())
			if err != nil {
				t.Fatalf("%v does not read back: %v\n%s", c.f, err, buf.Bytes())
			}
			want := quads
			if !c.f.KeepsGraphs() {
				want = rdftest.Merge(quads)
				back = rdftest.Merge(back)
			}
			if ok, diff := rdftest.Isomorphic(want, back); !ok {
				t.Fatalf("%v changes the graph:\n%s", c.f, diff)
			}
		}
	})
}
