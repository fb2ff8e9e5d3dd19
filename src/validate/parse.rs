//! Reading one raw record: a first look at its `type` and `id` ([`peek`],
//! for the first pass) and its full deserialisation into the type of its
//! kind ([`parse_record`], for the second), each problem a diagnostic at its
//! position.

use super::in_record;
use crate::dataset::is_slug;
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use crate::reader::{RawRecord, offset_of, strip_position};
use crate::records::{Record, RecordKind};
use serde::Deserialize;

/// The two fields the first pass reads.
#[derive(Deserialize)]
struct Peek {
    #[serde(rename = "type")]
    record_type: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
}

/// Reads a record's `type` and `id`; reports problems with them if `report`.
pub fn peek(
    raw: &RawRecord<'_>,
    diags: &mut Diagnostics,
    report: bool,
) -> Option<(RecordKind, String)> {
    let mut fail = |rel: JsonPath, problem, msg: String| {
        if report {
            diags.push(in_record(raw, rel, problem, msg));
        }
        None
    };
    let peek: Peek = match serde_json::from_str(raw.text) {
        Ok(p) => p,
        Err(_) => {
            return fail(
                JsonPath::root(),
                Problem::WrongType,
                "expected a record: a JSON object".into(),
            );
        }
    };
    let kind = match peek.record_type {
        None => {
            return fail(
                JsonPath::root(),
                Problem::MissingField,
                format!(
                    "missing field `type`, expected one of {}",
                    RecordKind::expected()
                ),
            );
        }
        Some(serde_json::Value::String(t)) => match RecordKind::parse(&t) {
            Some(k) => k,
            None => {
                return fail(
                    JsonPath::root().key("type"),
                    Problem::WrongType,
                    format!(
                        "unknown record type `{t}`, expected one of {}",
                        RecordKind::expected()
                    ),
                );
            }
        },
        Some(_) => {
            return fail(
                JsonPath::root().key("type"),
                Problem::WrongType,
                "expected a string for `type`".into(),
            );
        }
    };
    match peek.id {
        None => fail(
            JsonPath::root(),
            Problem::MissingField,
            "missing field `id`".into(),
        ),
        Some(serde_json::Value::String(id)) if is_slug(&id) => Some((kind, id)),
        Some(serde_json::Value::String(id)) => fail(
            JsonPath::root().key("id"),
            Problem::InvalidId,
            format!(
                "`{id}` is not a valid id: expected lower-case letters and digits separated by single hyphens, e.g. `fturk` or `tomoko-yoshino`"
            ),
        ),
        Some(_) => fail(
            JsonPath::root().key("id"),
            Problem::WrongType,
            "expected a string for `id`".into(),
        ),
    }
}

/// Fully deserialises a record of a known kind; a structural problem (wrong
/// type, unknown or missing field) becomes a diagnostic at its exact position.
pub fn parse_record(
    raw: &RawRecord<'_>,
    kind: RecordKind,
    diags: &mut Diagnostics,
) -> Option<Record> {
    fn typed<T: serde::de::DeserializeOwned>(
        raw: &RawRecord<'_>,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let mut de = serde_json::Deserializer::from_str(raw.text);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(v) => Some(v),
            Err(e) => {
                let inner = e.inner();
                let problem = Problem::of_serde(inner);
                let message = strip_position(inner);
                let relative = JsonPath::from_serde(&JsonPath::root(), e.path());
                // serde reports a missing field at the end of its object and an
                // unknown one after its key: point at the object and the key.
                let d = match problem {
                    Problem::MissingField => in_record(raw, relative, problem, message),
                    Problem::UnknownField => in_record(raw, relative, problem, message).at_key(),
                    _ => {
                        let offset = raw.offset + offset_of(raw.text, inner.line(), inner.column());
                        Diagnostic::at_offset(
                            raw.file,
                            offset,
                            JsonPath::from_serde(&raw.path(), e.path()),
                            problem,
                            message,
                        )
                    }
                };
                diags.push(d);
                None
            }
        }
    }
    Some(match kind {
        RecordKind::Source => Record::Source(typed(raw, diags)?),
        RecordKind::Organisation => Record::Organisation(typed(raw, diags)?),
        RecordKind::Person => Record::Person(typed(raw, diags)?),
        RecordKind::Event => Record::Event(typed(raw, diags)?),
        RecordKind::Agreement => Record::Agreement(typed(raw, diags)?),
        RecordKind::Document => Record::Document(typed(raw, diags)?),
        RecordKind::Place => Record::Place(typed(raw, diags)?),
        RecordKind::Figure => Record::Figure(typed(raw, diags)?),
        RecordKind::Topic => Record::Topic(typed(raw, diags)?),
    })
}
