"""Peer jobs for "docgraph bench" on rdflib: python3 peers.py JOB IN OUT."""
import sys

import rdflib

job, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
fmt = "nt" if src.endswith(".nt") else "nquads"
if fmt == "nt":
    g = rdflib.Graph()
else:
    g = rdflib.Dataset()
g.parse(src, format=fmt)
if job == "turtle":
    g.serialize(destination=out, format="turtle")
elif job == "nquads":
    g.serialize(destination=out, format="nquads")
elif job == "jsonld":
    g.serialize(destination=out, format="json-ld")
print(len(g))
