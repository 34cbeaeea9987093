package claim

import (
	"strings"
	"testing"
)

var (
	novak   = Ref{"Person", "Jan Novák"}
	horvath = Ref{"Person", "Béla Horváth"}
	petrov  = Ref{"Person", "Ivan Petrov"}
	council = Ref{"Organization", "Council of Ministers"}
)

// A record of conversation with no recorder named: the two its title names
// met, and the meeting is still someone's statement (the first
// participant's record).
func TestMeetingInARecordWithoutAuthor(t *testing.T) {
	text := "Novák: I welcome you to Prague, Comrade Horváth.\n\nHorváth: Thank you. We have come to discuss the trade agreement.\n\n" +
		"Novák: We are ready to sign it this year.\n\nHorváth: Good."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Novák": novak, "Horváth": horvath})
	d.Participants = []string{novak.Name, horvath.Name}
	res := Extract(d)
	c := has(res, novak.Name, "meets", horvath.Name)
	if c == nil {
		t.Fatalf("no meeting:%s", dump(res))
	}
	if c.Attributed.Name == "" {
		t.Errorf("the meeting is nobody's statement: %+v", c)
	}
}

// "From the Diary of Ambassador X, Record of a Conversation with Y": the
// diarist met Y, though the record never marks who speaks.
func TestDiaristMeetsTheOneTheTitleNames(t *testing.T) {
	text := "Today I was received by Minister Horváth at his office.\n\nHorváth said that the harvest had been poor and that the government would need grain before the spring."
	d := doc("conversation", []string{petrov.Name}, nil, text, map[string]Ref{"Horváth": horvath})
	d.Participants = []string{horvath.Name}
	d.Title = "From the Diary of Ambassador I. Petrov, Record of a Conversation with Minister B. Horváth"
	res := Extract(d)
	c := has(res, petrov.Name, "meets", horvath.Name)
	if c == nil {
		t.Fatalf("no meeting of the diarist:%s", dump(res))
	}
	if c.Evidence != "Today I was received by Minister Horváth at his office." {
		t.Errorf("evidence %q", c.Evidence)
	}
}

// Two who spoke on the telephone did not meet.
func TestTelephoneIsNoMeeting(t *testing.T) {
	text := "Novák: Can you hear me, Comrade Horváth?\n\nHorváth: I hear you well.\n\nNovák: We will send the grain next week.\n\nHorváth: Thank you."
	d := doc("transcript", nil, nil, text, map[string]Ref{"Novák": novak, "Horváth": horvath})
	d.Participants = []string{novak.Name, horvath.Name}
	d.Title = "Transcript of a Telephone Conversation between J. Novák and B. Horváth"
	res := Extract(d)
	if has(res, novak.Name, "meets", horvath.Name) != nil || has(res, horvath.Name, "meets", novak.Name) != nil {
		t.Errorf("a telephone call read as a meeting:%s", dump(res))
	}
}

// The signature of a report is its last lines' name, not a marking at the
// top ("Secret") the recogniser took for a person, a name in the middle of
// a sentence, or an item of the distribution list.
func TestSignatureLine(t *testing.T) {
	text := "Secret\n\nTo the Council of Ministers\n\nThe harvest in the eastern districts has failed, as Comrade Horváth\nreported last week. " +
		"The Ministry asks the Council of Ministers to release grain from the state reserve.\n\nI. Petrov\n\n3 copies:\n1. Comrade Novák\n2. File"
	d := doc("report", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{
		"Secret": {"Person", "Secret"}, "Horváth": horvath, "Council of Ministers": council, "I. Petrov": petrov, "Novák": novak})
	res := Extract(d)
	if has(res, petrov.Name, "informs", council.Name) == nil {
		t.Errorf("the signer does not inform the addressee:%s", dump(res))
	}
	for _, who := range []string{"Secret", horvath.Name, novak.Name} {
		if has(res, who, "informs", council.Name) != nil {
			t.Errorf("%s read as the signer:%s", who, dump(res))
		}
	}
}

// A memorandum's recommendations, numbered or dashed under "I recommend
// the following:", are each a course of action the author proposes, with
// the item's own words as its text and evidence.
func TestRecommendationList(t *testing.T) {
	for _, text := range []string{
		"The situation in the south is worse than we thought.\n\nI recommend the following:\n\n" +
			"1. Send a senior envoy to the capital to press for a ceasefire.\n\n" +
			"2. Delay the grain credit until the talks resume. This will cost us little.\n\n" +
			"3. Brief the allies before the vote.\n\nWe should not expect quick results.",
		"The situation in the south is worse than we thought.\n\nI recommend that we:\n\n" +
			"-- send a senior envoy to the capital to press for a ceasefire;\n\n" +
			"-- delay the grain credit until the talks resume;\n\n" +
			"-- brief the allies before the vote.\n\nWe should not expect quick results.",
	} {
		d := doc("memorandum", []string{petrov.Name}, nil, text, nil)
		res := Extract(d)
		var got []string
		for _, c := range res.Claims {
			if c.Subject == petrov && c.Relation == "proposes" && c.Object.Class == "Proposal" {
				got = append(got, c.Object.Name)
				if !strings.Contains(strings.ToLower(c.Evidence), strings.ToLower(c.Object.Name)) {
					t.Errorf("evidence %q does not show %q", c.Evidence, c.Object.Name)
				}
			}
		}
		want := []string{"Send a senior envoy to the capital to press for a ceasefire", "Delay the grain credit until the talks resume", "Brief the allies before the vote"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("recommendations %q, want %q:%s", got, want, dump(res))
		}
	}
}

// "We recommend" with no list after it, or a list under a heading that is
// no recommendation, proposes nothing item by item.
func TestNoRecommendationWithoutList(t *testing.T) {
	text := "The committee reviewed the following:\n\n1. The grain deliveries.\n\n2. The credit.\n\nI recommend caution."
	res := Extract(doc("memorandum", []string{petrov.Name}, nil, text, nil))
	for _, c := range res.Claims {
		if c.Relation == "proposes" {
			t.Errorf("a proposal from no recommendation: %s %s", c.Object.Name, c.Evidence)
		}
	}
}

// "We ask that the Soviet Union help us with deliveries of oil and
// cotton": what is asked for is the deliveries.
func TestRequestForHelpWithSomething(t *testing.T) {
	text := "Horváth: The winter will be hard. We ask that the Soviet Union also help us with deliveries of oil and cotton, since the West has stopped its trade.\n\nNovák: We will look at it."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Novák": novak, "Horváth": horvath, "Soviet Union": ussr})
	d.Participants = []string{novak.Name, horvath.Name}
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		if c.Subject == horvath && c.Relation == "requests" && c.Object.Class == "Proposal" {
			for _, e := range res.Entities {
				if e.Ref == c.Object && strings.Contains(e.Text, "deliveries of oil and cotton") && !strings.Contains(e.Text, "West") {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("the deliveries asked for are missing:%s", dump(res))
	}
}

// "The American imperialists are bombing ...", "the road of West German
// imperialism": the speaker accuses the state; "the struggle against
// imperialism" and "preventing a repetition of Japanese aggression" accuse
// no one.
func TestImperialistsAccused(t *testing.T) {
	text := "Dear Comrade Novák,\n\nSince March the American imperialists have been bombing our bridges and dams. " +
		"Our newspapers write about the struggle against British imperialism. " +
		"The new treaty must prevent a repetition of Japanese aggression.\n\nB. Horváth"
	d := doc("letter", []string{horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "B. Horváth": horvath})
	res := Extract(d)
	c := has(res, horvath.Name, "accuses", "United States")
	if c == nil {
		t.Fatalf("the American imperialists accuse no one:%s", dump(res))
	}
	if !strings.Contains(c.Evidence, "American imperialists") {
		t.Errorf("evidence %q", c.Evidence)
	}
	for _, o := range []string{"United Kingdom", "Japan"} {
		if has(res, horvath.Name, "accuses", o) != nil {
			t.Errorf("accuses %s:%s", o, dump(res))
		}
	}
}

// Working notes set each speaker's name in capitals with a full stop at the
// start of the line; a name the recogniser does not know is the surname of
// one the record names in its list of those present.
func TestCapitalSpeakerLabels(t *testing.T) {
	text := "Present: Comrades J. Novák, B. Horváth, I. Petrov.\n\nNOVÁK. The harvest has failed in the east.\n\n" +
		"PETROV. I agree with Comrade Novák. We must send grain at once.\n\nHORVÁTH. I agree with Comrade Petrov."
	d := doc("working_notes", nil, nil, text, map[string]Ref{"J. Novák": novak, "NOVÁK": novak, "Comrade Novák": novak,
		"B. Horváth": horvath, "Comrade Petrov": petrov, "I. Petrov": petrov})
	res := Extract(d)
	for _, want := range [][2]Ref{{petrov, novak}, {horvath, petrov}} {
		c := has(res, want[0].Name, "agrees_with", want[1].Name)
		if c == nil {
			t.Errorf("missing %s agrees_with %s:%s", want[0].Name, want[1].Name, dump(res))
			continue
		}
		if c.Attributed != want[0] {
			t.Errorf("%s's words attributed to %v", want[0].Name, c.Attributed)
		}
	}
}

// place puts mentions on every occurrence of each label.
func place(d *Doc, vi int, names map[string]Ref) {
	r := []rune(d.Versions[vi].Text)
	for label, ref := range names {
		l := []rune(label)
		for i := 0; i+len(l) <= len(r); i++ {
			if string(r[i:i+len(l)]) == label {
				d.Mentions = append(d.Mentions, Mention{Version: vi, Start: i, End: i + len(l), Name: ref.Name, Class: ref.Class})
			}
		}
	}
}

// A report in Polish or a diary in Russian that speaks of "the
// conversation with X" names whom its author met; "ze strony polskiej"
// ("on the Polish side") names no partner.
func TestConversationWithInTheOriginal(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"pl", "Wczoraj byłem na rozmowie z ministrem tow. B. Horváthem. Rozmowa trwała godzinę.\n\nW rozmowie uczestniczyli ze strony węgierskiej tow. J. Novák.\n\nI. Petrov"},
		{"ru", "Из дневника И. Петрова\n\nЗапись беседы с министром Б. Хорватом\n\nБ. Хорват сказал, что урожай плохой.\n\nПосол СССР\nИ. Петров"},
	} {
		d := Doc{Kind: "report", Date: "1975-05-02", Authors: []string{petrov.Name}, Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"B. Horváthem": horvath, "Б. Хорватом": horvath, "Б. Хорват": horvath, "J. Novák": novak, "I. Petrov": petrov, "И. Петров": petrov})
		res := Extract(d)
		if has(res, petrov.Name, "meets", horvath.Name) == nil {
			t.Errorf("%s: no meeting with the one the conversation was with:%s", c.lang, dump(res))
		}
		if has(res, petrov.Name, "meets", novak.Name) != nil {
			t.Errorf("%s: 'ze strony' read as a partner:%s", c.lang, dump(res))
		}
	}
}

// "He fully supported Novák's plan to close the northern crossings": the
// support is for the plan, which is Novák's proposal, not for Novák.
func TestSupportForSomeonesPlan(t *testing.T) {
	text := "I saw Minister Horváth this morning. Horváth fully supported Novák's plan to close the northern crossings at night, and asked that the police take part."
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Horváth": horvath, "Novák": novak})
	res := Extract(d)
	if has(res, horvath.Name, "supports", novak.Name) != nil {
		t.Errorf("support for a plan read as support for its owner:%s", dump(res))
	}
	var plan *Claim
	for i, c := range res.Claims {
		if c.Subject == horvath && c.Relation == "supports" && c.Object.Class == "Proposal" {
			plan = &res.Claims[i]
		}
	}
	if plan == nil {
		t.Fatalf("no support for the plan:%s", dump(res))
	}
	if has(res, novak.Name, "proposes", plan.Object.Name) == nil {
		t.Errorf("the plan is not its owner's proposal:%s", dump(res))
	}
	for _, e := range res.Entities {
		if e.Ref == plan.Object && !strings.Contains(e.Text, "close the northern crossings at night") {
			t.Errorf("the plan's words: %q", e.Text)
		}
	}
}

// "Ambassador Novák has been kept informed", "I will keep you informed":
// no one is named as informing; "I recommend that we agree to ..." is a
// course put to the reader, not agreement.
func TestKeptInformedAndRecommendedStances(t *testing.T) {
	text := "Ambassador Novák has been kept informed but has not seen the text. I recommend that we agree with Horváth on the timetable, but only after the vote. I will keep you informed."
	d := doc("memorandum", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Novák": novak, "Horváth": horvath})
	res := Extract(d)
	for _, bad := range [][3]string{
		{novak.Name, "informs", council.Name},
		{novak.Name, "informs", petrov.Name},
		{petrov.Name, "agrees_with", horvath.Name},
	} {
		if has(res, bad[0], bad[1], bad[2]) != nil {
			t.Errorf("false claim %v:%s", bad, dump(res))
		}
	}
}

// "Horváth said that the minister Novák had reported the same thing to
// him": Novák reported to whom "him" is, not to the one Horváth speaks to.
func TestReportedToHim(t *testing.T) {
	text := "Petrov: We have news from the front.\n\nHorváth: Good.\n\nHorváth said that in the morning the minister Novák had reported the same thing to him."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Horváth": horvath, "Novák": novak, "Petrov": petrov})
	d.Participants = []string{petrov.Name, horvath.Name}
	res := Extract(d)
	if has(res, novak.Name, "informs", petrov.Name) != nil {
		t.Errorf("the report went to the addressee:%s", dump(res))
	}
}

// An envoy's cable whose writer is not known: the acts it reports are
// their doers' ("He accused the United States ..." is Ho's accusation).
func TestUnknownWriterAttributesToTheDoer(t *testing.T) {
	text := "Today Horváth received me. He accused the United States of aggression against the republic.\n\nI told Horváth that a delegation would come."
	d := doc("cable", nil, nil, text, map[string]Ref{"Horváth": horvath, "United States": usa})
	res := Extract(d)
	c := has(res, horvath.Name, "accuses", usa.Name)
	if c == nil {
		t.Fatalf("no accusation:%s", dump(res))
	}
	if c.Attributed != horvath {
		t.Errorf("attributed to %v", c.Attributed)
	}
}

// The archive's summary the saved page carries as the body's last
// paragraph ("Novák tells Horváth that ...") is not the record's words;
// an "English translation" a fraction of the original's length is that
// summary too, and the original is read instead.
func TestArchiveSummaryIsNotTheRecord(t *testing.T) {
	text := "Novák: We have sent the grain.\n\nHorváth: Thank you. We agree with the plan of the trade delegation.\n\nNovák: Good.\n\n" +
		"In a short meeting Novák tells Horváth that the grain has gone and informs Petrov of the date."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Novák": novak, "Horváth": horvath, "Petrov": petrov})
	d.Participants = []string{novak.Name, horvath.Name}
	res := Extract(d)
	for _, c := range res.Claims {
		if strings.HasPrefix(c.Evidence, "In a short meeting") {
			t.Errorf("a claim from the summary: %s %s %s", c.Subject.Name, c.Relation, c.Object.Name)
		}
	}
	if has(res, novak.Name, "meets", horvath.Name) == nil {
		t.Errorf("the record's own meeting is lost:%s", dump(res))
	}

	orig := "Tovarășul Novák: Am trimis grânele.\n\nTovarășul Horváth: Suntem de acord cu dumneavoastră.\n\nTovarășul Novák: Bine.\n\nTovarășul Horváth: Mulțumim pentru ajutor și pentru sprijinul dat economiei noastre în acest an greu."
	d = Doc{Kind: "conversation", Date: "1971-06-10", Participants: []string{novak.Name, horvath.Name}, Versions: []Version{
		{Role: "translation", Lang: "en", Text: "Novák tells Horváth that the grain has gone."},
		{Role: "original", Lang: "ro", Text: orig}}}
	place(&d, 1, map[string]Ref{"Novák": novak, "Horváth": horvath})
	place(&d, 0, map[string]Ref{"Novák": novak, "Horváth": horvath})
	res = Extract(d)
	if has(res, horvath.Name, "agrees_with", novak.Name) == nil {
		t.Errorf("the original was not read:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Version == 0 {
			t.Errorf("a claim from the summary given as a translation: %s %s %s", c.Subject.Name, c.Relation, c.Object.Name)
		}
	}
}

// Proposals and requests worded as a clause after "that": "I propose that
// we ...", "he asked that the deliveries be speeded up", "Clay demands
// that ...", "had instructed him to propose that ..."; "he" stays the one
// it stood for across a sentence with no person for its subject.
func TestClauseProposals(t *testing.T) {
	text := "Horváth said that the harvest had failed. He warned that the reserves would not last until spring. " +
		"The western districts are already short of bread. He asked that the deliveries of grain and fuel be speeded up, because the roads would close in November.\n\n" +
		"I propose that we send a commission of experts to the eastern districts before the end of the month.\n\n" +
		"Novák then said that Premier Horváth had instructed him to propose that a trade delegation come to Moscow in April.\n\n" +
		"The Western commander demands that his officers be let through the checkpoints without showing their papers."
	d := doc("report", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Horváth": horvath, "Novák": novak})
	res := Extract(d)
	want := []struct{ s, rel, text string }{
		{horvath.Name, "requests", "the deliveries of grain and fuel be speeded up"},
		{petrov.Name, "proposes", "we send a commission of experts to the eastern districts before the end of the month"},
		{novak.Name, "proposes", "a trade delegation come to Moscow in April"},
	}
	texts := map[Ref]string{}
	for _, e := range res.Entities {
		texts[e.Ref] = e.Text
	}
	for _, w := range want {
		found := false
		for _, c := range res.Claims {
			if c.Subject.Name == w.s && c.Relation == w.rel && c.Object.Class == "Proposal" && texts[c.Object] == w.text {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %s %s %q:%s", w.s, w.rel, w.text, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Relation == "requests" && strings.Contains(texts[c.Object], "roads") {
			t.Errorf("the reason taken for the request: %q", texts[c.Object])
		}
		if c.Subject == horvath && c.Relation == "proposes" && strings.Contains(texts[c.Object], "trade delegation") {
			t.Errorf("the one who instructed read as the proposer:%s", dump(res))
		}
	}
}

// "He asked that the Soviet side speed up the deliveries": the request is
// for the deliveries, not of the state that is to make them; "Please
// accept the assurance of my highest consideration" asks nothing.
func TestAskedThatAStateDoSomething(t *testing.T) {
	text := "Dear Comrade Novák,\n\nWe ask that the Soviet Union speed up the delivery of equipment for the power station in the north.\n\nPlease accept, Comrade Novák, the assurance of my highest consideration.\n\nB. Horváth"
	d := doc("letter", []string{horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "B. Horváth": horvath, "Soviet Union": ussr})
	res := Extract(d)
	if has(res, horvath.Name, "requests", ussr.Name) != nil {
		t.Errorf("the state asked to act read as what is requested:%s", dump(res))
	}
	found := false
	for _, c := range res.Claims {
		if c.Subject == horvath && c.Relation == "requests" && c.Object.Class == "Proposal" && strings.Contains(c.Evidence, "equipment") {
			found = true
		}
		if c.Relation == "requests" && strings.HasPrefix(c.Evidence, "Please accept") {
			t.Errorf("a closing formula read as a request: %+v", c)
		}
	}
	if !found {
		t.Errorf("the equipment asked for is missing:%s", dump(res))
	}
}

// Evidence shows both parties: "I agree." takes in the turn before that
// names whom the speaker agrees with, and the meeting of two whose first
// turns name only themselves is shown by those two turns.
func TestEvidenceShowsBothParties(t *testing.T) {
	text := "Novák: The harvest is poor this year.\n\nHorváth: Ours is worse.\n\nNovák: I propose to hold the grain talks in May.\n\nHorváth: I agree."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Novák": novak, "Horváth": horvath})
	d.Participants = []string{novak.Name, horvath.Name}
	res := Extract(d)
	c := has(res, horvath.Name, "agrees_with", novak.Name)
	if c == nil {
		t.Fatalf("no agreement:%s", dump(res))
	}
	if !strings.Contains(c.Evidence, "Novák") || !strings.Contains(c.Evidence, "I agree.") {
		t.Errorf("agreement evidence %q", c.Evidence)
	}
	m := has(res, novak.Name, "meets", horvath.Name)
	if m == nil {
		m = has(res, horvath.Name, "meets", novak.Name)
	}
	if m == nil || !strings.Contains(m.Evidence, "Novák:") || !strings.Contains(m.Evidence, "Horváth:") {
		t.Errorf("meeting evidence does not show both: %+v", m)
	}
}

// Transcripts that label each turn with the side and the speaker in
// brackets ("North (KIM):") attribute each turn to that speaker.
func TestSideAndNameLabels(t *testing.T) {
	kimr := Ref{"Person", "Kim Il Sung"}
	text := "North (KIM): We agree with your proposal on the border.\n\nSouth (PETROV): We will consider it.\n\nNorth (KIM): Good.\n\nSouth (PETROV): I agree with Comrade Kim."
	d := doc("transcript", nil, nil, text, map[string]Ref{"KIM": kimr, "PETROV": petrov, "Kim": kimr})
	res := Extract(d)
	for _, want := range [][2]Ref{{kimr, petrov}, {petrov, kimr}} {
		c := has(res, want[0].Name, "agrees_with", want[1].Name)
		if c == nil {
			t.Errorf("missing %s agrees_with %s:%s", want[0].Name, want[1].Name, dump(res))
		} else if c.Attributed != want[0] {
			t.Errorf("%s's words attributed to %v", want[0].Name, c.Attributed)
		}
	}
}

// "I do not agree with Comrade X", in English and in Hungarian ("Nem
// értek egyet X elvtárssal"), opposes X.
func TestDisagreementOpposesThePerson(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"en", "Novák: We should give way to the strikers.\n\nHorváth: I do not agree with Comrade Novák. The strike must end.\n\nNovák: Then we vote."},
		{"hu", "Novák: Engedményeket kell tennünk.\n\nHorváth: Nem értek egyet Novák elvtárssal. A sztrájkot be kell fejezni.\n\nNovák: Szavazzunk."},
	} {
		d := Doc{Kind: "minutes", Date: "1956-11-11", Participants: []string{novak.Name, horvath.Name}, Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"Novák": novak, "Horváth": horvath})
		res := Extract(d)
		if has(res, horvath.Name, "opposes", novak.Name) == nil {
			t.Errorf("%s: no disagreement:%s", c.lang, dump(res))
		}
		if has(res, horvath.Name, "agrees_with", novak.Name) != nil {
			t.Errorf("%s: disagreement read as agreement:%s", c.lang, dump(res))
		}
	}
}

// Minutes in German, Polish or Czech that report who said what ("Genosse
// Novák erklärte, er sei mit Genossen Horváth einverstanden", "Tow. Novák
// oświadczył, że zgadza się z tow. Horváthem") give the stance to the one
// reported, with his words as evidence.
func TestReportedSpeechInTheOriginal(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"de", "Anwesend: Genossen Novák, Horváth, Petrov.\n\nGenosse Novák erklärte, er sei mit Genossen Horváth völlig einverstanden.\n\nGenosse Petrov erklärte, er unterstütze die Vorlage."},
		{"pl", "Obecni: tow. Novák, Horváth, Petrov.\n\nTow. Novák oświadczył, że zgadzamy się z tow. Horváthem.\n\nTow. Petrov powiedział, że popieramy ten plan."},
	} {
		d := Doc{Kind: "minutes", Date: "1961-08-01", Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"Novák": novak, "Horváth": horvath, "Horváthem": horvath, "Petrov": petrov})
		res := Extract(d)
		cl := has(res, novak.Name, "agrees_with", horvath.Name)
		if cl == nil {
			t.Errorf("%s: no agreement of the one reported:%s", c.lang, dump(res))
			continue
		}
		if cl.Attributed != novak {
			t.Errorf("%s: attributed to %v", c.lang, cl.Attributed)
		}
	}
}

// A diarist's record: "Record of a conversation with the Minister B.
// Horváth" under the heading names whom the writer met, and "I told the
// Minister that ..." informs him.
func TestToldTheMinister(t *testing.T) {
	text := "From the diary of I. Petrov\n\nSecret\n\nRecord of a conversation with the Minister of the republic B. Horváth\n\n12 October 1973\n\nB. Horváth said that the situation was grave.\n\nI told the Minister that Moscow was considering a ceasefire.\n\nAmbassador\nI. PETROV"
	d := doc("conversation", nil, nil, text, map[string]Ref{"B. Horváth": horvath, "I. PETROV": petrov, "I. Petrov": petrov})
	res := Extract(d)
	if has(res, petrov.Name, "meets", horvath.Name) == nil {
		t.Errorf("no meeting:%s", dump(res))
	}
	c := has(res, petrov.Name, "informs", horvath.Name)
	if c == nil || !strings.Contains(c.Evidence, "I told the Minister") {
		t.Errorf("'I told the Minister' informs no one:%s", dump(res))
	}
}

// "Imperialiștii americani ocupă ...", "американские империалисты ...":
// the speaker's charge against the United States in the originals'
// languages; one reported of someone else ("Хорват сказал, что
// американские империалисты ...") is not the writer's.
func TestImperialistsInTheOriginals(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"ro", "Tovarășul Horváth: Imperialiștii americani ocupă în continuare sudul țării.\n\nTovarășul Novák: Înțelegem.\n\nTovarășul Horváth: Mulțumim."},
		{"ru", "Хорват: Американские империалисты продолжают оккупацию юга страны.\n\nНовак: Понятно.\n\nХорват: Спасибо."},
	} {
		d := Doc{Kind: "conversation", Date: "1971-06-10", Participants: []string{novak.Name, horvath.Name}, Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"Novák": novak, "Horváth": horvath, "Новак": novak, "Хорват": horvath})
		res := Extract(d)
		if has(res, horvath.Name, "accuses", "United States") == nil {
			t.Errorf("%s: no charge against the United States:%s", c.lang, dump(res))
		}
	}
	text := "Посол СССР\n\nХорват сказал, что американские империалисты продолжают оккупацию юга страны.\n\nИ. Петров"
	d := Doc{Kind: "report", Date: "1971-06-10", Authors: []string{petrov.Name}, Versions: []Version{{Role: "original", Lang: "ru", Text: text}}}
	place(&d, 0, map[string]Ref{"Хорват": horvath, "И. Петров": petrov})
	res := Extract(d)
	if has(res, petrov.Name, "accuses", "United States") != nil {
		t.Errorf("another's charge given to the writer:%s", dump(res))
	}
}

// A cable's closing "Request instructions." asks its addressee.
func TestRequestInstructions(t *testing.T) {
	text := "Today I met Horváth. He said that the harvest had failed.\n\nRequest instructions.\n\nI. PETROV"
	d := doc("cable", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Horváth": horvath, "I. PETROV": petrov})
	res := Extract(d)
	if c := has(res, petrov.Name, "requests", council.Name); c == nil || c.Evidence != "Request instructions." {
		t.Errorf("no request for instructions:%s", dump(res))
	}
}

// "N.S. Novák said that we must not withdraw our troops from the north":
// the speaker's refusal of the withdrawal, its words with the possessive.
func TestRefusalWithAPossessive(t *testing.T) {
	text := "Present: Novák, Horváth, Petrov.\n\nOn the situation in the north.\n\nN.S. Novák said that we must not withdraw our troops from the north.\n\nComrade Horváth stated that he agrees with Novák."
	d := doc("working_notes", nil, nil, text, map[string]Ref{"Novák": novak, "N.S. Novák": novak, "Horváth": horvath, "Petrov": petrov})
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		if c.Subject == novak && c.Relation == "opposes" && c.Object.Class == "Proposal" && strings.Contains(c.Object.Name, "our troops from the north") {
			found = true
		}
	}
	if !found {
		t.Errorf("no refusal of the withdrawal:%s", dump(res))
	}
}
