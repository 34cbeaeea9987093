package graph

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/rdf"
)

// The read path of the bolt store, straight from Cayley's key-value layout
// (described in kvlayout.go): an index bucket maps a key of 8-byte node ids to
// the list of ids of the quads under it (uvarints), and the "log" bucket
// maps each id to its primitive, a quad's four node ids or a node's value.
// Going through Cayley's iterators costs a transaction per lookup and a
// protobuf message per quad; here a batch of quads is read in one
// transaction with the primitives decoded in place. No transaction is held
// while the caller works on a batch, so a caller that starts other reads
// meanwhile cannot deadlock against a writer.

// quadCacheMax bounds the quad cache; past it, quads are read from the log.
const quadCacheMax = 4 << 20

// quadCache keeps the node ids of quads read from the log, by quad id, so
// that index scans read the index alone. A quad's primitive changes in one
// way only, when the quad is deleted; every write that may delete clears
// the cache when it has committed (invalidate), and a reader stores what
// it read only if no such write finished since it began its transaction.
type quadCache struct {
	mu  sync.RWMutex
	gen uint64
	m   map[uint64][4]uint64 // live quads only
}

func (c *quadCache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *quadCache) get(id uint64) ([4]uint64, bool) {
	c.mu.RLock()
	ids, ok := c.m[id]
	c.mu.RUnlock()
	return ids, ok
}

func (c *quadCache) put(gen uint64, qids []uint64, ids [][4]uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if c.m == nil {
		c.m = make(map[uint64][4]uint64, len(qids))
	}
	for i, q := range qids {
		if len(c.m) >= quadCacheMax {
			return
		}
		c.m[q] = ids[i]
	}
}

// invalidate forgets every quad; writes that delete call it after committing.
func (c *quadCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.m = nil
	c.mu.Unlock()
}

// boltOf returns the bolt database of the store, or nil when it is not a
// bolt store.
func (s *Store) boltOf() *bolt.DB {
	v, ok := boltDBs.Load(s.qs)
	if !ok {
		return nil
	}
	return v.(*hbolt.DB).DB()
}

// boltIDs resolves terms to node ids in one transaction; an unknown term
// gets 0.
func boltIDs(db *bolt.DB, ts []rdf.Term) ([]uint64, error) {
	out := make([]uint64, len(ts))
	err := db.View(func(tx *bolt.Tx) error {
		for i, t := range ts {
			h := refs.HashOf(toValue(t))
			b := tx.Bucket(valueIDBucket(&h))
			if b == nil {
				continue
			}
			if v := b.Get(h[:]); len(v) > 0 {
				out[i], _ = binary.Uvarint(v)
			}
		}
		return nil
	})
	return out, err
}

// logTerm reads the term of node id from the log bucket.
func logTerm(log *bolt.Bucket, id uint64) (rdf.Term, error) {
	key := idKey(id)
	var v []byte
	if log != nil {
		v = log.Get(key[:])
	}
	if v == nil {
		return nil, fmt.Errorf("graph: node %d is missing from the store", id)
	}
	p, err := decodePrimitive(v)
	if err != nil {
		return nil, err
	}
	qv, err := pquads.UnmarshalValue(p.value)
	if err != nil {
		return nil, fmt.Errorf("graph: node %d: %w", id, err)
	}
	return fromValue(qv)
}

// boltScan reads the quads of one index prefix (or of the whole log when
// nothing is bound) in batches.
type boltScan struct {
	db      *bolt.DB
	bucket  []byte // index bucket; nil scans the log
	prefix  []byte
	last    []byte   // the last key read; nil before the first
	pending []uint64 // quad ids of the last key not read yet
	done    bool
	quads   *quadCache
}

func newBoltScan(db *bolt.DB, want [4]uint64) *boltScan {
	best, bestN := bestIndex(want, nil)
	if best < 0 {
		return &boltScan{db: db}
	}
	ind := kvIndexes[best]
	ids := make([]uint64, bestN)
	for i, d := range ind.Dirs[:bestN] {
		ids[i] = want[dirIndex(d)]
	}
	k := ind.Key(ids)
	return &boltScan{db: db, bucket: k[0], prefix: k[1]}
}

// countNext is next without resolving terms.
func (sc *boltScan) countNext(n int, want [4]uint64, meta uint64, out [][4]uint64) ([][4]uint64, error) {
	return sc.next(n, want, meta, nil, out)
}

// next appends to out the node ids of up to n more live quads matching
// want (and not in the meta graph when want has no graph), and resolves
// through cache the node ids it does not know yet, in the same transaction.
func (sc *boltScan) next(n int, want [4]uint64, meta uint64, cache *termCache, out [][4]uint64) ([][4]uint64, error) {
	if sc.done {
		return out, nil
	}
	var gen uint64
	var readIDs []uint64
	var readQuads [][4]uint64
	if sc.quads != nil {
		gen = sc.quads.generation()
	}
	err := sc.db.View(func(tx *bolt.Tx) error {
		log := tx.Bucket(logBucket)
		if log == nil {
			sc.done = true
			return nil
		}
		keep := func(ids [4]uint64) {
			for i, w := range want {
				if w != 0 && ids[i] != w {
					return
				}
			}
			if want[3] == 0 && meta != 0 && ids[3] == meta {
				return
			}
			out = append(out, ids)
		}
		take := func(b []byte) error {
			if b == nil {
				return nil
			}
			p, err := decodePrimitive(b)
			if err != nil {
				return err
			}
			if !p.isQuad() {
				return nil
			}
			for i, w := range want {
				if w != 0 && p.ids[i] != w {
					return nil
				}
			}
			if want[3] == 0 && meta != 0 && p.ids[3] == meta {
				return nil
			}
			out = append(out, p.ids)
			return nil
		}
		start := len(out)
		if sc.bucket == nil {
			// Every quad: walk the log.
			c := log.Cursor()
			var k, v []byte
			if sc.last == nil {
				k, v = c.First()
			} else {
				k, v = c.Seek(sc.last)
				if bytes.Equal(k, sc.last) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(out)-start < n; k, v = c.Next() {
				sc.last = append(sc.last[:0], k...)
				if err := take(v); err != nil {
					return err
				}
			}
			if k == nil {
				sc.done = true
			}
		} else {
			b := tx.Bucket(sc.bucket)
			if b == nil {
				sc.done = true
				return nil
			}
			c := b.Cursor()
			for len(out)-start < n {
				if len(sc.pending) == 0 {
					var k, v []byte
					if sc.last == nil {
						k, v = c.Seek(sc.prefix)
					} else {
						k, v = c.Seek(sc.last)
						if bytes.Equal(k, sc.last) {
							k, v = c.Next()
						}
					}
					if k == nil || !bytes.HasPrefix(k, sc.prefix) {
						sc.done = true
						break
					}
					sc.last = append(sc.last[:0], k...)
					for len(v) > 0 {
						id, m := binary.Uvarint(v)
						if m <= 0 {
							return errPrimitive
						}
						sc.pending = append(sc.pending, id)
						v = v[m:]
					}
					continue
				}
				id := sc.pending[0]
				sc.pending = sc.pending[1:]
				if sc.quads != nil {
					if ids, ok := sc.quads.get(id); ok {
						keep(ids)
						continue
					}
				}
				key := idKey(id)
				v := log.Get(key[:])
				if v == nil {
					continue
				}
				p, err := decodePrimitive(v)
				if err != nil {
					return err
				}
				if !p.isQuad() {
					continue
				}
				if sc.quads != nil {
					readIDs = append(readIDs, id)
					readQuads = append(readQuads, p.ids)
				}
				keep(p.ids)
			}
		}
		if len(readIDs) > 0 {
			sc.quads.put(gen, readIDs, readQuads)
		}
		if cache == nil {
			return nil
		}
		// Resolve the node ids the cache does not know.
		var missing []uint64
		var terms []rdf.Term
		var asked map[uint64]bool
		for _, ids := range out[start:] {
			for _, id := range ids {
				if id == 0 {
					continue
				}
				if _, ok := cache.get(id); ok {
					continue
				}
				if asked == nil {
					asked = map[uint64]bool{}
				}
				if asked[id] {
					continue
				}
				asked[id] = true
				t, err := logTerm(log, id)
				if err != nil {
					return err
				}
				missing = append(missing, id)
				terms = append(terms, t)
			}
		}
		if len(missing) > 0 {
			cache.put(missing, terms)
		}
		return nil
	})
	return out, err
}

// estimate counts the quad ids listed under the scan's prefix, up to
// limit, without reading a single quad: deleted quads stay listed in
// Cayley's indexes, so this is an upper bound. ok is false when the
// pattern binds a position the prefix does not cover.
func (sc *boltScan) estimate(want [4]uint64, limit int) (n int, ok bool, err error) {
	if sc.bucket == nil {
		return 0, false, nil
	}
	covered := len(sc.prefix) / 8
	bound := 0
	for _, w := range want {
		if w != 0 {
			bound++
		}
	}
	if bound != covered {
		return 0, false, nil
	}
	err = sc.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(sc.bucket)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(sc.prefix); k != nil && bytes.HasPrefix(k, sc.prefix); k, v = c.Next() {
			for _, x := range v {
				if x < 0x80 {
					n++ // the last byte of a uvarint
				}
			}
			if limit > 0 && n >= limit {
				n = limit
				return nil
			}
		}
		return nil
	})
	return n, true, err
}
