package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// TestConcurrentReadsAndWrites reads a store from several goroutines while
// another replaces its graphs, as a server does with its clients and an
// ingest: nothing fails, a memory store's Match sees whole graphs (10
// quads or none: one Match is one snapshot there), and the store ends as
// the last writes left it. Run with -race, it also checks the store's
// locking, the memory store's above all (Cayley's is not safe for
// concurrent use).
func TestConcurrentReadsAndWrites(t *testing.T) {
	for _, spec := range []string{"memory:", "bolt"} {
		t.Run(spec, func(t *testing.T) {
			ctx := context.Background()
			if spec == "bolt" {
				spec = filepath.Join(t.TempDir(), "store.db")
			}
			s, err := graph.Open(ctx, spec, graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			graphOf := func(i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("http://e/g%d", i)) }
			quads := func(i, round int) []rdf.Quad {
				var qs []rdf.Quad
				for k := range 10 {
					qs = append(qs, rdf.Quad{S: rdf.IRI(fmt.Sprintf("http://e/s%d", k)), P: rdf.IRI("http://e/p"), O: rdf.NewString(fmt.Sprint(i, "/", round))})
				}
				return qs
			}
			const graphs, rounds, readers = 4, 15, 4
			var wg sync.WaitGroup
			errs := make(chan error, readers+1)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					for i := range graphs {
						if _, err := s.ReplaceGraph(ctx, graphOf(i), quads(i, r)); err != nil {
							errs <- err
							return
						}
					}
				}
			}()
			for range readers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for r := range rounds * graphs {
						g := graphOf(r % graphs)
						n := 0
						for _, err := range s.Match(ctx, nil, nil, nil, g) {
							if err != nil {
								errs <- err
								return
							}
							n++
						}
						if spec == "memory:" && n != 0 && n != 10 {
							errs <- fmt.Errorf("graph %s read with %d quads, want 0 or 10", g, n)
							return
						}
						if _, err := s.Graphs(ctx); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			for i := range graphs {
				n, err := s.Count(ctx, nil, nil, nil, graphOf(i))
				if err != nil || n != 10 {
					t.Errorf("graph %d ends with %d quads (%v), want 10", i, n, err)
				}
				want := quads(i, rounds-1)[0].O
				if n, _ := s.Count(ctx, nil, nil, want, graphOf(i)); n != 10 {
					t.Errorf("graph %d ends with %d quads of the last round, want 10", i, n)
				}
			}
		})
	}
}
