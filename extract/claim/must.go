package claim

import "strings"

// A speaker's "The uprising in Greece must be rolled up", "The transport
// of aid must be settled quickly": the thing named must undergo the act,
// and the speaker proposes it ("Rolling up the uprising in Greece",
// "Settlement of ..."). Only where the thing opens the speaker's own
// sentence (or follows the speaker's label), not in a clause someone else
// is reported to hold; "it must be said" and "this must be" name nothing.

// finiteVerbs show a clause of its own before "must".
var finiteVerbs = set("will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did",
	"is", "are", "was", "were", "has", "have", "had", "said", "says", "think", "thinks", "believe", "believes")

// particles complete a phrasal verb: "rolled up", "wound down".
var particles = set("up", "down", "out", "off", "back", "over", "away")

func (x *extractor) mustBe(ts []tok, i int, sp span, si int) {
	if i+2 >= len(ts) || ts[i+1].w != "be" || x.inItem(sp) || x.hearsay || x.sayer != nil && i > x.sayAt || inCondition(ts, i) {
		return
	}
	part := ts[i+2].w
	if part == "not" || negated(ts, i+1) {
		return
	}
	// the thing: from the sentence's start, or after the speaker's "X:"
	a := 0
	for k := 0; k < i && k < 6; k++ {
		if ts[k].w == ":" {
			a = k + 1
		}
	}
	if i-a < 2 || i-a > 10 {
		return
	}
	for k := a; k < i; k++ {
		if ts[k].pron != 0 || ts[k].punct || ts[k].prop > 0 || ts[k].is(cClauseStop) || finiteVerbs[ts[k].w] || isPerson(ts[k].refs) {
			return // "it must be said", "he must be", a clause of its own
		}
	}
	if ts[a].w != "the" && ts[a].w != "our" && ts[a].w != "all" && ts[a].w != "a" && !ts[a].adj {
		return
	}
	who := x.speakerRef()
	if who == nil {
		return
	}
	b := i + 3
	phrasal := b < len(ts) && particles[ts[b].w]
	if phrasal {
		b++
	}
	end := b
	for end < len(ts) && !ts[end].punct && !ts[end].is(cClauseStop) && end < b+8 {
		end++
	}
	thing := string(x.r[ts[a].s:ts[i-1].e])
	if !ts[a].adj && ts[a].refs == nil {
		thing = strings.ToLower(thing[:1]) + thing[1:] // "the revolt", not "The revolt"
	}
	rest := ""
	if end > b {
		rest = " " + string(x.r[ts[b].s:ts[end-1].e])
	}
	var name string
	if n := actNoun(part); n != "" && !phrasal {
		name = n + " of " + thing + rest
	} else if g := gerund(part); g != "" {
		if phrasal {
			g += " " + ts[i+3].w
		}
		name = capitalize(g) + " " + thing + rest
	} else {
		return
	}
	pid := x.proposalRef(name, nil, span{ts[a].s, ts[max(end, b)-1].e})
	x.setText(pid, span{ts[a].s, ts[max(end, b)-1].e})
	x.add(who, "proposes", []Ref{x.props[pid-1].ref}, sp, 0.65)
	x.lastProp, x.lastPropSent = pid, si
}

// gerund turns a participle into the -ing form that names the act:
// "rolled" gives "rolling", "stopped" "stopping", "sent" "sending"; "" for
// a word that is no participle.
func gerund(w string) string {
	if l, ok := irregularLemma[w]; ok {
		if strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee") {
			l = l[:len(l)-1]
		}
		return l + "ing"
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
		if strings.HasSuffix(w, "ied") {
			return w[:len(w)-3] + "ying"
		}
		return w[:len(w)-2] + "ing"
	}
	return ""
}
