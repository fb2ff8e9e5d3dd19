//! The ontology's documentation page, `ontology/labourgraph.html`,
//! generated from the OWL file: every class, property and concept of the
//! `lg:` namespace with its label, comment, IRI, JSON-LD term, domain and
//! range, super- and sub-classes or properties, and the standard terms it
//! aligns with (`rdfs:subClassOf`, `rdfs:subPropertyOf`, `skos:closeMatch`,
//! `skos:exactMatch`, `owl:equivalentClass`…).
//!
//! The page is self-contained (inline style, no scripts, nothing loaded
//! from elsewhere) and every text and attribute is escaped with
//! `html-escape`.

use super::context::Context;
use crate::error::{Error, Result};
use crate::vocab::lg;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const QB: &str = "http://purl.org/linked-data/cube#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Properties that align a term with other vocabularies, with their captions.
const ALIGNMENTS: &[(&str, &str)] = &[
    (
        "http://www.w3.org/2004/02/skos/core#exactMatch",
        "exact match",
    ),
    (
        "http://www.w3.org/2004/02/skos/core#closeMatch",
        "close match",
    ),
    (
        "http://www.w3.org/2004/02/skos/core#broadMatch",
        "broad match",
    ),
    (
        "http://www.w3.org/2004/02/skos/core#narrowMatch",
        "narrow match",
    ),
    (
        "http://www.w3.org/2004/02/skos/core#relatedMatch",
        "related match",
    ),
    (
        "http://www.w3.org/2002/07/owl#equivalentClass",
        "equivalent class",
    ),
    (
        "http://www.w3.org/2002/07/owl#equivalentProperty",
        "equivalent property",
    ),
];

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\
code{font-family:ui-monospace,monospace;font-size:.9em}a{color:#0645ad}\
section.term{border-top:1px solid #ccc;padding-top:.5rem}\
dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}";

/// The statements of the ontology, by subject.
struct Onto {
    by_subject: BTreeMap<String, Vec<(String, Term)>>,
}

impl Onto {
    fn objects(&self, s: &str, p: &str) -> Vec<&Term> {
        self.by_subject
            .get(s)
            .into_iter()
            .flatten()
            .filter(|(pred, _)| pred == p)
            .map(|(_, o)| o)
            .collect()
    }

    fn iris(&self, s: &str, p: &str) -> BTreeSet<String> {
        self.objects(s, p)
            .into_iter()
            .filter_map(|o| match o {
                Term::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
            .collect()
    }

    fn literal(&self, s: &str, p: &str) -> String {
        let mut values: Vec<String> = self
            .objects(s, p)
            .into_iter()
            .filter_map(|o| match o {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .collect();
        values.sort();
        values.join(" / ")
    }

    /// Subjects `?s` with `?s p o`.
    fn subjects_with(&self, p: &str, o: &str) -> BTreeSet<String> {
        self.by_subject
            .iter()
            .filter(|(_, stmts)| {
                stmts.iter().any(|(pred, obj)| {
                    pred == p && matches!(obj, Term::NamedNode(n) if n.as_str() == o)
                })
            })
            .map(|(s, _)| s.clone())
            .collect()
    }

    fn of_type(&self, class: &str) -> BTreeSet<String> {
        self.subjects_with(RDF_TYPE, class)
            .into_iter()
            .filter(|s| s.starts_with(lg::NS))
            .collect()
    }
}

/// Renders the documentation page of an ontology in Turtle.
///
/// ```
/// let context = labourgraph::publish::context::Context::new()?;
/// let html = labourgraph::publish::ontology_doc::render(labourgraph::ontology::ONTOLOGY_TTL, &context)?;
/// assert!(html.contains(r#"<section class="term" id="Meeting">"#));
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn render(ttl: &str, context: &Context) -> Result<String> {
    let mut by_subject: BTreeMap<String, Vec<(String, Term)>> = BTreeMap::new();
    for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(ttl) {
        let t = t.map_err(|e| Error::RdfSyntax {
            origin: "the ontology".into(),
            source: e.into(),
        })?;
        if let NamedOrBlankNode::NamedNode(s) = &t.subject {
            by_subject
                .entry(s.as_str().to_owned())
                .or_default()
                .push((t.predicate.as_str().to_owned(), t.object));
        }
    }
    let onto = Onto { by_subject };
    let page = Page {
        onto: &onto,
        context,
    };
    Ok(page.render())
}

struct Page<'a> {
    onto: &'a Onto,
    context: &'a Context,
}

impl Page<'_> {
    fn render(&self) -> String {
        let o = self.onto;
        let iri = crate::ontology::ONTOLOGY_IRI;
        let title = match o.literal(iri, "http://purl.org/dc/terms/title") {
            t if t.is_empty() => "labourgraph ontology".to_owned(),
            t => t,
        };
        let sections = [
            ("classes", "Classes", o.of_type(&format!("{OWL}Class"))),
            (
                "object-properties",
                "Object properties",
                o.of_type(&format!("{OWL}ObjectProperty")),
            ),
            (
                "datatype-properties",
                "Datatype properties",
                o.of_type(&format!("{OWL}DatatypeProperty")),
            ),
            (
                "concept-schemes",
                "Concept schemes",
                o.of_type(&format!("{SKOS}ConceptScheme")),
            ),
            ("concepts", "Concepts", o.of_type(&format!("{SKOS}Concept"))),
            (
                "data-structures",
                "Data structures (RDF Data Cube)",
                o.of_type(&format!("{QB}DataStructureDefinition")),
            ),
            (
                "components",
                "Data structure components",
                o.of_type(&format!("{QB}ComponentSpecification")),
            ),
        ];
        // Whatever else the ontology defines, so that every lg: term is on the page.
        let listed: BTreeSet<&String> = sections.iter().flat_map(|(_, _, terms)| terms).collect();
        let others: BTreeSet<String> = o
            .by_subject
            .keys()
            .filter(|s| s.starts_with(lg::NS) && !listed.contains(s))
            .cloned()
            .collect();
        let mut sections = sections.to_vec();
        if !others.is_empty() {
            sections.push(("other-terms", "Other terms", others));
        }
        let mut h = String::new();
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
            text(&title),
            text(&title)
        );
        let _ = writeln!(
            h,
            "<p>{}</p>",
            text(&o.literal(iri, &format!("{RDFS}comment")))
        );
        let _ = writeln!(
            h,
            "<dl>\n<dt>IRI</dt><dd><code>{}</code></dd>\n<dt>Namespace</dt><dd><code>{}</code> (prefix <code>lg:</code>)</dd>\n<dt>Version</dt><dd>{}</dd>\n<dt>Licence</dt><dd>{}</dd>\n<dt>JSON-LD context</dt><dd><a href=\"context.jsonld\"><code>context.jsonld</code></a> (<a href=\"#context\">terms</a>)</dd>\n</dl>",
            text(iri),
            text(lg::NS),
            text(&o.literal(iri, &format!("{OWL}versionInfo"))),
            self.links(&o.iris(iri, "http://purl.org/dc/terms/license")),
        );
        h.push_str("<nav>\n<h2>Contents</h2>\n");
        for (id, caption, terms) in &sections {
            let _ = write!(h, "<h3><a href=\"#{id}\">{caption}</a></h3>\n<p>");
            let items: Vec<String> = terms.iter().map(|t| self.link(t)).collect();
            h.push_str(&items.join(", "));
            h.push_str("</p>\n");
        }
        h.push_str("<h3><a href=\"#context\">JSON-LD terms</a></h3>\n</nav>\n");
        for (id, caption, terms) in &sections {
            let _ = writeln!(h, "<h2 id=\"{id}\">{caption}</h2>");
            for t in terms {
                self.term(&mut h, t);
            }
        }
        self.context_table(&mut h);
        h.push_str("</body>\n</html>\n");
        h
    }

    /// A link to a term: within the page for `lg:` terms, else to its IRI.
    fn link(&self, iri: &str) -> String {
        if let Some(local) = iri.strip_prefix(lg::NS) {
            return format!(
                "<a href=\"#{}\"><code>lg:{}</code></a>",
                attr(local),
                text(local)
            );
        }
        let shown = self.context.curie(iri).unwrap_or_else(|| iri.to_owned());
        format!(
            "<a href=\"{}\"><code>{}</code></a>",
            attr(iri),
            text(&shown)
        )
    }

    fn links(&self, iris: &BTreeSet<String>) -> String {
        iris.iter()
            .map(|i| self.link(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn term(&self, h: &mut String, iri: &str) {
        let o = self.onto;
        let local = &iri[lg::NS.len()..];
        let label = o.literal(iri, &format!("{RDFS}label"));
        let _ = write!(
            h,
            "<section class=\"term\" id=\"{}\">\n<h3>{} <code>lg:{}</code></h3>\n<p>{}</p>\n<dl>\n",
            attr(local),
            text(&label),
            text(local),
            text(&o.literal(iri, &format!("{RDFS}comment")))
        );
        let mut row = |caption: &str, value: String| {
            if !value.is_empty() {
                let _ = writeln!(h, "<dt>{caption}</dt><dd>{value}</dd>");
            }
        };
        row("IRI", format!("<code>{}</code>", text(iri)));
        if let Some(t) = self.context.term(iri) {
            row("JSON-LD term", format!("<code>{}</code>", text(&t.term)));
        }
        let types: BTreeSet<String> = o.iris(iri, RDF_TYPE);
        row("Type", self.links(&types));
        row(
            "Subclass of",
            self.links(&o.iris(iri, &format!("{RDFS}subClassOf"))),
        );
        row(
            "Subclasses",
            self.links(&o.subjects_with(&format!("{RDFS}subClassOf"), iri)),
        );
        row(
            "Subproperty of",
            self.links(&o.iris(iri, &format!("{RDFS}subPropertyOf"))),
        );
        row("Domain", self.links(&o.iris(iri, &format!("{RDFS}domain"))));
        row("Range", self.links(&o.iris(iri, &format!("{RDFS}range"))));
        row(
            "Properties with this domain",
            self.links(&o.subjects_with(&format!("{RDFS}domain"), iri)),
        );
        row(
            "Properties with this range",
            self.links(&o.subjects_with(&format!("{RDFS}range"), iri)),
        );
        row(
            "In scheme",
            self.links(&o.iris(iri, &format!("{SKOS}inScheme"))),
        );
        row(
            "Concepts",
            self.links(&o.subjects_with(&format!("{SKOS}inScheme"), iri)),
        );
        for (p, caption) in ALIGNMENTS {
            row(
                &format!("Aligned with ({caption})"),
                self.links(&o.iris(iri, p)),
            );
        }
        h.push_str("</dl>\n</section>\n");
    }

    /// The context's terms, so that the JSON-LD dump can be read without RDF.
    fn context_table(&self, h: &mut String) {
        h.push_str("<h2 id=\"context\">JSON-LD terms</h2>\n<p>The terms of <a href=\"context.jsonld\"><code>context.jsonld</code></a>. Values of <em>link</em> properties are node ids (relative to the dataset's base IRI), of <em>vocabulary</em> properties term names, of <em>string</em> properties plain strings, of <em>text</em> properties strings in the document's language (or <code>{\"@value\", \"@language\"}</code>), numbers or <code>{\"@value\", \"@type\"}</code>; <em>array</em> properties always hold a JSON array.</p>\n<table>\n<tr><th>term</th><th>IRI</th><th>values</th></tr>\n");
        for t in self.context.terms() {
            let values = match t.kind {
                super::context::Kind::Node => "class or individual".to_owned(),
                super::context::Kind::Property(c, set) => {
                    let c = match c {
                        super::context::Coercion::Id => "link",
                        super::context::Coercion::Vocab => "vocabulary",
                        super::context::Coercion::Text => "text",
                        super::context::Coercion::Str => "string",
                    };
                    if set {
                        format!("{c}, array")
                    } else {
                        c.to_owned()
                    }
                }
            };
            let _ = writeln!(
                h,
                "<tr><td><code>{}</code></td><td>{}</td><td>{values}</td></tr>",
                text(&t.term),
                self.link(&t.iri)
            );
        }
        h.push_str("</table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let ttl = r#"@prefix lg: <https://example.org/labourgraph/ontology#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            lg:Odd a owl:Class ; rdfs:label "A <b> & \"c\""@en ; rdfs:comment "x < y"@en ;
                rdfs:subClassOf <http://example.com/a?b=1&c='2'> ."#;
        let html = render(ttl, &Context::new().unwrap()).unwrap();
        assert!(
            html.contains("A &lt;b&gt; &amp; \"c\" <code>lg:Odd</code>"),
            "{html}"
        );
        assert!(html.contains("<p>x &lt; y</p>"));
        assert!(html.contains("href=\"http://example.com/a?b=1&amp;c='2'\""));
        assert!(!html.contains("<script") && !html.contains("<link"));
    }

    #[test]
    fn every_term_is_documented() {
        let html = render(crate::ontology::ONTOLOGY_TTL, &Context::new().unwrap()).unwrap();
        let subjects: BTreeSet<String> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(crate::ontology::ONTOLOGY_TTL)
            .filter_map(|t| match t.unwrap().subject {
                NamedOrBlankNode::NamedNode(n) => {
                    n.as_str().strip_prefix(lg::NS).map(str::to_owned)
                }
                _ => None,
            })
            .filter(|local| !local.is_empty())
            .collect();
        assert!(subjects.len() > 100);
        for local in &subjects {
            assert!(
                html.contains(&format!("<section class=\"term\" id=\"{local}\">")),
                "{local}"
            );
        }
        assert!(html.contains("Aligned with (close match)"));
        assert!(html.contains("<code>schema:WorkersUnion</code>"));
    }
}
