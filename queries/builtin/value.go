package builtin

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// XSD datatypes the library knows, beyond those in package vocab.
const (
	xsdFloat    = rdf.IRI(vocab.XSD + "float")
	xsdTime     = rdf.IRI(vocab.XSD + "time")
	xsdDuration = rdf.IRI(vocab.XSD + "dayTimeDuration")
)

// numKind is a step of the numeric type promotion ladder
// (https://www.w3.org/TR/xpath-functions/#op.numeric).
type numKind uint8

const (
	kInteger numKind = iota
	kDecimal
	kFloat
	kDouble
)

func (k numKind) datatype() rdf.IRI {
	switch k {
	case kInteger:
		return vocab.XSDInteger
	case kDecimal:
		return vocab.XSDDecimal
	case kFloat:
		return xsdFloat
	}
	return vocab.XSDDouble
}

// number is a numeric value: exact (rat) for integers and decimals, f for
// floats and doubles.
type number struct {
	kind numKind
	rat  *big.Rat
	f    float64
}

// integerTypes are xsd:integer and the types derived from it, with their
// bounds (nil = unbounded).
var integerTypes = map[rdf.IRI][2]*big.Int{
	vocab.XSDInteger:                 {nil, nil},
	vocab.XSD + "nonPositiveInteger": {nil, big.NewInt(0)},
	vocab.XSD + "negativeInteger":    {nil, big.NewInt(-1)},
	vocab.XSD + "long":               {big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)},
	vocab.XSD + "int":                {big.NewInt(math.MinInt32), big.NewInt(math.MaxInt32)},
	vocab.XSD + "short":              {big.NewInt(math.MinInt16), big.NewInt(math.MaxInt16)},
	vocab.XSD + "byte":               {big.NewInt(math.MinInt8), big.NewInt(math.MaxInt8)},
	vocab.XSD + "nonNegativeInteger": {big.NewInt(0), nil},
	vocab.XSD + "unsignedLong":       {big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)},
	vocab.XSD + "unsignedInt":        {big.NewInt(0), big.NewInt(math.MaxUint32)},
	vocab.XSD + "unsignedShort":      {big.NewInt(0), big.NewInt(math.MaxUint16)},
	vocab.XSD + "unsignedByte":       {big.NewInt(0), big.NewInt(math.MaxUint8)},
	vocab.XSD + "positiveInteger":    {big.NewInt(1), nil},
}

// digits returns the length of the run of ASCII digits at the start of s.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func unsign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// isIntegerLex matches [+-]?[0-9]+.
func isIntegerLex(s string) bool {
	s = unsign(s)
	return s != "" && digits(s) == len(s)
}

// isDecimalLex matches [+-]?([0-9]+(.[0-9]*)?|.[0-9]+).
func isDecimalLex(s string) bool {
	s = unsign(s)
	n := digits(s)
	if n == len(s) {
		return n > 0
	}
	if s[n] != '.' {
		return false
	}
	m := digits(s[n+1:])
	return n+1+m == len(s) && n+m > 0
}

// isDoubleLex matches the xsd:double lexical space: a decimal with an
// optional exponent, or INF, -INF, +INF, NaN.
func isDoubleLex(s string) bool {
	switch s {
	case "INF", "-INF", "+INF", "NaN":
		return true
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if !isIntegerLex(exp) {
			return false
		}
	}
	return isDecimalLex(mant)
}

// isNumericType reports whether dt is one of the numeric datatypes.
func isNumericType(dt rdf.IRI) bool {
	if _, ok := integerTypes[dt]; ok {
		return true
	}
	return dt == vocab.XSDDecimal || dt == xsdFloat || dt == vocab.XSDDouble
}

// xsdTrim applies the whiteSpace=collapse facet of the XSD atomic types to a
// lexical form (leading and trailing white space is allowed).
func xsdTrim(s string) string { return strings.Trim(s, " \t\n\r") }

// parseNumber reads a numeric literal. ok is false when the literal is not of
// a numeric datatype; err is set when it is, but its lexical form is invalid.
func parseNumber(l rdf.Literal) (n number, ok bool, err error) {
	if !isNumericType(l.Datatype) {
		return n, false, nil
	}
	n, err = parseNumberAs(xsdTrim(l.Lexical), l.Datatype)
	return n, true, err
}

// parseNumberAs parses lexical as a value of the numeric datatype dt.
func parseNumberAs(lex string, dt rdf.IRI) (number, error) {
	switch {
	case dt == vocab.XSDDecimal:
		if !isDecimalLex(lex) {
			return number{}, errInvalid(lex, dt)
		}
		r, ok := new(big.Rat).SetString(strings.TrimPrefix(lex, "+"))
		if !ok {
			return number{}, errInvalid(lex, dt)
		}
		return number{kind: kDecimal, rat: r}, nil
	case dt == xsdFloat || dt == vocab.XSDDouble:
		if !isDoubleLex(lex) {
			return number{}, errInvalid(lex, dt)
		}
		var f float64
		switch strings.TrimPrefix(lex, "+") {
		case "INF":
			f = math.Inf(1)
		case "-INF":
			f = math.Inf(-1)
		case "NaN":
			f = math.NaN()
		default:
			var err error
			f, err = strconv.ParseFloat(lex, 64)
			if err != nil && !isRangeErr(err) {
				return number{}, errInvalid(lex, dt)
			}
		}
		if dt == xsdFloat {
			return number{kind: kFloat, f: float64(float32(f))}, nil
		}
		return number{kind: kDouble, f: f}, nil
	}
	bounds, ok := integerTypes[dt]
	if !ok || !isIntegerLex(lex) {
		return number{}, errInvalid(lex, dt)
	}
	if v, err := strconv.ParseInt(lex, 10, 64); err == nil && bounds[0] == nil && bounds[1] == nil {
		return number{kind: kInteger, rat: new(big.Rat).SetInt64(v)}, nil
	}
	i, ok := new(big.Int).SetString(strings.TrimPrefix(lex, "+"), 10)
	if !ok || (bounds[0] != nil && i.Cmp(bounds[0]) < 0) || (bounds[1] != nil && i.Cmp(bounds[1]) > 0) {
		return number{}, errInvalid(lex, dt)
	}
	return number{kind: kInteger, rat: new(big.Rat).SetInt(i)}, nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// float returns the value as a float64.
func (n number) float() float64 {
	if n.kind >= kFloat {
		return n.f
	}
	f, _ := n.rat.Float64()
	return f
}

// to converts n up the promotion ladder to kind k (k >= n.kind).
func (n number) to(k numKind) number {
	if k == n.kind {
		return n
	}
	switch k {
	case kDecimal:
		return number{kind: kDecimal, rat: n.rat}
	case kFloat:
		return number{kind: kFloat, f: float64(float32(n.float()))}
	}
	return number{kind: kDouble, f: n.float()}
}

// literal returns n in the canonical lexical form of its kind.
func (n number) literal() rdf.Literal {
	switch n.kind {
	case kInteger:
		return rdf.NewTyped(n.rat.Num().String(), vocab.XSDInteger)
	case kDecimal:
		return rdf.NewTyped(formatDecimal(n.rat), vocab.XSDDecimal)
	case kFloat:
		return rdf.NewTyped(formatFloat(n.f, 32), xsdFloat)
	}
	return rdf.NewTyped(formatFloat(n.f, 64), vocab.XSDDouble)
}

// maxDecimalDigits bounds the fraction digits printed for a decimal whose
// value has no finite decimal expansion (1/3).
const maxDecimalDigits = 24

// formatDecimal prints r in the canonical xsd:decimal form: no exponent, at
// least one digit on each side of the point, no trailing zeros beyond one.
func formatDecimal(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String() + ".0"
	}
	s := r.FloatString(maxDecimalDigits)
	if exact := finiteDigits(r); exact >= 0 && exact <= maxDecimalDigits {
		s = r.FloatString(exact)
	}
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s
}

// finiteDigits returns the number of fraction digits of r's exact decimal
// expansion, or -1 when it has none (denominator not of the form 2^a 5^b).
func finiteDigits(r *big.Rat) int {
	d := new(big.Int).Set(r.Denom())
	a := int(d.TrailingZeroBits())
	d.Rsh(d, uint(a))
	b := 0
	five, q, m := big.NewInt(5), new(big.Int), new(big.Int)
	for d.BitLen() > 1 {
		q.QuoRem(d, five, m)
		if m.Sign() != 0 {
			return -1
		}
		d, q = q, d
		b++
	}
	return max(a, b)
}

// formatFloat prints f in the canonical xsd:double/xsd:float form: one
// digit before the point, at least one after, an exponent ("1.5E2").
func formatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0E0"
		}
		return "0.0E0"
	}
	s := strconv.FormatFloat(f, 'E', -1, bits)
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// parseBool reads an xsd:boolean lexical form.
func parseBool(lex string) (bool, bool) {
	switch xsdTrim(lex) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// boolLit returns an xsd:boolean literal.
func boolLit(b bool) rdf.Literal {
	if b {
		return rdf.NewTyped("true", vocab.XSDBoolean)
	}
	return rdf.NewTyped("false", vocab.XSDBoolean)
}

// intLit returns an xsd:integer literal.
func intLit(i int64) rdf.Literal {
	return rdf.NewTyped(strconv.FormatInt(i, 10), vocab.XSDInteger)
}

// isStringLit reports whether t is a simple literal or xsd:string.
func isStringLit(t rdf.Term) (rdf.Literal, bool) {
	l, ok := t.(rdf.Literal)
	return l, ok && l.Lang == "" && (l.Datatype == rdf.XSDString || l.Datatype == "")
}

// isStringLike reports whether t is a string literal in the sense of SPARQL
// 17.4.3: simple, xsd:string or language-tagged.
func isStringLike(t rdf.Term) (rdf.Literal, bool) {
	l, ok := t.(rdf.Literal)
	return l, ok && (l.Lang != "" || l.Datatype == rdf.XSDString || l.Datatype == "" || l.Datatype == rdf.RDFLangString)
}
