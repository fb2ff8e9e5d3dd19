//! `convert`: records straight to N-Quads or N-Triples, streaming, with the
//! same statements as the built graph; nothing is written for bad records.

mod common;

use common::labourgraph;

use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::BTreeSet;

fn statements(text: &[u8], format: RdfFormat) -> BTreeSet<String> {
    RdfParser::from_format(format)
        .for_slice(text)
        .map(|q| q.unwrap().to_string())
        .collect()
}

#[test]
fn convert_writes_the_same_statements_as_the_built_graph() {
    let project = common::project();
    let converted = labourgraph(project.path())
        .args(["--quiet", "convert"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let exported = labourgraph(project.path())
        .args([
            "--quiet",
            "--backend",
            "memory",
            "export",
            "--format",
            "nquads",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let nq = statements(&converted, RdfFormat::NQuads);
    assert!(nq.len() > 900);
    assert_eq!(nq, statements(&exported, RdfFormat::NQuads));

    let out = project.path().join("graph.nt");
    labourgraph(project.path())
        .args(["convert", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains("converted 24 records"));
    let nt = statements(&std::fs::read(&out).unwrap(), RdfFormat::NTriples);
    let union: BTreeSet<String> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&converted)
        .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
        .collect();
    assert_eq!(nt, union, "N-Triples hold the union of the graphs");
}

#[test]
fn convert_writes_nothing_for_invalid_records() {
    let project = common::project();
    std::fs::write(
        project.path().join("data/bad.json"),
        "{\"type\": \"topic\", \"id\": \"x\", \"name\": \"X\", \"broader\": [\"nope\"]}",
    )
    .unwrap();
    labourgraph(project.path())
        .arg("convert")
        .assert()
        .code(3)
        .stdout(predicates::str::is_empty());
    let out = project.path().join("out.nq");
    labourgraph(project.path())
        .args(["convert", "-o"])
        .arg(&out)
        .assert()
        .code(3);
    assert!(!out.exists());
    let leftovers = std::fs::read_dir(project.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left: only data/");
    labourgraph(project.path())
        .args(["convert", "--format", "turtle"])
        .assert()
        .code(2);
}
