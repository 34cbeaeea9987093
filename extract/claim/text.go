package claim

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open range of code points.
type span struct{ s, e int }

// abbreviations after which a full stop does not end a sentence.
var abbrev = map[string]bool{
	"cde": true, "com": true, "comr": true, "no": true, "nos": true, "mr": true, "mrs": true,
	"dr": true, "gen": true, "col": true, "lt": true, "st": true, "vol": true, "pp": true,
	"op": true, "ll": true, "ed": true, "eds": true, "cf": true, "ie": true, "eg": true,
	"etc": true, "vs": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "tov": true, "gov": true, "amb": true, "adm": true, "maj": true,
	// "comrade" before a name: Polish "tow.", Russian "тов.", "тт.", "т.",
	// Czech and Slovak "s.", "ss."
	"tow": true, "тов": true, "тт": true, "т": true, "s": true, "ss": true,
	// offices before a name in speaker labels: "Min. Rapacki:", "Pres.
	// Dorticós", "Prem. Zhou", "Sec. Vance", "Dep. Minister"
	"min": true, "pres": true, "prem": true, "sec": true, "dep": true, "prof": true, "sen": true,
	// two-letter initials of transliterated Russian names ("Yu. V.
	// Andropov", "Zh. Tsedenbal")
	"yu": true, "ya": true, "zh": true, "kh": true, "ch": true, "sh": true, "ts": true, "yo": true, "ye": true,
}

// sentences splits r into sentences: a line break ends one, and so does a
// full stop, question or exclamation mark followed by space, unless it
// closes an abbreviation, an initial or a list number.
func sentences(r []rune) []span {
	var out []span
	start := 0
	emit := func(s, e int) {
		for s < e && unicode.IsSpace(r[s]) {
			s++
		}
		for e > s && unicode.IsSpace(r[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c == '\n' {
			emit(start, i)
			start = i + 1
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(r) && strings.ContainsRune("\"'”’)]»", r[j]) {
			j++
		}
		if j < len(r) && r[j] != ' ' && r[j] != '\t' && r[j] != '\n' && r[j] != '\r' {
			continue
		}
		if c == '.' && j == i+1 && notSentenceEnd(r, start, i) {
			continue
		}
		emit(start, j)
		start = j
		i = j - 1
	}
	emit(start, len(r))
	return out
}

// notSentenceEnd reports whether the full stop at r[i] belongs to the word
// before it (an abbreviation, an initial, or a list number opening the line).
func notSentenceEnd(r []rune, lineStart, i int) bool {
	k := i
	for k > lineStart && (unicode.IsLetter(r[k-1]) || unicode.IsDigit(r[k-1])) {
		k--
	}
	w := r[k:i]
	if len(w) == 0 {
		return false
	}
	if len(w) == 1 && unicode.IsUpper(w[0]) {
		return true // an initial: "I.V. Stalin", "G. M. Malenkov"
	}
	if len(w) == 1 && k == lineStart && unicode.IsLower(w[0]) {
		return true // a lettered item: "b. that aid shipments be speeded up"
	}
	if k > lineStart && r[k-1] == '.' {
		return true // "U.S.", "i.e."
	}
	allDigits := true
	for _, c := range w {
		if !unicode.IsDigit(c) {
			allDigits = false
		}
	}
	if allDigits && len(w) <= 2 && strings.TrimSpace(string(r[lineStart:k])) == "" {
		return true // "1. Immediate cessation ..."
	}
	return abbrev[strings.ToLower(string(w))]
}

// paragraphs splits r at blank lines.
func paragraphs(r []rune) []span {
	var out []span
	start := 0
	for i := 0; i < len(r); i++ {
		if r[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(r) && (r[j] == ' ' || r[j] == '\t' || r[j] == '\r') {
			j++
		}
		if j < len(r) && r[j] == '\n' {
			out = append(out, span{start, i})
			start = j + 1
			i = j
		}
	}
	out = append(out, span{start, len(r)})
	return out
}

// tok is a word, a punctuation mark or an entity reference in a sentence.
type tok struct {
	s, e  int
	prop  int    // index+1 into the proposals when the token is a proposal
	pron  int    // 1, 2 or 3 for personal pronouns, 0 otherwise
	w     string // lower-cased word or the punctuation mark
	refs  []Ref  // the entities the token stands for (a mention, a resolved pronoun)
	punct bool
	poss  bool   // a possessive ("Mao Zedong's", "your")
	ment  bool   // the refs come from a mention
	adj   bool   // a nationality adjective before a noun: "an American organization"
	cls   uint64 // the word's classes (wordClass)
}

func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	if 0x410 <= c && c <= 0x44F {
		return true // the Russian alphabet but ё, without the Unicode tables
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

// tokenize splits r[sp.s:sp.e] into tokens; runs covered by a mention
// become one token carrying the mention's entity.
func tokenize(r []rune, lt lowered, sp span, cover []int32, ms []Mention, out []tok) []tok {
	i := sp.s
	for i < sp.e {
		c := r[i]
		if m := cover[i]; m >= 0 {
			j := i
			for j < sp.e && cover[j] == m {
				j++
			}
			mm := ms[m]
			w := lt.sub(i, j)
			out = append(out, tok{s: i, e: j, w: w, refs: []Ref{{mm.Class, mm.Name}}, ment: true, cls: wordClass[w]})
			if j-i > 2 && r[j-1] == 's' && (r[j-2] == '\'' || r[j-2] == '’') {
				out[len(out)-1].poss = true // the mention includes its "'s"
			}
			i = j
			if i+1 < sp.e && (r[i] == '\'' || r[i] == '’') && (r[i+1] == 's' || r[i+1] == 'S') && (i+2 >= sp.e || !isWordRune(r[i+2])) {
				out[len(out)-1].poss = true
				i += 2
			} else if i < sp.e && (r[i] == '\'' || r[i] == '’') && i > 0 && (r[i-1] == 's') {
				out[len(out)-1].poss = true
				i++
			}
			continue
		}
		if unicode.IsSpace(c) {
			i++
			continue
		}
		if !isWordRune(c) {
			w := lt.sub(i, i+1)
			out = append(out, tok{s: i, e: i + 1, w: w, punct: true, cls: wordClass[w]})
			i++
			continue
		}
		j := i
		for j < sp.e && cover[j] < 0 {
			if isWordRune(r[j]) {
				j++
				continue
			}
			if r[j] == ',' && thousands(r, j, sp.e) {
				j++ // "3,000 tons": one number
				continue
			}
			if (r[j] == '-' || r[j] == '\'' || r[j] == '’' || r[j] == '%') && j+1 < sp.e && (isWordRune(r[j+1]) || r[j] == '%') && j > i {
				if r[j] == '%' {
					j++
					break
				}
				j++
				continue
			}
			break
		}
		w := lt.sub(i, j)
		t := tok{s: i, e: j, w: w}
		if strings.HasSuffix(w, "'s") {
			t.poss, t.w = true, strings.TrimSuffix(w, "'s")
		} else if strings.HasSuffix(w, "’s") {
			t.poss, t.w = true, strings.TrimSuffix(w, "’s")
		} else if j < sp.e && (r[j] == '\'' || r[j] == '’') && r[j-1] == 's' && (j+1 >= sp.e || !isWordRune(r[j+1])) {
			t.poss = true
			j++
			t.e = j
		}
		t.cls = wordClass[t.w]
		out = append(out, t)
		i = j
	}
	return out
}

// lowered is a version's text in lower case with the byte offset of every
// code point, so that tokens are substrings and cost no allocation.
type lowered struct {
	words int // an upper bound on the number of tokens
	text  string
	off   []int32 // off[i] is the byte offset of code point i; off[len] = len(text)
}

func lower(r []rune, off []int32) lowered {
	n := 0
	for _, c := range r {
		n += utf8.RuneLen(c)
	}
	var b strings.Builder // one allocation, none to copy it into a string
	b.Grow(n)
	off = slices.Grow(off[:0], len(r)+1)[:len(r)+1]
	words := 0
	prevWord := false
	for i, c := range r {
		w := c < utf8.RuneSelf && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') || c >= utf8.RuneSelf && isWordRune(c)
		if !w && c != ' ' && c != '\n' || w && !prevWord {
			words++
		}
		prevWord = w
		off[i] = int32(b.Len())
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(byte(c))
			continue
		}
		if 0x410 <= c && c <= 0x44F {
			// the Russian alphabet but ё: А-Я lower-case 32 code points on
			if c < 0x430 {
				c += 0x20
			}
			b.WriteRune(c)
			continue
		}
		l := unicode.ToLower(c)
		if utf8.RuneLen(l) != utf8.RuneLen(c) || utf8.RuneLen(c) < 0 {
			l = c // keep offsets aligned with the original text
		}
		b.WriteRune(l)
	}
	off[len(r)] = int32(b.Len())
	return lowered{words, b.String(), off}
}

func (l lowered) sub(i, j int) string { return l.text[l.off[i]:l.off[j]] }

// thousands reports whether the comma at r[j] separates the thousands of
// a number ("3,000", "20,000"): a digit before it, three after, and no
// fourth.
func thousands(r []rune, j, end int) bool {
	if j == 0 || j+3 >= end+1 || !unicode.IsDigit(r[j-1]) {
		return false
	}
	for k := j + 1; k <= j+3; k++ {
		if k >= end || !unicode.IsDigit(r[k]) {
			return false
		}
	}
	return j+4 >= end || !unicode.IsDigit(r[j+4])
}
