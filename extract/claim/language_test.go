package claim

import "testing"

// A speech whose page states the original's language ("Language: Polish")
// while the text given is the English translation: the first-person
// stances are read as English and are the speaker's.
func TestEnglishTextUnderAStatedLanguage(t *testing.T) {
	council := Ref{"Organization", "Workers' Council of the North"}
	text := "Comrades, I take the floor after a long absence, and I shall speak plainly about the events of the summer.\n\n" +
		"The workers of the north did not strike because of foreign agents. I support the Workers' Council of the North, which the workers have set up themselves. " +
		"I propose that the plenum elect a new bureau of seven members."
	d := Doc{Kind: "speech", Date: "1956-10-20", Authors: []string{oduya.Name},
		Versions: []Version{{Role: "original", Lang: "pl", Text: text}}}
	place(&d, 0, map[string]Ref{"Workers' Council of the North": council})
	res := Extract(d)
	if has(res, oduya.Name, "supports", council.Name) == nil {
		t.Errorf("the English support under a stated Polish language is missing:%s", dump(res))
	}
	// a Polish text keeps its language
	if readsEnglish("Towarzysze, zabieram głos po siedmiu latach nieobecności i będę mówił otwarcie o wydarzeniach w Poznaniu, o planie i o partii.") {
		t.Error("Polish prose read as English")
	}
	if readsEnglish("Nous proposons que les États européens se réunissent, sans les Américains, en une conférence sur la sécurité européenne et de la coopération.") {
		t.Error("French prose read as English")
	}
}
