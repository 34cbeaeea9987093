package export

import (
	"bytes"
	"encoding/json"
	"github.com/piprate/json-gold/ld"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// encodeRef writes quads with json-gold's FromRDF and Compact (the
// reference encoder).
func encodeRef(t testing.TB, opt Options, quads []rdf.Quad) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := newRefJSONLDEncoder(&b, opt)
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			t.Fatalf("reference encoder: Encode(%v): %v", q, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("reference encoder: Close: %v", err)
	}
	return b.Bytes()
}

// Terms for the random graphs: IRIs under the context's prefixes and
// outside them, IRIs equal to a prefix's IRI, unicode, blank nodes whose
// labels need rewriting.
var (
	randIRIs = []rdf.IRI{
		fixStalin, fixMao, fixUSSR, fixDoc, rdf.IRI(fixBase), // outside every prefix
		vocab.DGOpposes, vocab.SchemaPerson, rdf.IRI(vocab.WD + "Q855"), rdf.IRI(vocab.DG + "标题"),
		rdf.IRI(vocab.DG), rdf.IRI(vocab.Schema), rdf.IRI(vocab.XSD), // a prefix's IRI exactly
		rdf.IRI(vocab.RDF + "nil"), rdf.IRI(vocab.DG + "a:b"), rdf.IRI(vocab.DG + "@id"),
		rdf.IRI("http://example.org/with%20space?q=%221%22&r=~#frag"), rdf.IRI("urn:isbn:0451450523"),
		rdf.IRI("https://пример.рф/путь/😀"), rdf.IRI("tag:example.org,2026:ü~"),
	}
	randPreds = []rdf.IRI{
		vocab.RDFType, vocab.RDFType, vocab.DCTitle, vocab.SchemaMentions, vocab.RDFSLabel, vocab.DGConfidence,
		rdf.IRI(vocab.DG), rdf.IRI(vocab.DG + "1950s"), rdf.IRI(vocab.DG + "@type"), rdf.IRI("http://example.org/p"),
		rdf.IRI("http://example.org/p/é"), vocab.RDFSComment,
	}
	randBlanks = []rdf.BlankNode{"b1", "ref.1", "x_already", "1 odd/label", "Сталин", "b1"}
	randStrs   = []string{"", "@id", "@type", "@context", "@graph", "@value", "@language", "{\"@id\": \"x\"}",
		"[1, 2]", "true", "null", "0.9", "\"", "\\", "\b\f\n\r\t", "\x00\x01\x1f\x7f", "\u2028\u2029", "<b>&amp;</b>",
		"Сталин", "毛泽东", "😀 e\u0301", "dg:opposes", "_:b1", "http://example.org/"}
	randLangs = []string{"en", "ru", "zh-hans-cn", "de-1996", "x-private"}
	randTypes = []rdf.IRI{vocab.XSDInteger, vocab.XSDDate, vocab.XSDBoolean, vocab.XSDDecimal, rdf.IRI(vocab.XSD),
		rdf.IRI(vocab.DG + "code"), rdf.IRI("http://example.org/dt"), rdf.IRI(vocab.RDF + "XMLLiteral"), rdf.RDFLangString}
)

// randomTermQuads returns n quads over the terms above, grouped by subject
// as an export gives them, with repeats.
func randomTermQuads(seed uint64, n int) []rdf.Quad {
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func() rdf.Term {
		if rng.IntN(4) == 0 {
			return randBlanks[rng.IntN(len(randBlanks))]
		}
		return randIRIs[rng.IntN(len(randIRIs))]
	}
	var quads []rdf.Quad
	for len(quads) < n {
		s := pick()
		for range 1 + rng.IntN(12) {
			p := randPreds[rng.IntN(len(randPreds))]
			var o rdf.Term
			switch rng.IntN(5) {
			case 0, 1:
				o = pick()
			case 2:
				o = rdf.NewString(randStrs[rng.IntN(len(randStrs))])
			case 3:
				o = rdf.NewLangString(randStrs[rng.IntN(len(randStrs))], randLangs[rng.IntN(len(randLangs))])
			default:
				dt := randTypes[rng.IntN(len(randTypes))]
				if dt == rdf.RDFLangString {
					dt = vocab.XSDString // written plain, as xsd:string
				}
				o = rdf.NewTyped(randStrs[rng.IntN(len(randStrs))], dt)
			}
			quads = append(quads, rdf.Quad{S: s, P: p, O: o, G: rdf.IRI(fixBase + "g" + itoa(rng.IntN(3)))})
		}
	}
	return quads
}

// TestJSONLDSameAsJSONGold checks the streaming writer against json-gold's
// FromRDF and Compact on the same statements: the same bytes, for the
// fixture, the benchmark's corpus-shaped graph, tricky strings, random
// terms and custom prefixes. (IRIs that json-gold cannot compact at all
// are in TestJSONLDTrickyTerms.)
func TestJSONLDSameAsJSONGold(t *testing.T) {
	custom := Options{Prefixes: []vocab.Prefix{
		{Name: "doc", IRI: fixBase + "doc/"},
		{Name: "ex", IRI: "http://example.org/"},
		{Name: "exdoc", IRI: "http://example.org/docgraph/d"}, // no gen-delim at the end: no compact IRIs
		{Name: "dg", IRI: vocab.DG},
		{Name: "dg2", IRI: vocab.DG}, // two terms for one IRI
		{Name: "d", IRI: "https://w3id.org/docgraph/"},
	}}
	cases := []struct {
		name  string
		opt   Options
		quads []rdf.Quad
	}{
		{"fixture", Options{}, fixtureQuads()},
		{"fixture/custom prefixes", custom, fixtureQuads()},
		{"fixture/no prefixes", Options{Prefixes: []vocab.Prefix{}}, fixtureQuads()},
		{"fixture/one graph", Options{Graph: fixDoc2}, fixtureQuads()},
		{"corpus-shaped", Options{}, benchQuads(3000)},
		{"random strings", Options{}, randomStringQuads(2000, true)},
		{"random terms", Options{}, randomTermQuads(1, 3000)},
		{"random terms/custom prefixes", custom, randomTermQuads(2, 3000)},
		{"empty", Options{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := encode(t, JSONLD, c.opt, c.quads)
			want := encodeRef(t, c.opt, c.quads)
			if !bytes.Equal(got, want) {
				t.Fatalf("streamed JSON-LD differs from json-gold's compaction:\n%s", firstDiff(want, got))
			}
		})
	}
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-3)
			return "line " + itoa(i+1) + ":\n- " + a + "\n+ " + b + "\ncontext (written):\n" + strings.Join(g[lo:min(len(g), i+3)], "\n")
		}
	}
	return "(no difference)"
}

// trickyQuads are statements json-gold's compaction cannot write or writes
// differently: IRIs that read as compact IRIs under the context ("dg:x",
// "rdf:type" as IRIs of their own, as subject, predicate, object, type and
// datatype), IRIs whose rest after a prefix starts with "//", rdf:JSON
// literals (json-gold reads them as JSON values), plus keywords and JSON
// syntax in literals, every escape, unicode and odd blank node labels.
func trickyQuads() []rdf.Quad {
	g := rdf.IRI(fixBase + "g")
	confusing := rdf.IRI("dg:opposes")
	q := func(s, p, o rdf.Term) rdf.Quad { return rdf.Quad{S: s, P: p, O: o, G: g} }
	return []rdf.Quad{
		q(confusing, vocab.RDFType, rdf.IRI("dg:Claim")),
		q(confusing, vocab.RDFType, vocab.DGClaim),
		q(confusing, rdf.IRI("rdf:type"), rdf.IRI("schema:Person")),
		q(confusing, vocab.DGEvidence, rdf.NewTyped("42", "xsd:integer")),
		q(confusing, vocab.DGEvidence, rdf.NewTyped("42", vocab.XSDInteger)),
		q(confusing, vocab.OWLSameAs, rdf.IRI(vocab.DG+"opposes")),
		q(fixStalin, rdf.IRI("dg:pseudonym"), rdf.NewString("Filippov")),
		q(fixStalin, vocab.DGPseudonym, rdf.NewString("Filippov")),
		q(fixStalin, vocab.SchemaMentions, rdf.IRI("wd:Q855")),
		q(fixStalin, vocab.SchemaMentions, rdf.IRI(vocab.WD+"Q855")),
		q(fixStalin, vocab.RDFType, rdf.BlankNode("t1")),
		q(rdf.BlankNode("t1"), vocab.RDFSLabel, rdf.NewString("a class with no IRI")),
		q(fixMao, rdf.IRI(vocab.DG+"//x"), rdf.IRI(vocab.Schema+"//y")),
		q(fixMao, vocab.RDFType, rdf.IRI(vocab.DG+"//T")),
		q(fixMao, vocab.DGEvidence, rdf.NewTyped(`{"b": [1, 2.50], "a": "@id"}`, rdf.IRI(vocab.RDF+"JSON"))),
		q(fixMao, vocab.RDFType, rdf.NewString("a literal type")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewString("@id")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewString("@context")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewLangString("@type", "en")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewTyped("@value", rdf.IRI(vocab.DG+"code"))),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewString(`{"@id": "http://example.org/x", "@type": "@json"}`)),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewString("\x00\b\f\n\r\t\x1f\x7f \u2028\u2029 \"\\ 😀 Сталин 毛泽东 e\u0301")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewLangString("Союз", "ru")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewLangString("Union", "en-gb")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewLangString("联盟", "zh-hant-tw")),
		q(fixUSSR, vocab.RDFSLabel, rdf.NewTyped("", vocab.XSDString)),
		q(fixUSSR, vocab.DCDate, rdf.NewTyped("1949", rdf.IRI(vocab.XSD))),
		q(fixUSSR, rdf.IRI(vocab.Schema), rdf.IRI(vocab.Schema)),
		q(rdf.BlankNode("1 odd/label"), vocab.RDFSLabel, rdf.NewString("blank subject")),
		q(rdf.BlankNode("x_"), vocab.RDFSLabel, rdf.BlankNode("b.1")),
		q(rdf.IRI("https://пример.рф/путь/😀?q=a%20b#ф"), vocab.RDFSLabel, rdf.IRI("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")),
	}
}

// canonJSON rewrites rdf:JSON literals holding JSON in one canonical form
// (encoding/json's: keys sorted, no spaces): JSON-LD readers give them back
// canonicalized.
func canonJSON(qs []rdf.Quad) []rdf.Quad {
	for i, q := range qs {
		if l, ok := q.O.(rdf.Literal); ok && l.Datatype == rdf.IRI(vocab.RDF+"JSON") {
			var v any
			if json.Unmarshal([]byte(l.Lexical), &v) == nil {
				b, _ := json.Marshal(v)
				l.Lexical = string(b)
				qs[i].O = l
			}
		}
	}
	return qs
}

// jsonldDataset turns quads into what a JSON-LD reader gives back for the
// JSON-LD export: the merged triples, with language tags in lower case
// (JSON-LD processors lower-case them; RDF compares them without case).
func jsonldDataset(quads []rdf.Quad) []rdf.Quad {
	out := rdftest.Merge(quads)
	for i, q := range out {
		if l, ok := q.O.(rdf.Literal); ok && l.Lang != "" {
			l.Lang = strings.ToLower(l.Lang)
			out[i].O = l
		}
	}
	return out
}

// TestJSONLDTrickyTerms writes the tricky statements, checks the output is
// JSON, and has json-gold read it back (ToRDF): the same triples. A node
// holding an IRI that reads as a compact IRI turns that prefix off in an
// embedded context.
func TestJSONLDTrickyTerms(t *testing.T) {
	quads := append(trickyQuads(), randomTermQuads(3, 2000)...)
	data := encode(t, JSONLD, Options{}, quads)
	if !json.Valid(data) {
		t.Fatalf("output is not JSON:\n%s", data)
	}
	got, err := rdftest.ReadJSONLD(data)
	if err != nil {
		t.Fatalf("json-gold cannot read the output: %v", err)
	}
	if ok, diff := rdftest.Isomorphic(canonJSON(jsonldDataset(quads)), canonJSON(got)); !ok {
		t.Fatalf("json-gold reads the output differently (- written, + read):\n%s", diff)
	}
	for _, want := range []string{
		`"@id": "dg:opposes"`, `"@prefix": false`, `"@type": "rdf:JSON"`,
		`"@id": "https://w3id.org/docgraph/ns#opposes"`, `"https://w3id.org/docgraph/ns#//x": {`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("output lacks %s", want)
		}
	}
}

// TestJSONLDPyLD has an independent processor, PyLD, read the tricky
// statements back.
func TestJSONLDPyLD(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import pyld").Run(); err != nil {
		needTool(t, "pyld for "+python, "apt-get install python3-pyld")
	}
	quads := append(trickyQuads(), randomTermQuads(4, 1000)...)
	path := filepath.Join(t.TempDir(), "tricky.jsonld")
	if err := os.WriteFile(path, encode(t, JSONLD, Options{}, quads), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, json
from pyld import jsonld
doc = json.load(open(sys.argv[1], encoding="utf-8"))
sys.stdout.write(jsonld.to_rdf(doc, {"format": "application/n-quads"}))
`
	var stderr bytes.Buffer
	cmd := exec.Command(python, "-c", script, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pyld: %v\n%s", err, stderr.String())
	}
	got, err := rdftest.ReadNQuads(out)
	if err != nil {
		t.Fatalf("reading pyld's N-Quads: %v", err)
	}
	want := jsonldDataset(quads)
	if ok, diff := rdftest.Isomorphic(canonJSON(want), canonJSON(got)); !ok {
		t.Fatalf("pyld reads the output differently (- written, + read):\n%s", diff)
	}
}

// TestJSONLDStringEscapes checks the writer's JSON strings against
// encoding/json's on every byte and the characters that need care.
func TestJSONLDStringEscapes(t *testing.T) {
	var all []string
	for c := range 256 {
		all = append(all, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
	}
	all = append(all, "\u2028", "\u2029", "\ufffd", "😀", "\xed\xa0\x80", "\xf0\x9f", "e\u0301", strings.Repeat("é\"\\", 50))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		all = append(all, string(b))
	}
	for _, s := range all {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := appendJSONString(nil, s)
		if string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("appendJSONString(%q) = %s, encoding/json gives %s", s, got, want.String())
		}
		if utf8.ValidString(s) {
			var back string
			if err := json.Unmarshal(got, &back); err != nil || back != s {
				t.Errorf("appendJSONString(%q) reads back as %q (%v)", s, back, err)
			}
		}
	}
}

// FuzzJSONLD writes statements made of arbitrary strings: the output must
// be JSON, and, where every IRI is a valid absolute IRI (for json-gold,
// one that Go's url.Parse reads as absolute) and every string valid UTF-8,
// json-gold must read back the same triples.
func FuzzJSONLD(f *testing.F) {
	f.Add("http://example.org/s", "https://w3id.org/docgraph/ns#p", "dg:x", "en", "http://www.w3.org/2001/XMLSchema#date", uint8(0))
	f.Add("dg:opposes", "rdf:type", "@id", "ru", "xsd:integer", uint8(5))
	f.Add("b1", "http://schema.org/", "\u2028\"\\", "zh-hans", "https://w3id.org/docgraph/ns#//x", uint8(7))
	f.Fuzz(func(t *testing.T, subj, pred, obj, lang, dt string, flags uint8) {
		var s rdf.Term = rdf.IRI(subj)
		if flags&1 != 0 {
			s = rdf.BlankNode(subj)
		}
		var o rdf.Term
		switch flags >> 1 & 3 {
		case 0:
			o = rdf.IRI(obj)
		case 1:
			o = rdf.BlankNode(obj)
		case 2:
			o = rdf.NewLangString(obj, lang)
		default:
			o = rdf.NewTyped(obj, rdf.IRI(dt))
		}
		quads := []rdf.Quad{
			{S: s, P: rdf.IRI(pred), O: o},
			{S: s, P: vocab.RDFType, O: rdf.IRI(dt)},
			{S: s, P: vocab.DGOpposes, O: rdf.IRI(pred)},
		}
		var b bytes.Buffer
		enc := NewEncoder(&b, JSONLD, Options{})
		var kept []rdf.Quad
		for _, q := range quads {
			if enc.Encode(q) == nil {
				kept = append(kept, q)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b.Bytes()) {
			t.Fatalf("output is not JSON:\n%s", b.Bytes())
		}
		for _, x := range []string{subj, pred, obj, lang, dt} {
			if !utf8.ValidString(x) {
				return
			}
		}
		// json-gold drops IRIs that Go's url.Parse refuses or finds
		// relative, and some with nothing after the scheme ("http://",
		// "a:"); compare only statements with none of those.
		readable := func(iri string) bool {
			if _, err := rdf.NewIRI(iri); err != nil {
				return false
			}
			u, err := url.Parse(iri)
			if err != nil || !u.IsAbs() || u.Host == "" && u.Opaque == "" {
				return false
			}
			// It also drops http(s) IRIs its URL pattern refuses, such
			// as a host "!" (valid in an IRI): a limit of the reader,
			// not of what is written.
			if u.Scheme == "http" || u.Scheme == "https" {
				return ld.IsURL(iri)
			}
			return true
		}
		if !readable(pred) || !readable(dt) || flags&1 == 0 && !readable(subj) || flags>>1&3 == 0 && !readable(obj) {
			return
		}
		if dt == vocab.RDF+"JSON" {
			return // read back canonicalized
		}
		got, err := rdftest.ReadJSONLD(b.Bytes())
		if err != nil {
			t.Fatalf("json-gold cannot read the output: %v\n%s", err, b.Bytes())
		}
		if ok, diff := rdftest.Isomorphic(jsonldDataset(kept), got); !ok {
			t.Fatalf("json-gold reads the output differently (- written, + read):\n%s\n%s", diff, b.Bytes())
		}
	})
}
