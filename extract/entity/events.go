package entity

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/docgraph/docgraph/vocab"
)

// A party's congresses and plenums are written with an ordinal and the
// party ("the Third Congress of the RWP", "XXII съезд КПСС", "VIII.
// Parteitag der SED", "XIV. sjezd KSČ", "IX Zjazd PZPR", "the 4th Plenum of
// the CC of the PUWP") or, for a plenum, with its month ("the July
// plenum"); a bare one ("the 14th Congress", "XIV. sjezd strany") is the
// congress of the party of the record's country. Each is an Event named in
// the usual English form ("3rd Congress of the Romanian Workers' Party"),
// the gazetteer's where it knows the event under one of that form's
// variants.

// eventHeads maps the folded words for a congress or a plenum to the
// English head.
var eventHeads = map[string]string{
	"congress": "Congress", "съезд": "Congress", "съезда": "Congress", "съезде": "Congress", "съезду": "Congress",
	"съездом": "Congress", "съездов": "Congress", "съездах": "Congress", "congresses": "Congress", "parteitage": "Congress", "sjezdu": "Congress", "zjazdow": "Congress", "parteitag": "Congress", "parteitages": "Congress", "parteitags": "Congress",
	"sjezd": "Congress", "sjezdem": "Congress", "zjazd": "Congress", "zjazdu": "Congress",
	"zjezdzie": "Congress", "kongresszus": "Congress", "kongresszusa": "Congress", "kongresszusan": "Congress",
	"kongresszusat": "Congress", "congresul": "Congress", "congresului": "Congress",
	"plenum": "Plenum", "plenums": "Plenum", "пленум": "Plenum", "пленума": "Plenum", "пленуме": "Plenum",
	"пленумом": "Plenum", "plenarsitzung": "Plenum", "plenaris": "Plenum", "plenara": "Plenum", "plenarei": "Plenum",
	"plenary": "Plenum", "tagung": "Plenum",
}

// ordinalWords are the English, German, Czech and Polish ordinal words, folded.
var ordinalWords = func() map[string]int {
	m := map[string]int{}
	for i, w := range strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth") {
		m[w] = i + 1
	}
	return m
}()

// tensAt reads the tens word joined by a hyphen before toks[k] ("twenty"
// in "Twenty-Second"), 0 when there is none.
func tensAt(text string, toks []token, k int) int {
	if k == 0 || text[toks[k-1].ByteEnd:toks[k].Byte] != "-" {
		return 0
	}
	switch toks[k-1].Norm {
	case "twenty":
		return 20
	case "thirty":
		return 30
	}
	return 0
}

// ordinalAt reads the ordinal written at toks[k]: a word ("Third"), a
// number with its suffix ("20th") or a Roman numeral ("XXII", "XIV." with
// its period); 0 when there is none.
func ordinalAt(text string, toks []token, k int) int {
	t := toks[k]
	if n, ok := ordinalWords[t.Norm]; ok {
		return n
	}
	for _, suf := range []string{"st", "nd", "rd", "th", "."} {
		if d, ok := strings.CutSuffix(t.Norm, suf); ok && d != "" && isDigits(d) {
			if n, err := strconv.Atoi(d); err == nil && n > 0 && n < 40 {
				return n
			}
		}
	}
	if isDigits(t.Norm) && t.DotAfter {
		if n, err := strconv.Atoi(t.Norm); err == nil && n > 0 && n < 40 {
			return n // "8. Parteitag", "8. Tagung"
		}
	}
	if t.AllCaps || t.Upper && len(t.Norm) == 1 {
		if n := roman(t.Norm); n > 0 && n < 40 {
			return n
		}
	}
	return 0
}

// roman is the value of a Roman numeral written in lower case, 0 if s is none.
func roman(s string) int {
	val := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

func ordinalSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return strconv.Itoa(n) + "th"
	case n%10 == 1:
		return strconv.Itoa(n) + "st"
	case n%10 == 2:
		return strconv.Itoa(n) + "nd"
	case n%10 == 3:
		return strconv.Itoa(n) + "rd"
	}
	return strconv.Itoa(n) + "th"
}

func ordinalWord(n int) string {
	for w, v := range ordinalWords {
		if v == n {
			return strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return ""
}

var eventIndexes sync.Map // *vocab.Gazetteer → bodyIndex of events

func eventIndexOf(g *vocab.Gazetteer) bodyIndex {
	if ix, ok := eventIndexes.Load(g); ok {
		return ix.(bodyIndex)
	}
	ix := bodyIndex{}
	for _, e := range g.Entries {
		if e.Class != vocab.ClassEvent {
			continue
		}
		for _, t := range append([]string{e.Name}, labelTexts(e)...) {
			k := foldWords(t)
			if _, ok := ix[k]; !ok {
				ix[k] = e
			}
		}
	}
	eventIndexes.Store(g, ix)
	return ix
}

// partyAt returns the ruling party a word at toks[k] names (an abbreviation
// or a known party), with the end of its words; "" when none.
func (m *Matcher) partyAt(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, k int, ctx Context) (string, int) {
	if k >= len(toks) {
		return "", k
	}
	if covered[k] && ent[k] != nil && cls[k] == vocab.ClassOrganization {
		e := k
		for e < len(toks) && covered[e] && ent[e] == ent[k] {
			e++
		}
		if partyOf[ent[k].Name] != "" {
			return ent[k].Name, e
		}
		if p, ok := strings.CutPrefix(ent[k].Name, "Central Committee of the "); ok && partyOf[p] != "" {
			return p, e
		}
		return "", k
	}
	if c := partyAcronyms[toks[k].Norm]; c != "" && (toks[k].AllCaps || capitals(text[toks[k].Byte:toks[k].ByteEnd]) >= 3) {
		return homeParty(c, ctx.Date), k + 1
	}
	return "", k
}

var conjunctions = set("and und и i a es si")

// extraordinary are the words of an extraordinary plenum, folded.
var extraordinary = set("extraordinary enlarged mimoradne mimoradneho rendkivuli nadzwyczajne nadzwyczajnego внеочередной внеочередного внеочередном чрезвычайный ausserordentliche ausserordentlichen")

// partyWords say "of the party" after a congress's head.
var partyWords = set("strany partei партии partii partidului party's")

// Abbreviations of the CPSU in the records' other languages ("KPdSU").
func init() {
	for _, a := range []string{"kpdsu", "kpzr", "szkp", "ksss", "pcus"} {
		if partyAcronyms[a] == "" {
			partyAcronyms[a] = "Soviet Union"
		}
	}
	// ruling parties' abbreviations in the languages of other parties'
	// records: Romanian ("PMR", "PMC" for the Workers' Party of Korea),
	// Hungarian ("MNFP" for the MPRP), Czech and Polish ("KSČ", "KPCh")
	for a, c := range map[string]string{"pmr": "Romania", "pmc": "North Korea", "mnfp": "Mongolian People's Republic",
		"kpch": "People's Republic of China", "pcch": "People's Republic of China", "pcv": "Vietnam", "kpv": "Vietnam"} {
		if partyAcronyms[a] == "" {
			partyAcronyms[a] = c
		}
	}
	// the Central Committee in Polish, Czech, German and Hungarian
	// abbreviation ("KC KPZR", "ÚV KSČ", "ZK der SED", "MNFP KB")
	for _, a := range []string{"kc", "uv", "zk", "kb"} {
		if bodyWords[a] == "" {
			bodyWords[a] = "Central Committee"
		}
	}
}

// capitals counts the capital letters of s ("KPdSU" has four).
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// partyShorts are the abbreviations of a party its gazetteer entry gives
// ("CPSU", "SED").
func (m *Matcher) partyShorts(party string) []string {
	e := m.g.Lookup(party)
	if e == nil {
		return nil
	}
	var out []string
	for _, l := range e.Labels {
		if l.Lang == "en" && len(strings.Fields(l.Text)) == 1 && strings.ToUpper(l.Text) == l.Text {
			out = append(out, l.Text)
		}
	}
	return out
}

// congressJoin may stand between a congress's head and its party ("the
// Congress of the CC of the RWP", "съезд ЦК КПСС" is a plenum's), folded.
var congressJoin = set("of the der des цк cc kc uv zk")

// partyEvents finds the congresses and plenums of parties.
func (m *Matcher) partyEvents(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	for i := 0; i+2 < len(toks); i++ {
		// "XX и XXII съездов КПСС" where the gazetteer knows the second
		if covered[i] || !covered[i+2] || cls[i+2] != vocab.ClassEvent || ent[i+2] == nil || !conjunctions[toks[i+1].Norm] {
			continue
		}
		_, party, ok := strings.Cut(ent[i+2].Name, " Congress of the ")
		n := ordinalAt(text, toks, i)
		if !ok || n == 0 || ordinalAt(text, toks, i+2) == 0 {
			continue
		}
		mm := m.partyEvent("Congress", n, "", party, ctx)
		mm.Start, mm.End, mm.Text = toks[i].Start, toks[i].End, text[toks[i].Byte:toks[i].ByteEnd]
		out = append(out, mm)
		covered[i], cls[i] = true, vocab.ClassEvent
	}
	for i := 0; i < len(toks); i++ {
		if covered[i] || toks[i].struck {
			continue
		}
		head := eventHeads[toks[i].Norm]
		if head == "" {
			continue
		}
		start, end := i, i+1
		n, month := 0, ""
		ofParty := strings.HasPrefix(toks[i].Norm, "parteitag") // "the Party's": its own country's
		o := i - 1
		if o > 0 && toks[o].Norm == "party" && !covered[o] {
			o, ofParty = o-1, true // "the 14th Party Congress"
		}
		if o >= 0 && !covered[o] && sameLine(text, toks[o], toks[i]) {
			if n = ordinalAt(text, toks, o); n > 0 {
				start = o
				if t := tensAt(text, toks, o); t > 0 && n < 10 {
					n, start = t+n, o-1 // "Twenty-Second"
				}
			} else if head == "Plenum" && monthWords[toks[o].Norm] && len(toks[o].Norm) > 3 {
				month, start = toks[o].Norm, o
			} else if head == "Plenum" && extraordinary[toks[o].Norm] {
				month, start = "extraordinary", o
			}
		}
		if end < len(toks) && partyWords[toks[end].Norm] && sameLine(text, toks[end-1], toks[end]) {
			ofParty, end = true, end+1 // "XIV. sjezd strany"
		}
		// the party: before the ordinal ("the CPSU's 22nd Congress", "az MSZMP X. kongresszusa"),
		// after the head, possibly after "of the" and "CC"
		party := ""
		if start > 0 {
			if p, _ := m.partyAt(text, toks, covered, cls, ent, start-1, ctx); p != "" && sameLine(text, toks[start-1], toks[start]) {
				party, start = p, start-1
			}
		}
		if party == "" {
			k := end
			for k < len(toks) && k-end < 4 && !covered[k] && congressJoin[toks[k].Norm] && sameLine(text, toks[k-1], toks[k]) {
				k++
			}
			if p, e := m.partyAt(text, toks, covered, cls, ent, k, ctx); p != "" && k < len(toks) && sameLine(text, toks[k-1], toks[k]) {
				party, end = p, e
			}
		}
		if party == "" {
			if n == 0 && month == "" || ctx.Home == "" || !ofParty && head == "Congress" {
				continue
			}
			party = homeParty(ctx.Home, ctx.Date) // the record's country's party
			if party == "" {
				continue
			}
		}
		if n == 0 && month == "" {
			continue // "the Congress of the CPSU": which one is not said
		}
		mm := m.partyEvent(head, n, month, party, ctx)
		a, b := toks[start], toks[end-1]
		mm.Start, mm.End, mm.Text = a.Start, b.End, text[a.Byte:b.ByteEnd]
		out = append(out, mm)
		if n > 0 && start >= 2 && conjunctions[toks[start-1].Norm] {
			// "the XX and XXII congresses of the CPSU": the first as well
			if n2 := ordinalAt(text, toks, start-2); n2 > 0 && !covered[start-2] {
				m2 := m.partyEvent(head, n2, "", party, ctx)
				t2 := toks[start-2]
				m2.Start, m2.End, m2.Text = t2.Start, t2.End, text[t2.Byte:t2.ByteEnd]
				out = append(out, m2)
				covered[start-2], cls[start-2] = true, vocab.ClassEvent
			}
		}
		for k := start; k < end; k++ {
			if !covered[k] {
				covered[k], cls[k] = true, vocab.ClassEvent
			}
		}
		i = end - 1
	}
	return out
}

// partyEvent names a party's congress or plenum, the gazetteer's where it
// knows it.
func (m *Matcher) partyEvent(head string, n int, month, party string, ctx Context) Mention {
	var name string
	var forms []string
	switch {
	case head == "Congress":
		name = ordinalSuffix(n) + " Congress of the " + party
		for _, p := range append([]string{party}, m.partyShorts(party)...) {
			forms = append(forms, ordinalSuffix(n)+" Congress of the "+p, ordinalSuffix(n)+" National Congress of the "+p,
				ordinalWord(n)+" Congress of the "+p)
		}
	case n > 0:
		name = ordinalSuffix(n) + " Plenum of the Central Committee of the " + party
	case month == "extraordinary":
		name = "Extraordinary Plenum of the Central Committee of the " + party
		if len(ctx.Date) >= 4 {
			name += ", " + ctx.Date[:4]
		}
	default:
		name = "Plenum of the Central Committee of the " + party + ", " + strings.ToUpper(month[:1]) + month[1:]
		if len(ctx.Date) >= 4 {
			name += " " + ctx.Date[:4]
		}
	}
	ix := eventIndexOf(m.g)
	for _, f := range append([]string{name}, forms...) {
		if e := ix[foldWords(f)]; e != nil {
			return Mention{Entry: e, Class: vocab.ClassEvent, Name: e.Name, By: ByContext}
		}
	}
	return Mention{Class: vocab.ClassEvent, Name: name, By: ByRule}
}

// documentHeads are the words for a letter or message a body sends.
var documentHeads = map[string]string{
	"letter": "Letter", "message": "Message", "appeal": "Appeal", "письмо": "Letter", "письма": "Letter",
	"письме": "Letter", "письмом": "Letter", "послание": "Message", "послания": "Message", "brief": "Letter",
	"briefes": "Letter", "schreiben": "Letter", "dopis": "Letter", "dopisu": "Letter", "dopisem": "Letter",
	"list": "Letter", "listu": "Letter", "level": "Letter", "levele": "Letter", "levelet": "Letter",
}

// monthNumbers maps folded month names, English, Russian (genitive),
// German, Czech and Polish, to their English names.
var monthNumbers = func() map[string]string {
	m := map[string]string{}
	en := strings.Fields("January February March April May June July August September October November December")
	for _, forms := range []string{
		"january february march april may june july august september october november december",
		"января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
		"januar februar marz april mai juni juli august september oktober november dezember",
		"ledna unora brezna dubna kvetna cervna cervence srpna zari rijna listopadu prosince",
		"stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika listopada grudnia",
	} {
		for i, w := range strings.Fields(forms) {
			m[w] = en[i]
		}
	}
	return m
}()

// dateAt reads a day and month, with an optional year, at toks[k] ("21
// February", "21. Februar 1963", "21 февраля", "February 21"); it returns
// the date written in English and the end of its words.
func dateAt(toks []token, k int, docDate string) (string, int) {
	if k+1 >= len(toks) {
		return "", k
	}
	day, month, e := "", "", k
	switch {
	case isDigits(toks[k].Norm) && len(toks[k].Norm) <= 2 && monthNumbers[toks[k+1].Norm] != "":
		day, month, e = toks[k].Norm, monthNumbers[toks[k+1].Norm], k+2
	case monthNumbers[toks[k].Norm] != "" && isDigits(toks[k+1].Norm) && len(toks[k+1].Norm) <= 2:
		day, month, e = toks[k+1].Norm, monthNumbers[toks[k].Norm], k+2
	default:
		return "", k
	}
	year := ""
	if e < len(toks) && isDigits(toks[e].Norm) && len(toks[e].Norm) == 4 {
		year, e = toks[e].Norm, e+1
	} else if len(docDate) >= 4 {
		year = docDate[:4]
	}
	return strings.TrimSpace(strings.TrimLeft(day, "0") + " " + month + " " + year), e
}

// dateJoin are the words between a body and the date of its letter.
var dateJoin = set("of from dated от vom ze z dne dnia")

// bodyDocuments finds the letters and messages of bodies named with their
// date ("the letter of the CPSU CC of 21 February", "письмо ЦК КПСС от 21
// февраля", "Brief des ZK der SED vom 3. Mai"): events of their own, named
// "Letter of the <body> of <date>", the body by its gazetteer name where
// one entity is all of it, else as written.
func (m *Matcher) bodyDocuments(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	for i := 0; i+3 < len(toks); i++ {
		head := documentHeads[toks[i].Norm]
		if head == "" || covered[i] {
			continue
		}
		k := i + 1
		for k < len(toks) && k-i <= 3 && !covered[k] && (toks[k].Norm == "of" || toks[k].Norm == "the" || toks[k].Norm == "des" || toks[k].Norm == "der") {
			k++
		}
		if k >= len(toks) || !covered[k] || cls[k] != vocab.ClassOrganization {
			continue
		}
		e := k
		for e < len(toks) && covered[e] && cls[e] == vocab.ClassOrganization {
			e++
		}
		body := text[toks[k].Byte:toks[e-1].ByteEnd] // as written: "CPSU CC", "ЦК КПСС"
		if ent[k] != nil && ent[e-1] == ent[k] {
			body = ent[k].Name
		}
		d := e
		for d < len(toks) && d-e < 2 && dateJoin[toks[d].Norm] {
			d++
		}
		if d == e {
			continue
		}
		date, end := dateAt(toks, d, ctx.Date)
		if date == "" || !sameLine(text, toks[i], toks[end-1]) {
			continue
		}
		a, b := toks[i], toks[end-1]
		out = append(out, Mention{Class: vocab.ClassEvent, Name: head + " of the " + body + " of " + date,
			Start: a.Start, End: b.End, Text: text[a.Byte:b.ByteEnd], By: ByRule})
		for x := i; x < end; x++ {
			if !covered[x] {
				covered[x], cls[x] = true, vocab.ClassEvent
			}
		}
		i = end - 1
	}
	return out
}
