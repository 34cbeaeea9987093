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

// permissionWords are what one asks of whoever may grant it: "I request
// the Department's authority to proceed", "we request approval of these
// measures".
var permissionWords = set("authority", "authorization", "authorisation", "approval", "permission", "consent",
	"sanction", "instructions", "instruction", "guidance", "agreement", "leave")

// askedFor reads what "requested" or "asked for" takes as its object from
// ts[a] on: a permission asks the one who may grant it where a
// possessive names them ("your approval"); anything else named by two words or more
// ("resolute retaliatory measures ..., and additional military aid to the
// armed forces") is asked for, each conjunct a request of its own.
func (x *extractor) askedFor(ts []tok, a int, subj []Ref, sp span) bool {
	if a >= len(ts) {
		return false
	}
	// a permission: "the Department's authority", "your approval", "approval of"
	for k := a; k < len(ts) && k <= a+3; k++ {
		if !permissionWords[ts[k].w] {
			if ts[k].punct || ts[k].w == "to" || ts[k].w == "for" {
				break
			}
			continue
		}
		var obj []Ref // who may grant it, where the words name them
		for q := a; q < k; q++ {
			if ts[q].poss && agentRefs(ts[q]) && ts[q].pron != 1 {
				obj = ts[q].refs[:1]
			} else if ts[q].poss && ts[q].pron == 2 {
				obj = ts[q].refs
			}
		}
		if len(obj) > 0 {
			x.add(subj, "requests", obj, sp, 0.7)
		}
		return true // a permission is no thing asked for
	}
	if ts[a].punct || ts[a].refs != nil && !ts[a].adj || ts[a].pron != 0 || ts[a].is(cNounStop|cClauseStop|cModals) || ts[a].w == "that" || ts[a].w == "to" {
		return false
	}
	made := false
	for start := a; start < len(ts); {
		k := start
		if ts[k].w == "for" {
			k++
			start = k
		}
		for k < len(ts) && k < start+16 && (!ts[k].punct || ts[k].w == "-") && !ts[k].is(cClauseStop) && ts[k].pron != 1 && ts[k].prop == 0 {
			if ts[k].w == "and" && k+1 < len(ts) && conjunctStart(ts[k+1]) {
				break
			}
			k++
		}
		end := k
		for end-1 > start && (ts[end-1].is(cPrepositions) || ts[end-1].w == "the" || ts[end-1].w == "a" || ts[end-1].w == "and") {
			end--
		}
		words := 0
		for q := start; q < end; q++ {
			if !ts[q].punct && !ts[q].is(cPrepositions) && ts[q].w != "the" && ts[q].w != "a" && ts[q].w != "an" {
				words++
			}
		}
		head := start
		for head < end && (ts[head].w == "the" || ts[head].w == "a" || ts[head].w == "an" || ts[head].w == "some") {
			head++
		}
		if words >= 2 && head < end && !npHeadStop[ts[head].w] && !ts[head].is(cOpinionWords) && !ts[head].is(cProposalHeads) {
			name := capitalize(string(x.r[ts[head].s:ts[end-1].e]))
			pid := x.proposalRef(name, nil, span{ts[head].s, ts[end-1].e})
			x.setText(pid, span{ts[head].s, ts[end-1].e})
			x.add(subj, "requests", []Ref{x.props[pid-1].ref}, sp, 0.7)
			x.lastProp, x.lastPropSent = pid, x.curSi
			made = true
		}
		// the next conjunct: ", and additional military aid", "and for a credit"
		if k < len(ts) && ts[k].w == "," && k+2 < len(ts) && ts[k+1].w == "and" && conjunctStart(ts[k+2]) {
			start = k + 2
			continue
		}
		if k+1 < len(ts) && ts[k].w == "and" && conjunctStart(ts[k+1]) {
			start = k + 1
			continue
		}
		break
	}
	return made
}

// conjunctStart: a word that opens a new thing asked for after "and" ("and
// additional aid", "and for a credit", "and the training of pilots").
func conjunctStart(t tok) bool {
	if t.punct || t.pron != 0 || t.refs != nil && !t.adj {
		return false
	}
	return t.w == "for" || t.w == "a" || t.w == "an" || t.w == "the" || quantityAdjs[t.w] || t.adj || adjectival(t.w) && !t.is(cNounStop)
}

// byPersonOrSide: a request made by a person or by the writer's side (not
// a group a speaker reports).
func byPersonOrSide(ts []tok, i int, subj []Ref) bool {
	return isPerson(subj) || i > 0 && ts[i-1].pron == 1
}

// oneThing: "I would ask for one thing: let me keep a small staff at the
// embassy", "we need one thing: that work on SDI be confined to the
// laboratory": what follows the colon is what is asked for. ts[k] is the
// word after the verb (or its "for"). It reports whether it read one.
func (x *extractor) oneThing(ts []tok, k int, subj []Ref, sp span, si int) bool {
	if k+3 >= len(ts) || numberWords[ts[k].w] == 0 && ts[k].w != "one" && ts[k].w != "a" || !stemIn(ts[k+1].w, "thing", "request") || ts[k+2].w != ":" {
		return false
	}
	c := k + 3
	if ts[c].w == "that" {
		return x.clauseProposal(ts, c, sp, si, subj, "requests", "Request that ")
	}
	// "let me keep a small staff": the act the speaker asks leave for
	if c+2 < len(ts) && ts[c].w == "let" && (ts[c+1].w == "me" || ts[c+1].w == "us") {
		v := c + 2
		end := v + 1
		for end < len(ts) && !ts[end].punct && !ts[end].is(cClauseStop) && end < v+14 {
			end++
		}
		if end <= v+1 {
			return false
		}
		obj := string(x.r[ts[v+1].s:ts[end-1].e])
		name := "Request to " + string(x.r[ts[v].s:ts[end-1].e])
		if n := actNoun(ts[v].w); n != "" {
			name = n + " of " + obj
		} else if g := gerund(ts[v].w + "ed"); g != "" {
			name = capitalize(g) + " " + obj
		}
		pid := x.proposalRef(name, nil, span{ts[v].s, ts[end-1].e})
		x.setText(pid, span{ts[v].s, ts[end-1].e})
		x.add(subj, "requests", []Ref{x.props[pid-1].ref}, sp, 0.7)
		x.lastProp, x.lastPropSent = pid, si
		return true
	}
	return false
}

// need: the speaker's side "needs" a thing of the one addressed: "We need
// some assurance on Backfire", "In return we need one thing: that ...".
func (x *extractor) need(ts []tok, i int, sp span, si int) {
	if i == 0 || i+1 >= len(ts) || x.inItem(sp) || x.hearsay || negated(ts, i) || inCondition(ts, i) {
		return
	}
	s := i - 1
	if ts[s].w == "also" || ts[s].w == "urgently" || ts[s].w == "still" {
		s--
	}
	if s < 0 || ts[s].pron != 1 || ts[s].poss || ts[s].refs == nil || x.sayer != nil && i > x.sayAt {
		return // only the speaker's own need is asked of the other
	}
	subj := ts[s].refs[:1]
	if x.oneThing(ts, i+1, subj, sp, si) || ts[i+1].w == "to" {
		return // "we need to study it": a need of one's own, no request
	}
	x.askedFor(ts, i+1, subj, sp)
}

// askedToAgree: "Losonczy asked whether the Soviet government would agree
// to a new round of talks on the withdrawal of troops": asking the other
// side to agree to a course proposes it.
func (x *extractor) askedToAgree(ts []tok, j int, subj []Ref, sp span) bool {
	for k := j + 1; k+1 < len(ts) && k <= j+8; k++ {
		if ts[k].punct || ts[k].is(cClauseStop) && k > j+1 {
			return false
		}
		v := k
		if (stemIn(ts[k].w, "agree", "consent") || ts[k].w == "ready" || ts[k].w == "prepared") && ts[k+1].w == "to" {
			v = k + 1
		} else if !stemIn(ts[k].w, "accept") {
			continue
		}
		if negated(ts, k) {
			return false
		}
		if np := x.npObject(ts, v); np != nil {
			x.add(subj, "proposes", np, sp, 0.7)
			return true
		}
		return false
	}
	return false
}

// askedQuestion: "ask you something", "ask you a question": a question
// put, not a request.
func askedQuestion(ts []tok, k int) bool {
	if k >= len(ts) {
		return false
	}
	if ts[k].w == "something" || stemIn(ts[k].w, "question") {
		return true
	}
	return k+1 < len(ts) && (ts[k].w == "a" || ts[k].w == "one" || ts[k].w == "another" || ts[k].w == "some" || ts[k].w == "few" || ts[k].w == "several" || numberWords[ts[k].w] > 0) && stemIn(ts[k+1].w, "question")
}

// pleaseVerbs are the verbs of a thing to be given or done that "please"
// asks for.
var pleaseVerbs = set("send", "deliver", "supply", "provide", "give", "grant", "ship", "dispatch", "release", "extend",
	"speed", "accelerate", "arrange", "ensure", "organize", "organise", "transfer", "return", "keep", "withdraw",
	"recall", "stop", "halt", "cancel", "lift", "approve", "authorize", "authorise", "allow")

// please: "Please send us 200 trucks and 3,000 tons of fuel before the
// winter": what the speaker asks for, named after the act ("Dispatch of
// 200 trucks and 3,000 tons of fuel").
func (x *extractor) please(ts []tok, i int, sp span) {
	v := i + 1
	for v < len(ts) && (ts[v].w == "also" || ts[v].w == "urgently" || ts[v].w == "immediately" || ts[v].w == ",") {
		v++
	}
	who := x.speakerRef()
	if v+2 >= len(ts) || !pleaseVerbs[ts[v].w] || who == nil || x.inItem(sp) || x.hearsay || x.inQuote {
		return
	}
	a := v + 1
	if ts[a].pron != 0 && !ts[a].poss {
		a++ // "send us": to whom
	}
	if a < len(ts) && ts[a].w == "up" {
		a++ // "speed up"
	}
	b := a
	for b < len(ts) && b < a+16 && (!ts[b].punct || ts[b].w == "-") && !ts[b].is(cClauseStop) && ts[b].pron == 0 && ts[b].prop == 0 {
		if ts[b].w == "before" || ts[b].w == "by" && b > a+1 || ts[b].w == "within" || ts[b].w == "as" {
			break // when, not what
		}
		b++
	}
	for b-1 > a && (ts[b-1].is(cPrepositions) || ts[b-1].w == "and" || ts[b-1].w == "the") {
		b--
	}
	if b-a < 2 || ts[a].is(cAnaphoric) && ts[a].w != "the" {
		return // "please send it", "please do this"
	}
	for k := a; k < b && k < a+4; k++ {
		if ts[k].is(cOpinionWords) || permissionWords[ts[k].w] {
			return // "please give the necessary instructions": the addressee is asked
		}
	}
	obj := string(x.r[ts[a].s:ts[b-1].e])
	name := "Request to " + string(x.r[ts[v].s:ts[b-1].e])
	if n := actNoun(ts[v].w); n != "" {
		name = n + " of " + obj
	}
	pid := x.proposalRef(name, nil, span{ts[v].s, ts[b-1].e})
	x.setText(pid, span{ts[v].s, ts[b-1].e})
	x.add(who, "requests", []Ref{x.props[pid-1].ref}, sp, 0.7)
	x.lastProp, x.lastPropSent = pid, x.curSi
}
