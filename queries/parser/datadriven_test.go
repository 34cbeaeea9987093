package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/golden"
	"github.com/docgraph/docgraph/queries/ast"
)

// TestCases runs testdata/syntax/cases.txt: each case is a command line
// ("parse" or "error"), the query, and a line "----". Outputs go to
// cases.golden: a parse case prints the query back (and must reparse to the
// same text), an error case prints the errors under their source lines.
func TestCases(t *testing.T) {
	data, err := os.ReadFile("../testdata/syntax/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		cmd := lines[i]
		if cmd == "" || strings.HasPrefix(cmd, "#") {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && lines[i] != "----"; i++ {
		}
		input := strings.Join(lines[start:i], "\n")
		out.WriteString(cmd + "\n" + input + "\n----\n")
		q, err := ParseQuery(input, Options{})
		switch cmd {
		case "parse":
			if err != nil {
				t.Errorf("line %d: %v", start, err)
				continue
			}
			printed := ast.Format(q)
			q2, err := ParseQuery(printed, Options{})
			if err != nil || ast.Format(q2) != printed {
				t.Errorf("line %d: printed form does not round-trip: %v\n%s", start, err, printed)
			}
			out.WriteString(printed)
		case "error":
			if err == nil {
				t.Errorf("line %d: no error", start)
				continue
			}
			out.WriteString(Annotate(input, err))
		default:
			t.Fatalf("line %d: unknown command %q", start, cmd)
		}
		out.WriteString("\n")
	}
	golden.Check(t, "../testdata/syntax/cases.golden", []byte(out.String()))
}
