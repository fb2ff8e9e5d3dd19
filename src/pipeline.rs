//! The pipeline from a data directory to quads: discover the files, read
//! the dataset metadata, index the records (first pass), then validate and
//! map them (second pass), delivering quads in batches to a sink such as
//! Oxigraph's bulk loader or a serialiser.
//!
//! Nothing reaches the sink's final destination unless the whole run is
//! valid: callers commit only when [`run`] returns `Ok`.

use crate::dataset::DatasetMeta;
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use crate::error::{Error, Result};
use crate::map::Mapper;
use crate::ontology;
use crate::progress::Progress;
use crate::reader::{DataFiles, for_each_record, offset_of, strip_position};
use crate::records::RecordKind;
use crate::validate::{Index, check_meta, check_record, parse_record};
use oxigraph::model::{NamedNode, Quad};
use std::collections::BTreeMap;
use std::path::Path;

/// Quads handed to the sink at a time (about 10 MB).
pub const BATCH: usize = 16_384;

/// What a successful run read.
#[derive(Debug, Clone)]
pub struct Summary {
    pub meta: DatasetMeta,
    pub files: DataFiles,
    /// Records per kind.
    pub counts: BTreeMap<RecordKind, usize>,
    /// Quads delivered to the sink (before any de-duplication by a store).
    pub quads: usize,
    /// The imports listed in the metadata, as loaded (or checked).
    pub imports: Vec<crate::import::Loaded>,
}

impl Summary {
    /// Total number of records.
    pub fn records(&self) -> usize {
        self.counts.values().sum()
    }
}

/// A receiver of quad batches: it takes the quads out of the vector, which
/// keeps its capacity for the next batch.
pub type Sink<'a> = &'a mut dyn FnMut(&mut Vec<Quad>) -> Result<()>;

/// Validates every record of `data_dir` without mapping.
///
/// ```no_run
/// let summary = labourgraph::pipeline::validate(std::path::Path::new("data"), &Default::default())?;
/// println!("{} records are valid", summary.records());
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn validate(data_dir: &Path, progress: &Progress) -> Result<Summary> {
    run(data_dir, progress, None)
}

/// Validates and maps every record of `data_dir`, handing quads to `sink`
/// in batches; fails with [`Error::Invalid`] listing every problem.
pub fn map(data_dir: &Path, progress: &Progress, sink: Sink<'_>) -> Result<Summary> {
    run(data_dir, progress, Some(sink))
}

/// Validates and maps `data_dir` on a background thread while `consume`
/// takes the quad batches on the calling thread, so that mapping overlaps
/// with loading or serialising. `tee` sees every batch on the mapping thread
/// before it is handed over (to write a copy, say).
///
/// Fails with the mapping's error if the records are invalid (whatever
/// `consume` did with the batches it got must then be thrown away), else
/// with `consume`'s error, else with the mapping's.
///
/// A [`Batch`] that `consume` reads by reference goes back to the mapping
/// thread when dropped, and its quads are freed there, where they were
/// allocated: freeing them on the other thread costs the system allocator
/// dearly (see BENCHMARKS.md).
///
/// ```
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
/// let (summary, n) = labourgraph::pipeline::map_concurrently(
///     &data,
///     &Default::default(),
///     |_| Ok(()),
///     |batches| Ok(batches.map(|b| b.len()).sum::<usize>()),
/// )?;
/// assert_eq!(summary.quads, n);
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn map_concurrently<T>(
    data_dir: &Path,
    progress: &Progress,
    mut tee: impl FnMut(&[Quad]) -> Result<()> + Send,
    consume: impl FnOnce(&mut dyn Iterator<Item = Batch>) -> Result<T>,
) -> Result<(Summary, T)> {
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Quad>>(2);
        let (home, returned) = std::sync::mpsc::sync_channel::<Vec<Quad>>(4);
        let mapper = scope.spawn(move || {
            map(data_dir, progress, &mut |batch| {
                tee(batch)?;
                let mut spare = returned
                    .try_recv()
                    .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                spare.clear();
                let full = std::mem::replace(batch, spare);
                sender.send(full).map_err(|_| {
                    Error::Output(std::io::Error::other("the receiver of the quads stopped"))
                })
            })
        });
        let consumed = consume(&mut receiver.iter().map(|quads| Batch {
            quads,
            home: Some(home.clone()),
        }));
        drop(receiver);
        let mapped = mapper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match (mapped, consumed) {
            (Err(e @ Error::Invalid(_)), _) | (_, Err(e)) | (Err(e), _) => Err(e),
            (Ok(summary), Ok(value)) => Ok((summary, value)),
        }
    })
}

/// Quads mapped on another thread (see [`map_concurrently`]): read them by
/// reference, or take them with [`Batch::into_quads`].
pub struct Batch {
    quads: Vec<Quad>,
    home: Option<std::sync::mpsc::SyncSender<Vec<Quad>>>,
}

impl Batch {
    /// The quads themselves (freed wherever they are dropped).
    pub fn into_quads(mut self) -> Vec<Quad> {
        self.home = None;
        std::mem::take(&mut self.quads)
    }
}

impl std::ops::Deref for Batch {
    type Target = [Quad];

    fn deref(&self) -> &[Quad] {
        &self.quads
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        if let Some(home) = self.home.take() {
            // Back to the mapping thread, which frees the quads; if it is
            // busy or gone, they are freed here.
            let _ = home.try_send(std::mem::take(&mut self.quads));
        }
    }
}

fn run(data_dir: &Path, progress: &Progress, mut sink: Option<Sink<'_>>) -> Result<Summary> {
    if !data_dir.is_dir() {
        return Err(Error::Read {
            path: data_dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "expected a data directory"),
        });
    }
    let files = DataFiles::discover(data_dir).map_err(|e| Error::Read {
        path: e.path().map_or_else(|| data_dir.to_owned(), Path::to_owned),
        source: e
            .into_io_error()
            .unwrap_or_else(|| std::io::Error::other("file system loop")),
    })?;
    let mut diags = Diagnostics::default();
    let meta = read_meta(&files.dataset, &mut diags);

    progress.phase("indexing records");
    let index = Index::build(&files, &mut diags);
    progress.set_length(index.len() as u64);

    progress.phase(if sink.is_some() {
        "validating and mapping"
    } else {
        "validating"
    });
    let mut mapper = match (&meta, &sink) {
        (Some(meta), Some(_)) => Some(Mapper::new(meta, &index)),
        _ => None,
    };
    let mut quads = 0;
    let mut areas = crate::import::Areas::default();
    let mut failure: Option<Error> = None;
    let mut deliver =
        |mapper: &mut Mapper<'_>, sink: &mut Option<Sink<'_>>, failure: &mut Option<Error>| {
            let batch = mapper.buffer();
            quads += batch.len();
            if let (Some(sink), None) = (sink.as_mut(), failure.as_ref()) {
                if let Err(e) = sink(batch) {
                    *failure = Some(e);
                }
            }
            batch.clear();
        };
    if let Some(m) = mapper.as_mut() {
        m.header();
    }
    let mut nth = 0;
    for file in &files.records {
        for_each_record(file, &mut diags, false, |raw, diags| {
            progress.inc();
            // The first pass read the records in the same order.
            let kind = index.kind_at(nth);
            nth += 1;
            let Some(kind) = kind else {
                return;
            };
            let Some(record) = parse_record(&raw, kind, diags) else {
                return;
            };
            areas.note(&record);
            let valid = check_record(&raw, &record, &index, diags);
            if let (true, true, Some(m)) = (
                valid,
                diags.is_empty() && failure.is_none(),
                mapper.as_mut(),
            ) {
                m.record(&record);
                if m.buffered() >= BATCH {
                    deliver(m, &mut sink, &mut failure);
                }
            }
        });
    }
    // Imports: checked in full, loaded only while everything is valid.
    let imports = match (&meta, failure.is_none()) {
        (Some(meta), true) => {
            let sink = sink.as_deref_mut();
            crate::import::load(meta, &files, &index, &areas, &mut diags, sink)?
        }
        _ => Vec::new(),
    };
    if !diags.is_empty() {
        diags.resolve();
        return Err(Error::Invalid(diags));
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let meta = meta
        .clone()
        .expect("no diagnostics, so the metadata was read");
    if let (Some(mut m), Some(sink)) = (mapper, sink.as_mut()) {
        m.finish();
        let batch = m.buffer();
        quads += batch.len();
        sink(batch)?;
        let graph =
            NamedNode::new_unchecked(crate::dataset::Iris::new(meta.base.clone()).ontology_graph());
        let mut onto = ontology::quads(graph)?;
        quads += onto.len();
        sink(&mut onto)?;
    }
    progress.finish();
    Ok(Summary {
        meta,
        files,
        counts: index.counts.clone(),
        quads: quads + imports.iter().map(|i| i.triples).sum::<usize>(),
        imports,
    })
}

/// Reads and checks `dataset.json`.
fn read_meta(path: &Path, diags: &mut Diagnostics) -> Option<DatasetMeta> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let msg = format!(
                "cannot read the dataset metadata ({e}): expected a file with title, description, base, license, publisher, version, issued, language and topic_scheme"
            );
            diags.push(Diagnostic::in_file(path, Problem::Io, msg));
            return None;
        }
    };
    let mut de = serde_json::Deserializer::from_str(&text);
    match serde_path_to_error::deserialize::<_, DatasetMeta>(&mut de) {
        Ok(meta) => {
            let before = diags.len();
            check_meta(path, &meta, diags);
            (diags.len() == before).then_some(meta)
        }
        Err(e) => {
            let inner = e.inner();
            let path_json = JsonPath::from_serde(&JsonPath::root(), e.path());
            let offset = offset_of(&text, inner.line(), inner.column());
            diags.push(Diagnostic::at_offset(
                path,
                offset,
                path_json,
                Problem::of_serde(inner),
                strip_position(inner),
            ));
            None
        }
    }
}
