//! Commands over the records themselves: `validate` checks them, `build`
//! loads them into the store, `convert` streams them to N-Quads or N-Triples
//! without a store, and `synth` writes a synthetic corpus.

use crate::args::{ConvertArgs, SynthArgs};
use crate::config::Config;
use crate::output::{counts, output_format, print_summary, with_output};
use labourgraph::{Error, Format, pipeline, store};

/// `validate`: checks every record; notes the counts.
pub(crate) fn run_validate(config: &Config) -> anyhow::Result<()> {
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

/// `synth`: writes a synthetic corpus into the project (or `--out`).
pub(crate) fn run_synth(config: &Config, args: SynthArgs) -> anyhow::Result<()> {
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

/// `build`: builds the store and prints its summary.
pub(crate) fn run_build(config: &Config) -> anyhow::Result<()> {
    let backend = config.backend.unwrap_or_default();
    let (_, manifest, built) =
        store::build_with(&config.data, &config.store, backend, &config.progress())?;
    let mut out = std::io::stdout().lock();
    print_summary(&mut out, &manifest, &built).map_err(Error::Output)?;
    Ok(())
}

/// `convert`: streams the records to N-Quads or N-Triples without a store.
pub(crate) fn run_convert(config: &Config, args: ConvertArgs) -> anyhow::Result<()> {
    let format = output_format(args.format, args.output.as_deref(), Format::Nquads);
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
