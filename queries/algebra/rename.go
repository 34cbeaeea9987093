package algebra

// hideInner renames the variables of a sub-select's pattern that it does
// not project, so that they cannot meet variables of the same name outside
// (section 18.2.1: a sub-select's other variables are not visible).
func (t *translator) hideInner(p *Project) {
	keep := map[Var]bool{}
	for _, v := range p.Vars {
		keep[v] = true
	}
	t.fresh++
	prefix := ".s" + itoa(t.fresh) + "."
	ren := func(v Var) Var {
		if keep[v] {
			return v
		}
		return Var(prefix) + v
	}
	p.X = renameOp(p.X, ren)
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

func renameNode(n Node, f func(Var) Var) Node {
	if n.IsVar() {
		return V(f(n.Var))
	}
	return n
}

func renameOp(op Op, f func(Var) Var) Op {
	ex := func(e Expr) Expr { return renameExpr(e, f) }
	switch op := op.(type) {
	case *BGP:
		ts := make([]TriplePattern, len(op.Triples))
		for i, tp := range op.Triples {
			ts[i] = TriplePattern{renameNode(tp.S, f), renameNode(tp.P, f), renameNode(tp.O, f)}
		}
		return &BGP{Triples: ts}
	case *PathPattern:
		return &PathPattern{S: renameNode(op.S, f), Path: op.Path, O: renameNode(op.O, f)}
	case *Join:
		return &Join{L: renameOp(op.L, f), R: renameOp(op.R, f)}
	case *LeftJoin:
		var e Expr
		if op.Expr != nil {
			e = ex(op.Expr)
		}
		return &LeftJoin{L: renameOp(op.L, f), R: renameOp(op.R, f), Expr: e}
	case *Union:
		return &Union{L: renameOp(op.L, f), R: renameOp(op.R, f)}
	case *Minus:
		return &Minus{L: renameOp(op.L, f), R: renameOp(op.R, f)}
	case *Filter:
		es := make([]Expr, len(op.Exprs))
		for i, e := range op.Exprs {
			es[i] = ex(e)
		}
		return &Filter{Exprs: es, X: renameOp(op.X, f)}
	case *Graph:
		return &Graph{Name: renameNode(op.Name, f), X: renameOp(op.X, f)}
	case *Extend:
		return &Extend{X: renameOp(op.X, f), Var: f(op.Var), Expr: ex(op.Expr)}
	case *Table:
		vs := make([]Var, len(op.Vars))
		for i, v := range op.Vars {
			vs[i] = f(v)
		}
		return &Table{Vars: vs, Rows: op.Rows}
	case *Group:
		g := &Group{X: renameOp(op.X, f)}
		for _, k := range op.Keys {
			g.Keys = append(g.Keys, GroupKey{Var: f(k.Var), Expr: ex(k.Expr)})
		}
		for _, a := range op.Aggs {
			agg := *a.Agg
			if agg.Arg != nil {
				agg.Arg = ex(agg.Arg)
			}
			g.Aggs = append(g.Aggs, AggBinding{Var: f(a.Var), Agg: &agg})
		}
		return g
	case *OrderBy:
		o := &OrderBy{X: renameOp(op.X, f), Top: op.Top}
		for _, c := range op.Conds {
			o.Conds = append(o.Conds, OrderCond{Expr: ex(c.Expr), Desc: c.Desc})
		}
		return o
	case *Project:
		vs := make([]Var, len(op.Vars))
		for i, v := range op.Vars {
			vs[i] = f(v)
		}
		return &Project{X: renameOp(op.X, f), Vars: vs}
	case *Distinct:
		return &Distinct{X: renameOp(op.X, f)}
	case *Reduced:
		return &Reduced{X: renameOp(op.X, f)}
	case *Slice:
		return &Slice{X: renameOp(op.X, f), Offset: op.Offset, Limit: op.Limit}
	}
	return op
}

func renameExpr(e Expr, f func(Var) Var) Expr {
	switch e := e.(type) {
	case Var:
		return f(e)
	case *Call:
		args := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = renameExpr(a, f)
		}
		return &Call{Name: e.Name, Args: args}
	case *Exists:
		return &Exists{Not: e.Not, X: renameOp(e.X, f)}
	}
	return e
}
