//! The validated configuration: the project's directories with their
//! defaults filled in, and how chatty to be. Also opening the store, which
//! every command reading the graph does the same way.

use crate::args::Global;
use labourgraph::progress::Progress;
use labourgraph::store::{self, Backend, Built};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The validated configuration.
pub(crate) struct Config {
    pub(crate) project: PathBuf,
    pub(crate) data: PathBuf,
    pub(crate) store: PathBuf,
    pub(crate) queries: PathBuf,
    pub(crate) quiet: bool,
    pub(crate) backend: Option<Backend>,
}

impl Config {
    pub(crate) fn from(global: Global) -> Self {
        let project = global.project;
        Self {
            data: global.data.unwrap_or_else(|| project.join("data")),
            project: project.clone(),
            store: global.store.unwrap_or_else(|| project.join(".labourgraph")),
            queries: global.queries.unwrap_or_else(|| project.join("queries")),
            quiet: global.quiet,
            backend: global.backend,
        }
    }

    pub(crate) fn progress(&self) -> Progress {
        Progress::new(!self.quiet && std::io::stderr().is_terminal())
    }

    /// Prints a note on standard error unless quiet.
    pub(crate) fn note(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("labourgraph: {message}");
        }
    }

    /// Opens the store, rebuilding it (with a note) when the data changed.
    pub(crate) fn open(&self) -> anyhow::Result<store::Opened> {
        let opened = store::open_with(&self.data, &self.store, self.backend, &self.progress())?;
        if let Some((built, reason)) = &opened.rebuilt {
            self.note_rebuild(built, *reason);
        }
        Ok(opened)
    }

    /// Notes that the store was (re)built on the way, and why.
    pub(crate) fn note_rebuild(&self, built: &Built, reason: store::Rebuild) {
        let why = match reason {
            store::Rebuild::Missing => "no store was built yet",
            store::Rebuild::Stale => "the data changed since the last build",
        };
        self.note(format!(
            "{why}: built {} in {:.2} s",
            labourgraph::error::plural(built.summary.records(), "record"),
            built.elapsed.as_secs_f64()
        ));
    }
}
