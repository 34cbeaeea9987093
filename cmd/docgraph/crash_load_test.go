package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestKilledLoadLeavesTheStoreOrTheWhole kills `docgraph bench load` into
// a store that holds data, with SIGKILL at many moments, for a file small
// beside the store (written in one transaction) and one as large as the
// store (written as a new file renamed over the store's): the store must
// then open and hold exactly what it held before or everything the load
// adds, nothing in between. (`docgraph check` does not apply: a loaded
// file is not indexed for full-text search.)
func TestKilledLoadLeavesTheStoreOrTheWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many processes; skipped with -short")
	}
	bin := buildDocgraph(t)
	tmp := t.TempDir()
	runDG := func(store string, args ...string) []byte {
		t.Helper()
		if store != "" {
			args = append([]string{"--store", store}, args...)
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("docgraph %v: %v\n%s", args, err, out)
		}
		return out
	}
	// The store: 120 generated documents. The files: another 120, their
	// documents renumbered so that every graph is new.
	base := filepath.Join(tmp, "base.db")
	runDG("", "bench", "gen", "--docs", "120", "--seed", "1", "--out", filepath.Join(tmp, "g1"))
	runDG("", "bench", "gen", "--docs", "120", "--seed", "2", "--out", filepath.Join(tmp, "g2"))
	runDG(base, "ingest", "-q", filepath.Join(tmp, "g1"))
	other := filepath.Join(tmp, "other.db")
	runDG(other, "ingest", "-q", filepath.Join(tmp, "g2"))
	docLine := regexp.MustCompile(`/doc/[0-9]+> \.$`)
	var lines [][]byte
	for _, l := range bytes.Split(runDG(other, "export", "--format", "nquads"), []byte("\n")) {
		if docLine.Match(l) {
			lines = append(lines, regexp.MustCompile(`/doc/3([0-9]{5})`).ReplaceAll(l, []byte("/doc/9$1")))
		}
	}
	small, large := filepath.Join(tmp, "small.nq"), filepath.Join(tmp, "large.nq")
	if err := os.WriteFile(small, append(bytes.Join(lines[:len(lines)/40], []byte("\n")), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, append(bytes.Join(lines, []byte("\n")), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	before := runDG(base, "export", "--format", "nquads", "--sorted")
	copyStore := func(name string) string {
		t.Helper()
		dir := filepath.Join(tmp, name)
		os.RemoveAll(dir)
		if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, file := range []string{small, large} {
		clean := copyStore("clean.db")
		start := time.Now()
		runDG(clean, "bench", "load", file)
		took := time.Since(start)
		after := runDG(clean, "export", "--format", "nquads", "--sorted")
		if bytes.Equal(after, before) {
			t.Fatalf("%s: loading changed nothing", file)
		}
		var cut, whole int
		for i := range 12 {
			store := copyStore("killed.db")
			cmd := exec.Command(bin, "--store", store, "bench", "load", file)
			cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(rng.Int64N(int64(took))))
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			switch got := runDG(store, "export", "--format", "nquads", "--sorted"); {
			case bytes.Equal(got, before):
				cut++
			case bytes.Equal(got, after):
				whole++
			default:
				t.Fatalf("%s, kill point %d: the store holds %d lines, %d before the load and %d after it",
					filepath.Base(file), i, bytes.Count(got, []byte("\n")), bytes.Count(before, []byte("\n")), bytes.Count(after, []byte("\n")))
			}
		}
		t.Logf("%s (%s): %d kill points left the store as it was, %d found the load done", filepath.Base(file), took.Round(time.Millisecond), cut, whole)
		if cut == 0 {
			t.Errorf("%s: no kill point interrupted the load; the test proves nothing", filepath.Base(file))
		}
	}
}
