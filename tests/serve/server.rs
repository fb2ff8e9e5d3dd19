//! Starts the real `labourgraph serve` in a temporary project on a free
//! loopback port, and talks HTTP to it as clients do.

use super::common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A library query with a declared parameter, one without, and one with a
/// bad header (the page must still list the others).
pub const QUERIES: &[(&str, &str)] = &[
    (
        "organisations.rq",
        "# title: Organisations\n# question: Which organisations are in the graph?\nSELECT ?org ?name WHERE { ?org a org:FormalOrganization ; schema:name ?name } ORDER BY ?name\n",
    ),
    (
        "person-posts.rq",
        "# title: Posts of a person\n# question: Which posts did a person hold?\n# param: person person — the person\nSELECT ?person ?role WHERE { ?m org:member ?person ; org:role/rdfs:label ?role }\n",
    ),
    (
        "broken.rq",
        "# title: Broken header\n# param: x nosuchtype — bad\nSELECT * WHERE { ?s ?p ?o }\n",
    ),
];

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    log: Arc<Mutex<Vec<String>>>,
    pub project: tempfile::TempDir,
}

/// A response, read in full.
pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// A header's value, or "".
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// A temporary project: the mini fixture and a query library.
pub fn project() -> tempfile::TempDir {
    let project = common::project();
    let queries = project.path().join("queries");
    std::fs::create_dir(&queries).unwrap();
    for (name, text) in QUERIES {
        std::fs::write(queries.join(name), text).unwrap();
    }
    project
}

impl Server {
    /// Starts a server with extra `serve` arguments.
    pub fn start(args: &[&str]) -> Self {
        Self::start_in(project(), args)
    }

    /// Starts a server in `project`.
    pub fn start_in(project: tempfile::TempDir, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_labourgraph"))
            .current_dir(project.path())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split(" on http://").nth(1) {
                    let _ = tx.send(rest.split('/').next().unwrap_or_default().to_owned());
                }
                lines.lock().unwrap().push(line);
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("the server did not start: {:?}", log.lock().unwrap()));
        Self {
            child,
            url: format!("http://{addr}"),
            log,
            project,
        }
    }

    /// The lines the server wrote on standard error so far.
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Sends SIGTERM and waits for the exit; returns whether it was a success.
    pub fn terminate(mut self) -> bool {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        for _ in 0..100 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into()
    }

    fn read(response: ureq::http::Response<ureq::Body>) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .unwrap();
        Reply {
            status,
            headers,
            body,
        }
    }

    /// GET `path` with an optional `Accept`.
    pub fn get(&self, path: &str, accept: Option<&str>) -> Reply {
        let mut request = Self::agent().get(format!("{}{path}", self.url));
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        Self::read(request.call().unwrap())
    }

    /// A request with any method and body.
    pub fn send(&self, method: &str, path: &str, content_type: &str, body: &str) -> Reply {
        let request = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.url))
            .header("Content-Type", content_type)
            .body(body.to_owned())
            .unwrap();
        Self::read(Self::agent().run(request).unwrap())
    }

    /// GET a SPARQL query.
    pub fn sparql(&self, query: &str, accept: Option<&str>) -> Reply {
        self.get(&format!("/sparql?{}", encode(&[("query", query)])), accept)
    }

    /// Sends raw bytes (for paths a client would normalise) and returns the
    /// status line and the rest.
    pub fn raw(&self, request: &str) -> (String, String) {
        let mut stream = TcpStream::connect(self.url.trim_start_matches("http://")).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let (status, rest) = response.split_once("\r\n").unwrap_or((&response, ""));
        (status.to_owned(), rest.to_owned())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `a=b&c=d`, form-encoded.
pub fn encode(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// Parses RDF into a sorted list of N-Triples lines.
pub fn parse_rdf(text: &str, format: oxigraph::io::RdfFormat) -> Vec<String> {
    let mut lines: Vec<String> = oxigraph::io::RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .map(|q| oxigraph::model::Triple::from(q.unwrap()).to_string())
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// The `Accept` header of a browser.
pub const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// The IRI base of the mini fixture.
pub const BASE: &str = "https://example.org/mini/";
