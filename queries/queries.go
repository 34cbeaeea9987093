// Package queries runs SPARQL 1.1 queries: Prepare parses the text
// (package parser), translates it to the algebra (package algebra) and
// optimizes it (package optimizer) once; Run evaluates the prepared query
// (package eval) over a Dataset as many times as needed, streaming
// solutions. StoreDataset adapts a graph.Store, whose default graph is the
// union of all its graphs.
package queries

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/queries/algebra"
	"github.com/docgraph/docgraph/queries/ast"
	"github.com/docgraph/docgraph/queries/eval"
	"github.com/docgraph/docgraph/queries/optimizer"
	"github.com/docgraph/docgraph/queries/parser"
	"github.com/docgraph/docgraph/rdf"
)

// Dataset is the storage a query runs over; see eval.Dataset.
type Dataset = eval.Dataset

// Form is the query form.
type Form = algebra.Form

// The query forms.
const (
	Select    = algebra.Select
	Construct = algebra.Construct
	Ask       = algebra.Ask
	Describe  = algebra.Describe
)

// Options tune Prepare.
type Options struct {
	// Filename names the query text in error messages.
	Filename string
	// Base is the base IRI when the query has no BASE.
	Base string
	// Stats, when set, guides join ordering; nil uses a heuristic.
	Stats optimizer.Stats
	// NoOptimize runs the algebra as translated.
	NoOptimize bool
	// HashAfter tunes when a triple pattern looked up many times switches
	// to a hash table of its matches (eval.Options.HashAfter); negative
	// means never.
	HashAfter int
}

// Prepared is a parsed, translated and optimized query. It may be run many
// times; runs are independent, except that Explain reports the row counts
// of the most recent one.
type Prepared struct {
	text    string
	opt     Options
	syntax  *ast.Query
	algebra *algebra.Query
	plan    *algebra.Query
	prog    *eval.Program
}

// Prepare parses, translates and optimizes a query. Syntax and scoping
// errors are a parser.ErrorList whose entries print "line L column C: msg".
func Prepare(text string, opt Options) (*Prepared, error) {
	q, err := parser.ParseQuery(text, parser.Options{Filename: opt.Filename})
	if err != nil {
		return nil, err
	}
	alg, err := algebra.Translate(q, algebra.Options{Base: opt.Base})
	if err != nil {
		var te *algebra.Error
		if errors.As(err, &te) {
			pos := parser.PositionOf(text, max(int(te.Pos)-1, 0))
			pos.Filename = opt.Filename
			return nil, parser.ErrorList{&parser.Error{Pos: pos, Msg: te.Msg}}
		}
		return nil, err
	}
	plan := alg
	if !opt.NoOptimize {
		plan = optimizer.OptimizeQuery(alg, opt.Stats)
	}
	eopt := eval.Options{HashAfter: opt.HashAfter}
	if c, ok := opt.Stats.(interface {
		CountUpTo(s, p, o rdf.Term, limit int) int
	}); ok {
		eopt.Count = c.CountUpTo
	}
	prog, err := eval.Compile(plan, eopt)
	if err != nil {
		return nil, err
	}
	return &Prepared{text: text, opt: opt, syntax: q, algebra: alg, plan: plan, prog: prog}, nil
}

// Form returns the query form.
func (p *Prepared) Form() Form { return p.plan.Form }

// Syntax returns the parsed syntax tree.
func (p *Prepared) Syntax() *ast.Query { return p.syntax }

// Algebra returns the query as translated, before optimization.
func (p *Prepared) Algebra() *algebra.Query { return p.algebra }

// Plan returns the optimized algebra that Run evaluates.
func (p *Prepared) Plan() *algebra.Query { return p.plan }

// Result is the outcome of a run. Exactly one of its parts is meaningful,
// depending on Form: Vars and Solutions for SELECT, Boolean for ASK,
// Triples for CONSTRUCT and DESCRIBE. The iterators evaluate lazily: the
// work happens while they are ranged over, and stopping early stops it.
type Result struct {
	Form Form
	// Vars are the projected variable names, without '?'.
	Vars []string
	// Solutions yields one row per solution, in the order of Vars; a nil
	// term is unbound.
	Solutions iter.Seq2[[]rdf.Term, error]
	// Boolean is the answer of an ASK query.
	Boolean bool
	// Triples yields the constructed or described graph, each triple once
	// (quads with a nil graph).
	Triples iter.Seq2[rdf.Quad, error]
}

// Run evaluates the query over ds. ASK is evaluated before Run returns;
// the other forms stream.
func (p *Prepared) Run(ctx context.Context, ds Dataset) (*Result, error) {
	r := &Result{Form: p.plan.Form}
	switch p.plan.Form {
	case Select:
		r.Vars = p.prog.Vars()
		r.Solutions = p.prog.Solutions(ctx, ds)
	case Ask:
		b, err := p.prog.Ask(ctx, ds)
		if err != nil {
			return nil, err
		}
		r.Boolean = b
	default:
		r.Triples = p.prog.Triples(ctx, ds)
	}
	return r, nil
}

// Explain runs the query to the end over ds and describes how: the
// algebra as translated, then the optimized plan as an operator tree, each
// operator with its estimated and actual number of rows.
func (p *Prepared) Explain(ctx context.Context, ds Dataset) (string, error) {
	res, err := p.Run(ctx, ds)
	if err != nil {
		return "", err
	}
	switch {
	case res.Solutions != nil:
		for _, err := range res.Solutions {
			if err != nil {
				return "", err
			}
		}
	case res.Triples != nil:
		for _, err := range res.Triples {
			if err != nil {
				return "", err
			}
		}
	}
	var sb strings.Builder
	sb.WriteString("algebra:\n")
	sb.WriteString(indentLines(algebra.String(p.algebra.Op), "  "))
	sb.WriteString("\nplan (estimated rows / actual rows):\n")
	p.explainOp(&sb, p.plan.Op, 1)
	return sb.String(), nil
}

func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

func (p *Prepared) explainOp(sb *strings.Builder, op algebra.Op, depth int) {
	actual, _ := p.prog.Rows(op)
	est := optimizer.Estimate(op, p.opt.Stats)
	fmt.Fprintf(sb, "%s%s  [est %.0f, actual %d]\n", strings.Repeat("  ", depth), algebra.Header(op), est, actual)
	if ps := p.prog.Patterns(op); len(ps) > 0 {
		b := op.(*algebra.BGP)
		for i := range b.Triples {
			st, ok := ps[i]
			if !ok {
				continue
			}
			if st.Star > 0 {
				fmt.Fprintf(sb, "%s  triples %d-%d: %d subjects with all of them, from index ranges\n", strings.Repeat("  ", depth), i+1, i+st.Star, st.Subjects)
			}
			if st.Lookups == 0 {
				continue
			}
			fmt.Fprintf(sb, "%s  triple %d: %d index lookups", strings.Repeat("  ", depth), i+1, st.Lookups)
			if st.HashAfter > 0 {
				fmt.Fprintf(sb, ", then a hash table of its %d matches after %d", st.HashRows, st.HashAfter)
			}
			if st.MemoHits > 0 {
				fmt.Fprintf(sb, "; %d answered from the matches of an earlier lookup with the same terms", st.MemoHits)
			}
			sb.WriteString("\n")
		}
	}
	for _, c := range children(op) {
		p.explainOp(sb, c, depth+1)
	}
}

func children(op algebra.Op) []algebra.Op {
	switch x := op.(type) {
	case *algebra.Join:
		return []algebra.Op{x.L, x.R}
	case *algebra.LeftJoin:
		return []algebra.Op{x.L, x.R}
	case *algebra.Union:
		return []algebra.Op{x.L, x.R}
	case *algebra.Minus:
		return []algebra.Op{x.L, x.R}
	case *algebra.Filter:
		return []algebra.Op{x.X}
	case *algebra.Graph:
		return []algebra.Op{x.X}
	case *algebra.Extend:
		return []algebra.Op{x.X}
	case *algebra.Group:
		return []algebra.Op{x.X}
	case *algebra.OrderBy:
		return []algebra.Op{x.X}
	case *algebra.Project:
		return []algebra.Op{x.X}
	case *algebra.Distinct:
		return []algebra.Op{x.X}
	case *algebra.Reduced:
		return []algebra.Op{x.X}
	case *algebra.Slice:
		return []algebra.Op{x.X}
	}
	return nil
}

// StoreDataset presents a store as a query dataset: the default graph is
// the union of all the store's graphs (each triple once), and each graph is
// a named graph. FROM and FROM NAMED in a query narrow this view.
func StoreDataset(s *graph.Store) Dataset { return storeDataset{s} }

type storeDataset struct{ s *graph.Store }

func (d storeDataset) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if g != nil {
		return d.s.Match(ctx, s, p, o, g)
	}
	return d.s.MatchTriples(ctx, s, p, o)
}

func (d storeDataset) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		for q, err := range d.s.Match(ctx, s, p, o, nil) {
			if err == nil && q.G == nil {
				continue
			}
			if !yield(q, err) || err != nil {
				return
			}
		}
	}
}

// Snapshot reads an embedded bolt store or a PostgreSQL store in one read
// transaction for the whole run (graph.QueryReader); other stores are
// read as they are.
func (d storeDataset) Snapshot(ctx context.Context) (Dataset, func(), error) {
	r, ok, err := d.s.OpenReader(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return d, func() {}, nil
	}
	return readerDataset{r}, func() { r.Close() }, nil
}

// readerDataset is a store seen through one graph.QueryReader.
type readerDataset struct{ r graph.QueryReader }

func (d readerDataset) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if g != nil {
		return d.r.Match(s, p, o, g, false)
	}
	return d.r.Match(s, p, o, nil, true)
}

func (d readerDataset) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		for q, err := range d.r.Match(s, p, o, nil, false) {
			if err == nil && q.G == nil {
				continue
			}
			if !yield(q, err) || err != nil {
				return
			}
		}
	}
}

func (d readerDataset) NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error] {
	return func(yield func(rdf.Term, error) bool) {
		gs, err := d.r.Graphs()
		if err != nil {
			yield(nil, err)
			return
		}
		for _, g := range gs {
			if !yield(g, nil) {
				return
			}
		}
	}
}

// Subjects finds subjects with every predicate-object pair from sorted
// index ranges (eval.SubjectFinder).
func (d readerDataset) Subjects(pairs [][2]rdf.Term) ([]rdf.Term, bool, error) {
	return d.r.Subjects(pairs)
}

// CountUpTo counts matches in the default graph for the evaluator's
// choice of hash tables (eval.Counter).
func (d readerDataset) CountUpTo(s, p, o rdf.Term, limit int) int {
	return d.r.CountUpTo(s, p, o, nil, limit)
}

func (d storeDataset) NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error] {
	return func(yield func(rdf.Term, error) bool) {
		gs, err := d.s.Graphs(ctx)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, g := range gs {
			if !yield(g, nil) {
				return
			}
		}
	}
}
