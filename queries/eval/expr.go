package eval

import (
	"errors"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

var (
	// Held as terms, so that returning one does not box a copy.
	trueLit  rdf.Term = rdf.NewTyped("true", vocab.XSDBoolean)
	falseLit rdf.Term = rdf.NewTyped("false", vocab.XSDBoolean)
)

func boolTerm(b bool) rdf.Term {
	if b {
		return trueLit
	}
	return falseLit
}

var errUnboundVar = &builtin.Error{Kind: builtin.Unbound}

// truth is the effective boolean value of e, with errors counting as false
// (section 17.2, filter evaluation).
func (r *run) truth(e algebra.Expr, s solution, g graphCtx) bool {
	b, err := r.ebv(e, s, g)
	return err == nil && b
}

func (r *run) ebv(e algebra.Expr, s solution, g graphCtx) (bool, error) {
	v, err := r.expr(e, s, g)
	if err != nil {
		return false, err
	}
	switch v {
	case trueLit:
		return true, nil
	case falseLit:
		return false, nil
	}
	return builtin.EBV(v)
}

// expr evaluates an expression over a solution (section 17).
func (r *run) expr(e algebra.Expr, s solution, g graphCtx) (rdf.Term, error) {
	switch e := e.(type) {
	case algebra.Var:
		i, ok := r.p.slots[e]
		if !ok || s[i] == nil {
			return nil, errUnboundVar
		}
		return s[i], nil
	case *algebra.Const:
		return e.Term, nil
	case *algebra.Exists:
		found := false
		err := r.eval(e.X, s, g, func(solution) error {
			found = true
			return errStop
		})
		if err != nil && err != errStop {
			var ee *Error
			if errors.As(err, &ee) {
				return nil, err
			}
		}
		return boolTerm(found != e.Not), nil
	case *algebra.Call:
		return r.call(e, s, g)
	}
	return nil, &Error{Kind: Unsupported, Err: errors.New("expression")}
}

func (r *run) call(e *algebra.Call, s solution, g graphCtx) (rdf.Term, error) {
	switch e.Name {
	case "&&", "||":
		// Section 17.2: an error on one side is absorbed when the other
		// side decides the result.
		a, errA := r.ebv(e.Args[0], s, g)
		if errA == nil && a == (e.Name == "||") {
			return boolTerm(a), nil
		}
		b, errB := r.ebv(e.Args[1], s, g)
		if errB == nil && b == (e.Name == "||") {
			return boolTerm(b), nil
		}
		if errA != nil {
			return nil, errA
		}
		if errB != nil {
			return nil, errB
		}
		return boolTerm(b), nil
	case "!":
		b, err := r.ebv(e.Args[0], s, g)
		if err != nil {
			return nil, err
		}
		return boolTerm(!b), nil
	case "BOUND":
		v, ok := e.Args[0].(algebra.Var)
		if !ok {
			return nil, &builtin.Error{Kind: builtin.TypeError, Func: "BOUND"}
		}
		i, ok := r.p.slots[v]
		return boolTerm(ok && s[i] != nil), nil
	case "IF":
		c, err := r.ebv(e.Args[0], s, g)
		if err != nil {
			return nil, err
		}
		if c {
			return r.expr(e.Args[1], s, g)
		}
		return r.expr(e.Args[2], s, g)
	case "COALESCE":
		for _, a := range e.Args {
			if v, err := r.expr(a, s, g); err == nil && v != nil {
				return v, nil
			}
		}
		return nil, errUnboundVar
	case "IN", "NOTIN":
		x, err := r.expr(e.Args[0], s, g)
		if err != nil {
			return nil, err
		}
		var firstErr error
		for _, a := range e.Args[1:] {
			y, err := r.expr(a, s, g)
			if err == nil {
				var eq bool
				eq, err = builtin.Equal(x, y)
				if err == nil && eq {
					return boolTerm(e.Name == "IN"), nil
				}
			}
			if err != nil && firstErr == nil {
				firstErr = err
			}
		}
		if firstErr != nil {
			return nil, firstErr
		}
		return boolTerm(e.Name == "NOTIN"), nil
	}
	if e.Name == "=" || e.Name == "!=" {
		if x, c, ok := identityArgs(e); ok {
			v, err := r.expr(x, s, g)
			if err != nil {
				return nil, err
			}
			return boolTerm((v == c) == (e.Name == "=")), nil
		}
		if x, tag, ok := langCompareArgs(e); ok {
			v, err := r.expr(x, s, g)
			if err != nil {
				return nil, err
			}
			l, ok := v.(rdf.Literal)
			if !ok {
				return nil, &builtin.Error{Kind: builtin.TypeError, Func: "LANG"}
			}
			return boolTerm((l.Lang == tag) == (e.Name == "=")), nil
		}
	}
	if e.Name == "CONTAINS" {
		if x, str, sub, ok := lowerContainsArgs(e); ok {
			v, err := r.expr(x, s, g)
			if err != nil {
				return nil, err
			}
			b, err := builtin.LowerContains(v, str, sub)
			if err != nil {
				return nil, err
			}
			return boolTerm(b), nil
		}
	}
	args := make([]rdf.Term, len(e.Args))
	for i, a := range e.Args {
		v, err := r.expr(a, s, g)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	switch e.Name {
	case "=", "!=", "<", ">", "<=", ">=":
		b, err := builtin.Compare(e.Name, args[0], args[1])
		if err != nil {
			return nil, err
		}
		return boolTerm(b), nil
	case "+", "-", "*", "/":
		return builtin.Arith(e.Name[0], args[0], args[1])
	case "UMINUS":
		return builtin.Unary('-', args[0])
	case "UPLUS":
		return builtin.Unary('+', args[0])
	}
	return callBuiltin(e.Name, args, r.env)
}

// callBuiltin is the one place that dispatches to the function library.
func callBuiltin(name string, args []rdf.Term, env *builtin.Env) (rdf.Term, error) {
	return builtin.Call(name, args, env)
}

// lowerContainsArgs recognizes CONTAINS(LCASE(x), "sub") and
// CONTAINS(LCASE(STR(x)), "sub") with a simple literal "sub", which
// builtin.LowerContains computes without the intermediate strings.
func lowerContainsArgs(e *algebra.Call) (x algebra.Expr, str bool, sub string, ok bool) {
	if len(e.Args) != 2 {
		return nil, false, "", false
	}
	low, ok := e.Args[0].(*algebra.Call)
	if !ok || low.Name != "LCASE" || len(low.Args) != 1 {
		return nil, false, "", false
	}
	c, ok := e.Args[1].(*algebra.Const)
	if !ok {
		return nil, false, "", false
	}
	lit, ok := c.Term.(rdf.Literal)
	if !ok || lit.Lang != "" || lit.Datatype != rdf.XSDString {
		return nil, false, "", false
	}
	x = low.Args[0]
	if inner, ok := x.(*algebra.Call); ok && inner.Name == "STR" && len(inner.Args) == 1 {
		return inner.Args[0], true, lit.Lexical, true
	}
	return x, false, lit.Lexical, true
}

// langCompareArgs recognizes LANG(x) = "tag" and LANG(x) != "tag" with a
// simple literal "tag": the language tag compared as a string, without
// building a literal for it.
func langCompareArgs(e *algebra.Call) (x algebra.Expr, tag string, ok bool) {
	if len(e.Args) != 2 {
		return nil, "", false
	}
	lang, ok := e.Args[0].(*algebra.Call)
	if !ok || lang.Name != "LANG" || len(lang.Args) != 1 {
		return nil, "", false
	}
	c, ok := e.Args[1].(*algebra.Const)
	if !ok {
		return nil, "", false
	}
	lit, ok := c.Term.(rdf.Literal)
	if !ok || lit.Lang != "" || lit.Datatype != rdf.XSDString {
		return nil, "", false
	}
	return lang.Args[0], lit.Lexical, true
}

// identityArgs recognizes x = c and x != c (either way round) with c an
// IRI or blank node constant: such terms are equal only to themselves,
// and to anything else unequal without error (section 17.4.1.7).
func identityArgs(e *algebra.Call) (x algebra.Expr, c rdf.Term, ok bool) {
	if len(e.Args) != 2 {
		return nil, nil, false
	}
	for i, a := range e.Args {
		k, isConst := a.(*algebra.Const)
		if !isConst {
			continue
		}
		switch k.Term.(type) {
		case rdf.IRI, rdf.BlankNode:
			return e.Args[1-i], k.Term, true
		}
	}
	return nil, nil, false
}
