package optimizer

import (
	"math"

	"github.com/docgraph/docgraph/queries/algebra"
)

// reorder orders the triples of each BGP and splits filtered BGPs (pass 3).
func reorder(op algebra.Op, st Stats) algebra.Op {
	op = mapOp(op, func(x algebra.Op) algebra.Op { return reorder(x, st) })
	switch x := op.(type) {
	case *algebra.BGP:
		return &algebra.BGP{Triples: orderTriples(x.Triples, nil, st)}
	case *algebra.Join:
		// The right side of a join runs once per left solution with the
		// left's bindings in place: order it knowing those are bound.
		if b, ok := x.R.(*algebra.BGP); ok {
			return &algebra.Join{L: x.L, R: &algebra.BGP{Triples: orderTriples(b.Triples, certain(x.L), st)}}
		}
	case *algebra.LeftJoin:
		if b, ok := x.R.(*algebra.BGP); ok {
			return &algebra.LeftJoin{L: x.L, R: &algebra.BGP{Triples: orderTriples(b.Triples, certain(x.L), st)}, Expr: x.Expr}
		}
	case *algebra.Filter:
		b, ok := x.X.(*algebra.BGP)
		if !ok || len(b.Triples) < 2 {
			return op
		}
		return splitFiltered(x.Exprs, b.Triples)
	}
	return op
}

// splitFiltered turns Filter(es, BGP(t1..tn)) into
// Join(Filter(es, BGP(t1..tk)), BGP(tk+1..tn)) for the shortest prefix
// binding the filters' variables, so that rejected solutions stop early.
func splitFiltered(es []algebra.Expr, ts []algebra.TriplePattern) algebra.Op {
	need := map[algebra.Var]bool{}
	for _, e := range es {
		if !algebra.ExprVars(e, need) {
			return &algebra.Filter{Exprs: es, X: &algebra.BGP{Triples: ts}}
		}
	}
	have := map[algebra.Var]bool{}
	for k, t := range ts {
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() {
				have[n.Var] = true
			}
		}
		if covers(have, need) {
			if k == len(ts)-1 {
				break
			}
			head := &algebra.Filter{Exprs: es, X: &algebra.BGP{Triples: ts[:k+1]}}
			return &algebra.Join{L: head, R: &algebra.BGP{Triples: ts[k+1:]}}
		}
	}
	return &algebra.Filter{Exprs: es, X: &algebra.BGP{Triples: ts}}
}

// orderTriples picks, greedily, the pattern with the fewest estimated
// matches given the variables bound so far, preferring patterns connected
// to what is already bound.
func orderTriples(ts []algebra.TriplePattern, bound map[algebra.Var]bool, st Stats) []algebra.TriplePattern {
	if len(ts) < 2 {
		return ts
	}
	b := map[algebra.Var]bool{}
	for v := range bound {
		b[v] = true
	}
	rest := append([]algebra.TriplePattern{}, ts...)
	out := make([]algebra.TriplePattern, 0, len(ts))
	for len(rest) > 0 {
		best, bestCost := 0, math.Inf(1)
		for i, t := range rest {
			c := tripleCost(t, b, st)
			if len(out) > 0 && !connected(t, b) {
				c *= 1e8 // avoid cross products
			}
			if c < bestCost {
				best, bestCost = i, c
			}
		}
		t := rest[best]
		out = append(out, t)
		rest = append(rest[:best], rest[best+1:]...)
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() {
				b[n.Var] = true
			}
		}
	}
	return out
}

func connected(t algebra.TriplePattern, bound map[algebra.Var]bool) bool {
	for _, n := range []algebra.Node{t.S, t.P, t.O} {
		if !n.IsVar() || bound[n.Var] {
			return true
		}
	}
	return false
}

// tripleCost estimates the matches of t per solution of what comes before.
func tripleCost(t algebra.TriplePattern, bound map[algebra.Var]bool, st Stats) float64 {
	c := 1e4
	if st != nil {
		c = st.Count(t.S.Term, t.P.Term, t.O.Term)
	} else {
		if !t.S.IsVar() {
			c /= 1000
		}
		if !t.P.IsVar() {
			c /= 10
		}
		if !t.O.IsVar() {
			c /= 100
		}
	}
	if t.S.IsVar() && bound[t.S.Var] {
		c /= 1000
	}
	if t.P.IsVar() && bound[t.P.Var] {
		c /= 10
	}
	if t.O.IsVar() && bound[t.O.Var] {
		c /= 100
	}
	return math.Max(c, 0.01)
}

// Estimate returns the estimated number of solutions of op.
func Estimate(op algebra.Op, st Stats) float64 {
	switch x := op.(type) {
	case *algebra.BGP:
		rows := 1.0
		b := map[algebra.Var]bool{}
		for _, t := range x.Triples {
			rows *= tripleCost(t, b, st)
			for _, n := range []algebra.Node{t.S, t.P, t.O} {
				if n.IsVar() {
					b[n.Var] = true
				}
			}
		}
		return rows
	case *algebra.PathPattern:
		return 1000
	case *algebra.Join:
		l, r := Estimate(x.L, st), Estimate(x.R, st)
		return math.Max(1, math.Sqrt(l*r))
	case *algebra.LeftJoin:
		return Estimate(x.L, st)
	case *algebra.Union:
		return Estimate(x.L, st) + Estimate(x.R, st)
	case *algebra.Minus:
		return Estimate(x.L, st)
	case *algebra.Filter:
		return Estimate(x.X, st) / 2
	case *algebra.Graph:
		return Estimate(x.X, st)
	case *algebra.Extend:
		return Estimate(x.X, st)
	case *algebra.Table:
		return float64(len(x.Rows))
	case *algebra.Group:
		if len(x.Keys) == 0 {
			return 1
		}
		return math.Max(1, Estimate(x.X, st)/10)
	case *algebra.OrderBy:
		return Estimate(x.X, st)
	case *algebra.Project:
		return Estimate(x.X, st)
	case *algebra.Distinct:
		return Estimate(x.X, st)
	case *algebra.Reduced:
		return Estimate(x.X, st)
	case *algebra.Slice:
		e := Estimate(x.X, st) - float64(x.Offset)
		if x.Limit >= 0 {
			e = math.Min(e, float64(x.Limit))
		}
		return math.Max(e, 0)
	}
	return 1
}
