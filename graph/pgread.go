package graph

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/docgraph/docgraph/rdf"
)

// QueryReader reads a store for the length of one query, every lookup
// seeing the same snapshot: Reader on an embedded bolt store, a
// PostgreSQL transaction on a PostgreSQL store.
type QueryReader interface {
	// Match yields the quads matching a pattern as Store.Match does or,
	// when distinct, the triples of the union of all graphs once each,
	// with a nil graph (g must then be nil).
	Match(subj, pred, obj, g rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error]
	// Subjects returns the subjects having a triple with every
	// predicate-object pair; ok is false when the reader cannot tell.
	Subjects(pairs [][2]rdf.Term) (out []rdf.Term, ok bool, err error)
	// CountUpTo counts the quads matching a pattern up to limit (0: no
	// limit); it may overcount.
	CountUpTo(subj, pred, obj, g rdf.Term, limit int) int
	// Graphs lists the named graphs holding at least one quad.
	Graphs() ([]rdf.IRI, error)
	Close() error
}

var (
	_ QueryReader = (*Reader)(nil)
	_ QueryReader = (*pgReader)(nil)
)

// OpenReader begins a QueryReader; ok is false when the store has none
// (memory, leveldb, pebble, CockroachDB: use Match and MatchTriples).
func (s *Store) OpenReader(ctx context.Context) (r QueryReader, ok bool, err error) {
	if s.pg != nil {
		pr, err := s.pg.newReader(ctx)
		if err != nil {
			return nil, true, err
		}
		return pr, true, nil
	}
	br, ok, err := s.NewReader(ctx)
	if !ok || err != nil {
		return nil, ok, err
	}
	return br, true, nil
}

// pgReader reads a PostgreSQL store in one read-only REPEATABLE READ
// transaction on one connection. Each lookup is one statement, its rows
// read whole before they are yielded, so that lookups may nest (the
// evaluator looks up inside a loop over another lookup's matches).
type pgReader struct {
	ctx  context.Context
	p    *pgStore
	conn *pgxpool.Conn
	tx   pgx.Tx
	// tables holds the matches of predicates looked up often (fromTable);
	// held counts the quads they hold.
	tables map[pgTableKey]*pgTable
	held   int
}

// Lookups by a bound predicate and subject or object. A query looks a
// pattern up once per solution of what came before it: thousands of
// statements, each a round trip of 0.2 to 1 milliseconds on a loaded
// machine, where reading a match within one statement costs 2 to 5
// microseconds. So a reader counts, per
// predicate and graph, the lookups that bind the predicate and the
// subject or the object; once their cost reaches the cost of reading the
// predicate's matches whole, it reads them in one statement and answers
// the later lookups from memory (and a later match of the predicate
// alone, such as the evaluator's own tables). The SPARQL evaluator does the same per
// triple pattern (queries/eval/hash.go), but not for lookups made by
// property paths and FILTER EXISTS, and with the embedded store's costs.
const (
	// pgTableAfter is how many lookups are made before counting.
	pgTableAfter = 16
	// pgLookupCost is the cost of one lookup in matches read.
	pgLookupCost = 200
	// pgTableMax bounds the quads a reader holds in its tables.
	pgTableMax = 1 << 20
)

type pgTableKey struct {
	p, g     rdf.Term
	distinct bool
}

type pgTable struct {
	lookups int
	next    int // the lookup at which to consider reading the table
	count   int // the predicate's matches, -1 before they are counted
	loaded  bool
	quads   []rdf.Quad
	byS     map[rdf.Term][]int32
	byO     map[rdf.Term][]int32 // made on first use
}

// fromTable answers a lookup from the matches of its predicate when they
// have been read, or when reading them now pays; ok is false otherwise.
func (r *pgReader) fromTable(subj, pred, obj, g rdf.Term, distinct bool) (out []rdf.Quad, ok bool, err error) {
	if pred == nil {
		return nil, false, nil
	}
	k := pgTableKey{pred, g, distinct}
	t := r.tables[k]
	if subj == nil && obj == nil {
		if t == nil || !t.loaded {
			return nil, false, nil
		}
		return t.quads, true, nil
	}
	if r.tables == nil {
		r.tables = map[pgTableKey]*pgTable{}
	}
	if t == nil {
		t = &pgTable{count: -1, next: pgTableAfter}
		r.tables[k] = t
	}
	t.lookups++
	if !t.loaded {
		if t.lookups < t.next {
			return nil, false, nil
		}
		room := pgTableMax - r.held
		if t.count < 0 {
			if t.count, err = r.p.count(r.ctx, r.tx, [4]rdf.Term{nil, pred, nil, g}, room+1); err != nil {
				return nil, false, err
			}
		}
		if t.count > room {
			t.next = 1 << 62 // never
			return nil, false, nil
		}
		if t.lookups*pgLookupCost < t.count {
			t.next = t.count/pgLookupCost + 1
			return nil, false, nil
		}
		for q, err := range r.p.match(r.ctx, r.tx, [4]rdf.Term{nil, pred, nil, g}, distinct) {
			if err != nil {
				return nil, false, err
			}
			t.quads = append(t.quads, q)
		}
		t.byS = make(map[rdf.Term][]int32, len(t.quads)/2)
		for i, q := range t.quads {
			t.byS[q.S] = append(t.byS[q.S], int32(i))
		}
		t.loaded = true
		r.held += len(t.quads)
	}
	var list []int32
	if subj != nil {
		list = t.byS[subj]
	} else {
		if t.byO == nil {
			t.byO = make(map[rdf.Term][]int32, len(t.quads)/2)
			for i, q := range t.quads {
				t.byO[q.O] = append(t.byO[q.O], int32(i))
			}
		}
		list = t.byO[obj]
	}
	for _, i := range list {
		if q := t.quads[i]; obj == nil || q.O == obj {
			out = append(out, q)
		}
	}
	return out, true, nil
}

func (p *pgStore) newReader(ctx context.Context) (*pgReader, error) {
	conn, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, p.wrap(err)
	}
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		conn.Release()
		return nil, p.wrap(err)
	}
	return &pgReader{ctx: ctx, p: p, conn: conn, tx: tx}, nil
}

func (r *pgReader) Close() error {
	if r.tx == nil {
		return nil
	}
	err := r.tx.Rollback(context.WithoutCancel(r.ctx))
	r.tx = nil
	r.conn.Release()
	return r.p.wrap(err)
}

func (r *pgReader) Match(subj, pred, obj, g rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		if r.tx == nil {
			yield(rdf.Quad{}, fmt.Errorf("graph: read after the reader was closed"))
			return
		}
		if g == metaGraph {
			return
		}
		if qs, ok, err := r.fromTable(subj, pred, obj, g, distinct); err != nil || ok {
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			for _, q := range qs {
				if !yield(q, nil) {
					return
				}
			}
			return
		}
		for q, err := range r.p.match(r.ctx, r.tx, [4]rdf.Term{subj, pred, obj, g}, distinct) {
			if !yield(q, err) || err != nil {
				return
			}
		}
	}
}

// Subjects pushes the star of patterns down as one statement: the
// intersection of the subjects of each pair, read from the
// predicate+object index.
func (r *pgReader) Subjects(pairs [][2]rdf.Term) ([]rdf.Term, bool, error) {
	if r.tx == nil {
		return nil, false, fmt.Errorf("graph: read after the reader was closed")
	}
	if len(pairs) == 0 {
		return nil, false, nil
	}
	args := []any{metaHash[:]}
	var parts []string
	for _, pr := range pairs {
		ph, oh := hashOf(pr[0]), hashOf(pr[1])
		args = append(args, ph[:], oh[:])
		parts = append(parts, fmt.Sprintf("SELECT subject_hash FROM quads WHERE predicate_hash = $%d AND object_hash = $%d AND label_hash IS DISTINCT FROM $1", len(args)-1, len(args)))
	}
	sql := "SELECT " + nodeCols("n") + " FROM (" + strings.Join(parts, " INTERSECT ") + ") s JOIN nodes n ON n.hash = s.subject_hash ORDER BY n.hash"
	rows, err := r.tx.Query(r.ctx, sql, args...)
	if err != nil {
		return nil, true, r.p.wrap(err)
	}
	defer rows.Close()
	var f nodeFields
	var out []rdf.Term
	for rows.Next() {
		if err := rows.Scan(f.targets()...); err != nil {
			return nil, true, r.p.wrap(err)
		}
		t, err := f.term()
		if err != nil {
			return nil, true, err
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, true, r.p.wrap(err)
	}
	return out, true, nil
}

// CountUpTo counts in one statement. An error counts as limit (the
// evaluator then reads the pattern by lookups, which report it).
func (r *pgReader) CountUpTo(subj, pred, obj, g rdf.Term, limit int) int {
	if r.tx == nil || g == metaGraph {
		return 0
	}
	n, err := r.p.count(r.ctx, r.tx, [4]rdf.Term{subj, pred, obj, g}, limit)
	if err != nil {
		return limit
	}
	return n
}

func (r *pgReader) Graphs() ([]rdf.IRI, error) {
	if r.tx == nil {
		return nil, fmt.Errorf("graph: read after the reader was closed")
	}
	return r.p.graphs(r.ctx, r.tx)
}

// count counts the quads matching a pattern (a nil graph: every graph
// but the store's own), stopping at limit when limit > 0.
func (p *pgStore) count(ctx context.Context, db pgQuerier, bound [4]rdf.Term, limit int) (int, error) {
	var where []string
	var args []any
	for i, t := range bound {
		if t != nil {
			h := hashOf(t)
			args = append(args, h[:])
			where = append(where, fmt.Sprintf("%s = $%d", pgDirCols[i], len(args)))
		}
	}
	if bound[3] == nil {
		args = append(args, metaHash[:])
		where = append(where, fmt.Sprintf("label_hash IS DISTINCT FROM $%d", len(args)))
	}
	sql := "SELECT 1 FROM quads WHERE " + strings.Join(where, " AND ")
	if limit > 0 {
		sql += fmt.Sprintf(" LIMIT %d", limit)
	}
	var n int
	if err := db.QueryRow(ctx, "SELECT count(*) FROM ("+sql+") c", args...).Scan(&n); err != nil {
		return 0, p.wrap(err)
	}
	return n, nil
}

// graphs lists the named graphs: with docgraph's label index, by a loose
// index scan (one index probe per graph) instead of reading every quad.
func (p *pgStore) graphs(ctx context.Context, db pgQuerier) ([]rdf.IRI, error) {
	labels := `SELECT DISTINCT label_hash AS h FROM quads WHERE label_hash IS NOT NULL`
	if p.labelIndex {
		labels = `WITH RECURSIVE g(h) AS (
			(SELECT label_hash FROM quads WHERE label_hash IS NOT NULL ORDER BY label_hash LIMIT 1)
			UNION ALL
			SELECT (SELECT label_hash FROM quads WHERE label_hash > g.h ORDER BY label_hash LIMIT 1) FROM g WHERE g.h IS NOT NULL
		) SELECT h FROM g WHERE h IS NOT NULL`
	}
	rows, err := db.Query(ctx, `SELECT `+nodeCols("n")+` FROM (`+labels+`) l JOIN nodes n ON n.hash = l.h WHERE l.h <> $1 ORDER BY n.hash`, metaHash[:])
	if err != nil {
		return nil, p.wrap(err)
	}
	defer rows.Close()
	var f nodeFields
	var out []rdf.IRI
	for rows.Next() {
		if err := rows.Scan(f.targets()...); err != nil {
			return nil, p.wrap(err)
		}
		t, err := f.term()
		if err != nil {
			return nil, err
		}
		if iri, ok := t.(rdf.IRI); ok {
			out = append(out, iri)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, p.wrap(err)
	}
	return out, nil
}
