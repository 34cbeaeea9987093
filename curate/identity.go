package curate

import (
	"slices"

	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// MethodCurated is the dg:linkMethod of a merge a curator made.
const MethodCurated = "curated"

// clusters is a union of entities under merges, each cluster with its
// survivor as root.
type clusters struct {
	parent map[rdf.IRI]rdf.IRI
	pinned map[rdf.IRI]bool // survivors a curator chose
	apart  []*Correction
}

func (c *clusters) root(e rdf.IRI) rdf.IRI {
	for {
		p, ok := c.parent[e]
		if !ok {
			return e
		}
		e = p
	}
}

func (c *clusters) members(r rdf.IRI) []rdf.IRI {
	out := []rdf.IRI{r}
	for e := range c.parent {
		if e != r && c.root(e) == r {
			out = append(out, e)
		}
	}
	return out
}

// blocked returns the keep-apart correction that forbids joining the
// clusters of a and b, or nil.
func (c *clusters) blocked(a, b rdf.IRI) *Correction {
	ra, rb := c.root(a), c.root(b)
	for _, k := range c.apart {
		x, y := c.root(k.Entity), c.root(k.Other)
		if x == ra && y == rb || x == rb && y == ra {
			return k
		}
	}
	return nil
}

// curatedClusters joins the curated merges, in the order they were made.
func (s *Set) curatedClusters() *clusters {
	c := &clusters{parent: map[rdf.IRI]rdf.IRI{}, pinned: map[rdf.IRI]bool{}, apart: s.apart}
	for _, m := range s.merges {
		from, to := c.root(m.Entity), c.root(m.Other)
		if from == to {
			continue
		}
		c.parent[from] = to
		c.pinned[to] = true
	}
	return c
}

// applyIdentity combines the identity pass's merges (raw: X owl:sameAs Y,
// X dg:linkMethod M) with the curators': a curated merge always holds, and
// a merge of the pass that would join two entities kept apart is refused.
// Each merged entity points at its cluster's survivor.
func (s *Set) applyIdentity(g rdf.IRI, raw []rdf.Quad) ([]rdf.Quad, []*Correction) {
	if len(s.merges) == 0 && len(s.apart) == 0 {
		return raw, nil
	}
	c := s.curatedClusters()
	method := map[rdf.IRI]string{}
	type link struct{ from, to rdf.IRI }
	var auto []link
	for _, q := range raw {
		from, ok := q.S.(rdf.IRI)
		if !ok {
			continue
		}
		switch q.P {
		case vocab.OWLSameAs:
			if to, ok := q.O.(rdf.IRI); ok {
				auto = append(auto, link{from, to})
			}
		case vocab.DGLinkMethod:
			if l, ok := q.O.(rdf.Literal); ok {
				method[from] = l.Lexical
			}
		}
	}
	slices.SortFunc(auto, func(a, b link) int {
		if a.from != b.from {
			return compareIRI(a.from, b.from)
		}
		return compareIRI(a.to, b.to)
	})
	for _, l := range auto {
		rf, rt := c.root(l.from), c.root(l.to)
		if rf == rt || c.blocked(rf, rt) != nil {
			continue
		}
		if c.pinned[rf] && !c.pinned[rt] {
			c.parent[rt] = rf
		} else {
			c.parent[rf] = rt
		}
	}
	for _, m := range s.merges {
		method[m.Entity] = MethodCurated
	}
	var out []rdf.Quad
	applied := slices.Clone(s.merges)
	applied = append(applied, s.apart...)
	ents := make([]rdf.IRI, 0, len(c.parent))
	for e := range c.parent {
		ents = append(ents, e)
	}
	slices.Sort(ents)
	for _, e := range ents {
		m := method[e]
		if m == "" {
			m = MethodCurated
		}
		out = append(out, rdf.Quad{S: e, P: vocab.OWLSameAs, O: c.root(e), G: g},
			rdf.Quad{S: e, P: vocab.DGLinkMethod, O: rdf.NewString(m), G: g})
	}
	slices.SortFunc(out, rdf.CompareQuads)
	if sameStatements(out, raw, statementHashes(raw)) {
		return raw, applied
	}
	return out, applied
}

func compareIRI(a, b rdf.IRI) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkMerge refuses a merge that is of an entity with itself, closes a
// cycle of merges, re-merges an entity already merged, or joins two
// entities a curator kept apart.
func (s *Set) checkMerge(m *Correction) error {
	if m.Entity == m.Other {
		return refuse(ErrInvalid, "cannot merge %s with itself", m.Entity)
	}
	c := s.curatedClusters()
	for _, x := range s.merges {
		if x.Entity == m.Entity {
			return refuse(ErrConflict, "%s is already merged into %s (correction %s); undo that first", m.Entity, x.Other, x.ID())
		}
	}
	if c.root(m.Other) == m.Entity || c.root(m.Other) == c.root(m.Entity) && c.root(m.Entity) != m.Entity {
		return refuse(ErrConflict, "merging %s into %s would make a cycle of merges: %s is already merged into %s", m.Entity, m.Other, m.Other, c.root(m.Other))
	}
	if k := c.blocked(m.Entity, m.Other); k != nil {
		return refuse(ErrConflict, "merging %s into %s conflicts with correction %s, which keeps %s and %s apart (by %s: %s)",
			m.Entity, m.Other, k.ID(), k.Entity, k.Other, k.By, k.Reason)
	}
	return nil
}

// checkApart refuses keeping apart an entity and itself, or two entities
// a curated merge joins.
func (s *Set) checkApart(k *Correction) error {
	if k.Entity == k.Other {
		return refuse(ErrInvalid, "cannot keep %s apart from itself", k.Entity)
	}
	c := s.curatedClusters()
	if c.root(k.Entity) == c.root(k.Other) {
		for _, m := range s.merges {
			if slices.Contains(c.members(c.root(k.Entity)), m.Entity) {
				return refuse(ErrConflict, "keeping %s and %s apart conflicts with correction %s, which merges %s into %s; undo it first",
					k.Entity, k.Other, m.ID(), m.Entity, m.Other)
			}
		}
	}
	return nil
}
