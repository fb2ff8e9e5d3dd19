//! A deterministic synthetic corpus for benchmarks and scale tests.
//!
//! [`generate`] writes a project's `data/` directory with `N` records of
//! every kind — sources with their full texts, places, organisations,
//! topics, people with posts, events with participants, agreements,
//! documents and figures — as JSON Lines, one file per kind. Everything is
//! drawn from a ChaCha8 random stream seeded with the given seed, so the
//! same seed and record count give byte-identical files (for a given
//! labourgraph version and `Cargo.lock`).
//!
//! The records look like curated ones and validate cleanly:
//! * every reference points to a record of the right kind (participants act
//!   for the organisation they hold a post in, units name their parent
//!   organisation, venues lie in cities and cities in countries, topics form
//!   a tree);
//! * the records are spread over the sources ("articles"); each article's
//!   text is written from the sentences that report its records, and every
//!   evidence quote is one of those sentences, so it occurs verbatim;
//! * dates come at day, month or year precision; figures are integers or
//!   decimals with qualifiers.
//!
//! Each record of kind `K` and index `j` has its own random stream
//! (`stream = K << 48 | j`), so any record can derive the name and id of any
//! other record without keeping the corpus in memory: generation streams,
//! one article at a time.

use crate::error::{Error, Result};
use crate::records::RecordKind;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The smallest corpus [`generate`] makes (so that every kind is present).
pub const MIN_RECORDS: usize = 100;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Total number of records, sources included.
    pub records: usize,
    /// Seed of the random stream.
    pub seed: u64,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The data directory written.
    pub data: PathBuf,
    /// Records per kind.
    pub counts: BTreeMap<RecordKind, usize>,
    /// Files written (records, texts and the dataset metadata).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

impl Summary {
    /// Total number of records.
    pub fn records(&self) -> usize {
        self.counts.values().sum()
    }
}

/// Writes a synthetic corpus into `project/data` (which must not exist yet):
/// first into a temporary directory inside `project`, renamed into place at
/// the end, so an interrupted run leaves no half-written `data/`.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let options = labourgraph::synth::Options { records: 200, seed: 1 };
/// let summary = labourgraph::synth::generate(dir.path(), &options)?;
/// assert_eq!(summary.records(), 200);
/// labourgraph::pipeline::validate(&summary.data, &Default::default())?;
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn generate(project: &Path, options: &Options) -> Result<Summary> {
    if options.records < MIN_RECORDS {
        return Err(Error::Usage(format!(
            "--records {}: a synthetic corpus has at least {MIN_RECORDS} records",
            options.records
        )));
    }
    let data = project.join("data");
    if data.exists() {
        return Err(Error::Usage(format!(
            "{} already exists: choose a project directory without data/",
            data.display()
        )));
    }
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(project).map_err(write_err(project))?;
    let tmp = tempfile::Builder::new()
        .prefix(".data.")
        .suffix(".partial")
        .tempdir_in(project)
        .map_err(write_err(project))?;
    let corpus = Corpus::new(options);
    let mut writer = Writer::new(tmp.path())?;
    writer.dataset(&corpus)?;
    for article in 0..corpus.count(RecordKind::Source) {
        corpus.article(article, &mut writer)?;
    }
    let (files, bytes) = writer.finish()?;
    let tmp = tmp.keep();
    std::fs::rename(&tmp, &data).map_err(write_err(&data))?;
    Ok(Summary {
        data,
        counts: RecordKind::ALL
            .iter()
            .map(|k| (*k, corpus.count(*k)))
            .collect(),
        files,
        bytes,
    })
}

/// The record files, one per kind, and the source texts.
struct Writer {
    root: PathBuf,
    files: BTreeMap<RecordKind, (PathBuf, BufWriter<File>)>,
    count: usize,
    bytes: u64,
}

/// The file a kind's records go to, relative to the data directory.
fn file_of(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Source => "sources/sources.jsonl",
        RecordKind::Organisation => "organisations.jsonl",
        RecordKind::Person => "people.jsonl",
        RecordKind::Event => "events.jsonl",
        RecordKind::Agreement => "agreements.jsonl",
        RecordKind::Document => "documents.jsonl",
        RecordKind::Place => "places.jsonl",
        RecordKind::Figure => "figures.jsonl",
        RecordKind::Topic => "topics.jsonl",
    }
}

impl Writer {
    fn new(root: &Path) -> Result<Self> {
        let mut files = BTreeMap::new();
        for kind in RecordKind::ALL {
            let path = root.join(file_of(kind));
            let parent = path.parent().expect("a file in the data directory");
            std::fs::create_dir_all(parent).map_err(|source| Error::Write {
                path: parent.to_owned(),
                source,
            })?;
            let file = File::create(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            files.insert(kind, (path, BufWriter::with_capacity(1 << 20, file)));
        }
        Ok(Self {
            root: root.to_owned(),
            files,
            count: RecordKind::ALL.len(),
            bytes: 0,
        })
    }

    fn dataset(&mut self, corpus: &Corpus) -> Result<()> {
        let meta = json!({
            "title": format!("Synthetic labour-relations corpus ({} records, seed {})", corpus.records, corpus.seed),
            "description": "A synthetic corpus generated by `labourgraph synth` for benchmarks and scale tests: records of every kind with realistic references, drawn from a seeded random stream. The organisations, people and events are invented.",
            "base": "https://example.org/labourgraph/",
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            "publisher": "labourgraph project",
            "version": "0.1.0",
            "issued": "2026-01-01",
            "language": "en",
            "topic_scheme": "Labour-relations topics of the synthetic corpus",
            "keywords": ["trade unions", "labour relations", "synthetic data"]
        });
        let text = serde_json::to_string_pretty(&meta).expect("metadata serialises") + "\n";
        self.file(Path::new(crate::dataset::DATASET_FILE), &text)
    }

    /// Appends a record as one line of its kind's file.
    fn record(&mut self, kind: RecordKind, record: &Value) -> Result<()> {
        let (path, out) = self.files.get_mut(&kind).expect("a file per kind");
        let line = serde_json::to_string(record).expect("a record serialises");
        self.bytes += line.len() as u64 + 1;
        writeln!(out, "{line}").map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })
    }

    /// Writes a whole file (a source text, the metadata).
    fn file(&mut self, relative: &Path, text: &str) -> Result<()> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            if !parent.is_dir() {
                std::fs::create_dir_all(parent).map_err(|source| Error::Write {
                    path: parent.to_owned(),
                    source,
                })?;
            }
        }
        std::fs::write(&path, text).map_err(|source| Error::Write { path, source })?;
        self.count += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }

    fn finish(self) -> Result<(usize, u64)> {
        for (_, (path, out)) in self.files {
            let file = out.into_inner().map_err(|e| Error::Write {
                path: path.clone(),
                source: e.into_error(),
            })?;
            file.sync_all()
                .map_err(|source| Error::Write { path, source })?;
        }
        Ok((self.count, self.bytes))
    }
}

// ---------------------------------------------------------------------------
// Vocabularies

const GIVEN_NAMES: &[&str] = &[
    "Aigerim", "Nurlan", "Saule", "Yerlan", "Dana", "Marat", "Gulnara", "Bakyt", "Asel", "Timur",
    "Aliya", "Serik", "Zhanna", "Kanat", "Madina", "Tomoko", "Hiroshi", "Yuki", "Kenji", "Akiko",
    "Takeshi", "Naoko", "Anna", "Maria", "Jan", "Piotr", "Sofia", "Lucas", "Amina", "Omar",
    "Fatima", "Carlos", "Ana", "Joao", "Wei", "Mei", "Ingrid", "Lars", "Eva", "Thomas", "Claire",
    "Pierre", "Giulia", "Marco", "Elena", "Ivan", "Olga", "Dmitri", "Leila", "Samuel", "Grace",
    "Kwame", "Ngozi", "Rahul", "Priya", "Arjun", "Siti", "Budi", "Mateo", "Lucia",
];

const FAMILY_NAMES: &[&str] = &[
    "Bekova",
    "Serikbayev",
    "Dauletova",
    "Nurpeisov",
    "Abenova",
    "Zhaksybekov",
    "Ospanova",
    "Tulegenov",
    "Kassymova",
    "Akhmetov",
    "Tanaka",
    "Suzuki",
    "Yamamoto",
    "Watanabe",
    "Sato",
    "Kobayashi",
    "Nowak",
    "Kowalska",
    "Schmidt",
    "Fischer",
    "Weber",
    "Dubois",
    "Moreau",
    "Rossi",
    "Bianchi",
    "Garcia",
    "Fernandez",
    "Silva",
    "Santos",
    "Petrova",
    "Ivanov",
    "Hansen",
    "Larsen",
    "Johansson",
    "Virtanen",
    "Jansen",
    "Murphy",
    "Papadopoulos",
    "Yilmaz",
    "Karimov",
    "Rashidova",
    "Mensah",
    "Okafor",
    "Sharma",
    "Gupta",
    "Santoso",
    "Lopez",
    "Martinez",
    "Kim",
    "Park",
];

/// (name, alpha-2, alpha-3, numeric) of real countries (ISO 3166-1).
const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Kazakhstan", "KZ", "KAZ", "398"),
    ("Japan", "JP", "JPN", "392"),
    ("Germany", "DE", "DEU", "276"),
    ("France", "FR", "FRA", "250"),
    ("Italy", "IT", "ITA", "380"),
    ("Spain", "ES", "ESP", "724"),
    ("Poland", "PL", "POL", "616"),
    ("Sweden", "SE", "SWE", "752"),
    ("Norway", "NO", "NOR", "578"),
    ("Finland", "FI", "FIN", "246"),
    ("Denmark", "DK", "DNK", "208"),
    ("Netherlands", "NL", "NLD", "528"),
    ("Belgium", "BE", "BEL", "056"),
    ("Austria", "AT", "AUT", "040"),
    ("Switzerland", "CH", "CHE", "756"),
    ("United Kingdom", "GB", "GBR", "826"),
    ("Ireland", "IE", "IRL", "372"),
    ("Portugal", "PT", "PRT", "620"),
    ("Greece", "GR", "GRC", "300"),
    ("Uzbekistan", "UZ", "UZB", "860"),
    ("Kyrgyzstan", "KG", "KGZ", "417"),
    ("Tajikistan", "TJ", "TJK", "762"),
    ("Mongolia", "MN", "MNG", "496"),
    ("Republic of Korea", "KR", "KOR", "410"),
    ("India", "IN", "IND", "356"),
    ("Indonesia", "ID", "IDN", "360"),
    ("Brazil", "BR", "BRA", "076"),
    ("Argentina", "AR", "ARG", "032"),
    ("Chile", "CL", "CHL", "152"),
    ("Mexico", "MX", "MEX", "484"),
    ("Canada", "CA", "CAN", "124"),
    ("South Africa", "ZA", "ZAF", "710"),
    ("Nigeria", "NG", "NGA", "566"),
    ("Kenya", "KE", "KEN", "404"),
    ("Egypt", "EG", "EGY", "818"),
    ("Morocco", "MA", "MAR", "504"),
    ("Australia", "AU", "AUS", "036"),
    ("New Zealand", "NZ", "NZL", "554"),
    ("Philippines", "PH", "PHL", "608"),
    ("Viet Nam", "VN", "VNM", "704"),
];

const CITY_STARTS: &[&str] = &[
    "Ak", "Kara", "Sary", "Ust", "Zhana", "Nor", "Vel", "Ost", "Bel", "Mar", "Tal", "Ren", "Kir",
    "Sol", "Dal", "Lin", "Bor", "Tor", "Ash", "Val", "Har", "Mon", "San", "Port", "Ever",
];
const CITY_MIDDLES: &[&str] = &["", "a", "o", "i", "en", "an", "er"];
const CITY_ENDS: &[&str] = &[
    "tau", "kol", "su", "burg", "dorf", "vik", "polis", "grad", "ford", "ville", "shi", "kent",
    "abad", "pur", "mouth", "field", "haven", "stad",
];

const SECTORS: &[&str] = &[
    "Metalworkers",
    "Miners",
    "Railway Workers",
    "Education Workers",
    "Health Workers",
    "Energy Workers",
    "Oil and Gas Workers",
    "Textile Workers",
    "Agricultural Workers",
    "Construction Workers",
    "Transport Workers",
    "Communications Workers",
    "Public Service Workers",
    "Chemical Industry Workers",
    "Culture Workers",
    "Food Industry Workers",
];

const INDUSTRIES: &[&str] = &[
    "Steel",
    "Copper",
    "Coal",
    "Cement",
    "Machine-Building",
    "Chemical",
    "Textile",
    "Power",
    "Railway Repair",
    "Shipbuilding",
    "Glass",
    "Paper",
    "Tractor",
    "Aluminium",
];

const TOPICS: &[&str] = &[
    "Occupational safety",
    "Wages",
    "Collective bargaining",
    "Social partnership",
    "Youth employment",
    "Green jobs",
    "Gender equality",
    "Platform work",
    "Migrant workers",
    "Pension reform",
    "Vocational training",
    "Trade union rights",
    "Child labour",
    "Forced labour",
    "Minimum wage",
    "Working time",
    "Informal economy",
    "Just transition",
    "Social dialogue",
    "Health insurance",
    "Peace movement",
    "Trade union training",
    "International cooperation",
    "Labour inspection",
    "Unemployment benefits",
    "Remote work",
    "Industrial relations",
    "Decent work",
    "Freedom of association",
    "Labour law reform",
];

const ROLES: &[&str] = &[
    "Chairman",
    "President",
    "General Secretary",
    "Vice-President",
    "Deputy Chairman",
    "Head of the International Department",
    "Director of the Department of Labour Protection",
    "Legal Inspector",
    "Member of the Executive Committee",
    "Youth Coordinator",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------
// The corpus plan and the identities of its records

/// A date at day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Date {
    /// A random date between 2012 and 2025: 70 % days, 20 % months, 10 % years.
    fn random(rng: &mut ChaCha8Rng) -> Self {
        let year = rng.random_range(2012..=2025);
        let month = rng.random_range(1..=12);
        let day = rng.random_range(1..=28);
        match rng.random_range(0..10) {
            0..=6 => Self::day(year, month, day),
            7 | 8 => Self {
                year,
                month: Some(month),
                day: None,
            },
            _ => Self::year(year),
        }
    }

    fn day(year: u32, month: u32, day: u32) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    fn year(year: u32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// `2022-10-10`, `2022-10` or `2022`.
    fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `on 10 October 2022`, `in October 2022`, `in 2022`.
    fn prose(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("on {d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("in {} {}", MONTHS[m as usize - 1], self.year),
            _ => format!("in {}", self.year),
        }
    }

    /// A day one to three days later (same month), for multi-day events.
    fn later(self, days: u32) -> Self {
        match self.day {
            Some(d) => Self::day(self.year, self.month.unwrap_or(1), (d + days).min(28)),
            None => self,
        }
    }
}

/// A place: country, city or venue.
struct PlaceId {
    id: String,
    name: String,
    kind: &'static str,
    within: Option<usize>,
    country: Option<usize>,
}

/// An organisation.
struct OrgId {
    id: String,
    name: String,
    abbreviation: Option<String>,
    kind: &'static str,
    country: usize,
    parent: Option<usize>,
}

/// A person and the posts they hold (role index, organisation index).
struct PersonId {
    id: String,
    given: &'static str,
    family: &'static str,
    posts: Vec<(usize, usize)>,
}

impl PersonId {
    fn name(&self) -> String {
        format!("{} {}", self.given, self.family)
    }
}

/// An event's identity.
struct EventId {
    id: String,
    name: String,
    kind: &'static str,
    date: Date,
}

/// Counts per kind and the random streams of a corpus.
struct Corpus {
    records: usize,
    seed: u64,
    counts: [usize; 9],
    /// First global serial of each kind (ids end with a serial unique across kinds).
    offsets: [usize; 9],
    countries: usize,
    cities: usize,
    /// Organisations that are national centres (one per country) or global federations.
    national: usize,
    global: usize,
    top_topics: usize,
}

fn slot(kind: RecordKind) -> usize {
    RecordKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("a known kind")
}

impl Corpus {
    fn new(options: &Options) -> Self {
        let n = options.records;
        let mut counts = [0; 9];
        counts[slot(RecordKind::Source)] = (n / 20).max(1);
        counts[slot(RecordKind::Topic)] = (n / 100).clamp(3, 400);
        counts[slot(RecordKind::Place)] = (n * 4 / 100).max(3);
        counts[slot(RecordKind::Organisation)] = (n * 12 / 100).max(2);
        counts[slot(RecordKind::Person)] = (n * 20 / 100).max(2);
        counts[slot(RecordKind::Event)] = (n * 22 / 100).max(2);
        counts[slot(RecordKind::Agreement)] = (n / 10).max(1);
        counts[slot(RecordKind::Document)] = (n * 6 / 100).max(1);
        let others: usize = counts.iter().sum();
        counts[slot(RecordKind::Figure)] = n - others;
        let mut offsets = [0; 9];
        let mut next = 1;
        for (i, c) in counts.iter().enumerate() {
            offsets[i] = next;
            next += c;
        }
        let places = counts[slot(RecordKind::Place)];
        let countries = (places / 8).clamp(1, COUNTRIES.len());
        let cities = ((places - countries) * 2 / 3).max(1);
        let orgs = counts[slot(RecordKind::Organisation)];
        let national = countries.min(orgs / 2);
        let global = SECTORS.len().min(orgs / 20);
        Self {
            records: n,
            seed: options.seed,
            counts,
            offsets,
            countries,
            cities,
            national,
            global,
            top_topics: (counts[slot(RecordKind::Topic)] / 4).clamp(1, TOPICS.len()),
        }
    }

    fn count(&self, kind: RecordKind) -> usize {
        self.counts[slot(kind)]
    }

    /// The random stream of record `j` of `kind`.
    fn rng(&self, kind: RecordKind, j: usize) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(((slot(kind) as u64) << 48) | j as u64);
        rng
    }

    /// The random stream of the details of record `j` (apart from its identity).
    fn detail(&self, kind: RecordKind, j: usize) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(((slot(kind) as u64) << 48) | (1 << 47) | j as u64);
        rng
    }

    /// A random stream for choices that belong to no record (article layout).
    fn article_rng(&self, article: usize) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream((15 << 48) | article as u64);
        rng
    }

    /// The serial that ends the id of record `j` of `kind`.
    fn serial(&self, kind: RecordKind, j: usize) -> usize {
        self.offsets[slot(kind)] + j
    }

    fn id(&self, kind: RecordKind, stem: &str, j: usize) -> String {
        format!("{stem}-{}", self.serial(kind, j))
    }

    /// The records of `kind` reported in article `s`: an even share of each kind.
    fn share(&self, kind: RecordKind, s: usize) -> std::ops::Range<usize> {
        let c = self.count(kind);
        let n = self.count(RecordKind::Source);
        (c * s / n)..(c * (s + 1) / n)
    }

    fn pick(&self, rng: &mut ChaCha8Rng, kind: RecordKind) -> usize {
        rng.random_range(0..self.count(kind))
    }

    // -- identities ---------------------------------------------------------

    fn place(&self, j: usize) -> PlaceId {
        let mut rng = self.rng(RecordKind::Place, j);
        if j < self.countries {
            let name = COUNTRIES[j].0.to_owned();
            return PlaceId {
                id: self.id(RecordKind::Place, &crate::dataset::slugify(&name), j),
                name,
                kind: "country",
                within: None,
                country: None,
            };
        }
        let city = format!(
            "{}{}{}",
            CITY_STARTS.choose(&mut rng).expect("non-empty"),
            CITY_MIDDLES.choose(&mut rng).expect("non-empty"),
            CITY_ENDS.choose(&mut rng).expect("non-empty")
        );
        if j < self.countries + self.cities {
            let country = rng.random_range(0..self.countries);
            return PlaceId {
                id: self.id(RecordKind::Place, &crate::dataset::slugify(&city), j),
                name: city,
                kind: "city",
                within: Some(country),
                country: Some(country),
            };
        }
        let within = rng.random_range(self.countries..self.countries + self.cities);
        let host = self.place(within);
        let name = match rng.random_range(0..4) {
            0 => format!("House of Trade Unions of {}", host.name),
            1 => format!("{} Congress Centre", host.name),
            2 => format!("Hotel {city}"),
            _ => format!("{city} Palace of Culture"),
        };
        PlaceId {
            id: self.id(RecordKind::Place, &crate::dataset::slugify(&name), j),
            name,
            kind: "venue",
            within: Some(within),
            country: host.country,
        }
    }

    fn org_kind(&self, j: usize) -> &'static str {
        if j < self.national {
            return "national-trade-union-centre";
        }
        if j < self.national + self.global {
            return "global-union-federation";
        }
        let mut rng = self.rng(RecordKind::Organisation, j);
        match rng.random_range(0..100) {
            0..=29 => "sectoral-union",
            30..=44 => "regional-union",
            45..=69 => "trade-union",
            70..=76 => "employers-organisation",
            77..=81 => "government-body",
            82..=84 => "foundation",
            85..=92 => "department",
            _ => "regional-office",
        }
    }

    fn organisation(&self, j: usize) -> OrgId {
        let kind = self.org_kind(j);
        let mut rng = self.rng(RecordKind::Organisation, j);
        let _kind_draw: u32 = rng.random_range(0..100);
        let country = if j < self.national {
            j
        } else {
            rng.random_range(0..self.countries)
        };
        let country_name = COUNTRIES[country].0;
        let sector = *SECTORS.choose(&mut rng).expect("non-empty");
        let city = self
            .place(self.countries + rng.random_range(0..self.cities))
            .name;
        let mut parent = None;
        let name = match kind {
            "national-trade-union-centre" => {
                format!("Federation of Trade Unions of {country_name}")
            }
            "global-union-federation" => format!("Global Federation of {sector}"),
            "sectoral-union" => format!("{country_name} Union of {sector}"),
            "regional-union" => format!("{city} Regional Association of Trade Unions"),
            "trade-union" => format!(
                "Trade Union of the {city} {} Plant",
                INDUSTRIES.choose(&mut rng).expect("non-empty")
            ),
            "employers-organisation" => {
                format!("{country_name} Association of {} Employers", {
                    INDUSTRIES.choose(&mut rng).expect("non-empty")
                })
            }
            "government-body" => {
                format!("Ministry of Labour and Social Protection of {country_name}")
            }
            "foundation" => format!(
                "{} Foundation for Workers' Education",
                FAMILY_NAMES.choose(&mut rng).expect("non-empty")
            ),
            unit => {
                // Units belong to an earlier organisation that is not itself a unit.
                let mut p = rng.random_range(0..j.max(1));
                while p > 0 && matches!(self.org_kind(p), "department" | "regional-office") {
                    p -= 1;
                }
                parent = Some(p);
                let host = self.organisation_name(p);
                if unit == "department" {
                    let topic = TOPICS.choose(&mut rng).expect("non-empty");
                    format!("Department of {topic} of the {host}")
                } else {
                    format!("{city} Office of the {host}")
                }
            }
        };
        let abbreviation = match kind {
            "department" | "regional-office" => None,
            _ => Some(acronym(&name)),
        };
        let stem = abbreviation
            .as_deref()
            .map_or_else(|| crate::dataset::slugify(&name), str::to_lowercase);
        OrgId {
            id: self.id(RecordKind::Organisation, &stem, j),
            name,
            abbreviation,
            kind,
            country,
            parent,
        }
    }

    /// The name of a non-unit organisation (no recursion into parents).
    fn organisation_name(&self, j: usize) -> String {
        self.organisation(j).name
    }

    fn short_name(&self, org: &OrgId) -> String {
        org.abbreviation.clone().unwrap_or_else(|| org.name.clone())
    }

    fn person(&self, j: usize) -> PersonId {
        let mut rng = self.rng(RecordKind::Person, j);
        let given = *GIVEN_NAMES.choose(&mut rng).expect("non-empty");
        let family = *FAMILY_NAMES.choose(&mut rng).expect("non-empty");
        let n_posts = if rng.random_bool(0.3) { 2 } else { 1 };
        let mut posts: Vec<(usize, usize)> = Vec::new();
        for _ in 0..n_posts {
            let role = rng.random_range(0..ROLES.len());
            let org = self.pick(&mut rng, RecordKind::Organisation);
            if posts.iter().all(|(_, o)| *o != org) {
                posts.push((role, org));
            }
        }
        let stem = crate::dataset::slugify(&format!("{given} {family}"));
        PersonId {
            id: self.id(RecordKind::Person, &stem, j),
            given,
            family,
            posts,
        }
    }

    fn event_kind(rng: &mut ChaCha8Rng) -> &'static str {
        match rng.random_range(0..100) {
            0..=34 => "meeting",
            35..=44 => "session",
            45..=49 => "plenary-session",
            50..=54 => "panel-section",
            55..=64 => "forum",
            65..=76 => "seminar",
            77..=79 => "seminar-day",
            80..=89 => "conference",
            90..=97 => "visit",
            _ => "other",
        }
    }

    fn event(&self, j: usize) -> EventId {
        let mut rng = self.rng(RecordKind::Event, j);
        let kind = Self::event_kind(&mut rng);
        let date = Date::random(&mut rng);
        let topic = self.topic_name(self.pick(&mut rng, RecordKind::Topic));
        let place = self
            .place(self.countries + rng.random_range(0..self.cities))
            .name;
        let org = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
        let org = self.short_name(&org);
        let name = match kind {
            "meeting" => format!("Meeting on {} in {place}", topic.to_lowercase()),
            "session" => format!(
                "{} Session of the {org} Council",
                ordinal(rng.random_range(2..40))
            ),
            "plenary-session" => format!("Plenary session of the {place} {topic} Forum"),
            "panel-section" => format!("Panel section on {}", topic.to_lowercase()),
            "forum" => format!("{place} Forum on {topic}"),
            "seminar" => format!("Seminar on {} for {org} members", topic.to_lowercase()),
            "seminar-day" => format!("Day {} of the {org} seminar", rng.random_range(1..4)),
            "conference" => format!("International Conference on {topic}"),
            "visit" => format!("Visit of the {org} delegation to {place}"),
            _ => format!("{org} round table on {}", topic.to_lowercase()),
        };
        EventId {
            id: self.id(RecordKind::Event, &format!("{kind}-{}", date.year), j),
            name: format!("{name} ({})", date.year),
            kind,
            date,
        }
    }

    fn topic_name(&self, j: usize) -> String {
        if j < TOPICS.len() {
            TOPICS[j].to_owned()
        } else {
            let base = TOPICS[j % TOPICS.len()];
            let sector = SECTORS[(j / TOPICS.len()) % SECTORS.len()];
            format!("{base} of {}", sector.to_lowercase())
        }
    }

    fn topic_id(&self, j: usize) -> String {
        let name = self.topic_name(j);
        self.id(RecordKind::Topic, &crate::dataset::slugify(&name), j)
    }

    fn source_id(&self, s: usize) -> String {
        self.id(RecordKind::Source, "news", s)
    }

    fn topics(&self, rng: &mut ChaCha8Rng, max: usize) -> Vec<String> {
        let n = rng.random_range(1..=max);
        let mut picked: Vec<usize> = Vec::new();
        for _ in 0..n {
            let t = self.pick(rng, RecordKind::Topic);
            if !picked.contains(&t) {
                picked.push(t);
            }
        }
        picked.into_iter().map(|t| self.topic_id(t)).collect()
    }

    // -- one article and its records ----------------------------------------

    /// Writes article `s`: its records of every kind, then the source record
    /// and its text made of the sentences that report them.
    fn article(&self, s: usize, out: &mut Writer) -> Result<()> {
        let source = self.source_id(s);
        let mut text = Article::new(self.article_rng(s));
        let order = [
            RecordKind::Place,
            RecordKind::Organisation,
            RecordKind::Topic,
            RecordKind::Person,
            RecordKind::Event,
            RecordKind::Agreement,
            RecordKind::Document,
            RecordKind::Figure,
        ];
        for kind in order {
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
        let publisher = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
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

    fn place_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
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
        record["evidence"] = evidence(source, &quote);
        record
    }

    fn organisation_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
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
            record["evidence"] =
                json!([{"source": source, "quote": quote}, {"source": source, "quote": q}]);
        } else {
            record["evidence"] = evidence(source, &quote);
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

    fn topic_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
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
        record["evidence"] = evidence(source, &quote);
        record
    }

    fn person_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
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
                post["events"] = json!([self.event(self.pick(&mut rng, RecordKind::Event)).id]);
            }
            post["evidence"] = evidence(source, &said);
            quote.get_or_insert(said);
            posts.push(post);
        }
        json!({
            "type": "person", "id": person.id, "name": name,
            "given_name": person.given, "family_name": person.family,
            "posts": posts,
            "evidence": evidence(source, &quote.expect("a person has a post")),
        })
    }

    fn event_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let event = self.event(j);
        let mut rng = self.detail(RecordKind::Event, j);
        let place = self.place(rng.random_range(self.countries..self.count(RecordKind::Place)));
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
            let org = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
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
                part["role"] = json!(
                    *["speaker", "moderator", "head of delegation"]
                        .choose(&mut rng)
                        .expect("non-empty")
                );
            }
            if rng.random_bool(0.2) {
                let said = text.say(format!("{}, {capacity}, spoke at the event", person.name()));
                part["evidence"] = evidence(source, &said);
            }
            participants.push(part);
        }
        record["participants"] = json!(participants);
        record["evidence"] = evidence(source, &quote);
        text.headline.get_or_insert_with(|| event.name.clone());
        record
    }

    fn agreement_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let mut rng = self.rng(RecordKind::Agreement, j);
        let kind = *[
            "signed-agreement",
            "verbal-commitment",
            "plan",
            "invitation",
            "resolution",
            "general-agreement",
            "other",
        ]
        .choose(&mut rng)
        .expect("non-empty");
        let status = *[
            "agreed",
            "planned",
            "proposed",
            "extended",
            "accepted",
            "adopted",
            "in-force",
            "completed",
        ]
        .choose(&mut rng)
        .expect("non-empty");
        let a = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
        let mut b = self.pick(&mut rng, RecordKind::Organisation);
        if self.organisation(b).id == a.id {
            b = (b + 1) % self.count(RecordKind::Organisation);
        }
        let b = self.organisation(b);
        let topic = self.topic_name(self.pick(&mut rng, RecordKind::Topic));
        let content = format!(
            "Cooperate on {} and exchange experience between the {} and the {}.",
            topic.to_lowercase(),
            self.short_name(&a),
            self.short_name(&b)
        );
        let name = match kind {
            "signed-agreement" => format!(
                "Agreement on {} between the {} and the {}",
                topic.to_lowercase(),
                self.short_name(&a),
                self.short_name(&b)
            ),
            "general-agreement" => format!("General Agreement on {}", topic.to_lowercase()),
            "invitation" => format!(
                "Invitation of the {} to the {}",
                self.short_name(&b),
                self.short_name(&a)
            ),
            "plan" => format!("Joint plan on {}", topic.to_lowercase()),
            "resolution" => format!("Resolution on {}", topic.to_lowercase()),
            _ => format!("Commitment on {}", topic.to_lowercase()),
        };
        let name = format!("{name} ({})", self.serial(RecordKind::Agreement, j));
        let quote = text.say(format!(
            "the {} and the {} agreed to cooperate on {}",
            a.name,
            b.name,
            topic.to_lowercase()
        ));
        let mut record = json!({
            "type": "agreement", "id": self.id(RecordKind::Agreement, kind, j), "name": name,
            "kind": kind, "status": status, "parties": [a.id, b.id], "content": content,
            "topics": self.topics(&mut rng, 2), "evidence": evidence(source, &quote),
        });
        if rng.random_bool(0.7) {
            record["agreed_at"] = json!(self.event(self.pick(&mut rng, RecordKind::Event)).id);
        }
        if rng.random_bool(0.4) {
            record["date"] = json!(Date::random(&mut rng).iso());
        }
        if rng.random_bool(0.3) {
            let place = self.place(rng.random_range(self.countries..self.count(RecordKind::Place)));
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

    fn document_kind(&self, j: usize) -> &'static str {
        let mut rng = self.rng(RecordKind::Document, j);
        [
            "strategy",
            "concept",
            "programme",
            "law",
            "code",
            "convention",
            "resolution",
            "agreement",
            "report",
            "other",
        ]
        .choose(&mut rng)
        .expect("non-empty")
    }

    fn document_id(&self, j: usize) -> String {
        self.id(RecordKind::Document, self.document_kind(j), j)
    }

    fn document_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let kind = self.document_kind(j);
        let mut rng = self.detail(RecordKind::Document, j);
        let topic = self.topic_name(self.pick(&mut rng, RecordKind::Topic));
        let issuer = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
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
        let status = *[
            "draft",
            "proposed",
            "advocated",
            "adopted",
            "in-force",
            "expired",
        ]
        .choose(&mut rng)
        .expect("non-empty");
        let quote = text.say(format!("the {name} presented by the {}", issuer.name));
        let mut record = json!({
            "type": "document", "id": self.document_id(j), "name": name, "kind": kind,
            "status": status, "issuers": [issuer.id], "topics": self.topics(&mut rng, 2),
            "evidence": evidence(source, &quote),
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
            record["adopted_at"] = json!(self.event(self.pick(&mut rng, RecordKind::Event)).id);
        }
        if rng.random_bool(0.1) {
            record["presented_at"] = json!(self.event(self.pick(&mut rng, RecordKind::Event)).id);
        }
        record
    }

    fn figure_record(&self, j: usize, source: &str, text: &mut Article) -> Value {
        let mut rng = self.rng(RecordKind::Figure, j);
        let (about_id, about_name, event) = if rng.random_bool(0.8) {
            let org = self.organisation(self.pick(&mut rng, RecordKind::Organisation));
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
        let qualifier = *["exactly", "more-than", "at-least", "about", "less-than"]
            .choose(&mut rng)
            .expect("non-empty");
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
            "counts": counts, "evidence": evidence(source, &quote),
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

/// `[{"source": …, "quote": …}]`.
fn evidence(source: &str, quote: &str) -> Value {
    json!([{"source": source, "quote": quote}])
}

/// The text of an article, built from the sentences that report its records.
struct Article {
    rng: ChaCha8Rng,
    headline: Option<String>,
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
    fn say(&mut self, sentence: String) -> String {
        let quote = capitalise(&sentence);
        let last = self.paragraphs.last_mut().expect("a paragraph");
        last.push(format!("{quote}."));
        if last.len() >= 3 && self.rng.random_bool(0.5) {
            self.paragraphs.push(Vec::new());
        }
        quote
    }

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

/// The initials of the significant words: `Federation of Trade Unions of
/// Japan` → `FTUJ`.
fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "to"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_adds_up() {
        for n in [100, 1_000, 12_345, 1_000_000] {
            let c = Corpus::new(&Options {
                records: n,
                seed: 1,
            });
            assert_eq!(c.counts.iter().sum::<usize>(), n);
            assert!(c.counts.iter().all(|k| *k > 0), "{n}: {:?}", c.counts);
            for kind in RecordKind::ALL {
                let total: usize = (0..c.count(RecordKind::Source))
                    .map(|s| c.share(kind, s).len())
                    .sum();
                assert_eq!(total, c.count(kind));
            }
        }
    }

    #[test]
    fn identities_are_stable_and_ids_are_slugs() {
        let c = Corpus::new(&Options {
            records: 1_000,
            seed: 9,
        });
        for j in 0..c.count(RecordKind::Organisation) {
            let org = c.organisation(j);
            assert!(crate::dataset::is_slug(&org.id), "{}", org.id);
            assert_eq!(org.id, c.organisation(j).id);
        }
        for j in 0..c.count(RecordKind::Place) {
            assert!(crate::dataset::is_slug(&c.place(j).id));
        }
        assert!(crate::dataset::is_slug(&c.person(3).id));
        assert!(crate::dataset::is_slug(&c.event(3).id));
    }

    #[test]
    fn words() {
        assert_eq!(acronym("Federation of Trade Unions of Japan"), "FTUJ");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(Date::day(2022, 3, 5).prose(), "on 5 March 2022");
        assert_eq!(Date::year(2022).iso(), "2022");
    }

    #[test]
    fn small_corpora_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = generate(
            dir.path(),
            &Options {
                records: 10,
                seed: 1,
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Usage(_)));
    }
}
