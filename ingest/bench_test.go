package ingest_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/synth"
)

// BenchmarkIngestSynth ingests a generated archive, extraction included,
// into a new store; DOCS sets the archive's size through -benchtime
// (e.g. -benchtime=1000x ingests 1000 documents once).
func BenchmarkIngestSynth(b *testing.B) {
	for _, spec := range []string{"memory", "bolt"} {
		b.Run(spec, func(b *testing.B) {
			dir := b.TempDir()
			if _, err := synth.WriteDir(filepath.Join(dir, "in"), synth.Options{Docs: b.N, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			files, errs := ingest.Files([]string{filepath.Join(dir, "in")})
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			store := "memory:"
			if spec == "bolt" {
				store = filepath.Join(dir, "store")
			}
			ctx := context.Background()
			s, err := graph.Open(ctx, store, graph.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			rep, err := ingest.Run(ctx, s, files, ingest.Options{})
			if err != nil || rep.Failed > 0 {
				b.Fatal(err, rep.Errors)
			}
			b.StopTimer()
			b.ReportMetric(float64(rep.Documents)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(rep.Quads.Added)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
