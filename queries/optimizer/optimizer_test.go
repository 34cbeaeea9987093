package optimizer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/optimizer"
	"github.com/docgraph/docgraph/queries/parser"
)

// TestPasses optimizes each testdata/optimizer/NAME.rq and compares the
// algebra before and after, as SSE, with the golden file NAME.sse.
func TestPasses(t *testing.T) {
	files, err := filepath.Glob("../testdata/optimizer/*.rq")
	if err != nil || len(files) == 0 {
		t.Fatalf("no optimizer cases: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			q, err := parser.ParseQuery(string(text), parser.Options{Filename: f})
			if err != nil {
				t.Fatal(err)
			}
			alg, err := algebra.Translate(q, algebra.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			sb.WriteString("# input\n" + algebra.String(alg.Op) + "\n")
			op := alg.Op
			for _, p := range optimizer.Passes() {
				next := p.Run(op, nil)
				if algebra.String(next) != algebra.String(op) {
					sb.WriteString("# after " + p.Name + "\n" + algebra.String(next) + "\n")
				}
				op = next
			}
			if got := algebra.String(optimizer.Optimize(alg.Op, nil)); got != algebra.String(op) {
				t.Errorf("Optimize differs from running the passes in order:\n%s", got)
			}
			if after := algebra.String(alg.Op); !strings.HasPrefix(sb.String(), "# input\n"+after+"\n") {
				t.Errorf("a pass changed its input tree:\n%s", after)
			}
			golden.Check(t, strings.TrimSuffix(f, ".rq")+".sse", []byte(sb.String()))
		})
	}
}
