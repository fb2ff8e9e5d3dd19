//! The building blocks of the HTML pages: the page frame, links to
//! resources and the display of RDF terms. Pages are written with `maud`,
//! which escapes every value it interpolates, so data from the graph or the
//! request can never become markup.

use super::Site;
use super::http::Reply;
use crate::query::compact;
use maud::{DOCTYPE, Markup, html};
use oxhttp::model::StatusCode;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, NamedNodeRef, Term};

/// The stylesheet, served at [`STYLE_PATH`].
pub const STYLE: &str = include_str!("assets/style.css");
/// The query page's script, served at [`SCRIPT_PATH`].
pub const SCRIPT: &str = include_str!("assets/query.js");
/// Where the stylesheet is served.
pub const STYLE_PATH: &str = "/static/style.css";
/// Where the script is served.
pub const SCRIPT_PATH: &str = "/static/query.js";

/// A complete page: the navigation, `title` as the document title, `body`.
pub fn page(site: &Site, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (site.title) }
                link rel="stylesheet" href=(STYLE_PATH);
                // No icon: browsers would ask for /favicon.ico otherwise.
                link rel="icon" href="data:,";
            }
            body {
                header {
                    nav {
                        a.home href="/" { "labourgraph" }
                        a href="/" { "Query" }
                        a href=(site.mount.ontology()) { "Ontology" }
                        a href=(site.mount.local(&site.dataset).unwrap_or_default()) { "Dataset" }
                        a href="/.well-known/void" { "VoID" }
                        a href="/sparql" { "SPARQL endpoint" }
                        @if site.release.is_some() { a href="/release/" { "Downloads" } }
                    }
                }
                main { (body) }
                footer { (site.title) " · served by labourgraph " (env!("CARGO_PKG_VERSION")) }
            }
        }
    }
}

/// An HTML error page with a status, a heading and an explanation.
pub fn error_page(site: &Site, status: StatusCode, heading: &str, detail: Markup) -> Reply {
    let body = html! {
        h1 { (heading) }
        (detail)
        p { a href="/" { "Query the graph" } " or see the " a href=(site.mount.ontology()) { "ontology" } "." }
    };
    Reply::html(status, page(site, heading, body))
}

/// A short name for an IRI: `prefix:local` or the IRI itself.
pub fn short(site: &Site, iri: &str) -> String {
    let c = compact(iri, &site.prefixes);
    if c.starts_with('<') {
        iri.to_owned()
    } else {
        c
    }
}

/// A link to a resource — local if it resolves on this server — showing
/// `text`, or its short name.
pub fn link(site: &Site, iri: &str, text: Option<&str>) -> Markup {
    let shown = text.map_or_else(|| short(site, iri), str::to_owned);
    let external = site.mount.local(iri).is_none();
    if external && !is_web(iri) {
        // `javascript:` and other schemes are shown, never followed.
        return html! { code title=(iri) { (shown) } };
    }
    html! {
        a href=(site.mount.href(iri)) title=(iri) class=[external.then_some("external")] { (shown) }
    }
}

/// Whether an IRI is a web address that is safe to link to.
fn is_web(iri: &str) -> bool {
    let lower = iri.get(..8).unwrap_or(iri).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A link to a resource showing its label when the graph has one.
pub fn labelled(site: &Site, iri: NamedNodeRef<'_>) -> Markup {
    match site.label(iri) {
        Some(label) => {
            html! { (link(site, iri.as_str(), Some(&label))) " " small.iri { (short(site, iri.as_str())) } }
        }
        None => link(site, iri.as_str(), None),
    }
}

/// An RDF term: IRIs as links (with labels if `labels`), literals as text
/// with their language or datatype.
pub fn term(site: &Site, term: &Term, labels: bool) -> Markup {
    match term {
        Term::NamedNode(n) if labels => labelled(site, n.as_ref()),
        Term::NamedNode(n) => link(site, n.as_str(), None),
        Term::Literal(l) => literal(site, l),
        #[allow(unreachable_patterns)]
        other => html! { code { (other.to_string()) } },
    }
}

/// A literal's value; long values fold away.
pub fn literal(site: &Site, l: &Literal) -> Markup {
    const LONG: usize = 400;
    let note = match (l.language(), l.datatype()) {
        (Some(lang), _) => Some(lang.to_owned()),
        (None, dt) if dt == xsd::STRING || dt == rdf::LANG_STRING => None,
        (None, dt) => Some(short(site, dt.as_str())),
    };
    let value = l.value();
    html! {
        @if value.chars().count() > LONG {
            details.long {
                summary { (value.chars().take(160).collect::<String>()) "…" }
                div.text { (value) }
            }
        } @else {
            span.literal { (value) }
        }
        @if let Some(note) = note { " " small.datatype { (note) } }
    }
}
