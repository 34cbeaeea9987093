package claim

import (
	"strings"
	"testing"
)

// "Kovács: The revolt in the north must be wound down." is Kovács's
// proposal, named after the act ("Winding down the revolt in the north");
// "It must be said", a negated "must not be", and words reported as
// another's ("Szabó said that the treaty must be replaced") propose nothing
// of the speaker's.
func TestMustBeIsTheSpeakersProposal(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo}
	d := doc("conversation", nil, nil, "Szabó: The news is bad.\n\nKovács: The revolt in the north must be wound down. The transport of grain across Laos must be settled quickly.", map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Laos": laos})
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	var got []string
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "proposes" {
			got = append(got, c.Object.Name)
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "Winding down the revolt in the north") || !strings.HasPrefix(got[1], "Settling the transport of grain across Laos quickly") && !strings.HasPrefix(got[1], "Settlement") {
		t.Errorf("want the winding down and the settling, got %q%s", got, dump(res))
	}
	for _, text := range []string{
		"Kovács: It must be said that the revolt in the north was crushed.",
		"Kovács: The treaty must not be changed.",
		"Kovács: Szabó said that the treaty must be replaced.",
	} {
		d := doc("conversation", nil, nil, "Szabó: Well.\n\n"+text, names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		for _, c := range Extract(d).Claims {
			if c.Relation == "proposes" && c.Subject == kovacs {
				t.Errorf("%q: read as the speaker's proposal: %+v", text, c)
			}
		}
	}
}
