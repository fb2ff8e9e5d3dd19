//! Statements in the curation graph: links to external identifiers and
//! where they were verified, curators' notes, and dates with the inferences
//! behind those the text does not state.

use super::{Mapper, named, short_hash};
use crate::dates::PartialDate;
use crate::records::{DateSpec, ExternalId, Note};
use crate::vocab::{lg, owl, rdf, rdfs, schema, skos};
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef};

impl Mapper<'_> {
    /// `schema:sameAs` and `owl:sameAs` links to external identifiers, each
    /// with a note saying where it was verified.
    pub(super) fn same_as(&mut self, s: &NamedNode, links: &[ExternalId]) {
        let curation = self.curation.clone();
        for ext in links {
            let target = named(ext.iri.clone());
            self.add(s, schema::SAME_AS, target.clone(), &curation);
            self.add(s, owl::SAME_AS, target, &curation);
            let note = named(format!(
                "{s_iri}/same-as/{h}",
                s_iri = s.as_str(),
                h = short_hash(&ext.iri)
            ));
            let comment = match &ext.note {
                Some(n) => format!("Link to {} verified in {}. {n}", ext.iri, ext.verified_in),
                None => format!("Link to {} verified in {}.", ext.iri, ext.verified_in),
            };
            self.verification(&note, s, Some(&ext.iri), &ext.verified_in, &comment);
        }
    }

    /// Curators' notes (identity decisions, disambiguations…), each with
    /// the evidence for it.
    pub(super) fn notes(&mut self, s: &NamedNode, notes: &[Note]) {
        let curation = self.curation.clone();
        for n in notes {
            let note = named(format!("{}/note/{}", s.as_str(), short_hash(&n.text)));
            self.curation_node(&note, lg::CURATION_NOTE, s);
            self.add(&note, rdfs::COMMENT, self.text(&n.text), &curation);
            self.add(s, skos::EDITORIAL_NOTE, self.text(&n.text), &curation);
            self.evidence(&note, &n.evidence);
        }
    }

    /// A curation note that something said of `about` (an external link,
    /// also given as `rdfs:seeAlso`, or codes) was verified in `verified_in`,
    /// with a comment saying what.
    pub(super) fn verification(
        &mut self,
        note: &NamedNode,
        about: &NamedNode,
        see_also: Option<&str>,
        verified_in: &str,
        comment: &str,
    ) {
        let curation = self.curation.clone();
        self.curation_node(note, lg::CURATION_NOTE, about);
        if let Some(iri) = see_also {
            self.add(note, rdfs::SEE_ALSO, named(iri.to_owned()), &curation);
        }
        self.add(
            note,
            lg::VERIFIED_IN,
            named(verified_in.to_owned()),
            &curation,
        );
        self.add(note, rdfs::COMMENT, self.text(comment), &curation);
    }

    /// `node`, of class `class`, in the curation graph about `about`.
    fn curation_node(&mut self, node: &NamedNode, class: NamedNodeRef<'_>, about: &NamedNode) {
        let curation = self.curation.clone();
        self.link(node, rdf::TYPE, class, &curation);
        self.add(node, lg::ABOUT_ENTITY, about.clone(), &curation);
    }

    /// A date: its literal under `property`, and for an inferred or bounded
    /// date a `lg:DateInference` in the curation graph.
    pub(super) fn date(
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
        self.curation_node(&node, lg::DATE_INFERENCE, s);
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
}
