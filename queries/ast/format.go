package ast

import (
	"fmt"
	"strings"
)

// Format prints q as SPARQL text. Parsing the output gives a tree that
// prints to the same text.
func Format(q *Query) string {
	var p printer
	p.query(q)
	return p.sb.String()
}

// FormatExpr prints one expression.
func FormatExpr(e Expr) string {
	var p printer
	p.expr(e)
	return p.sb.String()
}

type printer struct {
	sb     strings.Builder
	indent int
}

func (p *printer) w(s ...string) {
	for _, x := range s {
		p.sb.WriteString(x)
	}
}

func (p *printer) nl() {
	p.sb.WriteByte('\n')
	for range p.indent {
		p.sb.WriteString("  ")
	}
}

func (p *printer) query(q *Query) {
	for _, d := range q.Prologue {
		if d.IsBase {
			p.w("BASE <", escIRI(d.IRI), ">\n")
		} else {
			p.w("PREFIX ", d.Prefix, ": <", escIRI(d.IRI), ">\n")
		}
	}
	switch q.Form {
	case Select:
		p.selectClause(q.Select)
	case Construct:
		p.w("CONSTRUCT")
		if !q.ShortConstruct {
			p.w(" {")
			p.indent++
			p.triples(q.Template)
			p.indent--
			p.nl()
			p.w("}")
		}
	case Ask:
		p.w("ASK")
	case Describe:
		p.w("DESCRIBE")
		if q.DescribeStar {
			p.w(" *")
		}
		for _, t := range q.Describe {
			p.w(" ")
			p.expr(t)
		}
	}
	for _, d := range q.Dataset {
		p.nl()
		p.w("FROM ")
		if d.Named {
			p.w("NAMED ")
		}
		p.expr(d.IRI)
	}
	if q.Where != nil {
		p.nl()
		p.w("WHERE ")
		p.group(q.Where)
	}
	p.modifiers(&q.Modifiers)
	if q.Values != nil {
		p.nl()
		p.values(q.Values)
	}
	p.w("\n")
}

func (p *printer) selectClause(s *SelectClause) {
	p.w("SELECT")
	if s.Distinct {
		p.w(" DISTINCT")
	}
	if s.Reduced {
		p.w(" REDUCED")
	}
	if s.Star {
		p.w(" *")
	}
	for _, it := range s.Items {
		p.w(" ")
		if it.Expr == nil {
			p.expr(it.Var)
			continue
		}
		p.w("(")
		p.expr(it.Expr)
		p.w(" AS ")
		p.expr(it.Var)
		p.w(")")
	}
}

func (p *printer) modifiers(m *SolutionModifier) {
	if len(m.GroupBy) > 0 {
		p.nl()
		p.w("GROUP BY")
		for _, g := range m.GroupBy {
			p.w(" ")
			if g.As != nil {
				p.w("(")
				p.expr(g.Expr)
				p.w(" AS ")
				p.expr(g.As)
				p.w(")")
			} else {
				p.bracketed(g.Expr)
			}
		}
	}
	if len(m.Having) > 0 {
		p.nl()
		p.w("HAVING")
		for _, h := range m.Having {
			p.w(" ")
			p.bracketed(h)
		}
	}
	if len(m.OrderBy) > 0 {
		p.nl()
		p.w("ORDER BY")
		for _, o := range m.OrderBy {
			p.w(" ")
			switch {
			case o.Explicit && o.Desc:
				p.w("DESC(")
				p.expr(o.Expr)
				p.w(")")
			case o.Explicit:
				p.w("ASC(")
				p.expr(o.Expr)
				p.w(")")
			default:
				p.bracketed(o.Expr)
			}
		}
	}
	if m.Limit != nil {
		p.nl()
		p.w(fmt.Sprintf("LIMIT %d", *m.Limit))
	}
	if m.Offset != nil {
		p.nl()
		p.w(fmt.Sprintf("OFFSET %d", *m.Offset))
	}
}

// bracketed prints a constraint: variables and calls as they are, anything
// else in parentheses.
func (p *printer) bracketed(e Expr) {
	switch e.(type) {
	case *Var, *Call, *Paren:
		p.expr(e)
	case *IRIRef: // a function call without arguments would be ambiguous; keep parens
		p.w("(")
		p.expr(e)
		p.w(")")
	default:
		p.w("(")
		p.expr(e)
		p.w(")")
	}
}

func (p *printer) values(v *InlineData) {
	p.w("VALUES ")
	if v.Single {
		p.expr(v.Vars[0])
		p.w(" {")
		for _, r := range v.Rows {
			p.w(" ")
			p.dataValue(r[0])
		}
		p.w(" }")
		return
	}
	p.w("(")
	for i, x := range v.Vars {
		if i > 0 {
			p.w(" ")
		}
		p.expr(x)
	}
	p.w(") {")
	for _, r := range v.Rows {
		p.w(" (")
		for i, t := range r {
			if i > 0 {
				p.w(" ")
			}
			p.dataValue(t)
		}
		p.w(")")
	}
	p.w(" }")
}

func (p *printer) dataValue(t Term) {
	if t == nil {
		p.w("UNDEF")
		return
	}
	p.expr(t)
}

func (p *printer) group(g *GroupGraphPattern) {
	p.w("{")
	p.indent++
	if g.SubSelect != nil {
		s := g.SubSelect
		p.nl()
		p.selectClause(s.Select)
		p.nl()
		p.w("WHERE ")
		p.group(s.Where)
		p.modifiers(&s.Modifiers)
		if s.Values != nil {
			p.nl()
			p.values(s.Values)
		}
	}
	for _, e := range g.Elems {
		p.elem(e)
	}
	p.indent--
	p.nl()
	p.w("}")
}

func (p *printer) elem(e PatternElem) {
	switch e := e.(type) {
	case *TriplesBlock:
		p.triples(e.Triples)
	case *Filter:
		p.nl()
		p.w("FILTER ")
		p.bracketed(e.Expr)
	case *Optional:
		p.nl()
		p.w("OPTIONAL ")
		p.group(e.Group)
	case *Minus:
		p.nl()
		p.w("MINUS ")
		p.group(e.Group)
	case *Union:
		p.nl()
		for i, g := range e.Groups {
			if i > 0 {
				p.w(" UNION ")
			}
			p.group(g)
		}
	case *GraphGraphPattern:
		p.nl()
		p.w("GRAPH ")
		p.expr(e.Name)
		p.w(" ")
		p.group(e.Group)
	case *Bind:
		p.nl()
		p.w("BIND(")
		p.expr(e.Expr)
		p.w(" AS ")
		p.expr(e.Var)
		p.w(")")
	case *InlineData:
		p.nl()
		p.values(e)
	case *GroupGraphPattern:
		p.nl()
		p.group(e)
	}
}

func (p *printer) triples(ts []*TriplesSameSubject) {
	for _, t := range ts {
		p.nl()
		p.node(t.Subject)
		if len(t.Props) > 0 {
			p.w(" ")
			p.props(t.Props)
		}
		p.w(" .")
	}
}

func (p *printer) props(ps []*Property) {
	for i, pr := range ps {
		if i > 0 {
			p.w(" ; ")
		}
		p.path(pr.Verb, 0)
		for j, o := range pr.Objects {
			if j > 0 {
				p.w(" ,")
			}
			p.w(" ")
			p.node(o)
		}
	}
}

func (p *printer) node(n Node) {
	switch n := n.(type) {
	case *Collection:
		p.w("(")
		for _, it := range n.Items {
			p.w(" ")
			p.node(it)
		}
		p.w(" )")
	case *BlankNodePropertyList:
		p.w("[ ")
		p.props(n.Props)
		p.w(" ]")
	case Term:
		p.expr(n)
	}
}

// path prints a path; prec is the binding strength of the context:
// 0 top, 1 inside a sequence, 2 inside ^ or a modifier.
func (p *printer) path(x Path, prec int) {
	switch x := x.(type) {
	case *Var:
		p.expr(x)
	case *IRIRef:
		p.expr(x)
	case *PathGroup:
		p.w("(")
		p.path(x.X, 0)
		p.w(")")
	case *PathAlternative:
		if prec > 0 {
			p.w("(")
		}
		for i, a := range x.Alts {
			if i > 0 {
				p.w(" | ")
			}
			p.path(a, 1)
		}
		if prec > 0 {
			p.w(")")
		}
	case *PathSequence:
		if prec > 1 {
			p.w("(")
		}
		for i, a := range x.Elems {
			if i > 0 {
				p.w(" / ")
			}
			p.path(a, 2)
		}
		if prec > 1 {
			p.w(")")
		}
	case *PathInverse:
		p.w("^")
		p.path(x.X, 2)
	case *PathMod:
		switch x.X.(type) {
		case *IRIRef, *PathGroup, *PathNegated:
			p.path(x.X, 2)
		default:
			p.w("(")
			p.path(x.X, 0)
			p.w(")")
		}
		p.w(string(x.Mod))
	case *PathNegated:
		p.w("!")
		if x.Paren {
			p.w("(")
		}
		for i, it := range x.Items {
			if i > 0 {
				p.w(" | ")
			}
			if it.Inverse {
				p.w("^")
			}
			p.expr(it.IRI)
		}
		if x.Paren {
			p.w(")")
		}
	}
}

func (p *printer) expr(e Expr) {
	switch e := e.(type) {
	case *Var:
		if e.Dollar {
			p.w("$", e.Name)
		} else {
			p.w("?", e.Name)
		}
	case *IRIRef:
		switch {
		case e.A:
			p.w("a")
		case e.Prefixed:
			p.w(e.Prefix, ":", escLocal(e.Local))
		default:
			p.w("<", escIRI(e.IRI), ">")
		}
	case *Literal:
		switch e.Kind {
		case StringLit:
			p.w(Quote(e.Lexical))
			if e.Lang != "" {
				p.w("@", e.Lang)
			} else if e.Datatype != nil {
				p.w("^^")
				p.expr(e.Datatype)
			}
		default:
			p.w(e.Lexical)
		}
	case *BlankNode:
		if e.Anon {
			p.w("[]")
		} else {
			p.w("_:", e.Label)
		}
	case *Paren:
		p.w("(")
		p.expr(e.X)
		p.w(")")
	case *Binary:
		p.expr(e.X)
		p.w(" ", e.Op, " ")
		p.expr(e.Y)
	case *Unary:
		p.w(e.Op)
		p.expr(e.X)
	case *In:
		p.expr(e.X)
		if e.Not {
			p.w(" NOT")
		}
		p.w(" IN (")
		for i, a := range e.List {
			if i > 0 {
				p.w(", ")
			}
			p.expr(a)
		}
		p.w(")")
	case *Exists:
		if e.Not {
			p.w("NOT ")
		}
		p.w("EXISTS ")
		p.group(e.Group)
	case *Call:
		if e.IRI != nil {
			p.expr(e.IRI)
		} else {
			p.w(e.Name)
		}
		if e.NoArgs {
			p.w("()")
			return
		}
		p.w("(")
		if e.Distinct {
			p.w("DISTINCT ")
		}
		if e.Star {
			p.w("*")
		}
		for i, a := range e.Args {
			if i > 0 {
				p.w(", ")
			}
			p.expr(a)
		}
		if e.Separator != nil {
			p.w("; SEPARATOR=", Quote(*e.Separator))
		}
		p.w(")")
	}
}

// Quote returns s as a SPARQL string literal in double quotes.
func Quote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n':
			sb.WriteString(`\n`)
		case '\r':
			sb.WriteString(`\r`)
		case '\t':
			sb.WriteString(`\t`)
		case '\b':
			sb.WriteString(`\b`)
		case '\f':
			sb.WriteString(`\f`)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

func escIRI(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			if r > 0xffff {
				fmt.Fprintf(&sb, `\U%08X`, r)
			} else {
				fmt.Fprintf(&sb, `\u%04X`, r)
			}
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// escLocal re-escapes the characters of a local name that need a backslash.
func escLocal(s string) string {
	var sb strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("_~-!$&'()*+,;=/?#@%", r) && !(r == '_' || r == '-') && !(r == '%' && isPercent(s[i:])):
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '-' && i == 0:
			sb.WriteString(`\-`)
		case r == '.' && (i == 0 || i == len(s)-1):
			sb.WriteString(`\.`)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func isPercent(s string) bool {
	return len(s) >= 3 && isHex(s[1]) && isHex(s[2])
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
