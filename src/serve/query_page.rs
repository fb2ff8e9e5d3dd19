//! The query page at `/`: a form for SPARQL with the query library
//! (`queries/*.rq`, re-read on every request, so queries added while the
//! server runs show up) as examples, and the results as a table whose IRIs
//! link into the resource pages.
//!
//! It is a plain HTML form sent with `GET` (so a results page has a URL:
//! `/?query=…`); a library query's parameters are form fields bound as RDF
//! terms (never spliced into the text). A small script, which the page does
//! not need, loads an example as soon as it is chosen, runs the query on
//! Ctrl+Enter and sends long queries with `POST`.

use super::Site;
use super::html::{page, term};
use super::http::{BodyError, Reply, Target, form_pairs, param, read_body};
use super::sparql::{Dataset, Run, failure, run};
use crate::error::Error;
use crate::query::{NamedQuery, Param};
use maud::{Markup, html};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::QueryResults;

/// The query shown when none is given.
pub const DEFAULT_QUERY: &str = "SELECT ?organisation ?name WHERE {
  ?organisation a org:FormalOrganization ; schema:name ?name .
} ORDER BY ?name";

/// Answers the query page, running the query if one was sent.
pub fn handle(site: &Site, request: &mut Request<Body>, target: &Target) -> Reply {
    let mut pairs = target.params.clone();
    if request.method() == Method::POST {
        match read_body(request, site.limits.max_body) {
            Ok(body) => pairs.extend(form_pairs(&body)),
            Err(BodyError::TooLarge) => {
                return Reply::text(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the form is larger than {} bytes", site.limits.max_body),
                );
            }
            Err(_) => return Reply::text(StatusCode::BAD_REQUEST, "cannot read the form"),
        }
    }
    let (library, problems) = match site.library.entries() {
        Ok(entries) => {
            let mut ok = Vec::new();
            let mut problems = Vec::new();
            for entry in entries {
                match entry {
                    Ok(q) => ok.push(q),
                    Err(e) => problems.push(e.to_string()),
                }
            }
            (ok, problems)
        }
        Err(_) => (Vec::new(), Vec::new()),
    };
    let name = param(&pairs, "name").filter(|n| !n.is_empty());
    let chosen = name.and_then(|n| library.iter().find(|q| q.name == n));
    let loading = param(&pairs, "load").is_some();
    let sent = param(&pairs, "query").filter(|_| !loading);
    let text = sent
        .or(chosen.map(|q| q.text.as_str()))
        .unwrap_or(DEFAULT_QUERY);
    let declared: &[Param] = chosen.map_or(&[], |q| &q.params);
    let bound: Vec<(String, String)> = declared
        .iter()
        .filter_map(|p| {
            let value = param(&pairs, &format!("param.{}", p.name))?.trim();
            (!value.is_empty()).then(|| (p.name.clone(), value.to_owned()))
        })
        .collect();
    let (status, results) = match sent {
        None => (StatusCode::OK, None),
        Some(text) => match run(site, text, &bound, declared, &Dataset::default())
            .and_then(|r| table(site, r))
        {
            // Downloads go through /sparql, which binds no parameters.
            Ok((markup, kind)) => (
                StatusCode::OK,
                Some(html! { (markup) @if bound.is_empty() { (downloads(text, kind)) } }),
            ),
            Err(err) => {
                let (status, message) = failure(&err, site);
                (status, Some(html! { p.error role="alert" { (message) } }))
            }
        },
    };
    let body = html! {
        h1 { "Query " (site.title) }
        (form(&pairs, &library, chosen, text))
        @if !problems.is_empty() {
            details.problems { summary { "Some library queries cannot be read" } ul { @for p in &problems { li { (p) } } } }
        }
        @if let Some(results) = results {
            section #results { h2 { "Results" } (results) }
        }
        @if !library.is_empty() {
            details.examples {
                summary { "Example questions" }
                dl { @for q in &library {
                    dt { a href={ "/?" (load_link(&q.name)) } { (title(q)) } }
                    @if !q.question.is_empty() { dd { (q.question) } }
                } }
            }
        }
        p.hint { "Prefixes such as " code { "lg:" } ", " code { "org:" } ", " code { "schema:" } ", " code { "skos:" } ", " code { "prov:" } ", " code { "oa:" } " and one per record kind (" code { "person:" } ", " code { "organisation:" } "…) are predefined. The default graph is the union of all named graphs. Programs can send the same queries to " a href="/sparql" { "/sparql" } "." }
    };
    Reply::html(status, page(site, "Query", body))
}

/// The query string that loads a library query.
fn load_link(name: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("load", "1")
        .append_pair("name", name)
        .finish()
}

fn title(q: &NamedQuery) -> &str {
    if q.title.is_empty() {
        &q.name
    } else {
        &q.title
    }
}

/// The form: examples, the query text, the chosen example's parameters.
fn form(
    pairs: &[(String, String)],
    library: &[NamedQuery],
    chosen: Option<&NamedQuery>,
    text: &str,
) -> Markup {
    html! {
        form #query-form method="get" action="/" {
            @if !library.is_empty() {
                p.examples-picker {
                    label for="examples" { "Example: " }
                    select #examples name="name" {
                        option value="" { "(your own query)" }
                        @for q in library {
                            option value=(q.name) selected[chosen.is_some_and(|c| c.name == q.name)] title=(q.question) { (title(q)) }
                        }
                    }
                    " "
                    button #load type="submit" name="load" value="1" { "Load" }
                }
            }
            textarea #query name="query" rows="16" spellcheck="false" aria-label="SPARQL query" { (text) }
            @if let Some(q) = chosen {
                @for p in &q.params {
                    p.param {
                        label for={ "param-" (p.name) } { code { "?" (p.name) } " " }
                        input id={ "param-" (p.name) } type="text" name={ "param." (p.name) }
                            value=(param(pairs, &format!("param.{}", p.name)).unwrap_or_default())
                            placeholder=(p.description);
                    }
                }
            }
            p { button #run type="submit" { "Run query" } " " small { "(Ctrl+Enter)" } }
        }
        script src=(super::html::SCRIPT_PATH) defer {}
    }
}

/// What a query returned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Solutions,
    Boolean,
    Graph,
}

/// Reads the results (within the limits) into a table.
fn table(site: &Site, run: Run) -> Result<(Markup, Kind), Error> {
    let Run {
        answer,
        truncated,
        armed,
    } = run;
    let visible: Vec<Variable> = match &answer.results {
        QueryResults::Solutions(s) => s.variables().to_vec(),
        _ => ["subject", "predicate", "object"]
            .map(Variable::new_unchecked)
            .to_vec(),
    };
    let mut rows: Vec<Vec<Option<Term>>> = Vec::new();
    let kind = match answer.results {
        QueryResults::Boolean(value) => {
            let markup =
                html! { p.boolean { "Answer: " strong { (if value { "yes" } else { "no" }) } } };
            return Ok((markup, Kind::Boolean));
        }
        QueryResults::Solutions(solutions) => {
            for solution in solutions {
                let solution = solution.map_err(Error::QueryEvaluation)?;
                rows.push(visible.iter().map(|v| solution.get(v).cloned()).collect());
            }
            Kind::Solutions
        }
        QueryResults::Graph(triples) => {
            for triple in triples {
                let t = triple.map_err(Error::QueryEvaluation)?;
                rows.push(vec![
                    Some(t.subject.into()),
                    Some(t.predicate.into()),
                    Some(t.object),
                ]);
            }
            Kind::Graph
        }
    };
    drop(armed);
    let n = rows.len();
    let markup = html! {
        p.count {
            (n) @if n == 1 { " result" } @else { " results" }
            @if truncated.get() { " — cut off at the limit of " (site.limits.max_results) " results" }
        }
        div.table-wrap {
            table.results {
                thead { tr { @for v in &visible { th { (v.as_str()) } } } }
                tbody { @for row in &rows { tr { @for cell in row { td { @if let Some(t) = cell { (term(site, t, false)) } } } } } }
            }
        }
    };
    Ok((markup, kind))
}

/// Links to the results in the formats that fit them.
fn downloads(text: &str, kind: Kind) -> Markup {
    let formats: &[&str] = match kind {
        Kind::Graph => &["turtle", "jsonld", "ntriples"],
        _ => &["json", "xml", "csv", "tsv"],
    };
    let url = |format: &str| {
        let q = form_urlencoded::Serializer::new(String::new())
            .append_pair("query", text)
            .append_pair("format", format)
            .finish();
        format!("/sparql?{q}")
    };
    html! {
        p.downloads {
            "Download: "
            @for (i, f) in formats.iter().enumerate() {
                @if i > 0 { " · " } a href=(url(f)) { (f) }
            }
        }
    }
}
