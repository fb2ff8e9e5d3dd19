//! The command line's arguments, declared with clap's derive API: each
//! doc comment below is the `--help` text of its command or option.

use clap::{Args, Parser, Subcommand};
use labourgraph::store::Backend;
use labourgraph::{Format, push};
use std::path::PathBuf;

/// Turn curated labour-relations records into a linked-data knowledge graph,
/// query it with SPARQL and export it.
///
/// Records are JSON files under the data directory; `build` validates them
/// and loads them into an embedded Oxigraph store, which `query` and
/// `export` reuse while it is up to date with the data (and rebuild
/// otherwise).
#[derive(Debug, Parser)]
#[command(name = "labourgraph", version, after_help = crate::EXIT_CODES, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct Global {
    /// Project directory holding data/, queries/ and the store.
    #[arg(
        long,
        short = 'C',
        global = true,
        default_value = ".",
        value_name = "DIR"
    )]
    pub(crate) project: PathBuf,
    /// Data directory [default: PROJECT/data].
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,
    /// Store directory [default: PROJECT/.labourgraph].
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) store: Option<PathBuf>,
    /// Query library directory [default: PROJECT/queries].
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) queries: Option<PathBuf>,
    /// Print no progress or summary on standard error.
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
    /// Store backend for `build` (and rebuilds) [default: rocksdb if built with it, else memory].
    #[arg(long, global = true, value_enum)]
    pub(crate) backend: Option<Backend>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check every record and report all problems (file:line:column, JSON path, what was expected).
    Validate,
    /// Validate the records, load them into the store and persist it atomically.
    Build,
    /// Run a SPARQL query (inline, from a file, or from the query library) over the union of all graphs.
    Query(QueryArgs),
    /// Write the graph in an RDF format: all graphs, one graph or their union.
    Export(ExportArgs),
    /// Validate the records and write them straight to N-Quads or N-Triples, streaming, without a store.
    Convert(ConvertArgs),
    /// Write a deterministic synthetic corpus (for benchmarks) into PROJECT/data.
    Synth(SynthArgs),
    /// Write a linked-open-data release: dumps, compacted JSON-LD, VoID/DCAT, ontology, SHACL shapes, CSV tables.
    Publish(PublishArgs),
    /// Import RDF files (Wikidata, GeoNames extracts…) into graphs of their own: checked, copied to data/imports/, listed in dataset.json, built.
    Import(ImportArgs),
    /// Import an ILOSTAT table (bulk CSV layout, gzip accepted) as RDF Data Cube observations joined to the corpus' countries.
    ImportIlostat(IlostatArgs),
    /// Send every named graph to a remote store (SPARQL 1.1 Graph Store Protocol, PUT per graph).
    Push(PushArgs),
    /// Serve the graph: a SPARQL endpoint, linked-data pages and a query page.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct PublishArgs {
    /// The release directory to create (new, empty, or a previous release with --force).
    #[arg(long, short, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Release date [default: `issued` of data/dataset.json]; never the clock.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) date: Option<String>,
    /// Replace DIR if it holds a previous release.
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// RDF files (any format Oxigraph parses, by extension; `.gz` accepted).
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// Format of the files: turtle, ntriples, nquads, trig, rdfxml, jsonld, n3 [default: from the extension].
    #[arg(long, value_name = "NAME")]
    pub(crate) format: Option<String>,
    #[command(flatten)]
    pub(crate) common: ImportCommon,
}

#[derive(Debug, Args)]
pub(crate) struct IlostatArgs {
    /// An ILOSTAT table in the bulk CSV layout (`.csv` or `.csv.gz`).
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    #[command(flatten)]
    pub(crate) common: ImportCommon,
}

#[derive(Debug, Args)]
pub(crate) struct ImportCommon {
    /// Named graph to load the file into [default: BASE/graph/import/ID, ID from the file name]; one file only.
    #[arg(long, value_name = "IRI")]
    pub(crate) graph: Option<String>,
    /// Where the file came from (its download URL) [default: the file's name]; one file only.
    #[arg(long, value_name = "URL")]
    pub(crate) origin: Option<String>,
    /// A note on the import (how the extract was made), kept in the metadata graph.
    #[arg(long, value_name = "TEXT")]
    pub(crate) note: Option<String>,
    /// Replace an earlier import of the same name.
    #[arg(long)]
    pub(crate) replace: bool,
}

#[derive(Debug, Args)]
pub(crate) struct PushArgs {
    /// Graph Store Protocol endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth (Virtuoso), http://localhost:3030/ds/data (Fuseki), http://localhost:7878/store (Oxigraph).
    #[arg(long, value_name = "URL")]
    pub(crate) endpoint: String,
    /// Push only this named graph (repeatable) [default: every graph].
    #[arg(long = "graph", value_name = "IRI")]
    pub(crate) graphs: Vec<String>,
    /// Authentication: answer the server's challenge (auto), or send Basic credentials up front (basic), or answer only Digest (digest). Credentials come from LABOURGRAPH_PUSH_USER and LABOURGRAPH_PUSH_PASSWORD.
    #[arg(long, value_enum, default_value_t = push::Auth::Auto)]
    pub(crate) auth: push::Auth,
    /// Seconds allowed for each request.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub(crate) timeout: u64,
}

#[derive(Debug, Args)]
pub(crate) struct QueryArgs {
    /// SPARQL query text.
    #[arg(conflicts_with_all = ["file", "name", "list"])]
    pub(crate) query: Option<String>,
    /// Read the query from a file.
    #[arg(long, short, value_name = "FILE", conflicts_with_all = ["name", "list"])]
    pub(crate) file: Option<PathBuf>,
    /// Run a query of the library by name (see --list).
    #[arg(long, short, value_name = "NAME", conflicts_with = "list")]
    pub(crate) name: Option<String>,
    /// List the query library with titles, questions and parameters.
    #[arg(long)]
    pub(crate) list: bool,
    /// Bind a query variable to a value, e.g. --param person=satybaldy-dauletalin (repeatable).
    #[arg(long = "param", short, value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub(crate) params: Vec<(String, String)>,
    /// Output format [default: from --output's extension, else table; turtle for CONSTRUCT].
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Allow SERVICE calls to remote SPARQL endpoints (federated queries); refused otherwise.
    #[arg(long)]
    pub(crate) federate: bool,
    /// Seconds allowed for each SERVICE call.
    #[arg(long, value_name = "SECS", default_value_t = 60, requires = "federate")]
    pub(crate) service_timeout: u64,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// RDF format [default: from --output's extension, else nquads].
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// Export only this named graph (as triples).
    #[arg(long, value_name = "IRI", conflicts_with = "union")]
    pub(crate) graph: Option<String>,
    /// Export the union of all graphs (as triples); the default for triple formats.
    #[arg(long)]
    pub(crate) union: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// nquads (all named graphs) or ntriples (their union) [default: from --output's extension, else nquads].
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// Write to this file (created only on success) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct SynthArgs {
    /// Number of records, sources included.
    #[arg(long, short = 'n', value_name = "N")]
    pub(crate) records: usize,
    /// Seed of the random stream: the same seed and N give identical files.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Project directory to create data/ in [default: the -C project].
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub(crate) bind: std::net::SocketAddr,
    /// Local path at which the dataset's base IRI is served.
    #[arg(long, default_value = "/", value_name = "PATH")]
    pub(crate) base_path: String,
    /// Time limit of a query, in seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub(crate) timeout: f64,
    /// Most solutions or triples in a query's results; more are cut off.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub(crate) max_results: usize,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    pub(crate) max_body: usize,
    /// Most connections served at once.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub(crate) max_connections: usize,
    /// Directory of release files (dumps, void.ttl) to offer under /release/.
    #[arg(long, value_name = "DIR")]
    pub(crate) release: Option<PathBuf>,
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim_start_matches(['?', '$']).to_owned(), v.to_owned()))
        .ok_or_else(|| format!("expected NAME=VALUE, got `{s}`"))
}
