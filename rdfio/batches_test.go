package rdfio_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// collect reads every batch; it checks that an error comes once, last,
// with no quads.
func collect(t *testing.T, seq func(func([]rdf.Quad, error) bool)) ([]rdf.Quad, error) {
	t.Helper()
	var all []rdf.Quad
	var last error
	for qs, err := range seq {
		if last != nil {
			t.Fatalf("a batch after the error %v", last)
		}
		if err != nil {
			if len(qs) > 0 {
				t.Fatalf("%d quads with the error %v", len(qs), err)
			}
			last = err
			continue
		}
		if len(qs) == 0 {
			t.Fatal("an empty batch")
		}
		all = append(all, qs...)
	}
	return all, last
}

// batchesDiff compares Batches with the token parser on src.
func batchesDiff(t *testing.T, src []byte, f rdfio.Format, opt rdfio.Options, workers int, wrap func(io.Reader) io.Reader) string {
	t.Helper()
	if wrap == nil {
		wrap = func(r io.Reader) io.Reader { return r }
	}
	got, gotErr := collect(t, rdfio.Batches(wrap(bytes.NewReader(src)), f, opt, workers))
	want, wantErr := rdfio.NewExactDecoder(wrap(bytes.NewReader(src)), f, opt).DecodeAll()
	if errText(gotErr) != errText(wantErr) {
		return fmt.Sprintf("Batches error %q, token parser error %q", errText(gotErr), errText(wantErr))
	}
	if i := firstDifference(got, want); i >= 0 {
		return fmt.Sprintf("quad %d: Batches %s, token parser %s (of %d and %d quads; error %v)",
			i, quadAt(got, i), quadAt(want, i), len(got), len(want), wantErr)
	}
	return ""
}

func TestBatchesMatchTokenParser(t *testing.T) {
	src := rdfio.SynthNQuads(12_000)
	for _, workers := range []int{1, 2, 3} {
		for _, size := range []int{1 << 20, 300} {
			restore := rdfio.SetBlockSize(size)
			if diff := batchesDiff(t, src, rdfio.NQuads, rdfio.Options{Name: "big.nq"}, workers, nil); diff != "" {
				t.Errorf("%d workers, blocks of %d bytes: %s", workers, size, diff)
			}
			restore()
		}
	}
	// Errors in the input, and a reader that fails.
	lines := bytes.SplitAfter(src, []byte("\n"))
	for _, at := range []int{0, 1, 2, 3000, len(lines) / 2, len(lines) - 2} {
		bad := bytes.Join([][]byte{bytes.Join(lines[:at], nil), []byte("<http://a> <http://p> <b c> .\n"), bytes.Join(lines[at:], nil)}, nil)
		for _, size := range []int{1 << 20, 4 << 10} {
			restore := rdfio.SetBlockSize(size)
			if diff := batchesDiff(t, bad, rdfio.NQuads, rdfio.Options{Name: "bad.nq"}, 2, nil); diff != "" {
				t.Errorf("bad line %d, blocks of %d bytes: %s", at, size, diff)
			}
			restore()
		}
	}
	fails := func(r io.Reader) io.Reader { return &failingReader{r: r, left: len(src)/2 + 17} }
	if diff := batchesDiff(t, src, rdfio.NQuads, rdfio.Options{Name: "big.nq"}, 2, fails); diff != "" {
		t.Errorf("failing reader: %s", diff)
	}
	if diff := batchesDiff(t, src, rdfio.NQuads, rdfio.Options{Name: "big.nq"}, 2, iotest.HalfReader); diff != "" {
		t.Errorf("half reads: %s", diff)
	}
	// Other formats are read by one goroutine.
	ttl := "@prefix ex: <http://ex.org/> .\nex:a ex:p ex:b, ex:c .\nex:d ex:p"
	if diff := batchesDiff(t, []byte(ttl), rdfio.Turtle, rdfio.Options{Name: "t.ttl"}, 2, nil); diff != "" {
		t.Errorf("Turtle: %s", diff)
	}
}

// TestBatchesOnDamagedInput cuts damaged documents into blocks of a few
// lines, so that errors fall at every place relative to the blocks' edges.
func TestBatchesOnDamagedInput(t *testing.T) {
	base := rdfio.SynthNQuads(60)
	rng := rand.New(rand.NewPCG(3, 5))
	defer rdfio.SetBlockSize(400)()
	var failed int
	for run := range 500 {
		src := mutate(rng, base, 1+run%3)
		f := []rdfio.Format{rdfio.NQuads, rdfio.NTriples}[run%2]
		if diff := batchesDiff(t, src, f, rdfio.Options{Name: "m.nq"}, 2, nil); diff != "" {
			failed++
			if failed <= 3 {
				t.Errorf("run %d (%v): %s\ninput:\n%s", run, f, diff, src)
			}
		}
	}
}

func TestBatchesOnW3C(t *testing.T) {
	defer rdfio.SetBlockSize(100)()
	paths, _ := filepath.Glob(filepath.Join(rdftest.SharedDir(t), "w3c", "rdf11", "rdf-n-quads", "*.nq"))
	if len(paths) < 50 {
		t.Fatalf("%d W3C N-Quads files, want the suite's", len(paths))
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := batchesDiff(t, src, rdfio.NQuads, rdfio.Options{Name: filepath.Base(path)}, 2, nil); diff != "" {
			t.Errorf("%s: %s", filepath.Base(path), diff)
		}
	}
}

// watchedReader counts reads and fails the test on a read after closed.
type watchedReader struct {
	t      *testing.T
	r      io.Reader
	closed atomic.Bool
}

func (w *watchedReader) Read(p []byte) (int, error) {
	if w.closed.Load() {
		w.t.Error("read after the loop ended")
	}
	return w.r.Read(p)
}

func TestBatchesStopEarly(t *testing.T) {
	defer rdfio.SetBlockSize(4 << 10)()
	nq := rdfio.SynthNQuads(20_000)
	var ttl bytes.Buffer
	for i := range 20_000 {
		fmt.Fprintf(&ttl, "<http://ex.org/%d> <http://ex.org/p> \"%d\" .\n", i, i)
	}
	for f, src := range map[rdfio.Format][]byte{rdfio.NQuads: nq, rdfio.Turtle: ttl.Bytes()} {
		for _, workers := range []int{1, 2} {
			w := &watchedReader{t: t, r: bytes.NewReader(src)}
			n := 0
			for qs, err := range rdfio.Batches(w, f, rdfio.Options{Name: "big"}, workers) {
				if err != nil {
					t.Fatal(err)
				}
				n += len(qs)
				if n > 5000 {
					break
				}
			}
			w.closed.Store(true)
			if n <= 5000 {
				t.Errorf("%v, %d workers: %d quads", f, workers, n)
			}
		}
	}
	if _, err := collect(t, rdfio.Batches(strings.NewReader(""), rdfio.NQuads, rdfio.Options{Base: "rel"}, 2)); err == nil {
		t.Error("a relative base was accepted")
	}
}

// stuckReader returns some text, then nothing and no error for ever.
type stuckReader struct{ text string }

func (s *stuckReader) Read(p []byte) (int, error) {
	n := copy(p, s.text)
	s.text = s.text[n:]
	return n, nil
}

func TestReaderWithoutProgress(t *testing.T) {
	const text = "<http://a> <http://p> <http://o> .\n<http://a> <http://p> <http://o2> .\n"
	qs, err := rdfio.ReadAll(&stuckReader{text}, rdfio.NTriples, rdfio.Options{Name: "stuck.nt"})
	if err == nil || !strings.Contains(err.Error(), "stuck.nt:3:1: reading: multiple Read calls") {
		t.Errorf("Decode: error %v, want one about reads without progress at 3:1", err)
	}
	if len(qs) != 1 { // the second quad waits for the token after it, which no read gives
		t.Errorf("Decode: %d quads before the error, want 1", len(qs))
	}
	qs, err = collect(t, rdfio.Batches(&stuckReader{text}, rdfio.NTriples, rdfio.Options{Name: "stuck.nt"}, 2))
	if err == nil || !strings.Contains(err.Error(), "stuck.nt:3:1: reading: multiple Read calls") || len(qs) != 1 {
		t.Errorf("Batches: %d quads, error %v", len(qs), err)
	}
}
