package catalog

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Problem is one broken invariant found by Check.
type Problem struct {
	Graph rdf.Term // the graph it was found in
	Msg   string
}

func (p Problem) String() string {
	if p.Graph == nil {
		return "store: " + p.Msg
	}
	return fmt.Sprintf("%v: %s", p.Graph, p.Msg)
}

// Check verifies the store's invariants and returns what is wrong:
//   - every named graph other than the gazetteer is one whole document: it
//     holds its document node (typed, titled or identified) named like the graph;
//   - every entity a document links to (creator, recipient, via, mentions,
//     claim subject and object) is typed somewhere in the store;
//   - every claim has a subject, predicate, object, source document, the
//     person or body it is attributed to and non-empty evidence;
//   - every text version a document lists has its role, language and text;
//   - every statement is whole (subject, predicate and object present);
//   - no entity has two classes (a Person that is also a Country) or two
//     Wikidata items (a merge that contradicts the gazetteer).
func Check(ctx context.Context, s *graph.Store) ([]Problem, error) {
	var probs []Problem
	gaz, ident, cur := s.Minter().Gazetteer(), s.Minter().Identity(), s.Minter().Curation()
	typed := map[rdf.Term]bool{}
	classes := map[rdf.Term][]string{}
	items := map[rdf.Term][]rdf.IRI{}
	byGraph := map[rdf.Term][]rdf.Quad{}
	for q, err := range s.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			return nil, err
		}
		if _, twin := vocab.IsExtracted(q.G); twin || q.G == rdf.Term(cur) {
			continue // what the extractor said before corrections, and the corrections
		}
		if err := q.Valid(); err != nil {
			probs = append(probs, Problem{q.G, fmt.Sprintf("damaged statement %v %v %v: %v", q.S, q.P, q.O, err)})
			continue
		}
		switch q.P {
		case vocab.RDFType:
			typed[q.S] = true
			if o, ok := q.O.(rdf.IRI); ok {
				if c := vocab.ClassOf(o); c != "" && !slices.Contains(classes[q.S], c) {
					classes[q.S] = append(classes[q.S], c)
				}
			}
		case vocab.OWLSameAs:
			if o, ok := q.O.(rdf.IRI); ok && strings.HasPrefix(string(o), vocab.WD) && !slices.Contains(items[q.S], o) {
				items[q.S] = append(items[q.S], o)
			}
		}
		byGraph[q.G] = append(byGraph[q.G], q)
	}
	graphs := make([]rdf.Term, 0, len(byGraph))
	for g := range byGraph {
		graphs = append(graphs, g)
	}
	slices.SortFunc(graphs, rdf.Compare)
	for _, g := range graphs {
		if g == nil {
			probs = append(probs, Problem{g, fmt.Sprintf("%d statements outside any named graph", len(byGraph[g]))})
			continue
		}
		if g == gaz || g == ident {
			continue
		}
		probs = append(probs, checkDocument(g, byGraph[g], typed)...)
	}
	var ents []rdf.Term
	for e, cs := range classes {
		if len(cs) > 1 {
			ents = append(ents, e)
		}
	}
	for e, ws := range items {
		if len(ws) > 1 && len(classes[e]) <= 1 {
			ents = append(ents, e)
		}
	}
	slices.SortFunc(ents, rdf.Compare)
	for _, e := range ents {
		if cs := classes[e]; len(cs) > 1 {
			slices.Sort(cs)
			probs = append(probs, Problem{nil, fmt.Sprintf("entity %v has %d classes: %s", e, len(cs), strings.Join(cs, ", "))})
		}
		if ws := items[e]; len(ws) > 1 {
			slices.Sort(ws)
			var ids []string
			for _, w := range ws {
				ids = append(ids, strings.TrimPrefix(string(w), vocab.WD))
			}
			probs = append(probs, Problem{nil, fmt.Sprintf("entity %v is linked to %d Wikidata items: %s", e, len(ws), strings.Join(ids, ", "))})
		}
	}
	return probs, nil
}

func checkDocument(g rdf.Term, quads []rdf.Quad, typed map[rdf.Term]bool) []Problem {
	var probs []Problem
	bad := func(format string, args ...any) { probs = append(probs, Problem{g, fmt.Sprintf(format, args...)}) }
	props := map[rdf.Term]map[rdf.IRI][]rdf.Term{}
	for _, q := range quads {
		p := q.P.(rdf.IRI)
		if props[q.S] == nil {
			props[q.S] = map[rdf.IRI][]rdf.Term{}
		}
		props[q.S][p] = append(props[q.S][p], q.O)
	}
	doc := props[g]
	if doc == nil || !slices.Contains(doc[vocab.RDFType], rdf.Term(vocab.SchemaArchiveComponent)) {
		bad("no document node typed schema:ArchiveComponent named like the graph")
		return probs
	}
	if len(doc[vocab.DCIdentifier]) == 0 && len(doc[vocab.DGSourceFile]) == 0 {
		bad("document has neither dcterms:identifier nor dg:sourceFile")
	}
	for _, p := range []rdf.IRI{vocab.DCCreator, vocab.SchemaRecipient, vocab.DGVia, vocab.SchemaMentions} {
		for _, e := range doc[p] {
			if !typed[e] {
				bad("%s links to %v, which no graph describes", vocab.Compact(p), e)
			}
		}
	}
	for _, v := range doc[vocab.DCHasPart] {
		vp := props[v]
		if vp == nil || len(vp[vocab.DGRole]) == 0 || len(vp[vocab.SchemaText]) == 0 {
			bad("text version %v lacks its role or text", v)
		}
	}
	for subj, ps := range props {
		if !slices.Contains(ps[vocab.RDFType], rdf.Term(vocab.DGClaim)) {
			continue
		}
		// A claim is always someone's: extraction attributes it to its
		// speaker or the document's author, or does not make it.
		for _, p := range []rdf.IRI{vocab.RDFSubject, vocab.RDFPredicate, vocab.RDFObject, vocab.PROVWasDerivedFrom, vocab.DGEvidence, vocab.PROVWasAttributedTo} {
			if len(ps[p]) == 0 {
				bad("claim %v has no %s", subj, vocab.Compact(p))
			}
		}
		for _, p := range []rdf.IRI{vocab.RDFSubject, vocab.RDFObject, vocab.PROVWasAttributedTo} {
			for _, e := range ps[p] {
				if !typed[e] {
					bad("claim %v: %s %v is described nowhere", subj, vocab.Compact(p), e)
				}
			}
		}
		for _, ev := range ps[vocab.DGEvidence] {
			if l, ok := ev.(rdf.Literal); !ok || l.Lexical == "" {
				bad("claim %v has empty evidence", subj)
			}
		}
	}
	return probs
}
