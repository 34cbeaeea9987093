// Package claim finds the statements an archival document's author makes
// (agreement, opposition, proposals, support, requests, information,
// accusations, alliances, meetings and visits) and attributes each to the
// author with the sentence that carries it as evidence. It works on the
// versions and entity mentions the extractor has already found and imports
// only the standard library.
//
// The rules follow the grammar of diplomatic correspondence and records of
// conversation rather than any one document:
//
//   - who speaks: the author of a letter, telegram or report; in minutes,
//     the participant a paragraph opens with ("STALIN replies that ...",
//     "Mao Zedong: ..."); inside a quotation introduced by 'X said:' or after
//     "[Enclosure]", the person quoted or forwarded; in "X told me that ...",
//     X for the views that follow;
//   - first person is the speaker, second person the addressee (the
//     recipient, or the other participant), "he" the subject of the sentence
//     before, "they" the last group in subject position, "it" and "this
//     proposal" the proposal last spoken of;
//   - a verb's agent is the nearest person, organization or country to its
//     left in the clause that no preposition governs ("the delegation of the
//     USSR will reject ..."), with its conjuncts ("India and Burma");
//   - each relation has its cues: verbs ("agree with", "reject", "support",
//     "ask ... to", "inform"), evaluations ("is unacceptable", "considers ...
//     useful"), nouns ("agents of", "ally"), with negation inverting support
//     and opposition and conditions ("if ...") suppressing claims;
//   - proposals are named after the state that makes them ("Mexican
//     proposal"), after the points that follow "the following:" ("Soviet
//     three-point proposal", each point a part of it), or after the course of
//     action they name ("Non-aggression pact with India and Burma");
//   - what is proposed or asked for is named after its act, as a historian
//     names it: a "that" clause ("that such questions be referred to the
//     Committee of Three" is the "Referral of such questions ..."), an
//     infinitive ("it is important to publish the decision"), a noun
//     phrase ("requested additional military aid ..."), the items of a
//     lettered or numbered list under "I recommend:", each thing asked
//     of a state also named after it ("Soviet supply of the helicopters");
//     a demand that the recipient act is a request of the recipient;
//   - stances without their usual words: hostile acts ascribed to a party
//     accuse it ("Iran has been sending soldiers into Herat"), a course
//     judged an error or not wanted is opposed, one worked or pressed for
//     proposed; in minutes, a member's report informs the body in session.
//
// Speech that is not the author's makes no claim of theirs: passive acts
// ("will be informed"), plans ("proposed to visit", "to hold talks"),
// headlines, hearsay ("the radio stations claim that ..."); words reported
// as someone's ("Kennedy said that ...") are attributed to them.
//
// English versions are read first, then the original, which keeps its own
// sentence for each claim found in both (Claim.Aligned) and adds the
// stances only it states; a claim found in the translation alone is
// aligned to the original's sentence sharing its names and figures.
// Russian has its own cues; German, Czech, Hungarian, Romanian, Spanish,
// Polish, Vietnamese, French, Italian, Bulgarian and Serbo-Croatian a
// small lexicon of first-person stances, and all of them the words of
// charges, condemnations, violations and hostile acts (stances_other.go).
// What a party could or would do, a party another lets act, and a place
// hold no stance (stances.go). The
// earlier messages a document names ("Your telegram of 8 September") are
// returned as Cites, the one it answers marked Reply.
package claim

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mention is one entity mention: Start and End are offsets in code points
// into Versions[Version].Text; Name is the canonical entity name and Class
// one of "Person", "Organization", "Country", "Place", "Event", "Proposal".
type Mention struct {
	Version, Start, End int
	Name, Class         string
}

// Version is one version of the document's text. Role is "original",
// "transcription" or "translation"; Lang an ISO 639-1 code.
type Version struct {
	Role, Lang, Text string
}

// Doc is what claim extraction needs to know of a document.
type Doc struct {
	Date                string
	Kind                string
	Authors, Recipients []string
	// Participants are the persons a record of conversation's title names
	// ("between N.S. Khrushchev and J. Kádár"), to resolve speaker labels
	// the entity recogniser does not know ("Кадар:").
	Participants []string
	// Title is the record's title, "" where it has none.
	Title    string
	Versions []Version
	Mentions []Mention
}

// Ref names an entity by class and canonical name.
type Ref struct {
	Class, Name string
}

// Claim is one statement the author makes. Evidence is the sentence exactly
// as it stands in Versions[Version].Text, Start and End its offsets in code
// points.
type Claim struct {
	Subject             Ref
	Relation            string
	Object              Ref
	Attributed          Ref
	Version, Start, End int
	Evidence            string
	Confidence          float64
	// Aligned is the evidence in the document's other versions: the
	// original's sentence for a claim found in the translation.
	Aligned []Evidence
	// When is the date the evidence gives a meeting or a visit ("on 24
	// October"), ISO 8601, "" where it gives none.
	When string
}

// Evidence is a sentence of Versions[Version] at Start:End (code points).
type Evidence struct {
	Version, Start, End int
	Text                string
}

// Entity is an entity the claims introduce, such as a proposal or a
// numbered point of one (PartOf then names the proposal).
type Entity struct {
	Ref
	PartOf              *Ref
	Version, Start, End int
	// Labels are the names the document uses for it, the canonical name
	// first ("Mexican proposal", "Mexican proposal on the exchange of
	// prisoners of war").
	Labels []string
	// Text is what the proposal says, as the document words it: a point's
	// text ("Return of all POWs to their homeland according to
	// international norms"), a proposal's terms; "" where it says nothing
	// more than its name.
	Text string
}

// Result is what Extract finds.
type Result struct {
	Claims   []Claim
	Entities []Entity
	// Cites are the earlier messages the document names, the ones it
	// answers marked Reply.
	Cites []Cite
}

// Extract returns the claims d's author makes, found in the English
// translation (or, where there is none, in the English text or the
// original), and the proposals they introduce. It never returns a claim
// without the sentence that carries it.
func Extract(d Doc) Result {
	d.Versions = statedLanguages(d.Versions)
	x := &extractor{d: d, seen: map[claimKey]int{}, propIdx: map[string]int{}, personProp: map[Ref]int{}}
	if len(d.Authors) > 0 {
		x.author = Ref{"Person", d.Authors[0]}
	}
	if len(d.Recipients) > 0 {
		x.recipient = Ref{classOfRecipient(d), d.Recipients[0]}
	}
	x.buf = bufPool.Get().(*buffers)
	x.scratch = x.buf.scratch
	picked := pickVersions(d.Versions)
	for k, vi := range picked {
		x.secondary = k > 0 && d.Versions[vi].Lang != d.Versions[picked[0]].Lang && d.Versions[vi].Role == "original"
		x.version(vi)
	}
	x.align()
	x.expandAbbrevs()
	x.buf.scratch = x.scratch[:0]
	bufPool.Put(x.buf)
	x.buf, x.scratch, x.r, x.off, x.toks = nil, nil, nil, nil, nil
	return x.res
}

// buffers are the working arrays of reading a version (its code points,
// their mention cover, its tokens), reused by the next version and the
// next document: nothing a Result holds points into them.
type buffers struct {
	r       []rune
	cover   []int32
	off     []int32
	ms      []Mention
	toks    []tok
	scratch []tok
	// the code points of the original and of another version, aligned
	alignOrig, alignOther []rune
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

func classOfRecipient(d Doc) string {
	for _, m := range d.Mentions {
		if m.Name == d.Recipients[0] {
			return m.Class
		}
	}
	return "Person"
}

// pickVersions chooses the versions claims are read from: English
// translations, else any English version, else the first version.
func pickVersions(vs []Version) []int {
	var out []int
	longest := 0
	for _, v := range vs {
		if v.Role == "original" {
			longest = max(longest, len(v.Text))
		}
	}
	for i, v := range vs {
		// an "English translation" a third of the original's length is
		// the archive's summary of it, not the text
		if v.Role == "translation" && v.Lang == "en" && 3*len(v.Text) >= longest {
			out = append(out, i)
		}
	}
	if len(out) > 0 {
		// and the original, for what only it says and for its own words
		for i, v := range vs {
			if v.Role == "original" && v.Lang != "en" && v.Lang != "" {
				out = append(out, i)
				break
			}
		}
		return out
	}
	for i, v := range vs {
		if v.Lang == "en" && (v.Role != "translation" || 3*len(v.Text) >= longest) {
			return []int{i}
		}
	}
	for i, v := range vs {
		if v.Role == "original" {
			return []int{i}
		}
	}
	if len(vs) > 0 {
		return []int{0}
	}
	return nil
}

type claimKey struct{ s, rel, o string }

type proposal struct {
	ref    Ref
	labels []string
	owner  Ref // who the name says made it ("Mexican proposal"), if anyone
}

type extractor struct {
	d                 Doc
	res               Result
	seen              map[claimKey]int
	author, recipient Ref

	// per version
	vi             int
	text           string
	off            []int32
	r              []rune
	props          []proposal
	propIdx        map[string]int // normalized name -> index in props
	lastProp       int            // index+1 of the proposal last referred to
	lastPropSent   int
	lastPerson     []Ref
	lastSubject    []Ref
	lastSubjectSi  int // the sentence lastSubject was read in
	scratch        []tok
	buf            *buffers
	points         []span // the points of list proposals
	ru             bool   // the version read is Russian
	sents          []span
	toks           [][]tok
	sayer          []Ref          // whose words the current sentence reports, after sayAt
	sayAt          int            // the first person in subject position in the last sentence
	hearsay        bool           // the words after sayAt are unnamed others' ("the papers claim that")
	cueAt          int            // the token of the cue being read, -1 outside the cues
	mute           bool           // the sentence is a heading: it makes no claims
	curSi          int            // the sentence being read
	firstPersonCue bool           // the claim is the speaker's own, in the first person
	structural     bool           // the document-level claims are being made
	session        bool           // a record of a body's session: three or more speakers
	secondary      bool           // reading the original after the translation: its own claims need firmer cues
	labelCount     map[string]int // how many paragraphs each unknown "Name:" label opens
	personProp     map[Ref]int    // the proposal a person last made, index+1
	lastGroup      []Ref
	lastThing      []Ref
	source         []Ref // the person a forwarded message comes from ("a telegram received from X")
	// paraSayer is the one whose words a paragraph of a narrative record
	// reports ("Le Duan said that ..."), nil where it reports no one's
	paraSayer []Ref

	conversation bool
	decider      []Ref // the body whose numbered decisions follow ("Politburo ... Р Е Ш И:")
	labelled     bool  // the speaker was named by a label ("Kosygin:")
	body         []Ref // the body whose session a record of minutes keeps
	inSummary    bool  // the sentence is the archive's summary, not the record's
	partA, partB Ref
	speaker      []Ref
	addressee    []Ref
	quoteSpeaker []Ref
	inQuote      bool
	enclosure    bool

	replyCue  bool
	firstPron *span
	bothSent  *span // the first sentence with a first and a second person
	youSent   *span // the first sentence with a second person
	salutSent *span // a short line addressing the recipient ("To Comrade Kuznetsov")
	bodySent  *span // the first sentence of the body
	partySent *span // the first sentence naming a participant of a conversation
	firstSent *span
	meetSent  *span
}

func (x *extractor) version(vi int) {
	x.vi = vi
	// what one version says of its context is not the next one's
	x.lastProp, x.lastPropSent, x.lastPerson, x.lastSubject, x.lastGroup, x.lastThing = 0, 0, nil, nil, nil, nil
	x.inQuote, x.quoteSpeaker, x.enclosure, x.sayer, x.hearsay = false, nil, false, nil, false
	x.decider = nil
	x.firstPron, x.bothSent, x.youSent, x.salutSent, x.firstSent, x.meetSent, x.bodySent, x.partySent = nil, nil, nil, nil, nil, nil, nil, nil
	x.replyCue, x.speaker, x.addressee, x.paraSayer = false, nil, nil, nil
	b := x.buf
	b.r = b.r[:0]
	for _, c := range x.d.Versions[vi].Text {
		b.r = append(b.r, c)
	}
	x.r = b.r
	r := x.r
	b.cover = slices.Grow(b.cover[:0], len(r))[:len(r)]
	cover := b.cover
	for i := range cover {
		cover[i] = -1
	}
	ms := b.ms[:0]
	defer func() { b.ms = ms[:0] }()
	for _, m := range x.d.Mentions {
		if m.Version == vi && m.Start >= 0 && m.End <= len(r) && m.Start < m.End {
			ms = append(ms, m)
		}
	}
	sortMentions(ms)
	for k, m := range ms {
		free := true
		for i := m.Start; i < m.End; i++ {
			if cover[i] >= 0 {
				free = false
				break
			}
		}
		if free {
			for i := m.Start; i < m.End; i++ {
				cover[i] = int32(k)
			}
		}
	}
	sents := sentences(r)
	paras := paragraphs(r)
	toks := make([][]tok, len(sents))
	lt := lower(r, b.off)
	b.off = lt.off
	x.text = x.d.Versions[vi].Text
	if !utf8.ValidString(x.text) {
		x.text = string(r)
	}
	x.off = lt.off
	all := slices.Grow(b.toks[:0], lt.words+len(ms)+8)
	defer func() { b.toks = all[:0] }()
	x.ru = x.d.Versions[vi].Lang == "ru"
	x.sents, x.toks = sents, toks
	for i, s := range sents {
		n := len(all)
		all = tokenize(r, lt, s, cover, ms, all)
		toks[i] = all[n:len(all):len(all)]
		if x.ru {
			x.demonymsRU(toks[i])
		} else {
			x.demonyms(toks[i])
		}
	}
	if holders := x.officeHolders(toks); holders != nil {
		for _, ts := range toks {
			officeRefs(ts, holders) // "the Prince" named once as "Prince Souvanna Phouma"
		}
	}
	x.findParticipants(sents, paras, toks)
	x.body = x.sessionBody()
	if !x.conversation {
		x.letterParties(toks)
	}

	summary := x.summaryAt(paras, sents, toks)
	pi := 0
	paraStart := true
	for si, s := range sents {
		for pi < len(paras) && paras[pi].e <= s.s {
			pi++
			paraStart = true
		}
		ts := toks[si]
		x.setSpeaker(ts, paraStart)
		paraStart = false
		x.resolvePronouns(ts, si)
		x.inSummary = s.s >= summary
		x.mute = x.headline(s) || x.inSummary
		x.curSi = si
		if x.body != nil && !x.mute {
			x.sessionReport(ts, s)
		}
		if !x.mute {
			x.decisions(ts, s, si)
		}
		if x.ru {
			ts = x.proposalsRU(ts, s, si)
			x.cuesRU(ts, s, si)
		} else if lex, ok := otherLexicons[x.d.Versions[vi].Lang]; ok {
			x.cuesOther(ts, s, lex)
		} else {
			ts = x.proposals(ts, s, si)
			x.cues(ts, s, si, sents, toks)
		}
		x.remember(ts, si)
		x.mute = false
		if x.firstSent == nil && len(ts) > 3 {
			sp := s
			x.firstSent = &sp
		}
	}
	x.docLevel()
}

// summaryVerbs are the present-tense verbs an archive's summary of a
// record tells it with ("Kissinger tells Ambassador Martin that ...").
var summaryVerbs = set("tells", "reports", "informs", "asks", "agree", "agrees", "discusses", "discuss", "describes",
	"proposes", "warns", "urges", "rejects", "explains", "conveys", "passes", "complains", "thanks", "requests",
	"presses", "press", "assures", "outlines", "recounts", "relays", "summarizes", "argues", "defends", "blames")

// summaryAt is where the archive's summary of the record begins when the
// page's saved text carries it as the body's last paragraph: one or two
// sentences after three paragraphs or more, opening with the
// circumstances ("In a late-night call", "Two weeks after the defeat"),
// in the present tense of a summary ("Kissinger tells Ambassador Martin
// that ..."), with no first or second person and no speaker label. Past
// the end where there is none.
func (x *extractor) summaryAt(paras, sents []span, toks [][]tok) int {
	none := len(x.r) + 1
	if len(paras) < 3 {
		return none
	}
	last := paras[len(paras)-1]
	for k := len(paras) - 1; k > 0 && strings.TrimSpace(string(x.r[last.s:last.e])) == ""; k-- {
		last = paras[k-1]
	}
	var in []int
	for si, s := range sents {
		if s.s >= last.s && s.e <= last.e {
			in = append(in, si)
		}
	}
	if len(in) == 0 || len(in) > 2 {
		return none
	}
	if ts := toks[in[0]]; len(ts) == 0 || ts[0].refs != nil || ts[0].punct || !ts[0].is(cPrepositions) && numberWords[ts[0].w] == 0 && ts[0].w != "a" {
		// a record's own closing sentence opens with its subject
		// ("Zhou Enlai informs Molotov ..."); a summary with the
		// circumstances ("In a late-night call Kissinger tells ...")
		return none
	}
	verb := false
	for _, si := range in {
		ts := toks[si]
		for k, t := range ts {
			if t.is(cFirstPerson) || t.is(cSecondPerson) || t.w == ":" && k < 6 {
				return none
			}
			if summaryVerbs[t.w] && k > 0 && (ts[k-1].refs != nil || ts[k-1].w == "and") {
				verb = true
			}
		}
	}
	if !verb {
		return none
	}
	return last.s
}

// sortMentions orders mentions longest first, then by position.
func sortMentions(ms []Mention) {
	slices.SortStableFunc(ms, func(a, b Mention) int {
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.Start, b.Start)
	})
}

// demonyms turns nationality words used as nouns ("the Mexicans", "the
// Korean comrades", "the Chinese side") into references to the state.
func (x *extractor) demonyms(ts []tok) {
	for i := range ts {
		t := &ts[i]
		if t.punct || !t.is(cDemonym) {
			continue
		}
		if _, ok := demonym[t.w]; ok && !strings.HasSuffix(t.w, "s") && i+1 < len(ts) {
			n := ts[i+1]
			if !n.punct && n.refs == nil && !n.is(cGroupNouns) && !n.is(cNounStop) && !n.is(cModals) && !n.is(cNegators) {
				t.adj = true // "Japanese militarism", "an American organization"
			}
		}
		if t.refs != nil {
			// the recogniser's "Vietnam" for "the Vietnamese comrades" of
			// 1965 is the state of that date: North Vietnam
			if c := countryOf(t.w, x.d.Date); t.ment && c != "" && c != demonym[t.w] && len(t.refs) == 1 && t.refs[0].Name == demonym[t.w] {
				t.refs = []Ref{{t.refs[0].Class, c}}
			}
			continue
		}
		c := countryOf(t.w, x.d.Date)
		plural := false
		if c == "" && strings.HasSuffix(t.w, "s") {
			c = countryOf(strings.TrimSuffix(t.w, "s"), x.d.Date)
			plural = c != ""
		}
		if c == "" {
			continue
		}
		next := ""
		if i+1 < len(ts) {
			next = ts[i+1].w
		}
		plural = plural || strings.HasSuffix(t.w, "s") && demonym[strings.TrimSuffix(t.w, "s")] != ""
		bare := (t.w == "chinese" || t.w == "japanese" || t.w == "british" || t.w == "english" || t.w == "french" || t.w == "burmese" || t.w == "vietnamese") &&
			i > 0 && ts[i-1].w == "the" && (i+1 == len(ts) || ts[i+1].punct || nounStop[next] || modals[next])
		// "the Chinese and Korean comrades"
		coord := next == "and" && i+3 < len(ts) && demonym[ts[i+2].w] != "" && ts[i+3].is(cGroupNouns)
		if groupNouns[next] || plural || bare || coord {
			cls := "Country"
			if c == "Chinese Communist Party" {
				cls = "Organization"
			}
			t.refs = []Ref{{cls, c}}
		}
	}
}

func isPerson(refs []Ref) bool { return len(refs) > 0 && refs[0].Class == "Person" }

func agentRefs(t tok) bool {
	if t.refs == nil || t.prop > 0 || t.adj {
		return false
	}
	switch t.refs[0].Class {
	case "Person", "Organization", "Country":
		return true
	}
	return false
}

// speakerAt reports the person opening a conversation paragraph: "Stalin:",
// "STALIN replies that ...", "When ZHOU ENLAI asks ...".
func speakerAt(ts []tok) []Ref {
	i := 0
	if len(ts) > 0 && (ts[0].w == "when" || ts[0].w == "after" || ts[0].w == "as") {
		// the main clause speaks: "When ZHOU ENLAI asks ..., STALIN answers"
		for k := 1; k < len(ts); k++ {
			if ts[k].w == "," {
				if sp := speakerAt(ts[k+1:]); sp != nil {
					return sp
				}
				break
			}
		}
		i = 1
	}
	// "President Nasser:", "Comrade Kádár:", "Chairman MAO:"
	for i+2 < len(ts) && ((ts[i].is(cTitles) || speakerTitles[ts[i].w]) && ts[i].refs == nil && !ts[i].punct || ts[i].w == "." && i > 0) {
		i++ // "Com. Bulganin:"
	}
	if i+1 >= len(ts) || !ts[i].ment || !isPerson(ts[i].refs) {
		return nil
	}
	j := i + 1
	for j < len(ts) && (ts[j].w == "[" || ts[j].w == "]" || (ts[j].ment && isPerson(ts[j].refs))) {
		j++
	}
	if j < len(ts) && (ts[j].w == "then" || ts[j].w == "also" || ts[j].w == "again" || ts[j].w == "further") {
		j++
	}
	if j < len(ts) && (ts[j].w == ":" || ts[j].is(cSpeechVerbs)) {
		return ts[i].refs
	}
	return nil
}

func (x *extractor) findParticipants(sents, paras []span, toks [][]tok) {
	// records of what was said: each paragraph opens with its speaker
	// ("Khrushchev: ...", "N.S. Khrushchev said that ...")
	switch x.d.Kind {
	case "conversation", "working_notes", "minutes", "transcript":
		x.conversation = true
	default:
		x.conversation = false
	}
	x.labelCount = nil
	counts := map[string]int{}
	for si := range sents {
		if l := x.rawLabel(toks[si]); l != "" {
			counts[l]++
		}
	}
	x.labelCount = counts
	count := map[Ref]int{}
	var order []Ref
	colon := 0
	for si := range sents {
		ts := toks[si]
		sp := x.speakerOf(ts)
		if sp == nil {
			continue
		}
		for j := 1; j < len(ts) && j < 6; j++ {
			if ts[j].w == ":" {
				colon++
				break
			}
		}
		if count[sp[0]] == 0 {
			order = append(order, sp[0])
		}
		count[sp[0]]++
	}
	if colon >= 4 && len(order) >= 2 {
		x.conversation = true
	}
	if !x.conversation || len(order) < 2 {
		x.conversation = x.conversation && len(order) >= 2
		return
	}
	// a session of a body, where three or more speak again and again, is
	// no meeting of two
	regular := 0
	for _, p := range order {
		if count[p] >= 2 {
			regular++
		}
	}
	a, b := order[0], order[1]
	for _, p := range order[2:] {
		if count[p] > count[b] {
			b = p
		}
	}
	if count[b] > count[a] {
		a, b = b, a
	}
	// or where no two speakers hold most of the turns (a Presidium's
	// working notes, each member speaking once)
	turns := 0
	for _, p := range order {
		turns += count[p]
	}
	x.session = regular >= 3 || len(order) >= 4 && 10*(count[a]+count[b]) < 6*turns
	x.partA, x.partB = a, b
}

// letterParties finds who writes and who is addressed where the document's
// metadata does not say: a salutation ("To Comrade Mao Zedong", "Comrade
// Kim Il Sung!") among the first lines, a signature line at the end.
func (x *extractor) letterParties(toks [][]tok) {
	if x.recipient.Name == "" {
		for si := 0; si < len(toks) && si < 4; si++ {
			ts := toks[si]
			j := 0
			for j < len(ts) && j < 4 && (ts[j].is(cTitles) || ts[j].w == "to" || ts[j].w == "for" || ts[j].w == "dear" || ts[j].w == "[" || ts[j].w == "]") {
				j++
			}
			if j > 0 && j < len(ts) && ts[j].ment && isPerson(ts[j].refs) && len(ts) <= j+4 {
				x.recipient = ts[j].refs[0]
				break
			}
		}
	}
	if x.author.Name == "" {
		for si := len(toks) - 1; si >= 0 && si >= len(toks)-6; si-- {
			if who := signature(toks[si]); who != nil && who[0] != x.recipient {
				x.author = who[0]
				break
			}
		}
	}
}

// signature returns the person a line consisting of one person's names
// signs for ("FILIPPOV [Stalin]."), or nil.
func signature(ts []tok) []Ref {
	if len(ts) > 8 {
		return nil
	}
	var who []Ref
	for _, t := range ts {
		if t.punct {
			continue
		}
		if t.ment && isPerson(t.refs) && (who == nil || who[0] == t.refs[0]) {
			who = t.refs[:1]
			continue
		}
		return nil
	}
	return who
}

func (x *extractor) setSpeaker(ts []tok, paraStart bool) {
	if x.conversation {
		if sp := x.speakerOf(ts); sp != nil && (paraStart || !x.labelled || colonLabel(ts)) {
			// (not "Shastri told me that ..." inside the turn "Kosygin:"
			// opens: the one labelled still speaks)
			x.speaker = sp
			x.labelled = colonLabel(ts)
		} else if paraStart {
			x.speaker, x.labelled = nil, false
		}
		x.addressee = nil
		// a body's session speaks to no one of its members in particular
		if len(x.speaker) > 0 && !x.session {
			switch x.speaker[0] {
			case x.partA:
				x.addressee = []Ref{x.partB}
			case x.partB:
				x.addressee = []Ref{x.partA}
			}
		}
	} else if x.enclosure {
		x.speaker, x.addressee = x.source, nil
		if x.author.Name != "" {
			x.addressee = []Ref{x.author}
		}
	} else {
		x.speaker, x.addressee = nil, nil
		if paraStart {
			x.paraSayer = x.reportedParagraph(ts)
		}
		if x.author.Name != "" {
			// "We supported this proposal" in a telegram several sign:
			// the first signatory's, who speaks for them all
			x.speaker = []Ref{x.author}
		}
		if x.recipient.Name != "" {
			x.addressee = []Ref{x.recipient}
		}
	}
	// "[Enclosure]": what follows is the forwarded message's own words.
	if len(ts) == 3 && ts[0].w == "[" && stemIn(ts[1].w, "enclosure", "attachment") && len(x.source) > 0 {
		x.enclosure = true
	}
	// Quoted speech: 'Stalin said: "..."' makes the first person Stalin's.
	if x.inQuote && len(x.quoteSpeaker) > 0 {
		x.speaker = x.quoteSpeaker
	}
}

// resolvePronouns gives personal pronouns the entities they stand for.
func (x *extractor) resolvePronouns(ts []tok, si int) {
	for i := range ts {
		t := &ts[i]
		if t.refs != nil || t.punct || len(t.w) > 16 || pronounWords[t.w] == 0 {
			continue
		}
		switch {
		case t.is(cFirstPerson):
			t.pron = 1
			t.refs = x.speaker
			if len(t.refs) > 1 && singularFirst[t.w] {
				t.refs = t.refs[:1] // "I" is the one who writes
			}
		case t.is(cSecondPerson):
			t.pron = 2
			t.refs = x.addressee
		case t.is(cThirdSing):
			t.pron = 3
			// the subject of the sentence before, else the person last named
			t.refs = x.lastPerson
			if x.lastSubject != nil {
				t.refs = x.lastSubject
			}
			object := t.w == "him" || t.w == "her" && i+1 < len(ts) && (ts[i+1].punct || ts[i+1].is(cClauseStop) || ts[i+1].w == "and")
			for j := i - 1; j >= 0; j-- {
				if ts[j].is(cClauseStop) {
					object = false // another clause's subject may be meant
				}
				if ts[j].ment && isPerson(ts[j].refs) && !ts[j].poss {
					if object && agentAt(ts, j) {
						continue // "Kádár agrees with him": not Kádár
					}
					t.refs = ts[j].refs
					break
				}
			}
		case t.is(cThirdPlural):
			t.pron = 3
			t.refs = x.lastGroup
			for j := i - 1; j >= 0; j-- {
				if ts[j].pron != 0 || !agentAt(ts, j) {
					continue
				}
				if ts[j].refs[0].Class != "Person" {
					t.refs = group(ts, j)
					break
				}
				// "Filippov [Stalin] and his friends ... they"
				k := j + 1
				for k < len(ts) && ts[k].w == "]" {
					k++
				}
				if k < len(ts) && ts[k].w == "and" {
					t.refs = ts[j].refs
					break
				}
			}
		}
		if t.w == "my" || t.w == "our" || t.w == "your" || t.w == "his" || t.w == "her" || t.w == "their" {
			t.poss = true
		}
	}
}

// group returns the entities of ts[j] and of any conjuncts before it
// ("India and Burma", "England and America").
func group(ts []tok, j int) []Ref {
	first := j
	for k := j - 1; k >= 1; k -= 2 {
		if (ts[k].w == "and" || ts[k].w == ",") && ts[k-1].refs != nil && ts[k-1].pron == 0 && ts[k-1].prop == 0 {
			first = k - 1
			continue
		}
		break
	}
	if first == j {
		return ts[j].refs
	}
	var out []Ref
	for k := first; k <= j; k += 2 {
		out = append(out, ts[k].refs...)
	}
	return out
}

// remember updates the context pronouns are resolved against.
func (x *extractor) remember(ts []tok, si int) {
	// the subject of the last sentence that has a person for one ("He
	// warned that ..." keeps the one "he" stood for; "The USA is supplying
	// Israel" leaves it as it was)
	for j := range ts {
		if (ts[j].pron == 0 || ts[j].pron == 3) && isPerson(ts[j].refs) && agentAt(ts, j) {
			x.lastSubject, x.lastSubjectSi = ts[j].refs, si
			break
		}
	}
	for j := range ts {
		t := ts[j]
		if t.refs == nil {
			continue
		}
		if t.prop > 0 {
			x.lastProp, x.lastPropSent = t.prop, si
			continue
		}
		if t.pron != 0 {
			continue
		}
		switch t.refs[0].Class {
		case "Person":
			x.lastPerson = t.refs
			if j+1 < len(ts) && ts[j+1].w == "and" {
				continue
			}
			if g := group(ts, j); len(g) > 1 || x.lastGroup == nil {
				// "they" and "their" stand for several, not for one person
				// named after them ("The Americans are pressing for a reply
				// to Khrushchev's note. I share their view")
				x.lastGroup = g
			}
		case "Country", "Organization":
			x.lastGroup = group(ts, j)
			x.lastThing = t.refs
		}
	}
	// track quotations opened by 'X said: "'
	for j, t := range ts {
		if !t.punct {
			continue
		}
		switch t.w {
		case "“":
			// opens in English, closes the German, Czech and Polish „...“
			x.inQuote = !x.inQuote
			if !x.inQuote {
				x.quoteSpeaker = nil
			}
		case "«", "„":
			x.inQuote = true
		case "”", "»":
			x.inQuote, x.quoteSpeaker = false, nil
		case "\"":
			x.inQuote = !x.inQuote
			if !x.inQuote {
				x.quoteSpeaker = nil
			}
		default:
			continue
		}
		if x.inQuote && j >= 2 && ts[j-1].w == ":" {
			x.quoteSpeaker = nil
			for k := j - 2; k >= 0 && k >= j-5; k-- {
				if ts[k].is(cSpeechVerbs) {
					if sp := leftAgent(ts, k); isPerson(sp) {
						x.quoteSpeaker = sp[:1]
					}
					break
				}
			}
		}
	}
	if x.inQuote && len(x.quoteSpeaker) > 0 {
		// the quote continues into the next sentence
	} else if !x.inQuote {
		x.quoteSpeaker = nil
	}
}

// leftAgent finds the agent of the verb at ts[i]: the nearest person,
// organization or country to its left within the clause, with its conjuncts.
func leftAgent(ts []tok, i int) []Ref {
	for j := i - 1; j >= 0; j-- {
		t := ts[j]
		if t.is(cClauseStop) {
			return nil
		}
		if t.poss || !agentRefs(t) {
			continue
		}
		return group(ts, j)
	}
	return nil
}

// rightObj finds the first entity after ts[i] within the clause.
func rightObj(ts []tok, i int, stopComma bool) (int, []Ref) {
	for j := i + 1; j < len(ts); j++ {
		t := ts[j]
		if t.w == "." && j > 0 && ts[j-1].is(cTitles) {
			continue // "with Com. Khrushchev"
		}
		if t.is(cObjStop) || (stopComma && t.w == ",") {
			return -1, nil
		}
		if t.refs != nil && !t.adj {
			return j, t.refs
		}
	}
	return -1, nil
}

func negated(ts []tok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if ts[j].is(cNegators) || strings.HasSuffix(ts[j].w, "n't") {
			return true
		}
	}
	return false
}

// inCondition reports whether ts[i] stands in an "if" or "unless" clause.
func inCondition(ts []tok, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch ts[j].w {
		case ",", ";", ":":
			return false
		case "if", "unless", "hope", "hopes", "hoped", "recommend", "recommends", "recommended", "suggest", "suggests", "suggested":
			// a condition, a wish, or a course recommended to the reader
			// ("I recommend that we agree to ...") is no stance taken
			return true
		}
	}
	return false
}

// speakerOf is the speaker a paragraph opens with: a known person
// (speakerAt), or a name the recogniser does not know, set off by a colon
// as records of conversation mark their speakers ("Кадар: Мы просим ...",
// "Gomułka: ..."), resolved to the participant the title names where the
// surnames agree.
func (x *extractor) speakerOf(ts []tok) []Ref {
	if sp := speakerAt(ts); sp != nil {
		return sp
	}
	if sp := x.capsSpeaker(ts); sp != nil {
		return sp
	}
	if sp := x.markSpeaker(ts); sp != nil {
		return sp
	}
	// "North (KIM):", "Soviet side (Gromyko):": the person in brackets
	// speaks for the side the label names
	for k := 1; k+3 < len(ts) && k <= 4; k++ {
		if ts[k].w == "(" && ts[k+1].ment && isPerson(ts[k+1].refs) && ts[k+2].w == ")" && ts[k+3].w == ":" {
			ok := true
			for _, t := range ts[:k] {
				ok = ok && !t.punct && t.refs == nil
			}
			if ok {
				return ts[k+1].refs[:1]
			}
		}
	}
	n := 0
	for n < len(ts) && n < 3 && !ts[n].punct && ts[n].refs == nil {
		n++
	}
	if n == 0 || n >= len(ts) || ts[n].w != ":" || n+1 >= len(ts) {
		return nil
	}
	for k := 0; k < n; k++ {
		c := x.r[ts[k].s]
		if !unicode.IsUpper(c) || labelWords[ts[k].w] || ts[k].is(cTitles) && k == n-1 {
			return nil
		}
	}
	label := string(x.r[ts[0].s:ts[n-1].e])
	if x.labelCount == nil {
		return nil // counting
	}
	key := foldName(string(x.r[ts[n-1].s:ts[n-1].e]))
	for _, p := range x.d.Participants {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		if sur := foldName(f[len(f)-1]); sur == key || len(key) >= 5 && len(sur) >= 5 && (strings.HasPrefix(key, sur) || strings.HasPrefix(sur, key)) {
			return []Ref{{"Person", p}}
		}
	}
	// or to the one person the record names with that surname
	if n == 1 && x.conversationKind() {
		if who := x.namedPerson(key); who != nil {
			return who
		}
	}
	// an unknown name is a speaker where it opens two paragraphs or more
	// ("Interpreters: comrades ..." opens one)
	if !x.conversationKind() || x.labelCount[label] < 2 {
		return nil
	}
	return []Ref{{"Person", label}}
}

// capsSpeaker reads the speaker labels of working notes and minutes that
// set the name in capitals and close it with a full stop at the start of
// a line ("ANDROPOV. We do not intend ...", "АНДРОПОВ. Мы не намерены
// ..."): a person the recogniser knows, or a name it does not know that
// is the surname of a person the record names elsewhere ("TIKHONOV." after
// "Present: ... N.A. Tikhonov").
func (x *extractor) capsSpeaker(ts []tok) []Ref {
	if len(ts) < 2 || ts[1].w != "." || !x.lineStart(ts[0].s) || !x.allCaps(ts[0]) {
		return nil
	}
	if ts[0].ment && isPerson(ts[0].refs) {
		return ts[0].refs[:1]
	}
	if ts[0].refs != nil || ts[0].punct || labelWords[ts[0].w] || len([]rune(ts[0].w)) < 4 {
		return nil
	}
	key := foldName(ts[0].w)
	for _, m := range x.d.Mentions {
		if m.Class != "Person" || m.Version != x.vi {
			continue
		}
		f := strings.Fields(m.Name)
		if len(f) > 0 && foldName(f[len(f)-1]) == key {
			return []Ref{{"Person", m.Name}}
		}
		// the recogniser's own words for the person ("N.A. Tikhonov")
		if m.Start < 0 || m.End > len(x.r) || m.Start > m.End {
			continue
		}
		w := strings.Fields(string(x.r[m.Start:m.End]))
		if len(w) > 0 && foldName(w[len(w)-1]) == key {
			return []Ref{{"Person", m.Name}}
		}
	}
	return nil
}

// lineStart reports whether only spaces stand between the start of its
// line and offset i.
func (x *extractor) lineStart(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if x.r[k] == '\n' {
			return true
		}
		if !unicode.IsSpace(x.r[k]) {
			return false
		}
	}
	return true
}

// allCaps reports whether a token is written in capitals (two letters at
// least, none lower case).
func (x *extractor) allCaps(t tok) bool {
	n := 0
	for _, c := range x.r[t.s:t.e] {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n >= 2
}

func (x *extractor) conversationKind() bool { return x.d.Kind == "conversation" }

// labelWords open lines with a colon that are not speakers.
var labelWords = set("present", "přítomni", "přítomen", "anwesend", "jelen", "jelenlévők", "obecni", "prezenți", "presentes", "présents", "omluveni", "zapsal", "protokoll", "присутствовали", "присутствуют", "присутствовал", "note", "notes", "source",
	"subject", "re", "to", "from", "copy", "translation", "original", "summary", "citation", "attachment",
	"enclosure", "ps", "agenda", "question", "answer", "date", "place", "time", "contents", "decision",
	"resolved", "decided", "item", "participants", "attended", "absent", "chairman", "secretary", "also",
	"примечание", "приложение", "вопрос", "ответ", "постановили", "слушали", "решение", "тема", "место", "дата")

var translit = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y",
	'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
	'á': "a", 'à': "a", 'ä': "a", 'â': "a", 'ą': "a", 'é': "e", 'è': "e", 'ë': "e", 'ě': "e", 'ę': "e", 'í': "i",
	'ó': "o", 'ö': "o", 'ő': "o", 'ô': "o", 'ú': "u", 'ü': "u", 'ű': "u", 'ů': "u", 'ł': "l", 'ń': "n", 'ň': "n",
	'ś': "s", 'š': "s", 'ź': "z", 'ż': "z", 'ž': "z", 'ć': "c", 'č': "c", 'ř': "r", 'ý': "y", 'ţ': "t", 'ș': "s",
	'ț': "t", 'ă': "a", 'î': "i", 'ç': "c", 'ñ': "n", 'đ': "d"}

// foldName folds a surname to plain Latin letters for comparison across
// scripts and accents: "Кадар" and "Kádár" both give "kadar".
func foldName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if t, ok := translit[c]; ok {
			b.WriteString(t)
		} else if c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// rawLabel is the unknown "Name:" label a sentence opens with, if any.
func (x *extractor) rawLabel(ts []tok) string {
	n := 0
	for n < len(ts) && n < 3 && !ts[n].punct && ts[n].refs == nil {
		n++
	}
	if n == 0 || n+1 >= len(ts) || ts[n].w != ":" {
		return ""
	}
	return string(x.r[ts[0].s:ts[n-1].e])
}

// speakerTitles are the offices a speaker label may carry before the name.
var speakerTitles = set("tovarășul", "tovarăș", "tovarășa", "soudruh", "soudružka", "s", "genosse", "genossin",
	"elvtárs", "camarada", "compañero", "compañera", "đồng", "chí", "comandante", "tovarisch", "towarzysz", "tow",
	"drugarica", "drug", "druže", "другарь", "prime", "secretary", "first", "vice", "deputy", "foreign", "general", "mrs", "dr", "mister",
	"herr", "genosse", "genossen", "comrade", "tov", "t", "товарищ", "тов", "president", "premier", "chairman",
	"ambassador", "minister", "marshal", "king", "prince", "shah", "emperor", "party", "state", "defence", "defense",
	// their abbreviations: "Min. Rapacki:", "Amb. Ponomarienko:", "Pres. Dorticós:"
	"min", "amb", "pres", "prem", "sec", "dep", "gen", "com", "cde", "adm", "marsz", "ambasador", "minister")

var singularFirst = set("i", "me", "my", "mine", "myself", "я", "меня", "мне", "мной", "мой", "моя", "моё", "мое", "мои", "моего", "моей", "моему", "моим", "моих", "мою")
