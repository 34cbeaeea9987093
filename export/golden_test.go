package export

import (
	"path/filepath"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
)

// goldenCases are the fixture outputs kept under testdata; `go test ./export
// -update` rewrites them.
var goldenCases = []struct {
	file string
	f    Format
	opt  Options
}{
	{"fixture.ttl", Turtle, Options{}},
	{"fixture.trig", TriG, Options{}},
	{"fixture.nt", NTriples, Options{}},
	{"fixture.nq", NQuads, Options{}},
	{"fixture.jsonld", JSONLD, Options{}},
	{"fixture.rdf", RDFXML, Options{}},
	{"fixture-sorted.nt", NTriples, Options{Sorted: true}},
	{"fixture-sorted.nq", NQuads, Options{Sorted: true}},
	{"fixture-base.ttl", Turtle, Options{Base: fixBase}},
	{"fixture-base.trig", TriG, Options{Base: fixBase}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.file, func(t *testing.T) {
			got := encode(t, c.f, c.opt, fixtureQuads())
			golden.Check(t, filepath.Join("testdata", c.file), got)
			// The same input gives the same bytes.
			if again := encode(t, c.f, c.opt, fixtureQuads()); string(again) != string(got) {
				t.Errorf("%s: two runs over the same quads differ", c.file)
			}
		})
	}
}
