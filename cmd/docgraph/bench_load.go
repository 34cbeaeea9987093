package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// loadBatchQuads is how many quads the loader gathers before writing them
// in one transaction.
const loadBatchQuads = 40000

func newBenchLoadCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "load FILE.nq",
		Short: "Bulk-load an N-Quads file into the store (the graphs of the file are added to what the store holds)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			start := time.Now()
			loader, fresh, err := store.NewLoader(ctx)
			if err != nil {
				return err
			}
			if !fresh {
				// A store with data: the same gathering, written at the end
				// in one transaction.
				if loader, fresh, err = store.NewAppender(ctx); err != nil {
					return err
				}
			}
			var (
				pending = map[rdf.IRI][]rdf.Quad{}
				order   []rdf.IRI
				written = map[rdf.IRI]bool{}
				n, def  int
				size    int
			)
			if fresh {
				// An embedded store: gather the graphs, then write them in
				// one pass (a new file for an empty store, one transaction
				// for a store with data).
				var cur rdf.IRI
				var quads []rdf.Quad
				add := func() error {
					if cur == "" {
						return nil
					}
					_, err := loader.Extend(cur, quads)
					written[cur] = true
					quads = quads[:0]
					return err
				}
				// Parsing runs on another core while the loader gathers.
				for qs, err := range rdfio.Batches(f, rdfio.NQuads, rdfio.Options{Name: args[0]}, 1) {
					if err != nil {
						return err
					}
					for _, q := range qs {
						g, ok := q.G.(rdf.IRI)
						if !ok {
							def++
							continue
						}
						if g != cur {
							if err := add(); err != nil {
								return err
							}
							cur = g
						}
						quads = append(quads, q)
						n++
					}
				}
				if err := add(); err != nil {
					return err
				}
				if err := loader.Commit(ctx); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "loaded %d quads in %d graphs; %s\n", n, len(written), time.Since(start).Round(time.Millisecond))
				if def > 0 {
					fmt.Fprintf(a.stderr, "docgraph: %d quads in the default graph were skipped (a store holds named graphs)\n", def)
				}
				return nil
			}
			dec := rdfio.NewDecoder(f, rdfio.NQuads, rdfio.Options{Name: args[0]})
			flush := func() error {
				ups := make([]graph.GraphUpdate, 0, len(order))
				for _, g := range order {
					qs := pending[g]
					if written[g] {
						// The graph came back later in the file: keep what is stored.
						for q, err := range store.Match(ctx, nil, nil, nil, g) {
							if err != nil {
								return err
							}
							qs = append(qs, q)
						}
					}
					ups = append(ups, graph.GraphUpdate{Graph: g, Quads: qs})
					written[g] = true
				}
				if _, err := store.ReplaceGraphs(ctx, ups); err != nil {
					return err
				}
				clear(pending)
				order, size = order[:0], 0
				return nil
			}
			for {
				q, err := dec.Decode()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return err
				}
				g, ok := q.G.(rdf.IRI)
				if !ok {
					def++
					continue
				}
				if _, seen := pending[g]; !seen {
					// Cut batches only between graphs: a graph split over two
					// batches would make the second a replacement of a stored
					// graph, which cannot take the bulk path.
					if size >= loadBatchQuads {
						if err := flush(); err != nil {
							return err
						}
					}
					order = append(order, g)
				}
				pending[g] = append(pending[g], q)
				n++
				size++
			}
			if err := flush(); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "loaded %d quads in %d graphs; %s\n", n, len(written), time.Since(start).Round(time.Millisecond))
			if def > 0 {
				fmt.Fprintf(a.stderr, "docgraph: %d quads in the default graph were skipped (a store holds named graphs)\n", def)
			}
			return nil
		},
	}
}
