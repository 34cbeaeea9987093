package queries

import (
	"context"
	"sync"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries/optimizer"
	"github.com/docgraph/docgraph/rdf"
)

// statsCap bounds the counting of one pattern: beyond it a pattern is
// simply "large", which is all join ordering needs to know. Counting reads
// node ids only (graph.Store.CountUpTo), about a microsecond a quad on the
// bolt store.
const statsCap = 10000

// StoreStats returns optimizer statistics read from a store: the number of
// quads matching a pattern in any graph (a triple in several graphs counts
// once per graph), counted up to a cap and remembered, so each pattern is
// counted once.
func StoreStats(ctx context.Context, s *graph.Store) optimizer.Stats {
	return &storeStats{ctx: ctx, s: s, seen: map[[3]rdf.Term]float64{}}
}

type storeStats struct {
	ctx  context.Context
	s    *graph.Store
	mu   sync.Mutex
	seen map[[3]rdf.Term]float64
	// shared, when set, holds counts of the same version of the store
	// made for earlier queries (StatsCache).
	shared *sharedCounts
}

func (st *storeStats) Count(s, p, o rdf.Term) float64 {
	key := [3]rdf.Term{s, p, o}
	st.mu.Lock()
	defer st.mu.Unlock()
	if n, ok := st.seen[key]; ok {
		return n
	}
	if sh := st.shared; sh != nil {
		sh.mu.Lock()
		n, ok := sh.counts[key]
		sh.mu.Unlock()
		if ok {
			st.seen[key] = n
			return n
		}
	}
	n, err := st.s.CountUpTo(st.ctx, s, p, o, nil, statsCap)
	st.seen[key] = float64(n)
	if sh := st.shared; sh != nil && err == nil {
		sh.mu.Lock()
		sh.counts[key] = float64(n)
		sh.mu.Unlock()
	}
	return float64(n)
}

// CountUpTo counts the quads matching a pattern up to limit, for the
// evaluator's choice of hash tables (eval.Options.Count).
func (st *storeStats) CountUpTo(s, p, o rdf.Term, limit int) int {
	key := [3]rdf.Term{s, p, o}
	if sh := st.shared; sh != nil && limit > 0 {
		sh.mu.Lock()
		c, ok := sh.upTo[key]
		sh.mu.Unlock()
		// A count below its limit is exact; one at its limit says "at
		// least that many", which answers any smaller limit.
		if ok && (c[0] < c[1] || limit <= c[1]) {
			return min(c[0], limit)
		}
	}
	n, err := st.s.CountUpTo(st.ctx, s, p, o, nil, limit)
	if err != nil {
		return limit
	}
	if sh := st.shared; sh != nil && limit > 0 {
		sh.mu.Lock()
		sh.upTo[key] = [2]int{n, limit}
		sh.mu.Unlock()
	}
	return n
}

// statsCacheMax bounds the patterns a StatsCache keeps; past it, it starts
// afresh.
const statsCacheMax = 1 << 16

// StatsCache keeps the pattern counts of StoreStats from one query to the
// next for as long as the store's version (graph.Store.Version) stays the
// same, so that a server does not count the same patterns for every
// request; a write to the store empties it. A store without versions
// (memory, SQL) gets no statistics from it: counting there reads the
// matches themselves, one query per pattern on SQL.
type StatsCache struct {
	s       *graph.Store
	mu      sync.Mutex
	version uint64
	shared  *sharedCounts
}

// sharedCounts are the counts of one version of the store.
type sharedCounts struct {
	mu     sync.Mutex
	counts map[[3]rdf.Term]float64
	upTo   map[[3]rdf.Term][2]int // count, and the limit it was made with
}

// NewStatsCache returns an empty cache of s's statistics.
func NewStatsCache(s *graph.Store) *StatsCache { return &StatsCache{s: s} }

// Stats returns the statistics of the store as it is now, sharing the
// counts made since its last write.
func (c *StatsCache) Stats(ctx context.Context) optimizer.Stats {
	v, ok := c.s.Version()
	if !ok {
		return nil
	}
	st := &storeStats{ctx: ctx, s: c.s, seen: map[[3]rdf.Term]float64{}}
	c.mu.Lock()
	if c.shared == nil || c.version != v || len(c.shared.counts)+len(c.shared.upTo) > statsCacheMax {
		c.shared = &sharedCounts{counts: map[[3]rdf.Term]float64{}, upTo: map[[3]rdf.Term][2]int{}}
		c.version = v
	}
	st.shared = c.shared
	c.mu.Unlock()
	return st
}
