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

//! The module is split by what it holds: [`library`] reads the query
//! library and parses parameter values, [`results`] writes answers; this
//! file prepares and runs queries.

mod library;
mod results;

pub use library::{Library, NamedQuery, Param, ParamType, parse_param};
pub use results::{compact, display_term, serializer, write_results};

use crate::error::{Error, Result};
use crate::federation::Federation;
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use spargebra::{Query as SparqlQuery, SparqlParser};

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
        other => join_first(values, other),
    }
}

/// Joins `values` in as the first operand of the leftmost join of `pattern`
/// (joins are associative): Oxigraph's optimizer then evaluates the rest
/// with the parameters bound. Joined around a whole join tree instead, the
/// values were applied only after the tree was evaluated unbound: a query
/// for one organisation's provenance took 13 s instead of 0.1 s on 344 000
/// statements.
fn join_first(values: GraphPattern, pattern: GraphPattern) -> GraphPattern {
    match pattern {
        GraphPattern::Join { left, right } => GraphPattern::Join {
            left: Box::new(join_first(values, *left)),
            right,
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

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.org/labourgraph/";

    #[test]
    fn syntax_errors_have_positions() {
        let p = prefixes(BASE);
        let Err(err) = prepare("SELECT * WHERE { ?s ?p }", None, &[], &[], BASE, &p) else {
            panic!("a syntax error")
        };
        assert!(err.to_string().contains("error at 1:"), "{err}");
    }
}
