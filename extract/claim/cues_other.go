package claim

import "strings"

// Records whose text is only in another language (a German letter, the
// Romanian minutes of a conversation) still say who agrees with whom and
// who asks whom for what. For the languages below, a small lexicon of
// stance verbs is read with the speaker's first person; objects are the
// persons and states the sentence names after the verb, or the addressee
// where the sentence speaks to them. Proposals are not named from these
// languages.

type otherLexicon struct {
	agree, request, support, oppose []string // word stems
	with                            []string // the preposition of "agree with"
	you, we                         []string // second- and first-person words
	say                             []string // "stated", "said", "emphasised": reported speech
	he                              []string // the third-person pronouns the one reported speaks of himself with
}

// sayLexicon holds the speech verbs and third-person pronouns of minutes
// that report who said what ("Genosse Stoph erklärte, er sei ...", "Tow.
// Rusakow oświadczył, że ...", "s. Černík uvedl, že ...").
var sayLexicon = map[string][2][]string{
	"de": {{"erklärt", "sagt", "betont", "unterstrich", "meint", "äußert", "stellte fest", "teilte mit", "bemerkt", "antwortet"}, {"er", "sie"}},
	"pl": {{"oświadczył", "powiedział", "stwierdził", "podkreślił", "dodał", "odpowiedział", "zaznaczył"}, {"on", "ona"}},
	"cs": {{"uvedl", "prohlásil", "řekl", "zdůraznil", "konstatoval", "odpověděl", "sdělil"}, {"on", "ona"}},
	"hu": {{"kijelentette", "mondta", "hangsúlyozta", "közölte", "válaszolta", "megjegyezte"}, {"ő"}},
	"ro": {{"declarat", "spus", "subliniat", "arătat", "răspuns", "afirmat"}, {"el", "ea"}},
	"es": {{"dijo", "declaró", "afirmó", "subrayó", "señaló", "respondió", "manifestó"}, {"él", "ella"}},
}

var otherLexicons = map[string]otherLexicon{
	"de": {agree: []string{"einverstanden", "stimmen", "stimmt", "zustimm"}, request: []string{"bitten", "bitte", "ersuchen", "ersuche"},
		support: []string{"unterstütz"}, oppose: []string{"lehnen", "verurteil"}, with: []string{"mit", "ihnen", "ihrer"},
		you: []string{"ihnen", "ihre", "ihrer", "ihren", "euch", "dir", "dich"}, we: []string{"wir", "ich", "uns", "unsere", "mein"}},
	"cs": {agree: []string{"souhlas"}, request: []string{"žádám", "žádáme", "prosím", "prosíme", "požadujeme"},
		support: []string{"podporuj", "podpoř"}, oppose: []string{"odmít", "odsuzuj"}, with: []string{"s", "se"},
		you: []string{"vámi", "vás", "vám", "vy", "tebou"}, we: []string{"my", "já", "nás", "naše", "náš"}},
	"hu": {agree: []string{"egyetért", "egyetértünk", "értek egyet", "értünk egyet", "ért egyet"}, request: []string{"kérjük", "kérem", "kér"},
		support: []string{"támogat"}, oppose: []string{"elutasít", "elítél"}, with: []string{},
		you: []string{"önnel", "önök", "ön", "önöket", "veletek", "önökkel"}, we: []string{"mi", "én", "minket", "nekünk"}},
	"ro": {agree: []string{"acord"}, request: []string{"cerem", "cer", "rugăm", "solicităm"},
		support: []string{"sprijin", "sprijinim", "susținem"}, oppose: []string{"respingem", "condamnăm"}, with: []string{"cu"},
		you: []string{"dumneavoastră", "voi", "tine", "dv"}, we: []string{"noi", "eu", "nostru", "noastră"}},
	"es": {agree: []string{"acuerdo", "coincid", "concord"}, request: []string{"pedimos", "pido", "solicitamos", "solicito", "rogamos"},
		support: []string{"apoyamos", "apoyo", "respaldamos"}, oppose: []string{"rechazamos", "condenamos"}, with: []string{"con"},
		you: []string{"usted", "ustedes", "ud", "vosotros", "contigo"}, we: []string{"nosotros", "yo", "nuestro", "nuestra"}},
	"pl": {agree: []string{"zgadzam", "zgadzamy", "zgoda"}, request: []string{"prosimy", "proszę", "zwracamy"},
		support: []string{"popieramy", "popieram"}, oppose: []string{"odrzucamy", "potępiamy"}, with: []string{"z", "ze"},
		you: []string{"wami", "panem", "towarzyszem", "wy", "was"}, we: []string{"my", "ja", "nas", "nasz", "nasza"}},
	"vi": {agree: []string{"đồng ý", "nhất trí", "tán thành"}, request: []string{"yêu cầu"},
		support: []string{"ủng hộ"}, oppose: []string{"phản đối", "lên án"}, with: []string{"với"},
		you: []string{"đồng chí", "các đồng chí"}, we: []string{"chúng tôi", "tôi"}},
}

// cuesOther reads the stance verbs of a sentence in one of otherLexicons'
// languages.
func (x *extractor) cuesOther(ts []tok, sp span, lex otherLexicon) {
	x.sentenceFacts(ts, sp)
	x.conversationWith(ts, sp)
	if x.mute || x.inQuote {
		return
	}
	x.reportedRequest(ts, sp)
	me := x.speakerRef()
	if x.paraSayer != nil && x.d.Kind != "letter" {
		me = x.paraSayer // the paragraph reports their words ("Genosse X informierte, dass ...")
	}
	// "Genosse Stoph erklärte, er ...": the words after the verb are the
	// one reported's, "er" standing for him as "ich" would
	we := lex.we
	var sayer []Ref
	sayAt := -1
	if say, ok := sayLexicon[x.d.Versions[x.vi].Lang]; ok {
		for k := 0; k < len(ts) && k < 5; k++ {
			if !ts[k].ment || !isPerson(ts[k].refs) {
				continue
			}
			for v := k + 1; v < len(ts) && v <= k+2; v++ {
				if x.lexHas(say[0], ts, v) {
					sayer, sayAt = ts[k].refs[:1], v+1
					break
				}
			}
			break
		}
		if sayer != nil {
			me = sayer
			we = append(append([]string{}, lex.we...), say[1]...)
		}
	}
	if me == nil {
		return
	}
	attr := Ref{}
	if sayer != nil {
		attr = sayer[0]
	}
	add := func(rel string, obj []Ref) {
		if sayer != nil {
			x.addAttr(me, rel, obj, sp, 0.65, attr)
			return
		}
		x.add(me, rel, obj, sp, 0.7)
	}
	// the speaker's own request in the first person is firm in any version
	x.firstPersonCue = true
	defer func() { x.firstPersonCue = false }()
	text := strings.ToLower(string(x.r[sp.s:sp.e]))
	// whose words: a sentence that names a person or state as its subject
	// before any first person is not the speaker's
	first, from := -1, 0
	if sayer != nil {
		from = sayAt
	} else if x.speakerOf(ts) != nil {
		// "Tovarășul Kim Ir Sen: Suntem de acord ...": after the label
		for k, t := range ts {
			if t.w == ":" {
				from = k + 1
				break
			}
		}
	}
	// "Imperialiștii americani ocupă ...": the speaker's own charge, where
	// no one else is named as saying it
	if o, at := x.imperialists(ts); o != nil {
		own := true
		for k := from; k < at; k++ {
			own = own && !(ts[k].ment && isPerson(ts[k].refs))
		}
		if own {
			add("accuses", o)
		}
	}
	x.hostileOther(ts, from, me, add)
	for k := from; k < len(ts); k++ {
		t := ts[k]
		if !t.punct && t.refs == nil && (hasWord(we, t.w) || x.lexHas(lex.agree, ts, k) || x.lexHas(lex.request, ts, k) || x.lexHas(lex.support, ts, k) || x.stanceCue(ts, k)) {
			first = k
			break
		}
		if agentRefs(t) && t.ment || thirdPersonOther[t.w] {
			return // "Kádár said that ...", "Er ist einverstanden": someone else's
		}
	}
	if first < 0 {
		return
	}
	you := false
	for _, w := range lex.you {
		if containsWord(text, w) {
			you = true
		}
	}
	for i, t := range ts {
		if t.punct || t.refs != nil {
			continue
		}
		if x.stanceOther(ts, i, add) {
			continue
		}
		if negated(ts, i) || hasWord([]string{"nu", "nicht", "kein", "ne", "nem", "no", "nie", "không"}, prevWord(ts, i)) {
			// "Nem értek egyet Kádár elvtárssal": against the one named
			if x.lexHas(lex.agree, ts, i) {
				if obj := x.named(ts, i); isPerson(obj) {
					add("opposes", obj)
				}
			}
			continue
		}
		if dets := stanceNouns[x.d.Versions[x.vi].Lang]; dets != nil && (dets[prevWord(ts, i)] || romanceInfinitive(ts[i].w)) {
			// "todo apoyo del PCUS": the noun, no stance; "nous pourrions
			// être amenés à solliciter": an infinitive, what may be done
			continue
		}
		switch {
		case x.lexHas(lex.agree, ts, i):
			obj := x.named(ts, i)
			if obj == nil {
				obj = x.namedWith(ts, i, lex.with, from)
			}
			if obj == nil && you {
				obj = x.addressee
			}
			if obj == nil {
				obj = x.bareAgreement(ts, i, me) // "Tovarășul Bodnăraș: Sunt de acord."
			}
			if obj != nil && !isProp(obj) {
				add("agrees_with", obj)
			}
		case x.lexHas(lex.request, ts, i):
			obj := x.named(ts, i)
			if obj == nil && you {
				obj = x.addressee
			}
			if obj != nil && !isProp(obj) {
				add("requests", obj)
			}
		case x.lexHas(lex.support, ts, i):
			if purposeWords[prevWord(ts, i)] {
				continue // "để ủng hộ Việt Nam", "zur Unterstützung": an aim, no stance
			}
			if j, obj := rightObj(ts, i, true); obj != nil && (isProp(obj) || j <= i+2 && !isPerson(obj) || supportedPerson(ts, i, j)) {
				add("supports", obj)
			}
		case x.lexHas(lex.oppose, ts, i):
			if j, obj := rightObj(ts, i, true); obj != nil && (isProp(obj) || j <= i+2 && !isPerson(obj)) {
				add("opposes", obj)
			}
		}
	}
}

// namedWith is the person a preposition of agreement names before the
// verb, as German puts it last ("mit Genossen Horváth völlig
// einverstanden"), within a few words and not before from.
// complementizers open the clause of what is asked ("aby", "dass", "que").
var complementizers = set("aby", "żeby", "by", "abyste", "abychom", "dass", "daß", "que", "hogy", "să", "ca", "чтобы", "да")

// requestedStems are third-person past and present forms of asking, for
// the records that report who asked whom ("Dorticós požádal, aby vláda
// ČSSR ...", "Kádár kérte, hogy ...").
var requestedStems = map[string][]string{
	"cs": {"požádal", "žádal", "požádala"},
	"pl": {"poprosił", "prosił", "zwrócił się z prośbą"},
	"de": {"bat", "bittet", "ersuchte"},
	"hu": {"kérte", "kéri"},
	"ro": {"a cerut", "a rugat", "solicită", "cere"},
	"es": {"pidió", "solicitó", "pide"},
	"bg": {"помоли", "поиска"},
}

// reportedRequest: "Dorticós požádal, aby vláda ČSSR tyto body podpořila":
// the person named just before the verb asks the one the clause names, or
// the addressee. Reported requests of the original languages are read
// here, first-person ones by the lexicon.
func (x *extractor) reportedRequest(ts []tok, sp span) {
	stems, ok := requestedStems[x.d.Versions[x.vi].Lang]
	if !ok || x.mute {
		return
	}
	for i, t := range ts {
		if t.punct || t.refs != nil || !x.lexHas(stems, ts, i) {
			continue
		}
		var subj []Ref
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if ts[k].ment && isPerson(ts[k].refs) {
				subj = ts[k].refs[:1]
				break
			}
			if ts[k].punct && ts[k].w != "." {
				break
			}
		}
		if subj == nil || negated(ts, i) {
			continue
		}
		obj := x.named(ts, i)
		if obj == nil || isPerson(obj) && obj[0] == subj[0] || isProp(obj) {
			continue
		}
		x.addAttr(subj, "requests", obj, sp, 0.65, subj[0])
		return
	}
}

// purposeWords make a support word the aim of something else ("in order to
// support", "in support of"): Vietnamese, German, Spanish, French, Polish,
// Czech, Romanian.
var purposeWords = set("để", "zur", "zu", "para", "pour", "en", "w", "na", "v", "în", "pentru")

func (x *extractor) namedWith(ts []tok, i int, with []string, from int) []Ref {
	for j := i - 1; j >= from && j >= i-5; j-- {
		if ts[j].punct && ts[j].w != "." {
			return nil
		}
		if ts[j].ment && isPerson(ts[j].refs) && ts[j].pron == 0 {
			for k := j - 1; k >= from && k >= j-2; k-- {
				if hasWord(with, ts[k].w) {
					return ts[j].refs[:1]
				}
			}
			return nil
		}
	}
	return nil
}

func prevWord(ts []tok, i int) string {
	if i == 0 {
		return ""
	}
	return ts[i-1].w
}

// named is the first person, state or organization the sentence names
// after ts[i], within a few words ("cu dumneavoastră", "sprijinul României").
func (x *extractor) named(ts []tok, i int) []Ref {
	for j := i + 1; j < len(ts) && j <= i+5; j++ {
		if ts[j].w == "," && j+1 < len(ts) && complementizers[ts[j+1].w] {
			continue // "Prosimy, aby Związek Radziecki poparł": whom the clause names
		}
		if ts[j].punct && ts[j].w != "-" && ts[j].w != "." {
			return nil // "z tow. Horváthem": the abbreviation's stop is no end
		}
		if ts[j].refs != nil && agentRefs(ts[j]) && ts[j].pron == 0 {
			return ts[j].refs[:1]
		}
	}
	return nil
}

// lexHas reports whether the word at ts[i] (or the two words from it, for
// "đồng ý") begins with one of the stems.
func (x *extractor) lexHas(stems []string, ts []tok, i int) bool {
	w := ts[i].w
	two := w
	if i+1 < len(ts) {
		two = w + " " + ts[i+1].w
	}
	for _, s := range stems {
		if strings.Contains(s, " ") {
			if two == s {
				return true
			}
			continue
		}
		if strings.HasPrefix(w, s) && (len(s) >= 5 || w == s || len(w) <= len(s)+3) {
			return true
		}
	}
	return false
}

func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// containsWord reports whether text holds w as a whole word.
func containsWord(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		before := a == 0 || !isWordByte(text[a-1])
		after := b == len(text) || !isWordByte(text[b])
		if before && after {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// thirdPersonOther are the third-person subject pronouns of the lexicons'
// languages ("er", "on", "el", "él", "ő").
var thirdPersonOther = set("er", "sie", "on", "ona", "oni", "ony", "ő", "ők", "el", "ea", "ei", "ele", "él", "ella",
	"ellos", "ellas", "ông", "bà", "họ")

// conversationNouns are the stems of "conversation" and "talk" in the
// originals' languages, conversationWith the prepositions of their
// partner ("беседа с", "rozmowa z", "Gespräch mit", "convorbire cu").
var (
	conversationNouns = []string{"conversation", "бесед", "разговор", "rozmow", "gespräch", "unterredung", "rozhovor", "convorbir", "conversaci", "entrevista", "entretien"}
	conversationWith  = set("with", "с", "со", "z", "ze", "mit", "s", "se", "cu", "con", "avec")
)

// conversationWith: a report or record in a language other than English
// that speaks of "the conversation with X" ("Запись беседы с Президентом
// САР Х. Асадом", "na rozmowę z sekretarzem KC tow. K. Rusakowem") names
// whom its author met, where no one else is named as having held it.
func (x *extractor) conversationWith(ts []tok, sp span) {
	if x.conversation || x.author.Name == "" || x.mute || x.inQuote || x.sayer != nil {
		return
	}
	for i, t := range ts {
		if t.punct {
			continue
		}
		if t.ment && agentRefs(t) && t.refs[0] != x.author {
			return // "Kádár had a conversation with ...": someone else's
		}
		if t.pron == 2 || secondPossessive[t.w] {
			return // "Votre entretien avec M. Gorbatchev": the addressee's
		}
		noun := false
		for _, n := range conversationNouns {
			noun = noun || strings.HasPrefix(t.w, n)
		}
		if !noun || i > 0 && yourWords[ts[i-1].w] {
			continue
		}
		for j := i + 1; j < len(ts) && j <= i+1; j++ {
			// the partner's preposition right after the noun, not "ze
			// strony polskiej" ("on the Polish side")
			if !conversationWith[ts[j].w] || j+1 < len(ts) && (ts[j+1].w == "strony" || ts[j+1].w == "стороны" || ts[j+1].w == "seiten") {
				return
			}
			// the partner, after titles and offices ("z sekretarzem KC tow.")
			for k := j + 1; k < len(ts) && k <= j+8; k++ {
				if ts[k].ment && isPerson(ts[k].refs) {
					if ts[k].refs[0] != x.author {
						// who met whom is the record's, in any version
						x.structural = true
						x.addAttr([]Ref{x.author}, "meets", ts[k].refs[:1], sp, 0.65, x.author)
						x.structural = false
					}
					return
				}
				if ts[k].punct && ts[k].w != "." || ts[k].prop > 0 {
					return
				}
			}
			return
		}
	}
}

// imperialistStems are "imperialists" and "imperialism" in the originals'
// languages; americanStems the adjectives that make them the United
// States' ("Imperialiștii americani", "американские империалисты",
// "đế quốc Mỹ", "los imperialistas yanquis", "die amerikanischen
// Imperialisten").
var (
	imperialistStems = []string{"imperiali", "империали", "imperialist", "đế quốc"}
	americanStems    = []string{"american", "americk", "amerykań", "amerikan", "amerikai", "американ", "norteamerican", "yanqui", "estadounidense", "mỹ"}
	creedStems       = []string{"luptă", "lupta", "борьб", "kampf", "lucha", "walk", "boj", "harc", "đấu tranh"}
)

// imperialists: the speaker's "American imperialists" accuse the United
// States, in any of the originals' languages; the struggle against
// imperialism is a creed, no accusation.
func (x *extractor) imperialists(ts []tok) ([]Ref, int) {
	has := func(w string, stems []string) bool {
		for _, st := range stems {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
		return false
	}
	for i, t := range ts {
		two := t.w
		if i+1 < len(ts) {
			two += " " + ts[i+1].w
		}
		if t.punct || !has(t.w, imperialistStems) && !has(two, imperialistStems) {
			continue
		}
		for k := max(0, i-4); k < i; k++ {
			if has(ts[k].w, creedStems) {
				return nil, -1
			}
		}
		for k := max(0, i-1); k < len(ts) && k <= i+2; k++ {
			if k == i {
				continue
			}
			if has(ts[k].w, americanStems) || len(ts[k].refs) > 0 && ts[k].refs[0].Name == "United States" {
				return []Ref{{"Country", "United States"}}, i
			}
		}
	}
	return nil, -1
}
