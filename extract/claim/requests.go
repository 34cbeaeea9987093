package claim

import "strings"

// What is asked for, and of whom: "We ask the Soviet Union to keep the oil
// deliveries at this year's level and to supply the helicopters" asks for
// two things, each named after what is to be done and, for a reader, after
// the party that is to do it ("Soviet supply of the helicopters"); "I
// have asked Comrade Alekseev to transmit this letter" is the writer's own
// request of Alekseev.

// requestedAll reads every infinitive of what the one asked (party) is to
// do, from ts[v] ("keep the oil deliveries ... and to supply the
// helicopters"), as a request of subj.
func (x *extractor) requestedAll(subj, party []Ref, ts []tok, v int, sp span) {
	for n := 0; v < len(ts) && n < 4; n++ {
		before := x.lastProp
		x.requested(subj, ts, v, sp)
		if x.lastProp != before && x.lastProp > 0 && len(party) > 0 {
			x.partyLabel(x.lastProp, party[0])
		}
		// the next infinitive joined to this one: "... and to supply"
		next := -1
		for k := v + 1; k+2 < len(ts); k++ {
			if ts[k].is(cClauseStop) && ts[k].w != "and" || ts[k].w == ";" || ts[k].w == ":" {
				break
			}
			if ts[k].w == "and" && ts[k+1].w == "to" && !ts[k+2].punct && ts[k+2].refs == nil {
				next = k + 2
				break
			}
		}
		if next < 0 {
			return
		}
		v = next
	}
}

// partyLabel names a request after the one who is to meet it: the
// "Delivery of grain" asked of the Soviet Union is also the "Soviet
// delivery of grain".
func (x *extractor) partyLabel(pid int, party Ref) {
	adj, ok := adjective[party.Name]
	if !ok || pid <= 0 || pid > len(x.props) {
		return
	}
	name := x.props[pid-1].ref.Name
	r := []rune(name)
	if len(r) == 0 {
		return
	}
	lower := strings.ToLower(string(r[:1])) + string(r[1:])
	if strings.HasPrefix(lower, "request to ") || strings.HasPrefix(lower, "request for ") {
		return
	}
	e := &x.res.Entities[x.propEntity(pid-1)]
	x.proposalRef(name, []string{adj + " " + lower}, span{e.Start, e.End})
}

// ownRelay: the speaker asks someone to pass a message on ("I have asked
// comrade Alekseev to transmit this letter today"): the speaker's own
// request of the one asked, not a message the writer carries.
func ownRelay(ts []tok, i, j int) bool {
	if ts[j].pron != 0 || !isPerson(ts[j].refs) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].pron == 1 && !ts[k].poss {
			return true
		}
		if !ts[k].is(cModals) && ts[k].w != "have" && ts[k].w != "had" && ts[k].w != "also" {
			return false
		}
	}
	return false
}

// moreNominal are further verbs of what is proposed or asked, with the
// nouns a historian names the act by ("to revoke the decision" is the
// "Revocation of the decision").
var moreNominal = map[string]string{
	"keep": "Keeping", "maintain": "Maintenance", "revoke": "Revocation", "remove": "Removal",
	"recall": "Recall", "dismiss": "Dismissal", "prosecute": "Prosecution", "try": "Trial",
	"announce": "Announcement", "issue": "Issuing", "adopt": "Adoption", "elect": "Election",
	"deploy": "Deployment", "station": "Stationing", "strengthen": "Strengthening",
	"accelerate": "Acceleration", "coordinate": "Coordination", "examine": "Examination",
	"review": "Review", "restore": "Restoration", "cancel": "Cancellation", "lift": "Lifting",
	"suspend": "Suspension", "eliminate": "Elimination", "normalize": "Normalization",
	"normalise": "Normalization", "inform": "Informing", "brief": "Briefing", "consult": "Consultation",
	"train": "Training", "sell": "Sale", "buy": "Purchase", "purchase": "Purchase", "finance": "Financing",
	"expand": "Expansion", "limit": "Limitation", "ban": "Ban", "halt": "Halt", "mobilize": "Mobilization",
	"mobilise": "Mobilisation", "negotiate": "Negotiation", "prepare": "Preparation", "expel": "Expulsion",
	"arrest": "Arrest", "free": "Release", "retain": "Retention", "restrain": "Restraint", "condemn": "Condemnation",
	"ratify": "Ratification", "mention": "Mention", "include": "Inclusion", "guarantee": "Guarantee",
	"reopen": "Reopening", "rebuild": "Rebuilding", "modernize": "Modernization", "modernise": "Modernisation",
	"replace": "Replacement", "abolish": "Abolition", "investigate": "Investigation",
}

func init() {
	for v, n := range moreNominal {
		if _, ok := nominal[v]; !ok {
			nominal[v] = n
		}
	}
}
