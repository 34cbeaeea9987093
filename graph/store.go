// Package graph is docgraph's boundary with the Cayley graph store: it opens
// a backend (embedded bolt, in-memory, PostgreSQL), replaces one document's
// named graph atomically, and matches quad patterns. No other package imports
// Cayley; everything crosses this boundary as rdf terms.
package graph

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers the "cockroach" SQL flavour with Cayley
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers the "postgres" SQL flavour with Cayley
	"github.com/cayleygraph/quad"
	"github.com/cockroachdb/pebble"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"github.com/hidal-go/hidalgo/kv/flat"
	hleveldb "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	hpebble "github.com/hidal-go/hidalgo/kv/flat/pebble"
	bolt "go.etcd.io/bbolt"

	"github.com/docgraph/docgraph/graph/internal/kvlayout"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Backend names the kind of store behind a Store.
type Backend string

const (
	Bolt     Backend = "bolt"
	Memory   Backend = "memory"
	Postgres Backend = "postgres"
	// Cockroach is CockroachDB through Cayley's SQL backend: the way past
	// one database server, spelled cockroach://user@host:26257/db?… (or
	// cockroachdb://), the rest of the address as for PostgreSQL.
	Cockroach Backend = "cockroach"
)

// Options configure Open.
type Options struct {
	// Base is the IRI base for a new store. An existing store keeps the base
	// it was created with; a different non-empty Base is an error.
	Base string
	// LockTimeout bounds the wait for another process holding an embedded
	// store. Zero means 5 seconds.
	LockTimeout time.Duration
	// Engine is the key-value engine of a new embedded store: "bolt"
	// (default), "leveldb" or "pebble". An existing store is opened with the
	// engine it was created with.
	Engine string
	// ReadOnly opens an existing embedded bolt store for reading only: any
	// number of read-only openers (docgraph sparql, export, a server
	// without a write token) share it, and a writer waits for them all
	// (LockTimeout). Writes to a read-only store fail. A store that does
	// not exist yet is created as without ReadOnly. A PostgreSQL store
	// opened read-only refuses writes, as does one on a standby server;
	// other backends and engines ignore it.
	ReadOnly bool
}

// ErrLocked reports that another process holds the embedded store.
var ErrLocked = errors.New("store is in use by another docgraph process")

// Store is an open docgraph store.
type Store struct {
	qs cgraph.QuadStore
	// db is the bolt database under qs for an embedded bolt store (nil
	// otherwise), which the read and write paths of internal/kvlayout use
	// directly; release lets go of the folder of a leveldb or pebble store.
	db       *bolt.DB
	release  func()
	backend  Backend
	spec     string
	base     string
	readOnly bool
	terms    termCache    // node ids to terms, for embedded stores (read.go)
	quads    quadCache    // quad ids to node ids, for bolt stores (boltread.go)
	memMu    sync.RWMutex // guards a memory store, which Cayley does not (applyDeltas, match)
	pg       *pgStore     // PostgreSQL's own read and write path (pgstore.go), nil for other backends
	writes   graphWrites  // which graphs this Store wrote (GraphVersion)
}

// metaGraph holds the store's own settings; it is hidden from Match and exports.
const metaGraph = rdf.IRI("urn:docgraph:meta")

var baseProp = rdf.IRI(vocab.DG + "base")

// ParseSpec tells which backend a --store value names: "memory:",
// "postgres://…" (or "postgresql://…"), or a filesystem path.
func ParseSpec(spec string) Backend {
	switch {
	case spec == "memory:" || spec == ":memory:":
		return Memory
	case strings.HasPrefix(spec, "postgres://"), strings.HasPrefix(spec, "postgresql://"):
		return Postgres
	case strings.HasPrefix(spec, "cockroach://"), strings.HasPrefix(spec, "cockroachdb://"):
		return Cockroach
	}
	return Bolt
}

// Open opens the store named by spec, creating it on first use.
func Open(ctx context.Context, spec string, opt Options) (*Store, error) {
	if spec == "" {
		return nil, errors.New("no store given")
	}
	s := &Store{backend: ParseSpec(spec), spec: spec}
	var err error
	switch s.backend {
	case Memory:
		s.qs = memstore.New()
	case Postgres:
		// docgraph's own connection first: it names the database when
		// the server cannot be reached.
		if s.pg, err = openPG(ctx, spec); err != nil {
			break
		}
		if s.qs, err = openSQL("postgres", spec); err == nil {
			if err = s.pg.setup(ctx); err != nil {
				s.qs.Close()
			}
		}
		if err != nil {
			s.pg.close()
			break
		}
		s.readOnly = opt.ReadOnly || s.pg.standby
	case Cockroach:
		// CockroachDB speaks PostgreSQL's protocol: the driver wants that scheme.
		s.qs, err = openSQL("cockroach", "postgresql://"+spec[strings.Index(spec, "://")+3:])
	default:
		err = s.openEmbedded(spec, opt)
	}
	if err != nil {
		return nil, err
	}
	if err := s.initBase(ctx, opt.Base); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// engineFile names, for each embedded engine, the file or folder inside the
// store folder that holds its data; its presence tells which engine made a store.
var engineFile = map[string]string{"bolt": "indexes.bolt", "leveldb": "leveldb", "pebble": "pebble"}

// openEmbedded opens (or creates) the embedded store in folder dir and
// sets s's quad store, database and read-only flag.
func (s *Store) openEmbedded(dir string, opt Options) error {
	qs, db, readOnly, release, err := openEmbedded(dir, opt)
	if err != nil {
		return err
	}
	s.qs, s.readOnly, s.release = qs, readOnly, release
	if bdb, ok := db.(*hbolt.DB); ok {
		s.db = bdb.DB()
	}
	return nil
}

func openEmbedded(dir string, opt Options) (qs cgraph.QuadStore, db hkv.KV, readOnly bool, release func(), err error) {
	timeout := opt.LockTimeout
	if timeout == 0 {
		timeout = 5 * time.Second
	}
	fail := func(err error) (cgraph.QuadStore, hkv.KV, bool, func(), error) {
		return nil, nil, false, nil, err
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fail(fmt.Errorf("%s: not a docgraph store (a store is a folder)", dir))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	engine := opt.Engine
	for name, file := range engineFile {
		if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
			engine = name
		}
	}
	if engine == "" {
		engine = "bolt"
	}
	file, ok := engineFile[engine]
	if !ok {
		return fail(fmt.Errorf("unknown storage engine %q (bolt, leveldb, pebble)", engine))
	}
	path := filepath.Join(dir, file)
	if opt.ReadOnly && engine == "bolt" {
		if _, err := os.Stat(path); err == nil {
			readOnly = true
		}
	}
	locked := func() error { return fmt.Errorf("%s: %w (waited %s)", dir, ErrLocked, timeout) }
	release = func() {}
	if engine == "bolt" {
		var bdb *hbolt.DB
		// bbolt retries the lock every 50 ms and gives up one retry
		// before its Timeout: ask for that much more, so that a second
		// process waits the whole LockTimeout.
		bdb, err = hbolt.Open(path, &bolt.Options{Timeout: timeout + boltLockRetry, ReadOnly: readOnly})
		if errors.Is(err, bolt.ErrTimeout) {
			return fail(locked())
		}
		if err == nil {
			db = bdb
		}
	} else {
		// leveldb and pebble fail at once on a folder another process
		// holds (the lock call's EWOULDBLOCK, EAGAIN or EACCES); pebble
		// does not say so of one this process holds, which holdFolder
		// tells instead. Both are tried again until the timeout.
		deadline := time.Now().Add(timeout)
		for {
			var held bool
			if release, held = holdFolder(path); !held {
				err = ErrLocked
			} else {
				db, err = openFlat(engine, path)
				if err != nil {
					release()
				}
			}
			if err == nil || !(errors.Is(err, ErrLocked) || isLockError(err)) {
				break
			}
			if time.Now().After(deadline) {
				return fail(locked())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err != nil {
		return fail(fmt.Errorf("%s: %w", dir, err))
	}
	closeAll := func() {
		db.Close()
		release()
	}
	if engine == "bolt" && !readOnly {
		// A first load that was interrupted leaves its unfinished file (load.go).
		os.Remove(path + ".new")
	}
	qs, err = kv.New(db, noBloomOptions)
	if errors.Is(err, cgraph.ErrNotInitialized) && readOnly {
		// A file that was never set up (a crash on its first opening):
		// set it up as a writer would.
		closeAll()
		opt.ReadOnly = false
		return openEmbedded(dir, opt)
	}
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if err = kvlayout.Init(db); err == nil {
			qs, err = kv.New(db, noBloomOptions)
		}
	}
	if err != nil {
		closeAll()
		return fail(fmt.Errorf("%s: %w", dir, err))
	}
	return qs, db, readOnly, release, nil
}

// openFlat opens a leveldb or pebble database as a key-value store.
func openFlat(engine, path string) (hkv.KV, error) {
	if engine == "leveldb" {
		ldb, err := hleveldb.Open(path, nil)
		if err != nil {
			return nil, err
		}
		return flat.Upgrade(ldb), nil
	}
	pdb, err := hpebble.OpenPathOptions(path, &pebble.Options{})
	if err != nil {
		return nil, err
	}
	return flat.Upgrade(pdb), nil
}

// isLockError reports whether err is a file lock held by another process.
func isLockError(err error) bool {
	return errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EACCES)
}

// heldFolders are the leveldb and pebble folders open in this process.
var heldFolders = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// holdFolder marks a folder as open in this process; held is false when
// it already is. release lets go of it.
func holdFolder(path string) (release func(), held bool) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	heldFolders.Lock()
	defer heldFolders.Unlock()
	if heldFolders.m[path] {
		return func() {}, false
	}
	heldFolders.m[path] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			heldFolders.Lock()
			delete(heldFolders.m, path)
			heldFolders.Unlock()
		})
	}, true
}

// boltLockRetry is how often bbolt tries the file lock again while it waits.
const boltLockRetry = 50 * time.Millisecond

// noBloomOptions open a kv store with Cayley's bloom filters off: they
// live in memory and would miss the bulk writers' work (bulk.go, load.go).
var noBloomOptions = cgraph.Options{kv.OptNoBloom: true}

func openSQL(flavor, addr string) (cgraph.QuadStore, error) {
	qs, err := csql.New(flavor, addr, nil)
	if err == nil {
		// A new database has no tables yet: probe, and create the schema if needed.
		if _, err = qs.Stats(context.Background(), false); err == nil {
			return qs, nil
		}
		qs.Close()
	}
	if ierr := csql.Init(flavor, addr, nil); ierr != nil && !errors.Is(ierr, cgraph.ErrDatabaseExists) {
		return nil, fmt.Errorf("%s: %w", flavor, ierr)
	}
	return csql.New(flavor, addr, nil)
}

func (s *Store) initBase(ctx context.Context, want string) error {
	var have string
	for q, err := range s.match(ctx, nil, baseProp, nil, metaGraph) {
		if err != nil {
			return err
		}
		if l, ok := q.O.(rdf.Literal); ok {
			have = l.Lexical
		}
	}
	if want != "" {
		want = vocab.NewMinter(want).Base
	}
	switch {
	case have != "" && want != "" && want != have:
		return fmt.Errorf("%s: store was created with base %s, not %s (a store's IRIs are fixed when it is created: drop --base, or ingest into a new store with --base %s)", s.spec, have, want, want)
	case have != "":
		s.base = have
		return nil
	}
	if want == "" {
		want = vocab.DefaultBase
	}
	s.base = want
	if s.readOnly {
		return nil // nothing can be written; the base holds for this opening
	}
	q := rdf.Quad{S: metaGraph, P: baseProp, O: rdf.NewString(want), G: metaGraph}
	return s.applyDeltas([]cgraph.Delta{{Quad: toQuad(q), Action: cgraph.Add}}, cgraph.IgnoreOpts{IgnoreDup: true})
}

// applyDeltas writes through Cayley, under the lock of a memory store.
func (s *Store) applyDeltas(deltas []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if s.backend == Memory {
		s.memMu.Lock()
		defer s.memMu.Unlock()
	}
	return s.qs.ApplyDeltas(deltas, opts)
}

// ReadOnly reports whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Backend reports which kind of store this is.
func (s *Store) Backend() Backend { return s.backend }

// Shared reports whether other processes may write the store while it is
// open (a database server), so that what was read may go stale.
func (s *Store) Shared() bool { return s.backend == Postgres || s.backend == Cockroach }

// Base is the IRI base the store mints under.
func (s *Store) Base() string { return s.base }

// Minter mints IRIs under the store's base.
func (s *Store) Minter() vocab.Minter { return vocab.NewMinter(s.base) }

// Close closes the store.
func (s *Store) Close() error {
	if s.pg != nil {
		s.pg.close()
	}
	err := s.qs.Close()
	if s.release != nil {
		s.release()
	}
	return err
}

// Change counts what a write did.
type Change struct {
	Added, Removed int
}

// ReplaceGraph makes the named graph g hold exactly quads (their own graph
// names are ignored), in one transaction: after a failure or a crash the
// graph is as it was before. Only the difference is written, so replacing a
// graph with the same statements writes nothing.
func (s *Store) ReplaceGraph(ctx context.Context, g rdf.IRI, quads []rdf.Quad) (Change, error) {
	chs, err := s.ReplaceGraphs(ctx, []GraphUpdate{{Graph: g, Quads: quads}})
	if err != nil {
		return Change{}, err
	}
	return chs[0], nil
}

// GraphUpdate is the new content of one named graph.
type GraphUpdate struct {
	Graph rdf.IRI
	Quads []rdf.Quad
	// Add keeps the graph's other statements: the update only adds Quads
	// (an append-only log such as the curation graph, written by several
	// writers without one undoing the other).
	Add bool
}

// ReplaceGraphs replaces several named graphs in one transaction: all of
// them are written or, after an error or a crash, none. Writing many small
// graphs together is much faster than one at a time on disk-backed stores.
// When a graph appears more than once, its last update wins.
func (s *Store) ReplaceGraphs(ctx context.Context, updates []GraphUpdate) ([]Change, error) {
	changes := make([]Change, len(updates))
	last := make(map[rdf.IRI]int, len(updates))
	for i, u := range updates {
		if u.Graph == metaGraph {
			return nil, fmt.Errorf("graph %s is reserved", u.Graph)
		}
		for _, q := range u.Quads {
			q.G = u.Graph
			if err := q.Valid(); err != nil {
				return nil, fmt.Errorf("graph %s: %w", u.Graph, err)
			}
		}
		last[u.Graph] = i
	}
	if s.pg != nil {
		if s.readOnly {
			return nil, fmt.Errorf("PostgreSQL at %s: the store was opened read-only (a standby, or a server without a token)", s.pg.where)
		}
		return s.pg.replaceGraphs(ctx, updates, last)
	}
	if chs, ok, err := s.bulkReplace(ctx, updates, last); ok || err != nil {
		if ok {
			s.writes.wrote(last)
		}
		return chs, err
	}
	var deltas []cgraph.Delta
	for i, u := range updates {
		if last[u.Graph] != i {
			continue
		}
		want := make(map[rdf.Quad]struct{}, len(u.Quads))
		for _, q := range u.Quads {
			q.G = u.Graph
			want[q] = struct{}{}
		}
		for q, err := range s.match(ctx, nil, nil, nil, u.Graph) {
			if err != nil {
				return nil, err
			}
			if _, ok := want[q]; ok {
				delete(want, q)
				continue
			}
			if u.Add {
				continue
			}
			deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Delete})
			changes[i].Removed++
		}
		// Add in input order so that stores assign ids deterministically.
		for _, q := range u.Quads {
			q.G = u.Graph
			if _, ok := want[q]; ok {
				deltas = append(deltas, cgraph.Delta{Quad: toQuad(q), Action: cgraph.Add})
				delete(want, q)
				changes[i].Added++
			}
		}
	}
	if len(deltas) == 0 {
		return changes, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer s.quads.invalidate() // after the deletes have committed (boltread.go)
	defer s.writes.wrote(last)
	hold := s.holdValues(deltas)
	if err := s.applyDeltas(append(deltas, hold...), cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return nil, fmt.Errorf("writing %d graphs: %w", len(last), err)
	}
	if len(hold) > 0 {
		for i := range hold {
			hold[i].Action = cgraph.Delete
		}
		if err := s.applyDeltas(hold, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return nil, fmt.Errorf("writing %d graphs: %w", len(last), err)
		}
	}
	return changes, nil
}

// DeleteGraph removes the named graph g and reports how many quads it held.
func (s *Store) DeleteGraph(ctx context.Context, g rdf.IRI) (int, error) {
	ch, err := s.ReplaceGraph(ctx, g, nil)
	return ch.Removed, err
}

// Match returns the quads matching a pattern; a nil term matches anything.
// A nil graph matches every graph, the default graph included.
func (s *Store) Match(ctx context.Context, subj, pred, obj, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if g == metaGraph {
		return func(func(rdf.Quad, error) bool) {}
	}
	return s.match(ctx, subj, pred, obj, g)
}

func (s *Store) match(ctx context.Context, subj, pred, obj, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if kqs, ok := s.qs.(*kv.QuadStore); ok {
		return s.kvMatch(ctx, kqs, [4]rdf.Term{subj, pred, obj, g}, false)
	}
	if s.pg != nil {
		return s.pg.match(ctx, s.pg.pool, [4]rdf.Term{subj, pred, obj, g}, false)
	}
	seq := s.cayleyMatch(ctx, subj, pred, obj, g)
	if s.backend != Memory {
		return seq
	}
	// Cayley's memstore is not safe for concurrent use: read the matches
	// under the store's lock, then yield them without it, so that the
	// caller may read or write meanwhile. Lookups by a bound term only
	// read the store and may run together; a scan of every quad marks
	// the store as being read (memstore's cloneAll), a write.
	lock, unlock := s.memMu.RLock, s.memMu.RUnlock
	if subj == nil && pred == nil && obj == nil && g == nil {
		lock, unlock = s.memMu.Lock, s.memMu.Unlock
	}
	return func(yield func(rdf.Quad, error) bool) {
		var qs []rdf.Quad
		var err error
		lock()
		for q, e := range seq {
			if e != nil {
				err = e
				break
			}
			qs = append(qs, q)
		}
		unlock()
		for _, q := range qs {
			if !yield(q, nil) {
				return
			}
		}
		if err != nil {
			yield(rdf.Quad{}, err)
		}
	}
}

// cayleyMatch matches through Cayley's generic iterators.
func (s *Store) cayleyMatch(ctx context.Context, subj, pred, obj, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		bound := [4]rdf.Term{subj, pred, obj, g}
		sc, empty, err := s.scan(ctx, bound)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		if empty {
			return
		}
		defer sc.Close()
		for sc.Next(ctx) {
			cq, err := s.qs.Quad(sc.Result())
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			if !cq.IsValid() {
				continue
			}
			q, err := fromQuad(cq)
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			if (subj != nil && q.S != subj) || (pred != nil && q.P != pred) ||
				(obj != nil && q.O != obj) || (g != nil && q.G != g) {
				continue
			}
			if g == nil && q.G == metaGraph {
				continue
			}
			if !yield(q, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(rdf.Quad{}, err)
		}
	}
}

type scanner interface {
	Next(context.Context) bool
	Result() cgraph.Ref
	Err() error
	Close() error
}

var directions = [4]quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}

// scan picks the cheapest way to enumerate the quads that may match the bound
// terms (subject, predicate, object, graph). empty is true when a bound term
// is unknown to the store, so nothing can match.
func (s *Store) scan(ctx context.Context, bound [4]rdf.Term) (sc scanner, empty bool, err error) {
	refs := map[quad.Direction]cgraph.Ref{}
	for i, t := range bound {
		if t == nil {
			continue
		}
		ref, err := s.qs.ValueOf(toValue(t))
		if err != nil {
			return nil, false, err
		}
		if ref == nil {
			return nil, true, nil
		}
		refs[directions[i]] = ref
	}
	if len(refs) == 0 {
		return s.qs.QuadsAllIterator().Iterate(), false, nil
	}
	// Other stores index each direction: take the smallest.
	var (
		best     cgraph.Ref
		bestDir  quad.Direction
		bestSize int64 = -1
	)
	for d, ref := range refs {
		sz, err := s.qs.QuadIteratorSize(ctx, d, ref)
		if err != nil {
			return nil, false, err
		}
		if bestSize < 0 || sz.Value < bestSize || (sz.Value == bestSize && d < bestDir) {
			best, bestDir, bestSize = ref, d, sz.Value
		}
	}
	return s.qs.QuadIterator(bestDir, best).Iterate(), false, nil
}

// Graphs lists the named graphs that hold at least one quad.
func (s *Store) Graphs(ctx context.Context) ([]rdf.IRI, error) {
	if s.pg != nil {
		return s.pg.graphs(ctx, s.pg.pool)
	}
	// A bolt store lists them from the graph-first index, one seek per
	// graph, instead of reading every quad (Reader.Graphs).
	if r, ok, err := s.NewReader(ctx); err != nil {
		return nil, err
	} else if ok {
		defer r.Close()
		return r.Graphs()
	}
	seen := map[rdf.IRI]bool{}
	var out []rdf.IRI
	for q, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			return nil, err
		}
		if g, ok := q.G.(rdf.IRI); ok && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out, nil
}

// Count returns the number of quads matching a pattern (see Match).
func (s *Store) Count(ctx context.Context, subj, pred, obj, g rdf.Term) (int64, error) {
	var n int64
	for _, err := range s.Match(ctx, subj, pred, obj, g) {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
