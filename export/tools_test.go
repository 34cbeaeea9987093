package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
)

// needTool skips the test when an outside tool is missing, or fails it when
// CI=true (CI must have every tool).
func needTool(t *testing.T, what, hint string) {
	t.Helper()
	msg := what + " is not available (" + hint + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI=true requires it")
	}
	t.Skip(msg + "; skipping")
}

var rapperSyntax = map[Format]string{Turtle: "turtle", TriG: "trig", NTriples: "ntriples", NQuads: "nquads", RDFXML: "rdfxml"}

// TestRapper has Raptor's rapper parse every export it can read: no
// warnings or errors, and the statements it reads back are the fixture's.
func TestRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		needTool(t, "rapper", "apt-get install raptor2-utils")
	}
	dir := t.TempDir()
	type rapperCase struct {
		file  string
		f     Format
		opt   Options
		quads []rdf.Quad
	}
	var cases []rapperCase
	for _, c := range goldenCases {
		cases = append(cases, rapperCase{c.file, c.f, c.opt, fixtureQuads()})
	}
	for f := range rapperSyntax {
		cases = append(cases, rapperCase{"random-strings" + f.Ext(), f, Options{}, randomStringQuads(500, false)})
	}
	for _, c := range cases {
		syntax, ok := rapperSyntax[c.f]
		if !ok {
			continue
		}
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(dir, c.file)
			if err := os.WriteFile(path, encode(t, c.f, c.opt, c.quads), 0o644); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(rapper, "-c", "-i", syntax, path)
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("rapper -c -i %s: %v\n%s", syntax, err, stderr.String())
			}
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.Contains(line, "Warning") || strings.Contains(line, "Error") {
					t.Errorf("rapper -c -i %s: %s", syntax, line)
				}
			}
			var out bytes.Buffer
			stderr.Reset()
			cmd = exec.Command(rapper, "-q", "-i", syntax, "-o", "nquads", path)
			cmd.Stdout, cmd.Stderr = &out, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("rapper -o nquads: %v\n%s", err, stderr.String())
			}
			got, err := rdftest.ReadNQuads(out.Bytes())
			if err != nil {
				t.Fatalf("reading rapper's N-Quads: %v\n%s", err, out.String())
			}
			if ok, diff := rdftest.Isomorphic(expected(c.f, c.quads), got); !ok {
				t.Errorf("rapper reads %s differently (- written, + rapper):\n%s", c.file, diff)
			}
		})
	}
}

// rdflibScript parses the JSON-LD, Turtle, TriG and N-Quads exports and
// prints which pairs hold isomorphic graphs: JSON-LD against Turtle, the
// union of TriG's graphs against Turtle, and TriG against N-Quads graph by
// graph.
const rdflibScript = `
import sys
from rdflib import Graph, Dataset
from rdflib.compare import isomorphic, to_isomorphic, graph_diff
def report(name, a, b):
    if isomorphic(a, b):
        print(name, "isomorphic")
        return
    both, x, y = graph_diff(to_isomorphic(a), to_isomorphic(b))
    print(name, "differ:", len(x), "and", len(y), "triples only on one side")
    for t in list(x)[:5]: print("  only in the first:", repr(t))
    for t in list(y)[:5]: print("  only in the second:", repr(t))
j = Graph().parse(sys.argv[1], format="json-ld")
t = Graph().parse(sys.argv[2], format="turtle")
print("triples", len(j), len(t))
report("jsonld-turtle", j, t)
tg = Dataset(); tg.parse(sys.argv[3], format="trig")
union = Graph()
for g in tg.contexts():
    for tr in g:
        union.add(tr)
report("trig-turtle", union, t)
nq = Dataset(); nq.parse(sys.argv[4], format="nquads")
def graphs(ds):
    # rdflib 6 files a document's default-graph triples under the file's URI.
    def name(g):
        n = str(g.identifier)
        return "(default)" if n.startswith("file:") or n == "urn:x-rdflib:default" else n
    return {name(g): g for g in ds.contexts() if len(g)}
a, b = graphs(tg), graphs(nq)
if a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a):
    print("trig-nquads isomorphic")
else:
    print("trig-nquads differ; trig graphs", sorted(a), "nquads graphs", sorted(b))
`

// TestRDFLib has Python's rdflib read the JSON-LD export and check it is
// isomorphic to the Turtle export (and the TriG export to the N-Quads one).
func TestRDFLib(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		needTool(t, python, "Debian's python3")
	}
	if err := exec.Command(python, "-c", "import rdflib").Run(); err != nil {
		needTool(t, "rdflib for "+python, "apt-get install python3-rdflib")
	}
	for _, c := range []struct {
		name  string
		quads []rdf.Quad
		want  []string
	}{
		{"fixture", fixtureQuads(), []string{"jsonld-turtle isomorphic", "trig-turtle isomorphic", "trig-nquads isomorphic"}},
		// rdflib 6.1's N-Quads reader decodes the escape \\ followed by n
		// as a backslash and a line feed, so N-Quads is left out here;
		// TestRapper reads the same N-Quads correctly.
		{"random-strings", randomStringQuads(500, true), []string{"jsonld-turtle isomorphic", "trig-turtle isomorphic"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var paths []string
			for _, f := range []Format{JSONLD, Turtle, TriG, NQuads} {
				p := filepath.Join(dir, c.name+f.Ext())
				if err := os.WriteFile(p, encode(t, f, Options{}, c.quads), 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, p)
			}
			out, err := exec.Command(python, append([]string{"-c", rdflibScript}, paths...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("rdflib: %v\n%s", err, out)
			}
			t.Logf("rdflib: %s", out)
			for _, want := range c.want {
				if !strings.Contains(string(out), want) {
					t.Errorf("rdflib did not report %q:\n%s", want, out)
				}
			}
		})
	}
}
