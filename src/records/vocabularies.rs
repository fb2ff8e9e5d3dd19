//! The closed vocabularies of the records: the kebab-case values that the
//! `kind`, `status` and `qualifier` fields accept, each a Rust enum that
//! knows its JSON spelling.

use serde::Deserialize;

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
