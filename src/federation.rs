//! Federated queries: `SERVICE` calls from a query to remote SPARQL
//! endpoints, evaluated by Oxigraph's HTTP client (plain HTTP in the
//! default build; HTTPS with the `tls` feature).
//!
//! They are off unless asked for (`query --federate`): a query that calls a
//! `SERVICE` is otherwise refused before it runs ([`check`]), and the
//! engine's HTTP client is disabled, so that neither a query from the
//! library nor one sent to a server built on this library reaches the
//! network by surprise.

use crate::error::{Error, Result};
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
