package claim

import (
	"strings"
	"unicode"
)

var (
	prepositions = set("in", "at", "on", "to", "from", "with", "by", "for", "into", "under", "over", "about",
		"against", "between", "among", "through", "towards", "toward", "across", "after", "before", "behind",
		"within", "without", "during", "than", "like", "via", "including", "except", "besides", "beside")
	titles      = set("comrade", "comrades", "cde", "com", "tov", "chairman", "general", "marshal", "premier", "mr", "the", "president", "ambassador", "minister")
	listVerbs   = set("attain", "press", "seek", "achieve", "propose", "proposes", "proposed", "insist", "insists", "demand", "demands", "strive", "pursue", "secure", "suggest", "suggests", "suggested")
	beForms     = set("is", "are", "was", "were", "be", "been", "am", "being")
	supportAdjs = set("useful", "necessary", "advisable", "expedient", "desirable", "correct", "acceptable", "possible", "appropriate", "beneficial", "right", "timely", "sensible")
	opposeAdjs  = set("harmful", "unacceptable", "inadvisable", "premature", "dangerous", "wrong", "inadmissible", "impossible", "pointless")
	wantVerbs   = set("like", "want", "wants", "wanted", "wish", "wishes", "wished", "intend", "intends", "intended", "ready", "prepared", "offer", "offers", "offered", "propose", "proposes", "proposed", "willing", "hope", "hopes", "hoped", "plan", "plans", "planned")
)

// agent reports whether ts[j] can be the subject of a verb: an entity not
// governed by a preposition ("in Korea"), except "the delegation of the USSR".
func agentAt(ts []tok, j int) bool {
	if ts[j].poss || !agentRefs(ts[j]) {
		return false
	}
	if ts[j].pron != 0 && objectPronoun(ts, j) {
		return false // "I am sending you the text ... and ask you": "you" is no subject
	}
	k := j - 1
	for k >= 0 && ts[k].is(cTitles) {
		k--
	}
	if k < 0 {
		return true
	}
	if ts[k].is(cPrepositions) || notAgentAfter[ts[k].w] {
		return false
	}
	if ts[k].w == "of" {
		return k > 0 && ts[k-1].is(cGroupNouns)
	}
	return true
}

// subjectOf finds the agent of the verb at ts[i]; a verb joined to another
// ("Nasser asks Podgorny to rebuild the Egyptian army and accuses the United
// States") shares the first verb's subject.
func subjectOf(ts []tok, i int) []Ref {
	if i > 1 && ts[i-1].w == "but" && ts[i-2].w == "," && !ts[i].is(cModals) && !ts[i].is(cBeForms) {
		// "He thanked the leadership ..., but asked that ...": the
		// sentence's subject
		for j := 0; j < i-2; j++ {
			if ts[j].is(cClauseStop) || ts[j].w == "," {
				break
			}
			if agentAt(ts, j) {
				return group(ts, j)
			}
		}
	}
	if i > 0 && ts[i-1].w == "and" && !ts[i].is(cModals) {
		start := 0
		if !(i > 1 && ts[i-2].w == ",") {
			// "asks Podgorny to rebuild the army and accuses": this clause;
			// "He said that ..., and proposed": the sentence's subject
			for j := i - 2; j >= 0; j-- {
				if ts[j].is(cClauseStop) {
					start = j + 1
					break
				}
			}
		}
		for j := start; j < i-1; j++ {
			if agentAt(ts, j) {
				if j+1 < i-1 && ts[j+1].w == "and" && j+2 < len(ts) && agentAt(ts, j+2) {
					return group(ts, j+2)
				}
				if j+1 < len(ts) && ts[j+1].w != "," || j+1 >= len(ts) {
					return group(ts, j)
				}
				return group(ts, j)
			}
		}
	}
	for j := i - 1; j >= 0; j-- {
		t := ts[j]
		if t.is(cClauseStop) {
			return nil
		}
		if agentAt(ts, j) {
			return group(ts, j)
		}
	}
	return nil
}

// directObj finds the entity the verb at ts[i] governs: the first one after
// it, past determiners, titles and adverbs only.
func directObj(ts []tok, i int) (int, []Ref) {
	for j := i + 1; j < len(ts) && j <= i+4; j++ {
		t := ts[j]
		if t.refs != nil && !t.adj {
			return j, t.refs
		}
		if t.adj {
			continue // "the Hungarian workers": the nation qualifies the noun
		}
		if t.is(cTitles) || t.w == "a" || t.w == "an" || t.w == "this" || t.w == "also" || t.w == "fully" || t.w == "further" || t.w == "again" || t.w == "." && ts[j-1].is(cTitles) {
			continue
		}
		return -1, nil
	}
	return -1, nil
}

func isProp(refs []Ref) bool { return len(refs) > 0 && refs[0].Class == "Proposal" }

// topicProposal is the proposal the sentence or the one before speaks of.
func (x *extractor) topicProposal(ts []tok, si int) []Ref {
	for _, t := range ts {
		if t.prop > 0 {
			return t.refs
		}
	}
	if x.lastProp > 0 && x.lastPropSent >= si-1 {
		return []Ref{x.props[x.lastProp-1].ref}
	}
	return nil
}

func skipAdverbs(ts []tok, j int) int {
	for j < len(ts) && (ts[j].w == "fully" || ts[j].w == "completely" || ts[j].w == "entirely" || ts[j].w == "also" || ts[j].w == "wholly" || ts[j].w == "readily" || ts[j].w == "now") {
		j++
	}
	return j
}

// faceToFace: an envoy's cable or report that has someone ask or tell "me"
// something records a meeting with that person ("Mao Zedong asked me to
// find out ...").
func (x *extractor) faceToFace(ts []tok, sp span) {
	switch x.d.Kind {
	case "cable", "report", "telegram", "memorandum", "note", "letter":
	default:
		return
	}
	if x.conversation {
		return
	}
	me := x.speakerRef()
	if me == nil {
		return
	}
	for i := 1; i+1 < len(ts); i++ {
		// "I called on the new Foreign Minister Dost this morning"
		if (ts[i].w == "called" || ts[i].w == "call") && ts[i+1].w == "on" && !planned(ts, i) && !negated(ts, i) {
			k := i + 2
			for k < len(ts) && (ts[k].is(cTitles) || speakerTitles[ts[k].w] || ts[k].w == "new" || ts[k].w == "the") && ts[k].refs == nil {
				k++
			}
			if k < len(ts) && ts[k].ment && isPerson(ts[k].refs) {
				if subj := subjectOf(ts, i); sameRefs(subj, me) {
					x.add(me, "meets", ts[k].refs[:1], sp, 0.65)
				}
			}
			continue
		}
		if x.d.Kind != "cable" && x.d.Kind != "report" {
			continue // a leader's letter or telegram hears by wire, not face to face
		}
		switch ts[i].w {
		case "asked", "told", "reminded", "assured", "informed", "promised", "said":
		default:
			continue
		}
		j := i + 1
		if ts[i].w == "said" && ts[j].w == "to" {
			j++
		}
		if j >= len(ts) || ts[j].pron != 1 || !sameRefs(ts[j].refs, me) {
			continue
		}
		if subj := subjectOf(ts, i); isPerson(subj) && subj[0].Name != me[0].Name && !colleagueBriefing(ts, i) {
			x.add(me, "meets", subj[:1], sp, 0.6)
			return
		}
	}
}

// holder is who holds the view a word at ts[i] expresses: the person whose
// words the sentence reports ("Zhou Enlai told me that the Americans are
// violating ..."), else the speaker.
func (x *extractor) holder(i int) []Ref {
	if x.sayer != nil && i > x.sayAt {
		return x.sayer
	}
	if x.paraSayer != nil {
		return x.paraSayer // the paragraph goes on reporting their words
	}
	return x.speakerRef()
}

// reported finds "X said (to me) that ...": the words after "that" are X's,
// and claims read in them are attributed to X. Where no party is named
// ("the Western radio stations claim that ..."), the words are hearsay and
// make no claim.
func (x *extractor) reported(ts []tok) {
	x.sayer, x.sayAt, x.hearsay = nil, 0, false
	for i := 1; i < len(ts); i++ {
		if !ts[i].is(cSpeechVerbs) && !hearsayVerbs[ts[i].w] {
			continue
		}
		if passive(ts, i) {
			continue
		}
		subj := subjectOf(ts, i)
		if sameRefs(subj, x.speakerRef()) {
			continue
		}
		if subj != nil && subj[0].Class == "Proposal" {
			continue
		}
		for k := i + 1; k < len(ts) && k <= i+4; k++ {
			if ts[k].w == "that" {
				if subj == nil {
					if ts[i-1].punct || ts[i-1].w == "it" || ts[i-1].pron != 0 {
						break
					}
					if informantNouns[ts[i-1].w] {
						// "The interlocutor stressed that Kim Il Sung accused
						// the USA ...": the writer's informant reports acts
						// of those the sentence names, no rumour
						break
					}
					x.hearsay, x.sayAt = true, k
					return
				}
				x.sayer, x.sayAt = subj[:1], k
				return
			}
			if ts[k].punct {
				break
			}
		}
	}
}

// informantNouns name one the writer spoke with.
var informantNouns = set("interlocutor", "interlocutors", "ambassador", "minister", "counsellor", "counselor", "official", "officials", "source", "sources")

// hearsayVerbs report what others assert.
var hearsayVerbs = set("told", "tells", "claim", "claims", "claimed", "allege", "alleges", "alleged", "assert",
	"asserts", "asserted", "write", "writes", "wrote", "announce", "announces", "announced", "maintain",
	"maintains", "maintained", "insist", "say", "report", "reports", "spread", "rumour", "rumor")

// participles that do not end in -ed.
var irregularParticiples = set("told", "sent", "made", "brought", "given", "seen", "met", "shown", "put", "taken",
	"known", "held", "met", "sought", "done", "asked", "let")

// passive reports whether the verb at ts[i] is a participle in the passive
// voice: "will be informed", "was rejected", "has been proposed".
func passive(ts []tok, i int) bool {
	w := ts[i].w
	if !strings.HasSuffix(w, "ed") && !irregularParticiples[w] {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch {
		case ts[j].is(cBeForms) || ts[j].w == "get" || ts[j].w == "got" || ts[j].w == "gets":
			return true
		case stemIn(ts[j].w, "keep", "kept") && j > 0 && (ts[j-1].is(cBeForms) || ts[j-1].is(cModals) || ts[j-1].w == "to"):
			// "has been kept informed", "will keep informed": someone is
			// to be told, by no one named
			return true
		case ts[j].refs != nil && ts[j].pron != 0 && j > 0 && stemIn(ts[j-1].w, "keep", "kept"):
			return true // "I will keep you informed": a promise
		case ts[j].is(cNegators) || ts[j].w == "also" || ts[j].w == "already" || ts[j].w == "fully" || ts[j].w == "now" ||
			ts[j].w == "then" || ts[j].w == "still" || ts[j].w == "just" || ts[j].w == "duly" || ts[j].w == "once" || ts[j].w == "again":
			continue
		}
		return false
	}
	return false
}

// headline reports whether the sentence at sp is a heading: a whole line in
// capitals with no full stop ("SOVIET PROPOSAL ON CUBA REJECTED"), or the
// line a text introduces as a headline or a title.
func (x *extractor) headline(sp span) bool {
	r := x.r
	a := sp.s
	for a > 0 && (r[a-1] == ' ' || r[a-1] == '\t') {
		a--
	}
	b := sp.e
	for b < len(r) && (r[b] == ' ' || r[b] == '\t' || r[b] == '\r') {
		b++
	}
	if a > 0 && r[a-1] != '\n' || b < len(r) && r[b] != '\n' {
		return false
	}
	// the line before ends "under the headline:"
	p := a - 1
	for p > 0 && (r[p-1] == '\n' || r[p-1] == ' ' || r[p-1] == '\r') {
		p--
	}
	if p > 0 && r[p-1] == ':' {
		q := p - 1
		for q > 0 && r[q-1] != '\n' && p-q < 40 {
			q--
		}
		prev := strings.ToLower(string(r[q : p-1]))
		if strings.HasSuffix(prev, "headline") || strings.HasSuffix(prev, "headlines") || strings.HasSuffix(prev, "title") || strings.HasSuffix(prev, "heading") {
			return true
		}
	}
	last := r[sp.e-1]
	if last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',' {
		return false
	}
	// a heading stands alone between blank lines; a wrapped telegram in
	// capitals does not
	blankAround := func() bool {
		q := a - 1
		for q > 0 && (r[q-1] == ' ' || r[q-1] == '\t' || r[q-1] == '\r') {
			q--
		}
		if q > 0 && r[q-1] != '\n' {
			return false
		}
		q = b + 1
		for q < len(r) && (r[q] == ' ' || r[q] == '\t' || r[q] == '\r') {
			q++
		}
		return q >= len(r) || r[q] == '\n'
	}
	if a > 0 && !blankAround() {
		return false
	}
	upper, lower, words := 0, 0, 0
	inWord := false
	for _, c := range r[sp.s:sp.e] {
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
		l := unicode.IsLetter(c)
		if l && !inWord {
			words++
		}
		inWord = l
	}
	return lower == 0 && upper >= 8 && words >= 3
}

func (x *extractor) speakerRef() []Ref {
	if len(x.speaker) > 0 {
		return x.speaker[:1]
	}
	return nil
}

// cues reads the claims a sentence makes.
func (x *extractor) cues(ts []tok, sp span, si int, sents []span, toks [][]tok) {
	x.cueAt = -1
	x.sentenceFacts(ts, sp)
	if x.headline(sp) {
		if si < 6 {
			// the record's own heading: "Record of a conversation with X"
			x.mute = false
			x.conversationWith(ts, sp)
			x.mute = true
		}
		return // a newspaper's or a file's heading is not the author's statement
	}
	x.reported(ts)
	x.faceToFace(ts, sp)
	x.listHeading(ts, si)
	if si < 6 {
		x.conversationWith(ts, sp) // "Record of a conversation with X" under the heading
	}
	for i, t := range ts {
		if t.punct || t.refs != nil {
			continue
		}
		if x.hearsay && i > x.sayAt {
			break // what unnamed others claim ("the radio stations claim that ...")
		}
		x.cueAt = i
		w := t.w
		if w == "received" && i+1 < len(ts) && ts[i+1].w == "by" && passive(ts, i) {
			x.receivedBy(ts, i, sp) // "Kim Il Sung was received by Chairman Mao"
			continue
		}
		if x.impersonal(ts, i, sp, si) {
			continue // "it is requested that ...": the writer's own
		}
		if passive(ts, i) && !(w == "opposed" && i+1 < len(ts) && ts[i+1].w == "to") && !hasStem(w, "weakened", "undermined", "isolated", "exposed", "dissolved", "liquidated") {
			// "the Korean comrades will be informed": the grammatical
			// subject undergoes the act, and the doer is not named
			continue
		}
		switch w {
		case "support", "oppose", "reject", "endorse", "back", "welcome", "accept", "join", "condemn", "denounce", "accuse", "blame", "meet", "see", "visit", "inform", "notify", "tell", "help", "assist", "aid", "agree", "concur":
			if x.performativeInform(ts, i, sp) {
				continue // "I want to inform you": the act itself
			}
			if wished(ts, i) || x.hypothetical(ts, i) {
				continue
			}
		}
		switch w {
		case "support", "oppose", "reject", "endorse", "back", "condemn", "denounce", "accuse", "blame", "agree", "inform", "notify", "tell":
			if askedClause(ts, i) { // the clause is read back only for these verbs
				continue
			}
		}
		if refusalVerbs[w] {
			x.refuse(ts, i, sp)
		}
		x.stanceCuesEN(ts, i, sp)
		switch w {
		case "agree", "agrees", "agreed", "agreeing", "concur", "concurs", "concurred":
			x.agree(ts, i, sp, si)
		case "share", "shares", "shared":
			x.share(ts, i, sp, si)
		case "support", "supports", "supported", "supporting", "endorse", "endorses", "endorsed", "welcome", "welcomes", "welcomed", "back", "backs", "backed", "favour", "favor":
			x.support(ts, i, sp, si)
		case "oppose", "opposes", "opposed", "opposing", "reject", "rejects", "rejected", "rejecting", "object", "objects", "objected", "against", "condemn", "condemns", "condemned":
			x.oppose(ts, i, sp, si)
		case "unacceptable", "inadmissible":
			x.unacceptable(ts, i, sp)
		case "weakened", "undermined", "isolated", "exposed", "dissolved", "liquidated":
			if i > 0 && ts[i-1].is(cBeForms) && !negated(ts, i) {
				if s := subjectOf(ts, i-1); s != nil && !isPerson(s) {
					x.add(x.holder(i), "opposes", s, sp, 0.6)
				}
			}
		case "propose", "proposes", "proposed", "suggest", "suggests", "suggested", "raises", "raised", "raise", "brings", "bring", "brought":
			x.propose(ts, i, sp, si)
			x.recommendations(ts, i, sp, si) // "I propose:" and the items after it
		case "initiative":
			x.initiative(ts, i, sp)
		case "necessary", "important", "essential", "advisable", "expedient", "desirable", "indispensable", "imperative", "urgent", "vital":
			x.necessity(ts, i, sp, si)
		case "demand", "demands", "demanded", "urge", "urges", "urged", "moved", "moves":
			x.demand(ts, i, sp, si) // and the minutes' "Comrade X moved that ..."
		case "put", "tabled", "tables":
			x.putForward(ts, i, sp)
		case "following":
			x.list(ts, i, sp, si, sents, toks)
		case "send", "appoint", "nominate", "designate":
			x.nominate(ts, i, sp)
			if w == "send" {
				x.hostile(ts, i, sp)
			}
		case "sign", "conclude", "form", "establish", "create", "build", "join", "joining", "accept", "accepts", "accepted":
			x.action(ts, i, sp)
		case "consider", "considers", "considered", "regard", "regards", "deem", "deems", "think", "thinks", "find", "finds", "believe", "believes", "advise", "advises", "recommend", "recommends":
			x.evaluate(ts, i, sp)
			x.advise(ts, i, sp)
			if w == "recommend" || w == "recommends" {
				x.recommendations(ts, i, sp, si)
				x.demand(ts, i, sp, si) // "I again recommend that we open a channel"
			}
		case "reflects", "reflect", "reflected", "follows", "follow", "followed", "expresses", "express", "serves", "serve":
			x.reflects(ts, i, sp)
		case "help", "helps", "helped", "helping", "assist", "assists", "assisted", "assisting", "aid", "aids", "aided":
			x.help(ts, i, sp)
		case "please":
			if i+1 < len(ts) && stemIn(ts[i+1].w, "accept", "receive") {
				continue // "Please accept the assurance of my highest consideration"
			}
			if !x.conversation && (i == 0 || ts[i-1].w == "," || ts[i-1].w == "\"" || ts[i-1].w == "“") {
				x.add(x.speakerRef(), "requests", x.addressee, sp, 0.75)
			}
			if i == 0 || ts[i-1].w == "," || ts[i-1].w == ":" || ts[i-1].w == "\"" || ts[i-1].w == "“" {
				x.please(ts, i, sp) // and what: "Please send us 200 trucks"
			}
		case "ask", "asks", "asked", "asking", "request", "requests", "requested", "requesting", "beg", "begs":
			x.ask(ts, i, sp)
		case "inform", "informs", "informed", "notify", "notifies", "notified", "report", "reports", "reported", "let", "tell", "tells", "told":
			x.inform(ts, i, sp)
		case "accuse", "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming", "denounce", "denounces", "denounced":
			if i > 0 && (ts[i-1].w == "the" || ts[i-1].w == "be" || ts[i-1].w == "was" || ts[i-1].w == "were" || ts[i-1].w == "is" || ts[i-1].w == "are") {
				continue // "the accused", a passive
			}
			if j, obj := directObj(ts, i); obj != nil && ts[j].prop == 0 && !negated(ts, i) && !inCondition(ts, i) {
				if subj := subjectOf(ts, i); subj != nil {
					x.add(subj, "accuses", conjuncts(ts, j, obj), sp, 0.8)
				}
			}
		case "agents", "agent", "puppets", "puppet", "stooges", "lackeys", "henchmen":
			x.agents(ts, i, sp)
		case "violate", "violates", "violated", "violating", "sabotage", "sabotages", "sabotaged", "sabotaging", "provocation", "provocations", "aggressor", "aggressors", "acting",
			"imperialists", "imperialist", "imperialism", "aggression":
			x.accuse(ts, i, sp)
		case "criticize", "criticizes", "criticized", "criticise", "criticises", "criticised", "attacked", "attacks":
			x.criticize(ts, i, sp)
		case "charged", "charges", "charge":
			// "charged the U.S. with arming rebels"
			if j, obj := directObj(ts, i); obj != nil && j+1 < len(ts) && ts[j+1].w == "with" && !negated(ts, i) && !passive(ts, i) && ts[j].prop == 0 {
				if subj := subjectOf(ts, i); subj != nil {
					x.add(subj, "accuses", obj, sp, 0.75)
				}
			}
		case "ally", "allies", "allied":
			x.ally(ts, i, sp)
		case "should":
			x.should(ts, i, sp, si)
		case "need", "needs":
			x.need(ts, i, sp, si)
		case "must":
			x.mustBe(ts, i, sp, si)
		case "disaster", "catastrophe", "error", "mistake", "blunder", "folly":
			x.evaluated(ts, i, sp)
		case "want", "wants", "wish", "wishes":
			x.unwanted(ts, i, sp)
		case "press", "presses", "pressed", "strive", "strives":
			x.workFor(ts, i, sp)
		case "raids", "raid", "shelling", "bombing", "bombings", "incursions", "incursion", "infiltration", "subversion", "intervention", "interference", "blockade",
			"sending", "sends", "sent", "split", "splitting", "splits", "undermine", "undermining", "undermines", "subvert", "subverting", "seizure", "struggle", "work":
			x.hostile(ts, i, sp)
			if w == "work" {
				x.workFor(ts, i, sp)
			}
		case "meet", "meets", "met", "see", "saw", "received", "receive", "receives", "talks", "conversation", "meeting", "meetings", "conversations":
			x.meet(ts, i, sp)
		case "called", "call", "calls":
			if i+1 < len(ts) && (ts[i+1].w == "on" || ts[i+1].w == "upon") {
				x.meet(ts, i, sp) // "I called on Deputy Foreign Minister X"
			}
		case "visit", "visits", "visited", "visiting", "arrived", "arrive", "arrives", "travel", "travels", "travelled", "traveled":
			x.visit(ts, i, sp)
		}
	}
}

// sentenceFacts notes what the document-level claims need: replies to the
// recipient's message, forwarded messages, signatures.
func (x *extractor) sentenceFacts(ts []tok, sp span) {
	x.cites(ts, sp)
	x.thanksForInformation(ts, sp)
	hasPron, reached := false, false
	me, you := false, false
	for _, t := range ts {
		if t.pron == 1 || t.pron == 2 {
			if t.refs != nil {
				hasPron = true
				me = me || t.pron == 1
				you = you || t.pron == 2
			}
		}
		switch t.w {
		case "reached", "arrived", "received", "got", "information":
			reached = true
		}
	}
	if hasPron && x.firstPron == nil && !x.mute && !crossReference(ts) {
		s := sp
		x.firstPron = &s
	}
	if me && you && x.bothSent == nil && !x.mute {
		s := sp
		x.bothSent = &s
	}
	if you && x.youSent == nil && !x.mute {
		s := sp
		x.youSent = &s
	}
	if x.bodySent == nil && len(ts) > 6 && !x.mute && !crossReference(ts) && ts[len(ts)-1].w == "." {
		s := sp
		x.bodySent = &s
	}
	if x.salutSent == nil && len(ts) <= 8 && x.recipient.Name != "" {
		for k, t := range ts {
			if t.ment && len(t.refs) > 0 && t.refs[0] == x.recipient && k <= 3 {
				s := sp
				x.salutSent = &s
				break
			}
		}
	}
	for i, t := range ts {
		// "Your telegram of 8 September has reached us"
		if t.pron == 2 && t.poss && i+1 < len(ts) && ts[i+1].is(cMessageNouns) && reached && !x.conversation {
			x.replyCue = true
			if x.d.Kind != "report" {
				x.add(x.addressee, "informs", x.speakerRef(), sp, 0.7)
			}
		}
		// "Thank you for the information"
		if t.w == "information" && i >= 3 && ts[i-1].w == "the" && ts[i-2].w == "for" && ts[i-3].pron == 2 && !x.conversation {
			x.replyCue = true
			x.add(x.addressee, "informs", x.speakerRef(), sp, 0.7)
		}
		// "a telegram I have received from comrade Mao Zedong"
		if t.w == "from" && i > 0 {
			j := i + 1
			for j < len(ts) && ts[j].is(cTitles) {
				j++
			}
			if j < len(ts) && ts[j].ment && isPerson(ts[j].refs) && (ts[i-1].w == "received" || ts[i-1].is(cMessageNouns)) {
				x.source = ts[j].refs[:1]
				if !x.enclosure {
					x.add(x.source, "informs", x.speakerRef(), sp, 0.7)
				}
			}
		}
	}
	if x.conversation && x.meetSent == nil && !x.inSummary {
		a, b, named := false, false, false
		for _, t := range ts {
			// "At 9 a.m. I was called ... to see I. Nagy": the diarist by
			// the first person, the other by name
			if (t.ment || t.pron == 1) && len(t.refs) > 0 {
				a = a || t.refs[0] == x.partA
				b = b || t.refs[0] == x.partB
				named = named || t.ment
			}
		}
		if a && b && named {
			s := sp
			x.meetSent = &s
		}
		if (a || b) && x.partySent == nil && !labelWords[ts[0].w] && !(len(ts) > 1 && ts[0].w == "taking" && ts[1].w == "part") {
			s := sp
			x.partySent = &s
		}
	}
}

func (x *extractor) docLevel() {
	// who met whom and who wrote to whom stand in any version alike
	x.structural = true
	defer func() { x.structural = false }()
	if telephone(x.d.Title) {
		return // the two spoke on the telephone: no meeting
	}
	if (x.d.Kind == "conversation" || x.d.Kind == "transcript") && !x.conversation && len(x.d.Participants) >= 2 {
		// a record of conversation whose speakers are not marked: the
		// participants its title names met
		x.titleMeeting()
		return
	}
	if x.conversation && x.partA.Name != "" && !x.session && x.d.Kind != "minutes" && x.d.Kind != "working_notes" {
		sp := x.meetSent
		if sp == nil {
			sp = x.turns() // the first turn of each, where they are close
		}
		if sp == nil {
			sp = x.stretchNaming(x.partA, x.partB) // a list naming both
		}
		if sp == nil {
			sp = x.partySent // one of them, at least, not "Present: ..."
		}
		if sp == nil {
			sp = x.firstSent
		}
		if sp != nil {
			x.addAttr([]Ref{x.partA}, "meets", []Ref{x.partB}, *sp, 0.7, x.recorder(x.partA))
		}
		x.thirdParticipants()
		return
	}
	if x.d.Kind == "conversation" && len(x.d.Participants) == 1 && x.author.Name != "" && x.author.Name != x.d.Participants[0] {
		// "From the Journal of Ambassador X, Record of a Conversation with
		// Y": the diarist met the one the title names
		x.diaryMeeting()
		return
	}
	if x.author.Name == "" || x.recipient.Name == "" || x.secondary {
		return // a letter's informs claim is the translation's to decide
	}
	if x.replyCue && x.d.Kind != "report" && x.d.Kind != "cable" {
		return
	}
	who := x.author
	if s := x.signedBy(); s != nil && s[0] != x.recipient {
		who = s[0]
	}
	// the evidence shows both parties: "we" and "you" ("We agree with
	// you"), else at least the addressee; a sentence naming neither ("In
	// addition to my No 2390.") is no evidence of anything
	sp := x.bothSent
	for _, alt := range []*span{x.youSent, x.salutSent, x.firstPron} {
		if sp == nil {
			sp = alt
		}
	}
	if lang := x.d.Versions[x.vi].Lang; sp == nil && (x.d.Kind == "letter" || x.d.Kind == "telegram") && lang != "en" && lang != "ru" {
		// a letter in a language whose first and second persons are not
		// read here: its first sentence to the addressee stands for it
		sp = x.bodySent
	}
	if sp == nil && x.d.Kind != "letter" && x.d.Kind != "telegram" && x.d.Kind != "conversation" {
		// a memorandum, report or note informs its addressee by what it
		// is; its first sentence stands for it
		sp = x.bodySent
	}
	if sp != nil {
		x.addAttr([]Ref{who}, "informs", []Ref{x.recipient}, *sp, 0.6, x.author)
	}
}

func (x *extractor) agree(ts []tok, i int, sp span, si int) {
	if inCondition(ts, i) {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	neg := negated(ts, i)
	j := skipAdverbs(ts, i+1)
	next := ""
	if j < len(ts) {
		next = ts[j].w
	}
	// "Kosygin agreed.", "Machel agreed with this assessment": with the one
	// who spoke in the sentence before
	other := x.previousSpeaker(subj, si)
	switch next {
	case "with":
		if j+2 < len(ts) && rightObjNone(ts, j) && (ts[j+1].is(cAnaphoric) || ts[j+1].poss) && ts[j+2].is(cOpinionWords) && other != nil && !neg {
			x.add(subj, "agrees_with", other, sp, 0.7)
			return
		}
		if k, obj := rightObj(ts, j, true); obj != nil {
			if p := x.nationalProposal(ts, k); p != nil {
				obj = p // "agree with the Brazilian proposal"
			}
			switch {
			case isProp(obj) && neg:
				x.add(subj, "opposes", obj, sp, 0.75)
			case isProp(obj):
				x.add(subj, "supports", obj, sp, 0.8)
				// "We agree with your proposal": with its author too
				if pid := x.propID(obj[0]); pid > 0 {
					if o := x.props[pid-1].owner; o.Class == "Person" {
						x.add(subj, "agrees_with", []Ref{o}, sp, 0.75)
					}
				}
			case !neg:
				x.add(subj, "agrees_with", obj, sp, 0.85)
			case isPerson(obj):
				// "I do not agree with Comrade Kádár": against his view
				x.add(subj, "opposes", obj, sp, 0.7)
			}
		}
	case "to":
		k, obj := rightObj(ts, j, true)
		switch {
		case isProp(obj) && k <= j+3:
			if neg {
				x.add(subj, "opposes", obj, sp, 0.75)
			} else {
				x.add(subj, "supports", obj, sp, 0.8)
			}
		case (obj == nil || k > j+2) && j+1 < len(ts) && !ts[j+1].punct && ts[j+1].refs == nil && !ts[j+1].is(cAnaphoric) && ts[j+1].w != "a" && ts[j+1].w != "an" && !neg:
			// "Bundy answered that he agreed to include ...": granting what
			// the writer, who met him, asked
			if isPerson(subj) && !x.conversation && !sameRefs(subj, x.speakerRef()) && len(x.speakerRef()) > 0 && x.metWriter(subj[0]) {
				x.add(subj, "agrees_with", x.speakerRef()[:1], sp, 0.65)
			}
			// "We agree to send advisers": granting what the addressee asked
			if sameRefs(subj, x.speakerRef()) {
				x.add(subj, "agrees_with", x.addressee, sp, 0.7)
				// "We agree to work through the UN" after the other side
				// proposed to: the proposal they just made
				if len(x.addressee) > 0 {
					if pid := x.personProp[x.addressee[0]]; pid > 0 && pid == x.lastProp && x.lastPropSent >= si-3 {
						x.add(subj, "supports", []Ref{x.props[pid-1].ref}, sp, 0.65)
					}
				}
			}
		}
	case "that", ",", ".", "":
		if !neg && sameRefs(subj, x.speakerRef()) && len(x.addressee) > 0 {
			x.add(subj, "agrees_with", x.addressee, sp, 0.7)
		} else if !neg && (next == "." || next == "") && other != nil {
			x.add(subj, "agrees_with", other, sp, 0.65)
		}
	}
}

// previousSpeaker is the person the sentence before has for its subject,
// where it is another person than subj; nil otherwise.
func (x *extractor) previousSpeaker(subj []Ref, si int) []Ref {
	if !isPerson(subj) || x.lastSubjectSi != si-1 || !isPerson(x.lastSubject) || x.lastSubject[0] == subj[0] {
		return nil
	}
	return x.lastSubject[:1]
}

// rightObjNone: no entity follows "with" before the opinion word ("with
// this assessment", not "with the Soviet assessment").
func rightObjNone(ts []tok, j int) bool {
	return j+1 < len(ts) && ts[j+1].refs == nil || j+1 < len(ts) && ts[j+1].pron != 0
}

// metWriter reports whether the record has its writer meet p.
func (x *extractor) metWriter(p Ref) bool {
	me := x.speakerRef()
	if len(me) == 0 {
		return false
	}
	_, a := x.seen[claimKey{me[0].Name, "meets", p.Name}]
	_, b := x.seen[claimKey{p.Name, "meets", me[0].Name}]
	return a || b
}

func sameRefs(a, b []Ref) bool {
	return len(a) > 0 && len(b) > 0 && a[0] == b[0]
}

func (x *extractor) share(ts []tok, i int, sp span, si int) {
	subj := subjectOf(ts, i)
	if subj == nil || negated(ts, i) {
		return
	}
	if x.shareViewOf(ts, i, sp, si, subj) {
		return
	}
	j := skipAdverbs(ts, i+1)
	if j >= len(ts) || ts[j].refs == nil || !ts[j].poss {
		return
	}
	for k := j + 1; k < len(ts) && k <= j+3; k++ {
		if ts[k].is(cOpinionWords) || ts[k].w == "point" {
			x.add(subj, "agrees_with", ts[j].refs, sp, 0.8)
			if p := x.topicProposal(ts, si); p != nil {
				x.add(subj, "supports", p, sp, 0.75)
			}
			return
		}
	}
}

func (x *extractor) support(ts []tok, i int, sp span, si int) {
	w := ts[i].w
	if w == "favour" || w == "favor" {
		if i == 0 || ts[i-1].w != "in" {
			return
		}
	} else if i > 0 && (w == "support" || w == "back" || w == "welcome") {
		// a verb, not the noun: "popular support for"; but "expressed
		// support for" is the subject's support too
		p := ts[i-1]
		k := i - 1
		for k > 0 && (ts[k].w == "his" || ts[k].w == "their" || ts[k].w == "its" || ts[k].w == "full" || ts[k].w == "firm" || ts[k].w == "our" || ts[k].w == "her") {
			k--
		}
		expressed := w == "support" && hasStem(ts[k].w, "express", "voice", "gave", "give", "offer", "promise", "pledge", "declare")
		if !expressed && !(p.refs != nil || p.is(cModals) || p.is(cNegators) || p.is(cGroupNouns) || p.w == "who" || p.w == "that" || p.w == "which") {
			return
		}
	}
	if inCondition(ts, i) {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	rel := "supports"
	if negated(ts, i) {
		rel = "opposes"
	}
	if p := positionOf(ts, i); p != nil {
		x.add(subj, rel, p, sp, 0.75) // "fully supports the American position": the state's
		return
	}
	j, obj := rightObj(ts, i, true)
	if obj == nil {
		return
	}
	if (w == "favour" || w == "favor") && rel == "supports" && j+2 < len(ts) && (strings.HasSuffix(ts[j+1].w, "ing") || ts[j+1].w == "itself" && strings.HasSuffix(ts[j+2].w, "ing")) {
		// "spoke in favour of the SED itself taking the initiative": the
		// course of action, with whoever is to take it
		a := j
		for a > i+1 && (ts[a-1].w == "the" || ts[a-1].is(cTitles)) {
			a--
		}
		b := j + 1
		for b < len(ts) && !(ts[b].punct && ts[b].w != "-") && !ts[b].is(cClauseStop) {
			b++
		}
		x.courseOfAction(ts, a, b, sp, subj, "proposes")
		return
	}
	if stemIn(w, "welcom") && j+1 < len(ts) && guestNouns[ts[j+1].w] {
		return // "We welcome the Soviet delegation": a greeting, no stance
	}
	if stemIn(w, "welcom") && isPerson(obj) && !ts[j].poss {
		// "Honecker welcomed Gorbachev": a greeting, face to face
		if isPerson(subj) && rel == "supports" && j <= i+3 {
			x.add(subj, "meets", obj, sp, 0.6)
		}
		return
	}
	if ts[j].poss && j+1 < len(ts) && (ts[j+1].is(cOpinionWords) || ts[j+1].w == "point" || ts[j+1].w == "idea" || ts[j+1].w == "stand") {
		if rel == "supports" {
			x.add(subj, "agrees_with", obj, sp, 0.75)
		}
		if p := x.topicProposal(ts, si); p != nil {
			x.add(subj, rel, p, sp, 0.8)
		}
		return
	}
	if p := x.possProposal(ts, j); p != nil {
		x.add(subj, rel, p, sp, 0.8) // "supported Stilwell's plan to cut down the tree"
		return
	}
	if p := x.nationalProposal(ts, j); p != nil {
		x.add(subj, rel, p, sp, 0.8)
		return
	}
	if leader := headedBy(ts, j); leader != nil {
		obj = leader // "support for the PUWP leadership headed by Comrade Kania": for Kania
	}

	if j > i+4 && !isProp(obj) {
		return
	}
	x.add(subj, rel, x.byContent(ts, j, obj), sp, 0.85)
}

// possNamed: a proposal the recogniser of proposals already read whole
// ("Novák's plan to close the crossings"): its words after the head are
// its text, and it is its owner's proposal.
func (x *extractor) possNamed(t tok) []Ref {
	pid := t.prop
	raw := x.r[t.s:t.e]
	k := -1
	for i := 0; i+2 < len(raw); i++ {
		if (raw[i] == '\'' || raw[i] == '’') && (raw[i+1] == 's' || raw[i+1] == 'S') && raw[i+2] == ' ' {
			k = i + 3
			break
		}
	}
	owner := x.props[pid-1].owner
	if k < 0 || owner.Name == "" {
		return nil
	}
	h := k
	for h < len(raw) && unicode.IsLetter(raw[h]) {
		h++
	}
	if !proposalHeads[strings.ToLower(string(raw[k:h]))] {
		return nil
	}
	t0 := h
	for t0 < len(raw) && raw[t0] == ' ' {
		t0++
	}
	if w := strings.ToLower(string(raw[t0:min(len(raw), t0+4)])); strings.HasPrefix(w, "to ") || strings.HasPrefix(w, "for ") || strings.HasPrefix(w, "on ") {
		x.setText(pid, span{t.s + t0, t.e})
	}
	ref := x.props[pid-1].ref
	x.add([]Ref{owner}, "proposes", []Ref{ref}, span{x.sents[x.curSi].s, x.sents[x.curSi].e}, 0.7)
	return []Ref{ref}
}

// possProposal: "Stilwell's plan to cut down the tree", "Kádár's
// proposal": a proposal named after its owner, with the words that follow
// the head as its text; nil where ts[j] is no owner of a proposal.
func (x *extractor) possProposal(ts []tok, j int) []Ref {
	if j >= 0 && j < len(ts) && ts[j].prop > 0 {
		return x.possNamed(ts[j])
	}
	if j < 0 || j+1 >= len(ts) || ts[j].pron != 0 || !agentRefs(ts[j]) || !ts[j+1].is(cProposalHeads) && ts[j+1].prop == 0 {
		return nil
	}
	if m := strings.ToLower(string(x.r[ts[j].s:ts[j].e])); !ts[j].poss && !strings.HasSuffix(m, "'s") && !strings.HasSuffix(m, "’s") {
		return nil
	}
	owner := ts[j].refs[0]
	// the head word, then what the plan is to do, up to the clause's end
	h := ts[j+1].s
	for h < len(x.r) && unicode.IsLetter(x.r[h]) {
		h++
	}
	head := strings.ToLower(string(x.r[ts[j+1].s:h]))
	if !proposalHeads[head] {
		return nil
	}
	t0 := h
	for t0 < len(x.r) && x.r[t0] == ' ' {
		t0++
	}
	t1 := t0
	if w := strings.ToLower(string(x.r[t0:min(len(x.r), t0+4)])); strings.HasPrefix(w, "to ") || strings.HasPrefix(w, "for ") || strings.HasPrefix(w, "on ") {
		for t1 < len(x.r) && t1 < t0+200 && !strings.ContainsRune(",;:.!?\n", x.r[t1]) {
			t1++
		}
	}
	var pid int
	if ts[j+1].prop > 0 {
		pid = ts[j+1].prop // the recogniser of proposals named it already
	} else {
		on := owner.Name
		for _, suf := range []string{"'s", "'S", "’s", "’S"} {
			on = strings.TrimSuffix(on, suf) // a mention that took the ending in
		}
		pid = x.proposalRef(on+"'s "+head, nil, span{ts[j].s, h})
	}
	if x.props[pid-1].owner.Name == "" {
		x.props[pid-1].owner = owner
	}
	if t1 > t0 {
		x.setText(pid, span{t0, t1})
	}
	x.lastProp, x.lastPropSent = pid, x.curSi
	ref := x.props[pid-1].ref
	// the plan is its owner's proposal
	x.add([]Ref{owner}, "proposes", []Ref{ref}, span{x.sents[x.curSi].s, x.sents[x.curSi].e}, 0.7)
	return []Ref{ref}
}

func (x *extractor) oppose(ts []tok, i int, sp span, si int) {
	w := ts[i].w
	if inCondition(ts, i) {
		return
	}
	switch w {
	case "against":
		// "speak out against", "was against it", "vote against"
		if i == 0 || !(ts[i-1].is(cBeForms) || ts[i-1].w == "out" || stemIn(ts[i-1].w, "vot", "protest") || ts[i-1].w == "firmly" || ts[i-1].w == "strongly") {
			return
		}
	case "object", "objects", "objected":
		if i == 0 || !(ts[i-1].refs != nil || ts[i-1].is(cModals) || ts[i-1].is(cNegators) || strings.HasSuffix(ts[i-1].w, "n't")) {
			return
		}
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	j, obj := rightObj(ts, i, false)
	if negated(ts, i) {
		// "Stalin does not object": he accepts what was put to him
		if obj == nil || !isProp(obj) {
			if i+1 < len(ts) && !ts[i+1].punct {
				return // "does not object to the participation of Poland"
			}
			obj = x.topicProposal(ts, si)
		}
		if isProp(obj) && (w == "object" || w == "objects" || w == "objected" || w == "oppose" || w == "opposes") {
			x.add(subj, "supports", obj, sp, 0.7)
		}
		return
	}
	if p := x.possProposal(ts, j); p != nil {
		x.add(subj, "opposes", p, sp, 0.8) // "rejected Martin's plan"
		return
	}
	if p := x.nationalProposal(ts, j); p != nil {
		x.add(subj, "opposes", p, sp, 0.8)
		return
	}

	if obj == nil || !isProp(obj) && !(j <= i+2 && !isPerson(obj)) {
		return
	}
	if !isProp(obj) && ts[j].pron != 0 {
		return // "We rejected them": what "them" are, demands or proposals, is not the state
	}
	if stemIn(w, "condemn") && !isProp(obj) && agentRefs(ts[j]) {
		x.add(subj, "accuses", obj, sp, 0.8) // condemning a party charges it
		return
	}
	x.add(subj, "opposes", x.byContent(ts, j, obj), sp, 0.85)
}

// unacceptable: "the proposal of the Mexicans is unacceptable" is its
// holder's opposition; the holder is the "we" of the sentence, else the
// speaker.
func (x *extractor) unacceptable(ts []tok, i int, sp span) {
	if negated(ts, i) {
		return
	}
	var obj []Ref
	for j := i - 1; j >= 0; j-- {
		if ts[j].prop > 0 {
			obj = ts[j].refs
			break
		}
	}
	if obj == nil {
		return
	}
	holder := x.holder(i)
	for j := 0; j < i; j++ {
		if ts[j].pron == 1 && ts[j].refs != nil {
			holder = ts[j].refs
			break
		}
	}
	x.add(holder, "opposes", obj, sp, 0.85)
	// "We agree with you that the proposal is unacceptable": you hold it too
	if other := agreedWith(ts, i); other != nil {
		x.add(other, "opposes", obj, sp, 0.75)
	}
}

// agreedWith finds whom "agree with X that ..." before ts[i] agrees with.
func agreedWith(ts []tok, i int) []Ref {
	for j := 0; j+2 < i; j++ {
		if !stemIn(ts[j].w, "agree", "concur") || ts[j].w == "agreement" || negated(ts, j) {
			continue
		}
		k := skipAdverbs(ts, j+1)
		if k+2 < i && ts[k].w == "with" && ts[k+1].refs != nil && agentRefs(ts[k+1]) && !ts[k+1].poss && ts[k+2].w == "that" {
			return ts[k+1].refs
		}
	}
	return nil
}

func (x *extractor) propose(ts []tok, i int, sp span, si int) {
	if inCondition(ts, i) || negated(ts, i) {
		return
	}
	subj := subjectOf(ts, i)
	if i >= 3 && ts[i-1].w == "to" && ts[i-2].refs != nil && ts[i-2].pron != 0 && stemIn(ts[i-3].w, "instruct", "authori", "asked", "ask", "told", "tell", "charg", "direct", "entrust", "sent", "send") {
		subj = ts[i-2].refs // "had instructed him to propose that": he proposes
	}
	if subj == nil {
		subj = x.organOfAuthor(ts, i) // "The Central Committee of the PLA proposes"
	}
	if subj == nil {
		return
	}
	w := ts[i].w
	if strings.HasPrefix(w, "propos") || strings.HasPrefix(w, "suggest") {
		if x.proposeTo(ts, i, sp, si, subj) {
			return
		}
		// a person's own proposal ("I propose that we create ..."); what "the
		// Chinese side proposes that" is stands with its speaker
		th := thatAfter(ts, i) // "proposed instead that", "propose to you that"
		if th > 0 && isPerson(subj) && addresseeActs(ts, th+1) {
			// "We propose that the Soviet side supply missiles": what the
			// other side is to do is asked of it
			if x.clauseProposal(ts, th, sp, si, subj, "requests", "Request that ") {
				return
			}
		}
		// and a body's own, where the body writes ("The Central Committee
		// of the PLA proposes that ..." in its letter)
		own := isPerson(subj) || sameRefs(subj, []Ref{x.author}) && x.author.Name != ""
		if th > 0 && own && x.clauseProposal(ts, th, sp, si, subj, "proposes", "Proposal that ") {
			return
		}
	}
	limit := i + 3
	if strings.HasPrefix(w, "raise") || strings.HasPrefix(w, "bring") || strings.HasPrefix(w, "brought") {
		limit = i + 6
	}
	for j := i + 1; j < len(ts) && j <= limit; j++ {
		if ts[j].prop > 0 {
			// raising someone else's proposal is not making it
			if o := x.props[ts[j].prop-1].owner; o.Name != "" && !sameRefs(subj, []Ref{o}) {
				return
			}
			x.add(subj, "proposes", ts[j].refs, sp, 0.8)
			return
		}
		if ts[j].is(cObjStop) || ts[j].w == "," {
			break
		}
	}
	if strings.HasPrefix(w, "propos") || strings.HasPrefix(w, "suggest") {
		// "Kádár proposes an amnesty for all who lay down their arms"
		if np := x.npObject(ts, i); np != nil {
			x.add(subj, "proposes", np, sp, 0.7)
		}
	}
}

// npHeadStop are heads too vague to name a proposal by.
var npHeadStop = set("idea", "view", "views", "opinion", "position", "line", "question", "matter", "way", "thing",
	"things", "point", "points", "issue", "issues", "situation", "fact", "words", "statement", "letter", "telegram",
	"message", "note", "text", "time", "moment", "attention", "role", "importance", "possibility")

// npObject reads the noun phrase "propose" takes when it names no known
// entity ("proposes an amnesty for all who lay down their arms") and
// registers it as a proposal named by its words. (Support and opposition
// of a bare noun phrase are too often of a situation, not a proposal.)
func (x *extractor) npObject(ts []tok, i int) []Ref {
	j := skipAdverbs(ts, i+1)
	if j < len(ts) && (ts[j].w == "a" || ts[j].w == "an" || ts[j].w == "the" || ts[j].w == "any" || ts[j].w == "all") {
		j++
	}
	if j >= len(ts) || ts[j].punct || ts[j].refs != nil && !ts[j].adj || ts[j].is(cNounStop|cModals|cClauseStop) || ts[j].is(cPrepositions) || ts[j].w == "to" || ts[j].w == "that" {
		return nil
	}
	k := j
	for k < len(ts) && k < j+16 {
		t := ts[k]
		if (t.w == "who" || t.w == "which") && k > j+1 {
			k++ // "an amnesty for all who lay down their arms"
			continue
		}
		if t.w == "their" || t.w == "its" {
			k++
			continue
		}
		if (t.w == "before" || t.w == "after" || t.w == "until" || t.w == "by" || t.w == "within") && k > j+2 && k+1 < len(ts) && (isDigits(ts[k+1].w) || months[ts[k+1].w] > 0 || ts[k+1].w == "the" || ts[k+1].w == "noon") {
			break // "... before 2 p.m. tomorrow": when, not what
		}
		if t.punct && t.w != "-" || t.pron != 0 || t.prop > 0 || t.is(cClauseStop) || t.is(cModals) && !t.is(cPrepositions) && t.w != "of" && t.w != "to" ||
			t.w == "and" && k+1 < len(ts) && (ts[k+1].w == "not" || ts[k+1].is(cModals)) || t.w == "but" || t.w == "because" || t.is(cNounStop) && !t.is(cPrepositions) {
			break
		}
		k++
	}
	for k-1 > j && (ts[k-1].is(cPrepositions) || ts[k-1].w == "and" || ts[k-1].w == "the" || ts[k-1].w == "of" || ts[k-1].w == "to" || ts[k-1].w == "a") {
		k--
	}
	words := 0
	for q := j; q < k; q++ {
		if !ts[q].punct && !ts[q].is(cPrepositions) && ts[q].w != "of" && ts[q].w != "the" {
			words++
		}
	}
	if words < 2 || npHeadStop[ts[j].w] || k-1 >= 0 && npHeadStop[ts[k-1].w] || ts[j].is(cProposalHeads) {
		return nil // "the proposal of ...": a proposal's own rules name it
	}
	name := capitalize(string(x.r[ts[j].s:ts[k-1].e]))
	pid := x.proposalRef(name, nil, span{ts[j].s, ts[k-1].e})
	end := k - 1
	if k+1 < len(ts) && ts[k].w == "," && stemIn(ts[k+1].w, "especially", "particularly", "notably", "including", "above", "chiefly", "mainly") {
		// "expanding economic cooperation, especially in microelectronics":
		// what it is about, in its text
		for end = k + 1; end+1 < len(ts) && !ts[end+1].punct; end++ {
		}
	}
	x.setText(pid, span{ts[j].s, ts[end].e})
	x.lastProp, x.lastPropSent = pid, x.curSi // "We supported this proposal"
	return []Ref{x.props[pid-1].ref}
}

// nominal turns the verbs of proposed actions into their nouns.
var nominal = map[string]string{
	"resume": "Resumption", "send": "Dispatch", "withdraw": "Withdrawal", "conclude": "Conclusion",
	"sign": "Signing", "hold": "Holding", "convene": "Convening", "exchange": "Exchange",
	"establish": "Establishment", "create": "Creation", "extend": "Extension", "discuss": "Discussion",
	"postpone": "Postponement", "open": "Opening", "begin": "Beginning", "start": "Start", "end": "End",
	"stop": "Cessation", "cease": "Cessation", "reduce": "Reduction", "increase": "Increase",
	"return": "Return", "repatriate": "Repatriation", "release": "Release", "recognize": "Recognition",
	"recognise": "Recognition", "admit": "Admission", "supply": "Supply", "deliver": "Delivery",
	"provide": "Provision", "grant": "Granting", "transfer": "Transfer", "build": "Construction",
	"construct": "Construction", "organize": "Organization", "organise": "Organization", "form": "Formation",
	"unite": "Unification", "reunify": "Reunification", "demilitarize": "Demilitarization",
	"evacuate": "Evacuation", "dissolve": "Dissolution", "invite": "Invitation", "appoint": "Appointment",
	"convene ": "Convening", "publish": "Publication", "refer": "Referral", "submit": "Submission",
}

// proposeTo: "The Chinese comrades propose to resume the armistice
// negotiations" proposes the resumption of the armistice negotiations.
func (x *extractor) proposeTo(ts []tok, i int, sp span, si int, subj []Ref) bool {
	j := i + 1
	if !(j+2 < len(ts) && ts[j].w == "to" && !ts[j+1].punct && ts[j+1].refs == nil && !ts[j+1].is(cNounStop|cModals)) {
		return false
	}
	switch ts[j+1].w {
	case "support", "oppose", "accept", "reject", "agree", "ask", "request", "inform", "the", "a", "an":
		return false // another cue, or not a verb
	}
	k := j + 2
	gap := [2]int{-1, -1} // a phrase set off by commas: "to seek, through the UN, a resolution"
	for k < len(ts) && k < j+20 && (!ts[k].punct || ts[k].w == "-") && !ts[k].is(cClauseStop) && ts[k].pron == 0 && ts[k].prop == 0 {
		k++
		if k+1 < len(ts) && ts[k].w == "," && gap[0] < 0 {
			for c := k + 1; c < len(ts) && c <= k+6; c++ {
				if ts[c].w == "," && c+1 < len(ts) && !ts[c+1].punct && ts[c+1].pron == 0 && !ts[c+1].is(cClauseStop) && ts[c+1].w != "and" {
					gap = [2]int{k, c}
					k = c + 1
					break
				}
				if ts[c].punct {
					break
				}
			}
		}
	}
	if k == j+2 || k < len(ts) && (ts[k].pron != 0 || ts[k].prop > 0) {
		return false // "propose to support it": nothing named
	}
	words := func(a, b int) string { // ts[a:b] as written, without the gap
		if gap[0] > a && gap[1] < b {
			return string(x.r[ts[a].s:ts[gap[0]-1].e]) + " " + string(x.r[ts[gap[1]+1].s:ts[b-1].e])
		}
		return string(x.r[ts[a].s:ts[b-1].e])
	}
	label := "Proposal to " + words(j+1, k)
	name := label
	if n, ok := nominal[ts[j+1].w]; ok {
		name = n + " of " + words(j+2, k)
	}
	pid := x.proposalRef(name, []string{label}, span{ts[j+1].s, ts[k-1].e})
	x.setText(pid, span{ts[j+1].s, ts[k-1].e})
	x.add(subj, "proposes", []Ref{x.props[pid-1].ref}, sp, 0.75)
	x.lastProp, x.lastPropSent = pid, si
	return true
}

// clauseProposal: "I propose that we create a Provisional Revolutionary
// Government", "he asked that the deliveries of tanks be speeded up",
// "Clay demands that American civilians be let through": the clause after
// "that" (ts[that]) is the course of action proposed or requested, its
// words the proposal's text, its first phrase its name. It reports
// whether it made one.
func (x *extractor) clauseProposal(ts []tok, that int, sp span, si int, subj []Ref, rel, prefix string) bool {
	a := that + 1
	if a >= len(ts) || that >= 0 && passive(ts, that) || x.inItem(sp) {
		return false
	}
	b := a
	for b < len(ts) && ts[b].w != ";" && ts[b].w != ":" && !(ts[b].punct && ts[b].w == "." && b == len(ts)-1) {
		if ts[b].w == "," && b+1 < len(ts) && (ts[b+1].w == "because" || ts[b+1].w == "since" || ts[b+1].w == "so" || ts[b+1].w == "but" || ts[b+1].w == "as" || ts[b+1].w == "which") {
			break // the reason given is not what is proposed
		}
		if ts[b].w == "because" || ts[b].w == "since" || ts[b].w == "\"" || ts[b].w == "“" {
			break
		}
		b++
	}
	for b > a && (ts[b-1].punct || ts[b-1].w == "and") {
		b--
	}
	if b-a < 3 {
		return false // "propose that": nothing named
	}
	words := 0
	for k := a; k < b; k++ {
		if !ts[k].punct {
			words++
		}
	}
	if words < 4 {
		return false
	}
	// its name: the clause up to the first comma, a dozen words at most;
	// a clause that opens with an inserted phrase ("that, during the
	// coming visit, our support be stressed") is named from after it,
	// its text keeping the whole clause
	from := a
	if ts[a].w == "," {
		from++
		for k := a + 1; k+3 < b; k++ {
			if ts[k].w == "," {
				a = k + 1
				break
			}
		}
		if ts[a].w == "," {
			a++
		}
	}
	n, cnt := a, 0
	for n < b && ts[n].w != "," && cnt < 12 {
		if !ts[n].punct {
			cnt++
		}
		n++
	}
	for n-1 > a && (ts[n-1].w == "and" || ts[n-1].w == "that" || ts[n-1].w == "the" || ts[n-1].w == "of" || ts[n-1].w == "a" || ts[n-1].is(cPrepositions)) {
		n-- // a name does not end in "... and that"
	}
	name := prefix + string(x.r[ts[a].s:ts[n-1].e])
	pid := x.proposalRef(name, nil, span{ts[from].s, ts[b-1].e})
	x.setText(pid, span{ts[from].s, ts[b-1].e})
	x.clauseLabels(pid, ts, a, b) // "Referral of such questions to ..."
	x.add(subj, rel, []Ref{x.props[pid-1].ref}, sp, 0.7)
	x.lastProp, x.lastPropSent = pid, si
	return true
}

// demand: "General Clay demands that American civilians be let through",
// "Castro urges that ...": the course of action is the subject's proposal.
func (x *extractor) demand(ts []tok, i int, sp span, si int) {
	th := thatAfter(ts, i)
	if th < 0 || inCondition(ts, i) || negated(ts, i) || passive(ts, i) {
		return
	}
	if i > 0 && (ts[i-1].w == "the" || ts[i-1].w == "a" || ts[i-1].poss) {
		return // the noun
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	if x.clauseList(ts, th, subj, si) {
		return // "I recommend that you tell him three things:" and the list
	}
	if x.addresseeClause(ts, th) && !stemIn(ts[i].w, "recommend") {
		// "We demand that the CC CPY give a clear answer": asked of the addressee
		x.clauseProposal(ts, th, sp, si, subj, "requests", "Request that ")
		return
	}
	x.clauseProposal(ts, th, sp, si, subj, "proposes", "Proposal that ")
}

// initiative: "the proposal came about on the initiative of the USA".
func (x *extractor) initiative(ts []tok, i int, sp span) {
	if i+1 >= len(ts) || ts[i+1].w != "of" {
		return
	}
	k := i + 2
	for k < len(ts) && ts[k].is(cTitles) {
		k++
	}
	if k >= len(ts) || !agentRefs(ts[k]) {
		return
	}
	for j := i - 1; j >= 0; j-- {
		if ts[j].prop > 0 {
			x.add(ts[k].refs, "supports", ts[j].refs, sp, 0.75)
			return
		}
	}
}

// list: "will try to attain the following: 1. ... 2. ... 3. ..." is a
// proposal in as many points as follow.
func (x *extractor) list(ts []tok, i int, sp span, si int, sents []span, toks [][]tok) {
	if !(i > 0 && ts[i-1].w == "the" || ts[i].w == "следующего" || ts[i].w == "следующее") {
		return
	}
	verb := -1
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if ts[j].is(cListVerbs) {
			verb = j
			break
		}
	}
	if verb < 0 {
		return
	}
	subj := subjectOf(ts, verb)
	if subj == nil || isPerson(subj) && len(subj) == 1 && !strings.Contains(subj[0].Name, " ") {
		return
	}
	var points []span
	// the points in the same sentence, after a colon, separated by semicolons
	colon := -1
	for j := i + 1; j < len(ts); j++ {
		if ts[j].w == ":" {
			colon = j
			break
		}
	}
	if colon >= 0 && colon+1 < len(ts) {
		start := ts[colon+1].s
		for j := colon + 1; j < len(ts); j++ {
			if ts[j].w == ";" {
				points = append(points, span{start, ts[j].s})
				if j+1 < len(ts) {
					start = ts[j+1].s
				}
			}
		}
		if len(points) > 0 {
			end := ts[len(ts)-1].e
			// the last point ends at the first full stop
			for j := len(points); j < len(ts); j++ {
				_ = j
				break
			}
			points = append(points, span{start, end})
		}
	}
	if len(points) < 2 {
		points = points[:0]
		// numbered points in the sentences that follow
		n := 1
		miss := 0
		for k := si + 1; k < len(sents) && k <= si+12 && miss < 2; k++ {
			num := leadingNumber(toks[k])
			switch {
			case num == n:
				points = append(points, sents[k])
				n++
				miss = 0
			case num == 0 && len(points) > 0 && strings.Count(string(x.r[sents[k-1].e:sents[k].s]), "\n") < 2:
				// the point goes on within its paragraph
				points[len(points)-1].e = sents[k].e
				miss++
			default:
				miss = 2
			}
		}
	}
	if len(points) < 2 {
		return
	}
	for _, s := range subj[:1] {
		name := ownerName(s, len(points))
		pid := x.proposalRef(name, nil, span{ts[verb].s, ts[i].e})
		x.props[pid-1].owner = s
		ref := x.props[pid-1].ref
		x.add([]Ref{s}, "proposes", []Ref{ref}, sp, 0.8)
		x.points = append(x.points, points...)
		var all []string
		for k, p := range points {
			pr := ref
			text := pointText(x.r[p.s:p.e])
			all = append(all, itoa(k+1)+". "+text)
			x.res.Entities = append(x.res.Entities, Entity{
				Ref: Ref{"Proposal", name + ", point " + itoa(k+1)}, PartOf: &pr,
				Version: x.vi, Start: p.s, End: p.e, Text: text,
			})
		}
		if e := &x.res.Entities[x.propEntity(pid-1)]; e.Text == "" {
			e.Text = strings.Join(all, " ")
		}
		x.lastProp, x.lastPropSent = pid, si
	}
}

// recommendations: "I recommend the following:" or "I recommend that
// we:" and the numbered ("1. Consult the allies.") or dashed ("-- issue a
// statement ...") items after it: each item is a course of action of its
// own that the speaker proposes, named and worded by the item.
func (x *extractor) recommendations(ts []tok, i int, sp span, si int) {
	if negated(ts, i) || inCondition(ts, i) || passive(ts, i) {
		return
	}
	// the sentence ends in a colon within a few words of the verb
	end := len(ts) - 1
	if end < i+1 || end > i+5 || ts[end].w != ":" {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	x.proposeItems(subj, si)
}

// dashItem reports whether the sentence at sp opens a line with a dash or
// a bullet ("-- consult our allies", "• recall the envoy").
func dashItem(r []rune, sp span) bool {
	if sp.s >= len(r) {
		return false
	}
	switch r[sp.s] {
	case '-', '—', '–', '•':
	default:
		return false
	}
	for i := sp.s - 1; i >= 0 && r[i] != '\n'; i-- {
		if !unicode.IsSpace(r[i]) {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// leadingNumber reads the number a list item opens with ("1.", "“2.").
func leadingNumber(ts []tok) int {
	j := 0
	for j < len(ts) && ts[j].punct && ts[j].w != "." {
		j++
	}
	if j+1 < len(ts) && isDigits(ts[j].w) && len(ts[j].w) <= 2 && (ts[j+1].w == "." || ts[j+1].w == ")") {
		n := 0
		for _, c := range ts[j].w {
			n = n*10 + int(c-'0')
		}
		return n
	}
	return 0
}

// action: "they would like to sign a non-aggression pact with us",
// "the Soviet Union will join it", "would like to accept the American
// proposal".
func (x *extractor) action(ts []tok, i int, sp span) {
	if inCondition(ts, i) || negated(ts, i) {
		return
	}
	j, obj := directObj(ts, i)
	if !isProp(obj) || j > i+3 {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	switch ts[i].w {
	case "join", "joining", "accept", "accepts", "accepted":
		x.add(subj, "supports", obj, sp, 0.75)
		return
	}
	// only a wish or an offer to act is a proposal
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if ts[k].is(cWantVerbs) {
			obj = x.partnerLabel(ts[j].prop, subj)
			x.add(subj, "proposes", obj, sp, 0.75)
			return
		}
	}
}

// advise: "We think you should come to an arrangement ... about putting
// their representatives on the commission of observers": advice to the
// addressee proposes the arrangement it names.
func (x *extractor) advise(ts []tok, i int, sp span) {
	subj := subjectOf(ts, i)
	if subj == nil || negated(ts, i) || !sameRefs(subj, x.speakerRef()) {
		return
	}
	j := i + 1
	if j < len(ts) && ts[j].w == "that" {
		j++
	}
	if !(j+1 < len(ts) && ts[j].pron == 2 && (ts[j+1].w == "should" || ts[j+1].w == "ought" || ts[j+1].w == "must")) {
		return
	}
	for k := j + 2; k < len(ts); k++ {
		if ts[k].prop > 0 {
			x.add(subj, "proposes", ts[k].refs, sp, 0.7)
			return
		}
		if ts[k].w != "the" && ts[k].w != "a" && ts[k].w != "an" {
			continue
		}
		if name, end := nounPhrase(x.r, ts, k); name != "" {
			pid := x.proposalRef(name, nil, span{ts[k+1].s, ts[end-1].e})
			x.add(subj, "proposes", []Ref{x.props[pid-1].ref}, sp, 0.7)
			return
		}
	}
}

// nounPhrase reads the phrase a determiner at ts[det] opens when it is
// headed by a course-of-action noun ("the commission of observers"), and
// returns its name and end.
func nounPhrase(r []rune, ts []tok, det int) (string, int) {
	k := det + 1
	head := -1
	for k < len(ts) && k < det+10 {
		t := ts[k]
		if t.punct && t.w != "-" || t.refs != nil || t.is(cNounStop) || t.w == "and" || t.w == "a" || t.w == "an" {
			break
		}
		if head >= 0 && t.w != "of" && ts[k-1].w != "of" {
			break
		}
		if t.is(cActionHeads) && head < 0 {
			head = k
		}
		k++
	}
	if head < 0 {
		return "", 0
	}
	for k-1 > head && (ts[k-1].w == "of" || ts[k-1].w == "the") {
		k--
	}
	return capitalize(string(r[ts[det+1].s:ts[k-1].e])), k
}

// nominate: "we could send General of the Army Zakharov" proposes him.
func (x *extractor) nominate(ts []tok, i int, sp span) {
	if i == 0 || negated(ts, i) || inCondition(ts, i) {
		return
	}
	switch ts[i-1].w {
	case "could", "can", "might", "may", "would":
	default:
		return
	}
	var obj []Ref
	for j := i + 1; j < len(ts) && j <= i+7; j++ {
		if ts[j].refs != nil {
			if ts[j].ment && isPerson(ts[j].refs) {
				obj = ts[j].refs
			}
			break
		}
		if ts[j].punct || ts[j].is(cNounStop) {
			break
		}
	}
	if obj == nil {
		return
	}
	if subj := subjectOf(ts, i); subj != nil && !sameRefs(subj, obj) {
		x.add(subj, "proposes", obj, sp, 0.65)
	}
}

// partnerLabel names "a pact with us" that others propose after them, as
// the speaker's side calls it: "pact with India and Burma".
func (x *extractor) partnerLabel(pid int, subj []Ref) []Ref {
	p := &x.props[pid-1]
	for _, us := range []string{" with us", " with me"} {
		base, ok := strings.CutSuffix(p.ref.Name, us)
		if !ok {
			continue
		}
		names := make([]string, len(subj))
		for k, s := range subj {
			names[k] = s.Name
		}
		x.rename(pid, base+" with "+strings.Join(names, " and "))
	}
	return []Ref{p.ref}
}

// rename gives proposal pid a better name, keeping the old one as a label.
func (x *extractor) rename(pid int, name string) {
	e := &x.res.Entities[x.propEntity(pid-1)]
	p := &x.props[pid-1]
	p.ref.Name = name
	p.labels = append([]string{name}, p.labels...)
	x.propIdx[normName(name)] = pid - 1
	e.Name = name
	e.Labels = append([]string{name}, e.Labels...)
}

// evaluate: "Mao Zedong considers such a pact useful".
func (x *extractor) evaluate(ts []tok, i int, sp span) {
	if inCondition(ts, i) {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	for j := i + 1; j < len(ts) && j <= i+4; j++ {
		if ts[j].prop == 0 {
			continue
		}
		for k := j + 1; k < len(ts) && k <= j+3; k++ {
			w := ts[k].w
			neg := negated(ts, k) || negated(ts, i)
			if expletiveIt(ts, j, k) {
				return // "we do not think it advisable to force the pace": the course named after it
			}
			switch {
			case supportAdjs[w] && !neg, opposeAdjs[w] && neg:
				x.add(subj, "supports", ts[j].refs, sp, 0.75)
				return
			case opposeAdjs[w] && !neg, supportAdjs[w] && neg:
				x.add(subj, "opposes", ts[j].refs, sp, 0.75)
				return
			}
		}
		return
	}
}

// reflects: "it reflects the position of the USA", "it follows America's
// line": the proposal is that party's.
func (x *extractor) reflects(ts []tok, i int, sp span) {
	var prop []Ref
	for j := i - 1; j >= 0; j-- {
		if ts[j].is(cClauseStop) && ts[j].w != "that" {
			break
		}
		if ts[j].prop > 0 {
			prop = ts[j].refs
			break
		}
	}
	if prop == nil {
		return
	}
	for j := i + 1; j < len(ts) && j <= i+6; j++ {
		t := ts[j]
		if agentRefs(t) && t.poss && j+1 < len(ts) && stemIn(ts[j+1].w, "line", "position", "policy", "interest", "stand", "view", "wish", "plan", "course") {
			x.add(t.refs, "supports", prop, sp, 0.7)
			return
		}
		if stemIn(t.w, "line", "position", "policy", "interest", "stand", "wishes", "plan", "course") && j+2 < len(ts) && ts[j+1].w == "of" {
			k := j + 2
			for k < len(ts) && ts[k].is(cTitles) {
				k++
			}
			if k < len(ts) && agentRefs(ts[k]) {
				x.add(ts[k].refs, "supports", prop, sp, 0.7)
			}
			return
		}
		if t.is(cObjStop) {
			return
		}
	}
}

// help: "the Soviet Union will go on helping China".
func (x *extractor) help(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) {
		return
	}
	if i > 0 && (ts[i-1].w == "to" || !(ts[i-1].refs != nil || ts[i-1].is(cModals) || ts[i-1].w == "on")) {
		return
	}
	j, obj := directObj(ts, i)
	if obj == nil || j < 0 || ts[j].pron != 0 || isPerson(obj) {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	x.add(subj, "supports", obj, sp, 0.7)
}

func (x *extractor) ask(ts []tok, i int, sp span) {
	if negated(ts, i) || coordinatedFuture(ts, i) || x.inItem(sp) {
		return
	}
	if i > 0 && (ts[i-1].poss || ts[i-1].w == "the" || ts[i-1].w == "a" || ts[i-1].w == "these" || ts[i-1].w == "his" || ts[i-1].w == "their") {
		return // the noun: "China's requests for arms"
	}
	if i+1 < len(ts) && ts[i+1].w == "after" {
		return // "asks after his health"
	}
	if i > 0 && ts[i-1].w == "to" && !performativeTo(ts, i-1) {
		return // "I urged her ... to ask them to press Yahya": an act urged or planned
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		// a cable's closing "Request instructions.": the writer asks the
		// addressee
		if i == 0 && !x.conversation && i+1 < len(ts) && (ts[i+1].is(cOpinionWords) || i+2 < len(ts) && ts[i+1].pron == 2 && ts[i+2].is(cOpinionWords)) {
			x.add(x.speakerRef(), "requests", x.addressee, sp, 0.7)
		}
		return
	}
	j := i + 1
	if j+1 < len(ts) && ts[j].w == "the" && ts[j+1].refs != nil && !ts[j+1].adj {
		j++ // "ask the Soviet Union to deliver"
	}
	for j+1 < len(ts) && ts[j].is(cTitles) && ts[j].refs == nil && ts[j+1].ment && isPerson(ts[j+1].refs) {
		j++ // "asked comrade Alekseev to transmit"
	}
	if j+1 < len(ts) && ts[j].w == "that" && relayedClause(ts, j+1) {
		return // "asked that his personal greetings be conveyed to Brezhnev"
	}
	if j+1 < len(ts) && ts[j].w == "that" {
		// "requested that the Soviet government send advisers"
		k, obj := directObj(ts, j)
		// "asked that the Soviet side speed up the deliveries": what is
		// asked for is the deliveries, of whoever is to make them; only
		// the addressee asked in the second person ("request that you
		// send") is the one asked
		if obj != nil && ts[k].pron != 2 && ts[k].pron != 0 || obj != nil && ts[k].pron == 0 && !isPerson(obj) {
			obj = nil
		}
		if obj == nil || ts[k].prop > 0 || !agentRefs(ts[k]) || ts[k].w == "we" || ts[k].w == "i" {
			// "asked that the deliveries of tanks be speeded up": what
			x.clauseProposal(ts, j, sp, x.curSi, subj, "requests", "Request that ")
			return
		}
		if obj != nil && ts[k].prop == 0 && agentRefs(ts[k]) && (ts[k].w != "we" && ts[k].w != "i") {
			x.add(subj, "requests", obj, sp, 0.75)
			// and what: "that the Soviet Union rebuild our air force"
			v := k + 1
			for v < len(ts) && (ts[v].w == "also" || ts[v].w == "should" || ts[v].w == "immediately" || ts[v].w == "urgently") {
				v++
			}
			x.requested(subj, ts, v, sp)
		}
		return
	}
	if j+1 < len(ts) && ts[j].pron == 2 && ts[j].poss && ts[j+1].is(cOpinionWords) {
		x.add(subj, "requests", ts[j].refs, sp, 0.75) // "I request your instructions"
		return
	}
	if j < len(ts) && ts[j].refs != nil && ts[j].prop == 0 && agentRefs(ts[j]) && !ts[j].poss {
		obj := ts[j].refs
		next := ""
		if j+1 < len(ts) {
			next = ts[j+1].w
		}
		if !(next == "to" || next == "for" || next == "whether" || next == "if" || next == "once" || next == "again" || next == "also" || ts[j].pron == 2) || askedQuestion(ts, j+1) {
			return
		}
		// "asked me to tell you that ...", "asked me to pass this on to
		// Moscow": the writer carries a message; what it says is no
		// request of the writer, nor the writer's own information
		if relayed(ts, j+1) && !ownRelay(ts, i, j) {
			// and "had asked him to inform the Soviet leadership": a message
			// sent through him, no request of his
			return
		}
		// "asked me to find out from you": the request is passed on to you
		if sameRefs(obj, x.speakerRef()) {
			for k := j + 1; k < len(ts); k++ {
				if ts[k].pron == 2 && ts[k].refs != nil {
					obj = ts[k].refs
					break
				}
			}
		}
		x.add(subj, "requests", obj, sp, 0.8)
		if next == "to" && j+2 < len(ts) {
			x.requestedAll(subj, obj, ts, j+2, sp) // "ask you to send tanks": what is asked
		}
		return
	}
	if j < len(ts) && ts[j].w == "for" {
		if x.oneThing(ts, j+1, subj, sp, x.curSi) {
			return // "I would ask for one thing: let me keep a small staff"
		}
		if _, obj := rightObj(ts, j, true); isProp(obj) {
			x.add(subj, "requests", obj, sp, 0.75)
			return
		}
		// "we ask for additional deliveries of rolled steel and grain":
		// what is asked for, named by its words
		// (by a person or the writer's side, not a group a speaker reports)
		byPerson := isPerson(subj) || i > 0 && ts[i-1].pron == 1
		if byPerson && (j+2 < len(ts) && deliveryNouns[ts[j+1].w] || j+3 < len(ts) && (ts[j+1].is(cSupportAdjs) || quantityAdjs[ts[j+1].w]) && deliveryNouns[ts[j+2].w]) {
			x.clauseProposal(ts, j, sp, x.curSi, subj, "requests", "Request for ")
			return
		}
		// "asks for the opinion of the Soviet government"
		for k := j + 1; k < len(ts) && k <= j+3; k++ {
			if ts[k].is(cOpinionWords) {
				x.add(subj, "requests", x.addressee, sp, 0.7)
				return
			}
		}
		if byPerson {
			x.askedFor(ts, j+1, subj, sp) // "asked for firm countermeasures"
		}
		return
	}
	if stemIn(ts[i].w, "request") && j < len(ts) && (byPersonOrSide(ts, i, subj)) && x.askedFor(ts, j, subj, sp) {
		return // "I also requested resolute retaliatory measures"
	}
	if j < len(ts) && (ts[j].w == "whether" || ts[j].w == "if") && x.askedToAgree(ts, j, subj, sp) {
		return // "asked whether the Soviet government would agree to new talks"
	}
	if j < len(ts) && (ts[j].w == "what" || ts[j].w == "whether" || ts[j].w == "about" || ts[j].w == "how") {
		// asking for an opinion or instructions
		for k := j + 1; k < len(ts); k++ {
			if ts[k].is(cObjStop) && ts[k].w != "that" {
				break
			}
			if ts[k].is(cOpinionWords) {
				obj := x.addressee
				if k > 0 && ts[k-1].ment && isPerson(ts[k-1].refs) {
					obj = ts[k-1].refs
				}
				x.add(subj, "requests", obj, sp, 0.7)
				return
			}
		}
	}
}

func (x *extractor) inform(ts []tok, i int, sp span) {
	w := ts[i].w
	if i > 0 && (ts[i-1].w == "to" || ts[i-1].w == "the" || ts[i-1].w == "a" || ts[i-1].w == "this" || ts[i-1].poss) {
		return // an infinitive or the noun "report"
	}
	if inCondition(ts, i) || negated(ts, i) {
		return
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch ts[k].w {
		case "would", "will", "shall", "could", "should", "must", "ought", "need", "might", "may":
			return // "I replied that I would report his words", "we should inform": not yet done
		case "also", "then", "now", "immediately", "at":
			continue
		}
		break
	}
	switch w {
	case "let":
		// "to let you know"
		if !(i+2 < len(ts) && ts[i+1].pron == 2 && ts[i+2].w == "know") {
			return
		}
		subj := x.speakerRef()
		if s := subjectOf(ts, i); s != nil {
			subj = s
		}
		x.add(subj, "informs", ts[i+1].refs, sp, 0.8)
		return
	case "tell", "tells", "told":
		j, obj := directObj(ts, i)
		if obj == nil {
			// "I told the President that ...": the one the record's writer met
			if o := x.titledOther(ts, i+1); o != nil {
				if subj := subjectOf(ts, i); subj != nil && sameRefs(subj, x.speakerRef()) {
					x.add(subj, "informs", o, sp, 0.7)
				}
				return
			}
		}
		if obj == nil || ts[j].pron == 3 || ts[j].pron == 0 && !(ts[j].ment && isPerson(obj) && j+1 < len(ts) && (ts[j+1].w == "that" || ts[j+1].w == "about" || ts[j+1].w == "of")) {
			return // "told me", "tell you", "told Kennedy that"; not "told him"
		}
		if subj := subjectOf(ts, i); subj != nil {
			x.add(subj, "informs", obj, sp, 0.75)
		}
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	k, obj := directObj(ts, i)
	if obj == nil && i+1 < len(ts) && ts[i+1].w == "to" {
		k, obj = directObj(ts, i+1)
	}
	if obj == nil {
		// "had reported the same thing to him": the one it went to,
		// further on in the clause
		for m := i + 1; m+1 < len(ts) && m <= i+10 && !ts[m].is(cClauseStop) && ts[m].w != ","; m++ {
			if ts[m].w == "to" && ts[m+1].refs != nil && !ts[m+1].adj {
				k, obj = m+1, ts[m+1].refs
				break
			}
		}
	}
	if obj != nil && k >= 0 && ts[k].pron == 3 {
		return // whom "him" stands for is not sure
	}
	if obj == nil && i+2 < len(ts) && (ts[i+1].w == "the" || ts[i+1].is(cTitles)) && (ts[i+2].is(cTitles) || speakerTitles[ts[i+2].w] || ts[i+2].refs != nil && i+3 < len(ts) && (ts[i+3].is(cTitles) || speakerTitles[ts[i+3].w])) {
		return // "has informed the Soviet ambassador in Tirana": someone the record does not name
	}
	if obj == nil && !x.conversation && x.body == nil && !sameRefs(subj, x.speakerRef()) {
		// "Our Embassy in Warsaw reports that ...": to the writer's side,
		// not to the one the writer addresses
		return
	}
	if obj == nil || isProp(obj) {
		obj = x.addressee
		if x.body != nil {
			obj = x.body // "Ustinov reported on the army": to the body in session
		}
	}
	x.add(subj, "informs", obj, sp, 0.75)
}

// titledOther: "the President", "the Minister" right after a verb in a
// record of its writer's conversation with one person stands for that
// person; nil otherwise.
func (x *extractor) titledOther(ts []tok, j int) []Ref {
	if j+1 >= len(ts) || ts[j].w != "the" || ts[j+1].refs != nil || !(ts[j+1].is(cTitles) || speakerTitles[ts[j+1].w]) {
		return nil
	}
	if j+2 < len(ts) && !ts[j+2].punct && ts[j+2].w != "that" && ts[j+2].w != "about" && ts[j+2].w != "of" {
		return nil // "the President of Egypt", "the Minister Novák": named otherwise
	}
	var other []Ref
	for _, c := range x.res.Claims {
		if c.Relation == "meets" && c.Subject == x.author && x.author.Name != "" {
			if other != nil && other[0] != c.Object {
				return nil // more than one met
			}
			other = []Ref{c.Object}
		}
	}
	if other == nil && x.author.Name != "" && len(x.d.Participants) == 2 {
		for _, p := range x.d.Participants {
			if p != x.author.Name {
				other = []Ref{{"Person", p}}
			}
		}
	}
	return other
}

// agents: "The Mexicans are the agents of the USA"; "England and America
// will try to place their agents": the speaker accuses them.
func (x *extractor) agents(ts []tok, i int, sp span) {
	if negated(ts, i) {
		return
	}
	j := i - 1
	for j >= 0 && (ts[j].w == "the" || ts[j].w == "a" || ts[j].w == "an" || ts[j].w == "mere" || ts[j].w == "only" || ts[j].w == "simply") {
		j--
	}
	var accused []Ref
	switch {
	case j >= 0 && ts[j].is(cBeForms):
		accused = subjectOf(ts, j)
	case j >= 0 && ts[j].poss && ts[j].refs != nil:
		accused = ts[j].refs
		if ts[j].pron != 0 {
			if s := subjectOf(ts, j); s != nil {
				accused = s
			}
		}
	}
	if accused == nil {
		return
	}
	x.add(x.holder(i), "accuses", accused, sp, 0.8)
}

// accuse: "the Americans are acting against international law".
func (x *extractor) accuse(ts []tok, i int, sp span) {
	if negated(ts, i) || x.denied(ts, i) {
		return
	}
	if ts[i].w == "acting" {
		if !(i+3 < len(ts) && ts[i+1].w == "against" && (ts[i+3].w == "law" || ts[i+3].w == "norms" || ts[i+3].w == "agreements" || ts[i+3].w == "law," || ts[i+2].w == "the")) {
			return
		}
	}
	var accused []Ref
	switch ts[i].w {
	case "provocation", "provocations", "aggressor", "aggressors":
		// a noun accuses whom it is said of: "X is the aggressor", "X's
		// provocations", "the provocations of X"; not the one who speaks of
		// them ("Tsedenbal criticized Beijing for the provocations")
		switch {
		case i > 0 && ts[i-1].poss && agentRefs(ts[i-1]) && ts[i-1].pron == 0:
			accused = ts[i-1].refs
		case i+2 < len(ts) && (ts[i+1].w == "of" || ts[i+1].w == "by") && agentRefs(ts[i+2]):
			accused = ts[i+2].refs
		case i+3 < len(ts) && (ts[i+1].w == "of" || ts[i+1].w == "by") && ts[i+2].w == "the" && agentRefs(ts[i+3]):
			accused = ts[i+3].refs
		default:
			k := i - 1
			for k >= 0 && (ts[k].w == "the" || ts[k].w == "an" || ts[k].w == "a" || ts[k].w == "real" || ts[k].w == "true") {
				k--
			}
			if k >= 0 && ts[k].is(cBeForms) {
				accused = subjectOf(ts, k)
			}
		}
	case "imperialists", "imperialist", "imperialism", "aggression":
		// "the American imperialists", "US imperialism", "the aggression of
		// the USA", "Israel's aggression": the state they are said of
		switch {
		case i > 0 && ts[i-1].poss && agentRefs(ts[i-1]) && ts[i-1].pron == 0:
			accused = ts[i-1].refs
		case i > 0 && !ts[i-1].punct && ts[i-1].pron == 0 && (ts[i-1].refs != nil && ts[i-1].refs[0].Class == "Country" || countryOf(ts[i-1].w, x.d.Date) != ""):
			accused = ts[i-1].refs
			if accused == nil || ts[i-1].adj && countryOf(ts[i-1].w, x.d.Date) != "" {
				accused = []Ref{{"Country", countryOf(ts[i-1].w, x.d.Date)}}
			}
		case i+2 < len(ts) && ts[i+1].w == "of" && agentRefs(ts[i+2]) && ts[i+2].refs[0].Class == "Country":
			accused = ts[i+2].refs
		case i+3 < len(ts) && ts[i+1].w == "of" && ts[i+2].w == "the" && agentRefs(ts[i+3]) && ts[i+3].refs[0].Class == "Country":
			accused = ts[i+3].refs
		}
		for k := i - 1; k >= 0 && k >= i-5; k-- {
			// "the struggle against imperialism" is a creed, "preventing
			// a repetition of Japanese aggression" a hypothesis
			if stemIn(ts[k].w, "struggl", "fight", "repetition", "prevent", "avert", "danger", "threat", "possib") {
				accused = nil
			}
		}
		if ts[i].w == "imperialist" && i+1 < len(ts) && !ts[i+1].punct {
			// "the American imperialist aggressors": the noun after it speaks
			if ts[i+1].w == "aggression" || ts[i+1].w == "aggressors" || ts[i+1].w == "circles" || ts[i+1].w == "forces" {
				break
			}
			accused = nil
		}
	default:
		accused = subjectOf(ts, i)
	}
	if accused == nil || isPerson(accused) && sameRefs(accused, x.holder(i)) {
		return
	}
	x.add(x.holder(i), "accuses", accused, sp, 0.75)
}

// criticize: "Tsedenbal sharply criticized the Beijing leadership".
func (x *extractor) criticize(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) || passive(ts, i) {
		return
	}
	j, obj := directObj(ts, i)
	if obj == nil || ts[j].prop > 0 || !agentRefs(ts[j]) && !ts[j].adj {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil || sameRefs(subj, obj) {
		return
	}
	if ts[j].pron == 1 || stemIn(ts[i].w, "attack") && !isPerson(subj) && (obj[0].Class == "Country" || obj[0].Class == "Place") {
		// "He attacked our party", "Brazil attacked Mexico": the
		// speaker's charge against the attacker, an armed attack no
		// charge of the attacker's
		if me := x.holder(i); me != nil && !sameRefs(me, subj) {
			x.add(me, "accuses", subj, sp, 0.7)
		}
		return
	}
	x.add(subj, "accuses", obj, sp, 0.7)
}

// ally: "China, which has the USSR behind it as its ally".
func (x *extractor) ally(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) {
		return
	}
	var other []Ref
	if i+1 < len(ts) && (ts[i+1].w == "of" || ts[i+1].w == "with") {
		_, other = directObj(ts, i+1)
		if other == nil || isProp(other) {
			return
		}
		for j := i - 1; j >= 0; j-- {
			if ts[j].is(cClauseStop) {
				return
			}
			if ts[j].pron == 0 && agentRefs(ts[j]) && ts[j].refs[0] != other[0] {
				x.add(ts[j].refs, "allied_with", other, sp, 0.7)
				return
			}
		}
		return
	}
	var found [][]Ref
	for j := i - 1; j >= 0 && len(found) < 2; j-- {
		if ts[j].pron == 0 && ts[j].ment && agentRefs(ts[j]) && ts[j].refs[0].Class != "Person" {
			if len(found) == 0 || found[0][0] != ts[j].refs[0] {
				found = append(found, ts[j].refs)
			}
		}
	}
	if len(found) == 2 {
		x.add(found[1], "allied_with", found[0], sp, 0.65)
	}
}

func (x *extractor) meet(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) {
		return
	}
	if planned(ts, i) {
		// "I will see Comrade Stalin again": they have met before
		if j, o := directObj(ts, i); !(j > 0 && isPerson(o) && j+1 < len(ts) && ts[j+1].w == "again") {
			return
		}
	}
	w := ts[i].w
	var obj []Ref
	switch w {
	case "talks", "conversation", "meeting", "meetings", "conversations":
		if i+1 < len(ts) && ts[i+1].w == "between" {
			// "the talks between Stalin and Zhou Enlai"
			j, a := directObj(ts, i+1)
			if j > 0 && isPerson(a) && j+2 < len(ts) && ts[j+1].w == "and" && ts[j+2].ment && isPerson(ts[j+2].refs) {
				x.add(a, "meets", ts[j+2].refs, sp, 0.7)
			}
			return
		}
		if i+1 < len(ts) && ts[i+1].w == "with" {
			j, o := directObj(ts, i+1)
			if j > 0 && isPerson(o) {
				obj = o
			}
		}
	case "received", "receive", "receives":
		if i+1 < len(ts) && ts[i+1].w == "from" {
			return
		}
		j, o := directObj(ts, i)
		if j > 0 && ts[j].ment && isPerson(o) {
			obj = o
		}
	case "called", "call", "calls":
		j, o := directObj(ts, i+1)
		if j > 0 && ts[j].ment && isPerson(o) {
			obj = o
		}
	default:
		j, o := directObj(ts, i)
		if j > 0 && isPerson(o) {
			obj = o
		}
		if w == "meet" || w == "meets" || w == "met" {
			if j < 0 && i+1 < len(ts) && ts[i+1].w == "with" {
				if j2, o2 := directObj(ts, i+1); j2 > 0 && isPerson(o2) {
					obj = o2
				}
			}
		}
	}
	if obj == nil {
		return
	}
	subj := subjectOf(ts, i)
	if p := ts[i-1]; i > 0 && p.poss && isPerson(p.refs) && (p.ment || p.pron == 1 || p.pron == 2) && (w == "talks" || w == "conversation" || w == "meeting" || w == "meetings" || w == "conversations") {
		subj = p.refs // "your talks with Zhou Enlai": yours
	}
	if subj == nil || !isPerson(subj) {
		return
	}
	x.add(subj, "meets", obj, sp, 0.7)
}

// receivedBy: "Comrade Kim Il Sung was received by Chairman Mao", "I was
// received by the First Secretary, Com. Le Duan": the one received met
// the one who received them.
func (x *extractor) receivedBy(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) || planned(ts, i-1) {
		return
	}
	var host []Ref
	for j := i + 2; j < len(ts) && j <= i+12; j++ {
		if ts[j].ment && isPerson(ts[j].refs) {
			host = ts[j].refs[:1]
			break
		}
		if ts[j].is(cClauseStop) || ts[j].w == ";" {
			return
		}
	}
	guest := subjectOf(ts, i-1)
	if host == nil || !isPerson(guest) {
		return
	}
	x.add(guest, "meets", host, sp, 0.7)
}

func (x *extractor) visit(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) {
		return
	}
	if i > 0 {
		p := ts[i-1]
		switch {
		case p.w == "to" || p.is(cWantVerbs):
			return // "proposed to visit Moscow": a plan, not a visit
		case p.w == "would" || p.w == "could" || p.w == "might" || p.w == "may" || p.w == "should" || p.w == "can" || p.w == "will" || p.w == "shall" || p.w == "must":
			return
		case p.poss || p.w == "the" || p.w == "a" || p.w == "his" || p.w == "her" || p.w == "their" || p.w == "this" || p.w == "that" || p.adj:
			x.visitNoun(ts, i, sp)
			return
		}
	}
	j := i + 1
	if j < len(ts) && (ts[j].w == "to" || ts[j].w == "in" || ts[j].w == "at") {
		j++
	} else if !strings.HasPrefix(ts[i].w, "visit") {
		return
	}
	k, obj := directObj(ts, j-1)
	if k < 0 || obj == nil || ts[k].pron == 3 {
		return
	}
	subj := subjectOf(ts, i)
	if subj == nil {
		return
	}
	if !strings.HasPrefix(ts[i].w, "visit") && i > 0 && ts[i-1].pron == 1 {
		return // "We arrived in Budapest at noon": the writers' journey, the setting of their report
	}
	switch {
	case isPerson(obj) && isPerson(subj) && strings.HasPrefix(ts[i].w, "visit"):
		x.add(subj, "meets", obj, sp, 0.7) // "Kim Il Sung visited Stalin"
	case ts[k].pron == 0 && (obj[0].Class == "Place" || obj[0].Class == "Country"):
		x.add(subj, "visits", obj, sp, 0.7)
	}
}

// add records claims subject -relation-> object with the sentence as
// evidence, attributed to the current speaker (else the author).
func (x *extractor) add(subj []Ref, rel string, obj []Ref, sp span, conf float64) {
	attr := x.author
	if len(x.speaker) > 0 {
		attr = x.speaker[0]
	}
	if x.sayer != nil && x.cueAt > x.sayAt {
		attr = x.sayer[0] // "Kennedy said that ...": Kennedy's words
	}
	x.addAttr(subj, rel, obj, sp, conf, attr)
}

func (x *extractor) addAttr(subj []Ref, rel string, obj []Ref, sp span, conf float64, attr Ref) {
	if x.mute {
		return
	}
	for _, s := range subj {
		for _, o := range obj {
			if s.Name == "" || o.Name == "" || s == o || s.Class == "Proposal" {
				continue
			}
			switch rel {
			case "agrees_with", "informs", "meets", "allied_with", "accuses":
				if o.Class == "Proposal" {
					continue
				}
			}
			if stanceRelations[rel] && (o.Class == "Place" || s.Class == "Place") {
				continue // "the Manila treaty": the place names the thing, holds no stance
			}
			k := claimKey{s.Name, rel, o.Name}
			if idx, ok := x.seen[k]; ok {
				c := &x.res.Claims[idx]
				if c.Confidence < conf {
					c.Confidence = conf
				}
				if c.Version != x.vi && !c.hasEvidenceIn(x.vi) {
					// the same claim in another version: its own words there
					c.Aligned = append(c.Aligned, Evidence{x.vi, sp.s, sp.e, x.text[x.off[sp.s]:x.off[sp.e]]})
				}
				continue
			}
			if x.secondary && !x.structural && !x.firstPersonCue && !firmInOriginal(rel, x.inQuote, attr) {
				continue
			}
			x.seen[k] = len(x.res.Claims)
			if rel == "proposes" && o.Class == "Proposal" && s.Class == "Person" {
				if pid := x.propID(o); pid > 0 {
					x.personProp[s] = pid
				}
			}
			if rel == "proposes" && o.Class == "Proposal" && s.Class != "Person" {
				// a state's proposal is "the Soviet proposal" from now on
				if pid := x.propID(o); pid > 0 && x.props[pid-1].owner.Name == "" {
					x.props[pid-1].owner = s
				}
			}
			sp := x.widen(sp, s, o, attr)
			by := attr
			if by.Name == "" && s.Class == "Person" {
				// a record whose writer is not known: the act it reports
				// ("He accused the United States ...") is its doer's
				by = s
			}
			c := Claim{
				Subject: s, Relation: rel, Object: o, Attributed: by,
				Version: x.vi, Start: sp.s, End: sp.e, Evidence: x.text[x.off[sp.s]:x.off[sp.e]], Confidence: conf,
			}
			if (rel == "meets" || rel == "visits") && !x.structural {
				c.When = x.dateIn(sp)
			}
			x.res.Claims = append(x.res.Claims, c)
		}
	}
}

// widen makes the evidence show both parties: where the sentence read
// names neither the object (nor a pronoun standing for it) nor, unless
// they are its speaker, the subject ("Comrade Gorbachev agreed.",
// "Kosygin agreed, and further proposed ..."), the sentence before that
// names the missing one is taken in with it.
func (x *extractor) widen(sp span, s, o, attr Ref) span {
	si := x.curSi
	if x.structural || si <= 0 || si >= len(x.sents) || x.sents[si] != sp {
		return sp
	}
	names := func(k int, r Ref) bool {
		if r.Class == "Proposal" {
			return true // a proposal is shown by its own words
		}
		for _, t := range x.toks[k] {
			for _, tr := range t.refs {
				if tr == r {
					return true
				}
			}
		}
		return false
	}
	needS := s != attr && !names(si, s)
	needO := !names(si, o)
	if !needS && !needO {
		return sp
	}
	// the sentence before that names the missing one, or, in a record
	// that names the two at its head ("Note on the conversation of Kania
	// with Brezhnev"), a few sentences back, while the stretch stays
	// short enough to cite
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		p := x.sents[k]
		if strings.Count(string(x.r[p.e:x.sents[k+1].s]), "\n") > 2 || sp.e-p.s > 700 {
			return sp // another part of the record
		}
		if (!needS || names(k, s)) && (!needO || names(k, o)) {
			return span{p.s, sp.e}
		}
	}
	return sp
}

// visitNoun: "Nixon's visit to the Soviet Union", "the visit of Zhou Enlai
// to Moscow": the visitor is the one the noun names, never the sentence's
// subject; a planned or discussed visit ("the possibility of a visit") is
// no visit.
func (x *extractor) visitNoun(ts []tok, i int, sp span) {
	w := ts[i].w
	if w != "visit" && w != "visits" {
		return
	}
	var who []Ref
	j := i + 1
	if p := ts[i-1]; p.poss && p.refs != nil && p.pron == 0 && agentRefs(p) {
		who = p.refs
	} else if p.poss && p.pron == 2 && isPerson(p.refs) && !x.conversation {
		who = p.refs[:1] // "thank you for your visit to Hanoi": the addressee's
	} else if j+1 < len(ts) && ts[j].w == "of" && agentRefs(ts[j+1]) && ts[j+1].pron == 0 {
		who, j = ts[j+1].refs, j+2
	}
	if who == nil || j >= len(ts) || ts[j].w != "to" {
		return
	}
	// only a visit the sentence says took place: "X's visit to Y was a
	// success", not "the possibility of X's visit", "X's visit to Y is planned"
	for k := 0; k < i; k++ {
		if stemIn(ts[k].w, "possib", "plan", "propos", "prepar", "invit", "futur", "forthcoming", "expect", "intend") {
			return
		}
	}
	for k := j + 1; k < len(ts); k++ {
		if stemIn(ts[k].w, "plan", "propos", "prepar", "discuss", "touch", "expect", "postpon", "schedul") || ts[k].w == "will" || ts[k].w == "would" {
			return
		}
	}
	k, obj := directObj(ts, j)
	if k < 0 || ts[k].pron != 0 || !(obj[0].Class == "Place" || obj[0].Class == "Country") {
		return
	}
	x.add(who, "visits", obj, sp, 0.65)
}

// crossReference reports whether a sentence only points to an earlier
// message: "In addition to my No 2390.", "Further to our telegram of 5 May."
func crossReference(ts []tok) bool {
	if len(ts) < 3 {
		return false
	}
	a, b := ts[0].w, ts[1].w
	return a == "in" && (b == "addition" || b == "reply" || b == "continuation") ||
		a == "further" && b == "to" || a == "with" && b == "reference" || a == "re" && b == ":" || a == "reference"
}

// pointText is a numbered point's text without its number, quotation marks
// and line breaks: "“1. Immediate cessation ...;" gives "Immediate
// cessation ...".
func pointText(r []rune) string {
	s := strings.Join(strings.Fields(string(r)), " ")
	s = strings.TrimLeft(s, "\"“”«»„ ")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		s = strings.TrimSpace(s[i+1:])
	}
	s = strings.TrimRight(s, "\"“”«»;,. ")
	return capitalize(s)
}

// firmInOriginal: a claim the translation did not yield is taken from the
// original only on a stance cue outside quotations ("мы целиком разделяем
// Вашу точку зрения"); requests and reports there are too often the
// quoted words of others.
func firmInOriginal(rel string, inQuote bool, attr Ref) bool {
	if inQuote || attr.Name == "" {
		return false
	}
	switch rel {
	case "agrees_with", "opposes", "supports", "proposes", "informs":
		// and "Косыгин сообщил, что ...", where the translation has only
		// "Kosygin said that ..."
		return true
	}
	return false
}

// titleMeeting: "Record of Conversation between A and B" where the text
// does not mark who speaks: A meets B, with the first sentence that names
// them (both if one does) as evidence.
func (x *extractor) titleMeeting() {
	a := Ref{"Person", x.d.Participants[0]}
	var best, one *span
	for si, ts := range x.toks {
		seen := map[string]bool{}
		named := false
		for _, t := range ts {
			// a diarist by "I", the other by name
			if (t.ment || t.pron == 1) && isPerson(t.refs) {
				seen[t.refs[0].Name] = true
				named = named || t.ment
			}
		}
		if !named {
			continue
		}
		n := 0
		for _, p := range x.d.Participants {
			if seen[p] {
				n++
			}
		}
		sp := x.sents[si]
		if n >= 2 && best == nil {
			best = &sp
		}
		if n >= 1 && one == nil {
			one = &sp
		}
	}
	if best == nil {
		best = one
	}
	if best == nil {
		return
	}
	for _, p := range x.d.Participants[1:] {
		sp := best
		if both := x.stretchNaming(a, Ref{"Person", p}); both != nil && (both.s != best.s || both.e != best.e) && !x.namesBoth(*best, a, Ref{"Person", p}) {
			sp = both // a participants list names the two on lines of their own
		}
		x.addAttr([]Ref{a}, "meets", []Ref{{"Person", p}}, *sp, 0.6, x.recorder(a))
	}
}

// thirdParticipants: "Record of Conversation between A.I. Mikoyan, Peng
// Dehuai and Kim Il Sung": the title lists one side and then the other,
// whom each of the first side met; each such meeting is shown by the
// first sentence naming both.
func (x *extractor) thirdParticipants() {
	ps := x.d.Participants
	if len(ps) < 3 {
		return
	}
	host := Ref{"Person", ps[len(ps)-1]}
	for _, p := range ps[:len(ps)-1] {
		guest := Ref{"Person", p}
		if guest == host || guest == x.partA && host == x.partB || guest == x.partB && host == x.partA {
			continue
		}
		for si, ts := range x.toks {
			g, h := false, false
			for _, t := range ts {
				if t.ment && isPerson(t.refs) {
					g = g || t.refs[0] == guest
					h = h || t.refs[0] == host
				}
			}
			if g && h && !x.headline(x.sents[si]) {
				x.addAttr([]Ref{guest}, "meets", []Ref{host}, x.sents[si], 0.6, x.recorder(guest))
				break
			}
		}
	}
}

// turns is the text from the first sentence one of the two participants
// speaks to the first the other speaks ("Stalin: There are two sets of
// questions ... Mao Zedong: ..."), which shows both as speaking with each
// other; nil where no such stretch is short enough to cite.
func (x *extractor) turns() *span {
	a, b := -1, -1
	for si, ts := range x.toks {
		sp := x.speakerOf(ts)
		if len(sp) == 0 {
			continue
		}
		if sp[0] == x.partA && a < 0 {
			a = si
		}
		if sp[0] == x.partB && b < 0 {
			b = si
		}
		if a >= 0 && b >= 0 {
			break
		}
	}
	if a < 0 || b < 0 {
		return nil
	}
	out := span{x.sents[min(a, b)].s, x.sents[max(a, b)].e}
	if out.e-out.s > 600 {
		return nil
	}
	return &out
}

// telephone reports whether a title names a telephone conversation
// ("Transcript of Telephone Conversation", "Telcon", "Telefongespräch",
// "телефонный разговор").
func telephone(title string) bool {
	t := strings.ToLower(title)
	for _, w := range []string{"telephone", "telcon", "phone call", "telefon", "телефон"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// recorder is whom a record's meeting is attributed to: its author, else
// the first participant its title names (whose record it is).
func (x *extractor) recorder(first Ref) Ref {
	if x.author.Name != "" {
		return x.author
	}
	return first
}

// diaryMeeting: a diarist's record of a conversation with the one person
// its title names: the author met them, with the first sentence naming
// that person as evidence.
func (x *extractor) diaryMeeting() {
	p := Ref{"Person", x.d.Participants[0]}
	for si, ts := range x.toks {
		if x.headline(x.sents[si]) || len(ts) < 4 {
			continue
		}
		for _, t := range ts {
			if t.ment && isPerson(t.refs) && t.refs[0] == p {
				x.addAttr([]Ref{x.author}, "meets", []Ref{p}, x.sents[si], 0.6, x.author)
				return
			}
		}
	}
}

// signedBy is the person a signature line names ("FILIPPOV [Stalin].",
// "Ю. АНДРОПОВ"), or nil: the first line of the version's last three
// quarters that holds one person's names and nothing else, standing on a
// line of its own, and no item of a numbered list ("3. Cde. Vyshinsky").
// A forwarded message's own signature comes before the forwarder's.
func (x *extractor) signedBy() []Ref {
	for si := len(x.toks) / 4; si < len(x.toks); si++ {
		ts, sp := x.toks[si], x.sents[si]
		if len(ts) == 0 || !x.ownLine(sp) || leadingNumber(ts) > 0 || ts[0].w != "" && ts[0].w[0] >= '0' && ts[0].w[0] <= '9' {
			continue
		}
		if who := signature(ts); who != nil {
			for _, a := range x.d.Authors {
				if who[0].Name == a {
					return []Ref{x.author} // one of the signers: the first
				}
			}
			return who
		}
	}
	return nil
}

// ownLine reports whether the sentence stands on a line of its own.
func (x *extractor) ownLine(sp span) bool {
	for i := sp.s - 1; i >= 0; i-- {
		if x.r[i] == '\n' {
			break
		}
		if !unicode.IsSpace(x.r[i]) {
			return false
		}
	}
	for i := sp.e; i < len(x.r); i++ {
		if x.r[i] == '\n' {
			break
		}
		if !unicode.IsSpace(x.r[i]) && !strings.ContainsRune(".\"»”", x.r[i]) {
			return false
		}
	}
	return true
}

// objectPronouns are never subjects.
var objectPronouns = set("me", "us", "him", "her", "them", "меня", "мне", "нас", "нам", "ему", "им", "них", "ним", "вас", "вам", "тебя", "тебе")

// objectPronoun: "me", "them", and "you" right after a verb ("sending
// you", "ask you") stand for the object of the verb.
func objectPronoun(ts []tok, j int) bool {
	w := ts[j].w
	if objectPronouns[w] {
		return true
	}
	if w != "you" || j == 0 {
		return false
	}
	p := ts[j-1]
	if p.punct || p.refs != nil || p.is(cClauseStop) || p.is(cModals) {
		return false
	}
	switch p.w {
	case "and", "or", "then", "as", "both", "thank":
		return p.w == "thank"
	}
	return !strings.HasSuffix(p.w, "ly")
}

// wished: a cue verb in an infinitive another verb governs ("ask you to
// support it", "hope to visit") states a wish or a request, not the act.
func wished(ts []tok, i int) bool {
	if i == 0 || ts[i-1].w != "to" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if ts[k].punct {
			return false
		}
		if stemIn(ts[k].w, "ask", "request", "urge", "invit", "call", "want", "hope", "expect", "wish", "tr", "intend", "plan", "beg", "persuad", "press", "induc", "encourag", "expect") {
			return true
		}
	}
	return false
}

// guestNouns are whom a host welcomes.
var guestNouns = set("delegation", "delegations", "guest", "guests", "visitors", "visitor", "envoy", "envoys", "mission", "comrades", "representatives", "friends")

// deliveryNouns are what one state asks another for by name ("deliveries
// of rolled steel", "credits", "help in building roads").
var deliveryNouns = set("deliveries", "delivery", "supplies", "supply", "shipments", "credit", "credits", "loan", "loans",
	"aid", "assistance", "help", "weapons", "arms", "equipment", "advisers", "advisors", "specialists", "instructors", "grain", "fuel", "troops")

// quantityAdjs qualify what is asked for.
var quantityAdjs = set("additional", "further", "more", "urgent", "immediate", "new", "increased", "accelerated", "faster", "economic", "military", "financial", "technical")

// addresseeActs: the clause from j has the other side as its agent ("you
// send", "the Soviet side supply", "your government consider"), alone.
func addresseeActs(ts []tok, j int) bool {
	if j < len(ts) && ts[j].w == "the" {
		j++
	}
	if j+1 >= len(ts) {
		return false
	}
	t := ts[j]
	if t.pron == 2 && !t.poss {
		return ts[j+1].w != "and"
	}
	if t.pron == 2 && t.poss || t.ment && t.refs != nil && (t.refs[0].Class == "Country" || t.refs[0].Class == "Organization") && t.pron == 0 {
		return ts[j+1].w == "side" || ts[j+1].w == "government" || t.pron == 2 && ts[j+1].w == "comrades"
	}
	return false
}

// colleagueBriefing: "Soviet counsellor A. I. Smirnov told me", "Soviet
// Ambassador Aristov told me in confidence": a fellow diplomat's briefing
// on the side, not the meeting a report records.
func colleagueBriefing(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch ts[k].w {
		case "counsellor", "counselor", "ambassador", "attaché", "attache", "chargé", "charge", "colleague", "colleagues", "diplomat", "diplomats":
			return true
		}
		if ts[k].punct && ts[k].w != "." {
			return false
		}
	}
	return false
}

// headedBy: "the PUWP leadership headed by Comrade Kania", "the government
// led by Kádár": the person who heads the body named at ts[j].
func headedBy(ts []tok, j int) []Ref {
	k := j + 1
	if k < len(ts) && (ts[k].w == "leadership" || ts[k].w == "government" || ts[k].w == "delegation") {
		k++
	}
	if k+1 >= len(ts) || !(ts[k].w == "headed" || ts[k].w == "led") || ts[k+1].w != "by" {
		return nil
	}
	for m := k + 2; m < len(ts) && m <= k+5; m++ {
		if ts[m].ment && isPerson(ts[m].refs) {
			return ts[m].refs[:1]
		}
		if ts[m].punct {
			return nil
		}
	}
	return nil
}

// relayedClause: a that-clause asking for a message to be passed on ("that
// his greetings be conveyed to ...").
func relayedClause(ts []tok, j int) bool {
	for k := j; k+1 < len(ts) && k <= j+8; k++ {
		if ts[k].w == "greetings" || ts[k].w == "regards" || ts[k].is(cBeForms) && stemIn(ts[k+1].w, "conveyed", "passed", "transmitted", "forwarded", "relayed") {
			return true
		}
	}
	return false
}

// relayVerbs carry a message on to a third party.
var relayVerbs = set("tell", "pass", "convey", "transmit", "forward", "relay", "inform", "communicate", "deliver")

// relayed reports whether the words from j are an infinitive of passing a
// message on ("to tell you", "to pass this on", "to convey to Brezhnev").
func relayed(ts []tok, j int) bool {
	return j+1 < len(ts) && ts[j].w == "to" && relayVerbs[ts[j+1].w]
}

// askedClause: a cue verb in the clause of what someone asks, proposes or
// demands ("He requested that the Soviet Union support Vietnam", "We
// propose that you condemn ...") states what is wanted, not a stance
// anyone holds.
func askedClause(ts []tok, i int) bool {
	for k := i - 1; k > 0; k-- {
		t := ts[k]
		if t.w == ";" || t.w == ":" || t.w == "." {
			return false
		}
		if t.w != "that" {
			continue
		}
		v := k - 1
		for v > 0 && strings.HasSuffix(ts[v].w, "ly") {
			v--
		}
		return stemIn(ts[v].w, "ask", "request", "demand", "propos", "suggest", "urg", "insist", "recommend", "beg")
	}
	return false
}

// planned: a meeting or a visit not (yet) held: "to hold talks with Tito",
// "will meet", "would visit".
func planned(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ts[k].w {
		case "to", "will", "would", "shall", "should", "could", "might", "may", "must", "can":
			return true
		case "hold", "holding", "have", "conduct", "the", "a", "an", "further", "new", "direct", "personal", "his", "her", "their", "our", "your", "my":
			continue
		}
		return false
	}
	return false
}

// coordinatedFuture: "I will see Stalin again and ask him for guidance": a
// verb joined to a future one is a plan too.
func coordinatedFuture(ts []tok, i int) bool {
	if i == 0 || ts[i-1].w != "and" {
		return false
	}
	for k := i - 2; k >= 0; k-- {
		if ts[k].is(cClauseStop) {
			return false
		}
		switch ts[k].w {
		case "will", "would", "shall", "to":
			return true
		}
	}
	return false
}

// conjuncts extends the object at ts[j] with those joined to it: "accused
// the United States, together with Pakistan and China, of ...", "blames
// the United States, Pakistan and China for ...".
func conjuncts(ts []tok, j int, obj []Ref) []Ref {
	out := append([]Ref(nil), obj...)
	for k := j + 1; k < len(ts) && k <= j+12; k++ {
		t := ts[k]
		switch {
		case t.w == "," || t.w == "and" || t.w == "together" || t.w == "with" || t.w == "as" || t.w == "well" || t.w == "the" || t.w == "also":
			continue
		case agentRefs(t) && t.pron == 0 && !t.poss:
			out = append(out, t.refs...)
			continue
		}
		break
	}
	return out
}

// requested names what a request asks for, read from the verb phrase at
// ts[v] ("deliver anti-aircraft missiles as soon as possible" is the
// "Delivery of anti-aircraft missiles"), and records the request of it.
func (x *extractor) requested(subj []Ref, ts []tok, v int, sp span) {
	if v >= len(ts) || ts[v].punct || ts[v].refs != nil || ts[v].is(cNounStop|cModals) {
		return
	}
	switch ts[v].w {
	case "be", "have", "do", "consider", "think", "tell", "inform", "convey", "pass", "find", "know", "let", "report", "answer", "reply":
		return // not a thing to be given or done for the asker
	case "keep":
		// "keep the oil deliveries at this level", not "keep this secret"
		if !(v+2 < len(ts) && (deliveryNouns[ts[v+2].w] || v+3 < len(ts) && deliveryNouns[ts[v+3].w])) {
			return
		}
	}
	noun := false
	if v+3 < len(ts) && stemIn(ts[v].w, "help", "assist", "aid", "supply", "provide") && ts[v+1].pron != 0 && (ts[v+2].w == "with" || ts[v+2].w == "in") && ts[v+3].refs == nil && !ts[v+3].punct {
		v, noun = v+3, true // "help us with deliveries of steel": the deliveries are asked for
	}
	k := v + 1
	for k < len(ts) && k < v+16 && (!ts[k].punct || ts[k].w == "-") && !ts[k].is(cClauseStop) && ts[k].prop == 0 && ts[k].pron == 0 {
		if ts[k].w == "as" || ts[k].w == "within" || ts[k].w == "before" || ts[k].w == "by" && k > v+2 {
			break // "as soon as possible", "within months": when, not what
		}
		if ts[k].w == "and" && k+1 < len(ts) && ts[k+1].w == "to" {
			break // "... and to supply the helicopters": the next thing asked
		}
		k++
	}
	for k-1 > v+1 && (ts[k-1].is(cPrepositions) || ts[k-1].w == "and" || ts[k-1].w == "the" || ts[k-1].w == "of") {
		k-- // "send tanks and aircraft with [your crews]"
	}
	if k <= v+1 || ts[v+1].is(cAnaphoric) && ts[v+1].w != "the" {
		return // "raise this question": what is asked is named elsewhere
	}
	obj := string(x.r[ts[v+1].s:ts[k-1].e])
	label := "Request to " + string(x.r[ts[v].s:ts[k-1].e])
	name := label
	if n, ok := nominal[ts[v].w]; ok && !noun {
		name = n + " of " + obj
	}
	if noun {
		label = "Request for " + string(x.r[ts[v].s:ts[k-1].e])
		name = label
	}
	pid := x.proposalRef(name, []string{label}, span{ts[v].s, ts[k-1].e})
	x.setText(pid, span{ts[v].s, ts[k-1].e})
	x.add(subj, "requests", []Ref{x.props[pid-1].ref}, sp, 0.7)
	x.lastProp, x.lastPropSent = pid, x.curSi
}

// refuse: "we will not negotiate directly with Israel", "we cannot accept
// any inspection": the speaker's side refuses the course of action, which
// is named after the verb ("Negotiation directly with Israel").
func (x *extractor) refuse(ts []tok, i int, sp span) {
	if i < 2 || inCondition(ts, i) || passive(ts, i) {
		return
	}
	// "will not", "shall not", "cannot", "would never", "do not intend to"
	neg, refused := false, false
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].is(cNegators) || strings.HasSuffix(ts[k].w, "n't") {
			neg = true
			break
		}
		if refusedTo(ts, k) {
			neg, refused = true, true // "Kosygin refused to send troops"
			break
		}
		if !ts[k].is(cModals) && ts[k].w != "directly" {
			break
		}
	}
	if !neg {
		return
	}
	subj := subjectOf(ts, i)
	if refused && subj != nil && !x.inSummary {
		// a refusal is its maker's stance, whoever reports it
	} else if subj == nil || !sameRefs(subj, x.speakerRef()) {
		return // only the speaker's own refusal, not what others will not do
	}
	k := i + 1
	// "not withdraw our troops from Hungary": a possessive is part of it
	for k < len(ts) && k < i+10 && !ts[k].punct && !ts[k].is(cClauseStop) && (ts[k].pron == 0 || ts[k].poss) && ts[k].w != "and" && ts[k].w != "but" {
		k++
	}
	if k <= i+1 {
		return
	}
	obj := x.refusedObject(ts, i, k)
	if obj != nil {
		// "we will not join the Baghdad Pact": the pact itself
	} else if k == i+2 && isProp(ts[i+1].refs) {
		obj = ts[i+1].refs
	} else {
		rest := string(x.r[ts[i+1].s:ts[k-1].e])
		name := "Refusal to " + ts[i].w + " " + rest
		if n, ok := refusedNominal(ts[i].w); ok {
			name = n + " " + rest
			if !strings.HasPrefix(rest, "with") && !strings.HasPrefix(rest, "to") && !strings.HasPrefix(rest, "directly") {
				name = n + " of " + rest
			}
		} else if ts[i].w == "negotiate" {
			name = "Negotiations " + rest
		}
		pid := x.proposalRef(capitalize(name), []string{capitalize(ts[i].w + " " + rest)}, span{ts[i].s, ts[k-1].e})
		x.setText(pid, span{ts[i].s, ts[k-1].e})
		obj = []Ref{x.props[pid-1].ref}
	}
	x.add(subj, "opposes", obj, sp, 0.65)
}

// refusalVerbs name courses of action a side may refuse.
var refusalVerbs = set("negotiate", "recognise", "recognize", "sign", "join", "attend", "participate", "withdraw",
	"send", "accept")
