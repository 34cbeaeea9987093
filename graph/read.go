package graph

import (
	"context"
	"fmt"
	"iter"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// The read path of embedded stores. Cayley's generic one costs, per quad,
// a read transaction and four value lookups (QuadStore.Quad); here a match
// resolves its bound terms in one transaction, scans one index in another,
// compares node ids instead of terms, and turns ids into terms through a
// cache, looking up the misses of a whole batch of quads at once. Node ids
// are never reused by Cayley's key-value store (they come from a counter),
// so an id's term never changes and the cache needs no invalidation.

// termCacheGen is the size of one generation of the id-to-term cache:
// when the current generation is full it becomes the old one and the one
// before is dropped, so the cache holds at most two generations.
const termCacheGen = 1 << 17

// readBatch is how many quads are read from the scan before their node ids
// are resolved together.
const readBatch = 512

// termCache maps node ids of an embedded store to terms, and back. The
// way back can go stale (a node deleted by a write and added again gets a
// new id), so a match that used it and found nothing looks its terms up
// again in the store.
//
// Terms read by scans go one way only (put): a scan may read tens of
// thousands of terms, and hashing each into the way back cost a query
// that reads labels a fifth of its time, for lookups that ask a few
// hundred of them. A bound term is learnt both ways when it is resolved
// (learn), so each is looked up in the store once.
type termCache struct {
	mu          sync.RWMutex
	m, oldM     map[uint64]rdf.Term
	ids, oldIDs map[rdf.Term]uint64
}

func (c *termCache) id(t rdf.Term) (uint64, bool) {
	c.mu.RLock()
	id, ok := c.ids[t]
	if !ok {
		id, ok = c.oldIDs[t]
	}
	c.mu.RUnlock()
	return id, ok
}

func (c *termCache) get(id uint64) (rdf.Term, bool) {
	c.mu.RLock()
	t, ok := c.m[id]
	if !ok {
		t, ok = c.oldM[id]
	}
	c.mu.RUnlock()
	return t, ok
}

// room makes the current generation able to take n more entries; the
// caller holds the lock.
func (c *termCache) room(n int) {
	if c.m == nil || len(c.m)+n > termCacheGen || len(c.ids)+n > termCacheGen {
		c.oldM, c.oldIDs = c.m, c.ids
		c.m = make(map[uint64]rdf.Term, 1024)
		c.ids = make(map[rdf.Term]uint64, 64)
	}
}

// put keeps the terms of node ids read by a scan.
func (c *termCache) put(ids []uint64, ts []rdf.Term) {
	c.mu.Lock()
	c.room(len(ids))
	for i, id := range ids {
		c.m[id] = ts[i]
	}
	c.mu.Unlock()
}

// put1 is put of one term.
func (c *termCache) put1(id uint64, t rdf.Term) {
	c.mu.Lock()
	c.room(1)
	c.m[id] = t
	c.mu.Unlock()
}

// learn keeps a term resolved to its node id, both ways.
func (c *termCache) learn(id uint64, t rdf.Term) {
	c.mu.Lock()
	c.room(1)
	c.m[id] = t
	c.ids[t] = id
	c.mu.Unlock()
}

// MatchTriples returns the triples of the union of all graphs matching a
// pattern, each once, as quads with a nil graph: the default graph of a
// SPARQL dataset over the store.
func (s *Store) MatchTriples(ctx context.Context, subj, pred, obj rdf.Term) iter.Seq2[rdf.Quad, error] {
	if kqs, ok := s.qs.(*kv.QuadStore); ok {
		return s.kvMatch(ctx, kqs, [4]rdf.Term{subj, pred, obj, nil}, true)
	}
	if s.pg != nil {
		return s.pg.match(ctx, s.pg.pool, [4]rdf.Term{subj, pred, obj, nil}, true)
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
		var found []uint64
		if db := s.db; db != nil {
			ts := make([]rdf.Term, len(at))
			for j, i := range at {
				if i == 4 {
					ts[j] = metaGraph
				} else {
					ts[j] = bound[i]
				}
			}
			if found, err = boltIDs(db, ts); err != nil {
				return want, 0, false, false, err
			}
		} else {
			refs, err := kqs.RefsOf(ctx, vals)
			if err != nil {
				return want, 0, false, false, err
			}
			for _, r := range refs {
				found = append(found, kvlayout.RefID(r))
			}
		}
		for j, i := range at {
			id := found[j]
			if i == 4 {
				meta = id
				if id != 0 {
					s.terms.learn(id, metaGraph)
				}
				continue
			}
			if id == 0 {
				return want, meta, false, cached, nil // a term unknown to the store matches nothing
			}
			want[i] = id
			s.terms.learn(id, bound[i])
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

// idSource yields batches of node ids of the quads matching a scan.
type idSource interface {
	// next appends up to n more quads' ids to out.
	next(ctx context.Context, n int, out [][4]uint64) ([][4]uint64, error)
	// resolved reports whether next has put the batch's terms in the cache.
	resolved() bool
	close()
}

// cayleySource reads through Cayley's iterators (leveldb, pebble).
type cayleySource struct {
	sc        scanner
	filter    kvlayout.Filter
	exhausted bool
}

func (c *cayleySource) next(ctx context.Context, n int, out [][4]uint64) ([][4]uint64, error) {
	start := len(out)
	for len(out)-start < n && !c.exhausted {
		if !c.sc.Next(ctx) {
			c.exhausted = true
			break
		}
		if ids, live := kvlayout.RefQuad(c.sc.Result()); live && c.filter.Match(ids) {
			out = append(out, ids)
		}
	}
	return out, c.sc.Err()
}

func (c *cayleySource) resolved() bool { return false }
func (c *cayleySource) close()         { c.sc.Close() }

// boltSource reads the bolt database directly (boltread.go).
type boltSource struct {
	sc    *boltScan
	cache *termCache
}

func (b *boltSource) next(ctx context.Context, n int, out [][4]uint64) ([][4]uint64, error) {
	return b.sc.next(n, b.cache, out)
}

func (b *boltSource) resolved() bool { return true }
func (b *boltSource) close()         {}

func (s *Store) source(kqs *kv.QuadStore, f kvlayout.Filter) idSource {
	if db := s.db; db != nil {
		sc := newBoltScan(db, f)
		if f.Want[kvlayout.S] != 0 || f.Want[kvlayout.P] != 0 || f.Want[kvlayout.O] != 0 {
			// A scan of whole graphs reads each quad once: caching
			// its quads would only grow the heap.
			sc.quads = &s.quads
		}
		return &boltSource{sc: sc, cache: &s.terms}
	}
	return &cayleySource{sc: kvlayout.Iterator(kqs, f.Want), filter: f}
}

// kvScan yields the quads with the wanted node ids (0 = any), and reports
// how many it yielded and whether it stopped early (the consumer stopped
// or an error was yielded).
func (s *Store) kvScan(ctx context.Context, kqs *kv.QuadStore, bound [4]rdf.Term, want [4]uint64, meta uint64, distinct bool, yield func(rdf.Quad, error) bool) (n int, stopped bool) {
	// Distinct triples: the first one needs no memory; a set is made for
	// the second.
	var seen map[[3]uint64]struct{}
	var first [3]uint64
	have := false
	full := want[0] != 0 && want[1] != 0 && want[2] != 0
	dedup := distinct && !full
	src := s.source(kqs, kvlayout.Filter{Want: want, Meta: meta})
	defer src.close()
	// The first batch is small, for callers that stop after a row or two.
	limit := 16
	var batch [][4]uint64
	for {
		if err := ctx.Err(); err != nil {
			yield(rdf.Quad{}, err)
			return n, true
		}
		var err error
		batch, err = src.next(ctx, limit, batch[:0])
		if err != nil {
			yield(rdf.Quad{}, err)
			return n, true
		}
		if len(batch) == 0 {
			return n, false
		}
		limit = min(limit*4, readBatch)
		if dedup {
			kept := batch[:0]
			for _, ids := range batch {
				k := [3]uint64{ids[0], ids[1], ids[2]}
				if !have {
					first, have = k, true
					kept = append(kept, ids)
					continue
				}
				if seen == nil {
					seen = map[[3]uint64]struct{}{first: {}}
				}
				if _, dup := seen[k]; !dup {
					seen[k] = struct{}{}
					kept = append(kept, ids)
				}
			}
			batch = kept
		}
		if !src.resolved() {
			if err := s.resolveTerms(ctx, kqs, batch); err != nil {
				yield(rdf.Quad{}, err)
				return n, true
			}
		}
		for _, ids := range batch {
			var parts [4]rdf.Term
			for i, id := range ids {
				if id == 0 {
					continue
				}
				if bound[i] != nil {
					parts[i] = bound[i]
					continue
				}
				t, ok := s.terms.get(id)
				if !ok {
					// Evicted by another reader meanwhile: look it up alone.
					v, err := kqs.NameOf(kvlayout.Ref(id))
					if err == nil {
						t, err = fromValue(v)
					}
					if err != nil {
						yield(rdf.Quad{}, err)
						return n, true
					}
				}
				parts[i] = t
			}
			q := rdf.Quad{S: parts[0], P: parts[1], O: parts[2], G: parts[3]}
			if distinct {
				q.G = nil
			}
			n++
			if !yield(q, nil) {
				return n, true
			}
			if distinct && full {
				return n, true
			}
		}
	}
}

// resolveTerms puts the terms of the batch's node ids in the cache, looking
// up those it lacks in one call.
func (s *Store) resolveTerms(ctx context.Context, kqs *kv.QuadStore, batch [][4]uint64) error {
	var missing []uint64
	asked := map[uint64]bool{}
	for _, b := range batch {
		for _, id := range b {
			if id == 0 || asked[id] {
				continue
			}
			asked[id] = true
			if _, ok := s.terms.get(id); !ok {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	refs := make([]cgraph.Ref, len(missing))
	for i, id := range missing {
		refs[i] = kvlayout.Ref(id)
	}
	qvs, err := kqs.ValuesOf(ctx, refs)
	if err != nil {
		return err
	}
	ts := make([]rdf.Term, len(qvs))
	for i, v := range qvs {
		if v == nil {
			return fmt.Errorf("graph: node %d has no value", missing[i])
		}
		if ts[i], err = fromValue(v); err != nil {
			return err
		}
	}
	s.terms.put(missing, ts)
	return nil
}

// CountUpTo counts the quads matching a pattern as Match does (a nil graph
// matches every graph), stopping at limit when limit > 0. On embedded
// stores it reads node ids only, never their terms, so it is cheap enough
// for a query planner's estimates; on the bolt store, when an index covers
// the pattern, it reads the index alone and may count deleted quads that
// Cayley keeps listed there.
func (s *Store) CountUpTo(ctx context.Context, subj, pred, obj, g rdf.Term, limit int) (int, error) {
	if g == metaGraph {
		return 0, nil
	}
	if s.pg != nil {
		return s.pg.count(ctx, s.pg.pool, [4]rdf.Term{subj, pred, obj, g}, limit)
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
	f := kvlayout.Filter{Want: want, Meta: meta}
	if db := s.db; db != nil {
		// Count ids without resolving them to terms, and without reading
		// quads at all when the index prefix covers the pattern.
		sc := newBoltScan(db, f)
		if n, ok, err := sc.estimate(limit); ok || err != nil {
			return n, err
		}
		n := 0
		var batch [][4]uint64
		for {
			batch, err = sc.next(readBatch, nil, batch[:0])
			if err != nil || len(batch) == 0 {
				return n, err
			}
			n += len(batch)
			if limit > 0 && n >= limit {
				return limit, nil
			}
		}
	}
	src := &cayleySource{sc: kvlayout.Iterator(kqs, want), filter: f}
	defer src.close()
	n := 0
	var batch [][4]uint64
	for {
		batch, err = src.next(ctx, readBatch, batch[:0])
		if err != nil || len(batch) == 0 {
			return n, err
		}
		n += len(batch)
		if limit > 0 && n >= limit {
			return limit, nil
		}
	}
}
