package archref

import (
	"strings"
	"unicode"
)

// Looks reports whether line is an archival source line: an archive's
// abbreviation or name followed by its citation numbers ("AP RF, f. 45,
// op. 1, d. 334, l. 141", "SAPMO-BArch, DY 30/J IV 2/202/130", "PRC FMA
// 109-00004-03"), with or without a "Source" label before it. Prose that
// merely names an archive is not a source line: the archive must open the
// line (after at most a few words such as "Source:" or "a copy in") and
// numbers must follow it closely.
func Looks(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxLine {
		return false
	}
	// a citation sentence: title, date, "... Digital Archive," then the source
	if i := strings.Index(line, "Digital Archive, "); i >= 0 {
		line = strings.TrimSpace(line[i+len("Digital Archive, "):])
	}
	if _, ok := bulletin(line, 0); ok {
		return strings.IndexFunc(line, unicode.IsDigit) >= 0
	}
	at, n := findArchive(line)
	if at < 0 {
		// an archive the table lacks, known by the levels that follow it
		// ("TsDAVO, f. 4, op. 1, d. 12")
		var c Citation
		r, ok := namedArchive(line, 0, &c)
		return ok && r.fielded()
	}
	if wordsBefore(line[:at]) > maxLead {
		return false
	}
	rest := line[at+n:]
	if len(rest) > numberWindow {
		rest = rest[:numberWindow]
	}
	d := strings.IndexFunc(rest, unicode.IsDigit)
	return d >= 0 && proseWords(rest[:d]) <= maxProse
}

// proseWords counts the lowercase words of s that are not citation keys
// ("f.", "op.", "ll."): "Fond and Opis not given" has three, "had nothing
// to add on the" six.
func proseWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",;:()")
		if w == "" || strings.HasSuffix(w, ".") {
			continue
		}
		if isKeyWord(strings.ToLower(w)) {
			continue
		}
		if r := []rune(w)[0]; unicode.IsLower(r) {
			n++
		}
	}
	return n
}

const (
	maxLine      = 1000 // a source line is one line of citation, not a paragraph
	maxLead      = 6    // words before the archive ("Source:", "a further copy in")
	numberWindow = 80   // bytes after the archive within which its numbers start
	maxProse     = 3    // lowercase words between the archive and its numbers
)

// wordsBefore counts the words in s.
func wordsBefore(s string) int { return len(strings.Fields(s)) }

// findArchive returns the byte offset and length of the first known
// archive named in s, or of an archive named at its start by a word that
// says it is one ("Jiangsu Provincial Archives, 3124-1-45"); -1 if none.
func findArchive(s string) (at, n int) {
	if ms := mentions(s); len(ms) > 0 {
		return ms[0].i, ms[0].j - ms[0].i
	}
	name := s
	if i := strings.IndexAny(s, ",("); i >= 0 {
		name = s[:i]
	}
	if len(name) <= 120 && archiveWord(name) {
		for _, w := range strings.Fields(name) {
			if r := []rune(w)[0]; !unicode.IsUpper(r) && !smallWord(w) {
				return -1, 0
			}
		}
		return 0, len(name)
	}
	return -1, 0
}
