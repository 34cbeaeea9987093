package server

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries"
)

// TestRDFLibSPARQLStore points rdflib's SPARQLStore, a SPARQL client nobody
// here wrote, at the endpoint and compares what it gets with what the engine
// answers in process: a SELECT (JSON results), an ASK, and a CONSTRUCT.
func TestRDFLibSPARQLStore(t *testing.T) {
	py := "/usr/bin/python3"
	err := exec.Command(py, "-c", "from rdflib.plugins.stores.sparqlstore import SPARQLStore").Run()
	needTool(t, err == nil, "python3 with rdflib's SPARQLStore ("+py+")")
	ts := newTestServer(t, Config{})
	const selectQ = `PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX dg: <https://w3id.org/docgraph/ns#>
SELECT ?d ?date WHERE { ?d dcterms:creator ?p . ?p dg:pseudonym "Filippov" . ?d dcterms:date ?date } ORDER BY ?date`
	const askQ = `PREFIX schema: <http://schema.org/> ASK { ?d schema:mentions ?e }`
	const constructQ = `PREFIX dcterms: <http://purl.org/dc/terms/>
CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d dcterms:title ?t }`
	script := `
import sys
from rdflib.plugins.stores.sparqlstore import SPARQLStore
store = SPARQLStore(query_endpoint=sys.argv[1] + "/sparql")
rows = list(store.query(sys.argv[2]))
print(len(rows))
for r in rows:
    print(str(r[0]) + " " + str(r[1]))
print(store.query(sys.argv[3]).askAnswer)
print(len(store.query(sys.argv[4]).graph))
`
	out, err := exec.Command(py, "-c", script, ts.URL, selectQ, askQ, constructQ).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib SPARQLStore: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")

	ds := queries.StoreDataset(sharedStore(t))
	run := func(q string) *queries.Result {
		p, err := queries.Prepare(q, queries.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := p.Run(context.Background(), ds)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var want []string
	for row, err := range run(selectQ).Solutions {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, strings.Trim(row[0].String(), "<>")+" "+strings.SplitN(strings.Trim(row[1].String(), "\""), "\"", 2)[0])
	}
	if len(want) == 0 {
		t.Fatal("the engine finds no letters signed Filippov; the fixture is wrong")
	}
	if lines[0] != strconv.Itoa(len(want)) {
		t.Fatalf("rdflib got %s rows, the engine %d:\n%s", lines[0], len(want), out)
	}
	for i, w := range want {
		if lines[1+i] != w {
			t.Errorf("row %d: rdflib %q, engine %q", i, lines[1+i], w)
		}
	}
	if got := lines[1+len(want)]; got != "True" {
		t.Errorf("ASK through rdflib: %s", got)
	}
	n := 0
	for _, err := range run(constructQ).Triples {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if got := lines[2+len(want)]; got != strconv.Itoa(n) {
		t.Errorf("CONSTRUCT through rdflib: %s triples, the engine %d", got, n)
	}
	t.Logf("rdflib SPARQLStore: %d rows, ASK true, CONSTRUCT %d triples, as the engine answers", len(want), n)
}
