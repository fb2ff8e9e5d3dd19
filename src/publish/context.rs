//! The published JSON-LD context, `ontology/context.jsonld`: one short term
//! for every class, property and individual the graph uses, so that the
//! compacted JSON-LD dump reads like plain JSON.
//!
//! The context is generated, deterministically, from two sources:
//!
//! * the project's own terms, read from the ontology (`lg:` classes,
//!   properties and the status and qualifier concepts): the term is the
//!   local name (`Meeting`, `hasParticipation`, `Agreed`);
//! * a fixed table of the standard terms the mapping and the dataset
//!   description use ([`STANDARD`]): the term is the local name, and where
//!   two vocabularies share a local name the less used one is prefixed
//!   (`dctermsDescription` next to schema.org's `description`,
//!   `orgOrganization` next to `Organization`, `owlSameAs` next to `sameAs`).
//!
//! Each property's definition says how its values are written:
//! [`Coercion::Id`] properties link to other nodes (`"@type": "@id"`, the
//! value is an IRI string), [`Coercion::Vocab`] properties link to
//! vocabulary terms (`"@type": "@vocab"`, e.g. `"status": "Agreed"`),
//! [`Coercion::Str`] properties hold plain strings (`"@language": null`) and
//! [`Coercion::Text`] properties hold text in the document's default
//! language, numbers or typed values. Properties that usually have several
//! values always hold an array (`"@container": "@set"`), and so does `type`.
//! A copy of the generated file is kept in the repository; a test checks it
//! is up to date.

use crate::error::{Error, Result};
use crate::ontology::ONTOLOGY_TTL;
use crate::vocab::{self, lg, rdf, rdfs, skos, xsd};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, BTreeSet};

/// How a property's values are written in the compacted JSON-LD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coercion {
    /// Links to nodes: `"@type": "@id"`.
    Id,
    /// Links to vocabulary terms: `"@type": "@vocab"`.
    Vocab,
    /// Text in the default language, numbers and typed values: no coercion.
    Text,
    /// Strings without a language: `"@language": null`.
    Str,
}

/// What a term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A class or an individual (a simple term definition).
    Node,
    /// A property, with how its values are written and whether it always
    /// holds an array.
    Property(Coercion, bool),
}

/// One term of the context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermDef {
    pub term: String,
    pub iri: String,
    pub kind: Kind,
}

use Coercion::{Id, Str, Text, Vocab};
const fn p(c: Coercion) -> Kind {
    Kind::Property(c, false)
}
const fn set(c: Coercion) -> Kind {
    Kind::Property(c, true)
}
const N: Kind = Kind::Node;

/// The standard terms: (term, namespace prefix, local name, kind).
pub const STANDARD: &[(&str, &str, &str, Kind)] = &[
    // RDF Schema and OWL
    ("label", "rdfs", "label", p(Text)),
    ("comment", "rdfs", "comment", p(Text)),
    ("seeAlso", "rdfs", "seeAlso", set(Id)),
    ("domain", "rdfs", "domain", p(Vocab)),
    ("range", "rdfs", "range", p(Vocab)),
    ("subClassOf", "rdfs", "subClassOf", set(Vocab)),
    ("subPropertyOf", "rdfs", "subPropertyOf", set(Vocab)),
    ("Class", "owl", "Class", N),
    ("ObjectProperty", "owl", "ObjectProperty", N),
    ("DatatypeProperty", "owl", "DatatypeProperty", N),
    ("Ontology", "owl", "Ontology", N),
    ("owlSameAs", "owl", "sameAs", set(Id)),
    ("versionInfo", "owl", "versionInfo", p(Str)),
    // SKOS
    ("Concept", "skos", "Concept", N),
    ("ConceptScheme", "skos", "ConceptScheme", N),
    ("prefLabel", "skos", "prefLabel", p(Text)),
    ("altLabel", "skos", "altLabel", set(Text)),
    ("definition", "skos", "definition", p(Text)),
    ("editorialNote", "skos", "editorialNote", set(Text)),
    ("notation", "skos", "notation", p(Str)),
    ("broader", "skos", "broader", set(Id)),
    ("narrower", "skos", "narrower", set(Id)),
    ("inScheme", "skos", "inScheme", p(Id)),
    ("hasTopConcept", "skos", "hasTopConcept", set(Id)),
    ("topConceptOf", "skos", "topConceptOf", p(Id)),
    ("closeMatch", "skos", "closeMatch", set(Vocab)),
    ("exactMatch", "skos", "exactMatch", set(Vocab)),
    ("broadMatch", "skos", "broadMatch", set(Vocab)),
    ("narrowMatch", "skos", "narrowMatch", set(Vocab)),
    ("relatedMatch", "skos", "relatedMatch", set(Vocab)),
    // schema.org
    ("Person", "schema", "Person", N),
    ("Organization", "schema", "Organization", N),
    ("WorkersUnion", "schema", "WorkersUnion", N),
    (
        "GovernmentOrganization",
        "schema",
        "GovernmentOrganization",
        N,
    ),
    ("Place", "schema", "Place", N),
    ("City", "schema", "City", N),
    ("Country", "schema", "Country", N),
    ("AdministrativeArea", "schema", "AdministrativeArea", N),
    ("Event", "schema", "Event", N),
    ("NewsArticle", "schema", "NewsArticle", N),
    ("CreativeWork", "schema", "CreativeWork", N),
    ("Legislation", "schema", "Legislation", N),
    ("QuantitativeValue", "schema", "QuantitativeValue", N),
    ("Role", "schema", "Role", N),
    ("name", "schema", "name", p(Text)),
    ("alternateName", "schema", "alternateName", set(Text)),
    ("description", "schema", "description", p(Text)),
    ("sameAs", "schema", "sameAs", set(Id)),
    ("givenName", "schema", "givenName", p(Str)),
    ("familyName", "schema", "familyName", p(Str)),
    ("startDate", "schema", "startDate", p(Text)),
    ("endDate", "schema", "endDate", p(Text)),
    ("location", "schema", "location", set(Id)),
    ("organizer", "schema", "organizer", set(Id)),
    ("attendee", "schema", "attendee", set(Id)),
    ("superEvent", "schema", "superEvent", p(Id)),
    ("subEvent", "schema", "subEvent", set(Id)),
    ("containedInPlace", "schema", "containedInPlace", p(Id)),
    ("headline", "schema", "headline", p(Text)),
    ("publisher", "schema", "publisher", p(Id)),
    ("inLanguage", "schema", "inLanguage", p(Str)),
    ("datePublished", "schema", "datePublished", p(Text)),
    ("url", "schema", "url", p(Id)),
    ("text", "schema", "text", p(Text)),
    ("founder", "schema", "founder", set(Id)),
    ("foundingDate", "schema", "foundingDate", p(Text)),
    ("value", "schema", "value", p(Text)),
    ("minValue", "schema", "minValue", p(Text)),
    ("maxValue", "schema", "maxValue", p(Text)),
    ("unitText", "schema", "unitText", p(Text)),
    ("about", "schema", "about", p(Id)),
    ("validFrom", "schema", "validFrom", p(Text)),
    ("validThrough", "schema", "validThrough", p(Text)),
    (
        "legislationJurisdiction",
        "schema",
        "legislationJurisdiction",
        p(Id),
    ),
    // W3C Organization Ontology
    ("FormalOrganization", "org", "FormalOrganization", N),
    ("OrganizationalUnit", "org", "OrganizationalUnit", N),
    ("orgOrganization", "org", "Organization", N),
    ("Membership", "org", "Membership", N),
    ("orgRole", "org", "Role", N),
    ("member", "org", "member", p(Id)),
    ("organization", "org", "organization", p(Id)),
    ("role", "org", "role", p(Id)),
    ("subOrganizationOf", "org", "subOrganizationOf", set(Id)),
    ("hasSubOrganization", "org", "hasSubOrganization", set(Id)),
    ("unitOf", "org", "unitOf", p(Id)),
    ("hasUnit", "org", "hasUnit", set(Id)),
    ("hasMembership", "org", "hasMembership", set(Id)),
    // PROV-O
    ("Entity", "prov", "Entity", N),
    ("wasDerivedFrom", "prov", "wasDerivedFrom", set(Id)),
    // DCMI Metadata Terms
    ("PeriodOfTime", "dcterms", "PeriodOfTime", N),
    ("title", "dcterms", "title", p(Text)),
    ("dctermsDescription", "dcterms", "description", p(Text)),
    ("subject", "dcterms", "subject", set(Id)),
    ("creator", "dcterms", "creator", set(Id)),
    ("dctermsPublisher", "dcterms", "publisher", p(Id)),
    ("license", "dcterms", "license", p(Id)),
    ("issued", "dcterms", "issued", p(Text)),
    ("modified", "dcterms", "modified", p(Text)),
    ("language", "dcterms", "language", p(Str)),
    ("source", "dcterms", "source", p(Id)),
    ("temporal", "dcterms", "temporal", p(Id)),
    ("date", "dcterms", "date", p(Text)),
    ("hasVersion", "dcterms", "hasVersion", p(Str)),
    ("conformsTo", "dcterms", "conformsTo", set(Id)),
    ("spatial", "dcterms", "spatial", set(Id)),
    // Web Annotation
    ("Annotation", "oa", "Annotation", N),
    ("SpecificResource", "oa", "SpecificResource", N),
    ("TextQuoteSelector", "oa", "TextQuoteSelector", N),
    ("describing", "oa", "describing", N),
    ("hasBody", "oa", "hasBody", p(Id)),
    ("hasTarget", "oa", "hasTarget", p(Id)),
    ("hasSource", "oa", "hasSource", p(Id)),
    ("hasSelector", "oa", "hasSelector", p(Id)),
    ("motivatedBy", "oa", "motivatedBy", p(Vocab)),
    ("exact", "oa", "exact", p(Str)),
    ("prefix", "oa", "prefix", p(Str)),
    ("suffix", "oa", "suffix", p(Str)),
    // DCAT
    ("Dataset", "dcat", "Dataset", N),
    ("Distribution", "dcat", "Distribution", N),
    ("keyword", "dcat", "keyword", set(Text)),
    ("dcatStartDate", "dcat", "startDate", p(Text)),
    ("dcatEndDate", "dcat", "endDate", p(Text)),
    ("distribution", "dcat", "distribution", set(Id)),
    ("downloadURL", "dcat", "downloadURL", p(Id)),
    ("accessURL", "dcat", "accessURL", p(Id)),
    ("mediaType", "dcat", "mediaType", p(Id)),
    ("compressFormat", "dcat", "compressFormat", p(Id)),
    ("byteSize", "dcat", "byteSize", p(Text)),
    // VoID
    ("voidDataset", "void", "Dataset", N),
    ("Linkset", "void", "Linkset", N),
    ("uriSpace", "void", "uriSpace", p(Str)),
    // RDF Data Cube (ILOSTAT imports and their structure in the ontology)
    ("qbDataSet", "qb", "DataSet", N),
    ("Observation", "qb", "Observation", N),
    (
        "DataStructureDefinition",
        "qb",
        "DataStructureDefinition",
        N,
    ),
    ("ComponentSpecification", "qb", "ComponentSpecification", N),
    ("DimensionProperty", "qb", "DimensionProperty", N),
    ("MeasureProperty", "qb", "MeasureProperty", N),
    ("AttributeProperty", "qb", "AttributeProperty", N),
    ("dataSet", "qb", "dataSet", p(Id)),
    ("structure", "qb", "structure", p(Id)),
    ("component", "qb", "component", set(Id)),
    ("dimension", "qb", "dimension", p(Vocab)),
    ("measure", "qb", "measure", p(Vocab)),
    ("attribute", "qb", "attribute", p(Vocab)),
    ("order", "qb", "order", p(Text)),
    ("componentRequired", "qb", "componentRequired", p(Text)),
    ("format", "dcterms", "format", p(Str)),
    ("triples", "void", "triples", p(Text)),
    ("entities", "void", "entities", p(Text)),
    ("classes", "void", "classes", p(Text)),
    ("properties", "void", "properties", p(Text)),
    ("distinctSubjects", "void", "distinctSubjects", p(Text)),
    ("distinctObjects", "void", "distinctObjects", p(Text)),
    ("classPartition", "void", "classPartition", set(Id)),
    ("propertyPartition", "void", "propertyPartition", set(Id)),
    ("class", "void", "class", p(Vocab)),
    ("property", "void", "property", p(Vocab)),
    ("vocabulary", "void", "vocabulary", set(Id)),
    ("subset", "void", "subset", set(Id)),
    ("linkPredicate", "void", "linkPredicate", p(Vocab)),
    ("subjectsTarget", "void", "subjectsTarget", p(Id)),
    ("objectsTarget", "void", "objectsTarget", p(Id)),
    ("dataDump", "void", "dataDump", set(Id)),
    ("feature", "void", "feature", set(Id)),
    // SPDX checksums
    ("Checksum", "spdx", "Checksum", N),
    ("checksum", "spdx", "checksum", p(Id)),
    ("algorithm", "spdx", "algorithm", p(Vocab)),
    ("checksumValue", "spdx", "checksumValue", p(Text)),
];

/// The SPDX namespace (checksums of distributions).
pub const SPDX: &str = "http://spdx.org/rdf/terms#";

const OWL_OBJECT_PROPERTY: &str = "http://www.w3.org/2002/07/owl#ObjectProperty";
const OWL_DATATYPE_PROPERTY: &str = "http://www.w3.org/2002/07/owl#DatatypeProperty";

/// `lg:` properties that usually have several values (always arrays).
const LG_SETS: &[&str] = &[
    "hasParticipation",
    "party",
    "concernsPlace",
    "concernsDocument",
    "concernsEvent",
    "attestedAt",
];

/// The prefixes declared in the context (for compact IRIs of terms without
/// a short term, and of datatypes such as `xsd:gYear`).
pub fn prefixes() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&str, &str)> = vocab::PREFIXES.to_vec();
    all.push(("spdx", SPDX));
    all.sort_unstable();
    all
}

/// The context: its terms, and lookups by IRI and by term.
#[derive(Debug, Clone)]
pub struct Context {
    terms: Vec<TermDef>,
    by_iri: BTreeMap<String, usize>,
    by_term: BTreeMap<String, usize>,
    prefixes: Vec<(&'static str, &'static str)>,
}

impl Context {
    /// The context of the embedded ontology and the standard terms.
    ///
    /// ```
    /// let context = labourgraph::publish::context::Context::new()?;
    /// assert_eq!(context.term("http://schema.org/name").map(|t| t.term.as_str()), Some("name"));
    /// # Ok::<_, labourgraph::Error>(())
    /// ```
    pub fn new() -> Result<Self> {
        Self::from_ontology(ONTOLOGY_TTL)
    }

    /// The context of an ontology in Turtle and the standard terms.
    pub fn from_ontology(ttl: &str) -> Result<Self> {
        let prefixes = prefixes();
        let ns = |prefix: &str| {
            prefixes
                .iter()
                .find(|(p, _)| *p == prefix)
                .map(|(_, ns)| *ns)
                .expect("the standard terms use declared prefixes")
        };
        let mut terms: Vec<TermDef> = STANDARD
            .iter()
            .map(|(term, prefix, local, kind)| TermDef {
                term: (*term).to_owned(),
                iri: format!("{}{local}", ns(prefix)),
                kind: *kind,
            })
            .collect();
        terms.extend(ontology_terms(ttl)?);
        let mut context = Self {
            by_iri: BTreeMap::new(),
            by_term: BTreeMap::new(),
            terms: Vec::new(),
            prefixes,
        };
        terms.sort_by(|a, b| a.term.cmp(&b.term));
        for t in terms {
            let clash = |what: &str| {
                Error::Publish(format!(
                    "the JSON-LD context would define {what} twice: `{}` <{}>",
                    t.term, t.iri
                ))
            };
            if context.by_term.contains_key(&t.term)
                || context.prefixes.iter().any(|(p, _)| *p == t.term)
            {
                return Err(clash("the term"));
            }
            if context.by_iri.contains_key(&t.iri) {
                return Err(clash("the IRI"));
            }
            context.by_term.insert(t.term.clone(), context.terms.len());
            context.by_iri.insert(t.iri.clone(), context.terms.len());
            context.terms.push(t);
        }
        Ok(context)
    }

    /// Every term, sorted by name.
    pub fn terms(&self) -> &[TermDef] {
        &self.terms
    }

    /// The term for an IRI.
    pub fn term(&self, iri: &str) -> Option<&TermDef> {
        self.by_iri.get(iri).map(|&i| &self.terms[i])
    }

    /// The prefixes of the context.
    pub fn prefixes(&self) -> &[(&'static str, &'static str)] {
        &self.prefixes
    }

    /// A compact IRI (`xsd:gYear`) for an IRI in one of the context's
    /// namespaces whose local part cannot be mistaken for anything else.
    pub fn curie(&self, iri: &str) -> Option<String> {
        self.prefixes
            .iter()
            .filter(|(_, ns)| iri.starts_with(ns))
            .max_by_key(|(_, ns)| ns.len())
            .map(|(p, ns)| (p, &iri[ns.len()..]))
            .filter(|(_, local)| !local.is_empty() && !local.starts_with("//"))
            .map(|(p, local)| format!("{p}:{local}"))
    }

    /// The context document, one definition per line, sorted.
    pub fn to_json(&self) -> String {
        let q = |s: &str| serde_json::Value::from(s).to_string();
        let mut lines = vec![
            "\"@version\": 1.1".to_owned(),
            "\"id\": \"@id\"".to_owned(),
            "\"type\": {\"@id\": \"@type\", \"@container\": \"@set\"}".to_owned(),
        ];
        for (prefix, ns) in &self.prefixes {
            lines.push(format!("{}: {}", q(prefix), q(ns)));
        }
        for t in &self.terms {
            let def = match t.kind {
                Kind::Node => q(&t.iri),
                Kind::Property(coercion, is_set) => {
                    let mut def = format!("{{\"@id\": {}", q(&t.iri));
                    def.push_str(match coercion {
                        Id => ", \"@type\": \"@id\"",
                        Vocab => ", \"@type\": \"@vocab\"",
                        Str => ", \"@language\": null",
                        Text => "",
                    });
                    if is_set {
                        def.push_str(", \"@container\": \"@set\"");
                    }
                    def.push('}');
                    def
                }
            };
            lines.push(format!("{}: {def}", q(&t.term)));
        }
        format!(
            "{{\n  \"@context\": {{\n    {}\n  }}\n}}\n",
            lines.join(",\n    ")
        )
    }
}

/// Terms for the `lg:` classes, properties and concepts of an ontology.
fn ontology_terms(ttl: &str) -> Result<Vec<TermDef>> {
    let triples: Vec<Triple> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl)
        .map(|t| {
            t.map(Triple::from).map_err(|e| Error::RdfSyntax {
                origin: "the ontology".into(),
                source: e.into(),
            })
        })
        .collect::<Result<_>>()?;
    let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut ranges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in &triples {
        let NamedOrBlankNode::NamedNode(subject) = &t.subject else {
            continue;
        };
        let iri = subject.as_str();
        if !iri.starts_with(lg::NS) {
            continue;
        }
        if let Term::NamedNode(o) = &t.object {
            if t.predicate.as_ref() == rdf::TYPE {
                types
                    .entry(iri.to_owned())
                    .or_default()
                    .insert(o.as_str().to_owned());
            } else if t.predicate.as_ref() == rdfs::RANGE {
                ranges
                    .entry(iri.to_owned())
                    .or_default()
                    .insert(o.as_str().to_owned());
            }
        }
    }
    let mut terms = Vec::new();
    for (iri, types) in types {
        let local = &iri[lg::NS.len()..];
        let range = ranges.get(&iri);
        let ranged = |r: &str| range.is_some_and(|set| set.contains(r));
        let coercion = if types.contains(OWL_OBJECT_PROPERTY) {
            if ranged(skos::CONCEPT.as_str()) || ranged(rdf::PROPERTY.as_str()) {
                Some(Vocab)
            } else {
                Some(Id)
            }
        } else if types.contains(OWL_DATATYPE_PROPERTY) {
            Some(if ranged(xsd::STRING.as_str()) {
                Str
            } else {
                Text
            })
        } else {
            None
        };
        let kind = match coercion {
            Some(c) => Kind::Property(c, LG_SETS.contains(&local)),
            None => Kind::Node,
        };
        terms.push(TermDef {
            term: local.to_owned(),
            iri: iri.clone(),
            kind,
        });
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_for_standard_and_own_vocabulary() {
        let c = Context::new().unwrap();
        let def = |iri: &str| c.term(iri).unwrap().clone();
        assert_eq!(def("http://schema.org/attendee").kind, set(Id));
        assert_eq!(
            def("http://purl.org/dc/terms/description").term,
            "dctermsDescription"
        );
        let status = def(&format!("{}status", lg::NS));
        assert_eq!((status.term.as_str(), status.kind), ("status", p(Vocab)));
        assert_eq!(def(&format!("{}Agreed", lg::NS)).kind, N);
        assert_eq!(def(&format!("{}counts", lg::NS)).kind, p(Text));
        assert_eq!(def(&format!("{}iso3166Alpha2", lg::NS)).kind, p(Str));
        assert_eq!(def(&format!("{}party", lg::NS)).kind, set(Id));
        assert_eq!(
            c.curie("http://www.w3.org/2001/XMLSchema#gYear").unwrap(),
            "xsd:gYear"
        );
    }

    #[test]
    fn clashes_are_errors() {
        let ttl = "@prefix owl: <http://www.w3.org/2002/07/owl#> .
            <https://example.org/labourgraph/ontology#name> a owl:DatatypeProperty .";
        assert!(Context::from_ontology(ttl).is_err());
    }
}
