package builtin

import (
	"math"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// category groups literal datatypes whose values compare with each other.
type category uint8

const (
	catNumeric category = iota + 1
	catBoolean
	catString // simple literals and xsd:string
	catLang
	catDateTime
	catDate
	catOther // any other datatype, or an invalid lexical form
)

func classify(l rdf.Literal) category {
	switch {
	case l.Lang != "" || l.Datatype == rdf.RDFLangString:
		return catLang
	case l.Datatype == rdf.XSDString || l.Datatype == "":
		return catString
	case l.Datatype == vocab.XSDBoolean:
		return catBoolean
	case l.Datatype == vocab.XSDDateTime:
		return catDateTime
	case l.Datatype == vocab.XSDDate:
		return catDate
	case isNumericType(l.Datatype):
		return catNumeric
	}
	return catOther
}

// EBV returns the effective boolean value of t
// (https://www.w3.org/TR/sparql11-query/#ebv): booleans by value (false when
// the lexical form is invalid), strings by non-zero length, numerics by
// being neither zero nor NaN (false when invalid); anything else is a type
// error.
func EBV(t rdf.Term) (bool, error) {
	if t == nil {
		return false, &Error{Kind: Unbound, Func: "EBV"}
	}
	l, ok := t.(rdf.Literal)
	if !ok {
		return false, &Error{Kind: TypeError, Func: "EBV", Msg: "no boolean value for " + t.Kind().String()}
	}
	switch classify(l) {
	case catBoolean:
		b, valid := parseBool(l.Lexical)
		return valid && b, nil
	case catString, catLang:
		return l.Lexical != "", nil
	case catNumeric:
		n, _, err := parseNumber(l)
		if err != nil {
			return false, nil
		}
		if n.kind >= kFloat {
			return n.f != 0 && !math.IsNaN(n.f), nil
		}
		return n.rat.Sign() != 0, nil
	}
	return false, &Error{Kind: TypeError, Func: "EBV", Msg: "no boolean value for " + l.String()}
}

// Equal is the = operator (https://www.w3.org/TR/sparql11-query/#OperatorMapping):
// numerics, strings, booleans and dateTimes compare by value; other terms
// by RDFterm-equal. Literals of two different known datatype families are
// unequal; a literal of an unknown datatype, or with an invalid lexical form,
// is only equal to the same term, and different such terms give a type error.
func Equal(a, b rdf.Term) (bool, error) {
	if a == nil || b == nil {
		return false, &Error{Kind: Unbound, Func: "="}
	}
	la, oka := a.(rdf.Literal)
	lb, okb := b.(rdf.Literal)
	if !oka || !okb {
		return a == b, nil
	}
	c, ok, err := compareValues(la, lb)
	if err == nil && ok {
		return c == 0, nil
	}
	if err == nil && classify(la) == catNumeric && classify(lb) == catNumeric {
		return false, nil // NaN is equal to nothing
	}
	if sameLiteral(la, lb) {
		return true, nil
	}
	ca, cb := classify(la), classify(lb)
	if err == nil && ca != catOther && cb != catOther && ca != cb {
		return false, nil
	}
	if err == nil && ca == catLang && cb == catLang {
		return false, nil
	}
	if err != nil {
		return false, withFunc(err, "=")
	}
	return false, &Error{Kind: TypeError, Func: "=", Msg: "cannot compare " + la.String() + " and " + lb.String()}
}

func sameLiteral(a, b rdf.Literal) bool {
	return a.Lexical == b.Lexical && normDT(a) == normDT(b) && strings.EqualFold(a.Lang, b.Lang)
}

func withFunc(err error, f string) error {
	if e, ok := err.(*Error); ok {
		e2 := *e
		e2.Func = f
		return &e2
	}
	return err
}

// compareValues compares two literals of the same comparable family by
// value. ok is false when they are not comparable (different families,
// language-tagged strings with different tags, other datatypes, NaN, or
// indeterminate dateTimes); err is set for an invalid lexical form.
func compareValues(a, b rdf.Literal) (c int, ok bool, err error) {
	ca, cb := classify(a), classify(b)
	if ca != cb {
		return 0, false, nil
	}
	switch ca {
	case catNumeric:
		na, _, err := parseNumber(a)
		if err != nil {
			return 0, false, err
		}
		nb, _, err := parseNumber(b)
		if err != nil {
			return 0, false, err
		}
		k := max(na.kind, nb.kind)
		if k >= kFloat {
			x, y := na.to(k).f, nb.to(k).f
			switch {
			case math.IsNaN(x) || math.IsNaN(y):
				return 0, false, nil
			case x < y:
				return -1, true, nil
			case x > y:
				return 1, true, nil
			}
			return 0, true, nil
		}
		return na.rat.Cmp(nb.rat), true, nil
	case catString:
		return strings.Compare(a.Lexical, b.Lexical), true, nil
	case catLang:
		if !strings.EqualFold(a.Lang, b.Lang) {
			return 0, false, nil
		}
		return strings.Compare(a.Lexical, b.Lexical), true, nil
	case catBoolean:
		x, okx := parseBool(a.Lexical)
		y, oky := parseBool(b.Lexical)
		if !okx {
			return 0, false, errInvalid(a.Lexical, a.Datatype)
		}
		if !oky {
			return 0, false, errInvalid(b.Lexical, b.Datatype)
		}
		return boolInt(x) - boolInt(y), true, nil
	case catDateTime, catDate:
		if ca == catDate && validPlainDate(a.Lexical) && validPlainDate(b.Lexical) {
			// Four-digit years, no timezone: the text orders as the dates do.
			return strings.Compare(a.Lexical, b.Lexical), true, nil
		}
		x, err := parseDateTime(a.Lexical, a.Datatype)
		if err != nil {
			return 0, false, err
		}
		y, err := parseDateTime(b.Lexical, b.Datatype)
		if err != nil {
			return 0, false, err
		}
		c, ok := compareDateTimes(x, y)
		return c, ok, nil
	}
	return 0, false, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Compare applies a comparison operator: = != < > <= >=. The ordering
// operators accept two numerics, two simple/xsd:string literals, two
// booleans or two dateTimes (two dates); anything else is a type error.
func Compare(op string, a, b rdf.Term) (bool, error) {
	switch op {
	case "=":
		return Equal(a, b)
	case "!=":
		eq, err := Equal(a, b)
		if err != nil {
			return false, withFunc(err, "!=")
		}
		return !eq, nil
	case "<", ">", "<=", ">=":
	default:
		return false, &Error{Kind: UnknownFunction, Func: op}
	}
	if a == nil || b == nil {
		return false, &Error{Kind: Unbound, Func: op}
	}
	la, oka := a.(rdf.Literal)
	lb, okb := b.(rdf.Literal)
	if !oka || !okb {
		return false, &Error{Kind: TypeError, Func: op, Msg: "cannot order " + a.String() + " and " + b.String()}
	}
	ca := classify(la)
	if ca == catLang || ca == catOther {
		return false, &Error{Kind: TypeError, Func: op, Msg: "cannot order " + la.String()}
	}
	c, ok, err := compareValues(la, lb)
	if err != nil {
		return false, withFunc(err, op)
	}
	if !ok {
		if ca == catNumeric && classify(lb) == catNumeric {
			return false, nil // NaN compares false
		}
		return false, &Error{Kind: TypeError, Func: op, Msg: "cannot order " + la.String() + " and " + lb.String()}
	}
	switch op {
	case "<":
		return c < 0, nil
	case ">":
		return c > 0, nil
	case "<=":
		return c <= 0, nil
	}
	return c >= 0, nil
}

// OrderCompare is the ORDER BY order
// (https://www.w3.org/TR/sparql11-query/#modOrderBy): unbound (nil) < blank
// nodes < IRIs < literals. Literals of one comparable family order by value
// (numerics, booleans, strings, dateTimes); across families, and for equal
// values, a total fallback order by family, lexical form, datatype and
// language keeps sorting deterministic.
func OrderCompare(a, b rdf.Term) int {
	ra, rb := orderRank(a), orderRank(b)
	if ra != rb {
		return ra - rb
	}
	switch x := a.(type) {
	case nil:
		return 0
	case rdf.BlankNode:
		return strings.Compare(string(x), string(b.(rdf.BlankNode)))
	case rdf.IRI:
		return strings.Compare(string(x), string(b.(rdf.IRI)))
	}
	la, lb := a.(rdf.Literal), b.(rdf.Literal)
	if la.Datatype == lb.Datatype && la.Lang == lb.Lang {
		if la.Lexical == lb.Lexical {
			return 0
		}
		if la.Datatype == xsdDate && plainDate(la.Lexical) && plainDate(lb.Lexical) {
			// Dates without a time zone in four-digit years sort as text.
			return strings.Compare(la.Lexical, lb.Lexical)
		}
	}
	if la.Datatype == vocab.XSDInteger && lb.Datatype == vocab.XSDInteger {
		// Counts and the like: no need for arbitrary precision.
		if x, ok := smallInt(la.Lexical); ok {
			if y, ok := smallInt(lb.Lexical); ok {
				switch {
				case x < y:
					return -1
				case x > y:
					return 1
				}
				return fallbackOrder(la, lb)
			}
		}
	}
	if classify(la) == catNumeric && classify(lb) == catNumeric {
		// The common case of sorting numbers: parse each side once.
		na, _, errA := parseNumber(la)
		nb, _, errB := parseNumber(lb)
		if errA == nil && errB == nil {
			if c := compareNumbers(na, nb); c != 0 {
				return c
			}
			return fallbackOrder(la, lb)
		}
	}
	ca, cb := orderFamily(la), orderFamily(lb)
	if ca != cb {
		return int(ca) - int(cb)
	}
	if c, ok, err := compareValues(la, lb); err == nil && ok && c != 0 {
		return c
	}
	return fallbackOrder(la, lb)
}

// smallInt reads an xsd:integer lexical form of at most 18 digits, with
// an optional sign and nothing else.
func smallInt(lex string) (int64, bool) {
	neg := false
	if lex != "" && (lex[0] == '-' || lex[0] == '+') {
		neg = lex[0] == '-'
		lex = lex[1:]
	}
	if lex == "" || len(lex) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(lex); i++ {
		c := lex[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// compareNumbers orders two numbers by value, with NaN below everything.
func compareNumbers(a, b number) int {
	k := max(a.kind, b.kind)
	if k < kFloat {
		return a.rat.Cmp(b.rat)
	}
	x, y := a.to(k).f, b.to(k).f
	switch {
	case math.IsNaN(x) && math.IsNaN(y):
		return 0
	case math.IsNaN(x):
		return -1
	case math.IsNaN(y):
		return 1
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// fallbackOrder orders literals by lexical form, datatype and language.
func fallbackOrder(la, lb rdf.Literal) int {
	if c := strings.Compare(la.Lexical, lb.Lexical); c != 0 {
		return c
	}
	if c := strings.Compare(string(normDT(la)), string(normDT(lb))); c != 0 {
		return c
	}
	return strings.Compare(la.Lang, lb.Lang)
}

func orderRank(t rdf.Term) int {
	switch t.(type) {
	case nil:
		return 0
	case rdf.BlankNode:
		return 1
	case rdf.IRI:
		return 2
	}
	return 3
}

// orderFamily is classify with invalid numerics, booleans and dates moved to
// catOther, so that value order and fallback order never mix in one family.
func orderFamily(l rdf.Literal) category {
	c := classify(l)
	switch c {
	case catNumeric:
		if _, _, err := parseNumber(l); err != nil {
			return catOther
		}
	case catBoolean:
		if _, ok := parseBool(l.Lexical); !ok {
			return catOther
		}
	case catDateTime, catDate:
		if _, err := parseDateTime(l.Lexical, l.Datatype); err != nil {
			return catOther
		}
	}
	return c
}

const xsdDate = rdf.IRI("http://www.w3.org/2001/XMLSchema#date")

// plainDate reports whether s is a date of the form YYYY-MM-DD (a year of
// four digits, no sign, no time zone), whose text order is its time order.
func plainDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range 10 {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
