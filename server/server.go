// Package server publishes a docgraph store on the web: a SPARQL 1.1
// Protocol endpoint, dereferenceable IRIs for every document and entity
// (HTML for people, Turtle, JSON-LD, N-Triples and RDF/XML for programs),
// whole-graph downloads, a VoID/DCAT description, and server-rendered pages
// (home and search, entity, document, correspondence network, SPARQL
// editor).
//
// Path P of the server answers for the IRI Base+P, so a server published at
// the store's base makes its minted IRIs dereferenceable. The server is
// read-only unless it was given a token; then POST /documents ingests files
// from requests that carry the token.
//
// Everything the pages use (templates, CSS, JavaScript) is embedded: the
// server works offline and loads nothing from elsewhere.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
	"github.com/docgraph/docgraph/vocab"
)

// Config configures New.
type Config struct {
	// Store is the store to publish. Required.
	Store *graph.Store
	// Base is the IRI base the server answers for: path P names Base+P.
	// Empty means the store's base; another value must equal it.
	Base string
	// Timeout bounds one SPARQL query (default 10s).
	Timeout time.Duration
	// MaxRows caps the rows of a SELECT result and the triples of a
	// CONSTRUCT or DESCRIBE result (default 10000).
	MaxRows int
	// MaxBody caps a request body in bytes (default 32 MiB).
	MaxBody int64
	// Token, when set, allows POST /documents for requests that carry it
	// as "Authorization: Bearer <token>", and lets a curator who gives it
	// (with their name) log in to correct the graph from its pages.
	// Without it, and without Curators, the server is read-only.
	Token string
	// Curators maps curator names to their own tokens: each logs in with
	// theirs, and their corrections carry their name.
	Curators map[string]string
	// Index is the store's full-text index, for the search page (nil: a
	// search finds documents by a scan of their ids, titles and shelfmarks).
	Index *fulltext.Index
	// Gazetteer is the one documents posted to the server are extracted
	// with (nil: the built-in one).
	Gazetteer *vocab.Gazetteer
	// Logger receives one line per request (default: discard).
	Logger *slog.Logger
}

// Defaults for Config fields left zero.
const (
	DefaultTimeout = 10 * time.Second
	DefaultMaxRows = 10000
	DefaultMaxBody = 32 << 20
)

// server holds one published store. It has no package-level state.
type server struct {
	cfg   Config
	store *graph.Store
	stats *queries.StatsCache // pattern counts kept between queries
	base  string
	mint  vocab.Minter
	log   *slog.Logger
	pages *pages
	// ontology is the dg: ontology's statements, for /ns in formats other than Turtle.
	ontology []rdf.Quad

	// rw lets many readers work at once while an ingest writes alone; an
	// ingest holds it only for each batch it writes, not while it reads
	// and extracts documents.
	rw sync.RWMutex
	// ingestMu runs uploads one after the other.
	ingestMu sync.Mutex
	// snap caches what many pages share (document list, counts, network);
	// an ingest drops it.
	snapMu sync.Mutex
	snap   *snapshot

	// logins are the curators' sessions.
	logins sessions

	mux *http.ServeMux
	// noCache turns the rendered-page cache off (for measuring).
	noCache bool
}

// New returns the handler that serves cfg.Store.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	base := cfg.Store.Base()
	if cfg.Base != "" && vocab.NewMinter(cfg.Base).Base != base {
		return nil, fmt.Errorf("server: base %s differs from the store's base %s, under which its IRIs were minted", cfg.Base, base)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRows <= 0 {
		cfg.MaxRows = DefaultMaxRows
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	onto, err := rdfio.ReadAll(strings.NewReader(vocab.Ontology), rdfio.Turtle, rdfio.Options{Name: "ontology.ttl", Base: vocab.DG})
	if err != nil {
		return nil, fmt.Errorf("server: the embedded ontology: %w", err)
	}
	s := &server{cfg: cfg, store: cfg.Store, stats: queries.NewStatsCache(cfg.Store), base: base, mint: vocab.NewMinter(base), log: cfg.Logger, pages: pg, ontology: onto}
	s.routes()
	return s, nil
}

func (s *server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.read(s.handleHome))
	m.HandleFunc("GET /search", s.read(s.handleSearch))
	m.HandleFunc("GET /documents", s.read(s.handleBrowse))
	m.HandleFunc("GET /entities", s.read(s.handleEntities))
	m.HandleFunc("GET /network", s.read(s.handleNetworkPage))
	m.HandleFunc("GET /network.json", s.read(s.handleNetworkJSON))
	m.HandleFunc("GET /sparql", s.read(s.handleSPARQL))
	m.HandleFunc("POST /sparql", s.read(s.handleSPARQL))
	m.HandleFunc("GET /ns", s.handleOntology)
	m.HandleFunc("GET /context.jsonld", s.handleContext)
	m.HandleFunc("GET /.well-known/void", s.read(s.handleVoID))
	m.HandleFunc("GET /download/{file}", s.read(s.handleDownload))
	m.HandleFunc("GET /static/{file}", s.handleStatic)
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	m.HandleFunc("POST /documents", s.handleIngest)
	m.HandleFunc("GET /login", s.handleLoginPage)
	m.HandleFunc("POST /login", s.handleLogin)
	m.HandleFunc("POST /logout", s.handleLogout)
	m.HandleFunc("POST /curate", s.handleCurate)
	m.HandleFunc("GET /review", s.read(s.handleReview))
	m.HandleFunc("GET /curation", s.read(s.handleLog))
	m.HandleFunc("GET /gazetteer", s.read(s.handleGazetteer))
	m.HandleFunc("GET /reconcile", s.read(s.handleReconcile))
	m.HandleFunc("POST /reconcile", s.read(s.handleReconcile))
	m.HandleFunc("GET /reconcile/preview", s.read(s.handleReconcilePreview))
	m.HandleFunc("GET /reconcile/suggest/entity", s.read(s.handleSuggestEntity))
	m.HandleFunc("GET /{kind}/{id}", s.read(s.handleResource))
	m.HandleFunc("GET /{kind}/{id}/{part}", s.read(s.handleResource))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "no such page: "+r.URL.Path)
	})
	s.mux = m
}

// ServeHTTP applies the cross-cutting rules (CORS, body cap, security
// headers, logging, recovery) and dispatches.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			if !rec.wrote {
				s.fail(rec, r, http.StatusInternalServerError, "internal error")
			}
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.n, "ms", time.Since(start).Milliseconds())
	}()
	h := rec.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "Link, Content-Disposition, Content-Location, Vary, X-Docgraph-Truncated")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if r.Method == http.MethodOptions {
		s.preflight(rec, r)
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
	}
	s.mux.ServeHTTP(rec, r)
}

// preflight answers CORS preflight requests (and plain OPTIONS).
func (s *server) preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	methods := "GET, HEAD, POST, OPTIONS"
	h.Set("Allow", methods)
	h.Set("Access-Control-Allow-Methods", methods)
	if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
		h.Set("Access-Control-Allow-Headers", req)
	} else {
		h.Set("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization")
	}
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// read wraps a handler that only reads the store: it runs alongside other
// readers and never during an ingest's write.
func (s *server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.rw.RLock()
		defer s.rw.RUnlock()
		h(w, r)
	}
}

// authorized reports whether r carries the ingest token.
func (s *server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) == 1
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// fail writes an error: an HTML page for browsers, plain text otherwise.
func (s *server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	h := w.Header()
	h.Del("Content-Disposition")
	h.Del("Content-Encoding")
	if negotiate(r.Header.Get("Accept"), []string{"text/plain", "text/html"}) == "text/html" && r.Header.Get("Accept") != "" {
		s.renderStatus(w, r, code, "errorpage", pageData{Title: http.StatusText(code), Message: msg, Code: code})
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintln(w, msg)
}

// ctxErr maps a context error to a status code.
func ctxStatus(err error) int {
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
