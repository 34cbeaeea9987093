package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// rdfxmlEncoder writes RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/):
// one rdf:Description per run of statements with one subject, each
// statement a property element named by the predicate's qualified name.
// The prefixes of Options are declared on rdf:RDF; a predicate whose
// namespace is not among them declares it as the default namespace of its
// own element, so nothing needs to be known in advance and the writer
// streams. Graph
// names are dropped. A predicate that cannot be split into a namespace
// and an XML name cannot be written in RDF/XML and is rejected.
type rdfxmlEncoder struct {
	w       *bufio.Writer
	opt     Options
	ns      map[string]string // namespace IRI -> declared prefix
	names   map[string]bool   // declared prefix names
	group   []rdf.Quad        // statements of the current subject
	started bool
	closed  bool
	err     error
}

func newRDFXMLEncoder(w io.Writer, opt Options) *rdfxmlEncoder {
	e := &rdfxmlEncoder{w: bufio.NewWriterSize(w, 64<<10), opt: opt,
		ns: map[string]string{vocab.RDF: "rdf"}, names: map[string]bool{"rdf": true}}
	return e
}

func (e *rdfxmlEncoder) header() {
	e.started = true
	e.w.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF\n    xmlns:rdf=\"" + xmlEscape(vocab.RDF, true) + "\"")
	for _, p := range e.opt.prefixes() {
		lower := strings.ToLower(p.Name)
		if e.names[p.Name] || !isNCName(p.Name) || strings.HasPrefix(lower, "xml") {
			continue
		}
		if _, dup := e.ns[p.IRI]; dup {
			continue
		}
		if _, err := rdf.NewIRI(p.IRI); err != nil {
			continue
		}
		e.ns[p.IRI], e.names[p.Name] = p.Name, true
		e.w.WriteString("\n    xmlns:" + p.Name + "=\"" + xmlEscape(p.IRI, true) + "\"")
	}
	e.w.WriteString(">\n")
}

func (e *rdfxmlEncoder) Encode(q rdf.Quad) error {
	if e.closed {
		return ErrClosed
	}
	if e.err != nil {
		return e.err
	}
	if err := checkQuad(q); err != nil {
		return err
	}
	if !e.opt.keep(q) {
		return nil
	}
	if _, _, ok := splitQName(string(q.P.(rdf.IRI))); !ok {
		return fmt.Errorf("export: rdf/xml: predicate %s cannot be written as an XML qualified name", q.P)
	}
	if l, ok := q.O.(rdf.Literal); ok && !xmlText(l.Lexical) {
		return fmt.Errorf("export: rdf/xml: literal %s holds a character XML 1.0 cannot carry", l)
	}
	q.G = nil
	if len(e.group) > 0 && q.S != e.group[0].S {
		e.flushGroup()
	}
	e.group = append(e.group, q)
	return e.err
}

func (e *rdfxmlEncoder) flushGroup() {
	if len(e.group) == 0 {
		return
	}
	if !e.started {
		e.header()
	}
	slices.SortFunc(e.group, rdf.CompareQuads)
	e.group = slices.Compact(e.group)
	w := e.w
	switch s := e.group[0].S.(type) {
	case rdf.IRI:
		w.WriteString("  <rdf:Description rdf:about=\"" + xmlEscape(string(s), true) + "\">\n")
	case rdf.BlankNode:
		w.WriteString("  <rdf:Description rdf:nodeID=\"" + nodeID(s) + "\">\n")
	}
	for _, q := range e.group {
		nsIRI, local, _ := splitQName(string(q.P.(rdf.IRI)))
		// A namespace not declared on rdf:RDF becomes the default namespace
		// of the property element alone (its attributes are all prefixed).
		qn, decl := local, " xmlns=\""+xmlEscape(nsIRI, true)+"\""
		if p, ok := e.ns[nsIRI]; ok {
			qn, decl = p+":"+local, ""
		}
		w.WriteString("    <" + qn + decl)
		switch o := q.O.(type) {
		case rdf.IRI:
			w.WriteString(" rdf:resource=\"" + xmlEscape(string(o), true) + "\"/>\n")
		case rdf.BlankNode:
			w.WriteString(" rdf:nodeID=\"" + nodeID(o) + "\"/>\n")
		case rdf.Literal:
			switch {
			case o.Lang != "":
				w.WriteString(" xml:lang=\"" + xmlEscape(o.Lang, true) + "\"")
			case o.Datatype != "" && o.Datatype != vocab.XSDString:
				w.WriteString(" rdf:datatype=\"" + xmlEscape(string(o.Datatype), true) + "\"")
			}
			w.WriteString(">" + xmlEscape(o.Lexical, false) + "</" + qn + ">\n")
		}
	}
	w.WriteString("  </rdf:Description>\n")
	e.group = e.group[:0]
	if _, err := w.Write(nil); err != nil {
		e.err = err
	}
}

func (e *rdfxmlEncoder) Close() error {
	if e.closed {
		return e.err
	}
	e.closed = true
	if e.err == nil {
		e.flushGroup()
	}
	if e.err == nil {
		if !e.started {
			e.header()
		}
		e.w.WriteString("</rdf:RDF>\n")
		e.err = e.w.Flush()
	}
	return e.err
}

// SplitQName splits an IRI into a namespace and a local part that is an
// XML NCName, taking the longest such local part, as the RDF/XML writer
// names a predicate; ok is false when the IRI has no such split.
func SplitQName(iri string) (nsIRI, local string, ok bool) { return splitQName(iri) }

func splitQName(iri string) (nsIRI, local string, ok bool) {
	i := len(iri)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(iri[:i])
		if !isNameChar(r) {
			break
		}
		i -= n
	}
	// The local part must start with a name start character.
	for i < len(iri) {
		r, n := utf8.DecodeRuneInString(iri[i:])
		if isNameStart(r) {
			break
		}
		i += n
	}
	if i == 0 || i >= len(iri) {
		return "", "", false
	}
	return iri[:i], iri[i:], true
}

func isNCName(s string) bool {
	for i, r := range s {
		if i == 0 && !isNameStart(r) || !isNameChar(r) {
			return false
		}
	}
	return s != ""
}

func isNameStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r)
}

func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r == '.' || unicode.IsDigit(r) || r == 0xB7
}

// nodeID makes a blank node label a valid XML name.
func nodeID(b rdf.BlankNode) string {
	var sb strings.Builder
	sb.WriteString("b")
	for _, r := range string(b) {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			sb.WriteRune(r)
		} else {
			fmt.Fprintf(&sb, "_%x", r)
		}
	}
	return sb.String()
}

// xmlText reports whether s holds only characters XML 1.0 allows.
func xmlText(s string) bool {
	for _, r := range s {
		switch {
		case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD && r != utf8.RuneError, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}

// xmlEscape escapes text for XML content, or for an attribute value.
// Characters XML 1.0 cannot carry are dropped.
func xmlEscape(s string, attr bool) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '"' && attr:
			sb.WriteString("&quot;")
		case r == '\r':
			sb.WriteString("&#13;")
		case (r == '\n' || r == '\t') && attr:
			fmt.Fprintf(&sb, "&#%d;", r)
		case r == '\n' || r == '\t':
			sb.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
