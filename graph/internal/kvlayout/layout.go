// Package kvlayout is the one definition of Cayley's key-value quad store
// layout as docgraph's embedded store reads and writes it directly: bucket
// names, keys, the encoding of records, value hashing, the indexes a store
// is created with and the choice of index for a pattern, the read scanner
// and the batch writer. The graph package reaches the layout only through
// here.
//
// The buckets:
//
//   - "meta": the store's settings and counters. "version" and "indexes"
//     (JSON, the index list) are set when the store is created; "horizon"
//     (the last id handed out, to values and quads alike) and "size" (the
//     number of live quads) are 8-byte little-endian counters.
//   - "log": one primitive per id, keyed by the id as 8 big-endian bytes:
//     a value's primitive holds its encoded value, a quad's the ids of its
//     four nodes (the protobuf of Cayley's proto.Primitive).
//   - "v<h0><h1>": a value's hash (Hash) to its node id (uvarint), in the
//     bucket named by the hash's first two bytes.
//   - "n<h0><h1>": a value's hash to its reference count (uvarint), the
//     number of quad directions that use it.
//   - one bucket per index (Indexes, named by the prefixes of its
//     directions): a key of 8-byte big-endian node ids, in the index's
//     directions, to the list of ids of the quads under it (uvarints, in
//     increasing order). Deleted quads stay listed; their primitives in
//     the log say so.
package kvlayout

import (
	"encoding/binary"
	"errors"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/encoding/protowire"
)

var (
	MetaBucket = []byte("meta")
	LogBucket  = []byte("log")

	MetaVersion = []byte("version")
	MetaIndexes = []byte("indexes")
	MetaHorizon = []byte("horizon")
	MetaSize    = []byte("size")
)

// Prefixes of the buckets of values by hash: ids and reference counts.
const (
	valueIDPrefix    = 'v'
	valueCountPrefix = 'n'
)

// Hash is the store's hash of a value, the key of its id and its count.
type Hash = refs.ValueHash

// HashOf hashes a value as Cayley does.
func HashOf(v quad.Value) Hash { return refs.HashOf(v) }

// EncodeValue and DecodeValue are the encoding of a value in its primitive.
func EncodeValue(v quad.Value) ([]byte, error) { return pquads.MarshalValue(v) }

// DecodeValue reads the forms docgraph writes (IRIs, blank nodes, plain,
// typed and language-tagged strings) straight from the protobuf wire
// format, and hands any other to Cayley's decoder: the generic protobuf
// decoder was a tenth of the time of a query that reads many terms.
func DecodeValue(b []byte) (quad.Value, error) {
	if v, ok := decodeString(b); ok {
		return v, nil
	}
	return pquads.UnmarshalValue(b)
}

// Field numbers of pquads.Value's oneof and of its two nested messages.
const (
	valStr      = 2
	valIRI      = 3
	valBNode    = 4
	valTypedStr = 5
	valLangStr  = 6
)

// decodeString decodes a value made of exactly one of the string fields;
// ok is false for anything else (the caller falls back to pquads).
func decodeString(b []byte) (quad.Value, bool) {
	num, typ, n := protowire.ConsumeTag(b)
	if n < 0 || typ != protowire.BytesType {
		return nil, false
	}
	body, m := protowire.ConsumeBytes(b[n:])
	if m < 0 || n+m != len(b) {
		return nil, false
	}
	switch num {
	case valStr:
		return quad.String(body), true
	case valIRI:
		return quad.IRI(body), true
	case valBNode:
		return quad.BNode(body), true
	case valTypedStr, valLangStr:
		var first, second []byte
		for len(body) > 0 {
			f, t, k := protowire.ConsumeTag(body)
			if k < 0 || t != protowire.BytesType || (f != 1 && f != 2) {
				return nil, false
			}
			v, l := protowire.ConsumeBytes(body[k:])
			if l < 0 {
				return nil, false
			}
			if f == 1 {
				first = v
			} else {
				second = v
			}
			body = body[k+l:]
		}
		if num == valTypedStr {
			return quad.TypedString{Value: quad.String(first), Type: quad.IRI(second)}, true
		}
		return quad.LangString{Value: quad.String(first), Lang: string(second)}, true
	}
	return nil, false
}

// ValueIDBucket names the bucket that holds the node id of the value with
// hash h; ValueCountBucket the one with its reference count.
func ValueIDBucket(h *Hash) []byte { return []byte{valueIDPrefix, h[0], h[1]} }

func ValueCountBucket(h *Hash) []byte { return []byte{valueCountPrefix, h[0], h[1]} }

// IDKey is the key of an id in the log, and of one node in an index key.
func IDKey(id uint64) [8]byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k
}

// AppendIDKey appends the 8-byte key of an id.
func AppendIDKey(b []byte, id uint64) []byte { return binary.BigEndian.AppendUint64(b, id) }

// KeyID reads an id from the first 8 bytes of a key.
func KeyID(k []byte) uint64 { return binary.BigEndian.Uint64(k) }

// Counter reads a meta counter; a missing or malformed one is 0.
func Counter(v []byte) uint64 {
	if len(v) != 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

// AppendCounter appends the encoding of a meta counter.
func AppendCounter(b []byte, x uint64) []byte { return binary.LittleEndian.AppendUint64(b, x) }

// Number reads a value id or a reference count (a uvarint); 0 when absent.
func Number(v []byte) uint64 {
	x, n := binary.Uvarint(v)
	if n <= 0 {
		return 0
	}
	return x
}

// AppendNumber appends the encoding of a value id or a reference count.
func AppendNumber(b []byte, x uint64) []byte { return binary.AppendUvarint(b, x) }

// NextID takes the first quad id off an index entry's list of ids.
func NextID(list []byte) (id uint64, rest []byte, err error) {
	id, n := binary.Uvarint(list)
	if n <= 0 {
		return 0, nil, ErrPrimitive
	}
	return id, list[n:], nil
}

// CountIDs counts the quad ids in an index entry's list without decoding
// them: every uvarint ends with the one byte below 0x80.
func CountIDs(list []byte) int {
	n := 0
	for _, x := range list {
		if x < 0x80 {
			n++
		}
	}
	return n
}

// Primitive is the part of a Cayley primitive the read path needs.
type Primitive struct {
	IDs     [4]uint64 // subject, predicate, object, label
	Value   []byte    // a node's value (aliases the database: copy or decode before the transaction ends)
	Deleted bool
}

// IsQuad reports whether p is a live quad (not a value, not deleted).
func (p *Primitive) IsQuad() bool { return !p.Deleted && p.IDs[0] != 0 && len(p.Value) == 0 }

// ErrPrimitive reports a record that does not decode.
var ErrPrimitive = errors.New("graph: malformed primitive in the store")

// Field numbers of Cayley's proto.Primitive.
const (
	primID        = 1
	primSubject   = 2 // then Predicate 3, Object 4, Label 5
	primTimestamp = 7
	primValue     = 8
	primDeleted   = 9
)

// DecodePrimitive decodes the protobuf of a primitive (ID 1, Subject 2,
// Predicate 3, Object 4, Label 5, Replaces 6, Timestamp 7, Value 8,
// Deleted 9) without allocating.
func DecodePrimitive(b []byte) (Primitive, error) {
	var p Primitive
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return p, ErrPrimitive
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return p, ErrPrimitive
			}
			b = b[n:]
			switch {
			case num >= primSubject && num < primSubject+4:
				p.IDs[num-primSubject] = v
			case num == primDeleted:
				p.Deleted = v != 0
			}
		case protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return p, ErrPrimitive
			}
			b = b[n:]
			if num == primValue {
				p.Value = v
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return p, ErrPrimitive
			}
			b = b[n:]
		}
	}
	return p, nil
}

// AppendNodePrimitive and AppendQuadPrimitive append the protobuf encoding
// Cayley's proto.Primitive has for a value and for a quad (fields in
// number order, zero fields left out, as proto.Marshal writes them).
func AppendNodePrimitive(b []byte, id uint64, value []byte, ts int64) []byte {
	b = protowire.AppendTag(b, primID, protowire.VarintType)
	b = protowire.AppendVarint(b, id)
	b = protowire.AppendTag(b, primTimestamp, protowire.VarintType)
	b = protowire.AppendVarint(b, uint64(ts))
	b = protowire.AppendTag(b, primValue, protowire.BytesType)
	return protowire.AppendBytes(b, value)
}

func AppendQuadPrimitive(b []byte, id uint64, ids [4]uint64, ts int64) []byte {
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
