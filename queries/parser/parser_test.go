package parser

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries/ast"
)

func TestValidQueries(t *testing.T) {
	for _, q := range []string{
		`SELECT * {}`,
		`SELECT ?s WHERE { ?s ?p ?o }`,
		`PREFIX : <http://e/> SELECT ?x { :a :b ?x ; :c "d"@en , 'e'^^:t , -1.5e3 , true }`,
		`BASE <http://e/> SELECT * { <a> <b> [ <c> ( 1 2 ) ] }`,
		`SELECT (COUNT(DISTINCT ?x) AS ?n) (GROUP_CONCAT(?y; SEPARATOR=", ") AS ?g) { ?x ?p ?y } GROUP BY ?p HAVING (COUNT(*) > 1) ORDER BY DESC(?n) LIMIT 5 OFFSET 2`,
		`ASK { ?s <p>/^<q>|!(<r>|^<s>)* ?o FILTER NOT EXISTS { ?o a ?t } }`,
		`CONSTRUCT WHERE { ?s ?p ?o }`,
		`CONSTRUCT { ?s <p> _:b } FROM <g> FROM NAMED <h> WHERE { GRAPH ?g { ?s ?p ?o } }`,
		`DESCRIBE <x> ?y`,
		`DESCRIBE *`,
		`SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r } MINUS { ?s a <T> } BIND(?o + 1 AS ?z) VALUES ?s { <a> UNDEF } } VALUES (?p ?o) { (<p> 1) (UNDEF UNDEF) }`,
		`SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 1 } UNION { ?s <p> ?o } }`,
		`SELECT ?x { ?x <p> ?y FILTER(?y IN (1, 2) && ?y NOT IN (3) || regex(str(?y), "a", "i")) }`,
		`SELECT ?x {?x<p>?y.?y<q>?z}`,
		`SELECT * { ?s <p> ?o } # trailing comment`,
	} {
		if _, err := ParseQuery(q, Options{}); err != nil {
			t.Errorf("%s\n  unexpected error: %v", q, err)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{`SELECT`, `line 1 column 7: unexpected end of query, expected variable, '(' or '*'`},
		{`SELECT * { ?s ?p }`, `line 1 column 18: unexpected "}", expected variable or RDF term`},
		{"SELECT *\n{ ?s ?p ?o", `line 2 column 11: unexpected end of query, expected '}'`},
		{`SELECT * { ?s ?p "abc }`, `line 1 column 18: unterminated string`},
		{`SELECT * { ?s ?p "a\qb" }`, `line 1 column 20: unknown escape \q in string`},
		{`SELECT ?x { } LIMIT x`, `line 1 column 21: unexpected "x", expected integer`},
		{`INSERT DATA { <a> <b> <c> }`, `line 1 column 1: SPARQL Update (INSERT) is not supported: only queries can be run`},
		{`LOAD <http://e/x>`, `line 1 column 1: SPARQL Update (LOAD) is not supported: only queries can be run`},
		{`SELECT * { SERVICE <http://e/> { ?s ?p ?o } }`, `line 1 column 12: SERVICE (federated query) is not supported`},
		{`SELECT * { ?s ?p ?o } extra`, `line 1 column 23: unexpected "extra", expected end of query`},
		{`SELECT (STRLEN(?a, ?b) AS ?n) {}`, `line 1 column 9: STRLEN takes 1 arguments, got 2`},
		{`SELECT * { VALUES (?a ?b) { (1) } }`, `line 1 column 33: VALUES row has 1 values for 2 variables`},
		{"SELECT * {\n  ?s ?p ?o .\n  FILTER(?o = ) }", `line 3 column 15: unexpected ")", expected expression`},
		{`SELECT * { ?s ?p ?o } ORDER BY`, `line 1 column 31: unexpected end of query, expected order condition`},
		{`SELECT * { ?s <p>{2} ?o }`, `line 1 column 18: unexpected "{", expected variable or RDF term`},
		{`SELECT * { ?s ?p 'é`, `line 1 column 18: unterminated string`},
	} {
		_, err := ParseQuery(c.q, Options{})
		if err == nil {
			t.Errorf("%s\n  no error, want %q", c.q, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s\n  got  %q\n  want %q", c.q, err.Error(), c.want)
		}
		if _, ok := err.(ErrorList); !ok {
			t.Errorf("%s: error is %T, want ErrorList", c.q, err)
		}
	}
}

func TestFilenameInErrors(t *testing.T) {
	_, err := ParseQuery("ASK {\n ?s", Options{Filename: "q.rq"})
	if err == nil || !strings.HasPrefix(err.Error(), "q.rq: line 2 column 4: ") {
		t.Fatalf("got %v, want an error at q.rq line 2 column 4", err)
	}
	el := err.(ErrorList)
	if el[0].Pos.Offset != 9 || el[0].Pos.Line != 2 || el[0].Pos.Column != 4 {
		t.Errorf("position = %+v", el[0].Pos)
	}
}

// TestRoundTrip checks that printing a tree and parsing it again gives the
// same text, for forms the printer must handle with care.
func TestRoundTrip(t *testing.T) {
	for _, q := range []string{
		`SELECT ?x { ?x <p> ?y FILTER((?y + 1) * 2 > -?z && !BOUND(?w)) }`,
		`PREFIX ex: <http://e/> SELECT * { ?s ex:a\.b/ex:c%20d* ?o }`,
		`SELECT * { ?s (<a>|<b>)/^<c>+ ?o . ?s !(^<d>|a) ?o }`,
		`SELECT * { ?s <p> """multi
line "quoted" text""" }`,
		`SELECT (SUM(DISTINCT ?x) AS ?s) { ?a <p> ?x } GROUP BY (?a) (STR(?x) AS ?k) ORDER BY ASC(?s) ?a`,
		`SELECT * { ?s <p> ( 1 [ <q> 2 ] ( ) ) }`,
		`ASK { ?x <p> 1.5e0, -2, +3.0, true }`,
		`SELECT * { ?x <p> "t"@en-GB , "u"^^<http://e/dt> }`,
	} {
		q1, err := ParseQuery(q, Options{})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		s1 := ast.Format(q1)
		q2, err := ParseQuery(s1, Options{})
		if err != nil {
			t.Fatalf("printed form of %s does not parse: %v\n%s", q, err, s1)
		}
		if s2 := ast.Format(q2); s1 != s2 {
			t.Errorf("round trip differs:\n%s\n---\n%s", s1, s2)
		}
	}
}

func TestNoPanicOnTruncatedInput(t *testing.T) {
	q := `PREFIX : <http://e/> SELECT DISTINCT ?x (COUNT(*) AS ?n) FROM <g> WHERE { ?x :p/:q* [ :r ( 1 "a"@en ) ] OPTIONAL { ?x ^:s ?y } FILTER(?y IN (1,2)) BIND(IF(?y, 1, 2) AS ?z) } GROUP BY ?x HAVING(?n > 1) ORDER BY DESC(?n) LIMIT 1`
	for i := range len(q) {
		_, err := ParseQuery(q[:i], Options{})
		if err != nil && strings.Contains(err.Error(), "internal parser error") {
			t.Fatalf("%q: %v", q[:i], err)
		}
	}
}

func TestDeepNestingIsAnError(t *testing.T) {
	for _, q := range []string{
		"SELECT * " + strings.Repeat("{", 100000),
		"SELECT * { FILTER(" + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + ") }",
		"SELECT * { ?s ?p " + strings.Repeat("(", 100000) + " }",
		"SELECT * { ?s " + strings.Repeat("(", 100000) + "<p>" + strings.Repeat(")", 100000) + " ?o }",
	} {
		_, err := ParseQuery(q, Options{})
		if err == nil || !strings.Contains(err.Error(), "nesting deeper than 500 levels") {
			t.Errorf("got %v, want a nesting error", err)
		}
	}
	// Moderate nesting is fine.
	q := "SELECT * " + strings.Repeat("{ ", 50) + strings.Repeat("} ", 50)
	if _, err := ParseQuery(q, Options{}); err != nil {
		t.Error(err)
	}
}

func TestSeveralErrorsReported(t *testing.T) {
	q := "SELECT * {\n  ?s ?p .\n  FILTER(?x = )\n  ?a ?b ?c .\n  OPTIONAL { ?d }\n}"
	_, err := ParseQuery(q, Options{})
	el, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	var got []string
	for _, e := range el {
		got = append(got, e.Error())
	}
	want := []string{
		`line 2 column 9: unexpected ".", expected variable or RDF term`,
		`line 3 column 15: unexpected ")", expected expression`,
		`line 5 column 17: unexpected "}", expected predicate`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasSuffix(err.Error(), "(and 2 more errors)") {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestErrorCap(t *testing.T) {
	q := "SELECT * {" + strings.Repeat(" ?s ?p . ", 50) + "}"
	_, err := ParseQuery(q, Options{})
	if el, ok := err.(ErrorList); !ok || len(el) != 10 {
		t.Fatalf("got %d errors (%v), want the cap of 10", len(el), err)
	}
}

func TestTrace(t *testing.T) {
	var sb strings.Builder
	if _, err := ParseQuery("ASK { ?s <p> ( 1 ) }", Options{Trace: &sb}); err != nil {
		t.Fatal(err)
	}
	want := "GroupGraphPattern at line 1 column 5 \"{\"\n. Path at line 1 column 10 \"<p>\"\n. GraphNode at line 1 column 14 \"(\"\n. . GraphNode at line 1 column 16 \"1\"\n"
	if sb.String() != want {
		t.Errorf("trace:\n%s\nwant:\n%s", sb.String(), want)
	}
}
