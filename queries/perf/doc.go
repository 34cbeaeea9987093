// Package perf measures docgraph's SPARQL engine on the embedded bolt
// store against other engines, on the synthetic archive of package
// queries/internal/archive (about 1.08 million triples). It holds only
// benchmarks.
//
// BenchmarkArchive times each query on docgraph alone. BenchmarkPeers runs
// the same queries in one run on docgraph called directly, docgraph served
// (its HTTP handler on a loopback port in the same process), Virtuoso
// (virtuoso-t, started on loopback with a database of its own and
// bulk-loaded with its own loader, see internal/virtuoso), Oxigraph (npm
// package "oxigraph", taken from $DOCGRAPH_OXIGRAPH, a node_modules folder
// holding it, or installed with npm into a temporary folder) and rdflib
// (/usr/bin/python3), and prints a table of medians and ratios. docgraph
// (both ways) and Virtuoso run each query in turn, round after round, so
// that a shared machine's load falls on them alike; Oxigraph and rdflib
// run in their own processes afterwards.
//
//	go test ./queries/perf -run '^$' -bench Peers -benchtime 1x -timeout 60m
//
// An engine that is not installed is skipped with a note under the table.
// DOCGRAPH_PERF_PEERS lists the engines to run beside docgraph called
// directly (served, virtuoso, oxigraph, rdflib; "none" for docgraph
// alone), and DOCGRAPH_PERF_TABLE names a file for the table
// (with the raw figures beside it as JSON).
//
// The bolt store is built once and kept in the system temporary folder
// (docgraph-perf-<seed>-<documents>), so later runs skip the load; delete
// it after changing the generator.
package perf
