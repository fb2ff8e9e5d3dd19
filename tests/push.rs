//! `push`: every named graph sent with the Graph Store Protocol (one PUT per
//! graph), credentials from the environment, and clear errors with exit
//! code 5 when the remote side refuses, fails or does not answer — against a
//! tiny scripted HTTP server on 127.0.0.1. (Virtuoso, for real, is
//! `tests/interop/virtuoso.sh`.)

mod common;

use assert_cmd::Command;
use base64::Engine;
use common::http::{Reply, Request, closed_port_url, serve};
use md5::{Digest, Md5};
use oxigraph::io::{RdfFormat, RdfParser};
use predicates::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

const USER: &str = "LABOURGRAPH_PUSH_USER";
const PASSWORD: &str = "LABOURGRAPH_PUSH_PASSWORD";

/// A project with the mini fixture, built.
fn built() -> tempfile::TempDir {
    let project = common::project();
    labourgraph(project.path()).arg("build").assert().success();
    project
}

/// The binary without credentials from the environment.
fn labourgraph(project: &Path) -> Command {
    let mut cmd = common::labourgraph(project);
    cmd.env_remove(USER).env_remove(PASSWORD);
    cmd
}

fn push(project: &Path, endpoint: &str) -> Command {
    let mut cmd = labourgraph(project);
    cmd.args(["push", "--endpoint", endpoint]);
    cmd
}

/// The graphs of the built mini fixture, sorted, and their triple count.
fn graphs_of(project: &Path) -> (Vec<String>, usize) {
    let out = labourgraph(project)
        .args(["export", "--format", "nquads"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let quads: Vec<_> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&out)
        .collect::<Result<_, _>>()
        .unwrap();
    let graphs: BTreeSet<String> = quads
        .iter()
        .map(|q| q.graph_name.to_string().trim_matches(['<', '>']).to_owned())
        .collect();
    (graphs.into_iter().collect(), quads.len())
}

fn graph_param(r: &Request) -> String {
    let query = r.target.split_once('?').unwrap().1;
    let value = query.strip_prefix("graph=").unwrap();
    percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[test]
fn every_graph_is_put_as_n_triples() {
    let project = built();
    let (graphs, quads) = graphs_of(project.path());
    let server = serve(|_, _| Reply::status(201));
    let endpoint = format!("{}/store", server.url);
    let out = push(project.path(), &endpoint).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), graphs.len());
    let mut sent = Vec::new();
    let mut triples = 0;
    for r in &requests {
        assert_eq!(r.method, "PUT");
        assert!(r.target.starts_with("/store?graph="), "{}", r.target);
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/n-triples"),
            "{r:?}"
        );
        assert!(r.header("authorization").is_none());
        triples += RdfParser::from_format(RdfFormat::NTriples)
            .for_slice(&r.body)
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
            .len();
        sent.push(graph_param(r));
    }
    assert_eq!(sent, graphs, "one PUT per graph, in order");
    assert_eq!(triples, quads, "every triple is sent once");
    assert!(
        stdout.contains(&format!("sent <{}>", graphs[0])),
        "{stdout}"
    );
}

#[test]
fn a_refused_connection_is_reported() {
    let project = built();
    let (graphs, _) = graphs_of(project.path());
    push(project.path(), &format!("{}/store", closed_port_url()))
        .assert()
        .code(5)
        .stderr(predicate::str::contains("cannot connect"))
        .stderr(predicate::str::contains(format!(
            "no graph was sent (0 of {})",
            graphs.len()
        )));
}

#[test]
fn credentials_are_asked_for_and_come_from_the_environment() {
    let project = built();
    let (graphs, _) = graphs_of(project.path());
    let challenge = || {
        Reply::Status(
            401,
            vec![("WWW-Authenticate", "Basic realm=\"test\"".into())],
            String::new(),
        )
    };
    let server = serve(move |_, _| challenge());
    push(project.path(), &server.url)
        .assert()
        .code(5)
        .stderr(predicate::str::contains("HTTP 401"))
        .stderr(predicate::str::contains(
            "set LABOURGRAPH_PUSH_USER and LABOURGRAPH_PUSH_PASSWORD",
        ));

    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("alice:s3cret")
    );
    let server = serve(move |_, r| {
        if r.header("authorization") == Some(expected.as_str()) {
            Reply::status(204)
        } else {
            challenge()
        }
    });
    push(project.path(), &server.url)
        .env(USER, "alice")
        .env(PASSWORD, "s3cret")
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        graphs.len() + 1,
        "one challenge, then every graph"
    );
    assert!(
        requests[1..]
            .iter()
            .all(|r| r.header("authorization").is_some())
    );

    push(project.path(), &server.url)
        .env(USER, "alice")
        .env(PASSWORD, "wrong")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("rejected the credentials"));

    push(project.path(), &server.url)
        .env(USER, "alice")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("set both"));
}

/// `MD5(text)` in hex.
fn md5_hex(text: &str) -> String {
    Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks an RFC 7616 Digest `Authorization` header (qop=auth, MD5).
fn digest_ok(header: &str, method: &str, user: &str, password: &str) -> bool {
    let Some(fields) = header.strip_prefix("Digest ") else {
        return false;
    };
    let get = |name: &str| {
        fields.split(',').find_map(|f| {
            let (k, v) = f.trim().split_once('=')?;
            (k == name).then(|| v.trim_matches('"').to_owned())
        })
    };
    let (Some(uri), Some(nc), Some(cnonce), Some(response)) =
        (get("uri"), get("nc"), get("cnonce"), get("response"))
    else {
        return false;
    };
    let ha1 = md5_hex(&format!("{user}:test:{password}"));
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    get("username").as_deref() == Some(user)
        && response == md5_hex(&format!("{ha1}:n0nce:{nc}:{cnonce}:auth:{ha2}"))
}

#[test]
fn a_digest_challenge_is_answered() {
    let project = built();
    let (graphs, _) = graphs_of(project.path());
    let server = serve(|_, r| match r.header("authorization") {
        Some(h) if digest_ok(h, &r.method, "bob", "pw") => Reply::status(201),
        _ => Reply::Status(
            401,
            vec![(
                "WWW-Authenticate",
                "Digest realm=\"test\", nonce=\"n0nce\", qop=\"auth\", algorithm=MD5".into(),
            )],
            String::new(),
        ),
    });
    push(
        project.path(),
        &format!("{}/sparql-graph-crud-auth", server.url),
    )
    .args(["--auth", "digest"])
    .env(USER, "bob")
    .env(PASSWORD, "pw")
    .assert()
    .success()
    .stdout(predicate::str::contains("(HTTP 201)"));
    assert_eq!(server.requests().len(), graphs.len() + 1);
}

#[test]
fn a_server_error_is_reported_with_its_message() {
    let project = built();
    let server = serve(|_, _| {
        Reply::Status(
            500,
            Vec::new(),
            "<html><body><h1>Error</h1> SPARQL store is read-only</body></html>".into(),
        )
    });
    push(project.path(), &server.url)
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "HTTP 500: Error SPARQL store is read-only",
        ));
}

#[test]
fn no_answer_within_the_timeout_is_reported() {
    let project = built();
    let server = serve(|_, _| Reply::Hang);
    let start = Instant::now();
    push(project.path(), &server.url)
        .args(["--timeout", "1"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("no answer within 1 s"));
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_partial_push_says_which_graphs_were_sent() {
    let project = built();
    let (graphs, _) = graphs_of(project.path());
    let server = serve(|n, _| {
        if n < 2 {
            Reply::status(201)
        } else {
            Reply::status(503)
        }
    });
    push(project.path(), &server.url)
        .assert()
        .code(5)
        .stdout(predicate::str::contains(format!("sent <{}>", graphs[1])))
        .stderr(predicate::str::contains(format!(
            "at graph <{}>: HTTP 503; 2 of {} graphs were sent: <{}>, <{}>",
            graphs[2],
            graphs.len(),
            graphs[0],
            graphs[1]
        )));
}

#[test]
fn only_the_graphs_asked_for_are_sent() {
    let project = built();
    let server = serve(|_, _| Reply::status(201));
    let g = "https://example.org/mini/graph/metadata";
    push(project.path(), &server.url)
        .args(["--graph", g])
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(graph_param(&requests[0]), g);
    push(project.path(), &server.url)
        .args(["--graph", "https://example.org/mini/graph/none"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the store has no graph"));
}
