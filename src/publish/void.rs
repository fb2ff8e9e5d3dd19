//! The dataset description (VoID and DCAT): statistics computed from the
//! graph, and the release's distributions with their sizes and checksums.
//!
//! The description comes in two parts, because the dumps cannot contain
//! their own checksums:
//!
//! * [`description_quads`]: statistics — numbers of triples, entities,
//!   distinct subjects and objects, classes and properties, a
//!   `void:classPartition` per class and a `void:propertyPartition` per
//!   property with their counts, the vocabularies used, and a `void:Linkset`
//!   per external namespace and link predicate (`schema:sameAs`,
//!   `owl:sameAs`) with its number of links — and the release date
//!   (`dcterms:modified`). They go into their own named graph,
//!   `{base}graph/void`, which is part of every dump. The statistics count
//!   every graph **except** that one (the description does not count
//!   itself).
//! * [`release_triples`]: the distributions (`dcat:Distribution` with
//!   `dcat:downloadURL` relative to the release, `dcat:mediaType`,
//!   `dcat:byteSize` and an SPDX SHA-256 checksum), `void:dataDump`s and
//!   `void:feature`s. They are only in `void.ttl`, which also repeats the
//!   dataset's title, licence… from the metadata graph and the statistics,
//!   so that it stands alone.

use super::context::SPDX;
use crate::dataset::{DatasetMeta, Iris};
use crate::map::short_hash;
use crate::vocab::{dcat, dcterms, owl, rdf, rdfs, schema, void, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Well-known external namespaces: (IRI prefix, slug, title).
const KNOWN: &[(&str, &str, &str)] = &[
    ("http://www.wikidata.org/entity/", "wikidata", "Wikidata"),
    ("https://www.wikidata.org/entity/", "wikidata", "Wikidata"),
    ("https://www.wikidata.org/wiki/", "wikidata", "Wikidata"),
    ("http://sws.geonames.org/", "geonames", "GeoNames"),
    ("https://sws.geonames.org/", "geonames", "GeoNames"),
    ("http://dbpedia.org/resource/", "dbpedia", "DBpedia"),
    ("http://viaf.org/viaf/", "viaf", "VIAF"),
    ("https://isni.org/isni/", "isni", "ISNI"),
    ("https://ror.org/", "ror", "ROR"),
    ("https://normlex.ilo.org/", "ilo-normlex", "ILO NORMLEX"),
];

/// Statistics of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Distinct triples of the union of the graphs.
    pub triples: usize,
    /// Distinct subjects that are IRIs in the dataset's namespace (the base
    /// IRI), the ontology's terms left out.
    pub entities: usize,
    pub distinct_subjects: usize,
    pub distinct_objects: usize,
    /// Instances per class.
    pub classes: BTreeMap<String, usize>,
    /// Triples per property.
    pub properties: BTreeMap<String, usize>,
    /// Links to external datasets per (namespace slug, link predicate).
    pub links: BTreeMap<(String, String), usize>,
    /// IRI prefixes seen per namespace slug.
    pub namespaces: BTreeMap<String, BTreeSet<String>>,
}

impl Statistics {
    /// Counts the quads of every graph but `excluded`.
    ///
    /// ```
    /// use labourgraph::publish::void::Statistics;
    /// use oxigraph::model::*;
    /// let q = Quad::new(
    ///     NamedNode::new("https://example.org/lg/place/geneva")?,
    ///     NamedNode::new("http://www.w3.org/2002/07/owl#sameAs")?,
    ///     NamedNode::new("http://www.wikidata.org/entity/Q71")?,
    ///     NamedNode::new("https://example.org/lg/graph/curation")?,
    /// );
    /// let stats = Statistics::of(&[q], "https://example.org/lg/", None);
    /// assert_eq!(stats.links.values().sum::<usize>(), 1);
    /// # Ok::<_, Box<dyn std::error::Error>>(())
    /// ```
    pub fn of<'a>(
        quads: impl IntoIterator<Item = &'a Quad>,
        base: &str,
        excluded: Option<&NamedNode>,
    ) -> Self {
        let mut stats = Self::default();
        let mut triples = HashSet::new();
        let (mut subjects, mut entities, mut objects) =
            (HashSet::new(), HashSet::new(), HashSet::new());
        let mut instances: BTreeMap<String, HashSet<String>> = BTreeMap::new();
        for q in quads {
            if matches!((&q.graph_name, excluded), (GraphName::NamedNode(g), Some(x)) if g == x) {
                continue;
            }
            let t = Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone());
            if !triples.insert(t) {
                continue;
            }
            let subject = q.subject.to_string();
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                let s = s.as_str();
                if s.starts_with(base) && !s.starts_with(crate::ontology::ONTOLOGY_IRI) {
                    entities.insert(subject.clone());
                }
            }
            subjects.insert(subject.clone());
            objects.insert(q.object.to_string());
            *stats
                .properties
                .entry(q.predicate.as_str().to_owned())
                .or_default() += 1;
            match &q.object {
                Term::NamedNode(o) if q.predicate.as_ref() == rdf::TYPE => {
                    instances
                        .entry(o.as_str().to_owned())
                        .or_default()
                        .insert(subject);
                }
                Term::NamedNode(o)
                    if (q.predicate.as_ref() == schema::SAME_AS
                        || q.predicate.as_ref() == owl::SAME_AS)
                        && !o.as_str().starts_with(base) =>
                {
                    let (prefix, slug) = namespace(o.as_str());
                    stats
                        .namespaces
                        .entry(slug.clone())
                        .or_default()
                        .insert(prefix);
                    *stats
                        .links
                        .entry((slug, q.predicate.as_str().to_owned()))
                        .or_default() += 1;
                }
                _ => {}
            }
        }
        stats.triples = triples.len();
        stats.distinct_subjects = subjects.len();
        stats.entities = entities.len();
        stats.distinct_objects = objects.len();
        stats.classes = instances.into_iter().map(|(c, s)| (c, s.len())).collect();
        stats
    }
}

/// The namespace of an external IRI (a well-known one, or else its scheme
/// and authority) and a slug naming it.
fn namespace(iri: &str) -> (String, String) {
    if let Some((prefix, slug, _)) = KNOWN.iter().find(|(p, _, _)| iri.starts_with(p)) {
        return ((*prefix).to_owned(), (*slug).to_owned());
    }
    // `scheme://authority/`, or `scheme:first:` for IRIs such as URNs.
    let end = match iri.find("://") {
        Some(i) => iri[i + 3..].find('/').map_or(iri.len(), |j| i + 3 + j + 1),
        None => {
            let first = iri.find(':').map_or(iri.len(), |i| i + 1);
            iri[first..].find(':').map_or(first, |j| first + j + 1)
        }
    };
    let prefix = &iri[..end];
    let slug = crate::dataset::slugify(prefix.split_once("://").map_or(prefix, |(_, rest)| rest));
    let slug = if slug.is_empty() {
        format!("ns-{}", short_hash(prefix))
    } else {
        slug
    };
    (prefix.to_owned(), slug)
}

fn title_of(slug: &str) -> String {
    KNOWN
        .iter()
        .find(|(_, s, _)| *s == slug)
        .map_or_else(|| slug.to_owned(), |(_, _, t)| (*t).to_owned())
}

/// IRIs of the description's nodes.
pub struct DescriptionIris {
    iris: Iris,
}

impl DescriptionIris {
    pub fn new(base: &str) -> Self {
        Self {
            iris: Iris::new(base),
        }
    }

    /// The named graph holding the description: `{base}graph/void`.
    pub fn graph(&self) -> NamedNode {
        NamedNode::new_unchecked(self.iris.graph("void"))
    }

    pub fn dataset(&self) -> NamedNode {
        NamedNode::new_unchecked(self.iris.dataset())
    }

    fn under(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{path}", self.iris.dataset()))
    }

    /// A readable slug for a vocabulary term (`schema-Person`), or a hash.
    fn term_slug(iri: &str) -> String {
        crate::vocab::PREFIXES
            .iter()
            .filter(|(_, ns)| iri.starts_with(ns))
            .max_by_key(|(_, ns)| ns.len())
            .map(|(p, ns)| (p, &iri[ns.len()..]))
            .filter(|(_, l)| {
                !l.is_empty()
                    && l.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
            .map_or_else(
                || format!("h-{}", short_hash(iri)),
                |(p, l)| format!("{p}-{l}"),
            )
    }
}

/// The statistics as quads in the description graph (see the module docs).
pub fn description_quads(meta: &DatasetMeta, stats: &Statistics, release_date: &str) -> Vec<Quad> {
    let ids = DescriptionIris::new(&meta.base);
    let g = GraphName::NamedNode(ids.graph());
    let ds = ids.dataset();
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| {
        out.push(Quad::new(
            s.clone(),
            NamedNode::new_unchecked(p),
            o,
            g.clone(),
        ))
    };
    let v = |local: &str| format!("{}{local}", void::NS);
    let int = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
    let iri = |s: &str| Term::from(NamedNode::new_unchecked(s));
    let text = |s: &str| Term::from(text_literal(s, &meta.language));

    let graph = ids.graph();
    add(
        &graph,
        rdfs::LABEL.as_str(),
        text("Dataset description and statistics"),
    );
    add(
        &graph,
        rdfs::COMMENT.as_str(),
        text(
            "VoID statistics of the dataset: triple, entity, class and property counts, class and property partitions and linksets to external datasets. They count every named graph except this one.",
        ),
    );
    add(
        &ds,
        &format!("{}modified", dcterms::NS),
        Literal::new_typed_literal(release_date, xsd::DATE).into(),
    );
    for (p, n) in [
        ("triples", stats.triples),
        ("entities", stats.entities),
        ("distinctSubjects", stats.distinct_subjects),
        ("distinctObjects", stats.distinct_objects),
        ("classes", stats.classes.len()),
        ("properties", stats.properties.len()),
    ] {
        add(&ds, &v(p), int(n));
    }
    let mut vocabularies = BTreeSet::new();
    for (class, n) in &stats.classes {
        let part = ids.under(&format!("class/{}", DescriptionIris::term_slug(class)));
        add(&ds, &v("classPartition"), part.clone().into());
        add(&part, &v("class"), iri(class));
        add(&part, &v("entities"), int(*n));
        vocabularies.insert(vocabulary_of(class));
    }
    for (property, n) in &stats.properties {
        let part = ids.under(&format!(
            "property/{}",
            DescriptionIris::term_slug(property)
        ));
        add(&ds, &v("propertyPartition"), part.clone().into());
        add(&part, &v("property"), iri(property));
        add(&part, &v("triples"), int(*n));
        vocabularies.insert(vocabulary_of(property));
    }
    for vocabulary in vocabularies {
        add(&ds, &v("vocabulary"), iri(&vocabulary));
    }
    for (slug, prefixes) in &stats.namespaces {
        let target = ids.under(&format!("external/{slug}"));
        add(
            &target,
            rdf::TYPE.as_str(),
            void::DATASET.into_owned().into(),
        );
        add(&target, dcterms::TITLE.as_str(), text(&title_of(slug)));
        for prefix in prefixes {
            add(
                &target,
                void::URI_SPACE.as_str(),
                Literal::new_simple_literal(prefix).into(),
            );
        }
    }
    for ((slug, predicate), n) in &stats.links {
        let linkset = ids.under(&format!(
            "linkset/{slug}-{}",
            DescriptionIris::term_slug(predicate)
        ));
        let target = ids.under(&format!("external/{slug}"));
        add(&ds, &v("subset"), linkset.clone().into());
        add(&linkset, rdf::TYPE.as_str(), iri(&v("Linkset")));
        add(&linkset, &v("subjectsTarget"), ds.clone().into());
        add(&linkset, &v("objectsTarget"), target.into());
        add(&linkset, &v("linkPredicate"), iri(predicate));
        add(&linkset, &v("triples"), int(*n));
        add(
            &linkset,
            dcterms::TITLE.as_str(),
            text(&format!("Links to {}", title_of(slug))),
        );
    }
    out
}

/// Text in the dataset's language (normalised as the mapping does).
fn text_literal(text: &str, language: &str) -> Literal {
    Literal::new_language_tagged_literal(text, language)
        .unwrap_or_else(|_| Literal::new_simple_literal(text))
}

/// The namespace of a vocabulary term: up to its last `#` or `/`.
fn vocabulary_of(iri: &str) -> String {
    iri.rfind(['#', '/']).map_or(iri, |i| &iri[..=i]).to_owned()
}

/// A file of the release, for its distribution and checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFile {
    /// Path relative to the release directory, with `/` separators.
    pub path: String,
    pub size: u64,
    /// Lower-case hex SHA-256.
    pub sha256: String,
}

/// What a distribution holds.
#[derive(Debug, Clone)]
pub struct Distribution {
    pub file: ReleaseFile,
    pub title: String,
    /// IANA media type of the (uncompressed) content, e.g. `application/n-quads`.
    pub media_type: &'static str,
    /// Whether the file is gzip-compressed.
    pub gzip: bool,
    /// The W3C format IRI of an RDF dump (`void:feature`), if it is one.
    pub rdf_format: Option<&'static str>,
}

/// The namespace of a release's distributions: `{base}release/{version}/`,
/// the version reduced to IRI-safe characters.
pub fn release_namespace(meta: &DatasetMeta) -> String {
    let mut version: String = meta
        .version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._~-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    if version.trim_matches('.').is_empty() {
        version.insert(0, 'v');
    }
    format!("{}release/{version}/", meta.base)
}

/// A relative IRI reference to a file of the release, for `void.ttl`
/// only: Turtle resolves it against the location of `void.ttl` itself, so
/// the description stays right wherever the release is published.
fn release_ref(path: &str) -> NamedNode {
    NamedNode::new_unchecked(path)
}

const IANA: &str = "http://www.iana.org/assignments/media-types/";

/// The distribution part of `void.ttl` (see the module docs).
pub fn release_triples(
    meta: &DatasetMeta,
    release_date: &str,
    distributions: &[Distribution],
) -> Vec<Triple> {
    let ids = DescriptionIris::new(&meta.base);
    let ds = ids.dataset();
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| {
        out.push(Triple::new(s.clone(), NamedNode::new_unchecked(p), o))
    };
    let iri = |s: &str| Term::from(NamedNode::new_unchecked(s));
    let dc = |l: &str| format!("{}{l}", dcterms::NS);
    let dcat_ = |l: &str| format!("{}{l}", dcat::NS);
    let spdx = |l: &str| format!("{SPDX}{l}");
    add(
        &ds,
        &dc("conformsTo"),
        release_ref("ontology/shapes.ttl").into(),
    );
    add(
        &ds,
        rdfs::SEE_ALSO.as_str(),
        release_ref("README.md").into(),
    );
    for d in distributions {
        let node = NamedNode::new_unchecked(format!("{}{}", release_namespace(meta), d.file.path));
        let file = release_ref(&d.file.path);
        add(&ds, &dcat_("distribution"), node.clone().into());
        if let Some(format) = d.rdf_format {
            add(&ds, &format!("{}dataDump", void::NS), file.clone().into());
            add(&ds, &format!("{}feature", void::NS), iri(format));
        }
        add(&node, rdf::TYPE.as_str(), iri(&dcat_("Distribution")));
        add(
            &node,
            &dc("title"),
            text_literal(&d.title, &meta.language).into(),
        );
        add(&node, &dcat_("downloadURL"), file.clone().into());
        add(&node, &dcat_("accessURL"), file.into());
        add(
            &node,
            &dcat_("mediaType"),
            iri(&format!("{IANA}{}", d.media_type)),
        );
        if d.gzip {
            add(
                &node,
                &dcat_("compressFormat"),
                iri(&format!("{IANA}application/gzip")),
            );
        }
        add(
            &node,
            &dcat_("byteSize"),
            Literal::new_typed_literal(d.file.size.to_string(), xsd::NON_NEGATIVE_INTEGER).into(),
        );
        add(
            &node,
            dcterms::ISSUED.as_str(),
            Literal::new_typed_literal(release_date, xsd::DATE).into(),
        );
        add(&node, dcterms::LICENSE.as_str(), iri(&meta.license));
        let checksum = NamedNode::new_unchecked(format!("{}#sha256", node.as_str()));
        add(&node, &spdx("checksum"), checksum.clone().into());
        add(&checksum, rdf::TYPE.as_str(), iri(&spdx("Checksum")));
        add(
            &checksum,
            &spdx("algorithm"),
            iri(&spdx("checksumAlgorithm_sha256")),
        );
        add(
            &checksum,
            &spdx("checksumValue"),
            Literal::new_typed_literal(&d.file.sha256, xsd::HEX_BINARY).into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_of_external_iris() {
        assert_eq!(
            namespace("http://www.wikidata.org/entity/Q71").1,
            "wikidata"
        );
        assert_eq!(namespace("https://sws.geonames.org/2660646/").1, "geonames");
        assert_eq!(
            namespace("https://data.example.net/id/x"),
            (
                "https://data.example.net/".to_owned(),
                "data-example-net".to_owned()
            )
        );
        assert_eq!(namespace("urn:isbn:123").0, "urn:isbn:");
        assert_eq!(namespace("https://example.net").0, "https://example.net");
    }

    #[test]
    fn release_namespaces_are_iris() {
        let meta = |version: &str| DatasetMeta {
            version: version.to_owned(),
            ..serde_json::from_str(include_str!("../../tests/fixtures/mini/dataset.json")).unwrap()
        };
        assert_eq!(
            release_namespace(&meta("0.1.0")),
            "https://example.org/mini/release/0.1.0/"
        );
        assert_eq!(
            release_namespace(&meta("1 beta/2")),
            "https://example.org/mini/release/1-beta-2/"
        );
        assert_eq!(
            release_namespace(&meta("..")),
            "https://example.org/mini/release/v../"
        );
        assert!(NamedNode::new(release_namespace(&meta("ü"))).is_ok());
    }

    #[test]
    fn term_slugs() {
        assert_eq!(
            DescriptionIris::term_slug("http://schema.org/Person"),
            "schema-Person"
        );
        assert!(DescriptionIris::term_slug("http://example.com/x y").starts_with("h-"));
        assert_eq!(
            vocabulary_of("http://schema.org/Person"),
            "http://schema.org/"
        );
    }
}
