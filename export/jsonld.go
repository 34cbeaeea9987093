package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// jsonldEncoder writes JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) as one
// document {"@context": …, "@graph": [node, …]}.
//
// The context holds prefix definitions only (no @vocab, no type or language
// coercion, no containers), so compaction against it reduces to a few rules,
// which the encoder applies itself as it writes, one subject run at a time,
// without building JSON-LD's expanded form:
//
//   - a node object per subject run: "@id", then "@type" (the rdf:type
//     objects that are IRIs or blank nodes), then one key per predicate;
//     keys in byte order, values in the run's order; one value is written
//     bare, several as an array;
//   - IRIs are compacted as JSON-LD's IRI compaction does: in keys, @type
//     values and datatypes an IRI equal to a term's IRI becomes the term;
//     otherwise the shortest (then least) compact IRI "prefix:rest" over the
//     terms usable as prefixes (IRI ending in one of : / ? # [ ] @), never
//     with a rest starting with "//", which readers take for an absolute
//     IRI; else the IRI itself;
//   - an object IRI or blank node becomes a node reference {"@id": …},
//     except rdf:nil, the empty list {"@list": []};
//   - xsd:string literals become JSON strings, language-tagged ones
//     {"@language", "@value"}, the others {"@type", "@value"} (lexical form
//     kept: no native numbers or booleans);
//   - graph names are dropped (JSON-LD output merges the graphs).
//
// The bytes are those json-gold's FromRDF and Compact give for the same
// statements, indented alike, with one exception json-gold cannot write: an
// IRI that would read as a compact IRI ("dg:x" as an IRI of its own while dg
// is a prefix). A node holding one redefines that prefix in an embedded
// context as {"@id": …, "@prefix": false}, so that within the node the IRI
// reads as itself, and uses no compact IRI with that prefix there.
//
// A subject that comes back later in the input gives a second node object
// with the same "@id", which JSON-LD processors merge when they expand the
// document.
type jsonldEncoder struct {
	w       *bufio.Writer
	opt     Options
	context map[string]any // the value of "@context"
	terms   []jsonldTerm   // the context's terms, ordered by name
	byName  map[string]int // index in terms
	exact   map[string]int // IRI -> shortest, then least, term with that IRI
	keys    map[rdf.IRI]string

	group   []rdf.Quad
	entries []jsonldEntry
	noCurie []bool // per term: not usable as a prefix in the current node
	anyOff  bool
	nodes   int
	started bool
	closed  bool
	err     error
	buf     []byte
}

// jsonldTerm is one term of the context.
type jsonldTerm struct {
	name, iri string
	prefix    bool // usable in compact IRIs
}

// jsonldEntry is one value of the node being written under its key.
type jsonldEntry struct {
	key string
	obj rdf.Term
}

// rdfNil, the empty list, is written as an object {"@list": []}.
const rdfNil = rdf.IRI(vocab.RDF + "nil")

// maxKeyCache bounds the cache of compacted predicates, types and
// datatypes, which are few in any real graph; past the bound, they are
// compacted each time.
const maxKeyCache = 4096

func newJSONLDEncoder(w io.Writer, opt Options) *jsonldEncoder {
	e := &jsonldEncoder{
		w: bufio.NewWriterSize(w, 64<<10), opt: opt,
		byName: map[string]int{}, exact: map[string]int{}, keys: map[rdf.IRI]string{},
	}
	if opt.Prefixes == nil {
		e.context = vocab.Context()["@context"].(map[string]any)
	} else {
		// The same prefixes as Turtle, less the empty name, which JSON-LD
		// cannot define.
		e.context = map[string]any{}
		for _, p := range usablePrefixes(opt.Prefixes) {
			if p.Name != "" {
				e.context[p.Name] = p.IRI
			}
		}
	}
	// Options.Base is not used: JSON-LD readers resolve relative IRIs
	// differently (json-gold percent-encodes non-ASCII characters), so
	// every IRI is written absolute.
	for name, v := range e.context {
		iri, ok := v.(string)
		if !ok || name == "" || strings.ContainsAny(name, ":@") {
			e.err = fmt.Errorf("export: JSON-LD context: unusable term %q", name)
			return e
		}
		e.terms = append(e.terms, jsonldTerm{name: name, iri: iri, prefix: iri != "" && strings.IndexByte(":/?#[]@", iri[len(iri)-1]) >= 0})
	}
	slices.SortFunc(e.terms, func(a, b jsonldTerm) int { return strings.Compare(a.name, b.name) })
	for i, t := range e.terms {
		e.byName[t.name] = i
		if j, ok := e.exact[t.iri]; !ok || shortestLeast(t.name, e.terms[j].name) {
			e.exact[t.iri] = i
		}
	}
	e.noCurie = make([]bool, len(e.terms))
	return e
}

// shortestLeast reports whether a comes before b: shorter, or as long and
// less in byte order (JSON-LD's choice among candidate terms).
func shortestLeast(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func (e *jsonldEncoder) Encode(q rdf.Quad) error {
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
	q.G = nil
	if len(e.group) > 0 && q.S != e.group[0].S {
		e.flushGroup()
	}
	e.group = append(e.group, q)
	return e.err
}

func (e *jsonldEncoder) Close() error {
	if e.closed {
		return e.err
	}
	e.closed = true
	if e.err == nil {
		e.flushGroup()
	}
	if e.err == nil && !e.started {
		e.header()
	}
	if e.err == nil {
		if e.nodes == 0 {
			e.write([]byte("]\n}\n"))
		} else {
			e.write([]byte("\n  ]\n}\n"))
		}
	}
	if err := e.w.Flush(); e.err == nil {
		e.err = err
	}
	e.group = nil
	return e.err
}

func (e *jsonldEncoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *jsonldEncoder) header() {
	e.started = true
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(e.context); err != nil {
		e.err = fmt.Errorf("export: JSON-LD context: %w", err)
		return
	}
	e.write([]byte("{\n  \"@context\": "))
	e.write(bytes.TrimSuffix(out.Bytes(), []byte("\n")))
	e.write([]byte(",\n  \"@graph\": ["))
}

// find works out how iri is compacted (see jsonldEncoder), with vocab set
// for keys, @type values and datatypes: as the term terms[t] itself (curie
// false), as the compact IRI terms[t].name ":" rest (curie true), or, with
// t < 0, as it is. An IRI written as it is that could be read as a compact
// IRI gives the index of the term it would be read with as confused, else
// confused is -1.
func (e *jsonldEncoder) find(iri string, vocab bool) (t int, curie bool, confused int) {
	if vocab {
		if i, ok := e.exact[iri]; ok {
			return i, false, -1
		}
	}
	best, bestLen := -1, 0
	for i := range e.terms {
		t := &e.terms[i]
		if !t.prefix || e.noCurie[i] || len(t.iri) >= len(iri) || !strings.HasPrefix(iri, t.iri) {
			continue
		}
		rest := iri[len(t.iri):]
		if strings.HasPrefix(rest, "//") {
			continue
		}
		n := len(t.name) + 1 + len(rest)
		if best < 0 || n < bestLen || n == bestLen && t.name+":"+rest < e.terms[best].name+":"+iri[len(e.terms[best].iri):] {
			best, bestLen = i, n
		}
	}
	if best >= 0 {
		return best, true, -1
	}
	if c := strings.IndexByte(iri, ':'); c > 0 && !strings.HasPrefix(iri[c+1:], "//") {
		if i, ok := e.byName[iri[:c]]; ok && e.terms[i].prefix && !e.noCurie[i] {
			return -1, false, i
		}
	}
	return -1, false, -1
}

// compact returns the compacted form of iri as a string (see find).
func (e *jsonldEncoder) compact(iri string, vocab bool) (string, int) {
	t, curie, confused := e.find(iri, vocab)
	switch {
	case t < 0:
		return iri, confused
	case curie:
		return e.terms[t].name + ":" + iri[len(e.terms[t].iri):], -1
	}
	return e.terms[t].name, -1
}

// appendID appends the compacted form of iri as the value of "@id" (find
// without vocab), as a JSON string.
func (e *jsonldEncoder) appendID(b []byte, iri string) ([]byte, int) {
	t, _, confused := e.find(iri, false) // a compact IRI or none
	if t < 0 {
		return appendJSONString(b, iri), confused
	}
	b = append(b, '"')
	b = appendJSONBody(b, e.terms[t].name)
	b = append(b, ':')
	b = appendJSONBody(b, iri[len(e.terms[t].iri):])
	return append(b, '"'), -1
}

// vocabIRI returns the compacted form of a predicate, type or datatype
// (find with vocab set), cached: a graph has few of them.
func (e *jsonldEncoder) vocabIRI(p rdf.IRI) (string, int) {
	if !e.anyOff {
		if k, ok := e.keys[p]; ok {
			return k, -1
		}
	}
	k, confused := e.compact(string(p), true)
	if confused < 0 && !e.anyOff && len(e.keys) < maxKeyCache {
		e.keys[p] = k
	}
	return k, confused
}

// flushGroup writes the pending subject's statements as one node object.
func (e *jsonldEncoder) flushGroup() {
	if len(e.group) == 0 || e.err != nil {
		return
	}
	if !e.started {
		e.header()
	}
	g := e.group
	cmp := func(a, b rdf.Quad) int {
		if c := rdf.Compare(a.P, b.P); c != 0 {
			return c
		}
		return rdf.Compare(a.O, b.O)
	}
	if !slices.IsSortedFunc(g, cmp) {
		slices.SortFunc(g, cmp)
	}
	g = slices.CompactFunc(g, func(a, b rdf.Quad) bool { return a.P == b.P && a.O == b.O })
	// Compacting may meet an IRI that would read as a compact IRI; then the
	// node turns that prefix off and starts again (each pass turns off at
	// least one more term, so this ends).
	for {
		if confused := e.node(g); confused < 0 {
			break
		} else {
			e.noCurie[confused] = true
			e.anyOff = true
		}
	}
	if e.anyOff {
		clear(e.noCurie)
		e.anyOff = false
	}
	clear(e.group)
	e.group = e.group[:0]
}

// node compacts and writes one subject's sorted statements; if an IRI would
// be misread it writes nothing and returns the term to turn off.
func (e *jsonldEncoder) node(g []rdf.Quad) (confused int) {
	b := e.buf[:0]
	if e.nodes > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n    {"...)
	if e.anyOff {
		b = append(b, "\n      \"@context\": {"...)
		first := true
		for i, off := range e.noCurie {
			if !off {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, "\n        "...)
			b = appendJSONString(b, e.terms[i].name)
			b = append(b, ": {\n          \"@id\": "...)
			b = appendJSONString(b, e.terms[i].iri)
			b = append(b, ",\n          \"@prefix\": false\n        }"...)
		}
		b = append(b, "\n      },"...)
	}
	b = append(b, "\n      \"@id\": "...)
	switch s := g[0].S.(type) {
	case rdf.IRI:
		if b, confused = e.appendID(b, string(s)); confused >= 0 {
			return confused
		}
	case rdf.BlankNode:
		b = append(b, `"_:`...)
		b = appendJSONBody(b, blankLabel(s))
		b = append(b, '"')
	}
	entries := e.entries[:0]
	for _, q := range g {
		p := q.P.(rdf.IRI)
		if p == vocab.RDFType {
			switch q.O.(type) {
			case rdf.IRI, rdf.BlankNode:
				entries = append(entries, jsonldEntry{"@type", q.O})
				continue
			}
		}
		k, confused := e.vocabIRI(p)
		if confused >= 0 {
			e.entries = entries[:0]
			return confused
		}
		entries = append(entries, jsonldEntry{k, q.O})
	}
	e.entries = entries
	slices.SortStableFunc(entries, func(a, b jsonldEntry) int { return strings.Compare(a.key, b.key) })

	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].key == entries[i].key {
			j++
		}
		b = append(b, ",\n      "...)
		b = appendJSONString(b, entries[i].key)
		b = append(b, ": "...)
		if j == i+1 {
			if b, confused = e.value(b, entries[i], 1); confused >= 0 {
				return confused
			}
		} else {
			b = append(b, '[')
			for k := i; k < j; k++ {
				if k > i {
					b = append(b, ',')
				}
				b = append(b, jsonldIndent[2]...)
				if b, confused = e.value(b, entries[k], 2); confused >= 0 {
					return confused
				}
			}
			b = append(b, jsonldIndent[1]...)
			b = append(b, ']')
		}
		i = j
	}
	b = append(b, "\n    }"...)
	e.buf = b
	e.write(b)
	e.nodes++
	return -1
}

// jsonldIndent[d] starts a line at depth d inside a node object.
var jsonldIndent = [...]string{"\n    ", "\n      ", "\n        ", "\n          "}

// value appends one value of entry x at depth d (the depth of its key, or of
// the array holding it).
func (e *jsonldEncoder) value(b []byte, x jsonldEntry, d int) ([]byte, int) {
	if x.key == "@type" {
		switch o := x.obj.(type) {
		case rdf.IRI:
			s, confused := e.vocabIRI(o)
			return appendJSONString(b, s), confused
		case rdf.BlankNode:
			b = append(b, `"_:`...)
			b = appendJSONBody(b, blankLabel(o))
			return append(b, '"'), -1
		}
	}
	switch o := x.obj.(type) {
	case rdf.IRI:
		b = append(b, '{')
		b = append(b, jsonldIndent[d+1]...)
		if o == rdfNil {
			b = append(b, `"@list": []`...)
			break
		}
		b = append(b, `"@id": `...)
		var confused int
		if b, confused = e.appendID(b, string(o)); confused >= 0 {
			return b, confused
		}
	case rdf.BlankNode:
		b = append(b, '{')
		b = append(b, jsonldIndent[d+1]...)
		b = append(b, `"@id": "_:`...)
		b = appendJSONBody(b, blankLabel(o))
		b = append(b, '"')
	case rdf.Literal:
		switch {
		case o.Lang != "":
			b = append(b, '{')
			b = append(b, jsonldIndent[d+1]...)
			b = append(b, `"@language": `...)
			b = appendJSONString(b, o.Lang)
		case o.Datatype == "" || o.Datatype == rdf.XSDString:
			return appendJSONString(b, o.Lexical), -1
		default:
			b = append(b, '{')
			b = append(b, jsonldIndent[d+1]...)
			b = append(b, `"@type": `...)
			s, confused := e.vocabIRI(o.Datatype)
			if confused >= 0 {
				return b, confused
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ',')
		b = append(b, jsonldIndent[d+1]...)
		b = append(b, `"@value": `...)
		b = appendJSONString(b, o.Lexical)
	}
	b = append(b, jsonldIndent[d]...)
	return append(b, '}'), -1
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// does without HTML escaping.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONBody(b, s)
	return append(b, '"')
}

// appendJSONBody appends s escaped for the inside of a JSON string: \" \\
// \b \f \n \r \t, \u00xx for other control characters, \u2028 and \u2029,
// and U+FFFD for invalid UTF-8.
func appendJSONBody(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
			i += n
			start = i
			continue
		}
		i += n
	}
	return append(b, s[start:]...)
}
