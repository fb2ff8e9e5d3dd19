//! The floor under `validate`, `convert` and `build`: serde_json parsing of
//! the input alone. Reads every record file of a data directory as
//! labourgraph does (JSON Lines line by line, JSON files whole) and
//! deserialises each record into its record type, with nothing else: no
//! index, no checks, no mapping. Prints the records read and the time.
//!
//! ```sh
//! cargo run --release --example parse_input -- DATA_DIR
//! ```

use labourgraph::records::*;
use serde::de::DeserializeOwned;
use std::io::BufRead;
use std::time::Instant;

fn parse<T: DeserializeOwned>(text: &str) -> bool {
    serde_json::from_str::<T>(text).is_ok()
}

/// The record's `type`, read with a throw-away struct.
#[derive(serde::Deserialize)]
struct Kind<'a> {
    #[serde(rename = "type", borrow)]
    kind: &'a str,
}

fn record(text: &str) -> bool {
    let Ok(Kind { kind }) = serde_json::from_str::<Kind<'_>>(text) else {
        return false;
    };
    match RecordKind::parse(kind) {
        Some(RecordKind::Source) => parse::<Source>(text),
        Some(RecordKind::Organisation) => parse::<Organisation>(text),
        Some(RecordKind::Person) => parse::<Person>(text),
        Some(RecordKind::Event) => parse::<Event>(text),
        Some(RecordKind::Agreement) => parse::<Agreement>(text),
        Some(RecordKind::Document) => parse::<Document>(text),
        Some(RecordKind::Place) => parse::<Place>(text),
        Some(RecordKind::Figure) => parse::<Figure>(text),
        Some(RecordKind::Topic) => parse::<Topic>(text),
        None => false,
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "data".into());
    let start = Instant::now();
    let files = labourgraph::reader::DataFiles::discover(dir.as_ref()).expect("a data directory");
    let (mut ok, mut bad) = (0usize, 0usize);
    for path in &files.records {
        if path.extension().is_some_and(|e| e == "jsonl") {
            let file = std::fs::File::open(path).expect("a readable file");
            for line in std::io::BufReader::with_capacity(1 << 20, file).lines() {
                let line = line.expect("UTF-8 lines");
                if line.trim().is_empty() {
                    continue;
                }
                if record(&line) {
                    ok += 1;
                } else {
                    bad += 1;
                }
            }
        } else {
            let text = std::fs::read_to_string(path).expect("a readable file");
            let items: Vec<&serde_json::value::RawValue> = if text.trim_start().starts_with('[') {
                serde_json::from_str(&text).expect("an array of records")
            } else {
                vec![serde_json::from_str(&text).expect("a record")]
            };
            for item in items {
                if record(item.get()) {
                    ok += 1;
                } else {
                    bad += 1;
                }
            }
        }
    }
    eprintln!(
        "parsed {ok} records ({bad} did not parse) in {:.3} s",
        start.elapsed().as_secs_f64()
    );
}
