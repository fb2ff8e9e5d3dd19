//! The synthetic corpus generator: the same seed gives the same bytes, and
//! what it writes validates and builds.

mod common;

use labourgraph::progress::Progress;
use labourgraph::synth::{Options, generate};
use labourgraph::{RecordKind, pipeline, store};

#[test]
fn the_same_seed_gives_identical_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let options = Options {
        records: 300,
        seed: 7,
    };
    generate(a.path(), &options).unwrap();
    generate(b.path(), &options).unwrap();
    generate(c.path(), &Options { seed: 8, ..options }).unwrap();
    let (fa, fb, fc) = (
        common::files(&a.path().join("data")),
        common::files(&b.path().join("data")),
        common::files(&c.path().join("data")),
    );
    assert!(fa.len() > 10);
    assert!(fa == fb, "same seed, same files and bytes");
    assert!(fa != fc, "another seed, another corpus");
    let leftovers = std::fs::read_dir(a.path()).unwrap().count();
    assert_eq!(leftovers, 1, "only data/ is left in the project");
}

#[test]
fn a_generated_corpus_validates_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(
        dir.path(),
        &Options {
            records: 400,
            seed: 3,
        },
    )
    .unwrap();
    assert_eq!(summary.records(), 400);
    assert!(summary.counts.values().all(|n| *n > 0), "every kind");
    let valid = pipeline::validate(&summary.data, &Progress::default()).unwrap();
    assert_eq!(valid.records(), 400);
    assert_eq!(valid.counts, summary.counts);
    let (store, manifest, _) = store::build_with(
        &summary.data,
        &dir.path().join("store"),
        store::Backend::Memory,
        &Progress::default(),
    )
    .unwrap();
    assert!(manifest.quads > 400 * 20, "{} quads", manifest.quads);
    // References resolve: every participant is a person with a post in the
    // organisation they act for.
    let q = "ASK { ?p lg:participant ?person ; lg:onBehalfOf ?o .
              FILTER NOT EXISTS { ?m org:member ?person ; org:organization ?o } }";
    let prefixes = labourgraph::query::prefixes(&manifest.base);
    let prepared =
        labourgraph::query::prepare(q, None, &[], &[], &manifest.base, &prefixes).unwrap();
    let answer = labourgraph::query::execute(&store, prepared).unwrap();
    assert!(
        matches!(
            answer.results,
            oxigraph::sparql::QueryResults::Boolean(false)
        ),
        "participants act for an organisation they hold a post in"
    );
    assert_eq!(
        summary.counts[&RecordKind::Source] * 20,
        400,
        "one source per twenty records"
    );
}

#[test]
fn synth_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("labourgraph")
        .unwrap()
        .args(["synth", "--records", "150", "--seed", "2", "--out"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("wrote 150 records"));
    assert_cmd::Command::cargo_bin("labourgraph")
        .unwrap()
        .arg("-C")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .success();
    // data/ exists now: a second run refuses to overwrite it.
    assert_cmd::Command::cargo_bin("labourgraph")
        .unwrap()
        .args(["synth", "--records", "150", "--out"])
        .arg(dir.path())
        .assert()
        .code(2);
}
