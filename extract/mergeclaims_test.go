package extract

import "testing"

// Two names the identity step unifies make one claim, whose evidence in
// the other version is kept with it.
func TestMergeClaims(t *testing.T) {
	a := EntityRef{Class: "Person", Name: "Andrei Gromyko"}
	b := EntityRef{Class: "Person", Name: "Yuri Andropov"}
	cs := mergeClaims([]Claim{
		{Subject: a, Relation: "agrees_with", Object: b, Evidence: "I agree with Yuri Vladimirovich.", Span: Span{Version: 1}, Confidence: 0.8},
		{Subject: a, Relation: "agrees_with", Object: b, Evidence: "Согласен с Юрием Владимировичем.", Span: Span{Version: 0}, Confidence: 0.85},
		{Subject: a, Relation: "supports", Object: b, Evidence: "x", Span: Span{Version: 1}},
	})
	if len(cs) != 2 {
		t.Fatalf("%d claims, want 2: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Evidence != "I agree with Yuri Vladimirovich." || len(c.Aligned) != 1 || c.Aligned[0].Text != "Согласен с Юрием Владимировичем." || c.Confidence != 0.85 {
		t.Errorf("merged claim %+v", c)
	}
}
