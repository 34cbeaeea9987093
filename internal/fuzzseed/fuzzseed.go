// Package fuzzseed finds seed inputs for fuzz targets in the ../shared folder
// beside the repository (the document corpus and the W3C suites).
package fuzzseed

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Files walks dir inside the ../shared folder beside the repository
// and returns the files whose names end with one of exts, in walk order.
// Fuzz targets use it to seed their corpora from the document corpus and the
// W3C suites. When ../shared is missing it logs so and returns nothing: a
// fuzz target still runs on its own seeds.
func Files(tb testing.TB, dir string, exts ...string) []string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(wd, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(wd)
		if parent == wd {
			tb.Log("no go.mod above the test, so no seeds from ../shared")
			return nil
		}
		wd = parent
	}
	root := filepath.Join(filepath.Dir(wd), "shared", dir)
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(p, e) }) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		tb.Logf("no seeds from %s: %v", root, err)
	}
	return files
}
