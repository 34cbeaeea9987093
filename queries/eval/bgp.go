package eval

import (
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/rdf"
)

// Basic graph patterns. The triple patterns are matched in order (the
// optimizer chose it), each looked up with the terms bound so far, in one
// solution buffer that each level binds and unbinds as it goes: only a
// complete solution is copied out. A FILTER directly over the pattern is
// checked as soon as the variables it reads are bound, so that a partial
// solution it rejects is not extended further.

// bgpPlan is what matching a list of triple patterns needs precomputed.
type bgpPlan struct {
	// slots holds each pattern's subject, predicate and object slots (-1
	// for a constant).
	slots [][3]int
	// filters[i] are the expressions checked once the first i patterns
	// have matched.
	filters [][]algebra.Expr
	// matched, when set, counts the solutions of the patterns alone that
	// reach the last of them (for Explain).
	matched func()
	// dedupe[i], when set, lists the slots a partial solution reaching
	// pattern i is told apart by (at most 4): under a DISTINCT projection,
	// two that agree on every variable the rest of the pattern, its
	// filters and the projection read give the same answers, so the
	// second is dropped. seen[i] holds the keys met.
	dedupe [][]int
	seen   []map[[4]rdf.Term]struct{}
}

// dedupeMax bounds the keys kept for one level of a pattern; past it, new
// partial solutions are no longer checked (never wrong, only slower).
const dedupeMax = 1 << 20

// planDedupe fills pl.dedupe for a BGP under a DISTINCT projection that
// keeps the slots in keep; bound tells the slots bound before the first
// pattern.
func (r *run) planDedupe(pl *bgpPlan, ts []algebra.TriplePattern, filters []algebra.Expr, keep []bool, bound solution) {
	for _, e := range filters {
		if !algebra.ExprVars(e, map[algebra.Var]bool{}) {
			return // a filter whose variables are unknown may read any
		}
	}
	n := len(ts)
	// needed[i]: slots read by patterns i.. and the filters checked after
	// more than i patterns.
	needed := make([][]bool, n+1)
	needed[n] = make([]bool, len(keep))
	for i := n - 1; i >= 0; i-- {
		needed[i] = append([]bool(nil), needed[i+1]...)
		for _, x := range pl.slots[i] {
			if x >= 0 {
				needed[i][x] = true
			}
		}
		for _, e := range pl.filters[i+1] {
			vars := map[algebra.Var]bool{}
			algebra.ExprVars(e, vars)
			for v := range vars {
				if x, ok := r.p.slots[v]; ok {
					needed[i][x] = true
				}
			}
		}
	}
	have := make([]bool, len(keep))
	pl.dedupe = make([][]int, n)
	pl.seen = make([]map[[4]rdf.Term]struct{}, n)
	for i := 1; i < n; i++ {
		for _, x := range pl.slots[i-1] {
			if x >= 0 && bound[x] == nil {
				have[x] = true
			}
		}
		var key []int
		dropped := false
		for x, h := range have {
			if !h {
				continue
			}
			if keep[x] || needed[i][x] {
				key = append(key, x)
			} else {
				dropped = true
			}
		}
		if dropped && len(key) <= 4 {
			pl.dedupe[i] = key
			pl.seen[i] = map[[4]rdf.Term]struct{}{}
		}
	}
}

func (r *run) planBGP(ts []algebra.TriplePattern, filters []algebra.Expr) *bgpPlan {
	pl := &bgpPlan{slots: make([][3]int, len(ts)), filters: make([][]algebra.Expr, len(ts)+1)}
	boundAt := map[algebra.Var]int{} // variable -> number of patterns after which it is bound
	for i, tp := range ts {
		for k, n := range [3]algebra.Node{tp.S, tp.P, tp.O} {
			if !n.IsVar() {
				pl.slots[i][k] = -1
				continue
			}
			pl.slots[i][k] = r.p.slots[n.Var]
			if _, ok := boundAt[n.Var]; !ok {
				boundAt[n.Var] = i + 1
			}
		}
	}
	for _, e := range filters {
		level := len(ts)
		vars := map[algebra.Var]bool{}
		if algebra.ExprVars(e, vars) {
			level = 0
			for v := range vars {
				level = max(level, boundAt[v]) // 0 for variables the pattern does not bind
			}
		}
		pl.filters[level] = append(pl.filters[level], e)
	}
	return pl
}

// bgp matches triple patterns extending s. graphSlot >= 0 means GRAPH ?g
// with ?g still unbound: the first pattern searches every named graph and
// binds it.
func (r *run) bgp(ts []algebra.TriplePattern, s solution, g graphCtx, graphSlot int, yield yieldFn) error {
	return r.bgpFiltered(ts, nil, s, g, graphSlot, nil, yield)
}

// bgpFiltered is bgp followed by a filter of all of exprs; matched, when
// not nil, is called for each solution of the patterns that reaches the
// end of them (a filter checked earlier may have removed others).
func (r *run) bgpFiltered(ts []algebra.TriplePattern, exprs []algebra.Expr, s solution, g graphCtx, graphSlot int, matched func(), yield yieldFn) error {
	pl := r.planBGP(ts, exprs)
	pl.matched = matched
	if len(ts) > 1 && r.distinct != nil && graphSlot < 0 {
		if keep, ok := r.distinct[&ts[0]]; ok {
			r.planDedupe(pl, ts, exprs, keep, s)
		}
	}
	buf := make(solution, len(s))
	copy(buf, s)
	for _, e := range pl.filters[0] {
		if !r.truth(e, buf, g) {
			return nil
		}
	}
	if graphSlot < 0 && g.name == nil {
		if done, err := r.bgpStar(pl, ts, buf, g, yield); done || err != nil {
			return err
		}
	}
	return r.bgpLevel(pl, ts, 0, buf, g, graphSlot, yield)
}

// bgpStar starts a pattern whose first triples share an unbound subject
// variable with constant predicates and objects (documents mentioning
// both X and Y) by asking the dataset for the subjects having all of
// them at once, an intersection of sorted index ranges, instead of one
// lookup per subject and triple. done is false when it does not apply.
func (r *run) bgpStar(pl *bgpPlan, ts []algebra.TriplePattern, buf solution, g graphCtx, yield yieldFn) (done bool, err error) {
	k := 0
	for k < len(ts) {
		tp := ts[k]
		if !tp.S.IsVar() || tp.P.IsVar() || tp.O.IsVar() || (k > 0 && tp.S.Var != ts[0].S.Var) {
			break
		}
		k++
	}
	if k < 2 {
		return false, nil
	}
	slot := pl.slots[0][0]
	if buf[slot] != nil {
		return false, nil
	}
	pairs := make([][2]rdf.Term, k)
	for i := range k {
		pairs[i] = [2]rdf.Term{ts[i].P.Term, ts[i].O.Term}
	}
	subjects, ok, err := r.v.subjects(pairs)
	if err != nil {
		return true, r.dsErr(err)
	}
	if !ok {
		return false, nil
	}
	r.hash.mu.Lock()
	if r.hash.star == nil {
		r.hash.star = map[*algebra.TriplePattern][2]int{}
	}
	st := r.hash.star[&ts[0]]
	r.hash.star[&ts[0]] = [2]int{k, st[1] + len(subjects)}
	r.hash.mu.Unlock()
	var filters []algebra.Expr
	for i := 1; i <= k && i < len(ts); i++ {
		filters = append(filters, pl.filters[i]...)
	}
next:
	for _, t := range subjects {
		if err := r.check(); err != nil {
			return true, err
		}
		buf[slot] = t
		for _, e := range filters {
			if !r.truth(e, buf, g) {
				continue next
			}
		}
		if err := r.bgpLevel(pl, ts, k, buf, g, -1, yield); err != nil {
			buf[slot] = nil
			return true, err
		}
	}
	buf[slot] = nil
	return true, nil
}

func (r *run) bgpLevel(pl *bgpPlan, ts []algebra.TriplePattern, i int, buf solution, g graphCtx, graphSlot int, yield yieldFn) error {
	if i == len(ts) {
		if pl.matched != nil {
			pl.matched()
		}
		for _, e := range pl.filters[i] {
			if !r.truth(e, buf, g) {
				return nil
			}
		}
		out := make(solution, len(buf))
		copy(out, buf)
		return yield(out)
	}
	if i < len(pl.dedupe) && pl.dedupe[i] != nil {
		var k [4]rdf.Term
		for j, x := range pl.dedupe[i] {
			k[j] = buf[x]
		}
		seen := pl.seen[i]
		if _, dup := seen[k]; dup {
			return nil
		}
		if len(seen) < dedupeMax {
			seen[k] = struct{}{}
		}
	}
	tp := &ts[i]
	sl := pl.slots[i]
	var terms [3]rdf.Term
	for k, n := range [3]algebra.Node{tp.S, tp.P, tp.O} {
		if sl[k] >= 0 {
			terms[k] = buf[sl[k]]
		} else {
			terms[k] = n.Term
		}
	}
	bindGraph := graphSlot >= 0 && buf[graphSlot] == nil
	var it func(func(rdf.Quad, error) bool)
	switch {
	case bindGraph:
		it = r.v.matchNamed(r.ctx, terms[0], terms[1], terms[2])
	case graphSlot >= 0:
		it = r.v.match(r.ctx, terms[0], terms[1], terms[2], buf[graphSlot])
	default:
		it = r.lookup(tp, terms[0], terms[1], terms[2], g.name)
	}
	var filters []algebra.Expr
	if i+1 < len(ts) {
		filters = pl.filters[i+1]
	}
	for q, err := range it {
		if err != nil {
			return r.dsErr(err)
		}
		if err := r.check(); err != nil {
			return err
		}
		var set [4]int
		n := 0
		ok := true
		parts := [3]rdf.Term{q.S, q.P, q.O}
		for k, x := range sl {
			if x < 0 {
				continue
			}
			if cur := buf[x]; cur != nil {
				if cur != parts[k] {
					ok = false
					break
				}
				continue
			}
			buf[x] = parts[k]
			set[n] = x
			n++
		}
		if ok && bindGraph {
			if cur := buf[graphSlot]; cur != nil {
				ok = cur == q.G
			} else {
				buf[graphSlot] = q.G
				set[n] = graphSlot
				n++
			}
		}
		for _, e := range filters {
			if !ok {
				break
			}
			ok = r.truth(e, buf, g)
		}
		var err error
		if ok {
			err = r.bgpLevel(pl, ts, i+1, buf, g, graphSlot, yield)
		}
		for _, x := range set[:n] {
			buf[x] = nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}
