package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// `docgraph export` picks RDF/XML for -o *.rdf, *.owl and *.xml and for
// --format rdfxml, and what it writes reads back as the graph the N-Triples
// export holds; an extension it does not know is an error naming it.
func TestExportRDFXML(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	example := filepath.Join(rdftest.RepoRoot(t), "examples", "1951-02-03_feng-xi-to-razuvaev.txt")
	runOK(t, "--store", store, "ingest", example)
	nt := runOK(t, "--store", store, "export", "--format", "ntriples")
	want, err := rdftest.ReadNTriples([]byte(nt))
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, data []byte) {
		t.Helper()
		if !strings.Contains(string(data), "<rdf:RDF") {
			t.Errorf("%s is not RDF/XML:\n%.300s", name, data)
			return
		}
		got, err := rdftest.ReadRDFXML(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ok, diff := rdftest.Isomorphic(rdftest.Merge(want), got); !ok {
			t.Errorf("%s reads back differently from the N-Triples export (- N-Triples, + RDF/XML):\n%s", name, diff)
		}
	}
	for _, name := range []string{"g.rdf", "g.owl", "g.xml"} {
		path := filepath.Join(dir, name)
		runOK(t, "--store", store, "export", "-o", path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		check(name, data)
	}
	check("--format rdfxml", []byte(runOK(t, "--store", store, "export", "--format", "rdfxml")))

	// rapper, where installed, reads the file as RDF/XML too.
	if rapper, err := exec.LookPath("rapper"); err == nil {
		out, err := exec.Command(rapper, "-q", "-i", "rdfxml", "-o", "ntriples", filepath.Join(dir, "g.rdf")).Output()
		if err != nil {
			t.Fatalf("rapper: %v", err)
		}
		got, err := rdfio.ReadAll(strings.NewReader(string(out)), rdfio.NTriples, rdfio.Options{Name: "rapper"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, diff := rdftest.Isomorphic(rdftest.Merge(want), got); !ok {
			t.Errorf("rapper reads g.rdf differently:\n%s", diff)
		}
	}

	for _, name := range []string{"x.txt", "graph"} {
		var out, errOut strings.Builder
		code := run([]string{"--store", store, "export", "-o", filepath.Join(dir, name)}, nil, &out, &errOut)
		msg := errOut.String()
		if code != exitUsage || !strings.Contains(msg, "rdfxml") || !strings.Contains(msg, ".rdf") ||
			(name == "x.txt" && !strings.Contains(msg, ".txt")) {
			t.Errorf("export -o %s: exit %d, %q; want exit %d naming the extension and the formats", name, code, msg, exitUsage)
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("export -o %s wrote the file anyway", name)
		}
	}
}

// A merged export of the whole store (Turtle, N-Triples, JSON-LD, RDF/XML)
// states each triple once, though the gazetteer and several documents
// state the same labels; it holds exactly the distinct triples of the
// N-Quads export.
func TestMergedExportStatesEachTripleOnce(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	runOK(t, "--store", store, "ingest", filepath.Join(rdftest.RepoRoot(t), "examples"))
	nq, err := rdftest.ReadNQuads([]byte(runOK(t, "--store", store, "export", "--format", "nquads")))
	if err != nil {
		t.Fatal(err)
	}
	distinct := rdftest.Merge(nq)
	if len(distinct) == len(nq) {
		t.Fatalf("no triple is in two graphs (%d quads): the test proves nothing", len(nq))
	}
	readers := map[string]func([]byte) ([]rdf.Quad, error){
		"ntriples": rdftest.ReadNTriples,
		"turtle":   func(b []byte) ([]rdf.Quad, error) { return rdftest.ReadTurtle(b, "") },
		"rdfxml":   rdftest.ReadRDFXML,
	}
	for format, read := range readers {
		out := runOK(t, "--store", store, "export", "--format", format)
		got, err := read([]byte(out))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(got) != len(distinct) {
			t.Errorf("%s states %d triples, want each of the %d distinct ones once (%d quads)", format, len(got), len(distinct), len(nq))
		}
		if ok, diff := rdftest.Isomorphic(distinct, got); !ok {
			t.Errorf("%s differs from the merged N-Quads:\n%s", format, diff)
		}
		if format == "ntriples" {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			seen := map[string]bool{}
			for _, l := range lines {
				if seen[l] {
					t.Errorf("N-Triples repeats %s", l)
					break
				}
				seen[l] = true
			}
		}
	}
	// JSON-LD: one node object per subject, so no subject twice.
	var doc struct {
		Graph []struct {
			ID string `json:"@id"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(runOK(t, "--store", store, "export", "--format", "jsonld")), &doc); err != nil {
		t.Fatal(err)
	}
	nodes := map[string]int{}
	for _, n := range doc.Graph {
		if nodes[n.ID]++; nodes[n.ID] == 2 {
			t.Errorf("JSON-LD has two node objects for %s", n.ID)
		}
	}
	if nodes["http://example.org/docgraph/person/joseph-stalin"] != 1 {
		t.Errorf("JSON-LD has no node object for Joseph Stalin")
	}
}
