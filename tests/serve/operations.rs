//! Running the server: the time limit and the result cap, VoID and the
//! release files (with path traversal refused), concurrent readers, the
//! access log, and a graceful shutdown on SIGTERM.

use super::server::{BASE, Server, parse_rdf, project};
use oxigraph::io::RdfFormat;

/// A query that takes far longer than a fraction of a second, reading the
/// store all along (Oxigraph checks the cancellation token on reads).
const SLOW: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<x:y>|^!<x:y>)* ?b . ?b ?p ?o }";

#[test]
fn a_query_over_the_time_limit_is_stopped() {
    let server = Server::start(&["--timeout", "0.3"]);
    let started = std::time::Instant::now();
    let reply = server.sparql(SLOW, None);
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.body.contains("limit of 0.3 s"), "{}", reply.body);
    assert!(started.elapsed().as_secs() < 10);
    let page = server.get(
        &format!("/?{}", super::server::encode(&[("query", SLOW)])),
        Some("text/html"),
    );
    assert_eq!(page.status, 503);
    assert_eq!(server.sparql("ASK {}", None).status, 200);
}

#[test]
fn results_are_cut_off_at_the_cap() {
    let server = Server::start(&["--max-results", "5"]);
    let select = server.sparql("SELECT * WHERE { ?s ?p ?o }", Some("text/csv"));
    assert_eq!(select.status, 200);
    assert_eq!(select.body.lines().count(), 1 + 5);
    assert_eq!(select.header("x-sparql-maxrows"), "5");
    let construct = server.sparql(
        "CONSTRUCT WHERE { ?s ?p ?o }",
        Some("application/n-triples"),
    );
    assert_eq!(parse_rdf(&construct.body, RdfFormat::NTriples).len(), 5);
    assert_eq!(construct.header("x-sparql-maxrows"), "5");
    let small = server.sparql("SELECT ?p WHERE { ?p a schema:Person }", Some("text/csv"));
    assert_eq!(small.header("x-sparql-maxrows"), "");
    let page = server.get(
        "/?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D",
        Some("text/html"),
    );
    assert!(page.body.contains("cut off at the limit of 5 results"));
}

#[test]
fn void_describes_the_dataset_and_its_endpoint() {
    let server = Server::start(&[]);
    let reply = server.get("/.well-known/void", None);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), "text/turtle; charset=utf-8");
    let triples = parse_rdf(&reply.body, RdfFormat::Turtle).join("\n");
    let dataset = format!("<{BASE}dataset>");
    assert!(triples.contains(&format!("{dataset} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset>")));
    assert!(
        triples.contains(&format!(
            "{dataset} <http://purl.org/dc/terms/title> \"Mini fixture\"@en"
        )),
        "{triples}"
    );
    assert!(triples.contains(&format!("{dataset} <http://purl.org/dc/terms/license> <https://creativecommons.org/licenses/by/4.0/>")));
    assert!(triples.contains(&format!(
        "{dataset} <http://rdfs.org/ns/void#sparqlEndpoint> <{}/sparql>",
        server.url
    )));
    assert!(triples.contains("<http://rdfs.org/ns/void#triples>"));
    assert!(!triples.contains("dataDump"), "no release directory");
    // Behind a proxy, the endpoint is where clients reach it.
    let (status, proxied) = server.raw(
        "GET /.well-known/void HTTP/1.1\r\nHost: data.example.org\r\nX-Forwarded-Proto: https\r\nAccept: application/n-triples\r\nConnection: close\r\n\r\n",
    );
    assert!(status.contains(" 200 "), "{status}");
    assert!(
        proxied
            .contains("<http://rdfs.org/ns/void#sparqlEndpoint> <https://data.example.org/sparql>")
    );
    let jsonld = server.get("/.well-known/void", Some("application/ld+json"));
    assert_eq!(jsonld.header("content-type"), "application/ld+json");
    assert_eq!(server.get("/release/", None).status, 404);
}

#[test]
fn release_files_download_and_traversal_is_refused() {
    let project = project();
    let release = project.path().join("release");
    std::fs::create_dir_all(release.join("sub")).unwrap();
    std::fs::write(
        release.join("labourgraph.nq"),
        "<a:s> <a:p> <a:o> <a:g> .\n",
    )
    .unwrap();
    std::fs::write(release.join("sub/notes.txt"), "notes\n").unwrap();
    std::fs::write(project.path().join("secret.txt"), "SECRET\n").unwrap();
    std::os::unix::fs::symlink(project.path().join("secret.txt"), release.join("link.txt"))
        .unwrap();
    let server = Server::start_in(project, &["--release", "release"]);
    let listing = server.get("/release/", Some("text/html"));
    assert_eq!(listing.status, 200);
    assert!(
        listing
            .body
            .contains(r#"<a href="labourgraph.nq">labourgraph.nq</a>"#),
        "{}",
        listing.body
    );
    let dump = server.get("/release/labourgraph.nq", None);
    assert_eq!(dump.status, 200);
    assert_eq!(dump.header("content-type"), "application/n-quads");
    assert_eq!(dump.body, "<a:s> <a:p> <a:o> <a:g> .\n");
    assert_eq!(server.get("/release/sub/notes.txt", None).body, "notes\n");
    let sub = server.get("/release/sub", Some("text/html"));
    assert_eq!(sub.status, 301);
    assert_eq!(sub.header("location"), "/release/sub/");
    let sub = server.get("/release/sub/", Some("text/html"));
    assert!(
        sub.body.contains(r#"<a href="notes.txt">notes.txt</a>"#),
        "{}",
        sub.body
    );
    assert_eq!(server.get("/release/missing.nq", None).status, 404);
    let void = parse_rdf(
        &server.get("/.well-known/void", None).body,
        RdfFormat::Turtle,
    )
    .join("\n");
    assert!(
        void.contains(&format!(
            "<http://rdfs.org/ns/void#dataDump> <{}/release/labourgraph.nq>",
            server.url
        )),
        "{void}"
    );
    for path in [
        "/release/../secret.txt",
        "/release/%2e%2e/secret.txt",
        "/release/..%2fsecret.txt",
        "/release/%2E%2E%2Fsecret.txt",
        "/release/sub/../../secret.txt",
        "/release/..\\secret.txt",
        "/release/..%5csecret.txt",
        "/release/%2fetc%2fpasswd",
        "/release//etc/passwd",
        "/release/link.txt",
        "/release/.hidden",
    ] {
        let (status, rest) = server.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ));
        assert!(
            status.contains(" 400 ") || status.contains(" 404 "),
            "{path}: {status}"
        );
        assert!(
            !rest.contains("SECRET") && !rest.contains("root:"),
            "{path}"
        );
    }
    assert_eq!(
        server.get("/release/labourgraph.nq", None).status,
        200,
        "still up"
    );
}

#[test]
fn concurrent_readers_get_consistent_answers() {
    let server = Server::start(&[]);
    let expected = server.get("/person/tomoko-yoshino.nt", None).body;
    std::thread::scope(|scope| {
        for i in 0..8 {
            let server = &server;
            let expected = &expected;
            scope.spawn(move || {
                for j in 0..15 {
                    match (i + j) % 3 {
                        0 => assert_eq!(
                            &server.get("/person/tomoko-yoshino.nt", None).body,
                            expected
                        ),
                        1 => assert_eq!(
                            server
                                .sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 50", None)
                                .status,
                            200
                        ),
                        _ => assert_eq!(
                            server.get("/organisation/rengo", Some("text/html")).status,
                            200
                        ),
                    }
                }
            });
        }
    });
}

#[test]
fn access_log_head_requests_and_graceful_shutdown() {
    let server = Server::start(&[]);
    let head = server.send("HEAD", "/person/tomoko-yoshino", "text/plain", "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(server.get("/person/nobody", None).status, 404);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let log = server.log();
    let line = log
        .iter()
        .find(|l| l.starts_with("GET /person/nobody "))
        .unwrap_or_else(|| panic!("{log:?}"));
    let fields: Vec<&str> = line.split(' ').collect();
    assert_eq!(fields.len(), 5, "method path status bytes duration: {line}");
    assert_eq!(fields[2], "404");
    assert!(fields[3].parse::<u64>().unwrap() > 0);
    assert!(fields[4].ends_with("ms") && fields[4].trim_end_matches("ms").parse::<f64>().is_ok());
    assert!(
        log.iter()
            .any(|l| l.starts_with("HEAD /person/tomoko-yoshino 200 "))
    );
    let stopped = server.terminate();
    assert!(stopped, "the server exits cleanly on SIGTERM");
}

#[test]
fn a_published_release_is_offered_for_download() {
    let project = project();
    let published = std::process::Command::new(env!("CARGO_BIN_EXE_labourgraph"))
        .current_dir(project.path())
        .args(["-q", "publish", "--out", "release"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(published.success());
    let dump = std::fs::read_to_string(project.path().join("release/labourgraph.nq")).unwrap();
    let server = Server::start_in(project, &["--release", "release"]);
    let downloaded = server.get("/release/labourgraph.nq", None);
    assert_eq!(downloaded.header("content-type"), "application/n-quads");
    assert_eq!(downloaded.body, dump);
    let void = parse_rdf(
        &server.get("/.well-known/void", None).body,
        RdfFormat::Turtle,
    );
    let dumps: Vec<&String> = void.iter().filter(|t| t.contains("#dataDump>")).collect();
    assert!(
        dumps
            .iter()
            .any(|t| t.ends_with(&format!("<{}/release/labourgraph.nq>", server.url))),
        "{dumps:?}"
    );
    assert!(dumps.iter().all(|t| !t.contains("void.ttl")), "{dumps:?}");
    let listing = server.get("/release/", Some("text/html")).body;
    assert!(
        listing.contains(r#"<a href="tables/">tables/</a>"#),
        "{listing}"
    );
    for link in dumps {
        let url = link.rsplit('<').next().unwrap().trim_end_matches('>');
        let path = url.strip_prefix(&server.url).unwrap();
        // HEAD: the gzipped dumps are not text.
        let head = server.send("HEAD", path, "text/plain", "");
        assert_eq!(head.status, 200, "{path}");
    }
}
