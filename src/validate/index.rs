//! The first pass: which ids exist, of which kind and in which file, every
//! duplicate id, the kind of each record in reading order, and the full
//! texts of the sources that evidence quotes are checked against.

use super::{in_record, peek, with_article};
use crate::diagnostics::{Diagnostics, JsonPath, Problem};
use crate::reader::{DataFiles, RawRecord, for_each_record};
use crate::records::{RecordKind, Source};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What the first pass learns: every id with its kind, and the sources' texts.
#[derive(Debug, Default)]
pub struct Index {
    ids: HashMap<String, (RecordKind, u32)>,
    /// Ids defined more than once (reported once; references to them are not checked further).
    duplicates: HashSet<String>,
    files: Vec<PathBuf>,
    sources: HashMap<String, SourceText>,
    /// The kind of every record in reading order (`None` where its `type`
    /// or `id` is unusable), so that the second pass need not read them again.
    sequence: Vec<Option<RecordKind>>,
    /// Records per kind.
    pub counts: BTreeMap<RecordKind, usize>,
}

/// The full text of a source.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
    pub language: String,
}

impl Index {
    /// The first pass: reads every record's `type` and `id`, reports malformed
    /// JSON, unknown types, missing or invalid ids and duplicates, and loads
    /// the sources' texts.
    pub fn build(files: &DataFiles, diags: &mut Diagnostics) -> Self {
        let mut index = Self::default();
        for (file_no, file) in files.records.iter().enumerate() {
            index.files.push(file.clone());
            for_each_record(file, diags, true, |raw, diags| {
                let peeked = peek(&raw, diags, true);
                index.sequence.push(peeked.as_ref().map(|(kind, _)| *kind));
                let Some((kind, id)) = peeked else {
                    return;
                };
                if let Some((other_kind, other_file)) = index.ids.get(&id) {
                    let msg = format!(
                        "duplicate id `{id}`: already used by {} record in {}",
                        with_article(*other_kind),
                        index.files[*other_file as usize].display()
                    );
                    diags.push(in_record(
                        &raw,
                        JsonPath::root().key("id"),
                        Problem::DuplicateId,
                        msg,
                    ));
                    index.duplicates.insert(id);
                    return;
                }
                index.ids.insert(id.clone(), (kind, file_no as u32));
                *index.counts.entry(kind).or_default() += 1;
                if kind == RecordKind::Source {
                    if let Ok(source) = serde_json::from_str::<Source>(raw.text) {
                        index.load_text(&raw, &source, diags);
                    }
                }
            });
        }
        index
    }

    fn load_text(&mut self, raw: &RawRecord<'_>, source: &Source, diags: &mut Diagnostics) {
        let dir = raw.file.parent().unwrap_or(Path::new("."));
        let name = source
            .text
            .clone()
            .unwrap_or_else(|| format!("{}.txt", source.id));
        let path = dir.join(&name);
        let message = match std::fs::read_to_string(&path) {
            Ok(text) if !text.trim().is_empty() => {
                self.sources.insert(
                    source.id.clone(),
                    SourceText {
                        path,
                        text,
                        language: source.language.clone(),
                    },
                );
                return;
            }
            Ok(_) => format!(
                "the text of source `{}` ({}) is empty",
                source.id,
                path.display()
            ),
            Err(e) => format!(
                "cannot read the text of source `{}`: expected a file {} ({e})",
                source.id,
                path.display()
            ),
        };
        let key = if source.text.is_some() { "text" } else { "id" };
        diags.push(in_record(
            raw,
            JsonPath::root().key(key),
            Problem::MissingText,
            message,
        ));
    }

    /// The kind of the record with this id.
    pub fn kind(&self, id: &str) -> Option<RecordKind> {
        self.ids.get(id).map(|(k, _)| *k)
    }

    /// The kind of the `n`th record read (counting every record the reader
    /// delivers, in the same order as the first pass), if it had a usable
    /// `type` and `id`.
    pub fn kind_at(&self, n: usize) -> Option<RecordKind> {
        self.sequence.get(n).copied().flatten()
    }

    /// Whether the id is defined more than once (references to it are not
    /// checked further: the duplicate is reported where it is defined).
    pub(super) fn is_duplicate(&self, id: &str) -> bool {
        self.duplicates.contains(id)
    }

    /// The full text of a source.
    pub fn source(&self, id: &str) -> Option<&SourceText> {
        self.sources.get(id)
    }

    /// Number of records indexed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no record was indexed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}
