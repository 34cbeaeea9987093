package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/docgraph/docgraph/rdf"
)

// The PostgreSQL path. A store at a postgres:// address keeps Cayley's SQL
// schema (tables nodes and quads, as Cayley's SQL backend creates them, so
// that Cayley can still read and write the store), but docgraph reads and
// writes those tables itself through pgx, in few statements:
//
//   - a node's key is the hash of its value (refs.HashOf), which docgraph
//     computes itself, so a bound term costs no lookup;
//   - a match is a SELECT over quads, answered from Cayley's indexes (spo,
//     pos, ops, osp) and one more on label_hash that docgraph adds, for
//     reading or replacing one document's graph: a first small page
//     joined to nodes for the terms it returns, then the rest as hashes
//     whose terms come from a cache or one more statement (match);
//   - a write is one transaction: new nodes and quads go in by COPY, the
//     reference counts of nodes already there and the deletions by one
//     statement each over arrays. A failure anywhere rolls it all back.
//
// Cayley's own writer and iterators send one statement per quad or per
// lookup; they remain in use only for the store's settings (initBase).

// ErrUnavailable reports that the database server of a shared store could
// not be reached or went away during a statement.
var ErrUnavailable = errors.New("database server unavailable")

// pgStore is the PostgreSQL side of a Store.
type pgStore struct {
	pool *pgxpool.Pool
	// where names the database in errors: host, port and database,
	// never the password.
	where string
	// labelIndex tells whether quads has docgraph's index on label_hash.
	labelIndex bool
	// standby is true when the server is a standby in recovery (hot
	// standby): it answers reads only.
	standby bool
	terms   pgTerms
	// ownChecks tells whether the writer may set session_replication_role
	// (a superuser, or a role granted SET on it): its transactions then
	// skip the foreign-key triggers of Cayley's schema, whose checks
	// (four index probes and four row locks per quad) are most of a
	// COPY's time; replaceGraphs writes every node before the quads that
	// name it in the same transaction, which is what they check.
	ownChecks bool
}

// pgLabelIndex is the one index docgraph adds to Cayley's schema. Cayley
// does not mind an extra index; without it, reading or replacing one
// graph reads every quad.
const pgLabelIndex = "docgraph_label_index"

func openPG(ctx context.Context, spec string) (*pgStore, error) {
	p := &pgStore{where: pgWhere(spec)}
	cfg, err := pgxpool.ParseConfig(spec)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL address %s: %w", p.where, err)
	}
	cfg.MaxConns = max(cfg.MaxConns, 8)
	if p.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, p.wrap(err)
	}
	if err := p.pool.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&p.standby); err != nil {
		p.pool.Close()
		return nil, p.wrap(err)
	}
	return p, nil
}

// setup finds, once the tables exist, docgraph's index on label_hash
// (making it when missing) and whether the role may skip the
// foreign-key triggers.
func (p *pgStore) setup(ctx context.Context) error {
	hasIndex := func() error {
		return p.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'quads' AND indexname = $1)`, pgLabelIndex).Scan(&p.labelIndex)
	}
	if err := hasIndex(); err != nil {
		return p.wrap(err)
	}
	if !p.labelIndex && !p.standby {
		// A store gets the index on its first opening by a role that
		// owns the table; others read without it.
		_, err := p.pool.Exec(ctx, `CREATE INDEX IF NOT EXISTS `+pgLabelIndex+` ON quads (label_hash)`)
		var pe *pgconn.PgError
		if err != nil && !(errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "25006")) { // insufficient_privilege, read_only_sql_transaction
			return p.wrap(err)
		}
		if err := hasIndex(); err != nil {
			return p.wrap(err)
		}
	}
	if !p.standby {
		// has_parameter_privilege is PostgreSQL 15's; before it, only a
		// superuser may set the parameter.
		if err := p.pool.QueryRow(ctx, `SELECT has_parameter_privilege('session_replication_role', 'SET')`).Scan(&p.ownChecks); err != nil {
			p.pool.QueryRow(ctx, `SELECT current_setting('is_superuser') = 'on'`).Scan(&p.ownChecks)
		}
	}
	return nil
}

func (p *pgStore) close() { p.pool.Close() }

// pgWhere names a PostgreSQL address without its password.
func pgWhere(spec string) string {
	u, err := url.Parse(spec)
	if err != nil || u.Host == "" {
		if cfg, err := pgconn.ParseConfig(spec); err == nil {
			return fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
		}
		return "(unparsable address)"
	}
	return u.Host + u.Path
}

// wrap names the database in an error, and marks as ErrUnavailable the
// errors that say the server cannot be reached or went away.
func (p *pgStore) wrap(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if pgUnavailable(err) {
		return fmt.Errorf("PostgreSQL at %s: %w (%v)", p.where, ErrUnavailable, err)
	}
	return fmt.Errorf("PostgreSQL at %s: %w", p.where, err)
}

func pgUnavailable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Class 08: connection exception; 57P01-57P03: the server is
		// shutting down or starting; 25006 is a write on a standby,
		// which is not a lost server.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		pgconn.SafeToRetry(err) || strings.Contains(err.Error(), "conn closed")
}

// pgHash is a node's key in Cayley's SQL schema.
type pgHash = refs.ValueHash

func hashOf(t rdf.Term) pgHash { return refs.HashOf(toValue(t)) }

func hashBytes(h pgHash) []byte {
	if !h.Valid() {
		return nil
	}
	return h[:]
}

var metaHash = hashOf(metaGraph)

// nodeColumns are the columns of a node that hold its value, in the order
// nodeFields.targets lists them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// nodeCols lists nodeColumns of the table alias a.
func nodeCols(a string) string {
	var b strings.Builder
	for i, c := range nodeColumns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a + "." + c)
	}
	return b.String()
}

// nodeFields receives the columns of one node.
type nodeFields struct {
	value             []byte
	str, typ, lang    *string
	iri, bnode, vbool *bool
	vint              *int64
	vfloat            *float64
	vtime             *time.Time
}

func (n *nodeFields) targets() []any {
	return []any{&n.value, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// null reports a node that is not there (a LEFT JOIN that found none).
func (n *nodeFields) null() bool {
	return n.str == nil && n.vint == nil && n.vbool == nil && n.vfloat == nil && n.vtime == nil && n.value == nil
}

// term decodes a node as Cayley's SQL store does (QuadStore.NameOf).
func (n *nodeFields) term() (rdf.Term, error) {
	var v quad.Value
	switch {
	case n.str != nil:
		s := *n.str
		switch {
		case n.iri != nil && *n.iri:
			return rdf.IRI(s), nil
		case n.bnode != nil && *n.bnode:
			return rdf.BlankNode(s), nil
		}
		s = strings.ReplaceAll(s, `\x00`, "\x00")
		switch {
		case n.lang != nil:
			return rdf.NewLangString(s, *n.lang), nil
		case n.typ != nil:
			return rdf.NewTyped(s, rdf.IRI(*n.typ)), nil
		}
		return rdf.NewString(s), nil
	case n.vint != nil:
		v = quad.Int(*n.vint)
	case n.vbool != nil:
		v = quad.Bool(*n.vbool)
	case n.vfloat != nil:
		v = quad.Float(*n.vfloat)
	case n.vtime != nil:
		v = quad.Time(n.vtime.UTC())
	default:
		return nil, fmt.Errorf("graph: a node of the PostgreSQL store holds a value of a kind docgraph does not write")
	}
	return fromValue(v)
}

// nodeRow is a new node as COPY writes it: the columns of pgNodeCopy.
func nodeRow(h pgHash, refs int, t rdf.Term) []any {
	row := []any{h[:], refs, nil, nil, nil, nil, nil}
	switch x := t.(type) {
	case rdf.IRI:
		row[2], row[5] = string(x), true
	case rdf.BlankNode:
		row[2], row[6] = string(x), true
	case rdf.Literal:
		row[2] = strings.ReplaceAll(x.Lexical, "\x00", `\x00`)
		switch {
		case x.Lang != "":
			row[4] = x.Lang
		case x.Datatype != "" && x.Datatype != rdf.XSDString:
			row[3] = string(x.Datatype)
		}
	}
	return row
}

var pgNodeCopy = []string{"hash", "refs", "value_string", "datatype", "language", "iri", "bnode"}

// pgQuery is a SELECT over quads for a pattern.
type pgQuery struct {
	sql  string
	args []any
	// ret lists the positions (0-3) whose terms the rows carry, in order.
	ret []int
	// join tells whether the rows carry the terms' node columns (joined
	// to nodes) or only their hashes (looked up after: pgTerms).
	join bool
}

var pgDirCols = [4]string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}

// pgKey is where a page of matches ends: the horizon (the quad's row id)
// of a match, or the subject, predicate and object hashes of a distinct
// triple.
type pgKey struct {
	horizon int64
	spo     [3][]byte
}

func (k *pgKey) less(o *pgKey) bool {
	if k.spo[0] == nil {
		return k.horizon < o.horizon
	}
	for i := range 3 {
		if c := bytes.Compare(k.spo[i], o.spo[i]); c != 0 {
			return c < 0
		}
	}
	return false
}

// matchQuery builds the statement for a match (distinct: the union's
// triples once each). The rows carry the page key, then for every
// unbound position the node's columns; a quad of the default graph has no
// label node, so the label is joined with LEFT JOIN. after, when set,
// skips the matches up to that key; limit > 0 reads that many in key
// order. Without join, the rows carry the hashes of the unbound
// positions instead of their nodes' columns.
func matchQuery(bound [4]rdf.Term, distinct bool, after *pgKey, limit int, join bool) pgQuery {
	q := pgQuery{join: join}
	var where []string
	arg := func(v any) string {
		q.args = append(q.args, v)
		return fmt.Sprintf("$%d", len(q.args))
	}
	for i, t := range bound {
		if t != nil {
			where = append(where, "q."+pgDirCols[i]+" = "+arg(hashBytes(hashOf(t))))
		}
	}
	if bound[3] == nil {
		where = append(where, "q.label_hash IS DISTINCT FROM "+arg(metaHash[:]))
	}
	key := "q.horizon"
	if distinct {
		key = "q.subject_hash, q.predicate_hash, q.object_hash"
	}
	if after != nil {
		if distinct {
			where = append(where, "(q.subject_hash, q.predicate_hash, q.object_hash) > ("+arg(after.spo[0])+", "+arg(after.spo[1])+", "+arg(after.spo[2])+")")
		} else {
			where = append(where, "q.horizon > "+arg(after.horizon))
		}
	}
	page := ""
	if limit > 0 {
		page = fmt.Sprintf(" ORDER BY %s LIMIT %d", key, limit)
	}
	inner := "quads q"
	if distinct {
		inner = "(SELECT DISTINCT " + key + " FROM quads q WHERE " + strings.Join(where, " AND ") + page + ") q"
		where, page = nil, ""
	}
	cols := []string{key}
	var joins []string
	for i := range 4 {
		if bound[i] != nil || (distinct && i == 3) {
			continue
		}
		q.ret = append(q.ret, i)
		if !join {
			cols = append(cols, "q."+pgDirCols[i])
			continue
		}
		a := fmt.Sprintf("n%d", i)
		join := "JOIN"
		if i == 3 {
			join = "LEFT JOIN"
		}
		joins = append(joins, join+" nodes "+a+" ON "+a+".hash = q."+pgDirCols[i])
		cols = append(cols, nodeCols(a))
	}
	if page != "" {
		// Page first, then join: the planner need not join the rows
		// the page leaves out.
		inner = "(SELECT * FROM quads q WHERE " + strings.Join(where, " AND ") + page + ") q"
		where = nil
	}
	q.sql = "SELECT " + strings.Join(cols, ", ") + " FROM " + inner + " " + strings.Join(joins, " ")
	if len(where) > 0 {
		q.sql += " WHERE " + strings.Join(where, " AND ")
	}
	return q
}

// pgQuerier is a pool or one connection's transaction.
type pgQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// readMatches runs a match statement and appends its quads to out; last
// is the greatest page key of its rows, n how many there were.
func (p *pgStore) readMatches(ctx context.Context, db pgQuerier, q pgQuery, bound [4]rdf.Term, distinct bool, out []rdf.Quad) (_ []rdf.Quad, last pgKey, n int, err error) {
	rows, err := db.Query(ctx, q.sql, q.args...)
	if err != nil {
		return out, last, 0, p.wrap(err)
	}
	defer rows.Close()
	var fields []nodeFields
	var hashes [4][]byte
	var key pgKey
	var dests []any
	if distinct {
		dests = append(dests, &key.spo[0], &key.spo[1], &key.spo[2])
	} else {
		dests = append(dests, &key.horizon)
	}
	if q.join {
		fields = make([]nodeFields, len(q.ret))
		for i := range fields {
			dests = append(dests, fields[i].targets()...)
		}
	} else {
		for j := range q.ret {
			dests = append(dests, &hashes[j])
		}
	}
	base := bound
	if distinct {
		base[3] = nil
	}
	// Without join: the rows' hashes, turned into terms once all are read.
	var hashRows [][4]pgHash
	for rows.Next() {
		if err := rows.Scan(dests...); err != nil {
			return out, last, n, p.wrap(err)
		}
		if n == 0 || last.less(&key) {
			last = key
			if distinct {
				// Scan reuses the slices' arrays for the next row.
				for i := range 3 {
					last.spo[i] = bytes.Clone(key.spo[i])
				}
			}
		}
		n++
		if !q.join {
			var hs [4]pgHash
			for j := range q.ret {
				copy(hs[j][:], hashes[j])
			}
			hashRows = append(hashRows, hs)
			continue
		}
		parts := base
		for j, i := range q.ret {
			if i == 3 && fields[j].null() {
				parts[3] = nil // the default graph
				continue
			}
			t, err := fields[j].term()
			if err != nil {
				return out, last, n, err
			}
			parts[i] = t
		}
		out = append(out, rdf.Quad{S: parts[0], P: parts[1], O: parts[2], G: parts[3]})
	}
	if err := rows.Err(); err != nil {
		return out, last, n, p.wrap(err)
	}
	rows.Close()
	if q.join {
		return out, last, n, nil
	}
	var want []pgHash
	for _, hs := range hashRows {
		for j := range q.ret {
			if hs[j].Valid() {
				want = append(want, hs[j])
			}
		}
	}
	found, err := p.terms.resolve(ctx, db, want)
	if err != nil {
		return out, last, n, p.wrap(err)
	}
	for _, hs := range hashRows {
		parts := base
		for j, i := range q.ret {
			if !hs[j].Valid() {
				continue // the default graph
			}
			parts[i] = found[hs[j]]
		}
		out = append(out, rdf.Quad{S: parts[0], P: parts[1], O: parts[2], G: parts[3]})
	}
	return out, last, n, nil
}

// pgTerms maps node hashes to terms. A hash is the hash of the term's
// value, so an entry never goes stale: the cache only bounds its size,
// keeping at most two generations.
type pgTerms struct {
	mu     sync.RWMutex
	m, old map[pgHash]rdf.Term
}

const pgTermsGen = 1 << 18

func (c *pgTerms) get(h pgHash) (rdf.Term, bool) {
	c.mu.RLock()
	t, ok := c.m[h]
	if !ok {
		t, ok = c.old[h]
	}
	c.mu.RUnlock()
	return t, ok
}

func (c *pgTerms) put(found map[pgHash]rdf.Term) {
	c.mu.Lock()
	if c.m == nil || len(c.m)+len(found) > pgTermsGen {
		c.old, c.m = c.m, make(map[pgHash]rdf.Term, len(found))
	}
	for h, t := range found {
		c.m[h] = t
	}
	c.mu.Unlock()
}

// resolve returns the terms of the hashes, from the cache or, for those
// it lacks, from the nodes table in statements of many hashes each.
func (c *pgTerms) resolve(ctx context.Context, db pgQuerier, want []pgHash) (map[pgHash]rdf.Term, error) {
	out := make(map[pgHash]rdf.Term, len(want))
	var miss [][]byte
	for _, h := range want {
		if _, ok := out[h]; ok {
			continue
		}
		if t, ok := c.get(h); ok {
			out[h] = t
			continue
		}
		out[h] = nil
		miss = append(miss, h[:])
	}
	const chunk = 20000
	for len(miss) > 0 {
		part := miss[:min(chunk, len(miss))]
		miss = miss[len(part):]
		rows, err := db.Query(ctx, `SELECT hash, `+strings.Join(nodeColumns, ", ")+` FROM nodes WHERE hash = ANY($1)`, part)
		if err != nil {
			return nil, err
		}
		var f nodeFields
		var hb []byte
		dests := append([]any{&hb}, f.targets()...)
		found := make(map[pgHash]rdf.Term, len(part))
		for rows.Next() {
			if err := rows.Scan(dests...); err != nil {
				rows.Close()
				return nil, err
			}
			t, err := f.term()
			if err != nil {
				rows.Close()
				return nil, err
			}
			var h pgHash
			copy(h[:], hb)
			found[h] = t
			out[h] = t
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		c.put(found)
	}
	for h, t := range out {
		if t == nil {
			return nil, fmt.Errorf("graph: a quad names node %x, which is not in the nodes table", h[:])
		}
	}
	return out, nil
}

const (
	// pgFirst is the size of a match's first page: most lookups of a
	// query find fewer, and a caller that wants one match (ASK, LIMIT)
	// reads no more.
	pgFirst = 16
	// pgPage is the size of the later pages of a match with nothing
	// bound, read in key order so that memory stays bounded; a match
	// with a bound term reads the rest of its matches in one statement.
	pgPage = 20000
)

// match yields the matches of a pattern (distinct: the union's triples,
// once each, with a nil graph) read through db, a page at a time. Each
// page's rows are read whole before any is yielded, so that the caller
// may query the store while it iterates.
func (p *pgStore) match(ctx context.Context, db pgQuerier, bound [4]rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		if bound[3] == metaGraph && distinct {
			return
		}
		all := bound == [4]rdf.Term{}
		limit := pgFirst
		var after *pgKey
		var page []rdf.Quad
		for {
			var last pgKey
			var n int
			var err error
			// The first page joins the nodes (one statement for a small
			// lookup); later ones read hashes and look up the nodes the
			// cache lacks, which spares the joins of terms met before.
			q := matchQuery(bound, distinct, after, limit, after == nil)
			page, last, n, err = p.readMatches(ctx, db, q, bound, distinct, page[:0])
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			for _, q := range page {
				if !yield(q, nil) {
					return
				}
			}
			if limit == 0 || n < limit {
				return
			}
			after = &last
			limit = 0
			if all {
				limit = pgPage
			}
		}
	}
}
