package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/synth"
)

func TestVirtuosoConfig(t *testing.T) {
	cfg := virtuosoConfig{Dir: "/tmp/bench/virtuoso-10", LoadDir: "/tmp/bench", Port: 41111, HTTPPort: 41112}
	ini, err := parseINI(cfg.ini())
	if err != nil {
		t.Fatal(err)
	}
	get := func(section, key string) string {
		t.Helper()
		v, ok := ini[section][key]
		if !ok {
			t.Fatalf("virtuoso.ini has no %s in [%s]:\n%s", key, section, cfg.ini())
		}
		return v
	}
	// Both servers listen on loopback only, on the ports asked for.
	if got := get("Parameters", "ServerPort"); got != "127.0.0.1:41111" {
		t.Errorf("SQL port %q", got)
	}
	if got := get("HTTPServer", "ServerPort"); got != "127.0.0.1:41112" {
		t.Errorf("HTTP port %q", got)
	}
	// The loader may read the folder of the exported graph.
	if dirs := strings.Split(get("Parameters", "DirsAllowed"), ","); !strings.Contains(","+strings.Join(dirs, ",")+",", ",/tmp/bench,") {
		t.Errorf("DirsAllowed %q does not allow the load folder", dirs)
	}
	// Every file of the database lies in the bench's own folder.
	for _, k := range []string{"DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"} {
		if p := get("Database", k); filepath.Dir(p) != cfg.Dir {
			t.Errorf("%s %q is outside %s", k, p, cfg.Dir)
		}
	}
	if p := get("TempDatabase", "DatabaseFile"); filepath.Dir(p) != cfg.Dir {
		t.Errorf("temporary database %q is outside %s", p, cfg.Dir)
	}
	// Every row of every answer, however long the query runs: the row
	// counts are compared with the other engines'.
	if get("SPARQL", "ResultSetMaxRows") != "100000000" || get("SPARQL", "MaxQueryExecutionTime") != "0" {
		t.Errorf("the SPARQL endpoint cuts answers short: %v", ini["SPARQL"])
	}

	for _, bad := range []string{"Port = 1\n", "[A]\nno equals sign\n", "[A]\n[A]\n"} {
		if _, err := parseINI(bad); err == nil {
			t.Errorf("parseINI(%q) gave no error", bad)
		}
	}
}

func TestParseLoadErrors(t *testing.T) {
	out := func(n string) string {
		return "Done. -- 314 msec.\n\nDone. -- 20 msec.\n" +
			loadErrorsMarker + "\t" + n + "\n\n1 Rows. -- 1 msec.\n"
	}
	for _, c := range []struct {
		out  string
		want int
	}{{out("0"), 0}, {out("2"), 2}} {
		got, err := parseLoadErrors(c.out)
		if err != nil || got != c.want {
			t.Errorf("parseLoadErrors = %d, %v; want %d", got, err, c.want)
		}
	}
	if _, err := parseLoadErrors("Done. -- 3 msec.\n"); err == nil {
		t.Error("no error for output without the count")
	}
	if err := isqlError("\n*** Error 42000: [Virtuoso Driver][Virtuoso Server]FA020: Access to /x is denied\nat line 1\n"); err == nil ||
		!strings.Contains(err.Error(), "FA020") {
		t.Errorf("isqlError = %v", err)
	}
	if err := isqlError("Done. -- 1 msec.\n"); err != nil {
		t.Errorf("isqlError on success = %v", err)
	}
	sql := virtuosoLoadSQL("/tmp/it's", "graph.nq")
	if !strings.Contains(sql, "ld_dir('/tmp/it''s', 'graph.nq'") || !strings.Contains(sql, "rdf_loader_run()") || !strings.Contains(sql, "checkpoint") {
		t.Errorf("load SQL %q", sql)
	}
}

func TestCountSPARQLJSON(t *testing.T) {
	n, err := countSPARQLJSON(strings.NewReader(`{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},{}]}}`))
	if err != nil || n != 2 {
		t.Errorf("count = %d, %v; want 2", n, err)
	}
	if _, err := countSPARQLJSON(strings.NewReader(`{"head":{},"boolean":true}`)); err == nil {
		t.Error("no error for an answer without results")
	}
}

// TestBenchQueriesVirtuoso runs the bench's query jobs on a small
// generated archive with Virtuoso, when it is installed: Virtuoso is
// started, bulk-loaded and queried, and must give docgraph's rows.
func TestBenchQueriesVirtuoso(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("starts Virtuoso")
	}
	if _, _, err := findVirtuoso(); err != nil {
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
