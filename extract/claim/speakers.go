package claim

import (
	"slices"
	"strings"
	"unicode"
)

// Speaker marks beyond "Name:" and "NAME." (speakerAt, capsSpeaker):
//
//   - a name or a title closed by a dash, with or without a full stop
//     ("M. Brejnev. — Nous ...", "BERLINGUER – Al Palazzo ...",
//     "Ministro Pedalé.— Reconocemos ...");
//   - a name alone on its line above the speech ("Budaj" / "Я. АРАФАТ"
//     followed by the paragraph on the next line), or a capitalised name
//     with initials closed by a full stop ("M.S. GORBACHEV. Good evening");
//   - an initial a key line defines ("K. = Bundeskanzler Dr. Helmut Kohl"),
//     then "K.:" for each turn.
//
// The label names a person: a mention, the surname of a person the record
// names, or a role the record gives a person once ("el Comandante en Jefe
// Fidel Castro Ruz" makes "Comandante en Jefe.—" Castro's turns).
func (x *extractor) markSpeaker(ts []tok) []Ref {
	who, _ := x.mark(ts)
	return who
}

// mark returns the person a speaker mark opening ts names, and whether ts
// opens with a mark at all (a name the record does not resolve still ends
// the turn before it).
func (x *extractor) mark(ts []tok) ([]Ref, bool) {
	if len(ts) == 0 || !x.lineStart(ts[0].s) {
		return nil, false
	}
	// "K.:" after "K. = ..."
	if len(ts) >= 3 && ts[1].w == "." && ts[2].w == ":" && ts[0].refs == nil && !ts[0].punct {
		if w := x.r[ts[0].s:ts[0].e]; len(w) == 1 && unicode.IsUpper(w[0]) {
			return x.keyedInitial(w[0]), true
		}
		return nil, false
	}
	// a role as the label: "Premier:", "Foreign Minister:"
	for k := 1; k < len(ts) && k <= 3; k++ {
		if ts[k].w != ":" {
			if ts[k].punct || ts[k].refs != nil {
				break
			}
			continue
		}
		role := false
		for _, t := range ts[:k] {
			if t.punct || t.refs != nil || !unicode.IsUpper(x.r[t.s]) {
				return nil, false
			}
			role = role || t.is(cTitles) || speakerTitles[t.w]
		}
		if role && k+1 < len(ts) {
			return x.rolePerson(string(x.r[ts[0].s:ts[k-1].e]), ts[0].s), true
		}
		return nil, false
	}
	// a label closed by a dash within the sentence
	for k := 1; k < len(ts) && k <= 6; k++ {
		if isDash(ts[k].w) {
			if k+1 >= len(ts) {
				return nil, false
			}
			end := k
			if ts[end-1].w == "." {
				end--
			}
			if end == 0 {
				return nil, false
			}
			return x.labelPerson(ts[:end]), x.labelShape(ts[:end])
		}
		if ts[k].punct && ts[k].w != "." {
			break
		}
	}
	// a sentence that is the label alone
	if len(ts) > 6 {
		return nil, false
	}
	end := len(ts)
	if ts[end-1].w == "." {
		end--
	}
	if end == 0 {
		return nil, false
	}
	next := ts[len(ts)-1].e
	for next < len(x.r) && (x.r[next] == ' ' || x.r[next] == '\t') {
		next++
	}
	switch {
	case next < len(x.r) && isDashRune(x.r[next]):
		// "Mr. Brezhnev. — We agree."
	case next >= len(x.r) || x.r[next] == '\n' || x.r[next] == '\r':
		// alone on its line: the speech follows on the next line
		if !x.speechFollows(next) {
			return nil, false
		}
	case ts[len(ts)-1].w == "." && x.allCaps(ts[end-1]) && end >= 2:
		// "M.S. GORBACHEV. Good evening": capitals after initials
	default:
		return nil, false
	}
	return x.labelPerson(ts[:end]), x.labelShape(ts[:end])
}

// labelShape reports whether ts reads as a speaker label: a few
// capitalised words, initials or a person's name.
func (x *extractor) labelShape(ts []tok) bool {
	if len(ts) == 0 || len(ts) > 5 {
		return false
	}
	for _, t := range ts {
		if t.w == "." || t.ment && isPerson(t.refs) {
			continue
		}
		if t.refs != nil || t.punct || !unicode.IsUpper(x.r[t.s]) || labelWords[t.w] {
			return false
		}
	}
	return true
}

func isDash(w string) bool { return w == "—" || w == "–" || w == "-" }

func isDashRune(c rune) bool { return c == '—' || c == '–' }

// speechFollows reports whether the line after offset i (a line break) is
// speech: a long line, or a sentence of three words or more ("S komisiou
// súhlasím."), not another name of a list.
func (x *extractor) speechFollows(i int) bool {
	if i < len(x.r) && x.r[i] == '\r' {
		i++
	}
	if i >= len(x.r) || x.r[i] != '\n' {
		return false
	}
	i++
	n, words, last := 0, 1, ' '
	for i < len(x.r) && x.r[i] != '\n' {
		if x.r[i] == ' ' {
			words++
		} else if x.r[i] != '\r' {
			last = x.r[i]
		}
		i++
		n++
	}
	return n >= 40 || words >= 3 && strings.ContainsRune(".?!…", last)
}

// labelPerson resolves a speaker label of a few capitalised words.
func (x *extractor) labelPerson(ts []tok) []Ref {
	if len(ts) > 5 {
		return nil
	}
	var who []Ref
	last := -1
	for i, t := range ts {
		switch {
		case t.ment && isPerson(t.refs):
			if who != nil && who[0] != t.refs[0] {
				return nil
			}
			who = t.refs[:1]
			last = i
		case t.w == ".":
		case t.refs != nil || t.punct:
			return nil
		default:
			if !unicode.IsUpper(x.r[t.s]) || labelWords[t.w] {
				// "en" in "Comandante en Jefe"
				if i == 0 || i == len(ts)-1 || len(t.w) > 3 {
					return nil
				}
			}
			last = i
		}
	}
	if who != nil {
		return who
	}
	if last < 0 {
		return nil
	}
	key := foldName(string(x.r[ts[last].s:ts[last].e]))
	if who := x.participantNamed(key); who != nil {
		return who
	}
	if who := x.namedPerson(key); who != nil {
		return who
	}
	return x.rolePerson(string(x.r[ts[0].s:ts[last].e]), ts[0].s)
}

// participantNamed returns the participant of the title whose surname is
// key.
func (x *extractor) participantNamed(key string) []Ref {
	if len([]rune(key)) < 3 {
		return nil
	}
	for _, p := range x.d.Participants {
		f := strings.Fields(p)
		if len(f) > 0 && foldName(f[len(f)-1]) == key {
			return []Ref{{"Person", p}}
		}
	}
	return nil
}

// rolePerson returns the person the version introduces with the role
// label right before the name ("el Comandante en Jefe Fidel Castro Ruz",
// "President [Nkrumah]") or as the start of the name ("[Premier Zhou]"):
// the one person, or the one of the title's participants, or the one so
// introduced first, before the turns begin.
func (x *extractor) rolePerson(label string, at int) []Ref {
	lr := []rune(strings.ToLower(label))
	if len(lr) < 5 {
		return nil
	}
	var cands []Mention
	for _, m := range x.d.Mentions {
		if m.Class != "Person" || m.Version != x.vi || m.Start > len(x.r) || m.End > len(x.r) || m.Start >= m.End {
			continue
		}
		if x.runesAre(m.Start, lr) && m.Start+len(lr) < m.End && x.r[m.Start+len(lr)] == ' ' {
			cands = append(cands, m) // "[Premier Zhou]"
			continue
		}
		k := m.Start
		for k > 0 && x.r[k-1] == ' ' {
			k--
		}
		if k == m.Start || k < len(lr) || !x.runesAre(k-len(lr), lr) || k-len(lr) > 0 && isWordRune(x.r[k-len(lr)-1]) {
			continue
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 {
		return nil
	}
	one := func(ms []Mention) []Ref {
		for _, m := range ms[1:] {
			if m.Name != ms[0].Name {
				return nil
			}
		}
		return []Ref{{"Person", ms[0].Name}}
	}
	if who := one(cands); who != nil {
		return who
	}
	var parts []Mention
	for _, m := range cands {
		if slices.Contains(x.d.Participants, m.Name) {
			parts = append(parts, m)
		}
	}
	if len(parts) > 0 {
		return one(parts)
	}
	first := cands[0]
	for _, m := range cands[1:] {
		if m.Start < first.Start {
			first = m
		}
	}
	if first.Start < at {
		return []Ref{{"Person", first.Name}}
	}
	return nil
}

// runesAre reports whether the version's text at i reads lr, ignoring case.
func (x *extractor) runesAre(i int, lr []rune) bool {
	if i < 0 || i+len(lr) > len(x.r) {
		return false
	}
	for j := range lr {
		if unicode.ToLower(x.r[i+j]) != lr[j] {
			return false
		}
	}
	return true
}

// keyedInitial returns the person a key line gives the initial c ("K. =
// Bundeskanzler Dr. Helmut Kohl; J. = Präsident Boris Jelzin").
func (x *extractor) keyedInitial(c rune) []Ref {
	for i := 0; i+3 < len(x.r); i++ {
		if x.r[i] != c || x.r[i+1] != '.' || i > 0 && isWordRune(x.r[i-1]) {
			continue
		}
		j := i + 2
		for j < len(x.r) && x.r[j] == ' ' {
			j++
		}
		if j >= len(x.r) || x.r[j] != '=' {
			continue
		}
		// the first person named before the entry ends
		end := j
		for end < len(x.r) && x.r[end] != ';' && x.r[end] != '\n' && end < j+80 {
			end++
		}
		var who []Ref
		first := end
		for _, m := range x.d.Mentions {
			if m.Class == "Person" && m.Version == x.vi && m.Start > j && m.End <= end && m.Start < first {
				who, first = []Ref{{"Person", m.Name}}, m.Start
			}
		}
		return who
	}
	return nil
}

// performativeInform reads "I want to inform you of ...", "I have to tell
// you grave news", "we would like to inform you that ...": saying so is
// the act of informing, the speaker's to the one addressed. Only the
// present tense of the speaker's own wish or duty counts ("I wanted to
// tell you" and "I will inform you" are not yet done).
func (x *extractor) performativeInform(ts []tok, i int, sp span) bool {
	if i < 3 || ts[i-1].w != "to" || i+1 >= len(ts) || ts[i+1].pron != 2 || len(ts[i+1].refs) == 0 {
		return false
	}
	switch ts[i].w {
	case "inform", "tell", "notify":
	default:
		return false
	}
	k := i - 2
	if ts[k].w == "like" && k > 0 && (ts[k-1].w == "would" || ts[k-1].w == "should") {
		k--
	}
	if !performativeWants[ts[k].w] {
		return false
	}
	k--
	for k > 0 && (ts[k].w == "also" || ts[k].w == "now" || ts[k].w == "first" || ts[k].w == "just") {
		k--
	}
	if k < 0 || ts[k].pron != 1 || negated(ts, i-2) || inCondition(ts, i) {
		return false
	}
	who := x.speakerRef()
	if who == nil {
		return false
	}
	x.add(who, "informs", ts[i+1].refs[:1], sp, 0.7)
	return true
}

// performativeWants are the present-tense wishes and duties of
// "I want to inform you".
var performativeWants = set("want", "wish", "have", "must", "would", "should", "need")

// performativeTo reports whether the "to" at ts[to] follows the speaker's
// own present wish, duty or instruction ("I want to", "I would like to",
// "I am instructed to"): the act after it is done by saying so.
func performativeTo(ts []tok, to int) bool {
	k := to - 1
	if k < 1 {
		return false
	}
	if ts[k].w == "like" && (ts[k-1].w == "would" || ts[k-1].w == "should") {
		k--
	}
	if !performativeWants[ts[k].w] && !instructedWords[ts[k].w] {
		return false
	}
	k--
	for k > 0 && (ts[k].w == "also" || ts[k].w == "now" || ts[k].w == "am" || ts[k].w == "are" || ts[k].w == "have" || ts[k].w == "been") {
		k--
	}
	return k >= 0 && ts[k].pron == 1
}

var instructedWords = set("instructed", "authorized", "authorised", "charged", "requested", "asked", "directed")
