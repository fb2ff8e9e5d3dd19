//! Golden mapping test: the mini fixture maps to exactly the graph in
//! `tests/fixtures/mini.expected.nq` (compared as sets of quads, which is
//! isomorphism for a graph without blank nodes; the ontology graph is left
//! out). After a deliberate change of the mapping, regenerate the file with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

mod common;

use labourgraph::pipeline;
use labourgraph::progress::Progress;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};
use std::collections::BTreeSet;

fn mapped() -> BTreeSet<String> {
    let mut quads: Vec<Quad> = Vec::new();
    pipeline::map(&common::mini(), &Progress::default(), &mut |batch| {
        quads.append(batch);
        Ok(())
    })
    .unwrap();
    let ontology = GraphName::NamedNode(oxigraph::model::NamedNode::new_unchecked(
        "https://example.org/mini/graph/ontology",
    ));
    assert!(
        quads
            .iter()
            .all(|q| !q.subject.is_blank_node() && !q.object.is_blank_node()),
        "no blank nodes"
    );
    quads
        .into_iter()
        .filter(|q| q.graph_name != ontology)
        .map(|q| q.to_string())
        .collect()
}

#[test]
fn mini_fixture_maps_to_the_golden_graph() {
    let golden = common::root().join("tests/fixtures/mini.expected.nq");
    let actual = mapped();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let text: String = actual.iter().map(|q| format!("{q} .\n")).collect();
        std::fs::write(&golden, text).unwrap();
    }
    let text = std::fs::read_to_string(&golden).unwrap();
    let expected: BTreeSet<String> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&text)
        .map(|q| q.unwrap().to_string())
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing from the mapping: {missing:#?}\nnot in the golden file: {extra:#?}"
    );
}

#[test]
fn mapping_is_deterministic() {
    assert_eq!(mapped(), mapped());
}
