package claim

import "strings"

// demonym maps a nationality word, adjective or plural noun, to the country
// it stands for. Korea and China depend on the date: see countryOf.
var demonym = map[string]string{
	"mexican": "Mexico", "mexicans": "Mexico",
	"american": "United States", "americans": "United States",
	"soviet": "Soviet Union", "soviets": "Soviet Union", "russian": "Soviet Union", "russians": "Soviet Union",
	"chinese": "China", "korean": "Korea", "koreans": "Korea",
	"british": "United Kingdom", "english": "United Kingdom",
	"indian": "India", "indians": "India", "burmese": "Burma",
	"japanese": "Japan", "french": "France", "polish": "Poland", "poles": "Poland",
	"czechoslovak": "Czechoslovakia", "mongolian": "Mongolia", "mongolians": "Mongolia",
	"vietnamese": "Vietnam", "german": "Germany", "germans": "Germany",
	"pakistani": "Pakistan", "pakistanis": "Pakistan", "indonesian": "Indonesia", "indonesians": "Indonesia",
	"yugoslav": "Yugoslavia", "hungarian": "Hungary", "romanian": "Romania", "bulgarian": "Bulgaria",
	"albanian": "Albania", "turkish": "Turkey", "canadian": "Canada", "australian": "Australia",
}

// adjective is the inverse: the adjective used to name a country's proposal.
var adjective = map[string]string{
	"Mexico": "Mexican", "United States": "American", "Soviet Union": "Soviet",
	"People's Republic of China": "Chinese", "Republic of China (1912-1949)": "Chinese", "Taiwan": "Chinese",
	"North Korea": "Korean", "South Korea": "Korean", "Korea": "Korean",
	"United Kingdom": "British", "India": "Indian", "Burma": "Burmese", "Myanmar": "Burmese",
	"Japan": "Japanese", "France": "French", "Poland": "Polish", "Czechoslovakia": "Czechoslovak",
	"Mongolia": "Mongolian", "Mongolian People's Republic": "Mongolian", "Vietnam": "Vietnamese",
	"North Vietnam": "Vietnamese", "Germany": "German", "East Germany": "German", "Pakistan": "Pakistani",
	"Indonesia": "Indonesian", "Yugoslavia": "Yugoslav", "Hungary": "Hungarian", "Romania": "Romanian",
	"Bulgaria": "Bulgarian", "Albania": "Albanian", "Turkey": "Turkish", "Canada": "Canadian", "Australia": "Australian",
}

// groupNouns turn a nationality adjective into a reference to the state:
// "the Chinese side", "the Korean comrades", "the Soviet delegation".
var groupNouns = set("side", "sides", "delegation", "delegations", "government", "governments", "comrades",
	"leaders", "leadership", "representatives", "representative", "authorities", "command", "party",
	"troops", "army", "forces", "people")

// countryOf resolves a demonym for the document's date: "Korean" means
// North Korea from its founding in September 1948, "Chinese" the People's
// Republic from October 1949.
func countryOf(w, date string) string {
	c := demonym[w]
	switch c {
	case "Korea":
		if date == "" || date >= "1948-09" {
			return "North Korea"
		}
	case "China":
		if date == "" || date >= "1949-10" {
			return "People's Republic of China"
		}
		return "Chinese Communist Party"
	case "Vietnam":
		// the Democratic Republic of Vietnam, proclaimed in September 1945,
		// until reunification in July 1976
		if date >= "1945-09" && date < "1976-07" {
			return "North Vietnam"
		}
	}
	return c
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Word classes the rules use.
var (
	firstPerson  = set("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves")
	secondPerson = set("you", "your", "yours", "yourself", "yourselves")
	thirdSing    = set("he", "him", "his", "she", "her", "himself", "herself")
	thirdPlural  = set("they", "them", "their", "theirs", "themselves")
	possPronoun  = set("my", "our", "your", "his", "her", "their", "its")
	negators     = set("not", "no", "never", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "nor", "neither")
	modals       = set("will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did",
		"is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "to", "also", "fully", "completely",
		"entirely", "still", "now", "then", "therefore", "further", "firmly", "of", "course", "certainly", "again",
		"strongly", "wholeheartedly", "readily", "always", "already", "once", "go", "on", "continue", "intend")
	// clause boundaries: the agent of a verb is not searched past these.
	clauseStop = set(";", ":", "\"", "“", "”", "«", "»", "„", "that", "which", "who", "whom", "whose", "because",
		"since", "whether", "if", "when", "while", "but", "although", "though", "unless", "until", "where", "so")
	// object search stops at these.
	objStop = set(";", ":", ".", "?", "!", "\"", "“", "”", "«", "»", "„", "that", "which", "who", "because", "since",
		"but", "although", "though", "unless", "when", "while", "if")
	proposalHeads = set("proposal", "proposals", "plan", "variant", "draft", "suggestion")
	// heads of noun phrases naming a course of action a party may propose.
	actionHeads = set("pact", "treaty", "alliance", "railway", "railroad", "commission", "committee", "agreement",
		"organization", "organisation", "bloc", "union", "conference", "truce", "ceasefire", "cease-fire",
		"armistice", "loan", "credit", "link", "base", "mission", "exchange", "withdrawal", "reunification",
		"unification", "mediation", "settlement", "talks", "negotiations", "meeting", "visit", "offensive")
	// nouns and verbs that introduce such a phrase: "the conclusion of a pact",
	// "to sign a treaty", "the building of a railway".
	actionGovernors = set("conclusion", "conclude", "concluding", "concluded", "sign", "signing", "signed",
		"building", "build", "construction", "construct", "creation", "create", "creating", "establishment",
		"establish", "establishing", "form", "forming", "formation", "set", "join", "joining", "organize",
		"organizing", "organization", "convening", "convene", "holding", "hold")
	nounStop = set("is", "are", "was", "were", "be", "been", "will", "would", "should", "shall", "can", "could",
		"may", "might", "must", "has", "have", "had", "do", "does", "did", "we", "they", "he", "she", "it", "i",
		"you", "that", "which", "who", "whom", "if", "when", "while", "because", "since", "but", "as", "so",
		"not", "then", "there", "this", "these", "those", "at", "by", "in", "into", "for", "under", "until",
		"after", "before", "within", "during", "without", "would", "let", "its", "our", "their", "your", "my")
	speechVerbs = set("says", "said", "say", "replies", "replied", "answers", "answered", "asks", "asked",
		"opens", "opened", "remarks", "remarked", "observes", "observed", "adds", "added", "raises", "raised",
		"conveys", "conveyed", "reports", "reported", "notes", "noted", "declares", "declared", "states",
		"stated", "stresses", "stressed", "goes", "went", "returns", "returned", "thanks", "thanked",
		"continues", "continued", "proposes", "proposed", "suggests", "suggested", "agrees", "agreed",
		"promises", "promised", "explains", "explained", "emphasizes", "emphasized", "emphasises",
		"brings", "brought", "responds", "responded", "points", "pointed", "considers", "believes",
		"thinks", "expresses", "expressed", "informs", "informed", "tells", "told", "objects", "objected",
		"insists", "insisted", "recalls", "recalled", "welcomes", "welcomed", "inquires", "inquired")
	messageNouns = set("telegram", "telegrams", "letter", "letters", "message", "messages", "cable", "cables",
		"note", "notes", "report", "reports", "dispatch", "memorandum")
	opinionWords = set("think", "thinks", "thought", "view", "views", "opinion", "opinions", "advice", "instructions",
		"instruction", "guidance", "position", "consent", "approval", "assessment")
)

// pronounWords holds every word resolvePronouns looks at, so that other
// words cost one lookup.
var pronounWords = func() map[string]int8 {
	m := map[string]int8{}
	for _, s := range []map[string]bool{firstPerson, secondPerson, thirdSing, thirdPlural, possPronoun} {
		for w := range s {
			m[w] = 1
		}
	}
	return m
}()

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10}

// pointCount reads "three-point", "3-point", "five-point".
func pointCount(w string) int {
	n, ok := strings.CutSuffix(w, "-point")
	if !ok {
		return 0
	}
	if v, ok := numberWords[n]; ok {
		return v
	}
	if isDigits(n) && len(n) <= 2 {
		v := 0
		for _, c := range n {
			v = v*10 + int(c-'0')
		}
		return v
	}
	return 0
}

func stemIn(w string, stems ...string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// Word classes as bits: every token carries the classes of its word, found
// with one lookup when it is made.
const (
	cClauseStop uint64 = 1 << iota
	cObjStop
	cNounStop
	cModals
	cNegators
	cTitles
	cPrepositions
	cGroupNouns
	cProposalHeads
	cActionHeads
	cActionGovernors
	cAnaphoric
	cSpeechVerbs
	cMessageNouns
	cOpinionWords
	cListVerbs
	cBeForms
	cSupportAdjs
	cOpposeAdjs
	cWantVerbs
	cProposalVerbs
	cFirstPerson
	cSecondPerson
	cThirdSing
	cThirdPlural
	cPossPronoun
)

// cDemonym marks nationality words and their plurals ("Mexican", "Mexicans").
const cDemonym uint64 = 1 << 40

// cHeadPlural marks the plurals of course-of-action nouns ("pacts").
const cHeadPlural uint64 = 1 << 41

var wordClass = func() map[string]uint64 {
	m := map[string]uint64{}
	for w := range demonym {
		m[w] |= cDemonym
		m[w+"s"] |= cDemonym
	}
	for w := range actionHeads {
		m[w+"s"] |= cHeadPlural
	}
	for i, s := range []map[string]bool{clauseStop, objStop, nounStop, modals, negators, titles, prepositions, groupNouns, proposalHeads, actionHeads, actionGovernors, anaphoric, speechVerbs, messageNouns, opinionWords, listVerbs, beForms, supportAdjs, opposeAdjs, wantVerbs, proposalVerbs, firstPerson, secondPerson, thirdSing, thirdPlural, possPronoun} {
		for w := range s {
			m[w] |= 1 << uint(i)
		}
	}
	return m
}()

// is reports whether the token's word is of any of the classes c.
func (t tok) is(c uint64) bool { return t.cls&c != 0 }
