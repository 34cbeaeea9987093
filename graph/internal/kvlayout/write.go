package kvlayout

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The write side of the layout: one writer for a batch of new quads, into
// an open bolt transaction (an incremental batch, TxSink) or into a new
// bolt file written page by page (the first load, FileSink). The writer
// emits every bucket's keys in increasing order, each bucket once, which
// the file needs and a B+tree likes best.

// Batch is a set of new quads over a list of values.
type Batch struct {
	// Horizon is the last id the store handed out before the batch and
	// Size its number of live quads; both 0 for a new store.
	Horizon, Size uint64
	// Values are the distinct values the quads use, with their hashes.
	// Values the store lacks get ids Horizon+1, Horizon+2, … in this order;
	// the quads' ids follow.
	Values []Value
	// Encode returns the encoded value (EncodeValue) of Values[i].
	Encode func(i int) ([]byte, error)
	// Quads hold positions in Values: subject, predicate, object, graph
	// (every quad of a batch is in a named graph).
	Quads [][4]uint32
	// Indexes are the store's indexes.
	Indexes []Index
	// Settings, for a new store only: the "version" and "indexes" entries
	// of its meta bucket.
	Version, IndexList []byte
	// Now is the timestamp of the new primitives.
	Now int64
	// Step, when set, is told of every n keys written; its error stops
	// the write.
	Step func(n int64) error
}

// Value is one value of a batch.
type Value struct {
	Hash Hash
	Refs uint64 // the quad directions of the batch that use it
}

// Keys is how many keys a batch writes at most, for progress reports.
func (b *Batch) Keys() int64 {
	return int64(len(b.Values))*3 + int64(len(b.Quads))*int64(1+len(b.Indexes))
}

// Sink is where a batch is written.
type Sink interface {
	// Bucket opens the bucket name for keys given in increasing order.
	Bucket(name []byte) (BucketSink, error)
}

// BucketSink is one bucket being written.
type BucketSink interface {
	// Get returns the stored value of a key, nil when absent; only keys
	// after the last one put may be asked for.
	Get(key []byte) []byte
	Put(key, value []byte) error
	Close() error
}

// TxSink writes a batch into an open bolt transaction. The buckets it
// writes fill their pages completely when bolt splits them at commit
// (FillPercent 1, where bolt's default leaves each half empty): the keys of
// a batch go in increasing order and most land at a bucket's right edge
// (new ids sort after every stored one), so a half-empty page would stay
// half empty, and the file would grow by twice what the batch holds.
func TxSink(tx *bolt.Tx) Sink { return &txSink{tx: tx} }

type txSink struct {
	tx   *bolt.Tx
	slab []byte // room for the copies of keys and values bolt keeps
}

type txBucket struct {
	b    *bolt.Bucket
	s    *txSink
	last []byte // the bucket's last key before the batch; nil when empty
}

func (s *txSink) Bucket(name []byte) (BucketSink, error) {
	b, err := s.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, err
	}
	b.FillPercent = 1
	last, _ := b.Cursor().Last()
	return &txBucket{b: b, s: s, last: bytes.Clone(last)}, nil
}

// Get looks a key up unless it sorts after every key the bucket held: the
// keys of new ids, most of a batch's, need no search.
func (b *txBucket) Get(key []byte) []byte {
	if b.last == nil || bytes.Compare(key, b.last) > 0 {
		return nil
	}
	return b.b.Get(key)
}

// txSlab is the size of the blocks the copies of keys and values are cut
// from: one allocation for thousands of Puts.
const txSlab = 1 << 20

// Put copies key and value: bolt keeps them until the transaction ends,
// and the writer reuses its buffers.
func (b *txBucket) Put(key, value []byte) error {
	n := len(key) + len(value)
	s := b.s
	if len(s.slab)+n > cap(s.slab) {
		s.slab = make([]byte, 0, max(txSlab, n))
	}
	at := len(s.slab)
	s.slab = append(append(s.slab, key...), value...)
	buf := s.slab[at : at+n : at+n]
	return b.b.Put(buf[:len(key):len(key)], buf[len(key):])
}
func (b *txBucket) Close() error { return nil }

// FileSink writes a batch into a new bolt file (File).
func FileSink(f *File) Sink { return fileSink{f} }

type fileSink struct{ f *File }

type fileBucket struct{ w *BucketWriter }

func (s fileSink) Bucket(name []byte) (BucketSink, error) { return fileBucket{s.f.Bucket(name)}, nil }

func (b fileBucket) Get([]byte) []byte { return nil }
func (b fileBucket) Put(key, value []byte) error {
	b.w.Put(key, value)
	return b.w.bf.err
}
func (b fileBucket) Close() error {
	b.w.Close()
	return b.w.bf.err
}

// Write writes the batch: the values the store lacks get an id, a record
// in the log and their hash in a value-id bucket; every value's reference
// count grows by its uses; each quad gets an id, a record in the log, and
// its id appended to the list under its key in every index; the meta
// counters follow. It returns the new horizon.
func Write(sink Sink, b *Batch) (uint64, error) {
	if err := checkBatch(b); err != nil {
		return 0, err
	}
	w := &writer{sink: sink, b: b, step: b.Step}
	if w.step == nil {
		w.step = func(int64) error { return nil }
	}
	for _, part := range []func() error{w.number, w.log, w.counts, w.valueIDs, w.indexes, w.meta} {
		if err := part(); err != nil {
			return 0, err
		}
	}
	return w.horizon, nil
}

// writer is one Write under way.
type writer struct {
	sink Sink
	b    *Batch
	step func(int64) error

	byHash    []uint32 // positions of the values in hash order
	ids       []uint64 // node id of each value
	dense     bool     // every value is new: value i has id Horizon+1+i
	firstQuad uint64   // id of the first quad
	horizon   uint64   // the last id once written
	key, val  []byte   // buffers
}

// number finds the ids of the values the store has and numbers the rest,
// then the quads.
func (w *writer) number() error {
	b := w.b
	w.byHash = make([]uint32, len(b.Values))
	for i := range w.byHash {
		w.byHash[i] = uint32(i)
	}
	slices.SortFunc(w.byHash, func(x, y uint32) int { return bytes.Compare(b.Values[x].Hash[:], b.Values[y].Hash[:]) })
	w.ids = make([]uint64, len(b.Values))
	known := 0
	err := w.eachValueBucket(ValueIDBucket, true, func(bs BucketSink, i uint32) error {
		if id := Number(bs.Get(b.Values[i].Hash[:])); id != 0 {
			w.ids[i] = id
			known++
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.horizon = b.Horizon
	for i := range w.ids {
		if w.ids[i] == 0 {
			w.horizon++
			w.ids[i] = w.horizon
		}
	}
	w.dense = known == 0
	w.firstQuad = w.horizon + 1
	w.horizon += uint64(len(b.Quads))
	return nil
}

// log writes the records of the new values, then of the quads, by id.
func (w *writer) log() error {
	b, ids := w.b, w.ids
	log, err := w.sink.Bucket(LogBucket)
	if err != nil {
		return err
	}
	for i := range b.Values {
		if ids[i] <= b.Horizon {
			continue
		}
		data, err := b.Encode(i)
		if err != nil {
			return err
		}
		w.key = AppendIDKey(w.key[:0], ids[i])
		w.val = AppendNodePrimitive(w.val[:0], ids[i], data, b.Now)
		if err := log.Put(w.key, w.val); err != nil {
			return err
		}
		if err := w.step(1); err != nil {
			return err
		}
	}
	for i, q := range b.Quads {
		id := w.firstQuad + uint64(i)
		w.key = AppendIDKey(w.key[:0], id)
		w.val = AppendQuadPrimitive(w.val[:0], id, [4]uint64{ids[q[0]], ids[q[1]], ids[q[2]], ids[q[3]]}, b.Now)
		if err := log.Put(w.key, w.val); err != nil {
			return err
		}
		if err := w.step(1); err != nil {
			return err
		}
	}
	return log.Close()
}

// counts adds each value's uses to its reference count.
func (w *writer) counts() error {
	return w.eachValueBucket(ValueCountBucket, false, func(bs BucketSink, i uint32) error {
		h := w.b.Values[i].Hash[:]
		n := w.b.Values[i].Refs + Number(bs.Get(h))
		w.val = AppendNumber(w.val[:0], n)
		if err := bs.Put(h, w.val); err != nil {
			return err
		}
		return w.step(1)
	})
}

// valueIDs records the ids of the new values by their hashes.
func (w *writer) valueIDs() error {
	return w.eachValueBucket(ValueIDBucket, false, func(bs BucketSink, i uint32) error {
		if w.ids[i] <= w.b.Horizon {
			return nil
		}
		w.val = AppendNumber(w.val[:0], w.ids[i])
		if err := bs.Put(w.b.Values[i].Hash[:], w.val); err != nil {
			return err
		}
		return w.step(1)
	})
}

// indexes appends the quads' ids under their keys in every index, each
// index sorted by its key while the one before is written.
func (w *writer) indexes() error {
	b := w.b
	nodeID := func(pos uint32) uint64 {
		if w.dense {
			return b.Horizon + 1 + uint64(pos)
		}
		return w.ids[pos]
	}
	sorted := make([]chan []uint32, len(b.Indexes))
	for i := range b.Indexes {
		sorted[i] = make(chan []uint32, 1)
	}
	go func() {
		for i, ind := range b.Indexes {
			sorted[i] <- sortForIndex(b.Quads, ind.Pos, w.dense, w.ids)
		}
	}()
	for i, ind := range b.Indexes {
		perm := <-sorted[i]
		bs, err := w.sink.Bucket(ind.Bucket)
		if err != nil {
			return err
		}
		for j := 0; j < len(perm); {
			w.key = w.key[:0]
			for _, p := range ind.Pos {
				w.key = AppendIDKey(w.key, nodeID(b.Quads[perm[j]][p]))
			}
			k := j + 1
			for k < len(perm) && sameKey(b.Quads[perm[j]], b.Quads[perm[k]], ind.Pos) {
				k++
			}
			w.val = append(w.val[:0], bs.Get(w.key)...)
			for _, p := range perm[j:k] {
				w.val = binary.AppendUvarint(w.val, w.firstQuad+uint64(p))
			}
			if err := bs.Put(w.key, w.val); err != nil {
				return err
			}
			if err := w.step(int64(k - j)); err != nil {
				return err
			}
			j = k
		}
		if err := bs.Close(); err != nil {
			return err
		}
	}
	return nil
}

// meta writes the counters, and a new store's settings, in key order.
func (w *writer) meta() error {
	meta, err := w.sink.Bucket(MetaBucket)
	if err != nil {
		return err
	}
	entries := [][2][]byte{
		{MetaHorizon, AppendCounter(nil, w.horizon)},
		{MetaIndexes, w.b.IndexList},
		{MetaSize, AppendCounter(nil, w.b.Size+uint64(len(w.b.Quads)))},
		{MetaVersion, w.b.Version},
	}
	for _, e := range entries {
		if e[1] == nil {
			continue
		}
		if err := meta.Put(e[0], e[1]); err != nil {
			return err
		}
	}
	return meta.Close()
}

// eachValueBucket calls fn for the values in hash order, each with the
// bucket of its hash's first two bytes (named by bucketOf). A lookup
// (read) in a new file finds nothing and opens no bucket.
func (w *writer) eachValueBucket(bucketOf func(*Hash) []byte, read bool, fn func(BucketSink, uint32) error) error {
	if _, file := w.sink.(fileSink); file && read {
		return nil
	}
	var bs BucketSink
	var name []byte
	for _, i := range w.byHash {
		h := &w.b.Values[i].Hash
		if bs == nil || name[1] != h[0] || name[2] != h[1] {
			if bs != nil {
				if err := bs.Close(); err != nil {
					return err
				}
			}
			name = bucketOf(h)
			var err error
			if bs, err = w.sink.Bucket(name); err != nil {
				return err
			}
		}
		if err := fn(bs, i); err != nil {
			return err
		}
	}
	if bs != nil {
		return bs.Close()
	}
	return nil
}

func sameKey(a, b [4]uint32, pos []int) bool {
	for _, p := range pos {
		if a[p] != b[p] {
			return false
		}
	}
	return true
}

// sortForIndex returns the positions of quads ordered by an index's key
// of node ids (ids, or Horizon+1+position when dense, which orders as the
// position), then by position: a least-significant-digit radix sort, 16
// bits a pass, stable, so that equal keys keep their positions in order.
func sortForIndex(quads [][4]uint32, pos []int, dense bool, ids []uint64) []uint32 {
	n := len(quads)
	perm := make([]uint32, n)
	for i := range perm {
		perm[i] = uint32(i)
	}
	tmp := make([]uint32, n)
	var count [1 << 16]int
	key := func(p uint32, di int) uint64 {
		if dense {
			return uint64(quads[p][di])
		}
		return ids[quads[p][di]]
	}
	for d := len(pos) - 1; d >= 0; d-- {
		di := pos[d]
		var hi uint64
		for p := range quads {
			hi |= key(uint32(p), di)
		}
		for shift := uint(0); shift < 64 && (shift == 0 || hi>>shift != 0); shift += 16 {
			clear(count[:])
			for _, p := range perm {
				count[(key(p, di)>>shift)&0xffff]++
			}
			sum := 0
			for k, c := range count {
				count[k] = sum
				sum += c
			}
			for _, p := range perm {
				k := (key(p, di) >> shift) & 0xffff
				tmp[count[k]] = p
				count[k]++
			}
			perm, tmp = tmp, perm
		}
	}
	return perm
}

// checkBatch reports positions out of range, which would panic later.
func checkBatch(b *Batch) error {
	for _, q := range b.Quads {
		for _, p := range q {
			if int(p) >= len(b.Values) {
				return fmt.Errorf("kvlayout: quad names value %d of %d", p, len(b.Values))
			}
		}
	}
	return nil
}
