package claim

import (
	"strings"
	"testing"
)

var (
	okafor  = Ref{"Person", "Daniel Okafor"}
	lindqvt = Ref{"Person", "Erik Lindqvist"}
	norland = Ref{"Country", "Norland"}
	vestria = Ref{"Country", "Vestria"}
	ostrava = Ref{"Place", "Ostrava"}
	plan7   = Ref{"Organization", "Harbour Council"}
)

// A record of talks of 1957: what a party could or would do, a party
// someone lets act, a place naming a treaty and a person whose words a
// sentence reports hold no stance of their own.
func TestHypotheticalAndGovernedPartiesHoldNoStance(t *testing.T) {
	text := "Lindqvist: We propose a customs union of the two countries. Norland could agree to it on tariffs. " +
		"I believe Okafor would accept it. Later let Vestria join it. We opposed the Ostrava treaty.\n\n" +
		"Okafor: We cannot accept the customs union. We would support a trade agreement."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Lindqvist": lindqvt, "Okafor": okafor,
		"Norland": norland, "Vestria": vestria, "Ostrava": ostrava})
	d.Participants = []string{lindqvt.Name, okafor.Name}
	res := Extract(d)
	for _, c := range res.Claims {
		switch {
		case c.Relation == "supports" && (c.Subject == norland || c.Subject == vestria || c.Subject == okafor):
			t.Errorf("a possible or permitted act read as support: %+v", c)
		case c.Object == ostrava || c.Subject == ostrava:
			t.Errorf("a place holds or undergoes a stance: %+v", c)
		}
	}
	opp := false
	for _, c := range res.Claims {
		opp = opp || c.Subject == okafor && c.Relation == "opposes" && c.Object.Class == "Proposal"
	}
	if !opp {
		t.Errorf("'We cannot accept the customs union' is no opposition:%s", dump(res))
	}
}

// "Советский Союз, по словам Садата, согласился": the one whose words are
// reported is no subject of the verb.
func TestInSomeonesWordsIsNoSubject(t *testing.T) {
	text := "Норланд, по словам Окафора, согласился с Вестрией на разрядку."
	d := doc("report", []string{lindqvt.Name}, nil, text, map[string]Ref{"Окафора": okafor, "Норланд": norland, "Вестрией": vestria})
	d.Versions[0] = Version{Role: "original", Lang: "ru", Text: text}
	res := Extract(d)
	if c := has(res, okafor.Name, "agrees_with", vestria.Name); c != nil {
		t.Errorf("the reporter read as the subject: %+v", c)
	}
}

// A memorandum of conversation whose participants stand on lines of
// their own: the meeting's evidence is the list naming both.
func TestMeetingShownByParticipantsList(t *testing.T) {
	text := "SUBJECT\n\n  • Harbour dues\n\nPARTICIPANTS\n\n  • Mr. Daniel Okafor, Minister of Trade\n  • Mr. Erik Lindqvist, Ambassador\n\n" +
		"The Minister opened by saying that the dues were too high. The Ambassador said that his government would study the matter."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Daniel Okafor": okafor, "Erik Lindqvist": lindqvt})
	d.Participants = []string{lindqvt.Name, okafor.Name}
	res := Extract(d)
	c := has(res, lindqvt.Name, "meets", okafor.Name)
	if c == nil {
		c = has(res, okafor.Name, "meets", lindqvt.Name)
	}
	if c == nil {
		t.Fatalf("no meeting:%s", dump(res))
	}
	if !strings.Contains(c.Evidence, "Okafor") || !strings.Contains(c.Evidence, "Lindqvist") {
		t.Errorf("the meeting's evidence does not show both: %q", c.Evidence)
	}
}

// docIn builds a one-version original in lang.
func docIn(lang, kind string, authors, recipients []string, text string, names map[string]Ref) Doc {
	d := doc(kind, authors, recipients, text, names)
	d.Versions[0] = Version{Role: "original", Lang: lang, Text: text}
	return d
}

// Charges, condemnations, violations and hostile acts in the originals'
// languages accuse the party named; the other side's words in quotation
// marks, and the struggle against aggression, accuse no one.
func TestChargesInOtherLanguages(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		names      map[string]Ref
		want       []Ref // accused by the author
		not        []Ref
	}{
		{"cs", "Text „Výzvy“ vysílala stanice Rádio Vestria. Obviňujeme proto Rádio Vestria z organizování této akce.",
			map[string]Ref{"Rádio Vestria": plan7}, []Ref{plan7}, nil},
		{"ru", "Мы решительно осуждаем провокации Вестрии на границе. Норландская сторона грубо нарушает соглашение.",
			map[string]Ref{"Вестрии": vestria, "Норландская": norland}, []Ref{vestria, norland}, nil},
		{"ru", "Вестрия начала шумную кампанию о «норландской агрессии». Мы ведём борьбу против агрессии Норландии.",
			map[string]Ref{"Вестрия": vestria, "норландской": norland, "Норландии": norland}, nil, []Ref{norland}},
		{"bg", "Ние осъждаме агресията на Вестрия.", map[string]Ref{"Вестрия": vestria}, []Ref{vestria}, nil},
		{"fr", "Nous condamnons l'ingérence de la Vestrie dans nos affaires.", map[string]Ref{"Vestrie": vestria}, []Ref{vestria}, nil},
		{"de", "Wir verurteilen die Aggression Vestrias auf das Schärfste.", map[string]Ref{"Vestrias": vestria}, []Ref{vestria}, nil},
	} {
		d := docIn(c.lang, "letter", []string{lindqvt.Name}, []string{okafor.Name}, c.text, c.names)
		res := Extract(d)
		for _, w := range c.want {
			if has(res, lindqvt.Name, "accuses", w.Name) == nil {
				t.Errorf("%s: no charge against %s:%s", c.lang, w.Name, dump(res))
			}
		}
		for _, n := range c.not {
			if has(res, lindqvt.Name, "accuses", n.Name) != nil {
				t.Errorf("%s: quoted or fought-against aggression read as a charge against %s", c.lang, n.Name)
			}
		}
	}
}

// "Votre entretien avec M. Okafor": the addressee's talk is not the
// writer's meeting.
func TestYourConversationIsNotTheWritersMeeting(t *testing.T) {
	text := "Objet : Votre entretien avec M. Okafor à Ostrava, le 6 décembre\n\nLe président Okafor cherchera à obtenir votre appui."
	d := docIn("fr", "memorandum", []string{lindqvt.Name}, []string{"Jean Dupont"}, text, map[string]Ref{"Okafor": okafor, "Ostrava": ostrava})
	res := Extract(d)
	if c := has(res, lindqvt.Name, "meets", okafor.Name); c != nil {
		t.Errorf("the addressee's coming talk read as the writer's meeting: %+v", c)
	}
}

// "supported the proposal of the joint letter": the proposal its words
// name, made two turns before, not the one last spoken of.
func TestProposalNamedByItsContent(t *testing.T) {
	meeks := Ref{"Person", "Tom Meeks"}
	text := "Lindqvist: We propose that this meeting send a joint letter to the Harbour Council stating our view.\n\n" +
		"Okafor: We propose that the letter leave the door open for bilateral talks.\n\n" +
		"Meeks supported the proposal of the joint letter and asked that the text be prepared overnight."
	d := doc("minutes", nil, nil, text, map[string]Ref{"Lindqvist": lindqvt, "Okafor": okafor, "Harbour Council": plan7, "Meeks": meeks})
	res := Extract(d)
	var got []string
	for _, c := range res.Claims {
		if c.Subject == meeks && c.Relation == "supports" {
			got = append(got, c.Object.Name)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "joint letter") {
		t.Errorf("Meeks supports %q, want the joint letter:%s", got, dump(res))
	}
}

// stanceIn reads one sentence Lindqvist says in a record of his talk
// with Okafor, and returns its claims other than the meeting.
func stanceIn(t *testing.T, s string) []string {
	t.Helper()
	names := map[string]Ref{"Lindqvist": lindqvt, "Okafor": okafor, "Harbour Council": plan7, "Mexico": {"Country", "Mexico"},
		"Brazil": {"Country", "Brazil"}, "Brazilian": {"Country", "Brazil"}, "Baghdad Pact": {"Organization", "Baghdad Pact"},
		"American": usa, "Geneva": {"Place", "Geneva"}}
	text := "Lindqvist: We met today.\n\nOkafor: Good.\n\nLindqvist: " + s
	d := doc("conversation", nil, nil, text, names)
	d.Participants = []string{lindqvt.Name, okafor.Name}
	var out []string
	for _, c := range Extract(d).Claims {
		if c.Relation != "meets" {
			out = append(out, c.Subject.Name+" "+c.Relation+" "+c.Object.Name)
		}
	}
	return out
}

// The English forms of support, opposition, charge and agreement without
// the usual verbs, and the sentences like them that hold none.
func TestEnglishStanceForms(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"Mexico stands firmly behind Brazil.", "Mexico supports Brazil"},
		{"We express our solidarity with Brazil.", "Erik Lindqvist supports Brazil"},
		{"We fully share the view of Comrade Okafor on this question.", "Erik Lindqvist agrees_with Daniel Okafor"},
		{"We share Comrade Okafor's assessment.", "Erik Lindqvist agrees_with Daniel Okafor"},
		{"Brazil is to blame for the crisis.", "Erik Lindqvist accuses Brazil"},
		{"The responsibility for the incident lies with Brazil.", "Erik Lindqvist accuses Brazil"},
		{"Brazil bears the main responsibility for this step.", "Erik Lindqvist accuses Brazil"},
		{"Brazil is interfering in the internal affairs of Mexico.", "Erik Lindqvist accuses Brazil"},
		{"Brazil provoked the incident.", "Erik Lindqvist accuses Brazil"},
		{"Brazil has broken the agreement.", "Erik Lindqvist accuses Brazil"},
		{"Brazil occupies our territory by force.", "Erik Lindqvist accuses Brazil"},
		{"Brazil threatens Mexico.", "Erik Lindqvist accuses Brazil"},
		{"Brazil is arming the rebels.", "Erik Lindqvist accuses Brazil"},
		{"Mexico condemns Brazil.", "Mexico accuses Brazil"},
		{"Mexico approved the Brazilian proposal.", "Mexico supports Brazilian proposal"},
		{"Mexico turned down the Brazilian proposal.", "Mexico opposes Brazilian proposal"},
		{"Mexico dismissed the Brazilian proposal.", "Mexico opposes Brazilian proposal"},
		{"Mexico is in agreement with Brazil.", "Mexico agrees_with Brazil"},
		{"Mexico sided with Brazil.", "Mexico supports Brazil"},
		{"Mexico holds Brazil responsible for the crisis.", "Mexico accuses Brazil"},
		{"Brazil invaded Mexico.", "Erik Lindqvist accuses Brazil"},
		{"Brazil attacked Mexico at dawn.", "Erik Lindqvist accuses Brazil"},
		{"Mexico fully supports the American position in the talks in Geneva.", "Mexico supports United States"},
		{"Brazil, he said, is trying to split the alliance.", "Erik Lindqvist accuses Brazil"},
		{"Brazil wants to bury the agreement.", "Erik Lindqvist accuses Brazil"},
		{"It was Brazil which massed a million troops on the border.", "Erik Lindqvist accuses Brazil"},
		{"Brazil wants a meeting in order to condemn our party.", "Erik Lindqvist accuses Brazil"},
		{"Brazil, acting on the orders of Mexico, continues daily raids into our provinces.", "Erik Lindqvist accuses Brazil"},
		{"Mexico rejects the Brazilian proposal.", "Mexico opposes Brazilian proposal"},
		{"We agree with the Brazilian proposal.", "Erik Lindqvist supports Brazilian proposal"},
		{"We cannot accept the Brazilian proposal.", "Erik Lindqvist opposes Brazilian proposal"},
		{"We will not join the Baghdad Pact.", "Erik Lindqvist opposes Baghdad Pact"},
	} {
		got := stanceIn(t, c.s)
		found := false
		for _, g := range got {
			found = found || g == c.want
		}
		if !found {
			t.Errorf("%q: want %q, got %q", c.s, c.want, got)
		}
		for _, g := range got {
			if strings.HasSuffix(g, "opposes Brazil") || strings.HasSuffix(g, "supports Brazil") && !strings.Contains(c.s, "behind") && !strings.Contains(c.s, "solidarity") && !strings.Contains(c.s, "sided") {
				t.Errorf("%q: the state read for its proposal: %q", c.s, g)
			}
		}
	}
	for _, s := range []string{
		"Brazil has promised not to interfere in the internal affairs of Mexico.",
		"We will never interfere in your affairs.",
		"The armed forces of Brazil are strong.",
		"If Brazil occupies the islands, we will act.",
		"Mexico fears that Brazil could break the agreement.",
		"Brazil threatened to leave the talks.",
		"We do not think that Brazil is to blame.",
		"Brazil denies that it violated the agreement.",
		"The Brazilian side rejected our charge that Brazil provoked the incident.",
		"Brazil would stand behind Mexico.",
		"That you approve my travel to Brazil.",
		"We want to bury our differences with Brazil.",
		"The army of Brazil is concentrated in the north.",
		"Brazil asked us not to condemn our allies.",
	} {
		for _, g := range stanceIn(t, s) {
			if strings.Contains(g, " accuses ") || strings.Contains(g, " supports ") {
				t.Errorf("%q: no stance, got %q", s, g)
			}
		}
	}
	// a charge another makes is theirs, not the speaker's
	for _, g := range stanceIn(t, "Brazil accused Mexico of occupying its territory.") {
		if strings.HasPrefix(g, "Erik Lindqvist accuses") {
			t.Errorf("the reported charge read as the speaker's: %q", g)
		}
	}
}

// Support of a person in the originals' languages: the one the verb
// governs, after a title.
func TestSupportOfAPersonInOtherLanguages(t *testing.T) {
	for _, c := range []struct{ lang, text, label string }{
		{"pl", "Wspieramy w pełni towarzysza Okafora i jego kierownictwo.", "Okafora"},
		{"de", "Wir unterstützen voll Genossen Okafor.", "Okafor"},
	} {
		d := docIn(c.lang, "letter", []string{lindqvt.Name}, []string{"Tom Meeks"}, c.text, map[string]Ref{c.label: okafor})
		res := Extract(d)
		if has(res, lindqvt.Name, "supports", okafor.Name) == nil {
			t.Errorf("%s: no support of the person:%s", c.lang, dump(res))
		}
	}
}

// "Brazil refused to sign the treaty" is Brazil's opposition whoever
// reports it; a responsibility that is a duty charges no one.
func TestRefusalAndDuty(t *testing.T) {
	got := stanceIn(t, "Brazil refused to sign the treaty on the border.")
	opp := false
	for _, g := range got {
		opp = opp || strings.HasPrefix(g, "Brazil opposes ")
	}
	if !opp {
		t.Errorf("a refusal is no opposition: %q", got)
	}
	for _, g := range stanceIn(t, "Brazil bears responsibility for the security of the region.") {
		if strings.Contains(g, "accuses") {
			t.Errorf("a duty read as a charge: %q", g)
		}
	}
}

// A paragraph of an ambassador's record that opens "Okafor said that
// ..." reports Okafor's words to its end: the charge in its next
// sentence is his, not the writer's; the writer's own paragraph is his.
func TestParagraphReportsItsSpeaker(t *testing.T) {
	text := "I visited Okafor at his invitation.\n\nOkafor said that the situation on the border had worsened. " +
		"Brazil, acting on the orders of Mexico, continues daily raids into the northern provinces.\n\n" +
		"I replied that Mexico is to blame for the tension."
	d := doc("conversation", []string{lindqvt.Name}, nil, text, map[string]Ref{"Okafor": okafor, "Brazil": {"Country", "Brazil"}, "Mexico": {"Country", "Mexico"}})
	res := Extract(d)
	if has(res, okafor.Name, "accuses", "Brazil") == nil {
		t.Errorf("the reported charge is not Okafor's:%s", dump(res))
	}
	if c := has(res, lindqvt.Name, "accuses", "Brazil"); c != nil {
		t.Errorf("Okafor's charge read as the writer's: %+v", c)
	}
	if has(res, lindqvt.Name, "accuses", "Mexico") == nil {
		t.Errorf("the writer's own charge lost:%s", dump(res))
	}
}

// "We do not think it advisable to force the pace": "it" stands for the
// course named after it, not for the proposal last spoken of; "welcomes
// the firm position of X" supports X.
func TestExpletiveItAndPositionOf(t *testing.T) {
	text := "Okafor: We ask you to send us credits for the harbour.\n\n" +
		"Lindqvist: We do not think it advisable to force the pace of the reform. We welcome the firm position of Brazil on the harbour dues."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Lindqvist": lindqvt, "Okafor": okafor, "Brazil": {"Country", "Brazil"}})
	d.Participants = []string{lindqvt.Name, okafor.Name}
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Subject == lindqvt && c.Relation == "opposes" && c.Object.Class == "Proposal" {
			t.Errorf("the judgement of the infinitive read as opposition to the request: %+v", c)
		}
	}
	found := false
	for _, c := range res.Claims {
		found = found || c.Relation == "supports" && c.Object.Name == "Brazil"
	}
	if !found {
		t.Errorf("welcoming Brazil's position is no support of Brazil:%s", dump(res))
	}
}

// A German note whose paragraph opens "Genosse Okafor informierte, dass
// ...": the charge in its next sentence is Okafor's, not the writer's.
func TestParagraphReportsItsSpeakerInGerman(t *testing.T) {
	text := "Genosse Okafor informierte, dass die Lage ernst ist. Die USA verletzen das Prinzip der gleichen Sicherheit.\n\n" +
		"Genosse Lindqvist erklärte, wir sind mit Genossen Okafor einverstanden."
	d := docIn("de", "note", []string{lindqvt.Name}, nil, text, map[string]Ref{"Okafor": okafor, "USA": usa, "Lindqvist": lindqvt})
	res := Extract(d)
	if has(res, okafor.Name, "accuses", usa.Name) == nil {
		t.Errorf("the reported charge is not Okafor's:%s", dump(res))
	}
	if c := has(res, lindqvt.Name, "accuses", usa.Name); c != nil {
		t.Errorf("Okafor's charge read as the writer's: %+v", c)
	}
}

// A Russian record: "Окафор сказал, что Норландия и Вестрия продолжают
// засылать банды" charges both in his words; "согласился с этим и
// попросил передать Брежневу" agrees with the writer, not with the one the
// request names; "поддерживает политику X" supports X.
func TestRussianRecordStances(t *testing.T) {
	text := "Окафор сказал, что положение остается сложным. Норландия и Вестрия продолжают засылать в страну вооруженные банды.\n\n" +
		"Окафор подчеркнул, что Совет полностью поддерживает внешнюю политику Вестрии.\n\n" +
		"Я ответил, что мы изучим вопрос.\n\nОкафор согласился с этим и попросил передать Мееку благодарность."
	meeks := Ref{"Person", "Tom Meeks"}
	d := docIn("ru", "conversation", []string{lindqvt.Name}, nil, text, map[string]Ref{"Окафор": okafor, "Норландия": norland,
		"Вестрия": vestria, "Вестрии": vestria, "Совет": plan7, "Мееку": meeks})
	d.Participants = []string{lindqvt.Name, okafor.Name}
	res := Extract(d)
	for _, w := range [][3]string{
		{okafor.Name, "accuses", norland.Name}, {okafor.Name, "accuses", vestria.Name},
		{plan7.Name, "supports", vestria.Name}, {okafor.Name, "agrees_with", lindqvt.Name},
	} {
		if has(res, w[0], w[1], w[2]) == nil {
			t.Errorf("missing %v:%s", w, dump(res))
		}
	}
	if c := has(res, okafor.Name, "agrees_with", meeks.Name); c != nil {
		t.Errorf("agreement read with the one a request names: %+v", c)
	}
}

// A minute: "their" is the Americans the sentence before names, not the
// one person named after them; what "we cannot accept" is opposed as its
// acceptance, not as a refusal of it.
func TestTheirViewAndRefusedAcceptance(t *testing.T) {
	text := "1. The Americans are pressing for a firm reply to Okafor's latest note. I share their view that we cannot accept any arrangement which recognises the regime."
	d := doc("memorandum", []string{lindqvt.Name}, []string{"Tom Meeks"}, text, map[string]Ref{"Americans": usa, "Okafor": okafor})
	res := Extract(d)
	if c := has(res, lindqvt.Name, "agrees_with", okafor.Name); c != nil {
		t.Errorf("'their' read as the one person named: %+v", c)
	}
	if has(res, lindqvt.Name, "agrees_with", usa.Name) == nil {
		t.Errorf("no agreement with the Americans:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Relation == "opposes" && strings.HasPrefix(c.Object.Name, "Refusal") {
			t.Errorf("a refusal opposes its own refusal: %+v", c)
		}
	}
}

// Minutes in Hungarian and Romanian: the doer of the act condemned is
// charged, not the land it befalls; a bare "Sunt de acord." agrees with
// the one who spoke before.
func TestCondemnedActAndBareAgreement(t *testing.T) {
	hu := "Okafor: Elítéljük az imperialista Vestria beavatkozását Norland belügyeibe.\n\nLindqvist: Egyetértek Okafor elvtárssal."
	d := docIn("hu", "minutes", nil, nil, hu, map[string]Ref{"Okafor": okafor, "Lindqvist": lindqvt, "Vestria": vestria, "Norland": norland})
	d.Participants = []string{okafor.Name, lindqvt.Name}
	res := Extract(d)
	if c := has(res, okafor.Name, "accuses", norland.Name); c != nil {
		t.Errorf("the land interfered in read as the one charged: %+v", c)
	}
	if has(res, okafor.Name, "accuses", vestria.Name) == nil {
		t.Errorf("the doer of the interference is not charged:%s", dump(res))
	}
	ro := "Tovarășul Okafor: Propun să informăm plenara.\n\nTovarășul Lindqvist: Sunt de acord."
	d = docIn("ro", "minutes", nil, nil, ro, map[string]Ref{"Okafor": okafor, "Lindqvist": lindqvt})
	d.Participants = []string{okafor.Name, lindqvt.Name}
	res = Extract(d)
	if has(res, lindqvt.Name, "agrees_with", okafor.Name) == nil {
		t.Errorf("a bare agreement does not agree with the one before:%s", dump(res))
	}
}

// An armed attack is the attacker's act, charged by the speaker, not a
// charge the attacker makes.
func TestArmedAttackIsNoCharge(t *testing.T) {
	for _, g := range stanceIn(t, "Brazil attacked Mexico at dawn.") {
		if g == "Brazil accuses Mexico" {
			t.Errorf("an armed attack read as the attacker's charge: %q", g)
		}
	}
}

// In a Spanish letter the stance words used as nouns ("todo apoyo del
// partido", "el acuerdo con Francia") are no stance of the writer, and a
// condemnation of an intervention "en Checoslovaquia" does not accuse the
// land it befell; the writer's own "apoyamos" still supports.
func TestRomanceStanceNounsAndPlaces(t *testing.T) {
	party := Ref{"Organization", "Partido del Trabajo"}
	czs := Ref{"Country", "Czechoslovakia"}
	fr := Ref{"Country", "France"}
	plan := Ref{"Organization", "Frente Amplio"}
	text := "Estimado camarada:\n\nLe pido que cese todo apoyo del Partido del Trabajo al grupo disidente. " +
		"Nuestra condena de la intervención en Checoslovaquia no fue bien recibida. " +
		"Hemos leído el acuerdo con Francia sobre el comercio. Apoyamos al Frente Amplio en su lucha.\n\nJuan Ortega"
	d := Doc{Kind: "letter", Date: "1970-05-02", Authors: []string{oduya.Name}, Recipients: []string{lindqv.Name},
		Versions: []Version{{Role: "original", Lang: "es", Text: text}}}
	place(&d, 0, map[string]Ref{"Partido del Trabajo": party, "Checoslovaquia": czs, "Francia": fr, "Frente Amplio": plan})
	res := Extract(d)
	if has(res, oduya.Name, "supports", party.Name) != nil {
		t.Errorf("'todo apoyo del partido' read as support:%s", dump(res))
	}
	if has(res, oduya.Name, "accuses", czs.Name) != nil {
		t.Errorf("the land an intervention befell is accused:%s", dump(res))
	}
	if has(res, oduya.Name, "agrees_with", fr.Name) != nil {
		t.Errorf("'el acuerdo con Francia' read as agreement:%s", dump(res))
	}
	if has(res, oduya.Name, "supports", plan.Name) == nil {
		t.Errorf("the writer's own 'Apoyamos al Frente Amplio' is missing:%s", dump(res))
	}
}

// "nous pourrions être amenés à solliciter l'intervention de X": an
// infinitive of asking is what may be done, no request; "Nous vous
// demandons de ..." is one.
func TestRomanceInfinitiveIsNoStance(t *testing.T) {
	ussr := Ref{"Country", "Soviet Union"}
	text := "Monsieur le Président,\n\nNous vous demandons de suivre la situation d'heure en heure. " +
		"Si l'agression continue, nous pourrions être amenés à solliciter l'intervention de l'Union Soviétique.\n\nAde Oduya"
	d := Doc{Kind: "letter", Date: "1960-07-14", Authors: []string{oduya.Name}, Recipients: []string{lindqv.Name},
		Versions: []Version{{Role: "original", Lang: "fr", Text: text}}}
	place(&d, 0, map[string]Ref{"Union Soviétique": ussr})
	res := Extract(d)
	if has(res, oduya.Name, "requests", ussr.Name) != nil {
		t.Errorf("an infinitive of asking made a request:%s", dump(res))
	}
	if has(res, oduya.Name, "requests", lindqv.Name) == nil {
		t.Errorf("'Nous vous demandons de' is no request of the addressee:%s", dump(res))
	}
}
