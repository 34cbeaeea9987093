package queries_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/queries/parser"
)

// TestW3CQueriesRoundTrip prints every query file of the SPARQL 1.1 query
// suites that parses and checks that the printed text parses to a tree that
// prints the same.
func TestW3CQueriesRoundTrip(t *testing.T) {
	shared := rdftest.SharedDir(t)
	files, err := filepath.Glob(filepath.Join(shared, "w3c", "sparql11", "*", "*.rq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no query files: %v", err)
	}
	parsed := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q, err := parser.ParseQuery(string(text), parser.Options{})
		if err != nil {
			continue // negative tests, updates and SERVICE
		}
		parsed++
		printed := ast.Format(q)
		q2, err := parser.ParseQuery(printed, parser.Options{})
		if err != nil {
			t.Errorf("%s: printed form does not parse: %v\n%s", f, err, printed)
			continue
		}
		if again := ast.Format(q2); again != printed {
			t.Errorf("%s: printing is not stable:\n%s\n---\n%s", f, printed, again)
		}
		// The printed query must also mean the same: equal algebra.
		opt := algebra.Options{Base: "http://example.org/base/"}
		a1, err1 := algebra.Translate(q, opt)
		a2, err2 := algebra.Translate(q2, opt)
		if (err1 == nil) != (err2 == nil) {
			t.Errorf("%s: translation errors differ: %v / %v", f, err1, err2)
		} else if err1 == nil && algebra.String(a1.Op) != algebra.String(a2.Op) {
			t.Errorf("%s: printed query has another algebra:\n%s\n---\n%s", f, algebra.String(a1.Op), algebra.String(a2.Op))
		}
	}
	t.Logf("%d of %d query files parse and round-trip", parsed, len(files))
}
