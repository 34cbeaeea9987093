// Package algebra is the SPARQL 1.1 algebra
// (https://www.w3.org/TR/sparql11-query/#sparqlAlgebra): graph pattern
// operators, expressions and property paths, the translation from a syntax
// tree (Translate, section 18.2) and an SSE printer (String) for tests and
// Explain output.
package algebra

import (
	"github.com/docgraph/docgraph/rdf"
)

// Var is a variable name. Names that are not valid SPARQL variable names
// ("_:b0", ".agg1", ".path2") are internal: blank nodes of patterns,
// aggregate results and path steps. They are never projected.
type Var string

// Internal reports whether v was made by translation rather than written by the user.
func (v Var) Internal() bool {
	return len(v) > 0 && (v[0] == '.' || v[0] == '_')
}

// Node is a position of a triple pattern: a variable or a term (exactly one set).
type Node struct {
	Var  Var
	Term rdf.Term
}

// IsVar reports whether the node is a variable.
func (n Node) IsVar() bool { return n.Term == nil }

// V returns a variable node.
func V(v Var) Node { return Node{Var: v} }

// T returns a term node.
func T(t rdf.Term) Node { return Node{Term: t} }

// TriplePattern is a triple of nodes (section 18.1.3).
type TriplePattern struct{ S, P, O Node }

// Query is a translated query: its form, the algebra of its pattern and
// modifiers, and what the form needs beyond solutions.
type Query struct {
	Form Form
	Op   Op
	// Vars are the projected variables of a SELECT query, in order.
	Vars []Var
	// Template is the CONSTRUCT template; blank nodes stay rdf.BlankNode terms.
	Template []TriplePattern
	// Describe lists the DESCRIBE targets.
	Describe []Node
	// Dataset holds FROM and FROM NAMED; nil when the query has none.
	Dataset *Dataset
	// Base is the base IRI in effect at the end of the prologue.
	Base string
}

// Form is the query form.
type Form int

// Query forms (section 16).
const (
	Select Form = iota + 1
	Construct
	Ask
	Describe
)

// Dataset is the RDF dataset a query names (section 13.2).
type Dataset struct {
	Default []rdf.IRI
	Named   []rdf.IRI
}

// Op is an algebra operator producing a multiset of solutions.
type Op interface{ op() }

// BGP is a basic graph pattern (section 18.1.6).
type BGP struct {
	Triples []TriplePattern
	// Lookups, when set (optimizer pass "plan-hash"), holds for each
	// triple pattern the planner's estimate of the index lookups with
	// bound variables it will get in one run of the query; 0 when it
	// gets none or the planner does not know.
	Lookups []float64
}

// PathPattern is a triple whose predicate is a property path (section 18.1.7).
type PathPattern struct {
	S    Node
	Path Path
	O    Node
}

// Join is Join(L, R) (section 18.5).
type Join struct{ L, R Op }

// LeftJoin is LeftJoin(L, R, Expr) for OPTIONAL (section 18.5); Expr nil means true.
type LeftJoin struct {
	L, R Op
	Expr Expr
}

// Filter is Filter(Exprs, X); the expressions form a conjunction (section 18.5).
type Filter struct {
	Exprs []Expr
	X     Op
}

// Union is Union(L, R) (section 18.5).
type Union struct{ L, R Op }

// Graph evaluates X in the named graph Name (section 18.5, GRAPH).
type Graph struct {
	Name Node
	X    Op
}

// Extend is Extend(X, Var, Expr) for BIND and select expressions (section 18.5).
type Extend struct {
	X    Op
	Var  Var
	Expr Expr
}

// Minus is Minus(L, R) (section 18.5).
type Minus struct{ L, R Op }

// Table is an inline multiset of solutions from VALUES (section 18.2.4.3);
// a nil entry is unbound.
type Table struct {
	Vars []Var
	Rows [][]rdf.Term
}

// Group groups X by Keys and computes Aggs per group (section 18.5, Group and Aggregation).
// Each output solution binds the key variables and the aggregate variables.
type Group struct {
	X    Op
	Keys []GroupKey
	Aggs []AggBinding
}

// GroupKey is one grouping expression and the variable it binds.
type GroupKey struct {
	Var  Var
	Expr Expr
}

// AggBinding binds the result of an aggregate to a variable.
type AggBinding struct {
	Var Var
	Agg *Aggregate
}

// OrderBy sorts solutions (section 15.1).
type OrderBy struct {
	X     Op
	Conds []OrderCond
	// Top, when > 0, says only the first Top solutions are used (the
	// optimizer sets it under a LIMIT), so the sort may keep only those.
	Top int64
}

// OrderCond is one sort key.
type OrderCond struct {
	Expr Expr
	Desc bool
}

// Project keeps the listed variables (section 18.2.5.2).
type Project struct {
	X    Op
	Vars []Var
}

// Distinct removes duplicate solutions (section 18.2.5.3).
type Distinct struct{ X Op }

// Reduced may remove duplicate solutions (section 18.2.5.4).
type Reduced struct{ X Op }

// Slice applies OFFSET and LIMIT (section 18.2.5.5); Limit < 0 means none.
type Slice struct {
	X      Op
	Offset int64
	Limit  int64
}

func (*BGP) op()         {}
func (*PathPattern) op() {}
func (*Join) op()        {}
func (*LeftJoin) op()    {}
func (*Filter) op()      {}
func (*Union) op()       {}
func (*Graph) op()       {}
func (*Extend) op()      {}
func (*Minus) op()       {}
func (*Table) op()       {}
func (*Group) op()       {}
func (*OrderBy) op()     {}
func (*Project) op()     {}
func (*Distinct) op()    {}
func (*Reduced) op()     {}
func (*Slice) op()       {}

// Path is a property path expression (section 18.1.7).
type Path interface{ path() }

// PathLink is a single IRI step.
type PathLink struct{ IRI rdf.IRI }

// PathInverse is ^X.
type PathInverse struct{ X Path }

// PathSeq is L / R.
type PathSeq struct{ L, R Path }

// PathAlt is L | R.
type PathAlt struct{ L, R Path }

// PathZeroOrMore is X*.
type PathZeroOrMore struct{ X Path }

// PathOneOrMore is X+.
type PathOneOrMore struct{ X Path }

// PathZeroOrOne is X?.
type PathZeroOrOne struct{ X Path }

// PathNegated is a negated property set !(a|^b): forward IRIs and inverse IRIs.
type PathNegated struct{ Fwd, Inv []rdf.IRI }

func (*PathLink) path()       {}
func (*PathInverse) path()    {}
func (*PathSeq) path()        {}
func (*PathAlt) path()        {}
func (*PathZeroOrMore) path() {}
func (*PathOneOrMore) path()  {}
func (*PathZeroOrOne) path()  {}
func (*PathNegated) path()    {}

// Expr is an expression (section 17).
type Expr interface{ expr() }

// Const is a constant term.
type Const struct{ Term rdf.Term }

// Call applies an operator or function. Name is an operator ("&&", "||", "!",
// "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "UMINUS", "UPLUS"),
// a special form ("BOUND", "IF", "COALESCE", "IN", "NOTIN"; IN's first
// argument is the tested value), a built-in name in upper case ("STRLEN"),
// or the IRI of a cast or extension function.
type Call struct {
	Name string
	Args []Expr
}

// Exists is EXISTS / NOT EXISTS over a pattern (section 17.4.1.4).
type Exists struct {
	Not bool
	X   Op
}

// Aggregate is a set function (section 18.5): COUNT, SUM, MIN, MAX, AVG,
// SAMPLE, GROUP_CONCAT. Arg is nil for COUNT(*).
type Aggregate struct {
	Name      string
	Distinct  bool
	Arg       Expr
	Separator string
}

func (Var) expr()        {}
func (*Const) expr()     {}
func (*Call) expr()      {}
func (*Exists) expr()    {}
func (*Aggregate) expr() {}

// ExprVars adds the variables of e to out. It reports false when e's value
// may depend on more than those variables' values (EXISTS, BOUND, COALESCE,
// IF, or a function with a fresh value each call), so that e must wait for
// a complete solution: the optimizer may not move it, and the evaluator
// may not test it early.
func ExprVars(e Expr, out map[Var]bool) bool {
	switch e := e.(type) {
	case Var:
		out[e] = true
	case *Exists:
		return false
	case *Call:
		switch e.Name {
		case "BOUND", "COALESCE", "IF", "RAND", "BNODE", "UUID", "STRUUID", "NOW":
			return false
		}
		for _, a := range e.Args {
			if !ExprVars(a, out) {
				return false
			}
		}
	}
	return true
}
