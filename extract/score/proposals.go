package score

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Proposals have no canonical names: two historians name the same
// proposal differently ("Amnesty for those laying down arms", "Proposal to
// declare an amnesty for all who lay down their arms"). A gold proposal
// matches an extracted one when most of the content words of its name
// (compared on their first five letters, figures whole) occur in the
// extracted proposal's name, labels or text.

var proposalStop = map[string]bool{"the": true, "of": true, "and": true, "for": true, "with": true, "on": true,
	"to": true, "in": true, "by": true, "from": true, "a": true, "an": true, "proposal": true, "proposals": true,
	"plan": true, "point": true, "its": true, "their": true, "all": true, "any": true, "this": true, "that": true,
	"those": true, "who": true, "which": true, "at": true, "as": true, "or": true, "be": true, "is": true,
	"are": true, "after": true, "into": true, "about": true, "down": true, "up": true, "out": true}

// stems are the content words of s, cut to five letters.
func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(norm.NFD.String(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		var b strings.Builder
		for _, r := range w {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		w = b.String()
		if proposalStop[w] || len(w) < 3 && !isNumber(w) {
			continue
		}
		// "laying" and "lay", "arms" and "arm" are one word
		for _, suf := range []string{"ing", "ed", "s"} {
			if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		if r := []rune(w); len(r) > 5 && !isNumber(w) {
			w = string(r[:5])
		}
		out[w] = true
	}
	return out
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// sameProposal reports whether the extracted proposal (its name, labels
// and texts) is the gold one: three fifths of the gold name's content
// words, and at least two where it has two or more.
func sameProposal(gold string, names []string) bool {
	g := stems(gold)
	if len(g) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, n := range names {
		for w := range stems(n) {
			have[w] = true
		}
	}
	hit := 0
	for w := range g {
		if have[w] {
			hit++
		}
	}
	need := (3*len(g) + 4) / 5
	if need < 2 && len(g) >= 2 {
		need = 2
	}
	return hit >= need
}
