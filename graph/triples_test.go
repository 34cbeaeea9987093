package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// TriplesBySubject gives the union of the graphs with each triple once,
// though several graphs state it; on bolt every subject's triples come
// together.
func TestTriplesBySubject(t *testing.T) {
	ctx := context.Background()
	for _, spec := range []string{"bolt", "leveldb", "memory:"} {
		t.Run(spec, func(t *testing.T) {
			var s *graph.Store
			var err error
			if spec == "memory:" {
				s, err = graph.Open(ctx, spec, graph.Options{})
			} else {
				s, err = graph.Open(ctx, filepath.Join(t.TempDir(), "store"), graph.Options{Engine: spec})
			}
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			want := map[rdf.Triple]bool{}
			// Ten graphs each state the same labels of 20 shared entities
			// and facts of their own; graphs are written one by one, so a
			// shared entity's triples lie in many graphs.
			for g := range 10 {
				doc := rdf.IRI(fmt.Sprintf("http://example.org/doc/%d", g))
				var qs []rdf.Quad
				for e := range 20 {
					ent := rdf.IRI(fmt.Sprintf("http://example.org/e/%d", e))
					qs = append(qs,
						rdf.Quad{S: ent, P: rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: rdf.NewLangString(fmt.Sprintf("entity %d", e), "en")},
						rdf.Quad{S: doc, P: rdf.IRI("http://schema.org/mentions"), O: ent})
				}
				qs = append(qs, rdf.Quad{S: doc, P: rdf.IRI("http://purl.org/dc/terms/title"), O: rdf.NewString(fmt.Sprintf("document %d", g))})
				for _, q := range qs {
					want[q.Triple()] = true
				}
				if _, err := s.ReplaceGraph(ctx, doc, qs); err != nil {
					t.Fatal(err)
				}
			}
			// A replaced graph leaves deleted quads listed in the indexes.
			doc0 := rdf.IRI("http://example.org/doc/0")
			title := rdf.Quad{S: doc0, P: rdf.IRI("http://purl.org/dc/terms/title"), O: rdf.NewString("document 0")}
			if _, err := s.ReplaceGraph(ctx, doc0, []rdf.Quad{title}); err != nil {
				t.Fatal(err)
			}
			for tr := range want {
				if tr.S == doc0 && tr != title.Triple() {
					delete(want, tr)
				}
			}
			got := map[rdf.Triple]bool{}
			done := map[rdf.Term]bool{} // subjects whose run has ended
			var last rdf.Term
			for q, err := range s.TriplesBySubject(ctx) {
				if err != nil {
					t.Fatal(err)
				}
				if q.G != nil {
					t.Errorf("a triple with a graph: %v", q)
				}
				if got[q.Triple()] {
					t.Errorf("triple %v came twice", q.Triple())
				}
				got[q.Triple()] = true
				if q.S != last {
					if spec == "bolt" && done[q.S] {
						t.Errorf("subject %v came back after other subjects", q.S)
					}
					if last != nil {
						done[last] = true
					}
					last = q.S
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d distinct triples, want %d", len(got), len(want))
			}
			for tr := range want {
				if !got[tr] {
					t.Errorf("missing %v", tr)
				}
			}
		})
	}
}
