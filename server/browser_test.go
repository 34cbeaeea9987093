package server

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts a headless Chromium for t (skipping, or failing under
// CI=true, when there is none) and returns a context for its actions, the
// folder for screenshots, and the test's helpers over that context.
func browser(t *testing.T) (context.Context, *pageHelpers) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	var chrome string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	needTool(t, chrome != "", "Chromium (apt-get install -y chromium)")
	artifacts := os.Getenv("DOCGRAPH_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else {
		artifacts = filepath.Join(artifacts, "browser")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", artifacts)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancel := chromedp.NewContext(actx)
	// The first call starts the browser; it must not carry a deadline.
	if err := chromedp.Do(bctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting %s: %v", chrome, err)
	}
	ctx, cancelT := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancel(); cancelAlloc() })
	return ctx, &pageHelpers{t: t, ctx: ctx, artifacts: artifacts}
}

// pageHelpers act on the browser for a test, failing it on errors.
type pageHelpers struct {
	t         *testing.T
	ctx       context.Context
	artifacts string
}

func (h *pageHelpers) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	h.t.Helper()
	if err := chromedp.Do(h.ctx, actions...); err != nil {
		h.t.Fatalf("%s: %v", step, err)
	}
	// An element can be visible while the rest of its page is still
	// arriving (a slow server streams its HTML): read the page only once
	// the whole document has been parsed.
	if _, err := chromedp.Run(h.ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
		h.t.Fatalf("%s: waiting for the page to load: %v", step, err)
	}
}

func (h *pageHelpers) text(sel string) string {
	h.t.Helper()
	s, err := chromedp.Run(h.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		h.t.Fatalf("reading %s: %v", sel, err)
	}
	return s
}

func (h *pageHelpers) count(sel string) int {
	h.t.Helper()
	n, err := chromedp.Run(h.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
	if err != nil {
		h.t.Fatalf("counting %s: %v", sel, err)
	}
	return n
}

func (h *pageHelpers) location() string {
	h.t.Helper()
	l, err := chromedp.Run(h.ctx, chromedp.Location())
	if err != nil {
		h.t.Fatal(err)
	}
	return l
}

func (h *pageHelpers) shot(name string) {
	h.t.Helper()
	buf, err := chromedp.Run(h.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		h.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(h.artifacts, name+".png"), buf, 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// TestBrowserJourney drives a headless Chromium through what a historian
// does: search a pseudonym from the home page, open the person, one of the
// documents, the network, and a SPARQL query. Screenshots go to
// $DOCGRAPH_ARTIFACTS (or a temporary folder named in the log).
func TestBrowserJourney(t *testing.T) {
	ctx, h := browser(t)
	ts := newTestServer(t, Config{})
	do, text, count, location, shot := h.do, h.text, h.count, h.location, h.shot

	do("home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("home-q")))
	if home := text("ul.counts"); !strings.Contains(home, "documents") || !strings.Contains(home, "claims") {
		t.Errorf("home page counts: %q", home)
	}
	shot("1-home")

	do("search", chromedp.SendKeys(chromedp.ID("home-q"), "Filippov"), chromedp.Submit(chromedp.ID("home-q")),
		chromedp.WaitVisible(chromedp.CSS("ul.results")))
	if res := text("ul.results"); !strings.Contains(res, "Joseph Stalin") || !strings.Contains(res, "Filippov") {
		t.Fatalf("search results: %q", res)
	}
	shot("2-search")

	do("entity", chromedp.Click(chromedp.CSS(`ul.results a[href="/person/joseph-stalin"]`)),
		chromedp.WaitVisible(chromedp.CSS("ol.timeline")))
	if h1 := text("h1"); !strings.HasPrefix(h1, "Joseph Stalin") {
		t.Errorf("entity page heading %q", h1)
	}
	shot("3-stalin")

	do("document", chromedp.Click(chromedp.CSS(`ul.pseudonyms a[href="/doc/110385"]`)),
		chromedp.WaitVisible(chromedp.CSS("div.versions")))
	if title, marks, mentions := text("h1"), count("mark.ev"), count("a.mention"); !strings.Contains(title, "Filippov") || marks == 0 || mentions == 0 {
		t.Errorf("document page: title %q, %d evidence marks, %d mention links", title, marks, mentions)
	}
	shot("4-document")

	// A document with an original and a translation shows them side by side.
	do("versions", chromedp.Navigate(ts.URL+"/doc/113785"), chromedp.WaitVisible(chromedp.CSS("div.versions")))
	sideBySide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const v = document.querySelectorAll("article.version");
		if (v.length < 2) return false;
		const a = v[0].getBoundingClientRect(), b = v[1].getBoundingClientRect();
		return Math.abs(a.top - b.top) < 1 && a.right <= b.left;
	})()`))
	if err != nil || !sideBySide {
		t.Errorf("versions of /doc/113785 are not side by side (%v)", err)
	}
	shot("4b-versions")

	do("network", chromedp.Navigate(ts.URL+"/network"), chromedp.WaitVisible(chromedp.CSS(`#network[data-ready="1"]`)))
	circles := count("#network circle")
	if nc := text("#netcount"); circles < 3 || !strings.Contains(nc, "letters") {
		t.Errorf("network: %d circles, count %q", circles, nc)
	}
	shot("5-network")
	// Filter by years in the page, then click Mao's node.
	do("network filter", chromedp.SetValue(chromedp.ID("from"), "1951"), chromedp.SetValue(chromedp.ID("to"), "1951"),
		chromedp.Click(chromedp.CSS("#years button")), chromedp.Sleep(300*time.Millisecond))
	if filtered := count("#network circle"); filtered == 0 || filtered >= circles {
		t.Errorf("year filter: %d circles of %d", filtered, circles)
	}
	shot("6-network-1951")
	mao := sharedStore(t).Base() + "person/mao-zedong"
	do("network click", chromedp.Click(chromedp.CSS(`g[data-id="`+mao+`"] circle`)),
		chromedp.WaitVisible(chromedp.CSS("ol.timeline")))
	if loc := location(); !strings.HasSuffix(loc, "/person/mao-zedong") {
		t.Errorf("clicking Mao's node opened %s", loc)
	}

	do("sparql", chromedp.Navigate(ts.URL+"/sparql"), chromedp.WaitVisible(chromedp.ID("query")),
		chromedp.SetValue(chromedp.ID("query"), `SELECT ?person ?alias WHERE { ?person dg:pseudonym ?alias } ORDER BY ?alias`),
		chromedp.Click(chromedp.ID("run")), chromedp.WaitVisible(chromedp.ID("results")))
	rows, _ := strconv.Atoi(text("#rowcount"))
	if linked := count(`table.results a[href="/person/joseph-stalin"]`); rows == 0 || linked == 0 {
		t.Errorf("SPARQL page: %d rows, %d links to Stalin's page", rows, linked)
	}
	shot("7-sparql")
	if u, err := url.Parse(location()); err != nil || u.Query().Get("query") == "" {
		t.Errorf("the results page should be linkable")
	}
}

// TestBrowserSearchAndBrowse: a historian searches a phrase, narrows the
// documents by a facet, and opens a document from the documents page.
func TestBrowserSearchAndBrowse(t *testing.T) {
	_, h := browser(t)
	_, cfg := indexedServer(t)
	ts := newTestServer(t, cfg)
	h.do("phrase", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("home-q")),
		chromedp.SendKeys(chromedp.ID("home-q"), `"Mexican proposal"`), chromedp.Submit(chromedp.ID("home-q")),
		// the home page lists documents too: wait for the results' passages
		chromedp.WaitVisible(chromedp.CSS("ul.docs .snippet")))
	if marks := h.count("ul.docs .snippet mark"); marks == 0 {
		t.Errorf("no highlighted passage for the phrase")
	}
	h.shot("b1-phrase")
	h.do("browse", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("all-documents")),
		chromedp.Click(chromedp.ID("all-documents")), chromedp.WaitVisible(chromedp.CSS("aside.facets")))
	all := h.count("ul.docs li")
	h.do("facet", chromedp.Click(chromedp.CSS(`section.facet[data-facet="kind"] li:first-child a`)),
		chromedp.WaitVisible(chromedp.CSS("a.chosen")))
	narrowed := h.count("ul.docs li")
	if narrowed == 0 || narrowed >= all {
		t.Errorf("the kind facet left %d of %d documents", narrowed, all)
	}
	h.shot("b2-facet")
	h.do("open", chromedp.Click(chromedp.CSS("ul.docs li:first-child a")), chromedp.WaitVisible(chromedp.CSS("div.versions")))
	if loc := h.location(); !strings.Contains(loc, "/doc/") {
		t.Errorf("opened %s", loc)
	}
	h.shot("b3-document")
}
