package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/synth"
	"github.com/docgraph/docgraph/internal/virtuoso"
)

// TestBenchQueriesVirtuoso runs the bench's query jobs on a small
// generated archive with Virtuoso, when it is installed: Virtuoso is
// started, bulk-loaded and queried, and must give docgraph's rows.
func TestBenchQueriesVirtuoso(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("starts Virtuoso")
	}
	if _, _, err := virtuoso.Find(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	self := buildDocgraph(t)
	work := t.TempDir()
	docs := filepath.Join(work, "docs")
	if _, err := synth.WriteDir(docs, synth.Options{Docs: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(work, "store")
	nq := filepath.Join(work, "graph.nq")
	for _, args := range [][]string{{"ingest", "-q", docs}, {"export", "-f", "nquads", "-o", nq}} {
		if out, err := exec.Command(self, append([]string{"--store", store}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	var log bytes.Buffer
	r := &benchRunner{self: self, work: work, timeout: time.Minute, log: &log}
	rows, notes, err := r.runQueries(ctx, 40, 1, store, nq, "", func(job, tool string) bool { return tool == "oxigraph" })
	if err != nil {
		t.Fatalf("%v\nnotes: %q\n%s", err, notes, log.String())
	}
	seen := map[string]bool{}
	for _, row := range rows {
		if row.Err != "" {
			t.Errorf("%s by %s: %s", row.Job, row.Tool, row.Err)
		}
		seen[row.Job+"/"+row.Tool] = true
	}
	for _, want := range []string{"load/virtuoso", "q1/virtuoso", "q6/virtuoso", "q3/docgraph", "q3-cold/docgraph"} {
		if !seen[want] {
			t.Errorf("no %s row; notes: %q", want, notes)
		}
	}
	// The database was made in the bench's own folder.
	if _, err := os.Stat(filepath.Join(work, "virtuoso-40", "virtuoso.ini")); err != nil {
		t.Errorf("no virtuoso.ini in the bench's folder: %v", err)
	}
	printBench(io.Discard, rows, notes)
}
