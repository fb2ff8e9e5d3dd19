//! The [`Checker`]: where the diagnostics of one record go, and the checks
//! of plain values (non-empty text, language tags, absolute IRIs) that the
//! other checks build on.

use super::in_record;
use super::index::Index;
use crate::diagnostics::{Diagnostics, JsonPath, Problem};
use crate::reader::RawRecord;
use oxigraph::model::{Literal, NamedNode};

/// Pushes diagnostics located inside one record.
pub(super) struct Checker<'a, 'r> {
    pub(super) raw: &'a RawRecord<'r>,
    /// The ids the first pass found, which references are checked against.
    pub(super) index: &'a Index,
    pub(super) diags: &'a mut Diagnostics,
}

impl Checker<'_, '_> {
    pub(super) fn error(&mut self, rel: JsonPath, problem: Problem, message: String) {
        self.diags.push(in_record(self.raw, rel, problem, message));
    }

    pub(super) fn not_empty(&mut self, rel: &JsonPath, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(
                rel.clone(),
                Problem::MissingField,
                format!("the {what} must not be empty"),
            );
        }
    }

    pub(super) fn lang(&mut self, rel: &JsonPath, tag: &str) {
        if Literal::new_language_tagged_literal("x", tag).is_err() {
            self.error(
                rel.clone(),
                Problem::InvalidValue,
                format!("`{tag}` is not a BCP 47 language tag (e.g. `en`, `ru`, `kk`, `ja`)"),
            );
        }
    }

    /// Checks an absolute IRI; returns whether it is one.
    pub(super) fn iri(&mut self, rel: &JsonPath, iri: &str) -> bool {
        if let Err(e) = NamedNode::new(iri) {
            self.error(
                rel.clone(),
                Problem::InvalidValue,
                format!("`{iri}` is not an absolute IRI: {e}"),
            );
            return false;
        }
        true
    }
}
