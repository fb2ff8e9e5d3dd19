//! A deterministic synthetic corpus for benchmarks and scale tests.
//!
//! [`generate`] writes a project's `data/` directory with `N` records of
//! every kind — sources with their full texts, places, organisations,
//! topics, people with posts, events with participants, agreements,
//! documents and figures — as JSON Lines, one file per kind. Everything is
//! drawn from a ChaCha8 random stream seeded with the given seed, so the
//! same seed and record count give byte-identical files (for a given
//! labourgraph version and `Cargo.lock`).
//!
//! The records look like curated ones and validate cleanly:
//! * every reference points to a record of the right kind (participants act
//!   for the organisation they hold a post in, units name their parent
//!   organisation, venues lie in cities and cities in countries, topics form
//!   a tree);
//! * the records are spread over the sources ("articles"); each article's
//!   text is written from the sentences that report its records, and every
//!   evidence quote is one of those sentences, so it occurs verbatim;
//! * dates come at day, month or year precision; figures are integers or
//!   decimals with qualifiers.
//!
//! Each record of kind `K` and index `j` has its own random stream
//! (`stream = K << 48 | j`), so any record can derive the name and id of any
//! other record without keeping the corpus in memory: generation streams,
//! one article at a time.
//!
//! The parts:
//! * `corpus` plans the corpus (records per kind) and hands out the random
//!   streams and ids;
//! * `identities` derives what other records need to know of a record (its
//!   id, name, kind) from its stream alone;
//! * `article` writes one article: its records, its source record and its
//!   text, made of the sentences the evidence quotes;
//! * `entities` (places, organisations, topics, people) and `activities`
//!   (events, agreements, documents, figures) make the records of each kind;
//! * `vocabulary` holds the name pools and word forms, `date` the dates;
//! * `writer` writes the JSON Lines files, the texts and the metadata.

mod activities;
mod article;
mod corpus;
mod date;
mod entities;
mod identities;
mod vocabulary;
mod writer;

use crate::error::{Error, Result, write_err};
use crate::records::RecordKind;
use corpus::Corpus;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use writer::Writer;

/// The smallest corpus [`generate`] makes (so that every kind is present).
pub const MIN_RECORDS: usize = 100;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Total number of records, sources included.
    pub records: usize,
    /// Seed of the random stream.
    pub seed: u64,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The data directory written.
    pub data: PathBuf,
    /// Records per kind.
    pub counts: BTreeMap<RecordKind, usize>,
    /// Files written (records, texts and the dataset metadata).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

impl Summary {
    /// Total number of records.
    pub fn records(&self) -> usize {
        self.counts.values().sum()
    }
}

/// Writes a synthetic corpus into `project/data` (which must not exist yet):
/// first into a temporary directory inside `project`, renamed into place at
/// the end, so an interrupted run leaves no half-written `data/`.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let options = labourgraph::synth::Options { records: 200, seed: 1 };
/// let summary = labourgraph::synth::generate(dir.path(), &options)?;
/// assert_eq!(summary.records(), 200);
/// labourgraph::pipeline::validate(&summary.data, &Default::default())?;
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn generate(project: &Path, options: &Options) -> Result<Summary> {
    if options.records < MIN_RECORDS {
        return Err(Error::Usage(format!(
            "--records {}: a synthetic corpus has at least {MIN_RECORDS} records",
            options.records
        )));
    }
    let data = project.join("data");
    if data.exists() {
        return Err(Error::Usage(format!(
            "{} already exists: choose a project directory without data/",
            data.display()
        )));
    }
    std::fs::create_dir_all(project).map_err(write_err(project))?;
    let tmp = tempfile::Builder::new()
        .prefix(".data.")
        .suffix(".partial")
        .tempdir_in(project)
        .map_err(write_err(project))?;
    let corpus = Corpus::new(options);
    let mut writer = Writer::new(tmp.path())?;
    writer.dataset(&corpus)?;
    for article in 0..corpus.count(RecordKind::Source) {
        corpus.article(article, &mut writer)?;
    }
    let (files, bytes) = writer.finish()?;
    let tmp = tmp.keep();
    std::fs::rename(&tmp, &data).map_err(write_err(&data))?;
    Ok(Summary {
        data,
        counts: RecordKind::ALL
            .iter()
            .map(|k| (*k, corpus.count(*k)))
            .collect(),
        files,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_corpora_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = generate(
            dir.path(),
            &Options {
                records: 10,
                seed: 1,
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Usage(_)));
    }
}
