package catalog

import (
	"context"

	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
)

// CardOf returns the card of the entity e, as Find would show it; its Class
// is "" when e is not a typed entity.
func CardOf(ctx context.Context, s *graph.Store, e rdf.IRI) (Card, error) {
	all, err := Documents(ctx, s)
	if err != nil {
		return Card{}, err
	}
	return card(ctx, s, e, all)
}
