package server

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/ingest"
)

func indexedServer(t *testing.T) (*fulltext.Index, Config) {
	t.Helper()
	ix, err := fulltext.Open("", false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ingest.Reindex(context.Background(), sharedStore(t), ix, nil); err != nil {
		t.Fatal(err)
	}
	return ix, Config{Index: ix}
}

// TestBrowse: the documents page lists every document a page at a time,
// its facets narrow the list with counts that add up, and every document
// is reachable from the home page through it.
func TestBrowse(t *testing.T) {
	_, cfg := indexedServer(t)
	ts := newTestServer(t, cfg)
	_, home := get(t, ts, "/", "Accept: text/html")
	if !strings.Contains(home, `href="/documents"`) {
		t.Fatal("the home page does not link the documents page")
	}
	_, body := get(t, ts, "/documents", "Accept: text/html")
	if !strings.Contains(body, "15 documents") {
		t.Errorf("documents page: %.600s", body)
	}
	docLinks := regexp.MustCompile(`href="(/doc/[^"]+)"`)
	seen := map[string]bool{}
	for _, m := range docLinks.FindAllStringSubmatch(body, -1) {
		seen[m[1]] = true
	}
	if len(seen) != 15 {
		t.Errorf("%d documents linked from the documents page, want 15", len(seen))
	}
	for d := range seen {
		if resp, _ := get(t, ts, d, "Accept: text/html"); resp.StatusCode != 200 {
			t.Errorf("%s: %d", d, resp.StatusCode)
		}
	}
	// a facet: the 1952 documents
	facet := regexp.MustCompile(`<a href="(/documents\?year=1952)">1952</a> <span class="muted">(\d+)</span>`)
	m := facet.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no year facet for 1952:\n%.3000s", body)
	}
	_, narrowed := get(t, ts, m[1], "Accept: text/html")
	if !strings.Contains(narrowed, m[2]+" documents") || !strings.Contains(narrowed, "year: 1952") {
		t.Errorf("the 1952 facet (%s documents) gives:\n%.800s", m[2], narrowed)
	}
	if strings.Contains(narrowed, `<span class="date">1951`) {
		t.Error("a 1951 document under the 1952 facet")
	}
	// paging and sorting
	resp, _ := get(t, ts, "/documents?sort=sideways", "Accept: text/html")
	if resp.StatusCode != 400 {
		t.Errorf("a bad sort: %d", resp.StatusCode)
	}
	_, latest := get(t, ts, "/documents?sort=-date", "Accept: text/html")
	first := regexp.MustCompile(`<span class="date">([^<]*)</span>`).FindStringSubmatch(latest)
	if first == nil || !strings.HasPrefix(first[1], "1953") {
		t.Errorf("latest first starts with %v", first)
	}
}

// TestEntityLists: each class has its list, the most mentioned first,
// linked from the home page's counts.
func TestEntityLists(t *testing.T) {
	ts := newTestServer(t, Config{})
	_, home := get(t, ts, "/", "Accept: text/html")
	if !strings.Contains(home, `href="/entities?class=Person"`) {
		t.Error("the home page does not link the list of people")
	}
	resp, body := get(t, ts, "/entities?class=Person", "Accept: text/html")
	if resp.StatusCode != 200 {
		t.Fatal(resp.StatusCode)
	}
	stalin, mao := strings.Index(body, ">Joseph Stalin<"), strings.Index(body, ">Mao Zedong<")
	if stalin < 0 || mao < 0 || stalin > mao {
		t.Errorf("Stalin (in more documents) should come before Mao: %d %d", stalin, mao)
	}
	if strings.Contains(body, ">Soviet Union<") {
		t.Error("a country among the people")
	}
	if resp, _ := get(t, ts, "/entities?class=Planet", "Accept: text/html"); resp.StatusCode != 400 {
		t.Errorf("an unknown class: %d", resp.StatusCode)
	}
}

// TestEveryDocumentTwoClicksFromHome: the home page's year links list each
// year's documents whole, so every document is two clicks from home, with
// the full-text index and without it.
func TestEveryDocumentTwoClicksFromHome(t *testing.T) {
	_, cfg := indexedServer(t)
	for _, c := range []Config{cfg, {}} {
		ts := newTestServer(t, c)
		_, home := get(t, ts, "/", "Accept: text/html")
		years := regexp.MustCompile(`href="(/documents\?year=[^"&]+&amp;all=1)"`).FindAllStringSubmatch(home, -1)
		if len(years) == 0 {
			t.Fatalf("no year links on the home page (index %v)", c.Index != nil)
		}
		seen := map[string]bool{}
		for _, y := range years {
			_, page := get(t, ts, strings.ReplaceAll(y[1], "&amp;", "&"), "Accept: text/html")
			for _, m := range regexp.MustCompile(`href="(/doc/[^"]+)"`).FindAllStringSubmatch(page, -1) {
				seen[m[1]] = true
			}
		}
		if len(seen) != 15 {
			t.Errorf("%d of 15 documents two clicks from home (index %v)", len(seen), c.Index != nil)
		}
	}
}
