//! The HTML pages of resources and of the ontology.
//!
//! A resource page shows the resource's labels and types, every statement
//! about it (values linked to their own pages) with the source of each
//! statement, the sources themselves — the named graph, the article it is
//! derived from and the verbatim quotes about the resource — and the
//! statements that point at it. The ontology page documents every term,
//! with an anchor per term so that `…/ontology#Meeting` lands on it.

use super::Site;
use super::describe::{Description, MAX_INCOMING};
use super::html::{labelled, link, page, short, term};
use super::http::Reply;
use super::resources::server_error;
use crate::ontology::ONTOLOGY_IRI;
use crate::vocab::{owl, rdfs};
use maud::{Markup, html};
use oxhttp::model::StatusCode;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use std::collections::BTreeMap;

/// The page of a resource.
pub fn resource(site: &Site, d: &Description) -> Reply {
    let iri = d.subject.as_str();
    let title = site
        .label(d.subject.as_ref())
        .unwrap_or_else(|| short(site, iri));
    let (types, statements): (Vec<_>, Vec<_>) = d
        .outgoing
        .iter()
        .partition(|s| s.predicate.as_ref() == rdf::TYPE);
    let local = site.mount.href(iri);
    let refs = source_refs(site, d);
    let body = html! {
        h1 { (title) }
        p.iri { code { (iri) } }
        @if !types.is_empty() {
            p.types { "Type: " @for (i, t) in types.iter().enumerate() { @if i > 0 { ", " } (term(site, &t.object, true)) } }
        }
        p.formats {
            "Also as "
            a href={ (local) ".ttl" } { "Turtle" } ", "
            a href={ (local) ".jsonld" } { "JSON-LD" } ", "
            a href={ (local) ".nt" } { "N-Triples" } "."
        }
        @if site.store.contains_named_graph(d.subject.as_ref()).unwrap_or(false) {
            p.graph { "This is a named graph: " a href={ "/?" (graph_query(iri)) } { "query its statements" } "." }
        }
        h2 { "Statements" }
        @if statements.is_empty() {
            p { "The graph holds no statements about this resource, only links to it." }
        } @else {
            table.statements {
                thead { tr { th { "Property" } th { "Value" } th { "Source" } } }
                tbody {
                    @for (i, s) in statements.iter().enumerate() {
                        tr {
                            td.property {
                                @if i == 0 || statements[i - 1].predicate != s.predicate { (link(site, s.predicate.as_str(), None)) }
                            }
                            td { (term(site, &s.object, true)) }
                            td.source {
                                @for g in &s.graphs {
                                    @match d.source_of(g) {
                                        Some(i) => { (refs[i]) " " }
                                        None => { (link(site, g.as_str(), None)) " " }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !d.sources.is_empty() {
            h2 { "Sources and evidence" }
            ol.sources {
                @for (i, source) in d.sources.iter().enumerate() {
                    li id={ "source-" (i + 1) } {
                        @if let Some(article) = &source.article {
                            "Article: " (labelled(site, article.as_ref()))
                        }
                        @if let Some(graph) = &source.graph {
                            @if source.article.is_some() { " · " }
                            "named graph " (link(site, graph.as_str(), None))
                        }
                        @for quote in &source.quotes {
                            blockquote.quote {
                                @if let Some(p) = &quote.prefix { span.context { "…" (p) } }
                                mark { (quote.exact) }
                                @if let Some(s) = &quote.suffix { span.context { (s) "…" } }
                            }
                        }
                    }
                }
            }
        }
        h2 { "Incoming links" }
        @if d.incoming.is_empty() {
            p { "No statement in the graph points to this resource." }
        } @else {
            table.incoming {
                thead { tr { th { "Resource" } th { "Property" } } }
                tbody {
                    @for link_in in &d.incoming {
                        tr {
                            td { (subject(site, &link_in.subject)) }
                            td { (link(site, link_in.predicate.as_str(), None)) }
                        }
                    }
                }
            }
            @if d.incoming_total > MAX_INCOMING {
                p { "… and " (d.incoming_total - MAX_INCOMING) " more; query them at the " a href="/" { "query page" } "." }
            }
        }
    };
    Reply::html(StatusCode::OK, page(site, &title, body))
}

/// The query string of a query page listing a graph's statements.
fn graph_query(graph: &str) -> String {
    let query =
        format!("SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o");
    form_urlencoded::Serializer::new(String::new())
        .append_pair("query", &query)
        .finish()
}

/// The `[n]` links to the sources, one per source, each naming its
/// article (or its graph) on hover.
fn source_refs(site: &Site, d: &Description) -> Vec<Markup> {
    d.sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let tip = source
                .article
                .as_ref()
                .and_then(|a| site.label(a.as_ref()))
                .or_else(|| source.graph.as_ref().map(|g| short(site, g.as_str())))
                .unwrap_or_default();
            html! { a href={ "#source-" (i + 1) } title=(tip) { "[" (i + 1) "]" } }
        })
        .collect()
}

fn subject(site: &Site, s: &NamedOrBlankNode) -> Markup {
    match s {
        NamedOrBlankNode::NamedNode(n) => labelled(site, n.as_ref()),
        other => html! { code { (other.to_string()) } },
    }
}

/// A term of the ontology: its statements, by predicate.
struct Entry {
    iri: String,
    statements: Vec<(NamedNode, Term)>,
}

impl Entry {
    fn values(&self, predicate: oxigraph::model::NamedNodeRef<'_>) -> impl Iterator<Item = &Term> {
        self.statements
            .iter()
            .filter(move |(p, _)| p.as_ref() == predicate)
            .map(|(_, o)| o)
    }

    fn text(&self, predicate: oxigraph::model::NamedNodeRef<'_>) -> Option<&str> {
        self.values(predicate).find_map(|t| match t {
            Term::Literal(l) => Some(l.value()),
            _ => None,
        })
    }

    fn is_a(&self, types: &[oxigraph::model::NamedNodeRef<'_>]) -> bool {
        self.values(rdf::TYPE)
            .any(|t| matches!(t, Term::NamedNode(n) if types.contains(&n.as_ref())))
    }
}

/// The documentation of the ontology, from its graph in the store.
pub fn ontology(site: &Site, graph: &NamedNode) -> Reply {
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for quad in site.store.quads_for_pattern(
        None,
        None,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        let quad = match quad {
            Ok(quad) => quad,
            Err(err) => return server_error(site, &err.into()),
        };
        let NamedOrBlankNode::NamedNode(s) = quad.subject else {
            continue;
        };
        let entry = entries
            .entry(s.as_str().to_owned())
            .or_insert_with(|| Entry {
                iri: s.as_str().to_owned(),
                statements: Vec::new(),
            });
        entry.statements.push((quad.predicate, quad.object));
    }
    let header = entries.remove(ONTOLOGY_IRI);
    let prefix = format!("{ONTOLOGY_IRI}#");
    let terms: Vec<&Entry> = entries
        .values()
        .filter(|e| e.iri.starts_with(&prefix))
        .collect();
    let classes: Vec<&Entry> = terms
        .iter()
        .copied()
        .filter(|e| e.is_a(&[owl::CLASS]))
        .collect();
    let properties: Vec<&Entry> = terms
        .iter()
        .copied()
        .filter(|e| e.is_a(&[owl::OBJECT_PROPERTY, owl::DATATYPE_PROPERTY, rdf::PROPERTY]))
        .collect();
    let others: Vec<&Entry> = terms
        .iter()
        .copied()
        .filter(|e| !classes.iter().chain(&properties).any(|c| c.iri == e.iri))
        .collect();
    let title = header
        .as_ref()
        .and_then(|h| h.text(rdfs::LABEL))
        .unwrap_or("Ontology")
        .to_owned();
    let sections = [
        ("classes", "Classes", classes),
        ("properties", "Properties", properties),
        ("other", "Other terms", others),
    ];
    let body = html! {
        h1 { (title) }
        p.iri { code { (ONTOLOGY_IRI) } " · also as " a href={ (site.mount.ontology()) ".ttl" } { "Turtle" } }
        @if let Some(h) = &header {
            @if let Some(comment) = h.text(rdfs::COMMENT) { p { (comment) } }
            (statements(site, h, &[rdfs::LABEL, rdfs::COMMENT]))
        }
        nav.toc {
            @for (id, heading, entries) in &sections {
                @if !entries.is_empty() {
                    h2 { a href={ "#" (id) } { (heading) } }
                    p { @for (i, e) in entries.iter().enumerate() { @if i > 0 { " · " } a href={ "#" (local_name(&e.iri)) } { (local_name(&e.iri)) } } }
                }
            }
        }
        @for (id, heading, entries) in &sections {
            @if !entries.is_empty() {
                h2 id=(id) { (heading) }
                @for e in entries {
                    section.term id=(local_name(&e.iri)) {
                        h3 { (e.text(rdfs::LABEL).unwrap_or(local_name(&e.iri))) " " small { code { "lg:" (local_name(&e.iri)) } } }
                        @if let Some(comment) = e.text(rdfs::COMMENT) { p { (comment) } }
                        (statements(site, e, &[rdfs::LABEL, rdfs::COMMENT]))
                    }
                }
            }
        }
    };
    Reply::html(StatusCode::OK, page(site, &title, body))
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// An entry's statements but `skip`, as a definition list.
fn statements(site: &Site, e: &Entry, skip: &[oxigraph::model::NamedNodeRef<'_>]) -> Markup {
    html! {
        dl.statements {
            @for (p, o) in &e.statements {
                @if !skip.contains(&p.as_ref()) {
                    dt { (link(site, p.as_str(), None)) }
                    dd { (term(site, o, false)) }
                }
            }
        }
    }
}
