package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// Words after which a capitalised name is a person's.
var personTriggers = map[string]bool{
	"cde": true, "comrade": true, "comrades": true, "com": true, "general": true, "marshal": true,
	"ambassador": true, "mr": true, "mrs": true, "premier": true, "minister": true, "colonel": true,
	"тов": true, "товарищ": true, "товарищу": true, "товарища": true, "товарищи": true, "товарищам": true,
	"генерал": true, "генералу": true, "маршал": true, "маршалу": true, "посол": true, "послу": true,
	"同志": false,
}

// signatureLead are words a signature line may begin with.
var signatureLead = set("recorded drafted prepared signed записал записала записали составил подписал verfasst gez")

// abbrevTriggers are triggers written with a period ("Cde.", "тов.").
var abbrevTriggers = set("cde com tov тов тт mr mrs dr gen col adm amb")

// Capitalised words that are not names, though they may follow a trigger
// or stand alone on a line.
var notNames = map[string]bool{
	"the": true, "of": true, "to": true, "for": true, "and": true, "army": true, "staff": true,
	"ciphered": true, "cipher": true, "telegram": true, "special": true, "secret": true, "top": true,
	"copy": true, "copies": true, "greetings": true, "enclosure": true, "original": true, "translation": true,
	"transcription": true, "draft": true, "urgent": true, "priority": true, "received": true, "sent": true,
	"source": true, "rights": true, "summary": true, "contents": true, "citation": true, "type": true,
	"language": true, "record": true, "minutes": true, "cable": true, "letter": true, "report": true,
	"note": true, "memorandum": true, "headquarters": true, "department": true, "committee": true,
	"secretary": true, "chairman": true, "government": true, "side": true, "delegation": true,
	"шифртелеграмма": true, "особая": true, "срочно": true, "секретно": true, "совершенно": true,
	"приложение": true, "копия": true, "подлинник": true, "вне": true, "очереди": true, "привет": true,
	"приветом": true, "для": true, "от": true,
}

// rules finds names the gazetteer lacks: capitalised words after a person
// trigger ("Cde. Deng Liqun", "тов. Семенову"), and lone names on a
// signature line near a date or at the end of the text. A lone name within
// one edit of a known person's label is taken as that person misread.
func (m *Matcher) rules(text string, toks []token, covered []bool, cls []string, ent []*vocab.Entry, ctx Context) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if covered[i] || t.struck || !personTriggers[t.Norm] {
			continue
		}
		// titles after the form of address ("Comrade Ambassador X")
		ns := i + 1
		for ns < len(toks) && !covered[ns] && toks[ns].Upper && titleWords[toks[ns].Norm] && sameLine(text, toks[ns-1], toks[ns]) {
			ns++
		}
		j := ns
		// initials and names, joined by spaces, initials' periods or hyphens
		for j < len(toks) && j-ns < 4 && !covered[j] && !toks[j].struck && !toks[j].Han &&
			!notNames[toks[j].Norm] && !stopWord(toks[j]) && !notPersonWordsRu[toks[j].Norm] && !isDigits(toks[j].Norm) &&
			sameLine(text, toks[j-1], toks[j]) && (j == ns || !toks[j].AllCaps || !toks[j-1].AllCaps || initial(toks[j-1]) || capsNamePart(text, toks, j)) {
			gap := text[toks[j-1].ByteEnd:toks[j].Byte]
			if !toks[j].Upper && !(gap == "-" && j > ns) &&
				!(j > ns && gap == " " && particles[toks[j].Norm] && j+1 < len(toks) && toks[j+1].Upper && sameLine(text, toks[j], toks[j+1])) {
				break // a particle goes on a name: "Minister Jorge dos Reis"
			}
			if j > ns && gap != " " && gap != "-" && !elidedGap(gap) && !((gap == "." || gap == ". ") && initial(toks[j-1])) {
				break
			}
			if j == ns && gap != " " && !(strings.HasPrefix(gap, ".") && strings.TrimSpace(gap[1:]) == "" && abbrevTriggers[toks[j-1].Norm]) {
				break // "the Romanian comrades. But …": a sentence ends
			}
			j++
		}
		// the name must end with a word, not an initial
		for j > ns && utf8.RuneCountInString(toks[j-1].Norm) == 1 {
			j--
		}
		if j == ns {
			continue
		}
		role := roleText(text, toks[i:ns])
		i = ns - 1
		if f := m.Fuzzy(text[toks[i+1].Byte:toks[j-1].ByteEnd]); f != nil && f.label.Applies(ctx.Date, ctx.Orig) {
			// a known name misread ("Кнм Ир Сен"); a label of other years
			// ("Harrison" of the 1952 armistice talks) is someone else's
			out = append(out, Mention{Entry: f.entry, Class: f.entry.Class, Name: f.entry.Name, Start: toks[i+1].Start,
				End: toks[j-1].End, Text: text[toks[i+1].Byte:toks[j-1].ByteEnd], By: ByFuzzy, Label: f.label})
			for k := i + 1; k < j; k++ {
				covered[k] = true
				cls[k] = vocab.ClassPerson
			}
		} else if mm, ok := m.unlinked(text, toks[i+1:j], ctx); ok {
			if role != "" {
				mm.Role = role
			} else if titleWords[toks[i].Norm] {
				mm.Role = roleText(text, toks[i:i+1])
			}
			mm.Titled = text[toks[rankStart(text, toks, i)].Byte:toks[j-1].ByteEnd]
			out = append(out, mm)
			for k := i + 1; k < j; k++ {
				covered[k] = true
				cls[k] = vocab.ClassPerson
			}
		}
		i = j - 1
	}
	out = append(out, m.bodies(text, toks, covered, cls, ent, ctx)...)
	out = append(out, m.partyBodies(text, toks, covered, cls, ent, ctx)...)
	out = append(out, m.partyEvents(text, toks, covered, cls, ent, ctx)...)
	out = append(out, m.bodyDocuments(text, toks, covered, cls, ent, ctx)...)
	out = append(out, m.open(text, toks, covered, cls, ent, ctx)...)
	out = append(out, m.signatures(text, toks, covered, ctx)...)
	out = append(out, m.officeHolders(text, toks, covered, cls, ctx)...)
	return out
}

// elidedGap reports whether the text between two words of a name is an
// elided particle ("Miguel d'Escoto").
func elidedGap(gap string) bool { return gap == " d'" || gap == " d’" || gap == " D'" }

// capsNamePart reports whether toks[j], a capitalised word after another
// in a telegram written in capitals, goes on a name: a hyphenated given
// name ("SUH JYONG-CHUL", "CHOI KYU-HAH"), a given name or the word after
// one ("SHAH MOHAMMAD DOST"); other words ("TABEEV IS SEEN") end it.
func capsNamePart(text string, toks []token, j int) bool {
	if text[toks[j-1].ByteEnd:toks[j].Byte] == "-" {
		return true
	}
	if j+1 < len(toks) && text[toks[j].ByteEnd:toks[j+1].Byte] == "-" && toks[j+1].AllCaps {
		return true
	}
	return givenWord(toks[j]) || givenWord(toks[j-1]) && !functionWords[toks[j].Norm]
}

func sameLine(text string, a, b token) bool {
	return !strings.Contains(text[a.ByteEnd:b.Byte], "\n")
}

// unlinked makes a mention for a name the gazetteer lacks. Russian names
// are given in Latin letters, in the nominative where the ending shows the
// dative or genitive of a surname in -ov, -ev, -in.
func (m *Matcher) unlinked(text string, toks []token, ctx Context) (Mention, bool) {
	var sb strings.Builder
	letters := 0
	// a family name a Slavic case ending was taken from: the given name
	// before it is in that case too ("Ivana Kovalenka" is Ivan Kovalenko)
	last := toks[len(toks)-1]
	declined := !last.Cyr && len(toks) > 1 && polishNominative(text[last.Byte:last.ByteEnd]) != text[last.Byte:last.ByteEnd]
	for k, t := range toks {
		w := text[t.Byte:t.ByteEnd]
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if declined && k == 0 && len(t.Norm) > 3 && strings.HasSuffix(t.Norm, "a") && givenNames[t.Norm[:len(t.Norm)-1]] {
			w = w[:len(w)-1]
		}
		letters += utf8.RuneCountInString(t.Norm)
		if t.Cyr {
			w = nominative(w, k == len(toks)-1)
			w = Translit(w)
		}
		if t.AllCaps {
			w = titleCase(w)
		}
		if n := utf8.RuneCountInString(t.Norm); (n == 1 || n == 2 && t.DotAfter && t.Upper) && k < len(toks)-1 {
			w += "."
		}
		if !t.Cyr && k == len(toks)-1 {
			w = polishNominative(w)
		}
		if k > 0 {
			if gap := text[toks[k-1].ByteEnd:t.Byte]; gap == "-" {
				sb.WriteByte('-')
			} else if elidedGap(gap) {
				sb.WriteString(gap)
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(w)
	}
	if letters < 3 {
		return Mention{}, false
	}
	name := sb.String()
	name = strings.ReplaceAll(name, ". ", ".")
	name = fixInitials(name)
	first, last := toks[0], toks[len(toks)-1]
	return Mention{Class: vocab.ClassPerson, Name: name, Start: first.Start, End: last.End,
		Text: text[first.Byte:last.ByteEnd], By: ByRule}, true
}

// fixInitials turns "G.M.Malenkov" back into "G.M. Malenkov".
func fixInitials(s string) string {
	var sb strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		sb.WriteRune(r)
		if r == '.' && i+2 < len(rs) && unicode.IsUpper(rs[i+1]) && rs[i+2] != '.' {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

// nominative gives a Russian name word in the nominative: a family name
// (last) in -ов, -ев, -ин, -ский from any case, a given name or other word
// from the dative in -у.
func nominative(w string, last bool) string {
	low := strings.ToLower(w)
	if last {
		if base := cyrSurnameBase(low); base != "" && base != low {
			rs := []rune(w)
			return string(rs[:utf8.RuneCountInString(base)])
		}
		if !strings.HasSuffix(low, "ский") && strings.HasSuffix(low, "ий") {
			return w
		}
	}
	for _, e := range []string{"ову", "еву", "ину", "ыну"} {
		if strings.HasSuffix(low, e) && utf8.RuneCountInString(low) > 4 {
			_, n := utf8.DecodeLastRuneInString(w)
			return w[:len(w)-n]
		}
	}
	return w
}

// polishNominative gives a Polish or Czech family name in -ski, -cki,
// -dzki, -ský, -cký from its genitive, dative or instrumental ("Ministra
// Rapackiego"), and a Ukrainian one in -enko as Czech and Slovak decline it
// ("veľvyslanca Červonenka"): only endings no other word of a name has.
func polishNominative(w string) string {
	for _, e := range [][2]string{{"skiego", "ski"}, {"ckiego", "cki"}, {"dzkiego", "dzki"}, {"skiemu", "ski"}, {"ckiemu", "cki"},
		{"ského", "ský"}, {"ckého", "cký"}, {"skému", "ský"}, {"ckému", "cký"},
		{"enkovi", "enko"}, {"enkom", "enko"}, {"enka", "enko"}} {
		if strings.HasSuffix(w, e[0]) && len(w) > len(e[0])+2 {
			return w[:len(w)-len(e[0])] + e[1]
		}
	}
	return w
}

func titleCase(w string) string {
	rs := []rune(strings.ToLower(w))
	for i := range rs {
		if i == 0 || !unicode.IsLetter(rs[i-1]) {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}

// signatures finds lone names on their own line: the signature of a letter
// or telegram (the line must be near a date line, or at the start or end of
// the text).
func (m *Matcher) signatures(text string, toks []token, covered []bool, ctx Context) []Mention {
	type ln struct{ i, j int } // token range of a non-empty line
	var lines []ln
	var texts []string
	start := 0
	for off := 0; off <= len(text); {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		if strings.TrimSpace(text[off:end]) != "" {
			lines = append(lines, ln{-1, -1})
			texts = append(texts, text[off:end])
			k := len(lines) - 1
			for start < len(toks) && toks[start].Byte < off {
				start++
			}
			s := start
			for s < len(toks) && toks[s].Byte < end {
				if lines[k].i < 0 {
					lines[k].i = s
				}
				lines[k].j = s + 1
				s++
			}
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	var out []Mention
	for k, l := range lines {
		near := k == 0 || k >= len(lines)-2
		if !near && k > 0 && k >= len(lines)-8 && strings.HasSuffix(strings.TrimSpace(texts[k-1]), ",") {
			near = true // "Le Chef de l'État," over the first of two signatures with their roles
		}
		for d := -2; d <= 2 && !near; d++ {
			if d != 0 && k+d >= 0 && k+d < len(lines) && dateLine(texts[k+d]) {
				near = true
			}
		}
		if !near || l.i < 0 || !loneName(texts[k]) {
			continue
		}
		var name []token
		skip := false
		for x := l.i; x < l.j; x++ {
			if toks[x].struck {
				continue
			}
			if covered[x] {
				skip = true
				break
			}
			name = append(name, toks[x])
		}
		for len(name) > 1 && (signatureLead[name[0].Norm] || titleWords[name[0].Norm]) {
			name = name[1:] // "Записал В. Виноградов", "Ambassador A. Dobrynin"
		}
		if skip || len(name) == 0 || len(name) > 3 {
			continue
		}
		if k == 0 && len(name) == 1 && !initial(name[0]) && !slavicSurname(name[0]) {
			// a lone word above the record is its heading or
			// classification ("STENOGRAMA", "Лично"), not a signature
			if f := m.Fuzzy(text[name[0].Byte:name[0].ByteEnd]); f == nil {
				continue
			}
		}
		ok := true
		for _, t := range name {
			w := strings.TrimSuffix(t.Norm, "'s")
			if !t.Upper || t.Han || notNames[w] || notPersonWords[w] || notPersonWordsRu[w] || utf8.RuneCountInString(t.Norm) < 2 || isDigits(t.Norm) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		a, b := name[0], name[len(name)-1]
		written := text[a.Byte:b.ByteEnd]
		if f := m.Fuzzy(written); f != nil && f.label.Applies(ctx.Date, ctx.Orig) {
			out = append(out, Mention{Entry: f.entry, Class: f.entry.Class, Name: f.entry.Name,
				Start: a.Start, End: b.End, Text: written, By: ByFuzzy, Label: f.label})
			continue
		}
		if mm, ok := m.unlinked(text, name, ctx); ok {
			out = append(out, mm)
		}
	}
	return out
}

// loneName reports whether a line holds only a name: letters, spaces,
// struck-out text, one final period, and perhaps a bracketed note.
func loneName(line string) bool {
	s := strings.TrimSpace(line)
	if i := strings.IndexByte(s, '['); i > 0 && strings.HasSuffix(strings.TrimRight(s, "."), "]") {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimSuffix(s, ".")
	for {
		i := strings.Index(s, "~~")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "~~")
		if j < 0 {
			break
		}
		s = s[:i] + s[i+2+j+2:]
	}
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// dateLine reports whether a line is a short date ("17 сентября 1952г.",
// "17.X.1948", "1 December 1950").
func dateLine(line string) bool {
	s := strings.TrimSpace(line)
	if len(s) > 40 {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 4 {
		return false
	}
	for _, y := range []string{"19", "20", "18"} {
		if strings.Contains(s, y) {
			return true
		}
	}
	return false
}

var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu",
	'я': "ia",
	// the letters of Mongolian, Ukrainian and Serbian and Macedonian
	// Cyrillic, as the records' English versions write them
	'ө': "ö", 'ү': "ü", 'і': "i", 'ї': "i", 'є': "ie", 'ґ': "g",
	'ђ': "đ", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "ć", 'џ': "dž", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// Translit writes Russian in Latin letters (the Library of Congress scheme
// without diacritics, as English-language archives cite names: Семенов ->
// Semenov, Карский -> Karskii).
func Translit(s string) string {
	var sb strings.Builder
	for _, r := range s {
		low := unicode.ToLower(r)
		t, ok := translit[low]
		if !ok {
			sb.WriteRune(r)
			continue
		}
		if r != low && t != "" {
			rs := []rune(t)
			rs[0] = unicode.ToUpper(rs[0])
			t = string(rs)
		}
		sb.WriteString(t)
	}
	return sb.String()
}
