package entity

import (
	"strconv"
	"strings"

	"github.com/docgraph/docgraph/vocab"
)

// A party congress is named by its number and its party, in words
// ("Ninth Congress of the Chinese Communist Party"), figures ("9th Congress
// of the CCP") or Roman numerals ("XIX Congress of the VKP(b)"), and the
// party by any of its names. The gazetteer's congresses are indexed by
// party and number, so any such naming of one finds it; a congress the
// gazetteer lacks is an event of its own, named as written.

type congressKey struct {
	party *vocab.Entry
	n     int
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}

// ordinal reads a congress number: "ninth", "9th", "ix", "twenty-second"
// (as the tokens "twenty" "second" read by the caller), or 0.
func ordinal(w string) int {
	if n, ok := ordinalWords[w]; ok {
		return n
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			if n, err := strconv.Atoi(strings.TrimSuffix(w, suf)); err == nil && n > 0 && n < 100 {
				return n
			}
		}
	}
	return roman(w)
}

// roman reads a Roman numeral up to 39 ("xix"), or 0.
func roman(w string) int {
	if w == "" || len(w) > 6 {
		return 0
	}
	val := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	n := 0
	for i := 0; i < len(w); i++ {
		v, ok := val[w[i]]
		if !ok {
			return 0
		}
		if i+1 < len(w) && val[w[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n >= 40 {
		return 0
	}
	return n
}

// congressHeads are the words for a party congress.
var congressHeads = set("congress congresses")

// indexCongresses indexes the gazetteer's congress events by party and
// number, reading each event's name and labels.
func (m *Matcher) indexCongresses() {
	m.congresses = map[congressKey]*vocab.Entry{}
	for _, e := range m.g.Entries {
		if e.Class != vocab.ClassEvent {
			continue
		}
		texts := []string{e.Name}
		for _, l := range e.Labels {
			texts = append(texts, l.Text)
		}
		for _, t := range texts {
			if k, ok := m.congressOf(t); ok {
				if _, dup := m.congresses[k]; !dup {
					m.congresses[k] = e
				}
			}
		}
	}
}

// congressOf reads "<ordinal> [National|Party] Congress of [the] <party>"
// in a gazetteer name.
func (m *Matcher) congressOf(name string) (congressKey, bool) {
	toks := tokenize(name)
	if len(toks) < 4 {
		return congressKey{}, false
	}
	n := ordinal(toks[0].Norm)
	k := 1
	for k < len(toks) && (toks[k].Norm == "national" || toks[k].Norm == "party") {
		k++
	}
	if n == 0 || k+2 > len(toks) || !congressHeads[toks[k].Norm] || toks[k+1].Norm != "of" {
		return congressKey{}, false
	}
	k += 2
	if k < len(toks) && toks[k].Norm == "the" {
		k++
	}
	end, tg := m.longest(toks, k, Context{}, nil)
	if tg == nil || end != len(toks) || tg.entry.Class != vocab.ClassOrganization {
		return congressKey{}, false
	}
	return congressKey{tg.entry, n}, true
}

// congressMentions finds the congresses named before a party's mention:
// "the Ninth Congress of the Chinese Communist Party".
func (m *Matcher) congressMentions(text string, toks []token, ms []Mention) []Mention {
	var out []Mention
	k := 0
	for _, mm := range ms {
		if mm.Entry == nil || mm.Class != vocab.ClassOrganization {
			continue
		}
		for k < len(toks) && toks[k].Start < mm.Start {
			k++
		}
		if k >= len(toks) || toks[k].Start != mm.Start {
			continue
		}
		j := k - 1
		if j >= 0 && toks[j].Norm == "the" {
			j--
		}
		if j < 1 || toks[j].Norm != "of" || !congressHeads[toks[j-1].Norm] || !toks[j-1].Upper {
			continue
		}
		j -= 2
		for j >= 0 && (toks[j].Norm == "national" || toks[j].Norm == "party") {
			j--
		}
		if j < 0 {
			continue
		}
		n := ordinal(toks[j].Norm)
		if n > 0 && n < 10 && j > 0 && toks[j-1].Norm == "twenty" {
			n, j = n+20, j-1 // "Twenty-Second"
		}
		if n == 0 {
			continue
		}
		a := toks[j]
		var b token
		for _, t := range toks[k:] {
			if t.End > mm.End {
				break
			}
			b = t
		}
		named := false
		for _, o := range ms {
			named = named || o.Class == vocab.ClassEvent && o.Start < b.End && a.Start < o.End
		}
		if named {
			continue // the gazetteer's label matched it already
		}
		ev := Mention{Class: vocab.ClassEvent, Start: a.Start, End: b.End, Text: text[a.Byte:b.ByteEnd], By: ByRule}
		if e := m.congresses[congressKey{mm.Entry, n}]; e != nil {
			ev.Entry, ev.Name, ev.By = e, e.Name, ByName
		} else {
			ev.Name = strings.ToUpper(ev.Text[:1]) + ev.Text[1:]
		}
		out = append(out, ev)
	}
	return out
}
