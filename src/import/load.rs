//! Loading the imports listed in the metadata at build time: every entry
//! checked (id, graph, format, file, SHA-256), every file parsed in full,
//! its quads handed to the sink while the run is valid and its graph
//! described in the metadata graph; every problem a located diagnostic.

use super::{
    Areas, IMPORTS_DIR, ImportEntry, ImportFormat, Loaded, cube, ilostat, rdf, sha256_file,
    skolem_prefix,
};
use crate::dataset::{DatasetMeta, Iris, is_slug};
use crate::diagnostics::{Diagnostic, Diagnostics, JsonPath, Problem};
use crate::error::Result;
use crate::pipeline::BATCH;
use crate::reader::DataFiles;
use crate::records::RecordKind;
use crate::validate::Index;
use crate::vocab::{dcterms, lg, prov, rdf as rdfv, rdfs, void, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path};

/// A receiver of quad batches (a reborrowed [`crate::pipeline::Sink`]).
pub(crate) type QuadSink<'s, 'a> = &'s mut (dyn FnMut(&mut Vec<Quad>) -> Result<()> + 'a);

/// Hands quads to the sink in batches while the run is still valid.
struct Batches<'s, 'a> {
    sink: Option<QuadSink<'s, 'a>>,
    buf: Vec<Quad>,
    count: usize,
}

impl Batches<'_, '_> {
    fn push(&mut self, quad: Quad) -> Result<()> {
        self.count += 1;
        if self.sink.is_some() {
            self.buf.push(quad);
            if self.buf.len() >= BATCH {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        match self.sink.as_mut() {
            Some(sink) if !self.buf.is_empty() => {
                let sent = sink(&mut self.buf);
                self.buf.clear();
                sent
            }
            _ => Ok(()),
        }
    }
}

/// Checks and loads every import listed in the metadata, handing its quads
/// and its description (in the metadata graph) to `sink` while `diags` is
/// empty; every problem becomes a diagnostic.
pub(crate) fn load(
    meta: &DatasetMeta,
    files: &DataFiles,
    index: &Index,
    areas: &Areas,
    diags: &mut Diagnostics,
    mut sink: Option<QuadSink<'_, '_>>,
) -> Result<Vec<Loaded>> {
    let iris = Iris::new(meta.base.clone());
    let (mut ids, mut graphs, mut listed) = (HashMap::new(), HashMap::new(), BTreeSet::new());
    let mut loaded = Vec::new();
    for (i, entry) in meta.imports.iter().enumerate() {
        let before = diags.len();
        let at = |key: &str| JsonPath::root().key("imports").index(i).key(key);
        let mut problem = |key: &str, problem: Problem, message: String| {
            diags.push(Diagnostic::in_record(
                &files.dataset,
                (0, usize::MAX),
                &JsonPath::root(),
                at(key),
                problem,
                message,
            ));
        };
        if !is_slug(&entry.id) {
            problem(
                "id",
                Problem::InvalidId,
                format!(
                    "`{}` is not a valid import id: expected a slug such as `wikidata-fturk`",
                    entry.id
                ),
            );
        } else if let Some(j) = ids.insert(entry.id.clone(), i) {
            problem(
                "id",
                Problem::DuplicateId,
                format!("import id `{}` is also used by imports[{j}]", entry.id),
            );
        }
        let graph = entry.graph_iri(&iris);
        if let Err(e) = NamedNode::new(&graph) {
            problem(
                "graph",
                Problem::InvalidValue,
                format!("`{graph}` is not an absolute IRI: {e}"),
            );
        } else if let Some(why) = reserved(&iris, index, &graph) {
            problem(
                "graph",
                Problem::InvalidValue,
                format!("`{graph}` is {why}: an import needs a graph of its own"),
            );
        } else if let Some(j) = graphs.insert(graph.clone(), i) {
            problem(
                "graph",
                Problem::Duplicate,
                format!("graph `{graph}` is also the graph of imports[{j}]"),
            );
        }
        let format = ImportFormat::parse(&entry.format);
        if format.is_none() {
            problem(
                "format",
                Problem::WrongType,
                format!(
                    "unknown import format `{}`: expected {}",
                    entry.format,
                    ImportFormat::NAMES
                ),
            );
        }
        if entry.origin.trim().is_empty() {
            problem(
                "origin",
                Problem::MissingField,
                "the origin (a URL or the original file name) must not be empty".into(),
            );
        }
        let rel = Path::new(&entry.file);
        let inside = rel.components().all(|c| matches!(c, Component::Normal(_)))
            && rel.starts_with(IMPORTS_DIR);
        let path = files.root.join(rel);
        if !inside {
            problem(
                "file",
                Problem::InvalidValue,
                format!(
                    "`{}`: expected a path under `{IMPORTS_DIR}/` in the data directory",
                    entry.file
                ),
            );
        } else {
            listed.insert(path.clone());
            if !path.is_file() {
                problem(
                    "file",
                    Problem::Io,
                    format!(
                        "no file {}: import it again with `labourgraph import`",
                        path.display()
                    ),
                );
            }
        }
        if diags.len() > before {
            continue;
        }
        let sha = sha256_file(&path)?;
        if !sha.eq_ignore_ascii_case(entry.sha256.trim()) {
            diags.push(Diagnostic::in_record(
                &files.dataset,
                (0, usize::MAX),
                &JsonPath::root(),
                at("sha256"),
                Problem::InvalidValue,
                format!("{} has SHA-256 {sha}, not the recorded one: the file changed since it was imported; import it again with `labourgraph import --replace`", path.display()),
            ));
            continue;
        }
        let format = format.expect("checked");
        let graph_node = NamedNode::new_unchecked(graph.clone());
        let mut out = Batches {
            sink: if diags.is_empty() {
                sink.as_deref_mut()
            } else {
                None
            },
            buf: Vec::new(),
            count: 0,
        };
        let mut item = Loaded {
            id: entry.id.clone(),
            graph: graph.clone(),
            file: path.clone(),
            format,
            triples: 0,
            blank_nodes: 0,
            merged_graphs: 0,
            rows: 0,
            minted_areas: Vec::new(),
        };
        match format {
            ImportFormat::Rdf(rdf_format) => {
                let mut problems = Vec::new();
                let base = NamedNode::new(&entry.origin)
                    .ok()
                    .map(|_| entry.origin.as_str());
                let skolem = skolem_prefix(&meta.base, &entry.id);
                let parsed = rdf::parse(
                    &path,
                    rdf_format,
                    base,
                    &graph_node,
                    &skolem,
                    &mut problems,
                    |q| out.push(q),
                )?;
                for p in problems {
                    let problem = if p.io { Problem::Io } else { Problem::Syntax };
                    diags.push(match p.position {
                        Some(lc) => Diagnostic::at_line_column(
                            &path,
                            lc,
                            JsonPath::root(),
                            problem,
                            p.message,
                        ),
                        None => Diagnostic::in_file(&path, problem, p.message),
                    });
                }
                item.triples = parsed.triples;
                item.blank_nodes = parsed.blank_nodes;
                item.merged_graphs = parsed.merged_graphs;
            }
            ImportFormat::Ilostat => {
                let mut problems = Vec::new();
                let mut cube = cube::Cube::new(&meta.base, &entry.id, &graph_node, areas);
                let mut quads = Vec::new();
                item.rows = ilostat::read(&path, &mut problems, |row| {
                    cube.row(&row, &mut quads);
                    quads.drain(..).try_for_each(|q| out.push(q))
                })?;
                item.minted_areas = cube.finish(&entry.origin, &mut quads);
                quads.into_iter().try_for_each(|q| out.push(q))?;
                for p in problems {
                    let path_json = p
                        .column
                        .map_or_else(JsonPath::root, |c| JsonPath::root().key(c));
                    diags.push(Diagnostic::at_line_column(
                        &path,
                        (p.line as usize, 1),
                        path_json,
                        Problem::InvalidValue,
                        p.message,
                    ));
                }
                item.triples = out.count;
            }
        }
        out.flush()?;
        let mut description = Vec::new();
        describe(meta, &iris, entry, &item, &mut description);
        if diags.is_empty() {
            if let Some(sink) = sink.as_mut() {
                sink(&mut description)?;
            }
        }
        loaded.push(item);
    }
    let imports_dir = files.root.join(IMPORTS_DIR);
    for path in files.all.iter().filter(|p| p.starts_with(&imports_dir)) {
        if !listed.contains(path) {
            diags.push(Diagnostic::in_file(path, Problem::InvalidValue, "a file under imports/ that the `imports` of dataset.json do not list: import it with `labourgraph import`, or remove it"));
        }
    }
    Ok(loaded)
}

/// Why a graph IRI cannot hold an import, if it cannot.
fn reserved(iris: &Iris, index: &Index, graph: &str) -> Option<&'static str> {
    if [
        iris.metadata_graph(),
        iris.curation_graph(),
        iris.ontology_graph(),
    ]
    .iter()
    .any(|g| g == graph)
    {
        return Some("one of labourgraph's own graphs");
    }
    let source = graph.strip_prefix(&iris.graph(""))?;
    (index.kind(source) == Some(RecordKind::Source)).then_some("the graph of a source")
}

/// The description of an imported graph, in the metadata graph.
fn describe(
    meta: &DatasetMeta,
    iris: &Iris,
    entry: &ImportEntry,
    item: &Loaded,
    out: &mut Vec<Quad>,
) {
    let g: GraphName = NamedNode::new_unchecked(iris.metadata_graph()).into();
    let s = NamedNode::new_unchecked(item.graph.clone());
    let mut add = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(s.clone(), p, o, g.clone()))
    };
    add(rdfv::TYPE, lg::IMPORTED_GRAPH.into_owned().into());
    add(rdfv::TYPE, void::DATASET.into_owned().into());
    add(rdfv::TYPE, prov::ENTITY.into_owned().into());
    let name = Path::new(&entry.file)
        .file_name()
        .map_or(entry.file.clone(), |n| n.to_string_lossy().into_owned());
    add(
        rdfs::LABEL,
        Literal::new_simple_literal(format!(
            "Imported from {}",
            name_of(&entry.origin).unwrap_or(&name)
        ))
        .into(),
    );
    match NamedNode::new(&entry.origin) {
        Ok(origin) => {
            add(prov::WAS_DERIVED_FROM, origin.clone().into());
            add(dcterms::SOURCE, origin.into());
        }
        Err(_) => add(
            dcterms::SOURCE,
            Literal::new_simple_literal(entry.origin.clone()).into(),
        ),
    }
    add(
        lg::SHA256,
        Literal::new_simple_literal(entry.sha256.to_ascii_lowercase()).into(),
    );
    add(
        lg::IMPORT_FILE,
        Literal::new_simple_literal(entry.file.clone()).into(),
    );
    add(
        dcterms::FORMAT,
        Literal::new_simple_literal(item.format.media_type()).into(),
    );
    add(
        dcterms::ISSUED,
        Literal::new_typed_literal(meta.issued.clone(), xsd::DATE).into(),
    );
    add(void::TRIPLES, Literal::from(item.triples as i64).into());
    if let Some(note) = &entry.note {
        add(
            rdfs::COMMENT,
            Literal::new_simple_literal(note.clone()).into(),
        );
    }
    out.push(Quad::new(
        NamedNode::new_unchecked(iris.dataset()),
        void::SUBSET,
        s.clone(),
        g.clone(),
    ));
}

/// The last path segment of an origin that is a URL.
fn name_of(origin: &str) -> Option<&str> {
    origin
        .contains("://")
        .then(|| origin.trim_end_matches('/').rsplit('/').next())
        .flatten()
}
