//! The query library: every query in `queries/` is documented (title,
//! research question, parameters), listed by `query --list`, shown in the
//! README's table, and has golden results over the curated corpus.
//!
//! Results are compared as multisets of CSV rows, independently of row order.
//! A change to the data or the mapping that alters an answer fails here until
//! the golden files are deliberately regenerated — review the diff after:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test queries
//! git diff tests/golden/queries/
//! ```

mod common;

use labourgraph::Format;
use labourgraph::query::{self, Library, prefixes};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Golden cases: a query and its parameters. Every query has at least one.
const CASES: &[(&str, &[(&str, &str)])] = &[
    ("agreements", &[]),
    ("check-entities-without-evidence", &[]),
    ("check-events-without-date", &[]),
    ("check-people-without-post", &[]),
    ("co-participation", &[]),
    ("co-participation", &[("type", "schema:Person")]),
    ("cooperation", &[("organisation", "fturk")]),
    ("curation-decisions", &[]),
    ("documents", &[]),
    ("external-links", &[]),
    ("figures", &[]),
    ("figures", &[("about", "organisation:ituc")]),
    ("meetings", &[]),
    ("meetings", &[("person", "tomoko-yoshino")]),
    ("organisation-people", &[]),
    ("organisation-people", &[("organisation", "fturk")]),
    ("organisations", &[]),
    ("person-posts", &[]),
    ("person-posts", &[("person", "satybaldy-dauletalin")]),
    ("planned", &[]),
    ("provenance", &[("entity", "organisation:jilaf")]),
    ("sources", &[]),
    ("timeline", &[]),
    ("topics", &[]),
    // Over the curated corpus alone (no ILOSTAT table in data/): the
    // countries without figures; tests/ilostat.rs runs it with a table.
    ("union-density", &[]),
    ("union-density", &[("organisation", "rengo")]),
];

fn library() -> Library {
    Library::new(common::root().join("queries"))
}

/// The corpus store, built once for all tests of this file.
fn corpus() -> &'static (oxigraph::store::Store, String) {
    static STORE: OnceLock<(oxigraph::store::Store, String)> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (store, manifest, _) = labourgraph::store::build(
            &common::root().join("data"),
            dir.path(),
            &Default::default(),
        )
        .unwrap();
        (store, manifest.base)
    })
}

fn golden_path(name: &str, params: &[(&str, &str)]) -> PathBuf {
    let mut file = name.to_owned();
    for (k, v) in params {
        file.push_str(&format!("--{k}={}", v.replace([':', '/'], "_")));
    }
    common::root()
        .join("tests/golden/queries")
        .join(format!("{file}.csv"))
}

/// CSV rows (header first, then the sorted rows).
/// The header and the sorted rows of a CSV answer; the values of `concat`
/// columns (bound by `GROUP_CONCAT`) with their parts sorted.
fn rows(csv_text: &str, concat: &BTreeSet<String>) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .zip(&header)
                .map(|(cell, column)| {
                    if concat.contains(column) {
                        common::concat::sort_parts(cell)
                    } else {
                        cell.to_owned()
                    }
                })
                .collect()
        })
        .collect();
    rows.sort();
    (header, rows)
}

#[test]
fn every_query_is_documented() {
    let queries = library().list().unwrap();
    assert!(queries.len() >= 15, "the library has at least 15 queries");
    for q in &queries {
        assert!(!q.title.is_empty(), "{}: no `# title:`", q.name);
        assert!(
            q.question.ends_with('?') || q.question.contains("? "),
            "{}: `# question:` should ask a question",
            q.name
        );
        for p in &q.params {
            assert!(
                !p.description.is_empty(),
                "{}: parameter {} has no description",
                q.name,
                p.name
            );
        }
    }
}

#[test]
fn every_query_has_a_golden_case_and_is_in_the_readme() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for q in library().list().unwrap() {
        assert!(
            CASES.iter().any(|(n, _)| *n == q.name),
            "{}: no golden case",
            q.name
        );
        assert!(
            readme.contains(&format!("| `{}` |", q.name)),
            "{}: missing from the README's query table",
            q.name
        );
    }
}

#[test]
fn queries_match_their_golden_results() {
    let (store, base) = corpus();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, params) in CASES {
        let q = library().get(name).unwrap();
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let prepared = query::prepare(
            &q.text,
            Some(name),
            &params,
            &q.params,
            base,
            &prefixes(base),
        )
        .unwrap();
        // The order within GROUP_CONCAT values is the engine's (and the
        // store's): the memory and RocksDB stores differ.
        let concat = common::concat::variables(prepared.algebra());
        let mut out = Vec::new();
        query::write_results(
            query::execute(store, prepared).unwrap(),
            Format::Csv,
            &prefixes(base),
            &mut out,
        )
        .unwrap();
        let actual = String::from_utf8(out).unwrap();
        let path = golden_path(
            name,
            &q.params
                .iter()
                .filter_map(|p| {
                    params
                        .iter()
                        .find(|(k, _)| *k == p.name)
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                })
                .collect::<Vec<_>>(),
        );
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        let (eh, er) = rows(&expected, &concat);
        let (ah, ar) = rows(&actual, &concat);
        if eh != ah || er != ar {
            let missing: Vec<_> = er.iter().filter(|r| !ar.contains(r)).take(5).collect();
            let extra: Vec<_> = ar.iter().filter(|r| !er.contains(r)).take(5).collect();
            failures.push(format!(
                "{}: header {eh:?} vs {ah:?}; {} expected rows, {} actual; missing e.g. {missing:?}; unexpected e.g. {extra:?}",
                path.display(),
                er.len(),
                ar.len()
            ));
        }
        assert!(
            !ar.is_empty() || name.starts_with("check-"),
            "{name}: the golden answer should not be empty"
        );
    }
    assert!(
        failures.is_empty(),
        "answers changed (regenerate with UPDATE_GOLDEN=1 if deliberate):\n{}",
        failures.join("\n")
    );
}

#[test]
fn list_shows_titles() {
    let project = common::root();
    let out = assert_cmd::Command::cargo_bin("labourgraph")
        .unwrap()
        .current_dir(&project)
        .args(["query", "--list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let titles: BTreeMap<String, String> = library()
        .list()
        .unwrap()
        .into_iter()
        .map(|q| (q.name, q.title))
        .collect();
    for (name, title) in titles {
        assert!(
            out.contains(&name) && out.contains(&title),
            "--list lacks {name}: {title}"
        );
    }
}
