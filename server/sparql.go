package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/docgraph/docgraph/queries"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// sparqlRequest is a query as the SPARQL 1.1 Protocol carries it
// (https://www.w3.org/TR/sparql11-protocol/#query-operation).
type sparqlRequest struct {
	query        string
	hasQuery     bool
	defaultGraph []rdf.IRI
	namedGraph   []rdf.IRI
	format       string // the non-standard format= override, for download links
	example      string
}

// protocolError is a request the protocol refuses, with its status.
type protocolError struct {
	code int
	msg  string
}

func (e *protocolError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &protocolError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// readSPARQLRequest reads the three protocol forms: GET with query=, POST
// of a form, POST of application/sparql-query.
func readSPARQLRequest(r *http.Request) (sparqlRequest, error) {
	var req sparqlRequest
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			return req, &protocolError{http.StatusUnsupportedMediaType, "POST needs a Content-Type: application/x-www-form-urlencoded or application/sparql-query"}
		}
		switch ct {
		case "application/x-www-form-urlencoded":
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return req, bodyError(err)
			}
			form, err := url.ParseQuery(string(body))
			if err != nil {
				return req, badRequest("the form does not parse: %v", err)
			}
			if form.Has("update") {
				return req, &protocolError{http.StatusForbidden, "this endpoint is read-only: SPARQL Update is not accepted"}
			}
			if params.Has("query") {
				return req, badRequest("with a form body, the query goes in the body, not the URL")
			}
			for k, v := range form {
				params[k] = append(params[k], v...)
			}
		case "application/sparql-query":
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return req, bodyError(err)
			}
			if params.Has("query") {
				return req, badRequest("with an application/sparql-query body, query= may not be in the URL")
			}
			req.query, req.hasQuery = string(body), true
		case "application/sparql-update":
			return req, &protocolError{http.StatusForbidden, "this endpoint is read-only: SPARQL Update is not accepted"}
		default:
			return req, &protocolError{http.StatusUnsupportedMediaType, "unsupported Content-Type " + ct + ": use application/x-www-form-urlencoded or application/sparql-query"}
		}
	}
	if params.Has("update") {
		return req, &protocolError{http.StatusForbidden, "this endpoint is read-only: SPARQL Update is not accepted"}
	}
	if qs, ok := params["query"]; ok {
		if len(qs) != 1 {
			return req, badRequest("query= is given %d times; give it once", len(qs))
		}
		req.query, req.hasQuery = qs[0], true
	}
	for _, g := range params["default-graph-uri"] {
		iri, err := rdf.NewIRI(g)
		if err != nil {
			return req, badRequest("default-graph-uri %q: %v", g, err)
		}
		req.defaultGraph = append(req.defaultGraph, iri)
	}
	for _, g := range params["named-graph-uri"] {
		iri, err := rdf.NewIRI(g)
		if err != nil {
			return req, badRequest("named-graph-uri %q: %v", g, err)
		}
		req.namedGraph = append(req.namedGraph, iri)
	}
	req.format = params.Get("format")
	req.example = params.Get("example")
	return req, nil
}

func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &protocolError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)}
	}
	return badRequest("reading the request body: %v", err)
}

// Result media types, in the server's order of preference.
var (
	selectOffers    = []string{"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "application/json", "application/xml", "text/html", "application/xhtml+xml"}
	askOffers       = []string{"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "application/json", "application/xml", "text/html", "application/xhtml+xml"}
	constructOffers = []string{"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "application/json", "text/html", "application/xhtml+xml"}
)

// formatNames maps the format= override to a media type.
var formatNames = map[string]string{
	"json": "application/sparql-results+json", "srj": "application/sparql-results+json",
	"xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
	"csv": "text/csv", "tsv": "text/tab-separated-values",
	"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
	"nt": "application/n-triples", "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml",
	"html": "text/html",
}

func (s *server) handleSPARQL(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept")
	req, err := readSPARQLRequest(r)
	if err != nil {
		var pe *protocolError
		if errors.As(err, &pe) {
			s.fail(w, r, pe.code, pe.msg)
		} else {
			s.fail(w, r, http.StatusBadRequest, err.Error())
		}
		return
	}
	if !req.hasQuery {
		// No query: the editor for browsers, the service description for programs.
		offers := append(mediaTypes(describeFormats), "application/json", "text/html", "application/xhtml+xml")
		switch mt := negotiate(r.Header.Get("Accept"), offers); mt {
		case "":
			s.notAcceptable(w, r, offers)
		case "text/html", "application/xhtml+xml":
			s.editorPage(w, r, req, nil)
		case "application/json":
			s.serviceDescription(w, r, fmtJSONLD)
		default:
			f, _ := formatByType(describeFormats, mt)
			s.serviceDescription(w, r, f)
		}
		return
	}
	// The store's counts order the joins and size the hash tables, as
	// for docgraph sparql (without them the plan is a guess from the
	// shape); they are kept from one query to the next until a write.
	prep, err := queries.Prepare(req.query, queries.Options{Base: s.base, Stats: s.stats.Stats(r.Context())})
	if err != nil {
		if wantsHTML(r, req) {
			s.editorPage(w, r, req, &sparqlView{Error: err.Error()})
			return
		}
		var el parser.ErrorList
		if errors.As(err, &el) {
			s.fail(w, r, http.StatusBadRequest, "query syntax error: "+el.Error())
		} else {
			s.fail(w, r, http.StatusBadRequest, "query error: "+err.Error())
		}
		return
	}
	if len(req.defaultGraph) > 0 || len(req.namedGraph) > 0 {
		// The protocol's dataset replaces the query's FROM and FROM NAMED.
		prep.Plan().Dataset = &algebra.Dataset{Default: req.defaultGraph, Named: req.namedGraph}
	}
	offers := selectOffers
	switch prep.Form() {
	case queries.Ask:
		offers = askOffers
	case queries.Construct, queries.Describe:
		offers = constructOffers
	}
	accept := r.Header.Get("Accept")
	if req.format != "" {
		mt, ok := formatNames[strings.ToLower(req.format)]
		if !ok {
			s.fail(w, r, http.StatusBadRequest, "unknown format="+req.format+" (json, xml, csv, tsv, ttl, jsonld, nt, rdf, html)")
			return
		}
		accept = mt
	}
	mt := negotiate(accept, offers)
	if mt == "" {
		s.notAcceptable(w, r, offers)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	start := time.Now()
	res, err := s.collect(ctx, prep)
	if err != nil {
		code, msg := http.StatusInternalServerError, "query failed: "+err.Error()
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			code, msg = http.StatusServiceUnavailable, fmt.Sprintf("query stopped after the %s time limit", s.cfg.Timeout)
		}
		if mt == "text/html" || mt == "application/xhtml+xml" {
			s.editorPage(w, r, req, &sparqlView{Error: msg})
			return
		}
		s.fail(w, r, code, msg)
		return
	}
	if res.truncated {
		w.Header().Set("X-Docgraph-Truncated", fmt.Sprintf("results cut at %d", s.cfg.MaxRows))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		v := s.resultView(r.Context(), req, res)
		v.Elapsed = fmt.Sprintf("%.1f ms", float64(time.Since(start).Microseconds())/1000)
		s.editorPage(w, r, req, v)
		return
	}
	if res.form == queries.Construct || res.form == queries.Describe {
		f, ok := formatByType(describeFormats, mt)
		if mt == "application/json" || !ok {
			f = fmtJSONLD
		}
		w.Header().Set("Content-Type", f.contentType())
		out := compressed(w, r)
		defer out.Close()
		if err := writeRDF(ctx, out, f, res.triples, vocab.Prefixes); err != nil {
			s.log.Warn("writing results", "err", err)
		}
		return
	}
	rf, err := results.ParseFormat(mt)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	ct := rf.MediaType()
	if mt == "application/json" || mt == "application/xml" {
		ct = mt
	}
	switch rf {
	case results.CSV, results.TSV:
		ct += "; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	if req.format != "" {
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "results"+rf.Ext()))
	}
	out := compressed(w, r)
	defer out.Close()
	if res.form == queries.Ask {
		results.WriteBoolean(out, rf, res.boolean)
		return
	}
	rw := results.NewWriter(out, rf, res.vars)
	for _, row := range res.rows {
		if rw.Write(row) != nil {
			break
		}
	}
	if err := rw.Close(); err != nil {
		s.log.Warn("writing results", "err", err)
	}
}

func wantsHTML(r *http.Request, req sparqlRequest) bool {
	if req.format != "" {
		return strings.EqualFold(req.format, "html")
	}
	mt := negotiate(r.Header.Get("Accept"), []string{"application/sparql-results+json", "text/html"})
	return mt == "text/html" && r.Header.Get("Accept") != ""
}

// queryResult is a whole (capped) result, read before anything is sent so
// that errors and timeouts get a proper status.
type queryResult struct {
	form      queries.Form
	vars      []string
	rows      [][]rdf.Term
	boolean   bool
	triples   []rdf.Quad
	truncated bool
}

func (s *server) collect(ctx context.Context, prep *queries.Prepared) (*queryResult, error) {
	ds, err := s.dataset(ctx)
	if err != nil {
		return nil, err
	}
	res, err := prep.Run(ctx, ds)
	if err != nil {
		return nil, err
	}
	out := &queryResult{form: res.Form, vars: res.Vars, boolean: res.Boolean}
	switch {
	case res.Solutions != nil:
		for row, err := range res.Solutions {
			if err != nil {
				return nil, err
			}
			if len(out.rows) >= s.cfg.MaxRows {
				out.truncated = true
				break
			}
			out.rows = append(out.rows, row)
		}
	case res.Triples != nil:
		for q, err := range res.Triples {
			if err != nil {
				return nil, err
			}
			if len(out.triples) >= s.cfg.MaxRows {
				out.truncated = true
				break
			}
			out.triples = append(out.triples, q)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
