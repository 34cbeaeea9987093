package server

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestSearchFindsDocuments: the search box finds documents by record id,
// by shelfmark (as cited or spelled out) and by words of their title or
// summary, not only entities.
func TestSearchFindsDocuments(t *testing.T) {
	ts := newTestServer(t, Config{})
	docLinks := regexp.MustCompile(`<a href="(/doc/[^"#]+)">`)
	found := func(q string) []string {
		t.Helper()
		_, page := get(t, ts, "/search?q="+url.QueryEscape(q))
		var out []string
		for _, m := range docLinks.FindAllStringSubmatch(page, -1) {
			out = append(out, m[1])
		}
		return out
	}
	for _, c := range []struct {
		q, want string
		first   bool
	}{
		{"112100", "/doc/112100", true}, // record id
		{"1949-08_liu-shaoqi-to-malenkov", "/doc/1949-08-liu-shaoqi-to-malenkov", true}, // file name as id
		{"AVP RF, f. 059a, op. 5a, d. 3", "/doc/112100", false},                         // shelfmark as cited
		{"fond 558 delo 348", "/doc/112100", false},                                     // shelfmark spelled out
		{"Korean divisions", "/doc/112100", false},                                      // summary words
		{"ciphered telegram 709", "/doc/113636", false},                                 // title words
	} {
		got := found(c.q)
		if len(got) == 0 || c.first && got[0] != c.want || !strings.Contains(strings.Join(got, " "), c.want) {
			t.Errorf("search %q: documents %v, want %s", c.q, got, c.want)
		}
		if len(got) > 5 {
			t.Errorf("search %q finds %d documents: %v", c.q, len(got), got)
		}
	}
	if got := found("Korean divisions zzyzx"); len(got) != 0 {
		t.Errorf("a word no document holds still finds %v", got)
	}
}
