package queries

import (
	"fmt"
	"maps"
	"slices"

	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/rdf"
)

// PrepareWith prepares a query whose variables named in params are bound
// before it runs: a one-row VALUES block is put first in the WHERE pattern,
// so filters of the top group see the values, and the values never pass
// through query text (no escaping to get wrong, no injection).
func PrepareWith(text string, opt Options, params map[string]rdf.Term) (*Prepared, error) {
	if len(params) == 0 {
		return Prepare(text, opt)
	}
	q, err := parser.ParseQuery(text, parser.Options{Filename: opt.Filename})
	if err != nil {
		return nil, err
	}
	if q.Where == nil {
		return nil, fmt.Errorf("query has no WHERE pattern to bind parameters in")
	}
	values := &ast.InlineData{Rows: [][]ast.Term{nil}}
	for _, name := range slices.Sorted(maps.Keys(params)) {
		t, err := astTerm(params[name])
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", name, err)
		}
		values.Vars = append(values.Vars, &ast.Var{Name: name})
		values.Rows[0] = append(values.Rows[0], t)
	}
	where := *q.Where
	if where.SubSelect != nil {
		where = ast.GroupGraphPattern{Elems: []ast.PatternElem{q.Where}}
	}
	where.Elems = append([]ast.PatternElem{values}, where.Elems...)
	q2 := *q
	q2.Where = &where
	// Print the bound query and prepare it: the parameters are terms of the
	// syntax tree, printed by the AST printer with its own escaping.
	return Prepare(ast.Format(&q2), opt)
}

func astTerm(t rdf.Term) (ast.Term, error) {
	switch x := t.(type) {
	case rdf.IRI:
		return &ast.IRIRef{IRI: string(x)}, nil
	case rdf.Literal:
		l := &ast.Literal{Kind: ast.StringLit, Lexical: x.Lexical, Lang: x.Lang}
		if x.Lang == "" && x.Datatype != rdf.XSDString && x.Datatype != "" {
			l.Datatype = &ast.IRIRef{IRI: string(x.Datatype)}
		}
		return l, nil
	}
	return nil, fmt.Errorf("a %s cannot be a parameter", t.Kind())
}
