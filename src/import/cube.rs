//! ILOSTAT rows as RDF Data Cube ([`Cube`]).
//!
//! * The structure is `lg:IlostatStructure` (in the ontology): dimensions
//!   `lg:refArea`, `lg:indicator`, `lg:sex`, `lg:classification`,
//!   `lg:statisticalSource` and `lg:refPeriod`, the measure `lg:obsValue`
//!   (`xsd:decimal`) and the attributes `lg:obsStatus`,
//!   `lg:noteClassification`, `lg:noteIndicator`, `lg:noteSource`.
//! * `ref_area` (ISO 3166-1 alpha-3) joins the curated place with that code
//!   (`lg:iso3166Alpha3`); an area no place has gets a minted IRI,
//!   `{base}ilostat/area/{code}`, typed `lg:StatisticalArea`.
//! * IRIs are deterministic, never blank nodes: the data set is
//!   `{base}ilostat/{import-id}`, an observation
//!   `{base}ilostat/{import-id}/{indicator}/{area}/{source}/{sex}/{classif1}/{time}`,
//!   a code `{base}ilostat/code/{column}/{code}` (percent-encoded; an empty
//!   optional code is `_Z`, SDMX's "not applicable").

use super::Areas;
use super::ilostat::Row;
use crate::vocab::{dcterms, lg, prov, qb, rdf, rdfs, schema, skos, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::collections::{BTreeMap, BTreeSet};

/// The code of an empty optional dimension (SDMX's "not applicable").
pub const NOT_APPLICABLE: &str = "_Z";

/// Characters kept as they are in IRI path segments.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// Maps valid rows of one table to Data Cube quads in the import's graph.
pub struct Cube<'a> {
    base: &'a str,
    dataset: NamedNode,
    graph: GraphName,
    areas: &'a Areas,
    /// Codes used, per column.
    codes: BTreeMap<&'static str, BTreeSet<String>>,
    /// Areas with no corpus place.
    minted: BTreeSet<String>,
    indicators: BTreeSet<String>,
}

impl<'a> Cube<'a> {
    /// The data set `{base}ilostat/{id}` in `graph`.
    pub fn new(base: &'a str, id: &str, graph: &NamedNode, areas: &'a Areas) -> Self {
        Self {
            base,
            dataset: NamedNode::new_unchecked(format!("{base}ilostat/{id}")),
            graph: graph.clone().into(),
            areas,
            codes: BTreeMap::new(),
            minted: BTreeSet::new(),
            indicators: BTreeSet::new(),
        }
    }

    fn add(&self, out: &mut Vec<Quad>, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        out.push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }

    fn code(&mut self, column: &'static str, code: &str) -> NamedNode {
        let code = if code.is_empty() {
            NOT_APPLICABLE
        } else {
            code
        };
        self.codes
            .entry(column)
            .or_default()
            .insert(code.to_owned());
        NamedNode::new_unchecked(format!(
            "{}ilostat/code/{column}/{}",
            self.base,
            segment(code)
        ))
    }

    /// The observation of one row.
    pub fn row(&mut self, row: &Row, out: &mut Vec<Quad>) {
        let obs = NamedNode::new_unchecked(format!(
            "{}/{}/{}/{}/{}/{}/{}",
            self.dataset.as_str(),
            segment(&row.indicator),
            segment(&row.ref_area),
            segment(or_na(&row.source)),
            segment(or_na(&row.sex)),
            segment(or_na(&row.classif1)),
            row.time
        ));
        let area = match self.areas.place(&row.ref_area) {
            Some(id) => NamedNode::new_unchecked(format!("{}place/{id}", self.base)),
            None => {
                self.minted.insert(row.ref_area.clone());
                self.area(&row.ref_area)
            }
        };
        self.indicators.insert(row.indicator.clone());
        let ds = self.dataset.clone();
        self.add(out, &obs, rdf::TYPE, qb::OBSERVATION.into_owned());
        self.add(out, &obs, qb::DATA_SET, ds);
        self.add(out, &obs, lg::REF_AREA, area);
        for (p, column, value) in [
            (lg::INDICATOR, "indicator", &row.indicator),
            (lg::STATISTICAL_SOURCE, "source", &row.source),
            (lg::SEX, "sex", &row.sex),
            (lg::CLASSIFICATION, "classif1", &row.classif1),
        ] {
            let code = self.code(column, value);
            self.add(out, &obs, p, code);
        }
        self.add(out, &obs, lg::REF_PERIOD, row.time.literal());
        if let Some(v) = &row.obs_value {
            self.add(
                out,
                &obs,
                lg::OBS_VALUE,
                Literal::new_typed_literal(v.clone(), xsd::DECIMAL),
            );
        }
        if !row.obs_status.is_empty() {
            let status = self.code("obs_status", &row.obs_status);
            self.add(out, &obs, lg::OBS_STATUS, status);
        }
        for (p, note) in [
            (lg::NOTE_CLASSIFICATION, &row.note_classif),
            (lg::NOTE_INDICATOR, &row.note_indicator),
            (lg::NOTE_SOURCE, &row.note_source),
        ] {
            if !note.is_empty() {
                self.add(out, &obs, p, Literal::new_simple_literal(note.clone()));
            }
        }
    }

    fn area(&self, code: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}ilostat/area/{}", self.base, segment(code)))
    }

    /// The data set, its code lists and minted areas, after the last row;
    /// returns the areas that no corpus place has.
    pub fn finish(self, origin: &str, out: &mut Vec<Quad>) -> Vec<String> {
        let ds = self.dataset.clone();
        self.add(out, &ds, rdf::TYPE, qb::DATA_SET_CLASS.into_owned());
        self.add(out, &ds, qb::STRUCTURE, lg::ILOSTAT_STRUCTURE.into_owned());
        let indicators: Vec<&str> = self.indicators.iter().map(String::as_str).collect();
        let label = Literal::new_simple_literal(format!("ILOSTAT {}", indicators.join(", ")));
        self.add(out, &ds, rdfs::LABEL, label.clone());
        self.add(out, &ds, dcterms::TITLE, label);
        match NamedNode::new(origin) {
            Ok(iri) => {
                self.add(out, &ds, dcterms::SOURCE, iri.clone());
                self.add(out, &ds, prov::WAS_DERIVED_FROM, iri);
            }
            Err(_) => self.add(
                out,
                &ds,
                dcterms::SOURCE,
                Literal::new_simple_literal(origin),
            ),
        }
        for (column, codes) in &self.codes {
            let scheme = NamedNode::new_unchecked(format!("{}ilostat/code/{column}", self.base));
            self.add(out, &scheme, rdf::TYPE, skos::CONCEPT_SCHEME.into_owned());
            self.add(
                out,
                &scheme,
                rdfs::LABEL,
                Literal::new_simple_literal(format!("ILOSTAT codes: {column}")),
            );
            for code in codes {
                let c = NamedNode::new_unchecked(format!("{}/{}", scheme.as_str(), segment(code)));
                self.add(out, &c, rdf::TYPE, skos::CONCEPT.into_owned());
                self.add(out, &c, skos::IN_SCHEME, scheme.clone());
                self.add(
                    out,
                    &c,
                    skos::NOTATION,
                    Literal::new_simple_literal(code.clone()),
                );
                let label = if code == NOT_APPLICABLE {
                    "not applicable (empty in the table)"
                } else {
                    code
                };
                self.add(out, &c, rdfs::LABEL, Literal::new_simple_literal(label));
            }
        }
        for code in &self.minted {
            let area = self.area(code);
            self.add(out, &area, rdf::TYPE, schema::PLACE.into_owned());
            self.add(out, &area, rdf::TYPE, lg::STATISTICAL_AREA.into_owned());
            self.add(
                out,
                &area,
                rdfs::LABEL,
                Literal::new_simple_literal(code.clone()),
            );
            self.add(
                out,
                &area,
                skos::NOTATION,
                Literal::new_simple_literal(code.clone()),
            );
            if code.bytes().all(|b| b.is_ascii_uppercase()) {
                self.add(
                    out,
                    &area,
                    lg::ISO_ALPHA3,
                    Literal::new_simple_literal(code.clone()),
                );
            }
            let comment = format!(
                "ILOSTAT reference area {code}: no place of the curated corpus has this ISO 3166-1 alpha-3 code, so labourgraph minted this IRI."
            );
            self.add(
                out,
                &area,
                rdfs::COMMENT,
                Literal::new_simple_literal(comment),
            );
        }
        self.minted.into_iter().collect()
    }
}

fn or_na(code: &str) -> &str {
    if code.is_empty() {
        NOT_APPLICABLE
    } else {
        code
    }
}

/// A code as an IRI path segment.
fn segment(code: &str) -> String {
    utf8_percent_encode(code, SEGMENT).to_string()
}
