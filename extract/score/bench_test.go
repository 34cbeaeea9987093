package score

import (
	"os"
	"testing"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/vocab"
)

// BenchmarkExtractDev times docgraph's whole extraction of the dev corpus
// (reported per document); BenchmarkProseDev the baseline on the same
// documents' English text. Besides wall-clock docs/s it reports
// cpu-docs/s, documents per second of the process's CPU time, which a
// machine busy with other work disturbs less (run with GOMAXPROCS=1, so
// that the collector's time counts as it would on one core).
func BenchmarkExtractDev(b *testing.B) {
	golds, err := LoadGold(devDir(b))
	if err != nil {
		b.Fatal(err)
	}
	g, err := vocab.LoadGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	var data [][]byte
	for _, gd := range golds {
		d, err := os.ReadFile(gd.Doc)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	opt := extract.Options{Gazetteer: g}
	extract.Extract("warm-up", data[0], opt)
	b.ResetTimer()
	c0, cpuOK := cpuSeconds()
	for b.Loop() {
		for i, d := range data {
			if _, err := extract.Extract(golds[i].Doc, d, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	c1, _ := cpuSeconds()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(data))/1e3, "µs/doc")
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "docs/s")
	if cpuOK && c1 > c0 {
		b.ReportMetric(float64(b.N*len(data))/(c1-c0), "cpu-docs/s")
	}
}

func BenchmarkProseDev(b *testing.B) {
	golds, err := LoadGold(devDir(b))
	if err != nil {
		b.Fatal(err)
	}
	g, _ := vocab.LoadGazetteer()
	n := newNames(g)
	var texts [][]string
	for _, gd := range golds {
		d, err := os.ReadFile(gd.Doc)
		if err != nil {
			b.Fatal(err)
		}
		r, err := extract.Extract(gd.Doc, d, extract.Options{Gazetteer: g})
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, englishTexts(&doc{res: r}))
	}
	model()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			proseEntities(n, t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts))/1e3, "µs/doc")
}
