// Package archref reads the archival references of a record's citation:
// one Ref per archive cited ("APRF, f. 45, op. 1, d. 343, ll. 97-103"), with
// fond, opis, delo, papka and folios as written, or free text for archives
// and publications that cite otherwise; and the translators the citation
// names. It imports only the standard library.
package archref

import (
	"strings"
	"unicode"
)

// Ref is one archive's reference. Offset is the byte offset in the parsed
// text where the reference starts.
type Ref struct {
	Archive                         string
	Fond, Opis, Delo, Papka, Folios string
	Reference                       string // free text, for archives that do not cite by fond/opis/delo
	Offset                          int
}

// Problem is something odd in a citation, at a byte offset.
type Problem struct {
	Offset int
	Msg    string
}

// Citation is what a citation says.
type Citation struct {
	Refs        []Ref
	Translators []string
	Problems    []Problem
}

// archives maps the spellings of well-known archives to the abbreviation
// the references use.
var archives = []struct{ spelling, name string }{
	{"AP RF", "APRF"}, {"APRF", "APRF"}, {"АП РФ", "APRF"}, {"АПРФ", "APRF"},
	{"AVP RF", "AVP RF"}, {"AVPRF", "AVP RF"}, {"АВП РФ", "AVP RF"}, {"АВПРФ", "AVP RF"},
	{"RGASPI", "RGASPI"}, {"РГАСПИ", "RGASPI"}, {"RTsKhIDNI", "RTsKhIDNI"},
	{"RGANI", "RGANI"}, {"GARF", "GARF"}, {"RGAE", "RGAE"}, {"RGVA", "RGVA"}, {"RGAKFD", "RGAKFD"},
	{"TsAMO RF", "TsAMO"}, {"TsAMO", "TsAMO"}, {"TsKhSD", "TsKhSD"},
	{"PRC FMA", "PRC FMA"}, {"PRCFMA", "PRC FMA"},
	{"SAPMO-BArch", "SAPMO-BArch"}, {"AMVnR", "AMVnR"}, {"NARA", "NARA"},
}

// fieldKeys maps the words that introduce a reference's parts.
var fieldKeys = map[string]string{
	"f": "fond", "fond": "fond", "ф": "fond", "фонд": "fond",
	"op": "opis", "opis": "opis", "оп": "opis", "опись": "opis",
	"d": "delo", "delo": "delo", "д": "delo", "дело": "delo",
	"p": "papka", "papka": "papka", "п": "papka", "папка": "papka",
	"l": "folios", "ll": "folios", "list": "folios", "listy": "folios", "lists": "folios",
	"л": "folios", "лл": "folios", "лист": "folios", "листы": "folios",
}

// Parse reads a citation. A markdown export's citation starts with the
// quoted title, the date and "Wilson Center Digital Archive,", which are
// skipped; offsets stay relative to text.
func Parse(text string) Citation {
	var c Citation
	start := 0
	if i := strings.Index(text, "Digital Archive,"); i >= 0 {
		start = i + len("Digital Archive,")
	} else if strings.HasPrefix(text, "\"") || strings.HasPrefix(text, "“") {
		if j := strings.IndexAny(text[1:], "\"”"); j >= 0 {
			start = j + 2
		}
	}
	for _, s := range split(text, start, &c) {
		seg := text[s.i:s.j]
		trim := strings.TrimSpace(seg)
		off := s.i + strings.Index(seg, trim)
		low := strings.ToLower(trim)
		switch {
		case trim == "":
		case strings.HasPrefix(low, "translated"):
			c.Translators = append(c.Translators, translators(trim)...)
		case strings.HasPrefix(low, "reprinted in "), strings.HasPrefix(low, "published in "), strings.HasPrefix(low, "in "):
			body := trim[strings.Index(low, "in ")+3:]
			if r, ok := publication(body, off+len(trim)-len(body)); ok {
				c.Refs = append(c.Refs, r)
			}
		default:
			if r, ok := archiveRef(trim, off, &c); ok {
				c.Refs = append(c.Refs, r)
			} else if r, ok := publication(trim, off); ok {
				c.Refs = append(c.Refs, r)
			}
		}
	}
	return c
}

type span struct{ i, j int }

// split cuts text[start:] into parts at semicolons and sentence ends outside
// parentheses; a sentence ends at ". " before a capital letter or at the end.
func split(text string, start int, c *Citation) []span {
	var out []span
	depth, from := 0, start
	open := -1
	for i := start; i < len(text); i++ {
		switch ch := text[i]; ch {
		case '(':
			if depth == 0 {
				open = i
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				out = append(out, span{from, i})
				from = i + 1
			}
		case '.':
			if depth == 0 && sentenceEnd(text, i) {
				out = append(out, span{from, i})
				from = i + 1
			}
		}
	}
	if depth > 0 {
		c.Problems = append(c.Problems, Problem{Offset: open, Msg: "unterminated parenthesis in citation"})
	}
	if from < len(text) {
		out = append(out, span{from, len(text)})
	}
	return out
}

// sentenceEnd reports whether the period at i ends a sentence: it is
// followed by the end or by space and a capital, and does not close an
// abbreviation like "f." or "ll." or an initial.
func sentenceEnd(text string, i int) bool {
	rest := strings.TrimLeft(text[i+1:], " \t\n")
	if rest == "" {
		return true
	}
	if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' {
		return false
	}
	r := []rune(rest)[0]
	if !unicode.IsUpper(r) {
		return false
	}
	// the word before the period
	w := i
	for w > 0 && (unicode.IsLetter(rune(text[w-1])) || text[w-1] >= 0x80) {
		w--
	}
	word := strings.ToLower(text[w:i])
	if _, ok := fieldKeys[word]; ok {
		return false
	}
	if len([]rune(word)) == 1 || word == "vol" || word == "pp" || word == "no" || word == "eds" || word == "ed" {
		return false
	}
	return true
}

// translators reads "Translated by A with B and C" / "Translated for CWIHP by A".
func translators(s string) []string {
	i := strings.Index(s, " by ")
	if i < 0 {
		return nil
	}
	s = strings.TrimRight(s[i+4:], ". ")
	var out []string
	for _, part := range splitAny(s, []string{", and ", " and ", " with ", ", "}) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func splitAny(s string, seps []string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// archiveRef reads "ARCHIVE, f. 45, op. 1, …" or "ARCHIVE (free text)" or
// "ARCHIVE free text", with the archive found anywhere in the part ("a
// further copy in RGASPI, …").
func archiveRef(s string, off int, c *Citation) (Ref, bool) {
	at, name, n := -1, "", 0
	for _, a := range archives {
		i := indexWord(s, a.spelling)
		if i >= 0 && (at < 0 || i < at || i == at && len(a.spelling) > n) {
			at, name, n = i, a.name, len(a.spelling)
		}
	}
	if at < 0 {
		return Ref{}, false
	}
	r := Ref{Archive: name, Offset: off + at}
	rest := strings.TrimLeft(s[at+n:], ":, ")
	if strings.HasPrefix(rest, "(") {
		if j := strings.LastIndexByte(rest, ')'); j > 0 {
			r.Reference = strings.TrimSpace(rest[1:j])
			return r, true
		}
	}
	if !parseFields(rest, &r) {
		r.Reference = strings.TrimRight(strings.TrimSpace(rest), ".")
		if r.Reference == "" {
			c.Problems = append(c.Problems, Problem{Offset: off + at, Msg: "archive " + name + " cited without a location"})
		}
	}
	return r, true
}

// indexWord finds w in s at word boundaries.
func indexWord(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before := i == 0 || !isWordByte(s[i-1])
		after := i+len(w) == len(s) || !isWordByte(s[i+len(w)])
		if before && after {
			return i
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// parseFields reads "f. 45, op. 1, d. 343, p. 11, ll. 97-103" (also "Fond
// 45, Opis 1, Delo 347, Listy 65-67" and "F. 39, Op. 1"). It fails when the
// text does not start with a known key.
func parseFields(s string, r *Ref) bool {
	ok := false
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		item = strings.TrimRight(item, ".")
		if item == "" {
			continue
		}
		key, val, found := strings.Cut(item, " ")
		if !found {
			if ok {
				continue
			}
			return false
		}
		k, known := fieldKeys[strings.ToLower(strings.TrimRight(key, "."))]
		if !known {
			if ok {
				break
			}
			return false
		}
		val = strings.TrimSpace(val)
		if i := strings.IndexAny(val, " ;"); i >= 0 {
			val = val[:i]
		}
		ok = true
		switch k {
		case "fond":
			r.Fond = val
		case "opis":
			r.Opis = val
		case "delo":
			r.Delo = val
		case "papka":
			r.Papka = val
		case "folios":
			r.Folios = val
		}
	}
	return ok
}

// publication reads a printed source: "A, B and C, TITLE, rest" (authors
// first) or "EDITORS, eds., TITLE (gloss), rest". The title becomes the
// archive and the rest, with the editors' surnames, the reference.
func publication(s string, off int) (Ref, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	parts := splitTop(s)
	if len(parts) < 2 {
		return Ref{}, false
	}
	var eds []string
	k := 0
	if i := indexOf(parts, "eds."); i > 0 {
		for _, p := range parts[:i] {
			eds = append(eds, splitNames(stripParens(p), false)...)
		}
		k = i + 1
	} else {
		// authors: leading parts that are personal names, ending with the one holding " and "
		for k < len(parts) && personList(parts[k]) {
			eds = append(eds, splitNames(parts[k], true)...)
			k++
			if strings.Contains(parts[k-1], " and ") {
				break
			}
		}
	}
	if k >= len(parts) {
		return Ref{}, false
	}
	title := strings.TrimSpace(stripParens(parts[k]))
	rest := strings.TrimSpace(strings.Join(parts[k+1:], ", "))
	ref := rest
	if len(eds) > 0 {
		ref = joinNames(eds) + ", eds., " + rest
	}
	return Ref{Archive: title, Reference: strings.TrimSuffix(ref, ", eds., "), Offset: off}, title != ""
}

// splitTop splits at commas outside parentheses.
func splitTop(s string) []string {
	var out []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[from:i]))
				from = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[from:]))
}

func indexOf(parts []string, w string) int {
	for i, p := range parts {
		if p == w {
			return i
		}
	}
	return -1
}

func stripParens(s string) string {
	var sb strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			sb.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// personList reports whether s looks like one or more personal names:
// every word capitalised, two or three words per name.
func personList(s string) bool {
	for _, n := range splitNames(s, false) {
		w := strings.Fields(n)
		if len(w) < 2 || len(w) > 3 {
			return false
		}
		for _, x := range w {
			if r := []rune(x)[0]; !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// splitNames splits "A B and C D" into names; surnames keeps only the last
// word of each.
func splitNames(s string, surnames bool) []string {
	var out []string
	for _, n := range strings.Split(s, " and ") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if surnames {
			w := strings.Fields(n)
			n = w[len(w)-1]
		}
		out = append(out, n)
	}
	return out
}

func joinNames(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}
