package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/piprate/json-gold/ld"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// refJSONLDEncoder is the JSON-LD writer docgraph used before the streaming
// one: json-gold's FromRDF and Compact over each subject's statements. The
// tests keep it as a reference: the streaming writer must give the same
// bytes wherever json-gold can compact, and the benchmarks compare the two.
type refJSONLDEncoder struct {
	w       *bufio.Writer
	opt     Options
	context map[string]any // the value of "@context"
	active  *ld.Context
	api     *ld.JsonLdApi
	ldopt   *ld.JsonLdOptions

	group   []rdf.Quad
	nodes   int
	started bool
	closed  bool
	err     error
	out     bytes.Buffer
	enc     *json.Encoder
}

func newRefJSONLDEncoder(w io.Writer, opt Options) *refJSONLDEncoder {
	e := &refJSONLDEncoder{w: bufio.NewWriterSize(w, 64<<10), opt: opt, api: ld.NewJsonLdApi()}
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
	e.ldopt = ld.NewJsonLdOptions("")
	e.ldopt.UseNativeTypes = false
	e.ldopt.UseRdfType = false
	active, err := ld.NewContext(nil, e.ldopt).Parse(e.context)
	if err != nil {
		e.err = fmt.Errorf("export: JSON-LD context: %w", err)
	}
	e.active = active
	e.enc = json.NewEncoder(&e.out)
	e.enc.SetEscapeHTML(false)
	e.enc.SetIndent("    ", "  ")
	return e
}

func (e *refJSONLDEncoder) Encode(q rdf.Quad) error {
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

func (e *refJSONLDEncoder) Close() error {
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

func (e *refJSONLDEncoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *refJSONLDEncoder) header() {
	e.started = true
	e.out.Reset()
	enc := json.NewEncoder(&e.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(e.context); err != nil {
		e.err = fmt.Errorf("export: JSON-LD context: %w", err)
		return
	}
	e.write([]byte("{\n  \"@context\": "))
	e.write(bytes.TrimSuffix(e.out.Bytes(), []byte("\n")))
	e.write([]byte(",\n  \"@graph\": ["))
}

// flushGroup compacts the pending subject's statements into one node object
// and writes it.
func (e *refJSONLDEncoder) flushGroup() {
	if len(e.group) == 0 || e.err != nil {
		return
	}
	if !e.started {
		e.header()
	}
	g := e.group
	slices.SortFunc(g, func(a, b rdf.Quad) int {
		if c := rdf.Compare(a.P, b.P); c != 0 {
			return c
		}
		return rdf.Compare(a.O, b.O)
	})
	g = slices.CompactFunc(g, func(a, b rdf.Quad) bool { return a.P == b.P && a.O == b.O })
	ds := ld.NewRDFDataset()
	lq := make([]*ld.Quad, len(g))
	for i, q := range g {
		lq[i] = ld.NewQuad(refLDNode(q.S), refLDNode(q.P), refLDNode(q.O), "")
	}
	ds.Graphs["@default"] = lq
	expanded, err := e.api.FromRDF(ds, e.ldopt)
	if err != nil {
		e.err = fmt.Errorf("export: JSON-LD from %s: %w", g[0].S, err)
		return
	}
	compacted, err := e.api.Compact(e.active, "", expanded, true)
	if err != nil {
		e.err = fmt.Errorf("export: JSON-LD compaction of %s: %w", g[0].S, err)
		return
	}
	var nodes []any
	switch c := compacted.(type) {
	case []any:
		nodes = c
	case map[string]any:
		nodes = []any{c}
	}
	for _, n := range nodes {
		e.out.Reset()
		if err := e.enc.Encode(n); err != nil {
			e.err = fmt.Errorf("export: JSON-LD node %s: %w", g[0].S, err)
			return
		}
		if e.nodes > 0 {
			e.write([]byte(","))
		}
		e.write([]byte("\n    "))
		e.write(bytes.TrimSuffix(e.out.Bytes(), []byte("\n")))
		e.nodes++
	}
	clear(e.group)
	e.group = e.group[:0]
}

// refLDNode converts a term to json-gold's node type.
func refLDNode(t rdf.Term) ld.Node {
	switch x := t.(type) {
	case rdf.IRI:
		return ld.NewIRI(string(x))
	case rdf.BlankNode:
		return ld.NewBlankNode("_:" + blankLabel(x))
	case rdf.Literal:
		dt := string(x.Datatype)
		if x.Lang != "" {
			dt = string(rdf.RDFLangString)
		} else if dt == "" {
			dt = string(rdf.XSDString)
		}
		return ld.NewLiteral(x.Lexical, dt, x.Lang)
	}
	return nil
}
