package rdftest

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
)

func table(vars []string, rows ...[]rdf.Term) *results.Table {
	return &results.Table{Vars: vars, Rows: rows}
}

func TestDiffResults(t *testing.T) {
	x, y := rdf.IRI("http://ex/x"), rdf.IRI("http://ex/y")
	one := rdf.NewTyped("1", "http://www.w3.org/2001/XMLSchema#integer")
	b1, b2, b3 := rdf.BlankNode("b1"), rdf.BlankNode("b2"), rdf.BlankNode("b3")
	yes, no := true, false
	tests := []struct {
		name      string
		want, got *results.Table
		opt       ResultOptions
		same      bool
		mention   string
	}{
		{"rows in another order", table([]string{"a", "b"}, []rdf.Term{x, one}, []rdf.Term{y, nil}),
			table([]string{"b", "a"}, []rdf.Term{nil, y}, []rdf.Term{one, x}), ResultOptions{}, true, ""},
		{"order matters when ordered", table([]string{"a"}, []rdf.Term{x}, []rdf.Term{y}),
			table([]string{"a"}, []rdf.Term{y}, []rdf.Term{x}), ResultOptions{Ordered: true}, false, ""},
		{"multiset counts duplicates", table([]string{"a"}, []rdf.Term{x}, []rdf.Term{x}, []rdf.Term{y}),
			table([]string{"a"}, []rdf.Term{x}, []rdf.Term{y}, []rdf.Term{y}), ResultOptions{}, false, "- ?a=<http://ex/x>"},
		{"blank nodes renamed consistently", table([]string{"a", "b"}, []rdf.Term{b1, b2}, []rdf.Term{b2, b1}),
			table([]string{"a", "b"}, []rdf.Term{b3, b1}, []rdf.Term{b1, b3}), ResultOptions{}, true, ""},
		{"blank nodes renamed inconsistently", table([]string{"a", "b"}, []rdf.Term{b1, b2}, []rdf.Term{b2, b1}),
			table([]string{"a", "b"}, []rdf.Term{b1, b2}, []rdf.Term{b3, b1}), ResultOptions{}, false, "differ"},
		{"unbound is not a value", table([]string{"a"}, []rdf.Term{nil}),
			table([]string{"a"}, []rdf.Term{x}), ResultOptions{}, false, "UNDEF"},
		{"variables differ", table([]string{"a"}), table([]string{"b"}), ResultOptions{}, false, "variables"},
		{"literal forms differ", table([]string{"a"}, []rdf.Term{one}),
			table([]string{"a"}, []rdf.Term{rdf.NewTyped("01", one.Datatype)}), ResultOptions{}, false, `"01"`},
		{"canonical literal forms", table([]string{"a"}, []rdf.Term{one}),
			table([]string{"a"}, []rdf.Term{rdf.NewTyped("01", one.Datatype)}),
			ResultOptions{Canonical: func(l rdf.Literal) rdf.Literal { l.Lexical = strings.TrimLeft(l.Lexical, "0"); return l }}, true, ""},
		{"many identical rows", table([]string{"a"}, rows(x, 200)...), table([]string{"a"}, rows(x, 200)...), ResultOptions{}, true, ""},
		{"booleans", &results.Table{Boolean: &yes}, &results.Table{Boolean: &no}, ResultOptions{}, false, "want true"},
		{"boolean against rows", &results.Table{Boolean: &yes}, table(nil), ResultOptions{}, false, "boolean"},
		{"empty solution", table(nil, []rdf.Term{}), table(nil), ResultOptions{}, false, "1 solutions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DiffResults(tt.want, tt.got, tt.opt)
			if tt.same && d != "" {
				t.Fatalf("reported different:\n%s", d)
			}
			if !tt.same && d == "" {
				t.Fatal("reported equal")
			}
			if !strings.Contains(d, tt.mention) {
				t.Errorf("diff does not mention %q:\n%s", tt.mention, d)
			}
		})
	}
}

func rows(t rdf.Term, n int) [][]rdf.Term {
	out := make([][]rdf.Term, n)
	for i := range out {
		out[i] = []rdf.Term{t}
	}
	return out
}
