package rdfio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
)

// benchInput returns the N-Quads document the decoding benchmarks read: the
// file named by DOCGRAPH_BENCH_NQ (for instance a `docgraph export` of a
// 1,000-document archive), or else a generated one of about the same
// shape (synthNQuads).
func benchInput(b *testing.B) []byte {
	b.Helper()
	if path := os.Getenv("DOCGRAPH_BENCH_NQ"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatalf("DOCGRAPH_BENCH_NQ: %v", err)
		}
		return data
	}
	synthOnce.Do(func() { synthData = synthNQuads(150_000) })
	return synthData
}

var (
	synthOnce sync.Once
	synthData []byte
)

// synthNQuads writes about n quads shaped like a docgraph export: documents
// with typed and language-tagged literals (some with escapes and non-ASCII
// text), claims, mentions and a gazetteer graph, plus a few blank nodes and
// comments. The output is the same for the same n.
func synthNQuads(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	const (
		ex   = "http://example.org/docgraph/"
		rdfN = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		dg   = "https://w3id.org/docgraph/ns#"
		xsd  = "http://www.w3.org/2001/XMLSchema#"
	)
	people := []string{"stepan-krasovsky", "wu-xiuquan", "zhang-wentian", "georgy-malenkov", "poltarov", "zharanskiy"}
	places := []string{"korea", "burma", "vietnam", "guangzhou", "pyongyang"}
	words := []string{"We", "consider", "the", "proposal", "of", "Burma", "unacceptable", "and", "China", "will",
		"reject", "it.", "Кантон", "Тов.", "Красовский", "\"quoted\"", "tab\there", "line\nbreak", "back\\slash", "中国"}
	var buf bytes.Buffer
	lit := func(k int) string {
		var sb strings.Builder
		for i := 0; i < k; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[rng.IntN(len(words))])
		}
		return sb.String()
	}
	quoted := func(s string) string {
		var sb strings.Builder
		sb.WriteByte('"')
		for _, r := range s {
			switch r {
			case '"':
				sb.WriteString(`\"`)
			case '\\':
				sb.WriteString(`\\`)
			case '\n':
				sb.WriteString(`\n`)
			case '\t':
				sb.WriteString(`\t`)
			default:
				sb.WriteRune(r)
			}
		}
		sb.WriteByte('"')
		return sb.String()
	}
	count := 0
	emit := func(s, p, o, g string) {
		fmt.Fprintf(&buf, "%s <%s> %s %s .\n", s, p, o, g)
		count++
	}
	for doc := 300000; count < n; doc++ {
		d := fmt.Sprintf("<%sdoc/%d>", ex, doc)
		if doc%50 == 0 {
			fmt.Fprintf(&buf, "# graph %d\n\n", doc)
		}
		emit(d, rdfN+"type", "<https://www.ica.org/standards/RiC/ontology#Record>", d)
		emit(d, "http://purl.org/dc/terms/title", quoted(lit(6))+"@en", d)
		emit(d, "http://purl.org/dc/terms/date", `"1945-12-13"^^<`+xsd+`date>`, d)
		emit(d, "http://schema.org/text", quoted(lit(40)), d)
		for i := 0; i < 3; i++ {
			emit(d, "http://schema.org/mentions", fmt.Sprintf("<%sperson/%s>", ex, people[rng.IntN(len(people))]), d)
			emit(d, "http://schema.org/mentions", fmt.Sprintf("<%splace/%s>", ex, places[rng.IntN(len(places))]), d)
		}
		for c := 0; c < 4; c++ {
			claim := fmt.Sprintf("<%sclaim/%016x>", ex, rng.Uint64())
			emit(claim, rdfN+"type", "<"+dg+"Claim>", d)
			emit(claim, rdfN+"subject", fmt.Sprintf("<%sperson/%s>", ex, people[rng.IntN(len(people))]), d)
			emit(claim, rdfN+"predicate", "<"+dg+"informs>", d)
			emit(claim, dg+"evidence", quoted(lit(12))+"@en", d)
			emit(claim, dg+"evidenceStart", fmt.Sprintf(`"%d"^^<%sinteger>`, rng.IntN(1000), xsd), d)
			emit(claim, "http://www.w3.org/ns/prov#wasDerivedFrom", d, d)
		}
		b := fmt.Sprintf("_:ref%d", doc)
		emit(d, dg+"reference", b, d)
		emit(b, dg+"opis", `"9"`, d)
		emit(fmt.Sprintf("<%splace/%s>", ex, places[rng.IntN(len(places))]),
			"http://www.w3.org/2004/02/skos/core#altLabel", `"Кантон"@ru`, "<"+ex+"gazetteer>")
	}
	return buf.Bytes()
}

// BenchmarkDecodeNQuads reads a whole N-Quads document with Decode, one quad
// at a time, and reports quads per second: "lines" is the line reader that
// NewDecoder uses, "tokens" the token parser alone (what NewDecoder used
// before the line reader).
func BenchmarkDecodeNQuads(b *testing.B) {
	data := benchInput(b)
	for _, bench := range []struct {
		name  string
		exact bool
	}{{"lines", false}, {"tokens", true}} {
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = 0
				d := newDecoder(bytes.NewReader(data), NQuads, Options{Name: "bench.nq"}, bench.exact)
				for {
					_, err := d.Decode()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// BenchmarkBatchesNQuads reads a whole N-Quads document with Batches, with
// one decoding goroutine and with two, and reports quads per second.
func BenchmarkBatchesNQuads(b *testing.B) {
	data := benchInput(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = 0
				for qs, err := range Batches(bytes.NewReader(data), NQuads, Options{Name: "bench.nq"}, workers) {
					if err != nil {
						b.Fatal(err)
					}
					n += len(qs)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
