package results

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/docgraph/docgraph/rdf"
)

type jsonEncoder struct {
	w   io.Writer
	buf []byte
}

func (e *jsonEncoder) head(vars []string) error {
	e.buf = append(e.buf[:0], "{\n  \"head\": {\n    \"vars\": ["...)
	for i, v := range vars {
		if i > 0 {
			e.buf = append(e.buf, ", "...)
		}
		e.buf = appendJSONString(e.buf, v)
	}
	e.buf = append(e.buf, "]\n  },\n  \"results\": {\n    \"bindings\": ["...)
	_, err := e.w.Write(e.buf)
	return err
}

func (e *jsonEncoder) row(vars []string, row []rdf.Term, first bool) error {
	b := e.buf[:0]
	if !first {
		b = append(b, ',')
	}
	b = append(b, "\n      {"...)
	n := 0
	for j, t := range row {
		if t == nil {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n        "...)
		b = appendJSONString(b, vars[j])
		b = append(b, ": "...)
		b = appendJSONTerm(b, t)
	}
	if n > 0 {
		b = append(b, "\n      "...)
	}
	b = append(b, '}')
	e.buf = b
	_, err := e.w.Write(b)
	return err
}

func (e *jsonEncoder) end() error {
	_, err := io.WriteString(e.w, "\n    ]\n  }\n}\n")
	return err
}

// appendJSONString appends s as a JSON string, escaping quotes, backslashes
// and control characters.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendJSONTerm(b []byte, t rdf.Term) []byte {
	switch x := t.(type) {
	case rdf.IRI:
		b = append(b, `{"type": "uri", "value": `...)
		b = appendJSONString(b, string(x))
	case rdf.BlankNode:
		b = append(b, `{"type": "bnode", "value": `...)
		b = appendJSONString(b, string(x))
	case rdf.Literal:
		b = append(b, `{"type": "literal", "value": `...)
		b = appendJSONString(b, x.Lexical)
		if x.Lang != "" {
			b = append(b, `, "xml:lang": `...)
			b = appendJSONString(b, x.Lang)
		} else if x.Datatype != "" && x.Datatype != rdf.XSDString {
			b = append(b, `, "datatype": `...)
			b = appendJSONString(b, string(x.Datatype))
		}
	}
	return append(b, '}')
}

// jsonDoc is the shape of a SPARQL JSON results document.
type jsonDoc struct {
	Head struct {
		Vars []string `json:"vars"`
	} `json:"head"`
	Results *struct {
		Bindings []map[string]jsonTerm `json:"bindings"`
	} `json:"results"`
	Boolean *bool `json:"boolean"`
}

type jsonTerm struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Lang     string `json:"xml:lang"`
	Datatype string `json:"datatype"`
}

func readJSON(r io.Reader) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc jsonDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		e := &SyntaxError{Format: JSON, Msg: err.Error()}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		off := int64(-1)
		if errors.As(err, &se) {
			off = se.Offset
		} else if errors.As(err, &te) {
			off = te.Offset
		}
		if off >= 0 {
			before := data[:min(int(off), len(data))]
			e.Line = bytes.Count(before, []byte("\n")) + 1
			e.Col = len(before) - bytes.LastIndexByte(before, '\n')
		}
		return nil, e
	}
	t := &Table{Vars: doc.Head.Vars}
	if doc.Boolean != nil {
		t.Boolean = doc.Boolean
		return t, nil
	}
	if doc.Results == nil {
		return nil, &SyntaxError{Format: JSON, Msg: `neither "results" nor "boolean"`}
	}
	index := map[string]int{}
	for i, v := range t.Vars {
		index[v] = i
	}
	for n, b := range doc.Results.Bindings {
		row := make([]rdf.Term, len(t.Vars))
		for name, jt := range b {
			j, ok := index[name]
			if !ok {
				return nil, &SyntaxError{Format: JSON, Msg: fmt.Sprintf("solution %d binds %q, which is not in head.vars", n+1, name)}
			}
			term, err := jt.term()
			if err != nil {
				return nil, &SyntaxError{Format: JSON, Msg: fmt.Sprintf("solution %d, %q: %v", n+1, name, err)}
			}
			row[j] = term
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func (jt jsonTerm) term() (rdf.Term, error) {
	switch jt.Type {
	case "uri":
		return rdf.IRI(jt.Value), nil
	case "bnode":
		return rdf.BlankNode(jt.Value), nil
	case "literal", "typed-literal":
		if jt.Lang != "" {
			return rdf.NewLangString(jt.Value, jt.Lang), nil
		}
		return rdf.NewTyped(jt.Value, rdf.IRI(jt.Datatype)), nil
	}
	return nil, fmt.Errorf("unknown term type %q", jt.Type)
}
