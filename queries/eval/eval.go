// Package eval evaluates SPARQL algebra (package algebra) over a Dataset
// (https://www.w3.org/TR/sparql11-query/#sparqlAlgebraEval). Solutions
// stream: basic graph patterns are matched by nested index lookups with the
// terms bound so far, and only the operators that need all their input
// (ORDER BY, GROUP BY, DISTINCT and the right side of some joins) hold
// solutions in memory. Every loop watches the context, so a deadline stops
// the work.
//
// Expressions call package builtin for operators and functions; this
// package implements the special forms (BOUND, IF, COALESCE, IN, EXISTS,
// the logical connectives with their error rules) and the aggregates.
package eval

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/rdf"
)

// ErrorKind classifies evaluation failures.
type ErrorKind int

// Evaluation failure kinds.
const (
	// Cancelled: the context was cancelled or its deadline passed.
	Cancelled ErrorKind = iota + 1
	// DatasetError: the dataset reported an error.
	DatasetError
	// Unsupported: the query uses something the evaluator cannot run.
	Unsupported
)

// Error is an evaluation failure; Err is the cause.
type Error struct {
	Kind ErrorKind
	Err  error
}

func (e *Error) Error() string {
	switch e.Kind {
	case Cancelled:
		return "query cancelled: " + e.Err.Error()
	case DatasetError:
		return "reading the dataset: " + e.Err.Error()
	}
	return "unsupported: " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// errStop ends an evaluation early without error (LIMIT, ASK, consumer stopped).
var errStop = errors.New("stop")

// Solution is one solution: terms indexed by variable slot; nil is unbound.
type solution []rdf.Term

// yieldFn receives solutions; returning an error stops evaluation.
type yieldFn func(solution) error

// Options tune evaluation.
type Options struct {
	// Base is the base IRI for IRI().
	Base string
	// HashAfter is how many index lookups one triple pattern makes in a
	// run before its matches are read into a hash table (hash.go); 0 means
	// the default, a negative value never.
	HashAfter int
	// Count, when set, counts the matches of a triple pattern (nil terms
	// are variables) in the default graph, up to limit; it may overcount.
	// It must be much cheaper than matching. It tells when a hash table
	// pays.
	Count func(s, p, o rdf.Term, limit int) int
}

// Program is a compiled query, ready to run many times.
type Program struct {
	q     *algebra.Query
	slots map[algebra.Var]int
	names []algebra.Var
	opt   Options
	// counts holds the rows each operator produced in the last run, for Explain.
	counts map[algebra.Op]*atomic.Int64
	// last holds the hash tables of the last run, for Patterns.
	lastMu sync.Mutex
	last   *hashTables
	// planned holds the optimizer's estimate of each triple pattern's
	// lookups in a run (algebra.BGP.Lookups), where it made one.
	planned map[*algebra.TriplePattern]float64
}

// Compile prepares q for evaluation.
func Compile(q *algebra.Query, opt Options) (*Program, error) {
	p := &Program{q: q, slots: map[algebra.Var]int{}, opt: opt, counts: map[algebra.Op]*atomic.Int64{}}
	if opt.Base == "" {
		p.opt.Base = q.Base
	}
	for _, v := range q.Vars {
		p.slot(v)
	}
	p.collect(q.Op)
	for _, tp := range q.Template {
		for _, n := range []algebra.Node{tp.S, tp.P, tp.O} {
			if n.IsVar() {
				p.slot(n.Var)
			}
		}
	}
	for _, n := range q.Describe {
		if n.IsVar() {
			p.slot(n.Var)
		}
	}
	return p, nil
}

func (p *Program) slot(v algebra.Var) int {
	if i, ok := p.slots[v]; ok {
		return i
	}
	p.slots[v] = len(p.names)
	p.names = append(p.names, v)
	return len(p.names) - 1
}

func (p *Program) collect(op algebra.Op) {
	p.counts[op] = new(atomic.Int64)
	node := func(n algebra.Node) {
		if n.IsVar() {
			p.slot(n.Var)
		}
	}
	switch op := op.(type) {
	case *algebra.BGP:
		for i, t := range op.Triples {
			node(t.S)
			node(t.P)
			node(t.O)
			if i < len(op.Lookups) && op.Lookups[i] > 0 {
				if p.planned == nil {
					p.planned = map[*algebra.TriplePattern]float64{}
				}
				p.planned[&op.Triples[i]] = op.Lookups[i]
			}
		}
	case *algebra.PathPattern:
		node(op.S)
		node(op.O)
	case *algebra.Join:
		p.collect(op.L)
		p.collect(op.R)
	case *algebra.LeftJoin:
		p.collect(op.L)
		p.collect(op.R)
		p.collectExpr(op.Expr)
	case *algebra.Union:
		p.collect(op.L)
		p.collect(op.R)
	case *algebra.Minus:
		p.collect(op.L)
		p.collect(op.R)
	case *algebra.Filter:
		p.collect(op.X)
		for _, e := range op.Exprs {
			p.collectExpr(e)
		}
	case *algebra.Graph:
		node(op.Name)
		p.collect(op.X)
	case *algebra.Extend:
		p.collect(op.X)
		p.slot(op.Var)
		p.collectExpr(op.Expr)
	case *algebra.Table:
		for _, v := range op.Vars {
			p.slot(v)
		}
	case *algebra.Group:
		p.collect(op.X)
		for _, k := range op.Keys {
			p.slot(k.Var)
			p.collectExpr(k.Expr)
		}
		for _, a := range op.Aggs {
			p.slot(a.Var)
			p.collectExpr(a.Agg.Arg)
		}
	case *algebra.OrderBy:
		p.collect(op.X)
		for _, c := range op.Conds {
			p.collectExpr(c.Expr)
		}
	case *algebra.Project:
		p.collect(op.X)
		for _, v := range op.Vars {
			p.slot(v)
		}
	case *algebra.Distinct:
		p.collect(op.X)
	case *algebra.Reduced:
		p.collect(op.X)
	case *algebra.Slice:
		p.collect(op.X)
	}
}

func (p *Program) collectExpr(e algebra.Expr) {
	switch e := e.(type) {
	case algebra.Var:
		p.slot(e)
	case *algebra.Call:
		for _, a := range e.Args {
			p.collectExpr(a)
		}
	case *algebra.Exists:
		p.collect(e.X)
	}
}

// Rows returns the number of solutions op produced in the last run, and
// whether op belongs to the program.
func (p *Program) Rows(op algebra.Op) (int64, bool) {
	c, ok := p.counts[op]
	if !ok {
		return 0, false
	}
	return c.Load(), true
}

// run holds the state of one execution.
type run struct {
	ctx   context.Context
	p     *Program
	v     *view
	env   *builtin.Env
	n     int
	ticks int
	// hash holds the run's hash tables of triple patterns (hash.go).
	hash *hashTables
	// memoUsed counts the matches kept in the memos of lookups (hash.go).
	memoUsed int
	// count counts a pattern's matches (Options.Count, or the snapshot's).
	count func(s, p, o rdf.Term, limit int) int
	// release ends the dataset's snapshot, if it took one.
	release func()
	// distinct holds, for a BGP (by its first triple pattern) whose
	// solutions go straight into a DISTINCT projection, the slots that
	// projection keeps (bgp.go drops partial solutions it cannot tell
	// apart).
	distinct map[*algebra.TriplePattern][]bool
}

func (p *Program) newRun(ctx context.Context, ds Dataset) (*run, error) {
	for _, c := range p.counts {
		c.Store(0)
	}
	tables := &hashTables{m: map[hashKey]*hashState{}}
	p.lastMu.Lock()
	p.last = tables
	p.lastMu.Unlock()
	r := &run{ctx: ctx, p: p, env: builtin.NewEnv(p.opt.Base), n: len(p.names), hash: tables, count: p.opt.Count}
	if sn, ok := ds.(Snapshotter); ok {
		snap, release, err := sn.Snapshot(ctx)
		if err != nil {
			return nil, &Error{Kind: DatasetError, Err: err}
		}
		ds, r.release = snap, release
		if c, ok := snap.(Counter); ok {
			r.count = c.CountUpTo
		}
	}
	r.v = newView(ds, p.q.Dataset)
	return r, nil
}

// close releases what the run holds of the dataset.
func (r *run) close() {
	if r.release != nil {
		r.release()
		r.release = nil
	}
}

func (r *run) check() error {
	r.ticks++
	if r.ticks&255 == 0 {
		if err := r.ctx.Err(); err != nil {
			return &Error{Kind: Cancelled, Err: err}
		}
	}
	return nil
}

func (r *run) dsErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &Error{Kind: Cancelled, Err: err}
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Kind: DatasetError, Err: err}
}

func (r *run) empty() solution { return make(solution, r.n) }

// graphCtx is the active graph: nil term for the default graph.
type graphCtx struct{ name rdf.Term }

// safe reports whether op can be evaluated with the bindings of a join's
// left side pushed into it without changing the result: patterns whose
// matching only gets narrower when variables are fixed in advance.
// whole reports whether op computes all its solutions before it gives
// the first: a GROUP, an ORDER BY, and a projection, extension or slice
// of one.
func whole(op algebra.Op) bool {
	switch op := op.(type) {
	case *algebra.Group, *algebra.OrderBy:
		return true
	case *algebra.Project:
		return whole(op.X)
	case *algebra.Extend:
		return whole(op.X)
	case *algebra.Slice:
		return whole(op.X)
	}
	return false
}

func safe(op algebra.Op) bool {
	switch op := op.(type) {
	case *algebra.BGP, *algebra.PathPattern, *algebra.Table:
		return true
	case *algebra.Join:
		return safe(op.L) && safe(op.R)
	case *algebra.Union:
		return safe(op.L) && safe(op.R)
	case *algebra.Graph:
		return safe(op.X)
	}
	return false
}

func compatible(a, b solution) bool {
	for i, x := range a {
		if x != nil && b[i] != nil && x != b[i] {
			return false
		}
	}
	return true
}

func merge(a, b solution) solution {
	out := make(solution, len(a))
	copy(out, a)
	for i, x := range b {
		if x != nil {
			out[i] = x
		}
	}
	return out
}

// eval evaluates op; every solution it yields extends parent.
func (r *run) eval(op algebra.Op, parent solution, g graphCtx, yield yieldFn) error {
	cnt := r.p.counts[op]
	out := yield
	if cnt != nil {
		out = func(s solution) error {
			cnt.Add(1)
			return yield(s)
		}
	}
	switch op := op.(type) {
	case *algebra.BGP:
		return r.bgp(op.Triples, parent, g, -1, out)
	case *algebra.PathPattern:
		return r.pathPattern(op, parent, g, out)
	case *algebra.Join:
		return r.join(op, parent, g, out)
	case *algebra.LeftJoin:
		return r.leftJoin(op, parent, g, out)
	case *algebra.Union:
		if err := r.eval(op.L, parent, g, out); err != nil {
			return err
		}
		return r.eval(op.R, parent, g, out)
	case *algebra.Minus:
		return r.minus(op, parent, g, out)
	case *algebra.Filter:
		if b, ok := op.X.(*algebra.BGP); ok && len(b.Triples) > 0 {
			// Checked inside the pattern, as early as it can be (bgp.go);
			// the pattern's row count is then of the rows that get to
			// its last triple.
			var matched func()
			if cnt := r.p.counts[op.X]; cnt != nil {
				matched = func() { cnt.Add(1) }
			}
			return r.bgpFiltered(b.Triples, op.Exprs, parent, g, -1, matched, out)
		}
		return r.eval(op.X, parent, g, func(s solution) error {
			for _, e := range op.Exprs {
				if !r.truth(e, s, g) {
					return nil
				}
			}
			return out(s)
		})
	case *algebra.Graph:
		return r.graph(op, parent, g, out)
	case *algebra.Extend:
		slot := r.p.slots[op.Var]
		_, chained := op.X.(*algebra.Extend)
		return r.eval(op.X, parent, g, func(s solution) error {
			if !chained {
				// BNODE(str) gives one blank node per string and solution,
				// across the BINDs of a chain.
				r.env.NextSolution()
			}
			v, err := r.expr(op.Expr, s, g)
			if err != nil || v == nil {
				return out(s)
			}
			if s[slot] != nil {
				if s[slot] != v {
					return nil
				}
				return out(s)
			}
			s2 := make(solution, len(s))
			copy(s2, s)
			s2[slot] = v
			return out(s2)
		})
	case *algebra.Table:
		slots := make([]int, len(op.Vars))
		for i, v := range op.Vars {
			slots[i] = r.p.slots[v]
		}
		for _, row := range op.Rows {
			s := make(solution, len(parent))
			copy(s, parent)
			ok := true
			for i, t := range row {
				if t == nil {
					continue
				}
				if s[slots[i]] != nil && s[slots[i]] != t {
					ok = false
					break
				}
				s[slots[i]] = t
			}
			if ok {
				if err := out(s); err != nil {
					return err
				}
			}
		}
		return nil
	case *algebra.Group:
		return r.group(op, parent, g, out)
	case *algebra.OrderBy:
		return r.orderBy(op, parent, g, out)
	case *algebra.Project:
		keep := make([]bool, r.n)
		for _, v := range op.Vars {
			keep[r.p.slots[v]] = true
		}
		return r.eval(op.X, parent, g, func(s solution) error {
			s2 := make(solution, len(s))
			for i, t := range s {
				if keep[i] || parent[i] != nil {
					s2[i] = t
				}
			}
			return out(s2)
		})
	case *algebra.Distinct, *algebra.Reduced:
		var x algebra.Op
		if d, ok := op.(*algebra.Distinct); ok {
			x = d.X
		} else {
			x = op.(*algebra.Reduced).X
		}
		if pr, ok := x.(*algebra.Project); ok {
			return r.distinctProject(pr, parent, g, out)
		}
		seen := map[any]bool{}
		return r.eval(x, parent, g, func(s solution) error {
			k := mapKey(s)
			if seen[k] {
				return nil
			}
			seen[k] = true
			return out(s)
		})
	case *algebra.Slice:
		var skipped, taken int64
		if op.Limit == 0 {
			return nil
		}
		// Each slice stops its own input with its own sentinel, so that an
		// enclosing slice's stop is not mistaken for it.
		done := &sliceDone{}
		err := r.eval(op.X, parent, g, func(s solution) error {
			if skipped < op.Offset {
				skipped++
				return nil
			}
			taken++
			if err := out(s); err != nil {
				return err
			}
			if op.Limit >= 0 && taken >= op.Limit {
				return done
			}
			return nil
		})
		if err == error(done) {
			return nil
		}
		return err
	}
	return &Error{Kind: Unsupported, Err: fmt.Errorf("operator %T", op)}
}

// distinctProject evaluates DISTINCT over a projection: rows are told
// apart by their projected terms alone, and only new ones are copied out.
func (r *run) distinctProject(op *algebra.Project, parent solution, g graphCtx, yield yieldFn) error {
	var slots []int
	keep := make([]bool, r.n)
	for _, v := range op.Vars {
		keep[r.p.slots[v]] = true
	}
	inner := op.X
	if f, ok := inner.(*algebra.Filter); ok {
		inner = f.X
	}
	if b, ok := inner.(*algebra.BGP); ok && len(b.Triples) > 1 {
		if r.distinct == nil {
			r.distinct = map[*algebra.TriplePattern][]bool{}
		}
		first := &b.Triples[0]
		r.distinct[first] = keep
		defer delete(r.distinct, first)
	}
	for i := range keep {
		if keep[i] || parent[i] != nil {
			slots = append(slots, i)
		}
	}
	cnt := r.p.counts[op]
	project := func(s solution) solution {
		s2 := make(solution, len(s))
		for _, i := range slots {
			s2[i] = s[i]
		}
		return s2
	}
	if len(slots) > 4 {
		seen := map[any]bool{}
		return r.eval(op.X, parent, g, func(s solution) error {
			if cnt != nil {
				cnt.Add(1)
			}
			s2 := project(s)
			k := mapKey(s2)
			if seen[k] {
				return nil
			}
			seen[k] = true
			return yield(s2)
		})
	}
	seen := map[[4]rdf.Term]struct{}{}
	return r.eval(op.X, parent, g, func(s solution) error {
		if cnt != nil {
			cnt.Add(1)
		}
		var k [4]rdf.Term
		for j, i := range slots {
			k[j] = s[i]
		}
		if _, dup := seen[k]; dup {
			return nil
		}
		seen[k] = struct{}{}
		return yield(project(s))
	})
}

type sliceDone struct{ _ byte } // not zero-sized, so each one has its own address

func (*sliceDone) Error() string { return "slice done" }

// mapKey is a map key for a row of terms: an array of them when the row is
// short (hashing terms is cheaper than writing them out), else key.
func mapKey(s []rdf.Term) any {
	switch {
	case len(s) <= 4:
		var k [4]rdf.Term
		copy(k[:], s)
		return k
	case len(s) <= 8:
		var k [8]rdf.Term
		copy(k[:], s)
		return k
	case len(s) <= 16:
		var k [16]rdf.Term
		copy(k[:], s)
		return k
	}
	return key(s)
}

func key(s solution) string {
	var sb strings.Builder
	for _, t := range s {
		if t != nil {
			sb.WriteString(t.String())
		}
		sb.WriteByte(0)
	}
	return sb.String()
}

// materialize collects the solutions of op.
func (r *run) materialize(op algebra.Op, parent solution, g graphCtx) ([]solution, error) {
	var out []solution
	err := r.eval(op, parent, g, func(s solution) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

func (r *run) join(op *algebra.Join, parent solution, g graphCtx, yield yieldFn) error {
	if b, ok := op.R.(*algebra.BGP); ok && len(b.Triples) > 0 && whole(op.L) {
		// The left side is computed whole before its first solution comes
		// out anyway: take it first, so that the BGP's first pattern knows
		// how many lookups it will get (one per solution) and builds its
		// hash table from the start when they outnumber its matches.
		rows, err := r.materialize(op.L, parent, g)
		if err != nil || len(rows) == 0 {
			return err
		}
		r.hash.announce(&b.Triples[0], len(rows))
		for _, s := range rows {
			if err := r.eval(op.R, s, g, yield); err != nil {
				return err
			}
		}
		return nil
	}
	if safe(op.R) {
		return r.eval(op.L, parent, g, func(s solution) error {
			return r.eval(op.R, s, g, yield)
		})
	}
	rows, err := r.materialize(op.R, parent, g)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	right := newRightSide(rows, parent)
	return r.eval(op.L, parent, g, func(s solution) error {
		for _, x := range right.candidates(s) {
			if compatible(s, x) {
				if err := yield(merge(s, x)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func (r *run) leftJoin(op *algebra.LeftJoin, parent solution, g graphCtx, yield yieldFn) error {
	var right *rightSide
	isSafe := safe(op.R)
	if !isSafe {
		rows, err := r.materialize(op.R, parent, g)
		if err != nil {
			return err
		}
		right = newRightSide(rows, parent)
	}
	return r.eval(op.L, parent, g, func(s solution) error {
		found := false
		emit := func(m solution) error {
			if op.Expr != nil && !r.truth(op.Expr, m, g) {
				return nil
			}
			found = true
			return yield(m)
		}
		if isSafe {
			if err := r.eval(op.R, s, g, emit); err != nil {
				return err
			}
		} else {
			for _, x := range right.candidates(s) {
				if compatible(s, x) {
					if err := emit(merge(s, x)); err != nil {
						return err
					}
				}
			}
		}
		if !found {
			return yield(s)
		}
		return nil
	})
}

func (r *run) minus(op *algebra.Minus, parent solution, g graphCtx, yield yieldFn) error {
	rows, err := r.materialize(op.R, parent, g)
	if err != nil {
		return err
	}
	right := newRightSide(rows, parent)
	return r.eval(op.L, parent, g, func(s solution) error {
		for _, x := range right.candidates(s) {
			shared := false
			for i := range s {
				if s[i] != nil && x[i] != nil && parent[i] == nil {
					shared = true
					break
				}
			}
			if shared && compatible(s, x) {
				return nil
			}
		}
		return yield(s)
	})
}

func (r *run) graph(op *algebra.Graph, parent solution, g graphCtx, yield yieldFn) error {
	if !op.Name.IsVar() {
		return r.eval(op.X, parent, graphCtx{name: op.Name.Term}, yield)
	}
	slot := r.p.slots[op.Name.Var]
	if t := parent[slot]; t != nil {
		named, err := r.v.isNamed(r.ctx, t)
		if err != nil {
			return r.dsErr(err)
		}
		if !named {
			return nil
		}
		return r.eval(op.X, parent, graphCtx{name: t}, yield)
	}
	if b, ok := op.X.(*algebra.BGP); ok && len(b.Triples) > 0 {
		out := yield
		if cnt := r.p.counts[op.X]; cnt != nil {
			out = func(s solution) error {
				cnt.Add(1)
				return yield(s)
			}
		}
		return r.bgp(b.Triples, parent, g, slot, out)
	}
	graphs, err := r.v.namedGraphs(r.ctx)
	if err != nil {
		return r.dsErr(err)
	}
	for _, name := range graphs {
		s := make(solution, len(parent))
		copy(s, parent)
		s[slot] = name
		err := r.eval(op.X, s, graphCtx{name: name}, func(x solution) error {
			if x[slot] != nil && x[slot] != name {
				return nil
			}
			x[slot] = name
			return yield(x)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *run) orderBy(op *algebra.OrderBy, parent solution, g graphCtx, yield yieldFn) error {
	type keyed struct {
		s   solution
		key []rdf.Term
	}
	compare := func(ka, kb []rdf.Term) int {
		for j, c := range op.Conds {
			cmp := builtin.OrderCompare(ka[j], kb[j])
			if cmp == 0 {
				continue
			}
			if c.Desc {
				return -cmp
			}
			return cmp
		}
		return 0
	}
	less := func(ka, kb []rdf.Term) bool { return compare(ka, kb) < 0 }
	var rows []*keyed
	err := r.eval(op.X, parent, g, func(s solution) error {
		k := make([]rdf.Term, len(op.Conds))
		for j, c := range op.Conds {
			if v, err := r.expr(c.Expr, s, g); err == nil {
				k[j] = v
			}
		}
		if op.Top <= 0 {
			rows = append(rows, &keyed{s, k})
			return nil
		}
		// Keep the first Top solutions in order: insert after equal keys,
		// so that the sort stays stable, and drop what falls off the end.
		i := sort.Search(len(rows), func(i int) bool { return less(k, rows[i].key) })
		if int64(i) >= op.Top {
			return nil
		}
		rows = slices.Insert(rows, i, &keyed{s, k})
		if int64(len(rows)) > op.Top {
			rows = rows[:op.Top]
		}
		return nil
	})
	if err != nil {
		return err
	}
	if op.Top <= 0 {
		slices.SortStableFunc(rows, func(a, b *keyed) int { return compare(a.key, b.key) })
	}
	for _, x := range rows {
		if err := yield(x.s); err != nil {
			return err
		}
	}
	return nil
}
