package rdfio_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// The W3C RDF 1.1 syntax suites, run from their manifests: one Go test per
// format, one subtest per entry. Evaluation tests compare the graph read
// with the expected N-Triples/N-Quads up to blank node renaming; syntax
// tests check that the input is accepted or refused. Tests listed in
// testdata/known-failures.txt (as folder#name) are skipped when they fail (and fail when they
// pass); anything else failing fails the build.

func TestW3CTurtle(t *testing.T) { runSyntaxSuite(t, "rdf-turtle", rdfio.Turtle, rdfio.NTriples) }
func TestW3CTriG(t *testing.T)   { runSyntaxSuite(t, "rdf-trig", rdfio.TriG, rdfio.NQuads) }
func TestW3CNTriples(t *testing.T) {
	runSyntaxSuite(t, "rdf-n-triples", rdfio.NTriples, rdfio.NTriples)
}
func TestW3CNQuads(t *testing.T) { runSyntaxSuite(t, "rdf-n-quads", rdfio.NQuads, rdfio.NQuads) }

const (
	mf   = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdfN = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

func runSyntaxSuite(t *testing.T, folder string, f, resultFormat rdfio.Format) {
	dir := filepath.Join(rdftest.SharedDir(t), "w3c", "rdf11", folder)
	known := knownFailures(t)
	quads, err := rdfio.ReadFile(filepath.Join(dir, "manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	props := map[rdf.Term]map[rdf.IRI]rdf.Term{}
	var head rdf.Term
	base := ""
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI]rdf.Term{}
		}
		props[q.S][p] = q.O
		switch p {
		case mf + "entries":
			head = q.O
		case mf + "assumedTestBase":
			base = string(q.O.(rdf.IRI))
		}
	}
	var passed, knownFailed, failed, total int
	for head != nil && head != rdf.IRI(rdfN+"nil") {
		entry := props[head][rdfN+"first"]
		head = props[head][rdfN+"rest"]
		e := props[entry]
		typ := string(e[rdfN+"type"].(rdf.IRI))
		typ = typ[strings.LastIndexByte(typ, '#')+1:]
		action := strings.TrimPrefix(string(e[mf+"action"].(rdf.IRI)), "file://")
		iri := string(entry.(rdf.IRI))
		name := iri[strings.LastIndexByte(iri, '#')+1:]
		id := folder + "#" + name // the manifest's own IRI depends on where it lies
		total++
		t.Run(name, func(t *testing.T) {
			opt := rdfio.Options{Name: filepath.Base(action)}
			if base != "" {
				opt.Base = base + filepath.Base(action)
			}
			file, err := os.Open(action)
			if err != nil {
				t.Fatal(err)
			}
			defer file.Close()
			got, err := rdfio.ReadAll(file, f, opt)
			var problem string
			switch {
			case strings.Contains(typ, "Negative"):
				if err == nil {
					problem = "accepted invalid input"
				}
			case err != nil:
				problem = "refused valid input: " + err.Error()
			case strings.Contains(typ, "Eval"):
				res := strings.TrimPrefix(string(e[mf+"result"].(rdf.IRI)), "file://")
				rf, err := os.Open(res)
				if err != nil {
					t.Fatal(err)
				}
				defer rf.Close()
				want, err := rdfio.ReadAll(rf, resultFormat, rdfio.Options{Name: filepath.Base(res)})
				if err != nil {
					problem = "reading the expected result: " + err.Error()
				} else if ok, diff := rdftest.Isomorphic(want, got); !ok {
					problem = "graphs differ:\n" + diff
				}
			}
			reason, isKnown := known[id]
			switch {
			case problem == "" && isKnown:
				failed++
				t.Errorf("%s passes but is listed in testdata/known-failures.txt (%s): remove the line", id, reason)
			case problem == "":
				passed++
			case isKnown:
				knownFailed++
				t.Skipf("known failure (%s)", reason)
			default:
				failed++
				t.Errorf("%s (%s): %s", id, typ, problem)
			}
		})
	}
	t.Logf("%s: %d passed, %d known failures, %d failed, of %d", folder, passed, knownFailed, failed, total)
}

func knownFailures(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "known-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		iri, reason, _ := strings.Cut(line, " ")
		out[iri] = strings.TrimSpace(reason)
	}
	return out
}
