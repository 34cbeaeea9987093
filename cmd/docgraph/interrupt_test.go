package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// An ingest stopped by Ctrl-C (its context cancelled) prints no summary,
// says it was interrupted, and exits with the status the manual gives.
func TestInterruptedIngestExits130(t *testing.T) {
	examples := filepath.Join(rdftest.RepoRoot(t), "examples")
	if !strings.Contains(manual, "130  interrupted") {
		t.Errorf("the manual does not list exit status 130")
	}
	for _, mode := range [][]string{{"--incremental"}, nil} {
		t.Run(strings.Join(append([]string{"ingest"}, mode...), " "), func(t *testing.T) {
			var out, errOut strings.Builder
			a := &app{stdout: &out, stderr: &errOut, stdin: strings.NewReader("")}
			root := newRoot(a)
			args := append([]string{"--store", filepath.Join(t.TempDir(), "store"), "ingest"}, mode...)
			root.SetArgs(append(args, examples))
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err := root.ExecuteContext(ctx)
			if code := exitCode(err); code != exitInterrupted {
				t.Errorf("exit status %d (%v), want %d", code, err, exitInterrupted)
			}
			if err == nil || !strings.Contains(err.Error(), "interrupted") {
				t.Errorf("error %v does not say the ingest was interrupted", err)
			}
			if out.Len() > 0 {
				t.Errorf("an interrupted ingest printed a summary: %s", out.String())
			}
		})
	}
}
