//! The release's `README.md`: what the release holds, its licence, how to
//! cite it and how to load it into a triple store.

use super::void::{Distribution, Statistics};
use crate::dataset::DatasetMeta;
use std::fmt::Write;

/// Renders the README of a release.
pub fn render(
    meta: &DatasetMeta,
    date: &str,
    stats: &Statistics,
    distributions: &[Distribution],
) -> String {
    let m = meta;
    let year = date.get(..4).unwrap_or(date);
    let dataset = format!("{}dataset", m.base);
    let mut r = String::new();
    let _ = write!(
        r,
        "# {title}\n\n{description}\n\n\
| | |\n|---|---|\n\
| version | {version} |\n| release date | {date} |\n| first issued | {issued} |\n\
| publisher | {publisher} |\n| licence | <{license}> |\n| base IRI | `{base}` |\n\
| dataset IRI | `{dataset}` |\n| statements | {triples} |\n| entities | {entities} |\n\n",
        title = m.title,
        description = m.description,
        version = m.version,
        issued = m.issued,
        publisher = m.publisher,
        license = m.license,
        base = m.base,
        triples = stats.triples,
        entities = stats.entities,
    );
    r.push_str("## Contents\n\n| file | what | bytes |\n|---|---|---|\n");
    for d in distributions {
        let _ = writeln!(
            r,
            "| [`{path}`]({path}) | {title} | {size} |",
            path = d.file.path,
            title = d.title,
            size = d.file.size
        );
    }
    r.push_str(
        "| [`void.ttl`](void.ttl) | VoID + DCAT description of the dataset and of every file above, with sizes and SHA-256 checksums | |\n\
| [`SHA256SUMS`](SHA256SUMS) | checksums of every file; check with `sha256sum -c SHA256SUMS` | |\n\n",
    );
    let _ = write!(
        r,
        "Every dump holds the same statements. The curated statements drawn from \
each source article are in the named graph `{base}graph/{{source-id}}`; the \
dataset, article and graph descriptions in `{base}graph/metadata`; curation \
decisions in `{base}graph/curation`; the ontology in `{base}graph/ontology`; \
and the dataset's statistics (VoID triple, entity, class and property counts, \
class and property partitions and linksets) in `{base}graph/void`, which counts \
every graph but itself. The Turtle and RDF/XML dumps hold the union of the \
graphs. The files themselves — their sizes and checksums — are described only \
in `void.ttl`, since a dump cannot hold its own checksum.\n\n\
The JSON-LD dump is compacted with the context in \
[`ontology/context.jsonld`](ontology/context.jsonld): node ids are relative to \
`{base}`, text in `{lang}` is a plain string and each property has a short \
name (documented in [`ontology/labourgraph.html`](ontology/labourgraph.html#context)). \
Keep the two files side by side: the dump refers to the context by the relative \
path `ontology/context.jsonld`.\n\n\
The CSV tables (UTF-8, RFC 4180) have one row per entity or relation, with IRIs \
as keys; a cell with several values separates them with ` | `.\n\n\
[`ontology/shapes.ttl`](ontology/shapes.ttl) states the interoperability \
contract as SHACL shapes: validate the union of the graphs against it, e.g. \
`pyshacl --allow-warnings -s ontology/shapes.ttl labourgraph.ttl`. Shapes of \
severity `sh:Warning` report what the sources may not say (an event's date or \
place).\n\n",
        base = m.base,
        lang = m.language,
    );
    let _ = write!(
        r,
        "## Licence\n\nThe data is published by {publisher} under <{license}>. \
The full texts of the source articles belong to their publishers.\n\n\
## How to cite\n\n> {publisher} ({year}). *{title}* (version {version}, released {date}) \
[Data set]. {dataset}\n\n```bibtex\n@misc{{labourgraph-{version},\n  title = {{{title}}},\n  \
author = {{{{{publisher}}}}},\n  year = {{{year}}},\n  version = {{{version}}},\n  \
note = {{Released {date}. Base IRI {base}}},\n  url = {{{dataset}}}\n}}\n```\n\n",
        publisher = m.publisher,
        license = m.license,
        title = m.title,
        version = m.version,
        base = m.base,
    );
    r.push_str(LOADING);
    r
}

const LOADING: &str = r#"## Loading into a triple store

Check the files first:

```sh
sha256sum -c SHA256SUMS
```

**Oxigraph** ([CLI](https://github.com/oxigraph/oxigraph/tree/main/cli)):

```sh
oxigraph load --location ./store --file labourgraph.nq
oxigraph serve --location ./store --union-default-graph
```

**Apache Jena** (RIOT and TDB2):

```sh
riot --validate labourgraph.nq.gz
tdb2.tdbloader --loc ./tdb2 labourgraph.nq.gz
fuseki-server --loc ./tdb2 /labourgraph
```

(query across all graphs with `FROM <urn:x-arq:UnionGraph>` or `GRAPH ?g`).

**Virtuoso** (in `isql`; the release directory must be listed in
`DirsAllowed` of `virtuoso.ini`; N-Quads keep their own graphs):

```sql
ld_dir('/path/to/release', 'labourgraph.nq.gz', 'http://localhost/ignored');
rdf_loader_run();
checkpoint;
```

**Python** (rdflib):

```python
from rdflib import Dataset
ds = Dataset()
ds.parse("labourgraph.nq", format="nquads")
```

**Spreadsheets and data frames**: open `tables/*.csv`, e.g. with pandas:
`pandas.read_csv("tables/organisations.csv")`.
"#;
