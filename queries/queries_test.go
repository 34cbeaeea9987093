package queries_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/eval"
	"github.com/docgraph/docgraph/rdf"
)

const testData = `
@prefix : <http://e/> .
:alice :name "Alice" ; :age 30 ; :knows :bob , :carol ; a :Person .
:bob   :name "Bob" ; :age 25 ; :knows :carol ; a :Person .
:carol :name "Carol"@en ; :knows :alice ; a :Person .
:dave  :name "Dave" ; :age 40 .
_:x :k "v" .
:g1 { :alice :wrote :doc1 . :doc1 :title "One" . }
:g2 { :bob :wrote :doc2 . :doc2 :title "Two" . :alice :wrote :doc1 . }
`

func dataset(t testing.TB, trig string) *rdf.Dataset {
	t.Helper()
	qs, err := rdftest.ReadTriG([]byte(trig), "http://e/")
	if err != nil {
		t.Fatal(err)
	}
	return rdf.NewDataset(qs...)
}

// rows runs a SELECT and renders each solution as "x=term y=term" with
// prefix http://e/ shortened to ':'; unordered results are sorted.
func rows(t testing.TB, ds queries.Dataset, q string) []string {
	t.Helper()
	p, err := queries.Prepare("PREFIX : <http://e/>\n"+q, queries.Options{})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	res, err := p.Run(context.Background(), ds)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for row, err := range res.Solutions {
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var parts []string
		for i, v := range res.Vars {
			switch x := row[i].(type) {
			case nil:
			case rdf.BlankNode:
				parts = append(parts, v+"=_:x")
			default:
				parts = append(parts, v+"="+strings.ReplaceAll(x.String(), "<http://e/", "<:"))
			}
		}
		out = append(out, strings.Join(parts, " "))
	}
	if !strings.Contains(q, "ORDER BY") {
		slices.Sort(out)
	}
	return out
}

func TestSelectEvaluation(t *testing.T) {
	ds := dataset(t, testData)
	xsd := "^^<http://www.w3.org/2001/XMLSchema#"
	cases := []struct {
		name, q string
		want    []string
	}{
		{"join", `SELECT ?n { ?x :knows :carol ; :name ?n }`,
			[]string{`n="Alice"`, `n="Bob"`}},
		{"optional", `SELECT ?x ?a { ?x a :Person OPTIONAL { ?x :age ?a } }`,
			[]string{`x=<:alice> a="30"` + xsd + `integer>`, `x=<:bob> a="25"` + xsd + `integer>`, `x=<:carol>`}},
		{"filter with error is false", `SELECT ?x { ?x :name ?n FILTER(?n > "B") }`,
			[]string{`x=<:bob>`, `x=<:dave>`}},
		{"optional with bind", `SELECT ?x ?l { ?x a :Person OPTIONAL { ?x :age ?a BIND(?a * 2 AS ?l) } }`,
			[]string{`x=<:alice> l="60"` + xsd + `integer>`, `x=<:bob> l="50"` + xsd + `integer>`, `x=<:carol>`}},
		{"inner group does not see outer variables", `SELECT ?x ?y { ?x :age 30 OPTIONAL { ?y :knows ?x { FILTER(BOUND(?x)) } } }`,
			[]string{`x=<:alice>`}},
		{"optional condition sees outer variables", `SELECT ?x ?y { ?x :age ?a OPTIONAL { ?y :knows ?x FILTER(?a > 26) } }`,
			[]string{`x=<:alice> y=<:carol>`, `x=<:bob>`, `x=<:dave>`}},
		{"union", `SELECT ?x { { ?x :age 30 } UNION { ?x :age 40 } }`,
			[]string{`x=<:alice>`, `x=<:dave>`}},
		{"minus", `SELECT ?x { ?x :name ?n MINUS { ?x a :Person } }`, []string{`x=<:dave>`}},
		{"minus without shared variables removes nothing", `SELECT ?x { ?x :age 40 MINUS { ?y a :Person } }`, []string{`x=<:dave>`}},
		{"not exists", `SELECT ?x { ?x a :Person FILTER NOT EXISTS { ?x :age ?a } }`, []string{`x=<:carol>`}},
		{"exists sees outer bindings", `SELECT ?x { ?x :age ?a FILTER EXISTS { ?y :age ?b FILTER(?b > ?a) } }`,
			[]string{`x=<:alice>`, `x=<:bob>`}},
		{"bind error leaves unbound", `SELECT ?x ?y { ?x :name ?n BIND(?n + 1 AS ?y) FILTER(?x = :dave) }`, []string{`x=<:dave>`}},
		{"values inline and trailing", `SELECT ?x ?n { VALUES ?x { :alice :dave } ?x :name ?n } VALUES ?n { "Dave" }`,
			[]string{`x=<:dave> n="Dave"`}},
		{"order by across kinds", `SELECT ?o { { VALUES ?o { "b" <http://e/z> 2 UNDEF 1 } } UNION { ?o :k "v" } } ORDER BY ?o`,
			[]string{``, `o=_:x`, `o=<:z>`, `o="1"` + xsd + `integer>`, `o="2"` + xsd + `integer>`, `o="b"`}},
		{"order desc limit offset", `SELECT ?a { ?x :age ?a } ORDER BY DESC(?a) LIMIT 2 OFFSET 1`,
			[]string{`a="30"` + xsd + `integer>`, `a="25"` + xsd + `integer>`}},
		{"distinct", `SELECT DISTINCT ?t { ?x a ?t }`, []string{`t=<:Person>`}},
		{"project expression", `SELECT (STRLEN(?n) * 2 AS ?l) { :bob :name ?n }`, []string{`l="6"` + xsd + `integer>`}},
		{"aggregates", `SELECT (COUNT(*) AS ?c) (SUM(?a) AS ?s) (MIN(?a) AS ?lo) (MAX(?a) AS ?hi) (AVG(?a) AS ?m) { ?x :age ?a }`,
			[]string{`c="3"` + xsd + `integer> s="95"` + xsd + `integer> lo="25"` + xsd + `integer> hi="40"` + xsd + `integer> m="31.666666666666666666666667"` + xsd + `decimal>`}},
		{"group by having", `SELECT ?x (COUNT(?y) AS ?c) { ?x :knows ?y } GROUP BY ?x HAVING (COUNT(?y) > 1)`,
			[]string{`x=<:alice> c="2"` + xsd + `integer>`}},
		{"group_concat distinct separator", `SELECT (GROUP_CONCAT(DISTINCT ?t; SEPARATOR="|") AS ?g) { VALUES ?t { "a" "a" } }`,
			[]string{`g="a"`}},
		{"count over empty group", `SELECT (COUNT(?x) AS ?c) { ?x :missing ?y }`, []string{`c="0"` + xsd + `integer>`}},
		{"sub-select", `SELECT ?x ?n { { SELECT ?x { ?x :age ?a } ORDER BY DESC(?a) LIMIT 1 } ?x :name ?n }`,
			[]string{`x=<:dave> n="Dave"`}},
		{"sub-select hides its other variables", `SELECT ?a { ?x :age ?a { SELECT (COUNT(*) AS ?c) { ?x :knows ?y } } FILTER(?c = 4) }`,
			[]string{`a="25"` + xsd + `integer>`, `a="30"` + xsd + `integer>`, `a="40"` + xsd + `integer>`}},
		{"path one or more", `SELECT ?y { :bob :knows+ ?y }`, []string{`y=<:alice>`, `y=<:bob>`, `y=<:carol>`}},
		{"path zero or more includes start", `SELECT ?y { :dave :knows* ?y }`, []string{`y=<:dave>`}},
		{"path zero or one", `SELECT ?y { :carol :knows? ?y }`, []string{`y=<:alice>`, `y=<:carol>`}},
		{"path inverse and sequence keep duplicates", `SELECT ?y { :carol ^:knows/:knows ?y }`,
			[]string{`y=<:bob>`, `y=<:carol>`, `y=<:carol>`}},
		{"path alternative", `SELECT ?v { :bob :age|:name ?v }`, []string{`v="25"` + xsd + `integer>`, `v="Bob"`}},
		{"negated property set", `SELECT ?p { :dave !(:name|a) ?o . BIND(1 AS ?p) }`, []string{`p="1"` + xsd + `integer>`}},
		{"negated inverse", `SELECT ?s { :carol !^:name ?s }`, []string{`s=<:alice>`, `s=<:bob>`}},
		{"graph variable", `SELECT ?g ?d { GRAPH ?g { :alice :wrote ?d } }`,
			[]string{`g=<:g1> d=<:doc1>`, `g=<:g2> d=<:doc1>`}},
		{"graph iri", `SELECT ?t { GRAPH :g2 { ?d :title ?t } }`, []string{`t="Two"`}},
		{"graph with filter", `SELECT ?g { GRAPH ?g { ?d :title ?t FILTER(?t = "One") } }`, []string{`g=<:g1>`}},
		{"from merges graphs once", `SELECT ?d FROM :g1 FROM :g2 { :alice :wrote ?d }`, []string{`d=<:doc1>`}},
		{"from named restricts graphs", `SELECT ?g FROM NAMED :g2 { GRAPH ?g { ?s ?p ?o } }`,
			[]string{`g=<:g2>`, `g=<:g2>`, `g=<:g2>`}},
		{"from named leaves default graph empty", `SELECT ?s FROM NAMED :g1 { ?s :name ?n }`, nil},
		{"predeclared prefixes", `SELECT ?x { ?x rdf:type :Person ; :age 25 }`, []string{`x=<:bob>`}},
		{"in and coalesce", `SELECT ?x (COALESCE(?a, "none") AS ?v) { ?x a :Person OPTIONAL { ?x :age ?a } FILTER(?x IN (:carol, :bob)) }`,
			[]string{`x=<:bob> v="25"` + xsd + `integer>`, `x=<:carol> v="none"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := rows(t, ds, c.q)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s\n got  %q\n want %q", c.q, got, c.want)
			}
		})
	}
}

func graphOf(t *testing.T, ds queries.Dataset, q string) []string {
	t.Helper()
	p, err := queries.Prepare("PREFIX : <http://e/>\n"+q, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), ds)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for q, err := range res.Triples {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.ReplaceAll(q.String(), "<http://e/", "<:"))
	}
	slices.Sort(out)
	return out
}

func TestConstructDescribeAsk(t *testing.T) {
	ds := dataset(t, testData)
	got := graphOf(t, ds, `CONSTRUCT { ?x :friend _:f . _:f :is ?y } WHERE { :alice :knows ?y BIND(:alice AS ?x) }`)
	if len(got) != 4 {
		t.Fatalf("want a fresh blank node per solution (4 triples), got %q", got)
	}
	bnodes := map[string]bool{}
	for _, l := range got {
		if strings.HasPrefix(l, "<:alice> <:friend> _:") {
			bnodes[strings.Fields(l)[2]] = true
		}
	}
	if len(bnodes) != 2 {
		t.Errorf("want 2 distinct blank nodes, got %v", bnodes)
	}
	got = graphOf(t, ds, `CONSTRUCT WHERE { :bob :name ?n ; :age ?a }`)
	want := []string{`<:bob> <:age> "25"^^<http://www.w3.org/2001/XMLSchema#integer> .`, `<:bob> <:name> "Bob" .`}
	if !slices.Equal(got, want) {
		t.Errorf("CONSTRUCT WHERE: got %q, want %q", got, want)
	}
	got = graphOf(t, ds, `DESCRIBE ?x WHERE { ?x :age 40 }`)
	want = []string{`<:dave> <:age> "40"^^<http://www.w3.org/2001/XMLSchema#integer> .`, `<:dave> <:name> "Dave" .`}
	if !slices.Equal(got, want) {
		t.Errorf("DESCRIBE: got %q, want %q", got, want)
	}
	for q, want := range map[string]bool{`ASK { :bob :knows :carol }`: true, `ASK { :carol :knows :bob }`: false} {
		p, _ := queries.Prepare("PREFIX : <http://e/>\n"+q, queries.Options{})
		res, err := p.Run(context.Background(), ds)
		if err != nil || res.Boolean != want {
			t.Errorf("%s = %v, %v; want %v", q, res.Boolean, err, want)
		}
	}
}

func TestPrepareErrors(t *testing.T) {
	for q, want := range map[string]string{
		"SELECT * {\n  ?s foo:bar ?o }":                       "line 2 column 6: undefined prefix \"foo:\"",
		"SELECT * { ?s <p:> ?o BIND(1 AS ?o) }":               "line 1 column 33: BIND variable ?o is already in scope",
		"SELECT ?s (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY ?p": "line 1 column 8: variable ?s is projected but not grouped",
		"SELECT * { FILTER(COUNT(?x) > 1) }":                  "line 1 column 19: aggregate COUNT is not allowed here",
		"SELECT * { ?s <p:> _:b . { ?s <q:> _:b } }":          "line 1 column 36: blank node label _:b is used in two basic graph patterns",
		"SELECT (1 AS ?x) { ?x <p:> ?o }":                     "line 1 column 14: SELECT expression variable ?x is already in scope",
	} {
		_, err := queries.Prepare(q, queries.Options{})
		if err == nil || err.Error() != want {
			t.Errorf("%s\n got  %v\n want %s", q, err, want)
		}
	}
}

// countingDataset records the patterns the evaluator asks for.
type countingDataset struct {
	*rdf.Dataset
	calls [][3]rdf.Term
}

func (c *countingDataset) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	c.calls = append(c.calls, [3]rdf.Term{s, p, o})
	return c.Dataset.Match(ctx, s, p, o, g)
}

func TestJoinsUseBoundTerms(t *testing.T) {
	ds := &countingDataset{Dataset: dataset(t, testData)}
	got := rows(t, ds, `SELECT ?n { :alice :knows ?f . ?f :name ?n }`)
	if len(got) != 2 {
		t.Fatalf("got %q", got)
	}
	for _, c := range ds.calls {
		if c[0] == nil && c[2] == nil {
			t.Errorf("pattern with subject and object unbound: %v; want lookups by bound terms", c)
		}
	}
	if len(ds.calls) != 3 {
		t.Errorf("want 3 lookups (1 for :alice :knows, 1 per friend), got %d: %v", len(ds.calls), ds.calls)
	}
}

func TestTimeoutStopsEvaluation(t *testing.T) {
	var b strings.Builder
	b.WriteString("@prefix : <http://e/> .\n")
	for i := range 300 {
		b.WriteString(":s" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + " :p " + "\"" + strings.Repeat("v", i) + "\" .\n")
	}
	ds := dataset(t, b.String())
	p, err := queries.Prepare(`SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	res, err := p.Run(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, err = range res.Solutions {
		break
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the deadline error", err)
	}
	var ee *eval.Error
	if !errors.As(err, &ee) || ee.Kind != eval.Cancelled {
		t.Errorf("got %#v, want an eval.Error of kind Cancelled", err)
	}
}

func TestExplain(t *testing.T) {
	ds := dataset(t, testData)
	p, err := queries.Prepare(`PREFIX : <http://e/> SELECT ?n { ?x a :Person ; :name ?n FILTER(?n != "Bob") }`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Explain(context.Background(), ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"algebra:\n  (project (?n)", "plan (estimated rows / actual rows):", "(project (?n)  [est", "actual 2]", "actual 3]"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain output lacks %q:\n%s", want, out)
		}
	}
}

func TestStoreDataset(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory:", graph.Options{Base: "http://e/"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds := dataset(t, testData)
	for _, g := range []rdf.IRI{"http://e/g1", "http://e/g2"} {
		var qs []rdf.Quad
		for q, err := range ds.Match(ctx, nil, nil, nil, g) {
			if err != nil {
				t.Fatal(err)
			}
			qs = append(qs, q)
		}
		if _, err := s.ReplaceGraph(ctx, g, qs); err != nil {
			t.Fatal(err)
		}
	}
	sd := queries.StoreDataset(s)
	// The default graph is the union of the documents' graphs, each triple once.
	if got := rows(t, sd, `SELECT ?d { :alice :wrote ?d }`); !slices.Equal(got, []string{`d=<:doc1>`}) {
		t.Errorf("union default graph: got %q", got)
	}
	if got := rows(t, sd, `SELECT ?g { GRAPH ?g { :alice :wrote :doc1 } }`); !slices.Equal(got, []string{`g=<:g1>`, `g=<:g2>`}) {
		t.Errorf("GRAPH ?g: got %q", got)
	}
	if got := rows(t, sd, `SELECT ?t FROM :g2 { ?d :title ?t }`); !slices.Equal(got, []string{`t="Two"`}) {
		t.Errorf("FROM: got %q", got)
	}
	// Grouped first and joined to the author after (optimizer pass
	// eager-group): ":alice :wrote :doc1", in both graphs, is one triple
	// of the default graph, so doc1 counts its one title once.
	grouped := `SELECT ?p ?d (COUNT(?t) AS ?n) { ?d :title ?t . ?p :wrote ?d } GROUP BY ?p ?d`
	xsdInt := "^^<http://www.w3.org/2001/XMLSchema#integer>"
	if got := rows(t, sd, grouped); !slices.Equal(got, []string{`p=<:alice> d=<:doc1> n="1"` + xsdInt, `p=<:bob> d=<:doc2> n="1"` + xsdInt}) {
		t.Errorf("grouped before the join: got %q", got)
	}
	p, err := queries.Prepare("PREFIX : <http://e/>\n"+grouped, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plan := algebra.String(p.Plan().Op); !strings.Contains(plan, "(group ((?d ?d))") {
		t.Errorf("the pattern was not grouped before the join:\n%s", plan)
	}
}

// TestOptimizerKeepsResults runs every optimizer case, and the evaluation
// cases above, with and without optimization: the solutions must agree.
func TestOptimizerKeepsResults(t *testing.T) {
	ds := dataset(t, testData)
	files, _ := filepath.Glob("testdata/optimizer/*.rq")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, `PREFIX : <http://e/> SELECT * { ?x :knows ?y OPTIONAL { ?y :age ?a FILTER(?a > 26) } FILTER(?x != :carol) }`,
		`PREFIX : <http://e/> SELECT * { VALUES ?x { :alice :bob } ?x :knows ?y MINUS { ?y :age 30 } }`,
		`PREFIX : <http://e/> SELECT * { VALUES ?x { :alice } { ?x :knows ?y } UNION { ?y :knows ?x FILTER(?y != :carol) } }`)
	for _, text := range texts {
		var got [2][]string
		for i, noOpt := range []bool{false, true} {
			p, err := queries.Prepare(text, queries.Options{NoOptimize: noOpt})
			if err != nil {
				t.Fatal(err)
			}
			res, err := p.Run(context.Background(), ds)
			if err != nil {
				t.Fatal(err)
			}
			for row, err := range res.Solutions {
				if err != nil {
					t.Fatal(err)
				}
				got[i] = append(got[i], fmt.Sprint(row))
			}
			slices.Sort(got[i])
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("%s\noptimized:   %q\nunoptimized: %q", text, got[0], got[1])
		}
		if len(got[1]) == 0 {
			t.Errorf("%s: no solutions, the comparison proves nothing", text)
		}
	}
}

func TestStoreStatsOrderJoins(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory:", graph.Options{Base: "http://e/"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var qs []rdf.Quad
	for i := range 50 {
		qs = append(qs, rdf.Quad{S: rdf.IRI(fmt.Sprintf("http://e/d%d", i)), P: rdf.IRI("http://e/common"), O: rdf.NewString("x")})
	}
	qs = append(qs, rdf.Quad{S: rdf.IRI("http://e/d7"), P: rdf.IRI("http://e/rare"), O: rdf.NewString("y")})
	if _, err := s.ReplaceGraph(ctx, "http://e/g", qs); err != nil {
		t.Fatal(err)
	}
	st := queries.StoreStats(ctx, s)
	if n := st.Count(nil, rdf.IRI("http://e/common"), nil); n != 50 {
		t.Errorf("Count(common) = %v, want 50", n)
	}
	p, err := queries.Prepare(`SELECT ?d { ?d <http://e/common> ?x . ?d <http://e/rare> ?y }`, queries.Options{Stats: st})
	if err != nil {
		t.Fatal(err)
	}
	plan := algebra.String(p.Plan().Op)
	if !strings.Contains(plan, "(bgp (?d <http://e/rare> ?y) (?d <http://e/common> ?x))") {
		t.Errorf("the rare pattern should come first:\n%s", plan)
	}
	if got := rows(t, queries.StoreDataset(s), `SELECT ?d { ?d :common ?x . ?d :rare ?y }`); !slices.Equal(got, []string{`d=<:d7>`}) {
		t.Errorf("got %q", got)
	}
}

// TestConcurrentRuns runs one prepared query from several goroutines: runs
// share nothing but the compiled program (run with -race).
func TestConcurrentRuns(t *testing.T) {
	ds := dataset(t, testData)
	p, err := queries.Prepare(`PREFIX : <http://e/> SELECT ?x (COUNT(?y) AS ?c) { ?x :knows+ ?y BIND(BNODE() AS ?b) } GROUP BY ?x`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			res, err := p.Run(context.Background(), ds)
			if err != nil {
				errs <- err
				return
			}
			n := 0
			for _, err := range res.Solutions {
				if err != nil {
					errs <- err
					return
				}
				n++
			}
			if n != 3 {
				err = fmt.Errorf("%d solutions, want 3", n)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestTopKKeepsSortOrder checks that a sort limited by LIMIT gives the same
// sequence, ties included, as the full sort.
func TestTopKKeepsSortOrder(t *testing.T) {
	ds := dataset(t, testData)
	q := `PREFIX : <http://e/> SELECT ?x ?p { ?x ?p ?o } ORDER BY DESC(?p) LIMIT 7 OFFSET 2`
	var got [2][]string
	for i, noOpt := range []bool{false, true} {
		p, err := queries.Prepare(q, queries.Options{NoOptimize: noOpt})
		if err != nil {
			t.Fatal(err)
		}
		if noOpt == strings.Contains(algebra.String(p.Plan().Op), "(top 9") {
			t.Fatalf("plan (optimized=%v):\n%s", !noOpt, algebra.String(p.Plan().Op))
		}
		res, err := p.Run(context.Background(), ds)
		if err != nil {
			t.Fatal(err)
		}
		for row, err := range res.Solutions {
			if err != nil {
				t.Fatal(err)
			}
			got[i] = append(got[i], fmt.Sprint(row))
		}
	}
	if len(got[0]) != 7 || !slices.Equal(got[0], got[1]) {
		t.Errorf("top-k:\n%q\nfull sort:\n%q", got[0], got[1])
	}
}

// TestExplainShowsHashTables checks that Explain says how often each triple
// pattern was looked up and when it switched to a hash table, the first
// thing to read when a join is slow.
func TestExplainShowsHashTables(t *testing.T) {
	p, err := queries.Prepare(`PREFIX : <http://e/>
SELECT ?x ?n WHERE { ?x :knows ?f . ?f :name ?n }`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Explain(context.Background(), benchData(2000))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "index lookups, then a hash table of its 2000 matches") {
		t.Errorf("explain does not show the hash table:\n%s", out)
	}
}
