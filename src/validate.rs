//! Validation of the records, in two streaming passes.
//!
//! The first pass ([`Index::build`]) reads only each record's `type` and `id`
//! (and the sources' full texts) to learn which ids exist; the second pass
//! ([`parse_record`] and [`check_record`]) reads each record fully and checks
//! types, unknown and missing fields, dates, IRIs, references and evidence
//! quotes against that index. Neither pass keeps the records, so memory grows
//! with the number of ids, not with the size of the corpus.

use crate::dataset::{DatasetMeta, RESERVED_GRAPH_NAMES, is_slug};
use crate::dates::PartialDate;
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use crate::reader::{DataFiles, RawRecord, for_each_record, offset_of, strip_position};
use crate::records::*;
use oxigraph::model::{Literal, NamedNode};
use serde::Deserialize;
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

/// The two fields the first pass reads.
#[derive(Deserialize)]
struct Peek {
    #[serde(rename = "type")]
    record_type: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
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
                    let d = Diagnostic::in_record(
                        raw.file,
                        raw.span(),
                        &raw.path(),
                        JsonPath::root().key("id"),
                        Problem::DuplicateId,
                        msg,
                    );
                    diags.push(d);
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
        match std::fs::read_to_string(&path) {
            Ok(text) if !text.trim().is_empty() => {
                self.sources.insert(
                    source.id.clone(),
                    SourceText {
                        path,
                        text,
                        language: source.language.clone(),
                    },
                );
            }
            Ok(_) => diags.push(Diagnostic::in_record(
                raw.file,
                raw.span(),
                &raw.path(),
                JsonPath::root().key(if source.text.is_some() { "text" } else { "id" }),
                Problem::MissingText,
                format!(
                    "the text of source `{}` ({}) is empty",
                    source.id,
                    path.display()
                ),
            )),
            Err(e) => diags.push(Diagnostic::in_record(
                raw.file,
                raw.span(),
                &raw.path(),
                JsonPath::root().key(if source.text.is_some() { "text" } else { "id" }),
                Problem::MissingText,
                format!(
                    "cannot read the text of source `{}`: expected a file {} ({e})",
                    source.id,
                    path.display()
                ),
            )),
        }
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

/// Reads a record's `type` and `id`; reports problems with them if `report`.
pub fn peek(
    raw: &RawRecord<'_>,
    diags: &mut Diagnostics,
    report: bool,
) -> Option<(RecordKind, String)> {
    let mut fail = |rel: JsonPath, problem, msg: String| {
        if report {
            diags.push(Diagnostic::in_record(
                raw.file,
                raw.span(),
                &raw.path(),
                rel,
                problem,
                msg,
            ));
        }
        None
    };
    let peek: Peek = match serde_json::from_str(raw.text) {
        Ok(p) => p,
        Err(_) => {
            return fail(
                JsonPath::root(),
                Problem::WrongType,
                "expected a record: a JSON object".into(),
            );
        }
    };
    let kind = match peek.record_type {
        None => {
            return fail(
                JsonPath::root(),
                Problem::MissingField,
                format!(
                    "missing field `type`, expected one of {}",
                    RecordKind::expected()
                ),
            );
        }
        Some(serde_json::Value::String(t)) => match RecordKind::parse(&t) {
            Some(k) => k,
            None => {
                return fail(
                    JsonPath::root().key("type"),
                    Problem::WrongType,
                    format!(
                        "unknown record type `{t}`, expected one of {}",
                        RecordKind::expected()
                    ),
                );
            }
        },
        Some(_) => {
            return fail(
                JsonPath::root().key("type"),
                Problem::WrongType,
                "expected a string for `type`".into(),
            );
        }
    };
    match peek.id {
        None => fail(
            JsonPath::root(),
            Problem::MissingField,
            "missing field `id`".into(),
        ),
        Some(serde_json::Value::String(id)) if is_slug(&id) => Some((kind, id)),
        Some(serde_json::Value::String(id)) => fail(
            JsonPath::root().key("id"),
            Problem::InvalidId,
            format!(
                "`{id}` is not a valid id: expected lower-case letters and digits separated by single hyphens, e.g. `fturk` or `tomoko-yoshino`"
            ),
        ),
        Some(_) => fail(
            JsonPath::root().key("id"),
            Problem::WrongType,
            "expected a string for `id`".into(),
        ),
    }
}

/// Fully deserialises a record of a known kind; a structural problem (wrong
/// type, unknown or missing field) becomes a diagnostic at its exact position.
pub fn parse_record(
    raw: &RawRecord<'_>,
    kind: RecordKind,
    diags: &mut Diagnostics,
) -> Option<Record> {
    fn typed<T: serde::de::DeserializeOwned>(
        raw: &RawRecord<'_>,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let mut de = serde_json::Deserializer::from_str(raw.text);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(v) => Some(v),
            Err(e) => {
                let inner = e.inner();
                let problem = Problem::of_serde(inner);
                let message = strip_position(inner);
                let relative = JsonPath::from_serde(&JsonPath::root(), e.path());
                // serde reports a missing field at the end of its object and an
                // unknown one after its key: point at the object and the key.
                let d = match problem {
                    Problem::MissingField => Diagnostic::in_record(
                        raw.file,
                        raw.span(),
                        &raw.path(),
                        relative,
                        problem,
                        message,
                    ),
                    Problem::UnknownField => Diagnostic::in_record(
                        raw.file,
                        raw.span(),
                        &raw.path(),
                        relative,
                        problem,
                        message,
                    )
                    .at_key(),
                    _ => {
                        let offset = raw.offset + offset_of(raw.text, inner.line(), inner.column());
                        Diagnostic::at_offset(
                            raw.file,
                            offset,
                            JsonPath::from_serde(&raw.path(), e.path()),
                            problem,
                            message,
                        )
                    }
                };
                diags.push(d);
                None
            }
        }
    }
    Some(match kind {
        RecordKind::Source => Record::Source(typed(raw, diags)?),
        RecordKind::Organisation => Record::Organisation(typed(raw, diags)?),
        RecordKind::Person => Record::Person(typed(raw, diags)?),
        RecordKind::Event => Record::Event(typed(raw, diags)?),
        RecordKind::Agreement => Record::Agreement(typed(raw, diags)?),
        RecordKind::Document => Record::Document(typed(raw, diags)?),
        RecordKind::Place => Record::Place(typed(raw, diags)?),
        RecordKind::Figure => Record::Figure(typed(raw, diags)?),
        RecordKind::Topic => Record::Topic(typed(raw, diags)?),
    })
}

/// Checks the dataset metadata (base IRI, licence, dates, language).
pub fn check_meta(file: &Path, meta: &DatasetMeta, diags: &mut Diagnostics) {
    let mut problem = |key: &str, problem: Problem, msg: String| {
        diags.push(Diagnostic::in_record(
            file,
            (0, usize::MAX),
            &JsonPath::root(),
            JsonPath::root().key(key),
            problem,
            msg,
        ));
    };
    match NamedNode::new(&meta.base) {
        Ok(_) if meta.base.ends_with('/') || meta.base.ends_with('#') => {}
        Ok(_) => problem(
            "base",
            Problem::InvalidValue,
            format!("base IRI `{}` must end with `/` or `#`", meta.base),
        ),
        Err(e) => problem(
            "base",
            Problem::InvalidValue,
            format!("`{}` is not an absolute IRI: {e}", meta.base),
        ),
    }
    if let Err(e) = NamedNode::new(&meta.license) {
        problem(
            "license",
            Problem::InvalidValue,
            format!("`{}` is not an absolute IRI: {e}", meta.license),
        );
    }
    if !matches!(PartialDate::parse(&meta.issued), Ok(PartialDate::Day(_))) {
        problem(
            "issued",
            Problem::InvalidDate,
            format!("`{}`: expected a release date as YYYY-MM-DD", meta.issued),
        );
    }
    if Literal::new_language_tagged_literal("x", &meta.language).is_err() {
        problem(
            "language",
            Problem::InvalidValue,
            format!("`{}` is not a BCP 47 language tag", meta.language),
        );
    }
}

/// Checks one parsed record against the index; returns whether it is valid.
pub fn check_record(
    raw: &RawRecord<'_>,
    record: &Record,
    index: &Index,
    diags: &mut Diagnostics,
) -> bool {
    let before = diags.len();
    let mut c = Checker { raw, index, diags };
    c.common(record);
    match record {
        Record::Source(r) => {
            if RESERVED_GRAPH_NAMES.contains(&r.id.as_str()) {
                c.error(
                    JsonPath::root().key("id"),
                    Problem::InvalidId,
                    format!(
                        "`{}` names a fixed graph of the dataset and cannot be a source id (reserved: {})",
                        r.id,
                        RESERVED_GRAPH_NAMES.join(", ")
                    ),
                );
            }
            c.lang(&JsonPath::root().key("language"), &r.language);
            c.opt_ref(
                &JsonPath::root().key("publisher"),
                r.publisher.as_deref(),
                &[RecordKind::Organisation],
            );
            c.opt_date(&JsonPath::root().key("date"), r.date.as_ref());
            if let Some(url) = &r.url {
                c.iri(&JsonPath::root().key("url"), url);
            }
        }
        Record::Organisation(r) => {
            let root = JsonPath::root();
            c.opt_ref(
                &root.key("country"),
                r.country.as_deref(),
                &[RecordKind::Place],
            );
            c.opt_ref(
                &root.key("parent"),
                r.parent.as_deref(),
                &[RecordKind::Organisation],
            );
            c.opt_ref(
                &root.key("founder"),
                r.founder.as_deref(),
                &[RecordKind::Organisation, RecordKind::Person],
            );
            c.opt_date(&root.key("founded"), r.founded.as_ref());
            if r.parent.as_deref() == Some(r.id.as_str()) {
                c.error(
                    root.key("parent"),
                    Problem::InvalidValue,
                    "an organisation cannot be its own parent".into(),
                );
            }
        }
        Record::Person(r) => {
            let mut post_ids = HashSet::new();
            for (i, post) in r.posts.iter().enumerate() {
                let p = JsonPath::root().key("posts").index(i);
                c.not_empty(&p.key("role"), &post.role, "role");
                c.reference(
                    &p.key("organisation"),
                    &post.organisation,
                    &[RecordKind::Organisation],
                );
                c.opt_range(
                    &p,
                    ("start", post.start.as_ref()),
                    ("end", post.end.as_ref()),
                );
                c.opt_date(&p.key("attested"), post.attested.as_ref());
                c.refs(&p.key("events"), &post.events, &[RecordKind::Event]);
                c.evidence(&p.key("evidence"), &post.evidence, true);
                let id = post_id(post);
                if let Some(explicit) = &post.id {
                    if !is_slug(explicit) {
                        c.error(
                            p.key("id"),
                            Problem::InvalidId,
                            format!("`{explicit}` is not a valid post id: expected a slug"),
                        );
                    }
                }
                if !post_ids.insert(id.clone()) {
                    c.error(
                        p.clone(),
                        Problem::Duplicate,
                        format!("a second post `{id}` (same role in the same organisation): give each an explicit distinct `id`"),
                    );
                }
            }
        }
        Record::Event(r) => {
            let root = JsonPath::root();
            c.opt_range(&root, ("start", r.start.as_ref()), ("end", r.end.as_ref()));
            c.refs(&root.key("places"), &r.places, &[RecordKind::Place]);
            c.refs(
                &root.key("organisers"),
                &r.organisers,
                &[RecordKind::Organisation, RecordKind::Person],
            );
            c.opt_ref(
                &root.key("part_of"),
                r.part_of.as_deref(),
                &[RecordKind::Event],
            );
            c.refs(&root.key("topics"), &r.topics, &[RecordKind::Topic]);
            if r.part_of.as_deref() == Some(r.id.as_str()) {
                c.error(
                    root.key("part_of"),
                    Problem::InvalidValue,
                    "an event cannot be part of itself".into(),
                );
            }
            let mut seen = HashSet::new();
            for (i, part) in r.participants.iter().enumerate() {
                let p = root.key("participants").index(i);
                c.opt_ref(
                    &p.key("person"),
                    part.person.as_deref(),
                    &[RecordKind::Person],
                );
                c.opt_ref(
                    &p.key("organisation"),
                    part.organisation.as_deref(),
                    &[RecordKind::Organisation],
                );
                c.evidence(&p.key("evidence"), &part.evidence, false);
                match participant_key(part) {
                    None => c.error(
                        p,
                        Problem::MissingField,
                        "a participant needs a `person`, an `organisation` or both".into(),
                    ),
                    Some(key) if !seen.insert(key.to_owned()) => c.error(
                        p,
                        Problem::Duplicate,
                        format!("`{key}` is listed as a participant twice"),
                    ),
                    Some(_) => {}
                }
            }
        }
        Record::Agreement(r) => {
            let root = JsonPath::root();
            if r.parties.is_empty() {
                c.error(
                    root.key("parties"),
                    Problem::MissingField,
                    "an agreement needs at least one party".into(),
                );
            }
            c.refs(
                &root.key("parties"),
                &r.parties,
                &[RecordKind::Organisation, RecordKind::Person],
            );
            c.opt_ref(
                &root.key("agreed_at"),
                r.agreed_at.as_deref(),
                &[RecordKind::Event],
            );
            c.opt_date(&root.key("date"), r.date.as_ref());
            c.not_empty(&root.key("content"), &r.content, "content");
            c.refs(&root.key("places"), &r.places, &[RecordKind::Place]);
            c.opt_date(&root.key("concerns_date"), r.concerns_date.as_ref());
            c.opt_range(
                &root,
                ("valid_from", r.valid_from.as_ref()),
                ("valid_until", r.valid_until.as_ref()),
            );
            c.refs(
                &root.key("documents"),
                &r.documents,
                &[RecordKind::Document],
            );
            c.refs(&root.key("events"), &r.events, &[RecordKind::Event]);
            c.refs(&root.key("topics"), &r.topics, &[RecordKind::Topic]);
        }
        Record::Document(r) => {
            let root = JsonPath::root();
            c.refs(
                &root.key("issuers"),
                &r.issuers,
                &[RecordKind::Organisation, RecordKind::Person],
            );
            c.opt_ref(
                &root.key("jurisdiction"),
                r.jurisdiction.as_deref(),
                &[RecordKind::Place],
            );
            c.opt_range(
                &root,
                ("period_start", r.period_start.as_ref()),
                ("period_end", r.period_end.as_ref()),
            );
            c.opt_date(&root.key("date"), r.date.as_ref());
            c.opt_ref(
                &root.key("adopted_at"),
                r.adopted_at.as_deref(),
                &[RecordKind::Event],
            );
            c.opt_ref(
                &root.key("presented_at"),
                r.presented_at.as_deref(),
                &[RecordKind::Event],
            );
            c.refs(&root.key("topics"), &r.topics, &[RecordKind::Topic]);
        }
        Record::Place(r) => {
            let root = JsonPath::root();
            c.opt_ref(
                &root.key("within"),
                r.within.as_deref(),
                &[RecordKind::Place],
            );
            if r.within.as_deref() == Some(r.id.as_str()) {
                c.error(
                    root.key("within"),
                    Problem::InvalidValue,
                    "a place cannot lie within itself".into(),
                );
            }
            if let Some(codes) = &r.iso3166 {
                let p = root.key("iso3166");
                let code = |s: &str, n: usize, digits: bool| {
                    s.len() == n
                        && s.bytes().all(|b| {
                            if digits {
                                b.is_ascii_digit()
                            } else {
                                b.is_ascii_uppercase()
                            }
                        })
                };
                if r.kind != PlaceKind::Country {
                    c.error(
                        p.clone(),
                        Problem::InvalidValue,
                        "ISO 3166-1 codes belong to places of kind `country`".into(),
                    );
                }
                for (key, value, n, digits) in [
                    ("alpha2", &codes.alpha2, 2, false),
                    ("alpha3", &codes.alpha3, 3, false),
                    ("numeric", &codes.numeric, 3, true),
                ] {
                    if !code(value, n, digits) {
                        let what = if digits {
                            "digits"
                        } else {
                            "upper-case letters"
                        };
                        c.error(
                            p.key(key),
                            Problem::InvalidValue,
                            format!("`{value}`: expected {n} {what}"),
                        );
                    }
                }
                c.iri(&p.key("verified_in"), &codes.verified_in);
            }
        }
        Record::Figure(r) => {
            let root = JsonPath::root();
            c.reference(&root.key("about"), &r.about, &RecordKind::ALL[1..]);
            c.not_empty(&root.key("unit"), &r.unit, "unit");
            c.not_empty(&root.key("counts"), &r.counts, "counts");
            c.opt_date(&root.key("date"), r.date.as_ref());
            c.opt_ref(&root.key("event"), r.event.as_deref(), &[RecordKind::Event]);
        }
        Record::Topic(r) => {
            c.refs(
                &JsonPath::root().key("broader"),
                &r.broader,
                &[RecordKind::Topic],
            );
            if let Some(i) = r.broader.iter().position(|b| b == &r.id) {
                c.error(
                    JsonPath::root().key("broader").index(i),
                    Problem::InvalidValue,
                    "a topic cannot be broader than itself".into(),
                );
            }
        }
    }
    diags.len() == before
}

/// The slug of a post within its person: its `id`, or `{organisation}-{role}`.
pub fn post_id(post: &Post) -> String {
    post.id.clone().unwrap_or_else(|| {
        format!(
            "{}-{}",
            post.organisation,
            crate::dataset::slugify(&post.role)
        )
    })
}

/// The id that names a participation within its event: the person's, or
/// the organisation's when no person is given.
pub fn participant_key(part: &Participant) -> Option<&str> {
    part.person.as_deref().or(part.organisation.as_deref())
}

/// `an organisation`, `a person`…
fn with_article(kind: RecordKind) -> String {
    let article = if kind.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// Pushes diagnostics located inside one record.
struct Checker<'a, 'r> {
    raw: &'a RawRecord<'r>,
    index: &'a Index,
    diags: &'a mut Diagnostics,
}

impl Checker<'_, '_> {
    fn error(&mut self, rel: JsonPath, problem: Problem, message: String) {
        let d = Diagnostic::in_record(
            self.raw.file,
            self.raw.span(),
            &self.raw.path(),
            rel,
            problem,
            message,
        );
        self.diags.push(d);
    }

    fn common(&mut self, record: &Record) {
        let common = record.common();
        let root = JsonPath::root();
        self.not_empty(&root.key("name"), &common.name.value, "name");
        if let Some(lang) = &common.name.lang {
            self.lang(&root.key("name").key("lang"), lang);
        }
        for (i, alt) in common.alt_names.iter().enumerate() {
            self.not_empty(
                &root.key("alt_names").index(i),
                &alt.value,
                "alternative name",
            );
            if let Some(lang) = &alt.lang {
                self.lang(&root.key("alt_names").index(i).key("lang"), lang);
            }
        }
        for (i, ext) in common.same_as.iter().enumerate() {
            let p = root.key("same_as").index(i);
            if self.iri(&p.key("iri"), &ext.iri) {
                if let Err(message) = crate::links::check(&ext.iri) {
                    self.error(p.key("iri"), Problem::InvalidLink, message);
                }
            }
            self.iri(&p.key("verified_in"), &ext.verified_in);
        }
        for (i, note) in common.notes.iter().enumerate() {
            let p = root.key("notes").index(i);
            self.not_empty(&p.key("text"), &note.text, "note text");
            self.evidence(&p.key("evidence"), &note.evidence, false);
        }
        let required = record.kind() != RecordKind::Source;
        self.evidence(&root.key("evidence"), common.evidence, required);
    }

    fn not_empty(&mut self, rel: &JsonPath, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(
                rel.clone(),
                Problem::MissingField,
                format!("the {what} must not be empty"),
            );
        }
    }

    fn lang(&mut self, rel: &JsonPath, tag: &str) {
        if Literal::new_language_tagged_literal("x", tag).is_err() {
            self.error(
                rel.clone(),
                Problem::InvalidValue,
                format!("`{tag}` is not a BCP 47 language tag (e.g. `en`, `ru`, `kk`, `ja`)"),
            );
        }
    }

    /// Checks an absolute IRI; returns whether it is one.
    fn iri(&mut self, rel: &JsonPath, iri: &str) -> bool {
        if let Err(e) = NamedNode::new(iri) {
            self.error(
                rel.clone(),
                Problem::InvalidValue,
                format!("`{iri}` is not an absolute IRI: {e}"),
            );
            return false;
        }
        true
    }

    fn reference(&mut self, rel: &JsonPath, id: &str, expected: &[RecordKind]) {
        let names = || {
            expected
                .iter()
                .map(|k| with_article(*k))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        match self.index.kind(id) {
            Some(_) if self.index.duplicates.contains(id) => {}
            Some(kind) if expected.contains(&kind) => {}
            Some(kind) => self.error(
                rel.clone(),
                Problem::WrongKind,
                format!(
                    "`{id}` is {} record, expected a reference to {}",
                    with_article(kind),
                    names()
                ),
            ),
            None => self.error(
                rel.clone(),
                Problem::UnknownReference,
                format!(
                    "no record has the id `{id}` (expected a reference to {})",
                    names()
                ),
            ),
        }
    }

    fn opt_ref(&mut self, rel: &JsonPath, id: Option<&str>, expected: &[RecordKind]) {
        if let Some(id) = id {
            self.reference(rel, id, expected);
        }
    }

    fn refs(&mut self, rel: &JsonPath, ids: &[String], expected: &[RecordKind]) {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            self.reference(&rel.index(i), id, expected);
            if !seen.insert(id) {
                self.error(
                    rel.index(i),
                    Problem::Duplicate,
                    format!("`{id}` is listed twice"),
                );
            }
        }
    }

    fn evidence(&mut self, rel: &JsonPath, evidence: &[Evidence], required: bool) {
        if required && evidence.is_empty() {
            self.error(
                rel.clone(),
                Problem::MissingField,
                "evidence is required: at least one {\"source\": …, \"quote\": …} quoting the record's source verbatim".into(),
            );
        }
        for (i, ev) in evidence.iter().enumerate() {
            let p = rel.index(i);
            match self.index.kind(&ev.source) {
                Some(RecordKind::Source) => {}
                Some(kind) => {
                    self.error(
                        p.key("source"),
                        Problem::WrongKind,
                        format!(
                            "`{}` is {} record, expected a source",
                            ev.source,
                            with_article(kind)
                        ),
                    );
                    continue;
                }
                None => {
                    self.error(
                        p.key("source"),
                        Problem::UnknownReference,
                        format!("no source has the id `{}`", ev.source),
                    );
                    continue;
                }
            }
            if ev.quote.trim().is_empty() {
                self.error(
                    p.key("quote"),
                    Problem::MissingField,
                    "the quote must not be empty".into(),
                );
            } else if let Some(text) = self.index.source(&ev.source) {
                if !text.text.contains(ev.quote.as_str()) {
                    self.error(
                        p.key("quote"),
                        Problem::QuoteNotFound,
                        format!(
                            "quote not found verbatim in source `{}` ({})",
                            ev.source,
                            text.path.display()
                        ),
                    );
                }
            }
        }
    }

    /// Checks a date; returns the range of days it may denote.
    fn date(
        &mut self,
        rel: &JsonPath,
        date: &DateSpec,
    ) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let parse = |this: &mut Self, key: Option<&str>, text: &str| {
            let p = key.map_or_else(|| rel.clone(), |k| rel.key(k));
            PartialDate::parse(text)
                .map_err(|e| this.error(p, Problem::InvalidDate, e))
                .ok()
        };
        if !date.inferred {
            let d = parse(self, None, date.value.as_deref().unwrap_or_default())?;
            return Some((d.earliest(), d.latest()));
        }
        self.evidence(&rel.key("evidence"), &date.evidence, false);
        if date.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            self.error(
                rel.clone(),
                Problem::MissingField,
                "an inferred or bounded date needs a `note` saying how it was inferred".into(),
            );
        }
        match (&date.value, &date.not_before, &date.not_after) {
            (Some(v), None, None) => {
                parse(self, Some("value"), v).map(|d| (d.earliest(), d.latest()))
            }
            (None, lo, hi) if lo.is_some() || hi.is_some() => {
                let lo = lo.as_deref().map(|t| parse(self, Some("not_before"), t));
                let hi = hi.as_deref().map(|t| parse(self, Some("not_after"), t));
                let (Some(lo), Some(hi)) = (
                    lo.unwrap_or(Some(PartialDate::Year(1))),
                    hi.unwrap_or(Some(PartialDate::Year(9999))),
                ) else {
                    return None;
                };
                if lo.earliest() > hi.latest() {
                    self.error(
                        rel.clone(),
                        Problem::InvalidDate,
                        format!("`not_before` {lo} is after `not_after` {hi}"),
                    );
                    return None;
                }
                Some((lo.earliest(), hi.latest()))
            }
            _ => {
                self.error(
                    rel.clone(),
                    Problem::InvalidDate,
                    "expected either `value` (an inferred date) or `not_before`/`not_after` bounds (an unknown date)".into(),
                );
                None
            }
        }
    }

    fn opt_date(
        &mut self,
        rel: &JsonPath,
        date: Option<&DateSpec>,
    ) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        date.and_then(|d| self.date(rel, d))
    }

    /// Checks two dates and that the first can precede the second.
    fn opt_range(
        &mut self,
        rel: &JsonPath,
        (k1, d1): (&str, Option<&DateSpec>),
        (k2, d2): (&str, Option<&DateSpec>),
    ) {
        let a = self.opt_date(&rel.key(k1), d1);
        let b = self.opt_date(&rel.key(k2), d2);
        if let (Some((a_lo, _)), Some((_, b_hi))) = (a, b) {
            if a_lo > b_hi {
                self.error(
                    rel.key(k2),
                    Problem::InvalidDate,
                    format!("`{k2}` is before `{k1}`"),
                );
            }
        }
    }
}
