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

use crate::dataset::{DatasetMeta, Iris, slugify};
use crate::dates::PartialDate;
use crate::records::*;
use crate::validate::{Index, participant_key, post_id};
use crate::vocab::{dcat, dcterms, lg, oa, org, owl, prov, rdf, rdfs, schema, skos, void, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Number of characters of context kept around a quote in `oa:prefix`/`oa:suffix`.
const CONTEXT_CHARS: usize = 32;

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

    /// The dataset description and the topic scheme, in the metadata graph.
    pub fn header(&mut self) {
        let g = self.metadata.clone();
        let m = self.meta;
        let ds = named(self.iris.dataset());
        self.link(&ds, rdf::TYPE, void::DATASET, &g);
        self.link(&ds, rdf::TYPE, dcat::DATASET, &g);
        self.add(&ds, dcterms::TITLE, self.text(&m.title), &g);
        self.add(&ds, dcterms::DESCRIPTION, self.text(&m.description), &g);
        self.add(&ds, dcterms::LICENSE, named(m.license.clone()), &g);
        self.add(
            &ds,
            dcterms::ISSUED,
            Literal::new_typed_literal(m.issued.clone(), xsd::DATE),
            &g,
        );
        self.add(
            &ds,
            dcterms::HAS_VERSION,
            Literal::new_simple_literal(m.version.clone()),
            &g,
        );
        self.add(
            &ds,
            dcterms::LANGUAGE,
            Literal::new_simple_literal(m.language.clone()),
            &g,
        );
        self.add(
            &ds,
            void::URI_SPACE,
            Literal::new_simple_literal(m.base.clone()),
            &g,
        );
        for kw in &m.keywords {
            self.add(&ds, dcat::KEYWORD, self.text(kw), &g);
        }
        let publisher = named(format!("{}publisher", m.base));
        self.add(&ds, dcterms::PUBLISHER, publisher.clone(), &g);
        self.link(&publisher, rdf::TYPE, schema::ORGANIZATION, &g);
        self.add(&publisher, schema::NAME, self.text(&m.publisher), &g);
        self.add(&publisher, rdfs::LABEL, self.text(&m.publisher), &g);

        let scheme = named(self.iris.topic_scheme());
        self.link(&scheme, rdf::TYPE, skos::CONCEPT_SCHEME, &g);
        self.add(&scheme, skos::PREF_LABEL, self.text(&m.topic_scheme), &g);
        self.add(&scheme, rdfs::LABEL, self.text(&m.topic_scheme), &g);
        self.add(&scheme, dcterms::TITLE, self.text(&m.topic_scheme), &g);
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

    /// Emits what is shared between records (the roles), after the last record.
    pub fn finish(&mut self) {
        let g = self.metadata.clone();
        for (slug, label) in std::mem::take(&mut self.roles) {
            let role = named(self.iris.role(&slug));
            self.link(&role, rdf::TYPE, org::ROLE, &g);
            self.add(&role, rdfs::LABEL, self.text(&label), &g);
            self.add(&role, skos::PREF_LABEL, self.text(&label), &g);
        }
    }

    fn common(&mut self, s: &NamedNode, c: Common<'_>, kind: RecordKind, g: &GraphName) {
        let default_lang = self.meta.language.clone();
        let name = lang_literal(
            &c.name.value,
            Some(c.name.lang.as_deref().unwrap_or(&default_lang)),
        );
        self.add(s, rdfs::LABEL, name.clone(), g);
        self.add(s, schema::NAME, name.clone(), g);
        self.add(s, skos::PREF_LABEL, name, g);
        for alt in c.alt_names {
            let l = lang_literal(
                &alt.value,
                Some(alt.lang.as_deref().unwrap_or(&default_lang)),
            );
            self.add(s, skos::ALT_LABEL, l.clone(), g);
            self.add(s, schema::ALTERNATE_NAME, l, g);
        }
        if let Some(d) = c.description {
            self.add(s, schema::DESCRIPTION, self.text(d), g);
        }
        let curation = self.curation.clone();
        for ext in c.same_as {
            let target = named(ext.iri.clone());
            self.add(s, schema::SAME_AS, target.clone(), &curation);
            self.add(s, owl::SAME_AS, target, &curation);
            let note = named(format!(
                "{s_iri}/same-as/{h}",
                s_iri = s.as_str(),
                h = short_hash(&ext.iri)
            ));
            self.link(&note, rdf::TYPE, lg::CURATION_NOTE, &curation);
            self.add(&note, lg::ABOUT_ENTITY, s.clone(), &curation);
            self.add(&note, rdfs::SEE_ALSO, named(ext.iri.clone()), &curation);
            self.add(
                &note,
                lg::VERIFIED_IN,
                named(ext.verified_in.clone()),
                &curation,
            );
            let comment = match &ext.note {
                Some(n) => format!("Link to {} verified in {}. {n}", ext.iri, ext.verified_in),
                None => format!("Link to {} verified in {}.", ext.iri, ext.verified_in),
            };
            self.add(&note, rdfs::COMMENT, self.text(&comment), &curation);
        }
        for n in c.notes {
            let note = named(format!("{}/note/{}", s.as_str(), short_hash(&n.text)));
            self.link(&note, rdf::TYPE, lg::CURATION_NOTE, &curation);
            self.add(&note, lg::ABOUT_ENTITY, s.clone(), &curation);
            self.add(&note, rdfs::COMMENT, self.text(&n.text), &curation);
            self.add(s, skos::EDITORIAL_NOTE, self.text(&n.text), &curation);
            self.evidence(&note, &n.evidence);
        }
        if kind != RecordKind::Source {
            self.evidence(s, c.evidence);
        }
    }

    /// Web Annotations for evidence quotes, each in its source's graph, plus
    /// `prov:wasDerivedFrom` from the body to each source it quotes.
    fn evidence(&mut self, body: &NamedNode, evidence: &[Evidence]) {
        let mut derived = BTreeSet::new();
        for ev in evidence {
            let g = self.source_graph(&ev.source);
            let source = named(self.iris.entity("source", &ev.source));
            if derived.insert(ev.source.as_str()) {
                self.add(body, prov::WAS_DERIVED_FROM, source.clone(), &g);
            }
            let ann = named(format!(
                "{}/evidence/{}",
                body.as_str(),
                short_hash(&format!("{}\n{}", ev.source, ev.quote))
            ));
            let target = named(format!("{}/target", ann.as_str()));
            let selector = named(format!("{}/selector", ann.as_str()));
            self.link(&ann, rdf::TYPE, oa::ANNOTATION, &g);
            self.add(&ann, oa::HAS_BODY, body.clone(), &g);
            self.link(&ann, oa::MOTIVATED_BY, oa::DESCRIBING, &g);
            self.add(&ann, oa::HAS_TARGET, target.clone(), &g);
            self.link(&target, rdf::TYPE, oa::SPECIFIC_RESOURCE, &g);
            self.add(&target, oa::HAS_SOURCE, source, &g);
            self.add(&target, oa::HAS_SELECTOR, selector.clone(), &g);
            self.link(&selector, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR, &g);
            self.add(
                &selector,
                oa::EXACT,
                Literal::new_simple_literal(ev.quote.clone()),
                &g,
            );
            if let Some(text) = self.index.source(&ev.source) {
                if let Some((prefix, suffix)) = quote_context(&text.text, &ev.quote) {
                    self.add(
                        &selector,
                        oa::PREFIX,
                        Literal::new_simple_literal(prefix),
                        &g,
                    );
                    self.add(
                        &selector,
                        oa::SUFFIX,
                        Literal::new_simple_literal(suffix),
                        &g,
                    );
                }
            }
        }
    }

    /// A date: its literal under `property`, and for an inferred or bounded
    /// date a `lg:DateInference` in the curation graph.
    fn date(
        &mut self,
        s: &NamedNode,
        property: NamedNodeRef<'_>,
        date: Option<&DateSpec>,
        g: &GraphName,
    ) {
        let Some(date) = date else { return };
        if let Some(value) = date
            .value
            .as_deref()
            .and_then(|v| PartialDate::parse(v).ok())
        {
            self.add(s, property, value.to_literal(), g);
        }
        if !date.inferred {
            return;
        }
        let curation = self.curation.clone();
        let local = property
            .as_str()
            .rsplit(['/', '#'])
            .next()
            .unwrap_or("date");
        let node = named(format!("{}/date-inference/{local}", s.as_str()));
        self.link(&node, rdf::TYPE, lg::DATE_INFERENCE, &curation);
        self.add(&node, lg::ABOUT_ENTITY, s.clone(), &curation);
        self.link(&node, lg::ABOUT_PROPERTY, property, &curation);
        for (p, v) in [
            (lg::INFERRED_VALUE, &date.value),
            (lg::NOT_BEFORE, &date.not_before),
            (lg::NOT_AFTER, &date.not_after),
        ] {
            if let Some(d) = v.as_deref().and_then(|v| PartialDate::parse(v).ok()) {
                self.add(&node, p, d.to_literal(), &curation);
            }
        }
        if let Some(note) = &date.note {
            self.add(&node, rdfs::COMMENT, self.text(note), &curation);
        }
        self.evidence(&node, &date.evidence);
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

    fn source(&mut self, s: &NamedNode, r: &Source, g: &GraphName) {
        self.link(s, rdf::TYPE, schema::NEWS_ARTICLE, g);
        self.link(s, rdf::TYPE, prov::ENTITY, g);
        let title = lang_literal(
            &r.name.value,
            Some(r.name.lang.as_deref().unwrap_or(&r.language)),
        );
        self.add(s, dcterms::TITLE, title.clone(), g);
        self.add(s, schema::HEADLINE, title, g);
        if let Some(p) = &r.publisher {
            let publisher = self.entity(p);
            self.add(s, schema::PUBLISHER, publisher.clone(), g);
            self.add(s, dcterms::PUBLISHER, publisher, g);
        }
        self.add(
            s,
            schema::IN_LANGUAGE,
            Literal::new_simple_literal(r.language.clone()),
            g,
        );
        self.date(s, schema::DATE_PUBLISHED, r.date.as_ref(), g);
        if let Some(url) = &r.url {
            self.add(s, schema::URL, named(url.clone()), g);
        }
        if let Some(text) = self.index.source(&r.id) {
            let text = lang_literal(&text.text, Some(&r.language));
            self.add(s, schema::TEXT, text, g);
        }
        let graph = named(self.iris.graph(&r.id));
        self.link(&graph, rdf::TYPE, lg::SOURCE_GRAPH, g);
        self.add(&graph, prov::WAS_DERIVED_FROM, s.clone(), g);
        self.add(&graph, dcterms::SOURCE, s.clone(), g);
        self.add(
            &graph,
            rdfs::LABEL,
            self.text(&format!("Statements drawn from “{}”", r.name.value)),
            g,
        );
    }

    fn organisation(&mut self, s: &NamedNode, r: &Organisation, g: &GraphName) {
        let (classes, is_unit) = org_classes(r.kind);
        for c in classes {
            self.link(s, rdf::TYPE, *c, g);
        }
        self.link(s, rdf::TYPE, schema::ORGANIZATION, g);
        self.opt_ref(s, lg::COUNTRY, r.country.as_deref(), g);
        if let Some(parent) = &r.parent {
            let p = self.entity(parent);
            let (up, down) = if is_unit {
                (org::UNIT_OF, org::HAS_UNIT)
            } else {
                (org::SUB_ORGANIZATION_OF, org::HAS_SUB_ORGANIZATION)
            };
            self.add(s, up, p.clone(), g);
            self.add(&p, down, s.clone(), g);
        }
        self.opt_ref(s, schema::FOUNDER, r.founder.as_deref(), g);
        self.date(s, schema::FOUNDING_DATE, r.founded.as_ref(), g);
    }

    fn person(&mut self, s: &NamedNode, r: &Person, g: &GraphName) {
        self.link(s, rdf::TYPE, schema::PERSON, g);
        if let Some(n) = &r.given_name {
            self.add(
                s,
                schema::GIVEN_NAME,
                Literal::new_simple_literal(n.clone()),
                g,
            );
        }
        if let Some(n) = &r.family_name {
            self.add(
                s,
                schema::FAMILY_NAME,
                Literal::new_simple_literal(n.clone()),
                g,
            );
        }
        for post in &r.posts {
            let m = named(format!("{}/post/{}", s.as_str(), post_id(post)));
            let pg = self.graph_of(&post.evidence, g);
            let role_slug = slugify(&post.role);
            self.roles
                .entry(role_slug.clone())
                .or_insert_with(|| post.role.clone());
            let organisation = self.entity(&post.organisation);
            self.link(&m, rdf::TYPE, org::MEMBERSHIP, &pg);
            self.add(&m, org::MEMBER, s.clone(), &pg);
            self.add(&m, org::ORGANIZATION, organisation, &pg);
            self.add(&m, org::ROLE_PROP, named(self.iris.role(&role_slug)), &pg);
            self.add(&m, rdfs::LABEL, self.text(&post.role), &pg);
            self.add(s, org::HAS_MEMBERSHIP, m.clone(), &pg);
            self.date(&m, schema::START_DATE, post.start.as_ref(), &pg);
            self.date(&m, schema::END_DATE, post.end.as_ref(), &pg);
            self.date(&m, lg::ATTESTED_ON, post.attested.as_ref(), &pg);
            self.refs(&m, lg::ATTESTED_AT, &post.events, &pg);
            self.evidence(&m, &post.evidence);
        }
    }

    fn event(&mut self, s: &NamedNode, r: &Event, g: &GraphName) {
        self.link(s, rdf::TYPE, schema::EVENT, g);
        if let Some(c) = event_class(r.kind) {
            self.link(s, rdf::TYPE, c, g);
        }
        if let Some(status) = r.status {
            self.add(s, lg::STATUS, term(status.as_str()), g);
        }
        self.date(s, schema::START_DATE, r.start.as_ref(), g);
        self.date(s, schema::END_DATE, r.end.as_ref(), g);
        self.refs(s, schema::LOCATION, &r.places, g);
        self.refs(s, schema::ORGANIZER, &r.organisers, g);
        if let Some(parent) = &r.part_of {
            let p = self.entity(parent);
            self.add(s, schema::SUPER_EVENT, p.clone(), g);
            self.add(&p, schema::SUB_EVENT, s.clone(), g);
        }
        self.refs(s, dcterms::SUBJECT, &r.topics, g);
        let mut attendees = BTreeSet::new();
        for part in &r.participants {
            attendees.extend(part.person.iter().chain(part.organisation.iter()).cloned());
        }
        self.refs(
            s,
            schema::ATTENDEE,
            &attendees.into_iter().collect::<Vec<_>>(),
            g,
        );
        for part in &r.participants {
            let Some(key) = participant_key(part) else {
                continue;
            };
            let n = named(format!("{}/participation/{key}", s.as_str()));
            let pg = self.graph_of(&part.evidence, g);
            self.link(&n, rdf::TYPE, lg::PARTICIPATION, &pg);
            self.add(s, lg::HAS_PARTICIPATION, n.clone(), &pg);
            self.opt_ref(&n, lg::PARTICIPANT, Some(key), &pg);
            if part.person.is_some() {
                self.opt_ref(&n, lg::ON_BEHALF_OF, part.organisation.as_deref(), &pg);
            }
            if let Some(c) = &part.capacity {
                self.add(&n, lg::CAPACITY, self.text(c), &pg);
            }
            if let Some(role) = &part.role {
                self.add(&n, lg::PARTICIPANT_ROLE, self.text(role), &pg);
            }
            self.evidence(&n, &part.evidence);
        }
    }

    fn agreement(&mut self, s: &NamedNode, r: &Agreement, g: &GraphName) {
        self.link(s, rdf::TYPE, lg::AGREEMENT, g);
        self.link(s, rdf::TYPE, prov::ENTITY, g);
        if let Some(c) = agreement_class(r.kind) {
            self.link(s, rdf::TYPE, c, g);
        }
        if let Some(status) = r.status {
            self.add(s, lg::STATUS, term(status.as_str()), g);
        }
        self.refs(s, lg::PARTY, &r.parties, g);
        self.opt_ref(s, lg::AGREED_AT, r.agreed_at.as_deref(), g);
        self.date(s, lg::AGREED_ON, r.date.as_ref(), g);
        self.add(s, lg::CONTENT, self.text(&r.content), g);
        self.refs(s, lg::CONCERNS_PLACE, &r.places, g);
        self.date(s, lg::CONCERNS_DATE, r.concerns_date.as_ref(), g);
        self.date(s, schema::VALID_FROM, r.valid_from.as_ref(), g);
        self.date(s, schema::VALID_THROUGH, r.valid_until.as_ref(), g);
        self.refs(s, lg::CONCERNS_DOCUMENT, &r.documents, g);
        self.refs(s, lg::CONCERNS_EVENT, &r.events, g);
        self.refs(s, dcterms::SUBJECT, &r.topics, g);
    }

    fn document(&mut self, s: &NamedNode, r: &Document, g: &GraphName) {
        let (class, legislation) = document_class(r.kind);
        self.link(s, rdf::TYPE, schema::CREATIVE_WORK, g);
        if legislation {
            self.link(s, rdf::TYPE, schema::LEGISLATION, g);
        }
        if let Some(c) = class {
            self.link(s, rdf::TYPE, c, g);
        }
        let title = lang_literal(
            &r.name.value,
            Some(r.name.lang.as_deref().unwrap_or(&self.meta.language)),
        );
        self.add(s, dcterms::TITLE, title, g);
        if let Some(status) = r.status {
            self.add(s, lg::STATUS, term(status.as_str()), g);
        }
        self.refs(s, dcterms::CREATOR, &r.issuers, g);
        self.opt_ref(s, lg::JURISDICTION, r.jurisdiction.as_deref(), g);
        if r.period_start.is_some() || r.period_end.is_some() {
            let period = named(format!("{}/period", s.as_str()));
            self.add(s, dcterms::TEMPORAL, period.clone(), g);
            self.link(&period, rdf::TYPE, dcterms::PERIOD_OF_TIME, g);
            self.date(&period, dcat::START_DATE, r.period_start.as_ref(), g);
            self.date(&period, dcat::END_DATE, r.period_end.as_ref(), g);
        }
        self.date(s, dcterms::ISSUED, r.date.as_ref(), g);
        self.opt_ref(s, lg::ADOPTED_AT, r.adopted_at.as_deref(), g);
        self.opt_ref(s, lg::PRESENTED_AT, r.presented_at.as_deref(), g);
        self.refs(s, dcterms::SUBJECT, &r.topics, g);
    }

    fn place(&mut self, s: &NamedNode, r: &Place, g: &GraphName) {
        self.link(s, rdf::TYPE, schema::PLACE, g);
        if let Some(c) = match r.kind {
            PlaceKind::City => Some(schema::CITY),
            PlaceKind::Country => Some(schema::COUNTRY),
            PlaceKind::Region => Some(schema::ADMINISTRATIVE_AREA),
            PlaceKind::Venue | PlaceKind::Other => None,
        } {
            self.link(s, rdf::TYPE, c, g);
        }
        self.opt_ref(s, schema::CONTAINED_IN_PLACE, r.within.as_deref(), g);
        if let Some(codes) = &r.iso3166 {
            self.add(
                s,
                lg::ISO_ALPHA2,
                Literal::new_simple_literal(codes.alpha2.clone()),
                g,
            );
            self.add(
                s,
                lg::ISO_ALPHA3,
                Literal::new_simple_literal(codes.alpha3.clone()),
                g,
            );
            self.add(
                s,
                lg::ISO_NUMERIC,
                Literal::new_simple_literal(codes.numeric.clone()),
                g,
            );
            let curation = self.curation.clone();
            let note = named(format!("{}/iso3166", s.as_str()));
            self.link(&note, rdf::TYPE, lg::CURATION_NOTE, &curation);
            self.add(&note, lg::ABOUT_ENTITY, s.clone(), &curation);
            self.add(
                &note,
                lg::VERIFIED_IN,
                named(codes.verified_in.clone()),
                &curation,
            );
            let comment = format!(
                "ISO 3166-1 codes {}/{}/{} verified in {}.",
                codes.alpha2, codes.alpha3, codes.numeric, codes.verified_in
            );
            self.add(&note, rdfs::COMMENT, self.text(&comment), &curation);
        }
    }

    fn figure(&mut self, s: &NamedNode, r: &Figure, g: &GraphName) {
        self.link(s, rdf::TYPE, lg::REPORTED_FIGURE, g);
        self.link(s, rdf::TYPE, schema::QUANTITATIVE_VALUE, g);
        let about = self.entity(&r.about);
        self.add(s, schema::ABOUT, about, g);
        let value = number_literal(&r.value);
        self.add(s, schema::VALUE, value.clone(), g);
        if let Some(qualifier) = r.qualifier {
            self.add(s, lg::QUALIFIER, term(qualifier.as_str()), g);
            match qualifier {
                Qualifier::MoreThan | Qualifier::AtLeast => {
                    self.add(s, schema::MIN_VALUE, value, g)
                }
                Qualifier::LessThan => self.add(s, schema::MAX_VALUE, value, g),
                Qualifier::Exactly | Qualifier::About => {}
            }
        }
        self.add(s, schema::UNIT_TEXT, self.text(&r.unit), g);
        self.add(s, lg::COUNTS, self.text(&r.counts), g);
        self.date(s, dcterms::DATE, r.date.as_ref(), g);
        self.opt_ref(s, lg::REPORTED_AT, r.event.as_deref(), g);
    }

    fn topic(&mut self, s: &NamedNode, r: &Topic, g: &GraphName) {
        let scheme = named(self.iris.topic_scheme());
        self.link(s, rdf::TYPE, skos::CONCEPT, g);
        self.add(s, skos::IN_SCHEME, scheme.clone(), g);
        for b in &r.broader {
            let b = self.entity(b);
            self.add(s, skos::BROADER, b.clone(), g);
            self.add(&b, skos::NARROWER, s.clone(), g);
        }
        if r.broader.is_empty() {
            self.add(s, skos::TOP_CONCEPT_OF, scheme.clone(), g);
            self.add(&scheme, skos::HAS_TOP_CONCEPT, s.clone(), g);
        }
        if let Some(d) = &r.definition {
            self.add(s, skos::DEFINITION, self.text(d), g);
        }
    }
}

/// The classes of an organisation kind, and whether it is a unit of another
/// (`org:unitOf` its parent rather than `org:subOrganizationOf`).
pub fn org_classes(kind: OrgKind) -> (&'static [NamedNodeRef<'static>], bool) {
    use OrgKind::*;
    const FORMAL: NamedNodeRef<'static> = org::FORMAL_ORGANIZATION;
    const UNION: [NamedNodeRef<'static>; 3] = [
        org::FORMAL_ORGANIZATION,
        lg::TRADE_UNION,
        schema::WORKERS_UNION,
    ];
    let classes: &'static [NamedNodeRef<'static>] = match kind {
        NationalCentre => &[UNION[0], UNION[1], UNION[2], lg::NATIONAL_CENTRE],
        InternationalConfederation => &[
            UNION[0],
            UNION[1],
            UNION[2],
            lg::INTERNATIONAL_CONFEDERATION,
        ],
        GlobalUnionFederation => &[UNION[0], UNION[1], UNION[2], lg::GLOBAL_UNION_FEDERATION],
        RegionalCouncil => &[UNION[0], UNION[1], UNION[2], lg::REGIONAL_COUNCIL],
        SectoralUnion => &[UNION[0], UNION[1], UNION[2], lg::SECTORAL_UNION],
        RegionalUnion => &[UNION[0], UNION[1], UNION[2], lg::REGIONAL_UNION],
        TradeUnion => &UNION,
        EmployersOrganisation => &[FORMAL, lg::EMPLOYERS_ORGANISATION],
        Foundation => &[FORMAL, lg::FOUNDATION],
        Intergovernmental => &[FORMAL, lg::INTERGOVERNMENTAL],
        GovernmentBody => &[FORMAL, lg::GOVERNMENT_BODY, schema::GOVERNMENT_ORGANIZATION],
        Legislature => &[FORMAL, lg::LEGISLATURE, schema::GOVERNMENT_ORGANIZATION],
        Department => &[org::ORGANIZATIONAL_UNIT, lg::DEPARTMENT],
        RegionalOffice => &[org::ORGANIZATIONAL_UNIT, lg::REGIONAL_OFFICE],
        GoverningBody => &[org::ORGANIZATIONAL_UNIT, lg::GOVERNING_BODY],
        Group => &[org::ORGANIZATION_CLASS, lg::ORGANISATION_GROUP],
        Other => &[FORMAL],
    };
    (
        classes,
        matches!(kind, Department | RegionalOffice | GoverningBody),
    )
}

fn event_class(kind: EventKind) -> Option<NamedNodeRef<'static>> {
    Some(match kind {
        EventKind::Meeting => lg::MEETING,
        EventKind::Session => lg::SESSION,
        EventKind::PlenarySession => lg::PLENARY_SESSION,
        EventKind::PanelSection => lg::PANEL_SECTION,
        EventKind::Forum => lg::FORUM,
        EventKind::Seminar => lg::SEMINAR,
        EventKind::SeminarDay => lg::SEMINAR_DAY,
        EventKind::Conference => lg::CONFERENCE,
        EventKind::Visit => lg::VISIT,
        EventKind::Other => return None,
    })
}

fn agreement_class(kind: AgreementKind) -> Option<NamedNodeRef<'static>> {
    Some(match kind {
        AgreementKind::SignedAgreement => lg::SIGNED_AGREEMENT,
        AgreementKind::VerbalCommitment => lg::VERBAL_COMMITMENT,
        AgreementKind::Plan => lg::PLAN,
        AgreementKind::Invitation => lg::INVITATION,
        AgreementKind::Resolution => lg::RESOLUTION,
        AgreementKind::GeneralAgreement => lg::GENERAL_AGREEMENT,
        AgreementKind::Other => return None,
    })
}

/// The class of a document kind and whether it is legislation.
fn document_class(kind: DocumentKind) -> (Option<NamedNodeRef<'static>>, bool) {
    match kind {
        DocumentKind::Strategy => (Some(lg::STRATEGY), false),
        DocumentKind::Concept => (Some(lg::POLICY_CONCEPT), false),
        DocumentKind::Programme => (Some(lg::PROGRAMME), false),
        DocumentKind::Law => (None, true),
        DocumentKind::Code => (Some(lg::CODE), true),
        DocumentKind::Constitution => (Some(lg::CONSTITUTION), true),
        DocumentKind::Convention => (Some(lg::CONVENTION), false),
        DocumentKind::Resolution => (Some(lg::RESOLUTION_DOCUMENT), false),
        DocumentKind::Agreement => (Some(lg::AGREEMENT_DOCUMENT), false),
        DocumentKind::Report => (Some(lg::REPORT), false),
        DocumentKind::Other => (None, false),
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

/// `xsd:integer` for integral JSON numbers, `xsd:decimal` otherwise.
fn number_literal(n: &serde_json::Number) -> Literal {
    if n.is_i64() || n.is_u64() {
        Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
    } else {
        let text = n.to_string();
        let text = if text.contains(['e', 'E']) {
            format!("{}", n.as_f64().unwrap_or_default())
        } else {
            text
        };
        Literal::new_typed_literal(text, xsd::DECIMAL)
    }
}

/// The first eight hex digits of the SHA-256 of `text`.
pub fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Up to [`CONTEXT_CHARS`] characters before and after the first occurrence
/// of `quote` in `text`.
fn quote_context(text: &str, quote: &str) -> Option<(String, String)> {
    let start = text.find(quote)?;
    let end = start + quote.len();
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT_CHARS).collect();
    let prefix: String = before.into_iter().rev().collect();
    let suffix: String = text[end..].chars().take(CONTEXT_CHARS).collect();
    Some((prefix, suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_pascal_case() {
        assert_eq!(term("in-force").as_str(), format!("{}InForce", lg::NS));
        assert_eq!(term("agreed").as_str(), format!("{}Agreed", lg::NS));
    }

    #[test]
    fn numbers() {
        let n: serde_json::Number = serde_json::from_str("-2").unwrap();
        assert_eq!(number_literal(&n).datatype(), xsd::INTEGER);
        let n: serde_json::Number = serde_json::from_str("0.7").unwrap();
        assert_eq!(number_literal(&n).value(), "0.7");
        assert_eq!(number_literal(&n).datatype(), xsd::DECIMAL);
    }

    #[test]
    fn context() {
        let (p, s) = quote_context("aaaa quote bbbb", "quote").unwrap();
        assert_eq!((p.as_str(), s.as_str()), ("aaaa ", " bbbb"));
        assert!(quote_context("x", "y").is_none());
    }
}
