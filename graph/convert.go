package graph

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/docgraph/docgraph/rdf"
)

// toValue converts a term to Cayley's value, keeping literals' lexical forms:
// typed literals become quad.TypedString, never native Go values.
func toValue(t rdf.Term) quad.Value {
	switch x := t.(type) {
	case nil:
		return nil
	case rdf.IRI:
		return quad.IRI(x)
	case rdf.BlankNode:
		return quad.BNode(x)
	case rdf.Literal:
		switch {
		case x.Lang != "":
			return quad.LangString{Value: quad.String(x.Lexical), Lang: x.Lang}
		case x.Datatype == "" || x.Datatype == rdf.XSDString:
			return quad.String(x.Lexical)
		default:
			return quad.TypedString{Value: quad.String(x.Lexical), Type: quad.IRI(x.Datatype)}
		}
	}
	panic(fmt.Sprintf("graph: unknown term type %T", t))
}

// fromValue converts a Cayley value back to a term.
func fromValue(v quad.Value) (rdf.Term, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case quad.IRI:
		return rdf.IRI(x), nil
	case quad.BNode:
		return rdf.BlankNode(x), nil
	case quad.String:
		return rdf.NewString(string(x)), nil
	case quad.LangString:
		return rdf.NewLangString(string(x.Value), x.Lang), nil
	case quad.TypedString:
		return rdf.NewTyped(string(x.Value), rdf.IRI(x.Type)), nil
	case quad.TypedStringer:
		ts := x.TypedString()
		return rdf.NewTyped(string(ts.Value), rdf.IRI(ts.Type)), nil
	}
	return nil, fmt.Errorf("graph: value %v of type %T has no RDF form", v, v)
}

func toQuad(q rdf.Quad) quad.Quad {
	return quad.Quad{Subject: toValue(q.S), Predicate: toValue(q.P), Object: toValue(q.O), Label: toValue(q.G)}
}

func fromQuad(q quad.Quad) (rdf.Quad, error) {
	var out rdf.Quad
	var err error
	if out.S, err = fromValue(q.Subject); err != nil {
		return out, err
	}
	if out.P, err = fromValue(q.Predicate); err != nil {
		return out, err
	}
	if out.O, err = fromValue(q.Object); err != nil {
		return out, err
	}
	out.G, err = fromValue(q.Label)
	return out, err
}
