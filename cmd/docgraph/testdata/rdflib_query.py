"""Runs SPARQL queries with rdflib over an N-Quads file, for the
differential test of docgraph's engine (diff_test.go).

Reads a JSON list of query texts on stdin and writes a JSON list of
results: {"vars": [...], "rows": [[term or null, ...]]} for SELECT,
{"ask": bool} for ASK, {"triples": [[s, p, o], ...]} for CONSTRUCT, or
{"error": "..."}. A term is {"t": "uri"|"bnode"|"lit", "v": ..., "dt": ...,
"lang": ...}. The graph is a ConjunctiveGraph, whose default graph is the
union of the named graphs, as in docgraph."""
import json
import sys

import rdflib

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term(x):
    if x is None:
        return None
    if isinstance(x, rdflib.URIRef):
        return {"t": "uri", "v": str(x)}
    if isinstance(x, rdflib.BNode):
        return {"t": "bnode", "v": str(x)}
    if isinstance(x, rdflib.Literal):
        if x.language:
            return {"t": "lit", "v": str(x), "lang": x.language, "dt": LANG_STRING}
        return {"t": "lit", "v": str(x), "dt": str(x.datatype) if x.datatype else XSD_STRING}
    return {"t": "other", "v": repr(x)}


def main():
    path = sys.argv[1]
    texts = json.load(sys.stdin)
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format="nquads")
    out = []
    for text in texts:
        try:
            res = g.query(text)
            if res.type == "SELECT":
                names = [str(v) for v in res.vars]
                rows = [[term(row[i]) for i in range(len(names))] for row in res]
                out.append({"vars": names, "rows": rows})
            elif res.type == "ASK":
                out.append({"ask": bool(res.askAnswer)})
            else:
                out.append({"triples": [[term(s), term(p), term(o)] for s, p, o in res.graph]})
        except Exception as e:  # one failing query must not hide the others
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
    json.dump(out, sys.stdout)


main()
