package eval

import "github.com/docgraph/docgraph/rdf"

// rightSide holds the materialized right operand of a join with, built on
// demand, hash indexes on the variables every one of its solutions binds.
// Looking up a left solution by such a variable replaces a scan of all
// right solutions.
type rightSide struct {
	rows  []solution
	keys  []int // slots bound in every row
	index map[int]map[rdf.Term][]solution
}

func newRightSide(rows []solution, parent solution) *rightSide {
	rs := &rightSide{rows: rows, index: map[int]map[rdf.Term][]solution{}}
	if len(rows) < 8 {
		return rs
	}
	for i := range rows[0] {
		if parent[i] != nil {
			continue
		}
		all := true
		for _, r := range rows {
			if r[i] == nil {
				all = false
				break
			}
		}
		if all {
			rs.keys = append(rs.keys, i)
		}
	}
	return rs
}

// candidates returns the right solutions that may be compatible with s.
func (rs *rightSide) candidates(s solution) []solution {
	for _, k := range rs.keys {
		t := s[k]
		if t == nil {
			continue
		}
		idx, ok := rs.index[k]
		if !ok {
			idx = map[rdf.Term][]solution{}
			for _, r := range rs.rows {
				idx[r[k]] = append(idx[r[k]], r)
			}
			rs.index[k] = idx
		}
		return idx[t]
	}
	return rs.rows
}
