//! What a store was built from and what it holds — its [`Manifest`] — and
//! whether it is still up to date with the data: the quick check compares
//! the data files' [`Stamp`]s, the thorough one their SHA-256
//! [`fingerprint`].

use super::Backend;
use crate::error::{Error, Result};
use crate::pipeline::Summary;
use crate::reader::DataFiles;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Version of the store layout.
const LAYOUT: u32 = 2;

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

/// The manifest of a build of `summary` holding `quads` in `graphs`.
pub(super) fn manifest(
    summary: &Summary,
    backend: Backend,
    quads: usize,
    graphs: usize,
) -> Result<Manifest> {
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
