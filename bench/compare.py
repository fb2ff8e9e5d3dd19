#!/usr/bin/env python3
"""Checks that two RDF files hold the same set of triples: labourgraph's
N-Quads (its ontology graph left out, graphs otherwise ignored) and another
tool's N-Triples. Prints the counts and a sample of the differences; exits 1
if the sets differ. Needs pyoxigraph.

Usage: compare.py LABOURGRAPH.nq OTHER.nt
"""
import sys

import pyoxigraph as ox

ONTOLOGY_GRAPH = 'https://example.org/labourgraph/graph/ontology'


def triples(path, fmt):
    result = set()
    for quad in ox.parse(path=path, format=fmt):
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value == ONTOLOGY_GRAPH:
            continue
        result.add(ox.Triple(quad.subject, quad.predicate, quad.object))
    return result


def main(ours_path, theirs_path):
    ours = triples(ours_path, ox.RdfFormat.N_QUADS)
    theirs = triples(theirs_path, ox.RdfFormat.N_TRIPLES)
    missing = ours - theirs
    extra = theirs - ours
    print(f'labourgraph: {len(ours)} triples; other: {len(theirs)} triples; '
          f'only in labourgraph: {len(missing)}; only in the other: {len(extra)}')
    for label, diff in (('only in labourgraph', missing), ('only in the other', extra)):
        for t in sorted(diff, key=str)[:15]:
            print(f'  {label}: {t}')
    return 0 if not missing and not extra else 1


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:3]))
