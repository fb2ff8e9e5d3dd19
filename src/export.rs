//! Export of the built graph in any RDF format: all named graphs (TriG,
//! N-Quads), one graph, or the union of all graphs (any format), with the
//! ontology's prefixes.
//!
//! [`export`] sorts the statements (by graph, subject, predicate and object;
//! `rdf:type` first), so that an export is stable and diffable and Turtle
//! groups each subject's statements together; sorting holds every statement
//! in memory once more. [`export_in_store_order`] streams them in the
//! store's own order instead, which for Oxigraph's RocksDB store is grouped
//! by graph and subject and the same for the same data, in constant memory.

use crate::error::{Error, Result};
use crate::format::Format;
use crate::query::{Prefixes, serializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term, TermRef, Triple,
};
use oxigraph::store::Store;
use std::cmp::Ordering;
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
    write(store, format, selection, prefixes, out, true)
}

/// Like [`export`], but streams the statements in the store's order (for a
/// store too large to sort in memory).
pub fn export_in_store_order(
    store: &Store,
    format: Format,
    selection: &Selection,
    prefixes: &Prefixes,
    out: &mut dyn Write,
) -> Result<()> {
    write(store, format, selection, prefixes, out, false)
}

fn write(
    store: &Store,
    format: Format,
    selection: &Selection,
    prefixes: &Prefixes,
    out: &mut dyn Write,
    sorted: bool,
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
            if sorted {
                for quad in sorted_quads(store)? {
                    ser.serialize_quad(&quad).map_err(Error::Output)?;
                }
            } else {
                for_each_subject_group(store.iter(), |group| {
                    group.iter().try_for_each(|q| ser.serialize_quad(q))
                })?;
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
            let graph = graph.as_ref().map(GraphName::as_ref);
            if sorted {
                for triple in sorted_triples(store, graph)? {
                    ser.serialize_triple(&triple).map_err(Error::Output)?;
                }
            } else {
                let quads = store.quads_for_pattern(None, None, None, graph);
                for_each_subject_group(quads, |group| {
                    group
                        .iter()
                        .try_for_each(|q| ser.serialize_triple(q.as_ref()))
                })?;
            }
        }
    }
    ser.finish().map_err(Error::Output)?;
    Ok(())
}

/// Hands `write` the quads of each run of the same graph and subject,
/// sorted by predicate (`rdf:type` first) and object: the store's order
/// groups by graph and subject, so only one subject's statements are held
/// at a time.
fn for_each_subject_group(
    quads: impl Iterator<Item = Result<Quad, oxigraph::store::StorageError>>,
    mut write: impl FnMut(&[Quad]) -> std::io::Result<()>,
) -> Result<()> {
    let mut group: Vec<Quad> = Vec::new();
    let mut flush = |group: &mut Vec<Quad>| -> Result<()> {
        group.sort_unstable_by(|a, b| {
            cmp_statements(
                &a.subject,
                &a.predicate,
                &a.object,
                &b.subject,
                &b.predicate,
                &b.object,
            )
        });
        write(group).map_err(Error::Output)?;
        group.clear();
        Ok(())
    };
    for quad in quads {
        let quad = quad?;
        if group
            .first()
            .is_some_and(|g| g.subject != quad.subject || g.graph_name != quad.graph_name)
        {
            flush(&mut group)?;
        }
        group.push(quad);
    }
    flush(&mut group)
}

/// Every quad, sorted by graph, subject, predicate and object.
pub fn sorted_quads(store: &Store) -> Result<Vec<Quad>> {
    let mut quads = store.iter().collect::<Result<Vec<_>, _>>()?;
    quads.sort_unstable_by(|a, b| {
        graph_key(a.graph_name.as_ref())
            .cmp(&graph_key(b.graph_name.as_ref()))
            .then_with(|| {
                cmp_statements(
                    &a.subject,
                    &a.predicate,
                    &a.object,
                    &b.subject,
                    &b.predicate,
                    &b.object,
                )
            })
    });
    Ok(quads)
}

/// The triples of one graph, or of the union of all graphs without
/// duplicates, sorted by subject, predicate and object.
pub fn sorted_triples(store: &Store, graph: Option<GraphNameRef<'_>>) -> Result<Vec<Triple>> {
    let mut triples = store
        .quads_for_pattern(None, None, None, graph)
        .map(|q| q.map(Triple::from))
        .collect::<Result<Vec<_>, _>>()?;
    triples.sort_unstable_by(|a, b| {
        cmp_statements(
            &a.subject,
            &a.predicate,
            &a.object,
            &b.subject,
            &b.predicate,
            &b.object,
        )
    });
    triples.dedup();
    Ok(triples)
}

/// Orders statements by subject, predicate (`rdf:type` first, as Turtle
/// readers expect `a` at the head of a subject's statements) and object,
/// comparing the terms' strings without formatting them.
fn cmp_statements(
    s1: &NamedOrBlankNode,
    p1: &NamedNode,
    o1: &Term,
    s2: &NamedOrBlankNode,
    p2: &NamedNode,
    o2: &Term,
) -> Ordering {
    term_key(s1.as_ref().into())
        .cmp(&term_key(s2.as_ref().into()))
        .then_with(|| {
            let type1 = p1.as_ref() != rdf::TYPE;
            let type2 = p2.as_ref() != rdf::TYPE;
            (type1, p1.as_str()).cmp(&(type2, p2.as_str()))
        })
        .then_with(|| term_key(o1.as_ref()).cmp(&term_key(o2.as_ref())))
}

/// IRIs first, then blank nodes, then literals (by value, then language or
/// datatype).
fn term_key(term: TermRef<'_>) -> (u8, &str, &str) {
    match term {
        TermRef::NamedNode(n) => (0, n.as_str(), ""),
        TermRef::BlankNode(b) => (1, b.as_str(), ""),
        TermRef::Literal(l) => (2, l.value(), l.language().unwrap_or(l.datatype().as_str())),
        #[allow(unreachable_patterns)]
        _ => (3, "", ""),
    }
}

/// The default graph first, then named graphs by IRI.
fn graph_key(graph: GraphNameRef<'_>) -> (u8, &str) {
    match graph {
        GraphNameRef::DefaultGraph => (0, ""),
        GraphNameRef::NamedNode(n) => (1, n.as_str()),
        GraphNameRef::BlankNode(b) => (2, b.as_str()),
    }
}
