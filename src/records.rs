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
//! README ("Record format").

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
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

/// A name, either a plain JSON string (in the dataset's default language) or
/// `{"value": "…", "lang": "ru"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangString {
    pub value: String,
    pub lang: Option<String>,
}

impl<'de> Deserialize<'de> for LangString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LangStringVisitor;
        impl<'de> Visitor<'de> for LangStringVisitor {
            type Value = LangString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a string or an object {"value": "…", "lang": "…"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LangString, E> {
                Ok(LangString {
                    value: v.to_owned(),
                    lang: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LangString, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Tagged {
                    value: String,
                    lang: Option<String>,
                }
                let t = Tagged::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(LangString {
                    value: t.value,
                    lang: t.lang,
                })
            }
        }
        deserializer.deserialize_any(LangStringVisitor)
    }
}

/// A date as precise as the text supports.
///
/// In JSON either a string — `"2022-10-10"`, `"2022-10"` or `"2022"` — or an
/// object recording an inference: `{"value": "2019", "note": "…",
/// "evidence": […]}`, or an unknown date with bounds: `{"not_before": "2022",
/// "not_after": "2024-06", "note": "…", "evidence": […]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpec {
    /// The date, if known (stated or inferred).
    pub value: Option<String>,
    /// Earliest possible date when the date itself is unknown.
    pub not_before: Option<String>,
    /// Latest possible date when the date itself is unknown.
    pub not_after: Option<String>,
    /// How the date was inferred; `None` for a date stated in the text.
    pub note: Option<String>,
    /// Quotes supporting the inference.
    pub evidence: Vec<Evidence>,
    /// Whether the JSON used the object form (an inference or bounds).
    pub inferred: bool,
}

impl<'de> Deserialize<'de> for DateSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a date string ("YYYY-MM-DD", "YYYY-MM" or "YYYY") or an object {"value"|"not_before"|"not_after", "note", "evidence"}"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateSpec, E> {
                Ok(DateSpec {
                    value: Some(v.to_owned()),
                    not_before: None,
                    not_after: None,
                    note: None,
                    evidence: Vec::new(),
                    inferred: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DateSpec, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Inferred {
                    value: Option<String>,
                    not_before: Option<String>,
                    not_after: Option<String>,
                    note: Option<String>,
                    #[serde(default)]
                    evidence: Vec<Evidence>,
                }
                let d = Inferred::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DateSpec {
                    value: d.value,
                    not_before: d.not_before,
                    not_after: d.not_after,
                    note: d.note,
                    evidence: d.evidence,
                    inferred: true,
                })
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// A verbatim quote from a source that supports a record or a part of it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The `id` of a `source` record.
    pub source: String,
    /// Text that must occur verbatim in the source's full text.
    pub quote: String,
}

/// An external identifier (Wikidata, GeoNames…) and where it was verified.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalId {
    /// The external IRI, e.g. `http://www.wikidata.org/entity/Q232`.
    pub iri: String,
    /// The authoritative page where the identifier was checked.
    pub verified_in: String,
    pub note: Option<String>,
}

/// A curation decision (an identity decision, a disambiguation…) with the
/// evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The fields every record kind shares, borrowed from a record.
#[derive(Debug, Clone, Copy)]
pub struct Common<'a> {
    pub id: &'a str,
    pub name: &'a LangString,
    pub alt_names: &'a [LangString],
    pub description: Option<&'a str>,
    pub same_as: &'a [ExternalId],
    pub evidence: &'a [Evidence],
    pub notes: &'a [Note],
}

/// Declares a record struct with the shared fields followed by its own ones.
macro_rules! record_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The record kind (`type` in JSON); checked before this struct is read.
            #[serde(rename = "type")]
            pub record_type: String,
            /// Stable slug: lower-case ASCII letters and digits separated by single hyphens.
            pub id: String,
            pub name: LangString,
            #[serde(default)]
            pub alt_names: Vec<LangString>,
            pub description: Option<String>,
            #[serde(default)]
            pub same_as: Vec<ExternalId>,
            #[serde(default)]
            pub evidence: Vec<Evidence>,
            #[serde(default)]
            pub notes: Vec<Note>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            /// The shared fields.
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: &self.id,
                    name: &self.name,
                    alt_names: &self.alt_names,
                    description: self.description.as_deref(),
                    same_as: &self.same_as,
                    evidence: &self.evidence,
                    notes: &self.notes,
                }
            }
        }
    };
}

/// Declares a closed vocabulary of kebab-case values.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The JSON spelling of the value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }
    };
}

vocabulary! {
    /// What kind of organisation a record describes.
    OrgKind {
        NationalCentre = "national-trade-union-centre",
        InternationalConfederation = "international-trade-union-confederation",
        GlobalUnionFederation = "global-union-federation",
        RegionalCouncil = "regional-trade-union-council",
        SectoralUnion = "sectoral-union",
        RegionalUnion = "regional-union",
        TradeUnion = "trade-union",
        EmployersOrganisation = "employers-organisation",
        Foundation = "foundation",
        Intergovernmental = "intergovernmental-organisation",
        GovernmentBody = "government-body",
        Legislature = "legislature",
        Department = "department",
        RegionalOffice = "regional-office",
        GoverningBody = "governing-body",
        Group = "group",
        Other = "other",
    }
}

vocabulary! {
    /// What kind of event a record describes.
    EventKind {
        Meeting = "meeting",
        Session = "session",
        PlenarySession = "plenary-session",
        PanelSection = "panel-section",
        Forum = "forum",
        Seminar = "seminar",
        SeminarDay = "seminar-day",
        Conference = "conference",
        Visit = "visit",
        Other = "other",
    }
}

vocabulary! {
    /// What kind of agreement, commitment, plan, invitation or resolution.
    AgreementKind {
        SignedAgreement = "signed-agreement",
        VerbalCommitment = "verbal-commitment",
        Plan = "plan",
        Invitation = "invitation",
        Resolution = "resolution",
        GeneralAgreement = "general-agreement",
        Other = "other",
    }
}

vocabulary! {
    /// Whether an event took place.
    EventStatus {
        Planned = "planned",
        Completed = "completed",
        Cancelled = "cancelled",
    }
}

vocabulary! {
    /// Where an agreement stands, as far as the text says.
    AgreementStatus {
        Agreed = "agreed",
        Planned = "planned",
        Proposed = "proposed",
        Extended = "extended",
        Accepted = "accepted",
        Adopted = "adopted",
        InForce = "in-force",
        Completed = "completed",
    }
}

vocabulary! {
    /// What kind of document a record describes.
    DocumentKind {
        Strategy = "strategy",
        Concept = "concept",
        Programme = "programme",
        Law = "law",
        Code = "code",
        Constitution = "constitution",
        Convention = "convention",
        Resolution = "resolution",
        Agreement = "agreement",
        Report = "report",
        Other = "other",
    }
}

vocabulary! {
    /// Where a document stands, as far as the text says.
    DocumentStatus {
        Draft = "draft",
        Proposed = "proposed",
        Advocated = "advocated",
        Adopted = "adopted",
        InForce = "in-force",
        Expired = "expired",
    }
}

vocabulary! {
    /// What kind of place a record describes.
    PlaceKind {
        Venue = "venue",
        City = "city",
        Region = "region",
        Country = "country",
        Other = "other",
    }
}

vocabulary! {
    /// How a reported number relates to the true quantity.
    Qualifier {
        Exactly = "exactly",
        MoreThan = "more-than",
        AtLeast = "at-least",
        About = "about",
        LessThan = "less-than",
    }
}

record_struct! {
    /// A news article (or other text) that records are drawn from.
    Source {
        /// `id` of the organisation that published it.
        publisher: Option<String>,
        /// BCP 47 language tag of the text, e.g. `en`.
        language: String,
        date: Option<DateSpec>,
        url: Option<String>,
        /// Path of the full text, relative to this record's file; default `{id}.txt`.
        text: Option<String>,
    }
}

record_struct! {
    /// A trade union, federation, foundation, ministry, council, department…
    Organisation {
        kind: OrgKind,
        /// `id` of a place of kind `country`.
        country: Option<String>,
        /// `id` of the organisation this one is part of (a sub-unit names its parent).
        parent: Option<String>,
        /// `id` of the organisation (or person) that founded it.
        founder: Option<String>,
        founded: Option<DateSpec>,
    }
}

record_struct! {
    /// A person, with the posts the sources attest.
    Person {
        given_name: Option<String>,
        family_name: Option<String>,
        #[serde(default)]
        posts: Vec<Post>,
    }
}

/// A role held in an organisation (W3C ORG membership).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Slug distinguishing this post within the person; default `{organisation}-{role slug}`.
    pub id: Option<String>,
    /// The role, e.g. `Chairman`, `General Secretary`.
    pub role: String,
    /// `id` of the organisation the post is in.
    pub organisation: String,
    pub start: Option<DateSpec>,
    pub end: Option<DateSpec>,
    /// A date at which the source shows the post held.
    pub attested: Option<DateSpec>,
    /// `id`s of events at which the post is attested.
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

record_struct! {
    /// A meeting, session, forum, seminar, conference or visit.
    Event {
        kind: EventKind,
        /// `planned` for an event announced but not (yet) held; absent for
        /// an event the source reports as held.
        status: Option<EventStatus>,
        start: Option<DateSpec>,
        end: Option<DateSpec>,
        /// `id`s of places.
        #[serde(default)]
        places: Vec<String>,
        /// `id`s of organisations or people.
        #[serde(default)]
        organisers: Vec<String>,
        #[serde(default)]
        participants: Vec<Participant>,
        /// `id` of the event this one was part of (e.g. held on its sidelines).
        part_of: Option<String>,
        /// `id`s of topics discussed.
        #[serde(default)]
        topics: Vec<String>,
    }
}

/// Who took part in an event, for whom, and in what capacity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// `id` of a person.
    pub person: Option<String>,
    /// `id` of the organisation the person acts for (or that took part itself).
    pub organisation: Option<String>,
    /// In what capacity, as the text puts it.
    pub capacity: Option<String>,
    /// The part played, e.g. `speaker`, `moderator`, `head of delegation`.
    pub role: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

record_struct! {
    /// Anything parties agreed, committed to, planned, invited or resolved.
    Agreement {
        kind: AgreementKind,
        status: Option<AgreementStatus>,
        /// `id`s of the organisations or people who are party to it.
        parties: Vec<String>,
        /// `id` of the event where it was agreed.
        agreed_at: Option<String>,
        /// When it was agreed, where known apart from the event.
        date: Option<DateSpec>,
        /// What was agreed, in the curator's words.
        content: String,
        /// `id`s of places it concerns.
        #[serde(default)]
        places: Vec<String>,
        /// The date it concerns (e.g. of a planned visit).
        concerns_date: Option<DateSpec>,
        valid_from: Option<DateSpec>,
        valid_until: Option<DateSpec>,
        /// `id`s of documents it concerns or produced.
        #[serde(default)]
        documents: Vec<String>,
        /// `id`s of events it concerns (e.g. a planned visit or meeting).
        #[serde(default)]
        events: Vec<String>,
        #[serde(default)]
        topics: Vec<String>,
    }
}

record_struct! {
    /// A strategy, concept, programme, law, convention, resolution…
    Document {
        kind: DocumentKind,
        status: Option<DocumentStatus>,
        /// `id`s of the organisations that issued it.
        #[serde(default)]
        issuers: Vec<String>,
        /// `id` of the country (place) whose document it is.
        jurisdiction: Option<String>,
        /// Start of the period it covers, e.g. `2024` for 2024–2030.
        period_start: Option<DateSpec>,
        period_end: Option<DateSpec>,
        /// When it was issued or adopted.
        date: Option<DateSpec>,
        /// `id` of the event where it was adopted.
        adopted_at: Option<String>,
        /// `id` of the event where it was presented.
        presented_at: Option<String>,
        #[serde(default)]
        topics: Vec<String>,
    }
}

/// ISO 3166-1 codes of a country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryCodes {
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: String,
    /// Where the codes were checked.
    pub verified_in: String,
}

record_struct! {
    /// A venue, city, region or country.
    Place {
        kind: PlaceKind,
        /// `id` of the place it lies in.
        within: Option<String>,
        iso3166: Option<CountryCodes>,
    }
}

record_struct! {
    /// A reported quantity about an organisation, event or other entity.
    Figure {
        /// `id` of the entity the figure describes.
        about: String,
        value: serde_json::Number,
        qualifier: Option<Qualifier>,
        /// Unit of the value, e.g. `persons`, `percent`, `countries`.
        unit: String,
        /// What the figure counts, e.g. `affiliated national centres`.
        counts: String,
        date: Option<DateSpec>,
        /// `id` of the event at which the figure was reported.
        event: Option<String>,
    }
}

record_struct! {
    /// A concept in the dataset's SKOS scheme of labour-relations topics.
    Topic {
        /// `id`s of broader topics.
        #[serde(default)]
        broader: Vec<String>,
        definition: Option<String>,
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
    fn lang_string_accepts_both_forms() {
        let plain: LangString = serde_json::from_str(r#""FTURK""#).unwrap();
        assert_eq!(plain.lang, None);
        let tagged: LangString = serde_json::from_str(r#"{"value":"ФПРК","lang":"ru"}"#).unwrap();
        assert_eq!(tagged.lang.as_deref(), Some("ru"));
        assert!(serde_json::from_str::<LangString>(r#"{"value":"x","lng":"ru"}"#).is_err());
    }

    #[test]
    fn date_spec_forms() {
        let d: DateSpec = serde_json::from_str(r#""2022-10""#).unwrap();
        assert!(!d.inferred);
        let d: DateSpec =
            serde_json::from_str(r#"{"not_before":"2022","note":"after X"}"#).unwrap();
        assert!(d.inferred && d.value.is_none());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err =
            serde_json::from_str::<Topic>(r#"{"type":"topic","id":"t","name":"T","colour":"red"}"#)
                .unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"));
    }

    #[test]
    fn kinds_round_trip() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OrgKind::ALL.len(), 17);
    }
}
