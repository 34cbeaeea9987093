package claim

import "strings"

// Accusations without the word "accuse": a speaker who says that a party
// does something hostile accuses it. "Iran has been sending soldiers into
// Herat", "the racist regime of Ian Smith is carrying out raids", "it was
// the leaders of the CCP who were trying to split the movement", "the
// leadership of Solidarity is heading for a seizure of power", "the break
// was the work of Beria", "руководство КПК мешает единству".

// hostileNouns are acts of hostility a party is said to carry out.
var hostileNouns = set("raids", "raid", "shelling", "bombing", "bombings", "incursions", "incursion", "infiltration",
	"subversion", "sabotage", "intervention", "interference", "blockade", "aggression")

// hostileDoing are the verbs that say a party carries such acts out.
var hostileDoing = set("carrying", "carries", "carried", "continues", "continue", "continued", "conducting", "conducts",
	"launched", "launching", "launches", "stepping", "stepped", "intensified", "intensifying", "intensifies")

// hostileSent is what a party sends into another's land.
var hostileSent = set("soldiers", "troops", "saboteurs", "agents", "spies", "bands", "gangs", "mercenaries", "weapons", "arms", "infiltrators")

// hostileTargets are what a party splits, undermines or subverts.
var hostileTargets = set("movement", "camp", "unity", "party", "parties", "front", "alliance", "community")

// hostile reads the acts above at ts[i]; the accused is the agent of the
// clause, the holder the speaker (or whoever the sentence reports).
func (x *extractor) hostile(ts []tok, i int, sp span) {
	w := ts[i].w
	at := -1 // the verb whose agent is accused
	switch {
	case hostileNouns[w]:
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if hostileDoing[ts[k].w] {
				at = k
				break
			}
		}
	case w == "sending" || w == "send" || w == "sends" || w == "sent":
		if i+2 < len(ts) && (hostileSent[ts[i+1].w] || hostileSent[ts[i+2].w]) {
			for k := i + 2; k < len(ts) && k <= i+5; k++ {
				if ts[k].w == "into" {
					at = i
					break
				}
			}
		}
	case w == "split" || w == "splitting" || w == "splits" || w == "undermine" || w == "undermining" || w == "undermines" || w == "subvert" || w == "subverting":
		if i+2 < len(ts) && (hostileTargets[ts[i+2].w] || i+3 < len(ts) && hostileTargets[ts[i+3].w]) {
			at = i
		}
	case w == "seizure" || w == "struggle":
		if i+2 < len(ts) && (ts[i+1].w == "of" || ts[i+1].w == "for") && ts[i+2].w == "power" && i > 1 {
			at = i - 2 // "heading for a seizure of power", "a screen for a struggle for power"
		}
	case w == "work":
		// "the break was the work of Beria and Abakumov"
		if i >= 2 && ts[i-1].w == "the" && ts[i-2].is(cBeForms) && i+2 < len(ts) && ts[i+1].w == "of" && ts[i+2].ment && agentRefs(ts[i+2]) {
			if x.denied(ts, i) {
				return
			}
			x.accusation(conjuncts(ts, i+2, ts[i+2].refs[:1]), i, sp)
		}
		return
	}
	if at > 0 && (ts[at-1].w == "would" || ts[at-1].w == "could" || ts[at-1].w == "might" || ts[at-1].w == "may") {
		return // "would split the alliance": what might follow, no charge
	}
	if at < 0 || negated(ts, at) || inCondition(ts, at) || x.denied(ts, at) || wished(ts, at) && !stemIn(ts[at-2].w, "tr") {
		return
	}
	if acc := hostileAgent(ts, at); acc != nil {
		x.accusation(acc, at, sp)
	}
}

// accusation adds the holder's charge against acc, never against the
// holder or their own side speaking in the first person.
func (x *extractor) accusation(acc []Ref, i int, sp span) {
	h := x.holder(i)
	if len(h) == 0 {
		return
	}
	for _, a := range acc {
		if a == h[0] {
			return
		}
	}
	x.add(h, "accuses", acc, sp, 0.7)
}

// denied: the act stands in a clause the sentence denies ("we do not
// accept that everything was the work of Beria").
func (x *extractor) denied(ts []tok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if ts[k].w == "that" {
			for m := k - 1; m >= 0 && m >= k-5; m-- {
				// "we do not accept that", "Brazil denies that", "rejected
				// the charge that", "the allegation that"
				if ts[m].is(cNegators) || ts[m].refs == nil && stemIn(ts[m].w, "deni", "deny", "reject", "refut", "dismiss", "allegation", "rumour", "rumor") {
					return true
				}
			}
		}
	}
	return false
}

// reportedCharge: a verb of charging before ts[i] in its sentence
// ("Brazil accused Mexico of occupying its territory"): the charge is the
// one that verb reports, read there, not the holder's own.
func reportedCharge(ts []tok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if ts[k].refs == nil && stemIn(ts[k].w, "accus", "charg", "blam", "condemn", "denounc", "criticiz", "criticis", "reproach") {
			return true
		}
	}
	return false
}

// hostileAgent is the party doing the act at ts[at]: the nearest agent to
// its left in its clause, read through "who" ("it was the leaders of the
// CCP who ..."), quotation marks and "the regime of" / "the leadership
// of"; none that a first-person pronoun stands for.
func hostileAgent(ts []tok, at int) []Ref {
	for j := at - 1; j >= 0; j-- {
		t := ts[j]
		switch t.w {
		case "\"", "“", "”", "«", "»", "„", "who", "which":
			continue
		case ",":
			// "The Pol Pot clique, acting on the orders of Beijing,
			// continues ...": past the inserted phrase to its subject
			if k := insertedPhrase(ts, j); k >= 0 {
				j = k
				continue
			}
			return nil
		case ".", ";", ":", "that", "because", "if", "when", "while", "but", "although":
			return nil
		}
		if t.ment && agentRefs(t) && t.pron == 0 {
			k := j - 1
			for k >= 0 && (ts[k].w == "\"" || ts[k].w == "“" || ts[k].w == "the") {
				k--
			}
			if k >= 1 && ts[k].w == "of" && !ts[k-1].is(cGroupNouns) && !regimeNouns[ts[k-1].w] {
				continue // "the orders of Beijing": not the doer
			}
			return t.refs[:1]
		}
		if t.pron != 0 && t.refs != nil {
			if t.pron == 1 || t.pron == 2 {
				return nil
			}
			return t.refs[:1]
		}
	}
	return nil
}

// regimeNouns stand for the party of their "of" phrase.
var regimeNouns = set("regime", "clique", "leadership", "leaders", "rulers", "government", "forces", "circles", "authorities", "group")

// hostileRU: "руководство КПК мешает единству", "раскалывает движение":
// the agent of a verb of obstruction, accused by the speaker.
func (x *extractor) hostileRU(ts []tok, i int, sp span) {
	if !hasStem(ts[i].w, "мешает", "мешают", "препятству", "раскалыва", "подрыва", "срывает", "срывают") || negated(ts, i) || inConditionRU(ts, i) {
		return
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := ts[j]
		if t.punct {
			return
		}
		if t.ment && agentRefs(t) && t.pron == 0 {
			x.accusation(t.refs[:1], i, sp)
			return
		}
	}
}

// Charges in a verb or a phrase of their own: "Vestria interferes in our
// internal affairs", "X provoked the incident", "X has broken the
// agreement", "the United States occupies it by force", "X threatens our
// security", "X is arming the rebels", "X is to blame for the crisis",
// "the blame lies with X", "X bears the responsibility for the incident".
// The accused is the verb's agent (or the one "with" names), the holder
// the speaker or whoever the sentence reports; not one's own side.

// hostileVerbs need one of their objects (nil: any object).
var hostileVerbs = map[string][]string{
	"interfere": {"affairs", "in"}, "interferes": {"affairs", "in"}, "interfered": {"affairs", "in"}, "interfering": {"affairs", "in"},
	"provoke": {"incident", "conflict", "clash", "clashes", "crisis", "war", "tension"}, "provokes": nil, "provoked": nil, "provoking": nil,
	"break":  {"agreement", "agreements", "treaty", "armistice", "ceasefire", "cease-fire", "truce", "promise", "promises", "accords", "word", "obligations"},
	"breaks": nil, "broke": nil, "broken": nil, "breaking": nil,
	"occupy": {"territory", "territories", "land", "lands", "islands", "island", "it", "force", "part", "province"}, "occupies": nil, "occupied": nil, "occupying": nil,
	"threaten": {"security", "peace", "us", "our", "independence", "sovereignty", "existence"}, "threatens": nil, "threatened": nil, "threatening": nil,
	"arm":  {"rebels", "bandits", "separatists", "insurgents", "counter-revolutionaries", "counterrevolutionaries", "mercenaries", "terrorists", "gangs", "contras"},
	"arms": nil, "armed": nil, "arming": nil,
	// obstructing a settlement: "the United States wants to bury the
	// Guatemala agreement"
	"bury": obstructed, "buries": obstructed, "wreck": obstructed, "wrecks": obstructed, "wrecking": obstructed,
	"torpedo": obstructed, "torpedoes": obstructed, "torpedoed": obstructed, "torpedoing": obstructed,
	"derail": obstructed, "derails": obstructed, "derailing": obstructed, "scuttle": obstructed, "scuttled": obstructed,
	"obstruct": obstructed, "obstructs": obstructed, "obstructed": obstructed, "obstructing": obstructed,
	"frustrate": obstructed, "frustrates": obstructed, "frustrated": obstructed, "frustrating": obstructed,
	// "it was the Soviet side which massed a million troops on the border"
	"massed": massed, "massing": massed, "masses": massed, "concentrated": massed, "concentrating": massed,
	// a party's hostility to the speaker's: "want ... to condemn our party", "slander us"
	"slander": victims, "slanders": victims, "slandered": victims, "slandering": victims, "isolate": victims, "isolates": victims,
	"encircle": victims, "encircles": victims, "encircling": victims, "blackmail": victims, "blackmails": victims,
	"condemn": victims, "vilify": victims, "vilifies": victims, "smear": victims, "discredit": victims, "discredits": victims,
}

var (
	obstructed = []string{"agreement", "agreements", "talks", "negotiations", "treaty", "process", "conference", "settlement", "accords", "ceasefire", "cease-fire", "armistice", "détente", "detente"}
	massed     = []string{"troops", "forces", "divisions", "armies", "army", "tanks"}
	victims    = []string{"us", "our"}
)

// hostileVerbObjects gives each form the objects of its base form.
func hostileVerbObjects(w string) ([]string, bool) {
	objs, ok := hostileVerbs[w]
	if !ok {
		return nil, false
	}
	if objs != nil {
		return objs, true
	}
	for _, base := range []string{"interfere", "provoke", "break", "occupy", "threaten", "arm"} {
		if strings.HasPrefix(w, base[:len(base)-1]) || base == "break" && (w == "broke" || w == "broken") || base == "occupy" && strings.HasPrefix(w, "occupi") {
			return hostileVerbs[base], true
		}
	}
	return nil, false
}

// hostileVerb reads the verbs above at ts[i].
func (x *extractor) hostileVerb(ts []tok, i int, sp span) {
	objs, ok := hostileVerbObjects(ts[i].w)
	if !ok || negated(ts, i) || inCondition(ts, i) || x.hypothetical(ts, i) || x.denied(ts, i) || reportedCharge(ts, i) {
		return
	}
	intent := i > 1 && ts[i-1].w == "to" && (stemIn(ts[i-2].w, "want", "intend", "tr", "seek", "sought", "aim", "plan", "strive", "prepar") || ts[i-2].w == "order")
	if i > 0 && (ts[i-1].w == "to" && !(intent && (objs[0] == obstructed[0] || objs[0] == victims[0])) || ts[i-1].is(cBeForms) && strings.HasSuffix(ts[i].w, "ed") && ts[i].w != "armed") {
		return // "not to interfere", "was occupied": the doer is not the subject
	}
	if ts[i].w == "armed" && i > 0 && !(ts[i-1].w == "has" || ts[i-1].w == "have" || ts[i-1].w == "had" || ts[i-1].refs != nil) {
		return // "armed forces", "armed struggle"
	}
	found := false
	for k := i + 1; k < len(ts) && k <= i+6 && !found; k++ {
		if ts[k].is(cObjStop) {
			break
		}
		found = hasWord(objs, ts[k].w) || ts[k].pron == 1 && ts[k].refs != nil && hasWord(objs, "us") ||
			hasWord(objs, "security") && k == i+1 && ts[k].ment && agentRefs(ts[k]) // "threatens Mexico"
	}
	if !found {
		return
	}
	acc := hostileAgent(ts, i)
	if acc == nil {
		return
	}
	x.accusation(acc, i, sp)
}

// blamePhrase reads "X is to blame", "the blame (fault, responsibility)
// lies with X", "X bears (full) responsibility for" at ts[i].
func (x *extractor) blamePhrase(ts []tok, i int, sp span) {
	if negated(ts, i) || inCondition(ts, i) || x.denied(ts, i) {
		return
	}
	switch ts[i].w {
	case "blame":
		// "X is to blame"
		if i >= 2 && ts[i-1].w == "to" && ts[i-2].is(cBeForms) {
			if acc := hostileAgent(ts, i-2); acc != nil {
				x.accusation(acc, i, sp)
			}
			return
		}
		fallthrough
	case "fault", "responsibility", "guilt":
		// "the blame lies with X", "the responsibility for this rests with X"
		for k := i + 1; k+1 < len(ts) && k <= i+8; k++ {
			if ts[k].is(cObjStop) {
				break
			}
			if (stemIn(ts[k].w, "lie", "lay", "rest") && ts[k].w != "rest") || ts[k].w == "rests" || ts[k].w == "rested" {
				if ts[k+1].w == "with" || ts[k+1].w == "on" || ts[k+1].w == "upon" {
					if j, obj := directObj(ts, k+1); obj != nil && ts[j].pron != 1 && agentRefs(ts[j]) {
						x.accusation(obj[:1], i, sp)
					}
				}
				return
			}
		}
		// "X bears (full) responsibility for ...": for harm done, not a
		// duty ("bears responsibility for the security of the GDR")
		if (ts[i].w == "responsibility" || ts[i].w == "guilt") && blameworthy(ts, i) {
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				if stemIn(ts[k].w, "bear", "bore", "born") {
					if acc := hostileAgent(ts, k); acc != nil {
						x.accusation(acc, i, sp)
					}
					return
				}
			}
		}
	}
}

// blameworthy: the responsibility at ts[i] is for harm: a degree of
// blame before it ("full", "main", "sole") or a harm after it ("for the
// crisis", "for the bloodshed").
func blameworthy(ts []tok, i int) bool {
	if i > 0 && (ts[i-1].w == "full" || ts[i-1].w == "main" || ts[i-1].w == "sole" || ts[i-1].w == "entire" || ts[i-1].w == "whole" || ts[i-1].w == "chief" || ts[i-1].w == "grave") {
		return true
	}
	for k := i + 1; k < len(ts) && k <= i+6; k++ {
		if ts[k].is(cObjStop) {
			break
		}
		if harmNouns[ts[k].w] {
			return true
		}
	}
	return false
}

var harmNouns = set("crisis", "incident", "incidents", "war", "conflict", "tension", "tensions", "bloodshed", "deaths", "killing",
	"killings", "aggression", "consequences", "deterioration", "failure", "breakdown", "clash", "clashes", "escalation", "victims",
	"catastrophe", "disaster", "split", "pressure", "situation", "events", "step", "steps", "decision", "actions")

// insertedPhrase: the comma at ts[j] closes a phrase set off by commas
// that opens with a participle or "in" ("The clique, acting on the
// orders of Beijing, continues"); the index of its opening comma, -1
// where there is none.
func insertedPhrase(ts []tok, j int) int {
	for k := j - 1; k > 0 && k >= j-12; k-- {
		if ts[k].w == "," {
			if n := ts[k+1].w; strings.HasSuffix(n, "ing") || n == "in" || n == "with" || n == "according" {
				return k
			}
			// ", he said,", ", Nakasone stressed,": the speaker inserted
			if k+2 < j && (ts[k+1].pron == 3 || ts[k+1].ment && isPerson(ts[k+1].refs)) && (ts[k+2].is(cSpeechVerbs) || hearsayVerbs[ts[k+2].w]) {
				return k
			}
			return -1
		}
		if ts[k].punct || ts[k].is(cClauseStop) {
			return -1
		}
	}
	return -1
}
