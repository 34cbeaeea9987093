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
