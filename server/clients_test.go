package server

import (
	"bytes"
	"context"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

// TestRDFLibReadsDownloads has rdflib, an independent RDF library, load the
// Turtle and JSON-LD downloads and compare them as graphs.
func TestRDFLibReadsDownloads(t *testing.T) {
	py := "/usr/bin/python3"
	err := exec.Command(py, "-c", "import rdflib, rdflib.compare").Run()
	needTool(t, err == nil, "python3 with rdflib ("+py+")")
	ts := newTestServer(t, Config{})
	script := `
import sys, urllib.request, rdflib
from rdflib.compare import isomorphic
base = sys.argv[1]
def load(name, fmt):
    data = urllib.request.urlopen(base + "/download/" + name).read()
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return g
ttl = load("graph.ttl", "turtle")
jld = load("graph.jsonld", "json-ld")
nt = load("graph.nt", "nt")
print(len(ttl), len(jld), len(nt), isomorphic(ttl, jld), isomorphic(ttl, nt))
`
	out, err := exec.Command(py, "-c", script, ts.URL).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %v\n%s", err, out)
	}
	f := strings.Fields(string(out))
	distinct := map[rdf.Triple]bool{}
	for q, err := range sharedStore(t).Match(context.Background(), nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		distinct[q.Triple()] = true
	}
	t.Logf("rdflib: turtle %s triples, json-ld %s, n-triples %s; store %d distinct triples", f[0], f[1], f[2], len(distinct))
	if len(f) != 5 || f[3] != "True" || f[4] != "True" {
		t.Errorf("rdflib does not find the downloads isomorphic: %s", out)
	}
	if f[0] != strconv.Itoa(len(distinct)) {
		t.Errorf("Turtle download holds %s triples, the store %d", f[0], len(distinct))
	}
}

// TestRapperParsesDescriptions has rapper (Raptor) parse dereferenced
// descriptions in Turtle, RDF/XML and N-Triples and checks that the three
// give the same triples.
func TestRapperParsesDescriptions(t *testing.T) {
	_, err := exec.LookPath("rapper")
	needTool(t, err == nil, "rapper (raptor2-utils)")
	ts := newTestServer(t, Config{})
	parse := func(path, syntax string, headers ...string) []string {
		t.Helper()
		_, body := get(t, ts, path, headers...)
		cmd := exec.Command("rapper", "-q", "-i", syntax, "-o", "ntriples", "-", "http://example.org/docgraph/")
		cmd.Stdin = strings.NewReader(body)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("rapper -i %s on %s: %v %s\n%.500s", syntax, path, err, stderr.String(), body)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		slices.Sort(lines)
		return lines
	}
	for _, p := range []string{"/person/joseph-stalin", "/person/mao-zedong", "/doc/110385", "/doc/110385/ref-1", "/archive/aprf", "/doc/xss-1"} {
		ttl := parse(p+".ttl", "turtle")
		xml := parse(p+".rdf", "rdfxml")
		nt := parse(p+".nt", "ntriples")
		if len(ttl) < 2 {
			t.Errorf("%s: only %d triples", p, len(ttl))
		}
		if !slices.Equal(ttl, xml) || !slices.Equal(ttl, nt) {
			t.Errorf("%s: Turtle (%d), RDF/XML (%d) and N-Triples (%d) differ", p, len(ttl), len(xml), len(nt))
		}
	}
	// The ontology, negotiated by Accept.
	ttl := parse("/ns", "turtle", "Accept: text/turtle")
	xml := parse("/ns", "rdfxml", "Accept: application/rdf+xml")
	nt := parse("/ns", "ntriples", "Accept: application/n-triples")
	if len(ttl) < 50 || !slices.Equal(ttl, xml) || !slices.Equal(ttl, nt) {
		t.Errorf("/ns: Turtle (%d), RDF/XML (%d) and N-Triples (%d) differ", len(ttl), len(xml), len(nt))
	}
}
