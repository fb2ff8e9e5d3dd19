//! The release files under `/release/`, when `--release DIR` is given (a
//! directory `labourgraph publish` wrote, say): a listing of each directory
//! and the files themselves, streamed. A path is taken apart into plain
//! names before it touches the file system, and what it names must lie in
//! the release directory once symbolic links are followed: `..`, encoded or
//! not, backslashes, absolute paths, hidden files and links out of the
//! directory are refused.

use super::Site;
use super::html::page;
use super::http::{Payload, Reply};
use maud::html;
use oxhttp::model::{StatusCode, header};
use std::path::{Component, Path, PathBuf};

/// Extensions of the files that are RDF dumps of the dataset.
const DUMPS: &[&str] = &[
    ".nq",
    ".trig",
    ".ttl",
    ".nt",
    ".jsonld",
    ".rdf",
    ".nq.gz",
    ".trig.gz",
    ".ttl.gz",
    ".nt.gz",
    ".jsonld.gz",
    ".rdf.gz",
];

/// A file or directory in a listing.
struct Entry {
    name: String,
    dir: bool,
    len: u64,
}

/// The files and directories directly in `dir`, sorted, hidden ones left out.
fn entries(dir: &Path) -> Vec<Entry> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let meta = e.path().metadata().ok()?;
            (!name.starts_with('.')).then_some(Entry {
                name,
                dir: meta.is_dir(),
                len: meta.len(),
            })
        })
        .collect();
    entries.sort_by(|a, b| (!a.dir, &a.name).cmp(&(!b.dir, &b.name)));
    entries
}

/// The dumps at the top of the release directory (not its VoID file).
pub fn dumps(dir: &Path) -> Vec<String> {
    entries(dir)
        .into_iter()
        .filter(|e| !e.dir && !e.name.starts_with("void."))
        .filter(|e| DUMPS.iter().any(|ext| e.name.ends_with(ext)))
        .map(|e| e.name)
        .collect()
}

/// What is escaped in a path segment: all but the unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A file name as a URL path segment.
pub fn encode(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, SEGMENT).to_string()
}

/// Answers `/release/…`: a directory's listing or a file. `raw` is the
/// request's path before decoding, `path` after.
pub fn answer(site: &Site, dir: &Path, raw: &str, path: &str) -> Reply {
    let Some(rest) = path.strip_prefix("/release/") else {
        return Reply::redirect(StatusCode::MOVED_PERMANENTLY, "/release/");
    };
    let name = rest.trim_end_matches('/');
    if (!name.is_empty() && !is_safe(name))
        || raw.contains('\\')
        || raw.to_ascii_lowercase().contains("%5c")
    {
        return Reply::text(StatusCode::BAD_REQUEST, "invalid file name in the path");
    }
    // Symbolic links must not lead out of the release directory either.
    let found = match dir.join(name).canonicalize() {
        Ok(real) if real.starts_with(dir) => real,
        _ => return Reply::text(StatusCode::NOT_FOUND, format!("no release file {name}")),
    };
    if found.is_dir() {
        if !path.ends_with('/') {
            return Reply::redirect(StatusCode::MOVED_PERMANENTLY, &format!("{path}/"));
        }
        listing(site, &found, name)
    } else {
        file(&found, name)
    }
}

/// The listing of a directory of the release.
fn listing(site: &Site, dir: &Path, name: &str) -> Reply {
    let title = if name.is_empty() {
        "Release files".to_owned()
    } else {
        format!("Release files: {name}/")
    };
    let entries = entries(dir);
    let body = html! {
        h1 { (title) }
        @if entries.is_empty() { p { "This directory is empty." } }
        ul.files {
            @if !name.is_empty() { li { a href="../" { "../" } } }
            @for e in &entries {
                @if e.dir {
                    li { a href={ (encode(&e.name)) "/" } { (e.name) "/" } }
                } @else {
                    li { a href=(encode(&e.name)) { (e.name) } " " small { (e.len) " bytes" } }
                }
            }
        }
        p { "The dataset's description: " a href="/.well-known/void" { "VoID" } "." }
    };
    Reply::html(StatusCode::OK, page(site, &title, body))
}

/// A file of the release, streamed.
fn file(path: &PathBuf, name: &str) -> Reply {
    match std::fs::File::open(path).and_then(|f| f.metadata().map(|m| (f, m.len()))) {
        Ok((f, len)) => {
            let file_name = name.rsplit('/').next().unwrap_or(name);
            Reply {
                status: StatusCode::OK,
                headers: Vec::new(),
                body: Payload::File(f, len),
            }
            .header(header::CONTENT_TYPE, media_type(name))
            .header(
                header::CONTENT_DISPOSITION,
                &format!(
                    "inline; filename=\"{}\"",
                    file_name.replace(['"', '\\'], "_")
                ),
            )
        }
        Err(e) => Reply::text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot read {name}: {e}"),
        ),
    }
}

/// Whether a relative file name stays inside its directory: only normal
/// components, none of them hidden, no NUL.
fn is_safe(name: &str) -> bool {
    !name.contains('\0')
        && Path::new(name).components().all(|c| match c {
            Component::Normal(part) => !part.to_string_lossy().starts_with('.'),
            _ => false,
        })
        && !name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
}

/// The media type of a release file, by extension.
fn media_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or_default();
    match ext {
        "nq" => "application/n-quads",
        "nt" => "application/n-triples",
        "ttl" => "text/turtle; charset=utf-8",
        "trig" => "application/trig",
        "jsonld" => "application/ld+json",
        "rdf" | "owl" => "application/rdf+xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "gz" => "application/gzip",
        "zip" => "application/zip",
        _ if name.ends_with("SHA256SUMS") => "text/plain; charset=utf-8",
        // Anything else, HTML included, is for download: the release is
        // data, not a site.
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_unsafe() {
        assert!(is_safe("labourgraph.nq"));
        assert!(is_safe("tables/people.csv"));
        for bad in [
            "../etc/passwd",
            "a/../../b",
            "/etc/passwd",
            "./x",
            ".hidden",
            "a//b",
            "a\0b",
            "a/..",
        ] {
            assert!(!is_safe(bad), "{bad}");
        }
    }

    #[test]
    fn media_types() {
        assert_eq!(media_type("labourgraph.nq.gz"), "application/gzip");
        assert_eq!(media_type("SHA256SUMS"), "text/plain; charset=utf-8");
        assert_eq!(media_type("labourgraph.html"), "application/octet-stream");
    }
}
