package rdfio_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/docgraph/docgraph/internal/fuzzseed"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// The line reader (lines.go) must give what the token parser gives: the
// same quads in the same order, and the same error after the same quads.

// decodeBoth reads src with the line reader and with the token parser
// alone, each through a reader made by wrap, and reports any difference.
func decodeBoth(src []byte, f rdfio.Format, opt rdfio.Options, wrap func(io.Reader) io.Reader) (n int, diff string) {
	if wrap == nil {
		wrap = func(r io.Reader) io.Reader { return r }
	}
	fast, fastErr := rdfio.NewDecoder(wrap(bytes.NewReader(src)), f, opt).DecodeAll()
	exact, exactErr := rdfio.NewExactDecoder(wrap(bytes.NewReader(src)), f, opt).DecodeAll()
	if errText(fastErr) != errText(exactErr) {
		return len(exact), fmt.Sprintf("line reader error %q, token parser error %q", errText(fastErr), errText(exactErr))
	}
	if i := firstDifference(fast, exact); i >= 0 {
		return len(exact), fmt.Sprintf("quad %d: line reader %s, token parser %s (of %d and %d quads; error %v)",
			i, quadAt(fast, i), quadAt(exact, i), len(fast), len(exact), exactErr)
	}
	return len(exact), ""
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func firstDifference(a, b []rdf.Quad) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

func quadAt(qs []rdf.Quad, i int) string {
	if i < len(qs) {
		return qs[i].String()
	}
	return "(none)"
}

// TestLinesMatchTokenParserOnW3C compares the two readers on every
// N-Triples and N-Quads file of the W3C suites, valid and invalid, in both
// formats, whole and one byte per read.
func TestLinesMatchTokenParserOnW3C(t *testing.T) {
	var files []string
	for _, dir := range []string{"rdf-n-triples", "rdf-n-quads", "rdf-turtle", "rdf-trig"} {
		for _, ext := range []string{"*.nt", "*.nq"} {
			m, err := filepath.Glob(filepath.Join(rdftest.SharedDir(t), "w3c", "rdf11", dir, ext))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, m...)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d W3C N-Triples and N-Quads files, want the suites' hundreds", len(files))
	}
	var errs, quads int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []rdfio.Format{rdfio.NTriples, rdfio.NQuads} {
			opt := rdfio.Options{Name: filepath.Base(path), BlankPrefix: "b_"}
			n, diff := decodeBoth(src, f, opt, nil)
			if diff != "" {
				t.Errorf("%s as %v: %s", filepath.Base(path), f, diff)
			}
			if _, diff := decodeBoth(src, f, opt, iotest.OneByteReader); diff != "" {
				t.Errorf("%s as %v, one byte per read: %s", filepath.Base(path), f, diff)
			}
			quads += n
			if _, err := rdfio.NewExactDecoder(bytes.NewReader(src), f, opt).DecodeAll(); err != nil {
				errs++
			}
		}
	}
	t.Logf("%d files, both formats: %d quads, %d errors, all the same", len(files), quads, errs)
}

// TestLinesMatchTokenParserOnGenerated compares the two readers on a large
// generated document, as it is and through readers that cut it up or fail.
func TestLinesMatchTokenParserOnGenerated(t *testing.T) {
	src := rdfio.SynthNQuads(20_000)
	if len(src) < 4*rdfio.LineChunk {
		t.Fatalf("test document too small: %d bytes", len(src))
	}
	n, diff := decodeBoth(src, rdfio.NQuads, rdfio.Options{Name: "big.nq"}, nil)
	if diff != "" {
		t.Fatal(diff)
	}
	if n < 20_000 {
		t.Fatalf("%d quads, want at least 20000", n)
	}
	readers := map[string]func(io.Reader) io.Reader{
		"half reads":    iotest.HalfReader,
		"data with EOF": iotest.DataErrReader,
		"fails midway":  func(r io.Reader) io.Reader { return &failingReader{r: r, left: len(src) / 3} },
		"fails at a line end": func(r io.Reader) io.Reader {
			return &failingReader{r: r, left: bytes.IndexByte(src[len(src)/2:], '\n') + len(src)/2 + 1}
		},
	}
	for name, wrap := range readers {
		if _, diff := decodeBoth(src, rdfio.NQuads, rdfio.Options{Name: "big.nq"}, wrap); diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
	}
	// A line longer than the reader's buffer.
	long := append([]byte("<http://a> <http://p> \""+strings.Repeat("très long \\n ", 60_000)+"\" <http://g> .\n"), src[:5000]...)
	if n, diff := decodeBoth(long, rdfio.NQuads, rdfio.Options{Name: "long.nq"}, iotest.HalfReader); diff != "" || n < 10 {
		t.Errorf("a long line: %d quads; %s", n, diff)
	}
	// A reader that fails for a while (iotest.TimeoutReader) is left out:
	// where its error falls depends on how much each read asks for, which
	// the two readers do not share.
	//
	// As N-Triples the first line is already an error.
	if _, diff := decodeBoth(src, rdfio.NTriples, rdfio.Options{Name: "big.nt"}, nil); diff != "" {
		t.Error(diff)
	}
}

// failingReader returns left bytes of r, then an error.
type failingReader struct {
	r    io.Reader
	left int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.left == 0 {
		return 0, errors.New("disk on fire")
	}
	n, err := f.r.Read(p[:min(len(p), f.left)])
	f.left -= n
	return n, err
}

// mutations are the bytes and strings that the line reader treats with
// care: they are written over random places of a valid document.
var mutations = []string{"<", ">", "\"", "\\", " ", "\t", "\n", "\r", ".", "#", "_:", ":", "@", "^^", "é", "\xff",
	`\u00e9`, `\U0001F600`, `\n`, `\"`, `"""`, "'", "5", "-", "@en-", "_:a.", " . ", "\r\n", "<http://x/y>", "\x00", "{", "\u00b7"}

// mutate writes k random mutations over a copy of src.
func mutate(rng *rand.Rand, src []byte, k int) []byte {
	out := slices.Clone(src)
	for range k {
		m := mutations[rng.IntN(len(mutations))]
		at := rng.IntN(len(out))
		if rng.IntN(2) == 0 {
			out = slices.Insert(out, at, []byte(m)...) // insert
		} else {
			end := min(len(out), at+len(m))
			out = slices.Replace(out, at, end, []byte(m)...) // overwrite
		}
	}
	return out
}

// TestLinesMatchTokenParserOnMutations compares the two readers on many
// damaged copies of a small generated document, where errors, escapes and
// unusual characters land anywhere.
func TestLinesMatchTokenParserOnMutations(t *testing.T) {
	base := rdfio.SynthNQuads(60)
	rng := rand.New(rand.NewPCG(7, 11))
	var failed, errs int
	const runs = 3000
	for run := range runs {
		src := mutate(rng, base, 1+run%4)
		f := []rdfio.Format{rdfio.NQuads, rdfio.NTriples}[run%2]
		if _, err := rdfio.NewExactDecoder(bytes.NewReader(src), f, rdfio.Options{Name: "m.nq"}).DecodeAll(); err != nil {
			errs++
		}
		if _, diff := decodeBoth(src, f, rdfio.Options{Name: "m.nq"}, nil); diff != "" {
			failed++
			if failed <= 5 {
				t.Errorf("run %d (%v): %s\ninput:\n%s", run, f, diff, src)
			}
		}
	}
	t.Logf("%d damaged documents, %d of them in error, %d differ", runs, errs, failed)
	if errs == 0 || errs == runs {
		t.Errorf("%d of %d damaged documents in error: the mutations test nothing", errs, runs)
	}
}

// TestLinesErrorsNamePosition checks errors that the line reader leaves to
// the token parser: they name the line and column of the original input.
func TestLinesErrorsNamePosition(t *testing.T) {
	good := "<http://a> <http://p> \"x\"@en <http://g> .\n"
	tests := []struct {
		src, want string
		quads     int
	}{
		{good + "# note\n<http://a> <http://p> <b c> .\n" + good, "bad.nq:3:25: character ' ' is not allowed in an IRI", 1},
		{good + good + "\n<http://a> <http://p> \"x\" .\n<rel> <http://p> <http://o> .\n", "bad.nq:5:1: relative IRI <rel> (N-Triples and N-Quads need absolute IRIs)", 3},
		{good + "<http://a> <http://p> \"x\\q\" .\n", "bad.nq:2:25: unknown escape \\q", 1},
		{good + "<http://a>\n<http://p> <http://o> .\n", "bad.nq:3:1: statement continues on the next line", 1},
	}
	for _, tt := range tests {
		qs, err := rdfio.ReadAll(strings.NewReader(tt.src), rdfio.NQuads, rdfio.Options{Name: "bad.nq"})
		if err == nil || err.Error() != tt.want {
			t.Errorf("error %v, want %s", err, tt.want)
		}
		if len(qs) != tt.quads {
			t.Errorf("%d quads before the error %q, want %d", len(qs), tt.want, tt.quads)
		}
	}
}

// TestLinesUnusualButValid reads lines that the scan leaves to the token
// parser although they are valid, between lines it reads itself.
func TestLinesUnusualButValid(t *testing.T) {
	src := strings.Join([]string{
		`<http://a> <http://p> <http://o\u00E9> .`,
		`_:ä <http://p> "x" .`,
		"<http://a> <http://p> \"y\" . # comment\r# more\r",
		`<http://a><http://p>"z"@EN-gb<http://g>.`,
		`<http://a> <http://p> "\U0001F600\t" .`,
		`_:b1.x <http://p> _:b2 .`,
	}, "\n")
	qs, err := rdfio.ReadAll(strings.NewReader(src), rdfio.NQuads, rdfio.Options{Name: "ok.nq", BlankPrefix: "f_"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`<http://a> <http://p> <http://oé> .`,
		`_:f_ä <http://p> "x" .`,
		`<http://a> <http://p> "y" .`,
		`<http://a> <http://p> "z"@en-gb <http://g> .`,
		`<http://a> <http://p> "😀\u0009" .`,
		`_:f_b1.x <http://p> _:f_b2 .`,
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzLinesMatchTokenParser checks that the line reader and the token
// parser agree on any input, in both formats.
func FuzzLinesMatchTokenParser(f *testing.F) {
	f.Add("<http://a> <http://p> \"x\"@en <http://g> .\n_:b <http://p> \"1\"^^<http://t> .\n")
	f.Add("<http://a> <http://p> \"\\u00e9\\\"\" . # c\r\n\n<http://a> <http://p> <http://b\\u0020> .")
	f.Add(string(rdfio.SynthNQuads(30)))
	for _, p := range fuzzseed.Files(f, "w3c/rdf11", ".nt", ".nq") {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, format := range []rdfio.Format{rdfio.NTriples, rdfio.NQuads} {
			if _, diff := decodeBoth([]byte(src), format, rdfio.Options{Name: "f.nq"}, nil); diff != "" {
				t.Fatalf("%v: %s", format, diff)
			}
		}
	})
}
