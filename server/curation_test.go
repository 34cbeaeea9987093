package server

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// curationServer serves a store of its own (the tests change it) to the
// curators given as name → token.
func curationServer(t *testing.T, curators map[string]string) (*httptest.Server, *graph.Store) {
	t.Helper()
	st := newStore(t)
	t.Cleanup(func() { st.Close() })
	return newTestServer(t, Config{Store: st, Curators: curators}), st
}

// curator is a browser-like client: a cookie jar, no redirects followed.
type curator struct {
	t    *testing.T
	ts   *httptest.Server
	c    *http.Client
	csrf string
}

func newCurator(t *testing.T, ts *httptest.Server) *curator {
	jar, _ := cookiejar.New(nil)
	return &curator{t: t, ts: ts, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *curator) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (c *curator) get(path string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.ts.URL+path, nil)
	req.Header.Set("Accept", "text/html")
	resp, body := c.do(req)
	if m := csrfField.FindStringSubmatch(body); m != nil {
		c.csrf = m[1]
	}
	return resp, body
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// post sends a form as a browser on the server's own page would (its
// Origin, the page's CSRF token unless the form sets one).
func (c *curator) post(path string, form url.Values, headers ...string) (*http.Response, string) {
	c.t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.ts.URL)
	req.Header.Set("Accept", "text/html")
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	return c.do(req)
}

func (c *curator) login(name, token string) {
	c.t.Helper()
	resp, body := c.post("/login", url.Values{"name": {name}, "token": {token}, "next": {"/"}})
	if resp.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("login as %s: %d %s", name, resp.StatusCode, body)
	}
	c.get("/") // the CSRF token of the session
	if c.csrf == "" {
		c.t.Fatal("a curator's page carries no CSRF token")
	}
}

// correct posts a correction form and returns the status and the body.
func (c *curator) correct(fields ...string) (int, string) {
	c.t.Helper()
	form := url.Values{"back": {"/"}}
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	resp, body := c.post("/curate", form)
	return resp.StatusCode, body
}

func dumpStore(t *testing.T, s *graph.Store) []rdf.Quad {
	t.Helper()
	var qs []rdf.Quad
	for q, err := range s.Match(context.Background(), nil, nil, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	slices.SortFunc(qs, rdf.CompareQuads)
	return qs
}

// aClaimOf returns the id of a claim the extractor made about e.
func aClaimOf(t *testing.T, s *graph.Store, e rdf.IRI) string {
	t.Helper()
	for q, err := range s.Match(context.Background(), nil, vocab.RDFSubject, e, nil) {
		if err != nil {
			t.Fatal(err)
		}
		return claimID(q.S)
	}
	t.Fatalf("no claim about %s", e)
	return ""
}

func TestCurationReadOnly(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, page := get(t, ts, "/person/joseph-stalin", "Accept: text/html")
	if strings.Contains(page, `action="/curate"`) || strings.Contains(page, "/login") {
		t.Error("a read-only server's page offers curation")
	}
	for _, p := range []string{"/curate", "/login"} {
		resp, body := do(t, ts, "POST", p, "application/x-www-form-urlencoded", strings.NewReader("kind=merge&entity=a&other=b"))
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "read-only") {
			t.Errorf("POST %s on a read-only server: %d %q", p, resp.StatusCode, body)
		}
	}
	if resp, _ := get(t, ts, "/login"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET /login on a read-only server: %d", resp.StatusCode)
	}
}

func TestCurationLoginAndCSRF(t *testing.T) {
	ts, st := curationServer(t, map[string]string{"anna": "tok-anna", "boris": "tok-boris"})
	c := newCurator(t, ts)
	// a visitor sees a login link but no form, and cannot post
	if _, page := c.get("/person/joseph-stalin"); strings.Contains(page, `action="/curate"`) || !strings.Contains(page, `href="/login"`) {
		t.Error("a visitor's page: forms shown or no login link")
	}
	if code, _ := c.correct("kind", "retype", "entity", "person/joseph-stalin", "class", "Organization"); code != http.StatusForbidden {
		t.Errorf("a correction without a login: %d", code)
	}
	if resp, _ := c.post("/login", url.Values{"token": {"wrong"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("login with a wrong token: %d", resp.StatusCode)
	}
	if resp, _ := c.post("/login", url.Values{"name": {"boris"}, "token": {"tok-anna"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("login with another curator's token: %d", resp.StatusCode)
	}
	resp, _ := c.post("/login", url.Values{"token": {"tok-anna"}, "next": {"/person/joseph-stalin"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/person/joseph-stalin" {
		t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, k := range resp.Cookies() {
		if k.Name == sessionCookie {
			cookie = k
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("session cookie %+v: want HttpOnly and SameSite=Strict", cookie)
	}
	_, page := c.get("/person/joseph-stalin")
	if !strings.Contains(page, `id="merge-form"`) || !strings.Contains(page, ">anna<") {
		t.Error("a curator's entity page has no merge form or does not name the curator")
	}
	before := dumpStore(t, st)
	// a forged form: no token, another site's token, another site's origin
	for _, tc := range []struct {
		name    string
		form    url.Values
		headers []string
	}{
		{"no CSRF token", url.Values{"csrf": {""}}, nil},
		{"a wrong CSRF token", url.Values{"csrf": {strings.Repeat("0", len(c.csrf))}}, nil},
		{"another origin", url.Values{}, []string{"Origin: https://evil.example"}},
	} {
		tc.form.Set("kind", "retype")
		tc.form.Set("entity", "person/joseph-stalin")
		tc.form.Set("class", "Organization")
		if resp, body := c.post("/curate", tc.form, tc.headers...); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d %s", tc.name, resp.StatusCode, body)
		}
	}
	if !slices.Equal(before, dumpStore(t, st)) {
		t.Fatal("a refused POST changed the store")
	}
	if code, body := c.correct("kind", "retype", "entity", "person/joseph-stalin", "class", "Organization", "reason", "a test"); code != http.StatusSeeOther {
		t.Fatalf("retype: %d %s", code, body)
	}
	_, log := c.get("/curation")
	if !strings.Contains(log, "retype person/joseph-stalin as Organization") || !strings.Contains(log, "anna") || !strings.Contains(log, "a test") {
		t.Errorf("the log does not show the correction with its curator and reason")
	}
	// logged out, the forms are gone and posts are refused again
	if resp, _ := c.post("/logout", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %d", resp.StatusCode)
	}
	if code, _ := c.correct("kind", "retype", "entity", "person/joseph-stalin", "class", "Person"); code != http.StatusForbidden {
		t.Errorf("a correction after logout: %d", code)
	}
}

func TestCurationSharedToken(t *testing.T) {
	st := newStore(t)
	defer st.Close()
	ts := newTestServer(t, Config{Store: st, Token: "s3cret"})
	c := newCurator(t, ts)
	if resp, _ := c.post("/login", url.Values{"token": {"s3cret"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("with the server's one token the curator must give a name: %d", resp.StatusCode)
	}
	c.login("Vera", "s3cret")
	other := newCurator(t, ts)
	if resp, _ := other.post("/login", url.Values{"name": {"Vera"}, "token": {"wrong"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("login with a wrong token: %d", resp.StatusCode)
	}
	if code, body := c.correct("kind", "rename", "entity", "person/mao-zedong", "label", "Mao Tse-tung", "lang", "en"); code != http.StatusSeeOther {
		t.Fatalf("rename: %d %s", code, body)
	}
	set, err := curate.Load(context.Background(), st)
	if err != nil || len(set.All) != 1 || set.All[0].By != "Vera" {
		t.Fatalf("the correction is not recorded as Vera's: %v %v", set, err)
	}
	// beside a curators file, the shared token cannot speak for a listed curator
	both := newTestServer(t, Config{Store: st, Token: "s3cret", Curators: map[string]string{"anna": "tok-anna"}})
	if resp, _ := newCurator(t, both).post("/login", url.Values{"name": {"anna"}, "token": {"s3cret"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the shared token logged in as a listed curator: %d", resp.StatusCode)
	}
	newCurator(t, both).login("Vera", "s3cret")
	newCurator(t, both).login("", "tok-anna")
}

// TestCurationBadInput: over the web as over the command line, a
// correction naming what is not there, merging an entity with itself,
// closing a cycle of merges or contradicting one in force is refused with
// a clear message, and nothing changes.
func TestCurationBadInput(t *testing.T) {
	ts, st := curationServer(t, map[string]string{"anna": "tok-anna"})
	c := newCurator(t, ts)
	c.login("anna", "tok-anna")
	if code, body := c.correct("kind", "merge", "entity", "person/zhou-enlai", "other", "person/mao-zedong"); code != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", code, body)
	}
	if code, body := c.correct("kind", "split", "entity", "person/joseph-stalin", "other", "person/mao-zedong"); code != http.StatusSeeOther {
		t.Fatalf("keep apart: %d %s", code, body)
	}
	claim := aClaimOf(t, st, rdf.IRI(st.Base()+"person/joseph-stalin"))
	before := dumpStore(t, st)
	for _, tc := range []struct {
		name   string
		fields []string
		code   int
		says   string
	}{
		{"unknown entity", []string{"kind", "merge", "entity", "person/nobody-at-all", "other", "person/mao-zedong"}, 404, "no entity"},
		{"unknown name", []string{"kind", "retype", "entity", "Nobody Atall Whatsoever", "class", "Person"}, 404, "no entity is named"},
		{"unknown claim", []string{"kind", "reject", "claim", "no-such-claim"}, 404, "no claim"},
		{"unknown correction", []string{"kind", "undo", "id", "0123456789ab"}, 404, "no correction"},
		{"self-merge", []string{"kind", "merge", "entity", "person/joseph-stalin", "other", "person/joseph-stalin"}, 400, "with itself"},
		{"bad Wikidata id", []string{"kind", "link", "entity", "person/joseph-stalin", "wikidata", "855"}, 400, "not a Wikidata item id"},
		{"unknown kind", []string{"kind", "smash", "entity", "person/joseph-stalin"}, 400, "not a kind of correction"},
		{"cycle of merges", []string{"kind", "merge", "entity", "person/mao-zedong", "other", "person/zhou-enlai"}, 409, "cycle of merges"},
		{"merge of entities kept apart", []string{"kind", "merge", "entity", "person/joseph-stalin", "other", "person/mao-zedong"}, 409, "keeps"},
		{"merged twice", []string{"kind", "merge", "entity", "person/zhou-enlai", "other", "person/joseph-stalin"}, 409, "already merged"},
		{"evidence the document lacks", []string{"kind", "add-mention", "doc", "110385", "entity", "person/mao-zedong", "evidence", "words no record says"}, 404, "has no text"},
	} {
		code, body := c.correct(tc.fields...)
		if code != tc.code || !strings.Contains(body, tc.says) || !strings.Contains(body, "Nothing was changed") {
			t.Errorf("%s: %d, want %d saying %q: %s", tc.name, code, tc.code, tc.says, pageMessage(body))
		}
		if !slices.Equal(before, dumpStore(t, st)) {
			t.Fatalf("%s changed the store", tc.name)
		}
	}
	// an undo made twice: the second is refused
	if code, body := c.correct("kind", "reject", "claim", claim); code != http.StatusSeeOther {
		t.Fatalf("reject: %d %s", code, pageMessage(body))
	}
	if code, _ := c.correct("kind", "undo", "id", "last"); code != http.StatusSeeOther {
		t.Fatal("undo")
	}
	set, _ := curate.Load(context.Background(), st)
	rejected := set.All[len(set.All)-2]
	if code, body := c.correct("kind", "undo", "id", rejected.ID()); code != http.StatusConflict || !strings.Contains(body, "already undone") {
		t.Errorf("undoing twice: %d %s", code, pageMessage(body))
	}
}

var errorMessage = regexp.MustCompile(`(?s)<p class="error">(.*?)</p>`)

func pageMessage(body string) string {
	if m := errorMessage.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return body
}

// TestMergedRedirect: a merged entity's IRI answers 301 to the survivor,
// for its page and its data, and the survivor's data says owl:sameAs.
func TestMergedRedirect(t *testing.T) {
	ts, st := curationServer(t, map[string]string{"anna": "tok-anna"})
	c := newCurator(t, ts)
	c.login("anna", "tok-anna")
	zhou := st.Base() + "person/zhou-enlai"
	if code, body := c.correct("kind", "merge", "entity", "Zhou Enlai", "other", "person/mao-zedong"); code != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", code, pageMessage(body))
	}
	for path, want := range map[string]string{
		"/person/zhou-enlai":     "/person/mao-zedong",
		"/person/zhou-enlai.ttl": "/person/mao-zedong.ttl",
	} {
		resp, _ := get(t, ts, path, "Accept: text/turtle")
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %s", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	_, ttl := get(t, ts, "/person/mao-zedong.ttl")
	if !strings.Contains(ttl, "owl:sameAs") || !strings.Contains(ttl, "zhou-enlai") {
		t.Errorf("the survivor's data does not say the merged entity is the same:\n%s", ttl)
	}
	// the survivor's page lists the documents of the merged one
	_, page := get(t, ts, "/person/mao-zedong", "Accept: text/html")
	if !strings.Contains(page, "Merged into this entity") || !strings.Contains(page, zhou) {
		t.Error("the survivor's page does not list the merged entity")
	}
	// undone, the merged entity has its own page again
	if code, _ := c.correct("kind", "undo", "id", "last"); code != http.StatusSeeOther {
		t.Fatal("undo")
	}
	if resp, _ := get(t, ts, "/person/zhou-enlai", "Accept: text/html"); resp.StatusCode != http.StatusOK {
		t.Errorf("after the undo: %d", resp.StatusCode)
	}
}

// TestConcurrentWebCurators: two curators correcting at once are both
// kept, or the second is refused with 409; never half-applied.
func TestConcurrentWebCurators(t *testing.T) {
	ts, st := curationServer(t, map[string]string{"anna": "tok-anna", "boris": "tok-boris"})
	a, b := newCurator(t, ts), newCurator(t, ts)
	a.login("anna", "tok-anna")
	b.login("boris", "tok-boris")
	// the same entity merged into two others at once: one wins
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, x := range []struct {
		c     *curator
		other string
	}{{a, "person/mao-zedong"}, {b, "person/joseph-stalin"}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _ = x.c.correct("kind", "merge", "entity", "person/zhou-enlai", "other", x.other)
		}()
	}
	wg.Wait()
	slices.Sort(codes)
	if codes[0] != http.StatusSeeOther || codes[1] != http.StatusConflict {
		t.Fatalf("two merges of one entity at once: %v, want one 303 and one 409", codes)
	}
	// different corrections at once: both kept
	wg.Add(2)
	go func() {
		defer wg.Done()
		codes[0], _ = a.correct("kind", "rename", "entity", "person/joseph-stalin", "label", "I. V. Stalin", "lang", "en")
	}()
	go func() {
		defer wg.Done()
		codes[1], _ = b.correct("kind", "unlink", "entity", "person/mao-zedong")
	}()
	wg.Wait()
	if codes[0] != http.StatusSeeOther || codes[1] != http.StatusSeeOther {
		t.Fatalf("two different corrections at once: %v", codes)
	}
	set, err := curate.Load(context.Background(), st)
	if err != nil || len(set.All) != 3 {
		t.Fatalf("%d corrections recorded, want 3 (%v)", len(set.All), err)
	}
	if o, err := curate.Orphans(context.Background(), st); err != nil || len(o) > 0 {
		t.Errorf("corrections not applied: %v %v", o, err)
	}
	_, page := a.get("/person/mao-zedong")
	if strings.Contains(page, "wikidata.org/wiki/Q") {
		t.Error("Mao's page shows a Wikidata link after the unlink")
	}
	_, page = a.get("/person/joseph-stalin")
	if !strings.Contains(page, "I. V. Stalin") {
		t.Error("the new name is not on the page")
	}
	// the merge that won shows on its survivor's page
	survivor := set.All[0].Other
	_, page = a.get("/" + strings.TrimPrefix(string(survivor), st.Base()))
	if set.All[0].Kind != curate.Merge || !strings.Contains(page, "Merged into this entity") {
		t.Errorf("the survivor %s does not show the merge", survivor)
	}
}

// TestCurationEveryKind: every kind of correction the command line makes
// can be made from the forms, and each applies.
func TestCurationEveryKind(t *testing.T) {
	ts, st := curationServer(t, map[string]string{"anna": "tok-anna"})
	ctx := context.Background()
	c := newCurator(t, ts)
	c.login("anna", "tok-anna")
	base := st.Base()
	stalin := rdf.IRI(base + "person/joseph-stalin")
	var qid string
	for q, err := range st.Match(ctx, stalin, vocab.OWLSameAs, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		qid = strings.TrimPrefix(string(q.O.(rdf.IRI)), vocab.WD) // the gazetteer's
	}
	if qid == "" {
		t.Fatal("the gazetteer links no Wikidata item to Stalin")
	}
	var claims []string
	for q, err := range st.Match(ctx, nil, vocab.RDFType, vocab.DGClaim, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if id := claimID(q.S); !slices.Contains(claims, id) {
			claims = append(claims, id)
		}
	}
	slices.Sort(claims)
	if len(claims) < 3 {
		t.Fatalf("%d claims in the examples", len(claims))
	}
	doc := st.Minter().Document("110385") // Stalin signs as Filippov
	var words []string
	for q, err := range st.Match(ctx, nil, vocab.SchemaText, nil, doc) {
		if err != nil {
			t.Fatal(err)
		}
		words = strings.Fields(q.O.(rdf.Literal).Lexical)
		break
	}
	if len(words) < 4 {
		t.Fatal("document 110385 has no text")
	}
	evidence := strings.Join(words[:4], " ")
	steps := [][]string{
		{"kind", "unlink", "entity", "person/joseph-stalin"},
		{"kind", "link", "entity", "person/joseph-stalin", "wikidata", "wd:" + qid},
		{"kind", "rename", "entity", "person/joseph-stalin", "label", "Iosif Stalin", "lang", "en"},
		{"kind", "rename", "entity", "person/joseph-stalin", "label", "Koba", "lang", "en", "add", "1"},
		{"kind", "retype", "entity", "proposal/mexican-proposal", "class", "event"},
		{"kind", "split", "entity", "person/mao-zedong", "other", "person/zhou-enlai"},
		{"kind", "merge", "entity", "person/zhou-enlai", "other", "person/joseph-stalin"},
		{"kind", "reject", "claim", claims[0]},
		{"kind", "confirm", "claim", claims[1]},
		{"kind", "edit", "claim", claims[2], "relation", "opposes", "subject", "person/mao-zedong"},
		{"kind", "add-claim", "doc", "110385", "subject", "person/joseph-stalin", "relation", "informs", "object", "person/mao-zedong", "evidence", evidence},
		{"kind", "add-mention", "doc", "110385", "entity", "person/mao-zedong", "evidence", evidence},
		{"kind", "confirm-pseudonym", "doc", "110385", "alias", "filippov"},
		{"kind", "dispute-pseudonym", "doc", "110385", "alias", "Filippov"},
		{"kind", "undo", "id", "last"},
	}
	for _, s := range steps {
		if code, body := c.correct(s...); code != http.StatusSeeOther {
			t.Fatalf("%v: %d %s", s, code, pageMessage(body))
		}
	}
	set, err := curate.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, x := range set.All {
		kinds = append(kinds, string(x.Kind))
	}
	want := []string{"unlink", "link", "rename", "add-label", "retype", "split", "merge", "reject", "confirm", "edit",
		"add-claim", "add-mention", "confirm-pseudonym", "dispute-pseudonym", "undo"}
	if !slices.Equal(kinds, want) {
		t.Errorf("recorded %v, want %v", kinds, want)
	}
	if o, err := curate.Orphans(ctx, st); err != nil || len(o) > 0 {
		t.Errorf("corrections that found no target: %v %v", o, err)
	}
	// the pages show them
	_, page := c.get("/person/joseph-stalin")
	if !strings.Contains(page, "Iosif Stalin") || !strings.Contains(page, "Koba") || !strings.Contains(page, "zhou-enlai") {
		t.Error("Stalin's page does not show the new names and the merged entity")
	}
	_, page = c.get("/doc/110385")
	if !strings.Contains(page, "Correct this document") || !strings.Contains(page, "confirm &#34;Filippov&#34; stands for") && !strings.Contains(page, "confirm &quot;Filippov&quot; stands for") {
		t.Error("the document page lacks its panel or the pseudonym correction")
	}
	// the review queue, with buttons for a curator only
	resp, page := c.get("/review")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `<table class="review">`) || !strings.Contains(page, `value="confirm"`) {
		t.Errorf("review page for a curator: %d", resp.StatusCode)
	}
	_, page = get(t, ts, "/review", "Accept: text/html")
	if !strings.Contains(page, `<table class="review">`) || strings.Contains(page, `action="/curate"`) {
		t.Error("review page for a visitor: no queue, or forms")
	}
}
