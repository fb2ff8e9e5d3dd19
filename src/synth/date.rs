//! Dates of the synthetic corpus, at day, month or year precision, written
//! as ISO 8601 values or in prose.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date at day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Date {
    pub(super) year: u32,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
}

impl Date {
    /// A random date between 2012 and 2025: 70 % days, 20 % months, 10 % years.
    pub(super) fn random(rng: &mut ChaCha8Rng) -> Self {
        let year = rng.random_range(2012..=2025);
        let month = rng.random_range(1..=12);
        let day = rng.random_range(1..=28);
        match rng.random_range(0..10) {
            0..=6 => Self::day(year, month, day),
            7 | 8 => Self::month(year, month),
            _ => Self::year(year),
        }
    }

    pub(super) fn day(year: u32, month: u32, day: u32) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub(super) fn month(year: u32, month: u32) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub(super) fn year(year: u32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// `2022-10-10`, `2022-10` or `2022`.
    pub(super) fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `on 10 October 2022`, `in October 2022`, `in 2022`.
    pub(super) fn prose(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("on {d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("in {} {}", MONTHS[m as usize - 1], self.year),
            _ => format!("in {}", self.year),
        }
    }

    /// A day one to three days later (same month), for multi-day events.
    pub(super) fn later(self, days: u32) -> Self {
        match self.day {
            Some(d) => Self::day(self.year, self.month.unwrap_or(1), (d + days).min(28)),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_prose() {
        assert_eq!(Date::day(2022, 3, 5).prose(), "on 5 March 2022");
        assert_eq!(Date::day(2022, 3, 5).iso(), "2022-03-05");
        assert_eq!(Date::month(2022, 10).prose(), "in October 2022");
        assert_eq!(Date::month(2022, 10).iso(), "2022-10");
        assert_eq!(Date::year(2022).iso(), "2022");
        assert_eq!(Date::day(2022, 3, 27).later(3), Date::day(2022, 3, 28));
    }
}
