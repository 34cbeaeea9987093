package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/docgraph/docgraph/internal/rdftest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docgraph": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script/*.txtar.
// $EXAMPLES is the bundled examples folder and $SHARED the ../shared folder
// beside the repository; scenarios that need it say `[!exec:shared] skip`.
func TestScripts(t *testing.T) {
	root := rdftest.RepoRoot(t)
	shared := filepath.Join(root, "..", "shared")
	haveShared := false
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err == nil {
		haveShared = true
	} else if os.Getenv("CI") == "true" {
		t.Fatalf("../shared/corpus is missing: %v", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLES", filepath.Join(root, "examples"))
			e.Setenv("SHARED", shared)
			e.Setenv("DOCGRAPH_STORE", "")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "shared" {
				return haveShared, nil
			}
			return false, nil
		},
	})
}
