package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docgraph/docgraph/internal/rdftest"
)

// TestKilledReingestKeepsOldOrNew kills `docgraph ingest` while it replaces
// documents already in the store with new versions of them: after each
// kill the store passes `docgraph check`, and every document graph is
// exactly the old version or exactly the new one, never a mixture.
func TestKilledReingestKeepsOldOrNew(t *testing.T) {
	skipProcessesUnderRace(t)
	if testing.Short() {
		t.Skip("kills many processes; skipped with -short")
	}
	bin := buildDocgraph(t)
	examples, err := filepath.Glob(filepath.Join(rdftest.RepoRoot(t), "examples", "*.txt"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	// Two versions of a corpus of several copies of the examples (same
	// record ids): the new one adds a paragraph that names another country
	// and makes a claim.
	oldDir, newDir := t.TempDir(), t.TempDir()
	for copyN := range 10 {
		for _, f := range examples {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(data), "Record ID\n\n", "Record ID\n\n8"+string(rune('0'+copyN)), 1)
			name := string(rune('a'+copyN)) + "-" + filepath.Base(f)
			os.WriteFile(filepath.Join(oldDir, name), []byte(text), 0o644)
			// The new version has one more paragraph in its text: after the
			// first paragraph of the English translation, or, in the page
			// layout, after the first paragraph below the title.
			at := strings.Index(text, "Translation - English\n\n")
			if at >= 0 {
				at += 25 + strings.Index(text[at+25:], "\n\n")
			} else if strings.HasPrefix(text, "Skip to content\n\n") {
				at = 0
				for range 4 {
					at += 2 + strings.Index(text[at+2:], "\n\n")
				}
			} else {
				t.Fatalf("%s: no text found to add to", f)
			}
			text2 := text[:at] + "\n\nWe agree that the proposal of the Mexicans is unacceptable." + text[at:]
			os.WriteFile(filepath.Join(newDir, name), []byte(text2), 0o644)
		}
	}
	dg := func(store string, args ...string) ([]byte, error) {
		cmd := exec.Command(bin, append([]string{"--store", store}, args...)...)
		cmd.Env = append(os.Environ(), "DOCGRAPH_STORE=")
		return cmd.Output()
	}
	exportOf := func(store string) map[string][]string {
		t.Helper()
		out, err := dg(store, "export", "--format", "nquads", "--sorted")
		if err != nil {
			t.Fatalf("export %s: %v", store, err)
		}
		return graphsOf(t, out)
	}
	oldStore := filepath.Join(t.TempDir(), "old.db")
	if out, err := dg(oldStore, "ingest", "-q", oldDir); err != nil {
		t.Fatalf("old ingest: %v\n%s", err, out)
	}
	newStore := filepath.Join(t.TempDir(), "new.db")
	if out, err := dg(newStore, "ingest", "-q", newDir); err != nil {
		t.Fatalf("new ingest: %v\n%s", err, out)
	}
	oldGraphs, newGraphs := exportOf(oldStore), exportOf(newStore)
	// Export lines are grouped by their last term: the graph name, or, for
	// statements of the default graph, the object. Document graphs are
	// counted; every group is compared.
	isDoc := func(g string) bool { return strings.Contains(g, "/doc/") }
	changed, docs := 0, 0
	for g := range newGraphs {
		if isDoc(g) {
			docs++
		}
		if isDoc(g) && strings.Join(oldGraphs[g], "\n") != strings.Join(newGraphs[g], "\n") {
			changed++
		}
	}
	if changed < docs/2 {
		t.Fatalf("only %d of %d document graphs differ between the versions; the test proves little", changed, docs)
	}
	oldData, err := os.ReadFile(filepath.Join(oldStore, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}

	oldCopy := func() string {
		store := filepath.Join(t.TempDir(), "killed.db")
		os.MkdirAll(store, 0o755)
		if err := os.WriteFile(filepath.Join(store, "indexes.bolt"), oldData, 0o644); err != nil {
			t.Fatal(err)
		}
		return store
	}
	// How long an uninterrupted re-ingest takes, to spread the kills over it.
	start := time.Now()
	if out, err := dg(oldCopy(), "ingest", "-q", "--batch", "10", newDir); err != nil {
		t.Fatalf("re-ingest: %v\n%s", err, out)
	}
	full := time.Since(start)

	const points = 10
	rng := rand.New(rand.NewPCG(3, 4))
	mixed := 0 // kill points that left some documents old and some new
	for i := range points {
		store := oldCopy()
		cmd := exec.Command(bin, "--store", store, "ingest", "-q", "--batch", "10", newDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(full/5 + time.Duration(rng.Int64N(int64(full))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if out, err := dg(store, "check"); err != nil {
			t.Fatalf("kill point %d: check failed: %v\n%s", i, err, out)
		}
		nOld, nNew := 0, 0
		for g, lines := range exportOf(store) {
			got := strings.Join(lines, "\n")
			switch {
			case got == strings.Join(newGraphs[g], "\n"):
				if isDoc(g) {
					nNew++
				}
			case got == strings.Join(oldGraphs[g], "\n"):
				if isDoc(g) {
					nOld++
				}
			default:
				t.Errorf("kill point %d: graph %s is neither the old version nor the new", i, g)
			}
		}
		if nOld > 0 && nNew > 0 {
			mixed++
		}
		t.Logf("kill point %d: check ok; of %d documents %d new, %d old (a whole re-ingest takes %s)", i, docs, nNew, nOld, full.Round(time.Millisecond))
	}
	if mixed == 0 {
		t.Errorf("no kill point interrupted the re-ingest midway; the test proves nothing")
	}
}
