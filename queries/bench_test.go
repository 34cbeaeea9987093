package queries_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
)

// benchData is a social graph of n people, each knowing the next three,
// with a name and an age; a tenth of them also appear in a named graph.
func benchData(n int) *rdf.Dataset {
	ds := rdf.NewDataset()
	p := func(i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("http://e/p%d", i)) }
	for i := range n {
		ds.Add(rdf.Quad{S: p(i), P: rdf.IRI("http://e/name"), O: rdf.NewString(fmt.Sprintf("Person %d", i))})
		ds.Add(rdf.Quad{S: p(i), P: rdf.IRI("http://e/age"), O: rdf.NewTyped(fmt.Sprint(20+i%50), "http://www.w3.org/2001/XMLSchema#integer")})
		for k := 1; k <= 3; k++ {
			ds.Add(rdf.Quad{S: p(i), P: rdf.IRI("http://e/knows"), O: p((i + k*7) % n)})
		}
		if i%10 == 0 {
			ds.Add(rdf.Quad{S: p(i), P: rdf.IRI("http://e/mentioned"), O: rdf.NewString("yes"), G: rdf.IRI(fmt.Sprintf("http://e/doc%d", i/100))})
		}
	}
	return ds
}

func benchQuery(b *testing.B, ds queries.Dataset, q string) {
	p, err := queries.Prepare("PREFIX : <http://e/>\n"+q, queries.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := p.Run(context.Background(), ds)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range res.Solutions {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n == 0 {
			b.Fatal("no solutions")
		}
	}
}

func BenchmarkTwoHopJoin(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?n { :p1 :knows ?f . ?f :knows ?g . ?g :name ?n }`)
}

func BenchmarkFilteredScan(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?x { ?x :age ?a ; :name ?n FILTER(?a > 60) }`)
}

func BenchmarkGroupCount(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?a (COUNT(*) AS ?c) { ?x :age ?a } GROUP BY ?a`)
}

func BenchmarkPathClosure(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?y { :p0 :knows+ ?y }`)
}

func BenchmarkOptionalNotExists(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?x ?g { ?x :age 30 OPTIONAL { GRAPH ?g { ?x :mentioned ?m } } FILTER NOT EXISTS { ?x :knows :p5 } }`)
}

func BenchmarkValuesUnion(b *testing.B) {
	benchQuery(b, benchData(2000), `SELECT ?y ?l { VALUES ?x { :p42 } { ?x :knows ?y BIND("out" AS ?l) } UNION { ?y :knows ?x BIND("in" AS ?l) } }`)
}

// BenchmarkStoreTwoHop runs the two-hop join over the memory store through
// StoreDataset, whose default graph is the union of the graphs.
func BenchmarkStoreTwoHop(b *testing.B) { benchStoreTwoHop(b, "memory:") }

// BenchmarkStoreTwoHopBolt is the same join over an embedded bolt store,
// read through one Reader per query.
func BenchmarkStoreTwoHopBolt(b *testing.B) { benchStoreTwoHop(b, b.TempDir()) }

func benchStoreTwoHop(b *testing.B, spec string) {
	ctx := context.Background()
	s, err := graph.Open(ctx, spec, graph.Options{Base: "http://e/"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var qs []rdf.Quad
	for q, err := range benchData(2000).Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, q)
	}
	if _, err := s.ReplaceGraph(ctx, "http://e/doc", qs); err != nil {
		b.Fatal(err)
	}
	benchQuery(b, queries.StoreDataset(s), `SELECT ?n { :p1 :knows ?f . ?f :knows ?g . ?g :name ?n }`)
}
