//! The records of the corpus's actors and settings — places, organisations,
//! topics and people — each with the sentence of its article that reports
//! it as evidence.

use super::article::{Article, evidence};
use super::corpus::Corpus;
use super::date::Date;
use super::vocabulary::{COUNTRIES, ROLES, capitalise};
use crate::records::RecordKind;
use rand::Rng;
use serde_json::{Value, json};

impl Corpus {
    /// Place `j`: a country with its ISO 3166 codes, a city or a venue.
    pub(super) fn place_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let place = self.place(j);
        let mut record =
            json!({"type": "place", "id": place.id, "name": place.name, "kind": place.kind});
        let quote = match place.within {
            None => {
                let (_, a2, a3, num) = COUNTRIES[j];
                record["iso3166"] = json!({
                    "alpha2": a2, "alpha3": a3, "numeric": num,
                    "verified_in": format!("https://www.iso.org/obp/ui/#iso:code:3166:{a2}"),
                });
                text.say(format!("Delegations from {} took part", place.name))
            }
            Some(w) => {
                let host = self.place(w);
                record["within"] = json!(host.id);
                if place.kind == "city" {
                    text.say(format!("the city of {} in {}", place.name, host.name))
                } else {
                    text.say(format!("the {} in {}", place.name, host.name))
                }
            }
        };
        record["evidence"] = evidence(source, &[&quote]);
        record
    }

    /// Organisation `j`, sometimes with its founding year and a description.
    pub(super) fn organisation_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let org = self.organisation(j);
        let mut rng = self.detail(RecordKind::Organisation, j);
        let country = self.place(org.country);
        let mut record = json!({
            "type": "organisation", "id": org.id, "name": org.name, "kind": org.kind,
            "country": country.id,
        });
        let quote = match &org.abbreviation {
            Some(abbr) => {
                record["alt_names"] = json!([abbr]);
                text.say(format!("the {} ({abbr})", org.name))
            }
            None => text.say(format!("the {}", org.name)),
        };
        if let Some(p) = org.parent {
            record["parent"] = json!(self.organisation(p).id);
        }
        if rng.random_bool(0.4) {
            let year = rng.random_range(1905..=2015);
            record["founded"] = json!(format!("{year}"));
            let q = text.say(format!("{} was founded in {year}", org.name));
            record["evidence"] = evidence(source, &[&quote, &q]);
        } else {
            record["evidence"] = evidence(source, &[&quote]);
        }
        if rng.random_bool(0.2) {
            record["description"] = json!(format!(
                "{} in {}, reported in the synthetic corpus.",
                capitalise(&org.kind.replace('-', " ")),
                country.name
            ));
        }
        record
    }

    /// Topic `j`; all but the top topics have a broader one.
    pub(super) fn topic_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let mut rng = self.detail(RecordKind::Topic, j);
        let name = self.topic_name(j);
        let mut record = json!({"type": "topic", "id": self.topic_id(j), "name": name});
        if j >= self.top_topics {
            let broader = rng.random_range(0..j.min(self.top_topics.max(j / 2)));
            record["broader"] = json!([self.topic_id(broader)]);
        }
        if rng.random_bool(0.5) {
            record["definition"] = json!(format!(
                "Questions of {} raised in labour relations.",
                name.to_lowercase()
            ));
        }
        let quote = text.say(format!(
            "Particular attention was paid to {}",
            name.to_lowercase()
        ));
        record["evidence"] = evidence(source, &[&quote]);
        record
    }

    /// Person `j` with their posts, each reported in a sentence of its own.
    pub(super) fn person_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let person = self.person(j);
        let mut rng = self.detail(RecordKind::Person, j);
        let name = person.name();
        let mut posts = Vec::new();
        let mut quote = None;
        for (role, org) in &person.posts {
            let org = self.organisation(*org);
            let role = ROLES[*role];
            let said = text.say(format!("{role} of the {} {name}", org.name));
            let mut post = json!({"role": role, "organisation": org.id});
            if rng.random_bool(0.6) {
                let date = Date::random(&mut rng);
                post["attested"] = json!(date.iso());
            }
            if rng.random_bool(0.2) {
                post["start"] = json!(format!("{}", rng.random_range(2000..=2011)));
            }
            if rng.random_bool(0.25) {
                post["events"] = json!([self.random_event_id(&mut rng)]);
            }
            post["evidence"] = evidence(source, &[&said]);
            quote.get_or_insert(said);
            posts.push(post);
        }
        json!({
            "type": "person", "id": person.id, "name": name,
            "given_name": person.given, "family_name": person.family,
            "posts": posts,
            "evidence": evidence(source, &[&quote.expect("a person has a post")]),
        })
    }
}
