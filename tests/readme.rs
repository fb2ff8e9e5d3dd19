//! The README's example queries parse and answer something over the corpus
//! (those about imported data only parse).

mod common;

use labourgraph::query::{self, prefixes};
use oxigraph::sparql::QueryResults;

#[test]
fn readme_queries_run_on_the_corpus() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let blocks: Vec<&str> = readme
        .split("```sparql\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .filter(|b| b.contains("SELECT"))
        .collect();
    assert!(blocks.len() >= 3, "the README shows example queries");
    let dir = tempfile::tempdir().unwrap();
    let (store, manifest, _) = labourgraph::store::build(
        &common::root().join("data"),
        dir.path(),
        &Default::default(),
    )
    .unwrap();
    let base = &manifest.base;
    for block in blocks {
        let params = if block.contains("?person ;") {
            vec![(
                "person".to_owned(),
                "person:satybaldy-dauletalin".to_owned(),
            )]
        } else {
            Vec::new()
        };
        let prepared = query::prepare(block, None, &params, &[], base, &prefixes(base)).unwrap();
        let QueryResults::Solutions(rows) = query::execute(&store, prepared).unwrap().results
        else {
            panic!()
        };
        // Examples over imported data only parse: the corpus has no imports.
        if !block.contains("lg:ImportedGraph") {
            assert!(rows.count() > 0, "no answer to\n{block}");
        }
    }
}
