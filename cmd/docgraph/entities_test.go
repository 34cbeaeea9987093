package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEntitiesListsLinksAndUnlinked(t *testing.T) {
	dir := t.TempDir()
	rec := filepath.Join(dir, "note.txt")
	os.WriteFile(rec, []byte("Memorandum\n\nComrade Stalin received Erich Honecker in Moscow.\n"), 0o644)
	store := filepath.Join(dir, "store")
	run := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		a := &app{stdout: &out, stderr: &errb, storeSpec: store}
		root := newRoot(a)
		root.SetArgs(append([]string{"--store", store}, args...))
		root.SetOut(&out)
		root.SetErr(&errb)
		err := root.Execute()
		return out.String(), err
	}
	if _, err := run("ingest", "-q", rec); err != nil {
		t.Fatal(err)
	}
	out, err := run("entities")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Joseph Stalin", "label", "Q855", "Erich Honecker", "unlinked"} {
		if !strings.Contains(out, want) {
			t.Errorf("entities lacks %q:\n%s", want, out)
		}
	}
	out, err = run("entities", "--unlinked", "--class", "person")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Erich Honecker") || strings.Contains(out, "Stalin") || strings.Contains(out, "Moscow") {
		t.Errorf("--unlinked --class person:\n%s", out)
	}
	if _, err := run("entities", "--class", "Planet"); err == nil {
		t.Errorf("an unknown class is accepted")
	}
}
