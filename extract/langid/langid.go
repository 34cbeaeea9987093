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
}

var (
	once     sync.Once
	detector lingua.LanguageDetector
)

// maxSample is how much of a text the detector reads: a few sentences
// settle the language, and the detector's time grows with the text.
const maxSample = 400

// Detect returns the ISO 639-1 code of the language of text, "" when it
// cannot tell (no letters, or too little text).
func Detect(text string) string {
	var cyr, han, hangul, kana, latin, arabic int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
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
	case latin == 0:
		return ""
	}
	switch LatinClass(text) {
	case "en":
		return "en"
	case "":
		if latin < 20 {
			return ""
		}
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
	switch {
	case mn > 0 && mn >= ru:
		return "mn"
	case uk > 0 && uk >= ru:
		return "uk"
	case sr > 0 && sr >= ru:
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

// english and foreign hold the commonest short words of English and of
// the other languages in Latin letters these records are written in.
var english = setOf("the of and to in that is was for with on as by we it be not this are he his our at from have has will would they their which been an or had shall")

var foreign = setOf(
	// German
	"der die das und ist nicht mit den dem des zu von sich auf für eine ein wir wird werden auch daß dass im zur zum über" +
		// Polish
		" się nie że jest na do oraz jak przez od ze po są być tym tego który która" +
		// Hungarian
		" az és hogy nem egy meg van volt azt ezt mint csak vagy pedig lesz" +
		// Czech and Slovak
		" se je že jako jsou být aby ale pro při ktoré ktorý sme jsme" +
		// Romanian
		" și în că cu pe nu din care mai sunt fost pentru această acest" +
		// French, Spanish, Italian
		" le les et des que est du une dans pour qui sur pas el los las y del por con il che della sono" +
		// Vietnamese
		" của và là các những với đã không được cho này trong có")

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
	en, fo, words := 0, 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		lw := strings.ToLower(w)
		if english[lw] {
			en++
		} else if foreign[lw] {
			fo++
		}
		if words >= 80 {
			break
		}
	}
	switch {
	case words < 6:
		return ""
	case fo >= 2 && fo > 2*en:
		return "other"
	case en >= 2 || en*10 >= words:
		return "en"
	}
	return ""
}
