//! The RocksDB backend (cargo feature `rocksdb`): Oxigraph's on-disk store,
//! built in a directory `db-…` inside the store directory and described by
//! `rocksdb.json`. Without the feature, building or opening one fails with
//! a usage error.

#[cfg(feature = "rocksdb")]
use super::manifest::manifest;
use super::{Backend, Manifest, Persisted};
#[cfg(feature = "rocksdb")]
use super::{SNAPSHOT, sync_dir};
#[cfg(feature = "rocksdb")]
use crate::error::write_err;
use crate::error::{Error, Result};
#[cfg(feature = "rocksdb")]
use crate::pipeline;
use crate::pipeline::Summary;
use crate::progress::Progress;
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// File name of the description of the RocksDB store in the store directory.
pub const ROCKSDB_MANIFEST: &str = "rocksdb.json";

/// Memory the RocksDB bulk loader may use for its batches (besides RocksDB
/// itself and the record index), in megabytes.
#[cfg(feature = "rocksdb")]
const ROCKSDB_LOADER_MEMORY_MB: usize = 512;

/// The contents of `rocksdb.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RocksDbPointer {
    /// Name of the database directory inside the store directory.
    db: String,
    manifest: Manifest,
}

/// The RocksDB store, built in a temporary directory and committed by
/// renaming `rocksdb.json` into place.
#[cfg(feature = "rocksdb")]
pub(super) fn build_rocksdb(
    data_dir: &Path,
    store_dir: &Path,
    progress: &Progress,
) -> Result<(Store, Manifest, Summary, PathBuf)> {
    let tmp = tempfile::Builder::new()
        .prefix(".db-")
        .suffix(".partial")
        .tempdir_in(store_dir)
        .map_err(write_err(store_dir))?;
    let interrupted = crate::interrupt::remove_on_interrupt(tmp.path());
    let (summary, quads, graphs) = {
        let store = Store::open(tmp.path())?;
        let (summary, ()) = pipeline::map_concurrently(
            data_dir,
            progress,
            |_| Ok(()),
            |batches| {
                // Batches are committed as they are written, so that RocksDB
                // compacts while loading; the build is atomic anyway (below).
                let mut loader = store
                    .bulk_loader()
                    .with_max_memory_size_in_megabytes(ROCKSDB_LOADER_MEMORY_MB)
                    .without_atomicity();
                loader.load_quads(batches.flat_map(pipeline::Batch::into_quads))?;
                Ok(loader.commit()?)
            },
        )?;
        progress.phase("counting");
        let quads = store.len()?;
        let graphs = store.named_graphs().count();
        store.flush()?;
        (summary, quads, graphs)
    };
    let manifest = manifest(&summary, Backend::Rocksdb, quads, graphs)?;
    // `.db-XXXX.partial` → `db-XXXX`: a complete database, not yet current.
    let name = tmp
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(".partial"))
        .expect("a temporary directory named .db-….partial")
        .to_owned();
    let location = store_dir.join(&name);
    drop(interrupted); // a complete database from here on
    let tmp = tmp.keep();
    if let Err(e) = std::fs::rename(&tmp, &location) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(Error::Write {
            path: location,
            source: e,
        });
    }
    let pointer = RocksDbPointer {
        db: name.clone(),
        manifest: manifest.clone(),
    };
    let text = serde_json::to_string_pretty(&pointer).expect("a manifest serialises") + "\n";
    if let Err(e) = crate::atomic::write(&store_dir.join(ROCKSDB_MANIFEST), text.as_bytes()) {
        let _ = std::fs::remove_dir_all(&location);
        return Err(e);
    }
    sync_dir(store_dir);
    // Committed: remove the previous database and the snapshot.
    remove_rocksdb(store_dir, Some(&name));
    let _ = std::fs::remove_file(store_dir.join(SNAPSHOT));
    let store = Store::open_read_only(&location)?;
    Ok((store, manifest, summary, location))
}

#[cfg(not(feature = "rocksdb"))]
pub(super) fn build_rocksdb(
    _data_dir: &Path,
    _store_dir: &Path,
    _progress: &Progress,
) -> Result<(Store, Manifest, Summary, PathBuf)> {
    Backend::Rocksdb.check_available()?;
    unreachable!("RocksDB is not available")
}

/// Removes the RocksDB store of `store_dir` (its description first), or
/// only the databases other than `keep`. Best effort: what is left is
/// ignored by later builds and opens.
pub(super) fn remove_rocksdb(store_dir: &Path, keep: Option<&str>) {
    if keep.is_none() {
        let _ = std::fs::remove_file(store_dir.join(ROCKSDB_MANIFEST));
    }
    let Ok(entries) = std::fs::read_dir(store_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with("db-") && Some(name) != keep && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The RocksDB store of `store_dir`, if `rocksdb.json` names an existing
/// database.
pub(super) fn current(store_dir: &Path) -> Option<Persisted> {
    std::fs::read_to_string(store_dir.join(ROCKSDB_MANIFEST))
        .ok()
        .and_then(|text| serde_json::from_str::<RocksDbPointer>(&text).ok())
        .map(|p| Persisted {
            location: store_dir.join(&p.db),
            manifest: p.manifest,
        })
        .filter(|p| p.location.is_dir() && p.manifest.backend == Backend::Rocksdb)
}

#[cfg(feature = "rocksdb")]
pub(super) fn open_rocksdb(location: &Path) -> Result<Store> {
    Ok(Store::open_read_only(location)?)
}

#[cfg(not(feature = "rocksdb"))]
pub(super) fn open_rocksdb(_location: &Path) -> Result<Store> {
    Err(Error::Usage(
        "the store was built with RocksDB, which this labourgraph was built without: build it with `--features rocksdb` or rebuild the store with --backend memory".into(),
    ))
}

/// Writes every quad of the RocksDB store at `location` as N-Quads, in its
/// index order.
pub(super) fn write_nquads(location: &Path, out: &mut dyn Write) -> Result<()> {
    let store = open_rocksdb(location)?;
    store
        .dump_to_writer(RdfFormat::NQuads, out)
        .map_err(|e| match e {
            oxigraph::store::SerializerError::Io(e) => Error::Output(e),
            oxigraph::store::SerializerError::Storage(e) => Error::Store(e),
            other => Error::Usage(other.to_string()),
        })?;
    Ok(())
}
