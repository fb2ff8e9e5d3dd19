//! What several commands write: a command's output to a file or standard
//! output, and the summary of a build (printed by `build` and `import`).

use labourgraph::store::{self, Built};
use labourgraph::{Error, Format, RecordKind};
use std::io::Write;
use std::path::Path;

/// The output: a file (created atomically only on success, and not at all
/// when interrupted) or standard output.
pub(crate) fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> labourgraph::Result<()>,
) -> anyhow::Result<()> {
    match path {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush().map_err(Error::Output)?;
        }
        Some(path) => labourgraph::atomic::replace(path, |out| write(out))?,
    }
    Ok(())
}

/// The format of a command's output: `--format` if given, else the one
/// `--output`'s extension names, else the command's `default`.
pub(crate) fn output_format(
    explicit: Option<Format>,
    output: Option<&Path>,
    default: Format,
) -> Format {
    explicit
        .or_else(|| output.and_then(Format::from_path))
        .unwrap_or(default)
}

/// Prints what a build loaded: records per kind, imports, and where the store is.
pub(crate) fn print_summary(
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

/// Records per kind, as `N kind, N kind, …`.
pub(crate) fn counts(counts: &std::collections::BTreeMap<RecordKind, usize>) -> String {
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}
