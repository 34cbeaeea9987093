package builtin

import (
	"math"
	"math/big"

	"github.com/docgraph/docgraph/rdf"
)

// Arith applies a binary arithmetic operator + - * / to two numeric literals
// (https://www.w3.org/TR/xpath-functions/#op.numeric). Operands are
// promoted along integer -> decimal -> float -> double; integer and decimal
// arithmetic is exact, and the division of two integers is a decimal.
// Integer or decimal division by zero is an error; float and double follow
// IEEE 754 (INF, NaN).
func Arith(op byte, a, b rdf.Term) (rdf.Term, error) {
	name := string(op)
	if op != '+' && op != '-' && op != '*' && op != '/' {
		return nil, &Error{Kind: UnknownFunction, Func: name}
	}
	if a == nil || b == nil {
		return nil, &Error{Kind: Unbound, Func: name}
	}
	x, err := numArg(a)
	if err != nil {
		return nil, withFunc(err, name)
	}
	y, err := numArg(b)
	if err != nil {
		return nil, withFunc(err, name)
	}
	k := max(x.kind, y.kind)
	if op == '/' && k == kInteger {
		k = kDecimal
	}
	x, y = x.to(k), y.to(k)
	if k >= kFloat {
		var f float64
		switch op {
		case '+':
			f = x.f + y.f
		case '-':
			f = x.f - y.f
		case '*':
			f = x.f * y.f
		case '/':
			f = x.f / y.f
		}
		if k == kFloat {
			f = float64(float32(f))
		}
		return number{kind: k, f: f}.literal(), nil
	}
	r := new(big.Rat)
	switch op {
	case '+':
		r.Add(x.rat, y.rat)
	case '-':
		r.Sub(x.rat, y.rat)
	case '*':
		r.Mul(x.rat, y.rat)
	case '/':
		if y.rat.Sign() == 0 {
			return nil, &Error{Kind: DivisionByZero, Func: name}
		}
		r.Quo(x.rat, y.rat)
	}
	return number{kind: k, rat: r}.literal(), nil
}

// Unary applies unary + or - to a numeric literal. Unary plus returns the
// value in canonical form.
func Unary(op byte, a rdf.Term) (rdf.Term, error) {
	name := "unary " + string(op)
	if op != '+' && op != '-' {
		return nil, &Error{Kind: UnknownFunction, Func: name}
	}
	if a == nil {
		return nil, &Error{Kind: Unbound, Func: name}
	}
	n, err := numArg(a)
	if err != nil {
		return nil, withFunc(err, name)
	}
	if op == '-' {
		if n.kind >= kFloat {
			n.f = -n.f
		} else {
			n.rat = new(big.Rat).Neg(n.rat)
		}
	}
	return n.literal(), nil
}

// Numeric returns the value of a valid numeric literal as a float64; ok is
// false for other terms. It lets aggregates and the optimizer peek at numbers.
func Numeric(t rdf.Term) (f float64, ok bool) {
	l, isLit := t.(rdf.Literal)
	if !isLit {
		return math.NaN(), false
	}
	n, isNum, err := parseNumber(l)
	if !isNum || err != nil {
		return math.NaN(), false
	}
	return n.float(), true
}
