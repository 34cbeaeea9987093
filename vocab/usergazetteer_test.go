package vocab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUserGazetteerFormats(t *testing.T) {
	tsv := writeFile(t, "mine.tsv", "class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\n"+
		"Person\tValeri Musatov\t\ten:Musatov|ru:Мусатов\t\t\tparty official\n")
	wide := writeFile(t, "wide.tsv", "type\tname\twikidata\tlabels_en\tlabels_ru\tlabels_zh\taliases\tnote\n"+
		"Person\tStanislaw Kania\t\tKania|S. Kania\tКаня\t\t\tPolish party leader\n")
	ttl := writeFile(t, "mine.ttl", `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dg: <`+DG+`> .
<#budapest> a schema:Place ; skos:prefLabel "Budapest"@en, "Будапешт"@ru ; skos:altLabel "Buda-Pest"@en .
<#hswp> a schema:Organization ; skos:prefLabel "Hungarian Socialist Workers' Party"@en ;
    skos:altLabel "MSZMP"@en ; dg:pseudonym "the Party" ; owl:sameAs <http://www.wikidata.org/entity/Q1> .
`)
	var gs []*Gazetteer
	for _, f := range []string{tsv, wide, ttl} {
		g, err := ReadGazetteerFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		gs = append(gs, g)
	}
	base, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Merge(base, gs...)
	if len(m.Entries) != len(base.Entries)+4 {
		t.Errorf("%d entries, want the built-in %d and 4", len(m.Entries), len(base.Entries))
	}
	if e := m.Lookup("Stanislaw Kania"); e == nil || len(e.Labels) != 3 || e.Labels[2].Lang != "ru" {
		t.Errorf("Kania from the wide table: %+v", e)
	}
	if e := m.Lookup("Budapest"); e == nil || e.Class != ClassPlace || len(e.Labels) != 2 {
		t.Errorf("Budapest from Turtle: %+v", e)
	}
	if e := m.Lookup("Hungarian Socialist Workers' Party"); e == nil || e.Wikidata != "Q1" || len(e.Pseudonyms) != 1 {
		t.Errorf("HSWP from Turtle: %+v", e)
	}
	if base.Lookup("Budapest") != nil && base.Lookup("Budapest") == m.Lookup("Budapest") {
		t.Errorf("the built-in gazetteer was modified")
	}
}

// A user's entry replaces the built-in one of the same name.
func TestUserGazetteerOverrides(t *testing.T) {
	base, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	f := writeFile(t, "fix.tsv", "class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\n"+
		"Person\tJoseph Stalin\t\ten:Stalin\t\t\tno Wikidata link in this project\n")
	g, err := ReadGazetteerFile(f)
	if err != nil {
		t.Fatal(err)
	}
	m := Merge(base, g)
	if len(m.Entries) != len(base.Entries) || m.Lookup("Joseph Stalin").Wikidata != "" {
		t.Errorf("override: %d entries, Stalin %+v", len(m.Entries), m.Lookup("Joseph Stalin"))
	}
	if base.Lookup("Joseph Stalin").Wikidata == "" {
		t.Errorf("the built-in entry changed")
	}
}

func TestUserGazetteerErrors(t *testing.T) {
	for name, text := range map[string]string{
		"short.tsv":   "class\tname\twikidata\tlabels\tpseudonyms\tcollectives\tnote\nPerson\tX\n",
		"noclass.ttl": `<#x> <http://www.w3.org/2004/02/skos/core#prefLabel> "X"@en .`,
		"bad.ttl":     `<#x> a <http://schema.org/Person> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "X"@en ; <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/QX1> .`,
		"syntax.ttl":  `<#x> a .`,
	} {
		f := writeFile(t, name, text)
		_, err := ReadGazetteerFile(f)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}
