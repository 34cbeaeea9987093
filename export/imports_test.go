package export

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the package inside its layer: the standard library,
// rdf, vocab and json-gold, never graph, Cayley or the peer packages.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"github.com/docgraph/docgraph/rdf":   true,
		"github.com/docgraph/docgraph/vocab": true,
		"github.com/piprate/json-gold/ld":    true,
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") {
				continue // standard library
			}
			if !allowed[path] {
				t.Errorf("%s imports %s; export may import only the standard library, rdf, vocab and json-gold", name, path)
			}
		}
	}
}
