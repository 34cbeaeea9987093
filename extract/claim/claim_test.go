package claim

import (
	"strings"
	"testing"
)

// doc builds a one-version English document with mentions placed on the
// given names wherever they occur.
func doc(kind string, authors, recipients []string, text string, names map[string]Ref) Doc {
	d := Doc{Kind: kind, Date: "1951-03-02", Authors: authors, Recipients: recipients,
		Versions: []Version{{Role: "translation", Lang: "en", Text: text}}}
	r := []rune(text)
	for label, ref := range names {
		l := []rune(label)
		for i := 0; i+len(l) <= len(r); i++ {
			if string(r[i:i+len(l)]) == label {
				d.Mentions = append(d.Mentions, Mention{Start: i, End: i + len(l), Name: ref.Name, Class: ref.Class})
			}
		}
	}
	return d
}

var (
	stalin = Ref{"Person", "Joseph Stalin"}
	mao    = Ref{"Person", "Mao Zedong"}
	kim    = Ref{"Person", "Kim Il Sung"}
	ussr   = Ref{"Country", "Soviet Union"}
	usa    = Ref{"Country", "United States"}
	india  = Ref{"Country", "India"}
	ceylon = Ref{"Country", "Sri Lanka"}
)

func has(res Result, s, rel, o string) *Claim {
	for i, c := range res.Claims {
		if c.Subject.Name == s && c.Relation == rel && c.Object.Name == o {
			return &res.Claims[i]
		}
	}
	return nil
}

func dump(res Result) string {
	var b strings.Builder
	for _, c := range res.Claims {
		b.WriteString("\n  " + c.Subject.Name + " " + c.Relation + " " + c.Object.Name + ": " + c.Evidence)
	}
	return b.String()
}

func TestLetterFirstAndSecondPerson(t *testing.T) {
	text := "To Comrade Kim Il Sung.\n\nWe share your opinion on the armistice. The Canadians are the agents of the USA. If the Canadians table their proposal at the conference, the delegation of the USSR will vote against it."
	d := doc("letter", []string{"Joseph Stalin"}, []string{"Kim Il Sung"}, text,
		map[string]Ref{"Kim Il Sung": kim, "USA": usa, "USSR": ussr})
	res := Extract(d)
	for _, want := range [][3]string{
		{"Joseph Stalin", "agrees_with", "Kim Il Sung"},
		{"Joseph Stalin", "accuses", "Canada"},
		{"Canada", "proposes", "Canadian proposal"},
		{"Soviet Union", "opposes", "Canadian proposal"},
		{"Joseph Stalin", "informs", "Kim Il Sung"},
	} {
		c := has(res, want[0], want[1], want[2])
		if c == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
			continue
		}
		// the evidence is the sentence exactly as it stands, at its offsets
		if got := string([]rune(text)[c.Start:c.End]); got != c.Evidence || !strings.HasSuffix(got, ".") {
			t.Errorf("%v: evidence %q at %d:%d reads %q", want, c.Evidence, c.Start, c.End, got)
		}
		if c.Attributed != stalin {
			t.Errorf("%v attributed to %v", want, c.Attributed)
		}
	}
	if has(res, "Joseph Stalin", "opposes", "Canadian proposal") != nil {
		t.Errorf("the delegation's vote was given to the author:%s", dump(res))
	}
}

func TestNumberedPointsArePartsOfTheProposal(t *testing.T) {
	text := "The delegation of India will press for the following:\n1. An end to the fighting.\n2. An exchange of all prisoners.\n\nIndia's partners will decide."
	res := Extract(doc("report", []string{"Jawaharlal Nehru"}, nil, text, map[string]Ref{"India": india}))
	if has(res, "India", "proposes", "Indian two-point proposal") == nil {
		t.Fatalf("no two-point proposal:%s", dump(res))
	}
	parts := 0
	for _, e := range res.Entities {
		if e.PartOf != nil && e.PartOf.Name == "Indian two-point proposal" {
			parts++
			if got := string([]rune(text)[e.Start:e.End]); !strings.HasPrefix(got, "1.") && !strings.HasPrefix(got, "2.") {
				t.Errorf("point %q spans %q", e.Name, got)
			}
		}
	}
	if parts != 2 {
		t.Errorf("%d points, want 2: %+v", parts, res.Entities)
	}
}

func TestConversationSpeakers(t *testing.T) {
	text := "Stalin: We cannot accept delay.\n\nMao Zedong: We agree that the talks should continue. We would like to conclude a trade agreement with Ceylon.\n\nStalin says that we support comrade Mao Zedong's view, and asks whether Mao Zedong thinks it useful."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Stalin": stalin, "Mao Zedong": mao, "Ceylon": ceylon})
	res := Extract(d)
	if has(res, "Joseph Stalin", "meets", "Mao Zedong") == nil && has(res, "Mao Zedong", "meets", "Joseph Stalin") == nil {
		t.Errorf("no meeting of the two speakers:%s", dump(res))
	}
	if c := has(res, "Mao Zedong", "agrees_with", "Joseph Stalin"); c == nil || c.Attributed != mao {
		t.Errorf("Mao's 'we agree' not his agreement with Stalin:%s", dump(res))
	}
	if has(res, "Mao Zedong", "proposes", "Trade agreement with Ceylon") == nil {
		t.Errorf("the wish to conclude an agreement is not a proposal:%s", dump(res))
	}
	if has(res, "Joseph Stalin", "supports", "Trade agreement with Ceylon") == nil {
		t.Errorf("support for Mao's view is not support for his proposal:%s", dump(res))
	}
	for _, c := range res.Claims {
		if c.Relation == "informs" {
			t.Errorf("a conversation record made an informs claim: %+v", c)
		}
	}
}

func TestNegationAndConditions(t *testing.T) {
	text := "If you agree with this, we will act. We do not support the Canadian proposal. The Soviet Union does not object to the Indian proposal."
	res := Extract(doc("letter", []string{"Joseph Stalin"}, []string{"Mao Zedong"}, text, map[string]Ref{"Soviet Union": ussr}))
	if c := has(res, "Mao Zedong", "agrees_with", "Joseph Stalin"); c != nil {
		t.Errorf("a condition became a claim: %+v", c)
	}
	if has(res, "Joseph Stalin", "opposes", "Canadian proposal") == nil {
		t.Errorf("'do not support' is not opposition:%s", dump(res))
	}
	if has(res, "Joseph Stalin", "supports", "Canadian proposal") != nil {
		t.Errorf("negated support kept:%s", dump(res))
	}
	if has(res, "Soviet Union", "supports", "Indian proposal") == nil {
		t.Errorf("'does not object' is not support:%s", dump(res))
	}
}

func TestNoEnglishNoClaims(t *testing.T) {
	d := Doc{Kind: "letter", Authors: []string{"Joseph Stalin"}, Recipients: []string{"Mao Zedong"},
		Versions: []Version{{Role: "original", Lang: "ru", Text: "Мы согласны с Вами."}}}
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Evidence == "" || c.End <= c.Start {
			t.Errorf("claim without evidence: %+v", c)
		}
	}
	if len(Extract(Doc{}).Claims) != 0 {
		t.Error("claims from an empty document")
	}
}

func BenchmarkClaims(b *testing.B) {
	docs, _ := loadDev(b)
	b.ResetTimer()
	for b.Loop() {
		for _, dd := range docs {
			Extract(dd.doc)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs))/1e3, "µs/doc")
}

func TestPronounPrefersTheSubject(t *testing.T) {
	molotov := Ref{"Person", "Vyacheslav Molotov"}
	zhou := Ref{"Person", "Zhou Enlai"}
	text := "Molotov: We are ready.\n\nZhou Enlai: We are ready too.\n\nZhou Enlai informs Molotov that the talks will resume. He asks for the opinion of the Soviet government."
	res := Extract(doc("conversation", nil, nil, text, map[string]Ref{"Molotov": molotov, "Zhou Enlai": zhou}))
	if has(res, "Zhou Enlai", "requests", "Vyacheslav Molotov") == nil {
		t.Errorf("'he' is not the subject of the sentence before:%s", dump(res))
	}
	if has(res, "Zhou Enlai", "informs", "Vyacheslav Molotov") == nil {
		t.Errorf("no informs:%s", dump(res))
	}
}

func TestReportedSpeechAndRequests(t *testing.T) {
	zhou := Ref{"Person", "Zhou Enlai"}
	prc := Ref{"Country", "People's Republic of China"}
	text := "I inform you that I met Zhou Enlai. Zhou Enlai told me that the Americans are violating the agreement. The Chinese government supports the Korean proposal. Zhou Enlai requested that the USSR send advisers. I request your instructions."
	d := doc("report", []string{"Nikolai Roshchin"}, []string{"Andrei Vyshinsky"}, text,
		map[string]Ref{"Zhou Enlai": zhou, "USSR": ussr, "Chinese": prc})
	res := Extract(d)
	for _, want := range [][3]string{
		{"Nikolai Roshchin", "informs", "Andrei Vyshinsky"},
		{"Nikolai Roshchin", "meets", "Zhou Enlai"},
		{"Zhou Enlai", "informs", "Nikolai Roshchin"},
		{"Zhou Enlai", "accuses", "United States"}, // his words, not the reporter's
		{"North Korea", "proposes", "Korean proposal"},
		{"People's Republic of China", "supports", "Korean proposal"},
		{"Nikolai Roshchin", "requests", "Andrei Vyshinsky"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
		}
	}
	// "requested that the USSR send advisers": the advisers are asked for
	if has(res, "Zhou Enlai", "requests", "Request that the USSR send advisers") == nil || has(res, "Zhou Enlai", "requests", "Soviet Union") != nil {
		t.Errorf("the request is not for the advisers:%s", dump(res))
	}
	if has(res, "Nikolai Roshchin", "accuses", "United States") != nil {
		t.Errorf("the reporter was made the accuser:%s", dump(res))
	}
}

func TestRussianOriginalWithoutTranslation(t *testing.T) {
	text := "Товарищу Ким Ир Сену.\n\nМы согласны с Вами. Американцы являются агентами Франции. Если американцы выступят со своим предложением, делегация СССР отвергнет это предложение и будет добиваться следующего:\n\n1. Прекращение огня.\n\n2. Обмен пленными.\n\nПрошу Вас сообщить мнение корейских товарищей.\n\nФилиппов"
	d := doc("letter", []string{"Joseph Stalin"}, []string{"Kim Il Sung"}, text,
		map[string]Ref{"Ким Ир Сену": kim, "СССР": ussr, "Франции": {"Country", "France"}, "Филиппов": stalin})
	d.Versions[0] = Version{Role: "original", Lang: "ru", Text: text}
	res := Extract(d)
	for _, want := range [][3]string{
		{"Joseph Stalin", "agrees_with", "Kim Il Sung"},
		{"Joseph Stalin", "accuses", "United States"},
		{"United States", "proposes", "American proposal"},
		{"Soviet Union", "opposes", "American proposal"},
		{"Soviet Union", "proposes", "Soviet two-point proposal"},
		{"Joseph Stalin", "requests", "Kim Il Sung"},
		{"Joseph Stalin", "informs", "Kim Il Sung"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
		}
	}
}

func TestAccusationVisitAndExpressedSupport(t *testing.T) {
	text := "The Soviet Union accused the United States of aggression. Kim Il Sung visited Stalin in April. India expressed its support for the Soviet Union. The talks between Stalin and Kim Il Sung lasted two hours."
	d := doc("report", []string{"Andrei Gromyko"}, nil, text,
		map[string]Ref{"Soviet Union": ussr, "United States": usa, "Kim Il Sung": kim, "Stalin": stalin, "India": india})
	res := Extract(d)
	for _, want := range [][3]string{
		{"Soviet Union", "accuses", "United States"},
		{"Kim Il Sung", "meets", "Joseph Stalin"},
		{"India", "supports", "Soviet Union"},
		{"Joseph Stalin", "meets", "Kim Il Sung"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
		}
	}
}

func TestProposalNames(t *testing.T) {
	vietnam := Ref{"Country", "Vietnam"}
	text := "We can accept the Vietnamese proposal to begin unification.\n\nYou misread my cable of 2 May about the border guards. It was a proposal of mine.\n\nWe must persuade the African countries to form a trade union. Then India will join it."
	res := Extract(doc("letter", []string{"Joseph Stalin"}, []string{"Ho Chi Minh"}, text,
		map[string]Ref{"India": india, "Vietnamese": vietnam}))
	for _, want := range [][3]string{
		{"North Vietnam", "proposes", "Unification of Vietnam"}, // the DRV, in 1951
		{"Joseph Stalin", "supports", "Unification of Vietnam"},
		{"Joseph Stalin", "proposes", "Proposal on the border guards"},
		{"India", "supports", "African trade union"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
		}
	}
	labels := map[string][]string{}
	for _, e := range res.Entities {
		labels[e.Name] = e.Labels
	}
	if l := labels["Unification of Vietnam"]; len(l) < 2 || l[1] != "Vietnamese proposal" {
		t.Errorf("labels of the unification: %q", l)
	}
}

func TestProposeToAct(t *testing.T) {
	prc := Ref{"Country", "People's Republic of China"}
	text := "The Chinese and Korean comrades propose to resume the talks at Kaesong. We consider this proposal correct."
	res := Extract(doc("memorandum", []string{"Vyacheslav Molotov"}, nil, text, map[string]Ref{"Kaesong": {"Place", "Kaesong"}, "Chinese": prc}))
	for _, want := range [][3]string{
		{"People's Republic of China", "proposes", "Resumption of the talks at Kaesong"},
		{"North Korea", "proposes", "Resumption of the talks at Kaesong"},
		{"Vyacheslav Molotov", "supports", "Resumption of the talks at Kaesong"},
	} {
		if has(res, want[0], want[1], want[2]) == nil {
			t.Errorf("missing %v; got:%s", want, dump(res))
		}
	}
}
