//! ILOSTAT statistics: a table in ILOSTAT's bulk CSV layout — columns
//! `ref_area, source, indicator, sex, classif1, time, obs_value, obs_status,
//! note_classif, note_indicator, note_source` — read row by row ([`read`])
//! and mapped to RDF Data Cube ([`Cube`]).
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
//!
//! Every malformed row is reported with its line number (all of them
//! together); no row is dropped silently, and two rows for the same
//! observation are an error.

use crate::error::Result;
use crate::import::Areas;
use crate::vocab::{dcterms, lg, prov, qb, rdf, rdfs, schema, skos, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The columns of ILOSTAT's bulk CSV files.
pub const COLUMNS: [&str; 11] = [
    "ref_area",
    "source",
    "indicator",
    "sex",
    "classif1",
    "time",
    "obs_value",
    "obs_status",
    "note_classif",
    "note_indicator",
    "note_source",
];

/// Columns without which a row means nothing.
const REQUIRED: [&str; 4] = ["ref_area", "indicator", "time", "obs_value"];

/// The code of an empty optional dimension (SDMX's "not applicable").
pub const NOT_APPLICABLE: &str = "_Z";

/// Characters kept as they are in IRI path segments.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// A reference period: `2019`, `2019M03` or `2019Q1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Year(u16),
    Month(u16, u8),
    Quarter(u16, u8),
}

impl Period {
    /// Parses ILOSTAT's notation.
    pub fn parse(text: &str) -> Option<Self> {
        let year = |s: &str| {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let part = |s: &str, max: u8| s.parse::<u8>().ok().filter(|n| (1..=max).contains(n));
        match text.len() {
            4 => year(text).map(Self::Year),
            7 if &text[4..5] == "M" => Some(Self::Month(year(&text[..4])?, part(&text[5..], 12)?)),
            6 if &text[4..5] == "Q" => Some(Self::Quarter(year(&text[..4])?, part(&text[5..], 4)?)),
            _ => None,
        }
    }

    /// `"2019"^^xsd:gYear`, `"2019-03"^^xsd:gYearMonth`, or the plain literal `"2019Q1"`.
    pub fn literal(self) -> Literal {
        match self {
            Self::Year(y) => Literal::new_typed_literal(format!("{y:04}"), xsd::G_YEAR),
            Self::Month(y, m) => {
                Literal::new_typed_literal(format!("{y:04}-{m:02}"), xsd::G_YEAR_MONTH)
            }
            Self::Quarter(y, q) => Literal::new_simple_literal(format!("{y:04}Q{q}")),
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y:04}"),
            Self::Month(y, m) => write!(f, "{y:04}M{m:02}"),
            Self::Quarter(y, q) => write!(f, "{y:04}Q{q}"),
        }
    }
}

/// One valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row in the (decompressed) file.
    pub line: u64,
    pub ref_area: String,
    pub source: String,
    pub indicator: String,
    pub sex: String,
    pub classif1: String,
    pub time: Period,
    /// A valid `xsd:decimal`, or absent (then `obs_status` says why).
    pub obs_value: Option<String>,
    pub obs_status: String,
    pub note_classif: String,
    pub note_indicator: String,
    pub note_source: String,
}

/// A problem with the table at a 1-based line, in a column if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub column: Option<&'static str>,
    pub message: String,
}

/// Reads the table (gzip accepted), calling `each` for every valid row and
/// collecting every problem: a header that is not ILOSTAT's layout,
/// malformed rows, duplicate observations. Lines starting with `#` before
/// the header are comments (a test file says there that it is synthetic).
/// Returns the number of rows read.
pub fn read(
    path: &Path,
    problems: &mut Vec<RowProblem>,
    mut each: impl FnMut(Row) -> Result<()>,
) -> Result<u64> {
    let mut input = BufReader::new(crate::import::rdf::open(path)?);
    let mut comments = 0;
    loop {
        match input.fill_buf() {
            Ok(buf) if buf.first() == Some(&b'#') => {
                let mut line = Vec::new();
                if let Err(e) = input.read_until(b'\n', &mut line) {
                    problems.push(io_problem(comments + 1, &e));
                    return Ok(0);
                }
                comments += 1;
            }
            Ok(_) => break,
            Err(e) => {
                problems.push(io_problem(comments + 1, &e));
                return Ok(0);
            }
        }
    }
    read_table(input, comments, problems, &mut each)
}

fn io_problem(line: u64, e: &std::io::Error) -> RowProblem {
    RowProblem {
        line,
        column: None,
        message: format!("cannot read or decompress: {e}"),
    }
}

/// Reads the table from its header on, which is on line `offset + 1`.
fn read_table(
    input: impl Read,
    offset: u64,
    problems: &mut Vec<RowProblem>,
    each: &mut impl FnMut(Row) -> Result<()>,
) -> Result<u64> {
    let start = problems.len();
    let mut reader = csv::ReaderBuilder::new().from_reader(input);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(csv_problem(offset, 1, &e));
            return Ok(0);
        }
    };
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, name) in headers.iter().enumerate() {
        match COLUMNS
            .iter()
            .find(|c| **c == name.trim().trim_start_matches('\u{feff}'))
        {
            Some(c) if index.insert(c, i).is_some() => problems.push(header_problem(
                offset,
                format!("column `{c}` appears twice"),
            )),
            Some(_) => {}
            None => problems.push(header_problem(
                offset,
                format!(
                    "unknown column `{name}`: ILOSTAT's bulk layout has {}",
                    COLUMNS.join(", ")
                ),
            )),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|c| !index.contains_key(*c))
        .copied()
        .collect();
    if !missing.is_empty() {
        problems.push(header_problem(
            offset,
            format!(
                "missing column{} {}: expected ILOSTAT's bulk layout ({})",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", "),
                COLUMNS.join(", ")
            ),
        ));
    }
    if problems.len() > start {
        return Ok(0);
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                problems.push(csv_problem(offset, line, &e));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        rows += 1;
        let line = offset + record.position().map_or(line, csv::Position::line);
        let field = |c: &str| {
            index
                .get(c)
                .and_then(|i| record.get(*i))
                .unwrap_or("")
                .trim()
        };
        let before = problems.len();
        let mut bad = |column: &'static str, message: String| {
            problems.push(RowProblem {
                line,
                column: Some(column),
                message,
            });
        };
        let ref_area = field("ref_area");
        let b = ref_area.as_bytes();
        if !(b.len() == 3
            && b[0].is_ascii_uppercase()
            && b[1..]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        {
            bad(
                "ref_area",
                format!(
                    "`{ref_area}`: expected an ISO 3166-1 alpha-3 code (or an ILO area code such as X01)"
                ),
            );
        }
        for column in ["indicator", "source", "sex", "classif1", "obs_status"] {
            let value = field(column);
            if column == "indicator" && value.is_empty() {
                bad(column, "the indicator code must not be empty".into());
            } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
                bad(column, format!("`{value}`: expected a code without spaces"));
            }
        }
        let time = Period::parse(field("time"));
        if time.is_none() {
            bad(
                "time",
                format!(
                    "`{}`: expected a year (2019), a month (2019M03) or a quarter (2019Q1)",
                    field("time")
                ),
            );
        }
        let value = field("obs_value");
        if value.is_empty() && field("obs_status").is_empty() {
            bad("obs_value", "no value and no obs_status saying why".into());
        } else if !value.is_empty() && !is_decimal(value) {
            bad(
                "obs_value",
                format!("`{value}`: expected a decimal number such as 22.5"),
            );
        }
        let key = [
            ref_area,
            field("source"),
            field("indicator"),
            field("sex"),
            field("classif1"),
            field("time"),
        ]
        .join("\u{0}");
        if let Some(first) = seen.get(&key) {
            problems.push(RowProblem {
                line,
                column: None,
                message: format!("the same observation (ref_area, source, indicator, sex, classif1, time) as line {first}"),
            });
        } else {
            seen.insert(key, line);
        }
        if problems.len() > before {
            continue;
        }
        each(Row {
            line,
            ref_area: ref_area.to_owned(),
            source: field("source").to_owned(),
            indicator: field("indicator").to_owned(),
            sex: field("sex").to_owned(),
            classif1: field("classif1").to_owned(),
            time: time.expect("checked"),
            obs_value: (!value.is_empty()).then(|| value.to_owned()),
            obs_status: field("obs_status").to_owned(),
            note_classif: field("note_classif").to_owned(),
            note_indicator: field("note_indicator").to_owned(),
            note_source: field("note_source").to_owned(),
        })?;
    }
    if rows == 0 && problems.len() == start {
        problems.push(RowProblem {
            line: offset + 2,
            column: None,
            message: "the table has no rows".into(),
        });
    }
    Ok(rows)
}

fn header_problem(offset: u64, message: String) -> RowProblem {
    RowProblem {
        line: offset + 1,
        column: None,
        message,
    }
}

fn csv_problem(offset: u64, line: u64, e: &csv::Error) -> RowProblem {
    let line = offset + e.position().map_or(line, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} fields, but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".into(),
        csv::ErrorKind::Io(e) => format!("cannot read or decompress: {e}"),
        _ => e.to_string(),
    };
    RowProblem {
        line,
        column: None,
        message,
    }
}

/// Whether `s` is an `xsd:decimal` lexical form.
fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

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

/// Checks a whole table without mapping it: every problem, or the number of rows.
pub fn check(path: &Path) -> Result<(u64, Vec<RowProblem>)> {
    let mut problems = Vec::new();
    let rows = read(path, &mut problems, |_| Ok(()))?;
    Ok((rows, problems))
}
