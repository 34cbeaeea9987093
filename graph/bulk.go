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
	meta := tx.Bucket(kvlayout.MetaBucket)
	if meta == nil {
		return nil, false, fmt.Errorf("store has no meta bucket")
	}
	indexes, err := kvlayout.StoreIndexes(meta.Get(kvlayout.MetaIndexes))
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
	b.Horizon = kvlayout.Counter(meta.Get(kvlayout.MetaHorizon))
	b.Size = kvlayout.Counter(meta.Get(kvlayout.MetaSize))
	b.Indexes = indexes
	b.Now = time.Now().UnixNano()
	if _, err := kvlayout.Write(kvlayout.TxSink(tx), &b); err != nil {
		return nil, true, fmt.Errorf("writing %d graphs: %w", len(last), err)
	}
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	err = tx.Commit()
	tx = nil
	if err != nil {
		return nil, true, fmt.Errorf("writing %d graphs: %w", len(last), err)
	}
	return chs, true, nil
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
