package graph

import (
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/rdf"
)

// Version identifies the state of an embedded (bolt) store: it changes
// with every committed write, so that what is computed from the store
// (query statistics, say) can be kept while it stays the same. ok is false
// for the other backends, which have no such number.
func (s *Store) Version() (v uint64, ok bool) {
	db := s.db
	if db == nil {
		return 0, false
	}
	if err := db.View(func(tx *bolt.Tx) error {
		v = uint64(tx.ID())
		return nil
	}); err != nil {
		return 0, false
	}
	return v, true
}

// GraphVersion identifies the state of named graph g as far as this
// Store can tell: it changes with every write through the Store that may
// change g (with g empty, with every write), so that what is computed
// from a graph (the parsed corrections of the curation graph, say) can be
// kept while it stays the same. ok is false for a store other processes
// may write meanwhile (PostgreSQL, CockroachDB); an embedded store is
// written by one process at a time, and only through its Store.
func (s *Store) GraphVersion(g rdf.IRI) (v uint64, ok bool) {
	if s.Shared() {
		return 0, false
	}
	return s.writes.version(g), true
}

// graphWrites numbers the writes of a Store: n counts every write, of
// the last one that touched each graph, all the last one that replaced
// the whole store.
type graphWrites struct {
	mu  sync.Mutex
	n   uint64
	all uint64
	of  map[rdf.IRI]uint64
}

func (w *graphWrites) version(g rdf.IRI) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if g == "" {
		return w.n
	}
	return max(w.of[g], w.all)
}

// wrote records a write to the graphs of updates; it is called once the
// write is over, committed or not, so that a reader that noted a version
// before it read sees another one after.
func (w *graphWrites) wrote(graphs map[rdf.IRI]int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	if w.of == nil {
		w.of = map[rdf.IRI]uint64{}
	}
	for g := range graphs {
		w.of[g] = w.n
	}
}

// wroteAll records a write that replaced the whole store.
func (w *graphWrites) wroteAll() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	w.all, w.of = w.n, nil
}
