package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/extract/title"
	"github.com/docgraph/docgraph/vocab"
)

// inflectedParty resolves a name a title writes in an oblique case
// ("Брежнева", "tow. Gomułki", "s. Brežněvem", "Kádár Jánosnak"): the
// gazetteer's person when the name as written or one of its nominatives
// is known, else the person the record's other text names in the
// nominative with that surname, else a person named by the nominative
// when its ending rule is certain, or as written.
func (x *extractor) inflectedParty(p title.Party) (EntityRef, bool) {
	written := stripHonorific(p.Text)
	if written == "" || !unicode.IsUpper(firstRune(written)) {
		return EntityRef{}, false
	}
	person := func(s string) (EntityRef, bool) {
		if mm := x.m.Resolve(s, x.ctx); mm != nil && mm.Class == vocab.ClassPerson && mm.By != "rule" {
			x.addMention(*mm, -1, "en")
			return EntityRef{Class: mm.Class, Name: mm.Name}, true
		}
		return EntityRef{}, false
	}
	if ref, ok := person(written); ok {
		return ref, true
	}
	noms := title.Nominatives(written, p.Case)
	// a body in an oblique case: "a Politikai Bizottságnak", "Центральному
	// Комитету": the body its nominative names
	for _, n := range append([]title.Nominative{{Name: written}}, noms...) {
		if strings.Count(n.Name, " ") == 0 {
			continue // one word is a person's name, not a body's
		}
		for _, f := range institutionForms(n.Name, institutionName(n.Name)) {
			if mm := x.resolveWhole(f); mm != nil && mm.Class == vocab.ClassOrganization {
				x.addMention(*mm, -1, "")
				return EntityRef{Class: mm.Class, Name: mm.Name}, true
			}
		}
	}
	for _, n := range noms {
		if ref, ok := person(n.Name); ok {
			return ref, true
		}
	}
	for _, n := range noms {
		f := strings.Fields(n.Name)
		if full := x.namedInRecord(f[len(f)-1]); full != "" {
			if ref, ok := person(full); ok {
				return ref, true
			}
			ref := EntityRef{Class: vocab.ClassPerson, Name: full}
			x.entity(ref, nil)
			return ref, true
		}
	}
	name := written
	if len(noms) > 0 && noms[0].Certain {
		name = noms[0].Name
	}
	if !looksLikeName(name) {
		return EntityRef{}, false
	}
	ref := EntityRef{Class: vocab.ClassPerson, Name: name}
	x.entity(ref, nil)
	return ref, true
}

// namedInRecord finds a surname in the nominative in the record's title,
// summary and versions and returns the fullest name it is written with
// there ("Władysław Gomułka" before "Gomułka"), or "".
func (x *extractor) namedInRecord(surname string) string {
	if utf8.RuneCountInString(surname) < 4 {
		return ""
	}
	d := x.doc
	texts := []string{d.Title.Text, d.Summary.Text}
	for _, v := range d.Versions {
		texts = append(texts, v.Text)
	}
	best := ""
	for _, t := range texts {
		for from := 0; ; {
			k := strings.Index(t[from:], surname)
			if k < 0 {
				break
			}
			k += from
			from = k + len(surname)
			before, _ := utf8.DecodeLastRuneInString(t[:k])
			after, _ := utf8.DecodeRuneInString(t[from:])
			if k > 0 && unicode.IsLetter(before) || from < len(t) && unicode.IsLetter(after) {
				continue
			}
			// the capitalised given names or initials right before it,
			// when the whole is one person's name to the matcher (not
			// "Посол Петров", "Yesterday Gomułka")
			words := strings.Fields(t[:k])
			name := surname
			for n := min(2, len(words)); n > 0; n-- {
				cand := strings.Join(append(append([]string(nil), words[len(words)-n:]...), surname), " ")
				if !unicode.IsUpper(firstRune(cand)) || strings.ContainsAny(cand, ",:;") {
					continue
				}
				ms := x.m.Find(cand, x.ctx)
				if len(ms) == 1 && ms[0].Class == vocab.ClassPerson && ms[0].Start == 0 && ms[0].End == utf8.RuneCountInString(cand) {
					name = cand
					break
				}
			}
			if utf8.RuneCountInString(name) > utf8.RuneCountInString(best) {
				best = name
			}
		}
	}
	return best
}

// addresseeCases are the leads and ends of an addressee line and the case
// they put the name in.
var addresseeCases = []struct {
	lead, end, c string
}{
	{"Товарищу ", "", title.Dative}, {"Soudruhu ", "", title.Dative}, {"Soudružce ", "", title.Dative},
	{"Do Tow. ", "", title.Genitive}, {"Do tow. ", "", title.Genitive}, {"Do Towarzysza ", "", title.Genitive},
	{"Do towarzysza ", "", title.Genitive}, {"Tovarășului ", "", title.Genitive},
	{"", " elvtársnak", ""}, {"", " elvtársnőnek", ""}, {"", " elvtárs részére", ""},
}

// inflectedAddressee resolves an addressee line that names its person in
// an oblique case ("Товарищу Громыко А.А.", "Do Tow. Stanisława Kani",
// "Kádár János elvtársnak"); ok is false when the line is not one.
func (x *extractor) inflectedAddressee(line string) (EntityRef, bool, bool) {
	for _, a := range addresseeCases {
		if a.lead != "" && strings.HasPrefix(line, a.lead) || a.end != "" && strings.HasSuffix(line, a.end) {
			name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, a.lead), a.end))
			if a.c == "" {
				ref, ok := x.party(title.Party{Text: name}) // the Hungarian name stays in the nominative
				return ref, ok, true
			}
			ref, ok := x.inflectedParty(title.Party{Text: name, Case: a.c})
			return ref, ok, true
		}
	}
	return EntityRef{}, false, false
}

// englishOrder returns a two-word name as the record's English text writes
// it when that text has the words the other way round and never as given
// ("Szabó Gyula" signed in Hungarian, "Gyula Szabó" in the translation);
// "" otherwise.
func (x *extractor) englishOrder(name string) string {
	w := strings.Fields(name)
	if len(w) != 2 {
		return ""
	}
	swapped := w[1] + " " + w[0]
	found := false
	for _, v := range x.doc.Versions {
		if v.Lang != "en" {
			continue
		}
		if wholeWords(v.Text, name) {
			return ""
		}
		found = found || wholeWords(v.Text, swapped)
	}
	if found {
		return swapped
	}
	return ""
}

// wholeWords reports whether s holds w not inside a longer word.
func wholeWords(s, w string) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		k += from
		from = k + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[from:])
		if (k == 0 || !unicode.IsLetter(before)) && (from == len(s) || !unicode.IsLetter(after)) {
			return true
		}
	}
}

// germanSpellings turn the German romanisation of a Russian name into the
// English one ("Breshnew" -> "Brezhnev", "Chruschtschow" -> "Khrushchov",
// "Gorbatschow" -> "Gorbachov", "Kossygin" -> "Kosygin"), in order.
var germanSpellings = strings.NewReplacer("schtsch", "shch", "tsch", "ch", "sch", "sh", "sh", "zh", "ss", "s")

// germanRomanised resolves a Russian name written the German way to the
// gazetteer's person when the English romanisation names one; ok is false
// when the name is not written the German way or names nobody known.
func (x *extractor) germanRomanised(name string) (EntityRef, bool) {
	w := strings.Fields(stripHonorific(name))
	if len(w) == 0 {
		return EntityRef{}, false
	}
	last := w[len(w)-1]
	if !strings.HasSuffix(last, "ow") && !strings.HasSuffix(last, "ew") && !strings.Contains(last, "sch") &&
		!strings.Contains(last, "sh") {
		return EntityRef{}, false
	}
	for i, s := range w {
		if initials(s) {
			continue
		}
		s = germanSpellings.Replace(s)
		if strings.HasSuffix(s, "ow") || strings.HasSuffix(s, "ew") {
			s = s[:len(s)-1] + "v"
		}
		if strings.HasPrefix(s, "Ch") {
			s = "Kh" + s[2:]
		}
		w[i] = s
	}
	if mm := x.m.Resolve(strings.Join(w, " "), x.ctx); mm != nil && mm.Class == vocab.ClassPerson && mm.By != "rule" {
		x.addMention(*mm, -1, "en")
		return EntityRef{Class: mm.Class, Name: mm.Name}, true
	}
	return EntityRef{}, false
}

// initials reports whether w is one or more initials ("L.I.", "K.").
func initials(w string) bool {
	t := strings.ReplaceAll(w, ".", "")
	return strings.HasSuffix(w, ".") && t != "" && utf8.RuneCountInString(t) <= 3 && strings.ToUpper(t) == t
}
