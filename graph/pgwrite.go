package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/docgraph/docgraph/rdf"
)

// pgTriple is a quad of one graph by its nodes' hashes.
type pgTriple [3]pgHash

// replaceGraphs is ReplaceGraphs on PostgreSQL, in one transaction:
//
//  1. read the hashes of the quads the graphs hold now (label index);
//  2. work out, per graph, the quads to add and to delete, and per node
//     how many references it gains or loses (Cayley keeps in nodes.refs
//     the number of quad positions that name the node);
//  3. find which of the nodes to add are there already;
//  4. COPY the new nodes, raise the counts of the others, COPY the new
//     quads, delete the old quads, lower the counts, and delete the
//     nodes no quad names any more.
//
// The order keeps Cayley's foreign keys satisfied at every statement;
// when the role may, the transaction skips their per-row checks
// (pgStore.ownChecks).
func (p *pgStore) replaceGraphs(ctx context.Context, updates []GraphUpdate, last map[rdf.IRI]int) (chs []Change, err error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return nil, p.wrap(err)
	}
	defer func() {
		if tx != nil {
			tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	graphs := make([][]byte, 0, len(last))
	gidx := map[pgHash]int{}
	for g, i := range last {
		h := hashOf(g)
		gidx[h] = i
		graphs = append(graphs, h[:])
	}
	have := make(map[int]map[pgTriple]struct{}, len(last))
	rows, err := tx.Query(ctx, `SELECT label_hash, subject_hash, predicate_hash, object_hash FROM quads WHERE label_hash = ANY($1)`, graphs)
	if err != nil {
		return nil, p.wrap(err)
	}
	var l, s, pr, o []byte
	for rows.Next() {
		if err := rows.Scan(&l, &s, &pr, &o); err != nil {
			rows.Close()
			return nil, p.wrap(err)
		}
		var t pgTriple
		copy(t[0][:], s)
		copy(t[1][:], pr)
		copy(t[2][:], o)
		var lh pgHash
		copy(lh[:], l)
		i := gidx[lh]
		if have[i] == nil {
			have[i] = map[pgTriple]struct{}{}
		}
		have[i][t] = struct{}{}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, p.wrap(err)
	}

	chs = make([]Change, len(updates))
	refDelta := map[pgHash]int{}
	terms := map[pgHash]rdf.Term{}
	var addRows [][]any
	var delS, delP, delO, delL [][]byte
	now := time.Now()
	hashes := map[rdf.Term]pgHash{}
	hash := func(t rdf.Term) pgHash {
		h, ok := hashes[t]
		if !ok {
			h = hashOf(t)
			hashes[t] = h
		}
		return h
	}
	for i, u := range updates {
		if last[u.Graph] != i {
			continue
		}
		g := hash(u.Graph)
		old := have[i]
		want := make(map[pgTriple]struct{}, len(u.Quads))
		for _, q := range u.Quads {
			t := pgTriple{hash(q.S), hash(q.P), hash(q.O)}
			if _, dup := want[t]; dup {
				continue
			}
			want[t] = struct{}{}
			if _, ok := old[t]; ok {
				continue
			}
			for j, term := range [4]rdf.Term{q.S, q.P, q.O, u.Graph} {
				h := g
				if j < 3 {
					h = t[j]
				}
				refDelta[h]++
				terms[h] = term
			}
			addRows = append(addRows, []any{t[0][:], t[1][:], t[2][:], g[:], now})
			chs[i].Added++
		}
		if u.Add {
			continue
		}
		for t := range old {
			if _, ok := want[t]; ok {
				continue
			}
			delS, delP, delO, delL = append(delS, t[0][:]), append(delP, t[1][:]), append(delO, t[2][:]), append(delL, g[:])
			for _, h := range [4]pgHash{t[0], t[1], t[2], g} {
				refDelta[h]--
			}
			chs[i].Removed++
		}
	}
	if len(addRows) == 0 && len(delS) == 0 {
		return chs, nil
	}

	// Nodes gaining references: those already stored get their count
	// raised, the others are copied in.
	var gain [][]byte
	for h, n := range refDelta {
		if n > 0 {
			gain = append(gain, h[:])
		}
	}
	exists := map[pgHash]bool{}
	if len(gain) > 0 {
		rows, err := tx.Query(ctx, `SELECT hash FROM nodes WHERE hash = ANY($1)`, gain)
		if err != nil {
			return nil, p.wrap(err)
		}
		var b []byte
		for rows.Next() {
			if err := rows.Scan(&b); err != nil {
				rows.Close()
				return nil, p.wrap(err)
			}
			var h pgHash
			copy(h[:], b)
			exists[h] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, p.wrap(err)
		}
	}
	var newNodes [][]any
	var upH, downH [][]byte
	var upN, downN []int32
	for h, n := range refDelta {
		switch {
		case n > 0 && !exists[h]:
			newNodes = append(newNodes, nodeRow(h, n, terms[h]))
		case n > 0:
			upH, upN = append(upH, h[:]), append(upN, int32(n))
		case n < 0:
			downH, downN = append(downH, h[:]), append(downN, int32(n))
		}
	}
	if p.ownChecks {
		if _, err := tx.Exec(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
			return nil, p.wrap(err)
		}
	}
	if len(newNodes) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"nodes"}, pgNodeCopy, pgx.CopyFromRows(newNodes)); err != nil {
			return nil, p.wrap(err)
		}
	}
	const bump = `UPDATE nodes SET refs = nodes.refs + d.n FROM unnest($1::bytea[], $2::int[]) AS d(h, n) WHERE nodes.hash = d.h`
	if len(upH) > 0 {
		if _, err := tx.Exec(ctx, bump, upH, upN); err != nil {
			return nil, p.wrap(err)
		}
	}
	if len(addRows) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"quads"}, []string{"subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"}, pgx.CopyFromRows(addRows)); err != nil {
			return nil, p.wrap(err)
		}
	}
	if len(delS) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM quads q USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l`, delS, delP, delO, delL); err != nil {
			return nil, p.wrap(err)
		}
		if _, err := tx.Exec(ctx, bump, downH, downN); err != nil {
			return nil, p.wrap(err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM nodes WHERE hash = ANY($1) AND refs <= 0`, downH); err != nil {
			return nil, p.wrap(err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err = tx.Commit(ctx)
	tx = nil
	if err != nil {
		return nil, fmt.Errorf("writing %d graphs: %w", len(last), p.wrap(err))
	}
	return chs, nil
}
