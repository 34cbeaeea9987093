package claim

import (
	"strings"
	"unicode"
)

// Evidence that shows both parties of a meeting, and the limits of
// stances: who holds one, what can be its object.

// stretchNaming is the first stretch of the version read that names both
// a and b: one sentence, else up to six consecutive ones of a block such
// as a participants list ("• Prince Souvanna Phouma ..." and "•
// Governor W. Averell Harriman ..." on the next line), short enough to
// cite; nil where none names both.
func (x *extractor) stretchNaming(a, b Ref) *span {
	names := func(si int, r Ref) bool {
		for _, t := range x.toks[si] {
			if t.ment && len(t.refs) > 0 && t.refs[0] == r {
				return true
			}
		}
		return false
	}
	for si := range x.toks {
		hasA, hasB := names(si, a), names(si, b)
		if !hasA && !hasB {
			continue
		}
		for k := si; k < len(x.toks) && k <= si+5; k++ {
			if x.sents[k].e-x.sents[si].s > 500 || k > si && blankLines(x.r[x.sents[k-1].e:x.sents[k].s]) > 1 {
				break
			}
			hasA, hasB = hasA || names(k, a), hasB || names(k, b)
			if hasA && hasB {
				return &span{x.sents[si].s, x.sents[k].e}
			}
		}
	}
	return nil
}

// blankLines counts the empty lines in a stretch between two sentences.
func blankLines(r []rune) int {
	n, empty := 0, false
	for _, c := range r {
		switch c {
		case '\n':
			if empty {
				n++
			}
			empty = true
		case ' ', '\t', '\r':
		default:
			empty = false
		}
	}
	return n
}

// namesBoth reports whether the sentences within sp name a and b (or a
// first person standing for one of them).
func (x *extractor) namesBoth(sp span, a, b Ref) bool {
	hasA, hasB := false, false
	for si, s := range x.sents {
		if s.s < sp.s || s.e > sp.e {
			continue
		}
		for _, t := range x.toks[si] {
			if len(t.refs) > 0 && (t.ment || t.pron == 1) {
				hasA = hasA || t.refs[0] == a
				hasB = hasB || t.refs[0] == b
			}
		}
	}
	return hasA && hasB
}

// stanceRelations are the relations a party holds towards another party
// or a course of action; a place holds none and is the object of none.
var stanceRelations = set("supports", "opposes", "agrees_with", "accuses", "allied_with")

// notAgentAfter are words after which a party is not the subject of the
// verb that follows: "let Albania join it" (the speaker lets it), "in
// Sadat's words", "по словам Садата", "по мнению Кадара" (whose words
// report, not act).
var notAgentAfter = set("let", "letting", "словам", "мнению", "сообщению", "данным")

// hypothetical reports whether the cue at ts[i] states what a party could
// or would do rather than what it does: "believed Chairman Mao would
// accept it", "the Communist Party could agree to it on questions of
// ...". A refusal ("could not accept", "would not support") is a stance
// all the same, and so is the speaker's own "we would welcome".
func (x *extractor) hypothetical(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := ts[k].w
		switch w {
		case "could", "might", "may", "would":
			if negated(ts, i) {
				return false
			}
			if w == "would" && k > 0 && ts[k-1].pron == 1 {
				return false
			}
			return true
		case "fully", "also", "certainly", "probably", "then", "readily", "gladly", "not":
			continue
		}
		return false
	}
	return false
}

// byContent: "supported the proposal of the joint letter", "rejects the
// plan for a single planning body": a proposal named by a bare head and
// what it is about is the one made earlier whose words these are, not
// necessarily the one last spoken of. obj is kept where no earlier
// proposal shares two content words with the phrase.
func (x *extractor) byContent(ts []tok, j int, obj []Ref) []Ref {
	if j < 0 || j+2 >= len(ts) || !isProp(obj) || len(x.props) < 2 {
		return obj
	}
	head := strings.ToLower(string(x.r[ts[j].s:ts[j].e]))
	for _, det := range []string{"the ", "this ", "that ", "a "} {
		head = strings.TrimPrefix(head, det)
	}
	if !proposalHeads[head] || !(ts[j+1].w == "of" || ts[j+1].w == "on" || ts[j+1].w == "for" || ts[j+1].w == "about") {
		return obj
	}
	var words []string
	for k := j + 2; k < len(ts) && k <= j+10; k++ {
		t := ts[k]
		if t.punct || t.is(cClauseStop) || t.w == "and" && len(words) > 0 {
			break
		}
		if len(t.w) >= 4 && t.refs == nil {
			words = append(words, contentStem(t.w))
		}
	}
	if len(words) < 2 {
		return obj
	}
	best, bestN := -1, 1
	for k, p := range x.props {
		have := map[string]bool{}
		for _, l := range p.labels {
			for _, w := range strings.FieldsFunc(strings.ToLower(l), func(c rune) bool { return !unicode.IsLetter(c) }) {
				have[contentStem(w)] = true
			}
		}
		if e := x.propEntity(k); e >= 0 && e < len(x.res.Entities) {
			for _, w := range strings.FieldsFunc(strings.ToLower(x.res.Entities[e].Text), func(c rune) bool { return !unicode.IsLetter(c) }) {
				have[contentStem(w)] = true
			}
		}
		n := 0
		for _, w := range words {
			if have[w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	if best < 0 {
		return obj
	}
	return []Ref{x.props[best].ref}
}

// contentStem cuts a word to its first five letters, so that "letter" and
// "letters", "withdraw" and "withdrawal" compare alike.
func contentStem(w string) string {
	r := []rune(w)
	if len(r) > 5 {
		r = r[:5]
	}
	return string(r)
}
