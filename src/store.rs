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
//! previous store intact (and at most a `.partial` file or directory behind).
//! Only after the commit is the store of the other backend, if any, removed.

use crate::error::{Error, Result};
use crate::pipeline::{self, Summary};
use crate::progress::Progress;
use crate::reader::DataFiles;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// File name of the N-Quads snapshot (memory backend) in the store directory.
pub const SNAPSHOT: &str = "graph.nq";
/// File name of the description of the RocksDB store in the store directory.
pub const ROCKSDB_MANIFEST: &str = "rocksdb.json";
/// Start of the snapshot's manifest line.
const MANIFEST_PREFIX: &str = "# labourgraph-store ";
/// Start of the snapshot's last line, which gives the manifest line's offset.
const TRAILER_PREFIX: &str = "# labourgraph-manifest-at ";
/// Length of the trailer line: the prefix, 20 digits and a newline.
const TRAILER_LEN: usize = TRAILER_PREFIX.len() + 21;
/// Version of the store layout.
const LAYOUT: u32 = 2;
/// Memory the RocksDB bulk loader may use for its batches (besides RocksDB
/// itself and the record index), in megabytes.
#[cfg(feature = "rocksdb")]
const ROCKSDB_LOADER_MEMORY_MB: usize = 512;

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

/// A data file's path (relative to the data directory), size and
/// modification time, for the quick freshness check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: String,
    pub len: u64,
    pub modified_ns: u128,
}

/// What a store was built from, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub layout: u32,
    /// labourgraph version and ontology hash that built it.
    pub engine: String,
    pub backend: Backend,
    /// SHA-256 over the data files' relative paths and contents.
    pub fingerprint: String,
    pub stamps: Vec<Stamp>,
    pub base: String,
    pub quads: usize,
    pub graphs: usize,
    /// Records per kind.
    pub records: BTreeMap<String, usize>,
}

/// The contents of `rocksdb.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RocksDbPointer {
    /// Name of the database directory inside the store directory.
    db: String,
    manifest: Manifest,
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

/// A store ready for queries, and how it was obtained.
pub struct Opened {
    pub store: Store,
    pub manifest: Manifest,
    /// Set when the store had to be (re)built, and why.
    pub rebuilt: Option<(Built, Rebuild)>,
}

/// Why a store was rebuilt before use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// There was no (readable) store.
    Missing,
    /// The data, or labourgraph itself, changed since the store was built.
    Stale,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Built {
    pub summary: Summary,
    /// The persisted store: the snapshot file or the RocksDB directory.
    pub snapshot: PathBuf,
    pub elapsed: Duration,
}

/// The engine string: the crate version and a hash of the embedded ontology,
/// so that a new mapping or ontology invalidates old stores.
fn engine() -> String {
    let onto = Sha256::digest(crate::ontology::ONTOLOGY_TTL.as_bytes());
    format!(
        "labourgraph {} ontology {}",
        env!("CARGO_PKG_VERSION"),
        hex(&onto[..8])
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Stamps of every data file.
pub fn stamps(files: &DataFiles) -> Result<Vec<Stamp>> {
    files
        .all
        .iter()
        .map(|path| {
            let meta = std::fs::metadata(path).map_err(|e| Error::Read {
                path: path.clone(),
                source: e,
            })?;
            let modified_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            Ok(Stamp {
                path: relative(&files.root, path),
                len: meta.len(),
                modified_ns,
            })
        })
        .collect()
}

/// SHA-256 over the engine, and every data file's relative path and content.
pub fn fingerprint(files: &DataFiles) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(engine().as_bytes());
    let mut buf = vec![0; 1 << 16];
    for path in &files.all {
        hasher.update(relative(&files.root, path).as_bytes());
        hasher.update([0]);
        let mut f = File::open(path).map_err(|e| Error::Read {
            path: path.clone(),
            source: e,
        })?;
        loop {
            let n = f.read(&mut buf).map_err(|e| Error::Read {
                path: path.clone(),
                source: e,
            })?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        hasher.update([0]);
    }
    Ok(hex(&hasher.finalize()))
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_owned();
    move |source| Error::Write { path, source }
}

/// The manifest of a build of `summary` holding `quads` in `graphs`.
fn manifest(summary: &Summary, backend: Backend, quads: usize, graphs: usize) -> Result<Manifest> {
    Ok(Manifest {
        layout: LAYOUT,
        engine: engine(),
        backend,
        fingerprint: fingerprint(&summary.files)?,
        stamps: stamps(&summary.files)?,
        base: summary.meta.base.clone(),
        quads,
        graphs,
        records: summary
            .counts
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), *v))
            .collect(),
    })
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
        Backend::Memory => build_memory(data_dir, store_dir, progress)?,
        Backend::Rocksdb => build_rocksdb(data_dir, store_dir, progress)?,
    };
    progress.finish();
    let built = Built {
        summary,
        snapshot: location,
        elapsed: start.elapsed(),
    };
    Ok((store, manifest, built))
}

/// The in-memory store, with its snapshot written while it loads.
fn build_memory(
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
    snapshot.finish(&manifest)?;
    sync_dir(store_dir);
    remove_rocksdb(store_dir, None);
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

/// The RocksDB store, built in a temporary directory and committed by
/// renaming `rocksdb.json` into place.
#[cfg(feature = "rocksdb")]
fn build_rocksdb(
    data_dir: &Path,
    store_dir: &Path,
    progress: &Progress,
) -> Result<(Store, Manifest, Summary, PathBuf)> {
    let tmp = tempfile::Builder::new()
        .prefix(".db-")
        .suffix(".partial")
        .tempdir_in(store_dir)
        .map_err(write_err(store_dir))?;
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
    if let Err(e) = write_atomically(
        &store_dir.join(ROCKSDB_MANIFEST),
        serde_json::to_string_pretty(&pointer).expect("a manifest serialises") + "\n",
    ) {
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
fn build_rocksdb(
    _data_dir: &Path,
    _store_dir: &Path,
    _progress: &Progress,
) -> Result<(Store, Manifest, Summary, PathBuf)> {
    Backend::Rocksdb.check_available()?;
    unreachable!("RocksDB is not available")
}

/// Writes a small file with a temporary file renamed into place.
#[cfg(feature = "rocksdb")]
fn write_atomically(path: &Path, text: String) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(write_err(dir))?;
    tmp.write_all(text.as_bytes()).map_err(write_err(path))?;
    tmp.as_file().sync_all().map_err(write_err(path))?;
    tmp.persist(path).map_err(|e| Error::Write {
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// Makes renames in `dir` durable (best effort: not every platform can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes the RocksDB store of `store_dir` (its description first), or
/// only the databases other than `keep`. Best effort: what is left is
/// ignored by later builds and opens.
fn remove_rocksdb(store_dir: &Path, keep: Option<&str>) {
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

/// The store persisted in `store_dir`, if there is a readable one: the
/// RocksDB store if `rocksdb.json` names an existing database, else the
/// snapshot.
pub fn current(store_dir: &Path) -> Option<Persisted> {
    let rocksdb = std::fs::read_to_string(store_dir.join(ROCKSDB_MANIFEST))
        .ok()
        .and_then(|text| serde_json::from_str::<RocksDbPointer>(&text).ok())
        .map(|p| Persisted {
            location: store_dir.join(&p.db),
            manifest: p.manifest,
        })
        .filter(|p| p.location.is_dir() && p.manifest.backend == Backend::Rocksdb);
    rocksdb.or_else(|| {
        let location = store_dir.join(SNAPSHOT);
        snapshot_manifest(&location)
            .map(|(manifest, _)| Persisted { manifest, location })
            .filter(|p| p.manifest.backend == Backend::Memory)
    })
}

/// Reads the manifest of the store persisted in `store_dir`, if any.
pub fn read_manifest(store_dir: &Path) -> Option<Manifest> {
    current(store_dir).map(|p| p.manifest)
}

/// Whether the store described by `manifest` is up to date with the data.
pub fn is_fresh(manifest: &Manifest, files: &DataFiles) -> Result<bool> {
    if manifest.layout != LAYOUT || manifest.engine != engine() {
        return Ok(false);
    }
    if stamps(files)? == manifest.stamps {
        return Ok(true);
    }
    Ok(fingerprint(files)? == manifest.fingerprint)
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

/// Opens a persisted store: loads a snapshot into memory, or opens a
/// RocksDB store read-only.
pub fn load(persisted: &Persisted) -> Result<Store> {
    match persisted.backend() {
        Backend::Memory => load_snapshot(persisted.location.parent().unwrap_or(Path::new("."))),
        Backend::Rocksdb => open_rocksdb(&persisted.location),
    }
}

#[cfg(feature = "rocksdb")]
fn open_rocksdb(location: &Path) -> Result<Store> {
    Ok(Store::open_read_only(location)?)
}

#[cfg(not(feature = "rocksdb"))]
fn open_rocksdb(_location: &Path) -> Result<Store> {
    Err(Error::Usage(
        "the store was built with RocksDB, which this labourgraph was built without: build it with `--features rocksdb` or rebuild the store with --backend memory".into(),
    ))
}

/// A persisted store up to date with the data, and the store itself when it
/// had to be (re)built on the way.
pub struct Fresh {
    pub persisted: Persisted,
    /// The store just built (and why), if it had to be.
    pub rebuilt: Option<(Store, Built, Rebuild)>,
}

/// Makes sure `store_dir` holds a store up to date with `data_dir`,
/// rebuilding it if needed (with `backend`, or else the backend of the store
/// there, or else the default), without loading it.
pub fn ensure_fresh(
    data_dir: &Path,
    store_dir: &Path,
    backend: Option<Backend>,
    progress: &Progress,
) -> Result<Fresh> {
    let mut reason = Rebuild::Missing;
    let existing = current(store_dir);
    if let Some(persisted) = &existing {
        let files = DataFiles::discover(data_dir).map_err(|e| Error::Read {
            path: data_dir.to_owned(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop")),
        })?;
        reason = Rebuild::Stale;
        let usable = persisted.backend() == Backend::Memory || cfg!(feature = "rocksdb");
        if usable && is_fresh(&persisted.manifest, &files)? {
            return Ok(Fresh {
                persisted: persisted.clone(),
                rebuilt: None,
            });
        }
    }
    let backend = backend
        .or(existing
            .map(|p| p.backend())
            .filter(|b| b.check_available().is_ok()))
        .unwrap_or_default();
    let (store, manifest, built) = build_with(data_dir, store_dir, backend, progress)?;
    Ok(Fresh {
        persisted: Persisted {
            manifest,
            location: built.snapshot.clone(),
        },
        rebuilt: Some((store, built, reason)),
    })
}

/// A store up to date with `data_dir`: the persisted one if it is fresh, a
/// new build otherwise (also when it is missing or unreadable).
pub fn open(data_dir: &Path, store_dir: &Path, progress: &Progress) -> Result<Opened> {
    open_with(data_dir, store_dir, None, progress)
}

/// Like [`open`]; a rebuild uses `backend` if given (see [`ensure_fresh`]).
pub fn open_with(
    data_dir: &Path,
    store_dir: &Path,
    backend: Option<Backend>,
    progress: &Progress,
) -> Result<Opened> {
    let fresh = ensure_fresh(data_dir, store_dir, backend, progress)?;
    if let Some((store, built, reason)) = fresh.rebuilt {
        return Ok(Opened {
            store,
            manifest: fresh.persisted.manifest,
            rebuilt: Some((built, reason)),
        });
    }
    progress.phase("loading the store");
    match load(&fresh.persisted) {
        Ok(store) => {
            progress.finish();
            Ok(Opened {
                store,
                manifest: fresh.persisted.manifest,
                rebuilt: None,
            })
        }
        Err(_) => {
            // An unreadable store is rebuilt like a missing one.
            let backend = backend.unwrap_or(fresh.persisted.backend());
            let (store, manifest, built) = build_with(data_dir, store_dir, backend, progress)?;
            Ok(Opened {
                store,
                manifest,
                rebuilt: Some((built, Rebuild::Missing)),
            })
        }
    }
}

/// Writes every quad of a persisted store as N-Quads, streaming: the
/// snapshot's quads as they are (in the order the records were mapped), or
/// the RocksDB store's in its index order. The order is the same for the
/// same data; nothing is sorted or held in memory.
pub fn write_nquads(persisted: &Persisted, out: &mut dyn Write) -> Result<()> {
    match persisted.backend() {
        Backend::Memory => {
            let path = &persisted.location;
            let (_, len) = snapshot_manifest(path).ok_or_else(|| Error::Read {
                path: path.clone(),
                source: std::io::Error::other("the snapshot has no manifest"),
            })?;
            let file = File::open(path).map_err(|e| Error::Read {
                path: path.clone(),
                source: e,
            })?;
            let mut quads = BufReader::with_capacity(1 << 20, file).take(len);
            std::io::copy(&mut quads, out).map_err(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Error::Output(e)
                } else {
                    Error::Read {
                        path: path.clone(),
                        source: e,
                    }
                }
            })?;
            Ok(())
        }
        Backend::Rocksdb => {
            let store = open_rocksdb(&persisted.location)?;
            store
                .dump_to_writer(RdfFormat::NQuads, out)
                .map_err(|e| match e {
                    oxigraph::store::SerializerError::Io(e) => Error::Output(e),
                    oxigraph::store::SerializerError::Storage(e) => Error::Store(e),
                    other => Error::Usage(other.to_string()),
                })?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
