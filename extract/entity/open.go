package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// More ways a mention names its entity.
const (
	ByList     = "list"     // not in the gazetteer: an item of a list of persons
	ByContext  = "context"  // a generic body ("the Politburo") read as the document's country's
	ByInitials = "initials" // a gazetteer person whose initials or given name the text writes too
)

// open finds the persons, organisations and places the gazetteer lacks by
// the shape of their names: initials before a surname ("N.G. Kuznetsov"),
// a title or rank ("First Secretary Honecker"), a given name ("Erich
// Honecker"), the syllables of a romanised East Asian name ("Pham Van
// Dong"), the suffix of a Slavic family name ("Pervukhin, Saburov"), the
// items of an attendance list, an organisation's head word ("Committee for
// State Security") and a place after a preposition ("in Budapest").
func (m *Matcher) open(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	// take keeps a match found at token i as a mention of class c (its
	// own class when c is ""), covers its tokens and returns the index the
	// loop goes on after.
	take := func(mm openMention, c string) int {
		if c == "" {
			c = mm.Class
		}
		out = append(out, mm.Mention)
		for k := mm.tokStart; k < mm.tokEnd; k++ {
			covered[k], cls[k] = true, c
		}
		return mm.tokEnd - 1
	}
	for i := 0; i < len(toks); i++ {
		if !startable(toks, covered, i) {
			continue
		}
		j := runEnd(text, toks, covered, i)
		if mm, ok := m.rankInCaps(text, toks, covered, i); ok {
			i = take(mm, vocab.ClassPerson)
			continue
		}
		if mm, ok := m.titleAfter(text, toks, covered, i, j, ctx); ok {
			i = take(mm, vocab.ClassPerson)
			continue
		}
		if translatorBefore(toks, i) {
			// "Translated by Mark Kramer", "Obtained by James G. Hershberg"
			for k := i; k < j; k++ {
				covered[k] = true
			}
			i = j - 1
			continue
		}
		if mm, ok := placeRun(text, toks, covered, cls, i, j, ctx); ok {
			i = take(mm, vocab.ClassPlace)
			continue
		}
		if mm, ok := m.eventRun(text, toks, covered, cls, i, ctx); ok {
			i = take(mm, vocab.ClassEvent)
			continue
		}
		if mm, ok := m.orgRun(text, toks, covered, cls, ent, i, ctx); ok {
			i = take(mm, "")
			continue
		}
		if mm, ok := m.nameRun(text, toks, covered, cls, i, j, ctx); ok {
			out = append(out, mm.Mention)
			for k := mm.tokStart; k < mm.tokEnd; k++ {
				covered[k] = true
				cls[k] = mm.Class
			}
			i = j - 1
		} else if initial(toks[i]) {
			i = j - 1 // "R.P.D. Coreene": no name begins inside
		}
	}
	out = append(out, placeLists(text, toks, covered, cls)...)
	out = append(out, m.lists(text, toks, covered, cls)...)
	out = append(out, m.bareSurnames(text, toks, covered, cls)...)
	return out
}

// sayingVerbs after a lone capitalised word make it a speaker ("Segre
// said that", "Sonnenfeldt concurs").
var sayingVerbs = set("said says replied replies stated noted asked asks answered added stressed remarked emphasized " +
	"emphasised explained objected agreed agrees told tells thinks believes concurs concurred declared insisted " +
	"suggested proposed warned promised interjected responded commented observed")

// bareSurnames finds the people a record names by family name alone, where
// the record shows them speaking: a speaker's mark at the start of a line
// used twice or more ("Pajetta: …"), or a verb of saying after the name
// ("Segre said that …"). Words of layout, titles and common nouns are no
// one.
func (m *Matcher) bareSurnames(text string, toks []token, covered []bool, cls []string) []Mention {
	var out []Mention
	plain := func(k int) bool {
		t := toks[k]
		return !covered[k] && !t.struck && t.Upper && !t.AllCaps && !t.Han && !t.Cyr && !initial(t) &&
			utf8.RuneCountInString(t.Norm) >= 4 && !stopWord(t) && !notNames[t.Norm] && !titleWords[t.Norm] &&
			!givenNames[t.Norm] && !functionWords[t.Norm] && !monthWords[t.Norm] && !addressWords[t.Norm] &&
			!orgHeads[t.Norm] && !namedEventHeads[t.Norm] && !newsAgencies[t.Norm] && !strings.Contains(t.Norm, "'")
	}
	marks := map[string]int{}
	for k := range toks {
		if toks[k].LineStart && k+1 < len(toks) && plain(k) && strings.HasPrefix(text[toks[k].ByteEnd:toks[k+1].Byte], ":") &&
			!toks[k+1].LineStart {
			marks[toks[k].Norm]++
		}
	}
	for k := range toks {
		if !plain(k) || k > 0 && functionWords[toks[k-1].Norm] {
			continue
		}
		from := k
		if k > 0 && toks[k-1].Upper && text[toks[k-1].ByteEnd:toks[k].Byte] == " " {
			switch {
			case sentenceStart(text, toks, k-1) && openers[toks[k-1].Norm]:
				// "Later Segre replied"
			case sentenceStart(text, toks, k-1) && plain(k-1):
				from = k - 1 // "Hal Sonnenfeldt concurs": a given name the inventory lacks
			default:
				continue
			}
		}
		speaker := toks[k].LineStart && marks[toks[k].Norm] >= 2 && k+1 < len(toks) &&
			strings.HasPrefix(text[toks[k].ByteEnd:toks[k+1].Byte], ":")
		saying := k+1 < len(toks) && sayingVerbs[toks[k+1].Norm] && text[toks[k].ByteEnd:toks[k+1].Byte] == " "
		if !speaker && !saying {
			continue
		}
		mm, ok := m.unlinked(text, toks[from:k+1], Context{})
		if !ok {
			continue
		}
		out = append(out, mm)
		for x := from; x <= k; x++ {
			covered[x], cls[x] = true, vocab.ClassPerson
		}
	}
	return out
}

// newsAgencies are agencies and papers that "said" or "reported" as
// people do.
var newsAgencies = set("reuters kyodo tanjug tass xinhua agerpres interpress mti ctk bta adn pap ptk novosti izvestia pravda " +
	"trud neues deutschland nepszabadsag granma rodong nhandan renmin ribao hsinhua associated")

// openers are words that open a sentence before a speaker's name.
var openers = set("later then yesterday today afterwards finally meanwhile however moreover thereupon subsequently next " +
	"first also still now here there again instead nevertheless thus")

// placeLists finds the places of a list the gazetteer knows only some of
// ("disturbances in Magdeburg, Halle and Leipzig", "spread to Gdynia,
// Szczecin and Elbląg") and of a list after a place's common noun ("the
// provinces of Manica and Tete"): an item of one or two capitalised words
// coordinated with a known place or country, after a preposition of place,
// is a place; a list with a person or body in it is no list of places. A
// Russian list is left alone: its items are in the locative ("в Эрфурте").
func placeLists(text string, toks []token, covered []bool, cls []string) []Mention {
	var out []Mention
	for i := 1; i < len(toks); i++ {
		p := toks[i-1].Norm
		nounOf := p == "of" && i >= 2 && placeNouns[toks[i-2].Norm]
		if !toks[i].Upper || !sameLine(text, toks[i-1], toks[i]) || !nounOf && !listPlacePreps[p] {
			continue
		}
		items := listItems(text, toks, i)
		known, other := 0, false
		for _, it := range items {
			switch cls[it[0]] {
			case vocab.ClassPlace, vocab.ClassCountry:
				known++
			case "":
			default:
				other = true
			}
		}
		if other || known == 0 && !nounOf || len(items) < 2 && !nounOf {
			if len(items) > 0 {
				i = items[len(items)-1][1]
			}
			continue
		}
		for n, it := range items {
			s, e := it[0], it[1]
			if e-s > 2 {
				continue
			}
			if n == len(items)-1 && e < len(toks) && sameLine(text, toks[e-1], toks[e]) && (metonymyVerbs[toks[e].Norm] || speechVerbs[toks[e].Norm]) {
				continue // "In Hanoi, Thach said": the subject of a verb
			}
			free := true
			for k := s; k < e; k++ {
				t := toks[k]
				free = free && !covered[k] && !t.AllCaps && !t.Han && !t.Cyr && !stopWord(t) && !titleWords[t.Norm] && !givenWord(t) &&
					!initial(t) && !monthWords[t.Norm] && utf8.RuneCountInString(t.Norm) >= 3
			}
			if !free {
				continue
			}
			written := text[toks[s].Byte:toks[e-1].ByteEnd]
			out = append(out, Mention{Class: vocab.ClassPlace, Name: written, Start: toks[s].Start, End: toks[e-1].End, Text: written, By: ByRule})
			for k := s; k < e; k++ {
				covered[k], cls[k] = true, vocab.ClassPlace
			}
		}
		if len(items) > 0 {
			i = items[len(items)-1][1]
		}
	}
	return out
}

// speechVerbs after a name make it a speaker, not a place.
var speechVerbs = set("told replied asked stated noted added declared answered explained remarked stressed emphasized sagte erklärte")

// listPlacePreps open a list of places in the records' languages.
var listPlacePreps = set("in at near from into via to between в во из под около у im nach aus bei zwischen w we v ve do z ze na en a à dans vers în la din")

// placeNouns are the common nouns of places before "of" ("the provinces
// of Manica and Tete").
var placeNouns = set("province provinces region regions district districts city cities town towns village villages port ports county counties prefecture prefectures")

type openMention struct {
	Mention
	tokStart, tokEnd int
}

func startable(toks []token, covered []bool, i int) bool {
	t := toks[i]
	return !covered[i] && !t.struck && t.Upper && !t.Han && !isDigits(t.Norm)
}

// runEnd is the end of the run of capitalised words from i: words on one
// line separated by single spaces, initials' periods or hyphens ("Pak
// Song-chol"), with particles ("al-Assad", "von").
func runEnd(text string, toks []token, covered []bool, i int) int {
	j := i + 1
	for j < len(toks) && j-i < 6 {
		t := toks[j]
		if covered[j] || t.struck || t.Han || isDigits(t.Norm) {
			break
		}
		gap := text[toks[j-1].ByteEnd:t.Byte]
		prevInitial := initial(toks[j-1])
		switch {
		case gap == " " && (t.Upper || particles[t.Norm] && j+1 < len(toks) && toks[j+1].Upper):
		case t.Upper && elidedGap(gap):
			// "Miguel d'Escoto", "Giscard d'Estaing": an elided particle
		case gap == "-" && t.Cyr == toks[j-1].Cyr:
		case (gap == "." || gap == ". ") && prevInitial && t.Upper:
		default:
			return j
		}
		j++
	}
	return j
}

var particles = set("al el bin ibn von van der den de da di du la dos das do del della ter zu")

// initial reports whether a token is an initial: one or two letters
// followed by a period ("N.", "Ya.").
func initial(t token) bool {
	n := utf8.RuneCountInString(t.Norm)
	return t.Upper && t.DotAfter && (n == 1 || n == 2 && !t.AllCaps && digraphs[t.Norm])
}

// digraphs are the two-letter initials of transliterated names ("Ya.",
// "Zh.") and Hungarian and Polish ones ("Zs.", "Gy.", "Sz."), and the
// Bulgarian abbreviations of given names ("Гр. Филипов", "Ст. Тодоров").
var digraphs = set("ya yu ye yo ia iu ie ch sh zh kh ts zs gy sz cz th гр ст дж вл ал хр")

// sentenceStart reports whether toks[i] begins a sentence or a line.
func sentenceStart(text string, toks []token, i int) bool {
	if i == 0 || toks[i].LineStart {
		return true
	}
	gap := strings.TrimSpace(text[toks[i-1].ByteEnd:toks[i].Byte])
	if gap == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(gap)
	switch last {
	case '.', '!', '?', ':', ';', '"', '“', '«', '(', '[', '*', '#', '-', '—':
		return !initial(toks[i-1])
	}
	return false
}

// nameRun reads a person's name in toks[i:j], if the words have the shape
// of one.
func (m *Matcher) nameRun(text string, toks []token, covered []bool, cls []string, i, j int, ctx Context) (openMention, bool) {
	s := i
	titled := false
	if translatorBefore(toks, i) {
		return openMention{}, false
	}
	if (ctx.Orig == "cs" || ctx.Orig == "sk") && toks[s].Norm == "s" && initial(toks[s]) && s+1 < j && !initial(toks[s+1]) {
		s++ // "s. Dubček": soudruh, the Czech and Slovak form of address
	}
	monsieur := frenchAddress(ctx, toks[s]) && s+1 < j
	if monsieur {
		s++ // "M. Kohl": Monsieur, not an initial
	}
	for s < j && !initial(toks[s]) && (titleWords[toks[s].Norm] || stopWord(toks[s]) || toks[s].AllCaps) {
		// a title counts when it ends the words before the name ("Foreign
		// Minister X", not "Foreign Policy Files")
		titled = titleWords[toks[s].Norm] && !stopWord(toks[s]) && !modifiers[toks[s].Norm]
		s++
	}
	if s > i && !titled {
		// "Soviet Ambassador X": a title after a covered word
		titled = i > 0 && titleWords[toks[i-1].Norm]
	}
	if s == i && i > 0 && titleWords[toks[i-1].Norm] && !covered[i-1] && titleGap(text, toks[i-1], toks[i]) {
		titled = true
	}
	if s == i && !titled {
		titled = titleAcross(text, toks, covered, cls, i)
	}
	e := j
	for k := s; k < e-1; k++ {
		if strings.HasSuffix(toks[k].Norm, "'s") {
			e = k + 1 // "Tanaka's Visit": the possessor, not what he owns
		}
	}
	for e > s && notPersonWords[strings.TrimSuffix(toks[e-1].Norm, "'s")] {
		e--
	}
	if e <= s {
		return openMention{}, false
	}
	name := toks[s:e]
	if !name[0].Upper {
		return openMention{}, false // "Botschafter der Republik Kuba": a particle begins no name
	}
	for _, t := range name {
		if initial(t) {
			continue
		}
		if stopWord(t) || t.Cyr && notPersonWordsRu[t.Norm] || t.AllCaps && !initial(t) && !allCapsName(toks, s, e) && !rankedCaps(toks, s, e) {
			return openMention{}, false
		}
	}
	nInit := 0
	for nInit < len(name) && initial(name[nInit]) {
		nInit++
	}
	ok, familyFirst := false, false
	switch {
	case nInit == len(name), nInit > 2:
	case nInit > 0:
		ok = utf8.RuneCountInString(name[len(name)-1].Norm) >= 2
	case titled:
		ok = true
	case len(name) >= 2 && givenWord(name[0]):
		ok = true
	case len(name) >= 3 && initial(name[1]) && !initial(name[len(name)-1]) && plainWord(name[0].Norm):
		ok = true // "Lawrence S. Eagleburger": a middle initial
	case len(name) >= 2 && asianName(name) && (len(name) >= 3 || !ctx.vietnamese):
		ok = true
	case len(name) >= 2 && len(name) <= 3 && syllableName(name) && !ctx.vietnamese && s >= 2 && toks[s-1].Norm == "and" &&
		cls[s-2] == vocab.ClassPerson:
		ok = true // "Le Duc Tho and Xuan Thuy": romanised syllables beside a person
	case len(name) == 1 && slavicSurname(name[0]) && !placeBefore(toks, s) && !titleLine(ctx, s) && !placeAnd(toks, cls, s):
		// in Russian, capitalised words in -ов, -ский are also the plurals
		// and adjectives of bodies' names ("Совета Министров")
		ok = !name[0].Cyr && !(sentenceStart(text, toks, s) && adjectiveEnding(name[0].Norm)) && !nounBefore(text, toks, covered, s) ||
			name[0].Cyr && !sentenceStart(text, toks, s) && !strings.HasSuffix(name[0].Norm, "ских") &&
				!strings.Contains(name[0].Norm, "ск") && (s == 0 || !toks[s-1].Upper || !toks[s-1].Cyr)
	case len(name) == 2 && !titleLine(ctx, s) && givenWord(name[1]) && !givenWord(name[0]) &&
		!sentenceStart(text, toks, s) && !name[0].Cyr:
		ok = true // family name first ("Nagy Imre")
		familyFirst = true
	case len(name) >= 2 && sentenceStart(text, toks, s):
		// "Yesterday Saburov …": the first word only opened the sentence
		if len(name) == 2 && slavicSurname(name[1]) {
			name, s = name[1:], s+1
			ok = true
		}
	}
	if !ok {
		return openMention{}, false
	}
	mm, ok := m.unlinked(text, name, Context{})
	if !ok {
		return openMention{}, false
	}
	if ctx.Orig == "fi" {
		mm.Name = finnishNominative(mm.Name)
	}
	if familyFirst {
		// named in English given name first: "Nagy Imre" is Imre Nagy
		mm.Name = text[name[1].Byte:name[1].ByteEnd] + " " + text[name[0].Byte:name[0].ByteEnd]
	}
	if monsieur && s == i+1 {
		mm.Titled = text[toks[i].Byte:name[len(name)-1].ByteEnd]
	} else if s > i && titled {
		mm.Role = roleText(text, toks[i:s])
		mm.Titled = text[toks[rankStart(text, toks, s-1)].Byte:name[len(name)-1].ByteEnd]
	} else if s == i && i > 0 && (titleWords[toks[i-1].Norm] || czechAddress(ctx, toks[i-1])) && sameLine(text, toks[i-1], toks[i]) {
		mm.Titled = text[toks[rankStart(text, toks, i-1)].Byte:name[len(name)-1].ByteEnd]
	}
	return openMention{Mention: mm, tokStart: s, tokEnd: e}, true
}

// titleGap reports whether a title stands in the sentence of the word after
// it: a space between, or the period of an abbreviation ("Gen. Huyser"),
// not the end of a sentence ("… den Bundeskanzler. Die Unterzeichnung").
func titleGap(text string, title, next token) bool {
	switch text[title.ByteEnd:next.Byte] {
	case " ":
		return true
	case ". ", ".":
		return utf8.RuneCountInString(title.Norm) <= 4
	}
	return false
}

// addressWords are forms of address, not roles.
var addressWords = set("sir dame lady monsieur mme madame signor cde comrade comrades com mr mrs ms miss herr frau genosse genossin genossen towarzysz towarzysze tow soudruh soudruzi elvtars tovarishch тов товарищ товарищу товарища товарищи товарищам товарищем тт the")

// roleText is the role written in title words, without forms of address
// ("Comrade First Secretary" -> "First Secretary").
func roleText(text string, toks []token) string {
	for len(toks) > 0 && addressWords[toks[0].Norm] {
		toks = toks[1:]
	}
	for len(toks) > 0 && (addressWords[toks[len(toks)-1].Norm] || !titleWords[toks[len(toks)-1].Norm]) {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].Byte:toks[len(toks)-1].ByteEnd]
}

// titleAcross reports whether a title names the post a country or body
// qualifies before the name: "Ambassador to the USA Dobrynin", "Minister of
// Foreign Affairs of the GDR Fischer".
func titleAcross(text string, toks []token, covered []bool, cls []string, i int) bool {
	sawCountry := false
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		t := toks[k]
		if strings.TrimSpace(text[t.ByteEnd:toks[k+1].Byte]) != "" {
			return false // the words before the name run on without punctuation
		}
		switch {
		case covered[k] && (cls[k] == vocab.ClassCountry || cls[k] == vocab.ClassOrganization):
			sawCountry = true
		case covered[k]:
			return false
		case t.Norm == "to" || t.Norm == "in" || t.Norm == "the" || t.Norm == "of" || t.Norm == "at" || t.Norm == "for":
		case titleWords[t.Norm]:
			return sawCountry
		case t.Upper && (stopWord(t) || t.Norm == "affairs"):
		default:
			return false
		}
	}
	return false
}

// nounBefore reports whether a capitalised word other than a title or a
// given name stands just before toks[s] ("Sąd Wojewódzki"): the two are one
// name, and not a person's.
func nounBefore(text string, toks []token, covered []bool, s int) bool {
	if s == 0 || covered[s-1] {
		return false
	}
	p := toks[s-1]
	return p.Upper && !initial(p) && !titleWords[p.Norm] && !givenWord(p) && text[p.ByteEnd:toks[s].Byte] == " "
}

// czechAddress reports whether a token is "s." (soudruh) in a Czech or
// Slovak record.
// frenchAddress reports whether t is "M.", Monsieur, in a French record.
func frenchAddress(ctx Context, t token) bool {
	return ctx.Orig == "fr" && t.Norm == "m" && initial(t)
}

func czechAddress(ctx Context, t token) bool {
	return (ctx.Orig == "cs" || ctx.Orig == "sk") && t.Norm == "s" && t.DotAfter
}

// adjectiveEnding reports whether a word ends like a Slavic adjective as
// well as a family name ("Sovětský", "Polski").
func adjectiveEnding(w string) bool {
	for _, e := range []string{"sky", "ski", "ska", "cki", "cka", "ckу"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// titleLine reports whether toks[i] stands on a line written in title
// case or capitals (a heading, a title), where capitalised words are no
// sign of a name.
func titleLine(ctx Context, i int) bool {
	return i < len(ctx.titleTok) && ctx.titleTok[i]
}

// titleLines marks the tokens of each line in title case (titleLineAt).
func titleLines(text string, toks []token) []bool {
	out := make([]bool, len(toks))
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && !toks[b].LineStart {
			b++
		}
		if titleLineAt(text, toks, a) {
			for k := a; k < b; k++ {
				out[k] = true
			}
		}
		a = b
	}
	return out
}

func titleLineAt(text string, toks []token, i int) bool {
	a := i
	for a > 0 && !toks[a].LineStart {
		a--
	}
	n, caps := 0, 0
	k := a
	for ; k < len(toks) && (k == a || !toks[k].LineStart); k++ {
		if utf8.RuneCountInString(toks[k].Norm) < 4 {
			continue
		}
		n++
		if toks[k].Upper {
			caps++
		}
	}
	if n < 4 || caps*5 < n*4 {
		return false
	}
	// a sentence that names many bodies ends with a period; a title does not
	end := len(text)
	if k < len(toks) {
		end = toks[k].Byte
	}
	return !strings.HasSuffix(strings.TrimSpace(text[toks[a].Byte:end]), ".")
}

// allCapsName reports whether a capitalised name follows initials, as a
// signature writes it ("A. DOBRYNIN").
func allCapsName(toks []token, s, e int) bool {
	return s < e && initial(toks[s])
}

// finnishNominative gives a name in a Finnish record in the nominative
// from the genitive or accusative the sentence puts it in: a Slavic family
// name without "-in" ("Zaharovin", "Kosyginin"), a Finnish one in "-nen"
// from "-sen" ("Kekkosen"), another without the "-n" after a vowel
// ("Sorsan").
func finnishNominative(name string) string {
	sp := strings.LastIndexByte(name, ' ')
	head, w := name[:sp+1], name[sp+1:]
	switch {
	case len(w) < 5:
	case strings.HasSuffix(w, "sen"):
		w = w[:len(w)-3] + "nen"
	case strings.HasSuffix(w, "in"):
		if base := w[:len(w)-2]; slavicSurname(token{Norm: FoldLatin(strings.ToLower(base))}) {
			w = base
		}
	case strings.HasSuffix(w, "n") && !strings.HasSuffix(w, "nen") && strings.IndexByte("aeiouy", w[len(w)-2]) >= 0:
		w = w[:len(w)-1]
	}
	return head + w
}

// rankWords are the words of a compound military rank ("Major General",
// "генерал-майор").
var rankWords = set("general major lieutenant colonel brigadier генерал майор лейтенант полковник подполковник generalmajor")

// rankStart is the first word of a compound rank that ends at toks[k]
// ("Major General Dibrova", "генерал-майор Диброва"), or k.
func rankStart(text string, toks []token, k int) int {
	if !rankWords[toks[k].Norm] {
		return k
	}
	for k > 0 && rankWords[toks[k-1].Norm] && toks[k-1].Upper == toks[k].Upper {
		if g := text[toks[k-1].ByteEnd:toks[k].Byte]; g != " " && g != "-" {
			break
		}
		k--
	}
	return k
}

// hungarianTitles are the titles and forms of address Hungarian writes
// after a name ("Mock alkancellár úr", "Genscher miniszter"), folded.
var hungarianTitles = set("miniszter kulugyminiszter alkancellar kancellar nagykovet elvtars elvtarsnak ur urnak elnok " +
	"miniszterelnok titkar fotitkar tabornok marsall ugyvivo kovet")

// titleAfter reads a family name of one or two words before a title a
// Hungarian record writes after it ("Mock alkancellár úr").
func (m *Matcher) titleAfter(text string, toks []token, covered []bool, i, j int, ctx Context) (openMention, bool) {
	if ctx.Orig != "hu" || j-i > 2 || j-i == 2 && !givenWord(toks[i+1]) || j >= len(toks) || covered[j] || toks[j].Upper || !hungarianTitles[toks[j].Norm] ||
		text[toks[j-1].ByteEnd:toks[j].Byte] != " " {
		return openMention{}, false
	}
	for _, t := range toks[i:j] {
		if stopWord(t) || titleWords[t.Norm] || t.AllCaps || initial(t) || t.Cyr {
			return openMention{}, false
		}
	}
	mm, ok := m.unlinked(text, toks[i:j], Context{})
	if !ok {
		return openMention{}, false
	}
	e := j + 1
	if e < len(toks) && hungarianTitles[toks[e].Norm] && !toks[e].Upper && text[toks[e-1].ByteEnd:toks[e].Byte] == " " {
		e++ // "alkancellár úr"
	}
	mm.Role = text[toks[j].Byte:toks[j].ByteEnd]
	mm.Titled = text[toks[i].Byte:toks[e-1].ByteEnd]
	return openMention{Mention: mm, tokStart: i, tokEnd: j}, true
}

// rankInCaps reads a name of one or two words in capitals after a rank or
// a diplomat's title in capitals, as a cable in capitals writes it
// ("THE KILLING OF CAPTAIN BONIFAS AND", "AMBASSADOR TABEEV IS SEEN").
func (m *Matcher) rankInCaps(text string, toks []token, covered []bool, i int) (openMention, bool) {
	if !toks[i].AllCaps || !capsRanks[toks[i].Norm] {
		return openMention{}, false
	}
	e := i + 1
	for e < len(toks) && e-i <= 2 && !covered[e] && toks[e].AllCaps && text[toks[e-1].ByteEnd:toks[e].Byte] == " " &&
		!notNames[toks[e].Norm] && !titleWords[toks[e].Norm] && !notPersonWords[toks[e].Norm] && !capsRanks[toks[e].Norm] &&
		utf8.RuneCountInString(toks[e].Norm) >= 3 {
		e++
	}
	if e == i+1 {
		return openMention{}, false
	}
	if e < len(toks) && toks[e].AllCaps && text[toks[e-1].ByteEnd:toks[e].Byte] == " " && !notPersonWords[toks[e].Norm] {
		return openMention{}, false // a longer run of capitals: not clearly a name
	}
	mm, ok := m.unlinked(text, toks[i+1:e], Context{})
	if !ok {
		return openMention{}, false
	}
	mm.Role = titleCase(toks[i].Norm)
	mm.Titled = text[toks[i].Byte:toks[e-1].ByteEnd]
	return openMention{Mention: mm, tokStart: i + 1, tokEnd: e}, true
}

// rankedCaps reports whether a name of one or two words in capitals
// follows a military rank or a diplomat's title in capitals, as a cable
// writes it ("CAPTAIN BONIFAS", "AMBASSADOR TABEEV").
func rankedCaps(toks []token, s, e int) bool {
	if s == 0 || e-s > 2 || !toks[s-1].AllCaps || !capsRanks[toks[s-1].Norm] {
		return false
	}
	for _, t := range toks[s:e] {
		if !t.AllCaps || notNames[t.Norm] || titleWords[t.Norm] {
			return false
		}
	}
	return true
}

var capsRanks = set("captain lieutenant major colonel general admiral sergeant private ambassador marshal")

// asianName reports whether words are a romanised East Asian name: a family
// name of the inventory, then given-name words made of romanised syllables.
func asianName(name []token) bool {
	if len(name) > 4 || !asianSurnames[name[0].Norm] {
		return false
	}
	for _, t := range name[1:] {
		if t.Cyr || !segmentSyllables(strings.ReplaceAll(t.Norm, "'", ""), 0) {
			return false
		}
	}
	return true
}

// AsianFamilyName is the folded family name of a romanised East Asian name
// ("chou" for "Chou En-lai", "kim" for "Kim Il Sung"), or "".
func AsianFamilyName(name string) string {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	toks := tokenizeInto(sc, name)
	if len(toks) >= 2 && asianName(toks) {
		return toks[0].Norm
	}
	return ""
}

// syllableName reports whether every word is made of romanised syllables.
func syllableName(name []token) bool {
	for _, t := range name {
		if t.Cyr || !segmentSyllables(strings.ReplaceAll(t.Norm, "'", ""), 0) {
			return false
		}
	}
	return true
}

// slavicSurname reports whether a word has the ending of a Slavic family
// name ("Saburov", "Андропова", "Kania" does not).
func slavicSurname(t token) bool {
	w := strings.TrimSuffix(t.Norm, "'s")
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	if t.Cyr {
		return cyrSurnameBase(w) != ""
	}
	for _, s := range slavicSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// cyrSurnameBase is a Russian family name in any case reduced to the
// nominative ("брежневу" -> "брежнев"), or "".
func cyrSurnameBase(w string) string {
	for _, suf := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		for _, end := range []string{"", "а", "у", "ым", "е"} {
			if strings.HasSuffix(w, suf+end) {
				return strings.TrimSuffix(w, end)
			}
		}
	}
	for _, end := range []string{"ский", "ского", "скому", "ским", "ском"} {
		if strings.HasSuffix(w, end) {
			return strings.TrimSuffix(w, end) + "ский"
		}
	}
	if strings.HasSuffix(w, "енко") {
		return w
	}
	return ""
}

// translatorBefore reports whether toks[i] follows "translated by" or
// "translator": a translator is no entity of the record.
func first(toks []token, i int) token { return toks[i] }

func translatorBefore(toks []token, i int) bool {
	if i > 0 && (toks[i-1].Norm == "translator" || toks[i-1].Norm == "translators") {
		return true
	}
	if i > 0 && toks[i-1].Norm == "by" {
		for k := i - 2; k >= 0 && k >= i-6; k-- {
			switch toks[k].Norm {
			case "translated", "translation", "obtained", "edited", "transcribed", "prepared", "compiled", "introduced":
				return true
			}
		}
	}
	return false
}

// placeAnd reports whether toks[i] is coordinated with a place or country
// before it ("посетить Гоби и Хархорин"): a place too, whatever its ending.
func placeAnd(toks []token, cls []string, i int) bool {
	return i >= 2 && (toks[i-1].Norm == "и" || toks[i-1].Norm == "and" || toks[i-1].Norm == "und") &&
		(cls[i-2] == vocab.ClassPlace || cls[i-2] == vocab.ClassCountry)
}

func placeBefore(toks []token, i int) bool {
	return i > 0 && placePreps[toks[i-1].Norm]
}

var ordinals = set("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth")

// placeHeads end (or, for "lake", begin) a place's name.
var placeHeads = set("river island islands bay sea strait canal lake province district region peninsula gulf mountains valley square street strasse airport oblast county")

// motionWords before "to" or "for" make what follows a destination.
var motionWords = set("arrived arrive arrives arriving went go goes going flew fly flying travelled traveled travel travelling trip visit visits journey returned return returning sent moved came come left leave leaving")

// placeRun reads a place the gazetteer lacks: capitalised words after "in",
// "at", "near", "from", or "to" after a verb of motion ("arrived in
// Budapest", "flew to Havana"), or ending with a place's head word
// ("Ussuri River", "Brijuni Islands").
func placeRun(text string, toks []token, covered []bool, cls []string, i, j int, ctx Context) (openMention, bool) {
	for k := i + 1; k < j; k++ {
		if initial(toks[k]) {
			j = k // "in Kabul J. Bruce Amstutz": a person's name begins
			break
		}
	}
	if ctx.germanTok != nil && ctx.germanTok[i] || j-i > 3 || toks[i].Cyr || toks[i].AllCaps || stopWord(toks[i]) && !directions[toks[i].Norm] ||
		titleWords[toks[i].Norm] || givenWord(toks[i]) || initial(toks[i]) {
		return openMention{}, false
	}
	if directions[toks[i].Norm] && j-i == 1 {
		return openMention{}, false
	}
	for k := i; k < j; k++ {
		if toks[k].AllCaps || titleWords[toks[k].Norm] || stopWord(toks[k]) && !placeHeads[toks[k].Norm] && !directions[toks[k].Norm] {
			return openMention{}, false
		}
	}
	e := j
	headed := j-i >= 2 && placeHeads[toks[j-1].Norm] || j-i >= 2 && toks[i].Norm == "lake"
	cue := false
	if i > 0 && sameLine(text, toks[i-1], toks[i]) && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
		switch p := toks[i-1].Norm; {
		case p == "in" || p == "near" || p == "at":
			cue = true
		case p == "to" || p == "for" || p == "from":
			cue = i > 1 && motionWords[toks[i-2].Norm]
		case p == "the":
			// "over the Danube", "in the Kremlin"
			cue = i > 1 && (placeAfterThe[toks[i-2].Norm] || toks[i-2].Norm == "to" && i > 2 && motionWords[toks[i-3].Norm])
		case p == "and" || p == "or":
			// "from Hungary and Budapest": a place coordinated with a place
			cue = i > 1 && (cls[i-2] == vocab.ClassPlace || cls[i-2] == vocab.ClassCountry) && placePreps[placeOpener(toks, cls, i-2)]
		}
	}
	if !cue && toks[i].LineStart && j < len(toks) && strings.HasPrefix(text[toks[j-1].ByteEnd:toks[j].Byte], ",") &&
		sameLine(text, toks[j-1], toks[j]) && (monthWords[toks[j].Norm] || isDigits(toks[j].Norm)) {
		cue = true // a dateline: "Havana, October 26, 1962"
	}
	if !headed && !cue {
		return openMention{}, false
	}
	if !headed && e-i == 1 && e < len(toks) && sameLine(text, toks[e-1], toks[e]) && text[toks[e-1].ByteEnd:toks[e].Byte] == " " &&
		!toks[e].Upper && adjectival(toks[i].Norm) {
		return openMention{}, false // "in Afghan uniforms", "in Literární listy"
	}
	first, last := toks[i], toks[e-1]
	written := text[first.Byte:last.ByteEnd]
	name := strings.TrimSuffix(strings.TrimSuffix(written, "'s"), "’s")
	return openMention{Mention: Mention{Class: vocab.ClassPlace, Name: name, Start: first.Start, End: last.End, Text: written, By: ByRule},
		tokStart: i, tokEnd: e}, true
}

// placeAfterThe are the prepositions after which "the X" is a place.
var placeAfterThe = set("over across along in at near into beyond behind")

var monthWords = set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec")

// placeOpener is the word before the mention of a place or country that
// ends at toks[k] (the preposition that opened the coordination).
func placeOpener(toks []token, cls []string, k int) string {
	c := cls[k]
	for k > 0 && cls[k-1] == c {
		k--
	}
	if k == 0 {
		return ""
	}
	return toks[k-1].Norm
}

// adjectival reports whether a word ends like an adjective of nationality
// or a Slavic adjective.
func adjectival(w string) bool {
	for _, e := range []string{"an", "ese", "ish", "ic", "ni", "ny", "sky", "ska", "ske", "ki"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

var directions = set("north south east west northern southern eastern western central upper lower new")

// firstOf is the index of the first "of" in toks[i:j], or -1.
func firstOf(toks []token, i, j int) int {
	for k := i; k < j; k++ {
		if toks[k].Norm == "of" {
			return k
		}
	}
	return -1
}

// lastOf is the index of the last "of" in toks[i:j], or -1.
func lastOf(toks []token, i, j int) int {
	for k := j - 1; k > i; k-- {
		if toks[k].Norm == "of" {
			return k
		}
	}
	return -1
}

// orgOpeners are capitalised words that may stand before a body's name
// without being part of it.
var orgOpeners = set("our their his her its my your this that these those monday tuesday wednesday thursday friday saturday sunday")

// orgStops end an organisation's name in a title-cased line ("Delegation
// of the Romanian Workers' Party Led by …").
var orgStops = set("led headed chaired accompanied signed sent received with to from by at in on")

// orgHeads are the words an organisation's name is built on.
var orgHeads = set(`ministry committee party embassy bureau council commission department agency secretariat politburo
government army forces navy court tribunal khural parliament sejm volkskammer bundestag congress
presidium academy institute command directorate administration front league federation association
министерство комитет партия посольство бюро совет комиссия отдел`)

// namedEventHeads are the nouns that make a capitalised English name an
// event's: a treaty, a conference, a war ("Treaty of Friendship and
// Cooperation", "International Conference on Laos", "Colombo Conference").
var namedEventHeads = set("treaty conference summit agreement accords accord pact crisis war uprising declaration communique communiqué plan")

// eventLinks are the lower-case words an event's name may hold between
// its capitalised ones.
var eventLinks = set("of on for the and between in")

// eventRun reads an event's name the gazetteer lacks: capitalised English
// words, joined by "of", "on", "and" …, with an event's head noun among
// them, two words or more ("Treaty of Mutual Cooperation and Security",
// "Colombo Conference"). A name the gazetteer knows is linked.
func (m *Matcher) eventRun(text string, toks []token, covered []bool, cls []string, i int, ctx Context) (openMention, bool) {
	if toks[i].Cyr || toks[i].AllCaps || !toks[i].Upper || ctx.germanTok != nil && ctx.germanTok[i] ||
		i > 0 && (covered[i-1] || toks[i-1].Upper && !functionWords[toks[i-1].Norm]) && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
		// "Colombo Conference" is read with its place (Find); "North
		// Atlantic Treaty" begins before "Atlantic"
		return openMention{}, false
	}
	j, head, lastCap, between := i, -1, -1, false
	for j < len(toks) && j-i < 14 {
		t := toks[j]
		if covered[j] && head >= 0 && j > i && (cls[j] == vocab.ClassPlace || cls[j] == vocab.ClassCountry) {
			// "International Conference on Laos", "Treaty of Friendship
			// between the USSR and Mozambique": the places it is of
			p := toks[j-1].Norm
			if p == "the" && j-2 > i {
				p = toks[j-2].Norm
			}
			if p != "on" && p != "in" && p != "between" && !((p == "and" || p == "of") && between) {
				break
			}
			c, e := cls[j], j
			for j < len(toks) && covered[j] && cls[j] == c && (j == e || text[toks[j-1].ByteEnd:toks[j].Byte] == " ") {
				lastCap = j
				j++
			}
			if p != "between" && !between {
				break
			}
			continue
		}
		if t.Norm == "between" && head >= 0 {
			between = true
		}
		if covered[j] || t.struck || t.Han || t.Cyr || t.AllCaps || initial(t) {
			break
		}
		if j > i && text[toks[j-1].ByteEnd:t.Byte] != " " && !(text[toks[j-1].ByteEnd:t.Byte] == "-" && t.Upper) {
			break
		}
		if t.Upper {
			if namedEventHeads[t.Norm] {
				head = j
			}
			lastCap = j
		} else if !eventLinks[t.Norm] || j == i {
			break
		}
		j++
	}
	if head < 0 || lastCap < head || lastCap == i && head == i {
		return openMention{}, false
	}
	end := lastCap + 1
	if head == i && end-i < 3 {
		return openMention{}, false // "Treaty of X" needs its X
	}
	if end < len(toks) && text[toks[end-1].ByteEnd:toks[end].Byte] == "-" {
		return openMention{}, false // "Conference on the Sino-Indian …": the name goes on
	}
	for k := i; k < end; k++ {
		w := toks[k].Norm
		if k < head && (titleWords[w] && !modifiers[w] || addressWords[w] || monthWords[w] || notPersonWords[w] && !eventWords[w]) {
			return openMention{}, false // "Foreign Minister Plan", "Subject Conference"
		}
	}
	if titleLine(ctx, i) && toks[i].LineStart {
		return openMention{}, false
	}
	first, last := toks[i], toks[end-1]
	name := text[first.Byte:last.ByteEnd]
	mm := Mention{Class: vocab.ClassEvent, Name: name, Start: first.Start, End: last.End, Text: name, By: ByRule}
	if e := m.g.Lookup(name); e != nil && e.Class == vocab.ClassEvent {
		mm.Entry, mm.By = e, ByName
	}
	return openMention{Mention: mm, tokStart: i, tokEnd: end}, true
}

// eventWords are words of events' names that notPersonWords holds.
var eventWords = set("international national peace security central supreme general world great socialist economic")

// bodyOfBody names the body of toks[i:j] ("International Department of
// the") within the known body at toks[j] ("CC CPSU"): from its first head
// word, titles before it left out; the gazetteer's where it knows the name.
func (m *Matcher) bodyOfBody(text string, toks []token, covered []bool, ent []*vocab.Entry, i, j int) (openMention, bool) {
	e := ent[j]
	k := j
	for k < len(toks) && covered[k] && ent[k] == e {
		k++
	}
	start := -1
	for t := i; t < j; t++ {
		if start < 0 && orgHeads[toks[t].Norm] && toks[t].Upper {
			start = t
		}
	}
	if start < 0 {
		return openMention{}, false
	}
	for start > i && toks[start-1].Upper && !titleWords[toks[start-1].Norm] && !functionWords[toks[start-1].Norm] ||
		start > i && toks[start-1].Upper && modifiers[toks[start-1].Norm] && toks[start-1].Norm != "deputy" {
		start-- // "International Department", "General Department"
	}
	of := lastOf(toks, start, j)
	if of <= start {
		return openMention{}, false
	}
	first, last := toks[start], toks[k-1]
	name := strings.TrimSpace(text[first.Byte:toks[of-1].ByteEnd]) + " of the " + e.Name
	mm := Mention{Class: vocab.ClassOrganization, Name: name, Start: first.Start, End: last.End, Text: text[first.Byte:last.ByteEnd], By: ByRule}
	party := strings.TrimPrefix(e.Name, "Central Committee of the ")
	for _, n := range []string{name, strings.TrimSpace(text[first.Byte:toks[of-1].ByteEnd]) + " of the " + party} {
		// "Politburo of the CC SED" is the gazetteer's Politburo of the SED
		if g := m.g.Lookup(n); g != nil && g.Class == vocab.ClassOrganization {
			mm.Entry, mm.Name, mm.By = g, g.Name, ByName
			break
		}
	}
	return openMention{Mention: mm, tokStart: start, tokEnd: k}, true
}

// orgRun reads an organisation named by its head word: capitalised words
// around a head, joined by "of", "for", "the", "and" ("Committee for State
// Security", "Ministry of Foreign Affairs of Hungary", "Socialist Unity
// Party of Germany"). A head alone ("the Ministry") is not a name.
func (m *Matcher) orgRun(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, i int, ctx Context) (openMention, bool) {
	j, head, lastCap := i, -1, -1
	for j < len(toks) && j-i < 12 {
		t := toks[j]
		if t.struck || t.Han {
			break
		}
		if j > i && strings.ContainsAny(text[toks[j-1].ByteEnd:t.Byte], "\n,;:()[]\".") {
			break
		}
		if covered[j] {
			// a country or body named within ("Ministry of Foreign Affairs of Hungary")
			ofBefore := j > i && toks[j-1].Norm == "of" || j > i+1 && toks[j-1].Norm == "the" && toks[j-2].Norm == "of"
			if ofBefore && cls[j] == vocab.ClassOrganization && ent[j] != nil && strings.HasPrefix(ent[j].Name, "Central Committee of ") {
				// "International Department of the CC CPSU": a department
				// of a known Central Committee
				if mm, ok := m.bodyOfBody(text, toks, covered, ent, i, j); ok {
					return mm, true
				}
			}
			if !ofBefore || cls[j] != vocab.ClassCountry {
				break
			}
			c := cls[j]
			for j < len(toks) && covered[j] && cls[j] == c {
				lastCap = j
				j++
			}
			if j < len(toks) && covered[j] && cls[j] == vocab.ClassOrganization && ent[j] != nil && text[toks[j-1].ByteEnd:toks[j].Byte] == " " {
				// "Presidium of the USSR Supreme Soviet": a body of a known body
				e := ent[j]
				k := j
				for k < len(toks) && covered[k] && ent[k] == e {
					k++
				}
				// "Chairman of the Presidium …": the body begins after the post
				start := i
				for t := i; t < j; t++ {
					if toks[t].Upper && titleWords[toks[t].Norm] && !modifiers[toks[t].Norm] && !orgHeads[toks[t].Norm] {
						start = -1
					} else if start < 0 && orgHeads[toks[t].Norm] {
						start = t
					}
				}
				of := -1
				if start >= 0 {
					of = lastOf(toks, start, j)
				}
				if of > start {
					first, last := toks[start], toks[k-1]
					name := strings.TrimSpace(text[first.Byte:toks[of-1].ByteEnd]) + " of the " + e.Name
					return openMention{Mention: Mention{Class: vocab.ClassOrganization, Name: name, Start: first.Start, End: last.End,
						Text: text[first.Byte:last.ByteEnd], By: ByRule}, tokStart: start, tokEnd: k}, true
				}
			}
			continue
		}
		if initial(t) || t.Upper && orgStops[t.Norm] {
			break
		}
		switch {
		case t.Upper && !isDigits(t.Norm):
			if orgHeads[strings.TrimSuffix(t.Norm, "'s")] {
				head = j
			}
			lastCap = j
		case j > i && (t.Norm == "of" || t.Norm == "for" || t.Norm == "the" || t.Norm == "on"):
		case j > i && t.Norm == "and" && j+1 < len(toks) && toks[j+1].Upper && !covered[j+1]:
		default:
			j = len(toks) // stop
			continue
		}
		j++
	}
	if head < 0 || lastCap < head {
		return openMention{}, false
	}
	end := lastCap + 1
	for i < head && (toks[i].Norm == "the" || monthWords[toks[i].Norm] || orgOpeners[toks[i].Norm]) {
		i++ // "June the Great People's Khural", "Our Embassy"
	}
	if end+1 < len(toks) && toks[end].Norm == "in" && covered[end+1] && (cls[end+1] == vocab.ClassPlace || cls[end+1] == vocab.ClassCountry) &&
		sameLine(text, toks[end-1], toks[end+1]) && (orgHeads[toks[head].Norm] && (toks[head].Norm == "embassy" || toks[head].Norm == "court" || toks[head].Norm == "consulate")) {
		// "Provincial Court in Warsaw", "Embassy of Yugoslavia in Budapest"
		k := end + 1
		for k+1 < len(toks) && covered[k+1] && cls[k+1] == cls[end+1] && ent[k+1] == ent[end+1] {
			k++
		}
		end = k + 1
	}
	if of := firstOf(toks, i, head); of > i {
		// "Delegation of the Romanian Workers' Party": the body is after "of"
		hasHead := false
		for k := i; k < of; k++ {
			hasHead = hasHead || orgHeads[toks[k].Norm]
		}
		if !hasHead {
			i = of + 1
			if i < end && toks[i].Norm == "the" {
				i++
			}
			if i >= end {
				return openMention{}, false
			}
		}
	}
	n := end - i
	if n < 2 || ordinals[toks[i].Norm] || toks[i].Norm == "the" || titleWords[toks[i].Norm] && !orgHeads[toks[i].Norm] && !modifiers[toks[i].Norm] ||
		toks[i].AllCaps || toks[head].AllCaps || titleLine(ctx, i) && !strings.Contains(text[first(toks, i).Byte:toks[end-1].ByteEnd], " of ") {
		return openMention{}, false
	}
	first, last := toks[i], toks[end-1]
	written := text[first.Byte:last.ByteEnd]
	for k := i; k < end; k++ {
		if toks[k].Upper && (addressWords[toks[k].Norm] || titleWords[toks[k].Norm] && !modifiers[toks[k].Norm] && !orgHeads[toks[k].Norm]) {
			return openMention{}, false // a post or a person's title, not a body
		}
	}
	name := strings.TrimSuffix(strings.TrimSuffix(written, "'s"), "’s")
	if strings.Contains(name, "\n") {
		return openMention{}, false
	}
	for _, b := range []string{"Presidium of the ", "Secretariat of the "} {
		// "Presidium of the Communist Party of Czechoslovakia": a ruling
		// party's Presidium is its Central Committee's
		if rest := strings.TrimPrefix(name, b); rest != name && partyOf[rest] != "" {
			name = b + "Central Committee of the " + rest
		}
	}
	if head, ok := genericBodies[strings.ToLower(name)]; ok {
		// a bare "Foreign Ministry" is a body of the country written before
		// it ("USSR Foreign Ministry"); alone, it names none for certain
		if i == 0 || cls[i-1] != vocab.ClassCountry || ent[i-1] == nil || text[toks[i-1].ByteEnd:first.Byte] != " " {
			return openMention{}, false
		}
		home := ent[i-1].Name
		mm := m.qualifyHead(Mention{Class: vocab.ClassOrganization, Start: first.Start, End: last.End, Text: written}, head, home, ctx.Date)
		return openMention{Mention: mm, tokStart: i, tokEnd: end}, true
	}
	return openMention{Mention: Mention{Class: vocab.ClassOrganization, Name: name, Start: first.Start, End: last.End,
		Text: written, By: ByRule}, tokStart: i, tokEnd: end}, true
}

// lists finds the items of a list of persons: after a cue ("Present:",
// "Присутствовали:", "Comrades"), or in a list of which two items are
// already known persons ("Brezhnev, Kosygin, Pervukhin and Saburov").
func (m *Matcher) lists(text string, toks []token, covered []bool, cls []string) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		cue := listCues[toks[i].Norm] && i+1 < len(toks) && strings.Contains(text[toks[i].ByteEnd:toks[i+1].Byte], ":")
		cue = cue || (toks[i].Norm == "comrades" || toks[i].Norm == "товарищи" || toks[i].Norm == "тт") && i+1 < len(toks) && toks[i+1].Upper
		start := i + 1
		if !cue {
			if i+1 >= len(toks) || cls[i] != vocab.ClassPerson || (i > 0 && cls[i-1] == vocab.ClassPerson) {
				continue
			}
			start = i
		}
		items := listItems(text, toks, start)
		if len(items) < 2 && !cue {
			continue
		}
		persons, others := 0, 0
		for _, it := range items {
			for k := it[0]; k < it[1]; k++ {
				if cls[k] == vocab.ClassPerson {
					persons++
					break
				} else if cls[k] != "" {
					others++
					break
				}
			}
		}
		if !cue && (persons < 2 || others > 0 || len(items) < 3) {
			continue
		}
		for _, it := range items {
			s, e := it[0], it[1]
			for s < e && titleWords[toks[s].Norm] {
				s++
			}
			if s == e || e-s > 4 {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				free = free && !covered[k] && !stopWord(toks[k]) && !notPersonWordsRu[toks[k].Norm]
			}
			if !free {
				continue
			}
			if mm, ok := m.unlinked(text, toks[s:e], Context{}); ok {
				mm.By = ByList
				if e-s == 2 && givenWord(toks[s+1]) && !givenWord(toks[s]) && !toks[s].Cyr {
					// "Kádár János": family name first, named given name first
					mm.Name = text[toks[s+1].Byte:toks[s+1].ByteEnd] + " " + text[toks[s].Byte:toks[s].ByteEnd]
				}
				out = append(out, mm)
				for k := s; k < e; k++ {
					covered[k] = true
					cls[k] = vocab.ClassPerson
				}
			}
		}
		if len(items) > 0 {
			i = items[len(items)-1][1] - 1
		}
	}
	return out
}

// listItems splits a list from toks[i]: runs of capitalised words
// separated by commas, semicolons, "and", "и", "und"; it ends at a period
// or a lower-case word.
func listItems(text string, toks []token, i int) [][2]int {
	var items [][2]int
	k := i
	for k < len(toks) && len(items) < 40 {
		if !toks[k].Upper || toks[k].Han || toks[k].struck {
			break
		}
		s := k
		k++
		for k < len(toks) {
			gap := text[toks[k-1].ByteEnd:toks[k].Byte]
			if (gap == " " || gap == "-" || (gap == "." || gap == ". ") && initial(toks[k-1])) && (toks[k].Upper || gap == "-") {
				k++
				continue
			}
			break
		}
		items = append(items, [2]int{s, k})
		if k >= len(toks) {
			break
		}
		gap := strings.TrimRight(text[toks[k-1].ByteEnd:toks[k].Byte], " \t")
		switch {
		case strings.HasPrefix(gap, ",") || strings.HasPrefix(gap, ";"):
			g := strings.TrimLeft(gap[1:], " \t\n")
			if g != "" {
				return items
			}
			if toks[k].Norm == "and" || toks[k].Norm == "и" || toks[k].Norm == "und" {
				k++
			}
		case strings.TrimSpace(gap) == "" && !strings.Contains(gap, "\n") && (toks[k].Norm == "and" || toks[k].Norm == "и" || toks[k].Norm == "und"):
			k++
		default:
			return items
		}
	}
	return items
}

// givenOf lists what the gazetteer knows of a person's given names: their
// folded first letters (with I, J and Y alike, Cyrillic transliterated).
func givenOf(e *vocab.Entry) map[byte]bool {
	out := map[byte]bool{}
	add := func(text string) {
		ws := strings.Fields(strings.ReplaceAll(text, ".", ". "))
		if len(ws) < 2 || titleWords[strings.ToLower(strings.Trim(ws[0], "."))] {
			return
		}
		if c := initialKey(ws[0]); c != 0 {
			out[c] = true
		}
	}
	add(e.Name)
	for _, l := range e.Labels {
		add(l.Text)
	}
	return out
}

// initialKey is the folded first letter of a given name or initial.
func initialKey(w string) byte {
	r, _ := utf8.DecodeRuneInString(w)
	if r >= 0x400 && r <= 0x4ff {
		t := Translit(string(unicode.ToLower(r)))
		if t == "" {
			return 0
		}
		r = rune(t[0])
	}
	r = fold(r)
	switch r {
	case 'j', 'y':
		r = 'i'
	case 'w':
		r = 'v' // "W. I. Kotschemassow": the German and Polish V
	}
	if r >= 'a' && r <= 'z' {
		return byte(r)
	}
	return 0
}

// StripTitles takes the titles, ranks and forms of address off the front of
// a person's name ("Soviet Ambassador Smirnov" -> "Smirnov", role
// "Ambassador"); rest is "" when the name is nothing else.
func StripTitles(name string) (rest, role string) {
	ws := strings.Fields(name)
	k := 0
	var roles []string
	for k < len(ws) {
		w := strings.ToLower(strings.Trim(ws[k], ".,"))
		w = FoldLatin(w)
		if !titleWords[w] && !notPersonWords[w] && !addressWords[w] {
			break
		}
		if titleWords[w] && !addressWords[w] {
			roles = append(roles, ws[k])
		} else if len(roles) > 0 {
			roles = roles[:0]
		}
		k++
	}
	return strings.Join(ws[k:], " "), strings.Join(roles, " ")
}

// BodyName reports whether a name is a body's: an organisation's head
// word, then "of" ("Embassy of Hungary in China", "Ministry of Foreign
// Affairs").
func BodyName(name string) bool {
	ws := strings.Fields(name)
	return len(ws) >= 3 && orgHeads[strings.ToLower(ws[0])] && ws[1] == "of"
}

// IsPatronymic reports whether a word is a Russian patronymic ("Ilyich",
// "Vladimirovich").
func IsPatronymic(w string) bool { return patronymic(FoldLatin(strings.ToLower(w))) }

// GivenAgrees reports whether a given name with this folded first letter
// may be the gazetteer person's ('i' stands for I, J and Y alike).
func GivenAgrees(e *vocab.Entry, first byte) bool {
	known := givenOf(e)
	return len(known) == 0 || known[first]
}

// GivenNameAgrees reports whether a given name written in full ("Ivone"
// of "Sir Ivone Kirkpatrick") may be that of the gazetteer person e: its
// first letter must be one the gazetteer gives e, and where the gazetteer
// writes e's given name in full, the written one must be a spelling of
// one of them. Spellings agree when their consonants do, after the
// letters romanisations trade (ph/f, kh/ch/h, w/v, x/ks, c/k, z/s) and
// with a doubled letter written once, or when they differ by one letter;
// so "Iosif", "Józef" and "Joseph" agree, "Gheorghe" and "Georgi" too,
// while "Ivone" and "Jeane", whose first letters fold alike, do not.
func GivenNameAgrees(e *vocab.Entry, given string) bool {
	if !GivenAgrees(e, initialKey(given)) {
		return false
	}
	if utf8.RuneCountInString(given) < 3 || strings.Contains(given, ".") {
		return true // an initial: the first letter is all there is
	}
	w := FoldLatin(strings.ToLower(given))
	if w != "" && w[0] >= 0x80 {
		w = FoldLatin(Translit(w))
	}
	sk := givenSkeleton(w)
	known := givenNamesOf(e)
	for _, g := range known {
		gs := givenSkeleton(g)
		if gs == sk || within1(g, w) || len(sk) >= 2 && strings.HasPrefix(gs, sk) || len(gs) >= 2 && strings.HasPrefix(sk, gs) {
			return true
		}
	}
	return len(known) == 0
}

// givenNamesOf lists the given names the gazetteer writes e with in full
// (folded, in Latin letters), not initials nor titles.
func givenNamesOf(e *vocab.Entry) []string {
	var out []string
	add := func(text string) {
		ws := strings.Fields(text)
		if len(ws) < 2 || strings.Contains(ws[0], ".") || utf8.RuneCountInString(ws[0]) < 3 || titleWords[strings.ToLower(ws[0])] {
			return
		}
		w := FoldLatin(strings.ToLower(strings.Trim(ws[0], ",")))
		if w != "" && w[0] >= 0x80 {
			w = FoldLatin(Translit(w))
		}
		if w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	add(e.Name)
	for _, l := range e.Labels {
		add(l.Text)
	}
	return out
}

// givenSkeleton is a folded given name's consonants after its first
// letter, with the letters romanisations trade made one.
func givenSkeleton(w string) string {
	if w == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(w)
	rest := w[n:]
	for _, r := range [][2]string{{"ph", "f"}, {"kh", "h"}, {"ch", "h"}, {"x", "ks"}, {"w", "v"}, {"c", "k"}, {"q", "k"}, {"z", "s"}} {
		rest = strings.ReplaceAll(rest, r[0], r[1])
	}
	var b []byte
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if strings.IndexByte("aeiouyjh-'", c) >= 0 || c >= 0x80 {
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// givenBefore returns the given name or initials written just before
// toks[i] ("Robert Kennedy", "N.G. Kuznetsov"), as the index of the first
// such token, or -1.
func givenBefore(text string, toks []token, covered []bool, i int, ctx Context) int {
	k := i
	for k > 0 && i-k < 3 {
		p := toks[k-1]
		if covered[k-1] || p.struck || !p.Upper || p.Han || p.AllCaps || !sameLine(text, p, toks[k]) || czechAddress(ctx, p) && !initial(toks[k]) || frenchAddress(ctx, p) {
			break
		}
		gap := text[p.ByteEnd:toks[k].Byte]
		if initial(p) && (gap == "." || gap == ". ") {
			k--
			continue
		}
		if gap == " " && k != i && initial(toks[k]) && givenWord(p) {
			// "Lawrence S. Eagleburger": a given name before a middle initial
			k--
			break
		}
		if gap != " " || k != i || titleWords[p.Norm] || stopWord(p) || notPersonWordsRu[p.Norm] || placePreps[p.Norm] {
			break
		}
		if !givenWord(p) && (sentenceStart(text, toks, k-1) || !plainWord(p.Norm)) && !patronymic(p.Norm) {
			break
		}
		k--
		if patronymic(p.Norm) && k > 0 && !covered[k-1] && toks[k-1].Upper && plainWord(toks[k-1].Norm) &&
			text[toks[k-1].ByteEnd:toks[k].Byte] == " " {
			k-- // "Leonid Ilyich Brezhnev": the given name before the patronymic
		}
		break
	}
	if k == i {
		return -1
	}
	return k
}

// patronymic reports whether a word is a Russian patronymic ("Ilyich",
// "Andreevich", "Ивановна").
func patronymic(w string) bool {
	for _, suf := range []string{"ovich", "evich", "ich", "ovna", "evna", "ович", "евич", "ич", "овна", "евна", "ична"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) > len([]rune(suf))+1 {
			return true
		}
	}
	return false
}

func plainWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}

// agrees reports whether the given name or initials toks may be those of
// the gazetteer person e: a first letter the gazetteer never gives e
// contradicts, and so do two initials where it writes two others.
func agrees(e *vocab.Entry, toks []token) bool {
	known := givenOf(e)
	if len(known) == 0 || len(toks) == 0 {
		return true
	}
	if !known[initialKey(toks[0].Norm)] {
		return false
	}
	if !initial(toks[0]) && !GivenNameAgrees(e, toks[0].Norm) {
		return false
	}
	if len(toks) >= 2 && initial(toks[0]) && initial(toks[1]) {
		pairs := initialPairs(e)
		if len(pairs) > 0 && !pairs[string([]byte{initialKey(toks[0].Norm), initialKey(toks[1].Norm)})] {
			return false
		}
	}
	return true
}

// initialPairs are the first two initials the gazetteer writes a person
// with ("vv" for "V.V. Kuznetsov").
func initialPairs(e *vocab.Entry) map[string]bool {
	out := map[string]bool{}
	for _, l := range e.Labels {
		ws := strings.Fields(strings.ReplaceAll(l.Text, ".", ". "))
		if len(ws) >= 3 && strings.HasSuffix(ws[0], ".") && strings.HasSuffix(ws[1], ".") {
			out[string([]byte{initialKey(ws[0]), initialKey(ws[1])})] = true
		}
	}
	return out
}

// initialsAfter returns the end of initials written after a surname, in
// the Russian order ("Кузнецов В.А."), or i when there are none.
func initialsAfter(text string, toks []token, covered []bool, i int) int {
	k := i
	for k < len(toks) && k-i < 2 && !covered[k] && initial(toks[k]) && utf8.RuneCountInString(toks[k].Norm) == 1 &&
		sameLine(text, toks[k-1], toks[k]) {
		gap := text[toks[k-1].ByteEnd:toks[k].Byte]
		if k == i && gap != " " || k > i && gap != "." {
			break
		}
		k++
	}
	if k-i == 2 || k-i == 1 && (k == len(toks) || !toks[k].Upper) {
		return k
	}
	return i
}

// IsGivenName reports whether a word is a given name of the languages the
// records are written in ("Lajos", "Pál").
func IsGivenName(w string) bool { return givenNames[FoldLatin(strings.ToLower(w))] }
