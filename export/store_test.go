package export

import (
	"bytes"
	"context"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/rdf"
)

// sliceSource matches over a slice in its order, as a store would (nil
// terms are wildcards; a nil graph matches every graph).
type sliceSource struct {
	quads   []rdf.Quad
	matches int
}

func (s *sliceSource) Match(ctx context.Context, subj, pred, obj, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	s.matches++
	return func(yield func(rdf.Quad, error) bool) {
		for _, q := range s.quads {
			if (subj == nil || q.S == subj) && (pred == nil || q.P == pred) &&
				(obj == nil || q.O == obj) && (g == nil || q.G == g) {
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}

func TestWriteStore(t *testing.T) {
	shuffled := fixtureQuads()
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	sorted := fixtureQuads()
	slices.SortFunc(sorted, rdf.CompareQuads)
	for _, f := range Formats {
		t.Run(f.Name(), func(t *testing.T) {
			// RDF/XML cannot carry every fixture quad (see expressible).
			src := &sliceSource{quads: slices.DeleteFunc(slices.Clone(shuffled), func(q rdf.Quad) bool { return !expressible(f, q) })}
			var b bytes.Buffer
			if err := WriteStore(context.Background(), &b, f, Options{}, src); err != nil {
				t.Fatal(err)
			}
			if want := encode(t, f, Options{}, sorted); !bytes.Equal(b.Bytes(), want) {
				t.Errorf("WriteStore differs from encoding the sorted quads:\n%s", golden.Diff(string(want), b.String()))
			}
			if src.matches != 4 { // one pass, then three named graphs
				t.Errorf("WriteStore made %d Match calls, want 4", src.matches)
			}
		})
	}
	// In TriG, the document's graph is now one block and its subject one
	// statement group, though the input had the subject twice.
	var b bytes.Buffer
	if err := WriteStore(context.Background(), &b, TriG, Options{}, &sliceSource{quads: shuffled}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "<"+string(fixDoc)+"> {"); n != 1 {
		t.Errorf("%d blocks for %s, want 1", n, fixDoc)
	}
	if n := strings.Count(out, "    <"+string(fixDoc)+"> a "); n != 1 {
		t.Errorf("%d statement groups for %s, want 1:\n%s", n, fixDoc, out)
	}
	// One graph only: a single Match, on that graph.
	src := &sliceSource{quads: shuffled}
	b.Reset()
	if err := WriteStore(context.Background(), &b, NQuads, Options{Graph: fixGaz}, src); err != nil {
		t.Fatal(err)
	}
	if src.matches != 1 || strings.Contains(b.String(), string(fixDoc)+"> .\n") {
		t.Errorf("Graph option: %d matches; output:\n%s", src.matches, b.String())
	}
}
