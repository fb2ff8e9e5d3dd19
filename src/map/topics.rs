//! Topics: the concepts of the dataset's SKOS scheme, broader and narrower.

use super::{Mapper, named};
use crate::records::Topic;
use crate::vocab::{rdf, skos};
use oxigraph::model::{GraphName, NamedNode};

impl Mapper<'_> {
    pub(super) fn topic(&mut self, s: &NamedNode, r: &Topic, g: &GraphName) {
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
