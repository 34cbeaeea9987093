// Package archref reads the archival references of a record's citation:
// one Ref per archive cited ("APRF, f. 45, op. 1, d. 343, ll. 97-103"), with
// fond, opis, delo, papka and folios as written, or free text for archives
// that cite otherwise ("NARA, RG 59, ..."); the publications that print the
// record ("CWIHP Bulletin 8-9, p. 388"), which are bibliographic sources and
// not archives; and the translators the citation names. Archives are known
// by every spelling vocab's archive table lists, in any script.
package archref

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docgraph/docgraph/vocab"
)

// Ref is one archive's reference. Offset is the byte offset in the parsed
// text where the reference starts.
type Ref struct {
	Archive string // the archive's abbreviation, or its name as written when it is not a known archive
	// ArchiveID is the known archive's slug in vocab's archive table ("aprf"),
	// "" for an archive the table lacks.
	ArchiveID                       string
	Fond, Opis, Delo, Papka, Folios string
	Reference                       string // free text, for archives that do not cite by fond/opis/delo
	Offset                          int
}

// Publication is a published work the citation names as printing the
// record: its title and the rest of its citation (editors, volume, pages).
type Publication struct {
	Title, Reference string
	Offset           int
}

// Problem is something odd in a citation, at a byte offset.
type Problem struct {
	Offset int
	Msg    string
}

// Citation is what a citation says.
type Citation struct {
	Refs         []Ref
	Publications []Publication
	Translators  []string
	Problems     []Problem
}

// spelling is one way of writing a known archive.
type spelling struct {
	text string
	a    *vocab.Archive
}

var (
	spellOnce sync.Once
	spellings []spelling // longest first
)

func archiveSpellings() []spelling {
	spellOnce.Do(func() {
		for _, s := range vocab.Archives().Spellings() {
			spellings = append(spellings, spelling{s.Text, s.Archive})
		}
	})
	return spellings
}

// Parse reads a citation. A markdown export's citation starts with the
// quoted title, the date and "Wilson Center Digital Archive,", which are
// skipped; offsets stay relative to text.
func Parse(text string) Citation {
	var c Citation
	var acquired []Ref
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
		trim, off = dropURLs(trim, off)
		low := strings.ToLower(trim)
		switch {
		case trim == "":
		case translatorLine(low):
			c.Translators = append(c.Translators, translators(trim)...)
		case pubPrefix(low) > 0:
			n := pubPrefix(low)
			body := strings.TrimLeft(trim[n:], " :")
			if p, ok := bulletin(body, off+len(trim)-len(body)); ok {
				c.Publications = append(c.Publications, p)
			} else if p, ok := publication(body, off+len(trim)-len(body)); ok {
				c.Publications = append(c.Publications, p)
			}
		default:
			if p, ok := bulletin(trim, off); ok {
				c.Publications = append(c.Publications, p)
				// an archive before it in the same sentence ("AVP RF, f. 1,
				// op. 2, d. 3, published in CWIHP Bulletin 8-9")
				if head := trimPubLead(trim[:p.Offset-off]); head != "" {
					c.Refs = append(c.Refs, archiveRefs(head, off, &c)...)
				}
			} else if refs := archiveRefs(trim, off, &c); len(refs) > 0 {
				if acquisition(low) {
					acquired = append(acquired, refs...)
					continue
				}
				c.Refs = append(c.Refs, refs...)
			} else if r, ok := namedArchive(trim, off, &c); ok {
				c.Refs = append(c.Refs, r)
			} else if p, ok := publication(trim, off); ok {
				c.Publications = append(c.Publications, p)
			}
		}
	}
	if len(c.Refs) == 0 {
		// how the copy was obtained is the only source named
		c.Refs = acquired
	}
	c.Refs = dropBare(c.Refs)
	return c
}

// trimPubLead drops the words that introduce a publication from the end of
// the text before it ("…, d. 3, published in").
func trimPubLead(s string) string {
	s = strings.TrimRight(s, " ,;:")
	low := strings.ToLower(s)
	for _, w := range []string{"originally published in", "first published in", "also published in", "also printed in", "published in", "printed in", "reprinted in", "cited in", "see also", "see", "in"} {
		if strings.HasSuffix(low, " "+w) || low == w {
			s = s[:len(s)-len(w)]
			break
		}
	}
	return strings.TrimRight(s, " ,;:")
}

// acquisition reports whether a part of a citation says how a copy was
// obtained ("Obtained by the National Security Archive", "Document made
// available by ..."): a note on provenance, not where the record is kept,
// when the citation names an archive besides.
func acquisition(low string) bool {
	for _, p := range []string{"obtained ", "provided ", "donated ", "courtesy ", "made available ", "document made available", "document provided", "document obtained", "released ", "declassified "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// dropBare removes a reference with no location to an archive that the
// citation also cites with one ("TsKhSD, F. 3, Op. 12 ... Made available by
// the Russian State Archive of Contemporary History"): it is the same
// archive, named again.
func dropBare(refs []Ref) []Ref {
	out := refs[:0]
	for i, r := range refs {
		if r.ArchiveID != "" && !r.fielded() && r.Reference == "" {
			dup := false
			for j, o := range refs {
				if j != i && o.ArchiveID == r.ArchiveID && (o.fielded() || o.Reference != "") {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// pubLeads introduce the publication that prints a record, in the
// languages of the citations.
var pubLeads = []string{"reprinted in ", "published in ", "originally published in ", "first published in ", "also published in ",
	"also printed in ", "printed in ", "cited in ", "publicado en ", "publicado em ", "pubblicato in ", "publié dans ",
	"veröffentlicht in ", "abgedruckt in ", "gepubliceerd in ", "trykt i ", "tryckt i ", "opublikowano w ", "opublikowany w ",
	"опубликовано в ", "опубликован в ", "опубліковано в ", "објављено у ", "objavljeno u ", "publikováno v ", "publikované v ",
	"diterbitkan dalam ", "δημοσιεύθηκε στο ", "δημοσιεύτηκε στο ", "in: ", "in "}

// pubPrefix returns the length of a phrase that introduces a publication
// ("Reprinted in", "Published in", "In:"), or 0.
func pubPrefix(low string) int {
	for _, p := range pubLeads {
		if strings.HasPrefix(low, p) {
			return len(p)
		}
	}
	return 0
}

// dropURLs removes web addresses ("<https://...>", "http://...") and a
// label before them from a part of a citation.
func dropURLs(s string, off int) (string, int) {
	for {
		i := strings.Index(s, "http://")
		if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			return s, off
		}
		from, to := i, i
		for to < len(s) && s[to] != ' ' && s[to] != '>' {
			to++
		}
		if from > 0 && s[from-1] == '<' {
			from--
			if to < len(s) && s[to] == '>' {
				to++
			}
		}
		head := strings.TrimRight(s[:from], " ")
		if lw := strings.ToLower(head); strings.HasSuffix(lw, "url:") || strings.HasSuffix(lw, "available at") || strings.HasSuffix(lw, "available at:") || strings.HasSuffix(lw, "online at") {
			if k := strings.LastIndexAny(head, ".;,"); k >= 0 {
				head = head[:k+1]
			} else {
				head = ""
			}
		}
		rest := s[to:]
		out := strings.TrimSpace(strings.TrimRight(head, " ,") + " " + strings.TrimLeft(rest, " "))
		if out == "" {
			return "", off
		}
		if !strings.HasPrefix(s, out[:1]) {
			off += strings.Index(s, out[:1])
		}
		s = out
	}
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
		case ';', '\n':
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
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return false
	}
	// the Russian dotted style: "Ф. 5446. Оп. 120. Д. 12. Л. 5."
	next, _, _ := strings.Cut(rest, " ")
	if strings.HasSuffix(next, ".") && isKeyWord(strings.ToLower(next)) {
		return false
	}
	// a numbered part after an abbreviation: "Dep. IV", "sygn. XIA/1227"
	if next = strings.TrimRight(next, ",;:."); romanOrNumbered(next) {
		return false
	}
	// the word before the period
	w := i
	for w > 0 && (unicode.IsLetter(rune(text[w-1])) || text[w-1] >= 0x80 || text[w-1] == '.' || text[w-1] == '/') {
		w--
	}
	word := strings.ToLower(strings.TrimLeft(text[w:i], "."))
	if word == "ő.e" || word == "ö.e" {
		return true // the Hungarian unit follows its number: "5/832. ő.e. Translated by ..."
	}
	if isKeyWord(word) || isKeyWord(word+".") {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && w >= 2 && text[w-1] == ' ' && text[w-2] == '.' {
		// a two-part key written with a space closes the levels: "ő. e."
		p := w - 2
		for p > 0 && text[p-1] >= 0x80 {
			p--
		}
		if p > 0 && (text[p-1] >= 'a' && text[p-1] <= 'z') {
			p--
		}
		if isKeyWord(strings.ToLower(text[p:w-2]) + "." + word) {
			return true
		}
	}
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") || abbreviations[word] {
		return false
	}
	return true
}

// abbreviations end with a period that does not end a sentence: "sygn.
// XIA/1227", "vol. IV", "Nr. 12".
var abbreviations = map[string]bool{
	"vol": true, "pp": true, "no": true, "eds": true, "ed": true, "nr": true, "sygn": true,
	"syg": true, "exp": true, "leg": true, "fasc": true, "doc": true, "dok": true, "inv": true, "cf": true,
	"ibid": true, "bl": true, "kart": true, "sv": true, "č": true, "ks": true, "t": true, "tom": true, "cz": true,
	"reg": true, "rg": true, "sig": true, "signatur": true, "az": true, "ser": true,
}

// translatorLine reports whether a part of a citation names translators:
// "Translated by", "Obtained and translated by", "Translation by", "Trans.
// by".
func translatorLine(low string) bool {
	for _, p := range []string{"translat", "obtained and translated", "english translation", "trans. by", "transcribed and translated", "document obtained and translated", "obtained, translated", "edited and translated"} {
		if strings.HasPrefix(low, p) {
			return strings.Contains(low, " by ")
		}
	}
	return false
}

// romanOrNumbered reports whether w is a Roman numeral ("IV") or a
// signature with a digit ("XIA/1227", "B103-4-72").
func romanOrNumbered(w string) bool {
	if w == "" {
		return false
	}
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	if len(w) < 2 || len(w) > 6 {
		return false // "I" is a pronoun more often than a numeral
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
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
	// what follows the names: "for the Cold War International History
	// Project", "(CWIHP)"
	for _, cut := range []string{" for ", " (", " of the ", " at the "} {
		if j := strings.Index(s, cut); j > 0 {
			s = s[:j]
		}
	}
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

// mention is a known archive's name at s[i:j].
type mention struct {
	i, j int
	a    *vocab.Archive
}

// mentions finds the known archives named in s, left to right, the longest
// spelling at each place, none overlapping. A name inside parentheses
// ("released from the Presidential Archive") is prose about the reference,
// not another archive, unless it fills them ("(APRF)").
func mentions(s string) []mention {
	byPrefix := spellingIndex()
	var ms []mention
	depth := 0
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
			}
			continue
		}
		if i > 0 && isWordByte(s[i-1]) || !isWordByte(s[i]) {
			continue
		}
		for _, sp := range byPrefix[s[i:i+2]] {
			j := i + len(sp.text)
			if !strings.HasPrefix(s[i:], sp.text) || j < len(s) && isWordByte(s[j]) {
				continue
			}
			if depth == 0 || s[i-1] == '(' && j < len(s) && s[j] == ')' {
				ms = append(ms, mention{i, j, sp.a})
				i = j - 1
			}
			break
		}
	}
	return ms
}

var (
	prefixOnce sync.Once
	byPrefix   map[string][]spelling
)

// spellingIndex groups the spellings by their first two bytes, longest
// first within each group.
func spellingIndex() map[string][]spelling {
	prefixOnce.Do(func() {
		byPrefix = map[string][]spelling{}
		for _, sp := range archiveSpellings() {
			if len(sp.text) >= 2 {
				k := sp.text[:2]
				byPrefix[k] = append(byPrefix[k], sp)
			}
		}
	})
	return byPrefix
}

// archiveRefs reads the references of the known archives a part of a
// citation names: "ARCHIVE, f. 45, op. 1, …", "ARCHIVE (free text)",
// "ARCHIVE free text", several archives in a row ("APRF, Fond 45, ... and
// AVPRF, Fond 059a, ..."), or a collection before its archive ("Dmitrii
// Volkogonov Papers, Library of Congress, Reel 17").
func archiveRefs(s string, off int, c *Citation) []Ref {
	ms := mentions(s)
	if len(ms) == 0 {
		return nil
	}
	// group consecutive mentions of one archive ("NA, AÚV KSČ", "Archive of
	// the President of the Russian Federation (APRF)")
	type group struct {
		first, last mention
		written     string // the abbreviation the citation gives the archive in parentheses
	}
	var gs []group
	for _, m := range ms {
		if n := len(gs); n > 0 && (gs[n-1].last.a == m.a || ownAbbr(s, gs[n-1].last.j, m)) {
			// "Archives du ministère des Affaires étrangères (AMAE)": the
			// short name in parentheses is the named archive's, whichever
			// archive the table files that short name under
			if ownAbbr(s, gs[n-1].last.j, m) {
				gs[n-1].written = s[m.i:m.j]
			}
			gs[n-1].last = m
			continue
		}
		gs = append(gs, group{first: m, last: m})
	}
	// where each group's text starts: at its first mention, or earlier at
	// a collection that precedes the archive after a connective ("…, Listy
	// 1-9, and Dmitrii Volkogonov Papers, Library of Congress, Reel 17")
	starts := make([]int, len(gs))
	leads := make([]string, len(gs))
	for k, g := range gs {
		from := 0
		if k > 0 {
			from = gs[k-1].last.j
		}
		starts[k] = g.first.i
		before := s[from:g.first.i]
		if k == 0 && !gluedWord(before) {
			leads[k] = collectionBefore(before)
		} else if i := lastConnective(before); i >= 0 {
			if lead := collectionBefore(before[i:]); lead != "" && !startsWithKey(lead) {
				leads[k] = lead
				starts[k] = from + i
			}
		}
		if g.first.i > 0 && s[g.first.i-1] == '(' {
			leads[k] = "" // "Archive of ... (AMZV)": the name, not a collection
		}
	}
	var out []Ref
	for k, g := range gs {
		end := len(s)
		if k+1 < len(gs) {
			end = starts[k+1]
		}
		a := g.first.a
		r := Ref{Archive: a.Abbr, ArchiveID: a.Slug, Offset: off + g.first.i}
		if g.written != "" {
			r.Archive = writtenAbbr(a, g.written)
		}
		// the text between the first and the last mention of the archive,
		// when it is more than punctuation, is a collection ("NA, AÚV KSČ")
		between := ""
		if g.last.i > g.first.j {
			between = strings.Trim(s[g.first.j:g.last.i], " ,:()")
		}
		if g.last.i > g.first.j && !ownAbbr(s, g.first.j, g.last) && !archiveWord(s[g.first.i:g.first.j]) && archiveWord(s[g.last.i:g.last.j]) {
			// the institution that keeps the archive, named first, stays
			// in the reference: "Fondazione Istituto Gramsci, Archivio del
			// Partito comunista italiano (APC), Direzione, ..."
			between = s[g.first.i:g.first.j]
		}
		restFrom := g.last.j
		if a.Dialect == "cs" {
			restFrom = g.first.j // the collection's name is part of the reference
			between = ""
		}
		rest := trimConnective(s[restFrom:end])
		if strings.HasPrefix(rest, ")") {
			rest = rest[1:]
		}
		if t := strings.TrimLeft(rest, " "); strings.HasPrefix(t, "(") {
			// the archive's own short name the table lacks: "Archives du
			// ministère des Affaires étrangères (MAE), Série Europe"
			if j := strings.IndexByte(t, ')'); j > 0 && abbreviation(t[1:j]) {
				rest = t[j+1:]
				r.Archive = writtenAbbr(a, t[1:j])
			}
		}
		rest = dropSeat(strings.TrimLeft(rest, ":,.) "))
		if strings.TrimSpace(rest) == "" && between == "" && k+1 < len(gs) && leads[k+1] == "" && !strings.Contains(s[g.last.j:end], " and ") {
			// a parent archive named before the one that holds the item:
			// "Bundesarchiv, Berlin, SAPMO, DY 30/3509"
			continue
		}
		lead := leads[k]
		if between != "" {
			rest = between + ", " + rest
		}
		if a.Dialect == "cs" {
			// the folios close a Czech reference as any other: "a.j. 1547, l. 1-6"
			r.Reference, r.Folios = trailingFolios(czech(rest, &r))
			out = append(out, r)
			continue
		}
		fields(rest, a.Dialect, &r)
		if r.fielded() {
			out = append(out, r)
			continue
		}
		ref := strings.TrimRight(strings.TrimSpace(rest), ".,;")
		if strings.HasPrefix(ref, "(") && strings.HasSuffix(ref, ")") {
			ref = strings.TrimSpace(ref[1 : len(ref)-1])
		}
		if allNotGiven(ref) {
			ref = ""
		}
		if lead != "" {
			if ref != "" {
				ref = lead + ", " + ref
			} else {
				ref = lead
			}
		}
		if a.Dialect == "text" && lead == "" {
			r.Fond, ref = leadingFond(ref)
		}
		r.Reference, r.Folios = trailingFolios(ref)
		if r.Folios == "" {
			r.Reference, r.Folios = bareFolios(r.Reference)
		}
		if r.Reference == "" && r.Folios == "" && r.Fond == "" {
			c.Problems = append(c.Problems, Problem{Offset: r.Offset, Msg: "archive " + a.Abbr + " cited without a location"})
		}
		out = append(out, r)
	}
	return out
}

// writtenAbbr is the name a reference reports its known archive a by when
// the citation gives the archive a short name of its own: the table's
// abbreviation when the table files that short name under a, else the
// short name as written ("Kansallisarkisto (KA)" is KA).
func writtenAbbr(a *vocab.Archive, short string) string {
	if vocab.Archives().Lookup(short) == a {
		return a.Abbr
	}
	return short
}

// ownAbbr reports whether mention m is a short name in parentheses right
// after the name that ends at j: "Name (ABBR)".
func ownAbbr(s string, j int, m mention) bool {
	return m.i > 0 && s[m.i-1] == '(' && m.j < len(s) && s[m.j] == ')' && strings.TrimSpace(s[j:m.i-1]) == "" && abbreviation(s[m.i:m.j])
}

// lastConnective returns the offset just after the last ", and " / " and "
// / ", " in s, or -1.
func lastConnective(s string) int {
	for _, c := range []string{", and ", " and ", ", "} {
		if i := strings.LastIndex(s, c); i >= 0 {
			return i + len(c)
		}
	}
	return -1
}

func startsWithKey(s string) bool {
	t := tokens(s)
	return len(t) > 0 && isKeyWord(strings.ToLower(t[0]))
}

// seats are the cities archives stand in, which citations write after the
// archive's name ("(AMZV), Prague, Telegramy došlé"); the seat is not a
// place in the archive.
var seats = map[string]bool{
	"Moscow": true, "Moskva": true, "Prague": true, "Praha": true, "Bucharest": true, "București": true, "Bucuresti": true,
	"Budapest": true, "Warsaw": true, "Warszawa": true, "Berlin": true, "Koblenz": true, "Sofia": true, "Beijing": true,
	"Ulaanbaatar": true, "Ulan Bator": true, "Hanoi": true, "Washington": true, "Washington, DC": true, "College Park": true,
	"College Park, MD": true, "Podolsk": true, "Kew": true, "London": true, "Belgrade": true, "Tirana": true,
	"Jerusalem": true, "Seoul": true, "Bonn": true, "Stanford": true, "Helsinki": true,
	"Rome": true, "Roma": true, "New Delhi": true, "Bratislava": true, "Vienna": true, "Wien": true, "Lisbon": true, "Lisboa": true,
	"Madrid": true, "Tokyo": true, "Pyongyang": true, "Taipei": true, "Ottawa": true, "Canberra": true, "The Hague": true,
}

// dropSeat removes the archive's city from the start of its reference.
func dropSeat(rest string) string {
	item, after, _ := strings.Cut(rest, ",")
	if seats[strings.TrimSpace(strings.TrimRight(item, "."))] {
		return strings.TrimLeft(after, " ")
	}
	return rest
}

// allNotGiven reports whether every item of a reference says a level is not
// given ("Fond and Opis not given").
func allNotGiven(ref string) bool {
	if ref == "" {
		return false
	}
	for _, item := range splitTop(ref) {
		if !notGiven(item) {
			return false
		}
	}
	return true
}

// czech reads a Czech reference: the fond ("f. 02/1") is a level; the
// collection, box (sv., karton) and unit (a.j., inv. č.) stay the free-text
// reference, as Czech archives write them ("AÚV KSČ, sv. 75, a.j. 127").
func czech(rest string, r *Ref) string {
	var keep []string
	for _, item := range splitTop(strings.TrimRight(strings.TrimSpace(rest), ".,;")) {
		t := tokens(item)
		if len(t) >= 2 && r.Fond == "" {
			if l, ok := keyOf(t[0], "cs"); ok && l == levelFond {
				r.Fond = strings.TrimRight(strings.Join(t[1:], " "), ".")
				continue
			}
		}
		if item != "" {
			keep = append(keep, item)
		}
	}
	return strings.Join(keep, ", ")
}

// trailingFolios takes the folios off the end of a free-text reference:
// "DY 30/3509, Bl. 112-116" is DY 30/3509 at folios 112-116 (German Blatt,
// Polish karta "k.", Vietnamese "tờ", pages "pp.", Russian "ll.").
func trailingFolios(ref string) (string, string) {
	i := strings.LastIndex(ref, ", ")
	if i < 0 {
		return ref, ""
	}
	last := strings.TrimSpace(ref[i+2:])
	key, val, ok := strings.Cut(last, " ")
	if !ok || !folioKeys[strings.ToLower(strings.TrimSuffix(key, "."))] || !folioList(val) {
		return ref, ""
	}
	return strings.TrimSpace(ref[:i]), strings.TrimRight(val, ".")
}

// leadingFond takes a fond named first by its word off a free-text
// reference: "fond 837, KPR, I-3-a/101-5" (Archives of Yugoslavia), "F.
// 14/AP, OU, V. 1961, D. 9" (Albanian Central State Archive), "Fonds
// Europe, ..." Only the first item counts, and "f." only with a value no
// list of folios could be ("f. 12-15" is a folio in Romanian and Italian
// usage); the rest stays the reference.
func leadingFond(ref string) (string, string) {
	item, rest, _ := strings.Cut(ref, ",")
	key, val, ok := strings.Cut(strings.TrimSpace(item), " ")
	val = strings.TrimSpace(val)
	if !ok || val == "" || len(strings.Fields(val)) > 3 {
		return "", ref
	}
	switch strings.ToLower(key) {
	case "fond", "fonds", "fondo", "fondul", "fund", "fondi":
	case "f.":
		// "F. 14/AP", and "f. 507" before the collection's items ("AJ, f.
		// 507, CK SKJ, IX, 119/I-21"); "f. 12-15" and a lone "f. 12" are
		// folios (Romanian and Italian usage)
		if folioList(val) && (strings.TrimSpace(rest) == "" || strings.ContainsAny(val, "-–")) {
			return "", ref
		}
	default:
		return "", ref
	}
	if !strings.ContainsAny(val, "0123456789") && !fondWord[strings.ToLower(key)] {
		return "", ref
	}
	return strings.TrimRight(val, "."), strings.TrimSpace(rest)
}

// bareFolios takes a bare range of pages off the end of a reference whose
// item is a dashed file number, as the Chinese Foreign Ministry Archive's
// citations write them ("105-01817-04, 21-33": file 105-01817-04, pages
// 21 to 33). A range of years ("1961-1965") is no pages.
func bareFolios(ref string) (string, string) {
	i := strings.LastIndex(ref, ", ")
	if i < 0 || !dashedNumber.MatchString(ref[:i]) {
		return ref, ""
	}
	m := pageRange.FindStringSubmatch(strings.TrimRight(strings.TrimSpace(ref[i+2:]), "."))
	if m == nil {
		return ref, ""
	}
	a, b := atoi(m[1]), atoi(m[2])
	if a >= b || len(m[1]) == 4 && a >= 1900 && a < 2030 {
		return ref, ""
	}
	return strings.TrimSpace(ref[:i]), m[0]
}

var (
	dashedNumber = regexp.MustCompile(`(?:^|[\s,])\d{2,}-\d{3,}(?:-\d+)*(?:$|[\s,])`)
	pageRange    = regexp.MustCompile(`^(\d{1,4})\s*[-–]\s*(\d{1,4})$`)
)

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

var folioKeys = map[string]bool{
	"bl": true, "bll": true, "blatt": true, "k": true, "kk": true, "karta": true, "karty": true, "tờ": true,
	"p": true, "pp": true, "l": true, "ll": true, "f": true, "ff": true, "fol": true, "fols": true, "folio": true,
	"folios": true, "s": true, "o": true, "old": true, "лл": true, "л": true, "page": true, "pages": true, "pag": true,
	"str": true, "strona": true, "strony": true, "khuudas": true, "хуудас": true, "fila": true, "foaia": true, "filele": true, "fl": true, "fq": true,
}

func (r *Ref) fielded() bool {
	return r.Fond != "" || r.Opis != "" || r.Delo != "" || r.Papka != "" || r.Folios != ""
}

// trimConnective drops a trailing "and", "as well as" or "also" that joins
// the next archive's reference.
func trimConnective(s string) string {
	s = strings.TrimRight(s, " ,;")
	tail := s[max(0, len(s)-16):]
	if !strings.ContainsAny(tail, "aAcC&") {
		return s
	}
	low := strings.ToLower(tail)
	for _, w := range []string{" and also", " as well as", " and", " also", " &", " with a copy in", " copy in", " see also"} {
		if strings.HasSuffix(low, w) {
			return strings.TrimRight(s[:len(s)-len(w)], " ,;")
		}
	}
	return s
}

// collectionBefore returns the named collection that precedes an archive
// ("Dmitrii Volkogonov Papers, Library of Congress"), or "" when the text
// before it is a label ("Source:") or a phrase ("a further copy in").
func collectionBefore(s string) string {
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, w := range []string{" held at the", " held in the", " held by the", " by the", " at the", " in the", " from the", " held at", " held in", " held by", " by", " at", " in", " from", " of the", " of"} {
		if strings.HasSuffix(low, w) {
			s = strings.TrimSpace(s[:len(s)-len(w)])
			low = strings.ToLower(s)
			break
		}
	}
	s = strings.TrimRight(s, " ,(")
	if s == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return ""
	}
	switch strings.ToLower(s) {
	case "source", "archive", "citation", "original", "copy", "original in", "location":
		return ""
	}
	if acquisition(strings.ToLower(s) + " ") {
		return ""
	}
	first, _, _ := strings.Cut(strings.ToLower(s), " ")
	switch first {
	case "also", "and", "copy", "copies", "see", "original", "originals", "duplicate", "another", "a", "the", "held", "located", "kept", "filed":
		return "" // a phrase that leads to the archive, not a collection
	}
	// a collection's name is capitalised ("Dmitrii Volkogonov Papers"); a
	// phrase ("Document made available") is not
	caps, words := 0, 0
	for _, w := range strings.Fields(s) {
		if smallWord(w) {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if 2*caps < words {
		return ""
	}
	return s
}

// gluedWord reports whether the text before an archive's name ends in a
// word written onto the name with no comma ("Historical Archives of the
// Ministry ..." where the table knows "Archives of the Ministry ..."): a
// word of the name, not a collection held there. A word that leads to the
// archive ("... Papers held at") is not one.
func gluedWord(before string) bool {
	t := strings.TrimRight(before, " ")
	if t == "" || len(t) == len(before) {
		return false
	}
	i := strings.LastIndexAny(t, " ,;:(") + 1
	w := t[i:]
	if w == "" || i > 0 && t[i-1] != ' ' {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return false
	}
	if i > 0 {
		// only a word at the start of a part: "Historical Archives", not
		// "Volkogonov Papers Library of Congress"
		u := strings.TrimRight(t[:i], " ")
		if u != "" && !strings.ContainsAny(u[len(u)-1:], ",;:(") {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
