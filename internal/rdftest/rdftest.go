// Package rdftest helps tests compare RDF as graphs: it reads Turtle,
// TriG, N-Triples, N-Quads, JSON-LD and RDF/XML into rdf.Quad values, and decides
// whether two sets of quads are isomorphic (equal up to blank node labels).
// Test-only.
package rdftest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/piprate/json-gold/ld"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// ReadTurtle reads a Turtle document; base resolves relative IRIs ("" for none).
func ReadTurtle(data []byte, base string) ([]rdf.Quad, error) {
	return rdfio.ReadAll(bytes.NewReader(data), rdfio.Turtle, rdfio.Options{Name: "turtle", Base: base})
}

// ReadNTriples reads an N-Triples document.
func ReadNTriples(data []byte) ([]rdf.Quad, error) {
	return rdfio.ReadAll(bytes.NewReader(data), rdfio.NTriples, rdfio.Options{Name: "ntriples"})
}

// ReadNQuads reads an N-Quads document.
func ReadNQuads(data []byte) ([]rdf.Quad, error) {
	return rdfio.ReadAll(bytes.NewReader(data), rdfio.NQuads, rdfio.Options{Name: "nquads"})
}

// ReadRDFXML reads an RDF/XML document.
func ReadRDFXML(data []byte) ([]rdf.Quad, error) {
	return rdfio.ReadAll(bytes.NewReader(data), rdfio.RDFXML, rdfio.Options{Name: "rdfxml"})
}

// ReadJSONLD reads a JSON-LD document with json-gold (ToRDF); its context
// must be inline (no remote documents are fetched).
func ReadJSONLD(data []byte) ([]rdf.Quad, error) {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	opt := ld.NewJsonLdOptions("")
	opt.DocumentLoader = noLoader{}
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opt)
	if err != nil {
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	ds, ok := out.(*ld.RDFDataset)
	if !ok {
		return nil, fmt.Errorf("jsonld: ToRDF returned %T", out)
	}
	var quads []rdf.Quad
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		var g rdf.Term
		if name != "@default" {
			g = fromLD(nodeFor(name))
		}
		for _, q := range ds.Graphs[name] {
			quads = append(quads, rdf.Quad{S: fromLD(q.Subject), P: fromLD(q.Predicate), O: fromLD(q.Object), G: g})
		}
	}
	return quads, nil
}

type noLoader struct{}

func (noLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("jsonld: refusing to load remote document %s", u)
}

func nodeFor(name string) ld.Node {
	if strings.HasPrefix(name, "_:") {
		return ld.NewBlankNode(name)
	}
	return ld.NewIRI(name)
}

func fromLD(n ld.Node) rdf.Term {
	switch x := n.(type) {
	case ld.IRI:
		return rdf.IRI(x.Value)
	case *ld.IRI:
		return rdf.IRI(x.Value)
	case ld.BlankNode:
		return rdf.BlankNode(strings.TrimPrefix(x.Attribute, "_:"))
	case *ld.BlankNode:
		return rdf.BlankNode(strings.TrimPrefix(x.Attribute, "_:"))
	case ld.Literal:
		return literal(x)
	case *ld.Literal:
		return literal(*x)
	}
	return nil
}

func literal(l ld.Literal) rdf.Term {
	if l.Language != "" {
		return rdf.NewLangString(l.Value, l.Language)
	}
	return rdf.NewTyped(l.Value, rdf.IRI(l.Datatype))
}

// ReadTriG reads a TriG document by splitting it into its directives,
// default-graph statements and `label { … }` blocks, and reading each part
// as Turtle with the document's directives in front. Blank node labels keep
// their document-wide meaning. It handles the plain TriG that export writes
// (no GRAPH keyword, no nested braces outside strings), which is all tests need.
func ReadTriG(data []byte, base string) ([]rdf.Quad, error) {
	src := string(data)
	var top strings.Builder
	type block struct{ label, body string }
	var blocks []block
	seg := 0 // start of the current top-level segment
	open := -1
	var label string
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '<':
			for i < len(src) && src[i] != '>' {
				i++
			}
		case '"', '\'':
			if strings.HasPrefix(src[i:], strings.Repeat(string(c), 3)) {
				end := i + 3
				for end < len(src) && !strings.HasPrefix(src[end:], strings.Repeat(string(c), 3)) {
					if src[end] == '\\' {
						end++
					}
					end++
				}
				// A long string may end with extra quotes before the closing three.
				for end+3 < len(src) && src[end+3] == c {
					end++
				}
				i = end + 2
			} else {
				for i++; i < len(src) && src[i] != c; i++ {
					if src[i] == '\\' {
						i++
					}
				}
			}
		case '{':
			if open >= 0 {
				return nil, fmt.Errorf("trig: nested '{' at offset %d", i)
			}
			outside := strings.TrimRight(src[seg:i], " \t\r\n")
			cut := strings.LastIndexAny(outside, " \t\r\n")
			label = outside[cut+1:]
			if label == "" {
				return nil, fmt.Errorf("trig: block without a graph label at offset %d", i)
			}
			top.WriteString(outside[:cut+1])
			top.WriteByte('\n')
			open = i
		case '}':
			if open < 0 {
				return nil, fmt.Errorf("trig: unmatched '}' at offset %d", i)
			}
			blocks = append(blocks, block{label, src[open+1 : i]})
			open, seg = -1, i+1
		}
	}
	if open >= 0 {
		return nil, fmt.Errorf("trig: unclosed block")
	}
	top.WriteString(src[seg:])
	var directives strings.Builder
	for _, line := range strings.Split(top.String(), "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "@prefix") || strings.HasPrefix(t, "@base") ||
			strings.HasPrefix(strings.ToUpper(t), "PREFIX") || strings.HasPrefix(strings.ToUpper(t), "BASE") {
			directives.WriteString(line)
			directives.WriteByte('\n')
		}
	}
	quads, err := ReadTurtle([]byte(top.String()), base)
	if err != nil {
		return nil, fmt.Errorf("trig default graph: %w", err)
	}
	for _, b := range blocks {
		// Resolve the label through the reader: prefixed names and relative IRIs work.
		lq, err := ReadTurtle([]byte(directives.String()+b.label+" <urn:x:p> <urn:x:o> .\n"), base)
		if err != nil || len(lq) != 1 {
			return nil, fmt.Errorf("trig: graph label %s: %v", b.label, err)
		}
		bq, err := ReadTurtle([]byte(directives.String()+b.body), base)
		if err != nil {
			return nil, fmt.Errorf("trig graph %s: %w", b.label, err)
		}
		for _, q := range bq {
			q.G = lq[0].S
			quads = append(quads, q)
		}
	}
	return quads, nil
}

// Merge drops graph names and duplicate triples: the graph a format without
// named graphs carries.
func Merge(quads []rdf.Quad) []rdf.Quad {
	out := make([]rdf.Quad, 0, len(quads))
	seen := map[rdf.Quad]bool{}
	for _, q := range quads {
		q.G = nil
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// Isomorphic reports whether a and b hold the same quads up to blank node
// labels (duplicates ignored). When they differ, diff is a line diff of
// their canonical N-Quads ("-" only in a, "+" only in b).
func Isomorphic(a, b []rdf.Quad) (ok bool, diff string) {
	ca, cb := Canonical(a), Canonical(b)
	if ca == cb {
		return true, ""
	}
	return false, golden.Diff(ca, cb)
}

// Canonical returns the quads as sorted, deduplicated N-Quads lines in which
// every blank node is relabelled from the graph's structure, so that two
// isomorphic inputs give the same text. Labels come from colour refinement
// (each blank node hashed with its neighbourhood until the partition is
// stable); ties between nodes the refinement cannot tell apart are broken by
// trying each candidate and keeping the smallest text. That search is
// exponential only for highly symmetric blank structures, which test
// fixtures do not have.
func Canonical(quads []rdf.Quad) string {
	seen := map[rdf.Quad]bool{}
	c := canon{color: map[rdf.BlankNode]string{}}
	for _, q := range quads {
		if !seen[q] {
			seen[q] = true
			c.quads = append(c.quads, q)
		}
	}
	for _, q := range c.quads {
		for _, t := range []rdf.Term{q.S, q.O, q.G} {
			if b, ok := t.(rdf.BlankNode); ok {
				c.color[b] = "b"
			}
		}
	}
	return c.search()
}

type canon struct {
	quads []rdf.Quad
	color map[rdf.BlankNode]string
}

func (c *canon) term(t rdf.Term, color map[rdf.BlankNode]string) string {
	if b, ok := t.(rdf.BlankNode); ok {
		return "_:" + color[b]
	}
	if t == nil {
		return ""
	}
	return t.String()
}

// refine hashes each blank node's colour with the quads around it until the
// number of colours stops growing.
func (c *canon) refine(color map[rdf.BlankNode]string) map[rdf.BlankNode]string {
	classes := countColors(color)
	for {
		sigs := map[rdf.BlankNode][]string{}
		for _, q := range c.quads {
			line := c.term(q.S, color) + " " + q.P.String() + " " + c.term(q.O, color) + " " + c.term(q.G, color)
			for pos, t := range []rdf.Term{q.S, q.O, q.G} {
				if b, ok := t.(rdf.BlankNode); ok {
					sigs[b] = append(sigs[b], fmt.Sprint(pos)+line)
				}
			}
		}
		next := make(map[rdf.BlankNode]string, len(color))
		for b, col := range color {
			s := sigs[b]
			slices.Sort(s)
			h := sha256.Sum256([]byte(col + "|" + strings.Join(s, "\n")))
			next[b] = hex.EncodeToString(h[:8])
		}
		n := countColors(next)
		color = next
		if n <= classes {
			return color
		}
		classes = n
	}
}

func countColors(color map[rdf.BlankNode]string) int {
	seen := map[string]bool{}
	for _, c := range color {
		seen[c] = true
	}
	return len(seen)
}

func (c *canon) search() string {
	return c.searchFrom(c.refine(c.color))
}

func (c *canon) searchFrom(color map[rdf.BlankNode]string) string {
	// Find the smallest colour shared by several nodes.
	byColor := map[string][]rdf.BlankNode{}
	for b, col := range color {
		byColor[col] = append(byColor[col], b)
	}
	tie := ""
	for col, bs := range byColor {
		if len(bs) > 1 && (tie == "" || col < tie) {
			tie = col
		}
	}
	if tie == "" {
		return c.render(color)
	}
	best := ""
	for _, b := range byColor[tie] {
		next := cloneColors(color)
		next[b] = color[b] + "*"
		s := c.searchFrom(c.refine(next))
		if best == "" || s < best {
			best = s
		}
	}
	return best
}

func cloneColors(m map[rdf.BlankNode]string) map[rdf.BlankNode]string {
	out := make(map[rdf.BlankNode]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (c *canon) render(color map[rdf.BlankNode]string) string {
	lines := make([]string, 0, len(c.quads))
	for _, q := range c.quads {
		l := c.term(q.S, color) + " " + q.P.String() + " " + c.term(q.O, color)
		if q.G != nil {
			l += " " + c.term(q.G, color)
		}
		lines = append(lines, l+" .")
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	return strings.Join(lines, "\n") + "\n"
}
