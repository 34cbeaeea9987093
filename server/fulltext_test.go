package server

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchPageFullText: with the full-text index the search page lists
// documents by words of their text, with highlighted passages whose text
// stays escaped, and a query the index cannot read is a 400.
func TestSearchPageFullText(t *testing.T) {
	_, cfg := indexedServer(t)
	ts := newTestServer(t, cfg)
	resp, body := get(t, ts, "/search?q=armistice", "Accept: text/html")
	if resp.StatusCode != 200 {
		t.Fatalf("%d", resp.StatusCode)
	}
	if !strings.Contains(body, "<mark>armistice</mark>") || !strings.Contains(body, "/doc/113636") {
		t.Errorf("no highlighted passage or no document 113636:\n%.2000s", body)
	}
	resp, body = get(t, ts, "/search?q=onerror", "Accept: text/html")
	if strings.Contains(body, "<img src=x") {
		t.Errorf("a passage's markup came out unescaped")
	}
	resp, _ = get(t, ts, "/search?q=%22open", "Accept: text/html")
	if resp.StatusCode != 400 {
		t.Errorf("an unclosed quote: %d", resp.StatusCode)
	}
}

// TestSPARQLTextMatch: the endpoint answers dg:textMatch from the index.
func TestSPARQLTextMatch(t *testing.T) {
	_, cfg := indexedServer(t)
	ts := newTestServer(t, cfg)
	q := url.QueryEscape(`PREFIX dg: <https://w3id.org/docgraph/ns#> SELECT ?doc WHERE { ?doc dg:textMatch "armistice" }`)
	resp, body := get(t, ts, "/sparql?query="+q, "Accept: text/csv")
	if resp.StatusCode != 200 || !strings.Contains(body, "/doc/113636") {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
}

// TestInboundLinks: an entity's RDF includes the statements that point at
// it (the documents that mention it, the claims about it).
func TestInboundLinks(t *testing.T) {
	ts := newTestServer(t, Config{})
	resp, body := get(t, ts, "/person/mao-zedong", "Accept: application/n-triples")
	if resp.StatusCode != 200 {
		t.Fatal(resp.StatusCode)
	}
	base := sharedStore(t).Base()
	for _, want := range []string{
		"<http://schema.org/mentions> <" + base + "person/mao-zedong> .",
		"<http://schema.org/recipient> <" + base + "person/mao-zedong> .",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("Mao's description lacks inbound %s", want)
		}
	}
}
