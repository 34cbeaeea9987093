package main

import (
	"os"
	"path/filepath"
	"testing"
)

// `docgraph sparql 'ASK …' --format csv|tsv` prints a header, then true or
// false, the form Jena writes (results.AskVar).
func TestAskAsCSVAndTSV(t *testing.T) {
	data := filepath.Join(t.TempDir(), "g.ttl")
	if err := os.WriteFile(data, []byte("<http://example.org/a> <http://example.org/p> \"x\" .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ query, format, want string }{
		{`ASK { ?s ?p "x" }`, "csv", "_askResult\r\ntrue\r\n"},
		{`ASK { ?s ?p "y" }`, "csv", "_askResult\r\nfalse\r\n"},
		{`ASK { ?s ?p "x" }`, "tsv", "?_askResult\ntrue\n"},
		{`ASK { ?s ?p "y" }`, "tsv", "?_askResult\nfalse\n"},
	}
	for _, c := range cases {
		out := runOK(t, "--store", "memory:", "sparql", "--data", data, "--format", c.format, c.query)
		if out != c.want {
			t.Errorf("%s as %s: %q, want %q", c.query, c.format, out, c.want)
		}
	}
}
