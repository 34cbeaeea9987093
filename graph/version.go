package graph

import bolt "go.etcd.io/bbolt"

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
