package algebra

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Options tune translation.
type Options struct {
	// Base is the base IRI for relative IRIs when the query declares none.
	Base string
	// NoPredeclared turns off the predeclared prefixes of vocab.Prefixes.
	NoPredeclared bool
}

// Error is a translation error: an undefined prefix or a violation of the
// scoping rules of section 18.2.1, at a position of the query text.
type Error struct {
	Pos ast.Pos
	Msg string
}

func (e *Error) Error() string { return e.Msg }

type bailout struct{}

type translator struct {
	prefixes map[string]string
	base     *url.URL
	baseStr  string
	fresh    int
	err      *Error
	// bnodes maps a blank node label of a pattern to the block that used it first.
	bnodes map[string]*ast.TriplesBlock
	block  *ast.TriplesBlock
	// aggregate collection for the query being translated
	aggs    *[]AggBinding
	aggPos  ast.Pos
	keyVars map[Var]bool
	// inTemplate: blank nodes become terms, not variables.
	inTemplate bool
}

// Translate turns a syntax tree into the algebra (section 18.2): it resolves
// prefixed names and relative IRIs, expands collections and blank-node
// property lists, translates property paths, applies the scoping rules and
// moves aggregates into a Group operator.
func Translate(q *ast.Query, opt Options) (out *Query, err error) {
	t := &translator{prefixes: map[string]string{}, bnodes: map[string]*ast.TriplesBlock{}}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			out, err = nil, t.err
		}
	}()
	if !opt.NoPredeclared {
		for _, p := range vocab.Prefixes {
			t.prefixes[p.Name] = p.IRI
		}
	}
	if opt.Base != "" {
		t.setBase(opt.Base, q.Pos)
	}
	for _, d := range q.Prologue {
		if d.IsBase {
			t.setBase(t.resolveRaw(d.IRI, d.Pos), d.Pos)
		} else {
			t.prefixes[d.Prefix] = t.resolveRaw(d.IRI, d.Pos)
		}
	}
	out = &Query{Form: Form(q.Form), Base: t.baseStr}
	for _, d := range q.Dataset {
		if out.Dataset == nil {
			out.Dataset = &Dataset{}
		}
		iri := t.iri(d.IRI)
		if d.Named {
			out.Dataset.Named = append(out.Dataset.Named, iri)
		} else {
			out.Dataset.Default = append(out.Dataset.Default, iri)
		}
	}
	switch q.Form {
	case ast.Select:
		out.Op, out.Vars = t.selectQuery(q.Select, q.Where, &q.Modifiers, q.Values)
	case ast.Construct:
		if q.ShortConstruct {
			var ts []*ast.TriplesSameSubject
			for _, e := range q.Where.Elems {
				ts = append(ts, e.(*ast.TriplesBlock).Triples...)
			}
			out.Template = t.template(ts)
		} else {
			out.Template = t.template(q.Template)
		}
		out.Op, _ = t.selectQuery(&ast.SelectClause{Star: true}, q.Where, &q.Modifiers, q.Values)
	case ast.Ask:
		out.Op, _ = t.selectQuery(&ast.SelectClause{Star: true}, q.Where, &q.Modifiers, q.Values)
	case ast.Describe:
		for _, d := range q.Describe {
			out.Describe = append(out.Describe, t.node(d))
		}
		where := q.Where
		if where == nil {
			where = &ast.GroupGraphPattern{}
		}
		sel := &ast.SelectClause{Star: true}
		out.Op, out.Vars = t.selectQuery(sel, where, &q.Modifiers, q.Values)
	}
	return out, nil
}

func (t *translator) failf(pos ast.Pos, format string, args ...any) {
	t.err = &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	panic(bailout{})
}

func (t *translator) setBase(s string, pos ast.Pos) {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		t.failf(pos, "base IRI %q is not absolute", s)
	}
	t.base, t.baseStr = u, s
}

// resolveRaw resolves an IRI reference against the base (RFC 3986 section 5).
func (t *translator) resolveRaw(s string, pos ast.Pos) string {
	if isAbsolute(s) {
		return s
	}
	if t.base == nil {
		t.failf(pos, "relative IRI <%s> without a base IRI", s)
	}
	r, err := url.Parse(s)
	if err != nil {
		t.failf(pos, "bad IRI <%s>: %v", s, err)
	}
	res := t.base.ResolveReference(r).String()
	if s == "" {
		// the base without its fragment
		if i := strings.IndexByte(t.baseStr, '#'); i >= 0 {
			return t.baseStr[:i]
		}
		return t.baseStr
	}
	return res
}

func isAbsolute(s string) bool {
	c := strings.IndexByte(s, ':')
	if c <= 0 {
		return false
	}
	for i, r := range s[:c] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

func (t *translator) iri(r *ast.IRIRef) rdf.IRI {
	switch {
	case r.A:
		return vocab.RDFType
	case r.Prefixed:
		ns, ok := t.prefixes[r.Prefix]
		if !ok {
			t.failf(r.Pos, "undefined prefix %q", r.Prefix+":")
		}
		return rdf.IRI(ns + r.Local)
	}
	return rdf.IRI(t.resolveRaw(r.IRI, r.Pos))
}

func (t *translator) literal(l *ast.Literal) rdf.Literal {
	switch l.Kind {
	case ast.IntegerLit:
		return rdf.NewTyped(l.Lexical, vocab.XSDInteger)
	case ast.DecimalLit:
		return rdf.NewTyped(l.Lexical, vocab.XSDDecimal)
	case ast.DoubleLit:
		return rdf.NewTyped(l.Lexical, vocab.XSDDouble)
	case ast.BooleanLit:
		return rdf.NewTyped(l.Lexical, vocab.XSDBoolean)
	}
	if l.Lang != "" {
		return rdf.NewLangString(l.Lexical, l.Lang)
	}
	if l.Datatype != nil {
		return rdf.NewTyped(l.Lexical, t.iri(l.Datatype))
	}
	return rdf.NewString(l.Lexical)
}

func (t *translator) freshVar(kind string) Var {
	t.fresh++
	return Var("." + kind + strconv.Itoa(t.fresh))
}

// node translates a term of a pattern.
func (t *translator) node(n ast.Term) Node {
	switch n := n.(type) {
	case *ast.Var:
		return V(Var(n.Name))
	case *ast.IRIRef:
		return T(t.iri(n))
	case *ast.Literal:
		return T(t.literal(n))
	case *ast.BlankNode:
		if n.Anon {
			return t.anon()
		}
		if t.inTemplate {
			return T(rdf.BlankNode(n.Label))
		}
		if t.block != nil {
			if first, ok := t.bnodes[n.Label]; ok && first != t.block {
				t.failf(n.Pos, "blank node label _:%s is used in two basic graph patterns", n.Label)
			}
			t.bnodes[n.Label] = t.block
		}
		return V(Var("_:" + n.Label))
	}
	panic(fmt.Sprintf("algebra: unexpected term %T", n))
}

func (t *translator) anon() Node {
	t.fresh++
	if t.inTemplate {
		return T(rdf.BlankNode("t" + strconv.Itoa(t.fresh)))
	}
	return V(Var("_:.b" + strconv.Itoa(t.fresh)))
}

// patternBuilder collects the triples and path patterns of a block.
type patternBuilder struct {
	triples []TriplePattern
	paths   []Op
}

func (t *translator) triples(ts []*ast.TriplesSameSubject, b *patternBuilder) {
	for _, tr := range ts {
		s := t.graphNode(tr.Subject, b)
		t.props(s, tr.Props, b)
	}
}

func (t *translator) props(s Node, ps []*ast.Property, b *patternBuilder) {
	for _, p := range ps {
		for _, o := range p.Objects {
			on := t.graphNode(o, b)
			if v, ok := p.Verb.(*ast.Var); ok {
				b.triples = append(b.triples, TriplePattern{s, V(Var(v.Name)), on})
				continue
			}
			t.emitPath(s, t.path(p.Verb), on, b)
		}
	}
}

func (t *translator) graphNode(n ast.Node, b *patternBuilder) Node {
	switch n := n.(type) {
	case *ast.Collection:
		if len(n.Items) == 0 {
			return T(rdf.IRI(vocab.RDF + "nil"))
		}
		head := t.anon()
		cur := head
		for i, it := range n.Items {
			v := t.graphNode(it, b)
			b.triples = append(b.triples, TriplePattern{cur, T(rdf.IRI(vocab.RDF + "first")), v})
			next := T(rdf.IRI(vocab.RDF + "nil"))
			if i < len(n.Items)-1 {
				next = t.anon()
			}
			b.triples = append(b.triples, TriplePattern{cur, T(rdf.IRI(vocab.RDF + "rest")), next})
			cur = next
		}
		return head
	case *ast.BlankNodePropertyList:
		s := t.anon()
		t.props(s, n.Props, b)
		return s
	case ast.Term:
		return t.node(n)
	}
	panic(fmt.Sprintf("algebra: unexpected node %T", n))
}

// emitPath adds s path o, splitting links, inverses and sequences into
// triple patterns (section 18.2.2.4).
func (t *translator) emitPath(s Node, p Path, o Node, b *patternBuilder) {
	switch p := p.(type) {
	case *PathLink:
		b.triples = append(b.triples, TriplePattern{s, T(p.IRI), o})
	case *PathInverse:
		t.emitPath(o, p.X, s, b)
	case *PathSeq:
		v := V(t.freshVar("p"))
		t.emitPath(s, p.L, v, b)
		t.emitPath(v, p.R, o, b)
	default:
		b.paths = append(b.paths, &PathPattern{S: s, Path: p, O: o})
	}
}

func (t *translator) path(p ast.Path) Path {
	switch p := p.(type) {
	case *ast.IRIRef:
		return &PathLink{IRI: t.iri(p)}
	case *ast.PathGroup:
		return t.path(p.X)
	case *ast.PathAlternative:
		out := t.path(p.Alts[0])
		for _, a := range p.Alts[1:] {
			out = &PathAlt{L: out, R: t.path(a)}
		}
		return out
	case *ast.PathSequence:
		out := t.path(p.Elems[0])
		for _, a := range p.Elems[1:] {
			out = &PathSeq{L: out, R: t.path(a)}
		}
		return out
	case *ast.PathInverse:
		return &PathInverse{X: t.path(p.X)}
	case *ast.PathMod:
		x := t.path(p.X)
		switch p.Mod {
		case '*':
			return &PathZeroOrMore{X: x}
		case '+':
			return &PathOneOrMore{X: x}
		}
		return &PathZeroOrOne{X: x}
	case *ast.PathNegated:
		n := &PathNegated{}
		for _, it := range p.Items {
			if it.Inverse {
				n.Inv = append(n.Inv, t.iri(it.IRI))
			} else {
				n.Fwd = append(n.Fwd, t.iri(it.IRI))
			}
		}
		return n
	}
	panic(fmt.Sprintf("algebra: unexpected path %T", p))
}

func (t *translator) template(ts []*ast.TriplesSameSubject) []TriplePattern {
	t.inTemplate = true
	defer func() { t.inTemplate = false }()
	var b patternBuilder
	t.triples(ts, &b)
	return b.triples
}

func join(g, a Op) Op {
	if isEmptyBGP(g) {
		return a
	}
	if isEmptyBGP(a) {
		return g
	}
	return &Join{L: g, R: a}
}

func isEmptyBGP(op Op) bool {
	b, ok := op.(*BGP)
	return ok && len(b.Triples) == 0
}

// group translates a group graph pattern (section 18.2.2.6).
func (t *translator) group(g *ast.GroupGraphPattern) Op {
	if g.SubSelect != nil {
		s := g.SubSelect
		op, _ := t.selectQuery(s.Select, s.Where, &s.Modifiers, s.Values)
		t.hideInner(findProject(op))
		return op
	}
	var G Op = &BGP{}
	var filters []Expr
	for _, e := range g.Elems {
		switch e := e.(type) {
		case *ast.TriplesBlock:
			var b patternBuilder
			saved := t.block
			t.block = e
			t.triples(e.Triples, &b)
			t.block = saved
			var a Op = &BGP{Triples: b.triples}
			for _, p := range b.paths {
				a = join(a, p)
			}
			G = join(G, a)
		case *ast.Filter:
			filters = append(filters, t.expr(e.Expr))
		case *ast.Optional:
			a := t.group(e.Group)
			if f, ok := a.(*Filter); ok {
				G = &LeftJoin{L: G, R: f.X, Expr: conj(f.Exprs)}
			} else {
				G = &LeftJoin{L: G, R: a}
			}
		case *ast.Minus:
			G = &Minus{L: G, R: t.group(e.Group)}
		case *ast.Bind:
			v := Var(e.Var.Name)
			if contains(InScope(G), v) {
				t.failf(e.Var.Pos, "BIND variable ?%s is already in scope", v)
			}
			G = &Extend{X: G, Var: v, Expr: t.expr(e.Expr)}
		case *ast.Union:
			a := t.group(e.Groups[0])
			for _, x := range e.Groups[1:] {
				a = &Union{L: a, R: t.group(x)}
			}
			G = join(G, a)
		case *ast.GraphGraphPattern:
			G = join(G, &Graph{Name: t.node(e.Name), X: t.group(e.Group)})
		case *ast.InlineData:
			G = join(G, t.table(e))
		case *ast.GroupGraphPattern:
			G = join(G, t.group(e))
		}
	}
	if len(filters) > 0 {
		G = &Filter{Exprs: filters, X: G}
	}
	return G
}

func conj(es []Expr) Expr {
	out := es[0]
	for _, e := range es[1:] {
		out = &Call{Name: "&&", Args: []Expr{out, e}}
	}
	return out
}

func contains(vs []Var, v Var) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func (t *translator) table(d *ast.InlineData) *Table {
	tb := &Table{}
	for _, v := range d.Vars {
		tb.Vars = append(tb.Vars, Var(v.Name))
	}
	for _, r := range d.Rows {
		row := make([]rdf.Term, len(r))
		for i, x := range r {
			if x != nil {
				row[i] = t.node(x).Term
			}
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// selectQuery translates a SELECT (or the pattern part of another form)
// with its modifiers (sections 18.2.4 and 18.2.5).
func (t *translator) selectQuery(sel *ast.SelectClause, where *ast.GroupGraphPattern, m *ast.SolutionModifier, values *ast.InlineData) (Op, []Var) {
	P := t.group(where)

	hasAgg := len(m.GroupBy) > 0 || len(m.Having) > 0
	for _, it := range sel.Items {
		if it.Expr != nil && hasAggregate(it.Expr) {
			hasAgg = true
		}
	}
	for _, o := range m.OrderBy {
		if hasAggregate(o.Expr) {
			hasAgg = true
		}
	}

	savedAggs, savedKeys := t.aggs, t.keyVars
	defer func() { t.aggs, t.keyVars = savedAggs, savedKeys }()
	var aggs []AggBinding
	t.aggs, t.keyVars = nil, nil

	var keys []GroupKey
	if hasAgg {
		if sel.Star {
			t.failf(sel.Pos, "SELECT * is not allowed with GROUP BY or aggregates")
		}
		t.keyVars = map[Var]bool{}
		for _, g := range m.GroupBy {
			k := GroupKey{Expr: t.expr(g.Expr)}
			switch {
			case g.As != nil:
				k.Var = Var(g.As.Name)
			default:
				if v, ok := unparen(g.Expr).(*ast.Var); ok {
					k.Var = Var(v.Name)
				} else {
					k.Var = t.freshVar("g")
				}
			}
			t.keyVars[k.Var] = true
			keys = append(keys, k)
		}
		t.aggs = &aggs
	}

	// Translate the expressions that may hold aggregates before building the group.
	type item struct {
		v   Var
		e   Expr
		pos ast.Pos
	}
	var items []item
	projected := map[Var]bool{}
	for _, it := range sel.Items {
		v := Var(it.Var.Name)
		if it.Expr == nil {
			if hasAgg && !t.keyVars[v] && !projected[v] {
				t.failf(it.Var.Pos, "variable ?%s is projected but not grouped", v)
			}
			items = append(items, item{v: v})
			projected[v] = true
			continue
		}
		if projected[v] {
			t.failf(it.Var.Pos, "variable ?%s is bound twice in SELECT", v)
		}
		e := t.expr(it.Expr)
		if hasAgg {
			t.checkGrouped(it.Expr, projected)
		}
		items = append(items, item{v: v, e: e, pos: it.Var.Pos})
		projected[v] = true
	}
	var having []Expr
	for _, h := range m.Having {
		having = append(having, t.expr(h))
	}
	var order []OrderCond
	for _, o := range m.OrderBy {
		order = append(order, OrderCond{Expr: t.expr(o.Expr), Desc: o.Desc})
	}
	t.aggs = nil

	if hasAgg {
		P = &Group{X: P, Keys: keys, Aggs: aggs}
	}
	if len(having) > 0 {
		P = &Filter{Exprs: having, X: P}
	}
	if values != nil {
		P = join(P, t.table(values))
	}
	var vars []Var
	if sel.Star {
		for _, v := range InScope(P) {
			if !v.Internal() {
				vars = append(vars, v)
			}
		}
	} else {
		scope := InScope(P)
		for _, it := range items {
			if it.e != nil {
				if contains(scope, it.v) {
					t.failf(it.pos, "SELECT expression variable ?%s is already in scope", it.v)
				}
				P = &Extend{X: P, Var: it.v, Expr: it.e}
				scope = append(scope, it.v)
			}
			vars = append(vars, it.v)
		}
	}
	if len(order) > 0 {
		P = &OrderBy{X: P, Conds: order}
	}
	P = &Project{X: P, Vars: vars}
	if sel.Distinct {
		P = &Distinct{X: P}
	} else if sel.Reduced {
		P = &Reduced{X: P}
	}
	if m.Limit != nil || m.Offset != nil {
		s := &Slice{X: P, Limit: -1}
		if m.Limit != nil {
			s.Limit = *m.Limit
		}
		if m.Offset != nil {
			s.Offset = *m.Offset
		}
		P = s
	}
	return P, vars
}

// findProject returns the Project under the DISTINCT/REDUCED/Slice of a select.
func findProject(op Op) *Project {
	for {
		switch x := op.(type) {
		case *Project:
			return x
		case *Distinct:
			op = x.X
		case *Reduced:
			op = x.X
		case *Slice:
			op = x.X
		default:
			panic("algebra: select without projection")
		}
	}
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}

// checkGrouped reports a variable used outside aggregates that is not a
// group key nor an earlier select expression (section 11.4).
func (t *translator) checkGrouped(e ast.Expr, projected map[Var]bool) {
	switch e := e.(type) {
	case *ast.Var:
		v := Var(e.Name)
		if !t.keyVars[v] && !projected[v] {
			t.failf(e.Pos, "variable ?%s is used in SELECT but not grouped", v)
		}
	case *ast.Paren:
		t.checkGrouped(e.X, projected)
	case *ast.Binary:
		t.checkGrouped(e.X, projected)
		t.checkGrouped(e.Y, projected)
	case *ast.Unary:
		t.checkGrouped(e.X, projected)
	case *ast.In:
		t.checkGrouped(e.X, projected)
		for _, x := range e.List {
			t.checkGrouped(x, projected)
		}
	case *ast.Call:
		if e.IRI == nil && ast.Aggregates[e.Name] {
			return
		}
		for _, x := range e.Args {
			t.checkGrouped(x, projected)
		}
	}
}

func hasAggregate(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Paren:
		return hasAggregate(e.X)
	case *ast.Binary:
		return hasAggregate(e.X) || hasAggregate(e.Y)
	case *ast.Unary:
		return hasAggregate(e.X)
	case *ast.In:
		if hasAggregate(e.X) {
			return true
		}
		for _, x := range e.List {
			if hasAggregate(x) {
				return true
			}
		}
	case *ast.Call:
		if e.IRI == nil && ast.Aggregates[e.Name] {
			return true
		}
		for _, x := range e.Args {
			if hasAggregate(x) {
				return true
			}
		}
	}
	return false
}

var unaryNames = map[string]string{"!": "!", "-": "UMINUS", "+": "UPLUS"}

func (t *translator) expr(e ast.Expr) Expr {
	switch e := e.(type) {
	case *ast.Var:
		return Var(e.Name)
	case *ast.IRIRef:
		return &Const{Term: t.iri(e)}
	case *ast.Literal:
		return &Const{Term: t.literal(e)}
	case *ast.BlankNode:
		t.failf(e.Pos, "blank nodes are not allowed in expressions")
	case *ast.Paren:
		return t.expr(e.X)
	case *ast.Binary:
		return &Call{Name: e.Op, Args: []Expr{t.expr(e.X), t.expr(e.Y)}}
	case *ast.Unary:
		return &Call{Name: unaryNames[e.Op], Args: []Expr{t.expr(e.X)}}
	case *ast.In:
		name := "IN"
		if e.Not {
			name = "NOTIN"
		}
		args := []Expr{t.expr(e.X)}
		for _, x := range e.List {
			args = append(args, t.expr(x))
		}
		return &Call{Name: name, Args: args}
	case *ast.Exists:
		saved := t.aggs
		t.aggs = nil
		op := t.group(e.Group)
		t.aggs = saved
		return &Exists{Not: e.Not, X: op}
	case *ast.Call:
		if e.IRI != nil {
			if e.Distinct {
				t.failf(e.Pos, "DISTINCT is only allowed in aggregates")
			}
			c := &Call{Name: string(t.iri(e.IRI))}
			for _, a := range e.Args {
				c.Args = append(c.Args, t.expr(a))
			}
			return c
		}
		if ast.Aggregates[e.Name] {
			return t.aggregate(e)
		}
		c := &Call{Name: e.Name}
		if c.Name == "URI" {
			c.Name = "IRI"
		}
		for _, a := range e.Args {
			c.Args = append(c.Args, t.expr(a))
		}
		return c
	}
	panic(fmt.Sprintf("algebra: unexpected expression %T", e))
}

func (t *translator) aggregate(e *ast.Call) Expr {
	if t.aggs == nil {
		t.failf(e.Pos, "aggregate %s is not allowed here", e.Name)
	}
	aggs := t.aggs
	t.aggs = nil // no nested aggregates
	a := &Aggregate{Name: e.Name, Distinct: e.Distinct, Separator: " "}
	if e.Separator != nil {
		a.Separator = *e.Separator
	}
	if !e.Star {
		a.Arg = t.expr(e.Args[0])
	}
	t.aggs = aggs
	v := t.freshVar("agg")
	*t.aggs = append(*t.aggs, AggBinding{Var: v, Agg: a})
	return v
}

// InScope lists the in-scope variables of an operator (section 18.2.1), in
// order of first appearance.
func InScope(op Op) []Var {
	var out []Var
	seen := map[Var]bool{}
	add := func(v Var) {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	var node func(n Node)
	node = func(n Node) {
		if n.IsVar() {
			add(n.Var)
		}
	}
	var walk func(op Op)
	walk = func(op Op) {
		switch op := op.(type) {
		case *BGP:
			for _, tp := range op.Triples {
				node(tp.S)
				node(tp.P)
				node(tp.O)
			}
		case *PathPattern:
			node(op.S)
			node(op.O)
		case *Join:
			walk(op.L)
			walk(op.R)
		case *LeftJoin:
			walk(op.L)
			walk(op.R)
		case *Union:
			walk(op.L)
			walk(op.R)
		case *Minus:
			walk(op.L)
		case *Filter:
			walk(op.X)
		case *Graph:
			node(op.Name)
			walk(op.X)
		case *Extend:
			walk(op.X)
			add(op.Var)
		case *Table:
			for _, v := range op.Vars {
				add(v)
			}
		case *Group:
			for _, k := range op.Keys {
				add(k.Var)
			}
			for _, a := range op.Aggs {
				add(a.Var)
			}
		case *Project:
			for _, v := range op.Vars {
				add(v)
			}
		case *OrderBy:
			walk(op.X)
		case *Distinct:
			walk(op.X)
		case *Reduced:
			walk(op.X)
		case *Slice:
			walk(op.X)
		}
	}
	walk(op)
	return out
}
