package kvlayout

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// The layout defined here is Cayley's own: a store written by Cayley's
// key-value writer (at the version go.mod pins) reads back through Scan,
// and one written by Write, into a transaction, a new file or a new file
// merged with a store, reads back
// through Cayley and takes Cayley's own writes and deletes afterwards.

// sample is a set of quads with every kind of value, shared values, and
// quads in the default graph.
func sample() []quad.Quad {
	var qs []quad.Quad
	for i := range 20 {
		s := quad.IRI(fmt.Sprintf("http://example.org/s%d", i%7))
		qs = append(qs,
			quad.Quad{Subject: s, Predicate: quad.IRI("http://example.org/p"), Object: quad.String(fmt.Sprintf("v%d", i%5)), Label: quad.IRI(fmt.Sprintf("http://example.org/g%d", i%3))},
			quad.Quad{Subject: quad.BNode(fmt.Sprintf("b%d", i)), Predicate: quad.IRI("http://example.org/q"), Object: quad.LangString{Value: "Мао", Lang: "ru"}, Label: quad.IRI("http://example.org/g0")},
			quad.Quad{Subject: s, Predicate: quad.IRI("http://example.org/date"), Object: quad.TypedString{Value: quad.String(fmt.Sprintf("1952-09-%02d", i+1)), Type: "http://www.w3.org/2001/XMLSchema#date"}},
		)
	}
	return qs
}

func openBolt(t *testing.T, path string) *hbolt.DB {
	t.Helper()
	db, err := hbolt.Open(path, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newStore(t *testing.T) (*hbolt.DB, *kv.QuadStore) {
	t.Helper()
	db := openBolt(t, filepath.Join(t.TempDir(), "s.bolt"))
	if err := Init(db); err != nil {
		t.Fatal(err)
	}
	qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		t.Fatal(err)
	}
	return db, qs.(*kv.QuadStore)
}

func quadKey(q quad.Quad) string { return q.NQuad() }

func sortedKeys(qs []quad.Quad) []string {
	var out []string
	for _, q := range qs {
		out = append(out, quadKey(q))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readAll reads every live quad through Scan: the log walk, and each
// index scan by a bound position of each quad (which must find it).
func readAll(t *testing.T, db *bolt.DB) []string {
	t.Helper()
	var out []string
	err := db.View(func(tx *bolt.Tx) error {
		log := tx.Bucket(LogBucket)
		value := func(id uint64) quad.Value {
			if id == 0 {
				return nil
			}
			v, err := LogValue(log, id)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		sc := NewScan(Indexes, Filter{}, nil)
		sc.Open(tx, nil)
		var all [][4]uint64
		for {
			ids, _, ok, err := sc.Next(nil)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			all = append(all, ids)
			out = append(out, quadKey(quad.Quad{Subject: value(ids[S]), Predicate: value(ids[P]), Object: value(ids[O]), Label: value(ids[G])}))
		}
		for _, ids := range all {
			for pos := range 4 {
				if ids[pos] == 0 {
					continue
				}
				var want [4]uint64
				want[pos] = ids[pos]
				sc := NewScan(Indexes, Filter{Want: want}, nil)
				if sc.Bucket == nil {
					t.Fatalf("no index leads with position %d", pos)
				}
				sc.Open(tx, nil)
				found := false
				for {
					got, _, ok, err := sc.Next(nil)
					if err != nil {
						return err
					}
					if !ok {
						break
					}
					found = found || got == ids
				}
				if !found {
					t.Errorf("quad %v not found by position %d in index %q", ids, pos, sc.Bucket)
				}
			}
		}
		if n := Counter(tx.Bucket(MetaBucket).Get(MetaSize)); int(n) != len(all) {
			t.Errorf("size counter %d, %d live quads", n, len(all))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// cayleyAll reads every quad through Cayley, and each through Cayley's
// lookup by subject (an index scan).
func cayleyAll(t *testing.T, qs *kv.QuadStore) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, quadKey(q))
		ref, err := qs.ValueOf(q.Subject)
		if err != nil || ref == nil {
			t.Fatalf("Cayley does not know %v: %v", q.Subject, err)
		}
		sub := qs.QuadIterator(quad.Subject, ref).Iterate()
		found := false
		for sub.Next(ctx) {
			if q2, _ := qs.Quad(sub.Result()); quadKey(q2) == quadKey(q) {
				found = true
			}
		}
		sub.Close()
		if !found {
			t.Errorf("Cayley does not find %s by its subject", quadKey(q))
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestCayleyWritesWeRead(t *testing.T) {
	db, qs := newStore(t)
	in := sample()
	var add []cgraph.Delta
	for _, q := range in {
		add = append(add, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := qs.ApplyDeltas(add, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	// Deleted quads stay listed in the indexes; the log says they are gone.
	if err := qs.ApplyDeltas([]cgraph.Delta{{Quad: in[0], Action: cgraph.Delete}, {Quad: in[4], Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	want := sortedKeys(slices.Delete(slices.Clone(in), 4, 5)[1:])
	if got := readAll(t, db.DB()); !slices.Equal(got, want) {
		t.Fatalf("read %d quads, want %d:\n%v\n%v", len(got), len(want), got, want)
	}
}

// batchOf makes a batch of quads over their distinct values.
func batchOf(qs []quad.Quad, horizon, size uint64) *Batch {
	b := &Batch{Horizon: horizon, Size: size, Indexes: Indexes, Now: time.Now().UnixNano()}
	pos := map[Hash]uint32{}
	var vals []quad.Value
	value := func(v quad.Value) uint32 {
		h := HashOf(v)
		i, ok := pos[h]
		if !ok {
			i = uint32(len(vals))
			pos[h], vals = i, append(vals, v)
			b.Values = append(b.Values, Value{Hash: h})
		}
		b.Values[i].Refs++
		return i
	}
	for _, q := range qs {
		b.Quads = append(b.Quads, [4]uint32{value(q.Subject), value(q.Predicate), value(q.Object), value(q.Label)})
	}
	b.Encode = func(i int) ([]byte, error) { return EncodeValue(vals[i]) }
	return b
}

// checkCayleyTakesOver reads the store through Cayley, then deletes every
// quad through Cayley's writer: the reference counts written must bring
// every value's count to zero, so that no value is left.
func checkCayleyTakesOver(t *testing.T, db *hbolt.DB, in []quad.Quad) {
	t.Helper()
	store, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		t.Fatal(err)
	}
	qs := store.(*kv.QuadStore)
	if got, want := cayleyAll(t, qs), sortedKeys(in); !slices.Equal(got, want) {
		t.Fatalf("Cayley reads %d quads, want %d:\n%v\n%v", len(got), len(want), got, want)
	}
	extra := quad.Quad{Subject: in[0].Subject, Predicate: quad.IRI("http://example.org/added"), Object: quad.String("by Cayley"), Label: in[0].Label}
	if err := qs.ApplyDeltas([]cgraph.Delta{{Quad: extra, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if got, want := readAll(t, db.DB()), sortedKeys(append(slices.Clone(in), extra)); !slices.Equal(got, want) {
		t.Fatalf("after Cayley's write, read %d quads, want %d", len(got), len(want))
	}
	var del []cgraph.Delta
	for _, q := range append(slices.Clone(in), extra) {
		del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	if err := qs.ApplyDeltas(del, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	for _, q := range in {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
			if ref, err := qs.ValueOf(v); err != nil || ref != nil {
				t.Errorf("value %v outlives its last quad: its reference count was wrong", v)
			}
		}
	}
	if got := readAll(t, db.DB()); len(got) != 0 {
		t.Errorf("%d quads left", len(got))
	}
}

func TestWeWriteCayleyReads(t *testing.T) {
	// A batch's quads are all in named graphs (docgraph writes no other).
	in := sample()
	for i := range in {
		if in[i].Label == nil {
			in[i].Label = quad.IRI("http://example.org/g9")
		}
	}
	t.Run("transaction", func(t *testing.T) {
		db, _ := newStore(t)
		// Two batches, the second over values the first wrote.
		half := len(in) / 2
		for _, part := range [][]quad.Quad{in[:half], in[half:]} {
			err := db.DB().Update(func(tx *bolt.Tx) error {
				meta := tx.Bucket(MetaBucket)
				b := batchOf(part, Counter(meta.Get(MetaHorizon)), Counter(meta.Get(MetaSize)))
				_, err := Write(TxSink(tx), b)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		checkCayleyTakesOver(t, db, in)
	})
	t.Run("file", func(t *testing.T) {
		// The settings a new store gets, from one Cayley set up.
		db0, _ := newStore(t)
		var version, list []byte
		db0.DB().View(func(tx *bolt.Tx) error {
			version = slices.Clone(tx.Bucket(MetaBucket).Get(MetaVersion))
			list = slices.Clone(tx.Bucket(MetaBucket).Get(MetaIndexes))
			return nil
		})
		path := filepath.Join(t.TempDir(), "new.bolt")
		f, err := NewFile(path, os.Getpagesize())
		if err != nil {
			t.Fatal(err)
		}
		b := batchOf(in, 0, 0)
		b.Version, b.IndexList = version, list
		if _, err := Write(FileSink(f), b); err != nil {
			t.Fatal(err)
		}
		if err := f.Finish(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		checkCayleyTakesOver(t, openBolt(t, path), in)
	})
	t.Run("merged file", func(t *testing.T) {
		// Half the quads written by Cayley itself, the other half (over
		// values the first half uses) merged with that store into a new
		// file, some buckets written and some copied.
		db, qs := newStore(t)
		half := len(in) / 2
		var add []cgraph.Delta
		for _, q := range in[:half] {
			add = append(add, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
		if err := qs.ApplyDeltas(add, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "merged.bolt")
		f, err := NewFile(path, os.Getpagesize())
		if err != nil {
			t.Fatal(err)
		}
		err = db.DB().View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(MetaBucket)
			m := MergeSink(tx, f)
			if _, err := Write(m, batchOf(in[half:], Counter(meta.Get(MetaHorizon)), Counter(meta.Get(MetaSize)))); err != nil {
				return err
			}
			return m.Finish()
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		checkCayleyTakesOver(t, openBolt(t, path), in)
	})
}
