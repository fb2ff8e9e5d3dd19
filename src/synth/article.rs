//! One article (a source) of the synthetic corpus: its share of the records
//! of every kind, its source record and its text. The text is written from
//! the sentences that report the records, and every evidence quote is one
//! of those sentences, so it occurs verbatim in the text.

use super::corpus::Corpus;
use super::date::Date;
use super::vocabulary::capitalise;
use super::writer::Writer;
use crate::error::Result;
use crate::records::RecordKind;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use std::path::Path;

/// The kinds of the records an article reports, in the order they are
/// written (the source itself comes last).
const ORDER: [RecordKind; 8] = [
    RecordKind::Place,
    RecordKind::Organisation,
    RecordKind::Topic,
    RecordKind::Person,
    RecordKind::Event,
    RecordKind::Agreement,
    RecordKind::Document,
    RecordKind::Figure,
];

impl Corpus {
    /// Writes article `s`: its records of every kind, then the source record
    /// and its text made of the sentences that report them.
    pub(super) fn article(&self, s: usize, out: &mut Writer) -> Result<()> {
        let source = self.source_id(s);
        let mut text = Article::new(self.article_rng(s));
        for kind in ORDER {
            for j in self.share(kind, s) {
                let record = match kind {
                    RecordKind::Place => self.place_record(j, &source, &mut text),
                    RecordKind::Organisation => self.organisation_record(j, &source, &mut text),
                    RecordKind::Topic => self.topic_record(j, &source, &mut text),
                    RecordKind::Person => self.person_record(j, &source, &mut text),
                    RecordKind::Event => self.event_record(j, &source, &mut text),
                    RecordKind::Agreement => self.agreement_record(j, &source, &mut text),
                    RecordKind::Document => self.document_record(j, &source, &mut text),
                    RecordKind::Figure => self.figure_record(j, &source, &mut text),
                    RecordKind::Source => unreachable!("sources are written last"),
                };
                out.record(kind, &record)?;
            }
        }
        let mut rng = self.rng(RecordKind::Source, s);
        let publisher = self.random_organisation(&mut rng);
        let date = Date::random(&mut rng);
        let date = Date::day(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
        let headline = text
            .headline
            .clone()
            .unwrap_or_else(|| format!("News of the {}", publisher.name));
        let relative = format!("texts/{:03}/{source}.txt", s / 1000);
        let record = json!({
            "type": "source",
            "id": source,
            "name": headline,
            "language": "en",
            "publisher": publisher.id,
            "date": date.iso(),
            "url": format!("https://news.example.org/{}/{:02}/{source}", date.year, date.month.unwrap_or(1)),
            "text": relative,
        });
        out.record(RecordKind::Source, &record)?;
        let body = text.finish(&headline, &publisher.name, date);
        out.file(&Path::new("sources").join(&relative), &body)
    }
}

/// `[{"source": …, "quote": …}, …]`: the evidence of a record, one entry
/// per quote from `source`.
pub(super) fn evidence(source: &str, quotes: &[&str]) -> Value {
    quotes
        .iter()
        .map(|quote| json!({"source": source, "quote": quote}))
        .collect()
}

/// The text of an article, built from the sentences that report its records.
pub(super) struct Article {
    rng: ChaCha8Rng,
    /// The headline, if a record supplied one (the first event's name).
    pub(super) headline: Option<String>,
    paragraphs: Vec<Vec<String>>,
}

impl Article {
    fn new(rng: ChaCha8Rng) -> Self {
        Self {
            rng,
            headline: None,
            paragraphs: vec![Vec::new()],
        }
    }

    /// Adds a sentence to the article; returns it as a quote (without the
    /// final full stop).
    pub(super) fn say(&mut self, sentence: String) -> String {
        let quote = capitalise(&sentence);
        let last = self.paragraphs.last_mut().expect("a paragraph");
        last.push(format!("{quote}."));
        if last.len() >= 3 && self.rng.random_bool(0.5) {
            self.paragraphs.push(Vec::new());
        }
        quote
    }

    /// The whole text: the headline, a dateline and the paragraphs.
    fn finish(self, headline: &str, publisher: &str, date: Date) -> String {
        let mut text = format!(
            "{headline}\n\n{} ({}). The {publisher} reports on its recent work.\n",
            capitalise(&date.prose()),
            date.iso()
        );
        for p in self.paragraphs.iter().filter(|p| !p.is_empty()) {
            text.push('\n');
            text.push_str(&p.join(" "));
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_has_one_entry_per_quote() {
        assert_eq!(
            evidence("news-1", &["A", "B"]),
            json!([{"source": "news-1", "quote": "A"}, {"source": "news-1", "quote": "B"}])
        );
    }
}
