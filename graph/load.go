package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
)

// The first-load path of the embedded store. Filling an empty store is the
// one write that needs no reading at all, and it is the big one: a whole
// archive at once. A Loader gathers the graphs in memory as small integer
// tuples, and Commit writes a new store file from nothing, every bucket in
// key order, so that each B+tree grows only at its right edge and its
// pages are filled completely. The new file replaces the store's file by
// a rename once it is complete and synced: a failure or a crash before
// that leaves the store exactly as it was, empty; after it, everything is
// there.
//
// The layout is written by kvlayout.Write into a kvlayout.File; ids are
// dense: values first, 1..V in order of first use, then quads.

// Loader gathers graphs for the first load of an empty embedded store.
// It is not safe for concurrent use, and the store must not be read or
// written by anyone else until Commit returns.
type Loader struct {
	s      *Store
	ids    map[rdf.Term]uint32 // term -> index in terms
	terms  []rdf.Term
	quads  quadChunks // subject, predicate, object, graph as term indexes
	spans  []loadSpan
	graphs map[rdf.IRI]int // graph -> its live span
	dedup  map[[3]uint32]struct{}
	append bool // adds to a store that holds data (NewAppender)

	// Progress, when set, is called during Commit with the number of keys
	// written so far and the number to write.
	Progress func(done, total int64)
}

type loadSpan struct {
	start, end int
	dead       bool // replaced by a later Add of the same graph
}

// NewLoader returns a Loader when the store is an embedded bolt store that
// holds no quads yet; ok is false for any other store, which callers fill
// with ReplaceGraphs instead.
func (s *Store) NewLoader(ctx context.Context) (l *Loader, ok bool, err error) {
	if s.db == nil {
		return nil, false, nil
	}
	l = &Loader{s: s, ids: map[rdf.Term]uint32{}, graphs: map[rdf.IRI]int{}, dedup: map[[3]uint32]struct{}{}}
	// The store must hold no quads but its own settings (Match hides
	// those), and the settings, the base above all, go into the new file.
	for _, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			return nil, false, err
		}
		return nil, false, nil
	}
	for q, err := range s.match(ctx, nil, nil, nil, metaGraph) {
		if err != nil {
			return nil, false, err
		}
		l.add(q)
	}
	if l.quads.n > 0 {
		l.spans = append(l.spans, loadSpan{0, l.quads.n, false})
		l.graphs[metaGraph] = 0
	}
	return l, true, nil
}

func (l *Loader) term(t rdf.Term) uint32 {
	if i, ok := l.ids[t]; ok {
		return i
	}
	i := uint32(len(l.terms))
	l.terms = append(l.terms, t)
	l.ids[t] = i
	return i
}

func (l *Loader) add(q rdf.Quad) {
	l.quads.add([4]uint32{l.term(q.S), l.term(q.P), l.term(q.O), l.term(q.G)})
}

// Add makes graph g hold quads (their own graph names are ignored) once
// the load is committed. A graph added again replaces what was added
// before. Nothing is written until Commit.
func (l *Loader) Add(g rdf.IRI, quads []rdf.Quad) (Change, error) {
	if g == metaGraph {
		return Change{}, fmt.Errorf("graph %s is reserved", g)
	}
	for _, q := range quads {
		q.G = g
		if err := q.Valid(); err != nil {
			return Change{}, fmt.Errorf("graph %s: %w", g, err)
		}
	}
	if i, ok := l.graphs[g]; ok {
		l.spans[i].dead = true
	}
	start := l.quads.n
	gi := l.term(g)
	clear(l.dedup)
	for _, q := range quads {
		t := [3]uint32{l.term(q.S), l.term(q.P), l.term(q.O)}
		if _, dup := l.dedup[t]; dup {
			continue
		}
		l.dedup[t] = struct{}{}
		l.quads.add([4]uint32{t[0], t[1], t[2], gi})
	}
	l.graphs[g] = len(l.spans)
	l.spans = append(l.spans, loadSpan{start: start, end: l.quads.n})
	return Change{Added: l.quads.n - start}, nil
}

// Extend adds quads to graph g, keeping what was added to g before.
func (l *Loader) Extend(g rdf.IRI, quads []rdf.Quad) (Change, error) {
	i, ok := l.graphs[g]
	if !ok {
		return l.Add(g, quads)
	}
	sp := l.spans[i]
	all := make([]rdf.Quad, 0, sp.end-sp.start+len(quads))
	for i := sp.start; i < sp.end; i++ {
		q := l.quads.at(i)
		all = append(all, rdf.Quad{S: l.terms[q[0]], P: l.terms[q[1]], O: l.terms[q[2]]})
	}
	ch, err := l.Add(g, append(all, quads...))
	ch.Added -= sp.end - sp.start
	return ch, err
}

// Quads reports how many quads the load will write.
func (l *Loader) Quads() int {
	n := 0
	for _, sp := range l.spans {
		if !sp.dead {
			n += sp.end - sp.start
		}
	}
	return n
}

// Commit writes everything added into a new store file and puts it in the
// place of the store's file (a Loader from NewAppender adds it to the
// store's file in one transaction instead). On error the store is as it
// was.
func (l *Loader) Commit(ctx context.Context) (err error) {
	s := l.s
	if s.db == nil {
		return errors.New("graph: the store is no longer an open embedded store")
	}
	if l.append {
		return l.commitAppend(ctx)
	}
	var total int64
	err = s.replaceFile(ctx, func(bf *kvlayout.File) error {
		live, vals, values := l.prepare()
		l.quads, l.dedup, l.ids = quadChunks{}, nil, nil

		// Cayley's own settings are copied from the store's meta bucket.
		var version, indexList []byte
		err := s.db.View(func(tx *bolt.Tx) error {
			if b := tx.Bucket(kvlayout.MetaBucket); b != nil {
				version = slices.Clone(b.Get(kvlayout.MetaVersion))
				indexList = slices.Clone(b.Get(kvlayout.MetaIndexes))
			}
			return nil
		})
		if err != nil || version == nil || indexList == nil {
			return fmt.Errorf("no store settings to copy (%v)", err)
		}
		indexes, err := kvlayout.StoreIndexes(indexList)
		if err != nil {
			return err
		}
		batch := &kvlayout.Batch{
			Values:    values,
			Encode:    func(i int) ([]byte, error) { return kvlayout.EncodeValue(toValue(l.terms[vals[i]])) },
			Quads:     live,
			Indexes:   indexes,
			Version:   version,
			IndexList: indexList,
			Now:       time.Now().UnixNano(),
		}
		total = batch.Keys()
		var done int64
		batch.Step = func(n int64) error {
			done += n
			if done&0xffff < n {
				if l.Progress != nil {
					l.Progress(done, total)
				}
				return ctx.Err()
			}
			return nil
		}
		if _, err := kvlayout.Write(kvlayout.FileSink(bf), batch); err != nil {
			return err
		}
		return bf.Finish()
	})
	if err != nil {
		return err
	}
	if l.Progress != nil {
		l.Progress(total, total)
	}
	l.terms, l.ids = nil, nil
	return nil
}

// replaceFile builds a new store file with write (which ends with the
// file's Finish) beside the store's file, opens it, and puts it in the
// store file's place by a rename once it is complete and synced: on
// error, or after a crash before the rename, the store is as it was.
func (s *Store) replaceFile(ctx context.Context, write func(bf *kvlayout.File) error) error {
	path := s.db.Path()
	tmp := path + ".new"
	os.Remove(tmp)
	bf, err := kvlayout.NewFile(tmp, os.Getpagesize())
	if err != nil {
		return err
	}
	// The new file goes on with the store's transaction numbering: its
	// version (Version) only grows.
	if v, ok := s.Version(); ok {
		bf.SetTxID(v + 1)
	}
	var hdb *hbolt.DB
	kept, closed := false, false
	defer func() {
		if !kept {
			if !closed {
				bf.Close()
			}
			if hdb != nil {
				hdb.Close()
			}
			os.Remove(tmp)
		}
	}()
	if err := write(bf); err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	closed = true
	if err := bf.Close(); err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	hdb, err = hbolt.Open(tmp, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	qs, err := kv.New(hdb, noBloomOptions)
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	// The point of no return: the new file takes the old one's name.
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	kept = true
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	old := s.qs
	s.qs, s.db = qs, hdb.DB()
	s.terms = termCache{}
	s.quads.invalidate()
	s.writes.wroteAll()
	old.Close()
	return nil
}

// prepare lists the live quads, in the order added, as positions in vals,
// the term indexes of the values they use in order of first use, and
// those values' hashes and reference counts.
func (l *Loader) prepare() (live [][4]uint32, vals []uint32, values []kvlayout.Value) {
	live = l.quads.live(l.spans, l.Quads())
	refcnt := make([]uint32, len(l.terms))
	for _, q := range live {
		for _, t := range q {
			refcnt[t]++
		}
	}
	at := make([]uint32, len(l.terms))
	for i, c := range refcnt {
		if c > 0 {
			at[i] = uint32(len(vals))
			vals = append(vals, uint32(i))
		}
	}
	for i, q := range live {
		live[i] = [4]uint32{at[q[0]], at[q[1]], at[q[2]], at[q[3]]}
	}
	hashes := hashValues(l.terms, vals)
	values = make([]kvlayout.Value, len(vals))
	for i, t := range vals {
		values[i] = kvlayout.Value{Hash: hashes[i], Refs: uint64(refcnt[t])}
	}
	return live, vals, values
}

// quadChunks holds the quads of a load in fixed-size chunks, so that
// growing never copies (or briefly doubles) the whole list.
type quadChunks struct {
	chunks [][][4]uint32
	n      int
}

const quadChunk = 1 << 16

func (c *quadChunks) add(q [4]uint32) {
	if c.n%quadChunk == 0 {
		c.chunks = append(c.chunks, make([][4]uint32, 0, quadChunk))
	}
	last := len(c.chunks) - 1
	c.chunks[last] = append(c.chunks[last], q)
	c.n++
}

func (c *quadChunks) at(i int) [4]uint32 { return c.chunks[i/quadChunk][i%quadChunk] }

// live copies the quads of the spans not replaced into one slice, letting
// each chunk go as soon as it has been copied.
func (c *quadChunks) live(spans []loadSpan, n int) [][4]uint32 {
	out := make([][4]uint32, 0, n)
	ci := 0
	for _, sp := range spans {
		for i := sp.start; i < sp.end; {
			ch := i / quadChunk
			for ; ci < ch; ci++ {
				c.chunks[ci] = nil
			}
			end := min(sp.end, (ch+1)*quadChunk)
			if !sp.dead {
				out = append(out, c.chunks[ch][i%quadChunk:i%quadChunk+end-i]...)
			}
			i = end
		}
	}
	return out
}

// hashValues computes the store hash of each value in use, on every core.
func hashValues(terms []rdf.Term, vals []uint32) []kvlayout.Hash {
	hashes := make([]kvlayout.Hash, len(vals))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	step := (len(vals) + workers - 1) / workers
	for lo := 0; lo < len(vals); lo += step {
		hi := min(lo+step, len(vals))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				hashes[i] = kvlayout.HashOf(toValue(terms[vals[i]]))
			}
		}()
	}
	wg.Wait()
	return hashes
}
