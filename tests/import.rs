//! `import`: external RDF files checked in full, copied to data/imports/,
//! listed in dataset.json and loaded by `build` into graphs of their own that
//! queries see with the corpus; bad input leaves data and store as they were.

mod common;

use common::labourgraph;

use predicates::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/imports").join(name)
}

const EXTRACT_GRAPH: &str = "https://example.org/mini/graph/import/wikidata-style-extract";

fn csv_of(project: &Path, query: &str) -> String {
    let out = labourgraph(project)
        .args(["query", "--format", "csv", query])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

/// Every file of a directory tree with its bytes, to compare states.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn an_import_is_copied_listed_and_queried_with_the_corpus() {
    let project = common::project();
    let p = project.path();
    labourgraph(p)
        .args(["import", "--origin", "https://example.org/test/extract.ttl"])
        .arg(fixture("wikidata-style-extract.ttl"))
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "import wikidata-style-extract → <{EXTRACT_GRAPH}>: 12 triples"
        )))
        .stdout(predicate::str::contains("2 blank nodes replaced"));
    let copy = p.join("data/imports/wikidata-style-extract.ttl");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(fixture("wikidata-style-extract.ttl")).unwrap()
    );
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("data/dataset.json")).unwrap())
            .unwrap();
    let entry = &meta["imports"][0];
    assert_eq!(entry["file"], "imports/wikidata-style-extract.ttl");
    assert_eq!(entry["format"], "turtle");
    assert_eq!(entry["origin"], "https://example.org/test/extract.ttl");
    assert_eq!(
        entry["sha256"],
        labourgraph::import::sha256_file(&copy).unwrap()
    );

    // The union default graph sees the import with the corpus…
    let q = "SELECT ?label WHERE { <http://www.wikidata.org/entity/Q999999999901> rdfs:label ?label } ORDER BY ?label";
    assert_eq!(
        csv_of(p, q),
        "label\nSynthetic test federation\nСинтетическая тестовая федерация\n"
    );
    // …and GRAPH tells it apart.
    let q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { <http://www.wikidata.org/entity/Q999999999901> ?p ?o } } GROUP BY ?g";
    assert_eq!(csv_of(p, q), format!("g,n\n{EXTRACT_GRAPH},8\n"));
    // The metadata graph describes it.
    let q = format!(
        "SELECT ?type ?triples ?origin ?sha ?issued ?format WHERE {{ GRAPH <https://example.org/mini/graph/metadata> {{
           <{EXTRACT_GRAPH}> a lg:ImportedGraph , ?type ; void:triples ?triples ; prov:wasDerivedFrom ?origin ;
             lg:sha256 ?sha ; dcterms:issued ?issued ; dcterms:format ?format .
           <https://example.org/mini/dataset> void:subset <{EXTRACT_GRAPH}> }} FILTER(?type = void:Dataset) }}"
    );
    assert_eq!(
        csv_of(p, &q),
        format!(
            "type,triples,origin,sha,issued,format\nhttp://rdfs.org/ns/void#Dataset,12,https://example.org/test/extract.ttl,{},2026-01-02,text/turtle\n",
            entry["sha256"].as_str().unwrap()
        )
    );
}

#[test]
fn blank_nodes_become_skolem_iris_that_never_collide_across_imports() {
    let project = common::project();
    let p = project.path();
    labourgraph(p)
        .arg("import")
        .arg(fixture("wikidata-style-extract.ttl"))
        .arg(fixture("second-extract.nt"))
        .assert()
        .success();
    let q = "SELECT ?s WHERE { ?s rdfs:label ?l FILTER(CONTAINS(STR(?s), '/.well-known/genid/')) } ORDER BY ?s";
    assert_eq!(
        csv_of(p, q),
        "s\nhttps://example.org/mini/.well-known/genid/second-extract/1\n\
         https://example.org/mini/.well-known/genid/wikidata-style-extract/1\n\
         https://example.org/mini/.well-known/genid/wikidata-style-extract/2\n"
    );
    let q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o)) }";
    assert_eq!(csv_of(p, q), "n\n0\n");
    // Deterministic: a rebuild from scratch gives the same statements (with
    // either store: compared as sorted lines).
    let statements = || {
        let out = labourgraph(p)
            .args(["export", "--format", "nquads"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut lines: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    };
    let first = statements();
    assert!(first.iter().any(|l| l.contains("/.well-known/genid/")));
    std::fs::remove_dir_all(p.join(".labourgraph")).unwrap();
    labourgraph(p).arg("build").assert().success();
    assert_eq!(statements(), first);
}

#[test]
fn a_syntax_error_is_located_and_nothing_changes() {
    let project = common::project();
    let p = project.path();
    labourgraph(p).arg("build").assert().success();
    let before = snapshot(p);
    labourgraph(p)
        .arg("import")
        .arg(fixture("bad-syntax.ttl"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "bad-syntax.ttl:6:29: $: . is not a valid RDF object [syntax]",
        ))
        .stderr(predicate::str::contains("nothing was imported"));
    assert_eq!(snapshot(p), before, "data and store are as they were");
}

#[test]
fn unknown_formats_and_missing_files_are_clear_errors() {
    let project = common::project();
    let p = project.path();
    let odd = p.join("extract.foo");
    std::fs::copy(fixture("second-extract.nt"), &odd).unwrap();
    labourgraph(p)
        .arg("import")
        .arg(&odd)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot tell the RDF format of"));
    labourgraph(p)
        .args(["import", "--format", "bogus"])
        .arg(&odd)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown RDF format `bogus`"));
    labourgraph(p)
        .args(["import", "--format", "ntriples"])
        .arg(&odd)
        .assert()
        .success();
    labourgraph(p)
        .args(["import", "no-such-file.ttl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read no-such-file.ttl"));
}

#[test]
fn gzip_and_other_formats_are_accepted() {
    let project = common::project();
    let p = project.path();
    let gz = p.join("extract.ttl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(&std::fs::read(fixture("wikidata-style-extract.ttl")).unwrap())
        .unwrap();
    enc.finish().unwrap();
    let rdfxml = p.join("places.rdf");
    std::fs::write(
        &rdfxml,
        r#"<?xml version="1.0"?>
<!-- TEST FIXTURE: synthetic, not data -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="http://sws.geonames.org/999999999/"><rdfs:label>synthetic place</rdfs:label></rdf:Description>
</rdf:RDF>"#,
    )
    .unwrap();
    let trig = p.join("graphs.trig");
    std::fs::write(
        &trig,
        "# TEST FIXTURE: synthetic, not data\n<http://ex.org/g1> { <http://ex.org/a> <http://ex.org/p> 1 . }\n<http://ex.org/g2> { <http://ex.org/a> <http://ex.org/p> 2 . }\n",
    )
    .unwrap();
    labourgraph(p)
        .arg("import")
        .args([&gz, &rdfxml, &trig])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "import extract → <https://example.org/mini/graph/import/extract>: 12 triples",
        ))
        .stdout(predicate::str::contains(
            "import places → <https://example.org/mini/graph/import/places>: 1 triple",
        ))
        .stdout(predicate::str::contains(
            "2 named graphs of the file merged",
        ));
    assert!(p.join("data/imports/extract.ttl.gz").is_file());
    assert!(p.join("data/imports/places.rdf").is_file());
}

#[test]
fn reimporting_needs_replace_and_graphs_can_be_named() {
    let project = common::project();
    let p = project.path();
    let file = fixture("second-extract.nt");
    labourgraph(p).arg("import").arg(&file).assert().success();
    labourgraph(p)
        .arg("import")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exists already: give --replace"));
    labourgraph(p)
        .args([
            "import",
            "--replace",
            "--graph",
            "http://example.com/my-graph",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<http://example.com/my-graph>: 3 triples",
        ));
    let meta = std::fs::read_to_string(p.join("data/dataset.json")).unwrap();
    assert_eq!(
        meta.matches("\"id\": \"second-extract\"").count(),
        1,
        "{meta}"
    );
    labourgraph(p)
        .args([
            "import",
            "--replace",
            "--graph",
            "https://example.org/mini/graph/metadata",
        ])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one of labourgraph's own graphs"));
}

#[test]
fn a_failed_build_rolls_the_import_back() {
    let project = common::project();
    let p = project.path();
    std::fs::write(
        p.join("data/broken.json"),
        r#"{"type": "topic", "id": "x", "name": "X", "evidence": []}"#,
    )
    .unwrap();
    let before = snapshot(&p.join("data"));
    labourgraph(p)
        .arg("import")
        .arg(fixture("second-extract.nt"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("evidence is required"))
        .stderr(predicate::str::contains("the data directory is as it was"));
    assert_eq!(snapshot(&p.join("data")), before);
}

#[test]
fn build_reports_problems_of_listed_imports_with_positions() {
    let project = common::project();
    let p = project.path();
    labourgraph(p)
        .arg("import")
        .arg(fixture("second-extract.nt"))
        .assert()
        .success();
    let copy = p.join("data/imports/second-extract.nt");
    // Edited after the import: the checksum no longer matches.
    std::fs::write(
        &copy,
        "<http://ex.org/a> <http://ex.org/b> \"x\" .\n<http://ex.org/a> <http://ex.org/b> .\n",
    )
    .unwrap();
    labourgraph(p)
        .arg("validate")
        .assert()
        .code(3)
        .stderr(predicate::str::is_match(r"data/dataset\.json:\d+:\d+: \$\.imports\[0\]\.sha256: .*the file changed since it was imported").unwrap());
    // With the checksum updated by hand, the syntax error is located in the copy.
    let meta = std::fs::read_to_string(p.join("data/dataset.json")).unwrap();
    let old = labourgraph::import::sha256_file(&fixture("second-extract.nt")).unwrap();
    let new = labourgraph::import::sha256_file(&copy).unwrap();
    std::fs::write(p.join("data/dataset.json"), meta.replace(&old, &new)).unwrap();
    labourgraph(p)
        .arg("build")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "data/imports/second-extract.nt:2:37: $:",
        ))
        .stderr(predicate::str::contains("[syntax]"));
    // A missing copy, and a file nobody listed.
    std::fs::rename(&copy, p.join("data/imports/stray.nt")).unwrap();
    labourgraph(p)
        .arg("validate")
        .assert()
        .code(3)
        .stderr(
            predicate::str::is_match(
                r"\$\.imports\[0\]\.file: no file .*second-extract\.nt.* \[io\]",
            )
            .unwrap(),
        )
        .stderr(predicate::str::contains(
            "stray.nt: $: a file under imports/ that the `imports` of dataset.json do not list",
        ));
}
