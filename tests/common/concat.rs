//! Answers with `GROUP_CONCAT`: SPARQL leaves the order of the concatenated
//! values to the engine (and to the store's order of statements), so tests
//! compare them with their parts sorted.

use spargebra::Query;
use spargebra::algebra::{AggregateExpression, AggregateFunction, Expression, GraphPattern};
use std::collections::BTreeSet;

/// The variables a query binds with `GROUP_CONCAT` (directly or renamed).
pub fn variables(query: &Query) -> BTreeSet<String> {
    fn walk(p: &GraphPattern, out: &mut BTreeSet<String>) {
        match p {
            GraphPattern::Group {
                inner, aggregates, ..
            } => {
                walk(inner, out);
                for (v, a) in aggregates {
                    if let AggregateExpression::FunctionCall {
                        name: AggregateFunction::GroupConcat { .. },
                        ..
                    } = a
                    {
                        out.insert(v.as_str().to_owned());
                    }
                }
            }
            GraphPattern::Extend {
                inner,
                variable,
                expression,
            } => {
                walk(inner, out);
                if let Expression::Variable(v) = expression {
                    if out.contains(v.as_str()) {
                        out.insert(variable.as_str().to_owned());
                    }
                }
            }
            GraphPattern::Join { left, right }
            | GraphPattern::LeftJoin { left, right, .. }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right } => {
                walk(left, out);
                walk(right, out);
            }
            GraphPattern::Filter { inner, .. }
            | GraphPattern::Graph { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::OrderBy { inner, .. }
            | GraphPattern::Service { inner, .. } => walk(inner, out),
            _ => {}
        }
    }
    let (Query::Select { pattern, .. }
    | Query::Construct { pattern, .. }
    | Query::Describe { pattern, .. }
    | Query::Ask { pattern, .. }) = query;
    let mut out = BTreeSet::new();
    walk(pattern, &mut out);
    out
}

/// `value` with its parts (separated by `; ` or ` | `, the separators of the
/// query library) in sorted order.
pub fn sort_parts(value: &str) -> String {
    let mut value = value.to_owned();
    for sep in ["; ", " | "] {
        if value.contains(sep) {
            let mut parts: Vec<&str> = value.split(sep).collect();
            parts.sort_unstable();
            value = parts.join(sep);
        }
    }
    value
}
