//! Linked identifiers: the external namespaces a record's `same_as` may
//! point into, and the check that a link is a well-formed IRI of one of them.
//!
//! `same_as` links are the join points with other datasets, so a link that
//! is not the entity IRI of a known namespace — a Wikidata *page*
//! (`https://www.wikidata.org/wiki/Q232`) instead of its entity
//! (`http://www.wikidata.org/entity/Q232`), a GeoNames IRI without its
//! trailing slash — silently joins nothing. [`check`] names the namespace of
//! a link or says what is wrong with it (and what was probably meant);
//! validation reports it as an `invalid-link` problem.

/// A namespace `same_as` links may point into.
#[derive(Debug, Clone, Copy)]
pub struct Namespace {
    /// Human-readable name, e.g. `Wikidata`.
    pub name: &'static str,
    /// The IRI prefix of its entities.
    pub prefix: &'static str,
    /// The form of a well-formed IRI, for messages.
    pub form: &'static str,
    /// Whether the rest of the IRI after `prefix` is a well-formed id.
    valid: fn(&str) -> bool,
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The known namespaces.
pub const NAMESPACES: &[Namespace] = &[
    Namespace {
        name: "Wikidata",
        prefix: "http://www.wikidata.org/entity/",
        form: "http://www.wikidata.org/entity/Q…",
        valid: |id| {
            id.strip_prefix('Q')
                .is_some_and(|n| digits(n) && !n.starts_with('0'))
        },
    },
    Namespace {
        name: "GeoNames",
        prefix: "http://sws.geonames.org/",
        form: "http://sws.geonames.org/{id}/",
        valid: |id| id.strip_suffix('/').is_some_and(digits),
    },
    Namespace {
        name: "ISO 3166",
        prefix: "https://www.iso.org/obp/ui/#iso:code:3166:",
        form: "https://www.iso.org/obp/ui/#iso:code:3166:{alpha-2 code}",
        valid: |code| code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
    },
    Namespace {
        name: "ROR",
        prefix: "https://ror.org/",
        form: "https://ror.org/0{6 letters or digits}{2 digits}",
        valid: |id| {
            let b = id.as_bytes();
            b.len() == 9
                && b[0] == b'0'
                && b[1..7]
                    .iter()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
                && b[7..].iter().all(u8::is_ascii_digit)
        },
    },
    Namespace {
        name: "VIAF",
        prefix: "http://viaf.org/viaf/",
        form: "http://viaf.org/viaf/{digits}",
        valid: digits,
    },
    Namespace {
        name: "ISNI",
        prefix: "https://isni.org/isni/",
        form: "https://isni.org/isni/{16 digits, the last may be X}",
        valid: |id| {
            id.len() == 16
                && id[..15].bytes().all(|b| b.is_ascii_digit())
                && id[15..].bytes().all(|b| b.is_ascii_digit() || b == b'X')
        },
    },
];

/// Names the known namespace of a well-formed link, or says what is wrong
/// with it — with the IRI that was probably meant when it can tell.
///
/// ```
/// use labourgraph::links::check;
/// assert_eq!(check("http://www.wikidata.org/entity/Q232").unwrap().name, "Wikidata");
/// let err = check("https://www.wikidata.org/wiki/Q232").unwrap_err();
/// assert!(err.contains("http://www.wikidata.org/entity/Q232"), "{err}");
/// assert!(check("https://example.com/x").is_err());
/// ```
pub fn check(iri: &str) -> Result<&'static Namespace, String> {
    for ns in NAMESPACES {
        if let Some(rest) = iri.strip_prefix(ns.prefix) {
            return if (ns.valid)(rest) {
                Ok(ns)
            } else {
                Err(format!(
                    "`{iri}` is not a well-formed {} IRI: expected {}",
                    ns.name, ns.form
                ))
            };
        }
    }
    if let Some(meant) = probably_meant(iri) {
        return Err(format!(
            "`{iri}` is a web page or variant, not the entity IRI: use `{meant}`"
        ));
    }
    let known: Vec<&str> = NAMESPACES.iter().map(|n| n.name).collect();
    Err(format!(
        "`{iri}` is not in a known namespace ({}): link to the entity IRI of one of them",
        known.join(", ")
    ))
}

/// The entity IRI for common variants: Wikidata pages and `https` entity
/// IRIs, GeoNames pages and IRIs without their trailing slash.
fn probably_meant(iri: &str) -> Option<String> {
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let first = path.split(['/', '#', '?']).next().unwrap_or_default();
    let second = path.split('/').nth(1).unwrap_or_default();
    match host {
        "www.wikidata.org" | "wikidata.org" | "m.wikidata.org" => {
            let id = if matches!(first, "wiki" | "entity") {
                second.split(['#', '?']).next().unwrap_or_default()
            } else {
                first
            };
            let id = id.strip_prefix("Special:EntityData/").unwrap_or(id);
            let id = id.split('.').next().unwrap_or_default();
            (id.strip_prefix('Q').is_some_and(digits))
                .then(|| format!("http://www.wikidata.org/entity/{id}"))
        }
        "www.geonames.org" | "geonames.org" | "sws.geonames.org" => {
            digits(first).then(|| format!("http://sws.geonames.org/{first}/"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_namespaces() {
        for ok in [
            "http://www.wikidata.org/entity/Q232",
            "http://sws.geonames.org/1522867/",
            "https://www.iso.org/obp/ui/#iso:code:3166:KZ",
            "https://ror.org/05f0yaq80",
            "http://viaf.org/viaf/123456",
            "https://isni.org/isni/000000012146438X",
        ] {
            assert!(check(ok).is_ok(), "{ok}: {:?}", check(ok));
        }
    }

    #[test]
    fn malformed_links_name_what_was_meant() {
        let cases = [
            (
                "https://www.wikidata.org/wiki/Q232",
                "http://www.wikidata.org/entity/Q232",
            ),
            (
                "https://www.wikidata.org/entity/Q17",
                "http://www.wikidata.org/entity/Q17",
            ),
            (
                "https://www.geonames.org/1522867/kazakhstan.html",
                "http://sws.geonames.org/1522867/",
            ),
            ("http://sws.geonames.org/1522867", "expected"),
            ("http://www.wikidata.org/entity/232", "expected"),
            ("http://www.wikidata.org/entity/Q0232", "expected"),
            ("https://www.iso.org/obp/ui/#iso:code:3166:KAZ", "alpha-2"),
        ];
        for (iri, hint) in cases {
            let err = check(iri).expect_err(iri);
            assert!(err.contains(hint), "{iri}: {err}");
        }
        let err = check("https://example.com/fturk").unwrap_err();
        assert!(err.contains("not in a known namespace"), "{err}");
    }
}
