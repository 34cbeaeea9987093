package server

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/rdfio"
	"github.com/docgraph/docgraph/vocab"
)

// TestBrowserCuration drives a headless Chromium through a curator's work:
// log in with a token, merge two people, reject a claim, undo the
// rejection; then the pages, /download/graph.ttl and a SPARQL query show
// the merge in force and the claim back.
func TestBrowserCuration(t *testing.T) {
	_, h := browser(t)
	ts, st := curationServer(t, map[string]string{"historian": "tok-historian-1"})
	ctx := context.Background()
	base := st.Base()
	zhou, mao := rdf.IRI(base+"person/zhou-enlai"), rdf.IRI(base+"person/mao-zedong")
	claim := aClaimOf(t, st, rdf.IRI(base+"person/joseph-stalin"))
	claimIRI := rdf.IRI(base + "claim/" + claim)
	doc, _, err := curate.ResolveClaim(ctx, st, claim)
	if err != nil {
		t.Fatal(err)
	}
	docPath := "/" + strings.TrimPrefix(string(doc), base)

	// A visitor sees no form; the login link leads to the token form.
	h.do("visitor", chromedp.Navigate(ts.URL+"/person/zhou-enlai"), chromedp.WaitVisible(chromedp.ID("login-link")))
	if n := h.count(`form[action="/curate"]`); n != 0 {
		t.Errorf("a visitor's page has %d curation forms", n)
	}
	h.do("login", chromedp.Click(chromedp.ID("login-link")), chromedp.WaitVisible(chromedp.ID("login-token")),
		chromedp.SendKeys(chromedp.ID("login-token"), "tok-historian-1"), chromedp.Click(chromedp.CSS("#login-form button")),
		chromedp.WaitVisible(chromedp.ID("curator")))
	if who := h.text("#curator"); who != "historian" {
		t.Errorf("logged in as %q", who)
	}
	h.shot("c1-logged-in")

	// Merge Zhou Enlai into Mao Zedong from Zhou's page: the browser lands
	// on the survivor, which lists the merged entity.
	h.do("merge", chromedp.Navigate(ts.URL+"/person/zhou-enlai"), chromedp.WaitVisible(chromedp.ID("merge-form")),
		chromedp.SendKeys(chromedp.ID("merge-other"), "person/mao-zedong"),
		chromedp.SendKeys(chromedp.CSS("#merge-form input.reason"), "one person in this test"),
		chromedp.Click(chromedp.CSS("#merge-form button")), chromedp.WaitVisible(chromedp.CSS("ul.merged")))
	if loc := h.location(); !strings.HasSuffix(loc, "/person/mao-zedong") {
		t.Errorf("after the merge the browser is at %s", loc)
	}
	h.shot("c2-merged")
	// Zhou's IRI now leads to Mao's page (301).
	h.do("redirect", chromedp.Navigate(ts.URL+"/person/zhou-enlai"), chromedp.WaitVisible(chromedp.CSS("ul.merged")))
	if loc := h.location(); !strings.HasSuffix(loc, "/person/mao-zedong") {
		t.Errorf("the merged entity's page did not redirect: %s", loc)
	}

	// Reject a claim from its page; the document no longer lists it.
	h.do("reject", chromedp.Navigate(ts.URL+"/claim/"+claim), chromedp.WaitVisible(chromedp.ID("claim-status")),
		chromedp.Click(chromedp.CSS("#curate button.reject")), chromedp.WaitVisible(chromedp.CSS("#curate ul.corrections")))
	if status := h.text("#claim-status"); status != "Rejected" {
		t.Errorf("claim status after rejecting: %q", status)
	}
	h.shot("c3-rejected")
	h.do("document", chromedp.Navigate(ts.URL+docPath), chromedp.WaitVisible(chromedp.ID("curate")))
	if n := h.count(`li.claim[data-claim="` + claim + `"]`); n != 0 {
		t.Errorf("the document page still lists the rejected claim")
	}

	// Undo the rejection from the log.
	set, err := curate.Load(ctx, st)
	if err != nil || len(set.All) != 2 || set.All[1].Kind != curate.Reject {
		t.Fatalf("corrections after the rejection: %v %v", set, err)
	}
	reject := set.All[1].ID()
	h.do("log", chromedp.Navigate(ts.URL+"/curation"), chromedp.WaitVisible(chromedp.CSS(`button.undo[data-id="`+reject+`"]`)),
		chromedp.Click(chromedp.CSS(`button.undo[data-id="`+reject+`"]`)), chromedp.WaitVisible(chromedp.CSS("ul.corrections span.muted")))
	if log := h.text("ul.corrections"); !strings.Contains(log, "undone by") || !strings.Contains(log, "merge person/zhou-enlai into person/mao-zedong") {
		t.Errorf("the log: %q", log)
	}
	h.shot("c4-log")
	h.do("document again", chromedp.Navigate(ts.URL+docPath), chromedp.WaitVisible(chromedp.ID("curate")))
	if n := h.count(`li.claim[data-claim="` + claim + `"]`); n != 1 {
		t.Errorf("the document page lists the claim %d times after the undo", n)
	}

	// The download: the merge and the claim are there.
	_, ttl := get(t, ts, "/download/graph.ttl")
	quads, err := rdfio.ReadAll(strings.NewReader(ttl), rdfio.Turtle, rdfio.Options{Name: "graph.ttl"})
	if err != nil {
		t.Fatal(err)
	}
	var sameAs, claimed bool
	for _, q := range quads {
		sameAs = sameAs || q.S == rdf.Term(zhou) && q.P == vocab.OWLSameAs && q.O == rdf.Term(mao)
		claimed = claimed || q.S == rdf.Term(claimIRI) && q.P == vocab.RDFType && q.O == rdf.Term(vocab.DGClaim)
	}
	if !sameAs || !claimed {
		t.Errorf("graph.ttl: zhou owl:sameAs mao %v, the claim back %v", sameAs, claimed)
	}

	// A SPARQL query on the editor page: the survivor, the undo, the claim
	// in its document's graph.
	q := `SELECT ?survivor ?undo WHERE { <` + string(zhou) + `> owl:sameAs ?survivor . ?undo a dg:Undo . GRAPH <` + string(doc) + `> { <` + string(claimIRI) + `> a dg:Claim } }`
	h.do("sparql", chromedp.Navigate(ts.URL+"/sparql?query="+url.QueryEscape(q)), chromedp.WaitVisible(chromedp.ID("results")))
	rows, _ := strconv.Atoi(h.text("#rowcount"))
	if linked := h.count(`table.results a[href="/person/mao-zedong"]`); rows != 1 || linked != 1 {
		t.Errorf("SPARQL: %d rows, %d links to the survivor", rows, linked)
	}
	h.shot("c5-sparql")
}
