package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// The bulk write path of the embedded bolt store. Writing graphs that are
// not in the store yet needs none of the work Cayley's general writer does
// per quad: no quad can already exist, so there is nothing to compare or
// delete. Such a batch is written in one bolt transaction by the layout's
// writer (kvlayout.Write), which Cayley's kv.QuadStore then reads like
// anything it wrote itself. The store is opened with Cayley's bloom
// filters off, since they live in memory and would not see these writes
// (see openEmbedded).
//
// A batch that replaces any graph already holding quads goes through
// Cayley's writer instead, which computes and applies the difference.

// bulkReplace writes updates through the bulk path when the store is a
// bolt store and none of the graphs holds quads yet. ok is false when the
// caller must use Cayley's writer.
func (s *Store) bulkReplace(ctx context.Context, updates []GraphUpdate, last map[rdf.IRI]int) (chs []Change, ok bool, err error) {
	if s.db == nil {
		return nil, false, nil
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		return nil, false, err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	meta, indexes, err := storeMeta(tx)
	if err != nil {
		return nil, false, err
	}
	// Every graph must be new: its name unknown, or known but labelling
	// no quad (a document that was deleted, or an IRI used only as a term).
	for g := range last {
		h := kvlayout.HashOf(quad.IRI(g))
		id := kvlayout.ValueID(tx, &h)
		if id != 0 && hasLabel(tx, indexes, id) {
			return nil, false, nil
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	chs = make([]Change, len(updates))
	var vals []quad.Value
	var b kvlayout.Batch
	pos := map[kvlayout.Hash]uint32{}
	value := func(t rdf.Term) uint32 {
		v := toValue(t)
		h := kvlayout.HashOf(v)
		i, ok := pos[h]
		if !ok {
			i = uint32(len(vals))
			pos[h] = i
			vals = append(vals, v)
			b.Values = append(b.Values, kvlayout.Value{Hash: h})
		}
		b.Values[i].Refs++
		return i
	}
	for i, u := range updates {
		if last[u.Graph] != i {
			continue
		}
		seen := make(map[rdf.Quad]struct{}, len(u.Quads))
		for _, q := range u.Quads {
			q.G = u.Graph
			if _, dup := seen[q]; dup {
				continue
			}
			seen[q] = struct{}{}
			b.Quads = append(b.Quads, [4]uint32{value(q.S), value(q.P), value(q.O), value(q.G)})
			chs[i].Added++
		}
	}
	// New values are numbered in hash order.
	order := make([]uint32, len(vals))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return bytes.Compare(b.Values[x].Hash[:], b.Values[y].Hash[:]) })
	at := make([]uint32, len(vals))
	sortedVals := make([]kvlayout.Value, len(vals))
	for j, i := range order {
		at[i] = uint32(j)
		sortedVals[j] = b.Values[i]
	}
	b.Values = sortedVals
	for i, q := range b.Quads {
		b.Quads[i] = [4]uint32{at[q[0]], at[q[1]], at[q[2]], at[q[3]]}
	}
	b.Encode = func(i int) ([]byte, error) { return kvlayout.EncodeValue(vals[order[i]]) }
	if err := writeBatch(ctx, kvlayout.TxSink(tx), meta, indexes, &b); err != nil {
		return nil, true, fmt.Errorf("writing %d graphs: %w", len(last), err)
	}
	err = tx.Commit()
	tx = nil
	if err != nil {
		return nil, true, fmt.Errorf("writing %d graphs: %w", len(last), err)
	}
	return chs, true, nil
}

// writeBatch writes a batch of new graphs' quads into sink (an open write
// transaction, or a new file merged with the store) after the store's
// counters, read from meta, asking ctx whether to go on every 65,536 keys.
func writeBatch(ctx context.Context, sink kvlayout.Sink, meta *bolt.Bucket, indexes []kvlayout.Index, b *kvlayout.Batch) error {
	b.Horizon = kvlayout.Counter(meta.Get(kvlayout.MetaHorizon))
	b.Size = kvlayout.Counter(meta.Get(kvlayout.MetaSize))
	b.Indexes = indexes
	b.Now = time.Now().UnixNano()
	var done int64
	b.Step = func(n int64) error {
		done += n
		if done&0xffff < n {
			return ctx.Err()
		}
		return nil
	}
	if _, err := kvlayout.Write(sink, b); err != nil {
		return err
	}
	return ctx.Err()
}

// NewAppender returns a Loader that adds its graphs to an embedded bolt
// store holding data: gathered in memory like a first load's, and written
// at Commit all at once, so that a failed or interrupted load leaves the
// store as it was. Once matters beyond safety: bolt rewrites every page a
// transaction touches, and the pages that take a load's keys (the ends of
// index ranges, the value buckets of the values it shares with the store)
// are much the same from one batch to the next, so each further
// transaction would write them again. When every graph is new to the
// store, Commit writes through the layout's writer (kvlayout.Write): into
// one transaction, each bucket's keys in order, or, for a batch large
// beside the store (mergeWhen), into a new file merged with the store's,
// which takes the old one's place as a first load's does. When a graph
// already holds quads, the whole load is one ReplaceGraphs (Cayley's
// writer). As with a first load, nobody else may use the store until
// Commit returns. ok is false for stores other than bolt.
func (s *Store) NewAppender(ctx context.Context) (l *Loader, ok bool, err error) {
	if s.db == nil {
		return nil, false, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	return &Loader{s: s, ids: map[rdf.Term]uint32{}, graphs: map[rdf.IRI]int{}, dedup: map[[3]uint32]struct{}{}, append: true}, true, nil
}

// commitAppend is Commit for a Loader from NewAppender.
func (l *Loader) commitAppend(ctx context.Context) error {
	s := l.s
	if len(l.graphs) == 0 {
		return nil
	}
	var stored uint64
	replace := false
	err := s.db.View(func(tx *bolt.Tx) error {
		meta, indexes, err := storeMeta(tx)
		if err != nil {
			return err
		}
		stored = kvlayout.Counter(meta.Get(kvlayout.MetaSize))
		for g := range l.graphs {
			h := kvlayout.HashOf(quad.IRI(g))
			if id := kvlayout.ValueID(tx, &h); id != 0 && hasLabel(tx, indexes, id) {
				replace = true
				return nil
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return err
	case replace:
		return l.commitReplace(ctx)
	case mergeWhen(uint64(l.Quads()), stored):
		return l.commitMerge(ctx)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	meta, indexes, err := storeMeta(tx)
	if err != nil {
		return err
	}
	b := l.batch()
	if err := writeBatch(ctx, kvlayout.TxSink(tx), meta, indexes, b); err != nil {
		return fmt.Errorf("adding %d graphs: %w", len(l.graphs), err)
	}
	err = tx.Commit()
	tx = nil
	if err != nil {
		return fmt.Errorf("adding %d graphs: %w", len(l.graphs), err)
	}
	l.terms = nil
	return nil
}

// mergeWhen tells whether adding n quads to a store of stored quads
// writes a new file (commitMerge) rather than a transaction. The file's
// cost follows the store's size, the transaction's the batch's (and the
// pages it touches, which it leaves as free space in the file). Measured
// on a store of 9.8 million quads (docs/performance.md), the file was
// faster for a batch of a tenth of the store, the transaction for one of
// a thirtieth; the file is written from a twelfth up.
var mergeWhen = func(n, stored uint64) bool { return n*12 >= stored }

// batch is the batch of an appender's live quads.
func (l *Loader) batch() *kvlayout.Batch {
	live, vals, values := l.prepare()
	l.quads, l.dedup, l.ids = quadChunks{}, nil, nil
	terms := l.terms
	return &kvlayout.Batch{
		Values: values,
		Encode: func(i int) ([]byte, error) { return kvlayout.EncodeValue(toValue(terms[vals[i]])) },
		Quads:  live,
	}
}

// commitMerge writes the store's file anew, the store's buckets merged
// with the appender's keys (kvlayout.MergeSink), and puts it in the old
// one's place.
func (l *Loader) commitMerge(ctx context.Context) error {
	s := l.s
	err := s.replaceFile(ctx, func(bf *kvlayout.File) error {
		tx, err := s.db.Begin(false)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		meta, indexes, err := storeMeta(tx)
		if err != nil {
			return err
		}
		m := kvlayout.MergeSink(tx, bf)
		if err := writeBatch(ctx, m, meta, indexes, l.batch()); err != nil {
			return err
		}
		return m.Finish()
	})
	if err != nil {
		return fmt.Errorf("adding %d graphs: %w", len(l.graphs), err)
	}
	l.terms = nil
	return nil
}

// commitReplace writes an appender's graphs through ReplaceGraphs, in the
// order they were first added.
func (l *Loader) commitReplace(ctx context.Context) error {
	names := make([]rdf.IRI, len(l.spans))
	for g, i := range l.graphs {
		names[i] = g
	}
	ups := make([]GraphUpdate, 0, len(l.graphs))
	for i, sp := range l.spans {
		if sp.dead {
			continue
		}
		u := GraphUpdate{Graph: names[i], Quads: make([]rdf.Quad, 0, sp.end-sp.start)}
		for j := sp.start; j < sp.end; j++ {
			q := l.quads.at(j)
			u.Quads = append(u.Quads, rdf.Quad{S: l.terms[q[0]], P: l.terms[q[1]], O: l.terms[q[2]]})
		}
		ups = append(ups, u)
	}
	_, err := l.s.ReplaceGraphs(ctx, ups)
	return err
}

// hasLabel reports whether any quad is listed in the graph with node id g,
// using an index that leads with the graph; without one, it assumes the
// graph may hold quads.
func hasLabel(tx *bolt.Tx, indexes []kvlayout.Index, g uint64) bool {
	for _, ind := range indexes {
		if ind.Leads(kvlayout.G) {
			b := tx.Bucket(ind.Bucket)
			if b == nil {
				return false
			}
			prefix := kvlayout.IDKey(g)
			key, _ := b.Cursor().Seek(prefix[:])
			return key != nil && bytes.HasPrefix(key, prefix[:])
		}
	}
	return true
}

// storeMeta is a bolt store's meta bucket and the indexes it lists.
func storeMeta(tx *bolt.Tx) (*bolt.Bucket, []kvlayout.Index, error) {
	meta := tx.Bucket(kvlayout.MetaBucket)
	if meta == nil {
		return nil, nil, fmt.Errorf("store has no meta bucket")
	}
	indexes, err := kvlayout.StoreIndexes(meta.Get(kvlayout.MetaIndexes))
	return meta, indexes, err
}
