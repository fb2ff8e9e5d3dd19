//! The dumps of a release: the whole dataset as canonical N-Quads, TriG,
//! Turtle (the union graph), RDF/XML (the union graph) and compacted
//! JSON-LD, each also gzip-compressed.
//!
//! The N-Quads dump is canonical: each quad on one line in the form of the
//! RDF 1.2 N-Quads canonical serialisation (as Oxigraph writes it; there are
//! no blank nodes to relabel), lines sorted in code point order and
//! de-duplicated, so `LC_ALL=C sort -c` accepts it and `diff` between two
//! releases shows exactly what changed. The other dumps are sorted by graph
//! and subject and use the ontology's prefixes (Turtle and TriG) or the
//! published JSON-LD context.

use super::context::Context;
use super::void::Distribution;
use super::{ReleaseDir, jsonld};
use crate::dataset::DatasetMeta;
use crate::error::{Error, Result, write_err};
use crate::export::{Selection, export, sorted_quads};
use crate::format::Format;
use crate::query::{Prefixes, prefixes, serializer};
use flate2::{Compression, GzBuilder};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Quad, Triple};
use oxigraph::store::Store;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::Path;

/// The base name of the dump files.
pub const STEM: &str = "labourgraph";

/// Writes every dump and its gzip-compressed copy into `dir`.
pub fn write_all(
    store: &Store,
    meta: &DatasetMeta,
    context: &Context,
    dir: &mut ReleaseDir,
) -> Result<Vec<Distribution>> {
    let prefixes = prefixes(&meta.base);
    let quads = sorted_quads(store)?;
    let mut out = Vec::new();
    let mut dump = |ext: &str,
                    title: &str,
                    media: &'static str,
                    feature: &'static str,
                    write: &mut dyn FnMut(&mut dyn Write) -> Result<()>|
     -> Result<()> {
        let rel = format!("{STEM}.{ext}");
        let (mut file, path) = dir.create(&rel)?;
        write(&mut file)?;
        file.flush().map_err(|e| Error::Write {
            path: path.clone(),
            source: e,
        })?;
        drop(file);
        let gz = format!("{rel}.gz");
        let (file, gz_path) = dir.create(&gz)?;
        gzip(&path, file, &gz_path)?;
        let feature = Some(feature);
        out.push(dir_describe(&rel, title, media, feature));
        out.push(dir_describe(
            &gz,
            &format!("{title}, gzip-compressed"),
            media,
            feature,
        ));
        Ok(())
    };
    dump(
        "nq",
        "N-Quads dump: every named graph, canonical (sorted, one quad per line)",
        "application/n-quads",
        "http://www.w3.org/ns/formats/N-Quads",
        &mut |out| nquads(&quads, out),
    )?;
    dump(
        "trig",
        "TriG dump: every named graph",
        "application/trig",
        "http://www.w3.org/ns/formats/TriG",
        &mut |out| export(store, Format::Trig, &Selection::All, &prefixes, out),
    )?;
    dump(
        "ttl",
        "Turtle dump: the union of all graphs",
        "text/turtle",
        "http://www.w3.org/ns/formats/Turtle",
        &mut |out| export(store, Format::Turtle, &Selection::Union, &prefixes, out),
    )?;
    dump(
        "rdf",
        "RDF/XML dump: the union of all graphs",
        "application/rdf+xml",
        "http://www.w3.org/ns/formats/RDF_XML",
        &mut |out| export(store, Format::Rdfxml, &Selection::Union, &prefixes, out),
    )?;
    dump(
        "jsonld",
        "JSON-LD dump: every named graph, compacted with ontology/context.jsonld",
        "application/ld+json",
        "http://www.w3.org/ns/formats/JSON-LD",
        &mut |out| {
            let mut buf = Vec::new();
            jsonld::write(&quads, context, &meta.base, &meta.language, &mut buf)?;
            jsonld::check(&buf, &context.to_json(), &quads)?;
            out.write_all(&buf).map_err(Error::Output)
        },
    )?;
    Ok(out)
}

fn dir_describe(
    rel: &str,
    title: &str,
    media: &'static str,
    format: Option<&'static str>,
) -> Distribution {
    super::Written(rel.to_owned()).describe(title, media, format)
}

/// Canonical N-Quads: one quad per line, lines sorted by code point.
///
/// ```
/// use oxigraph::model::*;
/// let g = NamedNode::new("http://e.org/g")?;
/// let q = |s: &str| Quad::new(NamedNode::new(s).unwrap(), NamedNode::new("http://e.org/p").unwrap(), Literal::new_simple_literal("a\tb"), g.clone());
/// let mut out = Vec::new();
/// labourgraph::publish::dumps::nquads(&[q("http://e.org/b"), q("http://e.org/a")], &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "<http://e.org/a> <http://e.org/p> \"a\\tb\" <http://e.org/g> .\n<http://e.org/b> <http://e.org/p> \"a\\tb\" <http://e.org/g> .\n");
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn nquads(quads: &[Quad], out: &mut dyn Write) -> Result<()> {
    let mut lines: Vec<String> = quads.iter().map(|q| format!("{q} .\n")).collect();
    lines.sort_unstable();
    lines.dedup();
    for line in lines {
        out.write_all(line.as_bytes()).map_err(Error::Output)?;
    }
    Ok(())
}

/// Triples as Turtle with the given prefixes, in the given order.
pub fn turtle(triples: Vec<Triple>, prefixes: &Prefixes, out: &mut dyn Write) -> Result<()> {
    let mut ser = serializer(RdfFormat::Turtle, prefixes).for_writer(out);
    for t in &triples {
        ser.serialize_triple(t).map_err(Error::Output)?;
    }
    ser.finish().map_err(Error::Output)?;
    Ok(())
}

/// Compresses `src` into `out` with a fixed header (no file name, no
/// modification time, unknown OS), so the output depends only on the input.
fn gzip(src: &Path, out: std::io::BufWriter<File>, out_path: &Path) -> Result<()> {
    let input = File::open(src).map_err(|e| Error::Read {
        path: src.to_owned(),
        source: e,
    })?;
    let mut encoder = GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(out, Compression::best());
    std::io::copy(&mut BufReader::new(input), &mut encoder).map_err(write_err(out_path))?;
    let mut out = encoder.finish().map_err(write_err(out_path))?;
    out.flush().map_err(write_err(out_path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn gzip_is_deterministic_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("a.txt");
        std::fs::write(&src, "hello hello hello\n").unwrap();
        let mut outs = Vec::new();
        for name in ["a.gz", "b.gz"] {
            let path = dir.path().join(name);
            let file = std::io::BufWriter::new(File::create(&path).unwrap());
            gzip(&src, file, &path).unwrap();
            outs.push(std::fs::read(&path).unwrap());
        }
        assert_eq!(outs[0], outs[1]);
        assert_eq!(&outs[0][4..8], &[0, 0, 0, 0], "no modification time");
        assert_eq!(outs[0][9], 255, "unknown OS");
        let mut text = String::new();
        flate2::read::GzDecoder::new(&outs[0][..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "hello hello hello\n");
    }
}
