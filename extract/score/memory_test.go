package score

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/internal/synth"
	"github.com/docgraph/docgraph/vocab"
)

// memDocs are the archive sizes BenchmarkExtractMemory reads:
// DOCGRAPH_MEMBENCH_DOCS ("1000,10000") or two short ones.
func memDocs(b *testing.B) []int {
	spec := os.Getenv("DOCGRAPH_MEMBENCH_DOCS")
	if spec == "" {
		return []int{200, 2000}
	}
	var out []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("DOCGRAPH_MEMBENCH_DOCS: %q is not a number of documents", f)
		}
		out = append(out, n)
	}
	return out
}

// BenchmarkExtractMemory extracts generated archives of several sizes
// (internal/synth, the same seed) one document at a time, as an ingest
// does, and reports what extraction allocates per document and the live
// heap after a collection: at the start (the gazetteer, its matcher, the
// generator, and what twenty other documents made extraction build once),
// at the end, and the largest seen at ten points along the
// way. Memory is flat in the number of documents when the live heap at the
// end and its peak stay the same from one size to the next, and B/doc
// with them. Run it once per size:
//
//	DOCGRAPH_MEMBENCH_DOCS=1000,10000 GOMAXPROCS=1 go test ./extract/score/ -run XXX -bench ExtractMemory -benchtime 1x
func BenchmarkExtractMemory(b *testing.B) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	opt := extract.Options{Gazetteer: g}
	for _, n := range memDocs(b) {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for b.Loop() {
				// the same generator state for every size: its pool of
				// people the gazetteer lacks does not grow with n
				gen, err := synth.New(synth.Options{Docs: n, Seed: 1, Gazetteer: g, Unknown: 500})
				if err != nil {
					b.Fatal(err)
				}
				// what extraction builds once, on first use (the language
				// models, the gazetteer's indexes), before the start
				warm, err := synth.New(synth.Options{Docs: 20, Seed: 2, Gazetteer: g, Unknown: 50})
				if err != nil {
					b.Fatal(err)
				}
				for range 20 {
					d := warm.Next()
					if _, err := extract.Extract(d.Name, d.Data, opt); err != nil {
						b.Fatal(err)
					}
				}
				warm = nil
				var ms runtime.MemStats
				live := func() uint64 {
					runtime.GC()
					runtime.ReadMemStats(&ms)
					return ms.HeapAlloc
				}
				start := live()
				peak := start
				var bytes, allocs uint64
				const batch = 50
				every := max(n/10, 1)
				docs := make([]synth.Doc, 0, batch)
				for done := 0; done < n; {
					docs = docs[:0]
					for len(docs) < batch && done+len(docs) < n {
						docs = append(docs, gen.Next())
					}
					runtime.ReadMemStats(&ms)
					b0, a0 := ms.TotalAlloc, ms.Mallocs
					for _, d := range docs {
						if _, err := extract.Extract(d.Name, d.Data, opt); err != nil {
							b.Fatal(err)
						}
					}
					runtime.ReadMemStats(&ms)
					bytes += ms.TotalAlloc - b0
					allocs += ms.Mallocs - a0
					if (done+len(docs))/every != done/every {
						peak = max(peak, live())
					}
					done += len(docs)
				}
				end := live()
				peak = max(peak, end)
				b.ReportMetric(float64(bytes)/float64(n), "B/doc")
				b.ReportMetric(float64(allocs)/float64(n), "allocs/doc")
				b.ReportMetric(float64(start)/(1<<20), "live-start-MB")
				b.ReportMetric(float64(end)/(1<<20), "live-end-MB")
				b.ReportMetric(float64(peak)/(1<<20), "live-peak-MB")
			}
		})
	}
}
