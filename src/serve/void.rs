//! `/.well-known/void` (RFC 8615 and the VoID note, §7): the dataset's VoID
//! description, made from its node `{base}dataset` in the metadata graph
//! (title, description, licence, publisher, version…) with what the server
//! adds — its SPARQL endpoint, the number of triples, the vocabularies and,
//! when a release directory is given, its dumps. The release files
//! themselves are served under `/release/`, with path traversal refused.

use super::Site;
use super::html::{error_page, page};
use super::http::{Payload, Reply, header_text};
use super::negotiate::{self, Representation};
use super::sparql::endpoint_url;
use crate::vocab::void as void_ns;
use maud::html;
use oxhttp::model::header;
use oxhttp::model::{Body, Request, StatusCode};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Term, Triple};
use std::path::{Component, Path};

/// Extensions of the release files that are RDF dumps.
const DUMPS: &[&str] = &[
    ".nq", ".trig", ".ttl", ".nt", ".jsonld", ".rdf", ".nq.gz", ".ttl.gz", ".nt.gz", ".trig.gz",
];

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
        for name in release_files(dir) {
            if DUMPS.iter().any(|ext| name.ends_with(ext)) {
                let url = format!("{origin}/release/{}", encode(&name));
                triples.push(Triple::new(
                    dataset.clone(),
                    term("dataDump"),
                    NamedNode::new_unchecked(url),
                ));
            }
        }
    }
    if !triples.iter().any(|t| t.predicate.as_ref() == rdf::TYPE) {
        triples.push(Triple::new(dataset, rdf::TYPE, term("Dataset")));
    }
    Ok(triples)
}

/// The names of the files directly in the release directory, sorted;
/// hidden files are left out.
fn release_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// What is escaped in a path segment: all but the unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A file name as a URL path segment.
fn encode(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, SEGMENT).to_string()
}

/// Answers `/release/…`: the listing of the release directory, or one of
/// its files. `raw` is the request's path before decoding, `path` after.
pub fn release(site: &Site, dir: &Path, raw: &str, path: &str) -> Reply {
    let name = path.trim_start_matches("/release").trim_start_matches('/');
    if name.is_empty() {
        if !path.ends_with('/') {
            return Reply::redirect(StatusCode::MOVED_PERMANENTLY, "/release/");
        }
        let files = release_files(dir);
        let body = html! {
            h1 { "Release files" }
            @if files.is_empty() { p { "The release directory is empty." } }
            ul.files { @for f in &files { li { a href=(encode(f)) { (f) } " " small { (size(&dir.join(f))) } } } }
            p { "The dataset's description: " a href="/.well-known/void" { "VoID" } "." }
        };
        return Reply::html(StatusCode::OK, page(site, "Release files", body));
    }
    if !is_safe(name) || raw.contains('\\') || raw.to_ascii_lowercase().contains("%5c") {
        return Reply::text(StatusCode::BAD_REQUEST, "invalid file name in the path");
    }
    let candidate = dir.join(name);
    // Symbolic links must not lead out of the release directory either.
    let file = match candidate.canonicalize() {
        Ok(real) if real.starts_with(dir) && real.is_file() => real,
        _ => return Reply::text(StatusCode::NOT_FOUND, format!("no release file {name}")),
    };
    match std::fs::File::open(&file).and_then(|f| f.metadata().map(|m| (f, m.len()))) {
        Ok((f, len)) => Reply {
            status: StatusCode::OK,
            headers: Vec::new(),
            body: Payload::File(f, len),
        }
        .header(header::CONTENT_TYPE, media_type(name))
        .header(
            header::CONTENT_DISPOSITION,
            &format!(
                "attachment; filename=\"{}\"",
                name.rsplit('/')
                    .next()
                    .unwrap_or(name)
                    .replace(['"', '\\'], "_")
            ),
        ),
        Err(e) => Reply::text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot read {name}: {e}"),
        ),
    }
}

/// Whether a relative file name stays inside its directory: only normal
/// components, none of them hidden, no NUL.
fn is_safe(name: &str) -> bool {
    !name.contains('\0')
        && Path::new(name).components().all(|c| match c {
            Component::Normal(part) => !part.to_string_lossy().starts_with('.'),
            _ => false,
        })
        && !name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
}

fn size(path: &Path) -> String {
    std::fs::metadata(path).map_or_else(|_| String::new(), |m| format!("{} bytes", m.len()))
}

/// The media type of a release file, by extension.
fn media_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or_default();
    match ext {
        "nq" => "application/n-quads",
        "nt" => "application/n-triples",
        "ttl" => "text/turtle; charset=utf-8",
        "trig" => "application/trig",
        "jsonld" => "application/ld+json",
        "rdf" | "owl" => "application/rdf+xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" | "sha256" => "text/plain; charset=utf-8",
        "gz" => "application/gzip",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_unsafe() {
        assert!(is_safe("labourgraph.nq"));
        assert!(is_safe("dumps/labourgraph.nq"));
        for bad in [
            "../etc/passwd",
            "a/../../b",
            "/etc/passwd",
            "./x",
            ".hidden",
            "a//b",
            "a\0b",
            "a/..",
        ] {
            assert!(!is_safe(bad), "{bad}");
        }
    }
}
