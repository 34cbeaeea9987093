package curate

import (
	"context"
	"fmt"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Orphan is a correction in force whose target the store no longer holds
// (a document re-extracted without the claim, an entity renamed by a new
// gazetteer). It stays in the curation graph, and applies again when its
// target comes back.
type Orphan struct {
	Correction *Correction
	Msg        string
}

func (o Orphan) String() string {
	c := o.Correction
	return fmt.Sprintf("correction %s (%s, by %s): %s", c.ID(), c.Describe(), c.By, o.Msg)
}

// Orphans lists the corrections in force that no longer find their target.
func Orphans(ctx context.Context, s *graph.Store) ([]Orphan, error) {
	set, err := Load(ctx, s)
	if err != nil {
		return nil, err
	}
	var out []Orphan
	exists := func(e rdf.IRI) (bool, error) {
		n, err := s.CountUpTo(ctx, e, vocab.RDFType, nil, nil, 1)
		return n > 0, err
	}
	raws := map[rdf.IRI][]rdf.Quad{}
	for _, c := range set.Active {
		switch c.Kind {
		case Merge, KeepApart:
			for _, e := range []rdf.IRI{c.Entity, c.Other} {
				ok, err := exists(e)
				if err != nil {
					return nil, err
				}
				if !ok {
					out = append(out, Orphan{c, fmt.Sprintf("no entity %s in the store", e)})
				}
			}
			continue
		}
		gs, err := affected(ctx, s, c)
		if err != nil {
			return nil, err
		}
		found := false
		for _, g := range gs {
			raw, ok := raws[g]
			if !ok {
				if raw, err = Raw(ctx, s, g); err != nil {
					return nil, err
				}
				raws[g] = raw
			}
			one := NewSet(set.m, []*Correction{c})
			if _, applied := one.Apply(g, raw); len(applied) > 0 {
				found = true
				break
			}
		}
		if !found {
			out = append(out, Orphan{c, orphanMsg(c)})
		}
	}
	return out, nil
}

func orphanMsg(c *Correction) string {
	switch c.Kind {
	case Reject, Confirm, Edit:
		return fmt.Sprintf("%s no longer has a claim %s said in %q", c.Doc, c.Claim.Relation, c.Claim.Evidence)
	case AddClaim, AddMention:
		return fmt.Sprintf("%s is gone or no longer has the text its evidence quotes", c.Doc)
	case ConfirmPseudonym, DisputePseudonym:
		return fmt.Sprintf("%s no longer uses the cover name %q for %s", c.Doc, c.Alias, c.Entity)
	}
	return fmt.Sprintf("no graph describes %s any more", c.Entity)
}
