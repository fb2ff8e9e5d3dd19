//! The built graph and its persistence, in one of two backends.
//!
//! * **memory** (always available): `build` bulk-loads the mapped quads into
//!   Oxigraph's in-memory store and, at the same time, writes them as an
//!   N-Quads snapshot, `graph.nq`, in the store directory. `query` and
//!   `export` load the snapshot into a new in-memory store; an N-Quads export
//!   of all graphs streams the snapshot file as it is.
//! * **rocksdb** (with the cargo feature `rocksdb`, the default backend
//!   then): `build` bulk-loads into Oxigraph's on-disk RocksDB store, in a
//!   directory `db-…` inside the store directory, described by
//!   `rocksdb.json`; `query` and `export` open it read-only, without loading
//!   anything into memory.
//!
//! Each store carries a manifest: the labourgraph version, the stamps (path,
//! size, modification time) and a SHA-256 fingerprint of every file under
//! the data directory, and counts. For the snapshot it is a comment line at
//! the end of `graph.nq` (followed by a fixed-width line giving its offset,
//! so that it is found without reading the quads); for RocksDB it is in
//! `rocksdb.json`. `query` and `export` reuse a store while it is up to date
//! with the data (same stamps, or same fingerprint) and rebuild it otherwise,
//! so a researcher never queries stale data.
//!
//! Persisting is atomic: a snapshot is written to a temporary file in the
//! store directory, synced, then renamed over the previous one; a RocksDB
//! store is built in a temporary directory inside the store directory,
//! renamed to its final name once complete, and committed by renaming a new
//! `rocksdb.json` into place. A failed or interrupted build leaves the
//! previous store intact; the `.partial` file or directory it was writing is
//! removed on Ctrl-C or SIGTERM ([`crate::interrupt`]), and left behind only
//! if the process is killed outright.
//! Only after the commit is the store of the other backend, if any, removed.
//!
//! The files follow these concerns: `manifest.rs` (what a store was built
//! from, and whether it is fresh), `snapshot.rs` (the memory backend),
//! `rocksdb.rs` (the RocksDB backend) and `fresh.rs` (a store up to date
//! with the data before use, rebuilt if need be). This file holds the
//! backends' common types, builds and loads; everything public is
//! re-exported here.

mod fresh;
mod manifest;
mod rocksdb;
mod snapshot;

pub use fresh::{Fresh, Opened, Rebuild, ensure_fresh, open, open_with};
pub use manifest::{Manifest, Stamp, fingerprint, is_fresh, stamps};
pub use rocksdb::ROCKSDB_MANIFEST;
pub use snapshot::{SNAPSHOT, load_snapshot};

use crate::error::{Error, Result, write_err};
use crate::pipeline::Summary;
use crate::progress::Progress;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where the built graph is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Oxigraph's in-memory store, persisted as an N-Quads snapshot.
    Memory,
    /// Oxigraph's on-disk RocksDB store (needs the `rocksdb` cargo feature).
    Rocksdb,
}

impl Default for Backend {
    /// RocksDB when labourgraph was built with the `rocksdb` feature, else memory.
    fn default() -> Self {
        if cfg!(feature = "rocksdb") {
            Self::Rocksdb
        } else {
            Self::Memory
        }
    }
}

impl Backend {
    /// The `--backend` name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Memory => "memory",
            Self::Rocksdb => "rocksdb",
        }
    }

    /// Fails if this labourgraph was built without the backend.
    pub fn check_available(self) -> Result<()> {
        if self == Self::Rocksdb && !cfg!(feature = "rocksdb") {
            return Err(Error::Usage(
                "this labourgraph was built without the RocksDB store: build it with `cargo build --release --features rocksdb` (see the README) or use --backend memory".into(),
            ));
        }
        Ok(())
    }
}

/// The store currently persisted in a store directory.
#[derive(Debug, Clone)]
pub struct Persisted {
    pub manifest: Manifest,
    /// The snapshot file or the RocksDB directory.
    pub location: PathBuf,
}

impl Persisted {
    /// The backend of the store.
    pub fn backend(&self) -> Backend {
        self.manifest.backend
    }
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Built {
    pub summary: Summary,
    /// The persisted store: the snapshot file or the RocksDB directory.
    pub snapshot: PathBuf,
    pub elapsed: Duration,
}

/// Validates and maps `data_dir` into a new store of the default backend
/// (see [`Backend::default`]) and persists it atomically in `store_dir`.
pub fn build(
    data_dir: &Path,
    store_dir: &Path,
    progress: &Progress,
) -> Result<(Store, Manifest, Built)> {
    build_with(data_dir, store_dir, Backend::default(), progress)
}

/// Validates and maps `data_dir` into a new store of `backend` and persists
/// it atomically in `store_dir`. Mapping runs on a thread of its own while
/// the store loads, so the two overlap.
pub fn build_with(
    data_dir: &Path,
    store_dir: &Path,
    backend: Backend,
    progress: &Progress,
) -> Result<(Store, Manifest, Built)> {
    backend.check_available()?;
    let start = Instant::now();
    std::fs::create_dir_all(store_dir).map_err(write_err(store_dir))?;
    let (store, manifest, summary, location) = match backend {
        Backend::Memory => snapshot::build_memory(data_dir, store_dir, progress)?,
        Backend::Rocksdb => rocksdb::build_rocksdb(data_dir, store_dir, progress)?,
    };
    progress.finish();
    let built = Built {
        summary,
        snapshot: location,
        elapsed: start.elapsed(),
    };
    Ok((store, manifest, built))
}

/// Makes renames in `dir` durable (best effort: not every platform can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The store persisted in `store_dir`, if there is a readable one: the
/// RocksDB store if `rocksdb.json` names an existing database, else the
/// snapshot.
pub fn current(store_dir: &Path) -> Option<Persisted> {
    rocksdb::current(store_dir).or_else(|| snapshot::current(store_dir))
}

/// Reads the manifest of the store persisted in `store_dir`, if any.
pub fn read_manifest(store_dir: &Path) -> Option<Manifest> {
    current(store_dir).map(|p| p.manifest)
}

/// Opens a persisted store: loads a snapshot into memory, or opens a
/// RocksDB store read-only.
pub fn load(persisted: &Persisted) -> Result<Store> {
    match persisted.backend() {
        Backend::Memory => {
            snapshot::load_snapshot(persisted.location.parent().unwrap_or(Path::new(".")))
        }
        Backend::Rocksdb => rocksdb::open_rocksdb(&persisted.location),
    }
}

/// Writes every quad of a persisted store as N-Quads, streaming: the
/// snapshot's quads as they are (in the order the records were mapped), or
/// the RocksDB store's in its index order. The order is the same for the
/// same data; nothing is sorted or held in memory.
pub fn write_nquads(persisted: &Persisted, out: &mut dyn Write) -> Result<()> {
    match persisted.backend() {
        Backend::Memory => snapshot::write_nquads(&persisted.location, out),
        Backend::Rocksdb => rocksdb::write_nquads(&persisted.location, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::Quad;

    fn mini() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
    }

    #[test]
    fn snapshot_round_trip_and_streaming() {
        let dir = tempfile::tempdir().unwrap();
        let (store, manifest, built) =
            build_with(&mini(), dir.path(), Backend::Memory, &Progress::default()).unwrap();
        assert_eq!(built.snapshot, dir.path().join(SNAPSHOT));
        let persisted = current(dir.path()).unwrap();
        assert_eq!(persisted.manifest, manifest);
        assert_eq!(manifest.quads, store.len().unwrap());
        let loaded = load(&persisted).unwrap();
        assert_eq!(loaded.len().unwrap(), manifest.quads);
        let mut out = Vec::new();
        write_nquads(&persisted, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains("labourgraph-store"),
            "no manifest in exports"
        );
        let reparsed: std::collections::HashSet<Quad> = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(text.as_bytes())
            .map(Result::unwrap)
            .collect();
        assert_eq!(reparsed.len(), manifest.quads);
    }

    #[test]
    fn a_snapshot_without_trailer_is_not_a_store() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SNAPSHOT), "# labourgraph-store {}\n").unwrap();
        assert!(current(dir.path()).is_none());
    }
}
