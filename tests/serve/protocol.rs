//! The SPARQL 1.1 Protocol at /sparql: the three ways to send a query, the
//! dataset parameters, content negotiation, the service description, and
//! each kind of bad request answered with its status while the server
//! stays up.

use super::server::{BASE, Server, encode, parse_rdf};
use oxigraph::io::RdfFormat;

const NAMES: &str =
    "SELECT ?name WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn names(results: &serde_json::Value) -> Vec<String> {
    results["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"]["value"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn get_post_form_and_post_query_give_the_same_results() {
    let server = Server::start(&[]);
    let get = server.sparql(NAMES, None);
    assert_eq!(get.status, 200, "{}", get.body);
    assert_eq!(
        get.header("content-type"),
        "application/sparql-results+json"
    );
    assert_eq!(get.header("access-control-allow-origin"), "*");
    let expected = [
        "Federation of Trade Unions of the Republic of Kazakhstan",
        "Japanese Trade Union Confederation",
    ];
    assert_eq!(names(&json(&get.body)), expected);
    let form = server.send(
        "POST",
        "/sparql",
        "application/x-www-form-urlencoded",
        &encode(&[("query", NAMES)]),
    );
    assert_eq!(form.status, 200);
    assert_eq!(names(&json(&form.body)), expected);
    let direct = server.send("POST", "/sparql", "application/sparql-query", NAMES);
    assert_eq!(direct.status, 200);
    assert_eq!(names(&json(&direct.body)), expected);
}

#[test]
fn results_formats_are_negotiated() {
    let server = Server::start(&[]);
    let cases = [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        (
            "application/xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("text/csv", "text/csv; charset=utf-8", "name\r\nFederation"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            "?name\n\"Federation",
        ),
        (
            "text/csv;q=0.5, application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("*/*", "application/sparql-results+json", "\"bindings\""),
    ];
    for (accept, media, start) in cases {
        let reply = server.sparql(NAMES, Some(accept));
        assert_eq!(reply.status, 200, "{accept}");
        assert_eq!(reply.header("content-type"), media, "{accept}");
        assert!(reply.body.contains(start), "{accept}: {}", reply.body);
        assert_eq!(reply.header("vary"), "Accept");
    }
    let csv = server.get(
        &format!("/sparql?{}", encode(&[("query", NAMES), ("format", "csv")])),
        Some("application/json"),
    );
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    let ask = server.sparql(
        "ASK { ?p a schema:Person }",
        Some("application/sparql-results+xml"),
    );
    assert!(ask.body.contains("<boolean>true</boolean>"), "{}", ask.body);
    let refused = server.sparql(NAMES, Some("image/png"));
    assert_eq!(refused.status, 406);
    assert!(refused.body.contains("application/sparql-results+json"));
    // A browser is sent to the query page with the query.
    let browser = server.sparql(NAMES, Some("text/html,application/xhtml+xml,*/*;q=0.8"));
    assert_eq!(browser.status, 303);
    assert!(browser.header("location").starts_with("/?query=SELECT"));
}

#[test]
fn construct_and_describe_in_every_rdf_format() {
    let server = Server::start(&[]);
    let construct = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }";
    let mut graphs = Vec::new();
    for (accept, media, format) in [
        (
            "text/turtle",
            "text/turtle; charset=utf-8",
            RdfFormat::Turtle,
        ),
        (
            "application/n-triples",
            "application/n-triples",
            RdfFormat::NTriples,
        ),
        (
            "application/ld+json",
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        (
            "application/rdf+xml",
            "application/rdf+xml",
            RdfFormat::RdfXml,
        ),
    ] {
        let reply = server.sparql(construct, Some(accept));
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-type"), media);
        graphs.push(parse_rdf(&reply.body, format));
    }
    assert_eq!(graphs[0].len(), 2, "{:?}", graphs[0]);
    assert!(graphs.iter().all(|g| g == &graphs[0]));
    let describe = server.sparql(
        "DESCRIBE person:tomoko-yoshino",
        Some("application/n-triples"),
    );
    let triples = parse_rdf(&describe.body, RdfFormat::NTriples);
    assert!(
        triples.iter().any(|t| t.contains("\"Tomoko Yoshino\"@en")),
        "{triples:?}"
    );
    let refused = server.sparql(construct, Some("application/sparql-results+json"));
    assert_eq!(refused.status, 406);
    // A `format` parameter as SPARQLWrapper and others send it; one that
    // does not fit leaves the choice to Accept.
    for (format, media) in [
        ("json", "application/ld+json"),
        ("rdf+xml", "application/rdf+xml"),
        ("csv", "text/turtle; charset=utf-8"),
    ] {
        let path = format!(
            "/sparql?{}",
            encode(&[("query", construct), ("format", format), ("output", format)])
        );
        assert_eq!(
            server
                .get(&path, Some("text/turtle"))
                .header("content-type"),
            media,
            "{format}"
        );
    }
}

#[test]
fn dataset_parameters_choose_the_graphs() {
    let server = Server::start(&[]);
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let n = |reply: &super::server::Reply| -> u64 {
        let v = json(&reply.body);
        v["results"]["bindings"][0]["n"]["value"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    let union = n(&server.sparql(count, None));
    let metadata = format!("{BASE}graph/metadata");
    let one = server.get(
        &format!(
            "/sparql?{}",
            encode(&[("query", count), ("default-graph-uri", &metadata)])
        ),
        None,
    );
    assert_eq!(one.status, 200);
    let in_metadata = n(&one);
    assert!(
        0 < in_metadata && in_metadata < union,
        "{in_metadata} of {union}"
    );
    let graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
    let named = server.send(
        "POST",
        &format!("/sparql?{}", encode(&[("named-graph-uri", &metadata)])),
        "application/sparql-query",
        graphs,
    );
    let v = json(&named.body);
    let found: Vec<&str> = v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["g"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(found, [metadata.as_str()]);
    let bad = server.get(
        &format!(
            "/sparql?{}",
            encode(&[("query", count), ("default-graph-uri", "not an iri")])
        ),
        None,
    );
    assert_eq!(bad.status, 400);
}

#[test]
fn service_description_without_a_query() {
    let server = Server::start(&[]);
    let reply = server.get("/sparql", Some("text/turtle"));
    assert_eq!(reply.status, 200);
    let triples = parse_rdf(&reply.body, RdfFormat::Turtle).join("\n");
    assert!(triples.contains("<http://www.w3.org/ns/sparql-service-description#Service>"));
    assert!(triples.contains(&format!(
        "<http://www.w3.org/ns/sparql-service-description#endpoint> <{}/sparql>",
        server.url
    )));
    assert!(triples.contains("#UnionDefaultGraph>"));
    assert!(
        triples.contains(&format!("<{BASE}graph/metadata>")),
        "named graphs are listed"
    );
    let html = server.get("/sparql", Some("text/html"));
    assert!(html.body.contains("<h1>SPARQL endpoint</h1>"));
}

#[test]
fn bad_requests_get_their_status_and_the_server_stays_up() {
    let server = Server::start(&["--max-body", "1000"]);
    let syntax = server.sparql("SELECT * WHERE { ?s ?p }", None);
    assert_eq!(syntax.status, 400);
    assert!(
        syntax.body.contains("invalid SPARQL query: error at 1:"),
        "{}",
        syntax.body
    );
    for (method, content_type, body) in [
        (
            "POST",
            "application/sparql-update",
            "INSERT DATA { <a:a> <a:b> <a:c> }",
        ),
        (
            "POST",
            "application/x-www-form-urlencoded",
            "update=DROP+ALL",
        ),
        (
            "POST",
            "application/sparql-query",
            "DELETE WHERE { ?s ?p ?o }",
        ),
    ] {
        let reply = server.send(method, "/sparql", content_type, body);
        assert_eq!(reply.status, 403, "{content_type}: {}", reply.body);
        assert!(reply.body.contains("read-only"));
    }
    assert_eq!(server.sparql("CLEAR ALL", None).status, 403);
    // The endpoint does not federate: SERVICE calls are refused.
    let service = server.sparql(
        "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }",
        None,
    );
    assert_eq!(service.status, 400, "{}", service.body);
    assert!(
        service.body.contains("http://example.com/sparql"),
        "{}",
        service.body
    );
    assert_eq!(server.get("/sparql?update=CLEAR+ALL", None).status, 403);
    let wrong = server.send("PUT", "/sparql", "text/plain", "x");
    assert_eq!(wrong.status, 405);
    assert_eq!(wrong.header("allow"), "GET, HEAD, POST, OPTIONS");
    assert_eq!(
        server
            .send("DELETE", "/person/tomoko-yoshino", "text/plain", "")
            .status,
        405
    );
    assert_eq!(
        server
            .send("POST", "/.well-known/void", "text/plain", "")
            .status,
        405
    );
    let media = server.send("POST", "/sparql", "text/plain", "ASK {}");
    assert_eq!(media.status, 415);
    let big = format!("ASK {{ FILTER(\"{}\" != \"\") }}", "x".repeat(2000));
    let large = server.send("POST", "/sparql", "application/sparql-query", &big);
    assert_eq!(large.status, 413, "{}", large.body);
    let large_form = server.send(
        "POST",
        "/",
        "application/x-www-form-urlencoded",
        &encode(&[("query", &big)]),
    );
    assert_eq!(large_form.status, 413);
    let missing = server.send(
        "POST",
        "/sparql",
        "application/x-www-form-urlencoded",
        "nothing=here",
    );
    assert_eq!(missing.status, 400);
    let two = server.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None);
    assert_eq!(two.status, 400);
    // A body sent in chunks, without a length, is cut off at the limit too.
    let (status, _) = server.raw(&format!(
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    ));
    assert_eq!(status, "HTTP/1.1 413 Payload Too Large");
    // Garbage instead of HTTP.
    let (status, _) = server.raw("NONSENSE\r\n\r\n");
    assert!(status.starts_with("HTTP/1.1 400"), "{status}");
    let ok = server.sparql("ASK { ?s ?p ?o }", None);
    assert_eq!(ok.status, 200);
    assert!(ok.body.contains("true"));
}

#[test]
fn options_allow_cross_origin_queries() {
    let server = Server::start(&[]);
    let reply = server.send("OPTIONS", "/sparql", "text/plain", "");
    assert_eq!(reply.status, 204);
    assert!(
        reply
            .header("access-control-allow-headers")
            .contains("Content-Type")
    );
    assert_eq!(reply.header("access-control-allow-origin"), "*");
}
