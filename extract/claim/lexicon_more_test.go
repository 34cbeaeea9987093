package claim

import "testing"

// A letter in French, Italian or Bulgarian asks its addressee in the first
// person ("Nous vous demandons de ...", "Vi chiediamo di ...", "Молим Ви
// да ..."); a conversation the writer calls the addressee's ("Votre
// entretien avec M. Szabó") is no meeting of the writer's.
func TestRequestsInFrenchItalianBulgarian(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"fr", "Cher camarade Szabó,\n\nLa situation est grave. Nous vous demandons de livrer les camions avant la fin du mois.\n\nPéter Kovács"},
		{"it", "Caro compagno Szabó,\n\nLa situazione è grave. Vi chiediamo di consegnare i camion entro la fine del mese.\n\nPéter Kovács"},
		{"bg", "Уважаеми другарю Сабо,\n\nПоложението е тежко. Молим Ви да доставите камионите до края на месеца.\n\nПетер Ковач"},
	} {
		d := Doc{Kind: "letter", Date: "1975-05-16", Authors: []string{kovacs.Name}, Recipients: []string{szabo.Name},
			Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"Szabó": szabo, "Сабо": szabo, "Péter Kovács": kovacs, "Петер Ковач": kovacs})
		res := Extract(d)
		if has(res, kovacs.Name, "requests", szabo.Name) == nil {
			t.Errorf("%s: the writer's request of the addressee is missing:%s", c.lang, dump(res))
		}
	}
	d := Doc{Kind: "memorandum", Date: "1989-12-04", Authors: []string{kovacs.Name}, Recipients: []string{petrov.Name},
		Versions: []Version{{Role: "original", Lang: "fr", Text: "Objet : Votre entretien avec M. Szabó à Kiev, le 6 décembre\n\nLe processus doit rester européen."}}}
	place(&d, 0, map[string]Ref{"Szabó": szabo})
	if c := has(Extract(d), kovacs.Name, "meets", szabo.Name); c != nil {
		t.Errorf("the addressee's conversation read as the writer's: %+v", c)
	}
}
