//! Problems found in the input, each with its file, line:column, the JSON
//! path of the offending value and what was expected.
//!
//! Validation collects every problem of a run in [`Diagnostics`] rather than
//! stopping at the first. Positions are resolved lazily: serde's errors carry
//! a byte offset, while checks made after parsing (references, quotes, dates)
//! only know the JSON path; [`Diagnostics::resolve`] re-reads each affected
//! file once and finds the path's position with a span-preserving JSON parser.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A JSON path such as `$.posts[0].organisation`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    /// The root, `$`.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Key(key.to_owned()));
        p
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Index(index));
        p
    }

    /// Converts serde_path_to_error's path.
    pub fn from_serde(prefix: &JsonPath, path: &serde_path_to_error::Path) -> Self {
        use serde_path_to_error::Segment as S;
        let mut p = prefix.clone();
        for seg in path.iter() {
            match seg {
                S::Seq { index } => p.0.push(Segment::Index(*index)),
                S::Map { key } => p.0.push(Segment::Key(key.clone())),
                S::Enum { variant } => p.0.push(Segment::Key(variant.clone())),
                S::Unknown => {}
            }
        }
        p
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for seg in &self.0 {
            match seg {
                Segment::Key(k)
                    if !k.is_empty()
                        && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
                {
                    write!(f, ".{k}")?
                }
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// The class of a problem; printed as a short code and used by tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Problem {
    /// The file could not be read.
    Io,
    /// Not well-formed JSON.
    Syntax,
    /// A value of the wrong JSON type or an unknown enumeration value.
    WrongType,
    /// A field the record kind does not have.
    UnknownField,
    /// A required field is absent or empty.
    MissingField,
    /// Two records share an `id`.
    DuplicateId,
    /// An `id` that is not a slug.
    InvalidId,
    /// A reference to an `id` no record has.
    UnknownReference,
    /// A reference to a record of the wrong kind.
    WrongKind,
    /// A date that does not parse or bounds that contradict each other.
    InvalidDate,
    /// A malformed IRI, language tag or code.
    InvalidValue,
    /// An evidence quote not found verbatim in its source.
    QuoteNotFound,
    /// A source whose full text is missing.
    MissingText,
    /// The same thing listed twice.
    Duplicate,
    /// An external identifier (`same_as`) that is not a well-formed IRI of a
    /// known namespace (Wikidata, GeoNames, ISO 3166…).
    InvalidLink,
}

impl Problem {
    /// Short kebab-case code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Io => "io",
            Self::Syntax => "syntax",
            Self::WrongType => "wrong-type",
            Self::UnknownField => "unknown-field",
            Self::MissingField => "missing-field",
            Self::DuplicateId => "duplicate-id",
            Self::InvalidId => "invalid-id",
            Self::UnknownReference => "unknown-reference",
            Self::WrongKind => "wrong-kind",
            Self::InvalidDate => "invalid-date",
            Self::InvalidValue => "invalid-value",
            Self::QuoteNotFound => "quote-not-found",
            Self::MissingText => "missing-text",
            Self::Duplicate => "duplicate",
            Self::InvalidLink => "invalid-link",
        }
    }

    /// Classifies a serde_json error.
    pub fn of_serde(error: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        match error.classify() {
            Category::Io => Self::Io,
            Category::Syntax | Category::Eof => Self::Syntax,
            Category::Data => {
                let msg = error.to_string();
                if msg.starts_with("unknown field") {
                    Self::UnknownField
                } else if msg.starts_with("missing field") {
                    Self::MissingField
                } else {
                    Self::WrongType
                }
            }
        }
    }
}

/// Where in its file a problem is, before and after resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    /// The whole file.
    File,
    /// An absolute byte offset.
    Offset(usize),
    /// A JSON path to find inside the record spanning these bytes; at the
    /// key of its last step rather than at its value if `key`.
    InRecord {
        start: usize,
        end: usize,
        relative: JsonPath,
        key: bool,
    },
    /// Resolved 1-based line and column (in characters).
    LineColumn(usize, usize),
}

/// A problem in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub problem: Problem,
    /// Path of the offending value from the root of the file (or, in JSON
    /// Lines, of its line).
    pub path: JsonPath,
    pub message: String,
    position: Position,
}

impl Diagnostic {
    /// A problem with a whole file.
    pub fn in_file(file: &Path, problem: Problem, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            problem,
            path: JsonPath::root(),
            message: message.into(),
            position: Position::File,
        }
    }

    /// A problem at a known byte offset.
    pub fn at_offset(
        file: &Path,
        offset: usize,
        path: JsonPath,
        problem: Problem,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            problem,
            path,
            message: message.into(),
            position: Position::Offset(offset),
        }
    }

    /// A problem at a known 1-based line and (character) column, in a file
    /// that is not JSON (an imported RDF file, a statistics table); `path`
    /// names the field (a CSV column) or is the root.
    pub fn at_line_column(
        file: &Path,
        (line, column): (usize, usize),
        path: JsonPath,
        problem: Problem,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            problem,
            path,
            message: message.into(),
            position: Position::LineColumn(line, column),
        }
    }

    /// A problem at `relative` inside the record spanning `span` bytes of the
    /// file, whose own path is `record_path`.
    pub fn in_record(
        file: &Path,
        span: (usize, usize),
        record_path: &JsonPath,
        relative: JsonPath,
        problem: Problem,
        message: impl Into<String>,
    ) -> Self {
        let mut path = record_path.clone();
        path.0.extend(relative.0.iter().cloned());
        Self {
            file: file.to_owned(),
            problem,
            path,
            message: message.into(),
            position: Position::InRecord {
                start: span.0,
                end: span.1,
                relative,
                key: false,
            },
        }
    }

    /// Points the problem at the key of its path's last step (an unknown
    /// field) instead of at its value.
    pub fn at_key(mut self) -> Self {
        if let Position::InRecord { key, .. } = &mut self.position {
            *key = true;
        }
        self
    }

    /// The resolved 1-based line and column, if known.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self.position {
            Position::LineColumn(l, c) => Some((l, c)),
            _ => None,
        }
    }

    fn sort_key(&self) -> (PathBuf, usize, usize) {
        let (l, c) = self.line_column().unwrap_or((0, 0));
        (self.file.clone(), l, c)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.line_column() {
            write!(f, ":{line}:{column}")?;
        }
        write!(
            f,
            ": {}: {} [{}]",
            self.path,
            self.message,
            self.problem.code()
        )
    }
}

/// All problems of a run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The problems (resolved and sorted after [`resolve`](Self::resolve)).
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Resolves every position to line:column, reading each affected file
    /// once, and sorts the problems by file and position.
    pub fn resolve(&mut self) {
        let mut by_file: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
        for (i, d) in self.items.iter().enumerate() {
            if matches!(d.position, Position::Offset(_) | Position::InRecord { .. }) {
                by_file.entry(d.file.clone()).or_default().push(i);
            }
        }
        for (file, indices) in by_file {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let lines = LineIndex::new(&text);
            for i in indices {
                let d = &mut self.items[i];
                let offset = match &d.position {
                    Position::Offset(o) => *o,
                    Position::InRecord {
                        start,
                        end,
                        relative,
                        key,
                    } => {
                        let slice = text.get(*start..(*end).min(text.len())).unwrap_or("");
                        start + locate(slice, relative, *key)
                    }
                    _ => continue,
                };
                let (line, column) = lines.line_column(&text, offset);
                d.position = Position::LineColumn(line, column);
            }
        }
        self.items.sort_by_key(Diagnostic::sort_key);
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Byte offsets of line starts, to turn offsets into line:column.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// 1-based line and character column of a byte offset.
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// Byte offset, within `record`, of the value at `path` (of its key if
/// `at_key`); of the deepest existing ancestor when the path does not exist
/// (a missing field is reported at the object that lacks it).
fn locate(record: &str, path: &JsonPath, at_key: bool) -> usize {
    use jsonc_parser::ast::Value;
    use jsonc_parser::common::Ranged;
    let Ok(parsed) = jsonc_parser::parse_to_ast(record, &Default::default(), &Default::default())
    else {
        return 0;
    };
    let Some(mut value) = parsed.value else {
        return 0;
    };
    let last = path.0.len().saturating_sub(1);
    for (i, seg) in path.0.iter().enumerate() {
        let next = match (seg, &value) {
            (Segment::Key(k), Value::Object(obj)) => match obj.get(k) {
                Some(prop) if at_key && i == last => return prop.start(),
                Some(prop) => Some(prop.value.clone()),
                None => None,
            },
            (Segment::Index(i), Value::Array(arr)) => arr.elements.get(*i).cloned(),
            _ => None,
        };
        match next {
            Some(v) => value = v,
            None => break,
        }
    }
    value.start()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display() {
        let p = JsonPath::root()
            .index(3)
            .key("posts")
            .index(0)
            .key("organisation");
        assert_eq!(p.to_string(), "$[3].posts[0].organisation");
        assert_eq!(JsonPath::root().key("a b").to_string(), "$[\"a b\"]");
    }

    #[test]
    fn locates_paths_and_counts_characters() {
        let text = "{\n  \"name\": \"Özkan\",\n  \"posts\": [ {\"role\": 1} ]\n}";
        let p = JsonPath::root().key("posts").index(0).key("role");
        let off = locate(text, &p, false);
        assert_eq!(&text[off..off + 1], "1");
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_column(text, off), (3, 23));
        // A missing key points at the object that lacks it.
        let missing = JsonPath::root().key("posts").index(0).key("organisation");
        assert_eq!(&text[locate(text, &missing, false)..][..1], "{");
        assert_eq!(
            &text[locate(text, &JsonPath::root().key("posts"), true)..][..7],
            "\"posts\""
        );
    }
}
