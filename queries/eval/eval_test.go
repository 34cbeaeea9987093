package eval_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/eval"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/rdf"
)

func iri(s string) rdf.IRI { return rdf.IRI("http://e/" + s) }

func compile(t *testing.T, q string) *eval.Program {
	t.Helper()
	return compileWith(t, q, eval.Options{})
}

// compileWith compiles q (its prefix ":" is http://e/) with opt.
func compileWith(t *testing.T, q string, opt eval.Options) *eval.Program {
	t.Helper()
	p, err := eval.Compile(translate(t, q), opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// translate parses q (its prefix ":" is http://e/) into its algebra.
func translate(t *testing.T, q string) *algebra.Query {
	t.Helper()
	pq, err := parser.ParseQuery("PREFIX : <http://e/>\n"+q, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	alg, err := algebra.Translate(pq, algebra.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return alg
}

func solutions(t *testing.T, p *eval.Program, ds eval.Dataset) []string {
	t.Helper()
	var out []string
	for row, err := range p.Solutions(context.Background(), ds) {
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, x := range row {
			if x == nil {
				parts = append(parts, "-")
			} else {
				parts = append(parts, strings.TrimPrefix(x.String(), "<http://e/"))
			}
		}
		out = append(out, strings.Join(parts, " "))
	}
	slices.Sort(out)
	return out
}

func cycle() *rdf.Dataset {
	return rdf.NewDataset(
		rdf.Quad{S: iri("a"), P: iri("p"), O: iri("b")},
		rdf.Quad{S: iri("b"), P: iri("p"), O: iri("c")},
		rdf.Quad{S: iri("c"), P: iri("p"), O: iri("a")},
		rdf.Quad{S: iri("c"), P: iri("q"), O: rdf.NewString("x"), G: iri("g1")},
		rdf.Quad{S: iri("a"), P: iri("q"), O: rdf.NewString("y"), G: iri("g2")},
	)
}

// TestLogicalErrors checks the error rules of || && ! (section 17.2).
func TestLogicalErrors(t *testing.T) {
	ds := cycle()
	for q, want := range map[string]int{
		`SELECT ?s { ?s :p ?o FILTER(?nope || true) }`:              3,
		`SELECT ?s { ?s :p ?o FILTER(true || ?nope) }`:              3,
		`SELECT ?s { ?s :p ?o FILTER(?nope && false) }`:             0,
		`SELECT ?s { ?s :p ?o FILTER(!(?nope && true)) }`:           0,
		`SELECT ?s { ?s :p ?o FILTER(!(?nope && false)) }`:          3,
		`SELECT ?s { ?s :p ?o FILTER(?nope || false) }`:             0,
		`SELECT ?s { ?s :p ?o FILTER(COALESCE(?nope, 1/0, true)) }`: 3,
		`SELECT ?s { ?s :p ?o FILTER(IF(?nope, true, true)) }`:      0,
		`SELECT ?s { ?s :p ?o FILTER(?o IN (:b, ?nope)) }`:          1,
		`SELECT ?s { ?s :p ?o FILTER(?o NOT IN (:b, ?nope)) }`:      0,
	} {
		if got := len(solutions(t, compile(t, q), ds)); got != want {
			t.Errorf("%s: %d solutions, want %d", q, got, want)
		}
	}
}

func TestClosureOnCycle(t *testing.T) {
	ds := cycle()
	for q, want := range map[string][]string{
		`SELECT ?x { :a :p+ ?x }`:        {"a>", "b>", "c>"},
		`SELECT ?x { :a :p* ?x }`:        {"a>", "b>", "c>"},
		`SELECT ?x { ?x :p+ :a }`:        {"a>", "b>", "c>"},
		`SELECT ?x { :a :p/:p ?x }`:      {"c>"},
		`SELECT ?x { :z :p* ?x }`:        {"z>"},
		`SELECT ?x { ?x :p? ?x }`:        {"a>", "b>", "c>"},
		`ASK { :a :p+ :a }`:              nil,
		`SELECT * { :a (:p/:p/:p)+ :a }`: {""},
	} {
		p := compile(t, q)
		if strings.HasPrefix(q, "ASK") {
			ok, err := p.Ask(context.Background(), ds)
			if err != nil || !ok {
				t.Errorf("%s = %v, %v", q, ok, err)
			}
			continue
		}
		if got := solutions(t, p, ds); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", q, got, want)
		}
	}
}

// namedCounter counts how the evaluator reaches named graphs.
type namedCounter struct {
	*rdf.Dataset
	matchNamed, listed int
}

func (n *namedCounter) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	n.matchNamed++
	return n.Dataset.MatchNamed(ctx, s, p, o)
}

func (n *namedCounter) NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error] {
	n.listed++
	return n.Dataset.NamedGraphs(ctx)
}

func TestGraphVariableUsesMatchNamed(t *testing.T) {
	ds := &namedCounter{Dataset: cycle()}
	got := solutions(t, compile(t, `SELECT ?g ?s { GRAPH ?g { ?s :q ?o } }`), ds)
	if want := []string{"g1> c>", "g2> a>"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	p := compile(t, `SELECT ?g ?s { GRAPH ?g { ?s :q ?o } }`)
	solutions(t, p, ds)
	bgp := p.Query().Op.(*algebra.Project).X.(*algebra.Graph).X
	if n, _ := p.Rows(bgp); n != 2 {
		t.Errorf("the pattern inside GRAPH counted %d rows, want 2", n)
	}
	ds.matchNamed-- // the first query of this test made one call too
	if ds.matchNamed != 1 || ds.listed != 0 {
		t.Errorf("MatchNamed called %d times and NamedGraphs %d; want one search across graphs and no listing", ds.matchNamed, ds.listed)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := compile(t, `SELECT ?s { ?s :p ?o }`)
	var err error
	for _, err = range p.Solutions(ctx, cycle()) {
		if err != nil {
			break
		}
	}
	var ee *eval.Error
	if !errors.As(err, &ee) || ee.Kind != eval.Cancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want a Cancelled error wrapping context.Canceled", err)
	}
}

func TestRowCounts(t *testing.T) {
	p := compile(t, `SELECT ?s { ?s :p ?o FILTER(?o != :a) }`)
	if got := len(solutions(t, p, cycle())); got != 2 {
		t.Fatalf("%d solutions", got)
	}
	proj := p.Query().Op.(*algebra.Project)
	filter := proj.X.(*algebra.Filter)
	if n, _ := p.Rows(filter.X); n != 3 {
		t.Errorf("BGP produced %d rows, want 3", n)
	}
	if n, _ := p.Rows(proj); n != 2 {
		t.Errorf("projection produced %d rows, want 2", n)
	}
}

func TestNestedLimits(t *testing.T) {
	// The outer LIMIT stops a union whose first branch has its own LIMIT.
	p := compile(t, `SELECT ?s { { SELECT ?s { ?s :p ?o } LIMIT 2 } UNION { ?s :p ?o } } LIMIT 1`)
	if got := solutions(t, p, cycle()); len(got) != 1 {
		t.Errorf("got %q, want one solution", got)
	}
}

// countingDataset counts the lookups made through it.
type countingDataset struct {
	eval.Dataset
	n int
}

func (c *countingDataset) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	c.n++
	return c.Dataset.Match(ctx, s, p, o, g)
}

// TestHashLookups checks that a triple pattern looked up thousands of times
// switches to a hash table of its matches: the same solutions, far fewer
// lookups in the dataset.
func TestHashLookups(t *testing.T) {
	ds := rdf.NewDataset()
	for i := range 3000 {
		ds.Add(rdf.Quad{S: iri(fmt.Sprintf("d%d", i)), P: iri("creator"), O: iri(fmt.Sprintf("p%d", i%97))})
		ds.Add(rdf.Quad{S: iri(fmt.Sprintf("d%d", i)), P: iri("recipient"), O: iri(fmt.Sprintf("p%d", i%89))})
		if i%3 == 0 {
			ds.Add(rdf.Quad{S: iri(fmt.Sprintf("p%d", i%97)), P: iri("label"), O: rdf.NewLangString(fmt.Sprintf("P%d", i%97), "en")})
		}
	}
	const q = `SELECT ?a ?b ?l (COUNT(?d) AS ?n) WHERE { ?d :creator ?a ; :recipient ?b OPTIONAL { ?a :label ?l } } GROUP BY ?a ?b ?l`
	run := func(opt eval.Options) ([]string, int) {
		pq, err := parser.ParseQuery("PREFIX : <http://e/>\n"+q, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		alg, err := algebra.Translate(pq, algebra.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := eval.Compile(alg, opt)
		if err != nil {
			t.Fatal(err)
		}
		c := &countingDataset{Dataset: ds}
		rows := solutions(t, p, c)
		slices.Sort(rows)
		return rows, c.n
	}
	plain, plainN := run(eval.Options{HashAfter: -1})
	hashed, hashedN := run(eval.Options{})
	if !slices.Equal(plain, hashed) {
		t.Fatalf("hash lookups changed the solutions: %d rows without, %d with", len(plain), len(hashed))
	}
	if len(plain) < 100 {
		t.Fatalf("only %d solutions: the test exercises nothing", len(plain))
	}
	if hashedN*5 > plainN {
		t.Errorf("%d dataset lookups with hash tables, %d without: the tables are not used", hashedN, plainN)
	}
}

// TestMemoLookups checks that lookups repeating an earlier key (a
// correspondent reached again and again) are answered from a memo: the
// same solutions, also when a LIMIT stops a lookup midway, and fewer
// lookups in the dataset.
func TestMemoLookups(t *testing.T) {
	ds := rdf.NewDataset()
	for i := range 400 {
		d := iri(fmt.Sprintf("d%d", i))
		ds.Add(rdf.Quad{S: d, P: iri("creator"), O: iri(fmt.Sprintf("p%d", i%7))})
		ds.Add(rdf.Quad{S: d, P: iri("recipient"), O: iri(fmt.Sprintf("p%d", (i*3)%11))})
	}
	for _, q := range []string{
		// (without DISTINCT: under it, the repeated ?b never reach the
		// lookup, see TestDistinctDedupe)
		`SELECT ?c WHERE { ?d1 :creator :p1 ; :recipient ?b . ?d2 :creator ?b ; :recipient ?c FILTER(?c != :p1) }`,
		`SELECT ?d2 WHERE { ?d1 :creator :p1 ; :recipient ?b . ?d2 :creator ?b } LIMIT 7`,
		`SELECT ?b ?d2 WHERE { ?d1 :creator :p2 ; :recipient ?b . OPTIONAL { ?d2 :creator ?b ; :recipient :p4 } }`,
		`SELECT ?d1 ?b WHERE { ?d1 :creator :p3 ; :recipient ?b FILTER EXISTS { ?d2 :creator ?b } }`,
		// EXISTS stops a lookup at its first match; a later one with the
		// same key but another ?x needs all of them.
		`SELECT ?b ?x (COUNT(*) AS ?n) WHERE { VALUES ?x { :p0 :p1 :p2 :p3 :p4 :p5 :p6 :p7 :p8 :p9 :p10 }
		  ?d1 :creator :p3 ; :recipient ?b FILTER EXISTS { ?d2 :creator ?b ; :recipient ?x } } GROUP BY ?b ?x`,
	} {
		run := func(opt eval.Options) ([]string, int) {
			pq, err := parser.ParseQuery("PREFIX : <http://e/>\n"+q, parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			alg, err := algebra.Translate(pq, algebra.Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, err := eval.Compile(alg, opt)
			if err != nil {
				t.Fatal(err)
			}
			c := &countingDataset{Dataset: ds}
			return solutions(t, p, c), c.n
		}
		plain, plainN := run(eval.Options{HashAfter: -1})
		memo, memoN := run(eval.Options{HashAfter: 1 << 30})
		if !slices.Equal(plain, memo) {
			t.Errorf("%s: %v with the memo, %v without", q, memo, plain)
		}
		if len(plain) == 0 {
			t.Errorf("%s: no solutions: the test exercises nothing", q)
		}
		if !strings.Contains(q, "LIMIT") && !strings.Contains(q, "EXISTS") && memoN*2 > plainN {
			t.Errorf("%s: %d dataset lookups with the memo, %d without", q, memoN, plainN)
		}
	}
}

// TestDistinctDedupe: under DISTINCT, partial solutions that differ only
// in variables nothing after them reads are dropped before their lookups,
// with the same answers.
func TestDistinctDedupe(t *testing.T) {
	ds := rdf.NewDataset()
	for i := range 400 {
		d := iri(fmt.Sprintf("d%d", i))
		ds.Add(rdf.Quad{S: d, P: iri("creator"), O: iri(fmt.Sprintf("p%d", i%7))})
		ds.Add(rdf.Quad{S: d, P: iri("recipient"), O: iri(fmt.Sprintf("p%d", (i*3)%11))})
	}
	run := func(q string) ([]string, int) {
		p := compileWith(t, q, eval.Options{HashAfter: -1})
		c := &countingDataset{Dataset: ds}
		return solutions(t, p, c), c.n
	}
	body := ` ?c WHERE { ?d1 :creator :p1 ; :recipient ?b . ?d2 :creator ?b ; :recipient ?c FILTER(?c != :p1) }`
	distinct, distinctN := run("SELECT DISTINCT" + body)
	all, allN := run("SELECT" + body)
	slices.Sort(all)
	if all = slices.Compact(all); !slices.Equal(all, distinct) {
		t.Errorf("DISTINCT gives %v, the set of all rows is %v", distinct, all)
	}
	if distinctN*4 > allN {
		t.Errorf("%d dataset lookups under DISTINCT, %d without: the repeated correspondents were looked up again", distinctN, allN)
	}
}

// TestFusedFunctions checks the shortcuts for LANG(x) = "tag",
// CONTAINS(LCASE(STR(x)), "s") and comparisons with an IRI against the
// same expressions written so that no shortcut applies (the constant
// behind a STR call).
func TestFusedFunctions(t *testing.T) {
	ds := rdf.NewDataset(
		rdf.Quad{S: iri("a"), P: iri("l"), O: rdf.NewLangString("Shaka Zulu", "en")},
		rdf.Quad{S: iri("b"), P: iri("l"), O: rdf.NewLangString("Шака", "ru")},
		rdf.Quad{S: iri("c"), P: iri("l"), O: rdf.NewString("SHAKA")},
		rdf.Quad{S: iri("d"), P: iri("l"), O: iri("shaka")},
		rdf.Quad{S: iri("e"), P: iri("l"), O: rdf.NewLangString("x", "EN")},
		rdf.Quad{S: iri("f"), P: iri("l"), O: rdf.BlankNode("b1")},
		rdf.Quad{S: iri("g"), P: iri("l"), O: rdf.NewTyped("12", "http://www.w3.org/2001/XMLSchema#integer")},
	)
	for _, pair := range [][2]string{
		{`LANG(?o) = "en"`, `LANG(?o) = STR("en")`},
		{`LANG(?o) != "en"`, `LANG(?o) != STR("en")`},
		{`LANG(?o) = ""`, `LANG(?o) = STR("")`},
		{`CONTAINS(LCASE(STR(?o)), "shaka")`, `CONTAINS(LCASE(STR(?o)), STR("shaka"))`},
		{`CONTAINS(LCASE(?o), "shaka")`, `CONTAINS(LCASE(?o), STR("shaka"))`},
		{`CONTAINS(LCASE(?o), "шака")`, `CONTAINS(LCASE(?o), STR("шака"))`},
		{`!CONTAINS(LCASE(?o), "ka")`, `!CONTAINS(LCASE(?o), STR("ka"))`},
		{`?o = :shaka`, `?o = IRI(STR(:shaka))`},
		{`:shaka != ?o`, `IRI(STR(:shaka)) != ?o`},
		{`?nope = :shaka`, `?nope = IRI(STR(:shaka))`},
		{`?o != :shaka`, `?o != IRI(STR(:shaka))`},
	} {
		for _, form := range []string{`SELECT ?s { ?s :l ?o FILTER(%s) }`, `SELECT ?s ?b { ?s :l ?o BIND(%s AS ?b) }`} {
			fused := solutions(t, compile(t, fmt.Sprintf(form, pair[0])), ds)
			plain := solutions(t, compile(t, fmt.Sprintf(form, pair[1])), ds)
			if !slices.Equal(fused, plain) {
				t.Errorf("%s: %v; written out: %v", fmt.Sprintf(form, pair[0]), fused, plain)
			}
		}
	}
}

// subjectFinder answers eval.SubjectFinder by matching the pairs one by
// one, and counts its calls.
type subjectFinder struct {
	eval.Dataset
	calls int
}

func (f *subjectFinder) Subjects(pairs [][2]rdf.Term) ([]rdf.Term, bool, error) {
	f.calls++
	var out []rdf.Term
	for q, err := range f.Match(context.Background(), nil, pairs[0][0], pairs[0][1], nil) {
		if err != nil {
			return nil, true, err
		}
		all := true
		for _, p := range pairs[1:] {
			found := false
			for range f.Match(context.Background(), q.S, p[0], p[1], nil) {
				found = true
			}
			all = all && found
		}
		if all {
			out = append(out, q.S)
		}
	}
	return out, true, nil
}

// TestSubjectStars checks that patterns starting with several constant
// predicate-object pairs on one subject, found through a SubjectFinder,
// give the solutions matching them one by one gives: with filters at
// every level, the subject bound from outside, and a LIMIT.
func TestSubjectStars(t *testing.T) {
	ds := rdf.NewDataset()
	for i := range 60 {
		d := iri(fmt.Sprintf("d%d", i))
		for j := range 5 {
			if i%(j+2) == 0 {
				ds.Add(rdf.Quad{S: d, P: iri("mentions"), O: iri(fmt.Sprintf("p%d", j))})
			}
		}
		ds.Add(rdf.Quad{S: d, P: iri("n"), O: rdf.NewTyped(fmt.Sprint(i), "http://www.w3.org/2001/XMLSchema#integer")})
	}
	for _, q := range []string{
		`SELECT ?d ?n { ?d :mentions :p0 . ?d :mentions :p1 . ?d :n ?n }`,
		`SELECT ?d ?n { ?d :mentions :p0 . ?d :mentions :p1 . ?d :n ?n FILTER(STR(?d) > "http://e/d3") }`,
		`SELECT ?d ?n { ?d :mentions :p0 . ?d :mentions :p1 . ?d :n ?n FILTER(?n > 20) }`,
		`SELECT ?d { ?d :mentions :p0 . ?d :mentions :p1 . ?d :mentions :p2 }`,
		`SELECT ?d { ?d :mentions :p0 . ?d :mentions :p1 } LIMIT 2`,
		`SELECT ?d ?x { ?d :n ?x { ?d :mentions :p0 . ?d :mentions :p1 } }`,
		`SELECT ?d { ?d :mentions :p0 . ?d :mentions :nobody }`,
	} {
		plain := solutions(t, compile(t, q), ds)
		f := &subjectFinder{Dataset: ds}
		star := solutions(t, compile(t, q), f)
		if !slices.Equal(plain, star) {
			t.Errorf("%s: %v through subjects, %v one by one", q, star, plain)
		}
		if outside := strings.Contains(q, "?d :n ?x {"); (f.calls == 0) != outside {
			t.Errorf("%s: subjects asked %d times", q, f.calls)
		}
	}
}

// TestGroupedLeftAnnouncesLookups checks that a join whose left side is a
// grouping (computed whole before its first solution) tells the BGP on its
// right how many lookups it will get, so that the BGP's first pattern reads
// its matches into a hash table after its first few lookups instead of
// discovering the need after many: the same solutions, and the table built
// at the 8th lookup rather than the 64th.
func TestGroupedLeftAnnouncesLookups(t *testing.T) {
	ds := rdf.NewDataset()
	for i := range 3000 {
		ds.Add(rdf.Quad{S: iri(fmt.Sprintf("d%d", i)), P: iri("creator"), O: iri(fmt.Sprintf("p%d", i%97))})
		if i < 97 {
			ds.Add(rdf.Quad{S: iri(fmt.Sprintf("p%d", i)), P: iri("label"), O: rdf.NewLangString(fmt.Sprintf("P%d", i), "en")})
		}
	}
	for _, q := range []string{
		`SELECT ?a ?n ?l { { SELECT ?a (COUNT(?d) AS ?n) { ?d :creator ?a } GROUP BY ?a } ?a :label ?l }`,
		`SELECT ?a ?l { { SELECT ?a { ?d :creator ?a } ORDER BY ?a } ?a :label ?l }`,
	} {
		alg := translate(t, q)
		var labels algebra.Op
		var find func(op algebra.Op)
		find = func(op algebra.Op) {
			switch x := op.(type) {
			case *algebra.BGP:
				if len(x.Triples) == 1 && x.Triples[0].P.Term == iri("label") {
					labels = x
				}
			case *algebra.Join:
				find(x.L)
				find(x.R)
			case *algebra.Project:
				find(x.X)
			case *algebra.Slice:
				find(x.X)
			case *algebra.OrderBy:
				find(x.X)
			case *algebra.Extend:
				find(x.X)
			}
		}
		find(alg.Op)
		if labels == nil {
			t.Fatalf("%s: no label pattern in %s", q, algebra.String(alg.Op))
		}
		run := func(opt eval.Options) ([]string, *eval.Program) {
			p, err := eval.Compile(alg, opt)
			if err != nil {
				t.Fatal(err)
			}
			rows := solutions(t, p, ds)
			slices.Sort(rows)
			return rows, p
		}
		plain, _ := run(eval.Options{HashAfter: -1})
		hashed, p := run(eval.Options{})
		if !slices.Equal(plain, hashed) {
			t.Fatalf("%s: %d rows with the table, %d without", q, len(hashed), len(plain))
		}
		if len(plain) < 97 {
			t.Fatalf("%s: only %d solutions: the test exercises nothing", q, len(plain))
		}
		st := p.Patterns(labels)[0]
		if st.HashAfter == 0 || st.HashAfter > 8 {
			t.Errorf("%s: the label pattern's table came after lookup %d of %d (want by the 8th)", q, st.HashAfter, st.Lookups)
		}
	}
}
