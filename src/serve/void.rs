//! `/.well-known/void` (RFC 8615 and the VoID note, §7): the dataset's VoID
//! description, made from its node `{base}dataset` in the metadata graph
//! (title, description, licence, publisher, version…) with what the server
//! adds — its SPARQL endpoint, the number of triples, the vocabularies and,
//! when a release directory is given, its dumps (see [`super::release`]).

use super::Site;
use super::html::error_page;
use super::http::{Reply, header_text};
use super::negotiate::{self, Representation};
use super::sparql::endpoint_url;
use crate::vocab::void as void_ns;
use maud::html;
use oxhttp::model::header;
use oxhttp::model::{Body, Request, StatusCode};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Term, Triple};

fn term(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", void_ns::NS))
}

/// Answers `/.well-known/void`.
pub fn void(site: &Site, request: &Request<Body>) -> Reply {
    let accept = header_text(request.headers(), header::ACCEPT);
    let offers: Vec<_> = negotiate::GRAPHS
        .iter()
        .copied()
        .filter(|(_, r)| *r != Representation::Html)
        .collect();
    let Some(Representation::Data(format)) = negotiate::choose(accept.as_deref(), &offers) else {
        return error_page(
            site,
            StatusCode::NOT_ACCEPTABLE,
            "Not acceptable",
            html! { p { "The VoID description is offered as Turtle, JSON-LD, N-Triples or RDF/XML." } },
        );
    };
    match description(site, request) {
        Ok(triples) => Reply::rdf(&triples, format, &site.prefixes).header(header::VARY, "Accept"),
        Err(err) => super::resources::server_error(site, &err),
    }
}

/// The triples of the VoID description.
fn description(site: &Site, request: &Request<Body>) -> crate::Result<Vec<Triple>> {
    let dataset = NamedNode::new_unchecked(&site.dataset);
    let metadata =
        NamedNode::new_unchecked(crate::dataset::Iris::new(site.mount.base()).metadata_graph());
    let mut triples = Vec::new();
    let mut publishers = Vec::new();
    for quad in site.store.quads_for_pattern(
        Some(dataset.as_ref().into()),
        None,
        None,
        Some(GraphNameRef::NamedNode(metadata.as_ref())),
    ) {
        let quad = quad?;
        if quad.predicate.as_ref() == crate::vocab::dcterms::PUBLISHER {
            if let Term::NamedNode(p) = &quad.object {
                publishers.push(p.clone());
            }
        }
        triples.push(Triple::from(quad));
    }
    for publisher in publishers {
        for quad in site
            .store
            .quads_for_pattern(Some(publisher.as_ref().into()), None, None, None)
        {
            triples.push(Triple::from(quad?));
        }
    }
    let origin = endpoint_url(request);
    let origin = origin.trim_end_matches("/sparql");
    triples.push(Triple::new(
        dataset.clone(),
        term("sparqlEndpoint"),
        NamedNode::new_unchecked(format!("{origin}/sparql")),
    ));
    triples.push(Triple::new(
        dataset.clone(),
        term("triples"),
        Literal::from(site.store.len()? as i64),
    ));
    let ontology = NamedNodeRef::new_unchecked(crate::ontology::ONTOLOGY_IRI);
    triples.push(Triple::new(dataset.clone(), term("vocabulary"), ontology));
    // The standard vocabularies of the mapping (`lg:` is the ontology
    // above; `wd:` names data, not terms).
    for (prefix, ns) in crate::vocab::PREFIXES {
        if !matches!(*prefix, "lg" | "wd") {
            triples.push(Triple::new(
                dataset.clone(),
                term("vocabulary"),
                NamedNode::new_unchecked(*ns),
            ));
        }
    }
    if let Some(dir) = &site.release {
        for name in super::release::dumps(dir) {
            let url = format!("{origin}/release/{}", super::release::encode(&name));
            triples.push(Triple::new(
                dataset.clone(),
                term("dataDump"),
                NamedNode::new_unchecked(url),
            ));
        }
    }
    if !triples.iter().any(|t| t.predicate.as_ref() == rdf::TYPE) {
        triples.push(Triple::new(dataset, rdf::TYPE, term("Dataset")));
    }
    Ok(triples)
}
