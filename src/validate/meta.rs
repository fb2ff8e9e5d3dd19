//! Checks of the dataset metadata (`dataset.json`): base IRI, licence,
//! release date and language.

use crate::dataset::DatasetMeta;
use crate::dates::PartialDate;
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use oxigraph::model::{Literal, NamedNode};
use std::path::Path;

/// Checks the dataset metadata (base IRI, licence, dates, language).
pub fn check_meta(file: &Path, meta: &DatasetMeta, diags: &mut Diagnostics) {
    let mut problem = |key: &str, problem: Problem, msg: String| {
        diags.push(Diagnostic::in_record(
            file,
            (0, usize::MAX),
            &JsonPath::root(),
            JsonPath::root().key(key),
            problem,
            msg,
        ));
    };
    match NamedNode::new(&meta.base) {
        Ok(_) if meta.base.ends_with('/') || meta.base.ends_with('#') => {}
        Ok(_) => problem(
            "base",
            Problem::InvalidValue,
            format!("base IRI `{}` must end with `/` or `#`", meta.base),
        ),
        Err(e) => problem(
            "base",
            Problem::InvalidValue,
            format!("`{}` is not an absolute IRI: {e}", meta.base),
        ),
    }
    if let Err(e) = NamedNode::new(&meta.license) {
        problem(
            "license",
            Problem::InvalidValue,
            format!("`{}` is not an absolute IRI: {e}", meta.license),
        );
    }
    if !matches!(PartialDate::parse(&meta.issued), Ok(PartialDate::Day(_))) {
        problem(
            "issued",
            Problem::InvalidDate,
            format!("`{}`: expected a release date as YYYY-MM-DD", meta.issued),
        );
    }
    if Literal::new_language_tagged_literal("x", &meta.language).is_err() {
        problem(
            "language",
            Problem::InvalidValue,
            format!("`{}` is not a BCP 47 language tag", meta.language),
        );
    }
}
