//! Validation of the records, in two streaming passes.
//!
//! The first pass ([`Index::build`]) reads only each record's `type` and `id`
//! (and the sources' full texts) to learn which ids exist; the second pass
//! ([`parse_record`] and [`check_record`]) reads each record fully and checks
//! types, unknown and missing fields, dates, IRIs, references and evidence
//! quotes against that index. Neither pass keeps the records, so memory grows
//! with the number of ids, not with the size of the corpus.
//!
//! The submodules, re-exported here: `index` (the first pass), `parse`
//! (reading one raw record), `meta` (the dataset metadata), `checks` (what
//! each record must satisfy), and the checker those checks use: `checker`
//! (plain values), `references`, `evidence` and `dates`.

mod checker;
mod checks;
mod dates;
mod evidence;
mod index;
mod meta;
mod parse;
mod references;

pub use checks::{check_record, participant_key, post_id};
pub use index::{Index, SourceText};
pub use meta::check_meta;
pub use parse::{parse_record, peek};

use crate::diagnostics::{Diagnostic, JsonPath, Problem};
use crate::reader::RawRecord;
use crate::records::RecordKind;

/// A diagnostic at `rel`, a path relative to the raw record it is in.
fn in_record(
    raw: &RawRecord<'_>,
    rel: JsonPath,
    problem: Problem,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::in_record(raw.file, raw.span(), &raw.path(), rel, problem, message)
}

/// `an organisation`, `a person`…
fn with_article(kind: RecordKind) -> String {
    let article = if kind.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}
