package optimizer

import (
	"github.com/docgraph/docgraph/queries/algebra"
)

// planHash (pass "plan-hash") estimates, for each triple pattern of each
// BGP, how many index lookups with bound variables it will get in one run
// of the query: the estimated solutions of the patterns before it in the
// BGP, times the estimated solutions of what feeds the BGP (the left side
// of a join, which runs the BGP once per solution, when that is a BGP). The evaluator reads
// the estimate (algebra.BGP.Lookups) to build a pattern's hash table from
// its first lookups when the plan says they will outnumber its matches,
// instead of discovering it after thousands of lookups. It needs the
// store's statistics; without them it leaves the plan alone.
func planHash(op algebra.Op, st Stats) algebra.Op {
	if st == nil {
		return op
	}
	return planHashIn(op, 1, st)
}

func planHashIn(op algebra.Op, outer float64, st Stats) algebra.Op {
	switch x := op.(type) {
	case *algebra.BGP:
		return planBGP(x, outer, nil, st)
	case *algebra.Join:
		l := planHashIn(x.L, outer, st)
		if b, ok := x.R.(*algebra.BGP); ok {
			return &algebra.Join{L: l, R: planBGP(b, outer*feeds(x.L, st), certain(x.L), st)}
		}
		return &algebra.Join{L: l, R: planHashIn(x.R, outer, st)}
	case *algebra.LeftJoin:
		l := planHashIn(x.L, outer, st)
		if b, ok := x.R.(*algebra.BGP); ok {
			return &algebra.LeftJoin{L: l, R: planBGP(b, outer*feeds(x.L, st), certain(x.L), st), Expr: x.Expr}
		}
		return &algebra.LeftJoin{L: l, R: planHashIn(x.R, outer, st), Expr: x.Expr}
	}
	return mapOp(op, func(c algebra.Op) algebra.Op { return planHashIn(c, outer, st) })
}

// feeds is how many solutions the left side of a join is expected to
// feed its right side: a BGP's estimate, a filtered BGP's; anything else
// (a subquery, a DISTINCT, a union) counts as one, for its estimate counts
// quads where the solutions are often far fewer (a pseudonym stated in
// every document that names its person is one person): a plan that
// expects too many lookups builds tables that are not needed.
func feeds(op algebra.Op, st Stats) float64 {
	switch x := op.(type) {
	case *algebra.BGP:
		return Estimate(x, st)
	case *algebra.Filter:
		if _, ok := x.X.(*algebra.BGP); ok {
			return Estimate(x, st)
		}
	}
	return 1
}

// planBGP returns a copy of b with its lookups estimated; outer is how
// many times the BGP runs, bound the variables bound when it starts.
func planBGP(b *algebra.BGP, outer float64, bound map[algebra.Var]bool, st Stats) *algebra.BGP {
	have := map[algebra.Var]bool{}
	for v := range bound {
		have[v] = true
	}
	rows := max(outer, 1)
	lookups := make([]float64, len(b.Triples))
	any := false
	for i, t := range b.Triples {
		bindsSome := false
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() && have[n.Var] {
				bindsSome = true
			}
		}
		if bindsSome {
			lookups[i] = rows
			any = true
		}
		rows *= tripleCost(t, have, st)
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() {
				have[n.Var] = true
			}
		}
	}
	if !any {
		return b
	}
	return &algebra.BGP{Triples: b.Triples, Lookups: lookups}
}
