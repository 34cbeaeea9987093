// Package letters reads a store's correspondence and co-mentions for the
// exports that are not RDF (CMIF, GEXF, GraphML: see export/letters.go for
// the writers): the store side of those formats, kept out of export, which
// imports no store.
package letters

import (
	"context"
	"slices"
	"strings"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/export"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// correspondence are the kinds of record CMIF and the correspondence
// network list.
var correspondence = map[string]bool{"letter": true, "telegram": true, "cable": true}

// parties returns every entity the documents mention, as export parties,
// with merged entities (the identity graph) mapped to the one that survives.
func parties(ctx context.Context, s *graph.Store) (map[rdf.IRI]export.Party, error) {
	rows, err := catalog.Entities(ctx, s, catalog.EntityFilter{})
	if err != nil {
		return nil, err
	}
	out := make(map[rdf.IRI]export.Party, len(rows))
	for _, r := range rows {
		p := export.Party{IRI: string(r.IRI), Name: r.Name, Class: r.Class, Wikidata: r.Wikidata}
		out[r.IRI] = p
		for _, m := range r.Merged {
			out[m] = p
		}
	}
	return out, nil
}

// Letters lists the store's letters, telegrams and cables by date, with
// their senders, addressees and intermediaries.
func Letters(ctx context.Context, s *graph.Store) ([]export.Letter, error) {
	docs, err := catalog.Documents(ctx, s)
	if err != nil {
		return nil, err
	}
	ps, err := parties(ctx, s)
	if err != nil {
		return nil, err
	}
	at := map[rdf.IRI]int{}
	var out []export.Letter
	for _, d := range docs {
		if !correspondence[d.Kind] {
			continue
		}
		at[d.IRI] = len(out)
		out = append(out, export.Letter{IRI: string(d.IRI), ID: d.ID, Kind: d.Kind, Title: d.Title, Date: d.Date})
	}
	for _, p := range []rdf.IRI{vocab.DCCreator, vocab.SchemaRecipient, vocab.DGVia} {
		for q, err := range s.Match(ctx, nil, p, nil, nil) {
			if err != nil {
				return nil, err
			}
			d, _ := q.S.(rdf.IRI)
			i, ok := at[d]
			e, ok2 := q.O.(rdf.IRI)
			if !ok || !ok2 || d != q.G {
				continue
			}
			party, ok := ps[e]
			if !ok {
				party = export.Party{IRI: string(e), Name: catalog.Label(ctx, s, e)}
			}
			l := &out[i]
			add := func(list []export.Party) []export.Party {
				if slices.ContainsFunc(list, func(x export.Party) bool { return x.IRI == party.IRI }) {
					return list
				}
				return append(list, party)
			}
			switch p {
			case vocab.DCCreator:
				l.Senders = add(l.Senders)
			case vocab.SchemaRecipient:
				l.Addressees = add(l.Addressees)
			case vocab.DGVia:
				l.Via = add(l.Via)
			}
		}
	}
	for i := range out {
		for _, ps := range [][]export.Party{out[i].Senders, out[i].Addressees, out[i].Via} {
			slices.SortFunc(ps, func(a, b export.Party) int { return strings.Compare(a.Name, b.Name) })
		}
	}
	return out, nil
}

// CoMentions draws the co-mention network of the classes given (people
// and organisations when none): an undirected edge between two entities
// that one document mentions, weighted by the number of such documents,
// with the dates of the first and last.
func CoMentions(ctx context.Context, s *graph.Store, classes ...string) (export.Network, error) {
	if len(classes) == 0 {
		classes = []string{vocab.ClassPerson, vocab.ClassOrganization}
	}
	docs, err := catalog.Documents(ctx, s)
	if err != nil {
		return export.Network{}, err
	}
	date := map[rdf.IRI]string{}
	for _, d := range docs {
		date[d.IRI] = d.Date
	}
	ps, err := parties(ctx, s)
	if err != nil {
		return export.Network{}, err
	}
	byDoc := map[rdf.IRI][]string{}
	for q, err := range s.Match(ctx, nil, vocab.SchemaMentions, nil, nil) {
		if err != nil {
			return export.Network{}, err
		}
		d, _ := q.S.(rdf.IRI)
		e, ok := q.O.(rdf.IRI)
		if !ok || d != q.G {
			continue
		}
		p, ok := ps[e]
		if !ok || !slices.Contains(classes, p.Class) {
			continue
		}
		if !slices.Contains(byDoc[d], p.IRI) {
			byDoc[d] = append(byDoc[d], p.IRI)
		}
	}
	type pair struct{ a, b string }
	edges := map[pair]*export.Edge{}
	var n export.Network
	seen := map[string]bool{}
	docIRIs := make([]rdf.IRI, 0, len(byDoc))
	for d := range byDoc {
		docIRIs = append(docIRIs, d)
	}
	slices.Sort(docIRIs)
	byIRI := map[string]export.Party{}
	for _, p := range ps {
		byIRI[p.IRI] = p
	}
	for _, d := range docIRIs {
		es := byDoc[d]
		slices.Sort(es)
		for i, a := range es {
			for _, b := range es[i+1:] {
				k := pair{a, b}
				e := edges[k]
				if e == nil {
					e = &export.Edge{Source: a, Target: b, Kind: "co-mention"}
					edges[k] = e
				}
				e.Weight++
				if dt := date[d]; dt != "" {
					if e.Start == "" || dt < e.Start {
						e.Start = dt
					}
					if dt > e.End {
						e.End = dt
					}
				}
				for _, x := range []string{a, b} {
					if !seen[x] {
						seen[x] = true
						n.Nodes = append(n.Nodes, byIRI[x])
					}
				}
			}
		}
	}
	for _, e := range edges {
		n.Edges = append(n.Edges, *e)
	}
	slices.SortFunc(n.Nodes, func(a, b export.Party) int { return strings.Compare(a.IRI, b.IRI) })
	slices.SortFunc(n.Edges, func(a, b export.Edge) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
	return n, nil
}
