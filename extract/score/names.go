package score

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/docgraph/docgraph/vocab"
)

// fold compares names as corpus/README.md says: without case, accents or
// punctuation.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// names resolves names to gazetteer entries: by canonical name first, then
// by any label or pseudonym that only one entry carries.
type names struct {
	canon map[string]*vocab.Entry
	label map[string][]*vocab.Entry
}

func newNames(g *vocab.Gazetteer) *names {
	n := &names{canon: map[string]*vocab.Entry{}, label: map[string][]*vocab.Entry{}}
	if g == nil {
		return n
	}
	for _, e := range g.Entries {
		n.canon[fold(e.Name)] = e
	}
	for _, e := range g.Entries {
		for _, ls := range [][]vocab.Label{e.Labels, e.Pseudonyms} {
			for _, l := range ls {
				k := fold(l.Text)
				if k == "" || contains(n.label[k], e) {
					continue
				}
				n.label[k] = append(n.label[k], e)
			}
		}
	}
	return n
}

func contains(es []*vocab.Entry, e *vocab.Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

func (n *names) resolve(name string) *vocab.Entry {
	k := fold(name)
	if e, ok := n.canon[k]; ok {
		return e
	}
	if es := n.label[k]; len(es) == 1 {
		return es[0]
	}
	return nil
}

// candidate is an extracted name with what else identifies it.
type candidate struct {
	Name     string
	Labels   []string
	Wikidata string
}

// match reports whether an extracted name stands for the gold one.
func (n *names) match(gold, goldWD string, c candidate) bool {
	if goldWD != "" && c.Wikidata == goldWD {
		return true
	}
	gk := fold(gold)
	if gk == fold(c.Name) {
		return true
	}
	for _, l := range c.Labels {
		if fold(l) == gk {
			return true
		}
	}
	ge := n.resolve(gold)
	if ge == nil {
		return false
	}
	if ce := n.resolve(c.Name); ce != nil {
		return ce == ge
	}
	// an unresolved extracted name that is one of the gold entity's labels
	ck := fold(c.Name)
	for _, ls := range [][]vocab.Label{ge.Labels, ge.Pseudonyms} {
		for _, l := range ls {
			if fold(l.Text) == ck {
				return true
			}
		}
	}
	return false
}
