//! Documents: strategies, laws, conventions, reports…, with the period
//! they cover, and the class of each kind.

use super::{Mapper, name_literal, named, term};
use crate::records::{Document, DocumentKind};
use crate::vocab::{dcat, dcterms, lg, rdf, schema};
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef};

impl Mapper<'_> {
    pub(super) fn document(&mut self, s: &NamedNode, r: &Document, g: &GraphName) {
        let (class, legislation) = document_class(r.kind);
        self.link(s, rdf::TYPE, schema::CREATIVE_WORK, g);
        if legislation {
            self.link(s, rdf::TYPE, schema::LEGISLATION, g);
        }
        if let Some(c) = class {
            self.link(s, rdf::TYPE, c, g);
        }
        let title = name_literal(&r.name, &self.meta.language);
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
