package claim

import "strings"

// Minutes and working notes keep a body's session ("Minutes of the
// Meeting of the Politburo ...", "Jegyzőkönyv az MSZMP Ideiglenes Intéző
// Bizottságának üléséről"): a member who reports there ("Apró Antal
// tájékoztatja a bizottságot", "S. Černík informoval", "Ustinov reported
// on ...") informs that body.

// sessionBody is the body a record of a session keeps the minutes of: the
// first organization its heading names (the version's first four
// sentences), nil for any other record.
func (x *extractor) sessionBody() []Ref {
	if x.d.Kind != "minutes" && x.d.Kind != "working_notes" && !(x.conversation && x.session) {
		return nil
	}
	for si := 0; si < len(x.toks) && si < 4; si++ {
		for _, t := range x.toks[si] {
			if t.ment && t.pron == 0 && len(t.refs) > 0 && t.refs[0].Class == "Organization" {
				return t.refs[:1]
			}
		}
	}
	return nil
}

// reportStems are the verbs of a member's report in minutes, in the
// languages of the records that have no cues of their own for it.
var reportStems = []string{
	"tájékoztat", "beszámol", // hu
	"informoval", "informuje", "referoval", "informovala", // cs, pl
	"poinformował", "zreferował", // pl
	"informează", "informeaza", "raportează", "raporteaza", "informat", // ro
	"informiert", "berichtet", // de
	"информира", "докладва", // bg
	"informó", // es
}

// sessionReport: a member's report in a session, in the languages above.
// Its subject is the person named just before the verb ("Apró Antal
// tájékoztatja") or just after it ("informoval s. Černík").
func (x *extractor) sessionReport(ts []tok, sp span) {
	if x.ru || x.d.Versions[x.vi].Lang == "en" {
		return // their own cues read reports
	}
	for i, t := range ts {
		if t.punct || t.refs != nil || !reportVerb(t.w) || negated(ts, i) {
			continue
		}
		var subj []Ref
		for k := i - 1; k >= 0 && k >= i-4 && subj == nil; k-- {
			if ts[k].ment && isPerson(ts[k].refs) {
				subj = ts[k].refs[:1]
			} else if ts[k].punct && ts[k].w != "." || ts[k].refs != nil {
				break
			}
		}
		for k := i + 1; k < len(ts) && k <= i+3 && subj == nil; k++ {
			if ts[k].ment && isPerson(ts[k].refs) {
				subj = ts[k].refs[:1]
			} else if ts[k].punct && ts[k].w != "." {
				break
			}
		}
		if subj != nil {
			x.addAttr(subj, "informs", x.body, sp, 0.7, subj[0])
			// "tájékoztatja a bizottságot": the body, by the noun that
			// stands for it here
			for k := i + 1; k < len(ts) && k <= i+3; k++ {
				if ts[k].refs == nil && bodyNoun(ts[k].w) {
					x.res.Entities = append(x.res.Entities, Entity{Ref: x.body[0], Version: x.vi, Start: ts[k].s, End: ts[k].e})
					break
				}
			}
			return
		}
	}
}

func reportVerb(w string) bool {
	for _, s := range reportStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// bodyStems are the nouns minutes call their own body by ("the
// committee", "a bizottság", "předsednictvo").
var bodyStems = []string{"bizottság", "testület", "výbor", "předsednictv", "predsedníctv", "komitet", "prezydium", "biroul", "comitet",
	"politbüro", "präsidium", "комитет", "политбюро", "бюро", "comité", "committee", "presidium", "politburo"}

func bodyNoun(w string) bool {
	for _, s := range bodyStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// thanksStems and informationStems: "Thank you for the information",
// "Genosse Honecker dankte für die offene Information", "Vă mulțumim
// pentru informare", "благодарю за информацию".
var thanksStems = []string{"thank", "dank", "mulțum", "multum", "благодар", "спасибо", "köszön", "děkuj", "poděkoval", "dziękuj", "podziękował", "gracias", "agradec", "agradeció", "merci", "remerci"}
var informationStems = []string{"information", "briefing", "informare", "informați", "информаци", "сообщени", "tájékoztatás", "informace", "informaci", "informację", "información", "informacje"}

// thanksForInformation: in a record of conversation, the one who thanks
// the other for information was informed by them.
func (x *extractor) thanksForInformation(ts []tok, sp span) {
	if !x.conversation || x.partA.Name == "" || x.partB.Name == "" || x.mute {
		return
	}
	for i, t := range ts {
		if t.punct || t.refs != nil || !hasPrefixIn(t.w, thanksStems) {
			continue
		}
		info := false
		for k := i + 1; k < len(ts) && k <= i+5; k++ {
			info = info || hasPrefixIn(ts[k].w, informationStems)
		}
		if !info {
			return
		}
		var who []Ref
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if ts[k].ment && isPerson(ts[k].refs) {
				who = ts[k].refs[:1]
				break
			}
		}
		if who == nil && len(x.speaker) > 0 {
			who = x.speaker[:1]
		}
		var other Ref
		switch {
		case len(who) == 0:
			return
		case who[0] == x.partA:
			other = x.partB
		case who[0] == x.partB:
			other = x.partA
		default:
			return
		}
		x.addAttr([]Ref{other}, "informs", who, sp, 0.65, x.recorder(x.partA))
		return
	}
}

func hasPrefixIn(w string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// otherParticipant is, in a record of the conversation of two (its title's
// participants), the one subj talked with; nil otherwise.
func (x *extractor) otherParticipant(subj []Ref) []Ref {
	ps := x.d.Participants
	if len(ps) != 2 || !isPerson(subj) || x.d.Kind != "conversation" {
		return nil
	}
	switch subj[0].Name {
	case ps[0]:
		return []Ref{{"Person", ps[1]}}
	case ps[1]:
		return []Ref{{"Person", ps[0]}}
	}
	return nil
}
