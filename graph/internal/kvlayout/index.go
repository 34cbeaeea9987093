package kvlayout

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// quadIndexes are the indexes of an embedded store. Cayley's default pair
// (subject+predicate, object+predicate+subject) cannot answer a lookup by
// predicate or by graph without scanning every quad, and both are common:
// SPARQL patterns with only the predicate bound, and replacing or exporting
// one document's graph. Every key ends with the subject or the whole quad,
// so no key gathers the ids of many quads (a key like predicate+object
// would, and Cayley rewrites a key's whole id list on every write).
var quadIndexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object, quad.Subject}},
	{Dirs: []quad.Direction{quad.Label, quad.Subject, quad.Predicate, quad.Object}},
}

// Positions of the directions in a quad's [4]uint64 of node ids.
const (
	S = iota
	P
	O
	G
)

// Index is one index of a store: its directions as positions in a quad's
// node ids, and its bucket's name.
type Index struct {
	Pos    []int
	Bucket []byte
	quad   kv.QuadIndex
}

// Cayley is the index as Cayley's iterators take it.
func (x Index) Cayley() kv.QuadIndex { return x.quad }

func newIndex(ind kv.QuadIndex) Index {
	x := Index{Bucket: ind.Key(nil)[0], quad: ind}
	for _, d := range ind.Dirs {
		x.Pos = append(x.Pos, Pos(d))
	}
	return x
}

// Indexes are the indexes docgraph creates a store with.
var Indexes = func() []Index {
	out := make([]Index, len(quadIndexes))
	for i, ind := range quadIndexes {
		out[i] = newIndex(ind)
	}
	return out
}()

// Pos is the position of a direction in a quad's node ids.
func Pos(d quad.Direction) int {
	switch d {
	case quad.Subject:
		return S
	case quad.Predicate:
		return P
	case quad.Object:
		return O
	}
	return G
}

// Leads reports whether the index's key begins with exactly the given
// positions, in order.
func (x Index) Leads(pos ...int) bool {
	if len(x.Pos) < len(pos) {
		return false
	}
	for i, p := range pos {
		if x.Pos[i] != p {
			return false
		}
	}
	return true
}

// AppendKey appends the key of quad ids in the index, the first n
// positions only (the whole key when n is len(x.Pos)).
func (x Index) AppendKey(b []byte, ids [4]uint64, n int) []byte {
	for _, p := range x.Pos[:n] {
		b = AppendIDKey(b, ids[p])
	}
	return b
}

// Best picks, among indexes (those usable, when usable is given), the one
// whose key starts with the most bound positions of want (0: unbound): its
// position and how many leading positions are bound, or -1 when none
// starts with a bound one (then only a walk of the log finds the quads).
func Best(indexes []Index, want [4]uint64, usable func(int) bool) (best, bound int) {
	best = -1
	for i, ind := range indexes {
		if usable != nil && !usable(i) {
			continue
		}
		n := 0
		for _, p := range ind.Pos {
			if want[p] == 0 {
				break
			}
			n++
		}
		if n > bound {
			best, bound = i, n
		}
	}
	return best, bound
}

// StoreIndexes reads the index list a store was created with from its
// "indexes" setting.
func StoreIndexes(raw []byte) ([]Index, error) {
	if raw == nil {
		return nil, fmt.Errorf("store lists no indexes")
	}
	var list []kv.QuadIndex
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		return nil, fmt.Errorf("store's index list: %v", err)
	}
	out := make([]Index, len(list))
	for i, ind := range list {
		out[i] = newIndex(ind)
	}
	return out, nil
}

// initMu guards the swap of Cayley's package-level default index list,
// which kv.Init reads and has no parameter for.
var initMu sync.Mutex

// Init sets a new database up as a Cayley store with Indexes.
func Init(db hkv.KV) error {
	initMu.Lock()
	defer initMu.Unlock()
	saved := kv.DefaultQuadIndexes
	kv.DefaultQuadIndexes = quadIndexes
	defer func() { kv.DefaultQuadIndexes = saved }()
	return kv.Init(db, nil)
}

// Filter tells which quads a pattern keeps: those with the wanted node
// ids (0: any) and, when no graph is wanted, not in the store's own graph
// Meta (0 when the store has none).
type Filter struct {
	Want [4]uint64
	Meta uint64
}

// Match reports whether a quad's node ids pass the filter.
func (f *Filter) Match(ids [4]uint64) bool {
	for i, w := range f.Want {
		if w != 0 && ids[i] != w {
			return false
		}
	}
	return !(f.Want[G] == 0 && f.Meta != 0 && ids[G] == f.Meta)
}

// Bound counts the wanted positions.
func (f *Filter) Bound() int {
	n := 0
	for _, w := range f.Want {
		if w != 0 {
			n++
		}
	}
	return n
}
