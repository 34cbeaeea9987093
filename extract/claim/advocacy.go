package claim

// Courses of action a writer or speaker advocates without the word
// "propose": "We are prepared to work for the withdrawal of all foreign
// forces", "presses for a nuclear-free zone", "As a first step, the Soviet
// Union should halt the airlift", "spoke in favour of the SED itself
// taking the initiative".

// workFor: "work for", "press for", "strive for" a course of action.
func (x *extractor) workFor(ts []tok, i int, sp span) {
	if i+2 >= len(ts) || ts[i+1].w != "for" || negated(ts, i) || inCondition(ts, i) {
		return
	}
	if ts[i].w == "work" && !(i > 0 && ts[i-1].w == "to") {
		return // "the work for peace": the noun
	}
	subj := subjectOf(ts, i)
	if i > 1 && ts[i-1].w == "to" {
		subj = subjectOf(ts, i-1) // "We are prepared to work for ..."
		for k := i - 2; k >= 0 && k >= i-4; k-- {
			if ts[k].is(cAnaphoric) && ts[k].w != "the" {
				return
			}
		}
	}
	if subj == nil {
		return
	}
	if !actsIn(ts, i+2, i+8) {
		return // "work for a positive outcome": no course of action named
	}
	if np := x.npObject(ts, i+1); np != nil {
		x.add(subj, "proposes", np, sp, 0.65)
	}
}

// should: in a memorandum, report or letter, "<party> should <act>" is
// what the writer advises that party to do: the writer's proposal. Not in
// records of conversation, where it is someone's words, nor negated or in
// a condition, nor the writer's own "we should".
func (x *extractor) should(ts []tok, i int, sp span, si int) {
	if x.conversation || x.d.Kind == "minutes" || x.d.Kind == "working_notes" || x.d.Kind == "conversation" || x.d.Kind == "transcript" {
		return
	}
	if i == 0 || i+2 >= len(ts) || negated(ts, i+1) || inCondition(ts, i) || ts[i+1].w == "be" || ts[i+1].w == "have" {
		return // "should be", "should have": judgement, not a step
	}
	if x.sayer != nil && i > x.sayAt || x.hearsay {
		return // someone else's advice, read as theirs elsewhere
	}
	p := ts[i-1]
	if !(p.ment && agentRefs(p) && p.pron == 0) {
		return
	}
	a := i - 1
	for a > 0 && (ts[a-1].w == "the" || ts[a-1].is(cTitles)) {
		a--
	}
	if a > 0 && !(ts[a-1].w == "," || ts[a-1].w == "that") {
		return // the party opens the clause: "As a first step, the Soviet Union should ..."
	}
	x.clauseProposal(ts, a-1, sp, si, x.speakerRef(), "proposes", "Proposal that ")
}

// actsIn reports whether ts[a:b] names a course of action.
func actsIn(ts []tok, a, b int) bool {
	for k := a; k < b && k < len(ts); k++ {
		if ts[k].is(cActionHeads) || ts[k].is(cHeadPlural) || actNouns[ts[k].w] {
			return true
		}
		if ts[k].punct {
			return false
		}
	}
	return false
}
