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
}

func (st *storeStats) Count(s, p, o rdf.Term) float64 {
	key := [3]rdf.Term{s, p, o}
	st.mu.Lock()
	defer st.mu.Unlock()
	if n, ok := st.seen[key]; ok {
		return n
	}
	n, _ := st.s.CountUpTo(st.ctx, s, p, o, nil, statsCap)
	st.seen[key] = float64(n)
	return float64(n)
}

// CountUpTo counts the quads matching a pattern up to limit, for the
// evaluator's choice of hash tables (eval.Options.Count).
func (st *storeStats) CountUpTo(s, p, o rdf.Term, limit int) int {
	n, err := st.s.CountUpTo(st.ctx, s, p, o, nil, limit)
	if err != nil {
		return limit
	}
	return n
}
