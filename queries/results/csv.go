package results

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

// CSV: RFC 4180 with CRLF line ends; IRIs and literals are written as their
// bare string (lexical form), blank nodes as _:label, unbound as an empty
// field. The format loses datatypes and languages.
type csvEncoder struct {
	w   io.Writer
	buf strings.Builder
}

func newCSVEncoder(w io.Writer) *csvEncoder { return &csvEncoder{w: w} }

func (e *csvEncoder) line(fields []string) error {
	e.buf.Reset()
	for j, f := range fields {
		if j > 0 {
			e.buf.WriteByte(',')
		}
		if strings.ContainsAny(f, "\",\r\n") {
			e.buf.WriteByte('"')
			e.buf.WriteString(strings.ReplaceAll(f, `"`, `""`))
			e.buf.WriteByte('"')
		} else {
			e.buf.WriteString(f)
		}
	}
	e.buf.WriteString("\r\n")
	_, err := io.WriteString(e.w, e.buf.String())
	return err
}

func (e *csvEncoder) head(vars []string) error { return e.line(vars) }

func (e *csvEncoder) row(vars []string, row []rdf.Term, _ bool) error {
	fields := make([]string, len(vars))
	for j := range row {
		switch x := row[j].(type) {
		case rdf.IRI:
			fields[j] = string(x)
		case rdf.BlankNode:
			fields[j] = "_:" + string(x)
		case rdf.Literal:
			fields[j] = x.Lexical
		}
	}
	return e.line(fields)
}

func (e *csvEncoder) end() error { return nil }

// readCSV reads CSV results (RFC 4180; LF or CRLF line ends). As CSV keeps
// no term types, a field "_:x" is read as a blank node, an empty field as
// unbound, and anything else as a simple literal. Empty lines are solutions
// when there are fewer than two variables.
func readCSV(r io.Reader) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	recs, err := splitCSV(string(data))
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &SyntaxError{Format: CSV, Msg: "no header line"}
	}
	t := &Table{}
	if !(len(recs[0]) == 1 && recs[0][0] == "") {
		t.Vars = recs[0]
	}
	for n, rec := range recs[1:] {
		if len(t.Vars) == 0 {
			t.Rows = append(t.Rows, []rdf.Term{})
			continue
		}
		if len(rec) != len(t.Vars) {
			return nil, &SyntaxError{Format: CSV, Line: n + 2, Col: 1, Msg: fmt.Sprintf("%d fields for %d variables", len(rec), len(t.Vars))}
		}
		row := make([]rdf.Term, len(t.Vars))
		for j, f := range rec {
			switch {
			case f == "":
			case strings.HasPrefix(f, "_:"):
				row[j] = rdf.BlankNode(f[2:])
			default:
				row[j] = rdf.NewString(f)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// splitCSV splits a document into records of fields. The line break after
// the last record is optional.
func splitCSV(s string) ([][]string, error) {
	var recs [][]string
	var rec []string
	var field strings.Builder
	line, col := 1, 1
	for i := 0; i < len(s); {
		if s[i] == '"' && field.Len() == 0 {
			startLine, startCol := line, col
			i++
			closed := false
			for i < len(s) {
				c := s[i]
				if c == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						field.WriteByte('"')
						i += 2
						col += 2
						continue
					}
					i++
					col++
					closed = true
					break
				}
				if c == '\n' {
					line, col = line+1, 0
				}
				if !(c == '\r' && i+1 < len(s) && s[i+1] == '\n') {
					field.WriteByte(c)
				}
				i++
				col++
			}
			if !closed {
				return nil, &SyntaxError{Format: CSV, Line: startLine, Col: startCol, Msg: "unterminated quoted field"}
			}
			if i < len(s) && s[i] != ',' && s[i] != '\r' && s[i] != '\n' {
				return nil, &SyntaxError{Format: CSV, Line: line, Col: col, Msg: "text after a closing quote"}
			}
			continue
		}
		switch s[i] {
		case ',':
			rec = append(rec, field.String())
			field.Reset()
		case '\r', '\n':
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			recs = append(recs, append(rec, field.String()))
			rec = nil
			field.Reset()
			line, col = line+1, 0
		default:
			field.WriteByte(s[i])
		}
		i++
		col++
	}
	if field.Len() > 0 || rec != nil {
		recs = append(recs, append(rec, field.String()))
	}
	return recs, nil
}

// TSV: a header of ?-prefixed variables, then one line per solution with the
// terms in SPARQL/Turtle syntax; numbers and booleans in their short form.
type tsvEncoder struct {
	w   io.Writer
	buf strings.Builder
}

func (e *tsvEncoder) head(vars []string) error {
	e.buf.Reset()
	for j, v := range vars {
		if j > 0 {
			e.buf.WriteByte('\t')
		}
		e.buf.WriteString("?" + v)
	}
	e.buf.WriteByte('\n')
	_, err := io.WriteString(e.w, e.buf.String())
	return err
}

const xsdNS = "http://www.w3.org/2001/XMLSchema#"

var (
	tsvInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)
	tsvDecimal = regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`)
	tsvDouble  = regexp.MustCompile(`^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$`)
)

func (e *tsvEncoder) row(vars []string, row []rdf.Term, _ bool) error {
	e.buf.Reset()
	for j := range vars {
		if j > 0 {
			e.buf.WriteByte('\t')
		}
		if j < len(row) && row[j] != nil {
			e.buf.WriteString(TSVTerm(row[j]))
		}
	}
	e.buf.WriteByte('\n')
	_, err := io.WriteString(e.w, e.buf.String())
	return err
}

// TSVTerm returns t as a TSV field: N-Triples syntax, with integers,
// decimals, doubles and booleans in Turtle's short form when their lexical
// form allows it, and tabs escaped.
func TSVTerm(t rdf.Term) string {
	if l, ok := t.(rdf.Literal); ok && l.Lang == "" {
		switch l.Datatype {
		case xsdNS + "integer":
			if tsvInteger.MatchString(l.Lexical) {
				return l.Lexical
			}
		case xsdNS + "decimal":
			if tsvDecimal.MatchString(l.Lexical) {
				return l.Lexical
			}
		case xsdNS + "double":
			if tsvDouble.MatchString(l.Lexical) {
				return l.Lexical
			}
		case xsdNS + "boolean":
			if l.Lexical == "true" || l.Lexical == "false" {
				return l.Lexical
			}
		}
	}
	return strings.ReplaceAll(t.String(), "\t", `\t`)
}

func (e *tsvEncoder) end() error { return nil }

func readTSV(r io.Reader) (*Table, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, &SyntaxError{Format: TSV, Msg: "no header line"}
	}
	t := &Table{}
	header := strings.TrimRight(sc.Text(), "\r")
	if header != "" {
		for _, v := range strings.Split(header, "\t") {
			if !strings.HasPrefix(v, "?") && !strings.HasPrefix(v, "$") {
				return nil, &SyntaxError{Format: TSV, Line: 1, Col: 1, Msg: fmt.Sprintf("variable %q without '?'", v)}
			}
			t.Vars = append(t.Vars, v[1:])
		}
	}
	line := 1
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" && len(t.Vars) <= 1 {
			t.Rows = append(t.Rows, make([]rdf.Term, len(t.Vars)))
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != len(t.Vars) {
			return nil, &SyntaxError{Format: TSV, Line: line, Col: 1, Msg: fmt.Sprintf("%d fields for %d variables", len(fields), len(t.Vars))}
		}
		row := make([]rdf.Term, len(t.Vars))
		col := 1
		for j, f := range fields {
			if f != "" {
				term, err := ParseTerm(strings.TrimSpace(f))
				if err != nil {
					return nil, &SyntaxError{Format: TSV, Line: line, Col: col, Msg: err.Error()}
				}
				row[j] = term
			}
			col += len(f) + 1
		}
		t.Rows = append(t.Rows, row)
	}
	return t, sc.Err()
}

// ParseTerm reads one RDF term in SPARQL/Turtle syntax without prefixes:
// <iri>, _:label, "literal" with @lang or ^^<datatype>, a bare number or
// true/false.
func ParseTerm(s string) (rdf.Term, error) {
	switch {
	case s == "":
		return nil, fmt.Errorf("empty term")
	case s[0] == '<' && s[len(s)-1] == '>':
		v, err := unescape(s[1 : len(s)-1])
		if err != nil {
			return nil, err
		}
		return rdf.IRI(v), nil
	case strings.HasPrefix(s, "_:"):
		return rdf.BlankNode(s[2:]), nil
	case s == "true" || s == "false":
		return rdf.NewTyped(s, xsdNS+"boolean"), nil
	case tsvInteger.MatchString(s):
		return rdf.NewTyped(s, xsdNS+"integer"), nil
	case tsvDecimal.MatchString(s):
		return rdf.NewTyped(s, xsdNS+"decimal"), nil
	case tsvDouble.MatchString(s):
		return rdf.NewTyped(s, xsdNS+"double"), nil
	case s[0] == '"' || s[0] == '\'':
		q := s[0]
		end := -1
		for i := 1; i < len(s); i++ {
			if s[i] == '\\' {
				i++
				continue
			}
			if s[i] == q {
				end = i
				break
			}
		}
		if end < 0 {
			return nil, fmt.Errorf("unterminated literal %s", s)
		}
		lex, err := unescape(s[1:end])
		if err != nil {
			return nil, err
		}
		rest := s[end+1:]
		switch {
		case rest == "":
			return rdf.NewString(lex), nil
		case rest[0] == '@':
			return rdf.NewLangString(lex, rest[1:]), nil
		case strings.HasPrefix(rest, "^^<") && strings.HasSuffix(rest, ">"):
			return rdf.NewTyped(lex, rdf.IRI(rest[3:len(rest)-1])), nil
		}
		return nil, fmt.Errorf("bad literal suffix %q", rest)
	}
	return nil, fmt.Errorf("not an RDF term: %s", s)
}

// unescape resolves the string escapes of N-Triples and Turtle.
func unescape(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			sb.WriteByte(s[i])
			continue
		}
		i++
		if i >= len(s) {
			return "", fmt.Errorf("trailing backslash")
		}
		switch c := s[i]; c {
		case 't':
			sb.WriteByte('\t')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case '"', '\'', '\\':
			sb.WriteByte(c)
		case 'u', 'U':
			n := 4
			if c == 'U' {
				n = 8
			}
			if i+1+n > len(s) {
				return "", fmt.Errorf("short \\%c escape", c)
			}
			r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				return "", fmt.Errorf("bad \\%c escape", c)
			}
			sb.WriteRune(rune(r))
			i += n
		default:
			return "", fmt.Errorf("unknown escape \\%c", c)
		}
	}
	return sb.String(), nil
}
