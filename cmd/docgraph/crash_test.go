package main

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/racetest"
	"github.com/docgraph/docgraph/internal/rdftest"
)

// buildDocgraph builds the command once for tests that run it as a process.
func buildDocgraph(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "docgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// skipProcessesUnderRace skips, under the race detector, a test whose
// work happens in docgraph processes built by buildDocgraph: they are
// built without -race, so the detector of the test process does not watch
// them, and the test would only repeat the plain run's result at several
// times its cost.
func skipProcessesUnderRace(t *testing.T) {
	t.Helper()
	if racetest.Enabled {
		t.Skip("its docgraph processes are not watched by the race detector; this test runs in the plain go test ./...")
	}
}

// graphsOf reads an N-Quads export and returns each graph's statements, sorted.
func graphsOf(t *testing.T, nq []byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(nq))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		// The graph name is the last IRI before " .".
		body := strings.TrimSuffix(line, " .")
		g := body[strings.LastIndexByte(body, ' ')+1:]
		out[g] = append(out[g], line)
	}
	return out
}

// TestKilledIngestLeavesWholeDocuments kills `docgraph ingest` with SIGKILL
// at many moments and checks that the store still opens, passes `docgraph
// check`, and holds every document either exactly as a clean ingest writes
// it or not at all.
func TestKilledIngestLeavesWholeDocuments(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("kills many processes; skipped with -short")
	}
	bin := buildDocgraph(t)
	root := rdftest.RepoRoot(t)
	corpus := t.TempDir()
	// Several copies of the examples under other record ids make the run long
	// enough to be interrupted at many points.
	examples, err := filepath.Glob(filepath.Join(root, "examples", "*.txt"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for copyN := range 6 {
		for _, f := range examples {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(data), "Record ID\n\n", "Record ID\n\n"+string(rune('1'+copyN)), 1)
			name := filepath.Join(corpus, string(rune('a'+copyN))+"-"+filepath.Base(f))
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	runDG := func(store string, args ...string) ([]byte, error) {
		cmd := exec.Command(bin, append([]string{"--store", store}, args...)...)
		cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=")
		return cmd.Output()
	}
	clean := filepath.Join(t.TempDir(), "clean.db")
	if out, err := runDG(clean, "ingest", "-q", corpus); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want, err := runDG(clean, "export", "--format", "nquads", "--sorted")
	if err != nil {
		t.Fatal(err)
	}
	wantGraphs := graphsOf(t, want)

	points := 24
	rng := rand.New(rand.NewPCG(1, 2))
	var partial int
	for i := range points {
		store := filepath.Join(t.TempDir(), "killed.db")
		cmd := exec.Command(bin, "--store", store, "ingest", "-q", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		if out, err := runDG(store, "check"); err != nil {
			t.Fatalf("kill point %d: check failed: %v\n%s", i, err, out)
		}
		got, err := runDG(store, "export", "--format", "nquads", "--sorted")
		if err != nil {
			t.Fatalf("kill point %d: export: %v", i, err)
		}
		gotGraphs := graphsOf(t, got)
		if len(gotGraphs) < len(wantGraphs) {
			partial++
		}
		for g, lines := range gotGraphs {
			w, ok := wantGraphs[g]
			if !ok {
				t.Errorf("kill point %d: graph %s is not in a clean ingest", i, g)
				continue
			}
			if strings.Join(lines, "\n") != strings.Join(w, "\n") {
				t.Errorf("kill point %d: graph %s holds %d statements, a clean ingest %d", i, g, len(lines), len(w))
			}
		}
	}
	t.Logf("%d kill points, %d interrupted before the end, every document whole or absent", points, partial)
	if partial == 0 {
		t.Errorf("no kill point interrupted the ingest; the test proves nothing")
	}
}
