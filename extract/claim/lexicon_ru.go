package claim

import "strings"

// Russian: the words the rules read in a Russian text (an original with no
// English translation). Inflected words are matched by stem.

func init() {
	add := func(m map[string]bool, ws ...string) {
		for _, w := range ws {
			m[w] = true
		}
	}
	add(firstPerson, "я", "меня", "мне", "мной", "мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши",
		"нашего", "нашей", "нашему", "нашим", "наших", "нашу", "мой", "моя", "моё", "мое", "мои", "моего", "моей",
		"моему", "моим", "моих", "мою")
	add(secondPerson, "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему",
		"вашим", "ваших", "вашу", "ты", "тебя", "тебе", "твой")
	add(thirdSing, "он", "его", "ему", "него", "нему", "ним", "она", "её", "ее", "ей", "неё", "нее", "ней")
	add(thirdPlural, "они", "их", "ими", "них", "ними")
	add(possPronoun, "наш", "наша", "наше", "наши", "нашего", "нашей", "нашу", "ваш", "ваша", "ваше", "ваши",
		"вашего", "вашей", "вашу", "мой", "моя", "мое", "моё", "мою", "его", "её", "ее", "их")
	add(negators, "не", "нет", "ни")
	add(clauseStop, "что", "чтобы", "который", "которая", "которое", "которые", "которого", "которой", "если",
		"когда", "но", "однако", "хотя", "потому", "поскольку", "так")
	add(objStop, "что", "чтобы", "который", "которая", "которое", "которые", "если", "когда", "но", "однако")
	add(prepositions, "в", "во", "на", "с", "со", "к", "ко", "от", "из", "по", "о", "об", "при", "для", "у", "за",
		"под", "над", "между", "без", "через", "против", "перед")
	add(titles, "тов", "товарищ", "товарищу", "товарища", "товарищем", "т")
	add(speechVerbs, "сказал", "говорит", "сказала", "ответил", "отвечает", "спросил", "спрашивает", "заявил",
		"заявляет", "отметил", "отмечает", "сообщил", "сообщает", "предложил", "предлагает", "добавил", "считает",
		// Mongolian minutes: "Ж.Батмөнх хэлэв:" ("said")
		"хэлэв")
	add(listVerbs, "добиваться", "добиваются", "добьется", "добьётся", "предложит", "предлагает", "настаивать", "потребует")
	add(opinionWords, "мнение", "мнения", "точку", "позицию", "указания", "указаний", "совет", "совета")
	for w := range firstPerson {
		pronounWords[w] = 1
	}
	for _, s := range []map[string]bool{secondPerson, thirdSing, thirdPlural, possPronoun} {
		for w := range s {
			pronounWords[w] = 1
		}
	}
	for i, s := range []map[string]bool{clauseStop, objStop, nounStop, modals, negators, titles, prepositions,
		groupNouns, proposalHeads, actionHeads, actionGovernors, anaphoric, speechVerbs, messageNouns, opinionWords,
		listVerbs, beForms, supportAdjs, opposeAdjs, wantVerbs, proposalVerbs, firstPerson, secondPerson, thirdSing,
		thirdPlural, possPronoun} {
		for w := range s {
			wordClass[w] |= 1 << uint(i)
		}
	}
}

// ruNational maps the stem of a Russian nationality word (adjective or
// people) to the state: "мексиканское предложение", "предложение
// мексиканцев".
var ruNational = []struct{ stem, country string }{
	{"мексиканск", "Mexico"}, {"мексиканц", "Mexico"},
	{"американск", "United States"}, {"американц", "United States"},
	{"советск", "Soviet Union"}, {"китайск", "China"}, {"китайц", "China"},
	{"корейск", "Korea"}, {"корейц", "Korea"}, {"английск", "United Kingdom"}, {"британск", "United Kingdom"},
	{"англичан", "United Kingdom"}, {"индийск", "India"}, {"индийц", "India"}, {"японск", "Japan"}, {"японц", "Japan"},
	{"французск", "France"}, {"французы", "France"}, {"французов", "France"}, {"польск", "Poland"}, {"поляк", "Poland"},
	{"чехословацк", "Czechoslovakia"}, {"монгольск", "Mongolia"}, {"бирманск", "Burma"}, {"вьетнамск", "Vietnam"},
}

// ruCountry resolves a Russian nationality word for the document's date.
func ruCountry(w, date string) string {
	for _, n := range ruNational {
		if strings.HasPrefix(w, n.stem) {
			switch n.country {
			case "Korea":
				if date == "" || date >= "1948-09" {
					return "North Korea"
				}
			case "China":
				if date == "" || date >= "1949-10" {
					return "People's Republic of China"
				}
				return "Chinese Communist Party"
			}
			return n.country
		}
	}
	return ""
}
