//! One test per class of bad input: each must be reported with its file,
//! line:column, JSON path and what was expected, and all problems of a run
//! must be reported together.

mod common;

use labourgraph::pipeline;
use labourgraph::progress::Progress;
use labourgraph::{Diagnostic, Error, Problem};
use std::path::Path;

/// Validates a copy of the fixture with `file` (relative to data/) set to
/// `content`; returns the problems found.
fn problems_with(file: &str, content: &str) -> Vec<Diagnostic> {
    let project = common::project();
    let data = project.path().join("data");
    std::fs::write(data.join(file), content).unwrap();
    match pipeline::validate(&data, &Progress::default()) {
        Ok(_) => Vec::new(),
        Err(Error::Invalid(diags)) => diags
            .items()
            .iter()
            .cloned()
            .map(|mut d| {
                d.file = d.file.strip_prefix(&data).unwrap_or(&d.file).to_owned();
                d
            })
            .collect(),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

/// Asserts exactly one problem of `problem`, at `line:column` and `path`,
/// whose message contains `expected`.
fn assert_one(
    found: &[Diagnostic],
    file: &str,
    problem: Problem,
    at: (usize, usize),
    path: &str,
    expected: &str,
) {
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let d = &found[0];
    assert_eq!(d.problem, problem, "{d}");
    assert_eq!(d.file, Path::new(file), "{d}");
    assert_eq!(d.line_column(), Some(at), "{d}");
    assert_eq!(d.path.to_string(), path, "{d}");
    assert!(
        d.message.contains(expected),
        "{d} should mention {expected:?}"
    );
}

const TOPIC_OK: &str = r#"{"type": "topic", "id": "wages", "name": "Wages",
 "evidence": [{"source": "japan-trip", "quote": "remuneration of workers"}]}"#;

#[test]
fn valid_extra_record_is_accepted() {
    assert!(problems_with("extra.json", TOPIC_OK).is_empty());
}

#[test]
fn malformed_json() {
    let found = problems_with(
        "extra.json",
        "{\"type\": \"topic\",\n \"id\": \"wages\"\n \"name\": \"Wages\"}",
    );
    assert_one(
        &found,
        "extra.json",
        Problem::Syntax,
        (3, 2),
        "$",
        "expected `,` or `}`",
    );
}

#[test]
fn malformed_json_lines_are_reported_per_line() {
    let content = format!(
        "{}\n{{\"type\": \"topic\", \"id\": \"x\",\n",
        TOPIC_OK.replace('\n', "")
    );
    let found = problems_with("bulk.jsonl", &content);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].problem, Problem::Syntax);
    assert_eq!(found[0].line_column().unwrap().0, 2);
}

#[test]
fn wrong_type() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "figure", "id": "f", "name": "F", "about": "ituc", "value": "many",
 "unit": "u", "counts": "c", "evidence": [{"source": "geneva", "quote": "332"}]}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::WrongType,
        (1, 75),
        "$.value",
        "invalid type: string \"many\"",
    );
}

#[test]
fn unknown_enumeration_value() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "place", "id": "p", "name": "P", "kind": "planet", "evidence": [{"source": "geneva", "quote": "Geneva"}]}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::WrongType,
        (1, 58),
        "$.kind",
        "unknown variant `planet`, expected one of",
    );
}

#[test]
fn unknown_field() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"name\"", "\"colour\": \"red\", \"name\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::UnknownField,
        (1, 34),
        "$.colour",
        "unknown field `colour`, expected one of",
    );
}

#[test]
fn unknown_record_type() {
    let found = problems_with("extra.json", &TOPIC_OK.replace("\"topic\"", "\"topik\""));
    assert_one(
        &found,
        "extra.json",
        Problem::WrongType,
        (1, 10),
        "$.type",
        "unknown record type `topik`",
    );
}

#[test]
fn missing_field() {
    let found = problems_with(
        "extra.json",
        r#"[{"type": "topic", "id": "wages", "evidence": []}]"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::MissingField,
        (1, 2),
        "$[0]",
        "missing field `name`",
    );
}

#[test]
fn missing_evidence() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "topic", "id": "wages", "name": "Wages"}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::MissingField,
        (1, 1),
        "$.evidence",
        "evidence is required",
    );
}

#[test]
fn duplicate_id() {
    let found = problems_with("zz.json", &TOPIC_OK.replace("\"wages\"", "\"fturk\""));
    assert_one(
        &found,
        "zz.json",
        Problem::DuplicateId,
        (1, 25),
        "$.id",
        "already used by an organisation record in",
    );
}

#[test]
fn invalid_id() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"wages\"", "\"Wages Topic\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidId,
        (1, 25),
        "$.id",
        "expected lower-case letters and digits",
    );
}

#[test]
fn unknown_reference() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"name\"", "\"broader\": [\"pay\"], \"name\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::UnknownReference,
        (1, 46),
        "$.broader[0]",
        "no record has the id `pay`",
    );
}

#[test]
fn reference_to_the_wrong_kind() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"name\"", "\"broader\": [\"fturk\"], \"name\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::WrongKind,
        (1, 46),
        "$.broader[0]",
        "`fturk` is an organisation record, expected a reference to a topic",
    );
}

#[test]
fn invalid_date() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "event", "id": "e", "name": "E", "kind": "meeting", "start": "2022-02-30",
 "evidence": [{"source": "geneva", "quote": "Geneva"}]}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidDate,
        (1, 71),
        "$.start",
        "not a date of the calendar",
    );
}

#[test]
fn contradictory_dates() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "event", "id": "e", "name": "E", "kind": "meeting", "start": "2023", "end": "2022-12",
 "evidence": [{"source": "geneva", "quote": "Geneva"}]}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidDate,
        (1, 86),
        "$.end",
        "`end` is before `start`",
    );
}

#[test]
fn inferred_date_needs_a_note() {
    let found = problems_with(
        "extra.json",
        r#"{"type": "event", "id": "e", "name": "E", "kind": "meeting", "start": {"value": "2019"},
 "evidence": [{"source": "geneva", "quote": "Geneva"}]}"#,
    );
    assert_one(
        &found,
        "extra.json",
        Problem::MissingField,
        (1, 71),
        "$.start",
        "needs a `note`",
    );
}

#[test]
fn invalid_iri() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"name\"", "\"same_as\": [{\"iri\": \"not an iri\", \"verified_in\": \"https://x.org/\"}], \"name\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidValue,
        (1, 54),
        "$.same_as[0].iri",
        "is not an absolute IRI",
    );
}

#[test]
fn same_as_outside_a_known_namespace() {
    let link = |iri: &str| {
        TOPIC_OK.replace(
            "\"name\"",
            &format!("\"same_as\": [{{\"iri\": \"{iri}\", \"verified_in\": \"https://x.org/\"}}], \"name\""),
        )
    };
    // A Wikidata page instead of the entity IRI: flagged, with the IRI meant.
    let found = problems_with("extra.json", &link("https://www.wikidata.org/wiki/Q232"));
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidLink,
        (1, 54),
        "$.same_as[0].iri",
        "use `http://www.wikidata.org/entity/Q232`",
    );
    // A GeoNames IRI without its trailing slash.
    let found = problems_with("extra.json", &link("http://sws.geonames.org/1522867"));
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidLink,
        (1, 54),
        "$.same_as[0].iri",
        "http://sws.geonames.org/{id}/",
    );
    // Another namespace is reported too.
    let found = problems_with("extra.json", &link("https://example.com/wages"));
    assert_one(
        &found,
        "extra.json",
        Problem::InvalidLink,
        (1, 54),
        "$.same_as[0].iri",
        "not in a known namespace (Wikidata, GeoNames, ISO 3166",
    );
    // Well-formed links of the known namespaces pass.
    for ok in [
        "http://www.wikidata.org/entity/Q232",
        "http://sws.geonames.org/1522867/",
        "https://www.iso.org/obp/ui/#iso:code:3166:KZ",
    ] {
        assert!(problems_with("extra.json", &link(ok)).is_empty(), "{ok}");
    }
}

#[test]
fn quote_not_found() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("remuneration of workers", "remuneration of employees"),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::QuoteNotFound,
        (2, 49),
        "$.evidence[0].quote",
        "quote not found verbatim in source `japan-trip`",
    );
}

#[test]
fn evidence_from_a_non_source() {
    let found = problems_with(
        "extra.json",
        &TOPIC_OK.replace("\"japan-trip\"", "\"fturk\""),
    );
    assert_one(
        &found,
        "extra.json",
        Problem::WrongKind,
        (2, 26),
        "$.evidence[0].source",
        "expected a source",
    );
}

#[test]
fn source_without_its_text() {
    let found = problems_with(
        "sources/extra.json",
        r#"{"type": "source", "id": "lost", "name": "Lost", "language": "en"}"#,
    );
    assert_one(
        &found,
        "sources/extra.json",
        Problem::MissingText,
        (1, 26),
        "$.id",
        "expected a file",
    );
}

#[test]
fn source_id_that_names_a_fixed_graph() {
    let found = problems_with(
        "sources/extra.json",
        r#"{"type": "source", "id": "metadata", "name": "M", "language": "en", "text": "geneva.txt"}"#,
    );
    assert_one(
        &found,
        "sources/extra.json",
        Problem::InvalidId,
        (1, 26),
        "$.id",
        "names a fixed graph",
    );
}

#[test]
fn invalid_metadata() {
    let found = problems_with(
        "dataset.json",
        &std::fs::read_to_string(common::mini().join("dataset.json"))
            .unwrap()
            .replace("https://example.org/mini/", "example"),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path.to_string(), "$.base");
    assert_eq!(found[0].problem, Problem::InvalidValue);
}

#[test]
fn all_problems_of_a_run_are_reported_together() {
    let project = common::project();
    let data = project.path().join("data");
    std::fs::write(data.join("a.json"), TOPIC_OK.replace("remuneration", "pay")).unwrap();
    std::fs::write(data.join("b.json"), "[1, {\"type\": \"topic\"}]").unwrap();
    std::fs::write(
        data.join("c.jsonl"),
        "{\"type\": \"person\", \"id\": \"x\", \"name\": \"X\", \"age\": 3}\n",
    )
    .unwrap();
    let Err(Error::Invalid(diags)) = pipeline::validate(&data, &Progress::default()) else {
        panic!("expected problems")
    };
    let codes: Vec<_> = diags
        .items()
        .iter()
        .map(|d| (d.file.file_name().unwrap().to_owned(), d.problem))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("a.json".into(), Problem::QuoteNotFound),
            ("b.json".into(), Problem::WrongType),
            ("b.json".into(), Problem::MissingField),
            ("c.jsonl".into(), Problem::UnknownField),
        ],
        "{diags}"
    );
}

#[test]
fn a_failed_build_writes_nothing() {
    let project = common::project();
    let data = project.path().join("data");
    let store = project.path().join("store");
    std::fs::write(data.join("a.json"), TOPIC_OK.replace("remuneration", "pay")).unwrap();
    let result = labourgraph::store::build(&data, &store, &Progress::default());
    assert!(matches!(result, Err(Error::Invalid(_))));
    assert!(!store.join(labourgraph::store::SNAPSHOT).exists());
}
