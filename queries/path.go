package queries

import (
	"context"
	"fmt"

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
			for row, err := range res.Solutions {
				if err != nil {
					return nil, err
				}
				n, ok := row[col["next"]].(rdf.IRI)
				if !ok {
					continue
				}
				if _, seen := prev[n]; seen {
					continue
				}
				prev[n] = Step{From: e, To: n, Doc: row[col["doc"]], Link: row[col["link"]]}
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

func chain(prev map[rdf.IRI]Step, from, to rdf.IRI) []Step {
	var steps []Step
	for at := to; at != from; {
		s := prev[at]
		steps = append([]Step{s}, steps...)
		at = s.From
	}
	return steps
}
