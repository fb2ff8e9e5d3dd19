//! The `labourgraph` command line: parses arguments, turns them into a
//! validated configuration and calls the library. Errors are printed as
//! `labourgraph: <error>: <cause>…` with a documented exit code.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use labourgraph::dataset::DatasetMeta;
use labourgraph::export::{Selection, export, export_in_store_order};
use labourgraph::progress::Progress;
use labourgraph::query::{self, Library};
use labourgraph::store::{self, Backend, Built};
use labourgraph::{Error, Format, RecordKind, pipeline};
use oxigraph::model::NamedNode;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when the output pipe is closed early)
  1  failure: a file could not be read or written, the store failed
  2  usage error: bad arguments, unknown query or parameter, unsuitable format
  3  invalid records: every problem is listed on standard error; nothing was written
  4  invalid or failing SPARQL query";

/// Turn curated labour-relations records into a linked-data knowledge graph,
/// query it with SPARQL and export it.
///
/// Records are JSON files under the data directory; `build` validates them
/// and loads them into an embedded Oxigraph store, which `query` and
/// `export` reuse while it is up to date with the data (and rebuild
/// otherwise).
#[derive(Debug, Parser)]
#[command(name = "labourgraph", version, after_help = EXIT_CODES, max_term_width = 100)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct Global {
    /// Project directory holding data/, queries/ and the store.
    #[arg(
        long,
        short = 'C',
        global = true,
        default_value = ".",
        value_name = "DIR"
    )]
    project: PathBuf,
    /// Data directory [default: PROJECT/data].
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Store directory [default: PROJECT/.labourgraph].
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Query library directory [default: PROJECT/queries].
    #[arg(long, global = true, value_name = "DIR")]
    queries: Option<PathBuf>,
    /// Print no progress or summary on standard error.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Store backend for `build` (and rebuilds) [default: rocksdb if built with it, else memory].
    #[arg(long, global = true, value_enum)]
    backend: Option<Backend>,
}

#[derive(Debug, Subcommand)]
enum Command {
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
}

#[derive(Debug, Args)]
struct QueryArgs {
    /// SPARQL query text.
    #[arg(conflicts_with_all = ["file", "name", "list"])]
    query: Option<String>,
    /// Read the query from a file.
    #[arg(long, short, value_name = "FILE", conflicts_with_all = ["name", "list"])]
    file: Option<PathBuf>,
    /// Run a query of the library by name (see --list).
    #[arg(long, short, value_name = "NAME", conflicts_with = "list")]
    name: Option<String>,
    /// List the query library with titles, questions and parameters.
    #[arg(long)]
    list: bool,
    /// Bind a query variable to a value, e.g. --param person=satybaldy-dauletalin (repeatable).
    #[arg(long = "param", short, value_name = "NAME=VALUE", value_parser = parse_key_value)]
    params: Vec<(String, String)>,
    /// Output format [default: from --output's extension, else table; turtle for CONSTRUCT].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// RDF format [default: from --output's extension, else nquads].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Export only this named graph (as triples).
    #[arg(long, value_name = "IRI", conflicts_with = "union")]
    graph: Option<String>,
    /// Export the union of all graphs (as triples); the default for triple formats.
    #[arg(long)]
    union: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ConvertArgs {
    /// nquads (all named graphs) or ntriples (their union) [default: from --output's extension, else nquads].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to this file (created only on success) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct SynthArgs {
    /// Number of records, sources included.
    #[arg(long, short = 'n', value_name = "N")]
    records: usize,
    /// Seed of the random stream: the same seed and N give identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Project directory to create data/ in [default: the -C project].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim_start_matches(['?', '$']).to_owned(), v.to_owned()))
        .ok_or_else(|| format!("expected NAME=VALUE, got `{s}`"))
}

/// The validated configuration.
struct Config {
    project: PathBuf,
    data: PathBuf,
    store: PathBuf,
    queries: PathBuf,
    quiet: bool,
    backend: Option<Backend>,
}

impl Config {
    fn from(global: Global) -> Self {
        let project = global.project;
        Self {
            data: global.data.unwrap_or_else(|| project.join("data")),
            project: project.clone(),
            store: global.store.unwrap_or_else(|| project.join(".labourgraph")),
            queries: global.queries.unwrap_or_else(|| project.join("queries")),
            quiet: global.quiet,
            backend: global.backend,
        }
    }

    fn progress(&self) -> Progress {
        Progress::new(!self.quiet && std::io::stderr().is_terminal())
    }

    /// Prints a note on standard error unless quiet.
    fn note(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("labourgraph: {message}");
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = Config::from(cli.global);
    let result = match cli.command {
        Command::Validate => validate(&config),
        Command::Build => build(&config),
        Command::Query(args) => run_query(&config, args),
        Command::Export(args) => run_export(&config, args),
        Command::Convert(args) => convert(&config, args),
        Command::Synth(args) => synth(&config, args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

/// Prints an error with its cause chain; returns its exit code.
fn report(err: &anyhow::Error) -> ExitCode {
    let lib = err.chain().find_map(|e| e.downcast_ref::<Error>());
    if lib.is_some_and(Error::is_broken_pipe) {
        return ExitCode::SUCCESS;
    }
    if let Some(Error::Invalid(diags)) = lib {
        let mut stderr = std::io::stderr().lock();
        for d in diags.items() {
            let _ = writeln!(stderr, "{d}");
        }
    }
    let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
    eprintln!("labourgraph: {}", chain.join(": "));
    ExitCode::from(lib.map_or(1, Error::exit_code) as u8)
}

fn validate(config: &Config) -> anyhow::Result<()> {
    let summary = pipeline::validate(&config.data, &config.progress())?;
    config.note(format!(
        "{} valid ({})",
        labourgraph::error::plural(summary.records(), "record"),
        counts(&summary.counts)
    ));
    Ok(())
}

fn synth(config: &Config, args: SynthArgs) -> anyhow::Result<()> {
    let project = args.out.unwrap_or_else(|| config.project.clone());
    let options = labourgraph::synth::Options {
        records: args.records,
        seed: args.seed,
    };
    let summary = labourgraph::synth::generate(&project, &options)?;
    config.note(format!(
        "wrote {} ({}) in {} files, {:.1} MB, to {}",
        labourgraph::error::plural(summary.records(), "record"),
        counts(&summary.counts),
        summary.files,
        summary.bytes as f64 / 1e6,
        summary.data.display()
    ));
    Ok(())
}

fn build(config: &Config) -> anyhow::Result<()> {
    let backend = config.backend.unwrap_or_default();
    let (_, manifest, built) =
        store::build_with(&config.data, &config.store, backend, &config.progress())?;
    let mut out = std::io::stdout().lock();
    print_summary(&mut out, &manifest, &built).map_err(Error::Output)?;
    Ok(())
}

fn print_summary(
    out: &mut dyn Write,
    manifest: &store::Manifest,
    built: &Built,
) -> std::io::Result<()> {
    writeln!(
        out,
        "Built {} into {} in {} named graphs in {:.2} s",
        labourgraph::error::plural(built.summary.records(), "record"),
        labourgraph::error::plural(manifest.quads, "triple"),
        manifest.graphs,
        built.elapsed.as_secs_f64()
    )?;
    for kind in RecordKind::ALL {
        let n = built.summary.counts.get(&kind).copied().unwrap_or(0);
        writeln!(out, "  {:<14}{n:>8}", kind.as_str())?;
    }
    writeln!(
        out,
        "Store ({}): {}",
        manifest.backend.name(),
        built.snapshot.display()
    )
}

fn counts(counts: &std::collections::BTreeMap<RecordKind, usize>) -> String {
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opens the store, rebuilding it (with a note) when the data changed.
fn open(config: &Config) -> anyhow::Result<store::Opened> {
    let opened = store::open_with(
        &config.data,
        &config.store,
        config.backend,
        &config.progress(),
    )?;
    if let Some((built, reason)) = &opened.rebuilt {
        note_rebuild(config, built, *reason);
    }
    Ok(opened)
}

fn note_rebuild(config: &Config, built: &Built, reason: store::Rebuild) {
    let why = match reason {
        store::Rebuild::Missing => "no store was built yet",
        store::Rebuild::Stale => "the data changed since the last build",
    };
    config.note(format!(
        "{why}: built {} in {:.2} s",
        labourgraph::error::plural(built.summary.records(), "record"),
        built.elapsed.as_secs_f64()
    ));
}

/// The output: a file (created atomically only on success) or standard output.
fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> labourgraph::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush().map_err(Error::Output)?;
        }
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = std::io::BufWriter::new(tmp);
            write(&mut out)?;
            let tmp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {}", path.display()))?;
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}

fn run_query(config: &Config, args: QueryArgs) -> anyhow::Result<()> {
    let library = Library::new(&config.queries);
    if args.list {
        let mut out = std::io::stdout().lock();
        for q in library.list()? {
            let params: Vec<String> = q
                .params
                .iter()
                .map(|p| format!("--param {}=…", p.name))
                .collect();
            writeln!(out, "{:<28} {}", q.name, q.title).map_err(Error::Output)?;
            if !q.params.is_empty() {
                writeln!(out, "{:<28} {}", "", params.join(" ")).map_err(Error::Output)?;
            }
        }
        return Ok(());
    }
    let (text, origin, declared) = match (&args.query, &args.file, &args.name) {
        (Some(text), _, _) => (text.clone(), None, Vec::new()),
        (_, Some(file), _) => {
            let text = std::fs::read_to_string(file).map_err(|e| Error::Read {
                path: file.clone(),
                source: e,
            })?;
            (text, Some(file.display().to_string()), Vec::new())
        }
        (_, _, Some(name)) => {
            let q = library.get(name)?;
            (q.text, Some(q.path.display().to_string()), q.params)
        }
        _ => {
            return Err(Error::Usage(
                "give a query: inline text, --file FILE or --name NAME (see --list)".into(),
            )
            .into());
        }
    };
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Table);
    // Check the query before a possibly long (re)build of the store.
    let prepare = |base: &str| {
        query::prepare(
            &text,
            origin.as_deref(),
            &args.params,
            &declared,
            base,
            &query::prefixes(base),
        )
    };
    let early = DatasetMeta::read(&config.data)
        .map(|meta| prepare(&meta.base))
        .transpose()?;
    let opened = open(config)?;
    let base = opened.manifest.base.clone();
    let prefixes = query::prefixes(&base);
    let prepared = match early {
        Some(prepared) if DatasetMeta::read(&config.data).is_some_and(|m| m.base == base) => {
            prepared
        }
        _ => prepare(&base)?,
    };
    let results = query::execute(&opened.store, prepared)?;
    with_output(args.output.as_deref(), |out| {
        query::write_results(results, format, &prefixes, out)
    })
}

fn run_export(config: &Config, args: ExportArgs) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Nquads);
    let selection = match (&args.graph, args.union) {
        (Some(g), _) => Selection::Graph(
            NamedNode::new(g).map_err(|e| Error::Usage(format!("--graph `{g}`: {e}")))?,
        ),
        (None, true) => Selection::Union,
        (None, false) => Selection::default_for(format),
    };
    if format.rdf().is_none() {
        return Err(Error::Usage(format!(
            "`{format}` is not an RDF format: use turtle, trig, ntriples, nquads, rdfxml or jsonld"
        ))
        .into());
    }
    if format == Format::Nquads && selection == Selection::All {
        // Stream the snapshot or the RocksDB store: nothing is loaded or sorted.
        let fresh = store::ensure_fresh(
            &config.data,
            &config.store,
            config.backend,
            &config.progress(),
        )?;
        if let Some((_, built, reason)) = &fresh.rebuilt {
            note_rebuild(config, built, *reason);
        }
        return with_output(args.output.as_deref(), |out| {
            store::write_nquads(&fresh.persisted, out)
        });
    }
    let opened = open(config)?;
    let prefixes = query::prefixes(&opened.manifest.base);
    with_output(args.output.as_deref(), |out| {
        if opened.manifest.backend == Backend::Rocksdb {
            // Sorting would hold the whole graph in memory, which the
            // on-disk store exists to avoid.
            export_in_store_order(&opened.store, format, &selection, &prefixes, out)
        } else {
            export(&opened.store, format, &selection, &prefixes, out)
        }
    })
}

fn convert(config: &Config, args: ConvertArgs) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Nquads);
    if !matches!(format, Format::Nquads | Format::Ntriples) {
        return Err(Error::Usage(format!(
            "convert streams nquads or ntriples, not {format}: for other formats build the store and use export"
        ))
        .into());
    }
    if args.output.is_none() {
        // Standard output cannot be taken back: check everything first.
        pipeline::validate(&config.data, &config.progress())?;
    }
    let mut summary = None;
    with_output(args.output.as_deref(), |out| {
        summary = Some(labourgraph::convert::convert(
            &config.data,
            format,
            &config.progress(),
            out,
        )?);
        Ok(())
    })?;
    if let Some(summary) = summary {
        config.note(format!(
            "converted {} into {} statements",
            labourgraph::error::plural(summary.records(), "record"),
            summary.quads
        ));
    }
    Ok(())
}
