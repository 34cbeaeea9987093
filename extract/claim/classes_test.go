package claim

import (
	"strings"
	"testing"
)

var (
	szabo   = Ref{"Person", "Ferenc Szabó"}
	kovacs  = Ref{"Person", "Péter Kovács"}
	laos    = Ref{"Country", "Laos"}
	burundi = Ref{"Country", "Burundi"}
)

// A message the writer is asked to carry ("He asked me to tell you",
// "asked me to pass this on to Moscow", "просил передать Вам приветы") is
// no request of the writer and no information of the one who sends it.
func TestRelayedMessageIsNoRequest(t *testing.T) {
	text := "Today I received Minister Kovács. He asked me to pass this on to Moscow at once. " +
		"Kovács also asked me to convey to Comrade Szabó that the harvest is poor. Kovács asked me to find out from you whether the credit can be extended. " +
		"Kovács said that Szabó had asked him to inform the Soviet leadership of his assessment.\n\nI. Petrov"
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Moscow": moscow, "I. Petrov": petrov})
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Subject == kovacs && (c.Object == petrov || c.Object == szabo) || c.Subject == szabo {
			t.Errorf("a message carried read as a claim: %+v", c)
		}
	}
	if has(res, kovacs.Name, "requests", council.Name) == nil {
		t.Errorf("the request passed on to the addressee is missing:%s", dump(res))
	}
	ru := Doc{Kind: "report", Date: "1969-03-20", Authors: []string{petrov.Name}, Recipients: []string{council.Name},
		Versions: []Version{{Role: "original", Lang: "ru", Text: "Товарищ Ковач просил передать Вам самые сердечные приветы. Товарищ Ковач просит Вас ускорить поставки зерна.\n\nИ. Петров"}}}
	place(&ru, 0, map[string]Ref{"Ковач": kovacs, "И. Петров": petrov})
	res = Extract(ru)
	n := 0
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "requests" {
			n++
			if strings.Contains(c.Evidence, "приветы") {
				t.Errorf("greetings passed on read as a request: %+v", c)
			}
		}
	}
	if n == 0 {
		t.Errorf("the request of the second sentence is missing:%s", dump(res))
	}
}

// "in support of Vietnam", "в поддержку Вьетнама", "để ủng hộ": the aim of
// some action the sentence names, not a stance of its subject; a stance
// asked for ("requested that the Soviet Union support Laos") or hoped for
// ("persuade him to agree") is nobody's stance yet.
func TestSupportAsAimOrRequestIsNoStance(t *testing.T) {
	text := "Kovács: We fully agree with the proposal on joint action by the socialist countries in support of Laos. " +
		"He requested that the Soviet Union support Laos in the Security Council. I will do my best to persuade him to agree to talks."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Laos": laos, "Soviet Union": ussr})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Object == laos || c.Relation == "agrees_with" && strings.Contains(c.Evidence, "persuade") {
			t.Errorf("an aim or a wish read as a stance: %+v", c)
		}
	}
	for _, v := range []struct{ lang, text string }{
		{"ru", "Тов. Ковач отметил, что руководство Бурунди отвергает единые действия в поддержку Лаоса."},
		{"vi", "Chúng tôi hoàn toàn tán thành đề nghị về việc phối hợp hành động để ủng hộ Lào."},
	} {
		d := Doc{Kind: "letter", Date: "1965-03-02", Authors: []string{kovacs.Name}, Recipients: []string{szabo.Name},
			Versions: []Version{{Role: "original", Lang: v.lang, Text: v.text}}}
		place(&d, 0, map[string]Ref{"Ковач": kovacs, "Бурунди": burundi, "Лаоса": laos, "Lào": laos})
		res := Extract(d)
		for _, c := range res.Claims {
			if c.Relation == "supports" && c.Object == laos {
				t.Errorf("%s: an aim read as support: %+v", v.lang, c)
			}
		}
	}
}

// "We welcome the Soviet delegation": a host's greeting, no support.
func TestWelcomingADelegationIsNoSupport(t *testing.T) {
	text := "Szabó: Welcome.\n\nKovács: We welcome the Soviet delegation. We support the Soviet proposal on a conference.\n\nSzabó: Thank you."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Soviet": ussr, "Szabó": szabo})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	if c := has(res, kovacs.Name, "supports", ussr.Name); c != nil {
		t.Errorf("a greeting read as support: %+v", c)
	}
	found := false
	for _, c := range res.Claims {
		found = found || c.Subject == kovacs && c.Relation == "supports" && c.Object.Class == "Proposal"
	}
	if !found {
		t.Errorf("the support of the proposal is missing:%s", dump(res))
	}
}

// A diarist's meeting is shown by the sentence where "I" meets the other
// by name, not by the heading that names the diarist alone; a report of
// what someone did is shown, where its sentence names only the doer, with
// the record's heading that names both a few sentences before.
func TestMeetingAndReportShowBothParties(t *testing.T) {
	text := "From the diary of I. Petrov\nSecret\n\n2 May 1975\n\nAt 9 a.m. I was called to the ministry to see F. Szabó. J. Novák was also present.\n\nSzabó stated that the harvest is poor."
	d := doc("conversation", []string{petrov.Name}, nil, text, map[string]Ref{"I. Petrov": petrov, "F. Szabó": szabo, "Szabó": szabo, "J. Novák": novak})
	d.Title = "Record of Conversation between I. Petrov and F. Szabó"
	d.Participants = []string{petrov.Name, szabo.Name}
	res := Extract(d)
	c := has(res, petrov.Name, "meets", szabo.Name)
	if c == nil {
		c = has(res, szabo.Name, "meets", petrov.Name)
	}
	if c == nil || !strings.Contains(c.Evidence, "Szabó") {
		t.Fatalf("the meeting is not shown by the sentence naming both:%s", dump(res))
	}

	text = "Note on the conversation of Comrade F. Szabó with Comrade I. Petrov, Moscow, 2 May 1975\n\n" +
		"Taking part in the conversation were Comrade J. Novák on one side and Comrade B. Horváth on the other.\n\n" +
		"Comrade Szabó reported on the situation in the country after the floods."
	d = doc("conversation", nil, nil, text, map[string]Ref{"I. Petrov": petrov, "F. Szabó": szabo, "Szabó": szabo, "J. Novák": novak, "B. Horváth": horvath})
	d.Participants = []string{szabo.Name, petrov.Name}
	res = Extract(d)
	for _, c := range res.Claims {
		if c.Relation == "informs" && c.Subject == szabo && !strings.Contains(c.Evidence, "Petrov") {
			t.Errorf("the report's evidence does not show whom it informs: %+v", c)
		}
	}
}

// "The interlocutor stressed that Kim Il Sung accused the USA of ...": the
// writer's informant reports what a named leader did; that is no rumour.
// A clause proposal that opens with an inserted phrase is named by what
// it proposes.
func TestInformantsReportAndInsertedPhrase(t *testing.T) {
	text := "1. The interlocutor stressed that Comrade Kim Il Sung accused the USA of using the UN command as a screen.\n\n" +
		"2. The Western radio stations claim that Kim Il Sung accused Laos of aggression.\n\n" +
		"3. We propose that, during the coming visit of our delegation, our support for the reunification of Korea be stressed."
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Kim Il Sung": kim, "USA": usa, "Laos": laos})
	res := Extract(d)
	if has(res, kim.Name, "accuses", usa.Name) == nil {
		t.Errorf("the informant's report is missing:%s", dump(res))
	}
	if c := has(res, kim.Name, "accuses", laos.Name); c != nil {
		t.Errorf("hearsay read as a claim: %+v", c)
	}
	for _, e := range res.Entities {
		if e.Class == "Proposal" && !strings.Contains(e.Name, "support for the reunification") {
			t.Errorf("proposal named by its inserted phrase: %q", e.Name)
		}
		if e.Class == "Proposal" && !strings.Contains(e.Text, "during the coming visit") {
			t.Errorf("the proposal's text lost its inserted phrase: %q", e.Text)
		}
	}
}

// Minutes keep a body's session: a member who reports there informs the
// body, in English as in the originals ("Kovács Péter tájékoztatja a
// bizottságot", "informoval s. Novák"); a record of a conversation
// between two has no such body.
func TestSessionReportInformsTheBody(t *testing.T) {
	presidium := Ref{"Organization", "Presidium of the Council"}
	for _, c := range []struct{ lang, text string }{
		{"en", "Minutes of the session of the Presidium of the Council, 3 May 1975\n\nPresent: P. Kovács, J. Novák, F. Szabó.\n\nKovács reported on the harvest in the northern districts.\n\nNovák: We must act."},
		{"hu", "Jegyzőkönyv a Presidium of the Council üléséről\n\nJelen vannak: Kovács Péter, Novák János, Szabó Ferenc.\n\nKovács Péter tájékoztatja a bizottságot az északi járások terméséről.\n\nNovák János szerint cselekedni kell."},
		{"cs", "Zápis ze schůze Presidium of the Council\n\nPřítomni: s. P. Kovács, J. Novák, F. Szabó.\n\nVe 12.00 hod. informoval s. Kovács, že úroda je špatná."},
	} {
		d := Doc{Kind: "minutes", Date: "1975-05-03", Versions: []Version{{Role: "original", Lang: c.lang, Text: c.text}}}
		place(&d, 0, map[string]Ref{"Presidium of the Council": presidium, "P. Kovács": kovacs, "Kovács Péter": kovacs, "Kovács": kovacs, "J. Novák": novak, "Novák János": novak, "Novák": novak, "F. Szabó": szabo, "Szabó Ferenc": szabo})
		res := Extract(d)
		if has(res, kovacs.Name, "informs", presidium.Name) == nil {
			t.Errorf("%s: the member's report to the body is missing:%s", c.lang, dump(res))
		}
		if c.lang == "hu" {
			found := false
			for _, e := range res.Entities {
				found = found || e.Ref == presidium && string([]rune(c.text)[e.Start:e.End]) == "bizottságot"
			}
			if !found {
				t.Errorf("the noun standing for the body is not marked: %+v", res.Entities)
			}
		}
	}
	d := Doc{Kind: "conversation", Date: "1975-05-03", Participants: []string{kovacs.Name, szabo.Name},
		Versions: []Version{{Role: "original", Lang: "hu", Text: "Feljegyzés Kovács Péter és Szabó Ferenc beszélgetéséről\n\nKovács Péter tájékoztatja a bizottságot a termésről."}}}
	place(&d, 0, map[string]Ref{"Kovács Péter": kovacs, "Szabó Ferenc": szabo})
	for _, c := range Extract(d).Claims {
		if c.Relation == "informs" && c.Object.Class == "Organization" {
			t.Errorf("a body read into a conversation of two: %+v", c)
		}
	}
}

// Who received whom: "X was received by Chairman Y", "I called on Deputy
// Foreign Minister Y", "Сегодня меня принял президент Y": a meeting of
// the two, the passive's guest with the host who receives.
func TestReceivedAndCalledOn(t *testing.T) {
	text := "Comrade Kim Il Sung was received by Chairman Mao Zedong. Yesterday I called on Deputy Foreign Minister Jan Novák. " +
		"The delegation will be received by Béla Horváth tomorrow. The letter was received by Horváth on Monday."
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Kim Il Sung": kim, "Mao Zedong": mao, "Jan Novák": novak, "Béla Horváth": horvath, "Horváth": horvath})
	res := Extract(d)
	for _, want := range [][3]string{{kim.Name, "meets", mao.Name}, {petrov.Name, "meets", novak.Name}} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v:%s", want, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Relation == "meets" && (c.Object == horvath || c.Subject == horvath) {
			t.Errorf("a planned reception or a letter received read as a meeting: %+v", c)
		}
	}
	ru := Doc{Kind: "telegram", Date: "1966-02-21", Authors: []string{petrov.Name}, Recipients: []string{council.Name},
		Versions: []Version{{Role: "original", Lang: "ru", Text: "Сегодня меня принял в министерстве министр Я. Новак. Беседа продолжалась час.\n\nИ. Петров"}}}
	place(&ru, 0, map[string]Ref{"Я. Новак": novak, "И. Петров": petrov})
	res = Extract(ru)
	if has(res, novak.Name, "meets", petrov.Name) == nil && has(res, petrov.Name, "meets", novak.Name) == nil {
		t.Errorf("ru: the one who received the writer is not met:%s", dump(res))
	}
}

// Accusations without the word: a hostile act the speaker says a party
// carries out accuses it ("has been sending soldiers into", "is carrying
// out raids", "it was the leaders of X who were trying to split the
// movement", "the work of X", "руководство X мешает единству"); an act
// that only might follow ("would split the alliance"), one the speaker
// denies ("we do not accept that it was the work of X") or one of the
// speaker's own side accuses no one.
func TestHostileActsAccuse(t *testing.T) {
	text := "Kovács: For a week Burundi has been sending soldiers into our provinces dressed as civilians. " +
		"The racist regime of Laos is carrying out daily raids into the border districts. " +
		"It was the leaders of the Soviet Union who were trying to split the movement.\n\n" +
		"Szabó: We do not accept that everything was the work of the United States. " +
		"Such a step would split the alliance of Laos and Burundi. We are sending troops into the capital tonight."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Burundi": burundi, "Laos": laos, "Soviet Union": ussr, "United States": usa})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	for _, o := range []Ref{burundi, laos, ussr} {
		if has(res, kovacs.Name, "accuses", o.Name) == nil {
			t.Errorf("Kovács's charge against %s is missing:%s", o.Name, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Subject == szabo && c.Relation == "accuses" {
			t.Errorf("a denied, hypothetical or own act read as a charge: %+v", c)
		}
	}
	ru := Doc{Kind: "report", Date: "1967-12-14", Authors: []string{petrov.Name}, Recipients: []string{council.Name},
		Versions: []Version{{Role: "original", Lang: "ru", Text: "Руководство Бурунди мешает единству социалистического лагеря.\n\nИ. Петров"}}}
	place(&ru, 0, map[string]Ref{"Бурунди": burundi, "И. Петров": petrov})
	if has(Extract(ru), petrov.Name, "accuses", burundi.Name) == nil {
		t.Errorf("ru: the charge of obstruction is missing:%s", dump(Extract(ru)))
	}
}

// What is asked for by name ("we ask for additional deliveries of rolled
// steel and grain") is the request's object; a proposal that the other
// side act ("We propose that the Soviet side supply ...", "that you send
// ...") asks it of them; one that both act together stays a proposal.
func TestRequestedThingsAndProposalsOfTheOtherSide(t *testing.T) {
	text := "Dear Comrade Novák,\n\nIn addition we ask for additional deliveries of rolled steel and grain, since the harvest has failed. " +
		"We propose that the Soviet side supply anti-aircraft missile battalions and fighter aircraft soon. " +
		"We propose that the Soviet Union and Laos sign a treaty of friendship this year.\n\nB. Horváth"
	d := doc("letter", []string{horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "B. Horváth": horvath, "Soviet": ussr, "Soviet Union": ussr, "Laos": laos})
	res := Extract(d)
	want := map[string]string{"rolled steel": "requests", "anti-aircraft": "requests", "treaty of friendship": "proposes"}
	for words, rel := range want {
		found := false
		for _, c := range res.Claims {
			if c.Subject == horvath && c.Object.Class == "Proposal" && strings.Contains(c.Evidence, words) {
				if c.Relation != rel {
					t.Errorf("%q: %s, want %s", words, c.Relation, rel)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no claim:%s", words, dump(res))
		}
	}
	for _, e := range res.Entities {
		if strings.Contains(e.Name, "rolled steel") && strings.Contains(e.Text, "harvest") {
			t.Errorf("the reason given read into what is asked for: %q", e.Text)
		}
	}
}

// A course of action judged wrong or refused is opposed, named by the
// words the record uses: "THE SHAH AGREED THAT A MILITARY COUP WOULD BE A
// DISASTER", "In our opinion the decision to raise food prices was a grave
// error", "He does not want administrative measures against the press";
// not a state of affairs ("does not want new tension") nor what "this"
// stands for.
func TestJudgedAndUnwantedCourses(t *testing.T) {
	text := "Today I met Novák. Novák agreed that a military coup would be a disaster. " +
		"In our opinion the decision of 12 December to raise food prices was a grave political error. " +
		"He does not want administrative measures against the press, because this would only help the right. " +
		"Laos does not want new tension on the border. This would be a mistake."
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Novák": novak, "Laos": laos})
	res := Extract(d)
	want := map[string]Ref{"military coup": novak, "food prices": petrov, "administrative measures": novak}
	for words, who := range want {
		found := false
		for _, c := range res.Claims {
			if c.Relation == "opposes" && c.Object.Class == "Proposal" && strings.Contains(strings.ToLower(c.Object.Name), words) {
				found = true
				if c.Subject != who {
					t.Errorf("%q opposed by %s, want %s", words, c.Subject.Name, who.Name)
				}
			}
		}
		if !found {
			t.Errorf("%q: not opposed:%s", words, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Subject == laos || strings.HasPrefix(c.Evidence, "This would") {
			t.Errorf("a state of affairs or an unresolved 'this' read as a course opposed: %+v", c)
		}
	}
}

// Courses of action advocated without "propose": "we are prepared to work
// for the withdrawal of ...", "As a first step, Laos should halt the
// airlift ..." in a memorandum, "spoke in favour of the party itself
// taking the initiative ..."; what follows "especially" is part of a
// proposal's text. Not "work for a positive outcome", nor advice in
// someone's reported words, nor "should be".
func TestAdvocatedCourses(t *testing.T) {
	text := "1. We are prepared to work for the withdrawal of all foreign forces from Burundi. " +
		"2. As a first step, Laos should halt the airlift of arms and troops before the summit. " +
		"Laos should open the border crossings to refugees at once. 3. Our delegate will work for a positive outcome. Novák said that Laos should close its border. The Soviet Union should be more careful.\n\nB. Horváth"
	d := doc("memorandum", []string{horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "B. Horváth": horvath, "Laos": laos, "Burundi": burundi, "Soviet Union": ussr})
	res := Extract(d)
	for _, words := range []string{"withdrawal of all foreign forces", "halt the airlift", "open the border crossings"} {
		found := false
		for _, c := range res.Claims {
			found = found || c.Subject == horvath && c.Relation == "proposes" && strings.Contains(strings.ToLower(c.Object.Name), words)
		}
		if !found {
			t.Errorf("%q is not the writer's proposal:%s", words, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Relation == "proposes" && (strings.Contains(c.Object.Name, "outcome") || strings.Contains(c.Object.Name, "close its border") || strings.Contains(c.Object.Name, "careful")) {
			t.Errorf("no course of action, or someone else's advice, read as the writer's: %+v", c)
		}
	}

	text = "Kovács: Welcome.\n\nSzabó: He spoke in favour of Laos itself taking the initiative for change. He proposed expanding economic cooperation, especially in microelectronics.\n\nKovács: Thank you."
	d = doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Laos": laos})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res = Extract(d)
	var initiative, micro bool
	for _, e := range res.Entities {
		initiative = initiative || strings.Contains(e.Name, "taking the initiative")
		micro = micro || strings.Contains(e.Text, "microelectronics")
	}
	if has(res, szabo.Name, "supports", laos.Name) != nil {
		t.Errorf("the one to take the course read as the one supported:%s", dump(res))
	}
	if !initiative || !micro {
		t.Errorf("the course spoken for, or the text after 'especially', is missing: %+v%s", res.Entities, dump(res))
	}
}

// Precision classes of reports and letters: a third party's report in a
// memorandum ("Our Embassy in Warsaw reports that ...") informs the
// writer's side, not the memorandum's addressee; "has informed the Soviet
// ambassador" informs someone the record does not name; greetings asked
// to be conveyed are no request; a fellow diplomat's briefing ("Soviet
// counsellor X told me") is no meeting the report records; the writers'
// own arrival is no visit; "We rejected them" rejects what "them" are,
// not a state; support "for the leadership headed by X" is for X.
func TestReportPrecisionClasses(t *testing.T) {
	text := "Our Embassy in Laos reports that the strike leaders have been detained. Comrade Kovács has informed the Soviet ambassador in Vientiane of this position. " +
		"Kovács asked that his personal greetings be conveyed to Novák. Soviet counsellor F. Szabó told me that the Soviet side agrees. We arrived in Vientiane at noon."
	d := doc("report", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Embassy in Laos": {"Organization", "Embassy in Laos"}, "Kovács": kovacs, "Novák": novak, "F. Szabó": szabo, "Vientiane": {"Place", "Vientiane"}})
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Relation == "informs" && c.Subject != petrov && c.Object != petrov || c.Relation == "requests" || c.Relation == "visits" || c.Relation == "meets" && (c.Object == szabo || c.Subject == szabo) {
			t.Errorf("false claim: %+v", c)
		}
	}
	text = "Novák: We rejected them then and we reject them now. The United States is not our enemy.\n\nKovács: In closing, I express my support for the Laos leadership headed by Comrade Szabó."
	d = doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Novák": novak, "Szabó": szabo, "United States": usa, "Laos": laos})
	d.Participants = []string{novak.Name, kovacs.Name}
	res = Extract(d)
	if c := has(res, novak.Name, "opposes", usa.Name); c != nil {
		t.Errorf("'them' read as a state: %+v", c)
	}
	if has(res, kovacs.Name, "supports", szabo.Name) == nil || has(res, kovacs.Name, "supports", laos.Name) != nil {
		t.Errorf("support for the leadership headed by Szabó is not his:%s", dump(res))
	}
}

// Agreement with the one who spoke before: "Brandt proposed that ...
// Kosygin agreed.", "Machel agreed with this assessment"; not with anyone
// where the sentence before has no other person for its subject.
func TestAgreementWithThePreviousSpeaker(t *testing.T) {
	text := "Record of Conversation between F. Szabó and J. Novák\n\nJ. Novák proposed that a mixed commission on economic cooperation be set up before the end of the year. P. Kovács agreed.\n\n" +
		"F. Szabó warned that the plans of the West are aimed at dividing the movement. Novák agreed with this assessment.\n\nThe weather was cold. Kovács agreed."
	d := doc("conversation", nil, nil, text, map[string]Ref{"J. Novák": novak, "Novák": novak, "P. Kovács": kovacs, "Kovács": kovacs, "F. Szabó": szabo})
	d.Participants = []string{szabo.Name, novak.Name}
	res := Extract(d)
	for _, want := range [][3]string{{kovacs.Name, "agrees_with", novak.Name}, {novak.Name, "agrees_with", szabo.Name}} {
		c := has(res, want[0], want[1], want[2])
		if c == nil {
			t.Errorf("missing %v:%s", want, dump(res))
			continue
		}
		if !strings.Contains(c.Evidence, "proposed") && !strings.Contains(c.Evidence, "warned") {
			t.Errorf("%v: the evidence does not show whom: %q", want, c.Evidence)
		}
	}
	n := 0
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "agrees_with" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Kovács agrees %d times, want once (the second 'agreed' follows no speaker):%s", n, dump(res))
	}
}

// A report several sign speaks with its first signatory's voice: "We agree
// with this assessment" is his, not each co-signer's.
func TestJointSignatoriesSpeakAsTheFirst(t *testing.T) {
	text := "To Comrade Novák.\n\nComrade Szabó considers that the strikes were prepared from abroad. We agree with this assessment. We report the situation as of midnight.\n\nP. KOVÁCS\nB. HORVÁTH"
	d := doc("report", []string{kovacs.Name, horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "Szabó": szabo, "P. KOVÁCS": kovacs, "B. HORVÁTH": horvath})
	res := Extract(d)
	if has(res, kovacs.Name, "agrees_with", szabo.Name) == nil {
		t.Errorf("the first signatory's agreement is missing:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Subject == horvath {
			t.Errorf("a co-signer made a claim of his own: %+v", c)
		}
	}
}

// "Record of Conversation between A, B and C": the title's last-named is
// the other side, whom each of the first met; each meeting is shown by a
// sentence naming both.
func TestThreeParticipantsMeetTheHost(t *testing.T) {
	text := "Kovács: We came to discuss the plenum.\n\nNovák: Welcome.\n\nSzabó: The Chinese side supports Kovács. Szabó told Novák that the plenum must meet again.\n\nNovák: I agree."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Novák": novak, "Szabó": szabo})
	d.Participants = []string{kovacs.Name, szabo.Name, novak.Name}
	res := Extract(d)
	for _, p := range []Ref{kovacs, szabo} {
		c := has(res, p.Name, "meets", novak.Name)
		if c == nil {
			c = has(res, novak.Name, "meets", p.Name)
		}
		if c == nil {
			t.Errorf("%s does not meet the host:%s", p.Name, dump(res))
		}
	}
	if c := has(res, kovacs.Name, "meets", szabo.Name); c != nil {
		t.Errorf("two of one side read as meeting each other: %+v", c)
	}
}

// A telegram or letter in a language whose persons are not read here
// (Czech, Spanish, ...) still informs its addressee, its first sentence
// standing for it.
func TestLetterInOtherLanguageInforms(t *testing.T) {
	for _, v := range []struct{ lang, text string }{
		{"cs", "Ministerstvu zahraničních věcí\n\nDnes ráno byla situace v hlavním městě klidná a obchody byly otevřeny.\n\nPavlíček"},
		{"es", "La Habana, 29 de julio de 1973\n\nEsta mañana la situación en la capital era tranquila y las tiendas estaban abiertas.\n\nPavlíček"},
	} {
		d := Doc{Kind: "telegram", Date: "1962-10-28", Authors: []string{kovacs.Name}, Recipients: []string{council.Name},
			Versions: []Version{{Role: "original", Lang: v.lang, Text: v.text}}}
		res := Extract(d)
		c := has(res, kovacs.Name, "informs", council.Name)
		if c == nil || !strings.Contains(c.Evidence, "capital") && !strings.Contains(c.Evidence, "hlavním") {
			t.Errorf("%s: the telegram does not inform its addressee by its first sentence:%s", v.lang, dump(res))
		}
	}
}

// Speaker labels with an abbreviated office ("Min. Kovács:", "Amb.
// Novák:") mark the speaker; a first-person request whose clause names the
// one asked after a comma ("Prosimy, aby Związek Radziecki poparł ...")
// asks that state; a reported one ("Kovács požádal, aby vláda Laosu ...")
// is the person's named before the verb.
func TestAbbreviatedLabelsAndRequestClauses(t *testing.T) {
	text := "Min. Kovács: Pragnę poinformować Pana Ambasadora o naszym planie.\n\nAmb. Novák: Rozumiem.\n\nMin. Kovács: Tak. Prosimy, aby Związek Radziecki poparł naszą propozycję w ONZ.\n\nSporządził: I. Petrov"
	d := Doc{Kind: "conversation", Date: "1957-09-28", Authors: []string{petrov.Name}, Participants: []string{kovacs.Name, novak.Name},
		Versions: []Version{{Role: "original", Lang: "pl", Text: text}}}
	place(&d, 0, map[string]Ref{"Kovács": kovacs, "Novák": novak, "Związek Radziecki": ussr, "I. Petrov": petrov})
	res := Extract(d)
	if has(res, kovacs.Name, "requests", ussr.Name) == nil {
		t.Errorf("pl: the minister's request is missing:%s", dump(res))
	}
	if c := has(res, petrov.Name, "requests", ussr.Name); c != nil {
		t.Errorf("pl: the note-taker read as the speaker: %+v", c)
	}
	cs := Doc{Kind: "telegram", Date: "1962-10-28", Authors: []string{petrov.Name}, Recipients: []string{council.Name},
		Versions: []Version{{Role: "original", Lang: "cs", Text: "Dnes jsem mluvil s ministrem. Kovács požádal, aby vláda Laosu tyto body veřejně podpořila.\n\nPetrov"}}}
	place(&cs, 0, map[string]Ref{"Kovács": kovacs, "vláda Laosu": {"Organization", "Government of Laos"}})
	if has(Extract(cs), kovacs.Name, "requests", "Government of Laos") == nil {
		t.Errorf("cs: the reported request is missing:%s", dump(Extract(cs)))
	}
}

// In a record of conversation, the one who thanks the other for the
// information was informed by them, in any language ("dankte für die
// offene Information", "Vă mulțumim pentru informare").
func TestThanksForTheInformation(t *testing.T) {
	for _, v := range []struct{ lang, text string }{
		{"de", "Genosse Kovács: Die Lage am Horn von Afrika ist ernst.\n\nGenosse Novák: Ich verstehe.\n\nGenosse Novák dankte für die offene Information."},
		{"ro", "Tovarășul Kovács: Situația este gravă.\n\nTovarășul Novák: Vă mulțumim pentru informare."},
		{"en", "Kovács: The situation is grave.\n\nNovák: Thank you for the information."},
	} {
		d := Doc{Kind: "conversation", Date: "1977-04-03", Participants: []string{kovacs.Name, novak.Name},
			Versions: []Version{{Role: "original", Lang: v.lang, Text: v.text}}}
		place(&d, 0, map[string]Ref{"Kovács": kovacs, "Novák": novak})
		res := Extract(d)
		if has(res, kovacs.Name, "informs", novak.Name) == nil {
			t.Errorf("%s: the information thanked for is missing:%s", v.lang, dump(res))
		}
		if has(res, novak.Name, "informs", kovacs.Name) != nil {
			t.Errorf("%s: the one who thanks read as informing", v.lang)
		}
	}
}

// The Russian original's report verb ("Косыгин сообщил, что ...") informs
// where the translation has only "said"; its infinitive ("просит
// сообщить") is asked for, not done.
func TestOriginalsReportVerb(t *testing.T) {
	d := Doc{Kind: "conversation", Date: "1973-10-18", Authors: []string{petrov.Name}, Participants: []string{kovacs.Name, novak.Name}, Versions: []Version{
		{Role: "translation", Lang: "en", Text: "Record of Conversation between P. Kovács and J. Novák\n\nKovács said that the troops had crossed the canal. Novák asked Kovács to find out whether a plane will be sent."},
		{Role: "original", Lang: "ru", Text: "Запись беседы П. Ковача с Я. Новаком\n\nКовач сообщил, что войска переправились через канал. Новак просит сообщить, пришлют ли самолёт."},
	}}
	place(&d, 0, map[string]Ref{"P. Kovács": kovacs, "Kovács": kovacs, "J. Novák": novak, "Novák": novak})
	place(&d, 1, map[string]Ref{"П. Ковача": kovacs, "Ковач": kovacs, "Я. Новаком": novak, "Новак": novak})
	res := Extract(d)
	if has(res, kovacs.Name, "informs", novak.Name) == nil {
		t.Errorf("the original's report is missing:%s", dump(res))
	}
	if c := has(res, novak.Name, "informs", kovacs.Name); c != nil {
		t.Errorf("an infinitive read as a report: %+v", c)
	}
}

// "I thank you for your visit to Vientiane last February": in a letter,
// the addressee's visit; "the possibility of your visit" is none.
func TestAddresseesVisit(t *testing.T) {
	vientiane := Ref{"Place", "Vientiane"}
	text := "Dear Comrade Novák,\n\nI sincerely thank you and your delegation for your visit to Vientiane last February. We discussed the possibility of your visit to Laos next year.\n\nB. Horváth"
	d := doc("letter", []string{horvath.Name}, []string{novak.Name}, text, map[string]Ref{"Novák": novak, "B. Horváth": horvath, "Vientiane": vientiane, "Laos": laos})
	res := Extract(d)
	if has(res, novak.Name, "visits", vientiane.Name) == nil {
		t.Errorf("the addressee's visit is missing:%s", dump(res))
	}
	if c := has(res, novak.Name, "visits", laos.Name); c != nil {
		t.Errorf("a possible visit read as made: %+v", c)
	}
}
