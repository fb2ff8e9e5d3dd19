//! What each record must satisfy: the checks of the fields every kind
//! shares, then those of each kind (references of the right kinds, dates
//! and ranges, ISO codes, no record that refers to itself), and the ids of
//! the nodes nested in records (posts, participations).

use super::checker::Checker;
use super::index::Index;
use crate::dataset::{RESERVED_GRAPH_NAMES, is_slug};
use crate::diagnostics::{Diagnostics, JsonPath, Problem};
use crate::reader::RawRecord;
use crate::records::*;
use std::collections::HashSet;

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

impl Checker<'_, '_> {
    /// Checks the fields every kind shares: names, links, notes, evidence.
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
