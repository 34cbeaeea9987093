package entity

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/vocab"
)

// TestRecordsOfOtherBlocs reads short records of the project's own writing
// in the languages of other blocs' archives with the built-in gazetteer:
// Chinese and Soviet leaders as Hungarian, Polish, French and Finnish
// transliterate them, countries and places in Finnish case forms, Czech and
// Italian names of places the gazetteer once lacked.
func TestRecordsOfOtherBlocs(t *testing.T) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := New(g)
	for _, c := range []struct{ orig, text, want string }{
		{"hu", "Csou En-laj miniszterelnök fogadta a nagykövetet; Teng Hsziao-ping nem volt jelen.",
			"Zhou Enlai Deng Xiaoping"},
		{"pl", "Ambasador przekazał stanowisko premiera Czou En-laja w sprawie Czang Kaj-szeka.",
			"Zhou Enlai Chiang Kai-shek"},
		{"fr", "À Moscou, M. Chevardnadze l'a dit publiquement, et M. Gorbatchev l'a confirmé.",
			"Moscow Eduard Shevardnadze Mikhail Gorbachev"},
		{"fi", "Presidentti keskusteli Neuvostoliiton suurlähettilään kanssa Moskovassa ja Helsingissä.",
			"Soviet Union Moscow Helsinki"},
		{"cs", "Irácká vojska obsadila Chorramšahr a ostřelují rafinerii v Abádánu na Šatt al-Arabu.",
			"Iraqi Armed Forces Khorramshahr Abadan Shatt al-Arab"},
		{"it", "La delegazione è partita da Pechino per Algeri e poi per Strasburgo.",
			"Beijing Algiers Strasbourg"},
	} {
		var got []string
		for _, mm := range m.Find(c.text, Context{Date: "1980-10-07", Orig: c.orig}) {
			got = append(got, mm.Name)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.orig, c.text, strings.Join(got, " "), c.want)
		}
	}
}

// TestPlaceInsideABodysName: a place the words of an organisation's name
// qualify is part of the name ("Radio Free Europe"), one the name is "of"
// is named too.
func TestPlaceInsideABodysName(t *testing.T) {
	g, err := vocab.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := New(g)
	for text, want := range map[string]string{
		"The appeal was broadcast by Radio Free Europe on Monday.": "Radio Free Europe",
		"Text byl vysílán stanicí Svobodná Evropa.":                "Radio Free Europe",
		"The Ministry of Foreign Affairs of Hungary sent a note.":  "Ministry of Foreign Affairs of Hungary Hungary",
	} {
		var got []string
		for _, mm := range m.Find(text, Context{Date: "1977-01-07"}) {
			got = append(got, mm.Name)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: got %q, want %q", text, strings.Join(got, " "), want)
		}
	}
}
