//! The query page at `/`: the form with the library's queries as examples,
//! results as a table linking into the resource pages, parameters bound,
//! errors shown, everything escaped, nothing loaded from elsewhere.

use super::server::{BROWSER, Server, encode};

#[test]
fn the_form_lists_the_library_and_survives_a_bad_query_file() {
    let server = Server::start(&[]);
    let page = server.get("/", Some(BROWSER));
    assert_eq!(page.status, 200);
    let html = &page.body;
    assert!(
        html.contains(r#"<form id="query-form" method="get" action="/">"#),
        "{html}"
    );
    assert!(html.contains(r#"<option value="organisations" title="Which organisations are in the graph?">Organisations</option>"#), "{html}");
    assert!(html.contains(r#"<option value="person-posts""#));
    // The broken file is reported, not fatal.
    assert!(html.contains("Some library queries cannot be read"));
    assert!(html.contains("broken.rq"));
    // Offline: no resource from another host.
    for attr in [r#"src="http"#, r#"href="//"#, r#"src="//"#] {
        assert!(!html.contains(attr), "{attr}");
    }
    assert!(html.contains(r#"<link rel="stylesheet" href="/static/style.css">"#));
    assert_eq!(
        server.get("/static/style.css", None).header("content-type"),
        "text/css; charset=utf-8"
    );
    assert!(
        server
            .get("/static/query.js", None)
            .body
            .contains("query-form")
    );
}

#[test]
fn loading_an_example_fills_the_form_with_its_parameters() {
    let server = Server::start(&[]);
    let page = server.get("/?load=1&name=person-posts", Some(BROWSER));
    assert!(page.body.contains("# title: Posts of a person"));
    assert!(page.body.contains(r#"name="param.person""#));
    assert!(
        !page.body.contains(r#"id="results""#),
        "loading does not run"
    );
}

#[test]
fn results_are_a_table_linking_into_resource_pages() {
    let server = Server::start(&[]);
    let query = "SELECT ?org ?name WHERE { ?org a org:FormalOrganization ; schema:name ?name } ORDER BY ?name";
    let page = server.get(&format!("/?{}", encode(&[("query", query)])), Some(BROWSER));
    assert_eq!(page.status, 200);
    let html = &page.body;
    assert!(html.contains(r#"<section id="results">"#), "{html}");
    assert!(html.contains("<th>org</th><th>name</th>"));
    assert!(html.contains(r#"<a href="/organisation/fturk" title="https://example.org/mini/organisation/fturk">organisation:fturk</a>"#), "{html}");
    assert!(html.contains("3 results"));
    assert!(html.contains(r#"href="/sparql?query="#) && html.contains("format=csv"));
    // The same through a POSTed form.
    let posted = server.send(
        "POST",
        "/",
        "application/x-www-form-urlencoded",
        &encode(&[("query", query)]),
    );
    assert!(posted.body.contains("3 results"));
}

#[test]
fn parameters_are_bound_from_the_form() {
    let server = Server::start(&[]);
    let text =
        std::fs::read_to_string(server.project.path().join("queries/person-posts.rq")).unwrap();
    let run = |person: &str| {
        server.get(
            &format!(
                "/?{}",
                encode(&[
                    ("name", "person-posts"),
                    ("query", &text),
                    ("param.person", person)
                ])
            ),
            Some(BROWSER),
        )
    };
    let one = run("satybaldy-dauletalin");
    assert_eq!(one.status, 200, "{}", one.body);
    assert!(one.body.contains("1 result<"), "{}", one.body);
    assert!(one.body.contains("Chairman"));
    let everyone = run("");
    assert!(everyone.body.contains("2 results"), "{}", everyone.body);
    // A value is a term, not query text.
    let injected = run("x> } UNION { ?m ?p ?o");
    assert_eq!(injected.status, 400);
    assert!(
        injected.body.contains("parameter value"),
        "{}",
        injected.body
    );
}

#[test]
fn errors_are_shown_and_everything_is_escaped() {
    let server = Server::start(&[]);
    let bad = server.get(
        &format!("/?{}", encode(&[("query", "SELECT * WHERE { ?s ?p }")])),
        Some(BROWSER),
    );
    assert_eq!(bad.status, 400);
    assert!(
        bad.body
            .contains(r#"<p class="error" role="alert">invalid SPARQL query: error at 1:"#),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("SELECT * WHERE { ?s ?p }</textarea>"),
        "the query stays in the form"
    );
    let hostile =
        "SELECT (\"<script>alert(1)</script>\" AS ?x) (<javascript:alert(2)> AS ?y) WHERE {}";
    let page = server.get(
        &format!("/?{}", encode(&[("query", hostile)])),
        Some(BROWSER),
    );
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("href=\"javascript:"), "{}", page.body);
    let update = server.get(
        &format!("/?{}", encode(&[("query", "DROP ALL")])),
        Some(BROWSER),
    );
    assert_eq!(update.status, 403);
}

#[test]
fn an_empty_or_missing_library_is_fine() {
    let project = super::server::project();
    std::fs::remove_dir_all(project.path().join("queries")).unwrap();
    let server = Server::start_in(project, &[]);
    let page = server.get("/", Some(BROWSER));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<textarea"));
    assert!(!page.body.contains("<select"));
    std::fs::create_dir(server.project.path().join("queries")).unwrap();
    std::fs::write(
        server.project.path().join("queries/new.rq"),
        "# title: Added later\nASK {}\n",
    )
    .unwrap();
    assert!(
        server.get("/", Some(BROWSER)).body.contains("Added later"),
        "the library is re-read"
    );
}
