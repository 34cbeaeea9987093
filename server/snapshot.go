package server

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/docgraph/docgraph/catalog"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// snapshot is what several pages share, computed once per store state.
type snapshot struct {
	docs    []catalog.Document
	byIRI   map[rdf.IRI]catalog.Document
	stats   catalog.Stats
	triples int64 // distinct triples over all graphs
	net     network
	sameAs  int64 // owl:sameAs links to Wikidata
	classes map[rdf.IRI]int
	pages   *pageCache
	labels  sync.Map // rdf.IRI -> string
	made    time.Time
}

// snapshotMaxAge bounds how stale the shared summary may be on a store that
// other processes can write to (PostgreSQL); embedded and memory stores are
// written only through this server while it runs.
const snapshotMaxAge = 30 * time.Second

// network is the correspondence network: people as nodes, the letters
// between two people as one weighted edge.
type network struct {
	Nodes []netNode `json:"nodes"`
	Edges []netEdge `json:"edges"`
	Years [2]int    `json:"years"` // first and last year with a letter (0 when none)
}

type netNode struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Href  string `json:"href"`
	Docs  int    `json:"docs"`
}

type netEdge struct {
	Source string   `json:"source"`
	Target string   `json:"target"`
	Weight int      `json:"weight"`
	Docs   []netDoc `json:"docs"`
}

type netDoc struct {
	Href  string `json:"href"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Year  int    `json:"year"`
}

// snapshot returns the shared summary, computing it when the store changed.
func (s *server) snapshot(ctx context.Context) (*snapshot, error) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	if s.snap != nil && (!s.store.Shared() || time.Since(s.snap.made) < snapshotMaxAge) {
		return s.snap, nil
	}
	sn := &snapshot{byIRI: map[rdf.IRI]catalog.Document{}, classes: map[rdf.IRI]int{}, pages: &pageCache{}, made: time.Now()}
	var err error
	if sn.docs, err = catalog.Documents(ctx, s.store); err != nil {
		return nil, err
	}
	for _, d := range sn.docs {
		sn.byIRI[d.IRI] = d
	}
	if sn.stats, err = catalog.Count(ctx, s.store); err != nil {
		return nil, err
	}
	// Classes count what the documents hold and mention, as the
	// entity counts do; the gazetteer is described apart.
	gaz := rdf.Term(s.store.Minter().Gazetteer())
	triples := map[rdf.Triple]struct{}{}
	typed := map[rdf.Quad]bool{}
	for q, err := range s.store.Match(ctx, nil, nil, nil, nil) {
		if err != nil {
			return nil, err
		}
		triples[q.Triple()] = struct{}{}
		if q.P == vocab.OWLSameAs {
			if o, ok := q.O.(rdf.IRI); ok && len(o) > len(vocab.WD) && string(o[:len(vocab.WD)]) == vocab.WD {
				sn.sameAs++
			}
		}
		if q.P == vocab.RDFType && q.G != gaz {
			k := rdf.Quad{S: q.S, O: q.O}
			if c, ok := q.O.(rdf.IRI); ok && !typed[k] {
				typed[k] = true
				sn.classes[c]++
			}
		}
	}
	for c, n := range sn.stats.Entities {
		sn.classes[vocab.ClassIRI(c)] = n
	}
	sn.triples = int64(len(triples))
	if sn.net, err = s.buildNetwork(ctx, sn); err != nil {
		return nil, err
	}
	s.snap = sn
	return sn, nil
}

// invalidate drops the shared summary after a write.
func (s *server) invalidate() {
	s.snapMu.Lock()
	s.snap = nil
	s.snapMu.Unlock()
}

func (s *server) buildNetwork(ctx context.Context, sn *snapshot) (network, error) {
	var net network
	isPerson := map[rdf.Term]bool{}
	for q, err := range s.store.Match(ctx, nil, vocab.RDFType, vocab.SchemaPerson, nil) {
		if err != nil {
			return net, err
		}
		isPerson[q.S] = true
	}
	type key struct{ a, b rdf.IRI }
	edges := map[key]*netEdge{}
	nodeDocs := map[rdf.IRI]map[rdf.IRI]bool{}
	for _, d := range sn.docs {
		var from, to []rdf.IRI
		for q, err := range s.store.Match(ctx, d.IRI, nil, nil, d.IRI) {
			if err != nil {
				return net, err
			}
			o, ok := q.O.(rdf.IRI)
			if !ok || !isPerson[o] {
				continue
			}
			switch q.P {
			case vocab.DCCreator:
				from = append(from, o)
			case vocab.SchemaRecipient:
				to = append(to, o)
			}
		}
		year, _ := strconv.Atoi(prefix(d.Date, 4))
		for _, a := range from {
			for _, b := range to {
				if a == b {
					continue
				}
				k := key{min(a, b), max(a, b)}
				e := edges[k]
				if e == nil {
					e = &netEdge{Source: string(k.a), Target: string(k.b)}
					edges[k] = e
				}
				e.Weight++
				e.Docs = append(e.Docs, netDoc{Href: s.href(d.IRI), Title: d.Title, Date: d.Date, Year: year})
				for _, p := range []rdf.IRI{a, b} {
					if nodeDocs[p] == nil {
						nodeDocs[p] = map[rdf.IRI]bool{}
					}
					nodeDocs[p][d.IRI] = true
				}
				if year > 0 {
					if net.Years[0] == 0 || year < net.Years[0] {
						net.Years[0] = year
					}
					net.Years[1] = max(net.Years[1], year)
				}
			}
		}
	}
	for p, ds := range nodeDocs {
		net.Nodes = append(net.Nodes, netNode{ID: string(p), Label: catalog.Label(ctx, s.store, p), Href: s.href(p), Docs: len(ds)})
	}
	slices.SortFunc(net.Nodes, func(a, b netNode) int { return cmp.Compare(a.ID, b.ID) })
	for _, e := range edges {
		net.Edges = append(net.Edges, *e)
	}
	slices.SortFunc(net.Edges, func(a, b netEdge) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return net, nil
}

// filter keeps the letters dated within [from, to] (0 = open); undated
// letters are kept only when no bound is given.
func (n network) filter(from, to int) network {
	if from == 0 && to == 0 {
		return n
	}
	out := network{Years: n.Years}
	used := map[string]int{}
	for _, e := range n.Edges {
		var docs []netDoc
		for _, d := range e.Docs {
			if d.Year == 0 || (from != 0 && d.Year < from) || (to != 0 && d.Year > to) {
				continue
			}
			docs = append(docs, d)
		}
		if len(docs) == 0 {
			continue
		}
		out.Edges = append(out.Edges, netEdge{Source: e.Source, Target: e.Target, Weight: len(docs), Docs: docs})
		used[e.Source] += len(docs)
		used[e.Target] += len(docs)
	}
	for _, nd := range n.Nodes {
		if c, ok := used[nd.ID]; ok {
			nd.Docs = c
			out.Nodes = append(out.Nodes, nd)
		}
	}
	return out
}

func prefix(s string, n int) string {
	if len(s) < n {
		return ""
	}
	return s[:n]
}
