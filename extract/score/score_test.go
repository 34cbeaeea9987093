package score

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// devDir returns ../shared/corpus/dev beside the repository root, or skips.
func devDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test; cannot find ../shared")
		}
		dir = parent
	}
	dev := filepath.Join(dir, "..", "shared", "corpus", "dev")
	if _, err := os.Stat(filepath.Join(dev, "gold")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: %v", dev, err)
		}
		t.Skipf("%s is missing: the scoring test needs the shared corpus next to the repository", dev)
	}
	return dev
}

// TestDevScores holds docgraph's extraction on the dev corpus to its
// targets, and to a margin over a general-purpose recogniser.
func TestDevScores(t *testing.T) {
	dir := devDir(t)
	rep, err := Run(dir, Options{Baseline: true, Verbose: true, MinTime: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteTable(&b)
	t.Logf("\n%s", b.String())
	if testing.Verbose() {
		b.Reset()
		rep.WriteMisses(&b)
		t.Logf("%s", b.String())
	}
	if rep.Docs < 10 {
		t.Fatalf("only %d gold documents in %s", rep.Docs, dir)
	}
	for _, e := range rep.Failed {
		t.Errorf("extraction failed: %v", e)
	}
	atLeast := func(what string, got, want float64) {
		t.Helper()
		if got < want {
			t.Errorf("%s = %.3f, want >= %.3f", what, got, want)
		}
	}
	for _, f := range []string{FieldDate, FieldKind, FieldLanguage} {
		atLeast(f+" accuracy", rep.Field(f).Accuracy(), 1)
	}
	atLeast("entities F1", rep.Field(FieldEntities).F1(), 0.95)
	for _, f := range []string{FieldAuthors, FieldRecipients, FieldVia} {
		atLeast(f+" F1", rep.Field(f).F1(), 0.97)
	}
	atLeast("archival references F1", rep.Field(FieldArchival).F1(), 0.95)
	atLeast("aliases recall", rep.Field(FieldAliases).Recall(), 1)
	atLeast("claims precision", rep.Field(FieldClaims).Precision(), 0.85)
	atLeast("claims recall", rep.Field(FieldClaims).Recall(), 0.70)
	atLeast("entities F1 over prose's + 0.25", rep.Field(FieldEntities).F1()-rep.Baseline.F1(), 0.25)
	// Both are timed in this run over the same documents, so the ratio
	// holds on a loaded machine too.
	atLeast("prose time / docgraph time per document", rep.BaselineNsPerDoc/rep.NsPerDoc, 20)
}

func TestNameMatching(t *testing.T) {
	rep := newNames(nil)
	for _, c := range []struct {
		gold, wd string
		got      candidate
		want     bool
	}{
		{"Mao Zedong", "", candidate{Name: "mao zedong"}, true},
		{"Chinese People's Volunteers", "", candidate{Name: "Chinese Peoples Volunteers"}, true},
		{"Vyacheslav Molotov", "", candidate{Name: "Vyacheslav Mólotov"}, true},
		{"Joseph Stalin", "Q855", candidate{Name: "Iosif Dzhugashvili", Wikidata: "Q855"}, true},
		{"Mexican proposal", "", candidate{Name: "Proposal of Mexico", Labels: []string{"Mexican proposal"}}, true},
		{"Mexican proposal", "", candidate{Name: "American proposal"}, false},
	} {
		if got := rep.match(c.gold, c.wd, c.got); got != c.want {
			t.Errorf("match(%q, %+v) = %v, want %v", c.gold, c.got, got, c.want)
		}
	}
}
