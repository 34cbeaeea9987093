package export

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func TestParseFormat(t *testing.T) {
	cases := map[string]Format{
		"turtle": Turtle, "ttl": Turtle, "TTL": Turtle, "trig": TriG,
		"ntriples": NTriples, "nt": NTriples, "nquads": NQuads, "nq": NQuads,
		"jsonld": JSONLD, "json-ld": JSONLD, " JSON-LD ": JSONLD,
	}
	for name, want := range cases {
		if got, err := ParseFormat(name); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
	for _, bad := range []string{"", "rdfxml2", "turtle2"} {
		if _, err := ParseFormat(bad); err == nil || !strings.Contains(err.Error(), "unknown format") {
			t.Errorf("ParseFormat(%q) error = %v, want an unknown-format error", bad, err)
		}
	}
	for _, f := range Formats {
		if got, err := ParseFormat(f.Name()); err != nil || got != f {
			t.Errorf("ParseFormat(%v.Name()) = %v, %v", f, got, err)
		}
		if got, ok := FormatForExt(f.Ext()); !ok || got != f {
			t.Errorf("FormatForExt(%q) = %v, %v", f.Ext(), got, ok)
		}
		if got, ok := FormatForMediaType(f.MediaType() + "; charset=utf-8"); !ok || got != f {
			t.Errorf("FormatForMediaType(%q) = %v, %v", f.MediaType(), got, ok)
		}
	}
	for _, ext := range []string{".rdf", ".owl", ".xml"} {
		if f, ok := FormatForExt(ext); !ok || f != RDFXML {
			t.Errorf("FormatForExt(%s) = %v, %v; want rdfxml", ext, f, ok)
		}
	}
	for _, ext := range []string{".txt", ".html", ""} {
		if f, ok := FormatForExt(ext); ok {
			t.Errorf("FormatForExt(%q) = %v, want no format", ext, f)
		}
	}
	if _, ok := FormatForMediaType("text/html"); ok {
		t.Error("FormatForMediaType(text/html) accepted")
	}
	var b bytes.Buffer
	if err := NewEncoder(&b, Format(0), Options{}).Close(); err == nil {
		t.Error("the zero Format made a working encoder")
	}
}

// TestNTriplesTermsMatchString checks that the N-Triples writer spells every
// term exactly as rdf's Term.String does.
func TestNTriplesTermsMatchString(t *testing.T) {
	terms := []rdf.Term{
		rdf.IRI("http://example.org/a"),
		rdf.IRI("http://example.org/person/毛泽东"),
		rdf.IRI("http://example.org/with space"), // not valid, but must still be escaped the same way
		rdf.IRI("http://example.org/q?x={y}|`^\\"),
		rdf.BlankNode("b0"),
		rdf.NewString(""),
		rdf.NewString("plain"),
		rdf.NewString("tab\there, bell\a, del\x7f, nul\x00, cr\r, lf\n, quote\", backslash\\"),
		rdf.NewString("bad utf-8 \xff\xfe end"),
		rdf.NewString("Сталин 斯大林 😀"),
		rdf.NewLangString("Сталин", "ru"),
		rdf.NewLangString("x", "en-GB"),
		rdf.NewTyped("01", vocab.XSDInteger),
		rdf.NewTyped("x", "http://example.org/dt#{odd}"),
	}
	for _, term := range terms {
		if got := string(appendNT(nil, term)); got != term.String() {
			t.Errorf("appendNT(%#v) = %s, Term.String = %s", term, got, term.String())
		}
	}
}

func TestBlankLabels(t *testing.T) {
	cases := map[string]string{
		"b0":     "b0",
		"v.orig": "v.orig",
		"0start": "0start",
		"Сталин": "Сталин",
		"end.":   "x_656e642e",
		"a b":    "x_612062",
		"x_1":    "x_785f31", // would collide with rewritten labels
		"":       "x_",
		"-lead":  "x_2d6c656164",
	}
	for in, want := range cases {
		if got := blankLabel(rdf.BlankNode(in)); got != want {
			t.Errorf("blankLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTurtleTerms(t *testing.T) {
	e := newTurtleEncoder(nil, false, Options{})
	cases := []struct {
		term rdf.Term
		want string
	}{
		{rdf.NewTyped("1", vocab.XSDInteger), `1`},
		{rdf.NewTyped("-42", vocab.XSDInteger), `-42`},
		{rdf.NewTyped("0", vocab.XSDInteger), `0`},
		{rdf.NewTyped("01", vocab.XSDInteger), `"01"^^xsd:integer`},
		{rdf.NewTyped("+1", vocab.XSDInteger), `"+1"^^xsd:integer`},
		{rdf.NewTyped("-0", vocab.XSDInteger), `"-0"^^xsd:integer`},
		{rdf.NewTyped("1 ", vocab.XSDInteger), `"1 "^^xsd:integer`},
		{rdf.NewTyped("0.9", vocab.XSDDecimal), `0.9`},
		{rdf.NewTyped("-0.5", vocab.XSDDecimal), `-0.5`},
		{rdf.NewTyped("1.0", vocab.XSDDecimal), `1.0`},
		{rdf.NewTyped("1.50", vocab.XSDDecimal), `"1.50"^^xsd:decimal`},
		{rdf.NewTyped(".5", vocab.XSDDecimal), `".5"^^xsd:decimal`},
		{rdf.NewTyped("1.", vocab.XSDDecimal), `"1."^^xsd:decimal`},
		{rdf.NewTyped("1", vocab.XSDDecimal), `"1"^^xsd:decimal`},
		{rdf.NewTyped("-0.0", vocab.XSDDecimal), `"-0.0"^^xsd:decimal`},
		{rdf.NewTyped("true", vocab.XSDBoolean), `true`},
		{rdf.NewTyped("1", vocab.XSDBoolean), `"1"^^xsd:boolean`},
		{rdf.NewTyped("TRUE", vocab.XSDBoolean), `"TRUE"^^xsd:boolean`},
		{rdf.NewTyped("1e3", vocab.XSDDouble), `"1e3"^^xsd:double`},
		{rdf.NewString("059a"), `"059a"`},
		{rdf.NewLangString("Сталин", "ru"), `"Сталин"@ru`},
		{rdf.NewString("a\nb"), "\"\"\"a\nb\"\"\""},
		{rdf.NewString("ends \"\n\""), "\"\"\"ends \"\n\\\"\"\"\""},
		{rdf.NewString("\"\"\"\n"), "\"\"\"\\\"\\\"\"\n\"\"\""},
		{rdf.NewString("back\\slash\n"), "\"\"\"back\\\\slash\n\"\"\""},
		{rdf.NewString("\"quoted\"\n# heading\n#"), "\"\"\"\\\"quoted\"\n\\u0023 heading\n\\u0023\"\"\""},
		{rdf.NewLangString("две\nстроки", "ru"), "\"\"\"две\nстроки\"\"\"@ru"},
		{rdf.NewTyped("x", "http://example.org/dt"), `"x"^^<http://example.org/dt>`},
		{vocab.DGOpposes, `dg:opposes`},
		{rdf.IRI(vocab.DG), `dg:`},
		{rdf.IRI(vocab.WD + "Q855"), `wd:Q855`},
		{rdf.IRI(vocab.DG + "1950s"), `dg:1950s`},
		{rdf.IRI(vocab.DG + "a.b"), `dg:a.b`},
		{rdf.IRI(vocab.DG + "a."), `<https://w3id.org/docgraph/ns#a.>`},
		{rdf.IRI(vocab.DG + "-a"), `<https://w3id.org/docgraph/ns#-a>`},
		{rdf.IRI(vocab.DG + "a/b"), `<https://w3id.org/docgraph/ns#a/b>`},
		{rdf.IRI(vocab.DG + "a%20b"), `<https://w3id.org/docgraph/ns#a%20b>`},
		{rdf.IRI(vocab.DG + "a:b"), `<https://w3id.org/docgraph/ns#a:b>`},
		{rdf.IRI(vocab.DG + "名前"), `dg:名前`},
		{rdf.IRI("http://example.org/x"), `<http://example.org/x>`},
		{rdf.BlankNode("b1"), `_:b1`},
	}
	for _, c := range cases {
		if got := string(e.appendTerm(nil, c.term, false)); got != c.want {
			t.Errorf("Turtle form of %v = %s, want %s", c.term, got, c.want)
		}
	}
	if got := string(e.appendTerm(nil, vocab.RDFType, true)); got != "a" {
		t.Errorf("rdf:type as a predicate = %s, want a", got)
	}
	if got := string(e.appendTerm(nil, vocab.RDFType, false)); got != "rdf:type" {
		t.Errorf("rdf:type as an object = %s, want rdf:type", got)
	}
}

func TestRelativeIRIs(t *testing.T) {
	e := newTurtleEncoder(nil, false, Options{Base: fixBase, Prefixes: []vocab.Prefix{}})
	cases := map[string]string{
		fixBase + "doc/1":      "<doc/1>",
		fixBase + "a:b/c":      "<" + fixBase + "a:b/c>", // would read as a scheme
		fixBase + "a/b:c":      "<a/b:c>",
		fixBase + "./x":        "<" + fixBase + "./x>",
		fixBase + "a/../x":     "<" + fixBase + "a/../x>",
		fixBase + "?q":         "<" + fixBase + "?q>",
		fixBase:                "<" + fixBase + ">",
		"http://example.org/x": "<http://example.org/x>",
	}
	for iri, want := range cases {
		if got := string(e.appendIRI(nil, iri)); got != want {
			t.Errorf("relative form of %s = %s, want %s", iri, got, want)
		}
	}
	for _, bad := range []string{"http://example.org/a", "http://example.org/a/?q", "relative/", ""} {
		if usableBase(bad) {
			t.Errorf("usableBase(%q) = true", bad)
		}
	}
}

// failWriter fails every write after n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// manyQuads returns n quads over n/5 subjects in several graphs.
func manyQuads(n int) []rdf.Quad {
	quads := make([]rdf.Quad, 0, n)
	for i := 0; len(quads) < n; i++ {
		g := vocab.NewMinter(fixBase).Document(string(rune('a' + i%7)))
		s := rdf.IRI(fixBase + "person/p" + strings.Repeat("x", i%3) + string(rune('0'+i%10)) + "-" + itoa(i))
		quads = append(quads,
			rdf.Quad{S: s, P: vocab.RDFType, O: vocab.SchemaPerson, G: g},
			rdf.Quad{S: s, P: vocab.RDFSLabel, O: rdf.NewLangString("Имя "+itoa(i), "ru"), G: g},
			rdf.Quad{S: s, P: vocab.RDFSLabel, O: rdf.NewLangString("Name "+itoa(i), "en"), G: g},
			rdf.Quad{S: s, P: vocab.DGConfidence, O: rdf.NewTyped("0."+itoa(i%9+1), vocab.XSDDecimal), G: g},
			rdf.Quad{S: s, P: vocab.SKOSNote, O: rdf.NewString("line one\nline \"two\" of " + itoa(i)), G: g},
		)
	}
	return quads[:n]
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		if i /= 10; i == 0 {
			return string(b)
		}
	}
}

func TestStickyWriteError(t *testing.T) {
	for _, f := range Formats {
		t.Run(f.Name(), func(t *testing.T) {
			w := &failWriter{n: 1000}
			enc := NewEncoder(w, f, Options{})
			var first error
			for _, q := range manyQuads(20000) {
				if err := enc.Encode(q); err != nil {
					first = err
					break
				}
			}
			if !errors.Is(first, errDiskFull) {
				t.Fatalf("Encode error = %v, want the writer's error", first)
			}
			if err := enc.Encode(manyQuads(1)[0]); !errors.Is(err, errDiskFull) {
				t.Errorf("Encode after a failure = %v, want the same error", err)
			}
			if err := enc.Close(); !errors.Is(err, errDiskFull) {
				t.Errorf("Close after a failure = %v, want the same error", err)
			}
		})
	}
}

func TestInvalidQuadRejected(t *testing.T) {
	bad := []rdf.Quad{
		{S: rdf.NewString("literal subject"), P: vocab.RDFSLabel, O: rdf.NewString("x")},
		{S: rdf.IRI(fixBase + "s"), P: rdf.BlankNode("p"), O: rdf.NewString("x")},
		{S: rdf.IRI(fixBase + "s"), P: vocab.RDFSLabel, O: nil},
		{S: rdf.IRI(fixBase + "s"), P: vocab.RDFSLabel, O: rdf.NewString("x"), G: rdf.NewString("g")},
		{S: rdf.IRI(fixBase + "s"), P: vocab.RDFSLabel, O: rdf.Literal{Lexical: "x", Datatype: rdf.RDFLangString, Lang: "en us"}},
	}
	good := fixtureQuads()[:5]
	for _, f := range Formats {
		t.Run(f.Name(), func(t *testing.T) {
			var b bytes.Buffer
			enc := NewEncoder(&b, f, Options{})
			for i, q := range good {
				if err := enc.Encode(q); err != nil {
					t.Fatal(err)
				}
				if i < len(bad) {
					if err := enc.Encode(bad[i]); err == nil {
						t.Errorf("Encode(%v) accepted an invalid quad", bad[i])
					}
				}
			}
			if err := enc.Close(); err != nil {
				t.Fatalf("Close after rejected quads: %v", err)
			}
			if err := enc.Encode(good[0]); !errors.Is(err, ErrClosed) {
				t.Errorf("Encode after Close = %v, want ErrClosed", err)
			}
			got := readBack(t, f, b.Bytes(), "")
			if ok, diff := rdftest.Isomorphic(expected(f, good), got); !ok {
				t.Errorf("output after rejected quads:\n%s", diff)
			}
		})
	}
}

func TestEmptyOutput(t *testing.T) {
	for _, f := range Formats {
		data := encode(t, f, Options{}, nil)
		if got := readBack(t, f, data, ""); len(got) != 0 {
			t.Errorf("%v: empty export reads back as %d quads", f, len(got))
		}
		if f == Turtle && !strings.HasPrefix(string(data), "@prefix rdf: ") {
			t.Errorf("empty Turtle lacks the prefix table:\n%s", data)
		}
	}
}

func seq(quads []rdf.Quad, failAt int) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		for i, q := range quads {
			if i == failAt {
				yield(rdf.Quad{}, errDiskFull)
				return
			}
			if !yield(q, nil) {
				return
			}
		}
	}
}

func TestWriteAll(t *testing.T) {
	ctx := context.Background()
	var b bytes.Buffer
	if err := WriteAll(ctx, &b, Turtle, Options{}, seq(fixtureQuads(), -1)); err != nil {
		t.Fatal(err)
	}
	if want := encode(t, Turtle, Options{}, fixtureQuads()); !bytes.Equal(b.Bytes(), want) {
		t.Error("WriteAll output differs from encoding the quads one by one")
	}
	if err := WriteAll(ctx, &b, NQuads, Options{}, seq(fixtureQuads(), 3)); !errors.Is(err, errDiskFull) {
		t.Errorf("WriteAll with a failing source = %v, want its error", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := WriteAll(cancelled, &b, JSONLD, Options{}, seq(manyQuads(3000), -1)); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteAll with a cancelled context = %v, want context.Canceled", err)
	}
}

// TestSortedSpills forces the sorted mode to spill many runs to disk and
// checks the merged output against sorting in memory and against sort(1).
func TestSortedSpills(t *testing.T) {
	quads := manyQuads(4000)
	quads = append(quads, quads[:500]...) // duplicates
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(quads), func(i, j int) { quads[i], quads[j] = quads[j], quads[i] })
	for _, f := range []Format{NTriples, NQuads} {
		dir := t.TempDir()
		spilled := encode(t, f, Options{Sorted: true, SortMemory: 16 << 10, TempDir: dir}, quads)
		inMemory := encode(t, f, Options{Sorted: true}, quads)
		if !bytes.Equal(spilled, inMemory) {
			t.Errorf("%v: spilled sort differs from the in-memory sort:\n%s", f, golden.Diff(string(inMemory), string(spilled)))
		}
		lines := strings.SplitAfter(string(encode(t, f, Options{}, quads)), "\n")
		lines = lines[:len(lines)-1]
		slices.Sort(lines)
		lines = slices.Compact(lines)
		if want := strings.Join(lines, ""); string(spilled) != want {
			t.Errorf("%v: sorted output is not the unsorted lines sorted and deduplicated", f)
		}
		if f == NQuads && len(lines) != 4000 {
			t.Errorf("%v: %d distinct lines, want 4000", f, len(lines))
		}
		left, _ := os.ReadDir(dir)
		if len(left) != 0 {
			t.Errorf("%v: %d temporary files left behind", f, len(left))
		}
		if sortBin, err := exec.LookPath("sort"); err == nil {
			cmd := exec.Command(sortBin, "-u")
			cmd.Env = append(os.Environ(), "LC_ALL=C")
			cmd.Stdin = bytes.NewReader(encode(t, f, Options{}, quads))
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, spilled) {
				t.Errorf("%v: sorted output differs from LC_ALL=C sort -u", f)
			}
		}
	}
}

// TestTriGBlocks checks the TriG layout: default-graph triples outside any
// block, one block per run of a graph, and a block reopened when a graph
// comes back.
func TestTriGBlocks(t *testing.T) {
	s, p := rdf.IRI(fixBase+"s"), vocab.RDFSLabel
	g1, g2 := rdf.IRI(fixBase+"g1"), rdf.IRI(fixBase+"g2")
	quads := []rdf.Quad{
		{S: s, P: p, O: rdf.NewString("in g1"), G: g1},
		{S: s, P: p, O: rdf.NewString("default")},
		{S: s, P: p, O: rdf.NewString("in g2"), G: g2},
		{S: s, P: p, O: rdf.NewString("in g1 again"), G: g1},
	}
	got := string(encode(t, TriG, Options{Prefixes: []vocab.Prefix{}}, quads))
	want := `<http://example.org/docgraph/g1> {
    <http://example.org/docgraph/s> <http://www.w3.org/2000/01/rdf-schema#label> "in g1" .
}

<http://example.org/docgraph/s> <http://www.w3.org/2000/01/rdf-schema#label> "default" .

<http://example.org/docgraph/g2> {
    <http://example.org/docgraph/s> <http://www.w3.org/2000/01/rdf-schema#label> "in g2" .
}

<http://example.org/docgraph/g1> {
    <http://example.org/docgraph/s> <http://www.w3.org/2000/01/rdf-schema#label> "in g1 again" .
}
`
	if got != want {
		t.Errorf("TriG layout:\n%s", golden.Diff(want, got))
	}
}

func TestLineSorterRuns(t *testing.T) {
	s := &lineSorter{limit: 36, dir: t.TempDir()} // two lines a run
	defer s.cleanup()
	for _, l := range []string{"d\n", "b\n", "a\n", "c\n", "b\n", "e\n", "a\n"} {
		if err := s.add(l); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.runs) < 2 {
		t.Fatalf("%d runs spilled, want several", len(s.runs))
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := s.writeTo(w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if got := b.String(); got != "a\nb\nc\nd\ne\n" {
		t.Errorf("merged runs = %q", got)
	}
}

func TestValidLangTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "ru": true, "en-GB": true, "zh-Hans-CN": true, "de-1996": true,
		"": false, "en-": false, "-en": false, "en--GB": false, "1en": false, "en us": false, "ру": false,
	} {
		if got := validLangTag(tag); got != want {
			t.Errorf("validLangTag(%q) = %v, want %v", tag, got, want)
		}
	}
}

// TestStreamingAllocations checks that the writers stream: encoding 20,000
// quads allocates a fixed handful of buffers, not something per quad, so
// memory does not grow with the export.
func TestStreamingAllocations(t *testing.T) {
	quads := benchQuads(20_000)
	for _, f := range []Format{Turtle, TriG, NTriples, NQuads, JSONLD} {
		allocs := testing.AllocsPerRun(2, func() {
			enc := NewEncoder(io.Discard, f, Options{})
			for _, q := range quads {
				if err := enc.Encode(q); err != nil {
					t.Fatal(err)
				}
			}
			if err := enc.Close(); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 200 {
			t.Errorf("%v: %.0f allocations for %d quads; the writer should not allocate per quad", f, allocs, len(quads))
		}
	}
}

func TestInvalidUTF8IRI(t *testing.T) {
	iri := rdf.IRI("http://example.org/\xff\xfe<x>")
	if got := string(appendNT(nil, iri)); got != iri.String() {
		t.Errorf("appendNT(%q) = %q, Term.String = %q", iri, got, iri.String())
	}
}

func TestCustomPrefixes(t *testing.T) {
	opt := Options{Prefixes: []vocab.Prefix{
		{Name: "doc", IRI: fixBase + "doc/"},
		{Name: "", IRI: fixBase + "person/"},
		{Name: "bad name", IRI: "http://example.org/bad/"},
		{Name: "doc", IRI: "http://example.org/other/"},
		{Name: "rel", IRI: "relative/"},
		{Name: "dg", IRI: vocab.DG},
	}}
	data := encode(t, JSONLD, opt, fixtureQuads())
	if !bytes.Contains(data, []byte(`"doc:113644"`)) {
		t.Errorf("JSON-LD does not use the doc: prefix:\n%s", data)
	}
	if ok, diff := rdftest.Isomorphic(rdftest.Merge(fixtureQuads()), readBack(t, JSONLD, data, "")); !ok {
		t.Errorf("JSON-LD with custom prefixes reads back differently:\n%s", diff)
	}
	for _, f := range []Format{Turtle, TriG} {
		data := string(encode(t, f, opt, fixtureQuads()))
		for _, want := range []string{"@prefix doc: <" + fixBase + "doc/> .\n", "@prefix : <" + fixBase + "person/> .\n", "doc:113644 ", ":joseph-stalin"} {
			if !strings.Contains(data, want) {
				t.Errorf("%v output lacks %q", f, want)
			}
		}
		for _, bad := range []string{"bad name", "other/", "@prefix rel:"} {
			if strings.Contains(data, bad) {
				t.Errorf("%v output declares the unusable prefix %q", f, bad)
			}
		}
		got := readBack(t, f, []byte(data), "")
		if ok, diff := rdftest.Isomorphic(expected(f, fixtureQuads()), got); !ok {
			t.Errorf("%v with custom prefixes reads back differently:\n%s", f, diff)
		}
	}
}
