//! Federated queries: a query that calls SERVICE is refused unless
//! `query --federate` is given; with it, Oxigraph's HTTP client asks the
//! remote endpoint (here a tiny scripted SPARQL endpoint on 127.0.0.1; the
//! local Virtuoso in `tests/interop/virtuoso.sh`).

mod common;

use common::labourgraph;

use common::http::{Reply, closed_port_url, serve};
use predicates::prelude::*;
use std::time::{Duration, Instant};

/// The mini fixture's national centres, joined with a label the "remote"
/// endpoint gives for each.
fn federated_query(endpoint: &str) -> String {
    format!(
        "SELECT ?name ?remote WHERE {{
           ?o a lg:NationalTradeUnionCentre ; schema:name ?name .
           SERVICE <{endpoint}/sparql> {{ ?o rdfs:label ?remote }}
         }} ORDER BY ?name"
    )
}

const ANSWER: &str = r#"{"head": {"vars": ["o", "remote"]}, "results": {"bindings": [
  {"o": {"type": "uri", "value": "https://example.org/mini/organisation/rengo"},
   "remote": {"type": "literal", "value": "label from the remote endpoint"}}]}}"#;

#[test]
fn service_is_refused_without_federate() {
    let project = common::project();
    let server = serve(|_, _| Reply::status(500));
    labourgraph(project.path())
        .args(["query", &federated_query(&server.url)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("federated queries are off"))
        .stderr(predicate::str::contains("--federate"));
    assert!(server.requests().is_empty(), "no request left the machine");
}

#[test]
fn federate_asks_the_remote_endpoint() {
    let project = common::project();
    let server = serve(|_, _| {
        Reply::Status(
            200,
            vec![("Content-Type", "application/sparql-results+json".into())],
            ANSWER.into(),
        )
    });
    labourgraph(project.path())
        .args([
            "query",
            "--federate",
            "--format",
            "csv",
            &federated_query(&server.url),
        ])
        .assert()
        .success()
        .stdout(predicate::str::diff(
            "name,remote\r\nJapanese Trade Union Confederation,label from the remote endpoint\r\n",
        ));
    let requests = server.requests();
    assert!(!requests.is_empty());
    // The SPARQL 1.1 Protocol's URL-encoded POST, which every endpoint accepts.
    let r = &requests[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.target, "/sparql");
    assert_eq!(
        r.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    let body = String::from_utf8(r.body.clone()).unwrap();
    let value = body.strip_prefix("query=").unwrap().replace('+', " ");
    let query = percent_encoding::percent_decode_str(&value)
        .decode_utf8()
        .unwrap()
        .into_owned();
    assert!(
        query.contains("<http://www.w3.org/2000/01/rdf-schema#label>"),
        "{query}"
    );
}

#[test]
fn an_unreachable_or_silent_endpoint_fails_the_query() {
    let project = common::project();
    labourgraph(project.path())
        .args(["query", "--federate", &federated_query(&closed_port_url())])
        .assert()
        .code(4);
    let server = serve(|_, _| Reply::Hang);
    let start = Instant::now();
    labourgraph(project.path())
        .args([
            "query",
            "--federate",
            "--service-timeout",
            "1",
            &federated_query(&server.url),
        ])
        .assert()
        .code(4);
    assert!(start.elapsed() < Duration::from_secs(30));
}
