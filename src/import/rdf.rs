//! Reading an external RDF file for an import: gzip recognised by its magic
//! bytes, every statement put into the import's named graph (graph names of
//! TriG and N-Quads files are merged into it), and blank nodes replaced by
//! deterministic Skolem IRIs — `{prefix}{n}`, numbered in order of first
//! appearance — so that no two imports share a blank node and two builds of
//! the same file give the same graph.
//!
//! Syntax errors are collected (with Oxigraph's 1-based line:column where
//! the parser gives one) rather than stopping at the first; parsing gives up
//! after [`MAX_ERRORS`].

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufReader, Read};
use std::path::Path;

/// Syntax errors reported per file before parsing gives up.
pub const MAX_ERRORS: usize = 20;

/// Opens a file for reading, decompressing it if it starts with the gzip
/// magic bytes.
pub fn open(path: &Path) -> Result<Box<dyn Read>> {
    let read_err = |e| Error::Read {
        path: path.to_owned(),
        source: e,
    };
    let mut file = BufReader::with_capacity(1 << 20, std::fs::File::open(path).map_err(read_err)?);
    let gzip = is_gzip(&mut file).map_err(read_err)?;
    Ok(if gzip {
        Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(file)
    })
}

/// Whether a buffered reader starts with the gzip magic bytes (it is not
/// consumed).
fn is_gzip(reader: &mut impl std::io::BufRead) -> std::io::Result<bool> {
    Ok(reader.fill_buf()?.starts_with(&[0x1f, 0x8b]))
}

/// Whether the file at `path` is gzip-compressed.
pub fn is_gzip_file(path: &Path) -> Result<bool> {
    let mut file = BufReader::new(std::fs::File::open(path).map_err(|e| Error::Read {
        path: path.to_owned(),
        source: e,
    })?);
    is_gzip(&mut file).map_err(|e| Error::Read {
        path: path.to_owned(),
        source: e,
    })
}

/// The extension of a file name after a final `.gz`, lower-cased
/// (`extract.TTL.gz` → `ttl`).
pub fn inner_extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_owned())
}

/// A syntax (or decompression) problem in an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// 1-based line and column (in characters), when the parser gives them.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// Whether the file could not be read or decompressed (rather than parsed).
    pub io: bool,
}

/// What parsing a file found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Distinct triples.
    pub triples: usize,
    /// Statements read, duplicates included.
    pub statements: usize,
    /// Distinct blank nodes replaced by Skolem IRIs.
    pub blank_nodes: usize,
    /// Named graphs of a TriG or N-Quads file merged into the import's graph.
    pub merged_graphs: usize,
}

/// Parses `path` in `format` fully. Each distinct triple goes to `each` as a
/// quad in `graph`; syntax errors are appended to `problems`. `base` resolves
/// relative IRIs; `skolem` is the prefix of the Skolem IRIs.
///
/// ```
/// use oxigraph::{io::RdfFormat, model::NamedNode};
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("x.ttl");
/// std::fs::write(&path, "<http://ex.org/a> <http://ex.org/p> [ <http://ex.org/q> 1 ] .")?;
/// let graph = NamedNode::new("http://ex.org/graph")?;
/// let (mut quads, mut problems) = (Vec::new(), Vec::new());
/// let parsed = labourgraph::import::rdf::parse(&path, RdfFormat::Turtle, None, &graph,
///     "http://ex.org/genid/", &mut problems, |q| Ok(quads.push(q)))?;
/// assert_eq!((parsed.triples, parsed.blank_nodes), (2, 1));
/// assert!(quads[0].to_string().contains("<http://ex.org/genid/1>"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn parse(
    path: &Path,
    format: RdfFormat,
    base: Option<&str>,
    graph: &NamedNode,
    skolem: &str,
    problems: &mut Vec<SyntaxProblem>,
    mut each: impl FnMut(Quad) -> Result<()>,
) -> Result<Parsed> {
    let reader = open(path)?;
    let mut parser = RdfParser::from_format(format);
    if let Some(base) = base {
        parser = parser
            .with_base_iri(base)
            .map_err(|e| Error::Usage(format!("invalid base IRI `{base}`: {e}")))?;
    }
    let graph_name = GraphName::NamedNode(graph.clone());
    let mut skolemizer = Skolemizer::new(skolem);
    let mut seen = HashSet::new();
    let mut graphs = HashSet::new();
    let mut parsed = Parsed::default();
    for result in parser.for_reader(reader) {
        let quad = match result {
            Ok(quad) => quad,
            Err(e) => {
                let io = matches!(e, RdfParseError::Io(_));
                problems.push(problem(e));
                if io || problems.len() >= MAX_ERRORS {
                    break;
                }
                continue;
            }
        };
        parsed.statements += 1;
        if let GraphName::NamedNode(g) = &quad.graph_name {
            graphs.insert(g.as_str().to_owned());
        }
        let triple = Triple::new(
            skolemizer.subject(quad.subject),
            quad.predicate,
            skolemizer.object(quad.object),
        );
        let mut hasher = DefaultHasher::new();
        triple.hash(&mut hasher);
        if seen.insert(hasher.finish()) {
            parsed.triples += 1;
            if problems.is_empty() {
                each(triple.in_graph(graph_name.clone()))?;
            }
        }
    }
    parsed.blank_nodes = skolemizer.ids.len();
    parsed.merged_graphs = graphs.len();
    Ok(parsed)
}

fn problem(e: RdfParseError) -> SyntaxProblem {
    match e {
        RdfParseError::Io(e) => SyntaxProblem {
            position: None,
            message: format!("cannot read or decompress: {e}"),
            io: true,
        },
        RdfParseError::Syntax(e) => {
            let position = e
                .location()
                .map(|l| (l.start.line as usize + 1, l.start.column as usize + 1));
            let message = e.to_string();
            // The position is reported apart; drop the parser's own copy of it.
            let message = match (position, message.strip_prefix("Parser error at ")) {
                (Some(_), Some(rest)) => rest
                    .split_once(": ")
                    .map_or(message.clone(), |(_, m)| m.to_owned()),
                _ => message,
            };
            SyntaxProblem {
                position,
                message,
                io: false,
            }
        }
    }
}

/// Replaces blank nodes by `{prefix}{n}`, numbered in order of appearance.
struct Skolemizer {
    prefix: String,
    ids: HashMap<BlankNode, usize>,
}

impl Skolemizer {
    fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_owned(),
            ids: HashMap::new(),
        }
    }

    fn iri(&mut self, node: BlankNode) -> NamedNode {
        let next = self.ids.len() + 1;
        let n = *self.ids.entry(node).or_insert(next);
        NamedNode::new_unchecked(format!("{}{n}", self.prefix))
    }

    fn subject(&mut self, s: NamedOrBlankNode) -> NamedOrBlankNode {
        match s {
            NamedOrBlankNode::BlankNode(b) => self.iri(b).into(),
            other => other,
        }
    }

    fn object(&mut self, o: Term) -> Term {
        match o {
            Term::BlankNode(b) => self.iri(b).into(),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn parse_text(text: &[u8], format: RdfFormat) -> (Parsed, Vec<Quad>, Vec<SyntaxProblem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, text).unwrap();
        let g = NamedNode::new("http://ex.org/g").unwrap();
        let (mut quads, mut problems) = (Vec::new(), Vec::new());
        let parsed = parse(
            &path,
            format,
            None,
            &g,
            "http://ex.org/genid/",
            &mut problems,
            |q| {
                quads.push(q);
                Ok(())
            },
        )
        .unwrap();
        (parsed, quads, problems)
    }

    #[test]
    fn blank_nodes_become_numbered_skolem_iris() {
        let ttl =
            b"@prefix : <http://ex.org/> .\n:a :p [ :q 1 ] , _:x .\n_:x :r _:x .\n:a :p _:x .\n";
        let (parsed, quads, problems) = parse_text(ttl, RdfFormat::Turtle);
        assert!(problems.is_empty());
        assert_eq!(parsed.blank_nodes, 2);
        assert_eq!(parsed.statements, 5);
        assert_eq!(parsed.triples, 4, "the repeated triple counts once");
        let text: Vec<String> = quads.iter().map(ToString::to_string).collect();
        assert!(text.iter().all(|q| !q.contains("_:")), "{text:?}");
        assert!(text.contains(&"<http://ex.org/genid/2> <http://ex.org/r> <http://ex.org/genid/2> <http://ex.org/g>".to_owned()), "{text:?}");
    }

    #[test]
    fn syntax_errors_have_positions_and_gzip_is_read() {
        let (_, quads, problems) = parse_text(
            b"<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n<http://ex.org/a> <http://ex.org/b> \"x .\n",
            RdfFormat::NTriples,
        );
        assert_eq!(problems[0].position.map(|p| p.0), Some(2));
        assert_eq!(quads.len(), 1, "nothing is delivered after the first error");

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), Default::default());
        gz.write_all(b"<http://ex.org/a> <http://ex.org/b> _:n .\n")
            .unwrap();
        let (parsed, _, problems) = parse_text(&gz.finish().unwrap(), RdfFormat::NTriples);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(parsed.triples, 1);
    }

    #[test]
    fn extensions_after_gz() {
        assert_eq!(
            inner_extension(Path::new("a/x.TTL.gz")).as_deref(),
            Some("ttl")
        );
        assert_eq!(inner_extension(Path::new("x.nt")).as_deref(), Some("nt"));
        assert_eq!(inner_extension(Path::new("x")), None);
    }
}
