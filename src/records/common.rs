//! The values every record kind shares: names in a language, dates as
//! precise as the text supports, evidence quotes, links to external
//! identifiers and curation notes, and [`Common`], the shared fields
//! borrowed from a record of any kind.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A name, either a plain JSON string (in the dataset's default language) or
/// `{"value": "…", "lang": "ru"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangString {
    pub value: String,
    pub lang: Option<String>,
}

impl<'de> Deserialize<'de> for LangString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LangStringVisitor;
        impl<'de> Visitor<'de> for LangStringVisitor {
            type Value = LangString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a string or an object {"value": "…", "lang": "…"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LangString, E> {
                Ok(LangString {
                    value: v.to_owned(),
                    lang: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LangString, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Tagged {
                    value: String,
                    lang: Option<String>,
                }
                let t = Tagged::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(LangString {
                    value: t.value,
                    lang: t.lang,
                })
            }
        }
        deserializer.deserialize_any(LangStringVisitor)
    }
}

/// A date as precise as the text supports.
///
/// In JSON either a string — `"2022-10-10"`, `"2022-10"` or `"2022"` — or an
/// object recording an inference: `{"value": "2019", "note": "…",
/// "evidence": […]}`, or an unknown date with bounds: `{"not_before": "2022",
/// "not_after": "2024-06", "note": "…", "evidence": […]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpec {
    /// The date, if known (stated or inferred).
    pub value: Option<String>,
    /// Earliest possible date when the date itself is unknown.
    pub not_before: Option<String>,
    /// Latest possible date when the date itself is unknown.
    pub not_after: Option<String>,
    /// How the date was inferred; `None` for a date stated in the text.
    pub note: Option<String>,
    /// Quotes supporting the inference.
    pub evidence: Vec<Evidence>,
    /// Whether the JSON used the object form (an inference or bounds).
    pub inferred: bool,
}

impl<'de> Deserialize<'de> for DateSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a date string ("YYYY-MM-DD", "YYYY-MM" or "YYYY") or an object {"value"|"not_before"|"not_after", "note", "evidence"}"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateSpec, E> {
                Ok(DateSpec {
                    value: Some(v.to_owned()),
                    not_before: None,
                    not_after: None,
                    note: None,
                    evidence: Vec::new(),
                    inferred: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DateSpec, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Inferred {
                    value: Option<String>,
                    not_before: Option<String>,
                    not_after: Option<String>,
                    note: Option<String>,
                    #[serde(default)]
                    evidence: Vec<Evidence>,
                }
                let d = Inferred::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DateSpec {
                    value: d.value,
                    not_before: d.not_before,
                    not_after: d.not_after,
                    note: d.note,
                    evidence: d.evidence,
                    inferred: true,
                })
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// A verbatim quote from a source that supports a record or a part of it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The `id` of a `source` record.
    pub source: String,
    /// Text that must occur verbatim in the source's full text.
    pub quote: String,
}

/// An external identifier (Wikidata, GeoNames…) and where it was verified.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalId {
    /// The external IRI, e.g. `http://www.wikidata.org/entity/Q232`.
    pub iri: String,
    /// The authoritative page where the identifier was checked.
    pub verified_in: String,
    pub note: Option<String>,
}

/// A curation decision (an identity decision, a disambiguation…) with the
/// evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The fields every record kind shares, borrowed from a record.
#[derive(Debug, Clone, Copy)]
pub struct Common<'a> {
    pub id: &'a str,
    pub name: &'a LangString,
    pub alt_names: &'a [LangString],
    pub description: Option<&'a str>,
    pub same_as: &'a [ExternalId],
    pub evidence: &'a [Evidence],
    pub notes: &'a [Note],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_string_accepts_both_forms() {
        let plain: LangString = serde_json::from_str(r#""FTURK""#).unwrap();
        assert_eq!(plain.lang, None);
        let tagged: LangString = serde_json::from_str(r#"{"value":"ФПРК","lang":"ru"}"#).unwrap();
        assert_eq!(tagged.lang.as_deref(), Some("ru"));
        assert!(serde_json::from_str::<LangString>(r#"{"value":"x","lng":"ru"}"#).is_err());
    }

    #[test]
    fn date_spec_forms() {
        let d: DateSpec = serde_json::from_str(r#""2022-10""#).unwrap();
        assert!(!d.inferred);
        let d: DateSpec =
            serde_json::from_str(r#"{"not_before":"2022","note":"after X"}"#).unwrap();
        assert!(d.inferred && d.value.is_none());
    }
}
