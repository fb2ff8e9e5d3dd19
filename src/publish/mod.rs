//! `labourgraph publish`: a complete, deterministic linked-open-data
//! release of the built graph in one directory.
//!
//! ```text
//! README.md                  what the release holds, licence, citation, loading
//! SHA256SUMS                 checksums of every other file (`sha256sum -c SHA256SUMS`)
//! void.ttl                   VoID + DCAT description with distributions and checksums
//! labourgraph.nq[.gz]        canonical N-Quads: every named graph, sorted, one quad per line
//! labourgraph.trig[.gz]      TriG: every named graph
//! labourgraph.ttl[.gz]       Turtle: the union of the graphs, grouped by subject
//! labourgraph.rdf[.gz]       RDF/XML: the union of the graphs
//! labourgraph.jsonld[.gz]    JSON-LD compacted with ontology/context.jsonld
//! ontology/labourgraph.ttl   the OWL ontology
//! ontology/labourgraph.html  its documentation
//! ontology/context.jsonld    the JSON-LD context
//! ontology/shapes.ttl        SHACL shapes: the interoperability contract
//! tables/*.csv               tables for spreadsheets
//! ```
//!
//! Every dump holds the same statements: the built graph plus the
//! dataset's statistics in the graph `{base}graph/void` (see [`void`]).
//! Nothing depends on the clock: the release date is the dataset's
//! `issued` date or `--date`, gzip headers carry no time or file name, and
//! everything is sorted, so two runs over the same data give byte-identical
//! files. The release is written to a temporary directory next to the
//! target and renamed into place when complete.

pub mod context;
pub mod dumps;
pub mod jsonld;
pub mod ontology_doc;
pub mod readme;
pub mod tables;
pub mod void;

use crate::dataset::{DatasetMeta, Iris};
use crate::error::{Error, Result, write_err};
use crate::progress::Progress;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use void::{Distribution, ReleaseFile, Statistics};

/// The SHACL shapes of the interoperability contract.
pub const SHAPES_TTL: &str = include_str!("../../ontology/shapes.ttl");

/// The checksum file's name.
pub const SHA256SUMS: &str = "SHA256SUMS";

/// What to publish where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The release directory to create.
    pub out: PathBuf,
    /// Release date (`YYYY-MM-DD`); the dataset's `issued` date if `None`.
    pub date: Option<String>,
    /// Replace an existing release directory (one holding `SHA256SUMS`).
    pub force: bool,
}

/// A written release.
#[derive(Debug, Clone)]
pub struct Release {
    pub dir: PathBuf,
    pub date: String,
    pub statistics: Statistics,
    /// Every file but `SHA256SUMS`, sorted by path.
    pub files: Vec<ReleaseFile>,
}

/// Writes a release of `store` (the built graph of `meta`'s data, which
/// gains the description graph) as `options` say.
///
/// ```no_run
/// use labourgraph::{dataset::DatasetMeta, publish, store};
/// use std::path::Path;
/// let opened = store::open(Path::new("data"), Path::new(".labourgraph"), &Default::default())?;
/// let meta = DatasetMeta::read(Path::new("data")).expect("dataset.json");
/// let options = publish::Options { out: "release".into(), date: None, force: false };
/// let release = publish::publish(opened.store, &meta, &options, &Default::default())?;
/// println!("{} files", release.files.len());
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn publish(
    store: Store,
    meta: &DatasetMeta,
    options: &Options,
    progress: &Progress,
) -> Result<Release> {
    let date = release_date(options.date.as_deref(), &meta.issued)?;
    let parent = check_target(&options.out, options.force)?;
    let tmp = tempfile::Builder::new()
        .prefix(".labourgraph-release.")
        .tempdir_in(&parent)
        .map_err(write_err(&parent))?;
    let interrupted = crate::interrupt::remove_on_interrupt(tmp.path());
    let dir = ReleaseDir {
        root: tmp.path().to_owned(),
        files: Vec::new(),
    };
    let (statistics, dir) = write_release(store, meta, &date, dir, progress)?;
    let files = dir.finish()?;
    // Complete: an interrupt while it moves into place must not remove it
    // (the previous release may already have been moved aside).
    drop(interrupted);
    move_into_place(tmp, &options.out)?;
    progress.finish();
    Ok(Release {
        dir: options.out.clone(),
        date,
        statistics,
        files,
    })
}

fn write_release(
    store: Store,
    meta: &DatasetMeta,
    date: &str,
    mut dir: ReleaseDir,
    progress: &Progress,
) -> Result<(Statistics, ReleaseDir)> {
    progress.phase("counting");
    let ids = void::DescriptionIris::new(&meta.base);
    let mut quads: Vec<Quad> = store.iter().collect::<Result<_, _>>()?;
    // The release is written from an in-memory store of its own: the
    // project's store may be a RocksDB store, opened read-only, and gets no
    // description graph. (A store that already holds a description gets
    // the new one instead.)
    drop(store);
    let statistics = Statistics::of(&quads, &meta.base, Some(&ids.graph()));
    let description = ids.graph();
    quads.retain(|q| q.graph_name != GraphName::NamedNode(description.clone()));
    let store = Store::new()?;
    let mut loader = store.bulk_loader();
    loader.load_quads(quads)?;
    loader.commit()?;
    store.extend(void::description_quads(meta, &statistics, date))?;

    progress.phase("writing the dumps");
    let context = context::Context::new()?;
    let distributions = dumps::write_all(&store, meta, &context, &mut dir)?;
    progress.phase("writing the ontology, shapes and tables");
    let mut more = vec![
        dir.write(
            "ontology/labourgraph.ttl",
            crate::ontology::ONTOLOGY_TTL.as_bytes(),
        )?
        .describe("OWL ontology (Turtle)", "text/turtle", None),
        dir.write(
            "ontology/labourgraph.html",
            ontology_doc::render(crate::ontology::ONTOLOGY_TTL, &context)?.as_bytes(),
        )?
        .describe("Ontology documentation (HTML)", "text/html", None),
        dir.write(jsonld::CONTEXT_REF, context.to_json().as_bytes())?
            .describe("JSON-LD context", "application/ld+json", None),
        dir.write("ontology/shapes.ttl", SHAPES_TTL.as_bytes())?
            .describe(
                "SHACL shapes of the interoperability contract (Turtle)",
                "text/turtle",
                None,
            ),
    ];
    for (path, title, text) in tables::render_all(&store, meta)? {
        more.push(
            dir.write(&path, text.as_bytes())?
                .describe(&title, "text/csv", None),
        );
    }
    let mut distributions: Vec<Distribution> = distributions.into_iter().chain(more).collect();
    for d in &mut distributions {
        d.file = dir.stat(&d.file.path)?;
    }
    dir.write(
        "README.md",
        readme::render(meta, date, &statistics, &distributions).as_bytes(),
    )?;
    let void_ttl = void_turtle(&store, meta, date, &distributions)?;
    dir.write("void.ttl", &void_ttl)?;
    Ok((statistics, dir))
}

/// `void.ttl`: the dataset's own description from the metadata graph, the
/// statistics graph and the distributions, as Turtle.
fn void_turtle(
    store: &Store,
    meta: &DatasetMeta,
    date: &str,
    distributions: &[Distribution],
) -> Result<Vec<u8>> {
    let iris = Iris::new(meta.base.clone());
    let ids = void::DescriptionIris::new(&meta.base);
    let metadata = NamedNode::new_unchecked(iris.metadata_graph());
    let dataset = ids.dataset();
    let mut triples: Vec<Triple> = Vec::new();
    // The dataset and its publisher, as the metadata graph describes them.
    let mut subjects = vec![dataset];
    let mut i = 0;
    while let Some(subject) = subjects.get(i).cloned() {
        for q in store.quads_for_pattern(
            Some(subject.as_ref().into()),
            None,
            None,
            Some(metadata.as_ref().into()),
        ) {
            let q = q?;
            if let (0, Term::NamedNode(o)) = (i, &q.object) {
                if q.predicate.as_ref() == crate::vocab::dcterms::PUBLISHER {
                    subjects.push(o.clone());
                }
            }
            triples.push(q.into());
        }
        i += 1;
    }
    for q in store.quads_for_pattern(None, None, None, Some(ids.graph().as_ref().into())) {
        triples.push(q?.into());
    }
    triples.extend(void::release_triples(meta, date, distributions));
    let mut prefixes = crate::query::prefixes(&meta.base);
    prefixes.push(("spdx".into(), context::SPDX.into()));
    prefixes.push(("release".into(), void::release_namespace(meta)));
    let mut out = Vec::new();
    dumps::turtle(sort_triples(triples), &prefixes, &mut out)?;
    Ok(out)
}

/// Triples sorted by subject IRI (a node before the nodes below it),
/// `rdf:type` first, predicate and object.
fn sort_triples(triples: Vec<Triple>) -> Vec<Triple> {
    let mut keyed: Vec<(String, Triple)> = triples
        .into_iter()
        .map(|t| {
            let p = if t.predicate.as_ref() == crate::vocab::rdf::TYPE {
                "<>".to_owned()
            } else {
                t.predicate.to_string()
            };
            let s = match &t.subject {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                NamedOrBlankNode::BlankNode(b) => b.to_string(),
            };
            (format!("{s} {p} {}", t.object), t)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, t)| t).collect()
}

/// The release date: `--date` if given (checked), else the dataset's `issued`.
fn release_date(option: Option<&str>, issued: &str) -> Result<String> {
    let date = option.unwrap_or(issued);
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == date)
        .map(|_| date.to_owned())
        .ok_or_else(|| Error::Usage(format!("release date `{date}`: expected YYYY-MM-DD")))
}

/// Checks that `out` can receive the release; returns its parent directory
/// (created if missing).
fn check_target(out: &Path, force: bool) -> Result<PathBuf> {
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map_err(|e| Error::Read {
                path: out.to_owned(),
                source: e,
            })?
            .next()
            .is_none();
        let previous = out.join(SHA256SUMS).is_file();
        if !out.is_dir() || !(empty || force && previous) {
            return Err(Error::Usage(format!(
                "{} exists{}: choose a new directory{}",
                out.display(),
                if out.is_dir() {
                    " and is not empty"
                } else {
                    ""
                },
                if previous {
                    " or pass --force to replace this release"
                } else {
                    ""
                }
            )));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    std::fs::create_dir_all(&parent).map_err(write_err(&parent))?;
    Ok(parent)
}

/// Renames the finished temporary directory to `out`, replacing an empty
/// directory or a previous release.
fn move_into_place(tmp: tempfile::TempDir, out: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(write_err(tmp.path()))?;
    }
    let old = if out.exists() {
        // next to the new release, under a name as unique as its own
        let mut old = tmp.path().as_os_str().to_owned();
        old.push(".old");
        let old = PathBuf::from(old);
        std::fs::rename(out, &old).map_err(write_err(out))?;
        Some(old)
    } else {
        None
    };
    let path = tmp.keep();
    if let Err(e) = std::fs::rename(&path, out) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(&path);
        return Err(Error::Write {
            path: out.to_owned(),
            source: e,
        });
    }
    if let Some(old) = old {
        std::fs::remove_dir_all(&old).map_err(write_err(&old))?;
    }
    Ok(())
}

/// The directory a release is written to, and the files written so far.
pub struct ReleaseDir {
    root: PathBuf,
    files: Vec<String>,
}

/// A file just written, to be described as a distribution.
pub struct Written(String);

impl Written {
    /// Describes the file for `void.ttl` (size and checksum come later).
    pub fn describe(
        self,
        title: &str,
        media_type: &'static str,
        rdf_format: Option<&'static str>,
    ) -> Distribution {
        Distribution {
            gzip: self.0.ends_with(".gz"),
            file: ReleaseFile {
                path: self.0,
                size: 0,
                sha256: String::new(),
            },
            title: title.to_owned(),
            media_type,
            rdf_format,
        }
    }
}

impl ReleaseDir {
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Creates a file (and its directory) for streaming output.
    pub fn create(&mut self, rel: &str) -> Result<(BufWriter<File>, PathBuf)> {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_err(parent))?;
        }
        let file = File::create(&path).map_err(write_err(&path))?;
        self.files.push(rel.to_owned());
        Ok((BufWriter::with_capacity(1 << 20, file), path))
    }

    /// Writes a whole file.
    pub fn write(&mut self, rel: &str, content: &[u8]) -> Result<Written> {
        let (mut out, path) = self.create(rel)?;
        out.write_all(content).map_err(write_err(&path))?;
        out.flush().map_err(write_err(&path))?;
        Ok(Written(rel.to_owned()))
    }

    /// Size and checksum of a file written so far.
    pub fn stat(&self, rel: &str) -> Result<ReleaseFile> {
        let path = self.path(rel);
        let read_err = |source| Error::Read {
            path: path.clone(),
            source,
        };
        let mut file = File::open(&path).map_err(read_err)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0; 1 << 16];
        let mut size = 0;
        loop {
            let n = file.read(&mut buf).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if n == 0 {
                break;
            }
            size += n as u64;
            hasher.update(&buf[..n]);
        }
        Ok(ReleaseFile {
            path: rel.to_owned(),
            size,
            sha256: format!("{:x}", hasher.finalize()),
        })
    }

    /// Writes `SHA256SUMS` for every file; returns them sorted by path.
    fn finish(mut self) -> Result<Vec<ReleaseFile>> {
        self.files.sort();
        let files: Vec<ReleaseFile> = self
            .files
            .iter()
            .map(|f| self.stat(f))
            .collect::<Result<_>>()?;
        let sums: String = files
            .iter()
            .map(|f| format!("{}  {}\n", f.sha256, f.path))
            .collect();
        self.write(SHA256SUMS, sums.as_bytes())?;
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shapes_parse() {
        let triples = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(SHAPES_TTL)
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        assert!(triples.len() > 100);
    }

    #[test]
    fn release_dates() {
        assert_eq!(release_date(None, "2026-01-02").unwrap(), "2026-01-02");
        assert_eq!(
            release_date(Some("2027-03-04"), "2026-01-02").unwrap(),
            "2027-03-04"
        );
        for bad in ["2027-02-30", "2027-3-4", "yesterday", "2027-03-04T00:00"] {
            assert!(release_date(Some(bad), "2026-01-02").is_err(), "{bad}");
        }
    }
}
