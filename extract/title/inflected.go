package title

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Grammatical cases a name in an inflecting title stands in (Party.Case).
const (
	Genitive     = "gen" // "Письмо Л.И. Брежнева", "List tow. Gierka", "a beszélgetés Kádár Jánosé"
	Dative       = "dat" // "Товарищу Громыко", "Kádár János elvtársnak"
	Instrumental = "ins" // "беседа с тов. Хрущевым", "rozmowa z tow. Chruszczowem", "s s. Brežněvem"
)

// inflectedWords are the small words of Russian, Polish, Czech, Slovak,
// Hungarian, Romanian and German titles that tell a name's part: the
// writer's ("от", "od"), a party's to a conversation ("с", "z", "s",
// "mit", "dintre"), the addressee's ("do", "в", "к"), a place the record
// comes from ("из", "z" outside a conversation), or an honorific that
// opens ("тов.", "tow.", "s.", "Genossen") or closes ("elvtárs") a name.
var (
	fromWords = map[string]bool{"от": true, "od": true}
	withWords = map[string]bool{"с": true, "со": true, "z": true, "ze": true, "s": true, "se": true, "so": true, "mit": true, "cu": true,
		"dintre": true, "între": true, "intre": true, "zwischen": true, "des": true}
	toWords    = map[string]bool{"für": true, "an": true, "do": true, "к": true, "ко": true, "pro": true, "для": true, "dla": true}
	placeWords = map[string]bool{"из": true, "iz": true, "din": true, "aus": true}
	andWords   = map[string]bool{"и": true, "i": true, "a": true, "és": true, "și": true, "şi": true, "si": true, "und": true}
	// honorifics before a name, with the case they show when they do
	preHonorifics = map[string]string{
		"тов.": "", "т.": "", "товарищ": "", "товарища": Genitive, "товарищу": Dative, "товарищем": Instrumental,
		"tow.": "", "towarzysz": "", "towarzysza": Genitive, "towarzyszowi": Dative, "towarzyszem": Instrumental,
		"s.": "", "soudruh": "", "soudruha": Genitive, "soudruhu": Dative, "soudruhem": Instrumental,
		"soudružky": Genitive, "genosse": "", "genossen": "", "genossin": "",
		"súdruh": "", "súdruha": Genitive, "súdruhovi": Dative, "súdruhom": Instrumental, "súdružky": Genitive,
		"tovarășul": "", "tovarăşul": "", "tovarășului": Genitive, "tovarăşului": Genitive, "tov.": "",
	}
	// Hungarian honorifics follow the name; a dative one marks the addressee
	postHonorifics = map[string]string{"elvtárs": "", "elvtársnő": "", "elvtársnak": Dative, "elvtársnőnek": Dative,
		"úr": "", "úrnak": Dative}
	// words that end the parties: the topic ("о", "w sprawie", "über", "despre", "-ról")
	topicWords = map[string]bool{"о": true, "об": true, "по": true, "относительно": true, "o": true, "w": true, "na": true,
		"ws.": true, "über": true, "zu": true, "zur": true, "zum": true, "betreffend": true, "despre": true, "privind": true,
		"cu privire": true, "ve": true, "ohledně": true, "k": true, "ke": true, "во": true}
)

type inflGroup struct {
	role       string // "from", "with", "to", "place", "" (unmarked)
	post       bool   // closed by a Hungarian honorific: the name stands in the nominative
	caseOf     string
	start, end int // byte span of the name in s
	words      int
}

// inflectedParties reads the parties a title in a language that inflects
// names names after its kind (s[i:j] is the segment, kindEnd where the
// kind phrase ends in it): writers, addressees and a conversation's
// parties. Unmarked names right after a letter's or report's kind are its
// writer's (genitive: "Письмо Л.И. Брежнева"); an unmarked name after the
// writer's is the addressee's (dative: "... тов. Э. Хонеккеру"); a lone
// name ending in a dative ending is the addressee's.
func inflectedParties(s string, i, j, kindEnd int, kind string) (authors, recipients, participants []Party) {
	conv := kind == Conversation || kind == Transcript
	var groups []inflGroup
	var cur *inflGroup
	pending, pendingCase := "", ""
	closeGroup := func() {
		if cur != nil && cur.words > 0 {
			groups = append(groups, *cur)
		}
		cur = nil
	}
	open := func(at int) {
		cur = &inflGroup{role: pending, caseOf: pendingCase, start: at}
		pending, pendingCase = "", ""
	}
	k := kindEnd
	for k < j {
		for k < j && (s[k] == ' ' || s[k] == ',') {
			if s[k] == ',' {
				closeGroup()
			}
			k++
		}
		if k >= j {
			break
		}
		e := k
		for e < j && s[e] != ' ' && s[e] != ',' {
			e++
		}
		raw := s[k:e]
		w := strings.ToLower(raw)
		r, _ := utf8.DecodeRuneInString(raw)
		switch {
		case raw == "№" || w == "nr" || w == "nr." || w == "no." || w == "č." || w == "sz." || strings.IndexFunc(raw, unicode.IsDigit) >= 0:
			// a number: "Szyfrogram nr 1234", "№ 45"
			closeGroup()
			if cur == nil && pending != "" && strings.IndexFunc(raw, unicode.IsDigit) >= 0 {
				pending = "" // "от 5 мая": a date, not a writer
			}
		case fromWords[w] && !strings.HasSuffix(raw, "."):
			closeGroup()
			pending = "from"
		case withWords[w] && !strings.HasSuffix(raw, ".") && (conv || w != "z" && w != "s" && w != "des"):
			closeGroup()
			pending, pendingCase = "with", Instrumental
			if w == "des" || w == "dintre" || w == "între" || w == "intre" || w == "zwischen" {
				pendingCase = Genitive
			}
		case placeWords[w] || (w == "z" || w == "ze" || w == "s") && !conv:
			closeGroup()
			pending = "place"
		case (w == "в" || w == "во") && e+1 < j && acronymAt(s[e+1:j]):
			// "Письмо в ЦК КПСС": to a body
			closeGroup()
			pending, pendingCase = "to", ""
		case toWords[w]:
			closeGroup()
			pending = "to"
			if w == "do" || w == "pro" {
				pendingCase = Genitive
			} else {
				pendingCase = Dative
			}
		case andWords[w] && cur != nil:
			role, c := cur.role, cur.caseOf
			closeGroup()
			if role == "" && len(groups) > 0 {
				role = groups[len(groups)-1].role
			}
			pending, pendingCase = role, c
			if role == "" {
				pending = "and"
			}
		case andWords[w]:
			// a Hungarian article ("a Politikai Bizottságnak")
		case hasKey(preHonorifics, w) && (w != "s." || raw == "s."): // "S." is an initial, "s." the Czech "soudruh"
			if cur != nil && cur.words > 0 {
				closeGroup()
			}
			if c := preHonorifics[w]; c != "" {
				pendingCase = c
			}
			if pending == "" && len(groups) > 0 && !conv {
				pending = "next"
			}
		case hasKey(postHonorifics, w):
			if cur != nil {
				cur.post = true
				if c := postHonorifics[w]; c != "" {
					cur.role = "to" // the honorific carries the case; the name stays in the nominative
				}
				closeGroup()
			}
		case topicWords[w] && !unicode.IsUpper(r):
			closeGroup()
			k = j // the topic: nothing after it names a party
			continue
		case unicode.IsUpper(r) && Kind(raw) == "":
			if cur != nil && cur.words > 0 && !conv && (strings.HasSuffix(w, "ому") || strings.HasSuffix(w, "ему")) {
				// "Письмо ЦК КПСС Центральному Комитету СЕПГ": the addressee's
				// dative after the writer's name
				closeGroup()
				pending, pendingCase = "to", Dative
			}
			if cur == nil {
				open(k)
			}
			cur.end = e
			cur.words++
		default:
			// a lower-case word: an office ("посла СССР") or the conversation's noun
			if cur != nil && cur.words > 0 && !conv {
				closeGroup()
			}
		}
		k = e
	}
	closeGroup()
	// German names keep their form after "des", "mit" and "Genossen"
	german := false
	for _, w := range strings.Fields(strings.ToLower(s[i:j])) {
		german = german || w == "genossen" || w == "des" || w == "mit" || w == "zwischen" || w == "und" || w == "über"
	}
	for n, g := range groups {
		name := strings.TrimRight(s[g.start:g.end], ":;")
		p, ok := party(s, g.start, g.start+len(name))
		if !ok || p.Text == "" && !p.Institution {
			continue
		}
		p.Case = g.caseOf
		for _, cc := range []string{"Центральному Комитету ", "Центрального Комитета ", "Центральным Комитетом "} {
			if strings.HasPrefix(p.Text, cc) {
				// a party's Central Committee in an oblique case: its
				// abbreviation, which does not inflect ("ЦК СЕПГ")
				p.Text, p.Institution = "ЦК "+p.Text[len(cc):], true
			}
		}
		role := g.role
		if role == "" || role == "next" || role == "and" {
			switch {
			case conv:
				role = "with"
				if !g.post && p.Case == "" && g.role == "" {
					p.Case = Genitive // "rozmowy tow. Gomułki", "rozhovoru s. A. Dubčeka"
				}
			case role == "next" || role == "and" && n > 0 && groups[n-1].role == "to":
				role = "to"
			case len(groups) == 1 && dativeEnding(p.Text):
				role, p.Case = "to", Dative
			case n == 0 || role == "and":
				role = "from"
				if p.Case == "" {
					p.Case = Genitive
				}
			default:
				role = "to"
			}
		}
		if role == "to" && p.Case == "" && !g.post {
			p.Case = Dative
		}
		if role == "from" && p.Case == "" && !g.post {
			p.Case = Genitive
		}
		if german {
			p.Case = ""
		}
		switch role {
		case "from":
			authors = append(authors, p)
		case "to":
			recipients = append(recipients, p)
		case "with":
			participants = append(participants, p)
		}
	}
	return authors, recipients, participants
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// dativeEnding reports whether a name's last word ends as only a dative
// does: Russian -у/-ю ("Хонеккеру", "Громову"), Hungarian -nak/-nek.
func dativeEnding(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	return strings.HasSuffix(last, "у") || strings.HasSuffix(last, "ю") || strings.HasSuffix(last, "nak") ||
		strings.HasSuffix(last, "nek")
}

// inflectingTitle reports whether a title is written in a language whose
// names inflect after its kind: Cyrillic, or Latin letters of Polish,
// Czech, Slovak, Hungarian or Romanian, or their honorifics.
func inflectingTitle(s string) bool {
	for _, r := range s {
		if r >= 0x400 && r <= 0x4FF {
			return true
		}
		if strings.ContainsRune("ąęłńśźżěřůťďňőűășțş", unicode.ToLower(r)) {
			return true
		}
	}
	low := strings.ToLower(s)
	for _, w := range strings.Fields(low) {
		if strings.HasSuffix(w, "nak") || strings.HasSuffix(w, "nek") || strings.HasSuffix(w, "ról") || strings.HasSuffix(w, "ről") {
			return true // Hungarian case endings
		}
	}
	for _, w := range []string{"tow.", " s. ", "elvtárs", "genossen", "tovarăș", "tovarăş", "soudruh", "súdruh"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// acronymAt reports whether s starts with a word in capitals ("ЦК", "МИД").
func acronymAt(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// Nominative is one reading of an inflected name in the nominative: Name
// the whole name, Certain when the ending rule admits no other reading
// (Russian "-овым" is only ever "-ов"; Hungarian "-nak" only a dative).
type Nominative struct {
	Name    string
	Certain bool
}

// ending is a case ending and what replaces it in the nominative.
type ending struct {
	from, to string
	certain  bool
}

// caseEndings are the endings of names in each case, longest first, by
// script: Cyrillic (Russian) and Latin (Polish, Czech, Slovak, Romanian).
var caseEndings = map[string][]ending{
	Genitive: {
		{"ского", "ский", true}, {"цкого", "цкий", true}, {"ова", "ов", false}, {"ева", "ев", false}, {"ёва", "ёв", false},
		{"ина", "ин", false}, {"ына", "ын", false}, {"ого", "ой", false}, {"а", "", false}, {"я", "й", false},
		{"skiego", "ski", true}, {"ckiego", "cki", true}, {"ského", "ský", true}, {"ckého", "cký", true},
		{"ului", "u", false}, {"ului", "", false}, {"ého", "ý", false},
		{"ki", "ka", false}, {"a", "", false}, {"ka", "ek", false}, {"i", "ia", false}, {"y", "a", false},
	},
	Dative: {
		{"скому", "ский", true}, {"цкому", "цкий", true}, {"ову", "ов", true}, {"еву", "ев", true}, {"ёву", "ёв", true},
		{"ину", "ин", true}, {"ыну", "ын", true}, {"у", "", false}, {"ю", "й", false}, {"ю", "ь", false},
		{"skiemu", "ski", true}, {"ckiemu", "cki", true}, {"skému", "ský", true}, {"owi", "", false}, {"ovi", "", false},
		{"kowi", "ek", false}, {"ému", "ý", false}, {"ului", "u", false}, {"ului", "", false}, {"u", "", false},
	},
	Instrumental: {
		{"ским", "ский", true}, {"цким", "цкий", true}, {"овым", "ов", true}, {"евым", "ев", true}, {"ёвым", "ёв", true},
		{"иным", "ин", true}, {"ыным", "ын", true}, {"ом", "", false}, {"ем", "", false}, {"ем", "ь", false},
		{"skim", "ski", true}, {"ckim", "cki", true}, {"ským", "ský", true}, {"owem", "ow", true}, {"ovem", "ov", true},
		{"ěvem", "ěv", true}, {"evom", "ev", true}, {"ovom", "ov", true}, {"iem", "", false}, {"em", "", false}, {"om", "", false},
		{"ą", "a", false},
	},
}

// Nominatives lists the readings of a name written in case c, most likely
// first, its last word (the surname) put back in the nominative; a
// Hungarian dative ("Kádár Jánosnak", "Bizottságnak") drops its ending.
// The name as written is not among them.
func Nominatives(name, c string) []Nominative {
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil
	}
	at := len(words) - 1
	for at > 0 && (initials(words[at]) || initials(words[at]+".")) {
		at-- // "Хрущевым Н.С": the initials after the surname
	}
	last := words[at]
	lowLast := strings.ToLower(last)
	if len(lowLast) != len(last) {
		return nil // a letter whose lower case is longer or shorter: the endings' offsets would not hold
	}
	if c == Dative && (strings.HasSuffix(lowLast, "nak") || strings.HasSuffix(lowLast, "nek")) {
		stem := last[:len(last)-3]
		switch {
		case strings.HasSuffix(stem, "á"):
			stem = strings.TrimSuffix(stem, "á") + "a"
		case strings.HasSuffix(stem, "é"):
			stem = strings.TrimSuffix(stem, "é") + "e"
		}
		if utf8.RuneCountInString(stem) >= 2 {
			words[at] = stem
			return []Nominative{{Name: strings.Join(words, " "), Certain: true}}
		}
		return nil
	}
	var out []Nominative
	for _, e := range caseEndings[c] {
		if !strings.HasSuffix(lowLast, e.from) || utf8.RuneCountInString(last)-utf8.RuneCountInString(e.from) < 3 {
			continue
		}
		// the surname only: a given name's ending may differ, and the
		// record's other names tell the whole name
		ws := append([]string(nil), words...)
		ws[at] = last[:len(last)-len(e.from)] + e.to
		n := Nominative{Name: strings.Join(ws, " "), Certain: e.certain}
		if n.Name != name {
			out = append(out, n)
		}
	}
	return out
}

// addresseeOnly reads a title that is an addressee line alone: a lead
// that puts the name in a case ("Товарищу", "Do Tow.", "Soudruhu") and
// one to four capitalised words; nil otherwise.
func addresseeOnly(s string) []Party {
	for _, l := range []struct{ lead, c string }{{"Товарищу ", Dative}, {"Soudruhu ", Dative}, {"Do Tow. ", Genitive},
		{"Do tow. ", Genitive}, {"Do Towarzysza ", Genitive}} {
		if !strings.HasPrefix(s, l.lead) {
			continue
		}
		w := strings.Fields(s[len(l.lead):])
		if len(w) == 0 || len(w) > 4 {
			return nil
		}
		for _, x := range w {
			if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
				return nil
			}
		}
		p, ok := party(s, len(l.lead), len(s))
		if !ok || p.Text == "" {
			return nil
		}
		p.Case = l.c
		return []Party{p}
	}
	return nil
}
