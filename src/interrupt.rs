//! Ctrl-C and SIGTERM: what a command was half-way through writing is
//! removed before the process exits, so that an interrupted `build`,
//! `convert`, `export` or `publish` leaves neither a partial file nor a
//! partial store behind (the previous output stays as it was, as it does
//! when a command fails).
//!
//! Writers register the temporary file or directory they write into with
//! [`remove_on_interrupt`] and drop the returned guard just before they move
//! it into place. A long-running command that shuts down by itself
//! (`serve`) registers a [`listen`]er instead: while one is registered, an
//! interrupt is passed on to it rather than ending the process.
//!
//! The handler is installed once per process, by [`install`] (the binary
//! calls it first thing); without it nothing here has any effect.
//!
//! ```
//! use labourgraph::interrupt;
//!
//! let dir = tempfile::tempdir()?;
//! let partial = dir.path().join(".out.nq.partial");
//! std::fs::write(&partial, "<a> <b> <c> .\n")?;
//! let guard = interrupt::remove_on_interrupt(&partial);
//! // … write, then drop the guard and rename the file into place:
//! drop(guard);
//! std::fs::rename(&partial, dir.path().join("out.nq"))?;
//! # Ok::<_, std::io::Error>(())
//! ```

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The exit code of a process ended by Ctrl-C or SIGTERM (128 + SIGINT).
pub const EXIT_CODE: u8 = 130;

/// What the handler acts on: paths to remove and listeners to notify.
#[derive(Default)]
struct Registry {
    paths: BTreeMap<u64, PathBuf>,
    listeners: BTreeMap<u64, Sender<()>>,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);
static NEXT: AtomicU64 = AtomicU64::new(0);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static INSTALLED: OnceLock<std::result::Result<(), String>> = OnceLock::new();

fn registry() -> MutexGuard<'static, Option<Registry>> {
    // A panic while the lock was held leaves the map itself consistent.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs the Ctrl-C/SIGTERM handler (once; later calls do nothing).
pub fn install() -> Result<()> {
    INSTALLED
        .get_or_init(|| ctrlc::set_handler(on_interrupt).map_err(|e| e.to_string()))
        .clone()
        .map_err(Error::Signal)
}

/// The handler: notifies the listeners if there are any; otherwise removes
/// every registered path and ends the process with [`EXIT_CODE`].
fn on_interrupt() {
    let mut guard = registry();
    let registry = guard.get_or_insert_with(Registry::default);
    if !registry.listeners.is_empty() {
        for listener in registry.listeners.values() {
            let _ = listener.send(());
        }
        return;
    }
    INTERRUPTED.store(true, Ordering::SeqCst);
    remove_all(registry);
    eprintln!("labourgraph: interrupted; nothing half-written was kept");
    std::process::exit(i32::from(EXIT_CODE));
}

/// Removes the registered paths (files or directories); forgets them.
fn remove_all(registry: &mut Registry) {
    remove(std::mem::take(&mut registry.paths).into_values());
}

fn remove(paths: impl IntoIterator<Item = PathBuf>) {
    for path in paths {
        if path.is_dir() {
            remove_dir(&path);
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Removes a directory that other threads may still be writing into.
///
/// RocksDB's threads go on creating files in it, and its `open` creates the
/// directory itself, while the handler runs. The directory is first moved
/// aside (a file then created under the old name fails instead of landing in
/// it), then removed; this is repeated until the directory has stayed gone
/// for a few polls, for at most about two seconds.
fn remove_dir(path: &Path) {
    const POLL: std::time::Duration = std::time::Duration::from_millis(10);
    let mut aside = path.as_os_str().to_owned();
    aside.push(".removing.partial");
    let aside = PathBuf::from(aside);
    let mut gone = 0;
    for _ in 0..200 {
        if path.exists() && std::fs::rename(path, &aside).is_err() {
            let _ = std::fs::remove_dir_all(path);
        }
        let _ = std::fs::remove_dir_all(&aside);
        if path.exists() || aside.exists() {
            gone = 0;
        } else {
            gone += 1;
            if gone == 3 {
                return;
            }
        }
        std::thread::sleep(POLL);
    }
}

/// Whether Ctrl-C or SIGTERM has started ending the process. An error a
/// command meets from then on is most likely the handler removing what the
/// command was writing: the binary then leaves the exit to the handler
/// (see [`wait_for_exit`]) rather than report it.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Blocks the calling thread until the handler ends the process; for the
/// main thread once [`interrupted`] is true.
pub fn wait_for_exit() -> ! {
    loop {
        std::thread::park();
    }
}

/// A registration; dropping it unregisters.
#[must_use = "the registration ends when the guard is dropped"]
#[derive(Debug)]
pub struct Registration {
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Some(registry) = registry().as_mut() {
            registry.paths.remove(&self.id);
            registry.listeners.remove(&self.id);
        }
    }
}

fn register(add: impl FnOnce(&mut Registry, u64)) -> Registration {
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    add(registry().get_or_insert_with(Registry::default), id);
    Registration { id }
}

/// Has `path` (a file or a directory) removed if the process is
/// interrupted before the returned guard is dropped.
pub fn remove_on_interrupt(path: &Path) -> Registration {
    let path = path.to_owned();
    register(|r, id| {
        r.paths.insert(id, path);
    })
}

/// Sends `()` to `listener` on Ctrl-C or SIGTERM, instead of ending the
/// process, until the returned guard is dropped.
pub fn listen(listener: Sender<()>) -> Registration {
    register(|r, id| {
        r.listeners.insert(id, listener);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The registered path of `registration`, if it is registered.
    fn path_of(registration: &Registration) -> Option<PathBuf> {
        registry().as_ref()?.paths.get(&registration.id).cloned()
    }

    // Tests of other modules run in the same process and register paths of
    // their own while they build: these tests look only at theirs.
    #[test]
    fn registered_paths_are_removed_until_their_guard_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".f.partial");
        let sub = dir.path().join(".d.partial");
        std::fs::write(&file, "x").unwrap();
        std::fs::create_dir_all(sub.join("inner")).unwrap();
        std::fs::write(sub.join("inner/x"), "x").unwrap();
        let (f, d) = (remove_on_interrupt(&file), remove_on_interrupt(&sub));
        let dropped = remove_on_interrupt(dir.path());
        let id = dropped.id;
        drop(dropped);
        assert!(!registry().as_ref().unwrap().paths.contains_key(&id));
        let registered = [path_of(&f), path_of(&d)];
        assert_eq!(registered, [Some(file.clone()), Some(sub.clone())]);
        remove(registered.into_iter().flatten());
        assert!(!file.exists() && !sub.exists());
        assert!(dir.path().exists());
    }

    #[test]
    fn listeners_are_notified_instead_of_exiting() {
        let (tx, rx) = std::sync::mpsc::channel();
        let guard = listen(tx);
        on_interrupt(); // with a listener registered, it returns
        assert_eq!(rx.try_recv(), Ok(()));
        let id = guard.id;
        drop(guard);
        assert!(!registry().as_ref().unwrap().listeners.contains_key(&id));
    }
}
