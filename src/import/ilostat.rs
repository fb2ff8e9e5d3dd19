//! ILOSTAT statistics: reading a table in ILOSTAT's bulk CSV layout —
//! columns `ref_area, source, indicator, sex, classif1, time, obs_value,
//! obs_status, note_classif, note_indicator, note_source` — row by row
//! ([`read`]), checking every row. Every malformed row is reported with its
//! line number (all of them together); no row is dropped silently, and two
//! rows for the same observation are an error. [`super::cube`] maps the
//! valid rows to RDF Data Cube.

use crate::error::Result;
use crate::vocab::xsd;
use oxigraph::model::Literal;
use std::collections::HashMap;
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
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("t.csv");
/// std::fs::write(&path, "# synthetic example\nref_area,indicator,time,obs_value\nKAZ,X_1,2019,1.5\nKAZ,X_1,20,x\n")?;
/// let (mut rows, mut problems) = (Vec::new(), Vec::new());
/// labourgraph::import::ilostat::read(&path, &mut problems, |row| Ok(rows.push(row)))?;
/// assert_eq!(rows[0].obs_value.as_deref(), Some("1.5"));
/// assert_eq!((problems[0].line, problems[0].column), (4, Some("time")));
/// assert_eq!((problems[1].line, problems[1].column), (4, Some("obs_value")));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
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

/// Checks a whole table without mapping it: every problem, or the number of rows.
pub fn check(path: &Path) -> Result<(u64, Vec<RowProblem>)> {
    let mut problems = Vec::new();
    let rows = read(path, &mut problems, |_| Ok(()))?;
    Ok((rows, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(Period::parse("2019"), Some(Period::Year(2019)));
        assert_eq!(Period::parse("2019M03"), Some(Period::Month(2019, 3)));
        assert_eq!(Period::parse("2019Q4"), Some(Period::Quarter(2019, 4)));
        for bad in ["19", "2019M13", "2019Q5", "2019-03", "201X"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Period::Month(2019, 3).literal().to_string(),
            "\"2019-03\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
        );
        assert_eq!(Period::Quarter(2019, 1).to_string(), "2019Q1");
    }

    #[test]
    fn decimals() {
        for ok in ["22.5", "-1", "+0.25", "7.", ".5"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in ["", ".", "1e3", "1,5", "n/a", "--1"] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }
}
