package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// While `docgraph serve` (without a write token) has the store open, the
// commands that only read it work beside it, at once rather than after
// "store is in use", and the server goes on answering.
func TestReadersBesideServer(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	example := filepath.Join(rdftest.RepoRoot(t), "examples", "1951-02-03_feng-xi-to-razuvaev.txt")
	runOK(t, "--store", store, "ingest", example)
	addr, _ := startServe(t, "--store", store, "serve", "--addr", "127.0.0.1:0", "--quiet")

	start := time.Now()
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
	if el := time.Since(start); el > 4*time.Second {
		t.Errorf("the readers took %s: they waited for the server's lock", el)
	}
	resp, err := http.Get(addr + "/doc/112100.ttl")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the server after the readers: %d", resp.StatusCode)
	}
}
