// Package langid tells the language of a record's text: cheaply from the
// script and the commonest words where they settle it, and otherwise with
// lingua-go restricted to the languages of the archives docgraph reads
// (the Soviet bloc, East Asia, the Middle East and the Western powers).
package langid

import (
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"
)

// languages are the languages the detector chooses among: the original
// languages of Cold War records in the archives these records come from.
var languages = []lingua.Language{
	lingua.English, lingua.Russian, lingua.German, lingua.Polish, lingua.Hungarian, lingua.Czech,
	lingua.Slovak, lingua.Romanian, lingua.Bulgarian, lingua.Serbian, lingua.Croatian, lingua.Ukrainian,
	lingua.Albanian, lingua.Mongolian, lingua.Vietnamese, lingua.Chinese, lingua.Korean, lingua.Japanese,
	lingua.French, lingua.Spanish, lingua.Italian, lingua.Portuguese, lingua.Arabic, lingua.Persian,
	lingua.Finnish,
}

var (
	once     sync.Once
	detector lingua.LanguageDetector
)

// maxSample is how much of a text the detector reads: a few sentences
// settle the language, and the detector's time grows with the text.
const maxSample = 300

// Letters counts a text's letters by script.
type Letters struct {
	Latin, Cyrillic, Han, Hangul, Kana, Arabic, Greek, Hebrew int
}

// CountLetters counts the letters of s by script (others are not counted).
func CountLetters(s string) Letters {
	var n Letters
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				n.Latin++
			}
		case r < 0x2B9:
			// below U+02B9 the letters are Latin ("ª", "À"-"ʸ") and the
			// rest common signs ("×", "÷"): no other script's table to try
			if r == 0xAA || r == 0xBA || r >= 0xC0 && r != 0xD7 && r != 0xF7 {
				n.Latin++
			}
		case r >= 0x400 && r <= 0x52F:
			// the Cyrillic block and its supplement, but for two combining
			// marks (U+0485, U+0486) all scripts share
			if r != 0x485 && r != 0x486 {
				n.Cyrillic++
			}
		case unicode.Is(unicode.Cyrillic, r):
			n.Cyrillic++
		case unicode.Is(unicode.Hangul, r):
			n.Hangul++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			n.Kana++
		case unicode.Is(unicode.Han, r):
			n.Han++
		case unicode.Is(unicode.Arabic, r):
			n.Arabic++
		case unicode.Is(unicode.Greek, r):
			if unicode.IsLetter(r) {
				n.Greek++
			}
		case unicode.Is(unicode.Hebrew, r):
			if unicode.IsLetter(r) {
				n.Hebrew++
			}
		case unicode.Is(unicode.Latin, r):
			n.Latin++
		}
	}
	return n
}

// Detect returns the ISO 639-1 code of the language of text, "" when it
// cannot tell (no letters, or too little text).
func Detect(text string) string {
	n := CountLetters(text)
	cyr, han, hangul, kana, latin, arabic := n.Cyrillic, n.Han, n.Hangul, n.Kana, n.Latin, n.Arabic
	switch {
	case hangul > 0 && hangul >= han:
		return "ko"
	case kana > 0:
		return "ja"
	case han > 0 && han*3 >= latin+cyr:
		return "zh"
	case cyr > latin && cyr > 0:
		return cyrillic(text)
	case arabic > latin && arabic > 0:
		return detect(text)
	case n.Greek > latin && n.Greek > 0:
		return "el"
	case n.Hebrew > latin && n.Hebrew > 0:
		return "he"
	case latin == 0:
		return ""
	}
	switch c, lang := latinWords(text); {
	case c == "en":
		return "en"
	case lang != "":
		return lang
	case c == "" && latin < 20:
		return ""
	}
	return detect(text)
}

// cyrillic tells Russian from the other languages in Cyrillic letters by
// the letters only some of them use, and asks the detector otherwise.
func cyrillic(text string) string {
	var ru, mn, uk, sr int
	for _, r := range strings.ToLower(text) {
		switch r {
		case 'ы', 'э':
			ru++
		case 'ө', 'ү':
			mn++
		case 'і', 'ї', 'є', 'ґ':
			uk++
		case 'ђ', 'ћ', 'џ', 'ј', 'љ', 'њ':
			sr++
		}
	}
	// the letters Russian never writes decide, even beside "ы" or "э"
	// (Mongolian writes "э" too)
	switch {
	case mn >= 2 && mn >= uk && mn >= sr:
		return "mn"
	case uk >= 2 && uk >= sr:
		return "uk"
	case sr >= 2:
		return "sr"
	case ru > 0:
		return "ru"
	}
	return detect(text)
}

func detect(text string) string {
	once.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().FromLanguages(languages...).WithLowAccuracyMode().Build()
	})
	if len(text) > maxSample {
		cut := maxSample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	l, ok := detector.DetectLanguageOf(text)
	if !ok {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// english holds the commonest short words of English; byLang those of
// the other languages in Latin letters these records are written in,
// chosen so that few are shared between the languages.
var english = setOf("the of and to in that is was for with on as by we it be not this are he his our at from have has will would they their which been an or had shall")

var byLang = map[string]map[string]bool{
	"de": setOf("der die das und ist nicht mit den dem des zu von sich auf für eine ein wir wird werden auch daß dass im zur zum über ich sie es"),
	"pl": setOf("się nie że jest na do oraz jak przez od ze po są być tym tego który która oraz został także"),
	"hu": setOf("a az és hogy nem egy meg van volt azt ezt mint csak vagy pedig lesz kell már még is szerint után között mert valamint amely aki elvtárs"),
	"cs": setOf("se je že jako jsou být aby ale pro při jsme byl bylo která které také jeho"),
	"sk": setOf("sa je že ako sú byť aby ale pre pri sme bol bolo ktorá ktoré tiež jeho"),
	"ro": setOf("și în că cu pe nu din care mai sunt fost pentru această acest sau fi"),
	"fr": setOf("le les et des que est du une dans pour qui sur pas nous sont ce cette"),
	"es": setOf("el los las y del que por con una para es en se su lo al como"),
	"it": setOf("il che della sono di per con una non gli nel alla anche è"),
	"vi": setOf("của và là các những với đã không được cho này trong có người một đồng chí"),
	"sq": setOf("dhe të në është që për nga një nuk janë kjo ky por shoku shokut partisë tha"),
	"fi": setOf("ja on ei että hän oli ovat myös kun tai mutta joka jotka tämä sekä kanssa mukaan olisi ole sen hänen"),
	// the Scandinavian languages by the words they do not share
	"da": setOf("og ikke af jeg også hvor efter blev være meget hvad nogle hans skulle dette disse til vil sagde havde kunne ville blive"),
	"sv": setOf("och inte av jag också att är för hade skulle kommer eller mycket vad några detta dessa till vill sade kunde ville bli"),
	"nl": setOf("het een van zijn niet voor ook bij door wordt worden naar maar dat deze heeft hebben werd"),
	"pt": setOf("não uma os das dos pelo pela são foi também ao às seu sua está nos foram isso"),
	"id": setOf("yang dan dari ini itu dengan untuk tidak dalam akan pada juga bahwa oleh sudah telah kami mereka"),
	"tr": setOf("ve bir bu için ile olarak gibi daha çok olan sonra değil kadar ama"),
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// LatinClass tells English prose from prose in another language in Latin
// letters by their commonest words: "en", "other", or "" when the text has
// too few words to tell.
func LatinClass(text string) string {
	c, _ := latinWords(text)
	return c
}

// langBits maps each common word to the languages (bits in the order of
// latinLangs, English first) it is common in.
var (
	latinLangs = []string{"en", "de", "pl", "hu", "cs", "sk", "ro", "fr", "es", "it", "vi", "sq", "fi", "da", "sv", "nl", "pt", "id", "tr"}
	langBits   = func() map[string]uint32 {
		m := map[string]uint32{}
		for w := range english {
			m[w] |= 1
		}
		for i, l := range latinLangs[1:] {
			for w := range byLang[l] {
				m[w] |= 1 << (i + 1)
			}
		}
		return m
	}()
)

// latinWords counts the commonest words of each language in text; it
// returns the class ("en", "other", "") and, for "other", the language
// whose words clearly lead ("" when two are close).
func latinWords(text string) (class, lang string) {
	en, fo, words := 0, 0, 0
	var hits [32]int
	var buf [32]byte
	count := func(w string) {
		words++
		if len(w) > len(buf) {
			return
		}
		var key string
		ascii := true
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				ascii = false
				break
			}
		}
		var bits uint32
		var ok bool
		if ascii {
			b := buf[:len(w)]
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[i] = c
			}
			bits, ok = langBits[string(b)]
		} else {
			key = strings.ToLower(w)
			bits, ok = langBits[key]
		}
		if !ok {
			return
		}
		switch {
		case bits == 1:
			en++
		case bits&1 == 0:
			fo++
		default:
			// a word English shares with another language ("an", "die",
			// "in") tells neither
		}
		for i := 1; i < len(latinLangs); i++ {
			if bits&(1<<i) != 0 {
				hits[i]++
			}
		}
	}
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			count(text[start:i])
			start = -1
			if words >= 120 || words >= 24 && en >= 6 && fo*3 < en {
				break // long enough, or plainly English
			}
		}
	}
	if start >= 0 && words < 120 {
		count(text[start:])
	}
	switch {
	case words < 6:
		return "", ""
	case fo >= 2 && fo > 2*en:
		best, second := 0, 0
		for i := 1; i < len(latinLangs); i++ {
			switch {
			case hits[i] > hits[best]:
				second = hits[best]
				best = i
			case hits[i] > second:
				second = hits[i]
			}
		}
		if best > 0 && hits[best] >= 3 && hits[best] >= 2*second {
			return "other", latinLangs[best]
		}
		return "other", byLetters(text)
	case en >= 2 && en >= fo || en >= 1 && en*10 >= words && fo == 0:
		return "en", ""
	case en == 0 && words >= 10:
		// few common words, none English, and the letters of one
		// language ("przebiegu rozmów w stoczni ... działań, które")
		if l := byLetters(text); l != "" {
			return "other", l
		}
	}
	return "", ""
}

// letterLangs are letters only one of the languages uses.
var letterLangs = map[rune]string{
	'ř': "cs", 'ě': "cs", 'ů': "cs", 'ß': "de", 'ô': "sk", 'ĺ': "sk", 'ľ': "sk", 'ŕ': "sk",
	'ł': "pl", 'ą': "pl", 'ę': "pl", 'ś': "pl", 'ź': "pl", 'ż': "pl", 'ń': "pl", 'ő': "hu", 'ű': "hu",
	'ș': "ro", 'ț': "ro", 'ş': "ro", 'ţ': "ro", 'ă': "ro", 'ơ': "vi", 'ư': "vi", 'đ': "vi", 'ạ': "vi", 'ả': "vi",
	'ấ': "vi", 'ầ': "vi", 'ệ': "vi", 'ộ': "vi", 'ñ': "es", 'ë': "sq",
}

// byLetters names the language whose own letters clearly lead in text, or "".
func byLetters(text string) string {
	n := map[string]int{}
	seen := 0
	for _, r := range strings.ToLower(text) {
		if l, ok := letterLangs[r]; ok {
			n[l]++
		}
		if seen++; seen > 2000 {
			break
		}
	}
	best, second := "", 0
	for l, c := range n {
		switch {
		case best == "" || c > n[best]:
			if best != "" {
				second = max(second, n[best])
			}
			best = l
		case c > second:
			second = c
		}
	}
	if best != "" && n[best] >= 3 && n[best] >= 3*second {
		return best
	}
	return ""
}
