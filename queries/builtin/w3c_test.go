package builtin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// The W3C function and cast tests are single-pattern queries over
// "?s :pred ?in" with the function applied to ?in. Each case below names the
// query file and says how its projection is computed from one matching
// triple; the data file comes from the manifest and the expected solutions
// from the .srx file, so the suite's own expectations check this library
// without a query engine.

type fn func(in rdf.Term) (rdf.Term, error)

type w3cCase struct {
	query   string        // the .rq file
	subjVar string        // variable bound to the subject ("s" by default)
	subject rdf.IRI       // only this subject, if set
	pred    string        // local name under http://example.org/, "" = any predicate
	in      string        // variable bound to the object
	outs    map[string]fn // projected expressions
	filter  fn            // FILTER expression, if any
}

const ex = "http://example.org/"

func call(name string, extra ...rdf.Term) fn {
	return func(in rdf.Term) (rdf.Term, error) {
		return builtin.Call(name, append([]rdf.Term{in}, extra...), nil)
	}
}

func cast(local string) fn {
	return func(in rdf.Term) (rdf.Term, error) { return builtin.Cast(rdf.IRI(xsdNS+local), in) }
}

const xsdNS = "http://www.w3.org/2001/XMLSchema#"

var (
	str  = rdf.NewString
	xstr = func(s string) rdf.Term { return rdf.NewTyped(s, xsdNS+"string") }
	en   = func(s string) rdf.Term { return rdf.NewLangString(s, "en") }
	cy   = func(s string) rdf.Term { return rdf.NewLangString(s, "cy") }
)

func one(name string, f fn) map[string]fn { return map[string]fn{name: f} }

var functionCases = []w3cCase{
	{query: "abs01.rq", pred: "num", in: "num", filter: func(in rdf.Term) (rdf.Term, error) {
		a, err := builtin.Call("ABS", []rdf.Term{in}, nil)
		if err != nil {
			return nil, err
		}
		b, err := builtin.Compare(">=", a, rdf.NewTyped("2", xsdNS+"integer"))
		return rdf.NewTyped(map[bool]string{true: "true", false: "false"}[b], xsdNS+"boolean"), err
	}},
	{query: "ceil01.rq", pred: "num", in: "num", outs: one("ceil", call("CEIL"))},
	{query: "floor01.rq", pred: "num", in: "num", outs: one("floor", call("FLOOR"))},
	{query: "round01.rq", pred: "num", in: "num", outs: one("round", call("ROUND"))},
	{query: "contains01.rq", pred: "str", in: "str", filter: call("CONTAINS", str("a"))},
	{query: "ends01.rq", in: "str", filter: call("STRENDS", str("bc"))},
	{query: "starts01.rq", in: "str", filter: func(in rdf.Term) (rdf.Term, error) {
		s, err := builtin.Call("STR", []rdf.Term{in}, nil)
		if err != nil {
			return nil, err
		}
		return builtin.Call("STRSTARTS", []rdf.Term{s, str("1")}, nil)
	}},
	{query: "isnumeric01.rq", in: "num", filter: call("ISNUMERIC")},
	{query: "year-01.rq", pred: "date", in: "date", outs: one("x", call("YEAR"))},
	{query: "month-01.rq", pred: "date", in: "date", outs: one("x", call("MONTH"))},
	{query: "day-01.rq", pred: "date", in: "date", outs: one("x", call("DAY"))},
	{query: "hours-01.rq", pred: "date", in: "date", outs: one("x", call("HOURS"))},
	{query: "minutes-01.rq", pred: "date", in: "date", outs: one("x", call("MINUTES"))},
	{query: "seconds-01.rq", pred: "date", in: "date", outs: one("x", call("SECONDS"))},
	{query: "timezone-01.rq", pred: "date", in: "date", outs: one("x", call("TIMEZONE"))},
	{query: "tz-01.rq", pred: "date", in: "date", outs: one("x", call("TZ"))},
	{query: "encode01.rq", pred: "str", in: "str", outs: one("encoded", call("ENCODE_FOR_URI"))},
	{query: "lcase01.rq", pred: "str", in: "str", outs: one("lstr", call("LCASE"))},
	{query: "ucase01.rq", pred: "str", in: "str", outs: one("ustr", call("UCASE"))},
	{query: "length01.rq", pred: "str", in: "str", outs: one("len", call("STRLEN"))},
	{query: "strafter01.rq", pred: "str", in: "str", outs: one("suffix", call("STRAFTER", str("e")))},
	{query: "strbefore01.rq", pred: "str", in: "str", outs: one("prefix", call("STRBEFORE", str("s")))},
	{query: "strafter02.rq", pred: "str", in: "str", outs: map[string]fn{
		"ab": call("STRAFTER", str("b")), "aab": call("STRAFTER", str("ab")), "abcy": call("STRAFTER", cy("b")),
		"a": call("STRAFTER", str("")), "aen": call("STRAFTER", en("")), "abx": call("STRAFTER", xstr("b")),
		"axyzx": call("STRAFTER", xstr("xyz"))}},
	{query: "strbefore02.rq", pred: "str", in: "str", outs: map[string]fn{
		"bb": call("STRBEFORE", str("b")), "bbc": call("STRBEFORE", str("bc")), "bbcy": call("STRBEFORE", cy("b")),
		"b": call("STRBEFORE", str("")), "ben": call("STRBEFORE", en("")), "bbx": call("STRBEFORE", xstr("b")),
		"bxyzx": call("STRBEFORE", xstr("xyz"))}},
	{query: "replace01.rq", pred: "str", in: "str", outs: one("new", call("REPLACE", str("[^a-z0-9]"), str("-")))},
	{query: "replace02.rq", subject: ex + "s8", pred: "str", in: "str", outs: one("new", call("REPLACE", str("ana"), str("*")))},
	{query: "replace03.rq", subject: ex + "s9", pred: "str", in: "str", outs: one("new", call("REPLACE", str("(ab)|(a)"), str("[1=$1][2=$2]")))},
	{query: "substring01.rq", pred: "str", in: "str", outs: one("substr", call("SUBSTR", rdf.NewTyped("1", xsdNS+"integer"), rdf.NewTyped("1", xsdNS+"integer")))},
	{query: "substring02.rq", pred: "str", in: "str", outs: one("substr", call("SUBSTR", rdf.NewTyped("2", xsdNS+"integer")))},
	{query: "strdt03.rq", in: "o", outs: one("str1", func(in rdf.Term) (rdf.Term, error) {
		return builtin.Call("STRDT", []rdf.Term{in, rdf.IRI(xsdNS + "string")}, nil)
	})},
	{query: "strlang03.rq", in: "o", outs: one("str1", call("STRLANG", str("en-US")))},
	{query: "md5-01.rq", subject: ex + "s1", pred: "str", in: "l", outs: one("hash", call("MD5"))},
	{query: "md5-02.rq", subject: ex + "s4", pred: "str", in: "l", outs: one("hash", call("MD5"))},
	{query: "sha1-01.rq", subject: ex + "s1", pred: "str", in: "l", outs: one("hash", call("SHA1"))},
	{query: "sha1-02.rq", subject: ex + "s8", pred: "str", in: "l", outs: one("hash", call("SHA1"))},
	{query: "sha256-01.rq", subject: ex + "s1", pred: "str", in: "l", outs: one("hash", call("SHA256"))},
	{query: "sha256-02.rq", subject: ex + "s8", pred: "str", in: "l", outs: one("hash", call("SHA256"))},
	{query: "sha384-01.rq", subject: ex + "s1", pred: "str", in: "l", outs: one("hash", call("SHA384"))},
	{query: "sha384-02.rq", subject: ex + "s8", pred: "str", in: "l", outs: one("hash", call("SHA384"))},
	{query: "sha512-01.rq", subject: ex + "s1", pred: "str", in: "l", outs: one("hash", call("SHA512"))},
	{query: "sha512-02.rq", subject: ex + "s8", pred: "str", in: "l", outs: one("hash", call("SHA512"))},
}

var castCases = []w3cCase{
	{query: "cast-string.rq", subjVar: "a", pred: "p", in: "v", outs: one("string", cast("string"))},
	{query: "cast-bool.rq", subjVar: "a", pred: "p", in: "v", outs: one("boolean", cast("boolean"))},
	{query: "cast-int.rq", subjVar: "a", pred: "p", in: "v", outs: one("integer", cast("integer"))},
	{query: "cast-decimal.rq", subjVar: "a", pred: "p", in: "v", outs: one("decimal", cast("decimal"))},
	{query: "cast-float.rq", subjVar: "a", pred: "p", in: "v", outs: one("float", cast("float"))},
	{query: "cast-double.rq", subjVar: "a", pred: "p", in: "v", outs: one("double", cast("double"))},
}

// canonical compares numbers by value: the suite's expected files spell
// equal values in several ways ("1", "1.0E0" for the same double).
func canonical(l rdf.Literal) rdf.Literal {
	if t, err := builtin.Unary('+', l); err == nil {
		return t.(rdf.Literal)
	}
	return l
}

func TestW3CFunctionExpectations(t *testing.T) {
	runW3C(t, "functions", functionCases)
}

func TestW3CCastExpectations(t *testing.T) {
	runW3C(t, "cast", castCases)
}

func runW3C(t *testing.T, folder string, cases []w3cCase) {
	dir := filepath.Join(rdftest.SharedDir(t), "w3c", "sparql11", folder)
	dataOf := manifestData(t, filepath.Join(dir, "manifest.ttl"))
	passed := 0
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.query, ".rq"), func(t *testing.T) {
			tests := dataOf[c.query]
			if len(tests) == 0 {
				t.Fatalf("manifest has no test of %s", c.query)
			}
			for _, dr := range tests {
				checkCase(t, c, filepath.Join(dir, dr[0]), filepath.Join(dir, dr[1]))
			}
			if !t.Failed() {
				passed++
			}
		})
	}
	t.Logf("%s: %d/%d W3C expectations met", folder, passed, len(cases))
}

func checkCase(t *testing.T, c w3cCase, data, srx string) {
	quads, err := rdfio.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(srx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := results.Read(f, results.XML)
	if err != nil {
		t.Fatal(err)
	}
	got := &results.Table{Vars: want.Vars}
	subjVar := c.subjVar
	if subjVar == "" {
		subjVar = "s"
	}
	for _, q := range quads {
		if (c.pred != "" && q.P != rdf.IRI(ex+c.pred)) || (c.subject != "" && q.S != c.subject) {
			continue
		}
		if c.filter != nil {
			v, err := c.filter(q.O)
			if err != nil {
				continue
			}
			if ok, err := builtin.EBV(v); err != nil || !ok {
				continue
			}
		}
		row := make([]rdf.Term, len(want.Vars))
		for j, v := range want.Vars {
			switch {
			case v == subjVar:
				row[j] = q.S
			case v == c.in:
				row[j] = q.O
			case c.outs[v] != nil:
				if r, err := c.outs[v](q.O); err == nil {
					row[j] = r
				}
			default:
				t.Fatalf("expected results project ?%s, which this case does not compute", v)
			}
		}
		got.Rows = append(got.Rows, row)
	}
	if d := rdftest.DiffResults(want, got, rdftest.ResultOptions{Canonical: canonical}); d != "" {
		t.Errorf("results differ from %s:\n%s", filepath.Base(srx), d)
	}
}

// manifestData maps each query file of a manifest to the qt:data and
// mf:result files of the tests that run it.
func manifestData(t *testing.T, manifest string) map[string][][2]string {
	t.Helper()
	quads, err := rdfio.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	const (
		qt rdf.IRI = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
		mf rdf.IRI = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	)
	action, result := map[rdf.Term]rdf.Term{}, map[rdf.Term]string{}
	query, data := map[rdf.Term]string{}, map[rdf.Term]string{}
	for _, q := range quads {
		switch q.P {
		case mf + "action":
			action[q.S] = q.O
		case mf + "result":
			if iri, ok := q.O.(rdf.IRI); ok {
				result[q.S] = filepath.Base(string(iri))
			}
		case qt + "query":
			if iri, ok := q.O.(rdf.IRI); ok {
				query[q.S] = filepath.Base(string(iri))
			}
		case qt + "data":
			if iri, ok := q.O.(rdf.IRI); ok {
				data[q.S] = filepath.Base(string(iri))
			}
		}
	}
	out := map[string][][2]string{}
	for entry, res := range result {
		a := action[entry]
		if rq := query[a]; rq != "" {
			out[rq] = append(out[rq], [2]string{data[a], res})
		}
	}
	return out
}
