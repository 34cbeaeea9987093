package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// needTool skips when an outside tool is missing, and fails under CI=true.
func needTool(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing, and CI=true requires it", what)
	}
	t.Skipf("%s is missing; skipping", what)
}

// xssTitle is a document title that must come out as text.
const xssTitle = `<script>alert(1)</script> & "quotes"`

var (
	fixtureOnce  sync.Once
	fixtureStore *graph.Store
	fixtureErr   error
)

// newStore builds a memory store holding the project's example documents
// (ingested by the real pipeline) and one hand-made document whose title
// and text carry markup.
func newStore(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, errs := ingest.Files([]string{filepath.Join(rdftest.RepoRoot(t), "examples")})
	if len(errs) > 0 || len(files) == 0 {
		t.Fatalf("examples: %v (%d files)", errs, len(files))
	}
	rep, err := ingest.Run(ctx, st, files, ingest.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != len(files) {
		t.Fatalf("ingested %d of %d examples: %v", rep.Documents, len(files), rep.Errors)
	}
	m := st.Minter()
	doc := m.Document("xss-1")
	stalin := m.Entity(vocab.ClassPerson, "Joseph Stalin")
	ver := rdf.IRI(string(doc) + "/original")
	quads := []rdf.Quad{
		{S: doc, P: vocab.RDFType, O: vocab.SchemaArchiveComponent},
		{S: doc, P: vocab.DCIdentifier, O: rdf.NewString("xss-1")},
		{S: doc, P: vocab.DCTitle, O: rdf.NewString(xssTitle)},
		{S: doc, P: vocab.DCDate, O: rdf.NewTyped("1953-03-01", vocab.XSDDate)},
		{S: doc, P: vocab.DCType, O: vocab.KindIRI("note")},
		{S: doc, P: vocab.SchemaMentions, O: stalin},
		{S: doc, P: vocab.DCSource, O: rdf.IRI("javascript:alert(3)")},
		{S: doc, P: vocab.DCHasPart, O: ver},
		{S: ver, P: vocab.RDFType, O: vocab.DGTextVersion},
		{S: ver, P: vocab.DGRole, O: rdf.NewString(vocab.RoleOriginal)},
		{S: ver, P: vocab.DCLanguage, O: rdf.NewString("en")},
		{S: ver, P: vocab.SchemaText, O: rdf.NewString("A note on Stalin <img src=x onerror=alert(2)>. Drafted ~~<img src=y onerror=alert(5)>~~ as <sup><script>alert(4)</script></sup>.")},
	}
	if _, err := st.ReplaceGraph(ctx, doc, quads); err != nil {
		t.Fatal(err)
	}
	return st
}

// sharedStore is built once and only read by the tests that use it.
func sharedStore(t testing.TB) *graph.Store {
	t.Helper()
	fixtureOnce.Do(func() {
		defer func() {
			if fixtureStore == nil && fixtureErr == nil {
				fixtureErr = errFixture
			}
		}()
		fixtureStore = newStore(t)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureStore
}

var errFixture = io.ErrUnexpectedEOF

// newTestServer serves the shared store.
func newTestServer(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = sharedStore(t)
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// get fetches a path with headers given as "Name: value" strings.
func get(t testing.TB, ts *httptest.Server, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	return do(t, ts, "GET", path, "", nil, headers...)
}

func do(t testing.TB, ts *httptest.Server, method, path, ctype string, body io.Reader, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for _, h := range headers {
		if h == "" {
			continue
		}
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	// No transparent decompression: the tests look at what was sent.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}
