// Package identity decides which person entities of a store are one person
// across documents and languages: "Shtykov", "T.F. Shtykov", "Штыков" and
// "Terentii Shtykov" written in four records are one man, while two
// Kuznetsovs of the same years stay apart. It looks at names and the years
// of the documents that mention them, nothing else, and decides from the
// whole set at once, so the answer does not depend on the order in which
// documents were read. It never links a name that has two candidates.
//
// The rules, in order:
//  1. Two full names (a given name and a surname) in different scripts or
//     spellings whose given names and surnames have the same key (a
//     transliteration folded so that Terentii, Terenty and Терентий agree)
//     are one person.
//  2. A short name (a bare surname, or initials and a surname, in any
//     script and, for Russian, any case) is the person of the only full
//     name with the same surname key whose initials agree and whose
//     documents' years overlap its own (within Slack years). No candidate,
//     or two, leaves it alone.
//
// Entities of the gazetteer take part as candidates but are never merged
// into another entity.
package identity

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slack is how many years apart a short name's documents and its
// candidate's may be and still count as one period.
const Slack = 5

// Person is one person entity of a store.
type Person struct {
	IRI   string
	Names []string // its canonical name first, then every label
	// Linked marks an entity described by a gazetteer: a candidate, never
	// merged away.
	Linked bool
	// First and Last are the dates (ISO 8601 prefixes) of the first and
	// last documents that mention it; "" when none is dated.
	First, Last string
	Docs        int
}

// Link says that From is the same person as To, and why.
type Link struct {
	From, To string
	Method   string
}

// name is a parsed personal name.
type name struct {
	given   []string // keys of the given names or initials, in order
	full    bool     // at least one given name written out (not an initial)
	surname string   // key of the surname
	stems   []string // keys of the surname without a Russian case ending
	latin   bool
}

// titles are words before a name that are not part of it.
var titles = map[string]bool{
	"comrade": true, "cde": true, "cdes": true, "tov": true, "товарищ": true, "товарищу": true, "тов": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "professor": true, "general": true,
	"marshal": true, "admiral": true, "colonel": true, "ambassador": true, "minister": true,
	"secretary": true, "chairman": true, "premier": true, "president": true, "genosse": true,
	"genossin": true, "herr": true, "frau": true, "towarzysz": true, "elvtárs": true, "soudruh": true,
	"first": true, "general-secretary": true, "deputy": true, "captain": true, "lieutenant": true,
	"major": true, "senator": true, "king": true, "prince": true, "sir": true,
}

func parse(s string) (name, bool) {
	var n name
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	var toks []string
	for _, w := range words {
		// "T.F." and "T. F." are two initials
		parts := strings.Split(w, ".")
		for i, p := range parts {
			if p == "" {
				continue
			}
			if i < len(parts)-1 {
				p += "."
			}
			toks = append(toks, p)
		}
	}
	for len(toks) > 0 && titles[strings.ToLower(strings.TrimSuffix(toks[0], "."))] {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return n, false
	}
	last := toks[len(toks)-1]
	if strings.HasSuffix(last, ".") || !hasLetter(last) {
		return n, false
	}
	n.latin = isLatin(last)
	n.surname = key(last)
	if n.surname == "" {
		return n, false
	}
	if !n.latin {
		n.stems = stems(n.surname)
	}
	for _, t := range toks[:len(toks)-1] {
		k := key(strings.TrimSuffix(t, "."))
		if k == "" {
			return n, false
		}
		if strings.HasSuffix(t, ".") || len([]rune(t)) == 1 {
			n.given = append(n.given, k[:1])
			continue
		}
		if !startsUpper(t) {
			return n, false // "the", "of": not a personal name
		}
		n.given = append(n.given, k)
		n.full = true
	}
	return n, true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

var cyr = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu",
	'я': "ia", 'і': "i", 'ї': "i", 'є': "e", 'ґ': "g",
}

// key folds a name word so that its usual romanisations and its Cyrillic
// form agree: lower case, accents dropped, Cyrillic transliterated, then
// the German, Polish and Hungarian digraphs, kh/h, y/j/i, ts/tz/c, w/v,
// ck/k and doubled letters folded.
func key(w string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case cyr[r] != "":
			b.WriteString(cyr[r])
		case r == 'ł':
			b.WriteByte('l')
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r):
			b.WriteRune(r)
		}
	}
	s := b.String()
	// German, Polish and Hungarian spellings of Russian names: "tsch",
	// "cz" and Hungarian "cs" are ch; "sz" is the Polish sh and the
	// Hungarian s, so sh and s are one ("Szmirnov", "Smirnov")
	for _, f := range [][2]string{{"tsch", "ch"}, {"szcz", "sc"}, {"shch", "sc"}, {"sch", "s"}, {"sz", "s"}, {"cz", "ch"},
		{"cs", "ch"}, {"zs", "zh"}, {"sh", "s"}, {"kh", "h"}, {"tz", "c"}, {"ts", "c"}, {"ck", "k"},
		{"w", "v"}, {"y", "i"}, {"j", "i"}, {"ie", "e"}, {"ii", "i"}} {
		s = strings.ReplaceAll(s, f[0], f[1])
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

// stems lists a Cyrillic surname's key without the endings of the Russian
// oblique cases (Штыкову, Андропова, Громыко stays), longest ending first.
func stems(k string) []string {
	var out []string
	for _, e := range []string{"ogo", "omu", "oi", "om", "im", "u", "a", "e"} {
		if strings.HasSuffix(k, e) && len(k)-len(e) >= 3 {
			out = append(out, k[:len(k)-len(e)])
		}
	}
	return out
}

type entry struct {
	p  *Person
	ns []name
}

// year of an ISO date prefix, 0 when there is none.
func year(d string) int {
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return 0
	}
	return y
}

func overlap(a, b *Person) bool {
	af, al, bf, bl := year(a.First), year(a.Last), year(b.First), year(b.Last)
	if af == 0 || bf == 0 {
		return true // a period that is not known does not tell them apart
	}
	return af <= bl+Slack && bf <= al+Slack
}

// initialsAgree reports whether a short name's initials fit a full name's
// given names (first initial against the first given name, a second one
// against the patronymic or second name where the full name has one).
func initialsAgree(short, full name) bool {
	for i, g := range short.given {
		if i >= len(full.given) {
			return true
		}
		if !strings.HasPrefix(full.given[i], g[:1]) {
			return false
		}
	}
	return true
}

// sameFull reports whether two full names are one: equal surname keys and
// equal keys of the first given name (or one an initial of the other).
func sameFull(a, b name) bool {
	if a.surname != b.surname || len(a.given) == 0 || len(b.given) == 0 {
		return false
	}
	ga, gb := a.given[0], b.given[0]
	if len(ga) == 1 || len(gb) == 1 {
		return ga[0] == gb[0]
	}
	return ga == gb
}

func surnameMatches(short, full name) bool {
	if short.surname == full.surname {
		return true
	}
	return slices.Contains(short.stems, full.surname)
}

// rank orders the candidates for the surviving IRI of a group: gazetteer
// entities first, then Latin-script names, more documents, the smaller IRI.
func better(a, b *entry) bool {
	if a.p.Linked != b.p.Linked {
		return a.p.Linked
	}
	al, bl := a.ns[0].latin, b.ns[0].latin
	if al != bl {
		return al
	}
	if a.p.Docs != b.p.Docs {
		return a.p.Docs > b.p.Docs
	}
	return a.p.IRI < b.p.IRI
}

// Resolve returns the links between the people that are one, each from a
// merged entity to the one that survives, sorted by From.
func Resolve(people []Person) []Link {
	var es []*entry
	for i := range people {
		e := &entry{p: &people[i]}
		for _, s := range people[i].Names {
			if n, ok := parse(s); ok {
				e.ns = append(e.ns, n)
			}
		}
		if len(e.ns) > 0 {
			es = append(es, e)
		}
	}
	full := func(e *entry) (name, bool) {
		for _, n := range e.ns {
			if n.full {
				return n, true
			}
		}
		return name{}, false
	}
	// union-find over rule 1
	parent := map[*entry]*entry{}
	var find func(e *entry) *entry
	find = func(e *entry) *entry {
		if p, ok := parent[e]; ok && p != e {
			r := find(p)
			parent[e] = r
			return r
		}
		return e
	}
	method := map[*entry]string{}
	bySurname := map[string][]*entry{}
	for _, e := range es {
		if n, ok := full(e); ok {
			bySurname[n.surname] = append(bySurname[n.surname], e)
		}
	}
	keys := make([]string, 0, len(bySurname))
	for k := range bySurname {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		group := bySurname[k]
		for i, a := range group {
			for _, b := range group[i+1:] {
				na, _ := full(a)
				nb, _ := full(b)
				if a.p.Linked && b.p.Linked {
					continue // the gazetteer keeps its entries apart
				}
				if sameFull(na, nb) && overlap(a.p, b.p) {
					ra, rb := find(a), find(b)
					if ra == rb || ra.p.Linked && rb.p.Linked {
						continue
					}
					if better(rb, ra) {
						ra, rb = rb, ra
					}
					parent[rb] = ra
					if _, ok := method[rb]; !ok {
						method[rb] = "same given name and surname in another spelling or script"
					}
				}
			}
		}
	}
	// rule 2: short names to the only candidate
	var fulls []*entry
	for _, e := range es {
		if _, ok := full(e); ok {
			fulls = append(fulls, e)
		}
	}
	target := map[*entry]*entry{}
	for _, e := range es {
		if e.p.Linked {
			continue
		}
		if _, ok := full(e); ok {
			continue
		}
		var cands []*entry
		for _, c := range fulls {
			fc, _ := full(c)
			ok := false
			for _, n := range e.ns {
				if surnameMatches(n, fc) && initialsAgree(n, fc) {
					ok = true
				}
			}
			if !ok || !overlap(e.p, c.p) {
				continue
			}
			r := find(c)
			if !slices.Contains(cands, r) {
				cands = append(cands, r)
			}
		}
		if len(cands) == 1 {
			target[e] = cands[0]
			method[e] = "the only person of that surname with agreeing initials in those years"
		}
	}
	var out []Link
	for _, e := range es {
		t := target[e]
		if t == nil {
			if r := find(e); r != e {
				t = r
			}
		}
		if t == nil || t == e {
			continue
		}
		out = append(out, Link{From: e.p.IRI, To: find(t).p.IRI, Method: method[e]})
	}
	slices.SortFunc(out, func(a, b Link) int { return cmp.Compare(a.From, b.From) })
	return out
}

// Key folds one name word as the identity rules compare them, so that its
// usual romanisations and its Cyrillic form agree ("Shtykov", "Штыков").
func Key(word string) string { return key(word) }
