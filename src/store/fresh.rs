//! A store up to date with the data before use: the persisted one while it
//! is fresh, a new build when it is missing, stale or unreadable.

use super::{Backend, Built, Manifest, Persisted, build_with, current, is_fresh, load};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::reader::DataFiles;
use oxigraph::store::Store;
use std::path::Path;

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
