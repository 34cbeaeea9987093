// Result-set comparison for the SPARQL conformance tests, and the finder
// for the shared test data.

package rdftest

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgraph/docgraph/queries/results"
	"github.com/docgraph/docgraph/rdf"
)

// RepoRoot returns the repository root: the nearest folder above the
// test's working directory that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// SharedDir returns the ../shared folder beside the repository root. When
// it is missing the test is skipped, or fails under CI=true, where
// .ci/run promises it.
func SharedDir(t testing.TB) string {
	t.Helper()
	shared := filepath.Join(filepath.Dir(RepoRoot(t)), "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared test data %s is missing: %v", shared, err)
		}
		t.Skipf("skipping: shared test data %s is missing", shared)
	}
	return shared
}

func relabel(q rdf.Quad, f func(rdf.BlankNode) rdf.Term) rdf.Quad {
	m := func(t rdf.Term) rdf.Term {
		if b, ok := t.(rdf.BlankNode); ok {
			return f(b)
		}
		return t
	}
	return rdf.Quad{S: m(q.S), P: m(q.P), O: m(q.O), G: m(q.G)}
}

func hashStr(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// refine computes a colour per blank node by iterated hashing of its
// neighbourhood (colour refinement); nodes told apart by the structure get
// different colours.
func refine(qs []rdf.Quad) map[rdf.BlankNode]uint64 {
	colors := map[rdf.BlankNode]uint64{}
	for _, q := range qs {
		for _, t := range []rdf.Term{q.S, q.P, q.O, q.G} {
			if b, ok := t.(rdf.BlankNode); ok {
				colors[b] = 1
			}
		}
	}
	classes := 1
	for range len(colors) + 1 {
		sigs := map[rdf.BlankNode][]string{}
		for _, q := range qs {
			pos := []rdf.Term{q.S, q.P, q.O, q.G}
			for i, t := range pos {
				b, ok := t.(rdf.BlankNode)
				if !ok {
					continue
				}
				parts := make([]string, 0, 5)
				parts = append(parts, strconv.Itoa(i))
				for k, u := range pos {
					switch x := u.(type) {
					case nil:
						parts = append(parts, "")
					case rdf.BlankNode:
						if k == i {
							parts = append(parts, "@self")
						} else {
							parts = append(parts, "_:"+strconv.FormatUint(colors[x], 36))
						}
					default:
						parts = append(parts, x.String())
					}
				}
				sigs[b] = append(sigs[b], strings.Join(parts, " "))
			}
		}
		next := map[rdf.BlankNode]uint64{}
		distinct := map[uint64]bool{}
		for b, s := range sigs {
			slices.Sort(s)
			c := hashStr(append([]string{strconv.FormatUint(colors[b], 36)}, s...)...)
			next[b] = c
			distinct[c] = true
		}
		colors = next
		if len(distinct) == classes {
			break
		}
		classes = len(distinct)
	}
	return colors
}

// isomorphism finds a blank node bijection from a to b that maps a onto b.
func isomorphism(a, b []rdf.Quad) (map[rdf.BlankNode]rdf.BlankNode, bool) {
	if len(a) != len(b) {
		return nil, false
	}
	ca, cb := refine(a), refine(b)
	if len(ca) != len(cb) {
		return nil, false
	}
	// Ground quads must agree exactly.
	bset := make(map[rdf.Quad]bool, len(b))
	for _, q := range b {
		bset[q] = true
	}
	for _, q := range a {
		if !hasBlank(q) && !bset[q] {
			return nil, false
		}
	}
	// Candidates: b's nodes with the same colour, as sorted lists.
	byColor := map[uint64][]rdf.BlankNode{}
	for n, c := range cb {
		byColor[c] = append(byColor[c], n)
	}
	countA := map[uint64]int{}
	for _, c := range ca {
		countA[c]++
	}
	for c, n := range countA {
		if len(byColor[c]) != n {
			return nil, false
		}
	}
	order := make([]rdf.BlankNode, 0, len(ca))
	for n := range ca {
		order = append(order, n)
	}
	// Smallest colour classes first, so forced choices come early.
	slices.SortFunc(order, func(x, y rdf.BlankNode) int {
		if c := cmp.Compare(countA[ca[x]], countA[ca[y]]); c != 0 {
			return c
		}
		if c := cmp.Compare(ca[x], ca[y]); c != 0 {
			return c
		}
		return strings.Compare(string(x), string(y))
	})
	for _, l := range byColor {
		slices.Sort(l)
	}
	// Quads of a indexed by the blank node assigned last among theirs, so
	// each can be checked as soon as it is fully mapped.
	rank := map[rdf.BlankNode]int{}
	for i, n := range order {
		rank[n] = i
	}
	checks := make([][]rdf.Quad, len(order))
	for _, q := range a {
		last := -1
		for _, t := range []rdf.Term{q.S, q.P, q.O, q.G} {
			if x, ok := t.(rdf.BlankNode); ok {
				last = max(last, rank[x])
			}
		}
		if last >= 0 {
			checks[last] = append(checks[last], q)
		}
	}
	m := map[rdf.BlankNode]rdf.BlankNode{}
	used := map[rdf.BlankNode]bool{}
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(order) {
			return true
		}
		n := order[i]
		for _, cand := range byColor[ca[n]] {
			if used[cand] {
				continue
			}
			m[n], used[cand] = cand, true
			ok := true
			for _, q := range checks[i] {
				if !bset[relabel(q, func(x rdf.BlankNode) rdf.Term { return m[x] })] {
					ok = false
					break
				}
			}
			if ok && try(i+1) {
				return true
			}
			delete(m, n)
			used[cand] = false
		}
		return false
	}
	if !try(0) {
		return nil, false
	}
	return m, true
}

func hasBlank(q rdf.Quad) bool {
	for _, t := range []rdf.Term{q.S, q.P, q.O, q.G} {
		if _, ok := t.(rdf.BlankNode); ok {
			return true
		}
	}
	return false
}

// ResultOptions tune DiffResults.
type ResultOptions struct {
	// Ordered compares solutions in sequence (a query with ORDER BY);
	// otherwise as multisets.
	Ordered bool
	// Canonical, if set, maps each literal to a canonical form before
	// comparing, so that equal values written differently ("1.0E0" and
	// "1"^^xsd:double) match.
	Canonical func(rdf.Literal) rdf.Literal
}

const (
	rowPred   = "urn:x-rdftest:var:"
	indexPred = rdf.IRI("urn:x-rdftest:index")
)

// DiffResults returns "" when the two results are equivalent: the same
// variables (in any order), the same boolean, or the same solutions up to a
// consistent renaming of blank nodes. Otherwise it describes the difference.
func DiffResults(want, got *results.Table, opt ResultOptions) string {
	if (want.Boolean == nil) != (got.Boolean == nil) {
		return fmt.Sprintf("want %s, got %s", describe(want), describe(got))
	}
	if want.Boolean != nil {
		if *want.Boolean != *got.Boolean {
			return fmt.Sprintf("want %v, got %v", *want.Boolean, *got.Boolean)
		}
		return ""
	}
	wv, gv := slices.Sorted(slices.Values(want.Vars)), slices.Sorted(slices.Values(got.Vars))
	if !slices.Equal(wv, gv) {
		return fmt.Sprintf("variables differ: want %v, got %v", want.Vars, got.Vars)
	}
	if len(want.Rows) != len(got.Rows) {
		return fmt.Sprintf("want %d solutions, got %d\n%s", len(want.Rows), len(got.Rows), rowDiff(want, got, opt))
	}
	if _, ok := isomorphism(resultQuads(want, opt), resultQuads(got, opt)); ok {
		return ""
	}
	return "solutions differ\n" + rowDiff(want, got, opt)
}

func describe(t *results.Table) string {
	if t.Boolean != nil {
		return fmt.Sprintf("boolean %v", *t.Boolean)
	}
	return fmt.Sprintf("%d solutions", len(t.Rows))
}

// resultQuads encodes a table as a graph: one blank node per solution with
// an arc per bound variable (and its position when ordered).
func resultQuads(t *results.Table, opt ResultOptions) []rdf.Quad {
	var qs []rdf.Quad
	for i, row := range t.Rows {
		r := rdf.BlankNode("urn-x-rdftest-row-" + strconv.Itoa(i))
		for j, v := range row {
			if v == nil {
				continue
			}
			if l, ok := v.(rdf.Literal); ok && opt.Canonical != nil {
				v = opt.Canonical(l)
			}
			qs = append(qs, rdf.Quad{S: r, P: rdf.IRI(rowPred + t.Vars[j]), O: v})
		}
		if opt.Ordered {
			qs = append(qs, rdf.Quad{S: r, P: indexPred, O: rdf.NewString(strconv.Itoa(i))})
		}
		if len(row) == 0 || allNil(row) {
			qs = append(qs, rdf.Quad{S: r, P: indexPred + "-empty", O: rdf.NewString("")})
		}
	}
	return qs
}

func allNil(row []rdf.Term) bool {
	for _, t := range row {
		if t != nil {
			return false
		}
	}
	return true
}

// rowDiff lists rows in want but not in got and vice versa, comparing rows as
// text (blank nodes as written); good enough to read a failure.
func rowDiff(want, got *results.Table, opt ResultOptions) string {
	vars := slices.Sorted(slices.Values(want.Vars))
	text := func(t *results.Table) []string {
		idx := map[string]int{}
		for j, v := range t.Vars {
			idx[v] = j
		}
		var out []string
		for _, row := range t.Rows {
			var parts []string
			for _, v := range vars {
				j, ok := idx[v]
				s := "UNDEF"
				if ok && j < len(row) && row[j] != nil {
					term := row[j]
					if l, isLit := term.(rdf.Literal); isLit && opt.Canonical != nil {
						term = opt.Canonical(l)
					}
					s = term.String()
				}
				parts = append(parts, "?"+v+"="+s)
			}
			out = append(out, strings.Join(parts, " "))
		}
		return out
	}
	w, g := text(want), text(got)
	var sb strings.Builder
	const maxLines = 40
	n := 0
	count := map[string]int{}
	for _, l := range g {
		count[l]++
	}
	for _, l := range w {
		if count[l] > 0 {
			count[l]--
			continue
		}
		if n++; n <= maxLines {
			sb.WriteString("- " + l + "\n")
		}
	}
	count = map[string]int{}
	for _, l := range w {
		count[l]++
	}
	for _, l := range g {
		if count[l] > 0 {
			count[l]--
			continue
		}
		if n++; n <= maxLines {
			sb.WriteString("+ " + l + "\n")
		}
	}
	if n > maxLines {
		fmt.Fprintf(&sb, "… %d more lines\n", n-maxLines)
	}
	if n == 0 {
		sb.WriteString("(same rows as text; they differ in blank node structure or order)\n")
	}
	return sb.String()
}
