//! Adding imports to the data directory as one transaction.
//!
//! [`stage`] checks every file in full first — nothing is written while one
//! has a problem — then copies each to `data/imports/{id}.{ext}[.gz]` and
//! lists it in the `imports` of `dataset.json` (the rest of that file is
//! left byte for byte as it was). The caller then builds the store; if that
//! fails, [`Staged::rollback`] puts the data directory back as it was, and
//! [`Staged::commit`] otherwise drops the backups of replaced files.

use super::{IMPORTS_DIR, ImportEntry, ImportFormat, ilostat, rdf, sha256_file};
use crate::dataset::{DATASET_FILE, DatasetMeta, Iris, slugify};
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use crate::error::{Error, Result};
use oxigraph::model::NamedNode;
use std::path::{Path, PathBuf};

/// A file to import.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub path: PathBuf,
    /// The format; from the file's extension when `None`.
    pub format: Option<ImportFormat>,
    /// The graph [default: `{base}graph/import/{id}`].
    pub graph: Option<String>,
    /// Where the file came from [default: its file name].
    pub origin: Option<String>,
    pub note: Option<String>,
    /// Replace an import with the same id.
    pub replace: bool,
}

/// Imports written to the data directory, pending a successful build.
#[derive(Debug)]
pub struct Staged {
    dataset: PathBuf,
    previous: String,
    created: Vec<PathBuf>,
    /// Replaced files, moved aside: (original path, backup path).
    moved: Vec<(PathBuf, PathBuf)>,
    backups: Option<tempfile::TempDir>,
    /// The entries added (or replaced).
    pub entries: Vec<ImportEntry>,
}

impl Staged {
    /// Keeps the imports; deletes the backups of replaced files.
    pub fn commit(mut self) {
        self.moved.clear();
        drop(self.backups.take());
    }

    /// Restores the data directory as it was before [`stage`].
    pub fn rollback(mut self) -> Result<()> {
        self.undo()
    }

    fn undo(&mut self) -> Result<()> {
        crate::atomic::write(&self.dataset, self.previous.as_bytes())?;
        for path in self.created.drain(..) {
            let _ = std::fs::remove_file(&path);
        }
        for (original, backup) in self.moved.drain(..) {
            std::fs::rename(&backup, &original).map_err(|e| Error::Write {
                path: original.clone(),
                source: e,
            })?;
        }
        Ok(())
    }
}

/// Checks every requested file in full, then copies them into `data_dir`'s
/// `imports/` and lists them in `dataset.json`.
///
/// ```no_run
/// use labourgraph::import::stage::{Request, stage};
/// use std::path::Path;
/// let request = Request {
///     path: "wikidata-fturk.ttl.gz".into(),
///     origin: Some("https://query.wikidata.org/…".into()),
///     ..Default::default()
/// };
/// let staged = stage(Path::new("data"), &[request])?;
/// match labourgraph::store::build(Path::new("data"), Path::new(".labourgraph"), &Default::default()) {
///     Ok(_) => staged.commit(),
///     Err(e) => {
///         staged.rollback()?;
///         return Err(e);
///     }
/// }
/// # Ok::<_, labourgraph::Error>(())
/// ```
pub fn stage(data_dir: &Path, requests: &[Request]) -> Result<Staged> {
    let dataset = data_dir.join(DATASET_FILE);
    let previous = std::fs::read_to_string(&dataset).map_err(|e| Error::Read {
        path: dataset.clone(),
        source: e,
    })?;
    let meta: DatasetMeta = serde_json::from_str(&previous).map_err(|e| {
        Error::Usage(format!(
            "{} is not valid dataset metadata ({e}): run `labourgraph validate`",
            dataset.display()
        ))
    })?;
    let iris = Iris::new(meta.base.clone());
    let mut entries = meta.imports.clone();
    let mut added: Vec<(ImportEntry, PathBuf, Option<String>)> = Vec::new();
    for request in requests {
        let (entry, replaces) = check(request, &iris, &meta.base, &entries)?;
        let target = data_dir.join(&entry.file);
        match entries.iter().position(|e| e.id == entry.id) {
            Some(i) => entries[i] = entry.clone(),
            None => entries.push(entry.clone()),
        }
        added.push((entry, target, replaces));
    }
    let text = with_imports(&previous, &entries).map_err(|e| {
        Error::Usage(format!(
            "cannot add the imports to {}: {e}",
            dataset.display()
        ))
    })?;
    let mut staged = Staged {
        dataset: dataset.clone(),
        previous,
        created: Vec::new(),
        moved: Vec::new(),
        backups: None,
        entries: added.iter().map(|(e, ..)| e.clone()).collect(),
    };
    let result = (|| {
        let dir = data_dir.join(IMPORTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::Write {
            path: dir.clone(),
            source: e,
        })?;
        for ((_, target, replaces), request) in added.iter().zip(requests) {
            if let Some(old) = replaces {
                let old = data_dir.join(old);
                if old.exists() {
                    let backups = match &staged.backups {
                        Some(b) => b.path().to_owned(),
                        None => {
                            let parent = data_dir.parent().filter(|p| !p.as_os_str().is_empty());
                            let b = tempfile::Builder::new()
                                .prefix(".labourgraph-replaced-")
                                .tempdir_in(parent.unwrap_or(Path::new(".")))
                                .map_err(|e| Error::Write {
                                    path: data_dir.to_owned(),
                                    source: e,
                                })?;
                            let p = b.path().to_owned();
                            staged.backups = Some(b);
                            p
                        }
                    };
                    let backup = backups.join(staged.moved.len().to_string());
                    std::fs::rename(&old, &backup).map_err(|e| Error::Write {
                        path: old.clone(),
                        source: e,
                    })?;
                    staged.moved.push((old, backup));
                }
            }
            if target.exists() {
                return Err(Error::Usage(format!(
                    "{} exists already: remove it or import with --replace",
                    target.display()
                )));
            }
            crate::atomic::copy(&request.path, target)?;
            staged.created.push(target.clone());
        }
        crate::atomic::write(&dataset, text.as_bytes())
    })();
    match result {
        Ok(()) => Ok(staged),
        Err(e) => {
            staged.undo()?;
            Err(e)
        }
    }
}

/// Checks one request in full; returns its entry and the file of the entry
/// it replaces.
fn check(
    request: &Request,
    iris: &Iris,
    base: &str,
    existing: &[ImportEntry],
) -> Result<(ImportEntry, Option<String>)> {
    let path = &request.path;
    std::fs::metadata(path).map_err(|e| Error::Read {
        path: path.clone(),
        source: e,
    })?;
    let format = match request.format.or_else(|| ImportFormat::rdf_from_path(path)) {
        Some(f) => f,
        None => {
            return Err(Error::Usage(format!(
                "cannot tell the RDF format of {} from its extension: give --format ({})",
                path.display(),
                ImportFormat::NAMES
            )));
        }
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let id = Some(slugify(stem))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".into());
    let previous = existing.iter().find(|e| e.id == id);
    if previous.is_some() && !request.replace {
        return Err(Error::Usage(format!(
            "an import `{id}` exists already: give --replace to replace it, or rename the file"
        )));
    }
    let graph = request.graph.clone();
    let graph_iri = graph
        .clone()
        .unwrap_or_else(|| super::default_graph(iris, &id));
    if let Err(e) = NamedNode::new(&graph_iri) {
        return Err(Error::Usage(format!(
            "--graph `{graph_iri}` is not an absolute IRI: {e}"
        )));
    }
    if [
        iris.metadata_graph(),
        iris.curation_graph(),
        iris.ontology_graph(),
    ]
    .contains(&graph_iri)
    {
        return Err(Error::Usage(format!(
            "`{graph_iri}` is one of labourgraph's own graphs: an import needs a graph of its own"
        )));
    }
    if let Some(other) = existing
        .iter()
        .find(|e| e.id != id && e.graph_iri(iris) == graph_iri)
    {
        return Err(Error::Usage(format!(
            "graph `{graph_iri}` already holds the import `{}`",
            other.id
        )));
    }
    let origin = request.origin.clone().unwrap_or_else(|| name.clone());
    if origin.trim().is_empty() {
        return Err(Error::Usage("--origin must not be empty".into()));
    }
    let mut diags = Diagnostics::default();
    match format {
        ImportFormat::Rdf(rdf_format) => {
            let mut problems = Vec::new();
            let base_iri = NamedNode::new(&origin).ok().map(|_| origin.as_str());
            rdf::parse(
                path,
                rdf_format,
                base_iri,
                &NamedNode::new_unchecked(graph_iri.clone()),
                &super::skolem_prefix(base, &id),
                &mut problems,
                |_| Ok(()),
            )?;
            for p in problems {
                let problem = if p.io { Problem::Io } else { Problem::Syntax };
                diags.push(match p.position {
                    Some(lc) => {
                        Diagnostic::at_line_column(path, lc, JsonPath::root(), problem, p.message)
                    }
                    None => Diagnostic::in_file(path, problem, p.message),
                });
            }
        }
        ImportFormat::Ilostat => {
            for p in ilostat::check(path)?.1 {
                let at = p
                    .column
                    .map_or_else(JsonPath::root, |c| JsonPath::root().key(c));
                diags.push(Diagnostic::at_line_column(
                    path,
                    (p.line as usize, 1),
                    at,
                    Problem::InvalidValue,
                    p.message,
                ));
            }
        }
    }
    if !diags.is_empty() {
        return Err(Error::InvalidImport {
            file: path.clone(),
            diagnostics: diags,
        });
    }
    let gz = if rdf::is_gzip_file(path)? { ".gz" } else { "" };
    let entry = ImportEntry {
        file: format!("{IMPORTS_DIR}/{id}.{}{gz}", format.extension()),
        id,
        format: format.name().to_owned(),
        origin,
        sha256: sha256_file(path)?,
        graph,
        note: request.note.clone(),
    };
    Ok((entry, previous.map(|p| p.file.clone())))
}

/// `dataset.json`'s text with its `imports` set to `entries`: the list is
/// replaced (or added as the last member), one entry per line; the rest of
/// the text is kept byte for byte.
pub fn with_imports(text: &str, entries: &[ImportEntry]) -> Result<String, String> {
    use jsonc_parser::ast::Value;
    use jsonc_parser::common::Ranged;
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default())
        .map_err(|e| e.to_string())?;
    let Some(Value::Object(root)) = parsed.value else {
        return Err("expected a JSON object".into());
    };
    let indent = root.properties.first().map_or("  ", |p| {
        let line_start = text[..p.start()].rfind('\n').map_or(0, |i| i + 1);
        &text[line_start..p.start()]
    });
    let indent = if indent.trim().is_empty() && !indent.is_empty() {
        indent
    } else {
        "  "
    };
    let mut list = String::from("[");
    for (i, entry) in entries.iter().enumerate() {
        let json = one_line(entry);
        list.push_str(&format!(
            "\n{indent}{indent}{json}{}",
            if i + 1 < entries.len() { "," } else { "" }
        ));
    }
    list.push_str(&if entries.is_empty() {
        "]".to_owned()
    } else {
        format!("\n{indent}]")
    });
    let mut out = String::with_capacity(text.len() + list.len() + 32);
    match root
        .properties
        .iter()
        .find(|p| p.name.as_str() == "imports")
    {
        Some(prop) => {
            out.push_str(&text[..prop.value.start()]);
            out.push_str(&list);
            out.push_str(&text[prop.value.end()..]);
        }
        None => {
            let close = root.end() - 1;
            let last = text[..close].trim_end().len();
            out.push_str(&text[..last]);
            if !root.properties.is_empty() {
                out.push(',');
            }
            out.push_str(&format!("\n{indent}\"imports\": {list}"));
            out.push_str(&text[last..]);
        }
    }
    serde_json::from_str::<serde_json::Value>(&out)
        .map_err(|e| format!("the edit would not be valid JSON: {e}"))?;
    Ok(out)
}

/// An entry as a one-line JSON object, its members in documentation order.
fn one_line(entry: &ImportEntry) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut members = vec![
        ("id", q(&entry.id)),
        ("file", q(&entry.file)),
        ("format", q(&entry.format)),
        ("origin", q(&entry.origin)),
        ("sha256", q(&entry.sha256)),
    ];
    if let Some(g) = &entry.graph {
        members.push(("graph", q(g)));
    }
    if let Some(n) = &entry.note {
        members.push(("note", q(n)));
    }
    let members: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", members.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> ImportEntry {
        ImportEntry {
            id: id.into(),
            file: format!("imports/{id}.ttl"),
            format: "turtle".into(),
            origin: "x.ttl".into(),
            sha256: "00".into(),
            graph: None,
            note: None,
        }
    }

    #[test]
    fn imports_are_added_and_replaced_leaving_the_rest_as_it_was() {
        let text = "{\n  \"title\": \"T\",\n  \"keywords\": [\"a\",   \"b\"]\n}\n";
        let one = with_imports(text, &[entry("a")]).unwrap();
        assert!(one.starts_with("{\n  \"title\": \"T\",\n  \"keywords\": [\"a\",   \"b\"],\n  \"imports\": [\n    {\"id\": \"a\""), "{one}");
        assert!(one.ends_with("}\n  ]\n}\n"), "{one}");
        let two = with_imports(&one, &[entry("a"), entry("b")]).unwrap();
        let v: serde_json::Value = serde_json::from_str(&two).unwrap();
        assert_eq!(v["imports"][1]["id"], "b");
        assert!(two.contains("[\"a\",   \"b\"]"), "untouched: {two}");
        let mut odd = entry("c");
        odd.note = Some("a\",\"b \\ é".into());
        let three = with_imports(&two, &[odd.clone()]).unwrap();
        let meta: serde_json::Value = serde_json::from_str(&three).unwrap();
        let back: ImportEntry = serde_json::from_value(meta["imports"][0].clone()).unwrap();
        assert_eq!(back, odd);
        let none = with_imports(&two, &[]).unwrap();
        assert!(none.contains("\"imports\": []"), "{none}");
    }
}
