//! The SPARQL 1.1 Protocol at `/sparql`, read-only.
//!
//! A query comes as `GET ?query=`, as a `POST` form or as a `POST` of
//! `application/sparql-query`, with `default-graph-uri` and
//! `named-graph-uri` choosing the dataset (by default the union of all named
//! graphs, as on the command line). Results are negotiated by `Accept` (or
//! named by a `format` parameter, as many endpoints allow). Updates get 403,
//! a malformed query 400 with the parser's message and position, a query
//! over its time limit 503. Without a query, `GET` answers the service
//! description.

use super::Site;
use super::http::{
    BodyError, Reply, Target, content_type, form_pairs, header_text, param, params, read_body,
};
use super::limits::{Armed, Truncated, cap};
use super::negotiate::{self, Representation};
use crate::error::Error;
use crate::query::{self, Answer, Param};
use oxhttp::model::header::{self, HeaderName};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};

/// `X-SPARQL-MaxRows: N` says results were cut off at N (as Virtuoso does).
pub const MAX_ROWS: HeaderName = HeaderName::from_static("x-sparql-maxrows");

/// Answers `/sparql`.
pub fn endpoint(site: &Site, request: &mut Request<Body>, target: &Target) -> Reply {
    let method = request.method().clone();
    let reply = if method == Method::GET || method == Method::HEAD {
        if param(&target.params, "update").is_some() {
            read_only()
        } else if param(&target.params, "query").is_none() {
            super::service::service_description(site, request)
        } else {
            protocol(site, request, &target.params, None)
        }
    } else if method == Method::POST {
        post(site, request, target)
    } else if method == Method::OPTIONS {
        // A CORS preflight: GET and POST need no Access-Control-Allow-Methods
        // (which oxhttp would drop anyway); a query's Content-Type needs this.
        Reply::new(StatusCode::NO_CONTENT, "text/plain", "")
            .header(header::ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Content-Type")
    } else {
        Reply::method_not_allowed("GET, HEAD, POST, OPTIONS")
    };
    reply.header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
}

fn read_only() -> Reply {
    Reply::text(StatusCode::FORBIDDEN, Error::ReadOnly)
}

/// A POST: a form, a query, or an update (refused).
fn post(site: &Site, request: &mut Request<Body>, target: &Target) -> Reply {
    let media = content_type(request);
    let body = match read_body(request, site.limits.max_body) {
        Ok(body) => body,
        Err(BodyError::TooLarge) => {
            return Reply::text(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the request body is larger than {} bytes",
                    site.limits.max_body
                ),
            );
        }
        Err(BodyError::NotText) => {
            return Reply::text(StatusCode::BAD_REQUEST, "the request body is not UTF-8");
        }
        Err(BodyError::Io(e)) => {
            return Reply::text(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            );
        }
    };
    match media.as_deref() {
        Some("application/x-www-form-urlencoded") => {
            let mut pairs = form_pairs(&body);
            if param(&pairs, "update").is_some() {
                return read_only();
            }
            pairs.extend(target.params.iter().cloned());
            protocol(site, request, &pairs, None)
        }
        Some("application/sparql-query") => protocol(site, request, &target.params, Some(&body)),
        Some("application/sparql-update") => read_only(),
        _ => Reply::text(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send a query as application/x-www-form-urlencoded (query=…) or as application/sparql-query",
        ),
    }
}

/// A query under the protocol; `body` is the query of a direct POST.
fn protocol(
    site: &Site,
    request: &Request<Body>,
    pairs: &[(String, String)],
    body: Option<&str>,
) -> Reply {
    let queries = params(pairs, "query");
    let text = match (body, queries.as_slice()) {
        (Some(body), []) => body,
        (None, [text]) => *text,
        _ => return Reply::text(StatusCode::BAD_REQUEST, "give exactly one query"),
    };
    let dataset = match Dataset::from(pairs) {
        Ok(dataset) => dataset,
        Err(message) => return Reply::text(StatusCode::BAD_REQUEST, message),
    };
    let run = match run(site, text, &[], &[], &dataset) {
        Ok(run) => run,
        Err(err) => {
            let (status, message) = failure(&err, site);
            return Reply::text(status, message);
        }
    };
    let accept = header_text(request.headers(), header::ACCEPT);
    let offers = match run.answer.results {
        QueryResults::Graph(_) => negotiate::GRAPHS,
        _ => negotiate::RESULTS,
    };
    // Like many endpoints, a `format` or `output` parameter that fits the
    // results overrides `Accept`.
    let chosen = ["format", "output"]
        .iter()
        .find_map(|p| param(pairs, p))
        .and_then(|name| negotiate::named(name, offers))
        .or_else(|| negotiate::choose(accept.as_deref(), offers));
    let format = match chosen {
        Some(Representation::Data(format)) => format,
        Some(Representation::Html) => {
            let location = format!(
                "/?{}",
                form_urlencoded::Serializer::new(String::new())
                    .append_pair("query", text)
                    .finish()
            );
            return Reply::redirect(StatusCode::SEE_OTHER, &location);
        }
        None => {
            let offered: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
            return Reply::text(
                StatusCode::NOT_ACCEPTABLE,
                format!(
                    "cannot answer in the accepted media types; offered: {}",
                    offered.join(", ")
                ),
            );
        }
    };
    let Run {
        answer,
        truncated,
        armed,
    } = run;
    let mut out = Vec::new();
    let written = query::write_results(answer, format, &site.prefixes, &mut out);
    drop(armed);
    if let Err(err) = written {
        let (status, message) = failure(&err, site);
        return Reply::text(status, message);
    }
    let reply = Reply::new(StatusCode::OK, negotiate::media_type(format), out)
        .header(header::VARY, "Accept");
    if truncated.get() {
        reply.header(MAX_ROWS, &site.limits.max_results.to_string())
    } else {
        reply
    }
}

/// The dataset a request asks for with `default-graph-uri` and `named-graph-uri`.
#[derive(Debug, Default)]
pub struct Dataset {
    default: Vec<NamedNode>,
    named: Vec<NamedNode>,
}

impl Dataset {
    /// Reads the protocol's dataset parameters.
    pub fn from(pairs: &[(String, String)]) -> Result<Self, String> {
        let iris = |name: &str| {
            params(pairs, name)
                .into_iter()
                .map(|iri| {
                    NamedNode::new(iri).map_err(|e| format!("{name} `{iri}` is not an IRI: {e}"))
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            default: iris("default-graph-uri")?,
            named: iris("named-graph-uri")?,
        })
    }

    fn is_empty(&self) -> bool {
        self.default.is_empty() && self.named.is_empty()
    }
}

/// A query running under the time limit, its results capped.
pub struct Run {
    pub answer: Answer,
    pub truncated: Truncated,
    /// The deadline; keep it until the results have been read.
    pub armed: Armed,
}

/// Prepares and starts a query with the server's limits.
pub fn run(
    site: &Site,
    text: &str,
    bound: &[(String, String)],
    declared: &[Param],
    dataset: &Dataset,
) -> crate::Result<Run> {
    let (token, armed) = site.watchdog.arm(site.limits.timeout);
    let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    let base = site.mount.base();
    let mut prepared =
        query::prepare_with(evaluator, text, None, bound, declared, base, &site.prefixes).map_err(
            |err| match err {
                Error::QuerySyntax { .. } if is_update(text, base) => Error::ReadOnly,
                other => other,
            },
        )?;
    if !dataset.is_empty() {
        let d = prepared.dataset_mut();
        d.set_default_graph(
            dataset
                .default
                .iter()
                .cloned()
                .map(GraphName::from)
                .collect(),
        );
        d.set_available_named_graphs(
            dataset
                .named
                .iter()
                .cloned()
                .map(NamedOrBlankNode::from)
                .collect(),
        );
    }
    let answer = query::execute(&site.store, prepared)?;
    let (results, truncated) = cap(answer.results, site.limits.max_results, &token);
    let answer = Answer { results };
    Ok(Run {
        answer,
        truncated,
        armed,
    })
}

/// Whether text that is not a query is an update.
fn is_update(text: &str, base: &str) -> bool {
    SparqlEvaluator::new()
        .with_base_iri(base)
        .is_ok_and(|e| e.parse_update(text).is_ok())
}

/// The status and message for a failed query.
pub fn failure(err: &Error, site: &Site) -> (StatusCode, String) {
    let status = match err {
        Error::ReadOnly => StatusCode::FORBIDDEN,
        Error::QuerySyntax { .. } | Error::Usage(_) => StatusCode::BAD_REQUEST,
        Error::QueryEvaluation(QueryEvaluationError::Cancelled) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query ran longer than the limit of {} s and was stopped",
                    site.limits.timeout.as_secs_f64()
                ),
            );
        }
        Error::QueryEvaluation(
            QueryEvaluationError::UnsupportedService(_)
            | QueryEvaluationError::InvalidServiceName(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnsupportedCustomFunction(_)
            | QueryEvaluationError::UnsupportedCustomFunctionArity { .. },
        ) => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !message.contains(&cause_text) {
            message = format!("{message}: {cause_text}");
        }
        source = cause.source();
    }
    (status, message)
}

/// The absolute URL of the endpoint as the client reached it: its `Host`,
/// and `https` behind a proxy that says so (`X-Forwarded-Proto`).
pub fn endpoint_url(request: &Request<Body>) -> String {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && !h.contains(['/', ' ', '<', '>', '"', '\\', '{', '}']))
    };
    let host = header("host").unwrap_or("localhost");
    let scheme = match header("x-forwarded-proto") {
        Some(p) if p.eq_ignore_ascii_case("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}/sparql")
}
