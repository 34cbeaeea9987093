package graph_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// TestBoundary checks, with go list, that no package outside graph (and
// its internal packages) imports Cayley or a key-value engine, tests
// included: everything else reaches the store through graph's API.
func TestBoundary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over the whole module")
	}
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}`, "./...")
	cmd.Dir = rdftest.RepoRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/docgraph/docgraph/"
	inside := map[string]bool{module + "graph": true, module + "graph/internal/kvlayout": true}
	forbidden := []string{"github.com/cayleygraph/", "github.com/hidal-go/", "go.etcd.io/bbolt", "github.com/boltdb/", "github.com/syndtr/goleveldb", "github.com/cockroachdb/pebble"}
	importers := map[string]bool{}
	for line := range strings.Lines(strings.TrimSpace(string(out))) {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			for _, p := range forbidden {
				if strings.HasPrefix(imp, p) {
					importers[f[0]] = true
					if !inside[f[0]] {
						t.Errorf("%s imports %s: only graph may", f[0], imp)
					}
				}
			}
		}
	}
	if !importers[module+"graph"] {
		t.Error("go list shows no import of Cayley by graph: the check reads nothing")
	}
}
