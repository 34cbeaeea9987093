// Package perf measures docgraph's SPARQL engine on the embedded bolt
// store against other engines, on the synthetic archive of package
// queries/internal/archive (about 1.08 million triples). It holds only
// benchmarks.
//
// BenchmarkArchive times each query on docgraph alone. BenchmarkPeers runs
// the same queries in one run on docgraph, Oxigraph (npm package
// "oxigraph", taken from $DOCGRAPH_OXIGRAPH, a node_modules folder holding
// it, or installed with npm into a temporary folder) and rdflib
// (/usr/bin/python3), and prints a table of medians and ratios:
//
//	go test ./queries/perf -run '^$' -bench Peers -benchtime 1x -timeout 60m
//
// DOCGRAPH_PERF_PEERS lists the peers to run (oxigraph, rdflib; "none"
// for docgraph alone), and DOCGRAPH_PERF_TABLE names a file for the table
// (with the raw figures beside it as JSON).
//
// The bolt store is built once and kept in the system temporary folder
// (docgraph-perf-<seed>-<documents>), so later runs skip the load; delete
// it after changing the generator.
package perf
