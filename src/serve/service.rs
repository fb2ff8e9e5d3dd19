//! The SPARQL service description (the `sd:` vocabulary) that `GET
//! /sparql` answers without a query: the endpoint, the query language, the
//! result formats, the union default graph and the named graphs.

use super::Site;
use super::html::{error_page, page};
use super::http::{Payload, Reply, header_text};
use super::negotiate::{self, Representation};
use super::sparql::endpoint_url;
use crate::format::Format;
use maud::html;
use oxhttp::model::header;
use oxhttp::model::{Body, Request, StatusCode};
use oxigraph::io::RdfFormat;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedNodeRef, Triple};
use oxigraph::sparql::results::QueryResultsFormat;

mod sd {
    pub const NS: &str = "http://www.w3.org/ns/sparql-service-description#";
    pub fn term(local: &str) -> oxigraph::model::NamedNode {
        oxigraph::model::NamedNode::new_unchecked(format!("{NS}{local}"))
    }
}

/// The SPARQL service description (`sd:` vocabulary).
pub fn service_description(site: &Site, request: &Request<Body>) -> Reply {
    let endpoint = endpoint_url(request);
    let service = BlankNode::default();
    let dataset = BlankNode::default();
    let default_graph = BlankNode::default();
    let mut triples = vec![
        Triple::new(service.clone(), rdf::TYPE, sd::term("Service")),
        Triple::new(
            service.clone(),
            sd::term("endpoint"),
            NamedNode::new_unchecked(endpoint),
        ),
        Triple::new(
            service.clone(),
            sd::term("supportedLanguage"),
            sd::term("SPARQL11Query"),
        ),
        Triple::new(
            service.clone(),
            sd::term("feature"),
            sd::term("UnionDefaultGraph"),
        ),
        Triple::new(
            service.clone(),
            sd::term("defaultEntailmentRegime"),
            NamedNode::new_unchecked("http://www.w3.org/ns/entailment/Simple"),
        ),
        Triple::new(service.clone(), sd::term("defaultDataset"), dataset.clone()),
        Triple::new(dataset.clone(), rdf::TYPE, sd::term("Dataset")),
        Triple::new(
            dataset.clone(),
            sd::term("defaultGraph"),
            default_graph.clone(),
        ),
        Triple::new(default_graph.clone(), rdf::TYPE, sd::term("Graph")),
    ];
    for format in [
        QueryResultsFormat::Json,
        QueryResultsFormat::Xml,
        QueryResultsFormat::Csv,
        QueryResultsFormat::Tsv,
    ] {
        triples.push(Triple::new(
            service.clone(),
            sd::term("resultFormat"),
            NamedNode::new_unchecked(format.iri()),
        ));
    }
    for format in [
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        RdfFormat::RdfXml,
    ] {
        triples.push(Triple::new(
            service.clone(),
            sd::term("resultFormat"),
            NamedNode::new_unchecked(format.iri()),
        ));
    }
    if let Ok(n) = site.store.len() {
        triples.push(Triple::new(
            default_graph,
            NamedNodeRef::new_unchecked("http://rdfs.org/ns/void#triples"),
            Literal::from(n as i64),
        ));
    }
    for graph in site.store.named_graphs().flatten() {
        let named = BlankNode::default();
        triples.push(Triple::new(
            dataset.clone(),
            sd::term("namedGraph"),
            named.clone(),
        ));
        triples.push(Triple::new(
            named.clone(),
            rdf::TYPE,
            sd::term("NamedGraph"),
        ));
        triples.push(Triple::new(named, sd::term("name"), graph));
    }
    let mut prefixes = site.prefixes.clone();
    prefixes.push(("sd".into(), sd::NS.into()));
    let accept = header_text(request.headers(), header::ACCEPT);
    match negotiate::choose(accept.as_deref(), negotiate::GRAPHS) {
        Some(Representation::Data(format)) => Reply::rdf(&triples, format, &prefixes),
        Some(Representation::Html) => {
            let turtle = match Reply::rdf(&triples, Format::Turtle, &prefixes).body {
                Payload::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
                Payload::File(..) => String::new(),
            };
            let body = html! {
                h1 { "SPARQL endpoint" }
                p { "This is the SPARQL 1.1 endpoint of " (site.title) ". Send queries with " code { "GET /sparql?query=…" } ", or " code { "POST" } " them as a form or as " code { "application/sparql-query" } "; or use the " a href="/" { "query page" } "." }
                h2 { "Service description" }
                pre { (turtle) }
            };
            Reply::html(StatusCode::OK, page(site, "SPARQL endpoint", body))
        }
        None => error_page(site, StatusCode::NOT_ACCEPTABLE, "Not acceptable", html! { p { "The service description is offered as Turtle, JSON-LD, N-Triples, RDF/XML or HTML." } }),
    }
    .header(header::VARY, "Accept")
}
