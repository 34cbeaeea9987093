package builtin

import (
	"errors"
	"slices"
	"testing"

	"github.com/docgraph/docgraph/rdf"
)

func TestEBV(t *testing.T) {
	tests := []struct {
		t    rdf.Term
		want bool
		err  bool
	}{
		{tru, true, false},
		{fals, false, false},
		{typ("1", "boolean"), true, false},
		{typ("yes", "boolean"), false, false}, // invalid lexical form: false
		{s(""), false, false},
		{s("x"), true, false},
		{lang("x", "en"), true, false},
		{i("0"), false, false},
		{i("-2"), true, false},
		{dec("0.0"), false, false},
		{dbl("NaN"), false, false},
		{dbl("1E-300"), true, false},
		{typ("abc", "integer"), false, false},
		{iri, false, true},
		{bn, false, true},
		{dt("2020-01-01T00:00:00Z"), false, true},
		{typ("x", "gYear"), false, true},
		{nil, false, true},
	}
	for _, tt := range tests {
		got, err := EBV(tt.t)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("EBV(%v) = %v, %v; want %v, error %v", tt.t, got, err, tt.want, tt.err)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a    rdf.Term
		op   string
		b    rdf.Term
		want bool
		err  ErrorKind
	}{
		{i("1"), "=", dec("1.0"), true, 0},
		{i("1"), "=", dbl("1E0"), true, 0},
		{i("01"), "=", i("1"), true, 0},
		{typ("1", "byte"), "=", i("1"), true, 0},
		{dec("0.1"), "=", dbl("0.1"), true, 0},
		{dbl("NaN"), "=", dbl("NaN"), false, 0},
		{dbl("NaN"), "!=", dbl("NaN"), true, 0},
		{dbl("NaN"), "<", i("1"), false, 0},
		{s("a"), "=", typ("a", "string"), true, 0},
		{s("a"), "=", lang("a", "en"), false, 0},
		{lang("a", "en"), "=", lang("a", "EN"), true, 0},
		{lang("a", "en"), "=", lang("a", "fr"), false, 0},
		{s("1"), "=", i("1"), false, 0},
		{s("1"), "!=", i("1"), true, 0},
		{tru, "=", typ("1", "boolean"), true, 0},
		{iri, "=", iri, true, 0},
		{iri, "=", s("http://example.org/x"), false, 0},
		{bn, "!=", rdf.BlankNode("other"), true, 0},
		{typ("x", "gYear"), "=", typ("x", "gYear"), true, 0},
		{typ("x", "gYear"), "=", typ("y", "gYear"), false, TypeError},
		{typ("x", "gYear"), "!=", typ("y", "gYear"), false, TypeError},
		{typ("abc", "integer"), "=", i("1"), false, InvalidLexical},
		{typ("abc", "integer"), "=", typ("abc", "integer"), true, 0},
		{dt("2002-04-02T12:00:00-01:00"), "=", dt("2002-04-02T17:00:00+04:00"), true, 0},
		{dt("2002-04-02T23:00:00-04:00"), "=", dt("2002-04-03T02:00:00-01:00"), true, 0},
		{dt("2002-04-02T12:00:00"), "=", dt("2002-04-02T12:00:00Z"), false, TypeError},
		{dt("2002-04-02T12:00:00"), "<", dt("2002-04-04T12:00:00Z"), true, 0},
		{dt("2002-04-02T12:00:00Z"), "<", dt("2002-04-02T12:00:00.5Z"), true, 0},
		{typ("1948-01-01", "date"), "<", typ("1953-01-01", "date"), true, 0},
		{typ("1952-12-31", "date"), ">=", typ("1953-01-01", "date"), false, 0},
		{typ("1953-02-29", "date"), "<", typ("1953-03-01", "date"), false, InvalidLexical},
		{typ("1952-02-29", "date"), "<", typ("1953-01-01", "date"), true, 0},
		{typ("1952-01-01", "date"), "<", typ("1952-01-01Z", "date"), false, TypeError},
		{typ("1952-01-01", "date"), "<", typ("1952-01-03Z", "date"), true, 0},
		{typ("10000-01-01", "date"), ">", typ("9999-12-31", "date"), true, 0},
		{i("1"), "<", dec("1.5"), true, 0},
		{dbl("-INF"), "<", i("-99999999999999999999"), true, 0},
		{i("2"), ">=", typ("2", "float"), true, 0},
		{s("abc"), "<", s("abd"), true, 0},
		{s("b"), ">", typ("a", "string"), true, 0},
		{fals, "<", tru, true, 0},
		{s("a"), "<", i("1"), false, TypeError},
		{lang("a", "en"), "<", lang("b", "en"), false, TypeError},
		{iri, "<", iri, false, TypeError},
		{nil, "=", iri, false, Unbound},
		{i("1"), "<=", nil, false, Unbound},
	}
	for _, tt := range tests {
		got, err := Compare(tt.op, tt.a, tt.b)
		if tt.err != 0 {
			if !errors.Is(err, &Error{Kind: tt.err}) {
				t.Errorf("%v %s %v = %v, %v; want a %v", tt.a, tt.op, tt.b, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%v %s %v = %v, %v; want %v", tt.a, tt.op, tt.b, got, err, tt.want)
		}
	}
}

func TestArith(t *testing.T) {
	tests := []struct {
		a    rdf.Term
		op   byte
		b    rdf.Term
		want string
		err  ErrorKind
	}{
		{i("1"), '+', i("2"), `"3"^^<` + xsd + `integer>`, 0},
		{typ("100", "byte"), '+', typ("100", "byte"), `"200"^^<` + xsd + `integer>`, 0},
		{i("1"), '/', i("2"), `"0.5"^^<` + xsd + `decimal>`, 0},
		{i("4"), '/', i("2"), `"2.0"^^<` + xsd + `decimal>`, 0},
		{i("1"), '/', i("3"), `"0.333333333333333333333333"^^<` + xsd + `decimal>`, 0},
		{dec("0.1"), '+', dec("0.2"), `"0.3"^^<` + xsd + `decimal>`, 0},
		{i("99999999999999999999"), '*', i("10"), `"999999999999999999990"^^<` + xsd + `integer>`, 0},
		{i("1"), '+', dec("1.5"), `"2.5"^^<` + xsd + `decimal>`, 0},
		{dec("1.5"), '*', typ("2", "float"), `"3.0E0"^^<` + xsd + `float>`, 0},
		{typ("1.5", "float"), '-', dbl("1"), `"5.0E-1"^^<` + xsd + `double>`, 0},
		{dbl("1"), '/', i("0"), `"INF"^^<` + xsd + `double>`, 0},
		{dbl("0"), '/', dbl("0"), `"NaN"^^<` + xsd + `double>`, 0},
		{i("1"), '/', i("0"), "", DivisionByZero},
		{dec("1.0"), '/', dec("0.0"), "", DivisionByZero},
		{i("1"), '+', s("1"), "", TypeError},
		{iri, '*', i("1"), "", TypeError},
		{i("x"), '-', i("1"), "", InvalidLexical},
		{nil, '+', i("1"), "", Unbound},
	}
	for _, tt := range tests {
		got, err := Arith(tt.op, tt.a, tt.b)
		if tt.err != 0 {
			if !errors.Is(err, &Error{Kind: tt.err}) {
				t.Errorf("%v %c %v = %v, %v; want a %v", tt.a, tt.op, tt.b, got, err, tt.err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("%v %c %v = %v, %v; want %s", tt.a, tt.op, tt.b, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		op   byte
		a    rdf.Term
		want string
	}{
		{'-', i("3"), `"-3"^^<` + xsd + `integer>`},
		{'-', dec("-0.50"), `"0.5"^^<` + xsd + `decimal>`},
		{'-', dbl("INF"), `"-INF"^^<` + xsd + `double>`},
		{'+', i("+07"), `"7"^^<` + xsd + `integer>`},
	} {
		got, err := Unary(tt.op, tt.a)
		if err != nil || got.String() != tt.want {
			t.Errorf("%c%v = %v, %v; want %s", tt.op, tt.a, got, err, tt.want)
		}
	}
	if _, err := Unary('-', s("1")); !errors.Is(err, ErrType) {
		t.Errorf("-\"1\": %v, want a type error", err)
	}
}

func TestOrderCompare(t *testing.T) {
	want := []rdf.Term{
		nil,
		rdf.BlankNode("a"),
		rdf.BlankNode("b"),
		rdf.IRI("http://a"),
		rdf.IRI("http://b"),
		i("-12"),
		i("-5"),
		dec("1.5"),
		i("2"),
		i("+3"),
		dbl("1E1"),
		i("20"),
		i("123456789012345678901"),
		fals,
		tru,
		s("10"),
		s("9"),
		lang("a", "en"),
		dt("2001-01-01T00:00:00Z"),
		dt("2010-01-01T00:00:00Z"),
		typ("abc", "integer"),
		typ("x", "gYear"),
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, OrderCompare)
	if !slices.Equal(got, want) {
		t.Errorf("ORDER BY order:\n got %v\nwant %v", got, want)
	}
	for _, a := range want {
		for _, b := range want {
			if OrderCompare(a, b) != -OrderCompare(b, a) && (OrderCompare(a, b) > 0) == (OrderCompare(b, a) > 0) {
				t.Errorf("OrderCompare(%v, %v) is not antisymmetric", a, b)
			}
		}
	}
}

func TestCast(t *testing.T) {
	tests := []struct {
		dt   string
		t    rdf.Term
		want string
		err  ErrorKind
	}{
		{"string", iri, `"http://example.org/x"`, 0},
		{"string", dbl("1E0"), `"1"`, 0},
		{"string", dbl("1.5E7"), `"1.5E7"`, 0},
		{"string", dec("2.50"), `"2.5"`, 0},
		{"string", typ("0", "boolean"), `"false"`, 0},
		{"string", tru, `"true"`, 0},
		{"string", lang("a", "en"), "", TypeError},
		{"string", bn, "", TypeError},
		{"integer", s(" 12 "), `"12"^^<` + xsd + `integer>`, 0},
		{"integer", s("1.5"), "", InvalidLexical},
		{"integer", dec("-2.5"), `"-2"^^<` + xsd + `integer>`, 0},
		{"integer", typ("-7.875", "float"), `"-7"^^<` + xsd + `integer>`, 0},
		{"integer", dbl("INF"), "", InvalidArgument},
		{"integer", tru, `"1"^^<` + xsd + `integer>`, 0},
		{"integer", iri, "", TypeError},
		{"integer", dt("2002-10-10T17:00:00Z"), "", TypeError},
		{"int", i("3000000000"), "", InvalidArgument},
		{"int", s("42"), `"42"^^<` + xsd + `int>`, 0},
		{"decimal", s("+33.3300"), `"33.33"^^<` + xsd + `decimal>`, 0},
		{"decimal", s("1E0"), "", InvalidLexical},
		{"decimal", i("1"), `"1.0"^^<` + xsd + `decimal>`, 0},
		{"decimal", dbl("0.1"), `"0.1"^^<` + xsd + `decimal>`, 0},
		{"decimal", fals, `"0.0"^^<` + xsd + `decimal>`, 0},
		{"double", s("-10.2E3"), `"-1.02E4"^^<` + xsd + `double>`, 0},
		{"double", s("INF"), `"INF"^^<` + xsd + `double>`, 0},
		{"double", i("13"), `"1.3E1"^^<` + xsd + `double>`, 0},
		{"float", dec("1.25"), `"1.25E0"^^<` + xsd + `float>`, 0},
		{"float", s("string"), "", InvalidLexical},
		{"boolean", s("0"), `"false"^^<` + xsd + `boolean>`, 0},
		{"boolean", s("yes"), "", InvalidLexical},
		{"boolean", dbl("NaN"), `"false"^^<` + xsd + `boolean>`, 0},
		{"boolean", dec("-2.5"), `"true"^^<` + xsd + `boolean>`, 0},
		{"dateTime", s("2002-10-10T17:00:00Z"), `"2002-10-10T17:00:00Z"^^<` + xsd + `dateTime>`, 0},
		{"dateTime", s("2002-10-10"), "", InvalidLexical},
		{"dateTime", typ("2002-10-10+01:00", "date"), `"2002-10-10T00:00:00+01:00"^^<` + xsd + `dateTime>`, 0},
		{"date", dt("2002-10-10T17:00:00Z"), `"2002-10-10Z"^^<` + xsd + `date>`, 0},
		{"gYear", s("2002"), "", UnknownFunction},
	}
	for _, tt := range tests {
		got, err := Call(xsd+tt.dt, []rdf.Term{tt.t}, nil)
		if tt.err != 0 {
			if !errors.Is(err, &Error{Kind: tt.err}) {
				t.Errorf("xsd:%s(%v) = %v, %v; want a %v", tt.dt, tt.t, got, err, tt.err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("xsd:%s(%v) = %v, %v; want %s", tt.dt, tt.t, got, err, tt.want)
		}
	}
	if min, max, ok := Arity(xsd + "integer"); !ok || min != 1 || max != 1 {
		t.Errorf("Arity(xsd:integer) = %d, %d, %v", min, max, ok)
	}
	if _, max, ok := Arity("CONCAT"); !ok || max != -1 {
		t.Errorf("Arity(CONCAT) = %d, %v", max, ok)
	}
}

func BenchmarkArithDecimal(b *testing.B) {
	x, y := dec("12.5"), i("3")
	for b.Loop() {
		if _, err := Arith('/', x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegexCached(b *testing.B) {
	env := NewEnv("")
	args := []rdf.Term{s("The Quick Brown Fox"), s("quick\\s+brown"), s("i")}
	for b.Loop() {
		if _, err := Call("REGEX", args, env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOrderCompareNumbers(b *testing.B) {
	x, y := i("12345"), dec("12345.5")
	for b.Loop() {
		if OrderCompare(x, y) >= 0 {
			b.Fatal("wrong order")
		}
	}
}

// FuzzFunctions calls every builtin and cast with literals made from the
// input and checks that none panics.
func FuzzFunctions(f *testing.F) {
	f.Add("abc", "b", "2011-01-10T14:45:13.815-05:00", "1.5e3")
	f.Add("(a)|b", "$1\\$", "-0044-03-15Z", "-INF")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		env := NewEnv("http://example.org/")
		terms := []rdf.Term{s(a), lang(b, "en"), dt(c), typ(c, "date"), dbl(d), dec(d), i(d), typ(d, "float"),
			typ(a, "boolean"), rdf.IRI("http://x/" + a)}
		for name, fn := range functions {
			for _, x := range terms {
				args := []rdf.Term{x, s(b), s(c)}
				if fn.max >= 0 {
					args = args[:min(max(fn.min, 1), fn.max, len(args))]
				}
				_, _ = Call(name, args, env)
			}
		}
		for dt := range castTargets {
			for _, x := range terms {
				_, _ = Cast(dt, x)
			}
		}
		for _, x := range terms {
			for _, y := range terms {
				_, _ = Equal(x, y)
				_, _ = Compare("<", x, y)
				_, _ = Arith('/', x, y)
				_ = OrderCompare(x, y)
			}
		}
	})
}
