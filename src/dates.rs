//! Dates as precise as the sources support: a full date, a year-month or a
//! year, typed `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`. chrono checks
//! that they exist (no 30 February).

use chrono::{Datelike, NaiveDate};
use oxigraph::model::Literal;
use oxigraph::model::vocab::xsd;
use std::fmt;

/// A checked date of day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl PartialDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (four-digit years).
    ///
    /// ```
    /// use labourgraph::dates::PartialDate;
    /// assert!(PartialDate::parse("2022-10-10").is_ok());
    /// assert!(PartialDate::parse("2022-10").is_ok());
    /// assert!(PartialDate::parse("2022").is_ok());
    /// assert!(PartialDate::parse("2022-02-30").is_err());
    /// assert!(PartialDate::parse("10/10/2022").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected = "expected a date as YYYY-MM-DD, YYYY-MM or YYYY";
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y] if digits(y, 4) => Ok(Self::Year(y.parse().map_err(|_| expected)?)),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let year: i32 = y.parse().map_err(|_| expected)?;
                let month: u32 = m.parse().map_err(|_| expected)?;
                if (1..=12).contains(&month) {
                    Ok(Self::Month { year, month })
                } else {
                    Err(format!("`{text}` has no month {month}; {expected}"))
                }
            }
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(Self::Day)
                    .map_err(|e| format!("`{text}` is not a date of the calendar ({e})"))
            }
            _ => Err(format!("`{text}`: {expected}")),
        }
    }

    /// The first day the date may denote.
    pub fn earliest(self) -> NaiveDate {
        match self {
            Self::Day(d) => d,
            Self::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1).expect("valid"),
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).expect("valid"),
        }
    }

    /// The last day the date may denote.
    pub fn latest(self) -> NaiveDate {
        match self {
            Self::Day(d) => d,
            Self::Month { year, month } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .expect("valid")
                    .pred_opt()
                    .expect("valid")
            }
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).expect("valid"),
        }
    }

    /// The typed literal: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
    pub fn to_literal(self) -> Literal {
        let datatype = match self {
            Self::Day(_) => xsd::DATE,
            Self::Month { .. } => xsd::G_YEAR_MONTH,
            Self::Year(_) => xsd::G_YEAR,
        };
        Literal::new_typed_literal(self.to_string(), datatype)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!(m.earliest().to_string(), "2024-02-01");
        assert_eq!(m.latest().to_string(), "2024-02-29");
        let y = PartialDate::parse("2023").unwrap();
        assert_eq!(y.latest().to_string(), "2023-12-31");
        assert_eq!(
            PartialDate::parse("2023-12").unwrap().latest().to_string(),
            "2023-12-31"
        );
    }

    #[test]
    fn literals() {
        assert_eq!(
            PartialDate::parse("2022-10")
                .unwrap()
                .to_literal()
                .datatype(),
            xsd::G_YEAR_MONTH
        );
        assert_eq!(PartialDate::parse("0999").unwrap().to_string(), "0999");
        assert!(PartialDate::parse("2022-13").is_err());
        assert!(PartialDate::parse("22").is_err());
        assert!(PartialDate::parse("2022-1-01").is_err());
    }
}
