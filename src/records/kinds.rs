//! One struct per record kind — the fields every kind shares, declared once
//! by `record_struct!`, followed by its own — and the structures nested in
//! them: a person's posts, an event's participants, a country's ISO codes.

use super::{
    AgreementKind, AgreementStatus, Common, DateSpec, DocumentKind, DocumentStatus, EventKind,
    EventStatus, Evidence, ExternalId, LangString, Note, OrgKind, PlaceKind, Qualifier,
};
use serde::Deserialize;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_rejected() {
        let err =
            serde_json::from_str::<Topic>(r#"{"type":"topic","id":"t","name":"T","colour":"red"}"#)
                .unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"));
    }
}
