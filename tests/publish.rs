//! `labourgraph publish`: the real binary writes a release of the mini
//! fixture in a temporary project; the release is complete, deterministic,
//! self-consistent, and every dump reads back (with Oxigraph's parsers) as
//! the same dataset. Layout is pinned by golden files in
//! `tests/fixtures/mini-release/` and by `ontology/context.jsonld`;
//! regenerate them with `UPDATE_GOLDEN=1 cargo test --test publish` after a
//! deliberate change and review the diff. The independent tools (rdflib,
//! pyld, pySHACL, rapper) check a release in `tests/interop/`, run by
//! `.ci/run`.

mod common;

use common::labourgraph;

use labourgraph::publish::context::Context;
use oxigraph::io::{JsonLdProfile, LoadedDocument, RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use predicates::prelude::*;
use sha2::Digest;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Publishes the project into `project/out`; returns the release directory.
fn publish(project: &Path, out: &str, extra: &[&str]) -> PathBuf {
    labourgraph(project)
        .args(["publish", "--out", out])
        .args(extra)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Published Mini fixture version 0.0.1",
        ));
    project.join(out)
}

fn quads(bytes: &[u8], format: RdfFormat, release: &Path) -> BTreeSet<String> {
    let doc = url(&release.join("labourgraph.any"));
    let prefix = url(release) + "/";
    let release = release.to_owned();
    RdfParser::from_format(format)
        .with_base_iri(doc)
        .unwrap()
        .for_reader(bytes)
        .with_document_loader(move |u| {
            let path = release.join(u.strip_prefix(&prefix).ok_or("outside the release")?);
            Ok(LoadedDocument {
                url: u.to_owned(),
                content: std::fs::read(path)?,
                format: RdfFormat::JsonLd {
                    profile: JsonLdProfile::Context.into(),
                },
            })
        })
        .map(|q| {
            let q: Quad = q.unwrap();
            match format {
                RdfFormat::Turtle | RdfFormat::RdfXml => {
                    Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph).to_string()
                }
                _ => q.to_string(),
            }
        })
        .collect()
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

const LAYOUT: &[&str] = &[
    "README.md",
    "SHA256SUMS",
    "labourgraph.jsonld",
    "labourgraph.jsonld.gz",
    "labourgraph.nq",
    "labourgraph.nq.gz",
    "labourgraph.rdf",
    "labourgraph.rdf.gz",
    "labourgraph.trig",
    "labourgraph.trig.gz",
    "labourgraph.ttl",
    "labourgraph.ttl.gz",
    "ontology/context.jsonld",
    "ontology/labourgraph.html",
    "ontology/labourgraph.ttl",
    "ontology/shapes.ttl",
    "tables/agreement-parties.csv",
    "tables/agreements.csv",
    "tables/event-participants.csv",
    "tables/events.csv",
    "tables/figures.csv",
    "tables/organisations.csv",
    "tables/people.csv",
    "void.ttl",
];

#[test]
fn a_release_is_complete_and_byte_identical_across_runs() {
    let first = common::project();
    let second = common::project(); // another copy: new modification times, new store
    let a = common::files(&publish(first.path(), "release", &[]));
    let b = common::files(&publish(second.path(), "nested/dir/release", &[]));
    assert_eq!(a.keys().map(String::as_str).collect::<Vec<_>>(), LAYOUT);
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs between two runs");
    }
    // The date comes from dataset.json or --date, never from the clock.
    let readme = String::from_utf8(a["README.md"].clone()).unwrap();
    assert!(readme.contains("| release date | 2026-01-02 |"), "{readme}");
    let dated = common::files(&publish(first.path(), "dated", &["--date", "2030-04-05"]));
    let nq = String::from_utf8(dated["labourgraph.nq"].clone()).unwrap();
    assert!(nq.contains(
        "<https://example.org/mini/dataset> <http://purl.org/dc/terms/modified> \"2030-04-05\"^^<http://www.w3.org/2001/XMLSchema#date> <https://example.org/mini/graph/void> ."
    ));
    assert_eq!(dated["tables/people.csv"], a["tables/people.csv"]);
    assert_ne!(dated["labourgraph.nq"], a["labourgraph.nq"]);
}

#[test]
fn every_dump_reads_back_as_the_same_dataset() {
    let project = common::project();
    let release = publish(project.path(), "release", &[]);
    let all = common::files(&release);
    let nq = quads(&all["labourgraph.nq"], RdfFormat::NQuads, &release);
    let union: BTreeSet<String> = nq
        .iter()
        .map(|q| {
            let q: Quad = RdfParser::from_format(RdfFormat::NQuads)
                .for_slice(&format!("{q} ."))
                .next()
                .unwrap()
                .unwrap();
            Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph).to_string()
        })
        .collect();
    assert!(nq.len() > 1000);
    let jsonld = RdfFormat::JsonLd {
        profile: Default::default(),
    };
    for (file, format, expected) in [
        ("labourgraph.trig", RdfFormat::TriG, &nq),
        ("labourgraph.jsonld", jsonld, &nq),
        ("labourgraph.ttl", RdfFormat::Turtle, &union),
        ("labourgraph.rdf", RdfFormat::RdfXml, &union),
    ] {
        assert_eq!(&quads(&all[file], format, &release), expected, "{file}");
        assert_eq!(gunzip(&all[&format!("{file}.gz")]), all[file], "{file}.gz");
    }
    assert_eq!(gunzip(&all["labourgraph.nq.gz"]), all["labourgraph.nq"]);
    // canonical N-Quads: sorted unique lines
    let text = String::from_utf8(all["labourgraph.nq"].clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(lines, sorted);
}

/// Checks that every property and class of the JSON-LD dump is written
/// with a term of the context (no compact or full IRIs); returns the dump.
fn only_short_terms(release: &Path) -> serde_json::Value {
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(release.join("labourgraph.jsonld")).unwrap())
            .unwrap();
    let mut nodes = 0;
    for graph in doc["@graph"].as_array().unwrap() {
        assert!(
            !graph["id"].as_str().unwrap().contains(':'),
            "relative graph ids"
        );
        for node in graph["@graph"].as_array().unwrap() {
            nodes += 1;
            for (key, value) in node.as_object().unwrap() {
                assert!(!key.contains(':'), "no term for the property {key}");
                if key == "type" {
                    for t in value.as_array().unwrap() {
                        assert!(
                            !t.as_str().unwrap().contains(':'),
                            "no term for the class {t}"
                        );
                    }
                }
            }
        }
    }
    assert!(nodes > 100);
    doc
}

#[test]
fn the_jsonld_dump_uses_short_terms_for_everything_the_graph_uses() {
    let project = common::project();
    let release = publish(project.path(), "release", &[]);
    let doc = only_short_terms(&release);
    let one = |id: &str| -> serde_json::Value {
        doc["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["@graph"].as_array().unwrap())
            .find(|n| n["id"] == id && n.get("type").is_some())
            .unwrap()
            .clone()
    };
    let figure = one("figure/ituc-members");
    assert_eq!(figure["value"], 200000000);
    assert_eq!(figure["qualifier"], "MoreThan");
    assert_eq!(figure["about"], "organisation/ituc");
    let fturk = one("organisation/fturk");
    assert_eq!(
        fturk["name"],
        "Federation of Trade Unions of the Republic of Kazakhstan"
    );
    assert_eq!(fturk["altLabel"], serde_json::json!(["FPRK", "FTURK"]));
}

#[test]
fn the_published_context_is_the_generated_one() {
    let path = common::root().join("ontology/context.jsonld");
    let generated = Context::new().unwrap().to_json();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        generated,
        "ontology/context.jsonld is out of date: UPDATE_GOLDEN=1 cargo test --test publish"
    );
}

#[test]
fn tables_match_the_golden_files() {
    let project = common::project();
    let release = publish(project.path(), "release", &[]);
    let golden = common::root().join("tests/fixtures/mini-release/tables");
    for (path, bytes) in common::files(&release.join("tables")) {
        let expected = golden.join(&path);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&expected, &bytes).unwrap();
        }
        let expected = std::fs::read(&expected).unwrap_or_default();
        assert!(
            expected == bytes,
            "tables/{path} differs from the golden file:\n{}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

/// `void.ttl` loaded with the release's location as base IRI.
fn void_store(release: &Path) -> Store {
    let store = Store::new().unwrap();
    store
        .load_from_reader(
            RdfParser::from_format(RdfFormat::Turtle)
                .with_base_iri(url(&release.join("void.ttl")))
                .unwrap(),
            std::fs::read(release.join("void.ttl")).unwrap().as_slice(),
        )
        .unwrap();
    store
}

fn select(store: &Store, query: &str) -> Vec<Vec<String>> {
    let QueryResults::Solutions(rows) = SparqlEvaluator::new()
        .parse_query(query)
        .unwrap()
        .on_store(store)
        .execute()
        .unwrap()
    else {
        panic!("not a SELECT")
    };
    rows.map(|row| {
        row.unwrap()
            .iter()
            .map(|(_, t)| match t {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => n.as_str().to_owned(),
                other => other.to_string(),
            })
            .collect()
    })
    .collect()
}

#[test]
fn checksums_sizes_and_statistics_describe_the_files() {
    let project = common::project();
    let release = publish(project.path(), "release", &[]);
    let all = common::files(&release);
    let sums = String::from_utf8(all["SHA256SUMS"].clone()).unwrap();
    let listed: Vec<&str> = sums
        .lines()
        .map(|l| l.split_once("  ").unwrap().1)
        .collect();
    assert_eq!(
        listed,
        LAYOUT
            .iter()
            .filter(|p| **p != "SHA256SUMS")
            .copied()
            .collect::<Vec<_>>()
    );
    for line in sums.lines() {
        let (digest, path) = line.split_once("  ").unwrap();
        assert_eq!(
            format!("{:x}", sha2::Sha256::digest(&all[path])),
            digest,
            "{path}"
        );
    }
    let store = void_store(&release);
    let rows = select(
        &store,
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
         SELECT ?url ?size ?sum WHERE { ?d a dcat:Distribution ; dcat:downloadURL ?url ; dcat:byteSize ?size ;
           spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] }",
    );
    assert_eq!(
        rows.len(),
        LAYOUT.len() - 3,
        "every file but README, SHA256SUMS and void.ttl"
    );
    let prefix = url(&release) + "/";
    for row in rows {
        let path = row[0]
            .strip_prefix(&prefix)
            .expect("relative to the release");
        assert_eq!(row[1], all[path].len().to_string(), "{path}");
        assert!(sums.contains(&format!("{}  {path}\n", row[2])), "{path}");
    }
    let nq = String::from_utf8(all["labourgraph.nq"].clone()).unwrap();
    let content = nq
        .lines()
        .filter(|l| !l.ends_with("<https://example.org/mini/graph/void> ."))
        .count();
    let triples = select(
        &store,
        "SELECT ?n WHERE { <https://example.org/mini/dataset> <http://rdfs.org/ns/void#triples> ?n }",
    );
    assert_eq!(triples, vec![vec![content.to_string()]]);
}

#[test]
fn linksets_count_links_to_each_external_namespace() {
    let project = common::project();
    std::fs::write(
        project.path().join("data/geneva.json"),
        r#"{"type": "place", "id": "geneva-city", "name": "Geneva", "kind": "city",
            "same_as": [{"iri": "http://www.wikidata.org/entity/Q71", "verified_in": "https://www.wikidata.org/wiki/Q71"},
                        {"iri": "http://sws.geonames.org/2660646/", "verified_in": "https://www.geonames.org/2660646"}],
            "evidence": [{"source": "geneva", "quote": "to Geneva continued"}]}"#,
    )
    .unwrap();
    let release = publish(project.path(), "release", &[]);
    let store = void_store(&release);
    let rows = select(
        &store,
        "PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?title ?predicate ?n WHERE { <https://example.org/mini/dataset> void:subset ?ls .
           ?ls a void:Linkset ; void:linkPredicate ?predicate ; void:triples ?n ; void:objectsTarget/dcterms:title ?title }
         ORDER BY ?title ?predicate",
    );
    let owl = "http://www.w3.org/2002/07/owl#sameAs";
    let schema = "http://schema.org/sameAs";
    let expected: Vec<Vec<String>> = [
        ("GeoNames", schema),
        ("GeoNames", owl),
        ("Wikidata", schema),
        ("Wikidata", owl),
    ]
    .iter()
    .map(|(t, p)| vec![(*t).to_owned(), (*p).to_owned(), "1".to_owned()])
    .collect();
    let mut rows = rows;
    rows.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(rows, expected);
}

#[test]
fn an_existing_directory_is_only_replaced_when_it_is_a_release_and_forced() {
    let project = common::project();
    let out = project.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    for extra in [&[][..], &["--force"][..]] {
        labourgraph(project.path())
            .args(["publish", "--out", "out"])
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "out exists and is not empty: choose a new directory",
            ));
    }
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
    let release = publish(project.path(), "release", &[]);
    std::fs::write(release.join("stale.txt"), "old").unwrap();
    labourgraph(project.path())
        .args(["publish", "--out", "release"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pass --force to replace this release",
        ));
    publish(project.path(), "release", &["--force"]);
    assert!(!release.join("stale.txt").exists());
    assert!(release.join("SHA256SUMS").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(project.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".labourgraph-release"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let project = common::project();
    labourgraph(project.path())
        .args(["publish", "--out", "r", "--date", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "release date `2026-02-30`: expected YYYY-MM-DD",
        ));
    assert!(!project.path().join("r").exists());
}

#[test]
fn the_corpus_publishes_and_its_json_ld_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("release");
    labourgraph(&common::root())
        .args(["--store"])
        .arg(dir.path().join("store"))
        .args(["-q", "publish", "--out"])
        .arg(&out)
        .assert()
        .success();
    let all = common::files(&out);
    let nq = quads(&all["labourgraph.nq"], RdfFormat::NQuads, &out);
    let jsonld = quads(
        &all["labourgraph.jsonld"],
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        &out,
    );
    assert_eq!(nq, jsonld);
    only_short_terms(&out);
}
