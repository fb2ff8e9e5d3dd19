//! Pushing the built graph to a remote triple store with the SPARQL 1.1
//! Graph Store HTTP Protocol: one `PUT {endpoint}?graph={iri}` per named
//! graph, its triples as N-Triples, replacing what the store held in that
//! graph — so the same data can live in Virtuoso, Fuseki, GraphDB, QLever or
//! Oxigraph server.
//!
//! Credentials come from the environment ([`USER_VAR`], [`PASSWORD_VAR`]),
//! never from the command line. With [`Auth::Auto`] the client answers the
//! server's challenge (`Basic` or `Digest`, e.g. Virtuoso's
//! `/sparql-graph-crud-auth`); [`Auth::Basic`] sends Basic credentials
//! up front. A failure — connection refused, no answer within the timeout,
//! 401, any other status that is not a success — stops the push and is
//! reported as a [`RemoteError`] that names the graph that failed and the
//! graphs already sent.

use crate::error::{Error, Result};
use base64::Engine;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode};
use oxigraph::store::Store;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::fmt;
use std::time::Duration;

/// Environment variable holding the user name for the remote store.
pub const USER_VAR: &str = "LABOURGRAPH_PUSH_USER";
/// Environment variable holding the password for the remote store.
pub const PASSWORD_VAR: &str = "LABOURGRAPH_PUSH_PASSWORD";

/// Characters kept as they are in a query-string value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// How to authenticate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Auth {
    /// Answer the server's challenge, Basic or Digest.
    #[default]
    Auto,
    /// Send Basic credentials with every request.
    Basic,
    /// Answer only a Digest challenge.
    Digest,
}

/// A user name and password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials({:?}, ***)", self.user)
    }
}

impl Credentials {
    /// Reads [`USER_VAR`] and [`PASSWORD_VAR`]; none when neither is set.
    pub fn from_env() -> Result<Option<Self>> {
        match (std::env::var(USER_VAR), std::env::var(PASSWORD_VAR)) {
            (Ok(user), Ok(password)) => Ok(Some(Self { user, password })),
            (Err(_), Err(_)) => Ok(None),
            _ => Err(Error::Usage(format!(
                "set both {USER_VAR} and {PASSWORD_VAR} (or neither)"
            ))),
        }
    }
}

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct Options {
    /// The Graph Store Protocol endpoint, e.g. `http://localhost:8890/sparql-graph-crud-auth`.
    pub endpoint: String,
    pub auth: Auth,
    pub credentials: Option<Credentials>,
    /// Time allowed for each request, connecting and answering included.
    pub timeout: Duration,
}

/// A graph sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub graph: String,
    pub triples: usize,
    /// The HTTP status of the answer.
    pub status: u16,
}

/// Why a request to a remote endpoint failed.
#[derive(Debug)]
pub enum Failure {
    /// Nothing listens there, or the host is unknown.
    Unreachable(String),
    /// No answer within the time allowed.
    Timeout(Duration),
    /// 401: credentials missing or rejected.
    Unauthorized { had_credentials: bool },
    /// Any other status that is not a success.
    Status { code: u16, body: String },
    /// Another transport problem.
    Http(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreachable(why) => write!(
                f,
                "cannot connect ({why}); is a SPARQL server listening there?"
            ),
            Self::Timeout(t) => write!(f, "no answer within {} s", t.as_secs_f64()),
            Self::Unauthorized {
                had_credentials: false,
            } => write!(
                f,
                "HTTP 401 Unauthorized: the endpoint wants credentials; set {USER_VAR} and {PASSWORD_VAR}"
            ),
            Self::Unauthorized {
                had_credentials: true,
            } => write!(
                f,
                "HTTP 401 Unauthorized: the endpoint rejected the credentials from {USER_VAR} and {PASSWORD_VAR}"
            ),
            Self::Status { code, body } if body.is_empty() => write!(f, "HTTP {code}"),
            Self::Status { code, body } => write!(f, "HTTP {code}: {body}"),
            Self::Http(why) => f.write_str(why),
        }
    }
}

/// A push that failed, with what had been sent before.
#[derive(Debug)]
pub struct RemoteError {
    pub endpoint: String,
    /// The graph whose request failed.
    pub graph: Option<String>,
    pub failure: Failure,
    /// Graphs sent before the failure.
    pub sent: Vec<String>,
    /// Graphs the push was to send.
    pub total: usize,
}

impl fmt::Display for RemoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "push to {} failed", self.endpoint)?;
        if let Some(g) = &self.graph {
            write!(f, " at graph <{g}>")?;
        }
        write!(f, ": {}; ", self.failure)?;
        if self.sent.is_empty() {
            write!(f, "no graph was sent (0 of {})", self.total)
        } else {
            let sent: Vec<String> = self.sent.iter().map(|g| format!("<{g}>")).collect();
            write!(
                f,
                "{} of {} graphs were sent: {}",
                self.sent.len(),
                self.total,
                sent.join(", ")
            )
        }
    }
}

impl std::error::Error for RemoteError {}

/// The challenge to answer.
enum Challenge {
    Basic,
    Digest(Box<digest_auth::WwwAuthenticateHeader>),
}

/// A Graph Store Protocol client for one endpoint.
struct Client<'o> {
    options: &'o Options,
    agent: ureq::Agent,
    challenge: Option<Challenge>,
}

impl<'o> Client<'o> {
    fn new(options: &'o Options) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        let challenge = (options.auth == Auth::Basic).then_some(Challenge::Basic);
        Self {
            options,
            agent,
            challenge,
        }
    }

    /// The `Authorization` header answering the current challenge.
    fn authorization(&mut self, path: &str) -> Result<Option<String>, Failure> {
        let (Some(c), Some(challenge)) = (&self.options.credentials, &mut self.challenge) else {
            return Ok(None);
        };
        Ok(Some(match challenge {
            Challenge::Basic => {
                let token = base64::engine::general_purpose::STANDARD
                    .encode(format!("{}:{}", c.user, c.password));
                format!("Basic {token}")
            }
            Challenge::Digest(prompt) => {
                let context = digest_auth::AuthContext::new_with_method(
                    c.user.as_str(),
                    c.password.as_str(),
                    path,
                    None::<&[u8]>,
                    digest_auth::HttpMethod::PUT,
                );
                prompt
                    .respond(&context)
                    .map_err(|e| Failure::Http(format!("cannot answer the Digest challenge: {e}")))?
                    .to_header_string()
            }
        }))
    }

    /// Adopts the challenge of a 401 answer; whether there is one to answer.
    fn adopt(&mut self, headers: &ureq::http::HeaderMap) -> bool {
        for value in headers.get_all("www-authenticate") {
            let Ok(value) = value.to_str() else { continue };
            let scheme = value.split_whitespace().next().unwrap_or_default();
            if scheme.eq_ignore_ascii_case("digest") && self.options.auth != Auth::Basic {
                if let Ok(prompt) = digest_auth::parse(value) {
                    self.challenge = Some(Challenge::Digest(Box::new(prompt)));
                    return true;
                }
            } else if scheme.eq_ignore_ascii_case("basic") && self.options.auth == Auth::Auto {
                self.challenge = Some(Challenge::Basic);
                return true;
            }
        }
        false
    }

    /// `PUT`s one graph's N-Triples; answers one challenge if asked.
    fn put(&mut self, graph: Option<&str>, body: &[u8]) -> Result<u16, Failure> {
        let endpoint = &self.options.endpoint;
        let sep = if endpoint.contains('?') { '&' } else { '?' };
        let url = match graph {
            Some(g) => format!(
                "{endpoint}{sep}graph={}",
                utf8_percent_encode(g, QUERY_VALUE)
            ),
            None => format!("{endpoint}{sep}default"),
        };
        let path = url
            .splitn(4, '/')
            .nth(3)
            .map_or_else(|| "/".to_owned(), |p| format!("/{p}"));
        let mut answered = false;
        loop {
            let mut request = self
                .agent
                .put(&url)
                .header("Content-Type", "application/n-triples; charset=utf-8");
            let sent_credentials = match self.authorization(&path)? {
                Some(header) => {
                    request = request.header("Authorization", header);
                    true
                }
                None => false,
            };
            let mut response = request
                .send(body)
                .map_err(|e| transport(e, self.options.timeout))?;
            let status = response.status().as_u16();
            if status == 401 {
                let has_credentials = self.options.credentials.is_some();
                if has_credentials && !answered && self.adopt(response.headers()) {
                    answered = true;
                    continue;
                }
                return Err(Failure::Unauthorized {
                    had_credentials: has_credentials && sent_credentials,
                });
            }
            if (200..300).contains(&status) {
                return Ok(status);
            }
            let mut text = response
                .body_mut()
                .with_config()
                .limit(64 * 1024)
                .read_to_string()
                .unwrap_or_default();
            if let Some(location) = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
            {
                text = format!("redirected to {location}: push to that URL instead");
            }
            return Err(Failure::Status {
                code: status,
                body: excerpt(&text),
            });
        }
    }
}

/// A transport error in words.
fn transport(e: ureq::Error, timeout: Duration) -> Failure {
    match e {
        ureq::Error::Timeout(_) => Failure::Timeout(timeout),
        ureq::Error::HostNotFound => Failure::Unreachable("host not found".into()),
        ureq::Error::ConnectionFailed => Failure::Unreachable("connection failed".into()),
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            Failure::Timeout(timeout)
        }
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::NotFound
            ) =>
        {
            Failure::Unreachable(io.to_string())
        }
        ureq::Error::Io(io) => Failure::Http(format!("connection error: {io}")),
        other => Failure::Http(other.to_string()),
    }
}

/// The start of a response body on one line, without HTML tags.
fn excerpt(text: &str) -> String {
    let mut plain = String::with_capacity(text.len().min(4096));
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = words.join(" ");
    if out.chars().count() > 300 {
        out = out.chars().take(300).collect::<String>() + "…";
    }
    out
}

/// The graphs a push sends: `only`, or every named graph (sorted), and the
/// default graph when it holds triples (as `None`).
pub fn graphs(store: &Store, only: &[NamedNode]) -> Result<Vec<Option<NamedNode>>> {
    if !only.is_empty() {
        let mut missing = Vec::new();
        for g in only {
            if !store.contains_named_graph(g)? {
                missing.push(format!("<{g}>", g = g.as_str()));
            }
        }
        if !missing.is_empty() {
            return Err(Error::Usage(format!(
                "the store has no graph {}",
                missing.join(", ")
            )));
        }
        return Ok(only.iter().cloned().map(Some).collect());
    }
    let mut all: Vec<NamedNode> = store
        .named_graphs()
        .filter_map(|g| match g {
            Ok(oxigraph::model::NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    all.sort();
    let mut graphs: Vec<Option<NamedNode>> = all.into_iter().map(Some).collect();
    if store
        .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        .next()
        .is_some()
    {
        graphs.push(None);
    }
    Ok(graphs)
}

/// Sends `graphs` (see [`graphs`]) of `store` to the endpoint, one `PUT` per
/// graph, calling `progress` after each; stops at the first failure.
///
/// ```no_run
/// use labourgraph::push::{Options, Auth, Credentials, graphs, push};
/// let store = oxigraph::store::Store::new()?;
/// let options = Options {
///     endpoint: "http://localhost:8890/sparql-graph-crud-auth".into(),
///     auth: Auth::Auto,
///     credentials: Credentials::from_env()?,
///     timeout: std::time::Duration::from_secs(60),
/// };
/// let sent = push(&store, &options, &graphs(&store, &[])?, |s| println!("sent <{}>", s.graph))?;
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn push(
    store: &Store,
    options: &Options,
    graphs: &[Option<NamedNode>],
    mut progress: impl FnMut(&Sent),
) -> Result<Vec<Sent>> {
    check_endpoint(&options.endpoint)?;
    let mut client = Client::new(options);
    let mut sent: Vec<Sent> = Vec::new();
    for graph in graphs {
        let name = graph.as_ref().map(|g| g.as_str().to_owned());
        let graph_ref = graph
            .as_ref()
            .map_or(GraphNameRef::DefaultGraph, |g| g.as_ref().into());
        let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        let mut triples = 0;
        for quad in store.quads_for_pattern(None, None, None, Some(graph_ref)) {
            ser.serialize_triple(quad?.as_ref())
                .map_err(Error::Output)?;
            triples += 1;
        }
        let body = ser.finish().map_err(Error::Output)?;
        match client.put(name.as_deref(), &body) {
            Ok(status) => {
                let s = Sent {
                    graph: name.unwrap_or_else(|| "(default graph)".into()),
                    triples,
                    status,
                };
                progress(&s);
                sent.push(s);
            }
            Err(failure) => {
                return Err(Error::Remote(Box::new(RemoteError {
                    endpoint: options.endpoint.clone(),
                    graph: name,
                    failure,
                    sent: sent.into_iter().map(|s| s.graph).collect(),
                    total: graphs.len(),
                })));
            }
        }
    }
    Ok(sent)
}

/// An endpoint this build can reach: `http://`, or `https://` with the `tls` feature.
fn check_endpoint(endpoint: &str) -> Result<()> {
    let lower = endpoint.to_ascii_lowercase();
    if lower.starts_with("http://") || (cfg!(feature = "tls") && lower.starts_with("https://")) {
        return Ok(());
    }
    if lower.starts_with("https://") {
        return Err(Error::Usage(format!(
            "`{endpoint}`: this labourgraph speaks plain HTTP only; build it with `--features tls` for HTTPS"
        )));
    }
    Err(Error::Usage(format!("`{endpoint}` is not an http:// URL")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_plain_text() {
        assert_eq!(
            excerpt("<html><body><h1>Error</h1>\n  boom </body></html>"),
            "Error boom"
        );
        assert!(excerpt(&"x".repeat(1000)).ends_with('…'));
    }

    #[test]
    fn endpoints_are_checked() {
        assert!(check_endpoint("http://localhost:1/x").is_ok());
        assert!(check_endpoint("ftp://x").is_err());
    }

    #[test]
    fn partial_pushes_name_the_graphs_sent() {
        let e = RemoteError {
            endpoint: "http://x/".into(),
            graph: Some("http://g/3".into()),
            failure: Failure::Status {
                code: 500,
                body: "boom".into(),
            },
            sent: vec!["http://g/1".into(), "http://g/2".into()],
            total: 5,
        };
        assert_eq!(
            e.to_string(),
            "push to http://x/ failed at graph <http://g/3>: HTTP 500: boom; 2 of 5 graphs were sent: <http://g/1>, <http://g/2>"
        );
    }
}
