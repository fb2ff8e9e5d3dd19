//! Export of the built graph in any RDF format: all named graphs (TriG,
//! N-Quads), one graph, or the union of all graphs (any format), with the
//! ontology's prefixes. Statements are sorted (by graph, subject, predicate
//! and object in N-Triples form), so that an export is stable and diffable
//! and Turtle groups each subject's statements together.

use crate::error::{Error, Result};
use crate::format::Format;
use crate::query::{Prefixes, serializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Term, Triple};
use oxigraph::store::Store;
use std::io::Write;

/// Which statements to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every named graph, as quads (TriG, N-Quads, JSON-LD).
    All,
    /// The union of all graphs, as triples with duplicates removed.
    Union,
    /// One named graph, as triples.
    Graph(NamedNode),
}

impl Selection {
    /// `All` for formats that hold named graphs, `Union` otherwise.
    pub fn default_for(format: Format) -> Self {
        if format.supports_datasets() {
            Self::All
        } else {
            Self::Union
        }
    }
}

/// Writes the selected statements of `store` to `out` in `format`.
///
/// ```
/// use labourgraph::export::{export, Selection};
/// use labourgraph::format::Format;
/// let store = oxigraph::store::Store::new()?;
/// let mut out = Vec::new();
/// export(&store, Format::Nquads, &Selection::All, &[], &mut out)?;
/// assert!(out.is_empty());
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn export(
    store: &Store,
    format: Format,
    selection: &Selection,
    prefixes: &Prefixes,
    out: &mut dyn Write,
) -> Result<()> {
    let rdf = format.rdf().ok_or_else(|| {
        Error::Usage(format!(
            "`{format}` is not an RDF format: use turtle, trig, ntriples, nquads, rdfxml or jsonld"
        ))
    })?;
    let mut ser = serializer(rdf, prefixes).for_writer(out);
    match selection {
        Selection::All => {
            if !format.supports_datasets() {
                return Err(Error::Usage(format!(
                    "{format} holds a single graph: export the union of all graphs (--union) or one graph (--graph IRI), or use trig, nquads or jsonld"
                )));
            }
            for quad in sorted_quads(store)? {
                ser.serialize_quad(&quad).map_err(Error::Output)?;
            }
        }
        Selection::Union | Selection::Graph(_) => {
            let graph = match selection {
                Selection::Graph(g) => {
                    if !store.contains_named_graph(g)? {
                        return Err(Error::Usage(format!(
                            "the store has no graph <{}>",
                            g.as_str()
                        )));
                    }
                    Some(GraphName::NamedNode(g.clone()))
                }
                _ => None,
            };
            for triple in sorted_triples(store, graph.as_ref().map(GraphName::as_ref))? {
                ser.serialize_triple(&triple).map_err(Error::Output)?;
            }
        }
    }
    ser.finish().map_err(Error::Output)?;
    Ok(())
}

/// Every quad, sorted by graph, subject, predicate and object.
pub fn sorted_quads(store: &Store) -> Result<Vec<Quad>> {
    let mut keyed = Vec::with_capacity(store.len()?);
    for quad in store.iter() {
        let quad = quad?;
        let key = format!(
            "{} {} {}",
            quad.graph_name,
            quad.subject,
            sort_key(&quad.predicate, &quad.object)
        );
        keyed.push((key, quad));
    }
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(keyed.into_iter().map(|(_, q)| q).collect())
}

/// The predicate and object part of a sort key; `rdf:type` sorts first, as
/// Turtle readers expect `a` at the head of a subject's statements.
fn sort_key(predicate: &NamedNode, object: &Term) -> String {
    if predicate.as_ref() == rdf::TYPE {
        format!("<> {object}")
    } else {
        format!("{predicate} {object}")
    }
}

/// The triples of one graph, or of the union of all graphs without
/// duplicates, sorted by subject, predicate and object.
pub fn sorted_triples(store: &Store, graph: Option<GraphNameRef<'_>>) -> Result<Vec<Triple>> {
    let mut keyed = Vec::new();
    for quad in store.quads_for_pattern(None, None, None, graph) {
        let quad = quad?;
        let triple = Triple::from(quad);
        keyed.push((
            format!(
                "{} {}",
                triple.subject,
                sort_key(&triple.predicate, &triple.object)
            ),
            triple,
        ));
    }
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    Ok(keyed.into_iter().map(|(_, t)| t).collect())
}
