package claim

import (
	"strings"
	"testing"
)

// "We ask the Soviet Union to keep the grain deliveries at this year's
// level and to supply the trucks": two things asked for, each named after
// the act and, as a reader would, after the state asked ("Soviet supply of
// the trucks"); "keep this secret" asks for nothing to be given.
func TestRequestOfSeveralInfinitives(t *testing.T) {
	text := "Kovács: Our harvest was lost. We ask the Soviet Union to keep the grain deliveries at the level of this year and to supply the trucks we discussed in Moscow.\n\n" +
		"Szabó: We will study it. We ask you to keep this conversation secret."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Soviet Union": ussr, "Moscow": moscow})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	var got []string
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "requests" && c.Object.Class == "Proposal" {
			got = append(got, c.Object.Name+" | "+textOf(res, c.Object))
		}
		if c.Subject == szabo && c.Relation == "requests" && c.Object.Class == "Proposal" {
			t.Errorf("keeping a talk secret read as a thing asked for: %+v", c)
		}
	}
	if len(got) != 2 || !strings.Contains(got[0], "grain deliveries") || !strings.Contains(got[1], "Soviet supply of the trucks") {
		t.Errorf("want the deliveries and the trucks, the latter labelled after the state asked; got %q%s", got, dump(res))
	}
}

// "I have asked Comrade Petrov to transmit this letter today": the writer's
// own request of the one asked; "He asked me to pass this on to Moscow" is
// still a message the writer carries, no request of the writer.
func TestOwnRequestToPassAMessageOn(t *testing.T) {
	text := "Dear Comrade Szabó!\n\nThe situation is grave. I have asked Comrade Ivan Petrov to transmit this letter to you today.\n\nWith comradely greetings,\nPéter Kovács"
	d := doc("letter", []string{kovacs.Name}, []string{szabo.Name}, text, map[string]Ref{"Szabó": szabo, "Ivan Petrov": petrov, "Péter Kovács": kovacs})
	res := Extract(d)
	if has(res, kovacs.Name, "requests", petrov.Name) == nil {
		t.Errorf("the writer's request of the messenger is missing:%s", dump(res))
	}
	text = "Today I received Minister Kovács. He asked me to pass this on to Moscow at once.\n\nI. Petrov"
	d = doc("telegram", []string{petrov.Name}, []string{council.Name}, text, map[string]Ref{"Kovács": kovacs, "Moscow": moscow, "I. Petrov": petrov})
	res = Extract(d)
	if c := has(res, kovacs.Name, "requests", petrov.Name); c != nil {
		t.Errorf("a message carried read as a request of the writer: %+v", c)
	}
}

// "I also requested resolute retaliatory measures against the raiders, and
// additional military aid to the armed forces": two things asked for, by
// their words; "asked for firm countermeasures" one; "we request your
// approval" asks the addressee, and a bare word ("asked for time") nothing.
func TestRequestedThings(t *testing.T) {
	text := "Dear Comrade Szabó!\n\nI met the minister of Laos today. I also requested resolute retaliatory measures against the raiders, and additional military aid to modernise the armed forces. " +
		"Ivan Petrov asked for firm countermeasures. Ivan Petrov asked for time. We request your approval of these steps.\n\nPéter Kovács"
	d := doc("letter", []string{kovacs.Name}, []string{szabo.Name}, text, map[string]Ref{"Szabó": szabo, "Laos": laos, "Péter Kovács": kovacs, "Ivan Petrov": petrov})
	res := Extract(d)
	var got []string
	for _, c := range res.Claims {
		if c.Relation == "requests" && c.Object.Class == "Proposal" {
			got = append(got, c.Object.Name)
		}
	}
	if len(got) != 3 || !strings.HasPrefix(got[0], "Resolute retaliatory measures") || !strings.HasPrefix(got[1], "Additional military aid") || got[2] != "Firm countermeasures" {
		t.Errorf("want the measures, the aid and the countermeasures, got %q%s", got, dump(res))
	}
	if has(res, kovacs.Name, "requests", szabo.Name) == nil {
		t.Errorf("asking the addressee's approval is missing:%s", dump(res))
	}
}

// "In return we need one thing: that ...", "I would ask for one thing: let
// me keep ...", "we need firm guarantees on the border": what the speaker's
// side needs of the other is requested; "we need to study it" is not.
// "Kovács asked whether the Soviet government would agree to a new round
// of talks on the withdrawal" proposes the talks.
func TestNeedsAndAskingToAgree(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Soviet Union": ussr}
	d := doc("conversation", nil, nil, "Szabó: We have given a great deal.\n\n"+
		"Kovács: In return we need one thing: that for ten years both sides observe the treaty and that work on the shield be confined to the laboratory. "+
		"I would ask for one thing: let me keep a small staff at the embassy for another day. We need firm guarantees on the border. We need to study it.\n\n"+
		"Szabó: Kovács asked whether the Soviet Union would agree to a new round of talks on the complete withdrawal of troops.", names)
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	var req, prop []string
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "requests" {
			req = append(req, c.Object.Name+" | "+textOf(res, c.Object))
		}
		if c.Subject == kovacs && c.Relation == "proposes" {
			prop = append(prop, c.Object.Name)
		}
	}
	if len(req) != 3 || !strings.Contains(req[0], "confined to the laboratory") || !strings.HasPrefix(req[1], "Keeping of a small staff") || !strings.HasPrefix(req[2], "Firm guarantees") {
		t.Errorf("want the laboratory, the staff and the guarantees, got %q%s", req, dump(res))
	}
	if len(prop) != 1 || !strings.Contains(prop[0], "round of talks on the complete withdrawal") {
		t.Errorf("want the talks proposed, got %q", prop)
	}
}

// "I want to ask you something directly", "may I ask you a question": a
// question put is no request of the one asked; "I ask you to send the
// trucks" is.
func TestQuestionIsNoRequest(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo}
	for _, text := range []string{"Kovács: I want to ask you something directly.", "Kovács: Let me ask you a question about the harvest."} {
		d := doc("conversation", nil, nil, "Szabó: Welcome.\n\n"+text, names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		if c := has(Extract(d), kovacs.Name, "requests", szabo.Name); c != nil {
			t.Errorf("%q: a question read as a request: %+v", text, c)
		}
	}
	d := doc("conversation", nil, nil, "Szabó: Welcome.\n\nKovács: I ask you to reconsider your position.", names)
	d.Participants = []string{kovacs.Name, szabo.Name}
	if has(Extract(d), kovacs.Name, "requests", szabo.Name) == nil {
		t.Errorf("the request of the addressee is missing")
	}
}

// "Please send us 200 trucks and 3,000 tons of fuel before the winter":
// the things asked for, quantities and all ("3,000" one number); "please
// give the necessary instructions" asks the addressee, names no thing.
func TestPleaseNamesWhatIsAskedFor(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo}
	d := doc("conversation", nil, nil, "Szabó: Welcome.\n\nKovács: Please send us 200 trucks and 3,000 tons of fuel before the winter.", names)
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		found = found || c.Subject == kovacs && c.Relation == "requests" && c.Object.Name == "Dispatch of 200 trucks and 3,000 tons of fuel"
	}
	if !found {
		t.Errorf("the trucks and fuel asked for are missing:%s", dump(res))
	}
	l := doc("letter", []string{kovacs.Name}, []string{szabo.Name}, "Dear Comrade Szabó!\n\nIf you agree, please give the necessary instructions to the appropriate body.\n\nPéter Kovács", map[string]Ref{"Szabó": szabo, "Péter Kovács": kovacs})
	for _, c := range Extract(l).Claims {
		if c.Relation == "requests" && c.Object.Class == "Proposal" {
			t.Errorf("instructions read as a thing asked for: %+v", c)
		}
	}
}

// "Kovács thanked the leadership, and Comrade Szabó personally, for the
// airlift, but asked that another 200 tanks be sent at once": the request
// after "but" is the sentence's subject's.
func TestRequestAfterBut(t *testing.T) {
	d := doc("report", []string{petrov.Name}, []string{council.Name}, "Kovács thanked the leadership, and Comrade Szabó personally, for the airlift, but asked that another 200 tanks and two regiments of aircraft be sent at once.\n\nIvan Petrov",
		map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Ivan Petrov": petrov})
	res := Extract(d)
	found := false
	for _, c := range res.Claims {
		found = found || c.Subject == kovacs && c.Relation == "requests" && strings.Contains(c.Object.Name, "200 tanks")
	}
	if !found {
		t.Errorf("the request after \"but\" is missing:%s", dump(res))
	}
}
