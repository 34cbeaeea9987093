package claim

import (
	"strings"
	"testing"
)

var (
	oduya  = Ref{"Person", "Ade Oduya"}
	lindqv = Ref{"Person", "Eva Lindqvist"}
)

// Each way of marking a turn gives its speaker the statements that follow,
// and the two speakers meet: a name closed by a dash, a name alone on its
// line above the speech, capitals with initials closed by a full stop, an
// initial a key line defines, and a role the record gives a person once.
func TestSpeakerMarkShapes(t *testing.T) {
	long := " The harvest in the north has failed for the second year running."
	for _, c := range []struct {
		name, text string
		names      map[string]Ref
	}{
		{"name, full stop and em dash", "Mr. Oduya. — We propose that the two ministries meet in May." + long +
			"\n\nMrs. Lindqvist. — We agree with Mr. Oduya. We cannot accept any delay.\n\nMr. Oduya. — Thank you.",
			map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv}},
		{"capitals and en dash", "ODUYA – We propose that the two ministries meet in May." + long +
			"\n\nLINDQVIST – We agree with Oduya. We cannot accept any delay.\n\nODUYA – Thank you.",
			map[string]Ref{"ODUYA": oduya, "Oduya": oduya, "LINDQVIST": lindqv}},
		{"name alone on its line", "Oduya\nWe propose that the two ministries meet in May." + long +
			"\n\nLindqvist\nWe agree with Oduya. We cannot accept any delay, and the ministries know it well.\n\nOduya\nThank you, that is all we wished to say today.",
			map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv}},
		{"initials and capitals, full stop", "A.B. ODUYA. We propose that the two ministries meet in May." + long +
			"\n\nE. LINDQVIST. We agree with Oduya. We cannot accept any delay.\n\nA.B. ODUYA. Thank you.",
			map[string]Ref{"ODUYA": oduya, "Oduya": oduya, "LINDQVIST": lindqv}},
		{"initials from a key line", "Participants: O. = Minister Ade Oduya; L. = Minister Eva Lindqvist.\n\nO.: We propose that the two ministries meet in May." + long +
			"\n\nL.: We agree with Minister Oduya. We cannot accept any delay.\n\nO.: Thank you.",
			map[string]Ref{"Ade Oduya": oduya, "Oduya": oduya, "Eva Lindqvist": lindqv}},
		{"role given once", "Talks between the Foreign Minister Ade Oduya and the Trade Commissioner Eva Lindqvist.\n\nForeign Minister.— We propose that the two ministries meet in May." + long +
			"\n\nTrade Commissioner.— We agree with the Foreign Minister. We cannot accept any delay.\n\nForeign Minister.— Thank you.",
			map[string]Ref{"Ade Oduya": oduya, "Eva Lindqvist": lindqv}},
	} {
		d := doc("conversation", nil, nil, c.text, c.names)
		res := Extract(d)
		if has(res, oduya.Name, "meets", lindqv.Name) == nil && has(res, lindqv.Name, "meets", oduya.Name) == nil {
			t.Errorf("%s: the two speakers do not meet:%s", c.name, dump(res))
		}
		var prop, opp bool
		for _, cl := range res.Claims {
			if cl.Relation == "proposes" && cl.Subject == oduya {
				prop = true
			}
			if cl.Relation == "proposes" && cl.Subject != oduya {
				t.Errorf("%s: the proposal given to %v:%s", c.name, cl.Subject, dump(res))
			}
			if cl.Relation == "opposes" && cl.Subject == lindqv {
				opp = true
			}
		}
		if !prop {
			t.Errorf("%s: the first speaker's proposal is missing:%s", c.name, dump(res))
		}
		if !opp && has(res, lindqv.Name, "agrees_with", oduya.Name) == nil {
			t.Errorf("%s: the second speaker's stance is missing:%s", c.name, dump(res))
		}
	}
}

// A person's name alone on a line of a list or at the foot of the record
// is no speaker mark: nothing is attributed to it.
func TestNameLineWithoutSpeechIsNoMark(t *testing.T) {
	text := "Present:\nOduya\nLindqvist\n\nThe ministers propose that the two ministries meet in May.\n\nOduya"
	d := doc("conversation", nil, nil, text, map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv})
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Relation == "proposes" && (c.Subject == oduya || c.Subject == lindqv) {
			t.Errorf("a name in a list made a speaker: %s", dump(res))
		}
	}
}

// A Slovak record of talks, each speaker's surname alone on its line: the
// first-person agreement, request and charge are the speaker's.
func TestSlovakTurnsUnderNameLines(t *testing.T) {
	party := Ref{"Organization", "Strana práce"}
	text := "Záznam z rokovania\n\nOduya\nŽiadame vás, aby ste zajtra otvorili hranice pre všetkých občanov bez výnimky.\n\n" +
		"Lindqvist\nSúhlasím s pánom Oduyom, hranice otvoríme zajtra ráno o ôsmej hodine.\n\n" +
		"Oduya\nObviňujeme vedenie Strany práce, že včera posielalo políciu proti študentom."
	d := Doc{Kind: "conversation", Date: "1989-11-22", Versions: []Version{{Role: "original", Lang: "sk", Text: text}}}
	place(&d, 0, map[string]Ref{"Oduya": oduya, "Oduyom": oduya, "Lindqvist": lindqv, "Strany práce": party})
	res := Extract(d)
	if c := has(res, lindqv.Name, "agrees_with", oduya.Name); c == nil {
		t.Errorf("Slovak agreement not the speaker's:%s", dump(res))
	}
	if c := has(res, oduya.Name, "requests", lindqv.Name); c == nil {
		t.Errorf("Slovak request of the addressee missing:%s", dump(res))
	}
	if c := has(res, oduya.Name, "accuses", party.Name); c == nil {
		t.Errorf("Slovak charge missing:%s", dump(res))
	}
}

// Turns marked by a role alone ("Premier:", "President:") belong to the
// person the record introduces with that role; another holder of the same
// title named later in the talk ("President Ho") does not take them.
func TestRoleLabelsWithColon(t *testing.T) {
	ho := Ref{"Person", "Ho Chi Minh"}
	text := "PREMIER ODUYA AND PRESIDENT LINDQVIST\n\nTime: 9 p.m.\n\n" +
		"Premier: We propose that our two ministries meet in May to settle the grain question.\n\n" +
		"President: We agree with you. We cannot accept any delay.\n\n" +
		"Premier: Please greet President Ho for us.\n\nPresident: I will."
	d := doc("conversation", nil, nil, text, map[string]Ref{"PREMIER ODUYA": oduya, "LINDQVIST": lindqv, "President Ho": ho})
	res := Extract(d)
	if has(res, oduya.Name, "meets", lindqv.Name) == nil && has(res, lindqv.Name, "meets", oduya.Name) == nil {
		t.Errorf("the two roles do not meet:%s", dump(res))
	}
	if c := has(res, lindqv.Name, "agrees_with", oduya.Name); c == nil || c.Attributed != lindqv {
		t.Errorf("the President's agreement is not Lindqvist's:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Subject == ho || c.Attributed == ho {
			t.Errorf("a later holder of the title took the turns: %s", dump(res))
		}
	}
}

// "Súhlasím." agrees with the one who spoke last; where the last turn is
// under a name the record does not resolve, the agreement names no one
// rather than the speaker before.
func TestBareAgreementAfterAnUnknownSpeaker(t *testing.T) {
	text := "Oduya\nŽiadame vás, aby ste zajtra otvorili hranice pre všetkých občanov bez výnimky.\n\n" +
		"Mensah\nNavrhujem, aby vláda a výbor zriadili spoločnú komisiu pre hranice a colnice.\n\n" +
		"Lindqvist\nS komisiou súhlasím.\n\n" +
		"Oduya\nĎakujeme, ďalšie rokovanie bude v piatok o desiatej hodine."
	d := Doc{Kind: "conversation", Date: "1989-11-22", Versions: []Version{{Role: "original", Lang: "sk", Text: text}}}
	place(&d, 0, map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv})
	res := Extract(d)
	if c := has(res, lindqv.Name, "agrees_with", oduya.Name); c != nil {
		t.Errorf("agreement given to the speaker before the unknown one:%s", dump(res))
	}
	text2 := strings.Replace(text, "Mensah\n", "Oduya\n", 1)
	d = Doc{Kind: "conversation", Date: "1989-11-22", Versions: []Version{{Role: "original", Lang: "sk", Text: text2}}}
	place(&d, 0, map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv})
	if c := has(Extract(d), lindqv.Name, "agrees_with", oduya.Name); c == nil {
		t.Errorf("agreement with the last speaker missing:%s", dump(Extract(d)))
	}
}

// "I want to inform you of ...", "I have to tell you grave news": saying
// so informs the one addressed; a wish in the past or a promise does not.
func TestPerformativeInforming(t *testing.T) {
	text := "Oduya: Good evening. I want to inform you directly of the result of last night's talks.\n\n" +
		"Lindqvist: Thank you. I wanted to tell you the same yesterday, and I will inform you of our answer tomorrow.\n\n" +
		"Oduya: We agree with you."
	d := doc("transcript", nil, nil, text, map[string]Ref{"Oduya": oduya, "Lindqvist": lindqv})
	res := Extract(d)
	if c := has(res, oduya.Name, "informs", lindqv.Name); c == nil || c.Attributed != oduya && c.Attributed != (Ref{}) {
		t.Errorf("'I want to inform you' is no informing:%s", dump(res))
	}
	if c := has(res, lindqv.Name, "informs", oduya.Name); c != nil {
		t.Errorf("a past wish or a promise read as informing: %s", c.Evidence)
	}
}

// "I urged her ... to ask them to press the government": an asking urged
// on someone else is no request of the writer's; "I want to ask you to
// ..." is one, made by saying so.
func TestInfinitiveAskingIsNoRequest(t *testing.T) {
	cairo := Ref{"Country", "Egypt"}
	text := "I urged the Prime Minister to write to the heads of government and to ask Egypt to press for the release of the prisoners.\n\n" +
		"I want to ask you to send the report by Friday."
	d := doc("diary", []string{oduya.Name}, []string{lindqv.Name}, text, map[string]Ref{"Egypt": cairo})
	res := Extract(d)
	if has(res, oduya.Name, "requests", cairo.Name) != nil {
		t.Errorf("an asking urged on another made the writer's request:%s", dump(res))
	}
	if has(res, oduya.Name, "requests", lindqv.Name) == nil {
		t.Errorf("'I want to ask you to send' is no request:%s", dump(res))
	}
}

// Mongolian minutes mark each turn "Name хэлэв:" ("Name said:"): the two
// who speak are the record's participants and meet.
func TestMongolianSaidLabels(t *testing.T) {
	a := Ref{"Person", "Dorjiin Bat"}
	b := Ref{"Person", "Luvsangiin Tsend"}
	text := "Д.Бат хэлэв: Өнөөдөр бид хоёр улсын худалдааны асуудлыг хэлэлцэнэ.\n\n" +
		"Л.Цэнд хэлэв: Би санал нэг байна.\n\nД.Бат хэлэв: Баярлалаа."
	d := Doc{Kind: "conversation", Date: "1990-03-09", Versions: []Version{{Role: "original", Lang: "mn", Text: text}}}
	place(&d, 0, map[string]Ref{"Д.Бат": a, "Л.Цэнд": b})
	res := Extract(d)
	if has(res, a.Name, "meets", b.Name) == nil && has(res, b.Name, "meets", a.Name) == nil {
		t.Errorf("the speakers marked 'хэлэв:' do not meet:%s", dump(res))
	}
}
