package claim

import "strings"

// The clause a verb of proposing or asking governs: "proposed instead
// that such questions be referred to the committee", "I again recommend
// that we open a channel", "we propose to you, as we have proposed to the
// Soviet comrades, that the polemics be stopped".

// thatAdverbs may stand between such a verb and its "that".
var thatAdverbs = set("instead", "also", "further", "furthermore", "again", "therefore", "now", "formally",
	"strongly", "urgently", "firmly", "then", "moreover", "however", "accordingly", "thus", "earnestly",
	"respectfully", "personally", "once", "more", "officially", "expressly", "insistently")

// thatAfter returns the index of the "that" the verb at ts[i] governs,
// past adverbs and the one addressed ("to you", "to the Soviet side"),
// with a comparison set off by commas (", as we did in Moscow,"); -1
// where the verb governs no "that".
func thatAfter(ts []tok, i int) int {
	j := i + 1
	for j < len(ts) && j <= i+4 && (thatAdverbs[ts[j].w] || ts[j].w == "," && j+1 < len(ts) && thatAdverbs[ts[j+1].w] || ts[j].w == "," && j > i+1 && thatAdverbs[ts[j-1].w]) {
		j++
	}
	if j < len(ts) && ts[j].w == "that" {
		return j
	}
	if j+1 >= len(ts) || ts[j].w != "to" || !stemIn(ts[i].w, "propos", "suggest") {
		return -1 // ("would recommend to Washington that": what one means to do)
	}
	k := j + 1
	for k < len(ts) && k <= j+4 && !ts[k].punct && (ts[k].refs != nil && ts[k].prop == 0 || ts[k].w == "the" || ts[k].is(cGroupNouns)) {
		k++
	}
	if k == j+1 {
		return -1 // "proposed to convene ...": an infinitive
	}
	if k+1 < len(ts) && ts[k].w == "," && ts[k+1].w == "as" {
		for m := k + 2; m < len(ts) && m <= k+12; m++ {
			if ts[m].w == "," {
				k = m + 1
				break
			}
		}
	}
	if k < len(ts) && ts[k].w == "that" {
		return k
	}
	return -1
}

// clauseList reports whether the clause after "that" (ts[th]) introduces
// a list ("I recommend that you tell Dobrynin three things:"), and if so
// makes each item a proposal of subj: the clause itself names none.
func (x *extractor) clauseList(ts []tok, th int, subj []Ref, si int) bool {
	if len(ts) == 0 || ts[len(ts)-1].w != ":" || len(ts)-th > 14 {
		return false
	}
	return x.proposeItems(subj, si)
}

// irregular participles and past forms of the verbs of proposed acts.
var irregularLemma = map[string]string{
	"wound": "wind", "sent": "send", "held": "hold", "given": "give", "withdrawn": "withdraw", "taken": "take", "made": "make",
	"brought": "bring", "begun": "begin", "kept": "keep", "built": "build", "sold": "sell", "bought": "buy",
	"drawn": "draw", "set": "set", "put": "put", "cut": "cut", "freed": "free", "undertaken": "undertake",
	"paid": "pay", "laid": "lay", "shown": "show", "told": "tell", "chosen": "choose", "written": "write",
}

// actNoun is the noun of the act a verb form names ("referred" gives
// "Referral", "buy" "Purchase"), "" where the verb has none.
func actNoun(w string) string {
	if n, ok := nominal[w]; ok {
		return n
	}
	if l, ok := irregularLemma[w]; ok {
		return nominal[l]
	}
	for _, c := range []struct{ suf, rep string }{{"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""}} {
		if len(w) > len(c.suf)+2 && w[len(w)-len(c.suf):] == c.suf {
			l := w[:len(w)-len(c.suf)] + c.rep
			if n, ok := nominal[l]; ok {
				return n
			}
			// "stopped", "referred": a doubled last consonant
			if c.suf == "ed" && c.rep == "" && len(l) > 2 && l[len(l)-1] == l[len(l)-2] {
				if n, ok := nominal[l[:len(l)-1]]; ok {
					return n
				}
			}
		}
	}
	return ""
}

// clauseLabels names a proposal made of a "that" clause (ts[a:b]) after
// the act it proposes, as a historian would: "that such questions be
// referred to the Committee of Three" is the "Referral of such questions
// to the Committee of Three", "that China buy Egyptian cotton" the
// "Chinese purchase of Egyptian cotton", "that the agreement be signed in
// Hanoi on October 31 and that ..." the "Signing of the agreement in Hanoi
// on October 31".
func (x *extractor) clauseLabels(pid int, ts []tok, a, b int) {
	if pid <= 0 || a >= b {
		return
	}
	// the clause ends at a second "that" or a comma
	end := b
	for k := a + 1; k < b; k++ {
		if ts[k].w == "," || ts[k].w == "that" || ts[k].w == "and" && k+1 < b && ts[k+1].w == "that" || ts[k].is(cClauseStop) && ts[k].w != "and" {
			end = k
			break
		}
	}
	for v := a + 1; v < end && v <= a+8; v++ {
		t := ts[v]
		if t.punct || t.refs != nil {
			continue
		}
		passiveAct := t.is(cBeForms) && v+1 < end && actNoun(ts[v+1].w) != ""
		if t.is(cModals) && v+2 < end && ts[v+1].is(cBeForms) && actNoun(ts[v+2].w) != "" {
			passiveAct, v = true, v+1 // "should be withdrawn"
		}
		var noun string
		var subj, rest []tok
		switch {
		case passiveAct:
			noun, subj, rest = actNoun(ts[v+1].w), ts[a:v], ts[v+2:end]
			if v > a && ts[v-1].is(cModals) {
				subj = ts[a : v-1]
			}
		case nominal[t.w] != "" && v > a:
			// a bare verb after its subject: "China buy", "we open"
			noun, subj, rest = nominal[t.w], ts[a:v], ts[v+1:end]
			if ts[v-1].is(cModals) {
				subj = ts[a : v-1]
			}
		default:
			if t.is(cModals) || t.is(cBeForms) || strings.HasSuffix(t.w, "s") && !strings.HasSuffix(t.w, "ss") && v > a && ts[v-1].refs != nil {
				return // another verb: the clause says something else
			}
			continue
		}
		if len(subj) == 0 {
			return
		}
		var label string
		if passiveAct {
			label = strings.TrimSpace(noun + " of " + x.wordsOf(subj) + " " + x.wordsOf(rest))
		} else {
			adj := ""
			if len(subj) <= 2 && subj[len(subj)-1].refs != nil && subj[len(subj)-1].pron == 0 {
				adj = adjective[subj[len(subj)-1].refs[0].Name]
			} else if len(subj) <= 4 && subj[len(subj)-1].is(cGroupNouns) {
				// "the Soviet side supply ...", "the GDR government take ..."
				for _, t := range subj {
					if t.refs != nil && t.pron == 0 && adjective[t.refs[0].Name] != "" {
						adj = adjective[t.refs[0].Name]
					}
				}
			}
			if adj != "" {
				label = adj + " " + strings.ToLower(noun[:1]) + noun[1:] + " of " + x.wordsOf(rest)
			} else {
				label = noun + " of " + x.wordsOf(rest)
			}
		}
		if strings.HasSuffix(label, " of ") {
			return
		}
		name := x.props[pid-1].ref.Name
		e := &x.res.Entities[x.propEntity(pid-1)]
		x.proposalRef(name, []string{label}, span{e.Start, e.End})
		return
	}
}

// wordsOf is the text of ts as written, "" for none.
func (x *extractor) wordsOf(ts []tok) string {
	if len(ts) == 0 {
		return ""
	}
	return string(x.r[ts[0].s:ts[len(ts)-1].e])
}

// impersonal: "It is requested that the Ministry of Transport release its
// staff", "it is proposed that the delegation leave on Monday": in a
// memorandum or minutes without another speaker named, the writer's (or
// the speaker's) own request or proposal, in the passive of officialese.
// It reports whether the verb at ts[i] was read so.
func (x *extractor) impersonal(ts []tok, i int, sp span, si int) bool {
	w := ts[i].w
	rel := ""
	switch w {
	case "requested", "asked":
		rel = "requests"
	case "proposed", "suggested", "recommended":
		rel = "proposes"
	default:
		return false
	}
	if i < 2 || ts[i-1].w != "is" || ts[i-2].w != "it" || x.inItem(sp) || x.hearsay || x.sayer != nil && i > x.sayAt || negated(ts, i) || inCondition(ts, i) {
		return false
	}
	if i >= 3 && !ts[i-3].punct && ts[i-3].w != "and" && ts[i-3].w != "therefore" && ts[i-3].w != "also" {
		return false // "as it was proposed that", "whether it is requested"
	}
	th := thatAfter(ts, i)
	who := x.speakerRef()
	if th < 0 || who == nil {
		return false
	}
	prefix := "Proposal that "
	if rel == "requests" {
		prefix = "Request that "
	}
	return x.clauseProposal(ts, th, sp, si, who, rel, prefix)
}

// putForward: "Zhivkov put forward the idea of a nuclear-free zone in the
// Balkans", "the delegation tabled a draft resolution on Laos": the noun
// phrase is the subject's proposal (a "proposal" or "plan" so named is
// read with its owner elsewhere).
func (x *extractor) putForward(ts []tok, i int, sp span) {
	v := i
	if ts[i].w == "put" {
		if i+1 >= len(ts) || ts[i+1].w != "forward" {
			return
		}
		v = i + 1
	}
	if negated(ts, i) || inCondition(ts, i) || passive(ts, i) || x.inItem(sp) {
		return
	}
	subj := subjectOf(ts, i)
	if i >= 3 && ts[i-1].w == "to" && ts[i-2].refs != nil && ts[i-2].pron != 0 && stemIn(ts[i-3].w, "instruct", "authori", "asked", "ask", "told", "tell", "charg", "direct", "entrust", "sent", "send") {
		subj = ts[i-2].refs // "The President has authorized me to put forward": I do
	}
	if subj == nil {
		return
	}
	// "the idea of a nuclear-free zone": the idea's object is the proposal
	j := v + 1
	if j+2 < len(ts) && (ts[j].w == "the" || ts[j].w == "a" || ts[j].w == "an") && stemIn(ts[j+1].w, "idea", "concept", "notion") && ts[j+2].w == "of" {
		v = j + 2
	}
	if np := x.npObject(ts, v); np != nil {
		x.add(subj, "proposes", np, sp, 0.7)
	}
}

// addresseeClause reports whether the clause after "that" (ts[th]) has the
// addressee for its subject: "that you send advisers", "that the CC CPY
// give a clear answer" in a letter to the CC CPY.
func (x *extractor) addresseeClause(ts []tok, th int) bool {
	k := th + 1
	if k < len(ts) && ts[k].w == "the" {
		k++
	}
	if k+1 >= len(ts) || ts[k].poss || ts[k].prop > 0 {
		return false
	}
	if ts[k].refs == nil {
		// a body the recognizer did not know, named after a recipient:
		// "the CC CPY" in a letter to the CPY
		e := k
		for e < len(ts) && e < k+4 && !ts[e].punct && ts[e].refs == nil && x.allCaps(ts[e]) {
			e++
		}
		if e < len(ts) && e < k+4 && ts[e].refs != nil && ts[e].pron == 0 && (x.recipientBody(ts[e].refs[0]) || x.recipientWord(ts[e])) {
			return true // "the CC [CPY]"
		}
		if e == k {
			return false
		}
		words := " " + string(x.r[ts[k].s:ts[e-1].e]) + " "
		for _, r := range x.d.Recipients {
			if len(r) >= 2 && strings.Contains(words, " "+r+" ") {
				return true
			}
		}
		return false
	}
	if ts[k].pron == 2 {
		return true
	}
	return ts[k].pron == 0 && (len(x.addressee) > 0 && ts[k].refs[0] == x.addressee[0] || x.recipientBody(ts[k].refs[0]))
}

// recipientBody reports whether ref is one of the recipients or an organ
// of one: "Central Committee of the Communist Party of Yugoslavia" in a
// letter to the CPY.
func (x *extractor) recipientBody(ref Ref) bool {
	if ref.Class == "Person" {
		return false
	}
	for _, r := range x.d.Recipients {
		if ref.Name == r || strings.HasSuffix(ref.Name, " of "+r) || strings.HasSuffix(ref.Name, " of the "+r) {
			return true
		}
		if _, tail, ok := strings.Cut(ref.Name, " of "); ok && initials(strings.TrimPrefix(tail, "the ")) == r || initials(ref.Name) == r {
			return true
		}
	}
	return false
}

// recipientWord reports whether a token is written as one of the
// recipients is named ("CPY"), whatever entity the recogniser made of it.
func (x *extractor) recipientWord(t tok) bool {
	w := string(x.r[t.s:t.e])
	for _, r := range x.d.Recipients {
		if w == r {
			return true
		}
	}
	return false
}
