package graph

import (
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// The read path of the bolt store, straight from Cayley's key-value layout
// (internal/kvlayout). Going through Cayley's iterators costs a
// transaction per lookup and a protobuf message per quad; here a batch of
// quads is read in one transaction with the primitives decoded in place. No transaction is held
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

// boltIDs resolves terms to node ids in one transaction; an unknown term
// gets 0.
func boltIDs(db *bolt.DB, ts []rdf.Term) ([]uint64, error) {
	out := make([]uint64, len(ts))
	err := db.View(func(tx *bolt.Tx) error {
		for i, t := range ts {
			h := kvlayout.HashOf(toValue(t))
			out[i] = kvlayout.ValueID(tx, &h)
		}
		return nil
	})
	return out, err
}

// logTerm reads the term of node id from the log bucket.
func logTerm(log *bolt.Bucket, id uint64) (rdf.Term, error) {
	v, err := kvlayout.LogValue(log, id)
	if err != nil {
		return nil, err
	}
	return fromValue(v)
}

// boltScan reads the quads passing a filter in batches, a transaction a
// batch (kvlayout.Scan).
type boltScan struct {
	db    *bolt.DB
	sc    *kvlayout.Scan
	quads *quadCache // nil: read every quad from the log

	// In the transaction of a batch: the log, and the quads read from it
	// for the quad cache.
	log       *bolt.Bucket
	readIDs   []uint64
	readQuads [][4]uint64
}

func newBoltScan(db *bolt.DB, f kvlayout.Filter) *boltScan {
	return &boltScan{db: db, sc: kvlayout.NewScan(kvlayout.Indexes, f, nil)}
}

// quad finds a quad in the quad cache, or else in the log (and keeps it
// for the cache).
func (b *boltScan) quad(id uint64) ([4]uint64, bool, error) {
	if ids, ok := b.quads.get(id); ok {
		return ids, true, nil
	}
	ids, live, err := kvlayout.LogQuad(b.log, id)
	if live {
		b.readIDs = append(b.readIDs, id)
		b.readQuads = append(b.readQuads, ids)
	}
	return ids, live, err
}

// next appends to out the node ids of up to n more quads passing the
// filter, and, when cache is not nil, resolves through it the node ids it
// does not know yet, in the same transaction.
func (b *boltScan) next(n int, cache *termCache, out [][4]uint64) ([][4]uint64, error) {
	if b.sc.Done() {
		return out, nil
	}
	var gen uint64
	var quadOf kvlayout.QuadFunc
	if b.quads != nil {
		gen = b.quads.generation()
		quadOf = b.quad
	}
	b.readIDs, b.readQuads = b.readIDs[:0], b.readQuads[:0]
	err := b.db.View(func(tx *bolt.Tx) error {
		b.sc.Open(tx, nil)
		defer b.sc.Suspend()
		b.log = tx.Bucket(kvlayout.LogBucket)
		defer func() { b.log = nil }()
		start := len(out)
		for len(out)-start < n {
			ids, _, ok, err := b.sc.Next(quadOf)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			out = append(out, ids)
		}
		if len(b.readIDs) > 0 {
			b.quads.put(gen, b.readIDs, b.readQuads)
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
				t, err := logTerm(b.log, id)
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

// estimate counts the quad ids listed under the scan's prefix
// (kvlayout.Scan.Estimate); ok is false when the prefix does not cover
// the pattern.
func (b *boltScan) estimate(limit int) (n int, ok bool, err error) {
	if !b.sc.Covered() {
		return 0, false, nil
	}
	err = b.db.View(func(tx *bolt.Tx) error {
		b.sc.Open(tx, nil)
		defer b.sc.Suspend()
		n, err = b.sc.Estimate(limit)
		return err
	})
	return n, true, err
}
