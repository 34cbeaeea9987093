package algebra

import (
	"fmt"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// String prints an operator as an S-expression (SSE), one operator per line,
// indented by depth: "(join\n  (bgp (?s <p> ?o))\n  ...)".
func String(op Op) string {
	var sb strings.Builder
	writeOp(&sb, op, 0)
	return sb.String()
}

// ExprString prints an expression as an S-expression.
func ExprString(e Expr) string {
	var sb strings.Builder
	writeExpr(&sb, e)
	return sb.String()
}

// PathString prints a property path as an S-expression.
func PathString(p Path) string {
	var sb strings.Builder
	writePath(&sb, p)
	return sb.String()
}

// NodeString prints a node: ?var or the term in N-Triples form.
func NodeString(n Node) string {
	if n.IsVar() {
		return "?" + string(n.Var)
	}
	return n.Term.String()
}

// Header prints the first line of an operator's SSE form, without its children.
func Header(op Op) string {
	s := String(op)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return strings.TrimSuffix(s, ")")
}

func indent(sb *strings.Builder, d int) {
	sb.WriteByte('\n')
	sb.WriteString(strings.Repeat("  ", d))
}

func triple(tp TriplePattern) string {
	return "(" + NodeString(tp.S) + " " + NodeString(tp.P) + " " + NodeString(tp.O) + ")"
}

func vars(vs []Var) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = "?" + string(v)
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func writeOp(sb *strings.Builder, op Op, d int) {
	child := func(x Op) {
		indent(sb, d+1)
		writeOp(sb, x, d+1)
	}
	switch op := op.(type) {
	case *BGP:
		sb.WriteString("(bgp")
		for _, tp := range op.Triples {
			sb.WriteString(" " + triple(tp))
		}
		sb.WriteString(")")
		return
	case *PathPattern:
		fmt.Fprintf(sb, "(path %s %s %s)", NodeString(op.S), PathString(op.Path), NodeString(op.O))
		return
	case *Table:
		sb.WriteString("(table " + vars(op.Vars))
		for _, r := range op.Rows {
			sb.WriteString(" (row")
			for i, t := range r {
				if t != nil {
					fmt.Fprintf(sb, " (?%s %s)", op.Vars[i], t)
				}
			}
			sb.WriteString(")")
		}
		sb.WriteString(")")
		return
	case *Join:
		sb.WriteString("(join")
		child(op.L)
		child(op.R)
	case *LeftJoin:
		sb.WriteString("(leftjoin")
		child(op.L)
		child(op.R)
		if op.Expr != nil {
			indent(sb, d+1)
			writeExpr(sb, op.Expr)
		}
	case *Union:
		sb.WriteString("(union")
		child(op.L)
		child(op.R)
	case *Minus:
		sb.WriteString("(minus")
		child(op.L)
		child(op.R)
	case *Filter:
		sb.WriteString("(filter (exprlist")
		for _, e := range op.Exprs {
			sb.WriteString(" ")
			writeExpr(sb, e)
		}
		sb.WriteString(")")
		child(op.X)
	case *Graph:
		sb.WriteString("(graph " + NodeString(op.Name))
		child(op.X)
	case *Extend:
		fmt.Fprintf(sb, "(extend ((?%s %s))", op.Var, ExprString(op.Expr))
		child(op.X)
	case *Group:
		sb.WriteString("(group (")
		for i, k := range op.Keys {
			if i > 0 {
				sb.WriteString(" ")
			}
			fmt.Fprintf(sb, "(?%s %s)", k.Var, ExprString(k.Expr))
		}
		sb.WriteString(") (")
		for i, a := range op.Aggs {
			if i > 0 {
				sb.WriteString(" ")
			}
			fmt.Fprintf(sb, "(?%s %s)", a.Var, ExprString(a.Agg))
		}
		sb.WriteString(")")
		child(op.X)
	case *OrderBy:
		if op.Top > 0 {
			fmt.Fprintf(sb, "(top %d (", op.Top)
		} else {
			sb.WriteString("(order (")
		}
		for i, c := range op.Conds {
			if i > 0 {
				sb.WriteString(" ")
			}
			if c.Desc {
				sb.WriteString("(desc " + ExprString(c.Expr) + ")")
			} else {
				sb.WriteString("(asc " + ExprString(c.Expr) + ")")
			}
		}
		sb.WriteString(")")
		child(op.X)
	case *Project:
		sb.WriteString("(project " + vars(op.Vars))
		child(op.X)
	case *Distinct:
		sb.WriteString("(distinct")
		child(op.X)
	case *Reduced:
		sb.WriteString("(reduced")
		child(op.X)
	case *Slice:
		fmt.Fprintf(sb, "(slice %d %d", op.Offset, op.Limit)
		child(op.X)
	default:
		fmt.Fprintf(sb, "(unknown %T", op)
	}
	sb.WriteString(")")
}

func writeExpr(sb *strings.Builder, e Expr) {
	switch e := e.(type) {
	case Var:
		sb.WriteString("?" + string(e))
	case *Const:
		sb.WriteString(e.Term.String())
	case *Call:
		name := e.Name
		if strings.Contains(name, ":") {
			name = rdf.IRI(name).String()
		}
		sb.WriteString("(" + name)
		for _, a := range e.Args {
			sb.WriteString(" ")
			writeExpr(sb, a)
		}
		sb.WriteString(")")
	case *Exists:
		if e.Not {
			sb.WriteString("(notexists ")
		} else {
			sb.WriteString("(exists ")
		}
		sb.WriteString(strings.Join(strings.Fields(String(e.X)), " "))
		sb.WriteString(")")
	case *Aggregate:
		sb.WriteString("(" + strings.ToLower(e.Name))
		if e.Distinct {
			sb.WriteString(" distinct")
		}
		if e.Arg == nil {
			sb.WriteString(" *")
		} else {
			sb.WriteString(" ")
			writeExpr(sb, e.Arg)
		}
		if e.Name == "GROUP_CONCAT" {
			sb.WriteString(" " + rdf.NewString(e.Separator).String())
		}
		sb.WriteString(")")
	}
}

func writePath(sb *strings.Builder, p Path) {
	switch p := p.(type) {
	case *PathLink:
		sb.WriteString(p.IRI.String())
	case *PathInverse:
		sb.WriteString("(reverse ")
		writePath(sb, p.X)
		sb.WriteString(")")
	case *PathSeq:
		sb.WriteString("(seq ")
		writePath(sb, p.L)
		sb.WriteString(" ")
		writePath(sb, p.R)
		sb.WriteString(")")
	case *PathAlt:
		sb.WriteString("(alt ")
		writePath(sb, p.L)
		sb.WriteString(" ")
		writePath(sb, p.R)
		sb.WriteString(")")
	case *PathZeroOrMore:
		sb.WriteString("(path* ")
		writePath(sb, p.X)
		sb.WriteString(")")
	case *PathOneOrMore:
		sb.WriteString("(path+ ")
		writePath(sb, p.X)
		sb.WriteString(")")
	case *PathZeroOrOne:
		sb.WriteString("(path? ")
		writePath(sb, p.X)
		sb.WriteString(")")
	case *PathNegated:
		sb.WriteString("(notoneof")
		for _, i := range p.Fwd {
			sb.WriteString(" " + i.String())
		}
		for _, i := range p.Inv {
			sb.WriteString(" (reverse " + i.String() + ")")
		}
		sb.WriteString(")")
	}
}
