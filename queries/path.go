package queries

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/docgraph/docgraph/rdf"
)

// Step is one link of a chain found by ShortestPath: From is linked to To
// through Doc (a document, or the claim's document), by Link (a phrase such
// as "wrote to", or the IRI of a claim predicate).
type Step struct {
	From, To rdf.IRI
	Doc      rdf.Term
	Link     rdf.Term
}

// ShortestPath searches breadth-first for the shortest chain of relations
// between two entities, expanding each entity with the canned "neighbours"
// query, at most maxSteps links long. It returns nil when there is none.
// Among equally short chains it answers the same one every time: at each
// entity, correspondence before claims before shared mentions, then the
// neighbours and their documents in IRI order.
func ShortestPath(ctx context.Context, ds Dataset, from, to rdf.IRI, maxSteps int) ([]Step, error) {
	if from == to {
		return []Step{}, nil
	}
	c, err := CannedQuery("neighbours")
	if err != nil {
		return nil, err
	}
	prev := map[rdf.IRI]Step{from: {}}
	frontier := []rdf.IRI{from}
	for depth := 0; depth < maxSteps && len(frontier) > 0; depth++ {
		var next []rdf.IRI
		for _, e := range frontier {
			p, err := PrepareWith(c.Text, Options{Filename: "neighbours.rq"}, map[string]rdf.Term{"entity": e})
			if err != nil {
				return nil, err
			}
			res, err := p.Run(ctx, ds)
			if err != nil {
				return nil, err
			}
			col := map[string]int{}
			for i, v := range res.Vars {
				col[v] = i
			}
			var steps []Step
			for row, err := range res.Solutions {
				if err != nil {
					return nil, err
				}
				if n, ok := row[col["next"]].(rdf.IRI); ok {
					steps = append(steps, Step{From: e, To: n, Doc: row[col["doc"]], Link: row[col["link"]]})
				}
			}
			slices.SortFunc(steps, func(a, b Step) int {
				return cmp.Or(cmp.Compare(linkRank(a.Link), linkRank(b.Link)), cmp.Compare(a.To, b.To),
					rdf.Compare(a.Doc, b.Doc), rdf.Compare(a.Link, b.Link))
			})
			for _, st := range steps {
				n := st.To
				if _, seen := prev[n]; seen {
					continue
				}
				prev[n] = st
				if n == to {
					return chain(prev, from, to), nil
				}
				next = append(next, n)
			}
		}
		frontier = next
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("path search stopped: %w", err)
	}
	return nil, nil
}

// linkRank orders the kinds of link: letters first, then claims, then
// documents that mention both.
func linkRank(l rdf.Term) int {
	switch x := l.(type) {
	case rdf.Literal:
		switch x.Lexical {
		case "wrote to", "heard from":
			return 0
		case "carried letter of", "sent via":
			return 1
		case "mentioned with":
			return 3
		}
	case rdf.IRI:
		return 2
	}
	return 4
}

func chain(prev map[rdf.IRI]Step, from, to rdf.IRI) []Step {
	var steps []Step
	for at := to; at != from; {
		s := prev[at]
		steps = append([]Step{s}, steps...)
		at = s.From
	}
	return steps
}
