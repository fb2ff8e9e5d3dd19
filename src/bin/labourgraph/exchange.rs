//! Commands that exchange the graph with the outside: `import` and
//! `import-ilostat` bring files into it, `push` sends it to a remote store
//! and `serve` answers over HTTP.

use crate::args::{IlostatArgs, ImportArgs, ImportCommon, PushArgs, ServeArgs};
use crate::config::Config;
use crate::output::print_summary;
use labourgraph::import::{ImportFormat, stage};
use labourgraph::{Error, push, serve, store};
use oxigraph::model::NamedNode;
use std::io::Write;
use std::path::PathBuf;

/// `import`: imports RDF files and rebuilds the store.
pub(crate) fn run_import(config: &Config, args: ImportArgs) -> anyhow::Result<()> {
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

/// `import-ilostat`: imports an ILOSTAT table and rebuilds the store.
pub(crate) fn run_import_ilostat(config: &Config, args: IlostatArgs) -> anyhow::Result<()> {
    let requests = import_requests(vec![args.file], Some(ImportFormat::Ilostat), args.common)?;
    import(config, &requests)
}

/// One import request per file, with the options they share.
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

/// `push`: sends the named graphs to a Graph Store Protocol endpoint.
pub(crate) fn run_push(config: &Config, args: PushArgs) -> anyhow::Result<()> {
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
    let opened = config.open()?;
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

/// `serve`: serves the graph over HTTP until stopped.
pub(crate) fn run_serve(config: &Config, args: ServeArgs) -> anyhow::Result<()> {
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
    let opened = config.open()?;
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
