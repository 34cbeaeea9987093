package entity

import (
	"strings"

	"github.com/docgraph/docgraph/vocab"
)

// Generic names of party and state bodies ("the Politburo", "the Foreign
// Ministry") stand for the body of the country the document is about; the
// gazetteer's entry for one country's body is linked only in that
// country's documents.

// genericBodies maps a folded generic label to the body's English head.
var genericBodies = map[string]string{
	"politburo": "Politburo", "political bureau": "Politburo", "политбюро": "Politburo",
	"political committee": "Politburo", "politikai bizottság": "Politburo", "politbüro": "Politburo", "politické byro": "Politburo",
	"central committee": "Central Committee", "центральный комитет": "Central Committee", "цк": "Central Committee",
	"presidium": "Presidium", "президиум": "Presidium",
	"foreign ministry": "Ministry of Foreign Affairs", "ministry of foreign affairs": "Ministry of Foreign Affairs",
	"министерство иностранных дел": "Ministry of Foreign Affairs", "мид": "Ministry of Foreign Affairs",
	"council of ministers": "Council of Ministers", "совет министров": "Council of Ministers",
	// the foreign ministry in the other languages of the records
	"ministerstvo zahraničních věcí": "Ministry of Foreign Affairs", "ministerstvo zahraničných vecí": "Ministry of Foreign Affairs",
	"ministerstwo spraw zagranicznych": "Ministry of Foreign Affairs", "külügyminisztérium": "Ministry of Foreign Affairs",
	"ministerul afacerilor externe": "Ministry of Foreign Affairs", "министерството на външните работи": "Ministry of Foreign Affairs",
	"министерство на външните работи": "Ministry of Foreign Affairs", "ministero degli esteri": "Ministry of Foreign Affairs",
	"ministero degli affari esteri": "Ministry of Foreign Affairs", "ministerio de relaciones exteriores": "Ministry of Foreign Affairs",
	"ulkoministeriö": "Ministry of Foreign Affairs", "ministria e punëve të jashtme": "Ministry of Foreign Affairs",
}

var partyBodies = map[string]bool{"Politburo": true, "Central Committee": true, "Presidium": true}

// homeParty is the ruling party of a country at a date (ISO prefix).
func homeParty(country, date string) string {
	before := func(d string) bool { return date != "" && date < d }
	switch country {
	case "Soviet Union":
		return "Communist Party of the Soviet Union"
	case "People's Republic of China":
		return "Chinese Communist Party"
	case "East Germany":
		return "Socialist Unity Party of Germany"
	case "Hungary":
		if before("1956-11") {
			return "Hungarian Working People's Party"
		}
		return "Hungarian Socialist Workers' Party"
	case "Poland":
		return "Polish United Workers' Party"
	case "Czechoslovakia":
		return "Communist Party of Czechoslovakia"
	case "Bulgaria":
		return "Bulgarian Communist Party"
	case "Romania":
		if before("1965-07") {
			return "Romanian Workers' Party"
		}
		return "Romanian Communist Party"
	case "North Korea":
		return "Workers' Party of Korea"
	case "North Vietnam", "Vietnam":
		if before("1976-12") {
			return "Vietnam Workers' Party"
		}
		return "Communist Party of Vietnam"
	case "Mongolian People's Republic", "Mongolia":
		return "Mongolian People's Revolutionary Party"
	case "Albania":
		return "Party of Labour of Albania"
	case "Cuba":
		return "Communist Party of Cuba"
	}
	return ""
}

// stateShort is how a body's name writes its country.
var stateShort = map[string]string{
	"Soviet Union": "the USSR", "People's Republic of China": "the PRC", "East Germany": "the GDR",
	"North Korea": "the DPRK", "North Vietnam": "the DRV", "Hungary": "Hungary", "Poland": "Poland",
	"Czechoslovakia": "Czechoslovakia", "Bulgaria": "Bulgaria", "Romania": "Romania", "Mongolia": "Mongolia",
	"Mongolian People's Republic": "the MPR", "Cuba": "Cuba", "Albania": "Albania", "Vietnam": "Vietnam",
	"West Germany": "the FRG", "Yugoslavia": "Yugoslavia", "Finland": "Finland", "Italy": "Italy", "Austria": "Austria",
}

// bodyCountry is the country a gazetteer body belongs to, read from its
// canonical name.
func bodyCountry(e *vocab.Entry) string {
	n := e.Name
	switch {
	case strings.Contains(n, "CPSU") || strings.Contains(n, "Soviet Union") || strings.Contains(n, "USSR"):
		return "Soviet Union"
	case strings.Contains(n, "Chinese Communist Party") || strings.Contains(n, "PRC"):
		return "People's Republic of China"
	}
	return ""
}

// qualify reads a generic body's name in the document's country: the
// gazetteer's body where it is that country's (linked by context), else a
// body named for the country's party or state, or, with no country known,
// the bare body unlinked.
func (m *Matcher) qualify(mm Mention, ctx Context) Mention {
	if mm.Label == nil || mm.By != ByName || mm.Label.Orig != "" || mm.Label.From != "" || mm.Label.Until != "" {
		return mm // the gazetteer bounds the label itself
	}
	head, ok := genericBodies[strings.ToLower(strings.TrimSpace(mm.Label.Text))]
	if !ok {
		return mm
	}
	return m.qualifyHead(mm, head, ctx.Home, ctx.Date)
}

// qualifyHead names a generic body (head: "Politburo", "Ministry of
// Foreign Affairs") as the body of a country.
func (m *Matcher) qualifyHead(mm Mention, head, home, date string) Mention {
	if mm.Entry != nil {
		if c := bodyCountry(mm.Entry); c != "" && c == home {
			mm.By = ByContext
			return mm
		}
	}
	name := head
	if partyBodies[head] {
		if p := homeParty(home, date); p != "" {
			name = head + " of the " + p
			if head == "Politburo" && home == "Soviet Union" {
				name = ""
			}
		}
	} else if s := stateShort[home]; s != "" {
		name = head + " of " + s
	}
	mm.Class = vocab.ClassOrganization
	mm.Entry, mm.Label, mm.Name, mm.By = nil, nil, name, ByRule
	for _, e := range m.g.Entries {
		// the gazetteer's own body of that country
		if e.Class == vocab.ClassOrganization && bodyCountry(e) == home && home != "" && bodyHead(e.Name) == head {
			mm.Entry, mm.Name, mm.By = e, e.Name, ByContext
			return mm
		}
	}
	if name == "" {
		name = head
	}
	mm.Name = name
	if name != head {
		mm.By = ByContext
	}
	return mm
}

// bodyHead is the generic head of a gazetteer body's name.
func bodyHead(name string) string {
	for _, h := range []string{"Politburo", "Central Committee", "Presidium", "Ministry of Foreign Affairs", "Council of Ministers"} {
		if strings.HasPrefix(name, h+" ") {
			return h
		}
	}
	return ""
}

// archiveHome names the country of archives by the abbreviations their
// citations use.
var archiveHome = []struct{ cue, country string }{
	// the West's: the US National Archives and the State Department's
	// telegram and letterhead forms, the British National Archives' series (before
	// the Czech "NA,", which "TNA," holds)
	{"NARA", "United States"}, {"RG 59", "United States"}, {"AMEMBASSY", "United States"}, {"SECSTATE", "United States"},
	{"DEPARTMENT OF STATE", "United States"}, {"FO 371", "United Kingdom"}, {"TNA, FO", "United Kingdom"},
	{"PRO, FO", "United Kingdom"}, {"TNA, PREM", "United Kingdom"}, {"TNA, CAB", "United Kingdom"},
	{"Truman Library", "United States"}, {"Eisenhower Library", "United States"}, {"Kennedy Library", "United States"},
	{"Johnson Library", "United States"}, {"LBJ Library", "United States"}, {"Nixon Presidential", "United States"},
	{"Ford Library", "United States"}, {"Carter Library", "United States"}, {"Reagan Library", "United States"},
	{"Bush Library", "United States"}, {"Presidential Library", "United States"}, {"Foreign Relations of the United States", "United States"},
	{"FRUS", "United States"},
	{"SAPMO", "East Germany"}, {"BArch", "East Germany"}, {"MfAA", "East Germany"}, {"PA AA", "East Germany"},
	{"MNL OL", "Hungary"}, {"MOL", "Hungary"}, {"AAN", "Poland"}, {"KC PZPR", "Poland"},
	{"AÚV KSČ", "Czechoslovakia"}, {"ÚV KSČ", "Czechoslovakia"}, {"NA,", "Czechoslovakia"}, {"SÚA", "Czechoslovakia"},
	{"TsDA", "Bulgaria"}, {"ANIC", "Romania"}, {"AMVnR", "Bulgaria"},
	{"APRF", "Soviet Union"}, {"AP RF", "Soviet Union"}, {"AVPRF", "Soviet Union"}, {"AVP RF", "Soviet Union"},
	{"RGANI", "Soviet Union"}, {"RGASPI", "Soviet Union"}, {"TsKhSD", "Soviet Union"}, {"TsAMO", "Soviet Union"},
	{"АВП РФ", "Soviet Union"}, {"АП РФ", "Soviet Union"}, {"РГАНИ", "Soviet Union"}, {"РГАСПИ", "Soviet Union"},
	{"PRC FMA", "People's Republic of China"}, {"PRCFMA", "People's Republic of China"},
}

// westHome are the archives of states whose records share a language with
// a state of the other bloc: Austria's and the Federal Republic's.
var westHome = []struct{ cue, country string }{
	{"ÖStA", "Austria"}, {"OeStA", "Austria"}, {"Österreichisches Staatsarchiv", "Austria"}, {"Austrian State Archives", "Austria"},
	{"Bruno Kreisky Archiv", "Austria"}, {"BArch, B 136", "West Germany"}, {"Bundeskanzleramt", "West Germany"},
}

var langHome = map[string]string{
	"ru": "Soviet Union", "de": "East Germany", "hu": "Hungary", "pl": "Poland", "cs": "Czechoslovakia",
	"sk": "Czechoslovakia", "bg": "Bulgaria", "ro": "Romania", "zh": "People's Republic of China",
	"ko": "North Korea", "vi": "North Vietnam", "mn": "Mongolian People's Republic", "sq": "Albania",
	"fi": "Finland", "it": "Italy",
}

// partyCues are names of ruling parties a text may use, with their country.
var partyCues = []struct{ cue, country string }{
	{"CPSU", "Soviet Union"}, {"Communist Party of the Soviet Union", "Soviet Union"}, {"КПСС", "Soviet Union"},
	{"SED", "East Germany"}, {"Socialist Unity Party", "East Germany"},
	{"MSZMP", "Hungary"}, {"HSWP", "Hungary"}, {"Hungarian Socialist Workers", "Hungary"},
	{"PZPR", "Poland"}, {"PUWP", "Poland"}, {"Polish United Workers", "Poland"},
	{"KSČ", "Czechoslovakia"}, {"CPCz", "Czechoslovakia"}, {"Communist Party of Czechoslovakia", "Czechoslovakia"},
	{"Bulgarian Communist Party", "Bulgaria"}, {"BCP", "Bulgaria"},
	{"Romanian Communist Party", "Romania"}, {"Romanian Workers", "Romania"},
	{"Workers' Party of Korea", "North Korea"}, {"Korean Workers' Party", "North Korea"}, {"KWP", "North Korea"}, {"WPK", "North Korea"},
	{"Vietnam Workers' Party", "North Vietnam"}, {"Vietnamese Workers' Party", "North Vietnam"}, {"Lao Dong", "North Vietnam"},
	{"Chinese Communist Party", "People's Republic of China"}, {"CCP", "People's Republic of China"},
	{"Communist Party of China", "People's Republic of China"},
}

// Home names the country whose bodies a document's bare "Politburo" or
// "Foreign Ministry" means: the country of its original language (other
// than English), else of the archive its citation names, else the ruling
// party its text names most often; "" when none says.
func Home(citation, lang, text string) string {
	for _, a := range westHome {
		// a record in German kept in a Western archive is not the GDR's
		if strings.Contains(citation, a.cue) {
			return a.country
		}
	}
	if c := langHome[lang]; c != "" {
		return c
	}
	for _, a := range archiveHome {
		if strings.Contains(citation, a.cue) {
			return a.country
		}
	}
	for _, a := range archiveHome {
		// a source line in the body of a record without a citation field
		if len(a.cue) >= 4 && a.cue != "NA," && strings.Contains(text, a.cue) {
			return a.country
		}
	}
	best, n := "", 0
	count := map[string]int{}
	for _, p := range partyCues {
		if k := countWord(text, p.cue); k > 0 {
			count[p.country] += k
			if count[p.country] > n {
				best, n = p.country, count[p.country]
			}
		}
	}
	return best
}

// countWord counts the occurrences of w in s that stand as words.
func countWord(s, w string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return n
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordByte(s[a-1])) && (b == len(s) || !isWordByte(s[b])) {
			n++
		}
		i = b
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// languageWords follow or precede a language's name.
var languageNext = set("translation translations language languages original text version transcription html pdf translator translated characters script spelling speaker speakers sprache übersetzung original языке язык языка перевод")
var languagePrev = set("into language languages translation original translated")

// languageUse reports whether a collective at toks[i:end] names a language
// ("English Translation", "Original Language: Russian", "in Russian").
func languageUse(text string, toks []token, i, end int) bool {
	if end < len(toks) && sameLine(text, toks[end-1], toks[end]) && languageNext[toks[end].Norm] {
		return true
	}
	if i > 0 && languagePrev[toks[i-1].Norm] {
		return true
	}
	if i > 1 && (toks[i-1].Norm == "from" || toks[i-1].Norm == "into") && (toks[i-2].Norm == "translated" || toks[i-2].Norm == "translation") {
		return true // "Translated from German by …"
	}
	if i > 0 && (toks[i-1].Norm == "in" || toks[i-1].Norm == "from" || toks[i-1].Norm == "на") {
		if end >= len(toks) || !sameLine(text, toks[end-1], toks[end]) {
			return true
		}
		gap := text[toks[end-1].ByteEnd:toks[end].Byte]
		return strings.TrimSpace(gap) != "" || toks[end].Norm == "and" || toks[end].Norm == "or"
	}
	return false
}

// partyAcronyms are the ruling parties' abbreviations the records use,
// with the party's country.
var partyAcronyms = map[string]string{
	"cpsu": "Soviet Union", "kpss": "Soviet Union", "кпсс": "Soviet Union", "sed": "East Germany",
	"mszmp": "Hungary", "hswp": "Hungary", "mdp": "Hungary", "pzpr": "Poland", "puwp": "Poland",
	"ksc": "Czechoslovakia", "cpcz": "Czechoslovakia", "kscs": "Czechoslovakia", "bcp": "Bulgaria", "bkp": "Bulgaria",
	"pcr": "Romania", "rcp": "Romania", "rwp": "Romania", "kwp": "North Korea", "wpk": "North Korea",
	"vwp": "North Vietnam", "ccp": "People's Republic of China", "cpc": "People's Republic of China",
	"mprp": "Mongolian People's Republic", "pcc": "Cuba", "sepd": "East Germany", "мнрп": "Mongolian People's Republic",
	"сепг": "East Germany", "пзпр": "Poland", "порп": "Poland", "вспр": "Hungary", "кпч": "Czechoslovakia", "тпк": "North Korea", "кпк": "People's Republic of China",
}

// partyCountry is the country whose ruling party a gazetteer entry is, or "".
func partyCountry(e *vocab.Entry, date string) string {
	if c := partyOf[e.Name]; c != "" && homeParty(c, date) == e.Name {
		return c
	}
	return ""
}

// partyOf maps the ruling parties' names, in any period, to their country.
var partyOf = func() map[string]string {
	m := map[string]string{}
	for c := range stateShort {
		for _, d := range []string{"1950", "1960", "1970", "1980", "1990"} {
			if p := homeParty(c, d); p != "" {
				m[p] = c
			}
		}
	}
	return m
}()

// bodyWords name the bodies of a party, folded, with the English head.
var bodyWords = map[string]string{
	"cc": "Central Committee", "politburo": "Politburo", "presidium": "Presidium", "secretariat": "Secretariat",
	"цк": "Central Committee", "политбюро": "Politburo", "президиум": "Presidium",
}

// partyBodies finds ruling parties written by their abbreviation ("the
// KSČ", "the SED") and their bodies written with one ("KSČ Presidium",
// "the CC of the KSČ", "KWP CC"), named in full for the party of the
// country at the document's date.
func (m *Matcher) partyBodies(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		country := ""
		switch {
		case !covered[i] && t.AllCaps && partyAcronyms[t.Norm] != "":
			country = partyAcronyms[t.Norm]
		case covered[i] && ent[i] != nil && cls[i] == vocab.ClassOrganization && (i == 0 || ent[i-1] != ent[i]):
			country = partyCountry(ent[i], ctx.Date)
		}
		if country == "" && covered[i] && ent[i] != nil && strings.HasPrefix(ent[i].Name, "Central Committee of the ") && (i == 0 || ent[i-1] != ent[i]) {
			// "Politburo of the CC CPSU": a body of a known Central Committee
			country = bodyCountry(ent[i])
			if country != "" {
				if mm, ok := m.outerBody(text, toks, covered, cls, i, country, ctx); ok {
					out = append(out, mm)
				}
			}
			continue
		}
		if country == "" && !covered[i] && ctx.Home != "" {
			// "the CC Presidium", "the Presidium of the CC": the document's party's
			if mm, ok := m.bareBody(text, toks, covered, cls, i, ctx); ok {
				out = append(out, mm)
				continue
			}
		}
		if country == "" {
			continue
		}
		party := homeParty(country, ctx.Date)
		pEnd := i + 1
		for pEnd < len(toks) && covered[pEnd] && ent[pEnd] == ent[i] && ent[i] != nil {
			pEnd++
		}
		if !covered[i] {
			mm := Mention{Class: vocab.ClassOrganization, Name: party, Start: t.Start, End: t.End,
				Text: text[t.Byte:t.ByteEnd], By: ByRule}
			if e := m.g.Lookup(party); e != nil {
				mm.Entry, mm.By = e, ByContext
			}
			out = append(out, mm)
			covered[i], cls[i], ent[i] = true, vocab.ClassOrganization, mm.Entry
		}
		// the body: after ("KSČ Presidium") or before ("CC of the KSČ", "CC KSČ")
		bs, be, head := -1, -1, ""
		if pEnd < len(toks) && !covered[pEnd] && bodyWords[toks[pEnd].Norm] != "" && sameLine(text, toks[pEnd-1], toks[pEnd]) {
			bs, be, head = i, pEnd+1, bodyWords[toks[pEnd].Norm]
			if head == "Central Committee" && be < len(toks) && !covered[be] && bodyWords[toks[be].Norm] != "" && bodyWords[toks[be].Norm] != head {
				head, be = bodyWords[toks[be].Norm], be+1 // "CPSU CC Presidium"
			}
		} else {
			k := i - 1
			if k >= 1 && toks[k].Norm == "the" && toks[k-1].Norm == "of" {
				k -= 2
			} else if k >= 0 && toks[k].Norm == "of" {
				k--
			}
			if k >= 0 && !covered[k] && bodyWords[toks[k].Norm] != "" {
				bs, be, head = k, pEnd, bodyWords[toks[k].Norm]
			} else if k >= 1 && !covered[k] && toks[k].Norm == "committee" && toks[k-1].Norm == "central" {
				bs, be, head = k-1, pEnd, "Central Committee"
			}
			// "Presidium of the CC of the KSČ", "Politburo of the CC CPSU", "CC Presidium"
			if head == "Central Committee" {
				k := bs - 1
				if k >= 1 && toks[k].Norm == "the" && toks[k-1].Norm == "of" {
					k -= 2
				} else if k >= 0 && toks[k].Norm == "of" {
					k--
				}
				if k >= 0 && !covered[k] && bodyWords[toks[k].Norm] != "" && bodyWords[toks[k].Norm] != head {
					bs, head = k, bodyWords[toks[k].Norm]
				}
			}
		}
		if bs < 0 {
			continue
		}
		a, b := toks[bs], toks[be-1]
		out = append(out, m.bodyMention(text, a, b, head, country, party, ctx))
		for k := bs; k < be; k++ {
			if !covered[k] {
				covered[k], cls[k] = true, vocab.ClassOrganization
			}
		}
	}
	return out
}

// bodyMention names a party body (head: "Politburo", "Presidium", …) of a
// country's party, linking the gazetteer's entry where it has one.
func (m *Matcher) bodyMention(text string, a, b token, head, country, party string, ctx Context) Mention {
	name := head + " of the " + party
	switch head {
	case "Presidium", "Secretariat":
		if country != "Soviet Union" || ctx.Date == "" || ctx.Date >= "1952-10" && ctx.Date < "1966-04" {
			name = head + " of the Central Committee of the " + party
		}
	}
	if country == "Soviet Union" && head == "Politburo" || country == "Soviet Union" && head == "Presidium" && ctx.Date >= "1952-10" && ctx.Date < "1966-04" {
		// the gazetteer's Soviet body
		for _, e := range m.g.Entries {
			if e.Class == vocab.ClassOrganization && bodyCountry(e) == country && bodyHead(e.Name) == "Politburo" {
				name = e.Name
			}
		}
	}
	mm := Mention{Class: vocab.ClassOrganization, Name: name, Start: a.Start, End: b.End, Text: text[a.Byte:b.ByteEnd], By: ByContext}
	if e := m.g.Lookup(name); e != nil {
		mm.Entry = e
	}
	return mm
}

// outerBody reads "Politburo of the" before a Central Committee at toks[i].
func (m *Matcher) outerBody(text string, toks []token, covered []bool, cls []string, i int, country string, ctx Context) (Mention, bool) {
	k := i - 1
	if k >= 1 && toks[k].Norm == "the" && toks[k-1].Norm == "of" {
		k -= 2
	} else if k >= 0 && toks[k].Norm == "of" {
		k--
	}
	if k < 0 || covered[k] || bodyWords[toks[k].Norm] == "" || bodyWords[toks[k].Norm] == "Central Committee" {
		return Mention{}, false
	}
	e := i
	for e < len(toks) && covered[e] && cls[e] == cls[i] {
		e++
	}
	covered[k], cls[k] = true, vocab.ClassOrganization
	return m.bodyMention(text, toks[k], toks[e-1], bodyWords[toks[k].Norm], country, homeParty(country, ctx.Date), ctx), true
}

// bareBody reads a party body named without its party ("the CC
// Presidium", "the Presidium of the CC") as the document's country's.
func (m *Matcher) bareBody(text string, toks []token, covered []bool, cls []string, i int, ctx Context) (Mention, bool) {
	if !toks[i].Upper && toks[i].Norm != "цк" {
		return Mention{}, false
	}
	w := bodyWords[toks[i].Norm]
	if w == "" {
		return Mention{}, false
	}
	var head string
	end := -1
	switch {
	case w == "Central Committee" && i+1 < len(toks) && !covered[i+1] && bodyWords[toks[i+1].Norm] != "" && bodyWords[toks[i+1].Norm] != w:
		head, end = bodyWords[toks[i+1].Norm], i+2 // "CC Presidium"
	case w != "Central Committee" && i+3 < len(toks) && toks[i+1].Norm == "of" && toks[i+2].Norm == "the" && !covered[i+3] && bodyWords[toks[i+3].Norm] == "Central Committee":
		head, end = w, i+4 // "Presidium of the CC"
	case w != "Central Committee" && i+2 < len(toks) && toks[i+1].Norm == "цк" && !covered[i+2]:
		head, end = w, i+2 // "Президиум ЦК"
	}
	if end < 0 {
		return Mention{}, false
	}
	if end < len(toks) && (toks[end].Norm == "of" || partyAcronyms[toks[end].Norm] != "" || toks[end].AllCaps || covered[end] && cls[end] == vocab.ClassOrganization) &&
		sameLine(text, toks[end-1], toks[end]) {
		return Mention{}, false // the party is named after it
	}
	for k := i; k < end; k++ {
		covered[k], cls[k] = true, vocab.ClassOrganization
	}
	return m.bodyMention(text, toks[i], toks[end-1], head, ctx.Home, homeParty(ctx.Home, ctx.Date), ctx), true
}

// genericLabel reports whether a gazetteer label is a generic body name.
func genericLabel(l *vocab.Label) bool {
	if l == nil || l.Orig != "" || l.From != "" || l.Until != "" {
		return false
	}
	_, ok := genericBodies[strings.ToLower(strings.TrimSpace(l.Text))]
	return ok
}
