//! Organisations and people: W3C ORG organisations and their units, with
//! the classes of each organisation kind, and people with their posts
//! (`org:Membership`s with their roles).

use super::{Mapper, named};
use crate::dataset::slugify;
use crate::records::{OrgKind, Organisation, Person};
use crate::validate::post_id;
use crate::vocab::{lg, org, rdf, rdfs, schema};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef};

impl Mapper<'_> {
    pub(super) fn organisation(&mut self, s: &NamedNode, r: &Organisation, g: &GraphName) {
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

    pub(super) fn person(&mut self, s: &NamedNode, r: &Person, g: &GraphName) {
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
