package queries

import (
	"context"
	"iter"
	"sync"

	"github.com/docgraph/docgraph/queries/eval"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// TextMatch is the property function of full-text search, as Jena's text
// index offers one: the pattern `?doc dg:textMatch "words"` holds for the
// documents the full-text index finds for the words (phrases in quotes),
// in the default graph and, inside GRAPH, in each document's own graph.
// Other patterns go to the store.
const TextMatch = vocab.DG + "textMatch"

// TextSearcher finds the documents (IRIs) that match a full-text query.
type TextSearcher func(ctx context.Context, text string) ([]rdf.IRI, error)

// WithTextIndex adds dg:textMatch to a dataset. The documents found for
// each text are looked up once per dataset.
func WithTextIndex(ds Dataset, search TextSearcher) Dataset {
	return &textDataset{inner: ds, tm: &textMatches{search: search, got: map[string][]rdf.IRI{}}}
}

type textMatches struct {
	search TextSearcher
	mu     sync.Mutex
	got    map[string][]rdf.IRI
}

func (t *textMatches) docs(ctx context.Context, text string) ([]rdf.IRI, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if d, ok := t.got[text]; ok {
		return d, nil
	}
	d, err := t.search(ctx, text)
	if err != nil {
		return nil, err
	}
	t.got[text] = d
	return d, nil
}

// textPattern reports whether a pattern asks the index, and its text.
func textPattern(p, o rdf.Term) (string, bool) {
	if p != rdf.IRI(TextMatch) {
		return "", false
	}
	l, ok := o.(rdf.Literal)
	return l.Lexical, ok
}

// matches yields (doc, dg:textMatch, o) for the documents found, in graph
// g(doc) (nil for the default graph).
func (t *textMatches) matches(ctx context.Context, s, p, o rdf.Term, text string, g func(rdf.IRI) rdf.Term) iter.Seq2[rdf.Quad, error] {
	return func(yield func(rdf.Quad, error) bool) {
		docs, err := t.docs(ctx, text)
		if err != nil {
			yield(rdf.Quad{}, err)
			return
		}
		for _, d := range docs {
			if s != nil && s != rdf.Term(d) {
				continue
			}
			if !yield(rdf.Quad{S: d, P: p, O: o, G: g(d)}, nil) {
				return
			}
		}
	}
}

type textDataset struct {
	inner Dataset
	tm    *textMatches
}

func (d *textDataset) Match(ctx context.Context, s, p, o, g rdf.Term) iter.Seq2[rdf.Quad, error] {
	if text, ok := textPattern(p, o); ok {
		if g != nil {
			iri, _ := g.(rdf.IRI)
			return d.tm.matches(ctx, s, p, o, text, func(doc rdf.IRI) rdf.Term {
				if doc != iri {
					return nil
				}
				return g
			})
		}
		return d.tm.matches(ctx, s, p, o, text, func(rdf.IRI) rdf.Term { return nil })
	}
	if p == rdf.IRI(TextMatch) {
		return func(func(rdf.Quad, error) bool) {} // a variable or an IRI is never matched
	}
	return d.inner.Match(ctx, s, p, o, g)
}

func (d *textDataset) MatchNamed(ctx context.Context, s, p, o rdf.Term) iter.Seq2[rdf.Quad, error] {
	if text, ok := textPattern(p, o); ok {
		return d.tm.matches(ctx, s, p, o, text, func(doc rdf.IRI) rdf.Term { return doc })
	}
	if p == rdf.IRI(TextMatch) {
		return func(func(rdf.Quad, error) bool) {}
	}
	return d.inner.MatchNamed(ctx, s, p, o)
}

func (d *textDataset) NamedGraphs(ctx context.Context) iter.Seq2[rdf.Term, error] {
	return d.inner.NamedGraphs(ctx)
}

// Snapshot keeps the store's snapshot and what it offers the evaluator
// (counts, subject lookups) beside the text matches.
func (d *textDataset) Snapshot(ctx context.Context) (Dataset, func(), error) {
	sn, ok := d.inner.(eval.Snapshotter)
	if !ok {
		return d, func() {}, nil
	}
	snap, release, err := sn.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	td := &textDataset{inner: snap, tm: d.tm}
	c, isCounter := snap.(eval.Counter)
	f, isFinder := snap.(eval.SubjectFinder)
	if isCounter && isFinder {
		return &textReader{textDataset: td, c: c, f: f, ctx: ctx}, release, nil
	}
	return td, release, nil
}

// textReader is a snapshot that counts and finds subjects.
type textReader struct {
	*textDataset
	c   eval.Counter
	f   eval.SubjectFinder
	ctx context.Context
}

func (d *textReader) CountUpTo(s, p, o rdf.Term, limit int) int {
	if text, ok := textPattern(p, o); ok {
		docs, err := d.tm.docs(d.ctx, text)
		if err != nil {
			return 0
		}
		return min(len(docs), limit)
	}
	if p == rdf.IRI(TextMatch) {
		return 0
	}
	return d.c.CountUpTo(s, p, o, limit)
}

func (d *textReader) Subjects(pairs [][2]rdf.Term) ([]rdf.Term, bool, error) {
	for _, pr := range pairs {
		if pr[0] == rdf.IRI(TextMatch) {
			return nil, false, nil
		}
	}
	return d.f.Subjects(pairs)
}
