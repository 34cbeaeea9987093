package vocab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeGazetteer: a user's entry adds names to the built-in one of the
// same name, its Wikidata id wins, a new entity is appended, and neither
// input changes.
func TestMergeGazetteer(t *testing.T) {
	base, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	before := len(base.Lookup("Joseph Stalin").Labels)
	if base.Lookup("Ilona Vámossy-Kertész") != nil {
		t.Fatal("the built-in gazetteer already knows the user's new entity")
	}
	user, err := ParseGazetteer(strings.NewReader("class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\n"+
		"Person\tJoseph Stalin\t\ten:Koba\t\t\t\n"+
		"Person\tIlona Vámossy-Kertész\t\ten:I. Vámossy-Kertész\t\t\tarchivist of a private collection\n"), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	m := base.Merge(user)
	st := m.Lookup("Joseph Stalin")
	if st.Wikidata != "Q855" || len(st.Labels) != before+1 || st.Labels[len(st.Labels)-1].Text != "Koba" {
		t.Errorf("merged Stalin: %s, %d labels (want Q855 and %d, last Koba)", st.Wikidata, len(st.Labels), before+1)
	}
	if len(base.Lookup("Joseph Stalin").Labels) != before {
		t.Error("Merge changed the built-in gazetteer")
	}
	if m.Lookup("Ilona Vámossy-Kertész") == nil || len(m.Entries) != len(base.Entries)+1 {
		t.Errorf("new entry not appended once: %d entries, built-in %d", len(m.Entries), len(base.Entries))
	}
}

// TestSharedTable: the hand-compiled table in ../shared/gazetteer reads in
// its own column layout, with its Wikidata ids and pseudonyms.
func TestSharedTable(t *testing.T) {
	// the package folder is vocab/, the shared folder is beside the repository
	p := filepath.Join("..", "..", "shared", "gazetteer", "cold-war-entities.tsv")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("the shared gazetteer is missing:", err)
		}
		t.Skip("no shared gazetteer beside the repository:", err)
	}
	g, err := ReadGazetteerFile(p)
	if err != nil {
		t.Fatal(err)
	}
	st := g.Lookup("Joseph Stalin")
	if st == nil || st.Wikidata != "Q855" {
		t.Fatalf("Joseph Stalin: %+v", st)
	}
	var filippov bool
	for _, l := range st.Pseudonyms {
		filippov = filippov || l.Text == "Filippov" && l.Lang == "en"
	}
	if !filippov {
		t.Errorf("Filippov not among Stalin's pseudonyms: %+v", st.Pseudonyms)
	}
	if len(g.Entries) < 200 {
		t.Errorf("%d entries read", len(g.Entries))
	}
}
