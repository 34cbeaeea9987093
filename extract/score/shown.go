package score

import (
	"strings"

	"github.com/docgraph/docgraph/extract"
)

// pronouns by the party they can stand for in a claim's evidence.
var partyPronouns = []string{"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
	"they", "them", "their", "it", "its", "this", "я", "мы", "нас", "нам", "наш", "вы", "вас", "вам", "ваш", "он",
	"его", "они", "их", "оно", "это"}

// shown reports whether a claim's evidence shows both its parties: a name
// the document uses for each (its canonical name, a label, a mention's
// words), or a pronoun that can stand for it; in a record of
// conversation the speaker's label opens the line ("Tito: We agree").
func shown(r *extract.Result, c extract.Claim) bool {
	ev := strings.ToLower(c.Evidence)
	for _, a := range c.Aligned {
		ev += " \n " + strings.ToLower(a.Text)
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(ev, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'а' && r <= 'я' || r == 'ё')
	}) {
		words[w] = true
	}
	pron := false
	for _, p := range partyPronouns {
		pron = pron || words[p]
	}
	// the speaker is shown by their own words, the addressee of a message
	// informed or asked by its address, a proposal by the word that names
	// it as one
	implied := func(p extract.EntityRef) bool {
		if p == c.Attributed {
			return true
		}
		if c.Relation == "informs" || c.Relation == "requests" {
			for _, rc := range r.Recipients {
				if rc == p {
					return true
				}
			}
		}
		if p.Class == "Proposal" {
			for _, w := range []string{"proposal", "plan", "pact", "предложени", "such", "this"} {
				if strings.Contains(ev, w) {
					return true
				}
			}
		}
		return false
	}
	return (implied(c.Subject) || partyShown(r, c.Subject, ev, pron)) && (implied(c.Object) || partyShown(r, c.Object, ev, pron))
}

func partyShown(r *extract.Result, p extract.EntityRef, ev string, pron bool) bool {
	if strings.Contains(ev, strings.ToLower(p.Name)) {
		return true
	}
	for _, e := range r.Entities {
		if e.EntityRef != p {
			continue
		}
		for _, l := range e.Labels {
			if len(l.Text) > 1 && strings.Contains(ev, strings.ToLower(l.Text)) {
				return true
			}
		}
		for _, m := range e.Mentions {
			if m.Version >= 0 && m.Version < len(r.Versions) {
				rs := []rune(r.Versions[m.Version].Text)
				if m.Start >= 0 && m.End <= len(rs) && m.End > m.Start && strings.Contains(ev, strings.ToLower(string(rs[m.Start:m.End]))) {
					return true
				}
			}
		}
	}
	return pron
}
