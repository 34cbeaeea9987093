package graph

import (
	"context"
	"fmt"
	"iter"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"

	"github.com/docgraph/docgraph/rdf"
)

// The read path of embedded stores. Cayley's generic one costs, per quad,
// a read transaction and four value lookups (QuadStore.Quad); here a match
// resolves its bound terms in one transaction, scans one index in another,
// compares node ids instead of terms, and turns ids into terms through a
// cache, looking up the misses of a whole batch of quads at once. Node ids
// are never reused by Cayley's key-value store (they come from a counter),
// so an id's term never changes and the cache needs no invalidation.

// termCacheMax bounds the id-to-term cache; when full it starts over.
const termCacheMax = 1 << 21

// readBatch is how many quads are read from the scan before their node ids
// are resolved together.
const readBatch = 512

// termCache maps node ids of an embedded store to terms, and back. The
// way back can go stale (a node deleted by a write and added again gets a
// new id), so a match that used it and found nothing looks its terms up
// again in the store.
type termCache struct {
	mu  sync.RWMutex
	m   map[uint64]rdf.Term
	ids map[rdf.Term]uint64
}

func (c *termCache) id(t rdf.Term) (uint64, bool) {
	c.mu.RLock()
	id, ok := c.ids[t]
	c.mu.RUnlock()
	return id, ok
}

func (c *termCache) get(id uint64) (rdf.Term, bool) {
	c.mu.RLock()
	t, ok := c.m[id]
	c.mu.RUnlock()
	return t, ok
}

func (c *termCache) put(ids []uint64, ts []rdf.Term) {
	c.mu.Lock()
	if c.m == nil || len(c.m)+len(ids) > termCacheMax {
		c.m = make(map[uint64]rdf.Term, 1024)
		c.ids = make(map[rdf.Term]uint64, 1024)
	}
	for i, id := range ids {
		c.m[id] = ts[i]
		c.ids[ts[i]] = id
	}
	c.mu.Unlock()
}

// MatchTriples returns the triples of the union of all graphs matching a
// pattern, each once, as quads with a nil graph: the default graph of a
// SPARQL dataset over the store.
func (s *Store) MatchTriples(ctx context.Context, subj, pred, obj rdf.Term) iter.Seq2[rdf.Quad, error] {
	if kqs, ok := s.qs.(*kv.QuadStore); ok {
		return s.kvMatch(ctx, kqs, [4]rdf.Term{subj, pred, obj, nil}, true)
	}
	return func(yield func(rdf.Quad, error) bool) {
		full := subj != nil && pred != nil && obj != nil
		seen := map[rdf.Triple]bool{}
		for q, err := range s.Match(ctx, subj, pred, obj, nil) {
			if err != nil {
				yield(q, err)
				return
			}
			q.G = nil
			if full {
				yield(q, nil)
				return
			}
			if t := q.Triple(); !seen[t] {
				seen[t] = true
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}

// resolve finds the node ids of the bound terms and of the meta graph,
// from the cache when fresh is false. ok is false when a bound term is
// unknown to the store. cached tells whether the cache answered any.
func (s *Store) resolve(ctx context.Context, kqs *kv.QuadStore, bound [4]rdf.Term, fresh bool) (want [4]uint64, meta uint64, ok, cached bool, err error) {
	var vals []quad.Value
	var at []int
	for i, t := range bound {
		if t == nil {
			continue
		}
		if !fresh {
			if id, hit := s.terms.id(t); hit {
				want[i] = id
				cached = true
				continue
			}
		}
		at = append(at, i)
		vals = append(vals, toValue(t))
	}
	meta, hit := s.terms.id(metaGraph)
	if !hit {
		at = append(at, 4)
		vals = append(vals, toValue(metaGraph))
	}
	if len(vals) > 0 {
		refs, err := kqs.RefsOf(ctx, vals)
		if err != nil {
			return want, 0, false, false, err
		}
		for j, i := range at {
			id := refID(refs[j])
			if i == 4 {
				meta = id
				if id != 0 {
					s.terms.put([]uint64{id}, []rdf.Term{metaGraph})
				}
				continue
			}
			if id == 0 {
				return want, meta, false, cached, nil // a term unknown to the store matches nothing
			}
			want[i] = id
			s.terms.put([]uint64{id}, []rdf.Term{bound[i]})
		}
	}
	return want, meta, true, cached, nil
}

// kvMatch is match on a key-value store; distinct yields the union's
// triples once each, with a nil graph (MatchTriples).
func (s *Store) kvMatch(ctx context.Context, kqs *kv.QuadStore, bound [4]rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		want, meta, ok, cached, err := s.resolve(ctx, kqs, bound, false)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		if !ok && cached {
			want, meta, ok, _, err = s.resolve(ctx, kqs, bound, true)
			cached = false
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
		}
		if !ok {
			return
		}
		n, stopped := s.kvScan(ctx, kqs, bound, want, meta, distinct, yield)
		if n > 0 || stopped || !cached {
			return
		}
		// Nothing found with ids from the cache: make sure none was stale.
		want2, meta, ok, _, err := s.resolve(ctx, kqs, bound, true)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		if ok && want2 != want {
			s.kvScan(ctx, kqs, bound, want2, meta, distinct, yield)
		}
	}
}

// kvScan yields the quads with the wanted node ids (0 = any), and reports
// how many it yielded and whether it stopped early (the consumer stopped
// or an error was yielded).
func (s *Store) kvScan(ctx context.Context, kqs *kv.QuadStore, bound [4]rdf.Term, want [4]uint64, meta uint64, distinct bool, yield func(rdf.Quad, error) bool) (n int, stopped bool) {
	{
		var seen map[[3]uint64]struct{}
		full := want[0] != 0 && want[1] != 0 && want[2] != 0
		if distinct && !full {
			seen = map[[3]uint64]struct{}{}
		}

		sc := kvScanner(kqs, want)
		defer sc.Close()

		// The first batch is small, for callers that stop after a row or two.
		limit := 16
		batch := make([][4]uint64, 0, limit)
		var missing []uint64
		var missRefs []cgraph.Ref
		flush := func() bool {
			if err := ctx.Err(); err != nil {
				yield(rdf.Quad{}, err)
				return false
			}
			// Resolve the ids of the batch not in the cache.
			missing = missing[:0]
			asked := map[uint64]bool{}
			for _, b := range batch {
				for _, id := range b {
					if id == 0 || asked[id] {
						continue
					}
					if _, ok := s.terms.get(id); !ok {
						asked[id] = true
						missing = append(missing, id)
					}
				}
			}
			if len(missing) > 0 {
				missRefs = missRefs[:0]
				for _, id := range missing {
					missRefs = append(missRefs, kv.Int64Value(id))
				}
				qvs, err := kqs.ValuesOf(ctx, missRefs)
				if err != nil {
					yield(rdf.Quad{}, err)
					return false
				}
				ts := make([]rdf.Term, len(qvs))
				for i, v := range qvs {
					if v == nil {
						yield(rdf.Quad{}, fmt.Errorf("graph: node %d has no value", missing[i]))
						return false
					}
					if ts[i], err = fromValue(v); err != nil {
						yield(rdf.Quad{}, err)
						return false
					}
				}
				s.terms.put(missing, ts)
			}
			for _, b := range batch {
				var q rdf.Quad
				var parts [4]rdf.Term
				for i, id := range b {
					if id == 0 {
						continue
					}
					if bound[i] != nil {
						parts[i] = bound[i]
						continue
					}
					t, ok := s.terms.get(id)
					if !ok {
						// Evicted by another reader between put and get: look it up alone.
						v, err := kqs.NameOf(kv.Int64Value(id))
						if err == nil {
							t, err = fromValue(v)
						}
						if err != nil {
							yield(rdf.Quad{}, err)
							return false
						}
					}
					parts[i] = t
				}
				q.S, q.P, q.O, q.G = parts[0], parts[1], parts[2], parts[3]
				if distinct {
					q.G = nil
				}
				n++
				if !yield(q, nil) {
					return false
				}
				if distinct && full {
					return false
				}
			}
			batch = batch[:0]
			limit = min(limit*4, readBatch)
			return true
		}
		for sc.Next(ctx) {
			p, ok := sc.Result().(*cproto.Primitive)
			if !ok || p == nil {
				continue
			}
			ids := [4]uint64{p.Subject, p.Predicate, p.Object, p.Label}
			if ids[0] == 0 || p.Deleted {
				continue
			}
			match := true
			for i, w := range want {
				if w != 0 && ids[i] != w {
					match = false
					break
				}
			}
			if !match || (want[3] == 0 && meta != 0 && ids[3] == meta) {
				continue
			}
			if seen != nil {
				k := [3]uint64{ids[0], ids[1], ids[2]}
				if _, dup := seen[k]; dup {
					continue
				}
				seen[k] = struct{}{}
			}
			batch = append(batch, ids)
			if len(batch) >= limit && !flush() {
				return n, true
			}
		}
		if err := sc.Err(); err != nil {
			yield(rdf.Quad{}, err)
			return n, true
		}
		return n, !flush()
	}
}

func refID(r cgraph.Ref) uint64 {
	if v, ok := r.(kv.Int64Value); ok {
		return uint64(v)
	}
	return 0
}

func dirIndex(d quad.Direction) int {
	switch d {
	case quad.Subject:
		return 0
	case quad.Predicate:
		return 1
	case quad.Object:
		return 2
	}
	return 3
}

// kvScanner scans the index whose leading directions are all bound, the
// most of them, or every quad when nothing is bound.
func kvScanner(kqs *kv.QuadStore, want [4]uint64) scanner {
	best, bestN := -1, 0
	for i, ind := range kvIndexes {
		n := 0
		for _, d := range ind.Dirs {
			if want[dirIndex(d)] == 0 {
				break
			}
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return kqs.QuadsAllIterator().Iterate()
	}
	ind := kvIndexes[best]
	ids := make([]uint64, bestN)
	for i, d := range ind.Dirs[:bestN] {
		ids[i] = want[dirIndex(d)]
	}
	return kv.IndexScan{Index: ind, Values: ids}.BuildIterator(kqs).Iterate()
}

// CountUpTo counts the quads matching a pattern as Match does (a nil graph
// matches every graph), stopping at limit when limit > 0. On embedded
// stores it reads node ids only, never their terms, so it is cheap enough
// for a query planner's estimates.
func (s *Store) CountUpTo(ctx context.Context, subj, pred, obj, g rdf.Term, limit int) (int, error) {
	if g == metaGraph {
		return 0, nil
	}
	kqs, ok := s.qs.(*kv.QuadStore)
	if !ok {
		n := 0
		for _, err := range s.Match(ctx, subj, pred, obj, g) {
			if err != nil {
				return n, err
			}
			if n++; limit > 0 && n >= limit {
				break
			}
		}
		return n, nil
	}
	bound := [4]rdf.Term{subj, pred, obj, g}
	want, meta, found, _, err := s.resolve(ctx, kqs, bound, true)
	if err != nil || !found {
		return 0, err
	}
	sc := kvScanner(kqs, want)
	defer sc.Close()
	n := 0
	for sc.Next(ctx) {
		p, ok := sc.Result().(*cproto.Primitive)
		if !ok || p == nil || p.Deleted || p.Subject == 0 {
			continue
		}
		ids := [4]uint64{p.Subject, p.Predicate, p.Object, p.Label}
		match := true
		for i, w := range want {
			if w != 0 && ids[i] != w {
				match = false
				break
			}
		}
		if !match || (want[3] == 0 && meta != 0 && ids[3] == meta) {
			continue
		}
		if n++; limit > 0 && n >= limit {
			break
		}
	}
	return n, sc.Err()
}
