//! Events, with who took part for whom and in what capacity
//! (`lg:Participation`s), and agreements, with the classes of each kind.

use super::{Mapper, named, term};
use crate::records::{Agreement, AgreementKind, Event, EventKind};
use crate::validate::participant_key;
use crate::vocab::{dcterms, lg, prov, rdf, schema};
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef};
use std::collections::BTreeSet;

impl Mapper<'_> {
    pub(super) fn event(&mut self, s: &NamedNode, r: &Event, g: &GraphName) {
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

    pub(super) fn agreement(&mut self, s: &NamedNode, r: &Agreement, g: &GraphName) {
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
