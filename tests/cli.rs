//! Command-line tests: the real binary, run in a temporary project.

mod common;

use common::labourgraph;

use assert_cmd::Command;
use oxigraph::io::{RdfFormat, RdfParser};
use predicates::prelude::*;
use std::collections::BTreeSet;
use std::io::Read;

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn build_prints_a_summary_and_persists_the_store() {
    let project = common::project();
    labourgraph(project.path())
        .args(["--backend", "memory", "build"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Built 24 records into")
                .and(predicate::str::contains("organisation         4")),
        );
    assert!(project.path().join(".labourgraph/graph.nq").is_file());
}

#[test]
fn validate_reports_problems_with_positions_and_exit_code_3() {
    let project = common::project();
    std::fs::write(project.path().join("data/bad.json"), "{\"type\": \"topic\", \"id\": \"x\", \"name\": \"X\",\n \"broader\": [\"nope\"], \"evidence\": []}").unwrap();
    labourgraph(project.path())
        .arg("validate")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "data/bad.json:2:14: $.broader[0]: no record has the id `nope`",
        ))
        .stderr(predicate::str::contains(
            "bad.json:2:35: $.evidence: evidence is required",
        ))
        .stderr(predicate::str::contains(
            "labourgraph: 2 problems in the records; nothing was written",
        ));
}

#[test]
fn query_results_in_every_results_format() {
    let project = common::project();
    let q = "SELECT ?name WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name";
    let csv = stdout_of(labourgraph(project.path()).args(["query", q, "--format", "csv"]));
    assert_eq!(
        csv,
        "name\r\nFederation of Trade Unions of the Republic of Kazakhstan\r\nJapanese Trade Union Confederation\r\n"
    );
    let tsv = stdout_of(labourgraph(project.path()).args(["query", q, "--format", "tsv"]));
    assert!(tsv.starts_with("?name\n\"Federation"), "{tsv}");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        labourgraph(project.path()).args(["query", q, "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), 2);
    let xml = stdout_of(labourgraph(project.path()).args(["query", q, "--format", "xml"]));
    assert!(xml.contains("<sparql") && xml.contains("Japanese Trade Union Confederation"));
    let table = stdout_of(labourgraph(project.path()).args(["query", q]));
    assert!(
        table.contains("│ Japanese Trade Union Confederation"),
        "{table}"
    );
    let ask = stdout_of(labourgraph(project.path()).args(["query", "ASK { ?p a schema:Person }"]));
    assert_eq!(ask.trim(), "true");
}

#[test]
fn query_output_file_format_from_extension() {
    let project = common::project();
    labourgraph(project.path())
        .args([
            "query",
            "SELECT ?s WHERE { ?s a schema:Person }",
            "--output",
            "people.csv",
        ])
        .assert()
        .success();
    let csv = std::fs::read_to_string(project.path().join("people.csv")).unwrap();
    assert!(
        csv.starts_with("s\r\nhttps://example.org/mini/person/"),
        "{csv}"
    );
}

#[test]
fn construct_results_are_rdf() {
    let project = common::project();
    let ttl = stdout_of(labourgraph(project.path()).args([
        "query",
        "CONSTRUCT { ?e schema:attendee ?a } WHERE { ?e schema:attendee ?a }",
        "--format",
        "turtle",
    ]));
    let triples = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&ttl)
        .count();
    assert_eq!(triples, 7);
    labourgraph(project.path())
        .args(["query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "CONSTRUCT/DESCRIBE results cannot be written as csv",
        ));
}

#[test]
fn query_syntax_errors_have_a_position_and_exit_code_4() {
    let project = common::project();
    labourgraph(project.path())
        .args(["query", "SELECT ?x WHERE {\n  ?x schema:name }"])
        .assert()
        .code(4)
        .stderr(predicate::str::starts_with(
            "labourgraph: invalid SPARQL query: error at 2:",
        ));
}

#[test]
fn named_queries_with_parameters() {
    let project = common::project();
    let dir = project.path().join("queries");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("posts.rq"),
        "# title: Posts of a person\n# question: Which posts does a person hold?\n# param: person person — the person\n\
         SELECT ?role WHERE { ?m org:member ?person ; org:role/rdfs:label ?role }\n",
    )
    .unwrap();
    labourgraph(project.path())
        .args(["query", "--list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("posts").and(predicate::str::contains("Posts of a person")),
        );
    let csv = stdout_of(labourgraph(project.path()).args([
        "query",
        "--name",
        "posts",
        "--param",
        "person=tomoko-yoshino",
        "--format",
        "csv",
    ]));
    assert_eq!(csv, "role\r\nPresident\r\n");
    // Values are bound as terms, never spliced into the query text.
    let q = "SELECT ?role WHERE { ?m org:role/rdfs:label ?label BIND(STR(?label) AS ?role) FILTER(?role = ?want) }";
    let csv = stdout_of(labourgraph(project.path()).args([
        "query",
        q,
        "--param",
        "want=President",
        "--format",
        "csv",
    ]));
    assert_eq!(csv, "role\r\nPresident\r\n");
    let csv = stdout_of(labourgraph(project.path()).args([
        "query",
        q,
        "--param",
        "want=President\" || true || \"",
        "--format",
        "csv",
    ]));
    assert_eq!(csv, "role\r\n");
    labourgraph(project.path())
        .args([
            "query",
            "--name",
            "posts",
            "--param",
            "person=<x> } UNION { ?m ?p ?role",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected the id of a person record or its IRI",
        ));
    labourgraph(project.path())
        .args(["query", "--name", "posts", "--param", "who=x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the query has no parameter `who`"));
    labourgraph(project.path())
        .args(["query", "--name", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no query named `nope`"));
}

/// Quads of an N-Quads document, as strings.
fn quads(text: &str, format: RdfFormat) -> BTreeSet<String> {
    RdfParser::from_format(format)
        .for_slice(text)
        .map(|q| q.unwrap().to_string())
        .collect()
}

#[test]
fn exports_reparse_to_the_same_graph() {
    let project = common::project();
    let nq = stdout_of(labourgraph(project.path()).args(["export", "--format", "nquads"]));
    let all = quads(&nq, RdfFormat::NQuads);
    assert!(all.len() > 900);
    let union: BTreeSet<String> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&nq)
        .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
        .collect();
    let trig = stdout_of(labourgraph(project.path()).args(["export", "--format", "trig"]));
    assert_eq!(quads(&trig, RdfFormat::TriG), all);
    let jsonld = stdout_of(labourgraph(project.path()).args(["export", "--format", "jsonld"]));
    assert_eq!(
        quads(
            &jsonld,
            RdfFormat::JsonLd {
                profile: Default::default()
            }
        ),
        all
    );
    for (name, format) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("rdfxml", RdfFormat::RdfXml),
    ] {
        let text = stdout_of(labourgraph(project.path()).args(["export", "--format", name]));
        assert_eq!(quads(&text, format), union, "{name}");
    }
    let turtle = stdout_of(labourgraph(project.path()).args(["export", "--format", "turtle"]));
    assert!(turtle.contains("@prefix org: <http://www.w3.org/ns/org#> ."));
    assert!(
        turtle.contains("organisation:fturk a "),
        "subjects are written with the per-kind prefixes"
    );
    let again = stdout_of(labourgraph(project.path()).args(["export", "--format", "turtle"]));
    assert_eq!(turtle, again, "exports are deterministic");
}

#[test]
fn export_one_graph_to_a_file() {
    let project = common::project();
    labourgraph(project.path())
        .args([
            "export",
            "--graph",
            "https://example.org/mini/graph/geneva",
            "--output",
            "geneva.nt",
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(project.path().join("geneva.nt")).unwrap();
    assert!(text.contains("<https://example.org/mini/organisation/ituc>"));
    assert!(!text.contains("Satybaldy"), "only the Geneva graph");
    labourgraph(project.path())
        .args(["export", "--graph", "https://example.org/mini/graph/nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the store has no graph"));
    labourgraph(project.path())
        .args(["export", "--format", "turtle", "--union", "--graph", "x"])
        .assert()
        .code(2);
}

#[test]
fn queries_never_see_stale_data() {
    let project = common::project();
    labourgraph(project.path()).arg("build").assert().success();
    let count = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a skos:Concept ; skos:inScheme topic:scheme }";
    let before = stdout_of(labourgraph(project.path()).args(["query", count, "--format", "csv"]));
    assert_eq!(before, "n\r\n2\r\n");
    std::fs::write(
        project.path().join("data/wages.json"),
        r#"{"type": "topic", "id": "wages", "name": "Wages", "evidence": [{"source": "japan-trip", "quote": "remuneration of workers"}]}"#,
    )
    .unwrap();
    labourgraph(project.path())
        .args(["query", count, "--format", "csv"])
        .assert()
        .success()
        .stdout("n\r\n3\r\n")
        .stderr(predicate::str::contains(
            "the data changed since the last build: built 25 records",
        ));
    // Fresh now: no rebuild.
    labourgraph(project.path())
        .args(["query", count, "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_failed_build_leaves_the_previous_store_intact() {
    let project = common::project();
    labourgraph(project.path())
        .args(["--backend", "memory", "build"])
        .assert()
        .success();
    let snapshot = project.path().join(".labourgraph/graph.nq");
    let before = std::fs::read(&snapshot).unwrap();
    std::fs::write(project.path().join("data/bad.json"), "{\"type\": \"topic\"").unwrap();
    labourgraph(project.path()).arg("build").assert().code(3);
    assert_eq!(std::fs::read(&snapshot).unwrap(), before);
    // A query refuses to answer from data it cannot rebuild.
    labourgraph(project.path())
        .args(["query", "ASK {}"])
        .assert()
        .code(3);
    let leftovers: Vec<_> = std::fs::read_dir(project.path().join(".labourgraph"))
        .unwrap()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files are left behind");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let project = common::project();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("labourgraph"))
        .current_dir(project.path())
        .args(["--quiet", "export", "--format", "nquads"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn help_documents_exit_codes() {
    let project = common::project();
    labourgraph(project.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Exit codes:")
                .and(predicate::str::contains("3  invalid records")),
        );
    labourgraph(project.path())
        .arg("frobnicate")
        .assert()
        .code(2);
}
