package builtin

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"math/big"
	mrand "math/rand/v2"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// functions maps upper-case names to builtins. Casts are handled in Call.
var functions = map[string]function{
	// 17.4.2 Functions on RDF terms
	"ISIRI":     {1, 1, isKind(rdf.KindIRI)},
	"ISURI":     {1, 1, isKind(rdf.KindIRI)},
	"ISBLANK":   {1, 1, isKind(rdf.KindBlank)},
	"ISLITERAL": {1, 1, isKind(rdf.KindLiteral)},
	"ISNUMERIC": {1, 1, fnIsNumeric},
	"STR":       {1, 1, fnStr},
	"LANG":      {1, 1, fnLang},
	"DATATYPE":  {1, 1, fnDatatype},
	"IRI":       {1, 1, fnIRI},
	"URI":       {1, 1, fnIRI},
	"BNODE":     {0, 1, fnBNode},
	"STRDT":     {2, 2, fnStrDT},
	"STRLANG":   {2, 2, fnStrLang},
	"UUID":      {0, 0, fnUUID},
	"STRUUID":   {0, 0, fnStrUUID},
	"SAMETERM":  {2, 2, fnSameTerm},
	// 17.4.3 Functions on strings
	"STRLEN":         {1, 1, fnStrLen},
	"SUBSTR":         {2, 3, fnSubstr},
	"UCASE":          {1, 1, caseFn(strings.ToUpper)},
	"LCASE":          {1, 1, caseFn(strings.ToLower)},
	"STRSTARTS":      {2, 2, strTest(strings.HasPrefix)},
	"STRENDS":        {2, 2, strTest(strings.HasSuffix)},
	"CONTAINS":       {2, 2, strTest(strings.Contains)},
	"STRBEFORE":      {2, 2, fnStrBefore},
	"STRAFTER":       {2, 2, fnStrAfter},
	"ENCODE_FOR_URI": {1, 1, fnEncodeForURI},
	"CONCAT":         {0, -1, fnConcat},
	"LANGMATCHES":    {2, 2, fnLangMatches},
	"REGEX":          {2, 3, fnRegex},
	"REPLACE":        {3, 4, fnReplace},
	// 17.4.4 Functions on numerics
	"ABS":   {1, 1, roundFn(func(r *big.Rat) *big.Rat { return new(big.Rat).Abs(r) }, math.Abs)},
	"ROUND": {1, 1, roundFn(ratRound, func(f float64) float64 { return math.Floor(f + 0.5) })},
	"CEIL":  {1, 1, roundFn(ratCeil, math.Ceil)},
	"FLOOR": {1, 1, roundFn(ratFloor, math.Floor)},
	"RAND":  {0, 0, fnRand},
	// 17.4.5 Functions on dates and times
	"NOW":      {0, 0, fnNow},
	"YEAR":     {1, 1, dateField(func(d dateTime) rdf.Term { return rdf.NewTyped(fmt.Sprint(d.year), vocab.XSDInteger) })},
	"MONTH":    {1, 1, dateField(func(d dateTime) rdf.Term { return intLit(int64(d.month)) })},
	"DAY":      {1, 1, dateField(func(d dateTime) rdf.Term { return intLit(int64(d.day)) })},
	"HOURS":    {1, 1, dateField(func(d dateTime) rdf.Term { return intLit(int64(d.hour)) })},
	"MINUTES":  {1, 1, dateField(func(d dateTime) rdf.Term { return intLit(int64(d.minute)) })},
	"SECONDS":  {1, 1, dateField(func(d dateTime) rdf.Term { return number{kind: kDecimal, rat: d.sec}.literal() })},
	"TIMEZONE": {1, 1, fnTimezone},
	"TZ":       {1, 1, dateField(func(d dateTime) rdf.Term { return rdf.NewString(d.tzLex) })},
	// 17.4.6 Hash functions
	"MD5":    {1, 1, hashFn(md5.New)},
	"SHA1":   {1, 1, hashFn(sha1.New)},
	"SHA256": {1, 1, hashFn(sha256.New)},
	"SHA384": {1, 1, hashFn(sha512.New384)},
	"SHA512": {1, 1, hashFn(sha512.New)},
}

func isKind(k rdf.Kind) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) { return boolLit(a[0].Kind() == k), nil }
}

func fnIsNumeric(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, ok := a[0].(rdf.Literal)
	if !ok {
		return boolLit(false), nil
	}
	_, isNum, err := parseNumber(l)
	return boolLit(isNum && err == nil), nil
}

func fnStr(a []rdf.Term, _ *Env) (rdf.Term, error) {
	switch x := a[0].(type) {
	case rdf.IRI:
		return rdf.NewString(string(x)), nil
	case rdf.Literal:
		return rdf.NewString(x.Lexical), nil
	}
	return nil, typeErr("STR of a blank node")
}

func fnLang(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, ok := a[0].(rdf.Literal)
	if !ok {
		return nil, typeErr("LANG of %v, not a literal", a[0].Kind())
	}
	return rdf.NewString(l.Lang), nil
}

func fnDatatype(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, ok := a[0].(rdf.Literal)
	if !ok {
		return nil, typeErr("DATATYPE of %v, not a literal", a[0].Kind())
	}
	if l.Lang != "" {
		return rdf.RDFLangString, nil
	}
	if l.Datatype == "" {
		return rdf.XSDString, nil
	}
	return l.Datatype, nil
}

func fnIRI(a []rdf.Term, env *Env) (rdf.Term, error) {
	switch x := a[0].(type) {
	case rdf.IRI:
		return x, nil
	case rdf.Literal:
		if _, ok := isStringLit(x); !ok {
			return nil, typeErr("IRI of %v", x)
		}
		s := x.Lexical
		if env.Base != "" {
			base, err := url.Parse(env.Base)
			ref, err2 := url.Parse(s)
			if err == nil && err2 == nil {
				s = base.ResolveReference(ref).String()
			}
		}
		iri, err := rdf.NewIRI(s)
		if err != nil {
			return nil, argErr("%v", err)
		}
		return iri, nil
	}
	return nil, typeErr("IRI of a blank node")
}

func fnBNode(a []rdf.Term, env *Env) (rdf.Term, error) {
	if len(a) == 0 {
		return env.bnode(nil), nil
	}
	l, ok := isStringLit(a[0])
	if !ok {
		return nil, typeErr("BNODE of %v, not a simple literal", a[0])
	}
	return env.bnode(&l.Lexical), nil
}

func fnStrDT(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, ok := isStringLit(a[0])
	if !ok {
		return nil, typeErr("STRDT of %v, not a simple literal", a[0])
	}
	dt, ok := a[1].(rdf.IRI)
	if !ok {
		return nil, typeErr("STRDT datatype %v is not an IRI", a[1])
	}
	if dt == rdf.RDFLangString {
		return nil, argErr("STRDT cannot make an rdf:langString")
	}
	return rdf.NewTyped(l.Lexical, dt), nil
}

var langTagRE = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)

func fnStrLang(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, ok := isStringLit(a[0])
	if !ok {
		return nil, typeErr("STRLANG of %v, not a simple literal", a[0])
	}
	tag, ok := isStringLit(a[1])
	if !ok {
		return nil, typeErr("STRLANG tag %v is not a simple literal", a[1])
	}
	if !langTagRE.MatchString(tag.Lexical) {
		return nil, argErr("%q is not a language tag", tag.Lexical)
	}
	return rdf.NewLangString(l.Lexical, tag.Lexical), nil
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func fnUUID([]rdf.Term, *Env) (rdf.Term, error) { return rdf.IRI("urn:uuid:" + newUUID()), nil }

func fnStrUUID([]rdf.Term, *Env) (rdf.Term, error) { return rdf.NewString(newUUID()), nil }

func fnSameTerm(a []rdf.Term, _ *Env) (rdf.Term, error) {
	la, oka := a[0].(rdf.Literal)
	lb, okb := a[1].(rdf.Literal)
	if oka && okb {
		return boolLit(la.Lexical == lb.Lexical && normDT(la) == normDT(lb) && strings.EqualFold(la.Lang, lb.Lang)), nil
	}
	return boolLit(a[0] == a[1]), nil
}

// normDT returns the literal's datatype with the RDF 1.1 defaults applied.
func normDT(l rdf.Literal) rdf.IRI {
	switch {
	case l.Lang != "":
		return rdf.RDFLangString
	case l.Datatype == "":
		return rdf.XSDString
	}
	return l.Datatype
}

// stringArg returns t as a string literal (simple, xsd:string or
// language-tagged), or a type error.
func stringArg(t rdf.Term) (rdf.Literal, error) {
	l, ok := isStringLike(t)
	if !ok {
		return l, typeErr("%v is not a string literal", t)
	}
	return l, nil
}

// simpleArg returns t as a simple literal or xsd:string, or a type error.
func simpleArg(t rdf.Term) (rdf.Literal, error) {
	l, ok := isStringLit(t)
	if !ok {
		return l, typeErr("%v is not a simple literal", t)
	}
	return l, nil
}

// compatible checks the argument compatibility rule of 17.4.3.1.2: the
// second argument is simple or has the first one's language tag.
func compatible(a, b rdf.Term) (la, lb rdf.Literal, err error) {
	if la, err = stringArg(a); err != nil {
		return
	}
	if lb, err = stringArg(b); err != nil {
		return
	}
	if lb.Lang != "" && !strings.EqualFold(la.Lang, lb.Lang) {
		err = typeErr("incompatible arguments %v and %v", a, b)
	}
	return
}

// like returns s with the language tag or datatype of l.
func like(l rdf.Literal, s string) rdf.Literal {
	l.Lexical = s
	return l
}

func fnStrLen(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, err := stringArg(a[0])
	if err != nil {
		return nil, err
	}
	return intLit(int64(utf8.RuneCountInString(l.Lexical))), nil
}

// fnSubstr is fn:substring: the characters at 1-based positions p with
// round(start) <= p < round(start) + round(length).
func fnSubstr(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, err := stringArg(a[0])
	if err != nil {
		return nil, err
	}
	start, err := numArg(a[1])
	if err != nil {
		return nil, err
	}
	from := xpathRound(start.float())
	to := math.Inf(1)
	if len(a) == 3 {
		n, err := numArg(a[2])
		if err != nil {
			return nil, err
		}
		to = from + xpathRound(n.float())
	}
	var sb strings.Builder
	p := 1.0
	for _, r := range l.Lexical {
		if p >= from && p < to {
			sb.WriteRune(r)
		}
		p++
	}
	return like(l, sb.String()), nil
}

func xpathRound(f float64) float64 { return math.Floor(f + 0.5) }

// numArg returns t as a valid numeric value.
func numArg(t rdf.Term) (number, error) {
	l, ok := t.(rdf.Literal)
	if !ok {
		return number{}, typeErr("%v is not numeric", t)
	}
	n, isNum, err := parseNumber(l)
	if !isNum {
		return number{}, typeErr("%v is not numeric", t)
	}
	return n, err
}

func caseFn(f func(string) string) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) {
		l, err := stringArg(a[0])
		if err != nil {
			return nil, err
		}
		return like(l, f(l.Lexical)), nil
	}
}

func strTest(f func(s, sub string) bool) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) {
		la, lb, err := compatible(a[0], a[1])
		if err != nil {
			return nil, err
		}
		return boolLit(f(la.Lexical, lb.Lexical)), nil
	}
}

func fnStrBefore(a []rdf.Term, _ *Env) (rdf.Term, error) {
	la, lb, err := compatible(a[0], a[1])
	if err != nil {
		return nil, err
	}
	i := strings.Index(la.Lexical, lb.Lexical)
	if i < 0 {
		return rdf.NewString(""), nil
	}
	return like(la, la.Lexical[:i]), nil
}

func fnStrAfter(a []rdf.Term, _ *Env) (rdf.Term, error) {
	la, lb, err := compatible(a[0], a[1])
	if err != nil {
		return nil, err
	}
	i := strings.Index(la.Lexical, lb.Lexical)
	if i < 0 {
		return rdf.NewString(""), nil
	}
	return like(la, la.Lexical[i+len(lb.Lexical):]), nil
}

func fnEncodeForURI(a []rdf.Term, _ *Env) (rdf.Term, error) {
	l, err := stringArg(a[0])
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	for _, c := range []byte(l.Lexical) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, "%%%02X", c)
		}
	}
	return rdf.NewString(sb.String()), nil
}

func fnConcat(a []rdf.Term, _ *Env) (rdf.Term, error) {
	var sb strings.Builder
	var lang string
	sameLang := true
	for i, t := range a {
		l, err := stringArg(t)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			lang = l.Lang
		} else if !strings.EqualFold(lang, l.Lang) {
			sameLang = false
		}
		sb.WriteString(l.Lexical)
	}
	if sameLang && lang != "" {
		return rdf.NewLangString(sb.String(), lang), nil
	}
	return rdf.NewString(sb.String()), nil
}

// fnLangMatches is RFC 4647 basic filtering, as SPARQL 17.4.3.16 requires.
func fnLangMatches(a []rdf.Term, _ *Env) (rdf.Term, error) {
	tag, err := simpleArg(a[0])
	if err != nil {
		return nil, err
	}
	rng, err := simpleArg(a[1])
	if err != nil {
		return nil, err
	}
	t, r := strings.ToLower(tag.Lexical), strings.ToLower(rng.Lexical)
	if r == "*" {
		return boolLit(t != ""), nil
	}
	return boolLit(t == r || strings.HasPrefix(t, r+"-")), nil
}

func fnRegex(a []rdf.Term, env *Env) (rdf.Term, error) {
	text, err := stringArg(a[0])
	if err != nil {
		return nil, err
	}
	re, _, err := regexArg(a[1], a[2:], env)
	if err != nil {
		return nil, err
	}
	return boolLit(re.MatchString(text.Lexical)), nil
}

// regexArg compiles the pattern argument of REGEX or REPLACE with its
// optional flags argument (flags holds it, or nothing), and returns the flags.
func regexArg(pattern rdf.Term, flags []rdf.Term, env *Env) (*regexp.Regexp, string, error) {
	pat, err := simpleArg(pattern)
	if err != nil {
		return nil, "", err
	}
	fl := ""
	if len(flags) > 0 {
		f, err := simpleArg(flags[0])
		if err != nil {
			return nil, "", err
		}
		fl = f.Lexical
	}
	re, err := env.regexp(pat.Lexical, fl)
	return re, fl, err
}

func fnReplace(a []rdf.Term, env *Env) (rdf.Term, error) {
	text, err := stringArg(a[0])
	if err != nil {
		return nil, err
	}
	repl, err := simpleArg(a[2])
	if err != nil {
		return nil, err
	}
	re, flags, err := regexArg(a[1], a[3:], env)
	if err != nil {
		return nil, err
	}
	if re.MatchString("") {
		return nil, argErr("pattern %q matches the empty string", a[1].(rdf.Literal).Lexical)
	}
	tmpl := repl.Lexical
	if !strings.Contains(flags, "q") {
		if tmpl, err = xpathReplacement(repl.Lexical, re.NumSubexp()); err != nil {
			return nil, err
		}
	} else {
		tmpl = strings.ReplaceAll(tmpl, "$", "$$")
	}
	return like(text, re.ReplaceAllString(text.Lexical, tmpl)), nil
}

func roundFn(exact func(*big.Rat) *big.Rat, float func(float64) float64) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) {
		n, err := numArg(a[0])
		if err != nil {
			return nil, err
		}
		if n.kind >= kFloat {
			n.f = float(n.f)
			if n.kind == kFloat {
				n.f = float64(float32(n.f))
			}
		} else {
			n.rat = exact(n.rat)
		}
		return n.literal(), nil
	}
}

func ratFloor(r *big.Rat) *big.Rat {
	q := new(big.Int).Div(r.Num(), r.Denom()) // Euclidean: floor for positive denominators
	return new(big.Rat).SetInt(q)
}

func ratCeil(r *big.Rat) *big.Rat {
	f := ratFloor(r)
	if f.Cmp(r) == 0 {
		return f
	}
	return f.Add(f, big.NewRat(1, 1))
}

// ratRound rounds half up (towards positive infinity), as fn:round does.
func ratRound(r *big.Rat) *big.Rat {
	return ratFloor(new(big.Rat).Add(r, big.NewRat(1, 2)))
}

func fnRand(_ []rdf.Term, env *Env) (rdf.Term, error) {
	f := mrand.Float64
	if env.Rand != nil {
		f = env.Rand
	}
	return number{kind: kDouble, f: f()}.literal(), nil
}

func hashFn(h func() hash.Hash) func([]rdf.Term, *Env) (rdf.Term, error) {
	return func(a []rdf.Term, _ *Env) (rdf.Term, error) {
		l, err := simpleArg(a[0])
		if err != nil {
			return nil, err
		}
		w := h()
		w.Write([]byte(l.Lexical))
		return rdf.NewString(hex.EncodeToString(w.Sum(nil))), nil
	}
}
