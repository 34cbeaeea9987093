//go:build ignore

// gen writes the store in this folder: a small embedded bolt store touched
// by every write path of package graph (the first load, the bulk path for
// new graphs, Cayley's writer for replaced and deleted graphs), and the
// N-Quads of what it holds. store.bolt.gz and store.nq were made by
// github.com/boltdb/bolt v1.3.1 at commit c79c53a, before the store moved
// to go.etcd.io/bbolt; TestOldStore reads them with the code of today.
// Running gen again rewrites them with the code of today instead, which
// tests nothing about old files: do it only when the format itself changes.
//
//	go run ./graph/testdata/oldstore/gen.go
package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

const dir = "graph/testdata/oldstore"

const ex = "http://archive.example/"

// doc is a small document graph with terms of every kind: IRIs, blank
// nodes, simple, language-tagged, typed and non-ASCII literals.
func doc(n int, extra ...rdf.Quad) []rdf.Quad {
	d := rdf.IRI(fmt.Sprintf("%sdoc/%d", ex, n))
	author := rdf.IRI(fmt.Sprintf("%sperson/%d", ex, n%3))
	b := rdf.BlankNode(fmt.Sprintf("claim%d", n))
	qs := []rdf.Quad{
		{S: d, P: rdf.IRI(ex + "title"), O: rdf.NewString(fmt.Sprintf("Record of talks no. %d", n))},
		{S: d, P: rdf.IRI(ex + "title"), O: rdf.NewLangString(fmt.Sprintf("Запись беседы № %d", n), "ru")},
		{S: d, P: rdf.IRI(ex + "title"), O: rdf.NewLangString(fmt.Sprintf("会谈记录 %d", n), "zh")},
		{S: d, P: rdf.IRI(ex + "date"), O: rdf.NewTyped(fmt.Sprintf("1950-01-%02d", n), "http://www.w3.org/2001/XMLSchema#date")},
		{S: d, P: rdf.IRI(ex + "pages"), O: rdf.NewTyped(fmt.Sprint(n+1), "http://www.w3.org/2001/XMLSchema#integer")},
		{S: d, P: rdf.IRI(ex + "author"), O: author},
		{S: d, P: rdf.IRI(ex + "mentions"), O: rdf.IRI(ex + "place/moscow")},
		{S: d, P: rdf.IRI(ex + "claim"), O: b},
		{S: b, P: rdf.IRI(ex + "speaker"), O: author},
		{S: b, P: rdf.IRI(ex + "text"), O: rdf.NewString("a line \"quoted\"\nand a tab\t")},
		{S: author, P: rdf.IRI(ex + "name"), O: rdf.NewString(fmt.Sprintf("Author %d", n%3))},
	}
	return append(qs, extra...)
}

func g(n int) rdf.IRI { return rdf.IRI(fmt.Sprintf("%sgraph/%d", ex, n)) }

func main() {
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "oldstore")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	spec := filepath.Join(tmp, "store.db")
	s, err := graph.Open(ctx, spec, graph.Options{Base: "http://archive.example/kg/"})
	if err != nil {
		log.Fatal(err)
	}
	// The first load: graphs 1-4 through the Loader's file writer.
	l, ok, err := s.NewLoader(ctx)
	if err != nil || !ok {
		log.Fatal("no loader: ", err)
	}
	for n := 1; n <= 4; n++ {
		if _, err := l.Add(g(n), doc(n)); err != nil {
			log.Fatal(err)
		}
	}
	if err := l.Commit(ctx); err != nil {
		log.Fatal(err)
	}
	// New graphs 5-7: the bulk path.
	var ups []graph.GraphUpdate
	for n := 5; n <= 7; n++ {
		ups = append(ups, graph.GraphUpdate{Graph: g(n), Quads: doc(n)})
	}
	if _, err := s.ReplaceGraphs(ctx, ups); err != nil {
		log.Fatal(err)
	}
	// Graph 2 replaced (some quads kept, some deleted, some added) and
	// graph 3 deleted: Cayley's writer, which leaves deleted quads in the
	// log and the indexes.
	changed := doc(2, rdf.Quad{S: rdf.IRI(ex + "doc/2"), P: rdf.IRI(ex + "mentions"), O: rdf.IRI(ex + "place/beijing")})
	changed = slices.DeleteFunc(changed, func(q rdf.Quad) bool { return q.P == rdf.IRI(ex+"pages") })
	if _, err := s.ReplaceGraph(ctx, g(2), changed); err != nil {
		log.Fatal(err)
	}
	if _, err := s.DeleteGraph(ctx, g(3)); err != nil {
		log.Fatal(err)
	}
	// Graph 3 again, smaller: a graph name whose quads were all deleted.
	if _, err := s.ReplaceGraph(ctx, g(3), doc(3)[:4]); err != nil {
		log.Fatal(err)
	}
	var lines []string
	for q, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			log.Fatal(err)
		}
		lines = append(lines, q.String()+"\n")
	}
	slices.Sort(lines)
	if err := s.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "store.nq"), []byte(strings.Join(lines, "")), 0o644); err != nil {
		log.Fatal(err)
	}
	in, err := os.Open(filepath.Join(spec, "indexes.bolt"))
	if err != nil {
		log.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(filepath.Join(dir, "store.bolt.gz"))
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	if _, err := io.Copy(zw, in); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
