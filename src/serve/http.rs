//! The HTTP side of the server: what a handler answers ([`Reply`]), how a
//! request's path, query string, form and body are read, and the limits on
//! them.

use super::negotiate::media_type;
use crate::format::Format;
use crate::query::{Prefixes, serializer};
use oxhttp::model::header::{self, HeaderName, HeaderValue};
use oxhttp::model::{Body, HeaderMap, Request, StatusCode};
use oxigraph::model::Triple;
use std::io::Read;

/// A response body.
pub enum Payload {
    /// A body in memory.
    Bytes(Vec<u8>),
    /// A file streamed to the client, with its length.
    File(std::fs::File, u64),
}

impl Payload {
    /// The body's length in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Self::Bytes(b) => b.len() as u64,
            Self::File(_, len) => *len,
        }
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a handler answers: status, headers and body.
pub struct Reply {
    pub status: StatusCode,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Payload,
}

impl Reply {
    /// A response with a body of the given media type.
    pub fn new(status: StatusCode, media_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Payload::Bytes(body.into()),
        }
        .header(header::CONTENT_TYPE, media_type)
    }

    /// An HTML page.
    pub fn html(status: StatusCode, page: maud::Markup) -> Self {
        Self::new(status, "text/html; charset=utf-8", page.into_string())
    }

    /// A plain-text message (errors for machine clients).
    pub fn text(status: StatusCode, message: impl std::fmt::Display) -> Self {
        Self::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    /// A redirect to `location`.
    pub fn redirect(status: StatusCode, location: &str) -> Self {
        Self::text(status, format!("See {location}")).header(header::LOCATION, location)
    }

    /// Triples in an RDF format, with the prefixes.
    pub fn rdf(triples: &[Triple], format: Format, prefixes: &Prefixes) -> Self {
        let failed = |e: std::io::Error| {
            Self::text(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot serialise: {e}"),
            )
        };
        let Some(rdf) = format.rdf() else {
            return Self::text(StatusCode::NOT_ACCEPTABLE, "not an RDF format");
        };
        let mut ser = serializer(rdf, prefixes).for_writer(Vec::new());
        for triple in triples {
            if let Err(e) = ser.serialize_triple(triple) {
                return failed(e);
            }
        }
        match ser.finish() {
            Ok(out) => Self::new(StatusCode::OK, media_type(format), out),
            Err(e) => failed(e),
        }
    }

    /// 405 with the methods that are allowed.
    pub fn method_not_allowed(allowed: &str) -> Self {
        Self::text(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("method not allowed: use {allowed}"),
        )
        .header(header::ALLOW, allowed)
    }

    /// Adds a header; a value that is not a valid header value is dropped.
    pub fn header(mut self, name: HeaderName, value: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.headers.push((name, value));
        }
        self
    }
}

/// A request's target, decoded.
pub struct Target {
    /// The percent-decoded path.
    pub path: String,
    /// The query string's `name=value` pairs, decoded.
    pub params: Vec<(String, String)>,
}

impl Target {
    /// Decodes a request's path and query string; `None` if the path is
    /// not UTF-8 once decoded.
    pub fn of(request: &Request<Body>) -> Option<Self> {
        let uri = request.uri();
        let path = percent_encoding::percent_decode_str(uri.path())
            .decode_utf8()
            .ok()?
            .into_owned();
        let params = uri.query().map(form_pairs).unwrap_or_default();
        Some(Self { path, params })
    }

    /// The first value of a parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        param(&self.params, name)
    }
}

/// The first value of `name` among decoded pairs.
pub fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Every value of `name` among decoded pairs.
pub fn params<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Decodes `application/x-www-form-urlencoded` text (a query string or a
/// form body).
pub fn form_pairs(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A header's value as text, all its occurrences joined with commas.
pub fn header_text(headers: &HeaderMap, name: HeaderName) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// The media type of a request's body, without parameters, lower-cased.
pub fn content_type(request: &Request<Body>) -> Option<String> {
    let value = request.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    let media = value.split(';').next().unwrap_or_default().trim();
    Some(media.to_ascii_lowercase())
}

/// Why a request body could not be read.
#[derive(Debug)]
pub enum BodyError {
    /// Larger than the limit.
    TooLarge,
    /// Not UTF-8.
    NotText,
    /// The connection failed or timed out.
    Io(std::io::Error),
}

/// How much of an oversized body is still read (and thrown away) so that
/// the client gets the 413 answer instead of a reset connection.
const DRAIN: u64 = 16 << 20;

/// Reads a request body of at most `limit` bytes as UTF-8 text.
///
/// An oversized body (by its `Content-Length` or as it is read) is refused
/// without reading it into memory; the connection is then closed after the
/// answer, and at most 16 MiB more are read (and thrown away).
pub fn read_body(request: &mut Request<Body>, limit: usize) -> Result<String, BodyError> {
    let declared = request.body().len();
    let mut bytes = Vec::new();
    let too_large = if declared.is_some_and(|len| len > limit as u64) {
        true
    } else {
        request
            .body_mut()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(BodyError::Io)?;
        bytes.len() > limit
    };
    if too_large {
        let rest = std::mem::replace(request.body_mut(), Body::empty());
        *request.body_mut() = Body::from_read(rest.take(DRAIN));
        request
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        return Err(BodyError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| BodyError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_targets() {
        let pairs = form_pairs("query=SELECT+%3Fs&default-graph-uri=a&default-graph-uri=b");
        assert_eq!(param(&pairs, "query"), Some("SELECT ?s"));
        assert_eq!(params(&pairs, "default-graph-uri"), ["a", "b"]);
        let request = Request::builder()
            .uri("http://localhost/person/%C3%A9?x=1")
            .body(Body::empty())
            .unwrap();
        let target = Target::of(&request).unwrap();
        assert_eq!(target.path, "/person/é");
        assert_eq!(target.param("x"), Some("1"));
    }

    #[test]
    fn bodies_over_the_limit_are_refused() {
        let mut request = Request::builder().body(Body::from("x".repeat(11))).unwrap();
        assert!(matches!(
            read_body(&mut request, 10),
            Err(BodyError::TooLarge)
        ));
        assert_eq!(request.headers()[header::CONNECTION], "close");
        let mut request = Request::builder().body(Body::from("query")).unwrap();
        assert_eq!(read_body(&mut request, 10).unwrap(), "query");
    }
}
