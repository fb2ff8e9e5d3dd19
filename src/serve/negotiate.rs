//! Content negotiation: the `Accept` header (RFC 9110 §12.5.1) against the
//! media types a resource is offered in, and the file extensions
//! (`.ttl`, `.jsonld`, `.nt`…) that name a representation directly.

use crate::format::Format;

/// What a response can be: an HTML page or a serialisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Representation {
    Html,
    Data(Format),
}

/// Media types of SELECT and ASK results, the server's preference first.
pub const RESULTS: &[(&str, Representation)] = &[
    (
        "application/sparql-results+json",
        Representation::Data(Format::Json),
    ),
    (
        "application/sparql-results+xml",
        Representation::Data(Format::Xml),
    ),
    ("text/csv", Representation::Data(Format::Csv)),
    (
        "text/tab-separated-values",
        Representation::Data(Format::Tsv),
    ),
    ("application/json", Representation::Data(Format::Json)),
    ("application/xml", Representation::Data(Format::Xml)),
    ("text/xml", Representation::Data(Format::Xml)),
    ("text/html", Representation::Html),
];

/// Media types of RDF graphs (CONSTRUCT and DESCRIBE results, descriptions
/// of resources), the server's preference first.
pub const GRAPHS: &[(&str, Representation)] = &[
    ("text/turtle", Representation::Data(Format::Turtle)),
    ("application/ld+json", Representation::Data(Format::Jsonld)),
    (
        "application/n-triples",
        Representation::Data(Format::Ntriples),
    ),
    ("application/rdf+xml", Representation::Data(Format::Rdfxml)),
    ("application/x-turtle", Representation::Data(Format::Turtle)),
    ("text/plain", Representation::Data(Format::Ntriples)),
    ("text/html", Representation::Html),
    ("application/xhtml+xml", Representation::Html),
];

/// One range of an `Accept` header, e.g. `text/*;q=0.5`.
#[derive(Debug, Clone, PartialEq)]
struct Range {
    kind: String,
    subtype: String,
    /// Quality in thousandths.
    q: u16,
}

impl Range {
    /// How specifically this range matches `media` (`None` if it does not):
    /// 2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`.
    fn matches(&self, media: &str) -> Option<u8> {
        let (kind, subtype) = media.split_once('/')?;
        match (self.kind.as_str(), self.subtype.as_str()) {
            ("*", "*") => Some(0),
            (k, "*") if k.eq_ignore_ascii_case(kind) => Some(1),
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => Some(2),
            _ => None,
        }
    }
}

/// Parses an `Accept` header; malformed ranges are skipped.
fn parse(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let (kind, subtype) = parts.next()?.trim().split_once('/')?;
            let mut q = 1000;
            for param in parts {
                if let Some((name, value)) = param.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = parse_q(value.trim())?;
                    }
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                q,
            })
        })
        .collect()
}

/// `0.5` → 500; `None` for a malformed quality.
fn parse_q(value: &str) -> Option<u16> {
    let q: f32 = value.parse().ok()?;
    (0.0..=1.0)
        .contains(&q)
        .then(|| (q * 1000.0).round() as u16)
}

/// The best of `offers` for an `Accept` header: the highest quality given
/// by the most specific range matching each offer; ties go to the earlier
/// offer. No (or an empty) header accepts the first offer; `None` when
/// nothing offered is acceptable.
///
/// ```
/// use labourgraph::serve::negotiate::{choose, Representation, GRAPHS};
/// use labourgraph::Format;
/// let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
/// assert_eq!(choose(Some(browser), GRAPHS), Some(Representation::Html));
/// assert_eq!(choose(Some("*/*"), GRAPHS), Some(Representation::Data(Format::Turtle)));
/// assert_eq!(choose(Some("image/png"), GRAPHS), None);
/// ```
pub fn choose<T: Copy>(accept: Option<&str>, offers: &[(&str, T)]) -> Option<T> {
    let ranges = match accept.map(str::trim) {
        None | Some("") => return offers.first().map(|(_, t)| *t),
        Some(accept) => parse(accept),
    };
    let mut best: Option<(u16, T)> = None;
    for (media, value) in offers {
        let q = ranges
            .iter()
            .filter_map(|r| r.matches(media).map(|s| (s, r.q)))
            .max_by_key(|(specificity, _)| *specificity)
            .map_or(0, |(_, q)| q);
        if q > 0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, *value));
        }
    }
    best.map(|(_, value)| value)
}

/// A representation named by a `format` (or `output`) parameter: one of
/// the media types offered, or a short name — `json`, `xml`, `csv`, `tsv`,
/// `turtle`, `ntriples`, `jsonld`, `rdfxml`, `html` and common variants;
/// among graph formats `json` and `xml` name JSON-LD and RDF/XML. `None`
/// for a name that does not fit the offers.
///
/// ```
/// use labourgraph::serve::negotiate::{named, Representation, GRAPHS, RESULTS};
/// use labourgraph::Format;
/// assert_eq!(named("json", RESULTS), Some(Representation::Data(Format::Json)));
/// assert_eq!(named("json", GRAPHS), Some(Representation::Data(Format::Jsonld)));
/// assert_eq!(named("rdf+xml", GRAPHS), Some(Representation::Data(Format::Rdfxml)));
/// assert_eq!(named("csv", GRAPHS), None);
/// ```
pub fn named(name: &str, offers: &[(&str, Representation)]) -> Option<Representation> {
    use Representation::{Data, Html};
    let name = name.trim().to_ascii_lowercase();
    if let Some((_, r)) = offers.iter().find(|(media, _)| *media == name) {
        return Some(*r);
    }
    let graphs = offers
        .iter()
        .any(|(_, r)| matches!(r, Data(f) if f.rdf().is_some()));
    let wanted = match name.as_str() {
        "html" => Html,
        "json" | "srj" if !graphs => Data(Format::Json),
        "xml" | "srx" if !graphs => Data(Format::Xml),
        "csv" => Data(Format::Csv),
        "tsv" => Data(Format::Tsv),
        "turtle" | "ttl" | "n3" => Data(Format::Turtle),
        "ntriples" | "n-triples" | "nt" => Data(Format::Ntriples),
        "jsonld" | "json-ld" | "json" => Data(Format::Jsonld),
        "rdfxml" | "rdf+xml" | "rdf" | "xml" => Data(Format::Rdfxml),
        _ => return None,
    };
    offers.iter().any(|(_, r)| *r == wanted).then_some(wanted)
}

/// The representation a file extension names (`.ttl`, `.jsonld`, `.nt`,
/// `.rdf`, `.html`).
pub fn from_extension(ext: &str) -> Option<Representation> {
    Some(match ext {
        "html" => Representation::Html,
        "ttl" => Representation::Data(Format::Turtle),
        "jsonld" => Representation::Data(Format::Jsonld),
        "nt" => Representation::Data(Format::Ntriples),
        "rdf" => Representation::Data(Format::Rdfxml),
        _ => return None,
    })
}

/// The media type to send for a format.
pub fn media_type(format: Format) -> &'static str {
    match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Tsv => "text/tab-separated-values; charset=utf-8",
        Format::Table => "text/plain; charset=utf-8",
        Format::Turtle => "text/turtle; charset=utf-8",
        Format::Ntriples => "application/n-triples",
        other => other
            .results()
            .map(|f| f.media_type())
            .or_else(|| other.rdf().map(|f| f.media_type()))
            .unwrap_or("application/octet-stream"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Representation::{Data, Html};

    #[test]
    fn quality_and_specificity() {
        assert_eq!(
            choose(
                Some("application/sparql-results+xml;q=0.9, */*;q=0.1"),
                RESULTS
            ),
            Some(Data(Format::Xml))
        );
        assert_eq!(choose(Some("text/*"), RESULTS), Some(Data(Format::Csv)));
        assert_eq!(choose(None, RESULTS), Some(Data(Format::Json)));
        assert_eq!(choose(Some(""), GRAPHS), Some(Data(Format::Turtle)));
        // A more specific range overrides a general one, even with q=0.
        assert_eq!(
            choose(Some("*/*, text/turtle;q=0"), GRAPHS),
            Some(Data(Format::Jsonld))
        );
        assert_eq!(
            choose(Some("application/ld+json;profile=\"x\""), GRAPHS),
            Some(Data(Format::Jsonld))
        );
        assert_eq!(choose(Some("TEXT/HTML"), GRAPHS), Some(Html));
        assert_eq!(choose(Some("image/*"), GRAPHS), None);
        assert_eq!(choose(Some("text/turtle;q=2"), GRAPHS), None);
        assert_eq!(choose(Some("garbage"), GRAPHS), None);
    }

    #[test]
    fn extensions() {
        assert_eq!(from_extension("ttl"), Some(Data(Format::Turtle)));
        assert_eq!(from_extension("exe"), None);
        assert_eq!(media_type(Format::Json), "application/sparql-results+json");
        assert_eq!(media_type(Format::Jsonld), "application/ld+json");
    }
}
