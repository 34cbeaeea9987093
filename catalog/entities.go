package catalog

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// EntityRow is one line of `docgraph entities`: an entity the documents
// mention, how many documents mention it and in which years, and whether
// it is linked to an authority (a gazetteer entry, a Wikidata item).
type EntityRow struct {
	IRI         rdf.IRI
	Class       string
	Name        string
	Wikidata    string // Q-identifier, "" when none
	Gazetteer   bool   // described in the gazetteer graph
	Documents   int
	First, Last string // dates of the first and last documents, where known
	// Labels are its other names, in every language.
	Labels []string
	// Merged are the entities the identity graph says are this one
	// (their documents are counted here).
	Merged []rdf.IRI
}

// EntityFilter narrows Entities.
type EntityFilter struct {
	Unlinked bool   // only entities no gazetteer entry describes
	Class    string // only this class (vocab.ClassPerson, …), "" for all
	// Merged lists entities the identity graph merged into another one on
	// their own rows, instead of counting them with the one that survives.
	Merged bool
}

// Entities lists the entities the store's documents mention, the most
// mentioned first (then by name), so that a user sees at the top of the
// unlinked ones what a gazetteer most needs.
func Entities(ctx context.Context, s *graph.Store, f EntityFilter) ([]EntityRow, error) {
	docs, err := Documents(ctx, s)
	if err != nil {
		return nil, err
	}
	date := make(map[rdf.IRI]string, len(docs))
	for _, d := range docs {
		date[d.IRI] = d.Date
	}
	rows := map[rdf.IRI]*EntityRow{}
	docsOf := map[rdf.IRI][]rdf.IRI{}
	for q, err := range s.Match(ctx, nil, vocab.SchemaMentions, nil, nil) {
		if err != nil {
			return nil, err
		}
		d, ok := q.S.(rdf.IRI)
		e, ok2 := q.O.(rdf.IRI)
		if !ok || !ok2 || d != q.G {
			continue
		}
		if rows[e] == nil {
			rows[e] = &EntityRow{IRI: e}
		}
		docsOf[e] = append(docsOf[e], d)
	}
	gaz, ident := s.Minter().Gazetteer(), s.Minter().Identity()
	rank := map[rdf.IRI]int{}
	sameAs := map[rdf.IRI]rdf.IRI{}
	for _, p := range []rdf.IRI{vocab.RDFType, vocab.SKOSPrefLabel, vocab.RDFSLabel, vocab.SKOSAltLabel, vocab.OWLSameAs} {
		for q, err := range s.Match(ctx, nil, p, nil, nil) {
			if err != nil {
				return nil, err
			}
			e, ok := q.S.(rdf.IRI)
			r := rows[e]
			if !ok || r == nil {
				continue
			}
			if _, twin := vocab.IsExtracted(q.G); twin {
				continue // what the extractor said before a curator's correction
			}
			if q.G == gaz {
				r.Gazetteer = true
			}
			switch p {
			case vocab.RDFType:
				if o, ok := q.O.(rdf.IRI); ok {
					if c := vocab.ClassOf(o); c != "" {
						r.Class = c
					}
				}
			case vocab.SKOSPrefLabel, vocab.RDFSLabel, vocab.SKOSAltLabel:
				l, ok := q.O.(rdf.Literal)
				if !ok {
					continue
				}
				if !slices.Contains(r.Labels, l.Lexical) {
					r.Labels = append(r.Labels, l.Lexical)
				}
				if p == vocab.SKOSAltLabel {
					continue
				}
				// an English preferred label first, then any English label, then any
				k := 3
				switch {
				case p == vocab.SKOSPrefLabel && strings.HasPrefix(l.Lang, "en"):
					k = 0
				case strings.HasPrefix(l.Lang, "en"):
					k = 1
				case l.Lang == "":
					k = 2
				}
				if old, seen := rank[e]; !seen || k < old {
					rank[e], r.Name = k, l.Lexical
				}
			case vocab.OWLSameAs:
				o, ok := q.O.(rdf.IRI)
				switch {
				case !ok:
				case strings.HasPrefix(string(o), vocab.WD):
					r.Wikidata = strings.TrimPrefix(string(o), vocab.WD)
				case q.G == ident && !f.Merged:
					sameAs[e] = o
				}
			}
		}
	}
	// fold merged entities into the one that survives
	for from, to := range sameAs {
		a, b := rows[from], rows[to]
		if a == nil || b == nil {
			continue
		}
		docsOf[to] = append(docsOf[to], docsOf[from]...)
		b.Merged = append(b.Merged, from)
		delete(rows, from)
	}
	for e, r := range rows {
		ds := docsOf[e]
		slices.Sort(ds)
		ds = slices.Compact(ds)
		r.Documents = len(ds)
		for _, d := range ds {
			if dt := date[d]; dt != "" {
				if r.First == "" || dt < r.First {
					r.First = dt
				}
				if dt > r.Last {
					r.Last = dt
				}
			}
		}
		slices.Sort(r.Merged)
	}
	var out []EntityRow
	for _, r := range rows {
		if r.Class == "" {
			continue // not an entity (a version, a proposal point's part)
		}
		if f.Unlinked && r.Gazetteer {
			continue
		}
		if f.Class != "" && !strings.EqualFold(f.Class, r.Class) {
			continue
		}
		if r.Name == "" {
			r.Name = string(r.IRI[strings.LastIndexByte(string(r.IRI), '/')+1:])
		}
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b EntityRow) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI))
	})
	return out, nil
}
