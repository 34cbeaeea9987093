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
)

func newExportCmd(a *app) *cobra.Command {
	var (
		format, out, doc string
		sorted           bool
	)
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the graph as Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML",
		Long: `Writes every graph of the store, or one document's (--doc ID), to standard
output or a file. Turtle, N-Triples, JSON-LD and RDF/XML merge the graphs,
each triple once; TriG and N-Quads keep them. --sorted gives canonical N-Triples/N-Quads: lines
in byte order, so diffs between exports are stable. Without --format, the
format is Turtle on standard output, and follows the extension of -o: .ttl,
.trig, .nt, .nq, .jsonld or .json, .rdf, .owl or .xml (RDF/XML); any other
extension is an error.`,
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
			case out != "" && out != "-":
				ext := filepath.Ext(out)
				g, ok := export.FormatForExt(ext)
				if !ok {
					if ext == "" {
						ext = "no extension"
					} else {
						ext = "extension " + ext
					}
					return withCode(exitUsage, fmt.Errorf("%s: cannot tell the format from %s; give --format (%s) or one of the extensions %s", out, ext, export.FormatNames(), export.Extensions()))
				}
				f = g
			}
			store, err := a.openStoreReadOnly(ctx)
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
				graphs = []rdf.IRI{g}
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
			quads := catalog.Quads(ctx, store, graphs...)
			if graphs == nil && !f.KeepsGraphs() {
				// Merged: each triple once, though several graphs state it.
				quads = store.TriplesBySubject(ctx)
			}
			if err := export.WriteAll(ctx, bw, f, opt, quads); err != nil {
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
	c.Flags().StringVarP(&format, "format", "f", "", export.FormatNames())
	c.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	c.Flags().StringVar(&doc, "doc", "", "export only this document's graph (its record id)")
	c.Flags().BoolVar(&sorted, "sorted", false, "canonical N-Triples/N-Quads: sorted lines, no duplicates")
	return c
}
