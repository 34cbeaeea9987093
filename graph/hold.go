package graph

import (
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
)

// holdValues works around a fault in Cayley's key-value writer. Within one
// ApplyDeltas, a value whose reference count falls overall (it is in more
// deleted quads than added ones) is not looked up for the added quads, and
// those are written without it: replacing a graph {s p x . s q "a"} with
// {s p y . t q "b"} left "s p y" stored with no subject, unreadable, and
// `docgraph check` found claims without subjects after a re-ingest.
//
// For each such value used by an added quad, holdValues returns as many
// placeholder quads in the hidden meta graph as keep its count from
// falling. They are added in the same transaction as the batch and deleted
// in a second one right after; a crash between the two leaves only
// placeholders, which nothing reads and the next write of the same value
// does not mind. Other backends need no placeholders.
func (s *Store) holdValues(deltas []cgraph.Delta) []cgraph.Delta {
	if _, ok := s.qs.(*kv.QuadStore); !ok {
		return nil
	}
	net := map[kvlayout.Hash]int{}
	vals := map[kvlayout.Hash]quad.Value{}
	added := map[kvlayout.Hash]bool{}
	for _, d := range deltas {
		for _, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				continue
			}
			h := kvlayout.HashOf(v)
			if d.Action == cgraph.Add {
				net[h]++
				added[h] = true
			} else {
				net[h]--
			}
			vals[h] = v
		}
	}
	var hold []cgraph.Delta
	meta := quad.IRI(metaGraph)
	for h, n := range net {
		if n >= 0 || !added[h] {
			continue
		}
		for i := range -n {
			hold = append(hold, cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{
				Subject: meta, Predicate: quad.IRI(fmt.Sprintf("%s:hold:%d", metaGraph, i)), Object: vals[h], Label: meta}})
		}
	}
	return hold
}
