package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/fuzzseed"

	"github.com/docgraph/docgraph/queries/ast"
)

// FuzzParseQuery checks, on any input, that the parser neither panics nor
// reports an internal error, and that whatever parses prints to text that
// parses to the same tree. Run with: go test ./queries/parser -fuzz ParseQuery
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`SELECT * { ?s ?p ?o }`,
		`PREFIX : <http://e/> SELECT ?x (COUNT(*) AS ?n) { ?x :p/:q* [ :r ( 1 "a"@en ) ] } GROUP BY ?x`,
		`ASK { ?s !(^<p>|<q>)+ ?o FILTER NOT EXISTS { ?o a ?t } }`,
		`CONSTRUCT { ?s <p> _:b } WHERE { VALUES (?s ?o) { (<a> UNDEF) } OPTIONAL { ?s ?p ?o } }`,
		`DESCRIBE <x> FROM <g> WHERE { GRAPH ?g { ?x ?p """long"string""" } }`,
	} {
		f.Add(s)
	}
	for _, p := range fuzzseed.Files(f, "w3c/sparql11", ".rq") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s, Options{})
		if err != nil {
			if strings.Contains(err.Error(), "internal parser error") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		printed := ast.Format(q)
		q2, err := ParseQuery(printed, Options{})
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", s, printed, err)
		}
		if again := ast.Format(q2); again != printed {
			t.Fatalf("%q: printing is not stable:\n%s\n---\n%s", s, printed, again)
		}
	})
}
