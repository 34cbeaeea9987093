package claim

// A course of action judged or refused, named by the words the record
// uses for it: "a military coup would be a disaster", "the decision to
// raise food prices was a grave political error", "He does not want
// administrative measures against the press". The holder opposes it.

// blunderNouns judge a course of action as wrong.
var blunderNouns = set("disaster", "catastrophe", "error", "mistake", "blunder", "crime", "folly", "provocation")

// actNouns name courses of action besides the proposal heads ("measures",
// "a military coup", "the decision to raise prices").
var actNouns = set("measures", "measure", "steps", "step", "action", "actions", "decision", "decisions", "intervention",
	"interference", "deployment", "sanctions", "concessions", "coup", "strike", "attack", "operation", "inspection",
	"recognition", "armament", "rearmament", "bases", "troops", "increase", "increases", "reforms", "reform", "policy",
	"initiative", "dialogue")

// evaluated reads "<course of action> was/would be a (grave) error" at the
// noun ts[i].
func (x *extractor) evaluated(ts []tok, i int, sp span) {
	be := -1
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if ts[k].is(cBeForms) {
			be = k
			break
		}
		if ts[k].punct || ts[k].refs != nil {
			return
		}
	}
	if be <= 0 || negated(ts, be+1) || inCondition(ts, be) {
		return
	}
	// the subject: from the clause's start ("that", ",", the sentence's
	// opening) to the verb, with any modal before it left out
	b := be
	for b > 0 && ts[b-1].is(cModals) && !ts[b-1].is(cBeForms) {
		b--
	}
	if b > 0 && (ts[b-1].w == "would" || ts[b-1].w == "will") {
		b--
	}
	if b <= 0 {
		return // "Would be a mistake.": no subject
	}
	a := b - 1
	for a > 0 && ts[a-1].w != "that" && ts[a-1].w != "," && ts[a-1].w != ";" && ts[a-1].w != ":" {
		a--
	}
	holder := x.holder(i)
	if a > 1 && ts[a-1].w == "that" {
		// "The Shah agreed that ...": the one who holds the view
		if s := subjectOf(ts, a-2); s != nil && (ts[a-2].is(cOpinionWords) || stemIn(ts[a-2].w, "agre", "believ", "think", "thought", "consider", "said", "say", "stat", "declar", "stress")) {
			holder = s
		}
	}
	x.courseOfAction(ts, a, b, sp, holder, "opposes")
}

// unwanted reads "does not want <course of action>" at the verb ts[i].
func (x *extractor) unwanted(ts []tok, i int, sp span) {
	if !negated(ts, i) || inCondition(ts, i) || i+1 >= len(ts) || ts[i+1].w == "to" || ts[i+1].refs != nil && ts[i+1].pron != 0 {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	b := i + 1
	for b < len(ts) && !ts[b].is(cObjStop) && ts[b].w != "," && ts[b].w != ";" && !(ts[b].punct && ts[b].w == ".") {
		b++
	}
	x.courseOfAction(ts, i+1, b, sp, subj, "opposes")
}

// courseOfAction makes the noun phrase ts[a:b] a proposal (a dozen words
// at most for its name, the whole for its text) and holder's rel of it;
// nothing where the phrase is a pronoun, a name or too short to be one.
func (x *extractor) courseOfAction(ts []tok, a, b int, sp span, holder []Ref, rel string) {
	if a < 0 || b > len(ts) || a >= b {
		return
	}
	// "In our opinion the decision ...": the view's words are no part of it
	if a+2 < b && ts[a].w == "in" && ts[a+1].poss && stemIn(ts[a+2].w, "opinion", "view", "assessment", "judg") {
		a += 3
	}
	if a < b && ts[a].is(cAnaphoric) && ts[a].w != "the" {
		return // "this would be a mistake": what "this" is is read elsewhere
	}
	for a < b && (ts[a].w == "the" || ts[a].w == "a" || ts[a].w == "an" || ts[a].w == "any" || ts[a].w == "such") {
		a++
	}
	if len(holder) == 0 || b-a < 2 || b-a > 20 {
		return
	}
	words, acts := 0, false
	for k := a; k < b; k++ {
		t := ts[k]
		acts = acts || t.is(cActionHeads) || t.is(cHeadPlural) || actNouns[t.w]
		if t.pron != 0 && !t.poss || t.prop > 0 {
			return // "it would be a mistake", a proposal already named
		}
		if !t.punct && t.refs == nil && len(t.w) > 3 {
			words++
		}
	}
	if words < 2 || !acts || ts[a].refs != nil && b-a <= 3 {
		return // "new tension on the peninsula" is no course of action
	}
	n, cnt := a, 0
	for n < b && cnt < 12 {
		if !ts[n].punct {
			cnt++
		}
		n++
	}
	name := capitalize(string(x.r[ts[a].s:ts[n-1].e]))
	pid := x.proposalRef(name, nil, span{ts[a].s, ts[b-1].e})
	x.setText(pid, span{ts[a].s, ts[b-1].e})
	x.add(holder, rel, []Ref{x.props[pid-1].ref}, sp, 0.65)
}
