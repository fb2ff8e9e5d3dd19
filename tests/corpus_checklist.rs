//! Nothing in the five articles is missed: for each article, the entities and
//! facts a reader finds in it — written by hand from the text, not generated
//! from the data — are looked up in the built graph by SPARQL.
//!
//! Each fact is a SPARQL group pattern, asked as `ASK { … }` over the union
//! of all named graphs. Entities are found as a reader knows them, by the
//! names the article gives them, never by record ids:
//!
//! - `name(?x, "text")` — some label of `?x` (`rdfs:label` or
//!   `skos:altLabel`) contains `text`, ignoring case;
//! - `label(?x, "text")` — some label of `?x` equals `text`, ignoring case.
//!
//! A test collects every missing fact of its article and then fails with the
//! whole list, so that one run shows every gap.

mod common;

use labourgraph::query::{self, prefixes};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::error::Error;

type TestResult = Result<(), Box<dyn Error>>;

/// The built graph of the curated corpus in `data/`.
struct Graph {
    store: Store,
    base: String,
}

impl Graph {
    fn build() -> Result<Self, Box<dyn Error>> {
        let dir = tempfile::tempdir()?;
        let (store, manifest, _) = labourgraph::store::build(
            &common::root().join("data"),
            dir.path(),
            &Default::default(),
        )?;
        Ok(Graph {
            store,
            base: manifest.base,
        })
    }

    /// Whether the graph matches a fact's pattern.
    fn ask(&self, pattern: &str) -> Result<bool, Box<dyn Error>> {
        let q = format!("ASK {{\n{}\n}}", expand(pattern)?);
        let prepared = query::prepare(&q, None, &[], &[], &self.base, &prefixes(&self.base))?;
        match query::execute(&self.store, prepared)?.results {
            QueryResults::Boolean(b) => Ok(b),
            _ => Err("not an ASK query".into()),
        }
    }

    /// The facts of `article` that the graph does not match (or whose
    /// pattern does not run), each with the reason.
    fn missing(&self, facts: &[(&str, &str)]) -> Vec<String> {
        let mut missing = Vec::new();
        for (fact, pattern) in facts {
            match self.ask(pattern) {
                Ok(true) => {}
                Ok(false) => missing.push((*fact).to_owned()),
                Err(e) => missing.push(format!("{fact} (the query fails: {e})")),
            }
        }
        missing
    }
}

/// Checks every fact of one article and fails with all the missing ones.
fn check(article: &str, facts: &[(&str, &str)]) -> TestResult {
    let graph = Graph::build()?;
    let missing = graph.missing(facts);
    assert!(
        missing.is_empty(),
        "{} of the {} facts a reader finds in “{article}” are not in the graph:\n  - {}",
        missing.len(),
        facts.len(),
        missing.join("\n  - ")
    );
    Ok(())
}

/// Expands `name(?x, "text")` and `label(?x, "text")` into SPARQL.
fn expand(pattern: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    let mut n = 0;
    loop {
        let next = ["name(", "label("]
            .iter()
            .filter_map(|m| find_macro(rest, m).map(|i| (i, *m)))
            .min();
        let Some((start, mac)) = next else {
            out.push_str(rest);
            return Ok(out);
        };
        out.push_str(&rest[..start]);
        let args = &rest[start + mac.len()..];
        let (var, after_var) = args
            .split_once(',')
            .ok_or_else(|| format!("`{mac}` without a comma in {pattern:?}"))?;
        let after_var = after_var.trim_start();
        let quote = after_var
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(|| format!("`{mac}` without a quoted text in {pattern:?}"))?;
        let body = &after_var[1..];
        let end = body
            .find(quote)
            .ok_or_else(|| format!("unterminated text in {pattern:?}"))?;
        let text = &body[..end];
        let tail = body[end + 1..].trim_start();
        let tail = tail
            .strip_prefix(')')
            .ok_or_else(|| format!("`{mac}` not closed in {pattern:?}"))?;
        n += 1;
        let var = var.trim();
        let l = format!("?label_{n}");
        let text = text.replace('\\', "\\\\").replace('"', "\\\"");
        let test = if mac == "name(" {
            format!("CONTAINS(LCASE(STR({l})), LCASE(\"{text}\"))")
        } else {
            format!("LCASE(STR({l})) = LCASE(\"{text}\")")
        };
        out.push_str(&format!(
            "{var} rdfs:label|skos:altLabel {l} . FILTER({test})\n"
        ));
        rest = tail;
    }
}

/// The position of a macro call in `text`: `mac` not preceded by a name character.
fn find_macro(text: &str, mac: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(mac) {
        let at = from + i;
        let prev = text[..at].chars().next_back();
        if !prev.is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_') {
            return Some(at);
        }
        from = at + mac.len();
    }
    None
}

#[test]
fn the_name_macros_expand_to_sparql() {
    let q = expand(r#"?p a schema:Person . name(?p, "Dauletalin") label(?o, 'FTURK')"#).unwrap();
    assert!(q.contains(r#"?p rdfs:label|skos:altLabel ?label_1 . FILTER(CONTAINS(LCASE(STR(?label_1)), LCASE("Dauletalin")))"#));
    assert!(q.contains(r#"FILTER(LCASE(STR(?label_2)) = LCASE("FTURK"))"#));
    assert_eq!(expand("?s rdfs:label ?l").unwrap(), "?s rdfs:label ?l");
    assert!(expand(r#"name(?p "x")"#).is_err());
}

#[test]
fn a_fact_the_articles_do_not_support_is_reported_missing() -> TestResult {
    let graph = Graph::build()?;
    let wrong = [
        (
            "Geneva lies in Japan",
            r#"?g schema:containedInPlace ?c . label(?g, "Geneva") label(?c, "Japan")"#,
        ),
        (
            "Kemal Özkan met Tomoko Yoshino",
            r#"?e a lg:Meeting ; schema:attendee ?a, ?b . name(?a, "Özkan") name(?b, "Yoshino")"#,
        ),
        ("a pattern that does not parse", "?x ?y"),
    ];
    let missing = graph.missing(&wrong);
    assert_eq!(missing.len(), 3, "{missing:#?}");
    assert!(missing[2].contains("the query fails"), "{}", missing[2]);
    Ok(())
}

/// Seed 000: “Trade unions of Kazakhstan and Japan outlined key areas of
/// cooperation” (Dauletalin's working trip to Japan).
#[test]
fn article_kz_japan_unions_cooperation() -> TestResult {
    check(
        "Trade unions of Kazakhstan and Japan outlined key areas of cooperation",
        &[
            (
                "the article is a news article with this title, in English, published by the FTURK's Media Center",
                r#"?a a schema:NewsArticle ; dcterms:title ?t ; schema:inLanguage "en" ; schema:publisher ?m ; schema:text ?x .
                   FILTER(STR(?t) = "Trade unions of Kazakhstan and Japan outlined key areas of cooperation")
                   label(?m, "Media Center of the Federation of Trade Unions of the Republic of Kazakhstan")
                   FILTER(CONTAINS(?x, "Semey and Hiroshima"))"#,
            ),
            (
                "the Media Center is a unit of the Federation of Trade Unions of the Republic of Kazakhstan",
                r#"?m org:unitOf ?f . name(?m, "Media Center") label(?f, "Federation of Trade Unions of the Republic of Kazakhstan")"#,
            ),
            (
                "the Federation (FTURK) is Kazakhstan's national trade union centre",
                r#"?f a lg:NationalTradeUnionCentre, schema:WorkersUnion ; lg:country ?kz .
                   label(?f, "FTURK") label(?f, "Federation of Trade Unions of Kazakhstan") label(?kz, "Kazakhstan")"#,
            ),
            (
                "the Japanese Confederation of Trade Unions (RENGO) is Japan's national trade union centre",
                r#"?r a lg:NationalTradeUnionCentre ; lg:country ?jp .
                   label(?r, "RENGO") label(?r, "Japanese Confederation of Trade Unions") label(?jp, "Japan")"#,
            ),
            (
                "Satybaldy Dauletalin is Chairman of the Federation, attested on the working trip to Japan",
                r#"?m org:member ?p ; org:organization ?f ; org:role ?r ; lg:attestedAt ?trip . ?trip a lg:Visit .
                   label(?p, "Satybaldy Dauletalin") label(?f, "FTURK") label(?r, "Chairman") name(?trip, "Japan")"#,
            ),
            (
                "Dauletalin made a working trip to Japan",
                r#"?trip a lg:Visit ; schema:location ?jp ; schema:attendee ?p .
                   name(?trip, "working trip") label(?jp, "Japan") name(?p, "Dauletalin")"#,
            ),
            (
                "the article gives no date for the trip, and the curator records only a lower bound, with evidence",
                r#"?trip a lg:Visit . name(?trip, "working trip to Japan")
                   FILTER NOT EXISTS { ?trip schema:startDate ?d }
                   ?i a lg:DateInference ; lg:aboutEntity ?trip ; lg:notBefore ?nb ; rdfs:comment ?why .
                   ?ann oa:hasBody ?i"#,
            ),
            (
                "Tomoko Yoshino is President of RENGO",
                r#"?m org:member ?p ; org:organization ?r ; org:role ?role .
                   label(?p, "Tomoko Yoshino") label(?r, "RENGO") label(?role, "President")"#,
            ),
            (
                "Dauletalin met Yoshino at a meeting in Japan during the trip",
                r#"?e a lg:Meeting ; schema:superEvent ?trip ; schema:location ?jp ; schema:attendee ?a, ?b .
                   ?trip a lg:Visit . name(?a, "Dauletalin") name(?b, "Yoshino") label(?jp, "Japan")"#,
            ),
            (
                "at the meeting Yoshino acted for RENGO as its President, Dauletalin for the Federation as its Chairman",
                r#"?e a lg:Meeting ; lg:hasParticipation ?py, ?pd .
                   ?py lg:participant ?y ; lg:onBehalfOf ?r ; lg:capacity ?cy . name(?y, "Yoshino") label(?r, "RENGO") FILTER(CONTAINS(?cy, "President"))
                   ?pd lg:participant ?d ; lg:onBehalfOf ?f ; lg:capacity ?cd . name(?d, "Dauletalin") label(?f, "FTURK") FILTER(CONTAINS(?cd, "Chairman"))"#,
            ),
            (
                "the peace movement was discussed as an important area of cooperation",
                r#"?e a lg:Meeting ; schema:attendee ?y ; dcterms:subject ?t . name(?y, "Yoshino") name(?t, "peace")"#,
            ),
            (
                "the two agreed to hold joint actions in Semey and Hiroshima, the FTURK and RENGO being parties",
                r#"?ag a lg:Agreement ; lg:agreedAt ?e ; lg:concernsPlace ?s, ?h ; lg:party ?f, ?r .
                   ?e schema:attendee ?y . name(?y, "Yoshino")
                   label(?s, "Semey") label(?h, "Hiroshima") label(?f, "FTURK") label(?r, "RENGO")"#,
            ),
            (
                "the joint peace actions in Semey and Hiroshima are a planned event",
                r#"?ag lg:concernsEvent ?ev ; lg:concernsPlace ?s . label(?s, "Semey")
                   ?ev lg:status lg:Planned ; schema:location ?s, ?h . label(?h, "Hiroshima")"#,
            ),
            (
                "Semey is a city in Kazakhstan and Hiroshima a city in Japan",
                r#"?s a schema:City ; schema:containedInPlace ?kz . ?h a schema:City ; schema:containedInPlace ?jp .
                   label(?s, "Semey") label(?kz, "Kazakhstan") label(?h, "Hiroshima") label(?jp, "Japan")"#,
            ),
            (
                "Dauletalin recalled the atomic bombings of Hiroshima and Nagasaki",
                r#"?ev a schema:Event ; schema:location ?h, ?n . name(?ev, "atomic bombings") label(?h, "Hiroshima") label(?n, "Nagasaki")"#,
            ),
            (
                "the parties agreed to continue cooperation in training and professional development of trade unionists",
                r#"?ag a lg:Agreement ; lg:status lg:Agreed ; lg:agreedAt ?e ; dcterms:subject ?t ; lg:party ?r .
                   ?e schema:attendee ?y . name(?y, "Yoshino") name(?t, "training") label(?r, "RENGO")"#,
            ),
            (
                "the Japanese practice of improving remuneration and of preventing and resolving labour conflicts was discussed",
                r#"?e a lg:Meeting ; schema:attendee ?y ; dcterms:subject ?w, ?c .
                   name(?y, "Yoshino") name(?w, "remuneration") name(?c, "labour conflicts")"#,
            ),
            (
                "shunto: annual spring wage negotiations between trade unions and business organisations in Japan",
                r#"?s a schema:Event ; schema:location ?jp ; schema:attendee ?u, ?b .
                   label(?s, "shunto") label(?jp, "Japan") name(?u, "trade unions") name(?b, "business organizations")"#,
            ),
            (
                "shunto originated in the 1950s (recorded as bounds 1950–1959, not as a year)",
                r#"?s a schema:Event . label(?s, "shunto")
                   ?i lg:aboutEntity ?s ; lg:notBefore "1950"^^xsd:gYear ; lg:notAfter "1959"^^xsd:gYear ."#,
            ),
            (
                "Yoshino shared the shunto experience: spring wage negotiations were a subject of her meeting with Dauletalin",
                r#"?e a lg:Meeting ; schema:attendee ?y ; dcterms:subject ?t . name(?y, "Yoshino") name(?t, "shunto")"#,
            ),
            (
                "Dauletalin called for the maximum use of the Japanese practice in Kazakhstan",
                r#"?ag a lg:Agreement ; lg:party ?p ; lg:concernsPlace ?kz ; lg:content ?c .
                   name(?p, "Dauletalin") label(?kz, "Kazakhstan") FILTER(CONTAINS(?c, "Japanese"))"#,
            ),
            (
                "the parties confirmed their commitment to further expansion of mutually beneficial cooperation",
                r#"?ag a lg:VerbalCommitment ; lg:agreedAt ?e ; lg:content ?c . ?e schema:attendee ?y .
                   name(?y, "Yoshino") FILTER(CONTAINS(?c, "expansion"))"#,
            ),
            (
                "Yasunobu Aihara is President of JILAF, the Japan International Labor Fund",
                r#"?m org:member ?p ; org:organization ?j ; org:role ?r .
                   label(?p, "Yasunobu Aihara") label(?j, "Japan International Labor Fund") label(?j, "JILAF") label(?r, "President")"#,
            ),
            (
                "during the same visit to Japan Dauletalin also met Aihara",
                r#"?e a lg:Meeting ; schema:superEvent ?trip ; schema:attendee ?d, ?a . ?y_meeting schema:superEvent ?trip ; schema:attendee ?y .
                   name(?d, "Dauletalin") name(?a, "Aihara") name(?y, "Yoshino")"#,
            ),
            (
                "the organisation of the JILAF training program in Kazakhstan is planned, discussed with Aihara",
                r#"?ag a lg:Plan ; lg:agreedAt ?e ; lg:concernsEvent ?ev . ?e schema:attendee ?a . name(?a, "Aihara")
                   ?ev lg:status lg:Planned ; schema:location ?kz . name(?ev, "JILAF training program") label(?kz, "Kazakhstan")"#,
            ),
            (
                "the JILAF training program is a JILAF programme",
                r#"?d a lg:Programme ; dcterms:creator ?j . label(?d, "JILAF training program") label(?j, "JILAF")"#,
            ),
            (
                "Dauletalin invited Aihara to visit Kazakhstan: an invitation concerning a planned visit",
                r#"?inv a lg:Invitation ; lg:party ?d, ?a ; lg:concernsEvent ?v .
                   ?v a lg:Visit ; lg:status lg:Planned ; schema:location ?kz ; schema:attendee ?a .
                   name(?d, "Dauletalin") name(?a, "Aihara") label(?kz, "Kazakhstan")"#,
            ),
            (
                "JILAF declared itself ready to continue contributing to the joint training programmes",
                r#"?ag a lg:VerbalCommitment ; lg:party ?j ; lg:agreedAt ?e . ?e schema:attendee ?a .
                   label(?j, "JILAF") name(?a, "Aihara") FILTER NOT EXISTS { ?ag lg:party ?f . label(?f, "FTURK") }"#,
            ),
            (
                "the article is evidence for the meeting with Aihara, quoting the parties' closing assessment",
                r#"?a a schema:NewsArticle . FILTER(CONTAINS(STR(?t), "outlined key areas")) ?a dcterms:title ?t .
                   ?e a lg:Meeting ; schema:attendee ?p ; prov:wasDerivedFrom ?a . name(?p, "Aihara")
                   ?ann oa:hasBody ?e ; oa:hasTarget/oa:hasSelector/oa:exact ?q . FILTER(CONTAINS(?q, "important step"))"#,
            ),
        ],
    )
}

/// Seed 001: the practical training seminar of the international conference
/// “The role of trade unions in social and labor relations: Dialogue between
/// East and West”.
#[test]
fn article_east_west_dialogue_seminar() -> TestResult {
    check(
        "Dialogue between East and West: practical training seminar",
        &[
            (
                "the article is in the graph with its full text and, as it has no publisher line, without a publisher",
                r#"?a a schema:NewsArticle ; schema:text ?x . FILTER(STRSTARTS(STR(?x), "Today, the international conference"))
                   FILTER NOT EXISTS { ?a schema:publisher ?p }"#,
            ),
            (
                "the international conference “The role of trade unions in social and labor relations: Dialogue between East and West”",
                r#"?c a lg:Conference . name(?c, "the role of trade unions in social and labor relations: Dialogue between East and West")"#,
            ),
            (
                "the conference opened a practical training seminar",
                r#"?s a lg:Seminar ; schema:superEvent ?c . name(?s, "practical training seminar") name(?c, "Dialogue between East and West")"#,
            ),
            (
                "the trainees are heads of branch, local and primary trade union organisations of the southern region of Kazakhstan",
                r#"?s a lg:Seminar ; lg:hasParticipation ?n . ?n lg:participant ?g ; lg:participantRole ?r .
                   ?g a lg:OrganisationGroup . name(?g, "southern region of Kazakhstan") FILTER(CONTAINS(?r, "trainee"))"#,
            ),
            (
                "30 heads of organisations took part in the seminar (an integer)",
                r#"?f schema:about ?s ; schema:value ?v . ?s a lg:Seminar . name(?s, "southern region")
                   FILTER(?v = 30 && DATATYPE(?v) = xsd:integer)"#,
            ),
            (
                "the seminar was moderated by leading Japanese experts",
                r#"?s a lg:Seminar ; lg:hasParticipation ?n . name(?s, "southern region")
                   ?n lg:participantRole "moderator"@en ; lg:capacity ?c . FILTER(CONTAINS(?c, "Japanese experts"))"#,
            ),
            (
                "opening remarks were made by SAITO Rio, Secretary General of JILAF",
                r#"?e lg:hasParticipation ?n . ?n lg:participant ?p ; lg:onBehalfOf ?j ; lg:participantRole "opening remarks"@en .
                   label(?p, "SAITO Rio") label(?j, "JILAF")"#,
            ),
            (
                "SAITO Rio is Secretary General of JILAF",
                r#"?m org:member ?p ; org:organization ?j ; org:role ?r .
                   label(?p, "SAITO Rio") label(?j, "JILAF") label(?r, "Secretary General")"#,
            ),
            (
                "more than 30 specialists from Kazakhstan were trained in Japan",
                r#"?f a lg:ReportedFigure ; schema:value 30 ; lg:qualifier lg:MoreThan ; schema:minValue 30 ; lg:counts ?c .
                   FILTER(CONTAINS(?c, "specialists from Kazakhstan"))"#,
            ),
            (
                "the Japan international labour Fund (JILAF) was established in 1989 by the Japanese Confederation of trade unions",
                r#"?j schema:founder ?r ; schema:foundingDate "1989"^^xsd:gYear .
                   label(?j, "Japan international labour Fund") label(?r, "Japanese Confederation of trade unions")"#,
            ),
            (
                "JILAF is 70% financed by the state (Ministry of labor of Japan)",
                r#"?f schema:about ?j ; schema:value 70 ; schema:unitText ?u ; lg:counts ?c . label(?j, "JILAF")
                   FILTER(CONTAINS(?u, "percent") && CONTAINS(?c, "Ministry of labor"))
                   ?m a lg:GovernmentBody ; lg:country ?jp . label(?m, "Ministry of labor of Japan") label(?jp, "Japan")"#,
            ),
            (
                "the productivity movement, employment and social security in Japan were presented",
                r#"?e schema:superEvent* ?s ; dcterms:subject ?p, ?m, ?ss . name(?s, "southern region")
                   name(?p, "productivity") name(?m, "employment") label(?ss, "social security")"#,
            ),
            (
                "the agreement between workers and management: no demotion of a redistributed employee for at least a year",
                r#"?d a schema:CreativeWork ; lg:jurisdiction ?jp . name(?d, "agreement between workers and management") label(?jp, "Japan")
                   ?f schema:about ?d ; schema:value 1 ; lg:qualifier lg:AtLeast ; schema:unitText ?u . FILTER(CONTAINS(?u, "year"))"#,
            ),
            (
                "Japan's labour policy councils have 30 members: 10 for the public interest, 10 for workers, 10 for management",
                r#"?c lg:country ?jp . name(?c, "labor policy Councils") label(?jp, "Japan")
                   ?all schema:about ?c ; schema:value 30 .
                   ?pub schema:about ?c ; schema:value 10 ; lg:counts ?cp . FILTER(CONTAINS(?cp, "public interest"))
                   ?wrk schema:about ?c ; schema:value 10 ; lg:counts ?cw . FILTER(CONTAINS(?cw, "workers"))
                   ?led schema:about ?c ; schema:value 10 ; lg:counts ?cl . FILTER(CONTAINS(?cl, "leadership"))"#,
            ),
            (
                "workers' unions make up 30% (the base of the share is not stated, and a note says so)",
                r#"?f schema:about ?u ; schema:value 30 ; schema:unitText ?unit ; skos:editorialNote ?n .
                   name(?u, "Japanese trade unions") FILTER(CONTAINS(?unit, "percent"))"#,
            ),
            (
                "RENGO is not a political party but an independent confederation (kept as evidence on RENGO)",
                r#"?ann oa:hasBody ?r ; oa:hasTarget/oa:hasSelector/oa:exact ?q . label(?r, "RENGO")
                   FILTER(CONTAINS(?q, "RENGO is not a political party"))"#,
            ),
            (
                "both houses of Parliament include protocols for raising workers' issues",
                r#"?d a schema:CreativeWork ; dcterms:creator ?p . name(?d, "protocols")
                   ?p a lg:Legislature ; lg:country ?jp . label(?jp, "Japan")"#,
            ),
            (
                "on 21 March the seminar continued in the sanatorium “Koktem”",
                r#"?day a lg:SeminarDay ; schema:superEvent ?s ; schema:location ?k . name(?s, "southern region") name(?k, "Koktem")"#,
            ),
            (
                "the year of 21 March is not stated: no date literal, a bound from 2018-03-21 instead",
                r#"?day a lg:SeminarDay ; schema:location ?k . name(?k, "Koktem")
                   FILTER NOT EXISTS { ?day schema:startDate ?d }
                   ?i lg:aboutEntity ?day ; lg:notBefore "2018-03-21"^^xsd:date ."#,
            ),
            (
                "Yerzhan Egemberdiev is Director of the Department of legal support and international cooperation of fprk",
                r#"?m org:member ?p ; org:organization ?d ; org:role ?r . ?d org:unitOf ?f .
                   label(?p, "Yerzhan Egemberdiev") name(?d, "legal support and international cooperation") label(?f, "fprk") label(?r, "Director")"#,
            ),
            (
                "Egemberdiev was trained by JILAF in 2018",
                r#"?t schema:startDate "2018"^^xsd:gYear ; schema:organizer ?j ; lg:hasParticipation ?n .
                   ?n lg:participant ?p ; lg:participantRole "trainee"@en . label(?j, "JILAF") name(?p, "Egemberdiev")"#,
            ),
            (
                "Egemberdiev spoke on “the Legislation of Japan in the field of labor” in Koktem",
                r#"?day schema:location ?k ; lg:hasParticipation ?n ; dcterms:subject ?t . name(?k, "Koktem")
                   ?n lg:participant ?p ; lg:participantRole "speaker"@en . name(?p, "Egemberdiev") name(?t, "labour legislation of Japan")"#,
            ),
            (
                "Japan's labour legislation has been in force since the 1950s",
                r#"?d a schema:Legislation ; lg:status lg:InForce . label(?d, "the Legislation of Japan in the field of labor")
                   ?i lg:aboutEntity ?d ; lg:notBefore "1950"^^xsd:gYear ; lg:notAfter "1959"^^xsd:gYear ."#,
            ),
            (
                "the Constitution of Japan of 1947 enshrines provisions on work",
                r#"?c a lg:Constitution, schema:Legislation ; dcterms:issued "1947"^^xsd:gYear ; lg:jurisdiction ?jp ; dcterms:subject ?t .
                   name(?c, "Constitution of Japan") label(?jp, "Japan") name(?t, "labour rights")"#,
            ),
            (
                "the trade unions Act, Japan's basic law supporting the labour movement",
                r#"?l a schema:Legislation ; lg:jurisdiction ?jp ; dcterms:subject ?t . label(?l, "trade unions Act") label(?jp, "Japan")
                   name(?t, "independence")"#,
            ),
            (
                "a general meeting of union members at least once a year",
                r#"?f schema:about ?l ; schema:value 1 ; lg:qualifier lg:AtLeast ; lg:counts ?c . label(?l, "trade unions Act")
                   FILTER(CONTAINS(?c, "general meetings"))"#,
            ),
            (
                "Janybekov, Deputy Chairman of YNTYMAQ, spoke about Japanese experience applicable in Kazakhstan",
                r#"?m org:member ?p ; org:organization ?y ; org:role ?r . label(?p, "Janybekov") label(?y, "YNTYMAQ") label(?r, "Deputy Chairman")
                   ?y lg:country ?kz . label(?kz, "Kazakhstan")
                   ?day lg:hasParticipation ?n ; dcterms:subject ?t . ?n lg:participant ?p ; lg:participantRole "speaker"@en . name(?t, "Japanese model")"#,
            ),
            (
                "Kydyrmanov, Chairman of the TOP Almaty region, spoke about the regional tripartite Commission on social issues",
                r#"?m org:member ?p ; org:organization ?t ; org:role ?r . label(?p, "Kydyrmanov") label(?t, "TOP Almaty region") label(?r, "Chairman")
                   ?day lg:hasParticipation ?n . ?n lg:participant ?p ; lg:participantRole "speaker"@en .
                   ?c a schema:Organization . name(?c, "regional tripartite Commission on social issues")"#,
            ),
            (
                "the Almaty region is a region of Kazakhstan",
                r#"?r a schema:AdministrativeArea ; schema:containedInPlace ?kz . label(?r, "Almaty region") label(?kz, "Kazakhstan")"#,
            ),
            (
                "JILAF's Japanese leaders answered questions on union elections, labour banks and the minimum wage in Japan",
                r#"?day lg:hasParticipation ?n ; dcterms:subject ?e, ?b, ?w . ?n lg:participant ?j ; lg:participantRole ?r . label(?j, "JILAF")
                   FILTER(CONTAINS(?r, "answered questions")) name(?e, "election of trade union leaders") name(?b, "banks") label(?w, "minimum wage")"#,
            ),
            (
                "the seminar's information will be passed to all branch trade unions of Kazakhstan",
                r#"?ag a lg:Plan ; lg:agreedAt ?s ; lg:party ?b . name(?s, "southern region") label(?b, "branch trade unions of Kazakhstan")"#,
            ),
            (
                "the conference is not asserted to be the ILO-centenary conference; the identity decision is recorded",
                r#"?c a lg:Conference . name(?c, "Dialogue between East and West")
                   ?o a lg:Conference . name(?o, "100th anniversary") FILTER(?c != ?o)
                   ?n a lg:CurationNote ; lg:aboutEntity ?c ; rdfs:comment ?why . FILTER(CONTAINS(?why, "NOT merged"))"#,
            ),
        ],
    )
}

/// Seed 002: “The Federation of Trade Unions of the Republic of Kazakhstan
/// strengthens cooperation with foreign partners” (the Geneva visit).
#[test]
fn article_fturk_foreign_partners_geneva() -> TestResult {
    check(
        "The Federation of Trade Unions of the Republic of Kazakhstan strengthens cooperation with foreign partners",
        &[
            (
                "the article is a news article with this title, published by the FTURK's Media Center",
                r#"?a a schema:NewsArticle ; dcterms:title ?t ; schema:publisher ?m .
                   FILTER(STR(?t) = "The Federation of Trade Unions of the Republic of Kazakhstan strengthens cooperation with foreign partners")
                   name(?m, "Media Center")"#,
            ),
            (
                "FPRK is another name of the Federation of Trade Unions of the Republic of Kazakhstan, with the identity recorded",
                r#"?f skos:editorialNote ?n . label(?f, "FPRK") label(?f, "Federation of Trade Unions of the Republic of Kazakhstan")"#,
            ),
            (
                "the Federation's delegation, led by Chairman Satybaldy Dauletalin, made a working visit to Geneva",
                r#"?v a lg:Visit ; schema:location ?g ; schema:organizer ?f ; lg:hasParticipation ?n . label(?g, "Geneva") label(?f, "FPRK")
                   ?n lg:participant ?p ; lg:participantRole "head of delegation"@en ; lg:capacity ?c .
                   name(?p, "Dauletalin") FILTER(CONTAINS(?c, "Chairman"))"#,
            ),
            (
                "Geneva is a city, not placed in any country (the article names none)",
                r#"?g a schema:City . label(?g, "Geneva") FILTER NOT EXISTS { ?g schema:containedInPlace ?c }"#,
            ),
            (
                "the delegation took part in the session of the General Council of the ITUC in Geneva",
                r#"?s a lg:Session ; schema:location ?g ; schema:organizer ?gc ; schema:attendee ?p .
                   ?gc org:unitOf ?i . label(?g, "Geneva") label(?i, "ITUC") name(?gc, "General Council") name(?p, "Dauletalin")"#,
            ),
            (
                "the ITUC is the International Trade Union Confederation",
                r#"?i a lg:InternationalTradeUnionConfederation . label(?i, "ITUC") label(?i, "International Trade Union Confederation")"#,
            ),
            (
                "the General Council discussed the New Social Contract, a just economy, labour market inequality and climate change",
                r#"?s a lg:Session ; dcterms:subject ?n, ?j, ?l, ?c . name(?s, "ITUC General Council")
                   name(?n, "New Social Contract") name(?j, "just economy") name(?l, "labour market inequality") label(?c, "climate change")"#,
            ),
            (
                "BRICS unions and the L20 trade union group are named, as groups rather than formal organisations",
                r#"?b a lg:OrganisationGroup . ?l a lg:OrganisationGroup . label(?b, "BRICS unions") name(?l, "L20")"#,
            ),
            (
                "Luca Visentini is General Secretary of the ITUC",
                r#"?m org:member ?p ; org:organization ?i ; org:role ?r . label(?p, "Luca Visentini") label(?i, "ITUC") label(?r, "General Secretary")"#,
            ),
            (
                "Visentini presented the General Council with a report on the ITUC's main activities",
                r#"?d a lg:Report ; lg:presentedAt ?s ; dcterms:creator ?i . name(?d, "report on ITUC") label(?i, "ITUC")
                   ?s lg:hasParticipation ?n . ?n lg:participant ?p ; lg:participantRole ?r . name(?p, "Visentini") FILTER(CONTAINS(?r, "report"))"#,
            ),
            (
                "Visentini called on the global trade union movement for effective partnership and solidarity",
                r#"?ag lg:party ?p ; lg:agreedAt ?s ; lg:concernsDocument ?d ; dcterms:subject ?t . ?d a lg:Report .
                   name(?p, "Visentini") name(?t, "solidarity")"#,
            ),
            (
                "Dauletalin met Visentini on the sidelines of the ITUC General Council",
                r#"?e a lg:Meeting ; schema:superEvent ?s ; schema:attendee ?d, ?v . ?s a lg:Session .
                   name(?d, "Dauletalin") name(?v, "Visentini") name(?s, "General Council")"#,
            ),
            (
                "Dauletalin is Vice-President of the Pan-European Regional Council of the ITUC, attested at that meeting",
                r#"?m org:member ?p ; org:organization ?c ; org:role ?r ; lg:attestedAt ?e . ?c org:subOrganizationOf ?i ; a lg:RegionalTradeUnionCouncil .
                   ?e schema:attendee ?v . name(?v, "Visentini")
                   name(?p, "Dauletalin") name(?c, "Pan-European Regional Council") label(?i, "ITUC") label(?r, "Vice-President")"#,
            ),
            (
                "the implementation of ITUC recommendations and the promotion of international standards were discussed",
                r#"?e a lg:Meeting ; schema:attendee ?v ; dcterms:subject ?r, ?s . name(?v, "Visentini")
                   name(?r, "ITUC recommendations") name(?s, "international labour standards")"#,
            ),
            (
                "the ITUC General Secretary welcomed the Federation's commitment to cooperation",
                r#"?ag lg:status lg:Accepted ; lg:party ?f, ?i ; lg:agreedAt ?e . label(?f, "FPRK") label(?i, "ITUC")
                   ?e schema:attendee ?v . name(?v, "Visentini")"#,
            ),
            (
                "the ITUC brings together 332 national trade union centres (an exact integer)",
                r#"?f schema:about ?i ; schema:value ?v ; lg:qualifier lg:Exactly ; lg:counts ?c . label(?i, "ITUC")
                   FILTER(?v = 332 && DATATYPE(?v) = xsd:integer && CONTAINS(?c, "national trade union centres"))"#,
            ),
            (
                "from 163 countries and regions",
                r#"?f schema:about ?i ; schema:value 163 ; schema:unitText ?u . label(?i, "ITUC") FILTER(CONTAINS(?u, "countries"))"#,
            ),
            (
                "with over 200 million members (a lower bound)",
                r#"?f schema:about ?i ; schema:value 200000000 ; lg:qualifier lg:MoreThan ; schema:minValue 200000000 . label(?i, "ITUC")"#,
            ),
            (
                "Kemal Özkan is Deputy General Secretary of IndustriALL Global Union",
                r#"?m org:member ?p ; org:organization ?i ; org:role ?r . label(?p, "Kemal Özkan") label(?i, "IndustriALL Global Union") label(?r, "Deputy General Secretary")
                   ?i a lg:GlobalUnionFederation"#,
            ),
            (
                "Dauletalin met Özkan during the Geneva visit",
                r#"?e a lg:Meeting ; schema:superEvent ?v ; schema:attendee ?d, ?o . ?v schema:location ?g .
                   name(?d, "Dauletalin") name(?o, "Özkan") label(?g, "Geneva")"#,
            ),
            (
                "they discussed partnership with the sectoral trade unions of Kazakhstan's coal industry",
                r#"?e schema:attendee ?o ; dcterms:subject ?c . name(?o, "Özkan") name(?c, "coal")
                   ?u a lg:OrganisationGroup ; lg:country ?kz . name(?u, "coal industry") label(?kz, "Kazakhstan")"#,
            ),
            (
                "FPRK initiatives are incorporated into Kazakhstan's Safe Labor Concept for 2024-2030",
                r#"?c a lg:PolicyConcept ; lg:jurisdiction ?kz ; dcterms:temporal ?t . label(?kz, "Kazakhstan") name(?c, "Safe Labor Concept")
                   ?t dcat:startDate "2024"^^xsd:gYear ; dcat:endDate "2030"^^xsd:gYear ."#,
            ),
            (
                "the initiatives: lower retirement age for miners, occupational health, state control",
                r#"?c a lg:PolicyConcept ; dcterms:subject ?r, ?h, ?s . name(?c, "Safe Labor Concept")
                   name(?r, "retirement age of miners") name(?h, "occupational safety and health") name(?s, "state control")"#,
            ),
            (
                "the Federation advocates the adoption of a National Program for the Sustainable Development of the Coal Industry",
                r#"?d a lg:Programme ; lg:status lg:Advocated . label(?d, "National Program for the Sustainable Development of the Coal Industry")
                   ?ag lg:party ?f ; lg:concernsDocument ?d . label(?f, "FPRK")"#,
            ),
            (
                "the Federation aims to align its work with international standards and promote a New Social Contract",
                r#"?ag lg:party ?f ; lg:concernsDocument ?d ; dcterms:subject ?s . label(?f, "FPRK") label(?d, "New Social Contract")
                   name(?s, "international labour standards")"#,
            ),
            (
                "Özkan supported the Federation's efforts to promote international labour standards; both intend to develop cooperation",
                r#"?ag lg:party ?i, ?f ; lg:status lg:Agreed ; dcterms:subject ?s . label(?i, "IndustriALL") label(?f, "FPRK")
                   name(?s, "international labour standards")"#,
            ),
            (
                "Özkan's visit to Kazakhstan is planned, at the invitation of Dauletalin",
                r#"?v a lg:Visit ; lg:status lg:Planned ; schema:location ?kz ; schema:attendee ?o . name(?o, "Özkan") label(?kz, "Kazakhstan")
                   ?inv a lg:Invitation ; lg:concernsEvent ?v ; lg:party ?d . name(?d, "Dauletalin")"#,
            ),
            (
                "IndustriALL represents 50 million workers (no qualifier: the text gives none)",
                r#"?f schema:about ?i ; schema:value 50000000 ; lg:counts ?c . label(?i, "IndustriALL")
                   FILTER(CONTAINS(?c, "mining, energy and manufacturing")) FILTER NOT EXISTS { ?f lg:qualifier ?q }"#,
            ),
            (
                "in 140 countries",
                r#"?f schema:about ?i ; schema:value 140 ; schema:unitText ?u . label(?i, "IndustriALL") FILTER(CONTAINS(?u, "countries"))"#,
            ),
            (
                "Dauletalin met Tomoko Yoshino (RENGO, JTUC) and Ryo Saito in Geneva",
                r#"?e a lg:Meeting ; schema:location ?g ; schema:attendee ?d, ?y, ?s, ?r . label(?g, "Geneva")
                   name(?d, "Dauletalin") name(?y, "Yoshino") label(?s, "Ryo Saito") label(?r, "JTUC")"#,
            ),
            (
                "Yoshino's post as President of the Japanese Trade Union Confederation is attested at the Geneva meeting too",
                r#"?m org:member ?y ; org:role ?r ; lg:attestedAt ?e . ?e schema:location ?g .
                   name(?y, "Yoshino") label(?r, "President") label(?g, "Geneva")"#,
            ),
            (
                "Ryo Saito is Director of RENGO's International Relations Department",
                r#"?m org:member ?p ; org:organization ?d ; org:role ?r . ?d org:unitOf ?rengo .
                   label(?p, "Ryo Saito") name(?d, "International Relations Department") label(?rengo, "RENGO") label(?r, "Director")"#,
            ),
            (
                "Ryo Saito of RENGO is not merged with JILAF's Secretary General Saito; the decision is recorded",
                r#"?a a schema:Person . label(?a, "Ryo Saito") ?b a schema:Person . label(?b, "SAITO Rio") FILTER(?a != ?b)
                   ?n lg:aboutEntity ?a ; rdfs:comment ?why . FILTER(CONTAINS(?why, "NOT merged"))"#,
            ),
            (
                "joint projects under the JILAF educational program were discussed with RENGO",
                r#"?ag lg:party ?r ; lg:concernsDocument ?d ; lg:agreedAt ?e . ?e schema:location ?g .
                   label(?r, "RENGO") label(?d, "JILAF educational program") label(?g, "Geneva")"#,
            ),
            (
                "JILAF, the Japan International Labour Foundation, was established in 1989 by the Japanese Trade Union Confederation",
                r#"?j a lg:Foundation ; schema:founder ?r ; schema:foundingDate "1989"^^xsd:gYear .
                   label(?j, "Japan International Labour Foundation") label(?r, "Japanese Trade Union Confederation")"#,
            ),
            (
                "a bilateral meeting of the heads of the national trade union centres is planned in Tokyo",
                r#"?e a lg:Meeting ; lg:status lg:Planned ; schema:location ?t ; schema:attendee ?f, ?r .
                   label(?t, "Tokyo") label(?f, "FPRK") label(?r, "RENGO")
                   ?ag a lg:Plan ; lg:concernsEvent ?e ; lg:concernsPlace ?t ."#,
            ),
            (
                "the planned Tokyo meeting is not silently identified with the working trip to Japan",
                r#"?trip a lg:Visit . name(?trip, "working trip to Japan")
                   ?n lg:aboutEntity ?trip ; rdfs:comment ?why . FILTER(CONTAINS(?why, "Tokyo"))"#,
            ),
        ],
    )
}

/// Seed 003: S. Dauletalin sums up the two-day training seminar of the
/// international conference dedicated to the ILO's 100th anniversary.
#[test]
fn article_ilo_centenary_seminar_results() -> TestResult {
    check(
        "ILO-centenary training seminar: results",
        &[
            (
                "the article is in the graph, without a publisher (it has no publisher line)",
                r#"?a a schema:NewsArticle ; schema:text ?x . FILTER(STRSTARTS(STR(?x), "S. Dauletalin, Deputy Chairman of the fprc"))
                   FILTER NOT EXISTS { ?a schema:publisher ?p }"#,
            ),
            (
                "the article's year, 2019, is an inference from the ILO's 100th anniversary, with its reasoning",
                r#"?a a schema:NewsArticle ; schema:text ?x ; schema:datePublished "2019"^^xsd:gYear .
                   FILTER(STRSTARTS(STR(?x), "S. Dauletalin"))
                   ?i a lg:DateInference ; lg:aboutEntity ?a ; lg:inferredValue "2019"^^xsd:gYear ; rdfs:comment ?why .
                   FILTER(CONTAINS(?why, "100th anniversary"))"#,
            ),
            (
                "S. Dauletalin is Deputy Chairman of the fprc",
                r#"?m org:member ?p ; org:organization ?f ; org:role ?r . label(?p, "S. Dauletalin") label(?f, "fprc") label(?r, "Deputy Chairman")"#,
            ),
            (
                "S. Dauletalin is Satybaldy Dauletalin, by a recorded identity decision",
                r#"?p a schema:Person ; skos:editorialNote ?n . label(?p, "S. Dauletalin") label(?p, "Satybaldy Dauletalin")"#,
            ),
            (
                "his Deputy Chairman post (2019) and his later Chairman post are two posts",
                r#"?dep org:member ?p ; org:role ?r1 ; lg:attestedOn "2019"^^xsd:gYear . ?ch org:member ?p ; org:role ?r2 .
                   label(?p, "S. Dauletalin") label(?r1, "Deputy Chairman") label(?r2, "Chairman")"#,
            ),
            (
                "a two-day training seminar was held within the framework of the international conference dedicated to the ILO's 100th anniversary",
                r#"?s a lg:Seminar ; schema:superEvent ?c . ?c a lg:Conference . name(?c, "100th anniversary of the International labour organization")
                   ?f schema:about ?s ; schema:value 2 ; schema:unitText ?u . FILTER(CONTAINS(?u, "day"))"#,
            ),
            (
                "the conference was dedicated to the 100th anniversary of the ILO",
                r#"?f schema:about ?c ; schema:value 100 ; schema:unitText ?u . ?c a lg:Conference . name(?c, "100th anniversary") FILTER(CONTAINS(?u, "year"))"#,
            ),
            (
                "the conference's year 2019 is inferred, not stated",
                r#"?c a lg:Conference ; schema:startDate "2019"^^xsd:gYear . name(?c, "100th anniversary")
                   ?i lg:aboutEntity ?c ; lg:aboutProperty schema:startDate ; lg:inferredValue "2019"^^xsd:gYear ; rdfs:comment ?why ."#,
            ),
            (
                "the International Labour Organization (ILO) is an intergovernmental organisation",
                r#"?o a lg:IntergovernmentalOrganisation . label(?o, "International labour organization") label(?o, "ILO")"#,
            ),
            (
                "Dauletalin summed up the results of the seminar, as Deputy Chairman of the fprc",
                r#"?s a lg:Seminar ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:participantRole ?r ; lg:capacity ?c ; lg:onBehalfOf ?f .
                   label(?p, "S. Dauletalin") label(?f, "fprc") FILTER(CONTAINS(?r, "summed up") && CONTAINS(?c, "Deputy Chairman"))"#,
            ),
            (
                "international cooperation and qualified training are the Federation's main activities",
                r#"?s a lg:Seminar ; schema:attendee ?p ; dcterms:subject ?i, ?t . label(?p, "S. Dauletalin")
                   label(?i, "International trade union cooperation") name(?t, "training")"#,
            ),
            (
                "protection of workers' rights, legal advice and collective bargaining are the unions' tasks",
                r#"?s a lg:Seminar ; schema:attendee ?p ; dcterms:subject ?w, ?l, ?c . label(?p, "S. Dauletalin")
                   name(?w, "protection of workers' rights") name(?l, "legal services") label(?c, "collective bargaining")"#,
            ),
            (
                "the mechanism of social partnership should be implemented through the trade union",
                r#"?s a lg:Seminar ; schema:attendee ?p ; dcterms:subject ?t . label(?p, "S. Dauletalin") name(?t, "social partnership")"#,
            ),
            (
                "“We will continue our cooperation in a more expanded format”: a commitment made at the seminar",
                r#"?ag a lg:VerbalCommitment ; lg:party ?p ; lg:agreedAt ?s . ?s a lg:Seminar . label(?p, "S. Dauletalin")
                   name(?ag, "more expanded format")"#,
            ),
            (
                "R. Saito, Secretary General of JILAF (Japan), spoke at the seminar",
                r#"?s a lg:Seminar ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:onBehalfOf ?j ; lg:participantRole "speaker"@en .
                   label(?p, "R. Saito") label(?j, "JILAF") ?m org:member ?p ; org:role ?r . label(?r, "Secretary General")"#,
            ),
            (
                "R. Saito and SAITO Rio are one person, by a recorded identity decision",
                r#"?p a schema:Person ; skos:editorialNote ?n . label(?p, "R. Saito") label(?p, "SAITO Rio") FILTER(CONTAINS(?n, "merged"))"#,
            ),
            (
                "R. Saito will inform his unions in Japan of the excellent organisation of events in Kazakhstan",
                r#"?ag lg:party ?p ; lg:agreedAt ?s ; lg:content ?c . label(?p, "R. Saito") FILTER(CONTAINS(?c, "organisation of events in Kazakhstan"))"#,
            ),
            (
                "T. Saito, representative of JILAF (Japan), also spoke",
                r#"?s a lg:Seminar ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:onBehalfOf ?j . label(?p, "T. Saito") label(?j, "JILAF")
                   ?m org:member ?p ; org:organization ?j ; org:role ?r . label(?r, "Representative")"#,
            ),
            (
                "T. Saito is a different person from R. Saito, by a recorded decision",
                r#"?t a schema:Person ; skos:editorialNote ?n . label(?t, "T. Saito") ?r a schema:Person . label(?r, "R. Saito") FILTER(?t != ?r)"#,
            ),
            (
                "the flight from Japan to Kazakhstan takes more than 10 hours",
                r#"?f schema:value 10 ; lg:qualifier lg:MoreThan ; schema:unitText ?u ; lg:reportedAt ?s . ?s a lg:Seminar .
                   FILTER(CONTAINS(?u, "hour"))"#,
            ),
            (
                "the seminar took place in Kazakhstan",
                r#"?s a lg:Seminar ; schema:location ?kz ; schema:attendee ?p . label(?kz, "Kazakhstan") label(?p, "T. Saito")"#,
            ),
            (
                "all participants received certificates (kept as evidence on the seminar)",
                r#"?ann oa:hasBody ?s ; oa:hasTarget/oa:hasSelector/oa:exact ?q . ?s a lg:Seminar . FILTER(CONTAINS(?q, "certificates"))"#,
            ),
        ],
    )
}

/// Seed 004: the FTURK Solidarity Forum “Unity. Justice. Development” of
/// 10 October 2022.
#[test]
fn article_solidarity_forum_2022() -> TestResult {
    check(
        "Solidarity Forum “Unity. Justice. Development”",
        &[
            (
                "the article is in the graph, published by the FTURK's Media Center",
                r#"?a a schema:NewsArticle ; schema:publisher ?m ; dcterms:title ?t .
                   name(?m, "Media Center") FILTER(CONTAINS(STR(?t), "Unity. Justice. Development"))"#,
            ),
            (
                "the article prints no date: it was published on or after the forum, while the elections were upcoming",
                r#"?a a schema:NewsArticle ; dcterms:title ?t . FILTER(CONTAINS(STR(?t), "Unity. Justice. Development"))
                   FILTER NOT EXISTS { ?a schema:datePublished ?d }
                   ?i lg:aboutEntity ?a ; lg:notBefore "2022-10-10"^^xsd:date ; lg:notAfter ?na ."#,
            ),
            (
                "the Solidarity Forum “Unity. Justice. Development” of the Federation took place on 2022-10-10 (xsd:date)",
                r#"?f a lg:Forum ; schema:startDate ?d ; schema:organizer ?o . name(?f, "Unity. Justice. Development") label(?o, "FTURK")
                   FILTER(?d = "2022-10-10"^^xsd:date && DATATYPE(?d) = xsd:date)"#,
            ),
            (
                "the forum was dedicated to the Day of Trade Unions of Kazakhstan",
                r#"?f a lg:Forum ; schema:superEvent ?d . label(?d, "Day of Trade Unions of Kazakhstan")"#,
            ),
            (
                "the forum's venue is not stated, so none is recorded",
                r#"?f a lg:Forum . name(?f, "Unity. Justice. Development") FILTER NOT EXISTS { ?f schema:location ?l }"#,
            ),
            (
                "attended by leaders of primary trade union organisations, regional trade union centres and industry trade unions",
                r#"?f a lg:Forum ; schema:attendee ?p, ?r, ?i . ?p a lg:OrganisationGroup . ?r a lg:OrganisationGroup . ?i a lg:OrganisationGroup .
                   name(?p, "primary trade union organizations") name(?r, "regional Trade union centers") name(?i, "Industry trade unions")"#,
            ),
            (
                "attended by international and social partners",
                r#"?f a lg:Forum ; schema:attendee ?i, ?s . label(?i, "international partners") label(?s, "social partners")"#,
            ),
            (
                "attended by deputies of the Parliament of the Republic of Kazakhstan",
                r#"?f a lg:Forum ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:capacity ?c . ?p a lg:Legislature .
                   label(?p, "Parliament of the Republic of Kazakhstan") FILTER(CONTAINS(?c, "deputies"))"#,
            ),
            (
                "the Strategy of the Federation for 2020-2025, whose further implementation the forum set goals for",
                r#"?s a lg:Strategy ; dcterms:creator ?o ; dcterms:temporal ?t . label(?o, "FTURK") name(?s, "Strategy of the Federation")
                   ?t dcat:startDate "2020"^^xsd:gYear ; dcat:endDate "2025"^^xsd:gYear .
                   ?ag lg:concernsDocument ?s ; lg:agreedAt ?f . ?f a lg:Forum"#,
            ),
            (
                "Chairman Satybaldy Dauletalin opened the forum",
                r#"?f a lg:Forum ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:onBehalfOf ?o ; lg:participantRole ?r ; lg:capacity ?c .
                   label(?p, "Satybaldy Dauletalin") label(?o, "FTURK") FILTER(CONTAINS(?r, "opening") && CONTAINS(?c, "Chairman"))"#,
            ),
            (
                "Dauletalin's Chairman post is attested on 2022-10-10 at the forum",
                r#"?m org:member ?p ; org:role ?r ; lg:attestedOn "2022-10-10"^^xsd:date ; lg:attestedAt ?f . ?f a lg:Forum .
                   label(?p, "Satybaldy Dauletalin") label(?r, "Chairman")"#,
            ),
            (
                "achievements: a gradual increase of the minimum wage and a methodology for calculating the MCI",
                r#"?f a lg:Forum ; dcterms:subject ?w . label(?w, "minimum wage") ?d a schema:CreativeWork . name(?d, "methodology for calculating the MCI")"#,
            ),
            (
                "the Federation had norms included in the General Agreement for 2021-2023",
                r#"?ag a lg:GeneralAgreement ; lg:party ?o ; schema:validFrom "2021"^^xsd:gYear ; schema:validThrough "2023"^^xsd:gYear ; lg:concernsDocument ?d .
                   label(?o, "FTURK") label(?d, "General Agreement for 2021-2023")"#,
            ),
            (
                "the Council of Trade Unions of Central Asian Countries has been established (by 10 October 2022; no founding date stated)",
                r#"?c a lg:RegionalTradeUnionCouncil . label(?c, "Council of Trade Unions of Central Asian Countries")
                   FILTER NOT EXISTS { ?c schema:foundingDate ?d }
                   ?i lg:aboutEntity ?c ; lg:aboutProperty schema:foundingDate ; lg:notAfter "2022-10-10"^^xsd:date ."#,
            ),
            (
                "the main challenge is the restoration of social justice; priorities are jobs, incomes and social partnership",
                r#"?f a lg:Forum ; dcterms:subject ?j, ?e, ?i, ?s . label(?j, "social justice") name(?e, "employment") name(?i, "incomes")
                   name(?s, "social partnership")"#,
            ),
            (
                "trade unions support the President's decision to introduce a luxury tax",
                r#"?d dcterms:creator ?p ; dcterms:subject ?t . name(?d, "luxury tax") label(?p, "Kassym-Jomart Tokayev") label(?t, "luxury tax")
                   ?f a lg:Forum ; dcterms:subject ?t ."#,
            ),
            (
                "a full-fledged republican association of employers has not been formed; a separate Ministry of Labor is proposed",
                r#"?ag lg:status lg:Proposed ; lg:party ?o ; lg:agreedAt ?f ; lg:content ?c ; dcterms:subject ?e . ?f a lg:Forum . label(?o, "FTURK")
                   FILTER(CONTAINS(?c, "separate Ministry of Labor")) name(?e, "association of employers")"#,
            ),
            (
                "the proposed Ministry of Labor does not exist, so it is not recorded as an organisation of Kazakhstan",
                r#"?kz a schema:Country . label(?kz, "Kazakhstan")
                   FILTER NOT EXISTS { ?o a schema:Organization ; lg:country ?kz ; rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "ministry of labor")) }"#,
            ),
            (
                "legal services, the youth movement and international cooperation are conditions for effective trade unions",
                r#"?f a lg:Forum ; dcterms:subject ?l, ?y, ?i . name(?l, "legal services") name(?y, "youth") label(?i, "International trade union cooperation")"#,
            ),
            (
                "the Federation will continue cooperation with the ILO, support the ITUC and develop the Central Asian council",
                r#"?ag a lg:VerbalCommitment ; lg:party ?o ; lg:agreedAt ?f ; lg:content ?c . ?f a lg:Forum . label(?o, "FTURK")
                   FILTER(CONTAINS(?c, "ILO") && CONTAINS(?c, "ITUC") && CONTAINS(?c, "Central Asian"))"#,
            ),
            (
                "the Federation will seek the ratification of the ILO Conventions",
                r#"?ag lg:party ?o ; lg:concernsDocument ?d . ?d a lg:Convention ; dcterms:creator ?ilo . label(?o, "FTURK") label(?d, "ILO Conventions")
                   label(?ilo, "ILO")"#,
            ),
            (
                "the presidential elections of the Republic of Kazakhstan were upcoming (a planned event after 10 October 2022)",
                r#"?e lg:status lg:Planned ; schema:location ?kz ; dcterms:subject ?t . name(?e, "presidential elections") label(?kz, "Kazakhstan")
                   ?i lg:aboutEntity ?e ; lg:notBefore ?nb . FILTER(?nb > "2022-10-10"^^xsd:date)"#,
            ),
            (
                "Dauletalin had already stated his position before the General Council, before the forum",
                r#"?e schema:attendee ?p, ?gc . name(?p, "Dauletalin") label(?gc, "the General Council")
                   ?i lg:aboutEntity ?e ; lg:notAfter "2022-10-10"^^xsd:date ."#,
            ),
            (
                "which General Council is a recorded curation decision (the FTURK's own)",
                r#"?gc org:unitOf ?o ; skos:editorialNote ?n . label(?gc, "the General Council") label(?o, "FTURK")"#,
            ),
            (
                "Kassym-Jomart Tokayev, the incumbent President of Kazakhstan, is a candidate in the elections",
                r#"?e lg:hasParticipation ?n . name(?e, "presidential elections")
                   ?n lg:participant ?p ; lg:participantRole "candidate"@en ; lg:capacity ?c . label(?p, "Kassym-Jomart Kemelevich Tokayev")
                   FILTER(CONTAINS(?c, "incumbent President"))"#,
            ),
            (
                "Tokayev holds the post of President",
                r#"?m org:member ?p ; org:organization ?o ; org:role ?r . label(?p, "Kassym-Jomart Tokayev") name(?o, "President") label(?r, "President")"#,
            ),
            (
                "'the President' in Dauletalin's speech is Tokayev, by a recorded identity decision",
                r#"?p skos:editorialNote ?n . label(?p, "Kassym-Jomart Tokayev") FILTER(CONTAINS(?n, "President"))"#,
            ),
            (
                "under Tokayev a programme to increase incomes was adopted, and a minimum wage methodology became reality",
                r#"?p a lg:Programme ; lg:status lg:Adopted . name(?p, "increase the incomes of the population")
                   ?m lg:status lg:Adopted . name(?m, "methodology for determining the minimum wage")"#,
            ),
            (
                "the democratic elections of the FTURK chairman in 2020",
                r#"?e schema:startDate "2020"^^xsd:gYear ; schema:attendee ?o . name(?e, "chairman") label(?o, "FTURK")"#,
            ),
            (
                "the FTURK requires higher purchasing power and annual indexation of salaries not below inflation",
                r#"?ag lg:party ?o ; lg:agreedAt ?f ; dcterms:subject ?i ; lg:concernsDocument ?d . ?f a lg:Forum . label(?o, "FTURK")
                   name(?i, "indexation") name(?d, "trade union instructions")"#,
            ),
            (
                "salary debts should count against the regional akims; timely payment of wages must be guaranteed",
                r#"?ag dcterms:subject ?t ; lg:content ?c . name(?t, "timely payment of wages") FILTER(CONTAINS(?c, "akims"))
                   ?g a lg:OrganisationGroup . label(?g, "regional akims")"#,
            ),
            (
                "the employer's and owner's material responsibility for harm to workers must increase",
                r#"?ag lg:party ?o ; dcterms:subject ?t . label(?o, "FTURK") name(?t, "employer liability")"#,
            ),
            (
                "productivity growth must come from modernisation, not cheap labour",
                r#"?ag lg:party ?o ; lg:content ?c ; dcterms:subject ?t . label(?o, "FTURK") name(?t, "productivity") FILTER(CONTAINS(?c, "cheap labour"))"#,
            ),
            (
                "the megaprojects ФИИР are named (in Russian, untranslated)",
                r#"?d rdfs:label ?l . FILTER(?l = "ФИИР"@ru)"#,
            ),
            (
                "Gocha Alexandria, Chief Specialist on Workers' Activities of the ILO Bureau for Eastern Europe and Central Asia",
                r#"?m org:member ?p ; org:organization ?b ; org:role ?r . ?b org:unitOf ?ilo ; a lg:RegionalOffice .
                   label(?p, "Gocha Alexandria") name(?b, "Eastern Europe and Central Asia") label(?ilo, "ILO") name(?r, "Chief Specialist on Workers")"#,
            ),
            (
                "on behalf of the ILO, Alexandria conveyed congratulations to the forum participants",
                r#"?f a lg:Forum ; lg:hasParticipation ?n . ?n lg:participant ?p ; lg:onBehalfOf ?ilo ; lg:participantRole ?r .
                   label(?p, "Gocha Alexandria") label(?ilo, "International Labour Organization") FILTER(CONTAINS(?r, "congratulations"))"#,
            ),
            (
                "recent meetings and contacts with the government and social partners gave hope of full-scale cooperation with the ILO",
                r#"?e schema:attendee ?g, ?s . ?g a lg:GovernmentBody ; lg:country ?kz . label(?g, "the government") label(?kz, "Kazakhstan") label(?s, "social partners")
                   ?i lg:aboutEntity ?e ; lg:notAfter "2022-10-10"^^xsd:date ."#,
            ),
            (
                "the plenary session examined social dialogue, support for primary organisations, labour protection and youth",
                r#"?p a lg:PlenarySession ; schema:superEvent ?f ; dcterms:subject ?s, ?o, ?y . ?f a lg:Forum .
                   name(?s, "social dialogue") name(?o, "primary trade union organisations") name(?y, "youth")"#,
            ),
            (
                "professional leaders and social partners took part in the plenary",
                r#"?p a lg:PlenarySession ; schema:attendee ?s . label(?s, "social partners")"#,
            ),
            (
                "the panel section “Modern challenges and solutions: zero injuries” was part of the forum",
                r#"?s a lg:PanelSection ; schema:superEvent ?f . ?f a lg:Forum . name(?s, "Modern challenges and solutions: zero injuries")"#,
            ),
            (
                "occupational injuries decreased by 2% (a negative change, no qualifier)",
                r#"?fig schema:value -2 ; schema:unitText ?u ; lg:reportedAt ?s . name(?s, "zero injuries") FILTER(CONTAINS(?u, "percent"))
                   FILTER NOT EXISTS { ?fig lg:qualifier ?q }"#,
            ),
            (
                "the section proposed norms in the Labor Code for mandatory industrial safety and labour protection councils",
                r#"?ag lg:agreedAt ?s ; lg:concernsDocument ?c ; dcterms:subject ?t . name(?s, "zero injuries")
                   ?c a lg:Code, schema:Legislation ; lg:jurisdiction ?kz . label(?c, "Labor Code of the Republic of Kazakhstan") label(?kz, "Kazakhstan")
                   name(?t, "labour protection councils")"#,
            ),
            (
                "the section recommended innovative safety technologies: IISS projects and the ASPANS platform",
                r#"?ag lg:agreedAt ?s ; lg:concernsDocument ?i, ?a . name(?s, "zero injuries") label(?i, "Integrated Industrial Safety System") label(?a, "ASPANS")"#,
            ),
            (
                "a decent level of pay for employees who promote safety",
                r#"?ag lg:agreedAt ?s ; dcterms:subject ?w . name(?s, "zero injuries") name(?w, "wages")"#,
            ),
            (
                "the second section, on positioning modern trade unions, developed recommendations",
                r#"?s a lg:PanelSection ; schema:superEvent ?f ; dcterms:subject ?t . name(?s, "positioning") name(?t, "positioning")
                   ?ag lg:agreedAt ?s ."#,
            ),
            (
                "the forum adopted a resolution on urgent measures to improve the welfare of employees",
                r#"?r a lg:ResolutionDocument ; lg:status lg:Adopted ; lg:adoptedAt ?f . ?f a lg:Forum . name(?r, "urgent measures to improve the welfare of employees")"#,
            ),
            (
                "and the Resolution “On the actions of the FTURK in the electoral campaign of autumn 2022”, concerning the elections",
                r#"?r a lg:ResolutionDocument ; lg:adoptedAt ?f . ?f a lg:Forum . name(?r, "On the actions of the FTURK in the electoral campaign of autumn 2022")
                   ?ag lg:concernsDocument ?r ; lg:concernsEvent ?e . ?e lg:status lg:Planned . name(?e, "presidential elections")"#,
            ),
            (
                "Tokayev's election platform",
                r#"?d dcterms:creator ?p . name(?d, "election platform") label(?p, "Kassym-Jomart Tokayev")"#,
            ),
            (
                "the ILO Bureau's region: Eastern Europe and Central Asia are regions",
                r#"?e a schema:AdministrativeArea . ?c a schema:AdministrativeArea . label(?e, "Eastern Europe") label(?c, "Central Asia")"#,
            ),
        ],
    )
}
