package graph

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// Reader reads an embedded bolt store in one read transaction, for the
// length of one query: every lookup sees the same snapshot, and none pays
// for opening a transaction, finding the buckets, or resolving the store's
// own graph again. A query makes thousands of lookups, each a few
// microseconds, so those fixed costs would otherwise be most of its time.
//
// While a Reader is open, its goroutine must read the store through it
// only: bolt makes a writer that grows the file wait for open
// transactions, and a second read transaction begun behind that writer
// would wait for it in turn.
type Reader struct {
	ctx   context.Context
	ticks int
	s     *Store
	tx    *bolt.Tx
	log   *bolt.Bucket
	index []*bolt.Bucket // per kvlayout.Indexes; nil when the store lacks one
	// free holds cursors of each index not in use, for reuse: a cursor
	// keeps its search stack, which a new one allocates.
	free [][]*bolt.Cursor
	meta uint64 // node id of the meta graph, 0 when absent
	// check is cancelled as a func value, made once: every scan calls it.
	check func() error
	gen   uint64 // quad cache generation when the transaction began
	// live holds node ids known to exist in this transaction: read in
	// the log by valid, or in a live quad by a scan (up to liveMax).
	live map[uint64]bool
	// Quads read from the log, not yet put in the store's quad cache.
	readIDs   []uint64
	readQuads [][4]uint64
}

// NewReader begins a Reader; ok is false when the store is not an
// embedded bolt store (use Match and MatchTriples there). Close ends it.
// Its scans stop with the context's error when ctx ends.
func (s *Store) NewReader(ctx context.Context) (r *Reader, ok bool, err error) {
	db := s.db
	if db == nil {
		return nil, false, nil
	}
	gen := s.quads.generation()
	tx, err := db.Begin(false)
	if err != nil {
		return nil, true, err
	}
	r = &Reader{ctx: ctx, s: s, tx: tx, gen: gen, log: tx.Bucket(kvlayout.LogBucket)}
	for _, ind := range kvlayout.Indexes {
		r.index = append(r.index, tx.Bucket(ind.Bucket))
	}
	r.free = make([][]*bolt.Cursor, len(kvlayout.Indexes))
	r.check = r.cancelled
	r.meta = r.lookupID(metaGraph)
	return r, true, nil
}

// Close ends the read transaction.
func (r *Reader) Close() error {
	if r.tx == nil {
		return nil
	}
	r.flushQuads()
	err := r.tx.Rollback()
	r.tx = nil
	return err
}

func (r *Reader) flushQuads() {
	if len(r.readIDs) > 0 {
		r.s.quads.put(r.gen, r.readIDs, r.readQuads)
		r.readIDs, r.readQuads = r.readIDs[:0], r.readQuads[:0]
	}
}

// lookupID finds a term's node id in the transaction; 0 when unknown.
func (r *Reader) lookupID(t rdf.Term) uint64 {
	h := kvlayout.HashOf(toValue(t))
	return kvlayout.ValueID(r.tx, &h)
}

// id returns a term's node id, from the store's cache unless fresh.
func (r *Reader) id(t rdf.Term, fresh bool) (id uint64, cached bool) {
	if !fresh {
		if id, ok := r.s.terms.id(t); ok {
			return id, true
		}
	}
	id = r.lookupID(t)
	if id != 0 {
		r.s.terms.learn(id, t)
	}
	return id, false
}

// liveMax bounds the node ids a reader remembers from its scans: enough
// for the lookups that follow a selective pattern, not a whole scan's.
const liveMax = 1 << 14

// term returns the term of a node id read from a live quad.
func (r *Reader) term(id uint64) (rdf.Term, error) {
	if len(r.live) < liveMax {
		if r.live == nil {
			r.live = map[uint64]bool{}
		}
		r.live[id] = true
	}
	if t, ok := r.s.terms.get(id); ok {
		return t, nil
	}
	t, err := logTerm(r.log, id)
	if err != nil {
		return nil, err
	}
	r.s.terms.put1(id, t)
	return t, nil
}

// quad returns the node ids of a live quad by its id; ok is false for a
// deleted quad or a node.
func (r *Reader) quad(id uint64) (ids [4]uint64, ok bool, err error) {
	if ids, ok := r.s.quads.get(id); ok {
		return ids, true, nil
	}
	ids, live, err := kvlayout.LogQuad(r.log, id)
	if !live {
		return ids, false, err
	}
	r.readIDs = append(r.readIDs, id)
	r.readQuads = append(r.readQuads, ids)
	if len(r.readIDs) >= readBatch {
		r.flushQuads()
	}
	return ids, true, nil
}

// cancelled reports, every so often, whether the reader's context ended.
func (r *Reader) cancelled() error {
	r.ticks++
	if r.ticks&1023 == 0 {
		return r.ctx.Err()
	}
	return nil
}

// valid reports whether the nodes still exist. A term's id in the cache is
// stale only when its node was deleted (its last quad went) and the term
// added again under a new id; Cayley deletes a node's primitive from the
// log with it and never reuses an id, so an id found in the log still
// names the term the cache says.
func (r *Reader) valid(want [4]uint64) bool {
	for _, id := range want {
		if id == 0 || r.live[id] {
			continue
		}
		if !kvlayout.InLog(r.log, id) {
			return false
		}
		if r.live == nil {
			r.live = map[uint64]bool{}
		}
		r.live[id] = true
	}
	return true
}

// resolve finds the node ids of the bound terms; ok is false when one is
// unknown to the store.
func (r *Reader) resolve(bound [4]rdf.Term, fresh bool) (want [4]uint64, ok, cached bool) {
	for i, t := range bound {
		if t == nil {
			continue
		}
		id, c := r.id(t, fresh)
		if id == 0 {
			return want, false, cached
		}
		cached = cached || c
		want[i] = id
	}
	return want, true, cached
}

// plan sets sc up to scan the quads with the wanted node ids, over the
// indexes the store has (kvlayout.Scan.Plan), and to stop when the
// reader's context ends.
func (r *Reader) plan(sc *kvlayout.Scan, want [4]uint64) {
	sc.Plan(kvlayout.Indexes, kvlayout.Filter{Want: want, Meta: r.meta}, r.hasIndex)
	sc.Check = r.check
}

func (r *Reader) hasIndex(i int) bool { return r.index[i] != nil }

// Match yields the quads matching a pattern (nil terms are wildcards) as
// Store.Match does, or, when distinct, the triples of the union of all
// graphs once each with a nil graph, as Store.MatchTriples does (g must
// then be nil).
func (r *Reader) Match(subj, pred, obj, g rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		if r.tx == nil {
			yield(rdf.Quad{}, fmt.Errorf("graph: read after the reader was closed"))
			return
		}
		if g == metaGraph {
			return
		}
		bound := [4]rdf.Term{subj, pred, obj, g}
		want, ok, cached := r.resolve(bound, false)
		if !ok && cached {
			want, ok, _ = r.resolve(bound, true)
			cached = false
		}
		if !ok {
			return
		}
		n, stopped := r.scan(bound, want, distinct, yield)
		if n > 0 || stopped || !cached {
			return
		}
		// Nothing found with ids from the cache: make sure none was stale.
		if r.valid(want) {
			return
		}
		if want2, ok, _ := r.resolve(bound, true); ok && want2 != want {
			r.scan(bound, want2, distinct, yield)
		}
	}
}

// scan yields the live quads with the wanted node ids, and reports how
// many it yielded and whether it stopped early.
func (r *Reader) scan(bound [4]rdf.Term, want [4]uint64, distinct bool, yield func(rdf.Quad, error) bool) (n int, stopped bool) {
	full := want[0] != 0 && want[1] != 0 && want[2] != 0
	emit := func(ids [4]uint64) bool {
		var parts [4]rdf.Term
		for i, id := range ids {
			if id == 0 || (distinct && i == 3) {
				continue
			}
			if bound[i] != nil {
				parts[i] = bound[i]
				continue
			}
			t, err := r.term(id)
			if err != nil {
				yield(rdf.Quad{}, err)
				return false
			}
			parts[i] = t
		}
		n++
		return yield(rdf.Quad{S: parts[0], P: parts[1], O: parts[2], G: parts[3]}, nil)
	}
	var sc kvlayout.Scan
	r.plan(&sc, want)
	var c *bolt.Cursor
	if sc.Index >= 0 {
		c = r.cursor(sc.Index)
		defer r.release(sc.Index, c)
	} else if r.log == nil {
		return 0, false
	} else {
		c = r.log.Cursor()
	}
	sc.Open(r.tx, c)
	// Keys of an index over three or four positions name one triple (or
	// quad); under a subject+predicate key the same triple can be listed
	// once per graph, so distinct triples are told apart by object. A walk
	// of the log remembers every triple.
	perKey := sc.Index >= 0 && len(kvlayout.Indexes[sc.Index].Pos) >= 3
	var seen map[[3]uint64]struct{}
	var objs []uint64
	for {
		ids, newKey, ok, err := sc.Next(r.quad)
		if err != nil {
			yield(rdf.Quad{}, err)
			return n, true
		}
		if !ok {
			return n, false
		}
		if distinct && sc.Index < 0 {
			k := [3]uint64{ids[0], ids[1], ids[2]}
			if seen == nil {
				seen = map[[3]uint64]struct{}{}
			}
			if _, dup := seen[k]; dup {
				continue
			}
			seen[k] = struct{}{}
		}
		if distinct && sc.Index >= 0 && !perKey {
			if newKey {
				objs = objs[:0]
			}
			if slices.Contains(objs, ids[2]) {
				continue
			}
			objs = append(objs, ids[2])
		}
		if !emit(ids) {
			return n, true
		}
		if distinct && sc.Index >= 0 && (perKey || full) {
			if full {
				return n, true
			}
			sc.SkipKey()
		}
	}
}

func (r *Reader) cursor(ind int) *bolt.Cursor {
	if n := len(r.free[ind]); n > 0 {
		c := r.free[ind][n-1]
		r.free[ind] = r.free[ind][:n-1]
		return c
	}
	return r.index[ind].Cursor()
}

func (r *Reader) release(ind int, c *bolt.Cursor) {
	r.free[ind] = append(r.free[ind], c)
}

// Subjects returns, in node id order, the subjects s that have a triple
// s p o (in any graph but the store's own) for every pair (p, o): the
// intersection of ranges of the object+predicate+subject index, read as
// ids, with a term looked up only for the subjects in all of them. ok is
// false when the store lacks that index.
func (r *Reader) Subjects(pairs [][2]rdf.Term) (out []rdf.Term, ok bool, err error) {
	if r.tx == nil {
		return nil, false, fmt.Errorf("graph: read after the reader was closed")
	}
	ind := -1
	for i, ix := range kvlayout.Indexes {
		if r.index[i] != nil && len(ix.Pos) == 3 && ix.Leads(kvlayout.O, kvlayout.P, kvlayout.S) {
			ind = i
		}
	}
	if ind < 0 || len(pairs) == 0 {
		return nil, false, nil
	}
	type entry struct {
		s    uint64
		qids []byte // the key's list of quad ids
	}
	lists := make([][]entry, len(pairs))
	for i, pr := range pairs {
		bound := [4]rdf.Term{nil, pr[0], pr[1], nil}
		want, found, cached := r.resolve(bound, false)
		if cached && (!found || !r.valid(want)) {
			want, found, _ = r.resolve(bound, true)
		}
		if !found {
			return nil, true, nil
		}
		prefix := kvlayout.Indexes[ind].AppendKey(nil, want, 2)
		c := r.cursor(ind)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := r.cancelled(); err != nil {
				r.release(ind, c)
				return nil, true, err
			}
			if len(k) == 24 {
				lists[i] = append(lists[i], entry{kvlayout.KeyID(k[16:]), v})
			}
		}
		r.release(ind, c)
		if len(lists[i]) == 0 {
			return nil, true, nil
		}
	}
	// Intersect, smallest list first; each survivor keeps its id lists.
	slices.SortFunc(lists, func(a, b []entry) int { return len(a) - len(b) })
	cands := make([][]entry, len(lists[0]))
	for j, e := range lists[0] {
		cands[j] = []entry{e}
	}
	for _, l := range lists[1:] {
		kept := cands[:0]
		j := 0
		for _, c := range cands {
			for j < len(l) && l[j].s < c[0].s {
				j++
			}
			if j < len(l) && l[j].s == c[0].s {
				kept = append(kept, append(c, l[j]))
			}
		}
		cands = kept
	}
	for _, c := range cands {
		live := true
		for _, e := range c {
			if live, err = r.anyLive(e.qids); err != nil {
				return nil, true, err
			}
			if !live {
				break
			}
		}
		if !live {
			continue
		}
		t, err := r.term(c[0].s)
		if err != nil {
			return nil, true, err
		}
		out = append(out, t)
	}
	return out, true, nil
}

// anyLive reports whether a list of quad ids holds a live quad outside
// the store's own graph.
func (r *Reader) anyLive(qids []byte) (bool, error) {
	return kvlayout.AnyLive(qids, r.quad, func(ids [4]uint64) bool { return r.meta == 0 || ids[kvlayout.G] != r.meta })
}

// CountUpTo counts the quads matching a pattern as Store.CountUpTo does,
// in the reader's transaction.
func (r *Reader) CountUpTo(subj, pred, obj, g rdf.Term, limit int) int {
	if r.tx == nil || g == metaGraph {
		return 0
	}
	bound := [4]rdf.Term{subj, pred, obj, g}
	want, ok, _ := r.resolve(bound, false)
	if !ok {
		return 0
	}
	n := 0
	var sc kvlayout.Scan
	if r.plan(&sc, want); sc.Covered() {
		// The prefix covers the pattern: count the ids listed under it.
		c := r.cursor(sc.Index)
		defer r.release(sc.Index, c)
		sc.Open(r.tx, c)
		n, err := sc.Estimate(limit)
		if err != nil {
			return limit
		}
		return n
	}
	for _, err := range r.Match(subj, pred, obj, g, false) {
		if err != nil {
			return limit
		}
		if n++; limit > 0 && n >= limit {
			return limit
		}
	}
	return n
}

// Graphs lists the named graphs holding at least one quad.
func (r *Reader) Graphs() ([]rdf.IRI, error) {
	if r.tx == nil {
		return nil, fmt.Errorf("graph: read after the reader was closed")
	}
	gi := -1
	for i, ind := range kvlayout.Indexes {
		if r.index[i] != nil && ind.Leads(kvlayout.G) {
			gi = i
		}
	}
	if gi < 0 {
		seen := map[rdf.IRI]bool{}
		var out []rdf.IRI
		for q, err := range r.Match(nil, nil, nil, nil, false) {
			if err != nil {
				return nil, err
			}
			if g, ok := q.G.(rdf.IRI); ok && !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
		return out, nil
	}
	var out []rdf.IRI
	c := r.index[gi].Cursor()
	k, v := c.First()
	for k != nil {
		if len(k) < 8 {
			k, v = c.Next()
			continue
		}
		g := kvlayout.KeyID(k)
		live := false
		if g != 0 && g != r.meta {
			var err error
			if live, err = kvlayout.AnyLive(v, r.quad, nil); err != nil {
				return nil, err
			}
		}
		if !live {
			k, v = c.Next()
			continue
		}
		t, err := r.term(g)
		if err != nil {
			return nil, err
		}
		if iri, ok := t.(rdf.IRI); ok {
			out = append(out, iri)
		}
		if g == ^uint64(0) {
			break
		}
		next := kvlayout.IDKey(g + 1)
		k, v = c.Seek(next[:])
	}
	return out, nil
}
