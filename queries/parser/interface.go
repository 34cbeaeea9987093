// Package parser reads SPARQL 1.1 query text into a syntax tree (package
// ast). It is a hand-written recursive-descent parser over a pull lexer,
// following the grammar of https://www.w3.org/TR/sparql11-query/#grammar.
//
// Errors carry the line and column of the offending token. SPARQL Update
// and SERVICE (federated query) are refused with an explicit error.
package parser

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/docgraph/docgraph/queries/ast"
)

// Options tune parsing.
type Options struct {
	// Filename, when set, prefixes error messages.
	Filename string
	// Trace, when set, receives one line per grammar production entered
	// (groups, expressions, nodes, paths), indented by nesting.
	Trace io.Writer
}

// Position is a place in the query text.
type Position struct {
	Filename string
	Offset   int // byte offset, from 0
	Line     int // from 1
	Column   int // from 1, in characters
}

func (p Position) String() string {
	s := fmt.Sprintf("line %d column %d", p.Line, p.Column)
	if p.Filename != "" {
		s = p.Filename + ": " + s
	}
	return s
}

// Error is a syntax error at a position.
type Error struct {
	Pos Position
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is a list of syntax errors, in the order found. After an error
// in an element of a group the parser skips to the next element and goes on,
// up to 10 errors; errors in tokens themselves end the parse.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil for an empty list, else the list itself.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// PositionOf converts a byte offset in text into a Position.
func PositionOf(text string, offset int) Position {
	if offset > len(text) {
		offset = len(text)
	}
	line := 1 + strings.Count(text[:offset], "\n")
	ls := strings.LastIndexByte(text[:offset], '\n') + 1
	return Position{Offset: offset, Line: line, Column: 1 + utf8.RuneCountInString(text[ls:offset])}
}

// ParseQuery parses one SPARQL query. On failure the error is an ErrorList.
func ParseQuery(text string, opt Options) (q *ast.Query, err error) {
	p := &parser{src: text, opt: opt}
	p.lex = lexer{src: text, p: p}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				p.errs = append(p.errs, &Error{Pos: p.position(p.tok.pos), Msg: fmt.Sprintf("internal parser error: %v", r)})
			}
			q, err = nil, p.errs
		}
	}()
	if !utf8.ValidString(text) {
		p.failAt(invalidUTF8(text), "query is not valid UTF-8")
	}
	p.advance()
	q = p.query()
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return q, nil
}

func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// Annotate renders a parse error for people: each error of the list, then
// the line of text it points into and a caret under the column.
func Annotate(text string, err error) string {
	var list ErrorList
	switch e := err.(type) {
	case ErrorList:
		list = e
	case *Error:
		list = ErrorList{e}
	default:
		return err.Error()
	}
	lines := strings.Split(text, "\n")
	var sb strings.Builder
	for _, e := range list {
		sb.WriteString(e.Error())
		sb.WriteByte('\n')
		if e.Pos.Line < 1 || e.Pos.Line > len(lines) {
			continue
		}
		line := strings.TrimRight(lines[e.Pos.Line-1], "\r")
		sb.WriteString(line)
		sb.WriteByte('\n')
		// Keep tabs so the caret lines up under them.
		col := 0
		for _, r := range line {
			if col >= e.Pos.Column-1 {
				break
			}
			if r == '\t' {
				sb.WriteByte('\t')
			} else {
				sb.WriteByte(' ')
			}
			col++
		}
		sb.WriteString("^\n")
	}
	return sb.String()
}
