//! The built graph and its persistence.
//!
//! `build` loads the mapped quads into an Oxigraph store with the bulk
//! loader and persists them as an N-Quads snapshot, `graph.nq`, in the store
//! directory. The snapshot's first line is a comment holding a manifest: the
//! labourgraph version, the stamps (path, size, modification time) and a
//! SHA-256 fingerprint of every file under the data directory, and counts.
//! `query` and `export` reuse the snapshot while it is up to date with the
//! data (same stamps, or same fingerprint) and rebuild it otherwise, so a
//! researcher never queries stale data.
//!
//! Persisting is atomic: the snapshot is written to a temporary file in the
//! store directory, synced, then renamed over the previous one; a failed or
//! interrupted build leaves the previous snapshot intact.

use crate::error::{Error, Result};
use crate::pipeline::{self, Summary};
use crate::progress::Progress;
use crate::reader::DataFiles;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// File name of the snapshot inside the store directory.
pub const SNAPSHOT: &str = "graph.nq";
/// Start of the snapshot's manifest line.
const MANIFEST_PREFIX: &str = "# labourgraph-store ";
/// Version of the snapshot layout.
const LAYOUT: u32 = 1;

/// A data file's path (relative to the data directory), size and
/// modification time, for the quick freshness check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: String,
    pub len: u64,
    pub modified_ns: u128,
}

/// What a snapshot was built from, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub layout: u32,
    /// labourgraph version and ontology hash that built it.
    pub engine: String,
    /// SHA-256 over the data files' relative paths and contents.
    pub fingerprint: String,
    pub stamps: Vec<Stamp>,
    pub base: String,
    pub quads: usize,
    pub graphs: usize,
    /// Records per kind.
    pub records: BTreeMap<String, usize>,
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
    /// There was no (readable) snapshot.
    Missing,
    /// The data, or labourgraph itself, changed since the snapshot was built.
    Stale,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Built {
    pub summary: Summary,
    pub snapshot: PathBuf,
    pub elapsed: Duration,
}

/// The engine string: the crate version and a hash of the embedded ontology,
/// so that a new mapping or ontology invalidates old snapshots.
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

/// Validates and maps `data_dir` into a new in-memory store with the bulk
/// loader, then persists the snapshot atomically in `store_dir`.
pub fn build(
    data_dir: &Path,
    store_dir: &Path,
    progress: &Progress,
) -> Result<(Store, Manifest, Built)> {
    let start = Instant::now();
    let store = Store::new()?;
    let mut loader = store.bulk_loader();
    let summary = pipeline::map(data_dir, progress, &mut |batch| {
        Ok(loader.load_quads(batch)?)
    })?;
    loader.commit()?;
    let manifest = Manifest {
        layout: LAYOUT,
        engine: engine(),
        fingerprint: fingerprint(&summary.files)?,
        stamps: stamps(&summary.files)?,
        base: summary.meta.base.clone(),
        quads: store.len()?,
        graphs: store.named_graphs().count(),
        records: summary
            .counts
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), *v))
            .collect(),
    };
    progress.phase("writing the snapshot");
    let snapshot = save(&store, &manifest, store_dir)?;
    progress.finish();
    let built = Built {
        summary,
        snapshot,
        elapsed: start.elapsed(),
    };
    Ok((store, manifest, built))
}

/// Writes the snapshot to a temporary file and renames it into place.
fn save(store: &Store, manifest: &Manifest, store_dir: &Path) -> Result<PathBuf> {
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(store_dir).map_err(write_err(store_dir))?;
    let target = store_dir.join(SNAPSHOT);
    let tmp = tempfile::Builder::new()
        .prefix(".graph.nq.")
        .suffix(".partial")
        .tempfile_in(store_dir)
        .map_err(write_err(store_dir))?;
    let mut out = BufWriter::with_capacity(1 << 20, tmp);
    let header = serde_json::to_string(manifest).expect("a manifest serialises");
    writeln!(out, "{MANIFEST_PREFIX}{header}").map_err(write_err(&target))?;
    let out = store
        .dump_to_writer(RdfFormat::NQuads, out)
        .map_err(|e| Error::Write {
            path: target.clone(),
            source: e.into(),
        })?;
    let tmp = out.into_inner().map_err(|e| Error::Write {
        path: target.clone(),
        source: e.into_error(),
    })?;
    tmp.as_file().sync_all().map_err(write_err(&target))?;
    tmp.persist(&target).map_err(|e| Error::Write {
        path: target.clone(),
        source: e.error,
    })?;
    Ok(target)
}

/// Reads the manifest line of a snapshot, if there is a readable one.
pub fn read_manifest(store_dir: &Path) -> Option<Manifest> {
    let file = File::open(store_dir.join(SNAPSHOT)).ok()?;
    let mut line = String::new();
    BufReader::new(file).read_line(&mut line).ok()?;
    serde_json::from_str(line.strip_prefix(MANIFEST_PREFIX)?.trim_end()).ok()
}

/// Whether the snapshot described by `manifest` is up to date with the data.
pub fn is_fresh(manifest: &Manifest, files: &DataFiles) -> Result<bool> {
    if manifest.layout != LAYOUT || manifest.engine != engine() {
        return Ok(false);
    }
    if stamps(files)? == manifest.stamps {
        return Ok(true);
    }
    Ok(fingerprint(files)? == manifest.fingerprint)
}

/// Loads a snapshot into a new in-memory store.
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

/// A store up to date with `data_dir`: the snapshot if it is fresh, a new
/// build otherwise (also when the snapshot is missing or unreadable).
pub fn open(data_dir: &Path, store_dir: &Path, progress: &Progress) -> Result<Opened> {
    let mut reason = Rebuild::Missing;
    if let Some(manifest) = read_manifest(store_dir) {
        let files = DataFiles::discover(data_dir).map_err(|e| Error::Read {
            path: data_dir.to_owned(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop")),
        })?;
        reason = Rebuild::Stale;
        if is_fresh(&manifest, &files)? {
            progress.phase("loading the store");
            if let Ok(store) = load_snapshot(store_dir) {
                progress.finish();
                return Ok(Opened {
                    store,
                    manifest,
                    rebuilt: None,
                });
            }
            reason = Rebuild::Missing;
        }
    }
    let (store, manifest, built) = build(data_dir, store_dir, progress)?;
    Ok(Opened {
        store,
        manifest,
        rebuilt: Some((built, reason)),
    })
}
