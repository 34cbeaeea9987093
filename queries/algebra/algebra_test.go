package algebra_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/parser"
)

// TestTranslate translates each testdata/algebra/NAME.rq and compares the
// SSE form of the algebra with NAME.sse.
func TestTranslate(t *testing.T) {
	files, err := filepath.Glob("../testdata/algebra/*.rq")
	if err != nil || len(files) == 0 {
		t.Fatalf("no translation cases: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			q, err := parser.ParseQuery(string(text), parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			alg, err := algebra.Translate(q, algebra.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			fmt.Fprintf(&sb, "vars: %v\n", alg.Vars)
			if alg.Dataset != nil {
				fmt.Fprintf(&sb, "from: %v\nfrom named: %v\n", alg.Dataset.Default, alg.Dataset.Named)
			}
			sb.WriteString(algebra.String(alg.Op) + "\n")
			golden.Check(t, strings.TrimSuffix(f, ".rq")+".sse", []byte(sb.String()))
		})
	}
}

func TestScopeErrors(t *testing.T) {
	for q, want := range map[string]string{
		`SELECT ?x { ?x <http://e/p> ?y } GROUP BY ?y`:                                  "variable ?x is projected but not grouped",
		`SELECT (?x + 1 AS ?z) { ?x <http://e/p> ?y } GROUP BY ?y`:                      "variable ?x is used in SELECT but not grouped",
		`SELECT (COUNT(SUM(?x)) AS ?z) { ?x <http://e/p> ?y }`:                          "aggregate SUM is not allowed here",
		`SELECT * { ?x <http://e/p> ?y } GROUP BY (COUNT(?x))`:                          "SELECT * is not allowed with GROUP BY or aggregates",
		`SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }`:                                      "BIND variable ?x is already in scope",
		`SELECT * { <rel> <http://e/p> ?y }`:                                            "relative IRI <rel> without a base IRI",
		`SELECT ?x { ?x <http://e/p> ?y } GROUP BY ?x HAVING (SUM(?y) > 1) ORDER BY ?y`: "",
	} {
		pq, err := parser.ParseQuery(q, parser.Options{})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		_, err = algebra.Translate(pq, algebra.Options{NoPredeclared: true})
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: unexpected %v", q, err)
		case want != "" && (err == nil || err.Error() != want):
			t.Errorf("%s\n got  %v\n want %s", q, err, want)
		}
	}
}

func TestInScope(t *testing.T) {
	pq, _ := parser.ParseQuery(`SELECT * { ?a <http://e/p> ?b OPTIONAL { ?b <http://e/q> ?c } MINUS { ?a <http://e/r> ?d } BIND(1 AS ?e) }`, parser.Options{})
	alg, err := algebra.Translate(pq, algebra.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(alg.Vars); got != "[a b c e]" {
		t.Errorf("SELECT * projects %s, want [a b c e] (MINUS binds nothing)", got)
	}
}
