package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// While `docgraph serve` (without a write token) has the store open, the
// commands that only read it work beside it, and the server goes on
// answering. A reader that needed the server's lock would fail with "store
// is in use" after the lock timeout (the server holds the store for as long
// as it runs), so each command's success is the check; nothing is timed.
func TestReadersBesideServer(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	example := filepath.Join(rdftest.RepoRoot(t), "examples", "1951-02-03_feng-xi-to-razuvaev.txt")
	runOK(t, "--store", store, "ingest", example)
	addr, _ := startServe(t, "--store", store, "serve", "--addr", "127.0.0.1:0", "--quiet")

	if out := runOK(t, "--store", store, "sparql", "--format", "tsv", `SELECT ?t WHERE { ?d dcterms:identifier "112100" ; dcterms:title ?t }`); !strings.Contains(out, "Razuvaev") {
		t.Errorf("sparql beside the server: %q", out)
	}
	if out := runOK(t, "--store", store, "docs"); !strings.Contains(out, "112100") {
		t.Errorf("docs beside the server: %q", out)
	}
	if out := runOK(t, "--store", store, "export", "--format", "ntriples", "--doc", "112100"); !strings.Contains(out, "/doc/112100>") {
		t.Errorf("export beside the server: %.200q", out)
	}
	if out := runOK(t, "--store", store, "entity", "Razuvaev"); !strings.Contains(out, "Vladimir Razuvaev") {
		t.Errorf("entity beside the server: %q", out)
	}
	if out := runOK(t, "--store", store, "stats"); !strings.Contains(out, "documents") {
		t.Errorf("stats beside the server: %q", out)
	}
	runOK(t, "--store", store, "query", "correspondents", "Stalin")
	runOK(t, "--store", store, "check")
	resp, err := http.Get(addr + "/doc/112100.ttl")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the server after the readers: %d", resp.StatusCode)
	}
}
