package eval

import (
	"hash/maphash"
	"iter"
	"math/bits"
	"sync"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/rdf"
)

// Adaptive hash lookups. A basic graph pattern is matched by nested index
// lookups, which is right when the patterns before a triple pattern yield a
// few solutions; when they yield thousands, one lookup per solution costs
// far more than reading the triple pattern's matches once. So each triple
// pattern counts its lookups in a run, and once their cost has reached the
// cost of reading all its matches (with its constant terms only), it reads
// them into a hash table keyed by the positions the lookups bind and
// answers the later lookups from the table: at most about twice the work
// of the better choice made in hindsight. The size of the match set comes
// from Options.Count; without it, an attempt reads at most as many matches
// as the lookups so far would pay for, and gives up past that, trying
// again when the lookups have doubled.
//
// Before that, a lookup whose bound terms repeat an earlier one's (the
// same correspondent reached from many letters) is answered from a memo
// of the earlier one's matches, kept from the second time a key is seen
// on, within a budget per run.

const (
	// hashAfter is the default number of lookups of a pattern before a
	// table is considered at all (Options.HashAfter).
	hashAfter = 64
	// lookupCost is the cost of one index lookup in matches read: on the
	// bolt store a lookup takes about 8 microseconds and reading one match
	// of a scan about 1.5.
	lookupCost = 5
	// plannedAfter replaces hashAfter for a pattern the optimizer expects
	// many lookups of (algebra.BGP.Lookups), and planTrust bounds how far
	// that expectation is believed: up to planTrust times the lookups
	// made so far. A wrong plan then reads at most planTrust times what
	// the adaptive rule would, and a right one builds the table planTrust
	// times sooner.
	plannedAfter = 8
	planTrust    = 16
	// hashMax bounds every table.
	hashMax = 4 << 20
	// memoKeyMax bounds the matches kept for one key, and memoMax those
	// kept in a run; seenMax is the size of the table of keys seen once.
	memoKeyMax = 1 << 16
	memoMax    = 1 << 20
	seenMax    = 1 << 12
)

var memoSeed = maphash.MakeSeed()

// hashKey identifies a table: the triple pattern, the active graph, and
// which of subject, predicate and object the lookups bind.
type hashKey struct {
	tp    *algebra.TriplePattern
	graph rdf.Term
	mask  uint8
}

// hashState is what a run knows about one table.
type hashState struct {
	lookups int
	// built is the lookup after which the table was built (0: never).
	built int
	// next is the number of lookups at which to consider a table again.
	next int
	// memoHits counts the lookups answered from memo.
	memoHits int
	// counted is the count of the pattern's matches (with its constants
	// only), made with the limit countLimit (0: not yet).
	counted, countLimit int
	table               *quadTable
	// seen holds hashes of keys looked up once, each in one of two slots
	// of a small table (a key pushed out is taken for new, a rare clash
	// of hashes for seen: either only moves when memoizing starts);
	// memo holds the matches of keys looked up again.
	seen []uint64
	memo map[[3]rdf.Term][]rdf.Quad
}

// quadTable holds quads by the terms at the positions of a mask: the
// quads of one key are chained through next from first[key], in the
// order they were read. A key of one position is the term itself, which
// hashes faster than an array of three.
type quadTable struct {
	single int // the one position of the key, or -1
	first1 map[rdf.Term]int32
	firstN map[[3]rdf.Term]int32
	next   []int32
	quads  []rdf.Quad
}

func newQuadTable(quads []rdf.Quad, mask uint8) *quadTable {
	t := &quadTable{single: -1, next: make([]int32, len(quads)), quads: quads}
	switch mask {
	case 1, 2, 4:
		t.single = bits.TrailingZeros8(mask)
		t.first1 = make(map[rdf.Term]int32, len(quads))
	default:
		t.firstN = make(map[[3]rdf.Term]int32, len(quads))
	}
	// Backwards, so that each new head is the earliest quad of its key.
	for i := len(quads) - 1; i >= 0; i-- {
		parts := [3]rdf.Term{quads[i].S, quads[i].P, quads[i].O}
		var j int32
		var ok bool
		if t.single >= 0 {
			k := parts[t.single]
			if j, ok = t.first1[k]; !ok {
				j = -1
			}
			t.first1[k] = int32(i)
		} else {
			var k [3]rdf.Term
			for p := range 3 {
				if mask&(1<<p) != 0 {
					k[p] = parts[p]
				}
			}
			if j, ok = t.firstN[k]; !ok {
				j = -1
			}
			t.firstN[k] = int32(i)
		}
		t.next[i] = j
	}
	return t
}

// get returns the index of the first quad with the key, or -1.
func (t *quadTable) get(key [3]rdf.Term) int32 {
	var i int32
	var ok bool
	if t.single >= 0 {
		i, ok = t.first1[key[t.single]]
	} else {
		i, ok = t.firstN[key]
	}
	if !ok {
		return -1
	}
	return i
}

// lookup yields the quads matching the pattern tp with the terms sv, pv,
// ov (nil = unbound) in the active graph g, from a table when it has paid
// for itself, else from the dataset.
func (r *run) lookup(tp *algebra.TriplePattern, sv, pv, ov, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	var mask uint8
	terms := [3]rdf.Term{sv, pv, ov}
	consts := [3]rdf.Term{}
	nodes := [3]algebra.Node{tp.S, tp.P, tp.O}
	for i, t := range terms {
		if !nodes[i].IsVar() {
			consts[i] = t
			continue
		}
		if t != nil {
			mask |= 1 << i
		}
	}
	after := r.p.opt.HashAfter
	if after == 0 {
		after = hashAfter
	}
	if mask == 0 || after < 0 {
		return r.v.match(r.ctx, sv, pv, ov, g)
	}
	k := hashKey{tp: tp, graph: g, mask: mask}
	r.hash.mu.Lock()
	st := r.hash.m[k]
	if st == nil {
		st = &hashState{}
		r.hash.m[k] = st
	}
	known := r.hash.known[tp]
	r.hash.mu.Unlock()
	planned := r.p.planned[tp]
	if (planned > 0 || known > 0) && after > 0 {
		after = min(after, plannedAfter)
	}
	st.lookups++
	if st.table == nil && st.lookups >= after && st.lookups >= st.next {
		expect := st.lookups
		if planned > 0 {
			expect = max(expect, int(min(planned, float64(st.lookups*planTrust))))
		}
		// Lookups announced by a join whose left side was complete
		// before the first of them are certain, not estimated.
		expect = max(expect, known)
		budget := expect * lookupCost
		limit := min(budget, hashMax)
		if r.count != nil {
			// Count first (cheap next to a lookup), build only when it
			// pays. A count stopped at its limit says "more than that", so
			// counting to four times what is needed now answers the next
			// two doublings too.
			n := st.counted
			if st.countLimit == 0 || (n >= st.countLimit && limit+1 > st.countLimit) {
				st.countLimit = min(4*(limit+1), hashMax+1)
				n = r.count(consts[0], consts[1], consts[2], st.countLimit)
				st.counted = n
			}
			if n > limit {
				// Too large for now: look again when the lookups have doubled.
				limit = -1
				st.next = st.lookups * 2
			} else {
				limit = n
			}
		}
		if limit >= 0 {
			table, err := r.buildTable(consts, mask, g, limit)
			if err != nil {
				return func(yield func(rdf.Quad, error) bool) { yield(rdf.Quad{}, err) }
			}
			st.table = table
			if table != nil {
				st.built = st.lookups
			}
			if table == nil {
				// Too large for now: try again when the lookups have doubled.
				st.next = st.lookups * 2
			}
		}
	}
	var key [3]rdf.Term
	for i, t := range terms {
		if mask&(1<<i) != 0 {
			key[i] = t
		}
	}
	if st.table == nil {
		return r.memoLookup(st, key, sv, pv, ov, g)
	}
	t := st.table
	first := t.get(key)
	return func(yield func(rdf.Quad, error) bool) {
		for i := first; i >= 0; i = t.next[i] {
			if !yield(t.quads[i], nil) {
				return
			}
		}
	}
}

// memoLookup answers a lookup from the memo when its key was looked up
// twice before, and otherwise from the dataset, keeping the matches of a
// key seen the second time while the run's budget lasts.
func (r *run) memoLookup(st *hashState, key [3]rdf.Term, sv, pv, ov, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if rows, ok := st.memo[key]; ok {
		st.memoHits++
		return func(yield func(rdf.Quad, error) bool) {
			for _, q := range rows {
				if !yield(q, nil) {
					return
				}
			}
		}
	}
	it := r.v.match(r.ctx, sv, pv, ov, g)
	if r.memoUsed >= memoMax {
		return it
	}
	if st.seen == nil {
		st.seen = make([]uint64, seenMax)
	}
	h := maphash.Comparable(memoSeed, key) | 1
	a, b := &st.seen[h%seenMax], &st.seen[(h>>32)%seenMax]
	if *a != h && *b != h {
		// Two places to go, so that two keys sharing one do not keep
		// pushing each other out.
		if *a == 0 {
			*a = h
		} else {
			*b = h
		}
		return it
	}
	return func(yield func(rdf.Quad, error) bool) {
		var rows []rdf.Quad
		keep := true
		for q, err := range it {
			if err == nil && keep {
				if len(rows) < memoKeyMax {
					rows = append(rows, q)
				} else {
					keep, rows = false, nil
				}
			}
			if !yield(q, err) || err != nil {
				return // incomplete: not kept
			}
		}
		if keep && r.memoUsed+len(rows) <= memoMax {
			if st.memo == nil {
				st.memo = map[[3]rdf.Term][]rdf.Quad{}
			}
			st.memo[key] = rows
			r.memoUsed += len(rows)
		}
	}
}

// buildTable reads every quad matching the constant terms into a table
// keyed by the positions in mask; it returns nil when there are more than
// limit.
func (r *run) buildTable(consts [3]rdf.Term, mask uint8, g rdf.Term, limit int) (*quadTable, error) {
	quads := make([]rdf.Quad, 0, min(max(limit, 0), 1<<16))
	for q, err := range r.v.match(r.ctx, consts[0], consts[1], consts[2], g) {
		if err != nil {
			return nil, err
		}
		if len(quads) >= limit && limit >= 0 {
			return nil, nil
		}
		quads = append(quads, q)
	}
	return newQuadTable(quads, mask), nil
}

// PatternStats says how a triple pattern was matched in the last run.
type PatternStats struct {
	// Lookups is the number of index lookups asked of the pattern with
	// some of its variables bound.
	Lookups int
	// HashAfter is the lookup after which the pattern's matches were read
	// into a hash table (0: never), and HashRows how many they were.
	HashAfter, HashRows int
	// MemoHits is how many lookups repeated an earlier one's terms and
	// were answered from its matches.
	MemoHits int
	// Star, when positive, says that the pattern was one of the first
	// Star patterns, all on one subject with constant predicates and
	// objects, whose subjects the dataset found at once (SubjectFinder);
	// Subjects is how many it found.
	Star, Subjects int
}

// Patterns reports, for the triple patterns of op (a BGP) that were looked
// up with bound variables in the last run, how they were matched.
func (p *Program) Patterns(op algebra.Op) map[int]PatternStats {
	b, ok := op.(*algebra.BGP)
	if !ok {
		return nil
	}
	p.lastMu.Lock()
	last := p.last
	p.lastMu.Unlock()
	if last == nil {
		return nil
	}
	last.mu.Lock()
	defer last.mu.Unlock()
	out := map[int]PatternStats{}
	for k, st := range last.m {
		for i := range b.Triples {
			if k.tp != &b.Triples[i] {
				continue
			}
			ps := out[i]
			ps.Lookups += st.lookups
			ps.MemoHits += st.memoHits
			if st.table != nil && ps.HashAfter == 0 {
				ps.HashAfter = st.built
				ps.HashRows = len(st.table.quads)
			}
			out[i] = ps
		}
	}
	for i := range b.Triples {
		if st, ok := last.star[&b.Triples[i]]; ok {
			ps := out[i]
			ps.Star, ps.Subjects = st[0], st[1]
			out[i] = ps
		}
	}
	return out
}

// hashTables is a run's tables, kept by the program for Patterns.
type hashTables struct {
	mu sync.Mutex
	m  map[hashKey]*hashState
	// star holds, for the first pattern of a star found at once (bgp.go),
	// the number of its patterns and the subjects found.
	star map[*algebra.TriplePattern][2]int
	// known counts, for the first pattern of a BGP on the right of a
	// join, the lookups the join has announced: the solutions of a left
	// side computed whole before the first is joined (a GROUP), each of
	// which runs the BGP once.
	known map[*algebra.TriplePattern]int
}

// announce adds n lookups to come of the triple pattern tp.
func (h *hashTables) announce(tp *algebra.TriplePattern, n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.known == nil {
		h.known = map[*algebra.TriplePattern]int{}
	}
	h.known[tp] += n
}
