package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/docgraph/docgraph/extract/entity"
	"github.com/docgraph/docgraph/vocab"
)

// Link methods: how an entity was tied to its gazetteer entry (the
// dg:linkMethod of the document's graph).
const (
	LinkLabel      = "label"      // its canonical name or a label, as written
	LinkPseudonym  = "pseudonym"  // a cover name the gazetteer lists
	LinkInitials   = "initials"   // a surname with initials or given name that agree
	LinkContext    = "context"    // a generic body read as the document's country's
	LinkCollective = "collective" // a demonym ("the Soviets")
	LinkFuzzy      = "fuzzy"      // a misread form of a label
)

// linkMethod is how a mention links its entity; "" for names the gazetteer
// lacks.
func linkMethod(mm entity.Mention) string {
	if mm.Entry == nil {
		return ""
	}
	switch mm.By {
	case entity.ByPseudonym:
		return LinkPseudonym
	case entity.ByInitials:
		return LinkInitials
	case entity.ByContext:
		return LinkContext
	case entity.ByCollective:
		return LinkCollective
	case entity.ByFuzzy:
		return LinkFuzzy
	}
	return LinkLabel
}

// linkRank orders link methods from the most to the least direct.
var linkRank = map[string]int{LinkLabel: 1, LinkInitials: 2, LinkPseudonym: 3, LinkContext: 4, LinkCollective: 5, LinkFuzzy: 6}

// personName splits a person's name into the first letters of its given
// names or initials and its folded surname ("V.V. Grishin" -> "vv",
// "grishin"). East Asian names, written family name first, give none.
func personName(name string) (initials, surname string) {
	ws := strings.Fields(strings.ReplaceAll(name, ".", ". "))
	if len(ws) == 0 {
		return "", ""
	}
	last := ws[len(ws)-1]
	surname = normKey(strings.TrimSuffix(strings.TrimSuffix(last, "'s"), "’s"))
	var b strings.Builder
	for _, w := range ws[:len(ws)-1] {
		r := []rune(strings.ToLower(w))
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		c := r[0]
		if c == 'j' || c == 'y' {
			c = 'i'
		}
		b.WriteRune(c)
	}
	return b.String(), surname
}

// unify makes one entity of each person the document names in several
// ways: a bare surname ("Musatov") or initials ("S. Kania") join the one
// fuller name with that surname ("Valeri Musatov", "Stanislaw Kania");
// a surname the gazetteer links only bare joins the one person whose
// given name blocked that link ("Robert Kennedy ... Kennedy said"); names
// whose first letters contradict stay apart. An entity named by a
// gazetteer entry of another class takes that entry's class.
func (x *extractor) unify() {
	g := x.m.Gazetteer()
	refs := make([]EntityRef, 0, len(x.ents))
	for ref := range x.ents {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].Class != refs[j].Class {
			return refs[i].Class < refs[j].Class
		}
		return refs[i].Name < refs[j].Name
	})
	// a class the gazetteer contradicts ("Soviet Union" as a Person)
	for _, ref := range refs {
		if e := g.Lookup(ref.Name); e != nil && e.Class != ref.Class {
			x.merge(ref, EntityRef{Class: e.Class, Name: e.Name}, e)
		}
	}
	type person struct {
		ref      EntityRef
		initials string
		surname  string
		bare     bool // named by the surname alone
	}
	var ps []person
	for _, ref := range refs {
		en, ok := x.ents[ref]
		if !ok || ref.Class != vocab.ClassPerson {
			continue
		}
		ini, sur := personName(ref.Name)
		if en.Linked {
			// the forms the document wrote decide whether it is bare
			bare := len(en.Labels) > 0
			for _, l := range en.Labels {
				if i, _ := personName(l.Text); i != "" {
					bare = false
				}
			}
			if bare {
				ini = "" // the document wrote the surname alone
			}
			ps = append(ps, person{ref, ini, sur, bare && en.Blocked == ""})
			continue
		}
		ps = append(ps, person{ref, ini, sur, ini == ""})
	}
	for _, p := range ps {
		if _, ok := x.ents[p.ref]; !ok || p.surname == "" {
			continue
		}
		linked := x.ents[p.ref].Linked
		if linked && !p.bare {
			continue
		}
		// the fuller names this one may be part of
		var to []person
		for _, q := range ps {
			if q.ref == p.ref || q.surname != p.surname || q.initials == "" {
				continue
			}
			if _, ok := x.ents[q.ref]; !ok {
				continue
			}
			if linked && x.ents[q.ref].Blocked == "" {
				continue // a bare gazetteer surname moves only to a blocked fuller name
			}
			if p.initials != "" && (len(q.initials) < len(p.initials) || !strings.HasPrefix(q.initials, p.initials[:1]) || q.ref.Name == p.ref.Name) {
				continue
			}
			if p.initials != "" && len(q.initials) == len(p.initials) && !fullerGiven(q.ref.Name, p.ref.Name) {
				continue
			}
			to = append(to, q)
		}
		if len(to) == 1 {
			x.merge(p.ref, to[0].ref, nil)
		}
	}
}

// fullerGiven reports whether a's given names are written out where b's are
// initials ("Stanislaw Kania" over "S. Kania").
func fullerGiven(a, b string) bool {
	return strings.Count(a, ".") < strings.Count(b, ".")
}

// merge moves entity from into entity to (creating it as e's where it does
// not exist), and every reference to it.
func (x *extractor) merge(from, to EntityRef, e *vocab.Entry) {
	src, ok := x.ents[from]
	if !ok || from == to {
		return
	}
	dst, ok := x.ents[to]
	if !ok {
		dst = x.entity(to, e)
		if e == nil {
			dst.Linked = src.Linked
		}
	}
	dst.Mentions = append(dst.Mentions, src.Mentions...)
	for _, l := range src.Labels {
		found := false
		for _, m := range dst.Labels {
			found = found || m == l
		}
		if !found {
			dst.Labels = append(dst.Labels, l)
		}
	}
	for _, r := range src.Roles {
		dst.addRole(r)
	}
	if dst.LinkMethod == "" {
		dst.LinkMethod = src.LinkMethod
	}
	delete(x.ents, from)
	r := x.r
	for _, list := range []*[]EntityRef{&r.Authors, &r.Recipients, &r.Via, &r.Translator, &r.Associated} {
		out := (*list)[:0]
		for _, ref := range *list {
			if ref == from {
				ref = to
			}
			out = appendRef(out, ref)
		}
		*list = out
	}
	for i := range r.Aliases {
		if r.Aliases[i].Of == from {
			r.Aliases[i].Of = to
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		for _, p := range []*EntityRef{&c.Subject, &c.Object, &c.Attributed} {
			if *p == from {
				*p = to
			}
		}
	}
}

func (en *Entity) addRole(role string) {
	if role == "" {
		return
	}
	for _, r := range en.Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	en.Roles = append(en.Roles, role)
}
