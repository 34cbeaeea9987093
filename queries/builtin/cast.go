package builtin

import (
	"math"
	"math/big"
	"strconv"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// castTargets are the datatypes Cast converts to: those SPARQL 17.5 lists,
// xsd:date, and the types derived from xsd:integer.
var castTargets = func() map[rdf.IRI]bool {
	m := map[rdf.IRI]bool{
		vocab.XSDString: true, vocab.XSDBoolean: true, vocab.XSDDecimal: true,
		xsdFloat: true, vocab.XSDDouble: true, vocab.XSDDateTime: true, vocab.XSDDate: true,
	}
	for dt := range integerTypes {
		m[dt] = true
	}
	return m
}()

// IsCast reports whether iri names a cast function (xsd:integer(...)).
func IsCast(iri rdf.IRI) bool { return castTargets[iri] }

// Cast converts t to the datatype dt following the XPath casting rules as
// SPARQL 17.5 restricts them: from xsd:string by parsing the lexical form,
// between numerics by value (truncating towards zero to integers), from and
// to booleans, from dateTime to date, and from anything but a blank node to
// xsd:string (the lexical form, or the IRI). Disallowed pairs are type
// errors; values the target cannot hold are InvalidArgument or
// InvalidLexical errors.
func Cast(dt rdf.IRI, t rdf.Term) (rdf.Term, error) {
	name := shortType(dt)
	r, err := cast(dt, t)
	if err != nil {
		return nil, withFunc(err, name)
	}
	return r, nil
}

func cast(dt rdf.IRI, t rdf.Term) (rdf.Term, error) {
	if !castTargets[dt] {
		return nil, &Error{Kind: UnknownFunction}
	}
	if t == nil {
		return nil, &Error{Kind: Unbound}
	}
	switch x := t.(type) {
	case rdf.BlankNode:
		return nil, typeErr("cannot cast a blank node")
	case rdf.IRI:
		if dt == vocab.XSDString {
			return rdf.NewString(string(x)), nil
		}
		return nil, typeErr("cannot cast an IRI to %s", shortType(dt))
	}
	l := t.(rdf.Literal)
	if dt == vocab.XSDString {
		if l.Lang != "" {
			return nil, typeErr("cannot cast a language-tagged string")
		}
		return rdf.NewString(xpathString(l)), nil
	}
	switch classify(l) {
	case catString:
		return castFromString(dt, l.Lexical)
	case catNumeric:
		n, _, err := parseNumber(l)
		if err != nil {
			return nil, err
		}
		return castNumber(dt, n)
	case catBoolean:
		b, ok := parseBool(l.Lexical)
		if !ok {
			return nil, errInvalid(l.Lexical, l.Datatype)
		}
		if dt == vocab.XSDBoolean {
			return boolLit(b), nil
		}
		return castNumber(dt, number{kind: kInteger, rat: big.NewRat(int64(boolInt(b)), 1)})
	case catDateTime, catDate:
		d, err := parseDateTime(l.Lexical, l.Datatype)
		if err != nil {
			return nil, err
		}
		switch dt {
		case vocab.XSDDateTime:
			if l.Datatype == vocab.XSDDateTime {
				return rdf.NewTyped(xsdTrim(l.Lexical), dt), nil
			}
			return rdf.NewTyped(dateLex(d)+"T00:00:00"+d.tzLex, dt), nil
		case vocab.XSDDate:
			return rdf.NewTyped(dateLex(d)+d.tzLex, dt), nil
		}
	}
	return nil, typeErr("cannot cast %v to %s", l, shortType(dt))
}

func dateLex(d dateTime) string {
	y := strconv.FormatInt(d.year, 10)
	neg := d.year < 0
	if neg {
		y = y[1:]
	}
	for len(y) < 4 {
		y = "0" + y
	}
	if neg {
		y = "-" + y
	}
	return y + "-" + pad2(d.month) + "-" + pad2(d.day)
}

func pad2(i int) string {
	if i < 10 {
		return "0" + strconv.Itoa(i)
	}
	return strconv.Itoa(i)
}

// castFromString parses lex as a value of dt and returns it in canonical form.
func castFromString(dt rdf.IRI, lex string) (rdf.Term, error) {
	lex = xsdTrim(lex)
	switch dt {
	case vocab.XSDBoolean:
		b, ok := parseBool(lex)
		if !ok {
			return nil, errInvalid(lex, dt)
		}
		return boolLit(b), nil
	case vocab.XSDDateTime, vocab.XSDDate:
		if _, err := parseDateTime(lex, dt); err != nil {
			return nil, err
		}
		return rdf.NewTyped(lex, dt), nil
	}
	n, err := parseNumberAs(lex, dt)
	if err != nil {
		return nil, err
	}
	return typedNumber(dt, n), nil
}

// typedNumber returns n as a literal of dt, which may be a type derived from
// xsd:integer.
func typedNumber(dt rdf.IRI, n number) rdf.Literal {
	l := n.literal()
	if n.kind == kInteger {
		l.Datatype = dt
	}
	return l
}

// castNumber converts a numeric value to dt.
func castNumber(dt rdf.IRI, n number) (rdf.Term, error) {
	switch dt {
	case vocab.XSDBoolean:
		if n.kind >= kFloat {
			return boolLit(n.f != 0 && !math.IsNaN(n.f)), nil
		}
		return boolLit(n.rat.Sign() != 0), nil
	case vocab.XSDDecimal:
		if n.kind >= kFloat {
			r, err := floatToRat(n.f, n.kind)
			if err != nil {
				return nil, err
			}
			return number{kind: kDecimal, rat: r}.literal(), nil
		}
		return number{kind: kDecimal, rat: n.rat}.literal(), nil
	case xsdFloat:
		return number{kind: kFloat, f: float64(float32(n.float()))}.literal(), nil
	case vocab.XSDDouble:
		return number{kind: kDouble, f: n.float()}.literal(), nil
	case vocab.XSDDateTime, vocab.XSDDate:
		return nil, typeErr("cannot cast a number to %s", shortType(dt))
	}
	// xsd:integer and its derived types: truncate towards zero.
	r := n.rat
	if n.kind >= kFloat {
		var err error
		if r, err = floatToRat(n.f, n.kind); err != nil {
			return nil, err
		}
	}
	i := new(big.Int).Quo(r.Num(), r.Denom())
	bounds := integerTypes[dt]
	if (bounds[0] != nil && i.Cmp(bounds[0]) < 0) || (bounds[1] != nil && i.Cmp(bounds[1]) > 0) {
		return nil, argErr("%s is out of the range of %s", i, shortType(dt))
	}
	return rdf.NewTyped(i.String(), dt), nil
}

// floatToRat converts a finite float to the decimal its shortest printed
// form denotes (so 0.1 stays 0.1, not the binary approximation).
func floatToRat(f float64, k numKind) (*big.Rat, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, argErr("%s has no decimal value", formatFloat(f, 64))
	}
	bits := 64
	if k == kFloat {
		bits = 32
	}
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, bits))
	return r, nil
}

// xpathString is the XPath string value of a literal
// (https://www.w3.org/TR/xpath-functions/#casting-to-string): numbers and
// booleans in canonical form, where integral decimals drop ".0" and doubles
// between 1e-6 and 1e6 are written without an exponent; other literals keep
// their lexical form.
func xpathString(l rdf.Literal) string {
	switch classify(l) {
	case catBoolean:
		if b, ok := parseBool(l.Lexical); ok {
			return strconv.FormatBool(b)
		}
	case catNumeric:
		n, _, err := parseNumber(l)
		if err != nil {
			break
		}
		switch n.kind {
		case kInteger:
			return n.rat.Num().String()
		case kDecimal:
			if n.rat.IsInt() {
				return n.rat.Num().String()
			}
			return formatDecimal(n.rat)
		}
		f, bits := n.f, 64
		if n.kind == kFloat {
			bits = 32
		}
		switch a := math.Abs(f); {
		case f == 0 && math.Signbit(f):
			return "-0"
		case f == 0:
			return "0"
		case a >= 1e-6 && a < 1e6:
			return strconv.FormatFloat(f, 'f', -1, bits)
		}
		return formatFloat(f, bits)
	}
	return l.Lexical
}
