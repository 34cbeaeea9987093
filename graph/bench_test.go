package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// docQuads makes a document-sized graph: 300 statements, a third of them
// about entities shared with other documents.
func docQuads(i int) (rdf.IRI, []rdf.Quad) {
	g := rdf.IRI(fmt.Sprintf("http://example.org/doc/%d", i))
	var qs []rdf.Quad
	for j := range 100 {
		qs = append(qs,
			rdf.Quad{S: g, P: rdf.IRI("http://schema.org/mentions"), O: rdf.IRI(fmt.Sprintf("http://example.org/e/%d", (i*7+j)%500))},
			rdf.Quad{S: rdf.IRI(fmt.Sprintf("%s/claim/%d", g, j)), P: rdf.IRI("http://purl.org/dc/terms/title"), O: rdf.NewString(fmt.Sprintf("claim %d of %d", j, i))},
			rdf.Quad{S: rdf.IRI(fmt.Sprintf("http://example.org/e/%d", (i*7+j)%500)), P: rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: rdf.NewLangString(fmt.Sprintf("entity %d", (i*7+j)%500), "en")},
		)
	}
	return g, qs
}

func benchReplace(b *testing.B, spec string) {
	ctx := context.Background()
	s, err := graph.Open(ctx, spec, graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, qs := docQuads(i)
		if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*300)/b.Elapsed().Seconds(), "quads/s")
}

func BenchmarkReplaceGraphMemory(b *testing.B) { benchReplace(b, "memory:") }
func BenchmarkReplaceGraphBolt(b *testing.B) {
	benchReplace(b, filepath.Join(b.TempDir(), "bench.db"))
}

func benchReplaceBatched(b *testing.B, spec string, batch int, engine string) {
	ctx := context.Background()
	s, err := graph.Open(ctx, spec, graph.Options{Engine: engine})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	var ups []graph.GraphUpdate
	for i := 0; i < b.N; i++ {
		g, qs := docQuads(i)
		ups = append(ups, graph.GraphUpdate{Graph: g, Quads: qs})
		if len(ups) == batch || i == b.N-1 {
			if _, err := s.ReplaceGraphs(ctx, ups); err != nil {
				b.Fatal(err)
			}
			ups = ups[:0]
		}
	}
	b.ReportMetric(float64(b.N*300)/b.Elapsed().Seconds(), "quads/s")
}

func BenchmarkReplaceGraphsBolt(b *testing.B) {
	for _, batch := range []int{10, 50, 200} {
		b.Run(fmt.Sprint(batch), func(b *testing.B) {
			benchReplaceBatched(b, filepath.Join(b.TempDir(), "bench.db"), batch, "bolt")
		})
	}
}

// BenchmarkEngines compares the embedded key-value engines on the same writes.
func BenchmarkEngines(b *testing.B) {
	for _, engine := range []string{"bolt", "leveldb", "pebble"} {
		b.Run(engine, func(b *testing.B) {
			benchReplaceBatched(b, filepath.Join(b.TempDir(), "bench.db"), 50, engine)
		})
	}
}

// BenchmarkLoad is the first load of an empty store: b.N documents through
// a Loader, committed as one new file.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	s, err := graph.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l, ok, err := s.NewLoader(ctx)
	if err != nil || !ok {
		b.Fatal(ok, err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, qs := docQuads(i)
		if _, err := l.Add(g, qs); err != nil {
			b.Fatal(err)
		}
	}
	if err := l.Commit(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N*300)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkMatchBolt reads, by subject, the statements of a document of a
// 50-document bolt store written by incremental batches.
func BenchmarkMatchBolt(b *testing.B) {
	ctx := context.Background()
	s, err := graph.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var docs []rdf.IRI
	for i := range 50 {
		g, qs := docQuads(i)
		if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, g)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := docs[i%len(docs)]
		n := 0
		for _, err := range s.Match(ctx, g, nil, nil, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100 {
			b.Fatalf("%d statements about %s, want 100", n, g)
		}
	}
}
