//! Writing query answers: SELECT and ASK results as an aligned table or a
//! SPARQL results format (CSV, TSV, JSON, XML), CONSTRUCT and DESCRIBE
//! results in any RDF format, with the dataset's prefixes.

use super::{Answer, Prefixes};
use crate::error::{Error, Result};
use crate::format::Format;
use oxigraph::io::RdfSerializer;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::QueryResultsSerializer;
use std::io::Write;

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
    use crate::query::prefixes;
    const BASE: &str = "https://example.org/labourgraph/";

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
}
