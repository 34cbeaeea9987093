// Package optimizer rewrites SPARQL algebra into an equivalent plan that is
// cheaper to evaluate. It is an ordered list of pure passes (Passes), each
// a function from tree to tree that leaves its input untouched:
//
//  1. normalize: merge joined basic graph patterns, drop empty joins, flatten filters;
//  2. push filters: move each FILTER condition down to the smallest
//     sub-pattern that binds all its variables;
//  3. push values: move VALUES data (and bound parameters) down to the
//     patterns it constrains, so its terms reach the index lookups;
//  4. eager group: group a pattern's other triples before joining a triple
//     whose variables are all grouping keys (labels of the groups), so the
//     join runs once per group rather than once per solution;
//  5. reorder joins: order the triple patterns of each basic graph pattern
//     by estimated cardinality given the variables bound so far, and split a
//     filtered pattern so the filter runs as soon as its variables are bound;
//  6. plan hash: estimate how many index lookups each triple pattern will
//     get, so that the evaluator reads a pattern into a hash table from the
//     start when its lookups will outnumber its matches;
//  7. top-k: under ORDER BY ... LIMIT, let the sort keep only the solutions
//     the limit can reach.
//
// Estimates come from a Stats the caller supplies; with nil Stats the
// passes fall back to counting bound positions.
package optimizer

import (
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/rdf"
)

// Stats estimates how many triples match a pattern; a nil term is a wildcard.
type Stats interface {
	Count(s, p, o rdf.Term) float64
}

// Pass is one rewrite step.
type Pass struct {
	Name string
	Run  func(op algebra.Op, st Stats) algebra.Op
}

// Passes returns the passes Optimize applies, in order.
func Passes() []Pass {
	return []Pass{
		{"normalize", func(op algebra.Op, _ Stats) algebra.Op { return normalize(op) }},
		{"push-filters", func(op algebra.Op, _ Stats) algebra.Op { return pushFilters(op) }},
		{"push-values", func(op algebra.Op, _ Stats) algebra.Op { return pushValues(op) }},
		{"eager-group", func(op algebra.Op, _ Stats) algebra.Op { return eagerGroup(op) }},
		{"reorder-joins", reorder},
		{"plan-hash", planHash},
		{"top-k", func(op algebra.Op, _ Stats) algebra.Op { return topK(op) }},
	}
}

// Optimize applies every pass in order.
func Optimize(op algebra.Op, st Stats) algebra.Op {
	for _, p := range Passes() {
		op = p.Run(op, st)
	}
	return op
}

// OptimizeQuery returns a copy of q with its pattern optimized.
func OptimizeQuery(q *algebra.Query, st Stats) *algebra.Query {
	c := *q
	c.Op = Optimize(q.Op, st)
	return &c
}

// mapOp rebuilds op with f applied to each direct child operator and to the
// patterns inside EXISTS expressions.
func mapOp(op algebra.Op, f func(algebra.Op) algebra.Op) algebra.Op {
	ex := func(e algebra.Expr) algebra.Expr { return mapExpr(e, f) }
	switch op := op.(type) {
	case *algebra.Join:
		return &algebra.Join{L: f(op.L), R: f(op.R)}
	case *algebra.LeftJoin:
		var e algebra.Expr
		if op.Expr != nil {
			e = ex(op.Expr)
		}
		return &algebra.LeftJoin{L: f(op.L), R: f(op.R), Expr: e}
	case *algebra.Union:
		return &algebra.Union{L: f(op.L), R: f(op.R)}
	case *algebra.Minus:
		return &algebra.Minus{L: f(op.L), R: f(op.R)}
	case *algebra.Filter:
		es := make([]algebra.Expr, len(op.Exprs))
		for i, e := range op.Exprs {
			es[i] = ex(e)
		}
		return &algebra.Filter{Exprs: es, X: f(op.X)}
	case *algebra.Graph:
		return &algebra.Graph{Name: op.Name, X: f(op.X)}
	case *algebra.Extend:
		return &algebra.Extend{X: f(op.X), Var: op.Var, Expr: ex(op.Expr)}
	case *algebra.Group:
		return &algebra.Group{X: f(op.X), Keys: op.Keys, Aggs: op.Aggs}
	case *algebra.OrderBy:
		return &algebra.OrderBy{X: f(op.X), Conds: op.Conds, Top: op.Top}
	case *algebra.Project:
		return &algebra.Project{X: f(op.X), Vars: op.Vars}
	case *algebra.Distinct:
		return &algebra.Distinct{X: f(op.X)}
	case *algebra.Reduced:
		return &algebra.Reduced{X: f(op.X)}
	case *algebra.Slice:
		return &algebra.Slice{X: f(op.X), Offset: op.Offset, Limit: op.Limit}
	}
	return op
}

func mapExpr(e algebra.Expr, f func(algebra.Op) algebra.Op) algebra.Expr {
	switch e := e.(type) {
	case *algebra.Exists:
		return &algebra.Exists{Not: e.Not, X: f(e.X)}
	case *algebra.Call:
		args := make([]algebra.Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = mapExpr(a, f)
		}
		return &algebra.Call{Name: e.Name, Args: args}
	}
	return e
}

// normalize merges Join(BGP, BGP) into one BGP and nested filters into one.
func normalize(op algebra.Op) algebra.Op {
	op = mapOp(op, normalize)
	switch x := op.(type) {
	case *algebra.Join:
		l, lok := x.L.(*algebra.BGP)
		r, rok := x.R.(*algebra.BGP)
		switch {
		case lok && rok:
			ts := append(append([]algebra.TriplePattern{}, l.Triples...), r.Triples...)
			return &algebra.BGP{Triples: ts}
		case lok && len(l.Triples) == 0:
			return x.R
		case rok && len(r.Triples) == 0:
			return x.L
		}
		// Join(Join(A, BGP1), BGP2) -> Join(A, BGP1+BGP2)
		if inner, ok := x.L.(*algebra.Join); ok && rok {
			if ib, ok := inner.R.(*algebra.BGP); ok {
				ts := append(append([]algebra.TriplePattern{}, ib.Triples...), r.Triples...)
				return &algebra.Join{L: inner.L, R: &algebra.BGP{Triples: ts}}
			}
		}
	case *algebra.Filter:
		if inner, ok := x.X.(*algebra.Filter); ok {
			return &algebra.Filter{Exprs: append(append([]algebra.Expr{}, x.Exprs...), inner.Exprs...), X: inner.X}
		}
	}
	return op
}

// certain lists the variables bound in every solution of op.
func certain(op algebra.Op) map[algebra.Var]bool {
	out := map[algebra.Var]bool{}
	switch op := op.(type) {
	case *algebra.BGP:
		for _, t := range op.Triples {
			for _, n := range []algebra.Node{t.S, t.P, t.O} {
				if n.IsVar() {
					out[n.Var] = true
				}
			}
		}
	case *algebra.PathPattern:
		for _, n := range []algebra.Node{op.S, op.O} {
			if n.IsVar() {
				out[n.Var] = true
			}
		}
	case *algebra.Join:
		for v := range certain(op.L) {
			out[v] = true
		}
		for v := range certain(op.R) {
			out[v] = true
		}
	case *algebra.LeftJoin:
		return certain(op.L)
	case *algebra.Minus:
		return certain(op.L)
	case *algebra.Filter:
		return certain(op.X)
	case *algebra.Graph:
		out = certain(op.X)
		if op.Name.IsVar() {
			out[op.Name.Var] = true
		}
	case *algebra.Extend:
		return certain(op.X)
	case *algebra.Union:
		r := certain(op.R)
		for v := range certain(op.L) {
			if r[v] {
				out[v] = true
			}
		}
	case *algebra.Table:
		for i, v := range op.Vars {
			all := true
			for _, row := range op.Rows {
				if row[i] == nil {
					all = false
				}
			}
			if all {
				out[v] = true
			}
		}
	case *algebra.Project:
		in := certain(op.X)
		for _, v := range op.Vars {
			if in[v] {
				out[v] = true
			}
		}
	case *algebra.Distinct:
		return certain(op.X)
	case *algebra.Reduced:
		return certain(op.X)
	case *algebra.OrderBy:
		return certain(op.X)
	}
	return out
}

func covers(have, need map[algebra.Var]bool) bool {
	for v := range need {
		if !have[v] {
			return false
		}
	}
	return true
}

// pushFilters moves filter conditions towards the patterns binding their variables.
func pushFilters(op algebra.Op) algebra.Op {
	op = mapOp(op, pushFilters)
	f, ok := op.(*algebra.Filter)
	if !ok {
		return op
	}
	var keep []algebra.Expr
	x := f.X
	for _, e := range f.Exprs {
		vars := map[algebra.Var]bool{}
		if !algebra.ExprVars(e, vars) {
			keep = append(keep, e)
			continue
		}
		if nx, pushed := pushInto(x, e, vars); pushed {
			x = nx
		} else {
			keep = append(keep, e)
		}
	}
	if len(keep) == 0 {
		return x
	}
	return &algebra.Filter{Exprs: keep, X: x}
}

// pushInto places e below op when a child binds all its variables.
func pushInto(op algebra.Op, e algebra.Expr, vars map[algebra.Var]bool) (algebra.Op, bool) {
	switch x := op.(type) {
	case *algebra.Join:
		if covers(certain(x.L), vars) {
			l, _ := pushInto(x.L, e, vars)
			return &algebra.Join{L: l, R: x.R}, true
		}
	case *algebra.LeftJoin:
		if covers(certain(x.L), vars) {
			l, _ := pushInto(x.L, e, vars)
			return &algebra.LeftJoin{L: l, R: x.R, Expr: x.Expr}, true
		}
	case *algebra.Filter:
		return &algebra.Filter{Exprs: append(append([]algebra.Expr{}, x.Exprs...), e), X: x.X}, true
	}
	return &algebra.Filter{Exprs: []algebra.Expr{e}, X: op}, true
}

// topK marks the sort under Slice(Project(OrderBy)) with the number of
// solutions the slice can use.
func topK(op algebra.Op) algebra.Op {
	op = mapOp(op, topK)
	s, ok := op.(*algebra.Slice)
	if !ok || s.Limit < 0 {
		return op
	}
	p, ok := s.X.(*algebra.Project)
	if !ok {
		return op
	}
	o, ok := p.X.(*algebra.OrderBy)
	if !ok {
		return op
	}
	top := &algebra.OrderBy{X: o.X, Conds: o.Conds, Top: s.Offset + s.Limit}
	return &algebra.Slice{X: &algebra.Project{X: top, Vars: p.Vars}, Offset: s.Offset, Limit: s.Limit}
}
