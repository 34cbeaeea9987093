package vocab

import (
	"strings"
	"testing"
	"unicode"
)

// foldName compares names as the matcher does, without case, spaces or
// punctuation ("L.I. Brezhnev" is "L. I. Brezhnev").
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// overlap reports whether two labels can apply to documents of the same
// date.
func overlap(a, b Label) bool {
	before := func(x, y string) bool { // period ending x lies before one starting y
		return x != "" && y != "" && cmpDatePrefix(x, y) < 0
	}
	return !before(a.Until, b.From) && !before(b.Until, a.From)
}

// TestBuiltinGazetteerCoverage: the built-in gazetteer (gazetteer.tsv and
// the tables of gazetteer.d) knows at least 1,000 entities of the Cold
// War's blocs, with the names the records use in several languages.
func TestBuiltinGazetteerCoverage(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Entries); n < 1000 {
		t.Errorf("%d entities in the built-in gazetteer, want at least 1,000", n)
	}
	classes := map[string]int{}
	for _, e := range g.Entries {
		classes[e.Class]++
	}
	for _, c := range []string{ClassPerson, ClassOrganization, ClassCountry, ClassPlace, ClassEvent} {
		if classes[c] < 40 {
			t.Errorf("%d entities of class %s, want at least 40", classes[c], c)
		}
	}
	// a few of each bloc, with their names as records write them
	for name, want := range map[string][]string{
		"Leonid Brezhnev":   {"L.I. Brezhnev", "Л.И. Брежнев"},
		"Erich Honecker":    {"Honecker", "Эрих Хонеккер"},
		"János Kádár":       {"Kádár János", "Janos Kadar", "Я. Кадар"},
		"Władysław Gomułka": {"Wladyslaw Gomulka", "Владислав Гомулка"},
		"Pham Van Dong":     {"Phạm Văn Đồng", "Фам Ван Донг"},
		"Politburo of the Socialist Unity Party of Germany": {"SED Politburo", "Politbüro des ZK der SED"},
		"Ministry for State Security":                       {"Stasi", "MfS"},
		"Warsaw Pact invasion of Czechoslovakia":            {"Operation Danube"},
		"Latin America":                                     {"Латинская Америка"},
	} {
		e := g.Lookup(name)
		if e == nil {
			t.Errorf("%s missing", name)
			continue
		}
		for _, w := range want {
			found := false
			for _, l := range e.Labels {
				found = found || l.Text == w
			}
			if !found {
				t.Errorf("%s: no label %q", name, w)
			}
		}
	}
}

// TestBuiltinGazetteerIdentity: no two entities share an IRI or claim one
// Wikidata item, no person is known by another person's canonical name, and
// no bare surname names two people in the same period (Kuznetsov, Kennedy,
// Nagy are written with given names or initials).
func TestBuiltinGazetteerIdentity(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	byQID := map[string]string{}
	canon := map[string]string{}
	iris := map[string]string{}
	m := NewMinter("")
	for _, e := range g.Entries {
		iri := string(m.Entity(e.Class, e.Name))
		if o, dup := iris[iri]; dup {
			t.Errorf("%q and %q share the IRI %s", o, e.Name, iri)
		}
		iris[iri] = e.Name
		if e.Wikidata != "" {
			if o, dup := byQID[e.Wikidata]; dup {
				t.Errorf("%s names both %q and %q", e.Wikidata, o, e.Name)
			}
			byQID[e.Wikidata] = e.Name
		}
		if e.Class == ClassPerson {
			canon[foldName(e.Name)] = e.Name
		}
	}
	type owner struct {
		name  string
		label Label
	}
	single := map[string][]owner{}
	for _, e := range g.Entries {
		if e.Class != ClassPerson {
			continue
		}
		for _, ls := range [][]Label{e.Labels, e.Pseudonyms} {
			for _, l := range ls {
				if o, ok := canon[foldName(l.Text)]; ok && o != e.Name {
					t.Errorf("%s has the label %q, the name of %s", e.Name, l.Text, o)
				}
				if !strings.ContainsAny(l.Text, " .") {
					k := foldName(l.Text)
					for _, x := range single[k] {
						if x.name != e.Name && overlap(x.label, l) {
							t.Errorf("%q names both %s and %s", l.Text, x.name, e.Name)
						}
					}
					single[k] = append(single[k], owner{e.Name, l})
				}
			}
		}
	}
}
