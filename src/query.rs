//! SPARQL queries over the built graph: preparing a query (with the
//! ontology's prefixes and parameters bound as RDF terms, never spliced
//! into the text), running it over the union of all named graphs, and
//! writing its results as a table, CSV, TSV, SPARQL JSON or XML, or, for
//! CONSTRUCT and DESCRIBE, in any RDF format.
//!
//! The query library (`queries/*.rq`) is read by [`Library`]: each file
//! starts with a comment block naming its title, the research question it
//! answers and its parameters:
//!
//! ```text
//! # title: Posts held by a person over time
//! # question: Which posts did a person hold, in which organisations, and when?
//! # param: person person — the person (an id such as satybaldy-dauletalin, or an IRI)
//! ```

use crate::dataset::is_slug;
use crate::error::{Error, Result};
use crate::federation::Federation;
use crate::format::Format;
use crate::records::RecordKind;
use oxigraph::io::RdfSerializer;
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use spargebra::{Query as SparqlQuery, SparqlParser};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Prefixes as `(name, namespace)` pairs.
pub type Prefixes = [(String, String)];

/// The prefixes of queries and serialisations: the ontology's and the
/// per-kind prefixes of the dataset's base IRI.
pub fn prefixes(base: &str) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = crate::vocab::PREFIXES
        .iter()
        .map(|(p, n)| ((*p).to_owned(), (*n).to_owned()))
        .collect();
    all.extend(crate::dataset::Iris::new(base).prefixes());
    all
}

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

/// A parsed query with its parameters bound, ready to run.
pub struct Prepared {
    query: PreparedSparqlQuery,
    algebra: SparqlQuery,
}

impl Prepared {
    /// The query as it runs: prefixes expanded and parameters bound (as a
    /// `VALUES` table), for sending to another SPARQL engine.
    pub fn algebra(&self) -> &SparqlQuery {
        &self.algebra
    }

    /// The query's dataset: the protocol's `default-graph-uri` and
    /// `named-graph-uri` replace what [`prepare`] chose.
    pub fn dataset_mut(&mut self) -> &mut oxigraph::sparql::QueryDataset {
        self.query.dataset_mut()
    }
}

/// Parses a query with the prefixes and base IRI, sets the default graph
/// to the union of all named graphs (unless the query has `FROM`), and binds
/// the parameters.
///
/// Parameters are bound in the query's algebra: the pattern of its `WHERE`
/// clause is joined with a one-row `VALUES` table holding the parameters'
/// RDF terms, below the clause's own filters and `BIND`s (and below any
/// grouping), so that those see the values. The values are terms, never
/// text spliced into the query, so they cannot change its meaning. A
/// parameter left out stays unbound: a query can test `!BOUND(?param)` to
/// answer for everything.
///
/// ```
/// use labourgraph::query::{prepare, prefixes};
/// let base = "https://example.org/labourgraph/";
/// let params = vec![("person".to_owned(), "person:satybaldy-dauletalin".to_owned())];
/// let q = prepare("SELECT ?name WHERE { ?person schema:name ?name }", None, &params, &[], base, &prefixes(base))?;
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn prepare(
    text: &str,
    origin: Option<&str>,
    params: &[(String, String)],
    declared: &[Param],
    base: &str,
    prefixes: &Prefixes,
) -> Result<Prepared> {
    prepare_federated(
        text,
        origin,
        params,
        declared,
        base,
        prefixes,
        &Federation::default(),
    )
}

/// [`prepare`], with `SERVICE` calls to remote endpoints allowed or refused
/// as `federation` says (see [`crate::federation`]).
///
/// ```
/// use labourgraph::{federation::Federation, query::{prepare_federated, prefixes}};
/// let base = "https://example.org/labourgraph/";
/// let q = "SELECT * WHERE { SERVICE <http://localhost:8890/sparql> { ?s ?p ?o } }";
/// assert!(prepare_federated(q, None, &[], &[], base, &prefixes(base), &Federation::default()).is_err());
/// let on = Federation::enabled(std::time::Duration::from_secs(30));
/// assert!(prepare_federated(q, None, &[], &[], base, &prefixes(base), &on).is_ok());
/// ```
pub fn prepare_federated(
    text: &str,
    origin: Option<&str>,
    params: &[(String, String)],
    declared: &[Param],
    base: &str,
    prefixes: &Prefixes,
    federation: &Federation,
) -> Result<Prepared> {
    let evaluator = if federation.enabled {
        SparqlEvaluator::new()
            .with_default_service_handler(crate::federation::HttpService::new(federation.timeout))
    } else {
        SparqlEvaluator::new()
    };
    let prepared = prepare_with(evaluator, text, origin, params, declared, base, prefixes)?;
    crate::federation::check(prepared.algebra(), federation)?;
    Ok(prepared)
}

/// [`prepare`] with a configured evaluator, e.g. one with a cancellation
/// token that stops the query after a time limit. `SERVICE` calls are not
/// checked: see [`crate::federation::check`].
///
/// ```
/// use labourgraph::query::{prepare_with, prefixes};
/// use oxigraph::sparql::{CancellationToken, SparqlEvaluator};
/// let base = "https://example.org/labourgraph/";
/// let token = CancellationToken::new();
/// let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
/// let q = prepare_with(evaluator, "ASK {}", None, &[], &[], base, &prefixes(base))?;
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn prepare_with(
    evaluator: SparqlEvaluator,
    text: &str,
    origin: Option<&str>,
    params: &[(String, String)],
    declared: &[Param],
    base: &str,
    prefixes: &Prefixes,
) -> Result<Prepared> {
    let mut parser = SparqlParser::new()
        .with_base_iri(base)
        .map_err(|e| Error::Usage(format!("invalid base IRI `{base}`: {e}")))?;
    for (name, ns) in prefixes {
        parser = parser
            .with_prefix(name, ns)
            .map_err(|e| Error::Usage(format!("invalid prefix `{name}`: {e}")))?;
    }
    let mut query = parser.parse_query(text).map_err(|e| Error::QuerySyntax {
        origin: origin.map(str::to_owned),
        source: e,
    })?;
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (name, value) in params {
        let declaration = declared.iter().find(|p| &p.name == name);
        if !declared.is_empty() && declaration.is_none() {
            let names: Vec<&str> = declared.iter().map(|p| p.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "the query has no parameter `{name}` (its parameters: {})",
                names.join(", ")
            )));
        }
        if declared.is_empty()
            && !(text.contains(&format!("?{name}")) || text.contains(&format!("${name}")))
        {
            return Err(Error::Usage(format!(
                "the query has no variable `?{name}` to bind"
            )));
        }
        let variable = Variable::new(name)
            .map_err(|e| Error::Usage(format!("invalid parameter name `{name}`: {e}")))?;
        let term = match parse_param(value, declaration.map(|p| p.kind), base, prefixes)? {
            Term::NamedNode(n) => GroundTerm::NamedNode(n),
            Term::Literal(l) => GroundTerm::Literal(l),
            other => {
                return Err(Error::Usage(format!(
                    "parameter `{name}`: `{other}` is not an IRI or a literal"
                )));
            }
        };
        variables.push(variable);
        row.push(Some(term));
    }
    if !variables.is_empty() {
        let values = GraphPattern::Values {
            variables,
            bindings: vec![row],
        };
        let (SparqlQuery::Select { pattern, .. }
        | SparqlQuery::Construct { pattern, .. }
        | SparqlQuery::Describe { pattern, .. }
        | SparqlQuery::Ask { pattern, .. }) = &mut query;
        let where_clause = std::mem::replace(
            pattern,
            GraphPattern::Bgp {
                patterns: Vec::new(),
            },
        );
        *pattern = bind(where_clause, values);
    }
    let algebra = query.clone();
    let mut prepared = evaluator.for_query(query);
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(Prepared {
        query: prepared,
        algebra,
    })
}

/// Joins `values` with the pattern of a query's `WHERE` clause, below the
/// solution modifiers and grouping and below the clause's top-level filters
/// and `BIND`s.
fn bind(pattern: GraphPattern, values: GraphPattern) -> GraphPattern {
    let inner = |p: Box<GraphPattern>| Box::new(bind(*p, values.clone()));
    match pattern {
        GraphPattern::Slice {
            inner: i,
            start,
            length,
        } => GraphPattern::Slice {
            inner: inner(i),
            start,
            length,
        },
        GraphPattern::Distinct { inner: i } => GraphPattern::Distinct { inner: inner(i) },
        GraphPattern::Reduced { inner: i } => GraphPattern::Reduced { inner: inner(i) },
        GraphPattern::Project {
            inner: i,
            variables,
        } => GraphPattern::Project {
            inner: inner(i),
            variables,
        },
        GraphPattern::OrderBy {
            inner: i,
            expression,
        } => GraphPattern::OrderBy {
            inner: inner(i),
            expression,
        },
        GraphPattern::Group {
            inner: i,
            variables,
            aggregates,
        } => GraphPattern::Group {
            inner: inner(i),
            variables,
            aggregates,
        },
        GraphPattern::Filter { expr, inner: i } => GraphPattern::Filter {
            expr,
            inner: inner(i),
        },
        GraphPattern::Extend {
            inner: i,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: inner(i),
            variable,
            expression,
        },
        other => GraphPattern::Join {
            left: Box::new(values),
            right: Box::new(other),
        },
    }
}

/// Results of a query.
pub struct Answer {
    pub results: QueryResults<'static>,
}

/// Runs a prepared query on a store.
pub fn execute(store: &Store, prepared: Prepared) -> Result<Answer> {
    let results = prepared
        .query
        .on_store(store)
        .execute()
        .map_err(Error::QueryEvaluation)?;
    Ok(Answer { results })
}

/// Writes query results in `format`; SELECT and ASK results as a table or a
/// SPARQL results format, CONSTRUCT and DESCRIBE results in an RDF format
/// (Turtle when `format` is `table`).
pub fn write_results(
    answer: Answer,
    format: Format,
    prefixes: &Prefixes,
    out: &mut dyn Write,
) -> Result<()> {
    match answer.results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if format == Format::Table {
                let mut table = comfy_table::Table::new();
                table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
                table.set_header(variables.iter().map(|v| v.as_str()));
                for solution in solutions {
                    let solution = solution.map_err(Error::QueryEvaluation)?;
                    table.add_row(variables.iter().map(|v| {
                        solution
                            .get(v)
                            .map(|t| display_term(t, prefixes))
                            .unwrap_or_default()
                    }));
                }
                return writeln!(out, "{table}").map_err(Error::Output);
            }
            let results_format = format.results().ok_or_else(|| {
                wrong_format(format, "SELECT results", "table, csv, tsv, json or xml")
            })?;
            let mut ser = QueryResultsSerializer::from_format(results_format)
                .serialize_solutions_to_writer(out, variables)
                .map_err(Error::Output)?;
            for solution in solutions {
                let solution = solution.map_err(Error::QueryEvaluation)?;
                ser.serialize(&solution).map_err(Error::Output)?;
            }
            ser.finish().map_err(Error::Output)?;
        }
        QueryResults::Boolean(value) => {
            if format == Format::Table {
                return writeln!(out, "{value}").map_err(Error::Output);
            }
            let results_format = format.results().ok_or_else(|| {
                wrong_format(format, "ASK results", "table, csv, tsv, json or xml")
            })?;
            QueryResultsSerializer::from_format(results_format)
                .serialize_boolean_to_writer(out, value)
                .map_err(Error::Output)?;
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                Format::Table => oxigraph::io::RdfFormat::Turtle,
                other => other.rdf().ok_or_else(|| {
                    wrong_format(
                        other,
                        "CONSTRUCT/DESCRIBE results",
                        "turtle, trig, ntriples, nquads, rdfxml or jsonld",
                    )
                })?,
            };
            let mut ser = serializer(rdf, prefixes).for_writer(out);
            for triple in triples {
                let triple = triple.map_err(Error::QueryEvaluation)?;
                ser.serialize_triple(&triple).map_err(Error::Output)?;
            }
            ser.finish().map_err(Error::Output)?;
        }
    }
    Ok(())
}

fn wrong_format(format: Format, what: &str, expected: &str) -> Error {
    Error::Usage(format!(
        "{what} cannot be written as {format}: use {expected}"
    ))
}

/// An RDF serialiser with the given prefixes.
pub fn serializer(format: oxigraph::io::RdfFormat, prefixes: &Prefixes) -> RdfSerializer {
    let mut ser = RdfSerializer::from_format(format);
    for (name, ns) in prefixes {
        ser = ser.with_prefix(name, ns).expect("prefixes are valid IRIs");
    }
    ser
}

/// A term for a terminal table: IRIs compacted with the prefixes, literals
/// as their lexical form.
pub fn display_term(term: &Term, prefixes: &Prefixes) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str(), prefixes),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// `prefix:local` for the longest matching namespace whose local part is a
/// simple name, `<iri>` otherwise.
pub fn compact(iri: &str, prefixes: &Prefixes) -> String {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len())
        .and_then(|(p, ns)| {
            let local = &iri[ns.len()..];
            local
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .then(|| format!("{p}:{local}"))
        })
        .unwrap_or_else(|| format!("<{iri}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn compacting() {
        let p = prefixes(BASE);
        assert_eq!(compact(&format!("{BASE}person/x-y"), &p), "person:x-y");
        assert_eq!(
            compact(&format!("{BASE}person/x/post/y"), &p),
            format!("<{BASE}person/x/post/y>")
        );
        assert_eq!(compact("http://schema.org/name", &p), "schema:name");
    }

    #[test]
    fn syntax_errors_have_positions() {
        let p = prefixes(BASE);
        let Err(err) = prepare("SELECT * WHERE { ?s ?p }", None, &[], &[], BASE, &p) else {
            panic!("a syntax error")
        };
        assert!(err.to_string().contains("error at 1:"), "{err}");
    }
}
