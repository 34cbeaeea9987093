package kvlayout

import (
	"bytes"
	"fmt"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// The read side of the layout on a bolt database: lookups and the one scan
// every reader of quads uses.

// ValueID finds the node id of the value with hash h; 0 when unknown.
func ValueID(tx *bolt.Tx, h *Hash) uint64 {
	b := tx.Bucket(ValueIDBucket(h))
	if b == nil {
		return 0
	}
	return Number(b.Get(h[:]))
}

// LogValue reads the value of node id from the log.
func LogValue(log *bolt.Bucket, id uint64) (quad.Value, error) {
	key := IDKey(id)
	var v []byte
	if log != nil {
		v = log.Get(key[:])
	}
	if v == nil {
		return nil, fmt.Errorf("graph: node %d is missing from the store", id)
	}
	p, err := DecodePrimitive(v)
	if err != nil {
		return nil, err
	}
	qv, err := DecodeValue(p.Value)
	if err != nil {
		return nil, fmt.Errorf("graph: node %d: %w", id, err)
	}
	return qv, nil
}

// LogQuad reads the node ids of quad id from the log; live is false for a
// deleted quad, a node, or an id the log lacks.
func LogQuad(log *bolt.Bucket, id uint64) (ids [4]uint64, live bool, err error) {
	if log == nil {
		return ids, false, nil
	}
	key := IDKey(id)
	v := log.Get(key[:])
	if v == nil {
		return ids, false, nil
	}
	p, err := DecodePrimitive(v)
	if err != nil || !p.IsQuad() {
		return ids, false, err
	}
	return p.IDs, true, nil
}

// InLog reports whether the log holds a record for id: a node's record
// goes when its last quad does, and ids are never reused.
func InLog(log *bolt.Bucket, id uint64) bool {
	key := IDKey(id)
	return log != nil && log.Get(key[:]) != nil
}

// QuadFunc finds the node ids of a live quad by its id (a cache in front of
// LogQuad).
type QuadFunc func(id uint64) (ids [4]uint64, live bool, err error)

// Scan reads the quads that pass a filter from the index whose key starts
// with the most of its bound positions (Best), or from the whole log when
// no index leads with a bound one. One scan may run in one transaction
// (Open, then Next to the end) or across several: Suspend keeps its place
// when a transaction ends, and Open in the next one goes on from there.
type Scan struct {
	Filter Filter
	Index  int      // in the indexes the scan was planned on; -1 walks the log
	Bucket []byte   // the index's bucket; nil walks the log
	prefix [32]byte // the key prefix of the bound positions: prefix[:plen]
	plen   int
	// Check, when set, is called at every key read (a record of the log,
	// an entry of an index); its error ends the scan.
	Check func() error

	tx   *bolt.Tx
	log  *bolt.Bucket // found when first needed
	c    *bolt.Cursor
	key  []byte // the current key (in the transaction, or a copy once suspended)
	list []byte // the current key's quad ids not read yet
	at   bool   // the cursor stands on key in this transaction
	done bool
	// Where Suspend keeps key and list, reused from one transaction to
	// the next.
	savedKey, savedList []byte
}

// NewScan plans a scan of the quads passing f over indexes, those usable
// when usable is given.
func NewScan(indexes []Index, f Filter, usable func(int) bool) *Scan {
	s := new(Scan)
	s.Plan(indexes, f, usable)
	return s
}

// Plan sets s up as NewScan does, in place (a scan on the caller's stack).
func (s *Scan) Plan(indexes []Index, f Filter, usable func(int) bool) {
	*s = Scan{Filter: f, Index: -1}
	best, n := Best(indexes, f.Want, usable)
	if best >= 0 {
		s.Index, s.Bucket = best, indexes[best].Bucket
		s.plen = len(indexes[best].AppendKey(s.prefix[:0], f.Want, n))
	}
}

// Covered reports whether the prefix binds every wanted position, so that
// every quad listed under it matches (if live).
func (s *Scan) Covered() bool { return s.Bucket != nil && s.plen/8 == s.Filter.Bound() }

// Open begins or resumes the scan in tx; c, when not nil, is a cursor of
// the scan's bucket in tx to use.
func (s *Scan) Open(tx *bolt.Tx, c *bolt.Cursor) {
	s.tx, s.log, s.at = tx, nil, false
	if s.done {
		return
	}
	if c == nil {
		name := LogBucket
		if s.Bucket != nil {
			name = s.Bucket
		}
		b := tx.Bucket(name)
		if b == nil {
			s.done = true
			return
		}
		c = b.Cursor()
	}
	s.c = c
}

// Cursor is the cursor the scan reads with in the current transaction.
func (s *Scan) Cursor() *bolt.Cursor { return s.c }

// Suspend copies what the scan needs to go on after its transaction ends.
func (s *Scan) Suspend() {
	// key and list may already be in the buffers (nothing read since the
	// last Suspend): append moves them within, overlapping or not.
	// A scan not begun keeps a nil key.
	if s.key != nil {
		s.savedKey = append(s.savedKey[:0], s.key...)
		s.key = s.savedKey
	}
	s.savedList = append(s.savedList[:0], s.list...)
	s.list = s.savedList
	s.tx, s.c, s.log, s.at = nil, nil, nil, false
}

// Done reports whether the scan has read everything.
func (s *Scan) Done() bool { return s.done }

// nextKey moves to the next key of the scan and reports whether there is one.
func (s *Scan) nextKey() (bool, error) {
	if s.Check != nil {
		if err := s.Check(); err != nil {
			return false, err
		}
	}
	var k, v []byte
	switch {
	case s.at:
		k, v = s.c.Next()
	case s.key == nil && s.Bucket != nil:
		k, v = s.c.Seek(s.prefix[:s.plen])
	case s.key == nil:
		k, v = s.c.First()
	default:
		k, v = s.c.Seek(s.key)
		if bytes.Equal(k, s.key) {
			k, v = s.c.Next()
		}
	}
	if k == nil || (s.Bucket != nil && !bytes.HasPrefix(k, s.prefix[:s.plen])) {
		s.done = true
		return false, nil
	}
	s.key, s.list, s.at = k, v, true
	return true, nil
}

// Next returns the node ids of the next quad that passes the filter;
// ok is false at the end. An index scan finds quads by id through quad
// (LogQuad when nil). newKey tells that the quad is listed under another
// index key than the one Next returned before.
func (s *Scan) Next(quad QuadFunc) (ids [4]uint64, newKey, ok bool, err error) {
	for !s.done && s.c != nil {
		if s.Bucket == nil {
			// The log: one record per key, quads and nodes alike.
			if more, err := s.nextKey(); !more {
				return ids, false, false, err
			}
			p, err := DecodePrimitive(s.list)
			if err != nil {
				return ids, false, false, err
			}
			s.list = nil
			if p.IsQuad() && s.Filter.Match(p.IDs) {
				return p.IDs, true, true, nil
			}
			continue
		}
		if len(s.list) == 0 {
			if more, err := s.nextKey(); !more {
				return ids, false, false, err
			}
			newKey = true
			continue
		}
		var id uint64
		if id, s.list, err = NextID(s.list); err != nil {
			return ids, false, false, err
		}
		var live bool
		if quad != nil {
			ids, live, err = quad(id)
		} else {
			if s.log == nil {
				s.log = s.tx.Bucket(LogBucket)
			}
			ids, live, err = LogQuad(s.log, id)
		}
		if err != nil {
			return ids, false, false, err
		}
		if live && s.Filter.Match(ids) {
			return ids, newKey, true, nil
		}
	}
	return ids, false, false, nil
}

// SkipKey drops the quads of the current key not read yet.
func (s *Scan) SkipKey() { s.list = nil }

// Estimate counts the quad ids listed under a covered prefix (Covered),
// up to limit when limit > 0, without reading a quad: deleted quads stay
// listed, so this is an upper bound. ok is false when the prefix does not
// cover the pattern (see Covered). The scan must be open and unread.
func (s *Scan) Estimate(limit int) (n int, err error) {
	if s.c == nil {
		return 0, nil
	}
	for {
		more, err := s.nextKey()
		if !more {
			return n, err
		}
		n += CountIDs(s.list)
		if limit > 0 && n >= limit {
			return limit, nil
		}
	}
}

// AnyLive reports whether a list of quad ids holds a live quad that keep
// accepts.
func AnyLive(list []byte, quad QuadFunc, keep func([4]uint64) bool) (bool, error) {
	for len(list) > 0 {
		id, rest, err := NextID(list)
		if err != nil {
			return false, err
		}
		list = rest
		ids, live, err := quad(id)
		if err != nil {
			return false, err
		}
		if live && (keep == nil || keep(ids)) {
			return true, nil
		}
	}
	return false, nil
}
