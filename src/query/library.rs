//! The query library (`queries/*.rq`, each headed by `# title:`,
//! `# question:` and `# param:` comment lines) and the parsing of parameter
//! values into RDF terms of their declared type.

use super::Prefixes;
use crate::dataset::is_slug;
use crate::error::{Error, Result};
use crate::records::RecordKind;
use oxigraph::model::{Literal, NamedNode, Term};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The type of a declared query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// Any IRI (`<…>` or a prefixed name).
    Iri,
    /// A plain string.
    String,
    Integer,
    Decimal,
    /// `xsd:date`.
    Date,
    /// `xsd:gYear`.
    Year,
    /// A record of this kind, by id or IRI.
    Record(RecordKind),
}

impl ParamType {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "iri" => Self::Iri,
            "string" => Self::String,
            "integer" => Self::Integer,
            "decimal" => Self::Decimal,
            "date" => Self::Date,
            "year" => Self::Year,
            other => Self::Record(RecordKind::parse(other)?),
        })
    }
}

impl std::fmt::Display for ParamType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Iri => "iri",
            Self::String => "string",
            Self::Integer => "integer",
            Self::Decimal => "decimal",
            Self::Date => "date",
            Self::Year => "year",
            Self::Record(kind) => kind.as_str(),
        })
    }
}

/// A declared parameter of a library query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub kind: ParamType,
    pub description: String,
}

/// A query of the library, with its header.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    /// File stem, e.g. `timeline`.
    pub name: String,
    pub path: PathBuf,
    pub title: String,
    pub question: String,
    pub params: Vec<Param>,
    pub text: String,
}

impl NamedQuery {
    /// Reads a `.rq` file and its header.
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Read {
            path: path.to_owned(),
            source: e,
        })?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let (mut title, mut question, mut params) = (String::new(), String::new(), Vec::new());
        for line in text.lines().take_while(|l| l.trim_start().starts_with('#')) {
            let line = line.trim_start().trim_start_matches('#').trim();
            if let Some(t) = line.strip_prefix("title:") {
                title = t.trim().to_owned();
            } else if let Some(q) = line.strip_prefix("question:") {
                question = q.trim().to_owned();
            } else if let Some(p) = line.strip_prefix("param:") {
                let mut words = p.trim().splitn(3, char::is_whitespace);
                let pname = words
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches(['?', '$'])
                    .to_owned();
                let ptype = words.next().unwrap_or_default();
                let description = words
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches(['—', '-', ' '])
                    .trim()
                    .to_owned();
                let kind = ParamType::parse(ptype).ok_or_else(|| {
                    Error::Usage(format!(
                        "{}: parameter `{pname}` has unknown type `{ptype}` (expected iri, string, integer, decimal, date, year or a record kind)",
                        path.display()
                    ))
                })?;
                params.push(Param {
                    name: pname,
                    kind,
                    description,
                });
            }
        }
        Ok(Self {
            name,
            path: path.to_owned(),
            title,
            question,
            params,
            text,
        })
    }
}

/// The query library: the `.rq` files of a directory.
#[derive(Debug, Clone)]
pub struct Library {
    pub dir: PathBuf,
}

impl Library {
    /// The library in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Every query, sorted by name.
    pub fn list(&self) -> Result<Vec<NamedQuery>> {
        self.entries()?.into_iter().collect()
    }

    /// Every `.rq` file, sorted by name, each read on its own: one file
    /// that cannot be read or has a bad header does not hide the others
    /// (for a library that is being written while it is served).
    pub fn entries(&self) -> Result<Vec<Result<NamedQuery>>> {
        let entries = std::fs::read_dir(&self.dir).map_err(|e| Error::Read {
            path: self.dir.clone(),
            source: e,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "rq"))
            .collect();
        paths.sort();
        Ok(paths.iter().map(|p| NamedQuery::read(p)).collect())
    }

    /// The query named `name` (file stem).
    pub fn get(&self, name: &str) -> Result<NamedQuery> {
        let path = self.dir.join(format!("{name}.rq"));
        if !path.is_file() {
            let known = self
                .list()
                .map(|l| l.into_iter().map(|q| q.name).collect::<Vec<_>>().join(", "));
            return Err(Error::Usage(format!(
                "no query named `{name}` in {} (known: {})",
                self.dir.display(),
                known.unwrap_or_default()
            )));
        }
        NamedQuery::read(&path)
    }
}

/// Parses a parameter value as a term of the declared type (or, undeclared,
/// as `<iri>`, a prefixed name, an N-Triples literal or a plain string).
pub fn parse_param(
    value: &str,
    kind: Option<ParamType>,
    base: &str,
    prefixes: &Prefixes,
) -> Result<Term> {
    let invalid = |what: &str| Error::Usage(format!("parameter value `{value}`: expected {what}"));
    let iri = |value: &str| -> Option<NamedNode> {
        if value.starts_with('<') {
            return NamedNode::from_str(value).ok();
        }
        let (prefix, local) = value.split_once(':')?;
        let ns = prefixes
            .iter()
            .find(|(p, _)| p == prefix)
            .map(|(_, n)| n.as_str());
        match ns {
            Some(ns) => NamedNode::new(format!("{ns}{local}")).ok(),
            None => NamedNode::new(value)
                .ok()
                .filter(|_| local.starts_with("//")),
        }
    };
    let typed = |dt| Literal::new_typed_literal(value, dt);
    Ok(match kind {
        None => {
            if value.starts_with('"') {
                Term::from_str(value)
                    .map_err(|e| Error::Usage(format!("parameter value `{value}`: {e}")))?
            } else {
                iri(value).map_or_else(|| Literal::new_simple_literal(value).into(), Term::from)
            }
        }
        Some(ParamType::Iri) => iri(value)
            .ok_or_else(|| invalid("an IRI: <…>, a prefixed name or an absolute IRI"))?
            .into(),
        Some(ParamType::String) => Literal::new_simple_literal(value).into(),
        Some(ParamType::Integer) => {
            value.parse::<i64>().map_err(|_| invalid("an integer"))?;
            typed(oxigraph::model::vocab::xsd::INTEGER).into()
        }
        Some(ParamType::Decimal) => {
            value
                .parse::<f64>()
                .map_err(|_| invalid("a decimal number"))?;
            typed(oxigraph::model::vocab::xsd::DECIMAL).into()
        }
        Some(ParamType::Date) => match crate::dates::PartialDate::parse(value) {
            Ok(d @ crate::dates::PartialDate::Day(_)) => d.to_literal().into(),
            _ => return Err(invalid("a date YYYY-MM-DD")),
        },
        Some(ParamType::Year) => match crate::dates::PartialDate::parse(value) {
            Ok(d @ crate::dates::PartialDate::Year(_)) => d.to_literal().into(),
            _ => return Err(invalid("a year YYYY")),
        },
        Some(ParamType::Record(kind)) => {
            if is_slug(value) {
                NamedNode::new_unchecked(
                    crate::dataset::Iris::new(base).entity(kind.as_str(), value),
                )
                .into()
            } else {
                iri(value)
                    .ok_or_else(|| invalid(&format!("the id of a {kind} record or its IRI")))?
                    .into()
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::prefixes;
    const BASE: &str = "https://example.org/labourgraph/";

    #[test]
    fn params_are_terms() {
        let p = prefixes(BASE);
        let person = parse_param(
            "satybaldy-dauletalin",
            Some(ParamType::Record(RecordKind::Person)),
            BASE,
            &p,
        )
        .unwrap();
        assert_eq!(
            person.to_string(),
            format!("<{BASE}person/satybaldy-dauletalin>")
        );
        let injected =
            parse_param("x\" } ; DROP ALL ; #", Some(ParamType::String), BASE, &p).unwrap();
        assert!(matches!(injected, Term::Literal(_)));
        assert_eq!(
            parse_param("schema:Person", None, BASE, &p)
                .unwrap()
                .to_string(),
            "<http://schema.org/Person>"
        );
        assert!(parse_param("x", Some(ParamType::Integer), BASE, &p).is_err());
        assert_eq!(
            parse_param("\"a\"@en", None, BASE, &p).unwrap().to_string(),
            "\"a\"@en"
        );
    }
}
