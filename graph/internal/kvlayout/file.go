package kvlayout

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
)

// A writer of whole bolt database files. bolt has no bulk-load interface:
// every Put descends the tree from its root and every commit rewrites the
// pages it touched, about a microsecond a key. A first load knows every key
// of every bucket in order before it writes, so it can lay the file out
// directly: leaf pages filled from left to right, then the branch pages
// above them, bucket by bucket, then the root bucket and the two meta
// pages. The result is an ordinary bolt file (format version 2, the one
// go.etcd.io/bbolt reads and writes, as github.com/boltdb/bolt v1.3 did
// before it), which bolt then opens, checks and updates as if it had
// written it itself.
//
// The layout, in bolt's native byte order:
//
//	page header  id u64 | flags u16 | count u16 | overflow u32   (16 bytes)
//	leaf element flags u32 | pos u32 | ksize u32 | vsize u32     (16 bytes)
//	branch elem  pos u32 | ksize u32 | pgid u64                  (16 bytes)
//	bucket value root pgid u64 | sequence u64 [| inline leaf page]
//	meta         magic u32 | version u32 | page size u32 | flags u32 |
//	             root bucket (16) | freelist pgid | high-water pgid | txid |
//	             FNV-64a of the preceding 56 bytes
//
// pos is the distance from the element to its key; a value follows its key.
// Pages 0 and 1 hold the metas, page 2 an empty freelist; data starts at 3.

const (
	bfBranch   = 0x01
	bfLeaf     = 0x02
	bfMeta     = 0x04
	bfFreelist = 0x10

	bfBucketLeaf = 0x01 // a leaf element whose value is a bucket

	bfMagic   = 0xED0CDAED
	bfVersion = 2

	bfPageHeader = 16
	bfElement    = 16
	bfBucketSize = 16
	bfMaxCount   = 0xFFFF - 1
)

var ne = binary.NativeEndian

// File writes a bolt file sequentially, page after page.
type File struct {
	f        *os.File
	w        *bufio.Writer
	pageSize int
	next     uint64 // id of the next page to write
	root     []bfEntry
	scratch  []byte
	err      error
	txid     uint64 // of the file's last transaction
}

type bfEntry struct {
	key, value []byte
	flags      uint32
}

type bfChild struct {
	key  []byte
	page uint64
}

func NewFile(path string, pageSize int) (*File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	bf := &File{f: f, w: bufio.NewWriterSize(f, 1<<20), pageSize: pageSize, next: 3}
	// The metas and the freelist are written last, over these pages.
	if _, err := bf.w.Write(make([]byte, 3*pageSize)); err != nil {
		f.Close()
		return nil, err
	}
	return bf, nil
}

// writePage writes one page (and its overflow pages) holding a node of
// elements and returns its id.
func (bf *File) writePage(flags uint16, es []bfEntry, children []bfChild) uint64 {
	n := len(es) + len(children)
	size := bfPageHeader + n*bfElement
	for _, e := range es {
		size += len(e.key) + len(e.value)
	}
	for _, c := range children {
		size += len(c.key)
	}
	pages := (size + bf.pageSize - 1) / bf.pageSize
	if cap(bf.scratch) < pages*bf.pageSize {
		bf.scratch = make([]byte, pages*bf.pageSize)
	}
	buf := bf.scratch[:pages*bf.pageSize]
	clear(buf)
	id := bf.next
	bf.fillPage(buf, id, flags, es, children)
	ne.PutUint32(buf[12:], uint32(pages-1))
	bf.next += uint64(pages)
	if bf.err == nil {
		_, bf.err = bf.w.Write(buf)
	}
	return id
}

// fillPage lays a node out in buf: header, elements, then keys and values.
func (bf *File) fillPage(buf []byte, id uint64, flags uint16, es []bfEntry, children []bfChild) {
	n := len(es) + len(children)
	ne.PutUint64(buf[0:], id)
	ne.PutUint16(buf[8:], flags)
	ne.PutUint16(buf[10:], uint16(n))
	data := bfPageHeader + n*bfElement
	for i, e := range es {
		at := bfPageHeader + i*bfElement
		ne.PutUint32(buf[at:], e.flags)
		ne.PutUint32(buf[at+4:], uint32(data-at))
		ne.PutUint32(buf[at+8:], uint32(len(e.key)))
		ne.PutUint32(buf[at+12:], uint32(len(e.value)))
		data += copy(buf[data:], e.key)
		data += copy(buf[data:], e.value)
	}
	for i, c := range children {
		at := bfPageHeader + i*bfElement
		ne.PutUint32(buf[at:], uint32(data-at))
		ne.PutUint32(buf[at+4:], uint32(len(c.key)))
		ne.PutUint64(buf[at+8:], c.page)
		data += copy(buf[data:], c.key)
	}
}

// BucketWriter builds one bucket's tree from keys given in strictly
// increasing order.
type BucketWriter struct {
	bf       *File
	name     []byte
	leaf     []bfEntry
	size     int // of leaf as a page
	children []bfChild
	last     []byte
	data     []byte // keys and values of leaf
}

// Bucket starts a bucket of the root bucket; keys of buckets need not come
// in order, but each bucket's keys must.
func (bf *File) Bucket(name []byte) *BucketWriter {
	return &BucketWriter{bf: bf, name: slices.Clone(name), size: bfPageHeader}
}

func (b *BucketWriter) Put(key, value []byte) {
	if b.bf.err != nil {
		return
	}
	if len(key) == 0 || (b.last != nil && bytes.Compare(key, b.last) <= 0) {
		b.bf.err = fmt.Errorf("bolt file: bucket %q: key %x out of order", b.name, key)
		return
	}
	add := bfElement + len(key) + len(value)
	if len(b.leaf) > 0 && (b.size+add > b.bf.pageSize || len(b.leaf) >= bfMaxCount) {
		b.flushLeaf()
	}
	// The caller may reuse its slices: keep copies until the page is written.
	at := len(b.data)
	b.data = append(b.data, key...)
	b.data = append(b.data, value...)
	k := b.data[at : at+len(key) : at+len(key)]
	b.leaf = append(b.leaf, bfEntry{key: k, value: b.data[at+len(key):]})
	b.last = k
	b.size += add
}

func (b *BucketWriter) flushLeaf() {
	id := b.bf.writePage(bfLeaf, b.leaf, nil)
	b.children = append(b.children, bfChild{key: slices.Clone(b.leaf[0].key), page: id})
	b.leaf, b.size = b.leaf[:0], bfPageHeader
	b.last = slices.Clone(b.last)
	b.data = b.data[:0]
}

// Close writes what is left of the bucket and records it in the root.
func (b *BucketWriter) Close() {
	bf := b.bf
	if bf.err != nil {
		return
	}
	value := make([]byte, bfBucketSize)
	if len(b.children) == 0 && b.size <= bf.pageSize/4 {
		// Small enough to live inside its entry in the root bucket.
		page := make([]byte, b.size)
		bf.fillPage(page, 0, bfLeaf, b.leaf, nil)
		value = append(value, page...)
	} else {
		if len(b.leaf) > 0 || len(b.children) == 0 {
			b.flushLeaf()
		}
		ne.PutUint64(value, bf.tree(b.children))
	}
	bf.root = append(bf.root, bfEntry{key: b.name, value: value, flags: bfBucketLeaf})
}

// tree writes the branch pages above a level of pages and returns the
// root's id.
func (bf *File) tree(level []bfChild) uint64 {
	for len(level) > 1 {
		var up []bfChild
		for i := 0; i < len(level); {
			size, j := bfPageHeader, i
			for j < len(level) && (j == i || size+bfElement+len(level[j].key) <= bf.pageSize) && j-i < bfMaxCount {
				size += bfElement + len(level[j].key)
				j++
			}
			if j-i == 1 && j < len(level) {
				j++ // a branch holds at least two children
			}
			id := bf.writePage(bfBranch, nil, level[i:j])
			up = append(up, bfChild{key: level[i].key, page: id})
			i = j
		}
		level = up
	}
	return level[0].page
}

// SetTxID numbers the file's last transaction: a file replacing a store's
// continues its numbering (bolt's transaction id, which readers take for
// the store's version), rather than starting again at 1.
func (bf *File) SetTxID(id uint64) { bf.txid = id }

// Finish writes the root bucket, the freelist and the metas, and syncs.
func (bf *File) Finish() error {
	slices.SortFunc(bf.root, func(a, b bfEntry) int { return bytes.Compare(a.key, b.key) })
	for i := 1; i < len(bf.root); i++ {
		if bytes.Equal(bf.root[i-1].key, bf.root[i].key) {
			return fmt.Errorf("bolt file: bucket %q written twice", bf.root[i].key)
		}
	}
	var rootPage uint64
	if len(bf.root) == 0 {
		rootPage = bf.writePage(bfLeaf, nil, nil)
	} else {
		var level []bfChild
		var leaf []bfEntry
		size := bfPageHeader
		for _, e := range bf.root {
			add := bfElement + len(e.key) + len(e.value)
			if len(leaf) > 0 && (size+add > bf.pageSize || len(leaf) >= bfMaxCount) {
				level = append(level, bfChild{key: leaf[0].key, page: bf.writePage(bfLeaf, leaf, nil)})
				leaf, size = nil, bfPageHeader
			}
			leaf = append(leaf, e)
			size += add
		}
		level = append(level, bfChild{key: leaf[0].key, page: bf.writePage(bfLeaf, leaf, nil)})
		rootPage = bf.tree(level)
	}
	if bf.err != nil {
		return bf.err
	}
	if err := bf.w.Flush(); err != nil {
		return err
	}
	head := make([]byte, 3*bf.pageSize)
	for i := range 2 {
		p := head[i*bf.pageSize:]
		ne.PutUint64(p[0:], uint64(i))
		ne.PutUint16(p[8:], bfMeta)
		m := p[bfPageHeader:]
		ne.PutUint32(m[0:], bfMagic)
		ne.PutUint32(m[4:], bfVersion)
		ne.PutUint32(m[8:], uint32(bf.pageSize))
		ne.PutUint32(m[12:], 0)
		ne.PutUint64(m[16:], rootPage)
		ne.PutUint64(m[24:], 0) // root bucket sequence
		ne.PutUint64(m[32:], 2) // freelist page
		ne.PutUint64(m[40:], bf.next)
		// Meta page i holds the transaction of its parity: bolt writes
		// transaction t's meta over page t%2, the older of the two.
		txid := max(bf.txid, 1)
		if txid%2 != uint64(i) {
			txid--
		}
		ne.PutUint64(m[48:], txid)
		h := fnv.New64a()
		h.Write(m[:56])
		ne.PutUint64(m[56:], h.Sum64())
	}
	fl := head[2*bf.pageSize:]
	ne.PutUint64(fl[0:], 2)
	ne.PutUint16(fl[8:], bfFreelist)
	if _, err := bf.f.WriteAt(head, 0); err != nil {
		return err
	}
	return bf.f.Sync()
}

func (bf *File) Close() error {
	if bf.f == nil {
		return errors.New("bolt file: closed twice")
	}
	err := bf.f.Close()
	bf.f = nil
	return err
}
