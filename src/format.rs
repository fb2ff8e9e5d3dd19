//! Output formats by name (`--format`) and by file extension.
//!
//! RDF formats: `turtle`, `trig`, `ntriples`, `nquads`, `rdfxml`, `jsonld`;
//! query result formats: `table`, `csv`, `tsv`, `json`, `xml`.

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use std::fmt;
use std::path::Path;

/// Every output format the command line knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Aligned text table (SELECT/ASK results).
    Table,
    /// SPARQL 1.1 CSV results.
    Csv,
    /// SPARQL 1.1 TSV results.
    Tsv,
    /// SPARQL 1.1 JSON results.
    Json,
    /// SPARQL XML results.
    Xml,
    /// Turtle.
    Turtle,
    /// TriG (all named graphs).
    Trig,
    /// N-Triples.
    Ntriples,
    /// N-Quads (all named graphs).
    Nquads,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD.
    Jsonld,
}

impl Format {
    /// The RDF serialisation, if this is an RDF format.
    pub fn rdf(self) -> Option<RdfFormat> {
        Some(match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Trig => RdfFormat::TriG,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
            Self::Rdfxml => RdfFormat::RdfXml,
            Self::Jsonld => RdfFormat::JsonLd {
                profile: Default::default(),
            },
            _ => return None,
        })
    }

    /// The SPARQL results serialisation, if this is one (`table` is not).
    pub fn results(self) -> Option<QueryResultsFormat> {
        Some(match self {
            Self::Csv => QueryResultsFormat::Csv,
            Self::Tsv => QueryResultsFormat::Tsv,
            Self::Json => QueryResultsFormat::Json,
            Self::Xml => QueryResultsFormat::Xml,
            _ => return None,
        })
    }

    /// Whether the format can hold named graphs.
    pub fn supports_datasets(self) -> bool {
        self.rdf().is_some_and(RdfFormat::supports_datasets)
    }

    /// The format named by a file's extension. `.json` and `.xml` are
    /// results formats; `.jsonld` and `.rdf`/`.owl` RDF.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Self::Table,
            "csv" => Self::Csv,
            "tsv" => Self::Tsv,
            "json" | "srj" => Self::Json,
            "xml" | "srx" => Self::Xml,
            "ttl" => Self::Turtle,
            "trig" => Self::Trig,
            "nt" => Self::Ntriples,
            "nq" => Self::Nquads,
            "rdf" | "owl" => Self::Rdfxml,
            "jsonld" => Self::Jsonld,
            _ => return None,
        })
    }

    /// The `--format` name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Csv => "csv",
            Self::Tsv => "tsv",
            Self::Json => "json",
            Self::Xml => "xml",
            Self::Turtle => "turtle",
            Self::Trig => "trig",
            Self::Ntriples => "ntriples",
            Self::Nquads => "nquads",
            Self::Rdfxml => "rdfxml",
            Self::Jsonld => "jsonld",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(Format::from_path(Path::new("a.ttl")), Some(Format::Turtle));
        assert_eq!(Format::from_path(Path::new("a.NQ")), Some(Format::Nquads));
        assert_eq!(
            Format::from_path(Path::new("a.jsonld")),
            Some(Format::Jsonld)
        );
        assert_eq!(Format::from_path(Path::new("a")), None);
        assert!(Format::Trig.supports_datasets());
        assert!(!Format::Turtle.supports_datasets());
        assert!(Format::Table.rdf().is_none() && Format::Table.results().is_none());
    }
}
