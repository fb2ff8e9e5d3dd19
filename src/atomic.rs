//! Files replaced atomically: written into a temporary `.NAME.XXXXXX.partial`
//! file beside the target, synced, then renamed over it. Readers see the old
//! file or the new one, never a part; on an error the temporary file is
//! removed, and on Ctrl-C or SIGTERM too ([`crate::interrupt`]).
//!
//! ```
//! use std::io::Write;
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("answer.csv");
//! labourgraph::atomic::replace(&path, |out| {
//!     out.write_all(b"n\n42\n").map_err(labourgraph::Error::Output)
//! })?;
//! assert_eq!(std::fs::read_to_string(&path)?, "n\n42\n");
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use crate::error::{Error, Result, write_err};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Replaces the file `path` with what `write` writes (buffered), or leaves
/// it as it was if `write` or the writing fails.
pub fn replace<T>(path: &Path, write: impl FnOnce(&mut BufWriter<File>) -> Result<T>) -> Result<T> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(write_err(path))?;
    let interrupted = crate::interrupt::remove_on_interrupt(tmp.path());
    let (file, tmp_path) = tmp.into_parts();
    // A temporary file is private (0600); the file it replaces keeps its
    // permissions, a new one is readable by all (0644), as `>` would make it.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(&file)?,
    };
    file.set_permissions(permissions).map_err(write_err(path))?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let value = write(&mut out)?;
    let file = out
        .into_inner()
        .map_err(|e| write_err(path)(e.into_error()))?;
    file.sync_all().map_err(write_err(path))?;
    drop(interrupted); // complete: from here on it is renamed, not removed
    tmp_path
        .persist(path)
        .map_err(|e| write_err(path)(e.error))?;
    Ok(value)
}

#[cfg(unix)]
fn default_permissions(_: &File) -> Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &File) -> Result<std::fs::Permissions> {
    file.metadata()
        .map(|m| m.permissions())
        .map_err(Error::Output)
}

/// Replaces the file `path` with `bytes`.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    replace(path, |out| out.write_all(bytes).map_err(write_err(path)))
}

/// Replaces the file `to` with a copy of `from`.
pub fn copy(from: &Path, to: &Path) -> Result<()> {
    let mut src = File::open(from).map_err(|source| Error::Read {
        path: from.to_owned(),
        source,
    })?;
    replace(to, |out| {
        std::io::copy(&mut src, out).map_err(write_err(to))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_partial() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.nq");
        write(&path, b"old\n").unwrap();
        let failed = replace(&path, |out| {
            out.write_all(b"half").unwrap();
            Err::<(), _>(Error::Output(std::io::Error::other("stopped")))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.nq"]);
        copy(&path, &dir.path().join("copy.nq")).unwrap();
        assert_eq!(std::fs::read(dir.path().join("copy.nq")).unwrap(), b"old\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_all_and_a_replaced_one_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (new, old) = (dir.path().join("new.ttl"), dir.path().join("old.ttl"));
        std::fs::write(&old, "").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&new, b"").unwrap();
        write(&old, b"").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode(&new), mode(&old)), (0o644, 0o640));
    }
}
