package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"

	"github.com/docgraph/docgraph/rdf"
)

// The bulk write path of the embedded bolt store. Writing graphs that are
// not in the store yet (the first load of an archive) needs none of the
// work Cayley's general writer does per quad: no quad can already exist, so
// there is nothing to compare or delete. Here such a batch is written in
// one bolt transaction straight into Cayley's key-value layout, which
// Cayley's kv.QuadStore then reads like anything it wrote itself (the
// layout is in kvlayout.go):
//
//   - each new value gets an id from the "horizon" counter in the meta
//     bucket, a primitive in the log, and its hash in its value-id
//     bucket; values already present keep their id;
//   - every value's reference count (value-count buckets) grows by the
//     number of quad directions that use it;
//   - each quad gets an id, a primitive in the log, and its id appended to
//     the list under its key in every index the store was created with;
//   - the "size" counter grows by the number of quads.
//
// Keys are written in sorted order per bucket, the cheapest order for a
// B+tree. The store is opened with Cayley's bloom filters off, since they
// live in memory and would not see these writes (see openEmbedded).
//
// A batch that replaces any graph already holding quads goes through
// Cayley's writer instead, which computes and applies the difference.

// boltDBs maps the quad stores of open bolt stores to their databases.
var boltDBs sync.Map // *kv.QuadStore -> *hbolt.DB

func registerBolt(qs any, db any) {
	if bdb, ok := db.(*hbolt.DB); ok {
		boltDBs.Store(qs, bdb)
	}
}

func unregisterBolt(qs any) { boltDBs.Delete(qs) }

// bulkReplace writes updates through the bulk path when the store is a
// bolt store and none of the graphs holds quads yet. ok is false when the
// caller must use Cayley's writer.
func (s *Store) bulkReplace(ctx context.Context, updates []GraphUpdate, last map[rdf.IRI]int) (chs []Change, ok bool, err error) {
	v, found := boltDBs.Load(s.qs)
	if !found {
		return nil, false, nil
	}
	db := v.(*hbolt.DB).DB()
	tx, err := db.Begin(true)
	if err != nil {
		return nil, false, err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	w, err := newBulkTx(tx)
	if err != nil {
		return nil, false, err
	}
	// Every graph must be new: its name unknown, or known but labelling
	// no quad (a document that was deleted, or an IRI used only as a term).
	for g := range last {
		id := w.lookup(refs.HashOf(quad.IRI(g)))
		if id != 0 && w.hasLabel(id) {
			return nil, false, nil
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	chs = make([]Change, len(updates))
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
			w.add(q)
			chs[i].Added++
		}
	}
	if err := w.flush(); err != nil {
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

// bulkTx accumulates one batch of new quads inside a bolt transaction.
type bulkTx struct {
	tx      *bolt.Tx
	indexes []kv.QuadIndex
	meta    *bolt.Bucket
	horizon uint64
	now     int64

	nodes   map[refs.ValueHash]*bulkNode // values of this batch
	qv      [][4]*bulkNode               // quads of this batch, in input order
	buckets map[string]*bolt.Bucket
}

type bulkNode struct {
	hash  refs.ValueHash
	val   quad.Value
	id    uint64
	isNew bool
	refs  uint64
}

func newBulkTx(tx *bolt.Tx) (*bulkTx, error) {
	w := &bulkTx{tx: tx, now: time.Now().UnixNano(), nodes: map[refs.ValueHash]*bulkNode{}, buckets: map[string]*bolt.Bucket{}}
	w.meta = tx.Bucket(metaBucket)
	if w.meta == nil {
		return nil, fmt.Errorf("store has no meta bucket")
	}
	raw := w.meta.Get(metaIndexes)
	if raw == nil {
		return nil, fmt.Errorf("store lists no indexes")
	}
	if err := json.Unmarshal(raw, &w.indexes); err != nil || len(w.indexes) == 0 {
		return nil, fmt.Errorf("store's index list: %v", err)
	}
	w.horizon = getCounter(w.meta.Get(metaHorizon))
	return w, nil
}

func (w *bulkTx) bucket(name []byte) (*bolt.Bucket, error) {
	if b, ok := w.buckets[string(name)]; ok {
		return b, nil
	}
	b, err := w.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, err
	}
	w.buckets[string(name)] = b
	return b, nil
}

// lookup returns the id of a value already in the store, or 0.
func (w *bulkTx) lookup(h refs.ValueHash) uint64 {
	b := w.tx.Bucket(valueIDBucket(&h))
	if b == nil {
		return 0
	}
	v := b.Get(h[:])
	if len(v) == 0 {
		return 0
	}
	id, _ := binary.Uvarint(v)
	return id
}

// hasLabel reports whether any quad is in the graph with node id g, using
// an index that leads with the graph, or else any index's log.
func (w *bulkTx) hasLabel(g uint64) bool {
	for _, ind := range w.indexes {
		if len(ind.Dirs) > 0 && ind.Dirs[0] == quad.Label {
			k := ind.Key([]uint64{g})
			b := w.tx.Bucket(k[0])
			if b == nil {
				return false
			}
			c := b.Cursor()
			key, _ := c.Seek(k[1])
			return key != nil && bytes.HasPrefix(key, k[1])
		}
	}
	// No index by graph: assume the graph may hold quads.
	return true
}

func (w *bulkTx) node(v quad.Value) *bulkNode {
	h := refs.HashOf(v)
	n := w.nodes[h]
	if n == nil {
		n = &bulkNode{hash: h, val: v}
		w.nodes[h] = n
	}
	n.refs++
	return n
}

func (w *bulkTx) add(q rdf.Quad) {
	cq := toQuad(q)
	w.qv = append(w.qv, [4]*bulkNode{w.node(cq.Subject), w.node(cq.Predicate), w.node(cq.Object), w.node(cq.Label)})
}

func (w *bulkTx) put(bucket, key, val []byte) error {
	b, err := w.bucket(bucket)
	if err != nil {
		return err
	}
	return b.Put(key, val)
}

func uvarint(x uint64) []byte {
	var buf [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(buf[:], x)
	return append([]byte(nil), buf[:n]...)
}

func beKey(x uint64) []byte { return appendIDKey(nil, x) }

type kvPair struct{ k, v []byte }

func (w *bulkTx) flush() error {
	// Values, in hash order: resolve ids of known ones, number the new ones.
	nodes := make([]*bulkNode, 0, len(w.nodes))
	for _, n := range w.nodes {
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b *bulkNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	for _, n := range nodes {
		n.id = w.lookup(n.hash)
		if n.id == 0 {
			w.horizon++
			n.id, n.isNew = w.horizon, true
		}
	}
	var logs []kvPair
	for _, n := range nodes {
		vb := valueIDBucket(&n.hash)
		nb := valueCountBucket(&n.hash)
		cnt := n.refs
		if n.isNew {
			data, err := pquads.MarshalValue(n.val)
			if err != nil {
				return err
			}
			p := &cproto.Primitive{ID: n.id, Value: data, Timestamp: w.now}
			buf, err := proto.Marshal(p)
			if err != nil {
				return err
			}
			logs = append(logs, kvPair{beKey(n.id), buf})
			if err := w.put(vb, n.hash[:], uvarint(n.id)); err != nil {
				return err
			}
		} else if b := w.tx.Bucket(nb); b != nil {
			if old := b.Get(n.hash[:]); len(old) > 0 {
				c, _ := binary.Uvarint(old)
				cnt += c
			}
		}
		if err := w.put(nb, n.hash[:], uvarint(cnt)); err != nil {
			return err
		}
	}
	// Quads: ids in input order, then the log and every index.
	type entry struct {
		key []byte
		id  uint64
	}
	perIndex := make([][]entry, len(w.indexes))
	for _, qv := range w.qv {
		w.horizon++
		id := w.horizon
		p := &cproto.Primitive{ID: id, Subject: qv[0].id, Predicate: qv[1].id, Object: qv[2].id, Label: qv[3].id, Timestamp: w.now}
		buf, err := proto.Marshal(p)
		if err != nil {
			return err
		}
		logs = append(logs, kvPair{beKey(id), buf})
		for i, ind := range w.indexes {
			perIndex[i] = append(perIndex[i], entry{ind.KeyFor(p)[1], id})
		}
	}
	for i, ind := range w.indexes {
		es := perIndex[i]
		slices.SortFunc(es, func(a, b entry) int {
			if c := bytes.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		b, err := w.bucket(ind.Key(nil)[0])
		if err != nil {
			return err
		}
		for j := 0; j < len(es); {
			k := j
			for k < len(es) && bytes.Equal(es[k].key, es[j].key) {
				k++
			}
			old := b.Get(es[j].key)
			val := make([]byte, len(old), len(old)+(k-j)*binary.MaxVarintLen64)
			copy(val, old)
			for _, e := range es[j:k] {
				val = binary.AppendUvarint(val, e.id)
			}
			if err := b.Put(es[j].key, val); err != nil {
				return err
			}
			j = k
		}
	}
	slices.SortFunc(logs, func(a, b kvPair) int { return bytes.Compare(a.k, b.k) })
	lb, err := w.bucket(logBucket)
	if err != nil {
		return err
	}
	for _, kvp := range logs {
		if err := lb.Put(kvp.k, kvp.v); err != nil {
			return err
		}
	}
	if err := w.meta.Put(metaHorizon, appendCounter(nil, w.horizon)); err != nil {
		return err
	}
	size := getCounter(w.meta.Get(metaSize))
	return w.meta.Put(metaSize, appendCounter(nil, size+uint64(len(w.qv))))
}
