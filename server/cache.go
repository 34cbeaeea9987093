package server

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/rdf"
)

// pageCache keeps rendered HTML pages of one store state; it lives in the
// snapshot, so an ingest (or, on PostgreSQL, the snapshot's age) drops it.
type pageCache struct {
	m sync.Map // key -> []byte
	n atomic.Int64
}

// maxCachedPages bounds the memory the cache may take (pages are a few
// kilobytes to a few hundred).
const maxCachedPages = 4000

// cachedHTML serves the page under key from the cache, or renders it with
// render and keeps it when it succeeded.
func (s *server) cachedHTML(w http.ResponseWriter, r *http.Request, key string, render func(http.ResponseWriter, *http.Request)) {
	var pc *pageCache
	// a curator's pages carry forms with their session's token
	if !s.noCache && s.session(r) == nil {
		if sn, err := s.snapshot(r.Context()); err == nil {
			pc = sn.pages
		}
	}
	if pc != nil {
		if b, ok := pc.m.Load(key); ok {
			writeHTML(w, r, http.StatusOK, b.([]byte))
			return
		}
	}
	rec := &recorder{w: w, code: http.StatusOK}
	render(rec, r)
	if pc != nil && rec.code == http.StatusOK && pc.n.Load() < maxCachedPages {
		if _, loaded := pc.m.LoadOrStore(key, bytes.Clone(rec.buf.Bytes())); !loaded {
			pc.n.Add(1)
		}
	}
	w.WriteHeader(rec.code)
	if r.Method != http.MethodHead {
		w.Write(rec.buf.Bytes())
	}
}

// recorder holds a response body back; headers go straight to w.
type recorder struct {
	w    http.ResponseWriter
	code int
	buf  bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.w.Header() }
func (r *recorder) WriteHeader(code int)        { r.code = code }
func (r *recorder) Write(b []byte) (int, error) { return r.buf.Write(b) }

// label returns catalog.Label of an IRI, remembered for the store state.
// (The snapshot itself is built with catalog.Label directly.)
func (s *server) label(ctx context.Context, iri rdf.IRI) string {
	sn, err := s.snapshot(ctx)
	if err != nil {
		return catalog.Label(ctx, s.store, iri)
	}
	if l, ok := sn.labels.Load(iri); ok {
		return l.(string)
	}
	l := catalog.Label(ctx, s.store, iri)
	sn.labels.Store(iri, l)
	return l
}
