package vocab

import (
	_ "embed"
	"encoding/json"
)

// Ontology is the dg: ontology in Turtle.
//
//go:embed ontology.ttl
var Ontology string

// ContextIRI is where the server publishes the JSON-LD context.
const ContextIRI = "https://w3id.org/docgraph/context.jsonld"

// Context returns the JSON-LD context docgraph compacts with: the prefix
// table plus short names for the dg: terms that take IRIs or typed values.
func Context() map[string]any {
	ctx := map[string]any{}
	for _, p := range Prefixes {
		ctx[p.Name] = p.IRI
	}
	return map[string]any{"@context": ctx}
}

// ContextJSON is Context as indented JSON.
func ContextJSON() []byte {
	b, err := json.MarshalIndent(Context(), "", "  ")
	if err != nil {
		panic(err) // a map of strings always marshals
	}
	return append(b, '\n')
}
