package server

import (
	"strings"
	"testing"
)

// TestLetterDownloads: the letters as CMIF and the two networks in GEXF and
// GraphML are served as downloads with their media types.
func TestLetterDownloads(t *testing.T) {
	ts := newTestServer(t, Config{})
	for name, want := range map[string]string{
		"letters.cmif.xml":   "<correspDesc ",
		"letters.gexf":       `defaultedgetype="directed"`,
		"letters.graphml":    `edgedefault="directed"`,
		"comentions.gexf":    `defaultedgetype="undirected"`,
		"comentions.graphml": `<data key="kind">co-mention</data>`,
	} {
		resp, body := get(t, ts, "/download/"+name, "Accept-Encoding: identity")
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", name, resp.StatusCode)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, letterDownloads[name]) {
			t.Errorf("%s: Content-Type %s", name, ct)
		}
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %s:\n%.400s", name, want, body)
		}
	}
}
