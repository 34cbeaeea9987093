package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/rdf"
)

// The first-load path of the embedded store. Filling an empty store is the
// one write that needs no reading at all, and it is the big one: a whole
// archive at once. A Loader gathers the graphs in memory as small integer
// tuples, and Commit writes a new store file from nothing, every bucket in
// key order, so that each B+tree grows only at its right edge and its
// pages are filled completely. The new file replaces the store's file by
// a rename once it is complete and synced: a failure or a crash before
// that leaves the store exactly as it was, empty; after it, everything is
// there.
//
// The layout written is Cayley's kv layout (see kvlayout.go);
// ids are dense: values first, 1..V in order of first use, then quads.

// Loader gathers graphs for the first load of an empty embedded store.
// It is not safe for concurrent use, and the store must not be read or
// written by anyone else until Commit returns.
type Loader struct {
	s      *Store
	ids    map[rdf.Term]uint32 // term -> index in terms
	terms  []rdf.Term
	quads  quadChunks // subject, predicate, object, graph as term indexes
	spans  []loadSpan
	graphs map[rdf.IRI]int // graph -> its live span
	dedup  map[[3]uint32]struct{}

	// Progress, when set, is called during Commit with the number of keys
	// written so far and the number to write.
	Progress func(done, total int64)
}

type loadSpan struct {
	start, end int
	dead       bool // replaced by a later Add of the same graph
}

// NewLoader returns a Loader when the store is an embedded bolt store that
// holds no quads yet; ok is false for any other store, which callers fill
// with ReplaceGraphs instead.
func (s *Store) NewLoader(ctx context.Context) (l *Loader, ok bool, err error) {
	if s.boltOf() == nil {
		return nil, false, nil
	}
	l = &Loader{s: s, ids: map[rdf.Term]uint32{}, graphs: map[rdf.IRI]int{}, dedup: map[[3]uint32]struct{}{}}
	// The store must hold no quads but its own settings (Match hides
	// those), and the settings, the base above all, go into the new file.
	for _, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			return nil, false, err
		}
		return nil, false, nil
	}
	for q, err := range s.match(ctx, nil, nil, nil, metaGraph) {
		if err != nil {
			return nil, false, err
		}
		l.add(q)
	}
	if l.quads.n > 0 {
		l.spans = append(l.spans, loadSpan{0, l.quads.n, false})
		l.graphs[metaGraph] = 0
	}
	return l, true, nil
}

func (l *Loader) term(t rdf.Term) uint32 {
	if i, ok := l.ids[t]; ok {
		return i
	}
	i := uint32(len(l.terms))
	l.terms = append(l.terms, t)
	l.ids[t] = i
	return i
}

func (l *Loader) add(q rdf.Quad) {
	l.quads.add([4]uint32{l.term(q.S), l.term(q.P), l.term(q.O), l.term(q.G)})
}

// Add makes graph g hold quads (their own graph names are ignored) once
// the load is committed. A graph added again replaces what was added
// before. Nothing is written until Commit.
func (l *Loader) Add(g rdf.IRI, quads []rdf.Quad) (Change, error) {
	if g == metaGraph {
		return Change{}, fmt.Errorf("graph %s is reserved", g)
	}
	for _, q := range quads {
		q.G = g
		if err := q.Valid(); err != nil {
			return Change{}, fmt.Errorf("graph %s: %w", g, err)
		}
	}
	if i, ok := l.graphs[g]; ok {
		l.spans[i].dead = true
	}
	start := l.quads.n
	gi := l.term(g)
	clear(l.dedup)
	for _, q := range quads {
		t := [3]uint32{l.term(q.S), l.term(q.P), l.term(q.O)}
		if _, dup := l.dedup[t]; dup {
			continue
		}
		l.dedup[t] = struct{}{}
		l.quads.add([4]uint32{t[0], t[1], t[2], gi})
	}
	l.graphs[g] = len(l.spans)
	l.spans = append(l.spans, loadSpan{start: start, end: l.quads.n})
	return Change{Added: l.quads.n - start}, nil
}

// Extend adds quads to graph g, keeping what was added to g before.
func (l *Loader) Extend(g rdf.IRI, quads []rdf.Quad) (Change, error) {
	i, ok := l.graphs[g]
	if !ok {
		return l.Add(g, quads)
	}
	sp := l.spans[i]
	all := make([]rdf.Quad, 0, sp.end-sp.start+len(quads))
	for i := sp.start; i < sp.end; i++ {
		q := l.quads.at(i)
		all = append(all, rdf.Quad{S: l.terms[q[0]], P: l.terms[q[1]], O: l.terms[q[2]]})
	}
	ch, err := l.Add(g, append(all, quads...))
	ch.Added -= sp.end - sp.start
	return ch, err
}

// Quads reports how many quads the load will write.
func (l *Loader) Quads() int {
	n := 0
	for _, sp := range l.spans {
		if !sp.dead {
			n += sp.end - sp.start
		}
	}
	return n
}

// Commit writes everything added into a new store file and puts it in the
// place of the store's file. On error the store is as it was.
func (l *Loader) Commit(ctx context.Context) (err error) {
	s := l.s
	v, ok := boltDBs.Load(s.qs)
	if !ok {
		return errors.New("graph: the store is no longer an open embedded store")
	}
	path := v.(*hbolt.DB).DB().Path()
	tmp := path + ".new"
	os.Remove(tmp)

	// Live quads, in the order added, and the values they use.
	nq := l.Quads()
	live := l.quads.live(l.spans, nq)
	l.quads, l.dedup, l.ids = quadChunks{}, nil, nil
	refcnt := make([]uint32, len(l.terms))
	for _, q := range live {
		for _, t := range q {
			refcnt[t]++
		}
	}
	// Node ids: 1..V for the values in use, in order of first use.
	nodeID := make([]uint32, len(l.terms))
	var vals []uint32 // value index by node id - 1
	for i, c := range refcnt {
		if c > 0 {
			vals = append(vals, uint32(i))
			nodeID[i] = uint32(len(vals))
		}
	}
	nv := uint64(len(vals))
	hashes := hashValues(l.terms, vals)

	// Cayley's own settings are copied from the store's meta bucket.
	var version, indexes []byte
	err = v.(*hbolt.DB).DB().View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(metaBucket); b != nil {
			version = slices.Clone(b.Get(metaVersion))
			indexes = slices.Clone(b.Get(metaIndexes))
		}
		return nil
	})
	if err != nil || version == nil || indexes == nil {
		return fmt.Errorf("%s: no store settings to copy (%v)", path, err)
	}

	bf, err := newBoltFile(tmp, os.Getpagesize())
	if err != nil {
		return err
	}
	var hdb *hbolt.DB
	kept := false
	defer func() {
		if !kept {
			if bf.f != nil {
				bf.close()
			}
			if hdb != nil {
				hdb.Close()
			}
			os.Remove(tmp)
		}
	}()
	total := int64(nv)*3 + int64(nq)*int64(1+len(kvIndexes))
	var done int64
	step := func(n int64) error {
		done += n
		if done&0xffff < n {
			if l.Progress != nil {
				l.Progress(done, total)
			}
			return ctx.Err()
		}
		return nil
	}
	now := time.Now().UnixNano()
	var key, val []byte

	// The log: values, then quads, by id.
	log := bf.bucket(logBucket)
	for i, t := range vals {
		data, err := pquads.MarshalValue(toValue(l.terms[t]))
		if err != nil {
			return err
		}
		id := uint64(i + 1)
		key = appendIDKey(key[:0], id)
		val = nodePrimitive(val[:0], id, data, now)
		log.put(key, val)
		if err := step(1); err != nil {
			return err
		}
	}
	// From here on a quad holds node ids.
	for i, q := range live {
		live[i] = [4]uint32{nodeID[q[0]], nodeID[q[1]], nodeID[q[2]], nodeID[q[3]]}
	}
	nodeID = nil
	for i, q := range live {
		id := nv + 1 + uint64(i)
		key = appendIDKey(key[:0], id)
		val = quadPrimitive(val[:0], id, [4]uint64{uint64(q[0]), uint64(q[1]), uint64(q[2]), uint64(q[3])}, now)
		log.put(key, val)
		if err := step(1); err != nil {
			return err
		}
	}
	log.close()
	// Values by hash, then their reference counts, each in a bucket named
	// by the hash's first two bytes.
	order := make([]uint32, len(vals))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return bytes.Compare(hashes[a][:], hashes[b][:]) })
	for _, bucketOf := range []func(*refs.ValueHash) []byte{valueCountBucket, valueIDBucket} {
		var bw *bucketWriter
		for _, i := range order {
			h := &hashes[i]
			if bw == nil || bw.name[1] != h[0] || bw.name[2] != h[1] {
				if bw != nil {
					bw.close()
				}
				bw = bf.bucket(bucketOf(h))
			}
			if bw.name[0] == valueIDPrefix {
				val = binary.AppendUvarint(val[:0], uint64(i)+1)
			} else {
				val = binary.AppendUvarint(val[:0], uint64(refcnt[vals[i]]))
			}
			bw.put(h[:], val)
			if err := step(1); err != nil {
				return err
			}
		}
		if bw != nil {
			bw.close()
		}
	}
	// Indexes: each sorted by its key while the previous one is written.
	qids := live
	sorted := make([]chan []uint32, len(kvIndexes))
	for i := range kvIndexes {
		sorted[i] = make(chan []uint32, 1)
	}
	go func() {
		for i, ind := range kvIndexes {
			sorted[i] <- sortForIndex(qids, ind.Dirs)
		}
	}()
	for i, ind := range kvIndexes {
		perm := <-sorted[i]
		bw := bf.bucket(ind.Key(nil)[0])
		for j := 0; j < len(perm); {
			key = key[:0]
			for _, dir := range ind.Dirs {
				key = appendIDKey(key, uint64(qids[perm[j]][dirIndex(dir)]))
			}
			k := j + 1
			for k < len(perm) && sameKey(qids[perm[j]], qids[perm[k]], ind.Dirs) {
				k++
			}
			val = val[:0]
			for _, p := range perm[j:k] {
				val = binary.AppendUvarint(val, nv+1+uint64(p))
			}
			bw.put(key, val)
			if err := step(int64(k - j)); err != nil {
				return err
			}
			j = k
		}
		bw.close()
	}
	meta := bf.bucket(metaBucket)
	meta.put(metaHorizon, appendCounter(nil, nv+uint64(len(qids))))
	meta.put(metaIndexes, indexes)
	meta.put(metaSize, appendCounter(nil, uint64(len(qids))))
	meta.put(metaVersion, version)
	meta.close()
	if err := bf.finish(); err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	if err := bf.close(); err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	if l.Progress != nil {
		l.Progress(total, total)
	}
	hdb, err = hbolt.Open(tmp, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	qs, err := kv.New(hdb, noBloomOptions)
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	// The point of no return: the new file takes the old one's name.
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	kept = true
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	old := s.qs
	registerBolt(qs, hdb)
	s.qs = qs
	s.terms = termCache{}
	s.quads.invalidate()
	unregisterBolt(old)
	old.Close()
	l.terms, l.ids = nil, nil
	return nil
}

// quadChunks holds the quads of a load in fixed-size chunks, so that
// growing never copies (or briefly doubles) the whole list.
type quadChunks struct {
	chunks [][][4]uint32
	n      int
}

const quadChunk = 1 << 16

func (c *quadChunks) add(q [4]uint32) {
	if c.n%quadChunk == 0 {
		c.chunks = append(c.chunks, make([][4]uint32, 0, quadChunk))
	}
	last := len(c.chunks) - 1
	c.chunks[last] = append(c.chunks[last], q)
	c.n++
}

func (c *quadChunks) at(i int) [4]uint32 { return c.chunks[i/quadChunk][i%quadChunk] }

// live copies the quads of the spans not replaced into one slice, letting
// each chunk go as soon as it has been copied.
func (c *quadChunks) live(spans []loadSpan, n int) [][4]uint32 {
	out := make([][4]uint32, 0, n)
	ci := 0
	for _, sp := range spans {
		for i := sp.start; i < sp.end; {
			ch := i / quadChunk
			for ; ci < ch; ci++ {
				c.chunks[ci] = nil
			}
			end := min(sp.end, (ch+1)*quadChunk)
			if !sp.dead {
				out = append(out, c.chunks[ch][i%quadChunk:i%quadChunk+end-i]...)
			}
			i = end
		}
	}
	return out
}

// hashValues computes the store hash of each value in use, on every core.
func hashValues(terms []rdf.Term, vals []uint32) []refs.ValueHash {
	hashes := make([]refs.ValueHash, len(vals))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	step := (len(vals) + workers - 1) / workers
	for lo := 0; lo < len(vals); lo += step {
		hi := min(lo+step, len(vals))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				hashes[i] = refs.HashOf(toValue(terms[vals[i]]))
			}
		}()
	}
	wg.Wait()
	return hashes
}

func sameKey(a, b [4]uint32, dirs []quad.Direction) bool {
	for _, d := range dirs {
		if a[dirIndex(d)] != b[dirIndex(d)] {
			return false
		}
	}
	return true
}

// sortForIndex returns the positions of qids ordered by an index's key,
// then by position: a least-significant-digit radix sort, 16 bits a pass,
// stable, so that equal keys keep their positions in order.
func sortForIndex(qids [][4]uint32, dirs []quad.Direction) []uint32 {
	n := len(qids)
	perm := make([]uint32, n)
	for i := range perm {
		perm[i] = uint32(i)
	}
	tmp := make([]uint32, n)
	var count [1 << 16]int
	for d := len(dirs) - 1; d >= 0; d-- {
		di := dirIndex(dirs[d])
		var hi uint32
		for _, q := range qids {
			hi |= q[di]
		}
		for shift := uint(0); shift < 32 && (shift == 0 || hi>>shift != 0); shift += 16 {
			clear(count[:])
			for _, p := range perm {
				count[(qids[p][di]>>shift)&0xffff]++
			}
			sum := 0
			for k, c := range count {
				count[k] = sum
				sum += c
			}
			for _, p := range perm {
				k := (qids[p][di] >> shift) & 0xffff
				tmp[count[k]] = p
				count[k]++
			}
			perm, tmp = tmp, perm
		}
	}
	return perm
}
