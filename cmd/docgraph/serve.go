package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/server"
)

func newServeCmd(a *app) *cobra.Command {
	var (
		addr, token  string
		curatorsFile string
		timeout      time.Duration
		maxRows      int
		maxBody      int64
		quiet        bool
	)
	c := &cobra.Command{
		Use:   "serve",
		Short: "Publish the store on the web: SPARQL endpoint, linked-data pages, downloads",
		Long: `Serves the store over HTTP until interrupted:

  /                      home page: counts, search, latest documents
  /search?q=NAME         entities by name, label or pseudonym
  /doc/ID, /person/…     every minted IRI: HTML for browsers; Turtle, JSON-LD,
                         N-Triples or RDF/XML by Accept or by suffix
                         (.ttl .jsonld .nt .rdf; documents also .nq .trig)
  /network               the correspondence network (/network.json: its data)
  /sparql                SPARQL 1.1 Protocol endpoint, and an editor for browsers
  /download/graph.EXT    the whole store (ttl, trig, nt, nq, jsonld), gzipped on request
  /.well-known/void      VoID/DCAT description of the dataset
  /login, /review, /curation  curators' login, review queue and corrections log
  /ns, /context.jsonld   the dg: ontology and the JSON-LD context

Path P answers for the IRI <base>P, so publish the server at the store's
base to make its IRIs dereferenceable. The server is read-only, and opens
an embedded store read-only, so docgraph sparql, export and the other
commands that read it work beside it; with --token (or DOCGRAPH_TOKEN) it
holds the store for writing and also accepts POST /documents (multipart
files) from requests carrying "Authorization: Bearer TOKEN".

Curation: with --token, or --curators FILE (NAME:TOKEN lines, each curator
their own token), a curator logs in at /login (a session cookie) and the
entity, document and claim pages offer the corrections of docgraph curate:
merge, keep apart, link or unlink Wikidata, rename, retype, reject,
confirm, edit or add a claim, add a mention, confirm or dispute a
pseudonym; /review lists what docgraph review lists and /curation the log,
with undo. Every form carries a per-session CSRF token. A merged entity's
IRI answers 301 to the one it was merged into.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("DOCGRAPH_TOKEN")
			}
			var curators map[string]string
			if curatorsFile != "" {
				var err error
				if curators, err = readCurators(curatorsFile); err != nil {
					return withCode(exitUsage, err)
				}
			}
			// Without a token nothing is written: share the store with
			// the commands that read it (docgraph sparql, export, …).
			open := a.openStoreReadOnly
			if token != "" || len(curators) > 0 {
				open = a.openStore
			}
			store, err := open(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			level := slog.LevelInfo
			if quiet {
				level = slog.LevelWarn
			}
			logger := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
			gz, err := a.gazetteer()
			if err != nil {
				return err
			}
			// the full-text index: shared for reading without a token; a
			// store without one searches by a scan
			ix, err := a.openIndex(token == "")
			if err != nil && !errors.Is(err, fulltext.ErrNoIndex) {
				return err
			}
			if ix != nil {
				defer ix.Close()
			} else {
				logger.Warn("no full-text index; the search page scans titles, ids and shelfmarks (docgraph check --repair builds the index)")
			}
			h, err := server.New(server.Config{Store: store, Timeout: timeout, MaxRows: maxRows,
				MaxBody: maxBody, Token: token, Curators: curators, Gazetteer: gz, Index: ix, Logger: logger})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return withCode(exitUsage, err)
			}
			srv := &http.Server{
				Handler:           h,
				ReadHeaderTimeout: 10 * time.Second,
				IdleTimeout:       2 * time.Minute,
				ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			}
			mode := "read-only"
			switch {
			case token != "" && len(curators) > 0:
				mode = fmt.Sprintf("accepting POST /documents with the token; %d curators may log in at /login", len(curators))
			case token != "":
				mode = "accepting POST /documents with the token; curators log in at /login with it"
			case len(curators) > 0:
				mode = fmt.Sprintf("%d curators may log in at /login", len(curators))
			}
			fmt.Fprintf(a.stderr, "docgraph: serving %s at http://%s/ (IRIs under %s; %s)\n", a.storeSpec, ln.Addr(), store.Base(), mode)
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&addr, "addr", "localhost:8080", "address to listen on (host:port)")
	f.StringVar(&token, "token", "", "allow POST /documents for requests with this bearer token (env DOCGRAPH_TOKEN)")
	f.StringVar(&curatorsFile, "curators", "", "a file of NAME:TOKEN lines: each curator logs in at /login with their token to correct the graph")
	f.DurationVar(&timeout, "timeout", server.DefaultTimeout, "time limit of one SPARQL query")
	f.IntVar(&maxRows, "max-rows", server.DefaultMaxRows, "most rows (or triples) a SPARQL result returns")
	f.Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "largest request body, in bytes")
	f.BoolVar(&quiet, "quiet", false, "log only warnings and errors, not every request")
	return c
}

// readCurators reads a curators file: one NAME:TOKEN a line; blank lines
// and lines starting with # are skipped.
func readCurators(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("the curators file: %w", err)
	}
	out := map[string]string{}
	tokens := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, tok, ok := strings.Cut(line, ":")
		name, tok = strings.TrimSpace(name), strings.TrimSpace(tok)
		switch {
		case !ok || name == "" || tok == "":
			return nil, fmt.Errorf("%s:%d: want NAME:TOKEN", path, i+1)
		case len(tok) < 8:
			return nil, fmt.Errorf("%s:%d: the token of %s is shorter than 8 characters", path, i+1, name)
		case out[name] != "":
			return nil, fmt.Errorf("%s:%d: curator %s is listed twice", path, i+1, name)
		case tokens[tok]:
			return nil, fmt.Errorf("%s:%d: %s shares a token with another curator; each needs their own", path, i+1, name)
		}
		out[name], tokens[tok] = tok, true
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no curators (want NAME:TOKEN lines)", path)
	}
	return out, nil
}
