package claim

import (
	"strings"
	"testing"
)

// A verb of proposing governs its "that" across adverbs and the one
// addressed: "proposed instead that", "I again recommend that", "insisted
// that", "propose to you, as we proposed to the Soviet comrades, that".
// Each clause is the speaker's proposal, worded by the clause; the same
// verb in the passive ("it was recommended that") or negated proposes
// nothing.
func TestProposalClauseAfterAdverbsAndAddressee(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Laos": laos, "Burundi": burundi}
	for _, c := range []struct{ text, want string }{
		{"Szabó: The talks have stalled.\n\nKovács: Then I propose instead that such disputes be referred to a joint commission of experts.", "joint commission"},
		{"Szabó: We are worried.\n\nKovács: I again recommend that we open a direct channel to the government of Laos without delay.", "direct channel"},
		{"Szabó: The border is quiet.\n\nKovács: I urged, however, that the observers of the commission be allowed to move freely throughout Laos.", "move freely"},
		{"Szabó: Welcome.\n\nKovács: Our party has sent us to propose to you, as we have proposed to the comrades in Burundi, that the open polemics be stopped at once.", "open polemics"},
	} {
		d := doc("conversation", nil, nil, c.text, names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		res := Extract(d)
		found := false
		for _, cl := range res.Claims {
			if cl.Subject == kovacs && cl.Relation == "proposes" && strings.Contains(cl.Object.Name+" "+textOf(res, cl.Object), c.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no proposal of %q:%s", c.text, c.want, dump(res))
		}
	}
	for _, text := range []string{
		"Szabó: It was recommended that the observers be allowed to move freely throughout Laos.",
		"Szabó: I do not recommend that the observers be allowed to move freely throughout Laos.",
	} {
		d := doc("conversation", nil, nil, text+"\n\nKovács: Good.", names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		res := Extract(d)
		for _, cl := range res.Claims {
			if cl.Relation == "proposes" {
				t.Errorf("%q: a passive or negated verb read as a proposal: %+v", text, cl)
			}
		}
	}
}

// textOf is the text of the proposal ref names, "" where it has none.
func textOf(res Result, ref Ref) string {
	for _, e := range res.Entities {
		if e.Ref == ref {
			return e.Text + " " + strings.Join(e.Labels, " ")
		}
	}
	return ""
}

// A proposal made of a "that" clause carries the name a historian gives
// the act: "that such disputes be referred to a joint commission" is the
// "Referral of such disputes to a joint commission", "that the Soviet
// Union buy Laotian timber" the "Soviet purchase of Laotian timber", "that
// the treaty be signed in Vientiane on 3 May and that ..." the "Signing of
// the treaty in Vientiane on 3 May".
func TestProposalClauseNamedAfterItsAct(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Soviet Union": ussr, "Laos": laos}
	for _, c := range []struct{ text, label string }{
		{"I propose that such disputes be referred to a joint commission of experts.", "Referral of such disputes to a joint commission of experts"},
		{"I propose that the Soviet Union buy Laotian timber, in larger quantities than now.", "Soviet purchase of Laotian timber"},
		{"I propose that the treaty be signed in Vientiane on 3 May and that the shelling stop a week earlier.", "Signing of the treaty in Vientiane on 3 May"},
		{"I propose that the Soviet side supply trucks and fuel to Laos before the winter.", "Soviet supply of trucks and fuel to Laos before the winter"},
	} {
		d := doc("conversation", nil, nil, "Szabó: Welcome.\n\nKovács: "+c.text, names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		res := Extract(d)
		found := false
		for _, cl := range res.Claims {
			if cl.Subject == kovacs && cl.Relation == "proposes" {
				for _, e := range res.Entities {
					if e.Ref == cl.Object {
						for _, l := range e.Labels {
							found = found || l == c.label
						}
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: no proposal labelled %q:%s %+v", c.text, c.label, dump(res), res.Entities)
		}
	}
}

// "to convene a plenum of the CC": the proposal also carries its name
// with the body spelled out, as a reader names it ("plenum of the Central
// Committee"); a word that only starts in capitals ("CCTV") is left alone.
func TestProposalAbbreviationsSpelledOut(t *testing.T) {
	d := doc("conversation", nil, nil, "Szabó: Welcome.\n\nKovács: I propose to convene a plenum of the CC on 23 September to review the decisions.", map[string]Ref{"Kovács": kovacs, "Szabó": szabo})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	found := false
	for _, e := range res.Entities {
		for _, l := range e.Labels {
			found = found || strings.Contains(l, "plenum of the Central Committee on 23 September")
		}
	}
	if !found {
		t.Errorf("no label with the Central Committee spelled out: %+v", res.Entities)
	}
	if s, ok := expandWords("a CCTV network"); ok {
		t.Errorf("expanded a word that is no abbreviation: %q", s)
	}
}

// Minutes' "Comrade Kovács moved that the plenum be convened on Monday",
// "The President has authorized me to put forward a framework in three
// parts", "Szabó put forward the idea of a nuclear-free zone in the
// Balkans", and a memorandum's "It is requested that the Ministry release
// its staff": each the proposal (or request) of the one who makes it.
// "The troops moved that night" and "it was proposed by others, as it was
// requested that ..." in a clause make none.
func TestMovedPutForwardAndImpersonal(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Ivan Petrov": petrov}
	d := doc("minutes", nil, nil, "Present: Kovács, Szabó.\n\nComrade Kovács moved that the plenum of the committee be convened on Monday.\n\n"+
		"Szabó: The chairman has authorized me to put forward a framework in three parts for the talks. Szabó put forward the idea of a nuclear-free zone in the Balkans.\n\nKovács: The troops moved that night.", names)
	res := Extract(d)
	want := map[Ref][]string{kovacs: {"plenum"}, szabo: {"framework in three parts", "nuclear-free zone"}}
	for who, ws := range want {
		for _, w := range ws {
			found := false
			for _, c := range res.Claims {
				found = found || c.Subject == who && c.Relation == "proposes" && strings.Contains(strings.ToLower(c.Object.Name+" "+textOf(res, c.Object)), w)
			}
			if !found {
				t.Errorf("%s's proposal of %q is missing:%s", who.Name, w, dump(res))
			}
		}
	}
	m := doc("memorandum", []string{petrov.Name}, []string{council.Name}, "The harvest is poor. It is requested that the Ministry of Transport release its staff for the harvest by 1 September.\n\nIvan Petrov", names)
	res = Extract(m)
	found := false
	for _, c := range res.Claims {
		found = found || c.Subject == petrov && c.Relation == "requests" && strings.Contains(c.Object.Name+textOf(res, c.Object), "release its staff")
	}
	if !found {
		t.Errorf("the writer's impersonal request is missing:%s", dump(res))
	}
}

// A demand of the letter's recipient ("We demand that the CC CPY give a
// clear answer" in a letter to the CPY, whatever entity "CPY" was read
// as) is a request of it; a demand that a third party act is a proposal.
func TestDemandOfTheRecipientIsARequest(t *testing.T) {
	lcy := Ref{"Organization", "League of Communists of Yugoslavia"}
	text := "To the members of the CC CPY\n\nWe demand that the CC CPY give a clear answer on all these questions and discuss them at a plenum. " +
		"We demand that the government of Laos withdraw its troops from the border at once.\n\nPéter Kovács"
	d := doc("letter", []string{kovacs.Name}, []string{"CPY"}, text, map[string]Ref{"CPY": lcy, "Laos": laos, "Péter Kovács": kovacs})
	res := Extract(d)
	var req, prop int
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Object.Class == "Proposal" {
			switch c.Relation {
			case "requests":
				req++
			case "proposes":
				prop++
			}
		}
	}
	if req != 1 || prop != 1 {
		t.Errorf("want one request of the recipient and one proposal, got %d and %d:%s", req, prop, dump(res))
	}
}

// "Szabó said that Kovács's proposal is the following: the USSR removes
// the bases from Laos ..., and ...": the owner proposes what the sentence
// says the proposal is, its words the proposal's text.
func TestProposalIsTheFollowing(t *testing.T) {
	text := "Szabó said that Kovács's proposal is the following: the Soviet Union removes the missile bases from Laos under appropriate control, and the ministry gives assurances that there will be no invasion of Laos. I asked about the border."
	d := doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Szabó": szabo, "Kovács's": kovacs, "Soviet Union": ussr, "Laos": laos})
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "proposes" {
			found = strings.Contains(textOf(res, c.Object), "no invasion of Laos") && strings.Contains(c.Object.Name, "removes the missile bases")
		}
	}
	if !found {
		t.Errorf("Kovács's proposal with its content is missing:%s %+v", dump(res), res.Entities)
	}
}

// "Consult the Chinese at once" is also to consult China: the nation as a
// noun names its state; "the Chinese side" is left as it is.
func TestProposalNationsNamedAsStates(t *testing.T) {
	if got, ok := statesNamed("Consult the Chinese at once"); !ok || got != "Consult China at once" {
		t.Errorf("got %q", got)
	}
	if got, ok := statesNamed("Talks with the Russians"); !ok || got != "Talks with the Soviet Union" {
		t.Errorf("got %q", got)
	}
	if got, ok := statesNamed("Consult the Chinese side first"); ok {
		t.Errorf("a demonym before its noun renamed: %q", got)
	}
}
