package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/extract/entity"
	"github.com/docgraph/docgraph/vocab"
)

// Link methods: how an entity was tied to its gazetteer entry (the
// dg:linkMethod of the document's graph).
const (
	LinkLabel      = "label"      // its canonical name or a label, as written
	LinkPseudonym  = "pseudonym"  // a cover name the gazetteer lists
	LinkInitials   = "initials"   // a surname with initials or given name that agree
	LinkContext    = "context"    // a generic body read as the document's country's
	LinkCollective = "collective" // a demonym ("the Soviets")
	LinkFuzzy      = "fuzzy"      // a misread form of a label
)

// linkMethod is how a mention links its entity; "" for names the gazetteer
// lacks.
func linkMethod(mm entity.Mention) string {
	if mm.Entry == nil {
		return ""
	}
	switch mm.By {
	case entity.ByPseudonym:
		return LinkPseudonym
	case entity.ByInitials:
		return LinkInitials
	case entity.ByContext:
		return LinkContext
	case entity.ByCollective:
		return LinkCollective
	case entity.ByFuzzy:
		return LinkFuzzy
	}
	return LinkLabel
}

// linkRank orders link methods from the most to the least direct.
var linkRank = map[string]int{LinkLabel: 1, LinkInitials: 2, LinkPseudonym: 3, LinkContext: 4, LinkCollective: 5, LinkFuzzy: 6}

// personName splits a person's name into the first letters of its given
// names or initials and its folded surname ("V.V. Grishin" -> "vv",
// "grishin"). East Asian names, written family name first, give none.
func personName(name string) (initials, surname string) {
	ws := strings.Fields(strings.ReplaceAll(name, ".", ". "))
	if len(ws) == 0 {
		return "", ""
	}
	last := ws[len(ws)-1]
	surname = strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s")
	if !isLatin(surname) {
		surname = entity.Translit(surname)
	}
	surname = normKey(surname)
	var b strings.Builder
	for _, w := range ws[:len(ws)-1] {
		if !isLatin(w) {
			w = entity.Translit(w) // "В. Иванов" has the initial of "V.I. Ivanov"
		}
		r := []rune(strings.ToLower(w))
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		c := r[0]
		if c == 'k' && len(r) > 1 && r[1] == 'h' {
			c = 'h' // "Kh." is the Russian form of "H." ("А.Х. Хаддам", "A.H. Khaddam")
		}
		if c == 'j' || c == 'y' || c == 'z' && len(r) > 1 && (r[1] == 's' || r[1] == 'h') {
			c = 'i' // Ж: "J." in Mongolian names, "Zs." in Hungarian, "Zh." in Russian
		}
		if c == 'w' {
			c = 'v' // the German and Polish V
		}
		b.WriteRune(c)
	}
	return b.String(), surname
}

// unify makes one entity of each person the document names in several
// ways: a bare surname ("Musatov") or initials ("S. Kania") join the one
// fuller name with that surname ("Valeri Musatov", "Stanislaw Kania");
// a surname the gazetteer links only bare joins the one person whose
// given name blocked that link ("Robert Kennedy ... Kennedy said"); names
// whose first letters contradict stay apart. An entity named by a
// gazetteer entry of another class takes that entry's class.
func (x *extractor) unify() {
	g := x.m.Gazetteer()
	refs := make([]EntityRef, 0, len(x.ents))
	for ref := range x.ents {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].Class != refs[j].Class {
			return refs[i].Class < refs[j].Class
		}
		return refs[i].Name < refs[j].Name
	})
	// a Hungarian record names a person family name first ("Nagy Lajos"):
	// the entity is named given name first, as the other records write it
	if x.ctx.Orig == "hu" {
		for _, ref := range refs {
			en, ok := x.ents[ref]
			ws := strings.Fields(ref.Name)
			if !ok || en.Linked || ref.Class != vocab.ClassPerson || len(ws) != 2 || strings.Contains(ref.Name, ".") ||
				!entity.IsGivenName(ws[1]) || entity.IsGivenName(ws[0]) {
				continue
			}
			to := EntityRef{Class: vocab.ClassPerson, Name: ws[1] + " " + ws[0]}
			x.merge(ref, to, nil)
			if e, ok := x.ents[to]; ok {
				e.Labels = appendLabel(e.Labels, Label{Text: ref.Name, Lang: "hu"})
			}
		}
	}
	for _, ref := range refs {
		if _, ok := x.ents[ref]; !ok {
			continue
		}
		if ref.Class == vocab.ClassOrganization && x.ctx.Home != "" {
			// "our Embassy in Warsaw" of a US memorandum is the United
			// States' embassy there
			if rest, ok := strings.CutPrefix(ref.Name, "Embassy in "); ok && !strings.Contains(rest, " of ") {
				to := EntityRef{Class: vocab.ClassOrganization, Name: "Embassy of " + entity.TheName(x.ctx.Home) + " in " + rest}
				e := g.Lookup(to.Name)
				if e != nil && e.Class == to.Class {
					to.Name = e.Name
				} else {
					e = nil
				}
				x.merge(ref, to, e)
				continue
			}
		}
	}
	// titles written into a name ("Soviet Ambassador Smirnov")
	for _, ref := range refs {
		en, ok := x.ents[ref]
		if !ok || en.Linked || ref.Class != vocab.ClassPerson {
			continue
		}
		if entity.BodyName(ref.Name) {
			// "Embassy of Hungary in China" writing as a person: a body
			x.merge(ref, EntityRef{Class: vocab.ClassOrganization, Name: ref.Name}, nil)
			continue
		}
		rest, role := entity.StripTitles(ref.Name)
		switch {
		case rest == "":
			x.drop(ref) // a title alone names no one ("Soviet Ambassador")
		case rest != ref.Name:
			to := EntityRef{Class: vocab.ClassPerson, Name: rest}
			x.merge(ref, to, nil)
			if e, ok := x.ents[to]; ok {
				e.addRole(role)
				e.Labels = appendLabel(e.Labels, Label{Text: ref.Name, Lang: "en"})
			}
		}
	}
	refs = refs[:0]
	for ref := range x.ents {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].Class != refs[j].Class {
			return refs[i].Class < refs[j].Class
		}
		return refs[i].Name < refs[j].Name
	})
	// a class the gazetteer contradicts ("Soviet Union" as a Person)
	for _, ref := range refs {
		if e := g.Lookup(ref.Name); e != nil && e.Class != ref.Class {
			x.merge(ref, EntityRef{Class: e.Class, Name: e.Name}, e)
		}
	}
	x.ownAbbreviations(refs)
	x.crossScript()
	x.leadingWords()
	type person struct {
		ref      EntityRef
		initials string
		key      string   // the surname's skeleton (surnameKey)
		keys     []string // key and the skeletons of the surnames of the forms written
		vkeys    []string // the same surnames with their vowels (vowelKey)
		asian    []string // family names of the East Asian forms written for it ("chou" of "Chou En-lai")
		weight   int
		linked   bool
		bare     bool // a gazetteer person the document names by the surname alone
		blocked  bool
		written  []string // the skeletons of the surnames the document wrote
	}
	var ps []*person
	for _, ref := range refs {
		en, ok := x.ents[ref]
		if !ok || ref.Class != vocab.ClassPerson {
			continue
		}
		ini, sur := personName(ref.Name)
		if ws := strings.Fields(ref.Name); !en.Linked && len(ws) == 2 && entity.IsPatronymic(ws[1]) {
			// "Yuri Vladimirovich": the one person with these initials
			if to := x.byInitials(ref, ws); to != nil {
				x.merge(ref, *to, nil)
				continue
			}
		}
		p := &person{ref: ref, linked: en.Linked, blocked: en.Blocked != ""}
		if en.Linked {
			// the forms the document wrote decide whether it is bare
			p.bare = len(en.Labels) > 0
			for _, l := range en.Labels {
				// "Secretary Bundy" is bare too: a title is no given name
				if rest, _ := entity.StripTitles(l.Text); rest != "" {
					if i, _ := personName(rest); i != "" {
						p.bare = false
					}
				}
			}
			if p.bare {
				ini = "" // the document wrote the surname alone
			}
			p.weight = 1000
		}
		p.initials = ini
		p.key = surnameKey(sur)
		p.keys = []string{p.key}
		p.vkeys = []string{vowelKey(sur)}
		for _, l := range en.Labels {
			// the surname as each form the document wrote it ("Имре Надь"
			// of Imre Nagy is the "Надь" a list names bare)
			ws := strings.Fields(l.Text)
			if len(ws) == 0 {
				continue
			}
			forms := []string{ws[len(ws)-1]}
			if !isLatin(forms[0]) {
				forms = append(forms, cyrNominative(forms[0]))
			}
			for _, f := range forms {
				_, s := personName(f)
				if k := surnameKey(s); s != "" && !slices.Contains(p.written, k) {
					p.written = append(p.written, k)
				}
				if k := surnameKey(s); s != "" && !slices.Contains(p.keys, k) {
					p.keys = append(p.keys, k)
				}
				if k := vowelKey(s); s != "" && !slices.Contains(p.vkeys, k) {
					p.vkeys = append(p.vkeys, k)
				}
			}
		}
		for _, l := range append([]Label{{Text: ref.Name}}, en.Labels...) {
			if f := entity.AsianFamilyName(l.Text); f != "" {
				p.asian = append(p.asian, f)
			}
		}
		p.weight += 10*len(ini) + 5*(len(strings.Fields(ref.Name))-1-strings.Count(ref.Name, "."))
		for _, l := range en.Labels {
			if isLatin(l.Text) {
				p.weight += 2 // written in Latin letters, not transliterated
				break
			}
		}
		ps = append(ps, p)
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].weight < ps[j].weight })
	gone := map[EntityRef]bool{}
	for _, p := range ps {
		if p.linked && !p.bare {
			continue
		}
		var to *person
		n := 0
		for _, q := range ps {
			if q == p || gone[q.ref] || !sameAny(p.keys, q.keys) && !(p.initials == "" && !strings.Contains(p.ref.Name, " ") && slices.Contains(q.asian, normKey(p.ref.Name))) {
				continue
			}
			if p.initials != "" && q.initials != "" && !initialsAgree(p.initials, q.initials) {
				continue // contradicting first letters: two people
			}
			if q.linked && !p.linked && !vowelsAgree(p.vkeys, q.vkeys) && !slices.Contains(q.asian, normKey(p.ref.Name)) {
				// a name joins a gazetteer person only if its vowels agree
				// too: one with the same consonants is someone else, and
				// the link would be false ("Gorashin", "Гаррисон")
				continue
			}
			if p.linked && q.linked && len(p.written) > 0 && !sameAny(p.written, q.keys) {
				// a gazetteer person named bare moves to another only by
				// the surname the document wrote ("Ayub" of Ayub Khan is
				// not Hoang Van Hoan, whose "Hoan" sounds like "Khan")
				continue
			}
			if p.linked && !q.blocked && !(q.linked && !q.bare) {
				// a bare gazetteer surname moves only to a fuller name: one
				// whose link it blocked, or another gazetteer person the
				// document names in full ("Admiral N.G. Kuznetsov ...
				// Kuznetsov said" is the admiral, not the diplomat)
				continue
			}
			if q.linked && p.initials != "" {
				// a given name or initials the gazetteer contradicts
				if e := g.Lookup(q.ref.Name); e == nil || x.ents[p.ref].Blocked == q.ref.Name || !entity.GivenAgrees(e, p.initials[0]) || !givenNameAgrees(e, p.ref.Name) {
					continue
				}
			}
			if !p.linked && (q.weight < p.weight || q.weight == p.weight && q.ref.Name > p.ref.Name) {
				continue
			}
			if to == nil || !sameAny(to.keys, q.keys) || to.initials != "" && q.initials != "" && !initialsAgree(to.initials, q.initials) {
				n++
			}
			if to == nil || q.weight > to.weight {
				to = q
			}
		}
		if to != nil && n == 1 {
			x.merge(p.ref, to.ref, nil)
			gone[p.ref] = true
			if nom := nominativeOf(p.ref.Name, to.ref.Name); !to.linked && nom != to.ref.Name {
				// "E. Gerekom" and "Gerek": the shorter form is the nominative
				r := EntityRef{Class: to.ref.Class, Name: nom}
				x.merge(to.ref, r, nil)
				gone[to.ref] = true
				to.ref = r
			}
		}
	}
}

// crossScript joins a person the record names only in Cyrillic letters to
// the one person its Latin text names with the same sounds: a Chinese,
// Korean or Vietnamese name the Russian original writes in the Russian
// scheme ("Цяо Сяогуан", "Цой Чан Ика") and the translation in pinyin,
// Wade-Giles or McCune-Reischauer ("Qiao Xiaoguang", "Choe Chang-ik").
// Names are compared by the consonants the schemes share (soundKey); a
// key two Latin names share joins neither.
func (x *extractor) crossScript() {
	type named struct {
		ref  EntityRef
		keys []string
	}
	var cyr, lat []named
	for ref, en := range x.ents {
		if ref.Class != vocab.ClassPerson {
			continue
		}
		latin := isLatin(ref.Name) && len(en.Labels) == 0
		for _, l := range en.Labels {
			latin = latin || isLatin(l.Text)
		}
		n := named{ref: ref}
		if latin {
			lat = append(lat, n) // keys made below, when some Cyrillic name needs them
		} else if !en.Linked {
			for _, l := range en.Labels {
				n.keys = appendKeys(n.keys, entity.Translit(l.Text), true)
			}
			cyr = append(cyr, n)
		}
	}
	if len(cyr) == 0 {
		return
	}
	for i := range lat {
		ref := lat[i].ref
		en := x.ents[ref]
		for _, l := range append([]Label{{Text: ref.Name}}, en.Labels...) {
			if isLatin(l.Text) {
				lat[i].keys = appendKeys(lat[i].keys, l.Text, false)
			}
		}
	}
	for _, c := range cyr {
		var to *EntityRef
		n := 0
		for i := range lat {
			if sameAny2(c.keys, lat[i].keys) {
				to = &lat[i].ref
				n++
			}
		}
		if n == 1 {
			x.merge(c.ref, *to, nil)
		}
	}
}

// leadingWords joins a person named by given name and initials alone to
// the one person whose fuller name begins with them: a US telegram's
// drafter line writes the surname first ("(AMSTUTZ, J. BRUCE)"), leaving
// "J. Bruce" of "J. Bruce Amstutz".
func (x *extractor) leadingWords() {
	for ref, en := range x.ents {
		ws := strings.Fields(ref.Name)
		if ref.Class != vocab.ClassPerson || en.Linked || len(ws) < 2 || !strings.HasSuffix(ws[0], ".") {
			continue
		}
		var to *EntityRef
		n := 0
		for q := range x.ents {
			qs := strings.Fields(q.Name)
			if q.Class == vocab.ClassPerson && len(qs) > len(ws) && slices.Equal(qs[:len(ws)], ws) {
				r := q
				to = &r
				n++
			}
		}
		if n == 1 {
			x.merge(ref, *to, nil)
		}
	}
}

// appendKeys adds the sound keys of a name of two or more words written
// out to ks; a Russian form may end in a case ending ("Ким Ир Сеном").
func appendKeys(ks []string, name string, russian bool) []string {
	ws := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' })
	if len(ws) < 2 || strings.Contains(name, ".") {
		// initials lose their vowels ("I. Ivanov" would be "A. Ivanov")
		return ks
	}
	forms := [][]string{ws}
	if russian {
		last := ws[len(ws)-1]
		for _, e := range []string{"om", "em", "ym", "oi", "ei"} {
			if strings.HasSuffix(last, e) && len(last) > len(e)+1 {
				w := append(append([]string{}, ws[:len(ws)-1]...), strings.TrimSuffix(last, e))
				forms = append(forms, w)
			}
		}
	}
	for _, f := range forms {
		var b strings.Builder
		for _, w := range f {
			b.WriteString(soundKey(entity.FoldLatin(w)))
		}
		if k := b.String(); len(k) >= 3 && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// soundKeyRules map the letters of the romanisations to the consonant
// they write, longest first: the Russian scheme's "цз" (tsz) and "чж"
// (chzh) are pinyin's z, j and zh; "ts", "ch", q, c are one affricate;
// x, hs, sh and s one sibilant; k, g, kh and h one velar (Korean h is
// Russian х); r and l one liquid ("Ир" is "Il").
var soundKeyRules = []struct{ from, to string }{
	{"tsz", "C"}, {"chzh", "C"}, {"shch", "S"}, {"tkh", "T"}, {"ts", "C"}, {"ch", "C"}, {"zh", "C"}, {"tz", "C"},
	{"hs", "S"}, {"sh", "S"}, {"kh", "K"}, {"th", "T"}, {"ph", "P"}, {"ng", "N"}, {"gh", "K"},
	{"q", "C"}, {"j", "C"}, {"z", "C"}, {"c", "C"}, {"x", "S"}, {"s", "S"}, {"k", "K"}, {"g", "K"}, {"h", "K"},
	{"t", "T"}, {"d", "T"}, {"p", "P"}, {"b", "P"}, {"f", "P"}, {"v", "P"}, {"m", "M"}, {"n", "N"}, {"l", "L"}, {"r", "L"},
}

// soundKey is the consonants of one romanised word (soundKeyRules);
// vowels and glides are dropped, a final c is Vietnamese k.
func soundKey(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		if w[i] == 'c' && i == len(w)-1 {
			b.WriteByte('K')
			break
		}
		matched := false
		for _, r := range soundKeyRules {
			if strings.HasPrefix(w[i:], r.from) {
				b.WriteString(r.to)
				i += len(r.from)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return b.String()
}

// sameAny2 reports whether a and b share a key.
func sameAny2(a, b []string) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

// initialsAgree reports whether two people's first letters of given names
// may be one person's: the same first letter, or the shorter the middle
// initials of the longer ("L. Sneider" of "Richard L. Sneider").
func initialsAgree(a, b string) bool {
	if a[0] == b[0] {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(b) > len(a) && strings.HasSuffix(b, a)
}

// nominativeOf gives name b the surname of name a where a's is b's
// without the ending of a Russian instrumental, dative or prepositional
// ("Gerek", "E. Gerekom" -> "E. Gerek"); a final -a may be a nominative
// ("Kania") and is kept.
func nominativeOf(a, b string) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return b
	}
	sa, sb := wa[len(wa)-1], wb[len(wb)-1]
	end := strings.TrimPrefix(sb, sa)
	if end != sb && len([]rune(sa)) >= 4 && (end == "om" || end == "em" || end == "ym" || end == "u" || end == "e") {
		wb[len(wb)-1] = sa
		return strings.Join(wb, " ")
	}
	return b
}

// byInitials finds the one other person whose initials are those of a given
// name and patronymic ("Yu.V. Andropov" for "Yuri Vladimirovich").
func (x *extractor) byInitials(self EntityRef, ws []string) *EntityRef {
	want, _ := personName(strings.Join(ws, " ") + " X")
	var found *EntityRef
	for ref, en := range x.ents {
		if ref == self || ref.Class != vocab.ClassPerson {
			continue
		}
		names := []string{ref.Name}
		for _, l := range en.Labels {
			names = append(names, l.Text)
		}
		if en.Linked {
			if e := x.m.Gazetteer().Lookup(ref.Name); e != nil {
				for _, l := range e.Labels {
					names = append(names, l.Text)
				}
			}
		}
		match := false
		for _, n := range names {
			if !isLatin(n) {
				n = entity.Translit(n)
			}
			if ini, _ := personName(n); ini == want {
				match = true
			}
		}
		if match {
			if found != nil && *found != ref {
				return nil // two people with these initials
			}
			r := ref
			found = &r
		}
	}
	return found
}

// isLatin reports whether a name is written in Latin letters.
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r < 0x250 || r >= 0x1E00 && r < 0x1F00
		}
	}
	return false
}

// cyrNominative is a Cyrillic surname without the ending of an oblique
// case ("Надем" -> "Над"), where three letters remain.
func cyrNominative(w string) string {
	r := []rune(w)
	for _, e := range []string{"ым", "ем", "ом", "ой", "ей", "ым", "им", "у", "ю", "а", "я", "е"} {
		if strings.HasSuffix(w, e) && len(r)-len([]rune(e)) >= 3 {
			return strings.TrimSuffix(w, e)
		}
	}
	return w
}

// sameAny reports whether one of the surname skeletons a is one of b.
func sameAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if sameSurname(x, y) {
				return true
			}
		}
	}
	return false
}

// sameSurname reports whether two surname skeletons are one name in two
// spellings or two grammatical cases ("kania"/"kani", "iaruzelski"/
// "iaruzelskim").
func sameSurname(a, b string) bool {
	if len(a) < 2 || len(b) < 2 {
		return false // too short to tell
	}
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	// a skeleton of three letters is too short for a case ending to tell
	// ("bsh" of Bishi is no stem of "bshv", Bashev)
	return len(a) >= 4 && len(b)-len(a) <= 1 && strings.HasPrefix(b, a)
}

// asciiText reports whether s is all ASCII.
func asciiText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// surnameKey is the skeleton of a surname across the spellings of the
// languages the records are written in: German "Chruschtschow", Russian
// "Khrushchev", Polish "Chruszczow" reduce alike ("hrshv").
func surnameKey(s string) string {
	return skeleton(normSurname(s))
}

// vowelKey is a surname's normal form with its vowels, alike across the
// spellings of one name ("Chruschtschow" and "Khrushchev" both "hrusev",
// e and o being one vowel for ё) but apart for names that share only
// their consonants: "Gorashin" is not "Garrison".
func vowelKey(s string) string {
	s = normSurname(s)
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r < 'a' || r > 'z' {
			continue
		}
		if r == 'o' {
			r = 'e'
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// vowelsAgree reports whether two lists of vowel keys hold one name: two
// keys at most one letter apart (a fleeting vowel, "Havla" of Havel; a
// palatal i, Polish "Ponomarienko").
func vowelsAgree(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if entity.Within1(x, y) {
				return true
			}
		}
	}
	return false
}

// normSurname lower-cases a surname, folds it to Latin letters, drops a case
// ending and writes the sounds of the languages' spellings alike.
func normSurname(s string) string {
	s = strings.ToLower(s)
	if !asciiText(s) {
		// (an ASCII name has no letter to replace or fold)
		for _, r := range [][2]string{{"č", "ch"}, {"š", "sh"}, {"ž", "zh"}, {"ć", "ch"}, {"ś", "sh"}, {"ź", "zh"}, {"ż", "zh"}, {"ř", "rzh"}} {
			s = strings.ReplaceAll(s, r[0], r[1])
		}
		s = entity.FoldLatin(s)
	}
	// a case ending of Polish, Czech or Russian in Latin letters ("Breżniewem", "Chruščova")
	// and the suffixes Hungarian adds to a name ("Szmirnovval", "Hruscsovnak")
	for _, e := range []string{"val", "vel", "nak", "nek", "hoz", "hez", "tol", "rol", "nal", "nel",
		"owi", "ovi", "ego", "emu", "em", "om", "ym", "ou", "a", "u"} {
		if strings.HasSuffix(s, e) && len(s)-len(e) >= 4 {
			s = s[:len(s)-len(e)]
			break
		}
	}
	// Hungarian "cs", "zs" and "c" ("Hruscsov", "Cedenbal") are the "ch",
	// "zh" and "ts" of the other spellings; "sh" and "s" are one letter
	// ("Szmirnov", Hungarian for Smirnov)
	for _, r := range [][2]string{{"tsch", "ch"}, {"szcz", "shch"}, {"sch", "sh"}, {"sz", "sh"}, {"cz", "ch"}, {"cs", "ch"}, {"zs", "zh"},
		{"rz", "zh"}, {"w", "v"}, {"kh", "h"}, {"ts", "c"}, {"ch", "h"}, {"j", "i"}, {"y", "i"}, {"x", "ks"}, {"ck", "k"},
		{"ph", "f"}, {"zh", "z"}, {"z", "s"}, {"q", "k"}, {"shh", "s"}, {"sh", "s"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// skeleton is a normal surname's first letter and consonants, a doubled
// one once.
func skeleton(s string) string {
	var b strings.Builder
	var last rune
	for i, r := range s {
		if r < 'a' || r > 'z' {
			continue
		}
		if i > 0 && strings.ContainsRune("aeiou", r) {
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// fullerGiven reports whether a's given names are written out where b's are
// initials ("Stanislaw Kania" over "S. Kania").
func fullerGiven(a, b string) bool {
	return strings.Count(a, ".") < strings.Count(b, ".")
}

// merge moves entity from into entity to (creating it as e's where it does
// not exist), and every reference to it.
func (x *extractor) merge(from, to EntityRef, e *vocab.Entry) {
	src, ok := x.ents[from]
	if !ok || from == to {
		return
	}
	dst, ok := x.ents[to]
	if !ok {
		dst = x.entity(to, e)
		if e == nil {
			dst.Linked = src.Linked
		}
	}
	dst.Mentions = append(dst.Mentions, src.Mentions...)
	for _, l := range src.Labels {
		found := false
		for _, m := range dst.Labels {
			found = found || m == l
		}
		if !found {
			dst.Labels = append(dst.Labels, l)
		}
	}
	for _, r := range src.Roles {
		dst.addRole(r)
	}
	if dst.LinkMethod == "" {
		dst.LinkMethod = src.LinkMethod
	}
	delete(x.ents, from)
	r := x.r
	for _, list := range []*[]EntityRef{&r.Authors, &r.Recipients, &r.Via, &r.Translator, &r.Associated} {
		out := (*list)[:0]
		for _, ref := range *list {
			if ref == from {
				ref = to
			}
			out = appendRef(out, ref)
		}
		*list = out
	}
	for i := range r.Aliases {
		if r.Aliases[i].Of == from {
			r.Aliases[i].Of = to
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		for _, p := range []*EntityRef{&c.Subject, &c.Object, &c.Attributed} {
			if *p == from {
				*p = to
			}
		}
	}
}

func (en *Entity) addRole(role string) {
	if role == "" {
		return
	}
	for _, r := range en.Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	en.Roles = append(en.Roles, role)
}

func appendLabel(ls []Label, l Label) []Label {
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	return append(ls, l)
}

// drop removes an entity that names no one, and every reference to it.
func (x *extractor) drop(ref EntityRef) {
	delete(x.ents, ref)
	r := x.r
	for _, list := range []*[]EntityRef{&r.Authors, &r.Recipients, &r.Via, &r.Translator, &r.Associated} {
		out := (*list)[:0]
		for _, e := range *list {
			if e != ref {
				out = append(out, e)
			}
		}
		*list = out
	}
	out := r.Claims[:0]
	for _, c := range r.Claims {
		if c.Subject != ref && c.Object != ref {
			if c.Attributed == ref {
				c.Attributed = EntityRef{}
			}
			out = append(out, c)
		}
	}
	r.Claims = out
	as := r.Aliases[:0]
	for _, a := range r.Aliases {
		if a.Of != ref {
			as = append(as, a)
		}
	}
	r.Aliases = as
}

// ownAbbreviations: an abbreviation the record writes ("the PLA") is the
// initials of the body the same record names in full ("the Party of
// Labour of Albania"), not the gazetteer's other body of those initials
// (the People's Liberation Army), whose link would be a false statement.
func (x *extractor) ownAbbreviations(refs []EntityRef) {
	type body struct {
		ref   EntityRef
		entry *vocab.Entry // the gazetteer's, for a body named inside another's name
	}
	g := x.m.Gazetteer()
	full := map[string]body{} // initials -> the body named in full
	for _, ref := range refs {
		en, ok := x.ents[ref]
		if !ok || ref.Class != vocab.ClassOrganization {
			continue
		}
		for _, l := range en.Labels { // the names as the record writes them
			if abbreviation(l.Text) {
				continue
			}
			ws := strings.Fields(l.Text)
			for k := range ws {
				// the whole name, or the body named inside it ("Central
				// Committee of the Party of Labour of Albania")
				b := body{ref: ref}
				if k > 0 {
					if ws[k-1] != "of" && ws[k-1] != "the" {
						continue
					}
					e := g.Lookup(strings.Join(ws[k:], " "))
					if e == nil || e.Class != vocab.ClassOrganization {
						continue
					}
					b = body{EntityRef{Class: e.Class, Name: e.Name}, e}
				}
				if in := initialsOf(strings.Join(ws[k:], " ")); len(in) >= 2 {
					if _, seen := full[in]; !seen {
						full[in] = b
					}
				}
			}
		}
	}
	for _, ref := range refs {
		en, ok := x.ents[ref]
		if !ok || ref.Class != vocab.ClassOrganization || len(en.Labels) == 0 {
			continue
		}
		abbr := ""
		for _, l := range en.Labels {
			if !abbreviation(l.Text) || abbr != "" && l.Text != abbr {
				abbr = ""
				break
			}
			abbr = l.Text
		}
		if to, ok := full[abbr]; ok && abbr != "" && to.ref != ref {
			_, had := x.ents[to.ref]
			x.merge(ref, to.ref, to.entry)
			if dst := x.ents[to.ref]; dst != nil && !had {
				dst.LinkMethod = LinkContext // by the record's own words, not the abbreviation's label
				if to.entry == nil || to.entry.Wikidata == "" {
					dst.Wikidata = ""
				}
			}
		}
	}
}

// abbreviation reports whether a name is written as capitals alone, two
// to six letters ("PLA", "CPSU").
func abbreviation(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// initialsOf is the capitals that begin a name's capitalised words,
// skipping the small words between them ("Party of Labour of Albania":
// "PLA"); "" when a word is neither.
func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(r)
		case w == "of" || w == "the" || w == "and" || w == "for":
		default:
			return ""
		}
	}
	return b.String()
}

// givenNameAgrees reports whether the given name a person's name writes in
// full ("Ivone" of "Ivone Kirkpatrick") may be the gazetteer person e's;
// a name with initials or no given name agrees.
func givenNameAgrees(e *vocab.Entry, name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || strings.Contains(ws[0], ".") {
		return true
	}
	return entity.GivenNameAgrees(e, ws[0])
}
