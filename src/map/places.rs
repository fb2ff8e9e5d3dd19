//! Places: venues, cities, regions and countries, with a country's ISO
//! 3166-1 codes and where they were verified.

use super::{Mapper, named};
use crate::records::{Place, PlaceKind};
use crate::vocab::{lg, rdf, schema};
use oxigraph::model::{GraphName, Literal, NamedNode};

impl Mapper<'_> {
    pub(super) fn place(&mut self, s: &NamedNode, r: &Place, g: &GraphName) {
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
            for (p, code) in [
                (lg::ISO_ALPHA2, &codes.alpha2),
                (lg::ISO_ALPHA3, &codes.alpha3),
                (lg::ISO_NUMERIC, &codes.numeric),
            ] {
                self.add(s, p, Literal::new_simple_literal(code.clone()), g);
            }
            let note = named(format!("{}/iso3166", s.as_str()));
            let comment = format!(
                "ISO 3166-1 codes {}/{}/{} verified in {}.",
                codes.alpha2, codes.alpha3, codes.numeric, codes.verified_in
            );
            self.verification(&note, s, None, &codes.verified_in, &comment);
        }
    }
}
