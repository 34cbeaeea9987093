package claim

import "testing"

// "The Prince then set out his plan. He proposed ..." after "Prince
// Souvanna Phouma": the office stands for the one person named with it,
// the participant where two are ("Prince Boun Oum" is named too); an
// office two others hold ("General A", "General B") stands for neither.
func TestOfficeStandsForItsHolder(t *testing.T) {
	souvanna := Ref{"Person", "Souvanna Phouma"}
	boun := Ref{"Person", "Boun Oum"}
	harriman := Ref{"Person", "W. Averell Harriman"}
	text := "Present:\n• Prince Souvanna Phouma, former Prime Minister of Laos\n• Governor Harriman\n\n" +
		"Governor Harriman said that the group of Prince Boun Oum must be heard.\n\n" +
		"The Prince then set out his plan. He proposed a government of national union of sixteen ministers, with himself as Prime Minister."
	d := doc("conversation", []string{"Recorder"}, nil, text, map[string]Ref{"Prince Souvanna Phouma": souvanna, "Harriman": harriman, "Prince Boun Oum": boun, "Laos": laos})
	d.Participants = []string{harriman.Name, souvanna.Name}
	res := Extract(d)
	n := 0
	for _, c := range res.Claims {
		if c.Relation == "proposes" {
			n++
			if c.Subject != souvanna {
				t.Errorf("the plan ascribed to %s: %+v", c.Subject.Name, c)
			}
		}
	}
	if n == 0 {
		t.Errorf("the Prince's proposal is missing:%s", dump(res))
	}
	// two generals, neither a participant: "the General" is neither
	text = "General Kovács and General Szabó were present.\n\nThe General then proposed a government of national union of sixteen ministers."
	d = doc("memorandum", []string{petrov.Name}, nil, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo})
	for _, c := range Extract(d).Claims {
		if c.Relation == "proposes" && (c.Subject == kovacs || c.Subject == szabo) {
			t.Errorf("an office two hold ascribed to one: %+v", c)
		}
	}
}

// A speaker label the recogniser does not know ("Szabó:") is the one
// person the record names with that surname ("Minister Ferenc Szabó"); a
// surname two persons share resolves to neither.
func TestSpeakerLabelBySurname(t *testing.T) {
	text := "Present: Minister Ferenc Szabó, Ambassador Péter Kovács.\n\nKovács: We have come about the grain.\n\n" +
		"Szabó: Our factories depend on the West. I ask you to take this into account, Comrade Kovács."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Ferenc Szabó": szabo, "Péter Kovács": kovacs, "Kovács": kovacs})
	res := Extract(d)
	if has(res, szabo.Name, "requests", kovacs.Name) == nil {
		t.Errorf("the request under the label \"Szabó:\" is missing:%s", dump(res))
	}
	other := Ref{"Person", "Anna Szabó"}
	d = doc("conversation", nil, nil, "Present: Ferenc Szabó, Anna Szabó, Péter Kovács.\n\nKovács: Welcome.\n\nSzabó: I ask you to take this into account, Comrade Kovács.",
		map[string]Ref{"Ferenc Szabó": szabo, "Anna Szabó": other, "Péter Kovács": kovacs, "Kovács": kovacs})
	for _, c := range Extract(d).Claims {
		if c.Subject == szabo || c.Subject == other {
			t.Errorf("a surname two share read as one of them: %+v", c)
		}
	}
}

// "The Central Committee of the PLA proposes that ..." in the letter the
// Central Committee of the Party of Labour of Albania writes: the writer's
// own proposal, whatever the recogniser made of "PLA"; the same words in
// another body's letter are no proposal of its writer.
func TestOrganOfTheWriterProposes(t *testing.T) {
	cc := Ref{"Organization", "Central Committee of the Party of Labour of Albania"}
	text := "Dear comrades,\n\nThe Central Committee of the PLA proposes that the question of the naval base be examined at a session of the committee, with all member states.\n\nTirana"
	for _, pla := range []Ref{{"Organization", "Party of Labour of Albania"}, {"Organization", "People's Liberation Army"}} {
		d := doc("letter", []string{cc.Name}, []string{council.Name}, text, map[string]Ref{"PLA": pla})
		res := Extract(d)
		found := false
		for _, c := range res.Claims {
			found = found || c.Subject.Name == cc.Name && c.Relation == "proposes"
		}
		if !found {
			t.Errorf("PLA as %s: the writer's proposal is missing:%s", pla.Name, dump(res))
		}
	}
	d := doc("letter", []string{council.Name}, []string{cc.Name}, text, map[string]Ref{"PLA": {"Organization", "Party of Labour of Albania"}})
	for _, c := range Extract(d).Claims {
		if c.Relation == "proposes" && c.Subject == council {
			t.Errorf("another body's proposal read as the writer's: %+v", c)
		}
	}
}

// Inside the turn a label opens ("Kovács: ..."), "Szabó told me yesterday
// that ..." reports Szabó's words; the turn's next sentence ("I propose
// that ...") is still Kovács's.
func TestReportedSpeechKeepsTheLabelledSpeaker(t *testing.T) {
	text := "Kovács: The talks have reached a point of decision. Szabó told me yesterday that Laos is ready to withdraw its troops. I propose that this be written into the joint declaration of both sides.\n\n" +
		"Szabó: We shall see."
	d := doc("conversation", nil, nil, text, map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Laos": laos})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	for _, c := range res.Claims {
		if c.Relation == "proposes" && c.Subject != kovacs {
			t.Errorf("the labelled speaker's proposal ascribed to %s: %+v", c.Subject.Name, c)
		}
	}
	found := false
	for _, c := range res.Claims {
		found = found || c.Relation == "proposes" && c.Subject == kovacs
	}
	if !found {
		t.Errorf("Kovács's proposal is missing:%s", dump(res))
	}
}
