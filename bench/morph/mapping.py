#!/usr/bin/env python3
"""Writes mapping.rml.ttl: an RML mapping for Morph-KGC that produces the
same triples as labourgraph's mapping (src/map/) for the synthetic corpus
(`labourgraph synth`), from the corpus converted to JSON arrays
(bench/morph/prepare.py), with the functions in udfs.py.

It covers what the synthetic corpus uses: every record kind, alternative
names, descriptions, posts, participations, evidence quotes as Web
Annotations with their context, dates of any precision, figures. Not
covered (the generator never writes them): `same_as`, `notes`, inferred or
bounded dates, names with their own language tag, participations without a
person.

References that may point to records of more than one kind (organisers,
parties, issuers, what a figure is about) are joins with the tables of the
possible kinds, as RML needs them; references to one kind are templates.

Morph-KGC's JSON reader drops a row when any field of a nested object is
missing (pandas `dropna(how="any")` after `json_normalize`), so prepare.py
gives the nested arrays with optional fields, posts and participants, as
tables of their own (posts.json, participations.json) keyed by their
record's id. Two values RML cannot compute inside an IRI template are added
by prepare.py too: each evidence quote's `_hash` (the first 8 hex digits of the
SHA-256 of source and quote) and each post's `_role_slug`. (Computing them
with functions instead would need function-valued subjects, and Morph-KGC
2.10 fails on a triples map with a function-valued subject and a
function-valued literal object: KeyError 'reference_results'.)

Run: python3 bench/morph/mapping.py > bench/morph/mapping.rml.ttl
"""

B = "https://example.org/labourgraph/"
PREFIXES = {
    "rml": "http://w3id.org/rml/",
    "fn": B + "fn#",
    "lg": B + "ontology#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

out = []
counter = [0]


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fresh(prefix):
    counter[0] += 1
    return f"<#{prefix}{counter[0]}>"


# -- term maps ---------------------------------------------------------------

def template(t, literal=False):
    return f"rml:template {q(t)}" + ("; rml:termType rml:Literal" if literal else "")


def ref(r):
    return f"rml:reference {q(r)}"


def const(iri):
    return f"rml:constant {iri}"


def fn(name, **params):
    """A function execution; params are ('ref'|'template'|'const', value)."""
    node = fresh("exec")
    inputs = []
    for p, (kind, value) in params.items():
        if kind == "ref":
            vm = ref(value)
        elif kind == "template":
            vm = template(value)
        else:
            vm = f"rml:constant {q(value)}"
        inputs.append(f"[ rml:parameter fn:{p}; rml:inputValueMap [ {vm} ] ]")
    out.append(f"{node} rml:function fn:{name};\n    rml:input {', '.join(inputs)} .\n")
    return f"rml:functionExecution {node}"


def iri(map_):
    return f"{map_}; rml:termType rml:IRI"


def lang(map_, tag="en"):
    return f"{map_}; rml:language {q(tag)}"


def typed(map_, datatype):
    return f"{map_}; rml:datatype {datatype}"


def date(r):
    return f"{ref(r)}; rml:datatypeMap [ {fn('dateType', value=('ref', r))} ]"


def join(parent, child, parent_ref="id"):
    return (f"rml:parentTriplesMap {parent}; "
            f"rml:joinCondition [ rml:child {q(child)}; rml:parent {q(parent_ref)} ]")


def ent(kind, r):
    return template(f"{B}{kind}/{{{r}}}")


# -- triples maps --------------------------------------------------------------

def tmap(name, source, subject, poms, iterator="$[*]", classes=()):
    lines = [f"<#{name}> a rml:TriplesMap;",
             f"  rml:logicalSource [ rml:source {q(source)}; "
             f"rml:referenceFormulation rml:JSONPath; rml:iterator {q(iterator)} ];"]
    cls = "".join(f"; rml:class {c}" for c in classes)
    lines.append(f"  rml:subjectMap [ {subject}{cls} ]" + (";" if poms else " ."))
    for i, (pred, obj) in enumerate(poms):
        end = "." if i == len(poms) - 1 else ";"
        if pred.startswith("rml:functionExecution"):
            pm = f"rml:predicateMap [ {pred} ]"
        else:
            pm = f"rml:predicate {pred}"
        lines.append(f"  rml:predicateObjectMap [ {pm}; rml:objectMap [ {obj} ] ] {end}")
    out.append("\n".join(lines) + "\n")


def labels(r="name"):
    return [(p, lang(ref(r))) for p in ("rdfs:label", "schema:name", "skos:prefLabel")]


def evidence(name, source, body, ev):
    """prov:wasDerivedFrom and the Web Annotation of every evidence quote of
    a body (an IRI template)."""
    src, quote = f"{ev}.source", f"{ev}.quote"
    node = f"{body}/evidence/{{{ev}._hash}}"
    tmap(f"{name}Annotation", source, template(node), [
        ("oa:hasBody", template(body)),
        ("oa:motivatedBy", const("oa:describing")),
        ("oa:hasTarget", template(node + "/target")),
    ], classes=("oa:Annotation",))
    tmap(f"{name}Target", source, template(node + "/target"), [
        ("oa:hasSource", ent("source", src)),
        ("oa:hasSelector", template(node + "/selector")),
    ], classes=("oa:SpecificResource",))
    tmap(f"{name}Selector", source, template(node + "/selector"), [
        ("oa:exact", ref(quote)),
        ("oa:prefix", fn("quotePrefix", source=("ref", src), quote=("ref", quote))),
        ("oa:suffix", fn("quoteSuffix", source=("ref", src), quote=("ref", quote))),
    ], classes=("oa:TextQuoteSelector",))
    return ("prov:wasDerivedFrom", ent("source", src))


def record(kind, file, poms, classes=()):
    """The shared statements of a record kind, plus its own."""
    subject = template(f"{B}{kind}/{{id}}")
    common = labels() + [
        ("skos:altLabel", lang(ref("alt_names"))),
        ("schema:alternateName", lang(ref("alt_names"))),
        ("schema:description", lang(ref("description"))),
    ]
    if kind != "source":
        common.append(evidence(kind.capitalize(), file, f"{B}{kind}/{{id}}", "evidence"))
    tmap(kind.capitalize(), file, subject, common + poms, classes=classes)


def main():
    out.append(f"@base <{B}mapping> .\n")
    for p, ns in PREFIXES.items():
        out.append(f"@prefix {p}: <{ns}> .\n")
    out.append("\n")

    # Dataset metadata.
    tmap("Dataset", "dataset.json", const(f"<{B}dataset>"), [
        ("dcterms:title", lang(ref("title"))),
        ("dcterms:description", lang(ref("description"))),
        ("dcterms:license", iri(ref("license"))),
        ("dcterms:issued", typed(ref("issued"), "xsd:date")),
        ("dcterms:hasVersion", ref("version")),
        ("dcterms:language", ref("language")),
        ("void:uriSpace", ref("base")),
        ("dcat:keyword", lang(ref("keywords"))),
        ("dcterms:publisher", const(f"<{B}publisher>")),
    ], iterator="$", classes=("void:Dataset", "dcat:Dataset"))
    tmap("Publisher", "dataset.json", const(f"<{B}publisher>"), [
        ("schema:name", lang(ref("publisher"))),
        ("rdfs:label", lang(ref("publisher"))),
    ], iterator="$", classes=("schema:Organization",))
    tmap("Scheme", "dataset.json", const(f"<{B}topic/scheme>"), [
        ("skos:prefLabel", lang(ref("topic_scheme"))),
        ("rdfs:label", lang(ref("topic_scheme"))),
        ("dcterms:title", lang(ref("topic_scheme"))),
    ], iterator="$", classes=("skos:ConceptScheme",))

    # Sources and their graphs.
    record("source", "sources.json", [
        ("dcterms:title", f"{ref('name')}; rml:languageMap [ {ref('language')} ]"),
        ("schema:headline", f"{ref('name')}; rml:languageMap [ {ref('language')} ]"),
        ("schema:publisher", ent("organisation", "publisher")),
        ("dcterms:publisher", ent("organisation", "publisher")),
        ("schema:inLanguage", ref("language")),
        ("schema:datePublished", date("date")),
        ("schema:url", iri(ref("url"))),
        ("schema:text", f"{fn('textOf', text=('ref', 'text'))}; rml:languageMap [ {ref('language')} ]"),
    ], classes=("schema:NewsArticle", "prov:Entity"))
    tmap("SourceGraph", "sources.json", template(f"{B}graph/{{id}}"), [
        ("prov:wasDerivedFrom", ent("source", "id")),
        ("dcterms:source", ent("source", "id")),
        ("rdfs:label", lang(template("Statements drawn from \u201c{name}\u201d", literal=True))),
    ], classes=("lg:SourceGraph",))

    # Organisations.
    record("organisation", "organisations.json", [
        ("rdf:type", iri(fn("orgClasses", kind=("ref", "kind")))),
        ("lg:country", ent("place", "country")),
        (fn("parentPredicate", kind=("ref", "kind")), ent("organisation", "parent")),
        ("schema:foundingDate", date("founded")),
    ])
    tmap("OrganisationChild", "organisations.json", ent("organisation", "parent"), [
        (fn("childPredicate", kind=("ref", "kind")), ent("organisation", "id")),
    ])

    # People, their posts and the roles.
    post = f"{B}person/{{person}}/post/{{organisation}}-{{_role_slug}}"
    role = f"{B}role/{{_role_slug}}"
    record("person", "people.json", [
        ("schema:givenName", ref("given_name")),
        ("schema:familyName", ref("family_name")),
    ], classes=("schema:Person",))
    tmap("PersonPost", "posts.json", ent("person", "person"), [
        ("org:hasMembership", template(post)),
    ])
    tmap("Post", "posts.json", template(post), [
        ("org:member", ent("person", "person")),
        ("org:organization", ent("organisation", "organisation")),
        ("org:role", template(role)),
        ("rdfs:label", lang(ref("role"))),
        ("schema:startDate", date("start")),
        ("schema:endDate", date("end")),
        ("lg:attestedOn", date("attested")),
        ("lg:attestedAt", ent("event", "events")),
        evidence("Post", "posts.json", post, "evidence"),
    ], classes=("org:Membership",))
    tmap("Role", "posts.json", template(role), [
        ("rdfs:label", lang(ref("role"))),
        ("skos:prefLabel", lang(ref("role"))),
    ], classes=("org:Role",))

    # Events and participations.
    record("event", "events.json", [
        ("rdf:type", iri(fn("eventClass", kind=("ref", "kind")))),
        ("lg:status", iri(fn("term", value=("ref", "status")))),
        ("schema:startDate", date("start")),
        ("schema:endDate", date("end")),
        ("schema:location", ent("place", "places")),
        ("schema:organizer", join("<#Organisation>", "organisers")),
        ("schema:organizer", join("<#Person>", "organisers")),
        ("schema:superEvent", ent("event", "part_of")),
        ("dcterms:subject", ent("topic", "topics")),
    ], classes=("schema:Event",))
    tmap("SubEvent", "events.json", ent("event", "part_of"), [
        ("schema:subEvent", ent("event", "id")),
    ])
    participation = f"{B}event/{{event}}/participation/{{person}}"
    tmap("EventParticipation", "participations.json", ent("event", "event"), [
        ("schema:attendee", ent("person", "person")),
        ("schema:attendee", ent("organisation", "organisation")),
        ("lg:hasParticipation", template(participation)),
    ])
    tmap("Participation", "participations.json", template(participation), [
        ("lg:participant", ent("person", "person")),
        ("lg:onBehalfOf", ent("organisation", "organisation")),
        ("lg:capacity", lang(ref("capacity"))),
        ("lg:participantRole", lang(ref("role"))),
        evidence("Participation", "participations.json", participation, "evidence"),
    ], classes=("lg:Participation",))

    # Agreements.
    record("agreement", "agreements.json", [
        ("rdf:type", iri(fn("agreementClass", kind=("ref", "kind")))),
        ("lg:status", iri(fn("term", value=("ref", "status")))),
        ("lg:party", join("<#Organisation>", "parties")),
        ("lg:party", join("<#Person>", "parties")),
        ("lg:agreedAt", ent("event", "agreed_at")),
        ("lg:agreedOn", date("date")),
        ("lg:content", lang(ref("content"))),
        ("lg:concernsPlace", ent("place", "places")),
        ("lg:concernsDate", date("concerns_date")),
        ("schema:validFrom", date("valid_from")),
        ("schema:validThrough", date("valid_until")),
        ("lg:concernsDocument", ent("document", "documents")),
        ("lg:concernsEvent", ent("event", "events")),
        ("dcterms:subject", ent("topic", "topics")),
    ], classes=("lg:Agreement", "prov:Entity"))

    # Documents and their periods.
    period = fn("periodNode", id=("ref", "id"), start=("ref", "period_start"))
    record("document", "documents.json", [
        ("rdf:type", iri(fn("documentClasses", kind=("ref", "kind")))),
        ("dcterms:title", lang(ref("name"))),
        ("lg:status", iri(fn("term", value=("ref", "status")))),
        ("dcterms:creator", join("<#Organisation>", "issuers")),
        ("dcterms:creator", join("<#Person>", "issuers")),
        ("lg:jurisdiction", ent("place", "jurisdiction")),
        ("dcterms:temporal", iri(period)),
        ("dcterms:issued", date("date")),
        ("lg:adoptedAt", ent("event", "adopted_at")),
        ("lg:presentedAt", ent("event", "presented_at")),
        ("dcterms:subject", ent("topic", "topics")),
    ], classes=("schema:CreativeWork",))
    tmap("Period", "documents.json",
         iri(fn("periodNode", id=("ref", "id"), start=("ref", "period_start"))), [
             ("dcat:startDate", date("period_start")),
             ("dcat:endDate", date("period_end")),
         ], classes=("dcterms:PeriodOfTime",))

    # Places and their ISO codes.
    record("place", "places.json", [
        ("rdf:type", iri(fn("placeClass", kind=("ref", "kind")))),
        ("schema:containedInPlace", ent("place", "within")),
        ("lg:iso3166Alpha2", ref("iso3166.alpha2")),
        ("lg:iso3166Alpha3", ref("iso3166.alpha3")),
        ("lg:iso3166Numeric", ref("iso3166.numeric")),
    ], classes=("schema:Place",))
    tmap("IsoNote", "places.json",
         iri(fn("isoNode", id=("ref", "id"), alpha2=("ref", "iso3166.alpha2"))), [
             ("lg:aboutEntity", ent("place", "id")),
             ("lg:verifiedIn", iri(ref("iso3166.verified_in"))),
             ("rdfs:comment", lang(template(
                 "ISO 3166-1 codes {iso3166.alpha2}/{iso3166.alpha3}/{iso3166.numeric} "
                 "verified in {iso3166.verified_in}.", literal=True))),
         ], classes=("lg:CurationNote",))

    # Figures.
    value = ("ref", "value")
    record("figure", "figures.json", [
        ("schema:about", join("<#Organisation>", "about")),
        ("schema:about", join("<#Event>", "about")),
        ("schema:about", join("<#Person>", "about")),
        ("schema:value", f"{fn('numberValue', value=value)}; "
                         f"rml:datatypeMap [ {fn('numberType', value=value)} ]"),
        ("lg:qualifier", iri(fn("term", value=("ref", "qualifier")))),
        ("schema:minValue", f"{fn('minValue', value=value, qualifier=('ref', 'qualifier'))}; "
                            f"rml:datatypeMap [ {fn('numberType', value=value)} ]"),
        ("schema:maxValue", f"{fn('maxValue', value=value, qualifier=('ref', 'qualifier'))}; "
                            f"rml:datatypeMap [ {fn('numberType', value=value)} ]"),
        ("schema:unitText", lang(ref("unit"))),
        ("lg:counts", lang(ref("counts"))),
        ("dcterms:date", date("date")),
        ("lg:reportedAt", ent("event", "event")),
    ], classes=("lg:ReportedFigure", "schema:QuantitativeValue"))

    # Topics.
    record("topic", "topics.json", [
        ("skos:inScheme", const(f"<{B}topic/scheme>")),
        ("skos:broader", ent("topic", "broader")),
        ("skos:topConceptOf", iri(fn("topScheme", id=("ref", "id")))),
        ("skos:definition", lang(ref("definition"))),
    ], classes=("skos:Concept",))
    tmap("Narrower", "topics.json", ent("topic", "broader"), [
        ("skos:narrower", ent("topic", "id")),
    ])
    tmap("TopConcept", "topics.json", iri(fn("topScheme", id=("ref", "id"))), [
        ("skos:hasTopConcept", ent("topic", "id")),
    ])

    print("".join(out), end="")


if __name__ == "__main__":
    main()
