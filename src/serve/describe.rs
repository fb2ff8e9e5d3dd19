//! What the graph says about one resource, for its page and its RDF
//! representations: the statements about it (with the named graph each is
//! in), the statements pointing at it, and their provenance — the source
//! article each graph is derived from and the verbatim quotes of the Web
//! Annotations whose body is the resource.

use crate::error::Result;
use crate::vocab::{dcterms, oa, prov, rdf, rdfs, schema, skos};
use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple,
};
use oxigraph::store::Store;
use std::collections::BTreeMap;

/// How many incoming statements a description lists.
pub const MAX_INCOMING: usize = 1000;

/// A statement about the resource.
pub struct Statement {
    pub predicate: NamedNode,
    pub object: Term,
    /// The named graphs that hold it.
    pub graphs: Vec<NamedNode>,
}

/// A statement pointing at the resource.
pub struct Incoming {
    pub subject: NamedOrBlankNode,
    pub predicate: NamedNode,
}

/// A source of statements: a named graph and the article it is derived
/// from, with the article's quotes about the resource.
pub struct Source {
    pub graph: Option<NamedNode>,
    pub article: Option<NamedNode>,
    pub quotes: Vec<Quote>,
}

/// A verbatim quote (`oa:TextQuoteSelector`) with its context.
pub struct Quote {
    pub exact: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

/// Everything a resource page shows.
pub struct Description {
    pub subject: NamedNode,
    /// Sorted: `rdf:type` first, then by predicate and object.
    pub outgoing: Vec<Statement>,
    /// The first [`MAX_INCOMING`] incoming statements.
    pub incoming: Vec<Incoming>,
    /// How many incoming statements there are in all.
    pub incoming_total: usize,
    /// The sources, articles first in the order of first use.
    pub sources: Vec<Source>,
}

impl Description {
    /// The index in [`Self::sources`] of the source of a graph.
    pub fn source_of(&self, graph: &NamedNode) -> Option<usize> {
        self.sources
            .iter()
            .position(|s| s.graph.as_ref() == Some(graph))
    }
}

/// Reads what the store says about `subject`; `None` if it appears in no
/// statement at all.
pub fn describe(store: &Store, subject: &NamedNode) -> Result<Option<Description>> {
    let mut grouped: BTreeMap<(String, String), Statement> = BTreeMap::new();
    for quad in store.quads_for_pattern(Some(subject.as_ref().into()), None, None, None) {
        let quad = quad?;
        let key = (sort_key(&quad.predicate), quad.object.to_string());
        let statement = grouped.entry(key).or_insert_with(|| Statement {
            predicate: quad.predicate.clone(),
            object: quad.object.clone(),
            graphs: Vec::new(),
        });
        if let GraphName::NamedNode(g) = quad.graph_name {
            if !statement.graphs.contains(&g) {
                statement.graphs.push(g);
            }
        }
    }
    let mut incoming = Vec::new();
    let mut incoming_total = 0;
    for quad in store.quads_for_pattern(None, None, Some(subject.as_ref().into()), None) {
        let quad = quad?;
        incoming_total += 1;
        if incoming.len() < MAX_INCOMING {
            incoming.push(Incoming {
                subject: quad.subject,
                predicate: quad.predicate,
            });
        }
    }
    if grouped.is_empty() && incoming_total == 0 {
        return Ok(None);
    }
    let outgoing: Vec<Statement> = grouped.into_values().collect();
    let sources = sources(store, subject, &outgoing)?;
    Ok(Some(Description {
        subject: subject.clone(),
        outgoing,
        incoming,
        incoming_total,
        sources,
    }))
}

/// `rdf:type` sorts first.
fn sort_key(predicate: &NamedNode) -> String {
    if predicate.as_ref() == rdf::TYPE {
        String::new()
    } else {
        predicate.as_str().to_owned()
    }
}

/// The graphs of the statements and the articles quoted about the subject.
fn sources(store: &Store, subject: &NamedNode, outgoing: &[Statement]) -> Result<Vec<Source>> {
    let mut sources: Vec<Source> = Vec::new();
    for graph in outgoing.iter().flat_map(|s| &s.graphs) {
        if sources.iter().all(|s| s.graph.as_ref() != Some(graph)) {
            let article = object_iri(store, graph.as_ref(), prov::WAS_DERIVED_FROM)?;
            sources.push(Source {
                graph: Some(graph.clone()),
                article,
                quotes: Vec::new(),
            });
        }
    }
    for annotation in subjects(store, oa::HAS_BODY, subject.as_ref().into())? {
        let Some(target) = object_iri(store, annotation.as_ref(), oa::HAS_TARGET)? else {
            continue;
        };
        let article = object_iri(store, target.as_ref(), oa::HAS_SOURCE)?;
        let Some(selector) = object_iri(store, target.as_ref(), oa::HAS_SELECTOR)? else {
            continue;
        };
        let Some(exact) = literal(store, selector.as_ref(), oa::EXACT)? else {
            continue;
        };
        let quote = Quote {
            exact,
            prefix: literal(store, selector.as_ref(), oa::PREFIX)?,
            suffix: literal(store, selector.as_ref(), oa::SUFFIX)?,
        };
        match sources
            .iter_mut()
            .find(|s| article.is_some() && s.article == article)
        {
            Some(source) => source.quotes.push(quote),
            None => sources.push(Source {
                graph: None,
                article,
                quotes: vec![quote],
            }),
        }
    }
    Ok(sources)
}

/// The subjects of `(?s predicate object)`, as IRIs.
fn subjects(
    store: &Store,
    predicate: NamedNodeRef<'_>,
    object: TermRef<'_>,
) -> Result<Vec<NamedNode>> {
    let mut found = Vec::new();
    for quad in store.quads_for_pattern(None, Some(predicate), Some(object), None) {
        if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    Ok(found)
}

/// The first object of `(subject predicate ?o)`, in any graph.
pub fn object(
    store: &Store,
    subject: NamedNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
) -> Result<Option<Term>> {
    Ok(store
        .quads_for_pattern(Some(subject.into()), Some(predicate), None, None)
        .next()
        .transpose()?
        .map(|q| q.object))
}

/// The first IRI object of `(subject predicate ?o)`.
fn object_iri(
    store: &Store,
    subject: NamedNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
) -> Result<Option<NamedNode>> {
    Ok(match object(store, subject, predicate)? {
        Some(Term::NamedNode(n)) => Some(n),
        _ => None,
    })
}

/// The first literal object's value of `(subject predicate ?o)`.
fn literal(
    store: &Store,
    subject: NamedNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
) -> Result<Option<String>> {
    Ok(match object(store, subject, predicate)? {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    })
}

/// The label of a resource: `rdfs:label`, `skos:prefLabel`, `schema:name`
/// or `dcterms:title`, preferring `language` (or no language).
pub fn label(store: &Store, iri: NamedNodeRef<'_>, language: &str) -> Option<String> {
    for predicate in [rdfs::LABEL, skos::PREF_LABEL, schema::NAME, dcterms::TITLE] {
        let mut best: Option<(u8, Literal)> = None;
        for quad in store
            .quads_for_pattern(Some(iri.into()), Some(predicate), None, None)
            .flatten()
        {
            if let Term::Literal(l) = quad.object {
                let rank = match l.language() {
                    Some(lang) if lang.eq_ignore_ascii_case(language) => 2,
                    None => 1,
                    Some(_) => 0,
                };
                if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                    best = Some((rank, l));
                }
            }
        }
        if let Some((_, l)) = best {
            return Some(l.value().to_owned());
        }
    }
    None
}

/// The triples of a resource's RDF representations: the statements about
/// it and those pointing at it (in all graphs, without duplicates), sorted.
pub fn triples(store: &Store, subject: &NamedNode) -> Result<Vec<Triple>> {
    let mut triples = Vec::new();
    let about = store.quads_for_pattern(Some(subject.as_ref().into()), None, None, None);
    let pointing = store.quads_for_pattern(None, None, Some(subject.as_ref().into()), None);
    for quad in about.chain(pointing) {
        triples.push(Triple::from(quad?));
    }
    triples.sort_by_cached_key(ToString::to_string);
    triples.dedup();
    Ok(triples)
}
