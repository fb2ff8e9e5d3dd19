//! Streaming conversion of the records to N-Quads or N-Triples without a
//! store: records → validated → mapped → serialised, batch by batch, while
//! the next batch is mapped on another thread. Memory holds the record index
//! (ids and source texts) and a few batches of quads, never the graph.
//!
//! The output has the same statements as the built graph (all named graphs
//! for N-Quads, their union for N-Triples, the ontology included), in the
//! order the records are read, which is the same for the same data.

use crate::error::{Error, Result};
use crate::format::Format;
use crate::pipeline::{self, Summary};
use crate::progress::Progress;
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::Write;
use std::path::Path;

/// Validates and maps `data_dir`, writing the statements to `out` in
/// `format` (`nquads` or `ntriples`).
///
/// If the records are invalid the error lists every problem, but what was
/// written before the first invalid record stays written: write to a
/// temporary file and keep it only on success, or [`pipeline::validate`]
/// first (the command line does both).
///
/// ```
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
/// let mut out = Vec::new();
/// let summary = labourgraph::convert::convert(&data, labourgraph::Format::Nquads, &Default::default(), &mut out)?;
/// assert_eq!(String::from_utf8(out)?.lines().count(), summary.quads);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn convert(
    data_dir: &Path,
    format: Format,
    progress: &Progress,
    out: &mut dyn Write,
) -> Result<Summary> {
    let rdf = match format {
        Format::Nquads => RdfFormat::NQuads,
        Format::Ntriples => RdfFormat::NTriples,
        other => {
            return Err(Error::Usage(format!(
                "convert streams nquads or ntriples, not {other}: for other formats build the store and use export"
            )));
        }
    };
    let (summary, ()) = pipeline::map_concurrently(
        data_dir,
        progress,
        |_| Ok(()),
        |batches| {
            let mut ser = RdfSerializer::from_format(rdf).for_writer(out);
            for batch in batches {
                for quad in batch.iter() {
                    if rdf == RdfFormat::NQuads {
                        ser.serialize_quad(quad)
                    } else {
                        ser.serialize_triple(quad.as_ref())
                    }
                    .map_err(Error::Output)?;
                }
            }
            ser.finish().map_err(Error::Output)?;
            Ok(())
        },
    )?;
    progress.finish();
    Ok(summary)
}
