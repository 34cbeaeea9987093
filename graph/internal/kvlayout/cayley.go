package kvlayout

import (
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
)

// The layout as Cayley's kv.QuadStore hands it out, for the engines read
// through Cayley's iterators (leveldb, pebble): node ids as refs, quads as
// primitives, and the same choice of index as Scan.

// Ref is the ref Cayley gives node id.
func Ref(id uint64) cgraph.Ref { return kv.Int64Value(id) }

// RefID is the node id of a ref Cayley gave; 0 for any other ref.
func RefID(r cgraph.Ref) uint64 {
	if v, ok := r.(kv.Int64Value); ok {
		return uint64(v)
	}
	return 0
}

// RefQuad is the node ids of the quad a Cayley iterator yielded; live is
// false for a deleted quad or anything but a quad.
func RefQuad(r cgraph.Ref) (ids [4]uint64, live bool) {
	p, ok := r.(*cproto.Primitive)
	if !ok || p == nil || p.Deleted || p.Subject == 0 {
		return ids, false
	}
	return [4]uint64{p.Subject, p.Predicate, p.Object, p.Label}, true
}

// Iterator scans, through Cayley's iterators, the index Scan would read
// for the wanted node ids (0: any), or every quad when no index leads
// with a bound one.
func Iterator(qs *kv.QuadStore, want [4]uint64) iterator.Scanner {
	best, n := Best(Indexes, want, nil)
	if best < 0 {
		return qs.QuadsAllIterator().Iterate()
	}
	ind := Indexes[best]
	ids := make([]uint64, n)
	for i, p := range ind.Pos[:n] {
		ids[i] = want[p]
	}
	return kv.IndexScan{Index: ind.quad, Values: ids}.BuildIterator(qs).Iterate()
}
