package score

import (
	"os"
	"testing"

	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/vocab"
)

// BenchmarkExtractDev times docgraph's whole extraction of the dev corpus
// (reported per document); BenchmarkProseDev the baseline on the same
// documents' English text.
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
	for b.Loop() {
		for i, d := range data {
			if _, err := extract.Extract(golds[i].Doc, d, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(data))/1e3, "µs/doc")
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "docs/s")
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
