//! The RocksDB store (cargo feature `rocksdb`): `build` persists in RocksDB
//! atomically, `query` and `export` open it read-only, the freshness check
//! rebuilds it when the data change, and a failed build leaves the previous
//! store intact.
#![cfg(feature = "rocksdb")]

mod common;

use common::labourgraph;

use labourgraph::progress::Progress;
use labourgraph::store::{self, Backend};
use oxigraph::io::{RdfFormat, RdfParser};
use predicates::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn quads(text: &str) -> BTreeSet<String> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(text)
        .map(|q| q.unwrap().to_string())
        .collect()
}

/// The entries of the store directory, sorted.
fn entries(store: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn rocksdb_is_the_default_backend_and_holds_the_same_graph() {
    let project = common::project();
    labourgraph(project.path())
        .arg("build")
        .assert()
        .success()
        .stdout(predicate::str::contains("Store (rocksdb)"));
    let store_dir = project.path().join(".labourgraph");
    let names = entries(&store_dir);
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[1], "rocksdb.json");
    assert!(names[0].starts_with("db-"));
    let from_rocksdb =
        stdout_of(labourgraph(project.path()).args(["export", "--format", "nquads"]));
    let converted = stdout_of(labourgraph(project.path()).args(["--quiet", "convert"]));
    assert_eq!(quads(&from_rocksdb), quads(&converted));
    // The same answers as from the memory store.
    let q = "SELECT ?name WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name";
    let from_disk = stdout_of(labourgraph(project.path()).args(["query", q, "--format", "csv"]));
    labourgraph(project.path())
        .args(["--backend", "memory", "build"])
        .assert()
        .success();
    assert_eq!(
        entries(&store_dir),
        vec!["graph.nq".to_owned()],
        "building the other backend replaces the store"
    );
    let from_memory = stdout_of(labourgraph(project.path()).args(["query", q, "--format", "csv"]));
    assert_eq!(from_disk, from_memory);
    assert!(from_disk.lines().count() > 1);
}

#[test]
fn a_stale_rocksdb_store_is_rebuilt_and_a_failed_build_keeps_the_previous_one() {
    let project = common::project();
    labourgraph(project.path()).arg("build").assert().success();
    let store_dir = project.path().join(".labourgraph");
    let before = entries(&store_dir);
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?t a skos:Concept }";
    let n = stdout_of(labourgraph(project.path()).args(["query", count, "--format", "csv"]));
    // Fresh: opened read-only, nothing rebuilt.
    labourgraph(project.path())
        .args(["query", count, "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    // A failed build leaves the store as it was.
    std::fs::write(project.path().join("data/bad.json"), "{\"type\": \"topic\"").unwrap();
    labourgraph(project.path()).arg("build").assert().code(3);
    assert_eq!(entries(&store_dir), before, "no partial directory is left");
    std::fs::remove_file(project.path().join("data/bad.json")).unwrap();
    labourgraph(project.path())
        .args(["query", count, "--format", "csv"])
        .assert()
        .success()
        .stdout(n.clone());
    // New data: the store is rebuilt (in RocksDB again) before answering.
    let topic = r#"{"type": "topic", "id": "extra-topic", "name": "Extra", "evidence": [{"source": "geneva", "quote": "Geneva"}]}"#;
    std::fs::write(project.path().join("data/extra.json"), topic).unwrap();
    labourgraph(project.path())
        .args(["query", count, "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the data changed since the last build",
        ));
    let after = entries(&store_dir);
    assert_eq!(after.len(), 2, "{after:?}");
    assert_ne!(after, before, "a new database replaced the old one");
    assert_eq!(
        store::current(&store_dir).unwrap().backend(),
        Backend::Rocksdb
    );
}

#[test]
fn the_library_returns_a_queryable_rocksdb_store() {
    let dir = tempfile::tempdir().unwrap();
    let (store, manifest, built) = store::build_with(
        &common::mini(),
        dir.path(),
        Backend::Rocksdb,
        &Progress::default(),
    )
    .unwrap();
    assert!(built.snapshot.is_dir());
    assert_eq!(store.len().unwrap(), manifest.quads);
    let opened = store::open(&common::mini(), dir.path(), &Progress::default()).unwrap();
    assert!(opened.rebuilt.is_none());
    assert_eq!(opened.store.len().unwrap(), manifest.quads);
}
