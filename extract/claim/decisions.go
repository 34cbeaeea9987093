package claim

import "strings"

// decisions reads the numbered points of a resolution or directive after
// the word of deciding ("Политбюро на ЦК на БКП, след като обсъди ...
// Р Е Ш И:", "The Council ... decides:"): each point is the deciding
// body's. A point that charges someone with a task ("4. Възлага на
// Министерството на външните работи да ...", "3. Instructs the Ministry
// of Trade to ...") requests it of them; one that condemns a party ("3.
// Осъжда кампанията на ... радио „Свободна Европа“") accuses it.
func (x *extractor) decisions(ts []tok, sp span, si int) {
	if x.decidesHeading(ts) {
		x.decider = x.decidingBody(si)
		return
	}
	if x.decider == nil || len(ts) < 4 || !x.lineStart(ts[0].s) || !isNumber(ts[0].w) || ts[1].w != "." && ts[1].w != ")" {
		return
	}
	// the point speaks for the body, not for the one who signs it, and
	// is its own word in any version
	x.speaker = x.decider
	x.firstPersonCue = true
	defer func() { x.firstPersonCue = false }()
	verb := ts[2].w
	switch {
	case hasAnyStem(verb, assignStems):
		// the one charged, named within a preposition and an article
		for j := 3; j < len(ts) && j <= 5; j++ {
			if agentRefs(ts[j]) {
				x.addAttr(x.decider, "requests", ts[j].refs[:1], sp, 0.7, x.decider[0])
				return
			}
			if ts[j].punct {
				return
			}
		}
	case hasAnyStem(verb, condemnStems):
		// the parties the condemned act is of, before a relative clause
		// says what they do
		for j := 3; j < len(ts); j++ {
			if relativeWords[ts[j].w] || ts[j].w == ";" {
				break
			}
			if agentRefs(ts[j]) && !sameRefs(ts[j].refs[:1], x.decider) {
				x.addAttr(x.decider, "accuses", ts[j].refs[:1], sp, 0.7, x.decider[0])
			}
		}
	}
}

func isNumber(w string) bool {
	if w == "" || len(w) > 2 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// decideWords are the words of deciding that head a resolution's points,
// their letters run together ("Р Е Ш И" is "реши").
var decideWords = set("реши", "решава", "постановляет", "постановил", "постановили", "решил", "решили", "решает",
	"decides", "resolves", "decided", "resolved", "décide", "décident", "delibera", "deliberano", "resuelve", "acuerda",
	"rozhodlo", "rozhodla", "rozhoduje", "usnáša", "usnesení", "beschließt", "beschloss", "postanawia", "határoz", "hotărăște")

// decidesHeading reports whether ts is the line "Р Е Ш И:", "DECIDES:".
func (x *extractor) decidesHeading(ts []tok) bool {
	if len(ts) < 2 || len(ts) > 8 || ts[len(ts)-1].w != ":" || !x.lineStart(ts[0].s) {
		return false
	}
	var b strings.Builder
	for _, t := range ts[:len(ts)-1] {
		if t.punct || t.refs != nil {
			return false
		}
		b.WriteString(t.w)
	}
	return decideWords[b.String()]
}

// decidingBody is the body the sentences just before the heading open
// with ("Политбюро на ЦК на БКП, след като обсъди ..."), or the record's
// author where it is a body.
func (x *extractor) decidingBody(si int) []Ref {
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		ts := x.toks[k]
		if len(ts) > 0 && ts[0].ment && ts[0].refs[0].Class == "Organization" {
			return ts[0].refs[:1]
		}
	}
	if x.author.Name != "" && x.author.Class == "Organization" {
		return []Ref{x.author}
	}
	return nil
}

// assignStems charge someone with a task in a decision's point.
var assignStems = []string{"възлага", "поручить", "поручает", "поручено", "instructs", "directs",
	"incarica", "encarga", "encomienda", "ukládá", "ukladá", "beauftragt", "zobowiązuje", "poleca", "însărcinează", "giao"}

// condemnStems condemn in a decision's point.
var condemnStems = []string{"осъжда", "осуждает", "осудить", "condemns", "denounces", "condamne", "condanna", "condena",
	"odsuzuje", "odsudzuje", "verurteilt", "potępia", "elítéli", "condamnă"}

// relativeWords open a relative clause: its verb's subject is the
// antecedent, not the speaker ("..., които обвиняват България").
var relativeWords = set("които", "който", "която", "което", "которые", "который", "которая", "которое", "которых",
	"which", "who", "qui", "které", "který", "která", "ktoré", "ktorý", "ktorá", "ktorí", "które", "który", "która", "którzy")
