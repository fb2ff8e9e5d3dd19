//! The vocabularies the mapping uses: IRIs of the standard terms (W3C ORG,
//! schema.org, SKOS, PROV-O, Dublin Core, Web Annotation, DCAT…) and of the
//! project's own ontology (`lg:`, defined in `ontology/labourgraph.ttl`).
//!
//! [`PREFIXES`] lists the prefixes every serialiser and query gets, so that
//! dumps and queries read the same.

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// Declares a namespace module with its IRI and one constant per term.
macro_rules! namespace {
    ($(#[$meta:meta])* $module:ident = $ns:literal { $($name:ident = $local:literal),* $(,)? }) => {
        $(#[$meta])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(
                #[doc = concat!("`", $ns, $local, "`")]
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
        }
    };
}

namespace! {
    /// The project's own ontology.
    lg = "https://example.org/labourgraph/ontology#" {
        // organisation classes
        TRADE_UNION = "TradeUnion",
        NATIONAL_CENTRE = "NationalTradeUnionCentre",
        INTERNATIONAL_CONFEDERATION = "InternationalTradeUnionConfederation",
        GLOBAL_UNION_FEDERATION = "GlobalUnionFederation",
        REGIONAL_COUNCIL = "RegionalTradeUnionCouncil",
        SECTORAL_UNION = "SectoralTradeUnion",
        REGIONAL_UNION = "RegionalTradeUnion",
        EMPLOYERS_ORGANISATION = "EmployersOrganisation",
        FOUNDATION = "Foundation",
        INTERGOVERNMENTAL = "IntergovernmentalOrganisation",
        GOVERNMENT_BODY = "GovernmentBody",
        LEGISLATURE = "Legislature",
        DEPARTMENT = "Department",
        REGIONAL_OFFICE = "RegionalOffice",
        GOVERNING_BODY = "GoverningBody",
        ORGANISATION_GROUP = "OrganisationGroup",
        // event classes
        MEETING = "Meeting",
        SESSION = "Session",
        PLENARY_SESSION = "PlenarySession",
        PANEL_SECTION = "PanelSection",
        FORUM = "Forum",
        SEMINAR = "Seminar",
        SEMINAR_DAY = "SeminarDay",
        CONFERENCE = "Conference",
        VISIT = "Visit",
        PARTICIPATION = "Participation",
        // agreements
        AGREEMENT = "Agreement",
        SIGNED_AGREEMENT = "SignedAgreement",
        VERBAL_COMMITMENT = "VerbalCommitment",
        PLAN = "Plan",
        INVITATION = "Invitation",
        RESOLUTION = "Resolution",
        GENERAL_AGREEMENT = "GeneralAgreement",
        STATUS = "status",
        // documents
        STRATEGY = "Strategy",
        POLICY_CONCEPT = "PolicyConcept",
        PROGRAMME = "Programme",
        CODE = "Code",
        CONSTITUTION = "Constitution",
        CONVENTION = "Convention",
        RESOLUTION_DOCUMENT = "ResolutionDocument",
        AGREEMENT_DOCUMENT = "AgreementDocument",
        REPORT = "Report",
        // figures
        REPORTED_FIGURE = "ReportedFigure",
        COUNTS = "counts",
        QUALIFIER = "qualifier",
        REPORTED_AT = "reportedAt",
        // curation and provenance
        SOURCE_GRAPH = "SourceGraph",
        CURATION_NOTE = "CurationNote",
        DATE_INFERENCE = "DateInference",
        ABOUT_ENTITY = "aboutEntity",
        ABOUT_PROPERTY = "aboutProperty",
        NOT_BEFORE = "notBefore",
        NOT_AFTER = "notAfter",
        INFERRED_VALUE = "inferredValue",
        VERIFIED_IN = "verifiedIn",
        // people, posts, participations
        ATTESTED_ON = "attestedOn",
        ATTESTED_AT = "attestedAt",
        HAS_PARTICIPATION = "hasParticipation",
        PARTICIPANT = "participant",
        ON_BEHALF_OF = "onBehalfOf",
        CAPACITY = "capacity",
        PARTICIPANT_ROLE = "participantRole",
        // agreements' links
        PARTY = "party",
        AGREED_AT = "agreedAt",
        AGREED_ON = "agreedOn",
        CONTENT = "content",
        CONCERNS_PLACE = "concernsPlace",
        CONCERNS_DATE = "concernsDate",
        CONCERNS_DOCUMENT = "concernsDocument",
        CONCERNS_EVENT = "concernsEvent",
        // documents' links
        ADOPTED_AT = "adoptedAt",
        PRESENTED_AT = "presentedAt",
        JURISDICTION = "jurisdiction",
        // organisations and places
        COUNTRY = "country",
        ISO_ALPHA2 = "iso3166Alpha2",
        ISO_ALPHA3 = "iso3166Alpha3",
        ISO_NUMERIC = "iso3166Numeric",
        // imports
        IMPORTED_GRAPH = "ImportedGraph",
        SHA256 = "sha256",
        IMPORT_FILE = "importFile",
        // statistics (RDF Data Cube)
        ILOSTAT_STRUCTURE = "IlostatStructure",
        STATISTICAL_AREA = "StatisticalArea",
        REF_AREA = "refArea",
        INDICATOR = "indicator",
        SEX = "sex",
        CLASSIFICATION = "classification",
        STATISTICAL_SOURCE = "statisticalSource",
        REF_PERIOD = "refPeriod",
        OBS_VALUE = "obsValue",
        OBS_STATUS = "obsStatus",
        NOTE_CLASSIFICATION = "noteClassification",
        NOTE_INDICATOR = "noteIndicator",
        NOTE_SOURCE = "noteSource",
    }
}

namespace! {
    /// W3C Organization Ontology.
    org = "http://www.w3.org/ns/org#" {
        ORGANIZATION_CLASS = "Organization",
        FORMAL_ORGANIZATION = "FormalOrganization",
        ORGANIZATIONAL_UNIT = "OrganizationalUnit",
        MEMBERSHIP = "Membership",
        ROLE = "Role",
        MEMBER = "member",
        ORGANIZATION = "organization",
        ROLE_PROP = "role",
        SUB_ORGANIZATION_OF = "subOrganizationOf",
        HAS_SUB_ORGANIZATION = "hasSubOrganization",
        UNIT_OF = "unitOf",
        HAS_UNIT = "hasUnit",
        HAS_MEMBERSHIP = "hasMembership",
    }
}

namespace! {
    /// schema.org.
    schema = "http://schema.org/" {
        PERSON = "Person",
        ORGANIZATION = "Organization",
        WORKERS_UNION = "WorkersUnion",
        GOVERNMENT_ORGANIZATION = "GovernmentOrganization",
        PLACE = "Place",
        CITY = "City",
        COUNTRY = "Country",
        ADMINISTRATIVE_AREA = "AdministrativeArea",
        EVENT = "Event",
        NEWS_ARTICLE = "NewsArticle",
        CREATIVE_WORK = "CreativeWork",
        LEGISLATION = "Legislation",
        QUANTITATIVE_VALUE = "QuantitativeValue",
        NAME = "name",
        ALTERNATE_NAME = "alternateName",
        DESCRIPTION = "description",
        SAME_AS = "sameAs",
        GIVEN_NAME = "givenName",
        FAMILY_NAME = "familyName",
        START_DATE = "startDate",
        END_DATE = "endDate",
        LOCATION = "location",
        ORGANIZER = "organizer",
        ATTENDEE = "attendee",
        SUPER_EVENT = "superEvent",
        SUB_EVENT = "subEvent",
        CONTAINED_IN_PLACE = "containedInPlace",
        HEADLINE = "headline",
        PUBLISHER = "publisher",
        IN_LANGUAGE = "inLanguage",
        DATE_PUBLISHED = "datePublished",
        URL = "url",
        TEXT = "text",
        FOUNDER = "founder",
        FOUNDING_DATE = "foundingDate",
        VALUE = "value",
        MIN_VALUE = "minValue",
        MAX_VALUE = "maxValue",
        UNIT_TEXT = "unitText",
        ABOUT = "about",
        VALID_FROM = "validFrom",
        VALID_THROUGH = "validThrough",
    }
}

namespace! {
    /// SKOS.
    skos = "http://www.w3.org/2004/02/skos/core#" {
        CONCEPT = "Concept",
        CONCEPT_SCHEME = "ConceptScheme",
        PREF_LABEL = "prefLabel",
        ALT_LABEL = "altLabel",
        DEFINITION = "definition",
        BROADER = "broader",
        NARROWER = "narrower",
        IN_SCHEME = "inScheme",
        HAS_TOP_CONCEPT = "hasTopConcept",
        TOP_CONCEPT_OF = "topConceptOf",
        EDITORIAL_NOTE = "editorialNote",
        NOTATION = "notation",
    }
}

namespace! {
    /// PROV-O.
    prov = "http://www.w3.org/ns/prov#" {
        ENTITY = "Entity",
        WAS_DERIVED_FROM = "wasDerivedFrom",
    }
}

namespace! {
    /// DCMI Metadata Terms.
    dcterms = "http://purl.org/dc/terms/" {
        TITLE = "title",
        DESCRIPTION = "description",
        SUBJECT = "subject",
        CREATOR = "creator",
        PUBLISHER = "publisher",
        LICENSE = "license",
        ISSUED = "issued",
        LANGUAGE = "language",
        SOURCE = "source",
        TEMPORAL = "temporal",
        DATE = "date",
        PERIOD_OF_TIME = "PeriodOfTime",
        HAS_VERSION = "hasVersion",
        FORMAT = "format",
    }
}

namespace! {
    /// W3C Web Annotation vocabulary.
    oa = "http://www.w3.org/ns/oa#" {
        ANNOTATION = "Annotation",
        SPECIFIC_RESOURCE = "SpecificResource",
        TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
        HAS_BODY = "hasBody",
        HAS_TARGET = "hasTarget",
        HAS_SOURCE = "hasSource",
        HAS_SELECTOR = "hasSelector",
        EXACT = "exact",
        PREFIX = "prefix",
        SUFFIX = "suffix",
        MOTIVATED_BY = "motivatedBy",
        DESCRIBING = "describing",
    }
}

namespace! {
    /// DCAT.
    dcat = "http://www.w3.org/ns/dcat#" {
        DATASET = "Dataset",
        START_DATE = "startDate",
        END_DATE = "endDate",
        KEYWORD = "keyword",
    }
}

namespace! {
    /// VoID.
    void = "http://rdfs.org/ns/void#" {
        DATASET = "Dataset",
        URI_SPACE = "uriSpace",
        SUBSET = "subset",
        TRIPLES = "triples",
    }
}

namespace! {
    /// OWL.
    owl = "http://www.w3.org/2002/07/owl#" {
        SAME_AS = "sameAs",
        ONTOLOGY = "Ontology",
        CLASS = "Class",
        OBJECT_PROPERTY = "ObjectProperty",
        DATATYPE_PROPERTY = "DatatypeProperty",
    }
}

namespace! {
    /// RDF Data Cube.
    qb = "http://purl.org/linked-data/cube#" {
        DATA_SET_CLASS = "DataSet",
        OBSERVATION = "Observation",
        DATA_SET = "dataSet",
        STRUCTURE = "structure",
    }
}

/// The prefixes every serialiser and the query engine get.
pub const PREFIXES: &[(&str, &str)] = &[
    ("lg", lg::NS),
    ("org", org::NS),
    ("schema", schema::NS),
    ("skos", skos::NS),
    ("prov", prov::NS),
    ("dcterms", dcterms::NS),
    ("oa", oa::NS),
    ("dcat", dcat::NS),
    ("void", void::NS),
    ("owl", owl::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("time", "http://www.w3.org/2006/time#"),
    ("qb", qb::NS),
    ("wd", "http://www.wikidata.org/entity/"),
];
