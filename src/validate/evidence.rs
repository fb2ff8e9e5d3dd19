//! Checks of evidence: each quote must name a source record and occur
//! verbatim in that source's full text.

use super::checker::Checker;
use super::with_article;
use crate::diagnostics::{JsonPath, Problem};
use crate::records::{Evidence, RecordKind};

impl Checker<'_, '_> {
    pub(super) fn evidence(&mut self, rel: &JsonPath, evidence: &[Evidence], required: bool) {
        if required && evidence.is_empty() {
            self.error(
                rel.clone(),
                Problem::MissingField,
                "evidence is required: at least one {\"source\": …, \"quote\": …} quoting the record's source verbatim".into(),
            );
        }
        for (i, ev) in evidence.iter().enumerate() {
            let p = rel.index(i);
            match self.index.kind(&ev.source) {
                Some(RecordKind::Source) => {}
                Some(kind) => {
                    self.error(
                        p.key("source"),
                        Problem::WrongKind,
                        format!(
                            "`{}` is {} record, expected a source",
                            ev.source,
                            with_article(kind)
                        ),
                    );
                    continue;
                }
                None => {
                    self.error(
                        p.key("source"),
                        Problem::UnknownReference,
                        format!("no source has the id `{}`", ev.source),
                    );
                    continue;
                }
            }
            if ev.quote.trim().is_empty() {
                self.error(
                    p.key("quote"),
                    Problem::MissingField,
                    "the quote must not be empty".into(),
                );
            } else if let Some(text) = self.index.source(&ev.source) {
                if !text.text.contains(ev.quote.as_str()) {
                    self.error(
                        p.key("quote"),
                        Problem::QuoteNotFound,
                        format!(
                            "quote not found verbatim in source `{}` ({})",
                            ev.source,
                            text.path.display()
                        ),
                    );
                }
            }
        }
    }
}
