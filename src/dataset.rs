//! Dataset metadata (`data/dataset.json`): title, description, base IRI,
//! licence, publisher, version, release date and default language.
//!
//! The base IRI decides every IRI the mapping mints (`{base}{kind}/{id}`);
//! the release date (`issued`) is the only date the build writes into the
//! graph, so two builds of the same data are identical.

use serde::Deserialize;

/// The metadata file's name, at the root of the data directory.
pub const DATASET_FILE: &str = "dataset.json";

/// Contents of `data/dataset.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetMeta {
    pub title: String,
    pub description: String,
    /// Base IRI of all minted IRIs; ends with `/` or `#`.
    pub base: String,
    /// IRI of the licence of the curated data.
    pub license: String,
    /// Name of the publisher of the dataset.
    pub publisher: String,
    /// Version of this release, e.g. `0.1.0`.
    pub version: String,
    /// Release date (`YYYY-MM-DD`); used instead of the clock.
    pub issued: String,
    /// Language of names given as plain strings (BCP 47), e.g. `en`.
    pub language: String,
    /// Title of the SKOS scheme of topics.
    pub topic_scheme: String,
    /// Free keywords for the dataset description.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// External data loaded into graphs of their own (RDF files, ILOSTAT
    /// tables under `imports/`); written by `labourgraph import`.
    #[serde(default)]
    pub imports: Vec<crate::import::ImportEntry>,
}

impl DatasetMeta {
    /// Reads the metadata file of a data directory; `None` if it is missing
    /// or invalid (validation then reports why).
    pub fn read(data_dir: &std::path::Path) -> Option<Self> {
        let text = std::fs::read_to_string(data_dir.join(DATASET_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }
}

/// Names of the fixed graphs (`{base}graph/{name}`), which no source id may
/// take, since a source's statements go into `{base}graph/{source-id}`.
pub const RESERVED_GRAPH_NAMES: &[&str] = &["metadata", "curation", "ontology", "void", "import"];

/// IRI helpers derived from the base IRI.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Iris {
    /// Wraps a base IRI (already validated).
    pub fn new(base: impl Into<String>) -> Self {
        Self { base: base.into() }
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `{base}{kind}/{id}`.
    pub fn entity(&self, kind: &str, id: &str) -> String {
        format!("{}{kind}/{id}", self.base)
    }

    /// `{base}graph/{name}`: a source graph (`name` = source id) or one of
    /// the fixed graphs.
    pub fn graph(&self, name: &str) -> String {
        format!("{}graph/{name}", self.base)
    }

    /// The graph holding the dataset description, source descriptions,
    /// roles and the topic scheme.
    pub fn metadata_graph(&self) -> String {
        self.graph("metadata")
    }

    /// The graph holding curation decisions, date inferences and external links.
    pub fn curation_graph(&self) -> String {
        self.graph("curation")
    }

    /// The graph holding the ontology.
    pub fn ontology_graph(&self) -> String {
        self.graph("ontology")
    }

    /// The dataset itself.
    pub fn dataset(&self) -> String {
        format!("{}dataset", self.base)
    }

    /// The SKOS scheme of topics.
    pub fn topic_scheme(&self) -> String {
        format!("{}topic/scheme", self.base)
    }

    /// An `org:Role`.
    pub fn role(&self, slug: &str) -> String {
        format!("{}role/{slug}", self.base)
    }

    /// Per-kind prefixes (`organisation:` → `{base}organisation/`…) for readable dumps.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        crate::records::RecordKind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(["graph", "role"])
            .map(|k| (k.to_owned(), format!("{}{k}/", self.base)))
            .collect()
    }
}

/// Turns free text into a slug: lower-case ASCII letters and digits separated
/// by single hyphens (`"Vice-President"` → `vice-president`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `id` is a valid slug: non-empty, lower-case ASCII letters and
/// digits in groups separated by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Vice-President"), "vice-president");
        assert_eq!(
            slugify("  Director of the  Department "),
            "director-of-the-department"
        );
        assert!(is_slug("fturk"));
        assert!(is_slug("a1-b2"));
        assert!(!is_slug("A1"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }

    #[test]
    fn iris() {
        let iris = Iris::new("https://example.org/lg/");
        assert_eq!(
            iris.entity("person", "x"),
            "https://example.org/lg/person/x"
        );
        assert_eq!(iris.graph("a"), "https://example.org/lg/graph/a");
    }
}
