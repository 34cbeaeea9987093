package optimizer

import (
	"github.com/docgraph/docgraph/queries/algebra"
)

// eagerGroup (pass "eager-group") groups before a join that only names
// the groups. In
//
//	Group(keys K, aggregates over A's variables, Filter(F, BGP(A..., t)))
//
// where the triple pattern t has all its variables among the keys, shares
// at least one with the other patterns A and binds at least one they do
// not, each solution of A meets at most one match of t with the same
// values (a triple pattern matches each triple once, and its variables are
// all keys): the solutions of a group (k, t's own values) are those of
// A's group k, one for one. So A is grouped first, by the keys it binds,
// and t is joined to the groups:
//
//	Filter(F2, Join(Group(K ∩ vars(A), aggregates, Filter(F1, BGP(A...))), BGP(t)))
//
// with the filters F1 that read only A's variables below the group and
// the others F2, which must read only keys, above the join (every
// solution of a group has the same keys, so each group passes or fails
// as a whole). The aggregates are the same: COUNT, SUM, MIN, MAX and AVG,
// DISTINCT or not, of expressions of A's variables (GROUP_CONCAT and
// SAMPLE are left alone: their order is a run's). A top-20 of co-mentions
// (a person's documents, their other mentions, the English label of each)
// then looks up 10,047 labels instead of 103,731, and groups on one term
// instead of two. The rewrite repeats on the new group while another
// pattern qualifies.
func eagerGroup(op algebra.Op) algebra.Op {
	op = mapOp(op, eagerGroup)
	g, ok := op.(*algebra.Group)
	if !ok {
		return op
	}
	if out, ok := splitGroup(g); ok {
		return out
	}
	return op
}

func splitGroup(g *algebra.Group) (algebra.Op, bool) {
	var filters []algebra.Expr
	x := g.X
	if f, ok := x.(*algebra.Filter); ok {
		filters, x = f.Exprs, f.X
	}
	b, ok := x.(*algebra.BGP)
	if !ok || len(b.Triples) < 2 {
		return nil, false
	}
	keys := map[algebra.Var]bool{}
	for _, k := range g.Keys {
		if v, ok := k.Expr.(algebra.Var); !ok || v != k.Var {
			return nil, false
		}
		keys[k.Var] = true
	}
	if len(keys) == 0 {
		return nil, false
	}
	aggVars := map[algebra.Var]bool{}
	for _, a := range g.Aggs {
		switch a.Agg.Name {
		case "COUNT", "SUM", "MIN", "MAX", "AVG":
		default:
			return nil, false
		}
		if a.Agg.Arg != nil && !algebra.ExprVars(a.Agg.Arg, aggVars) {
			return nil, false
		}
	}
	for i := len(b.Triples) - 1; i >= 0; i-- {
		t := b.Triples[i]
		rest := make([]algebra.TriplePattern, 0, len(b.Triples)-1)
		rest = append(append(rest, b.Triples[:i]...), b.Triples[i+1:]...)
		restVars := patternVars(rest)
		tVars := patternVars([]algebra.TriplePattern{t})
		shared, own := false, false
		for v := range tVars {
			if !keys[v] {
				shared, own = false, false
				break
			}
			if restVars[v] {
				shared = true
			} else {
				own = true
			}
		}
		if !shared || !own || !covers(restVars, aggVars) {
			continue
		}
		// Every key is bound by A or by t.
		allBound := true
		for v := range keys {
			if !restVars[v] && !tVars[v] {
				allBound = false
			}
		}
		if !allBound {
			continue
		}
		var below, above []algebra.Expr
		fine := true
		for _, e := range filters {
			vs := map[algebra.Var]bool{}
			if !algebra.ExprVars(e, vs) {
				fine = false
				break
			}
			switch {
			case covers(restVars, vs):
				below = append(below, e)
			case covers(keys, vs):
				above = append(above, e)
			default:
				fine = false
			}
			if !fine {
				break
			}
		}
		if !fine {
			continue
		}
		var inner algebra.Op = &algebra.BGP{Triples: rest}
		if len(below) > 0 {
			inner = &algebra.Filter{Exprs: below, X: inner}
		}
		var innerKeys []algebra.GroupKey
		for _, k := range g.Keys {
			if restVars[k.Var] {
				innerKeys = append(innerKeys, k)
			}
		}
		grouped := &algebra.Group{X: inner, Keys: innerKeys, Aggs: g.Aggs}
		var left algebra.Op = grouped
		if again, ok := splitGroup(grouped); ok {
			left = again
		}
		var out algebra.Op = &algebra.Join{L: left, R: &algebra.BGP{Triples: []algebra.TriplePattern{t}}}
		if len(above) > 0 {
			out = &algebra.Filter{Exprs: above, X: out}
		}
		return out, true
	}
	return nil, false
}

// patternVars is the set of variables of the triple patterns.
func patternVars(ts []algebra.TriplePattern) map[algebra.Var]bool {
	out := map[algebra.Var]bool{}
	for _, t := range ts {
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() {
				out[n.Var] = true
			}
		}
	}
	return out
}
