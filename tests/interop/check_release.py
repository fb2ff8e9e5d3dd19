#!/usr/bin/env python3
"""Checks a labourgraph release with RDF tools no one on the project wrote.

    check_release.py RELEASE_DIR

* rdflib parses every dump (and its .gz): the TriG and JSON-LD dumps are
  the same dataset as the N-Quads dump, the Turtle and RDF/XML dumps its
  union graph (compared as sets of statements: there are no blank nodes,
  so that is isomorphism, which rdflib.compare confirms for graphs);
* pyld expands the JSON-LD dump with the published context and converts it
  to RDF: the same dataset as the N-Quads dump;
* the N-Quads dump is canonical (sorted, unique lines, no blank nodes);
* SHA256SUMS and the distributions in void.ttl (download URL, byte size,
  SHA-256) match the files; the VoID statistics match the dumps;
* pySHACL validates the union graph and void.ttl against
  ontology/shapes.ttl and they conform (warnings allowed), and the same
  shapes reject a deliberately broken copy with the expected violations;
* rapper (raptor2) parses the Turtle and RDF/XML files without warnings,
  to the same triples;
* the ontology page is self-contained and documents every lg: term; the
  CSV tables parse, with unique keys.

Exits non-zero if any check fails.
"""

import csv
import gzip
import hashlib
import json
import pathlib
import subprocess
import sys
from html.parser import HTMLParser

import pyshacl
from pyld import jsonld
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef, BNode
from rdflib.compare import isomorphic

SCHEMA = Namespace("http://schema.org/")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
LG = Namespace("https://example.org/labourgraph/ontology#")
ONTOLOGY_IRI = "https://example.org/labourgraph/ontology"
DUMPS = ["labourgraph.nq", "labourgraph.trig", "labourgraph.ttl", "labourgraph.rdf", "labourgraph.jsonld"]

failures = []


def check(name, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok or not detail else f"\n      {detail}"))
    if not ok:
        failures.append(name)
    return ok


def quads_of(ds):
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


def triples_of(graph):
    return set(graph.triples((None, None, None)))


def differs(a, b):
    return f"{len(a - b)} missing, {len(b - a)} extra; e.g. {sorted(map(str, a - b))[:1]} / {sorted(map(str, b - a))[:1]}"


def parse_dataset(data, fmt, base):
    ds = Dataset()
    ds.parse(data=data, format=fmt, publicID=base)
    return ds


def read(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def context_loader(release):
    def load(url, options=None):
        if not url.startswith("file://"):
            raise ValueError(f"the dump refers to a remote document: {url}")
        path = pathlib.Path(url[len("file://"):])
        if release not in path.parents:
            raise ValueError(f"the dump refers to a document outside the release: {url}")
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": json.loads(path.read_text(encoding="utf-8"))}
    return load


def check_dumps(release):
    reference = Dataset()
    reference.parse(release / "labourgraph.nq", format="nquads")
    quads = quads_of(reference)
    union = Graph()
    for s, p, o, _ in quads:
        union.add((s, p, o))
    check(f"rdflib parses labourgraph.nq ({len(quads)} quads)", len(quads) > 0)
    check("no blank nodes in the dumps",
          not any(isinstance(t, BNode) for q in quads for t in q))

    lines = (release / "labourgraph.nq").read_bytes().split(b"\n")
    check("N-Quads dump is canonical: sorted, unique, one quad per line",
          lines[-1] == b"" and lines[:-1] == sorted(set(lines[:-1]))
          and all(line.endswith(b" .") for line in lines[:-1]))

    for name in DUMPS:
        for path in [release / name, release / (name + ".gz")]:
            data = read(path)
            base = path.as_uri()
            label = f"rdflib: {path.name}"
            if path.suffix == ".gz":
                check(f"{path.name} decompresses to {name}", data == (release / name).read_bytes())
                check(f"{path.name} has no timestamp in its gzip header", path.read_bytes()[4:8] == b"\0\0\0\0")
            if name.endswith((".nq", ".trig", ".jsonld")):
                fmt = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[name.rsplit(".", 1)[1]]
                # the JSON-LD context is found relative to the dump, so parse the file itself
                ds = Dataset()
                if fmt == "json-ld":
                    ds.parse(release / name, format=fmt)
                else:
                    ds.parse(data=data, format=fmt, publicID=base)
                got = quads_of(ds)
                check(f"{label} is the dataset of the N-Quads dump", got == quads, differs(quads, got))
            else:
                fmt = {"ttl": "turtle", "rdf": "xml"}[name.rsplit(".", 1)[1]]
                g = Graph()
                g.parse(data=data, format=fmt, publicID=base)
                check(f"{label} is the union graph of the N-Quads dump", triples_of(g) == triples_of(union),
                      differs(triples_of(union), triples_of(g)))
                if path.suffix != ".gz":
                    check(f"rdflib.compare: {path.name} is isomorphic to the union graph", isomorphic(g, union))

    doc = json.loads((release / "labourgraph.jsonld").read_text(encoding="utf-8"))
    options = {"base": (release / "labourgraph.jsonld").as_uri(), "documentLoader": context_loader(release)}
    expanded = jsonld.expand(doc, options)
    check("pyld expands the JSON-LD dump", len(expanded) > 0)
    nq = jsonld.to_rdf(doc, dict(options, format="application/n-quads"))
    got = quads_of(parse_dataset(nq, "nquads", None))
    check("pyld: the JSON-LD dump converts to the dataset of the N-Quads dump", got == quads, differs(quads, got))
    context = json.loads((release / "ontology/context.jsonld").read_text(encoding="utf-8"))
    compacted = jsonld.compact(expanded, context, {"documentLoader": context_loader(release)})
    check("pyld compacts the expanded dump with the context", "@graph" in compacted)
    return reference, union


def check_files(release, union):
    sums = {}
    for line in (release / "SHA256SUMS").read_text().splitlines():
        digest, path = line.split("  ", 1)
        sums[path] = digest
    files = sorted(str(p.relative_to(release)) for p in release.rglob("*") if p.is_file())
    check("SHA256SUMS lists every other file", sorted(sums) == [f for f in files if f != "SHA256SUMS"])
    bad = [p for p, d in sums.items() if hashlib.sha256((release / p).read_bytes()).hexdigest() != d]
    check("SHA256SUMS checksums match", not bad, str(bad))

    void = Graph()
    void.parse(release / "void.ttl", format="turtle")
    dists = list(void.subjects(RDF.type, DCAT.Distribution))
    described = set()
    problems = []
    for d in dists:
        url = void.value(d, DCAT.downloadURL)
        path = pathlib.Path(str(url)[len("file://"):]) if str(url).startswith("file://") else None
        if path is None or not path.is_file() or release not in path.parents:
            problems.append(f"{d}: download URL {url} is not a file of the release")
            continue
        rel = str(path.relative_to(release))
        described.add(rel)
        size = int(void.value(d, DCAT.byteSize))
        checksum = void.value(d, SPDX.checksum)
        value = str(void.value(checksum, SPDX.checksumValue))
        if void.value(checksum, SPDX.algorithm) != SPDX.checksumAlgorithm_sha256:
            problems.append(f"{rel}: not a SHA-256 checksum")
        if size != path.stat().st_size:
            problems.append(f"{rel}: byteSize {size} != {path.stat().st_size}")
        if value != hashlib.sha256(path.read_bytes()).hexdigest():
            problems.append(f"{rel}: checksum differs")
        if void.value(d, DCAT.mediaType) is None:
            problems.append(f"{rel}: no media type")
    expected = {f for f in files if f not in ("SHA256SUMS", "void.ttl", "README.md")}
    check(f"void.ttl describes every file ({len(dists)} distributions)", described == expected,
          f"not described: {sorted(expected - described)}")
    check("void.ttl sizes and checksums match the files", not problems, "; ".join(problems[:5]))

    # statistics, recomputed from the dumps
    dataset = next(void.subjects(RDF.type, DCAT.Dataset))
    space = str(void.value(dataset, VOID.uriSpace))
    stats_graph = URIRef(space + "graph/void")
    nq = Dataset()
    nq.parse(release / "labourgraph.nq", format="nquads")
    content = {(s, p, o) for s, p, o, g in nq.quads((None, None, None, None)) if g != stats_graph}
    entities = {s for s, _, _ in content
                if isinstance(s, URIRef) and str(s).startswith(space) and not str(s).startswith(ONTOLOGY_IRI)}
    check("void:triples counts the statements of every graph but the statistics",
          int(void.value(dataset, VOID.triples)) == len(content))
    check("void:entities counts the dataset's subjects", int(void.value(dataset, VOID.entities)) == len(entities))
    per_class, per_property = {}, {}
    for s, p, o in content:
        per_property[p] = per_property.get(p, 0) + 1
        if p == RDF.type:
            per_class.setdefault(o, set()).add(s)
    parts = {void.value(x, VOID["class"]): int(void.value(x, VOID.entities))
             for x in void.objects(dataset, VOID.classPartition)}
    check("class partitions count each class's instances", parts == {c: len(s) for c, s in per_class.items()})
    parts = {void.value(x, VOID.property): int(void.value(x, VOID.triples))
             for x in void.objects(dataset, VOID.propertyPartition)}
    check("property partitions count each property's triples", parts == per_property)
    links = sum(1 for s, p, o in content if p in (SCHEMA.sameAs, OWL.sameAs) and not str(o).startswith(space))
    counted = sum(int(void.value(ls, VOID.triples)) for ls in void.subjects(RDF.type, VOID.Linkset))
    check(f"linksets count every external link ({links})", counted == links)
    return void


def results(report):
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append({"focus": report.value(r, SH.focusNode), "path": report.value(r, SH.resultPath),
                    "severity": report.value(r, SH.resultSeverity),
                    "component": report.value(r, SH.sourceConstraintComponent),
                    "shape": report.value(r, SH.sourceShape)})
    return out


def validate(data, shapes):
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                           allow_warnings=True, allow_infos=True)
    return conforms, results(report)


def check_shapes(release, union, void):
    shapes = Graph()
    shapes.parse(release / "ontology/shapes.ttl", format="turtle")
    data = Graph()
    for t in union:
        data.add(t)
    for t in void:
        data.add(t)
    conforms, found = validate(data, shapes)
    violations = [r for r in found if r["severity"] == SH.Violation]
    warnings = [r for r in found if r["severity"] == SH.Warning]
    check(f"pySHACL: the release conforms to shapes.ttl ({len(warnings)} warnings)",
          conforms and not violations, "; ".join(f"{r['focus']} {r['path']} {r['component']}" for r in violations[:5]))

    broken = Graph()
    for t in data:
        broken.add(t)
    expected = []  # (description, focus, path or None, component, severity)
    touched = set()  # other nodes a breakage invalidates (annotations without a body…)

    def first(subjects):
        return sorted(subjects)[0]

    org = first(set(broken.subjects(RDF.type, ORG.FormalOrganization)))
    broken.remove((org, SCHEMA.name, None))
    expected.append(("organisation without schema:name", org, SCHEMA.name, SH.MinCountConstraintComponent, SH.Violation))

    figure = first(set(broken.subjects(RDF.type, LG.ReportedFigure)))
    broken.remove((figure, SCHEMA.value, None))
    broken.add((figure, SCHEMA.value, Literal("many")))
    expected.append(("figure with an untyped value", figure, SCHEMA.value, SH.OrConstraintComponent, SH.Violation))

    person = first(set(broken.subjects(RDF.type, SCHEMA.Person)))
    for a in list(broken.subjects(OA.hasBody, person)):
        broken.remove((a, OA.hasBody, person))
        touched.add(a)
    expected.append(("person without evidence", person, None, SH.MinCountConstraintComponent, SH.Violation))

    attended = sorted({(e, a) for e, a in broken.subject_objects(SCHEMA.attendee)})
    if attended:
        event, attendee = attended[0]
        broken.remove((event, SCHEMA.attendee, attendee))
        expected.append(("participant who is not an attendee", event, None, SH.EqualsConstraintComponent, SH.Violation))

    dated = sorted(set(broken.subjects(SCHEMA.startDate, None)) & set(broken.subjects(RDF.type, SCHEMA.Event)))
    if dated:
        broken.remove((dated[0], SCHEMA.startDate, None))
        expected.append(("event without a date (only a warning)", dated[0], SCHEMA.startDate,
                         SH.MinCountConstraintComponent, SH.Warning))

    agreement = first(set(broken.subjects(RDF.type, LG.Agreement)))
    broken.remove((agreement, LG.party, None))
    expected.append(("agreement without parties", agreement, LG.party, SH.MinCountConstraintComponent, SH.Violation))

    blank = BNode()
    broken.add((blank, RDF.type, SCHEMA.Person))
    broken.add((blank, SCHEMA.name, Literal("Nobody")))
    expected.append(("a blank node", blank, None, SH.NodeKindConstraintComponent, SH.Violation))

    dist = first(set(broken.subjects(RDF.type, DCAT.Distribution)))
    checksum = broken.value(dist, SPDX.checksum)
    broken.remove((checksum, SPDX.checksumValue, None))
    broken.add((checksum, SPDX.checksumValue, Literal("not-a-checksum")))
    touched.add(checksum)
    expected.append(("distribution with a bad checksum", dist, SPDX.checksum, SH.NodeConstraintComponent, SH.Violation))

    conforms, found = validate(broken, shapes)
    check("pySHACL: the shapes reject a broken copy of the release", not conforms)
    for what, focus, path, component, severity in expected:
        hits = [r for r in found if r["focus"] == focus and r["component"] == component
                and (path is None or r["path"] == path)]
        check(f"pySHACL reports: {what}", any(r["severity"] == severity for r in hits),
              f"results for {focus}: {[(str(r['path']), str(r['component']), str(r['severity'])) for r in found if r['focus'] == focus]}")
        if severity == SH.Warning:
            check(f"pySHACL reports no violation for: {what}",
                  not any(r["severity"] == SH.Violation for r in found if r["focus"] == focus and r["path"] == path))
    unexpected = {r["focus"] for r in found if r["severity"] == SH.Violation} - {e[1] for e in expected} - touched
    check("pySHACL reports violations only where the copy was broken", not unexpected, str(sorted(map(str, unexpected))[:5]))


def check_rapper(release, union):
    for name, syntax in [("labourgraph.ttl", "turtle"), ("labourgraph.rdf", "rdfxml"), ("void.ttl", "turtle"),
                         ("ontology/labourgraph.ttl", "turtle"), ("ontology/shapes.ttl", "turtle")]:
        proc = subprocess.run(["rapper", "-i", syntax, "-o", "ntriples", str(release / name)],
                              capture_output=True, text=True)
        noise = [line for line in proc.stderr.splitlines()
                 if "warning" in line.lower() or "error" in line.lower()]
        check(f"rapper parses {name} without warnings", proc.returncode == 0 and not noise,
              "\n      ".join(noise[:5]) or f"exit {proc.returncode}")
        if name.startswith("labourgraph.") and proc.returncode == 0:
            g = Graph()
            g.parse(data=proc.stdout, format="nt")
            check(f"rapper reads {name} as the union graph", triples_of(g) == triples_of(union),
                  differs(triples_of(union), triples_of(g)))


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.external = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("script", "link", "img", "iframe") or (tag != "a" and "src" in attrs):
            self.external.append(tag)


def check_ontology_page(release):
    page = Page()
    page.feed((release / "ontology/labourgraph.html").read_text(encoding="utf-8"))
    onto = Graph()
    onto.parse(release / "ontology/labourgraph.ttl", format="turtle")
    terms = {str(s)[len(str(LG)):] for s in onto.subjects() if str(s).startswith(str(LG))}
    check("the ontology page is self-contained (no scripts, stylesheets or images)", not page.external,
          str(page.external))
    check(f"the ontology page documents every lg: term ({len(terms)})", terms <= page.ids,
          str(sorted(terms - page.ids)[:5]))


def check_tables(release):
    keys = {"organisations": ["organisation"], "people": ["person", "post"], "events": ["event"],
            "event-participants": ["participation"], "agreements": ["agreement"],
            "agreement-parties": ["agreement", "party"], "figures": ["figure"]}
    for name, key in keys.items():
        with open(release / f"tables/{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        idx = [header.index(k) for k in key]
        ok = all(len(r) == len(header) for r in body) and len(set(header)) == len(header)
        ids = [tuple(r[i] for i in idx) for r in body]
        check(f"tables/{name}.csv: {len(body)} rows, keys unique IRIs",
              ok and len(set(ids)) == len(ids) and all(r[idx[0]].startswith("http") for r in body))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    release = pathlib.Path(sys.argv[1]).resolve()
    reference, union = check_dumps(release)
    void = check_files(release, union)
    check_shapes(release, union, void)
    check_rapper(release, union)
    check_ontology_page(release)
    check_tables(release)
    if failures:
        print(f"\n{len(failures)} checks failed", file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
