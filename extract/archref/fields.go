package archref

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// The levels of an archival reference.
const (
	levelFond   = "fond"
	levelOpis   = "opis"
	levelDelo   = "delo"
	levelPapka  = "papka"
	levelFolios = "folios"
)

// keys maps the words that introduce a level, lower-cased and without a
// final period, to the level. Dialects change a few ("f." is a folio in
// Romanian; "d." is a dans, an inventory, in Mongolian).
var keys = map[string]string{
	"f": levelFond, "fond": levelFond, "fonds": levelFond, "ф": levelFond, "фонд": levelFond,
	"op": levelOpis, "opis": levelOpis, "opis'": levelOpis, "оп": levelOpis, "опись": levelOpis,
	// the Fond 89 collection numbers by perechen (list) and dokument
	"perechen": levelOpis, "perechen'": levelOpis, "per": levelOpis, "перечень": levelOpis, "переч": levelOpis,
	"dokument": levelDelo, "dok": levelDelo, "документ": levelDelo, "док": levelDelo,
	"d": levelDelo, "delo": levelDelo, "д": levelDelo, "дело": levelDelo,
	// Ukrainian: sprava (file) and arkush (sheet)
	"spr": levelDelo, "sprava": levelDelo, "спр": levelDelo, "справа": levelDelo,
	"ark": levelFolios, "arkush": levelFolios, "арк": levelFolios, "аркуш": levelFolios, "аркуші": levelFolios,
	"p": levelPapka, "papka": levelPapka, "п": levelPapka, "папка": levelPapka,
	"l": levelFolios, "ll": levelFolios, "list": levelFolios, "listy": levelFolios, "lists": levelFolios, "listov": levelFolios,
	"л": levelFolios, "лл": levelFolios, "лист": levelFolios, "листы": levelFolios, "листа": levelFolios, "листов": levelFolios,
	"folio": levelFolios, "folios": levelFolios, "fol": levelFolios, "fols": levelFolios, "pp": levelFolios,
	// Bulgarian arhivna edinitsa, Czech archivní jednotka, Hungarian őrzési egység: the file
	"a.e": levelDelo, "а.е": levelDelo, "ae": levelDelo, "a.j": levelDelo, "aj": levelDelo, "ő.e": levelDelo, "ö.e": levelDelo,
	"inv.č": levelDelo, "i.č": levelDelo,
	// the Mongolian dans (inventory) and khadgalamzhiin negj (file), as
	// citations of archives the table lacks write them
	"dans": levelOpis, "kh/n": levelDelo, "х/н": levelDelo, "khuudas": levelFolios, "хуудас": levelFolios,
	// Czech svazek and karton: the box
	"sv": levelPapka, "svazek": levelPapka, "k": levelPapka, "kart": levelPapka, "karton": levelPapka,
}

// fondWord are the words (not abbreviations) that introduce a fond, which
// may then be a name.
var fondWord = map[string]bool{"fond": true, "fondul": true, "фонд": true, "fonds": true, "fondo": true, "fondi": true}

// dialectKeys are a dialect's own keys, checked before the common ones.
var dialectKeys = map[string]map[string]string{
	"ro": {"f": levelFolios, "ff": levelFolios, "fila": levelFolios, "file": levelFolios, "filele": levelFolios,
		"dosar": levelDelo, "dosarul": levelDelo, "dos": levelDelo, "d": levelDelo, "fond": levelFond, "fondul": levelFond, "inv": levelOpis, "inventar": levelOpis},
	"mn": {"d": levelOpis, "dans": levelOpis, "д": levelOpis, "kh/n": levelDelo, "khuudas": levelFolios, "khn": levelDelo, "kh.n": levelDelo, "h/n": levelDelo, "х/н": levelDelo, "хн": levelDelo, "хадгаламжийн нэгж": levelDelo},
	"hu": {"o": levelFolios, "old": levelFolios},
}

func keyOf(word, dialect string) (string, bool) {
	w := strings.TrimSuffix(word, ".")
	if len(w) > 20 {
		return "", false
	}
	w = strings.ToLower(w)
	if d, ok := dialectKeys[dialect]; ok {
		if l, ok := d[w]; ok {
			return l, true
		}
	}
	l, ok := keys[w]
	return l, ok
}

// isKeyWord reports whether a lower-cased word (perhaps with its period)
// introduces a level in some dialect.
func isKeyWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if _, ok := keys[w]; ok {
		return true
	}
	for _, d := range dialectKeys {
		if _, ok := d[w]; ok {
			return true
		}
	}
	return false
}

// hungarian reads the postpositive form "288. f. 5/832. ő.e." (fond 288,
// opis 5, őrzési egység 832), also with a year ("288. f. 9/1964/74. ő.e.":
// unit 1964/74) or a group ("288. f. 47. cs. 764. ő.e."), with an optional
// series sign before it ("M-KS 288. f. 5/832. ő.e."), the period after the
// fond's number sometimes left out ("M-KS 288 f. 47/764 ő.e.").
var hungarian = regexp.MustCompile(`(\d+[a-zA-Z]?)\.?\s*f\.(?:\s*(\d+[a-zA-Z]?)(?:/|\.\s*cs\.\s*)(\d+[a-zA-Z]?(?:/\d+)*)\.?\s*[őöo]\.\s*e\.?)?(?:,?\s*(\d+(?:\s*[-–]\s*\d+)?)\.\s*o\.?)?`)

// notGiven marks an item that says the level is unknown ("Fond and Opis
// not given").
func notGiven(item string) bool {
	if !strings.ContainsAny(item, "nNuU") {
		return false
	}
	low := strings.ToLower(item)
	for _, w := range []string{"not given", "not indicated", "not stated", "not known", "unknown", "n/a", "не указан"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// fields reads the levels of a reference in a dialect into r: "f. 45, op.
// 1, d. 343, p. 11, ll. 97-103", "Fond 45, Opis 1, Delo 347, Listy 65-67",
// "ф. 45, оп. 1, д. 343, лл. 97-103", "f. 02/1, sv. 64, a.j. 61", "fond CC
// al PCR, dosar 12/1968, f. 1-5" (Romanian), "M-KS 288. f. 5/832. ő.e."
// (Hungarian). Free-text dialects ("text") read no levels. Items before
// the first key that name a collection ("AÚV KSČ, f. 02/1") are skipped,
// at most two of them.
func fields(s, dialect string, r *Ref) {
	if dialect == "text" {
		return
	}
	if dialect == "hu" || strings.Contains(s, ". f.") {
		if loc := hungarian.FindStringSubmatchIndex(s); loc != nil && (loc[4] >= 0 || dialect == "hu") {
			m := hungarian.FindStringSubmatch(s)
			r.Fond, r.Opis, r.Delo, r.Folios = m[1], m[2], m[3], m[4]
			if r.Folios == "" {
				// pages after the unit in English ("5/468. ő.e., pp. 22-27")
				if items := splitTop(strings.TrimLeft(s[loc[1]:], " ,")); len(items) > 0 {
					// only the item right after the unit: pages further on
					// may be a publication's
					key, val, ok := strings.Cut(strings.TrimSpace(items[0]), " ")
					if ok && folioKeys[strings.ToLower(strings.TrimSuffix(key, "."))] && folioList(val) {
						r.Folios = strings.TrimRight(val, ".")
					}
				}
			}
			return
		}
		if dialect == "hu" {
			return
		}
	}
	items := splitTop(s)
	lead, last := 0, ""
	var between []string // items after the levels, before the folios
	defer func() {
		if len(between) > 0 && r.Reference == "" && r.Folios != "" {
			// a file named after the fond and opis, then its pages: "f. 1,
			// op. 1, Telephone conversations 1991, No. 27, pp. 1-6"
			r.Reference = strings.Join(between, ", ")
		}
		if lead > 0 && r.Fond == "" && r.Opis == "" && r.Delo == "" && r.Papka == "" {
			// only pages after unnumbered items: a free-text reference
			// with its folios ("KPR I-3-a, file 12, pp. 3-9")
			r.Folios = ""
		}
	}()
	for _, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if notGiven(item) {
			last = ""
			continue
		}
		toks := tokens(item)
		if len(toks) == 0 {
			continue
		}
		if _, ok := keyOf(toks[0], dialect); !ok {
			if last == levelFolios && folioList(item) {
				r.Folios += ", " + strings.TrimRight(item, ".")
				continue
			}
			if r.fielded() || last != "" {
				if r.Folios == "" && (r.Fond != "" || r.Opis != "") && r.Delo == "" && len(between) < 3 {
					between = append(between, strings.TrimRight(item, "."))
					last = ""
					continue
				}
				return // the levels ended; what follows is not a level
			}
			if lead++; lead > 2 {
				return
			}
			continue
		}
		// key value [key value]...
		level, key, val := "", "", []string{}
		flush := func() {
			if level != "" && len(val) > 0 {
				// a gloss in parentheses is not the number: "ll. 1-12 (copy)"
				v := strings.TrimRight(stripParens(strings.Join(val, " ")), ".,")
				// a level is numbered; only a fond, introduced by the
				// word, may be a name ("fond CC al PCR")
				if strings.ContainsAny(v, "0123456789") && len(strings.Fields(v)) <= 4 || level == levelFond && fondWord[strings.ToLower(key)] {
					r.set(level, v)
					last = level
				}
			}
			level, key, val = "", "", val[:0]
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if l, ok := keyOf(t, dialect); ok && (len(val) > 0 || level == "") {
				flush()
				level, key = l, t
				continue
			}
			if level != "" {
				val = append(val, t)
			}
		}
		flush()
	}
}

func (r *Ref) set(level, v string) {
	v = latinLetters(v)
	switch level {
	case levelFond:
		r.Fond = v
	case levelOpis:
		r.Opis = v
	case levelDelo:
		r.Delo = v
	case levelPapka:
		r.Papka = v
	case levelFolios:
		r.Folios = v
	}
}

// latinLetters writes the Cyrillic letters of a numbered level in Latin
// ("059а" is fond 059a, "Р-5446" R-5446, "15 об" 15 ob), so that a level
// reads the same whichever script the citation used; a value with no digit
// (a fond's name) stays as written.
func latinLetters(v string) string {
	if !strings.ContainsAny(v, "0123456789") {
		return v
	}
	var b strings.Builder
	for _, r := range v {
		if l, ok := cyrLatin[unicode.ToLower(r)]; ok {
			if unicode.IsUpper(r) {
				l = strings.ToUpper(l[:1]) + l[1:]
			}
			b.WriteString(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "i",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ы': "y", 'э': "e", 'ю': "iu", 'я': "ia",
}

// tokens splits an item into words, and a key glued to its number ("f.45",
// "ll.97-103", "л.5") into the key and the number; "a. e." is one key.
func tokens(item string) []string {
	var out []string
	for _, w := range strings.Fields(item) {
		if i := strings.IndexByte(w, '.'); i > 0 && i+1 < len(w) {
			if r, _ := utf8.DecodeRuneInString(w[i+1:]); unicode.IsDigit(r) {
				if _, ok := keys[strings.ToLower(w[:i])]; ok {
					out = append(out, w[:i+1], w[i+1:])
					continue
				}
			}
		}
		if n := len(out); n > 0 && isLetterDot(out[n-1]) && isLetterDot(w) {
			// "a. e." / "ő. e." written with a space
			if _, ok := keys[strings.ToLower(out[n-1]+strings.TrimSuffix(w, "."))]; ok {
				out[n-1] += w
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

func isLetterDot(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && w[n:] == "."
}

// folioList reports whether an item continues a list of folios ("30",
// "34-35", "36ob.", "37 ob").
func folioList(item string) bool {
	item = strings.TrimSpace(item)
	if item == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(item)
	if !unicode.IsDigit(r) {
		return false
	}
	for _, r := range item {
		switch {
		case unicode.IsDigit(r), r == '-', r == '–', r == ' ', r == '.', r == 'o', r == 'b', r == 'о', r == 'б', r == 'v':
		default:
			return false
		}
	}
	return true
}

// bulletin reads a citation of one of the Cold War International History
// Project's series ("CWIHP Bulletin 8-9, p. 388", "Cold War International
// History Project Bulletin, Issue 14/15", "Cold War International History
// Project (CWIHP) Working Paper No. 41", "CWIHP e-Dossier No. 5"): the
// series' full name is the title, the rest the reference.
func bulletin(s string, off int) (Publication, bool) {
	if !strings.Contains(s, "Bulletin") && !strings.Contains(s, "Paper") && !strings.Contains(s, "Dossier") {
		return Publication{}, false
	}
	m := cwihpSeries.FindStringSubmatchIndex(s)
	if m == nil {
		return Publication{}, false
	}
	series := strings.ToLower(s[m[2]:m[3]])
	title := "Cold War International History Project " + map[string]string{
		"bulletin": "Bulletin", "working paper": "Working Paper", "e-dossier": "e-Dossier",
	}[strings.Join(strings.Fields(series), " ")]
	rest := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s[m[1]:]), ",:"))
	rest = strings.TrimRight(rest, ". ")
	return Publication{Title: title, Reference: rest, Offset: off + m[0]}, true
}

var cwihpSeries = regexp.MustCompile(`(?:Cold War International History Project|CWIHP)(?:\s*\(CWIHP\))?\s+(Bulletin|Working\s+Paper|e-Dossier)\b`)

// namedArchive reads a reference to an archive the table lacks, named at
// the start of the part: by a word that says it is an archive ("Jiangsu
// Provincial Archives, 3124-1-45", "Archive of the Central Committee of the
// CP of Ukraine (TsDAHO), f. 1, op. 24"), or by a short name the levels of
// a fond follow ("TsDAVO, f. 4, op. 1, d. 12"). The abbreviation in
// parentheses after a name, else the name as written, is the archive. "National
// Archives" with a record group ("RG 59") is NARA, whose numbering that is.
func namedArchive(s string, off int, c *Citation) (Ref, bool) {
	lead := 0
	if i := strings.IndexByte(s, ':'); i >= 0 && i < 20 {
		lead = i + 1
	}
	body := strings.TrimSpace(s[lead:])
	lead = len(s) - len(body)
	name := body
	if i := strings.IndexAny(body, ",("); i >= 0 {
		name = strings.TrimSpace(body[:i])
	}
	if name == "" || len(name) > 120 || len(strings.Fields(name)) > 12 || strings.Contains(name, "Digital Archive") || name == "Original Archive" {
		return Ref{}, false
	}
	// a name in a language that writes its adjectives small ("Archives
	// nationales", "Archivio Centrale dello Stato") when an archive's word
	// opens it and it is short
	small := archiveWord(firstWordOf(name)) && len(strings.Fields(name)) <= 5
	for _, w := range strings.Fields(name) {
		if pre, after, ok := strings.Cut(w, "-"); ok && smallWord(pre) && after != "" {
			w = after // an Arabic article: "Dar al-Watha'iq al-Qawmiyya"
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !smallWord(w) && !small {
			return Ref{}, false
		}
	}
	rest := strings.TrimLeft(body[len(name):], ", ")
	// the country after the name is part of it ("Archive of the Ministry
	// of Foreign Affairs, Czech Republic")
	if item, after, _ := strings.Cut(rest, ","); countryName(strings.TrimSpace(strings.TrimRight(item, "."))) {
		name = name + ", " + strings.TrimSpace(strings.TrimRight(item, "."))
		rest = strings.TrimLeft(after, " ")
	}
	if a := vocab.Archives().Lookup(name); a != nil {
		// a known archive under a spelling with commas
		r := Ref{Archive: a.Abbr, ArchiveID: a.Slug, Offset: off + lead}
		r.Reference, r.Folios = trailingFolios(strings.TrimRight(strings.TrimSpace(rest), "."))
		return r, true
	}
	archive := name
	gloss := ""
	if strings.HasPrefix(rest, "(") {
		if j := strings.IndexByte(rest, ')'); j > 0 && abbreviation(rest[1:j]) {
			archive = rest[1:j]
			rest = strings.TrimLeft(rest[j+1:], ", ")
		} else if j > 0 && archiveWord(rest[1:j]) {
			// the name put into English: "Dar al-Watha'iq al-Qawmiyya
			// (Egyptian National Archives)"
			gloss = rest[1:j]
			rest = strings.TrimLeft(rest[j+1:], ", ")
		}
	}
	rest = dropSeat(rest)
	r := Ref{Archive: archive, Offset: off + lead}
	fields(rest, "", &r)
	if r.fielded() && r.Reference == "" {
		// the collection named before the levels stays the reference:
		// "V. 1961, D. 14" is file 14 of the year 1961's series
		r.Reference = leadingItems(rest)
	}
	if !archiveWord(name) && !archiveWord(gloss) && !(r.fielded() && (r.Fond != "" || r.Delo != "") && len(strings.Fields(name)) <= 3) && !locators(rest) {
		return Ref{}, false
	}
	if recordGroup.MatchString(rest) && strings.HasSuffix(strings.ToLower(name), "national archives") {
		nara := vocab.Archives().BySlug("nara")
		r.Archive, r.ArchiveID = nara.Abbr, nara.Slug
	}
	if !r.fielded() {
		r.Reference = strings.TrimRight(strings.TrimSpace(rest), ".")
		if strings.HasPrefix(r.Reference, "(") && strings.HasSuffix(r.Reference, ")") {
			r.Reference = strings.TrimSpace(r.Reference[1 : len(r.Reference)-1])
		}
		r.Reference, r.Folios = trailingFolios(r.Reference)
		if r.Folios == "" {
			r.Reference, r.Folios = bareFolios(r.Reference)
		}
		if r.Reference == "" && r.Folios == "" {
			c.Problems = append(c.Problems, Problem{Offset: r.Offset, Msg: "archive " + name + " cited without a location"})
		}
	}
	return r, true
}

// leadingItems returns the items of a reference before its first level
// ("Departament II, z. 12" gives "Departament II"), "" when a level opens it.
func leadingItems(rest string) string {
	var keep []string
	for _, item := range splitTop(strings.TrimRight(strings.TrimSpace(rest), ".")) {
		item = strings.TrimSpace(item)
		toks := tokens(item)
		if len(toks) == 0 {
			continue
		}
		if _, ok := keyOf(toks[0], ""); ok || notGiven(item) {
			break
		}
		keep = append(keep, item)
	}
	if len(keep) > 2 {
		return "" // not a collection's name: fields read no levels after so many items
	}
	return strings.Join(keep, ", ")
}

// countryName reports whether s names a country, as archives' names end
// ("..., Czech Republic", "..., Republic of Korea").
func countryName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	switch s {
	case "Russia", "Russian Federation", "USSR", "Poland", "Hungary", "Romania", "Bulgaria", "Czechoslovakia",
		"Germany", "GDR", "China", "PRC", "Mongolia", "Vietnam", "Cuba", "Yugoslavia", "Serbia", "Albania",
		"Korea", "South Korea", "North Korea", "Japan", "India", "Israel", "Egypt", "United States", "USA",
		"United Kingdom", "France", "Italy", "Austria", "Finland", "Sweden", "Slovakia", "Ukraine", "Georgia":
		return true
	}
	return strings.HasPrefix(s, "Republic of ") || strings.HasSuffix(s, " Republic") || strings.HasPrefix(s, "People's Republic")
}

// locators reports whether a reference holds words that locate an item in
// an archive (box, file, folder, reel; caja, expediente, legajo; Karton,
// Mappe; dosar; doboz; sygn.), which a publication's citation lacks.
func locators(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;:()")
		switch w {
		case "box", "folder", "file", "reel", "container", "roll", "frames", "caja", "exp", "expediente", "legajo",
			"carpeta", "karton", "mappe", "dosar", "doboz", "sygn", "teczka", "sv", "a.j", "fondo", "rg":
			return true
		}
	}
	return false
}

var recordGroup = regexp.MustCompile(`\b(RG|Record Group) \d+`)

// abbreviation reports whether s is a short name of at most three words,
// each opening with a capital, with at least two capitals in its first
// ("TsDAHO", "AMAE", "ÁBTL", "MNL OL", "MAKhN TA", "TTLTQG III").
func abbreviation(s string) bool {
	if s == "" || strings.ContainsAny(s, ",") || len(s) > 16 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for k, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !(k > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	n := 0
	for _, r := range ws[0] {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// archiveWord reports whether a name contains a word that names an archive
// or a library in one of the citations' languages.
func archiveWord(name string) bool {
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.Trim(w, ",.()"))
		for _, a := range []string{"archive", "archives", "archiv", "archiwum", "arhiva", "arhivele", "archivo", "archivio", "archief", "arquivo", "arkiv", "arkivi", "levéltár", "levéltára", "архив", "library", "bibliothek", "papers", "arkivet", "arkisto", "arsip", "αρχείο", "αρχείου", "архів", "архиву", "arhiv", "arhivi", "archivum", "archivos", "archivi", "arquivos", "bibliotheek", "biblioteca"} {
			if w == a {
				return true
			}
		}
	}
	return false
}

func firstWordOf(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func smallWord(w string) bool {
	switch strings.ToLower(w) {
	case "of", "the", "for", "and", "de", "der", "des", "du", "la", "le", "y", "i", "im", "na", "in", "on", "del", "de la",
		"della", "dello", "delle", "degli", "dei", "di", "do", "da", "dos", "das", "für", "van", "von", "zu", "și", "si", "al", "a", "e", "et", "und", "w", "ve":
		return true
	}
	return false
}

// publication reads a printed source: "A, B and C, TITLE, rest" (authors
// first) or "EDITORS, eds., TITLE (gloss), rest". The rest, with the
// editors' surnames, is the reference.
func publication(s string, off int) (Publication, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	parts := splitTop(s)
	if len(parts) < 2 {
		return Publication{}, false
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
		return Publication{}, false
	}
	title := strings.TrimSpace(stripParens(parts[k]))
	rest := strings.TrimSpace(strings.Join(parts[k+1:], ", "))
	// the imprint after a title ("(Moscow: ROSSPEN, 1998)") is part of the
	// reference; a gloss ("(Zhou Enlai's Manuscripts ...)") is not
	if i := strings.LastIndexByte(parts[k], '('); i > 0 && strings.HasSuffix(parts[k], ")") && imprint.MatchString(parts[k][i:]) {
		rest = strings.TrimSuffix(parts[k][i:]+", "+rest, ", ")
	}
	if !bibliographic.MatchString(rest) || strings.HasPrefix(strings.ToLower(rest), "copy") {
		// no editors, imprint, volume, issue or page: not a publication's citation
		return Publication{}, false
	}
	ref := rest
	if len(eds) > 0 {
		ref = joinNames(eds) + ", eds., " + rest
	}
	return Publication{Title: title, Reference: strings.TrimSuffix(ref, ", eds., "), Offset: off}, title != ""
}

// bibliographic matches what a publication's citation holds: editors, an
// imprint or year in parentheses, a volume, issue, number or page.
var bibliographic = regexp.MustCompile(`(?i)\beds?\.|\([^()]*\b(1[89]|20)\d\d\)|\b(vol|no|nr|issue|pp?|t|tom|book|part|č)\.?\s*\d|\b(vols?|issues?)\s+\d`)

var imprint = regexp.MustCompile(`\(.*\b(1[89]|20)\d\d\)$`)

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
	if strings.IndexByte(s, '(') < 0 {
		return strings.TrimSpace(s)
	}
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
			if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
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
