package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelp checks the manual `docgraph --help` prints: one usage section,
// every command and every kind of store.
func TestHelp(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"--help"}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("--help: exit %d: %s", code, errs.String())
	}
	help := out.String()
	if n := strings.Count(help, "Usage:"); n != 1 {
		t.Errorf("--help prints %d \"Usage:\" sections, want 1:\n%s", n, help)
	}
	for _, store := range []string{"--store PATH", "memory:", "postgres://", "cockroach://"} {
		if !strings.Contains(help, store) {
			t.Errorf("--help does not mention %s:\n%s", store, help)
		}
	}
	for _, c := range commands(&app{}) {
		name := strings.Fields(c.Use)[0]
		if !strings.Contains(help, "docgraph "+name) {
			t.Errorf("--help does not list the command %s", name)
		}
	}
	// a command's own help still shows its usage and flags
	out.Reset()
	if code := run([]string{"export", "--help"}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("export --help: exit %d", code)
	}
	if s := out.String(); !strings.Contains(s, "Usage:") || !strings.Contains(s, "--format") {
		t.Errorf("export --help lacks its usage or flags:\n%s", s)
	}
}
