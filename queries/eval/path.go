package eval

import (
	"fmt"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/rdf"
)

// pathPattern evaluates s path o (section 18.4, property path semantics).
func (r *run) pathPattern(op *algebra.PathPattern, parent solution, g graphCtx, yield yieldFn) error {
	resolve := func(n algebra.Node) rdf.Term {
		if n.IsVar() {
			return parent[r.p.slots[n.Var]]
		}
		return n.Term
	}
	sv, ov := resolve(op.S), resolve(op.O)
	ends := pathEnds{sVar: op.S.IsVar() && sv != nil, oVar: op.O.IsVar() && ov != nil}
	return r.pathEnds(op.Path, sv, ov, g, ends, func(x, y rdf.Term) error {
		s := parent
		copied := false
		ok := true
		bind := func(n algebra.Node, t rdf.Term) {
			if !ok || !n.IsVar() {
				return
			}
			i := r.p.slots[n.Var]
			if s[i] != nil {
				ok = s[i] == t
				return
			}
			if !copied {
				s = make(solution, len(parent))
				copy(s, parent)
				copied = true
			}
			s[i] = t
		}
		bind(op.S, x)
		bind(op.O, y)
		if !ok {
			return nil
		}
		return yield(s)
	})
}

// path yields the pairs (x, y) connected by p, with x = s and y = o where
// those are bound. Links, sequences, alternatives and inverses keep
// duplicates; the closures (*, +, ?) yield each pair once.
func (r *run) path(p algebra.Path, s, o rdf.Term, g graphCtx, yield func(x, y rdf.Term) error) error {
	return r.pathEnds(p, s, o, g, pathEnds{}, yield)
}

// pathEnds records which bound ends of a path pattern came from variables
// bound elsewhere: a zero-length step from such a value needs the value to
// be a node of the graph, as it would be had the path been matched alone.
type pathEnds struct{ sVar, oVar bool }

func (r *run) pathEnds(p algebra.Path, s, o rdf.Term, g graphCtx, ends pathEnds, yield func(x, y rdf.Term) error) error {
	switch p := p.(type) {
	case *algebra.PathLink:
		for q, err := range r.v.match(r.ctx, s, p.IRI, o, g.name) {
			if err != nil {
				return r.dsErr(err)
			}
			if err := r.check(); err != nil {
				return err
			}
			if err := yield(q.S, q.O); err != nil {
				return err
			}
		}
		return nil
	case *algebra.PathInverse:
		return r.pathEnds(p.X, o, s, g, pathEnds{sVar: ends.oVar, oVar: ends.sVar}, func(x, y rdf.Term) error { return yield(y, x) })
	case *algebra.PathSeq:
		return r.pathEnds(p.L, s, nil, g, pathEnds{sVar: ends.sVar}, func(x, m rdf.Term) error {
			return r.pathEnds(p.R, m, o, g, pathEnds{oVar: ends.oVar}, func(_, y rdf.Term) error { return yield(x, y) })
		})
	case *algebra.PathAlt:
		if err := r.pathEnds(p.L, s, o, g, ends, yield); err != nil {
			return err
		}
		return r.pathEnds(p.R, s, o, g, ends, yield)
	case *algebra.PathNegated:
		excluded := func(set []rdf.IRI, t rdf.Term) bool {
			for _, x := range set {
				if x == t {
					return true
				}
			}
			return false
		}
		if len(p.Fwd) > 0 || len(p.Inv) == 0 {
			for q, err := range r.v.match(r.ctx, s, nil, o, g.name) {
				if err != nil {
					return r.dsErr(err)
				}
				if err := r.check(); err != nil {
					return err
				}
				if excluded(p.Fwd, q.P) {
					continue
				}
				if err := yield(q.S, q.O); err != nil {
					return err
				}
			}
		}
		if len(p.Inv) > 0 {
			for q, err := range r.v.match(r.ctx, o, nil, s, g.name) {
				if err != nil {
					return r.dsErr(err)
				}
				if err := r.check(); err != nil {
					return err
				}
				if excluded(p.Inv, q.P) {
					continue
				}
				if err := yield(q.O, q.S); err != nil {
					return err
				}
			}
		}
		return nil
	case *algebra.PathZeroOrOne:
		return r.closure(p.X, s, o, g, ends, true, false, yield)
	case *algebra.PathZeroOrMore:
		return r.closure(p.X, s, o, g, ends, true, true, yield)
	case *algebra.PathOneOrMore:
		return r.closure(p.X, s, o, g, ends, false, true, yield)
	}
	return &Error{Kind: Unsupported, Err: fmt.Errorf("property path %T", p)}
}

// closure evaluates X?, X* (zero set) and X+ with set semantics.
func (r *run) closure(x algebra.Path, s, o rdf.Term, g graphCtx, ends pathEnds, zero, many bool, yield func(x, y rdf.Term) error) error {
	if zero && (s != nil && ends.sVar || s == nil && o != nil && ends.oVar) {
		start := s
		if start == nil {
			start = o
		}
		in, err := r.inGraph(start, g)
		if err != nil {
			return err
		}
		if !in {
			// Not a node of the graph: only paths of length >= 1 can start here, and there are none.
			return nil
		}
	}
	switch {
	case s != nil:
		return r.reach(x, s, o, g, zero, many, false, func(n rdf.Term) error { return yield(s, n) })
	case o != nil:
		return r.reach(x, o, nil, g, zero, many, true, func(n rdf.Term) error { return yield(n, o) })
	}
	nodes, err := r.nodes(g)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if err := r.reach(x, n, nil, g, zero, many, false, func(m rdf.Term) error { return yield(n, m) }); err != nil {
			return err
		}
	}
	return nil
}

// reach yields each node reachable from start by x (backwards when
// inverse), once; with zero, start itself; with many, any number of steps.
// If target is set, only target is yielded, and the search stops there.
func (r *run) reach(x algebra.Path, start, target rdf.Term, g graphCtx, zero, many, inverse bool, yield func(rdf.Term) error) error {
	seen := map[rdf.Term]bool{}
	var queue []rdf.Term
	emit := func(n rdf.Term) (bool, error) {
		if target != nil {
			if n == target {
				return true, yield(n)
			}
			return false, nil
		}
		return false, yield(n)
	}
	if zero {
		seen[start] = true
		if done, err := emit(start); done || err != nil {
			return err
		}
	}
	step := func(from rdf.Term, visit func(rdf.Term) error) error {
		if inverse {
			return r.path(x, nil, from, g, func(y, _ rdf.Term) error { return visit(y) })
		}
		return r.path(x, from, nil, g, func(_, y rdf.Term) error { return visit(y) })
	}
	queue = append(queue, start)
	expanded := map[rdf.Term]bool{}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if expanded[cur] {
			continue
		}
		expanded[cur] = true
		var found bool
		err := step(cur, func(n rdf.Term) error {
			if err := r.check(); err != nil {
				return err
			}
			if seen[n] {
				return nil
			}
			seen[n] = true
			if many {
				queue = append(queue, n)
			}
			done, err := emit(n)
			if done && err == nil {
				found = true
				return errStop
			}
			return err
		})
		if found {
			return nil
		}
		if err != nil {
			return err
		}
		if !many {
			break
		}
	}
	return nil
}

// nodes lists the subjects and objects of the active graph, once each.
func (r *run) nodes(g graphCtx) ([]rdf.Term, error) {
	seen := map[rdf.Term]bool{}
	var out []rdf.Term
	for q, err := range r.v.match(r.ctx, nil, nil, nil, g.name) {
		if err != nil {
			return nil, r.dsErr(err)
		}
		if err := r.check(); err != nil {
			return nil, err
		}
		for _, t := range []rdf.Term{q.S, q.O} {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// inGraph reports whether t is a subject or object of the active graph.
func (r *run) inGraph(t rdf.Term, g graphCtx) (bool, error) {
	for _, pat := range [][2]rdf.Term{{t, nil}, {nil, t}} {
		for _, err := range r.v.match(r.ctx, pat[0], nil, pat[1], g.name) {
			if err != nil {
				return false, r.dsErr(err)
			}
			return true, nil
		}
	}
	return false, nil
}
