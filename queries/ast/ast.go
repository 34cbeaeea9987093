// Package ast is the syntax tree of SPARQL 1.1 queries
// (https://www.w3.org/TR/sparql11-query/#grammar), as written: prefixed
// names and relative IRIs are kept unresolved, collections and blank-node
// property lists are kept as nodes. Node names follow the grammar's
// productions. Package algebra turns a tree into the SPARQL algebra.
//
// Format prints a tree back to SPARQL text that parses to the same tree.
package ast

// Pos is a byte offset into the query text, counted from 1; 0 means unknown.
type Pos int

// Form is the query form.
type Form int

// The four query forms.
const (
	Select Form = iota + 1
	Construct
	Ask
	Describe
)

func (f Form) String() string {
	switch f {
	case Select:
		return "SELECT"
	case Construct:
		return "CONSTRUCT"
	case Ask:
		return "ASK"
	case Describe:
		return "DESCRIBE"
	}
	return "?"
}

// Query is [2] Query: a prologue, a form, its dataset clauses, the WHERE
// pattern, solution modifiers and trailing VALUES.
type Query struct {
	Pos      Pos
	Prologue []*PrologueDecl
	Form     Form
	// Select is the projection of a SELECT query.
	Select *SelectClause
	// Template is the CONSTRUCT template; nil with ShortConstruct (CONSTRUCT WHERE).
	Template       []*TriplesSameSubject
	ShortConstruct bool
	// Describe lists the DESCRIBE targets; empty with DescribeStar.
	Describe     []Term
	DescribeStar bool
	Dataset      []*DatasetClause
	// Where is nil only for a DESCRIBE without WHERE clause.
	Where     *GroupGraphPattern
	Modifiers SolutionModifier
	Values    *InlineData
}

// PrologueDecl is a BASE (Prefix empty, IsBase) or PREFIX declaration.
type PrologueDecl struct {
	Pos    Pos
	IsBase bool
	Prefix string // without the colon
	IRI    string // as written, without angle brackets
}

// DatasetClause is FROM <iri> or FROM NAMED <iri>.
type DatasetClause struct {
	Pos   Pos
	Named bool
	IRI   *IRIRef
}

// SelectClause is [9] SelectClause.
type SelectClause struct {
	Pos      Pos
	Distinct bool
	Reduced  bool
	Star     bool
	Items    []*SelectItem
}

// SelectItem is one projected variable, or (Expr AS ?var).
type SelectItem struct {
	Expr Expr // nil for a plain variable
	Var  *Var
}

// SolutionModifier is [18] SolutionModifier.
type SolutionModifier struct {
	GroupBy []*GroupCondition
	Having  []Expr
	OrderBy []*OrderCondition
	Limit   *int64
	Offset  *int64
}

// GroupCondition is one GROUP BY key: an expression, optionally bound AS a variable.
type GroupCondition struct {
	Expr Expr
	As   *Var
}

// OrderCondition is one ORDER BY key.
type OrderCondition struct {
	Desc bool
	// Explicit records that ASC(...) or DESC(...) was written.
	Explicit bool
	Expr     Expr
}

// SubSelect is [8] SubSelect, a nested SELECT inside a group.
type SubSelect struct {
	Pos       Pos
	Select    *SelectClause
	Where     *GroupGraphPattern
	Modifiers SolutionModifier
	Values    *InlineData
}

// GroupGraphPattern is [53] GroupGraphPattern: either a sub-select or a list of elements.
type GroupGraphPattern struct {
	Pos       Pos
	SubSelect *SubSelect
	Elems     []PatternElem
}

// PatternElem is an element of a group: *TriplesBlock, *Filter, *Optional,
// *Minus, *Union, *GraphGraphPattern, *Bind, *InlineData, or a nested *GroupGraphPattern.
type PatternElem interface{ elem() }

// TriplesBlock is [55] TriplesBlock.
type TriplesBlock struct {
	Pos     Pos
	Triples []*TriplesSameSubject
}

// Filter is [68] Filter.
type Filter struct {
	Pos  Pos
	Expr Expr
}

// Optional is [57] OptionalGraphPattern.
type Optional struct {
	Pos   Pos
	Group *GroupGraphPattern
}

// Minus is [66] MinusGraphPattern.
type Minus struct {
	Pos   Pos
	Group *GroupGraphPattern
}

// Union is [67] GroupOrUnionGraphPattern with at least two groups.
type Union struct {
	Pos    Pos
	Groups []*GroupGraphPattern
}

// GraphGraphPattern is [58] GraphGraphPattern: GRAPH name { ... }.
type GraphGraphPattern struct {
	Pos   Pos
	Name  Term // *Var or *IRIRef
	Group *GroupGraphPattern
}

// Bind is [60] Bind.
type Bind struct {
	Pos  Pos
	Expr Expr
	Var  *Var
}

// InlineData is VALUES: [61] InlineData and [28] ValuesClause. A nil entry in a row is UNDEF.
type InlineData struct {
	Pos  Pos
	Vars []*Var
	Rows [][]Term
	// Single records the one-variable form without parentheses.
	Single bool
}

func (*TriplesBlock) elem()      {}
func (*Filter) elem()            {}
func (*Optional) elem()          {}
func (*Minus) elem()             {}
func (*Union) elem()             {}
func (*GraphGraphPattern) elem() {}
func (*Bind) elem()              {}
func (*InlineData) elem()        {}
func (*GroupGraphPattern) elem() {}

// TriplesSameSubject is [75] TriplesSameSubject (and its path form [81]).
// Subject may be a *BlankNodePropertyList or *Collection with no Props.
type TriplesSameSubject struct {
	Subject Node
	Props   []*Property
}

// Property is one verb with its object list.
type Property struct {
	Verb    Path // a *Var, an *IRIRef or a path
	Objects []Node
}

// Node is a triple-pattern node: a Term, a *Collection or a *BlankNodePropertyList.
type Node interface{ node() }

// Collection is [102] Collection: ( a b c ).
type Collection struct {
	Pos   Pos
	Items []Node
}

// BlankNodePropertyList is [99] BlankNodePropertyList: [ :p :o ].
type BlankNodePropertyList struct {
	Pos   Pos
	Props []*Property
}

func (*Collection) node()            {}
func (*BlankNodePropertyList) node() {}

// Term is a single RDF term or variable: *Var, *IRIRef, *Literal, *BlankNode.
type Term interface {
	Node
	Expr
	term()
}

// Var is a variable, Name without ? or $.
type Var struct {
	Pos    Pos
	Name   string
	Dollar bool
}

// IRIRef is an IRI as written: <relative or absolute> or a prefixed name.
type IRIRef struct {
	Pos Pos
	// IRI is the text between angle brackets, escapes decoded.
	IRI string
	// Prefixed is set for prefixed names; Prefix and Local hold the parts
	// (Local with escapes decoded).
	Prefixed bool
	Prefix   string
	Local    string
	// A records the keyword 'a' (rdf:type).
	A bool
}

// LiteralKind tells how a literal was written.
type LiteralKind int

// Literal kinds.
const (
	StringLit LiteralKind = iota
	IntegerLit
	DecimalLit
	DoubleLit
	BooleanLit
)

// Literal is an RDF literal: a string (with language or datatype), a number or a boolean.
type Literal struct {
	Pos      Pos
	Kind     LiteralKind
	Lexical  string // decoded value for strings; token text for numbers and booleans
	Lang     string
	Datatype *IRIRef
}

// BlankNode is _:label, or [] when Anon.
type BlankNode struct {
	Pos   Pos
	Label string
	Anon  bool
}

func (*Var) node()       {}
func (*IRIRef) node()    {}
func (*Literal) node()   {}
func (*BlankNode) node() {}
func (*Var) term()       {}
func (*IRIRef) term()    {}
func (*Literal) term()   {}
func (*BlankNode) term() {}

// Path is a property path ([88] Path) or a simple verb: *Var, *IRIRef,
// *PathAlternative, *PathSequence, *PathInverse, *PathMod, *PathNegated.
type Path interface{ path() }

// PathAlternative is p1 | p2 | ...
type PathAlternative struct{ Alts []Path }

// PathSequence is p1 / p2 / ...
type PathSequence struct{ Elems []Path }

// PathInverse is ^p.
type PathInverse struct{ X Path }

// PathMod is p*, p+ or p?.
type PathMod struct {
	X   Path
	Mod byte
}

// PathNegated is !iri or !(iri | ^iri ...).
type PathNegated struct {
	Items []*NegatedItem
	// Paren records the parenthesised form.
	Paren bool
}

// NegatedItem is one member of a negated property set.
type NegatedItem struct {
	Inverse bool
	IRI     *IRIRef
}

// PathGroup is a parenthesised path, kept so that printing is faithful.
type PathGroup struct{ X Path }

func (*Var) path()             {}
func (*IRIRef) path()          {}
func (*PathAlternative) path() {}
func (*PathSequence) path()    {}
func (*PathInverse) path()     {}
func (*PathMod) path()         {}
func (*PathNegated) path()     {}
func (*PathGroup) path()       {}

// Expr is an expression: a Term, *Binary, *Unary, *Call, *Exists, *In, *Paren.
type Expr interface{ expr() }

// Binary is X op Y with op one of || && = != < > <= >= + - * /.
type Binary struct {
	Op   string
	X, Y Expr
}

// Unary is !X, -X or +X.
type Unary struct {
	Pos Pos
	Op  string
	X   Expr
}

// Call is a built-in call (Name upper-cased keyword, IRI nil), an aggregate
// (COUNT, SUM, ...), or a function call by IRI.
type Call struct {
	Pos      Pos
	Name     string
	IRI      *IRIRef
	Args     []Expr
	Distinct bool
	// Star is COUNT(*).
	Star bool
	// Separator is GROUP_CONCAT's SEPARATOR, nil when absent.
	Separator *string
	// NoArgs records a call written as NIL: f().
	NoArgs bool
}

// Exists is EXISTS { } or NOT EXISTS { }.
type Exists struct {
	Pos   Pos
	Not   bool
	Group *GroupGraphPattern
}

// In is X IN (...) or X NOT IN (...).
type In struct {
	Not  bool
	X    Expr
	List []Expr
}

// Paren is a parenthesised expression.
type Paren struct{ X Expr }

func (*Var) expr()       {}
func (*IRIRef) expr()    {}
func (*Literal) expr()   {}
func (*BlankNode) expr() {}
func (*Binary) expr()    {}
func (*Unary) expr()     {}
func (*Call) expr()      {}
func (*Exists) expr()    {}
func (*In) expr()        {}
func (*Paren) expr()     {}

// Aggregates lists the aggregate function names ([127] Aggregate).
var Aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "MIN": true, "MAX": true, "AVG": true, "SAMPLE": true, "GROUP_CONCAT": true,
}
