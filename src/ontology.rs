//! The project's own ontology (`ontology/labourgraph.ttl`), embedded in the
//! binary so that the graph a build produces depends only on the binary and
//! the data. It is loaded into its own named graph, `{base}graph/ontology`.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};

/// The ontology in Turtle.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/labourgraph.ttl");

/// IRI of the ontology document.
pub const ONTOLOGY_IRI: &str = "https://example.org/labourgraph/ontology";

/// The ontology's triples as quads in `graph`.
///
/// ```
/// use oxigraph::model::NamedNode;
/// let quads = labourgraph::ontology::quads(NamedNode::new("http://example.com/g")?)?;
/// assert!(quads.len() > 100);
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn quads(graph: NamedNode) -> Result<Vec<Quad>> {
    let graph = GraphName::NamedNode(graph);
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ONTOLOGY_TTL)
        .map(|t| {
            t.map(|q| Quad::new(q.subject, q.predicate, q.object, graph.clone()))
                .map_err(|e| Error::RdfSyntax {
                    origin: "the embedded ontology".into(),
                    source: e.into(),
                })
        })
        .collect()
}
