//! The records of what happens in the corpus — events with their
//! participants, agreements, documents and figures — each with the sentence
//! of its article that reports it as evidence.

use super::article::{Article, evidence};
use super::corpus::Corpus;
use super::date::Date;
use super::vocabulary::{ROLES, capitalise, one};
use crate::records::RecordKind;
use rand::Rng;
use serde_json::{Value, json};

impl Corpus {
    /// Event `j`: where and when it took place, its organisers, topics and
    /// participants (who act for the organisation of their first post).
    pub(super) fn event_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let event = self.event(j);
        let mut rng = self.detail(RecordKind::Event, j);
        let place = self.place(self.random_locality(&mut rng));
        let mut record = json!({
            "type": "event", "id": event.id, "name": event.name, "kind": event.kind,
            "start": event.date.iso(), "places": [place.id],
        });
        let mut sentence = format!(
            "{} the {} took place in {}",
            capitalise(&event.date.prose()),
            event.name,
            place.name
        );
        if matches!(event.kind, "forum" | "conference" | "seminar") && event.date.day.is_some() {
            let end = event.date.later(rng.random_range(1..=3));
            record["end"] = json!(end.iso());
            sentence = format!(
                "From {} to {} the {} took place in {}",
                event.date.prose().trim_start_matches("on "),
                end.prose().trim_start_matches("on "),
                event.name,
                place.name
            );
        }
        if rng.random_bool(0.1) {
            record["status"] = json!("planned");
        }
        let quote = text.say(sentence);
        if rng.random_bool(0.7) {
            let org = self.random_organisation(&mut rng);
            record["organisers"] = json!([org.id]);
        }
        if j > 0 && rng.random_bool(0.15) {
            record["part_of"] = json!(self.event(rng.random_range(0..j)).id);
        }
        record["topics"] = json!(self.topics(&mut rng, 3));
        let mut participants = Vec::new();
        let mut seen = Vec::new();
        for _ in 0..rng.random_range(2..=5) {
            let p = self.pick(&mut rng, RecordKind::Person);
            if seen.contains(&p) {
                continue;
            }
            seen.push(p);
            let person = self.person(p);
            let (role, org) = person.posts[0];
            let org = self.organisation(org);
            let capacity = format!("{} of the {}", ROLES[role], self.short_name(&org));
            let mut part =
                json!({"person": person.id, "organisation": org.id, "capacity": capacity});
            if rng.random_bool(0.1) {
                part["role"] = json!(one(
                    &mut rng,
                    &["speaker", "moderator", "head of delegation"]
                ));
            }
            if rng.random_bool(0.2) {
                let said = text.say(format!("{}, {capacity}, spoke at the event", person.name()));
                part["evidence"] = evidence(source, &[&said]);
            }
            participants.push(part);
        }
        record["participants"] = json!(participants);
        record["evidence"] = evidence(source, &[&quote]);
        text.headline.get_or_insert_with(|| event.name.clone());
        record
    }

    /// Agreement `j` between two organisations on a topic.
    pub(super) fn agreement_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let mut rng = self.rng(RecordKind::Agreement, j);
        let kind = one(
            &mut rng,
            &[
                "signed-agreement",
                "verbal-commitment",
                "plan",
                "invitation",
                "resolution",
                "general-agreement",
                "other",
            ],
        );
        let status = one(
            &mut rng,
            &[
                "agreed",
                "planned",
                "proposed",
                "extended",
                "accepted",
                "adopted",
                "in-force",
                "completed",
            ],
        );
        let a = self.random_organisation(&mut rng);
        let mut b = self.pick(&mut rng, RecordKind::Organisation);
        if self.organisation(b).id == a.id {
            b = (b + 1) % self.count(RecordKind::Organisation);
        }
        let b = self.organisation(b);
        let topic = self.random_topic_name(&mut rng).to_lowercase();
        let (short_a, short_b) = (self.short_name(&a), self.short_name(&b));
        let content = format!(
            "Cooperate on {topic} and exchange experience between the {short_a} and the {short_b}."
        );
        let name = match kind {
            "signed-agreement" => {
                format!("Agreement on {topic} between the {short_a} and the {short_b}")
            }
            "general-agreement" => format!("General Agreement on {topic}"),
            "invitation" => format!("Invitation of the {short_b} to the {short_a}"),
            "plan" => format!("Joint plan on {topic}"),
            "resolution" => format!("Resolution on {topic}"),
            _ => format!("Commitment on {topic}"),
        };
        let name = format!("{name} ({})", self.serial(RecordKind::Agreement, j));
        let quote = text.say(format!(
            "the {} and the {} agreed to cooperate on {topic}",
            a.name, b.name
        ));
        let mut record = json!({
            "type": "agreement", "id": self.id(RecordKind::Agreement, kind, j), "name": name,
            "kind": kind, "status": status, "parties": [a.id, b.id], "content": content,
            "topics": self.topics(&mut rng, 2), "evidence": evidence(source, &[&quote]),
        });
        if rng.random_bool(0.7) {
            record["agreed_at"] = json!(self.random_event_id(&mut rng));
        }
        if rng.random_bool(0.4) {
            record["date"] = json!(Date::random(&mut rng).iso());
        }
        if rng.random_bool(0.3) {
            let place = self.place(self.random_locality(&mut rng));
            record["places"] = json!([place.id]);
        }
        if matches!(kind, "signed-agreement" | "general-agreement") {
            let from = rng.random_range(2012..=2024);
            record["valid_from"] = json!(format!("{from}"));
            record["valid_until"] = json!(format!("{}", from + rng.random_range(1..=5)));
        }
        if rng.random_bool(0.1) {
            let d = self.pick(&mut rng, RecordKind::Document);
            record["documents"] = json!([self.document_id(d)]);
        }
        record
    }

    /// Document `j` issued by an organisation on a topic.
    pub(super) fn document_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let kind = self.document_kind(j);
        let mut rng = self.detail(RecordKind::Document, j);
        let topic = self.random_topic_name(&mut rng);
        let issuer = self.random_organisation(&mut rng);
        let start = rng.random_range(2012..=2025);
        let end = start + rng.random_range(2..=8);
        let serial = self.serial(RecordKind::Document, j);
        let name = match kind {
            "strategy" | "concept" | "programme" => {
                format!(
                    "{topic} {} for {start}-{end} No. {serial}",
                    capitalise(kind)
                )
            }
            "law" => format!("Law No. {serial} on {}", topic.to_lowercase()),
            "code" => format!("Labour Code amendment No. {serial}"),
            "convention" => format!("Convention No. {serial} on {}", topic.to_lowercase()),
            "report" => format!("Report No. {serial} on {}", topic.to_lowercase()),
            _ => format!(
                "{} No. {serial} on {}",
                capitalise(kind),
                topic.to_lowercase()
            ),
        };
        let status = one(
            &mut rng,
            &[
                "draft",
                "proposed",
                "advocated",
                "adopted",
                "in-force",
                "expired",
            ],
        );
        let quote = text.say(format!("the {name} presented by the {}", issuer.name));
        let mut record = json!({
            "type": "document", "id": self.document_id(j), "name": name, "kind": kind,
            "status": status, "issuers": [issuer.id], "topics": self.topics(&mut rng, 2),
            "evidence": evidence(source, &[&quote]),
        });
        if matches!(kind, "strategy" | "concept" | "programme") {
            record["period_start"] = json!(format!("{start}"));
            record["period_end"] = json!(format!("{end}"));
        }
        if rng.random_bool(0.7) {
            record["jurisdiction"] = json!(self.place(issuer.country).id);
        }
        if rng.random_bool(0.5) {
            record["date"] = json!(Date::random(&mut rng).iso());
        }
        if rng.random_bool(0.2) {
            record["adopted_at"] = json!(self.random_event_id(&mut rng));
        }
        if rng.random_bool(0.1) {
            record["presented_at"] = json!(self.random_event_id(&mut rng));
        }
        record
    }

    /// Figure `j`: a count or percentage about an organisation or an event,
    /// with its qualifier.
    pub(super) fn figure_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let mut rng = self.rng(RecordKind::Figure, j);
        let (about_id, about_name, event) = if rng.random_bool(0.8) {
            let org = self.random_organisation(&mut rng);
            (org.id, format!("the {}", org.name), None)
        } else {
            let event = self.event(self.pick(&mut rng, RecordKind::Event));
            (
                event.id.clone(),
                format!("the {}", event.name),
                Some(event.id),
            )
        };
        let (value, unit, counts, verb): (Value, &str, &str, &str) = match rng.random_range(0..5) {
            0 => (
                json!(rng.random_range(100..2_000_000)),
                "trade union members",
                "members of the organisation",
                "unites",
            ),
            1 => (
                json!(rng.random_range(10..400)),
                "participants",
                "participants of the event",
                "brought together",
            ),
            2 => (
                json!(rng.random_range(3..120)),
                "countries",
                "countries represented",
                "covers",
            ),
            3 => {
                let tenths: i32 = rng.random_range(-150..950);
                let sign = if tenths < 0 { "-" } else { "" };
                // No decimal ends in `.0` (an integral value is an integer).
                let tenths = tenths.abs() / 10 * 10 + (tenths.abs() % 9 + 1);
                let value: serde_json::Number = format!("{sign}{}.{}", tenths / 10, tenths % 10)
                    .parse()
                    .expect("a decimal");
                (
                    json!(value),
                    "percent",
                    "change in workplace injuries",
                    "reported",
                )
            }
            _ => (
                json!(rng.random_range(1..300)),
                "collective agreements",
                "collective agreements signed",
                "concluded",
            ),
        };
        let qualifier = one(
            &mut rng,
            &["exactly", "more-than", "at-least", "about", "less-than"],
        );
        let words = match qualifier {
            "exactly" => "",
            "more-than" => "more than ",
            "at-least" => "at least ",
            "about" => "about ",
            _ => "less than ",
        };
        let quote = text.say(format!(
            "{} {verb} {words}{value} {unit}",
            capitalise(&about_name)
        ));
        let mut record = json!({
            "type": "figure", "id": self.id(RecordKind::Figure, "figure", j),
            "name": format!("{} of {}", capitalise(counts), about_name.trim_start_matches("the ")),
            "about": about_id, "value": value, "qualifier": qualifier, "unit": unit,
            "counts": counts, "evidence": evidence(source, &[&quote]),
        });
        if rng.random_bool(0.5) {
            record["date"] = json!(format!("{}", rng.random_range(2012..=2025)));
        }
        if let Some(event) = event {
            record["event"] = json!(event);
        }
        record
    }
}
