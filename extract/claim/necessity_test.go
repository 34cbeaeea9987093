package claim

import (
	"strings"
	"testing"
)

// A course judged necessary is the speaker's proposal: "It is also
// important to publish ...", "We consider it necessary: 1) to ...; 2) to
// ...; 3) to oblige X to revoke ..." (the last named after the act it
// asks of X); a negated, conditional or questioned judgement proposes
// nothing.
func TestNecessaryCoursesAreProposed(t *testing.T) {
	names := map[string]Ref{"Kovács": kovacs, "Szabó": szabo, "Laos": laos}
	text := "Szabó: The plenum has met.\n\nKovács: It is also important to publish the plenum's decision in the press so that members know of it. " +
		"We consider it necessary: 1) to maintain the curfew until the strikes have ceased; 2) to hand over the organizers to a court; 3) to oblige the government of Laos to revoke at once the decision raising the prices."
	d := doc("conversation", nil, nil, text, names)
	d.Participants = []string{kovacs.Name, szabo.Name}
	res := Extract(d)
	var got []string
	for _, c := range res.Claims {
		if c.Subject == kovacs && c.Relation == "proposes" {
			got = append(got, c.Object.Name+" | "+textOf(res, c.Object))
		}
	}
	want := []string{"Publication of the plenum's decision in the press", "curfew", "organizers to a court", "Revocation of the decision raising the prices"}
	if len(got) != len(want) {
		t.Fatalf("want %d proposals, got %q%s", len(want), got, dump(res))
	}
	for k, w := range want {
		if !strings.Contains(got[k], w) {
			t.Errorf("proposal %d: want %q in %q", k+1, w, got[k])
		}
	}
	for _, text := range []string{
		"Kovács: It is not necessary to publish the plenum's decision in the press.",
		"Kovács: If it is necessary to send troops to Laos, we shall discuss it again.",
		"Kovács: He asked whether it was necessary to publish the plenum's decision in the press.",
	} {
		d := doc("conversation", nil, nil, "Szabó: Well.\n\n"+text, names)
		d.Participants = []string{kovacs.Name, szabo.Name}
		for _, c := range Extract(d).Claims {
			if c.Relation == "proposes" {
				t.Errorf("%q: read as a proposal: %+v", text, c)
			}
		}
	}
}
