package entity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// A state's bodies written in prose: a country's adjective and a common
// noun ("the Soviet government", "Hungarian troops", "sowjetische
// Einheiten", "szovjet csapatok", "sovětské vlády", "Gobierno soviético")
// name that country's government, armed forces or embassy. The gazetteer's
// body of that country is linked where it has one ("Soviet troops" is the
// Soviet Army); otherwise the body is named in the usual English form from
// the country ("Egyptian armed forces": Egyptian Armed Forces).

// Kinds of body a noun names.
const (
	bodyGovernment = "government"
	bodyArmy       = "army"
	bodyEmbassy    = "embassy"
	bodyBorder     = "border troops"
	bodyParty      = "party" // "the Romanian party": the country's ruling party
)

// bodyNouns maps the folded nouns (with their case forms) to the kind of
// body they name, in the languages of the records.
var bodyNouns = func() map[string]string {
	m := map[string]string{}
	add := func(kind, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = kind
		}
	}
	add(bodyGovernment, `government governments regierung regierungen kormany kormanya kormanyt kormannyal kormanynak
		vlada vlady vlade vladu vladou rzad rzadu rzadem rzadowi rzadzie правительство правительства правительству
		правительством правительстве gobierno guvern guvernul guvernului guvernulu vlady
		правителство правителството правителства governo governi qeveria qeverise qeverine qeveri
		hallitus hallituksen hallitusta hallitukselle`)
	add(bodyArmy, `troops army forces units truppen armee streitkrafte einheiten panzer csapatok csapatokat csapatai
		csapatoknak hadsereg hadsereget hadsereggel egysegek egysegei vojska vojsk vojskum vojsky armada armady armadu
		jednotky jednotek wojska wojsk wojskami armia armii armie jednostki jednostek войска войск войскам войсками
		войсках армия армии армию армией части частей частям tropas ejercito fuerzas trupe trupele trupelor armata armatei
		армията войски войските esercito truppe forze vojska vojsk ushtria ushtrise trupat armeija armeijan joukot`)
	// (the Hungarian "párt" folds to the English "part": see nounKindAt)
	add(bodyParty, `party partei parteien партия партии партию партией partia partii partie partot parttal partnak
		partidul partidului`)
	add(bodyEmbassy, `embassy botschaft nagykovetseg nagykovetsege kovetseg kovetsege kovetseget velvyslanectvi
		ambasada ambasady ambasadzie посольство посольства посольству посольством посольстве embajada
		посолство посолството ambasciata velvyslanectvo velvyslanectva ambasades ambasaden suurlahetysto suurlahetyston`)
	return m
}()

// hungarianStems are the stems of Hungarian body nouns, which take their
// case endings as suffixes ("követségre", "kormánnyal").
var hungarianStems = []struct{ stem, kind string }{
	{"nagykovetseg", bodyEmbassy}, {"kovetseg", bodyEmbassy}, {"kormany", bodyGovernment}, {"kormann", bodyGovernment},
	{"csapat", bodyArmy}, {"hadsereg", bodyArmy}, {"egyseg", bodyArmy},
}

// nounKind is the kind of body a folded word names, or "".
func nounKind(norm string) string {
	if k := bodyNouns[norm]; k != "" {
		return k
	}
	for _, h := range hungarianStems {
		if strings.HasPrefix(norm, h.stem) && len(norm)-len(h.stem) <= 6 {
			return h.kind
		}
	}
	return ""
}

// nounKindAt is nounKind of a word as written: the Hungarian "párt" is a
// party where the English "part" is none.
func nounKindAt(text string, t token) string {
	if t.Norm == "part" {
		if w := text[t.Byte:t.ByteEnd]; w == "párt" || w == "Párt" {
			return bodyParty
		}
		return ""
	}
	return nounKind(t.Norm)
}

// bodyBetween are words that may stand between a country's adjective and
// the noun ("Soviet military units", "the US armed forces").
var bodyBetween = set("military armed regular ground tank militarischen militarische vojenske wojskowe военные военных вооруженные вооруженных вооруженным fegyveres")

// adjectiveStems are the stems of countries' adjectives in the records'
// languages other than English (whose adjectives the gazetteer gives as
// collectives), folded, with the country's canonical name. A stem matches a
// word that begins with it and goes on by at most four letters (its
// ending).
var adjectiveStems = []struct{ stem, country string }{
	{"sowjetisch", "Soviet Union"}, {"szovjet", "Soviet Union"}, {"sovetsk", "Soviet Union"}, {"radzieck", "Soviet Union"},
	{"sowieck", "Soviet Union"}, {"sovietic", "Soviet Union"}, {"sovietico", "Soviet Union"}, {"советск", "Soviet Union"},
	{"amerikanisch", "United States"}, {"amerikai", "United States"}, {"americk", "United States"}, {"amerykansk", "United States"},
	{"norteamerican", "United States"}, {"американск", "United States"}, {"american", "United States"},
	{"ungarisch", "Hungary"}, {"magyar", "Hungary"}, {"madarsk", "Hungary"}, {"wegiersk", "Hungary"}, {"венгерск", "Hungary"},
	{"polnisch", "Poland"}, {"lengyel", "Poland"}, {"polsk", "Poland"}, {"польск", "Poland"},
	{"tschechoslowakisch", "Czechoslovakia"}, {"csehszlovak", "Czechoslovakia"}, {"ceskoslovensk", "Czechoslovakia"},
	{"czechoslowack", "Czechoslovakia"}, {"чехословацк", "Czechoslovakia"},
	{"chinesisch", "People's Republic of China"}, {"kinai", "People's Republic of China"}, {"cinsk", "People's Republic of China"},
	{"chinsk", "People's Republic of China"}, {"китайск", "People's Republic of China"},
	{"westdeutsch", "West Germany"}, {"nyugatnemet", "West Germany"}, {"zapadonemeck", "West Germany"},
	{"zachodnioniemieck", "West Germany"}, {"западногерманск", "West Germany"},
	{"jugoslawisch", "Yugoslavia"}, {"jugoszlav", "Yugoslavia"}, {"jugoslavsk", "Yugoslavia"}, {"югославск", "Yugoslavia"},
	{"rumanisch", "Romania"}, {"rumunsk", "Romania"}, {"румынск", "Romania"},
	{"bulgarisch", "Bulgaria"}, {"bolgar", "Bulgaria"}, {"bulharsk", "Bulgaria"}, {"bulgarsk", "Bulgaria"}, {"болгарск", "Bulgaria"},
	{"agyptisch", "Egypt"}, {"egyiptomi", "Egypt"}, {"egyptsk", "Egypt"}, {"египетск", "Egypt"},
	{"syrisch", "Syria"}, {"sziriai", "Syria"}, {"syrsk", "Syria"}, {"сирийск", "Syria"},
	{"kubanisch", "Cuba"}, {"kubai", "Cuba"}, {"kubansk", "Cuba"}, {"кубинск", "Cuba"}, {"cuban", "Cuba"},
	{"vietnamesisch", "Vietnam"}, {"вьетнамск", "Vietnam"},
	{"mongolisch", "Mongolia"}, {"mongolsk", "Mongolia"}, {"монгольск", "Mongolia"},
	{"afghanisch", "Afghanistan"}, {"афганск", "Afghanistan"},
	// Bulgarian, Albanian and Italian forms of the Soviet and Chinese adjectives
	{"съветск", "Soviet Union"}, {"sovjetik", "Soviet Union"}, {"kinez", "People's Republic of China"},
	{"cines", "People's Republic of China"}, {"amerikan", "United States"},
	{"irakisch", "Iraq"}, {"iraki", "Iraq"}, {"irack", "Iraq"}, {"иракск", "Iraq"},
	{"iranisch", "Iran"}, {"irani", "Iran"}, {"iransk", "Iran"}, {"иранск", "Iran"},
	{"japanisch", "Japan"}, {"japonsk", "Japan"}, {"japan", "Japan"}, {"японск", "Japan"}, {"giappones", "Japan"},
	{"osterreichisch", "Austria"}, {"osztrak", "Austria"}, {"rakousk", "Austria"}, {"austriack", "Austria"}, {"австрийск", "Austria"},
	{"italienisch", "Italy"}, {"italian", "Italy"}, {"olasz", "Italy"}, {"italsk", "Italy"}, {"wlosk", "Italy"}, {"итальянск", "Italy"},
	{"franzosisch", "France"}, {"francouzsk", "France"}, {"francusk", "France"}, {"французск", "France"},
	{"britisch", "United Kingdom"}, {"britsk", "United Kingdom"}, {"brytyjsk", "United Kingdom"}, {"британск", "United Kingdom"},
	{"israelisch", "Israel"}, {"izraeli", "Israel"}, {"izraelsk", "Israel"}, {"израильск", "Israel"},
	{"indisch", "India"}, {"indiai", "India"}, {"indick", "India"}, {"indyjsk", "India"}, {"индийск", "India"},
	{"turkisch", "Turkey"}, {"torok", "Turkey"}, {"tureck", "Turkey"}, {"турск", "Turkey"}, {"турецк", "Turkey"}, {"turc", "Turkey"},
	// French, Finnish, Scandinavian, Dutch, Portuguese, Greek, Serbian and
	// Ukrainian forms
	{"sovietiq", "Soviet Union"}, {"neuvosto", "Soviet Union"}, {"sovjet", "Soviet Union"}, {"σοβιετικ", "Soviet Union"},
	{"совјетск", "Soviet Union"}, {"радянськ", "Soviet Union"},
	{"americain", "United States"}, {"amerikkalai", "United States"}, {"αμερικανικ", "United States"}, {"америчк", "United States"},
	{"американськ", "United States"},
	{"chinois", "People's Republic of China"}, {"kiinalai", "People's Republic of China"}, {"kinesisk", "People's Republic of China"},
	{"chines", "People's Republic of China"}, {"κινεζικ", "People's Republic of China"}, {"кинеск", "People's Republic of China"},
	{"китайськ", "People's Republic of China"},
}

// englishAdjectives are the English adjectives of countries the gazetteer
// gives none for.
var englishAdjectives = map[string]string{
	"Syria": "Syrian", "Iraq": "Iraqi", "Israel": "Israeli", "Afghanistan": "Afghan", "Jordan": "Jordanian",
	"Lebanon": "Lebanese", "Libya": "Libyan", "Algeria": "Algerian", "Ethiopia": "Ethiopian", "Angola": "Angolan",
	"Laos": "Laotian", "Cambodia": "Cambodian", "Somalia": "Somali", "Iran": "Iranian", "Yemen": "Yemeni",
	"Austria": "Austrian", "Italy": "Italian", "Chile": "Chilean",
}

// periodStates are the states a country's adjective names before a date
// (ISO prefix): a Mongolian body of 1966 is the Mongolian People's
// Republic's.
var periodStates = []struct{ country, until, state string }{
	{"Mongolia", "1992-02", "Mongolian People's Republic"},
}

// periodState is the state a country was at a date.
func periodState(country, date string) string {
	for _, p := range periodStates {
		if p.country == country && date != "" && date < p.until {
			return p.state
		}
	}
	return country
}

// stemCountry returns the country whose adjective a folded word is.
func stemCountry(norm string) string {
	n := utf8.RuneCountInString(norm)
	for _, a := range adjectiveStems {
		if strings.HasPrefix(norm, a.stem) && n-utf8.RuneCountInString(a.stem) <= 4 {
			return a.country
		}
	}
	return ""
}

// bodyIndex maps the folded names and labels of a gazetteer's
// organisations to their entries.
type bodyIndex map[string]*vocab.Entry

var bodyIndexes sync.Map // *vocab.Gazetteer → bodyIndex

func bodyIndexOf(g *vocab.Gazetteer) bodyIndex {
	if ix, ok := bodyIndexes.Load(g); ok {
		return ix.(bodyIndex)
	}
	ix := bodyIndex{}
	for _, e := range g.Entries {
		if e.Class != vocab.ClassOrganization {
			continue
		}
		for _, t := range append([]string{e.Name}, labelTexts(e)...) {
			k := foldWords(t)
			if _, ok := ix[k]; !ok {
				ix[k] = e
			}
		}
	}
	bodyIndexes.Store(g, ix)
	return ix
}

func labelTexts(e *vocab.Entry) []string {
	out := make([]string, 0, len(e.Labels))
	for _, l := range e.Labels {
		if l.Orig == "" && l.From == "" && l.Until == "" {
			out = append(out, l.Text)
		}
	}
	return out
}

// foldWords lower-cases a name, folds its letters and joins its words by
// single spaces.
func foldWords(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			b.WriteRune(fold(r))
		}
	}
	return b.String()
}

// adjective is the English adjective of a country: its first English
// collective that is one word or two ("Soviet", "West German").
func adjective(c *vocab.Entry) string {
	for _, l := range c.Collectives {
		if l.Lang == "en" && l.From == "" && l.Until == "" && !strings.HasSuffix(l.Text, "s") && len(strings.Fields(l.Text)) <= 2 {
			return l.Text
		}
	}
	return englishAdjectives[c.Name]
}

// theName writes a country's name as a body's name does ("of the Soviet
// Union", "of Hungary").
// TheName writes a country's name as a body's name does ("the United
// States", "Hungary").
func TheName(name string) string { return theName(name) }

func theName(name string) string {
	for _, p := range []string{"Soviet Union", "United ", "People's Republic", "Democratic Republic", "Republic", "Netherlands", "Philippines", "Mongolian People's"} {
		if strings.HasPrefix(name, p) {
			return "the " + name
		}
	}
	return name
}

// stateBody names the body of a kind of a country: the gazetteer's where
// one of the usual forms of its name is known, else a name in the usual
// form.
func (m *Matcher) stateBody(c *vocab.Entry, kind string) (string, *vocab.Entry) {
	ix := bodyIndexOf(m.g)
	adj := adjective(c)
	short := []string{c.Name}
	for _, l := range c.Labels {
		if l.Lang == "en" && l.Orig == "" && l.From == "" && l.Until == "" && len(strings.Fields(l.Text)) <= 3 {
			short = append(short, l.Text)
		}
	}
	var forms []string
	switch kind {
	case bodyGovernment:
		if adj != "" {
			forms = append(forms, adj+" government")
		}
		for _, s := range short {
			forms = append(forms, "government of "+s, "government of the "+s, s+" government")
		}
	case bodyArmy:
		if adj != "" {
			forms = append(forms, adj+" army", adj+" armed forces", adj+" people's army", adj+" revolutionary armed forces", adj+" people's armed forces")
		}
		for _, s := range short {
			forms = append(forms, s+" armed forces", s+" army", "armed forces of "+s, "armed forces of the "+s)
		}
	default:
		return "", nil
	}
	for _, f := range forms {
		if e := ix[foldWords(f)]; e != nil {
			return e.Name, e
		}
	}
	switch {
	case kind == bodyGovernment:
		return "Government of " + theName(c.Name), nil
	case adj != "":
		return adj + " Armed Forces", nil
	}
	return "Armed Forces of " + theName(c.Name), nil
}

// bodies finds the state bodies a text names by a country's adjective and a
// common noun, in either order ("Soviet troops", "Gobierno soviético"), and
// an embassy so named with its place ("the Soviet embassy in Pyongyang").
func (m *Matcher) bodies(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	country := func(k int) (*vocab.Entry, int) {
		// the country an adjective at toks[k] names, and the end of its words
		if covered[k] {
			if cls[k] != vocab.ClassCountry || ent[k] == nil {
				return nil, k
			}
			e := k
			for e < len(toks) && covered[e] && ent[e] == ent[k] {
				e++
			}
			return ent[k], e
		}
		if c := stemCountry(toks[k].Norm); c != "" {
			if e := m.g.Lookup(periodState(c, ctx.Date)); e != nil {
				return e, k + 1
			}
		}
		return nil, k
	}
	next := -1 // the first word at or after i that names a kind of body
	for i := 0; i < len(toks); i++ {
		if mm, end, ok := m.telegramPost(text, toks, covered, cls, ent, i); ok {
			out = append(out, mm)
			for k := i; k < end; k++ {
				covered[k], cls[k] = true, vocab.ClassOrganization
			}
			i = end - 1
			continue
		}
		if mm, ok := m.hungarianPost(text, toks, covered, cls, ent, i, ctx); ok {
			// "Pekingi Nagykövetség": the record's country's embassy in that city
			out = append(out, mm)
			covered[i], covered[i+1], cls[i], cls[i+1] = true, true, vocab.ClassOrganization, vocab.ClassOrganization
			i++
			continue
		}
		if toks[i].struck || covered[i] && (cls[i] != vocab.ClassCountry || i > 0 && covered[i-1] && ent[i-1] == ent[i]) {
			continue
		}
		if !covered[i] {
			// nounNear(toks, i), each word's kind read once
			if next < i {
				next = i
				for next < len(toks) && !nounNear(toks[next:next+1], 0) {
					next++
				}
			}
			if next >= len(toks) || next > i+2 {
				continue // the common case, without trying the adjectives' stems
			}
		}
		c, j := country(i)
		start, end, kind := i, -1, ""
		if c != nil {
			// adjective first: "Soviet (military) troops"
			k := j
			border := false
			if k < len(toks) && (bodyBetween[toks[k].Norm] || toks[k].Norm == "border") && !covered[k] && sameLine(text, toks[k-1], toks[k]) {
				border = toks[k].Norm == "border"
				k++
			}
			if k < len(toks) && !covered[k] && sameLine(text, toks[k-1], toks[k]) {
				if border && (toks[k].Norm == "troops" || toks[k].Norm == "guards") {
					end, kind = k+1, bodyBorder // "Soviet border troops"
				} else if !border && nounKindAt(text, toks[k]) != "" {
					end, kind = k+1, nounKindAt(text, toks[k])
				}
			}
		} else if !covered[i] && nounKind(toks[i].Norm) != "" && i+1 < len(toks) && sameLine(text, toks[i], toks[i+1]) {
			// noun first: "Gobierno soviético", "trupele sovietice"
			if c2, j2 := country(i + 1); c2 != nil && !covered[i+1] {
				c, end, kind = c2, j2, nounKind(toks[i].Norm)
			}
		}
		if c == nil && !covered[i] && nounKind(toks[i].Norm) == bodyGovernment && !englishNoun[toks[i].Norm] && ctx.Home != "" &&
			(i == 0 || !covered[i-1] || cls[i-1] != vocab.ClassCountry) && (i+1 >= len(toks) || !covered[i+1] || cls[i+1] != vocab.ClassCountry) {
			// "a kormány", "vlády": in the record's own language, its country's government
			if h := m.g.Lookup(ctx.Home); h != nil {
				c, end, kind = h, i+1, bodyGovernment
			}
		}
		if c == nil && !covered[i] && nounKind(toks[i].Norm) == bodyEmbassy && ctx.Home != "" && placeAfter(text, toks, covered, cls, ent, i+1) > i+1 {
			// "our Embassy in Warsaw", "the embassy in Hanoi": the record's country's
			if h := m.g.Lookup(ctx.Home); h != nil && ent[i+2] != nil && !isCapitalOf(ent[i+2].Name, ctx.Home) {
				c, end, kind = h, i+1, bodyEmbassy
			}
		}
		if end < 0 || c == nil {
			if c != nil {
				i = j - 1
			}
			continue
		}
		var mm Mention
		if kind == bodyEmbassy {
			var ok bool
			if mm, end, ok = m.embassyIn(text, toks, covered, cls, ent, c, start, end); !ok {
				if mm, ok = m.embassyHome(c, ctx); !ok {
					i = end - 1
					continue
				}
			}
		} else if kind == bodyParty {
			p := homeParty(c.Name, ctx.Date)
			if end+1 < len(toks) && toks[end].Norm == "of" && toks[end+1].Upper && sameLine(text, toks[end-1], toks[end+1]) {
				p = "" // "the Polish Party of Labour": a party with a name of its own
			}
			if p == "" {
				i = end - 1
				continue
			}
			mm = Mention{Class: vocab.ClassOrganization, Name: p, By: ByRule}
			if e := m.g.Lookup(p); e != nil {
				mm.Entry, mm.By = e, ByContext
			}
		} else if kind == bodyBorder {
			name, e := m.borderTroops(c)
			mm = Mention{Entry: e, Class: vocab.ClassOrganization, Name: name, By: ByRule}
			if e != nil {
				mm.By = ByContext
			}
		} else {
			name, e := m.stateBody(c, kind)
			mm = Mention{Entry: e, Class: vocab.ClassOrganization, Name: name, By: ByRule}
			if e != nil {
				mm.By = ByContext
			}
			if kind == bodyArmy {
				// "U.S. forces in Korea": the forces stationed there, as written
				end = placeAfter(text, toks, covered, cls, ent, end)
			}
		}
		a, b := toks[start], toks[end-1]
		mm.Start, mm.End, mm.Text = a.Start, b.End, text[a.Byte:b.ByteEnd]
		out = append(out, mm)
		for k := start; k < end; k++ {
			if !covered[k] {
				covered[k], cls[k] = true, vocab.ClassOrganization
			}
		}
		i = end - 1
	}
	return out
}

// nounNear reports whether toks[i] or one of the two words after it is a
// body's noun.
func nounNear(toks []token, i int) bool {
	for k := i; k < len(toks) && k <= i+2; k++ {
		if nounKind(toks[k].Norm) != "" || toks[k].Norm == "part" {
			return true
		}
	}
	return false
}

// placeAfter extends a body's words at toks[:end] by "in" and a place or
// country that follows on the same line.
func placeAfter(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, end int) int {
	k := end
	if k+1 >= len(toks) || !inWords[toks[k].Norm] || !covered[k+1] || ent[k+1] == nil ||
		(cls[k+1] != vocab.ClassPlace && cls[k+1] != vocab.ClassCountry) || !sameLine(text, toks[k], toks[k+1]) {
		return end
	}
	e := k + 1
	for e < len(toks) && covered[e] && ent[e] == ent[k+1] {
		e++
	}
	return e
}

// embassyIn reads the place after "<adjective> embassy in": the embassy of
// the country in that place, the gazetteer's where it knows it.
func (m *Matcher) embassyIn(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, c *vocab.Entry, start, end int) (Mention, int, bool) {
	e := placeAfter(text, toks, covered, cls, ent, end)
	if e == end {
		return Mention{}, end, false
	}
	p := ent[end+1]
	place := p.Name
	if capital := capitalIn(p.Name); p.Class == vocab.ClassCountry && capital != "" {
		place = capital // "the Hungarian embassy in Mongolia" is in Ulaanbaatar
	}
	ix := bodyIndexOf(m.g)
	for _, f := range []string{"embassy of " + c.Name + " in " + place, "embassy of the " + c.Name + " in " + place, adjective(c) + " embassy in " + place} {
		if b := ix[foldWords(f)]; b != nil {
			return Mention{Entry: b, Class: vocab.ClassOrganization, Name: b.Name, By: ByContext}, e, true
		}
	}
	return Mention{Class: vocab.ClassOrganization, Name: "Embassy of " + theName(c.Name) + " in " + place, By: ByRule}, e, true
}

// englishNoun are the English nouns of bodies, which a bare mention does
// not tie to the record's country.
var englishNoun = set("government governments troops army forces units embassy party")

// embassyHome names a foreign embassy a record names without its place
// ("the Yugoslav embassy" in a Hungarian record): the embassy in the
// capital of the record's country. The record's own country's embassy,
// without a place, could be anywhere.
func (m *Matcher) embassyHome(c *vocab.Entry, ctx Context) (Mention, bool) {
	capital := capitalIn(ctx.Home)
	if capital == "" || c.Name == ctx.Home {
		return Mention{}, false
	}
	ix := bodyIndexOf(m.g)
	for _, f := range []string{"embassy of " + c.Name + " in " + capital, "embassy of the " + c.Name + " in " + capital, adjective(c) + " embassy in " + capital} {
		if b := ix[foldWords(f)]; b != nil {
			return Mention{Entry: b, Class: vocab.ClassOrganization, Name: b.Name, By: ByContext}, true
		}
	}
	return Mention{Class: vocab.ClassOrganization, Name: "Embassy of " + theName(c.Name) + " in " + capital, By: ByRule}, true
}

// hungarianPost reads a Hungarian embassy named by its city's adjective
// ("Pekingi Nagykövetség", "a moszkvai nagykövetség"): the record's
// country's embassy in that city.
func (m *Matcher) hungarianPost(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, i int, ctx Context) (Mention, bool) {
	t := toks[i]
	if ctx.Orig != "hu" || ctx.Home == "" || i+1 >= len(toks) || covered[i+1] || t.Cyr ||
		nounKind(toks[i+1].Norm) != bodyEmbassy || !strings.HasSuffix(t.Norm, "i") || len(t.Norm) < 5 ||
		text[t.ByteEnd:toks[i+1].Byte] != " " || covered[i] && (cls[i] != vocab.ClassPlace || ent[i] == nil) ||
		i > 0 && covered[i-1] && ent[i-1] == ent[i] {
		return Mention{}, false
	}
	place := ent[i]
	if !covered[i] {
		r := m.Resolve(titleCase(text[t.Byte:t.ByteEnd-1]), Context{Date: ctx.Date, Orig: "hu"})
		if r == nil || r.Class != vocab.ClassPlace || r.Entry == nil {
			return Mention{}, false
		}
		place = r.Entry
	}
	if capitalOf(place.Name, ctx.Date) == ctx.Home {
		return Mention{}, false // "a budapesti nagykövetség" is a foreign embassy in Budapest
	}
	name := "Embassy of " + theName(ctx.Home) + " in " + place.Name
	mm := Mention{Class: vocab.ClassOrganization, Name: name, Start: t.Start, End: toks[i+1].End,
		Text: text[t.Byte:toks[i+1].ByteEnd], By: ByRule}
	if b := bodyIndexOf(m.g)[foldWords(name)]; b != nil {
		mm.Entry, mm.Name, mm.By = b, b.Name, ByContext
	}
	return mm, true
}

// borderTroops names a country's border troops, the gazetteer's where it
// knows them.
func (m *Matcher) borderTroops(c *vocab.Entry) (string, *vocab.Entry) {
	ix := bodyIndexOf(m.g)
	adj := adjective(c)
	forms := []string{adj + " border troops", adj + " border guards", "border troops of " + c.Name, "border troops of the " + c.Name}
	for _, l := range c.Labels {
		if l.Lang == "en" && len(strings.Fields(l.Text)) == 1 {
			forms = append(forms, "border troops of the "+l.Text, l.Text+" border troops")
		}
	}
	for _, f := range forms {
		if e := ix[foldWords(f)]; e != nil {
			return e.Name, e
		}
	}
	if adj != "" {
		return adj + " Border Troops", nil
	}
	return "Border Troops of " + theName(c.Name), nil
}

// telegramPosts are the American cable addresses of posts abroad, with
// the English name of the post's kind.
var telegramPosts = map[string]string{"amembassy": "Embassy", "amconsul": "Consulate", "amcongen": "Consulate General"}

// telegramPost reads a cable's address of an American post ("AMEMBASSY
// SEOUL", "AMCONSUL HONG KONG"): the post in the city that follows on its
// line, the gazetteer's where it knows it.
func (m *Matcher) telegramPost(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, i int) (Mention, int, bool) {
	kind := telegramPosts[toks[i].Norm]
	if kind == "" || !toks[i].AllCaps || covered[i] || i+1 >= len(toks) || !sameLine(text, toks[i], toks[i+1]) || !toks[i+1].Upper {
		return Mention{}, i, false
	}
	e := i + 1
	city := ""
	if covered[e] && ent[e] != nil && cls[e] == vocab.ClassPlace {
		p := ent[e]
		for e < len(toks) && covered[e] && ent[e] == p {
			e++
		}
		city = p.Name
	} else {
		// a city the gazetteer lacks: its words up to the line's end, at most three
		for e < len(toks) && e-i <= 3 && !covered[e] && toks[e].Upper && !isDigits(toks[e].Norm) && sameLine(text, toks[e-1], toks[e]) {
			e++
		}
		var ws []string
		for _, t := range toks[i+1 : e] {
			r, n := utf8.DecodeRuneInString(text[t.Byte:t.ByteEnd])
			ws = append(ws, string(r)+strings.ToLower(text[t.Byte+n:t.ByteEnd]))
		}
		city = strings.Join(ws, " ")
	}
	name := kind + " of the United States in " + city
	mm := Mention{Class: vocab.ClassOrganization, Name: name, Start: toks[i].Start, End: toks[e-1].End, Text: text[toks[i].Byte:toks[e-1].ByteEnd], By: ByRule, whole: true}
	if b := bodyIndexOf(m.g)[foldWords(name)]; b != nil {
		mm.Entry, mm.Name, mm.By = b, b.Name, ByContext
	}
	return mm, e, true
}

// inWords are the prepositions that place an embassy.
var inWords = set("in v w в à en")
