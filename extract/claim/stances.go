package claim

import (
	"strings"
	"unicode"
)

// Evidence that shows both parties of a meeting, and the limits of
// stances: who holds one, what can be its object.

// stretchNaming is the first stretch of the version read that names both
// a and b: one sentence, else up to six consecutive ones of a block such
// as a participants list ("• Prince Souvanna Phouma ..." and "•
// Governor W. Averell Harriman ..." on the next line), short enough to
// cite; nil where none names both.
func (x *extractor) stretchNaming(a, b Ref) *span {
	names := func(si int, r Ref) bool {
		for _, t := range x.toks[si] {
			if t.ment && len(t.refs) > 0 && t.refs[0] == r {
				return true
			}
		}
		return false
	}
	for si := range x.toks {
		hasA, hasB := names(si, a), names(si, b)
		if !hasA && !hasB {
			continue
		}
		for k := si; k < len(x.toks) && k <= si+5; k++ {
			if x.sents[k].e-x.sents[si].s > 500 || k > si && blankLines(x.r[x.sents[k-1].e:x.sents[k].s]) > 1 {
				break
			}
			hasA, hasB = hasA || names(k, a), hasB || names(k, b)
			if hasA && hasB {
				return &span{x.sents[si].s, x.sents[k].e}
			}
		}
	}
	return nil
}

// blankLines counts the empty lines in a stretch between two sentences.
func blankLines(r []rune) int {
	n, empty := 0, false
	for _, c := range r {
		switch c {
		case '\n':
			if empty {
				n++
			}
			empty = true
		case ' ', '\t', '\r':
		default:
			empty = false
		}
	}
	return n
}

// namesBoth reports whether the sentences within sp name a and b (or a
// first person standing for one of them).
func (x *extractor) namesBoth(sp span, a, b Ref) bool {
	hasA, hasB := false, false
	for si, s := range x.sents {
		if s.s < sp.s || s.e > sp.e {
			continue
		}
		for _, t := range x.toks[si] {
			if len(t.refs) > 0 && (t.ment || t.pron == 1) {
				hasA = hasA || t.refs[0] == a
				hasB = hasB || t.refs[0] == b
			}
		}
	}
	return hasA && hasB
}

// stanceRelations are the relations a party holds towards another party
// or a course of action; a place holds none and is the object of none.
var stanceRelations = set("supports", "opposes", "agrees_with", "accuses", "allied_with")

// notAgentAfter are words after which a party is not the subject of the
// verb that follows: "let Albania join it" (the speaker lets it), "in
// Sadat's words", "по словам Садата", "по мнению Кадара" (whose words
// report, not act).
var notAgentAfter = set("let", "letting", "словам", "мнению", "сообщению", "данным")

// hypothetical reports whether the cue at ts[i] states what a party could
// or would do rather than what it does: "believed Chairman Mao would
// accept it", "the Communist Party could agree to it on questions of
// ...". A refusal ("could not accept", "would not support") is a stance
// all the same, and so is the speaker's own "we would welcome".
func (x *extractor) hypothetical(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := ts[k].w
		switch w {
		case "could", "might", "may", "would":
			if negated(ts, i) {
				return false
			}
			if w == "would" && k > 0 && ts[k-1].pron == 1 {
				return false
			}
			return true
		case "fully", "also", "certainly", "probably", "then", "readily", "gladly", "not":
			continue
		}
		return false
	}
	return false
}

// byContent: "supported the proposal of the joint letter", "rejects the
// plan for a single planning body": a proposal named by a bare head and
// what it is about is the one made earlier whose words these are, not
// necessarily the one last spoken of. obj is kept where no earlier
// proposal shares two content words with the phrase.
func (x *extractor) byContent(ts []tok, j int, obj []Ref) []Ref {
	if j < 0 || j+2 >= len(ts) || !isProp(obj) || len(x.props) < 2 {
		return obj
	}
	head := strings.ToLower(string(x.r[ts[j].s:ts[j].e]))
	for _, det := range []string{"the ", "this ", "that ", "a "} {
		head = strings.TrimPrefix(head, det)
	}
	if !proposalHeads[head] || !(ts[j+1].w == "of" || ts[j+1].w == "on" || ts[j+1].w == "for" || ts[j+1].w == "about") {
		return obj
	}
	var words []string
	for k := j + 2; k < len(ts) && k <= j+10; k++ {
		t := ts[k]
		if t.punct || t.is(cClauseStop) || t.w == "and" && len(words) > 0 {
			break
		}
		if len(t.w) >= 4 && t.refs == nil {
			words = append(words, contentStem(t.w))
		}
	}
	if len(words) < 2 {
		return obj
	}
	best, bestN := -1, 1
	for k, p := range x.props {
		have := map[string]bool{}
		for _, l := range p.labels {
			for _, w := range strings.FieldsFunc(strings.ToLower(l), func(c rune) bool { return !unicode.IsLetter(c) }) {
				have[contentStem(w)] = true
			}
		}
		if e := x.propEntity(k); e >= 0 && e < len(x.res.Entities) {
			for _, w := range strings.FieldsFunc(strings.ToLower(x.res.Entities[e].Text), func(c rune) bool { return !unicode.IsLetter(c) }) {
				have[contentStem(w)] = true
			}
		}
		n := 0
		for _, w := range words {
			if have[w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	if best < 0 {
		return obj
	}
	return []Ref{x.props[best].ref}
}

// contentStem cuts a word to its first five letters, so that "letter" and
// "letters", "withdraw" and "withdrawal" compare alike.
func contentStem(w string) string {
	r := []rune(w)
	if len(r) > 5 {
		r = r[:5]
	}
	return string(r)
}

// stanceCuesEN reads the English stance words the cue switch does not:
// charges in a verb or a phrase of their own (hostileVerb, blamePhrase),
// "stands behind", "solidarity with".
func (x *extractor) stanceCuesEN(ts []tok, i int, sp span) {
	w := ts[i].w
	if _, ok := hostileVerbs[w]; ok {
		x.hostileVerb(ts, i, sp)
		return
	}
	switch w {
	case "approve", "approves", "approved", "endorsed":
		// "Mexico approved the Brazilian proposal"
		// not "That you approve my travel": a recommendation, and the
		// object is the travel, not the one who travels
		if j := skipAdverbs(ts, i+1); !passive(ts, i) && i > 0 && ts[i-1].w != "the" && ts[i-1].pron != 2 && !askedClause(ts, i) && !inCondition(ts, i) && j < len(ts) && !ts[j].poss {
			x.support(ts, i, sp, x.curSi)
		}
	case "dismissed", "dismisses", "refused", "refuses", "rebuffed":
		// "Mexico refused the Brazilian proposal" (not "refused to")
		if !passive(ts, i) && i+1 < len(ts) && ts[i+1].w != "to" {
			x.oppose(ts, i, sp, x.curSi)
		}
	case "down":
		// "turned down the proposal"
		if i > 0 && stemIn(ts[i-1].w, "turn") && !passive(ts, i-1) {
			x.oppose(ts, i, sp, x.curSi)
		}
	case "agreement":
		// "Mexico is in agreement with Brazil"
		if i > 0 && ts[i-1].w == "in" && i+1 < len(ts) && ts[i+1].w == "with" {
			x.agree(ts, i, sp, x.curSi)
		}
	case "sided", "sides", "side":
		// "Mexico sided with Brazil"
		if i+1 < len(ts) && ts[i+1].w == "with" && !negated(ts, i) && !inCondition(ts, i) && !x.hypothetical(ts, i) {
			if k, obj := directObj(ts, i+1); obj != nil && agentRefs(ts[k]) && ts[k].pron == 0 {
				if subj := subjectOf(ts, i); subj != nil && !sameRefs(subj, obj) {
					x.add(subj, "supports", obj, sp, 0.75)
				}
			}
		}
	case "invaded", "invades", "invading", "unleashed", "unleashing":
		// "Brazil invaded Mexico", "Brazil has unleashed a war against Mexico"
		if passive(ts, i) || negated(ts, i) || inCondition(ts, i) || x.hypothetical(ts, i) || x.denied(ts, i) || reportedCharge(ts, i) {
			return
		}
		if !stemIn(w, "invad") && !(i+3 < len(ts) && (ts[i+1].w == "war" || ts[i+2].w == "war" || ts[i+3].w == "war")) {
			return
		}
		if acc := hostileAgent(ts, i); acc != nil {
			x.accusation(acc, i, sp)
		}
	case "responsible":
		// "Mexico holds Brazil responsible for the crisis"
		if i >= 2 && ts[i-1].refs != nil && agentRefs(ts[i-1]) && stemIn(ts[i-2].w, "hold", "held") && !negated(ts, i-2) && !inCondition(ts, i) {
			if subj := subjectOf(ts, i-2); subj != nil && !sameRefs(subj, ts[i-1].refs) {
				x.add(subj, "accuses", ts[i-1].refs[:1], sp, 0.75)
			}
		}
	case "blame", "fault", "responsibility", "guilt":
		x.blamePhrase(ts, i, sp)
	case "stand", "stands", "stood", "standing":
		// "Norway stands behind Sweden", "we stand firmly behind you"
		j := skipAdverbs(ts, i+1)
		if j < len(ts) && (ts[j].w == "firmly" || ts[j].w == "solidly") {
			j++
		}
		if j+1 >= len(ts) || ts[j].w != "behind" || negated(ts, i) || inCondition(ts, i) || x.hypothetical(ts, i) || i > 0 && ts[i-1].w == "to" {
			return
		}
		if k, obj := directObj(ts, j); obj != nil && agentRefs(ts[k]) || isProp(obj) {
			if subj := subjectOf(ts, i); subj != nil && !sameRefs(subj, obj) {
				x.add(subj, "supports", obj, sp, 0.8)
			}
		}
	case "solidarity":
		// "we express our solidarity with Cuba", "in solidarity with"
		if i+1 >= len(ts) || ts[i+1].w != "with" || negated(ts, i) || inCondition(ts, i) {
			return
		}
		k, obj := directObj(ts, i+1)
		if obj == nil || !agentRefs(ts[k]) {
			return
		}
		subj := subjectOf(ts, i)
		if subj == nil {
			subj = x.holder(i)
		}
		if subj != nil && !sameRefs(subj, obj) {
			x.add(subj, "supports", obj, sp, 0.75)
		}
	}
}

// shareViewOf: "We fully share the view of Comrade Okafor", "we share
// Comrade Okafor's assessment", "shares the position of the Soviet
// Union": agreement with the one whose view it is (and support of the
// proposal just spoken of). It reports whether it read one.
func (x *extractor) shareViewOf(ts []tok, i int, sp span, si int, subj []Ref) bool {
	j := skipAdverbs(ts, i+1)
	for j < len(ts) && (ts[j].w == "the" || ts[j].w == "this" || ts[j].is(cTitles) && ts[j].refs == nil || ts[j].w == ".") {
		j++
	}
	var holder []Ref
	switch {
	case j+1 < len(ts) && ts[j].poss && ts[j].pron == 0 && agentRefs(ts[j]) && (ts[j+1].is(cOpinionWords) || ts[j+1].w == "point"):
		holder = ts[j].refs // "Comrade Okafor's view"
	case j+2 < len(ts) && (ts[j].is(cOpinionWords) || ts[j].w == "point") && ts[j].refs == nil && ts[j+1].w == "of":
		k := j + 2
		for k < len(ts) && (ts[k].w == "the" || ts[k].is(cTitles) && ts[k].refs == nil || ts[k].w == ".") {
			k++
		}
		if k < len(ts) && ts[k].pron == 0 && agentRefs(ts[k]) {
			holder = ts[k].refs // "the view of Comrade Okafor"
		}
	}
	if holder == nil || sameRefs(holder, subj) {
		return false
	}
	x.add(subj, "agrees_with", holder[:1], sp, 0.8)
	if p := x.topicProposal(ts, si); p != nil {
		x.add(subj, "supports", p, sp, 0.75)
	}
	return true
}

// nationalProposal: "supports the Brazilian proposal", "rejects the
// Egyptian plan" where the recogniser of proposals did not read the
// nationality: the stance is towards the state's proposal, not the state.
// It names the proposal as the document does ("Brazilian proposal"), and
// the state proposes it; nil where ts[j] is no state before a proposal's
// head.
func (x *extractor) nationalProposal(ts []tok, j int) []Ref {
	if j < 0 || j+1 >= len(ts) || ts[j].prop > 0 || ts[j].pron != 0 || ts[j].refs == nil || ts[j].poss {
		return nil
	}
	owner := ts[j].refs[0]
	if owner.Class != "Country" && owner.Class != "Organization" || !ts[j+1].is(cProposalHeads) || ts[j+1].refs != nil {
		return nil
	}
	name := string(x.r[ts[j].s:ts[j+1].e])
	pid := x.proposalRef(capitalize(name), nil, span{ts[j].s, ts[j+1].e})
	if x.props[pid-1].owner.Name == "" {
		x.props[pid-1].owner = owner
	}
	x.lastProp, x.lastPropSent = pid, x.curSi
	ref := x.props[pid-1].ref
	x.add([]Ref{owner}, "proposes", []Ref{ref}, span{x.sents[x.curSi].s, x.sents[x.curSi].e}, 0.7)
	return []Ref{ref}
}

// refusedObject: "we cannot accept the Brazilian proposal", "we will not
// join the Baghdad Pact": a refusal whose object ts[i+1:k] is one named
// thing (a proposal, a pact or a body) opposes that thing itself; nil
// where the object is a course of action in words of its own.
func (x *extractor) refusedObject(ts []tok, i, k int) []Ref {
	a := i + 1
	for a < k && (ts[a].w == "the" || ts[a].w == "any" || ts[a].w == "this" || ts[a].w == "such" || ts[a].w == "a" || ts[a].w == "an" || ts[a].w == "that") {
		a++
	}
	switch {
	case a == k-1 && ts[a].refs != nil && ts[a].pron == 0 && (isProp(ts[a].refs) || ts[a].ment && (ts[a].refs[0].Class == "Organization" || ts[a].refs[0].Class == "Event")):
		return ts[a].refs[:1]
	case a == k-2:
		return x.nationalProposal(ts, a)
	}
	return nil
}

// refusedTo: ts[k] is "refused" or "declined" before the "to" of an
// infinitive ("Kosygin refused to send troops").
func refusedTo(ts []tok, k int) bool {
	return k+1 < len(ts) && ts[k+1].w == "to" && (ts[k].w == "refused" || ts[k].w == "refuses" || ts[k].w == "refuse" || ts[k].w == "declined" || ts[k].w == "declines")
}

// reportedParagraph: a paragraph of a report or a diary that opens "Le
// Duan said that ..." reports his words to its end; the views its later
// sentences hold are his, not the writer's. nil for the writer's own
// paragraphs ("I replied that ...").
func (x *extractor) reportedParagraph(ts []tok) []Ref {
	if x.inSummary {
		return nil
	}
	sp := speakerAt(ts)
	if sp == nil {
		sp = x.saysOther(ts)
	}
	if sp == nil || sp[0] == x.author {
		return nil
	}
	if x.d.Versions[x.vi].Lang != "en" {
		return sp[:1]
	}
	for _, t := range ts {
		if t.is(cSpeechVerbs) || hearsayVerbs[t.w] {
			return sp[:1] // "said", "stressed", not "Le Duan:" of a heading
		}
	}
	return nil
}

// positionOf: "supports the American position", "backs the Soviet line":
// a nationality adjective before a word for a stand names the state
// whose stand is supported; nil where the words after ts[i] are not such.
func positionOf(ts []tok, i int) []Ref {
	j := skipAdverbs(ts, i+1)
	for j < len(ts) && (ts[j].w == "the" || ts[j].w == "this") {
		j++
	}
	if j+3 < len(ts) && ts[j].refs == nil && (stanceWords[ts[j].w] || stanceWords[ts[j+1].w]) {
		// "the (firm) position of the Portuguese communists"
		k := j + 1
		if !stanceWords[ts[j].w] {
			k++
		}
		if k+1 < len(ts) && ts[k].w == "of" {
			m := k + 1
			for m < len(ts) && (ts[m].w == "the" || ts[m].is(cTitles) && ts[m].refs == nil) {
				m++
			}
			if m < len(ts) && ts[m].pron == 0 && agentRefs(ts[m]) {
				return ts[m].refs[:1]
			}
		}
		return nil
	}
	if j+1 >= len(ts) || len(ts[j].refs) == 0 || ts[j].refs[0].Class != "Country" || ts[j].pron != 0 || ts[j].poss {
		return nil
	}
	if _, dem := demonym[ts[j].w]; !ts[j].adj && !dem {
		return nil // "the Japan position" is no English a record uses
	}
	if stanceWords[ts[j+1].w] {
		return ts[j].refs[:1]
	}
	return nil
}

// stanceWords name a party's stand.
var stanceWords = set("position", "line", "stand", "stance", "policy", "view", "views", "standpoint")

// expletiveIt: "it" at ts[j] before the judgement at ts[k] stands for
// the infinitive or the clause after it ("think it advisable to force the
// pace", "consider it necessary that ..."), not for a proposal.
func expletiveIt(ts []tok, j, k int) bool {
	return (ts[j].w == "it" || ts[j].w == "это" || ts[j].w == "es") && k+1 < len(ts) && (ts[k+1].w == "to" || ts[k+1].w == "that") &&
		(supportAdjs[ts[k].w] || opposeAdjs[ts[k].w])
}

// saysOther: a paragraph in another language that opens with a person
// and a verb of saying ("Genosse Abrassimow informierte, dass ...",
// "Тов. Живков подчерта, че ..."); the person, or nil.
func (x *extractor) saysOther(ts []tok) []Ref {
	i := 0
	for i < len(ts) && i < 3 && (speakerTitles[ts[i].w] || ts[i].is(cTitles) || ts[i].w == ".") && ts[i].refs == nil {
		i++
	}
	if i >= len(ts) || !ts[i].ment || !isPerson(ts[i].refs) {
		return nil
	}
	lang := x.d.Versions[x.vi].Lang
	for v := i + 1; v < len(ts) && v <= i+2; v++ {
		if say, ok := sayLexicon[lang]; ok && x.lexHas(say[0], ts, v) || hasAnyStem(ts[v].w, sayStemsOther) || lang == "ru" && hasAnyStem(ts[v].w, sayStemsRU) {
			return ts[i].refs[:1]
		}
	}
	return nil
}

// sayStemsOther are verbs of telling and informing the say lexicons lack.
var sayStemsOther = []string{"informierte", "teilte", "berichtete", "poinformował", "informoval", "tájékoztatta", "a informat", "informó", "a informé", "informò", "информира", "информирал", "obavestio", "obavijestio"}

// refusedNominal names the course a refusal opposes: what is refused is
// "Acceptance of any arrangement", not "Refusal to accept" it (which the
// one refusing would support).
func refusedNominal(w string) (string, bool) {
	if n, ok := nominal[w]; ok {
		return n, true
	}
	switch w {
	case "accept":
		return "Acceptance", true
	case "join":
		return "Joining", true
	case "attend":
		return "Attendance", true
	case "participate":
		return "Participation", true
	case "negotiate":
		return "", false
	}
	return "", false
}
