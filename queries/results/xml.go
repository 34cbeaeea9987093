package results

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/docgraph/docgraph/rdf"
)

const (
	xmlHeader = "<?xml version=\"1.0\"?>\n"
	xmlNS     = "http://www.w3.org/2005/sparql-results#"
	xmlLangNS = "http://www.w3.org/XML/1998/namespace"
)

type xmlEncoder struct {
	w   io.Writer
	buf bytes.Buffer
}

func (e *xmlEncoder) head(vars []string) error {
	e.buf.Reset()
	e.buf.WriteString(xmlHeader + "<sparql xmlns=\"" + xmlNS + "\">\n  <head>\n")
	for _, v := range vars {
		e.buf.WriteString("    <variable name=\"")
		xmlEscape(&e.buf, v)
		e.buf.WriteString("\"/>\n")
	}
	e.buf.WriteString("  </head>\n  <results>\n")
	_, err := e.w.Write(e.buf.Bytes())
	return err
}

func (e *xmlEncoder) row(vars []string, row []rdf.Term, _ bool) error {
	b := &e.buf
	b.Reset()
	b.WriteString("    <result>\n")
	for j, t := range row {
		if t == nil {
			continue
		}
		b.WriteString("      <binding name=\"")
		xmlEscape(b, vars[j])
		b.WriteString("\">")
		switch x := t.(type) {
		case rdf.IRI:
			b.WriteString("<uri>")
			xmlEscape(b, string(x))
			b.WriteString("</uri>")
		case rdf.BlankNode:
			b.WriteString("<bnode>")
			xmlEscape(b, string(x))
			b.WriteString("</bnode>")
		case rdf.Literal:
			b.WriteString("<literal")
			if x.Lang != "" {
				b.WriteString(" xml:lang=\"")
				xmlEscape(b, x.Lang)
				b.WriteString("\"")
			} else if x.Datatype != "" && x.Datatype != rdf.XSDString {
				b.WriteString(" datatype=\"")
				xmlEscape(b, string(x.Datatype))
				b.WriteString("\"")
			}
			b.WriteString(">")
			xmlEscape(b, x.Lexical)
			b.WriteString("</literal>")
		}
		b.WriteString("</binding>\n")
	}
	b.WriteString("    </result>\n")
	_, err := e.w.Write(b.Bytes())
	return err
}

func (e *xmlEncoder) end() error {
	_, err := io.WriteString(e.w, "  </results>\n</sparql>\n")
	return err
}

// xmlEscape escapes text for element content and attribute values; line
// breaks and tabs stay as characters references so attribute values keep them.
func xmlEscape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s))
}

func readXML(r io.Reader) (*Table, error) {
	dec := xml.NewDecoder(r)
	t := &Table{}
	var (
		row     []rdf.Term
		inRes   bool
		varName string
		index   = map[string]int{}
	)
	fail := func(format string, args ...any) (*Table, error) {
		line, col := dec.InputPos()
		return nil, &SyntaxError{Format: XML, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	seenRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail("%v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "result" && inRes {
				t.Rows = append(t.Rows, row)
				inRes = false
			}
			continue
		}
		if se.Name.Space != xmlNS {
			if se.Name.Space == "" && !seenRoot {
				return fail("root element <%s> is not in the SPARQL results namespace", se.Name.Local)
			}
			continue
		}
		seenRoot = true
		switch se.Name.Local {
		case "variable":
			name := attr(se, "", "name")
			index[name] = len(t.Vars)
			t.Vars = append(t.Vars, name)
		case "boolean":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				return fail("%v", err)
			}
			b := strings.TrimSpace(s) == "true"
			if !b && strings.TrimSpace(s) != "false" {
				return fail("boolean %q", s)
			}
			t.Boolean = &b
		case "result":
			row = make([]rdf.Term, len(t.Vars))
			inRes = true
			varName = ""
		case "binding":
			varName = attr(se, "", "name")
			if _, ok := index[varName]; !ok {
				return fail("binding of %q, which is not a declared variable", varName)
			}
		case "uri", "bnode", "literal":
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				return fail("%v", err)
			}
			if !inRes {
				return fail("<%s> outside a result", se.Name.Local)
			}
			col, ok := index[varName]
			if !ok {
				return fail("<%s> outside a binding", se.Name.Local)
			}
			var term rdf.Term
			switch se.Name.Local {
			case "uri":
				term = rdf.IRI(strings.TrimSpace(s))
			case "bnode":
				term = rdf.BlankNode(strings.TrimSpace(s))
			default:
				if lang := attr(se, xmlLangNS, "lang"); lang != "" {
					term = rdf.NewLangString(s, lang)
				} else {
					term = rdf.NewTyped(s, rdf.IRI(attr(se, "", "datatype")))
				}
			}
			row[col] = term
		}
	}
	if !seenRoot {
		return fail("no <sparql> element")
	}
	return t, nil
}

func attr(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == space || space == xmlLangNS && a.Name.Space == "xml") {
			return a.Value
		}
	}
	return ""
}
