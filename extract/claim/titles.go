package claim

import "strings"

// A person named once with their office ("Prince Souvanna Phouma",
// "Governor Harriman") is "the Prince", "the Governor" for the rest of the
// record: "The Prince then set out his plan. He proposed a government of
// national union" is Souvanna Phouma's proposal. An office held by two
// persons the record names stands for the one it records a conversation
// with, else for neither.

// officeWords are the offices that stand for their holder.
var officeWords = set("prince", "princess", "governor", "chairman", "premier", "president", "ambassador", "minister",
	"secretary", "marshal", "general", "chancellor", "king", "queen", "shah", "emperor", "senator", "admiral",
	"counsellor", "counselor", "envoy", "commissioner", "generalissimo", "cardinal", "ayatollah", "sheikh", "emir",
	"colonel", "consul", "nuncio", "archbishop", "patriarch", "metropolitan")

// officeHolders maps each office word that stands before exactly one
// person's name in the version to that person.
func (x *extractor) officeHolders(toks [][]tok) map[string]Ref {
	var out map[string]Ref
	for _, ts := range toks {
		for k, t := range ts {
			if !t.ment || !isPerson(t.refs) {
				continue
			}
			// the office before the name, or the mention's own first word
			// ("[Prince Souvanna Phouma]")
			w := ""
			if k > 0 && officeWords[ts[k-1].w] && ts[k-1].refs == nil {
				w = ts[k-1].w
			} else if sp := runeIndex(x.r[t.s:t.e], ' '); sp > 2 && sp < 16 {
				if f := strings.ToLower(string(x.r[t.s : t.s+sp])); officeWords[f] {
					w = f
				}
			}
			if w == "" {
				continue
			}
			if out == nil {
				out = map[string]Ref{}
			}
			if p, ok := out[w]; ok && p != t.refs[0] {
				// two holders: the one the record is a conversation with,
				// else neither
				switch {
				case x.participant(p) && !x.participant(t.refs[0]):
				case x.participant(t.refs[0]) && !x.participant(p) && p.Name != "":
					out[w] = t.refs[0]
				default:
					out[w] = Ref{}
				}
				continue
			}
			out[w] = t.refs[0]
		}
	}
	return out
}

// officeRefs gives "the Prince" (an office word after "the", with no name
// after it) the one person the record names with that office.
func officeRefs(ts []tok, holders map[string]Ref) {
	if len(holders) == 0 {
		return
	}
	for k := 1; k < len(ts); k++ {
		t := &ts[k]
		if t.refs != nil || t.punct || !officeWords[t.w] || ts[k-1].w != "the" {
			continue
		}
		p, ok := holders[t.w]
		if !ok || p.Name == "" {
			continue
		}
		if k+1 < len(ts) && (ts[k+1].ment || ts[k+1].w == "of" || officeWords[ts[k+1].w]) {
			continue // "the President of Egypt", "the Minister Novák": named otherwise
		}
		t.refs = []Ref{p}
	}
}

// participant reports whether p is one of the persons the record's title
// names as its participants.
func (x *extractor) participant(p Ref) bool {
	for _, n := range x.d.Participants {
		if n == p.Name {
			return true
		}
	}
	return false
}

func runeIndex(r []rune, c rune) int {
	for i, x := range r {
		if x == c {
			return i
		}
	}
	return -1
}

// namedPerson is the one person the version's mentions name with the
// surname key (folded), to resolve a speaker label the recogniser did not
// know ("Masaryk:" after "ministr zahraničních věcí Jan Masaryk"); nil
// where none or two do.
func (x *extractor) namedPerson(key string) []Ref {
	if len(key) < 4 {
		return nil
	}
	var who []Ref
	for _, m := range x.d.Mentions {
		if m.Class != "Person" || m.Version != x.vi {
			continue
		}
		f := strings.Fields(m.Name)
		if len(f) == 0 || foldName(f[len(f)-1]) != key {
			continue
		}
		if who != nil && who[0].Name != m.Name {
			return nil
		}
		who = []Ref{{"Person", m.Name}}
	}
	return who
}

// organOfAuthor: "The Central Committee of the PLA proposes" in a letter
// the Central Committee of the Party of Labour of Albania writes: the
// organ of the party named just before the verb at ts[i] is the writer.
func (x *extractor) organOfAuthor(ts []tok, i int) []Ref {
	if i < 3 || x.author.Name == "" || ts[i-1].refs == nil || ts[i-1].pron != 0 {
		return nil
	}
	p := ts[i-1].refs[0]
	k := i - 2
	if ts[k].w == "the" {
		k--
	}
	if k < 1 || ts[k].w != "of" || ts[k-1].refs != nil || ts[k-1].punct {
		return nil
	}
	a := x.author.Name
	if strings.HasSuffix(a, " of "+p.Name) || strings.HasSuffix(a, " of the "+p.Name) {
		return []Ref{x.author}
	}
	// or the party's initials, whatever the recogniser made of them
	// ("PLA" for the Party of Labour of Albania)
	if _, tail, ok := strings.Cut(a, " of "); ok && string(x.r[ts[i-1].s:ts[i-1].e]) == initials(strings.TrimPrefix(tail, "the ")) {
		return []Ref{x.author}
	}
	return nil
}

// initials are the first letters of a name's capitalised words: "Party of
// Labour of Albania" gives "PLA".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	if b.Len() < 2 {
		return "\x00"
	}
	return b.String()
}

// colonLabel reports whether a sentence opens with a speaker's label set
// off by a colon ("Kosygin:", "Comrade Kádár:").
func colonLabel(ts []tok) bool {
	for j := 1; j < len(ts) && j < 6; j++ {
		if ts[j].w == ":" {
			return true
		}
	}
	return false
}
