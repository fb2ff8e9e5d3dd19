//! The interoperability contract, checked by SPARQL over the built graph of
//! the mini fixture and of the curated corpus in `data/`: other tools and
//! datasets rely on it holding for every record.

mod common;

use labourgraph::query::{self, prefixes};
use labourgraph::store;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::path::Path;

fn build(data: &Path) -> (Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let (store, manifest, _) = store::build(data, dir.path(), &Default::default()).unwrap();
    (store, manifest.base)
}

/// The rows of a SELECT query, each as `?var=value` strings.
fn select(store: &Store, base: &str, q: &str) -> Vec<String> {
    let prepared = query::prepare(q, None, &[], &[], base, &prefixes(base)).unwrap();
    let QueryResults::Solutions(solutions) = query::execute(store, prepared).unwrap().results
    else {
        panic!("not a SELECT")
    };
    solutions
        .map(|s| {
            s.unwrap()
                .iter()
                .map(|(v, t)| format!("{v}={t}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Asserts that a SELECT query (listing violations) returns nothing.
fn none(store: &Store, base: &str, what: &str, q: &str) {
    let rows = select(store, base, q);
    assert!(
        rows.is_empty(),
        "{what}: {} violations, e.g. {:#?}",
        rows.len(),
        &rows[..rows.len().min(10)]
    );
}

/// Records: IRIs `{base}{kind}/{id}` that are the body of some evidence or a source.
const RECORDS: &str = "
    { ?e prov:wasDerivedFrom ?src } UNION { ?e a schema:NewsArticle }
    FILTER(isIRI(?e) && REGEX(STR(?e), '^[^#]*/(organisation|person|event|agreement|document|place|figure|topic|source)/[a-z0-9-]+$'))";

fn check_contract(data: &Path) {
    let (store, base) = build(data);
    let b = &base;
    none(
        &store,
        b,
        "records without rdfs:label and schema:name",
        &format!(
            "SELECT DISTINCT ?e WHERE {{ {RECORDS} FILTER NOT EXISTS {{ ?e rdfs:label ?l ; schema:name ?n }} }}"
        ),
    );
    none(
        &store,
        b,
        "records without evidence",
        &format!(
            "SELECT DISTINCT ?e WHERE {{ {RECORDS} FILTER NOT EXISTS {{ ?e a schema:NewsArticle }}
           FILTER NOT EXISTS {{ ?a oa:hasBody ?e ; oa:hasTarget/oa:hasSelector/oa:exact ?q }} }}"
        ),
    );
    none(&store, b, "organisations without an ORG type", &format!(
        "SELECT ?e WHERE {{ ?e a schema:Organization FILTER(STRSTARTS(STR(?e), '{b}organisation/'))
           FILTER NOT EXISTS {{ ?e a ?t VALUES ?t {{ org:FormalOrganization org:OrganizationalUnit org:Organization }} }} }}"
    ));
    none(
        &store,
        b,
        "unions not typed schema:WorkersUnion",
        "SELECT ?e WHERE { ?e a lg:TradeUnion FILTER NOT EXISTS { ?e a schema:WorkersUnion } }",
    );
    none(
        &store,
        b,
        "people not schema:Person",
        "SELECT ?e WHERE { ?m org:member ?e FILTER NOT EXISTS { ?e a schema:Person } }",
    );
    none(
        &store,
        b,
        "participants who are not attendees",
        "SELECT ?e ?p WHERE {
        ?e lg:hasParticipation ?n . { ?n lg:participant ?p } UNION { ?n lg:onBehalfOf ?p }
        FILTER NOT EXISTS { ?e schema:attendee ?p } }",
    );
    none(
        &store,
        b,
        "events that are not schema:Event",
        "SELECT ?e WHERE { { ?e schema:attendee ?x } UNION { ?e schema:superEvent ?x } FILTER NOT EXISTS { ?e a schema:Event } }",
    );
    none(&store, b, "dates that are not typed", "SELECT ?e ?d WHERE {
        ?e ?p ?d VALUES ?p { schema:startDate schema:endDate schema:foundingDate schema:datePublished dcterms:issued }
        FILTER(DATATYPE(?d) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)) }");
    none(&store, b, "figures without a numeric value", "SELECT ?f WHERE { ?f a lg:ReportedFigure
        FILTER NOT EXISTS { ?f schema:value ?v FILTER(DATATYPE(?v) IN (xsd:integer, xsd:decimal)) } }");
    none(
        &store,
        b,
        "figures not linked to what they describe",
        "SELECT ?f WHERE { ?f a lg:ReportedFigure FILTER NOT EXISTS { ?f schema:about ?x } }",
    );
    none(
        &store,
        b,
        "agreements without parties",
        "SELECT ?a WHERE { ?a a lg:Agreement FILTER NOT EXISTS { ?a lg:party ?p } }",
    );
    none(
        &store,
        b,
        "posts not modelled with ORG",
        "SELECT ?m WHERE { ?m a org:Membership
        FILTER NOT EXISTS { ?m org:member ?p ; org:organization ?o ; org:role ?r } }",
    );
    none(
        &store,
        b,
        "blank nodes",
        "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o) || isBlank(?g)) }",
    );
    none(&store, b, "quotes not in their source's text", "SELECT ?q WHERE {
        ?t oa:hasSource ?src ; oa:hasSelector/oa:exact ?q . ?src schema:text ?text FILTER(!CONTAINS(STR(?text), ?q)) }");
    none(
        &store,
        b,
        "source graphs not described in the metadata graph",
        &format!(
            "SELECT ?g WHERE {{ GRAPH ?g {{ ?a a oa:Annotation }} FILTER NOT EXISTS {{ GRAPH <{b}graph/metadata> {{ ?g prov:wasDerivedFrom ?src . ?src a schema:NewsArticle }} }} }}"
        ),
    );
    none(&store, b, "lg: terms without label and comment in the ontology", &format!(
        "SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s a ?t }} UNION {{ ?s lg:status|lg:qualifier ?t }}
           FILTER(STRSTARTS(STR(?t), STR(lg:)))
           FILTER NOT EXISTS {{ GRAPH <{b}graph/ontology> {{ ?t rdfs:label ?l ; rdfs:comment ?c }} }} }}"
    ));
    none(
        &store,
        b,
        "triples in more than one graph (duplicates in the union)",
        "SELECT ?s ?p ?o WHERE {
        GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER(STR(?g1) < STR(?g2)) }",
    );
}

#[test]
fn the_mini_fixture_keeps_the_contract() {
    check_contract(&common::mini());
}

#[test]
fn the_curated_corpus_keeps_the_contract() {
    check_contract(&common::root().join("data"));
}
