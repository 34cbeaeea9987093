package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph/catalog"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func newExportCmd(a *app) *cobra.Command {
	var (
		format, out, doc string
		sorted, raw      bool
	)
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the graph as Turtle, TriG, N-Triples, N-Quads or JSON-LD",
		Long: `Writes every graph of the store, or one document's (--doc ID), to standard
output or a file. Turtle, N-Triples and JSON-LD merge the graphs; TriG and
N-Quads keep them. --sorted gives canonical N-Triples/N-Quads: lines in byte
order, so diffs between exports are stable. The format defaults to the
extension of -o, else Turtle.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f := export.Turtle
			switch {
			case format != "":
				var err error
				if f, err = export.ParseFormat(format); err != nil {
					return withCode(exitUsage, err)
				}
			case out != "":
				if g, ok := export.FormatForExt(filepath.Ext(out)); ok {
					f = g
				}
			}
			store, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			var graphs []rdf.IRI
			if doc != "" {
				g := store.Minter().Document(doc)
				n, err := store.Count(ctx, g, nil, nil, g)
				if err != nil {
					return err
				}
				if n == 0 {
					return withCode(exitNotFound, fmt.Errorf("no document %q in %s", doc, a.storeSpec))
				}
				graphs = []rdf.IRI{g, vocab.Extracted(g)}
			}
			var w io.Writer = a.stdout
			var file *os.File
			if out != "" && out != "-" {
				if file, err = os.Create(out); err != nil {
					return err
				}
				defer file.Close()
				w = file
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			opt := export.Options{Sorted: sorted}
			if err := export.WriteAll(ctx, bw, f, opt, curated(ctx, store, catalog.Quads(ctx, store, graphs...), raw)); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if file != nil {
				return file.Close()
			}
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "", "turtle, trig, ntriples, nquads or jsonld")
	c.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	c.Flags().StringVar(&doc, "doc", "", "export only this document's graph (its record id)")
	c.Flags().BoolVar(&raw, "raw", false, "what the extractor alone said: each corrected graph as extracted, without the curation graph")
	c.Flags().BoolVar(&sorted, "sorted", false, "canonical N-Triples/N-Quads: sorted lines, no duplicates")
	return c
}
