"""Real SPARQL clients against a running `labourgraph serve`.

SPARQLWrapper and rdflib's SPARQLStore, as researchers use them, talk to
the endpoint given as the first argument (http://HOST:PORT). Checks hold
for any corpus: they need an organisation that is a national trade union
centre with a name, and people with posts, not exact counts.
"""

import sys
import urllib.error

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

SCHEMA = "http://schema.org/"
PREFIXES = """
PREFIX lg: <https://example.org/labourgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
CENTRES = PREFIXES + "SELECT ?o ?name WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name"
PEOPLE = PREFIXES + "CONSTRUCT { ?p a schema:Person ; schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}")


def sparqlwrapper(endpoint):
    print("SPARQLWrapper")
    client = SPARQLWrapper(endpoint)
    client.setQuery(CENTRES)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    names = [r["name"]["value"] for r in rows]
    check(len(rows) >= 2, f"SELECT as JSON by GET: {len(rows)} national centres")
    check("Federation of Trade Unions of the Republic of Kazakhstan" in names, "FTURK is among them")

    client.setReturnFormat(XML)
    xml = client.query().convert()
    check(len(xml.getElementsByTagName("result")) == len(rows), "the same results as SPARQL XML")

    client.setReturnFormat(CSV)
    csv = client.query().convert().decode("utf-8").splitlines()
    check(csv[0].startswith("o,name") and len(csv) == len(rows) + 1, "the same results as CSV")

    for method, name in ((POST, "a POSTed form"), (POSTDIRECTLY, "a POSTed application/sparql-query")):
        post = SPARQLWrapper(endpoint)
        post.setMethod(POST)
        if method == POSTDIRECTLY:
            post.setRequestMethod(POSTDIRECTLY)
        post.setQuery(CENTRES)
        post.setReturnFormat(JSON)
        check(len(post.query().convert()["results"]["bindings"]) == len(rows), f"the same results as {name}")

    client.setQuery(PREFIXES + "ASK { ?p a schema:Person }")
    client.setReturnFormat(JSON)
    check(client.query().convert()["boolean"] is True, "ASK")

    sizes = {}
    for fmt in (TURTLE, RDFXML, JSONLD, N3):
        client.setQuery(PEOPLE)
        client.setReturnFormat(fmt)
        graph = client.queryAndConvert()
        if not isinstance(graph, Graph):
            graph = Graph().parse(data=graph, format="turtle" if fmt in (TURTLE, N3) else fmt)
        sizes[fmt] = len(graph)
    check(len(set(sizes.values())) == 1 and sizes[TURTLE] > 0, f"CONSTRUCT in Turtle, RDF/XML, JSON-LD: {sizes}")

    graph_client = SPARQLWrapper(endpoint)
    graph_client.addDefaultGraph("https://example.org/labourgraph/graph/metadata")
    graph_client.setQuery(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?o a lg:NationalTradeUnionCentre }")
    graph_client.setReturnFormat(JSON)
    n = int(graph_client.query().convert()["results"]["bindings"][0]["n"]["value"])
    check(n == 0, "default-graph-uri restricts the default graph (no organisations in the metadata graph)")

    bad = SPARQLWrapper(endpoint)
    bad.setQuery("SELECT * WHERE { ?s ?p }")
    try:
        bad.query()
        raise AssertionError("a malformed query must fail")
    except QueryBadFormed as e:
        check("error at 1:" in str(e), "a malformed query is refused with 400 and its position")

    update = SPARQLWrapper(endpoint)
    update.setMethod(POST)
    update.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    try:
        update.query()
        raise AssertionError("an update must be refused")
    except urllib.error.HTTPError as e:
        check(e.code == 403, "an update is refused with 403")


def rdflib_store(endpoint):
    print("rdflib SPARQLStore")
    store = SPARQLStore(endpoint)
    graph = Graph(store=store)
    rows = list(graph.query(CENTRES))
    check(len(rows) >= 2, f"Graph.query over the store: {len(rows)} rows")
    fturk = next(r.o for r in rows if str(r.name) == "Federation of Trade Unions of the Republic of Kazakhstan")
    triples = list(graph.triples((fturk, None, None)))
    check(len(triples) > 5, f"triples((fturk, ?, ?)): {len(triples)} statements")
    check((fturk, RDF.type, URIRef(SCHEMA + "WorkersUnion")) in graph, "a triple membership test")
    names = list(graph.objects(fturk, URIRef(SCHEMA + "name")))
    check(Literal("Federation of Trade Unions of the Republic of Kazakhstan", lang="en") in names, "objects() with a language tag")
    check(len(store) > 1000, f"len(store): {len(store)} triples")
    constructed = graph.query(PEOPLE).graph
    check(len(constructed) > 0, f"CONSTRUCT through the store: {len(constructed)} triples")

    writer = SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=endpoint)
    try:
        writer.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        raise AssertionError("an update must be refused")
    except Exception as e:  # rdflib raises the urllib error it got
        check("403" in str(e), f"SPARQLUpdateStore.update is refused ({type(e).__name__})")


def main():
    endpoint = sys.argv[1].rstrip("/") + "/sparql"
    sparqlwrapper(endpoint)
    rdflib_store(endpoint)
    print("clients: all checks passed")


if __name__ == "__main__":
    main()
