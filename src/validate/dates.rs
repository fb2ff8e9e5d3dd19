//! Checks of dates: stated dates, inferred dates and bounds with the note
//! and evidence they need, and ranges whose start must not follow their end.

use super::checker::Checker;
use crate::dates::PartialDate;
use crate::diagnostics::{JsonPath, Problem};
use crate::records::DateSpec;

impl Checker<'_, '_> {
    /// Checks a date; returns the range of days it may denote.
    fn date(
        &mut self,
        rel: &JsonPath,
        date: &DateSpec,
    ) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let parse = |this: &mut Self, key: Option<&str>, text: &str| {
            let p = key.map_or_else(|| rel.clone(), |k| rel.key(k));
            PartialDate::parse(text)
                .map_err(|e| this.error(p, Problem::InvalidDate, e))
                .ok()
        };
        if !date.inferred {
            let d = parse(self, None, date.value.as_deref().unwrap_or_default())?;
            return Some((d.earliest(), d.latest()));
        }
        self.evidence(&rel.key("evidence"), &date.evidence, false);
        if date.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            self.error(
                rel.clone(),
                Problem::MissingField,
                "an inferred or bounded date needs a `note` saying how it was inferred".into(),
            );
        }
        match (&date.value, &date.not_before, &date.not_after) {
            (Some(v), None, None) => {
                parse(self, Some("value"), v).map(|d| (d.earliest(), d.latest()))
            }
            (None, lo, hi) if lo.is_some() || hi.is_some() => {
                let lo = lo.as_deref().map(|t| parse(self, Some("not_before"), t));
                let hi = hi.as_deref().map(|t| parse(self, Some("not_after"), t));
                let (Some(lo), Some(hi)) = (
                    lo.unwrap_or(Some(PartialDate::Year(1))),
                    hi.unwrap_or(Some(PartialDate::Year(9999))),
                ) else {
                    return None;
                };
                if lo.earliest() > hi.latest() {
                    self.error(
                        rel.clone(),
                        Problem::InvalidDate,
                        format!("`not_before` {lo} is after `not_after` {hi}"),
                    );
                    return None;
                }
                Some((lo.earliest(), hi.latest()))
            }
            _ => {
                self.error(
                    rel.clone(),
                    Problem::InvalidDate,
                    "expected either `value` (an inferred date) or `not_before`/`not_after` bounds (an unknown date)".into(),
                );
                None
            }
        }
    }

    pub(super) fn opt_date(
        &mut self,
        rel: &JsonPath,
        date: Option<&DateSpec>,
    ) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        date.and_then(|d| self.date(rel, d))
    }

    /// Checks two dates and that the first can precede the second.
    pub(super) fn opt_range(
        &mut self,
        rel: &JsonPath,
        (k1, d1): (&str, Option<&DateSpec>),
        (k2, d2): (&str, Option<&DateSpec>),
    ) {
        let a = self.opt_date(&rel.key(k1), d1);
        let b = self.opt_date(&rel.key(k2), d2);
        if let (Some((a_lo, _)), Some((_, b_hi))) = (a, b) {
            if a_lo > b_hi {
                self.error(
                    rel.key(k2),
                    Problem::InvalidDate,
                    format!("`{k2}` is before `{k1}`"),
                );
            }
        }
    }
}
