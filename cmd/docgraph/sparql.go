package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/optimizer"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
)

// queryFlags are the flags `sparql` and `query` share.
type queryFlags struct {
	format  string
	explain bool
	timeout time.Duration
	data    []string
	base    string // the store's base: the terminal table shows IRIs under it shortened
	raw     bool
}

func (f *queryFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&f.format, "format", "", "results: table (default on a terminal), json, xml, csv, tsv (default when piped); graphs: turtle (default), trig, ntriples, nquads, jsonld, rdfxml")
	c.Flags().BoolVar(&f.explain, "explain", false, "print the algebra and the plan with estimated and actual row counts")
	c.Flags().DurationVar(&f.timeout, "timeout", 0, "stop the query after this long (0: no limit)")
	c.Flags().BoolVar(&f.raw, "raw", false, "query what the extractor alone said, without the curators' corrections")
	c.Flags().StringArrayVar(&f.data, "data", nil, "query these RDF files instead of the store (repeatable; Turtle, N-Triples, N-Quads, RDF/XML)")
}

func newSparqlCmd(a *app) *cobra.Command {
	var qf queryFlags
	var file string
	c := &cobra.Command{
		Use:   "sparql [QUERY]",
		Short: "Run a SPARQL 1.1 query over the store or over RDF files",
		Long: `Runs a SPARQL query given as an argument, with -f FILE, or on standard input.
The store's default graph is the union of all its graphs; GRAPH ?g reaches each
document's own graph and the gazetteer graph. The prefixes rdf, rdfs, owl, xsd,
skos, dcterms, schema, prov, wd, rico and dg are predeclared. SERVICE and
updates are refused. An ASK in CSV or TSV is a header naming the column
_askResult, then true or false, as Jena writes it; CONSTRUCT and DESCRIBE
take any export format (--format turtle, rdfxml, …).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, name, err := queryText(a, args, file)
			if err != nil {
				return err
			}
			ds, stats, base, release, err := a.dataset(cmd.Context(), qf.data, qf.raw)
			if err != nil {
				return err
			}
			defer release()
			// relative IRIs (<doc/112100>, as the table shows them) are the store's
			qf.base = base
			p, err := queries.Prepare(text, queries.Options{Filename: name, Stats: stats, Base: base})
			if err != nil {
				return withCode(exitUsage, errors.New(strings.TrimRight(parser.Annotate(text, err), "\n")))
			}
			return a.runOver(cmd.Context(), p, qf, ds)
		},
	}
	c.Flags().StringVarP(&file, "file", "f", "", "read the query from this file")
	qf.add(c)
	return c
}

func queryText(a *app, args []string, file string) (text, name string, err error) {
	switch {
	case file != "" && len(args) > 0:
		return "", "", withCode(exitUsage, fmt.Errorf("give the query as an argument or with -f, not both"))
	case file != "":
		b, err := os.ReadFile(file)
		return string(b), file, err
	case len(args) == 1:
		return args[0], "query", nil
	}
	b, err := io.ReadAll(a.stdin)
	if err == nil && strings.TrimSpace(string(b)) == "" {
		err = withCode(exitUsage, fmt.Errorf("no query: give it as an argument, with -f FILE, or on standard input"))
	}
	return string(b), "stdin", err
}

// dataset opens what the query runs over: the --data files, else the store
// (with its statistics for join ordering, and its base): the corrected graph,
// or with raw what the extractor alone said. The returned function releases it.
func (a *app) dataset(ctx context.Context, data []string, raw bool) (queries.Dataset, optimizer.Stats, string, func(), error) {
	if len(data) > 0 {
		ds := rdf.NewDataset()
		for _, f := range data {
			qs, err := rdfio.ReadFile(f)
			if err != nil {
				return nil, nil, "", nil, err
			}
			for _, q := range qs {
				ds.Add(q)
			}
		}
		return ds, nil, "", func() {}, nil
	}
	store, err := a.openStoreReadOnly(ctx)
	if err != nil {
		return nil, nil, "", nil, err
	}
	ds, err := storeView(ctx, store, raw)
	if err != nil {
		store.Close()
		return nil, nil, "", nil, err
	}
	release := func() { store.Close() }
	// ?doc dg:textMatch "words" asks the full-text index, where there is
	// one. It is opened by the first such pattern: opening it costs more
	// processor time (its analyzers' tables) than most queries.
	if p := a.indexPath(); p != "" {
		if _, err := os.Stat(p); err == nil {
			lazy := &lazyIndex{path: p}
			ds = queries.WithTextIndex(ds, lazy.search)
			release = func() { lazy.close(); store.Close() }
		}
	}
	return ds, queries.StoreStats(ctx, store), store.Base(), release, nil
}

// textSearcher answers dg:textMatch from a full-text index (at most
// 10,000 documents a text).
func textSearcher(ix *fulltext.Index) queries.TextSearcher {
	return func(ctx context.Context, text string) ([]rdf.IRI, error) {
		iris, err := ix.Matching(text, 10000)
		if err != nil {
			return nil, err
		}
		out := make([]rdf.IRI, len(iris))
		for i, s := range iris {
			out[i] = rdf.IRI(s)
		}
		return out, nil
	}
}

// lazyIndex opens a full-text index when it is first searched.
type lazyIndex struct {
	path string
	once sync.Once
	ix   *fulltext.Index
	err  error
}

func (l *lazyIndex) search(ctx context.Context, text string) ([]rdf.IRI, error) {
	l.once.Do(func() { l.ix, l.err = fulltext.Open(l.path, true) })
	if l.err != nil {
		return nil, fmt.Errorf("full-text index %s: %w", l.path, l.err)
	}
	return textSearcher(l.ix)(ctx, text)
}

func (l *lazyIndex) close() {
	l.once.Do(func() {}) // no search may open it after this
	if l.ix != nil {
		l.ix.Close()
	}
}

// runOver runs a prepared query over ds and writes its results.
func (a *app) runOver(ctx context.Context, p *queries.Prepared, qf queryFlags, ds queries.Dataset) error {
	var err error
	if qf.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, qf.timeout)
		defer cancel()
	}
	if qf.explain {
		s, err := p.Explain(ctx, ds)
		if err != nil {
			return err
		}
		_, err = io.WriteString(a.stdout, s)
		return err
	}
	res, err := p.Run(ctx, ds)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(a.stdout, 1<<16)
	defer out.Flush()
	switch res.Form {
	case queries.Select, queries.Ask:
		return a.writeSolutions(out, res, qf.format, qf.base)
	}
	f := export.Turtle
	if qf.format != "" {
		if f, err = export.ParseFormat(qf.format); err != nil {
			return withCode(exitUsage, err)
		}
	}
	if err := export.WriteAll(ctx, out, f, export.Options{}, res.Triples); err != nil {
		return err
	}
	return out.Flush()
}

func (a *app) writeSolutions(out *bufio.Writer, res *queries.Result, format, base string) error {
	if format == "" {
		format = "tsv"
		if a.stdoutTTY {
			format = "table"
		}
	}
	if format == "table" {
		if res.Form == queries.Ask {
			fmt.Fprintln(out, res.Boolean)
			return out.Flush()
		}
		tw := results.NewTableWriter(out, res.Vars, results.TableOptions{Base: base})
		for row, err := range res.Solutions {
			if err != nil {
				tw.Close()
				return err
			}
			if err := tw.Write(row); err != nil {
				return err
			}
		}
		if err := tw.Close(); err != nil {
			return err
		}
		return out.Flush()
	}
	f, err := results.ParseFormat(format)
	if err != nil {
		return withCode(exitUsage, fmt.Errorf("unknown format %q for solutions (table, json, xml, csv, tsv)", format))
	}
	if res.Form == queries.Ask {
		if err := results.WriteBoolean(out, f, res.Boolean); err != nil {
			return err
		}
		return out.Flush()
	}
	w := results.NewWriter(out, f, res.Vars)
	for row, err := range res.Solutions {
		if err != nil {
			w.Close()
			return err
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return out.Flush()
}
