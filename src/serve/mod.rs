//! `labourgraph serve`: a read-only SPARQL 1.1 endpoint and dereferenceable
//! linked-data pages for the built graph.
//!
//! - [`sparql`]: the SPARQL 1.1 Protocol at `/sparql`, and its
//!   [`service`] description; [`limits`] bounds each query's time and results.
//! - [`resources`]: every IRI minted under the dataset's base resolves (the
//!   base maps to a local path, see [`mount`]) to an HTML page built from
//!   [`describe`] or to Turtle, JSON-LD, N-Triples or RDF/XML, chosen by
//!   [`negotiate`]; ontology terms resolve to the ontology's documentation.
//! - [`query_page`]: the query form at `/`, with the query library as
//!   examples and results as a table linking into the resource pages.
//! - [`void`]: `/.well-known/void`; [`release`]: the release files under
//!   `/release/`.
//!
//! The HTTP server is `oxhttp`, the server of Oxigraph's own command line:
//! synchronous, one thread per connection up to a bound, no async runtime.
//! It suits a read-only in-memory store that answers on the caller's
//! thread (an Oxigraph `Store` is `Clone + Send + Sync`, and every query
//! reads a snapshot), builds with nothing but a Rust toolchain and adds two
//! small crates (`http`, `httparse`). `tiny_http` was the alternative; it
//! buffers a discarded request body in one allocation of its declared size,
//! which an oversized upload would turn into an out-of-memory abort.

pub mod describe;
pub mod html;
pub mod http;
pub mod limits;
pub mod mount;
pub mod negotiate;
pub mod pages;
pub mod query_page;
pub mod release;
pub mod resources;
mod routes;
pub mod service;
pub mod sparql;
pub mod void;

use crate::error::{Error, Result};
use crate::query::{self, Library};
use crate::vocab::dcterms;
use limits::{Limits, Watchdog};
use mount::Mount;
use oxhttp::model::{Body, Request, Response};
use oxigraph::model::{NamedNodeRef, Term};
use oxigraph::store::Store;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a connection may stay silent (reading a request, or a client
/// not reading the answer) before it is closed.
pub const IDLE: Duration = Duration::from_secs(30);

/// How the server is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on; port 0 picks a free port.
    pub bind: SocketAddr,
    /// Local path at which the dataset's base IRI is served.
    pub base_path: String,
    /// Time, result and body limits.
    pub limits: Limits,
    /// Most connections served at once (one thread each).
    pub max_connections: usize,
    /// Directory of release files offered under `/release/`.
    pub release: Option<PathBuf>,
    /// Directory of the query library (`*.rq`).
    pub queries: PathBuf,
    /// Print an access log line per request on standard error.
    pub access_log: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            base_path: "/".into(),
            limits: Limits::default(),
            max_connections: 64,
            release: None,
            queries: PathBuf::from("queries"),
            access_log: true,
        }
    }
}

/// What every request handler shares: the store and the configuration.
pub struct Site {
    pub store: Store,
    pub mount: Mount,
    pub prefixes: Vec<(String, String)>,
    /// The dataset node, `{base}dataset`.
    pub dataset: String,
    /// The dataset's title, for page titles.
    pub title: String,
    /// The dataset's language, preferred for labels.
    pub language: String,
    pub library: Library,
    /// The release directory, canonical.
    pub release: Option<PathBuf>,
    pub limits: Limits,
    pub watchdog: Watchdog,
}

impl Site {
    /// Prepares the shared state for a store whose IRIs are under `base`.
    pub fn new(store: Store, base: &str, options: &Options) -> Result<Self> {
        let iris = crate::dataset::Iris::new(base);
        let dataset = iris.dataset();
        let text = |p| {
            describe::object(&store, NamedNodeRef::new_unchecked(&dataset), p).map(|o| match o {
                Some(Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            })
        };
        let title = text(dcterms::TITLE)?.unwrap_or_else(|| "labourgraph".into());
        let language = text(dcterms::LANGUAGE)?.unwrap_or_else(|| "en".into());
        let release = match &options.release {
            Some(dir) => Some(dir.canonicalize().map_err(|e| Error::Read {
                path: dir.clone(),
                source: e,
            })?),
            None => None,
        };
        Ok(Self {
            mount: Mount::new(base, &options.base_path),
            prefixes: query::prefixes(base),
            dataset,
            title,
            language,
            library: Library::new(&options.queries),
            release,
            limits: options.limits,
            watchdog: Watchdog::start(),
            store,
        })
    }

    /// The label of a resource in the dataset's language.
    pub fn label(&self, iri: NamedNodeRef<'_>) -> Option<String> {
        describe::label(&self.store, iri, &self.language)
    }
}

/// Requests being answered, and whether the server is shutting down. The
/// count is atomic, so that requests take no lock; the lock and condition
/// variable only serve the shutdown.
#[derive(Default)]
struct Lifecycle {
    in_flight: AtomicUsize,
    closing: AtomicBool,
    lock: Mutex<()>,
    idle: Condvar,
}

/// A request being answered; counted out when dropped (also on a panic).
struct InFlight<'a>(&'a Lifecycle);

impl Lifecycle {
    /// Counts a request in; `None` when shutting down.
    fn enter(&self) -> Option<InFlight<'_>> {
        if self.closing.load(Ordering::SeqCst) {
            return None;
        }
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        let request = InFlight(self);
        // Closing may have begun in between: then this request is refused
        // (and counted out as `request` is dropped).
        (!self.closing.load(Ordering::SeqCst)).then_some(request)
    }

    /// Refuses new requests and waits up to `grace` for the running ones;
    /// returns how many were still running.
    fn close(&self, grace: Duration) -> usize {
        self.closing.store(true, Ordering::SeqCst);
        let lock = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = self
            .idle
            .wait_timeout_while(lock, grace, |_| self.in_flight.load(Ordering::SeqCst) > 0)
            .unwrap_or_else(PoisonError::into_inner);
        self.in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let lifecycle = self.0;
        if lifecycle.in_flight.fetch_sub(1, Ordering::SeqCst) == 1
            && lifecycle.closing.load(Ordering::SeqCst)
        {
            // Taking the lock orders this wake-up after `close` checked the
            // count and began to wait.
            let _lock = lifecycle
                .lock
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            lifecycle.idle.notify_all();
        }
    }
}

/// A running server.
pub struct Running {
    addr: SocketAddr,
    lifecycle: Arc<Lifecycle>,
}

impl Running {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops answering new requests (they get 503) and waits up to `grace`
    /// for the running ones; returns how many did not finish. The process
    /// should exit afterwards: the listening threads stay blocked in
    /// `accept`.
    pub fn shutdown(self, grace: Duration) -> usize {
        self.lifecycle.close(grace)
    }
}

/// Starts serving `site` in background threads.
///
/// ```
/// use labourgraph::serve::{start, Options, Site};
/// use std::io::{Read, Write};
/// let options = Options { bind: "127.0.0.1:0".parse()?, access_log: false, ..Options::default() };
/// let site = Site::new(oxigraph::store::Store::new()?, "https://example.org/lg/", &options)?;
/// let running = start(site, &options)?;
/// let mut stream = std::net::TcpStream::connect(running.addr())?;
/// stream.write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
/// let mut response = String::new();
/// stream.read_to_string(&mut response)?;
/// assert!(response.starts_with("HTTP/1.1 200") && response.ends_with("\"boolean\":true}"));
/// running.shutdown(std::time::Duration::from_secs(1));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn start(site: Site, options: &Options) -> Result<Running> {
    let site = Arc::new(site);
    let lifecycle = Arc::new(Lifecycle::default());
    let access_log = options.access_log;
    let handler_lifecycle = Arc::clone(&lifecycle);
    let handler =
        move |request: &mut Request<Body>| handle(&site, &handler_lifecycle, access_log, request);
    let addr = free_port(options.bind)?;
    oxhttp::Server::new(handler)
        .bind(addr)
        .with_global_timeout(IDLE)
        .with_max_concurrent_connections(options.max_connections)
        .with_server_name(concat!("labourgraph/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| Error::Usage(e.to_string()))?
        .spawn()
        .map_err(|e| Error::Listen {
            addr: addr.to_string(),
            source: e,
        })?;
    Ok(Running { addr, lifecycle })
}

/// `addr` itself, or with a free port if its port is 0.
fn free_port(addr: SocketAddr) -> Result<SocketAddr> {
    if addr.port() != 0 {
        return Ok(addr);
    }
    let probe = TcpListener::bind(addr).map_err(|e| Error::Listen {
        addr: addr.to_string(),
        source: e,
    })?;
    probe.local_addr().map_err(|e| Error::Listen {
        addr: addr.to_string(),
        source: e,
    })
}

/// Serves until Ctrl-C or SIGTERM, then shuts down gracefully: requests
/// that are running get up to `grace` to finish.
pub fn serve(
    site: Site,
    options: &Options,
    grace: Duration,
    ready: impl FnOnce(SocketAddr),
) -> Result<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    crate::interrupt::install()?;
    let _listening = crate::interrupt::listen(tx);
    let running = start(site, options)?;
    ready(running.addr());
    let _ = rx.recv();
    eprintln!("labourgraph: shutting down");
    let unfinished = running.shutdown(grace);
    if unfinished > 0 {
        eprintln!("labourgraph: {unfinished} requests did not finish in time");
    }
    Ok(())
}

/// Answers one request and writes its access log line.
fn handle(
    site: &Site,
    lifecycle: &Lifecycle,
    access_log: bool,
    request: &mut Request<Body>,
) -> Response<Body> {
    let started = Instant::now();
    let reply = match lifecycle.enter() {
        Some(_in_flight) => routes::route(site, request),
        None => {
            // oxhttp closes the connection after answering a request that
            // asked for it.
            request.headers_mut().insert(
                oxhttp::model::header::CONNECTION,
                oxhttp::model::HeaderValue::from_static("close"),
            );
            http::Reply::text(
                oxhttp::model::StatusCode::SERVICE_UNAVAILABLE,
                "the server is shutting down",
            )
        }
    };
    let head = request.method() == oxhttp::model::Method::HEAD;
    let status = reply.status;
    let bytes = reply.body.len();
    if access_log {
        let target = request.uri().path_and_query().map_or("", |p| p.as_str());
        let target: String = target.chars().take(200).collect();
        // One write per line: `eprintln!` writes each piece on its own, and
        // standard error is not buffered.
        let line = format!(
            "{} {target} {} {bytes} {:.1}ms\n",
            request.method(),
            status.as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
    }
    let mut response = Response::builder().status(status);
    for (name, value) in reply.headers {
        response = response.header(name, value);
    }
    let body = match reply.body {
        _ if head => Body::empty(),
        http::Payload::Bytes(bytes) => Body::from(bytes),
        http::Payload::File(file, _) => Body::from_read(file),
    };
    response.body(body).unwrap_or_else(|_| {
        let mut fallback = Response::new(Body::from("invalid response"));
        *fallback.status_mut() = oxhttp::model::StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shutdown_waits_for_the_requests_in_flight() {
        let lifecycle = Lifecycle::default();
        std::thread::scope(|scope| {
            let request = lifecycle.enter().expect("open");
            scope.spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                drop(request);
            });
            assert_eq!(lifecycle.close(Duration::from_secs(10)), 0);
        });
        assert!(lifecycle.enter().is_none(), "closed");
        let lifecycle = Lifecycle::default();
        let _stuck = lifecycle.enter();
        assert_eq!(lifecycle.close(Duration::from_millis(10)), 1);
    }
}
