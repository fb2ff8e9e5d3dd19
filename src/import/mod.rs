//! Imports of external data — RDF files (a Wikidata or GeoNames extract
//! about the organisations and places…) and ILOSTAT statistics — each loaded
//! into a named graph of its own, which queries see together with the corpus
//! (the union default graph) and can still tell apart with `GRAPH`.
//!
//! Because the store is rebuilt from the data directory whenever anything in
//! it changes, an import lives there: `labourgraph import` checks the file in
//! full, copies it to `data/imports/` and lists it in the `imports` of
//! `data/dataset.json` with its origin, SHA-256, format and graph
//! ([`stage`]). `build` then loads every listed import ([`load`]) into
//! `{base}graph/import/{id}` (or the graph the entry names) and describes
//! that graph in the metadata graph: `lg:ImportedGraph`, `void:Dataset`,
//! `prov:wasDerivedFrom`/`dcterms:source` its origin, `lg:sha256`,
//! `void:triples`, `dcterms:format` and, as its date, the dataset's
//! `issued` date (the build reads no clock). Problems — a missing or changed
//! file, a syntax error (with line:column), a malformed statistics row — are
//! reported as diagnostics with the records' problems.

pub mod cube;
pub mod ilostat;
mod load;
pub mod rdf;
pub mod stage;

pub(crate) use load::load;

use crate::dataset::Iris;
use crate::error::{Error, Result};
use crate::records::Record;
use oxigraph::io::RdfFormat;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The directory of imported files inside the data directory.
pub const IMPORTS_DIR: &str = "imports";

/// An import as listed in `dataset.json`'s `imports`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImportEntry {
    /// Slug naming the import (from its file name).
    pub id: String,
    /// The copy, relative to the data directory (`imports/{id}.{ext}[.gz]`).
    pub file: String,
    /// [`ImportFormat`] name: `turtle`, `ntriples`, `nquads`, `trig`,
    /// `rdfxml`, `jsonld`, `n3` or `ilostat-csv`.
    pub format: String,
    /// Where the file came from: a URL, or the name of the file it was copied from.
    pub origin: String,
    /// SHA-256 (hex) of the file's bytes.
    pub sha256: String,
    /// The named graph it is loaded into [default: `{base}graph/import/{id}`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<String>,
    /// A note on the import (how the extract was made…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ImportEntry {
    /// The graph the import is loaded into.
    pub fn graph_iri(&self, iris: &Iris) -> String {
        self.graph
            .clone()
            .unwrap_or_else(|| default_graph(iris, &self.id))
    }
}

/// `{base}graph/import/{id}`.
pub fn default_graph(iris: &Iris, id: &str) -> String {
    iris.graph(&format!("import/{id}"))
}

/// Prefix of the Skolem IRIs replacing an import's blank nodes.
pub fn skolem_prefix(base: &str, id: &str) -> String {
    format!("{base}.well-known/genid/{id}/")
}

/// The format of an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// An RDF serialisation Oxigraph parses.
    Rdf(RdfFormat),
    /// A table in ILOSTAT's bulk CSV layout.
    Ilostat,
}

impl ImportFormat {
    /// The accepted names, for messages.
    pub const NAMES: &'static str = "turtle, ntriples, nquads, trig, rdfxml, jsonld, n3 (or an extension or media type), ilostat-csv";

    /// Parses a format name, file extension or media type.
    ///
    /// ```
    /// use labourgraph::import::ImportFormat;
    /// use oxigraph::io::RdfFormat;
    /// assert_eq!(ImportFormat::parse("turtle"), Some(ImportFormat::Rdf(RdfFormat::Turtle)));
    /// assert_eq!(ImportFormat::parse("nt"), Some(ImportFormat::Rdf(RdfFormat::NTriples)));
    /// assert_eq!(ImportFormat::parse("ilostat-csv"), Some(ImportFormat::Ilostat));
    /// assert_eq!(ImportFormat::parse("bogus"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        Some(Self::Rdf(match lower.as_str() {
            "ilostat-csv" => return Some(Self::Ilostat),
            "turtle" => RdfFormat::Turtle,
            "ntriples" => RdfFormat::NTriples,
            "nquads" => RdfFormat::NQuads,
            "trig" => RdfFormat::TriG,
            "rdfxml" => RdfFormat::RdfXml,
            "jsonld" => RdfFormat::JsonLd {
                profile: Default::default(),
            },
            "n3" => RdfFormat::N3,
            "txt" => return None,
            other => {
                RdfFormat::from_extension(other).or_else(|| RdfFormat::from_media_type(other))?
            }
        }))
    }

    /// The RDF format of a file from its extension (after a final `.gz`).
    pub fn rdf_from_path(path: &Path) -> Option<Self> {
        Self::parse(&rdf::inner_extension(path)?).filter(|f| *f != Self::Ilostat)
    }

    /// The name written in `dataset.json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Ilostat => "ilostat-csv",
            Self::Rdf(RdfFormat::Turtle) => "turtle",
            Self::Rdf(RdfFormat::NTriples) => "ntriples",
            Self::Rdf(RdfFormat::NQuads) => "nquads",
            Self::Rdf(RdfFormat::TriG) => "trig",
            Self::Rdf(RdfFormat::RdfXml) => "rdfxml",
            Self::Rdf(RdfFormat::N3) => "n3",
            Self::Rdf(_) => "jsonld",
        }
    }

    /// The extension of the copy in `data/imports/`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Rdf(f) => f.file_extension(),
            Self::Ilostat => "csv",
        }
    }

    /// The media type, for `dcterms:format`.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Rdf(f) => f.media_type(),
            Self::Ilostat => "text/csv",
        }
    }
}

/// ISO 3166-1 alpha-3 codes of the curated places, to join statistics.
#[derive(Debug, Default, Clone)]
pub struct Areas {
    alpha3: HashMap<String, String>,
}

impl Areas {
    /// Notes a record's alpha-3 code if it is a place that has one.
    pub fn note(&mut self, record: &Record) {
        if let Record::Place(place) = record {
            if let Some(codes) = &place.iso3166 {
                self.alpha3.insert(codes.alpha3.clone(), place.id.clone());
            }
        }
    }

    /// The id of the place with this alpha-3 code.
    pub fn place(&self, alpha3: &str) -> Option<&str> {
        self.alpha3.get(alpha3).map(String::as_str)
    }
}

/// What loading one import produced.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub id: String,
    pub graph: String,
    pub file: PathBuf,
    pub format: ImportFormat,
    /// Distinct triples in its graph.
    pub triples: usize,
    /// Blank nodes replaced by Skolem IRIs (RDF).
    pub blank_nodes: usize,
    /// Named graphs of a TriG or N-Quads file merged into its graph (RDF).
    pub merged_graphs: usize,
    /// Rows read (ILOSTAT).
    pub rows: u64,
    /// Reference areas no curated place has, with minted IRIs (ILOSTAT).
    pub minted_areas: Vec<String>,
}

/// SHA-256 (hex) of a file's bytes.
pub fn sha256_file(path: &Path) -> Result<String> {
    let read_err = |e| Error::Read {
        path: path.to_owned(),
        source: e,
    };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(read_err)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
