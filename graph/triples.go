package graph

import (
	"context"
	"iter"

	"github.com/cayleygraph/cayley/graph/kv"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// TriplesBySubject yields the triples of the union of all graphs, each
// once, as quads with a nil graph: what a merged export (Turtle,
// N-Triples, JSON-LD, RDF/XML of the whole store) writes. On a bolt store
// it walks the subject-first index, so every subject's triples come
// together, subjects in the order the store first met them, and it holds
// one subject's triples at a time to drop the repeats (a label that the
// gazetteer and several documents all state). On other stores it is
// MatchTriples with nothing bound: each triple once, a subject's triples
// not always together.
func (s *Store) TriplesBySubject(ctx context.Context) iter.Seq2[rdf.Quad, error] {
	db := s.db
	kqs, ok := s.qs.(*kv.QuadStore)
	if db == nil || !ok {
		return s.MatchTriples(ctx, nil, nil, nil)
	}
	return func(yield func(rdf.Quad, error) bool) {
		_, meta, _, _, err := s.resolve(ctx, kqs, [4]rdf.Term{}, false)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		// An index that leads with the subject lists the quads in
		// subject id order.
		sc := &boltScan{db: db, sc: &kvlayout.Scan{Filter: kvlayout.Filter{Meta: meta}}}
		for i, ind := range kvlayout.Indexes {
			if ind.Leads(kvlayout.S) {
				sc.sc.Index, sc.sc.Bucket = i, ind.Bucket
				break
			}
		}
		var subj uint64
		seen := map[[3]uint64]struct{}{}
		var batch [][4]uint64
		for {
			if err := ctx.Err(); err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			batch, err = sc.next(readBatch, &s.terms, batch[:0])
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			if len(batch) == 0 {
				return
			}
			for _, ids := range batch {
				if ids[0] != subj {
					subj = ids[0]
					clear(seen)
				}
				k := [3]uint64{ids[0], ids[1], ids[2]}
				if _, dup := seen[k]; dup {
					continue
				}
				seen[k] = struct{}{}
				var parts [3]rdf.Term
				for i, id := range k {
					t, ok := s.terms.get(id)
					if !ok {
						// Evicted by another reader meanwhile: look it up alone.
						v, err := kqs.NameOf(kvlayout.Ref(id))
						if err == nil {
							t, err = fromValue(v)
						}
						if err != nil {
							yield(rdf.Quad{}, err)
							return
						}
					}
					parts[i] = t
				}
				if !yield(rdf.Quad{S: parts[0], P: parts[1], O: parts[2]}, nil) {
					return
				}
			}
		}
	}
}
