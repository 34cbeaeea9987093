package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/url"
	"strings"
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
//   - a match is one SELECT over quads joined to nodes for the positions
//     it must return, answered from Cayley's indexes (spo, pos, ops, osp)
//     and one more on label_hash that docgraph adds, for reading or
//     replacing one document's graph;
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
	if !p.standby {
		// CONCURRENTLY would not hold writers back, but cannot run in
		// the transaction that tests for the index; a store gets it once.
		if _, err := p.pool.Exec(ctx, `CREATE INDEX IF NOT EXISTS `+pgLabelIndex+` ON quads (label_hash)`); err != nil {
			var pe *pgconn.PgError
			if !errors.As(err, &pe) || pe.Code != "25006" { // read_only_sql_transaction
				p.pool.Close()
				return nil, p.wrap(err)
			}
		}
	}
	if err := p.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'quads' AND indexname = $1)`, pgLabelIndex).Scan(&p.labelIndex); err != nil {
		p.pool.Close()
		return nil, p.wrap(err)
	}
	return p, nil
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
// scanNode reads them.
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
}

var pgDirCols = [4]string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}

// matchQuery builds the statement for Match (distinct: the union's
// triples once each). The rows carry, for every unbound position, the
// node's columns; a quad of the default graph has no label node, so the
// label is joined with LEFT JOIN.
func matchQuery(bound [4]rdf.Term, distinct bool, after int64, limit int) pgQuery {
	var q pgQuery
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
	if after > 0 {
		where = append(where, "q.horizon > "+arg(after))
	}
	inner := "quads q"
	if distinct {
		inner = "(SELECT DISTINCT q.subject_hash, q.predicate_hash, q.object_hash FROM quads q WHERE " + strings.Join(where, " AND ") + ") q"
		where = nil
	}
	var cols, joins []string
	if !distinct {
		cols = append(cols, "q.horizon")
	}
	for i := range 4 {
		if bound[i] != nil || (distinct && i == 3) {
			continue
		}
		a := fmt.Sprintf("n%d", i)
		q.ret = append(q.ret, i)
		join := "JOIN"
		if i == 3 {
			join = "LEFT JOIN"
		}
		joins = append(joins, join+" nodes "+a+" ON "+a+".hash = q."+pgDirCols[i])
		cols = append(cols, nodeCols(a))
	}
	if len(cols) == 0 {
		cols = append(cols, "1")
	}
	q.sql = "SELECT " + strings.Join(cols, ", ") + " FROM " + inner + " " + strings.Join(joins, " ")
	if len(where) > 0 {
		q.sql += " WHERE " + strings.Join(where, " AND ")
	}
	if after >= 0 && !distinct {
		q.sql += " ORDER BY q.horizon"
	}
	if limit > 0 {
		q.sql += fmt.Sprintf(" LIMIT %d", limit)
	}
	return q
}

// pgQuerier is a pool or one connection's transaction.
type pgQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// readMatches runs a match statement and returns its quads; last is the
// horizon of the last row (when the statement returns it).
func (p *pgStore) readMatches(ctx context.Context, db pgQuerier, q pgQuery, bound [4]rdf.Term, distinct bool, out []rdf.Quad) ([]rdf.Quad, int64, error) {
	rows, err := db.Query(ctx, q.sql, q.args...)
	if err != nil {
		return out, 0, p.wrap(err)
	}
	defer rows.Close()
	fields := make([]nodeFields, len(q.ret))
	var dests []any
	var horizon int64
	if !distinct {
		dests = append(dests, &horizon)
	}
	for i := range fields {
		dests = append(dests, fields[i].targets()...)
	}
	if len(dests) == 0 {
		var one int
		dests = append(dests, &one)
	}
	for rows.Next() {
		if err := rows.Scan(dests...); err != nil {
			return out, 0, p.wrap(err)
		}
		parts := bound
		if distinct {
			parts[3] = nil
		}
		for j, i := range q.ret {
			if i == 3 && fields[j].null() {
				parts[3] = nil // the default graph
				continue
			}
			t, err := fields[j].term()
			if err != nil {
				return out, 0, err
			}
			parts[i] = t
		}
		out = append(out, rdf.Quad{S: parts[0], P: parts[1], O: parts[2], G: parts[3]})
	}
	if err := rows.Err(); err != nil {
		return out, 0, p.wrap(err)
	}
	return out, horizon, nil
}

// pgPage is how many quads a scan of every quad reads per statement.
const pgPage = 20000

// match is Store.match on PostgreSQL. A pattern with a bound term reads
// its matches in one statement; a scan of every quad reads them in pages
// in horizon order, so that memory stays bounded. Each statement's rows
// are read whole before any is yielded, so that the caller may query the
// store while it iterates.
func (p *pgStore) match(ctx context.Context, bound [4]rdf.Term, distinct bool) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		if bound[3] == metaGraph && distinct {
			return
		}
		all := bound == [4]rdf.Term{}
		if !all || distinct {
			qs, _, err := p.readMatches(ctx, p.pool, matchQuery(bound, distinct, -1, 0), bound, distinct, nil)
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
		var after int64
		var page []rdf.Quad
		for {
			var err error
			var last int64
			page, last, err = p.readMatches(ctx, p.pool, matchQuery(bound, false, after, pgPage), bound, false, page[:0])
			if err != nil {
				yield(rdf.Quad{}, err)
				return
			}
			for _, q := range page {
				if !yield(q, nil) {
					return
				}
			}
			if len(page) < pgPage {
				return
			}
			after = last
		}
	}
}
