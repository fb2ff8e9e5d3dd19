//! Checks of references between records: each id must name a record of an
//! expected kind, and a list must not name one twice.

use super::checker::Checker;
use super::with_article;
use crate::diagnostics::{JsonPath, Problem};
use crate::records::RecordKind;
use std::collections::HashSet;

impl Checker<'_, '_> {
    pub(super) fn reference(&mut self, rel: &JsonPath, id: &str, expected: &[RecordKind]) {
        let names = || {
            expected
                .iter()
                .map(|k| with_article(*k))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        match self.index.kind(id) {
            Some(_) if self.index.is_duplicate(id) => {}
            Some(kind) if expected.contains(&kind) => {}
            Some(kind) => self.error(
                rel.clone(),
                Problem::WrongKind,
                format!(
                    "`{id}` is {} record, expected a reference to {}",
                    with_article(kind),
                    names()
                ),
            ),
            None => self.error(
                rel.clone(),
                Problem::UnknownReference,
                format!(
                    "no record has the id `{id}` (expected a reference to {})",
                    names()
                ),
            ),
        }
    }

    pub(super) fn opt_ref(&mut self, rel: &JsonPath, id: Option<&str>, expected: &[RecordKind]) {
        if let Some(id) = id {
            self.reference(rel, id, expected);
        }
    }

    pub(super) fn refs(&mut self, rel: &JsonPath, ids: &[String], expected: &[RecordKind]) {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            self.reference(&rel.index(i), id, expected);
            if !seen.insert(id) {
                self.error(
                    rel.index(i),
                    Problem::Duplicate,
                    format!("`{id}` is listed twice"),
                );
            }
        }
    }
}
