package eval

import (
	"context"
	"iter"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/rdf"
)

// Vars returns the projected variable names of a SELECT query, in order.
func (p *Program) Vars() []string {
	out := make([]string, len(p.q.Vars))
	for i, v := range p.q.Vars {
		out[i] = string(v)
	}
	return out
}

// Query returns the algebra the program runs.
func (p *Program) Query() *algebra.Query { return p.q }

// Solutions evaluates the pattern and yields rows of the projected
// variables (nil = unbound) in the order of Vars. Stopping the iteration
// stops the evaluation.
func (p *Program) Solutions(ctx context.Context, ds Dataset) iter.Seq2[[]rdf.Term, error] {
	return func(yield func([]rdf.Term, error) bool) {
		r, err := p.newRun(ctx, ds)
		if err != nil {
			yield(nil, err)
			return
		}
		defer r.close()
		slots := make([]int, len(p.q.Vars))
		for i, v := range p.q.Vars {
			slots[i] = p.slots[v]
		}
		err = r.eval(p.q.Op, r.empty(), graphCtx{}, func(s solution) error {
			row := make([]rdf.Term, len(slots))
			for i, sl := range slots {
				row[i] = s[sl]
			}
			if !yield(row, nil) {
				return errStop
			}
			return nil
		})
		if err == nil {
			err = r.finalErr()
		}
		if err != nil && err != errStop {
			yield(nil, err)
		}
	}
}

// finalErr reports a cancellation that happened after the last check.
func (r *run) finalErr() error {
	if err := r.ctx.Err(); err != nil {
		return &Error{Kind: Cancelled, Err: err}
	}
	return nil
}

// Ask reports whether the pattern has a solution.
func (p *Program) Ask(ctx context.Context, ds Dataset) (bool, error) {
	r, err := p.newRun(ctx, ds)
	if err != nil {
		return false, err
	}
	defer r.close()
	found := false
	err = r.eval(p.q.Op, r.empty(), graphCtx{}, func(solution) error {
		found = true
		return errStop
	})
	if err != nil && err != errStop {
		return false, err
	}
	return found, r.finalErr()
}

// Triples yields the graph of a CONSTRUCT or DESCRIBE query, each triple
// once (as quads in the default graph).
func (p *Program) Triples(ctx context.Context, ds Dataset) iter.Seq2[rdf.Quad, error] {
	if p.q.Form == algebra.Describe {
		return p.describe(ctx, ds)
	}
	return func(yield func(rdf.Quad, error) bool) {
		r, err := p.newRun(ctx, ds)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		defer r.close()
		seen := map[rdf.Triple]bool{}
		n := 0
		err = r.eval(p.q.Op, r.empty(), graphCtx{}, func(s solution) error {
			n++
			bn := map[rdf.BlankNode]rdf.BlankNode{}
			inst := func(nd algebra.Node) rdf.Term {
				if nd.IsVar() {
					return s[p.slots[nd.Var]]
				}
				if b, ok := nd.Term.(rdf.BlankNode); ok {
					if x, ok := bn[b]; ok {
						return x
					}
					// A label no other run or input uses.
					x, err := builtin.Call("BNODE", nil, r.env)
					if err != nil {
						return nil
					}
					bn[b] = x.(rdf.BlankNode)
					return x
				}
				return nd.Term
			}
			for _, tp := range p.q.Template {
				q := rdf.Quad{S: inst(tp.S), P: inst(tp.P), O: inst(tp.O)}
				if q.S == nil || q.P == nil || q.O == nil || q.Valid() != nil {
					continue
				}
				t := q.Triple()
				if seen[t] {
					continue
				}
				seen[t] = true
				if !yield(q, nil) {
					return errStop
				}
			}
			return nil
		})
		if err == nil {
			err = r.finalErr()
		}
		if err != nil && err != errStop {
			yield(rdf.Quad{}, err)
		}
	}
}

// describe yields, for each resource named or bound, the triples of the
// default graph with it as subject, following blank-node objects (a
// concise bounded description).
func (p *Program) describe(ctx context.Context, ds Dataset) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		r, err := p.newRun(ctx, ds)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		defer r.close()
		var targets []rdf.Term
		seenT := map[rdf.Term]bool{}
		add := func(t rdf.Term) {
			if t != nil && !seenT[t] {
				seenT[t] = true
				targets = append(targets, t)
			}
		}
		var vars []algebra.Var
		for _, d := range p.q.Describe {
			if d.IsVar() {
				vars = append(vars, d.Var)
			} else {
				add(d.Term)
			}
		}
		if len(p.q.Describe) == 0 {
			vars = p.q.Vars
		}
		err = r.eval(p.q.Op, r.empty(), graphCtx{}, func(s solution) error {
			for _, v := range vars {
				add(s[p.slots[v]])
			}
			return nil
		})
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		seen := map[rdf.Triple]bool{}
		for i := 0; i < len(targets); i++ {
			t := targets[i]
			if _, ok := t.(rdf.Literal); ok {
				continue
			}
			for q, err := range r.v.match(ctx, t, nil, nil, nil) {
				if err != nil {
					yield(rdf.Quad{}, r.dsErr(err))
					return
				}
				if seen[q.Triple()] {
					continue
				}
				seen[q.Triple()] = true
				if b, ok := q.O.(rdf.BlankNode); ok {
					add(b)
				}
				q.G = nil
				if !yield(q, nil) {
					return
				}
			}
		}
	}
}
