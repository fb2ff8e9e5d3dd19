//! Federated queries: a query that calls SERVICE is refused unless
//! `query --federate` is given; with it, Oxigraph's HTTP client asks the
//! remote endpoint (here a tiny scripted SPARQL endpoint on 127.0.0.1; the
//! local Virtuoso in `tests/interop/virtuoso.sh`).

mod common;

use assert_cmd::Command;
use common::http::{Reply, closed_port_url, serve};
use predicates::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

fn labourgraph(project: &Path) -> Command {
    let mut cmd = Command::cargo_bin("labourgraph").unwrap();
    cmd.current_dir(project);
    cmd
}

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
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].target, "/sparql");
    assert!(String::from_utf8_lossy(&requests[0].body).contains("rdf-schema#label"));
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
