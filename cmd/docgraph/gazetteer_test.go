package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A user's gazetteer links names the built-in one lacks.
func TestExplainWithUserGazetteer(t *testing.T) {
	dir := t.TempDir()
	gz := filepath.Join(dir, "mine.tsv")
	rec := filepath.Join(dir, "note.txt")
	os.WriteFile(gz, []byte("class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPerson\tValeri Musatov\t\ten:Musatov\t\t\t\n"), 0o644)
	os.WriteFile(rec, []byte("Memorandum\n\nMusatov arrived on Tuesday.\n"), 0o644)
	for _, c := range []struct {
		files []string
		want  string
	}{
		{nil, "[Musatov]{Person}"},
		{[]string{gz}, "[Musatov]{Person: Valeri Musatov}"},
	} {
		var out, errb bytes.Buffer
		a := &app{stdout: &out, stderr: &errb, gazetteers: c.files}
		cmd := newExplainCmd(a)
		cmd.SetArgs([]string{rec})
		cmd.SetOut(&out)
		cmd.SetErr(&errb)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("explain: %v\n%s", err, errb.String())
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("gazetteers %v: output lacks %q:\n%s", c.files, c.want, out.String())
		}
	}
}
