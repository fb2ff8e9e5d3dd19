//! Linked data: every IRI minted under the base resolves, as HTML for
//! browsers and as RDF by `Accept` or extension; unknown IRIs get 404;
//! ontology terms resolve to the documentation; the base can be served
//! under a path.

use super::server::{BASE, BROWSER, Server, parse_rdf};
use oxigraph::io::RdfFormat;

#[test]
fn a_person_page_shows_labels_types_links_provenance_and_incoming_links() {
    let server = Server::start(&[]);
    let page = server.get("/person/satybaldy-dauletalin", Some(BROWSER));
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(page.header("vary"), "Accept");
    let html = &page.body;
    assert!(html.contains("<h1>Satybaldy Dauletalin</h1>"), "{html}");
    assert!(html.contains(&format!("<code>{BASE}person/satybaldy-dauletalin</code>")));
    // Its type, with a link.
    assert!(html.contains(r#"href="http://schema.org/Person""#));
    // Every property, values linked to their own pages (the post).
    assert!(html.contains(">schema:givenName</a>"));
    assert!(
        html.contains(r#"href="/person/satybaldy-dauletalin/post/fturk-chairman""#),
        "{html}"
    );
    // Provenance: the source article and the verbatim quote.
    assert!(html.contains(r#"id="source-1""#));
    assert!(html.contains(r#"href="/source/japan-trip""#));
    assert!(html.contains("<mark>Satybaldy Dauletalin</mark>"), "{html}");
    // Incoming links: the meeting's participation points to him.
    assert!(html.contains("Incoming links"));
    assert!(
        html.contains(r#"href="/event/yoshino-meeting/participation/satybaldy-dauletalin""#),
        "{html}"
    );
}

#[test]
fn rdf_by_accept_and_by_extension() {
    let server = Server::start(&[]);
    let path = "/organisation/fturk";
    let label = format!(
        "<{BASE}organisation/fturk> <http://www.w3.org/2000/01/rdf-schema#label> \"Federation of Trade Unions of the Republic of Kazakhstan\"@en"
    );
    let mut graphs = Vec::new();
    for (accept, ext, media, format) in [
        (
            "text/turtle",
            "ttl",
            "text/turtle; charset=utf-8",
            RdfFormat::Turtle,
        ),
        (
            "application/ld+json",
            "jsonld",
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        (
            "application/n-triples",
            "nt",
            "application/n-triples",
            RdfFormat::NTriples,
        ),
        (
            "application/rdf+xml",
            "rdf",
            "application/rdf+xml",
            RdfFormat::RdfXml,
        ),
    ] {
        let negotiated = server.get(path, Some(accept));
        assert_eq!(negotiated.status, 200, "{accept}");
        assert_eq!(negotiated.header("content-type"), media);
        let by_extension = server.get(&format!("{path}.{ext}"), Some(BROWSER));
        assert_eq!(by_extension.header("content-type"), media, "{ext}");
        let graph = parse_rdf(&negotiated.body, format);
        assert_eq!(graph, parse_rdf(&by_extension.body, format));
        assert!(graph.contains(&label), "{graph:?}");
        graphs.push(graph);
    }
    assert!(graphs.iter().all(|g| g == &graphs[0]));
    // Incoming statements are part of the description.
    assert!(
        graphs[0].iter().any(
            |t| t.ends_with(&format!("<{BASE}organisation/fturk>")) && t.contains("onBehalfOf")
        ),
        "{:?}",
        graphs[0]
    );
    // curl's default Accept gets Turtle; .html gets the page.
    assert_eq!(
        server.get(path, Some("*/*")).header("content-type"),
        "text/turtle; charset=utf-8"
    );
    assert!(
        server
            .get(&format!("{path}.html"), Some("*/*"))
            .body
            .starts_with("<!DOCTYPE html>")
    );
    assert_eq!(server.get(path, Some("image/png")).status, 406);
}

#[test]
fn every_minted_iri_resolves() {
    let server = Server::start(&[]);
    let iris = server.sparql(
        &format!("SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"{BASE}\")) }}"),
        Some("text/csv"),
    );
    let iris: Vec<&str> = iris.body.lines().skip(1).collect();
    assert!(iris.len() > 50, "{}", iris.len());
    for iri in iris {
        let path = iri.strip_prefix(BASE).unwrap();
        let page = server.get(&format!("/{path}"), Some(BROWSER));
        assert_eq!(page.status, 200, "{iri}");
        let nt = server.get(&format!("/{path}.nt"), None);
        assert_eq!(nt.status, 200, "{iri}");
        assert!(!parse_rdf(&nt.body, RdfFormat::NTriples).is_empty());
    }
}

#[test]
fn a_graph_page_links_to_its_statements() {
    let server = Server::start(&[]);
    let page = server.get("/graph/japan-trip", Some(BROWSER));
    assert_eq!(page.status, 200);
    let needle = "This is a named graph: <a href=\"";
    let start = page.body.find(needle).expect("a link") + needle.len();
    let href = &page.body[start..start + page.body[start..].find('"').unwrap()];
    let results = server.get(&href.replace("&amp;", "&"), Some(BROWSER));
    assert!(
        results.body.contains("<section id=\"results\">"),
        "{}",
        results.body
    );
    assert!(results.body.contains("href=\"/person/tomoko-yoshino\""));
}

#[test]
fn unknown_iris_get_404() {
    let server = Server::start(&[]);
    let page = server.get("/person/nobody", Some(BROWSER));
    assert_eq!(page.status, 404);
    assert!(page.body.contains("<h1>Not found</h1>"));
    assert!(page.body.contains(&format!("{BASE}person/nobody")));
    let text = server.get("/person/nobody.ttl", None);
    assert_eq!(text.status, 404);
    assert_eq!(text.header("content-type"), "text/plain; charset=utf-8");
    assert_eq!(server.get("/no/such/thing", None).status, 404);
    // Markup in a path is escaped on the 404 page.
    let hostile = server.get("/%3Cscript%3Ealert(1)%3C/script%3E", Some(BROWSER));
    assert_eq!(hostile.status, 404);
    assert!(!hostile.body.contains("<script>alert"), "{}", hostile.body);
    assert!(hostile.body.contains("&lt;script&gt;alert(1)"));
}

#[test]
fn ontology_terms_resolve_to_their_documentation() {
    let server = Server::start(&[]);
    let page = server.get("/ontology", Some(BROWSER));
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<section class="term" id="Meeting">"#));
    assert!(
        page.body
            .contains(r#"<section class="term" id="participant">"#)
    );
    assert!(page.body.contains("<h1>labourgraph ontology</h1>"));
    // Links to ontology terms from resource pages land on the anchors.
    let meeting = server.get("/event/yoshino-meeting", Some(BROWSER));
    assert!(
        meeting.body.contains(r#"href="/ontology#Meeting""#),
        "{}",
        meeting.body
    );
    let turtle = server.get("/ontology.ttl", None);
    let triples = parse_rdf(&turtle.body, RdfFormat::Turtle);
    assert!(
        triples
            .iter()
            .any(|t| t.starts_with("<https://example.org/labourgraph/ontology#Meeting>"))
    );
}

#[test]
fn the_base_can_be_served_under_a_path() {
    let server = Server::start(&["--base-path", "/data"]);
    let page = server.get("/data/person/tomoko-yoshino", Some(BROWSER));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"href="/data/source/japan-trip""#),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"href="/data/ontology""#));
    assert_eq!(
        server.get("/person/tomoko-yoshino", Some(BROWSER)).status,
        404
    );
    assert_eq!(server.get("/data/ontology", Some(BROWSER)).status, 200);
    // Query results link into the pages under the path.
    let results = server.get(
        "/?query=SELECT%20%3Fp%20WHERE%20%7B%3Fp%20a%20schema%3APerson%7D",
        Some(BROWSER),
    );
    assert!(
        results
            .body
            .contains(r#"href="/data/person/tomoko-yoshino""#)
    );
}
