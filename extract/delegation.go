package extract

import (
	"strings"

	"github.com/docgraph/docgraph/extract/title"
	"github.com/docgraph/docgraph/vocab"
)

// delegationLeads are the words that name a delegation's leader ("the
// Delegation of the Romanian Workers' Party Led by Ion Gheorghe Maurer").
var delegationLeads = []string{" led by ", " headed by ", " under the leadership of ", " under "}

// delegation reads a title's party that is a delegation led by someone:
// the delegation speaks through its leader, who is the party; the bodies and
// countries named in the delegation's name are mentioned. A delegation is
// no organisation of its own.
func (x *extractor) delegation(p title.Party) (EntityRef, bool) {
	low := strings.ToLower(p.Text)
	if !strings.Contains(low, "delegation") {
		return EntityRef{}, false
	}
	at, lead := -1, ""
	for _, l := range delegationLeads {
		if i := strings.Index(low, l); i > 0 && strings.Contains(low[:i], "delegation") {
			at, lead = i, l
			break
		}
	}
	if at < 0 {
		return EntityRef{}, false
	}
	body, leader := p.Text[:at], strings.TrimSpace(p.Text[at+len(lead):])
	for _, mm := range x.m.Find(body, x.ctx) {
		if (mm.Class == vocab.ClassOrganization || mm.Class == vocab.ClassCountry) && !strings.Contains(strings.ToLower(mm.Name), "delegation") {
			x.addMention(mm, -1, "en")
		}
	}
	if mm := x.m.Resolve(leader, x.ctx); mm != nil && mm.Class == vocab.ClassPerson {
		x.addMention(*mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	if !looksLikeName(leader) {
		return EntityRef{}, false
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: stripHonorific(leader)}
	x.entity(ref, nil)
	return ref, true
}
