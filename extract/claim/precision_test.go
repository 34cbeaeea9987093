package claim

import (
	"strings"
	"testing"
)

var (
	gromyko  = Ref{"Person", "Andrei Gromyko"}
	kennedy  = Ref{"Person", "John F. Kennedy"}
	nixon    = Ref{"Person", "Richard Nixon"}
	cuba     = Ref{"Country", "Cuba"}
	moscow   = Ref{"Place", "Moscow"}
	cccpsu   = Ref{"Organization", "Central Committee of the Communist Party of the Soviet Union"}
	khrushch = Ref{"Person", "Nikita Khrushchev"}
	tito     = Ref{"Person", "Josip Broz Tito"}
	yugoslav = Ref{"Country", "Yugoslavia"}
	bulganin = Ref{"Person", "Nikolai Bulganin"}
	mikoyan  = Ref{"Person", "Anastas Mikoyan"}
	hungary  = Ref{"Country", "Hungary"}
)

// A cable of 1962: reported, passive, planned and headline statements are
// not the author's claims.
func TestNotTheAuthorsClaims(t *testing.T) {
	text := "To the CC CPSU.\n\nIn addition to my No 2390.\n\nToday I met Kennedy. Kennedy said that the United States supports the Cuban exiles. " +
		"I told Kennedy that the Soviet Union rejects the American demand for an inspection of Cuba.\n\n" +
		"The Cuban comrades will be informed of the results of this conversation.\n\n" +
		"Kennedy proposed to visit Moscow in the spring. The possibility of Nixon's visit to the Soviet Union was also touched on.\n\n" +
		"The papers came out under the headline:\n\nSOVIET PROPOSAL ON CUBA REJECTED\n\n" +
		"The Western radio stations claim that the Soviet Union supports the exiles.\n\nI ask you to send me instructions."
	d := doc("telegram", []string{"Andrei Gromyko"}, []string{cccpsu.Name}, text, map[string]Ref{
		"Kennedy": kennedy, "Nixon": nixon, "Cuba": cuba, "Moscow": moscow, "Soviet Union": ussr, "United States": usa,
		"CC CPSU": cccpsu, "Cuban": cuba, "American": usa})
	res := Extract(d)
	for _, bad := range [][3]string{
		{"Cuba", "informs", cccpsu.Name},                // "will be informed": passive, no informant
		{"John F. Kennedy", "visits", "Moscow"},         // "proposed to visit": a plan
		{"Andrei Gromyko", "visits", "Soviet Union"},    // Nixon's visit is Nixon's
		{"Richard Nixon", "visits", "Soviet Union"},     // only the possibility of it
		{"Soviet Union", "proposes", "Soviet proposal"}, // a newspaper headline
		{"Soviet Union", "opposes", "United States"},    // the demand is opposed, not the state
		{"Soviet Union", "supports", "United States"},   // hearsay of the radio stations
	} {
		if has(res, bad[0], bad[1], bad[2]) != nil {
			t.Errorf("false claim %v:%s", bad, dump(res))
		}
	}
	for _, c := range res.Claims {
		if c.Relation == "supports" && c.Subject == ussr {
			t.Errorf("hearsay read as a claim: %+v", c)
		}
		if c.Evidence == "In addition to my No 2390." {
			t.Errorf("a claim whose evidence shows neither party: %+v", c)
		}
	}
	if has(res, "Andrei Gromyko", "meets", "John F. Kennedy") == nil && has(res, "John F. Kennedy", "meets", "Andrei Gromyko") == nil {
		t.Errorf("no meeting with Kennedy:%s", dump(res))
	}
	if has(res, "Andrei Gromyko", "informs", "John F. Kennedy") == nil {
		t.Errorf("'I told Kennedy that' is no informs claim:%s", dump(res))
	}
	if has(res, "Andrei Gromyko", "requests", cccpsu.Name) == nil {
		t.Errorf("no request for instructions:%s", dump(res))
	}
	// what Kennedy said is his, not the author's
	if c := has(res, "United States", "supports", "Cuba"); c != nil && c.Attributed != kennedy {
		t.Errorf("Kennedy's words attributed to %v", c.Attributed)
	}
}

// A record of conversation of 1956: "We agree with you that ... is
// unacceptable" is the stance of both; "the proposal of Khrushchev" is the
// one he made; an object "it" is not its own clause's subject.
func TestStancesInConversation(t *testing.T) {
	text := "Khrushchev: The Americans have put forward a proposal to send observers to Hungary.\n\n" +
		"Tito: We agree with you that the American proposal is unacceptable. Yugoslavia will not support it.\n\n" +
		"Khrushchev: We propose to send Mikoyan to Budapest.\n\n" +
		"Tito: We have no objection.\n\n" +
		"Khrushchev: Comrade Bulganin supports the proposal of Khrushchev, as do I."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Khrushchev": khrushch, "Tito": tito, "Yugoslavia": yugoslav,
		"Bulganin": bulganin, "Mikoyan": mikoyan, "Hungary": hungary})
	res := Extract(d)
	for _, want := range [][3]string{
		{"Josip Broz Tito", "opposes", "American proposal"},
		{"Nikita Khrushchev", "opposes", "American proposal"},
		{"Yugoslavia", "opposes", "American proposal"},
		{"Josip Broz Tito", "agrees_with", "Nikita Khrushchev"},
		{"United States", "proposes", "American proposal"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v:%s", want, dump(res))
		}
	}
	if has(res, "Nikolai Bulganin", "supports", "Nikita Khrushchev") != nil {
		t.Errorf("support for a proposal read as support for its author:%s", dump(res))
	}
	found := false
	for _, c := range res.Claims {
		if c.Subject == bulganin && c.Relation == "supports" && c.Object.Class == "Proposal" {
			found = true
		}
	}
	if !found {
		t.Errorf("Bulganin's support for Khrushchev's proposal is missing:%s", dump(res))
	}
}

// A Russian record of conversation whose second speaker the recogniser does
// not know: "Кадар:" is the participant the title names as "J. Kádár".
func TestUnknownSpeakerLabel(t *testing.T) {
	text := "Присутствовали: т.т. Маленков, Микоян.\n\nХрущев: Мы согласны с Вами, что предложение американцев неприемлемо.\n\n" +
		"Кадар: Мы просим Вас направить группу советников.\n\nХрущев: Хорошо.\n\nПереводчики: т. Иванов."
	d := Doc{Kind: "conversation", Date: "1957-01-10", Participants: []string{"Nikita Khrushchev", "J. Kádár"},
		Versions: []Version{{Role: "original", Lang: "ru", Text: text}}}
	r := []rune(text)
	for _, l := range []string{"Хрущев", "Маленков", "Микоян"} {
		lr := []rune(l)
		for i := 0; i+len(lr) <= len(r); i++ {
			if string(r[i:i+len(lr)]) == l {
				name := map[string]string{"Хрущев": "Nikita Khrushchev", "Маленков": "Georgy Malenkov", "Микоян": "Anastas Mikoyan"}[l]
				d.Mentions = append(d.Mentions, Mention{Start: i, End: i + len(lr), Name: name, Class: "Person"})
			}
		}
	}
	res := Extract(d)
	for _, want := range [][3]string{
		{"Nikita Khrushchev", "agrees_with", "J. Kádár"},
		{"Nikita Khrushchev", "opposes", "American proposal"},
		{"J. Kádár", "opposes", "American proposal"},
		{"J. Kádár", "requests", "Nikita Khrushchev"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v:%s", want, dump(res))
		}
	}
	if c := has(res, "J. Kádár", "requests", "Nikita Khrushchev"); c != nil && c.Attributed.Name != "J. Kádár" {
		t.Errorf("Kádár's request attributed to %v", c.Attributed)
	}
	for _, c := range res.Claims {
		if c.Subject.Name == "Переводчики" || c.Object.Name == "Переводчики" {
			t.Errorf("a list of interpreters read as a speaker: %+v", c)
		}
	}
}

// Both versions: a claim read in the translation has the original's
// sentence too, and a stance only the original states still counts.
func TestEveryVersion(t *testing.T) {
	ru := "Товарищу Хо Ши Мину.\n\nМы согласны с Вами, что предложение французов неприемлемо.\n\nМы поддерживаем предложение индийцев."
	en := "To Comrade Ho Chi Minh.\n\nWe agree with you that the proposal of the French is unacceptable."
	d := Doc{Kind: "letter", Date: "1954-03-20", Authors: []string{"Vyacheslav Molotov"}, Recipients: []string{"Ho Chi Minh"},
		Versions: []Version{{Role: "original", Lang: "ru", Text: ru}, {Role: "translation", Lang: "en", Text: en}}}
	place := func(vi int, text, label, name, class string) {
		r, l := []rune(text), []rune(label)
		for i := 0; i+len(l) <= len(r); i++ {
			if string(r[i:i+len(l)]) == label {
				d.Mentions = append(d.Mentions, Mention{Version: vi, Start: i, End: i + len(l), Name: name, Class: class})
			}
		}
	}
	place(0, ru, "Хо Ши Мину", "Ho Chi Minh", "Person")
	place(1, en, "Ho Chi Minh", "Ho Chi Minh", "Person")
	res := Extract(d)
	c := has(res, "Vyacheslav Molotov", "opposes", "French proposal")
	if c == nil || c.Version != 1 {
		t.Fatalf("the translation's claim is missing:%s", dump(res))
	}
	if len(c.Aligned) != 1 || c.Aligned[0].Version != 0 || c.Aligned[0].Text != "Мы согласны с Вами, что предложение французов неприемлемо." {
		t.Errorf("the original's sentence is not aligned: %+v", c.Aligned)
	}
	if c := has(res, "Vyacheslav Molotov", "supports", "Indian proposal"); c == nil || c.Version != 0 {
		t.Errorf("the stance only the original states is missing:%s", dump(res))
	}
}

// A letter of 1960: "ask you to support it" is a request, not support;
// "your talks with X" are the addressee's; "you" after a verb is no subject.
func TestRequestNotStance(t *testing.T) {
	nehru := Ref{"Person", "Jawaharlal Nehru"}
	zhou := Ref{"Person", "Zhou Enlai"}
	text := "Dear Mr. Prime Minister,\n\nThank you for the information on your talks with Zhou Enlai.\n\n" +
		"I am sending you the text of our proposal on general and complete disarmament and ask you to support it at the conference."
	res := Extract(doc("letter", []string{khrushch.Name}, []string{nehru.Name}, text, map[string]Ref{"Zhou Enlai": zhou}))
	if has(res, nehru.Name, "meets", zhou.Name) == nil || has(res, khrushch.Name, "meets", zhou.Name) != nil {
		t.Errorf("your talks with Zhou Enlai are Nehru's:%s", dump(res))
	}
	if has(res, khrushch.Name, "requests", nehru.Name) == nil {
		t.Errorf("no request:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Subject == nehru && c.Relation == "supports" {
			t.Errorf("a request to support read as support: %+v", c)
		}
	}
	if has(res, khrushch.Name, "proposes", "Proposal on general and complete disarmament") == nil {
		t.Errorf("the coordinated topic is cut short:%s", dump(res))
	}
}

// A record of conversation that does not mark its speakers: the title's
// participants meet.
func TestTitleParticipantsMeet(t *testing.T) {
	text := "The conversation took place in the Kremlin. Khrushchev and Tito discussed the events in Hungary at length."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Khrushchev": khrushch, "Tito": tito, "Hungary": hungary})
	d.Participants = []string{khrushch.Name, tito.Name}
	res := Extract(d)
	c := has(res, khrushch.Name, "meets", tito.Name)
	if c == nil || !strings.Contains(c.Evidence, "Tito") {
		t.Errorf("the participants do not meet:%s", dump(res))
	}
}

// Accusations name all their targets; an attack on "our party" is the
// speaker's complaint; Russian first-person verbs are the writer's.
func TestAccusationsAndRussianPersons(t *testing.T) {
	pak := Ref{"Country", "Pakistan"}
	prc := Ref{"Country", "People's Republic of China"}
	text := "Kim Il Sung accused the United States, together with Pakistan and China, of arming the insurgents.\n\nHe attacked our party at the congress."
	d := doc("report", []string{"Andrei Gromyko"}, nil, text, map[string]Ref{"Kim Il Sung": kim, "United States": usa, "Pakistan": pak, "China": prc})
	res := Extract(d)
	for _, o := range []string{"United States", "Pakistan", "People's Republic of China"} {
		if has(res, kim.Name, "accuses", o) == nil {
			t.Errorf("Kim's accusation of %s is missing:%s", o, dump(res))
		}
	}
	if has(res, "Andrei Gromyko", "accuses", kim.Name) == nil || has(res, kim.Name, "accuses", "Andrei Gromyko") != nil {
		t.Errorf("'he attacked our party' is the writer's accusation of him:%s", dump(res))
	}
	ru := "Товарищу Брежневу.\n\nМы решительно осуждаем провокации китайской стороны и полностью поддерживаем заявление Советского правительства."
	rd := Doc{Kind: "letter", Date: "1969-03-20", Authors: []string{"Yumjaagiin Tsedenbal"}, Recipients: []string{"Leonid Brezhnev"},
		Versions: []Version{{Role: "original", Lang: "ru", Text: ru}}}
	if i := strings.Index(ru, "Советского"); i >= 0 {
		s := len([]rune(ru[:i]))
		rd.Mentions = append(rd.Mentions, Mention{Start: s, End: s + len([]rune("Советского")), Name: "Soviet Union", Class: "Country"})
	}
	rres := Extract(rd)
	for _, c := range rres.Claims {
		if c.Relation == "supports" && c.Subject.Name != "Yumjaagiin Tsedenbal" {
			t.Errorf("'поддерживаем' is the writer's support, not %v's", c.Subject)
		}
	}
}

// Minutes in Romanian with an English summary only: the speakers' own
// agreement and requests are read from the original; someone else's words
// are not.
func TestOtherLanguageMinutes(t *testing.T) {
	ceau := Ref{"Person", "Nicolae Ceaușescu"}
	romania := Ref{"Country", "Romania"}
	ro := "Tovarășul Nicolae Ceaușescu: Venim de la Beijing. Partidul nostru are o poziție clară.\n\n" +
		"Tovarășul Kim Ir Sen: Suntem de acord cu dumneavoastră că fiecare partid trebuie să fie independent. Cerem sprijinul Romania pentru această poziție.\n\n" +
		"Tovarășul Nicolae Ceaușescu: Kim Ir Sen a spus că este de acord cu Romania."
	en := "Ceaușescu and Kim Il Sung discuss relations with China."
	d := Doc{Kind: "conversation", Date: "1971-06-10", Participants: []string{ceau.Name, kim.Name},
		Versions: []Version{{Role: "translation", Lang: "en", Text: en}, {Role: "original", Lang: "ro", Text: ro}}}
	r := []rune(ro)
	for label, ref := range map[string]Ref{"Nicolae Ceaușescu": ceau, "Kim Ir Sen": kim, "Romania": romania} {
		l := []rune(label)
		for i := 0; i+len(l) <= len(r); i++ {
			if string(r[i:i+len(l)]) == label {
				d.Mentions = append(d.Mentions, Mention{Version: 1, Start: i, End: i + len(l), Name: ref.Name, Class: ref.Class})
			}
		}
	}
	res := Extract(d)
	for _, want := range [][3]string{
		{kim.Name, "agrees_with", ceau.Name},
		{kim.Name, "requests", "Romania"},
		{kim.Name, "meets", ceau.Name},
	} {
		if c := has(res, want[0], want[1], want[2]); c == nil && !(want[1] == "meets" && has(res, want[2], want[1], want[0]) != nil) {
			t.Errorf("missing %v:%s", want, dump(res))
		}
	}
	if has(res, ceau.Name, "agrees_with", "Romania") != nil {
		t.Errorf("Kim's reported words read as Ceaușescu's:%s", dump(res))
	}
}

// Working notes of a session: "Com. Bulganin: I agree with Com.
// Khrushchev." is Bulganin's; a session of many speakers is no meeting of
// two.
func TestWorkingNotesSession(t *testing.T) {
	molotov := Ref{"Person", "Vyacheslav Molotov"}
	zhukov := Ref{"Person", "Georgy Zhukov"}
	text := "Present: Bulganin, Molotov, Khrushchev, Zhukov.\n\nCom. Khrushchev: We must not withdraw the troops from Hungary.\n\n" +
		"Com. Zhukov: The military side is ready.\n\nCom. Bulganin: I agree with Com. Khrushchev.\n\nCom. Molotov: The declaration was a compromise."
	d := doc("working_notes", []string{"V. N. Malin"}, nil, text, map[string]Ref{"Khrushchev": khrushch, "Bulganin": bulganin,
		"Molotov": molotov, "Zhukov": zhukov, "Hungary": hungary})
	res := Extract(d)
	if c := has(res, bulganin.Name, "agrees_with", khrushch.Name); c == nil || c.Attributed != bulganin {
		t.Errorf("Bulganin's agreement is missing or not his:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Relation == "meets" {
			t.Errorf("a session read as a meeting of two: %+v", c)
		}
	}
}

// A meeting or a visit keeps the date its sentence gives.
func TestEventDates(t *testing.T) {
	budapest := Ref{"Place", "Budapest"}
	text := "Mikoyan visited Budapest on 24 October and met Khrushchev. Khrushchev met Tito in April 1956."
	d := doc("report", []string{"Andrei Gromyko"}, nil, text, map[string]Ref{"Mikoyan": mikoyan, "Budapest": budapest, "Khrushchev": khrushch, "Tito": tito})
	d.Date = "1956-10-31"
	res := Extract(d)
	if c := has(res, mikoyan.Name, "visits", "Budapest"); c == nil || c.When != "1956-10-24" {
		t.Errorf("the visit's date: %+v%s", c, dump(res))
	}
	if c := has(res, khrushch.Name, "meets", tito.Name); c == nil || c.When != "1956-04" {
		t.Errorf("the meeting's date: %+v%s", c, dump(res))
	}
}

// A telegram wrapped in capitals is no heading: its lines still speak.
func TestCapitalTelegramIsNoHeadline(t *testing.T) {
	text := "KIM IL SUNG RECEIVED ME TODAY\nAND ACCUSED THE UNITED STATES OF AGGRESSION\nAGAINST THE DPRK\n\nSOVIET PROPOSAL ON KOREA\n\nEND."
	d := doc("cable", []string{"Andrei Gromyko"}, nil, text, map[string]Ref{"KIM IL SUNG": kim, "UNITED STATES": usa, "SOVIET": ussr})
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Relation == "proposes" {
			t.Errorf("a heading between blank lines read as a claim: %+v", c)
		}
	}
}

// The speaker's refusal opposes the course of action; what others will not
// do is not the speaker's stance.
func TestRefusal(t *testing.T) {
	israel := Ref{"Country", "Israel"}
	text := "Nasser: But we will not negotiate directly with Israel.\n\nPodgorny: The Americans will not withdraw their fleet.\n\nNasser: We agree."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Nasser": {"Person", "Gamal Abdel Nasser"}, "Podgorny": {"Person", "Nikolai Podgorny"}, "Israel": israel})
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		if c.Subject.Name == "Gamal Abdel Nasser" && c.Relation == "opposes" && strings.Contains(c.Object.Name, "Israel") {
			found = true
		}
		if c.Subject.Name == "Nikolai Podgorny" && c.Relation == "opposes" {
			t.Errorf("what the Americans will not do read as Podgorny's opposition: %+v", c)
		}
	}
	if !found {
		t.Errorf("Nasser's refusal to negotiate is missing:%s", dump(res))
	}
}
