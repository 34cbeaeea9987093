package claim

// The first-person stances and the requests of French, Italian and
// Bulgarian records, read as cuesOther reads the languages it knows: "Nous
// vous demandons de ...", "Vi chiediamo di ...", "Молим да ...", and the
// reported "X a demandé que ...", "X ha chiesto che ...", "X помоли ...".
func init() {
	more := map[string]otherLexicon{
		"fr": {agree: []string{"d'accord", "accord", "approuv"}, request: []string{"demandons", "demande", "prions", "prie", "sollicit"},
			support: []string{"soutenons", "soutiens", "appuyons"}, oppose: []string{"rejetons", "condamnons", "refusons"}, with: []string{"avec"},
			you: []string{"vous", "votre", "vos", "toi", "te"}, we: []string{"nous", "je", "j'", "notre", "nos"}},
		"it": {agree: []string{"d'accordo", "concord"}, request: []string{"chiediamo", "chiedo", "preghiamo", "prego", "sollecit"},
			support: []string{"sosteniamo", "appoggiamo", "sostengo"}, oppose: []string{"respingiamo", "condanniamo", "rifiutiamo"}, with: []string{"con"},
			you: []string{"voi", "lei", "vostro", "vostra", "ti", "vi"}, we: []string{"noi", "io", "nostro", "nostra"}},
		"bg": {agree: []string{"съглас"}, request: []string{"молим", "моля", "искаме"},
			support: []string{"подкрепяме", "подкрепям"}, oppose: []string{"отхвърляме", "осъждаме"}, with: []string{"с", "със"},
			you: []string{"вие", "вас", "вам", "ви", "ти", "теб"}, we: []string{"ние", "аз", "нас", "нашата", "нашия", "наш"}},
	}
	for lang, lex := range more {
		if _, ok := otherLexicons[lang]; !ok {
			otherLexicons[lang] = lex
		}
	}
	says := map[string][2][]string{
		"fr": {{"a déclaré", "a dit", "a souligné", "a répondu", "a indiqué", "déclare", "souligne"}, {"il", "elle"}},
		"it": {{"ha dichiarato", "ha detto", "ha sottolineato", "ha risposto", "dichiara", "sottolinea"}, {"egli", "lui", "lei"}},
		"bg": {{"заяви", "каза", "подчерта", "отговори", "отбеляза"}, {"той", "тя"}},
	}
	for lang, s := range says {
		if _, ok := sayLexicon[lang]; !ok {
			sayLexicon[lang] = s
		}
	}
	asked := map[string][]string{
		"fr": {"a demandé", "demanda", "a prié", "a sollicité"},
		"it": {"ha chiesto", "chiese", "ha pregato", "ha sollecitato"},
	}
	for lang, s := range asked {
		if _, ok := requestedStems[lang]; !ok {
			requestedStems[lang] = s
		}
	}
	for _, c := range []string{"di", "de", "d'", "che"} {
		complementizers[c] = true
	}
}

// secondPossessive are the second person's possessives that make a
// conversation the addressee's ("Votre entretien avec ...", "Ihr Gespräch
// mit ...").
var secondPossessive = set("your", "votre", "vos", "ihr", "ihre", "ihrem", "ihres", "dein", "deine", "vaše", "váš",
	"vašeho", "vašem", "wasza", "wasze", "pańska", "pański", "ваша", "вашей", "вашего", "вашем", "vostro", "vostra",
	"vuestra", "vuestro", "dumneavoastră")
