// Package builtin is the SPARQL 1.1 operator and function library
// (https://www.w3.org/TR/sparql11-query/#SparqlOps, section 17) over docgraph's
// rdf terms, with XML Schema value semantics: numeric type promotion with
// exact decimals, string argument compatibility, dateTime accessors, the
// XPath constructor casts, and regular expressions in XPath syntax.
//
// Operators: EBV, Equal, Compare, Arith, Unary, OrderCompare. Functions:
// Call by upper-case name (STRLEN, REGEX, ...) or by datatype IRI for casts
// (xsd:integer(...)). The special forms BOUND, IF, COALESCE, IN, EXISTS,
// logical && || ! and the aggregates are the evaluator's job.
//
// Every failure is an *Error of a closed set of kinds (type error, unbound,
// invalid lexical form, ...), so the evaluator can apply SPARQL's error
// semantics (an error in FILTER is false, in BIND leaves the variable
// unbound).
package builtin

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/docgraph/docgraph/rdf"
)

// ErrorKind classifies evaluation errors.
type ErrorKind uint8

// The kinds of evaluation error.
const (
	// TypeError: an operand is not of a type the operator or function accepts.
	TypeError ErrorKind = iota + 1
	// Unbound: an argument is an unbound variable (nil).
	Unbound
	// InvalidLexical: a literal's lexical form is not valid for its datatype.
	InvalidLexical
	// DivisionByZero: integer or decimal division by zero.
	DivisionByZero
	// InvalidArgument: an argument of the right type but a bad value (regular
	// expression, IRI, language tag, cast out of range).
	InvalidArgument
	// WrongArity: the wrong number of arguments.
	WrongArity
	// UnknownFunction: no builtin of that name.
	UnknownFunction
)

func (k ErrorKind) String() string {
	switch k {
	case TypeError:
		return "type error"
	case Unbound:
		return "unbound variable"
	case InvalidLexical:
		return "invalid lexical form"
	case DivisionByZero:
		return "division by zero"
	case InvalidArgument:
		return "invalid argument"
	case WrongArity:
		return "wrong number of arguments"
	case UnknownFunction:
		return "unknown function"
	}
	return "error"
}

// Error is an evaluation error. Compare kinds with errors.Is against the
// sentinels ErrType, ErrUnbound, ...
type Error struct {
	Kind ErrorKind
	Func string // the function or operator, when known
	Msg  string
}

func (e *Error) Error() string {
	s := "sparql: "
	if e.Func != "" {
		s += e.Func + ": "
	}
	s += e.Kind.String()
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// Is reports whether target is the sentinel of e's kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && t.Func == "" && t.Msg == ""
}

// Sentinels for errors.Is.
var (
	ErrType            = &Error{Kind: TypeError}
	ErrUnbound         = &Error{Kind: Unbound}
	ErrInvalidLexical  = &Error{Kind: InvalidLexical}
	ErrDivisionByZero  = &Error{Kind: DivisionByZero}
	ErrInvalidArgument = &Error{Kind: InvalidArgument}
	ErrWrongArity      = &Error{Kind: WrongArity}
	ErrUnknownFunction = &Error{Kind: UnknownFunction}
)

func typeErr(format string, args ...any) error {
	return &Error{Kind: TypeError, Msg: fmt.Sprintf(format, args...)}
}

func argErr(format string, args ...any) error {
	return &Error{Kind: InvalidArgument, Msg: fmt.Sprintf(format, args...)}
}

func errInvalid(lex string, dt rdf.IRI) error {
	return &Error{Kind: InvalidLexical, Msg: fmt.Sprintf("%q is not a valid %s", lex, shortType(dt))}
}

func shortType(dt rdf.IRI) string {
	const xsd = "http://www.w3.org/2001/XMLSchema#"
	if len(dt) > len(xsd) && string(dt[:len(xsd)]) == xsd {
		return "xsd:" + string(dt[len(xsd):])
	}
	return dt.String()
}

// Env is the per-query state functions need: the base IRI for IRI(), the
// fixed time of NOW(), and the scopes of BNODE labels. Create one per query
// execution with NewEnv and call NextSolution before evaluating the
// expressions of each solution. An Env is safe for concurrent use.
type Env struct {
	// Base is the IRI that IRI() resolves relative IRIs against.
	Base string
	// Now is the value of NOW() throughout the query.
	Now time.Time
	// Rand returns RAND()'s values in [0, 1); nil uses math/rand/v2.
	Rand func() float64

	mu      sync.Mutex
	prefix  string // blank node label prefix, unique to this Env
	sol     uint64
	counter uint64
	labels  map[bnodeKey]rdf.BlankNode
	regexps map[regexKey]*regexp.Regexp
}

type bnodeKey struct {
	sol   uint64
	label string
}

type regexKey struct{ pattern, flags string }

// NewEnv returns an Env with the given base IRI and NOW() fixed to the current time.
func NewEnv(base string) *Env {
	return &Env{Base: base, Now: time.Now()}
}

// NextSolution starts a new solution scope: BNODE("x") returns the same blank
// node within one scope and a different one in the next.
func (e *Env) NextSolution() {
	e.mu.Lock()
	e.sol++
	e.mu.Unlock()
}

// bnode returns a fresh blank node, or the scope's node for label.
func (e *Env) bnode(label *string) rdf.BlankNode {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.prefix == "" {
		var b [6]byte
		_, _ = rand.Read(b[:])
		e.prefix = "q" + hex.EncodeToString(b[:]) + "n"
	}
	if label != nil {
		if e.labels == nil {
			e.labels = make(map[bnodeKey]rdf.BlankNode)
		}
		k := bnodeKey{e.sol, *label}
		if b, ok := e.labels[k]; ok {
			return b
		}
		e.counter++
		b := rdf.BlankNode(fmt.Sprintf("%s%d", e.prefix, e.counter))
		e.labels[k] = b
		return b
	}
	e.counter++
	return rdf.BlankNode(fmt.Sprintf("%s%d", e.prefix, e.counter))
}

// maxCachedRegexps bounds the compiled-pattern cache of one Env.
const maxCachedRegexps = 256

// regexp compiles an XPath pattern with flags, caching the result.
func (e *Env) regexp(pattern, flags string) (*regexp.Regexp, error) {
	k := regexKey{pattern, flags}
	e.mu.Lock()
	re, ok := e.regexps[k]
	e.mu.Unlock()
	if ok {
		return re, nil
	}
	re, err := compileXPath(pattern, flags)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	if e.regexps == nil || len(e.regexps) >= maxCachedRegexps {
		e.regexps = make(map[regexKey]*regexp.Regexp)
	}
	e.regexps[k] = re
	e.mu.Unlock()
	return re, nil
}

// function is one builtin: its arity bounds (max -1 = any) and body. Bodies
// receive non-nil arguments.
type function struct {
	min, max int
	fn       func(args []rdf.Term, env *Env) (rdf.Term, error)
}

// Arity returns the number of arguments the builtin name accepts (max -1
// means any number); ok is false for an unknown name. Casts are named by
// their datatype IRI.
func Arity(name string) (min, max int, ok bool) {
	if f, found := functions[name]; found {
		return f.min, f.max, true
	}
	if _, found := castTargets[rdf.IRI(name)]; found {
		return 1, 1, true
	}
	return 0, 0, false
}

// Call applies the builtin function name (upper case, "STRLEN") or the cast
// to the datatype IRI name to args. A nil argument is an unbound variable and
// gives an Unbound error. env may be nil when the function needs no
// per-query state; BNODE, NOW, RAND and IRI then use a fresh Env.
func Call(name string, args []rdf.Term, env *Env) (rdf.Term, error) {
	f, ok := functions[name]
	if !ok {
		if _, isCast := castTargets[rdf.IRI(name)]; isCast {
			f = function{1, 1, func(a []rdf.Term, _ *Env) (rdf.Term, error) { return Cast(rdf.IRI(name), a[0]) }}
		} else {
			return nil, &Error{Kind: UnknownFunction, Func: name}
		}
	}
	if len(args) < f.min || (f.max >= 0 && len(args) > f.max) {
		return nil, &Error{Kind: WrongArity, Func: name, Msg: fmt.Sprintf("got %d", len(args))}
	}
	for i, a := range args {
		if a == nil {
			return nil, &Error{Kind: Unbound, Func: name, Msg: fmt.Sprintf("argument %d", i+1)}
		}
	}
	if env == nil {
		env = NewEnv("")
	}
	t, err := f.fn(args, env)
	if err != nil {
		if e, ok := err.(*Error); ok && e.Func == "" {
			e2 := *e
			e2.Func = name
			return nil, &e2
		}
		return nil, err
	}
	return t, nil
}
