//! The compacted JSON-LD dump: a deterministic serialiser that writes the
//! dataset as node objects using the terms of the published context
//! ([`super::context`]), so that a web developer reads plain JSON:
//!
//! ```json
//! {
//!   "@context": ["ontology/context.jsonld", {"@base": "https://example.org/labourgraph/", "@language": "en"}],
//!   "@graph": [
//!     {
//!       "id": "graph/japan-trip",
//!       "@graph": [
//!         {
//!           "id": "person/tomoko-yoshino",
//!           "type": ["Person"],
//!           "label": "Tomoko Yoshino",
//!           …
//! ```
//!
//! There is one top-level object per named graph, sorted by IRI, and in it
//! one node object per subject, sorted by IRI: `id`, `type`, then one
//! property per line, sorted by term. IRIs under the dataset's base are
//! written relative to it (`"@base"` in the document's local context),
//! text in the dataset's language as plain strings (`"@language"`),
//! integers as JSON numbers, other typed values as `{"@value", "@type"}`.
//! Each value's form is chosen from its term's definition so that
//! expansion gives back exactly the same RDF; [`check`] proves it with
//! Oxigraph's JSON-LD parser on every release.

use super::context::{Coercion, Context, Kind};
use crate::error::{Error, Result};
use crate::vocab::{rdf, xsd};
use oxigraph::io::{JsonLdProfile, LoadedDocument, RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedOrBlankNode, Quad, Term};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;

/// Where the dump refers to the context: relative to the dump itself.
pub const CONTEXT_REF: &str = "ontology/context.jsonld";

/// Writes `quads` as compacted JSON-LD.
///
/// ```
/// use labourgraph::publish::{context::Context, jsonld};
/// use oxigraph::model::*;
/// let base = "https://example.org/lg/";
/// let quad = Quad::new(
///     NamedNode::new(format!("{base}person/a"))?,
///     NamedNode::new("http://schema.org/name")?,
///     Literal::new_language_tagged_literal("A", "en")?,
///     NamedNode::new(format!("{base}graph/g"))?,
/// );
/// let mut out = Vec::new();
/// jsonld::write(&[quad], &Context::new()?, base, "en", &mut out)?;
/// assert!(String::from_utf8(out)?.contains(r#""id": "person/a","#));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn write(
    quads: &[Quad],
    context: &Context,
    base: &str,
    language: &str,
    out: &mut dyn Write,
) -> Result<()> {
    // Oxigraph keeps language tags in lower case.
    let language = language.to_ascii_lowercase();
    let language = language.as_str();
    let c = Compactor {
        context,
        base: relative_base(base),
        language,
    };
    let mut graphs: BTreeMap<String, BTreeMap<String, Vec<&Quad>>> = BTreeMap::new();
    for q in quads {
        let graph = match &q.graph_name {
            GraphName::NamedNode(g) => g.as_str().to_owned(),
            GraphName::BlankNode(b) => format!("_:{}", b.as_str()),
            GraphName::DefaultGraph => String::new(),
        };
        graphs
            .entry(graph)
            .or_default()
            .entry(match &q.subject {
                // by IRI, so that a node comes before the nodes below it
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
            })
            .or_default()
            .push(q);
    }
    let mut local = serde_json::Map::new();
    if let Some(b) = c.base {
        local.insert("@base".into(), b.into());
    }
    local.insert("@language".into(), language.into());
    let w = |text: &str, out: &mut dyn Write| out.write_all(text.as_bytes()).map_err(Error::Output);
    w(
        &format!(
            "{{\n  \"@context\": [{}, {}],\n  \"@graph\": [",
            json!(CONTEXT_REF),
            Value::Object(local)
        ),
        out,
    )?;
    let mut first_graph = true;
    for (graph, subjects) in &graphs {
        // Statements in the default graph (none in a labourgraph dataset)
        // are top-level node objects; each named graph is an object with
        // its id and a "@graph" of node objects.
        let (indent, open, close) = if graph.is_empty() {
            ("    ", String::new(), String::new())
        } else {
            let id = json!(c.id(graph));
            (
                "        ",
                format!("\n    {{\n      \"id\": {id},\n      \"@graph\": ["),
                "\n      ]\n    }".to_owned(),
            )
        };
        w(if first_graph { "" } else { "," }, out)?;
        first_graph = false;
        w(&open, out)?;
        let mut first = true;
        for quads in subjects.values() {
            w(if first { "\n" } else { ",\n" }, out)?;
            first = false;
            w(&c.node(quads, indent)?, out)?;
        }
        w(&close, out)?;
    }
    w("\n  ]\n}\n", out)
}

/// The base IRI if IRIs may be written relative to it: it must end with
/// `/` and have no query or fragment.
fn relative_base(base: &str) -> Option<&str> {
    (base.ends_with('/') && !base.contains(['?', '#'])).then_some(base)
}

struct Compactor<'a> {
    context: &'a Context,
    base: Option<&'a str>,
    language: &'a str,
}

impl Compactor<'_> {
    /// A node's IRI: relative to the base where that resolves back to the
    /// same IRI (no scheme-like first segment, no dot segments, no query
    /// or fragment), absolute otherwise.
    fn id(&self, iri: &str) -> String {
        if let Some(rest) = self.base.and_then(|b| iri.strip_prefix(b)) {
            let simple = !rest.is_empty()
                && !rest.starts_with('/')
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~/".contains(&b))
                && rest.split('/').all(|seg| seg != "." && seg != "..");
            if simple {
                return rest.to_owned();
            }
        }
        iri.to_owned()
    }

    /// A vocabulary IRI (a class, a property value of a `@vocab` term, a
    /// datatype): its term, else a compact IRI, else the IRI.
    fn vocab(&self, iri: &str) -> String {
        // Vocabulary-relative expansion maps any term to its IRI, whatever
        // the term's own definition says about its values.
        if let Some(t) = self.context.term(iri) {
            return t.term.clone();
        }
        self.context.curie(iri).unwrap_or_else(|| iri.to_owned())
    }

    /// A property's key: its term, else a compact IRI, else the IRI.
    fn key(&self, iri: &str) -> String {
        match self.context.term(iri) {
            Some(t) if matches!(t.kind, Kind::Property(..)) => t.term.clone(),
            _ => self.context.curie(iri).unwrap_or_else(|| iri.to_owned()),
        }
    }

    fn node(&self, quads: &[&Quad], indent: &str) -> Result<String> {
        let subject = match &quads[0].subject {
            NamedOrBlankNode::NamedNode(n) => self.id(n.as_str()),
            NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        };
        let mut types = Vec::new();
        let mut props: BTreeMap<String, (Option<Kind>, Vec<Term>)> = BTreeMap::new();
        for q in quads {
            match (&q.object, q.predicate.as_ref() == rdf::TYPE) {
                (Term::NamedNode(class), true) => types.push(self.vocab(class.as_str())),
                _ => {
                    let kind = self.context.term(q.predicate.as_str()).map(|t| t.kind);
                    props
                        .entry(self.key(q.predicate.as_str()))
                        .or_insert_with(|| (kind, Vec::new()))
                        .1
                        .push(q.object.clone());
                }
            }
        }
        let mut lines = vec![format!("\"id\": {}", json!(subject))];
        if !types.is_empty() {
            types.sort();
            types.dedup();
            lines.push(format!("\"type\": {}", json!(types)));
        }
        for (key, (kind, mut objects)) in props {
            objects.sort_by_cached_key(ToString::to_string);
            objects.dedup();
            let (coercion, is_set) = match kind {
                Some(Kind::Property(c, s)) => (Some(c), s),
                _ => (None, false),
            };
            let mut values: Vec<Value> = objects.iter().map(|o| self.value(o, coercion)).collect();
            let value = if values.len() == 1 && !is_set {
                values.remove(0)
            } else {
                Value::Array(values)
            };
            lines.push(format!("{}: {value}", json!(key)));
        }
        let inner = format!("{indent}  ");
        Ok(format!(
            "{indent}{{\n{inner}{}\n{indent}}}",
            lines.join(&format!(",\n{inner}"))
        ))
    }

    /// One value in the form its term's coercion expands back to `term`.
    fn value(&self, term: &Term, coercion: Option<Coercion>) -> Value {
        match term {
            Term::NamedNode(n) => match coercion {
                Some(Coercion::Id) => json!(self.id(n.as_str())),
                Some(Coercion::Vocab) => json!(self.vocab(n.as_str())),
                _ => json!({"id": self.id(n.as_str())}),
            },
            Term::BlankNode(b) => match coercion {
                Some(Coercion::Id) => json!(format!("_:{}", b.as_str())),
                _ => json!({"id": format!("_:{}", b.as_str())}),
            },
            Term::Literal(l) => self.literal(l, coercion),
            #[allow(unreachable_patterns)]
            other => json!({"@value": other.to_string()}),
        }
    }

    fn literal(&self, l: &Literal, coercion: Option<Coercion>) -> Value {
        let plain = matches!(coercion, Some(Coercion::Text) | None);
        if let Some(lang) = l.language() {
            if plain && lang == self.language {
                return json!(l.value());
            }
            return json!({"@value": l.value(), "@language": lang});
        }
        let datatype = l.datatype();
        if datatype == xsd::STRING {
            return if coercion == Some(Coercion::Str) {
                json!(l.value())
            } else {
                json!({"@value": l.value()})
            };
        }
        if plain && datatype == xsd::INTEGER && is_canonical_integer(l.value()) {
            if let Ok(n) = l.value().parse::<i64>() {
                return json!(n);
            }
        }
        json!({"@value": l.value(), "@type": self.vocab(datatype.as_str())})
    }
}

/// Whether an `xsd:integer` lexical form is the one a JSON number expands
/// to (no sign or leading zeros, within the doubles' exact range).
fn is_canonical_integer(lexical: &str) -> bool {
    let digits = lexical.strip_prefix('-').unwrap_or(lexical);
    !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && lexical != "-0"
}

/// Parses the JSON-LD dump back with Oxigraph's JSON-LD parser, the context
/// loaded from `context_json`, and checks that it gives exactly `quads`.
pub fn check(jsonld: &[u8], context_json: &str, quads: &[Quad]) -> Result<()> {
    const DOC: &str = "https://release.invalid/labourgraph.jsonld";
    let context_url = format!("https://release.invalid/{CONTEXT_REF}");
    let context_bytes = context_json.as_bytes().to_vec();
    let parsed: HashSet<Quad> = RdfParser::from_format(RdfFormat::JsonLd {
        profile: Default::default(),
    })
    .with_base_iri(DOC)
    .map_err(|e| Error::Publish(e.to_string()))?
    .for_reader(jsonld)
    .with_document_loader(move |url| {
        if url != context_url {
            return Err(format!("unexpected remote document {url}").into());
        }
        Ok(LoadedDocument {
            url: url.to_owned(),
            content: context_bytes.clone(),
            format: RdfFormat::JsonLd {
                profile: JsonLdProfile::Context.into(),
            },
        })
    })
    .collect::<Result<_, _>>()
    .map_err(|e| Error::RdfSyntax {
        origin: "the JSON-LD dump".into(),
        source: e,
    })?;
    let expected: HashSet<Quad> = quads.iter().cloned().collect();
    if parsed == expected {
        return Ok(());
    }
    let mut missing: Vec<String> = expected
        .difference(&parsed)
        .map(|q| q.to_string())
        .collect();
    let mut extra: Vec<String> = parsed
        .difference(&expected)
        .map(|q| q.to_string())
        .collect();
    missing.sort();
    extra.sort();
    Err(Error::Publish(format!(
        "the JSON-LD dump does not expand to the dataset: {} statements missing (first: {}), {} extra (first: {})",
        missing.len(),
        missing.first().map_or("none", String::as_str),
        extra.len(),
        extra.first().map_or("none", String::as_str),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{NamedNode, NamedNodeRef};

    const BASE: &str = "https://example.org/lg/";

    fn n(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    fn quad(s: &str, p: &str, o: impl Into<Term>) -> Quad {
        Quad::new(
            n(&format!("{BASE}{s}")),
            n(p),
            o,
            n(&format!("{BASE}graph/g")),
        )
    }

    fn sample() -> Vec<Quad> {
        let schema = |l: &str| format!("http://schema.org/{l}");
        let lg = |l: &str| format!("{}{l}", crate::vocab::lg::NS);
        vec![
            quad("event/e", rdf::TYPE.as_str(), n(&schema("Event"))),
            quad("event/e", rdf::TYPE.as_str(), n(&lg("Meeting"))),
            quad(
                "event/e",
                &schema("attendee"),
                n(&format!("{BASE}person/a")),
            ),
            quad(
                "event/e",
                &schema("name"),
                Literal::new_language_tagged_literal("Talks", "en").unwrap(),
            ),
            quad(
                "event/e",
                &schema("name"),
                Literal::new_language_tagged_literal("Переговоры", "ru").unwrap(),
            ),
            quad(
                "event/e",
                &schema("startDate"),
                Literal::new_typed_literal("2022", xsd::G_YEAR),
            ),
            quad("event/e", &lg("status"), n(&lg("Completed"))),
            quad(
                "event/e",
                &schema("sameAs"),
                n("http://www.wikidata.org/entity/Q1"),
            ),
            quad(
                "figure/f",
                &schema("value"),
                Literal::new_typed_literal("-2", xsd::INTEGER),
            ),
            quad(
                "figure/f",
                &schema("minValue"),
                Literal::new_typed_literal("0.7", xsd::DECIMAL),
            ),
            quad(
                "figure/f",
                "http://www.w3.org/ns/oa#exact",
                Literal::new_simple_literal("a \"quote\""),
            ),
            quad(
                "figure/f",
                &schema("url"),
                Literal::new_simple_literal("not an IRI"),
            ),
            quad(
                "figure/f",
                "http://example.com/unknown#p",
                n(&format!("{BASE}x:y")),
            ),
        ]
    }

    #[test]
    fn layout_is_stable() {
        let mut out = Vec::new();
        write(&sample(), &Context::new().unwrap(), BASE, "en", &mut out).unwrap();
        let expected = r#"{
  "@context": ["ontology/context.jsonld", {"@base":"https://example.org/lg/","@language":"en"}],
  "@graph": [
    {
      "id": "graph/g",
      "@graph": [
        {
          "id": "event/e",
          "type": ["Event","Meeting"],
          "attendee": ["person/a"],
          "name": ["Talks",{"@language":"ru","@value":"Переговоры"}],
          "sameAs": ["http://www.wikidata.org/entity/Q1"],
          "startDate": {"@type":"xsd:gYear","@value":"2022"},
          "status": "Completed"
        },
        {
          "id": "figure/f",
          "exact": "a \"quote\"",
          "http://example.com/unknown#p": {"id":"https://example.org/lg/x:y"},
          "minValue": {"@type":"xsd:decimal","@value":"0.7"},
          "url": {"@value":"not an IRI"},
          "value": -2
        }
      ]
    }
  ]
}
"#;
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn expands_back_to_the_same_quads() {
        let context = Context::new().unwrap();
        let quads = sample();
        let mut out = Vec::new();
        write(&quads, &context, BASE, "en", &mut out).unwrap();
        check(&out, &context.to_json(), &quads).unwrap();
        // and a broken dump is caught
        let broken = String::from_utf8(out)
            .unwrap()
            .replace("\"value\": -2", "\"value\": 2");
        assert!(check(broken.as_bytes(), &context.to_json(), &quads).is_err());
    }

    #[test]
    fn ids_are_relative_only_when_that_is_safe() {
        let c = Context::new().unwrap();
        let k = Compactor {
            context: &c,
            base: relative_base(BASE),
            language: "en",
        };
        assert_eq!(k.id(&format!("{BASE}person/a")), "person/a");
        for odd in ["x:y", "a/../b", "", "/x", "a?b", "a#b", "a b"] {
            assert_eq!(k.id(&format!("{BASE}{odd}")), format!("{BASE}{odd}"));
        }
        assert!(relative_base("https://example.org/lg#").is_none());
        assert_eq!(
            k.vocab(NamedNodeRef::new_unchecked("http://schema.org/Person").as_str()),
            "Person"
        );
        assert!(
            is_canonical_integer("200000000")
                && is_canonical_integer("-2")
                && is_canonical_integer("0")
        );
        assert!(
            !is_canonical_integer("007")
                && !is_canonical_integer("+1")
                && !is_canonical_integer("-0")
        );
    }
}
