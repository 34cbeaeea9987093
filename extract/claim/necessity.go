package claim

// A course of action judged necessary is proposed: "It is also important
// to publish the plenum's decision in the press", "I think it advisable to
// recall the ambassador", "We consider it necessary: 1) to maintain
// martial law ...; 2) to hand over the instigators to a military tribunal".
// Each infinitive is the speaker's proposal, named after its act
// ("Publication of the plenum's decision in the press").

// necessityAdjs judge a course of action needed.
var necessityAdjs = set("necessary", "important", "essential", "advisable", "expedient", "desirable",
	"indispensable", "imperative", "urgent", "vital")

// necessityDegree may stand before such an adjective.
var necessityDegree = set("also", "absolutely", "very", "most", "extremely", "therefore", "now", "particularly",
	"especially", "equally", "urgently", "still", "quite")

// necessity reads the frame around the adjective at ts[i] ("it is ...",
// "it would be ...", "consider it ...") and proposes what follows it.
func (x *extractor) necessity(ts []tok, i int, sp span, si int) {
	if x.inItem(sp) || negated(ts, i) || inCondition(ts, i) || x.hearsay {
		return
	}
	k := i - 1
	for k >= 0 && necessityDegree[ts[k].w] {
		k--
	}
	var subj []Ref
	switch {
	case k >= 1 && ts[k].is(cBeForms) && (ts[k-1].w == "it" || k >= 2 && ts[k-1].is(cModals) && ts[k-2].w == "it"):
		// "it is necessary", "it would be advisable": the speaker's judgement
		it := k - 1
		if ts[it].w != "it" {
			it--
		}
		if it > 0 && !ts[it-1].punct && ts[it-1].w != "but" && ts[it-1].w != "and" && ts[it-1].w != "so" && ts[it-1].w != "therefore" && ts[it-1].w != "that" {
			return // "whether it is necessary", "why it was important"
		}
		if it > 0 && ts[it-1].w == "that" {
			// "we think that it is necessary": the thinker's
			if s := subjectOf(ts, it-2); s == nil || !sameRefs(s, x.speakerRef()) {
				return
			}
		}
		subj = x.speakerRef()
	case k >= 1 && ts[k].w == "it" && stemIn(ts[k-1].w, "consider", "think", "deem", "find", "believe", "regard"):
		// "we consider it necessary", "Kovács thinks it important"
		subj = subjectOf(ts, k-1)
		if !sameRefs(subj, x.speakerRef()) && !(isPerson(subj) && !negated(ts, k-1)) {
			return
		}
	default:
		return
	}
	if subj == nil {
		return
	}
	if i+1 < len(ts) && ts[i+1].w == "to" {
		if x.proposeTo(ts, i, sp, si, subj) {
			x.innerAct(ts, i+2)
		}
		return
	}
	if i+1 < len(ts) && ts[i+1].w == ":" {
		// "necessary: 1) to maintain ...; 2) to hand over ..."
		n := 0
		for j := i + 2; j+2 < len(ts); j++ {
			if isDigits(ts[j].w) && (ts[j+1].w == ")" || ts[j+1].w == ".") && ts[j+2].w == "to" && (j == i+2 || ts[j-1].w == ";" || ts[j-1].w == ",") {
				if x.proposeTo(ts, j+1, sp, si, subj) {
					x.innerAct(ts, j+3)
					n++
				}
			}
		}
		if n == 0 && ts[len(ts)-1].w == ":" {
			x.proposeItems(subj, si) // and the items on the lines after it
		}
	}
}

// makeVerbs have another party do what their infinitive names.
var makeVerbs = set("oblige", "require", "instruct", "ask", "urge", "persuade", "get", "induce", "compel", "advise", "recommend", "tell", "allow", "help")

// innerAct labels the proposal last made from an infinitive at ts[v] that
// has another party act ("to oblige the GDR government to revoke at once
// the decision raising the norms") after that act: "Revocation of the
// decision raising the norms".
func (x *extractor) innerAct(ts []tok, v int) {
	if v >= len(ts) || !makeVerbs[ts[v].w] || x.lastProp == 0 {
		return
	}
	for k := v + 1; k+1 < len(ts) && k <= v+6; k++ {
		if ts[k].punct {
			return
		}
		if ts[k].w != "to" {
			continue
		}
		n, ok := nominal[ts[k+1].w]
		if !ok {
			return
		}
		a := k + 2
		for a < len(ts) && (ts[a].w == "at" || ts[a].w == "once" || ts[a].w == "immediately" || ts[a].w == "promptly" || ts[a].w == "without" || ts[a].w == "delay") {
			a++
		}
		b := a
		for b < len(ts) && !ts[b].punct && !ts[b].is(cClauseStop) && b < a+12 {
			b++
		}
		if b > a {
			pid := x.lastProp
			name := x.props[pid-1].ref.Name
			e := &x.res.Entities[x.propEntity(pid-1)]
			x.proposalRef(name, []string{n + " of " + string(x.r[ts[a].s:ts[b-1].e])}, span{e.Start, e.End})
		}
		return
	}
}
