package claim

import (
	"strings"
	"unicode"
)

// normName folds a name for comparison: lower case, letters and digits only.
func normName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func capitalize(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// proposalRef registers a proposal (or finds it by any of its labels) and
// returns its index+1.
func (x *extractor) proposalRef(name string, labels []string, sp span) int {
	for _, l := range append([]string{name}, labels...) {
		if k, ok := x.propIdx[normName(l)]; ok {
			p := &x.props[k]
			for _, l2 := range labels {
				if _, ok := x.propIdx[normName(l2)]; !ok {
					x.propIdx[normName(l2)] = k
					p.labels = append(p.labels, l2)
					x.res.Entities[x.propEntity(k)].Labels = append(x.res.Entities[x.propEntity(k)].Labels, l2)
				}
			}
			return k + 1
		}
	}
	k := len(x.props)
	ls := []string{name}
	for _, l := range labels {
		if normName(l) != normName(name) {
			ls = append(ls, l)
		}
	}
	x.props = append(x.props, proposal{ref: Ref{"Proposal", name}, labels: ls})
	for _, l := range ls {
		x.propIdx[normName(l)] = k
	}
	x.res.Entities = append(x.res.Entities, Entity{Ref: Ref{"Proposal", name}, Version: x.vi, Start: sp.s, End: sp.e, Labels: ls})
	return k + 1
}

func (x *extractor) propEntity(k int) int {
	name := x.props[k].ref.Name
	for i, e := range x.res.Entities {
		if e.PartOf == nil && e.Class == "Proposal" && e.Name == name {
			return i
		}
	}
	return 0
}

// ownerName names a proposal after its author: "Mexican proposal",
// "Soviet three-point proposal", else "Proposal of NAME".
func ownerName(owner Ref, points int) string {
	n := ""
	if points > 1 {
		n = numberWord(points) + "-point "
	}
	if adj, ok := adjective[owner.Name]; ok {
		return adj + " " + n + "proposal"
	}
	return capitalize(n+"proposal") + " of " + owner.Name
}

func numberWord(n int) string {
	for w, v := range numberWords {
		if v == n {
			return w
		}
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return "many"
}

var proposalVerbs = set("put", "forward", "made", "make", "makes", "submitted", "submit", "submits", "advanced",
	"advance", "advances", "brings", "bring", "brought", "tabled", "introduced", "introduce", "presented", "present",
	"raised")

var anaphoric = set("this", "that", "the", "such", "said", "same", "these", "those", "it")

// proposals finds the proposals a sentence names and folds each into one
// token: "the Mexican proposal", "the proposal of the Mexicans", "their
// proposal", "this proposal", "a non-aggression pact with India and Burma".
// It also records who makes a proposal named after its author.
func (x *extractor) proposals(ts []tok, sp span, si int) []tok {
	candidate := false
	for _, t := range ts {
		if !t.punct && t.refs == nil && t.is(cProposalHeads|cActionHeads|cHeadPlural) {
			candidate = true
			break
		}
	}
	if !candidate {
		// no proposal is named: only "it" and "this" need resolving
		for i := range ts {
			t := &ts[i]
			if t.refs == nil && (t.w == "it" || t.w == "its" || (t.w == "this" && (i+1 == len(ts) || ts[i+1].punct || ts[i+1].is(cNounStop)))) {
				x.resolveIt(t, ts[:i], si)
			}
		}
		return ts
	}
	// the folded sentence is needed while the sentence is read only: its
	// buffer is reused for the next one
	out := x.scratch[:0]
	defer func() { x.scratch = out[:0] }()
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.punct || t.refs != nil {
			out = append(out, t)
			continue
		}
		if t.is(cProposalHeads) {
			if n, ok := x.proposalHead(ts, i, out, sp, si); ok {
				out = n.out
				i = n.next - 1
				continue
			}
		}
		if t.w == "it" || t.w == "its" || (t.w == "this" && (i+1 == len(ts) || ts[i+1].punct || ts[i+1].is(cNounStop))) {
			x.resolveIt(&t, out, si)
			out = append(out, t)
			continue
		}
		if t.w == "a" || t.w == "an" || t.w == "the" {
			if n, ok := x.placedNP(ts, i, out, sp); ok {
				out = n.out
				i = n.next - 1
				continue
			}
		}
		if t.is(cActionGovernors) || (t.w == "of" && i > 0 && ts[i-1].is(cActionGovernors)) || t.is(cAnaphoric) {
			if n, ok := x.actionNP(ts, i, out, sp); ok {
				out = n.out
				i = n.next - 1
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

type folded struct {
	out  []tok
	next int
}

func (x *extractor) proposalHead(ts []tok, h int, out []tok, sp span, si int) (folded, bool) {
	var owner []Ref
	points := 0
	start := h
	// left: "[owner's|adjective] [three-point] proposal"
	j := h - 1
	if j >= 0 && pointCount(ts[j].w) > 0 {
		points = pointCount(ts[j].w)
		j--
	}
	if j >= 1 && ts[j].poss && ts[j].refs == nil && ts[j].is(cGroupNouns) && ts[j-1].refs != nil && ts[j-1].prop == 0 {
		// "the Soviet side's proposal": the side's
		if c := countryOf(ts[j-1].w, x.d.Date); c != "" {
			owner, start = []Ref{{"Country", c}}, j-1
		} else if agentRefs(ts[j-1]) || ts[j-1].adj {
			owner, start = ts[j-1].refs, j-1
		}
		j = -1
	}
	if j >= 0 {
		t := ts[j]
		switch {
		case t.refs != nil && t.prop == 0 && !t.poss && countryOf(t.w, x.d.Date) != "":
			// "the Korean proposal" of 1951 is North Korea's, whatever the
			// mention made of the adjective
			c := countryOf(t.w, x.d.Date)
			cls := "Country"
			if c == "Chinese Communist Party" {
				cls = "Organization"
			}
			owner = []Ref{{cls, c}}
			start = j
		case t.refs != nil && t.prop == 0 && (t.poss || t.ment || t.pron == 0):
			if t.poss || t.refs[0].Class != "Person" {
				owner = t.refs
				start = j
			}
		case t.refs == nil && countryOf(t.w, x.d.Date) != "":
			owner = []Ref{{"Country", countryOf(t.w, x.d.Date)}}
			start = j
		}
	}
	if points > 0 && start == h {
		start = h - 1
	}
	end := h + 1
	// right: "proposal of the Mexicans", "proposal of mine"
	if owner == nil && end < len(ts) && ts[end].w == "of" {
		k := end + 1
		if k < len(ts) && ts[k].w == "the" {
			k++
		}
		for k+1 < len(ts) && (ts[k].is(cTitles) || speakerTitles[ts[k].w] || ts[k].w == ".") && ts[k].refs == nil {
			k++ // "the proposal of Com. Khrushchev"
		}
		if k < len(ts) {
			switch {
			case ts[k].refs != nil && ts[k].prop == 0 && agentRefs(ts[k]):
				owner, end = ts[k].refs, k+1
			case ts[k].w == "mine" || ts[k].w == "ours":
				owner, end = x.speaker, k+1
			case ts[k].w == "yours":
				owner, end = x.addressee, k+1
			}
		}
	}
	// "in three points"
	if end+2 < len(ts) && ts[end].w == "in" && numberWords[ts[end+1].w] > 1 && stemIn(ts[end+2].w, "point") {
		points = numberWords[ts[end+1].w]
	}
	// topic: "proposal on the exchange of prisoners of war"
	topicStart, topicEnd := -1, -1
	if end < len(ts) && (ts[end].w == "on" || ts[end].w == "about" || ts[end].w == "concerning" || ts[end].w == "regarding" || ts[end].w == "to" || ts[end].w == "for") {
		k := end + 1
		for k < len(ts) && k < end+14 && !ts[k].punct && (!ts[k].is(cNounStop) || topicPrep(ts, k, end)) && ts[k].prop == 0 && (ts[k].w != "and" || (k+1 < len(ts) && (ts[k+1].refs != nil || strings.HasSuffix(ts[k+1].w, "ing") || adjectival(ts[k+1].w)))) {
			k++
		}
		if k > end+1 && !(ts[end].w == "to" && (ts[end+1].is(cNounStop) || ts[end+1].refs != nil || ts[end+1].is(cTitles) || speakerTitles[ts[end+1].w])) {
			topicStart, topicEnd = end, k
		}
	}
	if len(owner) == 0 {
		// "put forward a proposal": the proposer is the verb's agent
		for k := h - 1; k >= 0 && k >= h-4; k-- {
			if ts[k].is(cProposalVerbs) {
				owner = leftAgent(ts, k)
				break
			}
			if ts[k].punct {
				break
			}
		}
	}
	if (len(owner) == 0 || owner[0].Class == "Proposal") && topicStart >= 0 && (ts[h].w == "proposal" || ts[h].w == "proposals") &&
		(ts[topicStart].w == "about" || ts[topicStart].w == "on" || ts[topicStart].w == "concerning" || ts[topicStart].w == "regarding") && topicEnd-topicStart >= 3 {
		// "the proposal about temporarily withholding 20% of POWs": a
		// proposal of its own, whoever made it, named by what it says
		topic := string(x.r[ts[topicStart].s:ts[topicEnd-1].e])
		name := capitalize("proposal " + topic)
		pid := x.proposalRef(name, x.compactLabels(ts[topicStart+1:topicEnd]), span{ts[h].s, ts[topicEnd-1].e})
		x.setText(pid, span{ts[topicStart+1].s, ts[topicEnd-1].e})
		return x.fold(ts, out, start, topicEnd, pid), true
	}
	if len(owner) == 0 || owner[0].Class == "Proposal" {
		// anaphora: "this proposal", "the proposal", "this variant"
		if pid := recentProp(out, x.lastProp); h > 0 && ts[h-1].is(cAnaphoric) && pid > 0 {
			return x.fold(ts, out, h-1, h+1, pid), true
		}
		return folded{}, false
	}
	if ts[h].w != "proposal" && ts[h].w != "proposals" && ts[h].w != "plan" {
		// "their variant" with nothing before it is not a new proposal
		if x.lastProp > 0 {
			return x.fold(ts, out, start, end, x.lastProp), true
		}
		return folded{}, false
	}
	var pids []int
	for _, o := range owner {
		topic := ""
		if topicStart >= 0 {
			topic = string(x.r[ts[topicStart].s:ts[topicEnd-1].e])
		}
		adj, national := adjective[o.Name]
		var said span // what "X's proposal is that ..." says it is
		if topic == "" && !national {
			topic, said = x.proposalIs(ts, end)
		}
		if !national && topic == "" {
			// "It was a proposal of mine" after "my telegram about the
			// Korean divisions": the proposal is on what the message was about
			topic = x.messageTopic(si)
		}
		if !national && topic == "" {
			// "the proposal of Khrushchev": the one he made earlier
			if pid := x.personProp[o]; pid > 0 {
				pids = append(pids, pid)
			}
			continue // "a proposal of mine" says too little to name it
		}
		// "the proposal of the Soviet delegation" after the Soviet
		// three-point proposal is that same proposal
		if pid := x.ownedBy(o); pid > 0 && national {
			pids = append(pids, pid)
			continue
		}
		var name string
		var labels []string
		if national {
			// named after the state that makes it: "Mexican proposal"
			name = adj + " proposal"
			if points > 1 {
				labels = append(labels, ownerName(o, points))
			}
			if topic != "" {
				labels = append(labels, name+" "+topic, capitalize("proposal "+topic))
			}
			// "the Koreans' proposal to set about reunification" is the
			// reunification of Korea: a process of the proposing nation
			if n := nationProcess(topic); n != "" && topicStart >= 0 {
				base := o.Name
				if c := demonym[strings.TrimSuffix(ts[start].w, "s")]; c != "" && start < h {
					base = c
				}
				labels = append([]string{name}, labels...)
				name = capitalize(n) + " of " + base
			}
		} else {
			// a person's proposal is named by what it is about
			name = capitalize("proposal " + topic)
			labels = append(labels, "Proposal of "+o.Name)
			labels = append(labels, actionLabels(topic)...)
		}
		// an author-named proposal the document already introduced
		pid := 0
		if x.lastProp > 0 && x.props[x.lastProp-1].ref.Name == name {
			pid = x.lastProp
		}
		if pid == 0 {
			pid = x.proposalRef(name, labels, span{ts[start].s, ts[h].e})
			x.props[pid-1].owner = o
		}
		pids = append(pids, pid)
		if said.e > said.s {
			x.setText(pid, said)
		}
		x.add([]Ref{o}, "proposes", []Ref{x.props[pid-1].ref}, sp, 0.8)
	}
	if len(pids) == 0 {
		return folded{}, false
	}
	stop := end
	if topicEnd > stop {
		stop = topicEnd
	}
	return x.fold(ts, out, start, stop, pids[0]), true
}

// nationProcesses are what a nation undergoes as a whole.
var nationProcesses = set("reunification", "unification", "independence", "liberation", "demilitarization",
	"demilitarisation", "neutralization", "neutralisation", "partition", "recognition", "disarmament")

// nationProcess returns the process a proposal's "to ..." topic ends in
// ("to set about reunification"), if nothing follows it.
func nationProcess(topic string) string {
	if !strings.HasPrefix(topic, "to ") {
		return ""
	}
	f := strings.Fields(topic)
	last := strings.ToLower(strings.Trim(f[len(f)-1], ".,;:"))
	if nationProcesses[last] {
		return last
	}
	return ""
}

// messageTopic finds what a message named in this sentence or the two
// before was about: "my telegram of 30 January about the Korean divisions"
// gives "on the Korean divisions".
func (x *extractor) messageTopic(si int) string {
	for k := si; k >= 0 && k >= si-2; k-- {
		ts := x.toks[k]
		for m := range ts {
			if !ts[m].is(cMessageNouns) {
				continue
			}
			for a := m + 1; a < len(ts) && a <= m+6; a++ {
				if ts[a].punct {
					break
				}
				if ts[a].w != "about" && ts[a].w != "on" && ts[a].w != "concerning" && ts[a].w != "regarding" {
					continue
				}
				b := a + 1
				for b < len(ts) && b < a+8 && !ts[b].punct && !ts[b].is(cNounStop) && ts[b].pron == 0 {
					b++
				}
				if b > a+1 {
					return "on " + string(x.r[ts[a+1].s:ts[b-1].e])
				}
				break
			}
		}
	}
	return ""
}

// recentProp is the proposal last named in the sentence so far, else last.
func recentProp(out []tok, last int) int {
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].prop > 0 {
			return out[k].prop
		}
	}
	return last
}

// propID returns the index+1 of the proposal ref names, 0 if none.
func (x *extractor) propID(ref Ref) int {
	if k, ok := x.propIdx[normName(ref.Name)]; ok {
		return k + 1
	}
	return 0
}

// ownedBy returns the proposal last named after owner, 0 if none.
func (x *extractor) ownedBy(o Ref) int {
	for k := len(x.props) - 1; k >= 0; k-- {
		if x.props[k].owner == o {
			return k + 1
		}
	}
	return 0
}

// fold replaces ts[a:b] by one token standing for proposal pid.
func (x *extractor) fold(ts []tok, out []tok, a, b, pid int) folded {
	// a may reach back into tokens already copied to out
	back := 0
	for k := len(out) - 1; k >= 0 && out[k].s >= ts[a].s; k-- {
		back++
	}
	out = out[:len(out)-back]
	t := tok{s: ts[a].s, e: ts[b-1].e, w: "proposal", prop: pid, refs: []Ref{x.props[pid-1].ref}, cls: cProposalHeads}
	return folded{append(out, t), b}
}

// placedNP reads a course of action tied to a country or place: "a peace
// treaty with Japan", "a Chinese offensive in Korea", "the reunification of
// Germany". Such a phrase names a proposal even where no one is said to
// make it.
func (x *extractor) placedNP(ts []tok, det int, out []tok, sp span) (folded, bool) {
	for _, p := range x.points {
		if sp.s >= p.s && sp.e <= p.e {
			return folded{}, false // part of a point of a proposal already
		}
	}
	head := -1
	for k := det + 1; k < len(ts) && k <= det+4; k++ {
		t := ts[k]
		if t.is(cActionHeads) && t.refs == nil {
			head = k
			break
		}
		if t.punct || t.pron != 0 || t.prop > 0 || (t.refs != nil && !t.adj) || t.is(cNounStop) || t.w == "and" || t.w == "of" {
			return folded{}, false
		}
	}
	if head < 0 || head+2 >= len(ts) {
		return folded{}, false
	}
	prep := ts[head+1].w
	if ts[det].w == "the" && prep != "of" {
		return folded{}, false
	}
	switch prep {
	case "with", "in", "of", "to", "from", "between", "for", "against":
	default:
		return folded{}, false
	}
	k := head + 2
	if k < len(ts) && ts[k].w == "the" {
		k++
	}
	if k >= len(ts) || ts[k].refs == nil || ts[k].pron != 0 || ts[k].prop > 0 || ts[k].adj || ts[k].poss {
		return folded{}, false
	}
	switch ts[k].refs[0].Class {
	case "Country", "Place":
	default:
		return folded{}, false
	}
	end := k + 1
	for end+1 < len(ts) && ts[end].w == "and" && ts[end+1].refs != nil && ts[end+1].pron == 0 && !ts[end+1].adj {
		end += 2
	}
	name := capitalize(string(x.r[ts[det+1].s:ts[end-1].e]))
	pid := x.proposalRef(name, nil, span{ts[det+1].s, ts[end-1].e})
	return x.fold(ts, out, det, end, pid), true
}

// actionNP reads a proposed course of action: "conclusion of a
// non-aggression pact with India and Burma", "the building of a railway
// from China through Mongolia to the Soviet Union", or an anaphor for one
// ("such a pact").
func (x *extractor) actionNP(ts []tok, i int, out []tok, sp span) (folded, bool) {
	j := i
	if ts[i].is(cAnaphoric) {
		// "such a pact", "this pact", "the pact"
		k := i + 1
		if k < len(ts) && (ts[k].w == "a" || ts[k].w == "an") {
			k++
		}
		if k < len(ts) && ts[k].is(cActionHeads) || k < len(ts) && actionHeads[strings.TrimSuffix(ts[k].w, "s")] {
			head := strings.TrimSuffix(ts[k].w, "s")
			for p := len(x.props) - 1; p >= 0; p-- {
				if strings.Contains(strings.ToLower(x.props[p].ref.Name), head) {
					return x.fold(ts, out, i, k+1, p+1), true
				}
			}
		}
		return folded{}, false
	}
	j++
	if j < len(ts) && ts[j].w == "of" {
		j++
	}
	if j < len(ts) && (ts[j].w == "up" || ts[j].w == "out") {
		j++
	}
	if j >= len(ts) || (ts[j].w != "a" && ts[j].w != "an" && ts[j].w != "the") {
		return folded{}, false
	}
	det := j
	k := det + 1
	head := -1
	for k < len(ts) && k < det+14 {
		t := ts[k]
		if t.pron != 0 && k > det+1 && ts[k-1].w == "with" && (t.w == "us" || t.w == "me") {
			k++ // "a pact with us": renamed after the partners once known
			break
		}
		if t.punct && t.w != "-" || t.prop > 0 || (t.refs == nil && t.is(cNounStop)) || t.pron != 0 {
			break
		}
		if t.w == "and" && !(k+1 < len(ts) && ts[k+1].refs != nil && ts[k+1].pron == 0) {
			break
		}
		if t.is(cActionHeads) && head < 0 {
			head = k
		}
		k++
	}
	if head < 0 || k <= det+1 {
		return folded{}, false
	}
	// drop a trailing preposition
	for k-1 > head && (ts[k-1].w == "of" || ts[k-1].w == "with" || ts[k-1].w == "to" || ts[k-1].w == "on" || ts[k-1].w == "from" || ts[k-1].w == "the") {
		k--
	}
	name := capitalize(string(x.r[ts[det+1].s:ts[k-1].e]))
	var labels []string
	// "persuading the Asian countries to form a regional alliance": the
	// parties qualify what they form
	for q := i - 1; q >= 1 && q >= i-5; q-- {
		if stemIn(ts[q].w, "countries", "states", "nations", "governments", "peoples") && !ts[q-1].punct && ts[q-1].pron == 0 && ts[q-1].prop == 0 && unicode.IsUpper(x.r[ts[q-1].s]) {
			lower := []rune(name)
			lower[0] = unicode.ToLower(lower[0])
			labels = append(labels, capitalize(string(x.r[ts[q-1].s:ts[q-1].e]))+" "+string(lower))
			break
		}
	}
	if len(labels) > 0 {
		name, labels = labels[0], []string{name} // the qualified name is the better one
	}
	if n, ok := nominal[ts[i].w]; ok {
		// "to hold a meeting" is also the "Holding of a meeting"
		labels = append(labels, n+" of "+string(x.r[ts[det].s:ts[k-1].e]))
	}
	pid := x.proposalRef(name, labels, span{ts[det+1].s, ts[k-1].e})
	// keep the governor as a word so cues can still read it
	out = append(out, ts[i:det]...)
	f := x.fold(ts, out, det, k, pid)
	return f, true
}

// resolveIt gives "it" and "this" the proposal last spoken of (in this
// sentence or the one before), else the nearest organization or country
// earlier in the sentence.
func (x *extractor) resolveIt(t *tok, out []tok, si int) {
	if t.w == "its" {
		// a proposal owns nothing: "its own arms production"
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].pron == 0 && agentRefs(out[k]) && out[k].refs[0].Class != "Person" {
				t.refs, t.pron, t.poss = out[k].refs, 3, true
				return
			}
		}
		return
	}
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].prop > 0 {
			t.refs, t.prop = out[k].refs, out[k].prop
			return
		}
	}
	if x.lastProp > 0 && x.lastPropSent >= si-1 {
		t.refs, t.prop = []Ref{x.props[x.lastProp-1].ref}, x.lastProp
		return
	}
	// "Yugoslavia will not support it": an object "it" is not its own
	// clause's subject (but "the UN ...; it should be weakened" is)
	subj, clause := -1, 0
	for k := range out {
		if out[k].is(cClauseStop) || out[k].w == "," {
			clause = k + 1
		}
	}
	for k := clause; k < len(out); k++ {
		if agentAt(out, k) {
			subj = k
			break
		}
	}
	for k := len(out) - 1; k >= 0; k-- {
		if k != subj && out[k].pron == 0 && agentRefs(out[k]) && out[k].refs[0].Class != "Person" {
			t.refs = out[k].refs
			t.pron = 3
			return
		}
	}
	if x.lastProp > 0 && x.lastPropSent >= si-2 && t.w == "it" {
		t.refs, t.prop = []Ref{x.props[x.lastProp-1].ref}, x.lastProp
	}
}

// topicPrep lets a proposal's topic run on through a place or time
// ("to convene a conference on Indochina in Geneva"), once it has a head.
func topicPrep(ts []tok, k, start int) bool {
	switch ts[k].w {
	case "in", "at", "into", "under", "within", "during", "by":
	default:
		return false
	}
	return k > start+2 && k+1 < len(ts) && !ts[k+1].punct && !ts[k+1].is(cNounStop)
}

// actionLabels names what a "to ..." topic proposes in the other ways a
// reader would: "to convene a conference in Geneva" is also the "Convening
// of a conference in Geneva" and the "Conference in Geneva".
func actionLabels(topic string) []string {
	rest, ok := strings.CutPrefix(topic, "to ")
	if !ok {
		return nil
	}
	verb, obj, ok := strings.Cut(rest, " ")
	if !ok {
		return nil
	}
	var out []string
	if n, ok := nominal[strings.ToLower(verb)]; ok {
		out = append(out, n+" of "+obj)
	}
	for _, det := range []string{"a ", "an ", "the "} {
		if o, ok := strings.CutPrefix(obj, det); ok {
			out = append(out, capitalize(o))
			break
		}
	}
	return out
}

// compactLabels gives the short name historians use for a proposal about
// doing something to a quantity of things: "temporarily withholding 20% of
// POWs" is the "20% POW withholding proposal".
func (x *extractor) compactLabels(ts []tok) []string {
	for g := 0; g+3 < len(ts); g++ {
		if !strings.HasSuffix(ts[g].w, "ing") || len(ts[g].w) < 6 {
			continue
		}
		q := ts[g+1].w
		if !(strings.HasSuffix(q, "%") || isDigits(strings.ReplaceAll(q, ",", ""))) || ts[g+2].w != "of" {
			return nil
		}
		k := g + 3
		if k < len(ts) && ts[k].w == "the" {
			k++
		}
		if k >= len(ts) || ts[k].punct {
			return nil
		}
		noun := strings.TrimSuffix(string(x.r[ts[k].s:ts[k].e]), "s") // as written: "POWs"
		if strings.ToLower(noun) == noun {
			noun = strings.ToLower(noun)
		}
		return []string{q + " " + noun + " " + ts[g].w + " proposal"}
	}
	return nil
}

// setText records the words of a proposal as the document states them.
func (x *extractor) setText(pid int, sp span) {
	if sp.e <= sp.s {
		return
	}
	e := &x.res.Entities[x.propEntity(pid-1)]
	if e.Text == "" {
		e.Text = strings.TrimSpace(string(x.r[sp.s:sp.e]))
	}
}

// adjectival: a word with an adjective's ending, so that "general and
// complete disarmament" reads as one phrase.
func adjectival(w string) bool {
	for _, suf := range []string{"al", "ic", "ete", "ive", "ous", "ful", "ary", "ent", "ant", "ible", "able", "ian", "ern"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// abbrevExpansions are the abbreviations of bodies a proposal's words use,
// spelled out as a reader names them ("a plenum of the CC" is a plenum of
// the Central Committee).
var abbrevExpansions = map[string]string{
	"CC": "Central Committee", "UN": "United Nations", "UNSC": "United Nations Security Council",
	"USSR": "Soviet Union", "PB": "Politburo", "CMEA": "Council for Mutual Economic Assistance",
	"CSCE": "Conference on Security and Cooperation in Europe", "ICC": "International Control Commission",
}

// expandAbbrevs labels each proposal whose name or text uses such an
// abbreviation with the name spelled out.
func (x *extractor) expandAbbrevs() {
	for i := range x.res.Entities {
		e := &x.res.Entities[i]
		if e.Class != "Proposal" {
			continue
		}
		src := e.Name
		if len(e.Text) > len(src) {
			src = e.Text
		}
		if out, ok := expandWords(src); ok && !containsString(e.Labels, out) {
			e.Labels = append(e.Labels, out)
		}
		if out, ok := statesNamed(e.Name); ok && !containsString(e.Labels, out) {
			e.Labels = append(e.Labels, out)
		}
	}
}

// statesNamed names the nations a proposal speaks of as their states:
// "Consult the Chinese at once" is to consult China at once.
func statesNamed(name string) (string, bool) {
	f := strings.Fields(name)
	changed := false
	for i := 0; i+1 < len(f); i++ {
		if !strings.EqualFold(f[i], "the") {
			continue
		}
		w := strings.ToLower(strings.TrimRight(f[i+1], ",;.:"))
		c := demonym[w]
		if c == "" || len(w) < 4 {
			continue
		}
		// a nation as a noun: "the Chinese at once", "the Russians", not
		// "the Chinese side"
		if i+2 < len(f) && !strings.HasSuffix(f[i+1], ",") {
			next := strings.ToLower(f[i+2])
			if !prepositions[next] && next != "and" && next != "at" && next != "to" && next != "about" {
				continue
			}
		}
		if !strings.Contains(c, " ") {
			f[i] = "" // "China", but "the Soviet Union"
		}
		f[i+1] = c + strings.TrimPrefix(f[i+1], strings.TrimRight(f[i+1], ",;.:"))
		changed = true
	}
	if !changed {
		return "", false
	}
	return strings.Join(strings.Fields(strings.Join(f, " ")), " "), true
}

// expandWords spells out the abbreviations of s that stand as words.
func expandWords(s string) (string, bool) {
	changed := false
	var b strings.Builder
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
			j++
		}
		if j > i+1 && (i == 0 || !isASCIILetter(s[i-1])) && (j == len(s) || !isASCIILetter(s[j])) {
			if full, ok := abbrevExpansions[s[i:j]]; ok {
				b.WriteString(full)
				changed = true
				i = j
				continue
			}
		}
		if j == i {
			j = i + 1
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String(), changed
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// proposalIs reads what a proposal named by its owner alone is said to be:
// "the President's proposal is the following: the USSR removes the
// missile bases from Cuba ..., and the United States gives assurances",
// "his proposal was that the talks resume in May". It returns the topic
// the proposal is named by ("that the USSR removes the missile bases from
// Cuba under appropriate control") and the span of all it says; "" where
// the sentence says nothing of the kind.
func (x *extractor) proposalIs(ts []tok, end int) (string, span) {
	k := end
	if k+2 >= len(ts) || ts[k].w != "is" && ts[k].w != "was" {
		return "", span{}
	}
	c := -1
	switch {
	case ts[k+1].w == "that":
		c = k + 2
	case k+3 < len(ts) && ts[k+1].w == "the" && ts[k+2].w == "following" && ts[k+3].w == ":":
		c = k + 4
	case ts[k+1].w == ":":
		c = k + 2
	}
	if c < 0 || c+3 >= len(ts) {
		return "", span{}
	}
	b := c
	for b < len(ts) && !(ts[b].punct && (ts[b].w == "." || ts[b].w == ";")) {
		b++
	}
	n, words := c, 0
	for n < b && ts[n].w != "," && words < 12 {
		if !ts[n].punct {
			words++
		}
		n++
	}
	if words < 4 {
		return "", span{}
	}
	return "that " + string(x.r[ts[c].s:ts[n-1].e]), span{ts[c].s, ts[b-1].e}
}
