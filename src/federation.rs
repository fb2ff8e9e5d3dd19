//! Federated queries: `SERVICE` calls from a query to remote SPARQL
//! endpoints, evaluated by Oxigraph with [`HttpService`] (plain HTTP in the
//! default build; HTTPS with the `tls` feature).
//!
//! They are off unless asked for (`query --federate`): a query that calls a
//! `SERVICE` is otherwise refused before it runs ([`check`]), and the engine
//! then has no service handler at all, so that neither a query from the
//! library nor one sent to a server built on this library reaches the
//! network by surprise.
//!
//! [`HttpService`] sends the `SERVICE` pattern as a SELECT query in a
//! URL-encoded POST (`query=…`), the form of the SPARQL 1.1 Protocol every
//! endpoint accepts. Oxigraph's own `http-client` sends the query as an
//! `application/sparql-query` body instead, which Virtuoso 7.2 (the version
//! Debian ships) accepts but never answers
//! (openlink/virtuoso-opensource#842).

use crate::error::{Error, Result};
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::{DefaultServiceHandler, QueryEvaluationError, QuerySolutionIter};
use spargebra::Query;
use spargebra::algebra::{Expression, GraphPattern, OrderExpression};
use spargebra::term::NamedNodePattern;
use std::time::Duration;

/// How queries may reach remote endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Federation {
    /// Whether `SERVICE` calls are allowed.
    pub enabled: bool,
    /// Time allowed for each remote call.
    pub timeout: Option<Duration>,
}

impl Federation {
    /// Federation allowed, with a timeout per remote call.
    pub fn enabled(timeout: Duration) -> Self {
        Self {
            enabled: true,
            timeout: Some(timeout),
        }
    }
}

/// The failure of a `SERVICE` call.
#[derive(Debug, thiserror::Error)]
#[error("SERVICE <{endpoint}>: {message}")]
pub struct ServiceError {
    pub endpoint: String,
    pub message: String,
}

/// Evaluates `SERVICE` calls with HTTP requests to the endpoints.
pub struct HttpService {
    agent: ureq::Agent,
}

impl HttpService {
    /// A handler allowing `timeout` for each call (connection and answer).
    pub fn new(timeout: Option<Duration>) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(timeout)
            .http_status_as_error(false)
            .build()
            .into();
        Self { agent }
    }
}

impl DefaultServiceHandler for HttpService {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        service_name: &NamedNode,
        pattern: &GraphPattern,
        base_iri: Option<&oxiri::Iri<String>>,
    ) -> std::result::Result<QuerySolutionIter<'static>, QueryEvaluationError> {
        let fail = |message: String| {
            QueryEvaluationError::Service(Box::new(ServiceError {
                endpoint: service_name.as_str().to_owned(),
                message,
            }))
        };
        let query = Query::Select {
            dataset: None,
            pattern: pattern.clone(),
            base_iri: base_iri.cloned(),
        }
        .to_string();
        let response = self
            .agent
            .post(service_name.as_str())
            .header(
                "Accept",
                "application/sparql-results+json, application/sparql-results+xml;q=0.9",
            )
            .send_form([("query", query.as_str())])
            .map_err(|e| fail(e.to_string()))?;
        let status = response.status().as_u16();
        let media_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = response.into_body().into_reader();
        if !(200..300).contains(&status) {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::Read::take(body, 2048), &mut text);
            return Err(fail(format!("HTTP {status}: {}", text.trim())));
        }
        let format = QueryResultsFormat::from_media_type(&media_type)
            .ok_or_else(|| fail(format!("answered with `{media_type}`, not SPARQL results")))?;
        match QueryResultsParser::from_format(format)
            .for_reader(body)
            .map_err(|e| fail(e.to_string()))?
        {
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables = solutions.variables().into();
                let endpoint = service_name.as_str().to_owned();
                Ok(QuerySolutionIter::new(
                    variables,
                    solutions.map(move |s| {
                        s.map_err(|e| {
                            QueryEvaluationError::Service(Box::new(ServiceError {
                                endpoint: endpoint.clone(),
                                message: e.to_string(),
                            }))
                        })
                    }),
                ))
            }
            ReaderQueryResultsParserOutput::Boolean(_) => {
                Err(fail("answered a boolean, not solutions".into()))
            }
        }
    }
}

/// The endpoints a query calls with `SERVICE` (`?var` for a variable one),
/// in order of appearance.
///
/// ```
/// let q = spargebra::SparqlParser::new()
///     .parse_query("SELECT * WHERE { SERVICE <http://localhost:8890/sparql> { ?s ?p ?o } }")?;
/// assert_eq!(labourgraph::federation::services(&q), ["<http://localhost:8890/sparql>"]);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn services(query: &Query) -> Vec<String> {
    let (Query::Select { pattern, .. }
    | Query::Construct { pattern, .. }
    | Query::Describe { pattern, .. }
    | Query::Ask { pattern, .. }) = query;
    let mut out = Vec::new();
    pattern_services(pattern, &mut out);
    out
}

/// Refuses a query that calls a `SERVICE` unless federation is enabled.
pub fn check(query: &Query, federation: &Federation) -> Result<()> {
    let called = services(query);
    if federation.enabled || called.is_empty() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "the query calls SERVICE {}: federated queries are off; run it with --federate to let it reach remote SPARQL endpoints",
        called.join(", ")
    )))
}

fn pattern_services(p: &GraphPattern, out: &mut Vec<String>) {
    match p {
        GraphPattern::Service { name, inner, .. } => {
            out.push(match name {
                NamedNodePattern::NamedNode(n) => n.to_string(),
                NamedNodePattern::Variable(v) => v.to_string(),
            });
            pattern_services(inner, out);
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            pattern_services(left, out);
            pattern_services(right, out);
        }
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => {
            pattern_services(left, out);
            pattern_services(right, out);
            if let Some(e) = expression {
                expression_services(e, out);
            }
        }
        GraphPattern::Filter { expr, inner } => {
            expression_services(expr, out);
            pattern_services(inner, out);
        }
        GraphPattern::Extend {
            inner, expression, ..
        } => {
            expression_services(expression, out);
            pattern_services(inner, out);
        }
        GraphPattern::OrderBy { inner, expression } => {
            for e in expression {
                let (OrderExpression::Asc(e) | OrderExpression::Desc(e)) = e;
                expression_services(e, out);
            }
            pattern_services(inner, out);
        }
        GraphPattern::Graph { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. } => pattern_services(inner, out),
        _ => {}
    }
}

fn expression_services(e: &Expression, out: &mut Vec<String>) {
    match e {
        Expression::Exists(p) => pattern_services(p, out),
        Expression::Or(a, b)
        | Expression::And(a, b)
        | Expression::Equal(a, b)
        | Expression::SameTerm(a, b)
        | Expression::Greater(a, b)
        | Expression::GreaterOrEqual(a, b)
        | Expression::Less(a, b)
        | Expression::LessOrEqual(a, b)
        | Expression::Add(a, b)
        | Expression::Subtract(a, b)
        | Expression::Multiply(a, b)
        | Expression::Divide(a, b) => {
            expression_services(a, out);
            expression_services(b, out);
        }
        Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
            expression_services(a, out)
        }
        Expression::If(a, b, c) => {
            for x in [a, b, c] {
                expression_services(x, out);
            }
        }
        Expression::In(a, list) => {
            expression_services(a, out);
            list.iter().for_each(|x| expression_services(x, out));
        }
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
            list.iter().for_each(|x| expression_services(x, out))
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Query {
        spargebra::SparqlParser::new().parse_query(q).unwrap()
    }

    #[test]
    fn finds_services_anywhere() {
        let q = parse(
            "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://a/> { ?s ?p ?o } }
             OPTIONAL { SERVICE ?endpoint { ?s ?q ?r } } }",
        );
        assert_eq!(services(&q), ["<http://a/>", "?endpoint"]);
        assert!(services(&parse("ASK { ?s ?p ?o }")).is_empty());
    }

    #[test]
    fn refused_unless_enabled() {
        let q = parse("SELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } }");
        let err = check(&q, &Federation::default()).unwrap_err().to_string();
        assert!(
            err.contains("--federate") && err.contains("<http://a/>"),
            "{err}"
        );
        assert!(check(&q, &Federation::enabled(Duration::from_secs(1))).is_ok());
    }
}
