package graph

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/docgraph/docgraph/rdf"
)

// boltGraphs lists the named graphs of a bolt store from the index that
// leads with the graph: one seek per graph instead of reading every quad.
// Cayley leaves deleted quads listed in its indexes, so a graph counts
// only once one of its listed quads is found alive in the log. ok is false
// when the store has no such index.
func (s *Store) boltGraphs(ctx context.Context, db *bolt.DB) (out []rdf.IRI, ok bool, err error) {
	var bucket []byte
	for _, ind := range kvIndexes {
		if ind.Dirs[0] == quad.Label {
			bucket = ind.Key(nil)[0]
		}
	}
	if bucket == nil {
		return nil, false, nil
	}
	ids, err := boltIDs(db, []rdf.Term{metaGraph})
	if err != nil {
		return nil, false, err
	}
	metaID := ids[0]
	err = db.View(func(tx *bolt.Tx) error {
		idx, log := tx.Bucket(bucket), tx.Bucket(logBucket)
		if idx == nil || log == nil {
			return nil
		}
		ok = true
		var key [8]byte
		c := idx.Cursor()
		for k, v := c.First(); k != nil; {
			if err := ctx.Err(); err != nil {
				return err
			}
			if len(k) < 8 {
				k, v = c.Next()
				continue
			}
			g := binary.BigEndian.Uint64(k)
			live := false
			for k2, v2 := k, v; k2 != nil && len(k2) >= 8 && binary.BigEndian.Uint64(k2) == g && !live; k2, v2 = c.Next() {
				for b := v2; len(b) > 0 && !live; {
					id, n := binary.Uvarint(b)
					if n <= 0 {
						return fmt.Errorf("graph: malformed index entry in bucket %s", bucket)
					}
					b = b[n:]
					binary.BigEndian.PutUint64(key[:], id)
					if raw := log.Get(key[:]); raw != nil {
						p, err := decodePrimitive(raw)
						if err != nil {
							return err
						}
						live = !p.deleted
					}
				}
			}
			if live && g != 0 && g != metaID {
				binary.BigEndian.PutUint64(key[:], g)
				raw := log.Get(key[:])
				if raw == nil {
					return fmt.Errorf("graph: node %d is missing from the store", g)
				}
				p, err := decodePrimitive(raw)
				if err != nil {
					return err
				}
				qv, err := pquads.UnmarshalValue(p.value)
				if err != nil {
					return fmt.Errorf("graph: node %d: %w", g, err)
				}
				if iri, isIRI := qv.(quad.IRI); isIRI {
					out = append(out, rdf.IRI(iri))
				}
			}
			if g == ^uint64(0) {
				break
			}
			binary.BigEndian.PutUint64(key[:], g+1)
			k, v = c.Seek(key[:])
		}
		return nil
	})
	return out, ok, err
}
