"""Loads an N-Quads file into an rdflib ConjunctiveGraph (its default graph
is the union of the named graphs, as in docgraph) and times the queries read
as JSON on stdin; prints medians as JSON. A query slower than 20 s runs once."""
import json
import statistics
import sys
import time

import rdflib

path, rounds = sys.argv[1], int(sys.argv[2])
queries = json.load(sys.stdin)
g = rdflib.ConjunctiveGraph()
g.parse(path, format="nquads")
out = {}
for q in queries:
    try:
        times, cpus, rows = [], [], 0
        for i in range(rounds + 1):
            start, cpu0 = time.perf_counter(), time.process_time()
            rows = len(list(g.query(q["Prefixes"] + q["Text"])))
            elapsed = (time.perf_counter() - start) * 1000
            if i > 0 or elapsed > 20000:
                times.append(elapsed)
                cpus.append((time.process_time() - cpu0) * 1000)
            if elapsed > 20000:
                break
        out[q["Name"]] = {"median_ms": statistics.median(times), "median_cpu_ms": statistics.median(cpus), "rows": rows, "rounds": len(times)}
    except Exception as e:  # a failing query is reported, not fatal
        out[q["Name"]] = {"error": repr(e)}
json.dump(out, sys.stdout)
