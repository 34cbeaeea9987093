package graph

import (
	"encoding/binary"
	"errors"

	"github.com/cayleygraph/cayley/graph/refs"
	"google.golang.org/protobuf/encoding/protowire"
)

// The key-value layout of Cayley's kv quad store, as the read paths
// (boltread.go, query_reader.go) and write paths (bulk.go, load.go) of
// the embedded store use it directly. Every bucket name, key and record
// encoding they share is defined here, once:
//
//   - "meta": the store's settings and counters. "version" and "indexes"
//     (JSON, the index list) are set when the store is created; "horizon"
//     (the last id handed out, to values and quads alike) and "size" (the
//     number of live quads) are 8-byte little-endian counters.
//   - "log": one primitive per id, keyed by the id as 8 big-endian bytes:
//     a value's primitive holds its encoded value, a quad's the ids of its
//     four nodes (the protobuf of Cayley's proto.Primitive).
//   - "v<h0><h1>": a value's hash (refs.ValueHash) to its node id (uvarint),
//     in the bucket named by the hash's first two bytes.
//   - "n<h0><h1>": a value's hash to its reference count (uvarint), the
//     number of quad directions that use it.
//   - one bucket per index (kvIndexes, named by kv.QuadIndex.Key): a key of
//     8-byte big-endian node ids, in the index's directions, to the list of
//     ids of the quads under it (uvarints, in increasing order). Deleted
//     quads stay listed; their primitives in the log say so.
var (
	metaBucket = []byte("meta")
	logBucket  = []byte("log")

	metaVersion = []byte("version")
	metaIndexes = []byte("indexes")
	metaHorizon = []byte("horizon")
	metaSize    = []byte("size")
)

// Prefixes of the buckets of values by hash: ids and reference counts.
const (
	valueIDPrefix    = 'v'
	valueCountPrefix = 'n'
)

// valueIDBucket names the bucket that holds the node id of the value with
// hash h; valueCountBucket the one with its reference count.
func valueIDBucket(h *refs.ValueHash) []byte { return []byte{valueIDPrefix, h[0], h[1]} }

func valueCountBucket(h *refs.ValueHash) []byte { return []byte{valueCountPrefix, h[0], h[1]} }

// idKey is the key of an id in the log, and of one node in an index key.
func idKey(id uint64) [8]byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k
}

// appendIDKey appends the 8-byte key of an id.
func appendIDKey(b []byte, id uint64) []byte { return binary.BigEndian.AppendUint64(b, id) }

// keyID reads an id from the first 8 bytes of a key.
func keyID(k []byte) uint64 { return binary.BigEndian.Uint64(k) }

// getCounter reads a meta counter; a missing or malformed one is 0.
func getCounter(v []byte) uint64 {
	if len(v) != 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

// appendCounter appends the encoding of a meta counter.
func appendCounter(b []byte, x uint64) []byte { return binary.LittleEndian.AppendUint64(b, x) }

// primitive is the part of a Cayley primitive the read path needs.
type primitive struct {
	ids     [4]uint64 // subject, predicate, object, label
	value   []byte    // a node's value (aliases the database: copy or decode before the transaction ends)
	deleted bool
}

// isQuad reports whether p is a live quad (not a value, not deleted).
func (p *primitive) isQuad() bool { return !p.deleted && p.ids[0] != 0 && len(p.value) == 0 }

var errPrimitive = errors.New("graph: malformed primitive in the store")

// Field numbers of Cayley's proto.Primitive.
const (
	primID        = 1
	primSubject   = 2 // then Predicate 3, Object 4, Label 5
	primTimestamp = 7
	primValue     = 8
	primDeleted   = 9
)

// decodePrimitive decodes the protobuf of a primitive (ID 1, Subject 2,
// Predicate 3, Object 4, Label 5, Replaces 6, Timestamp 7, Value 8,
// Deleted 9) without allocating.
func decodePrimitive(b []byte) (primitive, error) {
	var p primitive
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return p, errPrimitive
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return p, errPrimitive
			}
			b = b[n:]
			switch {
			case num >= primSubject && num < primSubject+4:
				p.ids[num-primSubject] = v
			case num == primDeleted:
				p.deleted = v != 0
			}
		case protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return p, errPrimitive
			}
			b = b[n:]
			if num == primValue {
				p.value = v
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return p, errPrimitive
			}
			b = b[n:]
		}
	}
	return p, nil
}

// nodePrimitive and quadPrimitive append the protobuf encoding Cayley's
// proto.Primitive has for a value and for a quad (fields in number order,
// zero fields left out, as proto.Marshal writes them).
func nodePrimitive(b []byte, id uint64, value []byte, ts int64) []byte {
	b = protowire.AppendTag(b, primID, protowire.VarintType)
	b = protowire.AppendVarint(b, id)
	b = protowire.AppendTag(b, primTimestamp, protowire.VarintType)
	b = protowire.AppendVarint(b, uint64(ts))
	b = protowire.AppendTag(b, primValue, protowire.BytesType)
	return protowire.AppendBytes(b, value)
}

func quadPrimitive(b []byte, id uint64, ids [4]uint64, ts int64) []byte {
	b = protowire.AppendTag(b, primID, protowire.VarintType)
	b = protowire.AppendVarint(b, id)
	for i, x := range ids {
		if x != 0 {
			b = protowire.AppendTag(b, protowire.Number(primSubject+i), protowire.VarintType)
			b = protowire.AppendVarint(b, x)
		}
	}
	b = protowire.AppendTag(b, primTimestamp, protowire.VarintType)
	return protowire.AppendVarint(b, uint64(ts))
}
