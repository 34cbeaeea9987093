package eval

import (
	"strings"

	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/builtin"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// group evaluates Group and Aggregation (sections 18.5 and 11). Groups
// keep their solutions only when an aggregate needs them: COUNT without
// DISTINCT counts as the solutions come.
func (r *run) group(op *algebra.Group, parent solution, g graphCtx, yield yieldFn) error {
	type grp struct {
		keys   []rdf.Term
		rows   []solution
		counts []int64 // per aggregate, for the counted ones
	}
	counted := make([]bool, len(op.Aggs))
	keepRows := false
	for i, a := range op.Aggs {
		counted[i] = a.Agg.Name == "COUNT" && !a.Agg.Distinct
		keepRows = keepRows || !counted[i]
	}
	// Keys and counted arguments that are plain variables are read from
	// their slots, without evaluating an expression per solution; one
	// such key keys its map by the term alone.
	keySlots := make([]int, len(op.Keys))
	for i, k := range op.Keys {
		keySlots[i] = -1
		if v, ok := k.Expr.(algebra.Var); ok {
			keySlots[i] = r.p.slots[v]
		}
	}
	argSlots := make([]int, len(op.Aggs))
	for i, a := range op.Aggs {
		argSlots[i] = -1
		if v, ok := a.Agg.Arg.(algebra.Var); ok {
			argSlots[i] = r.p.slots[v]
		}
	}
	var order []*grp
	one := map[rdf.Term]*grp{}      // one key read from its slot
	short := map[[4]rdf.Term]*grp{} // keys of up to four terms
	long := map[any]*grp{}
	var kbuf [4]rdf.Term
	newGroup := func(keys []rdf.Term) *grp {
		gr := &grp{keys: keys, counts: make([]int64, len(op.Aggs))}
		order = append(order, gr)
		return gr
	}
	err := r.eval(op.X, parent, g, func(s solution) error {
		var gr *grp
		if len(op.Keys) == 1 && keySlots[0] >= 0 {
			k := s[keySlots[0]]
			if gr = one[k]; gr == nil {
				gr = newGroup([]rdf.Term{k})
				one[k] = gr
			}
		} else {
			var keys []rdf.Term
			if len(op.Keys) <= 4 {
				keys = kbuf[:len(op.Keys)]
				clear(kbuf[:])
			} else {
				keys = make([]rdf.Term, len(op.Keys))
			}
			for i, k := range op.Keys {
				if keySlots[i] >= 0 {
					keys[i] = s[keySlots[i]]
				} else if v, err := r.expr(k.Expr, s, g); err == nil {
					keys[i] = v
				}
			}
			if len(op.Keys) <= 4 {
				if gr = short[kbuf]; gr == nil {
					gr = newGroup(append([]rdf.Term(nil), keys...))
					short[kbuf] = gr
				}
			} else {
				kk := mapKey(keys)
				if gr = long[kk]; gr == nil {
					gr = newGroup(keys)
					long[kk] = gr
				}
			}
		}
		if keepRows {
			gr.rows = append(gr.rows, s)
		}
		for i, a := range op.Aggs {
			switch {
			case !counted[i]:
			case a.Agg.Arg == nil:
				gr.counts[i]++
			case argSlots[i] >= 0:
				if s[argSlots[i]] != nil {
					gr.counts[i]++
				}
			default:
				if v, err := r.expr(a.Agg.Arg, s, g); err == nil && v != nil {
					gr.counts[i]++
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(op.Keys) == 0 && len(order) == 0 {
		order = append(order, &grp{counts: make([]int64, len(op.Aggs))})
	}
	for _, gr := range order {
		out := make(solution, len(parent))
		copy(out, parent)
		for i, k := range op.Keys {
			out[r.p.slots[k.Var]] = gr.keys[i]
		}
		for i, a := range op.Aggs {
			if counted[i] {
				out[r.p.slots[a.Var]] = rdf.NewTyped(itoa(int(gr.counts[i])), vocab.XSDInteger)
				continue
			}
			if v, err := r.aggregate(a.Agg, gr.rows, g); err == nil {
				out[r.p.slots[a.Var]] = v
			}
		}
		if err := r.check(); err != nil {
			return err
		}
		if err := yield(out); err != nil {
			return err
		}
	}
	return nil
}

var zero = rdf.NewTyped("0", vocab.XSDInteger)

// aggregate computes one set function over the solutions of a group.
func (r *run) aggregate(a *algebra.Aggregate, rows []solution, g graphCtx) (rdf.Term, error) {
	if a.Arg == nil { // COUNT(*)
		if !a.Distinct {
			return rdf.NewTyped(itoa(len(rows)), vocab.XSDInteger), nil
		}
		seen := map[string]bool{}
		for _, s := range rows {
			seen[key(s)] = true
		}
		return rdf.NewTyped(itoa(len(seen)), vocab.XSDInteger), nil
	}
	// Evaluate the argument per solution; errors are kept as nil values.
	var vals []rdf.Term
	errs := 0
	seen := map[rdf.Term]bool{}
	for _, s := range rows {
		v, err := r.expr(a.Arg, s, g)
		if err != nil || v == nil {
			errs++
			continue
		}
		if a.Distinct {
			if seen[v] {
				continue
			}
			seen[v] = true
		}
		vals = append(vals, v)
	}
	switch a.Name {
	case "COUNT":
		return rdf.NewTyped(itoa(len(vals)), vocab.XSDInteger), nil
	case "SAMPLE":
		if len(vals) == 0 {
			return nil, errUnboundVar
		}
		return vals[0], nil
	}
	if errs > 0 {
		return nil, &builtin.Error{Kind: builtin.TypeError, Func: a.Name}
	}
	switch a.Name {
	case "SUM", "AVG":
		var sum rdf.Term = zero
		for _, v := range vals {
			var err error
			if sum, err = builtin.Arith('+', sum, v); err != nil {
				return nil, err
			}
		}
		if a.Name == "SUM" || len(vals) == 0 {
			return sum, nil
		}
		return builtin.Arith('/', sum, rdf.NewTyped(itoa(len(vals)), vocab.XSDInteger))
	case "MIN", "MAX":
		if len(vals) == 0 {
			return nil, errUnboundVar
		}
		best := vals[0]
		for _, v := range vals[1:] {
			c := builtin.OrderCompare(v, best)
			if a.Name == "MIN" && c < 0 || a.Name == "MAX" && c > 0 {
				best = v
			}
		}
		return best, nil
	case "GROUP_CONCAT":
		var sb strings.Builder
		for i, v := range vals {
			l, ok := v.(rdf.Literal)
			if !ok {
				return nil, &builtin.Error{Kind: builtin.TypeError, Func: "GROUP_CONCAT"}
			}
			if i > 0 {
				sb.WriteString(a.Separator)
			}
			sb.WriteString(l.Lexical)
		}
		return rdf.NewString(sb.String()), nil
	}
	return nil, &builtin.Error{Kind: builtin.UnknownFunction, Func: a.Name}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
