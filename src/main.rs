//! The `labourgraph` command line: parses arguments, turns them into a
//! validated configuration and calls the library. Errors are printed as
//! `labourgraph: <error>: <cause>…` with a documented exit code.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use labourgraph::dataset::DatasetMeta;
use labourgraph::export::{Selection, export, export_in_store_order};
use labourgraph::federation::Federation;
use labourgraph::import::{ImportFormat, stage};
use labourgraph::progress::Progress;
use labourgraph::query::{self, Library};
use labourgraph::serve;
use labourgraph::store::{self, Backend, Built};
use labourgraph::{Error, Format, RecordKind, pipeline, push};
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
  4  invalid or failing SPARQL query
  5  a remote endpoint refused a push, failed or did not answer";

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
struct PublishArgs {
    /// The release directory to create (new, empty, or a previous release with --force).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Release date [default: `issued` of data/dataset.json]; never the clock.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Replace DIR if it holds a previous release.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// RDF files (any format Oxigraph parses, by extension; `.gz` accepted).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Format of the files: turtle, ntriples, nquads, trig, rdfxml, jsonld, n3 [default: from the extension].
    #[arg(long, value_name = "NAME")]
    format: Option<String>,
    #[command(flatten)]
    common: ImportCommon,
}

#[derive(Debug, Args)]
struct IlostatArgs {
    /// An ILOSTAT table in the bulk CSV layout (`.csv` or `.csv.gz`).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    common: ImportCommon,
}

#[derive(Debug, Args)]
struct ImportCommon {
    /// Named graph to load the file into [default: BASE/graph/import/ID, ID from the file name]; one file only.
    #[arg(long, value_name = "IRI")]
    graph: Option<String>,
    /// Where the file came from (its download URL) [default: the file's name]; one file only.
    #[arg(long, value_name = "URL")]
    origin: Option<String>,
    /// A note on the import (how the extract was made), kept in the metadata graph.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// Replace an earlier import of the same name.
    #[arg(long)]
    replace: bool,
}

#[derive(Debug, Args)]
struct PushArgs {
    /// Graph Store Protocol endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth (Virtuoso), http://localhost:3030/ds/data (Fuseki), http://localhost:7878/store (Oxigraph).
    #[arg(long, value_name = "URL")]
    endpoint: String,
    /// Push only this named graph (repeatable) [default: every graph].
    #[arg(long = "graph", value_name = "IRI")]
    graphs: Vec<String>,
    /// Authentication: answer the server's challenge (auto), or send Basic credentials up front (basic), or answer only Digest (digest). Credentials come from LABOURGRAPH_PUSH_USER and LABOURGRAPH_PUSH_PASSWORD.
    #[arg(long, value_enum, default_value_t = push::Auth::Auto)]
    auth: push::Auth,
    /// Seconds allowed for each request.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    timeout: u64,
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
    /// Allow SERVICE calls to remote SPARQL endpoints (federated queries); refused otherwise.
    #[arg(long)]
    federate: bool,
    /// Seconds allowed for each SERVICE call.
    #[arg(long, value_name = "SECS", default_value_t = 60, requires = "federate")]
    service_timeout: u64,
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

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    bind: std::net::SocketAddr,
    /// Local path at which the dataset's base IRI is served.
    #[arg(long, default_value = "/", value_name = "PATH")]
    base_path: String,
    /// Time limit of a query, in seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    timeout: f64,
    /// Most solutions or triples in a query's results; more are cut off.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    max_results: usize,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    max_body: usize,
    /// Most connections served at once.
    #[arg(long, default_value_t = 64, value_name = "N")]
    max_connections: usize,
    /// Directory of release files (dumps, void.ttl) to offer under /release/.
    #[arg(long, value_name = "DIR")]
    release: Option<PathBuf>,
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
        Command::Publish(args) => run_publish(&config, args),
        Command::Import(args) => run_import(&config, args),
        Command::ImportIlostat(args) => run_import_ilostat(&config, args),
        Command::Push(args) => run_push(&config, args),
        Command::Serve(args) => run_serve(&config, args),
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
    if let Some(diags) = lib.and_then(Error::diagnostics) {
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
    for import in &summary.imports {
        config.note(format!(
            "import `{}` valid ({})",
            import.id,
            labourgraph::error::plural(import.triples, "triple")
        ));
    }
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
    for import in &built.summary.imports {
        writeln!(
            out,
            "  import {} → <{}>: {} from {}",
            import.id,
            import.graph,
            labourgraph::error::plural(import.triples, "triple"),
            import.file.display()
        )?;
        if import.blank_nodes > 0 {
            writeln!(
                out,
                "    {} replaced by Skolem IRIs",
                labourgraph::error::plural(import.blank_nodes, "blank node")
            )?;
        }
        if import.merged_graphs > 0 {
            writeln!(
                out,
                "    {} of the file merged into the import's graph",
                labourgraph::error::plural(import.merged_graphs, "named graph")
            )?;
        }
        if !import.minted_areas.is_empty() {
            writeln!(
                out,
                "    no curated place has the code of {}: minted IRIs (…/ilostat/area/CODE) for them",
                import.minted_areas.join(", ")
            )?;
        }
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
            writeln!(out, "{:<32} {}", q.name, q.title).map_err(Error::Output)?;
            if !q.question.is_empty() {
                writeln!(out, "{:<32} {}", "", q.question).map_err(Error::Output)?;
            }
            for p in &q.params {
                let flag = format!("--param {}=<{}>", p.name, p.kind);
                writeln!(out, "{:<32} {flag}  {}", "", p.description).map_err(Error::Output)?;
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
    let federation = if args.federate {
        Federation::enabled(std::time::Duration::from_secs(args.service_timeout))
    } else {
        Federation::default()
    };
    // Check the query before a possibly long (re)build of the store.
    let prepare = |base: &str| {
        query::prepare_federated(
            &text,
            origin.as_deref(),
            &args.params,
            &declared,
            base,
            &query::prefixes(base),
            &federation,
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

fn run_publish(config: &Config, args: PublishArgs) -> anyhow::Result<()> {
    let opened = open(config)?;
    let meta = DatasetMeta::read(&config.data).ok_or_else(|| Error::Read {
        path: config.data.join(labourgraph::dataset::DATASET_FILE),
        source: std::io::Error::other("the dataset metadata changed while publishing"),
    })?;
    let options = labourgraph::publish::Options {
        out: args.out,
        date: args.date,
        force: args.force,
    };
    let release = labourgraph::publish::publish(opened.store, &meta, &options, &config.progress())?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Published {} version {} ({}) in {}: {} files, {}, {}",
        meta.title,
        meta.version,
        release.date,
        release.dir.display(),
        release.files.len() + 1,
        labourgraph::error::plural(release.statistics.triples, "statement"),
        match release.statistics.entities {
            1 => "1 entity".to_owned(),
            n => format!("{n} entities"),
        },
    )
    .map_err(Error::Output)?;
    Ok(())
}

fn run_import(config: &Config, args: ImportArgs) -> anyhow::Result<()> {
    let format = args
        .format
        .as_deref()
        .map(|name| {
            ImportFormat::parse(name)
                .filter(|f| *f != ImportFormat::Ilostat)
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown RDF format `{name}`: expected turtle, ntriples, nquads, trig, rdfxml, jsonld or n3 (ILOSTAT tables: use import-ilostat)"
                    ))
                })
        })
        .transpose()?;
    let requests = import_requests(args.files, format, args.common)?;
    import(config, &requests)
}

fn run_import_ilostat(config: &Config, args: IlostatArgs) -> anyhow::Result<()> {
    let requests = import_requests(vec![args.file], Some(ImportFormat::Ilostat), args.common)?;
    import(config, &requests)
}

fn import_requests(
    files: Vec<PathBuf>,
    format: Option<ImportFormat>,
    common: ImportCommon,
) -> anyhow::Result<Vec<stage::Request>> {
    if files.len() > 1 && (common.graph.is_some() || common.origin.is_some()) {
        return Err(Error::Usage(
            "--graph and --origin name one file's graph and origin: import the files one at a time"
                .into(),
        )
        .into());
    }
    Ok(files
        .into_iter()
        .map(|path| stage::Request {
            path,
            format,
            graph: common.graph.clone(),
            origin: common.origin.clone(),
            note: common.note.clone(),
            replace: common.replace,
        })
        .collect())
}

/// Stages the imports in the data directory and builds the store; puts the
/// data directory back as it was if the build fails.
fn import(config: &Config, requests: &[stage::Request]) -> anyhow::Result<()> {
    let staged = stage::stage(&config.data, requests)?;
    match store::build(&config.data, &config.store, &config.progress()) {
        Ok((_, manifest, built)) => {
            for entry in &staged.entries {
                config.note(format!(
                    "imported {} as `{}` ({})",
                    entry.origin, entry.id, entry.file
                ));
            }
            staged.commit();
            let mut out = std::io::stdout().lock();
            print_summary(&mut out, &manifest, &built).map_err(Error::Output)?;
            Ok(())
        }
        Err(e) => {
            staged.rollback()?;
            Err(anyhow::Error::new(e)
                .context("the build with the new imports failed; the data directory is as it was"))
        }
    }
}

fn run_push(config: &Config, args: PushArgs) -> anyhow::Result<()> {
    let options = push::Options {
        endpoint: args.endpoint,
        auth: args.auth,
        credentials: push::Credentials::from_env()?,
        timeout: std::time::Duration::from_secs(args.timeout),
    };
    let only = args
        .graphs
        .iter()
        .map(|g| NamedNode::new(g).map_err(|e| Error::Usage(format!("--graph `{g}`: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    let opened = open(config)?;
    let graphs = push::graphs(&opened.store, &only)?;
    let mut out = std::io::stdout().lock();
    let sent = push::push(&opened.store, &options, &graphs, |s| {
        let _ = writeln!(
            out,
            "sent <{}>: {} (HTTP {})",
            s.graph,
            labourgraph::error::plural(s.triples, "triple"),
            s.status
        );
    })?;
    config.note(format!(
        "pushed {} to {}",
        labourgraph::error::plural(sent.len(), "graph"),
        options.endpoint
    ));
    Ok(())
}

fn run_serve(config: &Config, args: ServeArgs) -> anyhow::Result<()> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(Error::Usage("--timeout must be a positive number of seconds".into()).into());
    }
    let options = serve::Options {
        bind: args.bind,
        base_path: args.base_path,
        limits: serve::limits::Limits {
            timeout: std::time::Duration::from_secs_f64(args.timeout),
            max_results: args.max_results,
            max_body: args.max_body,
        },
        max_connections: args.max_connections.max(1),
        release: args.release,
        queries: config.queries.clone(),
        access_log: true,
    };
    let opened = open(config)?;
    let site = serve::Site::new(opened.store, &opened.manifest.base, &options)?;
    let quiet = config.quiet;
    serve::serve(site, &options, std::time::Duration::from_secs(10), |addr| {
        if !quiet {
            eprintln!(
                "labourgraph: serving {} on http://{addr}/ (Ctrl-C stops)",
                opened.manifest.base
            );
        }
    })?;
    Ok(())
}
