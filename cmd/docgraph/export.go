package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/export/letters"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func newExportCmd(a *app) *cobra.Command {
	var (
		format, out, doc, network string
		sorted, raw               bool
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
extension is an error.

Correspondence for the tools historians use: --format cmif (or -o
NAME.cmif.xml) writes every letter, telegram and cable as TEI correspDesc in
the Correspondence Metadata Interchange Format that correspSearch collects;
--format gexf (Gephi, -o NAME.gexf) or graphml (networkx, yEd, Cytoscape,
-o NAME.graphml) write the correspondence network, one dated edge per
letter, or with --network comentions the network of people and
organisations that documents mention together.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lower := strings.ToLower(out)
			special := strings.ToLower(format)
			switch {
			case special == "cmif" || special == "gexf" || special == "graphml":
			case format == "" && (strings.HasSuffix(lower, ".cmif.xml") || strings.HasSuffix(lower, ".cmif")):
				special = "cmif"
			case format == "" && strings.HasSuffix(lower, ".gexf"):
				special = "gexf"
			case format == "" && strings.HasSuffix(lower, ".graphml"):
				special = "graphml"
			default:
				special = ""
			}
			if special != "" {
				return a.exportLetters(ctx, special, network, out)
			}
			if network != "" {
				return withCode(exitUsage, fmt.Errorf("--network goes with --format gexf or graphml"))
			}
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
				graphs = []rdf.IRI{g, vocab.Extracted(g)}
			}
			w, file, err := a.output(out)
			if err != nil {
				return err
			}
			if file != nil {
				defer file.Close()
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			opt := export.Options{Sorted: sorted}
			set, err := curate.Load(ctx, store)
			if err != nil {
				return err
			}
			quads := set.Quads(catalog.Quads(ctx, store, graphs...), raw)
			if graphs == nil && !f.KeepsGraphs() && !raw && set.Corrected() == 0 {
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
	c.Flags().StringVarP(&format, "format", "f", "", export.FormatNames()+"; or cmif, gexf, graphml")
	c.Flags().StringVar(&network, "network", "", "with gexf or graphml: letters (default) or comentions")
	c.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	c.Flags().StringVar(&doc, "doc", "", "export only this document's graph (its record id)")
	c.Flags().BoolVar(&raw, "raw", false, "what the extractor alone said: each corrected graph as extracted, without the curation graph")
	c.Flags().BoolVar(&sorted, "sorted", false, "canonical N-Triples/N-Quads: sorted lines, no duplicates")
	return c
}

// exportLetters writes the letters as CMIF or a network as GEXF or GraphML.
func (a *app) exportLetters(ctx context.Context, format, network, out string) error {
	switch network {
	case "", "letters", "comentions":
	default:
		return withCode(exitUsage, fmt.Errorf("--network %q: want letters or comentions", network))
	}
	if format == "cmif" && network != "" {
		return withCode(exitUsage, fmt.Errorf("--network goes with gexf or graphml, not cmif"))
	}
	store, err := a.openStoreReadOnly(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	ls, err := letters.Letters(ctx, store)
	if err != nil {
		return err
	}
	w, file, err := a.output(out)
	if err != nil {
		return err
	}
	if file != nil {
		defer file.Close()
	}
	base := store.Base()
	net := export.CorrespondenceNetwork(ls)
	directed := true
	if network == "comentions" {
		if net, err = letters.CoMentions(ctx, store); err != nil {
			return err
		}
		directed = false
	}
	switch format {
	case "cmif":
		url := base + "download/letters.cmif.xml"
		if out != "" && out != "-" {
			url = filepath.Base(out)
		}
		err = export.WriteCMIF(w, export.CMIFHeader{Title: "Letters, telegrams and cables of " + base, Editor: "docgraph",
			Publisher: base, URL: url, Source: "docgraph store " + a.storeSpec, SourceURL: base}, ls)
	case "gexf":
		err = export.WriteGEXF(w, net, directed, "docgraph "+cmpOr(network, "letters")+" of "+base)
	case "graphml":
		err = export.WriteGraphML(w, net, directed)
	}
	if err != nil {
		return err
	}
	if file != nil {
		return file.Close()
	}
	return nil
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// output is where an export goes: standard output, or the file out names
// (created; the caller closes it, and checks the error of that close).
func (a *app) output(out string) (io.Writer, *os.File, error) {
	if out == "" || out == "-" {
		return a.stdout, nil, nil
	}
	f, err := os.Create(out)
	if err != nil {
		return nil, nil, err
	}
	return f, f, nil
}
