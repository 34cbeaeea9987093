package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/internal/rdftest"
	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

func TestNegotiate(t *testing.T) {
	offers := []string{"text/turtle", "application/ld+json", "text/html"}
	cases := []struct{ accept, want string }{
		{"", "text/turtle"},
		{"*/*", "text/turtle"},
		{"text/html", "text/html"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
		{"application/ld+json;q=0.5, text/turtle;q=0.4", "application/ld+json"},
		{"text/*;q=0.9, application/ld+json;q=0.95", "application/ld+json"},
		{"text/*", "text/turtle"},
		{"*/*;q=0.1, text/turtle;q=0", "application/ld+json"},
		{"image/png", ""},
		{"text/turtle;q=0", ""},
		{"TEXT/HTML", "text/html"},
		{"garbage", ""},
	}
	for _, c := range cases {
		if got := negotiate(c.accept, offers); got != c.want {
			t.Errorf("negotiate(%q) = %q, want %q", c.accept, got, c.want)
		}
	}
}

// documentCount is the number of documents the store holds, read the slow way.
func documentCount(t *testing.T, st *graph.Store) int {
	docs, err := catalog.Documents(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return len(docs)
}

const titlesQuery = "SELECT ?doc ?title WHERE { ?doc a schema:ArchiveComponent ; dcterms:title ?title }"

func TestSPARQLSelectFormats(t *testing.T) {
	ts := newTestServer(t, Config{})
	n := documentCount(t, sharedStore(t))
	q := "/sparql?query=" + url.QueryEscape(titlesQuery)
	cases := []struct {
		accept, ctype string
		format        results.Format
	}{
		{"", "application/sparql-results+json", results.JSON},
		{"*/*", "application/sparql-results+json", results.JSON},
		{"application/sparql-results+json", "application/sparql-results+json", results.JSON},
		{"application/json", "application/json", results.JSON},
		{"application/sparql-results+xml", "application/sparql-results+xml", results.XML},
		{"text/csv", "text/csv", results.CSV},
		{"text/tab-separated-values", "text/tab-separated-values", results.TSV},
		{"text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", results.XML},
		{"text/*;q=0.8, application/sparql-results+json;q=0.1", "text/csv", results.CSV},
	}
	for _, c := range cases {
		resp, body := get(t, ts, q, "Accept: "+c.accept)
		if resp.StatusCode != 200 {
			t.Fatalf("Accept %q: status %d: %s", c.accept, resp.StatusCode, body)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, c.ctype) {
			t.Errorf("Accept %q: Content-Type %q, want %q", c.accept, ct, c.ctype)
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept") {
			t.Errorf("Accept %q: no Vary: Accept", c.accept)
		}
		switch c.format {
		case results.JSON, results.XML:
			tab, err := results.Read(strings.NewReader(body), c.format)
			if err != nil {
				t.Fatalf("Accept %q: %v\n%s", c.accept, err, body)
			}
			if len(tab.Rows) != n || len(tab.Vars) != 2 {
				t.Errorf("Accept %q: %d rows of %v, want %d rows of doc, title", c.accept, len(tab.Rows), tab.Vars, n)
			}
		default:
			lines := strings.Split(strings.TrimRight(body, "\r\n"), "\n")
			sep := ","
			if c.format == results.TSV {
				sep = "\t"
			}
			if len(lines) != n+1 || !strings.Contains(lines[0], "doc"+sep) {
				t.Errorf("Accept %q: %d lines, header %q; want %d rows and a header", c.accept, len(lines), lines[0], n)
			}
		}
	}
	// An Accept the endpoint cannot meet.
	resp, _ := get(t, ts, q, "Accept: image/png")
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("Accept image/png: status %d, want 406", resp.StatusCode)
	}
	// ASK in CSV and TSV: a header, then the value (results.AskVar).
	for accept, want := range map[string]string{"text/csv": "_askResult\r\ntrue\r\n", "text/tab-separated-values": "?_askResult\ntrue\n"} {
		resp, body := get(t, ts, "/sparql?query="+url.QueryEscape("ASK { ?s ?p ?o }"), "Accept: "+accept)
		if resp.StatusCode != http.StatusOK || body != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), accept) {
			t.Errorf("ASK as %s: status %d %s %q, want %q", accept, resp.StatusCode, resp.Header.Get("Content-Type"), body, want)
		}
	}
}

func TestSPARQLPostAndAsk(t *testing.T) {
	ts := newTestServer(t, Config{})
	n := documentCount(t, sharedStore(t))
	form := url.Values{"query": {titlesQuery}}.Encode()
	for _, c := range []struct{ ctype, body string }{
		{"application/x-www-form-urlencoded", form},
		{"application/sparql-query", titlesQuery},
		{"application/sparql-query; charset=utf-8", titlesQuery},
	} {
		resp, body := do(t, ts, "POST", "/sparql", c.ctype, strings.NewReader(c.body), "Accept: application/sparql-results+json")
		if resp.StatusCode != 200 {
			t.Fatalf("POST %s: %d %s", c.ctype, resp.StatusCode, body)
		}
		tab, err := results.Read(strings.NewReader(body), results.JSON)
		if err != nil || len(tab.Rows) != n {
			t.Errorf("POST %s: %v, %d rows, want %d", c.ctype, err, len(tab.Rows), n)
		}
	}
	for _, c := range []struct {
		query string
		want  bool
	}{
		{`ASK { ?p dg:pseudonym ?a FILTER(str(?a) = "Filippov") }`, true},
		{`ASK { ?p dg:pseudonym ?a FILTER(str(?a) = "No Such Name") }`, false},
	} {
		resp, body := get(t, ts, "/sparql?query="+url.QueryEscape(c.query))
		var got struct{ Boolean *bool }
		if err := json.Unmarshal([]byte(body), &got); err != nil || got.Boolean == nil || *got.Boolean != c.want || resp.StatusCode != 200 {
			t.Errorf("%s: %d %s, want boolean %v", c.query, resp.StatusCode, body, c.want)
		}
		resp, body = get(t, ts, "/sparql?query="+url.QueryEscape(c.query), "Accept: application/sparql-results+xml")
		tab, err := results.Read(strings.NewReader(body), results.XML)
		if err != nil || tab.Boolean == nil || *tab.Boolean != c.want {
			t.Errorf("%s as XML: %v %s", c.query, err, body)
		}
	}
}

func TestSPARQLConstruct(t *testing.T) {
	ts := newTestServer(t, Config{})
	q := "/sparql?query=" + url.QueryEscape(`CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a schema:Person ; rdfs:label ?l FILTER(lang(?l) = "en") }`)
	var people int
	for _, err := range sharedStore(t).Match(context.Background(), nil, vocab.RDFType, vocab.SchemaPerson, nil) {
		if err != nil {
			t.Fatal(err)
		}
		people++
	}
	for _, c := range []struct{ accept, ctype, must string }{
		{"", "text/turtle", "rdfs:label"},
		{"text/turtle", "text/turtle", "@prefix rdfs:"},
		{"application/ld+json", "application/ld+json", `"@context"`},
		{"application/json", "application/ld+json", `"@context"`},
		{"application/n-triples", "application/n-triples", "<http://www.w3.org/2000/01/rdf-schema#label>"},
		{"application/rdf+xml", "application/rdf+xml", "<rdfs:label xml:lang=\"en\">"},
	} {
		resp, body := get(t, ts, q, "Accept: "+c.accept)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) || !strings.Contains(body, c.must) {
			t.Errorf("CONSTRUCT with Accept %q: %d %s, want %s holding %q\n%.300s", c.accept, resp.StatusCode, resp.Header.Get("Content-Type"), c.ctype, c.must, body)
		}
		if c.ctype == "application/n-triples" {
			lines := strings.Count(body, "\n")
			if lines < people/2 || lines == 0 {
				t.Errorf("N-Triples: %d triples for %d people", lines, people)
			}
		}
	}
	resp, _ := get(t, ts, q, "Accept: application/sparql-results+json")
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("CONSTRUCT as SPARQL JSON: %d, want 406", resp.StatusCode)
	}
	resp, body := get(t, ts, "/sparql?query="+url.QueryEscape("DESCRIBE <http://example.org/docgraph/person/mao-zedong>"), "Accept: application/n-triples")
	if resp.StatusCode != 200 || !strings.Contains(body, "<http://example.org/docgraph/person/mao-zedong> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q5816> .") {
		t.Errorf("DESCRIBE: %d\n%.500s", resp.StatusCode, body)
	}
}

func TestSPARQLDatasetParameters(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc := string(sharedStore(t).Minter().Document("110385"))
	count := func(query string, params url.Values) int {
		t.Helper()
		params.Set("query", query)
		resp, body := get(t, ts, "/sparql?"+params.Encode())
		if resp.StatusCode != 200 {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
		tab, err := results.Read(strings.NewReader(body), results.JSON)
		if err != nil {
			t.Fatal(err)
		}
		return len(tab.Rows)
	}
	all := count(titlesQuery, url.Values{})
	if one := count(titlesQuery, url.Values{"default-graph-uri": {doc}}); one != 1 || all <= 1 {
		t.Errorf("default-graph-uri=%s: %d titles (of %d in all), want 1", doc, one, all)
	}
	named := "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
	if n := count(named, url.Values{"named-graph-uri": {doc}}); n != 1 {
		t.Errorf("named-graph-uri: %d graphs, want 1", n)
	}
	if n := count(named, url.Values{}); n != all+1 { // every document and the gazetteer
		t.Errorf("all named graphs: %d, want %d", n, all+1)
	}
	resp, _ := get(t, ts, "/sparql?query="+url.QueryEscape(titlesQuery)+"&default-graph-uri=not%20an%20iri")
	if resp.StatusCode != 400 {
		t.Errorf("bad default-graph-uri: %d, want 400", resp.StatusCode)
	}
}

func TestSPARQLErrors(t *testing.T) {
	ts := newTestServer(t, Config{MaxBody: 1000})
	resp, body := get(t, ts, "/sparql?query="+url.QueryEscape("SELECT ?x WHERE {\n  ?x ?y \n"))
	if resp.StatusCode != 400 || !strings.Contains(body, "line 3") {
		t.Errorf("syntax error: %d %q, want 400 naming line 3", resp.StatusCode, body)
	}
	cases := []struct {
		method, path, ctype, body string
		want                      int
	}{
		{"POST", "/sparql", "text/plain", "SELECT * {}", 415},
		{"POST", "/sparql", "application/sparql-update", "DELETE WHERE { ?s ?p ?o }", 403},
		{"POST", "/sparql", "application/x-www-form-urlencoded", "update=" + url.QueryEscape("DELETE WHERE { ?s ?p ?o }"), 403},
		{"GET", "/sparql?query=ASK{}&query=ASK{}", "", "", 400},
		{"POST", "/sparql", "application/sparql-query", "SELECT * { ?s ?p ?o } #" + strings.Repeat("x", 2000), 413},
		{"GET", "/sparql?query=ASK{}&format=pdf", "", "", 400},
		{"GET", "/nowhere", "", "", 404},
		{"GET", "/person/nobody-at-all", "", "", 404},
		{"GET", "/download/graph.exe", "", "", 404},
		{"GET", "/network.json?from=abc", "", "", 400},
	}
	for _, c := range cases {
		var rd io.Reader
		if c.body != "" {
			rd = strings.NewReader(c.body)
		}
		resp, body := do(t, ts, c.method, c.path, c.ctype, rd)
		if resp.StatusCode != c.want {
			t.Errorf("%s %s (%s): %d %q, want %d", c.method, c.path, c.ctype, resp.StatusCode, body, c.want)
		}
	}
}

func TestSPARQLLimits(t *testing.T) {
	ts := newTestServer(t, Config{MaxRows: 5})
	resp, body := get(t, ts, "/sparql?query="+url.QueryEscape("SELECT * { ?s ?p ?o }"))
	tab, err := results.Read(strings.NewReader(body), results.JSON)
	if err != nil || len(tab.Rows) != 5 || resp.Header.Get("X-Docgraph-Truncated") == "" {
		t.Errorf("row cap 5: %v, %d rows, truncated header %q", err, len(tab.Rows), resp.Header.Get("X-Docgraph-Truncated"))
	}
	ts = newTestServer(t, Config{Timeout: 1})
	resp, body = get(t, ts, "/sparql?query="+url.QueryEscape("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"))
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "time limit") {
		t.Errorf("timeout: %d %q, want 503 naming the time limit", resp.StatusCode, body)
	}
}

func TestServiceDescriptionAndEditor(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := get(t, ts, "/sparql", "Accept: text/turtle")
	if resp.StatusCode != 200 || !strings.Contains(body, "sd:Service") || !strings.Contains(body, "sd:UnionDefaultGraph") {
		t.Errorf("service description: %d\n%s", resp.StatusCode, body)
	}
	resp, body = get(t, ts, "/sparql", "Accept: */*")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
		t.Errorf("GET /sparql with */*: %s, want Turtle", resp.Header.Get("Content-Type"))
	}
	resp, body = get(t, ts, "/sparql", "Accept: text/html,*/*;q=0.8")
	if !strings.Contains(body, "<textarea") || !strings.Contains(body, "example=pseudonyms") {
		t.Errorf("editor page: %d %.500s", resp.StatusCode, body)
	}
	if !strings.Contains(body, "example=timeline") || !strings.Contains(body, "example=correspondents") {
		t.Errorf("the editor does not offer the canned queries")
	}
	// Every example runs and finds something for the sample person.
	h, err := New(Config{Store: sharedStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	exs := h.(*server).examples(context.Background())
	if len(exs) < 5 {
		t.Errorf("%d examples", len(exs))
	}
	for _, ex := range exs {
		resp, body := get(t, ts, "/sparql?query="+url.QueryEscape(ex.Text), "Accept: application/sparql-results+json, text/turtle;q=0.5")
		if resp.StatusCode != 200 {
			t.Errorf("example %s: %d %s", ex.Name, resp.StatusCode, body)
			continue
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
			if !strings.Contains(body, "rdfs:label") {
				t.Errorf("example %s: empty graph", ex.Name)
			}
			continue
		}
		tab, err := results.Read(strings.NewReader(body), results.JSON)
		if err != nil || (tab.Boolean == nil && len(tab.Rows) == 0) {
			t.Errorf("example %s: %v, no rows", ex.Name, err)
		}
	}
	// The HTML results link IRIs to their pages and offer downloads.
	resp, body = get(t, ts, "/sparql?format=html&query="+url.QueryEscape(titlesQuery))
	if !strings.Contains(body, `href="/doc/110385"`) || !strings.Contains(body, "format=csv") {
		t.Errorf("HTML results: %d %.2000s", resp.StatusCode, body)
	}
	resp, body = get(t, ts, "/sparql?format=html&query="+url.QueryEscape("SELECT ?x {"))
	if resp.StatusCode != 400 || !strings.Contains(body, `class="error"`) {
		t.Errorf("HTML syntax error: %d", resp.StatusCode)
	}
}

func TestCORS(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, _ := do(t, ts, "OPTIONS", "/sparql", "", nil, "Origin: https://example.com",
		"Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type")
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "content-type") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = get(t, ts, "/sparql?query="+url.QueryEscape("ASK{}"), "Origin: https://example.com")
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET with Origin: no Access-Control-Allow-Origin")
	}
}

func TestDereference(t *testing.T) {
	ts := newTestServer(t, Config{})
	const stalin = "http://example.org/docgraph/person/joseph-stalin"
	cases := []struct{ path, accept, ctype, must string }{
		{"/person/joseph-stalin", "text/html", "text/html", "<h1>Joseph Stalin"},
		{"/person/joseph-stalin", "text/html,application/xhtml+xml,*/*;q=0.8", "text/html", "Filippov"},
		{"/person/joseph-stalin", "*/*", "text/turtle", "dg:pseudonym"},
		{"/person/joseph-stalin", "", "text/turtle", "owl:sameAs wd:Q855"},
		{"/person/joseph-stalin", "application/ld+json", "application/ld+json", `"@id": "` + stalin},
		{"/person/joseph-stalin", "application/n-triples", "application/n-triples", "<" + stalin + "> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q855> ."},
		{"/person/joseph-stalin", "application/rdf+xml", "application/rdf+xml", `rdf:about="` + stalin + `"`},
		{"/person/joseph-stalin", "text/turtle;q=0.2, application/rdf+xml;q=0.7", "application/rdf+xml", "<dg:pseudonym"},
		{"/person/joseph-stalin.ttl", "text/html", "text/turtle", "skos:prefLabel"},
		{"/person/joseph-stalin.jsonld", "", "application/ld+json", "@context"},
		{"/person/joseph-stalin.nt", "", "application/n-triples", "Filippov"},
		{"/person/joseph-stalin.rdf", "", "application/rdf+xml", "xml:lang=\"ru\""},
		{"/doc/110385", "text/turtle", "text/turtle", "dcterms:creator"},
		{"/doc/110385.nq", "", "application/n-quads", "<http://example.org/docgraph/doc/110385> .\n"},
		{"/doc/110385.trig", "", "application/trig", "<http://example.org/docgraph/doc/110385> {"},
		{"/doc/110385/ref-1", "text/turtle", "text/turtle", "dg:fond \"45\""},
		{"/archive/aprf", "text/html", "text/html", "Referred to by"},
		{"/ns", "text/turtle", "text/turtle", "dg:Claim a owl:Class"},
		{"/ns", "text/html", "text/html", "dg:Claim a owl:Class"},
		{"/ns", "application/n-triples", "application/n-triples", "<https://w3id.org/docgraph/ns#Claim> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> ."},
		{"/ns", "application/rdf+xml", "application/rdf+xml", `rdf:about="https://w3id.org/docgraph/ns#Claim"`},
		{"/ns", "application/ld+json", "application/ld+json", `"dg:Claim"`},
		{"/context.jsonld", "", "application/ld+json", `"dg": "https://w3id.org/docgraph/ns#"`},
	}
	for _, c := range cases {
		resp, body := get(t, ts, c.path, "Accept: "+c.accept)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) || !strings.Contains(body, c.must) {
			t.Errorf("GET %s (Accept %q): %d %s, want %s holding %q\n%.400s", c.path, c.accept, resp.StatusCode,
				resp.Header.Get("Content-Type"), c.ctype, c.must, body)
		}
	}
	resp, _ := get(t, ts, "/person/joseph-stalin", "Accept: text/turtle")
	if !strings.Contains(resp.Header.Get("Vary"), "Accept") {
		t.Errorf("no Vary: Accept on a negotiated resource")
	}
	links := strings.Join(resp.Header.Values("Link"), ", ")
	for _, want := range []string{`</person/joseph-stalin.jsonld>; rel="alternate"; type="application/ld+json"`, `</person/joseph-stalin.rdf>`, `type="text/html"`} {
		if !strings.Contains(links, want) {
			t.Errorf("Link header %q lacks %q", links, want)
		}
	}
	if cl := resp.Header.Get("Content-Location"); cl != "/person/joseph-stalin.ttl" {
		t.Errorf("Content-Location %q", cl)
	}
	resp, _ = get(t, ts, "/person/joseph-stalin", "Accept: image/png")
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("Accept image/png: %d, want 406", resp.StatusCode)
	}
	// The description holds the labels of what the entity links to.
	_, body := get(t, ts, "/doc/110385/ref-1.nt")
	if !strings.Contains(body, "<http://example.org/docgraph/archive/aprf> <http://www.w3.org/2000/01/rdf-schema#label>") {
		t.Errorf("reference description lacks the archive's label:\n%s", body)
	}
}

func TestDownloads(t *testing.T) {
	ts := newTestServer(t, Config{})
	st := sharedStore(t)
	quads, err := st.Count(context.Background(), nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range downloads {
		resp, plain := get(t, ts, "/download/"+name)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != f.contentType() ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment; filename=\"docgraph"+f.ext+"\"") {
			t.Errorf("%s: %d %v", name, resp.StatusCode, resp.Header)
		}
		if resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: compressed without Accept-Encoding", name)
		}
		resp, zipped := get(t, ts, "/download/"+name, "Accept-Encoding: gzip, deflate")
		if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s: not gzipped: %v", name, resp.Header)
		}
		zr, err := gzip.NewReader(strings.NewReader(zipped))
		if err != nil {
			t.Fatal(err)
		}
		unzipped, err := io.ReadAll(zr)
		if err != nil || string(unzipped) != plain {
			t.Errorf("%s: gzipped body differs from the plain one (%v)", name, err)
		}
		if len(zipped) >= len(plain) {
			t.Errorf("%s: gzip did not shrink %d bytes", name, len(plain))
		}
		if name == "graph.nq" {
			if n := strings.Count(plain, "\n"); int64(n) != quads {
				t.Errorf("graph.nq has %d lines, the store %d quads", n, quads)
			}
		}
		if name == "graph.nt" {
			// Merged: each triple once, though several graphs state some.
			lines := strings.Split(strings.TrimSuffix(plain, "\n"), "\n")
			seen := map[string]bool{}
			for _, l := range lines {
				if seen[l] {
					t.Errorf("graph.nt repeats %s", l)
					break
				}
				seen[l] = true
			}
		}
	}
	resp, _ := get(t, ts, "/download/graph.nq", "Accept-Encoding: gzip;q=0")
	if resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 still gzipped")
	}
}

func TestVoID(t *testing.T) {
	ts := newTestServer(t, Config{})
	st := sharedStore(t)
	distinct := map[rdf.Triple]bool{}
	for q, err := range st.Match(context.Background(), nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		distinct[q.Triple()] = true
	}
	resp, body := get(t, ts, "/.well-known/void", "Accept: application/n-triples")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	base := st.Base()
	for _, want := range []string{
		"<" + base + ".well-known/void#dataset> <http://rdfs.org/ns/void#triples> \"" + strconv.Itoa(len(distinct)) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>",
		"<" + base + ".well-known/void#dataset> <http://rdfs.org/ns/void#documents> \"" + strconv.Itoa(documentCount(t, st)) + "\"",
		"<http://rdfs.org/ns/void#sparqlEndpoint> <" + base + "sparql>",
		"<http://www.w3.org/ns/dcat#downloadURL> <" + base + "download/graph.ttl>",
		"<http://rdfs.org/ns/void#linkPredicate> <http://www.w3.org/2002/07/owl#sameAs>",
		"<http://rdfs.org/ns/void#class> <http://schema.org/Person>",
		"<http://rdfs.org/ns/void#classes>",
		"<http://rdfs.org/ns/void#entities>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("VoID lacks %s", want)
		}
	}
	resp, body = get(t, ts, "/.well-known/void", "Accept: text/turtle")
	if !strings.Contains(body, "void:Linkset") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
		t.Errorf("VoID Turtle: %s\n%.300s", resp.Header.Get("Content-Type"), body)
	}
}

func TestEscaping(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, path := range []string{"/", "/doc/xss-1", "/person/joseph-stalin", "/search?q=" + url.QueryEscape("<script>alert(1)</script>")} {
		resp, body := get(t, ts, path, "Accept: text/html")
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: markup from the data came through as markup: %q", path, bad)
			}
		}
	}
	_, body := get(t, ts, "/doc/xss-1", "Accept: text/html")
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;") ||
		!strings.Contains(body, "&lt;img src=x onerror=alert(2)&gt;") {
		t.Errorf("the title and text should show as text:\n%s", body)
	}
	// RDF/XML escapes too.
	_, body = get(t, ts, "/doc/xss-1.rdf")
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"") {
		t.Errorf("RDF/XML escaping:\n%s", body)
	}
}

func TestPathTraversal(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, p := range []string{
		"/static/..%2f..%2fgo.mod", "/static/..%2fserver.go", "/static/%2e%2e",
		"/doc/..%2f..%2fgo.mod", "/person/..%2f..%2fetc%2fpasswd", "/doc/x/..%2f..%2fgo.mod",
		"/download/..%2f..%2fgo.mod",
	} {
		resp, body := get(t, ts, p)
		if resp.StatusCode < 400 || strings.Contains(body, "module github.com/docgraph") || strings.Contains(body, "package server") {
			t.Errorf("%s: %d %.100q", p, resp.StatusCode, body)
		}
	}
	resp, body := get(t, ts, "/static/app.css")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, "--accent") {
		t.Errorf("app.css: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestPages(t *testing.T) {
	ts := newTestServer(t, Config{})
	st := sharedStore(t)
	_, home := get(t, ts, "/")
	if !strings.Contains(home, "<b>"+strconv.Itoa(documentCount(t, st))+"</b> documents") || !strings.Contains(home, `action="/search"`) {
		t.Errorf("home page lacks the counts or the search box")
	}
	_, search := get(t, ts, "/search?q=Filippov")
	if !strings.Contains(search, `<a href="/person/joseph-stalin">Joseph Stalin</a>`) || !strings.Contains(search, "as “Filippov”") {
		t.Errorf("search for Filippov should find Stalin by his pseudonym:\n%s", search)
	}
	_, entity := get(t, ts, "/person/joseph-stalin", "Accept: text/html")
	for _, want := range []string{"<b>Filippov</b>", "https://www.wikidata.org/wiki/Q855", "Сталин", "斯大林",
		`<span class="year">1951</span>`, "Wrote to: <a href=\"/person/mao-zedong\">Mao Zedong</a>", "Claims it makes", "#ev-"} {
		if !strings.Contains(entity, want) {
			t.Errorf("Stalin's page lacks %q", want)
		}
	}
	_, doc := get(t, ts, "/doc/110385", "Accept: text/html")
	for _, want := range []string{`<mark class="ev" id="ev-`, `<a class="mention" href="/person/mao-zedong"`, "fond 45, opis 1, delo 340",
		"“Filippov” = <a href=\"/person/joseph-stalin\">"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	// Every evidence link on the document page has its target.
	for _, part := range strings.Split(doc, `href="/doc/110385#`)[1:] {
		id := part[:strings.IndexByte(part, '"')]
		if !strings.Contains(doc, `id="`+id+`"`) {
			t.Errorf("evidence link #%s has no target on the page", id)
		}
	}
	resp, netPage := get(t, ts, "/network")
	if resp.StatusCode != 200 || !strings.Contains(netPage, `src="/static/network.js"`) {
		t.Errorf("network page: %d", resp.StatusCode)
	}
}

func TestNetworkJSON(t *testing.T) {
	ts := newTestServer(t, Config{})
	load := func(q string) network {
		resp, body := get(t, ts, "/network.json"+q)
		var n network
		if err := json.Unmarshal([]byte(body), &n); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", q, resp.StatusCode, err)
		}
		return n
	}
	all := load("")
	base := sharedStore(t).Base()
	edge := func(n network, a, b string) int {
		for _, e := range n.Edges {
			if (e.Source == base+a && e.Target == base+b) || (e.Source == base+b && e.Target == base+a) {
				return e.Weight
			}
		}
		return 0
	}
	w := edge(all, "person/joseph-stalin", "person/mao-zedong")
	if w < 2 {
		t.Errorf("Stalin–Mao edge weight %d, want the letters between them", w)
	}
	y1951 := load("?from=1951&to=1951")
	if w1 := edge(y1951, "person/joseph-stalin", "person/mao-zedong"); w1 == 0 || w1 >= w {
		t.Errorf("1951 only: Stalin–Mao weight %d of %d", w1, w)
	}
	for _, e := range y1951.Edges {
		for _, d := range e.Docs {
			if d.Year != 1951 {
				t.Errorf("1951 filter kept a letter of %d", d.Year)
			}
		}
	}
	for _, nd := range all.Nodes {
		if !strings.HasPrefix(nd.Href, "/person/") {
			t.Errorf("node %s links to %q", nd.ID, nd.Href)
		}
	}
}

func TestIngestNeedsToken(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(rdftest.RepoRoot(t), "examples", "1951-09-10_filippov-to-mao-military-advisers.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	upload := func() (string, *bytes.Buffer) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", "../../evil/"+filepath.Base(src))
		fw.Write(data)
		mw.Close()
		return mw.FormDataContentType(), &buf
	}
	ro := newTestServer(t, Config{Store: st})
	ct, body := upload()
	if resp, _ := do(t, ro, "POST", "/documents", ct, body, "Authorization: Bearer x"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("read-only server: %d, want 403", resp.StatusCode)
	}
	rw := newTestServer(t, Config{Store: st, Token: "s3cret"})
	for _, auth := range []string{"", "Authorization: Bearer wrong", "Authorization: s3cret", "Authorization: Basic czNjcmV0"} {
		ct, body := upload()
		resp, _ := do(t, rw, "POST", "/documents", ct, body, auth)
		if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("auth %q: %d, want 401 with WWW-Authenticate", auth, resp.StatusCode)
		}
	}
	if n := documentCount(t, st); n != 0 {
		t.Fatalf("refused uploads wrote %d documents", n)
	}
	// The home page is computed before the upload, to check it is refreshed.
	get(t, rw, "/")
	ct, body = upload()
	resp, reply := do(t, rw, "POST", "/documents", ct, body, "Authorization: Bearer s3cret")
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload with the token: %d %s", resp.StatusCode, reply)
	}
	var r ingestReply
	if err := json.Unmarshal([]byte(reply), &r); err != nil || len(r.Documents) != 1 {
		t.Fatalf("reply %s: %v", reply, err)
	}
	if strings.Contains(reply, "evil") || strings.Contains(reply, os.TempDir()) {
		t.Errorf("reply leaks paths: %s", reply)
	}
	resp, page := get(t, rw, "/doc/"+r.Documents[0].ID, "Accept: text/html")
	if resp.StatusCode != 200 || !strings.Contains(page, "Filippov") {
		t.Errorf("uploaded document page: %d", resp.StatusCode)
	}
	if _, home := get(t, rw, "/"); !strings.Contains(home, "<b>1</b> documents") {
		t.Errorf("home page still shows the old counts")
	}
	// Not multipart.
	resp, _ = do(t, rw, "POST", "/documents", "text/plain", strings.NewReader("hello"), "Authorization: Bearer s3cret")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("non-multipart upload: %d, want 400", resp.StatusCode)
	}
}

func TestNewRefusesOtherBase(t *testing.T) {
	if _, err := New(Config{Store: sharedStore(t), Base: "http://other.example/"}); err == nil {
		t.Error("a base other than the store's was accepted")
	}
	if _, err := New(Config{}); err == nil {
		t.Error("no store was accepted")
	}
}

func TestNonASCIIAndHead(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := st.Minter()
	e := m.Entity(vocab.ClassPerson, "毛泽东")
	doc := m.Document("zh-1")
	if _, err := st.ReplaceGraph(ctx, doc, []rdf.Quad{
		{S: doc, P: vocab.RDFType, O: vocab.SchemaArchiveComponent},
		{S: doc, P: vocab.DCTitle, O: rdf.NewLangString("毛泽东致斯大林", "zh")},
		{S: doc, P: vocab.DCCreator, O: e},
		{S: e, P: vocab.RDFType, O: vocab.SchemaPerson},
		{S: e, P: vocab.RDFSLabel, O: rdf.NewLangString("毛泽东", "zh")},
	}); err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Store: st})
	_, home := get(t, ts, "/doc/zh-1", "Accept: text/html")
	href := "/person/%E6%AF%9B%E6%B3%BD%E4%B8%9C"
	if !strings.Contains(home, `href="`+href+`"`) {
		t.Fatalf("the document page does not link the author as %s:\n%s", href, home)
	}
	resp, body := get(t, ts, href, "Accept: text/html")
	if resp.StatusCode != 200 || !strings.Contains(body, "<h1>毛泽东") {
		t.Errorf("%s: %d", href, resp.StatusCode)
	}
	resp, body = get(t, ts, href+".nt")
	if resp.StatusCode != 200 || !strings.Contains(body, "<"+string(e)+">") {
		t.Errorf("%s.nt: %d %s", href, resp.StatusCode, body)
	}
	resp, body = do(t, ts, "HEAD", "/download/graph.ttl", "", nil)
	if resp.StatusCode != 200 || body != "" || resp.Header.Get("Content-Type") != "text/turtle; charset=utf-8" {
		t.Errorf("HEAD download: %d %q %v", resp.StatusCode, body, resp.Header)
	}
	resp, body = do(t, ts, "HEAD", href, "", nil, "Accept: text/html")
	if resp.StatusCode != 200 || body != "" {
		t.Errorf("HEAD page: %d %q", resp.StatusCode, body)
	}
}

func TestUploadTooLarge(t *testing.T) {
	st, err := graph.Open(context.Background(), "memory:", graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Store: st, Token: "t", MaxBody: 4096})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "big.txt")
	fw.Write(bytes.Repeat([]byte("Filippov to Mao. "), 1000))
	mw.Close()
	resp, body := do(t, ts, "POST", "/documents", mw.FormDataContentType(), &buf, "Authorization: Bearer t")
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("upload over the cap: %d %s", resp.StatusCode, body)
	}
	if n := documentCount(t, st); n != 0 {
		t.Errorf("a refused upload wrote %d documents", n)
	}
}

// TestEveryMintedIRIAnswers dereferences every IRI under the base that the
// store describes, as Turtle and as a page.
func TestEveryMintedIRIAnswers(t *testing.T) {
	ts := newTestServer(t, Config{})
	st := sharedStore(t)
	seen := map[rdf.IRI]bool{}
	kinds := map[string]int{}
	for q, err := range st.Match(context.Background(), nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		iri, ok := q.S.(rdf.IRI)
		if !ok || !strings.HasPrefix(string(iri), st.Base()) || seen[iri] {
			continue
		}
		seen[iri] = true
	}
	for iri := range seen {
		rest := strings.TrimPrefix(string(iri), st.Base())
		kinds[rest[:strings.IndexByte(rest+"/", '/')]]++
		path := escapePath("/" + rest)
		resp, body := get(t, ts, path, "Accept: text/turtle")
		if resp.StatusCode != 200 || !strings.Contains(body, "@prefix") {
			t.Errorf("%s as Turtle: %d %.200s", path, resp.StatusCode, body)
		}
		resp, body = get(t, ts, path, "Accept: text/html")
		if resp.StatusCode != 200 || !strings.Contains(body, "</html>") {
			t.Errorf("%s as HTML: %d", path, resp.StatusCode)
		}
	}
	t.Logf("%d IRIs dereferenced: %v", len(seen), kinds)
	for _, k := range []string{"doc", "person", "org", "country", "place", "claim", "archive"} {
		if kinds[k] == 0 {
			t.Errorf("no %s/ IRI in the fixture", k)
		}
	}
}

// TestDraftMarkup: a draft transcription's struck-out text (~~text~~) shows
// struck out and its text written in above the line (<sup>text</sup>) as
// an insertion, with the markup gone and anything else in it still text.
func TestDraftMarkup(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, page := get(t, ts, "/doc/113636", "Accept: text/html")
	for _, want := range []string{"<del>тов.</del>", "<del>и оценкой</del>", "<ins>о перемирии</ins>", "Красовск<del>ому</del>ому"} {
		if !strings.Contains(page, want) {
			t.Errorf("/doc/113636 lacks %q", want)
		}
	}
	for _, bad := range []string{"~~", "&lt;sup&gt;", "&lt;/sup&gt;"} {
		if strings.Contains(page, bad) {
			t.Errorf("/doc/113636 shows the draft's markup %q", bad)
		}
	}
	_, page = get(t, ts, "/doc/xss-1", "Accept: text/html")
	for _, want := range []string{"<del>&lt;img src=y onerror=alert(5)&gt;</del>", "<ins>&lt;script&gt;alert(4)&lt;/script&gt;</ins>"} {
		if !strings.Contains(page, want) {
			t.Errorf("/doc/xss-1 lacks %q", want)
		}
	}
	for _, bad := range []string{"<img src=y", "<script>alert(4)"} {
		if strings.Contains(page, bad) {
			t.Errorf("/doc/xss-1: markup inside a draft mark came through as markup: %q", bad)
		}
	}
}
