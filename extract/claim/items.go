package claim

import (
	"strings"
	"unicode"
)

// Lists of proposals: a memorandum's "I recommend:", "I propose:" or
// "Recommendations:" heads items numbered ("1.", "2)"), lettered ("a.",
// "(b)", "c)") or dashed, each a course of action its writer proposes
// ("(a) that the Prime Minister reply to Bulganin briefly and firmly";
// "b. that interim aid shipments be speeded up").

// listOrdinal is the place in its list of an item a sentence opens with:
// "1." or "1)" gives 1, "a.", "a)", "(a)" or "(A)" gives 1, "c)" 3; 0 where
// the sentence opens no item.
func listOrdinal(ts []tok) int {
	if n := leadingNumber(ts); n > 0 {
		return n
	}
	j := 0
	if j < len(ts) && ts[j].w == "(" {
		j++
	}
	if j+1 >= len(ts) || ts[j].punct || len(ts[j].w) != 1 {
		return 0
	}
	c := ts[j].w[0]
	if c < 'a' || c > 'z' {
		if n := leadingNumber(ts[j:]); n > 0 && j > 0 {
			return n // "(1)"
		}
		return 0
	}
	if j > 0 && ts[j+1].w != ")" || j == 0 && ts[j+1].w != ")" && ts[j+1].w != "." {
		return 0
	}
	return int(c-'a') + 1
}

// itemBody strips an item's label ("(a)", "b.", "3)", a dash) and the
// "that" or "to" a recommendation's items open with: "(a) that the
// Prime Minister reply briefly" gives "the Prime Minister reply briefly".
func itemBody(r []rune) []rune {
	trim := func() {
		for len(r) > 0 && (unicode.IsSpace(r[0]) || r[0] == '-' || r[0] == '—' || r[0] == '–' || r[0] == '•') {
			r = r[1:]
		}
	}
	trim()
	k := 0
	if k < len(r) && r[k] == '(' {
		k++
	}
	d := k
	for d < len(r) && d-k < 2 && (unicode.IsDigit(r[d]) || d == k && unicode.IsLetter(r[d]) && (d+1 >= len(r) || !unicode.IsLetter(r[d+1]))) {
		d++
	}
	if d > k && d < len(r) && (r[d] == '.' || r[d] == ')') {
		r = r[d+1:]
		trim()
	}
	for _, lead := range []string{"that ", "That ", "to ", "To "} {
		if strings.HasPrefix(string(r[:min(len(r), len(lead))]), lead) {
			r = r[len(lead):]
			break
		}
	}
	return r
}

// listHeads are the nouns a list of proposals is headed with.
var listHeads = set("recommendations", "recommendation", "proposals", "suggestions", "recommended", "proposed")

// listHeading reads a heading of the author's proposals, "Recommendations:"
// or "5. Proposals:", and proposes each item under it.
func (x *extractor) listHeading(ts []tok, si int) {
	j := 0
	if leadingNumber(ts) > 0 {
		j = 2
	}
	if j+1 >= len(ts) || !listHeads[ts[j].w] || ts[j+1].w != ":" || j+2 != len(ts) || x.conversation {
		return
	}
	if who := x.speakerRef(); who != nil {
		x.proposeItems(who, si)
	}
}

// proposeItems makes each item of the list that follows sentence si a
// proposal of subj, named and worded by the item. It reports whether
// there was a list.
func (x *extractor) proposeItems(subj []Ref, si int) bool {
	var items []span
	n := 1
	for k := si + 1; k < len(x.sents) && k <= si+24; k++ {
		tk := x.toks[k]
		if len(tk) == 0 {
			continue
		}
		gap := strings.Count(string(x.r[x.sents[k-1].e:x.sents[k].s]), "\n")
		switch {
		case listOrdinal(tk) == n || n == 1 && len(items) == 0 && listOrdinal(tk) == 0 && dashItem(x.r, x.sents[k]):
			items = append(items, x.sents[k])
			if listOrdinal(tk) == n {
				n++
			} else {
				n = -1 // a dashed list
			}
		case n < 0 && dashItem(x.r, x.sents[k]):
			items = append(items, x.sents[k])
		case len(items) > 0 && gap < 2 && listOrdinal(tk) == 0:
			items[len(items)-1].e = x.sents[k].e // the item goes on
		default:
			k = len(x.sents) // the list has ended
		}
	}
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		r := itemBody(x.r[it.s:it.e])
		text := pointText(r)
		if len([]rune(text)) < 8 || statement(x.toks[itemSent(x.sents, it)]) {
			continue
		}
		name := text
		if c := strings.Index(name, ". "); c > 0 {
			name = name[:c] // the item's first sentence
		}
		if c := strings.IndexAny(name, ";,"); c > 20 && strings.Count(name[:c], " ") >= 4 {
			name = name[:c] // and its first clause name it
		} else if c := strings.IndexByte(name, ';'); c > 20 {
			name = name[:c] // a clause with an inserted phrase ("when asked,")
		}
		item := span{it.e - len(r), it.e}
		for item.e > item.s && strings.ContainsRune(";,. ", x.r[item.e-1]) {
			item.e--
		}
		x.points = append(x.points, it) // its clauses name no other proposal
		pid := x.proposalRef(name, nil, item)
		x.setText(pid, item)
		// the item, under the speaker's heading, is the evidence
		x.add(subj, "proposes", []Ref{x.props[pid-1].ref}, span{it.s, it.e}, 0.7)
		x.lastProp, x.lastPropSent = pid, si
	}
	return true
}

// inItem reports whether sp lies in an item of a list already proposed.
func (x *extractor) inItem(sp span) bool {
	for _, p := range x.points {
		if sp.s >= p.s && sp.e <= p.e {
			return true
		}
	}
	return false
}

// itemSent is the index of the sentence an item opens with.
func itemSent(sents []span, it span) int {
	for k, s := range sents {
		if s.s == it.s {
			return k
		}
	}
	return 0
}

// statement reports whether an item states what is rather than what to
// do: its first clause is negated ("The United States cannot treat ...
// as a local matter") or says what is ("The situation is grave").
func statement(ts []tok) bool {
	// past the item's label: "1.", "(a)", "b)"
	for len(ts) > 0 && (ts[0].punct || len(ts[0].w) <= 2 && len(ts) > 1 && (ts[1].w == "." || ts[1].w == ")")) {
		if !ts[0].punct {
			ts = ts[1:]
		}
		ts = ts[1:]
	}
	for k, t := range ts {
		if t.w == ";" || t.w == "," || t.w == "." || k > 12 {
			return false
		}
		if t.w == "cannot" || t.w == "not" || strings.HasSuffix(t.w, "n't") {
			return true
		}
		if (t.w == "is" || t.w == "are" || t.w == "was" || t.w == "were") && k > 0 && !(k+1 < len(ts) && strings.HasSuffix(ts[k+1].w, "ed")) {
			return true
		}
	}
	return false
}
