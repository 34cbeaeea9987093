package extract

import (
	"strings"
	"testing"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// The reference letter: the numbered points of the Soviet proposal carry
// their words, the 20% proposal the text names is an entity of its own, and
// Mao's stance follows from "We agree with you that ... is unacceptable".
func TestReferenceProposalContent(t *testing.T) {
	p, b := reference(t)
	r, err := Extract(p, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pt := findEntity(r, "Soviet three-point proposal, point 2")
	if pt == nil || len(pt.Texts) == 0 || pt.Texts[0].Text != "Return of all POWs to their homeland according to international norms" {
		t.Fatalf("point 2 without its words: %+v", pt)
	}
	var twenty *Entity
	for i, e := range r.Entities {
		for _, l := range e.Labels {
			if l.Text == "20% POW withholding proposal" {
				twenty = &r.Entities[i]
			}
		}
	}
	if twenty == nil || len(twenty.Texts) == 0 || !strings.Contains(twenty.Texts[0].Text, "withholding 20% of POWs") {
		t.Errorf("the 20%% POW withholding proposal is missing or says nothing: %+v", twenty)
	}
	stance := false
	for _, c := range r.Claims {
		if c.Subject.Name == "Mao Zedong" && c.Relation == "opposes" && c.Object.Name == "Mexican proposal" {
			stance = true
		}
	}
	if !stance {
		t.Errorf("Mao's opposition to the Mexican proposal is missing")
	}
	// the Russian original's sentence for a claim read in the translation
	aligned := false
	for _, c := range r.Claims {
		if c.Relation == "supports" && c.Object.Name == "Non-aggression pact with India and Burma" {
			for _, a := range c.Aligned {
				aligned = aligned || r.Versions[a.Span.Version].Lang == "ru" && strings.Contains(a.Text, "разделяем Вашу точку зрения")
			}
		}
	}
	if !aligned {
		t.Errorf("the support for the pact has no Russian evidence")
	}
	// the words are in the graph
	m := vocab.NewMinter("http://example.org/docgraph/")
	want := rdf.Quad{S: m.Entity("Proposal", "Soviet three-point proposal, point 2"), P: vocab.SchemaText,
		O: rdf.NewLangString("Return of all POWs to their homeland according to international norms", "en")}
	found := false
	for _, q := range r.Quads(m) {
		if q.S == want.S && q.P == want.P && q.O == want.O {
			found = true
		}
	}
	if !found {
		t.Errorf("no schema:text for point 2 in the quads")
	}
}

// A reply names the message it answers: dg:inReplyTo (a dcterms:references)
// to a node with the message's kind, date and sender as the text gives them.
func TestReplyTo(t *testing.T) {
	text := "March 20, 1954\n\nLetter, V.M. Molotov to Ho Chi Minh\n\nDear Comrade Ho Chi Minh!\n\nYour letter of 12 March has reached us. We agree with your proposal to convene a conference on Indochina in Geneva.\n\nV. MOLOTOV\n"
	r, err := Extract("reply.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Cites) != 1 || !r.Cites[0].Reply || r.Cites[0].Date != "1954-03-12" || r.Cites[0].Author.Name != "Ho Chi Minh" {
		t.Fatalf("cites %+v", r.Cites)
	}
	m := vocab.NewMinter("http://example.org/docgraph/")
	doc := m.Document(r.ID)
	var node rdf.Term
	date := false
	qs := r.Quads(m)
	for _, q := range qs {
		if q.S == doc && q.P == vocab.DGInReplyTo {
			node = q.O
		}
	}
	for _, q := range qs {
		if node != nil && q.S == node && q.P == vocab.DCDate && q.O == rdf.NewTyped("1954-03-12", vocab.XSDDate) {
			date = true
		}
	}
	if node == nil || !date {
		t.Errorf("no dg:inReplyTo to the letter of 12 March 1954")
	}
}

// A cover name in use is a sourced statement: the document's use of
// "Filippov" for Stalin carries the words that show it.
func TestPseudonymEvidence(t *testing.T) {
	p, b := reference(t)
	r, err := Extract(p, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := vocab.NewMinter("http://example.org/docgraph/")
	doc := m.Document(r.ID)
	use := rdf.IRI(string(doc) + "/pseudonym-" + vocab.Slug("Filippov") + "-" + vocab.Slug("Joseph Stalin"))
	found := false
	for _, q := range r.Quads(m) {
		if q.S == use && q.P == vocab.DGEvidence && q.O == rdf.NewLangString(r.Title, "en") {
			found = true
		}
	}
	if !found {
		t.Errorf("the use of Filippov has no evidence (the title %q)", r.Title)
	}
}
