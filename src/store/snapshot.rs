//! The memory backend: Oxigraph's in-memory store, persisted as an N-Quads
//! snapshot (`graph.nq`) that ends with the store's manifest and a trailer
//! giving the manifest's offset.

use super::manifest::manifest;
use super::{Backend, Manifest, Persisted, rocksdb, sync_dir, write_err};
use crate::error::{Error, Result};
use crate::pipeline::{self, Summary};
use crate::progress::Progress;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// File name of the N-Quads snapshot (memory backend) in the store directory.
pub const SNAPSHOT: &str = "graph.nq";

/// Start of the snapshot's manifest line.
const MANIFEST_PREFIX: &str = "# labourgraph-store ";

/// Start of the snapshot's last line, which gives the manifest line's offset.
const TRAILER_PREFIX: &str = "# labourgraph-manifest-at ";

/// Length of the trailer line: the prefix, 20 digits and a newline.
const TRAILER_LEN: usize = TRAILER_PREFIX.len() + 21;

/// The in-memory store, with its snapshot written while it loads.
pub(super) fn build_memory(
    data_dir: &Path,
    store_dir: &Path,
    progress: &Progress,
) -> Result<(Store, Manifest, Summary, PathBuf)> {
    let target = store_dir.join(SNAPSHOT);
    let tmp = tempfile::Builder::new()
        .prefix(".graph.nq.")
        .suffix(".partial")
        .tempfile_in(store_dir)
        .map_err(write_err(store_dir))?;
    let interrupted = crate::interrupt::remove_on_interrupt(tmp.path());
    let mut snapshot = SnapshotWriter::new(tmp, &target);
    let store = Store::new()?;
    let (summary, ()) = pipeline::map_concurrently(
        data_dir,
        progress,
        |batch| snapshot.write(batch),
        |batches| {
            // A transaction is what the in-memory bulk loader uses, but it
            // takes the quads by reference, so they go back to be freed on
            // the mapping thread (see `pipeline::Batch`).
            let mut transaction = store.start_transaction()?;
            for batch in batches {
                for quad in batch.iter() {
                    transaction.insert(quad);
                }
            }
            Ok(transaction.commit()?)
        },
    )?;
    progress.phase("writing the snapshot");
    let manifest = manifest(
        &summary,
        Backend::Memory,
        store.len()?,
        store.named_graphs().count(),
    )?;
    drop(interrupted); // from here on, the snapshot is complete
    snapshot.finish(&manifest)?;
    sync_dir(store_dir);
    rocksdb::remove_rocksdb(store_dir, None);
    Ok((store, manifest, summary, target))
}

/// Writes the snapshot: the quads, then the manifest line and the trailer.
struct SnapshotWriter {
    out: oxigraph::io::WriterQuadSerializer<BufWriter<tempfile::NamedTempFile>>,
    written: u64,
    target: PathBuf,
}

impl SnapshotWriter {
    fn new(tmp: tempfile::NamedTempFile, target: &Path) -> Self {
        Self {
            out: RdfSerializer::from_format(RdfFormat::NQuads)
                .for_writer(BufWriter::with_capacity(1 << 20, tmp)),
            written: 0,
            target: target.to_owned(),
        }
    }

    fn write(&mut self, quads: &[Quad]) -> Result<()> {
        for quad in quads {
            if let Err(source) = self.out.serialize_quad(quad) {
                return Err(Error::Write {
                    path: self.target.clone(),
                    source,
                });
            }
        }
        self.written += quads.len() as u64;
        Ok(())
    }

    /// Appends the manifest, syncs and renames the file into place.
    fn finish(self, manifest: &Manifest) -> Result<()> {
        let target = self.target;
        let mut out = self.out.finish().map_err(write_err(&target))?;
        let at = out.stream_position().map_err(write_err(&target))?;
        let header = serde_json::to_string(manifest).expect("a manifest serialises");
        writeln!(out, "{MANIFEST_PREFIX}{header}").map_err(write_err(&target))?;
        writeln!(out, "{TRAILER_PREFIX}{at:020}").map_err(write_err(&target))?;
        let tmp = out.into_inner().map_err(|e| Error::Write {
            path: target.clone(),
            source: e.into_error(),
        })?;
        tmp.as_file().sync_all().map_err(write_err(&target))?;
        tmp.persist(&target).map_err(|e| Error::Write {
            path: target.clone(),
            source: e.error,
        })?;
        Ok(())
    }
}

/// Reads the manifest of a snapshot file and the offset where it starts
/// (the length of the quads).
fn snapshot_manifest(path: &Path) -> Option<(Manifest, u64)> {
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let trailer_at = len.checked_sub(TRAILER_LEN as u64)?;
    file.seek(SeekFrom::Start(trailer_at)).ok()?;
    let mut trailer = String::new();
    file.read_to_string(&mut trailer).ok()?;
    let at: u64 = trailer
        .strip_prefix(TRAILER_PREFIX)?
        .trim_end()
        .parse()
        .ok()?;
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut line = String::new();
    BufReader::new(file).read_line(&mut line).ok()?;
    let manifest = serde_json::from_str(line.strip_prefix(MANIFEST_PREFIX)?.trim_end()).ok()?;
    Some((manifest, at))
}

/// The snapshot in `store_dir`, if there is a readable one.
pub(super) fn current(store_dir: &Path) -> Option<Persisted> {
    let location = store_dir.join(SNAPSHOT);
    snapshot_manifest(&location)
        .map(|(manifest, _)| Persisted { manifest, location })
        .filter(|p| p.manifest.backend == Backend::Memory)
}

/// Loads the snapshot of `store_dir` into a new in-memory store.
pub fn load_snapshot(store_dir: &Path) -> Result<Store> {
    let path = store_dir.join(SNAPSHOT);
    let file = File::open(&path).map_err(|e| Error::Read {
        path: path.clone(),
        source: e,
    })?;
    let store = Store::new()?;
    let mut loader = store.bulk_loader();
    loader
        .load_from_reader(
            RdfParser::from_format(RdfFormat::NQuads),
            BufReader::with_capacity(1 << 20, file),
        )
        .map_err(|e| match e {
            oxigraph::store::LoaderError::Parsing(e) => Error::RdfSyntax {
                origin: path.display().to_string(),
                source: e,
            },
            oxigraph::store::LoaderError::Storage(e) => Error::Store(e),
            other => Error::Usage(other.to_string()),
        })?;
    loader.commit()?;
    Ok(store)
}

/// Writes the quads of the snapshot at `path` as they are, without its
/// manifest.
pub(super) fn write_nquads(path: &Path, out: &mut dyn Write) -> Result<()> {
    let (_, len) = snapshot_manifest(path).ok_or_else(|| Error::Read {
        path: path.to_owned(),
        source: std::io::Error::other("the snapshot has no manifest"),
    })?;
    let file = File::open(path).map_err(|e| Error::Read {
        path: path.to_owned(),
        source: e,
    })?;
    let mut quads = BufReader::with_capacity(1 << 20, file).take(len);
    std::io::copy(&mut quads, out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::Output(e)
        } else {
            Error::Read {
                path: path.to_owned(),
                source: e,
            }
        }
    })?;
    Ok(())
}
