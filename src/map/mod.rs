//! Mapping of validated records to RDF quads: the interoperability contract.
//!
//! * IRIs: `{base}{kind}/{id}` for records; n-ary nodes (posts,
//!   participations, evidence, notes, periods) get IRIs below their record's
//!   IRI derived from ids or from a hash of their content, never blank nodes.
//! * Graphs: a record's statements go into the named graph of its first
//!   evidence source, `{base}graph/{source-id}` (a post or participation with
//!   evidence of its own goes into its own first source's graph); every
//!   evidence quote is a Web Annotation in the graph of the source it quotes.
//!   Each triple is generated once, so the union default graph has no
//!   duplicates. Dataset, source and graph descriptions, roles and the topic
//!   scheme are in `{base}graph/metadata`; curation decisions, inferred
//!   dates and external links in `{base}graph/curation`.
//!
//! The README ("Ontology at a glance") documents the terms per record kind.
//!
//! This file holds the [`Mapper`], its buffer and the helpers every kind
//! uses; the rest is in submodules: `metadata` (the dataset description,
//! sources and roles in the metadata graph), `curation` (links to external
//! identifiers, curators' notes and dates with their inferences, in the
//! curation graph), `provenance` (evidence quotes as Web Annotations) and
//! one per kind or pair of kinds: `organisations` (and people), `events`
//! (and agreements), `documents`, `places`, `figures`, `topics`.

mod curation;
mod documents;
mod events;
mod figures;
mod metadata;
mod organisations;
mod places;
mod provenance;
mod topics;

pub use organisations::org_classes;
pub use provenance::short_hash;

use crate::dataset::{DatasetMeta, Iris};
use crate::records::*;
use crate::validate::Index;
use crate::vocab::{lg, rdfs, schema, skos};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::BTreeMap;

/// Turns records into quads, appended to an internal buffer that the caller
/// drains (see [`Mapper::take`]).
pub struct Mapper<'a> {
    meta: &'a DatasetMeta,
    index: &'a Index,
    iris: Iris,
    metadata: GraphName,
    curation: GraphName,
    roles: BTreeMap<String, String>,
    out: Vec<Quad>,
}

impl<'a> Mapper<'a> {
    /// A mapper for a dataset whose ids are in `index`.
    pub fn new(meta: &'a DatasetMeta, index: &'a Index) -> Self {
        let iris = Iris::new(meta.base.clone());
        Self {
            metadata: named(iris.metadata_graph()).into(),
            curation: named(iris.curation_graph()).into(),
            iris,
            meta,
            index,
            roles: BTreeMap::new(),
            out: Vec::new(),
        }
    }

    /// Number of quads waiting in the buffer.
    pub fn buffered(&self) -> usize {
        self.out.len()
    }

    /// Takes the buffered quads.
    pub fn take(&mut self) -> Vec<Quad> {
        std::mem::take(&mut self.out)
    }

    /// The buffer of mapped quads, for a sink to drain (it keeps its capacity).
    pub fn buffer(&mut self) -> &mut Vec<Quad> {
        &mut self.out
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>, g: &GraphName) {
        self.out.push(Quad::new(s.clone(), p, o, g.clone()));
    }

    fn link(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: NamedNodeRef<'_>, g: &GraphName) {
        self.add(s, p, o.into_owned(), g);
    }

    /// The IRI of the record with this id (its kind looked up in the index).
    fn entity(&self, id: &str) -> NamedNode {
        let kind = self.index.kind(id).map_or("unknown", RecordKind::as_str);
        named(self.iris.entity(kind, id))
    }

    fn source_graph(&self, source: &str) -> GraphName {
        named(self.iris.graph(source)).into()
    }

    /// The graph of the first evidence source, or `fallback`.
    fn graph_of(&self, evidence: &[Evidence], fallback: &GraphName) -> GraphName {
        evidence
            .first()
            .map_or_else(|| fallback.clone(), |e| self.source_graph(&e.source))
    }

    fn text(&self, value: &str) -> Literal {
        lang_literal(value, Some(&self.meta.language))
    }

    /// Maps one valid record.
    pub fn record(&mut self, record: &Record) {
        let common = record.common();
        let kind = record.kind();
        let subject = named(self.iris.entity(kind.as_str(), common.id));
        let g = if kind == RecordKind::Source {
            self.metadata.clone()
        } else {
            self.graph_of(common.evidence, &self.curation.clone())
        };
        self.common(&subject, common, kind, &g);
        match record {
            Record::Source(r) => self.source(&subject, r, &g),
            Record::Organisation(r) => self.organisation(&subject, r, &g),
            Record::Person(r) => self.person(&subject, r, &g),
            Record::Event(r) => self.event(&subject, r, &g),
            Record::Agreement(r) => self.agreement(&subject, r, &g),
            Record::Document(r) => self.document(&subject, r, &g),
            Record::Place(r) => self.place(&subject, r, &g),
            Record::Figure(r) => self.figure(&subject, r, &g),
            Record::Topic(r) => self.topic(&subject, r, &g),
        }
    }

    /// The fields every record shares: its names, description, links to
    /// external identifiers, curators' notes and (but for a source, which
    /// is its own evidence) the evidence for it.
    fn common(&mut self, s: &NamedNode, c: Common<'_>, kind: RecordKind, g: &GraphName) {
        let name = name_literal(c.name, &self.meta.language);
        self.add(s, rdfs::LABEL, name.clone(), g);
        self.add(s, schema::NAME, name.clone(), g);
        self.add(s, skos::PREF_LABEL, name, g);
        for alt in c.alt_names {
            let l = name_literal(alt, &self.meta.language);
            self.add(s, skos::ALT_LABEL, l.clone(), g);
            self.add(s, schema::ALTERNATE_NAME, l, g);
        }
        if let Some(d) = c.description {
            self.add(s, schema::DESCRIPTION, self.text(d), g);
        }
        self.same_as(s, c.same_as);
        self.notes(s, c.notes);
        if kind != RecordKind::Source {
            self.evidence(s, c.evidence);
        }
    }

    fn refs(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, ids: &[String], g: &GraphName) {
        for id in ids {
            let o = self.entity(id);
            self.add(s, p, o, g);
        }
    }

    fn opt_ref(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, id: Option<&str>, g: &GraphName) {
        if let Some(id) = id {
            let o = self.entity(id);
            self.add(s, p, o, g);
        }
    }
}

/// The ontology individual for a kebab-case value: `in-force` → `lg:InForce`.
pub fn term(value: &str) -> NamedNode {
    let mut local = String::with_capacity(value.len());
    for part in value.split('-') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            local.extend(first.to_uppercase());
            local.push_str(chars.as_str());
        }
    }
    named(format!("{}{local}", lg::NS))
}

fn named(iri: String) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn lang_literal(value: &str, lang: Option<&str>) -> Literal {
    lang.and_then(|l| Literal::new_language_tagged_literal(value, l).ok())
        .unwrap_or_else(|| Literal::new_simple_literal(value))
}

/// A name in its own language, or else in `default_lang`.
fn name_literal(name: &LangString, default_lang: &str) -> Literal {
    lang_literal(
        &name.value,
        Some(name.lang.as_deref().unwrap_or(default_lang)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_pascal_case() {
        assert_eq!(term("in-force").as_str(), format!("{}InForce", lg::NS));
        assert_eq!(term("agreed").as_str(), format!("{}Agreed", lg::NS));
    }
}
