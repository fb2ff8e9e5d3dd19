//! Commands that read the built graph: `query` runs SPARQL over it,
//! `export` writes it in an RDF format and `publish` writes a linked-open-data
//! release.

use crate::args::{ExportArgs, PublishArgs, QueryArgs};
use crate::config::Config;
use crate::output::{output_format, with_output};
use labourgraph::dataset::DatasetMeta;
use labourgraph::export::{Selection, export, export_in_store_order};
use labourgraph::federation::Federation;
use labourgraph::query::{self, Library};
use labourgraph::store::{self, Backend};
use labourgraph::{Error, Format};
use oxigraph::model::NamedNode;
use std::io::Write;

/// `query`: lists the query library, or runs a query and writes its results.
pub(crate) fn run_query(config: &Config, args: QueryArgs) -> anyhow::Result<()> {
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
    let format = output_format(args.format, args.output.as_deref(), Format::Table);
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
    let opened = config.open()?;
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

/// `export`: writes the graph, or one graph, in an RDF format.
pub(crate) fn run_export(config: &Config, args: ExportArgs) -> anyhow::Result<()> {
    let format = output_format(args.format, args.output.as_deref(), Format::Nquads);
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
            config.note_rebuild(built, *reason);
        }
        return with_output(args.output.as_deref(), |out| {
            store::write_nquads(&fresh.persisted, out)
        });
    }
    let opened = config.open()?;
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

/// `publish`: writes a release directory and prints what it holds.
pub(crate) fn run_publish(config: &Config, args: PublishArgs) -> anyhow::Result<()> {
    let opened = config.open()?;
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
