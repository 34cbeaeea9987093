package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/synth"
	"github.com/docgraph/docgraph/internal/virtuoso"
)

// benchQueryStore ingests a small generated archive and writes the bench's
// six queries over it with "bench queries --write"; it returns the store
// and the query files.
func benchQueryStore(tb testing.TB, docs int) (string, []string) {
	tb.Helper()
	work := tb.TempDir()
	dir := filepath.Join(work, "docs")
	if _, err := synth.WriteDir(dir, synth.Options{Docs: docs, Seed: 5}); err != nil {
		tb.Fatal(err)
	}
	store := filepath.Join(work, "store")
	var out, errOut bytes.Buffer
	if code := run([]string{"--store", store, "ingest", "-q", dir}, nil, &out, &errOut); code != 0 {
		tb.Fatalf("ingest: %d\n%s", code, errOut.String())
	}
	qdir := filepath.Join(work, "queries")
	if code := run([]string{"--store", store, "bench", "queries", "--write", qdir}, nil, &out, &errOut); code != 0 {
		tb.Fatalf("bench queries --write: %d\n%s", code, errOut.String())
	}
	var files []string
	for _, q := range []string{"q1", "q2", "q3", "q4", "q5", "q6"} {
		files = append(files, filepath.Join(qdir, q+".rq"))
	}
	return store, files
}

// The queries "bench queries --write" leaves are those the bench times:
// each runs with "sparql -f" and has answers over the store they were
// drawn from.
func TestBenchQueriesWrite(t *testing.T) {
	store, files := benchQueryStore(t, 60)
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), "PREFIX dcterms:") {
			t.Errorf("%s lacks the bench's prefixes:\n%s", f, text)
		}
		var out, errOut bytes.Buffer
		if code := run([]string{"--store", store, "sparql", "--format", "json", "-f", f}, nil, &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d\n%s", f, code, errOut.String())
		}
		n, err := virtuoso.CountJSON(&out)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: no answers over the store its constants came from:\n%s", f, text)
		}
	}
}

// BenchmarkOneShotSparql runs the bench's six queries as "docgraph sparql"
// does, opening the store, planning and answering each time, in this
// process (package initialisation and process start are not in it: see
// "docgraph bench queries" for whole processes). DOCGRAPH_BENCH_STORE names
// a store to use instead of a generated one of 200 documents; profile with
//
//	go test ./cmd/docgraph -run '^$' -bench OneShotSparql -benchtime 20x -cpuprofile cpu.out
func BenchmarkOneShotSparql(b *testing.B) {
	store := os.Getenv("DOCGRAPH_BENCH_STORE")
	var files []string
	if store == "" {
		store, files = benchQueryStore(b, 200)
	} else {
		qdir := b.TempDir()
		var out, errOut bytes.Buffer
		if code := run([]string{"--store", store, "bench", "queries", "--write", qdir}, nil, &out, &errOut); code != 0 {
			b.Fatalf("bench queries --write: %d\n%s", code, errOut.String())
		}
		for _, q := range []string{"q1", "q2", "q3", "q4", "q5", "q6"} {
			files = append(files, filepath.Join(qdir, q+".rq"))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			var out, errOut bytes.Buffer
			if code := run([]string{"--store", store, "sparql", "--format", "json", "-f", f}, nil, &out, &errOut); code != 0 {
				b.Fatalf("%s: exit %d\n%s", f, code, errOut.String())
			}
		}
	}
}
