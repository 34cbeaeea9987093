package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/docgraph/docgraph/vocab"
)

// token is a word of a text: Start and End are offsets in code points, Byte
// and ByteEnd in bytes. Norm is the lower-cased, accent-free form; Cands the
// forms it may take in a label once an inflectional ending is removed.
type token struct {
	Start, End    int
	Byte, ByteEnd int
	Norm          string
	Upper         bool // first letter is a capital
	AllCaps       bool // every letter is a capital (two letters or more)
	Han           bool
	Cyr           bool
	Hangul        bool // written in Hangul syllables
	DotAfter      bool // followed directly by "."
	LineStart     bool // first token of its line
	NameWord      bool // an ordinary word written as a given name ("Per Haekkerup")
	struck        bool
}

// tokenize splits text into tokens. Text between "~~" marks (struck out in
// a transcription) is marked struck; "<sup>" and "</sup>" tags are skipped;
// a word broken by a hyphen at the end of a line ("перего-\nворах") is
// joined into one token.
func tokenize(text string) []token { return tokenizeInto(nil, text) }

// scratch holds tokenize's buffers for reuse across documents (Find returns
// mentions that copy what they need, never the tokens themselves).
type scratch struct {
	toks []token
	ns   []int
	buf  []byte
	// Find's per-token marks and the mentions it gathers before it
	// returns a copy of them
	covered []bool
	cls     []string
	ent     []*vocab.Entry
	out     []Mention
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// tokenizeInto is tokenize with the token slice and working buffers taken
// from sc when it is not nil; the result is valid until sc is reused.
func tokenizeInto(sc *scratch, text string) []token {
	var toks []token
	var ns []int // start, end of each token's folded form in buf
	var buf []byte
	if sc != nil {
		toks, ns, buf = sc.toks[:0], sc.ns[:0], sc.buf[:0]
		defer func() { sc.toks, sc.ns, sc.buf = toks[:0], ns[:0], buf[:0] }()
	} else {
		toks = make([]token, 0, len(text)/7+4)
		ns = make([]int, 0, 2*cap(toks))
		buf = make([]byte, 0, len(text))
	}
	struck := false
	cp := 0 // code point offset of i
	lineStart := true
	i := 0
	for i < len(text) {
		if c := text[i]; c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && c != '~' && c != '<' {
			// ASCII space and punctuation: the common case, without decoding
			if c == '\n' {
				lineStart = true
			}
			i++
			cp++
			continue
		}
		if strings.HasPrefix(text[i:], "~~") {
			struck = !struck
			i += 2
			cp += 2
			continue
		}
		if text[i] == '<' {
			if n := tagLen(text[i:]); n > 0 {
				i += n
				cp += n // tags are ASCII
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			lineStart = true
		}
		if !wordRune(r) {
			i += n
			cp++
			continue
		}
		// a word
		t := token{Start: cp, Byte: i, struck: struck, LineStart: lineStart}
		lineStart = false
		nstart := len(buf)
		letters, uppers := 0, 0
		first := true
		for i < len(text) {
			if c := text[i]; c < 0x80 {
				// ASCII letters and digits, without decoding
				switch {
				case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
					if c <= '9' {
						letters-- // not a letter: undone below
					}
					letters++
					if first {
						t.Upper = false
					}
					first = false
					buf = append(buf, c)
					i++
					cp++
					continue
				case c >= 'A' && c <= 'Z':
					letters++
					uppers++
					if first {
						t.Upper = true
					}
					first = false
					buf = append(buf, c+'a'-'A')
					i++
					cp++
					continue
				}
			}
			r, n = utf8.DecodeRuneInString(text[i:])
			if r >= 0x410 && r <= 0x44F {
				// the Russian alphabet but ё, without the Unicode tables:
				// А-Я fold to а-я, 32 code points on
				up := r < 0x430
				letters++
				if up {
					uppers++
					r += 0x20
				}
				if first {
					t.Upper = up
				}
				t.Cyr = true
				first = false
				buf = utf8.AppendRune(buf, r)
				i += n
				cp++
				continue
			}
			if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
				if !first {
					break
				}
				t.Han = true
				buf = utf8.AppendRune(buf, r)
				i += n
				cp++
				break
			}
			if r == '\'' || r == '’' {
				// apostrophe inside a word
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if first || !unicode.IsLetter(r2) {
					break
				}
				if unicode.IsUpper(r2) && elided(buf[nstart:]) {
					// the elided article or particle of French and Italian
					// ("l'Europe", "d'Escoto", "dell'Italia"): the word
					// is the name after it
					buf = buf[:nstart]
					i += n
					cp++
					t.Start, t.Byte = cp, i
					letters, uppers, first = 0, 0, true
					continue
				}
				buf = append(buf, '\'')
				i += n
				cp++
				continue
			}
			if r == '-' && !first {
				// hyphen at a line end joining a broken word
				j := i + 1
				for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
					j++
				}
				if j < len(text) && text[j] == '\n' {
					k := j + 1
					for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
						k++
					}
					r3, _ := utf8.DecodeRuneInString(text[k:])
					if unicode.IsLower(r3) {
						cp += utf8.RuneCountInString(text[i:k])
						i = k
						continue
					}
				}
				break
			}
			if !wordRune(r) || r >= 0x2E80 && unicode.Is(unicode.Han, r) {
				break
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
				if first {
					t.Upper = unicode.IsUpper(r)
				}
				if r >= 0x400 && r <= 0x52F {
					t.Cyr = true
				} else if r >= 0xAC00 && r <= 0xD7A3 {
					t.Hangul = true
				}
			}
			first = false
			buf = utf8.AppendRune(buf, fold(r))
			i += n
			cp++
		}
		t.End = cp
		t.ByteEnd = i
		ns = append(ns, nstart, len(buf))
		t.AllCaps = letters >= 2 && uppers == letters
		if t.Han {
			t.Upper = true
		}
		if i < len(text) && text[i] == '.' {
			t.DotAfter = true
		}
		toks = append(toks, t)
	}
	all := string(buf)
	for k := range toks {
		toks[k].Norm = all[ns[2*k]:ns[2*k+1]]
	}
	toks = dropOrdinals(toks, text)
	return toks
}

// elided reports whether the folded letters before an apostrophe are an
// elided article, preposition or particle of French or Italian.
func elided(w []byte) bool {
	switch string(w) {
	case "l", "d", "dell", "all", "nell", "dall", "sull", "qu", "j", "s", "c":
		return true
	}
	return false
}

// dropOrdinals removes the case endings written after a numeral with a
// hyphen ("38-я", "38-ю"), so that the numeral alone is matched.
func dropOrdinals(toks []token, text string) []token {
	out := toks[:0]
	for k, t := range toks {
		if k > 0 && t.Cyr && utf8.RuneCountInString(t.Norm) <= 2 && isDigits(toks[k-1].Norm) &&
			toks[k-1].ByteEnd < len(text) && text[toks[k-1].ByteEnd] == '-' && toks[k-1].ByteEnd+1 == t.Byte {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func tagLen(s string) int {
	for _, t := range []string{"<sup>", "</sup>", "<sub>", "</sub>", "<br>", "<br/>", "<u>", "</u>", "<s>", "</s>"} {
		if strings.HasPrefix(s, t) {
			return len(t)
		}
	}
	return 0
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// latinBase maps the accented Latin letters (Latin-1, Extended-A and -B,
// Extended Additional, where Vietnamese lives) to their base letters.
// (indexed by code point; 0 where a letter has no base letter).
var latinBase = func() []rune {
	m := make([]rune, 0x1F00)
	for r := rune(0xC0); r < 0x250; r++ {
		addBase(m, r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		addBase(m, r)
	}
	for k, v := range map[rune]rune{'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'ı': 'i', 'ħ': 'h'} {
		m[k] = v
	}
	return m
}()

func addBase(m []rune, r rune) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) > 1 && d[0] < 0x80 && unicode.IsLetter(d[0]) {
		m[r] = unicode.ToLower(d[0])
	}
}

// FoldLatin lower-cases s and drops the accents of its Latin letters
// ("Phạm Văn Đồng" -> "pham van dong").
func FoldLatin(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// fold lower-cases a letter, maps ё to е and drops Latin accents.
func fold(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r < rune(len(latinBase)) && latinBase[r] != 0 {
		return latinBase[r]
	}
	r = unicode.ToLower(r)
	switch r {
	case 'ё':
		return 'е'
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă':
		return 'a'
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'ī':
		return 'i'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ō', 'ŏ', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ŭ':
		return 'u'
	case 'ç', 'č':
		return 'c'
	case 'ñ':
		return 'n'
	case 'ý', 'ÿ':
		return 'y'
	case 'š':
		return 's'
	case 'ž':
		return 'z'
	}
	return r
}

// Russian case endings a word may carry in running text, longest first.
var textEndings = []string{
	"иями", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ией",
	"ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю",
	"ом", "ем", "ам", "ям", "ах", "ях", "ию", "ия", "ии", "ью", "ов", "ев",
	"а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й",
}

// textEndingsBy are the textEndings by their last letter, in their order.
var textEndingsBy = func() map[rune][]string {
	m := map[rune][]string{}
	for _, e := range textEndings {
		r, _ := utf8.DecodeLastRuneInString(e)
		m[r] = append(m[r], e)
	}
	return m
}()

// Endings a label in the nominative may carry; removing them gives the stem
// a text word must reduce to.
var labelEndings = []string{
	"ия", "ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый", "ой",
	"а", "я", "о", "е", "ы", "и", "ь", "й",
}

const minStem = 3

// labelStem is the form of a label word that text words are matched against.
func labelStem(norm string, cyr, allCaps bool) string {
	if !cyr || allCaps {
		return norm
	}
	n := utf8.RuneCountInString(norm)
	for _, e := range labelEndings {
		if strings.HasSuffix(norm, e) && n-utf8.RuneCountInString(e) >= minStem {
			return norm[:len(norm)-len(e)]
		}
	}
	return norm
}

// candidates lists the forms a text word may match: itself, without an
// English possessive, and for Russian words without each case ending.
func (t *token) candidates(buf []string) []string {
	buf = append(buf[:0], t.Norm)
	if t.Cyr {
		n := utf8.RuneCountInString(t.Norm)
		last, _ := utf8.DecodeLastRuneInString(t.Norm)
		for _, e := range textEndingsBy[last] {
			if strings.HasSuffix(t.Norm, e) && n-utf8.RuneCountInString(e) >= minStem {
				st := t.Norm[:len(t.Norm)-len(e)]
				buf = append(buf, st)
				if utf8.RuneCountInString(e) == 1 {
					// a vowel the nominative has and the other cases drop
					// ("Египта" of "Египет")
					if f := fleeting(st); f != "" {
						buf = append(buf, f)
					}
				}
			}
		}
		return buf
	}
	if strings.HasSuffix(t.Norm, "'s") {
		buf = append(buf, t.Norm[:len(t.Norm)-2])
	}
	return buf
}

// inflecting are the languages of the records that decline names written
// in Latin letters: Czech, Slovak, Polish, Slovene, Serbo-Croatian,
// Hungarian (suffixes), Romanian (articles), Latvian, Lithuanian.
var inflecting = set("cs sk pl sl hr sr bs sh hu ro lv lt fi")

// latinEndings are the case endings and suffixes a name in Latin letters
// takes in those languages, accents dropped, longest first (the Hungarian
// instrumental doubles a final consonant: "Szerződéssel", "Kádárral").
var latinEndings = []string{
	"ovou", "ului", "owi", "ovi", "ego", "emu", "eho", "ych", "ymi", "ami", "ach", "iem",
	"nak", "nek", "val", "vel", "ral", "rel", "hoz", "hez", "tol", "rol", "ban", "ben", "nal", "nel", "ert",
	"sal", "sel", "tal", "tel", "lal", "lel", "zal", "zel", "gal", "gel", "kal", "kel", "dal", "del", "mal", "mel",
	"em", "om", "ou", "ym", "mu", "ho", "ej", "ie", "ul", "ei", "ii", "ot", "et", "at", "ra", "re", "ba", "be", "on",
	"a", "e", "i", "u", "y", "t", "m",
}

// koreanParticles are the particles Korean writes joined to a name
// ("푸자노프를", "김일성은"), longest first.
var koreanParticles = []string{"에게서", "으로", "에서", "에게", "께서", "와의", "과의", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로"}

// koreanCandidates adds to cands a Hangul word without the particle joined
// to it, where two syllables or more remain.
func koreanCandidates(w string, cands []string) []string {
	if len(w) < 9 || w[len(w)-3] < 0xEA || w[len(w)-3] > 0xED {
		return cands // not three Hangul syllables or more
	}
	for _, p := range koreanParticles {
		if strings.HasSuffix(w, p) && len(w)-len(p) >= 6 {
			cands = append(cands, w[:len(w)-len(p)])
		}
	}
	return cands
}

// finnishEndings are the case endings of Finnish, accents dropped
// ("Moskovassa", "Kiinan", "Castrolle"); a stem that changes within
// ("Neuvostoliiton") is a label of its own.
var finnishEndings = []string{
	"ssa", "sta", "lla", "lta", "lle", "ksi", "han", "hin", "aan", "een", "iin", "ta", "na", "in", "n", "a",
}

// endingsOf is the list of case endings of a record's language.
func endingsOf(lang string) []string {
	if lang == "fi" {
		return finnishEndings
	}
	return latinEndings
}

// latinCandidates adds to cands the stems a Latin-letter word may have
// once a case ending of endings is removed ("Kennedymu" -> "kennedy",
// "Kádárral" -> "kadar").
func latinCandidates(w string, cands []string, endings []string) []string {
	n := len(w)
	for _, e := range endings {
		if n-len(e) >= 3 && strings.HasSuffix(w, e) {
			cands = append(cands, w[:n-len(e)])
		}
	}
	return cands
}

// latinStem is the stem of a Latin-letter label word: without a final
// vowel a case ending replaces, where four letters or more remain.
func latinStem(w string) string {
	if n := len(w); n >= 6 && strings.HasSuffix(w, "ul") && strings.IndexByte("aeiouy", w[n-3]) < 0 {
		return w[:n-2] // the Romanian article: "Partidul", "Partidului"
	}
	if n := len(w); n >= 5 && strings.IndexByte("aeiouy", w[n-1]) >= 0 && w[n-2] < 0x80 && strings.IndexByte("aeiouy", w[n-2]) < 0 {
		return w[:n-1]
	}
	return w
}

// fleeting is a Russian stem ending in two consonants with the "е" a
// nominative writes between them ("египт" -> "египет"), or "".
func fleeting(st string) string {
	// st is folded text, valid UTF-8: its last two letters read from the end
	r1, w1 := utf8.DecodeLastRuneInString(st)
	r2, _ := utf8.DecodeLastRuneInString(st[:len(st)-w1])
	if !cyrConsonant(r1) || !cyrConsonant(r2) || r1 == 'й' || r2 == 'й' || utf8.RuneCountInString(st) < 4 {
		return ""
	}
	return st[:len(st)-w1] + "е" + st[len(st)-w1:]
}

func cyrConsonant(r rune) bool {
	return r >= 'а' && r <= 'я' && !strings.ContainsRune("аеёиоуыэюяьъ", r)
}

// germanCandidates adds to cands the stems of a German word without a
// genitive or adjective ending.
func germanCandidates(w string, cands []string) []string {
	n := len(w)
	for _, e := range []string{"es", "en", "er", "em", "e", "s", "n"} {
		if n-len(e) >= 4 && strings.HasSuffix(w, e) {
			cands = append(cands, w[:n-len(e)])
		}
	}
	return cands
}

// germanStem is a German label word without an adjective or genitive
// ending ("Nationaler" -> "national"), where five letters remain.
func germanStem(w string) string {
	for _, e := range []string{"er", "es", "en", "em", "e"} {
		if len(w)-len(e) >= 5 && strings.HasSuffix(w, e) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// bulgarianCandidates adds to cands the stems of a Bulgarian word without
// its definite article ("Българската" -> "българск", "комитетът" ->
// "комитет"), which labels in the nominative lack.
func bulgarianCandidates(w string, cands []string) []string {
	n := utf8.RuneCountInString(w)
	for _, e := range []string{"ата", "ята", "ият", "ия", "ът", "ят", "та", "то", "те"} {
		if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= minStem {
			cands = append(cands, w[:len(w)-len(e)])
		}
	}
	return cands
}
