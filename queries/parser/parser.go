package parser

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/queries/ast"
)

type bailout struct{}

type parser struct {
	src   string
	opt   Options
	lex   lexer
	tok   token
	ahead []token
	errs  ErrorList
	depth int
	// fatal is set by lexer errors: the scanner's position is then
	// inside a token, so the parser does not try to resync.
	fatal bool
}

// maxErrors caps the errors reported for one query.
const maxErrors = 10

// maxDepth bounds the nesting of groups, expressions, paths and
// collections, so that hostile input cannot exhaust the stack.
const maxDepth = 500

func (p *parser) enter(production string) {
	p.depth++
	if p.opt.Trace != nil {
		fmt.Fprintf(p.opt.Trace, "%s%s at %s %s\n", strings.Repeat(". ", p.depth-1), production, p.position(p.tok.pos), describe(p.tok))
	}
	if p.depth > maxDepth {
		p.fatal = true
		p.fail("nesting deeper than %d levels", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) position(off int) Position {
	pos := PositionOf(p.src, off)
	pos.Filename = p.opt.Filename
	return pos
}

func (p *parser) failAt(off int, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: p.position(off), Msg: fmt.Sprintf(format, args...)})
	if len(p.errs) >= maxErrors {
		p.fatal = true
	}
	panic(bailout{})
}

// report records an error found where parsing can simply go on (a count of
// values or arguments), without unwinding.
func (p *parser) report(off int, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: p.position(off), Msg: fmt.Sprintf(format, args...)})
	if len(p.errs) >= maxErrors {
		p.fatal = true
		panic(bailout{})
	}
}

// recoverElem runs one element of a group. On a syntax error it skips to
// the next '.', '}' or element keyword at the same nesting, so that the
// errors of later elements are reported too; it reports false then.
func (p *parser) recoverElem(parse func()) (ok bool) {
	depth, start := p.depth, p.tok.pos
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if _, isBail := r.(bailout); !isBail || p.fatal {
			panic(r)
		}
		p.depth = depth
		if p.tok.pos == start && p.tok.kind != tEOF {
			p.advance() // make progress past a token that cannot start anything
		}
		p.sync()
		ok = false
	}()
	parse()
	return true
}

var elemWords = map[string]bool{"OPTIONAL": true, "MINUS": true, "GRAPH": true, "FILTER": true, "BIND": true, "VALUES": true, "SERVICE": true}

func (p *parser) sync() {
	nest := 0
	for {
		switch {
		case p.tok.kind == tEOF:
			return
		case p.isPunct("{"):
			nest++
		case p.isPunct("}"):
			if nest == 0 {
				return
			}
			nest--
		case nest == 0 && p.isPunct("."):
			p.advance()
			return
		case nest == 0 && p.tok.kind == tWord && elemWords[p.tok.val]:
			return
		}
		p.advance()
	}
}

func (p *parser) fail(format string, args ...any) {
	p.failAt(p.tok.pos, format, args...)
}

func (p *parser) advance() {
	if len(p.ahead) > 0 {
		p.tok = p.ahead[0]
		p.ahead = p.ahead[1:]
		return
	}
	p.tok = p.lex.next()
}

func (p *parser) peek() token {
	if len(p.ahead) == 0 {
		p.ahead = append(p.ahead, p.lex.next())
	}
	return p.ahead[0]
}

func (p *parser) pos() ast.Pos { return ast.Pos(p.tok.pos + 1) }

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tString:
		return "string"
	}
	return fmt.Sprintf("%q", t.raw)
}

func (p *parser) unexpected(want string) {
	p.fail("unexpected %s, expected %s", describe(p.tok), want)
}

func (p *parser) isPunct(s string) bool { return p.tok.kind == tPunct && p.tok.val == s }
func (p *parser) isWord(s string) bool  { return p.tok.kind == tWord && p.tok.val == s }

func (p *parser) gotPunct(s string) bool {
	if p.isPunct(s) {
		p.advance()
		return true
	}
	return false
}

func (p *parser) gotWord(s string) bool {
	if p.isWord(s) {
		p.advance()
		return true
	}
	return false
}

func (p *parser) expectPunct(s string) {
	if !p.gotPunct(s) {
		p.unexpected("'" + s + "'")
	}
}

func (p *parser) expectWord(s string) {
	if !p.gotWord(s) {
		p.unexpected(s)
	}
}

var updateWords = map[string]bool{
	"INSERT": true, "DELETE": true, "LOAD": true, "CLEAR": true, "DROP": true, "CREATE": true,
	"ADD": true, "MOVE": true, "COPY": true, "WITH": true,
}

func (p *parser) query() *ast.Query {
	q := &ast.Query{Pos: p.pos()}
	p.prologue(q)
	switch {
	case p.isWord("SELECT"):
		q.Form = ast.Select
		q.Select = p.selectClause()
		q.Dataset = p.datasetClauses()
		q.Where = p.whereClause()
	case p.gotWord("CONSTRUCT"):
		q.Form = ast.Construct
		if p.isPunct("{") {
			p.advance()
			q.Template = p.triplesTemplate("}")
			p.expectPunct("}")
			q.Dataset = p.datasetClauses()
			q.Where = p.whereClause()
		} else {
			q.ShortConstruct = true
			q.Dataset = p.datasetClauses()
			p.expectWord("WHERE")
			p.expectPunct("{")
			pos := ast.Pos(p.tok.pos)
			ts := p.triplesTemplate("}")
			p.expectPunct("}")
			q.Where = &ast.GroupGraphPattern{Pos: pos}
			if len(ts) > 0 {
				q.Where.Elems = []ast.PatternElem{&ast.TriplesBlock{Pos: pos, Triples: ts}}
			}
		}
	case p.gotWord("DESCRIBE"):
		q.Form = ast.Describe
		if p.gotPunct("*") {
			q.DescribeStar = true
		} else {
			for p.tok.kind == tVar || p.tok.kind == tIRI || p.tok.kind == tPName {
				q.Describe = append(q.Describe, p.varOrIRI())
			}
			if len(q.Describe) == 0 {
				p.unexpected("variable, IRI or '*'")
			}
		}
		q.Dataset = p.datasetClauses()
		if p.isWord("WHERE") || p.isPunct("{") {
			q.Where = p.whereClause()
		}
	case p.gotWord("ASK"):
		q.Form = ast.Ask
		q.Dataset = p.datasetClauses()
		q.Where = p.whereClause()
	case p.tok.kind == tWord && updateWords[p.tok.val]:
		p.fail("SPARQL Update (%s) is not supported: only queries can be run", p.tok.val)
	default:
		p.unexpected("SELECT, CONSTRUCT, DESCRIBE or ASK")
	}
	q.Modifiers = p.solutionModifier()
	if p.isWord("VALUES") {
		q.Values = p.inlineData()
	}
	if p.tok.kind != tEOF {
		if p.tok.kind == tWord && updateWords[p.tok.val] {
			p.fail("SPARQL Update (%s) is not supported: only queries can be run", p.tok.val)
		}
		p.unexpected("end of query")
	}
	return q
}

func (p *parser) prologue(q *ast.Query) {
	for {
		pos := p.pos()
		switch {
		case p.gotWord("BASE"):
			if p.tok.kind != tIRI {
				p.unexpected("IRI")
			}
			q.Prologue = append(q.Prologue, &ast.PrologueDecl{Pos: pos, IsBase: true, IRI: p.tok.val})
			p.advance()
		case p.gotWord("PREFIX"):
			if p.tok.kind != tPName || p.tok.local != "" {
				p.unexpected("prefix name ending in ':'")
			}
			name := p.tok.prefix
			p.advance()
			if p.tok.kind != tIRI {
				p.unexpected("IRI")
			}
			q.Prologue = append(q.Prologue, &ast.PrologueDecl{Pos: pos, Prefix: name, IRI: p.tok.val})
			p.advance()
		default:
			return
		}
	}
}

func (p *parser) selectClause() *ast.SelectClause {
	s := &ast.SelectClause{Pos: p.pos()}
	p.expectWord("SELECT")
	if p.gotWord("DISTINCT") {
		s.Distinct = true
	} else if p.gotWord("REDUCED") {
		s.Reduced = true
	}
	if p.gotPunct("*") {
		s.Star = true
		return s
	}
	for {
		switch {
		case p.tok.kind == tVar:
			s.Items = append(s.Items, &ast.SelectItem{Var: p.variable()})
			continue
		case p.isPunct("("):
			p.advance()
			e := p.expression()
			p.expectWord("AS")
			v := p.variable()
			p.expectPunct(")")
			s.Items = append(s.Items, &ast.SelectItem{Expr: e, Var: v})
			continue
		}
		break
	}
	if len(s.Items) == 0 {
		p.unexpected("variable, '(' or '*'")
	}
	return s
}

func (p *parser) datasetClauses() []*ast.DatasetClause {
	var out []*ast.DatasetClause
	for p.isWord("FROM") {
		d := &ast.DatasetClause{Pos: p.pos()}
		p.advance()
		d.Named = p.gotWord("NAMED")
		d.IRI = p.iri()
		out = append(out, d)
	}
	return out
}

func (p *parser) whereClause() *ast.GroupGraphPattern {
	p.gotWord("WHERE")
	return p.groupGraphPattern()
}

func (p *parser) solutionModifier() ast.SolutionModifier {
	var m ast.SolutionModifier
	if p.isWord("GROUP") {
		p.advance()
		p.expectWord("BY")
		for {
			var g *ast.GroupCondition
			switch {
			case p.tok.kind == tVar:
				g = &ast.GroupCondition{Expr: p.variable()}
			case p.isPunct("("):
				p.advance()
				g = &ast.GroupCondition{Expr: p.expression()}
				if p.gotWord("AS") {
					g.As = p.variable()
				} else {
					g.Expr = &ast.Paren{X: g.Expr}
				}
				p.expectPunct(")")
			case p.startsCall():
				g = &ast.GroupCondition{Expr: p.primary()}
			}
			if g == nil {
				break
			}
			m.GroupBy = append(m.GroupBy, g)
		}
		if len(m.GroupBy) == 0 {
			p.unexpected("group condition")
		}
	}
	if p.gotWord("HAVING") {
		for p.isPunct("(") || p.startsCall() {
			m.Having = append(m.Having, p.constraint())
		}
		if len(m.Having) == 0 {
			p.unexpected("having condition")
		}
	}
	if p.isWord("ORDER") {
		p.advance()
		p.expectWord("BY")
		for {
			var o *ast.OrderCondition
			switch {
			case p.isWord("ASC") || p.isWord("DESC"):
				o = &ast.OrderCondition{Desc: p.tok.val == "DESC", Explicit: true}
				p.advance()
				p.expectPunct("(")
				o.Expr = p.expression()
				p.expectPunct(")")
			case p.tok.kind == tVar:
				o = &ast.OrderCondition{Expr: p.variable()}
			case p.isPunct("(") || p.startsCall():
				o = &ast.OrderCondition{Expr: p.constraint()}
			}
			if o == nil {
				break
			}
			m.OrderBy = append(m.OrderBy, o)
		}
		if len(m.OrderBy) == 0 {
			p.unexpected("order condition")
		}
	}
	for i := 0; i < 2; i++ {
		switch {
		case m.Limit == nil && p.gotWord("LIMIT"):
			m.Limit = p.integer()
		case m.Offset == nil && p.gotWord("OFFSET"):
			m.Offset = p.integer()
		}
	}
	return m
}

func (p *parser) integer() *int64 {
	if p.tok.kind != tInteger {
		p.unexpected("integer")
	}
	n, err := strconv.ParseInt(p.tok.val, 10, 64)
	if err != nil {
		p.fail("integer %s out of range", p.tok.val)
	}
	p.advance()
	return &n
}

// constraint is [69] Constraint: a bracketted expression or a call.
func (p *parser) constraint() ast.Expr {
	if p.isPunct("(") {
		p.advance()
		e := p.expression()
		p.expectPunct(")")
		return &ast.Paren{X: e}
	}
	if p.startsCall() {
		return p.primary()
	}
	p.unexpected("'(' or function call")
	return nil
}

func (p *parser) startsCall() bool {
	switch p.tok.kind {
	case tWord:
		_, ok := builtins[p.tok.val]
		return ok || p.tok.val == "NOT" || p.tok.val == "EXISTS" || ast.Aggregates[p.tok.val]
	case tIRI, tPName:
		return true
	}
	return false
}

func (p *parser) inlineData() *ast.InlineData {
	d := &ast.InlineData{Pos: p.pos()}
	p.expectWord("VALUES")
	if p.tok.kind == tVar {
		d.Single = true
		d.Vars = []*ast.Var{p.variable()}
		p.expectPunct("{")
		for !p.isPunct("}") {
			d.Rows = append(d.Rows, []ast.Term{p.dataValue()})
		}
		p.advance()
		return d
	}
	p.expectPunct("(")
	for p.tok.kind == tVar {
		d.Vars = append(d.Vars, p.variable())
	}
	p.expectPunct(")")
	p.expectPunct("{")
	for p.isPunct("(") {
		p.advance()
		var row []ast.Term
		for !p.isPunct(")") {
			row = append(row, p.dataValue())
		}
		p.advance()
		if len(row) != len(d.Vars) {
			p.report(p.tok.pos, "VALUES row has %d values for %d variables", len(row), len(d.Vars))
		}
		d.Rows = append(d.Rows, row)
	}
	p.expectPunct("}")
	return d
}

func (p *parser) dataValue() ast.Term {
	if p.gotWord("UNDEF") {
		return nil
	}
	switch p.tok.kind {
	case tIRI, tPName:
		return p.iri()
	case tString, tInteger, tDecimal, tDouble:
		return p.literal()
	case tWord:
		if p.tok.val == "TRUE" || p.tok.val == "FALSE" {
			return p.literal()
		}
	case tPunct:
		if p.tok.val == "+" || p.tok.val == "-" {
			return p.literal()
		}
	}
	p.unexpected("IRI, literal or UNDEF")
	return nil
}

func (p *parser) variable() *ast.Var {
	if p.tok.kind != tVar {
		p.unexpected("variable")
	}
	v := &ast.Var{Pos: p.pos(), Name: p.tok.val, Dollar: p.tok.dollar}
	p.advance()
	return v
}

func (p *parser) iri() *ast.IRIRef {
	r := &ast.IRIRef{Pos: p.pos()}
	switch p.tok.kind {
	case tIRI:
		r.IRI = p.tok.val
	case tPName:
		r.Prefixed, r.Prefix, r.Local = true, p.tok.prefix, p.tok.local
	default:
		p.unexpected("IRI")
	}
	p.advance()
	return r
}

func (p *parser) varOrIRI() ast.Term {
	if p.tok.kind == tVar {
		return p.variable()
	}
	return p.iri()
}

// literal reads an RDF literal, a (signed) number or a boolean.
func (p *parser) literal() *ast.Literal {
	l := &ast.Literal{Pos: p.pos()}
	sign := ""
	if p.isPunct("+") || p.isPunct("-") {
		sign = p.tok.val
		end := p.tok.end
		p.advance()
		if p.tok.pos != end || (p.tok.kind != tInteger && p.tok.kind != tDecimal && p.tok.kind != tDouble) {
			p.unexpected("number after sign")
		}
	}
	switch p.tok.kind {
	case tString:
		l.Lexical = p.tok.val
		p.advance()
		if p.tok.kind == tLang {
			l.Lang = p.tok.val
			p.advance()
		} else if p.gotPunct("^^") {
			l.Datatype = p.iri()
		}
		return l
	case tInteger:
		l.Kind = ast.IntegerLit
	case tDecimal:
		l.Kind = ast.DecimalLit
	case tDouble:
		l.Kind = ast.DoubleLit
	case tWord:
		if p.tok.val != "TRUE" && p.tok.val != "FALSE" {
			p.unexpected("literal")
		}
		l.Kind = ast.BooleanLit
		l.Lexical = strings.ToLower(p.tok.val)
		p.advance()
		return l
	default:
		p.unexpected("literal")
	}
	l.Lexical = sign + p.tok.val
	p.advance()
	return l
}

// groupGraphPattern is [53] GroupGraphPattern.
func (p *parser) groupGraphPattern() *ast.GroupGraphPattern {
	p.enter("GroupGraphPattern")
	defer p.leave()
	g := &ast.GroupGraphPattern{Pos: p.pos()}
	p.expectPunct("{")
	if p.isWord("SELECT") {
		s := &ast.SubSelect{Pos: p.pos()}
		s.Select = p.selectClause()
		s.Where = p.whereClause()
		s.Modifiers = p.solutionModifier()
		if p.isWord("VALUES") {
			s.Values = p.inlineData()
		}
		g.SubSelect = s
		p.expectPunct("}")
		return g
	}
	for !p.isPunct("}") && p.tok.kind != tEOF {
		p.recoverElem(func() {
			if p.startsTriple() {
				tb := &ast.TriplesBlock{Pos: p.pos()}
				for {
					tb.Triples = append(tb.Triples, p.triplesSameSubject(true))
					if !p.gotPunct(".") || !p.startsTriple() {
						break
					}
				}
				g.Elems = append(g.Elems, tb)
				return
			}
			if e := p.notTriples(); e != nil {
				g.Elems = append(g.Elems, e)
				p.gotPunct(".")
			}
		})
	}
	p.expectPunct("}")
	return g
}

func (p *parser) startsTriple() bool {
	switch p.tok.kind {
	case tVar, tIRI, tPName, tBNode, tString, tInteger, tDecimal, tDouble:
		return true
	case tWord:
		return p.tok.val == "TRUE" || p.tok.val == "FALSE"
	case tPunct:
		switch p.tok.val {
		case "[", "(":
			return true
		case "+", "-":
			n := p.peek()
			return n.pos == p.tok.end && (n.kind == tInteger || n.kind == tDecimal || n.kind == tDouble)
		}
	}
	return false
}

// notTriples is [56] GraphPatternNotTriples, or nil at the end of the group.
func (p *parser) notTriples() ast.PatternElem {
	pos := p.pos()
	switch {
	case p.isPunct("{"):
		g := p.groupGraphPattern()
		if !p.isWord("UNION") {
			return g
		}
		u := &ast.Union{Pos: pos, Groups: []*ast.GroupGraphPattern{g}}
		for p.gotWord("UNION") {
			u.Groups = append(u.Groups, p.groupGraphPattern())
		}
		return u
	case p.gotWord("OPTIONAL"):
		return &ast.Optional{Pos: pos, Group: p.groupGraphPattern()}
	case p.gotWord("MINUS"):
		return &ast.Minus{Pos: pos, Group: p.groupGraphPattern()}
	case p.gotWord("GRAPH"):
		name := p.varOrIRI()
		return &ast.GraphGraphPattern{Pos: pos, Name: name, Group: p.groupGraphPattern()}
	case p.isWord("SERVICE"):
		p.fatal = true
		p.fail("SERVICE (federated query) is not supported")
	case p.gotWord("FILTER"):
		return &ast.Filter{Pos: pos, Expr: p.constraint()}
	case p.gotWord("BIND"):
		p.expectPunct("(")
		e := p.expression()
		p.expectWord("AS")
		v := p.variable()
		p.expectPunct(")")
		return &ast.Bind{Pos: pos, Expr: e, Var: v}
	case p.isWord("VALUES"):
		return p.inlineData()
	}
	p.unexpected("triple pattern, graph pattern or '}'")
	return nil
}

// triplesTemplate reads triples (no paths) until the closing token.
func (p *parser) triplesTemplate(end string) []*ast.TriplesSameSubject {
	var out []*ast.TriplesSameSubject
	for !p.isPunct(end) {
		out = append(out, p.triplesSameSubject(false))
		if !p.gotPunct(".") {
			break
		}
	}
	return out
}

// triplesSameSubject is [75]/[81]; paths are allowed when paths is set.
func (p *parser) triplesSameSubject(paths bool) *ast.TriplesSameSubject {
	t := &ast.TriplesSameSubject{}
	if p.isPunct("[") || p.isPunct("(") {
		t.Subject = p.graphNode(paths)
		switch t.Subject.(type) {
		case *ast.BlankNodePropertyList, *ast.Collection:
			if coll, ok := t.Subject.(*ast.Collection); ok && len(coll.Items) == 0 {
				t.Props = p.propertyList(paths, true)
			} else if bn, ok := t.Subject.(*ast.BlankNodePropertyList); ok && bn.Props == nil {
				t.Props = p.propertyList(paths, true)
			} else {
				t.Props = p.propertyList(paths, false)
			}
		default:
			t.Props = p.propertyList(paths, true)
		}
		return t
	}
	t.Subject = p.varOrTerm()
	t.Props = p.propertyList(paths, true)
	return t
}

func (p *parser) startsVerb(paths bool) bool {
	switch p.tok.kind {
	case tVar, tIRI, tPName, tA:
		return true
	case tPunct:
		return paths && (p.tok.val == "^" || p.tok.val == "!" || p.tok.val == "(")
	}
	return false
}

func (p *parser) propertyList(paths, required bool) []*ast.Property {
	var out []*ast.Property
	if !p.startsVerb(paths) {
		if required {
			p.unexpected("predicate")
		}
		return nil
	}
	for {
		pr := &ast.Property{}
		if p.tok.kind == tVar {
			pr.Verb = p.variable()
		} else if paths {
			pr.Verb = p.path()
		} else if p.tok.kind == tA {
			pr.Verb = &ast.IRIRef{Pos: p.pos(), A: true}
			p.advance()
		} else {
			pr.Verb = p.iri()
		}
		for {
			pr.Objects = append(pr.Objects, p.graphNode(paths))
			if !p.gotPunct(",") {
				break
			}
		}
		out = append(out, pr)
		if !p.isPunct(";") {
			return out
		}
		for p.gotPunct(";") {
		}
		if !p.startsVerb(paths) {
			return out
		}
	}
}

func (p *parser) graphNode(paths bool) ast.Node {
	p.enter("GraphNode")
	defer p.leave()
	pos := p.pos()
	switch {
	case p.isPunct("["):
		p.advance()
		if p.gotPunct("]") {
			return &ast.BlankNode{Pos: pos, Anon: true}
		}
		b := &ast.BlankNodePropertyList{Pos: pos, Props: p.propertyList(paths, true)}
		p.expectPunct("]")
		return b
	case p.isPunct("("):
		p.advance()
		c := &ast.Collection{Pos: pos}
		for !p.gotPunct(")") {
			c.Items = append(c.Items, p.graphNode(paths))
		}
		return c
	}
	return p.varOrTerm()
}

func (p *parser) varOrTerm() ast.Node {
	pos := p.pos()
	switch p.tok.kind {
	case tVar:
		return p.variable()
	case tIRI, tPName:
		return p.iri()
	case tBNode:
		b := &ast.BlankNode{Pos: pos, Label: p.tok.val}
		p.advance()
		return b
	case tString, tInteger, tDecimal, tDouble:
		return p.literal()
	case tWord:
		if p.tok.val == "TRUE" || p.tok.val == "FALSE" {
			return p.literal()
		}
	case tPunct:
		switch p.tok.val {
		case "+", "-":
			return p.literal()
		case "[", "(":
			return p.graphNode(false)
		}
	}
	p.unexpected("variable or RDF term")
	return nil
}

// path is [88] Path = PathAlternative.
func (p *parser) path() ast.Path {
	p.enter("Path")
	defer p.leave()
	first := p.pathSequence()
	if !p.isPunct("|") {
		return first
	}
	alt := &ast.PathAlternative{Alts: []ast.Path{first}}
	for p.gotPunct("|") {
		alt.Alts = append(alt.Alts, p.pathSequence())
	}
	return alt
}

func (p *parser) pathSequence() ast.Path {
	first := p.pathEltOrInverse()
	if !p.isPunct("/") {
		return first
	}
	seq := &ast.PathSequence{Elems: []ast.Path{first}}
	for p.gotPunct("/") {
		seq.Elems = append(seq.Elems, p.pathEltOrInverse())
	}
	return seq
}

func (p *parser) pathEltOrInverse() ast.Path {
	if p.gotPunct("^") {
		return &ast.PathInverse{X: p.pathElt()}
	}
	return p.pathElt()
}

func (p *parser) pathElt() ast.Path {
	var x ast.Path
	switch {
	case p.tok.kind == tA:
		x = &ast.IRIRef{Pos: p.pos(), A: true}
		p.advance()
	case p.tok.kind == tIRI || p.tok.kind == tPName:
		x = p.iri()
	case p.gotPunct("!"):
		n := &ast.PathNegated{}
		if p.gotPunct("(") {
			n.Paren = true
			if !p.isPunct(")") {
				for {
					n.Items = append(n.Items, p.negatedItem())
					if !p.gotPunct("|") {
						break
					}
				}
			}
			p.expectPunct(")")
		} else {
			n.Items = []*ast.NegatedItem{p.negatedItem()}
		}
		x = n
	case p.gotPunct("("):
		x = &ast.PathGroup{X: p.path()}
		p.expectPunct(")")
	default:
		p.unexpected("property path")
	}
	if p.tok.kind == tPunct && (p.tok.val == "*" || p.tok.val == "+" || p.tok.val == "?") {
		x = &ast.PathMod{X: x, Mod: p.tok.val[0]}
		p.advance()
	}
	return x
}

func (p *parser) negatedItem() *ast.NegatedItem {
	it := &ast.NegatedItem{}
	if p.gotPunct("^") {
		it.Inverse = true
	}
	if p.tok.kind == tA {
		it.IRI = &ast.IRIRef{Pos: p.pos(), A: true}
		p.advance()
	} else {
		it.IRI = p.iri()
	}
	return it
}

// expression is [110] Expression.
func (p *parser) expression() ast.Expr {
	p.enter("Expression")
	defer p.leave()
	x := p.andExpr()
	for p.gotPunct("||") {
		x = &ast.Binary{Op: "||", X: x, Y: p.andExpr()}
	}
	return x
}

func (p *parser) andExpr() ast.Expr {
	x := p.relational()
	for p.gotPunct("&&") {
		x = &ast.Binary{Op: "&&", X: x, Y: p.relational()}
	}
	return x
}

func (p *parser) relational() ast.Expr {
	x := p.additive()
	if p.tok.kind == tPunct {
		switch op := p.tok.val; op {
		case "=", "!=", "<", ">", "<=", ">=":
			p.advance()
			return &ast.Binary{Op: op, X: x, Y: p.additive()}
		}
	}
	not := false
	if p.isWord("NOT") && p.peek().kind == tWord && p.peek().val == "IN" {
		p.advance()
		not = true
	}
	if p.gotWord("IN") {
		return &ast.In{Not: not, X: x, List: p.exprList()}
	}
	return x
}

func (p *parser) exprList() []ast.Expr {
	p.expectPunct("(")
	var out []ast.Expr
	if p.gotPunct(")") {
		return out
	}
	for {
		out = append(out, p.expression())
		if !p.gotPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return out
}

func (p *parser) additive() ast.Expr {
	x := p.multiplicative()
	for p.isPunct("+") || p.isPunct("-") {
		op := p.tok.val
		p.advance()
		x = &ast.Binary{Op: op, X: x, Y: p.multiplicative()}
	}
	return x
}

func (p *parser) multiplicative() ast.Expr {
	x := p.unary()
	for p.isPunct("*") || p.isPunct("/") {
		op := p.tok.val
		p.advance()
		x = &ast.Binary{Op: op, X: x, Y: p.unary()}
	}
	return x
}

func (p *parser) unary() ast.Expr {
	if p.isPunct("!") || p.isPunct("+") || p.isPunct("-") {
		u := &ast.Unary{Pos: p.pos(), Op: p.tok.val}
		p.advance()
		u.X = p.primary()
		return u
	}
	return p.primary()
}

// primary is [119] PrimaryExpression.
func (p *parser) primary() ast.Expr {
	pos := p.pos()
	switch p.tok.kind {
	case tPunct:
		if p.gotPunct("(") {
			e := p.expression()
			p.expectPunct(")")
			return &ast.Paren{X: e}
		}
	case tVar:
		return p.variable()
	case tString, tInteger, tDecimal, tDouble:
		return p.literal()
	case tIRI, tPName:
		r := p.iri()
		if !p.isPunct("(") {
			return r
		}
		c := &ast.Call{Pos: pos, IRI: r}
		p.argList(c)
		return c
	case tWord:
		w := p.tok.val
		switch {
		case w == "TRUE" || w == "FALSE":
			return p.literal()
		case w == "NOT" || w == "EXISTS":
			not := p.gotWord("NOT")
			p.expectWord("EXISTS")
			return &ast.Exists{Pos: pos, Not: not, Group: p.groupGraphPattern()}
		case ast.Aggregates[w]:
			return p.aggregate()
		}
		if ar, ok := builtins[w]; ok {
			p.advance()
			c := &ast.Call{Pos: pos, Name: w}
			if w == "BOUND" {
				p.expectPunct("(")
				c.Args = []ast.Expr{p.variable()}
				p.expectPunct(")")
				return c
			}
			p.expectPunct("(")
			if p.gotPunct(")") {
				c.NoArgs = true
			} else {
				for {
					c.Args = append(c.Args, p.expression())
					if !p.gotPunct(",") {
						break
					}
				}
				p.expectPunct(")")
			}
			if len(c.Args) < ar.min || ar.max >= 0 && len(c.Args) > ar.max {
				p.report(int(pos)-1, "%s takes %s, got %d", w, ar, len(c.Args))
			}
			return c
		}
	}
	p.unexpected("expression")
	return nil
}

func (p *parser) argList(c *ast.Call) {
	p.expectPunct("(")
	if p.gotPunct(")") {
		c.NoArgs = true
		return
	}
	c.Distinct = p.gotWord("DISTINCT")
	for {
		c.Args = append(c.Args, p.expression())
		if !p.gotPunct(",") {
			break
		}
	}
	p.expectPunct(")")
}

// aggregate is [127] Aggregate.
func (p *parser) aggregate() ast.Expr {
	c := &ast.Call{Pos: p.pos(), Name: p.tok.val}
	p.advance()
	p.expectPunct("(")
	c.Distinct = p.gotWord("DISTINCT")
	if c.Name == "COUNT" && p.gotPunct("*") {
		c.Star = true
	} else {
		c.Args = []ast.Expr{p.expression()}
	}
	if c.Name == "GROUP_CONCAT" && p.gotPunct(";") {
		p.expectWord("SEPARATOR")
		p.expectPunct("=")
		if p.tok.kind != tString {
			p.unexpected("string")
		}
		s := p.tok.val
		c.Separator = &s
		p.advance()
	}
	p.expectPunct(")")
	return c
}

type arity struct{ min, max int }

func (a arity) String() string {
	switch {
	case a.min == a.max:
		return fmt.Sprintf("%d arguments", a.min)
	case a.max < 0:
		return fmt.Sprintf("at least %d arguments", a.min)
	}
	return fmt.Sprintf("%d to %d arguments", a.min, a.max)
}

// builtins lists [121] BuiltInCall's keywords with their arities.
var builtins = map[string]arity{
	"STR": {1, 1}, "LANG": {1, 1}, "LANGMATCHES": {2, 2}, "DATATYPE": {1, 1}, "BOUND": {1, 1},
	"IRI": {1, 1}, "URI": {1, 1}, "BNODE": {0, 1}, "RAND": {0, 0}, "ABS": {1, 1}, "CEIL": {1, 1},
	"FLOOR": {1, 1}, "ROUND": {1, 1}, "CONCAT": {0, -1}, "STRLEN": {1, 1}, "UCASE": {1, 1},
	"LCASE": {1, 1}, "ENCODE_FOR_URI": {1, 1}, "CONTAINS": {2, 2}, "STRSTARTS": {2, 2},
	"STRENDS": {2, 2}, "STRBEFORE": {2, 2}, "STRAFTER": {2, 2}, "YEAR": {1, 1}, "MONTH": {1, 1},
	"DAY": {1, 1}, "HOURS": {1, 1}, "MINUTES": {1, 1}, "SECONDS": {1, 1}, "TIMEZONE": {1, 1},
	"TZ": {1, 1}, "NOW": {0, 0}, "UUID": {0, 0}, "STRUUID": {0, 0}, "MD5": {1, 1}, "SHA1": {1, 1},
	"SHA256": {1, 1}, "SHA384": {1, 1}, "SHA512": {1, 1}, "COALESCE": {0, -1}, "IF": {3, 3},
	"STRLANG": {2, 2}, "STRDT": {2, 2}, "SAMETERM": {2, 2}, "ISIRI": {1, 1}, "ISURI": {1, 1},
	"ISBLANK": {1, 1}, "ISLITERAL": {1, 1}, "ISNUMERIC": {1, 1}, "REGEX": {2, 3},
	"SUBSTR": {2, 3}, "REPLACE": {3, 4},
}
