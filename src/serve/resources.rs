//! Dereferenceable IRIs: a local path below the mount path names the IRI
//! `{base}{rest}`; it is answered with an HTML page or an RDF
//! serialisation, chosen by a file extension (`.html`, `.ttl`, `.jsonld`,
//! `.nt`, `.rdf`) or else by `Accept`. IRIs the graph does not mention get
//! a 404 page; the ontology (`{path}ontology`) gets its documentation.

use super::Site;
use super::describe::{self, describe};
use super::html::error_page;
use super::http::{Reply, header_text};
use super::mount::ONTOLOGY_PATH;
use super::negotiate::{self, Representation};
use super::pages;
use crate::dataset::Iris;
use crate::export::sorted_triples;
use maud::html;
use oxhttp::model::header;
use oxhttp::model::{Body, Request, StatusCode};
use oxigraph::model::{GraphNameRef, NamedNode};

/// Answers a path below the mount path.
pub fn resource(site: &Site, request: &Request<Body>, path: &str) -> Reply {
    let rest = &path[site.mount.path().len()..];
    let (rest, forced) = split_extension(rest);
    let accept = header_text(request.headers(), header::ACCEPT);
    let Some(wanted) = forced.or_else(|| negotiate::choose(accept.as_deref(), negotiate::GRAPHS))
    else {
        return not_acceptable(site);
    };
    if rest == ONTOLOGY_PATH {
        return ontology(site, wanted);
    }
    let iri = format!("{}{rest}", site.mount.base());
    let Ok(iri) = NamedNode::new(iri) else {
        return not_found(site, request, path);
    };
    let reply = match wanted {
        Representation::Html => match describe(&site.store, &iri) {
            Ok(Some(description)) => pages::resource(site, &description),
            Ok(None) => return not_found(site, request, path),
            Err(err) => return server_error(site, &err),
        },
        Representation::Data(format) => match describe::triples(&site.store, &iri) {
            Ok(triples) if triples.is_empty() => return not_found(site, request, path),
            Ok(triples) => Reply::rdf(&triples, format, &site.prefixes),
            Err(err) => return server_error(site, &err),
        },
    };
    let local = format!("{}{rest}", site.mount.path());
    alternates(reply, &local, forced.is_none())
}

/// `person/x.ttl` → (`person/x`, Turtle); names without a known extension
/// are left as they are.
fn split_extension(rest: &str) -> (&str, Option<Representation>) {
    let last = rest.rsplit('/').next().unwrap_or(rest);
    match last.rsplit_once('.') {
        Some((_, ext)) => match negotiate::from_extension(ext) {
            Some(r) => (&rest[..rest.len() - ext.len() - 1], Some(r)),
            None => (rest, None),
        },
        None => (rest, None),
    }
}

/// `Link` headers to the other representations; `Vary: Accept` when
/// the representation was negotiated.
fn alternates(mut reply: Reply, local: &str, negotiated: bool) -> Reply {
    for (ext, media) in [
        ("html", "text/html"),
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"),
    ] {
        reply = reply.header(
            header::LINK,
            &format!("<{local}.{ext}>; rel=\"alternate\"; type=\"{media}\""),
        );
    }
    if negotiated {
        reply = reply.header(header::VARY, "Accept");
    }
    reply
}

/// The ontology: its documentation, or its graph in an RDF format.
fn ontology(site: &Site, wanted: Representation) -> Reply {
    let graph = NamedNode::new_unchecked(Iris::new(site.mount.base()).ontology_graph());
    match wanted {
        Representation::Html => pages::ontology(site, &graph),
        Representation::Data(format) => {
            match sorted_triples(&site.store, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
                Ok(triples) => Reply::rdf(&triples, format, &site.prefixes),
                Err(err) => server_error(site, &err),
            }
        }
    }
}

/// 404: an HTML page for browsers, plain text for other clients.
pub fn not_found(site: &Site, request: &Request<Body>, path: &str) -> Reply {
    let accept = header_text(request.headers(), header::ACCEPT);
    // HTML only for clients that ask for it by name (browsers do).
    let offers = [("text/plain", false), ("text/html", true)];
    let iri = site.mount.iri(path);
    if negotiate::choose(accept.as_deref(), &offers) == Some(true) {
        error_page(
            site,
            StatusCode::NOT_FOUND,
            "Not found",
            html! {
                @if let Some(iri) = &iri {
                    p { "The graph says nothing about " code { (iri) } "." }
                } @else {
                    p { "There is nothing at " code { (path) } "." }
                }
            },
        )
    } else {
        let what = iri.unwrap_or_else(|| path.to_owned());
        Reply::text(StatusCode::NOT_FOUND, format!("not found: {what}"))
    }
}

fn not_acceptable(site: &Site) -> Reply {
    error_page(
        site,
        StatusCode::NOT_ACCEPTABLE,
        "Not acceptable",
        html! { p { "Resources are offered as HTML, Turtle (.ttl), JSON-LD (.jsonld), N-Triples (.nt) and RDF/XML (.rdf)." } },
    )
}

/// 500 for a failing store.
pub fn server_error(site: &Site, err: &crate::Error) -> Reply {
    error_page(
        site,
        StatusCode::INTERNAL_SERVER_ERROR,
        "Server error",
        html! { p { (err) } },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;

    #[test]
    fn extensions() {
        assert_eq!(
            split_extension("person/x.ttl"),
            ("person/x", Some(Representation::Data(Format::Turtle)))
        );
        assert_eq!(split_extension("person/x"), ("person/x", None));
        assert_eq!(split_extension("a.b/x"), ("a.b/x", None));
        assert_eq!(split_extension("x.exe"), ("x.exe", None));
    }
}
