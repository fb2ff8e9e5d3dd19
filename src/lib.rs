//! labourgraph turns hand-curated records about labour relations — meetings,
//! agreements, organisations, people, posts, events, documents, places and
//! reported figures — into a linked-data knowledge graph in an embedded
//! Oxigraph store, answers SPARQL queries over it and exports it.
//!
//! The pipeline is visible in the modules: [`records`] (the input types) →
//! [`reader`] (files to raw records) → [`validate`] (two streaming passes,
//! all problems reported together as [`diagnostics`]) → [`map`] (records to
//! quads, the interoperability contract, with terms from [`vocab`] and the
//! [`ontology`]) → [`store`] (bulk load and atomic persistence) → [`query`]
//! and [`export`]. [`pipeline`] ties the first steps together; [`publish`]
//! writes a linked-open-data release and [`serve`] publishes the graph over
//! HTTP (a SPARQL endpoint and linked-data pages).
//!
//! Other data joins the graph through [`import`] (external RDF files and
//! ILOSTAT statistics in named graphs of their own, loaded by the build),
//! [`links`] (the namespaces `same_as` links may point into), [`push`] (the
//! graph sent to another triple store with the Graph Store Protocol) and
//! [`federation`] (`SERVICE` calls to remote endpoints, off unless asked for).
//!
//! An interrupted command leaves nothing half-written behind ([`interrupt`]).
//!
//! At scale, [`convert`] streams records to N-Quads without a store and
//! [`synth`] writes synthetic corpora for the benchmarks.
//!
//! ```no_run
//! use labourgraph::{store, query, progress::Progress};
//! use std::path::Path;
//!
//! let opened = store::open(Path::new("data"), Path::new(".labourgraph"), &Progress::default())?;
//! let base = &opened.manifest.base;
//! let prepared = query::prepare(
//!     "SELECT ?name WHERE { ?o a org:FormalOrganization ; schema:name ?name }",
//!     None, &[], &[], base, &query::prefixes(base),
//! )?;
//! let results = query::execute(&opened.store, prepared)?;
//! query::write_results(results, labourgraph::Format::Csv, &query::prefixes(base), &mut std::io::stdout())?;
//! # Ok::<_, labourgraph::Error>(())
//! ```

pub mod atomic;
pub mod convert;
pub mod dataset;
pub mod dates;
pub mod diagnostics;
pub mod error;
pub mod export;
pub mod federation;
pub mod format;
pub mod import;
pub mod interrupt;
pub mod links;
pub mod map;
pub mod ontology;
pub mod pipeline;
pub mod progress;
pub mod publish;
pub mod push;
pub mod query;
pub mod reader;
pub mod records;
pub mod serve;
pub mod store;
pub mod synth;
pub mod validate;
pub mod vocab;

pub use diagnostics::{Diagnostic, Diagnostics, Problem};
pub use error::{Error, Result};
pub use format::Format;
pub use records::{Record, RecordKind};
