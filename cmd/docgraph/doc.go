// Command docgraph turns archival documents into a linked-data knowledge graph.
//
// See manual.txt, which is also the text of `docgraph --help`.
package main

import _ "embed"

//go:embed manual.txt
var manual string
