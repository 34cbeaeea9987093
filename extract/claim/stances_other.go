package claim

import "strings"

// Stances in the originals' languages beyond agreeing, asking, supporting
// and rejecting: charges ("Obviňujeme Svobodnou Evropu", "обвиняет
// Пекин"), condemnations (of a party: a charge; of a course of action:
// opposition), violations ("Пакистанская сторона грубо их нарушает": the
// violator is charged) and hostile acts named by a noun with their doer
// ("провокации маоцзэдуновской группы", "die Aggression Israels"). And the
// lexicons of languages the records come in that otherLexicons lacks:
// French, Italian, Bulgarian, Serbo-Croatian.

// stanceStems are a language's word stems for one kind of stance.
type stanceStems struct {
	accuse, condemn, violate, hostile, welcome []string
}

var stanceLexicon = map[string]stanceStems{
	"ru": {accuse: []string{"обвиня", "обвинил", "обвиним"}, condemn: []string{"осужда", "осудил", "осудим"},
		violate: []string{"наруша", "нарушил", "попира", "вмешива", "засыла", "провоциру", "угрожа", "оккупир"}, hostile: []string{"провокаци", "агресси", "вмешательств", "подрывн"},
		welcome: []string{"приветству", "одобря", "одобрил", "одобрен"}},
	"bg": {accuse: []string{"обвинява", "обвини", "обвиняв"}, condemn: []string{"осъжда", "осъди"},
		violate: []string{"нарушава", "наруши", "намесва", "провокира", "заплашва"}, hostile: []string{"провокаци", "агреси", "намеса", "намесата"},
		welcome: []string{"приветства", "одобрява", "одобри"}},
	"cs": {accuse: []string{"obviňuj", "obvinil", "obviňov", "obviň"}, condemn: []string{"odsuzuj", "odsoudil", "odsoudi"},
		violate: []string{"porušuj", "porušil", "poruší", "vměšuj", "provokuj", "ohrožuj"}, hostile: []string{"provokac", "agres", "vměšován", "vměšov"},
		welcome: []string{"vítá", "vítám", "schvaluj", "schválil"}},
	"pl": {accuse: []string{"oskarża", "oskarżył", "obwinia"}, condemn: []string{"potępia", "potępił"},
		violate: []string{"narusza", "naruszył", "łamie", "łamią", "złamał", "ingeruj", "prowokuj", "zagraża"}, hostile: []string{"prowokac", "agresj", "ingerencj", "wtrącan"},
		welcome: []string{"wita", "z zadowoleniem", "aprobuj", "aprobat"}},
	"de": {accuse: []string{"beschuldig", "bezichtig", "beschuldigt"}, condemn: []string{"verurteil"},
		violate: []string{"verletz", "bricht", "brechen", "missachte", "provozier", "bedroh"}, hostile: []string{"provokation", "aggression", "einmischung", "wühltätigkeit"},
		welcome: []string{"begrüß", "billig"}},
	"hu": {accuse: []string{"vádol", "vádolj", "vádolt", "megvádol"}, condemn: []string{"elítél"},
		violate: []string{"megsért", "megszeg", "megsérti", "megszegi"}, hostile: []string{"provokáci", "agresszi", "beavatkozás"},
		welcome: []string{"üdvözöl", "üdvözli", "helyesl", "jóváhagy"}},
	"ro": {accuse: []string{"acuză", "acuzăm", "acuzat", "acuza"}, condemn: []string{"condamn"},
		violate: []string{"încalcă", "încălcat", "violeaz", "violat"}, hostile: []string{"provocări", "provocăr", "provocați", "agresiun", "amestec"},
		welcome: []string{"salut", "aprob"}},
	"es": {accuse: []string{"acusa", "acusó", "acusamos", "acuso"}, condemn: []string{"conden"},
		violate: []string{"viola", "violó", "violan", "violado"}, hostile: []string{"provocaci", "agresión", "agresiones", "injerencia"},
		welcome: []string{"saluda", "acoge", "aprueba", "aprobamos"}},
	"fr": {accuse: []string{"accus"}, condemn: []string{"condamn"},
		violate: []string{"viole", "violent", "violé", "viola"}, hostile: []string{"provocation", "agression", "ingérence"},
		welcome: []string{"salu", "approuv", "félicit"}},
	"it": {accuse: []string{"accus"}, condemn: []string{"condann"},
		violate: []string{"viola", "violano", "violato"}, hostile: []string{"provocazion", "aggression", "ingerenz"},
		welcome: []string{"salut", "approv", "accogli"}},
	"sk": {accuse: []string{"obviňuj", "obvinil", "obviňov", "obviň"}, condemn: []string{"odsudzuj", "odsúdil", "odsúdi"},
		violate: []string{"porušuj", "porušil", "poruší", "vmiešava", "provokuj", "ohrozuj"}, hostile: []string{"provokác", "agres", "vmiešavan"},
		welcome: []string{"víta", "vítam", "schvaľuj", "schválil"}},
	"sh": {accuse: []string{"optužuj", "optužio", "optužu", "optuži"}, condemn: []string{"osuđuj", "osudio", "osudi"},
		violate: []string{"krši", "prekrši", "narušava", "narušio"}, hostile: []string{"provokacij", "agresij", "mešanj", "miješanj"},
		welcome: []string{"pozdravlja", "odobrava", "odobri"}},
}

// newLexicons are the first-person stance words of languages otherLexicons
// lacks, and the speech verbs of their records.
var newLexicons = map[string]otherLexicon{
	// "accord" and "demande" are also the nouns ("l'accord de Genève",
	// "la demande soviétique"): only the first-person verbs
	"fr": {agree: []string{"partageons", "partage", "souscrivons"}, request: []string{"demandons", "prions", "sollicitons"},
		support: []string{"soutenons", "soutiens", "soutient", "appuyons", "appuie"}, oppose: []string{"rejetons", "rejette", "opposons", "refusons", "refuse"},
		with: []string{"avec"}, you: []string{"vous", "toi"}, we: []string{"nous", "je", "j'", "notre", "nos"}},
	"it": {agree: []string{"concordiamo", "concordo", "condividiamo", "condivido"}, request: []string{"chiediamo", "chiedo", "preghiamo"},
		support: []string{"sosteniamo", "sostengo", "appoggiamo", "appoggio"}, oppose: []string{"respingiamo", "respingo", "opponiamo", "rifiutiamo"},
		with: []string{"con"}, you: []string{"voi", "lei", "te"}, we: []string{"noi", "io", "nostro", "nostra"}},
	"bg": {agree: []string{"съглас", "споделяме"}, request: []string{"молим", "моля", "искаме"},
		support: []string{"подкрепя", "подкрепям"}, oppose: []string{"отхвърля", "противопоставя"},
		with: []string{"с", "със"}, you: []string{"вас", "вие", "ви", "вашата", "вашия"}, we: []string{"ние", "аз", "нас", "наш", "наша", "нашата"}},
	// Slovak: "Súhlasím, aby ...", "Žiadame prepustenie ...", "S komisiou
	// súhlasím"
	"sk": {agree: []string{"súhlas"}, request: []string{"žiadam", "žiadame", "prosím", "prosíme", "požadujeme"},
		support: []string{"podporuj", "podporu", "podpor"}, oppose: []string{"odmiet", "odsudzuj"},
		with: []string{"s", "so"}, you: []string{"vami", "vás", "vám", "vy", "tebou"}, we: []string{"my", "ja", "nás", "naše", "náš", "naša"}},
	"sh": {agree: []string{"slaž", "saglas", "suglas", "složi"}, request: []string{"molim", "molimo", "tražim", "tražimo"},
		support: []string{"podržava", "podrža", "podržim"}, oppose: []string{"odbija", "odbaci"},
		with: []string{"s", "sa"}, you: []string{"vi", "vama", "vas", "vaš"}, we: []string{"mi", "ja", "nas", "naš", "naša"}},
}

// moreStances are words of support and of rejection otherLexicons lacks.
var moreStances = map[string][2][]string{
	"pl": {{"wspieramy", "wspieram", "wspiera", "opowiadamy się za"}, {"sprzeciwiamy", "sprzeciwia", "odrzuca"}},
	"de": {{"stehen hinter", "befürwort"}, {"ablehn", "lehnt", "wenden uns gegen"}},
	"cs": {{"stojíme za", "schvalujeme"}, {"nesouhlasíme", "stavíme se proti"}},
	"hu": {{"kiállunk", "helyesel"}, {"ellenez", "ellenzi"}},
	"ro": {{"sprijină", "susține"}, {"respinge", "ne opunem", "se opune"}},
	"es": {{"apoya", "respalda"}, {"rechaza", "nos oponemos", "se opone"}},
}

var newSayLexicon = map[string][2][]string{
	"sk": {{"uviedol", "vyhlásil", "povedal", "zdôraznil", "odpovedal", "oznámil", "konštatoval"}, {"on", "ona"}},
	"fr": {{"a déclaré", "a dit", "a souligné", "a répondu", "déclare", "a affirmé", "a indiqué"}, {"il", "elle"}},
	"it": {{"ha dichiarato", "ha detto", "ha sottolineato", "ha risposto", "dichiara", "ha affermato"}, {"lui", "egli", "lei"}},
	"bg": {{"заяви", "каза", "подчерта", "отговори", "посочи", "съобщи"}, {"той", "тя"}},
	"sh": {{"rekao", "izjavio", "naglasio", "odgovorio", "istakao", "izjavljuje"}, {"on", "ona"}},
}

func init() {
	for lang, lex := range newLexicons {
		if _, ok := otherLexicons[lang]; !ok {
			otherLexicons[lang] = lex
		}
		if _, ok := sayLexicon[lang]; !ok {
			sayLexicon[lang] = newSayLexicon[lang]
		}
	}
	// more words of support and rejection in the lexicons there are
	for lang, more := range moreStances {
		if lex, ok := otherLexicons[lang]; ok {
			lex.support = append(append([]string{}, lex.support...), more[0]...)
			lex.oppose = append(append([]string{}, lex.oppose...), more[1]...)
			otherLexicons[lang] = lex
		}
	}
	// Serbian, Croatian and Bosnian are one lexicon in Latin script
	for _, alias := range []string{"sr", "hr", "bs"} {
		if _, ok := otherLexicons[alias]; !ok {
			otherLexicons[alias] = otherLexicons["sh"]
			sayLexicon[alias] = sayLexicon["sh"]
		}
		if _, ok := stanceLexicon[alias]; !ok {
			stanceLexicon[alias] = stanceLexicon["sh"]
		}
	}
}

func hasAnyStem(w string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// stanceCue reports whether ts[k] is one of the language's stance verbs
// that the speaker uses in the first person ("obviňujeme", "condamnăm").
func (x *extractor) stanceCue(ts []tok, k int) bool {
	st, ok := stanceLexicon[x.d.Versions[x.vi].Lang]
	return ok && !ts[k].punct && ts[k].refs == nil && (hasAnyStem(ts[k].w, st.accuse) || hasAnyStem(ts[k].w, st.condemn) || hasAnyStem(ts[k].w, st.welcome))
}

// stanceOther reads a charge, a condemnation or a welcome at ts[i] in a
// sentence the speaker (or the one reported) says; it reports whether
// the word was one of them.
func (x *extractor) stanceOther(ts []tok, i int, add func(string, []Ref)) bool {
	st, ok := stanceLexicon[x.d.Versions[x.vi].Lang]
	if !ok {
		return false
	}
	w := ts[i].w
	kind := ""
	switch {
	case hasAnyStem(w, st.accuse):
		kind = "accuse"
	case hasAnyStem(w, st.condemn):
		kind = "condemn"
	case hasAnyStem(w, st.welcome):
		kind = "welcome"
	default:
		return false
	}
	if negatedOther(ts, i) {
		return true
	}
	if i > 0 && relativeWords[ts[i-1].w] {
		return true // "..., които обвиняват България": the antecedent's charge
	}
	obj := x.named(ts, i)
	if n := hostileBetween(ts, i, st); n > 0 {
		// "Elítéljük az imperialista körök beavatkozását Lengyelország
		// belügyeibe": the act's doer is charged, not the land it befalls
		obj = x.hostileDoerIn(ts, i, n)
	}
	if obj == nil {
		// "ostro odsuzujeme provokace ... Pekingu": the doer of the act condemned
		for j := i + 1; j < len(ts) && j <= i+2; j++ {
			if hasAnyStem(ts[j].w, st.hostile) {
				obj = x.hostileDoer(ts, j)
				break
			}
		}
	}
	if obj == nil {
		if p := x.nextProposal(ts, i); p != nil && kind != "accuse" {
			rel := "opposes"
			if kind == "welcome" {
				rel = "supports"
			}
			add(rel, p)
		}
		return true
	}
	if x.placeNamed(ts, i, obj) {
		return true // "la intervención en Checoslovaquia": where it befell, not who did it
	}
	switch kind {
	case "accuse", "condemn":
		if !isProp(obj) {
			add("accuses", obj)
		} else if kind == "condemn" {
			add("opposes", obj)
		}
	case "welcome":
		if isProp(obj) || !isPerson(obj) && x.nextIsAct(ts, i) {
			add("supports", obj)
		}
	}
	return true
}

// nextProposal is a proposal named within three words after ts[i].
func (x *extractor) nextProposal(ts []tok, i int) []Ref {
	for j := i + 1; j < len(ts) && j <= i+3; j++ {
		if ts[j].punct {
			return nil
		}
		if ts[j].prop > 0 {
			return ts[j].refs
		}
	}
	return nil
}

// nextIsAct: the word after ts[i] names a decision, a step or a statement
// of the party that follows ("приветствуем решение Советского
// правительства").
func (x *extractor) nextIsAct(ts []tok, i int) bool {
	return i+1 < len(ts) && hasAnyStem(ts[i+1].w, actStemsOther)
}

var actStemsOther = []string{"решени", "заявлени", "инициатив", "предложени", "позици", "rozhodnut", "prohlášen", "iniciativ",
	"decyzj", "oświadczen", "inicjatyw", "entscheidung", "beschluss", "erklärung", "initiative", "döntés", "nyilatkozat",
	"kezdeményez", "decizi", "declarați", "inițiativ", "decisión", "declaración", "iniciativa", "décision", "déclaration",
	"decision", "dichiarazion", "iniziativ", "odluk", "izjav", "inicijativ", "решение", "изявление"}

// hostileDoer is the party a hostile-act noun at ts[j] is said of: the
// one named in the two words after it (the genitive: "провокации
// маоцзэдуновской группы на советско-китайской границе" is China's), else
// a nationality adjective or name just before it ("китайские провокации").
func (x *extractor) hostileDoer(ts []tok, j int) []Ref {
	if x.d.Versions[x.vi].Lang == "hu" {
		// the possessor stands before the noun ("az imperialista körök
		// beavatkozását Lengyelország belügyeibe"); after it, the victim
		for k := j - 1; k >= 0 && k >= j-3; k-- {
			if ts[k].punct {
				break
			}
			if doer(ts[k]) {
				return ts[k].refs[:1]
			}
		}
		return nil
	}
	if r := doerAfter(ts, j); r != nil {
		return r
	}
	if j > 0 && doer(ts[j-1]) {
		return ts[j-1].refs[:1]
	}
	return nil
}

// doer reports whether a word names a party that can act: a reference
// that is no pronoun, a party's name or its nationality adjective.
func doer(t tok) bool { return t.refs != nil && t.pron == 0 && (agentRefs(t) || t.adj) }

// doerAfter is the party named in the three words after ts[j] (the
// genitive of a noun at j), up to a punctuation mark other than a hyphen.
func doerAfter(ts []tok, j int) []Ref {
	for k := j + 1; k < len(ts) && k <= j+3; k++ {
		if ts[k].punct && ts[k].w != "-" {
			break
		}
		if doer(ts[k]) {
			return ts[k].refs[:1]
		}
	}
	return nil
}

// hostileOther: a violation or a hostile act the speaker ascribes to a
// party ("Пакистанская сторона грубо их нарушает", "die Aggression
// Israels") accuses it; holder is who says it.
func (x *extractor) hostileOther(ts []tok, from int, holder []Ref, add func(string, []Ref)) {
	st, ok := stanceLexicon[x.d.Versions[x.vi].Lang]
	if !ok || len(holder) == 0 {
		return
	}
	for i := from; i < len(ts); i++ {
		t := ts[i]
		if t.punct || t.refs != nil {
			continue
		}
		var acc []Ref
		switch {
		case hasAnyStem(t.w, st.violate):
			if negatedOther(ts, i) {
				continue
			}
			// the violator: the party opening the clause, before the verb
			for j := i - 1; j >= from && j >= i-6; j-- {
				if ts[j].punct && ts[j].w != "-" {
					break
				}
				if ts[j].refs != nil && ts[j].pron == 0 && agentRefs(ts[j]) {
					acc = conjunctsBefore(ts, j)
					break
				}
			}
		case hasAnyStem(t.w, st.hostile):
			if creedBefore(ts, i) || quotedAt(ts, i) {
				continue // "the struggle against aggression": a creed
			}
			acc = x.hostileDoer(ts, i)
		}
		var charged []Ref
		for _, a := range acc {
			if a != holder[0] && a.Class != "Place" {
				charged = append(charged, a)
			}
		}
		if len(charged) > 0 {
			add("accuses", charged)
		}
	}
}

// creedBefore: the word at ts[i] is what a struggle or a danger is about
// ("борьба против агрессии", "Kampf gegen die Aggression", "the danger of
// aggression"), no charge.
func creedBefore(ts []tok, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if hasAnyStem(ts[k].w, creedStems) || hasAnyStem(ts[k].w, againstStems) {
			return true
		}
	}
	return false
}

var againstStems = []string{"против", "gegen", "przeciw", "proti", "ellen", "împotriva", "contra", "contre", "contro", "protiv", "опасност", "угроз", "gefahr", "niebezpiecz", "nebezpe", "veszély", "pericol", "peligro", "danger", "pericolo", "opasnost"}

// negatedOther: a negation just before ts[i] in any of the lexicons'
// languages.
func negatedOther(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch ts[k].w {
		case "не", "nie", "ne", "nicht", "kein", "keine", "nem", "nu", "no", "pas", "non", "not":
			return true
		}
	}
	return false
}

// stancesRU reads the charges, condemnations, violations and hostile acts
// of a Russian sentence: the verbs' subject holds them (the writer for a
// verb in the first person), the acts' holder is the one the sentence
// reports ("Ле Зуан сказал, что ...") or the speaker.
func (x *extractor) stancesRU(ts []tok, sp span) {
	if x.mute || x.inQuote {
		return
	}
	holder := x.sayerRU(ts)
	if holder == nil {
		holder = x.paraSayer
	}
	if holder == nil {
		holder = x.speakerRef()
	}
	x.firstPersonCue = true
	defer func() { x.firstPersonCue = false }()
	x.hostileOther(ts, 0, holder, func(rel string, obj []Ref) { x.add(holder, rel, obj, sp, 0.7) })
	for i, t := range ts {
		if t.punct || t.refs != nil || !x.stanceCue(ts, i) || inConditionRU(ts, i) {
			continue
		}
		subj := x.subjectRU(ts, i)
		if subj == nil {
			continue
		}
		x.stanceOther(ts, i, func(rel string, obj []Ref) {
			if obj[0] != subj[0] {
				x.add(subj, rel, obj, sp, 0.7)
			}
		})
	}
}

// sayerRU is the person a Russian sentence opens by reporting ("Ле Зуан
// сказал, что ...", "Тов. Живков подчеркна, че ..."), nil where it does not.
func (x *extractor) sayerRU(ts []tok) []Ref {
	for k := 0; k < len(ts) && k < 4; k++ {
		if !ts[k].ment || !isPerson(ts[k].refs) {
			continue
		}
		for v := k + 1; v < len(ts) && v <= k+2; v++ {
			if hasAnyStem(ts[v].w, sayStemsRU) {
				return ts[k].refs[:1]
			}
		}
		return nil
	}
	return nil
}

var sayStemsRU = []string{"сказал", "заявил", "отметил", "подчеркнул", "ответил", "сообщил", "указал", "говорил", "заявля", "считает", "подчерта", "заяви", "каза"}

// quotedAt reports whether ts[i] stands inside quotation marks opened in
// its sentence: the other side's words ("шумную кампанию о «советской
// агрессии»"), not the speaker's.
func quotedAt(ts []tok, i int) bool {
	depth := 0
	for _, t := range ts[:i] {
		switch t.w {
		case "«", "„":
			depth++
		case "»", "”":
			depth = max(0, depth-1)
		case "“", "\"":
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		}
	}
	return depth > 0
}

// yourWords are the second-person possessives before "conversation":
// "Votre entretien avec M. Gorbatchev" is the addressee's talk, not the
// writer's.
var yourWords = set("votre", "vos", "ihr", "ihre", "ihrem", "ihrer", "ваша", "ваш", "вашей", "вашу", "вашего", "váš", "vaše",
	"vašeho", "wasza", "waszej", "pańska", "pańskiej", "dumneavoastră", "vuestra", "vuestro", "su", "sua", "vostro", "vostra",
	"vaš", "vaša", "вашата", "вашия", "az ön", "your")

// supportedPerson: the person supported is the verb's object, after a
// title at most ("wspieramy tow. Kanię", "unterstützen Genossen Gierek").
func supportedPerson(ts []tok, i, j int) bool {
	if !isPerson(ts[j].refs) || ts[j].pron != 0 || j > i+4 {
		return false
	}
	for k := j + 1; k < len(ts) && k <= j+2; k++ {
		// "Támogatom Kádár elvtárs javaslatát": his proposal, not him
		if hasAnyStem(ts[k].w, viewNounsOther) {
			return false
		}
	}
	for k := i + 1; k < j; k++ {
		if !(ts[k].w == "." || ts[k].w == "w" || speakerTitles[ts[k].w] || ts[k].is(cTitles) || hasAnyStem(ts[k].w, []string{"genoss", "elvtárs", "tovarăș", "soudruh", "towarzysz", "compañer", "camarad", "camarade", "другар", "drug", "pełn", "voll", "teljes", "deplin", "plně", "plen", "entière", "pienamente"})) {
			return false
		}
	}
	return true
}

// viewNounsOther are "proposal", "position", "view" and "line" in the
// originals' languages.
var viewNounsOther = []string{"javaslat", "álláspont", "vélemény", "предложени", "позици", "мнени", "лини", "vorschlag", "position",
	"standpunkt", "meinung", "propozycj", "wniosk", "stanowisk", "zdani", "návrh", "postoj", "názor", "propuner", "poziți", "opini",
	"propuest", "posición", "proposition", "propost", "posizion", "predlog", "stav", "mišljenj", "предложение", "становище"}

// governedRU: the entity at ts[j] is the one the preposition at ts[p]
// governs: only titles, initials and attributes stand between ("с
// товарищем Кадаром", not "с этим и попросил передать Брежневу").
func governedRU(ts []tok, p, j int) bool {
	for k := p + 1; k < j; k++ {
		t := ts[k]
		if t.punct && t.w != "." || t.is(cClauseStop) || t.w == "и" || t.w == "а" || t.w == "но" || anaphorRU[t.w] {
			return false
		}
		if k > p+4 {
			return false
		}
	}
	return true
}

// anaphorRU are "this" and "him/her" as the object of "согласен с".
var anaphorRU = set("этим", "этой", "этом", "тем", "ним", "ней", "ними", "этими", "вами", "тобой")

// agreedWithThisRU: "Тараки согласился с этим": agreement with what the
// other participant of a record of conversation said; nil where "с" is
// followed by no such word or there is no other participant.
func (x *extractor) agreedWithThisRU(ts []tok, i int, subj []Ref) []Ref {
	if i+2 >= len(ts) || !anaphorRU[ts[i+2].w] || ts[i+2].refs != nil || ts[i+2].w == "вами" || ts[i+2].w == "тобой" {
		return nil
	}
	return x.otherParticipant(subj)
}

// positionOfRU: "поддерживает внешнюю политику Советского Союза",
// "поддерживаем линию КПСС": the party whose policy, line or position is
// supported.
func positionOfRU(ts []tok, i int) []Ref {
	for j := i + 1; j+1 < len(ts) && j <= i+3; j++ {
		if ts[j].punct || ts[j].refs != nil {
			return nil
		}
		if hasAnyStem(ts[j].w, []string{"политик", "лини", "позици", "курс", "усили"}) {
			if t := ts[j+1]; t.pron == 0 && agentRefs(t) {
				return t.refs[:1]
			}
			return nil
		}
	}
	return nil
}

// conjunctsBefore is the party at ts[j] with those joined to it before
// ("Пакистан и Иран", "Pakistan a Írán", "die USA und Großbritannien").
func conjunctsBefore(ts []tok, j int) []Ref {
	out := []Ref{ts[j].refs[0]}
	for k := j - 1; k >= 1; k -= 2 {
		if !conjunctionWords[ts[k].w] || ts[k-1].refs == nil || ts[k-1].pron != 0 || !agentRefs(ts[k-1]) {
			break
		}
		out = append(out, ts[k-1].refs[0])
	}
	return out
}

var conjunctionWords = set("и", "a", "i", "und", "és", "și", "y", "et", "e", "and", ",")

// hostileBetween is the index of a hostile act's noun within four words
// after the verb at ts[i], before any party is named; 0 where none.
func hostileBetween(ts []tok, i int, st stanceStems) int {
	for j := i + 1; j < len(ts) && j <= i+4; j++ {
		if ts[j].refs != nil || ts[j].punct {
			return 0
		}
		if hasAnyStem(ts[j].w, st.hostile) {
			return j
		}
	}
	return 0
}

// hostileDoerIn is the doer of the hostile act at ts[n] condemned by the
// verb at ts[i]: in Hungarian the possessor before the noun ("az
// imperialista körök beavatkozását"), elsewhere the genitive after it
// ("вмешательство США во внутренние дела Польши").
func (x *extractor) hostileDoerIn(ts []tok, i, n int) []Ref {
	if x.d.Versions[x.vi].Lang == "hu" {
		for j := n - 1; j > i; j-- {
			if doer(ts[j]) {
				return ts[j].refs[:1]
			}
		}
		return nil
	}
	if r := doerAfter(ts, n); r != nil {
		return r
	}
	return nil
}

// bareAgreement: a speaker's "Sunt de acord.", "Egyetértek.", "Souhlasím."
// with nothing after it agrees with the one who spoke before, in a
// record that marks its speakers; nil elsewhere.
func (x *extractor) bareAgreement(ts []tok, i int, me []Ref) []Ref {
	for k := i + 1; k < len(ts); k++ {
		if !ts[k].punct {
			return nil // "de acord cu ...", "einverstanden, dass ..."
		}
	}
	if len(me) == 0 || x.speakerOf(ts) == nil && !x.conversation {
		return nil
	}
	for si := x.curSi - 1; si >= 0 && si >= x.curSi-12; si-- {
		if sp := x.speakerOf(x.toks[si]); sp != nil {
			if sp[0] != me[0] {
				return sp[:1]
			}
			continue
		}
		if _, shaped := x.mark(x.toks[si]); shaped {
			return nil // the turn before is of someone the record does not name
		}
	}
	return nil
}

// locatives name where an act took place ("en", "in", "в").
var locatives = set("en", "in", "dans", "à", "в", "во", "nel", "nella", "v", "ve", "w", "we", "im")

// placeNamed reports whether the party obj, the first named within five
// words after ts[i], is named after a locative: the land an act befell.
func (x *extractor) placeNamed(ts []tok, i int, obj []Ref) bool {
	for j := i + 1; j < len(ts) && j <= i+6; j++ {
		if ts[j].refs != nil && len(obj) > 0 && ts[j].refs[0] == obj[0] {
			return locatives[ts[j-1].w]
		}
	}
	return false
}

// stanceNouns: after these words a stance word of French, Italian or
// Spanish is the noun ("todo apoyo del PCUS", "il sostegno", "notre
// soutien à"), no first-person stance of the speaker.
var stanceNouns = map[string]map[string]bool{
	"es": set("el", "un", "una", "su", "sus", "todo", "toda", "nuestro", "nuestra", "del", "al", "este", "esta", "ese", "cualquier", "ningún", "ninguna", "mi", "tu"),
	"fr": set("le", "la", "les", "un", "une", "son", "sa", "ses", "notre", "votre", "du", "des", "leur", "tout", "ce", "cet", "cette", "mon", "ma"),
	"it": set("il", "lo", "la", "un", "una", "suo", "sua", "nostro", "nostra", "del", "della", "dello", "al", "alla", "ogni", "il", "mio", "mia"),
}

// romanceInfinitive reports whether a French, Italian or Spanish stance
// word is an infinitive ("solliciter", "chiedere", "apoyar"): the first
// person's own stances are finite ("sollicitons", "chiediamo", "apoyamos").
func romanceInfinitive(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, end := range []string{"er", "ir", "are", "ere", "ire", "ar"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
