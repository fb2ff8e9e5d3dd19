//! Statements in the metadata graph that no one record of the curated kinds
//! makes: the dataset description and the topic scheme (first), each source
//! with the graph of statements drawn from it, and the roles that posts
//! hold (last).

use super::{Mapper, lang_literal, name_literal, named};
use crate::records::Source;
use crate::vocab::{dcat, dcterms, lg, org, prov, rdf, rdfs, schema, skos, void, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode};

impl Mapper<'_> {
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

    pub(super) fn source(&mut self, s: &NamedNode, r: &Source, g: &GraphName) {
        self.link(s, rdf::TYPE, schema::NEWS_ARTICLE, g);
        self.link(s, rdf::TYPE, prov::ENTITY, g);
        let title = name_literal(&r.name, &r.language);
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
}
