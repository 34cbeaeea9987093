package export

import (
	"io"
	"testing"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// benchQuads generates about n quads shaped like an ingested corpus: per
// document graph, the document (types, titles in two languages, date,
// creator, mentions, an abstract with a line break, an archival reference
// node) and its claims, in graph and subject order.
func benchQuads(n int) []rdf.Quad {
	m := vocab.NewMinter(fixBase)
	quads := make([]rdf.Quad, 0, n+64)
	for d := 0; len(quads) < n; d++ {
		doc := m.Document(itoa(100000 + d))
		add := func(s, p, o rdf.Term) { quads = append(quads, rdf.Quad{S: s, P: p, O: o, G: doc}) }
		author := m.Entity(vocab.ClassPerson, "person "+itoa(d%97))
		add(doc, vocab.RDFType, vocab.SchemaArchiveComponent)
		add(doc, vocab.RDFType, vocab.RICORecord)
		add(doc, vocab.DCType, vocab.KindIRI(vocab.Kinds[d%len(vocab.Kinds)]))
		add(doc, vocab.DCTitle, rdf.NewLangString("Telegram number "+itoa(d), "en"))
		add(doc, vocab.DCTitle, rdf.NewLangString("Телеграмма номер "+itoa(d), "ru"))
		add(doc, vocab.DCDate, rdf.NewTyped("1949-01-"+itoa(10+d%18), vocab.XSDDate))
		add(doc, vocab.DCCreator, author)
		add(doc, vocab.DCAbstract, rdf.NewString("The author \"reports\" on talks.\nSecond line of the summary."))
		ref := rdf.BlankNode("ref" + itoa(d))
		add(doc, vocab.DGArchivalReference, ref)
		for k := 0; k < 6; k++ {
			add(doc, vocab.SchemaMentions, m.Entity(vocab.ClassCountry, "country "+itoa((d+k)%31)))
		}
		add(ref, vocab.DGArchive, m.Archive("APRF"))
		add(ref, vocab.DGFond, rdf.NewString("45"))
		add(ref, vocab.DGDelo, rdf.NewString("059a"))
		for c := 0; c < 8; c++ {
			claim := m.Claim(doc, author, vocab.DGOpposes, doc, c)
			add(claim, vocab.RDFType, vocab.DGClaim)
			add(claim, vocab.RDFSubject, author)
			add(claim, vocab.RDFPredicate, vocab.DGOpposes)
			add(claim, vocab.RDFObject, m.Entity(vocab.ClassProposal, "proposal "+itoa(c)))
			add(claim, vocab.PROVWasAttributedTo, author)
			add(claim, vocab.PROVWasDerivedFrom, doc)
			add(claim, vocab.DGEvidence, rdf.NewLangString("the delegation will reject this proposal", "en"))
			add(claim, vocab.DGConfidence, rdf.NewTyped("0.9", vocab.XSDDecimal))
			add(claim, vocab.DGEvidenceStart, rdf.NewTyped(itoa(100*c), vocab.XSDInteger))
		}
	}
	return quads
}

func benchmarkFormat(b *testing.B, f Format, opt Options) {
	benchmarkEncoder(b, func() Encoder { return NewEncoder(io.Discard, f, opt) })
}

func benchmarkEncoder(b *testing.B, newEncoder func() Encoder) {
	quads := benchQuads(100_000)
	b.ReportAllocs()
	for b.Loop() {
		enc := newEncoder()
		for _, q := range quads {
			if err := enc.Encode(q); err != nil {
				b.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(quads))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(len(quads)), "quads/op")
}

func BenchmarkTurtle(b *testing.B)       { benchmarkFormat(b, Turtle, Options{}) }
func BenchmarkTriG(b *testing.B)         { benchmarkFormat(b, TriG, Options{}) }
func BenchmarkNTriples(b *testing.B)     { benchmarkFormat(b, NTriples, Options{}) }
func BenchmarkNQuads(b *testing.B)       { benchmarkFormat(b, NQuads, Options{}) }
func BenchmarkNQuadsSorted(b *testing.B) { benchmarkFormat(b, NQuads, Options{Sorted: true}) }
func BenchmarkJSONLD(b *testing.B)       { benchmarkFormat(b, JSONLD, Options{}) }

// BenchmarkJSONLDJSONGold is the JSON-LD writer docgraph had before the
// streaming one (json-gold's FromRDF and Compact per subject), for
// comparison with BenchmarkJSONLD.
func BenchmarkJSONLDJSONGold(b *testing.B) {
	benchmarkEncoder(b, func() Encoder { return newRefJSONLDEncoder(io.Discard, Options{}) })
}
