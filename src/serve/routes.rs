//! Which handler answers which path and method.
//!
//! | path | methods | |
//! |---|---|---|
//! | `/` | GET, HEAD, POST | the query page |
//! | `/sparql` | GET, HEAD, POST, OPTIONS | the SPARQL 1.1 Protocol, the service description |
//! | `/.well-known/void` | GET, HEAD | the VoID description |
//! | `/release/…` | GET, HEAD | release files, with `--release DIR` |
//! | `/static/…` | GET, HEAD | the stylesheet and script |
//! | `{base-path}…` | GET, HEAD | resources: every IRI minted under the base |

use super::Site;
use super::http::{Reply, Target};
use super::{html, query_page, release, resources, sparql, void};
use oxhttp::model::header::{CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use oxhttp::model::{Body, Method, Request, StatusCode};

/// Answers a request.
pub fn route(site: &Site, request: &mut Request<Body>) -> Reply {
    let Some(target) = Target::of(request) else {
        return Reply::text(StatusCode::BAD_REQUEST, "the path is not valid UTF-8");
    };
    let method = request.method().clone();
    let read = method == Method::GET || method == Method::HEAD;
    let path = target.path.as_str();
    match path {
        "/sparql" => sparql::endpoint(site, request, &target),
        "/.well-known/void" if read => void::void(site, request),
        "/.well-known/void" => Reply::method_not_allowed("GET, HEAD"),
        _ if path == "/" || path == site.mount.path() => {
            if read || method == Method::POST {
                query_page::handle(site, request, &target)
            } else {
                Reply::method_not_allowed("GET, HEAD, POST")
            }
        }
        "/static/style.css" | "/static/query.js" if read => {
            let (media, text) = if path.ends_with(".css") {
                ("text/css; charset=utf-8", html::STYLE)
            } else {
                ("text/javascript; charset=utf-8", html::SCRIPT)
            };
            Reply::new(StatusCode::OK, media, text).header(CACHE_CONTROL, "max-age=3600")
        }
        _ if path == "/release" || path.starts_with("/release/") => match (&site.release, read) {
            (None, _) => resources::not_found(site, request, path),
            (Some(_), false) => Reply::method_not_allowed("GET, HEAD"),
            (Some(dir), true) => release::answer(site, dir, request.uri().path(), path),
        },
        _ if site.mount.iri(path).is_some() => {
            if read {
                resources::resource(site, request, path)
            } else {
                Reply::method_not_allowed("GET, HEAD")
            }
        }
        _ => resources::not_found(site, request, path),
    }
    .header(X_CONTENT_TYPE_OPTIONS, "nosniff")
}
