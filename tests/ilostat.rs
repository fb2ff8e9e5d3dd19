//! `import-ilostat`: a table in ILOSTAT's bulk CSV layout (the synthetic
//! fixture `tests/fixtures/imports/ilostat-synthetic.csv`, whose figures are
//! invented) mapped to RDF Data Cube, joined to the corpus' countries, and
//! the `union-density` query of the library answered over the curated
//! corpus with it; malformed rows reported with their line numbers.

mod common;

use common::labourgraph;

use labourgraph::query::{self, Library};
use predicates::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/imports").join(name)
}

/// A temporary project holding a copy of the curated corpus.
fn corpus_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::root().join("data"), &dir.path().join("data"));
    dir
}

fn csv_of(project: &Path, args: &[&str]) -> String {
    let out = labourgraph(project)
        .args(["--queries"])
        .arg(common::root().join("queries"))
        .args(["query", "--format", "csv"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

#[test]
fn union_density_across_the_corpus_and_ilostat() {
    let project = corpus_project();
    let p = project.path();
    labourgraph(p)
        .arg("import-ilostat")
        .arg(fixture("ilostat-synthetic.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("import ilostat-synthetic"))
        .stdout(predicate::str::contains(
            "no curated place has the code of CHE",
        ));
    let base = "https://example.org/labourgraph/";
    // FTURK (the default): its own country and the countries of the unions it met.
    assert_eq!(
        csv_of(p, &["--name", "union-density"]),
        format!(
            "relation,countryName,alpha3,partnerUnions,indicatorCode,period,value,status,statisticalSource,country\n\
             own country,Kazakhstan,KAZ,,ILR_TUMT_NOC_RT_A,2019,11.1,,BA:99991,{base}place/kazakhstan\n\
             own country,Kazakhstan,KAZ,,ILR_TUMT_NOC_RT_A,2020,12.2,B,BA:99991,{base}place/kazakhstan\n\
             partners' country,Japan,JPN,Japanese Trade Union Confederation,ILR_TUMT_NOC_RT_A,2019,33.3,,BA:99992,{base}place/japan\n\
             partners' country,Japan,JPN,Japanese Trade Union Confederation,ILR_TUMT_NOC_RT_A,2019,34.4,,BA:99993,{base}place/japan\n"
        )
    );
    // Another indicator: Kazakhstan has none and keeps an empty row.
    assert_eq!(
        csv_of(
            p,
            &[
                "--name",
                "union-density",
                "--param",
                "indicator=ILR_CBCT_NOC_RT_A"
            ]
        ),
        format!(
            "relation,countryName,alpha3,partnerUnions,indicatorCode,period,value,status,statisticalSource,country\n\
             own country,Kazakhstan,KAZ,,,,,,,{base}place/kazakhstan\n\
             partners' country,Japan,JPN,Japanese Trade Union Confederation,ILR_CBCT_NOC_RT_A,2019,55.5,,BA:99992,{base}place/japan\n"
        )
    );
}

#[test]
fn observations_are_a_data_cube_with_typed_values_and_no_blank_nodes() {
    let project = corpus_project();
    let p = project.path();
    labourgraph(p)
        .arg("import-ilostat")
        .arg(fixture("ilostat-synthetic.csv"))
        .assert()
        .success();
    let opened = labourgraph::store::open(
        &p.join("data"),
        &p.join(".labourgraph"),
        &Default::default(),
    )
    .unwrap();
    let base = opened.manifest.base.clone();
    let ask = |q: &str| -> Vec<Vec<String>> {
        let prepared = query::prepare(q, None, &[], &[], &base, &query::prefixes(&base)).unwrap();
        let mut out = Vec::new();
        query::write_results(
            query::execute(&opened.store, prepared).unwrap(),
            labourgraph::Format::Csv,
            &query::prefixes(&base),
            &mut out,
        )
        .unwrap();
        csv::Reader::from_reader(out.as_slice())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    // Six observations, each with its data set, every dimension and a decimal value.
    assert_eq!(
        ask("SELECT (COUNT(*) AS ?n) WHERE { ?o a qb:Observation }"),
        [["6"]]
    );
    assert_eq!(
        ask("SELECT ?o WHERE { ?o a qb:Observation FILTER NOT EXISTS {
               ?o qb:dataSet/qb:structure lg:IlostatStructure ; lg:refArea ?a ; lg:indicator ?i ;
                  lg:statisticalSource ?s ; lg:sex ?x ; lg:classification ?c ; lg:refPeriod ?t ; lg:obsValue ?v
               FILTER(DATATYPE(?v) = xsd:decimal && DATATYPE(?t) = xsd:gYear) } }"),
        Vec::<Vec<String>>::new()
    );
    // Every dimension of the structure is a qb:DimensionProperty with a label and a range.
    assert_eq!(
        ask("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { lg:IlostatStructure qb:component/qb:dimension ?d .
               ?d a qb:DimensionProperty ; rdfs:label ?l ; rdfs:comment ?c ; rdfs:range ?r }"),
        [["6"]]
    );
    // ref_area joined to the corpus' places; CHE, which no place has, minted and typed.
    assert_eq!(
        ask("SELECT DISTINCT ?area WHERE { ?o lg:refArea ?area } ORDER BY ?area"),
        [
            [format!("{base}ilostat/area/CHE")],
            [format!("{base}place/japan")],
            [format!("{base}place/kazakhstan")],
        ]
    );
    assert_eq!(
        ask("SELECT ?code WHERE { ?a a lg:StatisticalArea ; lg:iso3166Alpha3 ?code }"),
        [["CHE"]]
    );
    // Deterministic IRIs, no blank nodes.
    assert_eq!(
        ask("SELECT ?o WHERE { ?o lg:obsStatus/skos:notation \"B\" }"),
        [[format!(
            "{base}ilostat/ilostat-synthetic/ILR_TUMT_NOC_RT_A/KAZ/BA%3A99991/SEX_T/_Z/2020"
        )]]
    );
    assert_eq!(
        ask(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o)) }"
        ),
        [["0"]]
    );
}

#[test]
fn malformed_rows_are_all_reported_with_line_numbers() {
    let project = corpus_project();
    let p = project.path();
    let before = std::fs::read(p.join("data/dataset.json")).unwrap();
    labourgraph(p)
        .arg("import-ilostat")
        .arg(fixture("ilostat-malformed.csv"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("ilostat-malformed.csv:4:1: $.ref_area: `Kazakhstan`: expected an ISO 3166-1 alpha-3 code"))
        .stderr(predicate::str::contains("ilostat-malformed.csv:5:1: $.time: `19`"))
        .stderr(predicate::str::contains("ilostat-malformed.csv:6:1: $.obs_value: `eleven`"))
        .stderr(predicate::str::contains("ilostat-malformed.csv:7:1: $: 6 fields, but the header has 11"))
        .stderr(predicate::str::contains("ilostat-malformed.csv:8:1: $: the same observation (ref_area, source, indicator, sex, classif1, time) as line 3"))
        .stderr(predicate::str::contains("ilostat-malformed.csv:9:1: $.obs_value: no value and no obs_status"))
        .stderr(predicate::str::contains("6 problems in"));
    assert_eq!(std::fs::read(p.join("data/dataset.json")).unwrap(), before);
    assert!(!p.join("data/imports").exists());
}

#[test]
fn the_header_must_be_ilostats_layout() {
    let project = corpus_project();
    let p = project.path();
    let bad = p.join("bad.csv");
    std::fs::write(
        &bad,
        "ref_area,indicator,year,obs_value,classif2\nKAZ,X,2019,1\n",
    )
    .unwrap();
    labourgraph(p)
        .arg("import-ilostat")
        .arg(&bad)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "bad.csv:1:1: $: unknown column `year`",
        ))
        .stderr(predicate::str::contains(
            "bad.csv:1:1: $: unknown column `classif2`",
        ))
        .stderr(predicate::str::contains(
            "bad.csv:1:1: $: missing column time",
        ));
}

#[test]
fn gzip_tables_are_accepted_and_edits_after_import_are_located() {
    let project = corpus_project();
    let p = project.path();
    let gz = p.join("ILR_TUMT_NOC_RT_A.csv.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(&std::fs::read(fixture("ilostat-synthetic.csv")).unwrap())
        .unwrap();
    enc.finish().unwrap();
    labourgraph(p)
        .arg("import-ilostat")
        .arg(&gz)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "import ilr-tumt-noc-rt-a → <https://example.org/labourgraph/graph/import/ilr-tumt-noc-rt-a>",
        ));
    assert!(p.join("data/imports/ilr-tumt-noc-rt-a.csv.gz").is_file());

    // Rewritten by hand (checksum updated too): build reports the bad row.
    let copy = p.join("data/imports/ilr-tumt-noc-rt-a.csv.gz");
    let text = std::fs::read_to_string(fixture("ilostat-synthetic.csv"))
        .unwrap()
        .replace("JPN,BA:99993", "JP,BA:99993");
    std::fs::write(&copy, text).unwrap();
    let meta = std::fs::read_to_string(p.join("data/dataset.json")).unwrap();
    let old = labourgraph::import::sha256_file(&gz).unwrap();
    let new = labourgraph::import::sha256_file(&copy).unwrap();
    std::fs::write(p.join("data/dataset.json"), meta.replace(&old, &new)).unwrap();
    labourgraph(p)
        .arg("build")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "data/imports/ilr-tumt-noc-rt-a.csv.gz:7:1: $.ref_area: `JP`",
        ));
}

#[test]
fn the_query_is_in_the_library() {
    let q = Library::new(common::root().join("queries"))
        .get("union-density")
        .unwrap();
    assert!(q.question.contains("ILR_TUMT_NOC_RT_A"));
    assert_eq!(q.params.len(), 2);
}
