package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/racetest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func openStore(t *testing.T, spec string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), spec, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dump returns the store's statements as sorted N-Quads lines.
func dump(t *testing.T, s *graph.Store) string {
	t.Helper()
	var b strings.Builder
	for q, err := range catalog.Quads(context.Background(), s) {
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}

const letter = `Comrade Mao Zedong,

We agree with you that the proposal of the Mexicans is unacceptable.

Filippov
`

// pdfOf writes lines as a PDF file (an empty line leaves a gap); with no
// lines, a page with a drawing and no text, as a scan without OCR has.
func pdfOf(t *testing.T, lines ...string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	if len(lines) == 0 {
		p.Rect(20, 20, 100, 150, "F")
	}
	for _, l := range lines {
		p.CellFormat(0, 5, l, "", 1, "L", false, 0, "")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func utf16BOM(s string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.Bytes()
}

// TestBadInputs gives each kind of messy file next to a good one: each is
// either read correctly or refused with a message naming it, the good
// document always goes in, and a refused file leaves no trace in the store.
func TestBadInputs(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		ok   bool // read as a document
	}{
		{"empty.txt", nil, false},
		{"blank.txt", []byte("\n \n\t\n"), false},
		{"binary.txt", []byte("\x00\x01\x02PK\x03\x04\x00\xff\xfe\x00binary"), false},
		{"invalid-utf8.txt", []byte("Comrade Mao Zedong,\n\nWe agree \xff\xfe with you.\n"), true},
		{"utf16-bom.txt", utf16BOM(letter), true},
		{"crlf.txt", []byte(strings.ReplaceAll(letter, "\n", "\r\n")), true},
		{"saved-page.txt", []byte("<!DOCTYPE html>\n<html><head><title>Record</title></head><body><p>text</p></body></html>\n"), false},
		{"record.pdf", pdfOf(t, "Letter from the Danish Legation in Oslo to the Foreign Ministry, June 2, 1957", "", "The legation reports on the fisheries talks."), true},
		{"scan.pdf", pdfOf(t), false},
		{"damaged.pdf", pdfOf(t, "A short note on the fisheries talks.")[:300], false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // a store and a folder of its own
			dir := t.TempDir()
			good := filepath.Join(dir, "good.txt")
			bad := filepath.Join(dir, c.name)
			os.WriteFile(good, []byte(letter), 0o644)
			os.WriteFile(bad, c.data, 0o644)

			s := openStore(t, "memory:")
			rep, err := ingest.Run(context.Background(), s, []string{good}, ingest.Options{})
			if err != nil || rep.Documents != 1 {
				t.Fatalf("good document: %+v, %v", rep, err)
			}
			before := dump(t, s)
			rep, err = ingest.Run(context.Background(), s, []string{bad, good}, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.ok {
				if rep.Failed != 0 || rep.Documents != 2 {
					t.Fatalf("%s should be read: %d written, errors %v", c.name, rep.Documents, rep.Errors)
				}
				return
			}
			if rep.Failed != 1 || rep.Documents != 1 {
				t.Fatalf("%s should be refused: %d written, %d failed", c.name, rep.Documents, rep.Failed)
			}
			if msg := rep.Errors[0].Error(); !strings.Contains(msg, c.name) {
				t.Errorf("error does not name the file: %q", msg)
			}
			if after := dump(t, s); after != before {
				t.Errorf("a refused file changed the store")
			}
		})
	}
}

// TestReingestIsIdempotent ingests the examples twice into a bolt store.
func TestReingestIsIdempotent(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "store.db"))
	files, errs := ingest.Files([]string{filepath.Join(rdftest.RepoRoot(t), "examples")})
	if len(errs) > 0 || len(files) == 0 {
		t.Fatalf("examples: %v %v", files, errs)
	}
	rep, err := ingest.Run(context.Background(), s, files, ingest.Options{})
	if err != nil || rep.Failed > 0 {
		t.Fatalf("first ingest: %v %v", err, rep.Errors)
	}
	n1, _ := s.Count(context.Background(), nil, nil, nil, nil)
	rep, err = ingest.Run(context.Background(), s, files, ingest.Options{})
	if err != nil || rep.Quads.Added != 0 || rep.Quads.Removed != 0 {
		t.Fatalf("second ingest changed the store: %+v %v", rep.Quads, err)
	}
	n2, _ := s.Count(context.Background(), nil, nil, nil, nil)
	if n1 != n2 || n1 == 0 {
		t.Fatalf("quads: %d then %d", n1, n2)
	}
	if probs, err := catalog.Check(context.Background(), s); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}

// TestWalk follows folders, skips gold/ and hidden folders, and is not
// trapped by a symbolic link loop.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.MkdirAll(filepath.Join(dir, "gold"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	for _, f := range []string{"a/one.txt", "a/b/two.md", "gold/x.txt", ".git/y.txt", "a/notes.json"} {
		os.WriteFile(filepath.Join(dir, f), []byte(letter), 0o644)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "a", "b", "loop")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "a", "dangling.txt"))
	files, errs := ingest.Files([]string{dir, filepath.Join(dir, "nope")})
	if len(files) != 2 {
		t.Fatalf("files = %v", files)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "nope") {
		t.Fatalf("errs = %v", errs)
	}
}

// TestManyTinyRecords ingests 10,000 small letters into a bolt store
// (2,000 under the race detector: the same workers over fewer letters).
func TestManyTinyRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 documents; skipped with -short")
	}
	n := 10000
	if racetest.Enabled {
		n = 2000
	}
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Comrade Kim Il Sung,\n\nI inform you that shipment %d has left for Korea.\n\nFilippov\n", i)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("letter-%05d.txt", i)), []byte(body), 0o644)
	}
	files, _ := ingest.Files([]string{dir})
	s := openStore(t, filepath.Join(t.TempDir(), "store.db"))
	rep, err := ingest.Run(context.Background(), s, files, ingest.Options{})
	if err != nil || rep.Documents != n || rep.Failed != 0 {
		t.Fatalf("%d documents, %d failed, %v", rep.Documents, rep.Failed, err)
	}
	docs, err := catalog.Documents(context.Background(), s)
	if err != nil || len(docs) != n {
		t.Fatalf("%d documents listed, %v", len(docs), err)
	}
}

// TestLargeRecord ingests a single 50 MB record. Under the race detector
// the record is 5 MB: one record is extracted by one goroutine, so its
// size adds minutes of single-threaded work and nothing for the detector.
func TestLargeRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB document; skipped with -short")
	}
	size := 50 << 20
	if racetest.Enabled {
		size = 5 << 20
	}
	var b strings.Builder
	b.WriteString("Comrade Mao Zedong,\n\n")
	para := "We agree with you that the delegation of the USSR will reject the proposal of the Mexicans in the UN. "
	for b.Len() < size {
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	b.WriteString("Filippov\n")
	f := filepath.Join(t.TempDir(), "large.txt")
	os.WriteFile(f, []byte(b.String()), 0o644)
	s := openStore(t, "memory:")
	rep, err := ingest.Run(context.Background(), s, []string{f}, ingest.Options{})
	if err != nil || rep.Failed != 0 || rep.Documents != 1 {
		t.Fatalf("%+v %v", rep.Errors, err)
	}
	m := s.Minter()
	n, _ := s.Count(context.Background(), nil, vocab.SchemaMentions, rdf.IRI(m.Entity(vocab.ClassCountry, "Mexico")), nil)
	if n == 0 {
		t.Errorf("Mexico is not mentioned in the large record")
	}
}

// A run cancelled when the last document has been read (Ctrl-C at the
// last batch) says it was interrupted and how much it wrote, whichever
// way it writes: in batches the batches before stay whole, a first load
// in one pass leaves the store empty.
func TestInterruptedRunSaysSo(t *testing.T) {
	files, errs := ingest.Files([]string{filepath.Join(rdftest.RepoRoot(t), "examples")})
	if len(errs) > 0 || len(files) < 4 {
		t.Fatalf("examples: %v %v", files, errs)
	}
	for _, incremental := range []bool{true, false} {
		t.Run(fmt.Sprintf("incremental=%v", incremental), func(t *testing.T) {
			s := openStore(t, filepath.Join(t.TempDir(), "store"))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opt := ingest.Options{Workers: 1, Incremental: incremental, Batch: 2,
				Progress: func(done int) {
					if done == len(files) {
						cancel()
					}
				}}
			rep, err := ingest.Run(ctx, s, files, opt)
			if !errors.Is(err, ingest.ErrInterrupted) || !errors.Is(err, context.Canceled) {
				t.Fatalf("a cancelled run returned %v (report %+v)", err, rep)
			}
			if !strings.Contains(err.Error(), "interrupted") {
				t.Errorf("the error does not say the run was interrupted: %v", err)
			}
			docs, derr := catalog.Documents(context.Background(), s)
			if derr != nil {
				t.Fatal(derr)
			}
			if rep.Documents != len(docs) || rep.Documents >= len(files) {
				t.Errorf("report says %d documents written, the store holds %d, of %d files", rep.Documents, len(docs), len(files))
			}
			if want := fmt.Sprintf("after %d of %d documents", len(docs), len(files)); incremental && !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
			if !incremental && len(docs) != 0 {
				t.Errorf("an interrupted first load left %d documents", len(docs))
			}
		})
	}
}
