package queries_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

const (
	mfNS  = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// synEntry is one test of a manifest, as the syntax runner needs it.
type synEntry struct {
	name   string
	typ    string // local name of the test type
	action string // path of the query file
}

// readSyntaxEntries lists a manifest's entries in order.
func readSyntaxEntries(t *testing.T, path string) []synEntry {
	t.Helper()
	quads, err := rdfio.ReadFile(path)
	if err != nil {
		t.Fatalf("reading manifest: %v", err)
	}
	props := map[rdf.Term]map[rdf.IRI]rdf.Term{}
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI]rdf.Term{}
		}
		props[q.S][p] = q.O
	}
	var head rdf.Term
	for s, ps := range props {
		if ps[rdf.IRI(mfNS+"entries")] != nil && ps[rdf.IRI(rdfNS+"type")] == rdf.IRI(mfNS+"Manifest") {
			head = ps[rdf.IRI(mfNS+"entries")]
			_ = s
		}
	}
	var out []synEntry
	for head != nil && head != rdf.IRI(rdfNS+"nil") {
		e := props[head][rdf.IRI(rdfNS+"first")]
		head = props[head][rdf.IRI(rdfNS+"rest")]
		ps := props[e]
		typ, _ := ps[rdf.IRI(rdfNS+"type")].(rdf.IRI)
		act, _ := ps[rdf.IRI(mfNS+"action")].(rdf.IRI)
		name := ""
		if l, ok := ps[rdf.IRI(mfNS+"name")].(rdf.Literal); ok {
			name = l.Lexical
		}
		local := string(typ)
		if i := strings.LastIndexAny(local, "#/"); i >= 0 {
			local = local[i+1:]
		}
		out = append(out, synEntry{name: name, typ: local, action: strings.TrimPrefix(string(act), "file://")})
	}
	return out
}

// syntaxSkips lists syntax tests we do not pass, each with the reason.
var syntaxSkips = map[string]string{}

// TestW3CSyntax runs the positive and negative syntax tests of the
// SPARQL 1.1 query manifests: a positive test must prepare, and its
// printed syntax tree must parse again and print the same; a negative test
// must fail to prepare.
func TestW3CSyntax(t *testing.T) {
	shared := rdftest.SharedDir(t)
	dirs := []string{"syntax-query", "aggregates", "bind", "bindings", "construct", "exists",
		"functions", "grouping", "negation", "project-expression", "property-path", "subquery", "cast"}
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			manifest := filepath.Join(shared, "w3c", "sparql11", dir, "manifest.ttl")
			pass, total := 0, 0
			for _, e := range readSyntaxEntries(t, manifest) {
				positive := strings.HasPrefix(e.typ, "PositiveSyntaxTest")
				negative := strings.HasPrefix(e.typ, "NegativeSyntaxTest")
				if !positive && !negative {
					continue
				}
				total++
				ok := t.Run(filepath.Base(e.action), func(t *testing.T) {
					if why, skip := syntaxSkips[dir+"/"+filepath.Base(e.action)]; skip {
						t.Skip(why)
					}
					text, err := os.ReadFile(e.action)
					if err != nil {
						t.Fatal(err)
					}
					_, err = queries.Prepare(string(text), queries.Options{Filename: filepath.Base(e.action), Base: "http://example.org/base/"})
					if negative {
						if err == nil {
							t.Fatalf("%s: accepted a query that is not valid SPARQL:\n%s", e.name, text)
						}
						return
					}
					if err != nil {
						t.Fatalf("%s: %v\n%s", e.name, err, text)
					}
					q, _ := parser.ParseQuery(string(text), parser.Options{})
					printed := ast.Format(q)
					q2, err := parser.ParseQuery(printed, parser.Options{})
					if err != nil {
						t.Fatalf("printed form does not parse: %v\n%s", err, printed)
					}
					if again := ast.Format(q2); again != printed {
						t.Fatalf("printing is not stable:\n%s\n---\n%s", printed, again)
					}
				})
				if ok {
					pass++
				}
			}
			t.Logf("%s: %d/%d syntax tests pass", dir, pass, total)
		})
	}
}

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
