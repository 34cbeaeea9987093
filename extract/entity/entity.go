// Package entity finds the entities a text mentions: every label,
// pseudonym and collective name of the gazetteer, in English (with
// Wade-Giles and pinyin spellings), Russian (with case endings) and
// Chinese, and capitalised names the gazetteer lacks where the text marks
// them as persons ("Cde. X", "товарищ X", a signature line). Matching walks
// a trie of normalised words built once per gazetteer, so a document costs
// one pass per version.
package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// How a mention names its entity.
const (
	ByName       = "name"       // the canonical name or a label
	ByPseudonym  = "pseudonym"  // a cover name
	ByCollective = "collective" // a demonym or collective ("the Mexicans")
	ByRule       = "rule"       // not in the gazetteer: a name the text marks as a person
	ByFuzzy      = "fuzzy"      // a misread (OCR) form of a known name
)

// Mention is one mention in a text. Start and End are offsets in code
// points; Entry is nil for names the gazetteer lacks.
type Mention struct {
	Entry       *vocab.Entry
	Class, Name string
	Start, End  int
	Text        string // as written
	By          string
	Label       *vocab.Label // the gazetteer label matched, nil for rules
	Role        string       // the title or role written before a name ("First Secretary")
	Titled      string       // the name with the title or form of address written before it ("Genosse Maron")
	// Blocked is the gazetteer person a name was not linked to because
	// its given name or initials contradict the gazetteer's.
	Blocked *vocab.Entry
	// whole: the mention's words are one name with nothing named inside
	// it ("AMEMBASSY TOKYO" is the embassy, not also the city)
	whole bool
}

// Context is what matching needs to know of the document: its date (ISO
// 8601 prefix) and original language, which select period-bound labels
// ("Kuznetsov" as Stalin's cover name before 1950), and the country whose
// bodies a bare "Politburo" or "Foreign Ministry" means (see Home).
type Context struct {
	Date, Orig string
	Home       string // canonical gazetteer name of a country, or ""

	germanTok  []bool   // per token: in a paragraph written in German
	inflect    bool     // the record's language declines names in Latin letters
	endings    []string // its case endings
	titleTok   []bool   // per token: on a line in title case
	vietnamese bool     // the text is Vietnamese, as Find guesses it
}

// Matcher finds gazetteer entities in text. It is safe for concurrent use.
type Matcher struct {
	g     *vocab.Gazetteer
	root  *node
	fuzzy map[rune][]fuzzyLabel
	// firstWords has a bit set for the hash of every word a label begins
	// with: most words of a text begin none, and are rejected by one bit
	// instead of a look-up in the root's large map
	firstWords *[1 << 10]uint64
}

// wordBit is the bit of a word in Matcher.firstWords: a hash of its
// length and its first two, middle and last two bytes, which costs the
// same for every word (two bytes at each end, not one, tell apart more
// of the words that share a length and their ends: "the", "tie", "toe")
func wordBit(w string) (int, uint64) {
	n := len(w)
	x := uint64(n)
	if n > 0 {
		x |= uint64(w[0])<<8 | uint64(w[n/2])<<24 | uint64(w[n-1])<<40
	}
	if n > 1 {
		x |= uint64(w[1])<<16 | uint64(w[n-2])<<32
	}
	h := x * 0x9E3779B97F4A7C15
	return int(h >> 54), 1 << ((h >> 48) & 63)
}

type node struct {
	// next maps a word to the node it leads to while the trie is built;
	// New then keeps it only where a node has many words (the root) and
	// moves the others' few words into keys and kids, scanned in order,
	// cheaper than a map's hash for a handful of words
	next map[string]*node
	keys []string
	kids []*node
	ends []target
}

// maxScan is the most words a node keeps in keys and kids, not a map.
const maxScan = 8

// freeze moves the words of nodes with at most maxScan of them from their
// maps into keys and kids.
func (n *node) freeze() {
	for _, nx := range n.next {
		nx.freeze()
	}
	if len(n.next) == 0 {
		n.next = nil
		return
	}
	if len(n.next) > maxScan {
		return
	}
	n.keys = make([]string, 0, len(n.next))
	n.kids = make([]*node, 0, len(n.next))
	for k, nx := range n.next {
		n.keys = append(n.keys, k)
		n.kids = append(n.kids, nx)
	}
	n.next = nil
}

// child is the node word key leads to from n, or nil.
func (n *node) child(key string) *node {
	if n.next != nil {
		return n.next[key]
	}
	for i, k := range n.keys {
		if len(k) == len(key) && k == key {
			return n.kids[i]
		}
	}
	return nil
}

type target struct {
	entry *vocab.Entry
	label *vocab.Label
	by    string
	caps  []capReq
	// inflected: the path of the label's Latin-letter stems ("sovetsk svaz"
	// of "Sovětský svaz"), taken only in a language that declines names
	inflected bool
}

type capReq uint8

const (
	capAny capReq = iota
	capUpper
	capAll
)

type fuzzyLabel struct {
	words int    // how many words
	norm  string // letters only
	runes int    // code points in norm
	entry *vocab.Entry
	label *vocab.Label
	by    string
}

// New builds a matcher for a gazetteer.
func New(g *vocab.Gazetteer) *Matcher {
	m := &Matcher{g: g, root: &node{}, fuzzy: map[rune][]fuzzyLabel{}}
	for _, e := range g.Entries {
		name := &vocab.Label{Text: e.Name, Lang: "en"}
		m.add(e, name, ByName)
		for i := range e.Labels {
			m.add(e, &e.Labels[i], ByName)
		}
		if e.Class == vocab.ClassPerson {
			for _, l := range derivedLabels(e) {
				m.add(e, l, ByName)
			}
		}
		for i := range e.Pseudonyms {
			m.add(e, &e.Pseudonyms[i], ByPseudonym)
		}
		for i := range e.Collectives {
			m.add(e, &e.Collectives[i], ByCollective)
		}
	}
	m.firstWords = new([1 << 10]uint64)
	for w := range m.root.next {
		i, b := wordBit(w)
		m.firstWords[i] |= b
	}
	m.root.freeze()
	return m
}

// derivedLabels are the names a person's full Russian name implies: the
// given name and patronymic by which Russians address and refer to one
// another ("Leonid Ilyich" of "Leonid Ilyich Brezhnev").
func derivedLabels(e *vocab.Entry) []*vocab.Label {
	var out []*vocab.Label
	seen := map[string]bool{}
	for _, l := range e.Labels {
		ws := strings.Fields(l.Text)
		if len(ws) != 3 || !patronymic(strings.ToLower(ws[1])) {
			continue
		}
		t := ws[0] + " " + ws[1]
		if !seen[t] {
			seen[t] = true
			out = append(out, &vocab.Label{Text: t, Lang: l.Lang, From: l.From, Until: l.Until, Orig: l.Orig})
		}
	}
	return out
}

// Gazetteer returns the gazetteer the matcher was built from.
func (m *Matcher) Gazetteer() *vocab.Gazetteer { return m.g }

func (m *Matcher) add(e *vocab.Entry, l *vocab.Label, by string) {
	toks := tokenize(l.Text)
	if len(toks) == 0 {
		return
	}
	n := m.root
	caps := make([]capReq, len(toks))
	for i, t := range toks {
		key := labelStem(t.Norm, t.Cyr, t.AllCaps)
		if e.Class == vocab.ClassPerson && t.Cyr && indeclinableEnd(t.Norm) {
			key = t.Norm // "Бидо", "Гюго": a foreign name in a vowel keeps it in every case
		}
		switch {
		case t.AllCaps && utf8.RuneCountInString(t.Norm) <= 5 && len(toks) <= 2:
			caps[i] = capAll // an acronym: "US" is not "us"
		case t.Upper && !t.Han && (i > 0 || len(toks) == 1 || utf8.RuneCountInString(t.Norm) == 1 && len(toks) > 1):
			// a letter of an abbreviation is a capital ("S/P" is not "s. P.")
			caps[i] = capUpper // "the war in Korea" matches "War in Korea"
		}
		if n.next == nil {
			n.next = map[string]*node{}
		}
		nx := n.next[key]
		if nx == nil {
			nx = &node{}
			n.next[key] = nx
		}
		n = nx
	}
	n.ends = append(n.ends, target{entry: e, label: l, by: by, caps: caps})
	m.addStems(e, l, by, toks, caps)
	if by != ByCollective && e.Class == vocab.ClassPerson {
		f := letterKey(l.Text)
		if utf8.RuneCountInString(f) >= 4 {
			r, _ := utf8.DecodeRuneInString(f)
			m.fuzzy[r] = append(m.fuzzy[r], fuzzyLabel{words: wordCount(l.Text), norm: f, runes: utf8.RuneCountInString(f), entry: e, label: l, by: by})
		}
	}
}

// addStems adds the path of a Latin-letter label's stems, where a word
// ends in a vowel a case ending replaces ("Gomułka": "Gomułki", "Gomułce";
// "Sovětský svaz": "Sovětským svazem").
func (m *Matcher) addStems(e *vocab.Entry, l *vocab.Label, by string, toks []token, caps []capReq) {
	keys := make([]string, len(toks))
	changed := false
	for i, t := range toks {
		keys[i] = t.Norm
		if t.Cyr || t.Han || t.AllCaps {
			continue
		}
		st := latinStem(t.Norm)
		if l.Lang == "de" {
			st = germanStem(t.Norm)
		}
		if st != t.Norm {
			keys[i], changed = st, true
		}
	}
	if !changed {
		return
	}
	n := m.root
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		nx := n.next[k]
		if nx == nil {
			nx = &node{}
			n.next[k] = nx
		}
		n = nx
	}
	n.ends = append(n.ends, target{entry: e, label: l, by: by, caps: caps, inflected: true})
}

// letterKey is the lower-cased letters of s.
func letterKey(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) {
			sb.WriteRune(fold(r))
		}
	}
	return sb.String()
}

// Find returns the mentions in text, in order, without overlaps: at each
// word the longest label that applies to the document wins.
func (m *Matcher) Find(text string, ctx Context) []Mention {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	toks := tokenizeInto(sc, text)
	ctx.germanTok, ctx.vietnamese = guessLanguage(text, toks)
	ctx.inflect = inflecting[ctx.Orig]
	ctx.endings = endingsOf(ctx.Orig)
	markNameWords(text, toks)
	ctx.titleTok = titleLines(text, toks)
	out := sc.out[:0]
	var buf []string
	covered := resize(sc.covered, len(toks))
	cls := resize(sc.cls, len(toks))
	ent := resize(sc.ent, len(toks))
	sc.covered, sc.cls, sc.ent = covered, cls, ent
	for i := 0; i < len(toks); {
		if toks[i].struck {
			i++
			continue
		}
		end, tg := m.longest(toks, i, ctx, &buf)
		if tg == nil {
			i++
			continue
		}
		mm := mention(text, toks[i], toks[end-1], tg)
		start := i
		if tg.entry.Class == vocab.ClassOrganization && tg.by == ByName && i > 0 && !covered[i-1] && toks[i-1].Upper &&
			!toks[i-1].AllCaps && !sentenceStart(text, toks, i-1) && !titleWords[toks[i-1].Norm] && !functionWords[toks[i-1].Norm] &&
			text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
			// "National Security Council" is not the Security Council: a
			// longer name the gazetteer lacks
			i++
			continue
		}
		if (tg.entry.Class == vocab.ClassPlace || tg.entry.Class == vocab.ClassCountry) && tg.by == ByName && i > 0 && !covered[i-1] &&
			compass[toks[i-1].Norm] && toks[i-1].Upper && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
			// "West Berlin", "South Vietnam": a part the gazetteer may lack
			name := text[toks[i-1].Byte:toks[i-1].ByteEnd] + " " + tg.entry.Name
			mm = Mention{Class: tg.entry.Class, Name: name, Start: toks[i-1].Start, End: toks[end-1].End,
				Text: text[toks[i-1].Byte:toks[end-1].ByteEnd], By: ByRule}
			if e := m.g.Lookup(name); e != nil && e.Class == tg.entry.Class {
				mm.Entry, mm.Name, mm.By = e, e.Name, ByName
			}
			start = i - 1
		}
		if tg.by == ByCollective && i > 0 && !covered[i-1] && compass[toks[i-1].Norm] && toks[i-1].Upper &&
			text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
			// "South Vietnamese troops" are South Vietnam's, "Eastern
			// European states" none of Europe's: the compass word makes
			// another country or a region
			e := m.g.Lookup(text[toks[i-1].Byte:toks[i-1].ByteEnd] + " " + tg.entry.Name)
			if e == nil || e.Class != tg.entry.Class {
				for k := i - 1; k < end; k++ {
					covered[k] = true
				}
				i = end
				continue
			}
			mm.Entry, mm.Name, mm.Class = e, e.Name, e.Class
			mm.Start, mm.Text = toks[i-1].Start, text[toks[i-1].Byte:toks[end-1].ByteEnd]
			start = i - 1
		}
		if (tg.entry.Class == vocab.ClassPlace || tg.entry.Class == vocab.ClassCountry) && tg.by == ByName && end < len(toks) &&
			text[toks[end-1].ByteEnd:toks[end].Byte] == " " && toks[end].Upper && !toks[end].AllCaps && newspaperWords[toks[end].Norm] {
			// "New York Times", "Washington Post": a newspaper, not the city
			e := end + 1
			name := text[toks[i].Byte:toks[end].ByteEnd]
			mm = Mention{Class: vocab.ClassOrganization, Name: name, Start: toks[i].Start, End: toks[end].End, Text: name, By: ByRule}
			if g := m.g.Lookup(name); g != nil && g.Class == vocab.ClassOrganization {
				mm.Entry, mm.Name, mm.By = g, g.Name, ByName
			}
			for k := i; k < e; k++ {
				covered[k] = true
				cls[k] = vocab.ClassOrganization
			}
			out = append(out, mm)
			i = e
			continue
		}
		if tg.entry.Class == vocab.ClassCountry && tg.by == ByName && end < len(toks) && text[toks[end-1].ByteEnd:toks[end].Byte] == " " &&
			geoHeads[toks[end].Norm] {
			// "Jordan Valley", "the Congo river": a feature named after
			// the country, not the country
			for k := i; k <= end; k++ {
				covered[k] = true
			}
			i = end + 1
			continue
		}
		if (tg.entry.Class == vocab.ClassPlace || tg.entry.Class == vocab.ClassCountry) && tg.by == ByName && end < len(toks) &&
			text[toks[end-1].ByteEnd:toks[end].Byte] == " " && placeEventHeads[toks[end].Norm] && toks[end].Upper && !toks[end].AllCaps &&
			(end+1 >= len(toks) || !toks[end+1].Upper || text[toks[end].ByteEnd:toks[end+1].Byte] != " ") {
			// "the Moscow Treaty", "the Colombo Conference": an event
			// named after the place, not the place ("the Port Arthur
			// agreement" is prose about the place)
			written := text[toks[i].Byte:toks[end].ByteEnd]
			ev := Mention{Class: vocab.ClassEvent, Name: written, Start: toks[i].Start, End: toks[end].End, Text: written, By: ByRule}
			if e := m.g.Lookup(written); e != nil && e.Class == vocab.ClassEvent {
				ev.Entry, ev.By = e, ByName
			}
			out = append(out, ev)
			for k := i; k <= end; k++ {
				covered[k], cls[k] = true, vocab.ClassEvent
			}
			i = end + 1
			continue
		}
		if tg.entry.Class == vocab.ClassPlace && tg.by == ByName && i > 1 && toks[i-1].Norm == "of" &&
			instrumentHeads[toks[i-2].Norm] && toks[i-2].Upper && !toks[i-2].AllCaps &&
			text[toks[i-2].ByteEnd:toks[i-1].Byte] == " " && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
			// "the Charter of Paris", "the Treaty of Rome": the city names
			// the instrument signed there, the record speaks of the instrument
			for k := i; k < end; k++ {
				covered[k] = true
			}
			i = end
			continue
		}
		if (tg.entry.Class == vocab.ClassPlace || tg.entry.Class == vocab.ClassCountry) && tg.by == ByName && end < len(toks) &&
			text[toks[end-1].ByteEnd:toks[end].Byte] == " " && facilityHeads[toks[end].Norm] && !toks[end].Cyr {
			// "Beijing airport", "Xinjiang Hall", "the Vlora naval base": a
			// place named after the city or province, not it
			e := end + 1
			if toks[end].Norm == "naval" || toks[end].Norm == "air" {
				if e >= len(toks) || toks[e].Norm != "base" || text[toks[e-1].ByteEnd:toks[e].Byte] != " " {
					e = -1
				} else {
					e++
				}
			}
			if e > 0 {
				written := text[toks[i].Byte:toks[e-1].ByteEnd]
				out = append(out, Mention{Class: vocab.ClassPlace, Name: written, Start: toks[i].Start, End: toks[e-1].End, Text: written, By: ByRule})
				for k := i; k < e; k++ {
					covered[k], cls[k] = true, vocab.ClassPlace
				}
				i = e
				continue
			}
		}
		if (tg.entry.Class == vocab.ClassPlace || tg.entry.Class == vocab.ClassCountry) && ctx.inflect && end < len(toks) &&
			compassAfter(toks[end].Norm) && text[toks[end-1].ByteEnd:toks[end].Byte] == " " {
			// "Europy Wschodniej", "Evropy východní": a region named with
			// the compass word after it is not the whole
			i = end
			continue
		}
		if tg.entry.Class == vocab.ClassPerson && tg.by == ByName && end-i == 1 {
			// "Кузнецов В.А.": initials after the surname
			if a := initialsAfter(text, toks, covered, end); a > end {
				if agrees(tg.entry, toks[end:a]) {
					mm = mention(text, toks[i], toks[a-1], tg)
					mm.By = ByInitials
				} else if u, ok := m.unlinked(text, toks[i:i+1], ctx); ok {
					var ini strings.Builder
					for _, t := range toks[end:a] {
						ini.WriteString(Translit(text[t.Byte:t.ByteEnd]) + ".")
					}
					u.Name = ini.String() + " " + u.Name
					u.End, u.Text = toks[a-1].End, text[toks[i].Byte:toks[a-1].ByteEnd]
					u.Blocked = tg.entry
					mm = u
				}
				for k := end; k < a; k++ {
					covered[k] = true
				}
				end = a
			}
		}
		if tg.entry.Class == vocab.ClassPerson && tg.by == ByName && mm.By == ByName && end-i == 1 {
			// "Chiang Ching-kuo" is not Chiang Kai-shek: an East Asian family
			// name followed by another given name
			if g := givenAfter(text, toks, covered, end); g > end && asianName(toks[i:g]) {
				if u, ok := m.unlinked(text, toks[i:g], ctx); ok {
					u.Blocked = tg.entry
					mm = u
					for k := end; k < g; k++ {
						covered[k] = true
					}
					end = g
				}
			}
		}
		if tg.entry.Class == vocab.ClassPerson && tg.by == ByName && mm.By == ByName {
			// "Robert Kennedy", "N.G. Kuznetsov": a given name or initials
			// before a surname must agree with the gazetteer's person
			g := givenBefore(text, toks, covered, i, ctx)
			if g >= 0 && end-i >= 2 && givenWord(toks[i]) && !initial(toks[g]) && !translatorBefore(toks, g) {
				// "Comandante en Jefe Fidel Castro": the label holds the
				// given name already; the word before it is no other one
				g = -1
			}
			if g >= 0 {
				if translatorBefore(toks, g) {
					// "Translated by Hope Harrison": no entity of the record
					for k := g; k < end; k++ {
						covered[k] = true
					}
					i = end
					continue
				}
				if agrees(tg.entry, toks[g:i]) {
					mm = mention(text, toks[g], toks[end-1], tg)
					mm.By = ByInitials
				} else if u, ok := m.unlinked(text, toks[g:end], ctx); ok {
					u.Blocked = tg.entry
					mm = u
				}
				start = g
			}
		}
		if tg.entry.Class == vocab.ClassPlace && mm.Class == vocab.ClassPlace && tg.by == ByName && end < len(toks) && !covered[end] &&
			toks[end].Upper && !toks[end].AllCaps && text[toks[end-1].ByteEnd:toks[end].Byte] == "-" &&
			utf8.RuneCountInString(toks[end].Norm) >= 4 && !m.labelAt(toks, end, ctx) {
			// "Berlin-Niederschönhausen", "Berlin-Karlshorst": a part of the
			// city with a name of its own ("Moscow-Beijing" names two)
			written := text[toks[start].Byte:toks[end].ByteEnd]
			mm = Mention{Class: vocab.ClassPlace, Name: written, Start: toks[start].Start, End: toks[end].End, Text: written, By: ByRule}
			end++
		}
		if tg.entry.Class == vocab.ClassPerson && mm.Class == vocab.ClassPerson && end < len(toks) && !covered[end] && toks[end].Upper && !toks[end].Cyr == !toks[end-1].Cyr &&
			text[toks[end-1].ByteEnd:toks[end].Byte] == "-" && utf8.RuneCountInString(toks[end].Norm) >= 3 && !m.personAt(toks, end, ctx) &&
			(end+1 >= len(toks) || !pairNouns[toks[end+1].Norm]) {
			// "A. I. Tsedenbal-Filatova": a double family name is someone
			// else's than the first name's bearer
			if u, ok := m.unlinked(text, toks[start:end+1], ctx); ok {
				u.Blocked = tg.entry
				mm = u
				end++
			}
		}
		if mm.Class == vocab.ClassPerson && mm.Role == "" && mm.By != ByCollective {
			// "First Secretary Gierek", "Marshal Grechko": the title the
			// record writes before a known name is the person's role here
			if t := titleStart(text, toks, covered, start); t < start {
				mm.Role = roleText(text, toks[t:start])
				if mm.Titled == "" {
					mm.Titled = text[toks[t].Byte:toks[end-1].ByteEnd]
				}
			} else if r := titleStart(text, toks, covered, end-1); r < end-1 && r <= start {
				mm.Role = roleText(text, toks[start:end-1]) // a label with its title: "Marshal Grechko"
			}
		}
		if mm.Entry != nil && mm.Class == vocab.ClassOrganization && genericLabel(mm.Label) && end < len(toks) &&
			(toks[end].Norm == "of" || toks[end].Norm == "цк" || toks[end].Norm == "cc") && sameLine(text, toks[end-1], toks[end]) {
			// "the Politburo of the CC of the Hungarian Workers' Party": the
			// body is named in full after it (read by partyBodies and open)
			i++
			continue
		}
		if mm.Entry != nil && mm.Class == vocab.ClassOrganization {
			c := ctx
			if i > 0 && cls[i-1] == vocab.ClassCountry && ent[i-1] != nil && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
				c.Home = ent[i-1].Name // "Hungarian Politburo"
			} else if i > 0 && !covered[i-1] && text[toks[i-1].ByteEnd:toks[i].Byte] == " " {
				if a := stemCountry(toks[i-1].Norm); a != "" {
					c.Home = periodState(a, ctx.Date) // "sovětské ministerstvo zahraničních věcí"
				}
			}
			mm = m.qualify(mm, c)
		}
		capital := false // a capital standing for its state ("influence in Havana")
		if tg.entry.Class == vocab.ClassPlace && tg.by == ByName && metonymy(text, toks, i, end) {
			// "Moscow says", "Washington rejects these charges", "a policy
			// toward Islamabad": a capital for its state
			if c := m.g.Lookup(capitalOf(tg.entry.Name, ctx.Date)); c != nil {
				mm = Mention{Entry: c, Class: c.Class, Name: c.Name, Start: mm.Start, End: mm.End, Text: mm.Text, By: ByCollective}
				capital = true
			}
		}
		if mm.By == ByCollective && mm.Class == vocab.ClassCountry && end < len(toks) && !toks[end].Upper &&
			(toks[end].Norm == "party" || toks[end].Norm == "партия" || toks[end].Norm == "партии") &&
			text[toks[end-1].ByteEnd:toks[end].Byte] == " " {
			// "the Romanian party", "венгерская партия": the country's
			// ruling party on the record's date
			if p := m.partyEntry(homeParty(mm.Name, ctx.Date), ctx); p != nil {
				mm = Mention{Entry: p, Class: p.Class, Name: p.Name, Start: mm.Start, End: toks[end].End,
					Text: text[toks[i].Byte:toks[end].ByteEnd], By: ByContext}
				end++
			}
		}
		if mm.By == ByCollective && end < len(toks) && collectiveNouns[toks[end].Norm] && text[toks[end-1].ByteEnd:toks[end].Byte] == " " {
			// "the Chinese comrades", "our Polish friends": people of a
			// country, not the country
			for k := i; k < end; k++ {
				covered[k] = true
			}
			i = end
			continue
		}
		if mm.By == ByCollective && mm.Entry != nil && dividedAt(mm.Entry.Name, ctx.Date) {
			// "the German question", "the Korean side" in a record of the
			// years of two German or Korean states: neither state for sure
			for k := i; k < end; k++ {
				covered[k] = true
			}
			i = end
			continue
		}
		if mm.By == ByCollective && !capital && languageUse(text, toks, i, end) {
			// "English Translation", "in Russian": a language, not a country
			for k := i; k < end; k++ {
				covered[k] = true
			}
			i = end
			continue
		}
		out = append(out, mm)
		// a name that ends a longer one is mentioned too: "XIX Congress
		// of the VKP(b)", "the war in Korea"; an event's name may hold one
		// anywhere ("Korean armistice negotiations")
		from := i + 1
		// "the Carter administration" names the president as well
		admin := tg.label != nil && strings.HasSuffix(tg.label.Text, " administration")
		switch tg.entry.Class {
		case vocab.ClassEvent:
			from = i
		case vocab.ClassPlace:
			from = end // "Latin America" does not mention America
		}
		if admin {
			from = i
		}
		for k := from; k < end; k++ {
			e2, t2 := m.longestBut(toks, k, ctx, tg.entry)
			if t2 == nil || e2 > end || t2.entry.Class == tg.entry.Class || toks[k].Han || t2.by == ByCollective && tg.entry.Class != vocab.ClassEvent {
				continue
			}
			if tg.entry.Class == vocab.ClassOrganization && strings.Contains(tg.entry.Name, " Party") &&
				(t2.entry.Class == vocab.ClassCountry || t2.entry.Class == vocab.ClassPlace) {
				// "Трудовой партии Кореи", "Đảng Lao động Việt Nam": the
				// country in a party's name is the party's name, not a
				// mention of the country
				continue
			}
			if (tg.entry.Class == vocab.ClassCountry || tg.entry.Class == vocab.ClassPlace) && (t2.entry.Class == vocab.ClassCountry || t2.entry.Class == vocab.ClassPlace) {
				continue // "South Korea" does not mention the peninsula, nor "East Germany" Germany
			}
			if tg.entry.Class == vocab.ClassOrganization && (t2.entry.Class == vocab.ClassCountry || t2.entry.Class == vocab.ClassPlace) &&
				k > i && toks[k-1].Upper && !toks[k].AllCaps && text[toks[k-1].ByteEnd:toks[k].Byte] == " " {
				// "Radio Free Europe", "Svobodná Evropa": a place the
				// name's words qualify is the name, not a place the
				// record speaks of ("Ministry of Foreign Affairs of
				// Hungary" and "Госплан СССР" name the state)
				continue
			}
			if e2 == end || tg.entry.Class == vocab.ClassEvent || admin && t2.entry.Class == vocab.ClassPerson {
				out = append(out, mention(text, toks[k], toks[e2-1], t2))
				k = e2 - 1
			}
		}
		for k := start; k < end; k++ {
			covered[k] = true
			cls[k] = mm.Class
			ent[k] = mm.Entry
		}
		i = end
	}
	out = append(out, m.rules(text, toks, covered, cls, ent, ctx)...)
	out = notPersons(text, toks, out, ctx)
	sortMentions(out)
	var res []Mention
	if len(out) > 0 {
		res = slices.Clone(innerBodies(out))
	}
	switch {
	case ctx.Orig == "mn":
		caseForms(res, mongolianSuffixes)
	case slavicLatin[ctx.Orig]:
		caseForms(res, slavicCaseEndings)
	}
	clear(out)
	sc.out = out[:0]
	return res
}

// resize returns s with n zero elements, reusing its array when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// innerBodies drops a name inside a mention that is one name as a whole,
// and an organisation named only inside a longer
// organisation's name ("KSČ" in "KSČ Presidium", "Supreme Soviet" in
// "Presidium of the USSR Supreme Soviet"): the record speaks of the body.
func innerBodies(ms []Mention) []Mention {
	out := ms[:0]
	for i, m := range ms {
		inner := false
		for k := i - 1; k >= 0 && k >= i-4 && !inner; k-- {
			inner = ms[k].whole && ms[k].Start <= m.Start && ms[k].End >= m.End
		}
		for k := i + 1; k < len(ms) && ms[k].Start == m.Start && !inner; k++ {
			inner = ms[k].whole && ms[k].End > m.End
		}
		if m.Class == vocab.ClassOrganization {
			for k := i - 1; k >= 0 && k >= i-4 && !inner; k-- {
				o := ms[k]
				inner = o.Class == vocab.ClassOrganization && o.Start <= m.Start && o.End >= m.End && o.End-o.Start > m.End-m.Start
			}
			for k := i + 1; k < len(ms) && ms[k].Start == m.Start && !inner; k++ {
				o := ms[k]
				inner = o.Class == vocab.ClassOrganization && o.End > m.End
			}
		}
		if !inner {
			out = append(out, m)
		}
	}
	return out
}

// pairNouns after "X-Y" make it a pair of people, not a double family name
// ("the Nixon-Sato communique", "Reagan-Gorbachev talks").
var pairNouns = set("communique communiqué talks meeting meetings summit line pact agreement treaty plan axis correspondence negotiations dialogue")

// labelAt reports whether a gazetteer label begins at toks[k].
func (m *Matcher) labelAt(toks []token, k int, ctx Context) bool {
	var buf []string
	_, tg := m.longest(toks, k, ctx, &buf)
	return tg != nil
}

// personAt reports whether a gazetteer person's label begins at toks[k]
// ("Sato" in "Nixon-Sato communique": two people, no double name).
func (m *Matcher) personAt(toks []token, k int, ctx Context) bool {
	var buf []string
	_, tg := m.longest(toks, k, ctx, &buf)
	return tg != nil && tg.entry.Class == vocab.ClassPerson
}

func mention(text string, a, b token, tg *target) Mention {
	return Mention{Entry: tg.entry, Class: tg.entry.Class, Name: tg.entry.Name, Start: a.Start, End: b.End,
		Text: text[a.Byte:b.ByteEnd], By: tg.by, Label: tg.label}
}

// longest walks the trie from toks[i] and returns the end of the longest
// applicable match and its target.
func (m *Matcher) longest(toks []token, i int, ctx Context, buf *[]string) (int, *target) {
	return m.longestBut(toks, i, ctx, nil)
}

// longestBut is longest, leaving out the labels of one entry.
func (m *Matcher) longestBut(toks []token, i int, ctx Context, not *vocab.Entry) (int, *target) {
	w := walker{toks: toks, i: i, ctx: ctx, not: not, bestEnd: -1, first: m.firstWords}
	w.walk(m.root, i)
	return w.bestEnd, w.best
}

type walker struct {
	toks    []token
	i       int
	ctx     Context
	not     *vocab.Entry
	bestEnd int
	best    *target
	first   *[1 << 10]uint64 // the matcher's firstWords
}

func (w *walker) walk(n *node, k int) {
	if k > w.i {
		for x := range n.ends {
			tg := &n.ends[x]
			// a label bound to a period beats an unbounded one of the same
			// words: "Mongolia" in a record of 1966 is the Mongolian
			// People's Republic, not the state of 1992, and "CPV" in one
			// of 1978 the Vietnamese party, not the Chinese volunteers
			longer := k > w.bestEnd || k == w.bestEnd && w.best != nil && (tg.label.Until != "" || tg.label.From != "") &&
				w.best.label.Until == "" && w.best.label.From == "" && w.best.entry.Class == tg.entry.Class
			if longer && tg.entry != w.not && (!tg.inflected || w.ctx.inflect || w.ctx.germanTok != nil && w.ctx.germanTok[w.i]) && tg.label.Applies(w.ctx.Date, w.ctx.Orig) && capsOK(w.toks[w.i:k], tg.caps) {
				w.bestEnd, w.best = k, tg
			}
		}
	}
	if k >= len(w.toks) || n.next == nil && n.kids == nil || w.toks[k].struck {
		return
	}
	var local [8]string
	cands := w.toks[k].candidates(local[:0])
	if w.ctx.Orig == "bg" && w.toks[k].Cyr {
		cands = bulgarianCandidates(w.toks[k].Norm, cands)
	} else if w.toks[k].Hangul {
		cands = koreanCandidates(w.toks[k].Norm, cands)
	} else if w.ctx.inflect && !w.toks[k].Cyr && !w.toks[k].Han {
		cands = latinCandidates(w.toks[k].Norm, cands, w.ctx.endings)
	} else if w.ctx.germanTok != nil && w.ctx.germanTok[k] && !w.toks[k].Cyr && !w.toks[k].Han {
		// German genitives and adjective endings: "Präsident Kennedys",
		// "des Nationalen Verteidigungsrates"
		cands = germanCandidates(w.toks[k].Norm, cands)
	}
	for c, key := range cands {
		if k == w.i {
			// at the root: a word no label begins with goes no further
			if i, b := wordBit(key); w.first[i]&b == 0 {
				continue
			}
		}
		if nx := n.child(key); nx != nil {
			dup := false
			for _, prev := range cands[:c] {
				dup = dup || prev == key
			}
			if !dup {
				w.walk(nx, k+1)
			}
		}
	}
}

func capsOK(toks []token, caps []capReq) bool {
	for i, c := range caps {
		switch c {
		case capUpper:
			if !toks[i].Upper {
				return false
			}
		case capAll:
			if !toks[i].AllCaps && utf8.RuneCountInString(toks[i].Norm) > 1 {
				return false
			}
			if !toks[i].Upper {
				return false
			}
		}
	}
	return true
}

func sortMentions(ms []Mention) {
	// insertion sort: the rule mentions are few and come last
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// Resolve returns the entity a name (as a title or list writes it: "Cde.
// G.M. Malenkov", "the Chairman", "Chairman of … Mao Zedong") stands for:
// the first person it mentions, else the first entity; nil when the
// gazetteer knows none.
func (m *Matcher) Resolve(name string, ctx Context) *Mention {
	ms := m.Find(name, ctx)
	for i := range ms {
		if ms[i].Class == vocab.ClassPerson && ms[i].By != ByCollective && ms[i].By != ByRule {
			return &ms[i]
		}
	}
	for i := range ms {
		if ms[i].By != ByCollective && ms[i].By != ByRule {
			return &ms[i]
		}
	}
	return nil
}

// Fuzzy returns the person label one misread away from name (letters
// only, four or more), for names misread by OCR ("Фын Сн" for "Фын Си")
// or spelled by another transliteration ("Tabeev", "Tabeyev"). Only the
// edits misreading or transliteration make count (misread): "Olszewski"
// is one letter from "Olszowski" but another man's name, and a link to
// the other would be false.
func (m *Matcher) Fuzzy(name string) *fuzzyLabel {
	k := letterKey(name)
	if utf8.RuneCountInString(k) < 4 {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(k)
	n := wordCount(name)
	nk := utf8.RuneCountInString(k)
	for i := range m.fuzzy[r] {
		f := &m.fuzzy[r][i]
		// a misread letter, not a word more or less: "Aristov" is not
		// "A. Aristov" with the initial misread away
		if f.words == n && f.runes-nk <= 1 && nk-f.runes <= 1 && misread(f.norm, k) {
			return f
		}
	}
	return nil
}

// wordCount is the number of runs of letters in s.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		l := unicode.IsLetter(r)
		if l && !in {
			n++
		}
		in = l
	}
	return n
}

// misread reports whether b is a or a misreading of it: one letter read
// as another of the same shape (Cyrillic и, н, п; ш and щ; Latin c, e,
// o; n and u; i and l), a doubled letter read once or a single one twice
// ("Филипов"), or a letter transliterations add or drop (y, j, i, й, ь,
// ъ: "Tabeev", "Tabeyev"). Any other edit makes another name.
func misread(a, b string) bool {
	if a == b {
		return true
	}
	if !within1(a, b) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return sameShape(ra[i], rb[i])
	}
	// ra has one letter more, at i
	x := ra[i]
	if (i > 0 && ra[i-1] == x) || (i+1 < len(ra) && ra[i+1] == x) {
		return true
	}
	return strings.ContainsRune("yjiйьъ", x)
}

// shapes are pairs of letters OCR reads one for another, and of letters
// transliterations write for one sound ("e" and "o" are neither: the
// vowel changes the name).
var shapes = []string{"ин", "нп", "шщ", "ce", "co", "nu", "il", "ij", "iy", "йи", "ьъ"}

func sameShape(x, y rune) bool {
	for _, g := range shapes {
		if strings.ContainsRune(g, x) && strings.ContainsRune(g, y) {
			return true
		}
	}
	return false
}

// Within1 reports whether a and b differ by at most one edit (an added,
// dropped or changed letter).
func Within1(a, b string) bool { return within1(a, b) }

// within1 reports whether a and b differ by at most one edit.
func within1(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if i == len(rb) {
		return true // equal, or one letter more at the end
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

var germanWords = set("der die das und nicht ist mit den dem des ein eine wir sie zu auf für von")

// guessLanguage tells German paragraphs (where every noun is capitalised)
// and Vietnamese text (where every syllable is a word) from the rest.
func guessLanguage(text string, toks []token) (german []bool, vietnamese bool) {
	german = make([]bool, len(toks))
	for a := 0; a < len(toks); {
		// a paragraph: up to a blank line
		b := a + 1
		for b < len(toks) && !strings.Contains(text[toks[b-1].ByteEnd:toks[b].Byte], "\n\n") {
			b++
		}
		de, en := 0, 0
		for _, t := range toks[a:b] {
			switch {
			case germanWords[t.Norm]:
				de++
			case t.Norm == "the" || t.Norm == "of" || t.Norm == "and" || t.Norm == "to":
				en++
			}
		}
		if de >= 3 && de > 2*en {
			for k := a; k < b; k++ {
				german[k] = true
			}
		}
		a = b
	}
	vi := strings.Count(text, "ư") + strings.Count(text, "ơ") + strings.Count(text, "đ") + strings.Count(text, "ạ") + strings.Count(text, "ệ")
	return german, vi > 4
}

var functionWords = set("the a an and or of in on at for to by with from this that these those his her its our their")

// partyEntry is the gazetteer entry of a party's name: its canonical name
// or a label ("Romanian Workers' Party", the Romanian Communist Party's
// name until 1965), nil for none.
func (m *Matcher) partyEntry(name string, ctx Context) *vocab.Entry {
	if name == "" {
		return nil
	}
	if e := m.g.Lookup(name); e != nil {
		return e
	}
	if r := m.Resolve(name, Context{Date: ctx.Date}); r != nil && r.Entry != nil && r.Entry.Class == vocab.ClassOrganization &&
		r.Text == name {
		return r.Entry
	}
	return nil
}

// titleStart is the first of the title words written just before toks[i]
// on its line ("First Secretary", "Ambassador"), or i.
func titleStart(text string, toks []token, covered []bool, i int) int {
	k := i
	for k > 0 && i-k < 4 && !covered[k-1] && titleWords[toks[k-1].Norm] && text[toks[k-1].ByteEnd:toks[k].Byte] == " " {
		k--
	}
	return k
}

// capital is a state's capital in the records' decades: the city as the
// gazetteer names it, as the names of bodies write it ("Embassy of Cuba
// in Washington"), and the dates (ISO prefixes, "" open) between which
// it was that state's.
type capital struct {
	state, city, short, from, until string
}

// capitalCities is the one table of capitals: capitalOf reads it by city and
// date, capitalIn by state.
var capitalCities = []capital{
	{"Soviet Union", "Moscow", "", "", "1991-12-26"}, {"People's Republic of China", "Beijing", "", "", ""},
	{"North Vietnam", "Hanoi", "", "", "1976-07"}, {"Vietnam", "Hanoi", "", "1976-07", ""},
	{"Mongolian People's Republic", "Ulaanbaatar", "", "", "1992-02"}, {"Mongolia", "Ulaanbaatar", "", "1992-02", ""},
	{"East Germany", "East Berlin", "", "", "1990-10"}, {"United States", "Washington, D.C.", "Washington", "", ""},
	{"United Kingdom", "London", "", "", ""}, {"France", "Paris", "", "", ""}, {"West Germany", "Bonn", "", "", "1990-10"},
	{"Japan", "Tokyo", "", "", ""}, {"North Korea", "Pyongyang", "", "", ""}, {"South Korea", "Seoul", "", "", ""},
	{"Cuba", "Havana", "", "", ""}, {"Egypt", "Cairo", "", "", ""}, {"Pakistan", "Islamabad", "", "", ""},
	{"India", "New Delhi", "", "", ""}, {"Afghanistan", "Kabul", "", "", ""}, {"Iran", "Tehran", "", "", ""},
	{"Poland", "Warsaw", "", "", ""}, {"Czechoslovakia", "Prague", "", "", ""}, {"Hungary", "Budapest", "", "", ""},
	{"Romania", "Bucharest", "", "", ""}, {"Bulgaria", "Sofia", "", "", ""}, {"Yugoslavia", "Belgrade", "", "", ""},
	{"Albania", "Tirana", "", "", ""}, {"Syria", "Damascus", "", "", ""}, {"Iraq", "Baghdad", "", "", ""},
	{"South Vietnam", "Saigon", "", "", "1975-05"}, {"Indonesia", "Jakarta", "", "", ""}, {"Lebanon", "Beirut", "", "", ""},
	{"Jordan", "Amman", "", "", ""}, {"Libya", "Tripoli", "", "", ""}, {"Algeria", "Algiers", "", "", ""},
	{"Ethiopia", "Addis Ababa", "", "", ""}, {"Angola", "Luanda", "", "", ""}, {"Mozambique", "Maputo", "", "", ""},
	{"Thailand", "Bangkok", "", "", ""}, {"Laos", "Vientiane", "", "", ""}, {"Cambodia", "Phnom Penh", "", "", ""},
	{"Turkey", "Ankara", "", "", ""}, {"Italy", "Rome", "", "", ""}, {"Spain", "Madrid", "", "", ""},
	{"Portugal", "Lisbon", "", "", ""}, {"Greece", "Athens", "", "", ""}, {"Finland", "Helsinki", "", "", ""},
	{"Sweden", "Stockholm", "", "", ""}, {"Denmark", "Copenhagen", "", "", ""}, {"Norway", "Oslo", "", "", ""},
	{"Austria", "Vienna", "", "", ""}, {"Belgium", "Brussels", "", "", ""}, {"Canada", "Ottawa", "", "", ""},
	{"Ghana", "Accra", "", "", ""}, {"Nicaragua", "Managua", "", "", ""}, {"Mexico", "Mexico City", "", "", ""},
	{"Argentina", "Buenos Aires", "", "", ""}, {"Saudi Arabia", "Riyadh", "", "", ""}, {"Grenada", "St. George's", "", "", ""},
}

// capitalOf is the state whose capital a city was on a date (any date
// when it is ""), "" for cities that are none of the table's.
func capitalOf(city, date string) string {
	for _, c := range capitalCities {
		if c.city == city && (date == "" || (c.from == "" || date >= c.from) && (c.until == "" || date < c.until)) {
			return c.state
		}
	}
	return ""
}

// capitalIn is a state's capital as the names of bodies write it, "" for
// states not in the table.
func capitalIn(state string) string {
	for _, c := range capitalCities {
		if c.state == state {
			if c.short != "" {
				return c.short
			}
			return c.city
		}
	}
	return ""
}

// isCapitalOf reports whether the gazetteer's city is the state's capital.
func isCapitalOf(city, state string) bool {
	for _, c := range capitalCities {
		if c.state == state && c.city == city {
			return true
		}
	}
	return false
}

// dividedStates are the nations of two states in the records' decades,
// with the dates (ISO prefixes) between which their adjective names
// neither; "" for a division that lasts.
var dividedStates = map[string][2]string{
	"Germany": {"1949-10", "1990-10"}, "Korea": {"1948-09", ""}, "Vietnam": {"1954-07", "1976-07"},
}

// dividedAt reports whether a nation was two states at a date.
func dividedAt(nation, date string) bool {
	d, ok := dividedStates[nation]
	return ok && date != "" && date >= d[0] && (d[1] == "" || date < d[1])
}

// metonymyVerbs after a capital make it its government's voice.
var metonymyVerbs = set("says said wants wanted means meant bears bore shares shared rejects rejected " +
	"approve approves approved believes believed insists insisted demands demanded agrees agreed refuses refused " +
	"knows regards considers intends hopes fears accepts accepted claims claimed denies " +
	"denied seeks sought expects announced announces decided decides has have had will would continues continue " +
	"protested protests warned warns threatens threatened supports supported opposes opposed leadership leaders " +
	"regime authorities uses used delivered delivers sent sends proposed proposes replied replies answered answers " +
	"asked asks accuses accused insisted responded reacted recognised recognized welcomed condemned condemns " +
	"заявил заявила заявило заявляет считает требует требовала предлагает предложила настаивает отказывается " +
	"поддерживает ведет ведёт ответила ответил согласилась согласился")

// metonymyBefore are the nouns whose "of" or "from" makes the capital
// after it a government ("on the orders of Beijing", "pressure from
// Moscow").
var metonymyBefore = set("orders order instructions instruction pressure behest policy policies line demands " +
	"had consent approval")

// imposedWords before "from" make the capital after it a government ("a
// settlement imposed from London").
var imposedWords = set("imposed dictated directed ordered controlled instigated")

// persistVerbs before a verb in "-ing" make the capital before them a
// government ("Washington keeps sending arms").
var persistVerbs = set("keeps kept continues continued started starts stopped stops")

// possessedPolicy after a capital's possessive make the capital a
// government ("Ankara's demand", "Moscow's position").
var possessedPolicy = set("demand demands position positions policy policies reply response answer proposal proposals " +
	"refusal view views stance decision decisions attitude intentions aims protest protests note pressure consent approval")

// urgeVerbs before a capital and "to" or "not" make the capital a
// government that is asked to act ("asks Moscow not to bargain").
var urgeVerbs = set("ask asks asked urge urges urged press presses pressed persuade persuaded advise advises advised warn warns warned")

// dealingWords before "with" make the capital after it a government
// ("bargain with Washington", "our relations with Peking").
var dealingWords = set("bargain bargaining negotiate negotiates negotiated negotiating negotiations relations deal dealing " +
	"consult consultations rapprochement normalisation normalization quarrel dispute")

// metonymyFor are the nouns whose "for" makes the capital after it a
// government ("the price for Moscow"); a message "from Moscow" or a request
// conveyed "to Moscow" keeps the city.
var metonymyFor = set("price cost costs consequences")

// metonymy reports whether the capital toks[i:end] stands for its
// government: the subject of a verb of saying or deciding, or the object
// of a policy ("toward Islamabad", "without Washington").
func metonymy(text string, toks []token, i, end int) bool {
	if end < len(toks) && metonymyVerbs[toks[end].Norm] && toks[end].AllCaps == toks[i].AllCaps && text[toks[end-1].ByteEnd:toks[end].Byte] == " " {
		return true
	}
	if end+2 < len(toks) && (toks[end].Norm == "and" || toks[end].Norm == "or") && toks[end+1].Upper && metonymyVerbs[toks[end+2].Norm] {
		return true // "Both Peking and Moscow have delivered notes"
	}
	if end+1 < len(toks) && persistVerbs[toks[end].Norm] && text[toks[end-1].ByteEnd:toks[end].Byte] == " " && strings.HasSuffix(toks[end+1].Norm, "ing") {
		return true // "the arms Washington keeps sending"
	}
	if end < len(toks) && possessedPolicy[toks[end].Norm] && (strings.HasSuffix(toks[end-1].Norm, "'s") || strings.HasSuffix(toks[end-1].Norm, "’s")) &&
		text[toks[end-1].ByteEnd:toks[end].Byte] == " " {
		return true // "Ankara's demand", "Moscow's position"
	}
	if i > 0 && urgeVerbs[toks[i-1].Norm] && text[toks[i-1].ByteEnd:toks[i].Byte] == " " && end < len(toks) &&
		(toks[end].Norm == "to" || toks[end].Norm == "not") {
		return true // "he asks Moscow not to yield", "urged Bonn to wait"
	}
	if i > 1 && toks[i-1].Norm == "with" && dealingWords[toks[i-2].Norm] {
		return true // "to bargain with Washington", "relations with Peking"
	}
	if i > 0 {
		switch toks[i-1].Norm {
		case "toward", "towards", "without":
			return true
		case "of", "from":
			return i > 1 && (metonymyBefore[toks[i-2].Norm] || imposedWords[toks[i-2].Norm])
		case "for":
			return i > 1 && metonymyFor[toks[i-2].Norm]
		case "in":
			return i > 1 && toks[i-2].Norm == "influence"
		}
	}
	return false
}

// collectiveNouns after a demonym make it a party to talks, not the country.
var collectiveNouns = set("comrades friends товарищи товарищей товарищам друзья друзей")

// newspaperWords after a city's name make a newspaper's title.
var newspaperWords = set("times post herald tribune journal gazette chronicle telegraph observer guardian")

// geoHeads after a country's name make a geographic feature's name.
// facilityHeads after a city's or province's name make the name a
// building's, a square's or a base's.
var facilityHeads = set("airport airfield hall square bridge gate hotel palace stadium shipyard prison naval air")

// placeEventHeads after a place's name make an event's name ("Moscow
// Treaty", "Colombo Conference").
var placeEventHeads = set("treaty conference summit agreement accords pact")

// instrumentHeads before "of" and a city make the name of an instrument
// signed there ("the Charter of Paris", "the Treaty of Rome").
var instrumentHeads = set("charter treaty peace accords agreement protocol declaration convention")

var geoHeads = set("valley river basin sea strait straits gulf canal desert mountains island islands plateau delta lake")

// compassAfter reports whether a word is a compass adjective of a language
// that writes it after the name it qualifies ("Europy Wschodniej").
func compassAfter(w string) bool {
	for _, p := range []string{"wschodn", "zachodn", "polnocn", "poludniow", "vychodn", "zapadn", "severn", "jizn", "orientala", "occidentala"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

var compass = set("east west north south central eastern western northern southern")

// givenAfter returns the end of the capitalised words that follow toks[i-1]
// on its line, joined by spaces or hyphens ("Ching-kuo"), or i.
func givenAfter(text string, toks []token, covered []bool, i int) int {
	k := i
	for k < len(toks) && k-i < 2 && !covered[k] && !toks[k].Cyr && !toks[k].Han && sameLine(text, toks[k-1], toks[k]) {
		gap := text[toks[k-1].ByteEnd:toks[k].Byte]
		if !(gap == " " && toks[k].Upper || gap == "-") || stopWord(toks[k]) {
			break
		}
		k++
	}
	return k
}

// indeclinableEnd reports whether a Cyrillic surname ends in a vowel that
// Russian keeps in every case of a foreign name ("Бидо", "Шеварднадзе",
// "Ганди"): its stem without the vowel is no form of it ("Бид" is the
// Mongolian "we").
func indeclinableEnd(w string) bool {
	return strings.HasSuffix(w, "о") || strings.HasSuffix(w, "е") || strings.HasSuffix(w, "и")
}

// mongolianSuffixes are the case endings Mongolian adds to a name written
// with its initial ("Д.Содномд", "С.Зоригтой", "Батмөнхийн"), longest
// first.
var mongolianSuffixes = []string{"гийн", "ийн", "тай", "той", "тэй", "аас", "оос", "ээс", "өөс", "ын", "ыг", "ийг", "д", "т"}

// slavicLatin are the languages that decline names written in Latin
// letters with the endings of slavicCaseEndings.
var slavicLatin = set("cs sk pl sl hr sr bs")

// slavicCaseEndings are the case endings of Czech, Slovak, Polish and
// Serbo-Croatian surnames ("P. Hrivnáka", "Husákovi", "Kani"), longest
// first.
var slavicCaseEndings = []string{"ovi", "owi", "ého", "ému", "ego", "emu", "om", "em", "ou", "a", "u", "e", "i", "y"}

// caseForms makes a person written in a case form the person the record
// writes in the nominative: the Mongolian "Д.Содномд" is "Д.Содном", the
// Slovak "P. Hrivnáka" is "P. Hrivnák", where the record has both. A form
// whose stem the record never writes alone keeps its own name.
func caseForms(ms []Mention, suffixes []string) {
	for i := range ms {
		m := &ms[i]
		if m.Class != vocab.ClassPerson {
			continue
		}
		for _, suf := range suffixes {
			stem, ok := strings.CutSuffix(m.Text, suf)
			if !ok || utf8.RuneCountInString(stem) < 4 {
				continue
			}
			found := false
			for _, o := range ms {
				if o.Class == vocab.ClassPerson && o.Text == stem {
					m.Entry, m.Name, m.By, m.Label, m.Blocked = o.Entry, o.Name, o.By, o.Label, o.Blocked
					found = true
					break
				}
			}
			if found {
				break
			}
		}
	}
}

// placeNounsAfter are the common nouns a language writes after the name of
// a square or street ("Сүхбаатарын талбай", "Вацлавская площадь"): the
// name before them is the place's, not a person's.
var placeNounsAfter = set("талбай талбайд талбайн талбайг гудамж гудамжинд площадь площади площадью улица улице улицы " +
	"проспект проспекте проспекта булевард булевар площад улица")

// vietnameseOffices are the words of offices and bodies a Vietnamese
// signature block writes in capitals ("T.M. BAN BÍ THƯ", "KT. BỘ TRƯỞNG",
// "THỨ TRƯỞNG"): a run of capitals holding one is the office, not a name.
var vietnameseOffices = []string{"bí thư", "bộ trưởng", "thứ trưởng", "chủ tịch", "thủ tướng", "đại sứ", "ủy ban", "tổng cục", "chính phủ"}

// notPersons drops an unlisted person whose name is followed by a noun of
// squares or streets, and in a Vietnamese record one whose words name an
// office.
func notPersons(text string, toks []token, ms []Mention, ctx Context) []Mention {
	out := ms[:0]
	for _, mm := range ms {
		if mm.Class == vocab.ClassPerson && mm.Entry == nil {
			k, _ := slices.BinarySearchFunc(toks, mm.End, func(t token, end int) int { return t.Start - end })
			if k < len(toks) && k > 0 && placeNounsAfter[toks[k].Norm] && text[toks[k-1].ByteEnd:toks[k].Byte] == " " {
				continue
			}
			if ctx.Orig == "vi" && vietnameseOffice(mm.Text) {
				continue
			}
		}
		out = append(out, mm)
	}
	return out
}

// OfficeNotName reports whether a signature line of a record in language
// lang names an office that signs for a body ("T.M. BAN BÍ THƯ") or holds
// a word of bodies or of the page's layout, not a person's name.
func OfficeNotName(s, lang string) bool {
	if lang == "vi" && vietnameseOffice(s) {
		return true
	}
	for _, t := range tokenize(s) {
		if stopWord(t) && !givenNames[t.Norm] && utf8.RuneCountInString(t.Norm) > 2 {
			return true // "CONSEJO DE ESTADO", "Foreign Ministry File": words of bodies and layout
		}
	}
	return false
}

// SigningBody is the body an office line signs for, without the words "on
// behalf of" ("T.M. BAN BÍ THƯ": "BAN BÍ THƯ"), or "" when the line names
// an office, not a body ("KT. BỘ TRƯỞNG").
func SigningBody(s, lang string) string {
	if lang != "vi" {
		return ""
	}
	l := strings.ToLower(s)
	for _, p := range []string{"t.m. ", "t.m.", "tm. "} {
		if strings.HasPrefix(l, p) {
			body := strings.TrimSpace(s[len(p):])
			lb := strings.ToLower(body)
			if strings.HasPrefix(lb, "ban ") || strings.HasPrefix(lb, "ủy ban") || strings.HasPrefix(lb, "bộ chính trị") || strings.HasPrefix(lb, "chính phủ") {
				return body
			}
		}
	}
	return ""
}

func vietnameseOffice(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"t.m. ", "t.m.", "tm. ", "kt. ", "k.t. ", "t.l. ", "tl. "} {
		if strings.HasPrefix(l, p) {
			return true // "thay mặt", "ký thay", "thừa lệnh": on behalf of an office
		}
	}
	if strings.HasPrefix(l, "ban ") || strings.HasPrefix(l, "bộ ") {
		return true // "Ban Bí thư", "Bộ Ngoại giao": a board, a ministry
	}
	for _, w := range vietnameseOffices {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
