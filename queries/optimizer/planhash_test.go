package optimizer_test

import (
	"testing"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/optimizer"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/rdf"
)

// fixedStats counts a pattern by its predicate alone.
type fixedStats map[rdf.Term]float64

func (f fixedStats) Count(s, p, o rdf.Term) float64 {
	n := f[p]
	if s != nil || o != nil {
		n /= 100
	}
	return n
}

func plan(t *testing.T, text string, st optimizer.Stats) algebra.Op {
	t.Helper()
	q, err := parser.ParseQuery(text, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	alg, err := algebra.Translate(q, algebra.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return optimizer.Optimize(alg.Op, st)
}

func bgps(op algebra.Op, out *[]*algebra.BGP) {
	switch x := op.(type) {
	case *algebra.BGP:
		*out = append(*out, x)
	case *algebra.Join:
		bgps(x.L, out)
		bgps(x.R, out)
	case *algebra.LeftJoin:
		bgps(x.L, out)
		bgps(x.R, out)
	case *algebra.Filter:
		bgps(x.X, out)
	case *algebra.Project:
		bgps(x.X, out)
	case *algebra.Distinct:
		bgps(x.X, out)
	}
}

// TestPlanHash: the planner expects a pattern to be looked up once per
// solution of the patterns before it, and once more per solution of
// what a join feeds it, and says nothing without statistics.
func TestPlanHash(t *testing.T) {
	st := fixedStats{
		rdf.IRI("http://e/creator"):   1000,
		rdf.IRI("http://e/recipient"): 2000,
		rdf.IRI("http://e/label"):     5000,
	}
	text := `SELECT * WHERE { ?d <http://e/creator> ?from ; <http://e/recipient> ?to }`
	var bs []*algebra.BGP
	bgps(plan(t, text, st), &bs)
	if len(bs) != 1 || len(bs[0].Lookups) != 2 {
		t.Fatalf("plan %+v", bs)
	}
	if got := bs[0].Lookups; got[0] != 0 || got[1] != 1000 {
		t.Errorf("lookups %v, want [0 1000]: the first pattern is scanned, the second looked up per creator triple", got)
	}

	bs = nil
	bgps(plan(t, `SELECT * WHERE { ?d <http://e/creator> ?p OPTIONAL { ?p <http://e/label> ?l } }`, st), &bs)
	if len(bs) != 2 || len(bs[1].Lookups) != 1 || bs[1].Lookups[0] != 1000 {
		t.Errorf("OPTIONAL side: %+v, want its pattern looked up once per left solution (1000)", bs)
	}

	// A subquery's estimate counts quads, not its distinct solutions: it
	// is not multiplied in.
	bs = nil
	bgps(plan(t, `SELECT * WHERE { { SELECT DISTINCT ?p WHERE { ?x <http://e/creator> ?p } } ?d <http://e/recipient> ?p ; <http://e/label> ?l }`, st), &bs)
	if len(bs) != 2 || len(bs[1].Lookups) != 2 || bs[1].Lookups[0] != 1 {
		t.Errorf("after a subquery: %+v, want the first pattern's lookups counted once", bs)
	}

	bs = nil
	bgps(plan(t, text, nil), &bs)
	if len(bs) != 1 || bs[0].Lookups != nil {
		t.Errorf("without statistics the plan has lookups: %+v", bs)
	}
}
