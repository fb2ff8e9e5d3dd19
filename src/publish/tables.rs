//! CSV tables for spreadsheet users: one row per entity or per relation,
//! IRIs as keys, names next to the IRIs they stand for.
//!
//! | file | one row per |
//! |---|---|
//! | `tables/organisations.csv` | organisation |
//! | `tables/people.csv` | post a person held (a person without posts gets one row) |
//! | `tables/events.csv` | event |
//! | `tables/event-participants.csv` | participation of a person or organisation in an event |
//! | `tables/agreements.csv` | agreement |
//! | `tables/agreement-parties.csv` | party to an agreement |
//! | `tables/figures.csv` | reported figure |
//!
//! Cells holding several values join them with ` | `, sorted (IRIs) or in
//! the order of the IRIs they name (names). Dates and numbers are their
//! lexical forms (`2022`, `2022-10`, `2022-10-10`). Files are UTF-8 CSV
//! (RFC 4180: CRLF line ends, quotes where needed), written with the `csv`
//! crate, rows sorted by their key IRIs.

use crate::dataset::DatasetMeta;
use crate::error::{Error, Result};
use crate::vocab::{dcterms, lg, org, prov, rdf, rdfs, schema, skos};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term};
use oxigraph::store::Store;
use std::collections::BTreeSet;

/// Separator of several values in one cell.
pub const JOIN: &str = " | ";

/// Every table: (path in the release, title, CSV text).
///
/// ```
/// use labourgraph::dataset::DatasetMeta;
/// let meta: DatasetMeta = serde_json::from_str(r#"{"title": "t", "description": "d",
///     "base": "https://example.org/lg/", "license": "https://creativecommons.org/licenses/by/4.0/",
///     "publisher": "p", "version": "1", "issued": "2026-01-02", "language": "en", "topic_scheme": "s"}"#)?;
/// let tables = labourgraph::publish::tables::render_all(&oxigraph::store::Store::new()?, &meta)?;
/// assert_eq!(tables[0].0, "tables/organisations.csv");
/// assert!(tables[0].2.starts_with("organisation,name,alternate_names,"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn render_all(store: &Store, meta: &DatasetMeta) -> Result<Vec<(String, String, String)>> {
    let v = View {
        store,
        language: &meta.language,
    };
    let tables = [
        ("organisations", "Organisations", organisations(&v)?),
        ("people", "People and the posts they held", people(&v)?),
        ("events", "Events", events(&v)?),
        (
            "event-participants",
            "Participants of events",
            participants(&v)?,
        ),
        ("agreements", "Agreements", agreements(&v)?),
        ("agreement-parties", "Parties to agreements", parties(&v)?),
        ("figures", "Reported figures", figures(&v)?),
    ];
    tables
        .into_iter()
        .map(|(name, title, rows)| {
            Ok((
                format!("tables/{name}.csv"),
                format!("{title} (CSV table)"),
                csv_text(rows)?,
            ))
        })
        .collect()
}

type Rows = (Vec<&'static str>, Vec<Vec<String>>);

/// Column names, given comma-separated.
fn columns(names: &'static str) -> Vec<&'static str> {
    names.split(',').collect()
}

fn csv_text((header, mut rows): Rows) -> Result<String> {
    rows.sort();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let err = |e: csv::Error| Error::Output(e.into());
    w.write_record(&header).map_err(err)?;
    for row in rows {
        w.write_record(&row).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Output(e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| Error::Output(std::io::Error::other(e)))
}

/// Read access to the union of the graphs.
struct View<'a> {
    store: &'a Store,
    language: &'a str,
}

impl View<'_> {
    /// Distinct objects of `s p ?o`, sorted.
    fn objects(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<Vec<Term>> {
        let mut out: Vec<(String, Term)> = Vec::new();
        for q in self
            .store
            .quads_for_pattern(Some(s.as_ref().into()), Some(p), None, None)
        {
            let object = q?.object;
            out.push((object.to_string(), object));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup_by(|a, b| a.0 == b.0);
        Ok(out.into_iter().map(|(_, t)| t).collect())
    }

    /// IRIs among the objects.
    fn links(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<Vec<NamedNode>> {
        Ok(self
            .objects(s, p)?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n),
                _ => None,
            })
            .collect())
    }

    /// Subjects of `?s rdf:type class` for any of the classes, sorted.
    fn instances(&self, classes: &[NamedNodeRef<'_>]) -> Result<Vec<NamedNode>> {
        let mut out = BTreeSet::new();
        for class in classes {
            for q in
                self.store
                    .quads_for_pattern(None, Some(rdf::TYPE), Some((*class).into()), None)
            {
                if let NamedOrBlankNodeRef::NamedNode(n) = q?.subject.as_ref() {
                    out.insert(n.into_owned());
                }
            }
        }
        Ok(out.into_iter().collect())
    }

    /// Lexical forms of literal objects (text in the dataset's language first).
    fn texts(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<Vec<String>> {
        let mut lits: Vec<(bool, String)> = self
            .objects(s, p)?
            .into_iter()
            .filter_map(|t| match t {
                Term::Literal(l) => Some((
                    l.language().is_some_and(|lang| lang != self.language),
                    l.value().to_owned(),
                )),
                _ => None,
            })
            .collect();
        lits.sort();
        Ok(lits.into_iter().map(|(_, v)| v).collect())
    }

    fn text(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<String> {
        Ok(self.texts(s, p)?.join(JOIN))
    }

    /// The name of a node: `schema:name`, else `rdfs:label`, else `skos:prefLabel`.
    fn name(&self, s: &NamedNode) -> Result<String> {
        for p in [schema::NAME, rdfs::LABEL, skos::PREF_LABEL] {
            if let Some(first) = self.texts(s, p)?.into_iter().next() {
                return Ok(first);
            }
        }
        Ok(String::new())
    }

    /// Cells for linked nodes: their IRIs and their names, in the same order.
    fn linked(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<[String; 2]> {
        let links = self.links(s, p)?;
        let names: Vec<String> = links.iter().map(|n| self.name(n)).collect::<Result<_>>()?;
        Ok([join_iris(&links), names.join(JOIN)])
    }

    /// The most specific `lg:` classes of a node, by their labels.
    fn kinds(&self, s: &NamedNode) -> Result<String> {
        let classes: Vec<NamedNode> = self
            .links(s, rdf::TYPE)?
            .into_iter()
            .filter(|c| c.as_str().starts_with(lg::NS))
            .collect();
        let mut labels = Vec::new();
        for c in &classes {
            let is_broader = classes.iter().any(|sub| {
                sub != c
                    && self
                        .links(sub, rdfs::SUB_CLASS_OF)
                        .is_ok_and(|sup| sup.contains(c))
            });
            if !is_broader {
                labels.push(self.name(c)?);
            }
        }
        labels.sort();
        Ok(labels.join(JOIN))
    }

    /// Labels of `lg:` concepts (status, qualifier) a node links to.
    fn concept(&self, s: &NamedNode, p: NamedNodeRef<'_>) -> Result<String> {
        let names: Vec<String> = self
            .links(s, p)?
            .iter()
            .map(|n| self.name(n))
            .collect::<Result<_>>()?;
        Ok(names.join(JOIN))
    }

    fn sources(&self, s: &NamedNode) -> Result<String> {
        Ok(join_iris(&self.links(s, prov::WAS_DERIVED_FROM)?))
    }
}

fn join_iris(iris: &[NamedNode]) -> String {
    iris.iter()
        .map(NamedNode::as_str)
        .collect::<Vec<_>>()
        .join(JOIN)
}

const ORGANISATIONS: &[NamedNodeRef<'static>] = &[
    org::FORMAL_ORGANIZATION,
    org::ORGANIZATIONAL_UNIT,
    org::ORGANIZATION_CLASS,
];

fn organisations(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "organisation,name,alternate_names,kinds,country,country_name,parent,parent_name,founder,founder_name,founding_date,same_as,description,sources",
    );
    let mut rows = Vec::new();
    for o in v.instances(ORGANISATIONS)? {
        let [country, country_name] = v.linked(&o, lg::COUNTRY)?;
        let mut parents = v.links(&o, org::UNIT_OF)?;
        parents.extend(v.links(&o, org::SUB_ORGANIZATION_OF)?);
        let parent_names: Vec<String> = parents.iter().map(|p| v.name(p)).collect::<Result<_>>()?;
        let [founder, founder_name] = v.linked(&o, schema::FOUNDER)?;
        rows.push(vec![
            o.as_str().to_owned(),
            v.name(&o)?,
            v.text(&o, schema::ALTERNATE_NAME)?,
            v.kinds(&o)?,
            country,
            country_name,
            join_iris(&parents),
            parent_names.join(JOIN),
            founder,
            founder_name,
            v.text(&o, schema::FOUNDING_DATE)?,
            join_iris(&v.links(&o, schema::SAME_AS)?),
            v.text(&o, schema::DESCRIPTION)?,
            v.sources(&o)?,
        ]);
    }
    Ok((header, rows))
}

fn people(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "person,name,given_name,family_name,post,role,organisation,organisation_name,start_date,end_date,attested_on,attested_at,attested_at_name,sources",
    );
    let mut rows = Vec::new();
    for p in v.instances(&[schema::PERSON])? {
        let person = [
            p.as_str().to_owned(),
            v.name(&p)?,
            v.text(&p, schema::GIVEN_NAME)?,
            v.text(&p, schema::FAMILY_NAME)?,
        ];
        let posts = v.links(&p, org::HAS_MEMBERSHIP)?;
        if posts.is_empty() {
            let mut row = person.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 9));
            row.push(v.sources(&p)?);
            rows.push(row);
        }
        for m in posts {
            let role: Vec<String> = v
                .links(&m, org::ROLE_PROP)?
                .iter()
                .map(|r| v.name(r))
                .collect::<Result<_>>()?;
            let [organisation, organisation_name] = v.linked(&m, org::ORGANIZATION)?;
            let [at, at_name] = v.linked(&m, lg::ATTESTED_AT)?;
            let mut row = person.to_vec();
            row.extend([
                m.as_str().to_owned(),
                role.join(JOIN),
                organisation,
                organisation_name,
                v.text(&m, schema::START_DATE)?,
                v.text(&m, schema::END_DATE)?,
                v.text(&m, lg::ATTESTED_ON)?,
                at,
                at_name,
                v.sources(&m)?,
            ]);
            rows.push(row);
        }
    }
    Ok((header, rows))
}

fn events(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "event,name,kinds,status,start_date,end_date,locations,location_names,organisers,organiser_names,part_of,part_of_name,attendees,attendee_names,topics,topic_names,sources",
    );
    let mut rows = Vec::new();
    for e in v.instances(&[schema::EVENT])? {
        let mut row = vec![
            e.as_str().to_owned(),
            v.name(&e)?,
            v.kinds(&e)?,
            v.concept(&e, lg::STATUS)?,
            v.text(&e, schema::START_DATE)?,
            v.text(&e, schema::END_DATE)?,
        ];
        for p in [
            schema::LOCATION,
            schema::ORGANIZER,
            schema::SUPER_EVENT,
            schema::ATTENDEE,
            dcterms::SUBJECT,
        ] {
            row.extend(v.linked(&e, p)?);
        }
        row.push(v.sources(&e)?);
        rows.push(row);
    }
    Ok((header, rows))
}

fn participants(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "event,event_name,participation,participant,participant_name,participant_kind,on_behalf_of,on_behalf_of_name,capacity,role,sources",
    );
    let mut rows = Vec::new();
    for e in v.instances(&[schema::EVENT])? {
        for n in v.links(&e, lg::HAS_PARTICIPATION)? {
            let [participant, participant_name] = v.linked(&n, lg::PARTICIPANT)?;
            let kind = match v.links(&n, lg::PARTICIPANT)?.first() {
                Some(p)
                    if v.links(p, rdf::TYPE)?
                        .contains(&schema::PERSON.into_owned()) =>
                {
                    "person"
                }
                Some(_) => "organisation",
                None => "",
            };
            let [behalf, behalf_name] = v.linked(&n, lg::ON_BEHALF_OF)?;
            rows.push(vec![
                e.as_str().to_owned(),
                v.name(&e)?,
                n.as_str().to_owned(),
                participant,
                participant_name,
                kind.to_owned(),
                behalf,
                behalf_name,
                v.text(&n, lg::CAPACITY)?,
                v.text(&n, lg::PARTICIPANT_ROLE)?,
                v.sources(&n)?,
            ]);
        }
    }
    Ok((header, rows))
}

fn agreements(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "agreement,name,kinds,status,content,parties,party_names,agreed_at,agreed_at_name,agreed_on,places,place_names,concerns_date,valid_from,valid_through,documents,document_names,events,event_names,sources",
    );
    let mut rows = Vec::new();
    for a in v.instances(&[lg::AGREEMENT])? {
        let mut row = vec![
            a.as_str().to_owned(),
            v.name(&a)?,
            v.kinds(&a)?,
            v.concept(&a, lg::STATUS)?,
            v.text(&a, lg::CONTENT)?,
        ];
        row.extend(v.linked(&a, lg::PARTY)?);
        row.extend(v.linked(&a, lg::AGREED_AT)?);
        row.push(v.text(&a, lg::AGREED_ON)?);
        row.extend(v.linked(&a, lg::CONCERNS_PLACE)?);
        row.push(v.text(&a, lg::CONCERNS_DATE)?);
        row.push(v.text(&a, schema::VALID_FROM)?);
        row.push(v.text(&a, schema::VALID_THROUGH)?);
        row.extend(v.linked(&a, lg::CONCERNS_DOCUMENT)?);
        row.extend(v.linked(&a, lg::CONCERNS_EVENT)?);
        row.push(v.sources(&a)?);
        rows.push(row);
    }
    Ok((header, rows))
}

fn parties(v: &View<'_>) -> Result<Rows> {
    let header = columns("agreement,agreement_name,party,party_name,party_kind");
    let mut rows = Vec::new();
    for a in v.instances(&[lg::AGREEMENT])? {
        for p in v.links(&a, lg::PARTY)? {
            let kind = if v
                .links(&p, rdf::TYPE)?
                .contains(&schema::PERSON.into_owned())
            {
                "person"
            } else {
                "organisation"
            };
            rows.push(vec![
                a.as_str().to_owned(),
                v.name(&a)?,
                p.as_str().to_owned(),
                v.name(&p)?,
                kind.to_owned(),
            ]);
        }
    }
    Ok((header, rows))
}

fn figures(v: &View<'_>) -> Result<Rows> {
    let header = columns(
        "figure,name,about,about_name,value,datatype,qualifier,min_value,max_value,unit,counts,date,reported_at,reported_at_name,sources",
    );
    let mut rows = Vec::new();
    for f in v.instances(&[lg::REPORTED_FIGURE])? {
        let [about, about_name] = v.linked(&f, schema::ABOUT)?;
        let values = v.objects(&f, schema::VALUE)?;
        let datatype: Vec<&str> = values
            .iter()
            .filter_map(|t| match t {
                Term::Literal(l) => l.datatype().as_str().rsplit('#').next(),
                _ => None,
            })
            .collect();
        let [at, at_name] = v.linked(&f, lg::REPORTED_AT)?;
        rows.push(vec![
            f.as_str().to_owned(),
            v.name(&f)?,
            about,
            about_name,
            v.text(&f, schema::VALUE)?,
            datatype.join(JOIN),
            v.concept(&f, lg::QUALIFIER)?,
            v.text(&f, schema::MIN_VALUE)?,
            v.text(&f, schema::MAX_VALUE)?,
            v.text(&f, schema::UNIT_TEXT)?,
            v.text(&f, lg::COUNTS)?,
            v.text(&f, dcterms::DATE)?,
            at,
            at_name,
            v.sources(&f)?,
        ]);
    }
    Ok((header, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_quoted_and_sorted() {
        let text = csv_text((
            vec!["a", "b"],
            vec![
                vec!["z".into(), "plain".into()],
                vec!["y".into(), "with, comma and \"quotes\"\nand a line".into()],
            ],
        ))
        .unwrap();
        assert_eq!(
            text,
            "a,b\r\ny,\"with, comma and \"\"quotes\"\"\nand a line\"\r\nz,plain\r\n"
        );
    }
}
