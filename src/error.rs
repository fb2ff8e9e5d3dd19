//! The library's error type. I/O failures (with the path involved) are kept
//! apart from problems in the data, in queries and in the store, so that the
//! command line can report each clearly and exit with a distinct code.

use crate::diagnostics::Diagnostics;
use oxigraph::sparql::{QueryEvaluationError, SparqlSyntaxError};
use oxigraph::store::StorageError;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file or directory could not be written.
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Writing to an output stream failed.
    #[error("cannot write the output")]
    Output(#[source] std::io::Error),
    /// The records have problems; nothing was written.
    #[error("{} in the records; nothing was written", plural(.0.len(), "problem"))]
    Invalid(Diagnostics),
    /// A query does not parse; the message gives the line:column.
    #[error("invalid SPARQL query{}: {}", .origin.as_ref().map(|o| format!(" in {o}")).unwrap_or_default(), short_syntax_message(.source))]
    QuerySyntax {
        origin: Option<String>,
        source: SparqlSyntaxError,
    },
    /// A query failed while running.
    #[error("the query failed")]
    QueryEvaluation(#[source] QueryEvaluationError),
    /// A request that cannot be served as asked (unknown named query, a
    /// parameter the query lacks, a format that does not fit the query…).
    #[error("{0}")]
    Usage(String),
    /// RDF that does not parse (the store snapshot, the ontology, imports).
    #[error("cannot parse RDF in {origin}")]
    RdfSyntax {
        origin: String,
        #[source]
        source: oxigraph::io::RdfParseError,
    },
    /// A release could not be made consistent (e.g. a dump that does not
    /// read back as the dataset).
    #[error("cannot publish: {0}")]
    Publish(String),
    /// The store failed.
    #[error("the store failed")]
    Store(#[from] StorageError),
    /// A file to import has problems, each listed; nothing was imported.
    #[error("{} in {}; nothing was imported", plural(.diagnostics.len(), "problem"), .file.display())]
    InvalidImport {
        file: PathBuf,
        diagnostics: Diagnostics,
    },
    /// A remote SPARQL endpoint refused a request, failed or did not answer.
    #[error(transparent)]
    Remote(#[from] Box<crate::push::RemoteError>),
    /// A SPARQL update sent to the read-only endpoint.
    #[error("this endpoint is read-only: SPARQL updates are not accepted")]
    ReadOnly,
    /// The server cannot listen on its address.
    #[error("cannot listen on {addr}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    /// The Ctrl-C/SIGTERM handler cannot be installed.
    #[error("cannot install the Ctrl-C/SIGTERM handler: {0}")]
    Signal(String),
}

/// The parser's message, with a long list of expected tokens cut short.
fn short_syntax_message(e: &SparqlSyntaxError) -> String {
    const KEEP: usize = 12;
    let msg = e.to_string();
    let Some(at) = msg.find("expected one of ") else {
        return msg;
    };
    let (head, list) = msg.split_at(at + "expected one of ".len());
    let items: Vec<&str> = list.split(", ").collect();
    if items.len() <= KEEP {
        return msg;
    }
    format!(
        "{head}{}, … ({} more)",
        items[..KEEP].join(", "),
        items.len() - KEEP
    )
}

/// `1 problem`, `2 problems`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl Error {
    /// The process exit code the command line uses for this error
    /// (documented in the README and in `labourgraph --help`).
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Invalid(_) | Self::InvalidImport { .. } => 3,
            Self::Remote(_) => 5,
            Self::QuerySyntax { .. } | Self::QueryEvaluation(_) => 4,
            Self::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The located problems behind an [`Invalid`](Self::Invalid) or
    /// [`InvalidImport`](Self::InvalidImport) error, to list one per line.
    pub fn diagnostics(&self) -> Option<&Diagnostics> {
        match self {
            Self::Invalid(d) | Self::InvalidImport { diagnostics: d, .. } => Some(d),
            _ => None,
        }
    }

    /// Whether the error is only a closed output pipe (`labourgraph … | head`),
    /// which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Self::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// [`Error::Write`] for `path`, as the argument of `map_err`.
pub(crate) fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_owned();
    move |source| Error::Write { path, source }
}
