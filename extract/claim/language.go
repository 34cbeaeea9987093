package claim

import "strings"

// statedLanguages corrects the language of a version whose page states the
// original's language ("Language: Polish") while the text given is the
// English translation: its cues are read as English. It returns vs itself
// where nothing changes.
func statedLanguages(vs []Version) []Version {
	for i, v := range vs {
		if v.Lang == "en" || v.Lang == "" || !readsEnglish(v.Text) {
			continue
		}
		out := append([]Version(nil), vs...)
		out[i].Lang = "en"
		for j := i + 1; j < len(out); j++ {
			if out[j].Lang != "en" && out[j].Lang != "" && readsEnglish(out[j].Text) {
				out[j].Lang = "en"
			}
		}
		return out
	}
	return vs
}

// englishMarkers are function words frequent in English prose and absent
// (as words) from the other languages of the records.
var englishMarkers = set("the", "and", "of", "that", "which", "with", "have", "has", "was", "were")

// readsEnglish reports whether the first few thousand bytes of text are
// English prose: one word in ten or more an English function word.
func readsEnglish(text string) bool {
	if len(text) > 4000 {
		text = text[:4000]
	}
	words, marks := 0, 0
	for _, f := range strings.FieldsFunc(text, func(c rune) bool { return !isWordRune(c) && c != '\'' }) {
		words++
		if len(f) <= 5 && englishMarkers[strings.ToLower(f)] {
			marks++
		}
	}
	return words >= 20 && 10*marks >= words
}
