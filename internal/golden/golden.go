// Package golden compares test output with golden files kept under testdata.
//
// Run a package's tests with -update to rewrite the golden files from the
// current output:
//
//	go test ./export -update
//
// A mismatch fails the test with a line diff ("-" lines are the golden
// file's, "+" lines are the output's).
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path. With -update it writes got
// to path instead (creating its folder) and passes.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from the golden file (run with -update to accept):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff returns a line diff of a and b: lines only in a start with "-", lines
// only in b with "+", shared lines with a space. Runs of more than three
// unchanged lines are elided. It returns "" when a == b.
func Diff(a, b string) string {
	if a == b {
		return ""
	}
	x, y := splitLines(a), splitLines(b)
	// Longest common subsequence table, from the end.
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var lines []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			lines = append(lines, line{' ', x[i]})
			i++
			j++
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, line{'-', x[i]})
			i++
		default:
			lines = append(lines, line{'+', y[j]})
			j++
		}
	}
	var sb strings.Builder
	for k := 0; k < len(lines); k++ {
		if lines[k].op == ' ' {
			// Count the unchanged run and keep three lines of context on each side.
			end := k
			for end < len(lines) && lines[end].op == ' ' {
				end++
			}
			if end-k > 6 {
				for _, l := range lines[k : k+3] {
					fmt.Fprintf(&sb, "  %s\n", l.text)
				}
				fmt.Fprintf(&sb, "  … %d unchanged lines …\n", end-k-6)
				for _, l := range lines[end-3 : end] {
					fmt.Fprintf(&sb, "  %s\n", l.text)
				}
				k = end - 1
				continue
			}
		}
		fmt.Fprintf(&sb, "%c %s\n", lines[k].op, lines[k].text)
	}
	return sb.String()
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
