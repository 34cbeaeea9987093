package kvlayout

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// A batch merged with a store into a new file. Adding to a store through
// bolt's transactions costs a search from the root and an insert for each
// key, and a copy of every page touched; a first load writes its file
// sequentially at a fraction of that (File). MergeSink gives the batch
// writer the store as it was (a read transaction) and a new File: each
// bucket the batch writes is the store's bucket merged, in key order, with
// the batch's keys, and every bucket the batch leaves alone is copied as
// it is. The store's entries are copied as bytes, never decoded.

// Merge is a Sink writing a store's buckets merged with a batch.
type Merge struct {
	old     *bolt.Tx
	f       *File
	written map[string]bool
}

// MergeSink returns a Sink that writes into f what old holds merged with
// the batch; Finish completes the file.
func MergeSink(old *bolt.Tx, f *File) *Merge {
	return &Merge{old: old, f: f, written: map[string]bool{}}
}

type mergeBucket struct {
	m    *Merge
	name []byte
	old  *bolt.Bucket // nil when the store lacks the bucket
	w    *BucketWriter
	c    *bolt.Cursor
	k, v []byte // the store's next entry not yet copied; k nil at the end
}

// Bucket opens a bucket; it is written only if a key is put in it (a
// bucket only read from is copied at Finish).
func (m *Merge) Bucket(name []byte) (BucketSink, error) {
	if m.written[string(name)] {
		return nil, fmt.Errorf("merge: bucket %q written twice", name)
	}
	return &mergeBucket{m: m, name: bytes.Clone(name), old: m.old.Bucket(name)}, nil
}

func (b *mergeBucket) Get(key []byte) []byte {
	if b.w == nil {
		if b.old == nil {
			return nil
		}
		return b.old.Get(key)
	}
	if err := b.copyBefore(key); err != nil {
		return nil
	}
	if b.k != nil && bytes.Equal(b.k, key) {
		return b.v
	}
	return nil
}

func (b *mergeBucket) start() {
	b.m.written[string(b.name)] = true
	b.w = b.m.f.Bucket(b.name)
	if b.old != nil {
		b.c = b.old.Cursor()
		b.k, b.v = b.c.First()
	}
}

// copyBefore copies the store's entries that sort before key.
func (b *mergeBucket) copyBefore(key []byte) error {
	for b.k != nil && (key == nil || bytes.Compare(b.k, key) < 0) {
		if b.v == nil {
			return fmt.Errorf("merge: bucket %q holds a bucket at %x", b.name, b.k)
		}
		b.w.Put(b.k, b.v)
		b.k, b.v = b.c.Next()
	}
	return b.w.bf.err
}

func (b *mergeBucket) Put(key, value []byte) error {
	if b.w == nil {
		b.start()
	}
	if err := b.copyBefore(key); err != nil {
		return err
	}
	if b.k != nil && bytes.Equal(b.k, key) {
		b.k, b.v = b.c.Next() // replaced
	}
	b.w.Put(key, value)
	return b.w.bf.err
}

func (b *mergeBucket) Close() error {
	if b.w == nil {
		return nil
	}
	if err := b.copyBefore(nil); err != nil {
		return err
	}
	b.w.Close()
	return b.w.bf.err
}

// Finish copies the buckets the batch did not write and completes the
// file (File.Finish).
func (m *Merge) Finish() error {
	err := m.old.ForEach(func(name []byte, old *bolt.Bucket) error {
		if m.written[string(name)] {
			return nil
		}
		b := &mergeBucket{m: m, name: bytes.Clone(name), old: old}
		b.start()
		return b.Close()
	})
	if err != nil {
		return err
	}
	return m.f.Finish()
}
