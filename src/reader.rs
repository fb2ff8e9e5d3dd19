//! Finding record files under the data directory and splitting them into
//! records without copying them.
//!
//! `.json` files hold one record (an object) or an array of records;
//! `.jsonl` files hold one record per line and are streamed line by line,
//! so a bulk file is never held in memory as a whole. Each record comes with
//! its file, byte span and JSON path, so that problems found later can be
//! located exactly.

use crate::dataset::DATASET_FILE;
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use serde_json::value::RawValue;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The files of a data directory.
#[derive(Debug, Clone)]
pub struct DataFiles {
    /// The data directory.
    pub root: PathBuf,
    /// `dataset.json`.
    pub dataset: PathBuf,
    /// Record files (`.json` other than the metadata file, `.jsonl`), sorted.
    pub records: Vec<PathBuf>,
    /// Every file under the directory (texts included), sorted; what the
    /// store's freshness check hashes.
    pub all: Vec<PathBuf>,
}

impl DataFiles {
    /// Walks `root` (following no symlinks out of it) and sorts the files.
    pub fn discover(root: &Path) -> Result<Self, walkdir::Error> {
        let mut records = Vec::new();
        let mut all = Vec::new();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry?;
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_owned();
            let is_meta = entry.depth() == 1 && entry.file_name() == DATASET_FILE;
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !is_meta && (ext == "json" || ext == "jsonl") {
                records.push(path.clone());
            }
            all.push(path);
        }
        Ok(Self {
            root: root.to_owned(),
            dataset: root.join(DATASET_FILE),
            records,
            all,
        })
    }
}

/// One record's JSON text and where it sits.
#[derive(Debug, Clone, Copy)]
pub struct RawRecord<'a> {
    pub file: &'a Path,
    /// The record's JSON text.
    pub text: &'a str,
    /// Byte offset of the record in its file.
    pub offset: usize,
    /// `$` for a single-record file or a JSON Lines line, `$[i]` in an array.
    pub index: Option<usize>,
}

impl RawRecord<'_> {
    /// JSON path of the record in its file (of its line, in JSON Lines).
    pub fn path(&self) -> JsonPath {
        match self.index {
            Some(i) => JsonPath::root().index(i),
            None => JsonPath::root(),
        }
    }

    /// Byte span of the record in its file.
    pub fn span(&self) -> (usize, usize) {
        (self.offset, self.offset + self.text.len())
    }
}

/// Calls `each` for every record of `file`; unreadable files and malformed
/// JSON become diagnostics when `report` is set (the first pass reports,
/// the second stays silent about the same problems).
pub fn for_each_record(
    file: &Path,
    diags: &mut Diagnostics,
    report: bool,
    mut each: impl FnMut(RawRecord<'_>, &mut Diagnostics),
) {
    let fail = |diags: &mut Diagnostics, d: Diagnostic| {
        if report {
            diags.push(d);
        }
    };
    if file.extension().is_some_and(|e| e == "jsonl") {
        let mut reader = match std::fs::File::open(file) {
            Ok(f) => BufReader::with_capacity(1 << 20, f),
            Err(e) => {
                return fail(
                    diags,
                    Diagnostic::in_file(file, Problem::Io, format!("cannot read: {e}")),
                );
            }
        };
        let mut offset = 0;
        // One buffer for every line: a new one per line costs an allocation
        // and several reallocations each.
        let mut buffer = Vec::with_capacity(1 << 12);
        loop {
            buffer.clear();
            match reader.read_until(b'\n', &mut buffer) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    return fail(
                        diags,
                        Diagnostic::in_file(file, Problem::Io, format!("cannot read: {e}")),
                    );
                }
            }
            let len = buffer.len();
            let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
            match std::str::from_utf8(line) {
                Ok(text) if text.trim().is_empty() => {}
                Ok(text) => {
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    match serde_json::from_str::<&RawValue>(text) {
                        Ok(raw) => each(
                            RawRecord {
                                file,
                                text: raw.get(),
                                offset: offset + sub_offset(text, raw.get()),
                                index: None,
                            },
                            diags,
                        ),
                        Err(e) => fail(diags, syntax_error(file, text, offset, &e)),
                    }
                }
                Err(e) => fail(
                    diags,
                    Diagnostic::at_offset(
                        file,
                        offset + e.valid_up_to(),
                        JsonPath::root(),
                        Problem::Syntax,
                        "not valid UTF-8",
                    ),
                ),
            }
            offset += len;
        }
        return;
    }
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            return fail(
                diags,
                Diagnostic::in_file(file, Problem::Io, format!("cannot read: {e}")),
            );
        }
    };
    match text.trim_start().as_bytes().first() {
        Some(b'[') => match serde_json::from_str::<Vec<&RawValue>>(&text) {
            Ok(items) => {
                for (i, raw) in items.into_iter().enumerate() {
                    let rec = RawRecord {
                        file,
                        text: raw.get(),
                        offset: sub_offset(&text, raw.get()),
                        index: Some(i),
                    };
                    each(rec, diags);
                }
            }
            Err(e) => fail(diags, syntax_error(file, &text, 0, &e)),
        },
        Some(b'{') => match serde_json::from_str::<&RawValue>(&text) {
            Ok(raw) => each(
                RawRecord {
                    file,
                    text: raw.get(),
                    offset: sub_offset(&text, raw.get()),
                    index: None,
                },
                diags,
            ),
            Err(e) => fail(diags, syntax_error(file, &text, 0, &e)),
        },
        _ => fail(
            diags,
            Diagnostic::at_offset(
                file,
                text.len() - text.trim_start().len(),
                JsonPath::root(),
                Problem::Syntax,
                "expected a record (a JSON object) or an array of records",
            ),
        ),
    }
}

/// Byte offset of `inner` (a sub-slice) within `outer`.
fn sub_offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// A serde_json syntax error as a diagnostic at its exact position.
fn syntax_error(file: &Path, text: &str, base: usize, e: &serde_json::Error) -> Diagnostic {
    let offset = base + offset_of(text, e.line(), e.column());
    Diagnostic::at_offset(
        file,
        offset,
        JsonPath::root(),
        Problem::of_serde(e),
        strip_position(e),
    )
}

/// Byte offset in `text` of serde_json's 1-based line and (byte) column.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start = if line == 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// serde_json's message without its trailing " at line L column C".
pub fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        let text = "ab\ncd\nef";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 2), 4);
        assert_eq!(offset_of(text, 3, 1), 6);
    }

    #[test]
    fn arrays_and_lines() {
        let dir = tempfile::tempdir().unwrap();
        let arr = dir.path().join("a.json");
        std::fs::write(&arr, "[ {\"id\": 1},\n  {\"id\": 2} ]").unwrap();
        let lines = dir.path().join("b.jsonl");
        std::fs::write(&lines, "{\"id\": 1}\n\n{\"id\": 2\n{\"id\": 3}\n").unwrap();
        let mut diags = Diagnostics::default();
        let mut seen = Vec::new();
        for f in [&arr, &lines] {
            for_each_record(f, &mut diags, true, |r, _| {
                seen.push((r.offset, r.text.to_owned(), r.index))
            });
        }
        assert_eq!(seen[0], (2, "{\"id\": 1}".to_owned(), Some(0)));
        assert_eq!(seen[1], (15, "{\"id\": 2}".to_owned(), Some(1)));
        assert_eq!(seen[2], (0, "{\"id\": 1}".to_owned(), None));
        assert_eq!(seen[3], (20, "{\"id\": 3}".to_owned(), None));
        assert_eq!(diags.len(), 1);
        diags.resolve();
        assert_eq!(diags.items()[0].line_column(), Some((3, 8)));
    }
}
