package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
)

// needTool returns the path of an outside tool, skipping the test when it is
// missing (failing instead under CI=true, where .ci/run installs it).
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (Debian package %s); .ci/run must install it", name, pkg)
		}
		t.Skipf("%s is missing: apt-get install %s", name, pkg)
	}
	return p
}

// TestExportsParseInIndependentTools exports the whole dev corpus plus the
// reference record in every format and has tools nobody here wrote read
// them: rapper (raptor2) for Turtle, TriG, N-Triples and N-Quads, with no
// warning allowed, and rdflib for JSON-LD, which must be the same graph as
// the Turtle export.
func TestExportsParseInIndependentTools(t *testing.T) {
	rapper := needTool(t, "rapper", "raptor2-utils")
	shared := rdftest.SharedDir(t)
	ctx := context.Background()
	store, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	files, _ := ingest.Files([]string{filepath.Join(shared, "corpus", "reference"), filepath.Join(shared, "corpus", "dev")})
	rep, err := ingest.Run(ctx, store, files, ingest.Options{})
	if err != nil || rep.Failed > 0 || rep.Documents < 15 {
		t.Fatalf("ingest: %d documents, %v %v", rep.Documents, err, rep.Errors)
	}
	dir := t.TempDir()
	paths := map[export.Format]string{}
	for _, f := range []export.Format{export.Turtle, export.TriG, export.NTriples, export.NQuads, export.JSONLD} {
		p := filepath.Join(dir, "corpus"+f.Ext())
		out, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := export.WriteAll(ctx, out, f, export.Options{}, catalog.Quads(ctx, store)); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		out.Close()
		paths[f] = p
	}
	for f, syntax := range map[export.Format]string{export.Turtle: "turtle", export.TriG: "trig", export.NTriples: "ntriples", export.NQuads: "nquads"} {
		out, err := exec.Command(rapper, "-c", "-i", syntax, paths[f]).CombinedOutput()
		if err != nil {
			t.Errorf("rapper -c -i %s: %v\n%s", syntax, err, out)
			continue
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(strings.ToLower(line), "warning") || strings.Contains(strings.ToLower(line), "error") {
				t.Errorf("rapper -i %s: %s", syntax, line)
			}
		}
		t.Logf("rapper -i %s: %s", syntax, strings.TrimSpace(string(out[strings.LastIndex(string(out[:len(out)-1]), "\n")+1:])))
	}
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import rdflib").Run() != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rdflib is missing from /usr/bin/python3 (Debian python3-rdflib); .ci/run must install it")
		}
		t.Skip("rdflib is missing: apt-get install python3-rdflib")
	}
	script := `
import sys, rdflib
from rdflib.compare import isomorphic
ttl = rdflib.Graph(); ttl.parse(sys.argv[1], format="turtle")
js = rdflib.Graph(); js.parse(sys.argv[2], format="json-ld")
print(len(ttl), len(js))
sys.exit(0 if len(ttl) > 0 and isomorphic(ttl, js) else 1)
`
	out, err := exec.Command(python, "-c", script, paths[export.Turtle], paths[export.JSONLD]).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: Turtle and JSON-LD exports are not the same graph: %v\n%s", err, out)
	}
	t.Logf("rdflib: Turtle and JSON-LD isomorphic, triples %s", strings.TrimSpace(string(out)))
}
