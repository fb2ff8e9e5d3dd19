//! The curated input records: one Rust type per record kind, deserialised
//! from JSON with serde.
//!
//! Every struct denies unknown fields, so a misspelt field is an error and
//! never silently dropped. Values whose checks need context (dates, IRIs,
//! references to other records, evidence quotes) are kept as plain strings
//! here and checked by [`crate::validate`], which reports all problems of a
//! run together instead of stopping at the first.
//!
//! The record format is documented, with an example of each kind, in the
//! README ("Record format"). This file holds the kinds ([`RecordKind`]) and
//! [`Record`], a record of any kind; the types are in `common` (the values
//! every kind shares: names, dates, evidence, links, notes), `vocabularies`
//! (the closed lists of kebab-case values) and `kinds` (one struct per
//! kind), all re-exported here.

mod common;
mod kinds;
mod vocabularies;

pub use common::{Common, DateSpec, Evidence, ExternalId, LangString, Note};
pub use kinds::{
    Agreement, CountryCodes, Document, Event, Figure, Organisation, Participant, Person, Place,
    Post, Source, Topic,
};
pub use vocabularies::{
    AgreementKind, AgreementStatus, DocumentKind, DocumentStatus, EventKind, EventStatus, OrgKind,
    PlaceKind, Qualifier,
};

use std::fmt;

/// The kinds of record, in the order they are documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Source,
    Organisation,
    Person,
    Event,
    Agreement,
    Document,
    Place,
    Figure,
    Topic,
}

impl RecordKind {
    /// All kinds, in documentation order.
    pub const ALL: [RecordKind; 9] = [
        Self::Source,
        Self::Organisation,
        Self::Person,
        Self::Event,
        Self::Agreement,
        Self::Document,
        Self::Place,
        Self::Figure,
        Self::Topic,
    ];

    /// The value of the `type` field, also the IRI path segment (`{base}{kind}/{id}`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Organisation => "organisation",
            Self::Person => "person",
            Self::Event => "event",
            Self::Agreement => "agreement",
            Self::Document => "document",
            Self::Place => "place",
            Self::Figure => "figure",
            Self::Topic => "topic",
        }
    }

    /// Parses the value of a record's `type` field.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The list of accepted `type` values, for error messages.
    pub fn expected() -> String {
        Self::ALL
            .iter()
            .map(|k| format!("`{}`", k.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A record of any kind.
#[derive(Debug, Clone)]
pub enum Record {
    Source(Source),
    Organisation(Organisation),
    Person(Person),
    Event(Event),
    Agreement(Agreement),
    Document(Document),
    Place(Place),
    Figure(Figure),
    Topic(Topic),
}

impl Record {
    /// The kind of the record.
    pub fn kind(&self) -> RecordKind {
        match self {
            Self::Source(_) => RecordKind::Source,
            Self::Organisation(_) => RecordKind::Organisation,
            Self::Person(_) => RecordKind::Person,
            Self::Event(_) => RecordKind::Event,
            Self::Agreement(_) => RecordKind::Agreement,
            Self::Document(_) => RecordKind::Document,
            Self::Place(_) => RecordKind::Place,
            Self::Figure(_) => RecordKind::Figure,
            Self::Topic(_) => RecordKind::Topic,
        }
    }

    /// The fields shared by all kinds.
    pub fn common(&self) -> Common<'_> {
        match self {
            Self::Source(r) => r.common(),
            Self::Organisation(r) => r.common(),
            Self::Person(r) => r.common(),
            Self::Event(r) => r.common(),
            Self::Agreement(r) => r.common(),
            Self::Document(r) => r.common(),
            Self::Place(r) => r.common(),
            Self::Figure(r) => r.common(),
            Self::Topic(r) => r.common(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OrgKind::ALL.len(), 17);
    }
}
