package optimizer

import "github.com/docgraph/docgraph/queries/algebra"

// pushValues moves inline data (VALUES, and parameters bound that way)
// down to the patterns it constrains, so that its terms reach the index
// lookups of basic graph patterns instead of filtering a full evaluation:
// Join(Table, Union(A, B)) becomes Union(Join(Table, A), Join(Table, B)), and
// likewise through joins, BIND, FILTER, OPTIONAL, MINUS and GRAPH when the
// result cannot change (section 18.5 definitions; the conditions are below).
func pushValues(op algebra.Op) algebra.Op {
	op = mapOp(op, pushValues)
	j, ok := op.(*algebra.Join)
	if !ok {
		return op
	}
	t, ok := j.L.(*algebra.Table)
	if !ok {
		// Join is commutative on multisets: bring trailing VALUES forward.
		if t2, ok2 := j.R.(*algebra.Table); ok2 && !isTable(j.L) {
			t, ok = t2, true
			j = &algebra.Join{L: t2, R: j.L}
		}
	}
	if !ok {
		return op
	}
	if out, pushed := pushTable(t, j.R); pushed {
		return out
	}
	return j
}

func isTable(op algebra.Op) bool {
	_, ok := op.(*algebra.Table)
	return ok
}

// tableVars lists a table's variables.
func tableVars(t *algebra.Table) map[algebra.Var]bool {
	m := map[algebra.Var]bool{}
	for _, v := range t.Vars {
		m[v] = true
	}
	return m
}

// independent reports whether e's value cannot change when the table's
// variables are bound: it mentions none of them and holds no EXISTS.
func independent(e algebra.Expr, tv map[algebra.Var]bool) bool {
	vars := map[algebra.Var]bool{}
	if !algebra.ExprVars(e, vars) {
		return false
	}
	for v := range vars {
		if tv[v] {
			return false
		}
	}
	return true
}

// pushTable returns an operator equal to Join(t, x) with t moved inside x,
// or false when no rewrite is known to be safe.
func pushTable(t *algebra.Table, x algebra.Op) (algebra.Op, bool) {
	tv := tableVars(t)
	join := func(a algebra.Op) algebra.Op {
		if out, ok := pushTable(t, a); ok {
			return out
		}
		return &algebra.Join{L: t, R: a}
	}
	// inside reports whether every table variable is certainly bound by a,
	// so that a solution of a compatible with a row already holds it.
	inside := func(a algebra.Op) bool { return covers(certain(a), tv) }
	switch x := x.(type) {
	case *algebra.Union:
		return &algebra.Union{L: join(x.L), R: join(x.R)}, true
	case *algebra.Join:
		return &algebra.Join{L: join(x.L), R: x.R}, true
	case *algebra.Extend:
		if !tv[x.Var] && (inside(x.X) || independent(x.Expr, tv)) {
			return &algebra.Extend{X: join(x.X), Var: x.Var, Expr: x.Expr}, true
		}
	case *algebra.Filter:
		ok := inside(x.X)
		if !ok {
			ok = true
			for _, e := range x.Exprs {
				if !independent(e, tv) {
					ok = false
				}
			}
		}
		if ok {
			return &algebra.Filter{Exprs: x.Exprs, X: join(x.X)}, true
		}
	case *algebra.LeftJoin:
		if inside(x.L) {
			return &algebra.LeftJoin{L: join(x.L), R: x.R, Expr: x.Expr}, true
		}
	case *algebra.Minus:
		if inside(x.L) {
			return &algebra.Minus{L: join(x.L), R: x.R}, true
		}
	case *algebra.Graph:
		if !x.Name.IsVar() || !tv[x.Name.Var] {
			return &algebra.Graph{Name: x.Name, X: join(x.X)}, true
		}
	}
	return nil, false
}
