//! Reported figures: a number about an entity, with its unit, what it
//! counts and how it relates to the true quantity.

use super::{Mapper, term};
use crate::records::{Figure, Qualifier};
use crate::vocab::{dcterms, lg, rdf, schema, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode};

impl Mapper<'_> {
    pub(super) fn figure(&mut self, s: &NamedNode, r: &Figure, g: &GraphName) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let n: serde_json::Number = serde_json::from_str("-2").unwrap();
        assert_eq!(number_literal(&n).datatype(), xsd::INTEGER);
        let n: serde_json::Number = serde_json::from_str("0.7").unwrap();
        assert_eq!(number_literal(&n).value(), "0.7");
        assert_eq!(number_literal(&n).datatype(), xsd::DECIMAL);
    }
}
